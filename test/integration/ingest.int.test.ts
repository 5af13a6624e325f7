/**
 * The transactional ingest at its edges: one look-up of kinds for every key, relations of new
 * entities created without comparison yet written exactly as the upsert writes them, a relation
 * stated twice in one document keeping one inferred flag per piece of evidence, and callers
 * that need no `changed` lists getting the same counts without them; and, through GraphQL, that
 * nothing is lost when a second document declares an entity again (issue 22, item 6).
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { ingestDocument } from "../../src/data/ingest.js";
import { createClient, cypher, removeByPrefix, testDb } from "../helpers/client.js";

const db = testDb();
const writer = generateToken();
const { gql } = createClient(db, {
  tokens: [{ name: "ingest-writer", sha256: writer.sha256, scopes: ["read", "write"] }],
});
const WRITE = `Bearer ${writer.token}`;
const P = "ing-";
const TEXT = [
  "Ann leads Freedonia.",
  "Ann, the chief, heads Freedonia.",
  "Freedonia is in NATO.",
  "Ann visited Sylvania.",
].join("\n");

const doc = (relations: object[], entities?: object[]) => ({
  source: { key: `${P}source`, name: "Fixture", properties: { text: TEXT } },
  entities: entities ?? [
    { key: `${P}ann`, kind: "Person", name: "Ann" },
    { key: `${P}freedonia`, kind: "Nation", name: "Freedonia" },
  ],
  relations,
});
const LEADS = { from: `${P}ann`, type: "LEADS", to: `${P}freedonia` };

async function relation(type: string, from: string, to: string) {
  const [row] = await cypher(
    db,
    `MATCH (:Entity {key: $from})-[r]->(:Entity {key: $to}) WHERE type(r) = $type
     RETURN r {.*, updatedAt: valueType(r.updatedAt)} AS r`,
    { from, to, type },
  );
  return row?.r as Record<string, unknown> | undefined;
}

beforeEach(() => removeByPrefix(db, P));
afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

describe("ingest", () => {
  it("looks the kinds of all keys up in one query", async () => {
    const queries: string[] = [];
    await ingestDocument(
      db,
      { roundTrips: 0, onQuery: (c) => queries.push(c) },
      doc([
        { ...LEADS, evidence: "Ann leads Freedonia." },
        { from: `${P}freedonia`, type: "MEMBER_OF", to: "nato", evidence: "Freedonia is in NATO." },
      ]),
    );
    expect(queries.filter((c) => c.includes("n.key IN $keys"))).toHaveLength(1);
    // And the kinds it finds still guard the keys the document defines.
    await expect(
      ingestDocument(
        db,
        { roundTrips: 0 },
        doc([], [{ key: `${P}ann`, kind: "Nation", name: "Ann" }]),
      ),
    ).rejects.toMatchObject({
      problems: [
        { path: ["entities", 0, "key"], message: expect.stringMatching(/already a Person/) },
      ],
    });
  });

  it("writes a new entity's relations as the upsert writes a new relation", async () => {
    // Ann exists; Sylvania is new: VISITED goes through the CREATE path. LEADS, between two
    // existing entities, through the upsert.
    await ingestDocument(db, { roundTrips: 0 }, doc([]));
    const s = await ingestDocument(
      db,
      { roundTrips: 0 },
      doc(
        [
          {
            from: `${P}ann`,
            type: "VISITED",
            to: `${P}sylvania`,
            properties: { date: "2022" },
            evidence: "Ann visited Sylvania.",
          },
          { ...LEADS, properties: { role: "Chief" }, evidence: "Ann leads Freedonia." },
        ],
        [
          { key: `${P}ann`, kind: "Person", name: "Ann" },
          { key: `${P}freedonia`, kind: "Nation", name: "Freedonia" },
          { key: `${P}sylvania`, kind: "Place", name: "Sylvania" },
        ],
      ),
    );
    expect(s.entityOutcomes).toEqual({ created: 1, updated: 0, corroborated: 0, unchanged: 3 });
    expect(s.relationOutcomes).toEqual({ created: 2, updated: 0, corroborated: 0, unchanged: 0 });
    expect(s.changed.entities).toEqual([`${P}sylvania`]);
    expect(s.changed.relations.sort()).toEqual([
      `${P}ann|LEADS|${P}freedonia`,
      `${P}ann|VISITED|${P}sylvania`,
    ]);
    // One claim each: the source's values, undated (the fixture source gives no publishedAt).
    const common = {
      evidenceSources: [`${P}source`],
      evidenceInferred: [false],
      evidenceAt: [""],
      evidenceRanks: ["NORMAL"],
      disputed: false,
      inferred: false,
      updatedBy: "ingest",
      updatedAt: "ZONED DATETIME NOT NULL",
    };
    expect(await relation("VISITED", `${P}ann`, `${P}sylvania`)).toEqual({
      ...common,
      date: "2022",
      evidenceExcerpts: ["Ann visited Sylvania."],
      evidenceValues: ['{"date":"2022"}'],
    });
    expect(await relation("LEADS", `${P}ann`, `${P}freedonia`)).toEqual({
      ...common,
      role: "Chief",
      evidenceExcerpts: ["Ann leads Freedonia."],
      evidenceValues: ['{"role":"Chief"}'],
    });
  });

  it("keeps one inferred flag per piece of evidence for a relation stated twice in one document", async () => {
    const twice = doc([
      { ...LEADS, evidence: "Ann leads Freedonia." },
      { ...LEADS, inferred: true, evidence: "Ann, the chief, heads Freedonia." },
    ]);
    const first = await ingestDocument(db, { roundTrips: 0 }, twice);
    // One relation, new: counted once, as --check counts it.
    expect(first.relationOutcomes).toEqual({
      created: 1,
      updated: 0,
      corroborated: 0,
      unchanged: 0,
    });
    expect(first.changed.relations).toEqual([`${P}ann|LEADS|${P}freedonia`]);
    expect(await relation("LEADS", `${P}ann`, `${P}freedonia`)).toMatchObject({
      evidenceSources: [`${P}source`, `${P}source`],
      evidenceExcerpts: ["Ann leads Freedonia.", "Ann, the chief, heads Freedonia."],
      evidenceInferred: [false, true],
      inferred: false,
    });
    const again = await ingestDocument(db, { roundTrips: 0 }, twice);
    expect(again.relationOutcomes).toEqual({
      created: 0,
      updated: 0,
      corroborated: 0,
      unchanged: 1,
    });
    expect(again.changed).toEqual({ entities: [], relations: [] });
  });

  it("counts the same without listing what changed when told not to", async () => {
    const d = doc([{ ...LEADS, evidence: "Ann leads Freedonia." }]);
    const s = await ingestDocument(db, { roundTrips: 0 }, d, "ingest", undefined, undefined, {
      listChanged: false,
    });
    expect(s.entityOutcomes).toEqual({ created: 3, updated: 0, corroborated: 0, unchanged: 0 });
    expect(s.relationOutcomes).toEqual({ created: 1, updated: 0, corroborated: 0, unchanged: 0 });
    expect(s.changed).toEqual({ entities: [], relations: [] });
  });
});

/** A document from source `src` (published `at`, if given) declaring `entities` (no relations). */
const declaring = (src: string, entities: object[], at?: string) => ({
  source: {
    key: `${P}${src}`,
    name: `Source ${src}`,
    properties: { text: "Nothing quoted.", ...(at ? { publishedAt: at } : {}) },
  },
  entities,
});
const INGEST = `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
  __typename ... on IngestDocumentSuccess { data { entities { created updated corroborated unchanged } } }
  ... on Error { message } } }`;
const ENTITY = `query ($key: String!) { entity(key: $key) {
  name aliases description ... on Nation { isoCode }
  fieldSources { field source previous previousSource } } }`;

async function ingest(d: object) {
  const r = await gql(INGEST, { d }, WRITE);
  expect(r.data?.ingestDocument.__typename).toBe("IngestDocumentSuccess");
  return r.data.ingestDocument.data.entities as Record<string, number>;
}
async function entity(key: string) {
  return (await gql(ENTITY, { key })).data?.entity;
}

describe("a second document declaring an entity adds to it", () => {
  const A = declaring(
    "a",
    [
      {
        key: `${P}ann`,
        kind: "Person",
        name: "Ann Lee",
        aliases: ["Annie", "A. Lee"],
        description: "Chief of Freedonia.",
      },
      {
        key: `${P}freedonia`,
        kind: "Nation",
        name: "Freedonia",
        description: "A small nation.",
        properties: { isoCode: "FRE" },
      },
    ],
    "2020-01",
  );
  // Published later, with fewer fields: no description, an alias in another case, a new alias,
  // another isoCode.
  const B = declaring(
    "b",
    [
      { key: `${P}ann`, kind: "Person", name: "Ann Lee", aliases: ["annie", "Ms Lee"] },
      { key: `${P}freedonia`, kind: "Nation", name: "Freedonia", properties: { isoCode: "FRD" } },
    ],
    "2021-06",
  );

  it("unions aliases, keeps what it leaves out, and takes the newer source's value", async () => {
    expect(await ingest(A)).toEqual({ created: 3, updated: 0, corroborated: 0, unchanged: 0 });
    expect(await ingest(B)).toEqual({ created: 1, updated: 2, corroborated: 0, unchanged: 0 });
    expect(await entity(`${P}ann`)).toEqual({
      name: "Ann Lee",
      aliases: ["Annie", "A. Lee", "Ms Lee"],
      description: "Chief of Freedonia.",
      fieldSources: [],
    });
    expect(await entity(`${P}freedonia`)).toEqual({
      name: "Freedonia",
      aliases: [],
      description: "A small nation.",
      isoCode: "FRD",
      fieldSources: [
        { field: "isoCode", source: `${P}b`, previous: "FRE", previousSource: `${P}a` },
      ],
    });

    // Replaying either changes nothing, the provenance included.
    expect(await ingest(B)).toEqual({ created: 0, updated: 0, corroborated: 0, unchanged: 3 });
    const [{ n } = { n: null }] = await cypher(
      db,
      "MATCH (n:Entity {key: $key}) RETURN n {.*, updatedAt: null} AS n",
      { key: `${P}freedonia` },
    );
    expect(await ingest(B)).toEqual({ created: 0, updated: 0, corroborated: 0, unchanged: 3 });
    const [{ n: again } = { n: null }] = await cypher(
      db,
      "MATCH (n:Entity {key: $key}) RETURN n {.*, updatedAt: null} AS n",
      { key: `${P}freedonia` },
    );
    expect(again).toEqual(n);

    // A again, after B: the older article restates its claim and overwrites nothing.
    expect(await ingest(A)).toEqual({ created: 0, updated: 0, corroborated: 0, unchanged: 3 });
    expect(await entity(`${P}freedonia`)).toMatchObject({
      isoCode: "FRD",
      fieldSources: [
        { field: "isoCode", source: `${P}b`, previous: "FRE", previousSource: `${P}a` },
      ],
    });
    expect((await entity(`${P}ann`)).aliases).toEqual(["Annie", "A. Lee", "Ms Lee"]);
  });

  it("gives the same fields in either order where the documents do not conflict", async () => {
    const pair = (suffix: string) => [
      declaring(`x${suffix}`, [
        {
          key: `${P}cy${suffix}`,
          kind: "Nation",
          name: "Cy",
          aliases: ["C"],
          description: "Kept.",
        },
      ]),
      declaring(`y${suffix}`, [
        // The same alias in another case would keep the first document's spelling.
        { key: `${P}cy${suffix}`, kind: "Nation", name: "Cy", aliases: ["Cee", "C"] },
        {
          key: `${P}cy${suffix}`.replace("cy", "dee"),
          kind: "Place",
          name: "Dee",
          description: "Only here.",
        },
      ]),
    ];
    const [x1, y1] = pair("1");
    const [y2, x2] = pair("2").reverse();
    for (const d of [x1, y1, y2, x2]) await ingest(d as object);
    const fields = async (key: string) => {
      const e = await entity(key);
      return { ...e, aliases: [...e.aliases].sort() };
    };
    const one = await fields(`${P}cy1`);
    expect(one).toEqual({
      name: "Cy",
      aliases: ["C", "Cee"],
      description: "Kept.",
      isoCode: null,
      fieldSources: [],
    });
    expect(await fields(`${P}cy2`)).toEqual(one);
  });

  it("marks a field disputed when sources at the same time disagree, whatever the order", async () => {
    const claimsOf = `query ($key: String!) { entity(key: $key) { description disputed disputedFields
      sourceCount claims { source { key } at values rank } } }`;
    const x = declaring(
      "x",
      [{ key: `${P}zed`, kind: "Place", name: "Zed", description: "A port town." }],
      "2024-05-01",
    );
    const y = declaring(
      "y",
      [{ key: `${P}zed`, kind: "Place", name: "Zed", description: "A mining town." }],
      "2024-05-01",
    );
    for (const d of [y, x]) await ingest(d);
    const one = (await gql(claimsOf, { key: `${P}zed` })).data.entity;
    expect(one).toMatchObject({
      // The first by source key at the latest time, so every order shows the same one.
      description: "A port town.",
      disputed: true,
      disputedFields: ["description"],
      // Both sources state something about it (no relation needed).
      sourceCount: 2,
    });
    expect(one.claims.map((c: { source: { key: string } }) => c.source.key)).toEqual([
      `${P}x`,
      `${P}y`,
    ]);
    await removeByPrefix(db, P);
    for (const d of [x, y]) await ingest(d);
    expect((await gql(claimsOf, { key: `${P}zed` })).data.entity).toEqual(one);
    // A later source settles it; the disagreement stays on record in the claims.
    await ingest(
      declaring(
        "z",
        [{ key: `${P}zed`, kind: "Place", name: "Zed", description: "A port and mining town." }],
        "2025",
      ),
    );
    expect((await gql(claimsOf, { key: `${P}zed` })).data.entity).toMatchObject({
      description: "A port and mining town.",
      disputed: true,
      sourceCount: 3,
    });
  });

  it("values written by hand are the claim without a source, older than any dated one", async () => {
    const claimsOf = `query ($key: String!) { entity(key: $key) { name description
      claims { source { key } at values } } }`;
    const made = await gql(
      `mutation { createEntity(input: { key: "${P}wye", kind: Place, name: "Wye", description: "By hand." }) { __typename } }`,
      {},
      WRITE,
    );
    expect(made.data.createEntity.__typename).toBe("CreateEntitySuccess");
    expect((await gql(claimsOf, { key: `${P}wye` })).data.entity).toEqual({
      name: "Wye",
      description: "By hand.",
      claims: [{ source: null, at: null, values: { description: "By hand.", name: "Wye" } }],
    });
    await ingest(
      declaring(
        "w",
        [{ key: `${P}wye`, kind: "Place", name: "Wye Town", description: "Dated." }],
        "2001",
      ),
    );
    expect((await gql(claimsOf, { key: `${P}wye` })).data.entity).toMatchObject({
      name: "Wye Town",
      description: "Dated.",
    });
    // Found by its new name, in any case.
    const found = await gql(
      `{ places(where: { name: { equals: "WYE TOWN" } }) { edges { node { key } } } }`,
    );
    expect(found.data.places.edges).toEqual([{ node: { key: `${P}wye` } }]);
    // An edit shows at once and becomes the hand-written claim.
    await gql(
      `mutation { updateEntity(key: "${P}wye", input: { description: "Edited." }) { __typename } }`,
      {},
      WRITE,
    );
    const edited = (await gql(claimsOf, { key: `${P}wye` })).data.entity;
    expect(edited.description).toBe("Edited.");
    expect(edited.claims[0]).toEqual({
      source: null,
      at: null,
      values: { description: "Edited.", name: "Wye" },
    });
    expect(edited.name).toBe("Wye Town");
  });

  it("createEntity on an existing key with fewer fields is a clear conflict and drops nothing", async () => {
    await ingest(A);
    const r = await gql(
      `mutation { createEntity(input: { key: "${P}ann", kind: Person, name: "Ann Lee", aliases: ["Annie"] }) {
        __typename ... on ConflictError { message } } }`,
      {},
      WRITE,
    );
    expect(r.data?.createEntity).toEqual({
      __typename: "ConflictError",
      message: `"${P}ann" already exists (a Person) and differs in aliases, description; nothing was written. Use updateEntity to change it, or ingestDocument to add to it.`,
    });
    expect(await entity(`${P}ann`)).toMatchObject({
      aliases: ["Annie", "A. Lee"],
      description: "Chief of Freedonia.",
    });
  });

  it("keeps a dagger the text means: only the damaged quote's dagger against a word is repaired (redteam7)", async () => {
    // The repair of the seed's damaged closing quotes turned every "†" into "” ": a text
    // marking the fallen with a dagger was stored, and quoted, with quotation marks instead.
    const text =
      "Cpl. Ann Brook† was among the fallen (†2022). He said it was “over†and went home.";
    const r = await gql(
      `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
        __typename ... on ValidationError { problems { path message } } } }`,
      {
        d: {
          source: { key: `${P}dagger`, name: "Dagger", properties: { text } },
          entities: [
            { key: `${P}ann`, kind: "Person", name: "Ann Brook" },
            { key: `${P}freedonia`, kind: "Nation", name: "Freedonia" },
          ],
          relations: [{ ...LEADS, evidence: "Cpl. Ann Brook† was among the fallen (†2022)." }],
        },
      },
      WRITE,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.ingestDocument).toEqual({ __typename: "IngestDocumentSuccess" });
    const read = await gql(`{ entity(key: "${P}dagger") { ... on Source { text } }
      rel: entity(key: "${P}ann") { relations { edges { evidence { excerpt } } } } }`);
    expect(read.data.entity.text).toBe(
      "Cpl. Ann Brook† was among the fallen (†2022). He said it was “over” and went home.",
    );
    expect(read.data.rel.relations.edges[0].evidence).toEqual([
      { excerpt: "Cpl. Ann Brook† was among the fallen (†2022)." },
    ]);
  });
});

describe("a document wrong in many ways at once (redteam24)", () => {
  // An empty name (structural) next to a duplicate key, an unknown endpoint, an endpoint of the
  // wrong kind and evidence not in the text (cross-references): ingestDocument listed the empty
  // name alone, and the others only on the next try; the dry run listed them all.
  const wrong = {
    source: { key: `${P}wrong`, name: "Wrong", properties: { text: TEXT } },
    entities: [
      { key: `${P}ann`, kind: "Person", name: "Ann" },
      { key: `${P}ann`, kind: "Person", name: "Ann again" },
      { key: `${P}blank`, kind: "Place", name: "" },
    ],
    relations: [
      { from: `${P}ann`, type: "LEADS", to: `${P}nowhere`, evidence: "Ann leads Freedonia." },
      { from: `${P}ann`, type: "VISITED", to: `${P}blank`, evidence: "Not in the text." },
    ],
  };
  const expected = [
    { path: ["entities", "1", "key"], message: `duplicate key "${P}ann"` },
    { path: ["entities", "2", "name"], message: "must not be empty" },
    {
      path: ["relations", "0", "to"],
      message: `unknown entity "${P}nowhere": define it in entities or ingest it first`,
    },
    {
      path: ["relations", "1", "evidence"],
      message: "evidence must be a verbatim excerpt of the source text",
    },
  ];

  it("ingestDocument lists every problem in one pass, as checkDocument does, and writes nothing", async () => {
    const r = await gql(
      `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
        __typename ... on ValidationError { message problems { path message } } } }`,
      { d: wrong },
      WRITE,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.ingestDocument).toEqual({
      __typename: "ValidationError",
      message: "The document is invalid; nothing was written.",
      problems: expected,
    });
    const check = await gql(
      `query ($d: JSONObject!) { checkDocument(document: $d) {
        __typename ... on ValidationError { problems { path message } } } }`,
      { d: wrong },
      WRITE,
    );
    expect(check.data.checkDocument.problems).toEqual(expected);
    const read = await gql(
      `{ a: entity(key: "${P}ann") { key } s: entity(key: "${P}wrong") { key } }`,
    );
    expect(read.data).toEqual({ a: null, s: null });
  });
});

describe("a key the graph holds as another kind", () => {
  it("is refused in words a reviewer reads: 'an Organization', 'an Event', not 'a Organization'", async () => {
    // The explorer's review and checkDocument show this message beside the key a reviewer typed:
    // it read '"ing-club" is already a Organization, not a Event'.
    await ingest(declaring("org", [{ key: `${P}club`, kind: "Organization", name: "The Club" }]));
    const r = await gql(
      `query ($d: JSONObject!) { checkDocument(document: $d) {
        ... on ValidationError { problems { path message } } } }`,
      { d: declaring("event", [{ key: `${P}club`, kind: "Event", name: "The Club" }]) },
      WRITE,
    );
    expect(r.data?.checkDocument.problems).toEqual([
      {
        path: ["entities", "0", "key"],
        message: `"${P}club" is already an Organization, not an Event`,
      },
    ]);
  });
});
