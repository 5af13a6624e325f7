/**
 * Counts every response of the soak by HTTP status and by code, and keeps the time of each one
 * that was not a plain success, so that afterwards it can be judged against the outage window.
 */
import { OVERLOADED } from "./client.js";
import { OK } from "./operations.js";

/** A request that got no HTTP response (refused, reset, timed out on the client). */
export const TRANSPORT_ERROR = "TRANSPORT_ERROR";

/** One response (or transport failure). */
export interface Outcome {
  /** An ordinary read or write, or a hostile request (--hostile). */
  kind: "read" | "write" | "hostile";
  /** When it completed, in ms since the load began. */
  at: number;
  /** How long it took (so when it began); 0 when unknown. */
  ms: number;
  /** HTTP status; 0 when there was no response. */
  status: number;
  /** "ok", the GraphQL error code, the write result's code, or TRANSPORT_ERROR. */
  code: string;
  /** The operation or hostile class, when known (to name the request behind a failure). */
  op?: string;
}

/** A span of time in ms since the load began; `to` is Infinity while it has not closed. */
export interface TimeWindow {
  from: number;
  to: number;
}

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** Counters for the whole run. */
export class Tally {
  reads = 0;
  writes = 0;
  hostile = 0;
  readonly byStatus: Record<string, number> = {};
  readonly byCode: Record<string, number> = {};
  /** Every outcome that was not HTTP 200 with "ok": few when all is well, kept with its time. */
  readonly notable: Outcome[] = [];

  /** Records one outcome. */
  record(outcome: Outcome): void {
    if (outcome.kind === "read") this.reads += 1;
    else if (outcome.kind === "write") this.writes += 1;
    else this.hostile += 1;
    bump(this.byStatus, outcome.status === 0 ? "none" : String(outcome.status));
    bump(this.byCode, outcome.code);
    if (outcome.status !== 200 || outcome.code !== OK) this.notable.push(outcome);
  }

  /** Every outcome counted. */
  get total(): number {
    return this.reads + this.writes + this.hostile;
  }

  /**
   * The admission refusals recorded as outcomes (503 OVERLOADED, with Retry-After): deliberate
   * back-pressure, so counted apart from the 5xx that faults cause.
   */
  get admissionRefusals(): number {
    return this.notable.filter(isAdmissionRefusal).length;
  }

  /**
   * The 5xx responses other than admission refusals, split by whether they fell inside
   * `window` (none inside without one).
   */
  serverErrors(window: TimeWindow | undefined): { inside: Outcome[]; outside: Outcome[] } {
    const fivexx = this.notable.filter((o) => o.status >= 500 && !isAdmissionRefusal(o));
    return {
      inside: fivexx.filter((o) => inWindow(o, window)),
      outside: fivexx.filter((o) => !inWindow(o, window)),
    };
  }

  /** Codes other than "ok" seen outside `window`, with counts (worth a look even when not fatal). */
  codesOutside(window: TimeWindow | undefined): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const o of this.notable) if (o.code !== OK && !inWindow(o, window)) bump(counts, o.code);
    return counts;
  }
}

/**
 * Whether a request was under way at some time in `window`: one sent just before the stop, or
 * stuck until after recovery, met the outage too and is judged as part of it.
 */
export function overlaps(
  request: { at: number; ms: number },
  window: TimeWindow | undefined,
): boolean {
  return window !== undefined && request.at >= window.from && request.at - request.ms <= window.to;
}

const inWindow = overlaps;

const isAdmissionRefusal = (o: Outcome) => o.status === 503 && o.code === OVERLOADED;

/** The nearest-rank percentile `p` (0..100) of `values`; 0 when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}
