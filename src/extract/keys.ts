/** House-style keys: lowercase ASCII slugs such as `justin-trudeau` or `operation-reassurance`. */
import nlp from "compromise";
import { slug } from "./slug.js";

export { slug };

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
