/**
 * Cursors page only the list that gave them out (issue: loose cursor parsing). A cursor is
 * accepted exactly as the API gave it; anything else (garbage, other base64, a re-encoded or
 * truncated cursor, one from another field or from the same field with another where, orderBy
 * or types) is BAD_USER_INPUT with a message saying so, never a page from the start or
 * somewhere else, and never an internal error.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestDocument } from "../../src/data/ingest.js";
import { createClient, type GqlResult, removeByPrefix, testDb } from "../helpers/client.js";

const db = testDb();
const { gql } = createClient(db);
afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

/** Events with and without a date (and two on one date), to order and page by date. */
const P = "curs-";
const DATES: Record<string, string | null> = {
  a: "2021",
  b: null,
  c: "2022-03-08",
  d: "2022-03",
  e: null,
  f: "2022-03-08",
  g: "2019-11-02",
  h: null,
};
beforeAll(async () => {
  await removeByPrefix(db, P);
  const names = Object.keys(DATES).map((k) => `Cursor event ${k}`);
  await ingestDocument(
    db,
    { roundTrips: 0 },
    {
      source: {
        key: `${P}source`,
        name: "Paging fixture",
        properties: { text: names.join(". ") },
      },
      entities: Object.entries(DATES).map(([k, date]) => ({
        key: `${P}${k}`,
        kind: "Event",
        name: `Cursor event ${k}`,
        ...(date ? { properties: { date } } : {}),
      })),
      relations: [],
    },
    "fixture",
  );
});

const b64 = (s: string) => Buffer.from(s).toString("base64");

const NATIONS = `query ($after: String, $before: String, $where: NationWhere, $orderBy: [NationOrder!]) {
  nations(first: 2, after: $after, before: $before, where: $where, orderBy: $orderBy) {
    edges { cursor node { key } } pageInfo { endCursor }
  }
}`;

/** The second page's first key when paging after `cursor`, or the error's code and message. */
async function pageAfter(cursor: string, variables: Record<string, unknown> = {}) {
  const r = await gql(NATIONS, { after: cursor, ...variables });
  if (r.errors) {
    const e = r.errors[0];
    return { code: e?.extensions?.code, message: e?.message, data: r.data?.nations ?? null };
  }
  return { keys: r.data.nations.edges.map((e: { node: { key: string } }) => e.node.key) };
}

describe("cursors", () => {
  it("a cursor the list gave out pages on from it; the same cursor again gives the same page", async () => {
    const first = await gql(NATIONS, {});
    expect(first.errors).toBeUndefined();
    const cursor = first.data.nations.pageInfo.endCursor;
    const second = await pageAfter(cursor);
    expect(second.keys).toHaveLength(2);
    expect(second.keys).not.toContain(first.data.nations.edges[0].node.key);
    expect(await pageAfter(cursor)).toEqual(second);
    const back = await gql(NATIONS, { before: cursor });
    expect(back.errors).toBeUndefined();
    expect(back.data.nations.edges.map((e: { node: { key: string } }) => e.node.key)).toEqual([
      first.data.nations.edges[0].node.key,
    ]);
  });

  it("refuses what the API did not give out: garbage, other base64, altered or re-encoded cursors", async () => {
    const first = await gql(NATIONS, {});
    const cursor: string = first.data.nations.pageInfo.endCursor;
    const text = Buffer.from(cursor, "base64").toString();
    const urlSafe = Buffer.from(`${text}??>`).toString("base64url");
    const bad = [
      "garbage!!",
      "",
      b64("OffsetConnection:2"),
      b64("OffsetConnection:2abc"),
      b64("OffsetConnection:-0"),
      b64('{"offset":2}'),
      b64(`${text}abc`),
      b64(`${text}.5`),
      b64(`${text.replace(/\.(\d+)$/, ".0$1")}`),
      b64(`${text.replace(/\.(\d+)$/, ".+$1")}`),
      b64(`${text.replace(/\.(\d+)$/, ".99999999")}`),
      cursor.slice(0, -4),
      `${cursor}==`,
      ` ${cursor}`,
      cursor.replace(/=+$/, ""),
      urlSafe,
      `${cursor.slice(0, 8)}\u0000${cursor.slice(8)}`,
    ];
    for (const c of bad) {
      const r = await pageAfter(c);
      expect(r, JSON.stringify(c)).toEqual({
        code: "BAD_USER_INPUT",
        message:
          '"after" is not a cursor this API gave out: pass a cursor from this list\'s edges or pageInfo, unchanged.',
        data: null,
      });
    }
  });

  it("refuses a cursor of another list: another field, or the same field with another where, orderBy or types", async () => {
    const first = await gql(NATIONS, {});
    const nations: string = first.data.nations.pageInfo.endCursor;
    const other = await gql(`{
      people(first: 2) { pageInfo { endCursor } }
      search(query: "nato", first: 2) { pageInfo { endCursor } }
      entity(key: "canada") {
        relations(first: 2) { pageInfo { endCursor } }
        leaders: relations(first: 2, types: [LEADS]) { pageInfo { endCursor } }
      }
      timeline(entity: "canada", first: 2) { pageInfo { endCursor } }
    }`);
    expect(other.errors).toBeUndefined();
    const d = other.data;
    const message =
      '"after" is a cursor of another list (another field, or other arguments: where, orderBy, types...): a cursor pages only the list that gave it out.';
    const refused = { code: "BAD_USER_INPUT", message, data: null };
    for (const c of [
      d.people.pageInfo.endCursor,
      d.search.pageInfo.endCursor,
      d.entity.relations.pageInfo.endCursor,
      d.timeline.pageInfo.endCursor,
    ]) {
      expect(await pageAfter(c)).toEqual(refused);
    }
    expect(await pageAfter(nations, { where: { name: { startsWith: "l" } } })).toEqual(refused);
    expect(await pageAfter(nations, { orderBy: [{ field: "KEY", direction: "DESC" }] })).toEqual(
      refused,
    );
    // A relation page's cursor in a relation page with other types.
    const rel = await gql(
      `query ($a: String) { entity(key: "canada") { relations(first: 2, types: [LEADS], after: $a) { edges { type } } } }`,
      { a: d.entity.relations.pageInfo.endCursor },
    );
    expect(rel.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(rel.errors?.[0]?.message).toBe(message);
    // The same arguments written differently (a null or an empty filter for none) are the same list.
    for (const where of [{ name: null }, {}, null]) {
      const same = await pageAfter(nations, { where });
      expect(same.keys, JSON.stringify(where)).toHaveLength(2);
    }
    const byKey = await gql(NATIONS, { orderBy: [{ field: "KEY", direction: "DESC" }] });
    const sameOrder = await pageAfter(byKey.data.nations.pageInfo.endCursor, {
      orderBy: [{ direction: "DESC", field: "KEY" }],
    });
    expect(sameOrder.keys).toHaveLength(2);
    // The default order spelled out is the same order (it was refused as another list): a
    // cursor of either pages the other, to the same rows. Another order is still refused.
    const second = await pageAfter(nations);
    expect(second.keys).toHaveLength(2);
    for (const orderBy of [
      [{ field: "NAME" }],
      [{ field: "NAME", direction: "ASC" }],
      [{ field: "NAME" }, { field: "KEY", direction: "ASC" }],
      [{ field: "NAME" }, { field: "NAME", direction: "DESC" }],
      [],
    ]) {
      expect(await pageAfter(nations, { orderBy }), JSON.stringify(orderBy)).toEqual(second);
    }
    const byName = await gql(NATIONS, { orderBy: [{ field: "NAME" }] });
    expect(await pageAfter(byName.data.nations.pageInfo.endCursor)).toEqual(second);
    for (const orderBy of [
      [{ field: "NAME", direction: "DESC" }],
      [{ field: "NAME" }, { field: "KEY", direction: "DESC" }],
      [{ field: "KEY" }],
    ]) {
      expect(await pageAfter(nations, { orderBy }), JSON.stringify(orderBy)).toEqual(refused);
    }
    // And the same relation field with the same arguments on the entities of a list: one cursor
    // pages each entity's relations (a nested page is read for every parent in one query).
    const nested = await gql(
      `query ($a: String) { nations(first: 3) { edges { node { relations(first: 1, after: $a) { edges { type } } } } } }`,
      { a: d.entity.relations.pageInfo.endCursor },
    );
    expect(nested.errors).toBeUndefined();
  });
});

describe("ordering by a property some rows lack", () => {
  const EVENTS = `query ($first: Int, $after: String, $last: Int, $before: String, $orderBy: [EventOrder!]) {
    events(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy,
           where: { key: { startsWith: "${P}" } }) {
      edges { node { key date } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage }
    }
  }`;
  type Page = {
    edges: { node: { key: string; date: string | null } }[];
    pageInfo: {
      startCursor: string;
      endCursor: string;
      hasNextPage: boolean;
      hasPreviousPage: boolean;
    };
  };
  const page = async (variables: Record<string, unknown>): Promise<Page> => {
    const r = await gql(EVENTS, variables);
    expect(r.errors).toBeUndefined();
    return r.data.events;
  };
  const keys = (p: Page) => p.edges.map((e) => e.node.key.slice(P.length));

  it("puts rows without a value last in both directions, and pages agree with the whole list", async () => {
    for (const [direction, expected] of [
      ["ASC", ["g", "a", "d", "c", "f", "b", "e", "h"]],
      ["DESC", ["c", "f", "d", "a", "g", "b", "e", "h"]],
    ] as const) {
      const orderBy = [{ field: "DATE", direction }];
      const whole = await page({ first: 100, orderBy });
      // Ties (c and f on one day; the undated) fall back to the key, ascending.
      expect(keys(whole), direction).toEqual(expected);
      // Forwards, two at a time.
      const forwards: string[] = [];
      let after: string | null = null;
      for (;;) {
        const p = await page({ first: 2, after, orderBy });
        forwards.push(...keys(p));
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor;
      }
      expect(forwards, direction).toEqual(expected);
      // Backwards from the end, three at a time.
      const backwards: string[] = [];
      let before: string | null = null;
      let last = await page({ last: 3, orderBy, first: 100 });
      for (;;) {
        backwards.unshift(...keys(last));
        if (!last.pageInfo.hasPreviousPage) break;
        before = last.pageInfo.startCursor;
        last = await page({ last: 3, before, orderBy });
      }
      expect(backwards, direction).toEqual(expected);
    }
  });

  it("refuses last without before or first with a message that says what to send instead", async () => {
    const r = await gql(EVENTS, { last: 3 });
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toContain('"last" pages backwards from a "before" cursor');
    expect(r.errors?.[0]?.message).toContain("orderBy with the opposite direction");
    // What it says works: the end of the list, read with the order reversed.
    const end = await page({ first: 3, orderBy: [{ field: "KEY", direction: "DESC" }] });
    expect(keys(end)).toEqual(["h", "g", "f"]);
  });

  it("tells a list that takes no orderBy (a timeline) how to read its end, and that works", async () => {
    const TIMELINE = `query ($first: Int, $after: String, $last: Int) {
      timeline(entity: "canada", first: $first, after: $after, last: $last) {
        edges { date } pageInfo { hasNextPage endCursor } } }`;
    const r = await gql(TIMELINE, { last: 3 });
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    // It was told to sort with orderBy, which timeline does not take.
    expect(r.errors?.[0]?.message).toContain(
      'page forwards with "first" and "after" until pageInfo.hasNextPage is false',
    );
    const dates: string[] = [];
    let after: string | null = null;
    type Timeline = {
      timeline: {
        edges: { date: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    for (;;) {
      const next: GqlResult<Timeline> = await gql<Timeline>(TIMELINE, { first: 2, after });
      expect(next.errors).toBeUndefined();
      const { edges, pageInfo }: Timeline["timeline"] = (next.data as Timeline).timeline;
      dates.push(...edges.map((e) => e.date));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    const whole = await gql(TIMELINE, { first: 100 });
    const all = whole.data.timeline.edges.map((e: { date: string }) => e.date);
    expect(all.length).toBeGreaterThan(3);
    expect(dates.slice(-3)).toEqual(all.slice(-3));
  });
});
