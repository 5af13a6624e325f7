/**
 * House-style keys: lowercase ASCII slugs such as `justin-trudeau` or `operation-reassurance`.
 * Pure (the registry only), so the explorer's review proposes a key for an entity the reader adds
 * exactly as the extractor would for the same name.
 */
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

/** The house-style key of `text`: at most `maxWords` words, at most KEY_MAX_LENGTH characters. */
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
