/**
 * Relations whose sources disagree: claims at the same point in time that give different
 * values (see domain/claims.ts). `disputed` is kept on each relation when its claims are
 * settled, so the list is one query. Relationship properties are not indexed by value here, so
 * it scans relationships; ordered by start key, type and end key. The statements are
 * src/cypher/disputes.ts's.
 */
import { disputesStatement, sourceCountsStatement } from "../cypher/disputes.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, type Row, runRead } from "../db/run.js";
import {
  deletedWhileRead,
  endsAsRead,
  type Page,
  type RelationRecord,
  relationDeletedWhileRead,
  toEntity,
  toRelation,
} from "./records.js";

/** A page of disputed relations, each seen from its start, with both its ends as read. */
export async function disputedRelations(
  db: Db,
  stats: QueryStats,
  offset: number,
  limit: number,
): Promise<Page<RelationRecord>> {
  const { cypher, params } = disputesStatement({ offset, limit });
  const [row] = await runRead(db, stats, cypher, params);
  const page = Array.isArray(row?.page) ? (row.page as Row[]) : [];
  return {
    // A relation whose start or end a write deleted while the statement read it is gone (its
    // ends' maps come back without a kind): left out, as the neighbourhood leaves it out.
    items: page.flatMap((p) => {
      if (deletedWhileRead(p.start) || relationDeletedWhileRead(p.item as Row)) return [];
      const relation = toRelation(String(p.key), p.item as Row);
      // Both ends as read: a start deleted since is answered as read, not NOT_FOUND (reads29).
      return [{ ...relation, ends: endsAsRead(relation, toEntity(p.start ?? null)) }];
    }),
    totalCount: Number(row?.total ?? 0),
  };
}

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
  const { cypher, params } = sourceCountsStatement(keys);
  const rows = await runRead(db, stats, cypher, params);
  const byKey = new Map(rows.map((r) => [String(r.key), Number(r.sources ?? 0)]));
  return keys.map((k) => byKey.get(k) ?? 0);
}
