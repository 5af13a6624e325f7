/**
 * Statements no reading of the world allows, refused where they come in (a document, addRelation)
 * with a ValidationError naming the place, and nothing written: a relation that ends before it
 * starts (since after until: it would hold on no date at all, and its timeline would show it
 * ending before it began), and a relation from an entity to itself (a nation invading itself, a
 * place part of itself), and a negative number of troops. Dates that overlap at different
 * precisions, and zero troops, stay accepted.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { createClient, removeByPrefix, testDb } from "../helpers/client.js";

const db = testDb();
const writer = generateToken();
const { gql } = createClient(db, {
  tokens: [{ name: "statements-writer", sha256: writer.sha256, scopes: ["read", "write"] }],
});
const WRITE = `Bearer ${writer.token}`;
const P = "stmt-";
const TEXT =
  "Ann leads Freedonia. Ann led Freedonia until then. Freedonia invaded Freedonia. Ann visited Sylvania. Freedonia sent troops to Watch.";

const entities = [
  { key: `${P}ann`, kind: "Person", name: "Ann" },
  { key: `${P}freedonia`, kind: "Nation", name: "Freedonia" },
  { key: `${P}sylvania`, kind: "Place", name: "Sylvania" },
  { key: `${P}watch`, kind: "Mission", name: "Operation Watch" },
];
const doc = (relations: object[]) => ({
  source: { key: `${P}source`, name: "Fixture", properties: { text: TEXT } },
  entities,
  relations,
});
const LEADS = {
  from: `${P}ann`,
  type: "LEADS",
  to: `${P}freedonia`,
  evidence: "Ann leads Freedonia.",
};

const INGEST = `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
  __typename ... on ValidationError { code problems { path message } } } }`;
const ADD = `mutation ($input: AddRelationInput!) { addRelation(input: $input) {
  __typename ... on ValidationError { code problems { path message } } } }`;
const READ = `query ($key: String!) {
  entity(key: $key) { relations(first: 10) { edges { type since until node { key } } } }
  timeline(entity: $key) { edges { date } } }`;

async function ingest(relations: object[]) {
  const r = await gql(INGEST, { d: doc(relations) }, WRITE);
  expect(r.errors).toBeUndefined();
  return r.data.ingestDocument;
}

/** What a client reads about Ann, or null when nothing was written. */
async function ann() {
  const r = await gql(READ, { key: `${P}ann` });
  return r.data?.entity === null ? null : r.data;
}

beforeEach(() => removeByPrefix(db, P));
afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

describe("a relation that ends before it starts", () => {
  it("is refused in a document, naming until, and nothing of the document is written", async () => {
    const result = await ingest([{ ...LEADS, properties: { since: "2024", until: "2020" } }]);
    expect(result).toEqual({
      __typename: "ValidationError",
      code: "BAD_USER_INPUT",
      problems: [
        {
          path: ["relations", "0", "properties", "until"],
          message: expect.stringMatching(/must not be before since/),
        },
      ],
    });
    expect(await ann()).toBeNull();
  });

  it("is refused at day precision too, and by addRelation, leaving the graph as it was", async () => {
    expect(await ingest([])).toEqual({ __typename: "IngestDocumentSuccess" });
    const r = await gql(
      ADD,
      {
        input: {
          ...LEADS,
          evidence: { source: `${P}source`, excerpt: LEADS.evidence },
          properties: { since: "2024-06", until: "2024-05-31" },
        },
      },
      WRITE,
    );
    expect(r.data.addRelation).toEqual({
      __typename: "ValidationError",
      code: "BAD_USER_INPUT",
      problems: [
        {
          path: ["input", "properties", "until"],
          message: expect.stringMatching(/must not be before since/),
        },
      ],
    });
    expect((await ann())?.entity.relations.edges).toEqual([]);
  });

  it("is refused when two statements of it in one document give since and until out of order", async () => {
    const twice = (since: string, until: string) => [
      { ...LEADS, properties: { since } },
      { ...LEADS, properties: { until }, evidence: "Ann led Freedonia until then." },
    ];
    expect(await ingest(twice("2020", "2018"))).toEqual({
      __typename: "ValidationError",
      code: "BAD_USER_INPUT",
      problems: [
        {
          path: ["relations", "1", "properties", "until"],
          message: expect.stringMatching(
            /contradicts relations\.0.*since 2020 would be after until 2018/,
          ),
        },
      ],
    });
    expect(await ann()).toBeNull();
    // In order, the two statements make one relation from 2015 until 2018.
    expect(await ingest(twice("2015", "2018"))).toEqual({ __typename: "IngestDocumentSuccess" });
    expect((await ann())?.entity.relations.edges).toEqual([
      { type: "LEADS", since: "2015", until: "2018", node: { key: `${P}freedonia` } },
    ]);
  });

  it("refuses two statements of one relation citing one sentence with other properties; the same statement twice is one", async () => {
    const result = await ingest([
      { ...LEADS, properties: { since: "2015" } },
      { ...LEADS, properties: { since: "2016" } },
    ]);
    expect(result).toEqual({
      __typename: "ValidationError",
      code: "BAD_USER_INPUT",
      problems: [
        {
          path: ["relations", "1"],
          message: expect.stringMatching(/same evidence as relations\.0 but other properties/),
        },
      ],
    });
    expect(await ann()).toBeNull();
    // Inferred in one and stated in the other is another reading of the sentence too.
    const flags = await ingest([LEADS, { ...LEADS, inferred: true }]);
    expect(flags.__typename).toBe("ValidationError");
    // Given twice alike (properties in another order), it is one statement.
    const same = { since: "2015", role: "Prime Minister" };
    expect(
      await ingest([
        { ...LEADS, properties: same },
        { ...LEADS, properties: { role: "Prime Minister", since: "2015" } },
      ]),
    ).toEqual({ __typename: "IngestDocumentSuccess" });
    expect((await ann())?.entity.relations.edges).toEqual([
      { type: "LEADS", since: "2015", until: null, node: { key: `${P}freedonia` } },
    ]);
  });

  it("accepts dates that overlap at different precisions, and a one-day span", async () => {
    const result = await ingest([
      { ...LEADS, properties: { since: "2024-05", until: "2024" } },
      {
        from: `${P}ann`,
        type: "VISITED",
        to: `${P}sylvania`,
        properties: { since: "2024-02-29", until: "2024-02-29" },
        evidence: "Ann visited Sylvania.",
      },
    ]);
    expect(result).toEqual({ __typename: "IngestDocumentSuccess" });
    const read = await ann();
    expect(read?.entity.relations.edges).toEqual(
      expect.arrayContaining([
        { type: "LEADS", since: "2024-05", until: "2024", node: { key: `${P}freedonia` } },
        {
          type: "VISITED",
          since: "2024-02-29",
          until: "2024-02-29",
          node: { key: `${P}sylvania` },
        },
      ]),
    );
  });
});

describe("a relation from an entity to itself", () => {
  it("is refused in a document, naming to, and nothing of the document is written", async () => {
    const result = await ingest([
      LEADS,
      {
        from: `${P}freedonia`,
        type: "INVADED",
        to: `${P}freedonia`,
        evidence: "Freedonia invaded Freedonia.",
      },
    ]);
    expect(result).toEqual({
      __typename: "ValidationError",
      code: "BAD_USER_INPUT",
      problems: [
        { path: ["relations", "1", "to"], message: expect.stringMatching(/joins two entities/) },
      ],
    });
    expect(await ann()).toBeNull();
  });

  it("is refused by addRelation", async () => {
    expect(await ingest([])).toEqual({ __typename: "IngestDocumentSuccess" });
    const r = await gql(
      ADD,
      {
        input: {
          from: `${P}sylvania`,
          type: "PART_OF",
          to: `${P}sylvania`,
          evidence: { source: `${P}source`, excerpt: "Ann visited Sylvania." },
        },
      },
      WRITE,
    );
    expect(r.data.addRelation).toEqual({
      __typename: "ValidationError",
      code: "BAD_USER_INPUT",
      problems: [{ path: ["input", "to"], message: expect.stringMatching(/joins two entities/) }],
    });
    const sylvania = await gql(READ, { key: `${P}sylvania` });
    expect(sylvania.data.entity.relations.edges).toEqual([]);
  });
});

describe("a number of troops", () => {
  const sent = (properties: object) => ({
    from: `${P}freedonia`,
    type: "CONTRIBUTES_TO",
    to: `${P}watch`,
    properties,
    evidence: "Freedonia sent troops to Watch.",
  });

  it("below zero is refused, troops and additionalTroops alike, and nothing is written", async () => {
    const result = await ingest([sent({ troops: -100, additionalTroops: -5 })]);
    expect(result).toEqual({
      __typename: "ValidationError",
      code: "BAD_USER_INPUT",
      problems: [
        { path: ["relations", "0", "properties", "troops"], message: expect.any(String) },
        {
          path: ["relations", "0", "properties", "additionalTroops"],
          message: expect.any(String),
        },
      ],
    });
    expect((await gql(READ, { key: `${P}freedonia` })).data.entity).toBeNull();
  });

  it("of zero is accepted", async () => {
    expect(await ingest([sent({ troops: 0 })])).toEqual({ __typename: "IngestDocumentSuccess" });
  });
});

describe("a mission that ends before it starts (redteam24)", () => {
  const CREATE = `mutation ($input: CreateEntityInput!) { createEntity(input: $input) {
    __typename ... on ValidationError { problems { path message } } } }`;
  const UPDATE = `mutation ($key: String!, $p: JSONObject) { updateEntity(key: $key, input: { properties: $p }) {
    __typename ... on ValidationError { problems { path message } } } }`;
  const MISSION = `query ($key: String!) { entity(key: $key) { ... on Mission { startDate endDate } } }`;
  const ends = (path: string[]) => ({
    __typename: "ValidationError",
    problems: [{ path, message: expect.stringMatching(/must not be before startDate/) }],
  });

  it("is refused by createEntity, by updateEntity against the stored start, and in a document", async () => {
    const input = { key: `${P}watch`, kind: "Mission", name: "Operation Watch" };
    const created = await gql(
      CREATE,
      { input: { ...input, properties: { startDate: "2024-05", endDate: "2024-04-30" } } },
      WRITE,
    );
    expect(created.data.createEntity).toEqual(ends(["input", "properties", "endDate"]));
    expect((await gql(MISSION, { key: `${P}watch` })).data.entity).toBeNull();

    const started = await gql(
      CREATE,
      { input: { ...input, properties: { startDate: "2024-05" } } },
      WRITE,
    );
    expect(started.data.createEntity.__typename).toBe("CreateEntitySuccess");
    const updated = await gql(UPDATE, { key: `${P}watch`, p: { endDate: "2023" } }, WRITE);
    expect(updated.data.updateEntity).toEqual(ends(["input", "properties", "endDate"]));
    expect((await gql(MISSION, { key: `${P}watch` })).data.entity).toEqual({
      startDate: "2024-05",
      endDate: null,
    });

    const r = await gql(
      INGEST,
      {
        d: {
          ...doc([]),
          entities: [{ ...input, properties: { startDate: "2024", endDate: "2020" } }],
        },
      },
      WRITE,
    );
    expect(r.data.ingestDocument).toEqual({
      ...ends(["entities", "0", "properties", "endDate"]),
      code: "BAD_USER_INPUT",
    });
  });

  it("accepts dates that overlap at different precisions", async () => {
    const r = await gql(
      CREATE,
      {
        input: {
          key: `${P}watch`,
          kind: "Mission",
          name: "Operation Watch",
          properties: { startDate: "2024-05-31", endDate: "2024-05" },
        },
      },
      WRITE,
    );
    expect(r.data.createEntity.__typename).toBe("CreateEntitySuccess");
  });
});
