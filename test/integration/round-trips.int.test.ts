import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { ingestDocument } from "../../src/data/ingest.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { createClient, type GqlResult, removeByPrefix, testDb } from "../helpers/client.js";

const db = testDb();
// These operations are deliberately huge (100 nations, each with nested pages): lift the cost
// limit, which is not what this file tests.
const writer = generateToken();
const { gql } = createClient(db, {
  limits: { ...DEFAULT_LIMITS, maxCost: 100_000_000 },
  tokens: [{ name: "round-trips", sha256: writer.sha256, scopes: ["read", "write"] }],
});
const EXTRA = 800;
const PREFIX = "rt-";

/** A document with 800 more nations, each led by a person and a member of NATO. */
function manyNations() {
  const lines = Array.from(
    { length: EXTRA },
    (_, i) => `Nation ${i} is led by Leader ${i} and is a member of NATO.`,
  );
  return {
    source: {
      key: `${PREFIX}source`,
      name: "Round-trip fixture",
      properties: { text: lines.join("\n") },
    },
    entities: Array.from({ length: EXTRA }, (_, i) => [
      {
        key: `${PREFIX}nation-${i}`,
        kind: "Nation",
        name: `Round-trip Nation ${String(i).padStart(3, "0")}`,
      },
      { key: `${PREFIX}leader-${i}`, kind: "Person", name: `Round-trip Leader ${i}` },
    ]).flat(),
    relations: Array.from({ length: EXTRA }, (_, i) => [
      {
        from: `${PREFIX}leader-${i}`,
        type: "LEADS",
        to: `${PREFIX}nation-${i}`,
        properties: { role: "President" },
        evidence: lines[i],
      },
      { from: `${PREFIX}nation-${i}`, type: "MEMBER_OF", to: "nato", evidence: lines[i] },
    ]).flat(),
  };
}

async function cleanUp() {
  await removeByPrefix(db, PREFIX);
}

/** Every nation with its leaders (and their quotes), alliances (and their members) and relations, all with evidence. */
const DEEP = `query ($after: String) {
  nations(first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      key
      leaders { totalCount edges { role evidence { excerpt source { title } } node { name quotes { edges { node { text } } } } } }
      alliances { edges { node { name members(first: 5) { totalCount edges { node { key } } } } } }
      relations(first: 5) { edges { type node { key } evidence { excerpt source { key } } } }
    } }
  }
}`;

interface NationsPage {
  nations: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
}

async function pages() {
  const out: { nations: number; roundTrips: number }[] = [];
  let after: string | null = null;
  do {
    const r: GqlResult<NationsPage> = await gql<NationsPage>(DEEP, { after });
    expect(r.errors).toBeUndefined();
    const nations = (r.data as NationsPage).nations;
    out.push({ nations: nations.edges.length, roundTrips: Number(r.extensions?.cypherRoundTrips) });
    after = nations.pageInfo.hasNextPage ? nations.pageInfo.endCursor : null;
  } while (after);
  return out;
}

/** A deep operation mixing every kind of read, with page size $n throughout. */
const MIXED = `query ($n: Int) {
  search(query: "nation", first: $n) { totalCount edges { score snippet node { key ... on Nation { alliances(first: $n) { edges { node { key } } } } } } }
  nations(first: $n, where: { OR: [{ name: { contains: "a" } }, { related: [{ type: MEMBER_OF, to: ["nato"] }] }] }, orderBy: [{ field: NAME }]) {
    totalCount
    edges { node {
      leaders(first: $n, asOf: "2022") { edges { role node { quotes(first: $n) { totalCount edges { node { text saidAt { edges { node { date } } } } } } } } }
      relations(first: $n, types: [MEMBER_OF, LEADS, CONTRIBUTES_TO]) { totalCount edges { type evidence { excerpt source { title } } node { key } } }
    } }
  }
  timeline(entity: "justin-trudeau", first: $n) { edges { date event { participants(first: $n) { edges { node { key } } } } } }
  paths(from: "justin-trudeau", to: "latvia", first: 3) { steps { relation { type evidence { excerpt } } } }
  neighbourhood(key: "nato", depth: 2, limit: 50) { nodes { key } edges { id } }
}`;

async function mixedRoundTrips(n: number): Promise<number> {
  const r = await gql(MIXED, { n });
  expect(r.errors).toBeUndefined();
  return Number(r.extensions?.cypherRoundTrips);
}

beforeAll(cleanUp);
afterAll(async () => {
  await cleanUp();
  await db.driver.close();
});

describe("lookahead", () => {
  it("reads an entity with its selected relations, three levels down, in one query", async () => {
    const lookup = await gql(`{ entity(key: "canada") { key ... on Nation {
      alliances(first: 10) { totalCount edges { node { key members(first: 3) { edges { node { key leaders { edges { role node { key } } } } } } } } } } } }`);
    expect(lookup.errors).toBeUndefined();
    expect(lookup.extensions?.cypherRoundTrips).toBe(1);
    const nato = lookup.data.entity.alliances.edges.find(
      (e: { node: { key: string } }) => e.node.key === "nato",
    );
    expect(lookup.data.entity.alliances.totalCount).toBeGreaterThan(0);
    expect(nato.node.members.edges.length).toBe(3);

    const nesting =
      await gql(`{ organizations(where: { category: { equals: ALLIANCE } }, first: 10) {
      totalCount edges { node { key
        members(first: 10) { edges { node { key
          leaders(first: 10) { edges { role node { key quotes(first: 5) { edges { node { text } } } } } } } } } } } } }`);
    expect(nesting.errors).toBeUndefined();
    expect(nesting.extensions?.cypherRoundTrips).toBe(1);
    const members = nesting.data.organizations.edges.flatMap(
      (e: { node: { members: { edges: { node: { key: string } }[] } } }) =>
        e.node.members.edges.map((m) => m.node.key),
    );
    expect(members).toContain("canada");
  });

  it("reads the same relations ahead as through the batched loaders", async () => {
    // Under a search hit nothing is read ahead: the loaders answer the same selection.
    const selection = `key ... on Nation {
      alliances(first: 5) { totalCount pageInfo { hasNextPage } edges { role inferred evidence { excerpt source { key } } node { key name aliases description ... on Organization { category } } } }
      leaders { edges { role since properties updatedBy node { key updatedAt } } }
      relations(first: 3, types: [MEMBER_OF]) { edges { type direction from { key } node { __typename key } } } }`;
    const ahead = await gql(`{ entity(key: "canada") { ${selection} } }`);
    const loaded = await gql(
      `{ search(query: "Canada", kinds: [Nation], first: 1) { edges { node { ${selection} } } } }`,
    );
    expect(ahead.errors).toBeUndefined();
    expect(loaded.errors).toBeUndefined();
    // The entity with its relations; then the evidence sources (Source loader) and the
    // relations' from ends (Entity loader), one query each.
    expect(ahead.extensions?.cypherRoundTrips).toBe(3);
    expect(loaded.extensions?.cypherRoundTrips).toBeGreaterThan(3);
    expect(loaded.data.search.edges[0].node).toEqual(ahead.data.entity);
  });

  it("hands every page read ahead to its field, whatever aliases the selection gives edges and nodes", async () => {
    // The same nested field reached two ways (aliased and not): both are answered by the one query.
    const members = "members(first: 3) { totalCount edges { node { key } } }";
    const result = await gql(`{ canada: entity(key: "canada") { ... on Nation {
      a: alliances(first: 10) {
        e: edges { n: node { key ${members} } }
        edges { node { key ${members} } } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.extensions?.cypherRoundTrips).toBe(1);
    const { e, edges } = result.data.canada.a;
    expect(e.length).toBeGreaterThan(0);
    expect(e.map((x: { n: unknown }) => x.n)).toEqual(edges.map((x: { node: unknown }) => x.node));
    const nato = edges.find((x: { node: { key: string } }) => x.node.key === "nato");
    expect(nato.node.members.edges).toHaveLength(3);
    expect(nato.node.members.totalCount).toBeGreaterThan(3);
  });

  it("a page read by a loader brings the pages planned under its nodes along, in the same query", async () => {
    // Under a search hit nothing is read ahead: the alliances' loader reads them, with their
    // members, in one query.
    const result = await gql(`{ search(query: "Canada", kinds: [Nation], first: 1) { edges { node {
      ... on Nation { alliances(first: 5) { edges { node { key members(first: 2) { edges { node { key } } } } } } } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.extensions?.cypherRoundTrips).toBe(2);
    const alliances = result.data.search.edges[0].node.alliances.edges;
    expect(alliances.length).toBeGreaterThan(0);
    for (const a of alliances) expect(a.node.members.edges.length).toBeGreaterThan(0);
  });
});

describe("batching", () => {
  it("issues as many Cypher round trips for 808 nations as for 8: the count follows the query's shape", async () => {
    const small = await pages();
    expect(small).toHaveLength(1);
    expect(small[0]?.nations).toBe(8);
    const perPage = small[0]?.roundTrips ?? 0;
    // The nations with their leaders, quotes, alliances, members and relations in one query;
    // the evidence sources (Source.title) in a second.
    expect(perPage).toBe(2);

    await ingestDocument(db, { roundTrips: 0 }, manyNations());
    const large = await pages();
    expect(large.reduce((n, p) => n + p.nations, 0)).toBe(8 + EXTRA);
    expect(large.length).toBe(9);
    for (const page of large) expect(page.roundTrips).toBe(perPage);
  }, 120_000);

  it("a deep operation mixing search, filters, asOf, timeline, paths and neighbourhood costs the same at any page size or graph size", async () => {
    await cleanUp();
    const small = [await mixedRoundTrips(2), await mixedRoundTrips(50)];
    await ingestDocument(db, { roundTrips: 0 }, manyNations());
    const large = [await mixedRoundTrips(2), await mixedRoundTrips(50)];
    expect(small[0]).toBeGreaterThan(0);
    expect([...small, ...large]).toEqual([small[0], small[0], small[0], small[0]]);
  }, 120_000);
});

describe("writes", () => {
  /** A document of `kinds` kinds and `types` relation types: a mission with its people and places. */
  function varied(name: string, wide: boolean) {
    const k = (x: string) => `${PREFIX}${name}-${x}`;
    const text = "A sentence that states every relation of this fixture.";
    const entities = [
      { key: k("nation"), kind: "Nation", name: `${name} Nation` },
      { key: k("other"), kind: "Nation", name: `${name} Other` },
      ...(wide
        ? [
            { key: k("person"), kind: "Person", name: `${name} Person` },
            { key: k("mission"), kind: "Mission", name: `Operation ${name}` },
            { key: k("place"), kind: "Place", name: `${name} Base` },
            { key: k("event"), kind: "Event", name: `${name} Summit` },
          ]
        : []),
    ];
    const rel = (from: string, type: string, to: string) => ({
      from: from === "nato" ? from : k(from),
      type,
      to: to === "nato" ? to : k(to),
      evidence: text,
    });
    const relations = wide
      ? [
          rel("person", "LEADS", "nation"),
          rel("nation", "MEMBER_OF", "nato"),
          rel("nation", "CONTRIBUTES_TO", "mission"),
          rel("other", "HOSTS", "mission"),
          rel("mission", "DEPLOYED_TO", "place"),
          rel("place", "PART_OF", "other"),
          rel("person", "PARTICIPATED_IN", "event"),
          rel("other", "HOSTS", "event"),
        ]
      : [rel("nation", "MEMBER_OF", "nato"), rel("other", "MEMBER_OF", "nato")];
    return {
      source: { key: k("source"), name: `${name} source`, properties: { text } },
      entities,
      relations,
    };
  }

  async function ingestRoundTrips(document: unknown): Promise<number> {
    const r = await gql(
      `mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }`,
      { d: document },
      `Bearer ${writer.token}`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
    return Number(r.extensions?.cypherRoundTrips);
  }

  it("ingestDocument costs as many round trips for six kinds and seven relation types as for one of each", async () => {
    const narrow = await ingestRoundTrips(varied("narrow", false));
    const wide = await ingestRoundTrips(varied("wide", true));
    expect(narrow).toBeGreaterThan(0);
    expect(wide).toBe(narrow);
    // Again, where everything exists: the upserts, not the creations, and still the same count.
    const narrowAgain = await ingestRoundTrips(varied("narrow", false));
    const wideAgain = await ingestRoundTrips(varied("wide", true));
    expect(wideAgain).toBe(narrowAgain);
    // Every relation arrived with its own type, though one statement wrote them all.
    const graph = await gql(`{ entity(key: "${PREFIX}wide-mission") { ... on Mission {
      relations(first: 10) { edges { type node { key } } } } } }`);
    expect(graph.errors).toBeUndefined();
    expect(graph.data.entity.relations.edges.map((e: { type: string }) => e.type).sort()).toEqual([
      "CONTRIBUTES_TO",
      "DEPLOYED_TO",
      "HOSTS",
    ]);
  });
});
