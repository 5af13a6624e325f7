/** The seed: every document under seed/, ingested through the same path as any other. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from "yaml";
import { entityCountStatement } from "../cypher/seed.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, runRead } from "../db/run.js";
import { PROJECT_ROOT } from "../paths.js";
import { BULK_INGEST_TIMEOUT_MS, type IngestSummary, ingestDocument } from "./ingest.js";

export const SEED_DIR = join(PROJECT_ROOT, "seed");

/** What YAML may make of a document: aliases resolved at most this many times (an alias bomb). */
const MAX_ALIASES = 100;

/**
 * Reads a YAML document. Merge keys (`<<: *base`, YAML 1.1, which people write to share fields
 * between entities) are merged as they expect: read as a plain key, they left `kind` unset and
 * the refusal named `kind` rather than the merge. A merge of something other than a map (or an
 * alias of one, or a list of those) is refused naming its line; aliases stay bounded.
 */
export function parseYaml(text: string): unknown {
  const lines = new LineCounter();
  const doc = parseDocument(text, { merge: true, lineCounter: lines });
  if (doc.errors[0]) throw doc.errors[0];
  visit(doc, {
    Pair(_, pair) {
      // With `merge`, yaml reads the key `<<` as a symbol (a quoted "<<" stays a string).
      if (!isScalar(pair.key)) return;
      const { value: key, range } = pair.key;
      if (typeof key !== "symbol" || key.description !== "<<") return;
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        if (isMap(isAlias(source) ? source.resolve(doc) : source)) continue;
        const at = lines.linePos(range?.[0] ?? 0).line;
        throw new Error(
          `line ${at}: a merge key (<<) takes a map, an alias of one (*name) or a list of those`,
        );
      }
    },
  });
  return doc.toJS({ maxAliasCount: MAX_ALIASES });
}

/**
 * Reads a document file (YAML or JSON, by extension). An empty file, or one that is not UTF-8
 * text, is refused saying so: read as YAML they were "expected object, received null" (or
 * "received string", the bytes of a binary file taken for one long scalar).
 */
export function readDocumentFile(path: string): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(path));
  } catch (error) {
    if (error instanceof TypeError)
      throw new Error("not UTF-8 text: save the document as UTF-8 YAML or JSON");
    throw error;
  }
  if (text.includes("\u0000"))
    throw new Error("holds NUL bytes, so it is not text: give a YAML or JSON document");
  if (text.trim() === "")
    throw new Error("the file is empty: a document has a source, entities and relations");
  return path.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
}

/** The seed documents' paths, in name order. */
export function seedFiles(dir = SEED_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Whether the graph holds no entities yet. */
export async function isEmpty(db: Db, stats: QueryStats): Promise<boolean> {
  const { cypher, params } = entityCountStatement();
  const [row] = await runRead(db, stats, cypher, params);
  return Number(row?.n ?? 0) === 0;
}

/** Ingests each file, each in its own transaction. */
export async function ingestFiles(
  db: Db,
  stats: QueryStats,
  files: readonly string[],
  by = "seed",
): Promise<IngestSummary[]> {
  const out: IngestSummary[] = [];
  for (const file of files) {
    out.push(
      await ingestDocument(
        db,
        stats,
        readDocumentFile(file),
        by,
        undefined,
        BULK_INGEST_TIMEOUT_MS,
      ),
    );
  }
  return out;
}
