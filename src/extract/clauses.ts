/**
 * Relations from clauses: one general reader instead of one pattern per wording. In each sentence
 * (outside quotation marks) it finds every verb group with wink's parts of speech and lemmas
 * ("will be sent", "did not send", "has led"), reads its tense, modality, negation and voice, and
 * fills its slots with the linked mentions around it:
 *
 * - the subject: the mentions just before the verb group, a coordinated list ("Finland and
 *   Sweden"), the antecedent of a relative pronoun ("the Italians, who led ..."), or the subject of
 *   the verb group it is coordinated with ("X rejoined the mission and sent ...");
 * - the objects: the mentions after it up to the clause's end, each with the preposition before
 *   it; in the passive the "by" object is the agent and the subject the patient.
 *
 * A verb class (lemma lists below) says which relation the verb states and which slot goes where;
 * the relation type's allowed endpoints (the vocabulary registry) decide which mentions can fill
 * a slot, so "Norway deployed F-16s to Lithuania" and "the brigade was deployed to Lithuania" are
 * the same verb read twice. Only what a clause states as done or being done yields a relation:
 * "will send" and "plans to send" are pledges (read by the pledge rules), "did not send" nothing.
 */
import { isAllowedEndpoint, type Kind, type RelationType } from "../domain/vocabulary.js";
import type { Context, Placed, Proposal } from "./context.js";
import { GAZETTEER } from "./gazetteer.js";
import { slug } from "./keys.js";
import type { Cluster } from "./link.js";
import type { Token } from "./nlp.js";
import { quotedSpans } from "./quotations.js";
import type { Sentence } from "./sentences.js";

/** What the clause reader asks of the rules around it (relations.ts). */
export interface ClauseHooks {
  /** The Quote entity for words a speaker said (verbatim), found or made. */
  quote(speaker: Cluster, inner: string, start: number): Cluster;
  /** The visit, meeting or conference the article last put someone at before `at`, if any. */
  occasionBefore(at: number): Cluster | undefined;
  /**
   * The visit, meeting or conference sentence `s` itself names: the one, null when it names
   * several, undefined when none.
   */
  occasionIn(s: Sentence): Cluster | null | undefined;
}

/** What a verb group says about when and whether its action happens. */
export type Mood = "FACT" | "FUTURE" | "MODAL" | "NEGATED";

export interface VerbGroup {
  /** The main verb's lemma ("deploy"), with a particle it takes ("take part", "call on"). */
  lemma: string;
  start: number;
  end: number;
  mood: Mood;
  passive: boolean;
}

/** The verb classes: lemma -> class. A class maps slots to relation types below. */
const CLASSES: Record<string, readonly string[]> = {
  CONTRIBUTE: [
    "contribute",
    "send",
    "deploy",
    "station",
    "dispatch",
    "base",
    "rotate",
    "redeploy",
    "provide",
    "assign",
    "commit",
  ],
  JOIN: ["join", "rejoin"],
  LEAD: ["lead", "command", "head"],
  HOST: ["host", "welcome"],
  VISIT: ["visit", "tour"],
  TRAVEL: ["travel", "arrive"],
  ATTEND: ["attend", "participate", "take part"],
  CALL: ["call on", "urge"],
  APPROVE: ["approve", "adopt", "endorse", "ratify"],
  STATE: ["give", "make", "hold", "issue", "speak", "talk"],
  SAY: ["say", "add", "tell", "note", "stress", "warn", "emphasise", "emphasize"],
};
const CLASS_OF = new Map(
  Object.entries(CLASSES).flatMap(([cls, lemmas]) => lemmas.map((l) => [l, cls] as const)),
);

const MODALS = /^(?:will|would|shall|should|could|can|may|might|must|'ll|’ll|wo)$/i;
const NEGATIONS = /^(?:not|n't|n’t|never|no)$/i;
/** "plans to send", "is expected to deploy", "agreed to host": intended, not done. */
const INTENT_BEFORE =
  /\b(?:plans?|planned|planning|intends?|intended|expected|scheduled|due|set|going|aims?|aimed|agreed|decided|wants?|wanted|hopes?|ready|prepared|willing|asked|invited|is|are|was|were)\s+to\s+$/i;
/** A clause ends here: the next verb group's subject is its own. */
const CLAUSE_BREAK =
  /[;:—–]|,\s*(?:which|who|whom|where|while|whereas|but|although|though|after|before|as|when|because|since|and)\b/i;

/** Words that may stand between a subject and its verb: "Norway this month assumed", "Finland and Sweden both". */
const SUBJECT_GAP =
  /^\s*(?:\s+(?:also|both|each|all|now|currently|already|jointly|regularly|then|later|earlier|officially|formally|recently|eventually|previously|first|last|this\s+(?:month|week|year)|on\s+\p{L}+day|in\s+\p{Lu}\p{L}+(?:\s+\d{4})?|\d{4}))*(?:\s+(?:plans?|planned|intends?|intended|aims?|aimed|wants?|wanted|agreed|decided|hopes?|expects?|(?:is|are|was|were)\s+(?:expected|set|going|ready|due|prepared|willing)))?\s*$/u;
/** A relative pronoun after a comma: its antecedent is the subject. */
const RELATIVE_GAP = /^\s*,\s*(?:which|who)\s*$/i;
/** A demonym's own noun: "Italian jets", "British troops", "the Italians". */
const FORCES =
  /^\s+(?:\p{L}+\s+){0,2}?(?:troops|soldiers|forces|personnel|units?|contingents?|detachments?|ships|vessels|frigates?|warships|jets|fighters|aircraft|planes|Eurofighters|F-\d+s|air force|army|navy|marines)\s*$/iu;
/** What may follow a mention that heads its noun phrase: punctuation, a preposition, a conjunction. */
const HEAD_AFTER =
  /^(?:\s*[,.;:)”"]|\s*$|\s+(?:mission|operation|and|or|in|to|at|on|for|from|with|by|since|as|after|before|during|of|which|who|that|until|when|while|this|last|next|on|under|over|near|alongside|together)\b)/i;
const LIST_GAP = /^(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?$/;
/** Between two people of a list, a title: "Mark Rutte, caretaker Minister of Defence Atanas Zapryanov and ..." */
const PEOPLE_GAP =
  /^(?:,\s*|\s+and\s+|,\s+and\s+)(?:(?:the|of|for|and|caretaker|acting|former|deputy|interim|outgoing|\p{Lu}[\p{L}.’'-]*)\s+){0,7}$/u;
/** A definite mention of the article's one mission: "the mission", "the rotation", "the battle group". */
const MISSION_ANAPHOR =
  /^(?:the|this|that|its|their)\s+(?:(?:current|new|multinational|four-month|six-month|NATO)\s+)*(?:mission|rotation|battle ?group|battlegroup|brigade|task group|operation|deployment)\b/i;

/** A short object, then "to"/"for" before a definite noun phrase: "four F-16s to Lithuania for the rotation". */
const TO_ANAPHOR = /^\s+(?:[\p{L}\d,-]+\s+){0,6}?(?:to|for)\s+(?=(?:the|this|that|its|their)\s)/iu;
/** "assumed the lead for", "took over command of": leading. */
const TAKE_LEAD = /^\s+(?:over\s+)?(?:the\s+)?(?:lead|command|leadership)\s+(?:of|for|over)(?=\s)/i;

/**
 * The forms wink tags as nouns after "each" or "both" ("Denmark and Norway each sent", "both
 * deployed"), by the lemma of their class.
 */
const IRREGULAR: Record<string, string> = { sent: "send", led: "lead", took: "take", held: "hold" };
function formOfClassVerb(word: string): string | undefined {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return IRREGULAR[w];
  for (const cut of [/ed$/, /d$/, /s$/]) {
    const lemma = w.replace(cut, "");
    if (lemma !== w && CLASS_OF.has(lemma)) return lemma;
  }
  return undefined;
}
const afterEach = (t: Token, prev: Token | undefined) =>
  prev !== undefined &&
  /^(?:each|both)$/i.test(prev.text) &&
  t.pos === "NOUN" &&
  formOfClassVerb(t.text) !== undefined;

const isVerbLike = (t: Token, prev: Token | undefined) =>
  t.pos === "VERB" ||
  afterEach(t, prev) ||
  // wink tags "welcome" in "will welcome" as an adjective
  (prev !== undefined && prev.pos === "AUX" && CLASS_OF.has(t.lemma)) ||
  // and "hosts", "commands" after a name as nouns: "Latvia hosts the battle group"
  (prev !== undefined &&
    prev.pos === "PROPN" &&
    t.pos === "NOUN" &&
    CLASS_OF.has(t.lemma) &&
    t.text.toLowerCase() === `${t.lemma}s`);

/** The verb groups of a span of tokens: auxiliaries, adverbs and a negation, then the main verb. */
export function verbGroups(text: string, tokens: readonly Token[]): VerbGroup[] {
  const out: VerbGroup[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!isVerbLike(t, tokens[i - 1])) continue;
    // a participle used as an adjective before a noun ("deployed troops") is no verb group
    let j = i - 1;
    const aux: Token[] = [];
    while (j >= 0) {
      const b = tokens[j] as Token;
      if (b.pos === "AUX" || b.pos === "ADV" || b.pos === "PART" || NEGATIONS.test(b.text)) {
        aux.unshift(b);
        j--;
        continue;
      }
      break;
    }
    const start = (aux[0] ?? t).start;
    const next = tokens[i + 1];
    let lemma = afterEach(t, tokens[i - 1]) ? (formOfClassVerb(t.text) as string) : t.lemma;
    let end = t.end;
    // particles and phrasal verbs: "take part in", "call on"
    if (lemma === "take" && next?.text.toLowerCase() === "part") {
      lemma = "take part";
      end = next.end;
    } else if (/^(?:assume|take)$/.test(lemma) && TAKE_LEAD.test(text.slice(t.end, t.end + 40))) {
      // "Norway assumed the lead for NATO’s air policing mission", "took command of the brigade"
      lemma = "lead";
      end = t.end + (TAKE_LEAD.exec(text.slice(t.end, t.end + 40))?.[0].length ?? 0);
    } else if (lemma === "call" && /^(?:on|upon)$/i.test(next?.text ?? "")) {
      lemma = "call on";
      end = next?.end ?? end;
    }
    const auxWords = aux.map((a) => a.text.toLowerCase());
    const before = text.slice(Math.max(0, start - 40), start);
    let mood: Mood = "FACT";
    if (aux.some((a) => NEGATIONS.test(a.text))) mood = "NEGATED";
    else if (aux.some((a) => MODALS.test(a.text)))
      mood = auxWords.includes("will") ? "FUTURE" : "MODAL";
    else if (INTENT_BEFORE.test(before) || aux.some((a) => a.text.toLowerCase() === "to"))
      mood = "MODAL";
    // "were sent", "is stationed", "has been deployed": a form of "be" before a participle
    const passive =
      aux.some((a) => a.lemma === "be") &&
      t.text.toLowerCase() !== t.lemma &&
      !/ing$/i.test(t.text);
    out.push({ lemma, start, end, mood, passive });
  }
  return out;
}

interface Slots {
  subject: Placed[];
  /** Objects with the preposition before each ("" for a direct object). */
  objects: { p: Placed; prep: string }[];
  /**
   * The clause names the article's one mission by a definite noun phrase: as the verb's direct
   * object ("rejoined the mission") or after a short object and "to"/"for" ("contributing forces
   * to the current rotation").
   */
  anaphor?: "direct" | "to";
  /** The clause's subject is the article's one mission, named by a definite noun phrase ("The battle group is led by Italy"). */
  subjectAnaphor?: boolean;
}

/** The coordinated list of mentions ending with `here[i]`, read leftwards. */
function listEndingAt(ctx: Context, here: readonly Placed[], i: number): Placed[] {
  const list = [here[i] as Placed];
  for (let j = i - 1; j >= 0; j--) {
    const prev = here[j] as Placed;
    const first = list[0] as Placed;
    const gap = ctx.text.slice(prev.mention.end, first.mention.start);
    const people = prev.cluster.kind === "Person" && first.cluster.kind === "Person";
    if (!LIST_GAP.test(gap) && !(people && PEOPLE_GAP.test(gap))) break;
    list.unshift(prev);
  }
  return list;
}

/** The coordinated list of mentions starting with `here[i]`, read rightwards. */
function listStartingAt(ctx: Context, here: readonly Placed[], i: number, end: number): Placed[] {
  const list = [here[i] as Placed];
  for (let j = i + 1; j < here.length; j++) {
    const next = here[j] as Placed;
    if (next.mention.end > end) break;
    const last = list[list.length - 1] as Placed;
    if (!LIST_GAP.test(ctx.text.slice(last.mention.end, next.mention.start))) break;
    list.push(next);
  }
  return list;
}

/**
 * A list that runs up to the next verb group and crosses a comma ("the battle group in Latvia,
 * Germany and Britain are leading ..."): the members after its last comma are the next verb's
 * subject, so they are taken off (in place).
 */
function nextSubjectOff(ctx: Context, list: Placed[], end: number): void {
  const last = list[list.length - 1] as Placed;
  if (list.length < 2 || !/^\s*$/.test(ctx.text.slice(last.mention.end, end))) return;
  for (let j = list.length - 1; j > 0; j--) {
    const gap = ctx.text.slice(
      (list[j - 1] as Placed).mention.end,
      (list[j] as Placed).mention.start,
    );
    if (gap.includes(",")) {
      list.length = j;
      return;
    }
  }
  // "the battlegroup in Slovakia and Hungary leads the one in Hungary" (no comma): the members of
  // another kind than the first object are the next verb's subject (extgen31)
  const first = list[0] as Placed;
  const other = list.findIndex((x) => x.cluster.kind !== first.cluster.kind);
  if (other > 0) list.length = other;
}

/** At most this many gapped clauses are read after a verb's object. */
const MAX_GAPPED = 12;
/** Between the clauses of a gapped list: ", ", " and ", ", and ", with "the" of the next subject. */
const GAP_SEP = /^(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$/;
/** Between a gapped clause's subject and its object: "Germany the", "Denmark to the", "Italy NATO's". */
const GAP_VERBLESS = /^\s+(?:(to|in|for|with)\s+)?(?:(?:the|NATO[’']s|its)\s+)?$/;
/** "the one in Lithuania", "the one in the Baltic": a noun left out, its place after "in". */
const THE_ONE = /^\s+(?:(to|in|for|with)\s+)?(?:the\s+)?(?:one|ones)\s+in\s+(?:the\s+)?$/;

/**
 * "the one in Lithuania" after a mission named with its place ("the NATO battlegroup in Latvia"):
 * that mission's name with the place swapped (the NATO battle group in Lithuania), as a mention.
 */
function theOneIn(
  ctx: Context,
  antecedent: Placed | undefined,
  place: Placed,
  register = true,
): Placed | undefined {
  if (antecedent?.cluster.kind !== "Mission") return undefined;
  if (place.cluster.kind !== "Nation" && place.cluster.kind !== "Place") return undefined;
  const name = antecedent.cluster.name;
  const at = name.lastIndexOf(" in ");
  if (at < 0) return undefined;
  const swapped = `${name.slice(0, at)} in ${place.cluster.name}`;
  if (swapped === name) return undefined;
  const span = { start: place.mention.start, end: place.mention.end, text: place.mention.text };
  // not yet an entity of the draft while the gapped clauses are still being read
  const cluster: Cluster = register
    ? registerTheOne(ctx, slug(swapped), swapped, place)
    : {
        key: slug(swapped),
        kind: "Mission",
        name: swapped,
        status: "NEW",
        aliases: new Set(),
        mentions: [],
        properties: {},
      };
  if (!register) placeOfTheOne.set(cluster, place);
  return { mention: { ...span, kind: "Mission", name: swapped, key: cluster.key }, cluster };
}

/** The place each "the one in X" mission not yet registered is told in. */
const placeOfTheOne = new WeakMap<Cluster, Placed>();
/** The missions told as "the one in X", with that place, per article: clauseRelations places them. */
const toldTheOne = new WeakMap<Context, { mission: Cluster; place: Placed }[]>();

/** "the one in X" as the draft's mission, remembered with its place. */
function registerTheOne(ctx: Context, key: string, name: string, place: Placed): Cluster {
  const span = { start: place.mention.start, end: place.mention.end, text: place.mention.text };
  const mission = ctx.entity("Mission", key, name, {}, span);
  const told = toldTheOne.get(ctx) ?? [];
  told.push({ mission, place });
  toldTheOne.set(ctx, told);
  return mission;
}

/** The mission mentioned last before `p` in the sentence's mentions. */
function missionBefore(here: readonly Placed[], p: Placed): Placed | undefined {
  let found: Placed | undefined;
  for (const x of here) {
    if (x.mention.start >= p.mention.start) break;
    if (x.cluster.kind === "Mission") found = x;
  }
  return found;
}

/** One gapped clause: "Germany the one in Lithuania" after "Canada leads the battlegroup in Latvia". */
interface Gapped {
  subject: Placed;
  object: Placed;
  prep: string;
}

/**
 * Gapping (extgen31): "Canada leads the NATO battlegroup in Latvia, Germany the one in Lithuania,
 * and the United Kingdom the one in Estonia": after the verb's first object, a list of clauses
 * without a verb, each a subject and an object, pairs each subject with its own object (in the
 * order written), never with the others'. Read from `here[i]` (the first gapped subject) up to
 * `until`; undefined unless every clause up to there reads so.
 */
function gappedFrom(
  ctx: Context,
  here: readonly Placed[],
  i: number,
  until: number,
  antecedent: Placed,
): Gapped[] | undefined {
  const out: Gapped[] = [];
  let k = i;
  let last = antecedent;
  const start = here[i];
  if (i < 0 || !start || !GAP_SEP.test(ctx.text.slice(antecedent.mention.end, start.mention.start)))
    return undefined;
  while (k < here.length) {
    const subject = here[k] as Placed;
    if (subject.mention.end > until) break;
    if (
      subject.mention.demonym ||
      !(
        subject.cluster.kind === "Nation" ||
        (subject.cluster.kind === "Organization" &&
          subject.cluster.properties.category !== "ALLIANCE")
      )
    )
      return undefined;
    const next = here[k + 1];
    if (!next || next.mention.end > until) return undefined;
    const gap = ctx.text.slice(subject.mention.end, next.mention.start);
    const one = THE_ONE.exec(gap);
    const verbless = one ? undefined : GAP_VERBLESS.exec(gap);
    // a sentence of many clauses that fails at its end is read from each list again: bounded
    if (out.length >= MAX_GAPPED) return undefined;
    let object: Placed | undefined;
    if (one) object = theOneIn(ctx, last, next, false);
    else if (verbless && next.cluster.kind === last.cluster.kind) object = next;
    if (!object) return undefined;
    out.push({ subject, object, prep: (one ?? verbless)?.[1]?.toLowerCase() ?? "" });
    last = object;
    k += 2;
    const after = here[k];
    // the clause ends the sentence's list, or a separator leads to the next one
    const rest = ctx.text.slice(next.mention.end, after ? after.mention.start : until);
    if (!after || after.mention.end > until) {
      if (!/^\s*(?:[.,;:)]|$)/.test(rest)) return undefined;
      break;
    }
    if (!GAP_SEP.test(rest)) {
      if (/^\s*[.;:]/.test(rest)) break;
      return undefined;
    }
  }
  if (out.length === 0) return undefined;
  // the missions told as "the one in X" become the draft's entities once all the clauses read
  for (const c of out) {
    const place = placeOfTheOne.get(c.object.cluster);
    if (place)
      c.object = {
        mention: c.object.mention,
        cluster: registerTheOne(ctx, c.object.cluster.key, c.object.cluster.name, place),
      };
  }
  return out;
}

/** The subject before `at`, and whether a relative pronoun stands between it and the verb. */
function subjectAndPronoun(
  ctx: Context,
  here: readonly Placed[],
  at: number,
): { subject: Placed[]; relative: boolean } {
  const none = { subject: [], relative: false };
  const people = pluralDemonym(ctx, here, at);
  if (people) return { subject: [people], relative: true };
  const pair = collectivePair(ctx, here, at);
  if (pair) return { subject: pair, relative: false };
  for (let i = here.length - 1; i >= 0; i--) {
    const p = here[i] as Placed;
    if (p.mention.end > at) continue;
    const gap = ctx.text.slice(p.mention.end, at);
    if (p.mention.demonym) {
      // "Italian jets joined", "British troops were sent": the nation's forces
      if (FORCES.test(gap)) return { subject: [p], relative: false };
      // "the Italians, who led": a plural demonym names the nation's people
      if (
        RELATIVE_GAP.test(gap) &&
        (/s$/.test(p.mention.text) ||
          /\b[Tt]he\s+$/.test(ctx.text.slice(Math.max(0, p.mention.start - 4), p.mention.start)))
      )
        return { subject: [p], relative: true };
      return none;
    }
    // "NATO Secretary General, Mark Rutte, is visiting": an appositive name between commas
    const appositive =
      /^\s*,\s*$/.test(gap) &&
      /,\s*$/.test(ctx.text.slice(Math.max(0, p.mention.start - 3), p.mention.start));
    if (
      SUBJECT_GAP.test(gap.replace(/^\s*,(?=\s)/, appositive ? "" : ",")) ||
      RELATIVE_GAP.test(gap)
    ) {
      // "Russia’s aggression": a possessive is no subject
      const list = listEndingAt(ctx, here, i);
      const first = list[0] as Placed;
      const lead = ctx.text.slice(Math.max(0, first.mention.start - 3), first.mention.start);
      if (/(?:’s|'s)\s*$/.test(lead)) return none;
      return { subject: list.filter((x) => !x.mention.demonym), relative: RELATIVE_GAP.test(gap) };
    }
    return none;
  }
  return none;
}

/** "Both nations have", "The two countries each", "the two allies": a pair named earlier. */
const COLLECTIVE =
  /(?:^|[.;:,]\s*|\b(?:and|but|while)\s+)(?:[Bb]oth|[Tt]he\s+two)\s+(?:nations|countries|allies|states|governments|neighbou?rs)\s*$/;
/** How far back (in linked mentions) the pair a collective subject stands for may lie. */
const PAIR_REACH = 40;

/**
 * "Both nations have sent ships", "The two countries contribute troops": the subject is the last
 * two nations the text named together ("Germany and the Netherlands"), before the phrase. Only
 * where no mention lies between the phrase and the verb.
 */
function collectivePair(ctx: Context, here: readonly Placed[], at: number): Placed[] | undefined {
  const from = Math.max(0, at - 60);
  const gap = ctx.text.slice(from, at);
  const m = COLLECTIVE.exec(gap.replace(SUBJECT_TAIL, ""));
  if (!m) return undefined;
  const phrase = from + m.index;
  if (here.some((p) => p.mention.end > phrase && p.mention.start < at)) return undefined;
  // the mentions before the phrase, nearest first, by binary search in the text-ordered list
  const all = ctx.placed;
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid] as Placed).mention.start < phrase) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i > 0 && i >= lo - PAIR_REACH; i--) {
    const b = all[i] as Placed;
    const a = all[i - 1] as Placed;
    if (
      a.cluster.kind === "Nation" &&
      b.cluster.kind === "Nation" &&
      a.cluster !== b.cluster &&
      !a.mention.demonym &&
      !b.mention.demonym &&
      /^\s+and\s+(?:the\s+)?$/.test(ctx.text.slice(a.mention.end, b.mention.start)) &&
      !/,\s*$/.test(ctx.text.slice(Math.max(0, a.mention.start - 2), a.mention.start))
    )
      return [a, b];
  }
  return undefined;
}
/** Words between a collective subject and its verb: "both nations have now", "each". */
const SUBJECT_TAIL =
  /\s+(?:also|each|all|now|already|jointly|together|recently|have|has|had|currently)(?:\s+(?:also|each|all|now|already|jointly|together|recently|have|has|had|currently))*\s*$/;

/**
 * "The Italians, who led the mission", "the Dutch, who sent ...": a nation's people named in the
 * plural (or by "the" and the demonym) before a relative pronoun stand for the nation. Only where
 * no mention lies between that phrase and the verb.
 */
function pluralDemonym(ctx: Context, here: readonly Placed[], at: number): Placed | undefined {
  const from = Math.max(0, at - 40);
  const m = /\b[Tt]he\s+(\p{Lu}\p{L}+?)(s?)\s*,\s*who\s*$/u.exec(ctx.text.slice(from, at));
  if (!m) return undefined;
  const start = from + m.index + m[0].indexOf(m[1] as string);
  if (here.some((p) => p.mention.end > start && p.mention.start < at)) return undefined;
  const form = m[1] as string;
  // "the Italians" (plural of "Italian"), "the Dutch", "the French", "the British" (no plural)
  const entry = GAZETTEER.find(
    (e) =>
      e.demonym &&
      e.entity.kind === "Nation" &&
      e.form === form &&
      (m[2] === "s" ? !/(?:ch|sh|ese|ss)$/.test(form) : /(?:ch|sh|ese|ss)$/.test(form)),
  );
  if (!entry) return undefined;
  const n = entry.entity;
  const text = `${form}${m[2]}`;
  return {
    mention: { start, end: start + text.length, text, kind: "Nation", name: n.name, key: n.key },
    cluster: ctx.entity(n.kind, n.key, n.name, n.properties),
  };
}

const allowed = (type: RelationType, from: Kind, to: Kind) => isAllowedEndpoint(type, from, to);

/** One verb group of a sentence with its slots: what the clause reader read. */
export interface Reading {
  s: Sentence;
  g: VerbGroup;
  slots: Slots;
  /** Where the clause ends. */
  end: number;
}

/** The clauses of every sentence (outside quotation marks): verb groups with their slots. */
export function readClauses(ctx: Context): Reading[] {
  const tokens = ctx.tokens;
  if (!tokens) return [];
  const missions = new Set(
    ctx.placed.filter((p) => p.cluster.kind === "Mission").map((p) => p.cluster),
  );
  const out: Reading[] = [];
  let ti = 0;
  for (const s of ctx.sentences) {
    while (ti < tokens.length && (tokens[ti] as Token).start < s.start) ti++;
    let tj = ti;
    while (tj < tokens.length && (tokens[tj] as Token).end <= s.end) tj++;
    const quotes = quotedSpans(s);
    const outside = (x: { start: number; end: number }) =>
      !quotes.some((q) => x.start < q.end && x.end > q.start);
    const sTokens = tokens.slice(ti, tj).filter(outside);
    const here = ctx.placed.filter(
      (p) => p.mention.start >= s.start && p.mention.end <= s.end && outside(p.mention),
    );
    // "air policing mission": a verb inside a name is no verb group
    const groups = verbGroups(ctx.text, sTokens).filter(
      (g) => outside(g) && !here.some((p) => p.mention.start <= g.start && g.end <= p.mention.end),
    );
    let previous: Placed[] = [];
    let antecedent: Placed[] | undefined;
    for (const [gi, g] of groups.entries()) {
      // the clause runs to the next verb group or break, whichever comes first
      const nextGroup = groups[gi + 1]?.start ?? s.end;
      const rest = ctx.text.slice(g.end, nextGroup);
      const brk = rest.search(CLAUSE_BREAK);
      const end = brk < 0 ? nextGroup : g.end + brk;
      // the clause runs into the next verb group with no break between ("Canada leads the battle
      // group in Latvia, Germany and Britain lead ..."): what follows its last comma is that verb's
      // subject, not this verb's object
      const verbNext = brk < 0 && gi + 1 < groups.length;
      const found = subjectAndPronoun(ctx, here, g.start);
      let subject = found.subject;
      // "Spain and Portugal, which lead Operation Atalanta, sent troops": past the relative clause
      if (
        subject.length === 0 &&
        antecedent &&
        /^[^,;:]*,\s*$/.test(ctx.text.slice(groups[gi - 1]?.end ?? s.start, g.start))
      )
        subject = antecedent;
      antecedent = found.relative ? found.subject : undefined;
      // "X rejoined the mission and sent ...": a verb group coordinated with the last one shares its
      // subject
      const lead = ctx.text.slice(groups[gi - 1]?.end ?? s.start, g.start);
      // "Spain plans to deploy": a verb's infinitive shares its subject
      if (
        subject.length === 0 &&
        gi > 0 &&
        (/\s+and\s+$/.test(lead) || /^\s*$/.test(lead)) &&
        !/[,;:]/.test(lead)
      )
        subject = previous;
      previous = subject;
      const objects: Slots["objects"] = [];
      // gapped clauses may run past the clause's break (", and the UK the one in Estonia"), to the
      // next verb group or the sentence's end
      const gapUntil = groups[gi + 1]?.start ?? s.end;
      let gapped: Gapped[] | undefined;
      const after = here.filter((p) => p.mention.start >= g.end && p.mention.end <= end);
      for (let k = 0; k < after.length; k++) {
        const p = after[k] as Placed;
        if (p.mention.demonym) continue;
        const between = ctx.text.slice(
          objects.length ? (after[k - 1] as Placed).mention.end : g.end,
          p.mention.start,
        );
        // "Russia’s troops", "the NATO multinational brigade": a modifier is no object
        if (!HEAD_AFTER.test(ctx.text.slice(p.mention.end, p.mention.end + 12))) continue;
        const prep =
          /\b(to|in|at|into|for|by|from|with|on|of|alongside)\s+(?:the\s+)?(?:[\p{L}-]+,?\s+){0,2}$/iu
            .exec(between)?.[1]
            ?.toLowerCase() ?? "";
        // a direct object follows the verb with at most a few words between ("the", adjectives)
        if (prep === "" && (objects.length > 0 || !/^\s+(?:\S+\s+){0,3}$/.test(between))) continue;
        // "the one in Latvia" (the sentence named "the battlegroup in Estonia" before): the
        // mission with its place swapped
        const lastMission = objects.length === 0 ? missionBefore(here, p) : undefined;
        const theOne =
          prep === "in" && lastMission && THE_ONE.test(between.replace(/^\s*/, " "))
            ? theOneIn(ctx, lastMission, p)
            : undefined;
        if (theOne) {
          objects.push({ p: theOne, prep: "" });
          gapped = gappedFrom(ctx, here, here.indexOf(p) + 1, gapUntil, theOne);
          break;
        }
        const list = listStartingAt(ctx, after, k, end);
        // a member of the list with a verbless clause after it starts the gapped clauses
        for (let j = 1; j < list.length && !gapped; j++) {
          gapped = gappedFrom(
            ctx,
            here,
            here.indexOf(list[j] as Placed),
            gapUntil,
            list[j - 1] as Placed,
          );
          if (gapped) list.length = j;
        }
        if (!gapped && verbNext) nextSubjectOff(ctx, list, end);
        for (const x of list) objects.push({ p: x, prep });
        k += list.length - 1;
        if (gapped) break;
      }
      const tail = ctx.text.slice(g.end, end);
      const anaphor =
        missions.size !== 1
          ? undefined
          : MISSION_ANAPHOR.test(tail.trimStart())
            ? "direct"
            : TO_ANAPHOR.test(tail) && MISSION_ANAPHOR.test(tail.replace(TO_ANAPHOR, ""))
              ? "to"
              : undefined;
      const clauseStart = Math.max(
        s.start,
        groups[gi - 1]?.end ?? s.start,
        ...[...ctx.text.slice(s.start, g.start).matchAll(/[;:,]/g)].map(
          (m) => s.start + (m.index ?? 0) + 1,
        ),
      );
      const subjectAnaphor =
        missions.size === 1 &&
        subject.length === 0 &&
        new RegExp(`${MISSION_ANAPHOR.source}\\s*$`, "i").test(
          ctx.text.slice(clauseStart, g.start).trim(),
        );
      out.push({ s, g, slots: { subject, objects, anaphor, subjectAnaphor }, end });
      // each gapped clause is the verb read again with its own subject and object
      for (const c of gapped ?? [])
        out.push({
          s,
          g,
          slots: { subject: [c.subject], objects: [{ p: c.object, prep: c.prep }] },
          end: gapUntil,
        });
    }
    ti = tj;
  }
  return out;
}

/** The relation types a verb class states between its agent and what it acts on. */
const STATES: Record<string, readonly string[]> = {
  CONTRIBUTE: ["CONTRIBUTES_TO", "DEPLOYED_TO"],
  JOIN: ["CONTRIBUTES_TO", "PARTICIPATED_IN", "MEMBER_OF"],
  LEAD: ["LEADS"],
  HOST: ["HOSTS"],
  VISIT: ["VISITED"],
  TRAVEL: ["VISITED"],
  ATTEND: ["PARTICIPATED_IN"],
  CALL: ["CALLED_ON"],
};

/**
 * What the clauses deny: "Spain did not send troops to X" states no contribution, whatever a
 * pattern matched in the sentence. A proposal (not inferred) of the type a negated verb group's
 * class states, from one of that group's agents to what the clause acts on, in its sentence, is
 * dropped. ("Spain will send troops to X" is left to the pledge and troop rules, which read a
 * promised contribution as the older golds do.)
 */
export function denied(readings: readonly Reading[]): (p: Proposal) => boolean {
  const denying = readings.filter(
    (r) =>
      CLASS_OF.has(r.g.lemma) &&
      (r.g.mood === "NEGATED" ||
        (r.g.mood !== "FACT" && /^(?:JOIN|VISIT|TRAVEL)$/.test(CLASS_OF.get(r.g.lemma) ?? ""))),
  );
  if (denying.length === 0) return () => false;
  return (p) =>
    // "Sweden wants to join NATO", "Finland did not join NATO": no member, not even by inference
    (!p.inferred || p.type === "MEMBER_OF") &&
    denying.some((r) => {
      if (p.sentence.start !== r.s.start) return false;
      // a visit to come ("will visit", "is due to travel to") states no visit made yet
      const types =
        r.g.mood === "NEGATED"
          ? (STATES[CLASS_OF.get(r.g.lemma) as string] ?? [])
          : CLASS_OF.get(r.g.lemma) === "JOIN"
            ? ["MEMBER_OF"]
            : ["VISITED"];
      if (!types.includes(p.type)) return false;
      const agents = r.g.passive
        ? r.slots.objects.filter((o) => o.prep === "by").map((o) => o.p.cluster)
        : r.slots.subject.map((x) => x.cluster);
      // what the clause acts on: the mentions after the verb, or the article's mission it refers to
      const targets = r.slots.objects.map((o) => o.p.cluster);
      const target =
        targets.includes(p.to) || (r.slots.anaphor !== undefined && p.to.kind === "Mission");
      if (p.type === "DEPLOYED_TO") return agents.length > 0 && targets.includes(p.to);
      return agents.includes(p.from) && target;
    });
}

/** The relations the clauses state, by verb class. */
export function clauseRelations(
  ctx: Context,
  readings: readonly Reading[],
  hooks: ClauseHooks,
): void {
  const missions = [
    ...new Set(ctx.placed.filter((p) => p.cluster.kind === "Mission").map((p) => p.cluster)),
  ];
  const oneMission = missions.length === 1 ? missions[0] : undefined;
  for (const r of readings) readClause(ctx, r.s, r.g, r.slots, oneMission, hooks, r.end);
  // "the one in Lithuania" (a NATO battle group in Lithuania): the mission is where the text puts
  // it, and a nation it is in hosts it (inferred, as for any battle group named with its nation)
  for (const { mission, place } of toldTheOne.get(ctx) ?? []) {
    const s = ctx.sentences.find(
      (x) => x.start <= place.mention.start && place.mention.end <= x.end,
    );
    if (!s) continue;
    ctx.propose({
      type: "DEPLOYED_TO",
      from: mission,
      to: place.cluster,
      sentence: s,
      confidence: 0.8,
    });
    if (place.cluster.kind === "Nation")
      ctx.propose({
        type: "HOSTS",
        from: place.cluster,
        to: mission,
        sentence: s,
        inferred: true,
        confidence: 0.8,
      });
  }
}

function readClause(
  ctx: Context,
  s: Sentence,
  g: VerbGroup,
  slots: Slots,
  oneMission: Cluster | undefined,
  hooks: ClauseHooks,
  end: number,
): void {
  const cls = CLASS_OF.get(g.lemma);
  if (g.mood === "FACT") meetingAfter(ctx, s, g, slots);
  if (!cls || g.mood !== "FACT") return;
  const propose = (type: RelationType, from: Cluster, to: Cluster, inferred = false) => {
    if (from === to || !allowed(type, from.kind, to.kind)) return;
    ctx.propose({ type, from, to, sentence: s, inferred, confidence: 0.7 });
  };
  // in the passive the agent is the "by" object and the subject is the patient
  const agents = g.passive
    ? slots.objects.filter((o) => o.prep === "by").map((o) => o.p)
    : slots.subject;
  const patients = g.passive
    ? slots.subject.map((p) => ({ p, prep: "" }))
    : slots.objects.filter((o) => o.prep === "");
  // "The battle group is led by Italy", "the mission is based in Latvia": the article's mission
  const subjectMission = g.passive && slots.subjectAnaphor && oneMission ? [oneMission] : [];
  const withPrep = (...preps: string[]) =>
    slots.objects.filter((o) => preps.includes(o.prep)).map((o) => o.p);
  const missionsNamed = [
    ...patients.map((o) => o.p),
    ...withPrep("to", "for", "in", "on"),
    ...(g.passive ? slots.subject : []),
  ].filter((p) => p.cluster.kind === "Mission");
  const mission =
    missionsNamed[0]?.cluster ?? (slots.anaphor || subjectMission.length ? oneMission : undefined);
  const direct = [
    ...(slots.anaphor === "direct" && oneMission ? [oneMission] : []),
    ...subjectMission,
  ];
  switch (cls) {
    case "CONTRIBUTE": {
      // "Norway deployed F-16s to Lithuania for the rotation", "troops were sent by Norway to the battle group"
      if (mission)
        for (const a of agents)
          if (a.cluster.properties.category !== "ALLIANCE")
            propose("CONTRIBUTES_TO", a.cluster, mission);
      // "the battle group is stationed in Cincu", "Norway deployed ... to Lithuania for the rotation"
      // "at the Joint National Training Centre in Cincu": the town, not the site in it
      const where = withPrep("to", "in", "at", "into").filter(
        (p, i, all) =>
          (p.cluster.kind === "Place" || p.cluster.kind === "Nation") &&
          !(
            p.cluster.kind === "Place" &&
            all[i + 1] &&
            /^\s*,?\s+in\s+(?:the\s+)?$/.test(
              ctx.text.slice(p.mention.end, (all[i + 1] as Placed).mention.start),
            )
          ),
      );
      if (
        mission &&
        (g.passive
          ? slots.subject.some((x) => x.cluster === mission) || subjectMission.length > 0
          : true)
      )
        for (const w of where) {
          propose("DEPLOYED_TO", mission, w.cluster);
          // a nation a mission is deployed to hosts it, by inference (as the golds record it)
          if (w.cluster.kind === "Nation") propose("HOSTS", w.cluster, mission, true);
        }
      break;
    }
    case "JOIN": {
      // "Britain rejoined the mission", "Finland joined NATO", "Sweden joined the exercise"
      const joined = [...patients.map((o) => o.p.cluster), ...direct];
      for (const a of agents)
        for (const to of joined) {
          if (to.kind === "Mission") propose("CONTRIBUTES_TO", a.cluster, to);
          else if (to.kind === "Event") propose("PARTICIPATED_IN", a.cluster, to);
          else if (to.properties.category === "ALLIANCE") propose("MEMBER_OF", a.cluster, to);
        }
      break;
    }
    case "LEAD": {
      // "head to Latvia", "led to": travel and cause, not leadership
      if (slots.objects.some((o) => o.prep === "to" || o.prep === "for") && patients.length === 0)
        break;
      if (/^(?:\s+(?:to|for|home|back|out)\b)/i.test(ctx.text.slice(g.end, g.end + 6))) break;
      const led = [...patients.map((o) => o.p.cluster), ...direct];
      for (const a of agents) for (const to of led) propose("LEADS", a.cluster, to);
      break;
    }
    case "HOST": {
      const hosted = [...patients.map((o) => o.p.cluster), ...direct];
      for (const a of agents) for (const to of hosted) propose("HOSTS", a.cluster, to);
      break;
    }
    case "VISIT": {
      for (const a of agents) for (const o of patients) propose("VISITED", a.cluster, o.p.cluster);
      break;
    }
    case "TRAVEL": {
      // "travelled to Riga", "arrived in Vilnius": a person's visit
      for (const a of agents)
        for (const w of withPrep("to", "in")) propose("VISITED", a.cluster, w.cluster);
      break;
    }
    case "ATTEND": {
      const attended = g.lemma === "attend" ? patients.map((o) => o.p) : withPrep("in");
      for (const a of agents)
        for (const e of attended) propose("PARTICIPATED_IN", a.cluster, e.cluster);
      break;
    }
    case "APPROVE": {
      approval(ctx, s, g, slots, end);
      break;
    }
    case "STATE": {
      // "X, Y and Z gave statements to the media": they took part in the occasion the article tells of
      const after = ctx.text.slice(g.end, end);
      const statement = /^(?:give|make|hold|issue)$/.test(g.lemma)
        ? /^\s+(?:(?:a|an|the|joint|short|brief)\s+)*(?:statements?|press conferences?|news conferences?|briefings?|remarks)\b/i.test(
            after,
          )
        : /^\s+(?:to|with)\s+(?:the\s+)?(?:media|press|reporters|journalists)\b/i.test(after);
      // "spoke to reporters at the end of a meeting of NATO defence ministers": the one the
      // sentence names, before the one the article last told of
      const named = statement ? hooks.occasionIn(s) : undefined;
      const occasion = named === undefined && statement ? hooks.occasionBefore(s.start) : named;
      if (occasion)
        for (const a of agents)
          if (a.cluster.kind === "Person") propose("PARTICIPATED_IN", a.cluster, occasion, true);
      break;
    }
    case "SAY": {
      unquotedStatement(ctx, s, g, hooks);
      break;
    }
    case "CALL": {
      for (const a of agents)
        for (const o of patients) propose("CALLED_ON", a.cluster, o.p.cluster);
      break;
    }
  }
}

/** Who the approving body is: a government, cabinet or parliament, with the nation it belongs to. */
function approval(ctx: Context, s: Sentence, g: VerbGroup, slots: Slots, end: number): void {
  const body = (
    g.passive ? slots.objects.filter((o) => o.prep === "by").map((o) => o.p) : slots.subject
  ).find(
    (p) => p.cluster.kind === "Organization" && p.cluster.properties.category === "GOVERNMENT",
  );
  if (!body) return;
  // what was approved: the words after the verb, a date phrase left out, to the first comma
  const what = ctx.text
    .slice(g.end, end)
    .replace(/^\s+(?:on|in)\s+(?:\p{Lu}\p{L}+(?:\s+\d{1,2})?|\d{1,2}\s+\p{Lu}\p{L}+)(?=\s)/u, "")
    .split(/[,;.]|\s+(?:as part of|in order to|spurred by|after|following)\s+/)[0]
    ?.trim()
    .split(/\s+/)
    .slice(0, 10)
    .join(" ");
  if (!what || what.split(/\s+/).length < 2) return;
  const dated = ctx.dates.find((d) => d.start >= s.start && d.end <= s.end)?.date;
  const name = `${body.cluster.name} approves ${what.replace(/^(?:the|a|an)\s+/i, "")}`;
  const event = ctx.entity(
    "Event",
    slug(`${body.cluster.name} approves ${what}`, 8),
    name,
    {
      category: /\b(?:budget|spending|bill|law)\b/i.test(what) ? "BUDGET" : "ANNOUNCEMENT",
      ...(dated ? { date: dated } : {}),
    },
    { start: g.start, end: g.end, text: ctx.text.slice(g.start, g.end) },
  );
  ctx.propose({
    type: "PARTICIPATED_IN",
    from: body.cluster,
    to: event,
    sentence: s,
    confidence: 0.7,
  });
  const nation = body.mention.involves?.[0];
  // "Bulgaria’s Cabinet": the nation is named inside the body's name
  const where =
    nation &&
    (ctx.placed.find((p) => p.cluster.key === nation.key)?.cluster ??
      ctx.entity(nation.kind, nation.key, nation.name, nation.properties));
  if (where)
    ctx.propose({
      type: "LOCATED_IN",
      from: event,
      to: where,
      sentence: s,
      inferred: true,
      confidence: 0.65,
    });
}

/** "“...,” Nad said after a government meeting": the speaker took part in that meeting. */
function meetingAfter(ctx: Context, s: Sentence, g: VerbGroup, slots: Slots): void {
  const m =
    /^\s+(?:after|at|following|during)\s+(?:a|an|the)\s+((?:government|cabinet|coalition|security council)\s+meeting)\b/i.exec(
      ctx.text.slice(g.end, s.end),
    );
  const people = slots.subject.filter((p) => p.cluster.kind === "Person");
  if (!m || people.length === 0) return;
  const dated =
    ctx.dates.find((d) => d.start >= s.start && d.end <= s.end)?.date ?? ctx.publishedAt;
  const start = g.end + m[0].length - (m[1] ?? "").length;
  const name = `${(m[1] ?? "").replace(/^./, (c) => c.toUpperCase())}${dated ? ` (${dated})` : ""}`;
  const event = ctx.entity(
    "Event",
    slug(`${m[1]} ${dated ?? ""}`),
    name,
    { category: "MEETING", ...(dated ? { date: dated } : {}) },
    { start, end: start + (m[1] ?? "").length, text: m[1] ?? "" },
  );
  for (const p of people)
    ctx.propose({
      type: "PARTICIPATED_IN",
      from: p.cluster,
      to: event,
      sentence: s,
      confidence: 0.7,
    });
}

/**
 * "I am also coming here for the first time ..., said caretaker Foreign Minister Ivan Kondov": an
 * unquoted sentence in the first person, then its speaker, is the speaker's words, verbatim.
 */
function unquotedStatement(ctx: Context, s: Sentence, g: VerbGroup, hooks: ClauseHooks): void {
  if (/[“”"]/.test(s.text)) return;
  const before = ctx.text.slice(s.start, g.start);
  const after = ctx.text.slice(g.end, s.end);
  // "..., said X." or "..., X said."
  const inverted = /,\s*$/.test(before);
  const comma = inverted ? before.lastIndexOf(",") : before.search(/,\s*[^,]*$/);
  if (comma <= 0) return;
  const inner = ctx.text.slice(s.start, s.start + comma).trim();
  if (!/\b(?:I|we|We|my|My|our|Our|us|me)\b/.test(inner) || inner.split(/\s+/).length < 5) return;
  const tail = inverted ? after : before.slice(comma + 1);
  if (!/^[\s\p{L}.,’'-]*[.]?\s*$/u.test(tail)) return;
  const tailStart = inverted ? g.end : s.start + comma + 1;
  const speaker = ctx.placed.find(
    (p) =>
      p.cluster.kind === "Person" &&
      p.mention.start >= tailStart &&
      p.mention.end <= (inverted ? s.end : g.start),
  );
  if (!speaker) return;
  const quote = hooks.quote(speaker.cluster, inner, s.start);
  ctx.propose({ type: "SAID", from: speaker.cluster, to: quote, sentence: s, confidence: 0.6 });
}
