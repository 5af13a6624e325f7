/**
 * `npm run bench:retraction [-- --entities N] [--runs R] [--bolt-port B] [--out FILE]`: how long a
 * source's retraction (and its restore) takes, and in how many round trips, on the seed graph
 * alone and on the seed with N generated entities (src/generate/documents.ts, default 100,000)
 * beside it: the seed's source makes the same few dozen claims on both, so what it costs on the
 * larger graph is what the rest of the graph adds to a correction. A generated source (a few
 * thousand claims) is retracted too. Each graph is bulk loaded (src/data/bulk-load.ts, the
 * graph ingest writes) into a fresh local instance of its own; R retractions and restores each,
 * after one of each unmeasured (planning), in a transaction budget of 300 s (QUERY_TIMEOUT_MS,
 * unless set). Appends to bench/results/retraction.md.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { bulkLoad } from "../src/data/bulk-load.js";
import { readDocumentFile, seedFiles } from "../src/data/seed.js";
import { retractSource } from "../src/data/writes.js";
import type { Db } from "../src/db/driver.js";
import { generateDocuments } from "../src/generate/documents.js";
import { longBudgetConfig, PROJECT_ROOT } from "./neo4j.js";

const { values } = parseArgs({
  options: {
    entities: { type: "string", default: "100000" },
    runs: { type: "string", default: "7" },
    "bolt-port": { type: "string", default: "7803" },
    out: { type: "string", default: join(PROJECT_ROOT, "bench", "results", "retraction.md") },
    label: { type: "string", default: "" },
  },
});
const ENTITIES = Number(values.entities);
const RUNS = Number(values.runs);
const INSTANCE = "bench-retraction";

const config = longBudgetConfig(values["bolt-port"]);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

interface Figure {
  graph: string;
  source: string;
  claims: number;
  retract: { ms: number; roundTrips: number };
  restore: { ms: number; roundTrips: number };
}

/** Median ms and round trips of RUNS retractions and restores of `key` (one of each first, unmeasured). */
async function time(db: Db, key: string) {
  const once = async (retracted: boolean) => {
    const stats = { roundTrips: 0 };
    const started = performance.now();
    const done = await retractSource(db, stats, { key, retracted, by: "bench" });
    if (!done) throw new Error(`no source ${key}`);
    return { ms: performance.now() - started, roundTrips: stats.roundTrips, done };
  };
  await once(true);
  const first = await once(false);
  const retract: number[] = [];
  const restore: number[] = [];
  let trips = { retract: 0, restore: 0 };
  for (let i = 0; i < RUNS; i++) {
    const a = await once(true);
    const b = await once(false);
    retract.push(a.ms);
    restore.push(b.ms);
    trips = { retract: a.roundTrips, restore: b.roundTrips };
  }
  return {
    claims: first.done.relations + first.done.entities,
    retract: { ms: median(retract), roundTrips: trips.retract },
    restore: { ms: median(restore), roundTrips: trips.restore },
  };
}

async function measure(graph: string, docs: unknown[], sources: string[]): Promise<Figure[]> {
  rmSync(join(config.NEO4J_LOCAL_DIR, "instances", INSTANCE), { recursive: true, force: true });
  const report = await bulkLoad(docs, {
    config,
    instance: INSTANCE,
    by: "bench",
    log: (m) => console.log(`  ${m}`),
    keepOpen: true,
  });
  const database = report.database;
  if (!database) throw new Error("bulkLoad kept no database open");
  console.log(`${graph}: ${report.nodes} nodes, ${report.relationships} relationships`);
  const out: Figure[] = [];
  try {
    for (const source of sources) {
      const f = await time(database.db, source);
      out.push({ graph: `${graph} (${report.nodes} nodes)`, source, ...f });
      console.log(`  ${source}: ${JSON.stringify(f)}`);
    }
  } finally {
    await database.close();
  }
  return out;
}

const seed = seedFiles().map((f) => readDocumentFile(f)) as Array<{ source: { key: string } }>;
const seedSource = seed[0]?.source.key ?? "";
const generated = [...generateDocuments({ entities: ENTITIES })];
const genSource = generated[Math.floor(generated.length / 2)]?.source.key ?? "";

const figures = [
  ...(await measure("seed", seed, [seedSource])),
  ...(await measure(
    `seed + ${ENTITIES} generated`,
    [...seed, ...generated],
    genSource ? [seedSource, genSource] : [seedSource],
  )),
];
rmSync(join(config.NEO4J_LOCAL_DIR, "instances", INSTANCE), { recursive: true, force: true });

const rows = figures.map(
  (f) =>
    `| ${f.graph} | ${f.source} | ${f.claims} | ${f.retract.ms.toFixed(0)} | ${f.retract.roundTrips} | ${f.restore.ms.toFixed(0)} | ${f.restore.roundTrips} |`,
);
const table = [
  `### ${values.label || "run"} (${new Date().toISOString()}, ${RUNS} runs, medians)`,
  "",
  "| graph | source | relations + entities it changes | retract ms | round trips | restore ms | round trips |",
  "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
  ...rows,
  "",
].join("\n");
console.log(table);
writeFileSync(values.out, `${table}\n`, { flag: "a" });
