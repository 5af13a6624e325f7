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
  /**
   * For a request admitted as a stream (it asked for text/event-stream or multipart/mixed):
   * takes one of the MAX_IN_FLIGHT request slots for a query or mutation it turns out to
   * execute, until the response closes; false when none is free. A subscription needs none.
   */
  requestSlot?: () => boolean;
}

/** What createHttp adds to yoga's server context. */
export interface ServerContext {
  requestInfo?: RequestInfo;
}
