/**
 * Relations by the vocabulary's patterns, one function per pattern, each sentence at a time.
 * Every proposal carries the sentence it comes from (its evidence, verbatim), a confidence and
 * `inferred` where the sentence implies rather than states it.
 */

import { isAllowedEndpoint, type Kind } from "../domain/vocabulary.js";
import { allianceCommanders } from "./alliance-commanders.js";
import { clauseRelations, denied, readClauses } from "./clauses.js";
import { commandHandovers } from "./command-handovers.js";
import { type Context, inSentence, type Placed, type Proposal, placedIn } from "./context.js";
import { contributionPhrases } from "./contribution-phrases.js";
import { contributorsByForces } from "./contributors.js";
import { deploymentPledges } from "./deployment-pledges.js";
import { eventCompany } from "./event-company.js";
import { dateEvents, nameEvents, visitedNations, watchEventFacts } from "./event-names.js";
import { gatheringMeets, groupParticipants, speakingAtSite } from "./event-participants.js";
import { eventPlaces } from "./event-places.js";
import { describedEventRelations } from "./event-relations.js";
import { eventTopics } from "./event-topics.js";
import { exerciseParticipants, isExercise } from "./exercise-participants.js";
import { exerciseVerbs } from "./exercise-verbs.js";
import { fundPledges } from "./fund-pledges.js";
import { capitalOf, GAZETTEER } from "./gazetteer.js";
import { handovers } from "./handovers.js";
import { hostNation } from "./host-titles.js";
import { shareSlug, slug } from "./keys.js";
import { ledEvents } from "./led-events.js";
import type { Cluster } from "./link.js";
import { pairBefore } from "./meeting-pairs.js";
import { membershipMention, negatedAlliance } from "./membership.js";
import type { Mention } from "./mentions.js";
import { missionBases } from "./mission-bases.js";
import { missionParticipation } from "./mission-participation.js";
import { passivePledges } from "./passive-pledges.js";
import { placeInPlace } from "./place-in-place.js";
import { namedCapitalOf, nationsNamed } from "./placement.js";
import { moneyUnit, type PledgeHelp, speakerOf, spendingPledges } from "./pledge-sentences.js";
import { portCalls } from "./port-calls.js";
import { qualifiesTownBefore } from "./qualifiers.js";
import { quotationsIn, quotedSpans, titleGap, titleKey } from "./quotations.js";
import { eventBefore, speechHost } from "./quote-occasions.js";
import {
  isSiteOrTown,
  possessorOfNoun,
  qualifiesAnother,
  reportingSubject,
} from "./quote-topics.js";
import { rotations } from "./rotations.js";
import type { Sentence } from "./sentences.js";
import { listedShares } from "./spending-lists.js";
import { shareOwner, sharesBesideNames, statesShare } from "./spending-shares.js";
import { venueNations } from "./venues.js";

const LEADER_ROLES =
  /^(?:Prime Minister|President|Secretary-General|Secretary General|Chancellor|King|Queen|Premier|Taoiseach|Chief of the Defence Staff|Chief of Defence|Commander|Head|Leader|Chair|Chairman|Director|Director General|Supreme Allied Commander(?: Europe)?)$/i;
const SPEECH =
  "said|says|saying|told|telling|added|adding|stated|explained|warned|wrote|insisted|noted|argued|declared|announced|stressed|emphasi[sz]ed|underlined|recalled|remarked|continued|concluded|according to|posted|tweeted|shared|commented|replied|assured|pointed out|stressing|noting|insisting|explaining|emphasi[sz]ing|underlining|arguing|declaring";

/** Courtesy titles and military ranks: they say what a person is, not which nation they serve. */
const RANK =
  /^(?:Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Gen\.|Lt\.|Col\.|Maj\.|Capt\.|Sgt\.|Adm\.|Cpl\.|Pte\.|Cmdr\.|Cdr\.|Brig\.|(?:Lieutenant|Major|Brigadier|Colonel|Sergeant|Air|Vice|Rear)?-?(?:General|Colonel|Major|Captain|Lieutenant|Sergeant|Corporal|Private|Commander|Admiral|Marshal|Commodore|Brigadier)\b)/;

/** An office whose body is written after it with "of": "Deputy Secretary General of NATO". */
const OFFICE_OF =
  /(?:^|[^\p{L}-])((?:(?:Deputy|Vice|Acting|Assistant)\s+)?(?:Secretary[- ]General|Commander(?:-in-Chief)?|Chief\s+of\s+(?:the\s+)?(?:Defence|Defense|General|Naval|Air)?\s*Staff|Chief\s+of\s+Defen[cs]e|Chief|Head|Director(?:\s+General)?|Chairman|Chairwoman|Chair|President|Prime\s+Minister|Minister(?:\s+of\s+\p{Lu}\p{L}+(?:\s+(?:and\s+)?\p{Lu}\p{L}+)*)?|Commandant|Commanding\s+Officer|Ambassador|Governor|Mayor|Spokesperson))\s+of\s+(?:the\s+)?$/u;

/**
 * "<Office> of <body> [<rank>] <Name>": the nation or organisation placed right before the name
 * (or before the rank the name's title holds), itself right after an office and "of".
 */
function officeOfBodyBefore(
  ctx: Context,
  s: { start: number },
  m: Mention,
): { title: string; body: Cluster } | undefined {
  const owner = ctx.placed
    .filter(
      (x) =>
        (x.cluster.kind === "Nation" || x.cluster.kind === "Organization") &&
        x.mention.end <= m.start &&
        x.mention.start >= s.start,
    )
    .sort((a, b) => b.mention.end - a.mention.end)[0];
  if (!owner) return undefined;
  const between = ctx.text.slice(owner.mention.end, m.start);
  const rank = m.role && RANK.test(m.role) ? m.role : undefined;
  if (!(/^\s+$/.test(between) || (rank && between.trim() === rank))) return undefined;
  const office = OFFICE_OF.exec(
    ctx.text.slice(Math.max(s.start, owner.mention.start - 60), owner.mention.start),
  );
  if (!office) return undefined;
  return { title: (office[1] as string).replace(/\s+/g, " "), body: owner.cluster };
}

const people = (xs: readonly Placed[]) => xs.filter((p) => p.cluster.kind === "Person");
/** A command written before the unit, after a person's name: ", commander of the", ", Commander, ". */
const COMMAND_BEFORE_UNIT =
  /^,\s+(?:the\s+)?((?:deputy\s+|vice\s+|acting\s+)?(?:commander|commanding\s+officer|commanding\s+general|chief\s+of\s+staff)|(?:Deputy\s+|Vice\s+|Acting\s+)?(?:Commander|Commanding\s+Officer|Commanding\s+General|Chief\s+of\s+Staff))(?:\s+(?:of|for)\s+(?:the\s+)?|,\s+(?:the\s+)?)(?:NATO['’]s\s+)?/u;
/** A command written after the unit: "..., NATO Allied Maritime Command Deputy Commander,". */
const COMMAND_AFTER_UNIT =
  /^(?:['’]s)?\s+((?:[Dd]eputy\s+|[Vv]ice\s+|[Aa]cting\s+)?(?:[Cc]ommander|[Cc]ommanding\s+[Oo]fficer|[Cc]ommanding\s+[Gg]eneral|[Cc]hief\s+of\s+[Ss]taff))\s*[,.;]/u;
const ofKind = (xs: readonly Placed[], ...kinds: string[]) =>
  xs.filter((p) => kinds.includes(p.cluster.kind));

/** Events the rules made (visits, summits), with the sentence that tells of each. */
const EVENTS = new WeakMap<Context, { event: Cluster; s: Sentence }[]>();
const told = (ctx: Context, event: Cluster, s: Sentence) => {
  const list = EVENTS.get(ctx) ?? [];
  list.push({ event, s });
  EVENTS.set(ctx, list);
};

export function findRelations(ctx: Context): void {
  // pledges the rules make, by where the text states them, for what the events are about
  const pledgesAt: { c: Cluster; at: number }[] = [];
  const eventsAt: { c: Cluster; at: number }[] = [];
  const entity = ctx.entity.bind(ctx);
  // who took part in which event, and who said what, where: for SAID_AT below
  const proposed: Proposal[] = [];
  // where events and places are, for the nation that hosts an event held at one of its places
  const located: Proposal[] = [];
  const propose = ctx.propose.bind(ctx);
  // the nation each person leads or serves, for "his country would ..."
  const servesIn = new Map<Cluster, Cluster>();
  // what each clause states, read once: its relations below, and what a negated clause denies
  const readings = readClauses(ctx);
  const isDenied = denied(readings);
  ctx.propose = (p) => {
    if (isDenied(p as Proposal)) return;
    if (elsewhere(p)) return;
    if (p.type === "PARTICIPATED_IN" || p.type === "SAID") proposed.push(p as Proposal);
    if (p.type === "LOCATED_IN") located.push(p as Proposal);
    if (
      (p.type === "LEADS" || p.type === "SERVES_IN") &&
      p.from.kind === "Person" &&
      p.to.kind === "Nation" &&
      !servesIn.has(p.from)
    )
      servesIn.set(p.from, p.to);
    propose(p);
  };
  const eventFacts = watchEventFacts(ctx);
  ctx.entity = (kind, key, name, properties, span) => {
    const c = entity(kind, key, name, properties, span);
    if (kind === "Pledge" && span) pledgesAt.push({ c, at: span.start });
    if (kind === "Event" && span) eventsAt.push({ c, at: span.start });
    return c;
  };
  // "NATO" only inside longer names ("the NATO battle group", "NATO Response Force", "NATO defence
  // ministers' meeting") still names the alliance: the rules below look for it among the mentions
  if (!ctx.placed.some((p) => p.cluster.key === "nato")) {
    const at = ctx.text.search(/\bNATO\b/);
    if (at >= 0) {
      const span = { start: at, end: at + 4, text: "NATO" };
      const cluster = ctx.entity("Organization", "nato", "NATO", { category: "ALLIANCE" }, span);
      ctx.placed.push({
        mention: { ...span, kind: "Organization", name: "NATO", key: "nato" },
        cluster,
      });
      ctx.placed.sort((a, b) => a.mention.start - b.mention.start);
    }
  }
  // each proposal records its reader (Proposal.reader): calibration.ts rates it by that
  const by = (reader: string) => {
    ctx.reader = reader;
  };
  const home = homeNation(ctx);
  const roleHolders = new Map<string, Cluster>(); // org or nation key -> person with a title there
  by("titles");
  titles(ctx, home, roleHolders);
  by("allianceCommanders");
  allianceCommanders(ctx);
  const missionsNamed = new Set(
    ctx.placed.filter((p) => p.cluster.kind === "Mission").map((p) => p.cluster),
  );
  const onlyMission = missionsNamed.size === 1 ? [...missionsNamed][0] : undefined;
  const invaders = invadersIn(ctx.placed);
  const perSentence: [string, (s: Sentence, here: Placed[]) => void][] = [
    ["invasion", (s, here) => invasion(ctx, s, here)],
    ["troops", (s, here) => troops(ctx, s, here, home)],
    ["visits", (s, here) => visits(ctx, s, here)],
    ["leads", (s, here) => leads(ctx, s, here)],
    ["ledBy", (s, here) => ledBy(ctx, s, here)],
    ["participation", (s, here) => participation(ctx, s, here)],
    ["calls", (s, here) => calls(ctx, s, here)],
    ["membership", (s, here) => membership(ctx, s, here)],
    ["exercises", (s, here) => exercises(ctx, s, here)],
    ["meetings", (s, here) => meetings(ctx, s, here)],
    ["hosting", (s, here) => hosting(ctx, s, here)],
    ["occasions", (s, here) => occasions(ctx, s, here)],
    ["counterparts", (s, here) => counterparts(ctx, s, here)],
    ["describedEvents", (s) => describedEventRelations(ctx, s)],
    ["eventPlaces", (s, here) => eventPlaces(ctx, s, here)],
    ["speakingAtSite", (s) => speakingAtSite(ctx, s, (at) => lastPersonBefore(ctx, at))],
    ["gatheringMeets", (s) => gatheringMeets(ctx, s)],
    ["exerciseParticipants", exerciseParticipants(ctx)],
    ["handovers", handovers(ctx, onlyMission, invaders)],
    ["commandHandovers", commandHandovers(ctx, onlyMission)],
    ["portCalls", portCalls(ctx, onlyMission)],
    ["missionBases", missionBases(ctx, onlyMission)],
    ["exerciseVerbs", (s, here) => exerciseVerbs(ctx, s, here)],
    ["ledEvents", (s, here) => ledEvents(ctx, s, here)],
    ["contributionPhrases", (s, here) => contributionPhrases(ctx, s, here)],
    ["rotations", rotations(ctx, onlyMission, invaders)],
  ];
  for (const s of ctx.sentences) {
    const here = placedIn(s, ctx.placed);
    for (const [reader, read] of perSentence) {
      by(reader);
      read(s, here);
    }
  }
  by("clauses");
  clauseRelations(ctx, readings, {
    quote: (speaker, inner, start) => quoteOf(ctx, speaker, inner, start),
    occasionBefore: (at) =>
      proposed
        .filter((p) => p.type === "PARTICIPATED_IN" && p.sentence.start < at && isAttended(p.to))
        .at(-1)?.to,
    occasionIn: (s) => {
      const named = new Set(
        [
          ...placedIn(s, ctx.placed).map((p) => p.cluster),
          ...proposed.filter((p) => p.sentence === s).flatMap((p) => [p.from, p.to]),
        ].filter(isAttended),
      );
      return named.size === 0 ? undefined : named.size === 1 ? [...named][0] : null;
    },
  });
  by("eventCompany");
  eventCompany(ctx, proposed);
  by("missionParticipation");
  missionParticipation(ctx);
  by("placeInPlace");
  placeInPlace(ctx);
  by("summits");
  summits(ctx);
  by("eventAnaphora");
  eventAnaphora(ctx, eventsAt);
  by("groupParticipants");
  groupParticipants(ctx, eventFacts);
  by("battleGroups");
  battleGroups(ctx);
  by("battleGroupLists");
  battleGroupLists(ctx);
  by("troopsFrom");
  troopsFrom(ctx);
  by("contributorsByForces");
  contributorsByForces(ctx, invadersIn(ctx.placed));
  by("spending");
  spending(ctx);
  const pledgeHelp: PledgeHelp = {
    targets: () =>
      [...new Set(pledgesAt.map((p) => p.c))].filter((c) => /-percent-target$/.test(c.key)),
    nationOf: (person) => servesIn.get(person),
    home,
    lastPerson: (at) => lastPersonBefore(ctx, at),
  };
  by("spendingPledges");
  const read = spendingPledges(ctx, pledgeHelp);
  // "1,000 troops would be sent next year": the passive, owned by the forces' or speaker's nation
  by("passivePledges");
  for (const s of passivePledges(ctx, pledgeHelp, read)) read.add(s);
  by("pledges");
  pledges(ctx, read, pledgeHelp);
  by("fundPledges");
  fundPledges(ctx, read);
  by("extensions");
  extensions(ctx);
  by("deploymentPledges");
  deploymentPledges(ctx, (a, b) => pledgesAt.some((p) => p.at >= a && p.at < b));
  by("quotes");
  quotes(ctx, roleHolders);
  by("missions");
  missions(ctx);
  by("places");
  places(ctx);
  by("alliances");
  alliances(ctx);
  // "visited the base, where they announced the renewal of Operation X": the event is about them
  by("eventsAbout");
  const allMissions = [
    ...new Set(ctx.placed.filter((p) => p.cluster.kind === "Mission").map((p) => p.cluster)),
  ];
  const forExerciseIn = new Map<Sentence, boolean>();
  for (const { event, s } of EVENTS.get(ctx) ?? []) {
    // "troops sent for exercise X, alongside the battle group": the exercise is not about the
    // mission the sentence names beside it (asked once a sentence)
    let forExercise = forExerciseIn.get(s);
    if (forExercise === undefined) {
      forExercise = FOR_AN_EXERCISE.test(s.text);
      forExerciseIn.set(s, forExercise);
    }
    const named = forExercise
      ? []
      : ofKind(placedIn(s, ctx.placed), "Mission").map((p) => p.cluster);
    const about = new Set<Cluster>([
      ...named,
      ...pledgesAt.filter((p) => p.at >= s.start && p.at < s.end).map((p) => p.c),
    ]);
    for (const c of about)
      ctx.propose({ type: "ABOUT", from: event, to: c, sentence: s, confidence: 0.65 });
    // "visited the troops of the battle group": the article's one mission, by a definite mention
    const only = allMissions.length === 1 ? allMissions[0] : undefined;
    if (
      only &&
      !forExercise &&
      named.length === 0 &&
      /\b(?:the|its|their)\s+(?:(?:multinational|NATO|new)\s+)?(?:mission|battle ?group|battlegroup|brigade|rotation|contingent)\b/i.test(
        s.text,
      )
    )
      ctx.propose({
        type: "ABOUT",
        from: event,
        to: only,
        sentence: s,
        inferred: true,
        confidence: 0.55,
      });
  }
  // "changed over at a ceremony ... of the NATO Baltic Air Policing Mission": rated as eventsAbout
  ceremoniesAbout(ctx, allMissions);
  const toldEvents = EVENTS.get(ctx) ?? [];
  EVENTS.delete(ctx);
  // "a meeting on defence spending", "the pair discussed the situation in Ukraine"
  by("eventTopics");
  eventTopics(ctx, toldEvents, eventsAt);
  // "met X to discuss the decisions of the 2016 NATO summit": events and pledges the rules found later
  by("discussed");
  for (const d of DISCUSSED.get(ctx) ?? []) {
    for (const x of [...pledgesAt, ...eventsAt])
      if (x.at >= d.from && x.at < d.s.end && x.c !== d.event)
        ctx.propose({ type: "ABOUT", from: d.event, to: x.c, sentence: d.s, confidence: 0.65 });
  }
  DISCUSSED.delete(ctx);
  by("saidAt");
  saidAt(ctx, proposed, toldEvents);
  nameEvents(eventFacts);
  by("visitedNations");
  visitedNations(ctx, eventFacts);
  by("dateEvents");
  dateEvents(ctx);
  by("eventHosts");
  eventHosts(ctx, located);
}

/** A mission named for the nation it is in: "NATO battle group in Slovakia" -> "Slovakia". */
const NATION_NAMES = new Set(
  GAZETTEER.filter((g) => g.entity.kind === "Nation").map((g) => g.entity.name),
);
const HOST_IN_NAME = /\sin\s+(?:the\s+)?(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)$/u;

/**
 * A mission whose name places it in one nation is neither deployed to nor hosted by another:
 * "Slovenia has 50 troops deployed in Latvia" in an article on the NATO battle group in Slovakia
 * tells of another mission (seventeenth pass).
 */
function elsewhere(p: Pick<Proposal, "type" | "from" | "to">): boolean {
  const [mission, nation] =
    p.type === "DEPLOYED_TO" ? [p.from, p.to] : p.type === "HOSTS" ? [p.to, p.from] : [];
  if (mission?.kind !== "Mission" || nation?.kind !== "Nation") return false;
  const host = HOST_IN_NAME.exec(mission.name)?.[1];
  return host !== undefined && NATION_NAMES.has(host) && host !== nation.name;
}

/**
 * The nation an event is held in hosts it (inferred), as the golds record: "a ceremony at Tapa
 * Army Base" where the base lies in Estonia, "a joint exercise at the training area in Pabrade"
 * where Pabrade lies in Lithuania, "the exercise in Poland". Read from the places the rules put
 * events and places in (LOCATED_IN), one step from the event's place to its nation.
 */
function eventHosts(ctx: Context, located: readonly Proposal[]): void {
  const nationOf = new Map<Cluster, Cluster>();
  for (const p of located)
    if (p.from.kind === "Place" && p.to.kind === "Nation" && !nationOf.has(p.from))
      nationOf.set(p.from, p.to);
  for (const p of located) {
    // exercises and ceremonies (OTHER): a meeting or a visit is the place's to host as often as
    // the nation's in the golds, a conflict no one's
    if (p.from.kind !== "Event" || p.from.properties.category !== "OTHER") continue;
    const host = p.to.kind === "Nation" ? p.to : nationOf.get(p.to);
    if (!host) continue;
    ctx.propose({
      type: "HOSTS",
      from: host,
      to: p.from,
      sentence: p.sentence,
      inferred: true,
      confidence: 0.6,
    });
  }
}

/** The occasions an article may tell of beside its one visit or ceremony (saidAt's soleVisit). */
const SOLE_CATEGORIES = new Set(["VISIT", "MEETING", "CONFERENCE", "STATEMENT", "ANNOUNCEMENT"]);
/** Words said before or after the occasion: "said ... ahead of the event", "after the visit". */
const NOT_DURING = /\b(?:ahead of|before|after|following|prior to)\s+(?:the|this|his|her|their)\s/;
/** A ceremony still to come: "A closing ceremony will be held on Friday". */
const TO_BE_HELD =
  /\b(?:will|would|is to|are to|is due to|is scheduled to|is set to)\s+(?:be\s+)?(?:held|take place|mark)\b/;

/**
 * A quote is said at the event its speaker was just put at: "Speaking at the conference, X said
 * ...", "X visited the base ... 'We are here,' he said." The latest event the speaker takes part in,
 * stated in the quote's sentence or at most three sentences before it in the same paragraph.
 */
function saidAt(
  ctx: Context,
  all: readonly Proposal[],
  toldOf: readonly { event: Cluster; s: Sentence }[],
): void {
  let proposed = all;
  const index = new Map(ctx.sentences.map((s, i) => [s, i]));
  // An article about one visit or meeting: "X is visiting Bulgaria ... [paragraphs later] 'I am
  // impressed,' X said." A quote its speaker says after the article has put them at the only
  // occasion it tells of (no conflict, no other event anyone takes part in) is said there, however
  // far on; where the article tells of two occasions, only the nearby rule above places a quote.
  // "X said after a government meeting": what is said after an occasion is not said at it
  proposed = proposed.filter(
    (p) =>
      p.type !== "PARTICIPATED_IN" ||
      !/\b(?:said|told|added|spoke)\s+(?:\S+\s+)?(?:after|following)\s+(?:a|an|the)\s/.test(
        p.sentence.text,
      ),
  );
  const occasions = [
    ...new Set(
      proposed
        .filter(
          (p) =>
            p.type === "PARTICIPATED_IN" &&
            p.to.kind === "Event" &&
            p.to.properties.category !== "CONFLICT",
        )
        .map((p) => p.to),
    ),
  ];
  const onlyOccasion = (said: Proposal, at: number): Proposal | undefined => {
    if (occasions.length !== 1) return undefined;
    const category = occasions[0]?.properties.category;
    // "X said in a speech ... [later] 'We must do more,' X said": a speech is such an occasion too
    const speech = category === "STATEMENT" && /\bspeech\b/.test(occasions[0]?.name ?? "");
    if (category !== "VISIT" && category !== "MEETING" && category !== "CONFERENCE" && !speech)
      return undefined;
    return proposed.find((p) => {
      const i = index.get(p.sentence);
      return (
        p.type === "PARTICIPATED_IN" &&
        p.from === said.from &&
        p.to === occasions[0] &&
        i !== undefined &&
        i < at
      );
    });
  };
  // An article about one visit or one ceremony and no other occasion: "SNMG1 warships arrived in
  // Tallinn on a visit ... 'The presence of allies ...,' said the commander of the Estonian Navy";
  // "... handed over in a ceremony at Tapa ... [paragraphs later] 'All for one,' Luik quoted". The
  // tune golds put such words at the visit or ceremony though no sentence puts the speaker there
  // (14 of 16 quotations in articles of one visit); not where the article tells of a meeting,
  // conference or statement too, nor of a ceremony still to come ("will be held").
  const told = new Map<Cluster, number>();
  for (const p of ctx.placed)
    if (p.cluster.kind === "Event" && !told.has(p.cluster)) told.set(p.cluster, p.mention.start);
  for (const t of toldOf) if (!told.has(t.event)) told.set(t.event, t.s.start);
  const gatherings = [...told.keys()].filter((e) => {
    const category = String(e.properties.category ?? "");
    return SOLE_CATEGORIES.has(category) || (category === "OTHER" && CEREMONY.test(e.name));
  });
  const sole = gatherings.length === 1 ? gatherings[0] : undefined;
  const soleAt = sole ? (told.get(sole) ?? 0) : 0;
  const soleSentence = sole
    ? ctx.sentences.find((x) => x.start <= soleAt && soleAt < x.end)
    : undefined;
  const soleVisit = (at: Sentence): Cluster | undefined =>
    sole &&
    soleSentence &&
    at.start > soleAt &&
    !NOT_DURING.test(at.text) &&
    (sole.properties.category === "VISIT" ||
      (CEREMONY.test(sole.name) && !TO_BE_HELD.test(soleSentence.text)))
      ? sole
      : undefined;
  for (const said of proposed) {
    if (said.type !== "SAID") continue;
    const at = index.get(said.sentence);
    if (at === undefined) continue;
    const events = proposed.filter((p) => {
      if (p.type !== "PARTICIPATED_IN" || p.from !== said.from || p.to.kind !== "Event")
        return false;
      if (p.to.properties.category === "CONFLICT") return false;
      const i = index.get(p.sentence);
      return (
        i !== undefined &&
        i <= at &&
        at - i <= 3 &&
        p.sentence.paragraph >= said.sentence.paragraph - 1
      );
    });
    const latest =
      events.sort((a, b) => (index.get(b.sentence) ?? 0) - (index.get(a.sentence) ?? 0))[0] ??
      onlyOccasion(said, at);
    // "During a press conference, X said ...": the sentence names another occasion
    const elsewhere =
      /\b(?:press conference|news conference|interview|told reporters|told journalists|in a statement|on (?:X|Twitter|Facebook|social media)|[Dd]uring|[Ll]ater|[Ee]arlier)\b/.test(
        said.sentence.text,
      );
    if (!latest) {
      // "NATO defence ministers met in Brussels on Thursday. 'We agreed ...,' X said."
      // else the article's one visit or ceremony, whoever speaks (twenty-first pass)
      const before = elsewhere
        ? undefined
        : (eventBefore(ctx, said.sentence, index, toldOf) ?? soleVisit(said.sentence));
      if (before)
        ctx.propose({
          type: "SAID_AT",
          from: said.to,
          to: before,
          sentence: said.sentence,
          inferred: true,
          confidence: 0.6,
        });
      continue;
    }
    if (latest.sentence !== said.sentence && elsewhere) continue;
    ctx.propose({
      type: "SAID_AT",
      from: said.to,
      to: latest.to,
      sentence: said.sentence,
      inferred: latest.sentence !== said.sentence,
      confidence: 0.65,
    });
  }
}

const DISCUSSED = new WeakMap<Context, { event: Cluster; s: Sentence; from: number }[]>();

/** "Canada is the lead nation ... [Operation Reassurance]"; "the NATO mission" is part of NATO. */
function missions(ctx: Context): void {
  const all = [
    ...new Set(ctx.placed.filter((p) => p.cluster.kind === "Mission").map((p) => p.cluster)),
  ];
  for (const s of ctx.sentences) {
    const here = placedIn(s, ctx.placed);
    const named = ofKind(here, "Mission")[0]?.cluster;
    const generic = /\b(?:mission|battle ?group|operation|deployment)\b/i.test(s.text);
    const mission = named ?? (generic && all.length === 1 ? all[0] : undefined);
    if (!mission) continue;
    const inferred = !named;
    for (const n of ofKind(here, "Nation")) {
      const after = ctx.text.slice(n.mention.end, Math.min(s.end, n.mention.end + 60));
      if (
        /^\s*,?\s+(?:is|was|will be|would be|remains|became|has become|serves as|acts as|as|the)\s+(?:the\s+)?(?:lead|leading|framework)\s+(?:nation|country|state)(?:\s+(?:of|for)\b|\s*[,.;:)]|\s*$|\s+(?:and|which|that|with|since|until)\b|\s+in\s+(?:the\s+)?\p{Lu})/u.test(
          after,
        )
      ) {
        ctx.propose({
          type: "LEADS",
          from: n.cluster,
          to: mission,
          sentence: s,
          inferred,
          confidence: 0.85,
        });
      }
      // "the UK is the largest contributor to the battle group", "Norway, a major contributor to ..."
      const contributor =
        /^\s*,?\s+(?:(?:is|was|remains|has been|had been|became|has become|as)\s+)?(?:one of\s+)?(?:the|a|an)\s+(?:[\w-]+\s+){0,2}contributors?\s+(?:to|of|in)\s+(?:the\s+)?/.exec(
          after,
        );
      // the mission right after it, named or "the mission" of the article's one
      const to = contributor ? n.mention.end + contributor[0].length : -1;
      const contributed = contributor
        ? (ofKind(here, "Mission").find((p) => p.mention.start >= to - 4 && p.mention.start <= to)
            ?.cluster ??
          (!named &&
          /^(?:mission|battle ?group|battlegroup|brigade|operation|rotation)\b/i.test(
            ctx.text.slice(to, to + 12),
          )
            ? mission
            : undefined))
        : undefined;
      if (n.mention.demonym || !contributed) continue;
      ctx.propose({
        type: "CONTRIBUTES_TO",
        from: n.cluster,
        to: contributed,
        sentence: s,
        inferred: contributed === mission && inferred,
        confidence: 0.75,
      });
    }
    for (const a of here.filter((p) => p.cluster.properties.category === "ALLIANCE")) {
      const after = ctx.text.slice(a.mention.end, Math.min(s.end, a.mention.end + 40));
      // "NATO's counter-terrorism Operation X", "the NATO multinational brigade in Latvia": the
      // mission named right there, else the sentence's
      const owned =
        /^(?:’s|'s)?(?:-led)?\s+(?:[\w-]+\s+){0,2}(?:[Mm]ission|battle ?group|[Oo]peration|deployment|presence|brigade)\b/.exec(
          after,
        );
      if (owned) {
        const right = ofKind(here, "Mission").find(
          (p) =>
            p.mention.start >= a.mention.end &&
            p.mention.start <= a.mention.end + owned[0].length + 1,
        );
        ctx.propose({
          type: "PART_OF",
          from: right?.cluster ?? mission,
          to: a.cluster,
          sentence: s,
          confidence: 0.8,
        });
      }
    }
  }
}

/** Where places are: a capital in its nation, a base in its nation, "Eastern Europe" in Europe; events named for a city. */
function places(ctx: Context): void {
  const firstSentence = (c: Cluster) => {
    const m = [...(ctx.filedFrom ?? []), ...ctx.placed].find((p) => p.cluster === c);
    return m ? sentenceOf(ctx, m.mention.start) : undefined;
  };
  // a dateline's place still lies where it lies: "OTTAWA —" is in Canada
  const all = [...(ctx.filedFrom ?? []), ...ctx.placed];
  const clusters = [...new Set(all.map((p) => p.cluster))];
  const named = nationsNamed(ctx);
  for (const p of all) {
    const s = sentenceOf(ctx, p.mention.start);
    if (!s) continue;
    if (p.cluster.kind === "Place") {
      for (const n of p.mention.involves ?? []) {
        ctx.propose({
          type: "LOCATED_IN",
          from: p.cluster,
          to: ctx.entity(n.kind, n.key, n.name, n.properties),
          sentence: s,
          inferred: p.mention.impliedIn === true,
          confidence: p.mention.impliedIn ? 0.75 : 0.85,
        });
      }
    }
    if (p.cluster.kind === "Event" && p.cluster.properties.category !== "CONFLICT") {
      for (const pl of p.mention.involves ?? []) {
        const place = ctx.entity(pl.kind, pl.key, pl.name, pl.properties, undefined);
        ctx.propose({
          type: "LOCATED_IN",
          from: p.cluster,
          to: place,
          sentence: s,
          inferred: true,
          confidence: 0.75,
        });
        ctx.propose({
          type: "HOSTS",
          from: place,
          to: p.cluster,
          sentence: s,
          inferred: true,
          confidence: 0.7,
        });
        const nation = pl.kind === "Place" ? namedCapitalOf(pl.key, named) : undefined;
        if (nation) {
          ctx.propose({
            type: "LOCATED_IN",
            from: place,
            to: ctx.entity(nation.kind, nation.key, nation.name, nation.properties),
            sentence: s,
            inferred: true,
            confidence: 0.75,
          });
        }
      }
    }
  }
  for (const c of clusters) {
    if (c.kind !== "Place") continue;
    const s = firstSentence(c);
    if (!s) continue;
    const nation = namedCapitalOf(c.key, named);
    if (nation) {
      ctx.propose({
        type: "LOCATED_IN",
        from: c,
        to: ctx.entity(nation.kind, nation.key, nation.name, nation.properties),
        sentence: s,
        inferred: true,
        confidence: 0.75,
      });
    }
    // "Eastern Europe" lies within "Europe" when the article names both
    const wider = clusters.find(
      (w) => w !== c && w.kind === "Place" && c.name.endsWith(` ${w.name}`),
    );
    if (wider)
      ctx.propose({
        type: "PART_OF",
        from: c,
        to: wider,
        sentence: s,
        inferred: true,
        confidence: 0.7,
      });
  }
}

/** NATO's members (ISO alpha-3 and when they joined): a nation the article names beside NATO is a member. */
const NATO_MEMBERS: Record<string, string> = {
  BEL: "1949",
  CAN: "1949",
  DNK: "1949",
  FRA: "1949",
  ISL: "1949",
  ITA: "1949",
  LUX: "1949",
  NLD: "1949",
  NOR: "1949",
  PRT: "1949",
  GBR: "1949",
  USA: "1949",
  GRC: "1952",
  TUR: "1952",
  DEU: "1955",
  ESP: "1982",
  CZE: "1999",
  HUN: "1999",
  POL: "1999",
  BGR: "2004",
  EST: "2004",
  LVA: "2004",
  LTU: "2004",
  ROU: "2004",
  SVK: "2004",
  SVN: "2004",
  ALB: "2009",
  HRV: "2009",
  MNE: "2017",
  MKD: "2020",
  FIN: "2023-04",
  SWE: "2024-03",
};

function alliances(ctx: Context): void {
  const nato = ctx.placed.find(
    (p) => p.cluster.key === "nato" || p.cluster.name === "NATO",
  )?.cluster;
  if (!nato) return;
  const at = ctx.publishedAt ?? "9999";
  const seen = new Set<Cluster>();
  // a nation named only as a town's address ("Vilseck, Germany") is named beside nothing (qualifiers.ts)
  const named = new Set(
    ctx.placed.filter((p) => !qualifiesTownBefore(ctx.text, p.mention.start)).map((p) => p.cluster),
  );
  for (const p of ctx.placed) {
    const iso = p.cluster.properties.isoCode;
    if (p.cluster.kind !== "Nation" || typeof iso !== "string" || seen.has(p.cluster)) continue;
    if (!named.has(p.cluster)) continue;
    const joined = NATO_MEMBERS[iso];
    if (!joined || joined > at) continue;
    seen.add(p.cluster);
    // its first mention, unless the text writes it 'non-NATO' there (membership.ts)
    const where = membershipMention(
      ctx,
      ctx.placed.filter((q) => q.cluster === p.cluster),
    );
    const s = where && sentenceOf(ctx, where.mention.start);
    if (s)
      ctx.propose({
        type: "MEMBER_OF",
        from: p.cluster,
        to: nato,
        sentence: s,
        inferred: true,
        confidence: 0.6,
      });
  }
}

/** The nation the article is mostly about: the one named most often (demonyms count). */
/** The words before a nation named as a place: "in ", "to the ", "in Iraq and ", "in Iraq, ". */
const WHERE_BEFORE =
  /\b(?:in|into|to|across|throughout|inside)\s+(?:the\s+)?(?:\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*(?:,\s+|\s+and\s+))*$/u;

function homeNation(ctx: Context): Cluster | undefined {
  if (ctx.publisherNation) {
    const n = ctx.publisherNation;
    return ctx.entity(n.kind, n.key, n.name, n.properties);
  }
  const counts = new Map<Cluster, number>();
  const count = (c: Cluster, w = 1) => counts.set(c, (counts.get(c) ?? 0) + w);
  for (const p of ctx.placed) {
    // "lose ground in Iraq and Syria", "including in Afghanistan and Iraq": a land where things
    // happen counts half; the article's own nation acts, owns and speaks (wild24)
    if (p.cluster.kind === "Nation")
      count(
        p.cluster,
        !p.mention.demonym &&
          WHERE_BEFORE.test(ctx.text.slice(Math.max(0, p.mention.start - 40), p.mention.start))
          ? 0.5
          : 1,
      );
    // "Canadian Armed Forces" counts for Canada
    for (const n of p.mention.involves ?? []) {
      if (n.kind === "Nation" && p.cluster.kind === "Organization")
        count(ctx.entity(n.kind, n.key, n.name, n.properties));
    }
  }
  let best: Cluster | undefined;
  let n = 0;
  let tie = false;
  for (const [c, k] of counts) {
    if (k > n) [best, n, tie] = [c, k, false];
    else if (k === n) tie = true;
  }
  // Only a nation the article clearly centres on: named at least three times, more than any other.
  return n >= 3 && !tie ? best : undefined;
}

const sentenceOf = (ctx: Context, at: number) =>
  ctx.sentences.find((s) => s.start <= at && at < s.end);
/**
 * A visit, meeting or conference: an event people attend (event-participants.ts's isOccasion
 * takes any event but a conflict or a budget).
 */
const isAttended = (c: Cluster) =>
  c.kind === "Event" && /^(?:VISIT|MEETING|CONFERENCE)$/.test(String(c.properties.category));
const dateIn = (ctx: Context, s: Sentence) => inSentence(s, ctx.dates)[0]?.date;
/**
 * The date of an event the sentence tells of at `at`: the sentence's date nearest that word, and
 * for an event told as done (`past`), none after the article's date. "The Netherlands will send
 * 200 soldiers next year, the minister announced on Monday during a visit to Rukla" dated the
 * visit to next year, the sentence's first date.
 */
const dateNear = (ctx: Context, s: Sentence, at: number, past: boolean) => {
  const published = ctx.publishedAt;
  return inSentence(s, ctx.dates)
    .filter((d) => !past || !published || d.date <= published.slice(0, d.date.length))
    .sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at) || a.start - b.start)[0]?.date;
};

const anyCase = (words: string) =>
  words.replace(/(?<![\p{L}\\{[\]])\p{L}/gu, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`);
/** The titles a name may follow after a comma ("Poland's president, Andrzej Duda"). */
const APPOSITIVE_TITLES = anyCase(
  [
    // "secretary(?:-| )general": a letter after a class's bracket stays as written in anyCase
    "(?:deputy |vice |acting )?(?:prime minister|president|chancellor|premier|secretary(?:-| )general|ambassador",
    "(?:deputy )?prime minister and (?:[\\p{L}]+ )?minister(?: of [\\p{L} ]+?)?",
    "minister of [\\p{L} ]+?|(?:(?!the |an? |its |their |and |or )[\\p{L}]+ )?(?:and [\\p{L}]+ )?minister",
    "(?:defen[cs]e|foreign|home) secretary|secretary of (?:defen[cs]e|state)",
    "chief of (?:the )?defen[cs]e(?: staff)?|defen[cs]e chief|army chief)",
  ].join("|"),
);
/**
 * "Germany's defence minister, ", "the German defence minister, ", "the Prime Minister of Latvia, ",
 * "the Minister, the Honourable ": (1) a possessive owner, (2) a capitalised word before the title
 * (a demonym, or a word of the title itself: then read without it), (3) the title, (4) "of X".
 */
const preAppositiveTitle = (adjective: boolean) =>
  new RegExp(
    `(?:\\b(\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}\\p{L}+)?|(?<=\\b[Tt]he\\s)[Aa]lliance)(?:’s|'s)\\s+|\\b(?:[Tt]he\\s+)?(?!The\\b)(${adjective ? "\\p{Lu}\\p{L}+" : "(?!)"})\\s+)?\\b(${APPOSITIVE_TITLES})(?:\\s+(?:of|to|for)\\s+(?:the\\s+)?([^,]{1,50}))?,\\s*(?:the\\s+(?:Right\\s+)?Hon(?:ourable|\\.)\\s+|(?:(?:Lieutenant|Major|Brigadier|Vice|Rear|Air)[- ])?(?:General|Admiral|Colonel|Marshal)\\s+|(?:Gen|Adm|Col|Lt\\.?\\s?Gen|Maj\\.?\\s?Gen)\\.\\s+)?$`,
    "u",
  );
const PRE_APPOSITIVE_TITLE = preAppositiveTitle(true);
const PRE_APPOSITIVE_TITLE_ALONE = preAppositiveTitle(false);
/** Courtesy titles: they are no office ("the Honourable Bill Blair"). */
const COURTESY =
  /^(?:Mr\.?|Mrs\.?|Ms\.?|Dr\.?|(?:the\s+)?(?:Right\s+|Rt\.\s+)?(?:Honourable|Honorable|Hon\.))$/i;

/** "British Prime Minister Boris Johnson" -> LEADS; "Defence Minister Anita Anand" -> SERVES_IN. */
function titles(ctx: Context, home: Cluster | undefined, holders: Map<string, Cluster>): void {
  // Offices inferred (a title with no nation: "Prime Minister Keir Starmer said") wait until every
  // title is read: a person given an office in a named nation anywhere ("the President of the
  // Republic of Lithuania, Gitanas Nausėda") holds no inferred one elsewhere ("President Nausėda
  // thanked the German government").
  const propose = ctx.propose;
  const held: Parameters<Context["propose"]>[0][] = [];
  ctx.propose = (p) => {
    held.push(p);
  };
  try {
    titlesHeld(ctx, (s, at) => hostNation(ctx, s, at) ?? nationOfTitle(ctx, s, home), new Map());
  } finally {
    ctx.propose = propose;
  }
  const stated = new Map<Cluster, Set<string>>();
  for (const p of held.filter((p) => !p.inferred)) {
    const keys = stated.get(p.from) ?? new Set<string>();
    keys.add(p.to.key).add(`government-of-${p.to.key}`);
    stated.set(p.from, keys);
  }
  const visitors = visitorsOf(ctx);
  for (const p of held) {
    const keys = stated.get(p.from);
    if (p.inferred && keys && !keys.has(p.to.key)) continue;
    // "Minister X ... during a visit to Estonia": a visitor holds no office inferred in the
    // nation visited (the article's home nation is theirs to visit, not to serve)
    if (p.inferred && visitors.has(`${p.from.key}|${p.to.key}`)) continue;
    if (p.type === "LEADS" || p.type === "SERVES_IN") holders.set(p.to.key, p.from);
    propose(p);
  }
}

const VISIT_TO =
  /\b(?:visit(?:ed|ing|s)?|(?:visit|trip|travell?ed|travell?ing|flew)\s+to|arrived\s+in|arriving\s+in)\s+(?:the\s+)?$/;

/**
 * "person|nation" for each person a sentence tells visiting a nation, after the person's name in
 * that sentence ("X has met troops during a visit to Estonia", "X visited Latvia"). Linear in the
 * mentions: each nation mention looks back at most a few words.
 */
function visitorsOf(ctx: Context): Set<string> {
  const found = new Set<string>();
  for (const s of ctx.sentences) {
    const here = placedIn(s, ctx.placed);
    const person = here.find((p) => p.cluster.kind === "Person");
    if (!person) continue;
    for (const n of here) {
      if (n.cluster.kind !== "Nation" || n.mention.demonym) continue;
      if (n.mention.start < person.mention.end) continue;
      const before = ctx.text.slice(Math.max(s.start, n.mention.start - 24), n.mention.start);
      if (VISIT_TO.test(before)) found.add(`${person.cluster.key}|${n.cluster.key}`);
    }
  }
  return found;
}

/**
 * The nations each paragraph names as whose, not where ("is in Germany right now" is where), in
 * one pass over the sentences and mentions (both in text order), once an article.
 */
const paragraphNations = new WeakMap<Context, Map<number, Cluster[]>>();
function nationsByParagraph(ctx: Context): Map<number, Cluster[]> {
  const known = paragraphNations.get(ctx);
  if (known) return known;
  const out = new Map<number, Cluster[]>();
  const placed = [...ctx.placed].sort((a, b) => a.mention.start - b.mention.start);
  let k = 0;
  for (const x of ctx.sentences) {
    while (k < placed.length && (placed[k] as Placed).mention.start < x.start) k++;
    for (let j = k; j < placed.length && (placed[j] as Placed).mention.start < x.end; j++) {
      const p = placed[j] as Placed;
      if (
        p.cluster.kind !== "Nation" ||
        p.mention.demonym ||
        p.mention.end > x.end ||
        /\b(?:in|to|at|from|with|into|toward|towards|against|across|visit|visits|visited|visiting|near|for)\s+(?:the\s+)?$/i.test(
          ctx.text.slice(Math.max(0, p.mention.start - 14), p.mention.start),
        )
      )
        continue;
      const list = out.get(x.paragraph) ?? [];
      if (!list.includes(p.cluster)) list.push(p.cluster);
      out.set(x.paragraph, list);
    }
  }
  paragraphNations.set(ctx, out);
  return out;
}

/**
 * The nation a title with none of its own belongs to, in sentence `s`: the one nation the sentence
 * names ("The United Kingdom will ..., Prime Minister Keir Starmer said"), or, where it names
 * none, the nation the article centres on. Several nations named: none.
 */
function nationOfTitle(ctx: Context, s: Sentence, home: Cluster | undefined): Cluster | undefined {
  // a government's own release: its titles are its nation's
  if (ctx.publisherNation) return home;
  const found = nationOfTitleNamed(ctx, s, home);
  // "told a news conference in Riga that Latvia ...": a nation the sentence names where the words
  // were said is not whose the title is (the article's own nation, taken for want of any named,
  // stays: "Prime Minister X opened the talks in Latvia")
  if (found?.named && venueNations(ctx, s).has(found.nation.key)) return undefined;
  return found?.nation;
}

function nationOfTitleNamed(
  ctx: Context,
  s: Sentence,
  home: Cluster | undefined,
): { nation: Cluster; named: boolean } | undefined {
  const nations = [
    ...new Set(
      placedIn(s, ctx.placed)
        .filter(
          (p) =>
            p.cluster.kind === "Nation" &&
            !p.mention.demonym &&
            // "a visit to the air base in Kandahar, Afghanistan": a town's address, where, not whose
            !qualifiesTownBefore(ctx.text, p.mention.start) &&
            // "in Germany", "visited Latvia": where, not whose
            !/\b(?:in|to|at|from|with|into|toward|towards|against|across|visit|visits|visited|visiting|near|for)\s+(?:the\s+)?$/i.test(
              ctx.text.slice(Math.max(s.start, p.mention.start - 14), p.mention.start),
            ) &&
            // "the Prime Minister of Latvia", "Latvia's president": another title's nation
            !/\b(?:minister|president|chancellor|premier|secretary|ambassador|king|queen|ministry)s?(?:\s+of\s+[\p{L} ]+?)?\s+(?:of|to)\s+(?:the\s+)?(?:\p{Lu}\p{L}+,?\s+(?:and\s+)?)*$/iu.test(
              ctx.text.slice(Math.max(s.start, p.mention.start - 50), p.mention.start),
            ) &&
            !/^(?:’s|'s)\s+(?:[\p{L}-]+\s+){0,2}(?:minister|president|chancellor|premier|secretary|ambassador|king|queen|leader|envoy)\b/iu.test(
              ctx.text.slice(p.mention.end, p.mention.end + 40),
            ),
        )
        .map((p) => p.cluster),
    ),
  ];
  if (nations.length === 0) {
    // "Defense Minister Todor Tagarev stated ... He noted that Bulgaria should ...": a paragraph
    // that names other nations but not the article's is about one of those, so the article's
    // nation is no guess for the title (wild25)
    const inParagraph = nationsByParagraph(ctx).get(s.paragraph) ?? [];
    if (home && inParagraph.length > 0 && !inParagraph.includes(home)) return undefined;
    return home ? { nation: home, named: false } : undefined;
  }
  const only = nations.length === 1 ? nations[0] : undefined;
  if (only) return { nation: only, named: true };
  return home && nations.includes(home) ? { nation: home, named: true } : undefined;
}

/** "Former Polish President ", "the former NATO Secretary General ", "Ex-Prime Minister ": then the name. */
const PAST_HOLDER =
  /(?<![\p{L}-])(?:[Ff]ormer|[Ll]ate|[Ee]x-|[Tt]hen-)\s*(?:\p{Lu}[\p{L}.’'-]*\s+|of\s+|the\s+){0,6}$/u;

function titlesHeld(
  ctx: Context,
  /** The nation a title without one belongs to, for the person named at `at` in `s`. */
  homeOf: (s: Sentence, at: number) => Cluster | undefined,
  holders: Map<string, Cluster>,
): void {
  const seen = new Set<string>();
  /** The person holds the office `role` of `target`: LEADS for a leader's role, else SERVES_IN; once each. */
  const holdOffice = (
    person: Cluster,
    role: string,
    target: Cluster,
    sentence: Sentence,
    inferred: boolean,
    confidence: number,
  ) => {
    const type = LEADER_ROLES.test(role) ? "LEADS" : "SERVES_IN";
    const id = `${person.key}|${type}|${target.key}`;
    if (seen.has(id)) return;
    seen.add(id);
    holders.set(target.key, person);
    ctx.propose({
      type,
      from: person,
      to: target,
      properties: { role },
      sentence,
      inferred,
      confidence,
    });
  };
  // the one unit of a kind ("Division") the article names, asked once a kind
  const unitsByHead = new Map<string, Cluster | undefined>();
  const unitNamed = (head: string) => {
    if (!unitsByHead.has(head)) {
      const word = new RegExp(`\\b${head}\\b`, "i");
      const units = new Set(
        ctx.placed
          .filter(
            (x) =>
              (x.cluster.kind === "Organization" || x.cluster.kind === "Mission") &&
              word.test(x.cluster.name),
          )
          .map((x) => x.cluster),
      );
      unitsByHead.set(head, units.size === 1 ? [...units][0] : undefined);
    }
    return unitsByHead.get(head);
  };
  // people given an office by a title just before their name
  const titled = new Set<Cluster>();
  const titledAt = new Set<Mention>();
  for (const p of ctx.placed) {
    const m = p.mention;
    if (p.cluster.kind !== "Person") continue;
    const s = sentenceOf(ctx, m.start);
    if (!s) continue;
    // "Deputy Secretary General of NATO Mircea Geoana", "Chief of Defence of Norway General X":
    // an office "of" a body written before the name (a rank may stand between): the body is the
    // office's, the office the role
    const ofBody = officeOfBodyBefore(ctx, s, m);
    if (ofBody) {
      const { title, body } = ofBody;
      if (PAST_HOLDER.test(ctx.text.slice(Math.max(s.start, m.start - 110), m.start))) continue;
      titled.add(p.cluster);
      titledAt.add(m);
      holdOffice(p.cluster, title, body, s, false, 0.85);
      continue;
    }
    if (!m.role) continue;
    const owner = m.roleOf ? ctx.placed.find((x) => x.mention === m.roleOf)?.cluster : undefined;
    // "the Commander of the Allied Joint Force Command General X": a rank after a body its
    // commander is named of; the person leads the body, the office is the title
    const commandOf =
      m.roleOf && owner?.kind === "Organization"
        ? /\b(Commander|Commanding Officer|Commandant|Head|Chief|Director)\s+of\s+(?:the\s+)?$/i.exec(
            ctx.text.slice(Math.max(s.start, m.roleOf.start - 40), m.roleOf.start),
          )
        : null;
    // "Land Force Commander Brig Gen X": the office right after the body, then the rank
    const officeAfter =
      m.roleOf && owner?.kind === "Organization"
        ? /^(Commander|Commanding Officer|Commandant|Head|Chief|Director)\s+\S/.exec(m.role)
        : null;
    let role = commandOf
      ? (commandOf[1] as string).replace(/^\p{Ll}/u, (c) => c.toUpperCase())
      : officeAfter
        ? (officeAfter[1] as string)
        : m.role.replace(COURTESY, "");
    // "the Secretary General and Prime Minister Cameron discussed": two people, the first named
    // by a title another person of the article holds, not one person's two offices (wild25)
    const pair = /^(.+?)\s+and\s+(.+)$/.exec(role);
    if (
      pair &&
      ctx.placed.some(
        (x) =>
          x.cluster.kind === "Person" &&
          x.cluster !== p.cluster &&
          x.mention.role?.replace(COURTESY, "") === pair[1],
      )
    )
      role = pair[2] as string;
    // "the Division Commander Brig. Gen. X": the one division (corps, brigade, battalion) the
    // article names is the one X commands
    const unitOffice =
      owner === undefined
        ? /\b(Division|Corps|Brigade|Battalion|Regiment)\s+((?:Deputy\s+)?Commander|Chief of Staff)\s+(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u.exec(
            ctx.text.slice(Math.max(s.start, m.start - 60), m.start),
          )
        : null;
    const unit = unitOffice ? unitNamed(unitOffice[1] as string) : undefined;
    if (!role || (RANK.test(role) && !owner && !unit)) continue;
    // "Former Polish President X", "Poland's former President X", "Ex-Prime Minister X": a past
    // holder holds no office (the lower-case titles' rule, for capitalised ones: wild27)
    if (PAST_HOLDER.test(ctx.text.slice(Math.max(s.start, m.start - 70), m.start))) continue;
    // "We cooperate closely with Minister Boris Pistorius": a bare "Minister" says no more of a
    // nation than a rank does (a government's own release aside)
    if (/^Minister$/.test(role) && !owner && !ctx.publisherNation) continue;
    // "Mayor of Klaipėda Arvydas Vaitkus": a title whose place ("of ...") the name's reader cut
    // off is that place's office, not the nation's the sentence names (wild26)
    if (/\sof$/.test(role) && !owner) continue;
    // "Secretary-General Jens Stoltenberg": an organisation's office, never a nation's; in an
    // article that names NATO (and in a sentence naming no other body) it is NATO's
    const general = /^Secretary[- ]General$/i.test(role);
    const alliance =
      general && !/\b(?:United Nations|UN|OSCE|EU|European)\b/.test(s.text)
        ? ctx.placed.find((x) => x.cluster.key === "nato")?.cluster
        : undefined;
    // a holder the reader knows to be another owner's (m.officeOf) is not the article's nation's
    const target =
      unit ?? owner ?? (m.officeOf ? undefined : general ? alliance : homeOf(s, m.start));
    if (!target) continue;
    titled.add(p.cluster);
    titledAt.add(m);
    // "Estonian Navy Commander Jüri Saska": in a navy Commander is a rank, and a rank alone
    // before the name says the person serves there, not that they lead it; "Estonian Navy
    // Commander Captain X" (the office, then the rank) and "Commander of the Estonian Navy X" lead
    const navalRank =
      role === "Commander" &&
      !commandOf &&
      !officeAfter &&
      owner !== undefined &&
      /\b(?:Navy|Naval|Coast Guard)\b/.test(owner.name);
    const leads = unit ? unitOffice?.[2] === "Commander" : LEADER_ROLES.test(role) && !navalRank;
    const type = leads ? "LEADS" : "SERVES_IN";
    const id = `${p.cluster.key}|${type}|${target.key}`;
    if (navalRank) seen.add(`${p.cluster.key}|LEADS|${target.key}`);
    if (seen.has(id)) continue;
    // an owner known only from the office holders' table is inferred, and a stated one later wins
    const known = m.officeOf !== undefined;
    if (!known) seen.add(id);
    holders.set(target.key, p.cluster);
    ctx.propose({
      type,
      from: p.cluster,
      to: target,
      properties: { role: unit && unitOffice ? `${unitOffice[1]} ${unitOffice[2]}` : role },
      sentence: s,
      // the unit is the one its title names: stated, as an owner before the name is
      inferred: unit ? false : !owner || known,
      confidence: owner && !known ? 0.9 : unit ? 0.8 : 0.7,
    });
    // the head of a nation's government leads that government
    const government = ctx.placed.find((x) => x.cluster.key === `government-of-${target.key}`);
    if (
      target.kind === "Nation" &&
      government &&
      /^(?:Prime Minister|President|Chancellor|Premier|Taoiseach)$/.test(role)
    ) {
      ctx.propose({
        type: "LEADS",
        from: p.cluster,
        to: government.cluster,
        properties: { role },
        sentence: s,
        inferred: true,
        confidence: 0.7,
      });
    }
  }
  // A title before, set off by a comma: "the Prime Minister of Latvia, Evika Siliņa", "Germany's
  // defence minister, Boris Pistorius", "the Minister of National Defence, the Honourable Bill
  // Blair", "Poland's president, Andrzej Duda". A title in lower case needs its owner named (a
  // nation's or organisation's possessive, a demonym, or "of X"): "the company's president, X"
  // says nothing of a nation.
  for (const p of people(ctx.placed)) {
    if (titledAt.has(p.mention)) continue;
    const s = sentenceOf(ctx, p.mention.start);
    if (!s) continue;
    const before = ctx.text.slice(Math.max(s.start, p.mention.start - 110), p.mention.start);
    let m = before.match(PRE_APPOSITIVE_TITLE);
    if (!m || m.index === undefined) continue;
    const ownerOf = (words: string | undefined, at: number) =>
      words
        ? ctx.placed.find(
            (x) =>
              (x.cluster.kind === "Nation" || x.cluster.kind === "Organization") &&
              x.mention.start >= at &&
              x.mention.end <= at + words.length,
          )?.cluster
        : undefined;
    // the owner's words: "Germany's", "the German", "of Latvia"; "the Prime Minister of Latvia"
    // is read again without "Prime" for an owner
    let base = p.mention.start - before.length + m.index;
    const adjective = ownerOf(m[2], base + m[0].indexOf(m[2] ?? "\u0000"));
    if (m[2] && !adjective) {
      m = before.match(PRE_APPOSITIVE_TITLE_ALONE);
      if (!m || m.index === undefined) continue;
      base = p.mention.start - before.length + m.index;
    }
    // "the alliance's secretary general, X": the alliance is NATO where the article names it
    const possessive = /^[Aa]lliance$/.test(m[1] ?? "")
      ? ctx.placed.find((x) => x.cluster.key === "nato")?.cluster
      : ownerOf(m[1], base + m[0].indexOf(m[1] ?? "\u0000"));
    const named = ownerOf(m[4], base + m[0].lastIndexOf(m[4] ?? "\u0000"));
    // "the Prime Minister of the company", "Acme's president": an owner that is no nation or
    // organisation; "the Foreign Minister": a capital word that is part of the title
    if ((m[4] && !named) || (m[1] && !possessive)) continue;
    const title = (m[3] ?? "").replace(/\s+/g, " ");
    const owner = possessive ?? adjective ?? named;
    const capitalised = /^\p{Lu}/u.test(title);
    if (!owner && !capitalised) continue;
    const role = capitalised
      ? title
      : title
          .replace(/\b\p{Ll}/gu, (c) => c.toUpperCase())
          .replace(/ (?:Of|For|The|And) /g, (w) => w.toLowerCase());
    const target = owner ?? homeOf(s, p.mention.start);
    if (!target) continue;
    holdOffice(p.cluster, role, target, s, !owner, owner ? 0.85 : 0.65);
  }
  // "Latvian Ambassador to Canada Kaspars Ozoliņš", "1 Canadian Mechanized Brigade commander Col. X"
  for (const p of people(ctx.placed)) {
    const s = sentenceOf(ctx, p.mention.start);
    if (!s) continue;
    const before = ctx.text.slice(Math.max(s.start, p.mention.start - 90), p.mention.start);
    const base = p.mention.start - before.length;
    const envoy = before.match(
      /(\S+)\s+((?:Ambassador|Envoy|High Commissioner|Consul General|Permanent Representative)\s+to\s+(?:the\s+)?\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)*)\s+$/u,
    );
    if (envoy) {
      const at = base + (envoy.index ?? 0);
      const owner = ctx.placed.find(
        (x) =>
          x.cluster.kind === "Nation" &&
          x.mention.start === at &&
          x.mention.text === envoy[1]?.replace(/(?:’s|'s)$/, ""),
      )?.cluster;
      if (owner) {
        const id = `${p.cluster.key}|SERVES_IN|${owner.key}`;
        if (!seen.has(id)) {
          seen.add(id);
          ctx.propose({
            type: "SERVES_IN",
            from: p.cluster,
            to: owner,
            properties: { role: envoy[2] as string },
            sentence: s,
            confidence: 0.85,
          });
        }
      }
    }
    const head = before.match(
      /\s+(commander|commanding officer|chief|head)\s+(?:(?:Lt\.-Col\.|Lt\.-Gen\.|Maj\.-Gen\.|Brig\.-Gen\.|Col\.|Maj\.|Gen\.|Capt\.|Lt\.|Cmdr\.|Adm\.|Lieutenant-Colonel|Colonel|Major|General|Brigadier-General|Captain|Commander)\s+)?$/i,
    );
    if (head) {
      const at = base + (head.index ?? 0);
      const org = ctx.placed.find(
        (x) =>
          x.mention.end === at &&
          (x.cluster.kind === "Organization" || x.cluster.kind === "Mission"),
      )?.cluster;
      if (org) {
        const id = `${p.cluster.key}|LEADS|${org.key}`;
        if (!seen.has(id)) {
          seen.add(id);
          holders.set(org.key, p.cluster);
          ctx.propose({
            type: "LEADS",
            from: p.cluster,
            to: org,
            properties: { role: (head[1] as string).replace(/^\p{Ll}/u, (c) => c.toUpperCase()) },
            sentence: s,
            confidence: 0.8,
          });
        }
      }
    }
    const commanded = commandBeforeName(ctx, s, p) ?? ledByFronted(ctx, s, p);
    if (commanded) {
      const id = `${p.cluster.key}|LEADS|${commanded.org.key}`;
      if (!seen.has(id)) {
        seen.add(id);
        holders.set(commanded.org.key, p.cluster);
        ctx.propose({
          type: "LEADS",
          from: p.cluster,
          to: commanded.org,
          properties: { role: commanded.role },
          sentence: s,
          confidence: 0.8,
        });
      }
    }
  }
  // A command in apposition, as military releases write it: "Brigadier General Jean Dupont,
  // Commander, 7th Armoured Brigade, French Army, said", "Lt. Col. X, commanding officer of the 2nd
  // Battalion,", "Vice Admiral X, NATO Allied Maritime Command Deputy Commander,": the person
  // leads the unit (a deputy or a chief of staff serves in it); the service written after the
  // unit is one the person serves in (the nation it belongs to is left out: the golds differ).
  const byStart = new Map<number, Placed>();
  for (const x of ctx.placed)
    if (x.cluster.kind === "Organization" || x.cluster.kind === "Mission")
      byStart.set(x.mention.start, x);
  for (const p of people(ctx.placed)) {
    const s = sentenceOf(ctx, p.mention.start);
    if (!s) continue;
    const after = ctx.text.slice(p.mention.end, Math.min(s.end, p.mention.end + 160));
    let role: string | undefined;
    let unit: Placed | undefined;
    const pre = COMMAND_BEFORE_UNIT.exec(after);
    if (pre) {
      role = pre[1];
      unit = byStart.get(p.mention.end + pre[0].length);
    }
    if (!unit) {
      const lead = /^,\s+(?:the\s+)?/.exec(after);
      unit = lead ? byStart.get(p.mention.end + lead[0].length) : undefined;
      // "NATO Allied Maritime Command Deputy Commander": the body after its alliance's name
      for (
        let more = unit && byStart.get(unit.mention.end + 1);
        more;
        more = byStart.get(more.mention.end + 1)
      )
        unit = more;
      const tail = unit
        ? COMMAND_AFTER_UNIT.exec(ctx.text.slice(unit.mention.end, unit.mention.end + 60))
        : null;
      role = tail?.[1];
      if (!tail) unit = undefined;
    }
    if (!unit || !role) continue;
    // the apposition closes after the unit (or its service): "Commander of NATO's Combined Air
    // Operations Centre", "Commander of the Lithuanian Air Force Colonel X" are titles of a longer
    // name or of the next person
    const close = ctx.text.slice(unit.mention.end, unit.mention.end + 2);
    // or at a word no name goes on with: "met with Rear Admiral X, Commander, SNMG2 to discuss
    // ..." (wild27); "Commander of NATO forces" stays a longer title
    const closesAtWord =
      /^\s+(?:to|in|at|on|during|from|who|which|and|was|is|has|had|said|says|told|when|while|since|after|before)\s/.test(
        ctx.text.slice(unit.mention.end, unit.mention.end + 12),
      );
    if (pre && !/^(?:[,.;:)]|\s*$)/.test(close) && !closesAtWord) continue;
    const title = role
      .replace(/\s+/g, " ")
      .replace(/(^|\s)(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase())
      .replace(/ Of /g, " of ");
    const leads = !/^(?:Deputy|Vice|Chief of Staff)/.test(title);
    const type = leads ? "LEADS" : "SERVES_IN";
    const propose = (to: Cluster, r: string) => {
      const as = to === unit?.cluster ? type : "SERVES_IN";
      const id = `${p.cluster.key}|${as}|${to.key}`;
      if (seen.has(id)) return;
      seen.add(id);
      ctx.propose({ type: as, from: p.cluster, to, properties: { role: r }, sentence: s });
    };
    if (unit.cluster.kind === "Mission" && type === "SERVES_IN") continue;
    if (leads) holders.set(unit.cluster.key, p.cluster);
    propose(unit.cluster, title);
    // ", 7th Armoured Brigade, French Army,": the service the unit belongs to, as written
    const next = /^,\s+(?:the\s+)?/.exec(ctx.text.slice(unit.mention.end, unit.mention.end + 8));
    const service = next ? byStart.get(unit.mention.end + next[0].length) : undefined;
    const armed = service?.cluster.properties.category === "ARMED_FORCES" ? service : undefined;
    if (armed) propose(armed.cluster, `${title}, ${unit.mention.text}`);
  }
  // Appositions: "Mark Rutte, NATO's secretary general," / "Evika Siliņa, the prime minister of Latvia,"
  for (const p of people(ctx.placed)) {
    const after = ctx.text.slice(p.mention.end, p.mention.end + 120);
    const m = after.match(
      /^,\s+(?!and\s|or\s|but\s)(?:the\s+|an?\s+)?(?:([\p{L}.]+(?:\s\p{Lu}[\p{L}]+)?)(?:’s|'s)\s+|([\p{Lu}][\p{L}]+)\s+)?((?:deputy |vice |acting )?(?:prime minister|president|secretary[- ]general|chancellor|(?:[\p{L}]+ )?minister(?: of [\p{L} ]+?)?|ambassador|chief of the defence staff|defen[cs]e chief|spokes(?:person|man|woman)))(?:\s+(?:of|for)\s+(?:the\s+)?(\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}]+)*))?\s*[,.]/iu,
    );
    if (!m) continue;
    // "X, the Lithuanian Minister of National Defence, Dovilė Šakalienė": the title is the next
    // person's, set before their name
    const next = p.mention.end + (m.index ?? 0) + m[0].length;
    if (
      m[0].endsWith(",") &&
      people(ctx.placed).some(
        (q) =>
          q.mention.start >= next &&
          /^\s*(?:the\s+(?:Right\s+)?Hon(?:ourable|\.)\s+|(?:Gen\.|General|Adm\.|Admiral)\s+)?$/.test(
            ctx.text.slice(next, q.mention.start),
          ),
      )
    )
      continue;
    const ownerText = m[1] ?? m[2] ?? m[4];
    const at = p.mention.end + (m.index ?? 0);
    const named = ctx.placed.find(
      (x) =>
        (x.cluster.kind === "Nation" || x.cluster.kind === "Organization") &&
        x.mention.start >= at &&
        x.mention.start < at + m[0].length &&
        ownerText?.includes(x.mention.text),
    )?.cluster;
    // "the Honourable Bill Blair, Minister of National Defence,": an office written as a title,
    // of the nation the article centres on (as "Minister of National Defence Bill Blair" is)
    const s = sentenceOf(ctx, p.mention.start);
    if (!s) continue;
    const owner =
      named ??
      (!ownerText && !titled.has(p.cluster) && /^\p{Lu}/u.test(m[3] ?? "")
        ? homeOf(s, p.mention.start)
        : undefined);
    if (!owner) continue;
    const role = (m[3] ?? "")
      .replace(/\b\p{Ll}/gu, (c) => c.toUpperCase())
      .replace(/ Of /g, " of ");
    const type = LEADER_ROLES.test(role) ? "LEADS" : "SERVES_IN";
    const id = `${p.cluster.key}|${type}|${owner.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    holders.set(owner.key, p.cluster);
    ctx.propose({
      type,
      from: p.cluster,
      to: owner,
      properties: { role },
      sentence: s,
      inferred: !named,
      confidence: named ? 0.85 : 0.65,
    });
  }
}

/** "Russia invaded Ukraine", "Russia's invasion of Ukraine". */
function invasion(ctx: Context, s: Sentence, here: Placed[]): void {
  for (const p of here) {
    if (p.cluster.kind !== "Event" || p.cluster.properties.category !== "CONFLICT") continue;
    const [a, b] = (p.mention.involves ?? []).map((n) =>
      ctx.entity(n.kind, n.key, n.name, n.properties),
    );
    // "refugees fleeing the war in Ukraine": a known war whose invader the text does not name
    // (events-of-knowledge.ts) has its target only, and lies in it
    if (a && !b && p.mention.impliedIn === true) {
      ctx.propose({
        type: "PARTICIPATED_IN",
        from: a,
        to: p.cluster,
        properties: { role: "target" },
        sentence: s,
        confidence: 0.8,
      });
      ctx.propose({
        type: "LOCATED_IN",
        from: p.cluster,
        to: a,
        sentence: s,
        inferred: true,
        confidence: 0.75,
      });
      continue;
    }
    if (!a || !b || a === b) continue;
    const implied = p.mention.impliedIn === true;
    // "Russia's aggression in/against Ukraine" names the conflict, and who waged it on whom
    // (PARTICIPATED_IN below), but not an invasion: readers record INVADED for "invaded",
    // "invasion" and "attacked" (8 of 8 on tune), never for "aggression" (0 of 3)
    if (!/\baggression\b/i.test(p.mention.text))
      ctx.propose({
        type: "INVADED",
        from: a,
        to: b,
        sentence: s,
        inferred: implied,
        confidence: implied ? 0.75 : 0.9,
      });
    ctx.propose({
      type: "PARTICIPATED_IN",
      from: a,
      to: p.cluster,
      properties: { role: "aggressor" },
      sentence: s,
      confidence: 0.85,
    });
    ctx.propose({
      type: "PARTICIPATED_IN",
      from: b,
      to: p.cluster,
      properties: { role: "target" },
      sentence: s,
      confidence: 0.85,
    });
    ctx.propose({
      type: "LOCATED_IN",
      from: p.cluster,
      to: b,
      sentence: s,
      inferred: true,
      confidence: 0.75,
    });
  }
  // the actors: nations, "Russian forces" (a demonym and its troops), and capitals standing for
  // their nation ("Moscow launched its invasion of Ukraine")
  const actors: { cluster: Cluster; start: number; end: number }[] = [];
  for (const p of here) {
    if (p.cluster.kind === "Nation") {
      if (!p.mention.demonym) {
        actors.push({ cluster: p.cluster, start: p.mention.start, end: p.mention.end });
        continue;
      }
      const troops = /^\s+(?:forces|troops|army|military|soldiers)\b/.exec(
        ctx.text.slice(p.mention.end, p.mention.end + 20),
      );
      if (troops)
        actors.push({
          cluster: p.cluster,
          start: p.mention.start,
          end: p.mention.end + troops[0].length,
        });
    } else if (p.cluster.kind === "Place") {
      const n = capitalOf(p.cluster.key);
      if (n)
        actors.push({
          cluster: ctx.entity(n.kind, n.key, n.name, n.properties),
          start: p.mention.start,
          end: p.mention.end,
        });
    } else if (p.cluster.properties.category === "ARMED_FORCES") {
      const n = p.mention.involves?.find((x) => x.kind === "Nation");
      if (n)
        actors.push({
          cluster: ctx.entity(n.kind, n.key, n.name, n.properties),
          start: p.mention.start,
          end: p.mention.end,
        });
    }
  }
  for (let i = 0; i + 1 < actors.length; i++) {
    const a = actors[i] as (typeof actors)[number];
    const b = actors[i + 1] as (typeof actors)[number];
    const between = ctx.text.slice(a.end, b.start);
    if (
      /^\s+(?:has |had |fully |first )?(?:invaded|invades|attacked|attacks|(?:launched|began|started) (?:its|a|the) (?:[\w-]+ ){0,3}(?:invasion|war) (?:of|on|against))\s+$/.test(
        between,
      ) &&
      a.cluster !== b.cluster &&
      b.cluster.kind === "Nation"
    ) {
      ctx.propose({
        type: "INVADED",
        from: a.cluster,
        to: b.cluster,
        sentence: s,
        confidence: 0.9,
      });
    }
  }
}

/** A ceremony, by the name the event rules give it ("Handover ceremony", "Closing ceremony"). */
export const CEREMONY = /\b(?:ceremony|ceremonies)\b/i;

/**
 * A ceremony is about the mission the sentence telling of it names: "the detachments of the NATO
 * Baltic Air Policing Mission changed over at a ceremony at Siauliai", "the unit serving in NATO
 * Battlegroup Estonia handed over to the French in a ceremony at Tapa" (twenty-first pass; the
 * tune golds relate a handover, rotation or arrival ceremony to its mission, never an exercise to
 * the battle group beside it). With no mission named, "the mission", "the battle group" in that
 * sentence is the article's one mission (inferred). Not a mission troops are sent "for exercise"
 * beside, nor one placed "in" another nation than the ceremony's sentence names.
 */
function ceremoniesAbout(ctx: Context, allMissions: readonly Cluster[]): void {
  const only = allMissions.length === 1 ? allMissions[0] : undefined;
  for (const s of ctx.sentences) {
    if (!CEREMONY.test(s.text)) continue;
    const here = placedIn(s, ctx.placed);
    const ceremonies = [
      ...new Set(
        here
          .filter((p) => p.cluster.kind === "Event" && CEREMONY.test(p.cluster.name))
          .map((p) => p.cluster),
      ),
    ];
    if (ceremonies.length !== 1 || FOR_AN_EXERCISE.test(s.text)) continue;
    const ceremony = ceremonies[0] as Cluster;
    const named = [...new Set(ofKind(here, "Mission").map((p) => p.cluster))];
    for (const m of named)
      ctx.propose({ type: "ABOUT", from: ceremony, to: m, sentence: s, confidence: 0.65 });
    if (
      named.length === 0 &&
      only &&
      /\b(?:the|its|their)\s+(?:(?:multinational|NATO|allied|new)\s+)?(?:mission|battle ?group|battlegroup|brigade|rotation|contingent)\b/i.test(
        s.text,
      )
    )
      ctx.propose({
        type: "ABOUT",
        from: ceremony,
        to: only,
        sentence: s,
        inferred: true,
        confidence: 0.55,
      });
  }
}

/** Troops sent "for exercise X", "to take part in the drills": the exercise is what they are for. */
const FOR_AN_EXERCISE =
  /\b(?:troops|soldiers|forces|personnel|units|sailors|airmen|marines|paratroopers)\b[^.;]{0,60}?\s(?:for|to\s+(?:join|take\s+part\s+in|participate\s+in))\s+(?:the\s+|this\s+)?(?:exercises?|drills?)\s/i;

/** What troops are sent for, right after them: an exercise, not a mission. */
/** What puts troops beside or against a mission rather than in it. */
const NEAR_MISSION =
  /\b(?:near|close to|next to|opposite|facing|across from|bordering|against|threaten(?:s|ed|ing)?|confront(?:s|ed|ing)?|shadow(?:s|ed|ing)?)\b/;
const FOR_EXERCISE =
  /^\s+(?:(?:of|from)\s+[^,.;]{0,50}?\s+)?(?:for|to\s+(?:join|take\s+part\s+in|participate\s+in))\s+(?:the\s+|this\s+|a\s+|an\s+)?(?:(?:joint|multinational|NATO|military|annual|large-scale|[\p{Lu}][\p{L}-]*)\s+){0,3}(?:exercises?|drills?|war\s?games|manoeuvres|maneuvers)\b/u;

const TROOP_NOUN =
  /^(?:[\p{L}’'.-]+\s+){0,4}?(?:troops|soldiers|members|personnel|service members|servicemembers|sailors|aviators|military personnel|forces|marines)\b/u;

/** Troops a mission trains, equips or arms ("train Ukrainian soldiers"), not troops it is sent. */
const TRAINED =
  /\b(?:train|trains|trained|training|equip|equips|equipped|equipping|arm|arms|arming)\s+(?:(?:about|some|around|over|more than|nearly|up to|almost|\d[\d,.]*|[\p{L}’'.-]+)\s+){0,3}$/u;

/** "leads a battlegroup of about": the size of a multinational formation that is led follows. */
const LED_SIZE =
  /\b(?:lead|leads|leading|led|command|commands|commanding|commanded|heads|heading|headed)\s+(?:a|an|the|its)\s+(?:[\p{L}-]+\s+){0,3}(?:battle ?group|battlegroup|force|brigade|formation|mission|division|corps|task force)\s+of\s+(?:about|some|around|roughly|nearly|approximately|up to|more than|over|almost|close to)?\s*$/iu;

/** "..., bringing its contingent there to about": a new total follows. */
const BROUGHT_TO =
  /\b(?:bringing|brings|bring|raising|raises|taking|takes|increasing|increases)\s+(?:its|their|our|the country['’]s|\p{Lu}[\p{L}-]+['’]s)\s+(?:overall\s+|total\s+)?(?:total|contingent|number|force|presence|deployment|troop numbers?|troops?|strength)\b(?:\s+(?:there|in\s+[\p{Lu}][\p{L}-]+|of\s+(?:troops|soldiers)))?\s+to\s+(?:about|some|around|roughly|nearly|almost|more than|over|up to|approximately)?\s*$/u;

/** "Approximately 540 Canadian Armed Forces members are deployed to Latvia under the NATO mission". */
function troops(ctx: Context, s: Sentence, here: Placed[], home?: Cluster): void {
  const numbers = inSentence(s, ctx.quantities).filter(
    (q) => q.type === "NUMBER" && q.value !== null && q.value >= 5,
  );
  let troops: number | undefined;
  let extra: number | undefined;
  let at = -1;
  let nounEnd = -1;
  for (const q of numbers) {
    const after = ctx.text.slice(q.end, Math.min(s.end, q.end + 60));
    const before = ctx.text.slice(Math.max(s.start, q.start - 20), q.start);
    const more =
      /^\s+(?:more|additional|extra|new)\b/.test(after) ||
      /\b(?:additional|another|extra)\s+$/.test(before);
    // "has trained 5,000 Ukrainian soldiers": troops trained, not sent
    if (TRAINED.test(ctx.text.slice(Math.max(s.start, q.start - 40), q.start))) continue;
    // "the British army is leading a battlegroup of about 1,000 NATO troops": the size of what
    // is led, all nations' troops together, not the leader's own contribution (wild25)
    if (LED_SIZE.test(ctx.text.slice(Math.max(s.start, q.start - 90), q.start))) continue;
    // "200 more soldiers ..., bringing its contingent there to about 800": the new total, and the
    // figure before it what is added ("500 soldiers will arrive, bringing the total to 1,500")
    if (
      (troops !== undefined || extra !== undefined) &&
      BROUGHT_TO.test(ctx.text.slice(Math.max(s.start, q.start - 80), q.start))
    ) {
      if (extra === undefined) extra = troops;
      troops = q.value as number;
      continue;
    }
    if (
      TROOP_NOUN.test(after.trim()) ||
      (more && /\b(?:join|deploy|arrive|send|sent)/.test(after))
    ) {
      if (more) extra ??= q.value as number;
      else troops ??= q.value as number;
      if (at < 0) {
        at = q.start;
        const lead = after.length - after.trimStart().length;
        nounEnd = q.end + lead + (TROOP_NOUN.exec(after.trimStart())?.[0].length ?? 0);
      }
    }
  }
  const missions = ofKind(here, "Mission");
  if (troops === undefined && extra === undefined) {
    // "British soldiers will join the battle group", "troops from France and Denmark": no figure,
    // but a troop noun in a sentence that names the mission
    const bare =
      /\b(?:troops|soldiers|personnel|service members|servicemembers|sailors|marines|contingents?)\b/.exec(
        s.text,
      );
    if (!bare || missions.length === 0) return;
    // "trains with Estonian troops", "alongside Polish soldiers": troops beside the mission's
    if (
      /\b(?:with|alongside|against|beside)\s+(?:[\p{L}’'.-]+\s+){0,2}$/u.test(
        s.text.slice(0, bare.index),
      ) ||
      TRAINED.test(s.text.slice(0, bare.index)) ||
      // "Norway and Denmark are expected to contribute troops": not (yet) a contribution
      /\b(?:expected|likely|set|due|invited|asked|urged|considering|considers|consider|mulling|weighing)\s+(?:to\s+)?(?:[\p{L}’'.-]+\s+){0,2}$/u.test(
        s.text.slice(0, bare.index),
      )
    )
      return;
    nounEnd = s.start + bare.index + bare[0].length;
    const lead = /(?:[\p{L}’'.-]+\s+){0,3}$/u.exec(ctx.text.slice(s.start, s.start + bare.index));
    at = s.start + (lead?.index ?? bare.index);
  }
  // "300 soldiers (of the 2nd Cavalry Regiment) for exercise Saber Strike": troops sent for an
  // exercise take part in it (exercise-participants.ts), not in a battle group the sentence names too
  if (FOR_EXERCISE.test(ctx.text.slice(nounEnd, Math.min(s.end, nounEnd + 90)))) return;
  // "KFOR did not plan to reduce the number of its troops from Kosovo": troops cut or withdrawn
  // from where the mission is, no one's contribution (nineteenth pass)
  if (TROOPS_CUT.test(ctx.text.slice(Math.max(s.start, nounEnd - 80), nounEnd))) return;
  // "Russian troops in Belarus drilled near the NATO battle group in Lithuania": troops placed
  // beside or against the mission named after them, not in it
  const named = missions[0];
  if (
    named &&
    named.mention.start >= nounEnd &&
    NEAR_MISSION.test(ctx.text.slice(nounEnd, named.mention.start))
  )
    return;
  let mission = missions[0]?.cluster;
  let inferred = false;
  // where the troops are: "1,000 troops (are stationed) in Lithuania", "Lithuania hosts 1,000 soldiers"
  const placeAt = (from: number) =>
    here.find(
      (p) =>
        p.mention.start === from &&
        (p.cluster.kind === "Nation" || p.cluster.kind === "Place") &&
        !p.mention.demonym,
    );
  let where: Placed | undefined;
  let host: Placed | undefined;
  if (troops !== undefined) {
    const after =
      /^\s*(?:(?:are|were|is|was|have been|has been|had been|will be|would be|remain|remained|currently|now|already|permanently|still)\s+)*(?:(?:stationed|based|deployed|posted|serving|rotating|rotated|garrisoned)\s+)?(?:in|to)\s+(?:the\s+)?/.exec(
        ctx.text.slice(nounEnd, s.end),
      );
    if (after) where = placeAt(nounEnd + after[0].length);
    const hosts =
      /(?:^|[,;:]\s+|\band\s+)(?:the\s+)?(\S[^,;:]*?)\s+(?:hosts|is hosting|has hosted|hosted|will host|is home to|has)\s+(?:about|some|around|nearly|roughly|approximately|more than|over|up to|almost)?\s*$/.exec(
        ctx.text.slice(s.start, at),
      );
    if (hosts?.[1]) {
      const subject = placeAt(s.start + (hosts.index ?? 0) + hosts[0].indexOf(hosts[1]));
      // "Germany has 1,000 troops in Lithuania" names the contributor; "Lithuania hosts" the host
      if (
        subject &&
        subject.mention.end ===
          s.start + (hosts.index ?? 0) + hosts[0].indexOf(hosts[1]) + hosts[1].length &&
        /\bhost|home to/.test(hosts[0])
      )
        host = subject;
    }
  }
  // the article's mission, when the sentence speaks of a mission or puts the troops somewhere
  const sent =
    troops !== undefined &&
    /\b(?:deploy(?:ed|ing|s)?|head(?:ed|ing|s)?|sent|send(?:ing|s)?|arriv(?:e|ed|es|ing)|leav(?:e|es|ing)|left|stationed|based|posted|serving|rotat(?:e|ed|es|ing))\b/.test(
      s.text,
    );
  if (
    !mission &&
    (sent || where || host || /\b(?:mission|battle ?group|operation|deployment)\b/i.test(s.text))
  ) {
    const all = [
      ...new Set(ctx.placed.filter((p) => p.cluster.kind === "Mission").map((p) => p.cluster)),
    ];
    // the mission in the place the troops are ("NATO battle group in Lithuania")
    const there = where ?? host;
    const inThere = there ? all.filter((c) => c.name.endsWith(` in ${there.cluster.name}`)) : [];
    if (inThere.length === 1) mission = inThere[0];
    else if (all.length === 1) mission = all[0];
    else if (all.length > 1) {
      // the one the article names nearest before, in this paragraph or the one before
      mission = ctx.placed
        .filter(
          (p) =>
            p.cluster.kind === "Mission" &&
            p.mention.start < s.start &&
            (sentenceOf(ctx, p.mention.start)?.paragraph ?? -9) >= s.paragraph - 1,
        )
        .pop()?.cluster;
    }
    if (mission) inferred = true;
  }
  if (!mission) return;
  // The contributor: the force or nation named with the troops, else the first nation before them.
  const near = here.filter(
    (p) =>
      p.mention.start >= at &&
      p.mention.end <= nounEnd &&
      (p.cluster.kind === "Nation" || p.cluster.properties.category === "ARMED_FORCES"),
  );
  const contributors = new Set<Cluster>(near.map((p) => p.cluster));
  // "Canadian Armed Forces members": Canada contributes too
  for (const p of near) {
    for (const n of p.mention.involves ?? []) {
      contributors.add(ctx.entity(n.kind, n.key, n.name, n.properties));
    }
  }
  if (contributors.size === 0) {
    // "100 soldiers from 1 Canadian Mechanized Brigade Group"
    const from = ctx.text.slice(nounEnd, Math.min(s.end, nounEnd + 12)).match(/^\s+from\s+/);
    if (from) {
      // "troops from France, Denmark and Iceland": every one of the list
      let end = nounEnd + from[0].length;
      for (const p of here) {
        if (p.mention.start < end) continue;
        if (
          !/^(?:\s*,\s*|\s+and\s+|,\s+and\s+|\s+as well as\s+)?(?:the\s+)?$/.test(
            ctx.text.slice(end, p.mention.start),
          )
        )
          break;
        if (p.cluster.kind !== "Nation" && p.cluster.properties.category !== "ARMED_FORCES") break;
        contributors.add(p.cluster);
        end = p.mention.end;
      }
    }
  }
  if (contributors.size === 0) {
    // "the Canadian Armed Forces' largest overseas mission, with approximately 2,000 troops"
    const force = here
      .filter((p) => p.cluster.properties.category === "ARMED_FORCES" && p.mention.end <= at)
      .pop();
    if (force) {
      contributors.add(force.cluster);
      for (const n of force.mention.involves ?? [])
        contributors.add(ctx.entity(n.kind, n.key, n.name, n.properties));
    }
  }
  if (contributors.size === 0) {
    // (a nation named as where something is, "the brigade in Latvia, which will consist of
    // 3,500 soldiers", is the place, not who sends them)
    const before = ofKind(here, "Nation").filter(
      (p) =>
        p.mention.start < at &&
        !p.mention.demonym &&
        p !== host &&
        !/\b(?:in|into)\s+(?:the\s+)?$/.test(
          ctx.text.slice(Math.max(s.start, p.mention.start - 10), p.mention.start),
        ),
    );
    const n = before[before.length - 1];
    if (n) contributors.add(n.cluster);
  }
  // the nation the troops are in or that hosts them does not contribute them by this sentence
  for (const p of [where, host]) if (p && !near.includes(p)) contributors.delete(p.cluster);
  // "after troops from Russia crossed into Ukraine in Russia's invasion": an invader's troops
  // contribute to no mission the sentence names
  for (const c of invadersIn(here))
    for (const x of contributors) if (x.key === c) contributors.delete(x);
  // "140 soldiers based out of CFB Edmonton": the nation the article is about sends them
  let fromHome = false;
  if (
    contributors.size === 0 &&
    home &&
    troops !== undefined &&
    home !== where?.cluster &&
    home !== host?.cluster &&
    // "the battle group ... in Latvia, which will consist of 3,500 soldiers": the home nation
    // named as where the troops are, or inside the mission's own name, hosts them, it does not send them
    !here.some(
      (p) =>
        (p.cluster === home &&
          /\b(?:in|into|to)\s+(?:the\s+)?$/.test(
            ctx.text.slice(Math.max(s.start, p.mention.start - 10), p.mention.start),
          )) ||
        (p.cluster.kind === "Mission" &&
          (p.mention.involves ?? []).some((n) => n.key === home.key)),
    )
  ) {
    contributors.add(home);
    fromHome = true;
  }
  const date = dateIn(ctx, s);
  const asOf = ctx.publishedAt?.slice(0, 7);
  const properties: Record<string, number | string> = {};
  // "about 1,700 soldiers from Germany, the Netherlands, Norway and Belgium": the figure is all
  // of theirs together, no one nation's
  const several = [...contributors].filter((c) => c.kind === "Nation").length > 1;
  if (troops !== undefined && !several) properties.troops = troops;
  if (extra !== undefined && !several) properties.additionalTroops = extra;
  if (asOf) properties.asOf = asOf;
  for (const c of contributors) {
    if (c === mission) continue;
    ctx.propose({
      type: "CONTRIBUTES_TO",
      from: c,
      to: mission,
      properties,
      sentence: s,
      inferred: inferred || fromHome,
      // a figure the sentence states is worth more than a contribution implied elsewhere
      confidence: fromHome ? 0.65 : inferred ? (troops !== undefined ? 0.76 : 0.65) : 0.85,
    });
  }
  // "Lithuania hosts about 1,000 German soldiers": the host says so
  if (host && host.cluster.kind === "Nation" && host.cluster !== mission)
    ctx.propose({
      type: "HOSTS",
      from: host.cluster,
      to: mission,
      sentence: s,
      inferred,
      confidence: inferred ? 0.7 : 0.8,
    });
  // "1,000 troops in Lithuania": the mission is deployed there
  if (where && !host)
    ctx.propose({
      type: "DEPLOYED_TO",
      from: mission,
      to: where.cluster,
      sentence: s,
      inferred: true,
      confidence: 0.7,
    });
  // "deployed to Latvia", "stationed in Poland"
  for (const where of s.text.matchAll(
    /\b(?:deployed|deploying|deploy|deploys|stationed|based|serving|serve|serves|positioned|arrive|arrives|arrived|arriving|head|heads|headed|heading|sent|send|sending|move|moving|moved|rotate|rotating)\b/g,
  )) {
    const from = s.start + (where.index ?? 0) + where[0].length;
    // the first nation or place the troops are deployed TO or IN ("from Edmonton, Alberta to Latvia")
    const target = here.find(
      (p) =>
        p.mention.start >= from &&
        p.mention.start < from + 80 &&
        (p.cluster.kind === "Nation" || p.cluster.kind === "Place") &&
        !p.mention.demonym &&
        /\b(?:to|in|on|into)\s+(?:the\s+)?(?:(?:country|town|city|region|village) of\s+)?$/.test(
          ctx.text.slice(p.mention.start - 25, p.mention.start),
        ) &&
        // not past the clause: "the battle group stationed there, the ministry in Bucharest said"
        !/;|,\s+(?:the|a|an|which|who|where|while|and|but|said|says|according)\b/i.test(
          ctx.text.slice(from, p.mention.start),
        ),
    );
    if (target) {
      ctx.propose({
        type: "DEPLOYED_TO",
        from: mission,
        to: target.cluster,
        sentence: s,
        confidence: 0.8,
      });
      ctx.propose({
        type: "HOSTS",
        from: target.cluster,
        to: mission,
        sentence: s,
        inferred: true,
        confidence: 0.7,
      });
      break;
    }
  }
  void date;
}

/**
 * "the commander of the NATO mission in Kosovo, KFOR, Enrico Barduani", "Commander SNMG1, Royal
 * Netherlands Navy Commodore Arjen Warnaar" (wild26): a command's title and its mission or body
 * before the person, the body's acronym or place between commas, then only the person's own
 * titles (rank, service). The person leads the body.
 */
function commandBeforeName(
  ctx: Context,
  s: Sentence,
  p: Placed,
): { org: Cluster; role: string } | undefined {
  const bodies = placedIn(s, ctx.placed).filter(
    (x) =>
      (x.cluster.kind === "Mission" || x.cluster.kind === "Organization") &&
      // the alliance's own commands have commanders ("Commander, Allied Maritime Command") (wild27)
      (x.cluster.properties.category !== "ALLIANCE" || /\bCommand$/.test(x.cluster.name)) &&
      x.mention.end <= p.mention.start,
  );
  for (const o of bodies.reverse()) {
    // "the commander of the NATO mission in Kosovo, KFOR, X": the body's description, then its name
    const title =
      /(?:^|[^\p{L}])(commander|commanding officer|head|chief)(?:,\s+|\s+(?:of\s+)?)(?:the\s+)?(?:(?:[\p{L}-]+\s+){0,3}(?:mission|operation|force|group|command)(?:\s+in\s+\p{Lu}[\p{L}-]+)?,\s+)?$/iu.exec(
        ctx.text.slice(Math.max(s.start, o.mention.start - 80), o.mention.start),
      );
    if (!title) continue;
    const gap = ctx.text.slice(o.mention.end, p.mention.start);
    // "Commander, Allied Maritime Command (COM MARCOM), Vice Admiral X": its acronym in brackets
    const aside =
      /^(?:\s+in\s+\p{Lu}[\p{L}-]+)?(?:\s+\([\p{Lu}\d -]{2,16}\))?(?:,\s+[\p{Lu}\d-]{2,10})?,\s+/u.exec(
        gap,
      );
    if (!aside) return undefined;
    const rest = gap.slice(aside[0].length);
    // only the person's own titles, capitalised: "Royal Netherlands Navy Commodore", "Maj. Gen."
    if (
      rest.length > 0 &&
      !(titleGap(` ${rest}`) && /^(?:(?:\p{Lu}[\p{L}.'’-]*|of|the)\s+){1,8}$/u.test(rest))
    )
      return undefined;
    const role = (title[1] as string).replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    return { org: o.cluster, role };
  }
  return undefined;
}

/**
 * "Led by Rear Adm. Brad Williamson (USA N) since July, SNMG2 is ...", "Commanded by Colonel X,
 * the battle group ...": a participle opening the sentence, the person, then the body it speaks of
 * as the subject after the comma (wild27).
 */
function ledByFronted(
  ctx: Context,
  s: Sentence,
  p: Placed,
): { org: Cluster; role: string } | undefined {
  // bounded slices: a sentence of thousands of names stays linear
  if (!/^\s*(?:Led|Commanded|Headed)\s+by\s/.test(s.text.slice(0, 24))) return undefined;
  if (p.mention.start - s.start > 120) return undefined;
  const opening = ctx.text.slice(s.start, p.mention.start);
  const verb =
    /^\s*(Led|Commanded|Headed)\s+by\s+(?:the\s+)?(?:[\p{Lu}][\p{L}.'’-]*\s+){0,4}$/u.exec(opening);
  if (!verb || !titleGap(` ${opening.replace(/^\s*\w+\s+by\s+/, "")}`)) return undefined;
  const after = ctx.text.slice(p.mention.end, Math.min(s.end, p.mention.end + 60));
  const comma =
    /^(?:\s+\([\p{Lu}\d ]{2,10}\))?(?:\s+(?:since|from|until|for)\s+[^,;]{1,30})?,\s+(?:the\s+)?/u.exec(
      after,
    );
  if (!comma) return undefined;
  const at = p.mention.end + comma[0].length;
  const body = placedIn(s, ctx.placed).find(
    (x) =>
      x.mention.start === at &&
      (x.cluster.kind === "Mission" ||
        (x.cluster.kind === "Organization" && x.cluster.properties.category !== "ALLIANCE")),
  );
  return body ? { org: body.cluster, role: "Commander" } : undefined;
}

/**
 * Whether the words from `from` to person `p` are only the command `p` holds, in apposition
 * before the name ("the commander of the NATO mission in Kosovo, KFOR, "): `p` is who is met.
 */
function commandedBetween(ctx: Context, s: Sentence, from: number, p: Placed): boolean {
  const gap = ctx.text.slice(from, p.mention.start);
  return (
    gap.length <= 120 &&
    /^(?:on \p{Lu}\p{L}+ )?(?:with )?the (?:commander|commanding officer|head|chief) of\b/u.test(
      gap,
    ) &&
    !/[;“”"]/.test(gap) &&
    commandBeforeName(ctx, s, p) !== undefined
  );
}

/** "Canada leads the NATO Multinational Brigade in Latvia", "Germany commands the battlegroup". */
function leads(ctx: Context, s: Sentence, here: Placed[]): void {
  for (const m of s.text.matchAll(LEAD_VERB)) {
    const at = s.start + (m.index ?? 0);
    const end = at + m[0].length;
    // the subject: a nation or person, or a nation's armed forces (the nation leads: inferred),
    // right before the verb or before ", which"
    const subject = here
      .filter(
        (p) =>
          (p.cluster.kind === "Nation" ||
            p.cluster.kind === "Person" ||
            (p.cluster.kind === "Organization" &&
              p.cluster.properties.category === "ARMED_FORCES" &&
              (p.mention.involves ?? []).some((n) => n.kind === "Nation"))) &&
          !p.mention.demonym &&
          p.mention.end <= at,
      )
      .pop();
    if (!subject || !LEAD_GAP.test(ctx.text.slice(subject.mention.end, at))) continue;
    // "will take over command of", "is set to assume command of": a handover to come, not a
    // LEADS today (the vocabulary has no planned LEADS): nothing drafted
    if (
      /^(?:took|takes|take|taken|assumed|assumes|assume)\b/.test(m[0]) &&
      /\b(?:will|shall|set to|due to|going to|to)\s+$/.test(ctx.text.slice(subject.mention.end, at))
    )
      continue;
    // "no longer leads", "has never led"
    if (
      /\b(?:no longer|not|never|n[o’']t)\s+(?:\w+\s+)?$/.test(
        ctx.text.slice(subject.mention.end, at),
      )
    )
      continue;
    const object = here.find(
      (p) =>
        p.mention.start >= end &&
        p.mention.start <= end + 12 &&
        ["Organization", "Mission", "Nation"].includes(p.cluster.kind) &&
        !p.mention.demonym &&
        p.cluster.properties.category !== "ALLIANCE",
    );
    const obj =
      object ??
      here.find(
        (p) =>
          p.mention.start >= end &&
          p.mention.start <= end + 12 &&
          ["Organization", "Mission"].includes(p.cluster.kind) &&
          p.cluster.properties.category === "ALLIANCE" &&
          /^(?:’s|'s)?\s+[\p{Ll}]/u.test(ctx.text.slice(p.mention.end, p.mention.end + 4)) ===
            false,
      );
    if (subject.cluster.kind === "Nation" && (!obj || obj.cluster.kind === "Nation")) {
      if (brigadeLed(ctx, s, here, subject.cluster, end)) continue;
    }
    const forces = subject.cluster.kind === "Organization";
    const nation = forces
      ? (subject.mention.involves ?? []).find((n) => n.kind === "Nation")
      : undefined;
    const from = nation
      ? ctx.entity(nation.kind, nation.key, nation.name, nation.properties)
      : subject.cluster;
    // an armed force leads only a mission ("the Canadian Armed Forces command the battle group")
    if (!obj || obj.cluster === from || (forces && obj.cluster.kind !== "Mission")) continue;
    // "will lead in Latvia", "led talks with Germany": the verb has no object named
    if (
      /\b(?:in|at|on|to|with|for|from|by|of|talks|efforts|calls)\b/.test(
        ctx.text.slice(end, obj.mention.start),
      )
    )
      continue;
    ctx.propose({
      type: "LEADS",
      from,
      to: obj.cluster,
      sentence: s,
      inferred: forces,
      confidence: forces ? 0.7 : 0.8,
    });
  }
}

/**
 * "The Joint Expeditionary Force (JEF), led by the United Kingdom,", "the UK-led Joint
 * Expeditionary Force": the nation leads the organisation or mission.
 */
function ledBy(ctx: Context, s: Sentence, here: Placed[]): void {
  const led = (p: Placed) =>
    (p.cluster.kind === "Organization" && p.cluster.properties.category !== "ALLIANCE") ||
    p.cluster.kind === "Mission";
  const nationAt = (at: number) =>
    here.find((n) => n.cluster.kind === "Nation" && !n.mention.demonym && n.mention.start === at);
  for (const p of here) {
    if (!led(p)) continue;
    const after =
      /^(?:\s*\([^)]{1,12}\))?,\s+(?:which is\s+|currently\s+)?led by\s+(?:the\s+)?/.exec(
        ctx.text.slice(p.mention.end, s.end),
      );
    const n = after ? nationAt(p.mention.end + after[0].length) : undefined;
    if (n)
      ctx.propose({ type: "LEADS", from: n.cluster, to: p.cluster, sentence: s, confidence: 0.8 });
    // "SNMG1, led by Norwegian Navy Commodore Ole Morten Sandquist, arrives": the person after
    // capitalised titles (a service, a rank) commands it (extwild28)
    if (after && !n) {
      const from = p.mention.end + after[0].length;
      const person = here.find(
        (x) =>
          x.cluster.kind === "Person" && x.mention.start >= from && x.mention.start - from <= 60,
      );
      if (
        person &&
        /^(?:\p{Lu}[\p{L}.'’-]*\s+){0,5}$/u.test(ctx.text.slice(from, person.mention.start)) &&
        /^\s*(?:\([^)]{1,12}\)\s*)?[,)]/.test(
          ctx.text.slice(person.mention.end, person.mention.end + 20),
        )
      )
        ctx.propose({
          type: "LEADS",
          from: person.cluster,
          to: p.cluster,
          properties: { role: "Commander" },
          sentence: s,
          confidence: 0.8,
        });
    }
  }
  for (const n of here) {
    if (n.cluster.kind !== "Nation" || n.mention.demonym) continue;
    const after = /^-led\s+(?:[\p{L}]+\s+){0,2}/u.exec(ctx.text.slice(n.mention.end, s.end));
    if (!after) continue;
    const at = n.mention.end + after[0].length;
    const p = here.find(
      (x) => led(x) && x.mention.start >= n.mention.end + 5 && x.mention.start <= at,
    );
    // (a battle group's own "UK-led" is read where its mention is made)
    if (p && !p.mention.ledBy)
      ctx.propose({ type: "LEADS", from: n.cluster, to: p.cluster, sentence: s, confidence: 0.8 });
  }
}

/** What a nation sends a mission: ships, jets, troops, a company, a battalion. */
const LIST_GAP = /^(?:,\s*|\s+and\s+|,\s+and\s+)$/;
const LIST_GAP_THE = /^(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?$/;

/**
 * The coordinated subject starting at `nations[i]`: it and the nations that follow it joined only
 * by commas or "and" ("Finland and Sweden", "Denmark, Norway and Iceland"); with `the`, a list
 * whose names may take "the" ("Czechia, Germany and the United States").
 */
function coordinated(ctx: Context, nations: readonly Placed[], i: number, the = false): Placed[] {
  const subject = [nations[i] as Placed];
  for (let j = i + 1; j < nations.length; j++) {
    const last = subject[subject.length - 1] as Placed;
    const next = nations[j] as Placed;
    const between = ctx.text.slice(last.mention.end, next.mention.start);
    if (!(the ? LIST_GAP_THE : LIST_GAP).test(between)) break;
    subject.push(next);
  }
  return subject;
}

/**
 * "Germany leads the brigade in Lithuania": the mission the article has in that nation, else the
 * nation's brigade there ("German brigade in Lithuania"), led by it, deployed there.
 */
function brigadeLed(
  ctx: Context,
  s: Sentence,
  here: Placed[],
  nation: Cluster,
  at: number,
): boolean {
  const m =
    /^(?:(?:new|multinational|armou?red|heavy|mechani[sz]ed|forward)\s+)*brigade\s+(?:(?:stationed|based|deployed)\s+)?in\s+(?:the\s+)?/.exec(
      ctx.text.slice(at, s.end),
    );
  if (!m) return false;
  const host = here.find(
    (p) =>
      p.cluster.kind === "Nation" &&
      !p.mention.demonym &&
      p.mention.start === at + m[0].length &&
      p.cluster !== nation,
  )?.cluster;
  if (!host) return false;
  const there = [
    ...new Set(
      ctx.placed
        .filter(
          (p) =>
            p.cluster.kind === "Mission" &&
            /\b[Bb]rigade\b/.test(p.cluster.name) &&
            (p.cluster.name.endsWith(` in ${host.name}`) ||
              p.cluster.name.endsWith(` ${host.name}`)),
        )
        .map((p) => p.cluster),
    ),
  ];
  const demonym = GAZETTEER.find((g) => g.demonym && g.entity.key === nation.key)?.form;
  if (there.length > 1 || (there.length === 0 && !demonym)) return false;
  const name = `${demonym} brigade in ${host.name}`;
  const mission =
    there[0] ??
    ctx.entity(
      "Mission",
      slug(name),
      name,
      {},
      {
        start: at + m[0].indexOf("brigade"),
        end: at + m[0].indexOf("brigade") + "brigade".length,
        text: "brigade",
      },
    );
  ctx.propose({ type: "LEADS", from: nation, to: mission, sentence: s, confidence: 0.75 });
  if (there.length === 0) {
    ctx.propose({ type: "DEPLOYED_TO", from: mission, to: host, sentence: s, confidence: 0.75 });
    ctx.propose({
      type: "HOSTS",
      from: host,
      to: mission,
      sentence: s,
      inferred: true,
      confidence: 0.7,
    });
  }
  return true;
}

/** "leads", "has led", "will command", "is leading", "took command of", "heads" ... "the". */
const LEAD_VERB =
  /\b(?:leads|led|lead|leading|commands|commanded|command|commanding|heads|headed|head|heading|(?:took|takes|take|taken|assumed|assumes|assume) (?:over )?(?:the )?command of|(?:(?:is|are|was|were) )?in (?:command|charge) of)\s+(?:the\s+)?/g;
/** Between the subject and the verb: nothing, an adverb or an auxiliary, or ", which (has) ...". */
const LEAD_GAP =
  /^(?:\s+\(\p{Lu}[\p{L} .]{0,10}\))?(?:,\s+(?:which|who)\b)?(?:\s+(?:now|also|currently|still|already|has|have|had|will|would|is|are|was|were|been|to|set to|due to|going to|no longer|not|never|jointly))*\s+$/u;

/**
 * When a visit was, between "visit" and "to": "paid a visit from 27 to 29 December to the air
 * base", "made a visit on Monday to Tapa", "paid a visit last week to Riga" (wild24).
 */
const VISIT_WHEN =
  "(?: from \\d{1,2}(?: \\p{Lu}\\p{L}+)? (?:to|until|till|through) \\d{1,2}(?: \\p{Lu}\\p{L}+)?| on (?:\\d{1,2} )?\\p{Lu}\\p{L}+(?: \\d{1,2})?| (?:last|this|next) (?:week|weekend|month))?";
const VISIT_VERB = new RegExp(
  `\\b(?:visited|visits|visiting|(?:will|to|would) visit|travell?ed to|travell?ing to|arrived in|arrives in|arriving in|arrived at|reached|reaches|came to|comes to|went to|flew to|landed in|stopped in|(?:made|makes|making) (?:his|her|their) way to|head(?:ed|s|ing)? to|was welcomed in|were welcomed in|(?:was|were) at|toured|tours|(?:made|paid|pays|make|pay|began|begins|begun|started|starts|concluded|concludes|completed|ended|wrapped up|[Oo]n|[Dd]uring) (?:a|an|his|her|their) (?:[\\w-]+ ){0,2}(?:visit|trip)${VISIT_WHEN} to|(?:'s|’s) (?:[\\w-]+ )?(?:visit|trip)${VISIT_WHEN} to|(?:is|was|were|are)(?= in\\s+\\p{Lu})),?\\s`,
  "u",
);

/**
 * "During his visit to Kosovo, Rutte is expected to be accompanied by ...", "During the visit to
 * Riga, she will meet ...": the clause after a visit phrase tells of a visit to come (wild26).
 */
function plannedClause(ctx: Context, clauseEnd: number, s: Sentence): boolean {
  return /^,\s+[^,;]{0,60}?\b(?:will|shall|(?:is|are)\s+(?:expected|set|due|scheduled|going|planning|to)\b)/u.test(
    ctx.text.slice(clauseEnd, s.end),
  );
}

/** "Trudeau and Anand visited a military base in Latvia on Tuesday alongside Stoltenberg". */
function visits(ctx: Context, s: Sentence, here: Placed[]): void {
  const m = VISIT_VERB.exec(s.text);
  if (!m) return;
  // "Freeland is in Germany": only right after the person's name
  if (
    /^(?:is|was|were|are)\s$/.test(m[0]) &&
    !people(here).some((p) => /^\s*$/.test(ctx.text.slice(p.mention.end, s.start + (m.index ?? 0))))
  )
    return;
  const verbAt = s.start + (m.index ?? 0);
  const nominal = /^(?:[Dd]uring|[Oo]n) /.test(m[0]);
  const clauseEnd = (() => {
    const rest = ctx.text.slice(verbAt, s.end);
    // "During a visit to Latvia, ...": the phrase ends at its comma
    const comma = nominal ? rest.indexOf(",") : -1;
    if (comma > 0) return verbAt + comma;
    const stop = rest.search(
      /,\s*(?:where|which|and then|but)\b|;|\s(?:where|after|before|because)\s/,
    );
    return stop < 0 ? s.end : verbAt + stop;
  })();
  // "X began his visit – meeting with Y, Z, visiting troops": Y and Z, met, are no visitors; the
  // visitors stand before the first word of meeting ("met", "meeting") after the first of them
  const first = people(here).find((p) => p.mention.end <= verbAt);
  const metAt = first
    ? ctx.text.slice(first.mention.end, verbAt).search(/\b(?:met|meets|meeting)\b/)
    : -1;
  const visitorsEnd = first && metAt >= 0 ? first.mention.end + metAt : verbAt;
  let who = people(here).filter(
    (p) =>
      p.mention.end <= visitorsEnd &&
      !/\b(?:said|says|told)\b/.test(ctx.text.slice(p.mention.end, verbAt)) &&
      // "SNMG1, led by Commodore X, arrived in Plymouth": the group's commander, named in an
      // apposition, is not who the sentence says arrived (extwild28)
      !/,\s+(?:which\s+is\s+|currently\s+)?(?:led|commanded|headed)\s+by\s+[^,;]{0,60}$/.test(
        ctx.text.slice(Math.max(s.start, p.mention.start - 80), p.mention.start),
      ),
  );
  // "..., marking Rutte's first visit to Türkiye": the possessor is the visitor, not the clause's
  // subjects (the ministers who attended the meeting) (wild27)
  if (/^['’]s\s/.test(m[0])) who = people(here).filter((p) => p.mention.end === verbAt);
  // "He later travelled to Riga": the pronoun opening the sentence is the person last named
  const pronoun = /^(?:He|She)(?:\s+(?:then|later|also|subsequently|afterwards|next))?\s+$/.exec(
    ctx.text.slice(s.start, verbAt),
  );
  if (who.length === 0 && pronoun) {
    const last = lastPersonBefore(ctx, s.start);
    if (last)
      who = [
        {
          mention: {
            start: s.start,
            end: s.start + 2,
            text: pronoun[0],
            kind: "Person",
            name: last.name,
          },
          cluster: last,
        },
      ];
  }
  // "During a visit to Latvia, Trudeau said ...": the visitor is the subject after the phrase
  if (who.length === 0 && nominal) {
    const quoted = quotedSpans(s);
    const next = people(here).find(
      (p) =>
        p.mention.start >= clauseEnd &&
        !quoted.some((q) => q.start <= p.mention.start && p.mention.end <= q.end),
    );
    // only the clause's subject: "On a trip to Vilnius, the ministers were welcomed by X" makes
    // X the host, not the visitor
    if (next && !NOT_SUBJECT.test(ctx.text.slice(clauseEnd, next.mention.start))) who = [next];
  }
  const along = ctx.text.slice(verbAt, clauseEnd).search(/\b(?:alongside|with|accompanied by)\b/);
  // "visited, with a group of officers, the division's headquarters in Elbląg": the companions
  // stand between the commas, the places after them
  const aside =
    along >= 0 && /,\s$/.test(m[0]) ? ctx.text.slice(verbAt + along, clauseEnd).indexOf(",") : -1;
  const companionsEnd = aside > 0 ? verbAt + along + aside : clauseEnd;
  const companions =
    along < 0
      ? []
      : people(here).filter(
          (p) => p.mention.start > verbAt + along && p.mention.end <= companionsEnd,
        );
  const places = here.filter(
    (p) =>
      (p.cluster.kind === "Nation" || p.cluster.kind === "Place") &&
      !p.mention.demonym &&
      p.mention.start > verbAt &&
      p.mention.end <= clauseEnd &&
      (along < 0 ||
        p.mention.start < verbAt + along ||
        (aside > 0 && p.mention.start > companionsEnd)),
  );
  // "visited the NATO battle group in Finland": the mission's host is the place visited
  if (places.length === 0) {
    for (const mission of ofKind(here, "Mission")) {
      if (mission.mention.start <= verbAt || mission.mention.end > clauseEnd) continue;
      for (const n of mission.mention.involves ?? [])
        places.push({
          mention: { ...mission.mention, kind: n.kind, name: n.name, involves: [] },
          cluster: ctx.entity(n.kind, n.key, n.name, n.properties),
        });
    }
  }
  // "will visit", "is due to visit", "plans to visit": a visit to come is no visit made; the
  // visit is still an event the article tells of, with who is to take part, but no VISITED
  const planned =
    /^(?:will|to|would)\s/.test(m[0]) || (nominal && plannedClause(ctx, clauseEnd, s));
  const date = dateNear(
    ctx,
    s,
    verbAt,
    !planned && !/^(?:visits|visiting|arrives|comes|reaches|tours|pays|makes|making)\b/.test(m[0]),
  );
  for (const v of planned
    ? []
    : [...who.map((p) => [p, 0.85] as const), ...companions.map((p) => [p, 0.7] as const)]) {
    for (const pl of places) {
      ctx.propose({
        type: "VISITED",
        from: v[0].cluster,
        to: pl.cluster,
        properties: date ? { date } : {},
        sentence: s,
        confidence: v[1],
      });
    }
  }
  // A visit proper ("visited", "a visit to", "toured"), not an arrival: an event of its own
  const visitors = [...new Set([...who, ...companions].map((p) => p.cluster))];
  const site = places.find((p) => p.cluster.kind === "Place") ?? places[0];
  if (!site || visitors.length === 0 || !/visit|tour|trip/i.test(m[0])) return;
  const nation =
    site.cluster.kind === "Nation"
      ? undefined
      : (site.mention.involves?.find((n) => n.kind === "Nation") ?? capitalOf(site.cluster.key));
  const only = visitors.length === 1 ? visitors[0] : undefined;
  const surname = only ? (only.name.split(/\s+/).pop() ?? only.name) : undefined;
  const event = ctx.entity(
    "Event",
    slug(`${surname ? `${surname} ` : ""}visit to ${site.cluster.name}`),
    `${only ? `${surname}'s visit` : "Visit"} to ${site.cluster.name.replace(/^(?=Military|Air|Naval|Army)/, "a ").replace(/^a (\p{Lu})/u, (_, c: string) => `a ${c.toLowerCase()}`)}`,
    { category: "VISIT", ...(date ? { date } : {}) },
  );
  for (const v of visitors)
    ctx.propose({
      type: "PARTICIPATED_IN",
      from: v,
      to: event,
      properties: { role: only ? "visitor" : "attendee" },
      sentence: s,
      confidence: 0.75,
    });
  told(ctx, event, s);
  if (hostsByPlace(site.cluster))
    ctx.propose({ type: "HOSTS", from: site.cluster, to: event, sentence: s, confidence: 0.75 });
  ctx.propose({ type: "LOCATED_IN", from: event, to: site.cluster, sentence: s, confidence: 0.75 });
  if (nation) {
    const n = ctx.entity(nation.kind, nation.key, nation.name, nation.properties);
    ctx.propose({
      type: "HOSTS",
      from: n,
      to: event,
      sentence: s,
      inferred: true,
      confidence: 0.7,
    });
    ctx.propose({
      type: "LOCATED_IN",
      from: event,
      to: n,
      sentence: s,
      inferred: true,
      confidence: 0.7,
    });
  }
}

/** A verb that cuts or withdraws troops, up to six words before the troop noun. */
const TROOPS_CUT =
  /\b(?:reduce|reduces|reduced|reducing|cut|cuts|cutting|withdraw|withdraws|withdrew|withdrawn|withdrawing|pull(?:s|ed|ing)?\s+out|scale(?:s|d)?\s+back|draw(?:s|ing)?\s+down|drew\s+down)\s+(?:[\p{L}’'.,-]+\s+){0,6}(?:troops|soldiers|personnel|service members|servicemembers|sailors|marines|contingents?)$/u;

/** A troop noun and "from" right before a nation: "its troops from Kosovo". */
const TROOP_NOUN_FROM =
  /(troops|soldiers|personnel|service members|servicemembers|sailors|marines|contingents?)\s+from\s+(?:the\s+)?$/;

/** A mission the EU's or the UN's name or acronym marks as theirs, never NATO's. */
const OTHER_BODYS_MISSION =
  /(?:^|\s)(?:EU[A-Z]{0,7}|European Union|UN[A-Z]{0,6}|United Nations|MINUS[A-Z]+|MONUSCO|OSCE)(?=\s|['’]|$)/;

/** "the UK-led NATO battle group in Estonia": deployed there, hosted there, led, part of NATO. */
function battleGroups(ctx: Context): void {
  let nato = ctx.placed.find((p) => p.cluster.key === "nato")?.cluster;
  for (const p of ctx.placed) {
    if (p.cluster.kind !== "Mission") continue;
    if (!nato && /\bNATO\b/.test(p.mention.text))
      nato = ctx.entity("Organization", "nato", "NATO", { category: "ALLIANCE" });
    const s = sentenceOf(ctx, p.mention.start);
    if (!s) continue;
    const entity = (n: {
      kind: Kind;
      key: string;
      name: string;
      properties: Record<string, string>;
    }) => ctx.entity(n.kind, n.key, n.name, n.properties);
    const implied = p.mention.impliedIn === true;
    for (const n of p.mention.involves ?? []) {
      const host = entity(n);
      ctx.propose({
        type: "DEPLOYED_TO",
        from: p.cluster,
        to: host,
        sentence: s,
        inferred: implied,
        confidence: 0.8,
      });
      ctx.propose({
        type: "HOSTS",
        from: host,
        to: p.cluster,
        sentence: s,
        inferred: true,
        confidence: 0.75,
      });
      // a battle group is NATO's; a nation's brigade abroad is not said to be, nor another
      // body's mission ("EUBAM Libya", "the EU Training Mission in Mali", "UNIFIL")
      if (
        nato &&
        !/\b[Bb]rigade\b/.test(p.mention.text) &&
        !OTHER_BODYS_MISSION.test(p.cluster.name)
      )
        ctx.propose({
          type: "PART_OF",
          from: p.cluster,
          to: nato,
          sentence: s,
          inferred: !/NATO/.test(p.mention.text),
          confidence: 0.75,
        });
    }
    // NATO's formations and standing activities: "Multinational Division North East", "the Baltic
    // Air Policing mission", "Eastern Sentry" are NATO's where the article names NATO
    if (
      nato &&
      /^(?:Multi-?[Nn]ational (?:Brigade|Division|Corps|Battle ?[Gg]roup)\b|(?:Baltic|Icelandic|Black Sea|Enhanced|NATO) Air Policing$|(?:Eastern|Baltic|Arctic) Sentry$|Standing NATO (?:Maritime|Mine Countermeasures) Group \d$)/.test(
        p.cluster.name,
      )
    )
      ctx.propose({
        type: "PART_OF",
        from: p.cluster,
        to: nato,
        sentence: s,
        inferred: !/\bNATO(?:’s|'s)?\s+$/.test(
          ctx.text.slice(Math.max(0, p.mention.start - 8), p.mention.start),
        ),
        confidence: 0.75,
      });
    if (p.mention.ledBy)
      ctx.propose({
        type: "LEADS",
        from: entity(p.mention.ledBy),
        to: p.cluster,
        sentence: s,
        confidence: 0.8,
      });
    groupInSentence(ctx, s, p);
  }
}

/** "four new battle groups in Bulgaria, Hungary, Romania and Slovakia": the list before the nations. */
const GROUPS_BEFORE_LIST =
  /\b(?:[Bb]attle ?[Gg]roups|[Bb]attlegroups|[Cc]ombat [Gg]roups)\s+(?:(?:based|stationed|deployed|formed|set up)\s+)?(?:in|on the territory of)\s+(?:the\s+)?$/;

/**
 * Battle groups named in the plural by the nations they are in: "NATO decided to establish four
 * new multinational battlegroups in Bulgaria, Hungary, Romania and Slovakia", "The Alliance has
 * had battle groups in Estonia, Latvia, Lithuania and Poland". One mission per nation, named as
 * the singular is ("NATO battle group in X"), so a later "the battle group in Hungary" is the same
 * one: deployed there, hosted there, part of NATO where the article names NATO. A list of one is
 * not read (the singular rule reads "the battle group in X"), nor groups not NATO's: the article
 * must name NATO, and the sentence must not give them to another owner ("Russia's battle groups").
 */
function battleGroupLists(ctx: Context): void {
  const nato = ctx.placed.find((p) => p.cluster.key === "nato")?.cluster;
  if (!nato) return;
  for (const s of ctx.sentences) {
    const nations = placedIn(s, ctx.placed).filter(
      (p) => p.cluster.kind === "Nation" && !p.mention.demonym,
    );
    for (const [i, n] of nations.entries()) {
      const before = ctx.text.slice(Math.max(s.start, n.mention.start - 60), n.mention.start);
      const cue = GROUPS_BEFORE_LIST.exec(before);
      if (!cue) continue;
      const phraseAt = n.mention.start - before.length + cue.index;
      // "Russia's battle groups in Belarus and ...": another owner's
      const owner = ctx.text.slice(Math.max(s.start, phraseAt - 40), phraseAt);
      if (
        /(?:’s|'s)\s+(?:\p{L}+\s+){0,3}$/u.test(owner) &&
        !/\b(?:NATO|[Aa]lliance)(?:’s|'s)\s+(?:\p{L}+\s+){0,3}$/u.test(owner)
      )
        continue;
      const list = coordinated(ctx, nations, i);
      if (list.length < 2) continue;
      const span = {
        start: phraseAt,
        end:
          phraseAt +
          cue[0].trimEnd().replace(/\s+(?:in|on the territory of)(?:\s+the)?$/, "").length,
        text: "",
      };
      span.text = ctx.text.slice(span.start, span.end);
      const stated = /\bNATO\b/.test(s.text);
      for (const x of list) {
        const name = `NATO battle group in ${x.cluster.name}`;
        const g = ctx.entity("Mission", slug(name), name, {}, span);
        ctx.propose({ type: "DEPLOYED_TO", from: g, to: x.cluster, sentence: s, confidence: 0.8 });
        ctx.propose({
          type: "HOSTS",
          from: x.cluster,
          to: g,
          sentence: s,
          inferred: true,
          confidence: 0.75,
        });
        ctx.propose({
          type: "PART_OF",
          from: g,
          to: nato,
          sentence: s,
          inferred: !stated,
          confidence: 0.75,
        });
      }
      break;
    }
  }
}

/** The invaders of the invasions among `xs` ("Russia's invasion of Ukraine": Russia), by key. */
function invadersIn(xs: readonly Placed[]): Set<string> {
  const out = new Set<string>();
  for (const p of xs)
    if (p.cluster.kind === "Event" && p.cluster.properties.category === "CONFLICT") {
      const first = p.mention.involves?.[0];
      if (first) out.add(first.key);
    }
  return out;
}

/** "troops from Czechia, Germany and Slovakia", "their colleagues from Hungary and Turkey". */
const FROM_LIST_BEFORE =
  /\b(?:troops|soldiers|forces|personnel|service members|servicemen|contingents|units|colleagues|people)\s+from\s+(?:the\s+)?$/i;

/**
 * Who a mission is made of, by where its people come from: "Troops from Montenegro, Croatia, USA
 * and Italy arrived in Hungary where they will establish a NATO battlegroup together with their
 * colleagues from Hungary and Turkey", "Italy is a big part of this group, but there are people
 * from Albania, Montenegro ...". The nations listed contribute to the mission the sentence names,
 * or, where the sentence speaks of "the battlegroup" or "this group", to the article's one
 * mission. Troops from a list that "took part in" an exercise take part in it, every nation of
 * the list (the exercise rule reads a subject of one). Not read: a nation that invades in the
 * article ("troops from Russia"), a list in a sentence with no mission, a mission of no article.
 */
function troopsFrom(ctx: Context): void {
  const invaders = invadersIn(ctx.placed);
  const missions = [
    ...new Set(ctx.placed.filter((p) => p.cluster.kind === "Mission").map((p) => p.cluster)),
  ];
  for (const s of ctx.sentences) {
    const here = placedIn(s, ctx.placed);
    const nations = here.filter((p) => p.cluster.kind === "Nation" && !p.mention.demonym);
    const named = ofKind(here, "Mission").map((p) => p.cluster);
    const mission =
      named.length === 1
        ? named[0]
        : named.length === 0 &&
            missions.length === 1 &&
            /\b(?:the|this|our|its) (?:multinational )?(?:battle ?group|battlegroup|group|mission)\b/i.test(
              s.text,
            )
          ? missions[0]
          : undefined;
    const exercise = ofKind(here, "Event").find(
      (e) =>
        e.cluster.properties.category !== "CONFLICT" &&
        /\b(?:took|take|takes|taking) part in\s+(?:the\s+)?(?:\p{L}+\s+){0,3}$|\bparticipat\w* in\s+(?:the\s+)?(?:\p{L}+\s+){0,3}$/iu.test(
          ctx.text.slice(Math.max(s.start, e.mention.start - 60), e.mention.start),
        ),
    );
    for (let i = 0; i < nations.length; i++) {
      const n = nations[i] as Placed;
      const before = ctx.text.slice(Math.max(s.start, n.mention.start - 40), n.mention.start);
      if (!FROM_LIST_BEFORE.test(before)) continue;
      // "reduce the number of its troops from Kosovo": withdrawn from there, not sent by it
      const noun = TROOP_NOUN_FROM.exec(before);
      if (noun) {
        const nounEnd = n.mention.start - before.length + noun.index + (noun[1]?.length ?? 0);
        if (TROOPS_CUT.test(ctx.text.slice(Math.max(s.start, nounEnd - 80), nounEnd))) continue;
      }
      const all = coordinated(ctx, nations, i, true);
      i += all.length - 1;
      const list = all.filter((x) => !invaders.has(x.cluster.key));
      const last = list[list.length - 1];
      if (!last) continue;
      for (const x of list) {
        if (mission)
          ctx.propose({
            type: "CONTRIBUTES_TO",
            from: x.cluster,
            to: mission,
            sentence: s,
            inferred: true,
            confidence: 0.7,
          });
        // "Troops from A and B took part in exercise X"
        if (
          exercise &&
          exercise.mention.start > last.mention.end &&
          /^\s*(?:have\s+|had\s+|will\s+)?(?:took|take|taken|taking|participated|participate)\b/.test(
            ctx.text.slice(last.mention.end, exercise.mention.start),
          )
        )
          ctx.propose({
            type: "PARTICIPATED_IN",
            from: x.cluster,
            to: exercise.cluster,
            sentence: s,
            confidence: 0.7,
          });
      }
    }
  }
}

/**
 * What a sentence says around a battle group: who leads it ("Led by France, the battle group",
 * "under the command of Germany"), who is in it ("includes US, British and Romanian forces",
 * "made up of troops from ..."), and the town or base it is placed at ("the battle group in
 * Orzysz", "is stationed at the training centre in Cincu").
 */
function groupInSentence(ctx: Context, s: Sentence, g: Placed): void {
  const here = placedIn(s, ctx.placed);
  const nations = here.filter((p) => p.cluster.kind === "Nation");
  const lead = s.text.match(/\b(?:[Ll]ed by|under the (?:command|leadership) of)\s+(?:the\s+)?/);
  // "through the EU Military Assistance Mission and Operation Interflex, led by the United
  // Kingdom": "led by" is the nearest mission's before it, where one is named before it
  const leadAt = s.start + (lead?.index ?? 0);
  const nearest = here.filter((p) => p.cluster.kind === "Mission" && p.mention.end <= leadAt).pop();
  if (lead && (!nearest || nearest.cluster === g.cluster)) {
    const at = s.start + (lead.index ?? 0) + lead[0].length;
    const by = nations.find((n) => n.mention.start === at && !n.mention.demonym);
    if (by)
      ctx.propose({ type: "LEADS", from: by.cluster, to: g.cluster, sentence: s, confidence: 0.8 });
    if (by)
      ctx.propose({
        type: "CONTRIBUTES_TO",
        from: by.cluster,
        to: g.cluster,
        sentence: s,
        inferred: true,
        confidence: 0.7,
      });
  }
  const cue =
    /\b(?:includes|included|including|include|comprises|comprised of|consists of|is made up of|made up of|brings together|with (?:troop |military )?contributions from|with (?:troops|soldiers|forces|personnel|units) from|((?:manned|staffed|formed|composed|crewed)\s+(?:by|of|from)(?:\s+troops\s+from)?))\s+/.exec(
      ctx.text.slice(g.mention.end, s.end),
    );
  if (cue) {
    const from = g.mention.end + cue.index + cue[0].length;
    // "will be manned by Germany, Norway and the Netherlands": the list right after a passive
    // verb, not a nation further on ("formed by motorized elements ..., when it was deployed to
    // Poland")
    const passive = /^(?:manned|staffed|formed|composed|crewed)/.test(cue[1] ?? "");
    let listEnd = from;
    for (const n of nations) {
      if (n.mention.start < from || n.cluster === g.cluster) continue;
      if (passive) {
        if (
          !/^(?:,\s*|\s+and\s+|,\s+and\s+)?(?:the\s+)?$/.test(
            ctx.text.slice(listEnd, n.mention.start),
          )
        )
          break;
        listEnd = n.mention.end;
      }
      // the list after the verb, and what follows "in cooperation with"
      ctx.propose({
        type: "CONTRIBUTES_TO",
        from: n.cluster,
        to: g.cluster,
        sentence: s,
        inferred: /\bcooperation with|alongside|together with\b/.test(
          ctx.text.slice(from, n.mention.start),
        ),
        confidence: 0.75,
      });
    }
  }
  contributorsNamedAs(ctx, s, g, nations);
  // "the battle group in Orzysz", "is stationed at the Joint National Training Centre in Cincu"
  // (a nation, where the mission's name does not already say where it is: "the Baltic Air
  // Policing mission in Lithuania", "Task Force Narva in Estonia")
  const placed = (g.mention.involves ?? []).length > 0;
  for (const pl of here) {
    const where =
      pl.cluster.kind === "Place" ||
      (pl.cluster.kind === "Nation" && !placed && !pl.mention.demonym);
    if (!where || pl.mention.start < g.mention.end) continue;
    const between = ctx.text.slice(g.mention.end, pl.mention.start);
    if (
      !/^\s*(?:(?:mission|operation)\s+)?(?:\(\p{L}+\)\s+)?(?:(?:is|are|was|were|has been|have been|remains|will be)\s+)?(?:(?:stationed|based|deployed|located|positioned|headquartered)\s+)?(?:in|at)\s+(?:the\s+\p{Lu}[\p{L}’' -]{2,60}?\s+in\s+)?$/u.test(
        between,
      )
    )
      continue;
    ctx.propose({
      type: "DEPLOYED_TO",
      from: g.cluster,
      to: pl.cluster,
      sentence: s,
      confidence: 0.8,
    });
    ctx.propose({
      type: "HOSTS",
      from: pl.cluster,
      to: g.cluster,
      sentence: s,
      inferred: true,
      confidence: 0.7,
    });
    break;
  }
}

/** "... as contributor states", "as contributing nations", "as troop contributors". */
const AS_CONTRIBUTORS =
  /^,?\s+as\s+(?:(?:troop|force)[- ])?(?:contributors?|contributing\s+(?:nations|states|countries|allies)|contributor\s+(?:nations|states|countries))\b/;

/**
 * "The battle group has France as framework nation, and Belgium, Luxembourg and Spain as
 * contributor states" (wild26): the list of nations right before "as contributor states", after
 * the group's name, contributes to it.
 */
function contributorsNamedAs(ctx: Context, s: Sentence, g: Placed, nations: Placed[]): void {
  const after = nations.filter(
    (n) => n.mention.start >= g.mention.end && n.cluster !== g.cluster && !n.mention.demonym,
  );
  for (let i = after.length - 1; i >= 0; i--) {
    const last = after[i] as Placed;
    if (!AS_CONTRIBUTORS.test(ctx.text.slice(last.mention.end, s.end))) continue;
    let j = i;
    while (
      j > 0 &&
      /^(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?$/.test(
        ctx.text.slice((after[j - 1] as Placed).mention.end, (after[j] as Placed).mention.start),
      )
    )
      j--;
    for (const n of after.slice(j, i + 1))
      ctx.propose({
        type: "CONTRIBUTES_TO",
        from: n.cluster,
        to: g.cluster,
        sentence: s,
        confidence: 0.75,
      });
    i = j;
  }
}

const SUMMIT_RE =
  /\b(?:(?:[Tt]he|[Aa]n?|[Tt]his|[Nn]ext|[Ll]ast|[Uu]pcoming|[Aa]nnual|[Rr]ecent|[Tt]wo-day|one-day|year['’]s|week['’]s|month['’]s|\d{4})\s+)+((?:NATO|EU|G7|G20|G-7|G-20|\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?)\s+)?(?:(?:leaders['’]?|heads of state)\s+)?[Ss]ummit\b(\s+(?:in|at)\s+)?/gu;

/**
 * NATO's summits by the town that held them (or will): "the Vilnius summit" in a 2025 article is
 * 2023's, not the article's year. A town that held several gives the one nearest the article.
 */
const NATO_SUMMITS: Readonly<Record<string, readonly number[]>> = {
  prague: [2002],
  istanbul: [2004],
  riga: [2006],
  bucharest: [2008],
  strasbourg: [2009],
  kehl: [2009],
  lisbon: [2010],
  chicago: [2012],
  newport: [2014],
  // held at Newport, and known by its nation: "the Wales summit"
  wales: [2014],
  warsaw: [2016],
  brussels: [2017, 2018, 2021],
  london: [2019],
  madrid: [1997, 2022],
  vilnius: [2023],
  washington: [1999, 2024],
  "the-hague": [2025],
  ankara: [2026],
};

function natoSummitYear(placeKey: string | undefined, publishedAt: string | undefined) {
  const years = placeKey ? NATO_SUMMITS[placeKey] : undefined;
  if (!years) return undefined;
  const at = publishedAt ? Number(publishedAt.slice(0, 4)) : undefined;
  if (at === undefined) return years.length === 1 ? String(years[0]) : undefined;
  const nearest = years.reduce((a, b) => (Math.abs(b - at) < Math.abs(a - at) ? b : a));
  return String(nearest);
}

/**
 * Summits: "at the NATO summit in The Hague" is an event (keyed like `nato-summit-the-hague-2025`)
 * the place hosts and lies in, the alliance holds, and the people the sentence puts there attend;
 * a later "the summit" is the same one.
 */
function summits(ctx: Context): void {
  const alliance = ctx.placed.find((p) => p.cluster.key === "nato")?.cluster;
  const found: { event: Cluster; org?: Cluster; place?: Cluster }[] = [];
  const bare: { s: Sentence; at: number; end: number }[] = [];
  for (const s of ctx.sentences) {
    const here = placedIn(s, ctx.placed);
    for (const m of s.text.matchAll(SUMMIT_RE)) {
      const at = s.start + (m.index ?? 0);
      const end = at + m[0].length;
      const headAt = m[1] ? at + m[0].indexOf(m[1]) : -1;
      // "at The Hague summit": the town's name takes in the "The" the pattern read as a determiner
      const head = m[1]
        ? here.find(
            (p) =>
              p.mention.start >= at &&
              p.mention.end > headAt &&
              p.mention.end <= headAt + (m[1] ?? "").length,
          )
        : undefined;
      if (m[1] && !head) continue; // "the Ottawa Summit": a named event, found as such
      const org = head?.cluster.kind === "Organization" ? head.cluster : undefined;
      let place = head && head.cluster.kind !== "Organization" ? head.cluster : undefined;
      if (m[2])
        place ??= here.find(
          (p) =>
            p.mention.start === end && (p.cluster.kind === "Place" || p.cluster.kind === "Nation"),
        )?.cluster;
      if (!org && !place) {
        bare.push({ s, at, end });
        continue;
      }
      // "a summit in Paris" in an article on NATO need not be NATO's: the alliance holds it when the
      // sentence speaks of it or of allies, or calls it "the summit"
      const holder =
        org ??
        (alliance &&
        (/\b(?:NATO|[Aa]llies|[Aa]llied|[Aa]lliance)\b/.test(s.text) || /^the\b/i.test(m[0]))
          ? alliance
          : undefined);
      const year =
        m[0].match(/\b\d{4}\b/)?.[0] ??
        (holder?.key === "nato" ? natoSummitYear(place?.key, ctx.publishedAt) : undefined) ??
        inSentence(s, ctx.dates)[0]?.date.slice(0, 4) ??
        ctx.publishedAt?.slice(0, 4);
      const sentenceDate = inSentence(s, ctx.dates)[0]?.date;
      // "the 2016 NATO summit" named in a 2017 sentence: the summit's own year, not the sentence's date
      const date =
        sentenceDate && year && !sentenceDate.startsWith(year) ? year : (sentenceDate ?? undefined);
      const name = `${holder ? `${holder.name} summit` : "Summit"}${place ? ` in ${place.name}` : ""}`;
      const event = ctx.entity(
        "Event",
        slug(`${holder?.key ?? ""} summit ${place?.key ?? ""} ${year ?? ""}`),
        name,
        { category: "CONFERENCE", ...(date ? { date } : {}) },
        {
          start:
            head && head.mention.start < headAt
              ? head.mention.start
              : at + (m[0].match(/^(?:the|a|an)\s+/i)?.[0].length ?? 0),
          end,
          text: ctx.text.slice(at, end).trim(),
        },
      );
      found.push({ event, ...(holder ? { org: holder } : {}), ...(place ? { place } : {}) });
      summitRelations(ctx, s, here, event, holder, place, !org, at, end);
    }
  }
  const events = [...new Set(found.map((f) => f.event))];
  const only = events.length === 1 ? found[0] : undefined;
  for (const b of bare) {
    if (only) {
      summitRelations(
        ctx,
        b.s,
        placedIn(b.s, ctx.placed),
        only.event,
        undefined,
        undefined,
        true,
        b.at,
        b.end,
      );
    }
  }
}

function summitRelations(
  ctx: Context,
  s: Sentence,
  here: Placed[],
  event: Cluster,
  org: Cluster | undefined,
  place: Cluster | undefined,
  orgInferred: boolean,
  at: number,
  end: number,
): void {
  told(ctx, event, s);
  if (place) {
    if (hostsByPlace(place))
      ctx.propose({ type: "HOSTS", from: place, to: event, sentence: s, confidence: 0.8 });
    ctx.propose({ type: "LOCATED_IN", from: event, to: place, sentence: s, confidence: 0.8 });
  }
  if (org)
    ctx.propose({
      type: "PARTICIPATED_IN",
      from: org,
      to: event,
      properties: { role: "host" },
      sentence: s,
      inferred: orgInferred || true,
      confidence: 0.7,
    });
  // who the sentence puts at the summit: "X said at the summit", "X will attend the summit"
  const cue = SUMMIT_CUE.test(ctx.text.slice(Math.max(s.start, at - 70), at));
  if (!cue) return;
  // "the decisions made at the 2016 summit": what the summit did, not who was there
  if (
    /\b(?:made|taken|agreed|reached|adopted|decided|set|launched|approved)\s+at\s+$/.test(
      ctx.text.slice(Math.max(s.start, at - 30), at),
    )
  )
    return;
  const quoted = quotedSpans(s);
  const outside = (p: Placed) =>
    !quoted.some((q) => q.start <= p.mention.start && p.mention.end <= q.end);
  const who = people(here).filter(outside);
  const nations = ofKind(here, "Nation").filter(
    (n) => outside(n) && !n.mention.demonym && n.mention.end <= at && n.cluster !== place,
  );
  // the first nation, and those joined to it ("Greece and Turkey met on the sidelines of ...")
  const subjects =
    who.length > 0 ? who : nations.length > 0 ? coordinated(ctx, nations, 0, true) : [];
  for (const p of subjects) {
    if (p.mention.start >= at && p.mention.end <= end) continue;
    ctx.propose({
      type: "PARTICIPATED_IN",
      from: p.cluster,
      to: event,
      properties: { role: "attendee" },
      sentence: s,
      confidence: 0.65,
    });
  }
}

/**
 * A part of an event is the event for who is there: "taking part in the second and final day of a
 * NATO defence ministers' meeting", "told the opening session of the summit".
 */
const EVENT_PART =
  "(?:(?:first|second|third|final|last|opening|closing|concluding)\\s+(?:and\\s+(?:final|last|closing)\\s+)?(?:day|session|round|part)s?\\s+of\\s+(?:the\\s+|an?\\s+|this\\s+year['’]s\\s+)?)?";
const PARTICIPATION_CUE = new RegExp(
  `\\b(speaking|spoke|speech|remarks|addressed|address|attended|attending|attends|at|during|to|told|took part in|take part in|takes part in|taking part in|participated in|participating in|participates in|participate in|chaired|chairs|host|hosts|hosted|hosting)\\s+(?:the\\s+|an?\\s+)?${EVENT_PART}$`,
  "i",
);
const SUMMIT_CUE = new RegExp(
  `\\b(?:at|attend(?:s|ed|ing)?|during|on the sidelines of|took part in|take part in|taking part in|participat\\w* in|to|told|tells|telling|address(?:ed|es|ing)?|briefed|briefing)\\s+(?:the\\s+)?${EVENT_PART}$`,
  "i",
);

/** "Speaking at the Ottawa Conference on Security and Defence, Stoltenberg ..." */
function participation(ctx: Context, s: Sentence, here: Placed[]): void {
  for (const e of ofKind(here, "Event")) {
    if (e.cluster.properties.category === "CONFLICT") continue;
    const before = ctx.text.slice(Math.max(s.start, e.mention.start - 80), e.mention.start);
    const m = before.match(PARTICIPATION_CUE);
    if (!m) continue;
    const role = /speak|spoke|speech|remarks|address/i.test(m[1] ?? "")
      ? "speaker"
      : /^host/i.test(m[1] ?? "")
        ? "host"
        : "attendee";
    const who = people(here);
    const subject = who.find((p) => p.mention.start > e.mention.end) ?? who[0];
    if (subject)
      ctx.propose({
        type: "PARTICIPATED_IN",
        from: subject.cluster,
        to: e.cluster,
        properties: { role },
        sentence: s,
        confidence: role === "speaker" ? 0.8 : 0.7,
      });
    // "the Ottawa Conference": named for the place that hosts it
    const place = ctx.placed.find(
      (p) => p.cluster.kind === "Place" && e.mention.text.startsWith(p.mention.text),
    );
    if (place)
      ctx.propose({
        type: "LOCATED_IN",
        from: e.cluster,
        to: place.cluster,
        sentence: s,
        inferred: true,
        confidence: 0.7,
      });
  }
}

const EXERCISE_BEFORE =
  /(?<![\p{L}’'-])((?:(?!(?:in|the|a|an|at|to|of|on|for|with|part)\s)[\p{L}’'-]+\s+){0,3})(?:exercises?|drills?|manoeuvres?|maneuvers?)\s+$/u;

/** Between an exercise's name and where it is held, when the name comes first. */
const EXERCISE_HEAD_IN =
  /^\s+(?:(?:military|naval|joint|multinational|live-fire|field)\s+)?(?:exercises?|drills?|manoeuvres?|maneuvers?)\s+in\s+(?:the\s+)?$/;

/**
 * A named exercise: the nations and alliance in its description take part ("the Russian-Belarusian
 * military exercise Zapad '17", "the NATO defence exercise X"), so does the subject of "take part
 * in" / "join" before it, and it lies where "in <place>" right after it says.
 */
function exercises(ctx: Context, s: Sentence, here: Placed[]): void {
  for (const e of ofKind(here, "Event")) {
    const before = ctx.text.slice(Math.max(s.start, e.mention.start - 60), e.mention.start);
    const phrase = EXERCISE_BEFORE.exec(before);
    if (!phrase) {
      // "the two-week Iron Wolf exercise in Lithuania": the head word after the name
      heldIn(ctx, s, here, e, EXERCISE_HEAD_IN);
      continue;
    }
    const phraseStart = e.mention.start - (before.length - (phrase.index ?? 0));
    told(ctx, e.cluster, s);
    const participants = new Map<Cluster, { inferred: boolean; role?: string }>();
    for (const p of here) {
      if (p.mention.start < phraseStart || p.mention.end > e.mention.start) continue;
      if (p.cluster.kind === "Nation") participants.set(p.cluster, { inferred: true });
      else if (p.cluster.properties.category === "ALLIANCE")
        participants.set(p.cluster, { inferred: true, role: "host" });
    }
    const join =
      /\b(?:(?:are|is|were|was|will be)\s+)?(?:taking part|took part|take part|takes part|participat\w*|joined|join|joins|joining)\s+in\s+(?:the\s+)?$|\b(?:joined|join|joins|joining)\s+(?:the\s+)?$/.exec(
        ctx.text.slice(s.start, phraseStart),
      );
    if (join) {
      const verbAt = s.start + (join.index ?? 0);
      const subject = here
        .filter(
          (p) =>
            p.mention.end <= verbAt &&
            ["Nation", "Person", "Organization"].includes(p.cluster.kind) &&
            /^(?:\s+(?:soldiers|troops|forces|units|personnel|sailors|aviators|marines|service members))?\s*$/.test(
              ctx.text.slice(p.mention.end, verbAt),
            ),
        )
        .pop();
      if (subject) {
        participants.set(subject.cluster, { inferred: false });
        for (const n of subject.mention.involves ?? [])
          if (n.kind === "Nation")
            participants.set(ctx.entity(n.kind, n.key, n.name, n.properties), { inferred: true });
      }
    }
    for (const [c, how] of participants)
      ctx.propose({
        type: "PARTICIPATED_IN",
        from: c,
        to: e.cluster,
        properties: how.role ? { role: how.role } : {},
        sentence: s,
        inferred: how.inferred,
        confidence: 0.7,
      });
    heldIn(ctx, s, here, e, /^\s+in\s+(?:the\s+)?$/);
  }
}

/** A clause after a share that tells of something else: a plan, a pledge, another speaker. */
const OTHER_CLAUSE =
  /;|,?\s+(?:and|but|while|whereas)\s+(?:[\p{L}’'-]+\s+){0,3}?(?:has|have|had|will|would|said|says|plans?|aims?|intends?|wants?|pledged|promised|vowed|is|are)\b/u;

/**
 * Words between a phrase of visiting ("During a visit to Latvia,") and a person that make the
 * person something else than the subject who visited: met, hosted or welcomed by them, or told of.
 */
const NOT_SUBJECT =
  /\b(?:by|was|were|is|are|had|has|have|met|meets|meet|welcomed|hosted|greeted|received|told|said|thanked|with|and)\b/i;

/**
 * Whether an event told as happening at `place` ("met in Bratislava", "a summit in Madrid") is
 * also hosted by it. A nation hosts what happens on its soil; a town, base or building is only
 * where it happened (LOCATED_IN says so): readers record a host city for 7 of 34 events placed in
 * a town (the tune golds), and a drafted one was right 5 times in 13. "Vilnius will host the
 * summit" still makes one (hostedEvents).
 */
const hostsByPlace = (place: Cluster) => place.kind === "Nation";

/** An event at a place: LOCATED_IN there, and a nation HOSTS it (inferred, a little less sure). */
function eventAt(
  ctx: Context,
  event: Cluster,
  place: Cluster,
  s: Sentence,
  confidence = 0.8,
): void {
  ctx.propose({ type: "LOCATED_IN", from: event, to: place, sentence: s, confidence });
  if (!hostsByPlace(place)) return;
  ctx.propose({
    type: "HOSTS",
    from: place,
    to: event,
    sentence: s,
    inferred: true,
    confidence: Math.round((confidence - 0.1) * 100) / 100,
  });
}

function heldIn(ctx: Context, s: Sentence, here: Placed[], e: Placed, gap: RegExp): void {
  const where = here.find(
    (p) =>
      (p.cluster.kind === "Place" || p.cluster.kind === "Nation") &&
      !p.mention.demonym &&
      gap.test(ctx.text.slice(e.mention.end, p.mention.start)),
  );
  if (where) eventAt(ctx, e.cluster, where.cluster, s);
}

/**
 * "Latvia hosted the exercise Crystal Arrow", "Vilnius will host the summit": HOSTS; and an
 * alliance's ministerial meeting is one the alliance takes part in, where "in <place>" says.
 */
function hosting(ctx: Context, s: Sentence, here: Placed[]): void {
  hostedBy(ctx, s, here);
  for (const e of ofKind(here, "Event")) {
    const host = here.find(
      (p) =>
        (p.cluster.kind === "Nation" || p.cluster.kind === "Place") &&
        !p.mention.demonym &&
        p.mention.end <= e.mention.start &&
        /^\s+(?:(?:will|would|is to|is set to)\s+)?(?:host|hosts|hosted|hosting|is hosting|was hosting)\s+(?:the\s+|a\s+|an\s+|this\s+year['’]s\s+)?(?:[\p{L}-]+\s+){0,3}$/u.test(
          ctx.text.slice(p.mention.end, e.mention.start),
        ),
    );
    if (host)
      ctx.propose({
        type: "HOSTS",
        from: host.cluster,
        to: e.cluster,
        sentence: s,
        confidence: 0.8,
      });
    if (!/-ministers-meeting$/.test(e.cluster.key)) continue;
    const org = GAZETTEER.find(
      (g) => g.entity.kind === "Organization" && e.mention.text.includes(`${g.form} `),
    )?.entity;
    if (org) {
      const c = ctx.entity(org.kind, org.key, org.name, org.properties);
      ctx.propose({
        type: "PARTICIPATED_IN",
        from: c,
        to: e.cluster,
        properties: { role: "host" },
        sentence: s,
        inferred: true,
        confidence: 0.7,
      });
      // the body's own meeting is about the body; "the Baltic, Nordic and Visegrad Group foreign
      // ministers' meeting" is one the group takes part in among others
      if (
        !/,|\band\b/.test(
          e.cluster.name.split(/ (?:defen[cs]e|foreign|finance) ministers/)[0] ?? "",
        )
      )
        ctx.propose({
          type: "ABOUT",
          from: e.cluster,
          to: c,
          sentence: s,
          inferred: true,
          confidence: 0.6,
        });
    }
    heldIn(ctx, s, here, e, /^\s+in\s+$/);
  }
}

/** After an event or mission, the passive: "BALTOPS, hosted this year by Sweden", "is hosted by". */
const HOSTED_BY_AFTER =
  /^(?:\s+(?:\d{2,4}|['’]\d\d))?(?:\s+(?:in|at)\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)?\s*(?:,\s*)?(?:(?:which|that)\s+)?(?:(?:is|was|will\s+be|has\s+been|had\s+been|are|were)\s+)?(?:being\s+)?(?:co-)?hosted\s+(?:(?:this|last|next)\s+year\s+|again\s+|jointly\s+|for\s+the\s+first\s+time\s+|once\s+more\s+)?by\s+(?:the\s+)?$/iu;
/** How far apart (in characters) a host and what it hosts may stand in these constructions. */
const HOSTED_REACH = 100;
/** Before the host, at a clause's start: "Hosted by Estonia, the drills ...". */
const HOSTED_BY_LEAD =
  /(?:^|[;:]\s*|,\s*)(?:(?:[Cc]o-)?[Hh]osted|[Ll]ed\s+and\s+hosted)\s+(?:(?:this|last|next)\s+year\s+|again\s+|jointly\s+|for\s+the\s+first\s+time\s+)?by\s+(?:the\s+)?$/;
/** Between that host and the event or mission: ", the drills", ", the exercise". */
const HOSTED_BY_GAP =
  /^\s*(?:\([^)]{0,40}\)\s*)?,\s+(?:the\s+|this\s+year['’]s\s+)?(?:[\p{L}-]+\s+){0,3}$/u;
/** A nation's relative clause of hosting, before the mission or event: "Lithuania, which hosts the". */
const WHICH_HOSTS =
  /^\s*,\s*(?:which|that)\s+(?:(?:already|currently|now|also)\s+)?(?:hosts|hosted|has\s+hosted|is\s+hosting|was\s+hosting|will\s+host|is\s+home\s+to)\s+(?:the\s+|a\s+|an\s+|this\s+year['’]s\s+)?(?:[\p{L}-]+\s+){0,3}$/u;

/**
 * Hosting told passively or in a clause: "the exercise BALTOPS, hosted this year by Sweden",
 * "Hosted by Estonia, the drills Spring Storm ...", "Lithuania, which hosts the German brigade".
 * The host is a nation or place, the hosted an event or mission, each named (not a demonym).
 */
function hostedBy(ctx: Context, s: Sentence, here: Placed[]): void {
  const hosts = here.filter(
    (p) => (p.cluster.kind === "Nation" || p.cluster.kind === "Place") && !p.mention.demonym,
  );
  const hosted = here.filter((p) => p.cluster.kind === "Event" || p.cluster.kind === "Mission");
  if (hosts.length === 0 || hosted.length === 0) return;
  const found = new Map<Cluster, Cluster>();
  // both lists are in text order: a pointer into the other list, and only what lies near (a long
  // sentence of many mentions stays linear)
  let hi = 0;
  for (const e of hosted) {
    // "E, hosted this year by N": the first host right after the passive
    while (hi < hosts.length && (hosts[hi] as Placed).mention.start < e.mention.end) hi++;
    for (let i = hi; i < hosts.length; i++) {
      const p = hosts[i] as Placed;
      if (p.mention.start - e.mention.end > HOSTED_REACH) break;
      if (HOSTED_BY_AFTER.test(ctx.text.slice(e.mention.end, p.mention.start))) {
        found.set(e.cluster, p.cluster);
        break;
      }
    }
  }
  let ei = 0;
  for (const h of hosts) {
    // "Hosted by N, the drills E": the first event or mission after the host
    while (ei < hosted.length && (hosted[ei] as Placed).mention.start < h.mention.end) ei++;
    const e = hosted[ei];
    if (!e || e.mention.start - h.mention.end > HOSTED_REACH) continue;
    const lead = ctx.text.slice(Math.max(s.start, h.mention.start - 40), h.mention.start);
    const between = ctx.text.slice(h.mention.end, e.mention.start);
    if (
      (HOSTED_BY_LEAD.test(lead) && HOSTED_BY_GAP.test(between)) ||
      // "N, which hosts the E"
      WHICH_HOSTS.test(between)
    )
      found.set(e.cluster, h.cluster);
  }
  for (const [e, h] of found) {
    // "the German brigade in Lithuania": a mission its name places in another nation
    const placed = e.kind === "Mission" ? / in ([^,]+)$/.exec(e.name)?.[1] : undefined;
    if (placed && h.kind === "Nation" && placed !== h.name) continue;
    if (e !== h && isAllowedEndpoint("HOSTS", h.kind, e.kind))
      ctx.propose({ type: "HOSTS", from: h, to: e, sentence: s, confidence: 0.8 });
  }
}

/**
 * "Defence Minister X met his Estonian counterpart Hanno Pevkur": Pevkur holds the same office in
 * Estonia (inferred from the subject's title): LEADS for a leader's title, else SERVES_IN. Where
 * the subject has no title of its own ("the Turkish minister met his Greek counterpart Nikos
 * Dendias", "ministers met their Ukrainian counterpart X"), the counterpart still serves in the
 * nation named (SERVES_IN, the office the subject's plain noun gives, if any; with no office noun
 * before, none: "X met his Lithuanian counterpart Y" says not in what). "his counterpart
 * from Canada, Anita Anand" names the nation after the word.
 */
function counterparts(ctx: Context, s: Sentence, here: Placed[]): void {
  for (const m of s.text.matchAll(COUNTERPART_OF_NATION)) {
    const at = s.start + (m.index ?? 0);
    const end = at + m[0].length;
    const nationText = m[1] ?? m[2] ?? "";
    const nationAt = at + m[0].indexOf(nationText, m[1] ? 0 : m[0].indexOf("from"));
    const nation = here.find(
      (p) =>
        p.cluster.kind === "Nation" &&
        p.mention.start === nationAt &&
        (m[1] ? p.mention.demonym : !p.mention.demonym),
    );
    const other = here.find((p) => p.cluster.kind === "Person" && p.mention.start === end);
    if (!nation || !other) continue;
    // the subject's title: the last titled person named before, in this sentence
    const subject = here
      .filter((p) => p.cluster.kind === "Person" && p.mention.end <= at && p.mention.role)
      .pop();
    if (subject?.cluster === other.cluster) continue;
    // else the person named last before, by the title the article gave them elsewhere
    // ("Kristersson told reporters with his Latvian counterpart X")
    const named = subject
      ? undefined
      : here.filter((p) => p.cluster.kind === "Person" && p.mention.end <= at).pop();
    if (named?.cluster === other.cluster) continue;
    const role =
      subject?.mention.role?.replace(RANK, "").trim() ||
      named?.cluster.mentions
        .find((x) => x.role)
        ?.role?.replace(RANK, "")
        .trim() ||
      plainOffice(s.text.slice(0, at - s.start));
    // no title anywhere and no office noun before ("X met his Lithuanian counterpart Y"): a
    // counterpart in what, the text does not say
    if (!role && !OFFICE_NOUN.test(s.text.slice(0, at - s.start))) continue;
    const leader = role !== undefined && LEADER_ROLES.test(role);
    ctx.propose({
      type: leader ? "LEADS" : "SERVES_IN",
      from: other.cluster,
      to: nation.cluster,
      properties: role ? { role } : {},
      sentence: s,
      inferred: true,
      confidence: subject ? 0.65 : 0.6,
    });
  }
}

/** "his Estonian counterpart X" (group 1, a demonym) or "his counterpart from Canada, X" (group 2). */
const COUNTERPART_OF_NATION =
  /\b(?:his|her|their)\s+(?:([\p{Lu}][\p{L}]+)\s+counterparts?,?\s+|counterparts?\s+from\s+(?:the\s+)?([\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+)?),\s+)/gu;

/** An office named by a plain noun: "the Turkish minister", "the delegation's ministers". */
const OFFICE_NOUN =
  /\b(?:[Mm]inisters?|[Ss]ecretar(?:y|ies)|[Pp]residents?|[Cc]hancellor|[Pp]remier|[Aa]mbassadors?|[Cc]hiefs? of (?:defen[cs]e|staff))\b/;

/** The office a subject's plain noun gives: "the Turkish defence minister" -> Defence Minister. */
function plainOffice(before: string): string | undefined {
  const m = /\b(foreign|defen[cs]e|finance|prime)\s+minister/i.exec(before);
  if (!m?.[1]) return undefined;
  return `${m[1].charAt(0).toUpperCase()}${m[1].slice(1).toLowerCase()} Minister`;
}

const ANAPHOR =
  /\b(?:[Tt]he|[Tt]hat|[Tt]his|[Tt]oday['’]s|[Tt]hursday['’]s|[Ff]riday['’]s|[Mm]onday['’]s|[Tt]uesday['’]s|[Ww]ednesday['’]s)\s+(?:(?:two-day|one-day|closed-door|informal|same|high-level|NATO|alliance['’]s|upcoming|annual|rotation|handover|hand-over|change-of-command|opening|closing|welcome|welcoming|farewell|official)\s+){0,2}(meeting|summit|talks|conference|gathering|session|visit|ceremony)\b/gu;
const NAMES_ANOTHER = /^\s+(?:of|in|on|with|between)\s+\p{Lu}/u;
const ANAPHOR_CATEGORY: Record<string, string[]> = {
  meeting: ["MEETING", "CONFERENCE"],
  talks: ["MEETING"],
  session: ["MEETING", "CONFERENCE"],
  gathering: ["MEETING", "CONFERENCE"],
  summit: ["CONFERENCE"],
  conference: ["CONFERENCE", "STATEMENT"],
  visit: ["VISIT"],
  // "The rotation ceremony was attended by X": a ceremony the event rules named (twenty-first pass)
  ceremony: ["OTHER"],
};

/**
 * "the meeting", "the summit", "the talks" after an event is named: that event. Who attended,
 * chaired, hosted or joined it, or spoke "at the meeting", took part in it; quotes said there are
 * said at it (saidAt).
 */
function eventAnaphora(ctx: Context, eventsAt: readonly { c: Cluster; at: number }[]): void {
  const named = [
    ...ctx.placed
      .filter((p) => p.cluster.kind === "Event")
      .map((p) => ({ c: p.cluster, at: p.mention.start, end: p.mention.end })),
    ...eventsAt.map((e) => ({ c: e.c, at: e.at, end: e.at })),
  ].sort((a, b) => a.at - b.at);
  for (const s of ctx.sentences) {
    const here = placedIn(s, ctx.placed);
    for (const m of s.text.matchAll(ANAPHOR)) {
      const at = s.start + (m.index ?? 0);
      const end = at + m[0].length;
      // inside a name the mentions already read ("the NATO summit in The Hague"): not an anaphor
      if (named.some((e) => e.at <= at && end <= e.end)) continue;
      const fits = ANAPHOR_CATEGORY[m[1] ?? ""] ?? [];
      const fitting = (e: { c: Cluster }) =>
        fits.includes(String(e.c.properties.category ?? "")) &&
        (m[1] !== "ceremony" || CEREMONY.test(e.c.name));
      // the event this very phrase introduced ("the NATO summit in The Hague"), else the latest
      // named before, unless the phrase names another ("the meeting in Riga")
      const introduced = named.find((e) => e.at >= at && e.at < end + 40 && fitting(e))?.c;
      const event =
        introduced ??
        (NAMES_ANOTHER.test(ctx.text.slice(end, end + 40))
          ? undefined
          : named.filter((e) => e.at < at && fitting(e)).pop()?.c);
      if (!event) continue;
      const before = ctx.text.slice(s.start, at);
      const verb =
        /\b(attended|attends|will attend|joined|joins|will join|chaired|chairs|will chair|hosted|hosts|will host|addressed|addresses|took part in|takes part in|will take part in|participated in|spoke at|speaks at|will speak at|was at|were at)\s+$/.exec(
          before,
        );
      let who: Placed | undefined;
      let role = "attendee";
      // "The meeting was attended by X and Y", "the talks, chaired by X,": the agents after "by"
      const passive =
        /^\s*,?\s*(?:which\s+)?(?:(?:was|were|is|are|will be|has been|had been)\s+)?(?:also\s+)?(attended|chaired|hosted|joined|addressed)\s+by\s+/.exec(
          ctx.text.slice(end, s.end),
        );
      if (!verb && passive) {
        const from = end + passive[0].length;
        // the list of agents ends at a clause: ", focused on ...", ", which ...", ";"
        const stop = ctx.text
          .slice(from, s.end)
          .search(/[;:]|,\s+(?:which|who|where|while|but|\p{Ll})/u);
        const to = stop < 0 ? s.end : from + stop;
        const agents = here.filter(
          (p) =>
            (p.cluster.kind === "Person" || p.cluster.kind === "Nation") &&
            !p.mention.demonym &&
            p.mention.start >= from &&
            p.mention.end <= to,
        );
        const passiveRole = /^chair/.test(passive[1] ?? "")
          ? "chair"
          : /^host/.test(passive[1] ?? "")
            ? "host"
            : /^address/.test(passive[1] ?? "")
              ? "speaker"
              : "attendee";
        for (const a of agents)
          ctx.propose({
            type: "PARTICIPATED_IN",
            from: a.cluster,
            to: event,
            properties: { role: passiveRole },
            sentence: s,
            inferred: !introduced,
            confidence: introduced ? 0.75 : 0.65,
          });
        continue;
      }
      if (verb) {
        // the subject: the last person or nation right before the verb (past a title)
        const vAt = s.start + verb.index;
        who = here
          .filter(
            (p) =>
              (p.cluster.kind === "Person" || p.cluster.kind === "Nation") &&
              !p.mention.demonym &&
              p.mention.end <= vAt &&
              /^\s*(?:(?:also|has|had|have|will|would|later|then)\s+)*$/.test(
                ctx.text.slice(p.mention.end, vAt),
              ),
          )
          .pop();
        role = /^chair/.test(verb[1] ?? "")
          ? "chair"
          : /host/.test(verb[1] ?? "")
            ? "host"
            : /spoke|speak|address/.test(verb[1] ?? "")
              ? "speaker"
              : "attendee";
      } else if (/\b(?:[Aa]t|[Dd]uring|[Ii]n)\s+$/.test(before)) {
        // "At the meeting, Hegseth said", "X said at the summit"
        who = people(here).find((p) => {
          const after = ctx.text.slice(p.mention.end, Math.min(s.end, p.mention.end + 40));
          const prior = ctx.text.slice(Math.max(s.start, p.mention.start - 60), p.mention.start);
          return (
            /^(?:,[^,]{1,60},)?\s+(?:said|says|told|added|stressed|warned|insisted|spoke|announced)\b/.test(
              after,
            ) || /\b(?:said|says|told)\s+(?:[\p{Lu}][\p{L}.’'-]*\s+){0,5}$/u.test(prior)
          );
        });
        role = "speaker";
      }
      if (!who) continue;
      ctx.propose({
        type: "PARTICIPATED_IN",
        from: who.cluster,
        to: event,
        properties: { role },
        sentence: s,
        inferred: !introduced,
        confidence: introduced ? 0.75 : 0.65,
      });
    }
  }
}

const OCCASION =
  /\b(?:at|At|during|During|in|In|told|addressed|addressing|gave|giving|held|holding|before)\s+(?:a|an|the|his|her|their)\s+((?:joint\s+|short\s+|televised\s+|brief\s+)?(?:news|press)\s+(?:conference|briefing)|(?:joint\s+)?(?:news|press)\s+appearance|briefing|speech|press point|(?:television\s+|TV\s+|radio\s+)?interview|(?:\p{Lu}[\p{L}]*['’]s\s+)?(?:\p{Lu}[\p{L}]*\s+){1,3}(?:show|programme|program))(?:\s+(?:with|alongside)\s+)?/u;

/**
 * Where a person speaks: "X said at a news conference in Vilnius", "Speaking at a press conference
 * in Riga on Monday, X said", "X told a joint news conference with Y". An event (a STATEMENT) the
 * speaker, and whoever the conference is held with, take part in, in the city it names; quotes said
 * there are said at it (saidAt). And events held somewhere: "NATO defence ministers meet in
 * Brussels", "the summit takes place in The Hague".
 */
function occasions(ctx: Context, s: Sentence, here: Placed[]): void {
  for (const e of ofKind(here, "Event")) {
    if (e.cluster.properties.category === "CONFLICT") continue;
    heldIn(
      ctx,
      s,
      here,
      e,
      /^(?:['’]s?)?\s+(?:(?:will|would|are to|is to|are set to|are due to)\s+)?(?:meet|meets|met|gather|gathers|gathered|convene|convenes|convened|(?:hold|holds|held)\s+(?:(?:a|an|their)\s+)?(?:meeting|session|talks)|(?:is|was|will be|were|are) (?:held|taking place)|takes place|took place|opens|opened)(?:\s+on\s+\p{Lu}\p{Ll}+)?\s+in\s+(?:the\s+)?(?:(?:\p{Lu}\p{Ll}+\s+)?capital,?\s+)?$/u,
    );
  }
  const m = OCCASION.exec(s.text);
  if (!m) return;
  const at = s.start + m.index;
  const end = at + m[0].length;
  // the one who speaks: a person the sentence says speaks, said or told
  // "X said", "X, ..., told", then "said X", then the subject after "Speaking at ..., "
  // "X, who at a press conference expressed ...": the relative clause's subject speaks there
  // "The chief of staff, Major General X, said in an interview": the apposition's closing comma
  const speaks = (p: Placed) =>
    /^(?:,[^,]{1,60},|,)?\s+(?:said|says|told|added|announced|stated|spoke|speaks|insisted|warned|stressed|gave|held|addressed)\b|^,\s+who\s+(?:at|during)\s+(?:a|an|the|his|her)\s/.test(
      ctx.text.slice(p.mention.end, Math.min(s.end, p.mention.end + 60)),
    );
  const saidBy = (p: Placed) =>
    /\b(?:said|says|told)\s+(?:[\p{Lu}][\p{L}.’'-]*\s+){0,5}$/u.test(
      ctx.text.slice(Math.max(s.start, p.mention.start - 80), p.mention.start),
    );
  // "Speaking at a news conference in Vilnius alongside X, Y said": the clause ends at its comma
  const participle = /^(?:Speaking|Addressing|Talking)\b/.test(s.text);
  const clauseEnd = participle ? ctx.text.indexOf(",", end) : -1;
  const speaker =
    people(here).find(speaks) ??
    people(here).find(saidBy) ??
    (participle
      ? people(here).find((p) => p.mention.start > (clauseEnd < 0 ? end : clauseEnd))
      : undefined);
  if (!speaker) return;
  // with whom: "a joint news conference with Lithuanian President Gitanas Nauseda", or
  // "Speaking at a news conference in Riga alongside X, Y said"
  const withWhom = people(here).filter(
    (p) =>
      p.mention.start >= end &&
      p !== speaker &&
      ((/(?:with|alongside)\s+$/.test(m[0]) &&
        /^(?:[\p{L}’'.-]+\s+){0,5}$/u.test(ctx.text.slice(end, p.mention.start))) ||
        (clauseEnd > p.mention.start &&
          /\b(?:with|alongside)\s+(?:[\p{L}’'.-]+\s+){0,5}$/u.test(
            ctx.text.slice(end, p.mention.start),
          ))),
  );
  // where: "in Vilnius" right after the occasion (and its partner)
  const from = (/(?:with|alongside)\s+$/.test(m[0]) ? withWhom[0]?.mention.end : undefined) ?? end;
  const place = here.find(
    (p) =>
      p.mention.start >= from &&
      p.mention.start - from < 40 &&
      (p.cluster.kind === "Place" || p.cluster.kind === "Nation") &&
      !p.mention.demonym &&
      /^(?:\s*(?:[\p{L}’'.-]+\s+){0,2})?\s*in\s+(?:the\s+)?$/u.test(
        ctx.text.slice(from, p.mention.start),
      ) &&
      !/[,;]/.test(ctx.text.slice(from, p.mention.start)),
  );
  const kind = (m[1] ?? "").replace(/^(?:joint|short|televised|brief)\s+/, "").replace(/\s+/g, " ");
  const surname = speaker.cluster.name.split(/\s+/).pop() ?? speaker.cluster.name;
  const date = dateIn(ctx, s);
  // "press conference" and "news conference" are one sort of event, keyed alike
  const sort = kind.replace(/^press (conference|briefing|appearance)$/, "news $1");
  // "the BBC's Andrew Marr show": the speaker on the programme
  const programme = /(?:show|programme|program)$/.test(kind);
  const name = `${surname}${programme ? " on" : "'s"} ${kind}${place ? ` in ${place.cluster.name}` : ""}`;
  const event = ctx.entity(
    "Event",
    slug(
      `${surname} ${sort}${place ? ` in ${place.cluster.name}` : ""}${place || !date ? "" : ` ${date}`}`,
    ),
    name,
    { category: "STATEMENT", ...(date ? { date } : {}) },
    {
      start: at + m[0].indexOf(m[1] ?? ""),
      end: at + m[0].indexOf(m[1] ?? "") + (m[1] ?? "").length,
      text: m[1] ?? "",
    },
  );
  told(ctx, event, s);
  ctx.propose({
    type: "PARTICIPATED_IN",
    from: speaker.cluster,
    to: event,
    properties: { role: "speaker" },
    sentence: s,
    confidence: 0.75,
  });
  for (const p of withWhom)
    ctx.propose({
      type: "PARTICIPATED_IN",
      from: p.cluster,
      to: event,
      properties: { role: "speaker" },
      sentence: s,
      confidence: 0.7,
    });
  if (place) eventAt(ctx, event, place.cluster, s);
  if (/interview$/.test(kind) && /with\s+$/.test(m[0]) && withWhom.length === 0) {
    const outlet = interviewOutlet(ctx, here, end);
    if (outlet)
      ctx.propose({
        type: "PARTICIPATED_IN",
        from: outlet,
        to: event,
        sentence: s,
        inferred: true,
        confidence: 0.65,
      });
  }
  // "in a speech at the European Parliament", "a speech to the Bundestag": the body addressed hosts it
  if (kind === "speech") {
    const body = speechHost(ctx, here, end);
    if (body && body !== speaker.cluster)
      ctx.propose({
        type: "PARTICIPATED_IN",
        from: body,
        to: event,
        properties: { role: "host" },
        sentence: s,
        inferred: true,
        confidence: 0.65,
      });
  }
}

/** A name right after "an interview with": "VOA", "the Financial Times", "Radio Free Europe". */
const OUTLET_NAME =
  /^(?:the\s+)?((?:\p{Lu}[\p{L}&’'.-]*)(?:\s+(?:of\s+)?\p{Lu}[\p{L}&’'.-]*){0,3})(?=[\s,;.]|$)/u;

/**
 * The outlet a person gives an interview to (twenty-third pass): "said in an interview with VOA",
 * "told an interview with the Financial Times". The name the text gives there, an organisation
 * it already names there (a news agency the gazetteer knows) or else a media organisation as
 * written; not a person, place or nation ("an interview with Kallas", "with Estonia's ...").
 */
function interviewOutlet(ctx: Context, here: Placed[], at: number): Cluster | undefined {
  const m = OUTLET_NAME.exec(ctx.text.slice(at, at + 80));
  if (!m?.[1]) return undefined;
  const start = at + m[0].length - m[1].length;
  const end = start + m[1].length;
  const named = here.filter((p) => p.mention.start < end && start < p.mention.end);
  const org = named.find((p) => p.cluster.kind === "Organization" && p.mention.start === start);
  if (org) return org.cluster;
  if (named.length > 0) return undefined;
  // a sentence's name for a day or a month is no outlet ("an interview with Monday's paper")
  if (
    /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(
      m[1],
    )
  )
    return undefined;
  return ctx.entity(
    "Organization",
    slug(m[1]),
    m[1],
    { category: "MEDIA" },
    {
      start,
      end,
      text: m[1],
    },
  );
}

/** Between two people met: "and", ", and", a comma, then at most the second one's title. */
const metToo = (gap: string) => {
  const joint = /^(?:,\s*|,?\s+and\s+|,?\s+as well as\s+)/.exec(gap);
  return joint !== null && titleGap(` ${gap.slice(joint[0].length)}`);
};

/**
 * "Stoltenberg met Polish Prime Minister Beata Szydlo to discuss ...", "X held talks with Y": a
 * meeting (an Event) both take part in, dated by the sentence, in the place "in <place>" names,
 * about the events and pledges named in what they met to discuss.
 */
/** "counterpart", "counterpart from Canada", "counterparts of the Netherlands". */
const COUNTERPART_OF =
  /counterparts?(?:\s+(?:from|of|in)\s+(?:the\s+)?\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*)?)?/u;
const COUNTERPART_THEN_NAME = new RegExp(
  `^(?:his|her|their|its)\\s+(?:[\\p{L}’'.-]+\\s+){0,2}${COUNTERPART_OF.source},\\s+$`,
  "u",
);
const COUNTERPART_COMMA = new RegExp(`${COUNTERPART_OF.source},`, "u");

/** "held talks", "had a bilateral meeting (with)": a meeting told by its noun. */
const TALKS_HELD =
  /\b(?:held|holds|hold|had)\s+(?:(?:a|an|bilateral|separate|brief|private|closed-door|one-on-one|face-to-face|official)\s+){0,3}(?:talks|meeting|meetings)(?:\s+with)?\s+/;

function meetings(ctx: Context, s: Sentence, here: Placed[]): void {
  const m =
    /\b(?:met(?: with)?|meets(?: with)?|(?<=\bwill )meet(?: with)?|meeting with|held talks with|holds talks with|hold talks with|(?:during|in|after|for) talks with|talked with|talks with|hosted|hosts|welcomed|welcomes)\s+/.exec(
      s.text,
    ) ??
    // "A and B held talks in Riga", "had a bilateral meeting with": only where no verb above is
    TALKS_HELD.exec(s.text);
  if (!m) return;
  const verbAt = s.start + m.index;
  const objAt = verbAt + m[0].length;
  const quoted = quotedSpans(s);
  const outside = (p: Placed) =>
    !quoted.some((q) => q.start <= p.mention.start && p.mention.end <= q.end);
  const who = people(here).filter(outside);
  let subject = who
    .filter(
      (p) =>
        p.mention.end <= verbAt &&
        // the subject of "met", not someone named in an earlier clause
        !/[;]|\b(?:said|says|told|after|when|while)\b/.test(ctx.text.slice(p.mention.end, verbAt)),
    )
    .pop();
  // "During the visit, he met X": the pronoun is the person the article named last before
  // "The Turkish minister also met ...": a title standing for the person named last
  const pronoun =
    /^(?:[^,“”"]{0,40},\s*|(?:During|After|Following|On|At|In)\s+(?:the|his|her|a|this|that)\s+[^,“”"]{0,30}?\s+(?=(?:he|she)\s))?(?:[Hh]e|[Ss]he|[Tt]he\s+(?:[\p{L}-]+\s+){0,3}(?:minister|secretary|president|chancellor|premier))(?:\s+(?:also|then|later|first|had|has|will|would))*\s+$/u.exec(
      ctx.text.slice(s.start, verbAt),
    );
  if (!subject && pronoun) {
    const last = describedPerson(ctx, s.start, s.start + pronoun[0].length);
    const at = s.start + Math.max(0, pronoun[0].search(/\b[Hh]e\b|\b[Ss]he\b|\b[Tt]he\b/));
    if (last)
      subject = {
        mention: { start: at, end: at + 2, text: "he", kind: "Person", name: last.name },
        cluster: last,
      };
  }
  const host = /^(?:hosted|hosts|welcomed|welcomes)\s/.test(m[0]);
  // the person met: the first named right after the verb (past a title)
  let object = who.find(
    (p) =>
      p.mention.start >= objAt &&
      // "met with the commander of the NATO mission in Kosovo, KFOR, Enrico Barduani" (wild26)
      (commandedBetween(ctx, s, objAt, p) ||
        ((/^(?:[\p{L}’'.-]+\s+){0,5}$/u.test(ctx.text.slice(objAt, p.mention.start)) ||
          // "met her counterpart, Dovile Sakaliene,", "his counterpart from Canada, Anita Anand"
          COUNTERPART_THEN_NAME.test(ctx.text.slice(objAt, p.mention.start))) &&
          !/[;]/.test(ctx.text.slice(objAt, p.mention.start)) &&
          !/,(?!\s+$)/.test(
            ctx.text.slice(objAt, p.mention.start).replace(COUNTERPART_COMMA, ""),
          ) &&
          // "hosted Polish President Andrzej Duda": a host receives a person, past a capitalised title
          // only ("welcomed the decision by President X" is no meeting)
          (!host ||
            /^(?:(?:the|of|his|her|their|visiting|\p{Lu}[\p{L}.'’-]*),?\s+){0,6}$/u.test(
              ctx.text.slice(objAt, p.mention.start),
            )))),
  );
  // "After a meeting with X in Vilnius, Y said ...", "Speaking after talks with X, Y said": the
  // opening phrase's meeting is that of the person its clause then names first
  if (
    !subject &&
    object &&
    /\b(?:meeting|talks) with\s+$/.test(m[0]) &&
    /(?:^|\b(?:[Ss]peaking|[Tt]alking)\s+)(?:[Aa]fter|[Ff]ollowing|[Dd]uring|[Bb]efore|[Aa]t)\s+(?:a|an|the|his|her|their)\s+(?:[\p{L}-]+\s+)?$/u.test(
      ctx.text.slice(s.start, verbAt),
    )
  ) {
    const comma = ctx.text.indexOf(",", object.mention.end);
    subject =
      comma >= 0 && comma < s.end
        ? who.find(
            (p) =>
              p.mention.start > comma &&
              // past a title only: "reporters asked X" is not X's meeting
              /^\s*(?:(?:the|\p{Lu}[\p{L}’'.-]*)\s+){0,6}$/u.test(
                ctx.text.slice(comma + 1, p.mention.start),
              ),
          )
        : undefined;
  }
  // "Kaja Kallas and Finnish President Alexander Stubb met in Tallinn": a pair that meets
  const pair = object || !subject ? undefined : pairBefore(ctx, who, subject, objAt, m[0]);
  if (pair) {
    object = subject;
    subject = pair;
  }
  // "Greece and Turkey met on the sidelines", "Poland held talks with Lithuania": nations that
  // meet, where the sentence names no one in person
  if (who.length === 0 && !subject && !object) {
    const nations = nationsMeeting(ctx, here, verbAt, objAt, m[0]);
    if (nations) [subject, object] = nations;
  }
  if (!subject || !object || subject.cluster === object.cluster) return;
  const surname = (c: Cluster) =>
    c.kind === "Person" ? (c.name.split(/\s+/).pop() ?? c.name) : c.name;
  // "met", "hosted", "held talks": done, so not dated after the article
  const date = dateNear(
    ctx,
    s,
    verbAt,
    /^(?:met|hosted|welcomed|held|had|talked|during|after)\b/.test(m[0]),
  );
  const event = ctx.entity(
    "Event",
    slug(`${surname(subject.cluster)} meeting with ${object.cluster.name}`),
    `${surname(subject.cluster)} meets ${object.cluster.name}`,
    { category: "MEETING", ...(date ? { date } : {}) },
  );
  told(ctx, event, s);
  // "met with X, and Luxembourg Defence Minister Y": everyone the list names is met
  const also: Placed[] = [];
  let last = object;
  for (const p of who) {
    if (p.mention.start <= last.mention.end || p.cluster === subject.cluster) continue;
    if (!metToo(ctx.text.slice(last.mention.end, p.mention.start))) break;
    also.push(p);
    last = p;
  }
  for (const p of [subject, object, ...also])
    ctx.propose({
      type: "PARTICIPATED_IN",
      from: p.cluster,
      to: event,
      sentence: s,
      confidence: 0.75,
    });
  const after = ctx.text.slice(object.mention.end, s.end);
  const place = here.find(
    (p) =>
      p.mention.start >= object.mention.end &&
      (p.cluster.kind === "Place" || p.cluster.kind === "Nation") &&
      !p.mention.demonym &&
      /^\s+in\s+$/.test(ctx.text.slice(p.mention.start - 4, p.mention.start)) &&
      // no clause between them, but an appositive may close: "met his counterpart, X, in Riga"
      (!/[,;]/.test(ctx.text.slice(object.mention.end, p.mention.start)) ||
        /^,\s+in\s+(?:the\s+)?$/.test(ctx.text.slice(object.mention.end, p.mention.start))),
  );
  if (place) {
    eventAt(ctx, event, place.cluster, s, 0.75);
    // "German Defence Minister X met Y in Vilnius": an official meeting abroad visits the place
    const where =
      place.cluster.kind === "Nation"
        ? place.cluster.key
        : (place.mention.involves?.find((n) => n.kind === "Nation")?.key ??
          capitalOf(place.cluster.key)?.key);
    for (const p of [subject, object]) {
      const own = ctx.placed
        .filter((x) => x.cluster === p.cluster && x.mention.roleOf)
        .map((x) => ctx.placed.find((y) => y.mention === x.mention.roleOf)?.cluster)
        .find((c) => c?.kind === "Nation");
      if (own && where && own.key !== where)
        ctx.propose({
          type: "VISITED",
          from: p.cluster,
          to: place.cluster,
          properties: date ? { date } : {},
          sentence: s,
          inferred: true,
          confidence: 0.65,
        });
    }
  }
  const discuss = /\bto (?:discuss|talk about|review|prepare for)\b/.exec(after);
  if (discuss) {
    const from = object.mention.end + discuss.index;
    const later = DISCUSSED.get(ctx) ?? [];
    later.push({ event, s, from });
    DISCUSSED.set(ctx, later);
    for (const p of here)
      if (
        p.mention.start >= from &&
        p.cluster !== event &&
        (p.cluster.kind === "Event" || p.cluster.kind === "Pledge" || p.cluster.kind === "Mission")
      )
        ctx.propose({ type: "ABOUT", from: event, to: p.cluster, sentence: s, confidence: 0.65 });
  }
}

/**
 * The two nations that meet in a sentence that names no one in person: "Greece and Turkey met on
 * the sidelines of the summit", "Poland held talks with Lithuania in Vilnius". The subject is the
 * nation (or the pair joined by "and") right before the verb, the other the nation right after a
 * verb "with" (not a possessive: "met with Lithuania's president" names a person's nation).
 */
function nationsMeeting(
  ctx: Context,
  here: readonly Placed[],
  verbAt: number,
  objAt: number,
  verb: string,
): [Placed, Placed] | undefined {
  if (/^(?:hosted|hosts|welcomed|welcomes|during|in|after|for)\b/.test(verb)) return undefined;
  const nations = here.filter((p) => p.cluster.kind === "Nation" && !p.mention.demonym);
  const before = nations.filter((p) => p.mention.end <= verbAt);
  const subject = before[before.length - 1];
  if (
    !subject ||
    // "Norway also had a bilateral meeting with": the verb's words before "meeting with"
    !/^\s+(?:(?:also|both|each|then|later|first|finally|jointly)\s+)?(?:(?:held|holds|hold|had)\s+(?:(?:a|an|bilateral|separate|brief|private|closed-door|official)\s+){0,3})?$/.test(
      ctx.text.slice(subject.mention.end, verbAt),
    ) ||
    /(?:’s|'s)\s*$/.test(ctx.text.slice(subject.mention.start - 3, subject.mention.start))
  )
    return undefined;
  const other = nations.find((p) => p.mention.start >= objAt);
  if (
    /\bwith\s+$/.test(verb) &&
    other &&
    /^(?:the\s+)?$/.test(ctx.text.slice(objAt, other.mention.start)) &&
    !/^(?:’s|'s)/.test(ctx.text.slice(other.mention.end, other.mention.end + 2)) &&
    other.cluster !== subject.cluster
  )
    return [subject, other];
  // "Greece and Turkey met in ...", "Greece and Turkey held talks on ...": a pair, no object
  if (/\bwith\s+$/.test(verb)) return undefined;
  if (!/^(?:met|meet|meets|held|holds|hold|had)\b/.test(verb)) return undefined;
  if (
    !/^(?:on|in|at|for|during|last|this|earlier|yesterday|today|again|privately|behind|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b|^[,.;]/.test(
      ctx.text.slice(objAt, objAt + 20),
    )
  )
    return undefined;
  const first = before[before.length - 2];
  if (
    !first ||
    first.cluster === subject.cluster ||
    !/^\s+and\s+(?:the\s+)?$/.test(ctx.text.slice(first.mention.end, subject.mention.start)) ||
    // "Spain, Greece and Turkey met": a list of more than two is no pair
    /,\s*$/.test(ctx.text.slice(Math.max(0, first.mention.start - 3), first.mention.start))
  )
    return undefined;
  return [first, subject];
}

/** "Stoltenberg called on allies to step up", "time for NATO allies to step up defence spending". */
function calls(ctx: Context, s: Sentence, here: Placed[]): void {
  let inferred = false;
  let m = s.text.match(
    /\b(?:calls? (?:up)?on|called (?:up)?on|calling (?:up)?on|calls? for|called for|calling for|urged|urges|urging|pressed|presses|pressing|pushed|pushes|pushing|encouraged|encourages|encouraging|appealed to|appeals to|appealing to|asked|asks|asking|challenged|challenges|implored|implores|time for|wants?|wanted|expects?|expected|(?:is |are |was |were )?(?:counting|relying) on|told|tells)\s+(.{2,80}?)\s+to\s+(.+?)(?=[,.;]|”\s*[,.]|"\s*[,.]|\sin light of|\sbecause|\safter|$)/,
  );
  // "Trump demanded that NATO allies spend 5%": a demand is a call, stated
  m ??= s.text.match(
    /\b(?:demanded|demands|demanding|demand)\s+(?:that\s+)?((?:(?:all|other|the|European|fellow|NATO|Western|remaining)\s+)*(?:allies|member states|members|partners|\p{Lu}[\p{L}.]+))\s+(?:must\s+|should\s+)?(\p{Ll}.+?)(?=[,.;]|”\s*[,.]|"\s*[,.]|\sin light of|\sbecause|\safter|$)/u,
  );
  // "Rutte said allies must spend more": a call in reported speech, inferred
  if (!m) {
    m = s.text.match(
      /\b(?:said|says|stressed|stresses|insisted|insists|warned|warns|argued|argues|told \w+)\s+(?:that\s+)?((?:(?:all|other|the|European|fellow|NATO|Western|remaining)\s+)*(?:allies|member states|members|partners|\p{Lu}[\p{L}.]+))\s+(?:must|should|needs? to|ha(?:ve|s) to|ought to)\s+(.+?)(?=[,.;]|”\s*[,.]|"\s*[,.]|\sin light of|\sbecause|\safter|$)/u,
    );
    if (!m) return;
    inferred = true;
  }
  // "told reporters after talks as Y hailed Z's intention to ...": who is told, wanted or expected
  // to do something is a short noun phrase, not a clause
  if (
    /^(?:told|tells|wants?|wanted|expects?|expected)\b/.test(m[0].replace(/^\W+/, "")) &&
    ((m[1] ?? "").split(/\s+/).length > 4 ||
      /\b(?:reporters|journalists|media|press)\b/.test(m[1] ?? ""))
  )
    return;
  const at = s.start + (m.index ?? 0);
  const targetsAt = at + m[0].indexOf(m[1] ?? "");
  const targetEnd = targetsAt + (m[1] ?? "").length;
  const quoted = quotedSpans(s);
  if (quoted.some((q) => q.start <= at && at < q.end)) return; // inside a quotation: the speaker's words
  const before = here.filter((p) => p.mention.end <= at);
  // "He urged allies to ...": the person named last before
  const pronoun = /\b(?:he|she)\s+(?:\w+\s+)?$/i.test(
    ctx.text.slice(Math.max(s.start, at - 20), at),
  );
  const caller: Pick<Placed, "cluster"> | undefined =
    people(before).pop() ??
    (pronoun
      ? (() => {
          const c = lastPersonBefore(ctx, at);
          return c ? { cluster: c } : undefined;
        })()
      : undefined) ??
    ofKind(before, "Organization")
      .filter((p) => !p.mention.demonym)
      .pop();
  if (!caller) return;
  let targets = here.filter(
    (p) =>
      (p.cluster.kind === "Nation" || p.cluster.kind === "Organization") &&
      !p.mention.demonym &&
      p.mention.start >= targetsAt &&
      p.mention.end <= targetEnd,
  );
  if (
    targets.length === 0 &&
    /\b(?:allies|members|member states|member countries|partners)\b/i.test(m[1] ?? "")
  ) {
    const alliance = ctx.placed.find((p) => p.cluster.properties.category === "ALLIANCE");
    if (alliance) targets = [alliance];
  }
  // "counting on MEPs to": the members of a parliament stand for it, when the text names it
  if (targets.length === 0 && /\b(?:MEPs|MPs|lawmakers|parliamentarians)\b/.test(m[1] ?? "")) {
    const body = ctx.placed.find(
      (p) => p.cluster.kind === "Organization" && /\bParliament\b/.test(p.cluster.name),
    );
    if (body) targets = [body];
  }
  // "to send more air defence during talks with Starmer in London": the request ends at the occasion
  const request = (m[2] ?? "")
    .replace(/[“”"]/g, "")
    .replace(
      /\s+(?:during|at|after|before|on the sidelines of|ahead of)\s+(?:talks|a|an|the|his|her|their)\b.*$/,
      "",
    )
    .trim();
  for (const t of targets) {
    if (t.cluster === caller.cluster) continue;
    ctx.propose({
      type: "CALLED_ON",
      from: caller.cluster,
      to: t.cluster,
      properties: request ? { request } : {},
      sentence: s,
      inferred,
      confidence: inferred ? 0.65 : 0.8,
    });
  }
}

/** "NATO allies such as Latvia", "Finland joined NATO", "Poland, a NATO member,". */
/**
 * An alliance told by who formed it: "The Visegrad Group is an alliance formed by the Czech
 * Republic, Poland, Slovakia and Hungary", "the bloc comprises Estonia, Latvia and Lithuania".
 */
const FORMED_BY =
  /^\s+(?:(?:is|was)\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,2}(?:alliance|group(?:ing)?|bloc|organi[sz]ation|union|partnership|format)\s+(?:formed|founded|created|made\s+up|composed|established)\s+(?:by|of)|comprises|comprising|consists\s+of|(?:is|was)\s+made\s+up\s+of)\s+(?:the\s+)?(?:[\p{L}.’' ]+(?:,\s+(?:the\s+)?|\s+and\s+(?:the\s+)?))*$/u;

/**
 * Whether the words of a list before its last item are names alone ("Estonia, Latvia and ", "the
 * Czech Republic, "): capitalised words, joined by commas, "and", "the" or "of". A lower-case word
 * ("partner countries Finland and ") says something of the names after it.
 */
const namesOnly = (list: string) =>
  list
    .split(/[\s,]+/)
    .filter(Boolean)
    .every((w) => /^\p{Lu}/u.test(w) || /^(?:and|the|of)$/.test(w));

/** Which members, before "members": "eastern members", "newest allies" (not "partner countries"). */
const MEMBER_ADJECTIVE =
  "(?:[Ee]astern|[Ww]estern|[Nn]orthern|[Ss]outhern|[Nn]ordic|[Bb]altic|[Ee]uropean|[Ff]ellow|[Ff]ounding|[Nn]ewest|[Nn]ew|[Oo]ther|[Ss]maller|[Ll]arger|[Bb]iggest|[Ll]argest|[Ff]rontline|[Ff]lank|[Ee]astern-flank)";
/** The other names of a list, then the nation's list in apposition: ", Latvia and Lithuania, all ". */
const LIST_REST = String.raw`(?:(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,3})*`;
const LISTED_BEFORE_ALL = new RegExp(
  `^${LIST_REST},\\s+(?:all|both)\\s+(?:(?:of\\s+)?(?:them\\s+)?)?$`,
  "u",
);
/** "Sweden and Finland, the newest members of NATO", "Poland, a member of the alliance NATO". */
const MEMBERS_OF_AFTER = new RegExp(
  `^${LIST_REST},\\s+(?:(?:all|both)\\s+)?(?:(?:a|an|the)\\s+)?(?:${MEMBER_ADJECTIVE}\\s+)?(?:members?|allies|ally|member states?)\\s+of\\s+(?:the\\s+)?$`,
  "u",
);

function membership(ctx: Context, s: Sentence, here: Placed[]): void {
  const alliances = here.filter(
    (p) =>
      p.cluster.properties.category === "ALLIANCE" && !negatedAlliance(ctx.text, p.mention.start),
  );
  for (const a of alliances) {
    for (const n of ofKind(here, "Nation")) {
      const lo = Math.min(a.mention.end, n.mention.end);
      const hi = Math.max(a.mention.start, n.mention.start);
      const between = ctx.text.slice(lo, hi);
      const nFirst = n.mention.start < a.mention.start;
      // "Poland, a NATO member," "Latvia is a NATO ally": the alliance's name must be followed by a
      // word of membership; only "joined NATO" needs none. ("... in Iraq and Syria, the NATO
      // ministers discussed" is no membership: wild24)
      const joined = /^\s+(?:joined|joins|has joined)\s+(?:the\s+)?$/.test(between);
      // "NATO members Estonia and Latvia", "NATO's eastern members Poland and Romania" (extgen31:
      // the possessive and a word of where or which members; "partner countries" is no membership)
      const listed = new RegExp(
        `^(?:’s|'s)?\\s+(?:${MEMBER_ADJECTIVE}\\s+)?(?:member|members|ally|allies|member states|countries|nations)(?:,)?\\s+(?:including\\s+|such as\\s+|like\\s+)?((?:[\\p{L}.’' ]+(?:,\\s+|\\s+and\\s+))*)$`,
        "u",
      ).exec(between);
      const ok = nFirst
        ? (/^(?:,\s+(?:a|an|another|the)\s+(?:fellow\s+|founding\s+|new\s+)?|\s+(?:is|was|became|becomes)\s+(?:a|an|the)\s+(?:fellow\s+|founding\s+|newest\s+|new\s+)?|\s+(?:joined|joins|has joined)\s+(?:the\s+)?|\s+and other\s+)$/.test(
            between,
          ) ||
            // "Estonia, Latvia and Lithuania, all NATO members": the list before, "all" or "both"
            // (extgen31)
            LISTED_BEFORE_ALL.test(between)) &&
          (joined ||
            /^\s*(?:member|ally|allies|members)\b/.test(
              ctx.text.slice(a.mention.end, a.mention.end + 12),
            ))
          ? true
          : // "Sweden and Finland, the newest members of NATO" (extgen31)
            MEMBERS_OF_AFTER.test(between)
        : // the list after "NATO members" is names alone: "NATO members, partner countries
          // Finland and Sweden" sets the partners apart (wild24)
          (listed !== null && namesOnly(listed[1] ?? "")) || FORMED_BY.test(between);
      if (ok)
        ctx.propose({
          type: "MEMBER_OF",
          from: n.cluster,
          to: a.cluster,
          sentence: s,
          confidence: 0.85,
        });
    }
  }
}

const PERCENT_TARGET = /\b(target|goal|benchmark|guideline|threshold)\b/;

/** "% of GDP": the alliance's target (a Pledge) and what each nation spends against it. */
function spending(ctx: Context): void {
  const alliance = ctx.placed.find((p) => p.cluster.properties.category === "ALLIANCE")?.cluster;
  let target: Cluster | undefined;
  const spendSentences: Sentence[] = [];
  // "NATO leaders agreed to raise defence spending to 5 percent of GDP": the alliance sets a target
  const agreed = (s: Sentence) =>
    alliance !== undefined &&
    /\b(?:agreed|agree|agrees|decided|approved|endorsed|adopted|set)\b/.test(s.text) &&
    /\bGDP\b|gross domestic product/.test(s.text) &&
    (placedIn(s, ctx.placed).some((p) => p.cluster === alliance) ||
      /\b(?:allies|[Aa]llied leaders|member states)\b/.test(s.text));
  for (const s of ctx.sentences) {
    const pcts = inSentence(s, ctx.quantities).filter((q) => q.type === "PERCENT");
    if (pcts.length === 0 && !PERCENT_TARGET.test(s.text)) continue;
    spendSentences.push(s);
    const sets = PERCENT_TARGET.test(s.text) || agreed(s);
    if (target || !sets || pcts.length === 0) continue;
    // the percentage nearest the word "target" (or the verb that agrees it)
    const cue = PERCENT_TARGET.test(s.text)
      ? s.text.search(PERCENT_TARGET)
      : s.text.search(/\b(?:agreed|agree|agrees|decided|approved|endorsed|adopted|set)\b/);
    const tAt = s.start + cue;
    const pct = [...pcts].sort((a, b) => Math.abs(a.start - tAt) - Math.abs(b.start - tAt))[0];
    // a share of GDP for defence, or "the two per cent target" itself
    const named =
      /^\s*(?:-|\s)?(?:(?:defen[cs]e|spending|military|budget)\s+){0,2}(?:target|goal|benchmark|threshold|guideline)\b/.test(
        ctx.text.slice(pct?.end ?? 0, (pct?.end ?? 0) + 40),
      );
    if (
      !pct ||
      pct.value === null ||
      !(named || /GDP|gross domestic product|defen[cs]e/i.test(s.text))
    )
      continue;
    // "spends 2.05 percent of its GDP ..., meeting NATO's target": a share measured against the
    // target, not the target's value (it made a 2.05 percent target, and every other nation's
    // share was set against it)
    // ("below Nato's target of spending 2% of GDP": the figure after the word is the target's)
    if (
      !named &&
      pct.start < tAt &&
      /\b(?:meet(?:s|ing)?|met|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|reach(?:es|ed|ing)?|hit(?:s|ting)?|miss(?:es|ed|ing)?|short of|below|above|beyond|against|under|over|toward|towards)\s+(?:[\p{L}’'.-]+\s+){0,3}$/u.test(
        s.text.slice(0, cue),
      )
    )
      continue;
    // "Trump said allies should ... with the goal of doubling it to 4 percent": a goal someone
    // calls for, not one the alliance set (wild25)
    if (
      /\b(?:should|must|ought to|urged|urges|demanded|demands|called on|calls on)\b/.test(
        s.text.slice(0, Math.max(cue, pct.start - s.start)),
      ) &&
      !/\b(?:NATO['’]s|[Aa]lliance['’]s|NATO|agreed|existing|current)\s+(?:[\p{L}\p{N}.%-]+\s+){0,3}$/u.test(
        s.text.slice(0, cue),
      )
    )
      continue;
    const owner = alliance?.key ?? "defence-spending";
    const words = pct.text.replace(/\s*(?:per ?cent|%)/i, "");
    target = ctx.entity(
      "Pledge",
      `${owner}-${shareSlug(words)}-percent-target`,
      `${alliance?.name ?? "Defence"} ${pct.text} of GDP defence spending target`,
      {
        metric: "PERCENT_GDP",
        value: pct.value,
        unit: "percent of GDP",
        status: "COMMITTED",
      },
      pct,
    );
    if (alliance) {
      ctx.propose({ type: "PLEDGED", from: alliance, to: target, sentence: s, confidence: 0.8 });
      ctx.propose({ type: "ABOUT", from: target, to: alliance, sentence: s, confidence: 0.7 });
    }
    // "the 5 percent goal proposed recently by US President-elect Donald Trump": who proposed it
    const by =
      /\b(?:proposed|set|demanded|advocated|championed|sought|called for)\s+(?:\w+\s+){0,2}by\s+/.exec(
        ctx.text.slice(pct.end, s.end),
      );
    if (by) {
      const from = pct.end + by.index + by[0].length;
      const near = placedIn(s, ctx.placed).filter(
        (p) =>
          p.mention.start >= from &&
          (p.cluster.kind === "Person" || p.cluster.kind === "Nation") &&
          !p.mention.demonym &&
          /^(?:[\p{L}.’'-]+\s+){0,4}$/u.test(ctx.text.slice(from, p.mention.start)),
      );
      // "by US President-elect Donald Trump": the person, not the nation of the title
      const proposer = near.find((p) => p.cluster.kind === "Person") ?? near[0];
      if (proposer)
        ctx.propose({
          type: "PLEDGED",
          from: proposer.cluster,
          to: target,
          sentence: s,
          inferred: true,
          confidence: 0.7,
        });
    }
  }
  // "Defence spending as a share of GDP in 2024:\n- Poland: 4.12%": shares listed line by line
  const listed = listedShares(ctx.text, ctx.placed);
  // No target named, but a nation spends a share of GDP on defence in an article on NATO: the
  // alliance's two per cent guideline is what the share is measured against.
  if (!target && alliance?.key === "nato") {
    const spent = spendSentences.some((s) =>
      /\b(?:spen[dt]s?|spending|allocat\w*|devot\w*|earmark\w*|using|uses)\b[^.]{0,60}?\b(?:\d+(?:\.\d+)?|[a-z]+(?:[- ]and[- ]a[- ]half)?)\s*(?:per ?cent|percent|%)\s+of\s+(?:its\s+|their\s+)?(?:GDP|gross domestic product)/.test(
        s.text,
      ),
    );
    if (
      spent ||
      listed.length > 0 ||
      spendSentences.some((s) =>
        statesShare(
          ctx.text,
          s,
          inSentence(s, ctx.quantities).filter((q) => q.type === "PERCENT"),
          ofKind(placedIn(s, ctx.placed), "Nation"),
        ),
      )
    )
      target = ctx.entity(
        "Pledge",
        "nato-two-percent-target",
        "NATO two per cent of GDP defence spending target",
        {
          metric: "PERCENT_GDP",
          value: 2,
          unit: "percent of GDP",
          status: "COMMITTED",
        },
      );
  }
  if (!target) return;
  let si = 0;
  for (const l of listed) {
    while (si < ctx.sentences.length - 1 && (ctx.sentences[si] as Sentence).end <= l.start) si++;
    const s = ctx.sentences[si];
    if (!s) continue;
    const props: Record<string, string | number | boolean> = {
      value: l.value,
      unit: "percent of GDP",
    };
    if (l.year !== undefined) props.year = l.year;
    if (l.estimated) props.estimated = true;
    ctx.propose({
      type: "SPENDS",
      from: l.nation.cluster,
      to: target,
      properties: props,
      sentence: s,
      confidence: 0.8,
    });
  }
  // "Greece (3.54%), Estonia (2.14%)", "with Poland at 3.9 percent" (spending-shares.ts)
  for (const b of sharesBesideNames(ctx.text, ctx.sentences, (s) =>
    ofKind(placedIn(s, ctx.placed), "Nation"),
  ))
    ctx.propose({
      type: "SPENDS",
      from: b.nation.cluster,
      to: target,
      properties: { value: b.value, unit: "percent of GDP" },
      sentence: b.sentence,
      confidence: 0.8,
    });
  for (const s of spendSentences) {
    const here = placedIn(s, ctx.placed);
    const nations = ofKind(here, "Nation").filter((n) => !n.mention.demonym || true);
    const pcts = inSentence(s, ctx.quantities).filter(
      (q) => q.type === "PERCENT" && q.value !== null && q.value !== target?.properties.value,
    );
    // a nation spends a share by a verb earlier in the sentence: "Estonia spends 3.4 percent and
    // Latvia 3.5 percent", "Spain spends 1.3 percent, Belgium 1.3 percent and Canada 1.4 percent"
    let spends = false;
    for (const q of pcts) {
      // "3 percent of Estonia's GDP", "Latvia's defence budget stands at 2.4% of GDP"
      const owner = shareOwner(ctx.text, s, q, nations);
      if (owner) {
        ctx.propose({
          type: "SPENDS",
          from: owner.cluster,
          to: target,
          properties: { value: q.value as number, unit: "percent of GDP" },
          sentence: s,
          confidence: 0.8,
        });
        spends = true;
        continue;
      }
      const before = nations.filter((n) => n.mention.end <= q.start);
      const n = before[before.length - 1];
      const between = n ? ctx.text.slice(n.mention.end, q.start) : "";
      // "raise Germany's defence spending to 3.5 percent": a level to reach, not what it spends
      if (
        /\b(?:raise|raises|raising|increase|increases|increasing|boost|boosts|boosting|lift|lifts|lifting|hike|hikes|bring|brings|grow|grows)\b[^.;]{0,60}\bto\s+(?:about\s+|around\s+|at least\s+)?$/.test(
          ctx.text.slice(s.start, q.start),
        )
      )
        continue;
      // "increased their defence spending by 11 per cent": a rate of growth, not a share (wild27)
      if (
        /\b(?:rais|increas|boost|lift|hik|grow|grew|rose|cut|reduc|decreas|fell|jump|climb)\w*\b[^.;]{0,60}\bby\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+|more than\s+|over\s+)?$/.test(
          ctx.text.slice(s.start, q.start),
        )
      )
        continue;
      const gapped =
        spends &&
        n !== undefined &&
        !n.mention.demonym &&
        /^\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|just\s+)?$/.test(between) &&
        /(?:,|\band|\bwhile|\bwhereas|\bbut)\s+(?:the\s+)?$/.test(
          ctx.text.slice(Math.max(s.start, n.mention.start - 12), n.mention.start),
        );
      if (n && gapped) {
        ctx.propose({
          type: "SPENDS",
          from: n.cluster,
          to: target,
          properties: { value: q.value as number, unit: "percent of GDP" },
          sentence: s,
          confidence: 0.75,
        });
        continue;
      }
      // "Poland, which spends more than 4 percent": the relative clause's subject is the nation
      const relative =
        /^,\s+which\s+(?:\w+\s+)?(?:spends|spent|allocates|allocated|devotes|devoted|invests|invested)\b/.test(
          between,
        );
      if (
        !n ||
        // the nation spends it: a spending verb between them, no pledge or other clause
        !/\bspen[dt]|spending|budget|invest|allocat|devot|earmark|\busing\b|\buses\b/.test(
          between,
        ) ||
        (/\b(?:pledged|pledge|promised|committed|vowed|agreed|will|would|to spend|to allocate|where|which|allies|plans?|aims?|intends?|(?:is|are) to|set to|going to|expects? to|wants? to|could|may|might|should)\b/.test(
          between,
        ) &&
          !relative)
      )
        continue;
      const props: Record<string, string | number | boolean> = {
        value: q.value as number,
        unit: "percent of GDP",
      };
      if (
        /\b(?:estimated|about|approximately|roughly|around|projected|expected)\s+$/.test(
          ctx.text.slice(s.start, q.start),
        )
      )
        props.estimated = true;
      // the share's year, not one of another clause ("spends about 3.5% ... and has said it will
      // raise that to 5% from next year")
      const rest = ctx.text.slice(q.end, s.end);
      const other = OTHER_CLAUSE.exec(rest);
      const clauseEnd = other ? q.end + other.index : s.end;
      const d = inSentence(s, ctx.dates).find(
        (x) => x.start < clauseEnd && /\byear\b|\b\d{4}\b/.test(x.text),
      );
      if (d) props.year = Number(d.date.slice(0, 4));
      ctx.propose({
        type: "SPENDS",
        from: n.cluster,
        to: target,
        properties: props,
        sentence: s,
        confidence: 0.85,
      });
      spends = true;
    }
    // "the U.K. has already exceeded the two per cent target"
    const targetBefore = (at: number) => PERCENT_TARGET.test(ctx.text.slice(s.start, at));
    for (const [i, n] of nations.entries()) {
      if (n.mention.demonym) continue;
      // "Germany and Poland have exceeded ...": every nation of the coordinated subject
      const subject = coordinated(ctx, nations, i);
      const last = subject[subject.length - 1] as Placed;
      const after = ctx.text.slice(last.mention.end, Math.min(s.end, last.mention.end + 90));
      const met =
        /^(?:’s|'s)?\s+(?:\w+\s+){0,3}?(?:exceeded|exceeds|met|meets|reached|reaches|hit|hits|surpassed|surpasses|fallen short of|falls short of|short of|missed|misses|meeting|exceeding|below|under|above)\s+(?:(?:the\s+|its\s+|that\s+|this\s+)?(?:[\w%.-]+\s+){0,4}?(?:target|goal|benchmark|threshold|guideline)|it\b)/.exec(
          after,
        );
      if (met && (!/\bit$/.test(met[0]) || targetBefore(n.mention.start))) {
        ctx.propose({ type: "SPENDS", from: n.cluster, to: target, sentence: s, confidence: 0.8 });
      }
      // "Canada will reach NATO's defence spending target": the nation commits to it
      if (
        /^\s+(?:will|would|plans to|pledged to|promised to|committed to|vowed to|aims to|intends to)\s+(?:\w+\s+)?(?:reach|meet|hit|achieve)\s+/.test(
          after,
        ) &&
        PERCENT_TARGET.test(after)
      ) {
        ctx.propose({
          type: "PLEDGED",
          from: n.cluster,
          to: target,
          sentence: s,
          confidence: 0.75,
        });
      }
    }
  }
}

const PLEDGE_VERB =
  /\b(pledged|pledges|committed|commits|promised|promises|vowed|vows|announced|announces|agreed|will spend|plans to spend|plans to increase|unveiled|proposed|proposes|(?:is|are) set to (?:raise|increase|elevate|boost|lift|double)|(?:aims|intends|plans) to (?:raise|increase|boost|lift|double)|(?:will|(?:aims|plans|intends|wants|is set|are set|is due|is to|are to|has decided|have decided|decided) to)(?=\s+(?:buy|purchase|acquire|procure|order)\s))\b\s+(?:on \w+\s+)?(?:to\s+)?/;
/** What a purchase buys: a number, or a named type ("F-35 jets", "Leopard tanks"), not "time". */
const PURCHASED =
  /^(?:buy|purchase|acquire|procure|order)\s+(?:(?:up to|another|a further|some)\s+)?(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens of|hundreds of)\s|(?:new\s+|more\s+|additional\s+)?\p{Lu})/u;

/**
 * "Canada will extend Operation Reassurance until March 2029", "Germany has renewed its
 * participation in the mission": a pledge to keep a mission going, made by the nation that says
 * so (a Pledge keyed like the nominal "renewal of Operation X"), about the mission.
 */
function extensions(ctx: Context): void {
  const VERB =
    /\b(?:(?:will|would|is to|plans to|intends to|has decided to|decided to|agreed to|has|have|had)\s+)?(extend|extends|extended|renew|renews|renewed|prolong|prolongs|prolonged)\s+(?:its\s+|their\s+|the\s+)?(?:(?:participation|role|contribution|commitment|deployment|troops|presence)\s+(?:in|to)\s+(?:the\s+)?)?/g;
  for (const s of ctx.sentences) {
    const here = placedIn(s, ctx.placed);
    for (const m of s.text.matchAll(VERB)) {
      const at = s.start + (m.index ?? 0);
      const end = at + m[0].length;
      if (/\b(?:not|never|n['’]t)\s*$/.test(ctx.text.slice(s.start, at))) continue;
      const mission = here.find((p) => p.cluster.kind === "Mission" && p.mention.start === end);
      // the nation that does it, right before the verb: "Canada will extend", "Canada has renewed"
      const subject = here
        .filter(
          (p) =>
            p.cluster.kind === "Nation" &&
            !p.mention.demonym &&
            p.mention.end <= at &&
            /^\s*$/.test(ctx.text.slice(p.mention.end, at)),
        )
        .pop();
      if (!mission || !subject) continue;
      const verb = (m[1] ?? "").replace(/(?:s|ed)$/, "");
      const noun = /^renew/.test(verb) ? "renewal" : "extension";
      const after = ctx.text.slice(mission.mention.end, s.end);
      const period =
        /^\s+(?:until|to|through|till)\s+((?:[A-Z][a-z]+\s+)?\d{4})\b|^\s+for\s+(?:another\s+|a further\s+)?([\w-]+\s+(?:more\s+)?years?)\b/.exec(
          after,
        );
      const props: Record<string, string | number> = { metric: "OTHER", status: "COMMITTED" };
      const until = period?.[1]
        ? `until ${period[1]}`
        : period?.[2]
          ? `for ${period[2]}`
          : undefined;
      if (until) props.period = until;
      const date = dateIn(ctx, s);
      if (date) props.date = date;
      const pledge = ctx.entity(
        "Pledge",
        `${mission.cluster.key}-${noun}`,
        `${mission.cluster.name} ${noun}${until ? ` ${until}` : ""}`,
        props,
        { start: at, end: mission.mention.end, text: ctx.text.slice(at, mission.mention.end) },
      );
      ctx.propose({
        type: "PLEDGED",
        from: subject.cluster,
        to: pledge,
        sentence: s,
        confidence: 0.8,
      });
      ctx.propose({
        type: "ABOUT",
        from: pledge,
        to: mission.cluster,
        sentence: s,
        confidence: 0.8,
      });
    }
  }
}

/** Before a noun "pledges": a verb of asking for or getting them ("sought pledges"). */
const SOUGHT_BEFORE =
  /\b(?:sought|seeks?|seeking|demand(?:s|ed|ing)?|ask(?:s|ed|ing)? for|call(?:s|ed|ing)? for|secur(?:es|ed|ing)|won|wins|obtain(?:s|ed)|receiv(?:es|ed)|extract(?:s|ed)|wants?|wanted|press(?:es|ed)? for|urg(?:es|ed)|new|fresh|firm|their|such)\s+(?:(?:new|fresh|firm|formal|concrete)\s+)?$/i;

/** Pledge and commitment verbs: a Pledge entity and who made it. */
function pledges(ctx: Context, read: ReadonlySet<Sentence>, help: PledgeHelp): void {
  for (const s of ctx.sentences) {
    if (read.has(s)) continue;
    const m = s.text.match(PLEDGE_VERB);
    if (!m || /^[“"]/.test(s.text.trim())) continue;
    const verbAt = s.start + (m.index ?? 0);
    // "Trump sought pledges from other leaders to ...": pledges asked of others, a noun, not
    // the subject's pledge (wild25)
    if (
      /^(?:pledges|promises|commitments)$/.test(m[1] ?? "") &&
      SOUGHT_BEFORE.test(ctx.text.slice(Math.max(s.start, verbAt - 40), verbAt))
    )
      continue;
    const here = placedIn(s, ctx.placed);
    const objStart = verbAt + m[0].length;
    const rest = ctx.text.slice(objStart, s.end);
    const stop = rest.search(/[,;]|\.$|\.\s|\s(?:after|but|though|although|while|because)\s/);
    const object = (stop < 0 ? rest : rest.slice(0, stop)).replace(/[.”"]+$/, "").trim();
    // "Germany aims to buy 35 F-35 jets": a purchase pledged, of a number or a named type
    if (/^(?:buy|purchase|acquire|procure|order)\s/.test(object) && !PURCHASED.test(object))
      continue;
    // "proposed recently by X": a passive, the object is before the verb, not after
    if (
      object.split(/\s+/).length < 2 ||
      /^(?:that|on|in|at|by|the target|\w+ly by)\b/.test(object) ||
      // "Stoltenberg announced on Wednesday ahead of the ministers' meeting": the verb reports the
      // clause before; what follows is when, not what (wild27)
      /^(?:ahead of|during|after|before|following|amid|while|when|as)\b/.test(object)
    )
      continue;
    const subjects = here.filter(
      (p) =>
        ["Person", "Nation", "Organization"].includes(p.cluster.kind) && p.mention.end <= verbAt,
    );
    const close = ctx.text.slice(subjects[subjects.length - 1]?.mention.end ?? verbAt, verbAt);
    let who: Pick<Placed, "cluster">[] = [];
    // "He said his government had pledged ...": the nation of the person last named
    const theirs =
      /\b(?:his|her)\s+(?:government|country|administration|cabinet)\s+(?:(?:has|had|have|also)\s+)*$/i.test(
        ctx.text.slice(Math.max(s.start, verbAt - 45), verbAt),
      )
        ? help.lastPerson(verbAt)
        : undefined;
    const theirNation = theirs ? help.nationOf(theirs) : undefined;
    if (theirNation) who = [{ cluster: theirNation }];
    else if (/\bthey\b/.test(close)) {
      const cut = s.text.search(/\b(?:alongside|with)\b/);
      who = people(subjects).filter((p) => cut < 0 || p.mention.start < s.start + cut);
    } else if (/,\s*and\s+$/.test(close)) {
      // "Carney met with the Prime Minister of Latvia, Evika Siliņa, and announced ...": the main subject
      const main = subjects[0];
      if (main && main.mention.start - s.start < 60) who = [main];
    } else {
      const last = subjects[subjects.length - 1];
      // "NATO, a Western military alliance, pledged", "Germany, having trailed behind, committed":
      // an appositive or a participle between commas leaves the subject the subject
      const aside = /^,\s+(?:a|an|the|having|which|who|after|despite|once)\b[^,;]{1,60},\s*$/.test(
        close,
      );
      if (last && (aside || (!/[,;]\s*$/.test(close) && close.length < 60))) who = [last];
    }
    // "announced Canada's renewal of ...": Canada pledged it too
    const possessor = here.find(
      (p) =>
        p.mention.start === objStart &&
        /^(?:’s|'s)/.test(ctx.text.slice(p.mention.end, p.mention.end + 2)),
    );
    if (possessor && !who.some((w) => w.cluster === possessor.cluster)) who.push(possessor);
    if (who.length === 0) continue;
    const isMoney = /\$|€|£|\bdollars?\b|\bbillions?\b|\bmillions?\b|\beuros?\b|\bpounds\b/i.test(
      object,
    );
    const isPct =
      /per ?cent|%/.test(object) &&
      /GDP|gross domestic product|economic output|national income/.test(object);
    const isTroops = /\btroops|soldiers|personnel\b/.test(object);
    const metric = isPct ? "PERCENT_GDP" : isMoney ? "MONEY" : isTroops ? "TROOPS" : "OTHER";
    const props: Record<string, string | number> = {
      metric,
      status:
        /\bopen to|consider|could|might\b/.test(object) || /^propos/.test(m[1] ?? "")
          ? "PROPOSED"
          : "COMMITTED",
    };
    const objQ = inSentence(
      { ...s, start: objStart, end: objStart + object.length },
      ctx.quantities,
    ).find((q) => q.value !== null && q.type !== "DURATION");
    if (objQ && metric !== "OTHER") props.value = objQ.value as number;
    if (isPct) props.unit = "percent of GDP";
    const owner = who[0]?.cluster as Cluster;
    // "€10.5 billion": the currency its sign or word says
    const currency = metric === "MONEY" ? moneyUnit(object, owner) : undefined;
    if (currency) props.unit = currency;
    const period = object.match(
      /\b(?:over the (?:next|coming) [\w-]+ (?:years|months|decades?)|by 20\d\d|multi-year|within [\w-]+ years)\b/,
    );
    if (period) props.period = period[0];
    const date = dateIn(ctx, s);
    if (date) props.date = date;
    const ownerWord =
      owner.kind === "Person" ? (owner.name.split(/\s+/).pop() ?? owner.name) : owner.name;
    const name = `${ownerWord}: ${object}`.slice(0, 200);
    // "the immediate multi-year renewal of Operation Reassurance" -> operation-reassurance-renewal
    const nominal = object.match(
      /\b(renewal|extension|expansion|increase|deployment|doubling|boost)\s+(?:of|to|in)\s+(?:the\s+)?/,
    );
    const thing = nominal
      ? here.find((p) => p.mention.start === objStart + (nominal.index ?? 0) + nominal[0].length)
      : undefined;
    // "pledged to spend five per cent of GDP": an alliance's target, keyed like the others
    const pctQ = isPct ? objQ : undefined;
    const pledgeKey =
      thing && nominal
        ? `${thing.cluster.key}-${nominal[1]}`
        : pctQ && owner.properties.category === "ALLIANCE"
          ? `${owner.key}-${shareSlug(pctQ.text)}-percent-target`
          : slug(`${ownerWord} ${object}`, 8);
    const pledge = ctx.entity("Pledge", pledgeKey, name, props, {
      start: objStart,
      end: objStart + object.length,
      text: object,
    });
    for (const w of who)
      ctx.propose({ type: "PLEDGED", from: w.cluster, to: pledge, sentence: s, confidence: 0.75 });
    // "Finland vowed to reach 3 percent of GDP by 2029, Prime Minister X said": the nation's own
    // speaker who announced its pledge pledged it too (inferred), as the spending reader records it
    if (owner.kind === "Nation") {
      const speaker = speakerOf(ctx, s, here, objStart, objStart + object.length, help);
      // a speaker of the nation's own (not "Johnson said Germany would ..."), as the text says
      if (speaker && help.nationOf(speaker) === owner && !who.some((w) => w.cluster === speaker))
        ctx.propose({
          type: "PLEDGED",
          from: speaker,
          to: pledge,
          sentence: s,
          inferred: true,
          confidence: 0.7,
        });
    }
    for (const p of here) {
      if (
        p.mention.start >= objStart &&
        p.mention.end <= objStart + object.length &&
        ["Nation", "Organization", "Mission"].includes(p.cluster.kind) &&
        !who.some((w) => w.cluster === p.cluster)
      ) {
        ctx.propose({ type: "ABOUT", from: pledge, to: p.cluster, sentence: s, confidence: 0.7 });
      }
    }
  }
}

/** Quotations and their speakers: SAID, with pronouns resolved to the last named person. */
/**
 * The speaker of a quoted paragraph the paragraph before introduces without quoting: a person
 * with a speech verb ("Zapryanov noted the essential role of collective defence."), or "In his
 * words, ...:" (the last person named before it). Not: a previous paragraph that quotes (a
 * continuation, read elsewhere), or one in which no person speaks.
 */
function reportedBefore(ctx: Context, s: Sentence): Cluster | undefined {
  const prev = ctx.sentences[ctx.sentences.indexOf(s) - 1];
  if (!prev || prev.paragraph !== s.paragraph - 1 || /[“”"]/.test(prev.text)) return undefined;
  if (/^In (?:his|her) (?:own )?words\b/.test(prev.text.trim())) {
    const who = lastPersonBefore(ctx, prev.start);
    return who?.kind === "Person" ? who : undefined;
  }
  const verb = new RegExp(`\\b(?:${SPEECH})\\b`).exec(prev.text);
  if (!verb) return undefined;
  const vAt = prev.start + verb.index;
  const near = placedIn(prev, ctx.placed)
    .filter((p) => p.cluster.kind === "Person" && p.mention.end <= vAt)
    .pop();
  if (near && vAt - near.mention.end < 20) return near.cluster;
  // "Caretaker Defense Minister Zapryanov noted ...": the surname of a person the article named
  const bySurnameFound = bySurname(ctx, ctx.text.slice(prev.start, vAt));
  if (bySurnameFound) return bySurnameFound;
  // "X spoke to reporters in Tallinn on Tuesday, stressing ...": the one person the clause names
  return reportingSubject(ctx, prev, vAt);
}

/** The person named before whose surname is the last word of `lead` ("... Minister Zapryanov "). */
function bySurname(ctx: Context, lead: string): Cluster | undefined {
  const word = /(\p{Lu}[\p{L}'’-]+)\s+$/u.exec(lead)?.[1];
  if (!word) return undefined;
  const found = new Set(
    ctx.placed
      .filter((p) => p.cluster.kind === "Person" && p.cluster.name.split(/\s+/).pop() === word)
      .map((p) => p.cluster),
  );
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * A quotation the copy opens and never closes: 'Mr X said: "We set the budget in September.' at
 * the end of a paragraph (a scraped copy that lost its closing mark), or a quotation running over
 * paragraphs (news copy leaves it open at each paragraph's end and opens the next paragraph with
 * a mark). Read to the sentence's end when the sentence ends its paragraph and the mark follows a
 * colon or a comma or opens the sentence.
 */
function unclosedQuotation(ctx: Context, s: Sentence): RegExpMatchArray | undefined {
  const text = s.text.trimEnd();
  if ((text.match(/[“”"]/g) ?? []).length !== 1) return undefined;
  const m = /(?:^|[:,]\s*)[“"]([^“”"]{20,})$/.exec(text);
  if (!m) return undefined;
  const next = ctx.sentences[ctx.sentences.indexOf(s) + 1];
  if (next && next.paragraph === s.paragraph) return undefined;
  const at = (m.index ?? 0) + m[0].length - (m[1] ?? "").length - 1;
  // the same shape as a closed quotation's match: [whole, inner], at the mark
  const out = /[“"]([\s\S]*)$/.exec(text.slice(at));
  if (!out) return undefined;
  out.index = at;
  return out;
}

function quotes(ctx: Context, holders: Map<string, Cluster>): void {
  const alliance =
    ctx.placed.find((p) => p.cluster.key === "nato")?.cluster ??
    ctx.placed.find((p) => p.cluster.properties.category === "ALLIANCE")?.cluster;
  answers(ctx);
  const missionsNamed = [
    ...new Set(ctx.placed.filter((p) => p.cluster.kind === "Mission").map((p) => p.cluster)),
  ];
  const oneMission = missionsNamed.length === 1 ? missionsNamed[0] : undefined;
  // where each mission and each exercise is named, in text order: what "this mission", "this
  // exercise" in a quotation stands for when the article names several (twenty-first pass)
  const missionsAt = ctx.placed
    .filter((p) => p.cluster.kind === "Mission")
    .map((p) => ({ c: p.cluster, at: p.mention.start }))
    .sort((a, b) => a.at - b.at);
  const exercisesAt = ctx.placed
    .filter((p) => isExercise(ctx, p.cluster))
    .map((p) => ({ c: p.cluster, at: p.mention.start }))
    .sort((a, b) => a.at - b.at);
  let lastSpeaker: Cluster | undefined;
  let lastParagraph = -1;
  /** The sentence the last speaker's words were in, and where the speaker is named in it. */
  let lastSaid: { s: Sentence; at: number } | undefined;
  for (const s of ctx.sentences) {
    const qs: RegExpMatchArray[] = quotationsIn(s.text);
    if (qs.length === 0) {
      const open = unclosedQuotation(ctx, s);
      if (open) qs.push(open);
    }
    if (qs.length === 0) continue;
    const here = placedIn(s, ctx.placed);
    // the speaker: a name or pronoun next to a speech verb
    let speaker: Cluster | undefined;
    let confidence = 0.85;
    const reported = /^[“"]/.test(s.text.trim()) ? reportedBefore(ctx, s) : undefined;
    // "X called the deployment 'a sign of resolve'": naming words are the namer's
    // (a speech verb inside the quoted words, '"... a shared decision ...," X said', is the
    // speaker's word, not the attribution: the first one outside them, where there is one; wild24)
    const verbs = [
      ...s.text.matchAll(
        new RegExp(
          `\\b(?:${SPEECH}|(?:called|calls|described|describes|dubbed|hailed)(?=[^“”"‘«„]{0,40}[“"‘'«„])|(?:expressed|expresses|voiced|voices)(?=[^“”"‘«„]{0,60}[“"‘'«„]))\\b`,
          "gi",
        ),
      ),
    ].slice(0, 8);
    const quoted = (at: number) =>
      qs.some((q) => (q.index ?? 0) < at && at < (q.index ?? 0) + q[0].length);
    let verb: RegExpExecArray | null = (verbs.find((v) => !quoted(v.index ?? 0)) ??
      verbs[0] ??
      null) as RegExpExecArray | null;
    // "in the words of NATO Secretary General Jens Stoltenberg, '...'": the person named after it
    const wordsOf = /\b[Ii]n the words of\s/.exec(s.text);
    const wordsOfSpeaker = wordsOf
      ? here.find(
          (p) =>
            p.cluster.kind === "Person" &&
            p.mention.start >= s.start + wordsOf.index + wordsOf[0].length &&
            p.mention.start <= s.start + wordsOf.index + wordsOf[0].length + 60 &&
            !/[“”"]/.test(ctx.text.slice(s.start + wordsOf.index, p.mention.start)),
        )
      : undefined;
    // "according to the official programme, ... 'a message of solidarity'": a document or plan
    // is no speaker, and the last person named did not say the words
    if (
      verb &&
      /^according to$/i.test(verb[0]) &&
      !here.some(
        (p) =>
          p.cluster.kind === "Person" &&
          p.mention.start >= s.start + (verb?.index ?? 0) &&
          p.mention.start < s.start + (verb?.index ?? 0) + 70,
      )
    )
      verb = null;
    if (wordsOfSpeaker) {
      speaker = wordsOfSpeaker.cluster;
    } else if (verb) {
      const vAt = s.start + verb.index;
      const before = here.filter((p) => p.mention.end <= vAt && p.cluster.kind === "Person");
      // "according to Defence Minister X": a title may stand between
      const reach = /^according to$/i.test(verb[0]) ? 70 : 30;
      // "“...,” Doyle told Prime Minister X": who is told is no speaker (wild24)
      const afterP = here.filter(
        (p) =>
          p.cluster.kind === "Person" &&
          !TOLD.test(verb?.[0] ?? "") &&
          p.mention.start >= vAt &&
          (p.mention.start < vAt + reach ||
            // "said Finnish Defence Minister Antti Häkkänen": only a title between
            titleGap(ctx.text.slice(vAt + (verb?.[0].length ?? 0), p.mention.start))),
      );
      const nearBefore = before[before.length - 1];
      const gap = nearBefore ? ctx.text.slice(nearBefore.mention.end, vAt) : "";
      if (nearBefore && (gap.length < 40 || ofBody(gap) || officeAside(gap)) && !/[“”]/.test(gap))
        speaker = nearBefore.cluster;
      else if (afterP[0]) speaker = afterP[0].cluster;
      else {
        const role = ctx.text
          .slice(Math.max(s.start, vAt - 40), vAt)
          .match(
            /\b[Tt]he\s+([\p{L}.]+)\s+(?:head|chief|leader|boss|secretary[- ]general|prime minister|president)\s+$/u,
          );
        const org = role ? here.find((p) => p.mention.text === role[1]) : undefined;
        // "the minister said", "said the prime minister": the person the article gave that title
        const title = (
          ctx.text
            .slice(Math.max(s.start, vAt - 50), vAt)
            .match(
              /\b[Tt]he\s+((?:[\p{L}-]+\s+){0,2}(?:minister|president|prime minister|ambassador|commander|general|colonel|major|captain|chancellor|secretary[- ]general|spokes(?:person|man|woman)|officer|chief))\s+$/iu,
            )?.[1] ??
          ctx.text
            .slice(vAt, Math.min(s.end, vAt + 60))
            .match(
              /^\w+\s+the\s+((?:[\p{L}-]+\s+){0,2}(?:minister|president|prime minister|ambassador|commander|general|colonel|major|captain|chancellor|secretary[- ]general|spokes(?:person|man|woman)|officer|chief))\b/iu,
            )?.[1]
        )?.toLowerCase();
        const titled = title ? titleHolderOfNation(ctx, s, title, vAt) : undefined;
        if (org && holders.get(org.cluster.key)) speaker = holders.get(org.cluster.key);
        else if (titled) {
          speaker = titled;
          confidence = 0.7;
        } else if (
          new RegExp(
            `\\b(?:he|she)\\s+(?:${SPEECH})\\b|\\b(?:said|says|told|added)\\s+(?:he|she)\\b`,
            "i",
          ).test(s.text) ||
          (nearBefore === undefined &&
            // "“...,” the ministry said": a body speaks, not the last person named (wild24)
            !BODY_SUBJECT.test(ctx.text.slice(Math.max(s.start, vAt - 50), vAt)) &&
            // "“...,” it said", "they added": a body or several, not the last person named (wild25)
            !/\b(?:it|they)\s+$/i.test(ctx.text.slice(Math.max(s.start, vAt - 10), vAt)) &&
            afterP.length === 0 &&
            // "Bourque said": someone the extractor does not know, not the last person named
            !/\p{Lu}[\p{L}'’.-]*,?\s+$/u.test(ctx.text.slice(Math.max(s.start, vAt - 30), vAt)) &&
            !/^\w+\s+\p{Lu}/u.test(ctx.text.slice(vAt, s.end)))
        ) {
          speaker = lastPersonBefore(ctx, vAt);
          // '"We will deploy 700 troops," X told reporters, after talks with Y. / He said ...':
          // a person named after the last speaker in the sentence just before, as the one
          // spoken with, is no subject "he" goes back to; the speaker is (nineteenth pass)
          const prev = ctx.sentences[ctx.sentences.indexOf(s) - 1];
          const saidAt = lastSaid?.s === prev ? lastSaid?.at : undefined;
          const inPrev = (p: Placed) =>
            p.cluster === speaker &&
            prev !== undefined &&
            p.mention.start >= prev.start &&
            p.mention.end <= prev.end;
          if (
            saidAt !== undefined &&
            lastSpeaker &&
            speaker !== lastSpeaker &&
            ctx.placed.some((p) => inPrev(p) && p.mention.start > saidAt) &&
            !ctx.placed.some((p) => inPrev(p) && p.mention.start < saidAt)
          )
            speaker = lastSpeaker;
          confidence = 0.7;
        }
      }
    } else if (reported) {
      // a quoted paragraph after its speaker's reported words: "Zapryanov noted the role of
      // collective defence. / 'Bulgaria cannot ...'", "In his words, ...: / '...'"
      speaker = reported;
      confidence = 0.6;
    } else if (
      /^[“"]/.test(s.text.trim()) &&
      (s.paragraph === lastParagraph || s.paragraph === lastParagraph + 1) &&
      lastSpeaker
    ) {
      // a quotation without a speech verb right after another speaker's words (the same
      // paragraph, or the next one) continues them
      speaker = lastSpeaker;
      confidence = s.paragraph === lastParagraph ? 0.75 : 0.6;
    }
    // after a naming verb, only the words it names ("called Friday 'an historic day'")
    const naming = verb && /^(?:called|calls|described|describes|dubbed|hailed)$/i.test(verb[0]);
    // a quotation a body or someone unnamed said ("the ministry said", "the portal said"): words a
    // reader records all the same, about what they name, with no person to have said them
    const body =
      speaker?.kind !== "Person" && verb && !naming ? speakingBody(ctx, s, verb) : undefined;
    if (speaker?.kind !== "Person") {
      // (a reviewer still sees that no person was found for it)
      if (verb) ctx.problem(`no speaker found for the quotation in: ${s.text.slice(0, 80)}…`);
      if (!body) continue;
      speaker = undefined;
      confidence = 0.6;
    } else {
      lastSpeaker = speaker;
      lastParagraph = s.paragraph;
      lastSaid = {
        s,
        at: here.find((p) => p.cluster === speaker)?.mention.start ?? s.start,
      };
    }
    for (const q of qs) {
      const inner = q[1] ?? q[2] ?? "";
      if (inner.trim().length === 0) continue;
      if (naming && verb && ((q.index ?? 0) < verb.index || (q.index ?? 0) > verb.index + 50))
        continue;
      const qStart = s.start + (q.index ?? 0) + 1;
      // 'Dubbed "Nusret"', 'the drill named "Nusret-2017"', 'known as "Winter Camp"': a name in
      // quotation marks, not words anyone said (nineteenth pass)
      if (quotedName(ctx.text, qStart - 1, inner)) continue;
      // words that name their speaker in the third person ('"... Vasile Dincu presented the
      // progress ...," says the ministry's press release') are a release about that person, not
      // the person's own words: no one says them, and a reader records no quote
      if (
        speaker &&
        (namesItsSpeaker(inner, speaker) ||
          here.some(
            (p) =>
              p.cluster === speaker &&
              p.mention.start >= qStart &&
              p.mention.end <= qStart + inner.length,
          ))
      )
        continue;
      const quote = speaker
        ? quoteOf(ctx, speaker, inner, qStart)
        : unattributedQuote(ctx, body ?? "", inner, qStart);
      if (speaker) ctx.propose({ type: "SAID", from: speaker, to: quote, sentence: s, confidence });
      const about = new Set<Cluster>();
      const named = here.filter(
        (p) =>
          p.mention.start >= qStart &&
          p.mention.end <= qStart + inner.length &&
          ["Nation", "Organization", "Mission", "Place", "Event"].includes(p.cluster.kind) &&
          !qualifiesAnother(ctx.text, p, here),
      );
      // a town or a base where the words put something else they name ("the NATO battlegroup
      // based in Tapa") is where, not what they are about; alone, it is their topic ("Our brigade
      // will stay in Rovaniemi")
      const things = named.some((p) => !isSiteOrTown(p));
      for (const p of named) {
        if (things && isSiteOrTown(p)) continue;
        about.add(p.cluster);
        ctx.propose({ type: "ABOUT", from: quote, to: p.cluster, sentence: s, confidence: 0.6 });
      }
      // "this group", "the battle group", "our mission": the article's one mission
      if (
        oneMission &&
        !about.has(oneMission) &&
        /\b(?:the|this|that|our|your|its)\s+(?:(?:multinational|NATO|new)\s+)?(?:mission|battle ?group|battlegroup|group|brigade|rotation|deployment|operation|contingent)\b/i.test(
          inner,
        )
      ) {
        about.add(oneMission);
        ctx.propose({
          type: "ABOUT",
          from: quote,
          to: oneMission,
          sentence: s,
          inferred: true,
          confidence: 0.55,
        });
      }
      // "this important NATO peacetime mission", "the air policing missions", "this exercise":
      // where the article names several, the one named last before the quotation (inferred)
      const meant = [
        !oneMission && DESCRIBED_MISSION.test(inner) ? lastBefore(missionsAt, qStart) : undefined,
        DESCRIBED_EXERCISE.test(inner) ? lastBefore(exercisesAt, qStart) : undefined,
      ];
      for (const c of meant) {
        if (!c || about.has(c)) continue;
        about.add(c);
        ctx.propose({
          type: "ABOUT",
          from: quote,
          to: c,
          sentence: s,
          inferred: true,
          confidence: 0.55,
        });
      }
      // "the Alliance's primary force": the alliance the article names, by its capitalised common
      // name; "our allies", "all allies must do more" speak of the members, not of the alliance
      if (alliance && !about.has(alliance) && /\bAlliance\b/.test(inner)) {
        ctx.propose({
          type: "ABOUT",
          from: quote,
          to: alliance,
          sentence: s,
          inferred: true,
          confidence: 0.55,
        });
      }
      // A fragment woven into reported speech ("X said NATO's presence in Poland was 'a sign of
      // unity'", "X called it 'a historic day' as NATO deployed troops in Poland"): the sentence
      // around it says what it is about, but for the speaker and the title naming them.
      // (a short quote that ends its own sentence, '"We are ready," Carney said in Riga', is words
      // of its own: about what it names only)
      const fragment =
        /^\p{Ll}/u.test(inner.trim()) ||
        (inner.trim().split(/\s+/).length <= 4 && !/[,.!?…]$/.test(inner.trim()));
      if (fragment) {
        const speakerAt = here.filter((p) => p.cluster === speaker).map((p) => p.mention.start);
        for (const p of here) {
          if (
            !["Nation", "Organization", "Mission", "Event"].includes(p.cluster.kind) ||
            about.has(p.cluster) ||
            p.cluster.name === body ||
            p.cluster.properties.category === "CONFLICT" ||
            // "Rutte told the BBC there was 'no problem'": who is told is no topic (wild24)
            /\b(?:told|tells|telling|said\s+to|speaking\s+to|interview\s+with)\s+(?:the\s+)?$/i.test(
              ctx.text.slice(Math.max(0, p.mention.start - 24), p.mention.start),
            ) ||
            // "NATO's largest exercise sends 'a clear message'": the exercise's, not NATO's
            possessorOfNoun(ctx.text, p) ||
            // the title before the speaker's name: "NATO Secretary General Jens Stoltenberg"
            speakerAt.some((at) => p.mention.end <= at && at - p.mention.end <= 40)
          )
            continue;
          about.add(p.cluster);
          // rated as a reader of its own: often wrong on unseen text (calibration.ts, UNSEEN)
          const reader = ctx.reader;
          ctx.reader = "quoteFragments";
          ctx.propose({
            type: "ABOUT",
            from: quote,
            to: p.cluster,
            sentence: s,
            inferred: true,
            confidence: 0.5,
          });
          ctx.reader = reader;
        }
      }
    }
  }
}

/**
 * A mission a quotation describes rather than names: a determiner, up to three words, the head
 * ("this important NATO peacetime mission", "the Alliance mission of protecting the skies", "the air
 * policing missions"); not one the words place in a named land ("the mission in Mali").
 */
const DESCRIBED_MISSION =
  /\b(?:[Tt]he|[Tt]his|[Tt]hat|[Oo]ur|[Tt]hese)\s+(?:[\p{L}-]+\s+){0,3}(?:missions?|battle ?groups?|battlegroups?|deployment|rotation|contingent)\b(?!\s+(?:in|to|at|of)\s+\p{Lu})/u;
/** An exercise a quotation describes: "This exercise confirms ...", "the drills showed ...". */
const DESCRIBED_EXERCISE =
  /\b(?:[Tt]he|[Tt]his|[Tt]hese|[Oo]ur)\s+(?:[\p{L}-]+\s+){0,2}(?:exercises?|drills?)\b(?!\s+(?:in|to|at|of)\s+\p{Lu})/u;

/** The thing named last before `at` in a text-ordered list (binary search). */
function lastBefore(xs: readonly { c: Cluster; at: number }[], at: number): Cluster | undefined {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid]?.at ?? 0) < at) lo = mid + 1;
    else hi = mid;
  }
  return xs[lo - 1]?.c;
}

/** A word that introduces a name: "dubbed", "named", "code-named", "known as". */
const NAMING_WORD =
  /\b(?:dubbed|named|called|code-?named|nicknamed|known\s+as|titled|entitled|labell?ed|branded)\s*$/i;

/**
 * Whether the quotation opening at `open` is a name in quotation marks: one to five words, the
 * first capitalised, right after a word that introduces a name ('Dubbed "Nusret"', 'the drill
 * named "Nusret-2017"'). Words that describe ('called it "a historic day"') are lower case.
 */
export function quotedName(text: string, open: number, inner: string): boolean {
  const words = inner.trim().split(/\s+/);
  return (
    words.length <= 5 &&
    /^\p{Lu}/u.test(inner.trim()) &&
    NAMING_WORD.test(text.slice(Math.max(0, open - 24), open))
  );
}

/**
 * Whether quoted words name their own speaker in the third person: the full name, or the surname
 * as the subject of a verb ("Vasile Dincu presented the progress ...", "Dincu stressed"). People do
 * not speak of themselves so; such words are a release or a report about the person.
 */
export function namesItsSpeaker(inner: string, speaker: Cluster): boolean {
  const name = speaker.name.trim();
  if (name.length < 3) return false;
  if (inner.includes(name) && name.includes(" ")) return true;
  const surname = name.split(/\s+/).at(-1) ?? "";
  if (surname.length < 3) return false;
  const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}])${escaped}\\s+\\p{Ll}+(?:ed|s)\\b`, "u").test(inner);
}

/**
 * The Quote entity of `speaker`'s words `inner`, found at offset `start` of the text: keyed by
 * the speaker's surname and the quote's first words, named by the surname and the words (cut at
 * 80 characters).
 */
function quoteOf(ctx: Context, speaker: Cluster, inner: string, start: number): Cluster {
  return quoteBy(ctx, speaker.name.split(/\s+/).pop() ?? speaker.name, inner, start);
}

/** A quotation no person is named for: keyed and named by the body that said it ("Ministry"). */
function unattributedQuote(ctx: Context, body: string, inner: string, start: number): Cluster {
  return quoteBy(ctx, body.charAt(0).toUpperCase() + body.slice(1), inner, start);
}

/**
 * Who said a quotation when no person did: an organisation named next to the speech verb ("NATO
 * said in a statement"), else the noun of "the ministry said", "said the portal", "a
 * spokesperson for X said"; undefined when nothing names a speaker (the words are no quotation a
 * reader attributes).
 */
/**
 * What stands between a speaker's name and the speech verb when it names the speaker's body:
 * " of Supreme Headquarters Allied Powers Europe (SHAPE) " in "Jay Janzen of Supreme
 * Headquarters Allied Powers Europe (SHAPE) told BNS". Capitalised words, "of", "the", "and",
 * an abbreviation in brackets; no comma, no quotation mark.
 */
const ofBody = (gap: string) =>
  gap.length <= 90 &&
  /^\s+(?:of|from|at)\s+(?:the\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+(?:(?:of|the|and|for)\s+)*\p{Lu}[\p{L}.’'-]*)*(?:\s+\(\p{Lu}[\p{L}]{1,9}\))?\s+$/u.test(
    gap,
  );
/**
 * An office between commas after the speaker's name: "Vice Adm. Thomas Ishee, commander of U.S.
 * 6th Fleet and STRIKEFORNATO, said", "X, a spokesperson for the ministry, said" (wild25).
 */
const officeAside = (gap: string) =>
  gap.length <= 100 &&
  /^,\s+(?:(?:the|a|an|its|his|her)\s+)?(?:[\p{L}-]+\s+){0,3}(?:commander|head|chief|director|spokes(?:man|woman|person)|minister|secretary|ambassador|president|leader|officer|chairman|chair|envoy|adviser|advisor)\s+(?:of|at|for|to)\s+[^,;“”"]{1,70},\s+$/iu.test(
    gap,
  );
/**
 * A body as the subject of a speech verb: "the ministry", "the defence ministry's press office",
 * and a body's statement with an indefinite article ("A MARCOM statement noted:", wild26).
 */
const BODY_SUBJECT =
  /\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[\p{L}’'-]+\s+){0,3}(?:ministry|office|portal|agency|army|government|command|embassy|newspaper|broadcaster|website|statement|headquarters)\s+$/u;
/** A speech verb whose object is who was spoken to: "told BNS", "telling the BBC". */
const TOLD = /^(?:told|tells|telling)$/i;

function speakingBody(ctx: Context, s: Sentence, verb: RegExpExecArray): string | undefined {
  if (/^according to$/i.test(verb[0])) {
    const after = ctx.text.slice(s.start + verb.index + verb[0].length, s.end);
    const org = placedIn(s, ctx.placed).find(
      (p) =>
        p.cluster.kind === "Organization" &&
        p.mention.start >= s.start + verb.index &&
        p.mention.start < s.start + verb.index + 40,
    );
    if (org) return org.cluster.name;
    return /^\s+(?:the|a|an)\s+(?:[\p{Ll}-]+\s+){0,2}(ministry|spokes(?:person|man|woman)|office|statement|portal|agency|army|government|command|embassy)\b/u.exec(
      after,
    )?.[1];
  }
  const vAt = s.start + verb.index;
  // "X told BNS", "told the BBC": who is told is not who speaks (wild24)
  const toWhom = TOLD.test(verb[0]);
  const org = placedIn(s, ctx.placed).find(
    (p) =>
      p.cluster.kind === "Organization" &&
      ((p.mention.end <= vAt && /^[\s,]*$/.test(ctx.text.slice(p.mention.end, vAt))) ||
        (!toWhom &&
          p.mention.start >= vAt + verb[0].length &&
          /^\s+(?:the\s+)?$/.test(ctx.text.slice(vAt + verb[0].length, p.mention.start)))),
  );
  if (org) return org.cluster.name;
  const before = ctx.text.slice(Math.max(s.start, vAt - 60), vAt);
  const after = ctx.text.slice(vAt + verb[0].length, Math.min(s.end, vAt + verb[0].length + 60));
  const noun =
    /\b(?:[Tt]he|[Aa])\s+(?:[\p{L}-]+\s+){0,2}?(ministry|spokes(?:person|man|woman)|office|portal|agency|army|government|command|embassy|statement|source|official|newspaper|broadcaster|website|(?:prime\\s+)?minister|president|ambassador|commander|chancellor|secretary[- ]general)(?:\s+(?:for|of)\s+(?:the\s+)?[\p{Lu}][\p{L}-]*(?:\s+(?:of\s+)?[\p{Lu}][\p{L}-]*)*)?,?\s+$/u.exec(
      before,
    ) ??
    (toWhom
      ? null
      : /^\s+(?:the|a)\s+(?:[\p{L}-]+\s+){0,2}?(ministry|spokes(?:person|man|woman)|office|portal|agency|army|government|command|embassy|statement|source|official|newspaper|broadcaster|website|(?:prime\\s+)?minister|president|ambassador|commander|chancellor|secretary[- ]general)\b/u.exec(
          after,
        ));
  if (noun?.[1]) return noun[1];
  // "“…,” Bourque said", "said Cpl. Jane Doe": someone the finder did not take for a person;
  // their words are still a quotation, keyed by the name
  const afterName = /^\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,5}?)(\p{Lu}[\p{L}'’-]+)(?=[\s,.;]|$)/u.exec(
    after,
  );
  const named =
    /(?<![\p{L}.])(\p{Lu}[\p{L}'’-]+),?\s+$/u.exec(before)?.[1] ??
    (afterName && !toWhom && titleGap(` ${afterName[1] ?? ""}`) ? afterName[2] : undefined);
  return named &&
    !/^(?:He|She|It|They|We|I|You|This|That|The|NATO|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(
      named,
    )
    ? named
    : undefined;
}

function quoteBy(ctx: Context, surname: string, inner: string, start: number): Cluster {
  // The text is what stands between the marks, as the house style keeps it; the name, which a
  // reader sees in lists, leaves out the comma that hands it to its verb ("... allies," he said).
  const shown = inner.replace(/[\s,;:]+$/u, "") || inner;
  const words = inner
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .filter((w) => w.length > 2)
    .slice(0, 6)
    .join(" ");
  return ctx.entity(
    "Quote",
    `quote-${slug(surname)}-${slug(words || inner, 6)}`,
    `${surname}: ${shown.length > 80 ? `${shown.slice(0, 77).trimEnd()}…` : shown}`,
    { text: inner },
    { start, end: start + inner.length, text: inner },
  );
}

/**
 * An interview's answers: a paragraph that opens with a person's name and a colon
 * ("Kosiniak-Kamysz: It is a lot, but it is necessary. ...") is that person's words, verbatim, to
 * the paragraph's end; about what it names. Questions ("Q:") and labels that are no person named
 * in the article say nothing.
 */
function answers(ctx: Context): void {
  const paragraphs = new Map<number, Sentence[]>();
  for (const s of ctx.sentences) {
    const list = paragraphs.get(s.paragraph);
    if (list) list.push(s);
    else paragraphs.set(s.paragraph, [s]);
  }
  for (const list of paragraphs.values()) {
    const first = list[0] as Sentence;
    const label = /^\s*(\p{Lu}[\p{L}’'.-]+(?:\s\p{Lu}[\p{L}’'.-]+){0,2}):\s+(?=[\p{Lu}“"‘'])/u.exec(
      first.text,
    );
    if (!label) continue;
    const at = first.start + (label.index ?? 0) + label[0].indexOf(label[1] as string);
    const speaker = ctx.placed.find(
      (p) =>
        p.cluster.kind === "Person" &&
        p.mention.start === at &&
        p.mention.end === at + (label[1] as string).length,
    )?.cluster;
    if (!speaker) continue;
    const last = list[list.length - 1] as Sentence;
    const start = first.start + (label.index ?? 0) + label[0].length;
    const inner = ctx.text.slice(start, last.end).trimEnd();
    if (inner.length < 2 || /[“”"]/.test(inner)) continue;
    const quote = quoteOf(ctx, speaker, inner, start);
    ctx.propose({ type: "SAID", from: speaker, to: quote, sentence: first, confidence: 0.75 });
    const about = new Set<Cluster>();
    for (const s of list) {
      for (const p of placedIn(s, ctx.placed)) {
        if (
          p.mention.start < start ||
          about.has(p.cluster) ||
          !["Nation", "Organization", "Mission", "Place", "Event"].includes(p.cluster.kind)
        )
          continue;
        about.add(p.cluster);
        ctx.propose({ type: "ABOUT", from: quote, to: p.cluster, sentence: s, confidence: 0.6 });
      }
    }
  }
}

/**
 * The person named before `at` whose title ends with the words of `title` ("the defence minister"
 * -> "Defence Minister Hanno Pevkur"); the most recent such person.
 */
/**
 * "“…,” the Ukrainian minister stated": a title that names a nation is held by the person the
 * article gave a title of that nation (describedPerson), not by the last minister of any (wild26);
 * a title without one by `titleHolder`'s person.
 */
function titleHolderOfNation(
  ctx: Context,
  s: Sentence,
  wanted: string,
  at: number,
): Cluster | undefined {
  const first = wanted.split(/\s+/)[0] ?? "";
  const near = ctx.text.slice(Math.max(s.start, at - 60), Math.min(s.end, at + 60));
  const off = near.toLowerCase().indexOf(wanted);
  const from = off >= 0 ? Math.max(s.start, at - 60) + off : -1;
  const nation =
    from >= 0 &&
    ctx.placed.some(
      (p) =>
        p.cluster.kind === "Nation" &&
        p.mention.start >= from &&
        p.mention.end <= from + first.length,
    );
  return nation ? describedPerson(ctx, from, from + first.length) : titleHolder(ctx, wanted, at);
}

function titleHolder(ctx: Context, wanted: string, at: number): Cluster | undefined {
  const title = titleKey(wanted);
  const last = title.split(/\s+/).pop() ?? title;
  let best: Cluster | undefined;
  for (const p of ctx.placed) {
    if (p.cluster.kind !== "Person" || p.mention.start >= at) continue;
    const role = titleKey(p.mention.role ?? "");
    const after = titleKey(ctx.text.slice(p.mention.end, p.mention.end + 80));
    if (
      role.endsWith(title) ||
      role.endsWith(last) ||
      (/^,\s/.test(after) && after.split(",")[1]?.includes(last))
    )
      best = p.cluster;
  }
  return best;
}

/**
 * Who "the Turkish minister" (words ending at `end`, the sentence at `at`) stands for: the person
 * named last before whose title names that nation ("Turkish Defence Minister X"), else the last
 * whose title names no other nation ("Defence Minister X", not "U.S. Secretary of Defense Y").
 * Without a nation in the words ("he", "the minister"), the person named last.
 */
function describedPerson(ctx: Context, at: number, end: number): Cluster | undefined {
  const nationIn = (from: number, to: number) =>
    ctx.placed.find(
      (p) => p.cluster.kind === "Nation" && p.mention.start >= from && p.mention.end <= to,
    )?.cluster;
  const wanted = nationIn(at, end);
  if (!wanted) return lastPersonBefore(ctx, at);
  let unmarked: Cluster | undefined;
  const before = ctx.placed.filter((p) => p.cluster.kind === "Person" && p.mention.end <= at);
  for (let i = before.length - 1; i >= 0; i--) {
    const p = before[i] as Placed;
    // the title right before the name: in its sentence, from the last comma on
    const sentenceStart = sentenceOf(ctx, p.mention.start)?.start ?? 0;
    const lead = Math.max(sentenceStart, p.mention.start - 60);
    let from = lead + ctx.text.slice(lead, p.mention.start).lastIndexOf(",") + 1;
    // "the Ukrainian Defence Minister, Stepan Poltorak": the title in apposition before the comma
    if (from > lead && ctx.text.slice(from, p.mention.start).trim() === "")
      from = lead + ctx.text.slice(lead, from - 1).lastIndexOf(",") + 1;
    const named = nationIn(from, p.mention.start);
    if (named === wanted) return p.cluster;
    if (!named) unmarked ??= p.cluster;
  }
  return unmarked;
}

function lastPersonBefore(ctx: Context, at: number): Cluster | undefined {
  let best: Placed | undefined;
  for (const p of ctx.placed) {
    if (p.cluster.kind !== "Person" || p.mention.start >= at) continue;
    // a name inside an earlier quotation is not who speaks
    best = p;
  }
  return best?.cluster;
}
