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
 * One row (fromFound, toFound, paths, entities): each path names its entities by key, and every
 * entity on any path is sent once in `entities` (a long source on many paths was sent once per
 * path, so ten paths through a 700 kB article read past the request's budget). Cypher cannot take a path length or a SHORTEST count as a
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
  // chains between two entities, so they are not listed. Nor, between two entities, is a walk
  // that meets an entity twice (Trudeau -> Latvia -> a visit -> Latvia was listed as a path to
  // Latvia): each hop's entity differs from the start and from every later hop, a condition
  // inside the selective pattern, so the k shortest are chosen among chains only.
  const walk =
    rel === ""
      ? "RETURN [] AS paths, [] AS entities"
      : `WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = SHORTEST ${k} ((a)(()-[step:${rel} WHERE ${counted("step")}]-(hop)){1,${maxHops}}(b)
    WHERE NOT a IN hop AND all(i IN range(0, size(hop) - 2) WHERE NOT hop[i] IN hop[i + 1..]))
  WITH collect(p) AS found
  CALL (found) {
    UNWIND found AS p
    UNWIND nodes(p) AS n
    WITH DISTINCT n
    RETURN collect(${asMap("n")}) AS entities
  }
  RETURN [p IN found | {
    nodes: [n IN nodes(p) | n.key],
    rels: [r IN relationships(p) | {props: ${asMap("r")}, type: type(r), start: startNode(r).key}]
  }] AS paths, entities`;
  const cypher = `
OPTIONAL MATCH (a:Entity {key: $from})
OPTIONAL MATCH (b:Entity {key: $to})
CALL (a, b) {
  ${walk}
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,
  CASE WHEN a = b THEN [{nodes: [a.key], rels: []}] ELSE paths END AS paths,
  CASE WHEN a = b THEN [${asMap("a")}] ELSE entities END AS entities`;
  return { cypher, params: { from: plan.from, to: plan.to } };
}
