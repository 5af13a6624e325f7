/**
 * Neighbourhoods around the most connected entities, against the server as `npm start` runs it
 * with a small read budget (1 MB, so a fixture of a few hundred entities shows what a graph of
 * many thousands does at the default 16 MB; `npm run generate -- --entities 10000` has a nation
 * whose depth-2 neighbourhood of 500 read past 16 MB). A neighbourhood within its documented
 * limits (depth 3, limit 500) is an answer marked `truncated`, not LIMIT_EXCEEDED: the walk reads
 * what it can keep, not every relation of the frontier with its far end only to drop it, nor a
 * source's whole text once for each entity the source mentions.
 */
import { describe, expect, it } from "vitest";
import { ingestOk, post, shippedWithPrefix } from "../helpers/shipped.js";

const P = "shipped-hubs-";
const { server } = shippedWithPrefix(P, { env: { MAX_READ_BYTES: "1000000" } });

const PEOPLE = 150;
const PLACES = 20;
const VISITS = 10;
const person = (i: number) => `${P}person-${i}`;

/** A nation 150 people serve in, each of whom visited 10 of 20 places. */
function hubDocument() {
  const sentences: string[] = [];
  const relations: object[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const serves = `Person ${i} serves in Hubland.`;
    const visited = `Person ${i} visited places.`;
    sentences.push(serves, visited);
    relations.push({ from: person(i), type: "SERVES_IN", to: `${P}hubland`, evidence: serves });
    for (let v = 0; v < VISITS; v++) {
      const to = `${P}place-${(i + v) % PLACES}`;
      relations.push({ from: person(i), type: "VISITED", to, evidence: visited });
    }
  }
  return {
    source: { key: `${P}register`, name: "Register", properties: { text: sentences.join(" ") } },
    entities: [
      { key: `${P}hubland`, kind: "Nation", name: "Hubland" },
      ...Array.from({ length: PEOPLE }, (_, i) => ({
        key: person(i),
        kind: "Person",
        name: `Person ${i}`,
        description: `An official of Hubland, number ${i} of the register.`,
      })),
      ...Array.from({ length: PLACES }, (_, p) => ({
        key: `${P}place-${p}`,
        kind: "Place",
        name: `Place ${p}`,
      })),
    ],
    relations,
  };
}

/** A wire story of about 20 kB that mentions 50 of those people. */
function wireDocument() {
  const names = Array.from({ length: 50 }, (_, i) => `It names Person ${i}.`);
  const padding = "The wire story goes on about other things at length. ".repeat(400);
  return {
    source: {
      key: `${P}wire`,
      name: "Wire story",
      properties: { text: `${padding}${names.join(" ")}` },
    },
    relations: names.map((evidence, i) => ({
      from: `${P}wire`,
      type: "MENTIONS",
      to: person(i),
      evidence,
    })),
  };
}

const ingest = (document: object) => ingestOk(server, document);

const NEIGHBOURHOOD = `query ($key: String!, $depth: Int!, $limit: Int!, $types: [RelationType!]) {
  neighbourhood(key: $key, depth: $depth, limit: $limit, types: $types) {
    truncated nodes { key } edges { type from { key } to { key } } } }`;

interface Subgraph {
  truncated: boolean;
  nodes: { key: string }[];
  edges: { type: string; from: { key: string }; to: { key: string } }[];
}

async function neighbourhood(variables: Record<string, unknown>): Promise<Subgraph> {
  const r = await post(server, { query: NEIGHBOURHOOD, variables });
  expect(r.status).toBe(200);
  expect(r.body.errors).toBeUndefined();
  return r.body.data.neighbourhood;
}

describe("the neighbourhood of a hub, on the server as npm start runs it", () => {
  it("is answered truncated at its limit, with the relations among the entities it took", async () => {
    await ingest(hubDocument());
    const sub = await neighbourhood({ key: `${P}hubland`, depth: 2, limit: 50, types: null });
    expect(sub.truncated).toBe(true);
    expect(sub.nodes).toHaveLength(50);
    const keys = new Set(sub.nodes.map((n) => n.key));
    expect(keys.has(`${P}hubland`)).toBe(true);
    // Every edge joins two entities of the answer, and each person taken serves in Hubland.
    for (const e of sub.edges) {
      expect(keys.has(e.from.key) && keys.has(e.to.key)).toBe(true);
    }
    const serving = sub.edges.filter((e) => e.type === "SERVES_IN");
    expect(serving).toHaveLength(49);
    // Depth 3 reads no more: the limit was reached at the first level.
    const deeper = await neighbourhood({ key: `${P}hubland`, depth: 3, limit: 50, types: null });
    const sorted = (g: Subgraph) => ({
      truncated: g.truncated,
      nodes: g.nodes.map((n) => n.key).sort(),
      edges: g.edges.map((e) => `${e.from.key}|${e.type}|${e.to.key}`).sort(),
    });
    expect(sorted(deeper)).toEqual(sorted(sub));
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(server.alive()).toBe(true);
  });

  it("of a long source through MENTIONS reads the source once, not once per mention", async () => {
    await ingest(wireDocument());
    const sub = await neighbourhood({
      key: `${P}wire`,
      depth: 2,
      limit: 100,
      types: ["MENTIONS"],
    });
    expect(sub.truncated).toBe(false);
    expect(sub.nodes).toHaveLength(51);
    expect(sub.edges).toHaveLength(50);
    expect(sub.edges.every((e) => e.type === "MENTIONS" && e.from.key === `${P}wire`)).toBe(true);
    expect(server.alive()).toBe(true);
  });
});

describe("paths through a long source, on the server as npm start runs it", () => {
  it("send the source once, not once per path (thirty paths through an 80 kB article)", async () => {
    // People 100 to 149 are named in one long article: every path between two of them by
    // MENTIONS and SERVES_IN after the two shortest (through the article, through Hubland)
    // passes the article, so thirty paths sent it thirty times, past the 1 MB read budget.
    const names = Array.from({ length: 50 }, (_, i) => `It names Person ${100 + i}.`);
    await ingest({
      source: {
        key: `${P}archive`,
        name: "Archive",
        properties: {
          text: `${"An archive of very long records. ".repeat(2500)}${names.join(" ")}`,
        },
      },
      relations: names.map((evidence, i) => ({
        from: `${P}archive`,
        type: "MENTIONS",
        to: person(100 + i),
        evidence,
      })),
    });
    const r = await post(server, {
      query: `query ($from: String!, $to: String!) {
        paths(from: $from, to: $to, first: 10, maxHops: 4, types: [MENTIONS, SERVES_IN]) {
          length nodes { key } } }`,
      variables: { from: person(100), to: person(101) },
    });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    const paths = r.body.data.paths as { length: number; nodes: { key: string }[] }[];
    expect(paths).toHaveLength(10);
    expect(
      paths
        .slice(0, 2)
        .map((p) => p.nodes.map((n) => n.key))
        .sort(),
    ).toEqual([
      [person(100), `${P}archive`, person(101)],
      [person(100), `${P}hubland`, person(101)],
    ]);
    for (const p of paths) {
      expect(p.nodes).toHaveLength(p.length + 1);
      expect(p.nodes[0]?.key).toBe(person(100));
      expect(p.nodes.at(-1)?.key).toBe(person(101));
    }
    expect(paths.slice(2).every((p) => p.length === 4)).toBe(true);
    expect(server.alive()).toBe(true);
  });
});
