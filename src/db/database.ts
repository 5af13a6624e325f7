/**
 * Connects to the configured Neo4j: NEO4J_URI when set, otherwise the local embedded default
 * (started here, or reused when already running). Migrations are applied before it is returned.
 */
import { Neo4jError } from "neo4j-driver";
import { type Config, shown } from "../config.js";
import { createDb, type Db, type DbHealth, type DbTarget } from "./driver.js";
import { type LocalNeo4j, type LocalNeo4jOptions, startLocalNeo4j } from "./local-neo4j.js";
import { migrate } from "./migrate.js";
import { BULK_TX_TIMEOUT_MS } from "./run.js";

export interface Database {
  db: Db;
  /** How to reach it (tests hand this to their workers). */
  target: DbTarget;
  /** Where it is, for logs (never the password). */
  describe: string;
  /** Closes the driver, then stops the local Neo4j if this process started it. */
  close(): Promise<void>;
}

/** The local instance's settings from the configuration. */
export function localNeo4jOptions(
  config: Config,
  log: (message: string) => void,
  instance = "dev",
): LocalNeo4jOptions {
  return {
    dir: config.NEO4J_LOCAL_DIR,
    instance,
    boltPort: config.NEO4J_LOCAL_BOLT_PORT,
    heap: config.NEO4J_LOCAL_HEAP,
    pagecache: config.NEO4J_LOCAL_PAGECACHE,
    txTimeout: config.NEO4J_TX_TIMEOUT,
    startTimeoutMs: config.NEO4J_START_TIMEOUT_MS,
    log,
  };
}

/** Raised when the Neo4j of NEO4J_URI cannot be reached or refuses the configured login. */
export class Neo4jUnreachableError extends Error {
  override name = "Neo4jUnreachableError";
}

/**
 * What stops start-up when NEO4J_URI's Neo4j does not answer as configured, naming the
 * variables to look at (never the password). The driver's error went out as a fatal log line
 * with its stack, naming none of them.
 */
function unreachable(error: unknown, config: Config): unknown {
  if (!(error instanceof Neo4jError)) return error;
  // A URI may carry a user and password before its `@`: shown without them.
  const at = `Neo4j at ${shown("NEO4J_URI", config.NEO4J_URI)}`;
  if (error.code === "Neo.ClientError.Security.Unauthorized")
    return new Neo4jUnreachableError(
      `${at} refused the login: check NEO4J_USER (${config.NEO4J_USER}) and NEO4J_PASSWORD.`,
    );
  if (error.code === "Neo.ClientError.Database.DatabaseNotFound")
    return new Neo4jUnreachableError(
      `${at} has no database named ${JSON.stringify(config.NEO4J_DATABASE)}: check NEO4J_DATABASE.`,
    );
  if (error.code === "ServiceUnavailable" || error.code === "SessionExpired") {
    const cause = /Caused by: (.*)$/.exec(error.message)?.[1] ?? error.message;
    return new Neo4jUnreachableError(
      `Cannot reach ${at} (NEO4J_URI): ${cause}. Check the URI and that Neo4j runs there, or leave NEO4J_URI unset to start the local one.`,
    );
  }
  return error;
}

export interface OpenOptions {
  /** The local instance's name (its folder under NEO4J_LOCAL_DIR): "dev" unless a test's. */
  instance?: string;
  /** The transaction timeout of reads and of writes that name none (default QUERY_TIMEOUT_MS). */
  txTimeoutMs?: number;
  /** The server's: a local Neo4j that exits is started again, and this says why. */
  restartOnExit?: LocalNeo4jOptions["restartOnExit"];
  /**
   * The server's: told (at most once a minute while it lasts) when requests find the database
   * unreachable, and once when it answers again. Requests are told SERVICE_UNAVAILABLE, an
   * expected error logged at debug, so a database that went away left no line an operator sees.
   */
  reachability?: { lost: (message: string) => void; regained: (message: string) => void };
}

/** How often a database that stays unreachable is reported again. */
const UNREACHABLE_REPORT_MS = 60_000;

/** db.health for openDatabase's `reachability`: `where` names the database (no secrets). */
export function reportReachability(
  where: string,
  to: NonNullable<OpenOptions["reachability"]>,
  now: () => number = Date.now,
): DbHealth {
  let lostAt: number | null = null;
  let reportedAt = 0;
  return {
    unreachable(cause) {
      const t = now();
      if (lostAt === null) lostAt = t;
      else if (t - reportedAt < UNREACHABLE_REPORT_MS) return;
      reportedAt = t;
      const since = t - lostAt >= 1_000 ? ` for ${Math.round((t - lostAt) / 1_000)} s` : "";
      to.lost(
        `Neo4j at ${where} does not answer${since} (${cause}); requests are answered SERVICE_UNAVAILABLE until it does.`,
      );
    },
    answered() {
      if (lostAt === null) return;
      const after = Math.round((now() - lostAt) / 1_000);
      lostAt = null;
      to.regained(`Neo4j at ${where} answers again (unreachable for about ${after} s).`);
    },
  };
}

/**
 * Opens the configured database (starting the local instance when NEO4J_URI is unset) and
 * applies the migrations. `txTimeoutMs` is the transaction timeout of its reads and of writes
 * that name none: the per-request budget (QUERY_TIMEOUT_MS) for the server; the CLIs, whose work
 * is outside any request, pass BULK_TX_TIMEOUT_MS (an `ingest --check` of a few articles failed
 * with "took too long ... narrow it and retry" on a busy machine under the request budget).
 */
export async function openDatabase(
  config: Config,
  log: (message: string) => void,
  {
    instance = "dev",
    txTimeoutMs = config.QUERY_TIMEOUT_MS,
    restartOnExit,
    reachability,
  }: OpenOptions = {},
): Promise<Database> {
  const local: LocalNeo4j | undefined = config.NEO4J_URI
    ? undefined
    : await startLocalNeo4j({ ...localNeo4jOptions(config, log, instance), restartOnExit });
  const target = local ?? {
    uri: config.NEO4J_URI ?? "",
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD ?? "",
    database: config.NEO4J_DATABASE,
  };
  const db = createDb(target, { txTimeoutMs, maxInFlight: config.MAX_IN_FLIGHT });
  try {
    await db.driver.verifyConnectivity({ database: target.database });
    await migrate(db);
  } catch (error) {
    await db.driver.close();
    await local?.stop();
    throw local ? error : unreachable(error, config);
  }
  const { uri, user, password, database } = target;
  if (reachability) {
    const where = local ? `${target.uri} (local instance ${instance})` : shown("NEO4J_URI", uri);
    db.health = reportReachability(where, reachability);
  }
  return {
    db,
    target: { uri, user, password, database },
    describe: `${target.uri} (database ${target.database}${local ? `, local instance ${instance}` : ""})`,
    async close() {
      await db.driver.close();
      await local?.stop();
    },
  };
}

/**
 * The database for a CLI (ingest, seed, extract, generate): its work is outside any request, so
 * its reads, like its writes, may run BULK_TX_TIMEOUT_MS rather than the request budget.
 */
export const openCliDatabase = (config: Config, log: (message: string) => void) =>
  openDatabase(config, log, { txTimeoutMs: BULK_TX_TIMEOUT_MS });
