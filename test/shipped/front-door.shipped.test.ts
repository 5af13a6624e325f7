/**
 * What a newcomer meets first (issue 26, item 2), on the server as `npm start` runs it: `/`
 * leads to the explorer, and the start log names both pages and how many API tokens were
 * loaded, never a token. The plain routes answer only what they are for, and the explorer's
 * build publishes no source maps.
 */
import { createHash } from "node:crypto";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawExchange, type ShippedServer, startShipped } from "../helpers/shipped.js";

let server: ShippedServer;
beforeAll(async () => {
  server = await startShipped();
});
afterAll(async () => {
  await server?.stop();
});

/** The start log's messages (JSON lines). */
function messages(): string[] {
  return server
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => String((JSON.parse(l) as { msg?: string }).msg ?? ""));
}

/** The access log's lines so far (JSON lines whose message is "request"). */
function accessLines(): Record<string, unknown>[] {
  return server
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.msg === "request");
}

describe("the front door", () => {
  it("GET / redirects (302) to the explorer, which answers", async () => {
    const r = await fetch(`${server.url}/`, { redirect: "manual" });
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toBe("/explorer/");
    const followed = await fetch(`${server.url}/`);
    expect(followed.status).toBe(200);
    expect(followed.url).toBe(`${server.url}/explorer/`);
    expect(followed.headers.get("content-type")).toMatch(/text\/html/);
  });

  it("the start log prints GraphiQL's and the explorer's URLs and the number of tokens, never a token", () => {
    const lines = messages();
    expect(lines).toContain(`GraphiQL: ${server.url}/graphql`);
    expect(lines).toContain(`Explorer: ${server.url}/explorer/`);
    expect(lines).toContain("API tokens loaded: 1.");
    const token = server.authorization.replace(/^Bearer /, "");
    const out = server.output();
    expect(out).not.toContain(token);
    expect(out).not.toContain(createHash("sha256").update(token).digest("hex"));
  });
});

/** One request by node:http (fetch refuses TRACE): its status and Allow header. */
function ask(path: string, method: string): Promise<{ status: number; allow?: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method }, (res) => {
      res.resume();
      res.on("end", () => done({ status: res.statusCode ?? 0, allow: res.headers.allow }));
    });
    req.on("error", fail);
    req.end();
  });
}

describe("the plain routes", () => {
  it("/health, /ready and / answer 405 with Allow to methods other than GET, HEAD and OPTIONS", async () => {
    for (const path of ["/health", "/ready", "/"]) {
      for (const method of ["POST", "PUT", "DELETE", "PATCH", "TRACE"]) {
        const r = await ask(path, method);
        expect(r.status, `${method} ${path}`).toBe(405);
        expect(r.allow, `${method} ${path}`).toBe("GET, HEAD, OPTIONS");
      }
      for (const method of ["GET", "HEAD"])
        expect((await ask(path, method)).status, `${method} ${path}`).toBe(
          path === "/" ? 302 : 200,
        );
      expect((await ask(path, "OPTIONS")).status, `OPTIONS ${path}`).toBe(204);
    }
  });
});

describe("methods a path does not serve (redteam27)", () => {
  // Before: OPTIONS /explorer/ was a 405 while /health answered it 204, and its Allow left
  // OPTIONS out.
  it("the explorer answers OPTIONS as the plain routes do, and names it in its 405's Allow", async () => {
    for (const path of ["/explorer", "/explorer/"]) {
      const options = await ask(path, "OPTIONS");
      expect(options.status, `OPTIONS ${path}`).toBe(204);
      expect(options.allow, `OPTIONS ${path}`).toBe("GET, HEAD, OPTIONS");
      const put = await ask(path, "PUT");
      expect(put.status, `PUT ${path}`).toBe(405);
      expect(put.allow, `PUT ${path}`).toBe("GET, HEAD, OPTIONS");
    }
  });

  // Before: PUT /graphql without Content-Type was 403 FORBIDDEN (CSRF: "could come from another
  // site's page"), and the others 405 with Allow: GET, POST.
  it("/graphql answers 405 BAD_REQUEST with Allow to methods other than GET, HEAD, POST and OPTIONS", async () => {
    const { hostname, port } = new URL(server.url);
    for (const method of ["PUT", "DELETE", "PATCH", "TRACE", "PROPFIND"]) {
      const answer = await new Promise<{ status: number; allow?: string; body: string }>(
        (done, fail) => {
          const req = request({ hostname, port, path: "/graphql", method }, (res) => {
            let body = "";
            res.on("data", (d) => {
              body += d;
            });
            res.on("end", () =>
              done({ status: res.statusCode ?? 0, allow: res.headers.allow, body }),
            );
          });
          req.on("error", fail);
          req.end();
        },
      );
      expect(answer.status, method).toBe(405);
      expect(answer.allow, method).toBe("GET, HEAD, POST, OPTIONS");
      expect(JSON.parse(answer.body).errors[0].extensions.code, method).toBe("BAD_REQUEST");
    }
  });

  // Before: Node closed the connection without a word (no status line: a network error).
  it("CONNECT is answered 405 with a coded JSON body, then the connection is closed", async () => {
    const text = await rawExchange(
      server.url,
      "CONNECT api.example:443 HTTP/1.1\r\nHost: api.example:443\r\n\r\n",
    );
    expect(text).toMatch(/^HTTP\/1\.1 405 /);
    expect(text).toMatch(/\r\nAllow: GET, HEAD, POST, OPTIONS\r\n/i);
    expect(text).toContain('"code":"BAD_REQUEST"');
  });

  // Before: its access line had no request id (every other line has one) and its answer no
  // X-Request-Id, so a refused CONNECT could not be told from another in the log.
  it("CONNECT's answer and access line carry a request id, the one the client gave if any (edges28)", async () => {
    const given = await rawExchange(
      server.url,
      "CONNECT api.example:443 HTTP/1.1\r\nHost: api.example:443\r\nX-Request-Id: edges28-connect\r\n\r\n",
    );
    expect(given).toMatch(/\r\nX-Request-Id: edges28-connect\r\n/i);
    const made = await rawExchange(
      server.url,
      "CONNECT other.example:443 HTTP/1.1\r\nHost: other.example:443\r\n\r\n",
    );
    const id = /\r\nX-Request-Id: ([\w.-]+)\r\n/i.exec(made)?.[1];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const lines = accessLines().filter((l) => l.method === "CONNECT");
    expect(lines.map((l) => [l.path, l.reqId, l.status])).toEqual(
      expect.arrayContaining([
        ["api.example:443", "edges28-connect", 405],
        ["other.example:443", id, 405],
      ]),
    );
  });

  // Before: OPTIONS * (RFC 9110 9.3.7: about the server in general, not a resource) was a 404
  // "Nothing is at *".
  it("OPTIONS * is answered 204 with Allow naming every method the server serves; other methods with * are 400 (edges28)", async () => {
    const options = await rawExchange(
      server.url,
      "OPTIONS * HTTP/1.1\r\nHost: api.example\r\nConnection: close\r\n\r\n",
    );
    expect(options).toMatch(/^HTTP\/1\.1 204 /);
    expect(options).toMatch(/\r\nAllow: GET, HEAD, POST, OPTIONS\r\n/i);
    expect(options).toMatch(/\r\nX-Request-Id: /i);
    // A 204 has no content and says no length (RFC 9110 8.6).
    expect(options).not.toMatch(/\r\nContent-Length:/i);
    const get = await rawExchange(
      server.url,
      "GET * HTTP/1.1\r\nHost: api.example\r\nConnection: close\r\n\r\n",
    );
    expect(get).toMatch(/^HTTP\/1\.1 400 /);
    expect(get).toContain('"code":"BAD_REQUEST"');
    const lines = accessLines().filter((l) => l.path === "*");
    expect(lines.map((l) => [l.method, l.status])).toEqual([
      ["OPTIONS", 204],
      ["GET", 400],
    ]);
    for (const l of lines) expect(l.reqId).toBeTruthy();
  });

  // Before: a request Node could not parse (bad bytes, oversized header fields) was answered
  // 400/431 with no request id and left no access line, so an operator never saw it.
  it("a request the server cannot parse is answered with a request id and leaves an access line", async () => {
    const garbage = await rawExchange(server.url, "NOT HTTP AT ALL\r\n\r\n");
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    const huge = await rawExchange(
      server.url,
      `GET /health HTTP/1.1\r\nHost: api.example\r\nX-Pad: ${"a".repeat(70_000)}\r\n\r\n`,
    );
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    const ids = [garbage, huge].map((t) => /\r\nX-Request-Id: ([\w.-]+)\r\n/i.exec(t)?.[1]);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const lines = accessLines().filter((l) => ids.includes(l.reqId as string));
    expect(lines.map((l) => [l.reqId, l.method, l.path, l.status])).toEqual([
      [ids[0], null, null, 400],
      [ids[1], null, null, 431],
    ]);
  });
});

describe("the explorer as built for production", () => {
  it("loads the page and its script, and answers 404 for the script's source map", async () => {
    const page = await fetch(`${server.url}/explorer/`);
    expect(page.status).toBe(200);
    const src = /<script[^>]+src="([^"]+\.js)"/.exec(await page.text())?.[1];
    expect(src).toMatch(/^\/explorer\/assets\//);
    const script = await fetch(`${server.url}${src}`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect(await script.text()).not.toContain("sourceMappingURL");
    const map = await fetch(`${server.url}${src}.map`);
    expect(map.status).toBe(404);
  });
});
