/**
 * Sentences as evidence units. wink finds the boundaries; this step keeps a quotation and its
 * attribution together (“… security. Canada is …,” he said.) as a reader cites it, and never lets
 * a sentence run across a paragraph break.
 */
import { mendMixedMarks } from "./quotations.js";
import type { TextSpan } from "./types.js";

export interface Sentence extends TextSpan {
  text: string;
  /** Index of the paragraph (blank-line or line separated) it belongs to. */
  paragraph: number;
}

/**
 * The longest evidence unit, in characters. A document's evidence may be up to 5,000 characters
 * (DOCUMENT_LIMITS.excerpt); a real sentence is far shorter, so a longer run (hostile input with
 * no full stops, a pasted table) is cut into pieces of at most this length, at a clause mark or a
 * space, before relations are proposed.
 */
export const MAX_SENTENCE = 1_000;

/**
 * How many quotations `t` leaves open: “…” and « … », and the German „…“ whose closing mark is an
 * English opening one (a “ after an open „ closes it).
 */
function openMarks(t: string): number {
  let open = 0;
  let low = 0;
  for (const c of t) {
    if (c === "„") {
      open++;
      low++;
    } else if (c === "“") {
      if (low > 0) {
        low--;
        open--;
      } else open++;
    } else if (c === "”" || c === "»") open--;
    else if (c === "«") open++;
  }
  return open;
}

export function sentencesOf(text: string, boundaries: readonly TextSpan[]): Sentence[] {
  // Paragraph breaks split wink's sentences further.
  const pieces: TextSpan[] = [];
  for (const b of boundaries) {
    let start = b.start;
    const chunk = text.slice(b.start, b.end);
    for (const m of chunk.matchAll(/\s*\n\s*/g)) {
      pieces.push({ start, end: b.start + (m.index ?? 0) });
      start = b.start + (m.index ?? 0) + m[0].length;
    }
    pieces.push({ start, end: b.end });
  }
  const out: Sentence[] = [];
  let open: TextSpan | null = null;
  for (const p of pieces) {
    if (p.end <= p.start) continue;
    // a list's number wink took for a sentence of its own ("1." before "Spain joins.")
    if (
      !open &&
      atLineStart(text, p.start) &&
      /^\s*\(?\d{1,2}[.)]\s*$/.test(text.slice(p.start, p.end))
    )
      continue;
    if (open && /\n/.test(text.slice(open.end, p.start))) {
      // never across a paragraph: close what was open
      out.push(make(text, open));
      open = null;
    }
    const cur: TextSpan = open ? { start: open.start, end: p.end } : p;
    const t = mendMixedMarks(text.slice(cur.start, cur.end));
    // "officer Maj. John Miller said": a title's abbreviation does not end a sentence
    const abbreviated =
      /(?:^|[\s-])(?:Maj|Gen|Lt|Col|Capt|Sgt|Cpl|Pte|Adm|Cmdr|Cdr|Brig|Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Rev|St|Hon|Rt|Lt\.-Col|Lt\.-Gen|Maj\.-Gen|Brig\.-Gen|Lt\.-Cmdr|Vice-Adm|Rear-Adm|Gen\.-Lt)\.$/.test(
        t,
      );
    // straight quotation marks open and close alike: an odd count leaves one open
    const straight = (t.match(/"/g)?.length ?? 0) % 2 === 1;
    const unbalanced = abbreviated || straight || openMarks(t) > 0;
    if (unbalanced) open = cur;
    else {
      out.push(make(text, cur));
      open = null;
    }
  }
  if (open) out.push(make(text, open));
  const bounded = out.flatMap((s) => (s.text.length > MAX_SENTENCE ? cut(text, s) : [s]));
  let para = 0;
  let last = 0;
  for (const s of bounded) {
    if (/\n/.test(text.slice(last, s.start))) para++;
    s.paragraph = para;
    last = s.end;
  }
  return bounded;
}

/** A run longer than MAX_SENTENCE in pieces: each ends at the last clause mark, else space, in reach. */
function cut(text: string, s: Sentence): Sentence[] {
  const pieces: Sentence[] = [];
  let start = s.start;
  while (s.end - start > MAX_SENTENCE) {
    const window = text.slice(start, start + MAX_SENTENCE);
    // a sentence's end inside a long quotation paragraph ("... places. We have ..."): the last one
    // in reach keeps the attribution's sentence whole; else a clause mark, else a space
    const stop = lastSentenceEnd(window);
    const clause = Math.max(...[";", ",", ":", "—"].map((c) => window.lastIndexOf(c)));
    const space = window.lastIndexOf(" ");
    const at =
      stop > MAX_SENTENCE / 4
        ? stop
        : clause > MAX_SENTENCE / 2
          ? clause + 1
          : space > MAX_SENTENCE / 2
            ? space
            : MAX_SENTENCE;
    // never split a surrogate pair
    const end = /[\uDC00-\uDFFF]/.test(text[start + at] ?? "") ? start + at - 1 : start + at;
    const piece = make(text, { start, end });
    if (piece.text.length > 0) pieces.push(piece);
    start = end;
  }
  const rest = make(text, { start, end: s.end });
  if (rest.text.length > 0) pieces.push(rest);
  return pieces;
}

/** The offset just past the last ". " (or "! ", "? ") before a capital in `window`, or -1. */
function lastSentenceEnd(window: string): number {
  let at = -1;
  for (const m of window.matchAll(/[.!?]\s+(?=\p{Lu})/gu)) at = (m.index ?? 0) + 1;
  return at;
}

/**
 * A list item's marker at the start of a line ("* ", "• ", "- ", "1. ", "(2) "): not part of the
 * sentence a reader cites, and a rule reading "Germany will send ..." must see it first.
 */
const LIST_MARKER = /^(?:[-–—•*·▪◦‣►]|\(?\d{1,2}[.)])[ \t]+/u;

/** Whether only spaces or tabs stand between `at` and the line's start. */
function atLineStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
  return i < 0 || text[i] === "\n";
}

function make(text: string, span: TextSpan): Sentence {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  if (atLineStart(text, start)) {
    const marker = LIST_MARKER.exec(text.slice(start, Math.min(end, start + 8)));
    if (marker) start += marker[0].length;
  }
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  return { start, end, text: text.slice(start, end), paragraph: 0 };
}
