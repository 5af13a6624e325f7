/**
 * domain/fold.ts's foldName in Cypher: a name as names are compared and ordered ignoring
 * case (lower case, "ß" as "ss", a final "ς" as "σ"). Every write stores it as `nameLower`, and
 * every comparison of a name or alias with what was typed folds both sides with it.
 */
export const foldedName = (expr: string) =>
  `replace(replace(toLower(${expr}), "ß", "ss"), "ς", "σ")`;
