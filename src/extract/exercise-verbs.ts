/**
 * Taking part in an exercise told by other verbs than "took part" (seventeenth pass): "Norway
 * joined exercise Cold Response", "Finnish soldiers trained alongside US Marines during exercise
 * Northern Viking", "Polish troops drilled with Lithuanian forces in the exercise Iron Wolf",
 * "German Eurofighters flew in exercise Ramstein Flag", "Italy sent two frigates to the exercise
 * Dynamic Mongoose". The subject before the verb takes part (a nation by name, by its demonym
 * before a noun for forces, or an armed force by name), and so does a partner after "alongside",
 * "with" or "together with" (inferred: the sentence says they trained together, not that they
 * were in the exercise's roster). The exercise is an event named in the sentence right after the
 * verb's phrase ("in", "during", "to", "for", "at", or the object of "joined"). Not read: a nation
 * after "in", "to", "at" ... (where, not who), a second clause between the subject and the verb.
 */
import type { Context, Placed } from "./context.js";
import type { Cluster } from "./link.js";
import type { Sentence } from "./sentences.js";

const EXERCISE_WORD = /\b(?:exercises?|drills?|war ?games|manoeuvres|maneuvers)\b/i;
/** The verb of taking part. */
const VERB =
  /\b(?:joined|joins|join|joining|trained|trains|training|drilled|drills|drilling|exercised|flew|flies|flying|sailed|sails|sent|sends|dispatched|deployed|deploys)\b/g;
/** Between the verb and the exercise's name: what it did, then a preposition that leads to it. */
const TO_EXERCISE =
  /^(?:\s+[^.;:]{0,70}?)?\s*(?:\b(?:in|during|to|for|at|into)\s+)?(?:the\s+|this\s+|this\s+year['’]s\s+)?(?:(?:annual|multinational|joint|NATO(?:['’]s)?)\s+)*(?:(?:[Ee]xercise|drills?)\s+)?$/;
/** A partner after the verb: "alongside", "with", "together with". */
const PARTNER = /\b(?:alongside|with|together with)\s+(?:the\s+)?$/i;
const WHERE_BEFORE = /\b(?:in|to|at|near|into|across|inside|from|of|on|over)\s+(?:the\s+)?$/i;
const FORCE_AFTER =
  /^\s+(?:[\p{L}-]+\s+){0,2}?(?:troops|soldiers|forces|personnel|paratroopers|marines|Marines|sailors|airmen|pilots|units?|ships|warships|frigates?|jets|fighters|aircraft|Eurofighters|F-\d+s?|tanks|army|navy|air force|contingents?|companies|company|battalions?)\b/u;
const MAX_SENTENCE = 1500;
const CLAUSE_BREAK = /;|\bwhile\b|\bwhereas\b|,\s+but\b|\bwhich\b|\bwho\b/;

/** A nation or armed force standing for who acts: a nation by name, a demonym before forces. */
function actor(ctx: Context, s: Sentence, p: Placed): Cluster | undefined {
  const c = p.cluster;
  const force = c.kind === "Organization" && c.properties.category === "ARMED_FORCES";
  if (c.kind !== "Nation" && !force) return undefined;
  if (c.kind === "Nation" && p.mention.demonym) {
    const after = ctx.text.slice(p.mention.end, Math.min(s.end, p.mention.end + 40));
    if (!FORCE_AFTER.test(after)) return undefined;
  }
  return c;
}

/** Who took part in the exercises each sentence names, by the verbs above. */
export function exerciseVerbs(ctx: Context, s: Sentence, here: readonly Placed[]): void {
  // each verb looks back over its clause: a run-on "sentence" of thousands of characters (a list,
  // a table pasted as one line) is no sentence of taking part, and is not read (stays linear)
  if (s.text.length > MAX_SENTENCE) return;
  const exercises = here.filter(
    (p) =>
      p.cluster.kind === "Event" &&
      p.cluster.properties.category === "OTHER" &&
      !/ceremony/i.test(p.cluster.name) &&
      (EXERCISE_WORD.test(p.cluster.name) || EXERCISE_WORD.test(s.text)),
  );
  if (exercises.length === 0) return;
  VERB.lastIndex = 0;
  for (let v = VERB.exec(s.text); v; v = VERB.exec(s.text)) {
    const verbStart = s.start + v.index;
    const verbEnd = verbStart + v[0].length;
    const e = exercises.find(
      (x) =>
        x.mention.start >= verbEnd &&
        TO_EXERCISE.test(ctx.text.slice(verbEnd, x.mention.start)) &&
        !CLAUSE_BREAK.test(ctx.text.slice(verbEnd, x.mention.start)),
    );
    if (!e) continue;
    // the clause's subject: the actors before the verb, back to a clause break
    const lead = ctx.text.slice(s.start, verbStart);
    const breaks = [...lead.matchAll(new RegExp(CLAUSE_BREAK.source, "g"))];
    const from = s.start + (breaks.length > 0 ? (breaks.at(-1)?.index ?? 0) : 0);
    // a subject takes part as stated; a partner ("alongside X") as implied
    const takesPart = (c: Cluster | undefined, partner: boolean) => {
      if (c)
        ctx.propose({
          type: "PARTICIPATED_IN",
          from: c,
          to: e.cluster,
          sentence: s,
          ...(partner ? { inferred: true, confidence: 0.6 } : { confidence: 0.65 }),
        });
    };
    for (const p of here) {
      if (p.mention.end > verbStart) {
        // a partner between the verb and the exercise
        if (p.mention.start >= e.mention.start) break;
        const before = ctx.text.slice(Math.max(verbEnd, p.mention.start - 20), p.mention.start);
        if (PARTNER.test(before)) takesPart(actor(ctx, s, p), true);
        continue;
      }
      if (p.mention.start < from) continue;
      const before = ctx.text.slice(Math.max(s.start, p.mention.start - 20), p.mention.start);
      if (!WHERE_BEFORE.test(before)) takesPart(actor(ctx, s, p), false);
    }
  }
}
