/**
 * The Cypher of a neighbourhood: the entity it starts from, and one level of the walk (the
 * relations of every entity of the frontier, of the given types, capped in rows).
 */
import neo4j from "neo4j-driver";
import { isRelationType, type RelationType } from "../domain/vocabulary.js";
import type { Statement } from "./params.js";
import { asMap, counted } from "./projection.js";
import { independentSourcesCall, syndicationParams } from "./syndication.js";

/** Row (n): the entity the neighbourhood starts from; no row when the key is unknown. */
export function neighbourhoodStartStatement(key: string): Statement {
  return { cypher: `MATCH (n:Entity {key: $key}) RETURN ${asMap("n")} AS n`, params: { key } };
}

/**
 * Rows (key, item): each relation of the frontier's entities, seen from its frontier end. An end
 * already `known` (taken by an earlier level) comes as its key and kind alone: the walk has it,
 * and sending it again sent a source's whole text once per entity it mentions. Once `full` (the
 * known entities fill the neighbourhood's limit), a relation to any other end cannot be kept: its
 * item is null, so the row only says that the neighbourhood goes on (truncated). Without
 * `sentences`, a relation comes without its claims' excerpts (evidenceExcerpts null): the
 * megabytes a relation stated by a thousand sources holds, which a drawing does not show. With
 * `independent` (asked only when the selection reads independentSourceCount: it reads every
 * claim's sentence of every relation drawn), each relation's count of independent sources is
 * computed here, so its sentences need not leave the database.
 */
export function neighbourhoodLevelStatement(level: {
  types: readonly RelationType[];
  frontier: readonly string[];
  rows: number;
  known: readonly string[];
  full: boolean;
  sentences?: boolean;
  independent?: boolean;
}): Statement {
  const props = level.sentences === false ? asMap("r", ["evidenceExcerpts"]) : asMap("r");
  // The item is projected as soon as the relation is matched, as it was before syndication: a
  // relation a write deletes later in the statement is then either whole or gone (type null).
  const item = `CASE WHEN seen OR NOT $full THEN {props: ${props}, type: type(r), out: startNode(r) = n, m: CASE WHEN seen THEN {key: m.key, kind: m.kind} ELSE ${asMap("m")} END} END`;
  const cypher = level.independent
    ? `
UNWIND $frontier AS k
MATCH (n:Entity {key: k})-[r:${level.types.filter(isRelationType).join("|")}]-(m:Entity)
WHERE ${counted("r")}
WITH k, n, r, m, m.key IN $known AS seen
LIMIT $rows
WITH k, r, ${item} AS item
${independentSourcesCall("r", "independent")}
RETURN k AS key, CASE WHEN item IS NOT NULL THEN item {.*, independent: independent} END AS item`
    : `
UNWIND $frontier AS k
MATCH (n:Entity {key: k})-[r:${level.types.filter(isRelationType).join("|")}]-(m:Entity)
WHERE ${counted("r")}
WITH k, n, r, m, m.key IN $known AS seen
RETURN k AS key, ${item} AS item
LIMIT $rows`;
  return {
    cypher,
    params: {
      frontier: [...level.frontier],
      rows: neo4j.int(level.rows),
      known: [...level.known],
      full: level.full,
      ...(level.independent ? syndicationParams() : {}),
    },
  };
}
