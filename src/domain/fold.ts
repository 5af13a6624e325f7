/**
 * A name as names are compared and ordered ignoring case: lower case, with the letters whose
 * lower case is not their case folding folded as Unicode's full case folding does ("ß" and "ẞ"
 * are "ss", a final "ς" is "σ"), so "GROSSE STRASSE" finds "Große Straße". Every write stores it
 * as `nameLower` by the same rule in Cypher (cypher/fold.ts, foldedName).
 */
export const foldName = (s: string): string =>
  s.toLowerCase().replaceAll("ß", "ss").replaceAll("ς", "σ");
