/**
 * A source's date and text are its document's (redteam23). updateEntity changed a Source's
 * publishedAt, asOf or text and answered success, while every claim the source made kept the
 * point in time of the old date (`Evidence.at` is "the source's asOf for the relation, else its
 * publication date") and the relation kept the value of the claim that was latest before, and
 * its excerpts were no longer in its text. Such an edit is now refused, nothing written; the
 * document ingested again with the new date or text restates its claims.
 */
import { describe, expect, it } from "vitest";
import { writerWithPrefix } from "../helpers/client.js";

const P = "se23-";
const { gql, auth } = writerWithPrefix(P);

const INGEST = `mutation ($d: JSONObject!) {
  ingestDocument(document: $d) { __typename ... on Error { message } }
}`;
const UPDATE = `mutation ($k: String!, $i: UpdateEntityInput!) {
  updateEntity(key: $k, input: $i) {
    __typename
    ... on ValidationError { problems { path } }
  }
}`;
const READ = `{
  entity(key: "${P}nation") {
    relations(types: [CONTRIBUTES_TO]) { edges { troops claims { at excerpt values
      source { key ... on Source { publishedAt asOf text } } } } }
  }
}`;

const article = (key: string, publishedAt: string, troops: number) => {
  const sentence = `Qwland sends ${troops} troops to Operation Qwshield.`;
  return {
    source: {
      key: `${P}${key}`,
      name: `Article ${key}`,
      properties: { title: `Article ${key}`, publishedAt, text: `${sentence} More later.` },
    },
    entities: [
      { key: `${P}nation`, kind: "Nation", name: "Qwland" },
      { key: `${P}mission`, kind: "Mission", name: "Operation Qwshield" },
    ],
    relations: [
      {
        from: `${P}nation`,
        type: "CONTRIBUTES_TO",
        to: `${P}mission`,
        properties: { troops },
        evidence: sentence,
      },
    ],
  };
};

interface Claim {
  at: string;
  excerpt: string;
  values: { asOf?: string };
  source: { key: string; publishedAt: string | null; asOf: string | null; text: string };
}

/** What the schema says of every claim: its time is its source's, its excerpt in its text. */
const expectClaimsTrue = async (troops: number) => {
  const r = await gql<{
    entity: { relations: { edges: { troops: number; claims: Claim[] }[] } };
  }>(READ);
  expect(r.errors).toBeUndefined();
  const [edge] = r.data?.entity.relations.edges ?? [];
  for (const c of edge?.claims ?? []) {
    expect([c.source.key, c.at]).toEqual([
      c.source.key,
      c.values.asOf ?? c.source.asOf ?? c.source.publishedAt,
    ]);
    expect(c.source.text).toContain(c.excerpt);
  }
  expect(edge?.troops).toBe(troops);
};

describe("a Source's date and text are its document's", () => {
  it("refuses to change them by updateEntity, nothing written; a new title is fine", async () => {
    for (const d of [article("early", "2022-03", 540), article("late", "2023-05", 800)]) {
      const r = await gql(INGEST, { d }, auth);
      expect(r.data?.ingestDocument).toEqual({ __typename: "IngestDocumentSuccess" });
    }
    await expectClaimsTrue(800);
    for (const [properties, field] of [
      [{ publishedAt: "2021-01" }, "publishedAt"],
      [{ asOf: "2021" }, "asOf"],
      [{ text: "Nothing of the kind." }, "text"],
    ] as const) {
      const r = await gql(UPDATE, { k: `${P}late`, i: { properties } }, auth);
      expect(r.data?.updateEntity).toEqual({
        __typename: "ValidationError",
        problems: [{ path: ["input", "properties", field] }],
      });
      await expectClaimsTrue(800);
    }
    // The same values, and the fields its claims do not depend on, are edited as before.
    const same = await gql(
      UPDATE,
      { k: `${P}late`, i: { properties: { publishedAt: "2023-05", title: "Renamed" } } },
      auth,
    );
    expect(same.data?.updateEntity).toEqual({ __typename: "UpdateEntitySuccess" });
    // The way that works: the document again, with its new date.
    const again = await gql(INGEST, { d: article("late", "2021-01", 800) }, auth);
    expect(again.data?.ingestDocument).toEqual({ __typename: "IngestDocumentSuccess" });
    await expectClaimsTrue(540);
  });
});
