/**
 * What an event is about, by the words that say what it was convened on (seventeenth pass): "a
 * meeting on defence spending", "talks on the brigade", "a conference about Baltic security", "met
 * in Riga to discuss the situation in Ukraine", "a ceremony to mark the arrival of a battalion to
 * the NATO brigade", and a sentence after a meeting whose subject is its participants: "The pair
 * discussed the situation in Ukraine." The topics are the nations, organisations, missions,
 * pledges and events named in the words after the cue, up to the clause's end; not the places an
 * event is held in, nor a name that only qualifies another.
 */
import { type Context, type Placed, placedIn } from "./context.js";
import type { Cluster } from "./link.js";
import { qualifiesAnother } from "./quote-topics.js";
import type { Sentence } from "./sentences.js";

/**
 * The words after an event's noun that say what it was on; not "on Friday", "on 3 May", "on the
 * sidelines": when and where it was, not its topic (nineteenth pass: "a NATO drill on Friday with
 * troops from Turkey and NATO countries" was about NATO).
 */
const ON =
  /^\s+(?:(?:of|with)\s+[^,;.]{0,60}?\s+)?(?:on|about|over|regarding|concerning|dedicated to|focused on|focusing on)\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|\d|the\s+(?:sidelines|margins|eve|occasion|weekend|morning|afternoon|evening|day|first|second|last|next)|(?:a|an)\s+(?:day|visit|trip)|board|behalf|the\s+\d)\b)/i;
/** A purpose or a discussion after the event in its sentence: "to discuss", "discussed". */
const PURPOSE =
  /\b(?:to\s+(?:discuss|address|talk about|review|mark|celebrate|focus on)|discussed|discussing|focused on|focusing on|dedicated to)\s+/;
/** A sentence whose subject is those who met: "The pair discussed", "Their talks focused on". */
const THEY =
  /^(?:The (?:pair|two(?: \w+)?|ministers|leaders|sides|talks|discussions?|meeting)|They|Both|Their (?:talks|discussions?|meeting))\s+(?:also\s+)?(?:discussed|included|covered|addressed|focused on|centred on|centered on|touched on|talked about|spoke about)\s+/;
/** Where a clause of topics ends. */
const CLAUSE_END =
  /[;:]|,\s+(?:while|which|where|who|and then|according to|as|after|before|said)\b|\s(?:after|before|while|because|when|agreeing|saying)\s/;

const TOPIC_KINDS = new Set(["Nation", "Organization", "Mission", "Pledge", "Event"]);
const OCCASIONS = new Set(["MEETING", "CONFERENCE", "VISIT", "STATEMENT", "OTHER"]);

/** Topics named between `from` and the clause's end in `s`. */
function topicsIn(
  ctx: Context,
  s: Sentence,
  here: readonly Placed[],
  from: number,
  event: Cluster,
): Cluster[] {
  const rest = ctx.text.slice(from, s.end);
  const stop = CLAUSE_END.exec(rest);
  const to = from + (stop ? stop.index : rest.length);
  const out: Cluster[] = [];
  for (const p of here) {
    if (p.mention.start < from || p.mention.end > to) continue;
    if (!TOPIC_KINDS.has(p.cluster.kind) || p.cluster === event) continue;
    if (p.mention.demonym) continue;
    const before = ctx.text.slice(Math.max(from, p.mention.start - 40), p.mention.start);
    const after = ctx.text.slice(p.mention.end, p.mention.end + 40);
    // "the mission in Slovakia", "troops from Spain": where a thing is, not what is discussed
    if (
      /\b(?:mission|battle ?group|brigade|deployment|presence|troops|forces|base|contingent)\s+(?:in|at|near|from|to)\s+(?:the\s+)?$/i.test(
        before,
      )
    )
      continue;
    // "Slovenia's participation", "the NATO mission": an owner or a qualifier of a common noun
    if (p.cluster.kind === "Nation" && /^['’]s\s+\p{Ll}/u.test(after)) continue;
    if (
      /^\s+(?:\p{Ll}+\s+)?(?:mission|battle ?group|operation|deployment|presence|forces|troops)\b/u.test(
        after,
      )
    )
      continue;
    // "the Romanian and Canadian armed forces": a description, not a name
    if (
      p.cluster.kind === "Organization" &&
      /\s(?!(?:of|the|and|for|on|in)\b)\p{Ll}/u.test(p.mention.text ?? "")
    )
      continue;
    if (qualifiesAnother(ctx.text, p, here)) continue;
    if (!out.includes(p.cluster)) out.push(p.cluster);
  }
  return out;
}

export function eventTopics(
  ctx: Context,
  told: readonly { event: Cluster; s: Sentence }[],
  eventsAt: readonly { c: Cluster; at: number }[],
): void {
  const toldIn = new Map<Sentence, Cluster[]>();
  for (const t of told) toldIn.set(t.s, [...(toldIn.get(t.s) ?? []), t.event]);
  const sortedAt = [...eventsAt].sort((a, b) => a.at - b.at);
  let k = 0;
  let last: { event: Cluster; s: Sentence } | undefined;
  for (const s of ctx.sentences) {
    const here = placedIn(s, ctx.placed);
    // the events of the sentence, each with where it is named (a told event: the sentence's start)
    const events: { c: Cluster; at: number; end: number }[] = [];
    for (const p of here)
      if (p.cluster.kind === "Event")
        events.push({ c: p.cluster, at: p.mention.start, end: p.mention.end });
    while (k < sortedAt.length && (sortedAt[k]?.at ?? 0) < s.start) k++;
    for (let j = k; j < sortedAt.length && (sortedAt[j]?.at ?? 0) < s.end; j++) {
      const x = sortedAt[j];
      if (x && !events.some((e) => e.c === x.c)) events.push({ c: x.c, at: x.at, end: x.at });
    }
    for (const c of toldIn.get(s) ?? [])
      if (!events.some((e) => e.c === c)) events.push({ c, at: s.start, end: s.start });
    const occasions = events.filter((e) => OCCASIONS.has(String(e.c.properties.category ?? "")));
    const propose = (event: Cluster, topics: readonly Cluster[], inferred = false) => {
      for (const t of topics)
        ctx.propose({ type: "ABOUT", from: event, to: t, sentence: s, inferred, confidence: 0.6 });
    };
    // "The pair discussed ...": the meeting the sentence before told of
    const they = THEY.exec(s.text);
    if (they && occasions.length === 0 && last && s.paragraph - last.s.paragraph <= 1) {
      propose(last.event, topicsIn(ctx, s, here, s.start + they[0].length, last.event), true);
      continue;
    }
    for (const e of occasions) {
      // "a meeting on X" right after the event's name, else a purpose later in the sentence
      const on = e.end > e.at ? ON.exec(ctx.text.slice(e.end, s.end)) : null;
      if (on) {
        propose(e.c, topicsIn(ctx, s, here, e.end + on[0].length, e.c));
        continue;
      }
      const after = ctx.text.slice(e.end, s.end);
      const purpose = PURPOSE.exec(after);
      if (purpose && occasions.length === 1)
        propose(e.c, topicsIn(ctx, s, here, e.end + purpose.index + purpose[0].length, e.c));
    }
    // those who talk are those who met: the last meeting or conference told
    // (not an event named after a discussion verb, "discussed priorities for the Warsaw Summit":
    // a topic of the talks, not where they were held; wild25)
    const lastMeeting = occasions
      .filter(
        (e) =>
          /^(?:MEETING|CONFERENCE)$/.test(String(e.c.properties.category)) &&
          !(e.at > s.start && PURPOSE.test(ctx.text.slice(s.start, e.at))),
      )
      .at(-1);
    if (lastMeeting) last = { event: lastMeeting.c, s };
  }
}
