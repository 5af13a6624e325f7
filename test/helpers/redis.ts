/**
 * A real Redis for the tests that share live updates between processes: Debian's `redis-server`
 * (REDIS_SERVER_PATH, else the one on PATH, else Debian's packages that tools/redis/fetch.ts
 * fetches into `.redis/` once), started like the suite's Neo4j: on a free port of 127.0.0.1, no
 * persistence (no RDB snapshots, no AOF), its files in a temporary folder, stopped at teardown.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findRedisServer, type RedisServerCommand } from "../../tools/redis/fetch.js";

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

/** Answers PING with PONG over a plain socket (the RESP inline form). */
async function pong(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let reply = "";
    socket.setTimeout(1_000, () => socket.destroy());
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (d) => {
      reply += d.toString();
      if (reply.includes("\r\n")) {
        socket.end();
        done(reply.startsWith("+PONG"));
      }
    });
    socket.on("error", () => done(false));
    socket.on("close", () => done(reply.startsWith("+PONG")));
  });
}

/** Starts a Redis from `server` (by default the one `findRedisServer` finds or fetches). */
export async function startRedis(
  server: RedisServerCommand = findRedisServer(process.env, (m) => console.log(m)),
): Promise<TestRedis> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), "allies-redis-"));
  const child: ChildProcess = spawn(
    server.command,
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      dir,
      "--daemonize",
      "no",
      "--loglevel",
      "warning",
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...server.env } },
  );
  let out = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  let exited: string | null = null;
  const exit = new Promise<void>((done) =>
    child.once("exit", (code, signal) => {
      exited = signal ?? String(code);
      done();
    }),
  );
  child.once("error", (error) => {
    exited = error.message;
  });
  const until = Date.now() + 20_000;
  while (!(await pong(port))) {
    if (exited !== null)
      throw new Error(`${server.command} (from ${server.source}) exited (${exited}):\n${out}`);
    if (Date.now() > until) {
      child.kill("SIGKILL");
      throw new Error(`redis-server did not answer within 20 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (exited === null) {
        child.kill("SIGTERM");
        const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exit;
        clearTimeout(force);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
