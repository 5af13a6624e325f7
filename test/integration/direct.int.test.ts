import type { IncomingMessage } from "node:http";
import { connect } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { directType } from "../../src/direct.js";
import { createApp } from "../../src/server.js";
import { testDb } from "../helpers/client.js";
import { captureLogs, startServer } from "../helpers/server.js";

const db = testDb();
const token = generateToken();
const tokens = [
  { name: "writer", sha256: token.sha256, scopes: ["write" as const, "admin" as const] },
];
const yoga = createApp({ db, logger: pino({ level: "silent" }), tokens });
const logs = captureLogs();
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer(db, { tokens, logger: logs.logger });
});
afterAll(async () => {
  await server.close();
  await db.driver.close();
});

interface Sent {
  body: string;
  headers?: Record<string, string>;
}

const answer = async (response: Response) => ({
  status: response.status,
  type: response.headers.get("content-type"),
  body: JSON.parse(await response.text()) as unknown,
});

/** The same request over HTTP (createHttp, so the direct path where it applies) and to yoga. */
async function both({ body, headers = {} }: Sent) {
  const init = {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  };
  const direct = await answer(await fetch(`${server.url}/graphql`, init));
  const viaYoga = await answer(await yoga.fetch("http://localhost/graphql", init));
  return { direct, viaYoga };
}

const op = (query: string, variables?: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ query, variables, ...extra });
const RESPONSE_JSON = { accept: "application/graphql-response+json" };

describe("plain JSON POSTs answered without the Fetch adapter", () => {
  it("takes JSON POSTs to /graphql with the media types it answers exactly as yoga, and leaves the rest to yoga", () => {
    const req = (method: string, url: string, headers: Record<string, string>) =>
      ({ method, url, headers }) as unknown as IncomingMessage;
    const json = { "content-type": "application/json" };
    expect(directType(req("POST", "/graphql", json))).toBe("application/json");
    expect(directType(req("POST", "/graphql", { ...json, accept: "*/*" }))).toBe(
      "application/json",
    );
    expect(directType(req("POST", "/graphql", { ...json, ...RESPONSE_JSON }))).toBe(
      "application/graphql-response+json",
    );
    // Browsers (CORS), other methods, media types, query strings and streaming go to yoga.
    expect(directType(req("POST", "/graphql", { ...json, origin: "http://x" }))).toBeNull();
    expect(directType(req("GET", "/graphql", json))).toBeNull();
    expect(directType(req("POST", "/graphql?x=1", json))).toBeNull();
    expect(directType(req("POST", "/graphql", { "content-type": "text/plain" }))).toBeNull();
    expect(
      directType(req("POST", "/graphql", { ...json, accept: "text/event-stream" })),
    ).toBeNull();
    expect(
      directType(req("POST", "/graphql", { ...json, accept: "application/json, multipart/mixed" })),
    ).toBeNull();
  });

  it("answers reads, mutations and every kind of error as yoga does: status, media type and body", async () => {
    const cases: Sent[] = [
      { body: op("{ __typename }") },
      {
        body: op(
          `query ($k: String!) { entity(key: $k) { key name ... on Nation { leaders { edges { role node { name } } } } } }`,
          { k: "canada" },
        ),
        headers: RESPONSE_JSON,
      },
      {
        body: op('query A { __typename } query B { entity(key: "nato") { key } }', null, {
          operationName: "B",
        }),
      },
      // Errors raised in execution, with data: answered directly.
      { body: op("{ nations(first: 1000) { edges { node { key } } } }") },
      { body: op("{ nations(first: 1000) { edges { node { key } } } }"), headers: RESPONSE_JSON },
      {
        body: op(
          `mutation { createEntity(input: { key: "direct-x", kind: Nation, name: "X" }) { __typename } }`,
        ),
      },
      {
        body: op(`mutation { addRelation(input: { from: "nobody", type: LEADS, to: "canada", evidence: { source: "nowhere", excerpt: "x" } }) {
          __typename ... on ValidationError { problems { path message } } } }`),
        headers: { authorization: `Bearer ${token.token}` },
      },
      // Handed to yoga before anything runs.
      { body: op("{ nope }") },
      { body: op("{ nope }"), headers: RESPONSE_JSON },
      { body: op("{ entity(key: ") },
      { body: op("query ($k: String!) { entity(key: $k) { key } }", {}) },
      {
        body: op("query ($k: String!) { entity(key: $k) { key } }", { k: 1 }),
        headers: RESPONSE_JSON,
      },
      { body: op("{ __typename }", null, { unexpected: 1 }) },
      { body: JSON.stringify({ variables: {} }) },
      { body: JSON.stringify({ query: 1 }) },
      { body: JSON.stringify({ query: "{ __typename }", variables: [1] }) },
      { body: JSON.stringify([{ query: "{ __typename }" }]) },
      { body: "{not json" },
      {
        body: op(`{ entity(key: "x") { ${"... on Nation { key ".repeat(70)}${"}".repeat(70)} } }`),
      },
      { body: op("query A { __typename } query B { __typename }") },
    ];
    // Twice: the second time the direct path knows the documents that validated and skips
    // parsing and validating them; those that did not must still be refused the same way.
    for (const [round, sent] of [...cases, ...cases].entries()) {
      const { direct, viaYoga } = await both(sent);
      expect({ round, sent: sent.body, ...direct }).toEqual({ round, sent: sent.body, ...viaYoga });
    }
  });

  it("a client that goes away halfway through its body is no error, and the server answers the next one", async () => {
    logs.clear();
    const { hostname, port } = new URL(server.url);
    await new Promise<void>((done) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(
          'POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"query":',
        );
        setTimeout(() => {
          socket.destroy();
          done();
        }, 50);
      });
    });
    await new Promise((r) => setTimeout(r, 200));
    const next = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: op("{ __typename }"),
    });
    expect(await next.json()).toMatchObject({ data: { __typename: "Query" } });
    const errors = logs.lines().filter((l) => l.level >= 50);
    expect(errors).toEqual([]);
  });

  it("hands a subscription to yoga, which streams its events until the client goes", async () => {
    const gone = new AbortController();
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: op("subscription { graphChanged { operation entities } }"),
      signal: gone.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const write = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token.token}` },
      body: op(
        `mutation { createEntity(input: { key: "direct-sub", kind: Nation, name: "Sub" }) { __typename } }`,
      ),
    });
    expect((await write.json()).data.createEntity.__typename).toBe("CreateEntitySuccess");
    let text = "";
    while (!text.includes("direct-sub")) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    gone.abort();
    expect(text).toMatch(/"operation":"createEntity"/);
    await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token.token}` },
      body: op(`mutation { deleteEntity(key: "direct-sub") { __typename } }`),
    });
  });
});
