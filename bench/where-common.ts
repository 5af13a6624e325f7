/**
 * What the where benches share (bench/where-planning*.ts, where-execution*.ts): an app in this
 * process whose statements are captured as it sends them, and one timed POST of a query to a
 * server's /graphql.
 */
import { pino } from "pino";
import { createDb } from "../src/db/driver.js";
import { createApp } from "../src/server.js";

export interface Captured {
  cypher: string;
  params: Record<string, unknown>;
}

/** An app over the Neo4j at `boltPort` that pushes every statement it sends to `captured()`. */
export function capturingApp(boltPort: string, password: string, captured: () => Captured[]) {
  const db = createDb({
    uri: `bolt://127.0.0.1:${boltPort}`,
    user: "neo4j",
    password,
    database: "neo4j",
  });
  const app = createApp({
    db,
    logger: pino({ level: "silent" }),
    onQuery: (cypher, params) => captured().push({ cypher, params }),
  });
  return { db, app };
}

/** POST one query; its time (ms) and body. A non-2xx answer or one with errors stops the bench. */
export async function post(url: string, q: string): Promise<{ ms: number; body: string }> {
  const t = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query: q }),
  });
  const body = await response.text();
  const ms = performance.now() - t;
  if (!response.ok || body.includes('"errors"')) throw new Error(`${url}: ${body.slice(0, 400)}`);
  return { ms, body };
}
