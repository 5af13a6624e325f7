/**
 * The HTTP layer around yoga: request ids, /health and /ready, the request body limit, and one
 * access-log line per request (id, operation, duration, Cypher round trips, status). It never
 * logs headers, bodies or variables, so tokens and passwords cannot reach the log.
 */
import { randomUUID } from "node:crypto";
import {
  createServer,
  type IncomingMessage,
  maxHeaderSize,
  type Server,
  type ServerResponse,
} from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { sendNodeResponse } from "@whatwg-node/server";
import type { Db } from "./db/driver.js";
import { retryAfter } from "./domain/errors.js";
import { announce, type GraphEvents } from "./events.js";
import { serveExplorer } from "./explorer/serve.js";
import { type CorsOrigins, corsHeaders } from "./graphql/cors.js";
import { carriesSecret, changeSchema, INTERNAL_CHANGE_PATH } from "./local-apis.js";
import type { Logger } from "./logger.js";
import {
  type Refusal,
  type RequestInfo,
  slotsPerConnection,
  tooManyPipelined,
  tooManyStreams,
} from "./request-store.js";
import { type App, GRAPHQL_PATH } from "./server.js";

const REQUEST_ID = /^[\w.-]{1,100}$/;

/** A request's id: the client's X-Request-Id when it is one (REQUEST_ID), else a new one. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * What the access log keeps of a value the client chose (path, method, operation name): enough
 * to recognise it, and never the megabytes a client can put into one.
 */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // Not between the two halves of a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

const READY = "SHOW CONSTRAINTS YIELD name WHERE name = 'entity_key' RETURN count(*) AS n";

/** Whether Neo4j answers within `ms` and the migrations are applied. */
export async function readiness(
  db: Db,
  ms = 2_000,
): Promise<{ ready: boolean; neo4j: string; migrations: string }> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: "READ" });
  try {
    const result = await session.run(READY, {}, { timeout: ms });
    const applied = Number(result.records[0]?.get("n") ?? 0) > 0;
    return { ready: applied, neo4j: "up", migrations: applied ? "applied" : "missing" };
  } catch {
    return { ready: false, neo4j: "unreachable", migrations: "unknown" };
  } finally {
    await session.close().catch(() => {});
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(JSON.stringify(body));
}

export interface HttpOptions {
  app: App;
  db: Db;
  logger: Logger;
  maxBodyBytes: number;
  /** GraphQL requests executing at once (default: no bound, for in-process tests). */
  maxInFlight?: number;
  /** Subscription streams open at once (default: no bound). */
  maxSubscriptions?: number;
  /** Of those, the most one client may hold (default: no bound); beyond it, 429. */
  maxSubscriptionsPerClient?: number;
  /** Who the client of a request is (TRUST_PROXY; default: the connection's peer). */
  clientOf?: (req: IncomingMessage) => string;
  /**
   * Accept changes from the CLI on this machine (POST /internal/graph-changed with this secret,
   * see local-apis.ts) and announce them on `events`. Unset: that path is a 404.
   */
  internal?: { secret: string; events: GraphEvents };
  /**
   * Origins whose pages may call the API (CORS_ORIGINS; default any). What this layer answers
   * itself (refusals, /health, /ready) carries the same CORS headers as the app's answers, so a
   * page on another origin reads the status instead of meeting a network error.
   */
  corsOrigins?: CorsOrigins;
}

/** The methods the GraphQL endpoint serves (HEAD as GET; OPTIONS for CORS preflights). */
const GRAPHQL_METHODS = ["GET", "HEAD", "POST", "OPTIONS"];

/** Routes answered here, not by yoga: they read nothing and change nothing. */
const PLAIN_ROUTES = new Set(["/", "/health", "/ready"]);
const PLAIN_METHODS = "GET, HEAD, OPTIONS";

/** Removes the CORS headers set on an answer not yet sent. */
function clearCors(res: ServerResponse): void {
  for (const name of res.getHeaderNames())
    if (name === "vary" || name.startsWith("access-control-")) res.removeHeader(name);
}

/** Sets the CORS headers of an answer (a preflight's when `preflight`), replacing any set before. */
function setCors(
  res: ServerResponse,
  origins: CorsOrigins,
  origin: string | undefined,
  preflight: boolean,
): void {
  clearCors(res);
  for (const [name, value] of Object.entries(corsHeaders(origins, origin ?? null, preflight)))
    res.setHeader(name, value);
}

/** The Origin header in the raw bytes of a request Node could not parse (431 and the like). */
function rawOrigin(packet: unknown): string | undefined {
  if (!Buffer.isBuffer(packet)) return undefined;
  return /(?:^|\r\n)origin:[ \t]*([^\r\n]*)/i.exec(packet.toString("latin1"))?.[1]?.trim();
}

/**
 * The status line, text and GraphQL-shaped body of Node's own refusals of a request it could not
 * read whole. The body says what to do: a GET whose query string is long (a 12 kB query) was
 * answered a bare 431 with no body, which a client cannot act on (redteam16).
 */
function clientErrorStatus(code: string | undefined): [number, string, string] {
  const body = (message: string, errorCode: string) =>
    JSON.stringify({ errors: [{ message, extensions: { code: errorCode } }] });
  if (code === "HPE_HEADER_OVERFLOW")
    return [
      431,
      "Request Header Fields Too Large",
      body(
        `The request line and header fields exceed ${maxHeaderSize} bytes, the most the server reads. Send a long query in a POST body (Content-Type: application/json) rather than a GET's query string, and fewer or shorter header fields.`,
        "LIMIT_EXCEEDED",
      ),
    ];
  if (code === "HPE_CHUNK_EXTENSIONS_OVERFLOW")
    return [
      413,
      "Payload Too Large",
      body("The chunked body's chunk extensions are too long; send none.", "LIMIT_EXCEEDED"),
    ];
  if (code === "ERR_HTTP_REQUEST_TIMEOUT")
    return [
      408,
      "Request Timeout",
      body("The request's header fields did not arrive in time; send them at once.", "TIMEOUT"),
    ];
  return [
    400,
    "Bad Request",
    body("The bytes received are not a well-formed HTTP/1.1 request.", "BAD_REQUEST"),
  ];
}

/** Strict UTF-8, as the GraphQL body guard reads (graphql/guards.ts). */
const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The body as text; null when over `max` bytes, undefined when it is not UTF-8. */
async function readBody(req: IncomingMessage, max: number): Promise<string | null | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) return null;
    chunks.push(chunk);
  }
  try {
    return UTF8.decode(Buffer.concat(chunks));
  } catch {
    return undefined;
  }
}

/** A change the CLI made, announced to this process's subscribers (see local-apis.ts). */
async function internalChange(
  req: IncomingMessage,
  res: ServerResponse,
  internal: NonNullable<HttpOptions["internal"]>,
  maxBodyBytes: number,
): Promise<void> {
  const fail = (status: number, code: string, message: string) =>
    json(res, status, { errors: [{ message, extensions: { code } }] });
  if (req.method !== "POST") {
    res.setHeader("allow", "POST");
    return fail(405, "BAD_REQUEST", "POST a change here.");
  }
  if (!carriesSecret(req.headers.authorization, internal.secret))
    return fail(401, "UNAUTHENTICATED", "Not this server's local secret.");
  const text = await readBody(req, maxBodyBytes);
  if (text === null) return fail(413, "LIMIT_EXCEEDED", "The change is too large.");
  // Decoded loosely, a key in Latin-1 was announced with U+FFFD in place of its bytes.
  if (text === undefined) return fail(400, "BAD_USER_INPUT", "The body is not UTF-8 text.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fail(400, "BAD_USER_INPUT", "The body is not JSON.");
  }
  const change = changeSchema.safeParse(body);
  if (!change.success) return fail(400, "BAD_USER_INPUT", "The body is not a graph change.");
  announce(internal.events, change.data);
  res.writeHead(204);
  res.end();
}

/** Whether a request asks for a stream of results (a subscription over SSE). */
function wantsStream(req: IncomingMessage): boolean {
  return /text\/event-stream|multipart\/mixed/i.test(req.headers.accept ?? "");
}

/** How long a POST's body may take to arrive once its headers are in. */
const BODY_TIMEOUT_MS = 10_000;

/**
 * Receives a POST's whole body (`length` bytes, its Content-Length, already within the limit)
 * before the request may take one of the MAX_IN_FLIGHT slots, then puts it back for yoga to read:
 * a client that sends its body slowly holds a connection and its bytes, not a slot that others
 * need (16 clients trickling their bodies held every slot for 30-60 s, and everyone else got 503).
 * Resolves false when the body does not arrive within `ms` or the client goes away first.
 */
function bodyArrives(req: IncomingMessage, length: number, ms: number): Promise<boolean> {
  if (length === 0 || req.readableEnded) return Promise.resolve(true);
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (arrived: boolean) => {
      clearTimeout(timer);
      req.off("readable", onReadable);
      req.off("end", onGone);
      req.off("close", onGone);
      req.off("error", onGone);
      // Not one byte was consumed past the body, so the stream has not ended: yoga reads it whole.
      if (arrived) req.unshift(Buffer.concat(chunks, size));
      done(arrived);
    };
    const onReadable = () => {
      for (let chunk = req.read() as Buffer | null; chunk !== null; chunk = req.read()) {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= length) return finish(true);
      }
    };
    const onGone = () => finish(false);
    const timer = setTimeout(onGone, ms);
    req.on("readable", onReadable);
    req.once("end", onGone);
    req.once("close", onGone);
    req.once("error", onGone);
  });
}

/**
 * Reads and discards a refused body (within `ms`), so that a client that sends it whole, as
 * fetch does, reads the refusal instead of meeting a connection torn down mid-send.
 */
function drained(req: IncomingMessage, ms: number): Promise<void> {
  if (req.readableEnded) return Promise.resolve();
  return new Promise((done) => {
    const finish = () => {
      clearTimeout(timer);
      req.off("end", finish);
      req.off("close", finish);
      req.off("error", finish);
      done();
    };
    const timer = setTimeout(finish, ms);
    req.once("end", finish);
    req.once("close", finish);
    req.once("error", finish);
    req.resume();
  });
}

/** Node's test of an Expect header that asks for 100 Continue (_http_server.js continueExpression). */
const CONTINUE = /(?:^|\W)100-continue(?:$|\W)/i;

/** Requests that asked for 100 Continue and were not sent it, their body being over the limit. */
const withheld = new WeakSet<IncomingMessage>();

/** Refused bodies up to this many times the limit are drained before the answer; larger ones are not. */
const DRAIN_FACTOR = 16;

/** A connection whose client reads none of the answer waiting for it for this long is closed. */
export const STALL_MS = 10_000;
/** Past the budget of answer bytes waiting, a client stalled for this long is closed at once. */
const STALLED_OVER_BUDGET_MS = 1_000;

/**
 * Bytes of a response not yet taken by the client's connection: its own buffer (a pipelined
 * response waits there for the ones before it), the socket's and libuv's queue.
 */
function waiting(res: ServerResponse): number {
  const socket = res.socket as
    | (ServerResponse["socket"] & { _handle?: { writeQueueSize?: number } })
    | null;
  return res.writableLength + (socket?._handle?.writeQueueSize ?? 0);
}

/**
 * Answers waiting for their clients. A client that asks for a large answer and reads none of it
 * held its request slot until it hung up (16 such clients, one GraphiQL page each, refused every
 * query for as long as they stayed): the slot is given back once yoga has the answer
 * (admission's `answered`), and its bytes are counted here instead. A connection whose waiting
 * bytes make no progress for STALL_MS is closed; while the waiting bytes are over `budget`,
 * clients stalled for a second are closed first, longest first, and a new request is refused
 * (503) only while they are still over it, so memory stays bounded however fast answers are
 * asked for, and stalled readers keep others out for a second at most.
 */
function slowReaders(budget: number, logger: Logger) {
  const watched = new Map<ServerResponse, { bytes: number; since: number }>();
  let timer: NodeJS.Timeout | undefined;
  const check = () => {
    const now = performance.now();
    let total = 0;
    // Per connection: its waiting bytes (every response on it, pipelined ones included) and how
    // long the one it is sending has made no progress.
    const connections = new Map<Socket, { bytes: number; ms: number }>();
    for (const [res, seen] of watched) {
      const socket = res.req.socket;
      if (socket.destroyed) {
        watched.delete(res);
        continue;
      }
      // Progress is bytes taken by the client: fewer waiting. More waiting (an event, a ping of
      // an event stream written behind the stalled ones) is not, unless nothing was waiting.
      const bytes = waiting(res);
      if (bytes === 0 || seen.bytes === 0 || bytes < seen.bytes) seen.since = now;
      seen.bytes = bytes;
      total += bytes;
      const c = connections.get(socket) ?? { bytes: 0, ms: 0 };
      c.bytes += bytes;
      // A pipelined response waits its turn: only the one being sent can stall.
      if (res.socket && bytes > 0) c.ms = now - seen.since;
      connections.set(socket, c);
    }
    const stalled = [...connections].filter(([, c]) => c.ms > 0).sort((a, b) => b[1].ms - a[1].ms);
    for (const [socket, { bytes, ms }] of stalled) {
      const over = total > budget && ms >= STALLED_OVER_BUDGET_MS;
      if (ms < STALL_MS && !over) continue;
      total -= bytes;
      logger.debug({ ms: Math.round(ms), over }, "closed a connection whose client reads nothing");
      socket.destroy();
    }
    if (watched.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
    return total;
  };
  return {
    watch(res: ServerResponse) {
      watched.set(res, { bytes: 0, since: performance.now() });
      res.once("close", () => watched.delete(res));
      timer ??= setInterval(check, 500).unref();
    },
    /** Whether the answers waiting are over the budget, once the stalled ones are closed. */
    overBudget: () => check() > budget,
  };
}

/**
 * Counts requests in flight, by kind, so that the server admits no more than its memory model
 * allows: a request over the bound gets 503 with Retry-After at once, before its body is read.
 * Streams are also counted by client (`clientOf`), so that one client cannot hold them all: a
 * client that opened MAX_SUBSCRIPTIONS streams, or whose streams vanished without a FIN (their
 * slots held until TCP gives up on them, about 15 minutes), kept every other client's
 * subscription refused.
 */
function admission(limits: {
  requests: number;
  streams: number;
  streamsPerClient: number;
  clientOf: (req: IncomingMessage) => string;
}) {
  const open = { requests: 0, streams: 0 };
  const streamsOf = new Map<string, number>();
  // Request slots held per connection (slotsPerConnection): pipelined requests arrive together.
  const perConnection = slotsPerConnection(limits.requests);
  const requestsOn = new WeakMap<object, number>();
  type Kind = keyof typeof open;
  return (req: IncomingMessage, res: ServerResponse, info: RequestInfo): Refusal | undefined => {
    const held = new Set<Kind>();
    let client: string | undefined;
    const take = (kind: Kind): Refusal | undefined => {
      if (held.has(kind)) return undefined;
      if (kind === "requests" && (requestsOn.get(req.socket) ?? 0) >= perConnection)
        return "connection";
      if (open[kind] >= limits[kind]) return "full";
      if (kind === "streams") {
        client ??= limits.clientOf(req);
        const mine = streamsOf.get(client) ?? 0;
        if (mine >= limits.streamsPerClient) return "client";
        streamsOf.set(client, mine + 1);
      }
      if (kind === "requests") requestsOn.set(req.socket, (requestsOn.get(req.socket) ?? 0) + 1);
      open[kind] += 1;
      held.add(kind);
      return undefined;
    };
    const give = (kind: Kind) => {
      if (!held.delete(kind)) return;
      open[kind] -= 1;
      if (kind === "requests") requestsOn.set(req.socket, (requestsOn.get(req.socket) ?? 1) - 1);
      if (kind === "streams" && client !== undefined) {
        const left = (streamsOf.get(client) ?? 1) - 1;
        if (left > 0) streamsOf.set(client, left);
        else streamsOf.delete(client);
      }
    };
    const refused = take(wantsStream(req) ? "streams" : "requests");
    if (refused) return refused;
    const giveAll = () => {
      for (const kind of [...held]) give(kind);
    };
    res.once("close", giveAll);
    let subscription = false;
    // Once yoga has its answer, what is left is bytes waiting for the client (slowReaders bounds
    // those): a client that reads nothing no longer keeps the slot from the next request.
    info.answered = () => {
      if (subscription) give("requests");
      else giveAll();
    };
    // The Accept header does not say what runs: a query asked for as a stream ran past
    // MAX_IN_FLIGHT (up to MAX_SUBSCRIPTIONS at once), and a subscription sent without it (as
    // curl sends it) held a request slot as long as it stayed open. GraphQL settles it (server.ts).
    info.slotFor = (operation) => {
      if (operation === "query") return take("requests");
      subscription = true;
      const streamRefused = take("streams");
      if (streamRefused) return streamRefused;
      give("requests");
      return undefined;
    };
    return undefined;
  };
}

/** The responses each server is making (see drain). */
const making = new WeakMap<Server, Set<ServerResponse>>();

/**
 * Stops taking connections and resolves once every request in flight is answered, or once
 * `forceMs` have passed (then every connection is closed). Answers from then on close their
 * connections: Node's close waited for a keep-alive connection answered after it was called
 * until its keep-alive timeout (5 s), serving whatever else its client sent on it meanwhile,
 * and a client that kept sending was cut by the force mid-request, a write's outcome unknown.
 */
export function drain(server: Server, forceMs: number): Promise<void> {
  return new Promise((done) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const force = setTimeout(() => server.closeAllConnections(), forceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(force);
      done();
    });
    for (const res of making.get(server) ?? []) if (!res.headersSent) res.shouldKeepAlive = false;
    server.closeIdleConnections();
  });
}

/**
 * Header fields a request may carry (431 `LIMIT_EXCEEDED` beyond). Node's own cut-off was 1,000
 * (its parser's 2,000 names and values) but it dropped what lay beyond instead of refusing it.
 */
export const MAX_HEADER_FIELDS = 1_000;

/**
 * Whether the request has at most one Host field, a host and port alone (no user, path or
 * query), which makes a URL with its target: the app is handed `http://HOST` followed by the
 * target (no Host reads as localhost).
 */
function hostIsSound(req: IncomingMessage): boolean {
  let hosts = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    if (req.rawHeaders[i]?.toLowerCase() === "host") hosts++;
  if (hosts > 1) return false;
  const host = req.headers.host || "localhost";
  // A target in absolute form (http://other/graphql) is answered by its path's route (404).
  const target = req.url?.startsWith("/") ? req.url : "/";
  if (!URL.canParse(`http://${host}`) || !URL.canParse(`http://${host}${target}`)) return false;
  const { username, password, pathname, search, hash } = new URL(`http://${host}`);
  return username === "" && password === "" && pathname === "/" && search === "" && hash === "";
}

/**
 * Writes a JSON answer straight to a socket Node has not made a request of (a refused parse, a
 * CONNECT) and closes it whole once sent: end() alone left the socket half-open until the client
 * closed its side, so 500 clients that connected, were sent 408 and never hung up held 500 of the
 * server's file descriptors for as long as they liked.
 */
function answerAndClose(
  socket: Duplex,
  status: string,
  headers: readonly (readonly [string, string])[],
  body: string,
): void {
  socket.end(
    [
      `HTTP/1.1 ${status}`,
      ...headers.map(([name, value]) => `${name}: ${value}`),
      "Content-Type: application/json; charset=utf-8",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Connection: close",
      "",
      body,
    ].join("\r\n"),
    () => socket.destroy(),
  );
}

/** The node:http server (not yet listening). */
export function createHttp({
  app,
  db,
  logger,
  maxBodyBytes,
  maxInFlight = Number.POSITIVE_INFINITY,
  maxSubscriptions = Number.POSITIVE_INFINITY,
  maxSubscriptionsPerClient = Number.POSITIVE_INFINITY,
  clientOf = (req) => req.socket.remoteAddress ?? "",
  internal,
  corsOrigins = "*",
}: HttpOptions): Server {
  const admit = admission({
    requests: maxInFlight,
    streams: maxSubscriptions,
    streamsPerClient: maxSubscriptionsPerClient,
    clientOf,
  });
  // The access line's fields are fixed and none is a secret, so the logger's redaction (a
  // second line of defence for other lines) could never change it; it cost 13-16 µs a line
  // against 7 without, and about 11 KiB of garbage per request (wildcard paths are checked
  // against every field).
  const access = logger.child({}, { redact: [] });
  // Bytes of POST bodies being received (not yet admitted): at most four slots' worth.
  const maxReceivingBytes = Number.isFinite(maxInFlight)
    ? 4 * maxInFlight * maxBodyBytes
    : Number.POSITIVE_INFINITY;
  let receiving = 0;
  // Answers waiting for clients that do not read them: as many bytes as bodies being received.
  const readers = slowReaders(maxReceivingBytes, logger);
  const inFlight = new Set<ServerResponse>();
  // Answers not yet sent, per connection, and what to do once they are: bytes after a request
  // that cannot be read as the next one must not cut short the answers owed before them.
  const unanswered = new Map<Duplex, number>();
  const afterAnswers = new Map<Duplex, () => void>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    readers.watch(res);
    inFlight.add(res);
    const socket = req.socket;
    unanswered.set(socket, (unanswered.get(socket) ?? 0) + 1);
    res.once("close", () => {
      inFlight.delete(res);
      const left = (unanswered.get(socket) ?? 1) - 1;
      if (left > 0) return void unanswered.set(socket, left);
      unanswered.delete(socket);
      const then = afterAnswers.get(socket);
      afterAnswers.delete(socket);
      then?.();
    });
    // A request on a kept-alive connection after drain began: answered, then the connection closes.
    if (!server.listening) res.shouldKeepAlive = false;
    const overloaded = (what: string) => {
      res.setHeader("retry-after", "1");
      res.setHeader("connection", "close");
      return json(res, 503, {
        errors: [
          {
            message: `The server is at capacity (${what}); retry after a second.`,
            extensions: { code: "OVERLOADED", ...retryAfter(1) },
          },
        ],
      });
    };
    const id = requestIdOf(req);
    res.setHeader("x-request-id", id);
    // A target in absolute form (GET http://host/graphql HTTP/1.1), which RFC 9112 3.2.2 says a
    // server must accept, is its path and query: it was a 404 "Nothing is at http://host/graphql".
    if (
      req.url &&
      !req.url.startsWith("/") &&
      /^https?:\/\//i.test(req.url) &&
      URL.canParse(req.url)
    ) {
      const target = new URL(req.url);
      req.url = `${target.pathname}${target.search}`;
    }
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const started = performance.now();
    const method = req.method ?? "";
    const info: RequestInfo = { id };
    // Once per request: on `finish` when the answer was sent whole, else on `close` (a client
    // that drops an event stream, or hangs up before its answer, never gets `finish`).
    let logged = false;
    const log = () => {
      if (logged) return;
      logged = true;
      access.info(
        {
          reqId: id,
          method: clip(method, 20),
          path: clip(path, 200),
          operation: info.operationName == null ? null : clip(info.operationName, 100),
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
          roundTrips: info.roundTrips ?? 0,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        "request",
      );
    };
    res.once("finish", log);
    res.once("close", log);

    // Every answer sent from here carries the CORS headers; the app sets its own (below).
    const origin = req.headers.origin;
    const preflight =
      req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    setCors(res, corsOrigins, origin, false);
    // Node hands on the first header fields only (MAX_HEADER_FIELDS + 1 here) and drops the rest
    // without a word: a request with a thousand fields before its Content-Length was told to send
    // one, and its Authorization or CSRF header, if late, was never seen. Refused, saying so.
    if (req.rawHeaders.length / 2 > MAX_HEADER_FIELDS) {
      res.setHeader("connection", "close");
      return json(res, 431, {
        errors: [
          {
            message: `The request has more than ${MAX_HEADER_FIELDS} header fields; send fewer.`,
            extensions: { code: "LIMIT_EXCEEDED" },
          },
        ],
      });
    }
    // A Host that is no host[:port], or two of them, is a bad request (RFC 9112 3.2): the app
    // builds the request's URL from it, and for "x:abc", "a b" or "[::1" @whatwg-node answered
    // 500 with its stack trace as the body, in production, and nothing was logged (redteam26).
    if (!hostIsSound(req)) {
      res.setHeader("connection", "close");
      return json(res, 400, {
        errors: [
          {
            message:
              "The Host header must be one host name or address, with a port if any (such as api.example:4000).",
            extensions: { code: "BAD_REQUEST" },
          },
        ],
      });
    }
    // An expectation other than 100-continue (checkExpectation below) cannot be met: Node's own
    // answer was a bare 417, no body, no request id, no access line (redteam24).
    if (req.headers.expect !== undefined && !CONTINUE.test(req.headers.expect)) {
      res.setHeader("connection", "close");
      // Its body, if one follows, is read and dropped first, as a refused one is (413 below).
      if (Number(req.headers["content-length"] ?? 0) <= DRAIN_FACTOR * maxBodyBytes)
        await drained(req, BODY_TIMEOUT_MS);
      if (res.destroyed) return;
      return json(res, 417, {
        errors: [
          {
            message:
              "The server meets no expectation but 100-continue: send the request without that Expect header.",
            extensions: { code: "BAD_REQUEST" },
          },
        ],
      });
    }
    // The asterisk form (OPTIONS * HTTP/1.1) asks about the server in general, not about a
    // resource (RFC 9110 9.3.7), and only OPTIONS has it (RFC 9112 3.2.4): answered 204 with
    // every method the server serves somewhere; it was a 404 "Nothing is at *". Any other method
    // with it is a malformed request.
    if (req.url === "*") {
      if (method === "OPTIONS") {
        res.setHeader("allow", GRAPHQL_METHODS.join(", "));
        // No Content-Length: a 204 has no content and says no length (RFC 9110 8.6).
        res.writeHead(204);
        return res.end();
      }
      res.setHeader("connection", "close");
      return json(res, 400, {
        errors: [
          {
            message: `The target * asks about the server in general, which only OPTIONS does; ${clip(method, 20)} needs a path (the GraphQL API is at ${GRAPHQL_PATH}).`,
            extensions: { code: "BAD_REQUEST" },
          },
        ],
      });
    }
    if (PLAIN_ROUTES.has(path) && req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", PLAIN_METHODS);
      if (req.method === "OPTIONS") {
        if (preflight) setCors(res, corsOrigins, origin, true);
        res.writeHead(204, { "content-length": "0" });
        return res.end();
      }
      return json(res, 405, {
        errors: [
          {
            message: `${clip(req.method ?? "", 20)} is not allowed on ${path}; use GET or HEAD.`,
            extensions: { code: "BAD_REQUEST" },
          },
        ],
      });
    }
    if (path === "/health") return json(res, 200, { status: "ok" });
    if (path === "/") {
      // The front door is the explorer (which links to GraphiQL).
      res.writeHead(302, { location: "/explorer/", "cache-control": "no-store" });
      return res.end();
    }
    if (
      (path === "/explorer" || path.startsWith("/explorer/")) &&
      (await serveExplorer(req, res, path))
    )
      return;
    if (path === "/ready") {
      const r = await readiness(db);
      return json(res, r.ready ? 200 : 503, { status: r.ready ? "ready" : "unavailable", ...r });
    }
    const length = Number(req.headers["content-length"] ?? 0);
    if (length > maxBodyBytes) {
      res.setHeader("connection", "close");
      // A client that waits for 100 Continue never got one (checkContinue below): no body comes.
      if (length <= DRAIN_FACTOR * maxBodyBytes && !withheld.has(req))
        await drained(req, BODY_TIMEOUT_MS);
      if (res.destroyed) return;
      return json(res, 413, {
        errors: [
          {
            message: `The request body is ${length} bytes; at most ${maxBodyBytes}.`,
            extensions: { code: "LIMIT_EXCEEDED" },
          },
        ],
      });
    }
    if (req.method === "POST" && req.headers["content-length"] === undefined) {
      // Without a length the body could be unbounded; GraphQL clients always know theirs.
      res.setHeader("connection", "close");
      return json(res, 411, {
        errors: [
          {
            message: "Send Content-Length with the request body.",
            extensions: { code: "BAD_USER_INPUT" },
          },
        ],
      });
    }
    // Node keeps the first of several Authorization headers and drops the rest, so a request
    // with a valid token and a wrong one was let in or refused by their order. Which credential
    // counts must not depend on that (or on a proxy that adds one): more than one is refused.
    const authorizations = req.headersDistinct.authorization?.length ?? 0;
    if (authorizations > 1) {
      res.setHeader("connection", "close");
      return json(res, 400, {
        errors: [
          {
            message: `Send one Authorization header, not ${authorizations}.`,
            extensions: { code: "UNAUTHENTICATED" },
          },
        ],
      });
    }
    if (internal && path === INTERNAL_CHANGE_PATH)
      return internalChange(req, res, internal, maxBodyBytes);
    // yoga answers only its endpoint (with or without a trailing slash); anything else it gave
    // a 404 with an empty body, which tells a client that mistyped a path nothing.
    if (path !== GRAPHQL_PATH && path !== `${GRAPHQL_PATH}/`) {
      if (length > 0) res.setHeader("connection", "close");
      return json(res, 404, {
        errors: [
          {
            message: `Nothing is at ${clip(path, 100)}: the GraphQL API is at ${GRAPHQL_PATH} (GraphiQL there in a browser), the explorer at /explorer/.`,
            extensions: { code: "NOT_FOUND" },
          },
        ],
      });
    }
    // Any other method is a 405 that says which it serves (RFC 9110 15.5.6): yoga checks the
    // method after CSRF prevention, so a PUT without Content-Type was told 403 "could come from
    // another site's page", and one with it 405 without HEAD and OPTIONS in its Allow.
    if (!GRAPHQL_METHODS.includes(method)) {
      res.setHeader("allow", GRAPHQL_METHODS.join(", "));
      if (length > 0) res.setHeader("connection", "close");
      return json(res, 405, {
        errors: [
          {
            message: `${clip(method, 20)} is not allowed on ${GRAPHQL_PATH}; use GET or POST.`,
            extensions: { code: "BAD_REQUEST" },
          },
        ],
      });
    }
    if (req.method === "POST") {
      // Bodies being received are bounded by their bytes, apart from the slots.
      if (receiving + length > maxReceivingBytes) return overloaded("bodies are being received");
      receiving += length;
      const arrived = await bodyArrives(req, length, BODY_TIMEOUT_MS).finally(() => {
        receiving -= length;
      });
      if (!arrived) {
        res.setHeader("connection", "close");
        if (!res.headersSent && !res.destroyed)
          json(res, 408, {
            errors: [
              {
                message: `The request body did not arrive within ${BODY_TIMEOUT_MS / 1000} s.`,
                extensions: { code: "TIMEOUT" },
              },
            ],
          });
        return;
      }
    }
    // A preflight costs yoga nothing (cors.ts answers it at once), and a refused one is a network
    // error to the page whatever its status: it is never refused for capacity.
    if (!preflight) {
      if (readers.overBudget())
        return overloaded("answers are waiting for clients that do not read");
      const refused = admit(req, res, info);
      if (refused === "client" || refused === "connection")
        return json(res, 429, {
          errors: [
            {
              message:
                refused === "client"
                  ? tooManyStreams(maxSubscriptionsPerClient)
                  : tooManyPipelined(slotsPerConnection(maxInFlight)),
              extensions: { code: "LIMIT_EXCEEDED" },
            },
          ],
        });
      if (refused)
        return overloaded(
          wantsStream(req)
            ? `${maxSubscriptions} subscriptions are open`
            : `${maxInFlight} requests are in flight`,
        );
    }
    // The app answers CORS itself (cors.ts), preflights included.
    clearCors(res);
    // yoga knows no HEAD: `curl -I` of the GraphiQL URL was told 406 Not Acceptable. It answers
    // the GET instead, and Node sends no body to a HEAD whatever is written (decided when the
    // response was made, before this line).
    if (req.method === "HEAD") req.method = "GET";
    return answer(req, res, info);
  };
  /**
   * The app's answer, sent as the adapter's own listener (`app(req, res)`) sends it, but for an
   * error thrown outside yoga's handling (while the adapter builds the fetch Request from the
   * node request, or in an onRequest or onResponse hook): the adapter answered that with 500 and
   * the error's stack trace as a text/plain body (node_modules paths and all, in production) and
   * logged nothing. Here it is masked, coded JSON with the request id, and logged at error level.
   */
  const answer = async (req: IncomingMessage, res: ServerResponse, info: RequestInfo) => {
    // The context the adapter's listener gives (the node request and response beside ours).
    const context = { req, res, requestInfo: info };
    let response: Response;
    try {
      response = await app.handleNodeRequestAndResponse(req, res, context);
    } catch (error) {
      logger.error({ err: error, reqId: info.id }, "request failed outside the GraphQL pipeline");
      response = new app.fetchAPI.Response(
        JSON.stringify({
          errors: [
            {
              message: "Unexpected error.",
              extensions: { code: "INTERNAL_SERVER_ERROR", requestId: info.id },
            },
          ],
        }),
        {
          status: 500,
          headers: {
            ...corsHeaders(corsOrigins, req.headers.origin ?? null, false),
            "content-type": "application/json; charset=utf-8",
            "cache-control": "no-store",
          },
        },
      );
    }
    await sendNodeResponse(response, res, req, true);
  };
  // Headers and request timeouts are checked this often (Node's default, 30 s, let a client
  // that sends nothing, or its headers a byte a second, hold its connection for up to 40 s).
  const server = createServer({ connectionsCheckingInterval: 1_000 }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, "request failed");
      if (!res.headersSent)
        json(res, 500, {
          errors: [{ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR" } }],
        });
      else res.end();
    });
  });
  making.set(server, inFlight);
  // A client that asks before sending its body (Expect: 100-continue) is told to go on only when
  // the body it announces is within the limit; else the 413 comes at once, before any upload
  // (Node would send 100 Continue for every request without this listener).
  // What Node refuses before a request is parsed whole (431 for headers over its limit, 408 for
  // headers that did not arrive in time, 400 for bytes that are not HTTP) is sent here as Node
  // would send it, with the CORS headers added: the Origin, when a list needs it, is read from
  // the bytes received. A socket already answering (or gone) is closed without a word.
  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: unknown }, socket) => {
    // Bytes that follow requests still being answered on this connection (pipelined: garbage,
    // or anything after a request that said Connection: close) are refused only after those
    // answers: Node answered 400 at once, in place of them, and closed the connection, so a
    // mutation that committed was answered "not a well-formed request", and a request that
    // said close was cut off by bytes RFC 9112 says to ignore. Nothing more is read.
    if (afterAnswers.has(socket)) return;
    if ((unanswered.get(socket) ?? 0) > 0) {
      socket.pause();
      afterAnswers.set(socket, () => {
        // Data after a request that asked to close is ignored: its answer closed the connection.
        if (error.code === "HPE_CLOSED_CONNECTION" || !socket.writable) socket.destroy();
        else refuse(error, socket);
      });
      return;
    }
    refuse(error, socket);
  });
  const refuse = (error: NodeJS.ErrnoException & { rawPacket?: unknown }, socket: Duplex) => {
    // Node's own check (_http_server.js socketOnError): bytes of an answer already sent must not
    // be followed by another status line.
    const answering = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code !== "ECONNRESET" && socket.writable && !answering?.headersSent) {
      const [status, text, body] = clientErrorStatus(error.code);
      // Logged and answered with a request id as every other answer is: a refused request
      // (a 431 for oversized header fields, a 408) left no access line, so an operator could not
      // see a client failing this way. What it asked for is unknown: Node could not parse it.
      const id = randomUUID();
      access.info(
        { reqId: id, method: null, path: null, operation: null, status, ms: 0, roundTrips: 0 },
        "request",
      );
      const headers = Object.entries(
        corsHeaders(corsOrigins, rawOrigin(error.rawPacket) ?? null, false),
      );
      answerAndClose(socket, `${status} ${text}`, [...headers, ["X-Request-Id", id]], body);
    } else socket.destroy();
  };
  // CONNECT asks for a tunnel, which this server never opens: without this listener Node closed
  // the connection without a status line, which a client reads as a network failure.
  server.on("connect", (req: IncomingMessage, socket: Duplex) => {
    const body = JSON.stringify({
      errors: [
        {
          message: `CONNECT is not allowed: this server is no proxy; the GraphQL API is at ${GRAPHQL_PATH} (GET or POST).`,
          extensions: { code: "BAD_REQUEST" },
        },
      ],
    });
    // Logged and answered with a request id as every other request is (its line had none).
    const id = requestIdOf(req);
    access.info(
      {
        reqId: id,
        method: "CONNECT",
        path: clip(req.url ?? "", 200),
        operation: null,
        status: 405,
        ms: 0,
        roundTrips: 0,
      },
      "request",
    );
    socket.on("error", () => socket.destroy());
    answerAndClose(
      socket,
      "405 Method Not Allowed",
      [
        ["Allow", GRAPHQL_METHODS.join(", ")],
        ["X-Request-Id", id],
      ],
      body,
    );
  });
  server.on("checkContinue", (req, res) => {
    if (Number(req.headers["content-length"] ?? 0) > maxBodyBytes) withheld.add(req);
    else res.writeContinue();
    server.emit("request", req, res);
  });
  server.on("checkExpectation", (req, res) => server.emit("request", req, res));
  // A client that sends its headers or body slowly holds a request slot; it gets at most this
  // long (an answer stream, once the request is in, is not bounded by these).
  server.headersTimeout = 10_000;
  // One more than the limit, so that a request over it is seen (and refused) rather than cut.
  server.maxHeadersCount = MAX_HEADER_FIELDS + 1;
  server.requestTimeout = 30_000;
  return server;
}
