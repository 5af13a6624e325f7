/**
 * Who takes part in an event when the article names them as a group, and a visit told only by
 * where someone speaks (issue 25, eleventh pass):
 *
 * - "the foreign ministers of Bosnia and Herzegovina, Georgia, and Moldova will be present in
 *   Bucharest", "the prime ministers of Spain and Latvia", "met his counterparts from the United
 *   States, Greece and others": the nations of a list behind a group of office-holders take part
 *   (inferred) in the event the sentence speaks of: one it names, one held where the sentence says
 *   ("present in Bucharest"), or the one "the meeting" / "the summit" refers back to; only where the
 *   group is the subject of attending ("will be present", "attend", "join", "take part", "meet") or
 *   the one met ("met", "alongside", "with").
 * - "Speaking at the Siauliai Air Base in Lithuania, the foreign minister said ...": the speaker
 *   is at the site (a visit, VISITED inferred); "the foreign minister" is the person named last.
 */
import { type Context, inSentence, type Placed, placedIn } from "./context.js";
import type { EventFacts } from "./event-names.js";
import { slug } from "./keys.js";
import type { Cluster } from "./link.js";
import type { Sentence } from "./sentences.js";

/** A group of office-holders named by their nations: "the foreign ministers of", "counterparts from". */
const GROUP =
  /\b(?:(?:prime|foreign|defen[cs]e|finance|interior)\s+ministers|ministers|leaders|presidents|heads\s+of\s+(?:state|government)|counterparts|delegations|representatives|chiefs\s+of\s+(?:defen[cs]e|staff)|officials)\s+(?:of|from)\s+(?:the\s+)?$/i;
/** Before the group: it is the one met. */
const MET_BEFORE =
  /\b(?:met|meet|meets|meeting|with|alongside|joined\s+by|hosted|hosts|welcomed|welcomes)\s+(?:(?:his|her|their|the|its)\s+)?(?:[\p{L}-]+\s+){0,2}$/u;
/** After the list: the group attends. */
const ATTENDS_AFTER =
  /^(?:\s+and\s+others)?,?\s+(?:(?:will|would|are\s+to|were\s+to|are\s+due\s+to|also|are|were|have|had)\s+)*(?:be\s+present|present|attend\w*|join\w*|take\s+part|took\s+part|taking\s+part|participat\w*|meet|met|gather\w*|arrive\w*|travel\w*)\b/;
const LIST_GAP = /^(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?$/;
const BACK_REFERENCE =
  /\b(?:the|this|that)\s+(?:(?:NATO|alliance['’]s|ministerial|upcoming|two-day)\s+)?(meeting|summit|talks|conference|ministerial|gathering|visit)\b/i;

/** The nations listed at `i` and after it: "Bosnia and Herzegovina, Georgia, and Moldova". */
function listFrom(ctx: Context, nations: readonly Placed[], i: number): Placed[] {
  const out = [nations[i] as Placed];
  for (let j = i + 1; j < nations.length; j++) {
    const prev = out[out.length - 1] as Placed;
    const next = nations[j] as Placed;
    if (!LIST_GAP.test(ctx.text.slice(prev.mention.end, next.mention.start))) break;
    out.push(next);
  }
  return out;
}

const isOccasion = (c: Cluster) =>
  c.kind === "Event" && c.properties.category !== "CONFLICT" && c.properties.category !== "BUDGET";

/**
 * The nations of a group of office-holders take part in the sentence's event. Run after every rule
 * that finds events and places them (`facts`), sentence by sentence.
 */
export function groupParticipants(ctx: Context, facts: EventFacts): void {
  let lastOccasion: Cluster | undefined;
  for (const s of ctx.sentences) {
    const here = placedIn(s, ctx.placed);
    const named = here.filter((p) => isOccasion(p.cluster));
    const nations = here.filter((p) => p.cluster.kind === "Nation" && !p.mention.demonym);
    for (let i = 0; i < nations.length; i++) {
      const first = nations[i] as Placed;
      const before = ctx.text.slice(
        Math.max(s.start, first.mention.start - 50),
        first.mention.start,
      );
      const group = GROUP.exec(before);
      if (!group) continue;
      const list = listFrom(ctx, nations, i);
      i += list.length - 1;
      const last = list[list.length - 1] as Placed;
      const groupAt = first.mention.start - before.length + group.index;
      const met = MET_BEFORE.test(ctx.text.slice(Math.max(s.start, groupAt - 40), groupAt));
      const attends = ATTENDS_AFTER.test(ctx.text.slice(last.mention.end, s.end));
      if (!met && !attends) continue;
      const event = occasionOf(s, here, named, facts, lastOccasion);
      if (!event) continue;
      for (const n of list)
        if (!(facts.located.get(event) ?? []).includes(n.cluster))
          ctx.propose({
            type: "PARTICIPATED_IN",
            from: n.cluster,
            to: event,
            sentence: s,
            inferred: true,
            confidence: 0.6,
          });
    }
    const lastNamed = named[named.length - 1];
    if (lastNamed) lastOccasion = lastNamed.cluster;
  }
}

/** "NATO foreign ministers will meet with their Ukrainian counterpart Dmytro Kuleba": a gathering met. */
const GATHERING_MEETS =
  /^\s+(?:(?:will|would|are\s+to|were\s+to|also)\s+)*(?:meet|met|meets)\s+(?:with\s+)?(?:(?:their|the|its)\s+)?(?:[\p{L}-]+\s+){0,3}$/u;

/** Whom a ministers' meeting meets: they take part in it. */
export function gatheringMeets(ctx: Context, s: Sentence): void {
  const here = placedIn(s, ctx.placed);
  for (const e of here) {
    if (!isOccasion(e.cluster) || !/ministers/i.test(e.mention.text)) continue;
    for (const p of here) {
      if (p.cluster.kind !== "Person" || p.mention.start <= e.mention.end) continue;
      if (!GATHERING_MEETS.test(ctx.text.slice(e.mention.end, p.mention.start))) continue;
      ctx.propose({
        type: "PARTICIPATED_IN",
        from: p.cluster,
        to: e.cluster,
        sentence: s,
        confidence: 0.7,
      });
    }
  }
}

/** The event a sentence speaks of: one it names, one held at a place it names, or "the meeting". */
function occasionOf(
  s: Sentence,
  here: readonly Placed[],
  named: readonly Placed[],
  facts: EventFacts,
  previous: Cluster | undefined,
): Cluster | undefined {
  const [only] = named;
  if (only && named.every((p) => p.cluster === only.cluster)) return only.cluster;
  if (named.length > 0) return undefined;
  const places = new Set(here.filter((p) => p.cluster.kind === "Place").map((p) => p.cluster));
  const heldHere = [...facts.located]
    .filter(([e, at]) => isOccasion(e) && at.some((p) => places.has(p)))
    .map(([e]) => e);
  if (heldHere.length === 1) return heldHere[0];
  if (previous && BACK_REFERENCE.test(s.text)) return previous;
  return undefined;
}

/** "Speaking at the Siauliai Air Base in Lithuania, the foreign minister said": the speaker's visit. */
const SPEAKING_AT =
  /^(?:Speaking|Addressing\s+(?:troops|soldiers|reporters|journalists)|Talking\s+to\s+(?:troops|soldiers|reporters|journalists))\s+(?:at|from|in|on\s+board)\s+(?:the\s+)?/;
const SITE =
  /\b(?:Air\s+Base|Airbase|Base|Camp|Barracks|Garrison|Training\s+(?:Centre|Center|Area|Ground)|Naval\s+(?:Base|Station)|Harbou?r|Port)$/i;
/** "the foreign minister", "the Hungarian minister": a title standing for the person named last. */
const TITLE_SUBJECT =
  /^,?\s*(?:the\s+)(?:[\p{Lu}][\p{L}-]+\s+)?(?:(?:foreign|defen[cs]e|prime|deputy|armed\s+forces)\s+)?(?:minister|secretary|president|chancellor|premier|secretary[-\s]general)\b/iu;

export function speakingAtSite(
  ctx: Context,
  s: Sentence,
  lastPersonBefore: (at: number) => Cluster | undefined,
): void {
  const m = SPEAKING_AT.exec(s.text);
  if (!m) return;
  const here = placedIn(s, ctx.placed);
  const siteAt = s.start + m[0].length;
  const site = here.find(
    (p) => p.cluster.kind === "Place" && p.mention.start === siteAt && SITE.test(p.cluster.name),
  );
  if (!site) return;
  const comma = ctx.text.indexOf(",", site.mention.end);
  if (comma < 0 || comma >= s.end) return;
  // the speaker: the person named right after the phrase, or a title standing for the last named
  const named = here.find(
    (p) =>
      p.cluster.kind === "Person" &&
      p.mention.start > comma &&
      /^[\s,]*(?:(?:[\p{L}.-]+\s+){0,4})$/u.test(ctx.text.slice(comma + 1, p.mention.start)),
  );
  const speaker =
    named?.cluster ??
    (TITLE_SUBJECT.test(ctx.text.slice(comma, s.end)) ? lastPersonBefore(s.start) : undefined);
  if (!speaker) return;
  // the nation the site lies in, when the phrase names it: "at the Siauliai Air Base in Lithuania"
  const nation = here.find(
    (p) =>
      p.cluster.kind === "Nation" &&
      !p.mention.demonym &&
      p.mention.start > site.mention.end &&
      p.mention.end <= comma &&
      /^,?\s+in\s+$|^,\s+$/.test(ctx.text.slice(site.mention.end, p.mention.start)),
  );
  const date = inSentence(s, ctx.dates)[0]?.date;
  const surname = speaker.name.split(/\s+/).pop() ?? speaker.name;
  const event = ctx.entity(
    "Event",
    slug(`${surname} visit to ${site.cluster.name}`),
    `${surname}'s visit to ${site.cluster.name}`,
    { category: "VISIT", ...(date ? { date } : {}) },
  );
  for (const to of [site.cluster, ...(nation ? [nation.cluster] : [])])
    ctx.propose({
      type: "VISITED",
      from: speaker,
      to,
      properties: date ? { date } : {},
      sentence: s,
      inferred: true,
      confidence: 0.6,
    });
  ctx.propose({
    type: "PARTICIPATED_IN",
    from: speaker,
    to: event,
    sentence: s,
    inferred: true,
    confidence: 0.6,
  });
  ctx.propose({ type: "LOCATED_IN", from: event, to: site.cluster, sentence: s, confidence: 0.7 });
}
