/**
 * Claims against a model, property-based (fast-check): random sequences of what users do to
 * sources (ingest an article, ingest it again corrected, retract it, restore it, delete it), each
 * through GraphQL, and after every step the graph answers what the rules of domain/claims.ts say
 * it must, computed here from a plain model of who said what and when:
 *
 * - a relation lists every claim (retracted ones as DEPRECATED), oldest first, then by source
 *   and sentence; it is left out of reads while only retracted sources state it, and goes when
 *   its last claim's source is deleted;
 * - its figure is the one of the latest claim that counts (a claim without a time is the
 *   oldest; at the same time, the first by source key, then sentence), now and as of any date;
 * - it is disputed while two claims that count, at the same time, give different figures;
 * - an entity's description is the latest counting source's, the same way;
 * - an entity only retracted sources declare is left out of the lists and search (and flagged
 *   `retracted` when looked up by key) until one is restored;
 * - entities that only deleted sources declared go with the last of them.
 *
 * The example-based tests (claims.int) pin real articles; this one looks for the order of
 * events nobody wrote down. Its keys start with `cm-`; replay a failure with the seed and path
 * fast-check prints.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import { createClient, removeByPrefix, testDb } from "../helpers/client.js";

const db = testDb();
const admin = generateToken();
const { gql } = createClient(db, {
  tokens: [{ name: "claims-model", sha256: admin.sha256, scopes: ["admin"] }],
});
const auth = `Bearer ${admin.token}`;
beforeAll(() => removeByPrefix(db, "cm-"));
afterAll(async () => {
  await removeByPrefix(db, "cm-");
  await db.driver.close();
});

const SOURCES = ["cm-src-a", "cm-src-b", "cm-src-c"] as const;
const SENTENCES = [
  "About 300 soldiers serve with the mission.",
  "The contingent will number several hundred.",
] as const;
const TEXT = SENTENCES.join(" ");
/** Publication dates, partial and full, and none. */
const PUBLISHED = [null, "2020", "2020-06", "2020-06-15", "2021"] as const;
/** The relation's own point in time, when the sentence gives one. */
const AS_OF = [null, "2019", "2020-06"] as const;
const TROOPS = [100, 200, 300] as const;
/** Dates a client asks `asOf`. */
const READ_AT = ["2019", "2020", "2020-06", "2020-06-01", "2021-12-31"] as const;

type Source = (typeof SOURCES)[number];
type Step =
  | {
      do: "ingest";
      source: Source;
      published: string | null;
      sentence: number;
      troops: number;
      asOf: string | null;
    }
  | { do: "retract"; source: Source; retracted: boolean }
  | { do: "delete"; source: Source };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      do: fc.constant("ingest" as const),
      source: fc.constantFrom(...SOURCES),
      published: fc.constantFrom(...PUBLISHED),
      sentence: fc.constantFrom(0, 1),
      troops: fc.constantFrom(...TROOPS),
      asOf: fc.constantFrom(...AS_OF),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      do: fc.constant("retract" as const),
      source: fc.constantFrom(...SOURCES),
      retracted: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      do: fc.constant("delete" as const),
      source: fc.constantFrom(...SOURCES),
    }),
  },
);

interface ModelClaim {
  source: Source;
  excerpt: string;
  at: string | null;
  troops: number;
}

/** Who said what and when, as a user would keep it on paper. */
class Model {
  /** The relation's claims, one per source and sentence. */
  claims = new Map<string, ModelClaim>();
  /** Each source's claim on the mission's description. */
  descriptions = new Map<Source, { at: string | null; description: string }>();
  retracted = new Set<Source>();
  sources = new Set<Source>();

  /**
   * Every article declares both entities, so they exist while one of its sources does: deleting
   * the last source deletes the entities it alone introduced.
   */
  get entities(): boolean {
    return this.sources.size > 0;
  }

  /**
   * Every article states both entities and the relation, so they count while one of their
   * sources is not retracted; otherwise lists and search leave them out.
   */
  get vouched(): boolean {
    return [...this.sources].some((source) => !this.retracted.has(source));
  }

  apply(s: Step): void {
    if (s.do === "ingest") {
      this.sources.add(s.source);
      const excerpt = SENTENCES[s.sentence] as string;
      const id = `${s.source}|${excerpt}`;
      const at = s.asOf ?? s.published;
      // A sentence stated again is restated in place: a time it gives replaces the claim's.
      const before = this.claims.get(id);
      this.claims.set(id, {
        source: s.source,
        excerpt,
        at: at ?? before?.at ?? null,
        troops: s.troops,
      });
      this.descriptions.set(s.source, { at: s.published, description: description(s) });
    } else if (s.do === "retract") {
      if (!this.sources.has(s.source)) return;
      if (s.retracted) this.retracted.add(s.source);
      else this.retracted.delete(s.source);
    } else {
      if (!this.sources.has(s.source)) return;
      this.sources.delete(s.source);
      this.retracted.delete(s.source);
      this.descriptions.delete(s.source);
      for (const [id, c] of this.claims) if (c.source === s.source) this.claims.delete(id);
    }
  }

  /** Claims in the order a client reads them, with their rank. */
  listed() {
    return [...this.claims.values()]
      .sort(
        (a, b) =>
          (a.at ?? "").localeCompare(b.at ?? "") ||
          a.source.localeCompare(b.source) ||
          a.excerpt.localeCompare(b.excerpt),
      )
      .map((c) => ({
        source: c.source,
        excerpt: c.excerpt,
        at: c.at,
        troops: c.troops,
        rank: this.retracted.has(c.source) ? "DEPRECATED" : "NORMAL",
      }));
  }

  /** The figure a client reads, now or as of `asOf`. */
  troops(asOf: string | null): number | null {
    const counting = [...this.claims.values()].filter(
      (c) =>
        !this.retracted.has(c.source) && (asOf === null || c.at === null || c.at <= `${asOf}~`),
    );
    return latest(counting)?.troops ?? null;
  }

  disputed(): boolean {
    const counting = [...this.claims.values()].filter((c) => !this.retracted.has(c.source));
    return counting.some((a) => counting.some((b) => a.at === b.at && a.troops !== b.troops));
  }

  description(): string | undefined {
    const counting = [...this.descriptions.entries()]
      .filter(([source]) => !this.retracted.has(source))
      .map(([source, d]) => ({ source, excerpt: "", at: d.at, description: d.description }));
    return latest(counting)?.description;
  }
}

/** The claim that gives a value: the latest in time (none is oldest), then first by source, sentence. */
function latest<T extends { source: string; excerpt: string; at: string | null }>(
  claims: T[],
): T | undefined {
  return [...claims].sort(
    (a, b) =>
      (b.at ?? "").localeCompare(a.at ?? "") ||
      a.source.localeCompare(b.source) ||
      a.excerpt.localeCompare(b.excerpt),
  )[0];
}

const description = (s: { source: Source; troops: number }) =>
  `The mission as ${s.source} saw it: ${s.troops} soldiers.`;

function document(s: Extract<Step, { do: "ingest" }>) {
  return {
    source: {
      key: s.source,
      name: `Article ${s.source}`,
      properties: { text: TEXT, ...(s.published ? { publishedAt: s.published } : {}) },
    },
    entities: [
      { key: "cm-nation", kind: "Nation", name: "Modelland" },
      { key: "cm-mission", kind: "Mission", name: "Operation Model", description: description(s) },
    ],
    relations: [
      {
        from: "cm-nation",
        type: "CONTRIBUTES_TO",
        to: "cm-mission",
        evidence: SENTENCES[s.sentence],
        properties: { troops: s.troops, ...(s.asOf ? { asOf: s.asOf } : {}) },
      },
    ],
  };
}

async function perform(s: Step): Promise<void> {
  const r =
    s.do === "ingest"
      ? await gql(
          `mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename ... on ValidationError { message } } }`,
          { d: document(s) },
          auth,
        )
      : s.do === "retract"
        ? await gql(
            "mutation ($k: String!, $r: Boolean) { retractSource(key: $k, retracted: $r) { __typename } }",
            { k: s.source, r: s.retracted },
            auth,
          )
        : await gql(
            "mutation ($k: String!) { deleteEntity(key: $k) { __typename } }",
            { k: s.source },
            auth,
          );
  expect(r.errors, JSON.stringify(s)).toBeUndefined();
  const answer = Object.values(r.data as Record<string, { __typename: string }>)[0];
  expect([
    "IngestDocumentSuccess",
    "RetractSourceSuccess",
    "DeleteEntitySuccess",
    "NotFoundError",
  ]).toContain(answer?.__typename);
}

interface Edge {
  troops: number | null;
  disputed: boolean;
  claims: Array<{
    source: { key: string };
    excerpt: string;
    at: string | null;
    values: { troops?: number };
    rank: string;
  }>;
}

async function read(asOf: string | null) {
  const r = await gql(
    `query ($asOf: String) {
       nation: entity(key: "cm-nation") {
         relations(types: [CONTRIBUTES_TO], direction: OUT, asOf: $asOf) {
           edges { node { key } troops disputed claims { source { key } excerpt at values rank } } } }
       mission: entity(key: "cm-mission") { description retracted }
       nations(where: { key: { equals: "cm-nation" } }) { totalCount edges { node { retracted } } }
       missions(where: { key: { equals: "cm-mission" } }) { totalCount }
       search(query: "Modelland", kinds: [Nation]) { totalCount } }`,
    { asOf },
  );
  // Before any article and after the last is deleted, neither entity exists: NOT_FOUND.
  const codes = (r.errors ?? []).map((e) => e.extensions?.code);
  const data = { ...(r.data as object), codes } as {
    codes: unknown[];
    nation: { relations: { edges: Edge[] } } | null;
    mission: { description: string | null; retracted: boolean } | null;
    nations: { totalCount: number; edges: Array<{ node: { retracted: boolean } }> };
    missions: { totalCount: number };
    search: { totalCount: number };
  };
  return data;
}

async function check(model: Model, asOf: string | null, trail: string): Promise<void> {
  const now = await read(null);
  if (!model.entities) {
    expect(now.codes, trail).toEqual(["NOT_FOUND", "NOT_FOUND"]);
    return;
  }
  expect(now.codes, trail).toEqual([]);
  // Only retracted sources left: stored (and flagged), but out of the lists and search.
  const shown = model.vouched ? 1 : 0;
  expect(
    {
      nations: now.nations.totalCount,
      listed: now.nations.edges.length,
      missions: now.missions.totalCount,
      found: now.search.totalCount,
      retracted: now.mission?.retracted,
    },
    trail,
  ).toEqual({
    nations: shown,
    listed: shown,
    missions: shown,
    found: shown,
    retracted: !model.vouched,
  });
  if (model.vouched) expect(now.nations.edges[0]?.node.retracted, trail).toBe(false);
  const edges = now.nation?.relations.edges ?? [];
  const listed = model.listed();
  // A relation that only retracted sources state is left out of reads until one is restored.
  if (!listed.some((c) => c.rank === "NORMAL")) {
    expect(edges, trail).toEqual([]);
  } else {
    expect(edges, trail).toHaveLength(1);
    const edge = edges[0] as Edge;
    expect(
      edge.claims.map((c) => ({
        source: c.source.key,
        excerpt: c.excerpt,
        at: c.at,
        troops: c.values.troops,
        rank: c.rank,
      })),
      trail,
    ).toEqual(listed);
    expect(edge.troops, trail).toBe(model.troops(null));
    expect(edge.disputed, trail).toBe(model.disputed());
    const then = await read(asOf);
    const past = then.nation?.relations.edges[0];
    expect(past?.troops ?? null, `${trail} as of ${asOf}`).toBe(model.troops(asOf));
  }
  const expected = model.description();
  if (expected !== undefined) expect(now.mission?.description, trail).toBe(expected);
}

describe("claims follow their sources, whatever users do in whatever order", () => {
  it("every step leaves the figures, history, disputes and descriptions the rules give", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(step, fc.constantFrom(...READ_AT)), { minLength: 1, maxLength: 9 }),
        async (steps) => {
          await removeByPrefix(db, "cm-");
          const model = new Model();
          const done: Step[] = [];
          for (const [s, asOf] of steps) {
            await perform(s);
            model.apply(s);
            done.push(s);
            await check(model, asOf, JSON.stringify(done));
          }
        },
      ),
      { seed: 20261205, numRuns: 60, endOnFailure: true },
    );
  }, 600_000);
});
