/** Partial dates (ISO at year, month or day precision) and their order, used by documents and claims. */

/** ISO 8601 at year, month or day precision, with months 01-12 and days 01-31 (the pattern). */
export const PARTIAL_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * Whether a relation stated `since` one partial date and `until` another ends before it starts:
 * the first day `since` can mean is after the last day `until` can mean ("2024" then "2020",
 * "2024-06" then "2024-05-31"). Partial dates that overlap ("2024-05" and "2024") are in order.
 */
export function endsBeforeItStarts(since: unknown, until: unknown): boolean {
  if (typeof since !== "string" || typeof until !== "string") return false;
  if (!PARTIAL_DATE.test(since) || !PARTIAL_DATE.test(until)) return false;
  const n = Math.min(since.length, until.length);
  return since.slice(0, n) > until.slice(0, n);
}
