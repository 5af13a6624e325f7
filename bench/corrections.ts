/**
 * `npm run bench:corrections [-- --runs N] [--writes W] [--concurrency C] [--out FILE]
 * [--bolt-port B] [--port P]`: writes on
 * sources that share their entities, as corrections stream in (redteam22). C clients send W
 * writes in all, each one of: ingest a new version of the article superseding a stored one,
 * retract a stored version, restore one; every version makes claims on the same eight places, so
 * every write locks all of them. The built server as `npm start` runs it, on a fresh embedded
 * Neo4j per run; a few writes first, unmeasured, so that every statement is planned. Reports, per
 * run, how many writes answered SERVICE_UNAVAILABLE (a write that deadlocked each time it was
 * tried) or another error, and the latency of all of them. Writes bench/results/corrections.md.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { mulberry32 } from "../src/generate/documents.js";
import { PROJECT_ROOT } from "./neo4j.js";
import { buildAsShipped, ShippedApi } from "./soak/shipped.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    writes: { type: "string", default: "200" },
    concurrency: { type: "string", default: "10" },
    out: { type: "string", default: join(PROJECT_ROOT, "bench", "results", "corrections.md") },
    "bolt-port": { type: "string", default: "7798" },
    /** The server's HTTP port; a free one when not given. */
    port: { type: "string" },
  },
});
const RUNS = Number(values.runs);
const WRITES = Number(values.writes);
const CONCURRENCY = Number(values.concurrency);

const token = `agt_${randomBytes(32).toString("base64url").slice(0, 43)}`;
const sha256 = createHash("sha256").update(token).digest("hex");

const PLACES = Array.from({ length: 8 }, (_, i) => ({
  key: `corr-place-${i}`,
  kind: "Place",
  name: `Correction Place ${i}`,
}));

/** A version of the article: a source of its own making claims on every one of the places. */
const version = (key: string) => ({
  source: {
    key,
    name: `Correction ${key}`,
    properties: { title: key, publisher: "Corrections", publishedAt: "2024-01-02", text: key },
  },
  entities: PLACES,
});

const INGEST = `mutation ($d: JSONObject!, $s: String) { ingestDocument(document: $d, supersedes: $s) {
  __typename } }`;
const RETRACT = `mutation ($k: String!, $r: Boolean) { retractSource(key: $k, retracted: $r) {
  __typename } }`;

/**
 * Draws below n from the project's seeded generator (mulberry32, src/generate/documents.ts), so
 * every run sends the same writes: its 32-bit output, scaled back to the integer, modulo n.
 */
function generator(seed: number) {
  const next = mulberry32(seed);
  return (n: number) => (next() * 4_294_967_296) % n;
}

/** ms and outcome (the result's __typename, or the error's code) of one request. */
async function timed(server: ShippedApi, query: string, variables: Record<string, unknown>) {
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: Record<string, { __typename: string } | null> | null;
    errors?: { extensions?: { code?: string } }[];
  };
  const answer = body.data ? Object.values(body.data)[0] : undefined;
  return {
    ms: performance.now() - started,
    outcome: answer?.__typename ?? body.errors?.[0]?.extensions?.code ?? "no answer",
  };
}

/** `writes` writes from `clients` clients, on versions keyed under `prefix`. */
async function stream(server: ShippedApi, prefix: string, writes: number, clients: number) {
  const made: string[] = [];
  for (const i of [0, 1, 2]) {
    const key = `${prefix}-v${i}`;
    const r = await timed(server, INGEST, { d: version(key) });
    if (r.outcome !== "IngestDocumentSuccess") throw new Error(`the first versions: ${r.outcome}`);
    made.push(key);
  }
  const random = generator(7);
  const results: { kind: string; ms: number; outcome: string }[] = [];
  let next = 3;
  let sent = 0;
  const one = async () => {
    const what = random(3);
    const key = made[random(made.length)] as string;
    if (what === 0) {
      const fresh = `${prefix}-v${next++}`;
      const r = await timed(server, INGEST, { d: version(fresh), s: key });
      if (r.outcome === "IngestDocumentSuccess") made.push(fresh);
      results.push({ kind: "supersede", ...r });
    } else {
      const r = await timed(server, RETRACT, { k: key, r: what === 1 });
      results.push({ kind: what === 1 ? "retract" : "restore", ...r });
    }
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (sent < writes) {
        sent++;
        await one();
      }
    }),
  );
  return { wall: performance.now() - started, results };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

interface Row {
  run: number;
  wall: number;
  p50: number;
  p95: number;
  max: number;
  unavailable: number;
  /** Retractions and restores among the writes, and how many of them answered SERVICE_UNAVAILABLE. */
  retractions: number;
  retractionsUnavailable: number;
  outcomes: string;
}

async function measure(run: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), "corrections-"));
  symlinkSync(join(PROJECT_ROOT, ".neo4j", "lib"), join(dir, "lib"));
  const server = await ShippedApi.start({
    local: { dir, boltPort: Number(values["bolt-port"]) },
    apiTokens: JSON.stringify([
      { name: "corrections", sha256, scopes: ["read", "write", "admin"] },
    ]),
    logPath: join(dir, "server.log"),
    clock: () => 0,
    ...(values.port ? { port: Number(values.port) } : {}),
  });
  try {
    // Unmeasured: the first writes of a fresh server plan their statements.
    await stream(server, `warm${run}`, 12, 2);
    const { wall, results } = await stream(server, `corr${run}`, WRITES, CONCURRENCY);
    const ms = results.map((r) => r.ms);
    const retractions = results.filter((r) => r.kind !== "supersede");
    const counts = new Map<string, number>();
    for (const r of results) {
      const key = `${r.kind} ${r.outcome}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const row: Row = {
      run,
      wall,
      p50: quantile(ms, 0.5),
      p95: quantile(ms, 0.95),
      max: Math.max(...ms),
      unavailable: results.filter((r) => r.outcome === "SERVICE_UNAVAILABLE").length,
      retractions: retractions.length,
      retractionsUnavailable: retractions.filter((r) => r.outcome === "SERVICE_UNAVAILABLE").length,
      outcomes: [...counts]
        .sort()
        .map(([k, n]) => `${k}: ${n}`)
        .join(", "),
    };
    console.log(
      `run ${run}: ${row.unavailable} of ${WRITES} SERVICE_UNAVAILABLE, p50 ${row.p50.toFixed(0)} ms, p95 ${row.p95.toFixed(0)} ms; ${row.outcomes}`,
    );
    return row;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

buildAsShipped();
const rows: Row[] = [];
for (let run = 1; run <= RUNS; run++) rows.push(await measure(run));

const sum = (f: (r: Row) => number) => rows.reduce((a, r) => a + f(r), 0);
const report = [
  "# Corrections on sources that share their entities (`npm run bench:corrections`)",
  "",
  `Run ${new Date().toISOString()}, Node ${process.version}, ${RUNS} runs. The built server as \`npm start\` runs it, on a fresh embedded Neo4j per run: ${CONCURRENCY} clients send ${WRITES} writes in all, each a supersede (a new version of the article, superseding a stored one), a retraction or a restore of a stored version, drawn by a seeded generator (the same writes every run); every version makes claims on the same eight places. Twelve writes ran first, unmeasured, so that every statement is planned.`,
  "",
  `In all: ${sum((r) => r.unavailable)} of ${WRITES * RUNS} writes answered SERVICE_UNAVAILABLE (${sum((r) => r.retractionsUnavailable)} of ${sum((r) => r.retractions)} retractions and restores).`,
  "",
  "| run | wall, ms | p50, ms | p95, ms | max, ms | SERVICE_UNAVAILABLE | outcomes |",
  "| --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map(
    (r) =>
      `| ${r.run} | ${r.wall.toFixed(0)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.max.toFixed(0)} | ${r.unavailable} | ${r.outcomes} |`,
  ),
  "",
];
writeFileSync(values.out, report.join("\n"));
console.log(report[4]);
console.log(`report: ${values.out}`);
