/**
 * Drives one server with one operation: at concurrency 1 (a sequential client on one keep-alive
 * socket, latencies to the microsecond) and at concurrency 16 (autocannon, throughput, with every
 * response's latency recorded as well). Every response body is checked: a GraphQL error or a
 * non-200 status counts as an error, never as a fast answer.
 */
import type { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import autocannon from "autocannon";

export interface Target {
  port: number;
  path: string;
  headers: Record<string, string>;
  /** The request body for the i-th request (the mutation changes it per request). */
  body(i: number): string;
  /** Whether a response body is a success. */
  ok(body: string): boolean;
}

export interface PhaseResult {
  requests: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  /** Requests per second (successful ones). */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  /** The slowest answer, ms. */
  max: number;
  mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

/** p50, p90, p99 and the slowest of latencies sorted ascending (NaN when there are none). */
function spread(sorted: readonly number[]): Pick<PhaseResult, "p50" | "p90" | "p99" | "max"> {
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

function summarise(
  latencies: number[],
  errors: number,
  firstError: string | null,
  seconds: number,
): PhaseResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const ok = latencies.length;
  return {
    requests: ok + errors,
    errors,
    firstError,
    seconds,
    rps: ok / seconds,
    ...spread(sorted),
    mean: ok ? sorted.reduce((a, b) => a + b, 0) / ok : Number.NaN,
  };
}

function post(agent: Agent, t: Target, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: "127.0.0.1",
        port: t.port,
        path: t.path,
        method: "POST",
        headers: {
          ...t.headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** One request, answered: used by the correctness check. */
export async function once(
  t: Target,
  i = 0,
): Promise<{ status: number; json: unknown; text: string }> {
  const agent = new Agent({ keepAlive: false });
  try {
    const r = await post(agent, t, t.body(i));
    let json: unknown = null;
    try {
      json = JSON.parse(r.text);
    } catch {
      json = null;
    }
    return { status: r.status, json, text: r.text };
  } finally {
    agent.destroy();
  }
}

/**
 * Sequential requests for `seconds`, each timed with performance.now(); at least `min` requests
 * (so a slow operation still gets a percentile worth the name) unless that takes 3x as long.
 */
export async function concurrency1(
  t: Target,
  seconds: number,
  min: number,
  counter: { next: number },
): Promise<PhaseResult> {
  return (await concurrency1Paired([t], seconds, min, counter))[0] as PhaseResult;
}

/** Every order of `items` (n! of them; n is at most 3 here). */
export function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, k) =>
    permutations([...items.slice(0, k), ...items.slice(k + 1)]).map((rest) => [x, ...rest]),
  );
}

/**
 * Concurrency 1 for several servers at once, paired: one sequential client that sends one request
 * to each server in turn (each on its own keep-alive socket, the order changing every cycle),
 * so every server is timed in the same seconds, under the same state of the machine. Timing the
 * servers one after another lets the machine's drift (other processes, Neo4j's background work,
 * the VM's neighbours) into their ratio: per-round ratios of the same operation spread by 0.3-1.0
 * that way. `seconds` is the whole phase; each server needs at least `min` answers (unless that
 * takes 3x as long).
 */
export async function concurrency1Paired(
  targets: readonly Target[],
  seconds: number,
  min: number,
  counter: { next: number },
): Promise<PhaseResult[]> {
  const runs = targets.map((t) => ({
    t,
    agent: new Agent({ keepAlive: true, maxSockets: 1 }),
    latencies: [] as number[],
    errors: 0,
    firstError: null as string | null,
  }));
  // Every cycle visits each server once, in the next of all their orders, so each server follows
  // every other equally often. The request after the anchor's pays for what the anchor leaves
  // behind: at 100k on the relationship filter (the anchor's query takes 35-45 ms) it took
  // 0.5-1.0 ms longer, whichever server it went to. With a fixed order, ours always
  // came after the anchor and the floor never did.
  const order = permutations(runs.map((_, k) => k));
  const started = performance.now();
  const until = started + seconds * 1000;
  const hardStop = started + seconds * 3000;
  try {
    for (let i = 0; ; i += 1) {
      const now = performance.now();
      const fewest = Math.min(...runs.map((r) => r.latencies.length + r.errors));
      if (now >= hardStop || (now >= until && fewest >= min)) break;
      const cycle = order[Math.floor(i / runs.length) % order.length] as number[];
      const run = runs[cycle[i % runs.length] as number] as (typeof runs)[number];
      const body = run.t.body(counter.next++);
      const t0 = performance.now();
      try {
        const r = await post(run.agent, run.t, body);
        const ms = performance.now() - t0;
        if (r.status === 200 && run.t.ok(r.text)) run.latencies.push(ms);
        else {
          run.errors += 1;
          run.firstError ??= `${r.status} ${r.text.slice(0, 300)}`;
        }
      } catch (error) {
        run.errors += 1;
        run.firstError ??= String(error);
      }
    }
  } finally {
    for (const r of runs) r.agent.destroy();
  }
  const elapsed = (performance.now() - started) / 1000;
  // Each server had about 1/n of the phase: its rate is over its share.
  return runs.map((r) => summarise(r.latencies, r.errors, r.firstError, elapsed / runs.length));
}

/**
 * autocannon with `connections` connections for `seconds`: throughput from its count of answers,
 * latency percentiles from every 2xx response's own time (autocannon's histogram keeps whole
 * milliseconds, too coarse for a few-millisecond p50).
 */
export async function concurrencyN(
  t: Target,
  seconds: number,
  connections: number,
  counter: { next: number },
): Promise<PhaseResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  // Without a callback autocannon returns its tracker (an EventEmitter) that is also a promise.
  const instance = autocannon({
    url: `http://127.0.0.1:${t.port}`,
    connections,
    duration: seconds,
    // autocannon ends a run at its first sampling tick after the duration: with its default
    // tick (1 s) a 1.5 s run lasted 2 s. Every 100 ms, a run lasts what it is asked to.
    sampleInt: 100,
    pipelining: 1,
    timeout: 20,
    requests: [
      {
        method: "POST",
        path: t.path,
        headers: { ...t.headers, "content-type": "application/json" },
        body: t.body(counter.next++),
        setupRequest: (req: autocannon.Request) => ({ ...req, body: t.body(counter.next++) }),
        onResponse: (status: number, body: string) => {
          if (status !== 200 || !t.ok(body)) {
            errors += 1;
            firstError ??= `${status} ${String(body).slice(0, 300)}`;
          }
        },
      },
    ],
  }) as unknown as Promise<autocannon.Result> & EventEmitter;
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  const sorted = latencies.sort((a, b) => a - b);
  const ok = Math.max(0, result.requests.total - errors - result.non2xx);
  return {
    requests: result.requests.total,
    errors: errors + result.errors + result.timeouts,
    firstError,
    seconds: result.duration,
    rps: ok / result.duration,
    ...spread(sorted),
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
  };
}

/**
 * The CPU time (user + system, in ms) a process has used, in all its threads and in its main
 * thread alone, from /proc (at Linux's 100 clock ticks a second).
 */
export function cpuMs(pid: number): { total: number; main: number } {
  const ticks = (stat: string) => {
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  };
  return {
    total: ticks(readFileSync(`/proc/${pid}/stat`, "utf8")),
    main: ticks(readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8")),
  };
}

/** Resident memory of a process, in MB (from /proc). */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Samples a process's RSS every `ms` until stopped; returns max and mean. */
export function sampleRss(pid: number, ms = 100) {
  const samples: number[] = [];
  const timer = setInterval(() => {
    const v = rssMb(pid);
    if (!Number.isNaN(v)) samples.push(v);
  }, ms);
  return () => {
    clearInterval(timer);
    const v = rssMb(pid);
    if (!Number.isNaN(v)) samples.push(v);
    return {
      max: Math.max(...samples),
      mean: samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length),
    };
  };
}
