/**
 * Live updates across processes (issue 26, item 4), against the server as `npm start` runs it:
 * two API processes on the suite's Neo4j and one real Redis (REDIS_URL); a write on one reaches
 * a graphChanged subscriber of the other, and so does an ingest by the CLI (a third process).
 * Without REDIS_URL, the CLI posts its change to the API processes on this machine.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { runCli } from "../helpers/cli.js";
import { removeByPrefix, testDb } from "../helpers/client.js";
import { startRedis, type TestRedis } from "../helpers/redis.js";
import { post, type ShippedServer, startShipped } from "../helpers/shipped.js";

const P = "shipped-live-";
const db = testDb();
let redis: TestRedis;
let a: ShippedServer;
let b: ShippedServer;
let dir: string;

beforeAll(async () => {
  await removeByPrefix(db, P);
  dir = await mkdtemp(join(tmpdir(), "allies-live-"));
  redis = await startRedis();
  [a, b] = await Promise.all([
    startShipped({ env: { REDIS_URL: redis.url } }),
    startShipped({ env: { REDIS_URL: redis.url } }),
  ]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.stop();
  await removeByPrefix(db, P);
  await db.driver.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Change {
  operation: string;
  by: string;
  entities: string[];
  relations: string[];
}

/**
 * Opens a graphChanged stream on `server` (SSE, as a client would) for the given keys; `next()`
 * resolves with the next change it receives.
 */
async function subscribe(server: ShippedServer, keys: string[]) {
  const controller = new AbortController();
  const res = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({
      query:
        "subscription ($k: [String!]) { graphChanged(keys: $k) { operation by entities relations } }",
      variables: { k: keys },
    }),
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const queue: Change[] = [];
  let buffer = "";
  return {
    async next(): Promise<Change> {
      while (queue.length === 0) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error("the stream ended");
        buffer += decoder.decode(chunk.value, { stream: true });
        const complete = buffer.slice(0, buffer.lastIndexOf("\n") + 1);
        buffer = buffer.slice(complete.length);
        for (const line of complete.split("\n"))
          if (line.startsWith("data: ")) queue.push(JSON.parse(line.slice(6)).data.graphChanged);
      }
      return queue.shift() as Change;
    },
    close: () => controller.abort(),
  };
}

/** Polls until exactly `count` connections listen on Redis's graphChanged channel (NUMSUB). */
async function subscribedOnRedis(count: number) {
  const { Redis } = await import("ioredis");
  const client = new Redis(redis.url);
  try {
    for (let i = 0; i < 100; i++) {
      const [, n] = (await client.pubsub("NUMSUB", "graphChanged")) as [string, number];
      if (Number(n) === count) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`not ${count} subscribers of graphChanged on Redis`);
  } finally {
    client.disconnect();
  }
}

describe("graphChanged across processes through Redis", () => {
  it("a write on one API process reaches a subscriber of the other", async () => {
    const stream = await subscribe(b, [`${P}ann`]);
    try {
      // The stream subscribes when it is first read.
      const first = stream.next();
      await subscribedOnRedis(1);
      const r = await post(
        a,
        {
          query: `mutation { createEntity(input: { key: "${P}ann", kind: Person, name: "Ann Lee" }) { __typename } }`,
        },
        { authorization: a.authorization },
      );
      expect(r.body.data.createEntity.__typename).toBe("CreateEntitySuccess");
      expect(await first).toEqual({
        operation: "createEntity",
        by: "shipped-test",
        entities: [`${P}ann`],
        relations: [],
      });
    } finally {
      stream.close();
    }
  });

  it("a source retracted on one process and restored on the other reaches every subscriber of both, once each", async () => {
    await subscribedOnRedis(0); // the previous stream is gone
    const text = "Rae visited Rexton.";
    const ingest = await post(
      a,
      {
        query: `mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }`,
        variables: {
          d: {
            source: { key: `${P}rs`, name: "A note", properties: { text } },
            entities: [
              { key: `${P}rae`, kind: "Person", name: "Rae" },
              { key: `${P}rexton`, kind: "Place", name: "Rexton" },
            ],
            relations: [{ from: `${P}rae`, type: "VISITED", to: `${P}rexton`, evidence: text }],
          },
        },
      },
      { authorization: a.authorization },
    );
    expect(ingest.body.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
    // On the place the source states, on each process, and every change on one of them.
    const streams = [
      await subscribe(a, [`${P}rexton`]),
      await subscribe(b, [`${P}rexton`]),
      await subscribe(b, [`${P}rae`, `${P}rs`]),
    ];
    try {
      const firsts = streams.map((s) => s.next());
      // One connection to Redis per process, whatever its streams.
      await subscribedOnRedis(2);
      const write = async (server: ShippedServer, query: string) => {
        const r = await post(server, { query }, { authorization: server.authorization });
        expect(r.body.errors).toBeUndefined();
      };
      await write(a, `mutation { retractSource(key: "${P}rs") { __typename } }`);
      await write(b, `mutation { retractSource(key: "${P}rs", retracted: false) { __typename } }`);
      // A last change every stream hears (it touches both ends): what came before it came once.
      await write(
        a,
        `mutation { removeRelation(from: "${P}rae", to: "${P}rexton", type: VISITED) { __typename } }`,
      );
      const relation = `${P}rae|VISITED|${P}rexton`;
      for (const [i, first] of firsts.entries()) {
        const heard = [await first, await streams[i]?.next(), await streams[i]?.next()];
        expect(heard.map((c) => c?.operation)).toEqual([
          "retractSource",
          "retractSource",
          "removeRelation",
        ]);
        for (const c of heard.slice(0, 2)) {
          expect(c?.relations).toEqual([relation]);
          expect(c?.entities).toEqual(expect.arrayContaining([`${P}rs`, `${P}rexton`]));
        }
      }
    } finally {
      for (const s of streams) s.close();
    }
  });

  it("an ingest by the CLI (another process) reaches a subscriber", async () => {
    await subscribedOnRedis(0); // the previous stream is gone
    const stream = await subscribe(a, [`${P}bo`]);
    try {
      const first = stream.next();
      await subscribedOnRedis(1);
      const file = join(dir, "doc.json");
      await writeFile(
        file,
        JSON.stringify({
          source: { key: `${P}src`, name: "A note", properties: { text: "Bo leads Freedonia." } },
          entities: [{ key: `${P}bo`, kind: "Person", name: "Bo" }],
        }),
      );
      const cli = await runCli(["src/cli/ingest.ts", "--by", "night-import", file], {
        REDIS_URL: redis.url,
      });
      expect(cli.stderr).not.toContain("Redis");
      expect(cli.code).toBe(0);
      const change = await first;
      expect(change.operation).toBe("ingest");
      expect(change.by).toBe("night-import");
      expect(change.entities).toContain(`${P}bo`);
    } finally {
      stream.close();
    }
  });
});

/** A document that declares one person, `key`. */
async function documentFile(name: string, key: string): Promise<string> {
  const file = join(dir, `${name}.json`);
  await writeFile(
    file,
    JSON.stringify({
      source: { key: `${P}${name}`, name, properties: { text: "A note." } },
      entities: [{ key, kind: "Person", name: key }],
    }),
  );
  return file;
}

describe("without REDIS_URL: npm run ingest posts its change to the API processes on this machine", () => {
  let c: ShippedServer;
  beforeAll(async () => {
    c = await startShipped();
  });
  afterAll(async () => {
    await c?.stop();
  });

  const registration = () => join(PROJECT_ROOT, ".neo4j", "api", `${c.child.pid}.json`);

  it("an API started without Redis registers itself privately, and a CLI ingest reaches its subscriber", async () => {
    expect((await stat(registration())).mode & 0o777).toBe(0o600);
    const stream = await subscribe(c, [`${P}cy`]);
    try {
      const first = stream.next();
      // Give the stream a moment to subscribe (in-process: nothing to poll).
      await new Promise((r) => setTimeout(r, 300));
      const cli = await runCli(["src/cli/ingest.ts", await documentFile("local", `${P}cy`)]);
      expect(cli.stderr).not.toContain("could not tell");
      expect(cli.code).toBe(0);
      const change = await first;
      expect(change).toMatchObject({ operation: "ingest", by: "ingest" });
      expect(change.entities).toContain(`${P}cy`);
    } finally {
      stream.close();
    }
  });

  it("the internal endpoint refuses a wrong secret (401) and announces nothing then", async () => {
    const { secret } = JSON.parse(await readFile(registration(), "utf8")) as { secret: string };
    const change = (key: string) =>
      JSON.stringify({
        operation: "ingest",
        by: "someone",
        entities: [key],
        deletedEntities: [],
        relations: [],
        removedRelations: [],
      });
    const send = (token: string, body: string) =>
      fetch(`${c.url}/internal/graph-changed`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body,
      });
    const stream = await subscribe(c, [`${P}dee`]);
    try {
      const first = stream.next();
      await new Promise((r) => setTimeout(r, 300));
      const refused = await send(`${secret}x`, change(`${P}dee`));
      expect(refused.status).toBe(401);
      expect((await refused.json()).errors[0].extensions.code).toBe("UNAUTHENTICATED");
      const malformed = await send(secret, JSON.stringify({ entities: "all" }));
      expect(malformed.status).toBe(400);
      // Before (redteam27): decoded loosely, announced with U+FFFD for the Latin-1 byte.
      const latin1 = await fetch(`${c.url}/internal/graph-changed`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
        body: Buffer.from(change(`${P}caf\xe9`), "latin1"),
      });
      expect(latin1.status).toBe(400);
      expect((await latin1.json()).errors[0].message).toBe("The body is not UTF-8 text.");
      expect((await send(secret, change(`${P}dee`))).status).toBe(204);
      expect(await first).toMatchObject({ by: "someone", entities: [`${P}dee`] });
    } finally {
      stream.close();
    }
  });
});
