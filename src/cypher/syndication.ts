/**
 * The Cypher of syndication (domain/syndication.ts): the publication dates of sources, and a
 * relation's count of independent sources computed where its sentences are stored, for reads that
 * do not return them (a neighbourhood drawn without sentences).
 */
import { SENTENCE_UNIFY } from "../domain/syndication.js";
import type { Statement } from "./params.js";

const SOURCE_DATES = `
UNWIND $keys AS key
MATCH (s:Entity {key: key}) WHERE s:Source
RETURN key, toString(s.publishedAt) AS publishedAt`;

/** Rows (key, publishedAt) for the keys of sources that exist; publishedAt null when unset. */
export function sourceDatesStatement(keys: readonly string[]): Statement {
  return { cypher: SOURCE_DATES, params: { keys: [...new Set(keys)] } };
}

/** The parameter the expression below reads its unified characters from. */
export const SENTENCE_UNIFY_PARAM = "sentenceUnify";

/** The parameters `independentSourcesExpression` needs, to spread into a statement's. */
export const syndicationParams = (): Record<string, unknown> => ({
  [SENTENCE_UNIFY_PARAM]: SENTENCE_UNIFY.map(([from, to]) => [from, to]),
});

/**
 * A relation's independent sources (domain/syndication.ts's independentSourceCount), as a
 * subquery over the relationship `r` that binds `as`: its claims that count (not DEPRECATED),
 * each with its source's publishedAt (read in the same statement) and its sentence as
 * sentenceKey makes it (NFKC, case folded, characters unified from the parameter, runs of spaces
 * one, a trailing full stop dropped); a source whose every claim has the same sentence as an
 * earlier-published other source's (same date: smaller key) is left out. The sentences never
 * leave the database. One row per row it is called on. Needs `syndicationParams()`.
 */
export const independentSourcesCall = (r: string, as: string) => `CALL (${r}) {
  UNWIND [i IN range(0, size(coalesce(${r}.evidenceSources, [])) - 1)
          WHERE coalesce(${r}.evidenceRanks[i], "NORMAL") <> "DEPRECATED"] AS i
  OPTIONAL MATCH (src:Entity {key: ${r}.evidenceSources[i]}) WHERE src:Source
  WITH ${r}.evidenceSources[i] AS source, coalesce(toString(src.publishedAt), "") AS at,
       reduce(t = toLower(toUpper(normalize(coalesce(${r}.evidenceExcerpts[i], ""), NFKC))),
              u IN $${SENTENCE_UNIFY_PARAM} | replace(t, u[0], u[1])) AS unified
  WITH source, at, reduce(acc = "", w IN split(unified, " ") |
         CASE WHEN w = "" THEN acc WHEN acc = "" THEN w ELSE acc + " " + w END) AS collapsed
  WITH source, at, CASE WHEN collapsed ENDS WITH "." THEN left(collapsed, size(collapsed) - 1)
                        ELSE collapsed END AS stopless
  WITH collect({source: source, at: at, sentence: CASE WHEN stopless ENDS WITH " "
                THEN left(stopless, size(stopless) - 1) ELSE stopless END}) AS rows
  UNWIND rows AS row
  WITH row, rows
  WHERE NOT any(o IN rows WHERE o.sentence = row.sentence AND o.source <> row.source
                AND (o.at < row.at OR (o.at = row.at AND o.source < row.source)))
  RETURN count(DISTINCT row.source) AS ${as}
}`;
