/**
 * `npm start`: config -> database (NEO4J_URI, or the local Neo4j started here) -> migrations ->
 * seed if empty -> serve GraphiQL. Ctrl-C or SIGTERM drains requests, closes the driver and stops
 * the local Neo4j if it was started here.
 */
import type { Server } from "node:http";
import proxyAddr from "proxy-addr";
import { loadTokenEntries } from "./auth/tokens.js";
import { ConfigError, checkServerMemory, loadConfig } from "./config.js";
import { ingestFiles, isEmpty, seedFiles } from "./data/seed.js";
import { settleEarlierGraph } from "./data/settle.js";
import { warmUpWrites } from "./data/warm-up.js";
import { Neo4jUnreachableError, openDatabase } from "./db/database.js";
import { LocalNeo4jError } from "./db/local-neo4j.js";
import { AppError } from "./domain/errors.js";
import {
  connectGraphEvents,
  createGraphEvents,
  describeRedis,
  RedisUnavailableError,
} from "./events.js";
import { createExtractor } from "./extract/pool.js";
import { createHttp, drain } from "./http.js";
import { limitsFrom } from "./limits.js";
import { neo4jIdentity, newSecret, registerLocalApi } from "./local-apis.js";
import { logger } from "./logger.js";
import { createApp } from "./server.js";

/**
 * What start-up has opened, for a signal that comes before the server serves: Node's default
 * action killed the process at once, saying nothing, with its driver open and its local Neo4j
 * left to the watchdog (test/shipped/start-signal.shipped.test.ts).
 */
const starting: { opened: Array<{ close(): Promise<void> }>; stopping: boolean } = {
  opened: [],
  stopping: false,
};

function stopWhileStarting(signal: NodeJS.Signals): void {
  if (starting.stopping) return;
  starting.stopping = true;
  const opened = [...starting.opened].reverse();
  logger.info(
    opened.length > 0
      ? `${signal} during start-up: stopping before serving, closing what start-up opened ...`
      : `${signal} during start-up: stopping before serving (a local Neo4j being started is stopped by its watchdog).`,
  );
  void (async () => {
    // What start-up was doing fails as the driver closes: its transaction rolls back whole.
    for (const o of opened) await o.close().catch(() => undefined);
    logger.info("Stopped.");
    process.exit(0);
  })();
}

async function main(): Promise<void> {
  process.on("SIGINT", stopWhileStarting);
  process.on("SIGTERM", stopWhileStarting);
  const config = loadConfig();
  checkServerMemory(config);
  logger.level = config.LOG_LEVEL;
  // Before Neo4j: a wrong REDIS_URL stops start-up without leaving a local Neo4j behind.
  const shared = config.REDIS_URL
    ? await connectGraphEvents(config.REDIS_URL, {
        // An outage is one warn and its end one info: the API answers throughout and ioredis
        // reconnects by itself, so nothing needs an operator's hand unless it lasts.
        down: (m) => logger.warn(m),
        back: (m) => logger.info(m),
        // The message alone: a socket error's stack says nothing an operator can act on.
        error: (err, what) =>
          logger.error(`${what}: ${err instanceof Error ? err.message : String(err)}`),
      })
    : null;
  if (shared) starting.opened.push(shared);
  // A local Neo4j that exits under the running server is started again, and the log says why.
  const database = await openDatabase(config, (m) => logger.info(m), {
    restartOnExit: (m) => logger.error(m),
    reachability: { lost: (m) => logger.warn(m), regained: (m) => logger.info(m) },
  });
  // Signalled while it opened (the handler was still closing Redis): close it here too.
  if (starting.stopping) {
    await database.close();
    return;
  }
  starting.opened.push(database);
  await settleEarlierGraph(database.db, (m) => logger.info(m));
  logger.info(`Connected to Neo4j at ${database.describe}; migrations applied.`);
  const stats = { roundTrips: 0 };
  if (config.SEED_IF_EMPTY && (await isEmpty(database.db, stats))) {
    for (const s of await ingestFiles(database.db, stats, seedFiles())) {
      logger.info(`Seeded ${s.source}: ${s.entities} entities, ${s.relations} relations.`);
    }
  }

  // Before serving: the first write after a start would otherwise plan every statement it sends.
  if (config.WARM_UP_WRITES) {
    const warming = Date.now();
    await warmUpWrites(database.db).then(
      (statements) =>
        logger.info(
          `Planned the write statements (${statements} run, rolled back) in ${Date.now() - warming} ms.`,
        ),
      (err: unknown) =>
        logger.warn(
          { err },
          "Planning the write statements ahead failed; the first write plans them.",
        ),
    );
  }

  const tokens = loadTokenEntries(config);
  if (tokens.length === 0)
    logger.warn(
      "No API tokens configured: reads work, every write is refused (see npm run token).",
    );
  else logger.info(`API tokens loaded: ${tokens.length}.`);
  const limits = limitsFrom(config);
  logger.info(
    config.REDIS_URL
      ? `Live updates (graphChanged) shared through Redis at ${describeRedis(config.REDIS_URL)}.`
      : "Live updates (graphChanged) in this process and from npm run ingest on this machine (set REDIS_URL to share them between replicas).",
  );
  const events = shared?.events ?? createGraphEvents(limits.maxSubscriptions);
  // Without Redis, `npm run ingest` on this machine posts its changes here (see local-apis.ts).
  const secret = shared ? null : newSecret();
  const extractor = createExtractor({ timeoutMs: limits.queryTimeoutMs });
  starting.opened.push(extractor);
  const app = createApp({
    db: database.db,
    logger,
    tokens,
    limits,
    events,
    extractor,
    corsOrigins: config.CORS_ORIGINS,
  });
  const server = createHttp({
    app,
    db: database.db,
    logger,
    maxBodyBytes: limits.maxBodyBytes,
    maxInFlight: limits.maxInFlight,
    maxSubscriptions: limits.maxSubscriptions,
    maxSubscriptionsPerClient: limits.maxSubscriptionsPerClient,
    clientOf: (req) => proxyAddr(req, config.TRUST_PROXY),
    corsOrigins: config.CORS_ORIGINS,
    ...(secret ? { internal: { secret, events } } : {}),
  });
  // An address it cannot listen on (PORT taken, HOST no address of this machine) stops start-up
  // with a line naming them, after closing what start-up opened (the local Neo4j it started
  // included): Node raised an unhandled 'error' event, exited with its stack and left the
  // local Neo4j to the watchdog.
  await listen(server, config.PORT, config.HOST).catch(async (error: unknown) => {
    await extractor.close();
    await shared?.close();
    await database.close();
    throw error;
  });
  const unregister = secret
    ? await registerLocalApi(config.NEO4J_LOCAL_DIR, {
        url: `http://${config.HOST === "0.0.0.0" ? "127.0.0.1" : config.HOST}:${config.PORT}`,
        neo4j: neo4jIdentity(database.target),
        secret,
      }).catch((err: unknown) => {
        // Not fatal: only the CLI's live updates are lost.
        logger.warn({ err }, "Cannot register for npm run ingest's live updates.");
        return null;
      })
    : null;
  const host = config.HOST === "0.0.0.0" ? "localhost" : config.HOST;
  logger.info(`GraphiQL: http://${host}:${config.PORT}/graphql`);
  logger.info(`Explorer: http://${host}:${config.PORT}/explorer/`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: draining requests, then closing Neo4j ...`);
    // Live-update streams end now (their clients read the end): they would hold the drain.
    events.end();
    await drain(server, 10_000);
    await unregister?.();
    await extractor.close();
    await shared?.close();
    await database.close();
    logger.info("Stopped.");
    process.exit(0);
  };
  if (starting.stopping) return;
  process.off("SIGINT", stopWhileStarting);
  process.off("SIGTERM", stopWhileStarting);
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

/** Why the server cannot listen on HOST:PORT, in an operator's words (ConfigError), or the error. */
function listenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  const where = `Cannot listen on ${host}:${port} (HOST, PORT)`;
  switch (error.code) {
    case "EADDRINUSE":
      return new ConfigError(
        `${where}: the port is in use (another server?); stop it, or set PORT to a free port.`,
      );
    case "EACCES":
      return new ConfigError(
        `${where}: this user may not listen on that port (below 1024 needs privileges); set PORT to one from 1024.`,
      );
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_NONAME":
      return new ConfigError(
        `${where}: HOST="${host}" is no address of this machine (${error.code}); set HOST to one of its addresses, such as 127.0.0.1, or 0.0.0.0 for all.`,
      );
    default:
      return new ConfigError(`${where}: ${error.message}`);
  }
}

/** server.listen, resolved once it listens, rejected (listenError) when it cannot. */
function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((done, fail) => {
    const failed = (error: NodeJS.ErrnoException) => fail(listenError(error, port, host));
    server.once("error", failed);
    server.listen(port, host, () => {
      server.off("error", failed);
      done();
    });
  });
}

main().catch((error: unknown) => {
  // Stopping on a signal: what failed is start-up's work cut short, not a fault.
  if (starting.stopping) return;
  if (
    error instanceof ConfigError ||
    error instanceof LocalNeo4jError ||
    error instanceof Neo4jUnreachableError ||
    error instanceof RedisUnavailableError ||
    error instanceof AppError
  ) {
    process.stderr.write(`${error.message}\n`);
  } else {
    logger.fatal({ err: error }, "start-up failed");
  }
  process.exit(1);
});
