/**
 * Requests ordinary clients send that the earlier rounds did not (fourth and sixth red-team
 * rounds), against the server as `npm start` runs it: inputs given as variables with a mistake in
 * them, under either media type a client may accept, writers that overlap, and automatic
 * persisted queries.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { errorLines, post, shippedWithPrefix } from "../helpers/shipped.js";

const P = "shipped-clients-";
const { server } = shippedWithPrefix(P);

describe("a variable with a mistake in it", () => {
  const NATIONS =
    "query ($w: NationWhere, $n: Int) { nations(where: $w, first: $n) { edges { node { key } } } }";
  const cases = [
    {
      variables: { w: { NOT: [{ name: { contains: "an" } }] } },
      says: /^Variable "\$w" got invalid value .* at "w\.NOT"; Expected type "NationWhere" to be an object\.$/,
    },
    {
      variables: { w: { name: { contans: "an" } } },
      says: /^Variable "\$w" got invalid value .* at "w\.name"; Field "contans" is not defined by type "StringFilter"/,
    },
    {
      variables: { n: "3" },
      says: /^Variable "\$n" got invalid value "3"; Int cannot represent non-integer value: "3"$/,
    },
  ];

  it("is a request error naming the variable and the place in it, 400 with application/graphql-response+json", async () => {
    for (const { variables, says } of cases) {
      for (const accept of ["application/graphql-response+json", "application/json"]) {
        const r = await post(server, { query: NATIONS, variables }, { accept });
        const context = `${accept} ${JSON.stringify(variables)}: ${JSON.stringify(r.body)}`;
        // No data: the operation never ran. The GraphQL-over-HTTP spec then requires a 4xx
        // with its own media type; with application/json, as for a variable left out, 400 too.
        expect(r.status, context).toBe(400);
        expect(r.body.data, context).toBeUndefined();
        expect(r.body.errors, context).toHaveLength(1);
        expect(r.body.errors[0].message, context).toMatch(says);
        expect(r.body.errors[0].extensions, context).toEqual({ code: "BAD_USER_INPUT" });
      }
    }
  });

  it("in a mutation's input names the field the value is wrong for", async () => {
    const r = await post(
      server,
      {
        query: `mutation ($i: AddRelationInput!) { addRelation(input: $i) { __typename } }`,
        variables: {
          i: {
            from: "canada",
            to: "latvia",
            type: "ALLIED_WITH",
            evidence: { source: "x", excerpt: "y" },
          },
        },
      },
      { authorization: server.authorization, accept: "application/graphql-response+json" },
    );
    expect(r.status).toBe(400);
    expect(r.body.errors[0].message).toMatch(
      /^Variable "\$i" got invalid value "ALLIED_WITH" at "i\.type"; Value "ALLIED_WITH" does not exist in "RelationType" enum\./,
    );
    expect(r.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(errorLines(server)).toEqual([]);
  });

  it("in a subscription names the variable too, as a stream or as JSON", async () => {
    const body = JSON.stringify({
      query: "subscription ($k: [String!]) { graphChanged(keys: $k) { __typename } }",
      variables: { k: 5 },
    });
    for (const accept of ["text/event-stream", "application/json"]) {
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      const json = accept === "application/json" ? text : /^data: (\{.*\})$/m.exec(text)?.[1];
      const errors = JSON.parse(json ?? "{}").errors;
      expect(errors, text).toHaveLength(1);
      expect(errors[0].message, text).toBe(
        'Variable "$k" got invalid value 5; String cannot represent a non string value: 5',
      );
      expect(errors[0].extensions, text).toEqual({ code: "BAD_USER_INPUT" });
    }
  });
});

/** A permutation of `items` drawn from `seed` (a small LCG): the same on every run. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe("ingests of overlapping documents at once", () => {
  it("all commit: writers that deadlock in Neo4j are tried again, not told the database is unavailable", async () => {
    const keys = Array.from({ length: 30 }, (_, i) => `${P}n${i}`);
    const text = keys.map((k) => `${k} met ${k}.`).join(" ");
    const document = (round: number, i: number) => {
      // Each document names the same nations in its own order, so transactions take their
      // locks in different orders, as ingest workers with articles on one story do.
      const order = shuffled(keys, round * 16 + i + 1);
      return {
        source: {
          key: `${P}src-${round}-${i}`,
          name: `Report ${round}.${i}`,
          properties: { text },
        },
        entities: order.map((key) => ({
          key,
          kind: "Nation",
          name: `Nation ${key.slice(P.length)}`,
          aliases: [`N${round}-${i}`],
          description: `As report ${round}.${i} has it.`,
        })),
        relations: order.slice(1).map((to, k) => ({
          from: order[k],
          type: "INVADED",
          to,
          evidence: `${order[k]} met ${order[k]}.`,
        })),
      };
    };
    const answers: string[] = [];
    for (let round = 0; round < 6; round++) {
      // 16: MAX_IN_FLIGHT, so every one is executed rather than refused OVERLOADED.
      const rs = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          post(
            server,
            {
              query: `mutation ($d: JSONObject!) { ingestDocument(document: $d) {
                __typename ... on ValidationError { problems { path message } } } }`,
              variables: { d: document(round, i) },
            },
            { authorization: server.authorization },
          ),
        ),
      );
      for (const r of rs)
        answers.push(
          r.body.errors ? JSON.stringify(r.body.errors) : r.body.data.ingestDocument.__typename,
        );
    }
    expect(answers.filter((a) => a !== "IngestDocumentSuccess")).toEqual([]);
    const sources = await post(server, {
      query: `{ entity(key: "${P}n0") { sourceCount } }`,
    });
    expect(sources.body.data.entity.sourceCount).toBe(96);
    expect(errorLines(server)).toEqual([]);
  }, 240_000);
});

describe("automatic persisted queries (Apollo Client's persisted-query link, urql's persistedExchange)", () => {
  const QUERY = `query Canada { entity(key: "canada") { name } }`;
  const persistedQuery = {
    version: 1,
    sha256Hash: createHash("sha256").update(QUERY).digest("hex"),
  };

  // The link sends the hash alone first. Only PersistedQueryNotFound or PersistedQueryNotSupported
  // (by message or extensions.code) makes it send the query; any other error is handed to the
  // application as the query's answer, so every query of such a client failed.
  it("a hash sent without its query is PersistedQueryNotSupported, so the client sends the query", async () => {
    for (const accept of ["application/graphql-response+json", "application/json"]) {
      const r = await post(
        server,
        { operationName: "Canada", variables: {}, extensions: { persistedQuery } },
        { accept },
      );
      const context = `${accept}: ${JSON.stringify(r.body)}`;
      // A request error: 4xx under the GraphQL response media type, 200 under plain JSON.
      expect(r.status, context).toBe(accept === "application/json" ? 200 : 400);
      expect(r.body.data, context).toBeUndefined();
      expect(r.body.errors, context).toHaveLength(1);
      expect(r.body.errors[0].message, context).toBe("PersistedQueryNotSupported");
      expect(r.body.errors[0].extensions.code, context).toBe("PERSISTED_QUERY_NOT_SUPPORTED");
    }
    // The link's retry: the query, without the extension (APQ now off for this client).
    const retry = await post(server, { operationName: "Canada", query: QUERY, variables: {} });
    expect(retry.body).toMatchObject({ data: { entity: { name: "Canada" } } });
    expect(errorLines(server)).toEqual([]);
  });

  it("the same over GET (useGETForHashedQueries), and a query sent with its hash runs", async () => {
    const url = new URL(`${server.url}/graphql`);
    url.searchParams.set("operationName", "Canada");
    url.searchParams.set("extensions", JSON.stringify({ persistedQuery }));
    const get = await fetch(url, { headers: { "x-graphql-yoga-csrf": "1" } });
    const body = await get.json();
    expect(body.errors?.[0]?.message, JSON.stringify(body)).toBe("PersistedQueryNotSupported");
    expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_SUPPORTED");

    const both = await post(server, { query: QUERY, extensions: { persistedQuery } });
    expect(both.body).toMatchObject({ data: { entity: { name: "Canada" } } });
    expect(errorLines(server)).toEqual([]);
  });
});
