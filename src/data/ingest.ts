/**
 * Ingest: an idempotent upsert of one document in ONE write transaction. Entities MERGE on
 * their key, relations on (from, type, to); evidence is added once per (source, excerpt), so a
 * second source stating the same fact adds evidence instead of a duplicate relation, and
 * ingesting the same document again changes nothing. Any problem rolls everything back.
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

export interface IngestSummary {
  source: string;
  entities: number;
  relations: number;
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
}

const KINDS_OF_KEYS = `
MATCH (n:Entity) WHERE n.key IN $keys
RETURN n.key AS key, n.kind AS kind`;

/** Upserts entities of one kind; the label is a registry kind, values are parameters. */
function upsertEntitiesCypher(kind: Kind): string {
  return `
UNWIND $rows AS row
MERGE (n:Entity {key: row.key})
SET n:${kind}, n.kind = $kind, n.name = row.name, n.nameLower = toLower(row.name), n.aliases = row.aliases,
    n.description = row.description
SET n += row.properties`;
}

/** Upserts relations of one type; the type is a registry type, values are parameters. */
function upsertRelationsCypher(type: RelationType): string {
  return `
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})
MATCH (b:Entity {key: row.to})
MERGE (a)-[r:${type}]->(b)
SET r += row.properties,
    r.inferred = coalesce(r.inferred, true) AND row.inferred
WITH r, row,
     [i IN range(0, size(coalesce(r.evidenceSources, [])) - 1)
      WHERE r.evidenceSources[i] = $source AND r.evidenceExcerpts[i] = row.evidence] AS known
FOREACH (_ IN CASE WHEN size(known) = 0 THEN [1] ELSE [] END |
  SET r.evidenceSources = coalesce(r.evidenceSources, []) + $source,
      r.evidenceExcerpts = coalesce(r.evidenceExcerpts, []) + row.evidence)`;
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

/** Validates `input` against the graph and writes it, inside the caller's transaction. */
export async function ingestInTx(tx: Tx, input: unknown): Promise<IngestSummary> {
  const structural = validateDocument(input, new Map());
  const problems: InputProblem[] = [];
  if (!structural.ok) {
    // Unknown endpoints may exist in the graph: look them up before reporting them.
    const external = undefinedKeys(input);
    const rows = external.length ? await tx.run(KINDS_OF_KEYS, { keys: external }) : [];
    const kinds = new Map(rows.map((r) => [String(r.key), String(r.kind) as Kind]));
    const full = validateDocument(input, kinds);
    if (!full.ok)
      throw new BadInputError("The document is invalid; nothing was written.", full.problems);
    return write(tx, full.document, problems);
  }
  return write(tx, structural.document, problems);
}

async function write(tx: Tx, doc: Document, problems: InputProblem[]): Promise<IngestSummary> {
  const all: Array<{ key: string; kind: Kind; path: (string | number)[] }> = [
    { key: doc.source.key, kind: "Source", path: ["source", "key"] },
    ...doc.entities.map((e, i) => ({ key: e.key, kind: e.kind, path: ["entities", i, "key"] })),
  ];
  const existing = await tx.run(KINDS_OF_KEYS, { keys: all.map((e) => e.key) });
  const stored = new Map(existing.map((r) => [String(r.key), String(r.kind)]));
  for (const e of all) {
    const kind = stored.get(e.key);
    if (kind && kind !== e.kind) {
      problems.push({ path: e.path, message: `"${e.key}" is already a ${kind}, not a ${e.kind}` });
    }
  }
  if (problems.length > 0)
    throw new BadInputError("The document is invalid; nothing was written.", problems);

  const totals = { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 };
  const add = (c: Record<string, number>) => {
    totals.nodesCreated += c.nodesCreated ?? 0;
    totals.relationshipsCreated += c.relationshipsCreated ?? 0;
    totals.propertiesSet += c.propertiesSet ?? 0;
  };
  const byKind = new Map<Kind, ReturnType<typeof entityRow>[]>([
    ["Source", [entityRow(doc.source)]],
  ]);
  for (const e of doc.entities) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), entityRow(e)]);
  for (const kind of KIND_NAMES) {
    const rows = byKind.get(kind);
    if (rows) add((await tx.runWithCounters(upsertEntitiesCypher(kind), { rows, kind })).counters);
  }
  for (const type of RELATION_TYPE_NAMES) {
    const rows = doc.relations.filter((r) => r.type === type).map(relationRow);
    if (rows.length === 0) continue;
    add(
      (await tx.runWithCounters(upsertRelationsCypher(type), { rows, source: doc.source.key }))
        .counters,
    );
  }
  return {
    source: doc.source.key,
    entities: doc.entities.length + 1,
    relations: doc.relations.length,
    ...totals,
  };
}

/** Ingests one document in one write transaction: all of it, or nothing. */
export function ingestDocument(db: Db, stats: QueryStats, input: unknown): Promise<IngestSummary> {
  return writeTx(db, stats, (tx) => ingestInTx(tx, input));
}
