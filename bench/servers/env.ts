/** What the harness hands each server process: its port and the bench Neo4j (never logged). */
import type { DbTarget } from "../../src/db/driver.js";

export function serverEnv(): { port: number; target: DbTarget } {
  const need = (name: string) => {
    const v = process.env[name];
    if (!v) throw new Error(`${name} is not set`);
    return v;
  };
  return {
    port: Number(need("BENCH_PORT")),
    target: {
      uri: need("BENCH_NEO4J_URI"),
      user: need("BENCH_NEO4J_USER"),
      password: need("BENCH_NEO4J_PASSWORD"),
      database: need("BENCH_NEO4J_DATABASE"),
    },
  };
}
