/**
 * A corrected article ingested with `supersedes` (redteam21), where the old version's claims
 * still stood in the way while the new one was checked:
 * - a correction that says the opposite of a containment the old version stated ("B is part of
 *   A" where it said "A is part of B") was refused as closing a cycle with the very relation the
 *   supersede retracts; retracting the old source and then ingesting was let through;
 * - the old version ingested again superseding its correction (A <- B, then A superseding B) was
 *   answered "superseded B" while ingest keeps A retracted: neither version counted any more, and
 *   the person both name was gone from every list.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { createClient, removeByPrefix, testDb } from "../helpers/client.js";

const P = "supe-";
const db = testDb();
const admin = generateToken();
const { gql } = createClient(db, {
  tokens: [{ name: "supe-admin", sha256: admin.sha256, scopes: ["admin"] }],
});
const auth = `Bearer ${admin.token}`;

const INGEST = `mutation ($d: JSONObject!, $s: String) { ingestDocument(document: $d, supersedes: $s) {
  __typename ... on ValidationError { problems { path message } }
  ... on IngestDocumentSuccess { data { source superseded { key relations } } } } }`;
const CHECK = `query ($d: JSONObject!, $s: String) { checkDocument(document: $d, supersedes: $s) {
  __typename ... on ValidationError { problems { path message } } } }`;
const RETRACT = `mutation ($k: String!, $r: Boolean) { retractSource(key: $k, retracted: $r) {
  __typename ... on ValidationError { problems { path message } } } }`;

beforeAll(async () => {
  await removeByPrefix(db, P);
});
afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

describe("a correction that reverses a containment the old version stated", () => {
  const OLD = "The Old Quarter is part of Newtown.";
  const NEW = "Newtown is part of the Old Quarter.";
  const url = "https://news.example/supe-town";
  const places = [
    { key: `${P}quarter`, kind: "Place", name: "Old Quarter" },
    { key: `${P}town`, kind: "Place", name: "Newtown" },
  ];
  const version = (key: string, text: string, from: string, to: string) => ({
    source: { key, name: "Town article", properties: { text, url, publishedAt: "2026-02-01" } },
    entities: places,
    relations: [{ from, type: "PART_OF", to, evidence: text }],
  });
  const corrected = version(`${P}article-2`, NEW, `${P}town`, `${P}quarter`);
  const WITHIN = `{ town: entity(key: "${P}town") { relations(direction: OUT) { edges { type to { key } } } }
    quarter: entity(key: "${P}quarter") { relations(direction: OUT) { edges { type to { key } } } } }`;

  it("is checked and ingested with supersedes: the old containment is retracted with it", async () => {
    const first = await gql(
      INGEST,
      { d: version(`${P}article`, OLD, `${P}quarter`, `${P}town`) },
      auth,
    );
    expect(first.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
    // Without supersedes the old version still counts: the cycle is real, and refused.
    const plain = await gql(CHECK, { d: corrected }, auth);
    expect(plain.data.checkDocument.problems).toEqual([
      { path: ["relations", "0", "to"], message: expect.stringContaining("would close a cycle") },
    ]);

    const check = await gql(CHECK, { d: corrected, s: `${P}article` }, auth);
    expect(check.errors).toBeUndefined();
    expect(check.data.checkDocument.__typename).toBe("CheckDocumentSuccess");
    const r = await gql(INGEST, { d: corrected, s: `${P}article` }, auth);
    expect(r.errors).toBeUndefined();
    expect(r.data.ingestDocument).toEqual({
      __typename: "IngestDocumentSuccess",
      data: { source: `${P}article-2`, superseded: { key: `${P}article`, relations: 1 } },
    });
    const after = await gql(WITHIN);
    expect(after.data.town.relations.edges).toEqual([
      { type: "PART_OF", to: { key: `${P}quarter` } },
    ]);
    expect(after.data.quarter.relations.edges).toEqual([]);
  });

  it("and restoring the old version is then refused, as the cycle would be back", async () => {
    const r = await gql(RETRACT, { k: `${P}article`, r: false }, auth);
    expect(r.data.retractSource.__typename).toBe("ValidationError");
    const after = await gql(`{ e: entity(key: "${P}article") { retracted } }`);
    expect(after.data.e.retracted).toBe(true);
  });
});

describe("an old version sent again superseding its correction", () => {
  const url = "https://news.example/supe-chain";
  const doc = (key: string, text: string) => ({
    source: { key, name: "Chain article", properties: { text, url, publishedAt: "2026-03-01" } },
    entities: [
      { key: `${P}ann`, kind: "Person", name: "Ann Chain" },
      { key: `${P}land`, kind: "Nation", name: "Chainland" },
    ],
    relations: [{ from: `${P}ann`, type: "LEADS", to: `${P}land`, evidence: text }],
  });
  const A = "Ann Chain leads Chainland.";
  const B = "Ann Chain led Chainland until May.";
  const C = "Ann Chain led Chainland until June.";
  const READ = `{ ann: entity(key: "${P}ann") { retracted relations { edges { type evidence { source { key } } } } }
    c: entity(key: "${P}c") { retracted } }`;

  it("is refused at supersedes while its source is retracted, and nothing changes", async () => {
    for (const [d, s] of [
      [doc(`${P}a`, A), undefined],
      [doc(`${P}b`, B), `${P}a`],
      [doc(`${P}c`, C), `${P}b`],
    ] as const) {
      const r = await gql(INGEST, { d, s }, auth);
      expect(r.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
    }
    const before = await gql(READ);
    expect(before.data.ann.relations.edges).toEqual([
      { type: "LEADS", evidence: [{ source: { key: `${P}c` } }] },
    ]);
    for (const [query, field] of [
      [CHECK, "checkDocument"],
      [INGEST, "ingestDocument"],
    ] as const) {
      const r = await gql(query, { d: doc(`${P}a`, A), s: `${P}c` }, auth);
      expect(r.errors).toBeUndefined();
      expect(r.data[field].__typename).toBe("ValidationError");
      expect(r.data[field].problems).toEqual([
        { path: ["supersedes"], message: expect.stringContaining(`"${P}a" is retracted`) },
      ]);
    }
    expect(await gql(READ)).toEqual(before);
    expect(before.data.c.retracted).toBe(false);
    expect(before.data.ann.retracted).toBe(false);
  });

  it("is taken once its source is restored: the restored version supersedes the correction", async () => {
    const restored = await gql(RETRACT, { k: `${P}a`, r: false }, auth);
    expect(restored.data.retractSource.__typename).toBe("RetractSourceSuccess");
    const r = await gql(INGEST, { d: doc(`${P}a`, A), s: `${P}c` }, auth);
    expect(r.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
    const after = await gql(READ);
    expect(after.data.c.retracted).toBe(true);
    expect(after.data.ann.retracted).toBe(false);
    expect(after.data.ann.relations.edges).toEqual([
      { type: "LEADS", evidence: [{ source: { key: `${P}a` } }] },
    ]);
  });
});

describe("the dry run of a correction that states other values than its old version", () => {
  const url = "https://news.example/supe-plan";
  const doc = (key: string, text: string, description: string, role: string) => ({
    source: { key, name: "Plan article", properties: { text, url, publishedAt: "2026-04-01" } },
    entities: [
      { key: `${P}pm`, kind: "Person", name: "Ann Plan", description },
      { key: `${P}planland`, kind: "Nation", name: "Planland" },
    ],
    relations: [
      { from: `${P}pm`, type: "LEADS", to: `${P}planland`, properties: { role }, evidence: text },
    ],
  });
  const PLAN = `query ($d: JSONObject!, $s: String) { checkDocument(document: $d, supersedes: $s) {
    ... on CheckDocumentSuccess { data {
      entities { key action changed { field from to } outweighed { field } }
      relations { type action changed { field from to } outweighed { field } } } } } }`;
  const COUNTED = `mutation ($d: JSONObject!, $s: String) { ingestDocument(document: $d, supersedes: $s) {
    ... on IngestDocumentSuccess { data {
      entities { created updated corroborated unchanged }
      relations { created updated corroborated unchanged } } } } }`;
  const READ = `{ pm: entity(key: "${P}pm") { description
    relations(types: [LEADS]) { edges { properties disputed } } } }`;

  it("says what the ingest does: the correction's values, not the old ones kept as disputed; the ingest counts them changed", async () => {
    const first = await gql(
      INGEST,
      {
        d: doc(
          `${P}plan`,
          "Ann Plan is Prime Minister of Planland.",
          "Leader of Planland",
          "Prime Minister",
        ),
      },
      auth,
    );
    expect(first.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
    const corrected = doc(
      `${P}plan-2`,
      "Ann Plan is President of Planland.",
      "Former leader of Planland",
      "President",
    );
    const plan = await gql(PLAN, { d: corrected, s: `${P}plan` }, auth);
    expect(plan.errors).toBeUndefined();
    const { entities, relations } = plan.data.checkDocument.data;
    expect(entities.find((e: { key: string }) => e.key === `${P}pm`)).toEqual({
      key: `${P}pm`,
      action: "UPDATE",
      changed: [
        { field: "description", from: "Leader of Planland", to: "Former leader of Planland" },
      ],
      outweighed: [],
    });
    expect(relations).toEqual([
      {
        type: "LEADS",
        action: "UPDATE",
        changed: [{ field: "role", from: "Prime Minister", to: "President" }],
        outweighed: [],
      },
    ]);
    expect(entities.map((e: { action: string }) => e.action)).toEqual([
      "CREATE",
      "UPDATE",
      "CORROBORATE",
    ]);
    // The ingest counts in the same words: the description and the role changed.
    const r = await gql(COUNTED, { d: corrected, s: `${P}plan` }, auth);
    expect(r.data.ingestDocument.data).toEqual({
      entities: { created: 1, updated: 1, corroborated: 1, unchanged: 0 },
      relations: { created: 0, updated: 1, corroborated: 0, unchanged: 0 },
    });
    const after = await gql(READ);
    expect(after.data.pm).toEqual({
      description: "Former leader of Planland",
      relations: { edges: [{ properties: { role: "President" }, disputed: false }] },
    });
  });
});

describe("a correction that names an entity no version stated before", () => {
  it("is ingested with supersedes, the new entity written (it failed as 'Unexpected error.')", async () => {
    const url = "https://news.example/supe-mayor";
    const place = { key: `${P}harbour`, kind: "Place", name: "Harbour Town" };
    const first = await gql(
      INGEST,
      {
        d: {
          source: {
            key: `${P}mayor`,
            name: "Mayor",
            properties: { url, publishedAt: "2026-03-01" },
          },
          entities: [place],
          relations: [],
        },
      },
      auth,
    );
    expect(first.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
    const text = "Mayor Ines Holm opened Harbour Town's new pier.";
    const r = await gql(
      INGEST,
      {
        d: {
          source: {
            key: `${P}mayor-2`,
            name: "Mayor",
            properties: { text, url, publishedAt: "2026-03-02" },
          },
          entities: [place, { key: `${P}ines-holm`, kind: "Person", name: "Ines Holm" }],
          relations: [
            { from: `${P}ines-holm`, type: "VISITED", to: `${P}harbour`, evidence: text },
          ],
        },
        s: `${P}mayor`,
      },
      auth,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.ingestDocument.data.superseded).toEqual({ key: `${P}mayor`, relations: 0 });
    const e = await gql(`{ entity(key: "${P}ines-holm") { kind name } }`);
    expect(e.data.entity).toEqual({ kind: "Person", name: "Ines Holm" });
  });
});
