/**
 * Whose share of GDP a percentage is, in the word orders news prose uses for what a nation
 * spends (issue 25, twelfth pass): the nation may come after the figure ("3.2 percent of
 * Estonia's GDP"), own the spending ("Latvia's defence budget stands at 2.4% of GDP"), or be
 * where the spending is ("defence spending in Lithuania reached 3.1 percent of GDP"). Only what
 * is spent now or was spent: a level to reach ("will rise to", "plans to raise ... to", "aims
 * for") is a pledge, not spending.
 */
import type { Placed } from "./context.js";
import type { Quantity } from "./mentions.js";
import type { Sentence } from "./sentences.js";

const SPENDING = String.raw`(?:defen[cs]e|military|security)\s+(?:spending|budget|expenditures?|outlays?)`;

/** Verbs of a level already reached (present or past), between the spending and the figure. */
const LEVEL = String.raw`(?:is|was|stands\s+at|stood\s+at|reached|has\s+reached|amounts\s+to|amounted\s+to|totals|totalled|totaled|came\s+to|equals|equalled|equaled|accounts\s+for|accounted\s+for|represents|represented|is\s+now|was\s+already|of|at)`;

/** "Latvia's defence budget stands at", "the defence spending of Latvia is": the owner before. */
const OWNER_BEFORE = new RegExp(
  String.raw`^['’]s?\s+(?:(?:annual|current|total|overall|national)\s+)?${SPENDING}\s+(?:(?:this|last)\s+year\s+)?${LEVEL}\s+(?:(?:about|around|roughly|nearly|almost|just\s+(?:over|under)|more\s+than|over|some|an\s+estimated)\s+)?$`,
  "i",
);

/** "defence spending in Lithuania reached": the nation where the spending is. */
const SPENDING_IN = new RegExp(String.raw`\b${SPENDING}\s+(?:in|of|by)\s+$`, "i");
const LEVEL_AFTER = new RegExp(
  String.raw`^\s+(?:(?:this|last)\s+year\s+)?${LEVEL}\s+(?:(?:about|around|roughly|nearly|almost|just\s+(?:over|under)|more\s+than|over|some|an\s+estimated)\s+)?$`,
  "i",
);

/** "3.2 percent of Estonia's GDP", "... of the Baltic state's gross domestic product". */
const OF_OWNER_GDP = /^\s+of\s+$/;
const GDP_AFTER_OWNER = /^['’]s?\s+(?:annual\s+)?(?:GDP|gross\s+domestic\s+product)\b/;

/** The figure is a share of GDP: "of GDP", "of its GDP", "of Estonia's gross domestic product". */
const SHARE_OF_GDP = /^\s+of\s+(?:[\p{L}’'-]+\s+){0,3}(?:GDP|gross\s+domestic\s+product)\b/u;

/** A level to reach, not what is spent: words of the future or of intent before the figure. */
const INTENT =
  /\b(?:will|would|shall|plans?|planned|aims?|aimed|intends?|pledged|promised|vowed|agreed|wants?|seeks?|expects?|target(?:s|ed)?|goal|raise|raising|increase|increasing|boost|boosting|lift|lifting|hike|rise\s+to|grow\s+to|by\s+20\d\d|to\s+reach|could|should|must|may|might)\b/i;

/**
 * The nation `q` (a percentage of sentence `s`) is the GDP share of, by the constructions above,
 * or undefined. `nations` are the sentence's nation mentions.
 */
export function shareOwner(
  text: string,
  s: Sentence,
  q: Quantity,
  nations: readonly Placed[],
): Placed | undefined {
  if (!SHARE_OF_GDP.test(text.slice(q.end, q.end + 60))) return undefined;
  // the clause that holds the figure: from the last clause mark before it
  const head = text.slice(s.start, q.start);
  const clauseAt = Math.max(
    head.lastIndexOf(";"),
    head.lastIndexOf(" but "),
    head.lastIndexOf(":"),
  );
  if (INTENT.test(head.slice(clauseAt + 1))) return undefined;
  for (const n of nations) {
    if (n.mention.demonym) continue;
    const { start, end } = n.mention;
    if (start >= q.end) {
      // "3 percent of Estonia's GDP"
      if (
        OF_OWNER_GDP.test(text.slice(q.end, start)) &&
        GDP_AFTER_OWNER.test(text.slice(end, end + 40))
      )
        return n;
      continue;
    }
    if (q.start - end > 80) continue;
    const between = text.slice(end, q.start);
    if (OWNER_BEFORE.test(between)) return n;
    if (
      SPENDING_IN.test(text.slice(Math.max(s.start, start - 40), start)) &&
      LEVEL_AFTER.test(between)
    )
      return n;
  }
  return undefined;
}

/** Whether the sentence gives a nation's GDP share in one of these word orders. */
export function statesShare(
  text: string,
  s: Sentence,
  pcts: readonly Quantity[],
  nations: readonly Placed[],
): boolean {
  return pcts.some((q) => shareOwner(text, s, q, nations) !== undefined);
}

/** A nation's share given beside its name: "Greece (3.54%)", "Poland at 3.9 percent". */
const BESIDE_NAME =
  /^(?:\s*\(\s*|\s+at\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?)(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:%|per ?cent|percent)(?:\s+of\s+(?:its\s+)?(?:GDP|gross\s+domestic\s+product))?(?:\s*\))?/u;
/** What sets a list of shares going: defence spending, measured against GDP (or its target). */
const SPENDING_WORDS =
  /\b(?:defen[cs]e|military)\s+(?:spending|budgets?|expenditures?|outlays?|investment)\b|\bspend(?:s|ing)?\b[^.;]{0,60}\bon\s+(?:defen[cs]e|the\s+military)\b/i;
const MEASURED = /\bGDP\b|gross domestic product|\b(?:target|guideline|benchmark)\b/i;
/** A figure of change or of the economy, not a share of GDP spent on defence. */
const NOT_SHARE =
  /\b(?:increase[sd]?|rise|rose|grew|growth|grow|cuts?|inflation|unemployment|real terms|year[- ]on[- ]year|economy)\b/i;
/** A level planned or promised, not spent: "planned to reach ... by 2030", "will", "aims". */
const PLANNED =
  /\b(?:will|would|plans?|planned|aims?|aimed|intends?|pledged|promised|vowed|expected\s+to|set\s+to|to\s+reach|by\s+20\d\d)\b/i;

export interface ShareBesideName {
  nation: Placed;
  value: number;
  sentence: Sentence;
}

/**
 * Shares written beside nations' names in prose (extclass26, class 2): "defence spending ... was
 * highest in Greece (3.54%), the United States (3.46%). Lithuania (2.47%), ...", "with Poland at
 * 3.9 percent". Only in a sentence about defence spending measured against GDP (or a target), or
 * in the two after one such (a list runs on), each figure of a share's size (at most 10), and
 * never where the sentence speaks of change or of the economy ("Hungary (17.6%) inflation") or of
 * a level planned ("planned to reach ...: Poland (5%) ... by 2030").
 */
export function sharesBesideNames(
  text: string,
  sentences: readonly Sentence[],
  nationsOf: (s: Sentence) => readonly Placed[],
): ShareBesideName[] {
  const out: ShareBesideName[] = [];
  let context = -1; // index of the last sentence that set a list going
  let measured = false;
  for (const [i, s] of sentences.entries()) {
    if (SPENDING_WORDS.test(s.text)) {
      context = i;
      measured = MEASURED.test(s.text) || (i > 0 && MEASURED.test(sentences[i - 1]?.text ?? ""));
      if (i > 1 && !measured) measured = MEASURED.test(sentences[i - 2]?.text ?? "");
    }
    if (context < 0 || i - context > 2 || !measured) continue;
    if (NOT_SHARE.test(s.text) || PLANNED.test(s.text)) continue;
    let found = false;
    for (const n of nationsOf(s)) {
      if (n.mention.demonym) continue;
      const m = BESIDE_NAME.exec(text.slice(n.mention.end, Math.min(s.end, n.mention.end + 40)));
      if (!m) continue;
      const value = Number((m[1] as string).replace(",", "."));
      if (!(value > 0 && value <= 10)) continue;
      out.push({ nation: n, value, sentence: s });
      found = true;
    }
    // a list that runs on keeps the context going
    if (found) context = i;
  }
  return out;
}
