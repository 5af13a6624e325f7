/**
 * `npx tsx bench/profile.ts alloc --op pageTotal`: what a request allocates, ours against the
 * floor, by package and function.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { generateToken } from "../../src/auth/tokens.js";
import { label, packageOf } from "../flamegraph.js";
import { concurrencyN } from "../load.js";
import { type BenchNeo4j, PROJECT_ROOT } from "../neo4j.js";
import type { Fixtures } from "../operations.js";
import { SHIPPED_NODE_FLAGS, startServer } from "../servers/spawn.js";
import { targetFor } from "../targets.js";
import { args, chosenOperation, log, outDir, writerTokens } from "./common.js";

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
export async function alloc(neo: BenchNeo4j, fx: Fixtures) {
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
      const t = targetFor({ server, port: s.port, op, fx, token });
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
