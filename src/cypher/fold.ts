import neo4j, { type Integer } from "neo4j-driver";

/**
 * The plain names of a stored entity from the folds TypeScript computed for it (domain/fold.ts):
 * Cypher only compares and picks what was stored, it folds nothing itself.
 */

/**
 * domain/fold.ts's plainNames of the entity bound to `v`, from its stored nameLower and
 * namePlain and, alias by alias, aliasesLower and aliasesPlain: the plain spellings that differ
 * from the folded ones, or null when none does. A write that changes a name or aliases (and so
 * their stored folds) sets `plainNames` to it, so search finds "Ādaži" typed "Adazi".
 */
export const plainNamesOf = (v: string) =>
  `reduce(plain = null, p IN [[${v}.nameLower, ${v}.namePlain]] + [i IN range(0, size(coalesce(${v}.aliases, [])) - 1) | [${v}.aliasesLower[i], ${v}.aliasesPlain[i]]] | CASE WHEN p[1] IS NULL OR p[0] = p[1] THEN plain ELSE coalesce(plain, []) + p[1] END)`;

/** Folds to store with their rule as an integer (a JavaScript number reaches Neo4j as a float). */
export const intFoldRule = <T extends { foldRule: number }>(
  folds: T,
): Omit<T, "foldRule"> & { foldRule: Integer } => ({
  ...folds,
  foldRule: neo4j.int(folds.foldRule),
});
