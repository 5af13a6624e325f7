import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { createClient, testDb } from "../helpers/client.js";

const db = testDb();
const { app, gql } = createClient(db);
afterAll(() => db.driver.close());

const code = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  r.errors?.[0]?.extensions?.code;

describe("operation limits", () => {
  it("refuses a query deeper than the limit", async () => {
    let q = "key";
    for (let i = 0; i < 10; i++) q = `relations(first: 1) { edges { node { ${q} } } }`;
    const r = await gql(`{ entity(key: "nato") { ${q} } }`);
    expect(r.status).toBe(400);
    expect(code(r)).toBe("LIMIT_EXCEEDED");
    expect(r.errors?.[0]?.message).toMatch(/depth limit of 16/i);
  });

  it("refuses a query whose cost (selection x page sizes) is over the limit", async () => {
    const r = await gql(
      `{ nations(first: 100) { edges { node { relations(first: 100) { edges { node { relations(first: 100) { edges { type } } } } } } } } }`,
    );
    expect(code(r)).toBe("LIMIT_EXCEEDED");
    expect(r.errors?.[0]?.message).toMatch(/costs \d+; at most 50000/i);
  });

  it("refuses an operation over its budget with one error, however many root fields it has", async () => {
    const big = `nations(first: 100) { edges { node { relations(first: 100) { edges { node { relations(first: 100) { edges { type } } } } } } } }`;
    const r = await gql(
      `{ a: ${big} b: ${big} c: entity(key: "nato") { key } d: search(query: "nato") { totalCount } }`,
    );
    expect(r.status).toBe(400);
    expect(r.errors).toHaveLength(1);
    expect(code(r)).toBe("LIMIT_EXCEEDED");
    expect(r.errors?.[0]?.message).toMatch(/^The operation costs \d+; at most 50000\./);
    expect(r.errors?.[0]?.extensions).toEqual({
      code: "LIMIT_EXCEEDED",
      cost: expect.any(Number),
      maxCost: 50000,
    });
    // Refused before anything ran: no field answered, so no data at all.
    expect(r.data).toBeUndefined();
    expect(r.extensions?.cypherRoundTrips ?? 0).toBe(0);

    // The same for an argument over its limit, and for a mutation (nothing is written).
    const ids = JSON.stringify(Array.from({ length: 101 }, () => "UGVyc29uOmp1c3Rpbi10cnVkZWF1"));
    const list = await gql(`{ a: nodes(ids: ${ids}) { id } b: entity(key: "nato") { key } }`);
    expect(list.errors).toHaveLength(1);
    expect(list.errors?.[0]?.message).toBe('"ids" holds 101 items; at most 100.');
    expect(list.data).toBeUndefined();
  });

  it("refuses too many aliases, tokens and directives", async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: entity(key: "nato") { key }`).join(
      " ",
    );
    expect(code(await gql(`{ ${aliases} }`))).toBe("LIMIT_EXCEEDED");
    const tokens = Array.from({ length: 5_100 }, () => "key").join(" ");
    expect(code(await gql(`{ entity(key: "nato") { ${tokens} } }`))).toBe("LIMIT_EXCEEDED");
    const directives = Array.from({ length: 21 }, () => "@include(if: true)").join(" ");
    expect(code(await gql(`{ entity(key: "nato") { key ${directives} } }`))).toBe("LIMIT_EXCEEDED");
  });

  it("admits a where of 50 conditions and refuses 51, however AND / OR / NOT group them", async () => {
    // Every object of a where was counted: { key: { equals } } is two, so an OR of 25 such
    // conditions was refused as "more than 50 conditions" (redteam29).
    const keyIs = (k: string) => ({ key: { equals: k } });
    const q = "query ($w: NationWhere) { nations(where: $w) { totalCount } }";
    const keys = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? "canada" : `k${i}`));
    const fifty = [
      { OR: keys(50).map(keyIs) },
      { AND: [{ OR: keys(25).map(keyIs) }, { NOT: { OR: keys(25).map((k) => keyIs(`${k}x`)) } }] },
      { OR: keys(49).map(keyIs), name: { startsWith: "Can" } },
    ];
    for (const w of fifty) {
      const r = await gql(q, { w });
      expect(r.errors, JSON.stringify(w).slice(0, 80)).toBeUndefined();
      expect(r.data).toEqual({ nations: { totalCount: 1 } });
    }
    for (const w of [
      { OR: keys(51).map(keyIs) },
      { AND: [{ OR: keys(26).map(keyIs) }, { NOT: { OR: keys(25).map(keyIs) } }] },
    ]) {
      const r = await gql(q, { w });
      expect(code(r)).toBe("LIMIT_EXCEEDED");
      expect(r.errors?.[0]?.message).toBe('"where" holds more than 50 conditions; simplify it.');
    }
  });

  it("does not suggest field names", async () => {
    const r = await gql(`{ entity(key: "nato") { nam } }`);
    expect(r.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it("takes one operation per request (no batching)", async () => {
    const res = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it("refuses GET without the CSRF header, and mutations over GET", async () => {
    const plain = await app.fetch("http://localhost/graphql?query=%7B__typename%7D");
    expect(plain.status).toBe(403);
    const withHeader = await app.fetch("http://localhost/graphql?query=%7B__typename%7D", {
      headers: { "x-graphql-yoga-csrf": "1" },
    });
    expect(withHeader.status).toBe(200);
    const mutation = await app.fetch(
      `http://localhost/graphql?query=${encodeURIComponent('mutation { deleteEntity(key: "nato") { __typename } }')}`,
      { headers: { "x-graphql-yoga-csrf": "1" } },
    );
    expect(mutation.status).toBe(405);
  });

  it("keeps introspection and GraphiQL on by default, and can switch both off", async () => {
    expect((await gql("{ __schema { queryType { name } } }")).data).toEqual({
      __schema: { queryType: { name: "Query" } },
    });
    const closed = createClient(db, {
      limits: { ...DEFAULT_LIMITS, introspection: false, graphiql: false },
    });
    const r = await closed.gql("{ __schema { queryType { name } } }");
    expect(r.errors?.[0]?.message).toMatch(/introspection/i);
    // Nor does a validation hint name the types an interface's field is on.
    const field = await closed.gql('{ entity(key: "nato") { url } }');
    expect(field.errors?.[0]?.message).toBe('Cannot query field "url" on type "Entity".');
    const open = await gql('{ entity(key: "nato") { url } }');
    expect(open.errors?.[0]?.message).toMatch(/Did you mean to use an inline fragment on/);
    const page = await closed.app.fetch("http://localhost/graphql", {
      headers: { accept: "text/html" },
    });
    expect(await page.text()).not.toContain("GraphiQL");
  });
});
