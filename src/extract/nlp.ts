/**
 * The one place the English model is loaded: wink-nlp with wink-eng-lite-web-model tokenises,
 * tags parts of speech, finds sentence boundaries and recognises numbers, money, percentages,
 * durations and dates, in a few milliseconds per article, offline (the model is an npm package).
 * Everything here is re-expressed as character offsets into the text it was given.
 */
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import type { TextSpan } from "./types.js";

const nlp = winkNLP(model);
const its = nlp.its;

export interface Token extends TextSpan {
  text: string;
  pos: string;
  /** wink's lemma, lower case ("deployed" -> "deploy"). */
  lemma: string;
}

export interface NlpEntity extends TextSpan {
  text: string;
  /** wink's types: CARDINAL, ORDINAL, MONEY, PERCENT, DATE, TIME, DURATION ... */
  type: string;
}

export interface Analysis {
  tokens: Token[];
  /** Sentences as wink sees them, as [first token, last token] (inclusive). */
  sentences: TextSpan[];
  entities: NlpEntity[];
}

/**
 * `text` with every run of more than LONGEST_RUN characters without a space broken by a space
 * every LONGEST_RUN characters, the length unchanged so offsets hold. wink's token patterns (an
 * e-mail's, a word's) are quadratic in one such run: 99,000 hyphens, or "AbAb..." of tens of kB,
 * took the whole extraction budget. No word or address in an article is that long.
 */
const LONGEST_RUN = 128;
const brokenRuns = (text: string) =>
  text.replace(new RegExp(`\\S{${LONGEST_RUN + 1},}`, "g"), (run) =>
    run.replace(new RegExp(`([^]{${LONGEST_RUN}})[^]`, "g"), "$1 "),
  );

/** Tokens, sentences and typed entities of `text`, with offsets into it. */
export function analyse(original: string): Analysis {
  const text = brokenRuns(original);
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as typeof its.value) as string[];
  const tokens: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += (spaces[i] ?? "").length;
    const value = values[i] ?? "";
    // wink keeps the original characters, so the offsets line up; guard against a surprise.
    const start = text.startsWith(value, at) ? at : text.indexOf(value, at);
    tokens.push({
      start,
      end: start + value.length,
      text: value,
      pos: pos[i] ?? "X",
      lemma: (lemmas[i] ?? value).toLowerCase(),
    });
    at = start + value.length;
  }
  const spanOf = (first: number, last: number): TextSpan => ({
    start: tokens[first]?.start ?? 0,
    end: tokens[last]?.end ?? 0,
  });
  const sentences: TextSpan[] = [];
  doc.sentences().each((s: { out: (x: unknown) => unknown }) => {
    const [first, last] = s.out(its.span) as unknown as [number, number];
    sentences.push(spanOf(first, last));
  });
  const entities: NlpEntity[] = [];
  doc.entities().each((e: { out: (x: unknown) => unknown }) => {
    const [first, last] = e.out(its.span) as unknown as [number, number];
    const span = spanOf(first, last);
    entities.push({
      ...span,
      text: original.slice(span.start, span.end),
      type: String(e.out(its.type)),
    });
  });
  return { tokens, sentences, entities };
}
