/**
 * Missions, units, places and people a careful reader records that the name rules of mentions.ts
 * miss (ninth pass). Each is a construction defence news uses for any deployment, not a phrasing
 * of one article:
 * - a multinational brigade described in lower case, "the NATO multinational brigade in Latvia":
 *   the mission, named as NATO names its brigades ("NATO Multinational Brigade in Latvia");
 * - a place beside a town the text places: "Bemowo Piskie near Orzysz", "in the Rovaniemi and
 *   Sodankylä areas": the other name is a place too, in the town's nation;
 * - a name particle inside a person's name: "José Nunes da Fonseca", "Ursula von der Leyen";
 * - a weapon system is no person: "the Bradley IFV", "Abrams MBT" (a word in capitals).
 */
import { citiesNamed, GAZETTEER, type KnownEntity } from "./gazetteer.js";
import { slug } from "./keys.js";
import { escapeRegExp } from "./regex.js";
import type { TextSpan } from "./types.js";

const esc = escapeRegExp;
const NATIONS = GAZETTEER.filter((g) => g.entity.kind === "Nation" && !g.demonym);
const NATION_ALT = NATIONS.map((g) => esc(g.form)).join("|");
const NATION_BY_FORM = new Map(NATIONS.map((g) => [g.form, g.entity] as const));

/** What these rules propose: the fields of a mention that mentions.ts claims as they are. */
export interface UnitMention extends TextSpan {
  text: string;
  kind: "Mission" | "Place";
  name: string;
  key: string;
  involves?: KnownEntity[];
  impliedIn?: boolean;
}

/**
 * "the NATO multinational brigade in Latvia", "NATO's multinational brigade in Lithuania", "the
 * new multinational NATO brigade in Latvia", "the multinational brigade in Latvia" (news on allies
 * means NATO's): NATO's brigade in that nation (lower case; the
 * capitalised "Multinational Brigade Latvia" is a formation mentions.ts names as written).
 */
const MULTINATIONAL_BRIGADE_RE = new RegExp(
  `(?<![\\p{L}])(?:(?:NATO(?:’s|'s)?|[Tt]he [Aa]lliance(?:’s|'s)|[Tt]he)\\s+(?:new\\s+)?multinational|(?:new\\s+)?multinational\\s+NATO)\\s+brigade\\s+(?:(?:based|stationed|deployed)\\s+)?in\\s+(${NATION_ALT})(?![\\p{L}])`,
  "gu",
);

export function multinationalBrigades(text: string): UnitMention[] {
  const out: UnitMention[] = [];
  for (const m of text.matchAll(MULTINATIONAL_BRIGADE_RE)) {
    const host = NATION_BY_FORM.get(m[1] ?? "");
    if (!host) continue;
    const name = `NATO Multinational Brigade in ${host.name}`;
    // up to "brigade": the nation after "in" stays a mention of its own
    const end = m.index + m[0].search(/[Bb]rigade/) + "brigade".length;
    out.push({
      start: m.index,
      end,
      text: text.slice(m.index, end),
      kind: "Mission",
      name,
      key: slug(name),
      involves: [host],
    });
  }
  return out;
}

/** A place mention already found: where it is and the nation it lies in, if known. */
interface Placed extends TextSpan {
  kind: string;
  involves?: KnownEntity[];
  known?: KnownEntity;
}

const NAME = "\\p{Lu}[\\p{L}’'-]+(?:\\s\\p{Lu}[\\p{L}’'-]+){0,2}";
/** "Bemowo Piskie near Orzysz": a name right before "near" and a town. */
const NEAR_RE = new RegExp(`(?<![\\p{L}])(${NAME})\\s+near\\s+$`, "u");
/** "in the Rovaniemi and Sodankylä areas", "in Tapa and Rakvere": a town coordinated with another. */
const AND_AFTER_RE = new RegExp(`^\\s+(?:and|or)\\s+(${NAME})(?![\\p{L}])`, "u");

/**
 * Places named beside a town the text already places: "X near Y" (X is a place, near Y, so in
 * Y's nation by what a reader knows), "in Y and X" / "the Y and X areas" (X a town GeoNames knows
 * in Y's nation). `free` says whether a span is still unclaimed; names that are a nation or other
 * gazetteer entry are left to the gazetteer.
 */
export function placesBesideTowns(
  text: string,
  claimed: readonly Placed[],
  free: (start: number, end: number) => boolean,
): UnitMention[] {
  const out: UnitMention[] = [];
  const known = new Set(GAZETTEER.map((g) => g.form));
  for (const p of claimed) {
    if (p.kind !== "Place" || p.known) continue;
    const nation = p.involves?.[0];
    const near = NEAR_RE.exec(text.slice(Math.max(0, p.start - 60), p.start));
    if (near?.[1]) {
      const name = near[1];
      const start = p.start - near[0].length;
      if (
        !known.has(name) &&
        !name.split(/\s/).some((w) => known.has(w)) &&
        free(start, start + name.length)
      )
        out.push(placeMention(name, start, nation));
    }
    const and = AND_AFTER_RE.exec(text.slice(p.end, p.end + 60));
    if (and?.[1] && nation) {
      const name = and[1];
      const start = p.end + and[0].length - name.length;
      const inNation = citiesNamed(name).some((c) => c.nation === nation);
      if (inNation && !known.has(name) && free(start, start + name.length))
        out.push(placeMention(name, start, nation));
    }
  }
  return out;
}

/** A place named `name` at `start`, in `nation` (implied) when one is given. */
export function placeMention(name: string, start: number, nation?: KnownEntity): UnitMention {
  return {
    start,
    end: start + name.length,
    text: name,
    kind: "Place",
    name,
    key: slug(name),
    ...(nation ? { involves: [nation], impliedIn: true } : {}),
  };
}

/** Particles inside a person's name, in lower case: "da Fonseca", "von der Leyen", "de Gaulle". */
export const NAME_PARTICLES = new Set([
  "da",
  "das",
  "do",
  "dos",
  "de",
  "del",
  "della",
  "di",
  "du",
  "van",
  "von",
  "der",
  "den",
  "ter",
  "bin",
  "al",
]);

/**
 * A word no person's name has: capitals only, two letters or more ("IFV", "MBT", "HIMARS"); names
 * are written in mixed case in news copy, initials with a dot ("J.").
 */
export const notPersonWord = (w: string) => /^\p{Lu}{2,}$/u.test(w);

/** Words before a nation's name that make it the nation, not a surname: "in Montenegro", "to Jordan". */
export const NATION_PLACED_BEFORE =
  /(?:^|[^\p{L}])(?:in|to|from|of|for|with|and|visit(?:ed|ing|s)?|across|into|toward|towards)\s+(?:the\s+)?$/iu;

const foldAccents = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "");

/**
 * The nations' names the article uses as a person's surname: right after a first name that is no
 * common English word ("Luís Montenegro", not "Will Poland") and no title.
 */
export function nationSurnames(
  text: string,
  gazRe: RegExp,
  gazAt: (form: string) => { demonym: boolean; entity: KnownEntity } | undefined,
  titles: ReadonlySet<string>,
  isFirstName: (w: string) => boolean,
  isCommonWord: (w: string) => boolean,
): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(gazRe)) {
    const g = gazAt(m[0]);
    if (!g || g.demonym || g.entity.kind !== "Nation") continue;
    const prev = /(\p{Lu}\p{L}+)\s$/u.exec(text.slice(Math.max(0, m.index - 30), m.index))?.[1];
    if (!prev || titles.has(prev) || gazAt(prev) || isCommonWord(prev)) continue;
    if (isFirstName(prev) || isFirstName(foldAccents(prev))) out.add(m[0]);
  }
  return out;
}

/**
 * Whether the nation's name at `m` is a person's first name: right before a surname that is no
 * place ("Latvia Smith, a Toronto lawyer", "Jordan Peterson"). Read as the nation, the person was
 * lost and the nation given the person's sentence as evidence (redteam13).
 */
export function nationGivenName(
  text: string,
  m: RegExpMatchArray & { index: number },
  gazAt: (form: string) => { demonym: boolean; entity: KnownEntity } | undefined,
  isLastName: (w: string) => boolean,
  notSurname: (w: string) => boolean = () => true,
): boolean {
  const g = gazAt(m[0]);
  if (!g || g.demonym || g.entity.kind !== "Nation" || /\s/.test(m[0])) return false;
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
  const next = /^ (\p{Lu}\p{Ll}+)\b(?!['’-])/u.exec(after)?.[1];
  if (next === undefined || gazAt(next)) return false;
  if (isLastName(next)) return true;
  // "Israel Adesanya said", "Georgia Brown, a lawyer, attended": a surname no list knows, read by
  // what follows the pair (a person's verb or apposition); "Georgia Power said", "Israel Police
  // said", "India Today reported": a body's or a thing's word, no surname
  if (notSurname(next) || NOT_SURNAME_HEADS.has(next)) return false;
  return PERSON_CUE.test(after.slice(next.length + 1));
}

/** What follows a person named just before: a verb of saying or attending, or an apposition. */
const PERSON_CUE =
  /^(?:,\s+(?:a|an|who|whose)\s|\s+(?:said|says|told|tells|added|adds|stated|wrote|argued|explained|noted|insisted|attended|attends|spoke|speaks|tweeted|replied|recalled|admitted|warned|urged)\b)/;

/** Words after a nation's name that make a body's, a place's or a thing's name, not a surname. */
const NOT_SURNAME_HEADS = new Set(
  `River Valley Sea Lake Basin Gate Street Square Airways Airlines Air Telecom Bank Post Times
  Today Herald News Tech Motors Power Energy Gas Oil Rail Railways Police Defense Defence Forces
  Army Navy Cup Open House Radio Television TV Broadcasting Ministry Government Embassy Border
  Guard Guards Customs Armed State National Federal Republic Kingdom Railway Steel Mining Electric`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * The town a site is named after ("the Caracal base"), as a place: in the nation of the most
 * populous town of that name among the nations the article names, else none (many village names
 * repeat across Europe; a reader places the base by the article's nations).
 */
export function townOfSite(
  text: string,
  name: string,
  end: number,
  gazRe: RegExp,
  gazAt: (form: string) => { demonym: boolean; entity: KnownEntity } | undefined,
): Omit<UnitMention, keyof TextSpan | "text"> | undefined {
  const named = new Set<KnownEntity>();
  for (const g of text.matchAll(gazRe)) {
    const e = gazAt(g[0])?.entity;
    if (e?.kind === "Nation") named.add(e);
  }
  const town = citiesNamed(name).find((c) => named.has(c.nation));
  if (!town) return undefined;
  // "the Caracal base in Romania", "the Tapa base, Estonia": the text places it (mentions.ts
  // placedByNation reads that); otherwise the reader does
  const after = text.slice(end, end + 40);
  const written = NATIONS.some(
    (g) =>
      g.entity === town.nation &&
      (after.startsWith(`, ${g.form}`) || after.startsWith(` in ${g.form}`)),
  );
  return {
    kind: "Place",
    name,
    key: slug(name),
    ...(written ? {} : { involves: [town.nation], impliedIn: true }),
  };
}

/**
 * A dateline's town that only GeoNames knows, written with its nation: "NEWPORT, United Kingdom:",
 * "TAPA, Estonia —", "SALAMIS, Greece (AP) –". The town, in that nation (as written). The nation
 * must be one the town lies in, so a heading in capitals ("UPDATE, Reuters:") names no place.
 * `city` and `region` are where the dateline (furniture.ts) writes them.
 */
export function datelineTown(
  text: string,
  city: TextSpan,
  region: TextSpan | undefined,
): UnitMention | undefined {
  const written = text.slice(city.start, city.end);
  const nation = region ? NATION_BY_FORM.get(text.slice(region.start, region.end)) : undefined;
  if (!nation) return undefined;
  const name = written
    .toLowerCase()
    .replace(/(^|[\s-])(\p{Ll})/gu, (_, b: string, c: string) => b + c.toUpperCase());
  if (!citiesNamed(name).some((c) => c.nation === nation)) return undefined;
  return {
    start: city.start,
    end: city.end,
    text: written,
    kind: "Place",
    name,
    key: slug(name),
    involves: [nation],
  };
}

/**
 * NATO's standing missions a reader knows by name, whatever the article calls them: "the NATO
 * Kosovo Force (KFOR)", "Nato's Kosovo Force", "KFOR" are one mission, NATO's in Kosovo (not
 * Kosovo's own force, as "<nation> Force" would read it). Each with the nation it is deployed in.
 */
const STANDING_MISSIONS: { name: string; forms: string[]; in: string }[] = [
  { name: "NATO Kosovo Force", forms: ["NATO Kosovo Force", "Kosovo Force", "KFOR"], in: "kosovo" },
  {
    name: "International Security Assistance Force",
    forms: ["International Security Assistance Force", "ISAF"],
    in: "afghanistan",
  },
  {
    name: "Resolute Support Mission",
    forms: ["Resolute Support Mission", "Resolute Support"],
    in: "afghanistan",
  },
  { name: "NATO Mission Iraq", forms: ["NATO Mission Iraq"], in: "iraq" },
];
const STANDING_RE = new RegExp(
  `(?<![\\p{L}])(?:${STANDING_MISSIONS.flatMap((m) => m.forms)
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join("|")})(?![\\p{L}])`,
  "gu",
);

/** Mentions of NATO's standing missions in `text`, placed where the article names their nation. */
export function standingMissions(text: string): UnitMention[] {
  const out: UnitMention[] = [];
  for (const m of text.matchAll(STANDING_RE)) {
    const mission = STANDING_MISSIONS.find((x) => x.forms.includes(m[0]));
    if (!mission) continue;
    const nation = NATIONS.find((g) => g.entity.key === mission.in)?.entity;
    const named =
      nation !== undefined &&
      NATIONS.some(
        (g) =>
          g.entity === nation &&
          new RegExp(`(?<![\\p{L}])${esc(g.form)}(?![\\p{L}])`, "u").test(text),
      );
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      kind: "Mission",
      name: mission.name,
      key: slug(mission.name),
      ...(named && nation ? { involves: [nation] } : {}),
    });
  }
  return out;
}
