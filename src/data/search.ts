/** Full-text search over names, aliases and descriptions (the `entity_search` index). */
import neo4j from "neo4j-driver";
import type { Db } from "../db/driver.js";
import { type QueryStats, readTx } from "../db/run.js";
import type { Kind } from "../domain/vocabulary.js";
import { type EntityRecord, type Page, toEntity } from "./entities.js";

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns what a person typed into a Lucene query: each word must match, as a whole word
 * (boosted), as a prefix ("stolten" finds Stoltenberg) or, for longer words, with one typo.
 * User text never reaches Lucene syntax unescaped. Returns null when nothing searchable remains.
 */
export function toLuceneQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(LUCENE_SPECIAL, ""))
    .filter((w) => w.length > 0)
    .slice(0, 10);
  if (words.length === 0) return null;
  const all = words
    .map((w) => {
      const forms = [`${w}^3`, `${w}*`];
      if (w.length >= 4) forms.push(`${w}~1`);
      return `(${forms.join(" OR ")})`;
    })
    .join(" AND ");
  // A match in the name outranks one in the aliases, which outranks one in the description.
  return `name:(${all})^4 OR aliases:(${all})^2 OR description:(${all})`;
}

export interface SearchHit {
  entity: EntityRecord;
  score: number;
}

// Lucene scores prefix matches flat, so a long headline that mentions a name can outrank the
// person; what was typed being (the start of) a name or alias is the stronger signal.
const SEARCH = `
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
WITH node, score + CASE
  WHEN toLower(node.name) = $typed OR any(a IN node.aliases WHERE toLower(a) = $typed) THEN 6
  WHEN toLower(node.name) STARTS WITH $typed
    OR any(a IN node.aliases WHERE toLower(a) STARTS WITH $typed) THEN 3
  ELSE 0 END AS score
RETURN node {.*} AS n, score
ORDER BY score DESC, node.name, node.key
SKIP $offset LIMIT $limit`;

const SEARCH_COUNT = `
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node
WHERE $kinds IS NULL OR node.kind IN $kinds
RETURN count(node) AS total`;

/** One page of ranked hits, best first. */
export async function searchEntities(
  db: Db,
  stats: QueryStats,
  text: string,
  kinds: readonly Kind[] | null,
  offset: number,
  limit: number,
  withTotal: boolean,
): Promise<Page<SearchHit>> {
  const query = toLuceneQuery(text);
  if (!query) return { items: [], totalCount: withTotal ? 0 : null };
  const params = { query, kinds: kinds && kinds.length > 0 ? [...kinds] : null };
  return readTx(db, stats, async (tx) => {
    const rows = await tx.run(SEARCH, {
      ...params,
      typed: text.trim().toLowerCase(),
      offset: neo4j.int(offset),
      limit: neo4j.int(limit),
    });
    const total = withTotal ? Number((await tx.run(SEARCH_COUNT, params))[0]?.total ?? 0) : null;
    return {
      items: rows.map((r) => ({ entity: toEntity(r.n ?? null), score: Number(r.score) })),
      totalCount: total,
    };
  });
}
