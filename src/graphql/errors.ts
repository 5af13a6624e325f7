/**
 * What clients see of errors. Expected errors (AppError, bad paging or ids) keep their message
 * and get a stable `extensions.code`; anything else is masked (and logged by the server).
 */
import { PothosValidationError } from "@pothos/core";
import { GraphQLError } from "graphql";
import { AppError } from "../domain/errors.js";

/** Unwraps located errors. Duck-typed: graphql ships CJS and ESM builds, so instanceof can lie. */
function rootCause(error: unknown): unknown {
  let current = error;
  while (isGraphQLError(current) && current.originalError) current = current.originalError;
  return current;
}

function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && (error.name === "GraphQLError" || error instanceof GraphQLError);
}

/**
 * graphql-js's GraphQLErrors about a value a resolver returned (an object that is not of the
 * field's type, an abstract type that resolves to none): the server's data or code is wrong, not
 * the request, and the message quotes the value. Unexpected, so masked and logged.
 */
const RESULT_ERRORS = [/^Expected value of type "/, /^Abstract type "/, /^Runtime Object type "/];

function isResultError(error: GraphQLError): boolean {
  return !error.extensions?.code && RESULT_ERRORS.some((pattern) => pattern.test(error.message));
}

/**
 * Builds the masking function: maps expected errors to coded GraphQL errors, masks the rest
 * (with the request id, when known, so a caller can quote the failure; the log line carries the
 * same id).
 */
export function createMaskError(requestId?: string) {
  return (error: unknown, message: string): Error => {
    const cause = rootCause(error);
    const at = isGraphQLError(error) ? { nodes: error.nodes, path: error.path } : {};
    if (cause instanceof AppError) {
      return new GraphQLError(cause.message, {
        ...at,
        extensions: { code: cause.code, ...cause.details },
      });
    }
    if (
      cause instanceof PothosValidationError ||
      (cause instanceof Error && cause.name === "PothosValidationError")
    ) {
      return new GraphQLError(cause.message, { ...at, extensions: { code: "BAD_USER_INPUT" } });
    }
    if (isGraphQLError(cause) && !isResultError(cause)) {
      // graphql-js and the plugins raise GraphQLErrors for what the client sent (variables of
      // the wrong type, ids of unknown types); give every one a code. The outermost error is
      // the one to show: graphql-js wraps a bad variable's scalar error in one that names the
      // variable and the place in it ('Variable "$w" got invalid value ...; Field "x" is not
      // defined ...') and asks for status 400, which the scalar's own error knows nothing of.
      const outer = isGraphQLError(error) ? error : cause;
      if (outer === cause && cause.extensions?.code) return cause;
      const code = outer.extensions?.code ?? cause.extensions?.code ?? "BAD_USER_INPUT";
      return new GraphQLError(outer.message, {
        ...at,
        extensions: { ...cause.extensions, ...outer.extensions, code },
      });
    }
    return new GraphQLError(message, {
      ...at,
      extensions: { code: "INTERNAL_SERVER_ERROR", ...(requestId ? { requestId } : {}) },
    });
  };
}

/**
 * Whether an error (or what it wraps) is an expected one: logged at debug, not error. A
 * GraphQLError that wraps nothing was raised by graphql-js, yoga or a plugin about what the
 * client sent (a syntax error, a refused CSRF request, a variable of the wrong type): a client
 * error, unless it says it is an internal one.
 */
export function isExpectedError(error: unknown): boolean {
  const cause = rootCause(error);
  if (cause instanceof AppError) return true;
  if (cause instanceof Error && cause.name === "PothosValidationError") return true;
  if (!isGraphQLError(cause) || isResultError(cause)) return false;
  const status = (cause.extensions?.http as { status?: number } | undefined)?.status;
  return (
    cause.extensions?.code !== "INTERNAL_SERVER_ERROR" && (status === undefined || status < 500)
  );
}
