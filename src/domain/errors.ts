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
  | "CONFLICT"
  | "STORED_VALUE_OUT_OF_RANGE";

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
  /**
   * The way out the message names, for a client to take in one step: ingest the document as a
   * new version under `key` (free) with `supersedes` naming the stored source it corrects.
   */
  newVersion?: { key: string; supersedes: string };
}

/**
 * Problems an input is told at most, and then that more were (or may be) found. A 417 kB
 * document of 1,000 entities with 40 bad aliases each was answered with all 40,000 (4.2 MB), and
 * finding them all held the event loop 0.3-0.8 s a request: eight clients sending it kept
 * /health waiting 1.3 s (3.8 s at worst). The first hundred say as much, and the document check
 * stops there (parseDocument).
 */
export const MAX_PROBLEMS = 100;

/**
 * `problems` cut to MAX_PROBLEMS, a last line saying how many more were found (`more`, when
 * the caller stopped looking: 0 for "more may follow").
 */
export function capProblems(problems: InputProblem[], more?: number): InputProblem[] {
  if (capped.has(problems) || (problems.length <= MAX_PROBLEMS && more === undefined))
    return problems;
  const beyond = more ?? problems.length - MAX_PROBLEMS;
  const listed = [
    ...problems.slice(0, MAX_PROBLEMS),
    {
      path: [],
      message: `${beyond > 0 ? `${beyond} more problem${beyond === 1 ? "" : "s"}` : "More problems may follow"}: only the first ${MAX_PROBLEMS} are listed; mend them and send it again.`,
    },
  ];
  capped.add(listed);
  return listed;
}

/** Lists capProblems made: cut once, not again (their last line is no problem to count). */
const capped = new WeakSet<InputProblem[]>();

/** The input is malformed; `problems` lists the problems found (at most MAX_PROBLEMS), not just the first. */
export class BadInputError extends AppError {
  readonly problems: InputProblem[];
  constructor(message: string, problems: InputProblem[] = []) {
    const listed = capProblems(problems);
    super("BAD_USER_INPUT", message, listed.length ? { problems: listed } : {});
    this.problems = listed;
  }
}

/** A requested size is beyond what the API serves in one answer. */
export class LimitExceededError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("LIMIT_EXCEEDED", message, details);
  }
}

/**
 * What tells a client, whatever its wording, that an error is transient: the same request sent
 * again unchanged after `retryAfterSeconds` may succeed. Only such errors carry these extensions
 * (`retryable: true` and a whole number of seconds to wait); an error without them would fail
 * alike if sent again (the request itself must change), or, for a write whose outcome is
 * unknown, must be checked before it is sent again. Clients decide on these, never on a message.
 */
export interface RetryHint {
  retryable: true;
  retryAfterSeconds: number;
}

/** The extensions of a transient error (see RetryHint). */
export function retryAfter(seconds: number): RetryHint {
  return { retryable: true, retryAfterSeconds: seconds };
}

/** The database cannot be reached just now (or a write kept deadlocking): a retry may succeed. */
export class ServiceUnavailableError extends AppError {
  constructor(
    message = "The graph database is unavailable; try again shortly.",
    retryAfterSeconds = 2,
  ) {
    super("SERVICE_UNAVAILABLE", message, { ...retryAfter(retryAfterSeconds) });
  }
}

/**
 * The work took longer than its budget and was stopped. Transient (`retry`) only when the time
 * went on something other than the request itself (waiting for a lock, for other extractions,
 * for the extractor to load); otherwise the request must be narrowed or split.
 */
export class TimeoutError extends AppError {
  constructor(
    message = "The query took too long and was stopped; narrow it and retry.",
    retry?: RetryHint,
  ) {
    super("TIMEOUT", message, retry ? { ...retry } : {});
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
