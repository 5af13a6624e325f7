/**
 * domain/fold.ts's foldName in Cypher: a name as names are compared and ordered ignoring case
 * (upper case, then lower case, "ß" as "ss", a final "ς" as "σ", "i" with a dot above as "i").
 * For aliases, folded where they are stored when what was typed is compared with them, and for
 * the names settle's search for a nameLower an older rule folded; `nameLower` itself is always
 * foldName's, computed in TypeScript.
 */
export const foldedName = (expr: string) =>
  `replace(replace(replace(toLower(toUpper(${expr})), "ß", "ss"), "ς", "σ"), "i\u0307", "i")`;
