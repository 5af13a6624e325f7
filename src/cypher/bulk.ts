/**
 * The Cypher a bulk load runs once Neo4j's offline importer is done (src/data/bulk-load.ts): the
 * empty aliases the importer cannot write, and the values with line breaks left out of the CSV,
 * set by key (and by type for relations) with the values as parameters.
 */
import { type Kind, type RelationType, WRITE_LOCK_LABEL } from "../domain/vocabulary.js";

const SOURCE: Kind = "Source";

import { withIntegers } from "./numbers.js";
import type { Statement } from "./params.js";

/**
 * What the database holds (to refuse a load into one that is not empty), in one row: `sources`,
 * `entities` (of the other kinds) and `others` (nodes this project does not write). The project's
 * own bookkeeping (the lock nodes, WRITE_LOCK_LABEL) is not counted: a database emptied of its
 * graph keeps them, and an import replaces them with the rest.
 */
export function graphContentsStatement(): Statement {
  return {
    cypher: `
MATCH (n) WHERE NOT n:${WRITE_LOCK_LABEL}
RETURN count(CASE WHEN n:Entity AND n:${SOURCE} THEN 1 END) AS sources,
       count(CASE WHEN n:Entity AND NOT n:${SOURCE} THEN 1 END) AS entities,
       count(CASE WHEN NOT n:Entity THEN 1 END) AS others`,
    params: {},
  };
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

/**
 * Sets a Source's footprint lists (cypher/footprint.ts) empty where the importer left none (a
 * source with no claims, or none on relations), as ingest stores them.
 */
export function emptyFootprintsStatement(): Statement {
  return {
    cypher: `
MATCH (n:Entity) WHERE n:${SOURCE} AND (n.footprintKeys IS NULL OR n.footprintRelations IS NULL)
SET n.footprintKeys = coalesce(n.footprintKeys, []),
    n.footprintRelations = coalesce(n.footprintRelations, [])`,
    params: {},
  };
}

/** Sets the given properties on entities found by key. */
export function nodePatchesStatement(
  rows: ReadonlyArray<{ key: string; props: Record<string, unknown> }>,
): Statement {
  return {
    cypher: "UNWIND $rows AS row MATCH (n:Entity {key: row.key}) SET n += row.props",
    params: { rows: rows.map((row) => ({ ...row, props: withIntegers(row.props) })) },
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
    params: { rows: rows.map((row) => ({ ...row, props: withIntegers(row.props) })) },
  };
}
