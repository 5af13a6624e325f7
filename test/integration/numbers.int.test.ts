/**
 * A number is the number a user reads (redteam23): a value written as -0 (a JSON or GraphQL
 * literal a client may well send, e.g. a rounded -0.004) reads back as 0 and must be found as 0.
 * Neo4j keeps -0.0 apart from 0.0 (neither equal nor `>=`), so it was stored as -0.0, shown as
 * 0, and `value: { equals: 0 }` or `{ gte: 0 }` left it out; a filter typed -0 missed a stored 0.
 */
import { describe, expect, it } from "vitest";
import { writerWithPrefix } from "../helpers/client.js";

const P = "nz23-";
const { gql, auth } = writerWithPrefix(P);

// -0 has to be a literal of the operation: JSON.stringify turns a variable's -0 into 0.
const create = (key: string, value: string) => `mutation {
  createEntity(input: { key: "${key}", kind: Pledge, name: "Zero pledge ${key}", properties: { value: ${value} } }) {
    __typename
    ... on CreateEntitySuccess { data { key ... on Pledge { value } } }
  }
}`;

const keysWhere = async (where: string) => {
  const r = await gql<{ pledges: { edges: { node: { key: string } }[] } }>(
    `{ pledges(first: 100, where: { AND: [{ key: { startsWith: "${P}" } }, ${where}] }) { edges { node { key } } } }`,
  );
  expect(r.errors).toBeUndefined();
  return (r.data?.pledges.edges ?? []).map((e) => e.node.key).sort();
};

describe("a value written as -0", () => {
  it("is stored as 0: found by equals 0 and gte 0, and a filter typed -0 finds a 0", async () => {
    for (const [key, value] of [
      [`${P}negative`, "-0.0"],
      [`${P}positive`, "0"],
    ] as const) {
      const r = await gql(create(key, value), undefined, auth);
      expect(r.errors).toBeUndefined();
      expect(r.data.createEntity).toEqual({
        __typename: "CreateEntitySuccess",
        data: { key, value: 0 },
      });
    }
    const both = [`${P}negative`, `${P}positive`];
    expect(await keysWhere("{ value: { equals: 0 } }")).toEqual(both);
    expect(await keysWhere("{ value: { gte: 0 } }")).toEqual(both);
    expect(await keysWhere("{ value: { lte: 0 } }")).toEqual(both);
    expect(await keysWhere("{ value: { equals: -0.0 } }")).toEqual(both);
    expect(await keysWhere("{ value: { gte: -0.0, lte: -0.0 } }")).toEqual(both);
    expect(await keysWhere("{ value: { lt: 0 } }")).toEqual([]);
    expect(await keysWhere("{ NOT: { value: { gte: 0 } } }")).toEqual([]);
  });

  it("is 0 when an update or an ingest writes it", async () => {
    const updated = await gql(
      `mutation { updateEntity(key: "${P}positive", input: { properties: { value: -0.0 } }) { __typename } }`,
      undefined,
      auth,
    );
    expect(updated.data.updateEntity).toEqual({ __typename: "UpdateEntitySuccess" });
    const ingested = await gql(
      `mutation {
        ingestDocument(document: {
          source: { key: "${P}source", name: "Zero source", properties: { title: "Zero source", publishedAt: "2023-05" } }
          entities: [{ key: "${P}ingested", kind: "Pledge", name: "Ingested zero pledge", properties: { value: -0.0 } }]
          relations: []
        }) { __typename }
      }`,
      undefined,
      auth,
    );
    expect(ingested.errors).toBeUndefined();
    expect(ingested.data.ingestDocument).toEqual({ __typename: "IngestDocumentSuccess" });
    expect(await keysWhere("{ value: { gte: 0 } }")).toEqual([
      `${P}ingested`,
      `${P}negative`,
      `${P}positive`,
    ]);
    expect(await keysWhere("{ NOT: { value: { gte: 0 } } }")).toEqual([]);
  });
});
