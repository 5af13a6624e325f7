/**
 * One response key, two fields: GraphQL lets fragments on different object types give the same
 * response key to different fields or arguments (`... on Nation { r: relations(first: 1) }` beside
 * `... on Person { r: relations(first: 3) }`, or `... on Source { r: mentions }`). Each entity
 * must get its own type's field, with its own arguments, however its page is read (ahead with the
 * entity, or by the loader of its path).
 */
import { afterAll, describe, expect, it } from "vitest";
import { createClient, testDb } from "../helpers/client.js";

const db = testDb();
const { gql } = createClient(db);
afterAll(async () => {
  await db.driver.close();
});

const SOURCE = "ctv-2022-nato-defence-spending";
const PER_TYPE = `
  ... on Nation { key r: relations(first: 1) { edges { type } } }
  ... on Person { key r: relations(first: 3) { edges { type } } }
  ... on Source { key r: mentions(first: 2) { edges { type } } }`;

type Hit = { key: string; r: { edges: { type: string }[] } };

function expectOwnField(hits: Hit[]) {
  const by = new Map(hits.map((h) => [h.key, h.r.edges.map((e) => e.type)]));
  expect(by.get("canada")).toHaveLength(1);
  expect(by.get("justin-trudeau")).toHaveLength(3);
  expect(by.get(SOURCE)).toEqual(["MENTIONS", "MENTIONS"]);
}

describe("fragments that give one response key to different fields or arguments", () => {
  it("under nodes(ids): each entity's page is its own type's field, with its own arguments", async () => {
    const ids = await gql(
      `{ a: entity(key: "canada") { id } b: entity(key: "justin-trudeau") { id } c: entity(key: "${SOURCE}") { id } }`,
    );
    expect(ids.errors).toBeUndefined();
    const r = await gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { ${PER_TYPE} } }`, {
      ids: [ids.data.a.id, ids.data.b.id, ids.data.c.id],
    });
    expect(r.errors).toBeUndefined();
    expectOwnField(r.data.nodes);
  });

  it("under entity(key), read ahead with the entity", async () => {
    const hits: Hit[] = [];
    for (const key of ["canada", "justin-trudeau", SOURCE]) {
      const r = await gql(`{ entity(key: "${key}") { ${PER_TYPE} } }`);
      expect(r.errors).toBeUndefined();
      hits.push(r.data.entity);
    }
    expectOwnField(hits);
  });
});
