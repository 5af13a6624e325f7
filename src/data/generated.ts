/**
 * Deleting what the synthetic generator (src/generate/documents.ts) made: every entity whose key
 * starts with its prefix, and their relationships.
 */
import { clearGeneratedStatements } from "../cypher/generated.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, writeTx } from "../db/run.js";
import { GENERATED_KEY_PREFIX } from "../generate/documents.js";

/** Relationships or entities deleted per transaction by `clearGenerated`. */
export const CLEAR_BATCH_SIZE = 10_000;

/** How much `clearGenerated` deleted. */
export interface ClearSummary {
  entities: number;
  relationships: number;
}

/**
 * Deletes every entity whose key starts with GENERATED_KEY_PREFIX, and its relationships, in
 * transactions of at most CLEAR_BATCH_SIZE deletions each. `onBatch` hears the running totals.
 */
export async function clearGenerated(
  db: Db,
  stats: QueryStats,
  onBatch: (soFar: ClearSummary) => void = () => {},
): Promise<ClearSummary> {
  const totals: ClearSummary = { entities: 0, relationships: 0 };
  const statements = clearGeneratedStatements({
    prefix: GENERATED_KEY_PREFIX,
    limit: CLEAR_BATCH_SIZE,
  });
  // Relationships first: see src/cypher/generated.ts for why a batch is counted in them.
  const phases = [
    [statements.relationships, "relationships"],
    [statements.entities, "entities"],
  ] as const;
  for (const [{ cypher, params }, counter] of phases) {
    for (;;) {
      const [row] = await writeTx(db, stats, (tx) => tx.run(cypher, params));
      const deleted = Number(row?.deleted ?? 0);
      totals[counter] += deleted;
      if (deleted > 0) onBatch({ ...totals });
      if (deleted < CLEAR_BATCH_SIZE) break;
    }
  }
  return totals;
}
