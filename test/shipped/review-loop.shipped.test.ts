/**
 * The review loop as a user runs it, against the server as `npm start` runs it: extractDocument
 * proposes a source key from the publisher, year and title, so two articles of one publisher
 * with one title in one year are proposed the same key. The second one's ingest used to succeed
 * and move the first article to the second one's URL and text: the first article's evidence then
 * cited a page that never said it. A source key names one article: a document whose source key
 * is already a source with another URL is refused at that URL, and nothing is written.
 */
import { describe, expect, it } from "vitest";
import { post, shippedWithPrefix } from "../helpers/shipped.js";

const P = "shipped-review-";
const { server } = shippedWithPrefix(P);

const EXTRACT = `mutation ($t: String!, $s: ExtractSourceInput) {
  extractDocument(text: $t, source: $s) { document } }`;
const INGEST = `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
  __typename ... on ValidationError { problems { path message } } } }`;

const write = (query: string, variables: object) =>
  post(server, { query, variables }, { authorization: server.authorization });

describe("two articles given one source key", () => {
  it("the second is refused at its URL; the first keeps its URL, text and evidence", async () => {
    // The publisher carries the prefix, so the proposed key does (and is removed afterwards); the
    // articles name only what the seed has, so they add no entity of their own.
    const meta = { title: "Defence talks", publisher: "shipped review", publishedAt: "2024-03-04" };
    const first = await write(EXTRACT, {
      t: "Canada is a member of NATO.",
      s: { ...meta, url: "https://daily.example/one" },
    });
    const second = await write(EXTRACT, {
      t: "Latvia is a member of NATO.",
      s: { ...meta, url: "https://daily.example/two" },
    });
    const [a, b] = [
      first.body.data.extractDocument.document,
      second.body.data.extractDocument.document,
    ];
    // The drafts as returned, as a reviewer would send them: one proposed key for both.
    expect(b.source.key).toBe(a.source.key);
    expect((await write(INGEST, { d: a })).body.data.ingestDocument.__typename).toBe(
      "IngestDocumentSuccess",
    );
    const refused = (await write(INGEST, { d: b })).body.data.ingestDocument;
    expect(refused.__typename).toBe("ValidationError");
    expect(refused.problems[0].path).toEqual(["source", "properties", "url"]);
    expect(refused.problems[0].message).toContain("https://daily.example/one");
    expect(refused.problems[0].message).toContain("a source key of its own");
    const stored = await post(server, {
      query: `{ entity(key: "${a.source.key}") { ... on Source { url text } } }`,
    });
    expect(stored.body.data.entity).toEqual({
      url: "https://daily.example/one",
      text: "Canada is a member of NATO.",
    });
    // The key it suggests is free (a third article under the same key is told the next one).
    expect(refused.problems[0].message).toContain(`such as ${a.source.key}-2, which is free`);
    // Under a key of its own it goes in; the same article again (same URL) is a replay.
    expect(
      (await write(INGEST, { d: { ...b, source: { ...b.source, key: `${b.source.key}-2` } } })).body
        .data.ingestDocument,
    ).toMatchObject({ __typename: "IngestDocumentSuccess" });
    expect((await write(INGEST, { d: a })).body.data.ingestDocument.__typename).toBe(
      "IngestDocumentSuccess",
    );
    const third = await write(EXTRACT, {
      t: "Estonia is a member of NATO.",
      s: { ...meta, url: "https://daily.example/three" },
    });
    const c = third.body.data.extractDocument.document;
    const thirdRefused = (await write(INGEST, { d: c })).body.data.ingestDocument;
    expect(thirdRefused.problems[0].message).toContain(`such as ${a.source.key}-3, which is free`);
    // The second article sent again under the first one's key is told where it already is.
    const again = (await write(INGEST, { d: b })).body.data.ingestDocument;
    expect(again.problems[0].message).toContain(
      `this article is already in the graph as the source "${a.source.key}-2"`,
    );
  }, 60_000);
});

describe("two articles without a URL given one source key", () => {
  it("the second is refused at its text; the first keeps its text, and its sentences stay quotes of it", async () => {
    // Drafts as the explorer gets them when no address is given: the key proposed from the
    // publisher, year and title, one for both. The second used to replace the first one's text
    // (and title), so the first one's relations quoted sentences its source no longer had.
    const meta = { title: "Allies meet", publisher: "shipped review", publishedAt: "2024-05-06" };
    const first = await write(EXTRACT, { t: "Canada is a member of NATO.", s: meta });
    const second = await write(EXTRACT, { t: "Latvia is a member of NATO.", s: meta });
    const [a, b] = [
      first.body.data.extractDocument.document,
      second.body.data.extractDocument.document,
    ];
    expect(b.source.key).toBe(a.source.key);
    expect(a.source.properties.url).toBeUndefined();
    expect((await write(INGEST, { d: a })).body.data.ingestDocument.__typename).toBe(
      "IngestDocumentSuccess",
    );
    const refused = (await write(INGEST, { d: b })).body.data.ingestDocument;
    expect(refused.__typename).toBe("ValidationError");
    expect(refused.problems).toEqual([
      {
        path: ["source", "properties", "text"],
        message: `the source "${a.source.key}" is already another article, with another text ("Canada is a member of NATO.…"): give this article a source key of its own (such as ${a.source.key}-2, which is free); to replace that article's text, delete its source first (deleteEntity)`,
      },
    ]);
    const stored = await post(server, {
      query: `{ entity(key: "${a.source.key}") { ... on Source { title text }
        relations(types: [MENTIONS], first: 10) { edges { evidence { excerpt } } } } }`,
    });
    const source = stored.body.data.entity;
    expect(source.text).toBe("Canada is a member of NATO.");
    for (const edge of source.relations.edges)
      for (const e of edge.evidence) expect(source.text).toContain(e.excerpt);
    // The same article again (same text, still no URL) is a replay; the second one goes in under
    // the key it was told.
    expect((await write(INGEST, { d: a })).body.data.ingestDocument.__typename).toBe(
      "IngestDocumentSuccess",
    );
    const moved = { ...b, source: { ...b.source, key: `${b.source.key}-2` } };
    moved.relations = b.relations.map((r: { from: string; to: string }) => ({
      ...r,
      from: r.from === b.source.key ? moved.source.key : r.from,
      to: r.to === b.source.key ? moved.source.key : r.to,
    }));
    expect((await write(INGEST, { d: moved })).body.data.ingestDocument.__typename).toBe(
      "IngestDocumentSuccess",
    );
  }, 60_000);
});
