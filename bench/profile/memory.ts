/**
 * `npx tsx bench/profile.ts memory`: our RSS idle and under load, by Node heap flags.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateToken } from "../../src/auth/tokens.js";
import { concurrencyN, rssMb, sampleRss } from "../load.js";
import { type Fixtures, OPERATIONS } from "../operations.js";
import { SHIPPED_NODE_FLAGS, startServer } from "../servers/spawn.js";
import { targetFor } from "../targets.js";
import { args, log, outDir, writerTokens } from "./common.js";

/**
 * Where our resident memory goes: each server idle, then under load (c16 on the nesting, then
 * the lookup), with Node's default heap settings and, for ours, with smaller young and old
 * generations (the flags `npm start` and the image use, and smaller ones).
 */
export async function memory(
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
        const t = op ? targetFor({ server: c.server, port: s.port, op, fx, token }) : null;
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
