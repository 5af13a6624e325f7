/**
 * Live updates from the CLI without Redis: `npm run ingest` tells the API processes running on
 * this machine against the same Neo4j what it changed. Each API process started without
 * REDIS_URL registers itself in `<NEO4J_LOCAL_DIR>/api/<pid>.json` (folder 0700, file 0600, so
 * only the same user can read it): its URL, the Neo4j database it serves, and a random secret
 * made at start. The CLI POSTs the change to `<url>/internal/graph-changed` with that secret as
 * a bearer token; the API checks it in constant time and announces the change to its
 * subscribers. A file is removed when its API stops; one whose process is gone is skipped and
 * removed by the next CLI run. (With REDIS_URL none of this is used: Redis carries the change.)
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { GraphChange } from "./events.js";

export const INTERNAL_CHANGE_PATH = "/internal/graph-changed";

export interface LocalApi {
  pid: number;
  url: string;
  /** The Neo4j it serves: `uri|database`. */
  neo4j: string;
  secret: string;
}

const apiSchema = z.object({
  pid: z.number().int().positive(),
  url: z.string().url(),
  neo4j: z.string(),
  secret: z.string().min(32),
});

const keys = z.array(z.string().max(1_000)).max(1_000_000);
/** The body of an internal change: what the CLI wrote, without `at` (the API stamps it). */
export const changeSchema = z.strictObject({
  operation: z.string().min(1).max(100),
  by: z.string().min(1).max(100),
  entities: keys,
  deletedEntities: keys,
  relations: keys,
  removedRelations: keys,
});

export const neo4jIdentity = (target: { uri: string; database: string }) =>
  `${target.uri}|${target.database}`;

const folder = (localDir: string) => join(localDir, "api");

/** A new secret for this process (256 random bits). */
export const newSecret = () => randomBytes(32).toString("base64url");

/** Registers this API process; resolves with a function that unregisters it. */
export async function registerLocalApi(
  localDir: string,
  entry: Omit<LocalApi, "pid">,
): Promise<() => Promise<void>> {
  const dir = folder(localDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${process.pid}.json`);
  const api: LocalApi = { ...entry, pid: process.pid };
  await writeFile(file, JSON.stringify(api), { mode: 0o600 });
  return () => rm(file, { force: true });
}

/** Whether an Authorization header carries `secret` (constant time). */
export function carriesSecret(header: string | undefined, secret: string): boolean {
  const given = /^Bearer (\S+)$/.exec(header ?? "")?.[1] ?? "";
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The registered API processes serving `neo4j` that are still running. */
export async function localApis(localDir: string, neo4j: string): Promise<LocalApi[]> {
  const dir = folder(localDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  const found: LocalApi[] = [];
  for (const name of names.filter((n) => n.endsWith(".json"))) {
    const file = join(dir, name);
    const parsed = apiSchema.safeParse(
      await readFile(file, "utf8").then(
        (t) => JSON.parse(t) as unknown,
        () => null,
      ),
    );
    if (!parsed.success) continue;
    if (!alive(parsed.data.pid)) await rm(file, { force: true });
    else if (parsed.data.neo4j === neo4j) found.push(parsed.data);
  }
  return found;
}

/**
 * Sends `change` to every registered API process serving `neo4j`; resolves with how many took
 * it and a line per one that did not (never throws: the write itself is done).
 */
export async function notifyLocalApis(
  localDir: string,
  neo4j: string,
  change: Omit<GraphChange, "at">,
): Promise<{ told: number; problems: string[] }> {
  let told = 0;
  const problems: string[] = [];
  for (const api of await localApis(localDir, neo4j)) {
    try {
      const r = await fetch(`${api.url}${INTERNAL_CHANGE_PATH}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${api.secret}` },
        body: JSON.stringify(change),
        signal: AbortSignal.timeout(10_000),
      });
      if (r.status === 204) told++;
      else problems.push(`${api.url}: answered ${r.status}`);
    } catch (error) {
      problems.push(`${api.url}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { told, problems };
}
