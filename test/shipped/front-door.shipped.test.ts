/**
 * What a newcomer meets first (issue 26, item 2), on the server as `npm start` runs it: `/`
 * leads to the explorer, and the start log names both pages and how many API tokens were
 * loaded, never a token.
 */
import { createHash } from "node:crypto";
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
