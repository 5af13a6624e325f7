/**
 * The text's sentences, the evidence unit of a relation: the extractor's own where the draft
 * carries them (ExtractDraft.sentences), so that a sentence the reader picks is cut as the
 * extractor cuts; else the browser's segmenter around the sentences the draft quoted. And the
 * words of a sentence, for marking a name by keyboard.
 */
import type { Draft, TextSpan } from "./api.js";

/**
 * The text's sentences: those the extractor quoted for its relations as they are, and the rest
 * by the browser's sentence segmenter, never across a line break, without the spaces around.
 */
export function sentencesOf(text: string, quoted: readonly TextSpan[]): TextSpan[] {
  const out: TextSpan[] = [...new Map(quoted.map((s) => [`${s.start}:${s.end}`, s])).values()];
  const overlaps = (a: TextSpan) => out.some((b) => a.start < b.end && b.start < a.end);
  const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
  for (const { segment, index } of segmenter.segment(text)) {
    let at = index;
    for (const line of segment.split("\n")) {
      const lead = line.length - line.trimStart().length;
      const span = { start: at + lead, end: at + line.trimEnd().length };
      if (span.end > span.start && !overlaps(span)) out.push(span);
      at += line.length + 1;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The sentence `at` falls in (the nearest before it, at a gap between sentences). */
export function sentenceAt(sentences: readonly TextSpan[], at: number): TextSpan | null {
  let best: TextSpan | null = null;
  for (const s of sentences) if (s.start <= at) best = s;
  return best ?? sentences[0] ?? null;
}

/** The draft's sentences: the extractor's when it sent them, else found in the page. */
export function draftSentences(draft: Draft): TextSpan[] {
  const text = draft.document.source.properties.text;
  const given = (draft.sentences ?? []).filter(
    (s) => s.start >= 0 && s.end > s.start && s.end <= text.length,
  );
  if (given.length > 0) return [...given].sort((a, b) => a.start - b.start);
  return sentencesOf(
    text,
    draft.relations.map((r) => r.span),
  );
}

/** The words of `sentence` in `text` (letters and digits, with inner dots, hyphens, apostrophes). */
export function wordsOf(text: string, sentence: TextSpan): TextSpan[] {
  const out: TextSpan[] = [];
  const piece = text.slice(sentence.start, sentence.end);
  for (const m of piece.matchAll(/[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*\.?/gu)) {
    let word = m[0];
    // A sentence's full stop is no part of its last word; an initial's is ("U.S.", "J.").
    if (word.endsWith(".") && !/\.\p{L}\.$|^\p{L}\.$/u.test(word)) word = word.slice(0, -1);
    const start = sentence.start + (m.index ?? 0);
    out.push({ start, end: start + word.length });
  }
  return out;
}
