/**
 * The Cypher that deletes what the synthetic generator made: every entity whose key starts with
 * its prefix, and their relationships, a bounded batch per statement.
 */
import neo4j from "neo4j-driver";
import type { Statement } from "./params.js";

/**
 * Deletes up to `limit` relationships of generated entities. Relationships go first and are
 * counted per transaction: a batch counted in nodes has no bound (one hub holds thousands of
 * relationships), and at 10,000 nodes per batch a 100,000-entity clear overran the local
 * Neo4j's transaction memory (dbms.memory.transaction.total.max). The unique key constraint's
 * range index serves `STARTS WITH`.
 */
const DELETE_GENERATED_RELATIONSHIPS = `
MATCH (n:Entity) WHERE n.key STARTS WITH $prefix
MATCH (n)-[r]-()
WITH DISTINCT r LIMIT $limit
DELETE r
RETURN count(*) AS deleted`;

/** Deletes up to `limit` generated entities, by then without relationships. */
const DELETE_GENERATED_ENTITIES = `
MATCH (n:Entity) WHERE n.key STARTS WITH $prefix
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted`;

/**
 * The two deleting statements (each one row: deleted), to be run in this order, each again
 * while it deletes a whole batch.
 */
export function clearGeneratedStatements(batch: { prefix: string; limit: number }): {
  relationships: Statement;
  entities: Statement;
} {
  const params = { prefix: batch.prefix, limit: neo4j.int(batch.limit) };
  return {
    relationships: { cypher: DELETE_GENERATED_RELATIONSHIPS, params },
    entities: { cypher: DELETE_GENERATED_ENTITIES, params },
  };
}
