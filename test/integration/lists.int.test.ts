import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestDocument } from "../../src/data/ingest.js";
import { createClient, removeByPrefix, testDb } from "../helpers/client.js";

const db = testDb();
const { gql } = createClient(db);
afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

/** Names that differ in case, so ordering by name shows whether it ignores case. */
const P = "ord-";
const NAMES = ["ordtest bravo", "Ordtest Alpha", "ORDTEST charlie", "ordtest Alpha"];
beforeAll(async () => {
  await removeByPrefix(db, P);
  const text = NAMES.map((n) => `${n} is in NATO.`).join(" ");
  await ingestDocument(
    db,
    { roundTrips: 0 },
    {
      source: { key: `${P}source`, name: "Ordering fixture", properties: { text } },
      entities: [
        { key: `${P}org`, kind: "Organization", name: "Ordtest Union" },
        ...NAMES.map((name, i) => ({ key: `${P}${i}`, kind: "Nation", name })),
      ],
      relations: NAMES.map((n, i) => ({
        from: `${P}${i}`,
        type: "MEMBER_OF",
        to: `${P}org`,
        evidence: `${n} is in NATO.`,
      })),
    },
    "fixture",
  );
});

const keys = (conn: { edges: Array<{ node: { key: string } }> }) =>
  conn.edges.map((e) => e.node.key);

describe("per-kind lists: where and orderBy", () => {
  it("filters names ignoring case: equals, startsWith, contains", async () => {
    const { data, errors } = await gql(`{
      a: nations(where: { name: { equals: "CANADA" } }) { edges { node { key } } }
      b: nations(where: { name: { startsWith: "un" } }) { edges { node { key } } }
      c: people(where: { name: { contains: "TOLT" } }) { edges { node { key } } }
    }`);
    expect(errors).toBeUndefined();
    expect(keys(data.a)).toEqual(["canada"]);
    expect(keys(data.b)).toEqual(["united-kingdom"]);
    expect(keys(data.c)).toEqual(["jens-stoltenberg"]);
  });

  it("filters kind-specific properties: isoCode, category, status", async () => {
    const { data } = await gql(`{
      n: nations(where: { isoCode: { in: ["LVA", "ESP"] } }) { edges { node { key } } }
      o: organizations(where: { category: { equals: ALLIANCE } }) { edges { node { key } } }
      m: missions(where: { status: { in: [RENEWED, ACTIVE] } }) { edges { node { key } } }
    }`);
    expect(keys(data.n)).toEqual(["latvia", "spain"]);
    expect(keys(data.o)).toEqual(["nato"]);
    expect(keys(data.m)).toEqual(["operation-reassurance"]);
  });

  it("filters dates as ranges, honouring partial dates, and orders by date", async () => {
    const { data } = await gql(`{
      march8: events(where: { date: { from: "2022-03-08", to: "2022-03-08" } }, orderBy: [{ field: DATE }]) { edges { node { key date } } }
      feb: events(where: { date: { from: "2022-02", to: "2022-02" } }) { edges { node { key } } }
      all: events(orderBy: [{ field: DATE, direction: DESC }], first: 3) { edges { node { date } } }
    }`);
    // "2022-03" (a partial date) overlaps 8 March, so the conference and Freeland's trip match too.
    const march8 = keys(data.march8);
    expect(march8).toContain("visit-to-military-base-in-latvia");
    expect(march8).toContain("ottawa-conference-on-security-and-defence");
    expect(march8).not.toContain("russian-invasion-of-ukraine");
    expect(keys(data.feb)).toEqual(["russian-invasion-of-ukraine"]);
    const dates = data.all.edges.map((e: { node: { date: string } }) => e.node.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("filters by relations: nations in NATO, people who lead a nation, nations hosting nothing", async () => {
    const { data, errors } = await gql(`{
      inNato: nations(where: { related: [{ type: MEMBER_OF, to: ["nato"] }] }, first: 50) { totalCount edges { node { key } } }
      leaders: people(where: { related: [{ type: LEADS, kind: Nation }] }) { edges { node { key } } }
      notInNato: nations(where: { related: [{ type: MEMBER_OF, to: ["nato"], none: true }] }) { edges { node { key } } }
    }`);
    expect(errors).toBeUndefined();
    expect(keys(data.inNato)).toContain("canada");
    expect(keys(data.inNato)).not.toContain("russia");
    expect(data.inNato.totalCount).toBe(data.inNato.edges.length);
    expect(keys(data.leaders).sort()).toEqual(["boris-johnson", "justin-trudeau"]);
    expect(keys(data.notInNato)).toEqual(expect.arrayContaining(["russia", "ukraine"]));
  });

  it("combines conditions with AND, OR and NOT", async () => {
    const { data } = await gql(`{
      nations(where: {
        OR: [{ name: { startsWith: "lat" } }, { isoCode: { equals: "CAN" } }, { name: { equals: "russia" } }]
        NOT: { related: [{ type: INVADED }] }
      }) { edges { node { key } } }
    }`);
    expect(keys(data.nations)).toEqual(["canada", "latvia"]);
  });

  it("means the same by an empty list in every filter: a list of values picks nothing, OR of nothing is false, AND of nothing true", async () => {
    const { data, errors } = await gql(`{
      all: nations { totalCount }
      orNone: nations(where: { OR: [] }) { totalCount }
      andNone: nations(where: { AND: [] }) { totalCount }
      relatedNone: nations(where: { related: [] }) { totalCount }
      empty: nations(where: {}) { totalCount }
      notEmpty: nations(where: { NOT: {} }) { totalCount }
      notOrNone: nations(where: { NOT: { OR: [] } }) { totalCount }
      inNone: nations(where: { name: { in: [] } }) { totalCount }
      keyInNone: nations(where: { key: { in: [] } }) { totalCount }
      enumInNone: missions(where: { status: { in: [] } }) { totalCount }
      toNone: nations(where: { related: [{ type: MEMBER_OF, to: [] }] }) { totalCount }
      toNoneNot: nations(where: { related: [{ type: MEMBER_OF, to: [], none: true }] }) { totalCount }
      orNoneWithName: nations(where: { name: { startsWith: "lat" }, OR: [] }) { totalCount edges { node { key } } }
      orOne: nations(where: { OR: [{ name: { equals: "latvia" } }] }) { totalCount }
      latvia: entity(key: "latvia") {
        every: relations { totalCount }
        none: relations(types: []) { totalCount edges { type } }
        noneUncounted: relations(types: [], first: 5) { edges { type } pageInfo { hasNextPage } }
      }
      searchAll: search(query: "nato") { totalCount }
      searchNone: search(query: "nato", kinds: []) { totalCount edges { node { key } } }
      around: neighbourhood(key: "latvia") { nodes { key } }
      aroundNone: neighbourhood(key: "latvia", types: []) { nodes { key } edges { type } }
      path: path(from: "justin-trudeau", to: "latvia") { length }
      pathNone: path(from: "justin-trudeau", to: "latvia", types: []) { length }
      pathsNone: paths(from: "justin-trudeau", to: "latvia", types: []) { length }
    }`);
    expect(errors).toBeUndefined();
    const all = data.all.totalCount;
    expect(all).toBeGreaterThan(0);
    const counts = Object.fromEntries(
      Object.entries(data as Record<string, { totalCount?: number }>)
        .filter(([, v]) => v && typeof v.totalCount === "number")
        .map(([k, v]) => [k, v.totalCount]),
    );
    expect(counts).toEqual({
      all,
      orNone: 0,
      andNone: all,
      relatedNone: all,
      empty: all,
      notEmpty: 0,
      notOrNone: all,
      inNone: 0,
      keyInNone: 0,
      enumInNone: 0,
      toNone: 0,
      toNoneNot: all,
      orNoneWithName: 0,
      orOne: 1,
      searchAll: data.searchAll.totalCount,
      searchNone: 0,
    });
    expect(data.searchAll.totalCount).toBeGreaterThan(0);
    expect(data.orNoneWithName.edges).toEqual([]);
    expect(data.latvia.every.totalCount).toBeGreaterThan(0);
    expect(data.latvia.none).toEqual({ totalCount: 0, edges: [] });
    expect(data.latvia.noneUncounted).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
    expect(data.searchNone.edges).toEqual([]);
    expect(data.around.nodes.length).toBeGreaterThan(1);
    expect(data.aroundNone).toEqual({ nodes: [{ key: "latvia" }], edges: [] });
    expect(data.path).not.toBeNull();
    expect(data.pathNone).toBeNull();
    expect(data.pathsNone).toEqual([]);
    // The ends are still looked up: an unknown one is NOT_FOUND, not "no path".
    const unknown = await gql(
      `{ path(from: "justin-trudeau", to: "no-such-key", types: []) { length } }`,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("counts all matches even when the page itself is empty", async () => {
    const all = await gql(`{ nations { totalCount } }`);
    const total = all.data.nations.totalCount;
    expect(total).toBeGreaterThan(2);
    // The cursor of the last nation: after it, an empty page, still counted.
    const everyOne = await gql(`{ nations(first: 100) { pageInfo { endCursor } } }`);
    const beyond = await gql(
      `query ($after: String) {
      nations(first: 2, after: $after) { totalCount edges { node { key } } pageInfo { hasNextPage } } }`,
      { after: everyOne.data.nations.pageInfo.endCursor },
    );
    expect(beyond.errors).toBeUndefined();
    expect(beyond.data.nations).toEqual({
      totalCount: total,
      edges: [],
      pageInfo: { hasNextPage: false },
    });
    const none = await gql(
      `{ nations(where: { name: { startsWith: "zzz" } }) { totalCount edges { node { key } } } }`,
    );
    expect(none.data.nations).toEqual({ totalCount: 0, edges: [] });
  });

  it("orders by name ignoring case, then by the exact name, in lists and in relation pages", async () => {
    const { data, errors } = await gql(`{
      asc: nations(where: { name: { startsWith: "ORDTEST" } }) { edges { node { name } } }
      desc: nations(where: { name: { startsWith: "ordtest" } }, orderBy: [{ field: NAME, direction: DESC }], first: 3) {
        totalCount edges { node { name } } pageInfo { hasNextPage }
      }
      org: entity(key: "${P}org") { ... on Organization { members { edges { node { name } } } } }
    }`);
    expect(errors).toBeUndefined();
    const names = (c: { edges: Array<{ node: { name: string } }> }) =>
      c.edges.map((e) => e.node.name);
    // Case-sensitive order would put "ORDTEST charlie" first (upper case sorts before lower).
    const expected = ["Ordtest Alpha", "ordtest Alpha", "ordtest bravo", "ORDTEST charlie"];
    expect(names(data.asc)).toEqual(expected);
    expect(names(data.desc)).toEqual([...expected].reverse().slice(0, 3));
    expect(data.desc.totalCount).toBe(4);
    expect(data.desc.pageInfo.hasNextPage).toBe(true);
    expect(names(data.org.members)).toEqual(expected);
  });

  it("rejects filters on unknown values with BAD_USER_INPUT", async () => {
    const r = await gql(
      `{ events(where: { date: { from: "March 2022" } }) { edges { node { key } } } }`,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toMatch(/date\.from.*YYYY/);
  });

  it("refuses a day its month does not have, in a filter and in asOf; a leap day is a day", async () => {
    for (const day of ["2022-02-30", "2023-02-29", "2024-04-31"]) {
      const filter = await gql(
        `query ($d: String) { events(where: { date: { to: $d } }) { totalCount } }`,
        { d: day },
      );
      expect(filter.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(filter.errors?.[0]?.message).toMatch(/date\.to.*a day its month has/);
      const asOf = await gql(
        `query ($d: String) { entity(key: "canada") { relations(asOf: $d) { totalCount } } }`,
        { d: day },
      );
      expect(asOf.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    const leap = await gql(`{ events(where: { date: { to: "2024-02-29" } }) { totalCount } }`);
    expect(leap.errors).toBeUndefined();
  });
});
