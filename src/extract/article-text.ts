/**
 * What an article's text must be before extraction, shared by `extractDocument` and
 * `npm run extract`: the same size limit, the same refusals, and (for files) the decoding.
 */

/** Characters of text one extraction accepts (about 15,000 words). */
export const EXTRACT_TEXT_LIMIT = 100_000;

export type TextProblem =
  | { code: "LIMIT"; message: string; limit: number; length: number }
  | { code: "EMPTY" | "INVALID"; message: string };

/** Why `text` cannot be extracted, or undefined when it can. */
export function articleTextProblem(text: string, what = "text"): TextProblem | undefined {
  if (text.length > EXTRACT_TEXT_LIMIT)
    return {
      code: "LIMIT",
      message: `${what} is ${text.length} characters; extraction takes at most ${EXTRACT_TEXT_LIMIT} (about 15,000 words): split it`,
      limit: EXTRACT_TEXT_LIMIT,
      length: text.length,
    };
  if (text.trim().length === 0)
    return { code: "EMPTY", message: `${what} is empty: give the article's text` };
  if (!text.isWellFormed())
    return { code: "INVALID", message: `${what} must be valid Unicode text (no lone surrogates)` };
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
