/**
 * A nation contributes to a mission through its forces (eleventh pass): "Czech army paratroopers
 * left for Slovakia to build a NATO battlegroup there", "British, Romanian and Croatian components"
 * of the battle group, "Hungarian soldiers participating in the Baltic air policing mission",
 * "a Royal Danish Armed Forces battalion to the NATO multinational brigade", "The Netherlands will
 * maintain a military presence in Lithuania as part of NATO's mission". A reader records the
 * nation (and its armed forces, where named) as contributing, whether the sentence tells of the
 * deployment as done or as decided (the golds record both).
 *
 * Read in a sentence that names exactly one mission (or refers to it, mission-anaphora.ts):
 * - a nation's forces before the mission, joined to it by what links a force to a mission ("as
 *   part of", "to build", "participating in", "to join", "on", "to", "in"): the nation by its
 *   demonym right before a noun for forces (a list of demonyms too), an armed force by its name;
 * - the nation that is the sentence's subject (at its start), when the verb sends, deploys or
 *   keeps forces and the mission follows such a link ("will maintain a presence" is going on;
 *   "will send" is still to come, a pledge, and not read);
 * - the mission before, then "involves", "includes", "brings together" and the forces after.
 * Not read: a nation that invades in the article, the mission's own host named as a place
 * ("Latvian troops" beside NATO's brigade in Latvia train with it; the golds do not record the
 * host's own army as contributing unless the text says so), negated clauses (clauses.ts).
 */
import type { Context, Placed } from "./context.js";
import type { Cluster } from "./link.js";

const FORCE_NOUN =
  /^\s+(?:[\p{Ll}-]+\s+){0,2}?(?:troops|soldiers|forces|personnel|paratroopers|servicemen|service members|servicemembers|warships|ships|frigates|vessels|jets|fighter jets|fighters|aircraft|components|contingents?|units?|army|battalions?|companies|company|sailors|marines|airmen|pilots|military|detachments?)(?![\p{L}])/u;
/** What links a force to the mission written after it. */
const LINK_BEFORE =
  /(?:\bas (?:a )?part of|\bpart of|\bwithin(?: the framework of)?|\bparticipat\w* in|\btak\w* part in|\bserv\w* (?:in|with)|\bto (?:join|build|form|reinforce|strengthen|set up|support)|\bjoin(?:ed|ing|s)?|\bto|\bon|\bin|\binto|\bfor|\bwith)\s+(?:(?:the|a|an|its|their)\s+)?(?:NATO(?:['’]s)?\s+)?$/;
/** A verb that sends, deploys or keeps forces, between a nation subject and the mission. */
const SENDS =
  /\b(?:send|sends|sent|sending|deploy|deploys|deployed|deploying|maintain|maintains|maintained|station|stations|stationed|contribute|contributes|contributed|provide|provides|provided|dispatch|dispatches|dispatched|commit|commits|committed|keep|keeps|kept)\b/;
/** The mission, then what it is made of. */
const MADE_OF =
  /^\s+(?:[^.;]{0,80}?\s)?(?:also\s+)?(?:involves|involved|includes|included|comprises|brings together|consists of|is made up of)\s/;
/**
 * The mission, then its people by number and where they come from: "EUTM has 118 military and
 * civilian personnel from 12 EU states - Austria, Belgium and Spain", "the battle group numbers
 * 1,200 troops from Albania, Italy and Greece". The nations named after "from" contribute.
 */
const STAFFED_FROM =
  /^\s+(?:(?:now|currently|still|also)\s+)?(?:has|had|numbers|numbered|counts|counted|comprises|comprised|includes|included|brings together|is made up of)\s+(?:(?:some|about|around|over|nearly|almost|roughly|more than|up to)\s+)?\d[\d,]*\s+(?:[\p{L}-]+\s+){0,4}?(?:troops|soldiers|personnel|servicemen|service members|staff|members|military|airmen|sailors|people)\s+from\s+/u;
/** A sending still to come. */
const TO_COME =
  /\b(?:will|would|shall|plans? to|planned to|aims? to|aimed to|intends? to|is to|are to|set to|going to|wants? to|asked)\s+(?:\w+\s+)?(?:send|deploy|dispatch|contribute|provide|commit|station)\b/;
/** A report of another's act. */
const REPORTS = /\b(?:said|says|told|announced|reported|stated|claimed|added)\b/;
/** A second clause between a force and the mission. */
const CLAUSE_BREAK = /;|\bwhile\b|\bwhereas\b|,\s+but\b|\balthough\b/;
const LIST_GAP = /^(?:,\s*|\s+and\s+|,\s+and\s+)$/;
/**
 * Soldiers of a force named after them: "205 soldiers of the Royal Netherlands Armed Forces will
 * serve in the battle group", "troops from the 2nd Cavalry Regiment".
 */
const FORCE_BEFORE =
  /\b(?:troops|soldiers|personnel|servicemen|service members|servicemembers|sailors|airmen|marines|paratroopers|elements|units?)\s+(?:of|from)\s+(?:the\s+)?$/;
/**
 * A nation's people named by its plural demonym, standing for its forces in a sentence that puts
 * them in a mission: "Norwegians will join the battle group in May", "The Portuguese have finished
 * their seventh deployment on the mission". A plural noun ("Norwegians", "Italians", "Danes"), or
 * "the" and an adjective used as a noun before its verb ("the Dutch will", "The Portuguese have").
 */
function peopleNoun(text: string, p: Placed): boolean {
  const { start, end } = p.mention;
  const word = text.slice(start, end);
  if (/\p{Ll}s$/u.test(word)) return true;
  return (
    /\b[Tt]he\s+$/.test(text.slice(Math.max(0, start - 4), start)) &&
    /^\s+(?:have|has|had|will|would|are|were|is|was|also|joined|join|took|take|continue|continued)\b/.test(
      text.slice(end, end + 12),
    )
  );
}

/** The nations and armed forces `ctx` proposes as contributing to the mission of each sentence. */
export function contributorsByForces(ctx: Context, invaders: ReadonlySet<string>): void {
  const bySentence = placedBySentence(ctx);
  for (const [si, s] of ctx.sentences.entries()) {
    const here = bySentence[si] ?? [];
    const missions = [
      ...new Set(here.filter((p) => p.cluster.kind === "Mission").map((p) => p.cluster)),
    ];
    if (missions.length !== 1) continue;
    const mission = missions[0] as Cluster;
    const m = here.find((p) => p.cluster === mission) as Placed;
    const hosts = new Set((m.mention.involves ?? []).map((e) => e.key));
    const propose = (from: Cluster, inferred: boolean) => {
      if (invaders.has(from.key) || hosts.has(from.key) || from === mission) return;
      ctx.propose({
        type: "CONTRIBUTES_TO",
        from,
        to: mission,
        sentence: s,
        inferred,
        confidence: 0.7,
      });
    };
    const linked = LINK_BEFORE.test(
      ctx.text.slice(Math.max(s.start, m.mention.start - 40), m.mention.start),
    );
    const madeOf = MADE_OF.exec(ctx.text.slice(m.mention.end, s.end));
    const staffed = STAFFED_FROM.exec(ctx.text.slice(m.mention.end, s.end));
    const listFrom = staffed
      ? m.mention.end + staffed[0].length
      : madeOf
        ? m.mention.end + madeOf[0].length
        : s.end;
    for (const [i, p] of here.entries()) {
      // "... was part of X, while now it will be integrated into the brigade": another clause
      const before =
        p.mention.end <= m.mention.start &&
        linked &&
        !CLAUSE_BREAK.test(ctx.text.slice(p.mention.end, m.mention.start));
      const after = p.mention.start >= listFrom;
      if (!before && !after) continue;
      // "British, Romanian and Croatian components": the demonyms of a list, then the noun
      if (p.cluster.kind === "Nation" && p.mention.demonym) {
        let last = p;
        for (const next of here.slice(i + 1)) {
          if (next.cluster.kind !== "Nation" || !next.mention.demonym) break;
          if (!LIST_GAP.test(ctx.text.slice(last.mention.end, next.mention.start))) break;
          last = next;
        }
        if (
          FORCE_NOUN.test(ctx.text.slice(last.mention.end, Math.min(s.end, last.mention.end + 40)))
        )
          propose(p.cluster, false);
        else if (before && last === p && peopleNoun(ctx.text, p)) propose(p.cluster, false);
        continue;
      }
      // "a Royal Danish Armed Forces battalion", "soldiers from 1 Canadian Mechanized Brigade Group"
      if (p.cluster.kind === "Organization" && p.cluster.properties.category === "ARMED_FORCES") {
        // its unit or its sending named: "(US Army) are to take over responsibility for" is not
        const tail = ctx.text.slice(p.mention.end, Math.min(s.end, p.mention.end + 40));
        const sent = before && SENDS.test(ctx.text.slice(p.mention.end, m.mention.start));
        const soldiersOf =
          before &&
          FORCE_BEFORE.test(
            ctx.text.slice(Math.max(s.start, p.mention.start - 40), p.mention.start),
          );
        if (!FORCE_NOUN.test(tail) && !sent && !soldiersOf && !after) continue;
        propose(p.cluster, false);
        const nation = p.mention.involves?.find((e) => e.kind === "Nation");
        // "Czech army paratroopers": the army's nation, named or not in the sentence
        if (nation)
          propose(ctx.entity("Nation", nation.key, nation.name, { ...nation.properties }), true);
        continue;
      }
      // "... has 118 personnel from 12 EU states - Austria, Belgium and Spain": each nation named
      if (staffed && after && p.cluster.kind === "Nation") {
        propose(p.cluster, false);
        continue;
      }
      // "The Netherlands will maintain a military presence in Lithuania as part of NATO's mission"
      if (
        before &&
        p.cluster.kind === "Nation" &&
        /^(?:(?:The|the)\s+)?$/.test(
          ctx.text
            .slice(s.start, p.mention.start)
            .replace(/^[^\p{L}]*(?:On|In)\s+[^,]{1,30},\s+/u, ""),
        ) &&
        SENDS.test(ctx.text.slice(p.mention.end, m.mention.start)) &&
        // "Denmark will send a frigate to X": a contribution to come (a pledge), not yet made;
        // "will maintain a presence" is one going on
        !TO_COME.test(ctx.text.slice(p.mention.end, m.mention.start)) &&
        // "The Netherlands said Germany had sent troops to ...": another subject's sending
        !REPORTS.test(ctx.text.slice(p.mention.end, m.mention.start)) &&
        !here.some(
          (x) =>
            x.cluster.kind === "Nation" &&
            !x.mention.demonym &&
            x.mention.start > p.mention.end &&
            x.mention.end <= m.mention.start &&
            SENDS.test(ctx.text.slice(x.mention.end, m.mention.start)),
        )
      )
        propose(p.cluster, false);
    }
  }
}

/** The placed mentions of each of `ctx.sentences`, in one pass (both are in text order). */
export function placedBySentence(ctx: Context): Placed[][] {
  const out = ctx.sentences.map((): Placed[] => []);
  let si = 0;
  for (const p of ctx.placed) {
    while (si < ctx.sentences.length && (ctx.sentences[si] as { end: number }).end < p.mention.end)
      si++;
    const s = ctx.sentences[si];
    if (s && s.start <= p.mention.start) out[si]?.push(p);
  }
  return out;
}
