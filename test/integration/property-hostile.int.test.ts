/**
 * Requests that are hostile themselves (1 MB literals, deep nesting, wrong variable types,
 * non-JSON bodies) get a JSON error below 500, whatever limits are configured. Shared parts:
 * test/helpers/property.ts.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { BIG, hostileString, INJECTIONS, ODD, shorten, show } from "../helpers/arbitraries.js";
import {
  cleanUp,
  codeOf,
  errorsOf,
  holds,
  isRecord,
  PROPERTY_TIMEOUT,
  type Reply,
  restore,
  send,
} from "../helpers/property.js";

beforeAll(restore);
// The driver is property.ts's, shared by the property files (one module graph): not closed here.
afterAll(cleanUp);

const nestRelations = (n: number) =>
  `{ entity(key: "canada") ${"{ relations(first: 1) { edges { node ".repeat(n)}{ key }${" } } }".repeat(n)} }`;

/** A where filter nested n deep in NOT, as JSON text (JSON.stringify would overflow the stack). */
const nestNot = (n: number) => `${'{"NOT":'.repeat(n)}{"name":{"equals":"x"}}${"}".repeat(n)}`;

/** A request body whose variables are given as JSON text. */
const withVariables = (query: string, variables: string) =>
  `{"query": ${JSON.stringify(query)}, "variables": ${variables}}`;

const nestArrays = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;

const fragmentBomb = (n: number, leaf = "__typename") =>
  [
    `query { ...F${n} }`,
    `fragment F0 on Query { ${leaf} }`,
    ...Array.from({ length: n }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`),
  ].join("\n");

interface HostileCase {
  name: string;
  body?: string;
  headers?: Record<string, string>;
  method?: string;
  url?: string;
  /** True when the request is invalid, so the answer must be an error. */
  error: boolean;
}

/**
 * The answer to a hostile request: below 500 and JSON (data, or errors when the request was
 * invalid), never INTERNAL_SERVER_ERROR. Codes are not required here: limits and transport
 * errors may come from plugins with codes of their own.
 */
function expectHandled(r: Reply, request: string, mustError: boolean) {
  const problems: string[] = [];
  if (r.status >= 500) problems.push(`HTTP ${r.status}`);
  if (!isRecord(r.body) || (!("data" in r.body) && !("errors" in r.body))) {
    problems.push(`not a JSON answer (HTTP ${r.status}): ${show(r.text.slice(0, 300))}`);
  }
  for (const e of errorsOf(r)) {
    if (codeOf(e) === "INTERNAL_SERVER_ERROR")
      problems.push(`INTERNAL_SERVER_ERROR: "${shorten(String(e.message))}"`);
  }
  if (mustError && errorsOf(r).length === 0) problems.push("no error for an invalid request");
  if (problems.length > 0)
    throw new Error(`${problems.join("; ")} (HTTP ${r.status})\n  request: ${request}`);
}

const JSON_CT = { "content-type": "application/json" };

const body = (x: unknown) => JSON.stringify(x);

const HOSTILE: HostileCase[] = [
  {
    name: "a 1 MB string literal in search(query)",
    body: body({ query: `{ search(query: "${"a".repeat(1_000_000)}") { totalCount } }` }),
    error: true,
  },
  {
    name: "a 1 MB string literal as entity(key)",
    body: body({ query: `{ entity(key: "${"k".repeat(1_000_000)}") { id } }` }),
    error: true,
  },
  {
    name: "a literal of 200,000 escaped NULs",
    body: body({ query: `{ search(query: "${"\\u0000".repeat(200_000)}") { totalCount } }` }),
    error: true,
  },
  {
    name: "a 1 MB block string",
    body: body({ query: `{ search(query: """${"b".repeat(1_000_000)}""") { totalCount } }` }),
    error: true,
  },
  {
    name: "relations nested 17 deep (first: 1)",
    body: body({ query: nestRelations(17) }),
    error: true,
  },
  {
    name: "relations nested 40 deep (first: 1)",
    body: body({ query: nestRelations(40) }),
    error: true,
  },
  {
    name: "10,000 nested selection sets",
    body: body({ query: `{ ${"a { ".repeat(10_000)}b${" }".repeat(10_000)} }` }),
    error: true,
  },
  {
    name: "100,000 nested selection sets",
    body: body({ query: `{ ${"a { ".repeat(100_000)}b${" }".repeat(100_000)} }` }),
    error: true,
  },
  {
    name: "100,000 nested list values",
    body: body({ query: `{ nodes(ids: ${nestArrays(100_000)}) { id } }` }),
    error: true,
  },
  {
    name: "a fragment spread bomb (2^30) over a root field",
    body: body({ query: fragmentBomb(30, 'entity(key: "nato") { key }') }),
    error: true,
  },
  {
    // Spreads of one field collapse into one field when executed: answered, cheaply.
    name: "a fragment spread bomb (2^30) of __typename",
    body: body({ query: fragmentBomb(30) }),
    error: false,
  },
  {
    name: "a fragment cycle",
    body: body({ query: "fragment F on Query { ...G } fragment G on Query { ...F } { ...F }" }),
    error: true,
  },
  {
    name: "5,000 aliases",
    body: body({
      query: `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: __typename`).join(" ")} }`,
    }),
    error: true,
  },
  {
    name: "200 aliased relation pages of 100",
    body: body({
      query: `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: entity(key: "canada") { relations(first: 100) { edges { node { name } } } }`).join(" ")} }`,
    }),
    error: true,
  },
  {
    name: "1,000 directives",
    body: body({ query: `{ __typename ${"@include(if: true) ".repeat(1000)}}` }),
    error: true,
  },
  {
    name: "a where filter nested 10,000 deep (variables)",
    body: withVariables(
      "query($w: PersonWhere) { people(where: $w) { totalCount } }",
      `{"w": ${nestNot(10_000)}}`,
    ),
    error: true,
  },
  {
    name: "a where filter nested 100 deep (variables)",
    body: withVariables(
      "query($w: PersonWhere) { people(where: $w) { totalCount } }",
      `{"w": ${nestNot(100)}}`,
    ),
    error: true,
  },
  {
    name: "variables nested 100,000 deep",
    body: `{"query": "{ __typename }", "variables": {"v": ${nestArrays(100_000)}}}`,
    error: false,
  },
  {
    name: "a JSON document nested 10,000 deep (ingestDocument, no token)",
    body: withVariables(
      "mutation($d: JSONObject!) { ingestDocument(document: $d) { __typename } }",
      `{"d": ${nestNot(10_000)}}`,
    ),
    error: true,
  },
  {
    name: "a variable of the wrong type (Int for String!)",
    body: body({ query: "query($k: String!) { entity(key: $k) { id } }", variables: { k: 5 } }),
    error: true,
  },
  {
    name: "a variable past 32 bits",
    body: body({
      query: "query($f: Int) { people(first: $f) { totalCount } }",
      variables: { f: 2 ** 31 },
    }),
    error: true,
  },
  {
    name: "a required variable missing",
    body: body({ query: "query($k: String!) { entity(key: $k) { id } }" }),
    error: true,
  },
  {
    name: "a required variable null",
    body: body({ query: "query($k: String!) { entity(key: $k) { id } }", variables: { k: null } }),
    error: true,
  },
  {
    name: "a variable of an unknown type",
    body: body({ query: "query($x: Nope) { __typename }", variables: { x: 1 } }),
    error: true,
  },
  {
    name: "unknown variables (and __proto__)",
    body: '{"query": "query($k: String!) { entity(key: $k) { id } }", "variables": {"k": "canada", "nope": 1, "__proto__": {"polluted": true}, "constructor": {"prototype": 1}}}',
    error: false,
  },
  {
    name: "variables as a string",
    body: body({ query: "{ __typename }", variables: "{}" }),
    error: true,
  },
  {
    name: "variables as a list",
    body: body({ query: "{ __typename }", variables: [1] }),
    error: true,
  },
  { name: "query as a number", body: body({ query: 5 }), error: true },
  { name: "query null", body: body({ query: null }), error: true },
  { name: "no query", body: body({ variables: {} }), error: true },
  {
    name: "an unknown operationName",
    body: body({ query: "query A { __typename }", operationName: "B" }),
    error: true,
  },
  {
    name: "two anonymous operations",
    body: body({ query: "{ __typename } { __typename }" }),
    error: true,
  },
  {
    name: "a subscription over plain POST",
    body: body({ query: "subscription { graphChanged { at } }" }),
    // Answered 406: it streams as server-sent events, and this asks for JSON.
    error: true,
  },
  {
    name: "a batch",
    body: body([{ query: "{ __typename }" }, { query: "{ __typename }" }]),
    error: true,
  },
  { name: "invalid JSON", body: "{not json", error: true },
  { name: "an empty body", body: "", error: true },
  { name: "null", body: "null", error: true },
  { name: "a list", body: "[]", error: true },
  { name: "a number", body: "5", error: true },
  { name: "a string", body: '"{ __typename }"', error: true },
  { name: "an empty object", body: "{}", error: true },
  { name: "binary garbage", body: "\u0000\u0001\ud800\uffff", error: true },
  {
    name: "a JSON body with a BOM",
    body: `\ufeff${body({ query: "{ __typename }" })}`,
    error: false,
  },
  {
    name: "3 MB of whitespace",
    body: `{"query": "{ __typename }"${" ".repeat(3_000_000)}}`,
    error: false,
  },
  {
    name: "text/plain",
    body: "{ __typename }",
    headers: { "content-type": "text/plain" },
    error: true,
  },
  {
    name: "a form",
    body: "query=%7B__typename%7D",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    error: false,
  },
  {
    name: "application/graphql",
    body: "{ __typename }",
    headers: { "content-type": "application/graphql" },
    error: false,
  },
  {
    name: "multipart garbage",
    body: '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{bad\r\n--x--',
    headers: { "content-type": "multipart/form-data; boundary=x" },
    error: true,
  },
  { name: "no content type", body: body({ query: "{ __typename }" }), headers: {}, error: false },
  {
    name: "a GET query",
    method: "GET",
    url: "http://localhost/graphql?query=%7B__typename%7D",
    headers: {},
    error: false,
  },
  {
    name: "a GET mutation",
    method: "GET",
    url: `http://localhost/graphql?query=${encodeURIComponent('mutation { deleteEntity(key: "canada") { __typename } }')}`,
    headers: {},
    error: true,
  },
  {
    name: "GET with broken variables",
    method: "GET",
    url: "http://localhost/graphql?query=%7B__typename%7D&variables=%7Bnot",
    headers: {},
    error: true,
  },
  {
    name: "GET with a 1 MB query string",
    method: "GET",
    url: `http://localhost/graphql?query=${"%7B".repeat(300_000)}`,
    headers: {},
    error: true,
  },
  { name: "PUT", method: "PUT", body: body({ query: "{ __typename }" }), error: true },
  { name: "DELETE", method: "DELETE", headers: {}, error: true },
];

/** The cases that are not plain JSON POSTs, again with the CSRF header, so they reach GraphQL. */
const WITH_CSRF: HostileCase[] = HOSTILE.filter((c) => c.headers !== undefined || c.method).map(
  (c) => ({
    ...c,
    name: `${c.name} (with the CSRF header)`,
    headers: { ...(c.headers ?? JSON_CT), "x-graphql-yoga-csrf": "1" },
  }),
);

describe("hostile requests: below 500, with a JSON error", () => {
  for (const c of [...HOSTILE, ...WITH_CSRF]) {
    it(c.name, async () => {
      const r = await send({
        ...(c.body !== undefined ? { body: c.body } : {}),
        headers: c.headers ?? JSON_CT,
        ...(c.method ? { method: c.method } : {}),
        ...(c.url ? { url: c.url } : {}),
      });
      expectHandled(r, c.name, c.error);
    });
  }

  it(
    "random bodies sent as JSON",
    async () => {
      const arb = fc.oneof(
        fc.string({ unit: "binary", maxLength: 200 }),
        fc.json({ maxDepth: 4 }),
        hostileString,
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ query: v })),
        fc
          .jsonValue({ maxDepth: 3 })
          .map((v) => JSON.stringify({ query: "{ __typename }", variables: v })),
      );
      await holds(arb, async (text) => {
        const r = await send({ body: text, headers: JSON_CT });
        expectHandled(r, `body ${show(text)}`, false);
      });
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "random documents made of GraphQL tokens and hostile strings",
    async () => {
      const token = fc.oneof(
        fc.constantFrom(
          "{",
          "}",
          "(",
          ")",
          "[",
          "]",
          ":",
          "$",
          "!",
          "=",
          "@",
          "...",
          "|",
          "&",
          ",",
          "query",
          "mutation",
          "subscription",
          "fragment",
          "on",
          "entity",
          "key",
          "search",
          "relations",
          "first",
          "after",
          "node",
          "nodes",
          "id",
          "name",
          "__typename",
          "__schema",
          "__type",
          "types",
          "deleteEntity",
          "createEntity",
          "input",
          "true",
          "null",
          "1",
          "-1",
          "2147483648",
          "1e308",
          '"canada"',
          '"""',
          "\\",
          "#",
          "\n",
        ),
        hostileString.map((s) => JSON.stringify(s)),
        fc.constantFrom(...INJECTIONS, ...ODD),
        fc.constantFrom(...BIG.slice(0, 6)),
      );
      await holds(fc.array(token, { maxLength: 30 }), async (tokensList) => {
        const query = tokensList.join(" ");
        const r = await send({ body: JSON.stringify({ query }), headers: JSON_CT });
        expectHandled(r, `query ${show(query)}`, false);
      });
    },
    PROPERTY_TIMEOUT,
  );
});
