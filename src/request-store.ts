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
   * Set by createHttp's admission, which sees only the Accept header: once GraphQL knows what
   * the request runs, it holds the slot that kind needs, until the response closes. A query or
   * mutation takes one of the MAX_IN_FLIGHT request slots (besides the stream slot it came in
   * with, if it asked for a stream); a subscription a MAX_SUBSCRIPTIONS stream slot (giving back
   * the request slot it came in with, if it did not ask for a stream). Undefined: it has one;
   * otherwise why not.
   */
  slotFor?: (operation: "query" | "subscription") => Refusal | undefined;
  /**
   * Set by createHttp's admission: yoga has its answer (any answer, GraphiQL's page included),
   * so the work is done and the slots a query held are free; what is left is bytes waiting for
   * the client, which createHttp bounds apart. A subscription keeps its stream slot.
   */
  answered?: () => void;
}

/** What createHttp adds to yoga's server context. */
export interface ServerContext {
  requestInfo?: RequestInfo;
}

/**
 * Why a request finds no slot: every slot of its kind is taken ("full", 503 OVERLOADED), its
 * client holds all the streams one client may (MAX_SUBSCRIPTIONS_PER_CLIENT: "client", 429), or
 * its connection already has its share of the request slots in flight (requests pipelined on
 * one connection: "connection", 429).
 */
export type Refusal = "full" | "client" | "connection";

/**
 * The request slots one connection may hold at once: a quarter of MAX_IN_FLIGHT, at least one.
 * HTTP/1.1 answers a connection's requests in order, so a client that pipelines gains nothing by
 * having more computed ahead; one connection pipelining took all sixteen slots, and every other
 * client was refused while it did (redteam16).
 */
export const slotsPerConnection = (maxInFlight: number): number =>
  Math.max(1, Math.floor(maxInFlight / 4));

/** What a request over its connection's share is told. */
export const tooManyPipelined = (max: number): string =>
  `This connection already has ${max} request${max === 1 ? "" : "s"} in flight (pipelined), the most one connection may; wait for their answers, or send the next on another connection.`;

/** What a client over MAX_SUBSCRIPTIONS_PER_CLIENT is told. */
export const tooManyStreams = (max: number): string =>
  `This client already has ${max} subscription stream${max === 1 ? "" : "s"} open, the most one client may (MAX_SUBSCRIPTIONS_PER_CLIENT); close one before opening another.`;
