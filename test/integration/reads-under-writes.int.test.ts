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

describe("neighbourhood while its entities are deleted and written again", () => {
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
    const writers = [0, 1, 2].map(writer);
    await Promise.all([reader(), reader(), reader()]);
    reading = false;
    await Promise.all(writers);
    expect(problems).toEqual([]);
  });
});
