/**
 * Missions referred to by a definite noun phrase (eleventh pass): "The battalion also includes
 * military personnel from Belgium, Norway and the Czech Republic", "the battle group deployed to
 * Poland ... also involves British, Romanian and Croatian components", "Denmark, France ... have
 * also joined the initiative". A reader takes "the battalion", "the battle group", "the mission"
 * for the mission last named before it, as for any definite description in news copy; the
 * relation rules then read the sentence as if the mission were named there.
 *
 * The anaphor is resolved to the last mission named before it whose kind fits the head noun ("the
 * brigade" only to a brigade, "the battalion" to a battle group or battalion, "the mission" to
 * any). Not read: a phrase the mention rules already named ("the NATO battle group in Estonia"),
 * one with a modifier a reader would take for another unit ("the Danish battalion", "the air
 * force"), one followed by "of" ("the presence of NATO forces"), or by "in" and a name the mission's own name lacks ("the brigade in
 * Vilnius" after "NATO's brigade in Latvia"), one in a sentence that already names that mission,
 * one inside a quotation (a speaker's "this group" points at what the speaker sees), and any
 * before the article names a mission (cataphora is rare in news).
 */
import type { Placed } from "./context.js";
import type { Cluster } from "./link.js";
import { quotedSpans } from "./quotations.js";
import type { Sentence } from "./sentences.js";

/** Modifiers that keep the reference: "the new multinational battle group", "the whole mission". */
const MODIFIER =
  "(?:new|current|whole|entire|same|multinational|international|allied|consolidated|combined|joint|enhanced|forward|NATO|NATO-led|alliance(?:’s|'s)?)";
/** The head nouns, by what missions each may refer to. */
const HEADS: readonly { head: RegExp; fits: RegExp }[] = [
  { head: /^brigade$/i, fits: /\bbrigade\b/i },
  {
    head: /^(?:battle ?group|battlegroup|battalion|combat group|group)$/i,
    fits: /\b(?:battle ?group|battlegroup|battalion|combat group|group|presence|force|forces)\b/i,
  },
  { head: /^(?:mission|operation|deployment|initiative|force|presence)$/i, fits: /./ },
];
const ANAPHOR_RE = new RegExp(
  `(?<![\\p{L}\\p{N}’'-])(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\\s+(?:${MODIFIER}\\s+){0,3}(battle ?group|battlegroup|battalion|combat group|brigade|group|mission|operation|deployment|initiative|force|presence)(?![\\p{L}-])`,
  "gu",
);
/** "of"/"in"/"to" and a capitalised name right after the phrase: perhaps another mission. */
const QUALIFIED = /^\s+(?:in|to|at|on)\s+(?:the\s+)?(\p{Lu}[\p{L}’'-]*)/u;

/**
 * The definite mission anaphors of `text`, as placed mentions of the mission each refers to, in
 * text order. `placed` is the linked mentions in text order; `sentences` the article's sentences.
 */
export function missionAnaphora(
  text: string,
  sentences: readonly Sentence[],
  placed: readonly Placed[],
): Placed[] {
  if (!placed.some((p) => p.cluster.kind === "Mission")) return [];
  // the clusters each sentence names, in one pass (both lists are in text order)
  const named = sentences.map(() => new Set<Cluster>());
  for (let pi = 0, si = 0; pi < placed.length; pi++) {
    const p = placed[pi] as Placed;
    while (si < sentences.length && (sentences[si] as Sentence).end < p.mention.end) si++;
    const s = sentences[si];
    if (s && s.start <= p.mention.start) named[si]?.add(p.cluster);
  }
  const out: Placed[] = [];
  // the last mission named before the phrase that fits each head, and how far mentions reach
  const lastFit = HEADS.map((): Cluster | undefined => undefined);
  const seen = (c: Cluster) =>
    HEADS.forEach((h, i) => {
      if (h.fits.test(c.name)) lastFit[i] = c;
    });
  let pi = 0;
  let si = 0;
  let reach = -1;
  for (const m of text.matchAll(ANAPHOR_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    for (; pi < placed.length && (placed[pi] as Placed).mention.start < end; pi++) {
      const p = placed[pi] as Placed;
      // a mention ending after the phrase starts overlaps it
      if (p.mention.end > start) reach = Math.max(reach, p.mention.end);
      // a mission overlapping the phrase is the phrase itself, and named before what follows
      if (p.cluster.kind === "Mission") seen(p.cluster);
    }
    // inside or overlapping a mention the rules already read
    if (reach > start) continue;
    while (si < sentences.length && (sentences[si] as Sentence).end < end) si++;
    const s = sentences[si];
    if (!s || s.start > start) continue;
    // "“This group shows what allies can do,” she said": a speaker's deixis, not the text's
    if (quotedSpans(s).some((q) => q.start < start && start < q.end)) continue;
    const head = (m[1] ?? "").replace(/\s+/g, " ");
    const k = HEADS.findIndex((h) => h.head.test(head));
    const target = k < 0 ? undefined : lastFit[k];
    if (!target) continue;
    // "the presence of NATO forces", "the group of countries": a noun of its own, no anaphor
    if (/^\s+of\s/.test(text.slice(end, end + 4))) continue;
    // "the brigade in Vilnius" where the mission's name does not say Vilnius: perhaps another one
    const qualified = QUALIFIED.exec(text.slice(end, end + 60));
    if (qualified && !target.name.includes(qualified[1] ?? "")) continue;
    // the sentence names that mission already: nothing more to read
    if (named[si]?.has(target)) continue;
    named[si]?.add(target);
    seen(target);
    out.push({
      mention: { start, end, text: m[0], kind: "Mission", name: target.name, key: target.key },
      cluster: target,
    });
  }
  return out;
}

/** The regions a description names a nation by, and the nations (keys) each holds. */
const REGIONS: Record<string, readonly string[]> = {
  Nordic: ["sweden", "norway", "denmark", "finland", "iceland"],
  Scandinavian: ["sweden", "norway", "denmark"],
  Baltic: ["estonia", "latvia", "lithuania"],
  Balkan: [
    "albania",
    "bosnia-and-herzegovina",
    "bulgaria",
    "croatia",
    "kosovo",
    "montenegro",
    "north-macedonia",
    "serbia",
    "slovenia",
    "greece",
    "romania",
  ],
};
/** "the Nordic country", "the Baltic state", "the Balkan nation". */
const NATION_ANAPHOR_RE =
  /(?<![\p{L}\p{N}’'-])[Tt]he\s+(Nordic|Scandinavian|Baltic|Balkan)\s+(?:country|nation|state|kingdom|republic)(?![\p{L}-])/gu;

/**
 * "The Nordic country joined NATO last month", "the Baltic state": a nation named by the region it
 * lies in, which a reader resolves by what they know: the nation of that region last named before
 * the phrase (by its name, not a demonym), as a placed mention of that nation. Not read: a plain
 * "the country" (the last nation named is as often a destination as the one in focus), "the
 * Baltic states" (plural), a phrase before any nation of the region is named.
 */
export function nationAnaphora(
  text: string,
  sentences: readonly Sentence[],
  placed: readonly Placed[],
): Placed[] {
  const out: Placed[] = [];
  const last = new Map<string, Placed>();
  let pi = 0;
  let si = 0;
  let reach = -1;
  for (const m of text.matchAll(NATION_ANAPHOR_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    for (; pi < placed.length && (placed[pi] as Placed).mention.start < end; pi++) {
      const p = placed[pi] as Placed;
      if (p.mention.end > start) reach = Math.max(reach, p.mention.end);
      else if (p.cluster.kind === "Nation" && !p.mention.demonym && !p.mention.metonym)
        for (const [region, keys] of Object.entries(REGIONS))
          if (keys.includes(p.cluster.key)) last.set(region, p);
    }
    const nation = last.get(m[1] ?? "");
    if (reach > start || !nation) continue;
    while (si < sentences.length && (sentences[si] as Sentence).end < end) si++;
    const s = sentences[si];
    if (!s || s.start > start) continue;
    out.push({
      mention: {
        start,
        end,
        text: m[0],
        kind: "Nation",
        name: nation.cluster.name,
        key: nation.cluster.key,
      },
      cluster: nation.cluster,
    });
  }
  return out;
}
