import { auditServer } from "graphql-http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb } from "../../src/db/driver.js";
import { readTx, writeTx } from "../../src/db/run.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { createClient, cypher, testDb } from "../helpers/client.js";
import { captureLogs, startServer } from "../helpers/server.js";

const db = testDb();
const logs = captureLogs();
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer(db, { logger: logs.logger, maxBodyBytes: 50_000 });
});
afterAll(async () => {
  await server.close();
  await db.driver.close();
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

describe("GraphQL over HTTP conformance (graphql-http audit)", () => {
  it("passes every MUST and SHOULD audit", async () => {
    const results = await auditServer({
      url: `${server.url}/graphql`,
      // A CSRF-protected server: non-browser clients send the header (GraphiQL does too).
      fetchFn: (input: RequestInfo | URL, init?: RequestInit) =>
        fetch(input, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), "x-graphql-yoga-csrf": "1" },
        }),
    });
    const failed = results
      .filter((r) => r.status !== "ok" && /^(MUST|SHOULD)/.test(r.name))
      .map((r) => `${r.name}: ${"reason" in r ? r.reason : ""}`);
    expect(failed).toEqual([]);
    expect(results.filter((r) => /^(MUST|SHOULD)/.test(r.name)).length).toBeGreaterThan(20);
  }, 60_000);
});

describe("health and readiness", () => {
  it("/health says the process is up; /ready that Neo4j answers and the migrations are applied", async () => {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      ready: true,
      neo4j: "up",
      migrations: "applied",
    });
  });
});

describe("HEAD", () => {
  it("answers HEAD /graphql as its GET, without the body: GraphiQL's page is there, not 406", async () => {
    // `curl -I` and uptime checks of the GraphiQL URL were told 406 Not Acceptable.
    const get = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
    const head = await fetch(`${server.url}/graphql`, {
      method: "HEAD",
      headers: { accept: "text/html" },
    });
    expect(get.status).toBe(200);
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe(get.headers.get("content-type"));
    // The same representation: fetch asks for gzip, so both are the gzipped page's length.
    expect(head.headers.get("content-encoding")).toBe(get.headers.get("content-encoding"));
    expect(head.headers.get("content-length")).toBe(get.headers.get("content-length"));
    expect(Number(head.headers.get("content-length"))).toBeGreaterThan(1_000_000);
    expect((await get.text()).length).toBeGreaterThan(Number(head.headers.get("content-length")));
    expect(await head.text()).toBe("");
  });

  it("answers a HEAD that carries an operation as its GET does: CSRF refused without the header, no data", async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent("{ __typename }")}`;
    const head = await fetch(url, { method: "HEAD", headers: { accept: "application/json" } });
    const get = await fetch(url, { headers: { accept: "application/json" } });
    expect(head.status).toBe(get.status);
    expect(await head.text()).toBe("");
  });
});

describe("requests", () => {
  it("refuses a body over the limit with 413, and a query keeps working after", async () => {
    const big = JSON.stringify({
      query: `{ search(query: "${"x".repeat(60_000)}") { totalCount } }`,
    });
    const r = await post(big);
    expect(r.status).toBe(413);
    expect(
      ((await r.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]
        ?.extensions.code,
    ).toBe("LIMIT_EXCEEDED");
    expect((await post(JSON.stringify({ query: "{ __typename }" }))).status).toBe(200);
  });

  it("refuses a POST body sent without Content-Length (chunked) with 411: no body goes unmeasured", async () => {
    const body = JSON.stringify({ query: "{ __typename }" });
    const r = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // A stream has no known length, so fetch sends it chunked.
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(body));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(r.status).toBe(411);
    expect(
      ((await r.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]
        ?.extensions.code,
    ).toBe("BAD_USER_INPUT");
  });

  it("logs one line per request with its id, operation, duration, round trips and status, and echoes the id", async () => {
    logs.clear();
    const r = await post(
      JSON.stringify({ query: 'query CanadaName { entity(key: "canada") { name } }' }),
      { "x-request-id": "test-req-42" },
    );
    expect(r.headers.get("x-request-id")).toBe("test-req-42");
    await r.json();
    await new Promise((done) => setTimeout(done, 50));
    const line = logs.lines().find((l) => l.reqId === "test-req-42");
    expect(line).toMatchObject({
      msg: "request",
      method: "POST",
      path: "/graphql",
      operation: "CanadaName",
      status: 200,
      roundTrips: 1,
    });
    expect(typeof line?.ms).toBe("number");
  });

  it("masks an unexpected error as INTERNAL_SERVER_ERROR with the request id, and logs it with that id", async () => {
    const errorLogs = captureLogs();
    const failing = await startServer(db, {
      logger: errorLogs.logger,
      // Something the resolvers do not expect: the Cypher layer throws a plain Error.
      onQuery: () => {
        throw new Error("driver exploded: internal detail");
      },
    });
    try {
      const r = await fetch(`${failing.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": "test-req-boom" },
        body: JSON.stringify({ query: '{ entity(key: "canada") { name } }' }),
      });
      const body = (await r.json()) as {
        errors: Array<{ message: string; extensions: Record<string, unknown> }>;
      };
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0]).toMatchObject({
        message: "Unexpected error.",
        extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "test-req-boom" },
      });
      expect(JSON.stringify(body)).not.toContain("internal detail");
      await new Promise((done) => setTimeout(done, 50));
      const logged = errorLogs.lines().find((l) => l.level >= 50 && l.reqId === "test-req-boom");
      expect(logged?.err?.message).toContain("driver exploded: internal detail");
    } finally {
      await failing.close();
    }
  });

  it("ends an operation that runs past its budget with a TIMEOUT error", async () => {
    const slow = createClient(db, { limits: { ...DEFAULT_LIMITS, requestTimeoutMs: 1 } });
    const started = Date.now();
    const r = await slow.gql(
      `{ paths(from: "justin-trudeau", to: "latvia", first: 10) { length } neighbourhood(key: "nato", depth: 3) { nodes { key } } }`,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe("TIMEOUT");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("a transaction past its timeout is stopped by Neo4j (TIMEOUT) and freed", async () => {
    const tight = createDb(inject("neo4j"), { txTimeoutMs: 200 });
    try {
      const started = Date.now();
      const error = await readTx(tight, { roundTrips: 0 }, (tx) =>
        tx.run("UNWIND range(1, 500000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n"),
      ).catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe("TIMEOUT");
      expect(Date.now() - started).toBeLessThan(5_000);
      const open = await cypher(
        db,
        "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'range(1, 500000000)' AND NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n",
      );
      expect(Number(open[0]?.n)).toBe(0);
    } finally {
      await tight.driver.close();
    }
  });

  it("a write whose budget runs out before its commit is TIMEOUT saying nothing was written, and nothing is", async () => {
    // Twelve ingests sent at once to the shipped server: one was stopped by Neo4j between its
    // last statement and its commit, and was told "The query took too long and was stopped;
    // narrow it and retry." (a read's advice), not that it was rolled back.
    const tight = createDb(inject("neo4j"), { txTimeoutMs: 300 });
    const key = `http-commit-timeout-${Date.now()}`;
    try {
      const error = await writeTx(tight, { roundTrips: 0 }, async (tx) => {
        await tx.run("CREATE (:Entity:Place {key: $key, name: $key})", { key });
        // Past the budget (Neo4j checks every 100 ms): the commit finds the transaction stopped.
        await new Promise((done) => setTimeout(done, 1_500));
      }).catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe("TIMEOUT");
      expect((error as Error).message).toMatch(
        /budget of 300 ms .*rolled back: nothing was written/,
      );
      const left = await cypher(db, "MATCH (e:Entity {key: $key}) RETURN count(e) AS n", { key });
      expect(Number(left[0]?.n)).toBe(0);
    } finally {
      await tight.driver.close();
    }
  });
});
