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
const { gql } = createClient(db, {
  tokens: [{ name: "corr-writer", sha256: writer.sha256, scopes: ["write"] }],
});
const auth = `Bearer ${writer.token}`;

const URL = "https://news.example/corrected-article";
const LEADS = "Ann Fixed leads Fixland.";
const MEMBER = "Fixland is a member of NATO.";
const article = (text: string, relations: { type: string; to: string; evidence: string }[]) => ({
  source: {
    key: `${P}src`,
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
