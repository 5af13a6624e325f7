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

/**
 * Reads `query` 40 times, beside the writers: each answer with errors is a problem (the errors'
 * codes and messages), and `inspect` looks at each answer's data for the others.
 */
async function readRounds(
  query: string,
  variables: Record<string, unknown> | undefined,
  problems: string[],
  // biome-ignore lint/suspicious/noExplicitAny: an answer's data, as each test's query shapes it
  inspect: (data: any) => void,
): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const r = await gql(query, variables);
    if (r.errors) {
      problems.push(JSON.stringify(r.errors.map((e) => [e.extensions?.code, e.message])));
      continue;
    }
    inspect(r.data);
  }
}

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
    const reader = () =>
      readRounds(NEIGHBOURHOOD, { k: HUB }, problems, (data) => {
        const { nodes, edges } = data.neighbourhood;
        const keys = new Set(nodes.map((n: { key: string }) => n.key));
        for (const e of edges)
          if (!keys.has(e.from.key) || !keys.has(e.to.key))
            problems.push(`an edge ${e.from.key} ${e.type} ${e.to.key} with an end not drawn`);
      });
    // The hub's relations, each with both ends: the member at the other end, loaded again by key,
    // may have been deleted since the page was read (reads28).
    const endsReader = () =>
      readRounds(ENDS, { k: HUB }, problems, (data) => {
        for (const e of data.entity.relations.edges)
          if (e.to.key !== HUB || e.from.key !== e.node.key)
            problems.push(`an edge ${e.from.key} ${e.type} ${e.to.key} beside ${e.node.key}`);
      });
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
    const reader = () =>
      readRounds(SOURCES, { k: HUB }, problems, (data) => {
        const { claims, relations } = data.entity;
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
      });
    const writers = [0, 1, 2].map(writer);
    await Promise.all([reader(), reader(), reader()]);
    reading = false;
    await Promise.all(writers);
    expect(problems).toEqual([]);
    // The reads did see sources: the answer is not empty because everything was gone.
    expect(sources).toBeGreaterThan(0);
  });
});

const MISSION = `${P}mission`;
const DATE = "2024-05-01";

/** Source `i` of member `m`: it gives `troops` for the member's contribution, on DATE. */
function contribution(m: number, i: number, troops: number) {
  const sentence = `Member ${m} sends ${troops} troops.`;
  return {
    source: {
      key: `${P}report-${m}-${i}`,
      name: `Report ${m} ${i}`,
      properties: { text: sentence, publishedAt: DATE },
    },
    entities: [
      { key: `${P}member-${m}`, kind: "Nation", name: `Member ${m}` },
      { key: MISSION, kind: "Mission", name: "The Mission" },
    ],
    relations: [
      {
        from: `${P}member-${m}`,
        type: "CONTRIBUTES_TO",
        to: MISSION,
        properties: { troops },
        evidence: sentence,
      },
    ],
  };
}

// A dispute is read from its start, whose key from loads again; a timeline entry's relation has
// the timeline's entity at one end and the entity it was read with at the other (reads29).
const DISPUTES = `{ disputes(first: 100) { edges { node { id from { key name } to { key name } } } } }`;
const TIMELINE = `query ($k: String!) { timeline(entity: $k, first: 50) {
  edges { date relation { id from { key name } to { key name } } } } }`;

describe("disputes and timelines while the disputing entities are deleted and written again", () => {
  it("answers every time, each relation with both its ends", async () => {
    // Two reports at the same date that disagree: each member's contribution is disputed.
    const ingestBoth = async (m: number, i: number) => {
      for (const [j, troops] of [100, 200].entries()) {
        const r = await gql(INGEST, { d: contribution(m, 2 * i + j, troops) }, auth);
        expect(r.data?.ingestDocument.__typename).toBe("IngestDocumentSuccess");
      }
    };
    for (let m = 0; m < MEMBERS; m++) await ingestBoth(m, 0);
    let reading = true;
    const writer = async (w: number) => {
      for (let i = 1; reading; i++) {
        const m = (w + i * 2) % MEMBERS;
        const deleted = await gql(DELETE, { k: `${P}member-${m}` }, auth);
        expect(deleted.errors).toBeUndefined();
        await ingestBoth(m, i);
      }
    };
    const problems: string[] = [];
    let disputes = 0;
    const check = (query: string, variables: Record<string, unknown> | undefined) => () =>
      readRounds(query, variables, problems, (data) => {
        const relations = data.disputes
          ? data.disputes.edges.map((e: { node: unknown }) => e.node)
          : data.timeline.edges.flatMap((e: { relation: unknown }) => e.relation ?? []);
        for (const rel of relations as Array<{
          id: string;
          from: { key: string };
          to: { key: string };
        }>) {
          if (!rel.id.startsWith(P)) continue;
          if (data.disputes) disputes++;
          if (rel.id !== `${rel.from.key}|CONTRIBUTES_TO|${rel.to.key}`)
            problems.push(`${rel.id} answered from ${rel.from.key} to ${rel.to.key}`);
        }
      });
    const writers = [0, 1, 2].map(writer);
    await Promise.all([
      check(DISPUTES, undefined)(),
      check(DISPUTES, undefined)(),
      check(TIMELINE, { k: MISSION })(),
    ]);
    reading = false;
    await Promise.all(writers);
    expect(problems).toEqual([]);
    // The reads did see disputes: the answer is not whole because it was empty.
    expect(disputes).toBeGreaterThan(0);
  });
});

const ADD = `mutation ($i: AddRelationInput!) { addRelation(input: $i) {
  __typename ... on AddRelationSuccess { data { id from { key name } to { key name } } } } }`;

describe("a relation added, then its start deleted before the answer is read", () => {
  it("answers the write as it committed, not an error naming its start", async () => {
    const sentence = "The joiner belongs to the hub.";
    const source = `${P}charter`;
    const JOINER = `${P}joiner`;
    const charter = {
      source: { key: source, name: "Charter", properties: { text: sentence } },
      entities: [
        { key: HUB, kind: "Organization", name: "The Hub" },
        { key: JOINER, kind: "Nation", name: "The Joiner" },
      ],
      relations: [],
    };
    expect((await gql(INGEST, { d: charter }, auth)).errors).toBeUndefined();
    // A second client on a driver of its own, whose write session, once committed, closes only
    // after a delete of the relation's start has committed: the answer's ends are loaded after
    // that, and the start is gone by then.
    const adderDb = testDb();
    const race: { deleted: ReturnType<typeof gql> | null } = { deleted: null };
    const session = adderDb.driver.session.bind(adderDb.driver);
    adderDb.driver.session = (config) => {
      const s = session(config);
      if (config?.defaultAccessMode !== "WRITE") return s;
      const close = s.close.bind(s);
      s.close = async () => {
        race.deleted ??= gql(DELETE, { k: JOINER }, auth);
        await race.deleted;
        return close();
      };
      return s;
    };
    const adder = createClient(adderDb, {
      tokens: [{ name: "admin-client", sha256: admin.sha256, scopes: ["admin"] }],
    });
    try {
      const input = {
        from: JOINER,
        type: "MEMBER_OF",
        to: HUB,
        evidence: { source, excerpt: sentence },
      };
      const r = await adder.gql(ADD, { i: input }, auth);
      expect(race.deleted, "the write closed no session").not.toBeNull();
      expect((await race.deleted)?.errors).toBeUndefined();
      // The write committed: its answer says so, with both ends as it wrote them.
      expect(r.errors).toBeUndefined();
      expect(r.data.addRelation).toEqual({
        __typename: "AddRelationSuccess",
        data: {
          id: `${JOINER}|MEMBER_OF|${HUB}`,
          from: { key: JOINER, name: "The Joiner" },
          to: { key: HUB, name: "The Hub" },
        },
      });
    } finally {
      await adderDb.driver.close();
    }
  });
});
