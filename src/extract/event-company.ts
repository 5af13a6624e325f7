/**
 * Who else was there (twenty-first pass): the people an event "was attended by", or the one taking
 * part "was joined by" or "will be accompanied by", take part in it: "The ceremony was attended by
 * Defence Minister A and Ambassador B", "She will be accompanied by the chief of defence, General
 * C", "During their visit, they were joined by Col. D".
 *
 * The event is one the sentence names before those words; else the one someone was last told to
 * take part in, in this sentence or the one before ("X will visit the troops on Friday. She will be
 * accompanied by ..."). Only people, named after the words and before the clause ends; not the
 * jets or ships a mission "will be joined by", nor an event that is a war.
 */
import { type Context, type Placed, type Proposal, placedIn } from "./context.js";
import type { Cluster } from "./link.js";
import type { Sentence } from "./sentences.js";

/** The passive of company: "was attended by", "will also be accompanied by", "were joined by". */
const COMPANY =
  /\b(?:was|were|is|are|be|been|being)\s+(?:also\s+)?(?:attended|joined|accompanied)\s+by\s/gi;
/** Where the list of people ends: a second clause. */
const CLAUSE_END = /[;:]|\b(?:while|but|where|whereas|although|after|before|who|which|when)\b/i;

/** A person who is the subject of the next clause: "..., Kent and Nicholson received". */
const SUBJECT_NEXT =
  /^\s+(?:and\s+[\p{Lu}][\p{L}-]*\s+)?(?:said|says|received|met|meets|told|added|noted|stressed|visited|thanked|announced|spoke|held|signed|opened)\b/u;
/** The occasion the sentence speaks of before the words: "The rotation ceremony", "During their visit". */
const OCCASION_WORD =
  /\b(?:the|this|that|their|his|her|its)\s+(?:[\p{L}-]+\s+){0,3}?(ceremony|visit|meeting|summit|conference|exercise|drills|talks|parade|trip|tour)\b/giu;

const isOccasion = (c: Cluster) => c.kind === "Event" && c.properties.category !== "CONFLICT";

const WORDS = [
  "ceremony",
  "visit",
  "meeting",
  "summit",
  "conference",
  "exercise",
  "drills",
  "talks",
  "parade",
  "trip",
  "tour",
];

/**
 * The last occasion told of so far whose name holds each word ("ceremony", "visit"), read forward
 * once through the mentions and the participations in text order (`upTo` only moves on).
 */
function occasionsSoFar(ctx: Context, told: readonly Proposal[]) {
  const wordsOf = new Map<Cluster, string[]>();
  const words = (c: Cluster) => {
    let found = wordsOf.get(c);
    if (!found) {
      const names = [c.name, ...c.aliases].join(" ").toLowerCase();
      found = WORDS.filter((w) => names.includes(w));
      wordsOf.set(c, found);
    }
    return found;
  };
  const byStart = [...told].sort((x, y) => x.sentence.start - y.sentence.start);
  const last = new Map<string, Cluster>();
  let m = 0;
  let t = 0;
  return (word: string, upTo: number): Cluster | undefined => {
    // both lists in text order: whichever comes first is read first, so the later one wins
    for (;;) {
      const p = ctx.placed[m];
      const q = byStart[t];
      const pAt = p && p.mention.end <= upTo ? p.mention.start : Number.POSITIVE_INFINITY;
      const qAt = q && q.sentence.start < upTo ? q.sentence.start : Number.POSITIVE_INFINITY;
      if (pAt === Number.POSITIVE_INFINITY && qAt === Number.POSITIVE_INFINITY) break;
      const c = pAt <= qAt ? (p as Placed).cluster : (q as Proposal).to;
      if (pAt <= qAt) m++;
      else t++;
      if (isOccasion(c)) for (const w of words(c)) last.set(w, c);
    }
    return last.get(word);
  };
}

export function eventCompany(ctx: Context, proposed: readonly Proposal[]): void {
  // who was told to take part in what, by sentence (read once: a text of thousands of sentences
  // must not read every proposal for each)
  const told = new Map<Sentence, Proposal[]>();
  const all = proposed.filter((p) => p.type === "PARTICIPATED_IN" && isOccasion(p.to));
  for (const p of all) told.set(p.sentence, [...(told.get(p.sentence) ?? []), p]);
  const soFar = occasionsSoFar(ctx, all);
  for (const [i, s] of ctx.sentences.entries()) {
    COMPANY.lastIndex = 0;
    const found = COMPANY.exec(ctx.text.slice(s.start, s.end));
    if (!found) continue;
    const at = s.start + found.index;
    const after = at + found[0].length;
    const here = placedIn(s, ctx.placed);
    const previous = ctx.sentences[i - 1];
    const named = here.filter((p) => isOccasion(p.cluster) && p.mention.end <= at).at(-1);
    const last = [...(previous ? (told.get(previous) ?? []) : []), ...(told.get(s) ?? [])]
      .filter((p) => p.sentence.start < at)
      .at(-1);
    const word = [...ctx.text.slice(s.start, at).matchAll(OCCASION_WORD)].at(-1)?.[1];
    const event = named?.cluster ?? last?.to ?? (word ? soFar(word.toLowerCase(), at) : undefined);
    if (!event) continue;
    for (const p of here) {
      if (p.cluster.kind !== "Person" || p.mention.start < after) continue;
      if (CLAUSE_END.test(ctx.text.slice(after, p.mention.start))) break;
      // "..., Kent and Nicholson received briefings": the next clause's subject, not the company
      if (SUBJECT_NEXT.test(ctx.text.slice(p.mention.end, Math.min(s.end, p.mention.end + 40))))
        break;
      ctx.propose({
        type: "PARTICIPATED_IN",
        from: p.cluster,
        to: event,
        sentence: s,
        confidence: 0.7,
      });
    }
  }
}
