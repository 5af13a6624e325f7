import neo4j, { type Driver } from "neo4j-driver";

export interface DbTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** The process's one driver and the database it reads and writes. */
export interface Db {
  driver: Driver;
  database: string;
  /** Each transaction's timeout (ms); Neo4j ends a transaction that runs longer. */
  txTimeoutMs?: number;
  /** Told when the database stops answering and when it answers again (the server's log). */
  health?: DbHealth;
}

/** What run.ts tells of the database's reachability, as transactions find it. */
export interface DbHealth {
  /** A transaction could not reach the database; `cause` is the driver's reason. */
  unreachable(cause: string): void;
  /** A transaction completed. */
  answered(): void;
}

/**
 * Sessions (so pool connections) one request holds at once; its other work waits for one of
 * them (run.ts, sessionGate). Small, so that every request admitted at once (MAX_IN_FLIGHT) has
 * its share of the pool.
 */
export const SESSIONS_PER_REQUEST = 3;
/** Connections beyond the requests' share: /ready, start-up work. */
const SPARE_CONNECTIONS = 2;

/**
 * Creates the driver (one per process). Its password is never logged. The pool holds
 * SESSIONS_PER_REQUEST connections for each of `maxInFlight` requests (the server's
 * MAX_IN_FLIGHT), and never fewer than 50.
 */
export function createDb(
  target: DbTarget,
  options: { txTimeoutMs?: number; maxInFlight?: number } = {},
): Db {
  const requests = options.maxInFlight ?? 16;
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    maxConnectionPoolSize: Math.max(50, requests * SESSIONS_PER_REQUEST + SPARE_CONNECTIONS),
    // When Neo4j is down, fail fast (SERVICE_UNAVAILABLE) rather than hold requests open;
    // the driver reconnects by itself once it is back.
    connectionAcquisitionTimeout: 3_000,
    connectionTimeout: 2_000,
    maxTransactionRetryTime: 1_000,
    userAgent: "allies-graph",
    logging: { level: "error", logger: () => {} },
  });
  return {
    driver,
    database: target.database,
    ...(options.txTimeoutMs ? { txTimeoutMs: options.txTimeoutMs } : {}),
  };
}
