/**
 * The hostile requests of `npm run soak -- --hostile`: one class per way a client can try to
 * make the server do too much (or trip it), each built once, sent over HTTP like any client
 * would, and judged. A hostile request must be answered with a 4xx, or a 200 carrying a coded
 * error (or, for the few that are in fact fine, a plain answer); a 5xx other than the admission
 * refusal is a fault, a lost connection where an answer was due is a breach.
 */
import { connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { isAdmissionRefusal, OVERLOADED } from "./client.js";
import { classifyRead, OK } from "./operations.js";
import { percentile, type Tally, TRANSPORT_ERROR } from "./tally.js";

/** One hostile HTTP request. */
export interface HostileRequest {
  method: "GET" | "POST";
  /** Path and query string. */
  path: string;
  body?: string;
  /** Sent with Accept: text/event-stream; the first event (or the refusal) is the answer. */
  stream?: boolean;
}

/** A kind of hostile request. */
export interface HostileClass {
  name: string;
  /** What it tries, in a few words (for the report). */
  what: string;
  /** An ordinary request in hostile clothing: it must succeed (200 without errors). */
  ordinary?: boolean;
  /**
   * The server may refuse it by closing the connection before the client has finished sending
   * (a body over the limit, a request line over node's header limit): no response is fine.
   */
  mayReset?: boolean;
  request: () => HostileRequest;
}

const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
};

const graphql = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  JSON.stringify({
    query,
    ...(variables ? { variables } : {}),
    ...(operationName ? { operationName } : {}),
  });

const post = (body: string): HostileRequest => ({ method: "POST", path: "/graphql", body });

/** `levels` nested relations pages under an entity, with `first` or the default page size. */
function nestedRelations(levels: number, first?: number): string {
  let inner = "name";
  const page = first === undefined ? "" : `(first: ${first})`;
  for (let i = 0; i < levels; i++) inner = `name relations${page} { edges { to { ${inner} } } }`;
  return inner;
}

const NATIONS_WHERE =
  "query SoakNationsVar($w: NationWhere) { nations(where: $w, first: 5) { edges { node { name } } } }";
const GRAPH_CHANGED_KEYS =
  "subscription SoakGraphChangedKeys($k: [String!]) { graphChanged(keys: $k) { operation entities } }";

/** A valid-looking global id (base64 of Kind:key) whose key is not one the API could give out. */
const MALFORMED_ID = Buffer.from("Nation:\u0000' OR 1=1 //\u202e../../x", "utf8").toString(
  "base64",
);

/** Every hostile class, in the order they are sent (round robin). */
export const HOSTILE_CLASSES: readonly HostileClass[] = [
  {
    name: "where-variable",
    what: 'nations(where: $w) with {name: {contains: "an"}}',
    ordinary: true,
    request: once(() =>
      post(graphql(NATIONS_WHERE, { w: { name: { contains: "an" } } }, "SoakNationsVar")),
    ),
  },
  {
    name: "where-variable-empty",
    what: "nations(where: $w) with no variables",
    ordinary: true,
    request: once(() => post(graphql(NATIONS_WHERE, {}, "SoakNationsVar"))),
  },
  {
    name: "relations-nested-4",
    what: "four nested relations(first: 1) under entity",
    request: once(() =>
      post(graphql(`query SoakNested4 { entity(key: "canada") { ${nestedRelations(4, 1)} } }`)),
    ),
  },
  {
    name: "cost-variables",
    what: "page sizes 100 x 100 x 100 as variables (product over the cost limit)",
    request: once(() =>
      post(
        graphql(
          "query SoakCostVars($a: Int, $b: Int, $c: Int) { nations(first: $a) { edges { node { relations(first: $b) { edges { to { relations(first: $c) { edges { to { name } } } } } } } } } }",
          { a: 100, b: 100, c: 100 },
        ),
      ),
    ),
  },
  {
    name: "deep-default-pages",
    what: "five nested relations with the default page size",
    request: once(() =>
      post(graphql(`query SoakDeep { entity(key: "canada") { ${nestedRelations(5)} } }`)),
    ),
  },
  {
    name: "neighbourhood-500",
    what: "neighbourhood(depth: 3, limit: 500) with relations(first: 100) under nodes",
    request: once(() =>
      post(
        graphql(
          'query SoakNeighbourhood500 { neighbourhood(key: "canada", depth: 3, limit: 500) { truncated nodes { name relations(first: 100) { edges { to { name } } } } } }',
        ),
      ),
    ),
  },
  {
    name: "nodes-10000-ids",
    what: "nodes(ids:) with 10,000 ids",
    request: once(() =>
      post(
        graphql("query SoakNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }", {
          ids: Array.from({ length: 10_000 }, (_, i) =>
            Buffer.from(`Nation:soak-missing-${i}`).toString("base64"),
          ),
        }),
      ),
    ),
  },
  {
    name: "where-or-2400",
    what: "where: { OR: [{} x 2400] }",
    request: once(() =>
      post(
        graphql(`query SoakOr { nations(where: { OR: [${"{}, ".repeat(2400)}] }) { totalCount } }`),
      ),
    ),
  },
  {
    name: "where-not-60",
    what: "a where nested NOT 60 deep",
    request: once(() =>
      post(
        graphql(
          `query SoakNot { nations(where: ${"{ NOT: ".repeat(60)}{ name: { contains: "a" } }${" }".repeat(60)}) { totalCount } }`,
        ),
      ),
    ),
  },
  {
    name: "graph-changed-1000-keys",
    what: "graphChanged(keys:) with 1,000 keys over SSE",
    request: once(() => ({
      method: "POST",
      path: "/graphql",
      stream: true,
      body: graphql(GRAPH_CHANGED_KEYS, {
        k: Array.from({ length: 1000 }, (_, i) => `soak-key-${i}`),
      }),
    })),
  },
  {
    name: "json-values-1mb",
    what: "a body of ~1 MB of tiny JSON values ([[],[],...] in variables)",
    request: once(() => {
      const head = '{"query":"{ __typename }","variables":{"x":[';
      const count = Math.floor((990_000 - head.length) / 3);
      return post(`${head}${Array.from({ length: count }, () => "[]").join(",")}]}}`);
    }),
  },
  {
    name: "body-over-1mb",
    what: "a body of 1.1 MB",
    mayReset: true,
    request: once(() => post(graphql("{ __typename }", { pad: "x".repeat(1_100_000) }))),
  },
  {
    name: "explorer-nul",
    what: "GET /explorer/%00",
    request: () => ({ method: "GET", path: "/explorer/%00" }),
  },
  {
    name: "operation-name-1_5mb",
    what: "GET /graphql with a 1.5 MB operationName",
    mayReset: true,
    request: once(() => ({
      method: "GET",
      path: `/graphql?query=%7B__typename%7D&operationName=${"A".repeat(1_500_000)}`,
    })),
  },
  {
    name: "csrf-less-get",
    what: "GET /graphql?query={__typename} without any CSRF header",
    request: () => ({ method: "GET", path: "/graphql?query=%7B__typename%7D" }),
  },
  {
    name: "node-malformed-key",
    what: "node(id:) with a malformed key in a valid-looking base64 id",
    request: once(() =>
      post(
        graphql("query SoakNodeMalformed($id: ID!) { node(id: $id) { id } }", { id: MALFORMED_ID }),
      ),
    ),
  },
  {
    name: "fragment-bomb",
    what: "2^24 fragment spreads over a root field",
    request: once(() => {
      const levels = 24;
      const fragments = Array.from({ length: levels }, (_, i) =>
        i === levels - 1
          ? `fragment F${i} on Query { nations(first: 1) { totalCount } }`
          : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
      );
      return post(graphql(`query SoakFragmentBomb { ...F0 } ${fragments.join(" ")}`));
    }),
  },
  {
    name: "aliases-5000",
    what: "5,000 aliases",
    request: once(() =>
      post(
        graphql(
          `query SoakAliases { ${Array.from({ length: 5000 }, (_, i) => `a${i}: __typename`).join(" ")} }`,
        ),
      ),
    ),
  },
  {
    name: "directives-1000",
    what: "1,000 directives on one field",
    request: once(() =>
      post(graphql(`query SoakDirectives { __typename ${"@include(if: true) ".repeat(1000)}}`)),
    ),
  },
];

/** How a hostile answer is judged. */
export type Verdict = "answered" | "refused" | "admission" | "fault" | "breach";

/**
 * A 4xx, or a 200 with a coded error, is a refusal; a 200 without errors an answer (a breach
 * when an ordinary request got anything else); 503 OVERLOADED the admission refusal; any other
 * 5xx a fault; no response a breach unless the class may be cut off.
 */
export function judgeAnswer(
  cls: Pick<HostileClass, "ordinary" | "mayReset">,
  status: number,
  code: string,
): Verdict {
  if (status === 503 && code === OVERLOADED) return "admission";
  if (status >= 500) return "fault";
  if (status === 0) return cls.mayReset ? "refused" : "breach";
  if (cls.ordinary) return status === 200 && code === OK ? "answered" : "breach";
  if (status >= 400) return "refused";
  if (status === 200 && code === OK) return "answered";
  return status === 200 && !["UNCODED_ERROR", "INVALID_JSON", "NO_DATA"].includes(code)
    ? "refused"
    : "breach";
}

/** One hostile request sent, for the report and for finding what was in flight at a crash. */
export interface HostileSent {
  name: string;
  /** ms since the load began. */
  startedAt: number;
  at: number;
  status: number;
  code: string;
  verdict: Verdict;
}

/** Counts per class, and every request that was not a plain refusal or answer. */
export class HostileTally {
  readonly sent: HostileSent[] = [];

  record(entry: HostileSent): void {
    this.sent.push(entry);
  }

  /** What was under way at `at` (ms): the suspects of a crash. */
  inFlightAt(at: number): string[] {
    return this.sent.filter((s) => s.startedAt <= at && s.at >= at).map((s) => s.name);
  }

  /** Per class: count, statuses, codes, verdicts and p99. */
  byClass(): Record<
    string,
    {
      sent: number;
      byStatus: Record<string, number>;
      byCode: Record<string, number>;
      verdicts: Record<string, number>;
      p99Ms: number;
    }
  > {
    const out: ReturnType<HostileTally["byClass"]> = {};
    const bump = (c: Record<string, number>, k: string) => {
      c[k] = (c[k] ?? 0) + 1;
    };
    for (const s of this.sent) {
      const c = out[s.name] ?? { sent: 0, byStatus: {}, byCode: {}, verdicts: {}, p99Ms: 0 };
      out[s.name] = c;
      c.sent += 1;
      bump(c.byStatus, s.status === 0 ? "none" : String(s.status));
      bump(c.byCode, s.code);
      bump(c.verdicts, s.verdict);
    }
    for (const [name, c] of Object.entries(out))
      c.p99Ms = Math.round(
        percentile(
          this.sent.filter((s) => s.name === name).map((s) => s.at - s.startedAt),
          99,
        ),
      );
    return out;
  }
}

/** What the hostile senders share with the rest of the load. */
export interface HostileContext {
  baseUrl: string;
  clock: () => number;
  until: () => number;
  signal: AbortSignal;
  tally: Tally;
  hostile: HostileTally;
}

const CLIENT_TIMEOUT_MS = 15_000;
const STREAM_FIRST_EVENT_MS = 5_000;

/** Reads an SSE body until its first complete `data:` line (returned) or `ms` pass. */
async function firstEvent(body: ReadableStream<Uint8Array> | null, ms: number): Promise<string> {
  if (!body) return "";
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const deadline = Date.now() + ms;
  let text = "";
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        sleep(deadline - Date.now()).then(() => null),
      ]);
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
      const data = /^data: ?(.*)\n/m.exec(text);
      if (data) return data[1] ?? "";
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  return text;
}

/** Sends one hostile request; never throws (no response is status 0). */
async function sendHostile(ctx: HostileContext, cls: HostileClass): Promise<void> {
  const req = cls.request();
  const startedAt = ctx.clock();
  let status = 0;
  let code = TRANSPORT_ERROR;
  const abort = new AbortController();
  try {
    const response = await fetch(`${ctx.baseUrl}${req.path}`, {
      method: req.method,
      headers: {
        ...(req.body === undefined ? {} : { "content-type": "application/json" }),
        ...(req.stream ? { accept: "text/event-stream" } : {}),
      },
      body: req.body,
      signal: AbortSignal.any([AbortSignal.timeout(CLIENT_TIMEOUT_MS), ctx.signal, abort.signal]),
    });
    status = response.status;
    const text =
      req.stream && status === 200
        ? await firstEvent(response.body, STREAM_FIRST_EVENT_MS)
        : await response.text();
    code = isAdmissionRefusal(status, text) ? OVERLOADED : classifyRead(text);
  } catch {
    // No response (or cut off mid-answer): status 0 unless one came.
  } finally {
    abort.abort();
  }
  const at = ctx.clock();
  const verdict = judgeAnswer(cls, status, code);
  ctx.tally.record({ kind: "hostile", at, ms: at - startedAt, status, code, op: cls.name });
  ctx.hostile.record({ name: cls.name, startedAt, at, status, code, verdict });
}

/** A hostile loop: the classes round robin (shared `next`), with a pause between requests. */
export async function hostileLoop(
  ctx: HostileContext,
  next: () => HostileClass,
  pauseMs: number,
): Promise<void> {
  while (ctx.clock() < ctx.until() && !ctx.signal.aborted) {
    await sendHostile(ctx, next());
    await sleep(pauseMs, undefined, { signal: ctx.signal }).catch(() => {});
  }
}

/** A round robin over HOSTILE_CLASSES, shared by the loops. */
export function roundRobin(classes: readonly HostileClass[] = HOSTILE_CLASSES): () => HostileClass {
  let i = 0;
  return () => classes[i++ % classes.length] as HostileClass;
}

const SLOW_CLIENT: HostileClass = {
  name: "slow-client",
  what: "headers and Content-Length, then the body one byte every 400 ms",
  // Node's requestTimeout (or the server) may cut a slow client off: that is a refusal.
  mayReset: true,
  request: () => post(graphql("{ __typename }")),
};

/** One slow request over a raw socket; resolves with the status (0 when cut off). */
function slowRequest(
  baseUrl: string,
  body: string,
  byteEveryMs: number,
  signal: AbortSignal,
): Promise<number> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((done) => {
    const socket = connect(Number(port), hostname);
    let answer = "";
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      signal.removeEventListener("abort", finish);
      clearInterval(timer);
      socket.destroy();
      done(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0));
    };
    signal.addEventListener("abort", finish, { once: true });
    socket.setTimeout(45_000, finish);
    socket.on("data", (d: Buffer) => {
      answer += d.toString("latin1");
    });
    socket.on("error", finish);
    socket.on("close", finish);
    socket.on("connect", () => {
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
      );
      let sent = 0;
      timer = setInterval(() => {
        if (sent >= body.length) return clearInterval(timer);
        socket.write(body.slice(sent, sent + 1));
        sent += 1;
      }, byteEveryMs);
    });
  });
}

/** A slow client loop: one trickled request after another, holding a request slot each time. */
export async function slowClientLoop(ctx: HostileContext): Promise<void> {
  const body = SLOW_CLIENT.request().body ?? "";
  while (ctx.clock() < ctx.until() && !ctx.signal.aborted) {
    const startedAt = ctx.clock();
    const status = await slowRequest(ctx.baseUrl, body, 400, ctx.signal);
    const at = ctx.clock();
    const code = status === 200 ? OK : status === 0 ? TRANSPORT_ERROR : `HTTP_${status}`;
    const verdict = judgeAnswer(SLOW_CLIENT, status, status === 503 ? OVERLOADED : code);
    ctx.tally.record({
      kind: "hostile",
      at,
      ms: at - startedAt,
      status,
      code,
      op: SLOW_CLIENT.name,
    });
    ctx.hostile.record({ name: SLOW_CLIENT.name, startedAt, at, status, code, verdict });
  }
}

/** What holding many subscriptions gave. */
export interface HeldSubscriptions {
  asked: number;
  /** Opened (HTTP 200, stream held). */
  opened: number;
  /** Refused with 503 OVERLOADED. */
  refusedOverloaded: number;
  /** Anything else, by status ("none" for no response). */
  other: Record<string, number>;
  /** Events received over all streams while held. */
  events: number;
  /** When they were opened and closed (ms since the load began). */
  openedAt: number;
  closedAt: number;
}

/**
 * Opens `count` graphChanged streams at `atMs`, holds them for `holdMs` (reading every event)
 * and closes them. A refusal is recorded as a hostile outcome; a held stream is not a request.
 */
export async function holdSubscriptions(
  ctx: HostileContext,
  count: number,
  atMs: number,
  holdMs: number,
): Promise<HeldSubscriptions> {
  await sleep(Math.max(0, atMs - ctx.clock()), undefined, { signal: ctx.signal }).catch(() => {});
  const held: HeldSubscriptions = {
    asked: count,
    opened: 0,
    refusedOverloaded: 0,
    other: {},
    events: 0,
    openedAt: ctx.clock(),
    closedAt: 0,
  };
  const close = new AbortController();
  const body = graphql("subscription SoakHeld { graphChanged { operation entities } }");
  const drains: Promise<void>[] = [];
  const open = async () => {
    const startedAt = ctx.clock();
    let status = 0;
    let code = TRANSPORT_ERROR;
    try {
      const response = await fetch(`${ctx.baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body,
        signal: AbortSignal.any([close.signal, ctx.signal]),
      });
      status = response.status;
      if (status === 200 && response.body) {
        held.opened += 1;
        code = OK;
        const reader = response.body.getReader();
        drains.push(
          (async () => {
            for (;;) {
              const chunk = await reader.read();
              if (chunk.done) return;
              held.events += (
                Buffer.from(chunk.value)
                  .toString("utf8")
                  .match(/^data:/gm) ?? []
              ).length;
            }
          })().catch(() => {}),
        );
      } else {
        const text = await response.text();
        code = isAdmissionRefusal(status, text) ? OVERLOADED : classifyRead(text);
      }
    } catch {
      // no response
    }
    if (code === OVERLOADED) held.refusedOverloaded += 1;
    else if (code !== OK) {
      const key = status === 0 ? "none" : String(status);
      held.other[key] = (held.other[key] ?? 0) + 1;
    }
    if (code !== OK) {
      const at = ctx.clock();
      const verdict = judgeAnswer({}, status, code);
      ctx.tally.record({
        kind: "hostile",
        at,
        ms: at - startedAt,
        status,
        code,
        op: "subscriptions-held",
      });
      ctx.hostile.record({ name: "subscriptions-held", startedAt, at, status, code, verdict });
    }
  };
  // One after another, so the count the server holds at each refusal is the count sent.
  for (let i = 0; i < count && !ctx.signal.aborted; i++) await open();
  await sleep(holdMs, undefined, { signal: ctx.signal }).catch(() => {});
  close.abort();
  await Promise.all(drains);
  held.closedAt = ctx.clock();
  return held;
}

/** The request of a class, shortened for the report: method, path, size and the body's start. */
export function describeRequest(name: string): string {
  const cls = [...HOSTILE_CLASSES, SLOW_CLIENT].find((c) => c.name === name);
  if (!cls) return name;
  const r = cls.request();
  const size = r.body === undefined ? "" : ` (${r.body.length} bytes)`;
  const path = r.path.length > 200 ? `${r.path.slice(0, 200)}... (${r.path.length} chars)` : r.path;
  return `${r.method} ${path}${r.stream ? " Accept: text/event-stream" : ""}${size}${r.body ? `: ${r.body.slice(0, 400)}` : ""}`;
}
