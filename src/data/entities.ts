/**
 * Reading entities: by key (batched), and a page of one kind. All Cypher here is constant text
 * or built from registry labels only; every value is a parameter.
 */
import neo4j from "neo4j-driver";
import type { Db } from "../db/driver.js";
import { type QueryStats, type Row, readTx, runRead } from "../db/run.js";
import type { Plain } from "../db/serialize.js";
import { NotFoundError } from "../domain/errors.js";
import { isKind, KINDS, type Kind } from "../domain/vocabulary.js";
import { compileOrder, compileWhere, type EntityWhere, type OrderBy, Params } from "./filters.js";

/** An entity as the API sees it. */
export interface EntityRecord {
  key: string;
  kind: Kind;
  name: string;
  aliases: string[];
  description: string | null;
  /** The kind's own properties (see the vocabulary), e.g. isoCode for a Nation. */
  properties: Record<string, Plain>;
  /** When it last changed and who changed it (a token name, or seed / ingest for the CLIs). */
  updatedAt: string | null;
  updatedBy: string | null;
}

/** Turns the map returned by `n {.*}` into an EntityRecord. */
export function toEntity(map: Plain): EntityRecord {
  const props = map as Record<string, Plain>;
  const kind = String(props.kind);
  if (!isKind(kind)) throw new Error(`Entity ${String(props.key)} has unknown kind ${kind}`);
  const properties: Record<string, Plain> = {};
  for (const name of Object.keys(KINDS[kind].properties)) {
    const value = props[name];
    if (value !== undefined && value !== null) properties[name] = value;
  }
  return {
    key: String(props.key),
    kind,
    name: String(props.name),
    aliases: Array.isArray(props.aliases) ? props.aliases.map(String) : [],
    description: typeof props.description === "string" ? props.description : null,
    properties,
    updatedAt: typeof props.updatedAt === "string" ? props.updatedAt : null,
    updatedBy: typeof props.updatedBy === "string" ? props.updatedBy : null,
  };
}

const ENTITIES_BY_KEY = `
MATCH (n:Entity) WHERE n.key IN $keys
RETURN n {.*} AS n`;

/**
 * Loads entities by key in one query. Returns one result per key, in key order: the entity, or
 * a NotFoundError when the key is unknown or (with `kind`) names an entity of another kind.
 */
export async function entitiesByKey(
  db: Db,
  stats: QueryStats,
  keys: readonly string[],
  kind?: Kind,
): Promise<(EntityRecord | Error)[]> {
  const rows = await runRead(db, stats, ENTITIES_BY_KEY, { keys: [...new Set(keys)] });
  const byKey = new Map(rows.map((r) => [String((r.n as Row).key), toEntity(r.n ?? null)]));
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

export interface Page<T> {
  items: T[];
  totalCount: number | null;
}

/** A page of one kind, filtered and ordered (default: by name); `totalCount` only when asked for. */
export async function entityPage(
  db: Db,
  stats: QueryStats,
  kind: Kind,
  query: { where?: EntityWhere | null; orderBy?: readonly OrderBy[] | null },
  offset: number,
  limit: number,
  withTotal: boolean,
): Promise<Page<EntityRecord>> {
  const params = new Params();
  const filter = compileWhere(kind, query.where, params);
  const order = compileOrder(kind, query.orderBy);
  // Every entity has a name, so this changes no result; it lets the planner walk the kind's
  // name index in order instead of sorting the whole label.
  const where = order.startsWith("n.name ") ? `n.name IS NOT NULL AND ${filter}` : filter;
  // Labels, property names and relationship types in this text come from the registry only.
  const page = `
MATCH (n:${kind})
WHERE ${where}
RETURN n {.*} AS n
ORDER BY ${order}
SKIP $offset LIMIT $limit`;
  const count = `MATCH (n:${kind}) WHERE ${where} RETURN count(n) AS total`;
  return readTx(db, stats, async (tx) => {
    const rows = await tx.run(page, {
      ...params.values,
      offset: neo4j.int(offset),
      limit: neo4j.int(limit),
    });
    const total = withTotal ? Number((await tx.run(count, params.values))[0]?.total ?? 0) : null;
    return { items: rows.map((r) => toEntity(r.n ?? null)), totalCount: total };
  });
}
