/**
 * Every argument and filter that takes entity keys treats a value that can never be a key the
 * same way: BAD_USER_INPUT naming where it was and what it was (cut when long), nothing run;
 * a well-formed key that no entity has is simply absent (matches nothing, or NOT_FOUND where
 * one entity is asked for).
 */
import { afterAll, describe, expect, it } from "vitest";
import { createClient, testDb } from "../helpers/client.js";

const db = testDb();
const { gql } = createClient(db);
afterAll(() => db.driver.close());

type Problem = { path: (string | number)[]; message: string };
const problems = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  (r.errors?.[0]?.extensions?.problems ?? []) as Problem[];

describe("a value that can never be a key", () => {
  it("in a relation condition's to is BAD_USER_INPUT naming the field path and the value", async () => {
    const r = await gql(
      `{ nations(where: { related: [{ type: MEMBER_OF, to: ["nato", "NATO!!"] }] }) { totalCount } }`,
    );
    expect(r.data?.nations).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toContain('where.related.0.to.1: "NATO!!" is not a key');
    expect(problems(r)).toEqual([
      { path: ["where", "related", 0, "to", 1], message: expect.stringContaining("NATO!!") },
    ]);
  });

  it("is found however deep it sits in AND / OR / NOT, every one listed", async () => {
    const r = await gql(`query ($w: PersonWhere) { people(where: $w) { totalCount } }`, {
      w: {
        OR: [{ name: { equals: "x" } }, { related: [{ type: "LEADS", to: ["Canada"] }] }],
        NOT: { AND: [{ related: [{ type: "SAID", to: ["quote-step-up", "not a key"] }] }] },
      },
    });
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(problems(r).map((p) => p.path)).toEqual([
      ["where", "OR", 1, "related", 0, "to", 0],
      ["where", "NOT", "AND", 0, "related", 0, "to", 1],
    ]);
    expect(r.errors?.[0]?.message).toContain('where.OR.1.related.0.to.0: "Canada" is not a key');
    expect(r.errors?.[0]?.message).toContain("1 more");
  });

  it("in a key filter's equals or in is refused the same way", async () => {
    const eq = await gql(`{ places(where: { key: { equals: "Ottawa" } }) { totalCount } }`);
    expect(eq.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(problems(eq).map((p) => p.path)).toEqual([["where", "key", "equals"]]);
    const inList = await gql(
      `{ places(where: { key: { in: ["ottawa", "ot tawa"] } }) { totalCount } }`,
    );
    expect(problems(inList).map((p) => p.path)).toEqual([["where", "key", "in", 1]]);
    // A prefix or a substring of a key need not be a key.
    const prefix = await gql(`{ places(where: { key: { startsWith: "otta" } }) { totalCount } }`);
    expect(prefix.errors).toBeUndefined();
    expect(prefix.data?.places.totalCount).toBeGreaterThanOrEqual(1);
  });

  it("is cut short in the message when long", async () => {
    const long = `X${"y".repeat(500)}`;
    const r = await gql(
      `query ($k: String!) { nations(where: { related: [{ type: MEMBER_OF, to: [$k] }] }) { totalCount } }`,
      {
        k: long,
      },
    );
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message.length).toBeLessThan(300);
    expect(r.errors?.[0]?.message).toContain("…");
  });

  it("in path, paths, neighbourhood, timeline and entity names its argument", async () => {
    const cases: [string, (string | number)[]][] = [
      [`{ path(from: "canada", to: "Latvia") { length } }`, ["to"]],
      [`{ paths(from: "Justin Trudeau", to: "latvia") { length } }`, ["from"]],
      [`{ neighbourhood(key: "NATO!!") { truncated } }`, ["key"]],
      [`{ timeline(entity: "Canada") { totalCount } }`, ["entity"]],
      [`{ entity(key: "NATO!!") { name } }`, ["key"]],
    ];
    for (const [query, path] of cases) {
      const r = await gql(query);
      expect(r.errors?.[0]?.extensions?.code, query).toBe("BAD_USER_INPUT");
      expect(
        problems(r).map((p) => p.path),
        query,
      ).toEqual([path]);
      expect(r.errors?.[0]?.message, query).toMatch(
        new RegExp(`^${path.join(".")}: ".+" is not a key`),
      );
    }
  });
});

describe("a well-formed key that no entity has", () => {
  it("matches nothing in a filter, without an error", async () => {
    const r = await gql(
      `{ nations(where: { related: [{ type: MEMBER_OF, to: ["no-such-alliance"] }] }) { totalCount }
         places(where: { key: { in: ["no-such-place"] } }) { totalCount } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ nations: { totalCount: 0 }, places: { totalCount: 0 } });
  });

  it("is NOT_FOUND where an entity is asked for by it", async () => {
    const r = await gql(`{ path(from: "canada", to: "no-such-place") { length } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const n = await gql(`{ neighbourhood(key: "no-such-place") { truncated } }`);
    expect(n.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
