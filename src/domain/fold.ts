/**
 * A name as names are compared and ordered ignoring case: lower case, with the letters whose
 * lower case is not their case folding folded as Unicode's full case folding does ("ß" and "ẞ"
 * are "ss", a final "ς" is "σ"), so "GROSSE STRASSE" finds "Große Straße". Every write stores it
 * as `nameLower` by the same rule in Cypher (cypher/fold.ts, foldedName).
 */
export const foldName = (s: string): string =>
  s.toLowerCase().replaceAll("ß", "ss").replaceAll("ς", "σ");

/**
 * A name as English-language copy spells it without accents, folded as `foldName` folds it:
 * "Ādaži" is "adazi", "Kariņš" is "karins". Only the combining marks U+0300-U+036F go (those of
 * the Latin letters with accents), exactly as the Cypher twin (cypher/fold.ts, plainNamesOf)
 * strips them; a letter that has no decomposition ("ł", "ø") stays.
 */
export const plainSpelling = (s: string): string =>
  foldName(s)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC");

/**
 * What every write stores as `plainNames` (and the `entity_fulltext` index searches): the plain
 * spellings of a name and its aliases that differ from their folded forms, in that order; null
 * when none does (then the property is absent).
 */
export function plainNames(name: string, aliases: readonly string[]): string[] | null {
  const out = [name, ...aliases].filter((x) => plainSpelling(x) !== foldName(x)).map(plainSpelling);
  return out.length > 0 ? out : null;
}
