/**
 * Checks of the request's parameters that yoga leaves out. yoga checks `query`, `variables` and
 * `extensions`, but not `operationName`: `"operationName": 5` was answered "Could not determine
 * what operation to execute.", which sends a client looking at its document, not at the number.
 */
import { createGraphQLError, type Plugin } from "graphql-yoga";

const typeOf = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value;

/** Refuses an operationName that is not a string (null or missing: the document's only one). */
export function paramChecks(): Plugin {
  return {
    onParams({ params }) {
      // A body that is not an object is refused by yoga's own check, after this one.
      if (typeof params !== "object" || params === null) return;
      const name: unknown = params.operationName;
      if (name == null || typeof name === "string") return;
      // Worded as yoga words its own checks of the other parameters.
      throw createGraphQLError(
        `Expected "operationName" param to be a string, but given ${typeOf(name)}.`,
        { extensions: { code: "BAD_REQUEST", http: { status: 400 } } },
      );
    },
  };
}
