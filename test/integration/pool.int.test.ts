/**
 * The driver's pool of connections to Neo4j, as requests find it: a request that finds every
 * connection in use is told the server is busy (OVERLOADED, retry), not that the database is
 * unavailable, and the server does not report Neo4j as unreachable while it answers.
 */
import neo4j from "neo4j-driver";
import { describe, expect, inject, it } from "vitest";
import { createDb, type Db, SESSIONS_PER_REQUEST } from "../../src/db/driver.js";
import { createClient } from "../helpers/client.js";
import { startServer } from "../helpers/server.js";

const QUERY = JSON.stringify({ query: '{ search(query: "nato") { totalCount } }' });

describe("when every connection of the pool is in use", () => {
  it("a request is answered OVERLOADED with Retry-After, and Neo4j is not reported unreachable", async () => {
    const { uri, user, password, database } = inject("neo4j");
    // One connection, and a short wait for it, so the pool's acquisition timeout comes at once.
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
      maxConnectionPoolSize: 1,
      connectionAcquisitionTimeout: 500,
      connectionTimeout: 500,
      logging: { level: "error", logger: () => {} },
    });
    const unreachable: string[] = [];
    const db: Db = {
      driver,
      database,
      health: { unreachable: (cause) => unreachable.push(cause), answered: () => {} },
    };
    const server = await startServer(db);
    const ask = async () => {
      const r = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: QUERY,
      });
      const body = (await r.json()) as {
        errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
      };
      return { retryAfter: r.headers.get("retry-after"), errors: body.errors ?? [] };
    };
    // Another piece of work holds the pool's one connection (an open transaction).
    const held = driver.session({ database });
    const tx = await held.beginTransaction();
    try {
      await tx.run("RETURN 1");
      const busy = await ask();
      expect(busy.errors).toHaveLength(1);
      expect(busy.errors[0]?.extensions).toEqual({ code: "OVERLOADED" });
      expect(busy.errors[0]?.message).toMatch(/busy.*retry/i);
      expect(busy.retryAfter).toBe("1");
      expect(unreachable).toEqual([]);

      // Once the connection is given back, the same request is answered.
      await tx.rollback();
      await held.close();
      const free = await ask();
      expect(free.errors).toEqual([]);
      expect(unreachable).toEqual([]);
    } finally {
      await held.close();
      await server.close();
      await driver.close();
    }
  }, 60_000);
});

describe("one request's sessions", () => {
  it(`are at most ${SESSIONS_PER_REQUEST} open at once, however many reads it runs side by side`, async () => {
    const db = createDb(inject("neo4j"));
    // Counts the sessions open at once on the real driver (only this test's requests use it).
    let open = 0;
    let peak = 0;
    const session = db.driver.session.bind(db.driver);
    db.driver.session = (config) => {
      const s = session(config);
      open += 1;
      peak = Math.max(peak, open);
      const close = s.close.bind(s);
      let closed = false;
      s.close = () => {
        if (!closed) open -= 1;
        closed = true;
        return close();
      };
      return s;
    };
    const { gql } = createClient(db);
    try {
      // Eight root fields, each its own read, all resolved side by side.
      const fields = ["nato", "france", "ukraine", "germany", "poland", "un", "eu", "army"];
      const query = `{ ${fields.map((q, i) => `s${i}: search(query: "${q}") { totalCount }`).join(" ")} }`;
      const r = await gql(query);
      expect(r.errors).toBeUndefined();
      expect(Object.keys(r.data)).toHaveLength(fields.length);
      expect(peak).toBeGreaterThan(0);
      expect(peak).toBeLessThanOrEqual(SESSIONS_PER_REQUEST);
      expect(open).toBe(0);
    } finally {
      await db.driver.close();
    }
  }, 60_000);
});
