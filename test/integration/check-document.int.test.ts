/**
 * checkDocument: ingest's dry run over GraphQL (`npm run ingest -- --check` for clients and the
 * explorer's review). It says what a document would create, change, corroborate or leave, value
 * by value, refuses an invalid one with every problem as ingestDocument would, and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { createClient, removeByPrefix, testDb } from "../helpers/client.js";

const P = "chk-";
const db = testDb();
const writer = generateToken();
const reader = generateToken();
const admin = generateToken();
const { gql } = createClient(db, {
  tokens: [
    { name: "check-writer", sha256: writer.sha256, scopes: ["write"] },
    { name: "check-reader", sha256: reader.sha256, scopes: ["read"] },
    { name: "check-admin", sha256: admin.sha256, scopes: ["admin"] },
  ],
});
const auth = `Bearer ${writer.token}`;

const TEXT_A = "Ann Check leads Checkland. Checkland is a member of NATO.";
const TEXT_B = "Checkland, led by Ann Check, a former judge, is a member of NATO.";
const article = (key: string, text: string, publishedAt: string, description: string) => ({
  source: { key: `${P}${key}`, name: key, properties: { text, publishedAt } },
  entities: [
    { key: `${P}ann`, kind: "Person", name: "Ann Check", description },
    { key: `${P}land`, kind: "Nation", name: "Checkland" },
  ],
  relations: [
    { from: `${P}ann`, type: "LEADS", to: `${P}land`, evidence: text.split(". ")[0] },
    { from: `${P}land`, type: "MEMBER_OF", to: "nato", evidence: text.split(". ").at(-1) },
  ],
});

const CHECK = `query ($d: JSONObject!) { checkDocument(document: $d) {
  __typename
  ... on CheckDocumentSuccess { data {
    entities { key kind action changed { field from to } addedAliases kept }
    relations { from type to action addedEvidence changed { field from to } }
    summary } }
  ... on ValidationError { message problems { path message } } } }`;

beforeAll(async () => {
  await removeByPrefix(db, P);
  const r = await gql(
    "mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }",
    { d: article("a", TEXT_A, "2026-01-10", "A politician.") },
    auth,
  );
  expect(r.data.ingestDocument.__typename).toBe("IngestDocumentSuccess");
});
afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

describe("checkDocument", () => {
  it("says what a later article would create, change and corroborate, and writes nothing", async () => {
    const later = {
      ...article("b", TEXT_B, "2026-03-01", "A former judge."),
      relations: [
        { from: `${P}ann`, type: "LEADS", to: `${P}land`, evidence: TEXT_B },
        { from: `${P}land`, type: "MEMBER_OF", to: "nato", evidence: TEXT_B },
      ],
    };
    const r = await gql(CHECK, { d: later }, auth);
    expect(r.errors).toBeUndefined();
    const plan = r.data.checkDocument.data;
    expect(plan.entities).toEqual([
      expect.objectContaining({ key: `${P}b`, kind: "Source", action: "CREATE" }),
      expect.objectContaining({
        key: `${P}ann`,
        action: "UPDATE",
        changed: [{ field: "description", from: "A politician.", to: "A former judge." }],
      }),
      expect.objectContaining({ key: `${P}land`, action: "CORROBORATE", changed: [] }),
    ]);
    expect(plan.relations).toEqual([
      {
        from: `${P}ann`,
        type: "LEADS",
        to: `${P}land`,
        action: "CORROBORATE",
        addedEvidence: 1,
        changed: [],
      },
      {
        from: `${P}land`,
        type: "MEMBER_OF",
        to: "nato",
        action: "CORROBORATE",
        addedEvidence: 1,
        changed: [],
      },
    ]);
    expect(plan.summary).toContain("entities: 1 new, 1 changed, 1 corroborated, 0 unchanged");
    expect(plan.summary.join("\n")).toContain(
      `${P}ann: would change; description "A politician." -> "A former judge."`,
    );
    // Nothing was written: the description and the sources are as before.
    const after = await gql(
      `{ entity(key: "${P}ann") { description } source: entity(key: "${P}b") { key } }`,
    );
    expect(after.data.entity.description).toBe("A politician.");
    expect(after.data.source).toBeNull();
  });

  it("says an article ingested before would change nothing", async () => {
    const r = await gql(CHECK, { d: article("a", TEXT_A, "2026-01-10", "A politician.") }, auth);
    const plan = r.data.checkDocument.data;
    expect(new Set(plan.entities.map((e: { action: string }) => e.action))).toEqual(
      new Set(["UNCHANGED"]),
    );
    expect(new Set(plan.relations.map((e: { action: string }) => e.action))).toEqual(
      new Set(["UNCHANGED"]),
    );
  });

  it("refuses an invalid document with every problem, as ingestDocument does", async () => {
    const bad = article("c", TEXT_A, "2026-02-01", "x");
    bad.relations[0] = { ...bad.relations[0], type: "LEADS", to: `${P}nowhere` } as never;
    bad.relations[1] = {
      ...bad.relations[1],
      evidence: "A sentence the text does not hold.",
    } as never;
    const r = await gql(CHECK, { d: bad }, auth);
    expect(r.data.checkDocument.__typename).toBe("ValidationError");
    const paths = r.data.checkDocument.problems.map((p: { path: string[] }) => p.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["relations.0.to", "relations.1.evidence"]));
  });

  it("needs the write scope, as ingestDocument does", async () => {
    const d = { d: article("d", TEXT_A, "2026-02-01", "x") };
    expect((await gql(CHECK, d)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await gql(CHECK, d, `Bearer ${reader.token}`)).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
  });

  it("says a retracted source's document changes nothing shown, as ingest then leaves it", async () => {
    // redteam18: the plan ignored the retraction. It said a new relation 'would be created' and
    // a description 'would change'; ingest keeps the source retracted (its claims DEPRECATED),
    // and neither the relation nor the value was shown after.
    const TEXT_R = "Rob Check leads Retractland. Retractland is a member of NATO.";
    const first = {
      source: { key: `${P}r`, name: "r", properties: { text: TEXT_R, publishedAt: "2026-04-01" } },
      entities: [
        { key: `${P}rob`, kind: "Person", name: "Rob Check" },
        { key: `${P}rland`, kind: "Nation", name: "Retractland" },
      ],
      relations: [
        {
          from: `${P}rland`,
          type: "MEMBER_OF",
          to: "nato",
          evidence: "Retractland is a member of NATO.",
        },
      ],
    };
    const ingest = "mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }";
    expect((await gql(ingest, { d: first }, auth)).data.ingestDocument.__typename).toBe(
      "IngestDocumentSuccess",
    );
    const retract = await gql(
      `mutation { retractSource(key: "${P}r") { __typename } }`,
      {},
      `Bearer ${admin.token}`,
    );
    expect(retract.data.retractSource.__typename).toBe("RetractSourceSuccess");
    const again = {
      ...first,
      entities: [{ ...first.entities[0], description: "A retracted claim." }, first.entities[1]],
      relations: [
        ...first.relations,
        {
          from: `${P}rob`,
          type: "LEADS",
          to: `${P}rland`,
          evidence: "Rob Check leads Retractland.",
        },
      ],
    };
    const r = await gql(CHECK.replace("data {", "data { sourceRetracted"), { d: again }, auth);
    expect(r.errors).toBeUndefined();
    const plan = r.data.checkDocument.data;
    expect(plan.sourceRetracted).toBe(true);
    expect(plan.summary[0]).toContain(`the source ${P}r is retracted`);
    expect(plan.entities.find((e: { key: string }) => e.key === `${P}rob`)).toMatchObject({
      action: "UNCHANGED",
      changed: [],
    });
    expect(plan.relations).toEqual([
      expect.objectContaining({ type: "MEMBER_OF", action: "UNCHANGED", addedEvidence: 0 }),
      expect.objectContaining({ type: "LEADS", action: "UNCHANGED", addedEvidence: 0 }),
    ]);
    // What ingest then does, read back: the description and the relation are not shown.
    expect((await gql(ingest, { d: again }, auth)).data.ingestDocument.__typename).toBe(
      "IngestDocumentSuccess",
    );
    const after = await gql(`{ entity(key: "${P}rob") { description relations { totalCount } } }`);
    expect(after.data.entity).toEqual({ description: null, relations: { totalCount: 0 } });
  });

  it("says a Source gains the url and description its document adds, as ingest writes them", async () => {
    // redteam18: a field the stored Source lacked was left out of the plan (UNCHANGED), and
    // ingest wrote it.
    const TEXT_U = "Una Check leads Urlland.";
    const doc = (properties: Record<string, string>, description?: string) => ({
      source: {
        key: `${P}u`,
        name: "u",
        ...(description ? { description } : {}),
        properties: { text: TEXT_U, publishedAt: "2026-05-01", ...properties },
      },
      entities: [
        { key: `${P}una`, kind: "Person", name: "Una Check" },
        { key: `${P}uland`, kind: "Nation", name: "Urlland" },
      ],
      relations: [{ from: `${P}una`, type: "LEADS", to: `${P}uland`, evidence: TEXT_U }],
    });
    const ingest = "mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }";
    expect((await gql(ingest, { d: doc({}) }, auth)).data.ingestDocument.__typename).toBe(
      "IngestDocumentSuccess",
    );
    const again = doc({ url: "https://ex.test/u" }, "A wire story.");
    const r = await gql(CHECK, { d: again }, auth);
    expect(r.errors).toBeUndefined();
    expect(r.data.checkDocument.data.entities[0]).toMatchObject({
      key: `${P}u`,
      action: "UPDATE",
      changed: expect.arrayContaining([
        { field: "url", from: null, to: "https://ex.test/u" },
        { field: "description", from: null, to: "A wire story." },
      ]),
    });
    expect((await gql(ingest, { d: again }, auth)).data.ingestDocument.__typename).toBe(
      "IngestDocumentSuccess",
    );
    const after = await gql(`{ entity(key: "${P}u") { description ... on Source { url } } }`);
    expect(after.data.entity).toEqual({ description: "A wire story.", url: "https://ex.test/u" });
  });
});
