/**
 * Cross-origin requests to the server as shipped. Clients authenticate with bearer tokens, never
 * cookies, so no origin is ever told it may send credentials. By default any origin may call the
 * API (`Access-Control-Allow-Origin: *`); with CORS_ORIGINS only the origins listed, and with
 * CORS_ORIGINS=none none (same origin only). Refusals sent before the app sees a request (413,
 * 411, 431, 503) carry the same headers, so a page reads their status instead of a network error.
 */

import { readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { post, type ShippedServer, startShipped } from "../helpers/shipped.js";

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
  path = "/graphql",
): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
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

/** The refusals http.ts (or Node, for headers) sends before the app sees a request, from `origin`. */
function refusals(server: ShippedServer, origin: string) {
  const json = { origin, "content-type": "application/json" };
  return {
    // Announced over MAX_BODY_BYTES (1 MB), and sent whole, as fetch sends it.
    tooLarge: () => {
      const body = `{"query":"{ __typename }","x":"${"x".repeat(1_100_000)}"}`;
      return send(server, "POST", { ...json, "content-length": String(body.length) }, body);
    },
    // A POST without Content-Length (chunked).
    unannounced: () => send(server, "POST", { ...json, "transfer-encoding": "chunked" }, QUERY),
    // Headers over Node's 16 KiB: Node refuses them before any request exists.
    headersTooLarge: () => send(server, "GET", { origin, "x-padding": "p".repeat(20_000) }),
    health: () => send(server, "GET", { origin }, undefined, "/health"),
  };
}

describe("refusals before the app carry the CORS headers", () => {
  describe("by default (any origin)", () => {
    let server: ShippedServer;
    beforeAll(async () => {
      server = await startShipped();
    });
    afterAll(async () => {
      await server?.stop();
    });

    it("413, 411 and 431 tell a foreign page * and let it read the request id", async () => {
      const r = refusals(server, FOREIGN);
      for (const [status, answer] of [
        [413, await r.tooLarge()],
        [411, await r.unannounced()],
        [431, await r.headersTooLarge()],
        [200, await r.health()],
      ] as const) {
        expect(answer.status).toBe(status);
        expect(answer.headers["access-control-allow-origin"], String(status)).toBe("*");
        expect(answer.headers["access-control-allow-credentials"]).toBeUndefined();
      }
      expect(String((await r.tooLarge()).headers["access-control-expose-headers"])).toMatch(
        /x-request-id/,
      );
    });
  });

  describe("with CORS_ORIGINS and one request slot", () => {
    let server: ShippedServer;
    beforeAll(async () => {
      server = await startShipped({ env: { CORS_ORIGINS: LISTED, MAX_IN_FLIGHT: "1" } });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it("names a listed origin back on 413, 411 and 431, and no foreign one", async () => {
      const listed = refusals(server, LISTED);
      for (const answer of [
        await listed.tooLarge(),
        await listed.unannounced(),
        await listed.headersTooLarge(),
      ]) {
        expect(answer.headers["access-control-allow-origin"], String(answer.status)).toBe(LISTED);
        expect(String(answer.headers.vary).toLowerCase()).toMatch(/origin/);
      }
      const foreign = refusals(server, FOREIGN);
      for (const answer of [
        await foreign.tooLarge(),
        await foreign.unannounced(),
        await foreign.headersTooLarge(),
      ])
        expect(
          answer.headers["access-control-allow-origin"],
          String(answer.status),
        ).toBeUndefined();
    });

    it("at capacity: the page reads the 503 and its Retry-After, and its preflight is still answered", async () => {
      // An extraction of a long article holds the one request slot for a while.
      const text = readFileSync(join(PROJECT_ROOT, "seed", "000_4f2a725f6fafb235.txt"), "utf8");
      const held = post(
        server,
        {
          query: "mutation ($t: String!) { extractDocument(text: $t) { problems } }",
          variables: { t: text.repeat(Math.ceil(99_000 / text.length)).slice(0, 99_000) },
        },
        { authorization: server.authorization },
      ).catch(() => null);
      await new Promise((r) => setTimeout(r, 150));
      const refused = await postFrom(server, LISTED);
      const allowed = await preflight(server, LISTED);
      await held;
      expect(refused.status).toBe(503);
      expect(refused.headers["access-control-allow-origin"]).toBe(LISTED);
      expect(String(refused.headers["access-control-expose-headers"])).toMatch(/retry-after/);
      expect(allowed.status).toBe(204);
      expect(allowed.headers["access-control-allow-origin"]).toBe(LISTED);
      expect(String(allowed.headers["access-control-allow-headers"])).toMatch(/authorization/);
    }, 60_000);
  });
});
