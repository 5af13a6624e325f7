/**
 * Differential checks (redteam19), lists: what the API answers against what is true of the same graph
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
import { normalizeName } from "../../src/domain/document.js";
import { KIND_NAMES, KINDS } from "../../src/domain/vocabulary.js";
import {
  ask,
  byKey,
  graph,
  holds,
  type Json,
  keysOf,
  lower,
  orderArb,
  P,
  RUNS,
  SEED,
  setUp,
  sortRows,
  tearDown,
  toInput,
  whereArb,
} from "../helpers/differential.js";

beforeAll(setUp, 300_000);
afterAll(tearDown);

const kindArb = fc.constantFrom(...KIND_NAMES);

describe("differential lists: where, orderBy, paging and search against the fetched graph", () => {
  it("the snapshot holds the fixture as written", () => {
    expect(
      byKey
        .get(`${P}alpha`)
        ?.rels.map((r) => `${r.type}:${r.other}`)
        .sort(),
    ).toEqual([
      `DEPLOYED_TO:${P}shield`,
      `LEADS:${P}leader-1`,
      `LEADS:${P}leader-2`,
      `MEMBER_OF:${P}council`,
      `PARTICIPATED_IN:${P}summit-2`,
      `PLEDGED:${P}pledge-a`,
    ]);
    expect(byKey.get(`${P}pledge-b`)?.props).toMatchObject({
      value: 2.5,
      period: "by 2024",
      date: "2022",
    });
  });

  it("where: a random filter lists exactly the entities it holds for, in order, counted", async () => {
    await fc.assert(
      fc.asyncProperty(
        kindArb.chain((kind) => fc.tuple(fc.constant(kind), whereArb(kind), orderArb(kind))),
        async ([kind, where, orderBy]) => {
          const expected = keysOf(
            sortRows(
              kind,
              (graph.get(kind) ?? []).filter((r) => holds(r, where)),
              orderBy,
            ),
          );
          const data = await ask(
            `query($where: ${kind}Where, $orderBy: [${kind}Order!]) {
              list: ${KINDS[kind].plural}(where: $where, orderBy: $orderBy, first: 100) { totalCount edges { node { key } } } }`,
            { where: toInput(where), orderBy },
          );
          const got = data.list.edges.map((e: Json) => e.node.key);
          expect({ got, total: data.list.totalCount }).toEqual({
            got: expected,
            total: expected.length,
          });
        },
      ),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  }, 120_000);

  it("paging: first/after walked to the end in random page sizes gives the one-page list, then last/before walks it back", async () => {
    await fc.assert(
      fc.asyncProperty(
        kindArb.chain((kind) =>
          fc.tuple(
            fc.constant(kind),
            fc.option(whereArb(kind), { nil: undefined }),
            orderArb(kind),
            fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }),
          ),
        ),
        async ([kind, where, orderBy, sizes]) => {
          const expected = keysOf(
            sortRows(
              kind,
              (graph.get(kind) ?? []).filter((r) => where == null || holds(r, where)),
              orderBy,
            ),
          );
          const q = `query($where: ${kind}Where, $orderBy: [${kind}Order!], $first: Int, $after: String, $last: Int, $before: String) {
            list: ${KINDS[kind].plural}(where: $where, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
              totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { key } } } }`;
          const vars = { where: where ? toInput(where) : null, orderBy };
          const walked: string[] = [];
          const cursors: string[] = [];
          let after: string | null = null;
          for (let i = 0; ; i++) {
            const first = sizes[i % sizes.length] as number;
            const data = await ask(q, { ...vars, first, after });
            expect(data.list.totalCount).toBe(expected.length);
            for (const e of data.list.edges) {
              walked.push(e.node.key);
              cursors.push(e.cursor);
            }
            expect(data.list.pageInfo.hasPreviousPage).toBe(
              after != null && walked.length > data.list.edges.length,
            );
            if (!data.list.pageInfo.hasNextPage) break;
            expect(data.list.edges.length).toBe(first);
            after = data.list.pageInfo.endCursor;
            expect(walked.length).toBeLessThanOrEqual(expected.length);
          }
          expect(walked).toEqual(expected);
          // Backwards from the last row's cursor: the rows before it, in the same order.
          if (cursors.length > 0) {
            const back: string[] = [];
            let before: string | null = cursors[cursors.length - 1] as string;
            for (let i = 0; i < 50; i++) {
              const lastN = sizes[i % sizes.length] as number;
              const data = await ask(q, { ...vars, last: lastN, before });
              back.unshift(...data.list.edges.map((e: Json) => e.node.key));
              if (!data.list.pageInfo.hasPreviousPage) break;
              before = data.list.pageInfo.startCursor;
            }
            expect(back).toEqual(expected.slice(0, -1));
          }
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);

  it("search: entities whose name or an alias is what was typed come first", async () => {
    const wrong: string[] = [];
    for (const row of byKey.values()) {
      for (const text of [row.name, ...row.aliases]) {
        const typed = lower(normalizeName(text));
        const data = await ask(
          `query($q: String!) { search(query: $q, first: 100) { edges { score node { key name aliases } } } }`,
          { q: text },
        );
        const exact = data.search.edges.map((e: Json) =>
          [e.node.name, ...e.node.aliases].some((n: string) => lower(n) === typed),
        );
        const firstOther = exact.indexOf(false);
        if (firstOther >= 0 && exact.lastIndexOf(true) > firstOther)
          wrong.push(
            `"${text}": ${data.search.edges
              .slice(0, firstOther + 2)
              .map((e: Json) => e.node.key)
              .join(", ")}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it("search: every entity is found by its exact name and by each alias", async () => {
    const missed: string[] = [];
    for (const row of byKey.values()) {
      for (const text of [row.name, ...row.aliases]) {
        let after: string | null = null;
        let found = false;
        for (let page = 0; page < 5 && !found; page++) {
          const data: Json = await ask(
            `query($q: String!, $kinds: [EntityKind!], $after: String) { search(query: $q, kinds: $kinds, first: 100, after: $after) {
              pageInfo { hasNextPage endCursor } edges { node { key } } } }`,
            { q: text, kinds: [row.kind], after },
          );
          found = data.search.edges.some((e: Json) => e.node.key === row.key);
          if (!data.search.pageInfo.hasNextPage) break;
          after = data.search.pageInfo.endCursor;
        }
        if (!found) missed.push(`${row.key} by "${text}"`);
      }
    }
    expect(missed).toEqual([]);
  }, 120_000);
});
