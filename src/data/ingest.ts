/**
 * Ingest: an idempotent upsert of one document in ONE write transaction. Entities MERGE on
 * their key, relations on (from, type, to); evidence is added once per (source, excerpt), so a
 * second source stating the same fact adds evidence instead of a duplicate relation, and
 * ingesting the same document again changes nothing (not even the audit stamps). Rows are
 * written in bounded batches; any problem rolls everything back.
 */
import type { Db } from "../db/driver.js";
import { type QueryStats, type Tx, writeTx } from "../db/run.js";
import type { Document, DocumentEntity, DocumentRelation } from "../domain/document.js";
import { BadInputError, type InputProblem } from "../domain/errors.js";
import { undefinedKeys, validateDocument } from "../domain/validate.js";
import {
  KIND_NAMES,
  type Kind,
  RELATION_TYPE_NAMES,
  type RelationType,
} from "../domain/vocabulary.js";

/** Rows per query: large documents are written in slices of this size, in the same transaction. */
export const INGEST_BATCH = 2_000;

export interface Outcomes {
  created: number;
  updated: number;
  unchanged: number;
}

export interface IngestSummary {
  source: string;
  /** Entities in the document, the source included. */
  entities: number;
  relations: number;
  entityOutcomes: Outcomes;
  relationOutcomes: Outcomes;
  /** Keys of entities created or changed, and ids (from|TYPE|to) of relations created or changed. */
  changed: { entities: string[]; relations: string[] };
}

const KINDS_OF_KEYS = `
MATCH (n:Entity) WHERE n.key IN $keys
RETURN n.key AS key, n.kind AS kind`;

/**
 * Upserts entities of one kind; the label is a registry kind, values are parameters. Stamps
 * updatedAt / updatedBy only when something changed, so a replay leaves the node as it was.
 */
export function upsertEntitiesCypher(kind: Kind): string {
  return `
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {key: row.key})
WITH row, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (n:Entity {key: row.key})
SET n:${kind}, n.kind = $kind, n.name = row.name, n.nameLower = toLower(row.name),
    n.aliases = row.aliases, n.description = row.description
SET n += row.properties
WITH n, CASE WHEN before IS NULL THEN 'created' WHEN before <> properties(n) THEN 'updated'
             ELSE 'unchanged' END AS outcome
FOREACH (_ IN CASE WHEN outcome <> 'unchanged' THEN [1] ELSE [] END |
  SET n.updatedAt = datetime(), n.updatedBy = $by)
RETURN outcome, collect(n.key) AS keys`;
}

/** Upserts relations of one type; the type is a registry type, values are parameters. */
export function upsertRelationsCypher(type: RelationType): string {
  return `
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})
MATCH (b:Entity {key: row.to})
OPTIONAL MATCH (a)-[old:${type}]->(b)
WITH a, b, row, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (a)-[r:${type}]->(b)
SET r += row.properties
WITH a, b, r, row, before,
     [i IN range(0, size(coalesce(r.evidenceSources, [])) - 1)
      WHERE r.evidenceSources[i] = $source AND r.evidenceExcerpts[i] = row.evidence] AS known,
     // One inferred flag per piece of evidence; relations written before the flags existed
     // take the relation's own flag for each of theirs.
     coalesce(r.evidenceInferred, [x IN coalesce(r.evidenceSources, []) | coalesce(r.inferred, false)]) AS flags
FOREACH (_ IN CASE WHEN size(known) = 0 THEN [1] ELSE [] END |
  SET r.evidenceSources = coalesce(r.evidenceSources, []) + $source,
      r.evidenceExcerpts = coalesce(r.evidenceExcerpts, []) + row.evidence)
SET r.evidenceInferred = CASE WHEN size(known) = 0 THEN flags + row.inferred ELSE flags END
// Inferred while no source states it outright.
SET r.inferred = all(x IN r.evidenceInferred WHERE x)
WITH a, b, r, CASE WHEN before IS NULL THEN 'created' WHEN before <> properties(r) THEN 'updated'
                   ELSE 'unchanged' END AS outcome
FOREACH (_ IN CASE WHEN outcome <> 'unchanged' THEN [1] ELSE [] END |
  SET r.updatedAt = datetime(), r.updatedBy = $by)
RETURN outcome, collect(a.key + '|${type}|' + b.key) AS keys`;
}

function entityRow(
  e: Pick<DocumentEntity, "key" | "name" | "aliases" | "description" | "properties">,
) {
  return {
    key: e.key,
    name: e.name,
    aliases: e.aliases ?? [],
    description: e.description ?? null,
    properties: e.properties ?? {},
  };
}

function relationRow(r: DocumentRelation) {
  return {
    from: r.from,
    to: r.to,
    properties: r.properties ?? {},
    inferred: r.inferred,
    evidence: r.evidence,
  };
}

/** Called after each batch of rows is written: rows done so far, rows in all. */
export type Progress = (done: number, total: number) => void;

/** Validates `input` against the graph and writes it, inside the caller's transaction. */
export async function ingestInTx(
  tx: Tx,
  input: unknown,
  by: string,
  onProgress?: Progress,
): Promise<IngestSummary> {
  // Look up the entities the document refers to without defining them, then validate once.
  const external = undefinedKeys(input);
  const rows = external.length ? await tx.run(KINDS_OF_KEYS, { keys: external }) : [];
  const kinds = new Map(rows.map((r) => [String(r.key), String(r.kind) as Kind]));
  const result = validateDocument(input, kinds);
  if (!result.ok)
    throw new BadInputError("The document is invalid; nothing was written.", result.problems);
  return write(tx, result.document, by, onProgress);
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += INGEST_BATCH) out.push(rows.slice(i, i + INGEST_BATCH));
  return out;
}

async function write(
  tx: Tx,
  doc: Document,
  by: string,
  onProgress?: Progress,
): Promise<IngestSummary> {
  const total = doc.entities.length + 1 + doc.relations.length;
  let done = 0;
  const advance = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };
  const all: Array<{ key: string; kind: Kind; path: (string | number)[] }> = [
    { key: doc.source.key, kind: "Source", path: ["source", "key"] },
    ...doc.entities.map((e, i) => ({ key: e.key, kind: e.kind, path: ["entities", i, "key"] })),
  ];
  const problems: InputProblem[] = [];
  for (const slice of chunks(all)) {
    const existing = await tx.run(KINDS_OF_KEYS, { keys: slice.map((e) => e.key) });
    const stored = new Map(existing.map((r) => [String(r.key), String(r.kind)]));
    for (const e of slice) {
      const kind = stored.get(e.key);
      if (kind && kind !== e.kind) {
        problems.push({
          path: e.path,
          message: `"${e.key}" is already a ${kind}, not a ${e.kind}`,
        });
      }
    }
  }
  if (problems.length > 0)
    throw new BadInputError("The document is invalid; nothing was written.", problems);

  const entityOutcomes: Outcomes = { created: 0, updated: 0, unchanged: 0 };
  const relationOutcomes: Outcomes = { created: 0, updated: 0, unchanged: 0 };
  const changed = { entities: [] as string[], relations: [] as string[] };
  const tally = (rows: Awaited<ReturnType<Tx["run"]>>, outcomes: Outcomes, keys: string[]) => {
    for (const r of rows) {
      const outcome = String(r.outcome) as keyof Outcomes;
      const list = Array.isArray(r.keys) ? r.keys.map(String) : [];
      outcomes[outcome] += list.length;
      if (outcome !== "unchanged") keys.push(...list);
    }
  };

  const byKind = new Map<Kind, ReturnType<typeof entityRow>[]>([
    ["Source", [entityRow(doc.source)]],
  ]);
  for (const e of doc.entities) {
    const rows = byKind.get(e.kind) ?? [];
    rows.push(entityRow(e));
    byKind.set(e.kind, rows);
  }
  for (const kind of KIND_NAMES) {
    for (const rows of chunks(byKind.get(kind) ?? [])) {
      tally(
        await tx.run(upsertEntitiesCypher(kind), { rows, kind, by }),
        entityOutcomes,
        changed.entities,
      );
      advance(rows.length);
    }
  }
  for (const type of RELATION_TYPE_NAMES) {
    const all = doc.relations.filter((r) => r.type === type).map(relationRow);
    for (const rows of chunks(all)) {
      const result = await tx.run(upsertRelationsCypher(type), {
        rows,
        source: doc.source.key,
        by,
      });
      tally(result, relationOutcomes, changed.relations);
      advance(rows.length);
    }
  }
  return {
    source: doc.source.key,
    entities: doc.entities.length + 1,
    relations: doc.relations.length,
    entityOutcomes,
    relationOutcomes,
    changed,
  };
}

/** Ingests one document in one write transaction: all of it, or nothing. `by` names the writer. */
export function ingestDocument(
  db: Db,
  stats: QueryStats,
  input: unknown,
  by = "ingest",
  onProgress?: Progress,
  timeoutMs?: number,
): Promise<IngestSummary> {
  return writeTx(db, stats, (tx) => ingestInTx(tx, input, by, onProgress), timeoutMs);
}

/**
 * Transaction timeout for bulk ingest outside a request (seed, CLIs, generator): a cold server
 * can take longer than a request's budget to plan and write a large document. Neo4j's own
 * db.transaction.timeout still applies.
 */
export const BULK_INGEST_TIMEOUT_MS = 300_000;
