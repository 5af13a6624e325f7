/**
 * What an article's text must be before extraction, shared by `extractDocument` and
 * `npm run extract`: the same size limit, the same refusals, and (for files) the decoding.
 */
import { characterCount, DOCUMENT_LIMITS, hasVisibleCharacter } from "../domain/document.js";
import { KEY_MAX_LENGTH } from "../domain/vocabulary.js";

/** Characters (code points, characterCount) of text one extraction accepts (about 15,000 words). */
export const EXTRACT_TEXT_LIMIT = 100_000;

export type TextProblem =
  | { code: "LIMIT"; message: string; limit: number; length: number }
  | { code: "EMPTY" | "INVALID"; message: string };

/** The longest each field of an article's metadata may be: the document's own limits. */
export const SOURCE_LIMITS = {
  key: KEY_MAX_LENGTH,
  title: DOCUMENT_LIMITS.name,
  publisher: DOCUMENT_LIMITS.name,
  /** An ISO date is 10; room for a timestamp, which the draft reports as not a date. */
  publishedAt: 40,
  url: DOCUMENT_LIMITS.url,
} as const;

export type SourceField = keyof typeof SOURCE_LIMITS;

/**
 * Why `value` can be no document's `field` (too long, or not valid Unicode), or undefined: the
 * same refusal in `extractDocument` and `npm run extract`, before anything is drafted. Whether a
 * key is a key is checked apart (its rule is the keys'); a short malformed date still drafts,
 * and the draft's problems say what to correct.
 */
export function sourceFieldProblem(field: SourceField, value: string): string | undefined {
  const max = SOURCE_LIMITS[field];
  // Characters (code points), as the document's zod bounds and its JSON Schema's maxLength
  // count them: a title of 500 emoji is 500, not 1,000 (noticed31).
  const length = value.length > max ? characterCount(value) : value.length;
  if (length > max) return `is ${length} characters; at most ${max}`;
  if (field !== "key" && !value.isWellFormed())
    return "must be valid Unicode text (no lone surrogates)";
  return undefined;
}

/** Why `text` cannot be extracted, or undefined when it can. */
export function articleTextProblem(text: string, what = "text"): TextProblem | undefined {
  // At most two units a character: a text within the limit in units is within it in characters.
  const length = text.length > EXTRACT_TEXT_LIMIT ? characterCount(text) : text.length;
  if (length > EXTRACT_TEXT_LIMIT)
    return {
      code: "LIMIT",
      message: `${what} is ${length} characters; extraction takes at most ${EXTRACT_TEXT_LIMIT} (about 15,000 words): split it`,
      limit: EXTRACT_TEXT_LIMIT,
      length,
    };
  if (text.trim().length === 0)
    return { code: "EMPTY", message: `${what} is empty: give the article's text` };
  if (!text.isWellFormed())
    return { code: "INVALID", message: `${what} must be valid Unicode text (no lone surrogates)` };
  // Nothing but spaces, joiners, direction marks, combining or control characters: no draft can
  // be made of it (its source's text is refused by ingest), yet 100,000 combining accents or
  // zero-width joiners took a worker 5 to 6 s to answer a draft of nothing with that problem.
  if (!hasVisibleCharacter(text))
    return {
      code: "EMPTY",
      message: `${what} has no visible character (only spaces, joiners, direction marks, combining or control characters): give the article's text`,
    };
  return undefined;
}

/**
 * A file's bytes as text: UTF-8 (with or without a byte-order mark) or UTF-16 with its mark.
 * Bytes that are not text (invalid UTF-8, NUL bytes: a PDF, a word-processor file, an image)
 * are refused with a reason rather than read as garbage.
 */
export function decodeArticle(bytes: Uint8Array): { text: string } | { problem: string } {
  const [a, b] = bytes;
  let encoding = "utf-8";
  if (a === 0xff && b === 0xfe) encoding = "utf-16le";
  else if (a === 0xfe && b === 0xff) encoding = "utf-16be";
  let text: string;
  try {
    // The decoder drops a leading byte-order mark of its own encoding.
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return {
      problem: `is not ${encoding.toUpperCase()} text: save the article as plain text (UTF-8) first`,
    };
  }
  if (text.includes("\u0000"))
    return { problem: "holds NUL bytes, so it is not plain text: save the article as text first" };
  return { text };
}

/** Whether a text looks like HTML markup rather than an article's words. */
export function looksLikeMarkup(text: string): boolean {
  const tags = text.match(/<\/?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?\/?>/g) ?? [];
  return tags.length >= 3 && /<\/?(html|body|p|div|span|script|br|a)\b/i.test(text);
}

/** Words nearly every English paragraph has (about a quarter of its words are these). */
const ENGLISH_FUNCTION_WORDS = new Set(
  "the of and to a in is was that for on with as by at from it its his her their be are were has have had said will would not this which who an or but".split(
    " ",
  ),
);

/**
 * Why a text cannot be read as English prose, if it cannot: the extractor's model, gazetteer and
 * rules are English. A German or Arabic article gave a draft of a few names or none at all, and
 * nothing said why (drafts18); a text all in capitals gave words as names ("Of", "Will Replace")
 * and relations between them. Each is said once, with what to give instead; the draft is still
 * made (a name or two may be right, and the reviewer decides).
 */
export function languageProblems(text: string): string[] {
  const problems: string[] = [];
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return problems;
  const latin = letters.filter((l) => /\p{Script=Latin}/u.test(l)).length;
  if (letters.length >= 20 && latin < letters.length / 2) {
    problems.push(
      "the text is not in English (most of its letters are not Latin letters): the extractor reads English only, so this draft has little or nothing of the article; give an English text (a translation)",
    );
    return problems;
  }
  const words = (text.match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? []).map((w) => w.toLowerCase());
  const english = words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length;
  if (words.length >= 30 && english < words.length * 0.08)
    problems.push(
      "the text does not read as English (few of its words are English ones such as the, of, and): the extractor reads English only, so this draft has little of the article and may mistake words for names; give an English text (a translation)",
    );
  const cased = letters.filter((l) => l !== l.toLowerCase() || l !== l.toUpperCase());
  const upper = cased.filter((l) => l === l.toUpperCase() && l !== l.toLowerCase()).length;
  if (cased.length >= 200 && upper > cased.length * 0.8)
    problems.push(
      'the text is in capitals: names cannot be told from other words, so some words are proposed as names (such as "Will Replace") and some names are missed; give the text in ordinary case if you can, and review every entity',
    );
  return problems;
}
