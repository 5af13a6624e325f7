/**
 * The Cypher of a neighbourhood: the entity it starts from, and one level of the walk (the
 * relations of every entity of the frontier, of the given types, capped in rows).
 */
import neo4j from "neo4j-driver";
import { isRelationType, type RelationType } from "../domain/vocabulary.js";
import type { Statement } from "./params.js";
import { asMap, counted } from "./projection.js";

/** Row (n): the entity the neighbourhood starts from; no row when the key is unknown. */
export function neighbourhoodStartStatement(key: string): Statement {
  return { cypher: `MATCH (n:Entity {key: $key}) RETURN ${asMap("n")} AS n`, params: { key } };
}

/** Rows (key, item): each relation of the frontier's entities, seen from its frontier end. */
export function neighbourhoodLevelStatement(level: {
  types: readonly RelationType[];
  frontier: readonly string[];
  rows: number;
}): Statement {
  const cypher = `
UNWIND $frontier AS k
MATCH (n:Entity {key: k})-[r:${level.types.filter(isRelationType).join("|")}]-(m:Entity)
WHERE ${counted("r")}
RETURN k AS key, {props: ${asMap("r")}, type: type(r), out: startNode(r) = n, m: ${asMap("m")}} AS item
LIMIT $rows`;
  return { cypher, params: { frontier: [...level.frontier], rows: neo4j.int(level.rows) } };
}
