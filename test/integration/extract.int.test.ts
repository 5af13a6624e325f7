/**
 * extractDocument through GraphQL, as the explorer's "Add an article" would call it: a draft
 * whose names are linked to the graph's entities (the seed's Latvia and Stoltenberg, and one this
 * test creates), every evidence a sentence of the text, nothing written, two round trips for
 * linking; and the draft, once reviewed, ingests as it stands.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { FOLD_RULE } from "../../src/domain/fold.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { createClient, cypher, removeByPrefix, testDb } from "../helpers/client.js";

const db = testDb();
const writer = generateToken();
const reader = generateToken();
const { gql } = createClient(db, {
  // A fresh test server plans each relation type's ingest statement on its first use, which on a
  // loaded machine takes longer than the production budget of 10 s for the first ingest.
  limits: { ...DEFAULT_LIMITS, requestTimeoutMs: 120_000, queryTimeoutMs: 110_000 },
  tokens: [
    { name: "extract-writer", sha256: writer.sha256, scopes: ["read", "write"] },
    { name: "extract-reader", sha256: reader.sha256, scopes: ["read"] },
  ],
});
const WRITE = `Bearer ${writer.token}`;
const P = "xtr-";

const TEXT = [
  "Estonian Defence Minister Hanno Pevkur visited Latvia on Tuesday alongside NATO Secretary-General Jens Stoltenberg.",
  "About 1,200 Canadian Armed Forces members are deployed to Latvia under Operation Reassurance, and 200 more will join next month.",
  "“We will not be intimidated,” Pevkur said.",
  "Estonia spent an estimated 2.3 per cent of GDP on defence last year, above NATO's two per cent target.",
].join("\n\n");

const EXTRACT = `mutation ($text: String!, $source: ExtractSourceInput) {
  extractDocument(text: $text, source: $source) {
    yaml document problems
    entities { key kind name status mentions { start end } }
    relations { index type from to excerpt span { start end } confidence inferred }
    sentences { start end }
  }
}`;

const source = {
  key: `${P}source`,
  title: "Pevkur in Latvia",
  publisher: "Test Wire",
  publishedAt: "2024-03-14",
};

async function count(prefix: string) {
  const [row] = await cypher(
    db,
    "MATCH (n:Entity) WHERE n.key STARTS WITH $p RETURN count(n) AS n",
    { p: prefix },
  );
  return Number(row?.n);
}

beforeAll(async () => {
  await removeByPrefix(db, P);
  // A person the graph already knows under a key of its own: the draft must link to it.
  await cypher(
    db,
    "CREATE (:Entity:Person {key: $key, kind: 'Person', name: 'Hanno Pevkur', nameLower: 'hanno pevkur', namePlain: 'hanno pevkur', aliases: ['Pevkur'], aliasesLower: ['pevkur'], aliasesPlain: ['pevkur'], foldRule: $foldRule})",
    { key: `${P}hanno-pevkur`, foldRule: FOLD_RULE },
  );
});
/** Entities the draft proposed as NEW (not in the graph before this file ran): removed after. */
const created = new Set<string>();
afterAll(async () => {
  await removeByPrefix(db, P);
  await cypher(db, "MATCH (n:Entity) WHERE n.key IN $keys DETACH DELETE n", { keys: [...created] });
  await db.driver.close();
});

describe("extractDocument", () => {
  it("returns a linked draft with verbatim evidence and writes nothing", async () => {
    const before = await count(P);
    const r = await gql(EXTRACT, { text: TEXT, source }, WRITE);
    expect(r.errors).toBeUndefined();
    const d = r.data.extractDocument;
    for (const e of d.entities) if (e.status === "NEW") created.add(e.key);
    // A NEW entity is one the graph does not hold: ingesting the draft cannot change another.
    const [held] = await cypher(db, "MATCH (n:Entity) WHERE n.key IN $keys RETURN count(n) AS n", {
      keys: [...created],
    });
    expect(Number(held?.n), [...created].join(",")).toBe(0);
    const byKey = new Map(d.entities.map((e: { key: string }) => [e.key, e]));
    expect(byKey.get(`${P}hanno-pevkur`)).toMatchObject({ kind: "Person", status: "LINKED" });
    expect(byKey.get("latvia")).toMatchObject({ kind: "Nation", status: "LINKED" });
    expect(byKey.get("jens-stoltenberg")).toMatchObject({ status: "LINKED" });
    expect(byKey.get("estonia")).toMatchObject({ kind: "Nation" });
    const has = (type: string, from: string, to: string) =>
      d.relations.some(
        (x: { type: string; from: string; to: string }) =>
          x.type === type && x.from === from && x.to === to,
      );
    expect(has("SERVES_IN", `${P}hanno-pevkur`, "estonia")).toBe(true);
    expect(has("VISITED", `${P}hanno-pevkur`, "latvia")).toBe(true);
    expect(has("CONTRIBUTES_TO", "canadian-armed-forces", "operation-reassurance")).toBe(true);
    expect(has("DEPLOYED_TO", "operation-reassurance", "latvia")).toBe(true);
    const text = d.document.source.properties.text as string;
    for (const rel of d.relations) {
      expect(text.slice(rel.span.start, rel.span.end)).toBe(rel.excerpt);
      expect(d.document.relations[rel.index].evidence).toBe(rel.excerpt);
      expect(rel.confidence).toBeGreaterThan(0);
      expect(rel.confidence).toBeLessThanOrEqual(1);
    }
    for (const e of d.entities) for (const m of e.mentions) expect(m.end).toBeGreaterThan(m.start);
    // The text's sentences as the extractor cut them, in order: every relation quotes one.
    const sentences = d.sentences as { start: number; end: number }[];
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual(
      TEXT.split("\n\n").map((s) => s.trim()),
    );
    for (const rel of d.relations) expect(sentences).toContainEqual(rel.span);
    const contributes = d.document.relations.find(
      (x: { type: string }) => x.type === "CONTRIBUTES_TO",
    );
    expect(contributes.properties).toMatchObject({
      troops: 1200,
      additionalTroops: 200,
      asOf: "2024-03",
    });
    const said = d.relations.find((x: { type: string }) => x.type === "SAID");
    expect(said.from).toBe(`${P}hanno-pevkur`);
    expect(d.yaml).toContain(`key: ${P}source`);
    expect(await count(P)).toBe(before);
  }, 60_000);

  it("links a name the article writes without the accents the graph has, and the other way round", async () => {
    for (const [key, name] of [
      [`${P}juri-qwarsk`, "Jüri Qwärsk"],
      [`${P}anu-qwerdi`, "Anu Qwerdi"],
    ]) {
      const made = await gql(
        `mutation ($i: CreateEntityInput!) { createEntity(input: $i) { __typename } }`,
        { i: { key, kind: "Person", name } },
        WRITE,
      );
      expect(made.data.createEntity.__typename).toBe("CreateEntitySuccess");
    }
    const r = await gql(
      EXTRACT,
      {
        text: "Estonian Defence Minister Juri Qwarsk visited Latvia on Tuesday. Latvian Defence Minister Ānu Qwērdi welcomed him.",
        source,
      },
      WRITE,
    );
    expect(r.errors).toBeUndefined();
    const people = r.data.extractDocument.entities.filter(
      (e: { kind: string }) => e.kind === "Person",
    );
    expect(people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: `${P}juri-qwarsk`, name: "Jüri Qwärsk", status: "LINKED" }),
        expect.objectContaining({ key: `${P}anu-qwerdi`, name: "Anu Qwerdi", status: "LINKED" }),
      ]),
    );
  });

  it("links every name in at most two round trips (the names in the text, then what the rules named)", async () => {
    const r = await gql(EXTRACT, { text: TEXT, source }, WRITE);
    expect(r.errors).toBeUndefined();
    expect(r.extensions?.cypherRoundTrips).toBeLessThanOrEqual(2);
  });

  it("refuses without the write scope, an empty text and an oversized one, with stable codes", async () => {
    const anonymous = await gql(EXTRACT, { text: TEXT });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const readOnly = await gql(EXTRACT, { text: TEXT }, `Bearer ${reader.token}`);
    expect(readOnly.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const empty = await gql(EXTRACT, { text: "   " }, WRITE);
    expect(empty.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const huge = await gql(EXTRACT, { text: "Latvia. ".repeat(15_000) }, WRITE);
    expect(huge.errors?.[0]?.extensions?.code).toBe("LIMIT_EXCEEDED");
    expect(huge.errors?.[0]?.message).toMatch(/at most 100000/);
    // Characters, as the README says, not UTF-16 units: an emoji is one (it was counted as two,
    // so 50,001 emoji were "100002 characters" and refused).
    const emoji = await gql(EXTRACT, { text: "🚀".repeat(100_001) }, WRITE);
    expect(emoji.errors?.[0]?.message).toBe(
      "text is 100001 characters; extraction takes at most 100000 (about 15,000 words): split it",
    );
    expect(emoji.errors?.[0]?.extensions).toMatchObject({
      code: "LIMIT_EXCEEDED",
      limit: 100_000,
      length: 100_001,
    });
    // None of these is transient: sent again as it is, each fails alike, and none says otherwise.
    for (const refused of [anonymous, readOnly, empty, huge, emoji])
      expect(refused.errors?.[0]?.extensions).not.toHaveProperty("retryable");
  });

  it("refuses a text with nothing visible as it refuses an empty one, before any extraction runs", async () => {
    // 100,000 combining accents or zero-width joiners held the worker 5 to 6 s, then answered a
    // draft of nothing whose own source text ingest refuses (redteam30).
    for (const text of [
      "\u0301".repeat(5_000),
      "\u200d\u200b \u2060\u200e".repeat(1_000),
      "\u0007\u202e\u00a0\u0301",
    ]) {
      const r = await gql(EXTRACT, { text }, WRITE);
      expect(r.data).toBeNull();
      expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(r.errors?.[0]?.message).toBe(
        "text has no visible character (only spaces, joiners, direction marks, combining or control characters): give the article's text",
      );
    }
  });

  it("refuses metadata no document could carry, naming every field; a short malformed one drafts with a problem", async () => {
    const bad = await gql(
      EXTRACT,
      {
        text: TEXT,
        source: {
          title: "T".repeat(200_000),
          url: `https://example.org/${"a".repeat(3_000)}`,
          publisher: "ok",
          publishedAt: "2".repeat(5_000),
        },
      },
      WRITE,
    );
    expect(bad.data).toBeNull();
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0]?.extensions?.problems).toEqual([
      { path: ["source", "title"], message: "is 200000 characters; at most 500" },
      { path: ["source", "publishedAt"], message: "is 5000 characters; at most 40" },
      { path: ["source", "url"], message: "is 3020 characters; at most 2000" },
    ]);
    // A key that is not a key is refused as in every other argument (it drafted, with a
    // problem: a draft no ingest could take), beside the other fields' problems.
    const notKey = await gql(
      EXTRACT,
      { text: TEXT, source: { ...source, key: "Not-A-Slug", url: "u".repeat(2_001) } },
      WRITE,
    );
    expect(notKey.data).toBeNull();
    expect(notKey.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(notKey.errors?.[0]?.extensions?.problems).toEqual([
      {
        path: ["source", "key"],
        message: '"Not-A-Slug" is not a key: keys are lowercase slugs such as justin-trudeau',
      },
      { path: ["source", "url"], message: "is 2001 characters; at most 2000" },
    ]);
    // Characters, as the document's own limits count them: a title of 500 emoji drafts (it was
    // "is 1000 characters; at most 500"), one of 501 is refused (noticed31).
    const rockets = (n: number) => "\u{1F680}".repeat(n);
    const atLimit = await gql(
      EXTRACT,
      { text: TEXT, source: { ...source, title: rockets(500) } },
      WRITE,
    );
    expect(atLimit.errors).toBeUndefined();
    expect(atLimit.data.extractDocument.problems).toEqual([]);
    const overLimit = await gql(
      EXTRACT,
      { text: TEXT, source: { ...source, title: rockets(501) } },
      WRITE,
    );
    expect(overLimit.errors?.[0]?.extensions?.problems).toEqual([
      { path: ["source", "title"], message: "is 501 characters; at most 500" },
    ]);
    // A short date that is not ISO drafts, with a problem saying what to correct.
    const short = await gql(
      EXTRACT,
      { text: TEXT, source: { ...source, publishedAt: "last Monday" } },
      WRITE,
    );
    expect(short.errors).toBeUndefined();
    expect(short.data.extractDocument.problems.join(" ")).toMatch(/publishedAt/);
  });

  it("gives offsets in UTF-16 units: after an emoji, text.slice(start, end) is still the mention (noticed31)", async () => {
    // The SDL and README say offsets are UTF-16 code units, as JavaScript indexes strings; an
    // astral character before a mention counts 2, and the offsets still land on the mention.
    const text = `\u{1F680}\u{1D538} ${TEXT}`;
    const r = await gql(EXTRACT, { text, source }, WRITE);
    expect(r.errors).toBeUndefined();
    const draft = r.data.extractDocument;
    const drafted: string = draft.document.source.properties.text;
    expect(drafted).toBe(text);
    const latvia = draft.entities.find((e: { name: string }) => e.name === "Latvia");
    expect(latvia.mentions.length).toBeGreaterThanOrEqual(2);
    for (const m of latvia.mentions) expect(drafted.slice(m.start, m.end)).toBe("Latvia");
    expect(draft.relations.length).toBeGreaterThan(0);
    for (const rel of draft.relations)
      expect(drafted.slice(rel.span.start, rel.span.end)).toBe(rel.excerpt);
    expect(drafted.slice(draft.sentences[0].start, draft.sentences[0].end)).toMatch(
      /^\u{1F680}\u{1D538} Estonian Defence Minister/u,
    );
  });

  it("a draft ingests as it stands, and linked entities are added to, not duplicated", async () => {
    const r = await gql(EXTRACT, { text: TEXT, source }, WRITE);
    const ingest = await gql(
      `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
        __typename ... on IngestDocumentSuccess { data { source } } ... on ValidationError { problems { path message } } } }`,
      { d: r.data.extractDocument.document },
      WRITE,
    );
    expect(ingest.errors).toBeUndefined();
    expect(ingest.data.ingestDocument).toEqual({
      __typename: "IngestDocumentSuccess",
      data: { source: `${P}source` },
    });
    const pevkur = await gql(
      `{ entity(key: "${P}hanno-pevkur") { name aliases relations(types: [VISITED], direction: OUT) { edges { node { key } } } } }`,
    );
    expect(pevkur.errors).toBeUndefined();
    expect(pevkur.data.entity).toEqual({
      name: "Hanno Pevkur",
      aliases: ["Pevkur"],
      relations: { edges: [{ node: { key: "latvia" } }] },
    });
  }, 120_000);
});
