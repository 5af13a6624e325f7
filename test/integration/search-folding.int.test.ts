/**
 * Search ignores case as the name filters do, by Unicode's case folding (redteam23): a name whose
 * folded form is not its lower case ("Große Straße" is "grosse strasse", "Deﬁance" with a
 * ligature is "defiance") was found by search only as written. "GROSSE STRASSE", its capitals,
 * found nothing: the index holds the name lower-cased ("große straße") and the plain spellings
 * (`plainNames`) were stored only for names with accents.
 */
import { describe, expect, it } from "vitest";
import { settleNames } from "../../src/data/names.js";
import { cypher, writerWithPrefix } from "../helpers/client.js";

const P = "sf23-";
const { db, gql, auth } = writerWithPrefix(P);

const CREATE = `mutation ($i: CreateEntityInput!) {
  createEntity(input: $i) { __typename }
}`;
const SEARCH = `query ($q: String!) {
  search(query: $q, first: 3) { edges { node { key } } }
}`;

const firstHit = async (q: string) => {
  const r = await gql<{ search: { edges: { node: { key: string } }[] } }>(SEARCH, { q });
  expect(r.errors).toBeUndefined();
  return r.data?.search.edges[0]?.node.key ?? null;
};

describe("search folds case as the name filters do", () => {
  it("finds a name with ß or a ligature typed in capitals or folded, first", async () => {
    const created = await gql(
      CREATE,
      {
        i: {
          key: `${P}strasse`,
          kind: "Place",
          name: "Große Vrxstraße",
          aliases: ["Vrxﬁeld Gate"],
        },
      },
      auth,
    );
    expect(created.data?.createEntity).toEqual({ __typename: "CreateEntitySuccess" });
    for (const q of [
      "Große Vrxstraße",
      "GROSSE VRXSTRASSE",
      "grosse vrxstrasse",
      "vrxstrasse",
      "VRXSTRAS",
      "VRXFIELD GATE",
      "vrxfield",
    ]) {
      expect([q, await firstHit(q)]).toEqual([q, `${P}strasse`]);
    }
  });

  it("after an update, and on a graph written before (the names settle at start)", async () => {
    const updated = await gql(
      `mutation ($a: [String!]) { updateEntity(key: "${P}strasse", input: { aliases: $a }) { __typename } }`,
      { a: ["Vrxﬂuss Ufer"] },
      auth,
    );
    expect(updated.data?.updateEntity).toEqual({ __typename: "UpdateEntitySuccess" });
    expect(await firstHit("VRXFLUSS UFER")).toBe(`${P}strasse`);
    // As a version before stored it: plain spellings only for names with accents, the name
    // lower-cased in Cypher, and no fold rule (the settle folds again what an older rule, or
    // none, folded).
    await cypher(
      db,
      "MATCH (n:Entity {key: $k}) SET n.nameLower = toLower(n.name) REMOVE n.plainNames, n.foldRule",
      {
        k: `${P}strasse`,
      },
    );
    expect(await firstHit("GROSSE VRXSTRASSE")).toBeNull();
    await settleNames(db);
    expect(await firstHit("GROSSE VRXSTRASSE")).toBe(`${P}strasse`);
    expect(await firstHit("vrxfluss")).toBe(`${P}strasse`);
  });

  it("finds a name with a letter the index's analyzer does not know, begun or whole, first", async () => {
    // "Ꟁ" (U+A7C0, Unicode 14): Java's analyzer leaves it out of the word it indexes, so a begun
    // word ("ꟁsmo") matched nothing, and the whole word only as the bare rest ("smoke").
    for (const [key, name] of [
      ["smoke-a7c0", "Ꟁsmoke"],
      ["smoke", "Smoke"],
      ["asmoke", "Asmoke"],
      ["flat", "Bꟁflat Ridge"],
    ] as const) {
      const created = await gql(CREATE, { i: { key: `${P}${key}`, kind: "Place", name } }, auth);
      expect(created.data?.createEntity).toEqual({ __typename: "CreateEntitySuccess" });
    }
    for (const q of ["Ꟁsmoke", "ꟁsmoke", "ꟁsmo", "ꟁsmok", "ꟁSMO"])
      expect([q, await firstHit(q)]).toEqual([q, `${P}smoke-a7c0`]);
    for (const q of ["Bꟁflat Ridge", "bꟁfl", "bꟁflat ri"])
      expect([q, await firstHit(q)]).toEqual([q, `${P}flat`]);
    // What was found without the letter is found as before.
    expect(await firstHit("smoke")).toBe(`${P}smoke`);
  });
});
