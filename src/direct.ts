/**
 * Plain JSON POSTs on /graphql, answered without the Fetch adapter: the body is read once from
 * node:http and handed to yoga's own envelop (the same plugins: limits, armor, masking, the
 * compiled executor, the round-trip count), and the result is written straight to the response.
 * yoga's adapter builds a `Request` and a `Response` per request and runs its HTTP plugin
 * pipeline around them, which cost ours more than the rest of a small request (bench/findings.md).
 *
 * Only requests whose answer this path gives exactly as yoga would are answered here: anything
 * else (other methods or media types, an Origin header, a body that is not a plain operation, a
 * document that does not parse or validate, a subscription, a request error before execution)
 * is handed to yoga with the body already read, before anything has run. A test sends the same
 * requests both ways and expects the same answers.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { type DocumentNode, type ExecutionResult, getOperationAST } from "graphql";
import { processRegularResult } from "graphql-yoga";
import { documentNesting, MAX_NESTING, valueNesting, withCode } from "./graphql/guards.js";
import type { RequestInfo } from "./request-store.js";
import type { App } from "./server.js";

type Accepted = "application/json" | "application/graphql-response+json";

/** The media type yoga would answer with, for the Accept headers this path takes. */
function acceptedType(accept: string | undefined): Accepted | null {
  const value = (accept ?? "*/*")
    .replace(/\s/g, "")
    .toLowerCase()
    .replace(/;charset=utf-8$/, "");
  if (value === "*/*" || value === "application/json") return "application/json";
  if (value === "application/graphql-response+json") return value;
  return null;
}

const JSON_BODY = /^application\/json(;\s*charset=utf-8)?$/i;

/**
 * The media type to answer with when this path can take the request, or null. Browsers send
 * Origin (yoga answers those, with its CORS headers); a query string or other media types go to
 * yoga too.
 */
export function directType(req: IncomingMessage): Accepted | null {
  if (req.method !== "POST" || req.url !== "/graphql" || req.headers.origin !== undefined)
    return null;
  if (!JSON_BODY.test(req.headers["content-type"] ?? "")) return null;
  return acceptedType(req.headers.accept);
}

interface Params {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  extensions?: Record<string, unknown> | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const PARAMS = new Set(["query", "variables", "operationName", "extensions"]);

/** A body yoga would take as it is: the four GraphQL parameters, with their types, and no more. */
function asParams(body: unknown): Params | null {
  if (!isObject(body) || typeof body.query !== "string") return null;
  for (const [k, v] of Object.entries(body)) if (v != null && !PARAMS.has(k)) return null;
  if (body.variables != null && !isObject(body.variables)) return null;
  if (body.extensions != null && !isObject(body.extensions)) return null;
  if (body.operationName != null && typeof body.operationName !== "string") return null;
  return body as unknown as Params;
}

/** The whole body, or null when the client went away before sending it. */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.once("end", () =>
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)),
    );
    req.once("close", () => {
      if (!req.complete) resolve(null);
    });
    req.once("error", (error) => (req.complete ? reject(error) : resolve(null)));
  });
}

/** The request headers as yoga's context sees them (`request.headers.get`). */
function headerReader(headers: IncomingHttpHeaders) {
  return {
    get(name: string): string | null {
      const v = headers[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
    },
  };
}

// Hop-by-hop headers, and the length of a body the Request below encodes again.
const NOT_PASSED = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "upgrade",
  "host",
  "content-length",
]);

/**
 * yoga answers, from the body already read: what this path does not take. A stream (a
 * subscription's events) is passed on as it comes, and cancelled when the client goes.
 */
async function viaYoga(
  app: App,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  requestInfo: RequestInfo,
): Promise<void> {
  const headers: [string, string][] = [];
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined && !NOT_PASSED.has(k))
      headers.push([k, Array.isArray(v) ? v.join(", ") : v]);
  const gone = new AbortController();
  res.once("close", () => gone.abort());
  const request = new app.fetchAPI.Request(`http://localhost${req.url ?? "/graphql"}`, {
    method: req.method ?? "POST",
    headers,
    body: body.toString("utf8"),
    signal: gone.signal,
  });
  const response = await app.handleRequest(request, { requestInfo });
  if (!/^(text\/event-stream|multipart\/)/.test(response.headers.get("content-type") ?? ""))
    return send(res, response);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  res.once("close", () => void reader.cancel().catch(() => {}));
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
    res.write(chunk.value);
  res.end();
}

/** A whole (not streamed) fetch Response, written to node:http. */
async function send(res: ServerResponse, response: Response): Promise<void> {
  const out = Buffer.from(await response.arrayBuffer());
  const headers = Object.fromEntries(response.headers);
  headers["content-length"] = String(out.length);
  res.writeHead(response.status, headers);
  res.end(out);
}

/**
 * Documents that parsed and validated before, by their text: a client sends the same few
 * operations again and again, and for those this path skips envelop's parse and validate hooks
 * (yoga's caches answer them too, but through every plugin's hooks, which cost more than the
 * rest of a small request's GraphQL work). A document is kept only once it validated without an
 * error, and validation depends on nothing but the document and the app's schema and rules, so
 * a document found here would validate again. At most KNOWN_MAX documents of at most
 * KNOWN_TEXT_MAX characters per app (a few MB of syntax trees at worst; clients send a handful of
 * operations of a few hundred characters), the oldest going first.
 */
const KNOWN_MAX = 100;
const KNOWN_TEXT_MAX = 5_000;
const knownDocuments = new WeakMap<App, Map<string, DocumentNode>>();

function knownOf(app: App): Map<string, DocumentNode> {
  let known = knownDocuments.get(app);
  if (!known) {
    known = new Map();
    knownDocuments.set(app, known);
  }
  return known;
}

function remember(known: Map<string, DocumentNode>, text: string, document: DocumentNode): void {
  if (text.length > KNOWN_TEXT_MAX) return;
  if (known.size >= KNOWN_MAX) known.delete(known.keys().next().value as string);
  known.set(text, document);
}

/**
 * Answers a request `directType` accepted. Its result goes out as yoga's regular result
 * processor would write it; with errors, through that processor itself.
 */
export async function answerDirect(
  app: App,
  req: IncomingMessage,
  res: ServerResponse,
  requestInfo: RequestInfo,
  accepted: Accepted,
): Promise<void> {
  const body = await readBody(req);
  // Nothing to answer: the client is gone.
  if (!body) return;
  const handOff = () => viaYoga(app, req, res, body, requestInfo);
  let params: Params | null;
  try {
    params = asParams(JSON.parse(body.toString("utf8")));
  } catch {
    params = null;
  }
  if (!params) return handOff();
  const known = knownOf(app);
  let document = known.get(params.query);
  if (
    (!document && documentNesting(params.query) > MAX_NESTING) ||
    valueNesting(params.variables) > MAX_NESTING
  )
    return handOff();
  const request = {
    method: "POST",
    url: "http://localhost/graphql",
    headers: headerReader(req.headers),
  };
  const enveloped = app.getEnveloped({ req, res, requestInfo, request, params } as never);
  let contextValue: Awaited<ReturnType<typeof enveloped.contextFactory>>;
  try {
    if (!document) {
      document = enveloped.parse(params.query) as DocumentNode;
      if (enveloped.validate(enveloped.schema, document).length > 0) return handOff();
      remember(known, params.query, document);
    }
    const operation = getOperationAST(document, params.operationName ?? undefined);
    if (!operation || operation.operation === "subscription") return handOff();
    contextValue = await enveloped.contextFactory();
  } catch {
    // Nothing has run yet: yoga answers with the same error.
    return handOff();
  }
  const result = (await enveloped.execute({
    schema: enveloped.schema,
    document,
    contextValue,
    variableValues: params.variables ?? undefined,
    operationName: params.operationName ?? undefined,
  })) as ExecutionResult;
  // A request error (variables that do not coerce): execution never started, so yoga can answer.
  if (!("data" in result)) return handOff();
  if (!result.errors?.length && !result.extensions?.http) {
    const text = JSON.stringify(result);
    res.writeHead(200, {
      "content-type": `${accepted}; charset=utf-8`,
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
    return;
  }
  // What codedErrors does in yoga's result hook, then yoga's own processor.
  const coded = result.errors ? { ...result, errors: result.errors.map(withCode) } : result;
  await send(res, await processRegularResult(coded, app.fetchAPI, accepted));
}
