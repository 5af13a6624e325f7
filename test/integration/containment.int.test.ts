/**
 * Containment is a hierarchy (PART_OF and LOCATED_IN, the registry's containment types): a place
 * never lies within itself, however long the chain. addRelation and ingestDocument refuse a
 * relation that would close a cycle with a ValidationError at its field, and write nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { ingestDocument } from "../../src/data/ingest.js";
import { runCli } from "../helpers/cli.js";
import { createClient, cypher, removeByPrefix, testDb } from "../helpers/client.js";

const db = testDb();
const P = "cyc-";
const writer = generateToken();
const admin = generateToken();
const { gql } = createClient(db, {
  tokens: [
    { name: "writer", sha256: writer.sha256, scopes: ["read", "write"] },
    { name: "cyc-admin", sha256: admin.sha256, scopes: ["admin"] },
  ],
});
const WRITE = `Bearer ${writer.token}`;
/** The PART_OF relations of one of this test's places, as a client reads them. */
const within = (place: string) => `{ entity(key: "${P}${place}") { ... on Place {
  relations(types: [PART_OF]) { edges { direction node { key } } } } } }`;
const ADMIN = `Bearer ${admin.token}`;
const TEXT = "Ayr lies in Bel. Bel lies in Cor. Cor lies in Ayr.";

const place = (name: string) => ({ key: `${P}${name.toLowerCase()}`, kind: "Place", name });
const rel = (from: string, type: string, to: string) => ({
  from: `${P}${from}`,
  type,
  to: `${P}${to}`,
  evidence: TEXT,
});
const document = (key: string, relations: ReturnType<typeof rel>[]) => ({
  source: { key: `${P}${key}`, name: key, properties: { text: TEXT } },
  entities: [place("Ayr"), place("Bel"), place("Cor")],
  relations,
});

/** The relations among this test's places, as from-type-to. */
async function relations(): Promise<string[]> {
  const rows = await cypher(
    db,
    "MATCH (a:Entity)-[r]->(b:Entity) WHERE a.key STARTS WITH $p AND b.key STARTS WITH $p RETURN a.key + ' ' + type(r) + ' ' + b.key AS r ORDER BY r",
    { p: P },
  );
  return rows.map((r) => String(r.r));
}

beforeEach(async () => {
  await removeByPrefix(db, P);
  // Ayr PART_OF Bel PART_OF Cor.
  await ingestDocument(
    db,
    { roundTrips: 0 },
    document("base", [rel("ayr", "PART_OF", "bel"), rel("bel", "PART_OF", "cor")]),
    "fixture",
  );
});
const dir = mkdtempSync(join(tmpdir(), "allies-cycles-"));
afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
  rmSync(dir, { recursive: true, force: true });
});

const ADD = `mutation ($from: String!, $type: RelationType!, $to: String!, $source: String!, $excerpt: String!) {
  addRelation(input: { from: $from, type: $type, to: $to, evidence: { source: $source, excerpt: $excerpt } }) {
    __typename ... on ValidationError { code problems { path message } } } }`;
const add = (from: string, type: string, to: string) =>
  gql(
    ADD,
    { from: `${P}${from}`, type, to: `${P}${to}`, source: `${P}base`, excerpt: TEXT },
    WRITE,
  );

describe("addRelation", () => {
  it("refuses PART_OF that closes a cycle, two long or three, and writes nothing", async () => {
    const before = await relations();
    for (const [from, to] of [
      ["bel", "ayr"],
      ["cor", "ayr"],
      ["ayr", "ayr"],
    ] as const) {
      const r = await add(from, "PART_OF", to);
      expect(r.errors).toBeUndefined();
      const e = r.data.addRelation;
      expect(e.__typename, `${from} -> ${to}`).toBe("ValidationError");
      expect(e.code).toBe("BAD_USER_INPUT");
      expect(e.problems).toHaveLength(1);
      expect(e.problems[0].path).toEqual(["input", "to"]);
      expect(e.problems[0].message).toMatch(from === to ? /starts from/ : /would close a cycle/);
    }
    expect(await relations()).toEqual(before);
  });

  it("refuses a cycle that mixes LOCATED_IN with PART_OF, and accepts what closes none", async () => {
    const mixed = await add("cor", "LOCATED_IN", "ayr");
    expect(mixed.data.addRelation.__typename).toBe("ValidationError");
    expect(mixed.data.addRelation.problems[0].message).toMatch(/would close a cycle/);
    // A second path down the hierarchy is no cycle.
    const shortcut = await add("ayr", "LOCATED_IN", "cor");
    expect(shortcut.data.addRelation.__typename).toBe("AddRelationSuccess");
  });
});

describe("ingestDocument", () => {
  const INGEST = `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
    __typename ... on ValidationError { code problems { path message } } } }`;

  it("refuses a document that closes a cycle with the graph, naming the relation, and writes nothing", async () => {
    const before = await relations();
    const r = await gql(
      INGEST,
      {
        d: document("second", [rel("ayr", "LOCATED_IN", "cor"), rel("cor", "PART_OF", "ayr")]),
      },
      WRITE,
    );
    expect(r.errors).toBeUndefined();
    const e = r.data.ingestDocument;
    expect(e.__typename).toBe("ValidationError");
    expect(e.code).toBe("BAD_USER_INPUT");
    // Every relation of the document on the cycle is named: with cor PART_OF ayr written, ayr
    // LOCATED_IN cor is on it too.
    expect(e.problems.map((p: { path: unknown[] }) => p.path)).toEqual([
      ["relations", "0", "to"],
      ["relations", "1", "to"],
    ]);
    expect(await relations()).toEqual(before);
    const [{ n } = { n: -1 }] = await cypher(
      db,
      "MATCH (s:Entity {key: $k}) RETURN count(s) AS n",
      {
        k: `${P}second`,
      },
    );
    expect(Number(n)).toBe(0);
  });

  it("refuses a cycle within one document (both of its relations named)", async () => {
    await removeByPrefix(db, P);
    const r = await gql(
      INGEST,
      { d: document("own", [rel("ayr", "PART_OF", "bel"), rel("bel", "PART_OF", "ayr")]) },
      WRITE,
    );
    expect(r.data.ingestDocument.__typename).toBe("ValidationError");
    expect(r.data.ingestDocument.problems.map((p: { path: unknown[] }) => p.path)).toEqual([
      ["relations", "0", "to"],
      ["relations", "1", "to"],
    ]);
    expect(await relations()).toEqual([]);
  });
});

describe("relations only retracted sources state", () => {
  const INGEST = `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
    __typename ... on ValidationError { problems { path message } } } }`;
  const RETRACT = `mutation ($k: String!, $r: Boolean) { retractSource(key: $k, retracted: $r) {
    __typename ... on ValidationError { message problems { path message } }
    ... on RetractSourceSuccess { data { retracted } } } }`;
  const WITHIN = within("cor");

  it("close no cycle: the opposite is taken once they are retracted, and restoring them is refused", async () => {
    // Ayr PART_OF Bel PART_OF Cor, stated only by "base": retracted, none of it counts.
    const retract = await gql(RETRACT, { k: `${P}base`, r: true }, ADMIN);
    expect(retract.data.retractSource.data.retracted).toBe(true);
    // Another source says Cor lies in Ayr: no cycle any read could show.
    const r = await gql(INGEST, { d: document("other", [rel("cor", "PART_OF", "ayr")]) }, WRITE);
    expect(r.data.ingestDocument).toEqual({ __typename: "IngestDocumentSuccess" });
    const cor = await gql(WITHIN);
    expect(cor.data.entity.relations.edges).toEqual([
      { direction: "OUT", node: { key: `${P}ayr` } },
    ]);
    // Restoring "base" would make Ayr lie within itself: refused, and it stays retracted.
    const restore = await gql(RETRACT, { k: `${P}base`, r: false }, ADMIN);
    expect(restore.errors).toBeUndefined();
    expect(restore.data.retractSource.__typename).toBe("ValidationError");
    expect(restore.data.retractSource.message).toContain("would close a containment cycle");
    expect(restore.data.retractSource.problems.length).toBeGreaterThan(0);
    for (const p of restore.data.retractSource.problems) {
      expect(p.path).toEqual(["key"]);
      expect(p.message).toContain("PART_OF would close a cycle");
    }
    expect((await gql(WITHIN)).data.entity.relations.edges).toEqual([
      { direction: "OUT", node: { key: `${P}ayr` } },
    ]);
    // Once "other" is retracted in turn, "base" is restored.
    await gql(RETRACT, { k: `${P}other`, r: true }, ADMIN);
    const again = await gql(RETRACT, { k: `${P}base`, r: false }, ADMIN);
    expect(again.data.retractSource.data.retracted).toBe(false);
    expect((await gql(WITHIN)).data.entity.relations.edges).toEqual([
      { direction: "IN", node: { key: `${P}bel` } },
    ]);
  });
});

describe("a corrected version that supersedes the source it corrects", () => {
  const SUPERSEDE = `mutation ($d: JSONObject!, $s: String) { ingestDocument(document: $d, supersedes: $s) {
    __typename ... on ValidationError { problems { path message } }
    ... on IngestDocumentSuccess { data { superseded { key relations } } } } }`;
  const CHECK = `query ($d: JSONObject!, $s: String) { checkDocument(document: $d, supersedes: $s) {
    __typename ... on ValidationError { problems { path message } } } }`;

  it("may reverse what only the old version stated; not what another source states too", async () => {
    // "base" says Ayr PART_OF Bel PART_OF Cor; its correction says Bel lies within Ayr.
    const corrected = document("base-2", [
      rel("bel", "PART_OF", "ayr"),
      rel("bel", "PART_OF", "cor"),
    ]);
    const before = await relations();
    // Without supersedes, base still counts: a cycle, refused.
    const plain = await gql(CHECK, { d: corrected }, WRITE);
    expect(plain.data.checkDocument.__typename).toBe("ValidationError");
    expect(plain.data.checkDocument.problems[0].message).toContain("PART_OF would close a cycle");
    // Superseding base, the check and the ingest take it: what only base said goes with it.
    const check = await gql(CHECK, { d: corrected, s: `${P}base` }, WRITE);
    expect(check.data.checkDocument).toEqual({ __typename: "CheckDocumentSuccess" });
    expect(await relations()).toEqual(before);
    const r = await gql(SUPERSEDE, { d: corrected, s: `${P}base` }, ADMIN);
    expect(r.data.ingestDocument.data.superseded.key).toBe(`${P}base`);
    const ayr = await gql(within("ayr"));
    expect(ayr.data.entity.relations.edges).toEqual([
      { direction: "IN", node: { key: `${P}bel` } },
    ]);
    // Bel still lies within Cor: the correction states it too.
    expect((await gql(within("cor"))).data.entity.relations.edges).toEqual([
      { direction: "IN", node: { key: `${P}bel` } },
    ]);
  });

  it("is refused when another source, not superseded, still states what it reverses", async () => {
    await ingestDocument(
      db,
      { roundTrips: 0 },
      document("third", [rel("ayr", "PART_OF", "bel")]),
      "fixture",
    );
    const corrected = document("base-2", [rel("bel", "PART_OF", "ayr")]);
    const before = await relations();
    const r = await gql(SUPERSEDE, { d: corrected, s: `${P}base` }, ADMIN);
    expect(r.data.ingestDocument.__typename).toBe("ValidationError");
    expect(r.data.ingestDocument.problems).toEqual([
      {
        path: ["relations", "0", "to"],
        message: expect.stringContaining("PART_OF would close a cycle"),
      },
    ]);
    // Nothing written, nothing retracted.
    expect(await relations()).toEqual(before);
    const base = await gql(`{ entity(key: "${P}base") { ... on Source { retracted } } }`);
    expect(base.data.entity.retracted).toBe(false);
  });
});

describe("npm run ingest -- --check", () => {
  it("reports the cycles ingest would refuse, with the graph's and within the document, and writes nothing", async () => {
    const file = (name: string, relations: ReturnType<typeof rel>[]) => {
      const path = join(dir, `${name}.json`);
      writeFileSync(path, JSON.stringify(document(name, relations)));
      return path;
    };
    const withGraph = file("graph", [
      rel("ayr", "LOCATED_IN", "cor"),
      rel("cor", "PART_OF", "ayr"),
    ]);
    const own = file("own", [rel("ayr", "PART_OF", "bel"), rel("bel", "LOCATED_IN", "ayr")]);
    const none = file("none", [rel("ayr", "LOCATED_IN", "cor")]);
    const before = await relations();
    const r = await runCli(["src/cli/ingest.ts", "--check", withGraph, own, none]);
    expect(r.code).toBe(1);
    // With the graph: cor PART_OF ayr closes ayr-bel-cor; ayr LOCATED_IN cor lies on it too.
    expect(r.stderr).toMatch(/graph\.json[\s\S]*relations\.0\.to: LOCATED_IN would close a cycle/);
    expect(r.stderr).toMatch(/graph\.json[\s\S]*relations\.1\.to: PART_OF would close a cycle/);
    expect(r.stderr).toMatch(/own\.json[\s\S]*relations\.1\.to: LOCATED_IN would close a cycle/);
    // A second path down the hierarchy closes none.
    expect(r.stdout).toMatch(/none\.json: valid/);
    expect(r.stderr).not.toMatch(/none\.json/);
    expect(await relations()).toEqual(before);
  }, 90_000);
});
