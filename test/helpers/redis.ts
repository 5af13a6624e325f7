/**
 * A real Redis for the tests that share live updates between processes: Debian's `redis-server`
 * (REDIS_SERVER_PATH, else the one on PATH, else Debian's packages that tools/redis/fetch.ts
 * fetches into `.redis/` once), started like the suite's Neo4j: on a free port of 127.0.0.1, no
 * persistence (no RDB snapshots, no AOF), its files in a temporary folder, stopped at teardown.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findRedisServer, type RedisServerCommand } from "../../tools/redis/fetch.js";
import { freePort, startChild } from "./process.js";

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
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
  /** A port of its own (to start a Redis again where one was stopped); a free one by default. */
  port?: number,
): Promise<TestRedis> {
  port ??= await freePort();
  const dir = await mkdtemp(join(tmpdir(), "allies-redis-"));
  const redis = await startChild({
    name: `${server.command} (from ${server.source})`,
    command: server.command,
    args: [
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
    env: { ...process.env, ...server.env },
    ready: () => pong(port),
    readyWithinMs: 20_000,
    pollMs: 100,
    stopGraceMs: 10_000,
  }).catch(async (error: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      await redis.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
