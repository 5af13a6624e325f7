/**
 * The differential checks' shared parts (test/integration/differential-*.int.test.ts): a fixture
 * of their own ("df-"), the whole graph fetched once through simple queries (every list walked to
 * its end, every entity's relations), and the oracles that answer the API's questions over that
 * snapshot in plain TypeScript: where filters, orderings, relations as of a date, BFS.
 */

import fc from "fast-check";
import { ingestDocument } from "../../src/data/ingest.js";
import { foldNameQuery, normalizeName } from "../../src/domain/document.js";
import { foldName } from "../../src/domain/fold.js";
import { KIND_NAMES, KINDS, type Kind, type PropertyType } from "../../src/domain/vocabulary.js";
import { createClient, removeByPrefix, testDb } from "./client.js";

export const P = "df-";
export const db = testDb();
export const { gql } = createClient(db);
export const SEED = 19;
export const RUNS = Number(process.env.FC_RUNS ?? 15);

// biome-ignore lint/suspicious/noExplicitAny: answers are read as JSON
export type Json = any;

export async function ask(query: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const r = await gql(query, variables);
  if (r.errors)
    throw new Error(
      `${JSON.stringify(r.errors)}\n  request: ${query} ${JSON.stringify(variables)}`,
    );
  return r.data;
}

// ---- the fixture -------------------------------------------------------------------------------

export const SENTENCES = [
  "df Alpha pledged 2 per cent of GDP.",
  "DF alpha pledged 2.5 per cent of GDP by 2024.",
  "df Beta leads Operation df Shield.",
  "Operation df Shield is deployed to df Alpha.",
  "df Beta joined the df Council.",
  "df Alpha joined the df Council.",
  "Dé Gamma attended the df Summit.",
  "df Alpha attended the df summit.",
  "df Leader One led df Alpha from November 2019 to 15 March 2022.",
  "df Leader Two has led df Alpha since 15 March 2022.",
  "df Leader Three led the df Council from 2022.",
  "df Leader One visited Dé Gamma on 8 March 2022.",
  "df Leader Two visited Dé Gamma in 2021.",
];
export const TEXT = SENTENCES.join(" ");

export const FIXTURE = {
  source: {
    key: `${P}source`,
    name: "df fixture report",
    properties: { text: TEXT, publishedAt: "2023-02", title: "DF Fixture", publisher: "df Wire" },
  },
  entities: [
    { key: `${P}alpha`, kind: "Nation", name: "df Alpha", properties: { isoCode: "DFA" } },
    { key: `${P}alpha-2`, kind: "Nation", name: "DF alpha" },
    {
      key: `${P}beta`,
      kind: "Nation",
      name: "df Beta",
      aliases: ["Betaland"],
      properties: { isoCode: "DFB" },
    },
    { key: `${P}gamma`, kind: "Nation", name: "Dé Gamma" },
    {
      key: `${P}council`,
      kind: "Organization",
      name: "df Council",
      properties: { category: "ALLIANCE" },
    },
    {
      key: `${P}shield`,
      kind: "Mission",
      name: "Operation df Shield",
      properties: { startDate: "2022-03", status: "ACTIVE" },
    },
    { key: `${P}summit`, kind: "Event", name: "df Summit", properties: { date: "2022" } },
    {
      key: `${P}summit-2`,
      kind: "Event",
      name: "df summit",
      properties: { date: "2022-03-15", category: "MEETING" },
    },
    { key: `${P}summit-3`, kind: "Event", name: "df summit three" },
    {
      key: `${P}pledge-a`,
      kind: "Pledge",
      name: "df two per cent",
      properties: {
        metric: "PERCENT_GDP",
        value: 2,
        unit: "percent of GDP",
        date: "2022-03",
        status: "COMMITTED",
      },
    },
    {
      key: `${P}pledge-b`,
      kind: "Pledge",
      name: "df two and a half per cent",
      properties: {
        metric: "PERCENT_GDP",
        value: 2.5,
        unit: "percent of GDP",
        period: "by 2024",
        date: "2022",
      },
    },
    {
      key: `${P}pledge-c`,
      kind: "Pledge",
      name: "df Troops pledge",
      properties: { metric: "TROOPS", value: 300, date: "2022-03-31" },
    },
    { key: `${P}pledge-d`, kind: "Pledge", name: "df pledge without figures" },
    { key: `${P}leader-1`, kind: "Person", name: "df Leader One" },
    // The Hellenic Police's acronym: a capital sigma ends a word.
    {
      key: `${P}hellenic-police`,
      kind: "Organization",
      name: "ΕΛ.ΑΣ.",
      aliases: ["df Hellenic Police"],
    },
    { key: `${P}leader-2`, kind: "Person", name: "df Leader Two" },
    { key: `${P}leader-3`, kind: "Person", name: "df Leader Three" },
  ],
  relations: [
    { from: `${P}alpha`, type: "PLEDGED", to: `${P}pledge-a`, evidence: SENTENCES[0] },
    { from: `${P}alpha-2`, type: "PLEDGED", to: `${P}pledge-b`, evidence: SENTENCES[1] },
    { from: `${P}beta`, type: "LEADS", to: `${P}shield`, evidence: SENTENCES[2] },
    { from: `${P}shield`, type: "DEPLOYED_TO", to: `${P}alpha`, evidence: SENTENCES[3] },
    { from: `${P}beta`, type: "MEMBER_OF", to: `${P}council`, evidence: SENTENCES[4] },
    { from: `${P}alpha`, type: "MEMBER_OF", to: `${P}council`, evidence: SENTENCES[5] },
    { from: `${P}gamma`, type: "PARTICIPATED_IN", to: `${P}summit`, evidence: SENTENCES[6] },
    { from: `${P}alpha`, type: "PARTICIPATED_IN", to: `${P}summit-2`, evidence: SENTENCES[7] },
    {
      from: `${P}leader-1`,
      type: "LEADS",
      to: `${P}alpha`,
      evidence: SENTENCES[8],
      properties: { role: "President", since: "2019-11", until: "2022-03-15" },
    },
    {
      from: `${P}leader-2`,
      type: "LEADS",
      to: `${P}alpha`,
      evidence: SENTENCES[9],
      properties: { role: "President", since: "2022-03-15" },
    },
    {
      from: `${P}leader-3`,
      type: "LEADS",
      to: `${P}council`,
      evidence: SENTENCES[10],
      properties: { since: "2022" },
    },
    {
      from: `${P}leader-1`,
      type: "VISITED",
      to: `${P}gamma`,
      evidence: SENTENCES[11],
      properties: { date: "2022-03-08" },
    },
    {
      from: `${P}leader-2`,
      type: "VISITED",
      to: `${P}gamma`,
      evidence: SENTENCES[12],
      properties: { date: "2021" },
    },
  ],
};

// ---- the snapshot ------------------------------------------------------------------------------

export interface Rel {
  type: string;
  /** This entity is the start. */
  out: boolean;
  other: string;
  otherKind: Kind;
  otherName: string;
  since: string | null;
  until: string | null;
  date: string | null;
}
export interface Row {
  key: string;
  kind: Kind;
  name: string;
  aliases: string[];
  props: Record<string, unknown>;
  rels: Rel[];
}

export const props = (kind: Kind) =>
  Object.entries(KINDS[kind].properties as Record<string, PropertyType>).filter(
    ([, spec]) => !(spec.type === "string" && "long" in spec && spec.long),
  );

/** The snapshot, filled by setUp (again by each file: another file may have changed the graph). */
export const graph = new Map<Kind, Row[]>();
export const byKey = new Map<string, Row>();

export async function walkList(kind: Kind): Promise<Row[]> {
  const fields = props(kind)
    .map(([p]) => p)
    .join(" ");
  const rows: Row[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Json = await ask(
      `query($after: String) { list: ${KINDS[kind].plural}(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor } edges { node { key name aliases ${fields} } } } }`,
      { after },
    );
    for (const { node } of data.list.edges) {
      const p: Record<string, unknown> = {};
      for (const [name] of props(kind)) p[name] = node[name];
      rows.push({
        key: node.key,
        kind,
        name: node.name,
        aliases: node.aliases,
        props: p,
        rels: [],
      });
    }
    if (!data.list.pageInfo.hasNextPage) return rows;
    after = data.list.pageInfo.endCursor;
  }
}

export async function readRelations(row: Row): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const data: Json = await ask(
      `query($key: String!, $after: String) { entity(key: $key) { relations(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor } edges { type direction since until date node { key kind name } } } } }`,
      { key: row.key, after },
    );
    for (const e of data.entity.relations.edges)
      row.rels.push({
        type: e.type,
        out: e.direction === "OUT",
        other: e.node.key,
        otherKind: e.node.kind,
        otherName: e.node.name,
        since: e.since,
        until: e.until,
        date: e.date,
      });
    if (!data.entity.relations.pageInfo.hasNextPage) return;
    after = data.entity.relations.pageInfo.endCursor;
  }
}
/** Writes the fixture and fetches the whole graph. */
export async function setUp(): Promise<void> {
  await removeByPrefix(db, P);
  await ingestDocument(db, { roundTrips: 0 }, FIXTURE, "fixture");
  graph.clear();
  byKey.clear();
  for (const row of (await snapshot()).values()) {
    graph.set(row.kind, [...(graph.get(row.kind) ?? []), row]);
    byKey.set(row.key, row);
  }
}

/** The whole graph as the lists show it: every entity of every kind, with its relations. */
export async function snapshot(): Promise<Map<string, Row>> {
  const out = new Map<string, Row>();
  for (const kind of KIND_NAMES) for (const r of await walkList(kind)) out.set(r.key, r);
  for (const row of out.values()) await readRelations(row);
  return out;
}

/**
 * Removes the fixture. The driver is shared by the differential files (one module graph, as
 * property.ts's): not closed here, it goes with the test worker.
 */
export async function tearDown(): Promise<void> {
  await removeByPrefix(db, P);
}

// ---- where: the oracle -------------------------------------------------------------------------

export interface StringF {
  equals?: string;
  in?: string[];
  startsWith?: string;
  contains?: string;
}
export interface Where {
  name?: StringF;
  key?: StringF;
  props?: Record<string, Json>;
  related?: Array<{ type: string; direction?: string; to?: string[]; kind?: Kind; none?: boolean }>;
  AND?: Where[];
  OR?: Where[];
  NOT?: Where;
}

/** Names compared ignoring case as the API compares them: Unicode case folding (foldName). */
export const lower = (s: string) => foldName(s);

export function stringHolds(
  value: string | null | undefined,
  f: StringF,
  folded: boolean,
): boolean {
  if (value == null) return Object.keys(f).length === 0;
  const v = folded ? lower(value) : value;
  const whole = (s: string) => (folded ? lower(normalizeName(s)) : s);
  const start = (s: string) => (folded ? foldNameQuery(s, "start") : s);
  const part = (s: string) => (folded ? foldNameQuery(s, "part") : s);
  if (f.equals != null && v !== whole(f.equals)) return false;
  if (f.in != null && !f.in.map(whole).includes(v)) return false;
  if (f.startsWith != null && !v.startsWith(start(f.startsWith))) return false;
  if (f.contains != null && !v.includes(part(f.contains))) return false;
  return true;
}

/** A partial date as the days it spans: "2022-03" is 2022-03-01 to 2022-03-31 (as text). */
export const first = (d: string) =>
  d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
export const last = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);

export function dateHolds(value: unknown, f: { from?: string; to?: string }): boolean {
  if (f.from == null && f.to == null) return true;
  if (typeof value !== "string") return false;
  if (f.to != null && first(value) > last(f.to)) return false;
  if (f.from != null && last(value) < first(f.from)) return false;
  return true;
}

export function propHolds(spec: PropertyType, value: unknown, f: Json): boolean {
  switch (spec.type) {
    case "partialDate":
      return dateHolds(value, f);
    case "number":
    case "integer": {
      const set = Object.entries(f).filter(([, v]) => v != null);
      if (set.length === 0) return true;
      if (typeof value !== "number") return false;
      const n = value;
      return set.every(([op, x]) =>
        op === "equals"
          ? n === x
          : op === "gt"
            ? n > (x as number)
            : op === "gte"
              ? n >= (x as number)
              : op === "lt"
                ? n < (x as number)
                : n <= (x as number),
      );
    }
    case "enum":
    case "boolean":
      if (f.equals == null && f.in == null) return true;
      if (value == null) return false;
      if (f.equals != null && value !== f.equals) return false;
      if (f.in != null && !f.in.includes(value)) return false;
      return true;
    default:
      return stringHolds(value as string | null, f, false);
  }
}

export function holds(row: Row, w: Where): boolean {
  if (w.name && !stringHolds(row.name, w.name, true)) return false;
  if (w.key && !stringHolds(row.key, w.key, false)) return false;
  const specs = KINDS[row.kind].properties as Record<string, PropertyType>;
  for (const [p, f] of Object.entries(w.props ?? {}))
    if (!propHolds(specs[p] as PropertyType, row.props[p], f)) return false;
  for (const c of w.related ?? []) {
    const dir = c.direction ?? "OUT";
    const has = row.rels.some(
      (r) =>
        r.type === c.type &&
        (dir === "BOTH" || r.out === (dir === "OUT")) &&
        (c.kind == null || r.otherKind === c.kind) &&
        (c.to == null || c.to.includes(r.other)),
    );
    if (has === Boolean(c.none)) return false;
  }
  for (const sub of w.AND ?? []) if (!holds(row, sub)) return false;
  if (w.OR != null && !w.OR.some((sub) => holds(row, sub))) return false;
  if (w.NOT != null && holds(row, w.NOT)) return false;
  return true;
}

/** The filter as GraphQL input: the kind's properties sit beside name and key. */
export function toInput(w: Where): Json {
  const out: Json = {};
  if (w.name) out.name = w.name;
  if (w.key) out.key = w.key;
  Object.assign(out, w.props ?? {});
  if (w.related) out.related = w.related;
  if (w.AND) out.AND = w.AND.map(toInput);
  if (w.OR) out.OR = w.OR.map(toInput);
  if (w.NOT) out.NOT = toInput(w.NOT);
  return out;
}

// ---- where: the generators ---------------------------------------------------------------------

export const RELATION_TYPES = [
  "MEMBER_OF",
  "LEADS",
  "PLEDGED",
  "DEPLOYED_TO",
  "PARTICIPATED_IN",
  "CONTRIBUTES_TO",
  "ABOUT",
  "MENTIONS",
  "HOSTS",
  "SERVES_IN",
];

export function whereArb(kind: Kind): fc.Arbitrary<Where> {
  const rows = graph.get(kind) ?? [];
  const all = [...byKey.values()];
  const names = rows.map((r) => r.name);
  const piece = fc.oneof(
    fc.constantFrom(...names, "df", "DF ", " alpha", "é", "gamma", "zz", ""),
    fc.constantFrom(...names).chain((n) =>
      fc.tuple(fc.nat(n.length), fc.nat(n.length)).map(([a, b]) => {
        const s = n.slice(Math.min(a, b), Math.max(a, b));
        return a % 2 ? s.toUpperCase() : s;
      }),
    ),
  );
  const nameF = fc.oneof(
    fc.record({ equals: piece }),
    fc.record({ startsWith: piece }),
    fc.record({ contains: piece }),
    fc.record({ in: fc.array(piece, { maxLength: 3 }) }),
    fc.record({ startsWith: piece, contains: piece }),
  );
  const keys = rows.map((r) => r.key);
  const keyF = fc.oneof(
    fc.record({ equals: fc.constantFrom(...keys) }),
    fc.record({ in: fc.uniqueArray(fc.constantFrom(...keys), { maxLength: 3 }) }),
    fc.record({ startsWith: fc.constantFrom("df-", "c", "n", "op", "", "DF") }),
    fc.record({ contains: fc.constantFrom("-", "a", "alpha", "summit", "x") }),
  );
  const dates = [
    "2021",
    "2022",
    "2022-02",
    "2022-03",
    "2022-03-01",
    "2022-03-15",
    "2022-03-31",
    "2022-04",
    "2023",
    "2023-02-01",
  ];
  const dateF = fc
    .record(
      {
        from: fc.option(fc.constantFrom(...dates), { nil: undefined }),
        to: fc.option(fc.constantFrom(...dates), { nil: undefined }),
      },
      { requiredKeys: [] },
    )
    .filter((f) => f.from == null || f.to == null || first(f.from) <= last(f.to));
  const propArbs: Array<[string, fc.Arbitrary<Json>]> = props(kind).map(([p, spec]) => {
    const seen = [...new Set(rows.map((r) => r.props[p]).filter((v) => v != null))];
    switch (spec.type) {
      case "partialDate":
        return [p, dateF];
      case "number":
      case "integer": {
        const n = fc.constantFrom(...(seen as number[]), 0, 1.5, 2, 100);
        return [p, fc.record({ equals: n, gt: n, gte: n, lt: n, lte: n }, { requiredKeys: [] })];
      }
      case "enum": {
        const v = fc.constantFrom(...(spec as { values: readonly string[] }).values);
        return [
          p,
          fc.oneof(
            fc.record({ equals: v }),
            fc.record({ in: fc.uniqueArray(v, { maxLength: 3 }) }),
          ),
        ];
      }
      default: {
        const v = fc.constantFrom(...(seen as string[]), "CAN", "percent", "", "x");
        return [
          p,
          fc.oneof(
            fc.record({ equals: v }),
            fc.record({ in: fc.array(v, { maxLength: 2 }) }),
            fc.record({ startsWith: v }),
            fc.record({ contains: v }),
          ),
        ];
      }
    }
  });
  const propsF =
    propArbs.length === 0
      ? fc.constant(undefined)
      : fc.constantFrom(...propArbs).chain(([p, arb]) => arb.map((f) => ({ [p]: f })));
  const relatedF = fc.array(
    fc.record(
      {
        type: fc.constantFrom(...RELATION_TYPES),
        direction: fc.constantFrom("OUT", "IN", "BOTH"),
        to: fc.uniqueArray(fc.constantFrom(...all.map((r) => r.key)), { maxLength: 3 }),
        kind: fc.constantFrom(...KIND_NAMES),
        none: fc.boolean(),
      },
      { requiredKeys: ["type"] },
    ),
    { minLength: 1, maxLength: 2 },
  );
  const leaf: fc.Arbitrary<Where> = fc.record(
    { name: nameF, key: keyF, props: propsF, related: relatedF },
    { requiredKeys: [] },
  );
  const tree = fc.letrec<{ w: Where }>((tie) => ({
    w: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { arbitrary: leaf, weight: 4 },
      { arbitrary: fc.record({ AND: fc.array(tie("w"), { maxLength: 3 }) }), weight: 1 },
      { arbitrary: fc.record({ OR: fc.array(tie("w"), { maxLength: 3 }) }), weight: 1 },
      { arbitrary: fc.record({ NOT: tie("w") }), weight: 1 },
      {
        arbitrary: fc.record({ NOT: tie("w"), props: propsF }, { requiredKeys: ["NOT"] }),
        weight: 1,
      },
    ),
  })).w;
  return tree;
}

// ---- ordering: the oracle ----------------------------------------------------------------------

export interface Order {
  field: string;
  direction: "ASC" | "DESC";
}
export const FIELD_OF: Record<string, string> = {};
export const ENUM = (p: string) => p.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

export function orderFields(kind: Kind): string[] {
  return ["NAME", "KEY", ...props(kind).map(([p]) => ENUM(p))];
}

export const cmp = (a: unknown, b: unknown): number =>
  a === b ? 0 : (a as string) < (b as string) ? -1 : 1;

export function sortRows(kind: Kind, rows: Row[], order: Order[]): Row[] {
  const list = order.length > 0 ? order : [{ field: "NAME", direction: "ASC" as const }];
  const propOf = Object.fromEntries(props(kind).map(([p]) => [ENUM(p), p]));
  Object.assign(FIELD_OF, propOf);
  return [...rows].sort((a, b) => {
    for (const o of list) {
      const sign = o.direction === "DESC" ? -1 : 1;
      if (o.field === "NAME") {
        const c = cmp(lower(a.name), lower(b.name)) || cmp(a.name, b.name);
        if (c) return sign * c;
      } else if (o.field === "KEY") {
        const c = cmp(a.key, b.key);
        if (c) return sign * c;
      } else {
        const p = propOf[o.field] as string;
        const x = a.props[p];
        const y = b.props[p];
        if (x == null && y == null) continue;
        if (x == null) return 1;
        if (y == null) return -1;
        const c = cmp(x, y);
        if (c) return sign * c;
      }
    }
    return cmp(a.key, b.key);
  });
}

export function orderArb(kind: Kind): fc.Arbitrary<Order[]> {
  return fc.uniqueArray(
    fc.record({
      field: fc.constantFrom(...orderFields(kind)),
      direction: fc.constantFrom("ASC" as const, "DESC" as const),
    }),
    { maxLength: 3, selector: (o) => o.field },
  );
}

export const keysOf = (rows: Row[]) => rows.map((r) => r.key);

// ---- relations and time -------------------------------------------------------------------

/** Whether a relation holds on `asOf`: since <= asOf <= until, partial dates as their periods. */
export const holdsOn = (r: Rel, asOf: string | null) =>
  asOf == null ||
  ((r.since == null || first(r.since) <= last(asOf)) &&
    (r.until == null || last(r.until) >= first(asOf)) &&
    (r.date == null || first(r.date) <= last(asOf)));

export const relOrder = (a: Rel, b: Rel) =>
  cmp(a.type, b.type) ||
  cmp(lower(a.otherName), lower(b.otherName)) ||
  cmp(a.otherName, b.otherName) ||
  cmp(a.other, b.other) ||
  (a.out === b.out ? 0 : a.out ? -1 : 1);

export const AS_OF = [
  null,
  "2019",
  "2019-11",
  "2021",
  "2022",
  "2022-03",
  "2022-03-08",
  "2022-03-14",
  "2022-03-15",
  "2022-03-16",
  "2022-04",
  "2023",
];

// ---- paths and neighbourhoods -------------------------------------------------------------

/** Shortest distance from `from` over relations of `types` (all but MENTIONS when null). */
export function bfs(from: string, types: string[] | null, maxHops: number): Map<string, number> {
  const dist = new Map([[from, 0]]);
  let frontier = [from];
  for (let d = 1; d <= maxHops && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const k of frontier)
      for (const r of byKey.get(k)?.rels ?? []) {
        if (types == null ? r.type === "MENTIONS" : !types.includes(r.type)) continue;
        if (!dist.has(r.other)) {
          dist.set(r.other, d);
          next.push(r.other);
        }
      }
    frontier = next;
  }
  return dist;
}
