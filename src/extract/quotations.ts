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

const ANY_MARK = /[“”"„«‘’']/;
/**
 * A curly opening mark closed by a straight one (“We are ready," she said): web copy that mixes its
 * marks. The straight mark closes the curly one only where no curly closing mark follows before the
 * next opening one, so a “… "title" …” quotation keeps its own close.
 */
const CURLY_CLOSED_STRAIGHT = /“([^“”"]+)"(?![^“]*”)/;
/**
 * Its mirror, a straight opening mark closed by a curly one ("It was an honour,” said Captain X):
 * the straight mark opens only after a space, a bracket or a dash (or at the start) and before a
 * non-space, so the close of a straight pair ("a" and "b”) is never read as an opening (wild27).
 */
const STRAIGHT_CLOSED_CURLY = /(?<=^|[\s(—–-])"(?=\S)([^“”"]+)”/;
/**
 * A closing mark whose opening one the copy lost, at the start of a sentence ("Together with my
 * counterpart we reached the conviction ...,” Nenchev stated"): the words from the sentence's start
 * to the mark, where a name or a pronoun follows it (wild26).
 */
const LOST_OPENING = /^([^“”"„«»]{10,}?[,.!?])”(?=\s+(?:\p{Lu}|he\b|she\b|they\b|the\b))/u;
const DOUBLE = new RegExp(
  `“([^“”]+)”|${STRAIGHT_CLOSED_CURLY.source}|"([^"]+)"|„([^“”„]+)[“”]|«\\s?([^«»]+?)\\s?»|${CURLY_CLOSED_STRAIGHT.source}|${LOST_OPENING.source}`,
  "gu",
);

/**
 * `t` with every mixed pair (`CURLY_CLOSED_STRAIGHT`) closed by a curly mark, for the readers that
 * count marks to tell whether a quotation is still open (the sentence splitter).
 */
export function mendMixedMarks(t: string): string {
  if (!t.includes('"')) return t;
  const u = t.includes("“") ? t.replace(new RegExp(CURLY_CLOSED_STRAIGHT.source, "g"), "“$1”") : t;
  return u.includes("”") ? u.replace(new RegExp(STRAIGHT_CLOSED_CURLY.source, "g"), "“$1”") : u;
}
const SINGLE_CURLY = /(?<![\p{L}\p{N}])‘([^‘]*?\p{L}[^‘]*?)’(?![\p{L}\p{N}])/gu;
const SINGLE_STRAIGHT = /(?<=^|[\s:,(—–-])'(?=\p{L})([^']*?\s[^']*?[^\s'])'(?![\p{L}\p{N}])/gu;

/**
 * Words a writer holds at arm's length in double marks, not words anyone said: a short phrase (four
 * words or fewer) that closes with no punctuation of its own and stands where a noun phrase does,
 * after an article, a possessive or a preposition ("Russia's “unusual military activity” near the
 * border", "an increase in “aggressive actions”", "the so-called “coalition of the willing”").
 * "said he “welcomes” these comments", "“We are ready,” she said" and words a speaker names something
 * with ("described it as “a sign of resolve”") are quotations.
 */
const HELD_AT_ARMS_LENGTH =
  /(?:\b(?:the|a|an|this|that|these|those|its|their|his|her|our|your|so-called|alleged|in|of|on|about|for|with|by|as|into|from|against|over)|\p{L}['’]s?)\s+$/iu;

function scareQuote(text: string, at: number, inner: string): boolean {
  const words = inner.trim().split(/\s+/);
  return (
    words.length <= 4 &&
    !/[,.!?…;:]$/.test(inner.trim()) &&
    HELD_AT_ARMS_LENGTH.test(text.slice(Math.max(0, at - 30), at)) &&
    // "described the deployment as “a sign of resolve”": naming words are the namer's
    !/(?<![\p{L}-])(?:call(?:s|ed)?|describe[sd]?|dubbed|dubs|hail(?:s|ed)?|term(?:s|ed)|label(?:s|led|ed))\b[^“”"„«]{0,40}$/u.test(
      text.slice(Math.max(0, at - 60), at),
    )
  );
}

/**
 * The quotations of `text` (a sentence), in text order, each as `[whole, inner]` at `index`.
 * Phrases held at arm's length (`scareQuote`) are left out unless `all`: they are no one's words,
 * though what lies inside them is still quoted text, not the writer's clause.
 */
export function quotationsIn(text: string, all = false): Quotation[] {
  const out: Quotation[] = [];
  if (!ANY_MARK.test(text)) return out;
  for (const m of text.matchAll(DOUBLE)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? m[7] ?? "";
    if (!all && scareQuote(text, m.index ?? 0, inner)) continue;
    out.push(shape(m, inner));
  }
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

/**
 * The spans of a sentence a reader takes as quoted, in text offsets: every quotation `quotationsIn`
 * reads (in every house style's marks, scare quotes too), and a double mark left open runs to the
 * sentence's end. One reader for the rules that must not take a quoted word for the writer's own.
 */
export function quotedSpans(s: { start: number; text: string }): { start: number; end: number }[] {
  if (!ANY_MARK.test(s.text)) return [];
  const spans = quotationsIn(s.text, true).map((q) => ({
    start: s.start + (q.index ?? 0),
    end: s.start + (q.index ?? 0) + q[0].length,
  }));
  const lastEnd = spans.reduce((end, q) => Math.max(end, q.end), s.start);
  const open = /[“„«"]/.exec(s.text.slice(lastEnd - s.start));
  if (open) spans.push({ start: lastEnd + open.index, end: s.start + s.text.length });
  return spans;
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
