/**
 * The suite brings its own Redis on a machine that has none (tools/redis/fetch.ts): Debian's
 * packages fetched with `apt-get download` into a folder and unpacked there, no install, no root.
 * Here the fetch goes into a temporary folder with every library dependency fetched too (as on a
 * base Debian that lacks them), and the binary it unpacked serves a client.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  fetchRedisServer,
  findRedisServer,
  RedisFetchError,
  type RedisServerCommand,
} from "../../tools/redis/fetch.js";
import { startRedis } from "../helpers/redis.js";

let dir: string;
let server: RedisServerCommand;
/** An apt configuration with no package lists and no installed packages: a fresh machine. */
let freshApt: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "allies-redis-fetch-"));
  server = fetchRedisServer(join(dir, "redis"), { libraries: "all" });
  const apt = join(dir, "apt");
  await mkdir(join(apt, "lists", "partial"), { recursive: true });
  await writeFile(join(apt, "status"), "");
  await writeFile(
    join(apt, "apt.conf"),
    `Dir::State::Lists "${apt}/lists/";\nDir::State::status "${apt}/status";\n`,
  );
  freshApt = { ...process.env, APT_CONFIG: join(apt, "apt.conf") };
}, 300_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("fetching Debian's redis-server", () => {
  it("unpacks the server into the folder and links it against the libraries it fetched", () => {
    expect(server.source).toBe("fetched");
    expect(server.command).toBe(join(dir, "redis", "root", "usr", "bin", "redis-server"));
    const ldd = spawnSync("ldd", [server.command], {
      encoding: "utf8",
      env: { ...process.env, ...server.env },
    });
    // The libraries a base Debian lacks resolve inside the fetched folder, none is missing.
    for (const lib of ["liblzf.so.1", "libjemalloc.so.2"])
      expect(ldd.stdout).toMatch(new RegExp(`${lib.replace(/\./g, "\\.")} => ${dir}/redis/`));
    expect(ldd.stdout).not.toMatch(/not found/);
  });

  it("the unpacked binary serves clients", async () => {
    const redis = await startRedis(server);
    const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await client.connect();
      expect(await client.ping()).toBe("PONG");
      await client.set("fetched", "yes");
      expect(await client.get("fetched")).toBe("yes");
      expect(await client.info("server")).toMatch(/redis_version:7\./);
    } finally {
      client.disconnect();
      await redis.stop();
    }
  });

  it("reuses a complete folder without asking apt again", () => {
    // With apt unable to find anything, only the folder already fetched can answer.
    const again = fetchRedisServer(join(dir, "redis"), { env: freshApt });
    expect(again).toEqual(server);
  });

  it("REDIS_SERVER_PATH names a fetched binary, which keeps its libraries", () => {
    const named = findRedisServer({ ...process.env, REDIS_SERVER_PATH: server.command });
    expect(named).toEqual({ ...server, source: "REDIS_SERVER_PATH" });
  });

  it("without apt's package lists, says to run apt-get update and leaves nothing behind", () => {
    const target = join(dir, "fresh");
    let error: unknown;
    try {
      fetchRedisServer(target, { env: freshApt });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RedisFetchError);
    expect((error as Error).message).toMatch(/package lists are empty/);
    expect((error as Error).message).toMatch(/apt-get update/);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.tmp-${process.pid}`)).toBe(false);
  });
});
