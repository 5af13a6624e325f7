/**
 * What the profiler's commands share: the command line, where results go, the operation chosen, the
 * writer's token, the CPU report, GC pause counts, a plan's db hits.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { ProfiledPlan } from "neo4j-driver";
import { type CpuProfile, flamePng, selfTime } from "../flamegraph.js";
import { PROJECT_ROOT } from "../neo4j.js";
import { BENCH_WRITER, OPERATIONS } from "../operations.js";
import { formatJson } from "../report.js";

export const { values: args, positionals } = parseArgs({
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
    cpu: { type: "boolean" },
    /** The first of the (up to two) HTTP ports `reads` starts builds on (default 4791). */
    "http-port": { type: "string" },
  },
});

export const outDir = args.out ?? join(PROJECT_ROOT, "bench/results/profile");

export const log = (m: string) => console.log(`[profile] ${m}`);

/** The operation named by --op (or `fallback`), or an error naming the unknown one. */
export function chosenOperation(fallback: string) {
  const opId = args.op ?? fallback;
  const op = OPERATIONS.find((o) => o.id === opId);
  if (!op) throw new Error(`unknown op ${opId}`);
  return { opId, op };
}

/** The API_TOKENS value that lets the bench's writer token (its hash given) run mutations. */
export function writerTokens(sha256: string): string {
  return JSON.stringify([{ name: BENCH_WRITER, sha256, scopes: ["write"] }]);
}

export const dbHitsOf = (p: ProfiledPlan): number =>
  p.dbHits + p.children.reduce((a, c) => a + dbHitsOf(c), 0);

export function writeCpuReport(profile: CpuProfile, name: string, title: string) {
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

type GcPauses = Record<string, { count: number; ms: number }>;

/** The GC pauses between two readings, by kind: count, and µs per request over `requests`. */
export function pausesSince(before: GcPauses, after: GcPauses, requests: number): string {
  return Object.entries(after)
    .map(([k, v]) => {
      const b = before[k] ?? { count: 0, ms: 0 };
      return `${k} ${v.count - b.count}, ${Math.round(((v.ms - b.ms) / requests) * 1000)}`;
    })
    .join("; ");
}

export function readPauses(file: string): GcPauses {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as GcPauses;
  } catch {
    return {};
  }
}
