/**
 * `npm run bench:first-write [-- --runs N] [--out FILE]`: how long an article's first ingest takes
 * right after the server starts, the moment a new user meets it. The built server, as `npm start`
 * runs it, on a fresh embedded Neo4j (seeded from the article at its first start): the first
 * ingestDocument after that start, then after a restart on the same graph (nothing seeded, so
 * Neo4j has planned nothing yet but what the start-up plans), then a second ingest for comparison.
 * Each of these is a different tune article (test/fixtures/extract/tune/), so no write restates
 * another. Writes bench/results/first-write.md.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { PROJECT_ROOT } from "./neo4j.js";
import { buildAsShipped, ShippedApi, timedIngest } from "./soak/shipped.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    out: { type: "string", default: join(PROJECT_ROOT, "bench", "results", "first-write.md") },
    "bolt-port": { type: "string", default: "7798" },
  },
});
const RUNS = Number(values.runs);

const TUNE = join(PROJECT_ROOT, "test", "fixtures", "extract", "tune");
const articles = readdirSync(TUNE)
  .filter((f) => f.endsWith(".yaml"))
  .sort()
  .map((f) => ({
    name: f.replace(/\.yaml$/, ""),
    doc: parse(readFileSync(join(TUNE, f), "utf8")),
  }));
if (articles.length < 3) throw new Error(`first-write needs three tune articles in ${TUNE}`);

const token = `agt_${randomBytes(32).toString("base64url").slice(0, 43)}`;
const sha256 = createHash("sha256").update(token).digest("hex");

const ingest = (server: ShippedApi, doc: unknown) => timedIngest(server, token, doc);

interface Run {
  fresh: number;
  restart: number;
  second: number;
  outcomes: string[];
  warmUp: string;
}

/** One start on a fresh graph and one restart, with the warm-up on or off. */
async function measure(warmUp: boolean): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "first-write-"));
  symlinkSync(join(PROJECT_ROOT, ".neo4j", "lib"), join(dir, "lib"));
  const start = () =>
    ShippedApi.start({
      local: { dir, boltPort: Number(values["bolt-port"]) },
      env: { WARM_UP_WRITES: String(warmUp) },
      apiTokens: JSON.stringify([{ name: "first-write", sha256, scopes: ["read", "write"] }]),
      logPath: join(dir, "server.log"),
      clock: () => 0,
    });
  try {
    const fresh = await start();
    const first = await ingest(fresh, a.doc);
    await fresh.stop();
    const restarted = await start();
    const planned =
      /Planned the write statements[^"]*/.exec(
        readFileSync(join(dir, "server.log"), "utf8"),
      )?.[0] ?? "none";
    const afterRestart = await ingest(restarted, b.doc);
    const second = await ingest(restarted, c.doc);
    await restarted.stop();
    return {
      fresh: first.ms,
      restart: afterRestart.ms,
      second: second.ms,
      outcomes: [first.outcome, afterRestart.outcome, second.outcome],
      warmUp: planned,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const [a, b, c] = articles as [(typeof articles)[0], (typeof articles)[0], (typeof articles)[0]];
buildAsShipped();
const runs: { on: Run[]; off: Run[] } = { on: [], off: [] };
const rows: string[] = [];
for (let run = 1; run <= RUNS; run++) {
  // Alternate which mode goes first, so that neither always meets a cooler machine.
  for (const warmUp of run % 2 ? [true, false] : [false, true]) {
    const r = await measure(warmUp);
    (warmUp ? runs.on : runs.off).push(r);
    const line = `| ${run} | ${warmUp ? "on" : "off"} | ${r.fresh.toFixed(0)} | ${r.restart.toFixed(0)} | ${r.second.toFixed(0)} | ${[...new Set(r.outcomes)].join(", ")} | ${r.warmUp} |`;
    console.log(line);
    rows.push(line);
  }
}
const ratio = (f: (r: Run) => number) =>
  (median(runs.off.map(f)) / median(runs.on.map(f))).toFixed(2);

const report = [
  "# The first write after a start (`npm run bench:first-write`)",
  "",
  `Run ${new Date().toISOString()}, Node ${process.version}, ${RUNS} runs of each mode, alternating. The built server as \`npm start\` runs it, on a fresh embedded Neo4j each time: ms of the first ingestDocument after the first start (${a.name}), of the first after a restart on the same graph (${b.name}: nothing is seeded then, so Neo4j has planned only what the start-up planned), and of the second after it (${c.name}). The warm-up (\`WARM_UP_WRITES\`, on by default) plans the write statements before the server serves. The transaction limit is 8,000 ms (QUERY_TIMEOUT_MS).`,
  "",
  `Medians, without the warm-up over with it: first after a fresh start ${ratio((r) => r.fresh)}x, first after a restart ${ratio((r) => r.restart)}x, second after the restart ${ratio((r) => r.second)}x.`,
  "",
  "| run | warm-up | first after a fresh start, ms | first after a restart, ms | second after the restart, ms | outcomes | the start-up's warm-up |",
  "| --- | --- | --- | --- | --- | --- | --- |",
  ...rows,
  "",
];
writeFileSync(values.out, report.join("\n"));
console.log(report[4]);
console.log(`report: ${values.out}`);
