/**
 * The Cypher of the containment check (src/data/containment.ts): whether relations just written
 * close a cycle of containment types (PART_OF, LOCATED_IN). The types come from the registry.
 */
import { CONTAINMENT_RELATION_TYPES } from "../domain/vocabulary.js";
import { registryType } from "./ingest.js";
import type { Statement } from "./params.js";

// SHORTEST 1: a breadth-first search that visits each entity once. \`(b)-[*1..]->(a)\` walked
// every path from b upwards while looking for a, and a place within two places within two
// places ... has 2^depth of them: a document of 42 places, each PART_OF both of the next pair,
// ran past its transaction's timeout, so it could never be ingested (nor anything added below).
const containmentCycles = (types: readonly string[]) => `
UNWIND $pairs AS p
MATCH (a:Entity {key: p.from}), (b:Entity {key: p.to})
WHERE EXISTS { MATCH SHORTEST 1 (b)-[:${types.join("|")}]->+(a) }
RETURN p.index AS index`;

const containmentReach = (types: readonly string[]) => `
UNWIND $starts AS k
MATCH (a:Entity {key: k})-[:${types.join("|")}*1..]->(b:Entity)
WHERE b.key IN $keys
RETURN DISTINCT a.key AS from, b.key AS to`;

/** Cypher text for the registry's containment types, built once. */
const CONTAINMENT_CYCLES = containmentCycles(CONTAINMENT_RELATION_TYPES.map(registryType));
const CONTAINMENT_REACH = containmentReach(CONTAINMENT_RELATION_TYPES.map(registryType));

/**
 * Rows (index): of the containment relations `pairs` (already written), those whose end already
 * lies within their start through containment relations: each closes a cycle.
 */
export function containmentCyclesStatement(
  pairs: readonly { index: number; from: string; to: string }[],
): Statement {
  return { cypher: CONTAINMENT_CYCLES, params: { pairs } };
}

/**
 * Rows (from, to): each `from` of `starts` and `to` of `keys` that the graph already places within
 * it through containment relations (read only: what a document's check needs to find the cycles
 * its relations would close together with the graph's).
 */
export function containmentReachStatement(
  starts: readonly string[],
  keys: readonly string[],
): Statement {
  return { cypher: CONTAINMENT_REACH, params: { starts, keys } };
}
