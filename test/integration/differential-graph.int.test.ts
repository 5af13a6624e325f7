/**
 * Differential checks (redteam19), graph: what the API answers against what is true of the same graph
 * computed another way, as a demanding client could. The whole graph is fetched once through
 * simple queries (every list walked to its end, every entity's relations); then random `where`
 * filters, orderings and page walks, searches, paths and neighbourhoods are asked of the API and
 * their answers compared with the same question evaluated in plain TypeScript over that snapshot.
 * A fixture of its own ("df-") gives the filters something to bite on: names that differ only in
 * case, partial dates, missing values, numbers.
 *
 * The seed is fixed (helpers/differential.ts); FC_RUNS sets the runs per property for a longer hunt.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OVER_TIME_RELATION_TYPES } from "../../src/domain/vocabulary.js";
import {
  AS_OF,
  ask,
  bfs,
  byKey,
  cmp,
  dateHolds,
  first,
  holdsOn,
  type Json,
  last,
  P,
  RELATION_TYPES,
  type Row,
  RUNS,
  relOrder,
  SEED,
  setUp,
  tearDown,
} from "../helpers/differential.js";

beforeAll(setUp, 300_000);
afterAll(tearDown);

describe("differential graph: relations, time, timelines, paths and neighbourhoods against the fetched graph", () => {
  it("relations(types, direction, asOf): exactly the entity's relations that match, in the documented order, counted", async () => {
    const rows = [...byKey.values()].filter((r) => r.rels.length > 0 && r.rels.length <= 100);
    const fixture = rows.filter((r) => r.key.startsWith(P));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...fixture), fc.constantFrom(...rows)),
        fc.option(
          fc.uniqueArray(fc.constantFrom(...RELATION_TYPES), { minLength: 1, maxLength: 3 }),
          { nil: null },
        ),
        fc.constantFrom("OUT", "IN", "BOTH"),
        fc.constantFrom(...AS_OF),
        async (row, types, direction, asOf) => {
          const expected = row.rels
            .filter(
              (r) =>
                (types == null || types.includes(r.type)) &&
                (direction === "BOTH" || r.out === (direction === "OUT")) &&
                holdsOn(r, asOf),
            )
            .sort(relOrder)
            .map((r) => `${r.type} ${r.out ? "OUT" : "IN"} ${r.other}`);
          const data = await ask(
            `query($key: String!, $types: [RelationType!], $direction: Direction, $asOf: String) { entity(key: $key) {
              relations(types: $types, direction: $direction, asOf: $asOf, first: 100) { totalCount edges { type direction node { key } } } } }`,
            { key: row.key, types, direction, asOf },
          );
          const got = data.entity.relations.edges.map(
            (e: Json) => `${e.type} ${e.direction} ${e.node.key}`,
          );
          expect({ got, total: data.entity.relations.totalCount }).toEqual({
            got: expected,
            total: expected.length,
          });
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);

  it("a typed relation field (leaders, visited ...) lists what relations(types:) lists, as of any date", async () => {
    const cases: Array<[string, string, string, string, boolean]> = [
      [`${P}alpha`, "Nation", "leaders", "LEADS", false],
      [`${P}council`, "Organization", "leaders", "LEADS", false],
      [`${P}alpha`, "Nation", "alliances", "MEMBER_OF", true],
      [`${P}council`, "Organization", "members", "MEMBER_OF", false],
      ["canada", "Nation", "leaders", "LEADS", false],
      ["nato", "Organization", "members", "MEMBER_OF", false],
      ["operation-reassurance", "Mission", "contributors", "CONTRIBUTES_TO", false],
    ];
    for (const [key, kind, field, type, out] of cases) {
      for (const asOf of AS_OF) {
        const data = await ask(
          `query($key: String!, $asOf: String) { entity(key: $key) { ... on ${kind} {
            typed: ${field}(asOf: $asOf, first: 100) { totalCount edges { node { key } } } }
            all: relations(types: [${type}], asOf: $asOf, first: 100, direction: BOTH) { edges { direction node { key } } } } }`,
          { key, asOf },
        );
        const typed = data.entity.typed.edges.map((e: Json) => e.node.key);
        const row = byKey.get(key) as Row;
        const expected = row.rels
          .filter((r) => r.type === type && r.out === out && holdsOn(r, asOf))
          .map((r) => r.other);
        expect(typed.length, `${key}.${field}(asOf: ${asOf})`).toBe(data.entity.typed.totalCount);
        expect(new Set(typed), `${key}.${field}(asOf: ${asOf})`).toEqual(new Set(expected));
      }
    }
  }, 120_000);

  it("timeline(entity, from, to): the linked events and the dated relations, each at its dates, in order, counted", async () => {
    const rows = [...byKey.values()].filter(
      (r) => !r.rels.some((x) => OVER_TIME_RELATION_TYPES.includes(x.type as never)),
    );
    const dates = [
      undefined,
      "2019",
      "2021",
      "2022",
      "2022-03",
      "2022-03-08",
      "2022-03-15",
      "2022-04",
      "2023",
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...rows),
        fc.constantFrom(...dates),
        fc.constantFrom(...dates),
        async (row, from, to) => {
          fc.pre(from == null || to == null || first(from) <= last(to));
          const entries: Array<{
            date: string;
            name: string;
            key: string;
            type: string | null;
            out: boolean;
            label: string;
          }> = [];
          const events = new Set<string>();
          for (const r of row.rels) {
            if (r.otherKind === "Event") {
              const date = byKey.get(r.other)?.props.date;
              if (typeof date === "string" && !events.has(r.other)) {
                events.add(r.other);
                entries.push({
                  date,
                  name: r.otherName,
                  key: r.other,
                  type: null,
                  out: true,
                  label: `${date} event ${r.other}`,
                });
              }
            } else if (r.type !== "MENTIONS") {
              for (const date of new Set(
                [r.date, r.since, r.until].filter((d): d is string => d != null),
              ))
                entries.push({
                  date,
                  name: r.otherName,
                  key: r.other,
                  type: r.type,
                  out: r.out,
                  label: `${date} ${r.type} ${r.out ? "OUT" : "IN"} ${r.other}`,
                });
            }
          }
          const expected = entries
            .filter((e) => dateHolds(e.date, { from, to }))
            .sort(
              (a, b) =>
                cmp(a.date, b.date) ||
                cmp(a.name, b.name) ||
                cmp(a.key, b.key) ||
                (a.type === b.type
                  ? 0
                  : a.type == null
                    ? 1
                    : b.type == null
                      ? -1
                      : cmp(a.type, b.type)) ||
                (a.out === b.out ? 0 : a.out ? -1 : 1),
            )
            .map((e) => e.label);
          const data = await ask(
            `query($key: String!, $from: String, $to: String) { timeline(entity: $key, from: $from, to: $to, first: 100) {
              totalCount edges { date event { key } relation { type direction from { key } to { key } } } } }`,
            { key: row.key, from: from ?? null, to: to ?? null },
          );
          const got = data.timeline.edges.map((e: Json) =>
            e.event
              ? `${e.date} event ${e.event.key}`
              : `${e.date} ${e.relation.type} ${e.relation.direction} ${e.relation.direction === "OUT" ? e.relation.to.key : e.relation.from.key}`,
          );
          expect({ got, total: data.timeline.totalCount }).toEqual({
            got: expected,
            total: expected.length,
          });
        },
      ),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  }, 120_000);

  it("path: each step is a relation of the graph, and the path is as short as a BFS finds", async () => {
    const keys = [...byKey.keys()];
    const typesArb = fc.option(
      fc.uniqueArray(fc.constantFrom(...RELATION_TYPES), { minLength: 1, maxLength: 4 }),
      { nil: null },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...keys),
        fc.constantFrom(...keys),
        typesArb,
        fc.integer({ min: 1, max: 6 }),
        async (from, to, types, maxHops) => {
          const data = await ask(
            `query($from: String!, $to: String!, $types: [RelationType!], $maxHops: Int) {
              path(from: $from, to: $to, types: $types, maxHops: $maxHops) {
                length nodes { key } steps { from { key } to { key } relation { type direction from { key } to { key } } } } }`,
            { from, to, types, maxHops },
          );
          const expected = bfs(from, types, maxHops).get(to);
          if (expected === undefined) {
            expect(data.path).toBeNull();
            return;
          }
          expect(data.path).not.toBeNull();
          expect(data.path.length).toBe(expected);
          expect(data.path.steps.length).toBe(expected);
          expect(data.path.nodes.map((n: Json) => n.key)).toEqual([
            from,
            ...data.path.steps.map((s: Json) => s.to.key),
          ]);
          let at = from;
          for (const s of data.path.steps) {
            expect(s.from.key).toBe(at);
            const out = s.relation.direction === "OUT";
            expect([s.relation.from.key, s.relation.to.key]).toEqual(
              out ? [s.from.key, s.to.key] : [s.to.key, s.from.key],
            );
            if (types) expect(types).toContain(s.relation.type);
            const there = byKey
              .get(s.from.key)
              ?.rels.some(
                (r) => r.type === s.relation.type && r.other === s.to.key && r.out === out,
              );
            expect(
              there,
              `${s.from.key} ${s.relation.type} ${s.relation.direction} ${s.to.key}`,
            ).toBe(true);
            at = s.to.key;
          }
          expect(at).toBe(to);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);

  /** What is wrong with `paths`' answer: a walk that meets an entity twice, a repeat, an order. */
  async function pathsProblems(
    from: string,
    to: string,
    first: number,
    maxHops: number,
    types: string[] | null,
  ) {
    const data = await ask(
      `query($from: String!, $to: String!, $first: Int, $maxHops: Int, $types: [RelationType!]) {
        paths(from: $from, to: $to, first: $first, maxHops: $maxHops, types: $types) { length nodes { key } } }`,
      { from, to, first, maxHops, types },
    );
    const problems: string[] = [];
    const chains = data.paths.map((p: Json) => p.nodes.map((n: Json) => n.key) as string[]);
    for (const c of chains)
      if (new Set(c).size !== c.length) problems.push(`meets an entity twice: ${c.join(" > ")}`);
    if (new Set(chains.map((c: string[]) => c.join(">"))).size !== chains.length)
      problems.push("a chain twice");
    const lengths = data.paths.map((p: Json) => p.length);
    if (lengths.some((l: number, i: number) => i > 0 && l < lengths[i - 1]))
      problems.push(`not shortest first: ${lengths}`);
    if (lengths.some((l: number) => l > maxHops)) problems.push(`longer than maxHops: ${lengths}`);
    if (chains.length > first) problems.push(`${chains.length} paths for first: ${first}`);
    const shortest = bfs(from, types, maxHops).get(to);
    if ((shortest === undefined) !== (chains.length === 0))
      problems.push(`BFS says ${shortest}, paths found ${chains.length}`);
    else if (shortest !== undefined && lengths[0] !== shortest)
      problems.push(`shortest is ${shortest}, first path ${lengths[0]}`);
    return problems;
  }

  it("paths: distinct chains, none meeting an entity twice (Trudeau > Latvia > a visit > Latvia was one)", async () => {
    expect(await pathsProblems("justin-trudeau", "latvia", 10, 4, null)).toEqual([]);
    expect(await pathsProblems("canada", "nato", 10, 4, null)).toEqual([]);
    const keys = [...byKey.keys()];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...keys),
        fc.constantFrom(...keys),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 4 }),
        fc.option(
          fc.uniqueArray(fc.constantFrom(...RELATION_TYPES), { minLength: 2, maxLength: 6 }),
          { nil: null },
        ),
        async (from, to, first, maxHops, types) => {
          fc.pre(from !== to);
          expect(await pathsProblems(from, to, first, maxHops, types)).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  }, 120_000);

  it("neighbourhood: the entities within depth hops and every relation among them, each once", async () => {
    const keys = [...byKey.keys()];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...keys),
        fc.integer({ min: 1, max: 3 }),
        async (key, depth) => {
          const data = await ask(
            `query($key: String!, $depth: Int) { neighbourhood(key: $key, depth: $depth, limit: 500) {
            truncated nodes { key } edges { type from { key } to { key } } } }`,
            { key, depth },
          );
          const n = data.neighbourhood;
          if (n.truncated) return;
          const within = [...bfs(key, null, depth).keys()].sort();
          const nodes = n.nodes.map((x: Json) => x.key).sort();
          expect(nodes).toEqual(within);
          const inside = new Set(within);
          const edges = new Set<string>();
          for (const k of within)
            for (const r of byKey.get(k)?.rels ?? [])
              if (r.type !== "MENTIONS" && inside.has(r.other) && r.out)
                edges.add(`${k}|${r.type}|${r.other}`);
          const got = n.edges.map((e: Json) => `${e.from.key}|${e.type}|${e.to.key}`);
          expect(got.length).toBe(new Set(got).size);
          expect(new Set(got)).toEqual(edges);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);
});
