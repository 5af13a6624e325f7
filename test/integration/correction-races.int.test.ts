/**
 * Corrections of one source sent at once by two admins (redteam28): a retraction and a delete of
 * the same source, and the like. Each write waits for the other's locks; the answers must agree
 * with what committed, and subscribers hear only of what changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { createGraphEvents, type GraphChange } from "../../src/events.js";
import { createClient, removeByPrefix, testDb } from "../helpers/client.js";

const db = testDb();
const P = "crace-";
const admin = generateToken();
const events = createGraphEvents();
const { gql } = createClient(db, {
  tokens: [{ name: "admin-client", sha256: admin.sha256, scopes: ["admin"] }],
  events,
});
const auth = `Bearer ${admin.token}`;

beforeAll(() => removeByPrefix(db, P));
afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

/** A source stating five nations' membership of one organisation: its footprint is six entities. */
function document(round: number) {
  const pre = `${P}${round}-`;
  const nations = ["a", "b", "c", "d", "e"];
  const sentence = (n: string) => `Nation ${n.toUpperCase()} is a member of the Pact.`;
  return {
    source: {
      key: `${pre}source`,
      name: `Report ${round}`,
      properties: { publishedAt: "2020-01-01", text: nations.map(sentence).join(" ") },
    },
    entities: [
      ...nations.map((n) => ({ key: `${pre}${n}`, kind: "Nation", name: `Nation ${n}` })),
      { key: `${pre}pact`, kind: "Organization", name: "The Pact" },
    ],
    relations: nations.map((n) => ({
      from: `${pre}${n}`,
      type: "MEMBER_OF",
      to: `${pre}pact`,
      evidence: sentence(n),
    })),
  };
}

const INGEST = `mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }`;
const DELETE = `mutation ($k: String!) { deleteEntity(key: $k) {
  ... on DeleteEntitySuccess { data { deleted } } } }`;
const RETRACT = `mutation ($k: String!) { retractSource(key: $k) {
  __typename ... on RetractSourceSuccess { data { relations entities } } ... on Error { code } } }`;

describe("retractSource racing with deleteEntity of the same source", () => {
  it("answers NOT_FOUND when the delete committed first, never success for a source gone", async () => {
    const heard: GraphChange[] = [];
    const stream = events.subscribe("graphChanged");
    const listening = (async () => {
      for await (const change of stream) heard.push(change);
    })();
    const answers: string[] = [];
    for (const round of [1, 2, 3, 4, 5, 6]) {
      const source = `${P}${round}-source`;
      const ingested = await gql(INGEST, { d: document(round) }, auth);
      expect(ingested.data?.ingestDocument.__typename).toBe("IngestDocumentSuccess");
      const [deleted, retracted] = await Promise.all([
        gql(DELETE, { k: source }, auth),
        gql(RETRACT, { k: source }, auth),
      ]);
      expect(deleted.errors).toBeUndefined();
      expect(retracted.errors).toBeUndefined();
      expect(deleted.data?.deleteEntity.data.deleted).toBe(true);
      const r = retracted.data?.retractSource;
      // Either the retraction went first (all five relations and the six entities it ranks),
      // or the delete did and there is no source left to retract.
      answers.push(r.__typename === "RetractSourceSuccess" ? JSON.stringify(r.data) : r.code);
      const gone = await gql(`query ($k: String!) { entity(key: $k) { key } }`, { k: source });
      expect(gone.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
    for (const answer of answers)
      expect(['{"relations":5,"entities":6}', "NOT_FOUND"]).toContain(answer);
    await stream.return?.();
    await listening;
    // A retraction announced only with the changes it made before the delete: never the key of
    // a source already deleted, with nothing else.
    const retractions = heard.filter((c) => c.operation === "retractSource");
    for (const change of retractions) expect(change.relations).toHaveLength(5);
    expect(retractions).toHaveLength(answers.filter((a) => a !== "NOT_FOUND").length);
  });
});

/**
 * A delete of an entity while ingests write its neighbours (redteam28). Removing a relation
 * write-locks both its ends: the delete held the entity and took its neighbours' locks as it
 * removed its relations, while each ingest held the neighbours (in key order, before the entity)
 * and waited for the entity. They deadlocked each time they met; once the retries' window (half
 * the transaction budget) ran out, the delete answered SERVICE_UNAVAILABLE.
 */
describe("deleteEntity racing with ingests of its neighbours", () => {
  const pre = `${P}dl-`;
  // The deleted entity's key sorts between its neighbours' keys: an ingest locks the first
  // neighbour, then the entity, then the second neighbour.
  const [first, middle, last] = [`${pre}a-first`, `${pre}m-middle`, `${pre}z-last`];
  const sentences = [
    "The First is a member of the Middle.",
    "The Last is a member of the Middle.",
  ] as const;
  const neighbours = (i: number) => ({
    source: {
      key: `${pre}source-${i}`,
      name: `Neighbours ${i}`,
      properties: { publishedAt: "2020-01-01", text: sentences.join(" ") },
    },
    entities: [
      { key: first, kind: "Nation", name: "The First" },
      { key: middle, kind: "Organization", name: "The Middle" },
      { key: last, kind: "Nation", name: "The Last" },
    ],
    relations: [
      { from: first, type: "MEMBER_OF", to: middle, evidence: sentences[0] },
      { from: last, type: "MEMBER_OF", to: middle, evidence: sentences[1] },
    ],
  });

  it("each delete and each ingest commits or finds nothing to delete: none is told the database is unavailable", async () => {
    const refused: string[] = [];
    const outcome = (answer: { errors?: { extensions?: Record<string, unknown> }[] }) => {
      const code = answer.errors?.[0]?.extensions?.code;
      if (code !== undefined) refused.push(String(code));
    };
    let deleting = true;
    const ingester = async (w: number) => {
      for (let i = 0; deleting; i++)
        outcome(await gql(INGEST, { d: neighbours(w * 1000 + i) }, auth));
    };
    const deleter = async () => {
      for (let i = 0; i < 25; i++) outcome(await gql(DELETE, { k: middle }, auth));
    };
    const ingesters = [0, 1, 2, 3].map(ingester);
    await Promise.all([deleter(), deleter()]);
    deleting = false;
    await Promise.all(ingesters);
    expect(refused).toEqual([]);
  });
});
