/**
 * The Cypher of the numbers settle at start (src/data/numbers.ts): the values a version before
 * numbers were kept apart from -0 (domain/document.ts, withoutNegativeZero) stored as Neo4j's
 * -0.0. Labels, relationship types and property names come from the vocabulary registry only.
 */
import neo4j from "neo4j-driver";
import {
  KIND_NAMES,
  KINDS,
  type PropertySpec,
  RELATION_TYPE_NAMES,
  RELATION_TYPES,
} from "../domain/vocabulary.js";
import type { Statement } from "./params.js";

/** A number property of a kind (a label) or of a relation type, from the registry. */
export interface NumberProperty {
  on: "node" | "relationship";
  /** The kind's label or the relationship type. */
  token: string;
  property: string;
}

const numeric = (properties: PropertySpec) =>
  Object.entries(properties)
    .filter(([, spec]) => spec.type === "number" || spec.type === "integer")
    .map(([name]) => name);

/** Every number and integer property the vocabulary declares, on kinds and on relation types. */
export const NUMBER_PROPERTIES: readonly NumberProperty[] = [
  ...KIND_NAMES.flatMap((kind) =>
    numeric(KINDS[kind].properties).map((property) => ({
      on: "node" as const,
      token: kind,
      property,
    })),
  ),
  ...RELATION_TYPE_NAMES.flatMap((type) =>
    numeric(RELATION_TYPES[type].properties).map((property) => ({
      on: "relationship" as const,
      token: type,
      property,
    })),
  ),
];

/**
 * Row (settled): sets up to `limit` values of one property stored as -0.0 to 0.0 (as a write of
 * 0 stores it: the driver sends a JavaScript number as a float). Neo4j's `=` holds -0.0 equal to
 * 0.0, but its order (`<`, and the range indexes' seeks) does not, so a value is -0.0 when it is
 * both `= -0.0` and `< 0.0`. Setting 0.0 over -0.0 changes nothing (Neo4j takes the value for
 * unchanged, in its store and its index), so the value is removed first. On a kind's property the `=` is a seek of its range index
 * (migrate.ts indexes every filterable property), which finds -0.0 alone: with nothing to settle
 * it reads nothing. Relationship properties have no index: their type is scanned.
 */
export function negativeZeroStatement(target: NumberProperty, limit: number): Statement {
  const v = target.on === "node" ? "n" : "r";
  const value = `${v}.${target.property}`;
  const match =
    target.on === "node" ? `MATCH (n:${target.token})` : `MATCH ()-[r:${target.token}]->()`;
  return {
    cypher: `
${match} WHERE ${value} = -0.0 AND ${value} < 0.0
WITH ${v} LIMIT $limit
REMOVE ${value}
SET ${value} = 0.0
RETURN count(${v}) AS settled`,
    params: { limit: neo4j.int(limit) },
  };
}
