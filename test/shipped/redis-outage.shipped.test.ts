/**
 * Redis going away and coming back under the server as `npm start` runs it (REDIS_URL). ioredis
 * reports every failed reconnection of its two connections (every 50 ms, then up to every 2 s):
 * each was logged at error level with a socket error's stack, a flood for as long as Redis was
 * away, and no line said when it was back. Now an outage is one error line (the message, no
 * stack) and its end one info line; the server answers throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedis, type TestRedis } from "../helpers/redis.js";
import { errorLines, type ShippedServer, startShipped } from "../helpers/shipped.js";

let redis: TestRedis;
let server: ShippedServer;

beforeAll(async () => {
  redis = await startRedis();
  server = await startShipped({ env: { REDIS_URL: redis.url } });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await redis?.stop();
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function until(test: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) return false;
    await sleep(200);
  }
  return true;
}

describe("a Redis outage under the running server", () => {
  it("is logged once, without a stack, and its end is logged", async () => {
    const port = Number(new URL(redis.url).port);
    await redis.stop();
    // Long enough for many reconnections (they were each an error line).
    await sleep(6_000);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    redis = await startRedis(undefined, port);
    const back = await until(() => /reachable again/.test(server.output()), 30_000);
    const lines = errorLines(server);
    expect(lines.length, lines.join("\n")).toBeGreaterThanOrEqual(1);
    expect(lines.length, lines.join("\n")).toBeLessThanOrEqual(2);
    expect(server.output()).not.toMatch(/"stack"|\n\s+at /);
    expect(lines[0]).toContain("unreachable");
    expect(back).toBe(true);
  }, 60_000);
});
