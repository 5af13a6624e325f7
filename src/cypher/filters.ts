/**
 * Compiles a `where` filter into a Cypher predicate over `n`. Property names, labels and
 * relationship types come only from the vocabulary registry; every value becomes a parameter.
 * Each condition is index-backed (name via the nameLower text index, key via the unique
 * constraint, kind properties via their range indexes) or a bounded expansion (EXISTS over the
 * entity's own relations).
 */
import {
  foldNameQuery,
  isPartialDate,
  startsAfterEnd,
  withoutNegativeZero,
} from "../domain/document.js";
import { BadInputError } from "../domain/errors.js";
import {
  type Direction,
  isFilterable,
  isKind,
  isRelationType,
  KINDS,
  type Kind,
  type PropertyType,
  type RelationType,
} from "../domain/vocabulary.js";
import type { Params } from "./params.js";
import { relationPattern } from "./pattern.js";
import { counted } from "./projection.js";

export interface StringFilter {
  equals?: string | null;
  in?: readonly string[] | null;
  startsWith?: string | null;
  contains?: string | null;
}
export interface DateRange {
  from?: string | null;
  to?: string | null;
}
export interface NumberFilter {
  equals?: number | null;
  gt?: number | null;
  gte?: number | null;
  lt?: number | null;
  lte?: number | null;
}
export interface ValueFilter {
  equals?: string | boolean | null;
  in?: readonly string[] | null;
}
export type PropertyFilter = StringFilter | DateRange | NumberFilter | ValueFilter;

/** "Has a relation of this type (to one of these entities / of this kind)", or with none: has none. */
export interface RelationCondition {
  type: RelationType;
  direction?: Direction | null;
  keys?: readonly string[] | null;
  kind?: Kind | null;
  none?: boolean | null;
}

export interface EntityWhere {
  name?: StringFilter | null;
  key?: StringFilter | null;
  /** The kind's own properties, by registry name. */
  properties?: Record<string, PropertyFilter | null | undefined>;
  related?: readonly RelationCondition[] | null;
  AND?: readonly EntityWhere[] | null;
  OR?: readonly EntityWhere[] | null;
  NOT?: EntityWhere | null;
}

/**
 * The compiler's own caps; MAX_FILTER_NODES (config.ts) may lower `conditions` and MAX_LIST_ITEMS
 * `list`, not raise them.
 */
export const FILTER_LIMITS = { depth: 5, list: 100, text: 200, conditions: 50 } as const;

const bad = (path: string, message: string) => {
  // a nested filter's path is a prefix ("NOT.NOT."): said without its trailing dot
  const at = path.replace(/\.$/, "");
  return new BadInputError(`where${at ? `.${at}` : ""}: ${message}`, [
    { path: ["where", ...at.split(".").filter((s) => s !== "")], message },
  ]);
};

function checkText(path: string, value: string): string {
  if (value.length > FILTER_LIMITS.text)
    throw bad(path, `at most ${FILTER_LIMITS.text} characters`);
  return value;
}

function checkList(path: string, list: readonly string[]): readonly string[] {
  if (list.length > FILTER_LIMITS.list) throw bad(path, `at most ${FILTER_LIMITS.list} values`);
  for (const v of list) checkText(path, v);
  return list;
}

/**
 * `expr IN list`, or `false` for an empty list (it matches nothing). Neo4j's planner reads
 * `NOT (n.unit IN [])` as implying that n.unit exists and answered it from the property's index,
 * so a count said 3 where the page (planned from another index) listed 5: the rows without the
 * property, for which `null IN []` is false and its negation true, were left out of one and not
 * the other.
 */
function inList(expr: string, values: readonly unknown[], p: Params): string {
  return values.length === 0 ? "false" : `${expr} IN ${p.add(values)}`;
}

/** A filter on one property: which property, the filter, where it is in `where` (for errors). */
interface PropertyCondition<F> {
  prop: string;
  filter: F;
  path: string;
}

function stringPredicates(
  { prop, filter: f, path }: PropertyCondition<StringFilter>,
  p: Params,
  /** How a value compares with the property: as a whole value, its start or a part of it. */
  norm: (s: string, as: "whole" | "start" | "part") => string = (s) => s,
): string[] {
  const out: string[] = [];
  const whole = (s: string) => norm(s, "whole");
  if (f.equals != null) out.push(`n.${prop} = ${p.add(whole(checkText(path, f.equals)))}`);
  if (f.in != null) out.push(inList(`n.${prop}`, checkList(path, f.in).map(whole), p));
  if (f.startsWith != null)
    out.push(`n.${prop} STARTS WITH ${p.add(norm(checkText(path, f.startsWith), "start"))}`);
  if (f.contains != null)
    out.push(`n.${prop} CONTAINS ${p.add(norm(checkText(path, f.contains), "part"))}`);
  return out;
}

/**
 * Partial dates are intervals ("2022-03" is all of March 2022); a range matches a date when the
 * two overlap. As strings, a partial date sorts before its completions and `d + "~"` after them.
 */
export function dateRangePredicates(expr: string, f: DateRange, p: Params, path: string): string[] {
  const out: string[] = [];
  for (const [name, value] of [
    ["from", f.from],
    ["to", f.to],
  ] as const) {
    if (value != null && !isPartialDate(value))
      throw bad(
        `${path}.${name}`,
        "must be a date: YYYY, YYYY-MM or YYYY-MM-DD, a day its month has",
      );
  }
  // An empty range is a mistake to say, not a filter: "2022-03-31" to "2022-03-01" matched the
  // events dated "2022-03" (a month overlaps both ends), so the answer looked like one.
  if (f.from != null && f.to != null && startsAfterEnd(f.from, f.to))
    throw bad(`${path}.from`, `is after to ("${f.to}"): give from no later than to`);
  if (f.to != null) out.push(`${expr} <= ${p.add(`${f.to}~`)}`);
  if (f.from != null) {
    const from = p.add(f.from);
    // The first conjunct lets the planner seek the range index; the second is exact.
    out.push(
      `${expr} >= ${p.add(f.from.slice(0, 4))}`,
      `(${expr} >= ${from} OR ${from} STARTS WITH ${expr})`,
    );
  }
  return out;
}

function numberPredicates(prop: string, f: NumberFilter, p: Params): string[] {
  const ops = { equals: "=", gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;
  return (Object.keys(ops) as (keyof typeof ops)[])
    .filter((op) => f[op] != null)
    .map((op) => `n.${prop} ${ops[op]} ${p.add(withoutNegativeZero(f[op] as number))}`);
}

function propertyPredicates(
  spec: PropertyType,
  { prop, filter: f, path }: PropertyCondition<PropertyFilter>,
  p: Params,
): string[] {
  switch (spec.type) {
    case "partialDate":
      return dateRangePredicates(`n.${prop}`, f as DateRange, p, path);
    case "number":
    case "integer":
      return numberPredicates(prop, f as NumberFilter, p);
    case "enum":
    case "boolean": {
      const v = f as ValueFilter;
      const out: string[] = [];
      if (v.equals != null) out.push(`n.${prop} = ${p.add(v.equals)}`);
      if (v.in != null) out.push(inList(`n.${prop}`, checkList(path, v.in), p));
      return out;
    }
    default:
      return stringPredicates({ prop, filter: f as StringFilter, path }, p);
  }
}

function relationPredicate(c: RelationCondition, p: Params, path: string): string {
  if (!isRelationType(c.type)) throw bad(`${path}.type`, "unknown relation type");
  if (c.kind != null && !isKind(c.kind)) throw bad(`${path}.kind`, "unknown kind");
  const pattern = relationPattern(
    c.direction ?? "OUT",
    "n",
    `related:${c.type}`,
    `m:${c.kind ?? "Entity"}`,
  );
  // Only a relation that counts: one that only retracted sources state is left out of every read
  // (relation fields, paths, timelines), so a filter must not find it either.
  const keys = c.keys != null ? ` AND m.key IN ${p.add(checkList(`${path}.keys`, c.keys))}` : "";
  return `${c.none ? "NOT " : ""}EXISTS { MATCH ${pattern} WHERE ${counted("related")}${keys} }`;
}

/**
 * The predicate for `where` on entities of `kind`, or "true" when it filters nothing.
 * Throws BadInputError for unknown properties, bad values and filters nested too deeply.
 */
export function compileWhere(
  kind: Kind,
  where: EntityWhere | null | undefined,
  p: Params,
  /** A condition the match already guarantees (see compileAnchor): not tested again. */
  satisfied?: RelationCondition,
): string {
  let conditions = 0;
  const specs = KINDS[kind].properties as Record<string, PropertyType>;
  const walk = (w: EntityWhere, depth: number, path: string): string => {
    if (depth > FILTER_LIMITS.depth)
      throw bad(path, `filters nest at most ${FILTER_LIMITS.depth} deep`);
    const parts: string[] = [];
    if (w.name)
      parts.push(
        // Names are stored normalised (normalizeName): what is typed is compared the same way.
        ...stringPredicates(
          { prop: "nameLower", filter: w.name, path: `${path}name` },
          p,
          foldNameQuery,
        ),
      );
    if (w.key)
      parts.push(...stringPredicates({ prop: "key", filter: w.key, path: `${path}key` }, p));
    for (const [prop, filter] of Object.entries(w.properties ?? {})) {
      if (filter == null) continue;
      const spec = specs[prop];
      if (!spec || !isFilterable(spec))
        throw bad(`${path}${prop}`, `${kind} has no filterable property ${prop}`);
      parts.push(...propertyPredicates(spec, { prop, filter, path: `${path}${prop}` }, p));
    }
    (w.related ?? []).forEach((c, i) => {
      const predicate = relationPredicate(c, p, `${path}related.${i}`);
      if (c !== satisfied) parts.push(predicate);
    });
    for (const [i, sub] of (w.AND ?? []).entries())
      parts.push(walk(sub, depth + 1, `${path}AND.${i}.`));
    // OR of nothing is false, as AND of nothing (an empty object, AND: []) is true.
    if (w.OR != null) {
      parts.push(
        w.OR.length === 0
          ? "false"
          : `(${w.OR.map((sub, i) => walk(sub, depth + 1, `${path}OR.${i}.`)).join(" OR ")})`,
      );
    }
    // NOT: "this must not hold". A condition on a value an entity does not have does not hold
    // (Cypher says null, not false), so NOT of it matches: NOT {isoCode: {equals: "CAN"}} lists
    // the nations without an isoCode too. Bare NOT (null) is null, and left them all out.
    if (w.NOT) parts.push(`NOT coalesce(${walk(w.NOT, depth + 1, `${path}NOT.`)}, false)`);
    // Conditions as the guard counts them (complexity.ts): each field's operators, each relation
    // condition; AND / OR / NOT only group conditions, counted where they are written.
    conditions +=
      (w.name ? 1 : 0) +
      (w.key ? 1 : 0) +
      Object.values(w.properties ?? {}).filter((f) => f != null).length +
      (w.related?.length ?? 0);
    if (conditions > FILTER_LIMITS.conditions)
      throw bad(path || "where", `at most ${FILTER_LIMITS.conditions} conditions`);
    return parts.length === 0 ? "true" : parts.map((x) => `(${x})`).join(" AND ");
  };
  return where ? walk(where, 1, "") : "true";
}

/**
 * Whether `where` is a name condition and nothing else: a prefix or exact names, no substring.
 * The kind's nameLower range index then finds every match, in name order.
 */
export function onlyNameSeek(where: EntityWhere | null | undefined): boolean {
  if (!where?.name) return false;
  const { name, key, properties, related, AND, OR, NOT } = where;
  if (key || related?.length || AND?.length || OR != null || NOT) return false;
  if (properties && Object.values(properties).some((f) => f != null)) return false;
  return (
    // An empty `in` compiles to false (inList): Neo4j folds the whole condition away and then
    // cannot honour the hint (an internal error), so there is none.
    name.in?.length !== 0 &&
    name.contains == null &&
    (name.startsWith != null || name.equals != null || name.in != null)
  );
}

/**
 * When `where` requires, at its top level, a relation to named entities (`related` with keys,
 * not `none`), the MATCH that starts from those entities: a unique-key lookup and a short
 * expansion, instead of testing every entity of the kind. Null when there is no such condition.
 * Pass its condition to compileWhere, which then does not test it again.
 */
export function compileAnchor(
  kind: Kind,
  where: EntityWhere | null | undefined,
  p: Params,
): { match: string; condition: RelationCondition } | null {
  const top = (w: EntityWhere): RelationCondition | undefined =>
    (w.related ?? []).find((c) => c.keys != null && !c.none) ??
    (w.AND ?? []).map(top).find((c) => c !== undefined);
  const c = where ? top(where) : undefined;
  if (!c?.keys || !isRelationType(c.type) || (c.kind != null && !isKind(c.kind))) return null;
  if (c.keys.length > FILTER_LIMITS.list) return null;
  const pattern = relationPattern(
    c.direction ?? "OUT",
    `n:${kind}`,
    `anchored:${c.type}`,
    `a:${c.kind ?? "Entity"}`,
  );
  return {
    match: `MATCH (a:Entity) WHERE a.key IN ${p.add([...c.keys])}
  MATCH ${pattern} WHERE ${counted("anchored")}`,
    condition: c,
  };
}

export type OrderDirection = "ASC" | "DESC";
export interface OrderBy {
  /** "name", "key" or a filterable property of the kind. */
  field: string;
  direction?: OrderDirection | null;
}

/**
 * Ordering by name, for lists and relation pages alike: by name ignoring case (nameLower), then
 * by the name itself. "de Gaulle" sorts beside "De Gaulle", and the kind's range index on
 * nameLower can give a filtered page its rows in order.
 */
export const byName = (v: string, direction: OrderDirection = "ASC") =>
  `${v}.nameLower ${direction}, ${v}.name ${direction}`;

/**
 * The order rows are in, however it is spelled: none or [] is by name; a direction left out is
 * ASC; a field already ordered by orders nothing more, nor does any field after the key (keys
 * are unique); it always ends with the key, so pages are stable. `[{ field: "name" }]`,
 * `[{ field: "name", direction: "ASC" }, { field: "key" }]` and no orderBy are one order, and a
 * cursor of one pages the others (connectionScope hashes this, not the spelling).
 */
export function effectiveOrder(
  orderBy: readonly OrderBy[] | null | undefined,
): { field: string; direction: OrderDirection }[] {
  const list = orderBy && orderBy.length > 0 ? orderBy : [{ field: "name" }];
  const order: { field: string; direction: OrderDirection }[] = [];
  for (const o of list) {
    if (order.some((p) => p.field === o.field)) continue;
    order.push({ field: o.field, direction: o.direction === "DESC" ? "DESC" : "ASC" });
    if (o.field === "key") return order;
  }
  order.push({ field: "key", direction: "ASC" });
  return order;
}

/** The ORDER BY clause of effectiveOrder; refuses more than 3 fields, or one it cannot order by. */
export function compileOrder(kind: Kind, orderBy: readonly OrderBy[] | null | undefined): string {
  const specs = KINDS[kind].properties as Record<string, PropertyType>;
  if (orderBy && orderBy.length > 3) throw new BadInputError("orderBy takes at most 3 fields.");
  for (const o of orderBy ?? []) {
    const spec = specs[o.field];
    if (!(o.field === "name" || o.field === "key" || (spec && isFilterable(spec)))) {
      throw new BadInputError(`Cannot order ${kind} by ${o.field}.`);
    }
  }
  return effectiveOrder(orderBy)
    .map(({ field, direction }) => {
      if (field === "name") return byName("n", direction);
      if (field === "key") return `n.key ${direction}`;
      // Rows without the value last in both directions (Neo4j puts nulls first in DESC): what a
      // client ordering "newest first" expects to see at the top is a value.
      return `n.${field} IS NULL, n.${field} ${direction}`;
    })
    .join(", ");
}
