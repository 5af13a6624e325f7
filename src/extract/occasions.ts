/**
 * Whether an event of the draft and a known event of the same name are one occasion. Meetings
 * and summits recur under the same name: "NATO defence ministers met in Brussels" in an article
 * of October 2026 linked to the seed's "NATO defence ministers' meeting" of March 2022, and an
 * ingest would have added the new meeting's participants to the old one. A known gathering with
 * a date is the same occasion only when the draft's date for it (or, when the text gives none,
 * the article's date) is close to it; a war or an invasion is one event whenever it is told of.
 */
import type { Kind } from "../domain/vocabulary.js";
import type { LinkedEntity } from "./types.js";

/** Gatherings, which recur under one name (a ministers' meeting, a summit, a visit). */
const RECURRING = /^(?:MEETING|CONFERENCE|VISIT)$/;

/** Months since year 0 of an ISO date with a month, or undefined for a year alone. */
const month = (date: string) => {
  const m = /^(\d{4})-(\d{2})/.exec(date);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined;
};

/**
 * Close enough: within a month of the event's own date, within six months of the article's date
 * (an article tells of a meeting next week or a summit next summer); the same year when either
 * date is a year alone.
 */
function near(a: string, b: string, months: number): boolean {
  const x = month(a);
  const y = month(b);
  if (x === undefined || y === undefined) return a.slice(0, 4) === b.slice(0, 4);
  return Math.abs(x - y) <= months;
}

export function sameOccasion(
  draft: { kind: Kind; properties: Record<string, string | number> },
  known: LinkedEntity,
  publishedAt: string | undefined,
): boolean {
  if (draft.kind !== "Event" || !known.date) return true;
  // a war or an invasion is one event however long after it an article tells of it
  if (!RECURRING.test(String(draft.properties.category))) return true;
  const own = typeof draft.properties.date === "string" ? draft.properties.date : undefined;
  if (own) return near(own, known.date, 1);
  return publishedAt ? near(publishedAt, known.date, 6) : true;
}

/** The year to tell a new event from a known one of the same key: its own, else the article's. */
export function occasionYear(
  draft: { properties: Record<string, string | number> },
  publishedAt: string | undefined,
): string | undefined {
  const own = typeof draft.properties.date === "string" ? draft.properties.date : undefined;
  return (own ?? publishedAt)?.slice(0, 4);
}
