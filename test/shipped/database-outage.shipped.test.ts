/**
 * A server as `npm start` runs it on a Neo4j of its own (NEO4J_URI), which goes away and comes
 * back (a restart, an upgrade, a network cut). Requests were answered SERVICE_UNAVAILABLE, right,
 * but the server's log said nothing at all (the error is an expected one, logged at debug): an
 * operator saw a quiet log while every client was refused. Now the log says, at warn, which
 * database stopped answering and why, and, once it answers again, that it does.
 */
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { type LocalNeo4j, startLocalNeo4j } from "../../src/db/local-neo4j.js";
import { freePort } from "../helpers/process.js";
import {
  errorLines,
  freshLocalNeo4j,
  post,
  type ShippedServer,
  startShipped,
} from "../helpers/shipped.js";

const BOLT_PORT = await freePort();
const { localDir } = freshLocalNeo4j("outage-shipped-", BOLT_PORT);
const options = {
  dir: localDir,
  instance: "outage",
  boltPort: BOLT_PORT,
  heap: "256m",
  pagecache: "64m",
  txTimeout: "30s",
  startTimeoutMs: 120_000,
};
const READ = { query: "{ nations(first: 1) { totalCount } }" };
let neo4j: LocalNeo4j | undefined;
let server: ShippedServer | undefined;

afterAll(async () => {
  await server?.stop();
  await neo4j?.stop();
  rmSync(localDir, { recursive: true, force: true });
});

/** The server's log lines that carry `text`, with their level (pino: 30 info, 40 warn). */
const linesWith = (text: string) =>
  (server?.output() ?? "")
    .split("\n")
    .filter((l) => l.includes(text))
    .map((l) => JSON.parse(l) as { level: number; msg: string });

describe("a database at NEO4J_URI that goes away and comes back", () => {
  it("is reported in the log when it stops answering and when it answers again", async () => {
    neo4j = await startLocalNeo4j(options);
    const { password } = neo4j;
    server = await startShipped({
      env: {
        NEO4J_URI: neo4j.uri,
        NEO4J_USER: neo4j.user,
        NEO4J_PASSWORD: neo4j.password,
        NEO4J_DATABASE: neo4j.database,
        SEED_IF_EMPTY: "false",
        WARM_UP_WRITES: "false",
      },
    });
    expect((await post(server, READ)).body?.data).toEqual({ nations: { totalCount: 0 } });

    await neo4j.stop();
    neo4j = undefined;
    for (let i = 0; i < 3; i++) {
      const r = await post(server, READ);
      // Transient, and said so in a form a client reads without parsing the message.
      expect(r.body?.errors?.[0]?.extensions).toEqual({
        code: "SERVICE_UNAVAILABLE",
        retryable: true,
        retryAfterSeconds: 2,
      });
    }
    const lost = linesWith("does not answer");
    expect(lost).toHaveLength(1); // once, not once per request
    expect(lost[0]?.level).toBe(40);
    expect(lost[0]?.msg).toMatch(
      new RegExp(
        `^Neo4j at "bolt://127\\.0\\.0\\.1:${BOLT_PORT}" does not answer \\(.+\\); requests are answered SERVICE_UNAVAILABLE until it does\\.$`,
      ),
    );
    expect(server.output()).not.toContain(password);

    neo4j = await startLocalNeo4j(options);
    let answered = false;
    for (let i = 0; i < 40 && !answered; i++) {
      answered = (await post(server, READ)).body?.data?.nations?.totalCount === 0;
      if (!answered) await new Promise((r) => setTimeout(r, 500));
    }
    expect(answered).toBe(true);
    const back = linesWith("answers again");
    expect(back).toHaveLength(1);
    expect(back[0]?.level).toBe(30);
    expect(errorLines(server)).toEqual([]);
  }, 240_000);
});
