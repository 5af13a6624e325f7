/**
 * What the property-based bad-input tests share (test/integration/property-*.int.test.ts): the
 * tokens and the app they call, sending requests as real clients do and judging the answers, the
 * graph's fingerprint, the fixture they write around, and the schema as the generators see it.
 *
 * Replay a failure with FC_SEED=<seed> (and FC_PATH=<path>) from the failure message.
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { getNamedType, isEnumType, isInputObjectType, isObjectType } from "graphql";
import { generateToken, type TokenEntry } from "../../src/auth/tokens.js";
import { ingestDocument } from "../../src/data/ingest.js";
import { readDocumentFile, seedFiles } from "../../src/data/seed.js";
import { KIND_NAMES, KINDS, type Kind } from "../../src/domain/vocabulary.js";
import { schema } from "../../src/graphql/index.js";
import {
  float,
  hostileDate,
  hostileString,
  int32,
  readKey,
  SEED_KEYS,
  shorten,
  show,
} from "./arbitraries.js";
import { createClient, cypher, testDb } from "./client.js";

/**
 * The suite's database, shared by the property files: they run in one module graph (the graph
 * project is not isolated), so no file closes it; the driver goes with the test worker.
 */
export const db = testDb();

export const P = "prop-";

/** Runs per property; FC_RUNS overrides (e.g. 500 for a long hunt). */
export const RUNS = Number(process.env.FC_RUNS ?? 40);

export const WRITE_RUNS = Number(process.env.FC_RUNS ?? 30);

export const PROPERTY_TIMEOUT = 120_000;

export const tokens = { read: generateToken(), write: generateToken(), admin: generateToken() };

const entries: TokenEntry[] = (["read", "write", "admin"] as const).map((s) => ({
  name: `${P}${s}`,
  sha256: tokens[s].sha256,
  scopes: [s],
}));

const { app } = createClient(db, { tokens: entries });

export const bearer = (s: keyof typeof tokens) => `Bearer ${tokens[s].token}`;

export const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

/** Longer than a Neo4j range-index entry may be (about 8 kB). */
export const PAST_INDEX_LIMIT = "x".repeat(10_000);

export interface Reply {
  status: number;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  body: unknown;
}

export type Json = Record<string, unknown>;

export const isRecord = (x: unknown): x is Json =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/** Sends a raw request to the app; the app throwing instead of answering is a crash. */
export async function send(init: {
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
export function gql(query: string, variables: Json, authorization?: string): Promise<Reply> {
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

export function errorsOf(r: Reply): Json[] {
  return isRecord(r.body) && Array.isArray(r.body.errors) ? r.body.errors.filter(isRecord) : [];
}

export function codeOf(e: Json): unknown {
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
export function expectSane(r: Reply, request: string): void {
  const v = violations(r);
  if (v.length > 0) throw new Error(`${v.join("; ")} (HTTP ${r.status})\n  request: ${request}`);
}

export const label = (query: string, variables: Json) =>
  `${shorten(query.replace(/\s+/g, " "), 300)} variables ${show(variables)}`;

/** Sends and checks sanity; returns the reply. */
export async function saneQuery(
  query: string,
  variables: Json,
  authorization?: string,
): Promise<Reply> {
  const r = await gql(query, variables, authorization);
  expectSane(r, label(query, variables));
  return r;
}

/** Runs a property; on failure reports a shortened counterexample and how to replay it. */
export async function holds<T>(
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
  // interruptAfterTimeLimit stops waiting for a run but does not stop it: the run in flight
  // (a write, or the fixture's restore) is awaited below, so it cannot overlap the next test.
  let inFlight: Promise<unknown> = Promise.resolve();
  const tracked = (value: T) => {
    const run = predicate(value);
    inFlight = run.catch(() => {});
    return run;
  };
  const details = await fc.check(fc.asyncProperty(arb, tracked), {
    numRuns,
    ...(seed !== undefined ? { seed } : {}),
    ...(path ? { path } : {}),
    // Shrinking talks to the database: bound it, and report the smallest case found so far.
    interruptAfterTimeLimit: 20_000,
  });
  await inFlight;
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
export function expectSameString(actual: unknown, expected: string | null, what: string): void {
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
export async function fingerprint(): Promise<{ nodes: number; rels: number; hash: string }> {
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

export async function expectUnchanged(
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

export const SOURCE = `${P}source`;

/** A source text full of hostile characters (no `†`, `â€` or trailing blanks, which ingest repairs). */
export const TEXT = [
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

export const FIXTURE_KEYS = [`${P}ann`, `${P}freedonia`, `${P}gone`, SOURCE] as const;

export async function cleanUp(): Promise<void> {
  await cypher(db, "MATCH (n:Entity) WHERE n.key STARTS WITH $p DETACH DELETE n", { p: P });
}

/** Puts the fixture back as it was (after an accepted write changed it). */
export async function restore(): Promise<void> {
  await cleanUp();
  await ingestDocument(db, { roundTrips: 0 }, FIXTURE, "fixture");
}

function enumValues(name: string): string[] {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum`);
  return type.getValues().map((v) => v.name);
}

const RELATION_TYPES = enumValues("RelationType");

export const relationType = fc.constantFrom(...RELATION_TYPES);

export const kind = fc.constantFrom(...KIND_NAMES);

/** Every relation connection on an entity: `relations` and the typed fields (Nation.leaders ...). */
export const RELATION_FIELDS: { kind: Kind; field: string }[] = KIND_NAMES.flatMap((k) => {
  const type = schema.getType(k);
  if (!isObjectType(type)) return [];
  return Object.values(type.getFields())
    .filter((f) => f.args.some((a) => a.name === "asOf"))
    .map((f) => ({ kind: k, field: f.name }));
});

const PAGE_INFO = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";

export interface Connection {
  label: string;
  relation: boolean;
  /** The operation, given variable declarations and the arguments to pass. */
  doc: (decl: string, args: string) => string;
}

export const CONNECTIONS: Connection[] = [
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

export const connection = fc.constantFrom(...CONNECTIONS);

export const relationConnection = fc.constantFrom(...CONNECTIONS.filter((c) => c.relation));

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
export function whereFields(k: Kind): string[] {
  const type = schema.getType(`${k}Where`);
  if (!isInputObjectType(type)) throw new Error(`${k}Where is not an input type`);
  return Object.values(type.getFields())
    .filter((f) => getNamedType(f.type).name in FILTERS)
    .map((f) => f.name);
}

export function whereArb(k: Kind): fc.Arbitrary<Json> {
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

export function orderArb(k: Kind): fc.Arbitrary<Json[]> {
  const fields = enumValues(`${k}OrderField`);
  return fc.array(
    fc.record({ field: fc.constantFrom(...fields), direction: fc.constantFrom("ASC", "DESC") }),
    { maxLength: 4 },
  );
}
