/**
 * The synthetic graph at each size, loaded through the project's own ingest path.
 *
 * generateDocuments({entities: N, seed, batchSize: 1000}) yields N/1000 documents, and for
 * N = 1k, 10k, 100k the smaller runs are exact prefixes of the larger one (same documents, byte
 * for byte: checked by hash). So the graph at 10k is the graph at 1k plus documents 2..10, and
 * moving between sizes means ingesting the next documents, or deleting the entities (with their
 * relations) of the documents past the prefix. No relation of a document touches a later
 * document's entities and no later document changes an earlier relation (the generator's
 * invariant), so a deleted-down graph is the prefix graph.
 *
 * The instance keeps a fingerprint (seed, batch, the hash of every document loaded, the counts)
 * in .neo4j/instances/bench/dataset.json, checked against the graph's own counts before reuse,
 * so a graph already at the right size is reused between runs instead of being loaded again.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import { ingestDocument } from "../src/data/ingest.js";
import type { Db } from "../src/db/driver.js";
import type { Document } from "../src/domain/document.js";
import { GENERATED_KEY_PREFIX, generateDocuments } from "../src/generate/documents.js";

export const BATCH = 1_000;

export interface DocInfo {
  source: string;
  entities: number;
  relations: number;
  hash: string;
}

export interface IngestRecord {
  /** Documents ingested (1-based, inclusive range). */
  fromDoc: number;
  toDoc: number;
  entities: number;
  relations: number;
  /** Time inside ingestDocument (validation + Cypher), ms. */
  ingestMs: number;
  /** Time in the generator, ms. */
  generateMs: number;
  at: string;
  /** True when later documents of this stretch were deleted since. */
  partial?: boolean;
}

export interface Fingerprint {
  seed: number;
  batch: number;
  docs: DocInfo[];
  /** How each stretch of the loaded documents got there (kept while it stays loaded). */
  ingests: IngestRecord[];
}

const hashOf = (doc: Document) =>
  createHash("sha256").update(JSON.stringify(doc)).digest("hex").slice(0, 16);

/** The documents of the largest size, generated once per run (about 4 s for 100k). */
export class Corpus {
  readonly docs: Document[];
  readonly info: DocInfo[];
  constructor(
    readonly seed: number,
    maxEntities: number,
  ) {
    this.docs = [...generateDocuments({ entities: maxEntities, seed, batchSize: BATCH })];
    this.info = this.docs.map((d) => ({
      source: d.source.key,
      entities: d.entities.length,
      relations: d.relations.length,
      hash: hashOf(d),
    }));
  }
  docsFor(entities: number): number {
    if (entities % BATCH !== 0) throw new Error(`sizes must be multiples of ${BATCH}`);
    return entities / BATCH;
  }
  /** Entities (sources included) and relations in the first `k` documents. */
  counts(k: number): { entities: number; relations: number } {
    let entities = 0;
    let relations = 0;
    for (const d of this.info.slice(0, k)) {
      entities += d.entities + 1;
      relations += d.relations;
    }
    return { entities, relations };
  }
}

const COUNTS = `
MATCH (n:Entity) WHERE n.key STARTS WITH $prefix
WITH count(n) AS entities
CALL () { MATCH (n:Entity) WHERE NOT n.key STARTS WITH $prefix RETURN count(n) AS others }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relations }
RETURN entities, others, relations`;

async function graphCounts(db: Db) {
  const res = await db.driver.executeQuery(
    COUNTS,
    { prefix: GENERATED_KEY_PREFIX },
    { database: db.database },
  );
  const r = res.records[0];
  return {
    entities: Number(r?.get("entities") ?? 0),
    others: Number(r?.get("others") ?? 0),
    relations: Number(r?.get("relations") ?? 0),
  };
}

/** How many documents the fingerprint in `home` says are loaded (0 when there is none). */
export function storedDocuments(home: string): number {
  try {
    const fp = JSON.parse(readFileSync(join(home, "dataset.json"), "utf8")) as Fingerprint;
    return Array.isArray(fp.docs) ? fp.docs.length : 0;
  } catch {
    return 0;
  }
}

export class Dataset {
  private fp: Fingerprint | null = null;
  private readonly file: string;
  constructor(
    private readonly db: Db,
    home: string,
    private readonly corpus: Corpus,
    private readonly log: (m: string) => void,
  ) {
    this.file = join(home, "dataset.json");
  }

  /** Documents loaded now, after checking the fingerprint against the graph. */
  async loaded(): Promise<number> {
    if (this.fp) return this.fp.docs.length;
    let fp: Fingerprint | null = null;
    if (existsSync(this.file)) {
      try {
        fp = JSON.parse(readFileSync(this.file, "utf8")) as Fingerprint;
      } catch {
        fp = null;
      }
    }
    const counts = await graphCounts(this.db);
    const ok =
      fp !== null &&
      fp.seed === this.corpus.seed &&
      fp.batch === BATCH &&
      fp.docs.length <= this.corpus.info.length &&
      fp.docs.every((d, i) => d.hash === this.corpus.info[i]?.hash) &&
      counts.others === 0 &&
      counts.entities === this.corpus.counts(fp.docs.length).entities &&
      counts.relations === this.corpus.counts(fp.docs.length).relations;
    if (ok && fp) {
      this.fp = fp;
      this.log(
        `Bench graph: reusing ${fp.docs.length} documents already loaded (fingerprint and counts match: ${counts.entities} entities, ${counts.relations} relations).`,
      );
      return fp.docs.length;
    }
    if (counts.entities + counts.others + counts.relations > 0) {
      this.log(
        `Bench graph: the stored graph (${counts.entities + counts.others} entities, ${counts.relations} relations) does not match the fingerprint; emptying it.`,
      );
      await this.wipe();
    }
    this.fp = { seed: this.corpus.seed, batch: BATCH, docs: [], ingests: [] };
    this.save();
    return 0;
  }

  fingerprint(): Fingerprint {
    if (!this.fp) throw new Error("call loaded() first");
    return this.fp;
  }

  private save() {
    writeFileSync(this.file, `${JSON.stringify(this.fp, null, 1)}\n`);
  }

  /** Deletes everything in the bench database, in bounded transactions. */
  async wipe(): Promise<void> {
    rmSync(this.file, { force: true });
    const session = this.db.driver.session({ database: this.db.database });
    try {
      await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS");
    } finally {
      await session.close();
    }
  }

  /** Brings the graph to the first `k` documents; returns what was ingested on the way. */
  async moveTo(k: number): Promise<IngestRecord | null> {
    const now = await this.loaded();
    const fp = this.fingerprint();
    if (k === now) return null;
    if (k < now) {
      const started = performance.now();
      const keys = this.corpus.docs
        .slice(k, now)
        .flatMap((d) => [d.source.key, ...d.entities.map((e) => e.key)]);
      // Mark the fingerprint stale first: a crash half way leaves a graph that will not be reused.
      fp.docs = fp.docs.slice(0, k);
      rmSync(this.file, { force: true });
      const session = this.db.driver.session({ database: this.db.database });
      try {
        await session.run(
          `UNWIND $keys AS key
           CALL (key) { MATCH (n:Entity {key: key}) DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS`,
          { keys },
        );
      } finally {
        await session.close();
      }
      fp.ingests = fp.ingests
        .filter((i) => i.fromDoc <= k)
        .map((i) => (i.toDoc > k ? { ...i, toDoc: k, partial: true } : i));
      this.save();
      this.log(
        `Bench graph: deleted documents ${k + 1}..${now} (${keys.length} entities with their relations) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
      );
      return null;
    }
    const record: IngestRecord = {
      fromDoc: now + 1,
      toDoc: k,
      entities: 0,
      relations: 0,
      ingestMs: 0,
      generateMs: 0,
      at: new Date().toISOString(),
    };
    const stats = { roundTrips: 0 };
    const started = performance.now();
    for (let i = now; i < k; i += 1) {
      const doc = this.corpus.docs[i] as Document;
      // Fresh copy: ingest never sees an object another step mutated.
      const copy = structuredClone(doc);
      const t = performance.now();
      await ingestDocument(this.db, stats, copy, "generate");
      record.ingestMs += performance.now() - t;
      record.entities += doc.entities.length + 1;
      record.relations += doc.relations.length;
      fp.docs.push(this.corpus.info[i] as DocInfo);
      if ((i + 1) % 10 === 0 || i + 1 === k)
        this.log(
          `  ingested document ${i + 1}/${k}: ${record.relations} relations in ${(record.ingestMs / 1000).toFixed(1)} s (${Math.round(record.relations / (record.ingestMs / 1000))} relations/s)`,
        );
    }
    record.generateMs = 0; // generated up front by Corpus (timed there)
    fp.ingests.push(record);
    this.save();
    this.log(
      `Bench graph: ingested documents ${record.fromDoc}..${k} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    return record;
  }
}

/** Scratch keys for the floor's bulk-load comparison; never part of a benchmarked graph. */
const FLOOR_PREFIX = "flr-";

/** Rows grouped by a key (a kind or a relation type), in first-seen order. */
export function groupRows<T>(
  items: Iterable<T>,
  by: (item: T) => string,
  row: (item: T) => Record<string, unknown>,
): Map<string, Record<string, unknown>[]> {
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const item of items) {
    const key = by(item);
    const rows = groups.get(key) ?? [];
    rows.push(row(item));
    groups.set(key, rows);
  }
  return groups;
}

/** A document's rows as the floor's bulk loader sends them: entities by kind, relations by type. */
export function floorRows(doc: Document, key: (k: string) => string = (k) => k) {
  const entities = [{ ...doc.source, kind: "Source" as const }, ...doc.entities];
  return {
    byKind: groupRows(
      entities,
      (e) => e.kind,
      (e) => ({
        key: key(e.key),
        name: e.name,
        aliases: e.aliases ?? [],
        description: e.description ?? null,
        properties: e.properties ?? {},
      }),
    ),
    byType: groupRows(
      doc.relations,
      (r) => r.type,
      (r) => ({
        from: key(r.from),
        to: key(r.to),
        properties: r.properties ?? {},
        inferred: r.inferred,
        evidence: r.evidence,
      }),
    ),
    source: key(doc.source.key),
  };
}

/** The floor's MERGE of one kind's entities (`$rows`, `$kind`); kinds come from the vocabulary. */
export const floorMergeEntities = (kind: string) =>
  `UNWIND $rows AS row
   MERGE (n:Entity {key: row.key})
   SET n:${kind}, n.kind = $kind, n.name = row.name, n.nameLower = toLower(row.name),
       n.aliases = row.aliases, n.description = row.description
   SET n += row.properties`;

/** The floor's MERGE of one type's relations (`$rows`, `$source`); types from the vocabulary. */
export const floorMergeRelations = (type: string) =>
  `UNWIND $rows AS row
   MATCH (a:Entity {key: row.from}), (b:Entity {key: row.to})
   MERGE (a)-[r:${type}]->(b)
   SET r += row.properties, r.inferred = row.inferred,
       r.evidenceSources = [$source], r.evidenceExcerpts = [row.evidence]`;

/**
 * What a bare bulk loader does with the same rows: per document, one UNWIND MERGE per kind for the
 * entities and one per relation type for the relations, no validation, no outcome tracking. Runs
 * on copies of the documents' rows under scratch keys, then deletes them.
 */
export async function floorIngest(
  db: Db,
  docs: readonly Document[],
): Promise<{ entities: number; relations: number; ms: number; relationMs: number }> {
  let entities = 0;
  let relations = 0;
  let relationMs = 0;
  const started = performance.now();
  for (const doc of docs) {
    const session = db.driver.session({ database: db.database });
    try {
      await session.executeWrite(async (tx) => {
        const { byKind, byType, source } = floorRows(doc, (k) => FLOOR_PREFIX + k);
        for (const [kind, rows] of byKind) {
          await tx.run(floorMergeEntities(kind), { rows, kind });
          entities += rows.length;
        }
        const t = performance.now();
        for (const [type, rows] of byType) {
          await tx.run(floorMergeRelations(type), { rows, source });
          relations += rows.length;
        }
        relationMs += performance.now() - t;
      });
    } finally {
      await session.close();
    }
  }
  const ms = performance.now() - started;
  await deleteFloorScratch(db);
  return { entities, relations, ms, relationMs };
}

export async function deleteFloorScratch(db: Db): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    await session.run(
      `MATCH (n:Entity) WHERE n.key STARTS WITH $prefix
       CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS`,
      { prefix: FLOOR_PREFIX },
    );
  } finally {
    await session.close();
  }
}

export const int = (n: number) => neo4j.int(n);
