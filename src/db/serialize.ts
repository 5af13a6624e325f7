/**
 * Neo4j values -> plain JavaScript values. The only place that converts them: Integers become
 * numbers (strings beyond 2^53, never silently rounded), temporals become ISO strings, nodes and
 * relationships become their properties.
 */
import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isRelationship,
  isTime,
} from "neo4j-driver";

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** Converts any value returned by the driver into a plain JSON-ready value. */
export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return value;
  if (typeof value === "bigint")
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(toPlain);
  // Maps returned by Cypher come back as plain objects: the common case, checked first.
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    const out: { [key: string]: Plain } = {};
    for (const k in value as object) out[k] = toPlain((value as Record<string, unknown>)[k]);
    return out;
  }
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
  if (typeof value === "object") {
    const out: { [key: string]: Plain } = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return String(value);
}

/**
 * An estimate of the memory a plain value holds, in bytes: two per string character, eight per
 * number or flag, a little per list and object and per key. For read budgets, not for accounting.
 */
export function plainSize(value: Plain): number {
  if (value === null) return 8;
  if (typeof value === "string") return 16 + 2 * value.length;
  if (typeof value !== "object") return 8;
  let size = 32;
  if (Array.isArray(value)) {
    for (const item of value) size += 8 + plainSize(item);
    return size;
  }
  for (const k in value) size += 16 + 2 * k.length + plainSize(value[k] as Plain);
  return size;
}
