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

const EXERCISE_WORD = /\b(?:exercises?|drills?|war ?games|manoeuvres|maneuvers)\b/i;
const SPEAKS_OF_IT =
  /\b(?:the|this)\s+(?:exercises?|drills?|war ?games|manoeuvres|maneuvers)\b|\b(?:taking|take|took|takes)\s+part\b|\bparticipat/i;
/** "soldiers from", "troops of", "ships from": the nations listed after it take part. */
const FORCES_FROM =
  /\b(?:troops|soldiers|forces|personnel|units|sailors|airmen|aviators|marines|service\s+members|ships|warships|jets|aircraft|contingents?)\s+(?:from|of)\s+(?:the\s+)?$/i;
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
const LIST_GAP = /^(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?$/;
/** The verb of taking part, after its subject. */
const TAKE_PART =
  /\b(?:(?:are|is|were|was|will\s+be|have\s+been)\s+)?(?:taking\s+part|took\s+part|take\s+part|takes\s+part|participat\w+)\b/i;
/** A mention that is where, not who: "set up in Lithuania", "near the border with Belarus". */
const WHERE_BEFORE = /\b(?:in|to|at|near|into|with|across|inside)\s+(?:the\s+)?$/i;

const isExercise = (ctx: Context, c: Cluster) => {
  if (c.kind !== "Event" || c.properties.category !== "OTHER") return false;
  if (EXERCISE_WORD.test(c.name)) return true;
  const first = c.mentions[0];
  const s = first && ctx.sentences.find((x) => x.start <= first.start && first.start < x.end);
  return s !== undefined && EXERCISE_WORD.test(s.text) && !/ceremony/i.test(c.name);
};

/**
 * The reader of one sentence after another, in text order (relations.ts's per-sentence table): it
 * remembers the exercise last told of, for the sentences that speak of it after.
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
  return (s, here) => {
    const named = here.find((p) => exercise(p.cluster));
    if (named) current = named.cluster;
    else if (!current || !SPEAKS_OF_IT.test(s.text)) return;
    const told = current;
    if (!told) return;
    for (const c of participantsIn(ctx, s, here, told)) {
      if (c === told) continue;
      ctx.propose({
        type: "PARTICIPATED_IN",
        from: c,
        to: told,
        sentence: s,
        confidence: 0.7,
      });
    }
  };
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
    if (!FORCES_FROM.test(ctx.text.slice(Math.max(s.start, p.mention.start - 40), p.mention.start)))
      continue;
    out.add(p.cluster);
    for (let j = i + 1; j < actors.length; j++) {
      const prev = actors[j - 1] as Placed;
      const next = actors[j] as Placed;
      if (next.cluster.kind !== "Nation") break;
      if (!LIST_GAP.test(ctx.text.slice(prev.mention.end, next.mention.start))) break;
      out.add(next.cluster);
    }
  }
  // "German troops of the 45th Panzer Brigade ... are taking part": the subject's forces and nations
  const verb = TAKE_PART.exec(s.text);
  if (verb) {
    const verbAt = s.start + verb.index;
    for (const p of actors) {
      if (p.mention.end > verbAt) break;
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
