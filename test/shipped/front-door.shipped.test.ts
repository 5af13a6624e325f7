/**
 * What a newcomer meets first (issue 26, item 2), on the server as `npm start` runs it: `/`
 * leads to the explorer, and the start log names both pages and how many API tokens were
 * loaded, never a token. The plain routes answer only what they are for, and the explorer's
 * build publishes no source maps.
 */
import { createHash } from "node:crypto";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ShippedServer, startShipped } from "../helpers/shipped.js";

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
