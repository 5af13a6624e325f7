/**
 * A handover between two contingents of one mission (seventeenth pass): "The Danish unit handed
 * its duties over to the Dutch company", "Polish jets will take over from the Czech Air Force",
 * "Spanish airmen were replaced by the Italian Air Force", "the Greeks transferred the command to
 * the Romanians". Both sides serve in the mission the sentence names (or the article's one
 * mission): a reader records each nation and armed force as contributing to it. Where the sentence
 * names a handover or ceremony event, both sides took part in it.
 *
 * A side is a nation (by name or demonym) or an armed force named in the sentence: the one that
 * hands over and the one that takes over. A nation after "in", "to", "at" ... is where, not who
 * ("will remain in Estonia"), unless the handover's own words lead to it ("over to the French",
 * "replaced by the Italian Air Force"); nor the mission's host ("the battle group in Latvia"), nor
 * an invader.
 */
import type { Context, Placed } from "./context.js";
import type { Cluster } from "./link.js";
import { missionReader } from "./sentence-mission.js";
import type { Sentence } from "./sentences.js";

/** The verb of a handover, in any tense. */
const HANDOVER =
  /\b(?:replac(?:e|es|ed|ing)|(?:take|takes|took|taken|taking)\s+over\s+from|hand(?:s|ed|ing)?\s+(?:(?:its|their|his|her|the)\s+)?(?:[\p{L}-]+\s+){0,2}?over|transferr?(?:s|ed|ing)?\s+(?:the\s+|its\s+|their\s+)?(?:leadership|command|authority|duties|responsibility|lead)\s+(?:of\s+[^.;]{0,60}?\s)?to|relieve[sd]?|rotat(?:ed|es|ing)?\s+out)\b/iu;
/** The words of the handover that lead to a side named right after them. */
const TO_A_SIDE =
  /\b(?:over\s+to|over\s+from|replaced\s+by|replace|replaces|replacing|relieved\s+by|relieves|relieved|(?:leadership|command|authority|duties|responsibility|lead)\s+to)\s+(?:the\s+)?(?:(?:incoming|outgoing|new)\s+)?$/i;
/** A mention that is where, not who. */
const WHERE_BEFORE = /\b(?:in|to|at|near|into|across|inside|from|of)\s+(?:the\s+)?$/i;
/** An event that is the handover itself. */
const HANDOVER_EVENT =
  /\b(?:ceremony|hand-?over|change of command|transfer of authority|rotation ceremony)\b/i;

/**
 * The reader of one sentence after another, in text order (relations.ts's per-sentence table): it
 * remembers the mission the sentence before named.
 */
export function handovers(
  ctx: Context,
  only: Cluster | undefined,
  invaders: ReadonlySet<string>,
): (s: Sentence, here: readonly Placed[]) => void {
  return missionReader(only, (s, here, of) => {
    if (HANDOVER.test(s.text)) handover(ctx, s, here, of, invaders);
  });
}

function handover(
  ctx: Context,
  s: Sentence,
  here: readonly Placed[],
  found: { mission: Cluster; named: boolean } | undefined,
  invaders: ReadonlySet<string>,
): void {
  const events = here.filter(
    (p) => p.cluster.kind === "Event" && HANDOVER_EVENT.test(p.cluster.name),
  );
  if (!found && events.length === 0) return;
  const hosts = new Set<string>();
  for (const p of here)
    if (found && p.cluster === found.mission)
      for (const h of p.mention.involves ?? []) hosts.add(h.key);
  const sides = new Set<Cluster>();
  // after the verb, only the side its own words lead to, and a list joined to it: "replaced by
  // the Italian and Greek air forces", not "the force, the core of which is formed by X"
  const verb = HANDOVER.exec(s.text);
  const verbEnd = s.start + (verb?.index ?? 0) + (verb?.[0].length ?? 0);
  let lastAfter: Placed | undefined;
  for (const p of here) {
    const c = p.cluster;
    const force = c.kind === "Organization" && c.properties.category === "ARMED_FORCES";
    if (c.kind !== "Nation" && !force) continue;
    if (invaders.has(c.key) || hosts.has(c.key)) continue;
    if (found?.mission.name.includes(c.name)) continue;
    const before = ctx.text.slice(Math.max(s.start, p.mention.start - 30), p.mention.start);
    if (WHERE_BEFORE.test(before) && !TO_A_SIDE.test(before)) continue;
    // "at Siauliai AB, Lithuania": the nation of a place, not a side
    if (c.kind === "Nation" && /,\s*$/.test(before)) {
      const prev = here.filter((x) => x.mention.end <= p.mention.start).at(-1);
      if (
        prev?.cluster.kind === "Place" &&
        /^,\s*$/.test(ctx.text.slice(prev.mention.end, p.mention.start))
      )
        continue;
    }
    if (p.mention.start >= verbEnd) {
      const listed =
        lastAfter !== undefined &&
        /^(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?$/.test(
          ctx.text.slice(lastAfter.mention.end, p.mention.start),
        );
      if (!listed && !TO_A_SIDE.test(before)) continue;
      lastAfter = p;
    }
    sides.add(c);
  }
  if (sides.size < 1) return;
  for (const c of sides) {
    if (found)
      ctx.propose({
        type: "CONTRIBUTES_TO",
        from: c,
        to: found.mission,
        sentence: s,
        inferred: !found.named,
        confidence: 0.7,
      });
    for (const e of events)
      ctx.propose({
        type: "PARTICIPATED_IN",
        from: c,
        to: e.cluster,
        sentence: s,
        confidence: 0.7,
      });
  }
}
