/**
 * Where a quotation was said, beyond the speaker's own attendance (seventeenth pass): the body a
 * speech is given at ("in a speech at the European Parliament"), and the occasion the sentence
 * before a quotation tells of ("NATO defence ministers met in Brussels on Thursday. 'We agreed to
 * ...,' X said.").
 */
import { type Context, type Placed, placedIn } from "./context.js";
import type { Cluster } from "./link.js";
import type { Sentence } from "./sentences.js";

/**
 * The organisation a speech is given at or to: "a speech at the European Parliament", "a speech to
 * the Bundestag", "an address before the UN General Assembly". `end` is where "speech" ends.
 */
export function speechHost(
  ctx: Context,
  here: readonly Placed[],
  end: number,
): Cluster | undefined {
  return here.find(
    (p) =>
      p.cluster.kind === "Organization" &&
      p.mention.start >= end &&
      p.mention.start - end <= 16 &&
      /^\s+(?:at|to|before)\s+(?:the\s+)?$/.test(ctx.text.slice(end, p.mention.start)),
  )?.cluster;
}

/** Occasions a quotation can be said at: not a war, not an exercise or a budget. */
const SAID_AT_CATEGORIES = new Set(["MEETING", "CONFERENCE", "VISIT", "STATEMENT"]);

/**
 * A sentence telling of an occasion still to come ("will meet next week", "the summit in July"),
 * or only referring to one ("ahead of", "before", "after"): what is said next was not said there.
 */
const NOT_THERE =
  /\b(?:will|would|is to|are to|is due|are due|is set|are set|is expected|are expected|plans? to|next|upcoming|ahead of|before|after|following|preparing|prepares|later this)\b/i;

/**
 * The occasion the sentence before a quotation tells of: "NATO defence ministers met in Brussels
 * on Thursday. 'We agreed to increase our readiness,' Stoltenberg said." The sentence just before
 * the quotation's (in its paragraph, or the last of the paragraph before when the quotation opens
 * its own) names exactly one occasion, a meeting, conference, visit or statement, told as done;
 * `told` lists the events the rules made with their sentences. Undefined when the quotation's own
 * sentence places it elsewhere (left to the caller) or the sentence before names none or two.
 */
export function eventBefore(
  ctx: Context,
  said: Sentence,
  index: ReadonlyMap<Sentence, number>,
  told: readonly { event: Cluster; s: Sentence }[],
): Cluster | undefined {
  const at = index.get(said);
  if (at === undefined || at === 0) return undefined;
  const prev = ctx.sentences[at - 1];
  if (!prev || prev.paragraph < said.paragraph - 1) return undefined;
  // a quotation opening its paragraph follows the paragraph before only when that ends the telling
  if (NOT_THERE.test(prev.text)) return undefined;
  const events = new Set<Cluster>();
  for (const p of placedIn(prev, ctx.placed)) if (p.cluster.kind === "Event") events.add(p.cluster);
  for (const t of told) if (t.s === prev) events.add(t.event);
  const occasions = [...events].filter((e) =>
    SAID_AT_CATEGORIES.has(String(e.properties.category ?? "")),
  );
  return occasions.length === 1 && events.size === 1 ? occasions[0] : undefined;
}
