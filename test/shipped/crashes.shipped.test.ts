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
