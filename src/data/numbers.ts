/**
 * The numbers settle at start: a value a version before withoutNegativeZero (domain/document.ts)
 * wrote as -0 is stored as Neo4j's -0.0, shown as 0, and missed by `value: { equals: 0 }` and
 * `{ gte: 0 }` (the range index keeps -0.0 apart from 0.0). Each is set to 0, as every write now
 * stores it.
 */
import {
  INTEGER_PROPERTIES,
  integerFloatStatement,
  NUMBER_PROPERTIES,
  type NumberProperty,
  negativeZeroStatement,
} from "../cypher/numbers.js";
import type { Statement } from "../cypher/params.js";
import type { Db } from "../db/driver.js";
import { inBatches, type QueryStats } from "../db/run.js";
import { run } from "./statement.js";

const BATCH = 5_000;

/**
 * Sets every number property the vocabulary declares that is stored as -0.0 to 0; idempotent (a
 * value set no longer matches, so a second run changes nothing), one write transaction per batch
 * of values of one property. Returns how many values changed.
 */
export async function settleNegativeZeros(
  db: Db,
  stats: QueryStats = { roundTrips: 0 },
): Promise<number> {
  return settleEach(db, stats, NUMBER_PROPERTIES, negativeZeroStatement);
}

/**
 * Sets every whole number an integer-typed property holds as a float (as every version before
 * cypher/numbers.ts withIntegers wrote it) to a Neo4j Integer, so a Cypher user reads `troops:
 * 540`, not `540.0`; idempotent, one write transaction per batch of values of one property.
 * Returns how many values changed.
 */
export async function settleIntegerFloats(
  db: Db,
  stats: QueryStats = { roundTrips: 0 },
): Promise<number> {
  return settleEach(db, stats, INTEGER_PROPERTIES, integerFloatStatement);
}

/** Runs a settle statement for each target in batches, one write transaction each; the count changed. */
async function settleEach(
  db: Db,
  stats: QueryStats,
  targets: readonly NumberProperty[],
  statement: (target: NumberProperty, limit: number) => Statement,
): Promise<number> {
  let changed = 0;
  for (const target of targets) {
    changed += await inBatches(db, stats, BATCH, async (tx) => {
      const [row] = await run(tx, statement(target, BATCH));
      return Number(row?.settled ?? 0);
    });
  }
  return changed;
}
