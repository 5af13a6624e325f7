/**
 * Deleting what the synthetic generator (src/generate/documents.ts) made: every entity whose key
 * starts with its prefix, and their relationships.
 */
import neo4j from "neo4j-driver";
import type { Db } from "../db/driver.js";
import { type QueryStats, writeTx } from "../db/run.js";
import { GENERATED_KEY_PREFIX } from "../generate/documents.js";

/**
 * Deletes up to `$limit` relationships of generated entities. Relationships go first and are
 * counted per transaction: a batch counted in nodes has no bound (one hub holds thousands of
 * relationships), and at 10,000 nodes per batch a 100,000-entity clear overran the local
 * Neo4j's transaction memory (dbms.memory.transaction.total.max). The unique key constraint's
 * range index serves `STARTS WITH`.
 */
export const DELETE_GENERATED_RELATIONSHIPS = `
MATCH (n:Entity) WHERE n.key STARTS WITH $prefix
MATCH (n)-[r]-()
WITH DISTINCT r LIMIT $limit
DELETE r
RETURN count(*) AS deleted`;

/** Deletes up to `$limit` generated entities, by then without relationships. */
export const DELETE_GENERATED_ENTITIES = `
MATCH (n:Entity) WHERE n.key STARTS WITH $prefix
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted`;

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
  const params = { prefix: GENERATED_KEY_PREFIX, limit: neo4j.int(CLEAR_BATCH_SIZE) };
  const phases = [
    [DELETE_GENERATED_RELATIONSHIPS, "relationships"],
    [DELETE_GENERATED_ENTITIES, "entities"],
  ] as const;
  for (const [cypher, counter] of phases) {
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
