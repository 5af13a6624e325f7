/**
 * The Cypher of settling claims (src/data/claims.ts): setting what a relation's or an entity's
 * claims resolve to, found by element id, and the migrations' reads of relations and entities
 * written before claims existed. The values are worked out in TypeScript (src/domain); these
 * statements only read and set them, as parameters.
 */
import neo4j from "neo4j-driver";
import { aliasFolds, nameFolds } from "../domain/fold.js";
import { OVER_TIME_RELATION_TYPES, RETRACTED_CLAIMS_LABEL } from "../domain/vocabulary.js";
import { plainNamesOf } from "./fold.js";
import { withIntegers } from "./numbers.js";
import type { Statement } from "./params.js";

/** A node or relationship (its element id) and the properties to set on it. */
export interface PropertiesRow {
  id: string;
  props: Record<string, unknown>;
}

/** Sets each row's properties on the relationship with its element id. */
export function settleRelationsStatement(rows: readonly PropertiesRow[]): Statement {
  return {
    cypher: `
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.id
SET r += row.props`,
    params: { rows: rows.map((row) => ({ ...row, props: withIntegers(row.props) })) },
  };
}

/** A row's properties with the folds of the name and aliases among them (domain/fold.ts). */
function withFolds(props: Record<string, unknown>): Record<string, unknown> {
  const { name, aliases } = props;
  return {
    ...withIntegers(props),
    ...(typeof name === "string" ? nameFolds(name) : {}),
    ...(Array.isArray(aliases) ? aliasFolds(aliases.map(String)) : {}),
    ...(typeof props.foldRule === "number" ? { foldRule: neo4j.int(props.foldRule) } : {}),
  };
}

/**
 * Sets each row's properties on the entity with its element id, with a name or aliases among
 * them their folds (computed here: see domain/fold.ts), and its plainNames again.
 */
export function settleEntitiesStatement(rows: readonly PropertiesRow[]): Statement {
  return {
    cypher: `
UNWIND $rows AS row
MATCH (n:Entity) WHERE elementId(n) = row.id
SET n += row.props
SET n.plainNames = ${plainNamesOf("n")}`,
    params: { rows: rows.map((row) => ({ ...row, props: withFolds(row.props) })) },
  };
}

/** Sets each row's properties on the entity with its element id (the name is not among them). */
export function setEntitiesStatement(rows: readonly PropertiesRow[]): Statement {
  return {
    cypher: `
UNWIND $rows AS row
MATCH (n:Entity) WHERE elementId(n) = row.id
SET n += row.props`,
    params: { rows: rows.map((row) => ({ ...row, props: withIntegers(row.props) })) },
  };
}

/**
 * Rows (id, props, dates): up to `limit` relations written before claims existed (evidence
 * without values), with the date of each evidence source (its asOf, or publication date).
 */
export function legacyRelationsStatement(limit: number): Statement {
  return {
    cypher: `
MATCH ()-[r]->()
WHERE r.evidenceSources IS NOT NULL AND r.evidenceValues IS NULL
WITH r LIMIT $limit
RETURN elementId(r) AS id, properties(r) AS props,
       [s IN r.evidenceSources | COLLECT { MATCH (x:Entity {key: s}) RETURN coalesce(x.asOf, x.publishedAt) }[0]] AS dates`,
    params: { limit: neo4j.int(limit) },
  };
}

/** Rows (id, props): up to `limit` entities written before entity claims existed (no claim lists). */
export function legacyEntitiesStatement(limit: number): Statement {
  return {
    cypher: `
MATCH (n:Entity) WHERE n.claimSources IS NULL AND n.kind <> 'Source'
WITH n LIMIT $limit
RETURN elementId(n) AS id, properties(n) AS props`,
    params: { limit: neo4j.int(limit) },
  };
}

/** Rows (key, at): each source's date (its asOf, or publication date), for the keys that exist. */
export function sourceDatesStatement(keys: readonly string[]): Statement {
  return {
    cypher: `
MATCH (s:Entity) WHERE s.key IN $keys
RETURN s.key AS key, coalesce(s.asOf, s.publishedAt) AS at`,
    params: { keys: [...keys] },
  };
}

/**
 * Rows (id, props): the relations whose figures change over time (the registry's `overTime`
 * types, by their relationship type index) that hold more than one claim: the ones whose stored
 * figures a version before figures resolved together may have mixed from several claims.
 */
export function figureRelationsStatement(): Statement {
  return {
    cypher: `
MATCH ()-[r:${OVER_TIME_RELATION_TYPES.join("|")}]->()
WHERE size(coalesce(r.evidenceSources, [])) > 1
RETURN elementId(r) AS id, properties(r) AS props`,
    params: {},
  };
}

/**
 * Row (labelled): labels RETRACTED_CLAIMS_LABEL the entities with a DEPRECATED claim that lack
 * it (a graph written before the label existed), so reads leave out those only retracted sources
 * state. A scan of the entities, run once at each start; it changes nothing the second time.
 */
export function labelRetractedClaimsStatement(): Statement {
  return {
    cypher: `
MATCH (n:Entity) WHERE NOT n:${RETRACTED_CLAIMS_LABEL}
  AND any(rank IN coalesce(n.claimRanks, []) WHERE rank = "DEPRECATED")
SET n:${RETRACTED_CLAIMS_LABEL}
RETURN count(n) AS labelled`,
    params: {},
  };
}
