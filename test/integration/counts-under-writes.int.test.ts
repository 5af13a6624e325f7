/**
 * A list read while other clients create and delete its entities (redteam24): each answer agrees
 * with itself. The count and the page are parts of one statement, but Neo4j reads committed data
 * as each part runs, so a write committed between them made a whole list of 16 rows answer
 * totalCount 15 (5 of 175 reads, six writers). The answer's count is now the one its rows show.
 */
import { describe, expect, it } from "vitest";
import { writerWithPrefix } from "../helpers/client.js";

const P = "cuw-";
const { gql, auth } = writerWithPrefix(P);

const WRITERS = 6;
const KEYS_EACH = 6;
const READERS = 4;
const READS_EACH = 60;

const LIST = `{
  places(where: { key: { startsWith: "${P}" } }, first: 100) {
    totalCount edges { node { key } } pageInfo { hasNextPage }
  }
  search(query: "cuwplace", kinds: [Place], first: 100) {
    totalCount edges { node { key } } pageInfo { hasNextPage }
  }
}`;

describe("a list read while its entities are created and deleted", () => {
  it("answers a totalCount equal to the rows of a page that holds the whole list", async () => {
    let reading = true;
    const writer = async (w: number) => {
      for (let i = 0; reading; i++) {
        const created = `${P}${w}-${i % KEYS_EACH}`;
        const deleted = `${P}${w}-${(i + KEYS_EACH / 2) % KEYS_EACH}`;
        await gql(
          `mutation ($k: String!, $name: String!, $d: String!) {
            createEntity(input: { key: $k, kind: Place, name: $name }) { __typename }
            deleteEntity(key: $d) { __typename } }`,
          { k: created, name: `Cuwplace ${created}`, d: deleted },
          auth,
        );
      }
    };
    const disagreements: string[] = [];
    const reader = async () => {
      for (let i = 0; i < READS_EACH; i++) {
        const r = await gql(LIST);
        expect(r.errors).toBeUndefined();
        for (const field of ["places", "search"] as const) {
          const list = r.data[field];
          expect(list.pageInfo.hasNextPage).toBe(false);
          if (list.totalCount !== list.edges.length)
            disagreements.push(
              `${field}: totalCount ${list.totalCount}, ${list.edges.length} rows`,
            );
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    await Promise.all(Array.from({ length: READERS }, reader));
    reading = false;
    await Promise.all(writers);
    expect(disagreements).toEqual([]);
  });
});
