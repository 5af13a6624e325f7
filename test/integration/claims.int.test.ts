/**
 * Claims (issue 24): three real articles on Operation Reassurance at different dates, on top of
 * the seed (CTV, March 2022: about 540 Canadian troops in Latvia):
 *   a: Ottawa Citizen, June 2017: 450 personnel for the 2017 deployment;
 *   b: CTV, February 2022: 540 deployed in 2017 (repeats the seed's figure, contradicts a), and
 *      Canada leads the battle group (repeats the seed);
 *   c: Canadian Affairs, January 2025: 1,900 (updates the figure).
 * Through GraphQL: corroboration adds a source, an update keeps history and asOf answers each
 * period, the contradiction is listed in disputes, and any ingest order gives the same graph.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generateToken } from "../../src/auth/tokens.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { createClient, type GqlResult, testDb } from "../helpers/client.js";

const db = testDb();
const admin = generateToken();
const { gql } = createClient(db, {
  tokens: [{ name: "claims-test", sha256: admin.sha256, scopes: ["admin"] }],
});
const auth = `Bearer ${admin.token}`;
afterAll(async () => {
  await removeArticles();
  await db.driver.close();
});

const FIXTURES = join(PROJECT_ROOT, "test/fixtures/claims");
const article = (name: string) =>
  parse(readFileSync(join(FIXTURES, `${name}.yaml`), "utf8")) as { source: { key: string } };
const A = article("a-ottawa-citizen-2017");
const B = article("b-ctv-2022");
const C = article("c-canadian-affairs-2025");

async function ingest(doc: object) {
  const r = await gql(
    `mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename ... on ValidationError { message problems { path message } } } }`,
    { d: doc },
    auth,
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
}

/** Deleting a source takes its claims off every relation, and what is left settles the values. */
async function removeArticles() {
  for (const doc of [A, B, C])
    await gql(
      "mutation ($k: String!) { deleteEntity(key: $k) { __typename } }",
      { k: doc.source.key },
      auth,
    );
}

const CLAIMS = "claims { source { key } excerpt at values inferred rank }";

/** Canada's contribution to Operation Reassurance as a client reads it, now or as of a date. */
async function contribution(asOf?: string) {
  const r = await gql(
    `query ($asOf: String) { entity(key: "canada") { sourceCount relations(types: [CONTRIBUTES_TO, LEADS], direction: OUT, asOf: $asOf) {
       edges { type node { key } troops additionalTroops role disputed sourceCount
               evidence { source { key } excerpt at values } ${CLAIMS} } } } }`,
    { asOf: asOf ?? null },
  );
  expect(r.errors).toBeUndefined();
  const edges = r.data.entity.relations.edges as Array<Record<string, unknown>>;
  const pick = (type: string) =>
    edges.find(
      (e) => e.type === type && (e.node as { key: string }).key === "operation-reassurance",
    );
  return {
    sourceCount: r.data.entity.sourceCount as number,
    contributes: pick("CONTRIBUTES_TO"),
    leads: pick("LEADS"),
  };
}

describe("claims from articles at different dates", () => {
  it("adds sources, keeps each period's figure, and lists the contradiction", async () => {
    const before = await contribution();
    expect(before.contributes).toMatchObject({
      troops: 540,
      additionalTroops: 130,
      disputed: false,
      sourceCount: 1,
    });
    for (const doc of [A, B, C]) await ingest(doc);

    const now = await contribution();
    // The update: the latest figure, citing the sentence that gives it. The seed's "130 more
    // will join in the coming weeks" was said in 2022: the 2025 figure does not carry it.
    expect(now.contributes).toMatchObject({
      troops: 1900,
      additionalTroops: null,
      disputed: true,
      sourceCount: 4,
    });
    const claims = now.contributes?.claims as Array<{
      source: { key: string };
      at: string;
      values: Record<string, unknown>;
      excerpt: string;
    }>;
    expect(claims.map((c) => [c.source.key, c.at, c.values.troops])).toEqual([
      // Oldest first; at the same time, by source key.
      [B.source.key, "2017", 540],
      [A.source.key, "2017", 450],
      ["ctv-2022-nato-defence-spending", "2022-03", 540],
      [C.source.key, "2025-01", 1900],
    ]);
    expect(claims.find((c) => c.values.troops === 1900)?.excerpt).toMatch(
      /1,900 Canadian Armed Forces/,
    );
    // Corroboration: the seed's "lead nation" relation now has two sources.
    expect(now.leads).toMatchObject({ role: "lead nation", sourceCount: 2 });
    expect(now.sourceCount).toBeGreaterThan(before.sourceCount);

    // History: each period answers its own figure, and cites only sentences up to then.
    const in2022 = await contribution("2022-03");
    expect(in2022.contributes).toMatchObject({ troops: 540, additionalTroops: 130 });
    expect(in2022.contributes?.evidence).toHaveLength(3);
    // Corroboration as of a date counts the sources that stated it by then, as evidence lists.
    expect(in2022.contributes?.sourceCount).toBe(3);
    expect((await contribution("2024-12")).contributes).toMatchObject({ troops: 540 });
    const in2017 = await contribution("2017");
    expect(in2017.contributes).toMatchObject({ additionalTroops: null, disputed: true });
    expect([450, 540]).toContain(in2017.contributes?.troops);
    expect(in2017.contributes?.sourceCount).toBe(2);
    expect((await contribution("2016")).contributes).toMatchObject({
      troops: null,
      evidence: [],
      sourceCount: 0,
    });

    // The contradiction is listed.
    const d = await gql(
      `{ disputes(first: 50) { totalCount edges { node { id disputed claims { source { key } values } } } } }`,
    );
    expect(d.errors).toBeUndefined();
    const ids = d.data.disputes.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toContain("canada|CONTRIBUTES_TO|operation-reassurance");
    expect(d.data.disputes.totalCount).toBeGreaterThanOrEqual(1);
    expect(d.data.disputes.totalCount).toBe(ids.length);

    // Paged one at a time (each page read in Cypher, not sliced from all of them), the list is
    // the same, in the same order, with the same totalCount, each page in one round trip.
    const paged: string[] = [];
    let after: string | null = null;
    for (let i = 0; i <= ids.length; i++) {
      type Page = {
        disputes: {
          totalCount: number;
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
      const p: GqlResult<Page> = await gql<Page>(
        `query ($after: String) { disputes(first: 1, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(p.errors).toBeUndefined();
      expect(p.extensions?.cypherRoundTrips).toBe(1);
      const page = p.data?.disputes;
      expect(page?.totalCount).toBe(ids.length);
      paged.push(...(page?.edges ?? []).map((e) => e.node.id));
      if (!page?.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(ids);
  });

  it("gives the same graph whatever the order of ingest, and again on re-ingest", async () => {
    await removeArticles();
    expect((await contribution()).contributes).toMatchObject({
      troops: 540,
      disputed: false,
      sourceCount: 1,
    });
    for (const doc of [A, B, C]) await ingest(doc);
    const forward = await contribution();
    for (const doc of [C, B, A]) await ingest(doc); // re-ingest: nothing changes
    expect(await contribution()).toEqual(forward);
    await removeArticles();
    for (const doc of [C, B, A]) await ingest(doc);
    expect(await contribution()).toEqual(forward);
    for (const asOf of ["2017", "2022-03", "2025"]) {
      const backward = await contribution(asOf);
      await removeArticles();
      for (const doc of [A, B, C]) await ingest(doc);
      expect(await contribution(asOf)).toEqual(backward);
    }
  });

  it("a retracted source stays on record but stops counting, and can be restored", async () => {
    for (const doc of [A, B, C]) await ingest(doc);
    const retract = (retracted: boolean) =>
      gql(
        "mutation ($k: String!, $r: Boolean) { retractSource(key: $k, retracted: $r) { ... on RetractSourceSuccess { data { retracted relations } } } }",
        { k: C.source.key, r: retracted },
        auth,
      );
    const r = await retract(true);
    expect(r.errors).toBeUndefined();
    expect(r.data.retractSource.data).toEqual({ retracted: true, relations: 1 });
    const after = await contribution();
    expect(after.contributes).toMatchObject({ troops: 540, sourceCount: 3 });
    const claims = after.contributes?.claims as Array<{ source: { key: string }; rank: string }>;
    expect(claims.find((c) => c.source.key === C.source.key)?.rank).toBe("DEPRECATED");
    expect(after.contributes?.evidence).toHaveLength(3);
    await retract(false);
    expect((await contribution()).contributes).toMatchObject({ troops: 1900, sourceCount: 4 });
    const missing = await gql(
      `mutation { retractSource(key: "no-such-source") { __typename ... on NotFoundError { message } } }`,
      {},
      auth,
    );
    expect(missing.data.retractSource.__typename).toBe("NotFoundError");
    // An explicit null is not "retract": it is refused, and nothing changes (it retracted before).
    for (const [query, variables] of [
      [`mutation { retractSource(key: "${C.source.key}", retracted: null) { __typename } }`, {}],
      [
        "mutation ($k: String!, $r: Boolean) { retractSource(key: $k, retracted: $r) { __typename } }",
        { k: C.source.key, r: null },
      ],
    ] as const) {
      const refused = await gql(query, variables, auth);
      expect(refused.data?.retractSource ?? null).toBeNull();
      expect(refused.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/"Boolean!"/),
        extensions: { code: expect.stringMatching(/^(GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT)$/) },
      });
    }
    expect((await contribution()).contributes).toMatchObject({ troops: 1900, sourceCount: 4 });
  });

  it("a retracted source ingested again stays retracted: what it now adds does not count either", async () => {
    for (const doc of [A, B, C]) await ingest(doc);
    const r = await gql(
      "mutation ($k: String!) { retractSource(key: $k) { __typename } }",
      { k: C.source.key },
      auth,
    );
    expect(r.data.retractSource.__typename).toBe("RetractSourceSuccess");
    // The same article, now also saying where the troops are.
    const again = structuredClone(C) as typeof C & { relations: object[] };
    again.relations.push({
      from: "operation-reassurance",
      type: "DEPLOYED_TO",
      to: "latvia",
      properties: { since: "2025-01" },
      evidence: "Canada currently has 1,900 Canadian Armed Forces personnel stationed in Latvia.",
    });
    await ingest(again);
    const q = await gql(
      `{ entity(key: "operation-reassurance") { relations(types: [DEPLOYED_TO], direction: OUT) { edges { node { key } since ${CLAIMS} } } } }`,
    );
    expect(q.errors).toBeUndefined();
    const deployed = (
      q.data.entity.relations.edges as Array<{
        node: { key: string };
        since: string | null;
        claims: Array<{ source: { key: string }; rank: string }>;
      }>
    ).find((e) => e.node.key === "latvia");
    expect(deployed?.claims.find((c) => c.source.key === C.source.key)?.rank).toBe("DEPRECATED");
    // The seed states the deployment with no date; the retracted source's date does not count.
    expect(deployed?.since).toBeNull();
    const source = await gql(`{ entity(key: "${C.source.key}") { ... on Source { retracted } } }`);
    expect(source.data.entity).toEqual({ retracted: true });
    await gql(
      "mutation ($k: String!) { retractSource(key: $k, retracted: false) { __typename } }",
      { k: C.source.key },
      auth,
    );
  });

  it("addRelation citing a retracted source adds a DEPRECATED claim: the relation stays out of reads until the source is restored", async () => {
    for (const doc of [A, B, C]) await ingest(doc);
    const retract = (retracted: boolean) =>
      gql(
        "mutation ($k: String!, $r: Boolean) { retractSource(key: $k, retracted: $r) { __typename } }",
        { k: C.source.key, r: retracted },
        auth,
      );
    expect((await retract(true)).data.retractSource.__typename).toBe("RetractSourceSuccess");
    const added = await gql(
      `mutation ($i: AddRelationInput!) { addRelation(input: $i) { __typename ... on ValidationError { message } } }`,
      {
        i: {
          from: "operation-reassurance",
          type: "DEPLOYED_TO",
          to: "europe",
          evidence: {
            source: C.source.key,
            excerpt:
              "Canada currently has 1,900 Canadian Armed Forces personnel stationed in Latvia.",
          },
        },
      },
      auth,
    );
    expect(added.errors).toBeUndefined();
    expect(added.data.addRelation.__typename).toBe("AddRelationSuccess");
    const deployedTo = async () => {
      const q = await gql(
        `{ entity(key: "operation-reassurance") { relations(types: [DEPLOYED_TO], direction: OUT) { edges { node { key } ${CLAIMS} } } } }`,
      );
      expect(q.errors).toBeUndefined();
      return (
        q.data.entity.relations.edges as Array<{
          node: { key: string };
          claims: Array<{ source: { key: string }; rank: string }>;
        }>
      ).find((e) => e.node.key === "europe");
    };
    // Only the retracted source states it: left out, as an ingest of that source's would be.
    expect(await deployedTo()).toBeUndefined();
    await retract(false);
    expect((await deployedTo())?.claims).toEqual([
      expect.objectContaining({ source: { key: C.source.key }, rank: "NORMAL" }),
    ]);
    await gql(
      `mutation { removeRelation(from: "operation-reassurance", type: DEPLOYED_TO, to: "europe") { __typename } }`,
      {},
      auth,
    );
  });

  it("after the articles' sources are deleted, the seed's own claim is all that is left", async () => {
    await removeArticles();
    const after = await contribution();
    expect(after.contributes).toMatchObject({
      troops: 540,
      additionalTroops: 130,
      disputed: false,
      sourceCount: 1,
    });
    expect(after.leads).toMatchObject({ sourceCount: 1 });
  });
});

const MISSION = `{ entity(key: "operation-reassurance") {
  name description disputed disputedFields
  ... on Mission { status endDate }
  claims { source { key } at values rank }
  fieldSources { field source previous previousSource } } }`;

/** Operation Reassurance's own fields as a client reads them. */
async function mission() {
  const r = await gql(MISSION);
  expect(r.errors).toBeUndefined();
  return r.data.entity as Record<string, unknown> & {
    claims: Array<{ source: { key: string } | null; at: string; values: Record<string, unknown> }>;
  };
}

const SEED = "ctv-2022-nato-defence-spending";
const DESCRIPTIONS = {
  seed: /^The NATO battle group in Latvia led by Canada; about 540/,
  a: /450 Canadian Forces personnel deploying in June 2017/,
  b: /renewed in 2018 to March 2023/,
  c: /^Canada's largest foreign military commitment: 1,900/,
};

describe("entity claims from articles at different dates", () => {
  it("keeps each source's description and name, and shows the newest", async () => {
    await removeArticles();
    const before = await mission();
    expect(before).toMatchObject({
      name: "Operation Reassurance",
      status: "RENEWED",
      endDate: null,
      disputed: false,
      fieldSources: [],
    });
    expect(before.description).toMatch(DESCRIPTIONS.seed);
    expect(before.claims.map((c) => [c.source?.key, c.at])).toEqual([[SEED, "2022-03"]]);

    // The newest first, then older ones: the 2017 article, ingested last, overwrites nothing.
    for (const doc of [C, B, A]) await ingest(doc);
    const now = await mission();
    expect(now).toMatchObject({
      name: "Operation Reassurance",
      status: "ACTIVE",
      endDate: "2023-03",
      disputed: false,
    });
    expect(now.description).toMatch(DESCRIPTIONS.c);
    // Every source's own claim, oldest first, each with its own name and description.
    expect(
      now.claims.map((c) => [
        c.source?.key,
        c.at,
        c.values.name,
        c.values.status,
        c.values.endDate,
      ]),
    ).toEqual([
      [A.source.key, "2017-06-06", "Operation REASSURANCE", "ACTIVE", undefined],
      [B.source.key, "2022-02-22", "Operation Reassurance", "RENEWED", "2023-03"],
      [SEED, "2022-03", "Operation Reassurance", "RENEWED", undefined],
      [C.source.key, "2025-01-31", "Operation Reassurance", "ACTIVE", undefined],
    ]);
    const described = now.claims.map((c) => String(c.values.description));
    expect(described[0]).toMatch(DESCRIPTIONS.a);
    expect(described[1]).toMatch(DESCRIPTIONS.b);
    expect(described[2]).toMatch(DESCRIPTIONS.seed);
    expect(described[3]).toMatch(DESCRIPTIONS.c);
    expect(now.fieldSources).toEqual(
      expect.arrayContaining([
        {
          field: "name",
          source: C.source.key,
          previous: "Operation REASSURANCE",
          previousSource: A.source.key,
        },
        { field: "status", source: C.source.key, previous: "RENEWED", previousSource: SEED },
      ]),
    );
  });

  it("gives the same entity whatever the order of ingest, and again on re-ingest", async () => {
    await removeArticles();
    for (const doc of [A, B, C]) await ingest(doc);
    const forward = await mission();
    for (const doc of [B, A, C]) await ingest(doc); // re-ingest: nothing changes
    expect(await mission()).toEqual(forward);
    await removeArticles();
    for (const doc of [C, B, A]) await ingest(doc);
    expect(await mission()).toEqual(forward);
    await removeArticles();
    for (const doc of [B, C, A]) await ingest(doc);
    expect(await mission()).toEqual(forward);
  });

  it("a retracted source's description drops out, and comes back when restored", async () => {
    for (const doc of [A, B, C]) await ingest(doc);
    const retract = (key: string, retracted: boolean) =>
      gql(
        "mutation ($k: String!, $r: Boolean) { retractSource(key: $k, retracted: $r) { ... on RetractSourceSuccess { data { retracted relations entities } } } }",
        { k: key, r: retracted },
        auth,
      );
    const r = await retract(C.source.key, true);
    expect(r.errors).toBeUndefined();
    expect(r.data.retractSource.data).toEqual({ retracted: true, relations: 1, entities: 1 });
    const after = await mission();
    // The seed (March 2022) is now the newest that counts.
    expect(after.description).toMatch(DESCRIPTIONS.seed);
    expect(after).toMatchObject({ status: "RENEWED", endDate: "2023-03" });
    const claims = after.claims as unknown as Array<{ source: { key: string }; rank: string }>;
    expect(claims.find((c) => c.source.key === C.source.key)?.rank).toBe("DEPRECATED");
    await retract(C.source.key, false);
    expect((await mission()).description).toMatch(DESCRIPTIONS.c);
  });

  it("a deleted source's claims are stripped: what only it stated goes", async () => {
    for (const doc of [A, B, C]) await ingest(doc);
    await gql(
      "mutation ($k: String!) { deleteEntity(key: $k) { __typename } }",
      { k: B.source.key },
      auth,
    );
    const after = await mission();
    expect(after).toMatchObject({ status: "ACTIVE", endDate: null });
    expect(after.claims.map((c) => c.source?.key)).toEqual([A.source.key, SEED, C.source.key]);
    await removeArticles();
    const seedOnly = await mission();
    expect(seedOnly).toMatchObject({ name: "Operation Reassurance", status: "RENEWED" });
    expect(seedOnly.description).toMatch(DESCRIPTIONS.seed);
    expect(seedOnly.claims).toHaveLength(1);
  });
});
