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
}

/** Creates the driver (one per process). Its password is never logged. */
export function createDb(target: DbTarget): Db {
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
    userAgent: "allies-graph",
    logging: { level: "error", logger: () => {} },
  });
  return { driver, database: target.database };
}
