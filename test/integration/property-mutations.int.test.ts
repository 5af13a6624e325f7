/**
 * Bad input to mutations, property-based (fast-check), always as GraphQL variables:
 *
 * - the answer is never a 5xx and never a crash, every error carries an expected code;
 * - a rejected write leaves the graph exactly as it was (nodes, relationships, every property);
 * - an accepted write stores its strings byte for byte (names compared as the README says they
 *   are stored: NFC, invisible characters out, spaces one space, trimmed; source texts and
 *   evidence compared after `repairText`, as ingest repairs them).
 *
 * Shared parts: test/helpers/property.ts. Replay a failure with FC_SEED=<seed> (and
 * FC_PATH=<path>) from the failure message.
 */

import fc from "fast-check";
import { getNamedType, isObjectType, isScalarType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldName } from "../../src/domain/fold.js";
import { repairText } from "../../src/domain/repair.js";
import { KIND_NAMES, KINDS, type Kind } from "../../src/domain/vocabulary.js";
import { schema } from "../../src/graphql/index.js";
import {
  float,
  hostileDate,
  hostileString,
  int32,
  isWellFormed,
  notAnInt,
  notAString,
  SEED_KEYS,
  show,
  slug,
  surrogateString,
  wellFormedString,
  writeKey,
} from "../helpers/arbitraries.js";
import {
  bearer,
  cleanUp,
  codeOf,
  errorsOf,
  expectSameString,
  expectSane,
  expectUnchanged,
  FIXTURE_KEYS,
  fingerprint,
  gql,
  holds,
  isRecord,
  type Json,
  kind,
  label,
  P,
  PAST_INDEX_LIMIT,
  PROPERTY_TIMEOUT,
  type Reply,
  relationType,
  restore,
  SOURCE,
  saneQuery,
  TEXT,
  tokens,
  WRITE_RUNS,
} from "../helpers/property.js";

beforeAll(restore);
// The driver is property.ts's, shared by the property files (one module graph): not closed here.
afterAll(cleanUp);

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

/** A mutation to send: its field, document, variables and Authorization header. */
interface WriteRequest {
  field: string;
  doc: string;
  variables: Json;
  authorization: string | undefined;
}

/** Checks a write: refused -> graph unchanged; accepted -> `verify`, then the fixture is restored. */
async function checkWrite(
  { field, doc, variables, authorization }: WriteRequest,
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

/** A name as stored (README, "Documents"): NFC, no invisible characters, one space, trimmed. */
const asStored = (s: string) =>
  s
    .normalize("NFC")
    .replace(/[\u200B\u2060\uFEFF\u00AD]/g, "")
    .replace(/\s+/gu, " ")
    .trim();

/**
 * Aliases as stored: each as a name is, and those that then read the same but for case kept once
 * (the first given), so "AL", "AL " and "al" are one alias.
 */
const aliasesAsStored = (aliases: readonly string[] | null | undefined) =>
  (aliases ?? [])
    .map(asStored)
    .filter((a, i, all) => all.findIndex((b) => foldName(b) === foldName(a)) === i);

/** Names as validation accepts them: 1 to 500 characters once stored as above. */
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
  expectSameString(stored.name, asStored(sent.name), `${what} name (as stored)`);
  const aliases = aliasesAsStored(sent.aliases);
  const got = Array.isArray(stored.aliases) ? stored.aliases : [];
  if (got.length !== aliases.length) {
    throw new Error(`${what} aliases: sent ${show(aliases)}, stored ${show(got)}`);
  }
  aliases.forEach((a, i) => {
    expectSameString(got[i], a, `${what} alias ${i} (as stored)`);
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
          await checkWrite(
            {
              field: "createEntity",
              doc: CREATE,
              variables: { input: sent },
              authorization: bearer("write"),
            },
            async () => {
              expectEntity(await readEntity(sent.key), sent, sent.kind, "createEntity");
            },
          );
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
          await checkWrite(
            {
              field: "createEntity",
              doc: CREATE,
              variables: { input: sent },
              authorization: bearer("write"),
            },
            async () => {
              expectEntity(await readEntity(sent.key), sent, sent.kind, "createEntity");
            },
          );
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
          await checkWrite(
            {
              field: "createEntity",
              doc: CREATE,
              variables: { input: sent },
              authorization: bearer("write"),
            },
            async () => {
              expectEntity(await readEntity(sent.key), sent, sent.kind, "createEntity");
            },
          );
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
          await checkWrite(
            {
              field: "updateEntity",
              doc: q,
              variables: { key, input },
              authorization: bearer("write"),
            },
            async () => {
              const stored = await readEntity(key);
              if (!stored) throw new Error("updateEntity: accepted, but cannot be read");
              if (typeof input.name === "string") {
                expectSameString(
                  stored.name,
                  asStored(input.name),
                  "updateEntity name (as stored)",
                );
              }
              if ("aliases" in input) {
                expect(stored.aliases).toEqual(aliasesAsStored(input.aliases));
              }
              if ("description" in input) {
                expectSameString(stored.description, input.description ?? null, "description");
              }
              const iso = isRecord(input.properties) ? input.properties.isoCode : undefined;
              if (key === `${P}freedonia` && typeof iso === "string") {
                expectSameString(stored.isoCode, iso, "updateEntity Nation.isoCode");
              }
            },
          );
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
          const outcome = await checkWrite(
            { field: "deleteEntity", doc: q, variables: { key }, authorization: auth },
            async (data) => {
              if (data.deleted === true) {
                expect(await readEntity(key)).toBeNull();
              } else {
                await expectUnchanged(before, `deleteEntity of a missing key ${show(key)}`);
              }
            },
          );
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
          await checkWrite(
            { field: "addRelation", doc: q, variables: { input }, authorization: bearer("write") },
            async () => {
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
                  e.excerpt === want &&
                  isRecord(e.source) &&
                  e.source.key === input.evidence.source,
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
            },
          );
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
          await checkWrite(
            { field: "removeRelation", doc: q, variables: v, authorization: bearer("write") },
            async (data) => {
              if (data.removed !== true) {
                await expectUnchanged(before, `removeRelation of nothing ${show(v)}`);
              }
            },
          );
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
          await checkWrite(
            {
              field: "ingestDocument",
              doc: INGEST,
              variables: { document },
              authorization: bearer("write"),
            },
            () => verifyDocument(document),
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
          await checkWrite(
            {
              field: "ingestDocument",
              doc: INGEST,
              variables: { document },
              authorization: bearer("write"),
            },
            () => verifyDocument(document),
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
          await checkWrite(
            {
              field: "ingestDocument",
              doc: INGEST,
              variables: { document },
              authorization: bearer("write"),
            },
            async () => {
              // Accepted junk must still be a whole document; nothing to compare byte for byte here.
            },
          );
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
