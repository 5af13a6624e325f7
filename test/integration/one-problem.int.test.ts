/**
 * One problem, one message (edges26): a malformed date was reported twice (the pattern, then the
 * calendar), and a whole number past 2^53 twice (zod's int bound, then ours), in the same
 * ValidationError; and a whole number past 32 bits was stored though every integer property is
 * read as a GraphQL Int, so the value could not be read back.
 */
import { describe, expect, it } from "vitest";
import { writerWithPrefix } from "../helpers/client.js";

const P = "op-";
const { gql, auth } = writerWithPrefix(P);
const SENTENCE = "Freedonia sends troops to the mission.";

const INGEST = `mutation($d: JSONObject!) { ingestDocument(document: $d) {
  __typename ... on ValidationError { code problems { path message } } } }`;

/** A document whose one relation carries `properties`. */
const doc = (properties: Record<string, unknown>) => ({
  source: { key: `${P}source`, name: "Fixture", properties: { text: SENTENCE } },
  entities: [
    { key: `${P}freedonia`, kind: "Nation", name: "Freedonia" },
    { key: `${P}mission`, kind: "Mission", name: "Operation Fixture" },
  ],
  relations: [
    {
      from: `${P}freedonia`,
      type: "CONTRIBUTES_TO",
      to: `${P}mission`,
      properties,
      evidence: SENTENCE,
    },
  ],
});

describe("a value refused once, with one message", () => {
  it.each([
    [
      { since: "2024-13-45" },
      "since",
      "must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD, a day its month has",
    ],
    [
      { since: "2023-02-29" },
      "since",
      "must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD, a day its month has",
    ],
    [{ troops: 2 ** 60 }, "troops", "must be a whole number from 0 to 2147483647 (a GraphQL Int)"],
    [
      { troops: -(2 ** 60) },
      "troops",
      "must be a whole number from 0 to 2147483647 (a GraphQL Int)",
    ],
    [{ troops: 2 ** 31 }, "troops", "must be a whole number from 0 to 2147483647 (a GraphQL Int)"],
    [{ troops: 1.5 }, "troops", "must be a whole number"],
  ])("%j", async (properties, field, message) => {
    const r = await gql(INGEST, { d: doc(properties) }, auth);
    expect(r.data?.ingestDocument).toEqual({
      __typename: "ValidationError",
      code: "BAD_USER_INPUT",
      problems: [{ path: ["relations", "0", "properties", field], message }],
    });
  });

  it("the largest Int is stored and read back", async () => {
    const r = await gql(INGEST, { d: doc({ troops: 2 ** 31 - 1 }) }, auth);
    expect(r.data?.ingestDocument.__typename).toBe("IngestDocumentSuccess");
    const read = await gql(
      `{ entity(key: "${P}mission") { ... on Mission { contributors { edges { troops } } } } }`,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.entity.contributors.edges).toEqual([{ troops: 2 ** 31 - 1 }]);
  });
});
