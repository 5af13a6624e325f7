/**
 * Full-text search: runs src/cypher/search.ts's statement and decodes the hits, each with a
 * snippet of where the words matched.
 */
import type { SearchPlan } from "../cypher/plan.js";
import { isShortWord, queryWords, searchStatement } from "../cypher/search.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, type Row, runRead } from "../db/run.js";
import { type EntityRecord, type Page, toEntity } from "./records.js";

export interface SearchHit {
  entity: EntityRecord;
  score: number;
  /** Where the words matched, HTML-escaped, matches wrapped in <mark>; null when only fuzzily. */
  snippet: string | null;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A short excerpt of the name, an alias or the description where the words (as prefixes)
 * occur, with each match marked: the first field that matches, about `width` characters.
 */
export function snippetFor(entity: EntityRecord, text: string, width = 160): string | null {
  const words = queryWords(text);
  if (words.length === 0) return null;
  // As the search matches: a word as a prefix, a one-character word as a whole word only.
  const forms = words.map((w) =>
    isShortWord(w) ? `${escapeRegExp(w)}(?![\\p{L}\\p{N}])` : `${escapeRegExp(w)}[\\p{L}\\p{N}]*`,
  );
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join("|")})`, "giu");
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

/** One page of ranked hits, best first. */
export async function searchEntities(
  db: Db,
  stats: QueryStats,
  request: SearchPlan,
): Promise<Page<SearchHit>> {
  const statement = searchStatement(request);
  if (!statement) return { items: [], totalCount: request.withTotal ? 0 : null };
  const rows = await runRead(db, stats, statement.cypher, statement.params);
  const row = rows[0] ?? {};
  return {
    items: ((row.items ?? []) as Row[]).map((hit) => {
      const entity = toEntity(hit.n ?? null);
      return { entity, score: Number(hit.score), snippet: snippetFor(entity, request.text) };
    }),
    totalCount: request.withTotal ? Number(row.total ?? 0) : null,
  };
}
