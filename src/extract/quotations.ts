/**
 * Quotations as news copy writes them (issue 25, tenth pass): the marks that open and close them,
 * and who said them when the speaker stands after the speech verb behind a title.
 *
 * Marks: double curly (“…”) and straight ("…") quotes, German low-high („…“), guillemets (« … »),
 * and single quotes as British and wire copy use them (‘…’, '…'). A single closing mark is also an
 * apostrophe, so a single quotation opens only where no letter stands before the mark and closes
 * only where no letter follows it ("We’re", "Hungary’s" stay inside), and holds three words or
 * more; a quotation inside a double quotation is part of it, not one of its own.
 */

/** One quotation: `[whole, inner]` with `index` the opening mark's offset, as a RegExp match. */
export type Quotation = RegExpMatchArray;

const DOUBLE = /“([^“”]+)”|"([^"]+)"|„([^“”„]+)[“”]|«\s?([^«»]+?)\s?»/g;
const SINGLE_CURLY = /(?<![\p{L}\p{N}])‘([^‘]*?\p{L}[^‘]*?)’(?![\p{L}\p{N}])/gu;
const SINGLE_STRAIGHT = /(?<=^|[\s:,(—–-])'(?=\p{L})([^']*?\s[^']*?[^\s'])'(?![\p{L}\p{N}])/gu;

/** The quotations of `text` (a sentence), in text order, each as `[whole, inner]` at `index`. */
export function quotationsIn(text: string): Quotation[] {
  const out: Quotation[] = [];
  for (const m of text.matchAll(DOUBLE)) out.push(shape(m, m[1] ?? m[2] ?? m[3] ?? m[4] ?? ""));
  const inside = (at: number) =>
    out.some((q) => (q.index ?? 0) <= at && at < (q.index ?? 0) + q[0].length);
  for (const re of [SINGLE_CURLY, SINGLE_STRAIGHT])
    for (const m of text.matchAll(re)) {
      // inside a double quotation: part of it; two words or fewer in single marks are a name or
      // a word held at arm's length ("the ‘Meteoro’", "could ‘possibly participate’"), not words
      // a reader records as said
      if (inside(m.index ?? 0) || (m[1] ?? "").trim().split(/\s+/).length < 3) continue;
      out.push(shape(m, m[1] ?? ""));
    }
  return out.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
}

function shape(m: RegExpMatchArray, inner: string): Quotation {
  const q = [m[0], inner] as unknown as Quotation;
  q.index = m.index ?? 0;
  return q;
}

/**
 * Words that may stand between a speech verb and the speaker named after it: titles, ranks,
 * the nation's adjective, "the", "of" ("said Finnish Defence Minister Antti Häkkänen", "said the
 * head of the Estonian Defence Forces, Gen. Martin Herem"). Not a clause of its own: no "that",
 * "adding", a pronoun or a second verb between.
 */
const TITLE_WORD = /^(?:the|[\p{L}][\p{L}.'’-]*),?$/u;
const NOT_A_TITLE =
  /^(?:that|adding|while|but|when|after|before|as|who|which|because|he|she|they|it|we|on|at|with|said|says|told|added)$/i;

/** Whether `gap`, the text between a speech verb and a person's name, holds only their title. */
export function titleGap(gap: string): boolean {
  const words = gap
    .replace(/,/g, " , ")
    .split(/\s+/)
    .filter((w) => w.length > 0 && w !== ",");
  return (
    gap.length <= 90 &&
    words.length <= 9 &&
    !/[“”"‘«»;:.!?](?:\s|$)/.test(
      gap.replace(
        /\b(?:\p{Lu}[\p{L}-]*|Lt|Col|Gen|Maj|Capt|Sgt|Cpl|Adm|Brig|Dr|Mr|Mrs|Ms|St)\.(?=\s|-)/gu,
        "",
      ),
    ) &&
    words.every((w) => TITLE_WORD.test(w) && !NOT_A_TITLE.test(w))
  );
}

/** A title compared loosely: lower case, hyphens as spaces ("Secretary-General" = "secretary general"). */
export function titleKey(title: string): string {
  return title.toLowerCase().replace(/[-‐–]/g, " ").replace(/\s+/g, " ").trim();
}
