/**
 * `npx tsx bench/profile.ts gcflags --op pageTotal ["--a=<node flags>"] ["--b=<node flags>"]`: ours
 * under two sets of Node flags, both running, timed in alternating windows (paired).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { generateToken } from "../../src/auth/tokens.js";
import { concurrencyN, cpuMs, sampleRss, type Target } from "../load.js";
import { type BenchNeo4j, PROJECT_ROOT } from "../neo4j.js";
import type { Fixtures } from "../operations.js";
import { stat } from "../report.js";
import { type RunningServer, SHIPPED_NODE_FLAGS, startServer } from "../servers/spawn.js";
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
 * Ours under two sets of Node flags (by default: as shipped without, and with, the old
 * generation's growing factor), both servers up at once, timed in alternating windows at
 * concurrency 16 on one operation (the order swapping every pair), so that both meet the same
 * moments of the machine: its speed drifts by a third from one minute to the next, more than
 * most flags change. Per window: req/s, p50, p99, the server's CPU per request; per server: GC
 * pauses by kind (bench/gc-stats.cjs) and peak RSS. The medians of the per-pair ratios (B over
 * A) are the result.
 */
export async function gcFlags(neo: BenchNeo4j, fx: Fixtures) {
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
      const t = targetFor({ server: "ours", port: s.port, op, fx, token });
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
