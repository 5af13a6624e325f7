/**
 * The driver's pool of connections to Neo4j, as requests find it: one request holds at most a
 * few of them at once, so the requests the server admits together fit in the pool.
 */
import { describe, expect, inject, it, vi } from "vitest";
import { createDb, type Db, SESSIONS_PER_REQUEST } from "../../src/db/driver.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { createClient } from "../helpers/client.js";

/**
 * Counts the sessions `db`'s driver opens (only the test's requests use it): how many are open,
 * the most open at once, and how many were opened in all. While `hold` is set, a session whose
 * work is done closes only once it resolves (so it stays one of its request's open sessions).
 */
function countSessions(db: Db) {
  const counts = { open: 0, peak: 0, opened: 0, hold: null as Promise<void> | null };
  const session = db.driver.session.bind(db.driver);
  db.driver.session = (config) => {
    const s = session(config);
    counts.open += 1;
    counts.opened += 1;
    counts.peak = Math.max(counts.peak, counts.open);
    const close = s.close.bind(s);
    let closed = false;
    s.close = async () => {
      if (counts.hold) await counts.hold;
      if (!closed) counts.open -= 1;
      closed = true;
      return close();
    };
    return s;
  };
  return counts;
}

// Eight root fields, each its own read, all resolved side by side.
const FIELDS = ["nato", "france", "ukraine", "germany", "poland", "un", "eu", "army"];
const EIGHT_READS = `{ ${FIELDS.map((q, i) => `s${i}: search(query: "${q}") { totalCount }`).join(" ")} }`;

describe("one request's sessions", () => {
  it(`are at most ${SESSIONS_PER_REQUEST} open at once, however many reads it runs side by side`, async () => {
    const db = createDb(inject("neo4j"));
    const counts = countSessions(db);
    const { gql } = createClient(db);
    try {
      const r = await gql(EIGHT_READS);
      expect(r.errors).toBeUndefined();
      expect(Object.keys(r.data)).toHaveLength(FIELDS.length);
      expect(counts.peak).toBeGreaterThan(0);
      expect(counts.peak).toBeLessThanOrEqual(SESSIONS_PER_REQUEST);
      expect(counts.open).toBe(0);
    } finally {
      await db.driver.close();
    }
  }, 60_000);

  it("are opened no more once the request was answered TIMEOUT", async () => {
    const db = createDb(inject("neo4j"));
    const counts = countSessions(db);
    // The sessions first opened stay open until the answer is in: the request runs past its
    // budget with the rest of its reads still waiting for a session.
    let release = () => {};
    counts.hold = new Promise((resolve) => {
      release = resolve;
    });
    const { gql } = createClient(db, { limits: { ...DEFAULT_LIMITS, requestTimeoutMs: 500 } });
    try {
      const r = await gql(EIGHT_READS);
      expect(r.errors?.map((e) => e.extensions?.code)).toEqual(["TIMEOUT"]);
      expect(counts.opened).toBe(SESSIONS_PER_REQUEST);
      counts.hold = null;
      release();
      // The sessions held close; the five reads still waiting were refused when the request was
      // answered, so none of them opens one now.
      await vi.waitFor(() => expect(counts.open).toBe(0), { timeout: 10_000 });
      expect(counts.opened).toBe(SESSIONS_PER_REQUEST);
    } finally {
      release();
      await db.driver.close();
    }
  }, 60_000);
});
