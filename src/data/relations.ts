/**
 * Reading relations: for many entities at once (one query per batch, whatever the number of
 * parents), filtered by type, direction and the other end's kind, paged per parent.
 */
import neo4j from "neo4j-driver";
import type { Db } from "../db/driver.js";
import { type QueryStats, runRead } from "../db/run.js";
import type { Plain } from "../db/serialize.js";
import {
  ALL_RELATION_PROPERTIES,
  type Direction,
  isKind,
  isRelationType,
  type Kind,
  type RelationType,
} from "../domain/vocabulary.js";
import { byName, Params } from "./filters.js";
import { relationPattern } from "./pattern.js";
import { ENTITY_CORE, fromValues, project, projectedNames } from "./projection.js";
import { type EntityRecord, type Page, type RelationRecord, toRelation } from "./records.js";

/**
 * The stored lists that hold a relation's claims, one item per piece of evidence (see
 * domain/claims.ts): read for evidence, claims, disputes, and for typed values as of a date.
 */
export const CLAIM_LISTS = [
  "evidenceSources",
  "evidenceExcerpts",
  "evidenceInferred",
  "evidenceAt",
  "evidenceValues",
  "evidenceRanks",
] as const;

export interface RelationFilter {
  types: readonly RelationType[] | null;
  direction: Direction;
  otherKind: Kind | null;
  offset: number;
  limit: number;
  withTotal: boolean;
  /** Only relations that hold on this (ISO, may be partial) date: since <= asOf <= until. */
  asOf?: string | null;
}

/**
 * A page of relations to read along with the entities it hangs off, and what to read under
 * each entity at its other end: a GraphQL selection of relation fields, compiled into one query.
 */
export interface RelationSpec {
  /** Where the page is kept on the entity (a GraphQL response key). */
  key: string;
  /** Only entities of these kinds have it (null: every entity). */
  kinds: readonly Kind[] | null;
  filter: RelationFilter;
  /** Stored properties to read beyond key, kind and name (null: all), see projection.ts. */
  nodeProperties?: readonly string[] | null;
  relationProperties?: readonly string[] | null;
  children: readonly RelationSpec[];
}

/**
 * The Cypher expression for one spec over the entity bound to `n`: a list [items, total], or
 * null for entities of other kinds. Items are ordered by type, then the other end's name and key;
 * each is a list [type, outgoing, relation values, other end's values, pages of its children]
 * (values as `project` gives them as a list: no map keys cross Bolt for the many records of a nested
 * read). Types and labels come from the registry only; offsets, limits and dates are parameters.
 */
export function specExpression(n: string, spec: RelationSpec, p: Params, depth = 0): string {
  const f = spec.filter;
  const r = `r${depth}`;
  const m = `m${depth}`;
  const types = (f.types ?? []).filter(isRelationType);
  const rel = types.length > 0 ? `:${types.join("|")}` : "";
  const other = f.otherKind && isKind(f.otherKind) ? f.otherKind : "Entity";
  const pattern = relationPattern(f.direction, n, `${r}${rel}`, `${m}:${other}`);
  // Dates compare as strings; "~" sorts after every digit and "-", so d + "~" is the end of a
  // partial date d ("2022" + "~" comes after every day of 2022).
  let when = "true";
  if (f.asOf != null) {
    const asOf = p.add(f.asOf);
    when = `(${r}.since IS NULL OR ${r}.since <= ${asOf} + "~")
      AND (${r}.until IS NULL OR ${r}.until + "~" >= ${asOf}) AND (${r}.date IS NULL OR ${r}.date <= ${asOf} + "~")`;
  }
  // With one type the order by type is a constant: leaving it out lets Neo4j sort less (the
  // nesting's query took about 15% less time at 100k).
  const byType = types.length === 1 ? "" : `type(${r}), `;
  const children =
    spec.children.length > 0 ? `, ${preExpression(m, spec.children, p, depth + 1)}` : "";
  const items = `COLLECT {
  MATCH ${pattern} WHERE ${when}
  WITH ${r}, ${m} ORDER BY ${byType}${byName(m)}, ${m}.key
  SKIP ${p.add(neo4j.int(f.offset))} LIMIT ${p.add(neo4j.int(f.limit))}
  RETURN [type(${r}), startNode(${r}) = ${n}, ${project(r, relationRead(spec), [], "list")}, ${project(m, spec.nodeProperties ?? null, ENTITY_CORE, "list")}${children}]
}`;
  const total = f.withTotal ? `COUNT { MATCH ${pattern} WHERE ${when} }` : "null";
  const body = `[${items}, ${total}]`;
  if (spec.kinds === null) return body;
  const kinds = spec.kinds.filter(isKind);
  if (kinds.length === 0) return "null";
  return `CASE WHEN ${kinds.map((k) => `${n}:${k}`).join(" OR ")} THEN ${body} END`;
}

/** The list of every spec's page for the entity bound to `n`, in spec order. */
export function preExpression(
  n: string,
  specs: readonly RelationSpec[],
  p: Params,
  depth = 0,
): string {
  return `[${specs.map((s) => specExpression(n, s, p, depth)).join(", ")}]`;
}

/** Builds the batch query: one page per key, with its children. */
export function relationsCypher(spec: RelationSpec, p: Params): string {
  return `
UNWIND $keys AS key
MATCH (n:Entity {key: key})
RETURN key, ${specExpression("n", spec, p)} AS page`;
}

/**
 * The relation properties a spec reads: with asOf, a typed value is resolved from the claims,
 * so the claim lists come too (without it the stored values are the current ones).
 */
function relationRead(spec: RelationSpec): readonly string[] | null {
  const props = spec.relationProperties ?? null;
  if (props === null || spec.filter.asOf == null) return props;
  return props.some((p) => p in ALL_RELATION_PROPERTIES) ? [...props, ...CLAIM_LISTS] : props;
}

/** The property names of a spec's list projections, worked out once per spec (not per page). */
const specNames = new WeakMap<
  RelationSpec,
  { relationNames: string[] | null; nodeNames: string[] | null }
>();
function namesOf(spec: RelationSpec) {
  let names = specNames.get(spec);
  if (!names) {
    names = {
      relationNames: projectedNames(relationRead(spec), []),
      nodeNames: projectedNames(spec.nodeProperties ?? null),
    };
    specNames.set(spec, names);
  }
  return names;
}

/** Reads one page (see specExpression) seen from the entity `key`. */
function toPage(key: string, page: Plain, spec: RelationSpec): Page<RelationRecord> {
  const [items, total] = Array.isArray(page) ? page : [];
  const { relationNames, nodeNames } = namesOf(spec);
  return {
    items: (Array.isArray(items) ? items : []).map((item) => {
      const [type, out, props, m, pre] = item as Plain[];
      const relation = toRelation(
        key,
        {
          type: type ?? null,
          out: out ?? null,
          props: fromValues(props ?? null, relationNames),
          m: fromValues(m ?? null, nodeNames),
        },
        spec.filter.asOf,
      );
      if (spec.children.length > 0) attachPrefetched(relation.other, pre ?? null, spec.children);
      return relation;
    }),
    totalCount: total === null || total === undefined ? null : Number(total),
  };
}

/** Keeps the pages read along with `entity` on it, by response key, for its field resolvers. */
export function attachPrefetched(
  entity: EntityRecord,
  pre: Plain,
  specs: readonly RelationSpec[],
): void {
  const pages = Array.isArray(pre) ? pre : [];
  specs.forEach((spec, i) => {
    const page = pages[i];
    if (page === null || page === undefined) return;
    entity.prefetched ??= new Map();
    entity.prefetched.set(spec.key, toPage(entity.key, page, spec));
  });
}

/** Relations of every entity in `keys`, in one query; one page per key, in key order. */
export async function relationsOf(
  db: Db,
  stats: QueryStats,
  keys: readonly string[],
  filter: RelationFilter,
  read: Partial<Pick<RelationSpec, "nodeProperties" | "relationProperties" | "children">> = {},
): Promise<Page<RelationRecord>[]> {
  const spec: RelationSpec = { key: "", kinds: null, filter, children: [], ...read };
  const p = new Params("p");
  const cypher = relationsCypher(spec, p);
  const rows = await runRead(db, stats, cypher, { ...p.values, keys: [...new Set(keys)] });
  const byKey = new Map<string, Page<RelationRecord>>();
  for (const row of rows) {
    const key = String(row.key);
    byKey.set(key, toPage(key, row.page ?? null, spec));
  }
  return keys.map((k) => byKey.get(k) ?? { items: [], totalCount: filter.withTotal ? 0 : null });
}
