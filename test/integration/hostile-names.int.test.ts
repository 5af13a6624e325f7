/**
 * Names a client with a write token may legitimately give, read back by everyone else
 * (redteam31): entities whose names fold to an entity's name must not take its place where the
 * graph is asked for that name as written, such as the extractor's linking of an article's
 * "Canada".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { createClient, removeByPrefix, testDb } from "../helpers/client.js";

const db = testDb();
const writer = generateToken();
const { gql } = createClient(db, {
  // A fresh test server plans its statements on first use, past the production budget on a
  // loaded machine (as extract.int.test.ts).
  limits: { ...DEFAULT_LIMITS, requestTimeoutMs: 120_000, queryTimeoutMs: 110_000 },
  tokens: [{ name: "hostile-writer", sha256: writer.sha256, scopes: ["write"] }],
});
const WRITE = `Bearer ${writer.token}`;
const P = "hn-";

beforeAll(async () => {
  await removeByPrefix(db, P);
});
afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

describe("entities whose names fold to the seed's Canada", () => {
  it("leave an article's Canada linked to the entity named Canada", async () => {
    // A right-to-left override (drawn as 'adanaC'), capitals, a zero-width joiner: each folds
    // to "canada", as a name filter and search compare names (README).
    const names = ["\u202eCanada", "CANADA", "Can\u200dada"];
    for (const [i, name] of names.entries()) {
      const r = await gql(
        `mutation ($i: CreateEntityInput!) { createEntity(input: $i) { __typename } }`,
        { i: { key: `${P}canada-${i}`, kind: "Nation", name } },
        WRITE,
      );
      expect(r.data.createEntity.__typename).toBe("CreateEntitySuccess");
    }
    const draft = await gql(
      `mutation ($t: String!) { extractDocument(text: $t) { entities { key name status } } }`,
      { t: "Canada sent 200 troops to Latvia on 3 March 2024. Canada is a member of NATO." },
      WRITE,
    );
    const canada = draft.data.extractDocument.entities.find(
      (e: { name: string }) => e.name.replace(/[\u200d\u202e]/g, "").toLowerCase() === "canada",
    );
    // Before: linked to hn-canada-0, the name drawn as "adanaC" (the full-text score ranked it first).
    expect(canada).toMatchObject({ key: "canada", name: "Canada" });
  });
});
