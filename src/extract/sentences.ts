/**
 * Sentences as evidence units. wink finds the boundaries; this step keeps a quotation and its
 * attribution together (“… security. Canada is …,” he said.) as a reader cites it, and never lets
 * a sentence run across a paragraph break.
 */
import type { TextSpan } from "./types.js";

export interface Sentence extends TextSpan {
  text: string;
  /** Index of the paragraph (blank-line or line separated) it belongs to. */
  paragraph: number;
}

const OPEN = /[“]/g;
const CLOSE = /[”]/g;

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
    if (open && /\n/.test(text.slice(open.end, p.start))) {
      // never across a paragraph: close what was open
      out.push(make(text, open));
      open = null;
    }
    const cur: TextSpan = open ? { start: open.start, end: p.end } : p;
    const t = text.slice(cur.start, cur.end);
    // "officer Maj. John Miller said": a title's abbreviation does not end a sentence
    const abbreviated =
      /(?:^|[\s-])(?:Maj|Gen|Lt|Col|Capt|Sgt|Cpl|Pte|Adm|Cmdr|Cdr|Brig|Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Rev|St|Hon|Rt|Lt\.-Col|Lt\.-Gen|Maj\.-Gen|Brig\.-Gen|Lt\.-Cmdr|Vice-Adm|Rear-Adm|Gen\.-Lt)\.$/.test(
        t,
      );
    // straight quotation marks open and close alike: an odd count leaves one open
    const straight = (t.match(/"/g)?.length ?? 0) % 2 === 1;
    const unbalanced =
      abbreviated || straight || (t.match(OPEN)?.length ?? 0) > (t.match(CLOSE)?.length ?? 0);
    if (unbalanced) open = cur;
    else {
      out.push(make(text, cur));
      open = null;
    }
  }
  if (open) out.push(make(text, open));
  let para = 0;
  let last = 0;
  for (const s of out) {
    if (/\n/.test(text.slice(last, s.start))) para++;
    s.paragraph = para;
    last = s.end;
  }
  return out;
}

function make(text: string, span: TextSpan): Sentence {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  return { start, end, text: text.slice(start, end), paragraph: 0 };
}
