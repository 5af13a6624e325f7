/**
 * Claims and evidence a page at a time: an entity and a relation stated by many sources, read as
 * connections (Entity.claimsConnection, claimsConnection and evidenceConnection on a relation),
 * with the paging arguments, cursors and limits of every other list, in one round trip.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { createClient, testDb } from "../helpers/client.js";

const db = testDb();
const admin = generateToken();
const { gql } = createClient(db, {
  tokens: [{ name: "claim-pages-test", sha256: admin.sha256, scopes: ["admin"] }],
});
const auth = `Bearer ${admin.token}`;

const SOURCES = 7;
const sourceKey = (i: number) => `claim-pages-source-${i}`;
/** Source i, published on day i + 1 of March 2030, states its own description and troop figure. */
function doc(i: number) {
  const sentence = `The Guild sent ${100 + i} people to the Watch.`;
  return {
    source: {
      key: sourceKey(i),
      name: `Claim pages report ${i}`,
      properties: {
        title: `Claim pages report ${i}`,
        publisher: "Claim pages test",
        publishedAt: `2030-03-${String(i + 1).padStart(2, "0")}`,
        text: sentence,
      },
    },
    entities: [
      {
        key: "claim-pages-guild",
        kind: "Organization",
        name: "Claim Pages Guild",
        description: `Version ${i}`,
      },
      { key: "claim-pages-watch", kind: "Mission", name: "Claim Pages Watch" },
    ],
    relations: [
      {
        type: "CONTRIBUTES_TO",
        from: "claim-pages-guild",
        to: "claim-pages-watch",
        properties: { troops: 100 + i },
        evidence: sentence,
      },
    ],
  };
}

async function clean() {
  for (const key of [
    ...Array.from({ length: SOURCES }, (_, i) => sourceKey(i)),
    "claim-pages-guild",
    "claim-pages-watch",
  ])
    await gql("mutation ($k: String!) { deleteEntity(key: $k) { __typename } }", { k: key }, auth);
}

beforeAll(async () => {
  await clean();
  for (let i = 0; i < SOURCES; i++) {
    const r = await gql(
      "mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }",
      { d: doc(i) },
      auth,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.ingestDocument).toEqual({ __typename: "IngestDocumentSuccess" });
  }
});
afterAll(async () => {
  await clean();
  await db.driver.close();
});

const PAGE = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";
type Page = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: { source: { key: string } | null; values: object } }>;
};

async function entityClaims(args: string, vars: Record<string, string | null> = {}) {
  const declared = Object.keys(vars)
    .map((name) => `$${name}: String`)
    .join(", ");
  return gql(
    `query ${declared ? `(${declared})` : ""} { entity(key: "claim-pages-guild") {
       claimsConnection(${args}) { ${PAGE} edges { cursor node { source { key } values rank } } } } }`,
    vars,
  );
}

const sourcesOf = (page: Page) => page.edges.map((e) => e.node.source?.key);

describe("an entity's claims, a page at a time", () => {
  it("pages forwards through every source's claim, oldest first, with no more round trips than the list", async () => {
    const list = await gql(
      `{ entity(key: "claim-pages-guild") { claims { source { key } values rank } } }`,
    );
    expect(list.errors).toBeUndefined();
    const seen: (string | undefined)[] = [];
    let after: string | null = null;
    for (;;) {
      const r = await entityClaims("first: 3, after: $after", { after });
      expect(r.errors).toBeUndefined();
      // The entity, then every claim's source in one batch: as for the plain list.
      expect(r.extensions?.cypherRoundTrips).toBe(list.extensions?.cypherRoundTrips);
      const page = (r.data as { entity: { claimsConnection: Page } }).entity.claimsConnection;
      expect(page.totalCount).toBe(SOURCES);
      seen.push(...sourcesOf(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(Array.from({ length: SOURCES }, (_, i) => sourceKey(i)));
  });

  it("gives the newest claims with last alone, and pages back from them with before", async () => {
    const r = await entityClaims("last: 2");
    expect(r.errors).toBeUndefined();
    const page = (r.data as { entity: { claimsConnection: Page } }).entity.claimsConnection;
    expect(sourcesOf(page)).toEqual([sourceKey(5), sourceKey(6)]);
    expect(page.edges[1]?.node.values).toEqual({
      description: "Version 6",
      name: "Claim Pages Guild",
    });
    expect(page.pageInfo.hasPreviousPage).toBe(true);
    const back = await entityClaims("last: 2, before: $before", {
      before: page.edges[0]?.cursor ?? null,
    });
    expect(back.errors).toBeUndefined();
    const earlier = (back.data as { entity: { claimsConnection: Page } }).entity.claimsConnection;
    expect(sourcesOf(earlier)).toEqual([sourceKey(3), sourceKey(4)]);
  });

  it("answers a page larger than the limit, a negative size and a foreign cursor with clear errors", async () => {
    const big = await entityClaims("first: 101");
    expect(big.errors?.[0]?.extensions?.code).toBe("LIMIT_EXCEEDED");
    expect(big.errors?.[0]?.message).toMatch(/at most 100/);
    const negative = await entityClaims("first: -1");
    expect(negative.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const garbage = await entityClaims("first: 2, after: $after", { after: "not-a-cursor" });
    expect(garbage.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    // A cursor of the relation's evidence is not one of the entity's claims.
    const other = await gql(
      `{ entity(key: "claim-pages-guild") { relations(types: [CONTRIBUTES_TO]) { edges {
         evidenceConnection(first: 1) { edges { cursor } } } } } }`,
    );
    const cursor = (
      other.data as {
        entity: {
          relations: { edges: Array<{ evidenceConnection: { edges: { cursor: string }[] } }> };
        };
      }
    ).entity.relations.edges[0]?.evidenceConnection.edges[0]?.cursor;
    const foreign = await entityClaims("first: 2, after: $after", { after: cursor ?? null });
    expect(foreign.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(foreign.errors?.[0]?.message).toMatch(/cursor of another list/);
  });
});

describe("a cursor of the claims of one kind of record is refused by the other's", () => {
  it("refuses a relation's claims cursor on the entity's claims, and the entity's on the relation's", async () => {
    // Entity.claimsConnection and Relation.claimsConnection are two lists with one field name and
    // no arguments but paging: a cursor of one used to page the other (redteam29).
    const r = await gql(
      `{ entity(key: "claim-pages-guild") { claimsConnection(first: 3) { edges { cursor } }
         relations(types: [CONTRIBUTES_TO]) { edges { claimsConnection(first: 3) { edges { cursor } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const data = r.data as {
      entity: {
        claimsConnection: { edges: { cursor: string }[] };
        relations: { edges: Array<{ claimsConnection: { edges: { cursor: string }[] } }> };
      };
    };
    const entityCursor = data.entity.claimsConnection.edges[2]?.cursor ?? null;
    const relationCursor =
      data.entity.relations.edges[0]?.claimsConnection.edges[2]?.cursor ?? null;
    expect(entityCursor).not.toBeNull();
    expect(relationCursor).not.toBeNull();

    const onEntity = await entityClaims("first: 2, after: $after", { after: relationCursor });
    expect(onEntity.data).toEqual({ entity: null });
    expect(onEntity.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(onEntity.errors?.[0]?.message).toMatch(/cursor of another list/);

    const onRelation = await gql(
      `query ($after: String) { entity(key: "claim-pages-guild") { relations(types: [CONTRIBUTES_TO]) {
         edges { claimsConnection(first: 2, after: $after) { edges { node { at } } } } } } }`,
      { after: entityCursor },
    );
    expect(onRelation.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(onRelation.errors?.[0]?.message).toMatch(/cursor of another list/);
    expect(onRelation.errors?.[0]?.path).toEqual([
      "entity",
      "relations",
      "edges",
      0,
      "claimsConnection",
    ]);
  });
});

describe("a relation's evidence and claims, a page at a time", () => {
  it("pages the evidence and gives each source's figure, newest last, with no extra round trip", async () => {
    const plain = await gql(
      `{ entity(key: "claim-pages-guild") { relations(types: [CONTRIBUTES_TO], direction: OUT) { edges {
         node { key } troops sourceCount evidence { source { key } excerpt }
         claims { source { key } values at } } } } }`,
    );
    expect(plain.errors).toBeUndefined();
    const r = await gql(
      `{ entity(key: "claim-pages-guild") { relations(types: [CONTRIBUTES_TO], direction: OUT) { edges {
         node { key } troops sourceCount
         evidenceConnection(first: 4) { ${PAGE} edges { node { source { key } excerpt } } }
         claimsConnection(last: 1) { totalCount edges { node { source { key } values at } } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.extensions?.cypherRoundTrips).toBe(plain.extensions?.cypherRoundTrips);
    const edge = (
      r.data as {
        entity: {
          relations: {
            edges: Array<{
              node: { key: string };
              troops: number;
              sourceCount: number;
              evidenceConnection: Page & { edges: Array<{ node: { excerpt: string } }> };
              claimsConnection: Page & { edges: Array<{ node: { at: string } }> };
            }>;
          };
        };
      }
    ).entity.relations.edges[0];
    expect(edge?.node.key).toBe("claim-pages-watch");
    expect(edge?.troops).toBe(100 + SOURCES - 1);
    expect(edge?.sourceCount).toBe(SOURCES);
    expect(edge?.evidenceConnection.totalCount).toBe(SOURCES);
    expect(edge?.evidenceConnection.edges).toHaveLength(4);
    expect(edge?.evidenceConnection.pageInfo.hasNextPage).toBe(true);
    expect(edge?.evidenceConnection.edges[0]?.node.excerpt).toBe(
      "The Guild sent 100 people to the Watch.",
    );
    expect(edge?.claimsConnection.totalCount).toBe(SOURCES);
    expect(edge?.claimsConnection.edges.map((e) => e.node)).toEqual([
      { source: { key: sourceKey(6) }, values: { troops: 106 }, at: "2030-03-07" },
    ]);
  });
});
