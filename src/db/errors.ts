import { Neo4jError } from "neo4j-driver";
import { AppError, retryAfter, ServiceUnavailableError, TimeoutError } from "../domain/errors.js";

const UNAVAILABLE = new Set(["ServiceUnavailable", "SessionExpired"]);

/**
 * A transaction stopped (past its timeout, as a rule) while it took or waited for a lock. Neo4j
 * 5.26 says so as a ClientError (older servers as a TransientError).
 */
export const stoppedInLock = (error: unknown): boolean =>
  error instanceof Neo4jError &&
  /^Neo\.(Client|Transient)Error\.Transaction\.LockClientStopped$/.test(error.code);

/**
 * Why the database could not be reached, when `error` says it could not (the driver's message,
 * without its "Caused by" chain's prefix), or null for any other error.
 */
export function unreachableCause(error: unknown): string | null {
  if (!(error instanceof Neo4jError)) return null;
  if (
    !UNAVAILABLE.has(error.code) &&
    !/acquisition timed out|Failed to connect|Pool is closed/i.test(error.message)
  )
    return null;
  return /Caused by: (.*)$/.exec(error.message)?.[1] ?? error.message;
}

/** Maps a Neo4jError to a domain error where one applies; anything else passes through. */
export function mapDbError(error: unknown): unknown {
  if (error instanceof AppError || !(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE.has(error.code)) return new ServiceUnavailableError();
  if (error.code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
    return new TimeoutError();
  }
  // Stopped in a lock (see stoppedInLock): it was an internal error.
  if (stoppedInLock(error)) {
    return new TimeoutError(
      "The operation waited too long for entities other writes were changing, and was stopped before it committed; retry it.",
      retryAfter(1),
    );
  }
  if (error.code === "Neo.TransientError.Transaction.DeadlockDetected") {
    return new ServiceUnavailableError(
      "The write deadlocked with concurrent writes to the same entities, each time it was tried, and was not committed; retry it.",
      1,
    );
  }
  // Anything the driver marks retriable has already been retried by the managed transaction:
  // the database is unreachable or overloaded just now.
  if (
    error.retriable ||
    /acquisition timed out|Failed to connect|Pool is closed/i.test(error.message)
  ) {
    return new ServiceUnavailableError();
  }
  return error;
}
