/**
 * One-request crashes of the server as shipped (issue 22): each request here once killed the
 * process that `npm start` runs. Every one must now get an answer, and the server must live on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { post, type ShippedServer, startShipped } from "../helpers/shipped.js";

let server: ShippedServer;
beforeAll(async () => {
  server = await startShipped();
});
afterAll(async () => {
  await server?.stop();
});

/** The server answers an ordinary read after the hostile one: it is alive and serving. */
async function stillServes() {
  const r = await post(server, { query: '{ entity(key: "canada") { name } }' });
  expect(server.alive()).toBe(true);
  expect(r.body.data).toEqual({ entity: { name: "Canada" } });
}

describe("the server as npm start runs it", () => {
  it("answers a filter sent as a variable, as every GraphQL client sends it", async () => {
    const query =
      "query ($w: NationWhere) { nations(where: $w, first: 5) { edges { node { name } } } }";
    for (const w of [{ name: { contains: "an" } }, {}]) {
      const r = await post(server, { query, variables: { w } });
      expect(r.status).toBe(200);
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.nations.edges.length).toBeGreaterThan(0);
    }
    await stillServes();
  });

  it("answers relations nested four times under the Entity interface", async () => {
    const level = (inner: string) =>
      `relations(first: 1) { edges { type to { key name ${inner} } } }`;
    const query = `{ entity(key: "canada") { key ${level(level(level(level(""))))} } }`;
    const r = await post(server, { query });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.entity.relations.edges).toHaveLength(1);
    await stillServes();
  });
});

describe("many clients at once", () => {
  it("answers 64 concurrent costly reads with data or 503 OVERLOADED, and stays up", async () => {
    const query =
      "query ($n: Int) { nations(first: $n) { edges { node { name relations(first: $n) { totalCount edges { type evidence { excerpt source { title } } to { name } } } } } } }";
    const answers = await Promise.all(
      Array.from({ length: 64 }, () => post(server, { query, variables: { n: 20 } })),
    );
    const statuses = new Set(answers.map((a) => a.status));
    expect([...statuses].every((s) => s === 200 || s === 503)).toBe(true);
    for (const a of answers) {
      if (a.status === 503) {
        expect(a.headers.get("retry-after")).toBe("1");
        expect(a.body.errors[0].extensions.code).toBe("OVERLOADED");
      } else {
        expect(a.body.errors).toBeUndefined();
        expect(a.body.data.nations.edges.length).toBeGreaterThan(0);
      }
    }
    expect(answers.some((a) => a.status === 200)).toBe(true);
    // Well inside the 1.5 GB heap the start script gives it.
    expect(server.rssKb()).toBeLessThan(1_024 * 1_024);
    await stillServes();
  });
});
