/** Starts each server in its own process (so its resident memory is its own) and stops it. */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import type { DbTarget } from "../../src/db/driver.js";
import { PROJECT_ROOT } from "../neo4j.js";

export type ServerName = "ours" | "floor" | "anchor";
export const SERVER_NAMES: readonly ServerName[] = ["ours", "floor", "anchor"];

export interface RunningServer {
  name: ServerName;
  port: number;
  pid: number;
  stop(): Promise<void>;
  /** The last lines it wrote to stderr (for failures). */
  stderr(): string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** GET /health over node:http (not fetch: a library loaded beside may replace the global one). */
function healthy(port: number): Promise<boolean> {
  return new Promise((done) => {
    const req = get({ host: "127.0.0.1", port, path: "/health", timeout: 2_000 }, (res) => {
      res.resume();
      done(res.statusCode === 200);
    });
    req.on("error", () => done(false));
    req.on("timeout", () => {
      req.destroy();
      done(false);
    });
  });
}

const START_WORDS: readonly string[] = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as {
    scripts: { start: string };
  }
).scripts.start
  .trim()
  .split(/\s+/);

/**
 * The Node flags `npm start` runs the API with (package.json's start script), so the bench
 * measures ours as shipped.
 */
export const SHIPPED_NODE_FLAGS: readonly string[] = START_WORDS.filter((a) => a.startsWith("--"));

/** The entry point `npm start` runs (the start script's last word), relative to the root. */
export const SHIPPED_ENTRY: string = START_WORDS.at(-1) ?? "dist/app/src/main.js";

let compiled = false;

/**
 * The servers run as compiled JavaScript, as `npm start` and the image run the API (no tsx
 * loader in the process): compiled once per bench process into dist/bench.
 */
function compileServers(): void {
  if (compiled) return;
  const tsc = spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.bench.json"],
    {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    },
  );
  if (tsc.status !== 0)
    throw new Error(`Compiling the servers failed:\n${tsc.stdout}${tsc.stderr}`);
  compiled = true;
}

export async function startServer(
  name: ServerName,
  port: number,
  target: DbTarget,
  options: { env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<RunningServer> {
  compileServers();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? (name === "ours" ? SHIPPED_NODE_FLAGS : [])),
      join(PROJECT_ROOT, "dist/bench/bench/servers", `${name}.js`),
    ],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        BENCH_PORT: String(port),
        BENCH_NEO4J_URI: target.uri,
        BENCH_NEO4J_USER: target.user,
        BENCH_NEO4J_PASSWORD: target.password,
        BENCH_NEO4J_DATABASE: target.database,
        ...options.env,
      },
      // stdout is the API's access log (one line per request): discarded, as a deployment
      // would ship it elsewhere; stderr is kept for failures.
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  return { name, ...(await untilHealthy(child, name, port)) };
}

/**
 * Waits until a server just spawned answers /health on `port` (60 s at most, or
 * BENCH_START_TIMEOUT_S on a loaded machine; its stderr's tail
 * in the error if it exits or never answers), and gives what stops it (SIGTERM, SIGKILL after
 * 15 s).
 */
export async function untilHealthy(
  child: ChildProcess,
  name: string,
  port: number,
): Promise<Omit<RunningServer, "name">> {
  let tail = "";
  child.stderr?.on("data", (c: Buffer) => {
    tail = (tail + c.toString("utf8")).slice(-4000);
  });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  const started = Date.now();
  const limitS = Number(process.env.BENCH_START_TIMEOUT_S ?? 60);
  while (!(await healthy(port))) {
    if (exited) throw new Error(`${name} exited during start-up:\n${tail}`);
    if (Date.now() - started > limitS * 1000) {
      child.kill("SIGKILL");
      throw new Error(`${name} did not answer on port ${port} within ${limitS} s:\n${tail}`);
    }
    await sleep(200);
  }
  return {
    port,
    pid: child.pid as number,
    stderr: () => tail,
    async stop() {
      if (exited) return;
      const gone = new Promise<void>((done) => child.once("exit", () => done()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
