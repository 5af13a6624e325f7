/**
 * Names that are also towns, read as a reader reads them (mentions.ts `townAt`):
 * - the last word of a name the article gave in full is that name again ("Austin shared ..." after
 *   "Lloyd J. Austin III", "Westminster's commanding officer" after "HMS Westminster"), not the
 *   town GeoNames knows by it;
 * - a famous city is meant over a small namesake: "Portsmouth" in a story that names the United
 *   States (its US Navy) but not Britain is still the English city of 200,000, not the Virginian
 *   one of 96,000, so it is placed in no nation rather than in the wrong one.
 * And ships ("HMS Westminster", "the Polish frigate ORP General Kazimierz Pulaski", "the Arleigh
 * Burke destroyer USS Gravely"): no kind of the vocabulary fits a ship, and the golds record none,
 * but its words must not be read as a person ("Kazimierz Pulaski", "Arleigh Burke") or a town.
 */
import type { TextSpan } from "./types.js";

/**
 * Whether one word is the last word of a person or ship the article has named in full
 * (`lastWords`: those names' last words, as claimed so far).
 */
export function namedBefore(word: string, lastWords: ReadonlySet<string>): boolean {
  return !/\s/.test(word) && lastWords.has(word);
}

interface Candidate<N> {
  nation: N;
  population: number;
}

/**
 * The namesake in a nation the article names, unless a city half as big again lies in a nation it
 * does not name and has 100,000 people (then the name means that city). `candidates` come most
 * populous first (gazetteer.ts `citiesNamed`).
 */
export function namesakeInNamed<N>(
  candidates: readonly Candidate<N>[],
  named: ReadonlySet<N | undefined>,
): Candidate<N> | undefined {
  const inNamed = candidates.find((c) => named.has(c.nation));
  const top = candidates[0];
  if (
    inNamed &&
    top &&
    top !== inNamed &&
    !named.has(top.nation) &&
    top.population >= 100_000 &&
    top.population >= 1.5 * inNamed.population
  )
    return undefined;
  return inNamed;
}

/** Navies' ship prefixes (HMS, USS, FGS, ORP ...): the capitalised words after one name a ship. */
const SHIP = String.raw`(?:\b(?:HMS|HMCS|HMAS|HMNZS|USS|USNS|USCGC|RFA|FGS|ORP|HNLMS|HNoMS|HDMS|HSwMS|ESPS|SPS|NRP|TCG|BNS|LNS|LVNS|ENS|EML|KNM|FS|ITS|HS|ROS|BGS|FNS|ICGV)|\bHer Majesty['’]s \p{Lu}\p{L}+ Ships? \(\p{Lu}{2,6}\))\s+\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|da|del|di|van|von|der)\s+)?(?:\p{Lu}[\p{L}'’-]*|\p{Lu}\.)){0,3}`;
/** Kinds of warship: a capitalised name just before one is its class ("the Arleigh Burke destroyer"). */
const HULL = String.raw`(?:destroyer|frigate|corvette|submarine|tanker|minehunter|minesweeper|cruiser|aircraft carrier|carrier|patrol vessel|warship|support ship|landing ship)s?\b`;
const SHIP_RE = new RegExp(SHIP, "gu");
/** A ship's name after one kind of warship, singular ("the frigate Canada", "destroyer Latvia"). */
const NAMED_RE =
  /\b(?:destroyer|frigate|corvette|submarine|minehunter|minesweeper|cruiser|warship)\s+(\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,2})\b/gu;
const CLASS_RE = new RegExp(
  String.raw`\b(\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,2})(?:-class)?\s+${HULL}`,
  "gu",
);

/**
 * A ship's name before its pennant or hull number ("Luigi Rizzo F595 (Italy)", "Bonn A1413",
 * "Mendez Nunez (F-104)", "Gridley DDG 101"): the number says the words are a ship, not a person
 * or a town. An aircraft's designation ("Lockheed Martin F-16", "F35") is not one: a pennant number
 * outside brackets is written without a hyphen and with three digits or four.
 */
const PENNANT_RE =
  /(?<![\p{L}\p{N}'’-])(\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|del|da|di|do|dos|van|von|la|le)\s+)?\p{Lu}[\p{L}'’-]*){0,3})\s+(?:[ADFLMPS]\d{3,4}|\(\s*[ADFLMPS]-?\d{2,4}\s*\)|(?:DDG|FFG|LHD|LPD|LSD|CVN|SSN|CG)[ -]?\d{1,3})(?![\p{L}\p{N}-])/gu;

/**
 * Where the text names a ship or a ship's class. `isName` says whether words are a nation, demonym
 * or organisation the gazetteer knows ("the Polish frigate", "the Royal Navy destroyer"), which
 * stay what they are.
 */
export function vesselSpans(text: string, isName: (words: string) => boolean): TextSpan[] {
  const out: TextSpan[] = [];
  for (const m of text.matchAll(SHIP_RE)) out.push({ start: m.index, end: m.index + m[0].length });
  // "the frigate Canada sailed": a ship named after a nation is no mention of the nation
  // (redteam13: Canada was mentioned, and its NATO membership given the ship's sentence)
  for (const m of text.matchAll(NAMED_RE)) {
    const start = m.index + m[0].length - (m[1] as string).length;
    out.push({ start, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(CLASS_RE)) {
    const words = (m[1] as string).split(" ");
    // "the German Rhön-class tanker": the demonym stays Germany's, "Rhön" is the class
    let k = 0;
    while (
      k < words.length &&
      (isName(words[k] as string) || /^(?:The|A|An)$/.test(words[k] as string))
    )
      k++;
    const rest = words.slice(k);
    if (rest.length === 0 || isName(rest.join(" "))) continue;
    const start = m.index + words.slice(0, k).join(" ").length + (k > 0 ? 1 : 0);
    out.push({ start, end: start + rest.join(" ").length });
  }
  out.push(...pennantNamed(text, isName));
  return out;
}

/** The names `PENNANT_RE` finds, less a leading nation, demonym, organisation or article ("the Spanish"). */
function pennantNamed(text: string, isName: (words: string) => boolean): TextSpan[] {
  const out: TextSpan[] = [];
  for (const m of text.matchAll(PENNANT_RE)) {
    const name = m[1] as string;
    const words = name.split(/\s+/);
    let k = 0;
    while (
      k < words.length &&
      (isName(words[k] as string) || /^(?:The|A|An)$/.test(words[k] as string))
    )
      k++;
    // "supply ship Bonn A1413": a name that is all a town's is the ship's all the same
    if (k === words.length) k = /^(?:The|A|An)$/.test(words[0] as string) ? 1 : 0;
    if (k === words.length) continue;
    const lead = words.slice(0, k).join(" ");
    const start = m.index + (k > 0 ? name.indexOf(words[k] as string, lead.length) : 0);
    out.push({ start, end: m.index + name.length });
  }
  return out;
}
