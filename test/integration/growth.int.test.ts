/**
 * The graph grows past its seed: three articles of our own writing (test/fixtures/growth, each
 * the draft `npm run extract` made of the .txt beside it, as a reviewer corrected it), ingested
 * on top of the seed through GraphQL and read back as a client would.
 *   vilnius-2023: about 800 Canadian troops in Latvia (July 2023), Canada spent 1.29 % in 2022,
 *     Operation Reassurance extended to March 2026, Latvia's prime minister Karins;
 *   hague-2025-a: about 2,000 troops (June 2025), 1.37 % in 2024, Carney prime minister since
 *     March 2025 (Trudeau until then), the 5 % target, the mission extended to March 2029;
 *   hague-2025-b: the same day, 2,200 troops and 1.33 % in 2024: it contradicts hague-2025-a.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { generateToken } from "../../src/auth/tokens.js";
import { resettleFigures } from "../../src/data/claims.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { runCli } from "../helpers/cli.js";
import { createClient, testDb } from "../helpers/client.js";

const db = testDb();
const admin = generateToken();
const { gql } = createClient(db, {
  tokens: [{ name: "growth-test", sha256: admin.sha256, scopes: ["admin"] }],
});
const auth = `Bearer ${admin.token}`;

const FIXTURES = join(PROJECT_ROOT, "test/fixtures/growth");
type Doc = {
  source: { key: string };
  entities: Array<{ key: string }>;
  relations: Array<Record<string, unknown>>;
};
const article = (name: string) =>
  parse(readFileSync(join(FIXTURES, `${name}.yaml`), "utf8")) as Doc;
const VILNIUS = article("vilnius-2023");
const HAGUE_A = article("hague-2025-a");
const HAGUE_B = article("hague-2025-b");
const ARTICLES = [VILNIUS, HAGUE_A, HAGUE_B];

async function ingest(doc: object) {
  const r = await gql(
    `mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename ... on ValidationError { message problems { path message } } } }`,
    { d: doc },
    auth,
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.ingestDocument).toEqual({ __typename: "IngestDocumentSuccess" });
}

async function removeArticles() {
  for (const doc of ARTICLES) {
    const r = await gql(
      "mutation ($k: String!) { deleteEntity(key: $k) { __typename } }",
      { k: doc.source.key },
      auth,
    );
    expect(r.errors).toBeUndefined();
  }
}

beforeAll(removeArticles);
const dir = mkdtempSync(join(tmpdir(), "allies-growth-"));
afterAll(async () => {
  await removeArticles();
  await db.driver.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Canada's troops in Operation Reassurance and its spending, now or as of a date. */
async function canada(asOf?: string) {
  const r = await gql(
    `query ($asOf: String) { entity(key: "canada") { ... on Nation {
       contributions(asOf: $asOf) { edges { node { key } troops additionalTroops asOf disputed } }
       spending(asOf: $asOf) { edges { node { key } value year unit estimated disputed } } } } }`,
    { asOf: asOf ?? null },
  );
  expect(r.errors).toBeUndefined();
  const entity = r.data.entity as {
    contributions: { edges: Array<Record<string, unknown> & { node: { key: string } }> };
    spending: { edges: Array<Record<string, unknown> & { node: { key: string } }> };
  };
  const { node: _m, ...troops } =
    entity.contributions.edges.find((e) => e.node.key === "operation-reassurance") ?? {};
  const { node: _t, ...spending } =
    entity.spending.edges.find((e) => e.node.key === "nato-two-percent-target") ?? {};
  return { troops, spending };
}

describe("a later article's figures", () => {
  it("come together: a newer troop count or spending figure never wears an older source's qualifiers", async () => {
    await ingest(VILNIUS);
    // The seed (March 2022): 540 deployed, 130 more coming; 1.39 % in 2021.
    expect(await canada("2022-03")).toEqual({
      troops: { troops: 540, additionalTroops: 130, asOf: "2022-03", disputed: false },
      spending: {
        value: 1.39,
        year: 2021,
        unit: "percent of GDP",
        estimated: true,
        disputed: false,
      },
    });
    // July 2023: about 800, and the article says nothing of more to come; 1.29 % in 2022. The
    // seed's "130 more will join in the coming weeks" was a 2022 figure, not a 2023 one.
    expect(await canada()).toEqual({
      troops: { troops: 800, additionalTroops: null, asOf: "2023-07", disputed: false },
      spending: {
        value: 1.29,
        year: 2022,
        unit: "percent of GDP",
        estimated: true,
        disputed: false,
      },
    });
  });
});

describe("deleting a source", () => {
  it("takes away the entities only it introduced, and keeps those others state or made by hand", async () => {
    await ingest(VILNIUS);
    // Someone created one of hague-2025-b's people by hand before the article arrived.
    const made = await gql(
      `mutation { createEntity(input: { key: "baiba-braze", kind: Person, name: "Baiba Braze" }) { __typename } }`,
      {},
      auth,
    );
    expect(made.errors).toBeUndefined();
    expect(made.data.createEntity.__typename).toBe("CreateEntitySuccess");
    await ingest(HAGUE_B);
    const found = async (q: string) => {
      const r = await gql(
        `query ($q: String!) { search(query: $q, first: 5) { edges { node { key } } } }`,
        { q },
      );
      expect(r.errors).toBeUndefined();
      return (r.data.search as { edges: Array<{ node: { key: string } }> }).edges.map(
        (e) => e.node.key,
      );
    };
    expect(await found("Carney")).toContain("mark-carney");
    expect(await found("rebuild rearm")).toContain(
      "quote-carney-are-going-rebuild-rearm-and-reinvest",
    );

    const r = await gql(
      `mutation ($k: String!) { deleteEntity(key: $k) { __typename ... on DeleteEntitySuccess { data { deleted relationsRemoved entitiesRemoved } } } }`,
      { k: HAGUE_B.source.key },
      auth,
    );
    expect(r.errors).toBeUndefined();
    const data = (r.data.deleteEntity as { data: Record<string, unknown> }).data;
    expect(data.deleted).toBe(true);
    const removed = data.entitiesRemoved as string[];
    // Only hague-2025-b named Carney, his quotes and the 5 % target: they go with it.
    expect(removed).toEqual(
      expect.arrayContaining([
        "mark-carney",
        "quote-carney-are-going-rebuild-rearm-and-reinvest",
        "nato-five-percent-target",
      ]),
    );
    // The seed's and vilnius-2023's entities stay, and so does one made by hand.
    for (const key of [
      "canada",
      "latvia",
      "operation-reassurance",
      "krisjanis-karins",
      "baiba-braze",
    ])
      expect(removed).not.toContain(key);
    const left = await gql(
      `{ braze: entity(key: "baiba-braze") { key } karins: entity(key: "krisjanis-karins") { key } }`,
    );
    expect(left.errors).toBeUndefined();
    expect(left.data).toEqual({
      braze: { key: "baiba-braze" },
      karins: { key: "krisjanis-karins" },
    });
    const carney = await gql(`{ entity(key: "mark-carney") { key } }`);
    expect(carney.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
    expect(await found("Carney")).not.toContain("mark-carney");
    expect(await found("rebuild rearm")).toEqual([]);
    await gql(`mutation { deleteEntity(key: "baiba-braze") { __typename } }`, {}, auth);
  });
});

describe("the timeline of a nation the articles keep coming back to", () => {
  it("shows each article's troop count and spending at its own date, and when a leader's term ended", async () => {
    for (const doc of ARTICLES) await ingest(doc);
    const r = await gql(`{ timeline(entity: "canada", from: "2022", first: 100) { totalCount edges {
        date relation { type from { key } to { key } troops value year until since } } } }`);
    expect(r.errors).toBeUndefined();
    const entries = (
      r.data.timeline.edges as Array<{
        date: string;
        relation: null | (Record<string, unknown> & { from: { key: string }; to: { key: string } });
      }>
    )
      .filter((e) => e.relation)
      .map(({ date, relation }) => {
        const { from, to, ...values } = relation as NonNullable<typeof relation>;
        const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v != null));
        return { date, from: from.key, to: to.key, ...set } as Record<string, unknown>;
      });
    const troops = entries.filter((e) => e.type === "CONTRIBUTES_TO" && e.from === "canada");
    // Each article's figure at the time it gave it (the two of June 2025 disagree: the one
    // shown is the first by source key, the dispute is on the relation).
    expect(troops.map((e) => [e.date, e.troops])).toEqual([
      ["2022-03", 540],
      ["2023-07", 800],
      ["2025-06", 2000],
    ]);
    const spending = entries.filter(
      (e) => e.type === "SPENDS" && e.to === "nato-two-percent-target",
    );
    expect(spending.map((e) => [e.date, e.value, e.year])).toEqual([
      ["2022-03", 1.39, 2021],
      ["2023-07-11", 1.29, 2022],
      ["2025-06-25", 1.37, 2024],
    ]);
    const leaders = entries.filter((e) => e.type === "LEADS" && e.to === "canada");
    expect(leaders).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: "2025-03", from: "justin-trudeau", until: "2025-03" }),
        expect.objectContaining({ date: "2025-03", from: "mark-carney", since: "2025-03" }),
      ]),
    );
    expect(r.data.timeline.totalCount).toBe(r.data.timeline.edges.length);
  });
});

describe("the command-line path: extract, review, ingest --check, ingest", () => {
  it("a draft of a 2023 article, reviewed, checked and ingested, gives the 2023 figure and keeps 2022's", async () => {
    await removeArticles();
    const draft = join(dir, "vilnius.yaml");
    const extracted = await runCli([
      "src/cli/extract.ts",
      join(FIXTURES, "vilnius-2023.txt"),
      "--title",
      "Canada to double its troops in Latvia as NATO leaders meet in Vilnius",
      "--publisher",
      "Growth Wire",
      "--date",
      "2023-07-11",
      "--link",
      "seed/000_4f2a725f6fafb235.yaml",
      "--out",
      draft,
    ]);
    expect(extracted.stderr).toContain(`${draft}: `);
    expect(extracted.code).toBe(0);
    // The reviewer's edit: the sentence says the 1.29 % was 2022's.
    const doc = parse(readFileSync(draft, "utf8")) as Doc;
    expect(doc.source.key).toBe(VILNIUS.source.key);
    const spends = doc.relations.find((r) => r.type === "SPENDS" && r.from === "canada") as {
      properties: Record<string, unknown>;
    };
    spends.properties.year = 2022;
    writeFileSync(draft, stringify(doc));

    const check = await runCli(["src/cli/ingest.ts", "--check", draft]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(
      /canada -\[CONTRIBUTES_TO\]-> operation-reassurance: would change; additionalTroops 130 -> null; asOf "2022-03" -> "2023-07"; troops 540 -> 800;/,
    );
    expect(check.stdout).toMatch(
      /canada -\[SPENDS\]-> nato-two-percent-target: would change; .*value 1.39 -> 1.29/,
    );
    expect((await canada()).troops).toMatchObject({ troops: 540 }); // --check wrote nothing

    const ingested = await runCli(["src/cli/ingest.ts", draft]);
    expect(ingested.code).toBe(0);
    expect(await canada()).toMatchObject({
      troops: { troops: 800, additionalTroops: null, asOf: "2023-07" },
      spending: { value: 1.29, year: 2022 },
    });
    expect(await canada("2022-03")).toMatchObject({
      troops: { troops: 540, additionalTroops: 130 },
      spending: { value: 1.39, year: 2021 },
    });
  });

  it("--check shows a reviewer which figures of the article another source contradicts on the same day", async () => {
    await ingest(HAGUE_A);
    const check = await runCli([
      "src/cli/ingest.ts",
      "--check",
      join(FIXTURES, "hague-2025-b.yaml"),
    ]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(
      "canada -[CONTRIBUTES_TO]-> operation-reassurance: would change; disputed false -> true; evidence + 1 sentence; troops 2200 claimed, 2000 stays (disputed: a claim at the same time comes first)",
    );
    expect(check.stdout).toContain(
      "value 1.33 claimed, 1.37 stays (disputed: a claim at the same time comes first)",
    );
    await ingest(HAGUE_B);
    const d = await gql(
      `{ disputes(first: 20) { edges { node { id claims { source { key } at values } } } } }`,
    );
    expect(d.errors).toBeUndefined();
    const ids = d.data.disputes.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "canada|CONTRIBUTES_TO|operation-reassurance",
        "canada|SPENDS|nato-two-percent-target",
      ]),
    );
  });
});

describe("a graph written before figures resolved together", () => {
  it("is settled at start: the stale '130 more' beside a newer count goes, once", async () => {
    await removeArticles();
    await ingest(VILNIUS);
    // What the previous version stored for this relation: the 2023 count beside 2022's 130.
    await db.driver.executeQuery(
      `MATCH (:Entity {key: "canada"})-[r:CONTRIBUTES_TO]->(:Entity {key: "operation-reassurance"})
       SET r.additionalTroops = 130`,
      {},
      { database: db.database },
    );
    expect((await canada()).troops).toMatchObject({ troops: 800, additionalTroops: 130 });
    expect(await resettleFigures(db)).toBeGreaterThanOrEqual(1);
    expect((await canada()).troops).toMatchObject({ troops: 800, additionalTroops: null });
    expect(await resettleFigures(db)).toBe(0);
  });
});

describe("searching for the people the articles name", () => {
  it("finds a Latvian prime minister spelt with or without his diacritics", async () => {
    await ingest(VILNIUS);
    for (const q of ["Karins", "Kariņš", "Krišjānis Kariņš"]) {
      const r = await gql(
        `query ($q: String!) { search(query: $q, first: 3) { edges { node { key } } } }`,
        { q },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data.search.edges.map((e: { node: { key: string } }) => e.node.key)).toContain(
        "krisjanis-karins",
      );
    }
  });
});

describe("the folder loop over articles already reviewed", () => {
  it("leaves a reviewed article as it is instead of ingesting its raw draft again", async () => {
    await removeArticles();
    await ingest(VILNIUS); // the reviewed document: year 2022 added, a false pledge removed
    const folder = join(dir, "folder");
    mkdirSync(folder);
    writeFileSync(
      join(folder, "vilnius-2023.txt"),
      readFileSync(join(FIXTURES, "vilnius-2023.txt")),
    );
    writeFileSync(
      join(folder, "vilnius-2023.json"),
      JSON.stringify({
        title: "Canada to double its troops in Latvia as NATO leaders meet in Vilnius",
        publisher: "Growth Wire",
        publishedAt: "2023-07-11",
        url: "https://example.org/vilnius",
      }),
    );
    const r = await runCli(["src/cli/extract.ts", "--ingest", folder]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `vilnius-2023.txt: ${VILNIUS.source.key}: already in the graph, skipped`,
    );
    expect((await canada()).spending).toMatchObject({ value: 1.29, year: 2022 });
    const pledge = await gql(
      `{ entity(key: "trudeau-as-nato-leaders-gathered-in-the-lithuanian") { key } }`,
    );
    expect(pledge.errors?.map((e) => e.extensions?.code)).toEqual(["NOT_FOUND"]);
  });
});

/** Retracts the first Hague article (or restores it). */
const retract = (retracted: boolean) =>
  gql(
    "mutation ($k: String!, $r: Boolean) { retractSource(key: $k, retracted: $r) { __typename } }",
    { k: HAGUE_A.source.key, r: retracted },
    auth,
  );

describe("retracting the only source of a relation", () => {
  it("takes the relation out of what a client reads until the source is restored", async () => {
    await removeArticles();
    await ingest(VILNIUS);
    await ingest(HAGUE_A); // the only article saying Carney leads Canada
    const read = async () => {
      const r = await gql(`{
        entity(key: "canada") { ... on Nation { leaders { totalCount edges { node { key } } } } }
        neighbourhood(key: "mark-carney", depth: 1, limit: 50) { edges { type from { key } to { key } } }
        path(from: "mark-carney", to: "canada", types: [LEADS]) { length }
        timeline(entity: "mark-carney", first: 50) { edges { relation { type to { key } } } } }`);
      expect(r.errors).toBeUndefined();
      return {
        leaders: r.data.entity.leaders.edges.map((e: { node: { key: string } }) => e.node.key),
        total: r.data.entity.leaders.totalCount,
        drawn: r.data.neighbourhood.edges.some(
          (e: { type: string; to: { key: string } }) => e.type === "LEADS" && e.to.key === "canada",
        ),
        path: r.data.path?.length ?? null,
        timeline: r.data.timeline.edges.some(
          (e: { relation: { type: string; to: { key: string } } | null }) =>
            e.relation?.type === "LEADS" && e.relation.to.key === "canada",
        ),
      };
    };
    const before = await read();
    expect(before).toMatchObject({ drawn: true, path: 1, timeline: true });
    expect(before.leaders).toEqual(expect.arrayContaining(["justin-trudeau", "mark-carney"]));
    expect((await retract(true)).data.retractSource.__typename).toBe("RetractSourceSuccess");
    // Trudeau's LEADS keeps the seed's and vilnius-2023's claims; Carney's had only hague-2025-a's.
    expect(await read()).toEqual({
      leaders: ["justin-trudeau"],
      total: 1,
      drawn: false,
      path: null,
      timeline: false,
    });
    await retract(false);
    expect(await read()).toEqual(before);
  });
});

describe("retracting the only source of an entity", () => {
  it("takes the entity out of lists, search and neighbourhoods, flags it when looked up, and restore brings it back", async () => {
    await removeArticles();
    await ingest(VILNIUS);
    await ingest(HAGUE_A); // the only article naming Friedrich Merz and Adazi
    const read = async () => {
      const r = await gql(`{
        people(where: { name: { startsWith: "Friedrich" } }) { totalCount edges { node { key } } }
        places(first: 100) { totalCount edges { node { key } } }
        search(query: "Merz", first: 5) { totalCount edges { node { key } } }
        germany: neighbourhood(key: "germany", depth: 1, types: [LEADS, MENTIONS]) { nodes { key } }
        source: neighbourhood(key: "${HAGUE_A.source.key}", depth: 1, types: [MENTIONS]) { nodes { key } }
        merz: entity(key: "friedrich-merz") { key retracted }
        trudeau: entity(key: "justin-trudeau") { retracted }
        article: entity(key: "${HAGUE_A.source.key}") { retracted ... on Source { retracted } }
      }`);
      expect(r.errors).toBeUndefined();
      const keys = (c: { edges: Array<{ node: { key: string } }> }) =>
        c.edges.map((e) => e.node.key);
      return {
        people: keys(r.data.people),
        peopleTotal: r.data.people.totalCount,
        adazi: keys(r.data.places).includes("adazi"),
        placesTotal: r.data.places.totalCount,
        search: keys(r.data.search).includes("friedrich-merz"),
        germany: r.data.germany.nodes.some((n: { key: string }) => n.key === "friedrich-merz"),
        source: r.data.source.nodes.some((n: { key: string }) => n.key === "friedrich-merz"),
        merz: r.data.merz,
        trudeau: r.data.trudeau.retracted,
        article: r.data.article.retracted,
      };
    };
    const before = await read();
    expect(before).toMatchObject({
      people: ["friedrich-merz"],
      peopleTotal: 1,
      adazi: true,
      search: true,
      germany: true,
      source: true,
      merz: { key: "friedrich-merz", retracted: false },
      trudeau: false,
      article: false,
    });
    expect((await retract(true)).data.retractSource.__typename).toBe("RetractSourceSuccess");
    // Justin Trudeau is also the seed's and vilnius-2023's; Merz and Adazi only hague-2025-a's.
    const after = await read();
    expect(after.placesTotal).toBeLessThan(before.placesTotal);
    expect(after).toEqual({
      people: [],
      peopleTotal: 0,
      adazi: false,
      placesTotal: after.placesTotal,
      search: false,
      germany: false,
      source: false,
      merz: { key: "friedrich-merz", retracted: true },
      trudeau: false,
      article: true,
    });
    await retract(false);
    expect(await read()).toEqual(before);
  });
});
