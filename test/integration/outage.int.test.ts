import { spawn } from "node:child_process";
import { describe, expect, inject, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createDb } from "../../src/db/driver.js";
import { type LocalNeo4jOptions, startLocalNeo4j } from "../../src/db/local-neo4j.js";
import { migrate } from "../../src/db/migrate.js";
import { freePort } from "../helpers/process.js";
import { startServer } from "../helpers/server.js";
import { startCommand } from "../helpers/shipped.js";

const options: LocalNeo4jOptions = {
  dir: loadConfig().NEO4J_LOCAL_DIR,
  instance: "outage-check",
  boltPort: Number(process.env.NEO4J_OUTAGE_BOLT_PORT ?? 7698),
  heap: "256m",
  pagecache: "64m",
  txTimeout: "10s",
  startTimeoutMs: 120_000,
};

const QUERY = JSON.stringify({ query: '{ search(query: "nato") { totalCount } }' });

describe("when Neo4j goes away", () => {
  it("the API stays up, says so on /ready, answers SERVICE_UNAVAILABLE quickly, and recovers by itself", async () => {
    let neo4j = await startLocalNeo4j(options);
    const db = createDb(neo4j);
    await migrate(db);
    const server = await startServer(db);
    const ask = async () => {
      const started = Date.now();
      const r = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: QUERY,
      });
      const body = (await r.json()) as {
        data?: unknown;
        errors?: Array<{ extensions?: { code?: string } }>;
      };
      return {
        status: r.status,
        code: body.errors?.[0]?.extensions?.code ?? null,
        ms: Date.now() - started,
      };
    };
    try {
      expect((await ask()).code).toBeNull();
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);

      await neo4j.stop();
      const down = await ask();
      expect(down.status).toBe(200);
      expect(down.code).toBe("SERVICE_UNAVAILABLE");
      expect(down.ms).toBeLessThan(8_000);
      const ready = await fetch(`${server.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: "unavailable", neo4j: "unreachable" });
      expect((await fetch(`${server.url}/health`)).status).toBe(200);

      neo4j = await startLocalNeo4j(options);
      const until = Date.now() + 30_000;
      let back = await ask();
      while (back.code !== null && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 500));
        back = await ask();
      }
      expect(back.code).toBeNull();
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    } finally {
      await server.close();
      await db.driver.close();
      await neo4j.stop();
    }
  }, 240_000);
});

describe("SIGTERM", () => {
  it("drains in-flight requests, closes the driver and exits 0", async () => {
    const { uri, user, password, database } = inject("neo4j");
    // A port the system hands out: a random one in 5000-6999 once hit 6000, a port fetch refuses
    // ("bad port"), and failed a CI run.
    const port = await freePort();
    // The entry `npm start` runs, built by the suite's global set-up (tsx would compile the
    // whole app again for this one start).
    const child = spawn(process.execPath, [startCommand().entry], {
      env: {
        ...process.env,
        NEO4J_URI: uri,
        NEO4J_USER: user,
        NEO4J_PASSWORD: password,
        NEO4J_DATABASE: database,
        PORT: String(port),
        SEED_IF_EMPTY: "false",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d.toString();
    });
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    const until = Date.now() + 60_000;
    while (!out.includes("GraphiQL:") && Date.now() < until)
      await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain("GraphiQL:");

    const inFlight = fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: QUERY,
    });
    await new Promise((r) => setTimeout(r, 5));
    child.kill("SIGTERM");
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await exited).toBe(0);
    expect(out).toContain("Stopped.");
  }, 90_000);
});
