/**
 * What clients see of errors. Expected errors (AppError, bad paging or ids) keep their message
 * and get a stable `extensions.code`; anything else is masked and logged with the request id.
 */
import { PothosValidationError } from "@pothos/core";
import { GraphQLError } from "graphql";
import { AppError } from "../domain/errors.js";
import type { Logger } from "../logger.js";

function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

/** Builds yoga's maskError: maps expected errors to coded GraphQL errors, masks the rest. */
export function createMaskError(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const cause = rootCause(error);
    const at = error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {};
    if (cause instanceof AppError) {
      return new GraphQLError(cause.message, {
        ...at,
        extensions: { code: cause.code, ...cause.details },
      });
    }
    if (cause instanceof PothosValidationError) {
      return new GraphQLError(cause.message, { ...at, extensions: { code: "BAD_USER_INPUT" } });
    }
    if (cause instanceof GraphQLError) return cause;
    const path = error instanceof GraphQLError ? error.path : undefined;
    logger.error({ err: cause, path }, "unexpected error");
    return new GraphQLError(message, { ...at, extensions: { code: "INTERNAL_SERVER_ERROR" } });
  };
}
