/**
 * The embedded default: a real Neo4j 5.26 Community server that the project resolves from Maven
 * Central, configures and runs on Java 17, bound to 127.0.0.1.
 *
 * Layout (all git-ignored, under NEO4J_LOCAL_DIR, default `.neo4j/`):
 *   lib/                      the jars, from `mvn -f tools/neo4j/pom.xml dependency:copy-dependencies`
 *   instances/<name>/conf/    neo4j.conf, written from tools/neo4j/neo4j.conf.template
 *   instances/<name>/data/    the store; survives restarts
 *   instances/<name>/password a generated password (mode 0600), set as the initial password
 *   instances/<name>/neo4j.pid the running server, so a second start reuses it
 *   instances/<name>/owner.pid the process that started (or adopted) it and will stop it
 *   instances/<name>/watchdog.pid the watchdog that stops it if that process dies first
 *   instances/<name>/start.lock   the process starting it or bulk-importing into it now (pid), so
 *                             that two starts, or a start and an import, take turns
 *
 * The instance folder is private to its user (directories 0700, files 0600): the store, the
 * transaction logs and the password are as sensitive as each other. Neo4j and its tools run with
 * umask 077, so the files they create are private too, and every start repairs older modes.
 *
 * Credentials: auth stays on, so other local users and processes cannot read or write the graph
 * without the password; the password is random per instance, never committed or logged, and kept
 * beside the data it protects, so it lives exactly as long as that data.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { connect } from "node:net";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import neo4j from "neo4j-driver";
import { PROJECT_ROOT } from "../paths.js";
import { alive } from "./pids.js";

const POM = join(PROJECT_ROOT, "tools/neo4j/pom.xml");
const CONF_TEMPLATE = join(PROJECT_ROOT, "tools/neo4j/neo4j.conf.template");
const NEO4J_JAR = /^neo4j-5\.26\.\d+\.jar$/;

/** Raised when Java or Maven is missing, or the server cannot be resolved or started. */
export class LocalNeo4jError extends Error {
  override name = "LocalNeo4jError";
}

const NEEDS = `The local Neo4j (the embedded default) needs Java 17 or newer ("java" on PATH or JAVA_HOME) and Maven ("mvn" on PATH) to fetch Neo4j 5.26 Community from Maven Central. On Debian or Ubuntu: apt-get install openjdk-17-jre-headless maven. Or run "docker compose up", or point NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD at any Neo4j 5 server and nothing local starts.`;

export interface LocalNeo4jOptions {
  /** Root folder for the jars and instances (NEO4J_LOCAL_DIR). */
  dir: string;
  /** Instance name: separate data, config and port per name (dev, test, bench). */
  instance: string;
  boltPort: number;
  heap: string;
  pagecache: string;
  txTimeout: string;
  startTimeoutMs: number;
  log?: (message: string) => void;
  /** Extra neo4j.conf lines (e.g. for plugins put in the instance's plugins/ folder). */
  extraConfig?: readonly string[];
  /**
   * Set by the server: a server started (or adopted) here that exits by itself (a crash, the
   * kernel's out-of-memory killer, a stray kill) is started again, and this is told why, at
   * error level. Without it the API answered "try again shortly" for ever, logging nothing.
   */
  restartOnExit?: (message: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** False when an instance already running was reused; stop() then leaves it running. */
  startedHere: boolean;
  /** The server's pid: the one this process started or adopted, or the one it reused. */
  pid?: number;
  /** Stops the server if this process started it. */
  stop(): Promise<void>;
}

/** How often a supervised server is looked at, and the longest wait between two restarts. */
const SUPERVISE_POLL_MS = 1_000;
const RESTART_BACKOFF_MAX_MS = 60_000;
/** A server that ran this long before exiting is restarted at once (its exits are not a loop). */
const RESTART_STEADY_MS = 60_000;

/**
 * Watches the server `pid` owned here and starts it again when it exits without stop() (waiting
 * 1 s, 2 s, 4 s ... up to a minute between tries while it keeps failing). The driver reconnects
 * by itself once Bolt answers again (as after an outage of a server elsewhere).
 *
 * A server reused here (another API on this NEO4J_LOCAL_DIR started it) is watched too
 * (`ownedFirst` false): when its starter stopped it (Ctrl-C in the other terminal) this API
 * answered SERVICE_UNAVAILABLE for ever and logged nothing (redteam16). Now the first API to see
 * it gone starts it again (the start lock lets one start it; the others reuse that one), and
 * owns it from then on; only a server this process owns is stopped by stop().
 */
function supervised(
  o: LocalNeo4jOptions,
  home: string,
  first: number,
  report: (message: string) => void,
  ownedFirst = true,
): Pick<LocalNeo4j, "stop"> {
  let pid = first;
  let owns = ownedFirst;
  let since = Date.now();
  let stopped = false;
  let busy = false;
  let failures = 0;
  let next = 0;
  const restart = async () => {
    const ran = Date.now() - since;
    if (ran >= RESTART_STEADY_MS) failures = 0;
    if (Date.now() < next) return;
    if (failures === 0 && !owns)
      // Stopped by the API that started it, as a rule: not an error of this one.
      o.log?.(
        `The local Neo4j (${o.instance}, pid ${pid}) that this server reused has stopped (the server that started it stopped?); starting it again (requests answer SERVICE_UNAVAILABLE meanwhile).`,
      );
    else
      report(
        failures === 0
          ? `The local Neo4j (${o.instance}, pid ${pid}) exited after ${Math.round(ran / 1000)} s without being stopped; starting it again (requests answer SERVICE_UNAVAILABLE meanwhile).\n${logTail(home)}`
          : `Starting the local Neo4j (${o.instance}) again, try ${failures + 1} ...`,
      );
    try {
      const started = await startLocalNeo4j({ ...o, restartOnExit: undefined });
      if (stopped) return void (await started.stop());
      // Another API may have started it first: then this one reuses it, and watches that one.
      owns = started.startedHere;
      pid = started.pid ?? pid;
      since = Date.now();
      failures = 0;
      o.log?.(`The local Neo4j (${o.instance}) is back (pid ${pid}).`);
    } catch (error) {
      failures += 1;
      const wait = Math.min(RESTART_BACKOFF_MAX_MS, 1_000 * 2 ** failures);
      next = Date.now() + wait;
      report(
        `The local Neo4j (${o.instance}) did not start again (${error instanceof Error ? error.message : String(error)}); next try in ${wait / 1000} s.`,
      );
    }
  };
  const timer = setInterval(() => {
    if (stopped || busy || alive(pid)) return;
    busy = true;
    void restart().finally(() => {
      busy = false;
    });
  }, SUPERVISE_POLL_MS);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (owns) await stopOwned(home, pid);
    },
  };
}

function javaCommand(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";
}

/**
 * The command and arguments that run `command` with umask 077, so every file Neo4j or its tools
 * create (store, transaction logs, logs) is readable by its user only. Through `sh -c ... exec`
 * rather than process.umask(), which worker threads cannot call; exec keeps the pid.
 */
function privately(command: string, args: readonly string[]): [string, string[]] {
  return ["sh", ["-c", 'umask 077 && exec "$0" "$@"', command, ...args]];
}

/** Makes an instance folder private: directories 0700, files 0600; symlinks are left alone. */
export function makePrivate(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    try {
      if (entry.isDirectory()) makePrivate(path);
      else if (entry.isFile() && (lstatSync(path).mode & 0o777) !== 0o600) chmodSync(path, 0o600);
    } catch (error) {
      // Gone since it was listed (a pid file its exiting watchdog removed): nothing to repair.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}

/** Creates the instance's folders, private, and repairs the modes of what is already there. */
function prepareHome(home: string): void {
  for (const d of ["data", "logs", "run", "import", "plugins"])
    mkdirSync(join(home, d), { recursive: true, mode: 0o700 });
  makePrivate(home);
}

function checkJava(): void {
  const out = spawnSync(javaCommand(), ["-version"], { encoding: "utf8" });
  if (out.error || out.status !== 0) {
    throw new LocalNeo4jError(`Java was not found. ${NEEDS}`);
  }
  const match = /version "(\d+)/.exec(`${out.stderr}${out.stdout}`);
  const major = match ? Number(match[1]) : 0;
  if (major < 17) {
    throw new LocalNeo4jError(`Java ${major || "(unknown)"} is too old. ${NEEDS}`);
  }
}

function hasJars(lib: string): boolean {
  return existsSync(lib) && readdirSync(lib).some((f) => NEO4J_JAR.test(f));
}

/**
 * Resolves Neo4j's jars with Maven unless they are already there. Maven copies them into a folder
 * of this process's own, renamed to `lib/` once complete: `lib/` is either absent or whole. Maven
 * writing into `lib/` itself let a second first start (two `npm start` on a fresh
 * NEO4J_LOCAL_DIR) find the Neo4j jar there before the rest and start a Java on half a class
 * path, or run a second Maven over files the first was reading; and a first start stopped during
 * the download left half a `lib/` that every later start took for whole. Two at once each
 * resolve; the first rename wins and the other's copy is deleted.
 */
export function ensureJars(dir: string, log: (m: string) => void = () => {}): string {
  const lib = resolve(dir, "lib");
  if (hasJars(lib)) return lib;
  const mvn = spawnSync("mvn", ["-v"], { encoding: "utf8" });
  if (mvn.error || mvn.status !== 0) {
    throw new LocalNeo4jError(`Maven was not found. ${NEEDS}`);
  }
  log(`Resolving Neo4j 5.26 Community from Maven Central into ${lib} (once) ...`);
  const partial = `${lib}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  try {
    const run = spawnSync(
      "mvn",
      ["-B", "-q", "-f", POM, "dependency:copy-dependencies", `-Dneo4j.lib=${partial}`],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    if (run.status !== 0 || !hasJars(partial)) {
      throw new LocalNeo4jError(
        `Maven could not resolve org.neo4j:neo4j (exit ${run.status}):\n${run.stdout}${run.stderr}`,
      );
    }
    // A `lib/` without the jars (an older start's half) gives way; one with them was another's.
    if (existsSync(lib) && !hasJars(lib)) rmSync(lib, { recursive: true, force: true });
    try {
      renameSync(partial, lib);
    } catch (e) {
      if (!hasJars(lib)) throw e;
    }
    return lib;
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

function writeConfig(home: string, o: LocalNeo4jOptions): string {
  const conf = join(home, "conf");
  mkdirSync(conf, { recursive: true, mode: 0o700 });
  const values: Record<string, string> = {
    BOLT_PORT: String(o.boltPort),
    DATA_DIR: join(home, "data"),
    LOGS_DIR: join(home, "logs"),
    RUN_DIR: join(home, "run"),
    IMPORT_DIR: join(home, "import"),
    PLUGINS_DIR: join(home, "plugins"),
    HEAP: o.heap,
    PAGECACHE: o.pagecache,
    TX_TIMEOUT: o.txTimeout,
  };
  const text = readFileSync(CONF_TEMPLATE, "utf8").replace(
    /\$\{(\w+)\}/g,
    (_, name: string) => values[name] ?? "",
  );
  const extra = o.extraConfig?.length
    ? `\n# Extra settings for this instance\n${o.extraConfig.join("\n")}\n`
    : "";
  writeFileSync(join(conf, "neo4j.conf"), text + extra, { mode: 0o600 });
  return conf;
}

function javaArgs(lib: string, home: string, conf: string, heap: string): string[] {
  return [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    // As Neo4j's own launcher: plugins on the class path too, so the service loader finds
    // their kernel extensions (APOC's ApocConfig, for one).
    "-cp",
    `${lib}/*:${join(home, "plugins")}/*`,
    "org.neo4j.server.CommunityEntryPoint",
    `--home-dir=${home}`,
    `--config-dir=${conf}`,
  ];
}

/**
 * A new instance password: 48 hex digits (192 bits). Not base64url: its alphabet has "-", and
 * neo4j-admin reads an argument that starts with one as an option ("Missing required parameter:
 * '<password>'"), so one fresh instance in 64 failed to start.
 */
export function newPassword(): string {
  return randomBytes(24).toString("hex");
}

/** Reads the instance's password, generating one and setting it before the first start. */
function ensurePassword(lib: string, home: string, conf: string): string {
  const file = join(home, "password");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  if (existsSync(join(home, "data", "databases", "system"))) {
    throw new LocalNeo4jError(
      `${file} is missing but ${join(home, "data")} exists, so its password is unknown. Delete ${home} to start afresh.`,
    );
  }
  const password = newPassword();
  // The tool reads the password from a file (its "@file" argument), so that it never appears
  // in the process list; the file becomes the instance's password file once the tool succeeds.
  const pending = `${file}.pending`;
  writeFileSync(pending, password, { mode: 0o600 });
  const run = spawnSync(
    ...privately(javaCommand(), [
      "-cp",
      `${lib}/*`,
      "org.neo4j.cli.AdminTool",
      "dbms",
      "set-initial-password",
      `@${pending}`,
    ]),
    { encoding: "utf8", env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf } },
  );
  if (run.status !== 0) {
    rmSync(pending, { force: true });
    throw new LocalNeo4jError(`Setting the initial password failed:\n${run.stdout}${run.stderr}`);
  }
  renameSync(pending, file);
  return password;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function boltAnswers(uri: string, password: string): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", password), {
    connectionTimeout: 2_000,
    maxConnectionPoolSize: 1,
  });
  try {
    await driver.verifyConnectivity({ database: "neo4j" });
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

function logTail(home: string): string {
  const out: string[] = [];
  for (const f of ["logs/console.log", "logs/neo4j.log"]) {
    const p = join(home, f);
    if (existsSync(p))
      out.push(`--- ${p}\n${readFileSync(p, "utf8").split("\n").slice(-25).join("\n")}`);
  }
  return out.join("\n");
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await sleep(100);
  }
  return !alive(pid);
}

/** The first and last lines of a long output (a usage error's reason comes first). */
function shorten(text: string): string {
  const lines = text.trim().split("\n");
  return lines.length <= 40
    ? lines.join("\n")
    : [...lines.slice(0, 10), "...", ...lines.slice(-25)].join("\n");
}

/** Where an instance lives, and whether its server is running now (its pid, or null). */
export function localInstance(o: Pick<LocalNeo4jOptions, "dir" | "instance">): {
  home: string;
  /** The default database's store exists (the instance has been started or loaded before). */
  hasStore: boolean;
  runningPid: number | null;
} {
  const home = join(resolve(o.dir), "instances", o.instance);
  const pidFile = join(home, "neo4j.pid");
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, "utf8")) : 0;
  return {
    home,
    hasStore: existsSync(join(home, "data", "databases", "neo4j")),
    runningPid: pid && alive(pid) ? pid : null,
  };
}

/**
 * Runs Neo4j's offline importer (`neo4j-admin database import full`, the import tool classes in
 * the resolved jars) into the instance's default database, replacing it. The instance must be
 * stopped; the caller checks that the database is empty. `args` are the importer's file
 * arguments. Returns the importer's output; throws LocalNeo4jError with it when it fails.
 */
export async function importIntoLocalNeo4j(
  o: LocalNeo4jOptions,
  args: readonly string[],
  importer: { heap: string; offHeap: string },
): Promise<string> {
  checkJava();
  const root = resolve(o.dir);
  const lib = ensureJars(root, o.log);
  const home = join(root, "instances", o.instance);
  prepareHome(home);
  // Under the start lock: a start that came during the import would find no server running,
  // start a Java on the store the importer is writing, and the importer, the port free when it
  // looked, would write on regardless. Now the one waits for the other.
  return withStartLock(home, o, o.log ?? (() => {}), () =>
    importLocked(o, args, importer, lib, home),
  );
}

/** importIntoLocalNeo4j's work, under the instance's start lock. */
async function importLocked(
  o: LocalNeo4jOptions,
  args: readonly string[],
  importer: { heap: string; offHeap: string },
  lib: string,
  home: string,
): Promise<string> {
  const conf = writeConfig(home, o);
  ensurePassword(lib, home, conf);
  const { runningPid } = localInstance(o);
  if (runningPid || (await portOpen(o.boltPort))) {
    throw new LocalNeo4jError(
      `The local Neo4j (${o.instance}) is running${runningPid ? ` (pid ${runningPid})` : ` or port ${o.boltPort} is taken`}; the bulk importer writes the store offline: stop it first.`,
    );
  }
  const command = [
    `-Xmx${importer.heap}`,
    "-cp",
    `${lib}/*`,
    "org.neo4j.cli.AdminTool",
    "database",
    "import",
    "full",
    // The database first: options that take several files would swallow it at the end.
    "neo4j",
    "--overwrite-destination=true",
    "--bad-tolerance=0",
    `--max-off-heap-memory=${importer.offHeap}`,
    `--report-file=${join(home, "logs", "import.report")}`,
    ...args,
  ];
  const output = await new Promise<{ code: number | null; text: string }>((done, fail) => {
    const child = spawn(...privately(javaCommand(), command), {
      cwd: home,
      env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout?.on("data", (d: Buffer) => {
      text += d.toString();
    });
    child.stderr?.on("data", (d: Buffer) => {
      text += d.toString();
    });
    child.once("error", fail);
    child.once("close", (code) => done({ code, text }));
  });
  if (output.code !== 0) {
    // A failed import leaves an unusable store in place of the empty database it replaced:
    // removed, so the next start creates the empty database again. Only here, where the importer
    // ran on a stopped instance: a refusal because one runs must leave its store alone.
    for (const d of ["databases", "transactions"])
      rmSync(join(home, "data", d, "neo4j"), { recursive: true, force: true });
    throw new LocalNeo4jError(
      `The bulk importer failed (exit ${output.code}; arguments: ${command.slice(4).join(" ")}):\n${shorten(output.text)}`,
    );
  }
  return output.text;
}

/** Reads a pid file: its pid, or 0 when it is missing or unreadable. */
function readPid(file: string): number {
  try {
    return Number(readFileSync(file, "utf8")) || 0;
  } catch {
    return 0;
  }
}

/**
 * The watchdog's script: compiled beside this file under dist/, or the TypeScript source run
 * through tsx when this module itself runs from src/ (tests, the tsx CLIs).
 */
function watchdogArgs(): string[] {
  const built = fileURLToPath(new URL("./watchdog.js", import.meta.url));
  if (existsSync(built)) return [built];
  return ["--import", "tsx", fileURLToPath(new URL("./watchdog.ts", import.meta.url))];
}

/**
 * Makes this process the owner of the server `pid`: records it in owner.pid and starts a
 * detached watchdog that stops the server if this process dies without stopping it.
 */
function own(home: string, pid: number): void {
  writeFileSync(join(home, "owner.pid"), String(process.pid), { mode: 0o600 });
  const watchdog = spawn(
    process.execPath,
    [...watchdogArgs(), String(process.pid), String(pid), home],
    // Its own process group, so Ctrl-C reaches only the API; the API's node flags are not its.
    { cwd: PROJECT_ROOT, detached: true, stdio: "ignore", env: { PATH: process.env.PATH ?? "" } },
  );
  watchdog.unref();
  if (watchdog.pid)
    writeFileSync(join(home, "watchdog.pid"), String(watchdog.pid), { mode: 0o600 });
}

/** Stops the server `pid` this process owns, and forgets it. */
async function stopOwned(home: string, pid: number): Promise<void> {
  if (alive(pid)) {
    process.kill(pid, "SIGTERM");
    if (!(await waitForExit(pid, 60_000))) process.kill(pid, "SIGKILL");
  }
  for (const f of ["neo4j.pid", "owner.pid"]) {
    const file = join(home, f);
    const expected = f === "neo4j.pid" ? pid : process.pid;
    if (readPid(file) === expected) rmSync(file, { force: true });
  }
}

/**
 * Runs `start` holding the instance's start lock: `start.lock` in its folder, created exclusively
 * and holding this process's pid, removed when `start` ends. Two servers started at once on one
 * NEO4J_LOCAL_DIR (two \`npm start\`, a supervisor's replicas) each generated a password, ran
 * the tool that sets it and started a Java of their own: one exited on the password file the other
 * had renamed, the other waited 120 s for a Bolt that refused the password it held, and the
 * password file then matched neither, so no later start could log in (redteam16). Now the
 * second waits, then finds the first's server running and reuses it. A lock whose process is
 * gone (killed during a start) is taken over.
 */
async function withStartLock<T>(
  home: string,
  o: Pick<LocalNeo4jOptions, "instance" | "startTimeoutMs">,
  log: (message: string) => void,
  start: () => Promise<T>,
): Promise<T> {
  const lock = join(home, "start.lock");
  // Waiting covers the other's whole start (its own Bolt wait included), and a little more.
  const until = Date.now() + o.startTimeoutMs + 30_000;
  let told = false;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { mode: 0o600, flag: "wx" });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = readPid(lock);
    if (holder && !alive(holder)) {
      // Taken over only if it still names the same dead process (another waiter may have won).
      if (readPid(lock) === holder) rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > until) {
      throw new LocalNeo4jError(
        `Another process${holder ? ` (pid ${holder})` : ""} has been starting the local Neo4j (${o.instance}), or importing into it, for longer than NEO4J_START_TIMEOUT_MS; stop it, or delete ${lock} if no such process runs.`,
      );
    }
    if (!told) {
      log(
        `Another process${holder ? ` (pid ${holder})` : ""} is starting the local Neo4j (${o.instance}) or importing into it; waiting for it ...`,
      );
      told = true;
    }
    await sleep(250);
  }
  try {
    return await start();
  } finally {
    if (readPid(lock) === process.pid) rmSync(lock, { force: true });
  }
}

/**
 * Starts (or reuses) the local Neo4j instance and resolves once Bolt answers with its
 * credentials. An instance already running is reused and left running while the process that
 * started it lives; one whose starter died (and whose watchdog is gone too) is adopted: this
 * process then owns it and stops it. Throws LocalNeo4jError with what to do when Java or Maven
 * is missing.
 */
export async function startLocalNeo4j(o: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = o.log ?? (() => {});
  checkJava();
  const root = resolve(o.dir);
  const lib = ensureJars(root, log);
  const home = join(root, "instances", o.instance);
  prepareHome(home);
  return withStartLock(home, o, log, () => startLocked(o, log, lib, home));
}

/** startLocalNeo4j's work, done by one process at a time per instance (see withStartLock). */
async function startLocked(
  o: LocalNeo4jOptions,
  log: (message: string) => void,
  lib: string,
  home: string,
): Promise<LocalNeo4j> {
  const conf = writeConfig(home, o);
  const password = ensurePassword(lib, home, conf);
  const uri = `bolt://127.0.0.1:${o.boltPort}`;
  const pidFile = join(home, "neo4j.pid");
  const base = { uri, user: "neo4j", password, database: "neo4j" };
  const owned = (pid: number): LocalNeo4j => ({
    ...base,
    startedHere: true,
    pid,
    stop: o.restartOnExit
      ? supervised(o, home, pid, o.restartOnExit).stop
      : () => stopOwned(home, pid),
  });

  const previous = readPid(pidFile);
  if (previous && alive(previous)) {
    const owner = readPid(join(home, "owner.pid"));
    const orphan = !(owner && alive(owner));
    const watchdog = readPid(join(home, "watchdog.pid"));
    if (orphan && watchdog && alive(watchdog)) {
      // Its owner died and its watchdog is stopping it: let it finish, then start afresh.
      log(
        `The local Neo4j (${o.instance}, pid ${previous}) lost its owner; waiting for it to stop ...`,
      );
      await waitForExit(previous, 60_000);
    }
    const until = Date.now() + o.startTimeoutMs;
    while (Date.now() < until && alive(previous)) {
      if (await boltAnswers(uri, password)) {
        if (orphan) {
          own(home, previous);
          log(
            `Adopted the local Neo4j (${o.instance}) on ${uri} (pid ${previous}), whose starter is gone; it stops with this process.`,
          );
          return owned(previous);
        }
        log(`Reusing the local Neo4j (${o.instance}) already running on ${uri} (pid ${previous}).`);
        return {
          ...base,
          startedHere: false,
          pid: previous,
          stop: o.restartOnExit
            ? supervised(o, home, previous, o.restartOnExit, false).stop
            : async () => {},
        };
      }
      await sleep(500);
    }
  }
  if (existsSync(pidFile)) rmSync(pidFile);
  if (await portOpen(o.boltPort)) {
    throw new LocalNeo4jError(
      `Port ${o.boltPort} is taken by another process; set NEO4J_LOCAL_BOLT_PORT to a free port or stop that process.`,
    );
  }

  log(`Starting the local Neo4j (${o.instance}) on ${uri} ...`);
  const consoleLog = openSync(join(home, "logs", "console.log"), "a", 0o600);
  const child: ChildProcess = spawn(
    ...privately(javaCommand(), javaArgs(lib, home, conf, o.heap)),
    {
      cwd: home,
      // Own process group: Ctrl-C reaches the API, which then stops Neo4j in order.
      detached: true,
      stdio: ["ignore", consoleLog, consoleLog],
    },
  );
  closeSync(consoleLog);
  const pid = child.pid;
  if (!pid) throw new LocalNeo4jError(`Could not start java. ${NEEDS}`);
  writeFileSync(pidFile, String(pid), { mode: 0o600 });
  own(home, pid);
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  child.unref();

  const started = Date.now();
  while (!(await boltAnswers(uri, password))) {
    if (exited) {
      throw new LocalNeo4jError(`Neo4j exited during start-up.\n${logTail(home)}`);
    }
    if (Date.now() - started > o.startTimeoutMs) {
      process.kill(pid, "SIGKILL");
      throw new LocalNeo4jError(
        `Neo4j did not answer on ${uri} within ${o.startTimeoutMs} ms.\n${logTail(home)}`,
      );
    }
    await sleep(250);
  }
  log(`Local Neo4j (${o.instance}) ready on ${uri} in ${Date.now() - started} ms.`);
  return owned(pid);
}
