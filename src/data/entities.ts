/**
 * Reading entities: by key (batched), and a page of one kind. All Cypher here is constant text
 * or built from registry labels only; every value is a parameter.
 */
import neo4j from "neo4j-driver";
import type { Db } from "../db/driver.js";
import { type QueryStats, type Row, runRead } from "../db/run.js";
import type { Plain } from "../db/serialize.js";
import { NotFoundError } from "../domain/errors.js";
import type { Kind } from "../domain/vocabulary.js";
import {
  compileAnchor,
  compileOrder,
  compileWhere,
  type EntityWhere,
  type OrderBy,
  onlyNameSeek,
  Params,
} from "./filters.js";
import { project } from "./projection.js";
import { type EntityRecord, type Page, toEntity } from "./records.js";
import { attachPrefetched, preExpression, type RelationSpec } from "./relations.js";

const entitiesByKeyCypher = (projection: string, pre: string) => `
MATCH (n:Entity) WHERE n.key IN $keys
RETURN ${projection} AS n${pre ? `, ${pre} AS pre` : ""}`;

/**
 * Loads entities by key in one query. Returns one result per key, in key order: the entity, or
 * a NotFoundError when the key is unknown or (with `kind`) names an entity of another kind.
 * `specs`: relation pages to read along (see RelationSpec); `properties`: which to read (null: all).
 */
export async function entitiesByKey(
  db: Db,
  stats: QueryStats,
  keys: readonly string[],
  options: {
    kind?: Kind;
    specs?: readonly RelationSpec[];
    properties?: readonly string[] | null;
  } = {},
): Promise<(EntityRecord | Error)[]> {
  const { kind, specs = [], properties = null } = options;
  const p = new Params("p");
  const pre = specs.length > 0 ? preExpression("n", specs, p) : "";
  const rows = await runRead(db, stats, entitiesByKeyCypher(project("n", properties), pre), {
    ...p.values,
    keys: [...new Set(keys)],
  });
  const byKey = new Map(rows.map((r) => [String((r.n as Row).key), withPre(r, specs)]));
  return keys.map((key) => {
    const found = byKey.get(key);
    if (found && (!kind || found.kind === kind)) return found;
    return new NotFoundError(`No ${kind ?? "entity"} has the key "${key}".`, { key });
  });
}

/** The kinds of whichever of `keys` exist. */
export async function kindsOfKeys(
  db: Db,
  stats: QueryStats,
  keys: readonly string[],
): Promise<Map<string, Kind>> {
  if (keys.length === 0) return new Map();
  const found = await entitiesByKey(db, stats, keys);
  return new Map(
    found.flatMap((e) => (e instanceof Error ? [] : [[e.key, e.kind] as [string, Kind]])),
  );
}

/** The entity in row.n, with the relation pages of row.pre kept on it. */
function withPre(row: Row, specs: readonly RelationSpec[]): EntityRecord {
  const entity = toEntity(row.n ?? null);
  if (specs.length > 0) attachPrefetched(entity, row.pre ?? null, specs);
  return entity;
}

/**
 * A page of one kind, filtered and ordered (default: by name), in one query: `totalCount` only
 * when asked for, and the relation pages of `specs` read along with each entity.
 */
export async function entityPage(
  db: Db,
  stats: QueryStats,
  kind: Kind,
  query: { where?: EntityWhere | null; orderBy?: readonly OrderBy[] | null },
  offset: number,
  limit: number,
  withTotal: boolean,
  specs: readonly RelationSpec[] = [],
  properties: readonly string[] | null = null,
): Promise<Page<EntityRecord>> {
  const params = new Params();
  // compileWhere still checks the anchor's condition (bad input is reported with its path), but
  // does not test it again.
  const anchor = compileAnchor(kind, query.where, params);
  const filter = compileWhere(kind, query.where, params, anchor?.condition);
  const order = compileOrder(kind, query.orderBy);
  // Labels, property names and relationship types in this text come from the registry only.
  let match: string;
  let countMatch: string;
  if (anchor) {
    // A condition names the entities at the other end: start from them (a key lookup and a
    // short expansion) rather than test every entity of the kind.
    match = `${anchor.match}
  WITH DISTINCT n WHERE ${filter}`;
    countMatch = match;
  } else {
    // Every entity has a name, so this changes no result; it lets the planner walk the kind's
    // nameLower range index in order (from a name prefix's first match when there is one)
    // instead of sorting every match.
    const orderedByName = order.startsWith("n.nameLower ");
    const where = orderedByName ? `n.nameLower IS NOT NULL AND ${filter}` : filter;
    // When the filter is a name prefix (or exact names) only, that index is also the best way to
    // find the matches, at any size, so the planner is told to use it: left to itself, it took the
    // nameLower text index on a small graph and then sorted every match, and that cached plan
    // stayed after the graph grew (6 ms instead of 2 at 10,000 entities in the bench, until
    // Neo4j planned again). The kind's range index exists for every kind (migrate.ts).
    const hint =
      orderedByName && onlyNameSeek(query.where) ? ` USING RANGE INDEX n:${kind}(nameLower)` : "";
    match = `MATCH (n:${kind})${hint} WHERE ${where}`;
    // The count needs no order: the filter alone lets the planner pick its index.
    countMatch = `MATCH (n:${kind}) WHERE ${filter}`;
  }
  // A flat page comes back as one row holding the page: one Bolt record to decode instead of one
  // per entity. With relation pages, one row per entity (a single row holding the whole nested
  // page is about twice as slow for Neo4j to build), and with the count one row more when the
  // page is empty (OPTIONAL CALL).
  const flat = specs.length === 0;
  const entity = project("n", properties);
  const page = `${match}
  WITH n ORDER BY ${order} SKIP $offset LIMIT $limit
  RETURN ${flat ? `collect(${entity}) AS items` : `{n: ${entity}, pre: ${preExpression("n", specs, params)}} AS item`}`;
  const cypher = withTotal
    ? `WITH COUNT { ${countMatch} RETURN n } AS total
${flat ? "CALL" : "OPTIONAL CALL"} () {
  ${page}
}
RETURN total, ${flat ? "items" : "item"}`
    : page;
  const rows = await runRead(db, stats, cypher, {
    ...params.values,
    offset: neo4j.int(offset),
    limit: neo4j.int(limit),
  });
  return {
    items: flat
      ? ((rows[0]?.items ?? []) as Plain[]).map(toEntity)
      : rows.flatMap((row) => (row.item ? [withPre(row.item as Row, specs)] : [])),
    totalCount: withTotal ? Number(rows[0]?.total ?? 0) : null,
  };
}
