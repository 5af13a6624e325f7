/**
 * Limits of the server as shipped (issue 22): every list and page size is priced or capped,
 * whether it comes as a literal, a variable or a default; what a request may read, send and
 * hold open is bounded; and none of it takes the process down.
 */
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { post, type ShippedServer, startShipped } from "../helpers/shipped.js";

let server: ShippedServer;
beforeAll(async () => {
  // Small bounds for requests in flight and streams, so a test can reach them.
  server = await startShipped({ env: { MAX_IN_FLIGHT: "2", MAX_SUBSCRIPTIONS: "2" } });
});
afterAll(async () => {
  await server?.stop();
});

const code = (r: { body: { errors?: Array<{ extensions?: { code?: string } }> } }) =>
  r.body.errors?.[0]?.extensions?.code;

async function stillServes() {
  const r = await post(server, { query: '{ entity(key: "nato") { name } }' });
  expect(server.alive()).toBe(true);
  expect(r.body.data).toEqual({ entity: { name: "NATO" } });
}

/**
 * Two extractions of a long article hold both request slots while they run (one extracts, the
 * other waits its turn: about a second together); a client that is merely slow to send its body
 * holds none (http.shipped.test.ts). Resolves once they are running, with their answers to wait
 * for. (99,000 hyphens used to take the whole budget; every text extracts in linear time now.)
 */
const SEED_TEXT = readFileSync(join(PROJECT_ROOT, "seed", "000_4f2a725f6fafb235.txt"), "utf8");
async function holdBothSlots(): Promise<Promise<unknown>[]> {
  const slow = {
    query: "mutation ($t: String!) { extractDocument(text: $t) { problems } }",
    variables: { t: SEED_TEXT.repeat(Math.ceil(99_000 / SEED_TEXT.length)).slice(0, 99_000) },
  };
  const held = [0, 1].map(() =>
    post(server, slow, { authorization: server.authorization }).catch(() => null),
  );
  await new Promise((r) => setTimeout(r, 150));
  return held;
}

/** graphChanged(keys) over SSE: the text of a stream the server refuses (10 s at most). */
async function subscribeText(keys: string[]): Promise<string> {
  const r = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({
      query: "subscription ($k: [String!]) { graphChanged(keys: $k) { at } }",
      variables: { k: keys },
    }),
    signal: AbortSignal.timeout(10_000),
  });
  return r.text();
}

describe("cost, priced with variables and defaults", () => {
  const nested =
    "query ($n: Int) { nations(first: $n) { edges { node { relations(first: $n) { edges { to { relations(first: $n) { edges { type } } } } } } } } }";

  it("refuses page sizes passed as variables when the product is over the limit", async () => {
    const r = await post(server, { query: nested, variables: { n: 100 } });
    expect(code(r)).toBe("LIMIT_EXCEEDED");
    expect(r.body.errors[0].message).toMatch(/costs \d+; at most 50000/);
    expect(r.body.data?.nations ?? null).toBeNull();
    // The same operation with small pages runs.
    const small = await post(server, { query: nested, variables: { n: 2 } });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data.nations.edges).toHaveLength(2);
  });

  it("prices each request as it will run: the same text again, with other variables or another operation", async () => {
    // Prices are kept per document and variables: every pair below must get its own.
    const two = `query Small { nations(first: 1) { edges { node { name } } } } ${nested.replace("query (", "query Big(")}`;
    const ask = (operationName: string, n: number) =>
      post(server, { query: two, operationName, variables: { n } });
    for (let round = 0; round < 2; round++) {
      expect(code(await ask("Big", 100))).toBe("LIMIT_EXCEEDED");
      for (const [operation, n, rows] of [
        ["Big", 2, 2],
        ["Small", 100, 1],
      ] as const) {
        const r = await ask(operation, n);
        expect(r.body.errors).toBeUndefined();
        expect(r.body.data.nations.edges).toHaveLength(rows);
      }
    }
  });

  it("prices pages left at their default size", async () => {
    let q = "name";
    for (let i = 0; i < 4; i++) q = `relations { edges { to { name ${q} } } }`;
    const r = await post(server, { query: `{ nations { edges { node { ${q} } } } }` });
    expect(code(r)).toBe("LIMIT_EXCEEDED");
    await stillServes();
  });

  it("prices neighbourhood's nodes under nested selections", async () => {
    const query = `query ($l: Int) { neighbourhood(key: "canada", depth: 2, limit: $l) { nodes { relations(first: 100) { edges { to { name } } } } } }`;
    const r = await post(server, { query, variables: { l: 500 } });
    expect(code(r)).toBe("LIMIT_EXCEEDED");
    const ok = await post(server, {
      query: `{ neighbourhood(key: "canada", limit: 10) { nodes { name } } }`,
    });
    expect(ok.body.data.neighbourhood.nodes.length).toBeGreaterThan(1);
  });
});

describe("list arguments are capped", () => {
  it("refuses nodes(ids:) with more than 100 ids, as a literal or a variable", async () => {
    const ids = Array.from({ length: 101 }, (_, i) =>
      Buffer.from(`Nation:n${i}`).toString("base64"),
    );
    const r = await post(server, {
      query: "query ($ids: [ID!]!) { nodes(ids: $ids) { id } }",
      variables: { ids },
    });
    expect(code(r)).toBe("LIMIT_EXCEEDED");
    expect(r.body.errors[0].message).toMatch(/"ids" holds 101 items; at most 100/);
  });

  it("refuses a where with thousands of OR branches at once, without asking Neo4j", async () => {
    const query =
      "query ($w: NationWhere) { nations(where: $w, first: 5) { totalCount edges { node { name } } } }";
    const started = Date.now();
    const r = await post(server, {
      query,
      variables: { w: { OR: Array.from({ length: 2400 }, () => ({})) } },
    });
    expect(code(r)).toBe("LIMIT_EXCEEDED");
    expect(r.body.extensions?.cypherRoundTrips ?? 0).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    const deep: Record<string, unknown> = { name: { contains: "a" } };
    let w = deep;
    for (let i = 0; i < 60; i++) w = { NOT: w };
    // Sixty NOTs around one condition hold one condition (redteam29: AND / OR / NOT only group
    // them), so the guard admits it and the compiler refuses its depth, as it does from 6 deep.
    const tooDeep = await post(server, { query, variables: { w } });
    expect(code(tooDeep)).toBe("BAD_USER_INPUT");
    expect(tooDeep.body.errors[0].message).toMatch(/filters nest at most 5 deep/);
    expect(tooDeep.body.extensions?.cypherRoundTrips ?? 0).toBe(0);
    await stillServes();
  });

  it("refuses graphChanged with more than 100 keys before opening the stream", async () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `k${i}`);
    const text = await subscribeText(keys);
    expect(text).toMatch(/LIMIT_EXCEEDED/);
    expect(text).toMatch(/keys\\" holds 1000 items; at most 100/);
  });

  it("refuses graphChanged on a key no entity can have, instead of a stream that never fires", async () => {
    const text = await subscribeText(["canada", "NOT A KEY"]);
    expect(text).toMatch(/BAD_USER_INPUT/);
    expect(text).toMatch(/NOT A KEY\\" is not a key/);
  });

  it("refuses graphChanged on an empty list of keys, which no change could touch", async () => {
    const text = await subscribeText([]);
    expect(text).toMatch(/BAD_USER_INPUT/);
    expect(text).toMatch(/keys: give at least one entity key, or leave keys out/);
  });
});

describe("what a request may send and hold", () => {
  it("refuses a body of a million tiny JSON values before parsing it", async () => {
    const values = `[${Array.from({ length: 300_000 }, () => "[]").join(",")}]`;
    const body = `{"query":"{ __typename }","variables":{"x":${values}}}`;
    expect(body.length).toBeLessThan(1_000_000);
    const before = server.rssKb();
    const r = await post(server, body);
    expect(r.status).toBe(413);
    expect(code(r)).toBe("LIMIT_EXCEEDED");
    // Refused before anything was built from it: no jump of tens of MB.
    expect(server.rssKb() - before).toBeLessThan(30_000);
    await stillServes();
  });

  it("refuses nesting deeper than 64 levels with 400, not 413: a depth is not a size (noticed31)", async () => {
    // RFC 9110's 413 is content larger than the server takes: too many values or bytes, as
    // above. A body this deep is under 200 bytes, which the same request made wider but
    // shallower would be taken; it is refused for its shape, as a 400, with the limit's code all the same.
    const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    const body = await post(server, `{"query":"{ __typename }","variables":{"x":${deep(64)}}}`);
    expect(body.status).toBe(400);
    expect(code(body)).toBe("LIMIT_EXCEEDED");
    expect(body.body.errors[0].message).toBe("The request body nests deeper than 64 levels.");
    const operation = await post(server, {
      query: `{ ${'entity(key: "nato") { '.repeat(65)}name${" }".repeat(65)} }`,
    });
    expect(operation.status).toBe(400);
    expect(code(operation)).toBe("LIMIT_EXCEEDED");
    expect(operation.body.errors[0].message).toBe(
      "The operation or its variables nest deeper than 64 levels.",
    );
    // Within the depth, the same body is taken.
    const within = await post(server, `{"query":"{ __typename }","variables":{"x":${deep(62)}}}`);
    expect(within.status).toBe(200);
    expect(within.body.data).toEqual({ __typename: "Query" });
  });

  it("refuses a body over the byte limit with 413", async () => {
    const r = await post(server, { query: `{ __typename } #${"x".repeat(1_100_000)}` });
    expect(r.status).toBe(413);
    expect(code(r)).toBe("LIMIT_EXCEEDED");
  });

  it("lets a client that sends a body of several MB whole (as fetch does) read the 413", async () => {
    // The answer used to be sent and the socket closed while the body was still arriving: fetch
    // failed with EPIPE and the client never saw the refusal.
    for (const mb of [3, 8]) {
      const r = await post(server, { query: `{ __typename } #${"x".repeat(mb * 1_000_000)}` });
      expect(r.status).toBe(413);
      expect(code(r)).toBe("LIMIT_EXCEEDED");
    }
    await stillServes();
  });

  it("answers 503 with Retry-After when the requests in flight are at their bound", async () => {
    const held = await holdBothSlots();
    const r = await post(server, { query: "{ __typename }" });
    expect(r.status).toBe(503);
    expect(r.headers.get("retry-after")).toBe("1");
    // Said in the body too, for a client that reads only the GraphQL answer.
    expect(r.body.errors[0].extensions).toEqual({
      code: "OVERLOADED",
      retryable: true,
      retryAfterSeconds: 1,
    });
    await Promise.all(held);
    await stillServes();
  }, 60_000);

  it("a query asked for as an event stream still takes a request slot: OVERLOADED when none is free", async () => {
    const held = await holdBothSlots();
    // Accept: text/event-stream made a query count as a stream (64 of them by default), so any
    // number of costly queries ran at once past MAX_IN_FLIGHT.
    for (const accept of ["text/event-stream", "multipart/mixed"]) {
      const r = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept },
        body: JSON.stringify({ query: '{ entity(key: "nato") { name } }' }),
      });
      const text = await r.text();
      expect(text, accept).toContain('"code":"OVERLOADED"');
      expect(text, accept).not.toContain("NATO");
      // Refused as http.ts refuses a request: 503, Retry-After, JSON (it was 200 and an event
      // stream holding the refusal, which a client reads as a stream that opened).
      expect(r.status, accept).toBe(503);
      expect(r.headers.get("retry-after"), accept).toBe("1");
      expect(r.headers.get("content-type"), accept).toMatch(/^application\/json/);
      expect(JSON.parse(text).errors[0].extensions, accept).toEqual({
        code: "OVERLOADED",
        retryable: true,
        retryAfterSeconds: 1,
      });
    }
    await Promise.all(held);
    // With the slots free again, the same request is answered as a stream, and the slot it took
    // is given back: two more in a row are answered too.
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({ query: '{ entity(key: "nato") { name } }' }),
      });
      expect(r.status).toBe(200);
      expect(await r.text()).toContain('"name":"NATO"');
    }
    await stillServes();
  }, 60_000);

  it("answers 503 when the subscription streams are at their bound", async () => {
    const open = () =>
      fetch(
        `${server.url}/graphql?query=${encodeURIComponent("subscription { graphChanged { at } }")}`,
        {
          headers: { accept: "text/event-stream", "x-graphql-yoga-csrf": "1" },
        },
      );
    const a = await open();
    const b = await open();
    expect([a.status, b.status]).toEqual([200, 200]);
    const c = await open();
    expect(c.status).toBe(503);
    expect(c.headers.get("retry-after")).toBe("1");
    expect(
      ((await c.json()) as { errors: Array<{ extensions: Record<string, unknown> }> }).errors[0]
        ?.extensions,
    ).toEqual({ code: "OVERLOADED", retryable: true, retryAfterSeconds: 1 });
    await a.body?.cancel();
    await b.body?.cancel();
    await new Promise((r) => setTimeout(r, 300));
    const d = await open();
    expect(d.status).toBe(200);
    await d.body?.cancel();
  });
});

/**
 * A client that asks for GraphiQL's page (about 9 MB) and reads none of it: a raw connection,
 * paused. `readRest` resumes reading and resolves, once the connection ends, with whether the
 * whole answer came (the server kept the connection), it was cut short (the server closed it) or
 * the request was refused (503).
 */
async function pausedReader(): Promise<{ readRest(): Promise<"whole" | "cut" | "refused"> }> {
  const { port } = new URL(server.url);
  const socket = held(connect(Number(port), "127.0.0.1"));
  const chunks: Buffer[] = [];
  socket.on("data", (d: Buffer) => chunks.push(d));
  socket.on("error", () => {});
  const ended = new Promise<void>((done) => socket.once("close", () => done()));
  await new Promise((r) => socket.once("connect", r));
  socket.write("GET /graphql HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n\r\n");
  socket.pause();
  return {
    async readRest() {
      socket.resume();
      // A kept connection ends when its keep-alive runs out (5 s) after the whole answer.
      await ended;
      const text = Buffer.concat(chunks);
      const head = text.subarray(0, text.indexOf("\r\n\r\n")).toString();
      if (head.startsWith("HTTP/1.1 503 ")) return "refused";
      expect(head).toMatch(/^HTTP\/1\.1 200 /);
      const length = Number(/content-length: (\d+)/i.exec(head)?.[1]);
      expect(length).toBeGreaterThan(5_000_000);
      return text.length - head.length - 4 >= length ? "whole" : "cut";
    },
  };
}

/**
 * Raw connections a case opens, closed after it whatever its outcome: a case that fails with
 * paused readers still open would leave them holding the server's slots, and every later case
 * would fail with it.
 */
const heldSockets = new Set<Socket>();
const samplers = new Set<NodeJS.Timeout>();
/** Samples the server's peak RSS every 50 ms until `stop()` (or the case's end). */
function peakRss(): { stop(): number } {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, server.rssKb());
  }, 50);
  samplers.add(timer);
  return {
    stop() {
      clearInterval(timer);
      samplers.delete(timer);
      return peak;
    },
  };
}
function held(socket: Socket): Socket {
  heldSockets.add(socket);
  socket.once("close", () => heldSockets.delete(socket));
  return socket;
}

/** A query is answered (not 503) within `ms`. */
async function servesWithin(ms: number) {
  const until = performance.now() + ms;
  let r = await post(server, { query: '{ entity(key: "nato") { name } }' });
  while (r.status === 503 && performance.now() < until) {
    await new Promise((done) => setTimeout(done, 100));
    r = await post(server, { query: '{ entity(key: "nato") { name } }' });
  }
  expect(r.body.data).toEqual({ entity: { name: "NATO" } });
}

describe("a client that reads none of a large answer", () => {
  afterEach(() => {
    for (const socket of heldSockets) socket.destroy();
    for (const timer of samplers) clearInterval(timer);
    samplers.clear();
  });
  it("holds no request slot, and its connection is closed once it stalls; memory stays bounded", async () => {
    // The page is rendered once, by its first request (seconds on a busy machine, in a request
    // slot like any request): rendered here, so what follows measures stalled readers alone.
    const warm = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
    expect(await warm.text()).toContain("explorer-link");
    const before = server.rssKb();
    // Both request slots' worth (MAX_IN_FLIGHT is 2), one after the other.
    const two = [await pausedReader()];
    await new Promise((r) => setTimeout(r, 1_500));
    two.push(await pausedReader());
    // They held both slots until they hung up: every query was answered 503, for ever. (A page's
    // waiting bytes can be over this server's budget, 8 MB, four slots of 1 MB bodies: then the
    // second is refused, or the first closed after a second stalled.)
    await servesWithin(3_000);
    // Within the budget, a connection is closed after 10 s without progress.
    await new Promise((r) => setTimeout(r, 12_000));
    const outcomes2 = await Promise.all(two.map((c) => c.readRest()));
    expect(outcomes2[0]).toBe("cut");
    expect(["cut", "refused"]).toContain(outcomes2[1]);
    // Forty at once, as fast as they come: past the budget, the stalled are closed after a
    // second and the rest refused meanwhile, so their answers never pile up in memory (forty
    // pages would be 360 MB); a query is answered within seconds.
    const sampling = peakRss();
    const many = await Promise.all(Array.from({ length: 40 }, () => pausedReader()));
    await servesWithin(5_000);
    await new Promise((r) => setTimeout(r, 2_000));
    let peak = sampling.stop();
    const outcomes = await Promise.all(many.map((c) => c.readRest()));
    expect(outcomes.filter((o) => o === "whole")).toEqual([]);
    expect(outcomes).toContain("refused");
    expect(peak - before).toBeLessThan(150_000);
    // A client that reads is not cut.
    expect(await (await pausedReader()).readRest()).toBe("whole");
    // A hundred requests pipelined on one connection that reads nothing: each answer waits in
    // the server for the ones before it, and is counted with them: past the budget the rest are
    // refused and the connection closed, not a hundred pages held (900 MB).
    const { port } = new URL(server.url);
    const pipelined = held(connect(Number(port), "127.0.0.1"));
    pipelined.on("error", () => {});
    const closed = new Promise((done) => pipelined.once("close", done));
    await new Promise((r) => pipelined.once("connect", r));
    const sampling2 = peakRss();
    pipelined.write("GET /graphql HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n\r\n".repeat(100));
    pipelined.pause();
    await servesWithin(5_000);
    await new Promise((r) => setTimeout(r, 2_000));
    peak = sampling2.stop();
    pipelined.resume();
    await closed;
    expect(peak - before).toBeLessThan(150_000);
    await stillServes();
    expect(server.output()).not.toMatch(/"level":(50|60)\b/);
  }, 60_000);
});

describe("a subscription sent without Accept: text/event-stream", () => {
  it("is answered as a stream that holds a stream slot, not one of the request slots", async () => {
    const streams: Response[] = [];
    const open = (accept?: string) =>
      fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(accept ? { accept } : {}) },
        body: JSON.stringify({ query: "subscription { graphChanged { at } }" }),
      });
    try {
      // As many as there are request slots (MAX_IN_FLIGHT is 2 here), as curl sends them.
      for (const accept of ["*/*", undefined]) {
        const r = await open(accept);
        streams.push(r);
        expect(r.status).toBe(200);
        expect(r.headers.get("content-type")).toContain("text/event-stream");
      }
      // They held both request slots while they stayed open: every query was answered 503.
      const q = await post(server, { query: '{ entity(key: "nato") { name } }' });
      expect(q.status).toBe(200);
      expect(q.body.data).toEqual({ entity: { name: "NATO" } });
      // The streams are at their bound (2): one more is refused with 503 and Retry-After (it
      // was 200 with the refusal in its body).
      const third = await open("*/*");
      streams.push(third);
      expect(third.status).toBe(503);
      expect(third.headers.get("retry-after")).toBe("1");
      expect(await third.json()).toEqual({
        errors: [
          {
            message: "The server is at capacity (subscription streams open); retry after a second.",
            extensions: { code: "OVERLOADED", retryable: true, retryAfterSeconds: 1 },
          },
        ],
      });
    } finally {
      for (const r of streams) await r.body?.cancel().catch(() => {});
    }
    await new Promise((r) => setTimeout(r, 300));
    await stillServes();
  });
});

describe("what an operation may ask for cheaply", () => {
  it("counts aliases of __typename against the alias limit (30)", async () => {
    const aliases = (n: number) =>
      Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(" ");
    // 1,500 of them under a page of nations: nothing to read, and an answer of every row times 1,500.
    const r = await post(server, {
      query: `{ nations(first: 100) { edges { node { ${aliases(1_500)} } } } }`,
    });
    expect(code(r)).toBe("LIMIT_EXCEEDED");
    expect(r.body.errors[0].message).toMatch(/Aliases limit of 30 exceeded/);
    expect(r.body.data ?? null).toBeNull();
    const over = await post(server, { query: `{ ${aliases(31)} }` });
    expect(code(over)).toBe("LIMIT_EXCEEDED");
    // Within the limit they are answered, as any alias is.
    const ok = await post(server, { query: `{ ${aliases(30)} }` });
    expect(ok.body.errors).toBeUndefined();
    expect(Object.keys(ok.body.data)).toHaveLength(30);
    await stillServes();
  });
});

describe("the same field selected a thousand times", () => {
  it("is LIMIT_EXCEEDED saying so, not a bare 'Validation aborted.'", async () => {
    const r = await post(server, {
      query: `{ nations { edges { node { ${Array(1_000).fill("name").join(" ")} } } } }`,
    });
    expect(code(r)).toBe("LIMIT_EXCEEDED");
    expect(r.body.errors[0].message).toMatch(/select each field once/);
    const few = await post(server, { query: "{ nations { edges { node { name name } } } }" });
    expect(few.body.errors).toBeUndefined();
  });
});

describe("what an error echoes", () => {
  it("cuts graphql-js's messages that quote a huge value short", async () => {
    const huge = "x".repeat(900_000);
    for (const [query, variables] of [
      [
        'query ($t: RelationType!) { entity(key: "canada") { relations(types: [$t]) { totalCount } } }',
        { t: huge },
      ],
      ["query ($n: Int) { nations(first: $n) { totalCount } }", { n: huge }],
      ["query ($b: Boolean!) { __typename @skip(if: $b) }", { b: huge }],
    ] as const) {
      const r = await post(server, { query, variables });
      expect(code(r), query).toBe("BAD_USER_INPUT");
      expect(r.body.errors[0].message).toContain("…");
      expect(JSON.stringify(r.body).length, query).toBeLessThan(5_000);
    }
  });
});

describe("numbers beyond a double", () => {
  const pledges = (value: string) =>
    `{ pledges(where: { value: ${value} }) { edges { node { name } } } }`;

  it("refuses a Float literal of 1e400 or -1e400 in a filter with BAD_USER_INPUT, not a filter on Infinity", async () => {
    for (const literal of ["{ gt: 1e400 }", "{ lt: -1e400 }", `{ equals: 1${"0".repeat(400)} }`]) {
      const r = await post(server, { query: pledges(literal) });
      expect(code(r), literal).toBe("BAD_USER_INPUT");
      expect(r.body.errors[0].message).toMatch(/out of range/);
      expect(JSON.stringify(r.body).length).toBeLessThan(1_000);
      expect(r.body.data ?? null).toBeNull();
    }
    // A variable of 1e400 (JSON reads it as Infinity) was already refused by graphql-js.
    const query =
      "query ($v: Float) { pledges(where: { value: { gt: $v } }) { edges { node { name } } } }";
    for (const v of ["1e400", "-1e400"]) {
      const variable = await post(
        server,
        `{"query":${JSON.stringify(query)},"variables":{"v":${v}}}`,
      );
      expect(code(variable), v).toBe("BAD_USER_INPUT");
    }
    // A large but finite bound is a filter like any other.
    const big = await post(server, { query: pledges("{ lt: 1e308 }") });
    expect(big.body.errors).toBeUndefined();
    expect(big.body.data.pledges.edges.length).toBeGreaterThan(0);
  });

  it("refuses Int arguments beyond 32 bits, as a literal or a variable, with a code", async () => {
    for (const first of ["9007199254740993", "3000000000", "-3000000000"]) {
      const r = await post(server, { query: `{ nations(first: ${first}) { totalCount } }` });
      expect(["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"], first).toContain(code(r));
    }
    const query =
      'query ($n: Int) { neighbourhood(key: "canada", depth: $n, limit: $n) { truncated } }';
    // As JSON text: JSON.stringify would send 1e400 as null.
    for (const n of ["9007199254740994", "1e400", "-1e400", '"NaN"', "1.5", "2147483648"]) {
      const r = await post(server, `{"query":${JSON.stringify(query)},"variables":{"n":${n}}}`);
      expect(code(r), n).toBe("BAD_USER_INPUT");
    }
    await stillServes();
  });
});
