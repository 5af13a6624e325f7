/**
 * The server as `npm start` runs it: the built entry point, started with the node flags and
 * environment of package.json's start script, as a child process, driven over HTTP. Tests of
 * limits, memory, faults and crashes run against this, never against the app in-process (the
 * in-process app has the test runner's heap and none of the start flags).
 *
 * The suite's global set-up builds `dist/` (`npm run build`, what `prestart` runs) when a source
 * is newer than its last build (./build.ts).
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, realpathSync, symlinkSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, inject } from "vitest";
import type { Db } from "../../src/db/driver.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { removeByPrefix, testDb } from "./client.js";
import { type ChildService, freePort, startChild } from "./process.js";

/** package.json's start script, split into its environment, node flags and entry point. */
export function startCommand(): { env: Record<string, string>; flags: string[]; entry: string } {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const words = (pkg.scripts.start ?? "").trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Z_]+=/.test(words[0])) {
    const [k, ...v] = (words.shift() as string).split("=");
    env[k as string] = v.join("=");
  }
  // "exec": the shell npm runs the script in becomes node, so a signal to npm reaches the server
  if (words[0] === "exec") words.shift();
  if (words.shift() !== "node") throw new Error("the start script no longer runs node directly");
  const entry = words.pop();
  if (!entry?.endsWith(".js")) throw new Error("the start script's last word is not the entry");
  return { env, flags: words, entry };
}

/** A token with every scope, made up per server (only its hash reaches the server). */
function adminToken(): { token: string; entry: string } {
  const token = `agt_${randomBytes(32).toString("base64url").slice(0, 43)}`;
  const sha256 = createHash("sha256").update(token).digest("hex");
  return {
    token,
    entry: JSON.stringify([{ name: "shipped-test", sha256, scopes: ["read", "write", "admin"] }]),
  };
}

/** The server's process (its output, whether it runs, stop: SIGTERM, SIGKILL after 15 s). */
export interface ShippedServer extends ChildService {
  url: string;
  /** Authorization header value with read, write and admin scopes. */
  authorization: string;
  /** Resident memory of the process (kB), from /proc. */
  rssKb(): number;
}

export interface ShippedOptions {
  /** Extra environment (limits, ports). The suite's Neo4j is used unless NEO4J_URI is given. */
  env?: Record<string, string>;
  /** Use the embedded local Neo4j with this folder instead of the suite's server. */
  localDir?: string;
  /**
   * Run it through npm (`npm run start --ignore-scripts`: the start script itself, without the
   * build), so that `child` is npm's process, as a supervisor that runs `npm start` sees it.
   */
  viaNpm?: boolean;
  /**
   * Resolve once the output matches this, instead of once /ready says ready: a test that acts on
   * the server while it is still starting.
   */
  readyWhen?: RegExp;
}

/** Starts the built server as `npm start` does, and resolves once /ready says ready. */
export async function startShipped(options: ShippedOptions = {}): Promise<ShippedServer> {
  const { env: scriptEnv, flags, entry } = startCommand();
  const port = await freePort();
  const admin = adminToken();
  const target = inject("neo4j");
  const neo4jEnv: Record<string, string> = options.localDir
    ? { NEO4J_LOCAL_DIR: options.localDir }
    : {
        NEO4J_URI: target.uri,
        NEO4J_USER: target.user,
        NEO4J_PASSWORD: target.password,
        NEO4J_DATABASE: target.database,
        SEED_IF_EMPTY: "false",
      };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    ...(process.env.JAVA_HOME ? { JAVA_HOME: process.env.JAVA_HOME } : {}),
    ...scriptEnv,
    ...neo4jEnv,
    PORT: String(port),
    HOST: "127.0.0.1",
    API_TOKENS: admin.entry,
    ...options.env,
  };
  const url = `http://127.0.0.1:${port}`;
  const server = await startChild({
    name: "the server",
    ...(options.viaNpm
      ? { command: "npm", args: ["run", "-s", "start", "--ignore-scripts"] }
      : { command: process.execPath, args: [...flags, entry] }),
    cwd: PROJECT_ROOT,
    env,
    ready: (output) =>
      options.readyWhen
        ? Promise.resolve(options.readyWhen.test(output))
        : fetch(`${url}/ready`).then(
            (r) => r.status === 200,
            () => false,
          ),
    readyWithinMs: 240_000,
    pollMs: 200,
    stopGraceMs: 15_000,
  });
  return {
    ...server,
    url,
    authorization: `Bearer ${admin.token}`,
    rssKb() {
      const status = readFileSync(`/proc/${server.child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    },
  };
}

/**
 * For one test file: a server as shipped on the suite's Neo4j, started before its tests with the
 * keys starting with `prefix` removed, and stopped after them with those keys removed again. The
 * server is usable inside tests (it is started in beforeAll).
 */
export function shippedWithPrefix(
  prefix: string,
  options: ShippedOptions = {},
): { db: Db; server: ShippedServer } {
  const db = testDb();
  let started: ShippedServer | undefined;
  beforeAll(async () => {
    await removeByPrefix(db, prefix);
    started = await startShipped(options);
  });
  afterAll(async () => {
    await started?.stop();
    await removeByPrefix(db, prefix);
    await db.driver.close();
  });
  const server = new Proxy({} as ShippedServer, {
    get(_, field) {
      if (!started) throw new Error("the shipped server starts in beforeAll: use it inside a test");
      const value = Reflect.get(started, field);
      return typeof value === "function" ? value.bind(started) : value;
    },
  });
  return { db, server };
}

/** The server's log lines at error level or above (pino 50, 60): a test expects none. */
export function errorLines(server: Pick<ShippedServer, "output">): string[] {
  return server
    .output()
    .split("\n")
    .filter((l) => /"level":(50|60)\b/.test(l));
}

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response shapes
  body: any;
}

/** POSTs one GraphQL request as a plain client would (JSON, no Origin); `body` may be raw text. */
export async function post(
  server: Pick<ShippedServer, "url">,
  body: string | Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: the test sees the text
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/**
 * A fresh NEO4J_LOCAL_DIR (a temp folder whose lib/ links to the resolved jars), its instance's
 * folder, and the environment that starts a small local Neo4j there on `boltPort`.
 */
export function freshLocalNeo4j(prefix: string, boltPort: number) {
  const localDir = mkdtempSync(join(tmpdir(), prefix));
  symlinkSync(realpathSync(join(PROJECT_ROOT, ".neo4j", "lib")), join(localDir, "lib"));
  return {
    localDir,
    home: join(localDir, "instances", "dev"),
    env: {
      NEO4J_LOCAL_BOLT_PORT: String(boltPort),
      NEO4J_LOCAL_HEAP: "256m",
      NEO4J_LOCAL_PAGECACHE: "64m",
    },
  };
}

/**
 * Ingests `document` through the server's GraphQL API with its admin token, and expects it
 * written (on a refusal the assertion shows the problems or the message).
 */
export async function ingestOk(server: ShippedServer, document: object): Promise<void> {
  const r = await post(
    server,
    {
      query: `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
        __typename ... on ValidationError { problems { path message } } ... on Error { message } } }`,
      variables: { d: document },
    },
    { authorization: server.authorization },
  );
  expect(r.status).toBe(200);
  expect(r.body.data.ingestDocument).toEqual({ __typename: "IngestDocumentSuccess" });
}

/**
 * All a connection to the server at `url` is sent back for `bytes` written at once, until the
 * server closes it: for what fetch cannot send (repeated or odd headers, pipelined or malformed
 * requests, other methods and targets). With `endAfterMs`, the client ends its side after that
 * long, as a client would end a connection kept alive after its answers.
 */
export function rawExchange(
  url: string,
  bytes: string | Buffer,
  endAfterMs?: number,
): Promise<string> {
  const { port } = new URL(url);
  return new Promise<string>((done, fail) => {
    const socket = connect(Number(port), "127.0.0.1");
    let out = "";
    socket.on("data", (d) => {
      out += d.toString();
    });
    socket.on("error", fail);
    socket.on("close", () => done(out));
    socket.write(bytes);
    if (endAfterMs !== undefined) setTimeout(() => socket.end(), endAfterMs);
  });
}
