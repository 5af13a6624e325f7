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
  return error;
}
