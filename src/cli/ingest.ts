/**
 * `npm run ingest -- [--check] [--by NAME] FILE...`: validates documents (YAML or JSON, the seed's
 * format) and ingests each in one transaction, in bounded batches, with a progress bar for large
 * ones; prints what it created, updated and left unchanged. `--check` only validates (against the
 * graph, for entities a document refers to without defining them), writes nothing, and says per
 * entity what ingest would do: create it, or which fields it would change (old -> new), which
 * aliases it would add and which stored fields it keeps because the document leaves them out. `--bulk`
 * loads the documents, in order, into an EMPTY, stopped local instance with Neo4j's offline
 * importer instead (see src/data/bulk-load.ts), then starts it and applies the migrations.
 */
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { loadConfig } from "../config.js";
import { bulkLoad } from "../data/bulk-load.js";
import {
  BULK_INGEST_TIMEOUT_MS,
  type EntityPlan,
  ingestDocument,
  type Outcomes,
  planIngest,
} from "../data/ingest.js";
import { readDocumentFile } from "../data/seed.js";
import { openDatabase } from "../db/database.js";
import { LocalNeo4jError } from "../db/local-neo4j.js";
import { AppError, BadInputError } from "../domain/errors.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    check: { type: "boolean", default: false },
    bulk: { type: "boolean", default: false },
    by: { type: "string", default: "ingest" },
    help: { type: "boolean", default: false },
  },
});
if (values.help || positionals.length === 0) {
  console.error("Usage: npm run ingest -- [--check | --bulk] [--by NAME] FILE...");
  process.exit(values.help ? 0 : 2);
}
if (values.check && values.bulk) {
  console.error("--check and --bulk cannot be combined.");
  process.exit(2);
}

const outcomes = (o: Outcomes) =>
  `${o.created} created, ${o.updated} updated, ${o.unchanged} unchanged`;
/** One line per entity of a dry run: what it would create, change, add and keep. */
function describePlan(entities: readonly EntityPlan[]): string[] {
  const show = (v: unknown) => JSON.stringify(v);
  return entities.map((e) => {
    if (e.action === "create") return `${e.key}: would be created (${e.kind})`;
    const parts = [
      ...e.changed.map((c) => `${c.field} ${show(c.from)} -> ${show(c.to)}`),
      // The document states it otherwise, but a newer (or same-time, first) claim holds.
      ...(e.outweighed ?? []).map(
        (o) =>
          `${o.field} ${show(o.stated)} claimed, ${show(o.current)} stays (${o.disputed ? "disputed: a claim at the same time comes first" : "a newer claim holds"})`,
      ),
      ...(e.addedAliases.length > 0 ? [`aliases + ${e.addedAliases.map(show).join(", ")}`] : []),
      ...(e.kept.length > 0 ? [`kept (not in the document): ${e.kept.join(", ")}`] : []),
    ];
    const head = e.action === "update" ? "would change" : "unchanged";
    return `${e.key}: ${head}${parts.length > 0 ? `; ${parts.join("; ")}` : ""}`;
  });
}

const PROGRESS_FROM = 5_000; // rows; smaller documents finish before a bar would help

if (values.bulk) {
  // All or nothing: every file is read and validated before the importer runs.
  let current = "";
  try {
    const r = await bulkLoad(
      (function* () {
        for (const file of positionals) {
          current = file;
          yield readDocumentFile(file);
        }
      })(),
      {
        config: loadConfig(),
        by: values.by,
        log: (m) => console.error(m),
        onDocument: (s, i) =>
          console.log(
            `${positionals[i]}: ${s.source}: entities ${outcomes(s.entityOutcomes)}; relations ${outcomes(s.relationOutcomes)}.`,
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
    } else if (error instanceof AppError || error instanceof LocalNeo4jError)
      console.error(error.message);
    else console.error(error);
    process.exit(1);
  }
}

const database = await openDatabase(loadConfig(), (m) => console.error(m));
const stats = { roundTrips: 0 };
let failed = 0;
try {
  for (const file of positionals) {
    let input: unknown;
    try {
      input = readDocumentFile(file);
    } catch (error) {
      console.error(
        `${file}: cannot read: ${error instanceof Error ? error.message : String(error)}`,
      );
      failed++;
      continue;
    }
    try {
      if (values.check) {
        const plan = await planIngest(database.db, stats, input);
        console.log(
          `${file}: valid (${plan.document.entities.length + 1} entities, ${plan.document.relations.length} relations).`,
        );
        for (const line of describePlan(plan.entities)) console.log(`  ${line}`);
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
        { listChanged: false },
      );
      bar?.stop();
      console.log(
        `${file}: ${s.source}: entities ${outcomes(s.entityOutcomes)}; relations ${outcomes(s.relationOutcomes)}.`,
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
}
process.exitCode = failed > 0 ? 1 : 0;
