/**
 * Entities as wide as ordinary writes make them (redteam31): an entity's aliases are the union of
 * every document's, so two documents that each give the most one input may (50) or fewer leave it
 * with more than one input may give. Later writes must still work on it.
 */
import { describe, expect, it } from "vitest";
import { storedFolds } from "../../src/domain/fold.js";
import { cypher, writerWithPrefix } from "../helpers/client.js";

const P = "wide-";
const { db, gql, auth } = writerWithPrefix(P);

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

describe("an entity's aliases in all", () => {
  it("are bounded: a document that would take them past 100 is refused where it gives them, and nothing is written", async () => {
    const key = `${P}bounded`;
    const aliasesOf = (n: number, count: number) =>
      Array.from({ length: count }, (_, i) => `Boundland ${n}-${i}`);
    for (const n of [11, 12]) {
      const r = await gql(INGEST, { d: aliasDocument(n, key, aliasesOf(n, 50)) }, auth);
      expect(r.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
    }
    // One more alias: 101. Before, the union grew without bound (3,900 aliases of 500
    // characters, and every later ingest naming the entity read past MAX_READ_BYTES: LIMIT_EXCEEDED).
    const more = aliasDocument(13, key, [...aliasesOf(11, 3), "Boundland the last"]);
    const refused = await gql(INGEST, { d: more }, auth);
    expect(refused.data.ingestDocument).toEqual({
      __typename: "ValidationError",
      problems: [
        {
          path: ["entities", "0", "aliases"],
          message: `would give "${key}" 101 aliases (it has 100, this adds 1); an entity holds at most 100: give fewer, or replace its list with updateEntity`,
        },
      ],
    });
    const checked = await gql(
      `query ($d: JSONObject!) { checkDocument(document: $d) { __typename
        ... on ValidationError { problems { path message } } } }`,
      { d: more },
      auth,
    );
    expect(checked.data.checkDocument).toEqual(refused.data.ingestDocument);
    const read = await gql(
      `{ entity(key: "${key}") { aliases } sources(where: { key: { equals: "${P}source-13" } }) { totalCount } }`,
    );
    expect(read.data.entity.aliases).toHaveLength(100);
    expect(read.data.sources.totalCount).toBe(0);
    // A document that names the entity with aliases it has already is taken.
    const again = await gql(INGEST, { d: aliasDocument(14, key, aliasesOf(12, 50)) }, auth);
    expect(again.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
  });
});

describe("an entity stored with more aliases than the bound, before the bound existed", () => {
  // Written with the driver, not through the API (which refuses it now): it models data an older
  // version stored, with the folds every version stores beside the aliases (redteam31's entity:
  // 3,900 aliases of 500 characters, from documents of 50 each).
  const key = `${P}legacy`;
  const aliases = Array.from({ length: 3_900 }, (_, i) => `Oldland ${i} `.padEnd(500, "o"));
  const UPDATE = `mutation ($key: String!, $input: UpdateEntityInput!) {
    updateEntity(key: $key, input: $input) { __typename
      ... on ValidationError { problems { path message } } } }`;
  const legacyDocument = (n: number, given: string[]) => ({
    ...aliasDocument(n, key, given),
    entities: [{ key, kind: "Nation", name: "Oldland", aliases: given }],
  });
  const stored = async () => {
    const r = await gql(`{ entity(key: "${key}") { name description aliases } }`);
    return r.data.entity as { name: string; description: string | null; aliases: string[] };
  };

  it("takes an edit and documents that add no alias; one that adds is refused, naming what it holds", async () => {
    const created = await gql(
      `mutation { createEntity(input: { key: "${key}", kind: Nation, name: "Oldland" }) { __typename } }`,
      {},
      auth,
    );
    expect(created.data.createEntity).toEqual({ __typename: "CreateEntitySuccess" });
    await cypher(db, "MATCH (n:Entity {key: $key}) SET n.aliases = $aliases, n += $folds", {
      key,
      aliases,
      folds: { ...storedFolds("Oldland", aliases), foldRule: storedFolds("", []).foldRule },
    });

    // A description-only edit. Before: LIMIT_EXCEEDED, "it read more than 16000000 bytes": the
    // write read the entity, and read it back, with its aliases' three stored folds.
    const edit = await gql(UPDATE, { key, input: { description: "An old nation." } }, auth);
    expect(edit.errors).toBeUndefined();
    expect(edit.data.updateEntity).toEqual({ __typename: "UpdateEntitySuccess" });
    const edited = await stored();
    expect(edited.description).toBe("An old nation.");
    expect(edited.aliases).toEqual(aliases);

    // Documents naming it, with no aliases or with some it holds: ingested.
    for (const [n, given] of [
      [31, []],
      [32, aliases.slice(0, 3)],
    ] as const) {
      const r = await gql(INGEST, { d: legacyDocument(n, [...given]) }, auth);
      expect(r.errors).toBeUndefined();
      expect(r.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
    }

    // One that adds an alias: refused where it gives them, saying how many it holds and the bound.
    const adds = await gql(INGEST, { d: legacyDocument(33, ["Oldland the new"]) }, auth);
    expect(adds.data.ingestDocument).toEqual({
      __typename: "ValidationError",
      problems: [
        {
          path: ["entities", "0", "aliases"],
          message: `would give "${key}" 3901 aliases (it has 3900, this adds 1); an entity holds at most 100: give fewer, or replace its list with updateEntity`,
        },
      ],
    });
    expect((await stored()).aliases).toHaveLength(3_900);

    // An edit that replaces its list with fewer: taken, and the entity is within the bound again.
    const fewer = aliases.slice(0, 40);
    const trimmed = await gql(UPDATE, { key, input: { aliases: fewer } }, auth);
    expect(trimmed.data.updateEntity).toEqual({ __typename: "UpdateEntitySuccess" });
    expect(await stored()).toEqual({
      name: "Oldland",
      description: "An old nation.",
      aliases: fewer,
    });
  }, 120_000);
});
