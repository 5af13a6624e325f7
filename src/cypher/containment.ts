/**
 * The Cypher of the containment check (src/data/containment.ts): which of a write's ends the
 * graph places directly above which, through containment types (PART_OF, LOCATED_IN). The types
 * come from the registry.
 */
import { CONTAINMENT_RELATION_TYPES } from "../domain/vocabulary.js";
import { registryType } from "./ingest.js";
import type { Statement } from "./params.js";
import { countedBesides } from "./projection.js";

// The graph's containment relations from each start (to another of `keys`, or to an entity
// outside them), and which of `keys` each such outside entity lies within: one breadth-first
// walk up from each (DISTINCT ends and no path: Neo4j plans VarLengthExpand(Pruning,BFS), each
// entity visited once). Not a walk from every start: a document's chain of 3,000 places, each
// PART_OF the next, walked the chain above each of its places (4.5M steps) and ran past its
// budget. Nor a path search: a place within two places within two places ... has 2^depth ways
// up (42 such places ran past a timeout), and so did SHORTEST 1 towards an end left open.
// Only relations that count (some unretracted source states them, `counted`) make a step: one
// only retracted sources state is shown nowhere, and refused a document that says the opposite
// ("B lies within A" after the source of "A lies within B" was retracted); restoring such a
// source is checked instead (src/data/writes.ts). Nor one only `$besides` states (and retracted
// sources): the source an ingest supersedes, retracted in its transaction after this check, so a
// corrected article may say the opposite of the version it replaces.
const containmentSteps = (types: readonly string[]) => `
UNWIND $starts AS k
MATCH (a:Entity {key: k})-[r:${types.join("|")}]->(b:Entity)
WHERE ${countedBesides("r", "besides")}
RETURN a.key AS from, b.key AS to
UNION
UNWIND $starts AS k
MATCH (:Entity {key: k})-[r:${types.join("|")}]->(a:Entity)
WHERE NOT a.key IN $keys AND ${countedBesides("r", "besides")}
WITH DISTINCT a
MATCH (a)-[up:${types.join("|")}*1..]->(b:Entity)
WHERE b.key IN $keys AND all(u IN up WHERE ${countedBesides("u", "besides")})
RETURN DISTINCT a.key AS from, b.key AS to`;

/** Cypher text for the registry's containment types, built once. */
const CONTAINMENT_STEPS = containmentSteps(CONTAINMENT_RELATION_TYPES.map(registryType));

/**
 * Rows (from, to), each a step up through containment relations: from one of `starts` to what
 * the graph places it directly within, and from each such entity outside `keys` to each of `keys`
 * the graph places it within. Every way up from one of `keys` to another is a sequence of these
 * steps, so they and a write's own relations tell which of its relations lie on a cycle
 * (src/data/containment.ts). `besides`: a source counted as retracted (one the write supersedes).
 */
export function containmentStepsStatement(
  starts: readonly string[],
  keys: readonly string[],
  besides: string | null = null,
): Statement {
  return { cypher: CONTAINMENT_STEPS, params: { starts, keys, besides } };
}
