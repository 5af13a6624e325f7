/**
 * What ordinary GraphQL clients send by protocol rather than by hand (sixth red-team round),
 * against the server as `npm start` runs it.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { post, shippedWithPrefix } from "../helpers/shipped.js";

const P = "shipped-protocols-";
const { server } = shippedWithPrefix(P);

const errorLines = () =>
  server
    .output()
    .split("\n")
    .filter((l) => /"level":(50|60)\b/.test(l));

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
    expect(errorLines()).toEqual([]);
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
    expect(errorLines()).toEqual([]);
  });
});
