/**
 * `--bulk`: loads documents into an EMPTY local instance with Neo4j's offline importer (see
 * bulk.ts), then starts it and applies the migrations, so the API works on it at once. Refuses,
 * and writes nothing, when NEO4J_URI points elsewhere, when the instance is running, or when
 * its database holds anything.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Session } from "neo4j-driver";
import type { Config } from "../config.js";
import {
  emptyAliasesStatement,
  emptyFootprintsStatement,
  graphContentsStatement,
  nodePatchesStatement,
  relationPatchesStatement,
} from "../cypher/bulk.js";
import type { Statement } from "../cypher/params.js";
import { type Database, localNeo4jOptions } from "../db/database.js";
import { createDb } from "../db/driver.js";
import { importIntoLocalNeo4j, localInstance, startLocalNeo4j } from "../db/local-neo4j.js";
import { migrate } from "../db/migrate.js";
import { AppError } from "../domain/errors.js";
import { RELATION_TYPE_NAMES } from "../domain/vocabulary.js";
import { type BulkDocumentSummary, BulkGraph, type CsvFiles } from "./bulk.js";

/** A bulk load that cannot run here; nothing was written. */
export class BulkLoadError extends AppError {
  constructor(message: string) {
    super("CONFLICT", message);
  }
}

export interface BulkLoadOptions {
  config: Config;
  /** The local instance (dev unless told otherwise). */
  instance?: string;
  /** Written as updatedBy, as ingest's `by`. */
  by: string;
  log: (message: string) => void;
  /** Called after each document is validated and merged. */
  onDocument?: (summary: BulkDocumentSummary, index: number) => void;
  /** The importer's JVM heap and its off-heap budget. */
  importerHeap?: string;
  importerOffHeap?: string;
  /** Keep the instance running and return it (tests); by default it is stopped again. */
  keepOpen?: boolean;
}

export interface BulkLoadReport {
  documents: number;
  nodes: number;
  relationships: number;
  /** Milliseconds per step, and in all. */
  ms: { prepare: number; csv: number; import: number; start: number; total: number };
  /** The instance, started and migrated, when keepOpen was set. */
  database?: Database;
}

/** Runs a statement in a session or a transaction of this load's own. */
const run = <T>(
  on: { run(cypher: string, params: Record<string, unknown>): T },
  { cypher, params }: Statement,
): T => on.run(cypher, params);

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** Values with line breaks, left out of the CSV, set here: values as parameters, in slices. */
async function applyPatches(session: Session, files: CsvFiles): Promise<void> {
  const slices = <T extends { props: Record<string, unknown> }>(rows: readonly T[]): T[][] => {
    const out: T[][] = [];
    let slice: T[] = [];
    let size = 0;
    for (const row of rows) {
      const n = JSON.stringify(row.props).length;
      if (slice.length > 0 && (size + n > 8_000_000 || slice.length >= 1_000)) {
        out.push(slice);
        slice = [];
        size = 0;
      }
      slice.push(row);
      size += n;
    }
    if (slice.length > 0) out.push(slice);
    return out;
  };
  for (const rows of slices(files.nodePatches))
    await session.executeWrite((tx) => run(tx, nodePatchesStatement(rows)));
  for (const type of RELATION_TYPE_NAMES) {
    const patches = files.relationPatches.filter((p) => p.type === type);
    for (const rows of slices(patches))
      await session.executeWrite((tx) =>
        run(
          tx,
          relationPatchesStatement(
            type,
            rows.map(({ from, to, props }) => ({ from, to, props })),
          ),
        ),
      );
  }
}

/** What a database holds, as graphContentsStatement counts it. */
export interface GraphContents {
  sources: number;
  entities: number;
  others: number;
}

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What a database holds, in words ("12 entities and 1 source"); null when it holds nothing a
 * load would overwrite (the project's lock nodes aside).
 */
export function describeContents(c: GraphContents): string | null {
  const parts = [
    c.entities > 0 ? counted(c.entities, "entity", "entities") : null,
    c.sources > 0 ? counted(c.sources, "source", "sources") : null,
    c.others > 0
      ? `${counted(c.others, "other node", "other nodes")} (not written by this project)`
      : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return parts.length === 1
    ? (parts[0] as string)
    : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** What the instance's default database holds, started for the look and stopped again. */
async function graphContents(
  options: ReturnType<typeof localNeo4jOptions>,
): Promise<GraphContents> {
  const local = await startLocalNeo4j(options);
  const db = createDb(local);
  try {
    const { cypher, params } = graphContentsStatement();
    const result = await db.driver.executeQuery(cypher, params, { database: local.database });
    const row = result.records[0];
    const n = (k: string) => Number(row?.get(k) ?? 0);
    return { sources: n("sources"), entities: n("entities"), others: n("others") };
  } finally {
    await db.driver.close();
    await local.stop();
  }
}

/** Validates, merges and bulk-loads `documents` (in order) into the empty local instance. */
export async function bulkLoad(
  documents: Iterable<unknown>,
  o: BulkLoadOptions,
): Promise<BulkLoadReport> {
  const started = performance.now();
  const instance = o.instance ?? "dev";
  if (o.config.NEO4J_URI) {
    throw new BulkLoadError(
      "--bulk writes the local Neo4j's store offline; it cannot load the server at NEO4J_URI. Unset NEO4J_URI, or load without --bulk.",
    );
  }
  const options = localNeo4jOptions(o.config, o.log, instance);
  const here = localInstance(options);
  if (here.runningPid) {
    throw new BulkLoadError(
      `The local Neo4j (${instance}) is running (pid ${here.runningPid}); --bulk writes its store offline. Stop it (and whatever started it) first, or load without --bulk.`,
    );
  }
  if (here.hasStore) {
    o.log(`Checking that the local Neo4j (${instance}) is empty ...`);
    const held = describeContents(await graphContents(options));
    if (held) {
      throw new BulkLoadError(
        `The local Neo4j (${instance}) already holds a graph (${held}); --bulk only loads an empty database. Load without --bulk to add to it, or delete ${here.home} to start afresh.`,
      );
    }
  }

  const graph = new BulkGraph();
  let count = 0;
  for (const doc of documents) {
    const summary = graph.add(doc);
    o.onDocument?.(summary, count);
    count++;
  }
  const prepared = performance.now();

  const dir = join(here.home, "import", `bulk-${process.pid}-${Date.now()}`);
  let imported = prepared;
  let written = prepared;
  let files: CsvFiles;
  try {
    files = await graph.writeCsv(dir, new Date().toISOString(), o.by);
    written = performance.now();
    o.log(
      `Importing ${graph.nodes.size} nodes and ${graph.relationCount} relationships with neo4j-admin database import full ...`,
    );
    const output = await importIntoLocalNeo4j(options, files.importArgs(), {
      heap: o.importerHeap ?? "1g",
      offHeap: o.importerOffHeap ?? "1g",
    });
    const stages = output.match(/^.* COMPLETED in .*$|^IMPORT DONE in .*$/gm) ?? [];
    o.log(`neo4j-admin: ${stages.map((l) => l.trim()).join("; ")}`);
    imported = performance.now();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Starts the instance, sets the empty aliases, applies the migrations (constraints, indexes:
  // populated once, over the imported data), then sets the values left out of the CSV.
  const local = await startLocalNeo4j(options);
  const started2 = performance.now();
  const target = {
    uri: local.uri,
    user: local.user,
    password: local.password,
    database: local.database,
  };
  const db = createDb(target, { txTimeoutMs: o.config.QUERY_TIMEOUT_MS });
  const database: Database = {
    db,
    target,
    describe: `${local.uri} (database ${local.database}, local instance ${instance})`,
    async close() {
      await db.driver.close();
      await local.stop();
    },
  };
  try {
    // The importer cannot write an empty list (an empty field is no property); ingest stores
    // `aliases: []`, so the bulk load does too, before the migrations, so that the indexes are
    // populated once with them. The patches come after: they find their nodes by key, which
    // needs the key constraint (without it each patch row scanned every entity: the 100
    // sources' texts took 9 s of a 62 s load at 100,000 entities).
    const session = db.driver.session({ database: db.database });
    let aliased = started2;
    let migrated = started2;
    try {
      await run(session, emptyAliasesStatement());
      await run(session, emptyFootprintsStatement());
      aliased = performance.now();
      await migrate(db);
      migrated = performance.now();
      await applyPatches(session, files);
    } finally {
      await session.close();
    }
    o.log(
      `Started in ${seconds(started2 - imported)} s, set empty aliases in ${seconds(aliased - started2)} s, migrated in ${seconds(migrated - aliased)} s, set the values with line breaks in ${seconds(performance.now() - migrated)} s.`,
    );
  } catch (error) {
    await database.close();
    throw error;
  }
  const done = performance.now();
  if (!o.keepOpen) await database.close();
  return {
    documents: count,
    nodes: graph.nodes.size,
    relationships: graph.relationCount,
    ms: {
      prepare: prepared - started,
      csv: written - prepared,
      import: imported - written,
      start: done - imported,
      total: done - started,
    },
    ...(o.keepOpen ? { database } : {}),
  };
}
