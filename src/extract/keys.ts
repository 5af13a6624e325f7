/** House-style keys: lowercase ASCII slugs such as `justin-trudeau` or `operation-reassurance`. */
import nlp from "compromise";
import { KEY_MAX_LENGTH } from "../domain/vocabulary.js";

/** Greek and Cyrillic letters that look like Latin ones. */
const LOOK_ALIKE: Record<string, string> = {
  ο: "o",
  о: "o",
  α: "a",
  а: "a",
  ε: "e",
  е: "e",
  ι: "i",
  і: "i",
  κ: "k",
  к: "k",
  ρ: "p",
  р: "p",
  с: "c",
  τ: "t",
  т: "t",
  х: "x",
  υ: "u",
  у: "y",
};

export function slug(text: string, maxWords = 12): string {
  const words = text
    // letters NFKD does not take apart: "Władysław" -> wladyslaw
    .replace(/[łŁ]/g, "l")
    .replace(/[øØ]/g, "o")
    .replace(/[đĐ]/g, "d")
    .replace(/[ıİ]/g, "i")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[œŒ]/g, "oe")
    .replace(/[þÞ]/g, "th")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    // a Greek or Cyrillic look-alike inside a Latin word, as copy pasted from another script
    // leaves it ("Marchiό" with a Greek omicron) -> marchio
    .replace(
      /(?<=\p{Script=Latin})[οоαаεеιіκкρрсτтхυу]|[οоαаεеιіκкρрсτтхυу](?=\p{Script=Latin})/gu,
      (c) => LOOK_ALIKE[c] ?? c,
    )
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .replace(/%/g, " percent ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, maxWords);
  let out = words.join("-");
  while (out.length > KEY_MAX_LENGTH) out = out.slice(0, out.lastIndexOf("-"));
  return out || "entity";
}

/**
 * A share as the house style keys it, in words: "2%", "2 per cent" and "two per cent" all give
 * `two` (so `nato-two-percent-target`), "3.5%" gives `three-point-five`. compromise spells the
 * figures.
 */
export function shareSlug(text: string): string {
  const bare = text
    .replace(/\s*(?:per ?cent|percent|%)/i, "")
    .replace(
      /^\s*(?:about|approximately|around|some|nearly|almost|roughly|over|more than|at least|up to|under|less than)\s+/i,
      "",
    )
    .trim();
  const figure = bare.match(/\d+(?:\.\d+)?/)?.[0];
  if (!figure) return slug(bare);
  const doc = nlp(figure);
  doc.numbers().toText();
  return slug(doc.text());
}
