/**
 * `npx tsx bench/profile.ts reads --a <dist> [--b <dist>] [--rounds 3] [--seconds 4]`: the read
 * operations at concurrency 1 against the API as `npm start` runs it (the build in `<dist>`, its
 * `app/src/main.js`, with the start script's Node flags and NODE_ENV=production), on the bench
 * instance as it is loaded.
 *
 * - With `--a` only: a CPU profile of that server (`--cpu-prof`) while one sequential client sends
 *   every read operation in turn; the samples before the first timed request (start-up, warm-up)
 *   are left out. Self time by package, by group (yoga and envelop, graphql-js, Pothos, ours,
 *   the driver...) and by function, and the inclusive time of the plugins' hooks.
 * - With `--a` and `--b` (two builds, e.g. a copy of main's `dist` and this branch's): both run
 *   at once and are timed paired (one client, A and B taking turns, the order alternating), per
 *   operation, for `--rounds` rounds: each round's p50 of A and B and their ratio.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { DbTarget } from "../../src/db/driver.js";
import { type CpuProfile, callTree, selfTime } from "../flamegraph.js";
import { concurrency1Paired, cpuMs, type Target } from "../load.js";
import { type Fixtures, OPERATIONS } from "../operations.js";
import { type RunningServer, SHIPPED_NODE_FLAGS, untilHealthy } from "../servers/spawn.js";
import { targetFor } from "../targets.js";
import { args, log, outDir } from "./common.js";

const READS = OPERATIONS.filter((o) => !o.write);

/** The builds' ports: HTTP_PORT alone, HTTP_PORT + 1 and + 2 paired (--http-port, default 4791). */
const HTTP_PORT = Number(args["http-port"] ?? 4791);

type Shipped = Omit<RunningServer, "name"> & { spawnedAt: number };

/** `<dist>/app/src/main.js` as `npm start` runs it, against the bench instance. */
async function startBuild(
  dist: string,
  port: number,
  target: DbTarget,
  extraFlags: string[],
): Promise<Shipped> {
  const spawnedAt = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [...SHIPPED_NODE_FLAGS, ...extraFlags, join(resolve(dist), "app/src/main.js")],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        NEO4J_URI: target.uri,
        NEO4J_USER: target.user,
        NEO4J_PASSWORD: target.password,
        NEO4J_DATABASE: target.database,
      },
      // stdout is the access log: discarded, as the bench does.
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  return { spawnedAt, ...(await untilHealthy(child, dist, port)) };
}

function target(port: number, opId: string, fx: Fixtures): Target {
  const op = READS.find((o) => o.id === opId);
  const t = op && targetFor({ server: "ours", port, op, fx, token: "" });
  if (!t) throw new Error(`no target for ${opId}`);
  return t;
}

/** Groups of packages the brief of this probe asks about. */
const GROUPS: [string, RegExp][] = [
  [
    "yoga / envelop / whatwg-node",
    /^(graphql-yoga|@graphql-yoga|@envelop|@whatwg-node|@graphql-tools)/,
  ],
  ["graphql-js", /^graphql$/],
  ["Pothos", /^@pothos/],
  ["graphql-armor", /^@escape\.tech/],
  ["neo4j-driver", /^neo4j-driver/],
  ["dataloader", /^dataloader$/],
  [
    "pino",
    /^(pino|sonic-boom|fast-redact|thread-stream|quick-format-unescaped|atomic-sleep|on-exit-leak-free|safe-stable-stringify)/,
  ],
  ["ours: src/", /^src\//],
  ["node internals", /^node:internal$/],
  ["GC", /^\(gc\)$/],
];

/** The samples after `fromMs` (ms since the profile's start): start-up and warm-up left out. */
function trimmed(profile: CpuProfile, fromMs: number): CpuProfile {
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let t = 0;
  (profile.samples ?? []).forEach((s, i) => {
    t += profile.timeDeltas?.[i] ?? 0;
    if (t / 1000 >= fromMs) {
      samples.push(s);
      timeDeltas.push(profile.timeDeltas?.[i] ?? 0);
    }
  });
  return { ...profile, samples, timeDeltas };
}

/** Inclusive share of the outermost frames whose name starts with each of `names`. */
function inclusiveOf(profile: CpuProfile, names: string[]): Map<string, number> {
  const { root, samples } = callTree(profile);
  const out = new Map<string, number>(names.map((n) => [n, 0]));
  type F = typeof root;
  const walk = (f: F, inside: Set<string>) => {
    for (const c of f.children.values()) {
      const hit = names.find((n) => c.name.startsWith(n));
      const next = new Set(inside);
      if (hit && !inside.has(hit)) {
        out.set(hit, (out.get(hit) ?? 0) + c.total / samples);
        next.add(hit);
      }
      walk(c, next);
    }
  };
  walk(root, new Set());
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function cpuProfile(dist: string, neoTarget: DbTarget, fx: Fixtures, seconds: number) {
  const dir = join(outDir, "cpuprofiles-reads");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const s = await startBuild(dist, HTTP_PORT, neoTarget, ["--cpu-prof", `--cpu-prof-dir=${dir}`]);
  let from = 0;
  let requests = 0;
  try {
    for (const op of READS)
      await concurrency1Paired([target(s.port, op.id, fx)], 1, 30, { next: 0 });
    from = performance.now() - s.spawnedAt;
    for (const op of READS) {
      const [r] = await concurrency1Paired([target(s.port, op.id, fx)], seconds, 30, { next: 0 });
      requests += r?.requests ?? 0;
      log(`${op.id}: p50 ${r?.p50.toFixed(2)} ms, ${r?.requests} requests, ${r?.errors} errors`);
    }
  } finally {
    await s.stop();
  }
  summarise(dir, from, requests);
}

/** The self-time report of the profile in `dir`, from `fromMs` on. */
function summarise(dir: string, from: number, requests: number) {
  const file = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!file) throw new Error("no profile");
  const profile = trimmed(JSON.parse(readFileSync(file, "utf8")) as CpuProfile, from);
  // Kept for a closer look (e.g. in Chrome's DevTools): the requests' samples only.
  writeFileSync(join(dir, "reads.cpuprofile"), JSON.stringify(profile));
  rmSync(file);
  const t = selfTime(profile);
  const sampleMs =
    (profile.timeDeltas ?? []).reduce((a, b) => a + b, 0) / 1000 / (profile.samples?.length || 1);
  console.log(
    `\n${t.samples} busy samples (~${((t.samples * sampleMs * 1000) / requests).toFixed(0)} µs of busy main-thread time per request over ${requests} requests)`,
  );
  console.log("\nself time by group:");
  for (const [name, re] of GROUPS) {
    const share = t.packages.filter((p) => re.test(p.pkg)).reduce((a, p) => a + p.share, 0);
    console.log(`  ${name.padEnd(30)} ${pct(share)}`);
  }
  console.log("\nself time by package:");
  for (const p of t.packages.slice(0, 25)) console.log(`  ${p.pkg.padEnd(40)} ${pct(p.share)}`);
  console.log("\nself time by function:");
  for (const f of t.functions) console.log(`  ${pct(f.share).padStart(6)}  ${f.fn} [${f.pkg}]`);
  console.log("\ninclusive:");
  const hooks = inclusiveOf(profile, [
    "refusal complexity.js",
    "complexityFromQuery",
    "validate ",
    "parse ",
    "execute ",
    "checkKeys",
    "createContext",
    "onRequestParse",
    "handleNodeRequest",
    "runRead",
    "write ",
    "asJson",
    "stringify",
  ]);
  for (const [n, share] of hooks) console.log(`  ${n.padEnd(30)} ${pct(share)}`);
}

async function abTimed(
  a: string,
  b: string,
  neoTarget: DbTarget,
  fx: Fixtures,
  rounds: number,
  seconds: number,
) {
  // With --cpu: both profiled (--cpu-prof) through the same paired requests, for self-time
  // shares taken in the same seconds.
  const dirs = [join(outDir, "cpuprofiles-a"), join(outDir, "cpuprofiles-b")];
  const flags = (dir: string) => {
    if (!args.cpu) return [];
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return ["--cpu-prof", `--cpu-prof-dir=${dir}`];
  };
  const A = await startBuild(a, HTTP_PORT + 1, neoTarget, flags(dirs[0] as string));
  const B = await startBuild(b, HTTP_PORT + 2, neoTarget, flags(dirs[1] as string));
  let from = [0, 0];
  let requests = [0, 0];
  const rows: Record<
    string,
    { a: number; b: number; ratio: number; cpuA: number; cpuB: number; cpuRatio: number }[]
  > = {};
  try {
    for (const op of READS) {
      // Warm-up, untimed.
      await concurrency1Paired([target(A.port, op.id, fx), target(B.port, op.id, fx)], 2, 30, {
        next: 0,
      });
    }
    from = [performance.now() - A.spawnedAt, performance.now() - B.spawnedAt];
    for (let round = 1; round <= rounds; round++) {
      for (const op of READS) {
        const before = [cpuMs(A.pid).total, cpuMs(B.pid).total];
        const [ra, rb] = await concurrency1Paired(
          [target(A.port, op.id, fx), target(B.port, op.id, fx)],
          seconds,
          30,
          { next: 0 },
        );
        if (!ra || !rb || ra.errors || rb.errors)
          throw new Error(`${op.id}: errors ${ra?.firstError} ${rb?.firstError}`);
        requests = [(requests[0] as number) + ra.requests, (requests[1] as number) + rb.requests];
        // CPU per request (all threads, µs): the machine's load moves it much less than latency.
        const cpuA = ((cpuMs(A.pid).total - (before[0] as number)) * 1000) / ra.requests;
        const cpuB = ((cpuMs(B.pid).total - (before[1] as number)) * 1000) / rb.requests;
        const cell = {
          a: ra.p50,
          b: rb.p50,
          ratio: rb.p50 / ra.p50,
          cpuA,
          cpuB,
          cpuRatio: cpuB / cpuA,
        };
        rows[op.id] = [...(rows[op.id] ?? []), cell];
        log(
          `round ${round} ${op.id}: A ${cell.a.toFixed(2)} ms, B ${cell.b.toFixed(2)} ms, B/A ${cell.ratio.toFixed(3)}; CPU/request A ${cpuA.toFixed(0)} µs, B ${cpuB.toFixed(0)} µs, B/A ${cell.cpuRatio.toFixed(3)} (${ra.requests}+${rb.requests} requests)`,
        );
      }
    }
  } finally {
    await A.stop();
    await B.stop();
  }
  if (args.cpu)
    for (const [k, name] of ["A", "B"].entries()) {
      console.log(`\n== ${name}`);
      summarise(dirs[k] as string, from[k] as number, requests[k] as number);
    }
  const median = (xs: number[]) => {
    const s = [...xs].sort((x, y) => x - y);
    return s[Math.floor((s.length - 1) / 2)] as number;
  };
  console.log(
    "\n| operation | p50 A / B (ms) | p50 B/A, median (rounds) | CPU/request A / B (µs) | CPU B/A, median (rounds) |",
  );
  console.log("| --- | ---: | --- | ---: | --- |");
  const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(", ");
  for (const [op, cells] of Object.entries(rows)) {
    console.log(
      `| ${op} | ${median(cells.map((c) => c.a)).toFixed(2)} / ${median(cells.map((c) => c.b)).toFixed(2)} | ${median(cells.map((c) => c.ratio)).toFixed(2)} (${list(cells.map((c) => c.ratio))}) | ${median(cells.map((c) => c.cpuA)).toFixed(0)} / ${median(cells.map((c) => c.cpuB)).toFixed(0)} | ${median(cells.map((c) => c.cpuRatio)).toFixed(2)} (${list(cells.map((c) => c.cpuRatio))}) |`,
    );
  }
}

export async function reads(neoTarget: DbTarget, fx: Fixtures) {
  const a = args.a;
  if (!a) throw new Error("--a <dist folder> is required");
  const seconds = Number(args.seconds ?? 4);
  if (args.b) await abTimed(a, args.b, neoTarget, fx, Number(args.rounds ?? 3), seconds);
  else await cpuProfile(a, neoTarget, fx, seconds);
}
