/**
 * Planning the write statements before the first request needs them. Neo4j plans a statement the
 * first time it sees its text (0.1-0.5 s each for ingest's, whose claim expressions are costly to
 * plan) and keeps the plan. Right after a start on a graph that was not seeded then, the first
 * ingestDocument planned all of its statements inside its own transaction: 7.3 s on a loaded
 * machine, against an 8 s limit. The warm-up ingests documents twice (so that they are created,
 * then restated: every statement ingest sends runs) and reads as addRelation reads, all in one
 * transaction that is rolled back: nothing is written, and the plans stay cached.
 */
import { addRelationStatement } from "../cypher/writes.js";
import type { Db } from "../db/driver.js";
import { writeTx } from "../db/run.js";
import { ingestInTx } from "./ingest.js";
import { run } from "./statement.js";

/** Thrown inside the warm-up's transaction, so that it rolls back. */
class RollBack extends Error {}

const K = "plan-warm-up";
const TEXT = "The first sentence. The second sentence.";

/**
 * A document of `n` people leading `n` nations (each relation stated twice: the upsert), each
 * nation a member of one alliance (stated once: the creation). Neo4j keeps a plan per size
 * bucket of a list parameter (a statement planned for 3 rows is planned again for 30), so the
 * warm-up ingests a small and an article-sized document.
 */
function document(round: number, n: number) {
  const key = (what: string, i: number) => `${K}-${what}-${n}-${i}`;
  const each = <T>(f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
  return {
    source: {
      key: `${K}-source-${n}`,
      name: "Warm-up",
      properties: { text: TEXT, publishedAt: `2000-01-0${round}` },
    },
    entities: [
      ...each((i) => ({ key: key("person", i), kind: "Person", name: `Person ${i} ${round}` })),
      ...each((i) => ({ key: key("nation", i), kind: "Nation", name: `Nation ${i} ${round}` })),
      { key: key("alliance", 0), kind: "Organization", name: "Warm-up alliance" },
    ],
    relations: [
      ...each((i) => ({
        from: key("person", i),
        type: "LEADS",
        to: key("nation", i),
        evidence: "The first sentence.",
      })),
      ...each((i) => ({
        from: key("person", i),
        type: "LEADS",
        to: key("nation", i),
        evidence: "The second sentence.",
      })),
      ...each((i) => ({
        from: key("nation", i),
        type: "MEMBER_OF",
        to: key("alliance", 0),
        evidence: "The first sentence.",
        properties: { since: `200${round}` },
      })),
    ],
  };
}

/** The documents' sizes: a few rows per statement, and an article's tens. */
const SIZES = [3, 30];

/**
 * Plans ingest's and addRelation's statements in a transaction that is rolled back; resolves to
 * the number of statements run. Rejects when the database refuses (the caller logs it: the first
 * write then plans them itself).
 */
export async function warmUpWrites(db: Db, timeoutMs = 60_000): Promise<number> {
  const stats = { roundTrips: 0 };
  try {
    await writeTx(
      db,
      stats,
      async (tx) => {
        for (const n of SIZES)
          for (const round of [1, 2]) await ingestInTx(tx, document(round, n), "warm-up");
        await run(
          tx,
          addRelationStatement("LEADS", {
            from: `${K}-person-3-0`,
            to: `${K}-nation-3-0`,
            source: `${K}-source-3`,
            row: { properties: {}, inferred: false, evidence: TEXT, values: "{}" },
            write: false,
            fromKinds: [],
            toKinds: [],
            by: "warm-up",
          }),
        );
        throw new RollBack();
      },
      timeoutMs,
    );
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return stats.roundTrips;
}
