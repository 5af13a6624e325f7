/**
 * Shares of GDP given as a list or a pasted table (sixteenth pass): a heading that names the
 * measure and the year ("Defence spending as a share of GDP in 2024:"), then one line a nation
 * and its figure ("- Poland: 4.12%", "• Latvia 3.15 percent", "Lithuania 2.85 % 2024"). No line
 * is a sentence a verb reads, so the spending reader found none of them.
 */
import type { Placed } from "./context.js";

/** One line of such a list: the nation it names, its share and the year. */
export interface ListedShare {
  nation: Placed;
  value: number;
  year?: number;
  estimated: boolean;
  /** Where the line is, for the sentence that holds it. */
  start: number;
}

/** A bullet, dash or numbering before the name, then the name, a separator and the figure. */
const LINE =
  /^[ \t]*(?:[-–—•*·▪◦‣]|\d{1,2}[.)])?[ \t]*([\p{L}][\p{L}.’' -]{1,40}?)[ \t]*(?:[:–—-][ \t]*)?(\d{1,2}(?:[.,]\d{1,2})?)[ \t]*(?:%|per[ \t]?cent|percent)(?:[ \t]+of[ \t]+GDP)?(?:[ \t]*,?[ \t]*\(?(?:in[ \t]+)?((?:19|20)\d\d)\)?)?[ \t]*\.?[ \t]*$/u;

/** The heading names the measure: spending on defence as a share of GDP. */
const MEASURE =
  /\b(?:defen[cs]e|military)\b[^\n]{0,80}?\b(?:spending|spent|spend|expenditures?|budgets?|outlays?)\b|\b(?:spending|spent|spend|expenditures?|budgets?|outlays?)\b[^\n]{0,40}?\b(?:on\s+)?(?:defen[cs]e|military)\b/i;
const SHARE = /\b(?:GDP|gross domestic product|share|proportion|per ?cent|percentage)\b|%/i;

/** How many lines above a list its heading may stand (a line of source between them). */
const HEADING_REACH = 3;

/**
 * The shares a text lists line by line under a heading on defence spending as a share of GDP, each
 * with the nation whose name is the whole of the line's label. `placed` are the linked mentions in
 * text order. One pass over the lines and one over the mentions.
 */
export function listedShares(text: string, placed: readonly Placed[]): ListedShare[] {
  const out: ListedShare[] = [];
  let at = 0;
  let m = 0;
  // the last heading lines seen (non-list, non-empty), nearest last
  const recent: string[] = [];
  let heading: { year?: number; estimated: boolean } | undefined;
  let inList = false;
  for (const line of text.split("\n")) {
    const start = at;
    at += line.length + 1;
    if (line.trim() === "") continue;
    const hit = line.length <= 80 ? LINE.exec(line) : null;
    if (!hit) {
      inList = false;
      heading = undefined;
      recent.push(line);
      if (recent.length > HEADING_REACH) recent.shift();
      continue;
    }
    if (!inList) {
      inList = true;
      const h = [...recent].reverse().find((l) => MEASURE.test(l) && SHARE.test(l));
      heading = h
        ? {
            year: yearOf(h),
            estimated: /\b(?:estimat\w*|projected|expected)\b/i.test(h),
          }
        : undefined;
    }
    if (!heading) continue;
    const label = hit[1] as string;
    const labelStart = start + line.indexOf(label);
    const labelEnd = labelStart + label.length;
    while (m < placed.length && (placed[m] as Placed).mention.start < labelStart) m++;
    const p = placed[m];
    if (
      p?.cluster.kind !== "Nation" ||
      p.mention.demonym ||
      p.mention.start !== labelStart ||
      p.mention.end < labelEnd - 1
    )
      continue;
    const year = hit[3] ? Number(hit[3]) : heading.year;
    out.push({
      nation: p,
      value: Number((hit[2] as string).replace(",", ".")),
      ...(year !== undefined ? { year } : {}),
      estimated: heading.estimated,
      start,
    });
  }
  return out;
}

/** The one year a heading names ("in 2024", "2023 estimates"); none if it names two. */
function yearOf(heading: string): number | undefined {
  const years = heading.match(/\b(?:19|20)\d\d\b/g);
  return years && new Set(years).size === 1 ? Number(years[0]) : undefined;
}
