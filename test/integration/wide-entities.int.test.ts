/**
 * Entities as wide as ordinary writes make them (redteam31): an entity's aliases are the union of
 * every document's, so two documents that each give the most one input may (50) or fewer leave it
 * with more than one input may give. Later writes must still work on it.
 */
import { describe, expect, it } from "vitest";
import { writerWithPrefix } from "../helpers/client.js";

const P = "wide-";
const { gql, auth } = writerWithPrefix(P);

const INGEST = `mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename
  ... on ValidationError { problems { path message } } } }`;

/** A document of its own source that gives `key` (a Nation) these aliases. */
const aliasDocument = (n: number, key: string, aliases: string[]) => ({
  source: {
    key: `${P}source-${n}`,
    name: `Wide source ${n}`,
    properties: { publishedAt: "2024-01-01", text: `Wide document ${n}.` },
  },
  entities: [{ key, kind: "Nation", name: "Wideland", aliases }],
  relations: [],
});

describe("an entity with more aliases than one input may give", () => {
  it("is updated by an edit that leaves its aliases out, and keeps them all", async () => {
    const key = `${P}nation`;
    for (const n of [1, 2]) {
      const aliases = Array.from({ length: 30 }, (_, i) => `Wideland ${n}-${i}`);
      const r = await gql(INGEST, { d: aliasDocument(n, key, aliases) }, auth);
      expect(r.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
    }
    const update = await gql(
      `mutation { updateEntity(key: "${key}", input: { description: "A wide nation." }) {
        __typename ... on ValidationError { problems { path message } } } }`,
      {},
      auth,
    );
    // Before: ValidationError at input.aliases, 'must be at most 50 items', aliases not sent.
    expect(update.data.updateEntity).toEqual({ __typename: "UpdateEntitySuccess" });
    const read = await gql(`{ entity(key: "${key}") { description aliases } }`);
    expect(read.data.entity.description).toBe("A wide nation.");
    expect(read.data.entity.aliases).toHaveLength(60);
  });
});
