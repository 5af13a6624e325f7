/**
 * relation(id): one relation by the id the API gives relations (from|TYPE|to), as a client that
 * holds an id from a neighbourhood or a page opens it: its claims a page at a time, an unknown
 * one NOT_FOUND and one that cannot be an id BAD_USER_INPUT, as entity(key:) answers.
 */
import { describe, expect, it } from "vitest";
import { writerWithPrefix } from "../helpers/client.js";

const P = "rbi-";
const { gql, auth } = writerWithPrefix(P);

const CREATE = "mutation ($i: CreateEntityInput!) { createEntity(input: $i) { __typename } }";
const ADD = "mutation ($i: AddRelationInput!) { addRelation(input: $i) { __typename } }";
const ID = `${P}north|INVADED|${P}south`;
const RELATION = `query ($id: ID!, $first: Int, $after: String) {
  relation(id: $id) {
    id type direction sourceCount disputed from { key } to { key }
    claimsConnection(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { excerpt source { key } } }
    }
  }
}`;

const text = (i: number) => `Report ${i}: ${P}north invaded ${P}south.`;

describe("relation(id)", () => {
  it("is built", async () => {
    for (const key of ["north", "south"]) {
      const r = await gql(CREATE, { i: { key: `${P}${key}`, kind: "Nation", name: key } }, auth);
      expect(r.data.createEntity.__typename).toBe("CreateEntitySuccess");
    }
    for (let i = 0; i < 3; i++) {
      const source = { key: `${P}s${i}`, kind: "Source", name: `Report ${i}` };
      const made = await gql(
        CREATE,
        { i: { ...source, properties: { title: source.name, text: text(i) } } },
        auth,
      );
      expect(made.data.createEntity.__typename).toBe("CreateEntitySuccess");
      const r = await gql(
        ADD,
        {
          i: {
            from: `${P}north`,
            type: "INVADED",
            to: `${P}south`,
            evidence: { source: `${P}s${i}`, excerpt: text(i) },
          },
        },
        auth,
      );
      expect(r.data.addRelation.__typename).toBe("AddRelationSuccess");
    }
  });

  it("answers the relation the id names, its claims a page at a time", async () => {
    const first = await gql(RELATION, { id: ID, first: 2 });
    expect(first.errors).toBeUndefined();
    const r = first.data.relation;
    expect({ ...r, claimsConnection: undefined }).toEqual({
      id: ID,
      type: "INVADED",
      direction: "OUT",
      sourceCount: 3,
      disputed: false,
      from: { key: `${P}north` },
      to: { key: `${P}south` },
      claimsConnection: undefined,
    });
    expect(r.claimsConnection.totalCount).toBe(3);
    expect(r.claimsConnection.pageInfo.hasNextPage).toBe(true);
    const rest = await gql(RELATION, {
      id: ID,
      first: 2,
      after: r.claimsConnection.pageInfo.endCursor,
    });
    expect(rest.errors).toBeUndefined();
    expect(rest.data.relation.claimsConnection.pageInfo.hasNextPage).toBe(false);
    const excerpts = [
      ...r.claimsConnection.edges,
      ...rest.data.relation.claimsConnection.edges,
    ].map(
      (e: { node: { excerpt: string; source: { key: string } } }) =>
        `${e.node.source.key}: ${e.node.excerpt}`,
    );
    expect(excerpts.sort()).toEqual([0, 1, 2].map((i) => `${P}s${i}: ${text(i)}`));
  });

  it("is NOT_FOUND for a relation there is not (the other way round, another type)", async () => {
    for (const id of [`${P}south|INVADED|${P}north`, `${P}north|MEMBER_OF|${P}south`]) {
      const r = await gql(RELATION, { id, first: 1 });
      expect(r.data?.relation ?? null).toBeNull();
      expect(r.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      expect(r.errors?.[0]?.path).toEqual(["relation"]);
    }
  });

  it("is BAD_USER_INPUT for an id that cannot be a relation's, naming the argument", async () => {
    for (const id of [
      `${P}north`,
      `${P}north|INVADED`,
      `${P}north|invaded|${P}south`,
      `${P}north|NOT_A_TYPE|${P}south`,
      `North|INVADED|${P}south`,
      `${P}north|INVADED|${P}south|x`,
    ]) {
      const r = await gql(RELATION, { id, first: 1 });
      expect(r.data?.relation ?? null).toBeNull();
      expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(String(r.errors?.[0]?.message)).toMatch(/^id: .* is not a relation id/);
    }
  });
});
