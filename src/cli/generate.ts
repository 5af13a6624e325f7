/**
 * `npm run generate -- --entities 100000 [--seed 42] [--batch 5000] [--out DIR] [--clear]`:
 * generates synthetic documents (src/generate/documents.ts) and loads them through the same ingest
 * path as the seed, one document per transaction, in order, printing progress and load rates.
 * `--bulk` loads them into an empty local instance with Neo4j's offline importer instead.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { loadConfig } from "../config.js";
import { bulkLoad } from "../data/bulk-load.js";
import { clearGenerated } from "../data/generated.js";
import { BULK_INGEST_TIMEOUT_MS, ingestDocument } from "../data/ingest.js";
import { openCliDatabase } from "../db/database.js";
import { LocalNeo4jError } from "../db/local-neo4j.js";
import { DOCUMENT_LIMITS, type Document } from "../domain/document.js";
import { AppError, BadInputError } from "../domain/errors.js";
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_SEED,
  GENERATED_KEY_PREFIX,
  generateDocuments,
} from "../generate/documents.js";

const USAGE = `Usage: npm run generate -- --entities N [options]

Generates N synthetic entities (keys starting with "${GENERATED_KEY_PREFIX}") with their relations as
documents in the seed's format and ingests them in order, one transaction per document.

Options:
  --entities N     how many entities to generate (required unless --clear; 0 generates nothing)
  --seed S         PRNG seed, 0 to ${0xffff_ffff} (default ${DEFAULT_SEED}); the same seed gives the same documents
  --batch B        at most B new entities per document, 1 to ${DOCUMENT_LIMITS.entities} (default ${DEFAULT_BATCH_SIZE})
  --out DIR        also write each document to DIR
  --format F       yaml or json, for --out (default yaml)
  --clear          first delete every entity whose key starts with "${GENERATED_KEY_PREFIX}"
  --bulk           load an EMPTY local instance with Neo4j's offline importer (neo4j-admin database
                   import full) instead of transactions: the instance must be stopped; it is then
                   started and migrated. Writes the same graph; refuses a non-empty database.
  -h, --help       show this help

Documents generated with different seeds share keys: use --clear between them.`;

/** A bad command line: reported with the usage, and nothing is opened. */
class UsageError extends Error {}

interface Options {
  entities: number;
  seed: number;
  batch: number;
  out?: string;
  format: "yaml" | "json";
  clear: boolean;
  bulk: boolean;
}

function wholeNumber(name: string, value: string, max = Number.MAX_SAFE_INTEGER): number {
  // Number("") is 0 and Number("1e3") is 1000: accept plain digits only.
  if (!/^\d+$/.test(value) || Number(value) > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? "of at least 0" : `from 0 to ${max}`;
    throw new UsageError(`--${name} must be a whole number ${range}, not "${value}"`);
  }
  return Number(value);
}

function parseOptions(args: string[]): Options | "help" {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    // parseArgs reports unknown options and missing values as TypeErrors with good messages.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) return "help";
  if (values.entities === undefined && !values.clear) {
    throw new UsageError("--entities is required (or --clear alone to only delete)");
  }
  const batch = wholeNumber(
    "batch",
    values.batch ?? String(DEFAULT_BATCH_SIZE),
    DOCUMENT_LIMITS.entities,
  );
  if (batch < 1) throw new UsageError("--batch must be at least 1");
  const format = values.format ?? "yaml";
  if (format !== "yaml" && format !== "json") {
    throw new UsageError(`--format must be yaml or json, not "${format}"`);
  }
  if (values.bulk && values.clear) {
    throw new UsageError("--bulk loads an empty database: it cannot be combined with --clear");
  }
  if (values.format !== undefined && values.out === undefined) {
    throw new UsageError("--format only applies with --out");
  }
  return {
    entities: wholeNumber("entities", values.entities ?? "0"),
    seed: wholeNumber("seed", values.seed ?? String(DEFAULT_SEED), 0xffff_ffff),
    batch,
    ...(values.out === undefined ? {} : { out: values.out }),
    format,
    clear: values.clear ?? false,
    bulk: values.bulk ?? false,
  };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      entities: { type: "string" },
      seed: { type: "string" },
      batch: { type: "string" },
      out: { type: "string" },
      format: { type: "string" },
      clear: { type: "boolean" },
      bulk: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const perSecond = (count: number, ms: number) => Math.round(count / Math.max(ms / 1000, 1e-3));

function writeOut(options: Options, doc: Document, n: number): void {
  if (!options.out) return;
  const name = `gen-${options.seed}-${String(n).padStart(4, "0")}.${options.format}`;
  writeFileSync(
    join(options.out, name),
    options.format === "json"
      ? `${JSON.stringify(doc, null, 2)}\n`
      : stringify(doc, { lineWidth: 0 }),
  );
}

async function bulk(options: Options): Promise<void> {
  if (options.entities === 0) return;
  if (options.out) mkdirSync(options.out, { recursive: true });
  const documents = generateDocuments({
    entities: options.entities,
    seed: options.seed,
    batchSize: options.batch,
  });
  let n = 0;
  const r = await bulkLoad(
    (function* () {
      for (const doc of documents) {
        writeOut(options, doc, ++n);
        yield doc;
      }
    })(),
    {
      config: loadConfig(),
      by: "generate",
      log: (m) => console.error(m),
      onDocument: (s, i) =>
        console.log(
          `document ${i + 1} (${s.source}): ${s.entities} entities, ${s.relations} relations validated`,
        ),
    },
  );
  const s = r.ms;
  console.log(
    `Bulk-loaded ${r.nodes} nodes and ${r.relationships} relationships from ${r.documents} documents ` +
      `(seed ${options.seed}) in ${seconds(s.total)} s: ${perSecond(r.relationships, s.total)} relationships/s ` +
      `end to end (generating and validating ${seconds(s.prepare)} s, CSV ${seconds(s.csv)} s, ` +
      `neo4j-admin import ${seconds(s.import)} s = ${perSecond(r.relationships, s.import)} relationships/s, ` +
      `starting and migrating ${seconds(s.start)} s).`,
  );
}

async function main(options: Options): Promise<void> {
  if (options.bulk) return bulk(options);
  const database = await openCliDatabase(loadConfig(), (m) => console.error(m));
  try {
    const stats = { roundTrips: 0 };
    if (options.clear) {
      const started = performance.now();
      const deleted = await clearGenerated(database.db, stats, (n) =>
        console.log(
          `clear: ${n.relationships} relationships, ${n.entities} entities deleted so far`,
        ),
      );
      console.log(
        `clear: deleted ${deleted.entities} generated entities and ${deleted.relationships} relationships in ${seconds(performance.now() - started)} s`,
      );
    }
    if (options.entities === 0) return;
    if (options.out) mkdirSync(options.out, { recursive: true });

    const started = performance.now();
    let generating = 0;
    let ingesting = 0;
    const done = { documents: 0, entities: 0, relations: 0 };
    const documents = generateDocuments({
      entities: options.entities,
      seed: options.seed,
      batchSize: options.batch,
    });
    for (;;) {
      // Timed apart from ingest, so the printed rate shows where the time goes.
      const before = performance.now();
      const next = documents.next();
      generating += performance.now() - before;
      if (next.done) break;
      const doc = next.value;
      done.documents += 1;
      writeOut(options, doc, done.documents);
      const ingestStart = performance.now();
      await ingestDocument(database.db, stats, doc, "generate", undefined, BULK_INGEST_TIMEOUT_MS, {
        listChanged: false,
      });
      ingesting += performance.now() - ingestStart;
      done.entities += doc.entities.length;
      done.relations += doc.relations.length;
      const elapsed = performance.now() - started;
      console.log(
        `document ${done.documents} (${doc.source.key}): ${done.entities}/${options.entities} entities, ` +
          `${done.relations} relations, ${seconds(elapsed)} s, ` +
          `${perSecond(done.entities, elapsed)} entities/s, ${perSecond(done.relations, elapsed)} relations/s`,
      );
    }
    const elapsed = performance.now() - started;
    console.log(
      `Loaded ${done.entities} entities and ${done.relations} relations in ${done.documents} documents ` +
        `(seed ${options.seed}) in ${seconds(elapsed)} s: ` +
        `${perSecond(done.entities, elapsed)} entities/s, ${perSecond(done.relations, elapsed)} relations/s ` +
        `(generating ${seconds(generating)} s, validating and ingesting ${seconds(ingesting)} s).`,
    );
  } finally {
    await database.close();
  }
}

let options: Options | "help";
try {
  options = parseOptions(process.argv.slice(2).filter((a) => a !== "--"));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (options === "help") console.log(USAGE);
else {
  try {
    await main(options);
  } catch (error) {
    if (error instanceof BadInputError) {
      console.error(error.message);
      for (const p of error.problems.slice(0, 20))
        console.error(`  ${p.path.join(".")}: ${p.message}`);
      if (error.problems.length > 20) console.error(`  ... and ${error.problems.length - 20} more`);
    } else if (error instanceof AppError || error instanceof LocalNeo4jError)
      console.error(error.message);
    else console.error(error);
    process.exitCode = 1;
  }
}
