/**
 * The transactional ingest at its edges: one look-up of kinds for every key, relations of new
 * entities created without comparison yet written exactly as the upsert writes them, a relation
 * stated twice in one document keeping one inferred flag per piece of evidence, and callers
 * that need no `changed` lists getting the same counts without them.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ingestDocument } from "../../src/data/ingest.js";
import { cypher, removeByPrefix, testDb } from "../helpers/client.js";

const db = testDb();
const P = "ing-";
const TEXT = [
  "Ann leads Freedonia.",
  "Ann, the chief, heads Freedonia.",
  "Freedonia is in NATO.",
  "Ann visited Sylvania.",
].join("\n");

const doc = (relations: object[], entities?: object[]) => ({
  source: { key: `${P}source`, name: "Fixture", properties: { text: TEXT } },
  entities: entities ?? [
    { key: `${P}ann`, kind: "Person", name: "Ann" },
    { key: `${P}freedonia`, kind: "Nation", name: "Freedonia" },
  ],
  relations,
});
const LEADS = { from: `${P}ann`, type: "LEADS", to: `${P}freedonia` };

async function relation(type: string, from: string, to: string) {
  const [row] = await cypher(
    db,
    `MATCH (:Entity {key: $from})-[r]->(:Entity {key: $to}) WHERE type(r) = $type
     RETURN r {.*, updatedAt: valueType(r.updatedAt)} AS r`,
    { from, to, type },
  );
  return row?.r as Record<string, unknown> | undefined;
}

beforeEach(() => removeByPrefix(db, P));
afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

describe("ingest", () => {
  it("looks the kinds of all keys up in one query", async () => {
    const queries: string[] = [];
    await ingestDocument(
      db,
      { roundTrips: 0, onQuery: (c) => queries.push(c) },
      doc([
        { ...LEADS, evidence: "Ann leads Freedonia." },
        { from: `${P}freedonia`, type: "MEMBER_OF", to: "nato", evidence: "Freedonia is in NATO." },
      ]),
    );
    expect(queries.filter((c) => c.includes("n.key IN $keys"))).toHaveLength(1);
    // And the kinds it finds still guard the keys the document defines.
    await expect(
      ingestDocument(
        db,
        { roundTrips: 0 },
        doc([], [{ key: `${P}ann`, kind: "Nation", name: "Ann" }]),
      ),
    ).rejects.toMatchObject({
      problems: [
        { path: ["entities", 0, "key"], message: expect.stringMatching(/already a Person/) },
      ],
    });
  });

  it("writes a new entity's relations as the upsert writes a new relation", async () => {
    // Ann exists; Sylvania is new: VISITED goes through the CREATE path. LEADS, between two
    // existing entities, through the upsert.
    await ingestDocument(db, { roundTrips: 0 }, doc([]));
    const s = await ingestDocument(
      db,
      { roundTrips: 0 },
      doc(
        [
          {
            from: `${P}ann`,
            type: "VISITED",
            to: `${P}sylvania`,
            properties: { date: "2022" },
            evidence: "Ann visited Sylvania.",
          },
          { ...LEADS, properties: { role: "Chief" }, evidence: "Ann leads Freedonia." },
        ],
        [
          { key: `${P}ann`, kind: "Person", name: "Ann" },
          { key: `${P}freedonia`, kind: "Nation", name: "Freedonia" },
          { key: `${P}sylvania`, kind: "Place", name: "Sylvania" },
        ],
      ),
    );
    expect(s.entityOutcomes).toEqual({ created: 1, updated: 0, unchanged: 3 });
    expect(s.relationOutcomes).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(s.changed.entities).toEqual([`${P}sylvania`]);
    expect(s.changed.relations.sort()).toEqual([
      `${P}ann|LEADS|${P}freedonia`,
      `${P}ann|VISITED|${P}sylvania`,
    ]);
    // One claim each: the source's values, undated (the fixture source gives no publishedAt).
    const common = {
      evidenceSources: [`${P}source`],
      evidenceInferred: [false],
      evidenceAt: [""],
      evidenceRanks: ["NORMAL"],
      disputed: false,
      inferred: false,
      updatedBy: "ingest",
      updatedAt: "ZONED DATETIME NOT NULL",
    };
    expect(await relation("VISITED", `${P}ann`, `${P}sylvania`)).toEqual({
      ...common,
      date: "2022",
      evidenceExcerpts: ["Ann visited Sylvania."],
      evidenceValues: ['{"date":"2022"}'],
    });
    expect(await relation("LEADS", `${P}ann`, `${P}freedonia`)).toEqual({
      ...common,
      role: "Chief",
      evidenceExcerpts: ["Ann leads Freedonia."],
      evidenceValues: ['{"role":"Chief"}'],
    });
  });

  it("keeps one inferred flag per piece of evidence for a relation stated twice in one document", async () => {
    const twice = doc([
      { ...LEADS, evidence: "Ann leads Freedonia." },
      { ...LEADS, inferred: true, evidence: "Ann, the chief, heads Freedonia." },
    ]);
    const first = await ingestDocument(db, { roundTrips: 0 }, twice);
    expect(first.relationOutcomes).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(first.changed.relations).toEqual([`${P}ann|LEADS|${P}freedonia`]);
    expect(await relation("LEADS", `${P}ann`, `${P}freedonia`)).toMatchObject({
      evidenceSources: [`${P}source`, `${P}source`],
      evidenceExcerpts: ["Ann leads Freedonia.", "Ann, the chief, heads Freedonia."],
      evidenceInferred: [false, true],
      inferred: false,
    });
    const again = await ingestDocument(db, { roundTrips: 0 }, twice);
    expect(again.relationOutcomes).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.changed).toEqual({ entities: [], relations: [] });
  });

  it("counts the same without listing what changed when told not to", async () => {
    const d = doc([{ ...LEADS, evidence: "Ann leads Freedonia." }]);
    const s = await ingestDocument(db, { roundTrips: 0 }, d, "ingest", undefined, undefined, {
      listChanged: false,
    });
    expect(s.entityOutcomes).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(s.relationOutcomes).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(s.changed).toEqual({ entities: [], relations: [] });
  });
});
