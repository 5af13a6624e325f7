/**
 * A wire story printed by several outlets is one source of evidence, not several (README,
 * "Claims"): a claim whose sentence is the same sentence as an earlier-published source's on the
 * same relation `repeats` that source, and `independentSourceCount` leaves out the sources that
 * only repeat. Read-time only, from the claims as ingested; a neighbourhood drawn without the
 * sentences computes it in its own statement.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { createClient, removeByPrefix, testDb } from "../helpers/client.js";

const P = "syn-";
const db = testDb();
const admin = generateToken();
const { gql } = createClient(db, {
  tokens: [{ name: "syndication", sha256: admin.sha256, scopes: ["admin"] }],
});
const auth = `Bearer ${admin.token}`;

const WIRE = `Northland's minister said its "rapid-reaction" unit will send 130 more troops to Operation Lodestar.`;
/** The wire's sentence as an outlet typesets it: curly quotes, a dash, capitals, no full stop. */
const TYPESET =
  "NORTHLAND\u2019S minister said its \u201crapid\u2013reaction\u201d unit will send 130 more troops to Operation  Lodestar";
const OWN = "Northland's parliament approved sending another 130 soldiers to Lodestar.";
/** The wire's sentence a word apart: another reporter's, not a copy. */
const REWORDED = `Northland's premier said its "rapid-reaction" unit will send 130 more troops to Operation Lodestar.`;

/** One source's document: its sentence, stating Northland's contribution to the mission. */
async function ingest(key: string, publishedAt: string, sentence: string, troops = 130) {
  await ingestRelation(key, publishedAt, sentence, {
    type: "CONTRIBUTES_TO",
    to: { key: `${P}lodestar`, kind: "Mission", name: "Operation Lodestar" },
    properties: { troops },
  });
}

/** One source's document: its sentence, stating one relation of Northland's. */
async function ingestRelation(
  key: string,
  publishedAt: string,
  sentence: string,
  relation: {
    type: string;
    to: { key: string; kind: string; name: string };
    properties?: Record<string, unknown>;
  },
) {
  const r = await gql(
    `mutation($d: JSONObject!) { ingestDocument(document: $d) { __typename
      ... on ValidationError { problems { message path } } } }`,
    {
      d: {
        source: { key: `${P}${key}`, name: key, properties: { text: sentence, publishedAt } },
        entities: [{ key: `${P}northland`, kind: "Nation", name: "Northland" }, relation.to],
        relations: [
          {
            from: `${P}northland`,
            type: relation.type,
            to: relation.to.key,
            ...(relation.properties ? { properties: relation.properties } : {}),
            evidence: sentence,
          },
        ],
      },
    },
    auth,
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
}

async function retract(key: string, retracted: boolean) {
  const r = await gql(
    "mutation($k: String!, $r: Boolean) { retractSource(key: $k, retracted: $r) { __typename } }",
    { k: `${P}${key}`, r: retracted },
    auth,
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.retractSource.__typename).toBe("RetractSourceSuccess");
}

interface Read {
  sourceCount: number;
  independentSourceCount: number;
  disputed: boolean;
  troops: number | null;
  /** Each claim's source, and the source it repeats. */
  repeats: Record<string, string | null>;
}

/** The contribution as a client reads it from Northland's relations. */
async function contribution(): Promise<Read> {
  const r = await gql(
    `{ entity(key: "${P}northland") { relations(types: [CONTRIBUTES_TO], direction: OUT) { edges {
        sourceCount independentSourceCount disputed troops
        claims { source { key } rank repeats { key } } } } } }`,
  );
  expect(r.errors).toBeUndefined();
  const [edge] = r.data.entity.relations.edges;
  const repeats: Record<string, string | null> = {};
  for (const c of edge.claims)
    repeats[String(c.source.key).slice(P.length)] = c.repeats?.key.slice(P.length) ?? null;
  return {
    sourceCount: edge.sourceCount,
    independentSourceCount: edge.independentSourceCount,
    disputed: edge.disputed,
    troops: edge.troops,
    repeats,
  };
}

/** The neighbourhood's edge of `type`, drawn as the explorer draws it (no sentences), or with them. */
async function drawn(sentences: boolean, count = true, type = "CONTRIBUTES_TO") {
  const r = await gql(
    `{ neighbourhood(key: "${P}northland") { edges { type sourceCount
        ${count ? "independentSourceCount" : ""} ${sentences ? "evidence { excerpt }" : ""} } } }`,
  );
  expect(r.errors).toBeUndefined();
  const edge = r.data.neighbourhood.edges.find((e: { type: string }) => e.type === type);
  return { edge, roundTrips: r.extensions?.cypherRoundTrips };
}

beforeAll(async () => {
  await removeByPrefix(db, P);
  await ingest("wire", "2024-05-01", WIRE);
  await ingest("globe", "2024-05-02", TYPESET);
  await ingest("star", "2024-05-03", WIRE);
  await ingest("herald", "2024-05-02", OWN);
});

afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

describe("a sentence printed by several sources", () => {
  it("counts once: the copies repeat the earliest, the source with its own sentence is independent", async () => {
    expect(await contribution()).toEqual({
      sourceCount: 4,
      independentSourceCount: 2,
      disputed: false,
      troops: 130,
      repeats: { wire: null, globe: "wire", herald: null, star: "wire" },
    });
  });

  it("is counted the same in a neighbourhood drawn without its sentences, in the same round trips", async () => {
    const without = await drawn(false, false);
    const bare = await drawn(false);
    expect(bare.edge).toEqual({
      type: "CONTRIBUTES_TO",
      sourceCount: 4,
      independentSourceCount: 2,
    });
    expect(bare.roundTrips).toBe(without.roundTrips);
    const whole = await drawn(true);
    expect(whole.edge.independentSourceCount).toBe(2);
    expect(whole.roundTrips).toBe(without.roundTrips);
  });

  it("takes the next one for the original when the earliest is retracted, and the first again when restored", async () => {
    await retract("wire", true);
    try {
      expect(await contribution()).toMatchObject({
        sourceCount: 3,
        independentSourceCount: 2,
        repeats: { wire: null, globe: null, herald: null, star: "globe" },
      });
      expect((await drawn(false)).edge.independentSourceCount).toBe(2);
    } finally {
      await retract("wire", false);
    }
    expect((await contribution()).repeats).toMatchObject({ globe: "wire", star: "wire" });
  });

  it("does not take a sentence a word apart for a copy", async () => {
    await ingest("post", "2024-05-04", REWORDED);
    expect(await contribution()).toMatchObject({
      sourceCount: 5,
      independentSourceCount: 3,
      repeats: { post: null },
    });
    expect((await drawn(false)).edge.independentSourceCount).toBe(3);
  });

  it("takes a copy that states another value for a repeat still, and the relation stays disputed", async () => {
    // The same day as the wire, a later key: the same sentence with 150 troops recorded.
    await ingest("zcopy", "2024-05-01", WIRE, 150);
    expect(await contribution()).toMatchObject({
      sourceCount: 6,
      independentSourceCount: 3,
      disputed: true,
      repeats: { zcopy: "wire" },
    });
    expect((await drawn(false)).edge).toMatchObject({ sourceCount: 6, independentSourceCount: 3 });
  });
});

describe("the same sentence, in a neighbourhood drawn without sentences as in a relation read", () => {
  it("folds compatibility forms, case, spaces and a full stop alike, and nothing else", async () => {
    const league = { key: `${P}league`, kind: "Organization", name: "Northern League" };
    const member = (key: string, day: string, sentence: string) =>
      ingestRelation(key, `2024-06-${day}`, sentence, { type: "MEMBER_OF", to: league });
    // a and b: a ligature and capitals; c and d: a sharp s, a no-break space and an emoji;
    // e and f: a full-width digit; g: a's sentence with another word, its own.
    await member("a", "01", "Northland \ufb01nally joined the League on 1 May.");
    await member("b", "02", "NORTHLAND FINALLY JOINED THE LEAGUE ON 1 MAY");
    await member("c", "01", "Die Stra\u00dfe\u00a0f\u00fchrt nach Northland \u{1f600}.");
    await member("d", "03", "DIE STRASSE F\u00dcHRT NACH NORTHLAND \u{1f600}");
    await member("e", "02", "Northland joined the League on \uff11 May");
    await member("f", "04", "Northland joined   the League on 1 May.");
    await member("g", "05", "Northland finally rejoined the League on 1 May.");
    const r = await gql(
      `{ entity(key: "${P}northland") { relations(types: [MEMBER_OF], direction: OUT) { edges {
          sourceCount independentSourceCount claims { source { key } repeats { key } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const [edge] = r.data.entity.relations.edges;
    const repeats = Object.fromEntries(
      edge.claims.map((c: { source: { key: string }; repeats: { key: string } | null }) => [
        c.source.key.slice(P.length),
        c.repeats?.key.slice(P.length) ?? null,
      ]),
    );
    expect(repeats).toEqual({ a: null, b: "a", c: null, d: "c", e: null, f: "e", g: null });
    expect(edge).toMatchObject({ sourceCount: 7, independentSourceCount: 4 });
    expect((await drawn(false, true, "MEMBER_OF")).edge).toMatchObject({
      sourceCount: 7,
      independentSourceCount: 4,
    });
  });
});

describe("a relation whose sentences are too long to read with it", () => {
  it("still finds the copies among a page of its claims (their sentences read for it)", async () => {
    // Over 20,000 characters of sentences: a page of claims reads its own sentences apart
    // (planner FEW_EXCERPTS), so the repeats must read theirs too, not compare empty ones.
    const long = (lead: string) =>
      `${lead} Northland sent its brigade to Operation Anvil, ${"and the brigade drilled there through the winter ".repeat(90)}as planned.`;
    const anvil = { key: `${P}anvil`, kind: "Mission", name: "Operation Anvil" };
    const send = (key: string, day: string, sentence: string) =>
      ingestRelation(key, `2024-07-${day}`, sentence, { type: "CONTRIBUTES_TO", to: anvil });
    await send("h1", "01", long("In March"));
    await send("h2", "02", long("In March"));
    await send("h3", "03", long("In April"));
    await send("h4", "04", long("In April"));
    await send("h5", "05", long("In May"));
    const r = await gql(
      `{ entity(key: "${P}northland") { relations(types: [CONTRIBUTES_TO], direction: OUT) { edges {
          node { key } sourceCount
          claimsConnection(first: 5) { edges { node { source { key } repeats { key } } } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const edge = r.data.entity.relations.edges.find(
      (e: { node: { key: string } }) => e.node.key === anvil.key,
    );
    const repeats = Object.fromEntries(
      edge.claimsConnection.edges.map(
        (e: { node: { source: { key: string }; repeats: { key: string } | null } }) => [
          e.node.source.key.slice(P.length),
          e.node.repeats?.key.slice(P.length) ?? null,
        ],
      ),
    );
    expect(repeats).toEqual({ h1: null, h2: "h1", h3: null, h4: "h3", h5: null });
    expect(edge.sourceCount).toBe(5);
  });
});
