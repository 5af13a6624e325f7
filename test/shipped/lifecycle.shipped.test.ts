/**
 * The local Neo4j's life beside the server as `npm start` runs it (issue 22, "Never down"): it
 * dies with the server, however the server dies; an orphan is adopted by the next start; its
 * files are private; the server rides out Neo4j being frozen, and starts it again when it is
 * killed under it.
 *
 * All tests share one NEO4J_LOCAL_DIR (a temp folder whose lib/ links to the resolved jars), so
 * only the first start creates and seeds the store. They run in order; the privacy, planning,
 * frozen and restart tests share one server (each starts it when run alone), since every start of
 * Neo4j costs tens of seconds.
 */
import { chmodSync, lstatSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createDb } from "../../src/db/driver.js";
import { alive } from "../../src/db/pids.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { freePort } from "../helpers/process.js";
import { freshLocalNeo4j, post, type ShippedServer, startShipped } from "../helpers/shipped.js";

// A port free when the file starts (or the one given), not a fixed one: helpers running the
// suite side by side, or a local Neo4j someone left on 7751, would take each other's.
const BOLT_PORT = process.env.NEO4J_LIFECYCLE_SHIPPED_BOLT_PORT
  ? Number(process.env.NEO4J_LIFECYCLE_SHIPPED_BOLT_PORT)
  : await freePort();
const { localDir, home, env } = freshLocalNeo4j("lifecycle-shipped-", BOLT_PORT);
const READ = { query: '{ entity(key: "canada") { name } }' };

const servers: ShippedServer[] = [];
async function start(): Promise<ShippedServer> {
  const server = await startShipped({ localDir, env });
  servers.push(server);
  return server;
}
/** The server the privacy, planning, frozen and restart tests share. */
let shared: ShippedServer | undefined;
async function sharedServer(): Promise<ShippedServer> {
  if (!shared?.alive()) shared = await start();
  return shared;
}

function pidIn(file: string): number {
  try {
    return Number(readFileSync(join(home, file), "utf8")) || 0;
  } catch {
    return 0;
  }
}

function boltOpen(): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: "127.0.0.1", port: BOLT_PORT });
    socket.once("connect", () => {
      socket.destroy();
      done(true);
    });
    socket.once("error", () => done(false));
  });
}

/** Polls `check` until it holds or `ms` pass; resolves with whether it held and when. */
async function within(ms: number, check: () => boolean | Promise<boolean>) {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check()) return { held: true, ms: Date.now() - started };
    await new Promise((r) => setTimeout(r, 200));
  }
  return { held: await check(), ms: Date.now() - started };
}

async function serves(server: ShippedServer): Promise<boolean> {
  const r = await post(server, READ).catch(() => null);
  return r?.body?.data?.entity?.name === "Canada";
}

/** Every directory and file under the instance whose mode is not 0700 / 0600 (symlinks aside). */
function notPrivate(dir = home): string[] {
  const out: string[] = [];
  if ((lstatSync(dir).mode & 0o777) !== 0o700) out.push(`${dir}/`);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...notPrivate(path));
    else if (e.isFile() && (lstatSync(path).mode & 0o777) !== 0o600) out.push(path);
  }
  return out;
}

afterAll(async () => {
  for (const s of servers) await s.stop();
  const pid = pidIn("neo4j.pid");
  if (pid && alive(pid)) {
    process.kill(pid, "SIGCONT");
    process.kill(pid, "SIGKILL");
  }
  rmSync(localDir, { recursive: true, force: true });
});

describe("the local Neo4j beside the server as npm start runs it", () => {
  it("stops when the server is killed with SIGKILL, so nothing is left holding the port and store", async () => {
    const server = await start();
    const neo4jPid = pidIn("neo4j.pid");
    expect(alive(neo4jPid)).toBe(true);
    expect(await serves(server)).toBe(true);

    server.child.kill("SIGKILL");
    const gone = await within(15_000, () => !alive(neo4jPid));
    expect(gone.held).toBe(true);
    expect(await boltOpen()).toBe(false);
  }, 240_000);

  it("keeps the instance folder private to its user, and repairs loose modes on start", async () => {
    // As an older version left it: readable by everyone.
    chmodSync(home, 0o755);
    chmodSync(join(home, "password"), 0o644);
    chmodSync(join(home, "conf", "neo4j.conf"), 0o644);
    chmodSync(join(home, "data"), 0o755);

    const server = await sharedServer();
    expect(await serves(server)).toBe(true);
    // Including what Neo4j itself created in this run (transaction logs, its own logs).
    expect(notPrivate()).toEqual([]);
    expect(readdirSync(join(home, "data", "transactions", "neo4j")).length).toBeGreaterThan(0);
  }, 240_000);

  it("plans the write statements before it serves, writes nothing doing so, and ingests an article first thing after a restart", async () => {
    // The shared server is a restart: the first test's server was killed.
    const server = await sharedServer();
    expect(server.output()).toMatch(/Planned the write statements \(\d+ run, rolled back\)/);
    const keys = ["source-3", "person-3-0", "nation-30-29", "alliance-30-0"].map(
      (k) => `plan-warm-up-${k}`,
    );
    const left = await post(server, {
      query: `{ ${keys.map((k, i) => `k${i}: entity(key: "${k}") { key }`).join(" ")} }`,
    });
    expect(
      left.body.errors.map((e: { extensions: { code: string; key: string } }) => e.extensions),
    ).toEqual(keys.map((key) => ({ code: "NOT_FOUND", key })));

    const article = parse(
      readFileSync(
        join(PROJECT_ROOT, "test/fixtures/extract/tune/dnd-2017-soldiers-deploy-latvia.yaml"),
        "utf8",
      ),
    );
    const ingest = await post(
      server,
      {
        query: `mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }`,
        variables: { d: article },
      },
      { authorization: server.authorization },
    );
    expect(ingest.body.errors).toBeUndefined();
    expect(ingest.body.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
  }, 240_000);

  it("answers within bounded time while Neo4j is frozen, and serves again once it resumes", async () => {
    const server = await sharedServer();
    expect(await serves(server)).toBe(true);
    // A driver configured as the API's, with a connection already open, as the API's pool has.
    const password = readFileSync(join(home, "password"), "utf8").trim();
    const db = createDb({
      uri: `bolt://127.0.0.1:${BOLT_PORT}`,
      user: "neo4j",
      password,
      database: "neo4j",
    });
    await db.driver.executeQuery("RETURN 1", {}, { database: "neo4j" });
    const neo4jPid = pidIn("neo4j.pid");
    process.kill(neo4jPid, "SIGSTOP");
    try {
      // A few requests at once, each must get an error answer, not hang.
      const started = Date.now();
      const direct = db.driver.executeQuery("RETURN 1", {}, { database: "neo4j" }).then(
        () => "answered",
        () => "gave up",
      );
      const answers = await Promise.all(Array.from({ length: 4 }, () => post(server, READ)));
      const codes = answers.map((a) => a.body?.errors?.[0]?.extensions?.code);
      expect(codes.every((c) => c === "TIMEOUT" || c === "SERVICE_UNAVAILABLE")).toBe(true);
      expect(Date.now() - started).toBeLessThan(20_000);
      // The driver itself drops the silent connection (Neo4j's receive-timeout hint) rather
      // than wait on it for as long as the server stays frozen.
      const verdict = await Promise.race([
        direct,
        new Promise((r) => setTimeout(() => r("still waiting"), 20_000 - (Date.now() - started))),
      ]);
      expect(verdict).toBe("gave up");
    } finally {
      process.kill(neo4jPid, "SIGCONT");
      await db.driver.close();
    }
    const back = await within(20_000, () => serves(server));
    expect(back.held).toBe(true);
    expect(server.alive()).toBe(true);
  }, 240_000);

  it("starts a Neo4j that was killed under it again by itself, says so at error level, and answers again", async () => {
    const server = await sharedServer();
    const first = pidIn("neo4j.pid");
    process.kill(first, "SIGKILL");
    // Nobody else starts it: before, the server answered "try again shortly" for ever, /ready
    // stayed 503 and the log said nothing.
    const back = await within(90_000, () => serves(server));
    expect(back.held).toBe(true);
    const next = pidIn("neo4j.pid");
    expect(next).not.toBe(first);
    expect(alive(next)).toBe(true);
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    const said = server
      .output()
      .split("\n")
      .filter((l) => /"level":50\b/.test(l));
    expect(said.join("\n")).toMatch(/exited after \d+ s without being stopped; starting it again/);
    expect(server.output()).toContain("is back (pid");
    // The Neo4j it started again stops with it, as the first did.
    expect(await server.stop()).toBe("0");
    expect(alive(next)).toBe(false);
    expect(await boltOpen()).toBe(false);
  }, 240_000);

  it("adopts the Neo4j a crashed server left behind, and stops it on SIGTERM", async () => {
    const crashed = await start();
    const neo4jPid = pidIn("neo4j.pid");
    // A crash that takes the watchdog too (or a server from before the watchdog): an orphan.
    process.kill(pidIn("watchdog.pid"), "SIGKILL");
    crashed.child.kill("SIGKILL");
    await within(5_000, () => !crashed.alive());
    await new Promise((r) => setTimeout(r, 1_500));
    expect(alive(neo4jPid)).toBe(true);

    const next = await start();
    expect(pidIn("neo4j.pid")).toBe(neo4jPid); // reused, not restarted: the store stays warm
    expect(next.output()).toContain("Adopted the local Neo4j");
    expect(await serves(next)).toBe(true);
    expect(await next.stop()).toBe("0");
    expect(alive(neo4jPid)).toBe(false);
    expect(await boltOpen()).toBe(false);
  }, 240_000);
});
