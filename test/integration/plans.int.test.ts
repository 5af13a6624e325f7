import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "../helpers/client.js";
import { expectIndexedPlans, planLines } from "../helpers/plans.js";

const db = testDb();
afterAll(() => db.driver.close());

const OPERATIONS: Record<string, string> = {
  "entity by key with nested relations": `{ entity(key: "canada") { ... on Nation { leaders { totalCount edges { node { name } evidence { source { title } } } } relations(asOf: "2022") { totalCount edges { type } } } } }`,
  "node by global id": `{ node(id: "TmF0aW9uOmNhbmFkYQ==") { id } }`,
  "list ordered by name, with total": `{ nations(first: 5) { totalCount edges { node { key } } } }`,
  "name filters": `{ a: people(where: { name: { contains: "tolt" } }) { totalCount edges { node { key } } } b: nations(where: { name: { startsWith: "lat" } }) { edges { node { key } } } }`,
  "kind property filters": `{ nations(where: { isoCode: { equals: "CAN" } }) { edges { node { key } } } organizations(where: { category: { equals: ALLIANCE } }) { edges { node { key } } } }`,
  "date range ordered by date": `{ events(where: { date: { from: "2022-03", to: "2022-03-31" } }, orderBy: [{ field: DATE }]) { totalCount edges { node { key } } } }`,
  "relation filter": `{ nations(where: { related: [{ type: MEMBER_OF, to: ["nato"] }] }) { totalCount edges { node { key } } } }`,
  search: `{ search(query: "stolten", kinds: [Person]) { totalCount edges { node { key } } } }`,
  paths: `{ paths(from: "justin-trudeau", to: "latvia", first: 3) { length } }`,
  neighbourhood: `{ neighbourhood(key: "nato", depth: 2) { nodes { key } } }`,
  timeline: `{ timeline(entity: "canada", from: "2022") { totalCount edges { date } } }`,
};

describe("query plans", () => {
  for (const [name, operation] of Object.entries(OPERATIONS)) {
    it(`${name}: no query starts from an all-nodes or label scan`, async () => {
      await expectIndexedPlans(db, operation);
    });
  }
});

describe("a name prefix ordered by name", () => {
  it("reads the kind's nameLower range index in order and sorts no more than the page, whatever the graph's size", async () => {
    for (const direction of ["ASC", "DESC"]) {
      const [plan] = await planLines(
        db,
        `{ people(where: { name: { startsWith: "j" } }, orderBy: [{ field: NAME, direction: ${direction} }], first: 2) { edges { node { key } } } }`,
      );
      const lines = plan ?? [];
      const text = lines.join("\n");
      expect(
        lines.some((l) => /^NodeIndexSeekByRange RANGE INDEX n:Person\(nameLower\)/.test(l)),
        text,
      ).toBe(true);
      // A Top sorts every match; PartialTop only what the page needs, in the index's order.
      expect(
        lines.filter((l) => l.startsWith("Top ")),
        text,
      ).toEqual([]);
    }
  });
});
