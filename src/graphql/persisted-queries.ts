/**
 * Automatic persisted queries (Apollo's APQ, urql's persistedExchange): a client sends only a
 * hash (`extensions.persistedQuery`), and the full query once the server says it does not know
 * it. This server stores no queries, so it says so in the words those clients look for
 * (PersistedQueryNotSupported, code PERSISTED_QUERY_NOT_SUPPORTED): they then turn APQ off and
 * send the query itself. Without this, yoga answered "Must provide query string.", which those
 * clients hand to the application as the query's error: every query of such a client failed.
 */
import { createGraphQLError, type Plugin } from "graphql-yoga";

/** The message Apollo Client and urql match on (older versions look only at the message). */
export const PERSISTED_QUERY_NOT_SUPPORTED = "PersistedQueryNotSupported";

/** Answers a hash sent without its query as PersistedQueryNotSupported; a query sent with its hash runs. */
export function persistedQueriesUnsupported(): Plugin {
  return {
    onParams({ params }) {
      const hashOnly =
        params.extensions?.persistedQuery != null &&
        (params.query == null || params.query.trim() === "");
      if (!hashOnly) return;
      throw createGraphQLError(PERSISTED_QUERY_NOT_SUPPORTED, {
        extensions: {
          code: "PERSISTED_QUERY_NOT_SUPPORTED",
          // A request error: 400 under application/graphql-response+json, 200 under
          // application/json (the GraphQL-over-HTTP spec, as yoga answers a missing query).
          http: { spec: true, status: 400 },
          hint: "This server keeps no persisted queries: send the operation's query text.",
        },
      });
    },
  };
}
