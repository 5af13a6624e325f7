/**
 * How the server serves the explorer's files (no browser needed): the page with its security
 * headers, hashed assets cached for good, nothing outside the build, and a clear answer when the
 * page has not been built.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveExplorer } from "../../src/explorer/serve.js";
import { testDb } from "../helpers/client.js";
import { startServer } from "../helpers/server.js";
import { buildExplorer } from "./browser.js";

const db = testDb();
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  await buildExplorer();
  server = await startServer(db);
});

afterAll(async () => {
  await server?.close();
  await db.driver.close();
});

describe("serving /explorer", () => {
  it("serves the page with a strict content security policy, at /explorer and /explorer/", async () => {
    for (const path of ["/explorer", "/explorer/"]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      const html = await res.text();
      expect(html).toContain("<title>Allies graph · explorer</title>");
      expect(html).toMatch(/src="\/explorer\/assets\/[\w-]+\.js"/);
    }
  });

  it("serves the hashed assets to be cached for good, with their types", async () => {
    const html = await (await fetch(`${server.url}/explorer`)).text();
    const script = /src="(\/explorer\/assets\/[\w-]+\.js)"/.exec(html)?.[1];
    const style = /href="(\/explorer\/assets\/[\w-]+\.css)"/.exec(html)?.[1];
    for (const [path, type] of [
      [script, "text/javascript; charset=utf-8"],
      [style, "text/css; charset=utf-8"],
    ]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(type);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
    const head = await fetch(`${server.url}${script}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("answers 404 for unknown files and anything outside the build, 405 for other methods", async () => {
    for (const path of [
      "/explorer/assets/missing.js",
      "/explorer/../package.json",
      "/explorer/%2e%2e/%2e%2e/package.json",
      "/explorer/..%2f..%2fpackage.json",
    ])
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    const post = await fetch(`${server.url}/explorer`, { method: "POST", body: "{}" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });

  it("says how to build the page when it has not been built", async () => {
    const empty = await mkdtemp(join(tmpdir(), "explorer-unbuilt-"));
    const bare = createServer((req, res) => {
      void serveExplorer(req, res, (req.url ?? "/").split("?")[0] ?? "/", empty);
    });
    await new Promise<void>((done) => bare.listen(0, "127.0.0.1", done));
    try {
      const { port } = bare.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/explorer`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain("npm run build:explorer");
    } finally {
      bare.closeAllConnections();
      await new Promise<void>((done) => bare.close(() => done()));
      await rm(empty, { recursive: true, force: true });
    }
  });
});
