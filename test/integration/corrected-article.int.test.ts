/**
 * A stored article sent again (the same URL) with another text: a correction, an update, a longer
 * version. It replaced the stored text whatever it said, and a relation quoting a sentence the new
 * text no longer held kept that sentence as evidence: no longer verbatim in its source (drafts18).
 * Now the new text is taken only when every quoted sentence is still in it; otherwise the ingest
 * (and its dry run) is refused at the text, saying which sentences and what to do, and nothing is
 * written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { createClient, removeByPrefix, testDb } from "../helpers/client.js";

const P = "corr-";
const db = testDb();
const writer = generateToken();
const admin = generateToken();
const { gql } = createClient(db, {
  tokens: [
    { name: "corr-writer", sha256: writer.sha256, scopes: ["write"] },
    { name: "corr-admin", sha256: admin.sha256, scopes: ["admin"] },
  ],
});
const auth = `Bearer ${writer.token}`;
const adminAuth = `Bearer ${admin.token}`;

const URL = "https://news.example/corrected-article";
const LEADS = "Ann Fixed leads Fixland.";
const MEMBER = "Fixland is a member of NATO.";
const article = (
  text: string,
  relations: { type: string; to: string; evidence: string }[],
  key = `${P}src`,
) => ({
  source: {
    key,
    name: "An article",
    properties: { text, url: URL, publishedAt: "2026-01-10" },
  },
  entities: [
    { key: `${P}ann`, kind: "Person", name: "Ann Fixed" },
    { key: `${P}land`, kind: "Nation", name: "Fixland" },
  ],
  relations: relations.map((r) => ({ from: `${P}ann`, ...r })),
});
const INGEST = `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
  __typename ... on ValidationError { problems { path message } } } }`;
const CHECK = `query ($d: JSONObject!) { checkDocument(document: $d) { __typename
  ... on ValidationError { problems { path message } } } }`;
const READ = `{ source: entity(key: "${P}src") { ... on Source { text } }
  ann: entity(key: "${P}ann") { relations { edges { type evidence { excerpt } } } } }`;

beforeAll(async () => {
  await removeByPrefix(db, P);
  const first = article(`${LEADS} ${MEMBER}`, [{ type: "LEADS", to: `${P}land`, evidence: LEADS }]);
  const r = await gql(INGEST, { d: first }, auth);
  expect(r.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
});
afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

describe("the same article sent again with another text", () => {
  it("is refused when a sentence the graph quotes from it is gone, and nothing is written", async () => {
    const corrected = article(`Ann Fixed led Fixland until May. ${MEMBER}`, []);
    for (const [query, field] of [
      [CHECK, "checkDocument"],
      [INGEST, "ingestDocument"],
    ] as const) {
      const r = await gql(query, { d: corrected }, auth);
      expect(r.errors).toBeUndefined();
      expect(r.data[field].__typename).toBe("ValidationError");
      expect(r.data[field].problems).toEqual([
        {
          path: ["source", "properties", "text"],
          message: expect.stringContaining(
            `1 sentence the graph quotes from it as evidence is not in this one ("${LEADS}")`,
          ),
        },
      ]);
      expect(r.data[field].problems[0].message).toContain(`${P}src-2, which is free`);
    }
    // The way out, as a field a client takes without reading the message (explorer20b).
    const WAY_OUT = `query ($d: JSONObject!) { checkDocument(document: $d) {
      ... on ValidationError { problems { path newVersion { key supersedes } } } } }`;
    const way = await gql(WAY_OUT, { d: corrected }, auth);
    expect(way.data.checkDocument.problems).toEqual([
      {
        path: ["source", "properties", "text"],
        newVersion: { key: `${P}src-2`, supersedes: `${P}src` },
      },
    ]);
    const after = await gql(READ);
    expect(after.data.source.text).toBe(`${LEADS} ${MEMBER}`);
    expect(after.data.ann.relations.edges).toEqual([
      { type: "LEADS", evidence: [{ excerpt: LEADS }] },
    ]);
  });

  it("replaces the stored text when every quoted sentence is still in it", async () => {
    const longer = `${LEADS} ${MEMBER} Ann Fixed visited Latvia on Monday.`;
    const r = await gql(
      INGEST,
      { d: article(longer, [{ type: "LEADS", to: `${P}land`, evidence: LEADS }]) },
      auth,
    );
    expect(r.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
    const after = await gql(READ);
    expect(after.data.source.text).toBe(longer);
    expect(after.data.ann.relations.edges[0].evidence).toEqual([{ excerpt: LEADS }]);
  });
});

describe("a corrected version that supersedes the stored one", () => {
  const FIXED = "Ann Fixed led Fixland until May.";
  const corrected = article(
    `${FIXED} ${MEMBER}`,
    [{ type: "LEADS", to: `${P}land`, evidence: FIXED }],
    `${P}src-2`,
  );
  const SUPERSEDE = `mutation ($d: JSONObject!, $s: String) { ingestDocument(document: $d, supersedes: $s) {
    __typename ... on ValidationError { problems { path message } }
    ... on IngestDocumentSuccess { data { source superseded { key relations } } } } }`;
  const CHECK_SUPERSEDE = `query ($d: JSONObject!, $s: String) { checkDocument(document: $d, supersedes: $s) {
    __typename ... on ValidationError { problems { path message } }
    ... on CheckDocumentSuccess { data { supersedes summary } } } }`;
  const READ_BOTH = `{ old: entity(key: "${P}src") { retracted }
    new: entity(key: "${P}src-2") { retracted }
    ann: entity(key: "${P}ann") { relations { edges { type evidence { excerpt } } } } }`;

  it("refuses its own key, a key of no source, and a writer without the admin scope; nothing written", async () => {
    for (const [s, message] of [
      [`${P}src-2`, `a document cannot supersede its own source "${P}src-2"`],
      [
        `${P}nowhere`,
        `there is no stored article with the source key "${P}nowhere" for this one to replace: give the source key of the article it corrects, or stop superseding (leave supersedes out) to add it as an article of its own`,
      ],
      [
        `${P}ann`,
        `"${P}ann" is a Person, not an article: supersedes takes the source key of the stored article this one corrects`,
      ],
    ] as const) {
      for (const [query, field, token] of [
        [CHECK_SUPERSEDE, "checkDocument", auth],
        [SUPERSEDE, "ingestDocument", adminAuth],
      ] as const) {
        const r = await gql(query, { d: corrected, s }, token);
        expect(r.errors).toBeUndefined();
        expect(r.data[field].__typename).toBe("ValidationError");
        expect(r.data[field].problems).toEqual([
          { path: ["supersedes"], message: expect.stringContaining(message) },
        ]);
      }
    }
    // An empty key is no key: refused as every malformed key is, not taken for "none".
    const empty = await gql(CHECK_SUPERSEDE, { d: corrected, s: "" }, auth);
    expect(empty.errors).toBeUndefined();
    expect(empty.data.checkDocument.__typename).toBe("ValidationError");
    expect(empty.data.checkDocument.problems).toEqual([
      { path: ["supersedes"], message: expect.any(String) },
    ]);
    const forbidden = await gql(SUPERSEDE, { d: corrected, s: `${P}src` }, auth);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const after = await gql(READ_BOTH);
    expect(after.data.old.retracted).toBe(false);
    expect(after.data.new).toBeNull();
  });

  it("says it in the dry run, then writes the new version and retracts the old one in one request", async () => {
    const plan = await gql(CHECK_SUPERSEDE, { d: corrected, s: `${P}src` }, auth);
    expect(plan.data.checkDocument.__typename).toBe("CheckDocumentSuccess");
    expect(plan.data.checkDocument.data.supersedes).toBe(`${P}src`);
    expect(plan.data.checkDocument.data.summary[0]).toContain(`${P}src is superseded`);

    const r = await gql(SUPERSEDE, { d: corrected, s: `${P}src` }, adminAuth);
    expect(r.errors).toBeUndefined();
    expect(r.data.ingestDocument.data).toEqual({
      source: `${P}src-2`,
      superseded: { key: `${P}src`, relations: 1 },
    });
    const after = await gql(READ_BOTH);
    expect(after.data.old.retracted).toBe(true);
    expect(after.data.new.retracted).toBe(false);
    // The old version's sentence no longer counts; the correction's does.
    expect(after.data.ann.relations.edges).toEqual([
      { type: "LEADS", evidence: [{ excerpt: FIXED }] },
    ]);
  });
});
