/** The seed: every document under seed/, ingested through the same path as any other. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { entityCountStatement } from "../cypher/seed.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, runRead } from "../db/run.js";
import { PROJECT_ROOT } from "../paths.js";
import { BULK_INGEST_TIMEOUT_MS, type IngestSummary, ingestDocument } from "./ingest.js";

export const SEED_DIR = join(PROJECT_ROOT, "seed");

/** Reads a document file (YAML or JSON, by extension). */
export function readDocumentFile(path: string): unknown {
  const text = readFileSync(path, "utf8");
  return path.endsWith(".json") ? JSON.parse(text) : parse(text);
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
