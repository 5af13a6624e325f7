/**
 * The driver's pool of connections to Neo4j, as requests find it: one request holds at most a
 * few of them at once, so the requests the server admits together fit in the pool.
 */
import { describe, expect, inject, it } from "vitest";
import { createDb, SESSIONS_PER_REQUEST } from "../../src/db/driver.js";
import { createClient } from "../helpers/client.js";

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
