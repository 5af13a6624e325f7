/**
 * Relations whose sources disagree: claims at the same point in time that give different
 * values (see domain/claims.ts). `disputed` is kept on each relation when its claims are
 * settled, so the list is one query. Relationship properties are not indexed by value here, so
 * it scans relationships; ordered by start key, type and end key.
 */
import neo4j from "neo4j-driver";
import { asMap } from "../cypher/projection.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, type Row, runRead } from "../db/run.js";
import type { Page } from "./records.js";
import { type RelationRecord, toRelation } from "./records.js";

const DISPUTES = `
MATCH (a:Entity)-[r]->(b:Entity) WHERE r.disputed = true
WITH a, r, b ORDER BY a.key, type(r), b.key
WITH collect({key: a.key, item: {type: type(r), out: true, props: ${asMap("r")}, m: ${asMap("b")}}}) AS rows
RETURN size(rows) AS total, rows[$offset..$offset + $limit] AS page`;

/** A page of disputed relations, each seen from its start. */
export async function disputedRelations(
  db: Db,
  stats: QueryStats,
  offset: number,
  limit: number,
): Promise<Page<RelationRecord>> {
  const [row] = await runRead(db, stats, DISPUTES, {
    offset: neo4j.int(offset),
    limit: neo4j.int(limit),
  });
  const page = Array.isArray(row?.page) ? (row.page as Row[]) : [];
  return {
    items: page.map((p) => toRelation(String(p.key), p.item as Row)),
    totalCount: Number(row?.total ?? 0),
  };
}

const SOURCE_COUNTS = `
UNWIND $keys AS key
MATCH (n:Entity {key: key})
RETURN key, COUNT {
  CALL (n) {
    MATCH (n)-[r]-(:Entity)
    UNWIND [i IN range(0, size(coalesce(r.evidenceSources, [])) - 1)
            WHERE coalesce(r.evidenceRanks[i], "NORMAL") <> "DEPRECATED" | r.evidenceSources[i]] AS source
    RETURN source
    UNION
    UNWIND [i IN range(0, size(coalesce(n.claimSources, [])) - 1)
            WHERE n.claimSources[i] <> "" AND coalesce(n.claimRanks[i], "NORMAL") <> "DEPRECATED"
            | n.claimSources[i]] AS source
    RETURN source
  }
  RETURN DISTINCT source
} AS sources`;

/**
 * For each key, how many sources state something about the entity (corroboration): distinct
 * sources of its relations' claims and of its own field claims, retracted ones left out. One
 * query per batch, in key order.
 */
export async function sourceCounts(
  db: Db,
  stats: QueryStats,
  keys: readonly string[],
): Promise<number[]> {
  const rows = await runRead(db, stats, SOURCE_COUNTS, { keys: [...new Set(keys)] });
  const byKey = new Map(rows.map((r) => [String(r.key), Number(r.sources ?? 0)]));
  return keys.map((k) => byKey.get(k) ?? 0);
}
