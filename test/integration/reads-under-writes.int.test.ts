/**
 * Reads answered while other clients delete and re-create what they read (redteam28). A read of
 * several statements sees each write as it commits, so what one statement read may be gone by
 * the next: an answer must still be whole, and never name as NOT_FOUND a key the client did not
 * ask for.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { createClient, removeByPrefix, testDb } from "../helpers/client.js";

const P = "ruw-";
const db = testDb();
const admin = generateToken();
// deleteEntity needs the admin scope.
const { gql } = createClient(db, {
  tokens: [{ name: "admin-client", sha256: admin.sha256, scopes: ["admin"] }],
});
const auth = `Bearer ${admin.token}`;
beforeAll(() => removeByPrefix(db, P));
afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});
const HUB = `${P}hub`;
const MEMBERS = 6;

/** A document stating that member `m` belongs to the hub (its source `i`). */
function membership(m: number, i: number) {
  const sentence = `Member ${m} belongs to the hub.`;
  return {
    source: {
      key: `${P}source-${m}-${i}`,
      name: `Membership ${m}`,
      properties: { text: sentence },
    },
    entities: [
      { key: `${P}member-${m}`, kind: "Nation", name: `Member ${m}` },
      { key: HUB, kind: "Organization", name: "The Hub" },
    ],
    relations: [{ from: `${P}member-${m}`, type: "MEMBER_OF", to: HUB, evidence: sentence }],
  };
}

const INGEST = `mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }`;
const DELETE = `mutation ($k: String!) { deleteEntity(key: $k) {
  ... on DeleteEntitySuccess { data { outcome } } } }`;
const NEIGHBOURHOOD = `query ($k: String!) { neighbourhood(key: $k, depth: 2, limit: 50) {
  nodes { key } edges { type from { key } to { key } } } }`;

const ENDS = `query ($k: String!) { entity(key: $k) {
  relations(first: 50) { edges { type node { key } from { key name } to { key name } } } } }`;

describe("neighbourhood and relations while their entities are deleted and written again", () => {
  it("answers every time, each edge's ends among its nodes", async () => {
    for (let m = 0; m < MEMBERS; m++) await gql(INGEST, { d: membership(m, 0) }, auth);
    let reading = true;
    // A writer deletes one member's entity (with its relations and its source's claims) and
    // writes it again, over and over.
    const writer = async (w: number) => {
      for (let i = 1; reading; i++) {
        const m = (w + i * 2) % MEMBERS;
        const deleted = await gql(DELETE, { k: `${P}member-${m}` }, auth);
        expect(deleted.errors).toBeUndefined();
        const ingested = await gql(INGEST, { d: membership(m, i) }, auth);
        expect(ingested.data?.ingestDocument.__typename).toBe("IngestDocumentSuccess");
      }
    };
    const problems: string[] = [];
    const reader = async () => {
      for (let i = 0; i < 40; i++) {
        const r = await gql(NEIGHBOURHOOD, { k: HUB });
        if (r.errors) {
          problems.push(JSON.stringify(r.errors.map((e) => [e.extensions?.code, e.message])));
          continue;
        }
        const { nodes, edges } = r.data.neighbourhood;
        const keys = new Set(nodes.map((n: { key: string }) => n.key));
        for (const e of edges)
          if (!keys.has(e.from.key) || !keys.has(e.to.key))
            problems.push(`an edge ${e.from.key} ${e.type} ${e.to.key} with an end not drawn`);
      }
    };
    // The hub's relations, each with both ends: the member at the other end, loaded again by key,
    // may have been deleted since the page was read (reads28).
    const endsReader = async () => {
      for (let i = 0; i < 40; i++) {
        const r = await gql(ENDS, { k: HUB });
        if (r.errors) {
          problems.push(JSON.stringify(r.errors.map((e) => [e.extensions?.code, e.message])));
          continue;
        }
        for (const e of r.data.entity.relations.edges)
          if (e.to.key !== HUB || e.from.key !== e.node.key)
            problems.push(`an edge ${e.from.key} ${e.type} ${e.to.key} beside ${e.node.key}`);
      }
    };
    const writers = [0, 1, 2].map(writer);
    await Promise.all([reader(), reader(), endsReader(), endsReader()]);
    reading = false;
    await Promise.all(writers);
    expect(problems).toEqual([]);
  });
});

// A relation's evidence and an entity's claims name their sources by key; each source is loaded
// by that key in a later statement, by which time a delete may have taken it (reads28).
const SOURCES = `query ($k: String!) { entity(key: $k) {
  claims { source { key } }
  relations(first: 50) { edges { node { key }
    evidence { source { key } } claims { source { key } } } } } }`;

describe("claims and evidence while their sources are deleted and written again", () => {
  it("answers every time, a source deleted since null and no error", async () => {
    for (let m = 0; m < MEMBERS; m++) await gql(INGEST, { d: membership(m, 0) }, auth);
    let reading = true;
    // A writer deletes one member's latest source and ingests its document under a new one.
    const latest = Array.from({ length: MEMBERS }, () => 0);
    const writer = async (w: number) => {
      for (let i = 1; reading; i++) {
        const m = w + 3 * (i % 2);
        const deleted = await gql(DELETE, { k: `${P}source-${m}-${latest[m]}` }, auth);
        expect(deleted.errors).toBeUndefined();
        latest[m] = (latest[m] ?? 0) + 1;
        const ingested = await gql(INGEST, { d: membership(m, latest[m]) }, auth);
        expect(ingested.data?.ingestDocument.__typename).toBe("IngestDocumentSuccess");
      }
    };
    const problems: string[] = [];
    let sources = 0;
    const reader = async () => {
      for (let i = 0; i < 40; i++) {
        const r = await gql(SOURCES, { k: HUB });
        if (r.errors) {
          problems.push(JSON.stringify(r.errors.map((e) => [e.extensions?.code, e.message])));
          continue;
        }
        const { claims, relations } = r.data.entity;
        const named = [
          ...claims,
          ...relations.edges.flatMap((e: { evidence: unknown[]; claims: unknown[] }) => [
            ...e.evidence,
            ...e.claims,
          ]),
        ] as Array<{ source: { key: string } | null }>;
        for (const c of named) {
          if (c.source === null) continue;
          sources++;
          if (!c.source.key.startsWith(`${P}source-`))
            problems.push(`a claim whose source is ${c.source.key}`);
        }
      }
    };
    const writers = [0, 1, 2].map(writer);
    await Promise.all([reader(), reader(), reader()]);
    reading = false;
    await Promise.all(writers);
    expect(problems).toEqual([]);
    // The reads did see sources: the answer is not empty because everything was gone.
    expect(sources).toBeGreaterThan(0);
  });
});
