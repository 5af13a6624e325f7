/**
 * Evidence for the report, against the bench instance as it is now loaded (run `npm run bench`
 * first, with --keep-neo4j to skip the restart):
 *
 *   npx tsx bench/profile.ts plans            every operation's Cypher from all three servers,
 *                                             PROFILEd (db hits, rows, plan) and timed alone
 *   npx tsx bench/profile.ts cpu --op search  a CPU profile of our server under load on one
 *                                             operation (c16), as a flame graph PNG and a table
 *   npx tsx bench/profile.ts memory           our RSS idle and under load, by Node heap flags
 *   npx tsx bench/profile.ts overhead         each server's cost per request without any Cypher
 *   npx tsx bench/profile.ts cpusplit --op pageTotal
 *                                             CPU per request under load: the server's main
 *                                             thread, its other threads, Neo4j; GC pauses
 *   npx tsx bench/profile.ts alloc --op pageTotal
 *                                             what a request allocates, ours against the floor,
 *                                             by package and function
 *   npx tsx bench/profile.ts gcflags --op pageTotal ["--a=<node flags>"] ["--b=<node flags>"]
 *                                             ours under two sets of Node flags, both running,
 *                                             timed in alternating windows (paired)
 *   npx tsx bench/profile.ts ingest           the next document's ingest PROFILEd query by query
 *                                             in a rolled-back transaction, the same rows through
 *                                             the floor's bulk MERGE, and a CPU profile of it
 *   npx tsx bench/profile.ts txceiling         Neo4j's own transactional write rate here: the bulk
 *                                             path's rows (100k entities) as plain UNWIND CREATE
 *                                             into an empty, migrated scratch instance
 *
 * Everything is written to bench/results/profile/.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { Session as Inspector } from "node:inspector/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { graphql } from "graphql";
import type neo4j from "neo4j-driver";
import type { Driver, ProfiledPlan } from "neo4j-driver";
import { pino } from "pino";
import { generateToken } from "../src/auth/tokens.js";
import { BulkGraph, storedRelation } from "../src/data/bulk.js";
import { chunks, ingestInTx } from "../src/data/ingest.js";
import { createDb, type Db } from "../src/db/driver.js";
import type { Tx } from "../src/db/run.js";
import { toPlain } from "../src/db/serialize.js";
import { generateDocuments } from "../src/generate/documents.js";
import { createApp } from "../src/server.js";
import { ANCHOR_TYPE_DEFS } from "./anchor/typedefs.js";
import {
  BATCH,
  Corpus,
  floorMergeEntities,
  floorMergeRelations,
  floorRows,
  groupRows,
} from "./dataset.js";
import { pickFixtures } from "./fixtures.js";
import { type CpuProfile, flamePng, label, packageOf, selfTime } from "./flamegraph.js";
import { FLOOR } from "./floor/queries.js";
import { concurrency1, concurrencyN, cpuMs, rssMb, sampleRss, type Target } from "./load.js";
import { type BenchNeo4j, PROJECT_ROOT, startBenchNeo4j, startScratchNeo4j } from "./neo4j.js";
import { BENCH_WRITER, type Fixtures, OPERATIONS } from "./operations.js";
import { formatJson, stat } from "./report.js";
import { type RunningServer, SHIPPED_NODE_FLAGS, startServer } from "./servers/spawn.js";
import { targetFor } from "./targets.js";

const { values: args, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  allowPositionals: true,
  options: {
    op: { type: "string" },
    server: { type: "string" },
    seconds: { type: "string" },
    rounds: { type: "string" },
    out: { type: "string" },
    "bolt-port": { type: "string" },
    a: { type: "string" },
    b: { type: "string" },
    pairs: { type: "string" },
    entities: { type: "string" },
  },
});
const command = positionals[0] ?? "plans";
const outDir = args.out ?? join(PROJECT_ROOT, "bench/results/profile");
const log = (m: string) => console.log(`[profile] ${m}`);

/** The operation named by --op (or `fallback`), or an error naming the unknown one. */
function chosenOperation(fallback: string) {
  const opId = args.op ?? fallback;
  const op = OPERATIONS.find((o) => o.id === opId);
  if (!op) throw new Error(`unknown op ${opId}`);
  return { opId, op };
}

/** The API_TOKENS value that lets the bench's writer token (its hash given) run mutations. */
function writerTokens(sha256: string): string {
  return JSON.stringify([{ name: BENCH_WRITER, sha256, scopes: ["write"] }]);
}

interface Captured {
  cypher: string;
  params: Record<string, unknown>;
}

async function captureOurs(db: Db, fx: Fixtures, opId: string): Promise<Captured[]> {
  const op = OPERATIONS.find((o) => o.id === opId);
  if (!op) throw new Error(opId);
  const captured: Captured[] = [];
  const app = createApp({
    db,
    logger: pino({ level: "silent" }),
    onQuery: (cypher, params) => captured.push({ cypher, params }),
  });
  const res = await app.fetch("http://bench.local/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(op.ours(fx, 0)),
  });
  const json = (await res.json()) as { errors?: unknown };
  if (json.errors) throw new Error(`ours ${opId}: ${JSON.stringify(json.errors)}`);
  return captured;
}

async function captureAnchor(driver: Driver, fx: Fixtures, opId: string): Promise<Captured[]> {
  const op = OPERATIONS.find((o) => o.id === opId);
  if (!op?.anchor) return [];
  const captured: Captured[] = [];
  type AnyFn = (...a: unknown[]) => unknown;
  const wrapTx = (tx: { run: AnyFn }) =>
    new Proxy(tx, {
      get(t, p) {
        if (p === "run")
          return (cypher: string, params: Record<string, unknown>) => {
            captured.push({ cypher, params });
            return t.run(cypher, params);
          };
        const v = Reflect.get(t, p, t) as unknown;
        return typeof v === "function" ? (v as AnyFn).bind(t) : v;
      },
    });
  const proxy = new Proxy(driver, {
    get(t, p) {
      if (p === "session")
        return (cfg: object) => {
          const s = t.session(cfg);
          return new Proxy(s, {
            get(st, sp) {
              if (sp === "executeRead" || sp === "executeWrite")
                return (work: AnyFn, c: object) =>
                  (st[sp] as AnyFn)((tx: { run: AnyFn }) => work(wrapTx(tx)), c);
              const v = Reflect.get(st, sp, st) as unknown;
              return typeof v === "function" ? (v as AnyFn).bind(st) : v;
            },
          });
        };
      const v = Reflect.get(t, p, t) as unknown;
      return typeof v === "function" ? (v as AnyFn).bind(t) : v;
    },
  }) as Driver;
  const lib = new Neo4jGraphQL({ typeDefs: ANCHOR_TYPE_DEFS, driver: proxy });
  await lib.checkNeo4jCompat();
  const schema = await lib.getSchema();
  const req = op.anchor(fx, 0);
  // Once to get past the library's first-request version check, then the one that counts.
  await graphql({ schema, source: req.query, variableValues: req.variables, contextValue: {} });
  captured.length = 0;
  const r = await graphql({
    schema,
    source: req.query,
    variableValues: req.variables,
    contextValue: {},
  });
  if (r.errors) throw new Error(`anchor ${opId}: ${JSON.stringify(r.errors)}`);
  return captured;
}

function captureFloor(fx: Fixtures, opId: string): Captured[] {
  const op = OPERATIONS.find((o) => o.id === opId);
  const q = FLOOR[opId];
  if (!op || !q) return [];
  return [{ cypher: q.cypher, params: q.params(op.floor(fx, 0)) }];
}

const stripVersion = (c: string) => c.replace(/^\s*CYPHER\s+5\s*\n/, "");

function planText(p: ProfiledPlan, depth = 0): string[] {
  const args = p.arguments as Record<string, unknown>;
  const details = typeof args.Details === "string" ? ` ${args.Details.slice(0, 160)}` : "";
  const line = `${"  ".repeat(depth)}${p.operatorType} rows=${p.rows} dbHits=${p.dbHits}${details}`;
  return [line, ...p.children.flatMap((c) => planText(c, depth + 1))];
}
const dbHitsOf = (p: ProfiledPlan): number =>
  p.dbHits + p.children.reduce((a, c) => a + dbHitsOf(c), 0);

async function profileQuery(db: Db, q: Captured) {
  const session = db.driver.session({ database: db.database, defaultAccessMode: "READ" });
  try {
    const res = await session.executeRead((tx) =>
      tx.run(`PROFILE ${stripVersion(q.cypher)}`, q.params),
    );
    const plan = res.summary.profile as ProfiledPlan | false;
    // Timed alone: the same query through the driver, as the servers send it.
    const times: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      const t0 = performance.now();
      await session.executeRead((tx) => tx.run(q.cypher, q.params));
      if (i >= 5) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return {
      dbHits: plan ? dbHitsOf(plan) : 0,
      rows: plan ? plan.rows : 0,
      plan: plan ? planText(plan) : [],
      medianMs: times[Math.floor(times.length / 2)] ?? Number.NaN,
    };
  } finally {
    await session.close();
  }
}

async function plans(db: Db, fx: Fixtures) {
  const out: string[] = [
    `# Cypher plans at ${fx.size.toLocaleString("en")} entities`,
    "",
    "Every read operation's Cypher as each server sends it, PROFILEd once (db hits summed over the plan) and timed alone through the driver (median of 20 runs after 5 warm-up, in a read transaction like the servers). 'Σ ms' is the sum over the operation's round trips: the database's share of a request; the rest of a server's latency is its own work.",
    "",
    "| operation | server | round trips | Σ db hits | Σ ms (queries alone) |",
    "| --- | --- | ---: | ---: | ---: |",
  ];
  const detail: string[] = [];
  const summary: Record<string, unknown>[] = [];
  for (const op of OPERATIONS.filter((o) => !o.write)) {
    const sets: [string, Captured[]][] = [
      ["ours", await captureOurs(db, fx, op.id)],
      ["floor", captureFloor(fx, op.id)],
      ["anchor", await captureAnchor(db.driver, fx, op.id)],
    ];
    for (const [server, queries] of sets) {
      if (queries.length === 0) continue;
      let hits = 0;
      let ms = 0;
      detail.push(`## ${op.id} / ${server}`, "");
      for (const [i, q] of queries.entries()) {
        const p = await profileQuery(db, q);
        hits += p.dbHits;
        ms += p.medianMs;
        detail.push(
          `### query ${i + 1} of ${queries.length}: ${p.dbHits} db hits, ${p.rows} rows, ${p.medianMs.toFixed(2)} ms alone`,
          "",
          "```cypher",
          q.cypher.trim(),
          "```",
          "",
          `params: \`${JSON.stringify(q.params).slice(0, 400)}\``,
          "",
          "```",
          ...p.plan,
          "```",
          "",
        );
      }
      out.push(`| ${op.id} | ${server} | ${queries.length} | ${hits} | ${ms.toFixed(2)} |`);
      summary.push({ op: op.id, server, roundTrips: queries.length, dbHits: hits, ms });
      log(`${op.id} ${server}: ${queries.length} queries, ${hits} db hits, ${ms.toFixed(2)} ms`);
    }
  }
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `plans-${fx.size}.md`);
  writeFileSync(file, `${[...out, "", ...detail].join("\n")}\n`);
  writeFileSync(join(outDir, `plans-${fx.size}.json`), `${JSON.stringify(summary, null, 2)}\n`);
  formatJson(join(outDir, `plans-${fx.size}.json`));
  log(`wrote ${file}`);
}

function newestProfile(dir: string): string {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => join(dir, f))
    // --cpu-prof writes one file per thread (tsx's loader hooks run on a worker): the main
    // thread's is by far the largest.
    .sort((a, b) => statSync(b).size - statSync(a).size);
  if (!files[0]) throw new Error(`no .cpuprofile in ${dir}`);
  return files[0];
}

function writeCpuReport(profile: CpuProfile, name: string, title: string) {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${name}.png`), flamePng(profile, title));
  const t = selfTime(profile);
  const md = [
    `# ${title}`,
    "",
    `![flame graph](${name}.png)`,
    "",
    `${t.samples} samples (idle excluded).`,
    "",
    "| package | self | inclusive |",
    "| --- | ---: | ---: |",
    ...t.packages
      .slice(0, 15)
      .map(
        (p) =>
          `| ${p.pkg} | ${(p.share * 100).toFixed(1)}% | ${((t.inclusive.find((i) => i.pkg === p.pkg)?.share ?? 0) * 100).toFixed(1)}% |`,
      ),
    "",
    "| function | package | self |",
    "| --- | --- | ---: |",
    ...t.functions.map(
      (f) => `| \`${f.fn.replace(/\|/g, "\\|")}\` | ${f.pkg} | ${(f.share * 100).toFixed(1)}% |`,
    ),
    "",
  ];
  writeFileSync(join(outDir, `${name}.md`), md.join("\n"));
  writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(t, null, 2)}\n`);
  formatJson(join(outDir, `${name}.json`));
  log(`wrote ${join(outDir, `${name}.png`)} and .md`);
}

async function cpu(
  neoTarget: Db,
  target: { uri: string; user: string; password: string; database: string },
  fx: Fixtures,
) {
  const { opId, op } = chosenOperation("search");
  const server = (args.server ?? "ours") as "ours" | "anchor" | "floor";
  const seconds = Number(args.seconds ?? 8);
  const dir = join(outDir, "cpuprofiles");
  mkdirSync(dir, { recursive: true });
  const { token, sha256 } = generateToken();
  const s = await startServer(server, 4190, target, {
    nodeArgs: [
      ...(server === "ours" ? SHIPPED_NODE_FLAGS : []),
      "--cpu-prof",
      `--cpu-prof-dir=${dir}`,
    ],
    env: { API_TOKENS: writerTokens(sha256) },
  });
  try {
    const t = targetFor(server, s.port, op, fx, token);
    if (!t) throw new Error("no target");
    await concurrencyN(t, 2, 16, { next: 0 });
    const r = await concurrencyN(t, seconds, 16, { next: 100_000 });
    log(
      `${server} ${opId}: ${Math.round(r.rps)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors`,
    );
  } finally {
    await s.stop();
  }
  void neoTarget;
  const file = newestProfile(dir);
  const profile = JSON.parse(
    await import("node:fs").then((fs) => fs.readFileSync(file, "utf8")),
  ) as CpuProfile;
  writeCpuReport(
    profile,
    `cpu-${server}-${opId}-${fx.size}`,
    `CPU profile: ${server}, ${opId} at ${fx.size.toLocaleString("en")} entities, concurrency 16 for ${seconds} s`,
  );
  for (const f of readdirSync(dir)) if (f.endsWith(".cpuprofile")) rmSync(join(dir, f));
}

/**
 * What each server costs without any Cypher: ours and the anchor answer `{ __typename }` (parse,
 * validate, plugins, execute, serialise, log), the floor a POST it answers without a query.
 */
async function overhead(target: { uri: string; user: string; password: string; database: string }) {
  const seconds = Number(args.seconds ?? 3);
  const rows: string[] = [
    "# Per-request cost without Cypher",
    "",
    `Each server answers a request that sends no Cypher (ours and the anchor: \`{ __typename }\` through the whole GraphQL stack; the floor: a POST answered without a query), concurrency 1 for ${seconds} s then concurrency 16 for ${seconds} s, one server at a time.`,
    "",
    "| server | p50 c1 ms | p99 c1 ms | req/s c16 | p50 c16 ms |",
    "| --- | ---: | ---: | ---: | ---: |",
  ];
  const { sha256 } = generateToken();
  for (const [i, name] of (["ours", "floor", "anchor"] as const).entries()) {
    const s = await startServer(name, 4180 + i, target, {
      env: { API_TOKENS: writerTokens(sha256) },
    });
    try {
      const body = JSON.stringify({ query: "{ __typename }", variables: {} });
      const t = {
        port: s.port,
        path: name === "floor" ? "/floor/noop" : "/graphql",
        headers: {},
        body: () => body,
        ok: (b: string) => !b.includes('"errors"'),
      };
      await concurrencyN(t, 1, 16, { next: 0 });
      const c1 = await concurrency1(t, seconds, 30, { next: 0 });
      const c16 = await concurrencyN(t, seconds, 16, { next: 0 });
      rows.push(
        `| ${name} | ${c1.p50.toFixed(2)} | ${c1.p99.toFixed(2)} | ${Math.round(c16.rps)} | ${c16.p50.toFixed(2)} |`,
      );
      log(`${name}: c1 p50 ${c1.p50.toFixed(2)} ms, c16 ${Math.round(c16.rps)} req/s`);
    } finally {
      await s.stop();
    }
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "overhead.md"), `${rows.join("\n")}\n`);
}

type GcPauses = Record<string, { count: number; ms: number }>;

/** The GC pauses between two readings, by kind: count, and µs per request over `requests`. */
function pausesSince(before: GcPauses, after: GcPauses, requests: number): string {
  return Object.entries(after)
    .map(([k, v]) => {
      const b = before[k] ?? { count: 0, ms: 0 };
      return `${k} ${v.count - b.count}, ${Math.round(((v.ms - b.ms) / requests) * 1000)}`;
    })
    .join("; ");
}

function readPauses(file: string): GcPauses {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as GcPauses;
  } catch {
    return {};
  }
}

/**
 * Where a server's CPU goes under load: each server alone at concurrency 16 on one operation,
 * the server's CPU per request split into its main thread (JavaScript, and the GC pauses it
 * waits for) and its other threads (V8's helpers: parallel and concurrent GC, the optimising
 * compiler), Neo4j's CPU per request beside it, and the GC pauses by kind (perf_hooks, through
 * bench/gc-stats.cjs). Ours also runs with --single-threaded-gc, which moves the GC helpers'
 * work onto the main thread: what leaves "other threads" then was GC. Rounds alternate servers.
 */
async function cpuSplit(neo: BenchNeo4j, fx: Fixtures) {
  const { opId, op } = chosenOperation("pageTotal");
  const seconds = Number(args.seconds ?? 5);
  const rounds = Number(args.rounds ?? 3);
  const neoPid = Number(readFileSync(join(neo.home, "neo4j.pid"), "utf8").trim());
  const configs: { server: "ours" | "floor"; flags: string[]; env?: Record<string, string> }[] = [
    { server: "ours", flags: [...SHIPPED_NODE_FLAGS] },
    { server: "floor", flags: [] },
    { server: "ours", flags: [...SHIPPED_NODE_FLAGS, "--single-threaded-gc"] },
    { server: "ours", flags: [...SHIPPED_NODE_FLAGS], env: { LOG_LEVEL: "silent" } },
  ];
  const rows = [
    `# Where the CPU goes under load: ${opId} at ${fx.size.toLocaleString("en")} entities`,
    "",
    `\`npx tsx bench/profile.ts cpusplit --op ${opId}\`: each server alone at concurrency 16 for ${seconds} s after a 2 s warm-up, ${rounds} rounds, servers alternating. CPU per request from /proc: the server's main thread, its other threads (V8's GC helpers and optimising compiler), and Neo4j. GC pauses are the main thread's, from perf_hooks. The machine's speed drifts from round to round (Neo4j's own CPU per request moves with it), so compare servers within a round.`,
    "",
    "| round | server | node flags, env | req/s | p50 ms | p99 ms | server µs/req | main thread | other threads | Neo4j µs/req | GC pauses (count, µs/req) |",
    "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  const { token, sha256 } = generateToken();
  const statsFile = join(outDir, ".gc-stats.json");
  mkdirSync(outDir, { recursive: true });
  for (let round = 1; round <= rounds; round++) {
    for (const c of configs) {
      rmSync(statsFile, { force: true });
      const s = await startServer(c.server, 4160, neo.target, {
        nodeArgs: [...c.flags, "--require", join(PROJECT_ROOT, "bench/gc-stats.cjs")],
        env: {
          ...c.env,
          GC_STATS_FILE: statsFile,
          API_TOKENS: writerTokens(sha256),
        },
      });
      try {
        const t = targetFor(c.server, s.port, op, fx, token);
        if (!t) throw new Error("no target");
        await concurrencyN(t, 2, 16, { next: 0 });
        await sleep(600);
        const [cpu0, neo0, gc0] = [cpuMs(s.pid), cpuMs(neoPid).total, readPauses(statsFile)];
        const r = await concurrencyN(t, seconds, 16, { next: 100_000 });
        await sleep(600);
        const [cpu1, neo1, gc1] = [cpuMs(s.pid), cpuMs(neoPid).total, readPauses(statsFile)];
        const n = r.rps * seconds;
        const us = (ms: number) => Math.round((ms / n) * 1000);
        const gc = pausesSince(gc0, gc1, n);
        rows.push(
          `| ${round} | ${c.server} | ${[...c.flags, ...Object.entries(c.env ?? {}).map(([k, v]) => `${k}=${v}`)].join(" ") || "(defaults)"} | ${Math.round(r.rps)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${us(cpu1.total - cpu0.total)} | ${us(cpu1.main - cpu0.main)} | ${us(cpu1.total - cpu1.main - (cpu0.total - cpu0.main))} | ${us(neo1 - neo0)} | ${gc} |`,
        );
        log(rows[rows.length - 1] as string);
      } finally {
        await s.stop();
      }
    }
  }
  rmSync(statsFile, { force: true });
  writeFileSync(join(outDir, `cpusplit-${opId}-${fx.size}.md`), `${rows.join("\n")}\n`);
}

/**
 * Ours under two sets of Node flags (by default: as shipped without, and with, the old
 * generation's growing factor), both servers up at once, timed in alternating windows at
 * concurrency 16 on one operation (the order swapping every pair), so that both meet the same
 * moments of the machine: its speed drifts by a third from one minute to the next, more than
 * most flags change. Per window: req/s, p50, p99, the server's CPU per request; per server: GC
 * pauses by kind (bench/gc-stats.cjs) and peak RSS. The medians of the per-pair ratios (B over
 * A) are the result.
 */
async function gcFlags(neo: BenchNeo4j, fx: Fixtures) {
  const { opId, op } = chosenOperation("pageTotal");
  const seconds = Number(args.seconds ?? 2);
  const pairs = Number(args.pairs ?? 12);
  const split = (v: string) => v.split(/\s+/).filter(Boolean);
  const shippedWithout = SHIPPED_NODE_FLAGS.filter((f) => !f.startsWith("--heap-growing-percent"));
  const variants = [
    { name: "A", flags: args.a === undefined ? shippedWithout : split(args.a) },
    { name: "B", flags: args.b === undefined ? [...SHIPPED_NODE_FLAGS] : split(args.b) },
  ];
  const { token, sha256 } = generateToken();
  mkdirSync(outDir, { recursive: true });
  const running: {
    name: string;
    flags: string[];
    s: RunningServer;
    t: Target;
    statsFile: string;
    windows: { rps: number; p50: number; p99: number; cpu: number }[];
  }[] = [];
  try {
    for (const [i, v] of variants.entries()) {
      const statsFile = join(outDir, `.gc-stats-${v.name}.json`);
      rmSync(statsFile, { force: true });
      const s = await startServer("ours", 4150 + i, neo.target, {
        nodeArgs: [...v.flags, "--require", join(PROJECT_ROOT, "bench/gc-stats.cjs")],
        env: { GC_STATS_FILE: statsFile, API_TOKENS: writerTokens(sha256) },
      });
      const t = targetFor("ours", s.port, op, fx, token);
      if (!t) {
        await s.stop();
        throw new Error("no target");
      }
      running.push({ ...v, s, t, statsFile, windows: [] });
    }
    for (const r of running) await concurrencyN(r.t, 4, 16, { next: 0 });
    const gc0 = running.map((r) => readPauses(r.statsFile));
    const rss = running.map((r) => sampleRss(r.s.pid));
    for (let pair = 0; pair < pairs; pair++) {
      for (const r of pair % 2 === 0 ? running : [...running].reverse()) {
        const cpu0 = cpuMs(r.s.pid).total;
        const w = await concurrencyN(r.t, seconds, 16, { next: 100_000 });
        const cpu1 = cpuMs(r.s.pid).total;
        r.windows.push({
          rps: w.rps,
          p50: w.p50,
          p99: w.p99,
          cpu: ((cpu1 - cpu0) * 1000) / (w.rps * w.seconds),
        });
      }
    }
    const peaks = rss.map((stop) => stop().max);
    await sleep(600);
    const rows = [
      `# Node flags for ours, paired: ${opId} at ${fx.size.toLocaleString("en")} entities`,
      "",
      `\`npx tsx bench/profile.ts ${process.argv
        .slice(2)
        .map((a) => (/\s/.test(a) ? `"${a}"` : a))
        .join(
          " ",
        )}\`: both servers up at once, ${pairs} pairs of ${seconds} s windows at concurrency 16, the order swapping every pair, after 4 s of warm-up each. CPU per request from /proc (all threads); GC pauses (main thread, perf_hooks) over all windows.`,
      "",
      "| variant | node flags | req/s | p50 ms | p99 ms | server µs/req | p99 per window | GC pauses (count, µs/req) | peak RSS MB |",
      "| --- | --- | ---: | ---: | ---: | ---: | --- | --- | ---: |",
    ];
    for (const [i, r] of running.entries()) {
      const n = r.windows.reduce((a, w) => a + w.rps * seconds, 0);
      const gc = pausesSince(gc0[i] ?? {}, readPauses(r.statsFile), n);
      const m = (k: "rps" | "p50" | "p99" | "cpu") => stat(r.windows.map((w) => w[k])).median;
      rows.push(
        `| ${r.name} | ${r.flags.join(" ")} | ${Math.round(m("rps"))} | ${m("p50").toFixed(1)} | ${m("p99").toFixed(1)} | ${Math.round(m("cpu"))} | ${r.windows.map((w) => w.p99.toFixed(0)).join(", ")} | ${gc} | ${(peaks[i] ?? 0).toFixed(0)} |`,
      );
    }
    const [a, b] = running as [(typeof running)[number], (typeof running)[number]];
    const ratio = (k: "rps" | "p99" | "cpu") =>
      stat(a.windows.map((w, i) => (b.windows[i]?.[k] ?? 0) / w[k])).median.toFixed(2);
    rows.push(
      "",
      `B over A, the median of the per-pair ratios: req/s ${ratio("rps")}, p99 ${ratio("p99")}, CPU per request ${ratio("cpu")}.`,
    );
    for (const row of rows.slice(6)) log(row);
    writeFileSync(join(outDir, `gcflags-${opId}-${fx.size}.md`), `${rows.join("\n")}\n`);
  } finally {
    for (const r of running) {
      await r.s.stop();
      rmSync(r.statsFile, { force: true });
    }
  }
}

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

/** Bytes allocated by package and by function, from a sampling heap profile. */
function allocations(head: HeapNode) {
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, { pkg: string; bytes: number }>();
  const walk = (n: HeapNode) => {
    const pkg = packageOf(n.callFrame);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + n.selfSize);
    const fn = label(n.callFrame);
    const f = byFunction.get(fn) ?? { pkg, bytes: 0 };
    f.bytes += n.selfSize;
    byFunction.set(fn, f);
    for (const c of n.children) walk(c);
  };
  walk(head);
  return { byPackage, byFunction };
}

/**
 * What each request allocates: ours and the floor, each alone at concurrency 16 on one
 * operation, with V8's sampling heap profiler counting every allocation (also what the GC has
 * collected) over the timed seconds (bench/alloc-sampler.cjs), in KiB per request by package
 * and, for ours, by function. Garbage is what the GC's helpers and pauses work through, so this
 * is where ours' extra GC time comes from.
 */
async function alloc(neo: BenchNeo4j, fx: Fixtures) {
  const { opId, op } = chosenOperation("pageTotal");
  const seconds = Number(args.seconds ?? 6);
  mkdirSync(outDir, { recursive: true });
  const { token, sha256 } = generateToken();
  const results: Record<string, ReturnType<typeof allocations> & { requests: number }> = {};
  for (const server of ["ours", "floor"] as const) {
    const file = join(outDir, `.alloc-${server}.json`);
    rmSync(file, { force: true });
    const s = await startServer(server, 4161, neo.target, {
      nodeArgs: [
        ...(server === "ours" ? SHIPPED_NODE_FLAGS : []),
        "--require",
        join(PROJECT_ROOT, "bench/alloc-sampler.cjs"),
      ],
      env: {
        ALLOC_PROFILE_FILE: file,
        API_TOKENS: writerTokens(sha256),
      },
    });
    try {
      const t = targetFor(server, s.port, op, fx, token);
      if (!t) throw new Error("no target");
      await concurrencyN(t, 3, 16, { next: 0 });
      process.kill(s.pid, "SIGUSR2");
      await sleep(300);
      const r = await concurrencyN(t, seconds, 16, { next: 100_000 });
      process.kill(s.pid, "SIGUSR2");
      for (let i = 0; i < 50 && !existsSync(file); i++) await sleep(100);
      const profile = JSON.parse(readFileSync(file, "utf8")) as { head?: HeapNode };
      if (!profile.head)
        throw new Error(`no allocation profile from ${server}: ${JSON.stringify(profile)}`);
      results[server] = { ...allocations(profile.head), requests: r.rps * seconds };
      log(`${server}: ${Math.round(r.rps)} req/s`);
    } finally {
      await s.stop();
      for (const f of [file, `${file}.part`]) rmSync(f, { force: true });
    }
  }
  const ours = results.ours;
  const floor = results.floor;
  if (!ours || !floor) throw new Error("no profile");
  const kib = (bytes: number, requests: number) => (bytes / requests / 1024).toFixed(1);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const packages = [...new Set([...ours.byPackage.keys(), ...floor.byPackage.keys()])]
    .map((pkg) => ({
      pkg,
      ours: (ours.byPackage.get(pkg) ?? 0) / ours.requests,
      floor: (floor.byPackage.get(pkg) ?? 0) / floor.requests,
    }))
    .sort((a, b) => b.ours - a.ours || b.floor - a.floor);
  const rows = [
    `# What a request allocates: ${opId} at ${fx.size.toLocaleString("en")} entities`,
    "",
    `\`npx tsx bench/profile.ts alloc --op ${opId}\`: each server alone at concurrency 16, V8's sampling heap profiler counting every allocation (collected or not) for ${seconds} s after a 3 s warm-up. KiB per request; sampled every 8 KiB, so small figures are rough. (native) is code without a script: V8's builtins and graphql-jit's generated functions (\`PersonConnection__fieldedgesMapHandler\`, \`query\`).`,
    "",
    `In all: ours ${kib(total(ours.byPackage), ours.requests)} KiB a request, the floor ${kib(total(floor.byPackage), floor.requests)}.`,
    "",
    "| package | ours KiB/req | floor KiB/req |",
    "| --- | ---: | ---: |",
    ...packages
      .filter((p) => p.ours + p.floor >= 512)
      .map((p) => `| ${p.pkg} | ${(p.ours / 1024).toFixed(1)} | ${(p.floor / 1024).toFixed(1)} |`),
    "",
    "Ours, by function (the top 25):",
    "",
    "| function | package | KiB/req |",
    "| --- | --- | ---: |",
    ...[...ours.byFunction]
      .sort((a, b) => b[1].bytes - a[1].bytes)
      .slice(0, 25)
      .map(
        ([fn, f]) =>
          `| \`${fn.replace(/\|/g, "\\|")}\` | ${f.pkg} | ${kib(f.bytes, ours.requests)} |`,
      ),
    "",
  ];
  writeFileSync(join(outDir, `alloc-${opId}-${fx.size}.md`), rows.join("\n"));
  log(rows.slice(4, 6).join(" "));
}

/**
 * Where our resident memory goes: each server idle, then under load (c16 on the nesting, then
 * the lookup), with Node's default heap settings and, for ours, with smaller young and old
 * generations (the flags `npm start` and the image use, and smaller ones).
 */
async function memory(
  target: { uri: string; user: string; password: string; database: string },
  fx: Fixtures,
) {
  const seconds = Number(args.seconds ?? 5);
  const configs: { server: "ours" | "floor" | "anchor"; flags: string[] }[] = [
    { server: "ours", flags: [] },
    { server: "ours", flags: [...SHIPPED_NODE_FLAGS] },
    { server: "ours", flags: ["--max-semi-space-size=4", "--max-old-space-size=96"] },
    { server: "anchor", flags: [] },
    { server: "floor", flags: [] },
  ];
  const rows = [
    "# Resident memory: idle and under load, by Node heap settings",
    "",
    `Each server alone, RSS sampled every 100 ms: idle after start, then concurrency 16 on the nesting for ${seconds} s, then on the lookup for ${seconds} s (at ${fx.size.toLocaleString("en")} entities). All run as the API ships: compiled JavaScript under plain node.`,
    "",
    "| server | node flags | idle MB | peak under load MB | nesting req/s | lookup req/s |",
    "| --- | --- | ---: | ---: | ---: | ---: |",
  ];
  const { token, sha256 } = generateToken();
  for (const [i, c] of configs.entries()) {
    const s = await startServer(c.server, 4170 + i, target, {
      nodeArgs: c.flags,
      env: { API_TOKENS: writerTokens(sha256) },
    });
    try {
      await new Promise((r) => setTimeout(r, 1500));
      const idle = rssMb(s.pid);
      const stop = sampleRss(s.pid);
      const rps: number[] = [];
      for (const opId of ["nesting", "lookup"]) {
        const op = OPERATIONS.find((o) => o.id === opId);
        const t = op ? targetFor(c.server, s.port, op, fx, token) : null;
        if (!t) continue;
        rps.push((await concurrencyN(t, seconds, 16, { next: 0 })).rps);
      }
      const peak = stop().max;
      rows.push(
        `| ${c.server} | ${c.flags.join(" ") || "(defaults)"} | ${idle.toFixed(0)} | ${peak.toFixed(0)} | ${Math.round(rps[0] ?? 0)} | ${Math.round(rps[1] ?? 0)} |`,
      );
      log(
        `${c.server} ${c.flags.join(" ")}: idle ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, ${rps.map((x) => Math.round(x)).join(" / ")} req/s`,
      );
    } finally {
      await s.stop();
    }
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `memory-${fx.size}.md`), `${rows.join("\n")}\n`);
}

/** A Tx over an explicit transaction that PROFILEs (or just times) every query. */
function recordingTx(
  tx: neo4j.Transaction,
  profile: boolean,
  log2: { cypher: string; ms: number; dbHits: number; rows: number }[],
): Tx {
  const exec = async (cypher: string, params: Record<string, unknown> = {}) => {
    const t0 = performance.now();
    const res = await tx.run(profile ? `PROFILE ${cypher}` : cypher, params);
    const ms = performance.now() - t0;
    const plan = res.summary.profile as ProfiledPlan | false;
    log2.push({ cypher, ms, dbHits: plan ? dbHitsOf(plan) : 0, rows: res.records.length });
    return res;
  };
  return {
    async run(cypher, params) {
      const res = await exec(cypher, params);
      return res.records.map((r) => toPlain(r.toObject()) as Record<string, never>);
    },
    async runWithCounters(cypher, params) {
      const res = await exec(cypher, params);
      return {
        rows: res.records.map((r) => toPlain(r.toObject()) as Record<string, never>),
        counters: { ...res.summary.counters.updates() },
      };
    },
  };
}

const kindOfQuery = (c: string) => {
  const rel = /MERGE \(a\)-\[r:(\w+)\]->\(b\)/.exec(c);
  if (rel) return `upsert relations ${rel[1]}`;
  const created = /CREATE \(a\)-\[r:(\w+)\]->\(b\)/.exec(c);
  if (created) return `create relations ${created[1]}`;
  const ent = /SET n:(\w+), n.kind/.exec(c);
  if (ent) return `upsert entities ${ent[1]}`;
  if (c.includes("n.key IN $keys")) return "kinds of keys";
  return c.trim().split("\n")[0]?.slice(0, 60) ?? "?";
};

async function ingest(db: Db) {
  const counts = await db.driver.executeQuery(
    "MATCH (s:Source) WHERE s.key STARTS WITH 'gen-source-' RETURN count(s) AS n",
    {},
    { database: db.database },
  );
  const loaded = Number(counts.records[0]?.get("n") ?? 0);
  const docs = [
    ...generateDocuments({ entities: (loaded + 1) * BATCH, seed: 42, batchSize: BATCH }),
  ];
  const doc = docs[loaded];
  if (!doc) throw new Error("no next document");
  log(
    `document ${loaded + 1}: ${doc.entities.length} entities, ${doc.relations.length} relations (rolled back after each pass)`,
  );
  const passes: Record<string, { cypher: string; ms: number; dbHits: number; rows: number }[]> = {};
  let cpuProfile: CpuProfile | null = null;
  const timings: Record<string, number> = {};
  for (const mode of ["warm", "timed", "profiled"] as const) {
    const session = db.driver.session({ database: db.database });
    const tx = session.beginTransaction();
    const rec: { cypher: string; ms: number; dbHits: number; rows: number }[] = [];
    const inspector = new Inspector();
    try {
      if (mode === "timed") {
        inspector.connect();
        await inspector.post("Profiler.enable");
        await inspector.post("Profiler.setSamplingInterval", { interval: 200 });
        await inspector.post("Profiler.start");
      }
      const t0 = performance.now();
      await ingestInTx(recordingTx(tx, mode === "profiled", rec), structuredClone(doc), "generate");
      timings[mode] = performance.now() - t0;
      if (mode === "timed") {
        const { profile } = await inspector.post("Profiler.stop");
        cpuProfile = profile as unknown as CpuProfile;
        inspector.disconnect();
      }
    } finally {
      await tx.rollback();
      await session.close();
    }
    passes[mode] = rec;
  }
  // The floor's bulk MERGE of the same rows, in a rolled-back transaction too.
  const floorRec: { cypher: string; ms: number; dbHits: number; rows: number }[] = [];
  let floorMs = 0;
  for (const mode of ["warm", "timed"]) {
    const session = db.driver.session({ database: db.database });
    const tx = session.beginTransaction();
    try {
      const t0 = performance.now();
      const { byKind, byType, source } = floorRows(doc);
      const t = recordingTx(tx, false, mode === "timed" ? floorRec : []);
      for (const [kind, rows] of byKind) await t.run(floorMergeEntities(kind), { rows, kind });
      for (const [type, rows] of byType) await t.run(floorMergeRelations(type), { rows, source });
      if (mode === "timed") floorMs = performance.now() - t0;
    } finally {
      await tx.rollback();
      await session.close();
    }
  }
  const group = (rec: { cypher: string; ms: number; dbHits: number; rows: number }[]) => {
    const m = new Map<string, { n: number; ms: number; dbHits: number }>();
    for (const r of rec) {
      const k = kindOfQuery(r.cypher);
      const e = m.get(k) ?? { n: 0, ms: 0, dbHits: 0 };
      e.n += 1;
      e.ms += r.ms;
      e.dbHits += r.dbHits;
      m.set(k, e);
    }
    return [...m].sort((a, b) => b[1].ms - a[1].ms);
  };
  const timed = group(passes.timed ?? []);
  const profiled = new Map(group(passes.profiled ?? []));
  const cypherMs = (passes.timed ?? []).reduce((a, r) => a + r.ms, 0);
  const totalMs = timings.timed ?? Number.NaN;
  const floorCypher = floorRec.reduce((a, r) => a + r.ms, 0);
  const md = [
    `# Ingest profile: document ${loaded + 1} (${doc.entities.length} entities, ${doc.relations.length} relations) on a graph of ${loaded} documents`,
    "",
    `Ours (\`ingestInTx\`, rolled back): **${totalMs.toFixed(0)} ms** in all = ${Math.round(doc.relations.length / (totalMs / 1000)).toLocaleString("en")} relations/s; of which Cypher ${cypherMs.toFixed(0)} ms (${((cypherMs / totalMs) * 100).toFixed(0)}%) in ${(passes.timed ?? []).length} queries, the rest in Node (validation, building rows, result conversion).`,
    "",
    `The floor (plain UNWIND MERGE per kind and type, same rows, rolled back): **${floorMs.toFixed(0)} ms** = ${Math.round(doc.relations.length / (floorMs / 1000)).toLocaleString("en")} relations/s (Cypher ${floorCypher.toFixed(0)} ms).`,
    "",
    "| our query | count | ms (timed pass) | db hits (PROFILE pass) |",
    "| --- | ---: | ---: | ---: |",
    ...timed.map(
      ([k, v]) => `| ${k} | ${v.n} | ${v.ms.toFixed(0)} | ${profiled.get(k)?.dbHits ?? "–"} |`,
    ),
    "",
    "| floor query | count | ms | ",
    "| --- | ---: | ---: |",
    ...group(floorRec).map(([k, v]) => `| ${k} | ${v.n} | ${v.ms.toFixed(0)} |`),
    "",
    "CPU profile of the timed pass (Node side): [ingest-cpu.md](ingest-cpu.md).",
    "",
  ];
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "ingest.md"), md.join("\n"));
  writeFileSync(
    join(outDir, "ingest.json"),
    `${JSON.stringify({ totalMs, cypherMs, floorMs, timed, profiled: [...profiled], timings }, null, 2)}\n`,
  );
  formatJson(join(outDir, "ingest.json"));
  if (cpuProfile)
    writeCpuReport(
      cpuProfile,
      "ingest-cpu",
      `CPU profile: ingesting document ${loaded + 1} (Node side)`,
    );
  log(md.slice(0, 4).join("\n"));
}

/**
 * The ceiling of the transactional path on this machine: the rows the bulk path would import
 * (validated and merged by the same BulkGraph), written with the plainest Cypher there is:
 * UNWIND CREATE in batches of 10,000, no MERGE, no reads before writes, into an empty scratch
 * instance with the shipped constraints and indexes. The relationships are written twice: bare,
 * then (after deleting them) with their properties, to split structure from property records.
 */
async function txCeiling() {
  const entities = Number(args.entities ?? 100_000);
  const batch = 10_000;
  const corpus = new Corpus(42, entities);
  const t0 = performance.now();
  const graph = new BulkGraph();
  for (const doc of corpus.docs) graph.add(structuredClone(doc));
  const validateMs = performance.now() - t0;
  const scratch = await startScratchNeo4j(
    "txceiling",
    Number(args["bolt-port"] ?? process.env.BENCH_TXCEILING_BOLT_PORT ?? 7695),
    log,
  );
  const at = new Date().toISOString();
  const timed: { step: string; rows: number; ms: number }[] = [];
  try {
    const session = scratch.db.driver.session({ database: scratch.db.database });
    const write = async (
      step: string,
      groups: Map<string, Record<string, unknown>[]>,
      cypher: (label: string) => string,
    ) => {
      let rows = 0;
      const t = performance.now();
      for (const [label, all] of groups)
        for (const slice of chunks(all, batch)) {
          await session.executeWrite((tx) => tx.run(cypher(label), { rows: slice, at }));
          rows += slice.length;
        }
      timed.push({ step, rows, ms: performance.now() - t });
      log(`${step}: ${rows} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    };
    try {
      // Labels and types come from the vocabulary, through the BulkGraph's validated records.
      await write(
        "entities (CREATE, all properties, indexes maintained)",
        groupRows(
          graph.nodes.values(),
          (n) => n.kind,
          (n) => ({
            key: n.key,
            kind: n.kind,
            name: n.name,
            nameLower: n.name.toLowerCase(),
            aliases: n.aliases,
            description: n.description,
            ...n.properties,
            updatedBy: "txceiling",
          }),
        ),
        (kind) =>
          `UNWIND $rows AS row CREATE (n:Entity:${kind}) SET n = row, n.updatedAt = datetime($at)`,
      );
      const relations = (props: boolean) =>
        groupRows(
          graph.relations.values(),
          (r) => r.type,
          (r) => ({
            from: r.from,
            to: r.to,
            props: props ? { ...storedRelation(r), updatedBy: "txceiling" } : {},
          }),
        );
      const createRelations = (type: string) =>
        `UNWIND $rows AS row MATCH (a:Entity {key: row.from}) MATCH (b:Entity {key: row.to})
         CREATE (a)-[r:${type}]->(b) SET r = row.props, r.updatedAt = datetime($at)`;
      await write(
        "relationships, bare: only updatedAt (CREATE between keyed entities)",
        relations(false),
        createRelations,
      );
      await session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS");
      await write(
        "relationships with their properties (evidence lists, excerpts)",
        relations(true),
        createRelations,
      );
    } finally {
      await session.close();
    }
  } finally {
    await scratch.close();
  }
  const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString("en");
  const md = [
    `# The transactional ceiling: ${graph.nodes.size.toLocaleString("en")} entities and ${graph.relationCount.toLocaleString("en")} relationships as plain UNWIND CREATE`,
    "",
    `\`npx tsx bench/profile.ts txceiling\` (${at}): the ${corpus.docs.length} documents of the ${entities.toLocaleString("en")}-entity graph, validated and merged as the bulk path does (${(validateMs / 1000).toFixed(1)} s), written into an empty scratch instance with the shipped constraints and indexes, in transactions of ${batch.toLocaleString("en")} rows: the plainest Cypher there is (no MERGE, no reads of the state before), one session, as a hand-written loader would.`,
    "",
    "| step | rows | s | rows/s |",
    "| --- | ---: | ---: | ---: |",
    ...timed.map(
      (t) =>
        `| ${t.step} | ${t.rows.toLocaleString("en")} | ${(t.ms / 1000).toFixed(1)} | ${rate(t.rows, t.ms)} |`,
    ),
    "",
  ];
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "ingest-ceiling.md"), md.join("\n"));
  writeFileSync(
    join(outDir, "ingest-ceiling.json"),
    `${JSON.stringify({ at, entities, batch, validateMs, nodes: graph.nodes.size, relationships: graph.relationCount, timed }, null, 2)}\n`,
  );
  formatJson(join(outDir, "ingest-ceiling.json"));
  log(md.join("\n"));
}

async function main() {
  if (command === "txceiling") return txCeiling();
  const neo = await startBenchNeo4j({
    dir: process.env.NEO4J_LOCAL_DIR ?? join(PROJECT_ROOT, ".neo4j"),
    boltPort: Number(args["bolt-port"] ?? process.env.BENCH_NEO4J_BOLT_PORT ?? 7689),
    heap: "1g",
    pagecache: "1g",
    log,
  });
  const db = createDb(neo.target, { txTimeoutMs: 60_000 });
  try {
    const counts = await db.driver.executeQuery(
      "MATCH (n:Entity) WHERE n.key STARTS WITH 'gen-' AND NOT n:Source RETURN count(n) AS n",
      {},
      { database: db.database },
    );
    const size = Number(counts.records[0]?.get("n") ?? 0);
    log(`bench graph: ${size} entities`);
    if (command === "ingest") await ingest(db);
    else if (command === "overhead") await overhead(neo.target);
    else {
      const fx = await pickFixtures(db, size);
      if (command === "plans") await plans(db, fx);
      else if (command === "cpu") await cpu(db, neo.target, fx);
      else if (command === "memory") await memory(neo.target, fx);
      else if (command === "cpusplit") await cpuSplit(neo, fx);
      else if (command === "alloc") await alloc(neo, fx);
      else if (command === "gcflags") await gcFlags(neo, fx);
      else throw new Error(`unknown command ${command}`);
    }
  } finally {
    await db.driver.close();
    if (neo.startedHere) await neo.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
