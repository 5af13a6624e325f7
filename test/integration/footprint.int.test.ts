/**
 * A source's footprint (src/cypher/footprint.ts): the entities and relations it has claims on,
 * reached through what the source records of its own writes, not by scanning every entity and
 * relationship. Among many unrelated sources, a retraction, a restore and a delete change
 * exactly the source's own claims, also those addRelation made; a retraction is one statement
 * and its settles, a delete of another entity one lock and the delete; a source written before
 * it recorded its footprint is still corrected in full, and the start settle records it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { settleFootprints } from "../../src/data/footprints.js";
import { createClient, cypher, removeByPrefix, testDb } from "../helpers/client.js";

const P = "fp24-";
const OTHERS = 20;
const db = testDb();
const admin = generateToken();
const { gql } = createClient(db, {
  tokens: [{ name: "footprint-test", sha256: admin.sha256, scopes: ["admin"] }],
});
const auth = `Bearer ${admin.token}`;

const INGEST = `mutation ($d: JSONObject!) {
  ingestDocument(document: $d) { __typename ... on Error { message } }
}`;
const RETRACT = `mutation ($k: String!, $r: Boolean) {
  retractSource(key: $k, retracted: $r) { ... on RetractSourceSuccess { data { relations entities } } }
}`;
const DELETE = `mutation ($k: String!) {
  deleteEntity(key: $k) { ... on DeleteEntitySuccess { data { deleted relationsRemoved entitiesRemoved } } }
}`;
const ADD = `mutation ($i: AddRelationInput!) {
  addRelation(input: $i) { __typename ... on Error { message } }
}`;
const PEOPLE = [...Array.from({ length: OTHERS }, (_, i) => `o${i}-person`), "t-person"];
/**
 * Every claim on the shared nation and on the VISITED relation of each person of the test, with
 * its rank (a relation only retracted sources state is not listed).
 */
const READ = `{
  entity(key: "${P}shared") { claims { source { key } rank } }
  ${PEOPLE.map(
    (p, i) => `p${i}: entity(key: "${P}${p}") { key relations(types: [VISITED], direction: OUT) {
      edges { to { key } claims { source { key } rank } } } }`,
  ).join("\n  ")}
}`;

/** A source stating that its person visited a place (or `shared`), and describing `shared`. */
const article = (source: string, person: string, place: string, placeKind = "Place") => {
  const sentence = `${person} visited ${place}.`;
  return {
    source: {
      key: `${P}${source}`,
      name: `Article ${source}`,
      properties: {
        title: `Article ${source}`,
        publishedAt: "2024-03-01",
        text: `${sentence} The nation is described by ${source}.`,
      },
    },
    entities: [
      { key: `${P}shared`, kind: "Nation", name: "Fpland", description: `as ${source} says` },
      { key: `${P}${person}`, kind: "Person", name: `Person ${person}` },
      ...(placeKind === "Place"
        ? [{ key: `${P}${place}`, kind: "Place", name: `Place ${place}` }]
        : []),
    ],
    relations: [{ from: `${P}${person}`, type: "VISITED", to: `${P}${place}`, evidence: sentence }],
  };
};

interface Person {
  key: string;
  relations: {
    edges: { to: { key: string }; claims: { source: { key: string }; rank: string }[] }[];
  };
}

/** Each claim of the test's graph as "on|source|rank", sorted. */
async function claims(): Promise<string[]> {
  const r = await gql(READ, {}, auth);
  // A person deleted by a test is no entity any more: read as none.
  const gone = (e: { message: string }) => e.message.startsWith("No entity has the key");
  expect((r.errors ?? []).filter((e) => !gone(e))).toEqual([]);
  const data = r.data as Record<string, unknown> & {
    entity: { claims: { source: { key: string } | null; rank: string }[] };
  };
  const out = data.entity.claims.map((c) => `${P}shared|${c.source?.key ?? ""}|${c.rank}`);
  for (const i of PEOPLE.keys()) {
    const node = data[`p${i}`] as Person | null;
    for (const e of node?.relations.edges ?? [])
      for (const c of e.claims) out.push(`${node?.key}>${e.to.key}|${c.source.key}|${c.rank}`);
  }
  return out.sort();
}

beforeAll(async () => {
  await removeByPrefix(db, P);
  for (let i = 0; i < OTHERS; i++) {
    const r = await gql(INGEST, { d: article(`other-${i}`, `o${i}-person`, `o${i}-place`) }, auth);
    expect(r.data?.ingestDocument.__typename).toBe("IngestDocumentSuccess");
  }
  const target = article("target", "t-person", "shared", "Nation");
  const r = await gql(INGEST, { d: target }, auth);
  expect(r.data?.ingestDocument.__typename).toBe("IngestDocumentSuccess");
  // The target's evidence on a relation another source states, added by hand: its ends are in
  // no document of the target's.
  const text = target.source.properties.text;
  const added = await gql(
    ADD,
    {
      i: {
        from: `${P}o0-person`,
        type: "VISITED",
        to: `${P}o0-place`,
        evidence: { source: `${P}target`, excerpt: text.slice(text.indexOf("The nation")) },
      },
    },
    auth,
  );
  expect(added.data?.addRelation.__typename).toBe("AddRelationSuccess");
}, 120_000);

afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

describe("a source's footprint", () => {
  it("a retraction among many unrelated sources ranks exactly its own claims, in one statement and its settles", async () => {
    const before = await claims();
    expect(before.filter((c) => c.endsWith("|DEPRECATED"))).toEqual([]);
    const r = await gql(RETRACT, { k: `${P}target`, r: true }, auth);
    // Its VISITED relation and the one addRelation gave evidence for; the nation and its person.
    expect(r.data?.retractSource.data).toEqual({ relations: 2, entities: 2 });
    // Locks, marks and ranks in one statement; the settles that follow write only values that
    // change (none here). It took three: the footprint's lock, the relations' ranks, the
    // entities' ranks, each statement scanning the graph.
    expect(r.extensions?.cypherRoundTrips).toBe(1);
    // Its claims DEPRECATED, every other source's as it was; its own VISITED relation, which
    // only it states, is no longer listed.
    const deprecated = [
      `${P}o0-person>${P}o0-place|${P}target|NORMAL`,
      `${P}shared|${P}target|NORMAL`,
    ];
    expect(await claims()).toEqual(
      before
        .filter((c) => !c.startsWith(`${P}t-person>`))
        .map((c) => (deprecated.includes(c) ? c.replace("|NORMAL", "|DEPRECATED") : c))
        .sort(),
    );
    const restored = await gql(RETRACT, { k: `${P}target`, r: false }, auth);
    expect(restored.data?.retractSource.data).toEqual({ relations: 2, entities: 2 });
    expect(await claims()).toEqual(before);
  });

  it("deleting an entity that is no source takes one lock and the delete: two round trips", async () => {
    const r = await gql(DELETE, { k: `${P}o1-place` }, auth);
    expect(r.data?.deleteEntity.data).toEqual({
      deleted: true,
      relationsRemoved: 1,
      entitiesRemoved: [],
    });
    // It took three: a lock of the footprint of what turned out to be no source, first.
    expect(r.extensions?.cypherRoundTrips).toBe(2);
  });

  it("deleting a source takes exactly its claims off: what only it stated goes with it", async () => {
    const before = await claims();
    const r = await gql(DELETE, { k: `${P}other-2` }, auth);
    expect(r.data?.deleteEntity.data).toEqual({
      deleted: true,
      relationsRemoved: 1,
      entitiesRemoved: [`${P}o2-person`, `${P}o2-place`].sort(),
    });
    expect(await claims()).toEqual(
      before.filter((c) => !c.includes(`|${P}other-2|`) && !c.startsWith(`${P}o2-person>`)),
    );
  });

  it("a source written before it recorded its footprint is corrected in full, and the start settle records it", async () => {
    // What the source records, each list sorted (null when it records none).
    const lists = async () => {
      const [row] = await cypher(
        db,
        `MATCH (s:Entity {key: $k})
         RETURN s.footprintKeys AS keys, s.footprintRelations AS ids`,
        { k: `${P}target` },
      );
      const sorted = (v: unknown) => (Array.isArray(v) ? v.map(String).sort() : null);
      return { keys: sorted(row?.keys), ids: sorted(row?.ids) };
    };
    const recorded = await lists();
    expect(recorded.keys).toEqual(
      [`${P}o0-person`, `${P}o0-place`, `${P}shared`, `${P}t-person`].sort(),
    );
    // As an earlier version left it: no lists.
    await cypher(db, "MATCH (s:Entity {key: $k}) REMOVE s.footprintKeys, s.footprintRelations", {
      k: `${P}target`,
    });
    const before = await claims();
    const r = await gql(RETRACT, { k: `${P}target`, r: true }, auth);
    expect(r.data?.retractSource.data).toEqual({ relations: 2, entities: 2 });
    await gql(RETRACT, { k: `${P}target`, r: false }, auth);
    expect(await claims()).toEqual(before);
    expect(await settleFootprints(db)).toBeGreaterThanOrEqual(1);
    expect(await lists()).toEqual(recorded);
    expect(await settleFootprints(db)).toBe(0);
    const again = await gql(RETRACT, { k: `${P}target`, r: true }, auth);
    expect(again.data?.retractSource.data).toEqual({ relations: 2, entities: 2 });
    await gql(RETRACT, { k: `${P}target`, r: false }, auth);
  });
});
