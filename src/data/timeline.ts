/**
 * A timeline: runs the statements of src/cypher/timeline.ts (the page and its count, in one read
 * transaction) and decodes each entry into an event or a relation.
 */
import type { TimelinePlan } from "../cypher/plan.js";
import { timelineStatements } from "../cypher/timeline.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, type Row, readTx } from "../db/run.js";
import {
  deletedWhileRead,
  type EntityRecord,
  type Page,
  type RelationRecord,
  relationDeletedWhileRead,
  toEntity,
  toRelation,
} from "./records.js";

export interface TimelineEntry {
  date: string;
  event: EntityRecord | null;
  relation: RelationRecord | null;
}

/** One page of the timeline of `key` between `from` and `to` (both optional, may be partial). */
export async function timeline(
  db: Db,
  stats: QueryStats,
  input: TimelinePlan & { withTotal: boolean },
): Promise<Page<TimelineEntry>> {
  const { page, count } = timelineStatements(input);
  return readTx(db, stats, async (tx) => {
    const rows = await tx.run(page.cypher, page.params);
    const total = input.withTotal
      ? Number((await tx.run(count.cypher, count.params))[0]?.total ?? 0)
      : null;
    return {
      // An entry whose event, relation or the relation's far end a write deleted while the
      // statement read it is gone (its map comes back without a kind or type): left out.
      items: rows
        .filter(
          (r) =>
            !(r.event && deletedWhileRead(r.event)) &&
            !(r.rel && relationDeletedWhileRead(r.rel as Row)),
        )
        .map((r) => ({
          date: String(r.date),
          event: r.event ? toEntity(r.event) : null,
          // A claim's entry reads the relation as of its point in time (cypher/timeline.ts).
          relation: r.rel
            ? toRelation(
                input.key,
                r.rel as Row,
                typeof (r.rel as Row).asOf === "string" ? ((r.rel as Row).asOf as string) : null,
              )
            : null,
        })),
      totalCount: total,
    };
  });
}
