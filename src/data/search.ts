/** Full-text search over names, aliases and descriptions (the `entity_search` index). */
import neo4j from "neo4j-driver";
import { project } from "../cypher/projection.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, type Row, runRead } from "../db/run.js";
import type { Kind } from "../domain/vocabulary.js";
import { type EntityRecord, type Page, type PageRequest, toEntity } from "./records.js";

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns what a person typed into a Lucene query: each word must match, as a whole word
 * (boosted), as a prefix ("stolten" finds Stoltenberg) or, for longer words, with one typo.
 * User text never reaches Lucene syntax unescaped. Returns null when nothing searchable remains.
 */
export function toLuceneQuery(text: string): string | null {
  const words = queryWords(text);
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
  /** Where the words matched, HTML-escaped, matches wrapped in <mark>; null when only fuzzily. */
  snippet: string | null;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The words of a query as the index sees them (lowercase, Lucene syntax removed). */
function queryWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(LUCENE_SPECIAL, ""))
    .filter((w) => w.length > 0)
    .slice(0, 10);
}

/**
 * A short excerpt of the name, an alias or the description where the words (as prefixes)
 * occur, with each match marked: the first field that matches, about `width` characters.
 */
export function snippetFor(entity: EntityRecord, text: string, width = 160): string | null {
  const words = queryWords(text);
  if (words.length === 0) return null;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join("|")})[\\p{L}\\p{N}]*`,
    "giu",
  );
  for (const field of [entity.name, ...entity.aliases, entity.description ?? ""]) {
    pattern.lastIndex = 0;
    const first = pattern.exec(field);
    if (!first) continue;
    const start = Math.max(0, first.index - Math.floor(width / 3));
    const end = Math.min(field.length, start + width);
    const window = field.slice(start, end);
    let out = "";
    let at = 0;
    pattern.lastIndex = 0; // matchAll starts where the exec above stopped otherwise
    for (const m of window.matchAll(pattern)) {
      out += `${escapeHtml(window.slice(at, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
      at = m.index + m[0].length;
    }
    out += escapeHtml(window.slice(at));
    return `${start > 0 ? "…" : ""}${out}${end < field.length ? "…" : ""}`;
  }
  return null;
}

// Lucene scores prefix matches flat, so a long headline that mentions a name can outrank the
// person; what was typed being (the start of) a name or alias is the stronger signal.
const HITS = `
  CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
  WHERE $kinds IS NULL OR node.kind IN $kinds`;

/** The page and, when asked for, the number of hits, in one query. */
const searchCypher = (withTotal: boolean, projection: string) => `
CALL () {${HITS}
  WITH node, score + CASE
    WHEN toLower(node.name) = $typed OR any(a IN node.aliases WHERE toLower(a) = $typed) THEN 6
    WHEN toLower(node.name) STARTS WITH $typed
      OR any(a IN node.aliases WHERE toLower(a) STARTS WITH $typed) THEN 3
    ELSE 0 END AS score
  ORDER BY score DESC, node.name, node.key
  SKIP $offset LIMIT $limit
  RETURN collect({n: ${projection}, score: score}) AS items
}${
  withTotal
    ? `
CALL () {${HITS}
  RETURN count(node) AS total
}`
    : ""
}
RETURN items${withTotal ? ", total" : ""}`;

/** What to search for, which kinds, which page, and which properties to read (null: all). */
export interface SearchRequest extends PageRequest {
  text: string;
  kinds: readonly Kind[] | null;
  properties?: readonly string[] | null;
}

/** One page of ranked hits, best first. */
export async function searchEntities(
  db: Db,
  stats: QueryStats,
  request: SearchRequest,
): Promise<Page<SearchHit>> {
  const { text, kinds, offset, limit, withTotal, properties = null } = request;
  const query = toLuceneQuery(text);
  if (!query) return { items: [], totalCount: withTotal ? 0 : null };
  const params = { query, kinds: kinds && kinds.length > 0 ? [...kinds] : null };
  const rows = await runRead(
    db,
    stats,
    searchCypher(
      withTotal,
      // The snippet is cut from the name, aliases and description.
      project("node", properties && [...properties, "aliases", "description"]),
    ),
    {
      ...params,
      typed: text.trim().toLowerCase(),
      offset: neo4j.int(offset),
      limit: neo4j.int(limit),
    },
  );
  const row = rows[0] ?? {};
  return {
    items: ((row.items ?? []) as Row[]).map((hit) => {
      const entity = toEntity(hit.n ?? null);
      return { entity, score: Number(hit.score), snippet: snippetFor(entity, text) };
    }),
    totalCount: withTotal ? Number(row.total ?? 0) : null,
  };
}
