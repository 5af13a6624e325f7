/**
 * Differential checks (redteam19), writes: an admin ingests a small random document (new
 * entities, entities the graph has, relations among them), retracts its source, restores it and
 * deletes it. The whole graph is fetched through the lists before and after each step and diffed:
 * the document adds exactly its entities and relations and changes nothing else; retracted, every
 * list and relation is as before it; restored, as after the ingest; deleted, as before it.
 *
 * The seed is fixed; FC_RUNS sets the runs for a longer hunt.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "../../src/auth/tokens.js";
import {
  isAllowedEndpoint,
  type Kind,
  RELATION_TYPE_NAMES,
  type RelationType,
} from "../../src/domain/vocabulary.js";
import { createClient, removeByPrefix } from "../helpers/client.js";
import { db, props, type Row, SEED, snapshot } from "../helpers/differential.js";

const P = "dw-";
const admin = generateToken();
const { gql } = createClient(db, {
  tokens: [{ name: "differential-writes", sha256: admin.sha256, scopes: ["admin"] }],
});
const auth = `Bearer ${admin.token}`;
const RUNS = Math.max(1, Math.round(Number(process.env.FC_RUNS ?? 15) / 5));

beforeAll(() => removeByPrefix(db, P));
afterAll(() => removeByPrefix(db, P));

/** Entities a document may name that the seed has (with their names, as a document gives them). */
const KNOWN: Array<{ key: string; kind: Kind; name: string }> = [
  { key: "canada", kind: "Nation", name: "Canada" },
  { key: "latvia", kind: "Nation", name: "Latvia" },
  { key: "nato", kind: "Organization", name: "NATO" },
  { key: "justin-trudeau", kind: "Person", name: "Justin Trudeau" },
  { key: "operation-reassurance", kind: "Mission", name: "Operation Reassurance" },
];
const NEW_KINDS: Kind[] = ["Nation", "Organization", "Person", "Mission", "Event", "Place"];

interface Doc {
  entities: Array<{ key: string; kind: Kind; name: string }>;
  relations: Array<{ from: string; type: RelationType; to: string; evidence: string }>;
  text: string;
}

const docArb: fc.Arbitrary<Doc> = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...KNOWN), { maxLength: 3, selector: (e) => e.key }),
    fc.array(fc.constantFrom(...NEW_KINDS), { minLength: 1, maxLength: 4 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...RELATION_TYPE_NAMES), fc.nat()), {
      maxLength: 8,
    }),
  )
  .map(([known, kinds, picks]) => {
    const fresh = kinds.map((kind, i) => ({ key: `${P}e${i}`, kind, name: `Dw ${kind} ${i}` }));
    const entities = [...known, ...fresh];
    const relations: Doc["relations"] = [];
    const seen = new Set<string>();
    for (const [a, type, b] of picks) {
      const from = entities[a % entities.length] as Doc["entities"][number];
      const to = entities[b % entities.length] as Doc["entities"][number];
      const id = `${from.key}|${type}|${to.key}`;
      if (from.key === to.key || seen.has(id) || !isAllowedEndpoint(type, from.kind, to.kind))
        continue;
      seen.add(id);
      relations.push({
        from: from.key,
        type,
        to: to.key,
        evidence: `${from.name} ${type.toLowerCase()} ${to.name} (${relations.length}).`,
      });
    }
    return { entities, relations, text: relations.map((r) => r.evidence).join(" ") || "Nothing." };
  });

async function mutate(query: string, variables: Record<string, unknown>) {
  const r = await gql(query, variables, auth);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  const payload = Object.values(r.data ?? {})[0] as { __typename: string; problems?: unknown };
  expect(payload.__typename, JSON.stringify(payload)).toMatch(/Success$/);
}

/** The graph as comparable lines: each entity's fields, and each relation seen from its start. */
function lines(graph: Map<string, Row>, leaveOut: string): string[] {
  const out: string[] = [];
  for (const row of graph.values()) {
    if (row.key === leaveOut) continue;
    out.push(
      `${row.kind} ${row.key} ${JSON.stringify([row.name, [...row.aliases].sort(), row.props])}`,
    );
    for (const r of row.rels)
      if (r.out && r.other !== leaveOut)
        out.push(`  ${row.key} ${r.type} ${r.other} ${JSON.stringify([r.since, r.until, r.date])}`);
  }
  return out.sort();
}

describe("differential writes: an ingest adds its document and nothing else; a retraction or a delete takes it back", () => {
  it("ingest, retract, restore, delete: the whole graph diffed at each step", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(docArb, async (doc) => {
        const source = `${P}source-${n++}`;
        const before = lines(await snapshot(), source);
        await mutate(
          `mutation($d: JSONObject!) { ingestDocument(document: $d) { __typename ... on ValidationError { problems { message path } } } }`,
          {
            d: {
              source: {
                key: source,
                name: `Dw report ${n}`,
                properties: { text: doc.text, publishedAt: "2024-05" },
              },
              entities: doc.entities,
              relations: doc.relations,
            },
          },
        );
        // What the document adds: its new entities and its relations, each once.
        const added = [
          ...doc.entities
            .filter((e) => e.key.startsWith(P))
            .map((e) => `${e.kind} ${e.key} ${JSON.stringify([e.name, [], nullProps(e.kind)])}`),
          ...doc.relations.map(
            (r) => `  ${r.from} ${r.type} ${r.to} ${JSON.stringify([null, null, null])}`,
          ),
        ];
        const expectedAfter = [...new Set([...before, ...added])].sort();
        const after = lines(await snapshot(), source);
        expect(after).toEqual(expectedAfter);

        await mutate(`mutation($k: String!) { retractSource(key: $k) { __typename } }`, {
          k: source,
        });
        expect(lines(await snapshot(), source)).toEqual(before);

        await mutate(
          `mutation($k: String!) { retractSource(key: $k, retracted: false) { __typename } }`,
          { k: source },
        );
        expect(lines(await snapshot(), source)).toEqual(expectedAfter);

        await mutate(`mutation($k: String!) { deleteEntity(key: $k) { __typename } }`, {
          k: source,
        });
        expect(lines(await snapshot(), source)).toEqual(before);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 180_000);
});

/** The properties a new entity of `kind` shows (every one null: the document gives none). */
const nullProps = (kind: Kind) => Object.fromEntries(props(kind).map(([p]) => [p, null]));
