/**
 * domain/fold.ts's foldName in Cypher: a name as names are compared and ordered ignoring case
 * (upper case, then lower case, "ß" as "ss", a final "ς" as "σ", "i" with a dot above as "i").
 * For aliases, folded where they are stored when what was typed is compared with them, and for
 * the names settle's search for a nameLower an older rule folded; `nameLower` itself is always
 * foldName's, computed in TypeScript.
 */
export const foldedName = (expr: string) =>
  `replace(replace(replace(toLower(toUpper(${expr})), "ß", "ss"), "ς", "σ"), "i\u0307", "i")`;

/** domain/fold.ts's plainSpelling in Cypher: folded, NFD, the marks U+0300-U+036F out, NFC. */
const plainSpelled = (expr: string) =>
  `normalize(reduce(s = "", c IN split(normalize(${foldedName(expr)}, NFD), "") | s + CASE WHEN c >= "\\u0300" AND c <= "\\u036f" THEN "" ELSE c END), NFC)`;

/**
 * domain/fold.ts's plainNames in Cypher, of the entity bound to `v`: the plain spellings of its
 * name and aliases that differ from their lower case, or null when none does. Every write that
 * sets a name or aliases sets `plainNames` to it, so search finds "Ādaži" typed "Adazi" and
 * "Große Straße" typed "GROSSE STRASSE".
 */
export const plainNamesOf = (v: string) =>
  `reduce(plain = null, p IN [x IN [${v}.name] + coalesce(${v}.aliases, []) | [toLower(x), ${plainSpelled("x")}]] | CASE WHEN p[0] = p[1] THEN plain ELSE coalesce(plain, []) + p[1] END)`;
