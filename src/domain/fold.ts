/**
 * Every fold of a stored name or alias, in one place. What a write stores (nameLower,
 * aliasesLower, namePlain, aliasesPlain, plainNames) and what a reader compares it with (what
 * was typed, a name an article gives) are computed here and nowhere else: never in Cypher, whose
 * Java cases some letters otherwise than this JavaScript (Java 17 does not know "Ꟁ", Unicode 14),
 * so a name or alias folded on one side and typed folded on the other missed.
 */

/**
 * Characters that draw nothing of their own (Unicode's Default_Ignorable_Code_Point): the
 * direction marks, embeddings, overrides and isolates (U+200E-200F, U+202A-202E, U+2066-2069),
 * joiners, variation selectors, the soft hyphen, tags. A name keeps them as written (a joiner
 * or a direction mark shapes some names), but no one types them: a name stored as U+202E then
 * "Abc" was missed by `startsWith: "Abc"`, `equals` and `contains` (edges26). Folds leave them
 * out, on what is stored and what is typed alike.
 */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * Text without the characters that draw nothing (IGNORABLE) and with each run of spaces (any
 * Unicode space) one space, in that order: a space an invisible character stood beside or
 * between is a space a reader sees beside another or at an end, not one of its own. "\u200E Abc"
 * reads "Abc" and "Abc \u2066\u2069 Def" reads "Abc Def"; folded with the invisible characters out
 * and their spaces kept, they were " abc" and "abc  def", which `startsWith: "Abc"`, `equals`
 * and `contains: "Abc Def"` missed (edges28).
 */
const spaced = (s: string): string => s.replace(IGNORABLE, "").replace(/\s+/gu, " ");

/**
 * Case folded: upper case and then lower case, as Unicode's full case folding compares text,
 * with the letters that way leaves apart folded together: "ß" and "ẞ" are "ss", a final "ς" is
 * "σ", an "İ" is "i". Upper case first folds what lower case alone keeps apart from its
 * capitals: a ligature ("ﬁ" is "fi", "DEFIANCE" finds "Deﬁance"), "ſ" ("s"), the micro sign ("µ"
 * is "μ"), a Greek letter with its iota written beneath ("ᾳ" is "αι"), a Turkish dotless "ı"
 * ("IŞIK" finds "Işık"), and an "İ" whose lower case is "i" with a dot above ("istanbul" finds
 * "İstanbul").
 */
const caseFold = (s: string): string =>
  s
    .toUpperCase()
    .toLowerCase()
    .replaceAll("ß", "ss")
    .replaceAll("ς", "σ")
    .replaceAll("i\u0307", "i");

/**
 * What was typed to find names by, folded as names are (foldName), with its spaces as the filter
 * reads them: a whole name (`equals`, `in`) with none at either end; the start of a name
 * (`startsWith`) with none before it (no name starts with one) and a space at its end kept
 * ("Justin " is a whole word); a part of a name (`contains`) with its spaces kept.
 */
export function foldTyped(s: string, as: "whole" | "start" | "part"): string {
  const t = spaced(s);
  return caseFold(as === "whole" ? t.trim() : as === "start" ? t.trimStart() : t);
}

/**
 * A name as names are compared and ordered ignoring case (caseFold), without the characters that
 * draw nothing (IGNORABLE), each run of spaces one space and none at either end (spaced).
 */
export const foldName = (s: string): string => foldTyped(s, "whole");

/**
 * The marks that sit on a letter (Unicode's nonspacing and enclosing marks: the accents of
 * U+0300-036F and of the extended and supplementary blocks U+1AB0-1AFF, U+1DC0-1DFF, the marks for
 * symbols U+20D0-20FF, the half marks U+FE20-FE2F, and those of other scripts). The spacing
 * marks (Mc: the vowel signs of Indic scripts, written beside their letter) are part of the
 * spelling and stay.
 */
const MARKS = /[\p{Mn}\p{Me}]+/gu;

/**
 * Text without the marks on its letters ("Kariņš" is "Karins", "a\u1DC4" is "a"), as
 * English-language copy spells names; decomposed first, so a letter with an accent loses the
 * accent and keeps the letter. A letter that has no decomposition ("ł", "ø") stays. The one
 * accent stripper: what is stored (plainSpelling) and what search looks for are stripped alike.
 */
export const stripMarks = (s: string): string =>
  s.normalize("NFD").replace(MARKS, "").normalize("NFC");

/**
 * A name as English-language copy spells it without accents, folded: "Ādaži" is "adazi". A mark
 * that sat apart from any letter, between spaces, leaves one space as foldName does.
 */
export const plainSpelling = (s: string): string => spaced(stripMarks(foldName(s))).trim();

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

/**
 * The version of the rules above that a stored entity's folds were computed by (`foldRule`).
 * Raise it whenever foldName or plainSpelling change: the names settle at start folds again
 * every entity stored with another (or none, as a version that folded in Cypher left them).
 */
export const FOLD_RULE = 4;

/** A name's stored folds: nameLower and namePlain. */
export const nameFolds = (name: string) => ({
  nameLower: foldName(name),
  namePlain: plainSpelling(name),
});

/** Aliases' stored folds, one for each alias in its order: aliasesLower and aliasesPlain. */
export const aliasFolds = (aliases: readonly string[]) => ({
  aliasesLower: aliases.map(foldName),
  aliasesPlain: aliases.map(plainSpelling),
});

/**
 * Everything a write that sets a name and aliases stores beside them: their folds, the plain
 * names search finds (null: none, the property removed) and the rule they were folded by.
 */
export const storedFolds = (name: string, aliases: readonly string[]) => ({
  ...nameFolds(name),
  ...aliasFolds(aliases),
  plainNames: plainNames(name, aliases),
  foldRule: FOLD_RULE,
});
