/**
 * `npm run ingest -- [--check] [--by NAME] [--supersedes SOURCE-KEY] FILE...`: validates documents (YAML or JSON, the seed's
 * format) and ingests each in one transaction, in bounded batches, with a progress bar for large
 * ones; prints what it did in the words of `--check`: new, changed or updated, corroborated, unchanged. `--check` only validates (against the
 * graph, for entities a document refers to without defining them), writes nothing, reports every
 * problem in one pass, and says what ingest would do, grouped: entities new / changed (which fields,
 * old -> new, which aliases it would add, which stored fields it keeps because the document leaves
 * them out) / corroborated (the source gains a claim that changes no current value) / unchanged,
 * relations new / corroborated (gaining this source's sentences as
 * evidence) / updated (values that would change) / unchanged. `--bulk`
 * loads the documents, in order, into an EMPTY, stopped local instance with Neo4j's offline
 * importer instead (see src/data/bulk-load.ts), then starts it and applies the migrations.
 * `--supersedes KEY` (one file): the document corrects the stored source KEY, which is retracted
 * in the same transaction.
 */
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { loadConfig } from "../config.js";
import { bulkLoad } from "../data/bulk-load.js";
import { BULK_INGEST_TIMEOUT_MS, ingestDocument, planIngest } from "../data/ingest.js";
import { describePlan } from "../data/plan-text.js";
import { readDocumentFile } from "../data/seed.js";
import { settleEarlierGraph } from "../data/settle.js";
import { openCliDatabase } from "../db/database.js";
import { LocalNeo4jError } from "../db/local-neo4j.js";
import { AppError, BadInputError } from "../domain/errors.js";
import { announce, connectGraphEvents, RedisUnavailableError } from "../events.js";
import { localApis, neo4jIdentity, notifyLocalApis } from "../local-apis.js";
import { fileProblem, statPath } from "./files.js";
import { describeOutcomes } from "./outcomes.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    check: { type: "boolean", default: false },
    bulk: { type: "boolean", default: false },
    by: { type: "string", default: "ingest" },
    supersedes: { type: "string" },
    help: { type: "boolean", default: false },
  },
});
if (values.help || positionals.length === 0) {
  console.error(
    "Usage: npm run ingest -- [--check | --bulk] [--by NAME] [--supersedes SOURCE-KEY] FILE...",
  );
  process.exit(values.help ? 0 : 2);
}
if (values.supersedes !== undefined && (values.bulk || positionals.length > 1)) {
  console.error("--supersedes names the source one document corrects: give one file, not --bulk.");
  process.exit(2);
}
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const supersede = values.supersedes === undefined ? {} : { supersedes: values.supersedes };
if (values.check && values.bulk) {
  console.error("--check and --bulk cannot be combined.");
  process.exit(2);
}

const PROGRESS_FROM = 5_000; // rows; smaller documents finish before a bar would help

/** A file --bulk cannot read or parse: one line naming it (was Node's error with its stack). */
class UnreadableFile extends Error {}

if (values.bulk) {
  // All or nothing: every file is read and validated before the importer runs.
  let current = "";
  try {
    const r = await bulkLoad(
      (function* () {
        for (const file of positionals) {
          current = file;
          try {
            yield readDocumentFile(file);
          } catch (error) {
            throw new UnreadableFile(`${file}: cannot read: ${fileProblem(error)}`);
          }
        }
      })(),
      {
        config: loadConfig(),
        by: values.by,
        log: (m) => console.error(m),
        onDocument: (s, i) =>
          console.log(
            `${positionals[i]}: ${s.source}: ${describeOutcomes(s.entityOutcomes, s.relationOutcomes)}.`,
          ),
      },
    );
    console.log(
      `Bulk-loaded ${r.nodes} nodes and ${r.relationships} relationships in ${(r.ms.total / 1000).toFixed(1)} s (import ${(r.ms.import / 1000).toFixed(1)} s).`,
    );
    process.exit(0);
  } catch (error) {
    if (error instanceof BadInputError) {
      console.error(`${current}: ${error.message} (nothing was loaded)`);
      for (const p of error.problems) console.error(`  ${p.path.join(".")}: ${p.message}`);
    } else if (error instanceof UnreadableFile)
      console.error(`${error.message} (nothing was loaded)`);
    else if (error instanceof AppError || error instanceof LocalNeo4jError)
      console.error(error.message);
    else console.error(error);
    process.exit(1);
  }
}

// Files that are not there are reported before the database is opened (which may start one).
let failed = 0;
const files = positionals.filter((file) => {
  const stat = statPath(file);
  if (stat && !("problem" in stat) && stat.isFile()) return true;
  const why = !stat
    ? "no such file"
    : "problem" in stat
      ? stat.problem
      : "a folder, not a document file";
  console.error(`${file}: cannot read: ${why}`);
  failed++;
  return false;
});
/** The last line: how many files did what, and whether anything failed. */
function summary(done: number): string {
  const verb = values.check ? "valid" : "ingested";
  return `Summary: ${done} of ${positionals.length} files ${verb}${failed > 0 ? ` (${failed} failed${values.check ? "" : ", nothing written for them"})` : ""}.`;
}
if (files.length === 0) {
  console.log(summary(0));
  process.exit(1);
}

const config = loadConfig();
// With REDIS_URL, what each file changed reaches graphChanged subscribers of every API process.
let shared: Awaited<ReturnType<typeof connectGraphEvents>> | null = null;
if (config.REDIS_URL && !values.check) {
  try {
    shared = await connectGraphEvents(config.REDIS_URL, {
      down: (m) => console.error(m),
      back: (m) => console.error(m),
      error: (error, what) =>
        console.error(`${what}: ${error instanceof Error ? error.message : String(error)}`),
    });
  } catch (error) {
    if (!(error instanceof RedisUnavailableError)) throw error;
    console.error(`${error.message}; nothing was ingested.`);
    process.exit(1);
  }
}
const database = await openCliDatabase(config, (m) => console.error(m));
// A graph no server has started on since an upgrade is settled first, as `npm start` settles it:
// the upsert compares aliases by their stored folds. (--check writes nothing, so it does not.)
if (!values.check) {
  try {
    await settleEarlierGraph(database.db, (m) => console.error(m));
  } catch (error) {
    console.error(
      `Settling the graph failed: ${error instanceof Error ? error.message : String(error)}; nothing was ingested.`,
    );
    await database.close();
    await shared?.close();
    process.exit(1);
  }
}
// Without Redis: the API processes on this machine serving this database, told over HTTP.
const neo4j = neo4jIdentity(database.target);
const tellLocal =
  !shared && !values.check && (await localApis(config.NEO4J_LOCAL_DIR, neo4j)).length > 0;
const stats = { roundTrips: 0 };
try {
  for (const file of files) {
    let input: unknown;
    try {
      input = readDocumentFile(file);
    } catch (error) {
      console.error(`${file}: cannot read: ${fileProblem(error)}`);
      failed++;
      continue;
    }
    try {
      if (values.check) {
        const plan = await planIngest(database.db, stats, input, supersede);
        console.log(
          `${file}: valid (${plan.document.entities.length + 1} entities, ${plan.document.relations.length} relations).`,
        );
        for (const line of describePlan(plan)) console.log(`  ${line}`);
        continue;
      }
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar(
            {
              format: `${file} [{bar}] {percentage}% {value}/{total} rows`,
              stream: process.stderr,
            },
            cliProgress.Presets.shades_classic,
          )
        : null;
      let lastPercent = -10;
      const s = await ingestDocument(
        database.db,
        stats,
        input,
        values.by,
        (done, total) => {
          if (total < PROGRESS_FROM) return;
          if (bar) {
            if (!bar.isActive) bar.start(total, 0);
            bar.update(done);
          } else if ((done / total) * 100 >= lastPercent + 10) {
            lastPercent = Math.floor((done / total) * 10) * 10;
            console.error(`${file}: ${lastPercent}% (${done}/${total} rows)`);
          }
        },
        BULK_INGEST_TIMEOUT_MS,
        // The keys are listed only when someone can be told (they cost memory on large files).
        { listChanged: shared !== null || tellLocal, ...supersede },
      );
      bar?.stop();
      const change = {
        entities: s.changed.entities,
        relations: s.changed.relations,
        deletedEntities: [],
        removedRelations: [],
        operation: "ingest",
        by: values.by,
      };
      if (shared) announce(shared.events, change);
      else if (tellLocal && change.entities.length + change.relations.length > 0) {
        const { problems } = await notifyLocalApis(config.NEO4J_LOCAL_DIR, neo4j, change);
        for (const p of problems) console.error(`${file}: could not tell the API at ${p}`);
      }
      console.log(
        `${file}: ${s.source}: ${describeOutcomes(s.entityOutcomes, s.relationOutcomes)}.`,
      );
      if (s.superseded)
        console.log(
          `${file}: ${s.superseded.key} superseded (retracted): ${count(s.superseded.relations, "relation")}, ${count(s.superseded.entities, "entity", "entities")} changed.`,
        );
    } catch (error) {
      failed++;
      if (error instanceof BadInputError) {
        console.error(`${file}: ${error.message}`);
        for (const p of error.problems) console.error(`  ${p.path.join(".")}: ${p.message}`);
      } else {
        console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
} finally {
  await database.close();
  // Sends the queued announcements before disconnecting.
  await shared?.close();
}
console.log(summary(positionals.length - failed));
process.exitCode = failed > 0 ? 1 : 0;
