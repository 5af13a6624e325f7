/**
 * A timeline: the dated events an entity is linked to, and its own dated relations (with a date
 * or a since), in date order. Partial dates sort before their completions ("2022" before
 * "2022-02-24"), and a range matches a partial date when the two overlap.
 */
import neo4j from "neo4j-driver";
import { dateRangePredicates } from "../cypher/filters.js";
import { Params } from "../cypher/params.js";
import { asMap } from "../cypher/projection.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, type Row, readTx } from "../db/run.js";
import {
  type EntityRecord,
  type Page,
  type PageRequest,
  type RelationRecord,
  toEntity,
  toRelation,
} from "./records.js";

export interface TimelineEntry {
  date: string;
  event: EntityRecord | null;
  relation: RelationRecord | null;
}

function timelineCypher(where: string, tail: string): string {
  return `
MATCH (n:Entity {key: $key})
CALL (n) {
  MATCH (n)--(e:Event) WHERE e.date IS NOT NULL
  RETURN DISTINCT e.date AS date, ${asMap("e")} AS event, null AS rel
  UNION
  MATCH (n)-[r]-(m:Entity)
  WHERE NOT m:Event AND NOT r:MENTIONS AND coalesce(r.date, r.since) IS NOT NULL
  RETURN coalesce(r.date, r.since) AS date, null AS event,
         {props: ${asMap("r")}, type: type(r), out: startNode(r) = n, m: ${asMap("m")}} AS rel
}
WITH date, event, rel WHERE ${where}
${tail}`;
}

/** One page of the timeline of `key` between `from` and `to` (both optional, may be partial). */
export async function timeline(
  db: Db,
  stats: QueryStats,
  input: PageRequest & { key: string; from?: string | null; to?: string | null },
): Promise<Page<TimelineEntry>> {
  const { offset, limit, withTotal } = input;
  const params = new Params("t");
  const conditions = dateRangePredicates(
    "date",
    { from: input.from ?? null, to: input.to ?? null },
    params,
    "timeline",
  );
  const where = conditions.length ? conditions.join(" AND ") : "true";
  const page = timelineCypher(
    where,
    `RETURN date, event, rel
ORDER BY date, coalesce(event.name, rel.m.name), coalesce(event.key, rel.m.key)
SKIP $offset LIMIT $limit`,
  );
  const count = timelineCypher(where, "RETURN count(*) AS total");
  const base = { ...params.values, key: input.key };
  return readTx(db, stats, async (tx) => {
    const rows = await tx.run(page, {
      ...base,
      offset: neo4j.int(offset),
      limit: neo4j.int(limit),
    });
    const total = withTotal ? Number((await tx.run(count, base))[0]?.total ?? 0) : null;
    return {
      items: rows.map((r) => ({
        date: String(r.date),
        event: r.event ? toEntity(r.event) : null,
        relation: r.rel ? toRelation(input.key, r.rel as Row) : null,
      })),
      totalCount: total,
    };
  });
}
