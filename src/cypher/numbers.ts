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

/**
 * The names of the properties the vocabulary types `integer`, on kinds and on relation types. A
 * name means one type wherever it is used (a unit test holds the registry to that), so a row of
 * properties is converted by its names alone, whatever its kind or type.
 */
export const INTEGER_PROPERTY_NAMES: ReadonlySet<string> = new Set(
  [
    ...KIND_NAMES.map((kind) => KINDS[kind].properties as PropertySpec),
    ...RELATION_TYPE_NAMES.map((type) => RELATION_TYPES[type].properties as PropertySpec),
  ].flatMap((spec) =>
    Object.entries(spec)
      .filter(([, t]) => t.type === "integer")
      .map(([name]) => name),
  ),
);

/** 2^63: a Neo4j Integer is a signed 64-bit whole number. */
const INTEGER_LIMIT = 2 ** 63;

/**
 * `props` as Neo4j stores them: the driver sends every JavaScript number as a float, so troops
 * were stored as 540.0 and a Cypher user (Neo4j Browser, a BI tool) saw `troops: 540.0`. A whole
 * number of an integer-typed property is sent as a Neo4j Integer instead (a value read back beyond
 * 2^53, domain/claims.ts numericValues, stays the nearest whole number; one beyond 64 bits, which
 * no Integer holds, stays a float). Every write of entity and relation properties goes through
 * this; reads convert both alike (db/serialize.ts), and Cypher compares and orders them as numbers.
 */
export function withIntegers<T extends Record<string, unknown>>(props: T): T {
  let out: Record<string, unknown> | null = null;
  for (const name of INTEGER_PROPERTY_NAMES) {
    const value = props[name];
    if (typeof value !== "number" || !Number.isInteger(value) || Math.abs(value) >= INTEGER_LIMIT)
      continue;
    out ??= { ...props };
    out[name] = neo4j.int(value);
  }
  return (out ?? props) as T;
}

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

/** Every integer property the vocabulary declares, on kinds and on relation types. */
export const INTEGER_PROPERTIES: readonly NumberProperty[] = NUMBER_PROPERTIES.filter((p) =>
  INTEGER_PROPERTY_NAMES.has(p.property),
);

/** The variable, its property and the MATCH of every node or relationship a property target names. */
function matchOf(target: NumberProperty): { v: string; value: string; match: string } {
  const v = target.on === "node" ? "n" : "r";
  return {
    v,
    value: `${v}.${target.property}`,
    match: target.on === "node" ? `MATCH (n:${target.token})` : `MATCH ()-[r:${target.token}]->()`,
  };
}

/**
 * Row (settled): sets up to `limit` values of one integer-typed property stored as a whole-number
 * float (every version before withIntegers wrote them so: the driver sends a JavaScript number
 * as a float) to the Neo4j Integer of the same value. Neo4j takes 540 for unchanged over 540.0
 * (its values compare as numbers), so the value is removed first. A float that is not whole, or
 * beyond what an Integer holds, is left as it is. Idempotent: a value set is no longer a float.
 */
export function integerFloatStatement(target: NumberProperty, limit: number): Statement {
  const { v, value, match } = matchOf(target);
  return {
    cypher: `
${match} WHERE valueType(${value}) STARTS WITH 'FLOAT' AND abs(${value}) < 9.2e18
  AND ${value} = toInteger(${value})
WITH ${v}, toInteger(${value}) AS whole LIMIT $limit
REMOVE ${value}
SET ${value} = whole
RETURN count(${v}) AS settled`,
    params: { limit: neo4j.int(limit) },
  };
}

/**
 * Row (settled): sets up to `limit` values of one property stored as -0.0 to 0.0 (as a write of
 * 0 stores it: the driver sends a JavaScript number as a float), or to the Integer 0 for an
 * integer-typed property (as withIntegers writes it). Neo4j's `=` holds -0.0 equal to
 * 0.0, but its order (`<`, and the range indexes' seeks) does not, so a value is -0.0 when it is
 * both `= -0.0` and `< 0.0`. Setting 0.0 over -0.0 changes nothing (Neo4j takes the value for
 * unchanged, in its store and its index), so the value is removed first. On a kind's property the `=` is a seek of its range index
 * (migrate.ts indexes every filterable property), which finds -0.0 alone: with nothing to settle
 * it reads nothing. Relationship properties have no index: their type is scanned.
 */
export function negativeZeroStatement(target: NumberProperty, limit: number): Statement {
  const { v, value, match } = matchOf(target);
  return {
    cypher: `
${match} WHERE ${value} = -0.0 AND ${value} < 0.0
WITH ${v} LIMIT $limit
REMOVE ${value}
SET ${value} = ${INTEGER_PROPERTY_NAMES.has(target.property) ? "0" : "0.0"}
RETURN count(${v}) AS settled`,
    params: { limit: neo4j.int(limit) },
  };
}
