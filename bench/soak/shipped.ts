/**
 * The API as `npm start` runs it, for the hostile soak: `npm run build`, then the built entry
 * point with the start script's node flags and NODE_ENV=production, as a child process. It
 * watches the process: an exit it did not ask for is a crash (kept with the stderr tail, and the
 * server is started again so the run goes on), and its memory is sampled from /proc.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { PROJECT_ROOT } from "../neo4j.js";
import { SHIPPED_ENTRY, SHIPPED_NODE_FLAGS } from "../servers/spawn.js";

/** An exit of the server that nobody asked for. */
export interface Crash {
  /** ms since the load began. */
  at: number;
  pid: number;
  /** Exit code or signal. */
  exit: string;
  /** The last of what it wrote to stderr (V8's last words, an uncaught error). */
  stderrTail: string;
}

/** Memory of the server process, in kB, from /proc/PID/status. */
export interface MemoryPeak {
  /** The highest VmRSS sampled. */
  peakRssKb: number;
  /** VmHWM (the kernel's own peak resident set) at the last sample, the most of any process run. */
  hwmKb: number;
  samples: number;
}

export interface ShippedTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** Runs `npm run build` (what `prestart` runs); throws with its output when it fails. */
export function buildAsShipped(): void {
  const built = spawnSync("npm", ["run", "build"], { cwd: PROJECT_ROOT, encoding: "utf8" });
  if (built.status !== 0)
    throw new Error(`npm run build failed:\n${(built.stdout + built.stderr).slice(-4000)}`);
}

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

function readStatusKb(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
  } catch {
    return undefined;
  }
}

const STDERR_TAIL_CHARS = 8_000;

/** The shipped server, started again after a crash, on the same port. */
export class ShippedApi {
  readonly crashes: Crash[] = [];
  readonly memory: MemoryPeak = { peakRssKb: 0, hwmKb: 0, samples: 0 };
  readonly baseUrl: string;
  private child: ChildProcess | undefined;
  private stderr = "";
  private stopping = false;
  private sampler: NodeJS.Timeout | undefined;

  private constructor(
    port: number,
    private readonly env: Record<string, string>,
    private readonly logPath: string,
    private readonly clock: () => number,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  /**
   * Starts the built server against `target` (or, with `local`, on the embedded Neo4j in that
   * folder, seeded when empty, as `npm start` does) with the `apiTokens` entry (hashes only) and
   * any `env` beside, and resolves once /ready answers 200. Its stdout (the JSON log) goes to
   * `logPath`.
   */
  static async start(options: {
    target?: ShippedTarget;
    local?: { dir: string; boltPort: number };
    env?: Record<string, string>;
    apiTokens: string;
    logPath: string;
    clock: () => number;
    /** The HTTP port; a free one when not given. */
    port?: number;
  }): Promise<ShippedApi> {
    const port = options.port ?? (await freePort());
    const { target, local } = options;
    const database: Record<string, string> = target
      ? {
          NEO4J_URI: target.uri,
          NEO4J_USER: target.user,
          NEO4J_PASSWORD: target.password,
          NEO4J_DATABASE: target.database,
          SEED_IF_EMPTY: "false",
        }
      : local
        ? { NEO4J_LOCAL_DIR: local.dir, NEO4J_LOCAL_BOLT_PORT: String(local.boltPort) }
        : {};
    if (!target && !local) throw new Error("ShippedApi.start needs a target or a local folder");
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      ...(process.env.JAVA_HOME ? { JAVA_HOME: process.env.JAVA_HOME } : {}),
      NODE_ENV: "production",
      ...database,
      PORT: String(port),
      HOST: "127.0.0.1",
      API_TOKENS: options.apiTokens,
      ...options.env,
    };
    const api = new ShippedApi(port, env, options.logPath, options.clock);
    await api.launch(false);
    api.sampler = setInterval(() => api.sample(), 200);
    return api;
  }

  /** The command line, for the report (no environment: it holds the password). */
  get command(): string {
    return ["node", ...SHIPPED_NODE_FLAGS, SHIPPED_ENTRY].join(" ");
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The last of what the server wrote to stderr. */
  stderrTail(): string {
    return this.stderr;
  }

  private sample(): void {
    if (this.child?.pid === undefined) return;
    const kb = readStatusKb(this.child.pid);
    if (!kb) return;
    this.memory.samples += 1;
    this.memory.peakRssKb = Math.max(this.memory.peakRssKb, kb.rss);
    this.memory.hwmKb = Math.max(this.memory.hwmKb, kb.hwm);
  }

  private async launch(append: boolean): Promise<void> {
    const log = openSync(this.logPath, append ? "a" : "w");
    const child = spawn(process.execPath, [...SHIPPED_NODE_FLAGS, SHIPPED_ENTRY], {
      cwd: PROJECT_ROOT,
      env: this.env,
      stdio: ["ignore", log, "pipe"],
    });
    closeSync(log);
    this.child = child;
    child.stderr?.on("data", (d: Buffer) => {
      this.stderr = (this.stderr + d.toString("utf8")).slice(-STDERR_TAIL_CHARS);
    });
    let exited = false;
    child.once("exit", (code, signal) => {
      exited = true;
      if (this.stopping || this.child !== child) return;
      this.crashes.push({
        at: this.clock(),
        pid: child.pid ?? 0,
        exit: signal ?? String(code),
        stderrTail: this.stderr,
      });
      // Started again so the rest of the run still says something; the crash fails the run.
      this.launch(true).catch((error: unknown) => {
        this.stderr += `\n[soak] could not start the server again: ${String(error)}`;
      });
    });
    const until = Date.now() + 120_000;
    for (;;) {
      if (exited) throw new Error(`the server exited during start-up:\n${this.stderr}`);
      if (Date.now() > until) throw new Error(`the server was not ready within 120 s`);
      const ready = await fetch(`${this.baseUrl}/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) return;
      await sleep(200);
    }
  }

  /** Samples memory a last time, then SIGTERM (SIGKILL after 15 s); resolves with how it ended. */
  async stop(): Promise<string> {
    this.sample();
    clearInterval(this.sampler);
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return "not running";
    const gone = new Promise<string>((done) =>
      child.once("exit", (code, signal) => done(signal ?? String(code))),
    );
    child.kill("SIGTERM");
    const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
    const how = await gone;
    clearTimeout(force);
    return how;
  }
}

/**
 * ms and outcome (the result's __typename, or the error's code) of one ingestDocument of `doc`
 * sent to `server` with the bearer `token`: the benchmarks' write against the server as shipped.
 */
export async function timedIngest(
  server: ShippedApi,
  token: string,
  doc: unknown,
): Promise<{ ms: number; outcome: string }> {
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: "mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }",
      variables: { d: doc },
    }),
  });
  const body = (await response.json()) as {
    data?: { ingestDocument?: { __typename: string } } | null;
    errors?: { extensions?: { code?: string } }[];
  };
  return {
    ms: performance.now() - started,
    outcome:
      body.data?.ingestDocument?.__typename ?? body.errors?.[0]?.extensions?.code ?? "no answer",
  };
}
