/**
 * Wire-story furniture: the parts of an article that say who filed it, from where, and who owns
 * it, not what happened. A dateline ("VILNIUS, Lithuania (AP) —", "BRUSSELS (Reuters) -") names
 * where the story was filed: its place is mentioned at most, never a participant or a home nation.
 * Bylines ("By JANE DOE Associated Press"), credit lines ("Reporting by X; Editing by Y", "With
 * files from ...") and copyright lines name the press, not the news: nothing in them is a fact.
 */
import type { TextSpan } from "./types.js";

export interface Furniture {
  /** The dateline at the head of the story, up to and including its dash. */
  dateline?: TextSpan;
  /** Where the place the dateline names is written ("VILNIUS", "Lithuania"). */
  datelinePlaces: TextSpan[];
  /** Whole lines that are bylines, credits or copyright notices. */
  lines: TextSpan[];
}

const AGENCY = String.raw`\((?:AP|Reuters|AFP|dpa|DPA|UPI|PAP|ANI|IANS|PTI|Xinhua|TASS|BNS|LETA|ERR|Bloomberg|CNN|CP|The Canadian Press|Canadian Press|Anadolu|Yonhap|Kyodo|EFE|ANSA)\)`;
// "VILNIUS, Lithuania (AP) — ", "BRUSSELS (Reuters) - ", "OTTAWA — ", "KYIV, Ukraine, June 3 (Reuters) -"
const DATELINE = new RegExp(
  String.raw`^(\p{Lu}[\p{Lu}.' -]{1,30}?)(?:,\s*(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,3}))?(?:,\s*\p{Lu}\p{Ll}+\.? \d{1,2})?\s*(?:${AGENCY})?\s*[—–-]{1,2}\s`,
  "u",
);

const LINE_PATTERNS: RegExp[] = [
  // "By JANE DOE Associated Press", "By Jane Doe and John Roe, Reuters", "By The Associated Press"
  /^(?:By|BY|Written by|Story by|Words by)\s+\p{Lu}[^.!?]{1,150}$/u,
  // "Reporting by X; Editing by Y", "(Reporting by X in Vilnius; Writing by Y; Editing by Z)"
  /^\(?\s*(?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ff]act-?checked|[Tt]ranslated|[Rr]esearch|[Gg]raphics) by\b[^\n]{1,300}$/,
  /^\(?\s*With (?:a )?(?:files?|reporting) from\b[^\n]{1,200}$/,
  // "Copyright 2025 The Associated Press. All rights reserved.", "© 2025 Reuters"
  /^(?:Copyright|©|\(c\))\s*[^\n]{0,200}$/i,
  /^[^\n]{0,120}\bAll rights reserved\.?\s*$/i,
  // photo credits and page chrome: "Photo: Reuters/Ints Kalnins", "READ MORE: ...", "Sign up for ..."
  /^(?:Photo|Photograph|Image|Picture|File photo|Caption|Video)(?:\s*[:|]|\s+by\s|\s+credits?\s*:?)\s*[^\n]{0,200}$/i,
  /^(?:Read more|READ MORE|Related|RELATED|Also read|See also|Watch|Listen|Sign up|Subscribe|Follow us)\b[^\n]{0,200}$/,
  // "Associated Press writer Jane Doe in Riga contributed to this report."
  /^[^\n]{0,200}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\.?\s*$/i,
];

/**
 * A credit in brackets at the end of a paragraph, as wire copy runs it on after the last quote:
 * '... we have to push for more." (Reporting by Jane Doe; Editing by John Roe)'.
 */
const TRAILING_CREDIT =
  /\(\s*(?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ff]act-?checked|[Tt]ranslated|[Rr]esearch|[Gg]raphics) by\b[^()\n]{1,300}\)\s*$/;

/**
 * Where the story's first paragraph starts: the text's start, or the line after a heading (one
 * short line with no full stop, then a blank line), as a page saved with its title runs.
 */
function storyStarts(text: string): number[] {
  const starts = [0];
  const heading = /^[^\n]{1,160}\n[ \t]*\n\s*/.exec(text);
  if (heading && !/[.!?:"”]\s*$/.test(heading[0].split("\n")[0] ?? ""))
    starts.push(heading[0].length);
  return starts;
}

export function furnitureOf(text: string): Furniture {
  const out: Furniture = { datelinePlaces: [], lines: [] };
  for (const at of storyStarts(text)) {
    const rest = text.slice(at);
    const d = DATELINE.exec(rest);
    // a dateline's first word is a place written in capitals: at least two letters, not "I" or "A"
    const found = d?.[1] && /\p{Lu}{2}/u.test(d[1]) && !/\p{Ll}/u.test(d[1]) ? d : null;
    if (!found?.[1]) continue;
    out.dateline = { start: at, end: at + found[0].length };
    out.datelinePlaces.push({ start: at, end: at + found[1].trimEnd().length });
    if (found[2]) {
      const of = found[0].indexOf(found[2], found[1].length);
      out.datelinePlaces.push({ start: at + of, end: at + of + found[2].length });
    }
    break;
  }
  let start = 0;
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (t.length > 0 && LINE_PATTERNS.some((re) => re.test(t))) {
      const lead = line.length - line.trimStart().length;
      out.lines.push({ start: start + lead, end: start + lead + t.length });
    } else {
      const credit = TRAILING_CREDIT.exec(line);
      if (credit)
        out.lines.push({ start: start + credit.index, end: start + line.trimEnd().length });
    }
    start += line.length + 1;
  }
  return out;
}

export const within = (span: TextSpan, xs: readonly TextSpan[]) =>
  xs.some((x) => span.start >= x.start && span.end <= x.end);
