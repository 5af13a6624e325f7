/**
 * Per-request facts shared between the HTTP layer and GraphQL: the request id, and what the
 * access log reports (operation, Cypher round trips). createHttp hands it to yoga as part of the
 * server context (`app(req, res, { requestInfo })`), so GraphQL reaches it through its context.
 * Not an AsyncLocalStorage: on Node 20 that installs promise hooks on every promise in the
 * process, measured at about a tenth of the CPU of a small request (bench/findings.md).
 */
export interface RequestInfo {
  id: string;
  operationName?: string | undefined;
  roundTrips?: number;
}

/** What createHttp adds to yoga's server context. */
export interface ServerContext {
  requestInfo?: RequestInfo;
}
