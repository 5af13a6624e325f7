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

/** Creates the driver (one per process). Its password is never logged. */
export function createDb(target: DbTarget, options: { txTimeoutMs?: number } = {}): Db {
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    maxConnectionPoolSize: 50,
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
