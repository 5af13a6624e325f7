/**
 * The benchmark's own Neo4j: a separate local instance ("bench", its own port and data folder
 * under .neo4j/instances/bench, so the development and test graphs are never touched), with the
 * APOC core plugin that the Neo4j GraphQL Library (the anchor) needs, resolved from Maven
 * Central by bench/neo4j/pom.xml into that instance's plugins/ folder.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config.js";
import { bulkLoad } from "../src/data/bulk-load.js";
import { localNeo4jOptions } from "../src/db/database.js";
import { createDb, type Db, type DbTarget } from "../src/db/driver.js";
import { type LocalNeo4j, startLocalNeo4j } from "../src/db/local-neo4j.js";
import { migrate } from "../src/db/migrate.js";
import type { Document } from "../src/domain/document.js";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const POM = join(PROJECT_ROOT, "bench/neo4j/pom.xml");
export const INSTANCE = "bench";

/**
 * The configuration of a bench that starts its own local instance on `boltPort`, with a
 * transaction budget of 300 s unless QUERY_TIMEOUT_MS is set: a correction that scans the graph
 * must finish to be timed (the default budget is 8 s).
 */
export function longBudgetConfig(boltPort: string | undefined) {
  return loadConfig({
    QUERY_TIMEOUT_MS: "300000",
    REQUEST_TIMEOUT_MS: "310000",
    ...process.env,
    NEO4J_URI: "",
    NEO4J_LOCAL_BOLT_PORT: boltPort,
  });
}

export interface BenchNeo4jOptions {
  dir: string;
  boltPort: number;
  heap: string;
  pagecache: string;
  log: (m: string) => void;
}

export interface BenchNeo4j {
  target: DbTarget;
  /** Where the instance lives (data, plugins, the dataset fingerprint). */
  home: string;
  /** The APOC jar in plugins/, or null when it could not be resolved. */
  apoc: string | null;
  /** Why APOC is missing, when it is. */
  apocProblem: string | null;
  startedHere: boolean;
  stop(): Promise<void>;
}

/** Puts APOC core (and its two small dependencies) into the instance's plugins/ folder, once. */
export function ensureApoc(
  pluginsDir: string,
  log: (m: string) => void,
): { jar: string | null; problem: string | null } {
  mkdirSync(pluginsDir, { recursive: true });
  const find = () =>
    readdirSync(pluginsDir).find((f) => /^apoc-core-5\.26\.\d+(-core)?\.jar$/.test(f));
  const present = find();
  if (present) return { jar: present, problem: null };
  log(`Resolving APOC core 5.26 from Maven Central into ${pluginsDir} (once) ...`);
  const run = spawnSync(
    "mvn",
    ["-B", "-q", "-f", POM, "dependency:copy-dependencies", `-Dplugins.dir=${pluginsDir}`],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  const jar = find();
  if (run.status !== 0 || !jar) {
    return {
      jar: null,
      problem: `mvn exited ${run.status}: ${`${run.stdout}${run.stderr}`.trim().slice(0, 2000)}`,
    };
  }
  return { jar, problem: null };
}

/** Starts (or reuses) the bench instance, with APOC when it can be had, and applies migrations. */
export async function startBenchNeo4j(o: BenchNeo4jOptions): Promise<BenchNeo4j> {
  const home = join(resolve(o.dir), "instances", INSTANCE);
  const plugins = join(home, "plugins");
  const apoc: { jar: string | null; problem: string | null } = ensureApoc(plugins, o.log);
  if (!apoc.jar) o.log(`APOC could not be resolved; the anchor is left out. ${apoc.problem}`);
  const local: LocalNeo4j = await startLocalNeo4j({
    dir: o.dir,
    instance: INSTANCE,
    boltPort: o.boltPort,
    heap: o.heap,
    pagecache: o.pagecache,
    txTimeout: "120s",
    startTimeoutMs: 180_000,
    log: o.log,
    extraConfig: apoc.jar
      ? [
          // The GraphQL Library's generated Cypher calls apoc.util.validate* and apoc.date.*.
          "dbms.security.procedures.unrestricted=apoc.*",
          // Room for the bulk loads and the anchor's totalCount over 100k rows.
          "dbms.memory.transaction.total.max=0",
        ]
      : ["dbms.memory.transaction.total.max=0"],
  });
  const target: DbTarget = {
    uri: local.uri,
    user: local.user,
    password: local.password,
    database: local.database,
  };
  const db = createDb(target);
  try {
    await migrate(db);
  } finally {
    await db.driver.close();
  }
  return {
    target,
    home,
    apoc: apoc.jar ? join(plugins, apoc.jar) : null,
    apocProblem: apoc.problem,
    startedHere: local.startedHere,
    stop: () => local.stop(),
  };
}

/** A driver for the harness's own work (loading data, fixtures, checks), never for the servers. */
export function harnessDb(target: DbTarget): Db {
  return createDb(target, {});
}

export function instanceExists(dir: string): boolean {
  return existsSync(join(resolve(dir), "instances", INSTANCE, "data"));
}

export const BULK_INSTANCE = "bench-bulk";

/** The configuration of a scratch local instance (the product's defaults) and its folder. */
function scratchConfig(instance: string, boltPort: number) {
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: "",
    NEO4J_LOCAL_DIR: process.env.NEO4J_LOCAL_DIR ?? join(PROJECT_ROOT, ".neo4j"),
    NEO4J_LOCAL_BOLT_PORT: String(boltPort),
  });
  return { config, home: join(resolve(config.NEO4J_LOCAL_DIR), "instances", instance) };
}

/**
 * An empty scratch instance, started with the product's defaults and migrated; close() stops it
 * and deletes it.
 */
export async function startScratchNeo4j(
  instance: string,
  boltPort: number,
  log: (m: string) => void,
): Promise<{ db: Db; close(): Promise<void> }> {
  const { config, home } = scratchConfig(instance, boltPort);
  rmSync(home, { recursive: true, force: true });
  const local = await startLocalNeo4j(localNeo4jOptions(config, log, instance));
  const db = createDb(local, { txTimeoutMs: 300_000 });
  const close = async () => {
    await db.driver.close();
    await local.stop();
    rmSync(home, { recursive: true, force: true });
  };
  try {
    await migrate(db);
  } catch (error) {
    await close();
    throw error;
  }
  return { db, close };
}

/** What the bulk path measured (see `bulkIngest`). */
export interface BulkIngestRecord {
  documents: number;
  nodes: number;
  relationships: number;
  ms: { prepare: number; csv: number; import: number; start: number; total: number };
  at: string;
}

/**
 * The bulk path, measured: `bulkLoad` (what `npm run generate -- --bulk` runs) of `docs` into a
 * fresh scratch instance of its own, which is deleted afterwards. `total` runs from the validated
 * documents to a started, migrated instance; `import` is neo4j-admin's own step.
 */
export async function bulkIngest(
  docs: readonly Document[],
  boltPort: number,
  log: (m: string) => void,
): Promise<BulkIngestRecord> {
  const { config, home } = scratchConfig(BULK_INSTANCE, boltPort);
  rmSync(home, { recursive: true, force: true });
  try {
    const r = await bulkLoad(
      docs.map((d) => structuredClone(d)),
      { config, instance: BULK_INSTANCE, by: "generate", log },
    );
    return {
      documents: r.documents,
      nodes: r.nodes,
      relationships: r.relationships,
      ms: r.ms,
      at: new Date().toISOString(),
    };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
