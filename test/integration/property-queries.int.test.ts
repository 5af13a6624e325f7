/**
 * Bad input to queries, property-based (fast-check): every string, id and number argument of
 * every query is fed random and hostile values (unicode, NUL, lone surrogates, 1 MB strings,
 * Cypher / GraphQL / Lucene injection, huge and negative numbers), always as GraphQL variables,
 * as real clients send them. Whatever the input, the answer is never a 5xx nor a crash, and every
 * error carries an expected `extensions.code`, never INTERNAL_SERVER_ERROR. A test checks that
 * every such argument of the schema is fuzzed here. Shared parts: test/helpers/property.ts.
 *
 * Replay a failure with FC_SEED=<seed> (and FC_PATH=<path>) from the failure message.
 */
import fc from "fast-check";
import { type GraphQLField, getNamedType, isScalarType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KIND_NAMES, KINDS } from "../../src/domain/vocabulary.js";
import { schema } from "../../src/graphql/index.js";
import {
  cursor,
  globalId,
  hostileDate,
  hostileString,
  int32,
  notAnInt,
  notAString,
  readKey,
  SEED_KEYS,
} from "../helpers/arbitraries.js";
import {
  b64,
  bearer,
  CONNECTIONS,
  type Connection,
  cleanUp,
  connection,
  holds,
  kind,
  orderArb,
  P,
  PAST_INDEX_LIMIT,
  PROPERTY_TIMEOUT,
  RELATION_FIELDS,
  RUNS,
  relationConnection,
  relationType,
  restore,
  SOURCE,
  saneQuery,
  whereArb,
  whereFields,
} from "../helpers/property.js";

beforeAll(restore);
// The driver is property.ts's, shared by the property files (one module graph): not closed here.
afterAll(cleanUp);

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

  covers("Query.relation.id");
  it(
    "relation(id)",
    async () => {
      const q = `query($id: ID!) { relation(id: $id) { id type sourceCount
        claimsConnection(first: 2) { totalCount edges { node { excerpt } } } } }`;
      // Whole strings, and ids of three parts (keys, relation types, or anything) joined by |.
      const part = fc.oneof(readKey, fc.string({ maxLength: 12 }));
      const id = fc.oneof(
        readKey,
        fc
          .tuple(part, fc.oneof(relationType, fc.string({ maxLength: 12 })), part)
          .map((p) => p.join("|")),
        fc.array(part, { maxLength: 5 }).map((p) => p.join("|")),
      );
      await holds(
        id,
        async (id) => {
          await saneQuery(q, { id });
        },
        RUNS,
        [`${P}ann|LEADS|${P}freedonia`, "||", "a|LEADS|", "|LEADS|b", PAST_INDEX_LIMIT],
      );
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

  covers("Query.checkDocument.supersedes");
  it(
    "checkDocument(document, supersedes)",
    async () => {
      const q = `query($d: JSONObject!, $s: String) {
        checkDocument(document: $d, supersedes: $s) { __typename } }`;
      const d = {
        source: { key: `${P}sup-doc`, name: "A correction", properties: { text: "Ann wrote." } },
        entities: [],
        relations: [],
      };
      await holds(
        fc.option(fc.oneof(readKey, fc.constant(SOURCE), fc.constant(`${P}sup-doc`)), {
          nil: null,
        }),
        async (s) => {
          await saneQuery(q, { d, s }, bearer("write"));
        },
      );
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
