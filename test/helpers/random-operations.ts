/**
 * Random GraphQL operations built from the schema as shipped (schema/schema.graphql): a root
 * field, a few of its arguments as variables with values of their types (mostly ordinary ones,
 * some hostile), and a random selection a few levels deep through interfaces and unions. Read
 * only (Query) unless `mutations` is given. The same seed gives the same operations.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildSchema,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isUnionType,
} from "graphql";
import { PROJECT_ROOT } from "../../src/paths.js";
import { post, type ShippedServer } from "./shipped.js";

export type RandomOperation = {
  query: string;
  variables: Record<string, unknown>;
};

const schema = buildSchema(readFileSync(join(PROJECT_ROOT, "schema", "schema.graphql"), "utf8"));

/** Values a client sends, by what the argument or field is named for: keys, dates, words. */
const KEYS = [
  "canada",
  "nato",
  "justin-trudeau",
  "latvia",
  "operation-reassurance",
  "jens-stoltenberg",
];
const WORDS = ["Trudeau", "Canada", "NATO", "Latvia", "troops", "2 %"];
const ordinary = (name: string): string[] =>
  /key|^(from|to|of|by|entity|source)$/i.test(name)
    ? KEYS
    : /date|asof|since|until|period|^at$/i.test(name)
      ? DATES
      : WORDS;
/** Values a careless or hostile client sends. */
const HOSTILE = [
  "",
  "nope-key",
  "Canada ",
  "a".repeat(300),
  "ключ",
  "x y",
  "-",
  "canada\u0000",
  "../etc",
  "2022-13-01",
  "*",
  "~",
  "\\",
  '"',
  "' OR 1=1",
  "name:*",
  "🇨🇦",
  "null",
  "2026-12-06T00:00:00Z",
];
const HOSTILE_INTS = [-1, 101, 1000, 2147483647, -2147483648];
const DATES = ["2022-03-16", "2022", "2021-06", "2026-11-16"];
const HOSTILE_DATES = ["0000-01-01", "9999-12-31", "2022-02-30", "yesterday", ""];

/** mulberry32: a small seeded generator. */
function generator(seed: number) {
  let s = seed | 0;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
}

export function randomOperations(
  count: number,
  {
    seed = 1,
    hostile = 0.2,
    mutations = false,
  }: { seed?: number; hostile?: number; mutations?: boolean } = {},
): RandomOperation[] {
  const { next, pick } = generator(seed);
  const odd = () => next() < hostile;

  const value = (type: GraphQLInputType, depth: number, name: string): unknown => {
    if (isNonNullType(type)) return value(type.ofType, depth, name);
    if (odd() && next() < 0.3) return null;
    if (isListType(type))
      return Array.from({ length: Math.floor(next() * 3) }, () =>
        value(type.ofType, depth + 1, name),
      );
    if (isEnumType(type)) return pick(type.getValues()).name;
    if (isInputObjectType(type)) {
      const fields: Record<string, unknown> = {};
      if (depth > 3) return fields;
      for (const field of Object.values(type.getFields()))
        if (isNonNullType(field.type) || next() < 0.3)
          fields[field.name] = value(field.type, depth + 1, field.name);
      return fields;
    }
    switch (type.name) {
      case "Int":
        return odd() ? pick(HOSTILE_INTS) : pick([0, 1, 2, 3, 5]);
      case "Float":
        return odd() ? pick([1e300, -1e300, -1]) : pick([0, 0.5, 1.39, 2]);
      case "Boolean":
        return next() < 0.5;
      case "ID":
        return pick(["RW50aXR5OmNhbmFkYQ==", "x", ""]);
      default:
        if (/JSON/.test(type.name)) return pick([{}, { a: 1 }, { source: { key: "k" } }]);
        if (/Date/.test(type.name)) return odd() ? pick(HOSTILE_DATES) : pick(DATES);
        return odd() ? pick(HOSTILE) : pick(ordinary(name));
    }
  };

  let names = 0;
  const args = (
    field: GraphQLField<unknown, unknown>,
    variables: Record<string, unknown>,
    definitions: string[],
  ): string => {
    const given: string[] = [];
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) && next() < 0.55) continue;
      // A cursor is one the API gave out; paging backwards needs one. Only a careless client
      // makes them up.
      if (/^(after|before|last)$/.test(arg.name) && !odd()) continue;
      const name = `v${names++}`;
      definitions.push(`$${name}: ${arg.type.toString()}`);
      variables[name] = value(arg.type, 0, arg.name);
      given.push(`${arg.name}: $${name}`);
    }
    return given.length > 0 ? `(${given.join(", ")})` : "";
  };

  const selection = (
    type: GraphQLOutputType,
    depth: number,
    variables: Record<string, unknown>,
    definitions: string[],
  ): string => {
    const named = getNamedType(type);
    if (isLeafType(named)) return "";
    const fields = (object: GraphQLObjectType | typeof named): string => {
      if (depth > 4 || !("getFields" in object)) return "";
      const all = Object.values(object.getFields());
      const chosen: string[] = [];
      for (let i = 1 + Math.floor(next() * 4); i > 0; i--) {
        const field = pick(all) as GraphQLField<unknown, unknown>;
        const fieldArgs = args(field, variables, definitions);
        const sub = selection(field.type, depth + 1, variables, definitions);
        if (!isLeafType(getNamedType(field.type)) && !sub) continue;
        chosen.push(`a${names++}: ${field.name}${fieldArgs} ${sub}`);
      }
      return chosen.join(" ");
    };
    if (isUnionType(named) || isInterfaceType(named)) {
      const possible = schema.getPossibleTypes(named);
      const fragments = [0, 1].map(() => {
        const t = pick(possible);
        return `... on ${t.name} { __typename ${fields(t)} }`;
      });
      return `{ __typename ${isInterfaceType(named) ? fields(named) : ""} ${fragments.join(" ")} }`;
    }
    return `{ __typename ${fields(named)} }`;
  };

  const roots = [
    ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((f) => ["query", f] as const),
    ...(mutations
      ? Object.values(schema.getMutationType()?.getFields() ?? {}).map(
          (f) => ["mutation", f] as const,
        )
      : []),
  ];
  return Array.from({ length: count }, () => {
    const [kind, field] = pick(roots);
    const variables: Record<string, unknown> = {};
    const definitions: string[] = [];
    const fieldArgs = args(field, variables, definitions);
    const sub = selection(field.type, 1, variables, definitions);
    const head = definitions.length > 0 ? `(${definitions.join(", ")})` : "";
    return { query: `${kind}${head} { r: ${field.name}${fieldArgs} ${sub} }`, variables };
  });
}

/** What the server made of a run of operations: what no client can act on, and the rest. */
export interface RunReport {
  /** Answers that are not JSON, 5xx but admission's 503, errors without a code or masked. */
  unacceptable: string[];
  /** Operations answered with data and no error. */
  answered: number;
  /** Errors by code. */
  codes: Record<string, number>;
}

/** Sends each operation in turn with the server's admin token, and judges each answer. */
export async function runOperations(
  server: Pick<ShippedServer, "url" | "authorization">,
  operations: RandomOperation[],
): Promise<RunReport> {
  const report: RunReport = { unacceptable: [], answered: 0, codes: {} };
  for (const [i, operation] of operations.entries()) {
    const r = await post(server, operation, { authorization: server.authorization });
    const where = `#${i} ${JSON.stringify(operation).slice(0, 400)}`;
    if (typeof r.body !== "object" || r.body === null) {
      report.unacceptable.push(`${where}: not JSON (${r.status})`);
      continue;
    }
    if (r.status >= 500 && r.status !== 503) report.unacceptable.push(`${where}: HTTP ${r.status}`);
    const errors: Array<{ message: string; extensions?: { code?: string } }> = r.body.errors ?? [];
    for (const e of errors) {
      const code = e.extensions?.code;
      report.codes[String(code)] = (report.codes[String(code)] ?? 0) + 1;
      if (!code || code === "INTERNAL_SERVER_ERROR")
        report.unacceptable.push(`${where}: ${code ?? "no code"}: ${e.message}`);
    }
    if (errors.length === 0 && r.body.data?.r !== undefined) report.answered += 1;
  }
  return report;
}
