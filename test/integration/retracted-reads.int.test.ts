/**
 * A relation that only retracted sources state is left out of every read (README, "Claims"):
 * the relation fields, paths, neighbourhoods and timelines. The lists' relation filters
 * (`where.related`, with or without keys, `none`) and a timeline's events must not find it either:
 * a filter said Zedland was a member of the pact its relations no longer listed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { createClient, removeByPrefix, testDb } from "../helpers/client.js";

const P = "rr-";
const db = testDb();
const admin = generateToken();
const { gql } = createClient(db, {
  tokens: [{ name: "retracted-reads", sha256: admin.sha256, scopes: ["admin"] }],
});
const auth = `Bearer ${admin.token}`;

const A_TEXT = "Zedland is a member of the Old League. The Zed Summit opens on 1 May 2023.";
const B_TEXT = "Zedland joined the Yland Pact. Zedland attended the Zed Summit.";

async function ingest(document: object) {
  const r = await gql(
    `mutation($d: JSONObject!) { ingestDocument(document: $d) { __typename
      ... on ValidationError { problems { message path } } } }`,
    { d: document },
    auth,
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
}

async function retract(retracted: boolean) {
  const r = await gql(
    'mutation($r: Boolean) { retractSource(key: "rr-src-b", retracted: $r) { __typename } }',
    { r: retracted },
    auth,
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.retractSource.__typename).toBe("RetractSourceSuccess");
}

beforeAll(async () => {
  await removeByPrefix(db, P);
  // Source A declares every entity (so each stays vouched for) and one relation of Zedland's.
  await ingest({
    source: {
      key: `${P}src-a`,
      name: "Zedland profile",
      properties: { text: A_TEXT, publishedAt: "2023-04" },
    },
    entities: [
      { key: `${P}zedland`, kind: "Nation", name: "Zedland" },
      { key: `${P}league`, kind: "Organization", name: "Old League" },
      { key: `${P}pact`, kind: "Organization", name: "Yland Pact" },
      { key: `${P}summit`, kind: "Event", name: "Zed Summit", properties: { date: "2023-05-01" } },
    ],
    relations: [
      {
        from: `${P}zedland`,
        type: "MEMBER_OF",
        to: `${P}league`,
        evidence: "Zedland is a member of the Old League.",
      },
    ],
  });
  // Source B alone states the membership of the pact and the attendance.
  await ingest({
    source: {
      key: `${P}src-b`,
      name: "Zedland news",
      properties: { text: B_TEXT, publishedAt: "2023-05" },
    },
    entities: [
      { key: `${P}zedland`, kind: "Nation", name: "Zedland" },
      { key: `${P}pact`, kind: "Organization", name: "Yland Pact" },
      { key: `${P}summit`, kind: "Event", name: "Zed Summit" },
    ],
    relations: [
      {
        from: `${P}zedland`,
        type: "MEMBER_OF",
        to: `${P}pact`,
        evidence: "Zedland joined the Yland Pact.",
      },
      {
        from: `${P}zedland`,
        type: "PARTICIPATED_IN",
        to: `${P}summit`,
        evidence: "Zedland attended the Zed Summit.",
      },
    ],
  });
});

afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

const READ = `{
  anchored: nations(where: { related: [{ type: MEMBER_OF, to: ["rr-pact"] }] }) { totalCount edges { node { key } } }
  inOr: nations(where: { key: { startsWith: "rr-" }, OR: [{ related: [{ type: MEMBER_OF, to: ["rr-pact"] }] }] }) { totalCount edges { node { key } } }
  none: nations(where: { key: { startsWith: "rr-" }, related: [{ type: MEMBER_OF, to: ["rr-pact"], none: true }] }) { edges { node { key } } }
  members: organizations(where: { key: { startsWith: "rr-" }, related: [{ type: MEMBER_OF, direction: IN }] }) { edges { node { key } } }
  attended: events(where: { related: [{ type: PARTICIPATED_IN, direction: IN, to: ["rr-zedland"] }] }) { edges { node { key } } }
  zedland: entity(key: "rr-zedland") { relations { edges { type node { key } } } }
  timeline(entity: "rr-zedland") { totalCount edges { date event { key } } }
}`;

const keys = (c: { edges: Array<{ node: { key: string } }> }) => c.edges.map((e) => e.node.key);

describe("a relation only a retracted source states is found by no filter and no timeline", () => {
  it("while the source counts, every read finds both relations", async () => {
    const { data, errors } = await gql(READ);
    expect(errors).toBeUndefined();
    expect(keys(data.zedland.relations)).toEqual([`${P}league`, `${P}pact`, `${P}summit`]);
    expect(keys(data.anchored)).toEqual([`${P}zedland`]);
    expect(data.anchored.totalCount).toBe(1);
    expect(keys(data.inOr)).toEqual([`${P}zedland`]);
    expect(keys(data.none)).toEqual([]);
    expect(keys(data.members)).toEqual([`${P}league`, `${P}pact`]);
    expect(keys(data.attended)).toEqual([`${P}summit`]);
    expect(data.timeline.edges).toEqual([{ date: "2023-05-01", event: { key: `${P}summit` } }]);
  });

  it("once it is retracted, the filters and the timeline agree with the relation fields", async () => {
    await retract(true);
    const { data, errors } = await gql(READ);
    expect(errors).toBeUndefined();
    // The relation fields leave the pact and the summit out...
    expect(keys(data.zedland.relations)).toEqual([`${P}league`]);
    // ...and so does every filter: with keys (the anchored match), inside OR, by kind, none.
    expect(keys(data.anchored)).toEqual([]);
    expect(data.anchored.totalCount).toBe(0);
    expect(keys(data.inOr)).toEqual([]);
    expect(data.inOr.totalCount).toBe(0);
    expect(keys(data.none)).toEqual([`${P}zedland`]);
    expect(keys(data.members)).toEqual([`${P}league`]);
    expect(keys(data.attended)).toEqual([]);
    // The summit still has a date (source A's), but Zedland's link to it no longer counts.
    expect(data.timeline).toEqual({ totalCount: 0, edges: [] });
  });

  it("restored, the source's relations are found again", async () => {
    await retract(false);
    const { data } = await gql(READ);
    expect(keys(data.anchored)).toEqual([`${P}zedland`]);
    expect(keys(data.none)).toEqual([]);
    expect(data.timeline.totalCount).toBe(1);
  });
});
