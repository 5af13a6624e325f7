/**
 * The Cypher of paths between two entities: the k shortest chains of relations of the given
 * types, and whether each end exists, in one statement.
 */
import { isRelationType, type RelationType } from "../domain/vocabulary.js";
import type { Statement } from "./params.js";
import { asMap, counted } from "./projection.js";

export const MAX_HOPS = 6;
export const MAX_PATHS = 10;

export interface PathsPlan {
  from: string;
  to: string;
  /** Registry types the walk may follow (none: no path, the ends are still looked up). */
  types: readonly RelationType[];
  maxHops: number;
  /** How many shortest paths to ask Neo4j for. */
  k: number;
}

/**
 * One row (fromFound, toFound, paths). Cypher cannot take a path length or a SHORTEST count as a
 * parameter, so both are checked integers in a small range before they become part of the
 * text; types come from the registry.
 */
export function pathsStatement(plan: PathsPlan): Statement {
  const { maxHops, k } = plan;
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS)
    throw new Error("maxHops out of range");
  if (!Number.isInteger(k) || k < 1 || k > MAX_PATHS * 3) throw new Error("k out of range");
  const rel = plan.types.filter(isRelationType).join("|");
  // One query answers both "do the ends exist" (an unknown key is NOT_FOUND, not "no path")
  // and the paths themselves. From an entity to itself the one path is that entity alone, the
  // shortest a quantified pattern of {0,n} hops would find; walks back to it are cycles, not
  // chains between two entities, so they are not listed.
  const walk =
    rel === ""
      ? "RETURN [] AS paths"
      : `WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = SHORTEST ${k} (a)-[step:${rel} WHERE ${counted("step")}]-{1,${maxHops}}(b)
  RETURN collect({
    nodes: [n IN nodes(p) | ${asMap("n")}],
    rels: [r IN relationships(p) | {props: ${asMap("r")}, type: type(r), start: startNode(r).key}]
  }) AS paths`;
  const cypher = `
OPTIONAL MATCH (a:Entity {key: $from})
OPTIONAL MATCH (b:Entity {key: $to})
CALL (a, b) {
  ${walk}
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,
  CASE WHEN a = b THEN [{nodes: [${asMap("a")}], rels: []}] ELSE paths END AS paths`;
  return { cypher, params: { from: plan.from, to: plan.to } };
}
