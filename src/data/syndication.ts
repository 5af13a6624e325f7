/**
 * What syndication (domain/syndication.ts) reads besides a relation's claims: the publication
 * dates of their sources. The statement is src/cypher/syndication.ts's.
 */
import { sourceDatesStatement } from "../cypher/syndication.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, runRead } from "../db/run.js";

/**
 * For each key, its source's publishedAt (ISO, may be partial), in key order; null for a source
 * without one or no longer stored. One query per batch.
 */
export async function sourceDates(
  db: Db,
  stats: QueryStats,
  keys: readonly string[],
): Promise<(string | null)[]> {
  const { cypher, params } = sourceDatesStatement(keys);
  const rows = await runRead(db, stats, cypher, params);
  const byKey = new Map(
    rows.map((r) => [String(r.key), typeof r.publishedAt === "string" ? r.publishedAt : null]),
  );
  return keys.map((k) => byKey.get(k) ?? null);
}
