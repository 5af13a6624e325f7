/**
 * Debian's `redis-server` for the test suite, without installing anything: as the project
 * resolves Neo4j's jars itself (tools/neo4j), it fetches Redis when the machine has none.
 *
 * Which binary the tests run (`findRedisServer`):
 *   1. REDIS_SERVER_PATH, when set (a `redis-server` anywhere, or the one unpacked below);
 *   2. `redis-server` on PATH (e.g. `apt-get install redis-server`);
 *   3. Debian's packages unpacked in `.redis/` (git-ignored), fetched once by `fetchRedisServer`.
 *
 * The fetch needs no root: `apt-get download` (Debian's mirror, the only network it uses) puts
 * redis-tools and redis-server (which holds the `redis-server` name, a link to the binary) and
 * the shared libraries they depend on that the machine lacks (liblzf1, libjemalloc2 on a base
 * Debian) in a folder, and `dpkg-deb -x` unpacks them there; the binary runs with
 * LD_LIBRARY_PATH on the unpacked libraries. It needs apt's package lists (`apt-get update`,
 * once, as root): without them it says so and names the command.
 *
 * `npm run redis:fetch [-- --all-libraries]` runs the fetch on its own, into `.redis/`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "../../src/paths.js";

/** Where the suite keeps the fetched Redis (git-ignored). */
export const REDIS_DIR = join(PROJECT_ROOT, ".redis");

/** The Debian packages that hold the server; their library dependencies follow. */
const PACKAGES = ["redis-tools", "redis-server"];
/** What the unpacked tree records once it is complete (a half-fetched folder has none). */
const MANIFEST = "redis.json";
/** The C library must be the system's own (its loader is the one that runs the binary). */
const SYSTEM_ONLY = new Set(["libc6"]);

/** Raised when no redis-server is found and none can be fetched; the message says what to do. */
export class RedisFetchError extends Error {
  override name = "RedisFetchError";
}

/** A redis-server to run: the command and the environment it needs (its libraries). */
export interface RedisServerCommand {
  command: string;
  env: Record<string, string>;
  /** Where it came from: REDIS_SERVER_PATH, PATH, or the fetched folder. */
  source: "REDIS_SERVER_PATH" | "PATH" | "fetched";
}

export interface FetchOptions {
  /**
   * "missing" (default): the library packages the machine lacks (dpkg says which are
   * installed); "all": every library dependency but libc6, as on a machine that has none.
   */
  libraries?: "missing" | "all";
  /** Environment for apt-get and dpkg (APT_CONFIG, for one); the process's by default. */
  env?: NodeJS.ProcessEnv;
  /** Progress lines. */
  log?: (message: string) => void;
}

interface Manifest {
  /** The binary and the library folders, relative to the fetched folder. */
  command: string;
  libraryPath: string[];
  packages: string[];
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function commandFrom(dir: string, manifest: Manifest): RedisServerCommand {
  const libraryPath = manifest.libraryPath.map((p) => join(dir, p));
  return {
    command: join(dir, manifest.command),
    env: libraryPath.length ? { LD_LIBRARY_PATH: libraryPath.join(delimiter) } : {},
    source: "fetched",
  };
}

function readManifest(dir: string): Manifest | null {
  const file = join(dir, MANIFEST);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Manifest) : null;
}

/** Whether dpkg has the package installed (false when there is no dpkg database). */
function installed(name: string, env: NodeJS.ProcessEnv): boolean {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
  const out = spawnSync("dpkg-query", ["-W", "-f=${db:Status-Status}", name], {
    encoding: "utf8",
    env,
  });
  return out.status === 0 && out.stdout.trim() === "installed";
}

/** The package names a .deb depends on (the first of each set of alternatives). */
function depends(deb: string, env: NodeJS.ProcessEnv): string[] {
  const field = execFileSync("dpkg-deb", ["-f", deb, "Depends", "Pre-Depends"], {
    encoding: "utf8",
    env,
  });
  return field
    .replace(/^[\w-]+:\s*/gm, "")
    .split(/[,\n]/)
    .map((d) => (d.split("|")[0] ?? "").trim().split(/[\s:(]/)[0] ?? "")
    .filter(Boolean);
}

function aptDownload(names: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  const out = spawnSync("apt-get", ["download", "-q", ...names], { cwd, encoding: "utf8", env });
  if (out.error)
    throw new RedisFetchError(
      `redis-server is not on PATH and apt-get is missing, so the tests cannot fetch Debian's. ${HELP}`,
    );
  if (out.status === 0) return;
  const text = `${out.stdout}${out.stderr}`;
  if (
    /Unable to locate package|has no installation candidate|Can't find a source to download/.test(
      text,
    )
  )
    throw new RedisFetchError(
      `redis-server is not on PATH, and apt's package lists are empty (or do not know ${names.join(", ")}), so the tests cannot fetch Debian's redis-server. Run once, as root: apt-get update (then the tests fetch it themselves, into .redis/, without installing it). ${HELP}\n${text.trim()}`,
    );
  throw new RedisFetchError(
    `apt-get download ${names.join(" ")} failed (exit ${out.status}); Debian's mirror must be reachable. ${HELP}\n${text.trim()}`,
  );
}

const HELP =
  "Alternatively install it (apt-get install redis-server) or set REDIS_SERVER_PATH to a redis-server binary.";

/** Folders (relative to root) that hold shared libraries. */
function libraryFolders(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const entries = readdirSync(join(root, rel), { withFileTypes: true });
    if (entries.some((e) => !e.isDirectory() && /\.so(\.\d+)+$/.test(e.name))) out.push(rel);
    for (const e of entries) if (e.isDirectory()) walk(join(rel, e.name));
  };
  walk(".");
  return out.sort();
}

/**
 * Fetches Debian's redis-server and the libraries it needs into `dir` (once: a complete folder is
 * reused) and checks that it runs. The folder is filled beside it and renamed into place, so an
 * interrupted fetch leaves nothing half-made behind.
 */
export function fetchRedisServer(dir: string, options: FetchOptions = {}): RedisServerCommand {
  const target = resolve(dir);
  const existing = readManifest(target);
  if (existing) return commandFrom(target, existing);
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const work = `${target}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  const debs = join(work, "debs");
  const root = join(work, "root");
  mkdirSync(debs, { recursive: true });
  mkdirSync(root, { recursive: true });
  try {
    log(`Fetching Debian's redis-server into ${target} (once) ...`);
    const seen = new Set<string>(PACKAGES);
    let round = [...PACKAGES];
    while (round.length > 0) {
      const before = new Set(readdirSync(debs));
      aptDownload(round, debs, env);
      const next: string[] = [];
      for (const file of readdirSync(debs)) {
        if (before.has(file)) continue;
        for (const dep of depends(join(debs, file), env)) {
          if (seen.has(dep) || !dep.startsWith("lib") || SYSTEM_ONLY.has(dep)) continue;
          seen.add(dep);
          if (options.libraries === "all" || !installed(dep, env)) next.push(dep);
        }
      }
      round = next;
    }
    const packages = readdirSync(debs).sort();
    for (const file of packages) execFileSync("dpkg-deb", ["-x", join(debs, file), root], { env });
    const manifest: Manifest = {
      command: join("root", "usr", "bin", "redis-server"),
      libraryPath: libraryFolders(root).map((p) => join("root", p)),
      packages: packages.map((f) => f.replace(/_.*$/, "")),
    };
    check(commandFrom(work, manifest), env);
    rmSync(debs, { recursive: true, force: true });
    writeFileSync(join(work, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    try {
      renameSync(work, target);
    } catch (error) {
      // Another process finished the same fetch first: use its folder.
      if (!readManifest(target)) throw error;
      rmSync(work, { recursive: true, force: true });
    }
    log(`redis-server from ${manifest.packages.join(", ")}`);
    return commandFrom(target, readManifest(target) ?? manifest);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

/** The unpacked binary finds every library it links and starts (`--version`). */
function check(server: RedisServerCommand, env: NodeJS.ProcessEnv): void {
  const runEnv = { ...env, ...server.env };
  const ldd = spawnSync("ldd", [server.command], { encoding: "utf8", env: runEnv });
  const missing = (ldd.stdout ?? "")
    .split("\n")
    .filter((l) => l.includes("not found"))
    .map((l) => l.trim().split(/\s/)[0]);
  if (missing.length)
    throw new RedisFetchError(
      `Debian's redis-server was fetched but needs libraries this machine lacks: ${missing.join(", ")}. ${HELP}`,
    );
  const version = spawnSync(server.command, ["--version"], { encoding: "utf8", env: runEnv });
  if (version.status !== 0 || !/Redis server/.test(version.stdout))
    throw new RedisFetchError(
      `Debian's redis-server was fetched but does not run (exit ${version.status}): ${version.stdout}${version.stderr} ${HELP}`,
    );
}

/**
 * The redis-server the tests start: REDIS_SERVER_PATH, else the one on PATH, else Debian's,
 * fetched into `.redis/` the first time.
 */
export function findRedisServer(
  env: NodeJS.ProcessEnv = process.env,
  log?: (message: string) => void,
): RedisServerCommand {
  if (env.REDIS_SERVER_PATH) {
    const command = resolve(PROJECT_ROOT, env.REDIS_SERVER_PATH);
    if (!existsSync(command))
      throw new RedisFetchError(`REDIS_SERVER_PATH names ${command}, which does not exist.`);
    // A fetched binary (here or in any folder fetchRedisServer filled) needs its libraries.
    let libraries: Record<string, string> = {};
    for (let d = dirname(command); d !== dirname(d); d = dirname(d)) {
      const manifest = readManifest(d);
      if (manifest && commandFrom(d, manifest).command === command) {
        libraries = commandFrom(d, manifest).env;
        break;
      }
    }
    return {
      command,
      env: libraries,
      source: "REDIS_SERVER_PATH",
    };
  }
  const found = onPath("redis-server", env);
  if (found) return { command: found, env: {}, source: "PATH" };
  return fetchRedisServer(REDIS_DIR, { env, ...(log ? { log } : {}) });
}

// `npm run redis:fetch [-- --all-libraries]`: fetch into .redis/ whatever is on PATH.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const server = fetchRedisServer(REDIS_DIR, {
      libraries: process.argv.includes("--all-libraries") ? "all" : "missing",
      log: (m) => console.log(m),
    });
    console.log(`REDIS_SERVER_PATH=${server.command}`);
    if (server.env.LD_LIBRARY_PATH) console.log(`libraries: ${server.env.LD_LIBRARY_PATH}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
