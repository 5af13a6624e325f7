/**
 * Who takes part in an exercise the article tells of, in the sentences that follow it as news copy
 * writes them: "The exercise, Iron Wolf, ... includes soldiers from Germany, the Netherlands, Norway
 * and the United States", "German troops of the 45th Panzer Brigade ... are taking part", "is led
 * by the Lithuanian Army's Iron Wolf Brigade". A sentence speaks of the exercise when it names it,
 * or says "the exercise" / "the drills" or "taking part" after the article has told of one.
 */
import type { Context, Placed } from "./context.js";
import type { Cluster } from "./link.js";
import type { Sentence } from "./sentences.js";

const EXERCISE_WORD =
  /\b(?:exercises?|drills?|war ?games|manoeuvres|maneuvers|(?:multinational|international|joint|field|military)\s+training)\b/i;
/**
 * A sentence that speaks of the exercise last told of: "the exercise", "this year's annual
 * exercise", "the two-day drills", "taking part", "participating".
 */
const SPEAKS_OF_IT =
  /\b(?:the|this|this\s+year['’]s)\s+(?:(?:annual|largest|main|major|multinational|international|military|[\w]+-day|[\w]+-week)\s+){0,2}(?:exercises?|drills?|war ?games|manoeuvres|maneuvers)\b|\b(?:taking|take|took|takes)\s+part\b|\bparticipat/i;
/**
 * Forces "supplied by" nations: "Company-sized units will be supplied by Latvia and Germany". A
 * sentence made of it speaks of the exercise told of in the sentence just before (it names none).
 */
const SUPPLIED_BY =
  /\b(?:troops|soldiers|forces|units|personnel|contingents?|companies|battalions|detachments|aircraft|jets|ships|warships)\b[^.;]{0,60}?\b(?:will\s+be|are|were|was|is|have\s+been|has\s+been)\s+(?:supplied|provided|contributed|sent|fielded)\s+by\s+(?:the\s+)?$/i;
/** "soldiers from", "troops of", "ships from": the nations listed after it take part. */
const FORCES_FROM =
  /\b(?:troops|soldiers|forces|personnel|units|sailors|airmen|aviators|aircrews|crews|pilots|marines|paratroopers|service\s+members|ships|warships|vessels|jets|warplanes|fighters|helicopters|aircraft|contingents?|companies|battalions|detachments)\s+(?:from|of)\s+(?:the\s+)?$/i;
/**
 * A force's troops sent for the exercise, between the force and the exercise's name: "absorbing
 * thousands of French Army troops for exercise Dacian Fall 25", "Polish soldiers in the exercise".
 */
const TROOPS_FOR =
  /^\s+(?:troops|soldiers|forces|units|personnel|sailors|airmen|marines|jets|ships|warships|aircraft)\s+(?:for|in|to|at|during)\s+(?:the\s+|this\s+)?(?:(?:exercise|drills?)\s+)?$/i;
/**
 * The sentence's subject sends troops for the exercise named after them: "The US Army sent 300
 * soldiers (of the 2nd Cavalry Regiment) for exercise Saber Strike", "Poland has deployed 200
 * troops to take part in the drills Y".
 */
const SENT_FOR =
  /^\s+(?:(?:has|have|had|is|are|was|were)\s+)?(?:sent|sends|sending|deployed|deploys|deploying|dispatched|dispatches|dispatching)\s+(?:[^.;]{0,40}?\s)?(?:troops|soldiers|forces|units|personnel|sailors|airmen|marines|paratroopers|jets|ships|warships|aircraft|frigates?)\b[^.;]{0,60}?\s(?:for|to\s+(?:join|take\s+part\s+in|participate\s+in))\s+(?:the\s+|this\s+)?(?:(?:exercises?|drills?)\s+)?$/i;
/** "soldiers of the 2nd Cavalry Regiment for exercise X": the force the troops are of. */
const TROOPS_OF_BEFORE =
  /\b(?:troops|soldiers|personnel|sailors|airmen|marines|paratroopers|units?|elements)\s+(?:of|from)\s+(?:the\s+)?$/i;
const FOR_IT =
  /^\s+(?:for|to\s+(?:join|take\s+part\s+in|participate\s+in))\s+(?:the\s+|this\s+)?(?:(?:exercises?|drills?)\s+)?$/i;
/** Between two nations of one list: ", ", " and ", ", and ", each maybe with "the". */
const LIST_GAP =
  /^(?:,\s*|\s+and\s+|,\s+and\s+|,?\s+as\s+well\s+as\s+(?:(?:non-NATO|partner|allied|NATO|non-member)\s+(?:members?|nations?|countries|states|partners)\s+)?)(?:the\s+)?$/;
/** "brought together Finland, Sweden and Norway": the nations an exercise gathers. */
const BROUGHT_TOGETHER =
  /\b(?:brought|brings|bring|bringing)\s+together\s+(?:(?:troops|soldiers|forces|units|personnel|contingents)\s+(?:from|of)\s+)?(?:the\s+)?$/i;
/** An exercise that features or involves forces: "will feature Polish Su-22 fighters". */
const FEATURES =
  /\b(?:feature|features|featured|featuring|involve|involves|involved|involving|include|includes|included|including)\s/i;
/** A force or its arms after a demonym: "Polish Su-22 fighters", "American F-15 fighter jets". */
const FORCE_AFTER =
  /^\s+(?:[\p{Lu}\d][\p{L}\d-]*\s+){0,2}(?:fighter\s+jets|fighters|jets|aircraft|helicopters|tanks|troops|soldiers|forces|units|ships|warships|frigates|paratroopers|marines|sailors|airmen|pilots|crews|aircrews|specialists|companies|company|battalions?|platoons?|teams?|contingents?)\b/u;
/** Between two exercises of one list: "Summer Shield XIV" and "Saber Strike 2017". */
const EXERCISE_GAP =
  /^(?:\s+(?:[IVXLC]+|\d+))?["”]?\s*(?:,|and|,\s*and)\s*(?:(?:the|exercise|exercises)\s+)?["“]?$/i;
/**
 * Taking part in an exercise the sentence names and the article did not read as one, or in one not
 * named at all: "The group also participated in Passing Exercises with ships from Croatia, ...",
 * "took part in a PASSEX", "in several other drills": not the exercise told of before (wild27).
 */
const OTHER_EXERCISE =
  /\b(?:(?:taking|take|took|takes)\s+part|participat\w*)\s+in\s+(?!(?:the|this|these|that|its|their)\b)(?:\p{Lu}|(?:a|an|another|other|several|many|two|three|four|five|six|seven|eight|nine|ten|\d+)\s)/u;
/** The verb of taking part, after its subject. */
const TAKE_PART =
  /\b(?:(?:are|is|were|was|will\s+be|have\s+been)\s+)?(?:taking\s+part|took\s+part|take\s+part|takes\s+part|participat\w+)\b/i;
/** A mention that is where, not who: "set up in Lithuania", "near the border with Belarus". */
const WHERE_BEFORE = /\b(?:in|to|at|near|into|with|across|inside)\s+(?:the\s+)?$/i;

/** An exercise the event rules found: named as one, or first told of in a sentence of drills. */
export const isExercise = (ctx: Context, c: Cluster) => {
  if (c.kind !== "Event" || c.properties.category !== "OTHER") return false;
  if (EXERCISE_WORD.test(c.name)) return true;
  const first = c.mentions[0];
  const s = first && ctx.sentences.find((x) => x.start <= first.start && first.start < x.end);
  return s !== undefined && EXERCISE_WORD.test(s.text) && !/ceremony/i.test(c.name);
};

/** The same, anywhere in a sentence: the sentence is made of forces supplied by someone. */
const SUPPLIED_IN =
  /\b(?:troops|soldiers|forces|units|personnel|contingents?|companies|battalions|detachments|aircraft|jets|ships|warships)\b[^.;]{0,60}?\b(?:will\s+be|are|were|was|is|have\s+been|has\s+been)\s+(?:supplied|provided|contributed|sent|fielded)\s+by\s/i;
/**
 * A nation's own exercise: "Estonia's largest military drills dubbed Spring Storm", "Lithuania's
 * annual exercise, Iron Wolf", "Latvia's Crystal Arrow exercise": the nation hosts it and takes part
 * (both inferred). Only words that describe an exercise may stand between ("Estonia's allies joined
 * the exercise X" is no host).
 */
const OWN_EXERCISE =
  /^['’]s\s+(?:(?:annual|biggest|largest|main|major|own|national|military|multinational|international|joint|field|naval|tactical|flagship|regular|\d{4}|[\w]+-day|[\w]+-week)\s+){0,3}(?:(?:exercises?|drills?|manoeuvres|maneuvers|war ?games)\s*,?\s*(?:(?:dubbed|called|named|code-named|known\s+as)\s+)?["“]?)?$/i;
/**
 * Where the exercise the sentence speaks of is held: "The maneuvers are set to take place in Tartu,
 * Võru and Põlva counties in Southeast Estonia, and will ...": every place or nation of the clause
 * after it (up to ", and", ";", ", which"), not one "near" or "from" another.
 */
const ANAPHOR_HELD =
  /^\s*(?:The|These|This|Those)\s+(?:[\w-]+\s+){0,2}?(?:exercises?|drills?|maneuvers|manoeuvres|war ?games)\s+(?:(?:are|is|will\s+be|were|was)\s+)?(?:(?:set|scheduled|due|expected|planned)\s+to\s+|will\s+|to\s+)?(?:take\s+place|took\s+place|takes\s+place|be\s+held|held|be\s+conducted|conducted|run)\s+(?:mainly\s+|mostly\s+|largely\s+)?(?:in|at|across)\s/i;
const CLAUSE_END = /,\s+(?:and|which|where|when|while|but)\b|;|\.\s/;
/** "In North Macedonia, 4,500 troops will participate in Exercise X": the place the sentence opens with. */
const OPENS_IN = /^\s*In\s+(?:the\s+)?$/;
const HELD_VERB =
  /\b(?:taking\s+part|took\s+part|take\s+part|takes\s+part|participat\w+|(?:will\s+be|is|are|was|were)\s+held|take[sn]?\s+place|took\s+place)\b/i;

/**
 * The reader of one sentence after another, in text order (relations.ts's per-sentence table): it
 * remembers the exercise last told of, for the sentences that speak of it after. Where a sentence
 * names two, its own participants take part in the first, and the next sentence speaks of the last
 * ("X is held two weeks after an exercise called Y. During the drills, jets from A and B ...").
 */
export function exerciseParticipants(ctx: Context): (s: Sentence, here: Placed[]) => void {
  // asked once per event (a text of thousands of sentences and events stays linear)
  const known = new Map<Cluster, boolean>();
  const exercise = (c: Cluster) => {
    const had = known.get(c);
    if (had !== undefined) return had;
    const is = isExercise(ctx, c);
    known.set(c, is);
    return is;
  };
  let current: Cluster | undefined;
  let index = -1;
  let currentAt = -Infinity; // the sentence that last named or spoke of it
  return (s, here) => {
    index++;
    const named = here.filter((p) => exercise(p.cluster));
    const first = named[0];
    let told: Cluster | undefined;
    if (first) told = first.cluster;
    else if (
      current &&
      !OTHER_EXERCISE.test(s.text) &&
      (SPEAKS_OF_IT.test(s.text) || (index - currentAt <= 1 && SUPPLIED_IN.test(s.text)))
    )
      told = current;
    const last = named.at(-1);
    if (last) current = last.cluster;
    if (told) currentAt = index;
    if (!told) return;
    if (first) ownExercise(ctx, s, here, first);
    placeOf(ctx, s, here, told, first);
    // "take part in Summer Shield and Saber Strike 2017": each exercise of one list
    const all = [told];
    for (let i = 1; i < named.length; i++) {
      const prev = named[i - 1] as Placed;
      const next = named[i] as Placed;
      if (!EXERCISE_GAP.test(ctx.text.slice(prev.mention.end, next.mention.start))) break;
      all.push(next.cluster);
    }
    const who = participantsIn(ctx, s, here, told);
    for (const e of all)
      for (const c of who) {
        if (all.includes(c)) continue;
        ctx.propose({
          type: "PARTICIPATED_IN",
          from: c,
          to: e,
          sentence: s,
          confidence: 0.7,
        });
      }
  };
}

/** "Estonia's largest military drills dubbed Spring Storm": the nation hosts it and takes part. */
function ownExercise(ctx: Context, s: Sentence, here: Placed[], e: Placed): void {
  for (const p of here) {
    if (p.mention.end > e.mention.start) break;
    if (p.cluster.kind !== "Nation" || p.mention.demonym) continue;
    const between = ctx.text.slice(p.mention.end, e.mention.start);
    if (between.length > 80 || !OWN_EXERCISE.test(between)) continue;
    for (const type of ["HOSTS", "PARTICIPATED_IN"] as const)
      ctx.propose({
        type,
        from: p.cluster,
        to: e.cluster,
        sentence: s,
        inferred: true,
        confidence: 0.6,
      });
  }
}

/** Where the exercise is held, by an anaphor ("The maneuvers are set to take place in X") or "In X, ...". */
function placeOf(
  ctx: Context,
  s: Sentence,
  here: Placed[],
  told: Cluster,
  first: Placed | undefined,
): void {
  const where = (p: Placed) =>
    (p.cluster.kind === "Place" || p.cluster.kind === "Nation") && !p.mention.demonym;
  const put = (p: Placed) =>
    ctx.propose({ type: "LOCATED_IN", from: told, to: p.cluster, sentence: s, confidence: 0.7 });
  if (!first) {
    const held = ANAPHOR_HELD.exec(s.text);
    if (!held) return;
    const from = s.start + held[0].length;
    const rest = ctx.text.slice(from, s.end);
    const stop = CLAUSE_END.exec(rest);
    const to = from + (stop ? stop.index : rest.length);
    for (const p of here) {
      if (p.mention.start < from || p.mention.start >= to || !where(p)) continue;
      const before = ctx.text.slice(Math.max(from, p.mention.start - 20), p.mention.start);
      if (/\b(?:near|from|with|of|to)\s+(?:the\s+)?$/i.test(before)) continue;
      if (/^['’]s?\b/.test(ctx.text.slice(p.mention.end, p.mention.end + 3))) continue;
      put(p);
    }
    return;
  }
  const opener = here[0];
  if (
    opener &&
    where(opener) &&
    OPENS_IN.test(ctx.text.slice(s.start, opener.mention.start)) &&
    /^\s*,/.test(ctx.text.slice(opener.mention.end, opener.mention.end + 3)) &&
    HELD_VERB.test(s.text)
  )
    put(opener);
}

function participantsIn(ctx: Context, s: Sentence, here: Placed[], told: Cluster): Set<Cluster> {
  const out = new Set<Cluster>();
  const actors = here.filter(
    (p) => p.cluster.kind === "Nation" || p.cluster.kind === "Organization",
  );
  // "French Army troops for exercise Dacian Fall 25": a force (or a nation's adjective) whose
  // troops the sentence sends to the exercise it names right after them
  const named = here.find((p) => p.cluster === told);
  if (named)
    for (const p of actors) {
      if (p.mention.end > named.mention.start) break;
      const force =
        (p.cluster.kind === "Organization" && p.cluster.properties.category === "ARMED_FORCES") ||
        (p.cluster.kind === "Nation" && p.mention.demonym);
      const between = ctx.text.slice(p.mention.end, named.mention.start);
      if (force && TROOPS_FOR.test(between)) out.add(p.cluster);
      // the subject that sent them, at the sentence's start, and the force they are of
      const subject =
        !p.mention.demonym &&
        p.mention.start - s.start <= 5 &&
        /^\s*(?:the\s+)?$/i.test(ctx.text.slice(s.start, p.mention.start)) &&
        SENT_FOR.test(between);
      const of =
        force &&
        !p.mention.demonym &&
        TROOPS_OF_BEFORE.test(
          ctx.text.slice(Math.max(s.start, p.mention.start - 30), p.mention.start),
        ) &&
        FOR_IT.test(between);
      if (subject || of) out.add(p.cluster);
    }
  // "soldiers from Germany, the Netherlands and Norway"
  for (let i = 0; i < actors.length; i++) {
    const p = actors[i] as Placed;
    if (p.cluster.kind !== "Nation" || p.mention.demonym) continue;
    const before = ctx.text.slice(Math.max(s.start, p.mention.start - 40), p.mention.start);
    const supplied = SUPPLIED_BY.test(
      ctx.text.slice(Math.max(s.start, p.mention.start - 120), p.mention.start),
    );
    if (!FORCES_FROM.test(before) && !supplied && !BROUGHT_TOGETHER.test(before)) continue;
    out.add(p.cluster);
    let prev = p;
    for (let j = i + 1; j < actors.length; j++) {
      const next = actors[j] as Placed;
      // "as well as non-NATO members Finland and Sweden": the alliance inside "non-NATO" is no break
      if (
        next.cluster.kind !== "Nation" &&
        /non-$/i.test(ctx.text.slice(next.mention.start - 4, next.mention.start))
      )
        continue;
      if (next.cluster.kind !== "Nation") break;
      if (!LIST_GAP.test(ctx.text.slice(prev.mention.end, next.mention.start))) break;
      out.add(next.cluster);
      prev = next;
    }
  }
  // "This year's exercise will feature Polish Su-22 fighters": a nation's forces the exercise has
  const feature = FEATURES.exec(s.text);
  if (feature)
    for (const p of actors) {
      if (p.cluster.kind !== "Nation" || !p.mention.demonym) continue;
      if (p.mention.start < s.start + feature.index) continue;
      if (FORCE_AFTER.test(ctx.text.slice(p.mention.end, p.mention.end + 40))) out.add(p.cluster);
    }
  // "German troops of the 45th Panzer Brigade ... are taking part": the subject's forces and nations
  // ("X will train with the Latvian battalion and take part in Y": not the partner after "with")
  const verb = TAKE_PART.exec(s.text);
  if (verb) {
    const verbAt = s.start + verb.index;
    const partner = /\b(?:with|alongside)\s/i.exec(s.text.slice(0, verb.index));
    const partnerAt = partner ? s.start + partner.index : verbAt;
    for (const p of actors) {
      if (p.mention.end > verbAt || p.mention.start > partnerAt) break;
      if (
        WHERE_BEFORE.test(ctx.text.slice(Math.max(s.start, p.mention.start - 20), p.mention.start))
      )
        continue;
      out.add(p.cluster);
    }
  }
  // "is led by the Lithuanian Army's Iron Wolf Brigade": the force leading it takes part
  const led = /\b(?:is|was|will\s+be)\s+led\s+by\s+(?:the\s+)?$/;
  for (const p of actors)
    if (led.test(ctx.text.slice(Math.max(s.start, p.mention.start - 30), p.mention.start)))
      out.add(p.cluster);
  return out;
}
