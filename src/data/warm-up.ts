/**
 * Planning the write statements before the first request needs them. Neo4j plans a statement the
 * first time it sees its text (0.1-0.5 s each for ingest's, whose claim expressions are costly to
 * plan) and keeps the plan. Right after a start on a graph that was not seeded then, the first
 * ingestDocument planned all of its statements inside its own transaction: 7.3 s on a loaded
 * machine, against an 8 s limit. The warm-up ingests a small document twice (so that it is
 * created, then restated: every statement ingest sends runs) and reads as addRelation reads, all
 * in one transaction that is rolled back: nothing is written, and the plans stay cached.
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

/** A document that states one relation twice (the upsert) and one once (the creation). */
function document(round: number) {
  return {
    source: {
      key: `${K}-source`,
      name: "Warm-up",
      properties: { text: TEXT, publishedAt: `2000-01-0${round}` },
    },
    entities: [
      { key: `${K}-person`, kind: "Person", name: `Warm-up person ${round}` },
      { key: `${K}-nation`, kind: "Nation", name: `Warm-up nation ${round}` },
      { key: `${K}-alliance`, kind: "Organization", name: "Warm-up alliance" },
    ],
    relations: [
      { from: `${K}-person`, type: "LEADS", to: `${K}-nation`, evidence: "The first sentence." },
      { from: `${K}-person`, type: "LEADS", to: `${K}-nation`, evidence: "The second sentence." },
      {
        from: `${K}-nation`,
        type: "MEMBER_OF",
        to: `${K}-alliance`,
        evidence: "The first sentence.",
        properties: { since: `200${round}` },
      },
    ],
  };
}

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
        for (const round of [1, 2]) await ingestInTx(tx, document(round), "warm-up");
        await run(
          tx,
          addRelationStatement("LEADS", {
            from: `${K}-person`,
            to: `${K}-nation`,
            source: `${K}-source`,
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
