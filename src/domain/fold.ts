/**
 * A name as names are compared and ordered ignoring case: upper case and then lower case, as
 * Unicode's full case folding compares text, with the letters that way leaves apart folded
 * together: "ß" and "ẞ" are "ss", a final "ς" is "σ", an "İ" is "i". Upper case first folds
 * what lower case alone keeps apart from its capitals: a ligature ("ﬁ" is "fi", "DEFIANCE" finds
 * "Deﬁance"), "ſ" ("s"), the micro sign ("µ" is "μ"), a Greek letter with its iota written
 * beneath ("ᾳ" is "αι"), a Turkish dotless "ı" ("IŞIK" finds "Işık"), and an "İ" whose lower
 * case is "i" with a dot above ("istanbul" finds "İstanbul").
 *
 * Every write stores it as `nameLower`, computed here (never in Cypher: Neo4j's Java knows the
 * case of fewer letters than this JavaScript, so a name with a letter only one of them knows, such
 * as "Ꟁ", was stored folded one way and typed folded the other, and its exact name found
 * nothing). cypher/fold.ts, foldedName, is the same rule in Cypher, for aliases, which are
 * compared where they are stored.
 */
export const foldName = (s: string): string =>
  s
    .toUpperCase()
    .toLowerCase()
    .replaceAll("ß", "ss")
    .replaceAll("ς", "σ")
    .replaceAll("i\u0307", "i");

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
 * spellings of a name and its aliases that differ from their lower case, in that order; null
 * when none does (then the property is absent). Not from their folded forms: the index holds a
 * name lower-cased, so "Große Straße" (folded "grosse strasse", as plain) or "Deﬁance" (a
 * ligature) was found only as written, and "GROSSE STRASSE" found nothing (redteam23).
 */
export function plainNames(name: string, aliases: readonly string[]): string[] | null {
  const out = [name, ...aliases]
    .filter((x) => plainSpelling(x) !== x.toLowerCase())
    .map(plainSpelling);
  return out.length > 0 ? out : null;
}
