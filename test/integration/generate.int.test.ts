import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearGenerated } from "../../src/data/generated.js";
import { type IngestSummary, ingestDocument } from "../../src/data/ingest.js";
import type { Document } from "../../src/domain/document.js";
import { GENERATED_KEY_PREFIX, generateDocuments } from "../../src/generate/documents.js";
import { createClient, cypher, testDb } from "../helpers/client.js";
import { expectIndexedPlans } from "../helpers/plans.js";

const db = testDb();
const { gql } = createClient(db);
const stats = { roundTrips: 0 };

const DOCS: Document[] = [...generateDocuments({ entities: 2_000, seed: 7, batchSize: 500 })];
const NATIONS = DOCS.flatMap((d) => d.entities.filter((e) => e.kind === "Nation"));

/** The generated nation with the most relations, counted from the documents themselves. */
function hubNation(): { key: string; degree: number } {
  const degree = new Map(NATIONS.map((n) => [n.key, 0]));
  for (const r of DOCS.flatMap((d) => d.relations)) {
    for (const key of [r.from, r.to]) {
      const d = degree.get(key);
      if (d !== undefined) degree.set(key, d + 1);
    }
  }
  const [key, d] = [...degree].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
  return { key, degree: d };
}

/** Nodes and relationships the generator made (fixture bookkeeping, not an API assertion). */
async function generatedCounts() {
  const [row] = await cypher(
    db,
    `MATCH (n:Entity) WHERE n.key STARTS WITH $prefix
     OPTIONAL MATCH (n)-[r]-()
     RETURN count(DISTINCT n) AS nodes, count(DISTINCT r) AS relationships`,
    { prefix: GENERATED_KEY_PREFIX },
  );
  return { nodes: Number(row?.nodes), relationships: Number(row?.relationships) };
}

async function nationCount(): Promise<number> {
  const r = await gql(`{ nations(first: 5) { totalCount } }`);
  expect(r.errors).toBeUndefined();
  return r.data.nations.totalCount;
}

async function ingestAll(): Promise<IngestSummary[]> {
  const out: IngestSummary[] = [];
  for (const doc of DOCS) out.push(await ingestDocument(db, stats, doc));
  return out;
}

let nationsBefore = 0;
let firstLoad: IngestSummary[] = [];

// beforeAll too: a run interrupted before its clean-up must not skew this one's counts.
beforeAll(async () => {
  await clearGenerated(db, stats);
  nationsBefore = await nationCount();
  firstLoad = await ingestAll();
});
afterAll(async () => {
  await clearGenerated(db, stats);
  await db.driver.close();
});

describe("generated documents loaded through ingest", () => {
  it("creates every generated entity and relation", async () => {
    const entities = DOCS.reduce((n, d) => n + d.entities.length + 1, 0);
    const relations = DOCS.reduce((n, d) => n + d.relations.length, 0);
    expect(firstLoad.reduce((n, s) => n + s.entityOutcomes.created, 0)).toBe(entities);
    expect(firstLoad.reduce((n, s) => n + s.relationOutcomes.created, 0)).toBe(relations);
    expect(await generatedCounts()).toEqual({ nodes: entities, relationships: relations });
  });

  it("lists the generated nations beside the seed's", async () => {
    expect(NATIONS.length).toBeGreaterThan(20);
    expect(await nationCount()).toBe(nationsBefore + NATIONS.length);
  });

  it("serves a hub nation's relations, each with the sentence of its synthetic source", async () => {
    const hub = hubNation();
    expect(hub.degree).toBeGreaterThan(20);
    const r = await gql(
      `query ($key: String!) {
        entity(key: $key) {
          key
          ... on Nation { isoCode }
          relations(first: 50) {
            totalCount
            edges { type node { key } evidence { excerpt source { key title } } }
          }
        }
      }`,
      { key: hub.key },
    );
    expect(r.errors).toBeUndefined();
    const entity = r.data.entity;
    expect(entity.isoCode).toMatch(/^[A-Z]{3}$/);
    expect(entity.relations.totalCount).toBe(hub.degree);
    const texts = new Map(DOCS.map((d) => [d.source.key, String(d.source.properties.text)]));
    for (const edge of entity.relations.edges) {
      expect(edge.evidence.length).toBeGreaterThan(0);
      for (const e of edge.evidence) {
        expect(e.source.key.startsWith(`${GENERATED_KEY_PREFIX}source-`)).toBe(true);
        expect(texts.get(e.source.key)).toContain(e.excerpt);
      }
    }
  });

  it("leaves the graph unchanged when the same documents are ingested again", async () => {
    const before = await generatedCounts();
    const again = await ingestAll();
    const changed = again.reduce(
      (n, s) =>
        n +
        s.entityOutcomes.created +
        s.entityOutcomes.updated +
        s.relationOutcomes.created +
        s.relationOutcomes.updated,
      0,
    );
    expect(changed).toBe(0);
    expect(await generatedCounts()).toEqual(before);
    expect(await nationCount()).toBe(nationsBefore + NATIONS.length);
  });
});

/** The query suite again, on the generated graph (hubs, many kinds, dated relations). */
describe("the query suite on a generated graph", () => {
  const hub = () => hubNation().key;
  const person = () => DOCS.flatMap((d) => d.entities).find((e) => e.kind === "Person")?.key ?? "";

  const OPERATIONS: Record<string, () => { query: string; variables?: Record<string, unknown> }> = {
    "filtered, ordered list": () => ({
      query: `{ nations(where: { name: { startsWith: "nation 00" }, related: [{ type: MEMBER_OF, direction: OUT }] }, orderBy: [{ field: ISO_CODE, direction: DESC }], first: 10) { totalCount edges { node { key isoCode } } } }`,
    }),
    "events in a date range": () => ({
      query: `{ events(where: { date: { from: "2010", to: "2012-06" } }, orderBy: [{ field: DATE }], first: 20) { totalCount edges { node { key date } } } }`,
    }),
    search: () => ({
      query: `{ search(query: "nation 000", first: 5) { totalCount edges { score snippet node { key } } } }`,
    }),
    "paths from a person to a hub": () => ({
      query: `query ($a: String!, $b: String!) { paths(from: $a, to: $b, first: 3) { length steps { relation { type evidence { excerpt } } } } }`,
      variables: { a: person(), b: hub() },
    }),
    "hub neighbourhood": () => ({
      query: `query ($k: String) { neighbourhood(key: $k, depth: 2, limit: 200) { truncated nodes { key } edges { id independentSourceCount } } }`,
      variables: { k: hub() },
    }),
    "hub timeline and relations as of a date": () => ({
      query: `query ($k: String!) { timeline(entity: $k, first: 20) { totalCount edges { date } } entity(key: $k) { relations(asOf: "2015", first: 20) { totalCount } } }`,
      variables: { k: hub() },
    }),
  };

  for (const [name, op] of Object.entries(OPERATIONS)) {
    it(`${name}: answers, and starts every query from an index`, async () => {
      const { query, variables } = op();
      const r = await gql(query, variables);
      expect(r.errors).toBeUndefined();
      await expectIndexedPlans(db, query, variables);
    });
  }

  it("answers with data that matches the documents", async () => {
    const r = await gql(
      `{ nations(where: { name: { startsWith: "nation 00" } }, first: 100) { totalCount } }`,
    );
    const expected = NATIONS.filter((n) => n.name.toLowerCase().startsWith("nation 00")).length;
    expect(r.data.nations.totalCount).toBe(expected);
    const g = await gql(
      `query ($k: String) { neighbourhood(key: $k, depth: 2, limit: 200) { truncated nodes { key } } }`,
      { k: hub() },
    );
    expect(g.data.neighbourhood.nodes.length).toBeGreaterThan(20);
    const p = await gql(`query ($a: String!, $b: String!) { path(from: $a, to: $b) { length } }`, {
      a: person(),
      b: hub(),
    });
    expect(p.data.path === null || p.data.path.length <= 4).toBe(true);
  });
});
