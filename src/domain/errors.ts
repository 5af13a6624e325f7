/**
 * Expected errors, each with a stable `code` that reaches clients as `extensions.code`.
 * Anything that is not an AppError is unexpected: yoga masks it and the server logs it.
 */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "LIMIT_EXCEEDED"
  | "SERVICE_UNAVAILABLE"
  | "TIMEOUT"
  | "CONFLICT";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input names something that does not exist. */
export class NotFoundError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("NOT_FOUND", message, details);
  }
}

/** One problem in an input, with its path (e.g. `document.relations.3.to`). */
export interface InputProblem {
  path: (string | number)[];
  message: string;
}

/** The input is malformed; `problems` lists every problem found, not just the first. */
export class BadInputError extends AppError {
  constructor(
    message: string,
    readonly problems: InputProblem[] = [],
  ) {
    super("BAD_USER_INPUT", message, problems.length ? { problems } : {});
  }
}

/** A requested size is beyond what the API serves in one answer. */
export class LimitExceededError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("LIMIT_EXCEEDED", message, details);
  }
}

/** The database cannot be reached just now; retrying later may succeed. */
export class ServiceUnavailableError extends AppError {
  constructor(message = "The graph database is unavailable; try again shortly.") {
    super("SERVICE_UNAVAILABLE", message);
  }
}

/** The work took longer than its budget and was stopped. */
export class TimeoutError extends AppError {
  constructor(message = "The query took too long and was stopped; narrow it and retry.") {
    super("TIMEOUT", message);
  }
}

/** No usable credentials: no token, a malformed one, or one the server does not know. */
export class UnauthenticatedError extends AppError {
  constructor(message: string) {
    super("UNAUTHENTICATED", message);
  }
}

/** A known token without the scope the operation needs. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super("FORBIDDEN", message);
  }
}

/** The write contradicts what is stored (e.g. creating a key that exists with other data). */
export class ConflictError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("CONFLICT", message, details);
  }
}
