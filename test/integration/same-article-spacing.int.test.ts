/**
 * The same article sent again under its source key with other spacing (no-break spaces, a
 * doubled space, Windows line ends) or straight quotes for curly ones is one article (sameArticle), and ingest keeps it one: the
 * stored text stays, and each sentence the article's relations quote stays verbatim in it, held
 * once. The document's text replaced the stored one, and the sentence quoted before was no longer
 * in it, the same sentence held twice as evidence (redteam18).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { createClient, removeByPrefix, testDb } from "../helpers/client.js";

const P = "sas-";
const db = testDb();
const writer = generateToken();
const { gql } = createClient(db, {
  tokens: [{ name: "sas-writer", sha256: writer.sha256, scopes: ["write"] }],
});
const auth = `Bearer ${writer.token}`;

const TEXT = "Ann Spacing leads Spaceland, “the small one”.\nSpaceland is a member of NATO.";
const article = (text: string, url?: string) => ({
  source: {
    key: `${P}src`,
    name: "An article",
    properties: { text, publishedAt: "2026-01-10", ...(url ? { url } : {}) },
  },
  entities: [
    { key: `${P}ann`, kind: "Person", name: "Ann Spacing" },
    { key: `${P}land`, kind: "Nation", name: "Spaceland" },
  ],
  relations: [
    {
      from: `${P}ann`,
      type: "LEADS",
      to: `${P}land`,
      evidence: text.split(/\r?\n/)[0] as string,
    },
  ],
});
const INGEST = `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
  __typename ... on ValidationError { problems { path message } } } }`;
const CHECK = `query ($d: JSONObject!) { checkDocument(document: $d) { __typename
  ... on CheckDocumentSuccess { data { entities { key action changed { field } }
    relations { action addedEvidence } } } } }`;
const READ = `{ source: entity(key: "${P}src") { ... on Source { text } }
  ann: entity(key: "${P}ann") { relations { edges { evidence { excerpt } } } } }`;

beforeAll(async () => {
  await removeByPrefix(db, P);
  const r = await gql(INGEST, { d: article(TEXT) }, auth);
  expect(r.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
});
afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

describe("the same article with other spacing", () => {
  const variants: [string, string, string?][] = [
    ["no-break spaces", TEXT.replace("leads Spaceland", "leads\u00a0\u00a0Spaceland")],
    [
      "a doubled space, with a URL",
      TEXT.replace("Ann Spacing", "Ann  Spacing"),
      "https://ex.test/a",
    ],
    ["Windows line ends", TEXT.replace("\n", "\r\n")],
    ["straight quotes for curly ones", TEXT.replace("\u201c", '"').replace("\u201d", '"')],
  ];
  for (const [name, text, url] of variants)
    it(`${name}: nothing to change, and ingest keeps the text and its one quoted sentence`, async () => {
      const plan = await gql(CHECK, { d: article(text, url) }, auth);
      expect(plan.errors).toBeUndefined();
      const data = plan.data.checkDocument.data;
      // The text is not changed (a url the stored source lacked is added).
      expect(data.entities[0]).toEqual({
        key: `${P}src`,
        action: url ? "UPDATE" : "UNCHANGED",
        changed: url ? [{ field: "url" }] : [],
      });
      expect(data.relations).toEqual([{ action: "UNCHANGED", addedEvidence: 0 }]);
      const r = await gql(INGEST, { d: article(text, url) }, auth);
      expect(r.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
      const after = await gql(READ);
      expect(after.data.source.text).toBe(TEXT);
      expect(after.data.ann.relations.edges[0].evidence).toEqual([
        { excerpt: TEXT.split("\n")[0] },
      ]);
    });
});
