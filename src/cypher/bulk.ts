/**
 * The Cypher a bulk load runs once Neo4j's offline importer is done (src/data/bulk-load.ts): the
 * empty aliases the importer cannot write, and the values with line breaks left out of the CSV,
 * set by key (and by type for relations) with the values as parameters.
 */
import type { RelationType } from "../domain/vocabulary.js";
import type { Statement } from "./params.js";

/** How many nodes the database holds (to refuse a load into one that is not empty). */
export function countNodesStatement(): Statement {
  return { cypher: "MATCH (n) RETURN count(n) AS n", params: {} };
}

/**
 * Sets `aliases: []` (and their folds, `aliasesLower` and `aliasesPlain`, empty too) where the
 * importer left none, in transactions of its own.
 */
export function emptyAliasesStatement(): Statement {
  return {
    cypher: `
MATCH (n:Entity) WHERE n.aliases IS NULL
CALL (n) { SET n.aliases = [], n.aliasesLower = [], n.aliasesPlain = [] } IN TRANSACTIONS OF 20000 ROWS`,
    params: {},
  };
}

/** Sets the given properties on entities found by key. */
export function nodePatchesStatement(
  rows: ReadonlyArray<{ key: string; props: Record<string, unknown> }>,
): Statement {
  return {
    cypher: "UNWIND $rows AS row MATCH (n:Entity {key: row.key}) SET n += row.props",
    params: { rows },
  };
}

/** Sets the given properties on relations of the registry type `type`, found by their ends. */
export function relationPatchesStatement(
  type: RelationType,
  rows: ReadonlyArray<{ from: string; to: string; props: Record<string, unknown> }>,
): Statement {
  return {
    cypher: `UNWIND $rows AS row
           MATCH (:Entity {key: row.from})-[r:${type}]->(:Entity {key: row.to})
           SET r += row.props`,
    params: { rows },
  };
}
