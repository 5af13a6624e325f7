/**
 * `npm run bench:containment [-- --runs N] [--docs K] [--concurrency C] [--out FILE]`: what the
 * containment lock costs. A write with a containment relation (PART_OF, LOCATED_IN) checks that it
 * closes no cycle and takes one lock node for it (`:WriteLock {name: "containment"}`), so two such
 * writes commit one after the other from the check on; a write without one takes no lock. The
 * built server as `npm start` runs it, on a fresh embedded Neo4j per run: K articles ingested with
 * C in flight, each naming its own place, nation and mission (no two share an entity), in two
 * modes that differ only in one relation's type: "containment" (the place LOCATED_IN the nation,
 * the mission DEPLOYED_TO it) and "plain" (the nation HOSTS the mission, the mission DEPLOYED_TO
 * it); then the same K one at a time. Writes bench/results/containment-writes.md.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "./neo4j.js";
import { buildAsShipped, ShippedApi, timedIngest } from "./soak/shipped.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    docs: { type: "string", default: "24" },
    concurrency: { type: "string", default: "8" },
    out: {
      type: "string",
      default: join(PROJECT_ROOT, "bench", "results", "containment-writes.md"),
    },
    "bolt-port": { type: "string", default: "7797" },
  },
});
const RUNS = Number(values.runs);
const DOCS = Number(values.docs);
const CONCURRENCY = Number(values.concurrency);

const token = `agt_${randomBytes(32).toString("base64url").slice(0, 43)}`;
const sha256 = createHash("sha256").update(token).digest("hex");

type Mode = "containment" | "plain";

/** An article naming its own place, nation and mission; `mode` decides one relation's type. */
function article(mode: Mode, run: number, i: number) {
  const id = `cw${run}-${mode}-${i}`;
  const place = `${id}-town`;
  const nation = `${id}-land`;
  const mission = `${id}-mission`;
  const [town, land, op] = [`Town ${id}`, `Land ${id}`, `Operation ${id}`];
  const located = `${town} lies in ${land}.`;
  const hosts = `${land} hosts ${op}.`;
  const deployed = `${op} is deployed to ${land}.`;
  const first = mode === "containment" ? located : hosts;
  return {
    source: {
      key: `${id}-source`,
      name: `Report ${id}`,
      properties: { text: `${first} ${deployed}`, publishedAt: "2026-12-07" },
    },
    entities: [
      { key: place, kind: "Place", name: town },
      { key: nation, kind: "Nation", name: land },
      { key: mission, kind: "Mission", name: op },
    ],
    relations: [
      mode === "containment"
        ? { from: place, type: "LOCATED_IN", to: nation, evidence: located }
        : { from: nation, type: "HOSTS", to: mission, evidence: hosts },
      { from: mission, type: "DEPLOYED_TO", to: nation, evidence: deployed },
    ],
  };
}

const ingest = (server: ShippedApi, doc: unknown) => timedIngest(server, token, doc);

/** Ingests `docs` with at most `limit` in flight: the wall time and each one's latency. */
async function batch(server: ShippedApi, docs: unknown[], limit: number) {
  const started = performance.now();
  const results: { ms: number; outcome: string }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, docs.length) }, async () => {
      while (next < docs.length) {
        const doc = docs[next++];
        results.push(await ingest(server, doc));
      }
    }),
  );
  return { wall: performance.now() - started, results };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
const median = (xs: number[]) => quantile(xs, 0.5);

interface Row {
  run: number;
  mode: Mode;
  concurrency: number;
  wall: number;
  p50: number;
  p95: number;
  outcomes: string;
}

async function measure(run: number): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), "containment-writes-"));
  symlinkSync(join(PROJECT_ROOT, ".neo4j", "lib"), join(dir, "lib"));
  const server = await ShippedApi.start({
    local: { dir, boltPort: Number(values["bolt-port"]) },
    apiTokens: JSON.stringify([{ name: "containment", sha256, scopes: ["read", "write"] }]),
    logPath: join(dir, "server.log"),
    clock: () => 0,
  });
  const rows: Row[] = [];
  try {
    // A batch of each mode at each concurrency first, unmeasured: the first writes of a fresh
    // server plan their statements (a first batch of containment writes took 3-4 times its
    // later time), and this measures the lock, not the planning.
    let offset = 0;
    for (const concurrency of [CONCURRENCY, 1])
      for (const mode of ["containment", "plain"] as const) {
        await batch(
          server,
          Array.from({ length: 4 }, (_, i) => article(mode, run, 10_000 + offset + i)),
          concurrency,
        );
        offset += 4;
      }
    offset = 0;
    for (const concurrency of [CONCURRENCY, 1]) {
      // Alternate which mode goes first, so that neither always meets a cooler machine.
      const order: Mode[] =
        (run + concurrency) % 2 ? ["containment", "plain"] : ["plain", "containment"];
      for (const mode of order) {
        const docs = Array.from({ length: DOCS }, (_, i) => article(mode, run, offset + i));
        const { wall, results } = await batch(server, docs, concurrency);
        const ms = results.map((r) => r.ms);
        const row: Row = {
          run,
          mode,
          concurrency,
          wall,
          p50: median(ms),
          p95: quantile(ms, 0.95),
          outcomes: [...new Set(results.map((r) => r.outcome))].join(", "),
        };
        console.log(
          `run ${run} ${mode} x${concurrency}: ${wall.toFixed(0)} ms, p50 ${row.p50.toFixed(0)}, p95 ${row.p95.toFixed(0)}, ${row.outcomes}`,
        );
        rows.push(row);
      }
      offset += DOCS;
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

buildAsShipped();
const rows: Row[] = [];
for (let run = 1; run <= RUNS; run++) rows.push(...(await measure(run)));

const pick = (mode: Mode, concurrency: number, f: (r: Row) => number) =>
  median(rows.filter((r) => r.mode === mode && r.concurrency === concurrency).map(f));
const ratio = (concurrency: number, f: (r: Row) => number) =>
  (pick("containment", concurrency, f) / pick("plain", concurrency, f)).toFixed(2);

const report = [
  "# What the containment lock costs (`npm run bench:containment`)",
  "",
  `Run ${new Date().toISOString()}, Node ${process.version}, ${RUNS} runs. The built server as \`npm start\` runs it, on a fresh embedded Neo4j per run: ${DOCS} articles ingested with ${CONCURRENCY} in flight, then ${DOCS} more one at a time, in each mode; every article names its own place, nation and mission, and the modes differ in one relation: "containment" states the place LOCATED_IN the nation (so each write checks for a cycle and takes the containment lock), "plain" states the nation HOSTS the mission (no check, no lock). A batch of four of each mode at each concurrency ran first, unmeasured, so that every statement is planned (a first batch of containment writes on a fresh server took 3-4 times as long as later ones).`,
  "",
  `Medians over the runs, containment over plain: with ${CONCURRENCY} in flight, wall time ${ratio(CONCURRENCY, (r) => r.wall)}x, latency p50 ${ratio(CONCURRENCY, (r) => r.p50)}x, p95 ${ratio(CONCURRENCY, (r) => r.p95)}x; one at a time, wall time ${ratio(1, (r) => r.wall)}x, p50 ${ratio(1, (r) => r.p50)}x.`,
  "",
  "| run | mode | in flight | wall, ms | p50, ms | p95, ms | outcomes |",
  "| --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map(
    (r) =>
      `| ${r.run} | ${r.mode} | ${r.concurrency} | ${r.wall.toFixed(0)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.outcomes} |`,
  ),
  "",
];
writeFileSync(values.out, report.join("\n"));
console.log(report[4]);
console.log(`report: ${values.out}`);
