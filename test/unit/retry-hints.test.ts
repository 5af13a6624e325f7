/**
 * What a client is told about trying again, as the masking function hands it out: transient
 * errors carry `retryable: true` and `retryAfterSeconds`, whatever their wording; errors that
 * would fail alike if sent again carry neither, and unexpected ones stay masked. The explorer
 * decided from the message ("retry in a few seconds"), which no other client could rely on.
 * The database's answers are the driver's own Neo4jError objects, as Neo4j 5.26 codes them
 * (the shipped tests see the outage and the lock wait for real).
 */
import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { mapDbError } from "../../src/db/errors.js";
import {
  BadInputError,
  ForbiddenError,
  LimitExceededError,
  NotFoundError,
  TimeoutError,
} from "../../src/domain/errors.js";
import { createMaskError } from "../../src/graphql/errors.js";

const mask = createMaskError("req-1");
const told = (error: unknown) =>
  mask(mapDbError(error), "Unexpected error.") as Error & {
    extensions: Record<string, unknown>;
  };
const neo4j = (code: string, message = "from the database") =>
  new Neo4jError(message, code, "50N42", "error: general processing exception");

describe("retry hints in errors' extensions", () => {
  it("the database unreachable, a write deadlocked each time, a write stopped in a lock: retryable", () => {
    expect(told(neo4j("ServiceUnavailable")).extensions).toEqual({
      code: "SERVICE_UNAVAILABLE",
      retryable: true,
      retryAfterSeconds: 2,
    });
    expect(told(neo4j("SessionExpired")).extensions.retryable).toBe(true);
    expect(told(neo4j("Neo.TransientError.Transaction.DeadlockDetected")).extensions).toEqual({
      code: "SERVICE_UNAVAILABLE",
      retryable: true,
      retryAfterSeconds: 1,
    });
    expect(told(neo4j("Neo.ClientError.Transaction.LockClientStopped")).extensions).toEqual({
      code: "TIMEOUT",
      retryable: true,
      retryAfterSeconds: 1,
    });
  });

  it("no pool connection free within 3 s: SERVICE_UNAVAILABLE, retryable, not OVERLOADED", () => {
    // The driver's pool raises this (code "N/A", its message word for word) once
    // connectionAcquisitionTimeout passes: the request was admitted and may have answered some
    // fields, so not the 503 of admission.
    const e = neo4j(
      "N/A",
      "Connection acquisition timed out in 3000 ms. Pool status: Active conn count = 50, Idle conn count = 0.",
    );
    expect(told(e).extensions).toEqual({
      code: "SERVICE_UNAVAILABLE",
      retryable: true,
      retryAfterSeconds: 2,
    });
  });

  it("a transaction that ran out of time by itself, bad input, a limit, a refused token: not retryable", () => {
    const refused = [
      told(neo4j("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration")),
      told(new TimeoutError()),
      told(new BadInputError("key: malformed")),
      told(new LimitExceededError("text is 100001 characters; at most 100000")),
      told(new ForbiddenError("needs the write scope")),
      told(new NotFoundError("no entity nato-x")),
    ];
    expect(refused.map((e) => e.extensions.code)).toEqual([
      "TIMEOUT",
      "TIMEOUT",
      "BAD_USER_INPUT",
      "LIMIT_EXCEEDED",
      "FORBIDDEN",
      "NOT_FOUND",
    ]);
    for (const e of refused) {
      expect(e.extensions).not.toHaveProperty("retryable");
      expect(e.extensions).not.toHaveProperty("retryAfterSeconds");
    }
  });

  it("an unexpected error stays masked, even one whose words say to retry", () => {
    const e = told(new Error("connection reset; retry in a few seconds"));
    expect(e.message).toBe("Unexpected error.");
    expect(e.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: "req-1" });
  });
});
