import { pino } from "pino";
import { afterAll, it } from "vitest";
import { createApp } from "../../src/server.js";
import { testDb } from "../helpers/client.js";

const db = testDb();
const app = createApp({ db, logger: pino({ level: "error" }) });
afterAll(async () => {
  await db.driver.close();
});
async function raw(
  body: string,
  headers: Record<string, string> = { "content-type": "application/json" },
  method = "POST",
  url = "http://localhost/graphql",
) {
  const t0 = Date.now();
  const r = await app.fetch(url, {
    method,
    headers: { accept: "application/graphql-response+json", ...headers },
    ...(method === "GET" ? {} : { body }),
  });
  const text = await r.text();
  console.log(
    JSON.stringify({
      body: body.slice(0, 60),
      status: r.status,
      ms: Date.now() - t0,
      text: text.slice(0, 300),
    }),
  );
}
const nest = (n: number) =>
  `{ entity(key: "canada") ${"{ relations(first: 1) { edges { node ".repeat(n)}{ key }${" } } }".repeat(n)} }`;
const notDeep = (n: number) => {
  let w: Record<string, unknown> = { name: { equals: "x" } };
  for (let i = 0; i < n; i++) w = { NOT: w };
  return w;
};
it("probe", async () => {
  await raw(JSON.stringify({ query: `{ ${"a { ".repeat(10000)}b${" }".repeat(10000)} }` }));
  await raw(JSON.stringify({ query: `{ ${"a { ".repeat(100000)}b${" }".repeat(100000)} }` }));
  await raw(JSON.stringify({ query: nest(8) }));
  await raw(
    JSON.stringify({ query: `{ search(query: "${"a".repeat(1_000_000)}") { totalCount } }` }),
  );
  await raw(
    JSON.stringify({
      query: "query($w: PersonWhere){ people(where: $w) { totalCount } }",
      variables: { w: notDeep(10) },
    }),
  );
  await raw(
    JSON.stringify({
      query: "query($w: PersonWhere){ people(where: $w) { totalCount } }",
      variables: { w: notDeep(5000) },
    }),
  );
  await raw(
    JSON.stringify({
      query: "query($w: PersonWhere){ people(where: $w) { totalCount } }",
      variables: { w: notDeep(50000) },
    }),
  );
  await raw(
    JSON.stringify({
      query: "mutation($d: JSONObject!){ ingestDocument(document: $d) { __typename } }",
      variables: { d: notDeep(50000) },
    }),
  );
  await raw(
    JSON.stringify({
      query: `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: __typename`).join(" ")} }`,
    }),
  );
  await raw(
    JSON.stringify({
      query: `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: entity(key: "canada") { relations(first: 100) { totalCount edges { node { name } } } }`).join(" ")} }`,
    }),
  );
  await raw(JSON.stringify({ query: "query Q { __typename } query Q { __typename }" }));
  await raw(JSON.stringify({ query: "{ __typename }", operationName: "nope" }));
  await raw(JSON.stringify({ query: "fragment F on Query { ...F } { ...F }" }));
  await raw("[]");
  await raw("null");
  await raw("5");
  await raw('"x"');
  await raw("");
  await raw("{}");
  await raw(JSON.stringify({ query: 5 }));
  await raw(JSON.stringify({ query: "{ __typename }", variables: "x" }));
  await raw(JSON.stringify({ query: "{ __typename }", variables: [1] }));
  await raw(JSON.stringify([{ query: "{ __typename }" }]));
  await raw("\u0000\u0001\ud800", { "content-type": "application/json" });
  await raw("query={__typename}", { "content-type": "application/x-www-form-urlencoded" });
  await raw("{ __typename }", { "content-type": "text/plain" });
  await raw("{ __typename }", { "content-type": "application/graphql" });
  await raw("", {}, "GET", "http://localhost/graphql?query=%7B__typename%7D");
  await raw(
    "",
    {},
    "GET",
    "http://localhost/graphql?query=mutation%7BdeleteEntity(key:%22x%22)%7B__typename%7D%7D",
  );
  await raw("", {}, "GET", "http://localhost/graphql?query=%7B__typename%7D&variables=%7Bnot");
  await raw("", {}, "PUT", "http://localhost/graphql");
  await raw(
    JSON.stringify({
      query: "{ __typename }",
      extensions: { persistedQuery: { version: 1, sha256Hash: "x" } },
    }),
  );
  await raw(JSON.stringify({ query: "subscription { graphChanged { at } }" }));
  await raw(`{"query": "{ __typename }", "variables": ${"[".repeat(100000)}${"]".repeat(100000)}}`);
});
