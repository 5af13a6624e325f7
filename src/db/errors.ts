import { Neo4jError } from "neo4j-driver";
import { AppError, ServiceUnavailableError, TimeoutError } from "../domain/errors.js";

const UNAVAILABLE = new Set(["ServiceUnavailable", "SessionExpired"]);

/** Maps a Neo4jError to a domain error where one applies; anything else passes through. */
export function mapDbError(error: unknown): unknown {
  if (error instanceof AppError || !(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE.has(error.code)) return new ServiceUnavailableError();
  if (
    error.code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut") ||
    error.code === "Neo.TransientError.Transaction.LockClientStopped"
  ) {
    return new TimeoutError();
  }
  if (error.code === "Neo.TransientError.Transaction.DeadlockDetected") {
    return new ServiceUnavailableError(
      "The write deadlocked with concurrent writes to the same entities, each time it was tried, and was not committed; retry it.",
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
