/**
 * `npx tsx bench/profile.ts cpu --op search`: a CPU profile of our server under load on one
 * operation (c16), as a flame graph PNG and a table.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { generateToken } from "../../src/auth/tokens.js";
import type { Db } from "../../src/db/driver.js";
import type { CpuProfile } from "../flamegraph.js";
import { concurrencyN } from "../load.js";
import type { Fixtures } from "../operations.js";
import { SHIPPED_NODE_FLAGS, startServer } from "../servers/spawn.js";
import { targetFor } from "../targets.js";
import { args, chosenOperation, log, outDir, writeCpuReport, writerTokens } from "./common.js";

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

export async function cpu(
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
    const t = targetFor({ server, port: s.port, op, fx, token });
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
