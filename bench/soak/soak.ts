/**
 * `npm run soak`: a bounded mixed load on loopback with a Neo4j restart in the middle.
 *
 * It starts its own local Neo4j instance ("soak", port SOAK_BOLT_PORT, default 7696) so the dev
 * and test graphs are untouched, migrates and seeds it, and serves the API in-process on a free
 * loopback port. Then, for --duration seconds: autocannon sends the README's read operations over
 * --connections connections, --writers loops send createEntity mutations with unique keys, and
 * (unless --no-restart) Neo4j is stopped at 40 % of the run, kept down 5 s and started again;
 * when recovery comes late, the load goes on until 5 s after it, so the API is seen serving again.
 *
 * It reports requests, HTTP statuses and error codes, read and write p50/p99, the time from the
 * restart until the API answers a read again, and whether every acknowledged write is in Neo4j
 * afterwards; it writes the same as JSON to bench/results/soak-latest.json. Exit code 1 when an
 * acknowledged write is missing or a 5xx came outside the outage window (from the stop until
 * recovery plus 2 s; a request under way at any time in it counts as inside), or the restart did
 * not recover; 130 when interrupted; 0 otherwise.
 */
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Request, Result } from "autocannon";
import autocannon from "autocannon";
import { pino } from "pino";
import { generateToken } from "../../src/auth/tokens.js";
import { loadConfig } from "../../src/config.js";
import { ingestFiles, seedFiles } from "../../src/data/seed.js";
import { createDb, type Db } from "../../src/db/driver.js";
import {
  type LocalNeo4j,
  type LocalNeo4jOptions,
  startLocalNeo4j,
} from "../../src/db/local-neo4j.js";
import { migrate } from "../../src/db/migrate.js";
import { createHttp } from "../../src/http.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { createApp } from "../../src/server.js";
import {
  classifyRead,
  classifyWrite,
  createEntityBody,
  OK,
  READS,
  readBody,
} from "./operations.js";
import { type OutageTimeline, runOutage } from "./outage.js";
import {
  formatReport,
  GRACE_MS,
  judge,
  type ReadSample,
  type ReadStats,
  type WriteRecord,
  writeReport,
} from "./report.js";
import { Tally, TRANSPORT_ERROR } from "./tally.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const RESULTS = resolve(HERE, "../results");
const REPORT_PATH = join(RESULTS, "soak-latest.json");
// *.log is git-ignored; the access log at info would be one line per request, so warn and up.
const SERVER_LOG = join(RESULTS, "soak-server.log");
/** Every key the soak writes starts with this, so leftovers of an interrupted run are found too. */
const KEY_PREFIX = "soak-";
const OUTAGE_AT = 0.4;
const OUTAGE_DOWN_MS = 5_000;
const JSON_HEADERS = { "content-type": "application/json" };
// Above the API's own request budget (10 s): a slow request shows up as the API's TIMEOUT,
// not as a client-side timeout.
const CLIENT_TIMEOUT_S = 12;
/**
 * A graceful Neo4j stop takes 10 s or more (its Bolt server alone waits twice 5 s), so with a
 * short --duration the outage would outlast the load. The load therefore goes on until this
 * long after recovery plus the grace, so that every run sees the API serve again afterwards.
 */
const OBSERVE_AFTER_RECOVERY_MS = 5_000;
/** autocannon's own duration, only a backstop: a ticker ends the load when it is due. */
const MAX_LOAD_S = 3_600;
/** Transaction timeout for seeding, verifying and cleaning up (not for the API's requests). */
const SETUP_TX_TIMEOUT_MS = 90_000;

const HELP = `npm run soak [-- OPTIONS]

A bounded mixed load (autocannon reads, createEntity writes) against the API on loopback, over a
dedicated local Neo4j ("soak", port SOAK_BOLT_PORT, default 7696), restarted mid-run.

  --duration S      seconds of load (default 40); with the restart, the load goes on until
                    5 s after the API has recovered if that is later
  --connections N   autocannon connections for reads (default 8)
  --writers N       concurrent write loops (default 2)
  --no-restart      run without the Neo4j outage
  --help            this text

Exit code 1 if an acknowledged write is lost, a 5xx appears outside the outage window, or the API
does not recover; the report goes to ${relative(process.cwd(), REPORT_PATH)}.
`;

interface CliOptions {
  durationS: number;
  connections: number;
  writers: number;
  restart: boolean;
}

class UsageError extends Error {
  override name = "UsageError";
}

class Interrupted extends Error {
  override name = "Interrupted";
}

function positive(name: string, text: string, { integer = true, min = 1 } = {}): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n)))
    throw new UsageError(`--${name} must be ${integer ? "an integer" : "a number"} >= ${min}`);
  return n;
}

/** Parses the command line; undefined means --help. */
function parseCli(argv: string[]): CliOptions | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: "string", default: "40" },
      connections: { type: "string", default: "8" },
      writers: { type: "string", default: "2" },
      // Node 20's parseArgs has no negation, so the negative flag is its own option.
      "no-restart": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return undefined;
  return {
    durationS: positive("duration", values.duration, { integer: false, min: 5 }),
    connections: positive("connections", values.connections),
    writers: positive("writers", values.writers, { min: 0 }),
    restart: !values["no-restart"],
  };
}

function boltPort(): number {
  const text = process.env.SOAK_BOLT_PORT ?? "7696";
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new UsageError(`SOAK_BOLT_PORT must be a port number, not "${text}"`);
  return port;
}

/** What must be closed at the end, filled in as it comes up. */
interface Resources {
  neo4j?: LocalNeo4j;
  db?: Db;
  server?: Server;
  flushLog?: () => void;
}

const say = (message: string) => process.stdout.write(`[soak] ${message}\n`);

/** Runs every read once before the load: a read that fails on the seed would poison the figures. */
async function preflight(baseUrl: string): Promise<void> {
  for (const op of READS) {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: JSON_HEADERS,
      body: readBody(op),
    });
    const body = await response.text();
    const code = classifyRead(body);
    if (response.status !== 200 || code !== OK)
      throw new Error(
        `${op.name} fails before any load (HTTP ${response.status}, ${code}): ${body.slice(0, 300)}`,
      );
  }
}

interface LoadContext {
  baseUrl: string;
  clock: () => number;
  /** When the load stops (ms since it began); it may move while the load runs. */
  until: () => number;
  tally: Tally;
  signal: AbortSignal;
}

/** The reads, through autocannon; resolves with its result when the duration is over. */
function runReads(ctx: LoadContext, connections: number, samples: ReadSample[]): Promise<Result> {
  // autocannon calls onResponse (status and body) and then, synchronously on the same client,
  // emits "response" (the latency): the first keeps what the second needs to record it whole.
  let pending: { status: number; code: string } | undefined;
  const requests: Request[] = READS.map((op) => ({
    method: "POST",
    path: "/graphql",
    headers: JSON_HEADERS,
    body: readBody(op),
    onResponse: (status: number, body: string) => {
      pending = { status, code: classifyRead(body) };
    },
  }));
  return new Promise((done, fail) => {
    let stopped = false;
    const stop = () => {
      if (!stopped) instance.stop();
      stopped = true;
    };
    // The end may move (see MAX_LOAD_S), so autocannon's own duration is only a backstop and
    // this ticker ends the run.
    const ticker = setInterval(() => {
      if (ctx.clock() >= ctx.until()) stop();
    }, 50);
    const instance = autocannon(
      {
        url: ctx.baseUrl,
        connections,
        duration: MAX_LOAD_S,
        timeout: CLIENT_TIMEOUT_S,
        requests,
      },
      (error: unknown, result: Result) => {
        clearInterval(ticker);
        if (error) fail(error instanceof Error ? error : new Error(String(error)));
        else done(result);
      },
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      const at = ctx.clock();
      samples.push({ at, ms });
      ctx.tally.record({ kind: "read", at, ms, ...(pending ?? { status, code: "UNREAD" }) });
      pending = undefined;
    });
    // Refused, reset or timed out: no response, so onResponse does not see it.
    instance.on("reqError", (error: unknown) => {
      // A client timeout began that long ago; other transport errors have no known duration.
      const timedOut = error instanceof Error && error.message.includes("timed out");
      const ms = timedOut ? CLIENT_TIMEOUT_S * 1000 : 0;
      ctx.tally.record({ kind: "read", at: ctx.clock(), ms, status: 0, code: TRANSPORT_ERROR });
    });
    ctx.signal.addEventListener("abort", stop, { once: true });
  });
}

/**
 * One write loop: createEntity with a fresh key, one after another, until the load ends.
 * fetch rather than autocannon, so each key stays tied to its own response.
 */
async function writeLoop(
  ctx: LoadContext,
  token: string,
  nextKey: () => string,
  writes: WriteRecord[],
): Promise<void> {
  while (ctx.clock() < ctx.until() && !ctx.signal.aborted) {
    const key = nextKey();
    const started = performance.now();
    let status = 0;
    let code = TRANSPORT_ERROR;
    try {
      const response = await fetch(`${ctx.baseUrl}/graphql`, {
        method: "POST",
        headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` },
        body: createEntityBody(key),
        signal: AbortSignal.any([AbortSignal.timeout(CLIENT_TIMEOUT_S * 1000), ctx.signal]),
      });
      status = response.status;
      code = classifyWrite(await response.text(), key);
    } catch {
      // No response: counted as a transport error, and the write as not acknowledged.
    }
    const at = ctx.clock();
    const ms = performance.now() - started;
    ctx.tally.record({ kind: "write", at, ms, status, code });
    writes.push({ key, acked: status === 200 && code === OK, at, ms });
  }
}

/** Which of `keys` are in Neo4j (one query; a few thousand keys is a small parameter). */
async function storedKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: "READ" });
  try {
    const result = await session.executeRead((tx) =>
      tx.run("MATCH (n:Entity) WHERE n.key IN $keys RETURN n.key AS key", { keys }),
    );
    return new Set(result.records.map((r) => String(r.get("key"))));
  } finally {
    await session.close();
  }
}

/** Deletes every entity the soak wrote, this run's and any an interrupted run left. */
async function deleteSoakEntities(db: Db): Promise<number> {
  const session = db.driver.session({ database: db.database });
  try {
    const result = await session.executeWrite((tx) =>
      tx.run("MATCH (n:Entity) WHERE n.key STARTS WITH $prefix DETACH DELETE n", {
        prefix: KEY_PREFIX,
      }),
    );
    return result.summary.counters.updates().nodesDeleted;
  } finally {
    await session.close();
  }
}

function countLines(path: string): number {
  try {
    return readFileSync(path, "utf8").split("\n").filter(Boolean).length;
  } catch {
    return 0;
  }
}

async function soak(cli: CliOptions, res: Resources, signal: AbortSignal): Promise<number> {
  const checkpoint = () => {
    if (signal.aborted) throw new Interrupted();
  };
  const config = loadConfig();
  const neo4jOptions: LocalNeo4jOptions = {
    dir: config.NEO4J_LOCAL_DIR,
    instance: "soak",
    boltPort: boltPort(),
    heap: "512m",
    pagecache: "128m",
    // A ceiling above both the API's own per-transaction timeout and the set-up's below.
    txTimeout: "120s",
    startTimeoutMs: 90_000,
    log: say,
  };
  res.neo4j = await startLocalNeo4j(neo4jOptions);
  checkpoint();
  if (!res.neo4j.startedHere && cli.restart) {
    const pidFile = join(resolve(config.NEO4J_LOCAL_DIR), "instances", "soak", "neo4j.pid");
    throw new UsageError(
      `the soak Neo4j is already running (left by an earlier run?) and was not started here, so it cannot be restarted. Stop it (kill $(cat ${pidFile})) or run with --no-restart.`,
    );
  }
  const db = createDb(res.neo4j, { txTimeoutMs: DEFAULT_LIMITS.queryTimeoutMs });
  res.db = db;
  await migrate(db);
  checkpoint();
  const stats = { roundTrips: 0 };
  // Ingest is idempotent: a second run leaves the same graph. It gets more time than a request
  // (same driver): on a cold JVM on a busy 2-core machine it can take longer than 8 s.
  const setupDb: Db = { ...db, txTimeoutMs: SETUP_TX_TIMEOUT_MS };
  for (const s of await ingestFiles(setupDb, stats, seedFiles())) say(`seeded ${s.source}`);
  checkpoint();

  const destination = pino.destination({
    dest: SERVER_LOG,
    mkdir: true,
    append: false,
    sync: true,
  });
  res.flushLog = () => destination.flushSync();
  const logger = pino({ level: process.env.SOAK_LOG_LEVEL ?? "warn" }, destination);
  const { token, sha256 } = generateToken();
  const app = createApp({
    db,
    logger,
    tokens: [{ name: "soak", sha256, scopes: ["write"] }],
    limits: DEFAULT_LIMITS,
  });
  const server = createHttp({ app, db, logger, maxBodyBytes: DEFAULT_LIMITS.maxBodyBytes });
  res.server = server;
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  say(`API on ${baseUrl}`);
  await preflight(baseUrl);
  checkpoint();

  const runId = Date.now().toString(36);
  let n = 0;
  const nextKey = () => `${KEY_PREFIX}${runId}-${n++}`;
  const tally = new Tally();
  const readSamples: ReadSample[] = [];
  const writes: WriteRecord[] = [];
  const startedAt = new Date();
  const t0 = performance.now();
  const clock = () => performance.now() - t0;
  const durationMs = cli.durationS * 1000;
  // While an outage is under way the end is open; once it is over, it is fixed (see above).
  let endAt = cli.restart ? Number.POSITIVE_INFINITY : durationMs;
  const ctx: LoadContext = { baseUrl, clock, until: () => endAt, tally, signal };
  const at = (message: string) => say(`${(clock() / 1000).toFixed(1).padStart(5)} s  ${message}`);
  at(
    `load: ${cli.durationS} s, ${cli.connections} read connections, ${cli.writers} writers${cli.restart ? `, Neo4j restart at ${(OUTAGE_AT * cli.durationS).toFixed(1)} s` : ""}`,
  );

  const outage: Promise<OutageTimeline | null> = cli.restart
    ? runOutage(
        { atMs: OUTAGE_AT * durationMs, downMs: OUTAGE_DOWN_MS, recoverWithinMs: 120_000 },
        {
          clock,
          baseUrl,
          signal,
          log: at,
          stopNeo4j: async () => {
            await res.neo4j?.stop();
          },
          startNeo4j: async () => {
            res.neo4j = await startLocalNeo4j({ ...neo4jOptions, log: () => {} });
          },
        },
      ).then((timeline) => {
        endAt =
          timeline.recoveredAt === null
            ? durationMs
            : Math.max(durationMs, timeline.recoveredAt + GRACE_MS + OBSERVE_AFTER_RECOVERY_MS);
        if (endAt > durationMs)
          at(`load extended to ${(endAt / 1000).toFixed(1)} s, to see the API after recovery`);
        return timeline;
      })
    : Promise.resolve(null);
  const [readResult, , timeline] = await Promise.all([
    runReads(ctx, cli.connections, readSamples),
    Promise.all(Array.from({ length: cli.writers }, () => writeLoop(ctx, token, nextKey, writes))),
    outage,
  ]);
  const loadMs = clock();
  at("load over");
  checkpoint();

  let stored: Set<string> | { error: string };
  try {
    stored = await storedKeys(
      db,
      writes.map((w) => w.key),
    );
  } catch (error) {
    stored = { error: error instanceof Error ? error.message : String(error) };
  }
  res.flushLog?.();
  const reads: ReadStats = {
    p50: readResult.latency.p50,
    p99: readResult.latency.p99,
    max: readResult.latency.max,
    mean: readResult.latency.mean,
    requestsPerSecond: readResult.requests.average,
    errors: readResult.errors,
    timeouts: readResult.timeouts,
  };
  const report = judge({
    run: {
      id: runId,
      startedAt: startedAt.toISOString(),
      durationS: cli.durationS,
      loadS: Math.round(loadMs / 100) / 10,
      connections: cli.connections,
      writers: cli.writers,
      restart: cli.restart,
      boltPort: neo4jOptions.boltPort,
    },
    loadMs,
    tally,
    reads,
    readSamples,
    writes,
    stored,
    outage: timeline,
    serverLog: { file: relative(process.cwd(), SERVER_LOG), lines: countLines(SERVER_LOG) },
  });
  writeReport(report, REPORT_PATH);
  process.stdout.write(formatReport(report, relative(process.cwd(), REPORT_PATH)));
  return report.passed ? 0 : 1;
}

/** Closes the API, deletes what the soak wrote, closes the driver and stops the soak Neo4j. */
async function shutdown(res: Resources): Promise<void> {
  if (res.server) {
    const server = res.server;
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }
  if (res.db) {
    try {
      say(`deleted ${await deleteSoakEntities(res.db)} soak entities`);
    } catch (error) {
      // The next run deletes them (same prefix); not worth failing the run over.
      say(`could not delete the soak entities now (${(error as Error).message})`);
    }
    await res.db.driver.close();
  }
  res.flushLog?.();
  if (res.neo4j) {
    if (res.neo4j.startedHere) say("stopping the soak Neo4j");
    await res.neo4j.stop();
  }
}

async function main(): Promise<number> {
  let cli: CliOptions | undefined;
  try {
    cli = parseCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (!cli) {
    process.stdout.write(HELP);
    return 0;
  }
  const interrupt = new AbortController();
  const onSignal = (name: string) => {
    if (interrupt.signal.aborted) {
      // A second signal: the user wants out now, even if cleanup is not finished.
      process.stderr.write(`[soak] ${name} again: exiting without cleanup\n`);
      process.exit(130);
    }
    process.stderr.write(`[soak] ${name}: stopping the load, then the API and Neo4j ...\n`);
    interrupt.abort();
  };
  process.on("SIGINT", () => onSignal("SIGINT"));
  process.on("SIGTERM", () => onSignal("SIGTERM"));

  const res: Resources = {};
  try {
    return await soak(cli, res, interrupt.signal);
  } catch (error) {
    if (error instanceof Interrupted || interrupt.signal.aborted) return 130;
    if (error instanceof UsageError) {
      process.stderr.write(`[soak] ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await shutdown(res);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `[soak] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
