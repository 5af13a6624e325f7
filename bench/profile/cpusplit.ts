/**
 * `npx tsx bench/profile.ts cpusplit --op pageTotal`: CPU per request under load: the server's main
 * thread, its other threads, Neo4j; GC pauses.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { generateToken } from "../../src/auth/tokens.js";
import { concurrencyN, cpuMs } from "../load.js";
import { type BenchNeo4j, PROJECT_ROOT } from "../neo4j.js";
import type { Fixtures } from "../operations.js";
import { SHIPPED_NODE_FLAGS, startServer } from "../servers/spawn.js";
import { targetFor } from "../targets.js";
import {
  args,
  chosenOperation,
  log,
  outDir,
  pausesSince,
  readPauses,
  writerTokens,
} from "./common.js";

/**
 * Where a server's CPU goes under load: each server alone at concurrency 16 on one operation,
 * the server's CPU per request split into its main thread (JavaScript, and the GC pauses it
 * waits for) and its other threads (V8's helpers: parallel and concurrent GC, the optimising
 * compiler), Neo4j's CPU per request beside it, and the GC pauses by kind (perf_hooks, through
 * bench/gc-stats.cjs). Ours also runs with --single-threaded-gc, which moves the GC helpers'
 * work onto the main thread: what leaves "other threads" then was GC. Rounds alternate servers.
 */
export async function cpuSplit(neo: BenchNeo4j, fx: Fixtures) {
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
        const t = targetFor({ server: c.server, port: s.port, op, fx, token });
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
