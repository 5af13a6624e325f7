/**
 * Modal and reported spending pledges, the way defence news words them: "Germany will raise
 * defense spending to 3.5% of gross domestic product by 2029", "Merz said his country would boost
 * defence spending to 3.5 per cent of GDP next year", "Berlin plans to increase military spending
 * to three and a half percent of economic output", "the government will add $9 billion to the
 * defence budget". One Pledge per statement, PLEDGED by the nation that will spend (a capital
 * standing for its nation, "his country" for the speaker's), by the speaker (inferred) and ABOUT
 * the alliance's target where the sentence names it. Negated, conditional and hedged statements
 * ("would not", "could", "if needed") make nothing: a pledge drafted wrongly is worse than none.
 */
import { type Context, inSentence, type Placed, placedIn } from "./context.js";
import { capitalOf } from "./gazetteer.js";
import { shareSlug, slug } from "./keys.js";
import type { Cluster } from "./link.js";
import type { Quantity } from "./mentions.js";
import type { Sentence } from "./sentences.js";

const MODAL = `(?:will|would|could|may|might|(?:is|are|was|were) ready to|offered to|offers to|shall|['’]ll|(?:is|are|was|were) (?:set |going |expected |due )?to|plans? to|planned to|intends? to|intended to|aims? to|aimed to|wants? to|seeks? to|expects? to|hopes? to|(?:has |have |had )?(?:pledged|promised|vowed|committed|decided|agreed) to|pledges to|promises to|vows to|decides to|agrees to)`;
// any adverb in -ly ("would separately provide", "will swiftly deploy") besides the listed ones
const ADVERB = String.raw`(?:\s+(?:also|further|gradually|steadily|significantly|sharply|now|soon|eventually|still|then|quickly|substantially|dramatically|[a-z]{3,}ly))?`;
/**
 * A modal that offers rather than commits ("could contribute", "may send", "is ready to deploy"):
 * read for troops and equipment only, as a PROPOSED pledge (annotators record such offers: "Spain
 * could deploy fighter jets to Bulgaria"); a share of GDP or a sum "could" reach is no pledge.
 */
const OFFER = /^(?:could|may|might|(?:is|are|was|were) ready to|offer(?:s|ed) to)$/;
/** What a nation sends besides troops: aircraft, ships, vehicles, air defence. */
export const EQUIPMENT = `(?:(?:fighter |combat |military |transport )?(?:jets|aircraft|warplanes|planes|fighters)|helicopters|drones|(?:main battle )?tanks|armou?red (?:personnel carriers|vehicles)|(?:infantry fighting |combat |armou?red )?vehicles|warships|(?:navy |naval )?ships|frigates|destroyers|corvettes|minehunters|submarines|vessels|(?:air|missile) defen[cs]e systems?|(?:missile|rocket|Patriot|air defen[cs]e) (?:systems?|batter(?:y|ies))|batter(?:y|ies)|howitzers|artillery(?: systems| pieces)?|Typhoons|Eurofighters|Gripens|Rafales|F-16s|F-35s|F-16 jets|F-35 jets)`;
const KIT_VERB =
  /^(?:send|deploy|station|dispatch|contribute|provide|base|commit|donate|supply|deliver|lend|transfer|give)$/;
/** "eight Eurofighter fighter jets", "armoured personnel carriers and tanks", right after the verb. */
const KIT_AFTER = new RegExp(
  String.raw`^\s+((?:(?!(?:to|in|at|for|with|from|on|by|as)\s)[\p{L}\d,’'-]+\s+){0,4}?${EQUIPMENT}(?:\s+and\s+${EQUIPMENT})?)\b`,
  "u",
);
const VERB = `(?:raise|increase|boost|lift|hike|ramp up|step up|scale up|bring|take|push|double|spend|allocate|devote|invest|reach|meet|hit|achieve|add|earmark|put|set aside|commit|send|deploy|station|dispatch|contribute|provide|base|keep|maintain|expand|grow|donate|supply|deliver|lend|transfer|give)`;
const TROOPS_AFTER =
  /^\s+(?:(?:more|additional|extra|new|[\p{Lu}][\p{L}]+)\s+){0,3}(?:troops|soldiers|personnel|service members|servicemembers|marines|sailors)\b/u;
const TROOP_WORD =
  /\b(?:troops|soldiers|personnel|service members|servicemembers|marines|brigade)\b/;
const PLEDGE_RE = new RegExp(String.raw`\b(${MODAL})${ADVERB}\s+(${VERB})\b`, "g");
const NEGATED = /\b(?:not|never|no longer|n['’]t)\s*$/;
const GDP =
  /^\s+of\s+(?:its\s+|their\s+|the\s+country['’]s\s+|national\s+|annual\s+)?(?:GDP|gross domestic product|economic output|national income|economy)\b/;
/** "raise defence spending to ", "increase its military budget to ": a level the share rises to. */
const SPENDING_TO =
  /^\s*(?:(?:its|their|the|our|national|annual)\s+)?(?:defen[cs]e|military)\s+(?:spending|budget|expenditure|outlays?)\s+(?:(?:next year|this year|in 20\d\d)\s+)?to\s+(?:at least\s+|around\s+|about\s+)?$/i;
const DEFENCE =
  /\b(?:defen[cs]e|military|armed forces|army|security|armaments?|weapons|rearmament)\b/i;
const PERIOD =
  /\b(?:(?:by|in|from|until|before) (?:the end of )?(?:(?:the )?decade|20\d\d(?:[-–]\d\d)?)|(?:next|this|the coming) (?:fiscal )?year|within (?:the next )?[\w-]+ years|over the (?:next|coming) [\w-]+ (?:years|decades?)|in (?:the )?(?:next|coming) [\w-]+ years)\b/;
export interface PledgeHelp {
  /** The alliance targets (keys ending -percent-target) the article names. */
  targets: () => Cluster[];
  /** The nation a person leads or serves, by the titles found. */
  nationOf: (person: Cluster) => Cluster | undefined;
  /** The nation a person spoke for in an earlier pledge ("Germany will ..., Merz said"). */
  spokeFor?: Map<Cluster, Cluster>;
  /** The nation the article centres on. */
  home?: Cluster | undefined;
  /** The last person named before `at` (for "he said"). */
  lastPerson: (at: number) => Cluster | undefined;
}

/** The spending pledges of the article; returns the sentences it read one in. */
export function spendingPledges(ctx: Context, given: PledgeHelp): Set<Sentence> {
  // whether a sentence makes several pledges, asked once a sentence
  const several = new Map<Sentence, boolean>();
  const severalIn = (s: Sentence) => {
    let v = several.get(s);
    if (v === undefined) {
      v = pledgesIn(s.text) > 1;
      several.set(s, v);
    }
    return v;
  };
  const help: PledgeHelp = { ...given, spokeFor: given.spokeFor ?? new Map() };
  const done = new Set<Sentence>();
  for (const s of ctx.sentences) {
    for (const m of s.text.matchAll(PLEDGE_RE)) {
      const at = s.start + (m.index ?? 0);
      const verbEnd = at + m[0].length;
      if (NEGATED.test(ctx.text.slice(s.start, at))) continue;
      // the clause the verb governs: up to a semicolon, a new clause or the sentence's end
      const rest = ctx.text.slice(verbEnd, s.end);
      const stop = rest.search(
        /;|,\s+(?:but|while|although|though|whereas|and (?:the|a|it|he|she|they|we))\b|\s(?:but|while|although|whereas)\s|[“"]|,\s+\p{Ll}+\s+said\b/u,
      );
      const clause = { ...s, start: verbEnd, end: stop < 0 ? s.end : verbEnd + stop };
      const clauseText = ctx.text.slice(clause.start, clause.end);
      // "if needed", "unless", "could": hedged, not a commitment
      if (/\b(?:if|unless|provided|should)\b/.test(clauseText)) continue;
      const qs = inSentence(clause, ctx.quantities).filter((q) => q.value !== null);
      const pct = qs.find(
        (q) =>
          q.type === "PERCENT" &&
          (GDP.test(ctx.text.slice(q.end, Math.min(s.end, q.end + 40))) ||
            // "will raise defence spending to 3 %": a level defence spending is raised to is a
            // share of GDP (not "by 3 %", a growth; not a share of something else after it)
            (SPENDING_TO.test(ctx.text.slice(verbEnd, q.start)) &&
              !/^\s*(?:%|per ?cent)?\s+of\s/.test(
                ctx.text.slice(q.end, Math.min(s.end, q.end + 14)),
              ))),
      );
      const money = pct ? undefined : qs.find((q) => q.type === "MONEY");
      // "will send 500 more troops", "plans to increase the number (of soldiers) to 5,000"
      const previous = ctx.sentences[ctx.sentences.indexOf(s) - 1];
      const troops =
        pct || money
          ? undefined
          : qs.find(
              (x) =>
                x.type === "NUMBER" &&
                (x.value as number) >= 5 &&
                (TROOPS_AFTER.test(ctx.text.slice(x.end, Math.min(s.end, x.end + 60))) ||
                  (/\bnumber\b(?:\s+of\s+(?:troops|soldiers|personnel))?(?:\s+\w+){0,2}\s+to\s+$/.test(
                    ctx.text.slice(verbEnd, x.start),
                  ) &&
                    (TROOP_WORD.test(s.text) ||
                      (previous?.paragraph === s.paragraph && TROOP_WORD.test(previous.text))))),
            );
      const offer = OFFER.test(m[1] ?? "");
      // "will send eight Eurofighter jets to Bulgaria": equipment, counted or not
      const kitMatch =
        pct || money || troops || !KIT_VERB.test(m[2] ?? "")
          ? null
          : KIT_AFTER.exec(ctx.text.slice(verbEnd, clause.end));
      const kit = kitMatch?.[1]
        ? equipmentOf(kitMatch[1], verbEnd + kitMatch[0].length - kitMatch[1].length, qs)
        : pct || money || troops || severalIn(s)
          ? undefined
          : // a growth beside a concrete pledge ("aims to step up its presence and will deploy
            // tanks") is the concrete one's summary
            forcesGrown(ctx.text, verbEnd - (m[2] ?? "").length, m[2] ?? "", clause.end);
      const q = pct ?? money ?? troops ?? kit?.figure;
      if (!q && !kit) continue;
      // an offer ("could send") pledges troops or equipment, never a share or a sum
      if (offer && !troops && !kit) continue;
      // a share of GDP for defence, or money for it: the clause, or the sentence, says so
      // (or a share of GDP in an article that names the alliance's spending target)
      if (
        !troops &&
        !kit &&
        !DEFENCE.test(ctx.text.slice(at, clause.end)) &&
        !DEFENCE.test(s.text) &&
        !(pct && help.targets().length > 0)
      )
        continue;
      // "raise spending from 2% to 3%": the figure after "to" is the pledge
      const to =
        pct && /\bfrom\s+$/.test(ctx.text.slice(Math.max(verbEnd, pct.start - 8), pct.start))
          ? qs.find((x) => x.type === "PERCENT" && x.start > pct.end)
          : undefined;
      const figure = to ?? (kit ? kit.span : q);
      if (!figure) continue;
      const subject = subjectOf(ctx, s, at, help);
      if (!subject) continue;
      const here = placedIn(s, ctx.placed);
      const speaker = speakerOf(ctx, s, here, at, figure.end, help);
      const nation = subject.nation;
      const person = subject.who.kind === "Person" ? subject.who : speaker;
      // "Germany will ..., Merz said": later, "Merz said his country would ..." is Germany
      if (person && nation && subject.direct && !help.spokeFor?.has(person))
        help.spokeFor?.set(person, nation);
      const period = PERIOD.exec(clauseText)?.[0];
      const props: Record<string, string | number> = {
        metric: pct ? "PERCENT_GDP" : money ? "MONEY" : troops ? "TROOPS" : "OTHER",
        ...(figure.value !== null ? { value: figure.value as number } : {}),
        status:
          offer || /^(?:is|are|was|were) expected|hopes?|wants?|seeks?/.test(m[1] ?? "")
            ? "PROPOSED"
            : "COMMITTED",
      };
      if (pct) props.unit = "percent of GDP";
      else if (troops) props.unit = "troops";
      else if (kit) props.unit = kit.unit;
      else {
        const unit = moneyUnit(figure.text, nation);
        if (unit) props.unit = unit;
      }
      if (period) props.period = period;
      const said = inSentence(s, ctx.dates).find(
        (d) => d.start < at || !clauseText.includes(d.text),
      );
      const made = said?.date ?? ctx.publishedAt;
      if (made) props.date = made;
      const owner = nation ?? subject.who;
      // where troops are to go: "to Lithuania", "in Lithuania"
      const dest =
        troops || kit
          ? here.find(
              (p) =>
                p.mention.start >= figure.end &&
                p.mention.end <= clause.end &&
                (p.cluster.kind === "Nation" || p.cluster.kind === "Place") &&
                !p.mention.demonym &&
                /\b(?:to|in)\s+(?:the\s+)?(?:(?:central|northern|southern|eastern|western|north-eastern|south-eastern)\s+)?$/.test(
                  ctx.text.slice(Math.max(figure.end, p.mention.start - 20), p.mention.start),
                ) &&
                // the verb's destination, not a place in a phrase about something else ("troops to
                // a force defending against threats like militants in Syria")
                !/\b(?:against|like|such as|from|of|where|which|who|that)\b|,/.test(
                  ctx.text.slice(figure.end, p.mention.start),
                ),
            )
          : undefined;
      const more = troops && /^\s+(?:more|additional|extra)\b/.test(ctx.text.slice(figure.end));
      const figureWords = pct
        ? `${shareSlug(String(figure.value))}-percent`
        : troops
          ? `${figure.value}${more ? " more" : ""} troops${dest ? ` to ${dest.cluster.name}` : ""}`
          : kit
            ? `${kit.unit}${dest ? ` to ${dest.cluster.name}` : ""}`
            : slug(figure.text, 4);
      const key = slug(`${owner.key} ${figureWords} ${period ?? ""}`, 14);
      const name = pct
        ? `${owner.name}: defence spending of ${figure.text} of GDP${period ? ` ${period}` : ""}`
        : troops
          ? `${owner.name}: ${figure.text}${more ? " more" : ""} troops${dest ? ` to ${dest.cluster.name}` : ""}${period ? ` ${period}` : ""}`
          : kit
            ? `${owner.name}: ${kit.span.text}${dest ? ` to ${dest.cluster.name}` : ""}${period ? ` ${period}` : ""}`
            : `${owner.name}: ${figure.text} for defence${period ? ` ${period}` : ""}`;
      const pledge = ctx.entity("Pledge", key, name, props, {
        start: figure.start,
        end: figure.end,
        text: figure.text,
      });
      done.add(s);
      // the one the sentence names states it; the others it implies
      const pledgers = [subject.who, nation, person].filter((c) => c !== undefined);
      for (const c of new Set(pledgers)) {
        const stated = subject.direct && c === subject.who;
        ctx.propose({
          type: "PLEDGED",
          from: c,
          to: pledge,
          sentence: s,
          inferred: !stated,
          confidence: stated ? 0.8 : 0.7,
        });
      }
      // the other nations of the subject pledge the same, each its own
      for (const other of subject.also ?? []) {
        const theirs = ctx.entity(
          "Pledge",
          slug(`${other.key} ${figureWords} ${period ?? ""}`, 14),
          `${other.name}${name.slice(owner.name.length)}`,
          props,
          { start: figure.start, end: figure.end, text: figure.text },
        );
        ctx.propose({ type: "PLEDGED", from: other, to: theirs, sentence: s, confidence: 0.75 });
      }
      // "add $9 billion to the Department of National Defence", "for the brigade in Lithuania"
      for (const p of here)
        if (
          p.mention.start >= verbEnd &&
          p.mention.end <= clause.end &&
          !p.mention.demonym &&
          (p.cluster.kind === "Mission" ||
            (p.cluster.kind === "Organization" &&
              p.cluster.properties.category !== "ALLIANCE" &&
              p.cluster !== subject.who)) &&
          /\b(?:to|for|on|into)\s+(?:the\s+)?$/.test(
            ctx.text.slice(Math.max(verbEnd, p.mention.start - 12), p.mention.start),
          )
        )
          ctx.propose({ type: "ABOUT", from: pledge, to: p.cluster, sentence: s, confidence: 0.7 });
      // troops to a nation: about it, and about the mission there ("NATO battle group in X")
      if (dest && dest.cluster !== owner) {
        ctx.propose({
          type: "ABOUT",
          from: pledge,
          to: dest.cluster,
          sentence: s,
          confidence: 0.7,
        });
        const missions = [
          ...new Set(ctx.placed.filter((p) => p.cluster.kind === "Mission").map((p) => p.cluster)),
        ].filter((c) => c.name.endsWith(` in ${dest.cluster.name}`));
        if (missions.length === 1 && missions[0])
          ctx.propose({
            type: "ABOUT",
            from: pledge,
            to: missions[0],
            sentence: s,
            inferred: true,
            confidence: 0.65,
          });
      }
      // "in line with NATO's new target", "to meet the alliance's goal": what it answers
      if (pct && /\b(?:target|goal|benchmark|guideline|threshold|NATO|alliance)\b/.test(s.text)) {
        const target = help
          .targets()
          .find((t) => t.properties.value === figure.value || /\btarget|goal\b/.test(s.text));
        if (target && target !== pledge)
          ctx.propose({
            type: "ABOUT",
            from: pledge,
            to: target,
            sentence: s,
            inferred: true,
            confidence: 0.65,
          });
      }
      break;
    }
  }
  return done;
}

interface Equipment {
  /** The phrase, "eight Eurofighter fighter jets", as the pledge's figure (value: the count, if any). */
  span: { start: number; end: number; text: string; value: number | null };
  /** The count, when the phrase gives one. */
  figure?: Quantity | undefined;
  /** What is sent, without the count: "Eurofighter fighter jets". */
  unit: string;
}

/** The equipment phrase at `start`: its count (a quantity inside it) and what it counts. */
function equipmentOf(phrase: string, start: number, qs: readonly Quantity[]): Equipment {
  const end = start + phrase.length;
  const figure = qs.find(
    (q) => q.type === "NUMBER" && q.start >= start && q.end <= end && q.value !== null,
  );
  const unit = (figure ? phrase.slice(figure.end - start) : phrase)
    .replace(
      /^\s*(?:(?:up to|some|about|around|more than|an?|its|their|the|more|additional|new)\s+)*/i,
      "",
    )
    .trim();
  return {
    span: { start, end, text: phrase, value: figure?.value ?? null },
    figure,
    unit,
  };
}

/** How many modal pledge verbs a sentence has. */
const pledgesIn = (text: string) => [...text.matchAll(PLEDGE_RE)].length;

/** A verb that grows a force. */
const GROWTH_VERB = /^(?:double|increase|boost|expand|raise|grow|step up|scale up)$/;
/** The force it grows, right after it: "the number of troops", "its military presence". */
const FORCES_GROWN =
  /^\s+(?:(?:the\s+)?(?:number|size|strength)\s+of\s+(?:its\s+|their\s+|the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:troops|soldiers|forces|contingent)|(?:its|their)\s+(?:(?:military|troop|armed)\s+)?(?:presence|contingent|deployment|forces|troops))\b/u;

/**
 * A pledge to grow a force with no figure (seventeenth pass): "Britain will double the number of
 * troops it keeps in Estonia", "Norway will increase its military presence in Lithuania". The
 * pledge is the verb and the force ("double the number of troops"), in troops.
 */
function forcesGrown(
  text: string,
  verbStart: number,
  verb: string,
  end: number,
): Equipment | undefined {
  if (!GROWTH_VERB.test(verb)) return undefined;
  const m = FORCES_GROWN.exec(text.slice(verbStart + verb.length, end));
  if (!m) return undefined;
  const stop = verbStart + verb.length + m[0].length;
  return {
    span: { start: verbStart, end: stop, text: text.slice(verbStart, stop), value: null },
    figure: undefined,
    unit: "troops",
  };
}

/** "USD", "EUR", "GBP", "CAD" as the money's sign or word says, if it does. */
export function moneyUnit(text: string, nation: Cluster | undefined): string | undefined {
  // "EUR 500 million", "NOK 11 billion": the currency's code as written
  const code = /\b(EUR|USD|GBP|CAD|PLN|NOK|SEK|DKK|CZK|HUF|RON)\s?\d/.exec(text)?.[1];
  if (code) return code;
  if (/€|\beuros?\b/i.test(text)) return "EUR";
  if (/£|\bpounds?\b/i.test(text)) return "GBP";
  if (/C\$|CA\$|\bCanadian dollars?\b/i.test(text)) return "CAD";
  if (/US\$|\bU\.?S\.? dollars?\b/i.test(text)) return "USD";
  if (/\bzlot/i.test(text)) return "PLN";
  // a bare "$" is the spending nation's dollar, where it has one
  if (/\$|\bdollars?\b/i.test(text))
    return { canada: "CAD", "united-states": "USD", australia: "AUD", "new-zealand": "NZD" }[
      nation?.key ?? ""
    ];
  return undefined;
}

interface Subject {
  /** Who the sentence says will do it (a nation, a government, a person). */
  who: Cluster;
  /** The nation that will spend. */
  nation?: Cluster | undefined;
  /** The sentence names `who` itself, rather than "his country", "the government", "we". */
  direct: boolean;
  /** The other nations of a coordinated subject ("Estonia, Latvia and Lithuania will ..."). */
  also?: Cluster[];
}

/**
 * Who will do it: the words between the clause's start and the modal. A nation ("Germany",
 * "Germany's government", "the German government"), a capital for its nation ("Berlin"), "his
 * country" or "the government" for the speaker's nation, "we" in a quotation for the speaker's,
 * or a person.
 */
/** Adverbs between a pledge's subject and its verb: "also", "now", "separately", "in turn". */
const SUBJECT_ADVERBS =
  /(?:\s+(?:also|further|now|already|still|too|then|separately|meanwhile|likewise|similarly|in turn|[a-z]{3,}ly))+\s*$/;

function subjectOf(
  ctx: Context,
  s: Sentence,
  modalAt: number,
  help: PledgeHelp,
): Subject | undefined {
  const before = ctx.text.slice(s.start, modalAt);
  // the clause begins after "X said (that)", a colon, a quotation mark, or a comma ending a preamble
  const cut = Math.max(
    ...[
      ...before.matchAll(
        /\b(?:said|says|told (?:reporters|journalists|\w+)|announced|stated|added|confirmed|insisted|declared|wrote)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|\s+on\s+\p{Lu}\p{Ll}+|\s+(?:today|yesterday|last week|this week|earlier))?(?:\s+that)?\s+|[:;“"]\s*|\s[—–-]{1,2}\s+|,\s+(?:and\s+)?|\bthat\s+/gu,
      ),
    ].map((x) => (x.index ?? 0) + x[0].length),
    0,
  );
  // "Estonia, Latvia and Lithuania will ...": a comma inside a list of nations cuts no clause
  let subjStart = s.start + cut;
  for (;;) {
    const prev = ctx.placed.find(
      (p) =>
        p.cluster.kind === "Nation" &&
        !p.mention.demonym &&
        p.mention.start >= s.start &&
        /^,\s*$/.test(ctx.text.slice(p.mention.end, subjStart)),
    );
    const next = ctx.placed.find((p) => p.mention.start >= subjStart);
    if (!prev || next?.cluster.kind !== "Nation") break;
    // "Like Poland, Norway will ...": a nation in a phrase before the subject is not of it
    if (
      /\b(?:[Ll]ike|[Uu]nlike|[Ww]ith|[Aa]fter|[Bb]esides|[Bb]eyond|[Ff]rom|[Tt]o|[Ii]n|[Ff]or|[Aa]s|[Tt]han|[Bb]y|[Oo]n|[Aa]t|[Aa]gainst)\s+(?:the\s+)?$/.test(
        ctx.text.slice(s.start, prev.mention.start),
      )
    )
      break;
    subjStart = prev.mention.start;
  }
  const subjText = ctx.text.slice(subjStart, modalAt).trim();
  // "Britain said on Friday it could contribute ...", "Britain said that it would send ...": "it"
  // is the nation that says so (the reporting clause's subject, named in the sentence)
  if (/(?:^|\s)it$/.test(subjText)) {
    const reporter = ctx.placed.find(
      (p) =>
        p.cluster.kind === "Nation" &&
        !p.mention.demonym &&
        p.mention.start >= s.start &&
        p.mention.end <= modalAt &&
        /^\s+(?:(?:has|had|also)\s+)*(?:said|says|announced|confirmed|stated|declared)\b[^,;:“"]*\bit\s*$/.test(
          ctx.text.slice(p.mention.end, modalAt),
        ),
    );
    if (reporter) return { who: reporter.cluster, nation: reporter.cluster, direct: true };
  }
  const inSubject = ctx.placed.filter(
    (p) => p.mention.start >= subjStart && p.mention.end <= modalAt,
  );
  // "Estonia, Latvia and Lithuania will spend ...": each nation of the list, nothing else
  if (inSubject.length > 1) {
    const nations = inSubject.every((p) => p.cluster.kind === "Nation" && !p.mention.demonym);
    const first = inSubject[0] as Placed;
    const last = inSubject[inSubject.length - 1] as Placed;
    const joined = inSubject.every(
      (p, i) =>
        i === 0 ||
        /^(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?$/.test(
          ctx.text.slice((inSubject[i - 1] as Placed).mention.end, p.mention.start),
        ),
    );
    if (
      !nations ||
      !joined ||
      !/^(?:the)?$/i.test(ctx.text.slice(subjStart, first.mention.start).trim()) ||
      !/^(?:(?:have|has|both|all|each|also)\s*)*$/.test(
        ctx.text.slice(last.mention.end, modalAt).trim(),
      )
    )
      return undefined;
    const others = [...new Set(inSubject.slice(1).map((p) => p.cluster))].filter(
      (c) => c !== first.cluster,
    );
    return { who: first.cluster, nation: first.cluster, direct: true, also: others };
  }
  const only: Placed | undefined = inSubject[0];
  const speakersNation = () => {
    const p = speakerOf(ctx, s, placedIn(s, ctx.placed), modalAt, modalAt, help);
    return p ? (help.nationOf(p) ?? help.spokeFor?.get(p)) : undefined;
  };
  if (only) {
    const lead = ctx.text.slice(subjStart, only.mention.start).trim();
    // "The Netherlands also intends to supply ...", "Norway now plans to send ...": an adverb
    // between the subject and its verb leaves the subject as it is (twenty-first pass)
    const tail = ctx.text.slice(only.mention.end, modalAt).replace(SUBJECT_ADVERBS, "").trim();
    if (!/^(?:the)?$/i.test(lead)) return undefined;
    const c = only.cluster;
    if (c.kind === "Nation") {
      const governs =
        /^(?:['’]s\s+)?(?:(?:new|coalition|federal|national|current)\s+)?(?:government|cabinet|coalition|administration|leadership|defen[cs]e ministry|ministry of defen[cs]e|finance ministry)$/i;
      if (only.mention.demonym ? governs.test(tail) : tail === "" || governs.test(tail))
        return { who: c, nation: c, direct: true };
      return undefined;
    }
    if (tail !== "") return undefined;
    // "the French government", "Britain's government": the government, for its nation
    if (c.kind === "Organization" && /^government-of-/.test(c.key)) {
      const n = only.mention.involves?.find((x) => x.kind === "Nation");
      const nation = n ? ctx.entity(n.kind, n.key, n.name, n.properties) : undefined;
      return { who: c, nation, direct: true };
    }
    if (c.kind === "Place") {
      const nation = capitalNation(ctx, c);
      return nation ? { who: nation, nation, direct: false } : undefined;
    }
    if (c.kind === "Person") return { who: c, nation: help.nationOf(c), direct: true };
    return undefined;
  }
  if (/^(?:his|her|its|their|the|our)\s+(?:country|nation)$/i.test(subjText)) {
    const nation = speakersNation() ?? (/^the\b/i.test(subjText) ? help.home : undefined);
    return nation ? { who: nation, nation, direct: false } : undefined;
  }
  if (/^(?:the|his|her|our)\s+(?:government|cabinet|administration)$/i.test(subjText)) {
    // "his government" is the speaker's; only "the government" may be the article's own nation's
    const nation = speakersNation() ?? (/^the\b/i.test(subjText) ? help.home : undefined);
    return nation ? { who: nation, nation, direct: false } : undefined;
  }
  // "“We will raise defence spending to 3 percent,” said Prime Minister X": the speaker's nation
  if (/^we$/i.test(subjText) && /[“"]\s*$/.test(before.slice(0, cut))) {
    const nation = speakersNation();
    return nation ? { who: nation, nation, direct: false } : undefined;
  }
  if (/^(?:he|she)$/i.test(subjText)) {
    const p = help.lastPerson(s.start + cut);
    return p ? { who: p, nation: help.nationOf(p), direct: false } : undefined;
  }
  return undefined;
}

function capitalNation(ctx: Context, place: Cluster): Cluster | undefined {
  const n = capitalOf(place.key);
  return n ? ctx.entity(n.kind, n.key, n.name, n.properties) : undefined;
}

/** The person the sentence reports: "X said", "said X", "according to X", "he said". */
export function speakerOf(
  ctx: Context,
  s: Sentence,
  here: Placed[],
  from: number,
  to: number,
  help: PledgeHelp,
): Cluster | undefined {
  for (const p of here) {
    if (p.cluster.kind !== "Person") continue;
    if (p.mention.start >= from && p.mention.end <= to) continue;
    const after = ctx.text.slice(p.mention.end, Math.min(s.end, p.mention.end + 40));
    const before = ctx.text.slice(Math.max(s.start, p.mention.start - 60), p.mention.start);
    if (
      // "X, has said": the comma closing an appositive before the name ("Latvia's prime minister, X,")
      /^(?:,[^,]{1,60},)?,?\s+(?:(?:has|had|have)\s+)?(?:also\s+)?(?:said|says|told|announced|stated|added|confirmed|declared|insisted|wrote|pledged|promised|vowed)\b/.test(
        after,
      ) ||
      /\b(?:said|says|according to|announced|told)\s+(?:[\p{Lu}][\p{L}.’'-]*\s+){0,5}$/u.test(
        before,
      )
    )
      return p.cluster;
  }
  if (/\b(?:he|she)\s+(?:(?:has|had)\s+)?(?:said|says|told|added|announced)\b/.test(s.text))
    return help.lastPerson(s.start);
  return undefined;
}
