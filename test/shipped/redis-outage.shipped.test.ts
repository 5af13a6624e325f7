/**
 * Redis going away and coming back under the server as `npm start` runs it (REDIS_URL). ioredis
 * reports every failed reconnection of its two connections (every 50 ms, then up to every 2 s):
 * each was logged at error level with a socket error's stack, a flood for as long as Redis was
 * away, and no line said when it was back. Then an outage was still up to three error lines
 * (one per connection as each noticed, one back while the other still reconnected, and a
 * publish that failed meanwhile: edges29). Now an outage is one warn line (the message, no
 * stack) and its end one info line, whatever was written meanwhile; the server answers
 * throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeByPrefix, testDb } from "../helpers/client.js";
import { startRedis, type TestRedis } from "../helpers/redis.js";
import { errorLines, post, type ShippedServer, startShipped } from "../helpers/shipped.js";

const db = testDb();
const P = "redisout-";

let redis: TestRedis;
let server: ShippedServer;

beforeAll(async () => {
  redis = await startRedis();
  server = await startShipped({ env: { REDIS_URL: redis.url } });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await redis?.stop();
  await removeByPrefix(db, P);
  await db.driver.close();
});

/** The server's log lines at a pino level (40 warn, 30 info). */
const linesAt = (level: number) =>
  server
    .output()
    .split("\n")
    .filter((l) => l.includes(`"level":${level},`) && /Redis/.test(l));

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
  it("is one warn line, without a stack, and its end one info line, writes meanwhile included", async () => {
    const port = Number(new URL(redis.url).port);
    await redis.stop();
    // Long enough for many reconnections (they were each an error line).
    await sleep(3_000);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    // A write while Redis is away: answered, and its change, which reaches no other process, is
    // told with the outage's end (it was an error line of its own).
    const written = await post(
      server,
      {
        query: `mutation ($i: CreateEntityInput!) { createEntity(input: $i) { __typename } }`,
        variables: { i: { key: `${P}place`, kind: "Place", name: "Redisless Place" } },
      },
      { authorization: server.authorization },
    );
    expect(written.body.data.createEntity).toEqual({ __typename: "CreateEntitySuccess" });
    await sleep(3_000);
    redis = await startRedis(undefined, port);
    const back = await until(() => /reachable again/.test(server.output()), 30_000);
    expect(back).toBe(true);
    // Time for a connection that came back later than the other to say so (it was a second
    // outage line).
    await sleep(2_000);
    const lines = errorLines(server);
    expect(lines, lines.join("\n")).toEqual([]);
    expect(server.output()).not.toMatch(/"stack"|\n\s+at /);
    const warned = linesAt(40);
    expect(warned, warned.join("\n")).toHaveLength(1);
    expect(warned[0]).toContain("unreachable");
    const told = linesAt(30).filter((l) => l.includes("reachable again"));
    expect(told, told.join("\n")).toHaveLength(1);
  }, 60_000);
});
