/**
 * A Mission's dates as its sources combine them (edges26): each field is its own latest claim's,
 * so source A's startDate and source B's earlier endDate read as a mission that ends before it
 * starts, although each document was in order by itself. Every write that resolves a date checks
 * the combined view in its transaction and is refused (BAD_USER_INPUT, naming both claims):
 * ingestDocument, updateEntity, a retraction or restore, a source's delete.
 */

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { runCli } from "../helpers/cli.js";
import { createClient, removeByPrefix, testDb } from "../helpers/client.js";

const P = "md-";
const db = testDb();
const admin = generateToken();
const { gql } = createClient(db, {
  tokens: [{ name: "admin", sha256: admin.sha256, scopes: ["admin"] }],
});
const auth = `Bearer ${admin.token}`;
const TEXT = "The mission was reported on.";

/** A document of source `s`, dated `at`, stating the mission's `dates`. */
const doc = (s: string, at: string, dates: Record<string, string>) => ({
  source: { key: `${P}${s}`, name: `Source ${s}`, properties: { text: TEXT, publishedAt: at } },
  entities: [{ key: `${P}mission`, kind: "Mission", name: "Operation Test", properties: dates }],
  relations: [],
});

const INGEST = `mutation($d: JSONObject!) { ingestDocument(document: $d) {
  __typename ... on ValidationError { code message problems { path message } } } }`;
const ingest = async (d: unknown) => (await gql(INGEST, { d }, auth)).data?.ingestDocument;
const RETRACT = `mutation($k: String!, $r: Boolean) { retractSource(key: $k, retracted: $r) {
  __typename ... on ValidationError { code problems { path message } } } }`;
const retract = async (s: string, retracted = true) =>
  (await gql(RETRACT, { k: `${P}${s}`, r: retracted }, auth)).data?.retractSource;
const dates = async () =>
  (await gql(`{ entity(key: "${P}mission") { ... on Mission { startDate endDate } } }`)).data
    ?.entity;

beforeEach(async () => {
  await removeByPrefix(db, P);
});
const dir = mkdtempSync(join(tmpdir(), "mission-dates-"));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await removeByPrefix(db, P);
  await db.driver.close();
});

describe("a mission's dates from several sources", () => {
  it("an ingest whose end is before another source's later start is refused, naming it", async () => {
    expect((await ingest(doc("a", "2024-01-01", { startDate: "2020-03" })))?.__typename).toBe(
      "IngestDocumentSuccess",
    );
    // The dry run says so too.
    const check = await gql(
      `query($d: JSONObject!) { checkDocument(document: $d) { __typename
        ... on ValidationError { problems { path message } } } }`,
      { d: doc("b", "2023-01-01", { startDate: "2010", endDate: "2015-06" }) },
      auth,
    );
    expect(check.data?.checkDocument).toMatchObject({
      __typename: "ValidationError",
      problems: [
        {
          path: ["entities", "0", "properties", "endDate"],
          message: expect.stringContaining(`(${P}a's claim of 2024-01-01)`),
        },
      ],
    });
    const refused = await ingest(doc("b", "2023-01-01", { startDate: "2010", endDate: "2015-06" }));
    expect(refused).toMatchObject({
      __typename: "ValidationError",
      code: "BAD_USER_INPUT",
      problems: [
        {
          path: ["entities", "0", "properties", "endDate"],
          message: expect.stringContaining(
            `endDate "2015-06" (${P}b's claim of 2023-01-01) would be before startDate "2020-03" (${P}a's claim of 2024-01-01)`,
          ),
        },
      ],
    });
    expect(await dates()).toEqual({ startDate: "2020-03", endDate: null });
    // The other order: B first, then A's later start.
    await removeByPrefix(db, P);
    await ingest(doc("b", "2023-01-01", { startDate: "2010", endDate: "2015-06" }));
    expect((await ingest(doc("a", "2024-01-01", { startDate: "2020-03" })))?.__typename).toBe(
      "ValidationError",
    );
    expect(await dates()).toEqual({ startDate: "2010", endDate: "2015-06" });
  });

  it("a retraction or restore that would bring an earlier end forward is refused", async () => {
    await ingest(doc("a", "2024-01-01", { startDate: "2020" }));
    await ingest(doc("c", "2025-01-01", { endDate: "2022" }));
    // B is in order with what shows (A's start, C's later end).
    expect(
      (await ingest(doc("b", "2023-01-01", { startDate: "2010", endDate: "2015" })))?.__typename,
    ).toBe("IngestDocumentSuccess");
    expect(await dates()).toEqual({ startDate: "2020", endDate: "2022" });
    // Retracting C would show B's end, 2015, before A's start.
    expect(await retract("c")).toMatchObject({
      __typename: "ValidationError",
      code: "BAD_USER_INPUT",
      problems: [
        { path: [`${P}mission`, "endDate"], message: expect.stringContaining(`${P}b's claim`) },
      ],
    });
    expect(await dates()).toEqual({ startDate: "2020", endDate: "2022" });
    // Retracting B first, then C, is in order at every step; restoring B then is refused.
    expect((await retract("b"))?.__typename).toBe("RetractSourceSuccess");
    expect((await retract("c"))?.__typename).toBe("RetractSourceSuccess");
    expect(await dates()).toEqual({ startDate: "2020", endDate: null });
    expect((await retract("b", false))?.__typename).toBe("ValidationError");
    expect(await dates()).toEqual({ startDate: "2020", endDate: null });
    // Deleting A's source (its start goes, B's shows) is in order and allowed.
    const del = await gql(
      `mutation { deleteEntity(key: "${P}a") { __typename } }`,
      undefined,
      auth,
    );
    expect(del.data?.deleteEntity.__typename).toBe("DeleteEntitySuccess");
  });

  it("updateEntity's end is checked against the start as it reads, whichever source gave it", async () => {
    await ingest(doc("a", "2024-01-01", { startDate: "2020" }));
    const r = await gql(
      `mutation { updateEntity(key: "${P}mission", input: { properties: { endDate: "2019" } }) {
        __typename ... on ValidationError { code problems { path message } } } }`,
      undefined,
      auth,
    );
    expect(r.data?.updateEntity).toMatchObject({
      __typename: "ValidationError",
      code: "BAD_USER_INPUT",
      problems: [{ path: ["input", "properties", "endDate"] }],
    });
    expect(await dates()).toEqual({ startDate: "2020", endDate: null });
  });

  it("npm run ingest refuses it too, and writes nothing of that document", async () => {
    const a = join(dir, "a.json");
    const b = join(dir, "b.json");
    writeFileSync(a, JSON.stringify(doc("a", "2024-01-01", { startDate: "2020-03" })));
    writeFileSync(
      b,
      JSON.stringify(doc("b", "2023-01-01", { startDate: "2010", endDate: "2015" })),
    );
    expect((await runCli(["src/cli/ingest.ts", a])).code).toBe(0);
    for (const args of [["--check", b], [b]]) {
      const r = await runCli(["src/cli/ingest.ts", ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        `endDate "2015" (${P}b's claim of 2023-01-01) would be before startDate "2020-03"`,
      );
    }
    expect(await dates()).toEqual({ startDate: "2020-03", endDate: null });
    const sources = await gql(`{ entity(key: "${P}b") { key } }`);
    expect(sources.data?.entity).toBeNull();
  });
});
