/**
 * extractDocument on the server as `npm start` runs it. The extractor's analysis is synchronous;
 * on the main thread a 99,000-character text with no spaces took 35 s, during which the server
 * answered nothing at all. It now runs on a worker thread with a budget (QUERY_TIMEOUT_MS).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { post, type ShippedServer, startShipped } from "../helpers/shipped.js";

let server: ShippedServer;
beforeAll(async () => {
  server = await startShipped();
});
afterAll(async () => {
  await server?.stop();
});

const EXTRACT = `mutation ($text: String!) {
  extractDocument(text: $text, source: { publishedAt: "2024-06-01" }) { entities { key status } relations { type } }
}`;
const extract = (text: string) =>
  post(server, { query: EXTRACT, variables: { text } }, { authorization: server.authorization });
const read = () => post(server, { query: '{ entity(key: "canada") { name } }' });
/** Not prose: wink-nlp's tokeniser is quadratic in a run with no spaces. */
const HOSTILE = "-".repeat(99_000);

describe("extractDocument on the shipped server", () => {
  it("a text slow to analyse blocks no other request, and is stopped at its budget with TIMEOUT", async () => {
    const order: string[] = [];
    const hostile = extract(HOSTILE).then((a) => {
      order.push("extraction");
      return a;
    });
    for (let i = 0; i < 5; i++) {
      const r = await read();
      expect(r.body.data).toEqual({ entity: { name: "Canada" } });
      order.push(`read ${i}`);
    }
    const answer = await hostile;
    // Every read was answered while the extraction was still running.
    expect(order).toEqual(["read 0", "read 1", "read 2", "read 3", "read 4", "extraction"]);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toBeNull();
    expect(answer.body.errors[0].extensions.code).toBe("TIMEOUT");
    expect(answer.body.errors[0].message).toMatch(/budget of 8000 ms/);

    // The stopped worker is replaced: an article extracts as before, linked to the graph.
    const seed = readFileSync(join(PROJECT_ROOT, "seed", "000_4f2a725f6fafb235.txt"), "utf8");
    const ok = await extract(seed);
    expect(ok.body.errors).toBeUndefined();
    const keys = ok.body.data.extractDocument.entities.map((e: { key: string }) => e.key);
    expect(keys).toContain("canada");
    expect(ok.body.data.extractDocument.relations.length).toBeGreaterThan(5);
    expect(server.alive()).toBe(true);
  });

  it("more hostile extractions than slots: each answered TIMEOUT or SERVICE_UNAVAILABLE, reads go on", async () => {
    const answers = Promise.all(Array.from({ length: 7 }, () => extract(HOSTILE)));
    expect((await read()).body.data).toEqual({ entity: { name: "Canada" } });
    const codes = (await answers).map((a) => a.body.errors?.[0]?.extensions?.code);
    expect(codes.every((c) => c === "TIMEOUT" || c === "SERVICE_UNAVAILABLE")).toBe(true);
    // One runs and four wait: the other two are turned away at once, not queued without end.
    expect(codes.filter((c) => c === "SERVICE_UNAVAILABLE")).toHaveLength(2);
    expect((await read()).body.data).toEqual({ entity: { name: "Canada" } });
    expect(server.alive()).toBe(true);
  });

  it("text that is not valid Unicode is refused with BAD_USER_INPUT before any work", async () => {
    const r = await extract("Canada sent troops to Latvia.\uD800 More followed.");
    expect(r.body.data).toBeNull();
    expect(r.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(r.body.errors[0].message).toMatch(/lone surrogates/);
  });
});
