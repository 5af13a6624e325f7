/**
 * Bad input, property-based (fast-check): every string, id and number argument of every query
 * and mutation is fed random and hostile values (unicode, NUL, lone surrogates, 1 MB strings,
 * Cypher / GraphQL / Lucene injection, huge and negative numbers), always as GraphQL variables,
 * as real clients send them. Whatever the input:
 *
 * - the answer is never a 5xx and never a crash (the app always answers, with JSON);
 * - every error carries an expected `extensions.code`, never INTERNAL_SERVER_ERROR;
 * - a rejected write leaves the graph exactly as it was (nodes, relationships, every property);
 * - an accepted write stores its strings byte for byte (names compared trimmed, as validation
 *   trims them; source texts and evidence compared after `repairText`, as ingest repairs them).
 *
 * Requests that are hostile themselves (1 MB literals, deep nesting, wrong variable types,
 * non-JSON bodies) get a JSON error below 500, whatever limits are configured.
 *
 * Replay a failure with FC_SEED=<seed> (and FC_PATH=<path>) from the failure message.
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import {
  type GraphQLField,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isScalarType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken, type TokenEntry } from "../../src/auth/tokens.js";
import { ingestDocument } from "../../src/data/ingest.js";
import { readDocumentFile, seedFiles } from "../../src/data/seed.js";
import { repairText } from "../../src/domain/repair.js";
import { KIND_NAMES, KINDS, type Kind } from "../../src/domain/vocabulary.js";
import { schema } from "../../src/graphql/index.js";
import {
  BIG,
  cursor,
  float,
  globalId,
  hostileDate,
  hostileString,
  INJECTIONS,
  int32,
  isWellFormed,
  notAnInt,
  notAString,
  ODD,
  readKey,
  SEED_KEYS,
  shorten,
  show,
  slug,
  surrogateString,
  wellFormedString,
  writeKey,
} from "../helpers/arbitraries.js";
import { createClient, cypher, testDb } from "../helpers/client.js";

const db = testDb();
const P = "prop-";
/** Runs per property; FC_RUNS overrides (e.g. 500 for a long hunt). */
const RUNS = Number(process.env.FC_RUNS ?? 40);
const WRITE_RUNS = Number(process.env.FC_RUNS ?? 30);
const PROPERTY_TIMEOUT = 120_000;

const tokens = { read: generateToken(), write: generateToken(), admin: generateToken() };
const entries: TokenEntry[] = (["read", "write", "admin"] as const).map((s) => ({
  name: `${P}${s}`,
  sha256: tokens[s].sha256,
  scopes: [s],
}));
const { app } = createClient(db, { tokens: entries });
const bearer = (s: keyof typeof tokens) => `Bearer ${tokens[s].token}`;
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
/** Longer than a Neo4j range-index entry may be (about 8 kB). */
const PAST_INDEX_LIMIT = "x".repeat(10_000);

// ---------------------------------------------------------------------------------------------
// Sending requests and judging answers
// ---------------------------------------------------------------------------------------------

interface Reply {
  status: number;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  body: unknown;
}

type Json = Record<string, unknown>;
const isRecord = (x: unknown): x is Json =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/** Sends a raw request to the app; the app throwing instead of answering is a crash. */
async function send(init: {
  body?: string;
  headers?: Record<string, string>;
  method?: string;
  url?: string;
}): Promise<Reply> {
  let response: Response;
  try {
    response = await app.fetch(init.url ?? "http://localhost/graphql", {
      method: init.method ?? "POST",
      headers: { accept: "application/graphql-response+json", ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
  } catch (error) {
    throw new Error(
      `crash: the app threw instead of answering: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    );
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, text, body };
}

/** Sends an operation with its variables as JSON, as real clients do. */
function gql(query: string, variables: Json, authorization?: string): Promise<Reply> {
  return send({
    body: JSON.stringify({ query, variables }),
    headers: {
      "content-type": "application/json",
      ...(authorization !== undefined ? { authorization } : {}),
    },
  });
}

/** Codes an error may carry for bad input; anything else (INTERNAL_SERVER_ERROR above all) is a bug. */
const EXPECTED_CODES: ReadonlySet<string> = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "LIMIT_EXCEEDED",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "BAD_REQUEST",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "CONFLICT",
  "TIMEOUT",
]);

function errorsOf(r: Reply): Json[] {
  return isRecord(r.body) && Array.isArray(r.body.errors) ? r.body.errors.filter(isRecord) : [];
}

function codeOf(e: Json): unknown {
  return isRecord(e.extensions) ? e.extensions.code : undefined;
}

/** What is wrong with an answer: a 5xx, no JSON, no data nor errors, an uncoded or unexpected error. */
function violations(r: Reply): string[] {
  const out: string[] = [];
  if (r.status >= 500) out.push(`HTTP ${r.status}`);
  if (!isRecord(r.body)) {
    out.push(`not a JSON object (HTTP ${r.status}): ${shorten(r.text, 300)}`);
    return out;
  }
  if (!("data" in r.body) && !("errors" in r.body)) out.push("neither data nor errors");
  if ("errors" in r.body && (!Array.isArray(r.body.errors) || r.body.errors.length === 0)) {
    out.push("errors is not a non-empty list");
  }
  for (const e of errorsOf(r)) {
    const code = codeOf(e);
    const message = shorten(String(e.message), 200);
    if (typeof code !== "string") out.push(`error without extensions.code: "${message}"`);
    else if (!EXPECTED_CODES.has(code)) out.push(`${code}: "${message}"`);
  }
  return out;
}

/** Fails with the request when the answer is not sane. */
function expectSane(r: Reply, request: string): void {
  const v = violations(r);
  if (v.length > 0) throw new Error(`${v.join("; ")} (HTTP ${r.status})\n  request: ${request}`);
}

const label = (query: string, variables: Json) =>
  `${shorten(query.replace(/\s+/g, " "), 300)} variables ${show(variables)}`;

/** Sends and checks sanity; returns the reply. */
async function saneQuery(query: string, variables: Json, authorization?: string): Promise<Reply> {
  const r = await gql(query, variables, authorization);
  expectSane(r, label(query, variables));
  return r;
}

/** Runs a property; on failure reports a shortened counterexample and how to replay it. */
async function holds<T>(
  arb: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
  numRuns = RUNS,
  /** Cases always run first (known hostile inputs), then numRuns random ones. */
  examples: T[] = [],
): Promise<void> {
  // Known cases first, as they are (fast-check would try to shrink them, slowly).
  for (const example of examples) {
    try {
      await predicate(example);
    } catch (error) {
      throw new Error(
        `known case failed\ncounterexample: ${show([example])}\nerror: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
  const path = process.env.FC_PATH;
  const details = await fc.check(fc.asyncProperty(arb, predicate), {
    numRuns,
    ...(seed !== undefined ? { seed } : {}),
    ...(path ? { path } : {}),
    // Shrinking talks to the database: bound it, and report the smallest case found so far.
    interruptAfterTimeLimit: 20_000,
  });
  if (details.failed) {
    const error = details.errorInstance;
    throw new Error(
      [
        `property failed after ${details.numRuns} run(s), ${details.numShrinks} shrink(s)`,
        `counterexample: ${show(details.counterexample)}`,
        `error: ${error instanceof Error ? error.message : String(error)}`,
        `replay: FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath ?? ""}`,
      ].join("\n"),
    );
  }
}

/** Strings compared code unit by code unit; the message shows where they part. */
function expectSameString(actual: unknown, expected: string | null, what: string): void {
  if (actual === expected) return;
  if (typeof actual !== "string" || expected === null) {
    throw new Error(`${what}: stored ${show(actual)}, sent ${show(expected)}`);
  }
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const hex = (s: string) =>
    [...s.slice(Math.max(0, i - 2), i + 3)]
      .map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`)
      .join(" ");
  throw new Error(
    `${what} not stored byte for byte: first difference at index ${i} (sent ${expected.length} units: ${hex(expected)}; read back ${actual.length} units: ${hex(actual)})`,
  );
}

// ---------------------------------------------------------------------------------------------
// The graph: fingerprint, fixture, clean-up
// ---------------------------------------------------------------------------------------------

/** The keys of the seed: with the fixture's, the part of the graph the writes below may touch. */
const SEED_ENTITY_KEYS: string[] = seedFiles().flatMap((file) => {
  const doc = readDocumentFile(file);
  if (!isRecord(doc)) return [];
  const source = isRecord(doc.source) ? [String(doc.source.key)] : [];
  const entities = Array.isArray(doc.entities) ? doc.entities.filter(isRecord) : [];
  return [...source, ...entities.map((e) => String(e.key))];
});

/**
 * Everything a user could see change, as in writes.int.test.ts (node and relationship counts and
 * a hash of every property and label), over the seed and this file's `prop-` entities and the
 * relationships among them: other suites may write their own entities into the same database
 * meanwhile. Writes that land outside (anything stamped by this file's tokens elsewhere) are
 * counted too, so they cannot hide.
 */
async function fingerprint(): Promise<{ nodes: number; rels: number; hash: string }> {
  const [row] = await cypher(
    db,
    `MATCH (n:Entity) WHERE n.key STARTS WITH $p OR n.key IN $seed
     OPTIONAL MATCH (n)-[r]->(m:Entity) WHERE m.key STARTS WITH $p OR m.key IN $seed
     WITH n, collect(r {.*, type: type(r), to: m.key}) AS out
     WITH count(n) AS nodes, sum(size(out)) AS rels, collect(n {.*, labels: labels(n), out: out}) AS all
     CALL () { MATCH (x) WHERE x.updatedBy STARTS WITH $p
               AND NOT coalesce(x.key STARTS WITH $p OR x.key IN $seed, false)
               RETURN count(x) AS strayNodes }
     CALL () { MATCH (a)-[r]->() WHERE r.updatedBy STARTS WITH $p
               AND NOT coalesce(a.key STARTS WITH $p, false)
               RETURN count(r) AS strayRels }
     RETURN nodes + strayNodes AS nodes, rels + strayRels AS rels, all`,
    { p: P, seed: SEED_ENTITY_KEYS },
  );
  const all = (Array.isArray(row?.all) ? row.all : []).map((x: unknown) => {
    const node = isRecord(x) ? { ...x } : {};
    if (Array.isArray(node.out)) node.out = node.out.map((r: unknown) => JSON.stringify(r)).sort();
    return JSON.stringify(node);
  });
  const hash = createHash("sha256").update(JSON.stringify(all.sort())).digest("hex");
  return { nodes: Number(row?.nodes), rels: Number(row?.rels), hash };
}

async function expectUnchanged(
  before: Awaited<ReturnType<typeof fingerprint>>,
  what: string,
): Promise<void> {
  const after = await fingerprint();
  if (after.nodes !== before.nodes || after.rels !== before.rels || after.hash !== before.hash) {
    throw new Error(
      `${what} changed the graph: nodes ${before.nodes} -> ${after.nodes}, relationships ${before.rels} -> ${after.rels}, properties ${after.hash === before.hash ? "same" : "changed"}`,
    );
  }
}

const SOURCE = `${P}source`;
/** A source text full of hostile characters (no `†`, `â€` or trailing blanks, which ingest repairs). */
const TEXT = [
  "Ann leads Freedonia.",
  "Ann visited Latvia on 2022-03-08.",
  "She said: «Ünïcödé — 🙂 👩‍👩‍👧‍👦, zero\u200bwidth, \u202eRTL\u202c, a NUL \u0000 here».",
  "Quotes ' \" ` and $key }{ ') DETACH DELETE n // *:* a~ ( \\u0027.",
  "Freedonia is in NATO.",
].join(" ");
const FIXTURE = {
  source: { key: SOURCE, name: "Prop fixture", properties: { text: TEXT } },
  entities: [
    { key: `${P}ann`, kind: "Person", name: "Ann" },
    { key: `${P}freedonia`, kind: "Nation", name: "Freedonia", properties: { isoCode: "FRE" } },
    { key: `${P}gone`, kind: "Place", name: "Soon Gone" },
  ],
  relations: [
    { from: `${P}ann`, type: "LEADS", to: `${P}freedonia`, evidence: "Ann leads Freedonia." },
    {
      from: `${P}ann`,
      type: "VISITED",
      to: "latvia",
      evidence: "Ann visited Latvia on 2022-03-08.",
    },
  ],
};
const FIXTURE_KEYS = [`${P}ann`, `${P}freedonia`, `${P}gone`, SOURCE] as const;

async function cleanUp(): Promise<void> {
  await cypher(db, "MATCH (n:Entity) WHERE n.key STARTS WITH $p DETACH DELETE n", { p: P });
}

/** Puts the fixture back as it was (after an accepted write changed it). */
async function restore(): Promise<void> {
  await cleanUp();
  await ingestDocument(db, { roundTrips: 0 }, FIXTURE, "fixture");
}

beforeAll(restore);
afterAll(async () => {
  await cleanUp();
  await db.driver.close();
});

// ---------------------------------------------------------------------------------------------
// The schema, as the generators see it
// ---------------------------------------------------------------------------------------------

function enumValues(name: string): string[] {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum`);
  return type.getValues().map((v) => v.name);
}

const RELATION_TYPES = enumValues("RelationType");
const relationType = fc.constantFrom(...RELATION_TYPES);
const kind = fc.constantFrom(...KIND_NAMES);

/** Every relation connection on an entity: `relations` and the typed fields (Nation.leaders ...). */
const RELATION_FIELDS: { kind: Kind; field: string }[] = KIND_NAMES.flatMap((k) => {
  const type = schema.getType(k);
  if (!isObjectType(type)) return [];
  return Object.values(type.getFields())
    .filter((f) => f.args.some((a) => a.name === "asOf"))
    .map((f) => ({ kind: k, field: f.name }));
});

const PAGE_INFO = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";

interface Connection {
  label: string;
  relation: boolean;
  /** The operation, given variable declarations and the arguments to pass. */
  doc: (decl: string, args: string) => string;
}

const CONNECTIONS: Connection[] = [
  {
    label: "search",
    relation: false,
    doc: (d, a) =>
      `query(${d}) { search(query: "canada", ${a}) { totalCount ${PAGE_INFO} edges { cursor score snippet node { key } } } }`,
  },
  {
    label: "disputes",
    relation: false,
    doc: (d, a) =>
      `query(${d}) { disputes(${a}) { totalCount ${PAGE_INFO} edges { cursor node { id disputed } } } }`,
  },
  {
    label: "timeline",
    relation: false,
    doc: (d, a) =>
      `query(${d}) { timeline(entity: "justin-trudeau", ${a}) { totalCount ${PAGE_INFO} edges { cursor date event { key } relation { id } } } }`,
  },
  ...KIND_NAMES.map((k) => ({
    label: KINDS[k].plural,
    relation: false,
    doc: (d: string, a: string) =>
      `query(${d}) { ${KINDS[k].plural}(${a}) { totalCount ${PAGE_INFO} edges { cursor node { key name } } } }`,
  })),
  ...RELATION_FIELDS.map(({ kind: k, field }) => ({
    label: `${k}.${field}`,
    relation: true,
    doc: (d: string, a: string) =>
      `query(${d}) { entity(key: "${SEED_KEYS[k]}") { ... on ${k} { ${field}(${a}) { totalCount ${PAGE_INFO} edges { cursor type direction node { key } evidence { excerpt } } } } } }`,
  })),
];
const connection = fc.constantFrom(...CONNECTIONS);
const relationConnection = fc.constantFrom(...CONNECTIONS.filter((c) => c.relation));

/** A hostile value for each filter input type of the `<Kind>Where` inputs. */
const stringFilter = fc.oneof(
  fc.record({ equals: hostileString }),
  fc.record({ startsWith: hostileString }),
  fc.record({ contains: hostileString }),
  fc.record({
    in: fc.oneof(
      fc.array(hostileString, { maxLength: 4 }),
      fc.constant(Array.from({ length: 101 }, (_, i) => `v${i}`)),
    ),
  }),
  fc.record(
    {
      equals: hostileString,
      startsWith: hostileString,
      contains: hostileString,
      in: fc.array(hostileString, { maxLength: 3 }),
    },
    { requiredKeys: [] },
  ),
);
const numberFilter = (n: fc.Arbitrary<number>) =>
  fc.record({ equals: n, gt: n, gte: n, lt: n, lte: n }, { requiredKeys: [] });
const FILTERS: Record<string, fc.Arbitrary<unknown>> = {
  StringFilter: stringFilter,
  DateRangeFilter: fc.record({ from: hostileDate, to: hostileDate }, { requiredKeys: [] }),
  FloatFilter: numberFilter(float),
  IntFilter: numberFilter(int32),
  RelationFilter: fc.array(
    fc.record(
      {
        type: relationType,
        to: fc.array(readKey, { maxLength: 4 }),
        kind,
        direction: fc.constantFrom("OUT", "IN", "BOTH"),
        none: fc.boolean(),
      },
      { requiredKeys: ["type"] },
    ),
    { minLength: 1, maxLength: 2 },
  ),
};

/** Where-filter fields fuzzed, per kind (string, date, number and relation filters). */
function whereFields(k: Kind): string[] {
  const type = schema.getType(`${k}Where`);
  if (!isInputObjectType(type)) throw new Error(`${k}Where is not an input type`);
  return Object.values(type.getFields())
    .filter((f) => getNamedType(f.type).name in FILTERS)
    .map((f) => f.name);
}

function whereArb(k: Kind): fc.Arbitrary<Json> {
  const type = schema.getType(`${k}Where`);
  if (!isInputObjectType(type)) throw new Error(`${k}Where is not an input type`);
  const leaves = whereFields(k).map((name) => {
    const field = type.getFields()[name];
    const value = FILTERS[getNamedType(field?.type ?? type).name] ?? fc.constant(null);
    return value.map((v): Json => ({ [name]: v }));
  });
  const leaf = fc.oneof(...leaves);
  const nestNot = (w: Json, n: number): Json => (n === 0 ? w : { NOT: nestNot(w, n - 1) });
  return fc.oneof(
    { arbitrary: leaf, weight: 4 },
    {
      arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((AND) => ({ AND })),
      weight: 1,
    },
    { arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((OR) => ({ OR })), weight: 1 },
    {
      arbitrary: fc.tuple(leaf, fc.integer({ min: 1, max: 7 })).map(([w, n]) => nestNot(w, n)),
      weight: 1,
    },
  );
}

function orderArb(k: Kind): fc.Arbitrary<Json[]> {
  const fields = enumValues(`${k}OrderField`);
  return fc.array(
    fc.record({ field: fc.constantFrom(...fields), direction: fc.constantFrom("ASC", "DESC") }),
    { maxLength: 4 },
  );
}

// ---------------------------------------------------------------------------------------------
// Queries: every string, id and number argument
// ---------------------------------------------------------------------------------------------

/** Arguments fuzzed below, as Type.field.argument (checked against the schema). */
const COVERED = new Set<string>();
const covers = (...args: string[]) => {
  for (const a of args) COVERED.add(a);
};

describe("queries: hostile arguments never crash, every error is expected and coded", () => {
  covers("Query.entity.key");
  it(
    "entity(key)",
    async () => {
      const q = "query($key: String!) { entity(key: $key) { id key name kind } }";
      await holds(readKey, async (key) => {
        await saneQuery(q, { key });
      });
    },
    PROPERTY_TIMEOUT,
  );

  covers("Query.node.id");
  it(
    "node(id)",
    async () => {
      const q = "query($id: ID!) { node(id: $id) { id ... on Entity { key name } } }";
      await holds(
        globalId,
        async (id) => {
          await saneQuery(q, { id });
        },
        RUNS,
        [b64("Foo:canada"), b64("Entity:canada")],
      );
    },
    PROPERTY_TIMEOUT,
  );

  covers("Query.nodes.ids");
  it(
    "nodes(ids)",
    async () => {
      const q = "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Entity { key } } }";
      await holds(fc.array(globalId, { maxLength: 5 }), async (ids) => {
        await saneQuery(q, { ids });
      });
    },
    PROPERTY_TIMEOUT,
  );

  covers("Query.search.query");
  it(
    "search(query, kinds)",
    async () => {
      const q = `query($query: String!, $kinds: [EntityKind!]) {
        search(query: $query, kinds: $kinds, first: 5) { totalCount edges { score snippet node { key } } } }`;
      const kinds = fc.option(fc.uniqueArray(kind, { maxLength: 3 }), { nil: null });
      await holds(fc.record({ query: hostileString, kinds }), async (v) => {
        await saneQuery(q, v);
      });
    },
    PROPERTY_TIMEOUT,
  );

  for (const c of CONNECTIONS) covers(`${c.label}.first`, `${c.label}.last`);
  it(
    "first and last on every connection (search, timeline, lists, relations, typed relations)",
    async () => {
      const opt = fc.option(int32, { nil: null });
      await holds(fc.tuple(connection, opt, opt), async ([c, first, last]) => {
        await saneQuery(c.doc("$first: Int, $last: Int", "first: $first, last: $last"), {
          first,
          last,
        });
      });
    },
    PROPERTY_TIMEOUT,
  );

  for (const c of CONNECTIONS) covers(`${c.label}.after`, `${c.label}.before`);
  it(
    "after and before cursors on every connection",
    async () => {
      const opt = fc.option(cursor, { nil: null });
      const size = fc.option(fc.integer({ min: 0, max: 5 }), { nil: null });
      const check = async ([c, after, before, f, l]: [
        Connection,
        string | null,
        string | null,
        number | null,
        number | null,
      ]) => {
        await saneQuery(
          c.doc(
            "$after: String, $before: String, $first: Int, $last: Int",
            "after: $after, before: $before, first: $first, last: $last",
          ),
          { after, before, first: f, last: l },
        );
      };
      const [search, people] = [CONNECTIONS[0], CONNECTIONS[2]] as [Connection, Connection];
      await holds(fc.tuple(connection, opt, opt, size, size), check, RUNS, [
        [search, b64("OffsetConnection:-2"), null, null, null],
        [people, b64("OffsetConnection:99999999999999999999999"), null, null, null],
      ]);
    },
    PROPERTY_TIMEOUT,
  );

  for (const c of CONNECTIONS.filter((x) => x.relation)) covers(`${c.label}.asOf`);
  it(
    "asOf on every relation connection",
    async () => {
      await holds(fc.tuple(relationConnection, hostileDate), async ([c, asOf]) => {
        await saneQuery(c.doc("$asOf: String", "asOf: $asOf, first: 5"), { asOf });
      });
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "relations(types, direction, first, after, asOf) on any entity",
    async () => {
      const q = `query($key: String!, $types: [RelationType!], $direction: Direction, $first: Int, $after: String, $asOf: String) {
        entity(key: $key) { relations(types: $types, direction: $direction, first: $first, after: $after, asOf: $asOf) {
          totalCount edges { cursor type node { key } } } } }`;
      const arb = fc.record({
        key: fc.constantFrom(...Object.values(SEED_KEYS)),
        types: fc.option(fc.uniqueArray(relationType, { maxLength: 4 }), { nil: null }),
        direction: fc.constantFrom("IN", "OUT", "BOTH", null),
        first: fc.option(int32, { nil: null }),
        after: fc.option(cursor, { nil: null }),
        asOf: fc.option(hostileDate, { nil: null }),
      });
      const known: typeof arb extends fc.Arbitrary<infer V> ? V : never = {
        key: "canada",
        types: null,
        direction: "BOTH",
        first: 5,
        after: b64("OffsetConnection:-5"),
        asOf: "2022",
      };
      await holds(
        arb,
        async (v) => {
          await saneQuery(q, v);
        },
        RUNS,
        [known],
      );
    },
    PROPERTY_TIMEOUT,
  );

  for (const k of KIND_NAMES) {
    const plural = KINDS[k].plural;
    for (const f of whereFields(k)) covers(`${k}Where.${f}`);
    it(
      `${plural}(where, orderBy): ${whereFields(k).join(", ")}`,
      async () => {
        const q = `query($where: ${k}Where, $orderBy: [${k}Order!], $first: Int) {
          ${plural}(where: $where, orderBy: $orderBy, first: $first) { totalCount edges { node { key } } } }`;
        const arb = fc.record({
          where: whereArb(k),
          orderBy: fc.option(orderArb(k), { nil: null }),
          first: fc.constantFrom(1, 5, null),
        });
        await holds(
          arb,
          async (v) => {
            await saneQuery(q, v);
          },
          Math.ceil(RUNS / 2),
        );
      },
      PROPERTY_TIMEOUT,
    );
  }

  covers("Query.path.from", "Query.path.to", "Query.paths.from", "Query.paths.to");
  it(
    "path and paths: from and to",
    async () => {
      const path = `query($from: String!, $to: String!) { path(from: $from, to: $to, maxHops: 3) {
        length nodes { key } steps { relation { type evidence { excerpt } } } } }`;
      const paths = `query($from: String!, $to: String!) { paths(from: $from, to: $to, maxHops: 3, first: 2) { length nodes { key } } }`;
      await holds(
        fc.tuple(fc.constantFrom(path, paths), readKey, readKey),
        async ([q, from, to]) => {
          await saneQuery(q, { from, to });
        },
      );
    },
    PROPERTY_TIMEOUT,
  );

  covers("Query.path.maxHops", "Query.paths.maxHops", "Query.paths.first");
  it(
    "path and paths: maxHops and first",
    async () => {
      const path = `query($maxHops: Int) { path(from: "justin-trudeau", to: "latvia", maxHops: $maxHops) { length } }`;
      const paths = `query($maxHops: Int, $first: Int) { paths(from: "justin-trudeau", to: "latvia", maxHops: $maxHops, first: $first) { length } }`;
      const opt = fc.option(int32, { nil: null });
      await holds(fc.tuple(fc.boolean(), opt, opt), async ([single, maxHops, first]) => {
        if (single) await saneQuery(path, { maxHops });
        else await saneQuery(paths, { maxHops, first });
      });
    },
    PROPERTY_TIMEOUT,
  );

  covers(
    "Query.neighbourhood.key",
    "Query.neighbourhood.id",
    "Query.neighbourhood.depth",
    "Query.neighbourhood.limit",
  );
  it(
    "neighbourhood(key, id, depth, limit)",
    async () => {
      const q = `query($key: String, $id: ID, $depth: Int, $limit: Int) {
        neighbourhood(key: $key, id: $id, depth: $depth, limit: $limit) { truncated nodes { key } edges { id } } }`;
      const arb = fc.record({
        key: fc.option(readKey, { nil: null }),
        id: fc.option(globalId, { nil: null, freq: 2 }),
        depth: fc.option(fc.oneof(int32, fc.integer({ min: 0, max: 4 })), { nil: null }),
        limit: fc.option(fc.oneof(int32, fc.integer({ min: 0, max: 501 })), { nil: null }),
      });
      await holds(arb, async (v) => {
        await saneQuery(q, v);
      });
    },
    PROPERTY_TIMEOUT,
  );

  covers("Query.timeline.entity", "Query.timeline.from", "Query.timeline.to");
  it(
    "timeline(entity, from, to)",
    async () => {
      const q = `query($entity: String!, $from: String, $to: String) {
        timeline(entity: $entity, from: $from, to: $to, first: 5) { totalCount edges { date } } }`;
      const arb = fc.record({
        entity: fc.oneof(readKey, fc.constant("justin-trudeau")),
        from: fc.option(hostileDate, { nil: null }),
        to: fc.option(hostileDate, { nil: null }),
      });
      await holds(arb, async (v) => {
        await saneQuery(q, v);
      });
    },
    PROPERTY_TIMEOUT,
  );

  it("every string, id and number argument of every query is fuzzed above", () => {
    // Root arguments by name; connection arguments by connection; where filters by input field.
    const missing: string[] = [];
    const scalar = (f: GraphQLField<unknown, unknown>) =>
      f.args.filter((a) => {
        const named = getNamedType(a.type);
        return isScalarType(named) && ["String", "ID", "Int", "Float"].includes(named.name);
      });
    const query = schema.getQueryType();
    for (const f of Object.values(query?.getFields() ?? {})) {
      const conn = CONNECTIONS.find((c) => c.label === f.name);
      for (const a of scalar(f)) {
        const root = `Query.${f.name}.${a.name}`;
        if (!COVERED.has(root) && !(conn && COVERED.has(`${conn.label}.${a.name}`))) {
          missing.push(root);
        }
      }
    }
    for (const { kind: k, field } of RELATION_FIELDS) {
      const f = (
        schema.getType(k) as { getFields(): Record<string, GraphQLField<unknown, unknown>> }
      ).getFields()[field];
      for (const a of f ? scalar(f) : []) {
        if (!COVERED.has(`${k}.${field}.${a.name}`)) missing.push(`${k}.${field}.${a.name}`);
      }
    }
    for (const k of KIND_NAMES) {
      for (const w of whereFields(k)) {
        if (!COVERED.has(`${k}Where.${w}`)) missing.push(`${k}Where.${w}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it(
    "variables that do not fit their type (Int past 32 bits, fractions, strings for numbers, numbers for strings, null for required)",
    async () => {
      const slots: { doc: string; wrong: fc.Arbitrary<unknown> }[] = [
        { doc: "query($v: Int) { people(first: $v) { totalCount } }", wrong: notAnInt },
        {
          doc: 'query($v: Int) { people(last: $v, before: "T2Zmc2V0Q29ubmVjdGlvbjoz") { totalCount } }',
          wrong: notAnInt,
        },
        {
          doc: 'query($v: Int) { search(query: "canada", first: $v) { totalCount } }',
          wrong: notAnInt,
        },
        {
          doc: 'query($v: Int) { timeline(entity: "canada", first: $v) { totalCount } }',
          wrong: notAnInt,
        },
        {
          doc: 'query($v: Int) { entity(key: "canada") { relations(first: $v) { totalCount } } }',
          wrong: notAnInt,
        },
        {
          doc: 'query($v: Int) { entity(key: "canada") { ... on Nation { leaders(first: $v) { totalCount } } } }',
          wrong: notAnInt,
        },
        {
          doc: 'query($v: Int) { path(from: "canada", to: "latvia", maxHops: $v) { length } }',
          wrong: notAnInt,
        },
        {
          doc: 'query($v: Int) { paths(from: "canada", to: "latvia", first: $v) { length } }',
          wrong: notAnInt,
        },
        {
          doc: 'query($v: Int) { neighbourhood(key: "canada", depth: $v) { truncated } }',
          wrong: notAnInt,
        },
        {
          doc: 'query($v: Int) { neighbourhood(key: "canada", limit: $v) { truncated } }',
          wrong: notAnInt,
        },
        {
          doc: "query($v: Float) { pledges(where: { value: { gt: $v } }) { totalCount } }",
          wrong: notAString.filter((x) => typeof x !== "number"),
        },
        {
          doc: "query($v: String!) { entity(key: $v) { id } }",
          wrong: fc.oneof(notAString, fc.constant(null)),
        },
        {
          doc: "query($v: String!) { search(query: $v) { totalCount } }",
          wrong: fc.oneof(notAString, fc.constant(null)),
        },
        { doc: "query($v: String) { people(after: $v) { totalCount } }", wrong: notAString },
        {
          doc: 'query($v: String) { timeline(entity: "canada", from: $v) { totalCount } }',
          wrong: notAString,
        },
        {
          doc: "query($v: ID!) { node(id: $v) { id } }",
          wrong: fc.oneof(
            notAString.filter((x) => typeof x !== "number"),
            fc.constant(null),
          ),
        },
        {
          doc: "query($v: [ID!]!) { nodes(ids: $v) { id } }",
          wrong: fc.constantFrom(null, [null], [{}], { a: 1 }, [[]]),
        },
        {
          doc: "query($v: PersonWhere) { people(where: $v) { totalCount } }",
          wrong: fc.jsonValue({ maxDepth: 3 }).filter((x) => x !== null),
        },
        {
          doc: 'query($v: [RelationType!]) { entity(key: "canada") { relations(types: $v) { totalCount } } }',
          wrong: fc.oneof(hostileString, fc.array(hostileString, { minLength: 1, maxLength: 2 })),
        },
      ];
      await holds(
        fc
          .tuple(fc.constantFrom(...slots), fc.boolean())
          .chain(([slot, omit]) =>
            slot.wrong.map((v) => ({ doc: slot.doc, variables: omit && v === null ? {} : { v } })),
          ),
        async ({ doc, variables }) => {
          await saneQuery(doc, variables);
        },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------
// Mutations: rejected writes change nothing, accepted ones store strings byte for byte
// ---------------------------------------------------------------------------------------------

type Outcome = { accepted: true; data: Json } | { accepted: false; why: string };

/** Whether a mutation field was accepted (its Success member) or refused (error member or error). */
function outcomeOf(r: Reply, field: string): Outcome {
  const data = isRecord(r.body) && isRecord(r.body.data) ? r.body.data : {};
  const result = data[field];
  if (isRecord(result) && String(result.__typename).endsWith("Success")) {
    return { accepted: true, data: isRecord(result.data) ? result.data : {} };
  }
  const codes = errorsOf(r).map((e) => String(codeOf(e)));
  const why = isRecord(result) ? String(result.__typename) : codes.join(",") || "no result";
  return { accepted: false, why };
}

const TALLY = new Map<string, { accepted: number; refused: Record<string, number> }>();
afterAll(() => {
  if (process.env.FC_TALLY) console.log(JSON.stringify(Object.fromEntries(TALLY), null, 1));
});

/** Checks a write: refused -> graph unchanged; accepted -> `verify`, then the fixture is restored. */
async function checkWrite(
  field: string,
  doc: string,
  variables: Json,
  authorization: string | undefined,
  verify: (data: Json) => Promise<void>,
): Promise<Outcome> {
  const before = await fingerprint();
  const r = await gql(doc, variables, authorization);
  expectSane(r, label(doc, variables));
  const outcome = outcomeOf(r, field);
  const key = `${field} (${expect.getState().currentTestName?.split(" > ").at(-1)?.slice(0, 40)})`;
  const t = TALLY.get(key) ?? { accepted: 0, refused: {} };
  if (outcome.accepted) t.accepted += 1;
  else t.refused[outcome.why] = (t.refused[outcome.why] ?? 0) + 1;
  TALLY.set(key, t);
  if (!outcome.accepted) {
    await expectUnchanged(before, `a refused ${field} (${outcome.why}) ${label(doc, variables)}`);
    return outcome;
  }
  try {
    await verify(outcome.data);
  } finally {
    await restore();
  }
  return outcome;
}

const ENTITY_FIELDS = (k: Kind) => {
  const type = schema.getType(k);
  if (!isObjectType(type)) return [];
  const fields = type.getFields();
  return Object.keys(KINDS[k].properties).filter((p) => {
    const f = fields[p];
    const named = f ? getNamedType(f.type) : undefined;
    return named !== undefined && isScalarType(named) && f?.args.length === 0;
  });
};

/** Reads an entity back through GraphQL: its strings and its kind's scalar properties. */
async function readEntity(key: string): Promise<Json | null> {
  const fragments = KIND_NAMES.map((k) =>
    ENTITY_FIELDS(k).length ? `... on ${k} { ${ENTITY_FIELDS(k).join(" ")} }` : "",
  ).join(" ");
  const q = `query($key: String!) { entity(key: $key) { key kind name aliases description ${fragments} } }`;
  const r = await saneQuery(q, { key });
  const data = isRecord(r.body) && isRecord(r.body.data) ? r.body.data : {};
  return isRecord(data.entity) ? data.entity : null;
}

const trimmed = (s: string) => s.trim();

/** Names as validation accepts them: trimmed, 1 to 500 characters. */
const name = fc.oneof(
  { arbitrary: wellFormedString, weight: 3 },
  { arbitrary: wellFormedString.map((s) => `N${s}N`), weight: 3 },
  { arbitrary: fc.constantFrom("Ann", "\u202eevil\u202c", "a\u0000b", "😀", "e\u0301"), weight: 1 },
);

/** Strings to store, long ones (past Neo4j's index entry limit of about 8 kB) more often. */
const storedString = fc.oneof(
  { arbitrary: wellFormedString, weight: 3 },
  {
    arbitrary: fc.constantFrom(
      "x".repeat(4_000),
      "x".repeat(8_200),
      "é".repeat(5_000),
      "x".repeat(10_000),
      "€".repeat(100_000),
      "a".repeat(1_000_000),
    ),
    weight: 1,
  },
);

/** Hostile values for one kind's own properties, by property type. */
function propertiesFor(k: Kind): fc.Arbitrary<Json> {
  const specs = KINDS[k].properties as Record<string, { type: string; values?: readonly string[] }>;
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [p, spec] of Object.entries(specs)) {
    switch (spec.type) {
      case "number":
        shape[p] = fc.oneof(float, notAString);
        break;
      case "integer":
        shape[p] = fc.oneof(int32, float, notAnInt);
        break;
      case "boolean":
        shape[p] = fc.oneof(fc.boolean(), hostileString);
        break;
      case "partialDate":
        shape[p] = fc.oneof(fc.constantFrom("2022", "2022-03", "2022-03-08"), hostileDate);
        break;
      case "url":
        shape[p] = fc.oneof(
          wellFormedString,
          { arbitrary: storedString.map((s) => `https://example.com/${s}`), weight: 2 },
          fc.constantFrom(
            "javascript:alert(1)",
            "file:///etc/passwd",
            "http://[::1]/",
            "https://exa mple.com",
          ),
        );
        break;
      case "enum":
        shape[p] = fc.oneof(
          { arbitrary: fc.constantFrom(...(spec.values ?? [])), weight: 2 },
          hostileString,
        );
        break;
      default:
        shape[p] = storedString;
    }
  }
  const extra = fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 });
  return fc.oneof(
    { arbitrary: fc.record(shape, { requiredKeys: [] }), weight: 4 },
    { arbitrary: extra, weight: 1 },
  );
}

/** Checks what an accepted createEntity / ingest stored against what was sent. */
function expectEntity(
  stored: Json | null,
  sent: { name: string; aliases?: string[] | null; description?: string | null; properties?: Json },
  k: Kind,
  what: string,
) {
  if (!stored) throw new Error(`${what}: accepted, but cannot be read back`);
  expectSameString(stored.name, trimmed(sent.name), `${what} name (trimmed)`);
  const aliases = (sent.aliases ?? []).map(trimmed);
  const got = Array.isArray(stored.aliases) ? stored.aliases : [];
  if (got.length !== aliases.length) {
    throw new Error(`${what} aliases: sent ${show(aliases)}, stored ${show(got)}`);
  }
  aliases.forEach((a, i) => {
    expectSameString(got[i], a, `${what} alias ${i} (trimmed)`);
  });
  expectSameString(stored.description, sent.description ?? null, `${what} description`);
  for (const p of ENTITY_FIELDS(k)) {
    const value = sent.properties?.[p];
    if (typeof value === "string") {
      // Ingest repairs a quotation's text (damaged quotes, trailing spaces); a mutation stores
      // exactly what it was sent.
      const expected =
        k === "Quote" && p === "text" && what.startsWith("ingested") ? repairText(value) : value;
      expectSameString(stored[p], expected, `${what} ${k}.${p}`);
    } else if (typeof value === "number" && stored[p] !== value) {
      throw new Error(`${what} ${k}.${p}: sent ${value}, stored ${show(stored[p])}`);
    }
  }
}

const CREATE = `mutation($input: CreateEntityInput!) { createEntity(input: $input) {
  __typename ... on CreateEntitySuccess { data { key } } ... on Error { code message } } }`;

let counter = 0;
const fresh = (tag: string) => `${P}${tag}-${++counter}`;

describe("mutations: refused writes change nothing, accepted ones store strings byte for byte", () => {
  it(
    "createEntity: hostile key, name, aliases, description",
    async () => {
      const arb = fc.record(
        {
          key: fc.oneof(
            { arbitrary: fc.constant(""), weight: 3 }, // "": a fresh valid key, below
            { arbitrary: writeKey(P, FIXTURE_KEYS), weight: 1 },
          ),
          kind,
          name,
          aliases: fc.option(fc.array(name, { maxLength: 3 }), { nil: null }),
          description: fc.option(wellFormedString, { nil: null }),
        },
        { requiredKeys: ["key", "kind", "name"] },
      );
      await holds(
        arb,
        async (input) => {
          const sent = { ...input, key: input.key || fresh("create") };
          await checkWrite("createEntity", CREATE, { input: sent }, bearer("write"), async () => {
            expectEntity(await readEntity(sent.key), sent, sent.kind, "createEntity");
          });
        },
        WRITE_RUNS,
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "createEntity: lone surrogates in name, aliases, description are refused or stored unchanged",
    async () => {
      const arb = fc.record({
        kind,
        name: fc.oneof(surrogateString, fc.constant("Plain")),
        aliases: fc.array(fc.oneof(surrogateString, fc.constant("Alias")), { maxLength: 2 }),
        description: fc.oneof(surrogateString, fc.constant("plain")),
      });
      await holds(
        arb.filter((i) => ![i.name, i.description, ...i.aliases].every(isWellFormed)),
        async (input) => {
          const sent = { ...input, key: fresh("surrogate") };
          await checkWrite("createEntity", CREATE, { input: sent }, bearer("write"), async () => {
            expectEntity(await readEntity(sent.key), sent, sent.kind, "createEntity");
          });
        },
        Math.ceil(WRITE_RUNS / 2),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "createEntity: hostile values for every kind's own properties",
    async () => {
      const arb = kind.chain((k) =>
        propertiesFor(k).map((properties) => ({ kind: k, name: "Prop", properties })),
      );
      await holds(
        arb,
        async (input) => {
          const sent = { ...input, key: fresh("props") };
          await checkWrite("createEntity", CREATE, { input: sent }, bearer("write"), async () => {
            expectEntity(await readEntity(sent.key), sent, sent.kind, "createEntity");
          });
        },
        WRITE_RUNS,
        [{ kind: "Nation", name: "Prop", properties: { isoCode: PAST_INDEX_LIMIT } }],
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "updateEntity: hostile key, name, aliases, description, properties",
    async () => {
      const q = `mutation($key: String!, $input: UpdateEntityInput!) { updateEntity(key: $key, input: $input) {
        __typename ... on UpdateEntitySuccess { data { key } } ... on Error { code message } } }`;
      const arb = fc.record({
        key: fc.oneof(
          { arbitrary: fc.constantFrom(`${P}ann`, `${P}freedonia`), weight: 3 },
          { arbitrary: writeKey(P, FIXTURE_KEYS), weight: 1 },
        ),
        input: fc.record(
          {
            name: fc.oneof(name, fc.constant(null)),
            aliases: fc.option(fc.array(name, { maxLength: 3 }), { nil: null }),
            description: fc.option(wellFormedString, { nil: null }),
            properties: fc.oneof(propertiesFor("Nation"), fc.constant({ isoCode: null })),
          },
          { requiredKeys: [] },
        ),
      });
      await holds(
        arb,
        async ({ key, input }) => {
          await checkWrite("updateEntity", q, { key, input }, bearer("write"), async () => {
            const stored = await readEntity(key);
            if (!stored) throw new Error("updateEntity: accepted, but cannot be read");
            if (typeof input.name === "string") {
              expectSameString(stored.name, trimmed(input.name), "updateEntity name (trimmed)");
            }
            if ("aliases" in input) {
              expect(stored.aliases).toEqual((input.aliases ?? []).map(trimmed));
            }
            if ("description" in input) {
              expectSameString(stored.description, input.description ?? null, "description");
            }
            const iso = isRecord(input.properties) ? input.properties.isoCode : undefined;
            if (key === `${P}freedonia` && typeof iso === "string") {
              expectSameString(stored.isoCode, iso, "updateEntity Nation.isoCode");
            }
          });
        },
        WRITE_RUNS,
        [{ key: `${P}freedonia`, input: { properties: { isoCode: PAST_INDEX_LIMIT } } }],
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "deleteEntity: hostile keys with an admin token; never done without one",
    async () => {
      const q = `mutation($key: String!) { deleteEntity(key: $key) {
        __typename ... on DeleteEntitySuccess { data { key deleted relationsRemoved } } ... on Error { code message } } }`;
      const arb = fc.record({
        key: fc.oneof(
          { arbitrary: fc.constantFrom(`${P}gone`, `${P}ann`), weight: 2 },
          { arbitrary: writeKey(P, FIXTURE_KEYS), weight: 3 },
        ),
        who: fc.constantFrom("admin", "admin", "write", "read", "none"),
      });
      await holds(
        arb,
        async ({ key, who }) => {
          const auth = who === "none" ? undefined : bearer(who as keyof typeof tokens);
          const before = await fingerprint();
          const outcome = await checkWrite("deleteEntity", q, { key }, auth, async (data) => {
            if (data.deleted === true) {
              expect(await readEntity(key)).toBeNull();
            } else {
              await expectUnchanged(before, `deleteEntity of a missing key ${show(key)}`);
            }
          });
          if (who !== "admin" && outcome.accepted) {
            throw new Error(`deleteEntity done with a ${who} token`);
          }
        },
        WRITE_RUNS,
      );
    },
    PROPERTY_TIMEOUT,
  );

  /** Code-point-aligned substrings of the fixture text: excerpts that must be accepted. */
  const textPoints = [...TEXT];
  const excerpt = fc
    .tuple(fc.nat(textPoints.length - 1), fc.integer({ min: 1, max: 60 }))
    .map(([start, n]) => textPoints.slice(start, start + n).join(""));

  const relationEnds = {
    from: fc.oneof(
      { arbitrary: fc.constantFrom(`${P}ann`, `${P}freedonia`, `${P}gone`), weight: 3 },
      { arbitrary: writeKey(P, FIXTURE_KEYS), weight: 1 },
    ),
    to: fc.oneof(
      { arbitrary: fc.constantFrom(`${P}freedonia`, `${P}ann`, `${P}gone`, "latvia"), weight: 3 },
      { arbitrary: writeKey(P, FIXTURE_KEYS), weight: 1 },
    ),
  };

  it(
    "addRelation: hostile ends, properties, evidence source and excerpt",
    async () => {
      const q = `mutation($input: AddRelationInput!) { addRelation(input: $input) {
        __typename ... on AddRelationSuccess { data { id } } ... on Error { code message } } }`;
      const date = fc.oneof(fc.constantFrom("2022", "2022-03", "2022-03-08"), hostileDate);
      const relationProps = fc.oneof(
        { arbitrary: fc.constant({}), weight: 3 },
        { arbitrary: fc.record({ role: storedString }), weight: 2 },
        { arbitrary: fc.record({ date }), weight: 2 },
        { arbitrary: fc.record({ since: date, until: date }, { requiredKeys: [] }), weight: 1 },
        fc.record(
          {
            role: wellFormedString,
            request: wellFormedString,
            unit: wellFormedString,
            troops: fc.oneof(int32, float),
            value: float,
            year: int32,
            estimated: fc.oneof(fc.boolean(), hostileString),
            since: hostileDate,
            until: hostileDate,
            date: hostileDate,
          },
          { requiredKeys: [] },
        ),
        fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }),
      );
      /** Ends and types the vocabulary allows between the fixture's entities, and any others. */
      const ends = fc.oneof(
        {
          arbitrary: fc.constantFrom(
            { from: `${P}ann`, type: "VISITED", to: "latvia" },
            { from: `${P}ann`, type: "VISITED", to: `${P}gone` },
            { from: `${P}ann`, type: "VISITED", to: `${P}freedonia` },
            { from: `${P}ann`, type: "LEADS", to: `${P}freedonia` },
            { from: `${P}ann`, type: "SERVES_IN", to: `${P}freedonia` },
            { from: `${P}gone`, type: "PART_OF", to: `${P}freedonia` },
            { from: `${P}gone`, type: "LOCATED_IN", to: "latvia" },
          ),
          weight: 3,
        },
        fc.record({ from: relationEnds.from, type: relationType, to: relationEnds.to }),
      );
      const arb = fc.record(
        {
          ends,
          properties: relationProps,
          inferred: fc.boolean(),
          evidence: fc.record({
            source: fc.oneof(
              { arbitrary: fc.constant(SOURCE), weight: 8 },
              { arbitrary: fc.constant(SEED_KEYS.Source), weight: 1 },
              { arbitrary: writeKey(P, FIXTURE_KEYS), weight: 1 },
              { arbitrary: hostileString, weight: 1 },
            ),
            excerpt: fc.oneof(
              { arbitrary: excerpt, weight: 3 },
              { arbitrary: wellFormedString, weight: 1 },
            ),
          }),
        },
        { requiredKeys: ["ends", "evidence"] },
      );
      await holds(
        arb.map(({ ends: e, ...rest }) => ({ ...e, ...rest })),
        async (input) => {
          await checkWrite("addRelation", q, { input }, bearer("write"), async () => {
            const read = `query($key: String!, $types: [RelationType!]) { entity(key: $key) {
              relations(types: $types, direction: OUT, first: 100) { edges { node { key } properties evidence { excerpt source { key } } } } } }`;
            const r = await saneQuery(read, { key: input.from, types: [input.type] });
            const { data } = r.body as {
              data: {
                entity: {
                  relations: {
                    edges: { node: { key: string }; properties: Json; evidence: Json[] }[];
                  };
                };
              };
            };
            const edge = data.entity.relations.edges.find((e) => e.node.key === input.to);
            if (!edge) throw new Error("addRelation: accepted, but the relation cannot be read");
            const want = repairText(input.evidence.excerpt);
            const found = edge.evidence.find(
              (e) =>
                e.excerpt === want && isRecord(e.source) && e.source.key === input.evidence.source,
            );
            if (!found) {
              expectSameString(
                edge.evidence.at(-1)?.excerpt,
                want,
                "addRelation evidence excerpt (repaired)",
              );
            }
            for (const [p, v] of Object.entries(input.properties ?? {})) {
              if (typeof v === "string") {
                expectSameString(edge.properties[p], v, `addRelation property ${p}`);
              }
            }
          });
        },
        WRITE_RUNS,
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "removeRelation: hostile ends; removing nothing changes nothing",
    async () => {
      const q = `mutation($from: String!, $type: RelationType!, $to: String!) { removeRelation(from: $from, type: $type, to: $to) {
        __typename ... on RemoveRelationSuccess { data { removed } } ... on Error { code message } } }`;
      const arb = fc.record({ from: relationEnds.from, type: relationType, to: relationEnds.to });
      await holds(
        arb,
        async (v) => {
          const before = await fingerprint();
          await checkWrite("removeRelation", q, v, bearer("write"), async (data) => {
            if (data.removed !== true) {
              await expectUnchanged(before, `removeRelation of nothing ${show(v)}`);
            }
          });
        },
        WRITE_RUNS,
      );
    },
    PROPERTY_TIMEOUT,
  );

  const INGEST = `mutation($document: JSONObject!) { ingestDocument(document: $document) {
    __typename ... on IngestDocumentSuccess { data { source } } ... on Error { code message } } }`;

  /** A document: prefixed or hostile keys, hostile names, texts and excerpts of its own text. */
  function documentArb(props: boolean) {
    const entityKey = fc.oneof(
      { arbitrary: slug.map((s) => `${P}e-${s}`), weight: 5 },
      { arbitrary: writeKey(P, FIXTURE_KEYS), weight: 1 },
    );
    const textArb = fc
      .array(fc.oneof(wellFormedString, fc.constantFrom("Ann leads Freedonia.", "A said B.")), {
        minLength: 1,
        maxLength: 4,
      })
      .map((parts) => parts.join(" "));
    const relation = fc.record({
      from: fc.nat(3),
      type: relationType,
      to: fc.oneof(fc.nat(3), fc.constant(-1)),
      evidence: fc.oneof(fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 40 })), wellFormedString),
    });
    return fc
      .record({
        sourceKey: fc.oneof(
          { arbitrary: slug.map((s) => `${P}doc-${s}`), weight: 3 },
          { arbitrary: writeKey(P, FIXTURE_KEYS), weight: 1 },
        ),
        sourceName: name,
        text: textArb,
        sourceProps: props ? propertiesFor("Source") : fc.constant<Json>({}),
        entities: fc.array(
          kind
            .filter((k) => k !== "Source")
            .chain((k) =>
              fc.record(
                {
                  key: entityKey,
                  kind: fc.constant(k),
                  name,
                  aliases: fc.array(name, { maxLength: 2 }),
                  description: wellFormedString,
                  properties: props ? propertiesFor(k) : fc.constant<Json>({}),
                },
                { requiredKeys: ["key", "kind", "name"] },
              ),
            ),
          { maxLength: props ? 1 : 3 },
        ),
        relations: props
          ? fc.array(relation, { maxLength: 0 })
          : fc.oneof(
              { arbitrary: fc.array(relation, { maxLength: 0 }), weight: 2 },
              { arbitrary: fc.array(relation, { minLength: 1, maxLength: 2 }), weight: 1 },
            ),
      })
      .map((d) => {
        const keys = [d.sourceKey, ...d.entities.map((e) => e.key)];
        const points = [...d.text];
        return {
          source: {
            key: d.sourceKey,
            name: d.sourceName,
            properties: { ...d.sourceProps, text: d.text } as Json & { text: string },
          },
          entities: d.entities,
          relations: d.relations.map((r) => ({
            from: keys[r.from % keys.length],
            type: r.type,
            to: r.to < 0 ? "latvia" : keys[r.to % keys.length],
            evidence:
              typeof r.evidence === "string"
                ? r.evidence
                : points
                    .slice(r.evidence[0] % points.length)
                    .slice(0, r.evidence[1])
                    .join(""),
          })),
        };
      });
  }

  type Doc = ReturnType<typeof documentArb> extends fc.Arbitrary<infer D> ? D : never;

  async function verifyDocument(doc: Doc) {
    const src = await readEntity(doc.source.key);
    const props = { ...doc.source.properties, text: repairText(doc.source.properties.text) };
    expectEntity(src, { ...doc.source, properties: props }, "Source", "ingested source");
    for (const e of doc.entities) {
      if (doc.entities.filter((x) => x.key === e.key).length > 1) continue;
      expectEntity(await readEntity(e.key), e, e.kind, `ingested ${e.kind}`);
    }
  }

  it(
    "ingestDocument: hostile keys, names, aliases, descriptions, texts and excerpts",
    async () => {
      await holds(
        documentArb(false),
        async (document) => {
          await checkWrite("ingestDocument", INGEST, { document }, bearer("write"), () =>
            verifyDocument(document),
          );
        },
        WRITE_RUNS,
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "ingestDocument: hostile values for the source's and entities' own properties",
    async () => {
      await holds(
        documentArb(true),
        async (document) => {
          await checkWrite("ingestDocument", INGEST, { document }, bearer("write"), () =>
            verifyDocument(document),
          );
        },
        WRITE_RUNS,
        [
          {
            source: {
              key: `${P}doc-long`,
              name: "Long",
              properties: { title: PAST_INDEX_LIMIT, text: "Long." },
            },
            entities: [],
            relations: [],
          },
        ],
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "ingestDocument: arbitrary JSON objects, and documents with one part replaced by junk",
    async () => {
      const junk = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        hostileString,
        fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      );
      const arb = fc.oneof(
        fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
        fc
          .tuple(
            documentArb(false),
            fc.constantFrom("source", "entities", "relations", "source.properties", "extra"),
            junk,
          )
          .map(([doc, where, value]) => {
            const copy: Json = JSON.parse(JSON.stringify(doc)) as Json;
            if (where === "source.properties" && isRecord(copy.source)) {
              copy.source.properties = value;
            } else copy[where] = value;
            return copy;
          }),
      );
      await holds(
        arb,
        async (document) => {
          await checkWrite("ingestDocument", INGEST, { document }, bearer("write"), async () => {
            // Accepted junk must still be a whole document; nothing to compare byte for byte here.
          });
        },
        WRITE_RUNS,
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    "every mutation with a hostile, unknown or insufficient Authorization header: refused, nothing written",
    async () => {
      const latin1 = fc.string({
        unit: fc
          .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }))
          .map((c) => String.fromCharCode(c)),
        maxLength: 60,
      });
      const w = tokens.write.token;
      const header = fc.oneof(
        fc.constantFrom(
          "",
          "Bearer",
          "Bearer ",
          `Bearer ${w}x`,
          `Bearer ${w.slice(0, -1)}`,
          `Bearer ${w.toUpperCase()}`,
          `Bearer ${w} ${w}`,
          `Bearer "${w}"`,
          `Basic ${Buffer.from(`x:${w}`).toString("base64")}`,
          `Token ${w}`,
          `${w}`,
          "Bearer agt_",
          `Bearer agt_${"a".repeat(10_000)}`,
          "Bearer ') DETACH DELETE n //",
          "Bearer null",
          "Bearer undefined",
        ),
        latin1,
        latin1.map((s) => `Bearer ${s}`),
        fc.constant(bearer("read")),
      );
      const docs = [
        {
          field: "createEntity",
          doc: CREATE,
          variables: { input: { key: `${P}auth`, kind: "Person", name: "Auth" } },
        },
        {
          field: "updateEntity",
          doc: `mutation($key: String!) { updateEntity(key: $key, input: { name: "Changed" }) { __typename } }`,
          variables: { key: `${P}ann` },
        },
        {
          field: "deleteEntity",
          doc: `mutation($key: String!) { deleteEntity(key: $key) { __typename } }`,
          variables: { key: `${P}gone` },
        },
        {
          field: "addRelation",
          doc: `mutation($input: AddRelationInput!) { addRelation(input: $input) { __typename } }`,
          variables: {
            input: {
              from: `${P}ann`,
              type: "VISITED",
              to: `${P}freedonia`,
              evidence: { source: SOURCE, excerpt: "Ann" },
            },
          },
        },
        {
          field: "removeRelation",
          doc: `mutation($from: String!, $to: String!) { removeRelation(from: $from, type: LEADS, to: $to) { __typename } }`,
          variables: { from: `${P}ann`, to: `${P}freedonia` },
        },
        {
          field: "ingestDocument",
          doc: INGEST,
          variables: {
            document: {
              source: { key: `${P}auth-doc`, name: "Doc", properties: { text: "Bo." } },
            },
          },
        },
      ];
      await holds(
        fc.tuple(fc.constantFrom(...docs), fc.oneof(header, fc.constant(bearer("write")))),
        async ([m, authorization]) => {
          // deleteEntity with a write token is insufficient too.
          if (authorization === bearer("write") && m.field !== "deleteEntity") return;
          const before = await fingerprint();
          const r = await gql(m.doc, m.variables, authorization);
          expectSane(r, `${m.field} with Authorization ${show(authorization)}`);
          const codes = errorsOf(r).map(codeOf);
          expect(
            codes.length,
            `${m.field} with ${show(authorization)}: not refused`,
          ).toBeGreaterThan(0);
          for (const c of codes) expect(["UNAUTHENTICATED", "FORBIDDEN"]).toContain(c);
          await expectUnchanged(before, `${m.field} with Authorization ${show(authorization)}`);
        },
        WRITE_RUNS,
      );
    },
    PROPERTY_TIMEOUT,
  );
});

// ---------------------------------------------------------------------------------------------
// Requests that are hostile themselves: a JSON error below 500, whatever limits apply
// ---------------------------------------------------------------------------------------------

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
  /** A 406 without a body is a fair answer (nothing acceptable to send). */
  notAcceptable?: boolean;
}

/**
 * The answer to a hostile request: below 500 and JSON (data, or errors when the request was
 * invalid), never INTERNAL_SERVER_ERROR. Codes are not required here: limits and transport
 * errors may come from plugins with codes of their own.
 */
function expectHandled(r: Reply, request: string, mustError: boolean, notAcceptable = false) {
  const problems: string[] = [];
  if (r.status >= 500) problems.push(`HTTP ${r.status}`);
  if (notAcceptable && r.status === 406) return;
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
    error: false,
    notAcceptable: true,
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
      expectHandled(r, c.name, c.error, c.notAcceptable);
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
