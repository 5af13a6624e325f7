/** graphql-yoga on node:http: wiring only. */
import { randomUUID } from "node:crypto";
import { type ExecutionResult, GraphQLError, getOperationAST } from "graphql";
import { createYoga, type Plugin, processRegularResult } from "graphql-yoga";
import { LRUCache } from "lru-cache";
import { authenticate, type TokenEntry } from "./auth/tokens.js";
import { type Context, createContext } from "./context.js";
import type { Db } from "./db/driver.js";
import type { QueryStats } from "./db/run.js";
import { retryAfter } from "./domain/errors.js";
import { createGraphEvents, type GraphEvents } from "./events.js";
import { createExtractor, type Extractor } from "./extract/pool.js";
import { GRAPHIQL_OPTIONS, graphiqlTransfer, prefersPage, renderGraphiQL } from "./graphiql.js";
import { notAcceptableAnswer } from "./graphql/accept.js";
import { operationBudget } from "./graphql/complexity.js";
import { type CorsOrigins, cors } from "./graphql/cors.js";
import { createMaskError, isExpectedError } from "./graphql/errors.js";
import { guards } from "./graphql/guards.js";
import { schema } from "./graphql/index.js";
import { paramChecks } from "./graphql/params.js";
import { persistedQueriesUnsupported } from "./graphql/persisted-queries.js";
import { DEFAULT_LIMITS, type Limits } from "./limits.js";
import type { Logger } from "./logger.js";
import {
  type ServerContext,
  slotsPerConnection,
  tooManyPipelined,
  tooManyStreams,
} from "./request-store.js";

/**
 * The answer to an operation that finds no slot of its kind free (see http.ts admission): 503
 * with Retry-After, as when http.ts refuses a request before yoga (yoga takes the status and
 * headers from `extensions.http` and leaves them out of the body).
 */
const overloaded = (what: string) =>
  new GraphQLError(`The server is at capacity (${what}); retry after a second.`, {
    extensions: {
      code: "OVERLOADED",
      ...retryAfter(1),
      http: { status: 503, headers: { "retry-after": "1" } },
    },
  });

/** The answer to a subscription whose client holds its share of the streams (http.ts): 429. */
const clientStreamsFull = (max: number) =>
  new GraphQLError(tooManyStreams(max), {
    extensions: { code: "LIMIT_EXCEEDED", http: { status: 429 } },
  });

const isRefusedSlot = (result: unknown): boolean =>
  !Array.isArray(result) &&
  !(Symbol.asyncIterator in (result as object)) &&
  ((result as ExecutionResult).errors ?? []).some(
    (e) =>
      e.extensions?.code === "OVERLOADED" ||
      (e.extensions?.http as { status?: number } | undefined)?.status === 429,
  );

/**
 * Reports each operation's Cypher round trips in `extensions.cypherRoundTrips`, and hands the
 * operation name and round trips to the access log.
 */
function roundTripsExtension(limits: Limits): Plugin<Context & ServerContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const info = (args.contextValue as ServerContext).requestInfo;
      const operation = getOperationAST(args.document, args.operationName);
      if (info) info.operationName = operation?.name?.value;
      // A mutation stopped at the read budget says it wrote nothing, never "smaller pages".
      const budget = (args.contextValue as Context).stats?.budget;
      if (budget && operation?.operation === "mutation") budget.mutation = true;
      // A query or mutation holds a request slot, however it came in (http.ts admission).
      const refused = info?.slotFor?.("query");
      if (refused) {
        setResultAndStopExecution({
          errors: [
            refused === "connection"
              ? new GraphQLError(tooManyPipelined(slotsPerConnection(limits.maxInFlight)), {
                  extensions: { code: "LIMIT_EXCEEDED", http: { status: 429 } },
                })
              : overloaded("requests in flight"),
          ],
        });
        return;
      }
      return {
        onExecuteDone({ args, result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const ctx = args.contextValue as Context;
          if (info) info.roundTrips = ctx.stats.roundTrips;
          setResult({
            ...result,
            extensions: { ...result.extensions, cypherRoundTrips: ctx.stats.roundTrips },
          });
        },
      };
    },
    onResponse({ serverContext }) {
      // The work is done; the slot is free while the answer waits for its client (http.ts).
      (serverContext as ServerContext | undefined)?.requestInfo?.answered?.();
    },
    onResultProcess({ result, setResultProcessor }) {
      // A refused operation asked for as a stream (a query with Accept: text/event-stream, or a
      // subscription when the stream slots are full) was answered 200 with the refusal inside an
      // event stream: a client saw a stream open, not a busy server. It is answered as http.ts
      // answers a refused request: 503, Retry-After, a JSON body.
      if (isRefusedSlot(result)) setResultProcessor(processRegularResult, "application/json");
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      // A subscription's stream is logged too (when it ends or the client drops it).
      const info = (args.contextValue as ServerContext).requestInfo;
      if (info)
        info.operationName = getOperationAST(args.document, args.operationName)?.name?.value;
      // It holds a stream slot, not a request slot, however it came in (http.ts admission).
      const refused = info?.slotFor?.("subscription");
      if (refused)
        setResultAndStopExecution({
          errors: [
            refused === "client"
              ? clientStreamsFull(limits.maxSubscriptionsPerClient)
              : overloaded("subscription streams open"),
          ],
        });
    },
  };
}

/**
 * Masks the errors of an execution with the request in hand: an unexpected error reaches the
 * client as INTERNAL_SERVER_ERROR with the request id, and the log as an error line with the
 * same id. yoga's own masking (same rules, no id) stays the fallback for errors raised outside
 * execution; it leaves errors already masked here as they are.
 */
function requestErrors(logger: Logger): Plugin<Context> {
  const masked = (result: ExecutionResult, ctx: Context): ExecutionResult | null => {
    if (!result.errors?.length) return null;
    const maskError = createMaskError(ctx.requestId);
    const errors = result.errors.map((error) => {
      const out = maskError(error, "Unexpected error.") as GraphQLError;
      if (out !== error && out.extensions?.code === "INTERNAL_SERVER_ERROR")
        logger.error({ err: error, reqId: ctx.requestId }, "unexpected error (masked)");
      return out;
    });
    return { ...result, errors };
  };
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const next = masked(result, args.contextValue as Context);
          if (next) setResult(next);
        },
      };
    },
    onSubscribe() {
      return {
        onSubscribeResult({ args }) {
          return {
            onNext({ result, setResult }) {
              const next = masked(result, args.contextValue as Context);
              if (next) setResult(next);
            },
          };
        },
      };
    },
  };
}

/**
 * Whether an error is Node's for a request whose client closed the connection before sending
 * its whole body (`aborted`, ECONNRESET): the client's doing, and common (a timeout, a closed
 * tab), so it is logged at debug. At error level, anyone could fill the log with one line per
 * dropped connection.
 */
function clientHungUp(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.message === "aborted" &&
    (error as NodeJS.ErrnoException).code === "ECONNRESET"
  );
}

export interface AppOptions {
  db: Db;
  logger: Logger;
  /** Known tokens (hashes); none means every write is refused. */
  tokens?: readonly TokenEntry[];
  /** Where committed writes are announced; one per process unless given. */
  events?: GraphEvents;
  /** Sees every Cypher query the app sends (for tests that EXPLAIN them). */
  onQuery?: QueryStats["onQuery"];
  /** Operation and request limits (default: DEFAULT_LIMITS). */
  limits?: Limits;
  /** Where extractDocument runs (default: a pool of one worker thread, budget QUERY_TIMEOUT_MS). */
  extractor?: Extractor;
  /** Origins whose pages may call the API (CORS_ORIGINS; default any, never with credentials). */
  corsOrigins?: CorsOrigins;
}

/**
 * yoga's parse cache (and so its validation cache, which is keyed on the cached documents),
 * bounded by an estimate of bytes rather than by entries: a document's syntax tree is priced
 * at DOCUMENT_BYTES_PER_CHAR bytes per character of its text. A document too large for an
 * eighth of the cache is parsed every time instead of crowding the rest out.
 */
const DOCUMENT_BYTES_PER_CHAR = 24;

function byteBoundedCache<V extends object>(maxBytes: number) {
  const cache = new LRUCache<string, V>({
    maxSize: Math.max(maxBytes, 1),
    maxEntrySize: Math.max(Math.floor(maxBytes / 8), 1),
    sizeCalculation: (_value, key) => Math.max(key.length * DOCUMENT_BYTES_PER_CHAR, 1),
  });
  return {
    get: (key: string) => cache.get(key),
    set: (key: string, value: V) => {
      if (maxBytes > 0) cache.set(key, value);
    },
  };
}

/** Where the API is served (GraphiQL too, to a browser). */
export const GRAPHQL_PATH = "/graphql";

/** The yoga app: usable through `yoga.fetch` in tests, or behind node:http. */
export function createApp({
  db,
  logger,
  onQuery,
  tokens = [],
  limits = DEFAULT_LIMITS,
  events = createGraphEvents(limits.maxSubscriptions),
  extractor = createExtractor({ timeoutMs: limits.queryTimeoutMs }),
  corsOrigins = "*",
}: AppOptions) {
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    context: ({ request, requestInfo }) =>
      createContext({
        db,
        events,
        extractor,
        caller: authenticate(request.headers.get("authorization"), tokens),
        requestId: requestInfo?.id ?? randomUUID(),
        signal: request.signal,
        onQuery,
        limits,
      }),
    // The page for a client that prefers it (prefersPage), not for one that ranks JSON higher.
    graphiql: limits.graphiql
      ? (request) => (prefersPage(request.headers.get("accept")) ? GRAPHIQL_OPTIONS : false)
      : false,
    // GraphiQL with its assets inlined: yoga's default fetches them from a CDN.
    renderGraphiQL,
    // One operation per request: a batch would multiply every limit below.
    batching: false,
    parserAndValidationCache: {
      documentCache: byteBoundedCache(limits.documentCacheBytes),
      errorCache: byteBoundedCache(Math.floor(limits.documentCacheBytes / 8)),
    },
    // createHttp refuses a POST without Content-Length (411) or over MAX_BODY_BYTES (413) before
    // yoga sees it, and Node reads no more than Content-Length. yoga's own limiter would pipe
    // every body through a TransformStream: measured, about 4x the CPU of the rest of a small
    // request (bench/findings.md).
    maxRequestBodySize: false,
    landingPage: false,
    // yoga's CORS echoes any origin and allows credentials; cors() answers instead (cors.ts).
    cors: false,
    maskedErrors: { maskError: createMaskError() },
    logging: {
      debug: (...a) => logger.debug(a.map(String).join(" ")),
      info: (...a) => logger.info(a.map(String).join(" ")),
      warn: (...a) => logger.warn(a.map(String).join(" ")),
      // yoga reports every error it turned into a client error; expected ones are not failures,
      // nor is a client hanging up before its body was read.
      error: (...a) =>
        a.some((e) => isExpectedError(e) || clientHungUp(e))
          ? logger.debug(a.map(String).join(" "))
          : logger.error({ err: a[0] }, a.map(String).join(" ")),
    },
    // operationBudget after roundTripsExtension: a refused operation is still named in the log.
    plugins: [
      cors(corsOrigins),
      ...guards(limits),
      persistedQueriesUnsupported(),
      paramChecks(),
      notAcceptableAnswer(),
      roundTripsExtension(limits),
      operationBudget(),
      requestErrors(logger),
      graphiqlTransfer(),
    ],
  });
}

export type App = ReturnType<typeof createApp>;
