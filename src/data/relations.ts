/**
 * Reading relations: for many entities at once (one query per batch, whatever the number of
 * parents), filtered by type, direction and the other end's kind, paged per parent.
 */
import neo4j from "neo4j-driver";
import type { Db } from "../db/driver.js";
import { type QueryStats, type Row, runRead } from "../db/run.js";
import type { Plain } from "../db/serialize.js";
import {
  ALL_RELATION_PROPERTIES,
  type Direction,
  isRelationType,
  type Kind,
  type RelationType,
} from "../domain/vocabulary.js";
import { type EntityRecord, type Page, toEntity } from "./entities.js";

/** A sentence of a source that states a relation. */
export interface Evidence {
  sourceKey: string;
  excerpt: string;
}

/** A relation seen from one of its ends. */
export interface RelationRecord {
  /** `from|TYPE|to`: stable and readable, since there is one relation per (from, type, to). */
  id: string;
  type: RelationType;
  /** OUT when the entity it was read from is the start of the relation. */
  direction: "OUT" | "IN";
  from: string;
  to: string;
  /** The entity at the other end. */
  other: EntityRecord;
  /** The type's own properties and since / until / date. */
  properties: Record<string, Plain>;
  inferred: boolean;
  evidence: Evidence[];
  updatedAt: string | null;
  updatedBy: string | null;
}

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

const PATTERNS: Record<Direction, (rel: string, other: string) => string> = {
  OUT: (rel, other) => `(n)-[r${rel}]->(m:${other})`,
  IN: (rel, other) => `(n)<-[r${rel}]-(m:${other})`,
  BOTH: (rel, other) => `(n)-[r${rel}]-(m:${other})`,
};

/** Builds the batch query. Types and the label come from the registry only. */
export function relationsCypher(
  filter: Pick<RelationFilter, "types" | "direction" | "otherKind">,
): string {
  const types = (filter.types ?? []).filter(isRelationType);
  const rel = types.length > 0 ? `:${types.join("|")}` : "";
  const pattern = PATTERNS[filter.direction](rel, filter.otherKind ?? "Entity");
  // Dates compare as strings; "~" sorts after every digit and "-", so d + "~" is the end of a
  // partial date d ("2022" + "~" comes after every day of 2022).
  const when = `($asOf IS NULL OR ((r.since IS NULL OR r.since <= $asOf + "~")
    AND (r.until IS NULL OR r.until + "~" >= $asOf) AND (r.date IS NULL OR r.date <= $asOf + "~")))`;
  return `
UNWIND $keys AS key
MATCH (n:Entity {key: key})
CALL (n) {
  MATCH ${pattern} WHERE ${when}
  WITH r, m ORDER BY type(r), m.name, m.key
  SKIP $offset LIMIT $limit
  RETURN collect({props: r {.*}, type: type(r), out: startNode(r) = n, m: m {.*}}) AS items
}
RETURN key, items, CASE WHEN $withTotal THEN COUNT { MATCH ${pattern} WHERE ${when} } END AS total`;
}

/** Turns one collected relation map into a RelationRecord seen from `key`. */
export function toRelation(key: string, item: Row): RelationRecord {
  const props = (item.props ?? {}) as Record<string, Plain>;
  const other = toEntity(item.m ?? null);
  const out = item.out === true;
  const type = String(item.type) as RelationType;
  const from = out ? key : other.key;
  const to = out ? other.key : key;
  const properties: Record<string, Plain> = {};
  for (const name of Object.keys(ALL_RELATION_PROPERTIES)) {
    const value = props[name];
    if (value !== undefined && value !== null) properties[name] = value;
  }
  const sources = Array.isArray(props.evidenceSources) ? props.evidenceSources : [];
  const excerpts = Array.isArray(props.evidenceExcerpts) ? props.evidenceExcerpts : [];
  return {
    id: `${from}|${type}|${to}`,
    type,
    direction: out ? "OUT" : "IN",
    from,
    to,
    other,
    properties,
    inferred: props.inferred === true,
    updatedAt: typeof props.updatedAt === "string" ? props.updatedAt : null,
    updatedBy: typeof props.updatedBy === "string" ? props.updatedBy : null,
    evidence: sources.map((s, i) => ({ sourceKey: String(s), excerpt: String(excerpts[i] ?? "") })),
  };
}

/** Relations of every entity in `keys`, in one query; one page per key, in key order. */
export async function relationsOf(
  db: Db,
  stats: QueryStats,
  keys: readonly string[],
  filter: RelationFilter,
): Promise<Page<RelationRecord>[]> {
  const rows = await runRead(db, stats, relationsCypher(filter), {
    keys: [...new Set(keys)],
    offset: neo4j.int(filter.offset),
    limit: neo4j.int(filter.limit),
    withTotal: filter.withTotal,
    asOf: filter.asOf ?? null,
  });
  const byKey = new Map<string, Page<RelationRecord>>();
  for (const row of rows) {
    const key = String(row.key);
    const items = (Array.isArray(row.items) ? row.items : []) as Row[];
    byKey.set(key, {
      items: items.map((item) => toRelation(key, item)),
      totalCount: row.total === null || row.total === undefined ? null : Number(row.total),
    });
  }
  return keys.map((k) => byKey.get(k) ?? { items: [], totalCount: filter.withTotal ? 0 : null });
}
