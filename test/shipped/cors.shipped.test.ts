/**
 * Cross-origin requests to the server as shipped. Clients authenticate with bearer tokens, never
 * cookies, so no origin is ever told it may send credentials. By default any origin may call the
 * API (`Access-Control-Allow-Origin: *`); with CORS_ORIGINS only the origins listed, and with
 * CORS_ORIGINS=none none (same origin only).
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ShippedServer, startShipped } from "../helpers/shipped.js";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  server: ShippedServer,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path: "/graphql", method, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", fail);
    req.end(body);
  });
}

const FOREIGN = "https://evil.example";
const LISTED = "https://app.example";

/** A browser's preflight for a POST with a bearer token from `origin`. */
const preflight = (server: ShippedServer, origin: string) =>
  send(server, "OPTIONS", {
    origin,
    "access-control-request-method": "POST",
    "access-control-request-headers": "authorization, content-type",
  });

const QUERY = JSON.stringify({ query: '{ entity(key: "canada") { name } }' });
const postFrom = (server: ShippedServer, origin: string) =>
  send(
    server,
    "POST",
    { origin, "content-type": "application/json", "content-length": String(QUERY.length) },
    QUERY,
  );

describe("CORS by default: any origin, never credentials", () => {
  let server: ShippedServer;
  beforeAll(async () => {
    server = await startShipped();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers a foreign origin's preflight with *, the bearer header allowed, no credentials", async () => {
    const r = await preflight(server, FOREIGN);
    expect(r.status).toBe(204);
    expect(r.headers["access-control-allow-origin"]).toBe("*");
    expect(r.headers["access-control-allow-credentials"]).toBeUndefined();
    expect(String(r.headers["access-control-allow-methods"])).toMatch(/POST/);
    expect(String(r.headers["access-control-allow-headers"]).toLowerCase()).toMatch(
      /authorization/,
    );
    expect(String(r.headers["access-control-allow-headers"]).toLowerCase()).toMatch(/content-type/);
  });

  it("answers the request itself the same way, and lets the page read the request id", async () => {
    const r = await postFrom(server, FOREIGN);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).data.entity.name).toBe("Canada");
    expect(r.headers["access-control-allow-origin"]).toBe("*");
    expect(r.headers["access-control-allow-credentials"]).toBeUndefined();
    expect(String(r.headers["access-control-expose-headers"]).toLowerCase()).toMatch(
      /x-request-id/,
    );
  });
});

describe("CORS_ORIGINS: only the origins listed", () => {
  let server: ShippedServer;
  beforeAll(async () => {
    server = await startShipped({ env: { CORS_ORIGINS: `${LISTED}, http://localhost:5173` } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("allows a listed origin by name, and says the answer varies by origin", async () => {
    const r = await preflight(server, LISTED);
    expect(r.status).toBe(204);
    expect(r.headers["access-control-allow-origin"]).toBe(LISTED);
    expect(r.headers["access-control-allow-credentials"]).toBeUndefined();
    expect(String(r.headers.vary).toLowerCase()).toMatch(/origin/);
    const post = await postFrom(server, "http://localhost:5173");
    expect(post.headers["access-control-allow-origin"]).toBe("http://localhost:5173");
  });

  it("gives a foreign origin no CORS header: its browser refuses the call", async () => {
    const r = await preflight(server, FOREIGN);
    expect(r.headers["access-control-allow-origin"]).toBeUndefined();
    expect(r.headers["access-control-allow-credentials"]).toBeUndefined();
    const post = await postFrom(server, FOREIGN);
    expect(post.headers["access-control-allow-origin"]).toBeUndefined();
    expect(String(post.headers.vary).toLowerCase()).toMatch(/origin/);
  });
});
