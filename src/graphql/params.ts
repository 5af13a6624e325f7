/**
 * Checks of the request's parameters that yoga leaves out. yoga checks `query`, `variables` and
 * `extensions`, but not `operationName`: `"operationName": 5` was answered "Could not determine
 * what operation to execute.", which sends a client looking at its document, not at the number.
 *
 * That answer was also all a client got when the operation to run could not be told: an
 * operationName naming no operation of the document, or none given with a document of several.
 * Those now say which name was not found and which operations the document has.
 */
import { type DocumentNode, getOperationAST, Kind, type OperationDefinitionNode } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";

const typeOf = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value;

/** A name as an answer quotes it: a client's, so at most 100 characters. */
const quoted = (name: string) => `"${name.length > 100 ? `${name.slice(0, 100)}…` : name}"`;

/** At most this many of a document's operations are named in the answer. */
const NAMES_LISTED = 10;

/**
 * Why the operation to run cannot be told from `document` and `operationName` (graphql-js's
 * getOperationAST, which yoga's own check uses, finds none), or undefined when it can.
 */
export function operationUnresolved(
  document: DocumentNode,
  operationName: string | null | undefined,
): string | undefined {
  if (getOperationAST(document, operationName)) return undefined;
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operations.length === 0)
    return "The document has no operation (only fragments): add the query, mutation or subscription to run.";
  const names = operations.map((o) => (o.name ? quoted(o.name.value) : "an anonymous one"));
  const listed =
    names.length > NAMES_LISTED
      ? `${names.slice(0, NAMES_LISTED).join(", ")} and ${names.length - NAMES_LISTED} more`
      : names.join(", ");
  if (operationName == null)
    return `The document has ${operations.length} operations (${listed}): name the one to run in operationName.`;
  if (operations.length === 1 && !operations[0]?.name)
    return `operationName ${quoted(operationName)} names no operation of the document: its one operation has no name, so send it without operationName.`;
  return `operationName ${quoted(operationName)} names no operation of the document; it has ${listed}.`;
}

/**
 * Refuses an operationName that is not a string (null or missing: the document's only one), and
 * says why when the operation to run cannot be told (OPERATION_RESOLUTION_FAILURE, yoga's code,
 * which followed with "Could not determine what operation to execute." alone).
 */
export function paramChecks(): Plugin {
  return {
    // After parsing (the cached document too), before yoga's own check, which runs after ours.
    onParse({ context }) {
      return ({ result }) => {
        if (!result || result instanceof Error) return;
        const given = (context as { params?: { operationName?: unknown } }).params?.operationName;
        if (given != null && typeof given !== "string") return;
        const why = operationUnresolved(result as DocumentNode, given);
        if (why)
          throw createGraphQLError(why, {
            extensions: { code: "OPERATION_RESOLUTION_FAILURE", http: { status: 400 } },
          });
      };
    },
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
