/**
 * The names a reader gives an event once the article has said where it is held and who pays the
 * visit: "the NATO foreign ministers' meeting" held in Riga is also "the NATO foreign ministers'
 * meeting in Riga"; "Heappey's visit to Pristina" is also "James Heappey's visit to Kosovo". The
 * rules name an event from the sentence that finds it; the place and the visitor often come from
 * other rules or sentences. After every rule has run, each event gets these designations as
 * aliases (its name stays), so that a graph or a reviewer that knows the event by the fuller name
 * finds it. Only facts the draft states are used: the event's LOCATED_IN, the visitor's
 * PARTICIPATED_IN, and the nation a place lies in (LOCATED_IN, PART_OF or the capital's nation).
 */
import { type Context, inSentence, type Proposal } from "./context.js";
import { capitalOf, NATION_BY_KEY } from "./gazetteer.js";
import type { Cluster } from "./link.js";

export interface EventFacts {
  located: Map<Cluster, Cluster[]>;
  participants: Map<Cluster, Cluster[]>;
  within: Map<Cluster, Cluster>;
  /** Who visited which place, with the proposal that says so. */
  visited: Proposal[];
  /** The nation each person leads or serves. */
  own: Map<Cluster, Cluster>;
}

const add = (m: Map<Cluster, Cluster[]>, k: Cluster, v: Cluster) => {
  const list = m.get(k) ?? [];
  if (!list.includes(v)) list.push(v);
  m.set(k, list);
};

/** Records, as the rules propose them, the facts `nameEvents` reads. Call once, before the rules. */
export function watchEventFacts(ctx: Context): EventFacts {
  const facts: EventFacts = {
    located: new Map(),
    participants: new Map(),
    within: new Map(),
    visited: [],
    own: new Map(),
  };
  const propose = ctx.propose.bind(ctx);
  ctx.propose = (p) => {
    propose(p);
    note(facts, p as Proposal);
  };
  return facts;
}

function note(facts: EventFacts, p: Proposal): void {
  if (p.type === "LOCATED_IN" && p.from.kind === "Event") add(facts.located, p.from, p.to);
  else if (p.type === "PARTICIPATED_IN" && p.to.kind === "Event" && p.from.kind === "Person")
    add(facts.participants, p.to, p.from);
  else if (p.type === "VISITED") facts.visited.push(p);
  else if (
    (p.type === "LEADS" || p.type === "SERVES_IN") &&
    p.from.kind === "Person" &&
    p.to.kind === "Nation" &&
    !facts.own.has(p.from)
  )
    facts.own.set(p.from, p.to);
  else if (
    (p.type === "LOCATED_IN" || p.type === "PART_OF") &&
    p.from.kind === "Place" &&
    p.to.kind === "Nation" &&
    !facts.within.has(p.from)
  )
    facts.within.set(p.from, p.to);
}

/** The nation a place lies in, by the draft's own relations or as the nation's capital. */
function nationOf(facts: EventFacts, place: Cluster): { key: string; name: string } | undefined {
  if (place.kind === "Nation") return undefined;
  return facts.within.get(place) ?? capitalOf(place.key);
}

/**
 * "Mr Heappey visited Pristina": a foreign visitor to a place visited its nation too (inferred),
 * where the draft knows the nation (the place's LOCATED_IN, or the capital's nation) and the
 * visitor's own nation is another one. Call once, after the rules.
 */
export function visitedNations(ctx: Context, facts: EventFacts): void {
  const said = new Set(facts.visited.map((p) => `${p.from.key}|${p.to.key}`));
  for (const p of [...facts.visited]) {
    if (p.to.kind !== "Place" || p.from.kind !== "Person") continue;
    const nation = nationOf(facts, p.to);
    const own = facts.own.get(p.from);
    if (!nation || !own || own.key === nation.key || said.has(`${p.from.key}|${nation.key}`))
      continue;
    said.add(`${p.from.key}|${nation.key}`);
    const known = NATION_BY_KEY.get(nation.key);
    const to = ctx.entity(
      "Nation",
      nation.key,
      known?.name ?? nation.name,
      known?.properties ?? {},
    );
    ctx.propose({
      type: "VISITED",
      from: p.from,
      to,
      properties: p.properties,
      sentence: p.sentence,
      inferred: true,
      confidence: Math.min(0.6, p.confidence),
    });
  }
}

const surname = (name: string) => name.split(/\s+/).pop() ?? name;
/** "Mr Heappey" is Heappey in an event's name. */
const plain = (name: string) => name.replace(/^(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?\s+/, "");
const GATHERING =
  /\b(?:meeting|summit|conference|talks|session|gathering|ministerial|forum|dinner)$/i;

/** Adds the designations above to every event the rules found. Call once, after the rules. */
export function nameEvents(facts: EventFacts): void {
  // an event no rule placed anywhere keeps the name it has
  for (const e of facts.located.keys()) {
    if (e.status !== "NEW") continue;
    const category = String(e.properties.category ?? "");
    const places = facts.located.get(e) ?? [];
    // the place itself first (a site, a city), then the nation it lies in
    const sites = [
      ...places.filter((p) => p.kind === "Place"),
      ...places.filter((p) => p.kind === "Nation"),
    ];
    const where = new Set<string>();
    for (const p of sites) {
      where.add(p.name);
      const n = nationOf(facts, p);
      if (n) where.add(n.name);
    }
    const names = new Set<string>();
    if (category === "VISIT") {
      const visitors = facts.participants.get(e) ?? [];
      for (const place of where) {
        names.add(`visit to ${place}`);
        for (const v of visitors.slice(0, 2)) {
          names.add(`${plain(v.name)}'s visit to ${place}`);
          names.add(`${surname(v.name)}'s visit to ${place}`);
        }
      }
    } else if (
      (category === "MEETING" || category === "CONFERENCE") &&
      GATHERING.test(e.name) &&
      !/\s(?:in|at)\s/.test(e.name)
    ) {
      for (const place of where) names.add(`${e.name} in ${place}`);
    }
    for (const n of names) if (n !== e.name) e.aliases.add(n);
  }
}

/**
 * An event found in a sentence that dates it ("NATO defence ministers met in Brussels on Tuesday",
 * "a handover ceremony took place ... on Thursday") is dated so, the weekday resolved against the
 * publication date (mentions.ts, chrono-node): the first date after the event's first mention in
 * that sentence, else the last one before it. Events the rules dated, conflicts and events the
 * graph already holds keep theirs. Call once, after the rules.
 */
const SAID_BETWEEN = /\b(?:said|says|told|tells|added|announced|stated|reported|wrote)\b/;

export function dateEvents(ctx: Context): void {
  const seen = new Set<Cluster>();
  for (const p of ctx.placed) {
    const e = p.cluster;
    if (e.kind !== "Event" || seen.has(e)) continue;
    seen.add(e);
    if (e.status !== "NEW" || e.properties.date || e.properties.category === "CONFLICT") continue;
    const s = ctx.sentences.find((x) => x.start <= p.mention.start && p.mention.start < x.end);
    if (!s) continue;
    // "..., Stoltenberg said on Monday": the day it was said, not the event's
    const said = (d: { start: number; end: number }) =>
      SAID_BETWEEN.test(
        d.start >= p.mention.end
          ? ctx.text.slice(p.mention.end, d.start)
          : ctx.text.slice(d.end, p.mention.start),
      ) ||
      /^\s*,?\s*(?:\p{Lu}[\p{L}-]*\s+){0,3}(?:said|says|told|added)\b/u.test(
        ctx.text.slice(d.end, s.end),
      );
    const dates = inSentence(s, ctx.dates).filter((d) => !said(d));
    const date =
      dates.find((d) => d.start >= p.mention.end)?.date ??
      dates.filter((d) => d.end <= p.mention.start).at(-1)?.date;
    if (date) e.properties.date = date;
  }
}
