/** House-style keys: lowercase ASCII slugs such as `justin-trudeau` or `operation-reassurance`. */
import { KEY_MAX_LENGTH } from "../domain/vocabulary.js";

export function slug(text: string, maxWords = 12): string {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
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
