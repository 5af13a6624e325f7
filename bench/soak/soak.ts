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
import { readFileSync, writeFileSync } from "node:fs";
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
  type AdmissionCounts,
  isAdmissionRefusal,
  newAdmissionCounts,
  OVERLOADED,
  postAdmitted,
} from "./client.js";
import {
  describeRequest,
  type HeldSubscriptions,
  HOSTILE_CLASSES,
  type HostileContext,
  HostileTally,
  holdSubscriptions,
  hostileLoop,
  roundRobin,
  slowClientLoop,
} from "./hostile.js";
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
  type FlaggedRequest,
  formatMarkdown,
  formatReport,
  GRACE_MS,
  type HostileObservations,
  judge,
  outageWindow,
  type ReadSample,
  type ReadStats,
  type WriteRecord,
  writeReport,
} from "./report.js";
import { buildAsShipped, ShippedApi } from "./shipped.js";
import { overlaps, percentile, Tally, TRANSPORT_ERROR } from "./tally.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const RESULTS = resolve(HERE, "../results");
const REPORT_PATH = join(RESULTS, "soak-latest.json");
// *.log is git-ignored; the access log at info would be one line per request, so warn and up.
const SERVER_LOG = join(RESULTS, "soak-server.log");
const HOSTILE_REPORT_PATH = join(RESULTS, "soak-hostile-latest.json");
const HOSTILE_MARKDOWN_PATH = join(RESULTS, "soak-hostile-latest.md");
/** The shipped server's stdout (its JSON log, access lines included); git-ignored. */
const HOSTILE_SERVER_LOG = join(RESULTS, "soak-hostile-server.log");
/**
 * --hostile's 16 concurrent clients: ordinary readers and writers (the --connections and
 * --writers defaults), hostile loops round robin over the classes, and slow clients.
 */
const HOSTILE_READERS = 7;
const HOSTILE_LOOPS = 4;
const SLOW_CLIENTS = 3;
const HOSTILE_PAUSE_MS = 100;
/** More graphChanged streams than the server's MAX_SUBSCRIPTIONS default (64). */
const HELD_SUBSCRIPTIONS = DEFAULT_LIMITS.maxSubscriptions + 16;
/** Held from 10 % of the run, for 25 % of it, so the other stream classes also meet a free server. */
const HOLD_AT = 0.1;
const HOLD_FOR = 0.25;
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
  --hostile         build the API and run it as \`npm start\` does, in its own process, and mix
                    every hostile request class into the load (${HOSTILE_LOOPS} hostile loops,
                    ${SLOW_CLIENTS} slow clients, ${HELD_SUBSCRIPTIONS} held subscriptions; readers default
                    ${HOSTILE_READERS}, so 16 clients in all; --duration defaults to 60); reports crashes,
                    peak RSS and admission refusals too, to soak-hostile-latest.json and .md
  --help            this text

Exit code 1 if an acknowledged write is lost, a 5xx appears outside the outage window, or the API
does not recover; the report goes to ${relative(process.cwd(), REPORT_PATH)}.
`;

interface CliOptions {
  durationS: number;
  connections: number;
  writers: number;
  restart: boolean;
  hostile: boolean;
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
      duration: { type: "string" },
      connections: { type: "string" },
      writers: { type: "string", default: "2" },
      // Node 20's parseArgs has no negation, so the negative flag is its own option.
      "no-restart": { type: "boolean", default: false },
      hostile: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return undefined;
  const hostile = values.hostile;
  return {
    durationS: positive("duration", values.duration ?? (hostile ? "60" : "40"), {
      integer: false,
      min: 5,
    }),
    connections: positive(
      "connections",
      values.connections ?? (hostile ? String(HOSTILE_READERS) : "8"),
    ),
    writers: positive("writers", values.writers, { min: 0 }),
    restart: !values["no-restart"],
    hostile,
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
  /** The shipped server (--hostile). */
  api?: ShippedApi;
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
  /** Admission refusals the ordinary clients met (and retried). */
  admission: AdmissionCounts;
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
      const answer = await postAdmitted(
        `${ctx.baseUrl}/graphql`,
        { ...JSON_HEADERS, authorization: `Bearer ${token}` },
        createEntityBody(key),
        { signal: ctx.signal, timeoutMs: CLIENT_TIMEOUT_S * 1000, admission: ctx.admission },
      );
      status = answer.status;
      code = isAdmissionRefusal(status, answer.text) ? OVERLOADED : classifyWrite(answer.text, key);
    } catch {
      // No response: counted as a transport error, and the write as not acknowledged.
    }
    const at = ctx.clock();
    const ms = performance.now() - started;
    ctx.tally.record({ kind: "write", at, ms, status, code, op: "SoakCreateEntity" });
    writes.push({ key, acked: status === 200 && code === OK, at, ms });
  }
}

/**
 * One read loop for --hostile (fetch, not autocannon: a refused read is retried after
 * Retry-After, as a client would): the README's reads in turn, from `offset`.
 */
async function readLoop(ctx: LoadContext, offset: number, samples: ReadSample[]): Promise<void> {
  for (let n = offset; ctx.clock() < ctx.until() && !ctx.signal.aborted; n++) {
    const op = READS[n % READS.length];
    if (!op) return;
    const started = performance.now();
    let status = 0;
    let code = TRANSPORT_ERROR;
    try {
      const answer = await postAdmitted(`${ctx.baseUrl}/graphql`, JSON_HEADERS, readBody(op), {
        signal: ctx.signal,
        timeoutMs: CLIENT_TIMEOUT_S * 1000,
        admission: ctx.admission,
      });
      status = answer.status;
      code = classifyRead(answer.text);
    } catch {
      // No response: a transport error.
    }
    const at = ctx.clock();
    const ms = performance.now() - started;
    samples.push({ at, ms });
    ctx.tally.record({ kind: "read", at, ms, status, code, op: op.name });
  }
}

/** The read figures judge() wants, from the read loops' own samples. */
function readStats(samples: readonly ReadSample[], tally: Tally, loadMs: number): ReadStats {
  const ms = samples.map((x) => x.ms);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    p50: round(percentile(ms, 50)),
    p99: round(percentile(ms, 99)),
    max: round(Math.max(0, ...ms)),
    mean: ms.length ? round(ms.reduce((a, b) => a + b, 0) / ms.length) : 0,
    requestsPerSecond: samples.length / (loadMs / 1000),
    errors: tally.notable.filter((o) => o.kind === "read" && o.code === TRANSPORT_ERROR).length,
    timeouts: 0,
  };
}

/** The server log's error-level lines (pino level >= 50), the first `max` of them. */
function errorLines(path: string, max: number): string[] {
  let text = "";
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const line of text.split("\n")) {
    if (!line.includes('"level":5') && !line.includes('"level":6')) continue;
    found.push(line.slice(0, 2000));
    if (found.length >= max) break;
  }
  return found;
}

/** Lines of the shipped server's log at warn and above (the access lines are info). */
function countWarnLines(path: string): number {
  try {
    return readFileSync(path, "utf8")
      .split("\n")
      .filter((l) => /"level":(4|5|6)\d/.test(l)).length;
  } catch {
    return 0;
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
  if (cli.hostile) {
    say("npm run build (the server runs as npm start runs it)");
    buildAsShipped();
    checkpoint();
  }
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

  const { token, sha256 } = generateToken();
  const tokens = [{ name: "soak", sha256, scopes: ["write" as const] }];
  // Set again when the load begins; the shipped server's crash times are read against it.
  let t0 = performance.now();
  const clock = () => performance.now() - t0;
  let baseUrl: string;
  if (cli.hostile) {
    const neo4j = res.neo4j;
    res.api = await ShippedApi.start({
      target: {
        uri: neo4j.uri,
        user: neo4j.user,
        password: neo4j.password,
        database: neo4j.database,
      },
      apiTokens: JSON.stringify(tokens),
      // The held streams stand for many clients, all on this machine: one client's share
      // (MAX_SUBSCRIPTIONS_PER_CLIENT, 8) is lifted so that they reach MAX_SUBSCRIPTIONS.
      env: { MAX_SUBSCRIPTIONS_PER_CLIENT: String(DEFAULT_LIMITS.maxSubscriptions) },
      logPath: HOSTILE_SERVER_LOG,
      clock,
    });
    baseUrl = res.api.baseUrl;
    say(`API as shipped (${res.api.command}, pid ${res.api.pid}) on ${baseUrl}`);
  } else {
    baseUrl = await serveInProcess(db, tokens, res);
    say(`API on ${baseUrl}`);
  }
  await preflight(baseUrl);
  checkpoint();

  const runId = Date.now().toString(36);
  let n = 0;
  const nextKey = () => `${KEY_PREFIX}${runId}-${n++}`;
  const tally = new Tally();
  const readSamples: ReadSample[] = [];
  const writes: WriteRecord[] = [];
  const startedAt = new Date();
  t0 = performance.now();
  const durationMs = cli.durationS * 1000;
  // While an outage is under way the end is open; once it is over, it is fixed (see above).
  let endAt = cli.restart ? Number.POSITIVE_INFINITY : durationMs;
  const admission = newAdmissionCounts();
  const ctx: LoadContext = { baseUrl, clock, until: () => endAt, tally, signal, admission };
  const hostileCtx: HostileContext = { ...ctx, hostile: new HostileTally() };
  const at = (message: string) => say(`${(clock() / 1000).toFixed(1).padStart(5)} s  ${message}`);
  at(
    `load: ${cli.durationS} s, ${cli.connections} read connections, ${cli.writers} writers${cli.hostile ? `, ${HOSTILE_LOOPS} hostile loops, ${SLOW_CLIENTS} slow clients, ${HELD_SUBSCRIPTIONS} held subscriptions` : ""}${cli.restart ? `, Neo4j restart at ${(OUTAGE_AT * cli.durationS).toFixed(1)} s` : ""}`,
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
  const reading: Promise<Result | null> = cli.hostile
    ? Promise.all(
        Array.from({ length: cli.connections }, (_, i) => readLoop(ctx, i, readSamples)),
      ).then(() => null)
    : runReads(ctx, cli.connections, readSamples);
  const nextClass = roundRobin();
  const held: Promise<HeldSubscriptions | null> = cli.hostile
    ? holdSubscriptions(hostileCtx, HELD_SUBSCRIPTIONS, HOLD_AT * durationMs, HOLD_FOR * durationMs)
    : Promise.resolve(null);
  const [readResult, , timeline, , subscriptions] = await Promise.all([
    reading,
    Promise.all(Array.from({ length: cli.writers }, () => writeLoop(ctx, token, nextKey, writes))),
    outage,
    Promise.all([
      ...Array.from({ length: cli.hostile ? HOSTILE_LOOPS : 0 }, () =>
        hostileLoop(hostileCtx, nextClass, HOSTILE_PAUSE_MS),
      ),
      ...Array.from({ length: cli.hostile ? SLOW_CLIENTS : 0 }, () => slowClientLoop(hostileCtx)),
    ]),
    held,
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
  const reads: ReadStats = readResult
    ? {
        p50: readResult.latency.p50,
        p99: readResult.latency.p99,
        max: readResult.latency.max,
        mean: readResult.latency.mean,
        requestsPerSecond: readResult.requests.average,
        errors: readResult.errors,
        timeouts: readResult.timeouts,
      }
    : readStats(readSamples, tally, loadMs);
  const hostile =
    res.api &&
    (await hostileFindings({
      api: res.api,
      tally,
      hostile: hostileCtx.hostile,
      admission,
      subscriptions,
      timeline,
    }));
  const serverLog = hostile
    ? {
        file: relative(process.cwd(), HOSTILE_SERVER_LOG),
        lines: countWarnLines(HOSTILE_SERVER_LOG),
      }
    : { file: relative(process.cwd(), SERVER_LOG), lines: countLines(SERVER_LOG) };
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
    serverLog,
    ...(hostile ? { hostile } : {}),
  });
  const jsonPath = hostile ? HOSTILE_REPORT_PATH : REPORT_PATH;
  writeReport(report, jsonPath);
  if (hostile) {
    const md = formatMarkdown(report, relative(RESULTS, jsonPath));
    writeFileSync(HOSTILE_MARKDOWN_PATH, md);
  }
  process.stdout.write(formatReport(report, relative(process.cwd(), jsonPath)));
  return report.passed ? 0 : 1;
}

/** Serves the API in this process on a free loopback port (the plain soak); returns its URL. */
async function serveInProcess(
  db: Db,
  tokens: { name: string; sha256: string; scopes: "write"[] }[],
  res: Resources,
): Promise<string> {
  const destination = pino.destination({
    dest: SERVER_LOG,
    mkdir: true,
    append: false,
    sync: true,
  });
  res.flushLog = () => destination.flushSync();
  const logger = pino({ level: process.env.SOAK_LOG_LEVEL ?? "warn" }, destination);
  const app = createApp({ db, logger, tokens, limits: DEFAULT_LIMITS });
  const server = createHttp({ app, db, logger, maxBodyBytes: DEFAULT_LIMITS.maxBodyBytes });
  res.server = server;
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * What the hostile run met: the shipped server is stopped here (its last memory sample is
 * taken first), and every failed or off-contract response is named with its request.
 */
async function hostileFindings(run: {
  api: ShippedApi;
  tally: Tally;
  hostile: HostileTally;
  admission: AdmissionCounts;
  subscriptions: HeldSubscriptions | null;
  timeline: OutageTimeline | null;
}): Promise<HostileObservations> {
  const { api, tally, hostile, admission, subscriptions, timeline } = run;
  const stoppedWith = await api.stop();
  const window = outageWindow(timeline);
  const flag = (o: { op?: string; at: number; ms: number; status: number; code: string }) => {
    const op = o.op ?? "unknown";
    const request =
      READS.some((r) => r.name === op) || op === "SoakCreateEntity" ? op : describeRequest(op);
    return {
      op,
      atS: Math.round(o.at / 10) / 100,
      status: o.status,
      code: o.code,
      insideOutage: overlaps(o, window),
      request,
    } satisfies FlaggedRequest;
  };
  const fivexx = tally.serverErrors(window);
  const faults = [...fivexx.inside, ...fivexx.outside].sort((a, b) => a.at - b.at).map(flag);
  const breaches = hostile.sent
    .filter(
      (x) => x.verdict === "breach" && !overlaps({ at: x.at, ms: x.at - x.startedAt }, window),
    )
    .map((x) =>
      flag({ op: x.name, at: x.at, ms: x.at - x.startedAt, status: x.status, code: x.code }),
    );
  const failed = api.crashes.length > 0 || faults.length > 0;
  return {
    server: { command: api.command, env: "NODE_ENV=production", stoppedWith },
    crashes: api.crashes.map((c) => ({ ...c, inFlight: hostile.inFlightAt(c.at) })),
    memory: api.memory,
    classes: HOSTILE_CLASSES.map(({ name, what }) => ({ name, what })).concat([
      {
        name: "slow-client",
        what: "headers and Content-Length, then the body one byte every 400 ms",
      },
      {
        name: "subscriptions-held",
        what: `${HELD_SUBSCRIPTIONS} graphChanged streams held (refusals only)`,
      },
    ]),
    tally: hostile,
    subscriptions,
    admission,
    faults,
    breaches,
    serverErrors: errorLines(HOSTILE_SERVER_LOG, 20),
    stderrTail: failed ? api.stderrTail() : "",
  };
}

/** Closes the API, deletes what the soak wrote, closes the driver and stops the soak Neo4j. */
async function shutdown(res: Resources): Promise<void> {
  if (res.api) await res.api.stop();
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
