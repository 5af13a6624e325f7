/**
 * Full-text search: runs src/cypher/search.ts's statement and decodes the hits, each with a
 * snippet of where the words matched.
 */
import type { SearchPlan } from "../cypher/plan.js";
import { isShortWord, queryWords, searchStatement } from "../cypher/search.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, type Row, runRead } from "../db/run.js";
import { foldTyped, plainSpelling, stripMarks } from "../domain/fold.js";
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

/** A text's plain spelling (domain/fold.ts, as a part of a name is spelled), and for each of its characters where it came from. */
function plainView(text: string): { plain: string; from: number[]; to: number[] } {
  let plain = "";
  const from: number[] = [];
  const to: number[] = [];
  // A base letter and the marks after it are spelled plain together ("e" + U+0301 is "e"); a
  // space is a space (a part of a name, not a name: plainSpelling would trim it away).
  for (const m of text.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
    const spelled = stripMarks(foldTyped(m[0], "part"));
    plain += spelled;
    for (let i = 0; i < spelled.length; i++) {
      from.push(m.index);
      to.push(m.index + m[0].length);
    }
  }
  return { plain, from, to };
}

/**
 * Where `pattern` matches in `field` as written, and `plainPattern` in its plain spelling (mapped
 * back to the characters it came from), as [start, end) of the field in order, none overlapping.
 */
function matchesIn(field: string, pattern: RegExp, plainPattern: RegExp): [number, number][] {
  const typed = [...field.matchAll(pattern)].map((m): [number, number] => [
    m.index,
    m.index + m[0].length,
  ]);
  const view = plainView(field);
  const plain = [...view.plain.matchAll(plainPattern)]
    .filter((m) => m[0].length > 0)
    .map((m): [number, number] => [
      view.from[m.index] as number,
      view.to[m.index + m[0].length - 1] as number,
    ]);
  const out: [number, number][] = [];
  for (const range of [...typed, ...plain].sort((a, b) => a[0] - b[0] || b[1] - a[1])) {
    const last = out.at(-1);
    if (!last || range[0] >= last[1]) out.push(range);
  }
  return out;
}

/** A regular expression of the words as the search matches them: prefixes, short words whole. */
function wordsPattern(words: readonly string[]): RegExp {
  const forms = words.map((w) =>
    isShortWord(w) ? `${escapeRegExp(w)}(?![\\p{L}\\p{N}])` : `${escapeRegExp(w)}[\\p{L}\\p{N}]*`,
  );
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join("|")})`, "giu");
}

/**
 * A short excerpt of the name, an alias or the description where the words (as prefixes)
 * occur, with each match marked: the first field that matches, about `width` characters. A word
 * matches as written or, as the search finds it, spelled plain on both sides: "Adazi" marks
 * "Ādaži", "Kariņš" marks "Karins", "GROSSE" marks "Große".
 */
export function snippetFor(entity: EntityRecord, text: string, width = 160): string | null {
  const words = queryWords(text);
  if (words.length === 0) return null;
  const pattern = wordsPattern(words);
  const plainWords = words.map(plainSpelling).filter((w) => w.length > 0);
  const plainPattern = plainWords.length > 0 ? wordsPattern(plainWords) : /(?!)/gu;
  for (const field of [entity.name, ...entity.aliases, entity.description ?? ""]) {
    const matches = matchesIn(field, pattern, plainPattern);
    const first = matches[0];
    if (!first) continue;
    const start = Math.max(0, first[0] - Math.floor(width / 3));
    const end = Math.min(field.length, start + width);
    let out = "";
    let at = start;
    for (const [s, e] of matches) {
      if (s < at || s >= end) continue;
      const stop = Math.min(e, end);
      out += `${escapeHtml(field.slice(at, s))}<mark>${escapeHtml(field.slice(s, stop))}</mark>`;
      at = stop;
    }
    out += escapeHtml(field.slice(at, end));
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
