import { afterAll, describe, expect, it } from "vitest";
import { createClient, testDb } from "../helpers/client.js";

const db = testDb();
const { gql } = createClient(db);
afterAll(() => db.driver.close());

/** One seeded entity of every kind. */
const ONE_OF_EACH = {
  Person: "justin-trudeau",
  Nation: "canada",
  Organization: "nato",
  Place: "baltic-region",
  Mission: "operation-reassurance",
  Event: "ottawa-conference-on-security-and-defence",
  Pledge: "nato-two-percent-target",
  Quote: "quote-step-up",
  Source: "ctv-2022-nato-defence-spending",
} as const;

describe("entities by key and by global id", () => {
  for (const [kind, key] of Object.entries(ONE_OF_EACH)) {
    it(`finds the ${kind} ${key} by key, then by its global id`, async () => {
      const byKey = await gql(
        `query ($key: String!) { entity(key: $key) { __typename id key name kind } }`,
        { key },
      );
      expect(byKey.errors).toBeUndefined();
      expect(byKey.data.entity).toMatchObject({ __typename: kind, key, kind });
      expect(byKey.data.entity.name.length).toBeGreaterThan(0);

      const id = byKey.data.entity.id;
      const byId = await gql(
        `query ($id: ID!) { node(id: $id) { __typename id ... on Entity { key } } }`,
        { id },
      );
      expect(byId.errors).toBeUndefined();
      expect(byId.data.node).toEqual({ __typename: kind, id, key });
    });
  }

  it("fetches several nodes at once, in the order asked", async () => {
    const ids = await gql(
      `{ a: entity(key: "latvia") { id } b: entity(key: "jens-stoltenberg") { id } }`,
    );
    const { data } = await gql(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Entity { key } } }`,
      {
        ids: [ids.data.b.id, ids.data.a.id],
      },
    );
    expect(data.nodes).toEqual([{ key: "jens-stoltenberg" }, { key: "latvia" }]);
  });

  it("exposes typed fields: Canada's leader, its alliance and the troops it contributes", async () => {
    const { data, errors } = await gql(`{
      entity(key: "canada") {
        ... on Nation {
          isoCode
          leaders { edges { role node { name } } }
          alliances { edges { node { key category } } }
          contributions { edges { troops additionalTroops node { key } } }
          spending { edges { value year estimated node { key value } } }
        }
      }
    }`);
    expect(errors).toBeUndefined();
    const canada = data.entity;
    expect(canada.isoCode).toBe("CAN");
    expect(canada.leaders.edges).toContainEqual({
      role: "Prime Minister",
      node: { name: "Justin Trudeau" },
    });
    expect(canada.alliances.edges).toContainEqual({ node: { key: "nato", category: "ALLIANCE" } });
    expect(canada.contributions.edges).toContainEqual({
      troops: 540,
      additionalTroops: 130,
      node: { key: "operation-reassurance" },
    });
    expect(canada.spending.edges).toContainEqual({
      value: 1.39,
      year: 2021,
      estimated: true,
      node: { key: "nato-two-percent-target", value: 2 },
    });
  });

  it("lists quotes with their speaker and the people who took part in an event", async () => {
    const { data } = await gql(`{
      stoltenberg: entity(key: "jens-stoltenberg") { ... on Person { quotes(first: 50) { totalCount edges { node { text } } } } }
      visit: entity(key: "visit-to-military-base-in-latvia") { ... on Event { date participants(first: 50) { edges { role node { key } } } } }
    }`);
    const quotes = data.stoltenberg.quotes.edges.map(
      (e: { node: { text: string } }) => e.node.text,
    );
    expect(quotes).toContain(
      "But then of course I would love to see all allies to do even more and therefore I call on all allies to step up.",
    );
    expect(data.stoltenberg.quotes.totalCount).toBe(quotes.length);
    const participants = data.visit.participants.edges.map(
      (e: { node: { key: string } }) => e.node.key,
    );
    expect(participants).toEqual(
      expect.arrayContaining(["justin-trudeau", "anita-anand", "jens-stoltenberg"]),
    );
    expect(data.visit.date).toBe("2022-03-08");
  });

  it("pages relations with cursors and counts them all", async () => {
    const first = await gql(
      `{ entity(key: "nato") { relations(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor type node { key } } } } }`,
    );
    const page1 = first.data.entity.relations;
    expect(page1.edges).toHaveLength(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.totalCount).toBeGreaterThan(3);
    const next = await gql(
      `query ($after: String) { entity(key: "nato") { relations(first: 3, after: $after) { edges { cursor type node { key } } } } }`,
      {
        after: page1.pageInfo.endCursor,
      },
    );
    const page2 = next.data.entity.relations.edges;
    expect(page2).toHaveLength(3);
    const seen = new Set(
      [...page1.edges, ...page2].map(
        (e: { type: string; node: { key: string } }) => `${e.type}:${e.node.key}`,
      ),
    );
    expect(seen.size).toBe(6);
  });

  it("lists a kind in name order with its total", async () => {
    const { data } = await gql(
      `{ nations(first: 3) { totalCount edges { node { name isoCode } } pageInfo { hasNextPage } } }`,
    );
    expect(data.nations.totalCount).toBeGreaterThanOrEqual(8);
    const names = data.nations.edges.map((e: { node: { name: string } }) => e.node.name);
    expect(names).toEqual([...names].sort());
    expect(data.nations.pageInfo.hasNextPage).toBe(true);
  });
});

describe("clear errors with stable codes", () => {
  it("rejects a malformed key with BAD_USER_INPUT", async () => {
    const r = await gql(`{ entity(key: "Justin Trudeau!") { name } }`);
    expect(r.data?.entity).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toMatch(/lowercase slug/);
  });

  it("reports an unknown key as NOT_FOUND", async () => {
    const r = await gql(`{ entity(key: "no-such-entity") { name } }`);
    expect(r.data?.entity).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(r.errors?.[0]?.message).toContain("no-such-entity");
  });

  it("rejects a malformed global id with BAD_USER_INPUT", async () => {
    const r = await gql(`{ node(id: "not-a-global-id") { id } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses another spelling of an id it gave out, naming the id to use, wherever an id is taken", async () => {
    const { data } = await gql(`{ entity(key: "canada") { id } }`);
    const id: string = data.entity.id; // base64 of "Nation:canada", padded with "=="
    expect(id.endsWith("==")).toBe(true);
    // Unpadded, and with stray bits in the last character: both decode to Nation:canada.
    const stray = `${id.slice(0, -3)}${String.fromCharCode(id.charCodeAt(id.length - 3) + 1)}==`;
    expect(Buffer.from(stray, "base64").toString()).toBe("Nation:canada");
    for (const variant of [id.replace(/=+$/, ""), stray]) {
      for (const [query, vars] of [
        ["query ($v: ID!) { node(id: $v) { id } }", { v: variant }],
        ["query ($v: [ID!]!) { nodes(ids: $v) { id } }", { v: [id, variant] }],
        ["query ($v: ID!) { neighbourhood(id: $v) { nodes { key } } }", { v: variant }],
      ] as const) {
        const r = await gql(query, vars);
        expect(r.errors?.[0]?.extensions?.code, query).toBe("BAD_USER_INPUT");
        expect(r.errors?.[0]?.message).toContain(`"${id}"`);
        expect(Object.values(r.data ?? {}).every((v) => v === null)).toBe(true);
      }
    }
    const ok = await gql("query ($v: ID!) { node(id: $v) { id } }", { v: id });
    expect(ok.data.node).toEqual({ id });
  });

  it("answers an id of another kind than its entity's NOT_FOUND, in neighbourhood as in node", async () => {
    // "Person:canada" was never given out (canada is a Nation): node(id) said NOT_FOUND, while
    // neighbourhood(id) drew canada's neighbourhood (redteam29).
    const personCanada = Buffer.from("Person:canada").toString("base64");
    for (const query of [
      "query ($v: ID!) { node(id: $v) { id } }",
      "query ($v: ID!) { neighbourhood(id: $v) { nodes { key } } }",
    ]) {
      const r = await gql(query, { v: personCanada });
      expect(r.errors?.[0]?.extensions?.code, query).toBe("NOT_FOUND");
      expect(r.errors?.[0]?.message, query).toBe('No Person has the key "canada".');
      expect(Object.values(r.data ?? {}), query).toEqual([null]);
    }
    const { data } = await gql(`{ entity(key: "canada") { id } }`);
    const ok = await gql("query ($v: ID!) { neighbourhood(id: $v, limit: 1) { nodes { key } } }", {
      v: data.entity.id,
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.neighbourhood.nodes).toEqual([{ key: "canada" }]);
  });

  it("says where each id it did not give out sits in nodes(ids:), with the field's path", async () => {
    const { data } = await gql(`{ entity(key: "canada") { id } }`);
    const r = await gql("query ($v: [ID!]!) { nodes(ids: $v) { id } }", {
      v: [data.entity.id, "bogus", data.entity.id, "x"],
    });
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0]).toMatchObject({
      path: ["nodes"],
      message: '"bogus" is not an id this API gave out. (and 1 more, in problems)',
      extensions: {
        code: "BAD_USER_INPUT",
        problems: [
          { path: ["ids", 1], message: "not a global id of this API" },
          { path: ["ids", 3], message: "not a global id of this API" },
        ],
      },
    });
    const one = await gql(`{ node(id: "bogus") { id } }`);
    expect(one.errors?.[0]).toMatchObject({
      path: ["node"],
      extensions: { code: "BAD_USER_INPUT", problems: [{ path: ["id"] }] },
    });
  });

  it("answers an id of an entity the graph does not hold with null in its place, and says which", async () => {
    const { data } = await gql(`{ entity(key: "canada") { id } }`);
    // A well-formed id this API could give out, of a key nothing has (deleted, or never there).
    const gone = Buffer.from("Nation:atlantis").toString("base64");
    const r = await gql("query ($v: [ID!]!) { nodes(ids: $v) { ... on Nation { key } } }", {
      v: [data.entity.id, gone, data.entity.id],
    });
    expect(r.data?.nodes).toEqual([{ key: "canada" }, null, { key: "canada" }]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0]).toMatchObject({ path: ["nodes", 1], extensions: { code: "NOT_FOUND" } });
    const one = await gql("query ($v: ID!) { node(id: $v) { id } }", { v: gone });
    expect(one.data?.node).toBeNull();
    expect(one.errors?.[0]).toMatchObject({ path: ["node"], extensions: { code: "NOT_FOUND" } });
    expect(one.errors?.[0]?.message).toContain("atlantis");
  });

  it("refuses a page above the maximum instead of cutting it silently", async () => {
    const r = await gql(`{ nations(first: 1000) { edges { node { key } } } }`);
    expect(r.data?.nations).toBeNull();
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: "LIMIT_EXCEEDED", max: 100 });
  });

  it("masks nothing it should not: unknown fields get GraphQL validation errors", async () => {
    const r = await gql(`{ entity(key: "canada") { nope } }`);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.message).toMatch(/Cannot query field "nope"/);
  });
});
