/** The soak's verdict and figures: judged from the tallies, printed, and written as JSON. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { OutageTimeline } from "./outage.js";
import { overlaps, percentile, type Tally, type TimeWindow } from "./tally.js";

/** What the run was asked to do. */
export interface RunInfo {
  id: string;
  startedAt: string;
  /** --duration. */
  durationS: number;
  /** How long the load really ran: longer when the outage outlasted --duration. */
  loadS: number;
  connections: number;
  writers: number;
  restart: boolean;
  boltPort: number;
}

/** One write attempt. */
export interface WriteRecord {
  key: string;
  /** HTTP 200 and CreateEntitySuccess for this key. */
  acked: boolean;
  /** When it completed, in ms since the load began. */
  at: number;
  ms: number;
}

/** One read's latency as autocannon measured it. */
export interface ReadSample {
  at: number;
  ms: number;
}

/** What autocannon reported for the reads. */
export interface ReadStats {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  requestsPerSecond: number;
  errors: number;
  timeouts: number;
}

/** Everything judge() needs. */
export interface Observations {
  run: RunInfo;
  /** How long the load really ran (ms). */
  loadMs: number;
  tally: Tally;
  reads: ReadStats;
  readSamples: readonly ReadSample[];
  writes: readonly WriteRecord[];
  /** The keys found in Neo4j afterwards, or why they could not be read. */
  stored: ReadonlySet<string> | { error: string };
  outage: OutageTimeline | null;
  serverLog: { file: string; lines: number };
}

/** After recovery, responses may still be settling (pooled connections being replaced). */
export const GRACE_MS = 2_000;

const s = (ms: number | null) => (ms === null ? null : Math.round(ms / 10) / 100);
const round = (n: number) => Math.round(n * 10) / 10;

/** The window in which errors are expected: from the stop until recovery plus the grace. */
export function outageWindow(outage: OutageTimeline | null): TimeWindow | undefined {
  if (!outage) return undefined;
  return {
    from: outage.stopAt,
    to: outage.recoveredAt === null ? Number.POSITIVE_INFINITY : outage.recoveredAt + GRACE_MS,
  };
}

const latencies = (samples: readonly { at: number; ms: number }[], window?: TimeWindow) => {
  const ms = samples.filter((x) => !overlaps(x, window)).map((x) => x.ms);
  return { p50: round(percentile(ms, 50)), p99: round(percentile(ms, 99)), count: ms.length };
};

/** Judges the run and gathers every figure of the report. */
export function judge(o: Observations) {
  const failures: string[] = [];
  const warnings: string[] = [];
  const window = outageWindow(o.outage);

  const acked = o.writes.filter((w) => w.acked);
  let lostKeys: string[] = [];
  let unackedButStored = 0;
  if ("error" in o.stored) {
    failures.push(`the writes could not be verified: ${o.stored.error}`);
  } else {
    const stored = o.stored;
    lostKeys = acked.filter((w) => !stored.has(w.key)).map((w) => w.key);
    unackedButStored = o.writes.filter((w) => !w.acked && stored.has(w.key)).length;
  }
  if (lostKeys.length > 0)
    failures.push(
      `${lostKeys.length} acknowledged write(s) are missing from Neo4j, e.g. ${lostKeys.slice(0, 5).join(", ")}`,
    );
  // Without a single acknowledged write, "no write lost" would be a vacuous pass.
  if (o.run.writers > 0 && acked.length === 0)
    failures.push("no write was acknowledged, so durability was not checked");
  if ((o.tally.byCode.ok ?? 0) === 0) failures.push("no request succeeded");

  const fivexx = o.tally.serverErrors(window);
  if (fivexx.outside.length > 0) {
    const first = fivexx.outside[0];
    failures.push(
      `${fivexx.outside.length} 5xx response(s) outside the outage window (first: HTTP ${first?.status} ${first?.code} at ${s(first?.at ?? 0)} s)`,
    );
  }
  if (o.outage?.error) failures.push(`the restart did not complete: ${o.outage.error}`);

  const codesOutside = o.tally.codesOutside(window);
  if (Object.keys(codesOutside).length > 0)
    warnings.push(
      `errors outside the outage window: ${Object.entries(codesOutside)
        .map(([code, n]) => `${code} ${n}`)
        .join(", ")}`,
    );
  if (o.outage?.recoveredAt != null && o.outage.recoveredAt + GRACE_MS > o.loadMs)
    warnings.push(
      "the load ended before recovery plus grace: nothing was measured after it (use a longer --duration)",
    );
  if (o.serverLog.lines > 0)
    warnings.push(
      `the server logged ${o.serverLog.lines} warning/error line(s): ${o.serverLog.file}`,
    );

  const outage = o.outage
    ? {
        stopAtS: s(o.outage.stopAt),
        neo4jDownAtS: s(o.outage.downAt),
        restartAtS: s(o.outage.restartAt),
        neo4jUpAtS: s(o.outage.upAt),
        recoveredAtS: s(o.outage.recoveredAt),
        windowFromS: s(window?.from ?? null),
        windowToS: window && Number.isFinite(window.to) ? s(window.to) : null,
        timeToRecoverMs:
          o.outage.recoveredAt !== null && o.outage.restartAt !== null
            ? Math.round(o.outage.recoveredAt - o.outage.restartAt)
            : null,
        outageMs:
          o.outage.recoveredAt !== null ? Math.round(o.outage.recoveredAt - o.outage.stopAt) : null,
        serverErrorsInside: fivexx.inside.length,
        serverErrorsOutside: fivexx.outside.length,
        error: o.outage.error,
      }
    : null;

  const loadS = o.loadMs / 1000;
  return {
    passed: failures.length === 0,
    failures,
    warnings,
    run: o.run,
    requests: {
      total: o.tally.total,
      reads: o.tally.reads,
      writes: o.tally.writes,
      throughputRps: round(o.tally.total / loadS),
      readsPerSecondAutocannon: round(o.reads.requestsPerSecond),
      byStatus: o.tally.byStatus,
      byCode: o.tally.byCode,
      serverErrors: fivexx.inside.length + fivexx.outside.length,
      transport: { errors: o.reads.errors, timeouts: o.reads.timeouts },
    },
    latencyMs: {
      // autocannon's histogram covers the whole run, outage included.
      reads: { p50: o.reads.p50, p99: o.reads.p99, max: o.reads.max, mean: round(o.reads.mean) },
      readsOutsideOutage: latencies(o.readSamples, window),
      writes: latencies(o.writes),
      writesOutsideOutage: latencies(o.writes, window),
    },
    writes: {
      attempted: o.writes.length,
      acknowledged: acked.length,
      lost: lostKeys.length,
      lostKeys: lostKeys.slice(0, 50),
      unacknowledgedButStored: unackedButStored,
    },
    outage,
    serverLog: o.serverLog,
  };
}

/** The report: what judge() returns, and what is written as JSON. */
export type SoakReport = ReturnType<typeof judge>;

const counts = (c: Record<string, number>) =>
  Object.entries(c)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(", ") || "none";

/** The report as a few readable lines. */
export function formatReport(r: SoakReport, jsonPath: string): string {
  const l = r.latencyMs;
  const steady = (x: { p50: number; p99: number }) =>
    r.outage ? `; outside the outage p50 ${x.p50} ms, p99 ${x.p99} ms` : "";
  const lines = [
    "",
    `Soak ${r.run.id}: ${r.run.loadS} s of load (--duration ${r.run.durationS}), ${r.run.connections} read connections, ${r.run.writers} writers, ${r.run.restart ? "Neo4j restarted mid-run" : "no restart"}`,
    `  requests      ${r.requests.total} (reads ${r.requests.reads}, writes ${r.requests.writes}), ${r.requests.throughputRps} req/s`,
    `  HTTP status   ${counts(r.requests.byStatus)}`,
    `  codes         ${counts(r.requests.byCode)}`,
    `  transport     ${r.requests.transport.errors} read errors (${r.requests.transport.timeouts} timeouts)`,
    `  reads         p50 ${l.reads.p50} ms, p99 ${l.reads.p99} ms, max ${l.reads.max} ms (autocannon, whole run)${steady(l.readsOutsideOutage)}`,
    `  writes        p50 ${l.writes.p50} ms, p99 ${l.writes.p99} ms${steady(l.writesOutsideOutage)}`,
    `  durability    ${r.writes.acknowledged} acknowledged of ${r.writes.attempted} attempted, ${r.writes.lost} lost (${r.writes.unacknowledgedButStored} unacknowledged but stored)`,
  ];
  const o = r.outage;
  if (o) {
    lines.push(
      `  outage        stop at ${o.stopAtS} s, down at ${o.neo4jDownAtS} s, restart at ${o.restartAtS} s, Bolt up at ${o.neo4jUpAtS} s, API answering at ${o.recoveredAtS} s`,
      `  recovery      ${o.timeToRecoverMs ?? "never"} ms from restart (outage seen by clients ${o.outageMs ?? "unbounded"} ms); window ${o.windowFromS} s .. ${o.windowToS ?? "end"} s`,
      `  5xx           ${o.serverErrorsInside} inside the window, ${o.serverErrorsOutside} outside`,
    );
  } else {
    lines.push(`  5xx           ${r.requests.serverErrors} (no outage window)`);
  }
  for (const w of r.warnings) lines.push(`  warning       ${w}`);
  lines.push(
    r.passed ? "  PASS" : `  FAIL\n${r.failures.map((f) => `    - ${f}`).join("\n")}`,
    `  report        ${jsonPath}`,
    "",
  );
  return lines.join("\n");
}

/** Writes the report as JSON, creating its folder. */
export function writeReport(r: SoakReport, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(r, null, 2)}\n`);
}
