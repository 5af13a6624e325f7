/**
 * What articles say of organisations that the vocabulary could not hold: a unit belongs to an
 * armed force and an armed force to its nation (PART_OF), a command leads a battlegroup (LEADS), a
 * unit is deployed to a place (DEPLOYED_TO), a headquarters lies in a city (LOCATED_IN). Each was
 * refused as an endpoint the type does not allow; now ingest takes them and the typed fields read
 * them back, and a chain of belonging never returns to where it began.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { createClient, removeByPrefix, testDb } from "../helpers/client.js";

const P = "orgrel-";
const db = testDb();
const writer = generateToken();
const { gql } = createClient(db, {
  tokens: [{ name: "orgrel-writer", sha256: writer.sha256, scopes: ["write"] }],
});
const auth = `Bearer ${writer.token}`;

const S = {
  army: "The Northland Army's 3rd Brigade, part of the Northland Army, deployed to Riga.",
  forces: "The Northland Army is the land force of Northland.",
  command: "Division Command North leads the battlegroup in Latvia.",
  seat: "Division Command North is headquartered in Elbląg.",
};
const TEXT = Object.values(S).join(" ");
const doc = (relations: object[]) => ({
  source: {
    key: `${P}src`,
    name: "An article",
    properties: { text: TEXT, publishedAt: "2026-02-01" },
  },
  entities: [
    { key: `${P}northland`, kind: "Nation", name: "Northland" },
    { key: `${P}army`, kind: "Organization", name: "Northland Army" },
    { key: `${P}brigade`, kind: "Organization", name: "3rd Brigade" },
    { key: `${P}command`, kind: "Organization", name: "Division Command North" },
    { key: `${P}bg`, kind: "Mission", name: "Battlegroup Latvia" },
    { key: `${P}riga`, kind: "Place", name: "Riga" },
    { key: `${P}elblag`, kind: "Place", name: "Elbląg" },
  ],
  relations,
});
const rel = (from: string, type: string, to: string, evidence: string) => ({
  from: `${P}${from}`,
  type,
  to: `${P}${to}`,
  evidence,
});
const INGEST = `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
  __typename ... on ValidationError { problems { path message } } } }`;
const keys = "edges { node { key } }";

beforeAll(async () => {
  await removeByPrefix(db, P);
});
afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

describe("organisations in the vocabulary", () => {
  it("belong to one another and to nations, lead missions, deploy and have a seat", async () => {
    const r = await gql(
      INGEST,
      {
        d: doc([
          rel("brigade", "PART_OF", "army", S.army),
          rel("army", "PART_OF", "northland", S.forces),
          rel("brigade", "DEPLOYED_TO", "riga", S.army),
          rel("command", "LEADS", "bg", S.command),
          rel("command", "LOCATED_IN", "elblag", S.seat),
        ]),
      },
      auth,
    );
    expect(r.data.ingestDocument).toEqual({ __typename: "IngestDocumentSuccess" });
    const read = await gql(`{
      brigade: entity(key: "${P}brigade") { ... on Organization {
        partOf { ${keys} } deployedTo { ${keys} } } }
      army: entity(key: "${P}army") { ... on Organization { parts { ${keys} } partOf { ${keys} } } }
      command: entity(key: "${P}command") { ... on Organization {
        leads { ${keys} } locatedIn { ${keys} } } }
      northland: entity(key: "${P}northland") { ... on Nation { organizations { ${keys} } } }
      bg: entity(key: "${P}bg") { ... on Mission { leaders { ${keys} } } }
    }`);
    expect(read.errors).toBeUndefined();
    const k = (name: string) => ({ edges: [{ node: { key: `${P}${name}` } }] });
    expect(read.data).toEqual({
      brigade: { partOf: k("army"), deployedTo: k("riga") },
      army: { parts: k("brigade"), partOf: k("northland") },
      command: { leads: k("bg"), locatedIn: k("elblag") },
      northland: { organizations: k("army") },
      bg: { leaders: k("command") },
    });
  });

  it("refuses a chain of belonging that returns to where it began, writing nothing", async () => {
    const r = await gql(INGEST, { d: doc([rel("army", "PART_OF", "brigade", S.army)]) }, auth);
    expect(r.data.ingestDocument.__typename).toBe("ValidationError");
    expect(r.data.ingestDocument.problems[0].path).toEqual(["relations", "0", "to"]);
    const read = await gql(
      `{ entity(key: "${P}brigade") { ... on Organization { partOf { ${keys} } } } }`,
    );
    expect(read.data.entity.partOf.edges).toEqual([{ node: { key: `${P}army` } }]);
  });
});
