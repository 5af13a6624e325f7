/**
 * Units named by their arm and head with a name of their own (twentieth pass), as the Baltic,
 * Polish and Nordic forces name theirs in English: the name after the head, "Mechanized Infantry
 * Brigade Iron Wolf", "Motorised Infantry Brigade Žemaitija", or before the arm, "Algirdas
 * Mechanized Infantry Battalion". A later "the Iron Wolf Brigade" (the name, then the head) is
 * the same unit, named as first written.
 *
 * The arm words are a closed list (mechanised, infantry, armoured, artillery ...), so a head
 * with no arm ("the Brigade Commander") or an arm with no own name ("the Mechanized Infantry
 * Brigade" alone) names nothing here; the own name's words pass the caller's test (no title,
 * day, nation or known body: "Infantry Brigade Commander", "Infantry Brigade Latvia").
 */
import { slug } from "./keys.js";
import { escapeRegExp } from "./regex.js";
import type { TextSpan } from "./types.js";

/** A unit this reader names. */
export interface NamedUnit extends TextSpan {
  text: string;
  name: string;
  key: string;
}

const ARM =
  "(?:Mechani[sz]ed|Motori[sz]ed|Infantry|Armou?red|Light|Heavy|Artillery|Airborne|Air Assault|Mountain|Rifle|Tank|Panzer|Panzergrenadier|Engineer|Signal|Logistics?|Cavalry|Reconnaissance|Marine|Jäger|Jaeger|Paratroop|Parachute|Ranger|Grenadier|Guards|Territorial|Support|Combat|Field|Anti-Aircraft|Air Defen[cs]e)";
const HEAD = "(?:Brigade|Battalion|Regiment)";
const WORD = "\\p{Lu}[\\p{Ll}’'-][\\p{L}’'-]*";
/** "Mechanized Infantry Brigade Iron Wolf": arm, head, then one or two words of a name. */
const AFTER_RE = new RegExp(
  `(?<![\\p{L}])((?:${ARM}\\s){1,3})(${HEAD})\\s(?:(${WORD}(?:\\s${WORD})?)(?![\\p{L}\\p{N}]|\\s\\p{Lu}|\\s\\d)|["“](${WORD}(?:\\s${WORD})?)["”])`,
  "gu",
);
/** "Algirdas Mechanized Infantry Battalion": one or two words of a name, then arm and head. */
const BEFORE_RE = new RegExp(
  `(?<![\\p{L}’'-])((?:${WORD}\\s){1,2})((?:${ARM}\\s){1,3})(${HEAD})(?![\\p{L}])`,
  "gu",
);

/**
 * The units named so in `text`. `notName` says that a word is no part of a unit's own name (the
 * caller's titles, days, gazetteer and heads); leading words that are are dropped.
 */
export function namedUnits(text: string, notName: (word: string) => boolean): NamedUnit[] {
  const out: NamedUnit[] = [];
  const short = new Map<string, NamedUnit>();
  for (const m of text.matchAll(AFTER_RE)) {
    // 'Mechanised Infantry Brigade "Iron Wolf"': the own name in quotation marks (link28)
    const own = (m[3] ?? m[4]) as string;
    if (own.split(/\s+/).some(notName)) continue;
    const name = `${m[1]}${m[2]} ${own}`;
    const unit = { start: m.index, end: m.index + m[0].length, text: m[0], name, key: slug(name) };
    out.push(unit);
    short.set(`${own} ${m[2]}`, unit);
  }
  for (const m of text.matchAll(BEFORE_RE)) {
    const words = (m[1] as string).trim().split(/\s+/);
    while (words.length > 0 && notName(words[0] as string)) words.shift();
    if (words.length === 0 || words.some(notName)) continue;
    const own = words.join(" ");
    const start = m.index + (m[1] as string).trimEnd().length - own.length;
    const name = text.slice(start, m.index + m[0].length);
    if (out.some((u) => u.start < start + name.length && start < u.end)) continue;
    out.push({ start, end: start + name.length, text: name, name, key: slug(name) });
  }
  // "the Iron Wolf Brigade" after "Mechanized Infantry Brigade Iron Wolf": the same unit
  for (const [form, unit] of short) {
    const re = new RegExp(`(?<![\\p{L}])${escapeRegExp(form)}(?![\\p{L}])`, "gu");
    for (const m of text.matchAll(re)) {
      if (out.some((u) => u.start < m.index + form.length && m.index < u.end)) continue;
      out.push({ ...unit, start: m.index, end: m.index + form.length, text: form });
    }
  }
  return out;
}
