/**
 * Differential test of a source's footprint (src/cypher/footprint.ts): a retraction, restore or
 * delete of a source reaches its claims through the lists it records (footprintKeys,
 * footprintRelations) or, for a source without them (written before they existed), by scanning
 * the graph. Both must find the same claims. Each run writes a seeded random sequence through
 * GraphQL (overlapping documents of several sources, addRelation citing them, removeRelation,
 * updateEntity, deleteEntity and re-creation of the same keys, superseding ingests, retractions
 * and restores), then corrects one source twice over the same state: once as it is (lists),
 * once with its lists removed as an earlier version left them (scan: data set-up, not a mock),
 * and every read of the graph must answer the same. Before each, what the source recorded must
 * cover every claim it has (the start settle's scan finds no more).
 */
import { afterAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { footprintScanStatement } from "../../src/cypher/footprint.js";
import { createClient, cypher, removeByPrefix, testDb } from "../helpers/client.js";

const P = "fpd25-";
/** Runs, and operations per run: fixed, so that a failure names its seed and replays. */
const RUNS = Number(process.env.FC_RUNS ?? 12);
const OPS = 30;
const db = testDb();
const admin = generateToken();
const { gql } = createClient(db, {
  tokens: [{ name: "footprint-differential", sha256: admin.sha256, scopes: ["admin"] }],
});
const auth = `Bearer ${admin.token}`;

const PEOPLE = ["p0", "p1", "p2", "p3"];
const PLACES = ["x0", "x1", "x2"];
const NATIONS = ["n0", "n1"];
const SOURCES = ["s0", "s1", "s2", "s3"];
const key = (k: string) => `${P}${k}`;
const sentence = (p: string, to: string) => `Person ${p} visited ${to}.`;
/** Every sentence any source may quote: each source's text holds them all, so no text loses one. */
const TEXT = [
  ...PEOPLE.flatMap((p) => [...PLACES, ...NATIONS].map((t) => sentence(p, t))),
  "The nations are described.",
].join(" ");
const DATES = ["2024-03-01", "2024-03-01", "2024-05-01"];

/** mulberry32: the same seed, the same sequence. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Op = { query: string; variables: Record<string, unknown>; label: string };

const INGEST = `mutation ($d: JSONObject!, $s: String) {
  ingestDocument(document: $d, supersedes: $s) { __typename ... on Error { message } }
}`;
const ADD = `mutation ($i: AddRelationInput!) { addRelation(input: $i) { __typename } }`;
const REMOVE = `mutation ($f: String!, $t: String!) {
  removeRelation(from: $f, to: $t, type: VISITED) { __typename }
}`;
const UPDATE = `mutation ($k: String!, $i: UpdateEntityInput!) {
  updateEntity(key: $k, input: $i) { __typename }
}`;
const DELETE = `mutation ($k: String!) {
  deleteEntity(key: $k) { __typename ... on DeleteEntitySuccess { data { deleted relationsRemoved entitiesRemoved } } }
}`;
const RETRACT = `mutation ($k: String!, $r: Boolean) {
  retractSource(key: $k, retracted: $r) { __typename ... on RetractSourceSuccess { data { relations entities } } }
}`;

const kindOf = (k: string) =>
  k.startsWith("p") ? "Person" : k.startsWith("x") ? "Place" : "Nation";

/** A seeded sequence of writes; source keys of superseding versions are `sN-vM`. */
function operations(seed: number): { ops: Op[]; sources: string[] } {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const sources = [...SOURCES];
  const versions = new Map<string, number>();
  const ops: Op[] = [];
  const doc = (source: string) => {
    const relations: Array<{ from: string; to: string }> = [];
    for (let i = 0; i < 1 + Math.floor(r() * 3); i++)
      relations.push({ from: pick(PEOPLE), to: pick([...PLACES, ...NATIONS]) });
    const keys = new Set(relations.flatMap((x) => [x.from, x.to]));
    if (r() < 0.5) keys.add(pick(NATIONS));
    const version = Math.floor(r() * 3);
    return {
      source: {
        key: key(source),
        name: `Article ${source}`,
        properties: { title: `Article ${source}`, publishedAt: pick(DATES), text: TEXT },
      },
      entities: [...keys].map((k) => ({
        key: key(k),
        kind: kindOf(k),
        name: `Name ${k}`,
        description: `${k} as ${source} says (${version})`,
      })),
      relations: [...new Map(relations.map((x) => [`${x.from}>${x.to}`, x])).values()].map((x) => ({
        from: key(x.from),
        type: "VISITED",
        to: key(x.to),
        evidence: sentence(x.from, x.to),
      })),
    };
  };
  for (let i = 0; i < OPS; i++) {
    const roll = r();
    if (roll < 0.3) {
      const s = pick(sources);
      ops.push({ query: INGEST, variables: { d: doc(s) }, label: `ingest ${s}` });
    } else if (roll < 0.4) {
      const old = pick(sources);
      const base = old.split("-")[0] as string;
      const v = (versions.get(base) ?? 0) + 1;
      versions.set(base, v);
      const next = `${base}-v${v}`;
      sources.push(next);
      ops.push({
        query: INGEST,
        variables: { d: doc(next), s: key(old) },
        label: `ingest ${next} superseding ${old}`,
      });
    } else if (roll < 0.6) {
      const p = pick(PEOPLE);
      const t = pick([...PLACES, ...NATIONS]);
      const s = pick(sources);
      ops.push({
        query: ADD,
        variables: {
          i: {
            from: key(p),
            type: "VISITED",
            to: key(t),
            evidence: { source: key(s), excerpt: sentence(p, t) },
          },
        },
        label: `addRelation ${p}>${t} citing ${s}`,
      });
    } else if (roll < 0.67) {
      const p = pick(PEOPLE);
      const t = pick([...PLACES, ...NATIONS]);
      ops.push({ query: REMOVE, variables: { f: key(p), t: key(t) }, label: `remove ${p}>${t}` });
    } else if (roll < 0.75) {
      const k = pick([...PEOPLE, ...PLACES, ...NATIONS]);
      ops.push({
        query: UPDATE,
        variables: { k: key(k), i: { description: `${k} edited ${i}` } },
        label: `update ${k}`,
      });
    } else if (roll < 0.85) {
      const k = pick([...PEOPLE, ...PLACES, ...NATIONS]);
      ops.push({ query: DELETE, variables: { k: key(k) }, label: `delete ${k}` });
    } else if (roll < 0.97) {
      const s = pick(sources);
      const retracted = r() < 0.6;
      ops.push({
        query: RETRACT,
        variables: { k: key(s), r: retracted },
        label: `${retracted ? "retract" : "restore"} ${s}`,
      });
    } else {
      const s = pick(sources);
      ops.push({ query: DELETE, variables: { k: key(s) }, label: `delete source ${s}` });
    }
  }
  return { ops, sources };
}

const ALL = [...PEOPLE, ...PLACES, ...NATIONS];

interface Person {
  relations: {
    edges: Array<{
      direction: string;
      to: { key: string };
      claims: Array<{ source: { key: string } | null; rank: string }>;
    }>;
  };
}
/** Every read of the test's entities: values, claims, disputes, relations, evidence, claims. */
const READ = `{
  ${ALL.map(
    (k) => `${k}: entity(key: "${key(k)}") {
    key kind name description aliases retracted sourceCount disputed disputedFields
    fieldSources { field }
    claims { source { key } rank values at }
    relations { edges { type direction from { key } to { key } properties inferred disputed sourceCount
      evidence { source { key } excerpt rank inferred values at }
      claims { source { key } excerpt rank inferred values at } } }
  }`,
  ).join("\n  ")}
}`;

async function read(): Promise<unknown> {
  const r = await gql(READ, {}, auth);
  const gone = (e: { message: string }) => e.message.startsWith("No entity has the key");
  expect((r.errors ?? []).filter((e: { message: string }) => !gone(e))).toEqual([]);
  return r.data;
}

async function replay(ops: readonly Op[]): Promise<void> {
  await removeByPrefix(db, P);
  for (const op of ops) {
    const r = await gql(op.query, op.variables, auth);
    // Refusals (an unknown end, a retracted source superseded...) are part of the sequence;
    // an unexpected error is not.
    expect(r.errors, `${op.label}: ${JSON.stringify(r.errors)}`).toBeUndefined();
  }
}

/** Claims of `source` the graph holds that its lists do not record (none when it has none). */
async function unrecorded(source: string): Promise<string[]> {
  const [lists] = await cypher(
    db,
    "MATCH (s:Entity {key: $k}) RETURN s.footprintKeys AS keys, s.footprintRelations AS ids",
    { k: source },
  );
  if (!lists || lists.keys == null) return [];
  const { cypher: q, params } = footprintScanStatement([source]);
  const [found] = await cypher(db, q, params);
  const keys = new Set((lists.keys as unknown[]).map(String));
  const ids = new Set(((lists.ids ?? []) as unknown[]).map(String));
  const out: string[] = [];
  for (const [, k] of (found?.entities ?? []) as unknown[][])
    if (!keys.has(String(k))) out.push(`entity ${k}`);
  for (const [, from, type, to] of (found?.relations ?? []) as unknown[][]) {
    const id = `${from}|${type}|${to}`;
    if (!ids.has(id)) out.push(`relation ${id}`);
    if (!keys.has(String(from)) || !keys.has(String(to))) out.push(`ends of ${id}`);
  }
  return out;
}

/**
 * Reads after each correction of each of `sources`: retracted, then restored, in turn; then
 * each deleted. `lists`: false removes every source's lists first.
 */
async function corrections(sources: readonly string[], lists: boolean): Promise<unknown[]> {
  if (!lists)
    await cypher(
      db,
      "MATCH (s:Source) WHERE s.key IN $k REMOVE s.footprintKeys, s.footprintRelations",
      { k: sources },
    );
  const out: unknown[] = [await read()];
  const steps = [
    ...sources.flatMap((k) => [
      [RETRACT, { k, r: true }],
      [RETRACT, { k, r: false }],
    ]),
    ...sources.map((k) => [DELETE, { k }]),
  ] as Array<[string, Record<string, unknown>]>;
  for (const [query, variables] of steps) {
    const r = await gql(query, variables, auth);
    expect(r.errors).toBeUndefined();
    out.push({ step: [query.slice(11, 24), variables], answer: r.data, graph: await read() });
  }
  return out;
}

afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

describe("a source's footprint, by its lists and by the scan", () => {
  it(`finds the same claims after ${RUNS} random sequences of ${OPS} writes`, async () => {
    let compared = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const { ops } = operations(seed);
      const labels = ops.map((o) => o.label).join("; ");
      await replay(ops);
      const stored = await cypher(
        db,
        "MATCH (s:Source) WHERE s.key STARTS WITH $p RETURN collect(s.key) AS keys",
        { p: P },
      );
      const present = ((stored[0]?.keys ?? []) as string[]).sort();
      for (const s of present)
        expect(await unrecorded(s), `seed ${seed}, source ${s} after: ${labels}`).toEqual([]);
      if (present.length === 0) continue;
      const byLists = await corrections(present, true);
      await replay(ops);
      const byScan = await corrections(present, false);
      expect(byScan, `seed ${seed}, sources ${present.join(", ")} after: ${labels}`).toEqual(
        byLists,
      );
      compared++;
    }
    // Every run leaves at least one source to correct.
    expect(compared).toBeGreaterThan(RUNS / 2);
  }, 600_000);

  it("covers every claim a write adds while the source is retracted, restored, superseded or deleted", async () => {
    await removeByPrefix(db, P);
    const pairs = PEOPLE.flatMap((p) => [...PLACES, ...NATIONS].map((t) => [p, t] as const));
    const document = (source: string, relations: ReadonlyArray<readonly [string, string]>) => ({
      source: {
        key: key(source),
        name: `Article ${source}`,
        properties: { title: `Article ${source}`, publishedAt: "2024-03-01", text: TEXT },
      },
      entities: ALL.map((k) => ({ key: key(k), kind: kindOf(k), name: `Name ${k}` })),
      relations: relations.map(([p, t]) => ({
        from: key(p),
        type: "VISITED",
        to: key(t),
        evidence: sentence(p, t),
      })),
    });
    const ok = async (query: string, variables: Record<string, unknown>) => {
      const r = await gql(query, variables, auth);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      return r.data;
    };
    await ok(INGEST, { d: document("other", [["p0", "x0"]]) });
    const add = (source: string, [p, t]: readonly [string, string]) =>
      ok(ADD, {
        i: {
          from: key(p),
          type: "VISITED",
          to: key(t),
          evidence: { source: key(source), excerpt: sentence(p, t) },
        },
      });
    /** Each claim of `source` on the test's relations, with its rank; and whether it is retracted. */
    const claimsOf = async (source: string) => {
      const data = (await read()) as Record<string, Person | null>;
      const ranks: string[] = [];
      for (const p of PEOPLE)
        for (const e of data[p]?.relations.edges ?? [])
          for (const c of e.claims)
            if (c.source?.key === key(source) && e.direction === "OUT")
              ranks.push(`${p}>${e.to.key}|${c.rank}`);
      const [row] = await cypher(db, "MATCH (s:Entity {key: $k}) RETURN s.retracted AS r", {
        k: key(source),
      });
      return { ranks, retracted: row?.r === true, exists: row !== undefined };
    };
    let rounds = 0;
    for (let round = 0; round < 6; round++) {
      const source = `race${round}`;
      await ok(INGEST, { d: document(source, [pairs[round] as readonly [string, string]]) });
      // Every pair cited by the source while it is retracted and restored (and, in later
      // rounds, superseded or deleted), all at once.
      const corrections = [
        ok(RETRACT, { k: key(source), r: true }),
        ok(RETRACT, { k: key(source), r: false }),
        ok(RETRACT, { k: key(source), r: round % 2 === 0 }),
        ...(round >= 2 && round < 4
          ? [ok(INGEST, { d: document(`${source}-v2`, []), s: key(source) })]
          : []),
        ...(round >= 4 ? [ok(DELETE, { k: key(source) })] : []),
      ];
      await Promise.all([...pairs.map((pair) => add(source, pair)), ...corrections]);
      expect(await unrecorded(key(source)), `round ${round}`).toEqual([]);
      const { ranks, retracted, exists } = await claimsOf(source);
      if (exists) {
        // Every claim ranked as the source stands; another correction finds them all.
        const rank = retracted ? "DEPRECATED" : "NORMAL";
        expect(ranks.filter((r) => !r.endsWith(`|${rank}`))).toEqual([]);
        await ok(RETRACT, { k: key(source), r: !retracted });
        const after = await claimsOf(source);
        const flipped = retracted ? "NORMAL" : "DEPRECATED";
        expect(after.ranks.filter((r) => !r.endsWith(`|${flipped}`))).toEqual([]);
        // Every pair it cited is listed while it stands (a relation only a retracted source
        // states is not).
        expect((retracted ? after : { ranks }).ranks.length).toBe(pairs.length);
      } else expect(ranks).toEqual([]);
      rounds++;
    }
    expect(rounds).toBe(6);
  }, 300_000);
});
