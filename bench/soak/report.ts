/** The soak's verdict and figures: judged from the tallies, printed, and written as JSON. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { AdmissionCounts } from "./client.js";
import type { HeldSubscriptions, HostileTally } from "./hostile.js";
import type { OutageTimeline } from "./outage.js";
import type { Crash, MemoryPeak } from "./shipped.js";
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
  /** With --hostile: the server as shipped, in its own process, and what the hostile load met. */
  hostile?: HostileObservations;
}

/** A response that failed the run or broke the contract, with the request behind it. */
export interface FlaggedRequest {
  /** The operation or hostile class. */
  op: string;
  atS: number;
  status: number;
  code: string;
  insideOutage: boolean;
  request: string;
}

/** What --hostile adds to the observations. */
export interface HostileObservations {
  server: { command: string; env: string; stoppedWith: string };
  crashes: (Crash & { inFlight: string[] })[];
  memory: MemoryPeak;
  classes: { name: string; what: string }[];
  tally: HostileTally;
  subscriptions: HeldSubscriptions | null;
  /** Admission refusals met by the ordinary readers and writers, and their retries. */
  admission: AdmissionCounts;
  /** 5xx other than admission refusals, each with its request. */
  faults: FlaggedRequest[];
  /** Hostile requests answered otherwise than the contract says (no 500, but not right). */
  breaches: FlaggedRequest[];
  /** Error-level lines of the server's log (first few). */
  serverErrors: string[];
  /** The server's stderr, last lines, when anything failed. */
  stderrTail: string;
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
  if (o.hostile && o.hostile.crashes.length > 0)
    failures.push(
      `the server crashed ${o.hostile.crashes.length} time(s) (first at ${s(o.hostile.crashes[0]?.at ?? 0)} s, exit ${o.hostile.crashes[0]?.exit})`,
    );
  if (o.hostile && o.hostile.breaches.length > 0)
    warnings.push(
      `${o.hostile.breaches.length} hostile request(s) answered outside the contract (see hostile.breaches)`,
    );

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
      hostile: o.tally.hostile,
      admissionRefusals: o.tally.admissionRefusals,
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
    hostile: o.hostile ? hostileSection(o.hostile) : null,
  };
}

function hostileSection(h: HostileObservations) {
  const byClass = h.tally.byClass();
  return {
    server: h.server,
    crashes: h.crashes.map((c) => ({ ...c, atS: s(c.at) })),
    memory: {
      peakRssMb: round(h.memory.peakRssKb / 1024),
      vmHwmMb: round(h.memory.hwmKb / 1024),
      samples: h.memory.samples,
    },
    admission: h.admission,
    subscriptions: h.subscriptions,
    classes: h.classes.map((c) => ({ ...c, ...byClass[c.name] })),
    faultCount: h.faults.length,
    faults: h.faults.slice(0, 50),
    breaches: h.breaches.slice(0, 50),
    serverErrors: h.serverErrors,
    stderrTail: h.stderrTail,
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
    `  reads         p50 ${l.reads.p50} ms, p99 ${l.reads.p99} ms, max ${l.reads.max} ms (whole run)${steady(l.readsOutsideOutage)}`,
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
  const h = r.hostile;
  if (h) {
    lines.push(
      `  server        ${h.server.command} (${h.server.env}); stopped with ${h.server.stoppedWith}`,
      `  crashes       ${h.crashes.length}`,
      `  admission     ${r.requests.admissionRefusals} 503 OVERLOADED recorded as outcomes (not counted as 5xx); ordinary clients met ${h.admission.refused}, retried ${h.admission.retried}, gave up ${h.admission.gaveUp}`,
      `  memory        peak VmRSS ${h.memory.peakRssMb} MB, VmHWM ${h.memory.vmHwmMb} MB (${h.memory.samples} samples)`,
      `  hostile       ${r.requests.hostile} requests, ${h.faultCount} 5xx other than admission refusals, ${h.breaches.length} outside the contract`,
    );
    if (h.subscriptions)
      lines.push(
        `  subscriptions ${h.subscriptions.asked} asked: ${h.subscriptions.opened} held, ${h.subscriptions.refusedOverloaded} refused 503 OVERLOADED, other ${counts(h.subscriptions.other)}; ${h.subscriptions.events} events`,
      );
  }
  for (const w of r.warnings) lines.push(`  warning       ${w}`);
  lines.push(
    r.passed ? "  PASS" : `  FAIL\n${r.failures.map((f) => `    - ${f}`).join("\n")}`,
    `  report        ${jsonPath}`,
    "",
  );
  return lines.join("\n");
}

/** The report as short markdown: the summary, then one row per hostile class. */
export function formatMarkdown(r: SoakReport, jsonPath: string): string {
  const out = [
    `# Hostile soak ${r.run.id} (${r.run.startedAt})`,
    "",
    "`npm run soak -- --hostile`: ordinary reads and writes with every hostile class, against the server as `npm start` runs it, Neo4j restarted mid-run. Figures in " +
      `\`${jsonPath}\`.`,
    "",
    "```",
    formatReport(r, jsonPath).trim(),
    "```",
  ];
  const h = r.hostile;
  if (h) {
    out.push(
      "",
      "A 503 OVERLOADED is the server's admission refusal (deliberate back-pressure, with Retry-After): counted apart, never as a 5xx; ordinary clients retry it after Retry-After. Every other 5xx is a failure (outside the outage window it fails the run).",
      "",
      "| class | what | sent | statuses | codes | p99 ms |",
      "|---|---|---|---|---|---|",
      ...h.classes.map(
        (c) =>
          `| ${c.name} | ${c.what} | ${c.sent ?? 0} | ${counts(c.byStatus ?? {})} | ${counts(c.byCode ?? {})} | ${c.p99Ms ?? "-"} |`,
      ),
    );
    for (const c of h.crashes)
      out.push(
        "",
        `## Crash at ${c.atS} s (exit ${c.exit})`,
        "",
        `In flight: ${c.inFlight.join(", ") || "no hostile request"}`,
        "",
        "```",
        c.stderrTail.trim(),
        "```",
      );
    if (h.faults.length > 0)
      out.push(
        "",
        "## 5xx other than admission refusals",
        "",
        ...h.faults
          .slice(0, 20)
          .map(
            (f) =>
              `- ${f.atS} s ${f.op} HTTP ${f.status} ${f.code}${f.insideOutage ? " (outage window)" : ""}: \`${f.request.slice(0, 300)}\``,
          ),
      );
  }
  return `${out.join("\n")}\n`;
}

/** Writes the report as JSON, creating its folder. */
export function writeReport(r: SoakReport, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(r, null, 2)}\n`);
}
