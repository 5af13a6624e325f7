/**
 * A naval group's port call (extwild29): "SNMCMG2 arrived in Batumi for a port call", "the group
 * made a port visit to Tallinn", "the ships visited the port of Gdynia", "a port call in Split":
 * the group (the sentence's mission, else the article's one or the one the sentence before named,
 * inferred) is deployed to the port (the vocabulary has VISITED for people only). The port is the
 * place named nearest the cue in the sentence: after "port of", "port visit to", "port call in/at",
 * else the place the group "arrived in" before "for a port call".
 */
import type { Context, Placed } from "./context.js";
import type { Cluster } from "./link.js";
import { missionReader } from "./sentence-mission.js";
import type { Sentence } from "./sentences.js";

/** The port after the cue: "visited the port of", "a port visit to", "port call in", "called at the port of". */
const PORT_AFTER =
  /\b(?:port\s+(?:call|visit)s?\s+(?:to|in|at)|(?:visit(?:s|ed|ing)?|call(?:s|ed|ing)?\s+(?:at|in)|arriv(?:e|es|ed|ing)\s+(?:at|in))\s+the\s+port\s+(?:city\s+)?of)\s+(?:the\s+)?$/i;
/** The port before the cue: "arrived in Batumi for a port call", "is in Tallinn on a port visit". */
const PORT_BEFORE =
  /^\s*(?:,\s*)?(?:(?:on|for)\s+(?:a|an|its|their|the)\s+(?:\p{L}+\s+){0,2}port\s+(?:call|visit))/iu;
/** Verbs of arriving or being in a port, before the place of PORT_BEFORE. */
const AT_PORT =
  /\b(?:arriv(?:e|es|ed|ing)|(?:is|are|was|were)|stay(?:s|ed)?|stopp(?:ed)?)\s+(?:in|at)\s+$/i;

/** Words that name the group's ships in a sentence that does not name the group. */
const SHIPS =
  /\b(?:ships?|vessels?|frigates?|minehunters?|flotilla|task\s+group|group|squadron|flagship)\b/i;

export function portCalls(
  ctx: Context,
  only: Cluster | undefined,
): (s: Sentence, here: readonly Placed[]) => void {
  return missionReader(only, (s, here, of) => {
    if (!of || !/\bport\b/i.test(s.text)) return;
    for (const p of here) {
      if (p.cluster.kind !== "Place" && p.cluster.kind !== "Nation") continue;
      const before = ctx.text.slice(Math.max(s.start, p.mention.start - 60), p.mention.start);
      const after = ctx.text.slice(p.mention.end, Math.min(s.end, p.mention.end + 60));
      if (!PORT_AFTER.test(before) && !(AT_PORT.test(before) && PORT_BEFORE.test(after))) continue;
      // "the minister visited the port of Gdynia": a person's visit, not the group's; a group
      // remembered from before needs its ships in the sentence ("the ships", "the group")
      if (here.some((x) => x.cluster.kind === "Person" && x.mention.start < p.mention.start))
        continue;
      if (!of.named && !SHIPS.test(s.text)) continue;
      ctx.propose({
        type: "DEPLOYED_TO",
        from: of.mission,
        to: p.cluster,
        sentence: s,
        inferred: !of.named,
        confidence: 0.7,
      });
    }
  });
}
