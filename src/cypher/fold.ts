import neo4j, { type Integer } from "neo4j-driver";

/**
 * The plain names of a stored entity from the folds TypeScript computed for it (domain/fold.ts):
 * Cypher only compares and picks what was stored; it folds no name itself.
 */

/**
 * domain/fold.ts's plainNames of the entity bound to `v`, from its stored namePlain and
 * aliasesPlain: the plain spellings that differ from the name's (an alias's) lower case, or null
 * when none does. Not from the folded forms: the full-text index holds a name lower-cased, so
 * "Große Straße" (folded "grosse strasse", as plain) was found only as written (redteam23). The
 * lower case is Cypher's, as the index's analyzer's; for a letter only JavaScript can case it
 * keeps one plain name more than the bulk loader's TypeScript, never one fewer. A write that
 * changes a name or aliases (and so their stored folds) sets `plainNames` to it, so search finds
 * "Ādaži" typed "Adazi" and "Große Straße" typed "GROSSE STRASSE".
 */
export const plainNamesOf = (v: string) =>
  `reduce(plain = null, p IN [[toLower(${v}.name), ${v}.namePlain]] + [i IN range(0, size(coalesce(${v}.aliases, [])) - 1) | [toLower(${v}.aliases[i]), ${v}.aliasesPlain[i]]] | CASE WHEN p[1] IS NULL OR p[0] = p[1] THEN plain ELSE coalesce(plain, []) + p[1] END)`;

/** Folds to store with their rule as an integer (a JavaScript number reaches Neo4j as a float). */
export const intFoldRule = <T extends { foldRule: number }>(
  folds: T,
): Omit<T, "foldRule"> & { foldRule: Integer } => ({
  ...folds,
  foldRule: neo4j.int(folds.foldRule),
});
