/**
 * Syndication: a wire story printed by five outlets, or a press release copied word for word, is
 * one source of evidence, not five. A claim whose sentence is the same sentence as that of another
 * source's claim on the same relation, published earlier, repeats it; a relation's independent
 * sources are those with at least one claim that repeats nobody. Read-time only: computed from the
 * claims as stored (their sources, sentences and ranks) and the sources' publication dates.
 *
 * "Same sentence" is deliberately narrow: equal after Unicode NFKC, case folding, whitespace
 * collapsed, typographic quotes, dashes and apostrophes unified and a trailing full stop
 * ignored. These are the differences a reprint's typesetting makes, never its wording: two
 * reporters who write nearly the same sentence about the same fact are two confirmations, and a
 * fuzzier match (edit distance, shared words) would take them for one copy and hide them.
 *
 * The same rule is written in Cypher (cypher/syndication.ts) for reads that do not return the
 * sentences (a neighbourhood drawn without them): both take their steps and characters from here.
 */

/** Characters that count as a space (after NFKC, which makes most Unicode spaces U+0020). */
export const SENTENCE_SPACES: readonly string[] = [
  "\t",
  "\n",
  "\u000b",
  "\f",
  "\r",
  "\u0085",
  "\u00a0",
  "\u1680",
  "\u2028",
  "\u2029",
  "\u202f",
  "\u205f",
  "\u3000",
  "\ufeff",
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
];

/**
 * Typographic characters and the plain one each counts as: quotes, apostrophes and dashes as a
 * newspaper's typesetting or a wire feed's plain text may print them. Applied after case folding.
 */
export const SENTENCE_UNIFY: readonly (readonly [string, string])[] = [
  ...["\u2018", "\u2019", "\u201a", "\u201b", "\u2032", "\u2035", "\u02bc", "`", "\u00b4"].map(
    (c) => [c, "'"] as const,
  ),
  ...["\u2039", "\u203a"].map((c) => [c, "'"] as const),
  ...["\u201c", "\u201d", "\u201e", "\u201f", "\u2033", "\u2036", "\u00ab", "\u00bb"].map(
    (c) => [c, '"'] as const,
  ),
  ...["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\u2043", "\ufe58"].map(
    (c) => [c, "-"] as const,
  ),
  ...SENTENCE_SPACES.map((c) => [c, " "] as const),
];

/**
 * The form in which two sentences are the same sentence: NFKC, case folded (upper then lower
 * case, so "STRASSE" and "Straße" fold alike), typographic quotes, dashes and spaces unified,
 * runs of spaces one space, no space at either end, and one trailing full stop dropped.
 */
export function sentenceKey(sentence: string): string {
  let s = sentence.normalize("NFKC").toUpperCase().toLowerCase();
  for (const [from, to] of SENTENCE_UNIFY) s = s.replaceAll(from, to);
  s = s
    .split(" ")
    .filter((w) => w !== "")
    .join(" ");
  if (s.endsWith(".")) s = s.slice(0, -1);
  if (s.endsWith(" ")) s = s.slice(0, -1);
  return s;
}

/** One claim as syndication reads it: its source, that source's publication date, its sentence. */
export interface SentenceRow {
  source: string;
  /** The source's publishedAt (ISO, may be partial); null when it has none. */
  publishedAt: string | null;
  sentence: string;
}

/**
 * Publication order: earlier publishedAt first (a source without one first, as a claim without a
 * point in time counts as older than every dated one), then the smaller source key.
 */
function earlier(a: SentenceRow, b: SentenceRow): boolean {
  const pa = a.publishedAt ?? "";
  const pb = b.publishedAt ?? "";
  return pa < pb || (pa === pb && a.source < b.source);
}

/**
 * For each row (the claims of one relation that count: retracted ones left out by the caller),
 * the source it repeats: the earliest source whose claim has the same sentence, when that source
 * is another one; null for a claim that repeats nobody.
 */
export function repeatsOf(rows: readonly SentenceRow[]): (string | null)[] {
  const first = new Map<string, SentenceRow>();
  const keys = rows.map((r) => sentenceKey(r.sentence));
  rows.forEach((r, i) => {
    const key = keys[i] as string;
    const seen = first.get(key);
    if (!seen || earlier(r, seen)) first.set(key, r);
  });
  return rows.map((r, i) => {
    const original = first.get(keys[i] as string) as SentenceRow;
    return original.source === r.source ? null : original.source;
  });
}

/**
 * How many of the rows' sources are independent: every source with a claim, less those all of
 * whose claims repeat another source's.
 */
export function independentSourceCount(rows: readonly SentenceRow[]): number {
  const repeats = repeatsOf(rows);
  // A source with one claim that repeats nobody is independent; the others only repeat.
  return new Set(rows.filter((_, i) => repeats[i] === null).map((r) => r.source)).size;
}
