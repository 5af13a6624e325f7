import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { repairText } from "../../src/domain/repair.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { runCli } from "../helpers/cli.js";
import { createClient, cypher, testDb } from "../helpers/client.js";

const db = testDb();
// The evidence walk reads every relation of every entity in one operation: lift the cost limit.
const { gql } = createClient(db, { limits: { ...DEFAULT_LIMITS, maxCost: 10_000_000 } });
afterAll(() => db.driver.close());

/** Everything a user could see change: nodes, relationships, every property, every piece of evidence. */
async function fingerprint() {
  const [nodes] = await cypher(
    db,
    "MATCH (n) RETURN count(n) AS n, collect(n {.*, labels: labels(n)}) AS all",
  );
  const [rels] = await cypher(
    db,
    "MATCH (a)-[r]->(b) WITH a.key + '|' + type(r) + '|' + b.key AS id, r ORDER BY id RETURN count(r) AS n, collect([id, r {.*}]) AS all",
  );
  const sort = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
  return {
    nodes: Number(nodes?.n),
    rels: Number(rels?.n),
    nodeData: sort(nodes?.all as unknown[]),
    relData: sort(rels?.all as unknown[]),
  };
}

interface Mention {
  node: {
    relations: { edges: Array<{ evidence: Array<{ excerpt: string; source: { key: string } }> }> };
  };
}

describe("the seed", () => {
  it("`npm run seed` twice leaves exactly the same graph", async () => {
    const before = await fingerprint();
    for (let i = 0; i < 2; i++) {
      const { stdout } = await runCli(["src/cli/seed.ts"]);
      expect(stdout).toMatch(/ctv-2022-nato-defence-spending: 45 entities, 172 relations/);
    }
    const after = await fingerprint();
    expect(after.nodes).toBe(before.nodes);
    expect(after.rels).toBe(before.rels);
    expect(after.nodeData).toEqual(before.nodeData);
    expect(after.relData).toEqual(before.relData);
  }, 120_000);

  it("keeps the repaired article as the source's text", async () => {
    const { data } = await gql(
      `{ entity(key: "ctv-2022-nato-defence-spending") { ... on Source { text credit publisher } } }`,
    );
    const raw = readFileSync("seed/000_4f2a725f6fafb235.txt", "utf8");
    expect(data.entity.text).toBe(repairText(raw));
    expect(data.entity.credit).toBe("With a file from The Canadian Press.");
  });

  it("gives every relation evidence whose excerpt is a sentence of the article", async () => {
    const { data: src } = await gql(
      `{ entity(key: "ctv-2022-nato-defence-spending") { ... on Source { text } } }`,
    );
    const text: string = src.entity.text;
    let checked = 0;
    let after: string | null = null;
    do {
      // biome-ignore lint/suspicious/noExplicitAny: a test reads the response shape it asked for
      const { data, errors }: { data?: any; errors?: unknown } = await gql(
        `query ($after: String) {
          entity(key: "ctv-2022-nato-defence-spending") { ... on Source { mentions(first: 100, after: $after) {
            pageInfo { hasNextPage endCursor }
            edges { node { key relations(first: 100) { edges { type inferred evidence { excerpt source { key title } } } } } }
          } } }
        }`,
        { after },
      );
      expect(errors).toBeUndefined();
      const mentions: { edges: Mention[]; pageInfo: { hasNextPage: boolean; endCursor: string } } =
        data.entity.mentions;
      for (const m of mentions.edges) {
        for (const rel of m.node.relations.edges) {
          expect(rel.evidence.length).toBeGreaterThan(0);
          for (const e of rel.evidence) {
            expect(e.source.key).toBe("ctv-2022-nato-defence-spending");
            expect(text).toContain(e.excerpt);
            checked++;
          }
        }
      }
      after = mentions.pageInfo.hasNextPage ? mentions.pageInfo.endCursor : null;
    } while (after);
    // Each of the 172 relations is seen from both ends, but the source's own 44 MENTIONS only
    // from the entity mentioned (the source does not mention itself).
    expect(checked).toBe(2 * 172 - 44);
  });

  it("marks what the article implies, not states, as inferred", async () => {
    const { data } = await gql(
      `{ entity(key: "operation-reassurance") { ... on Mission { hosts { edges { inferred node { key } } } deployedTo { edges { inferred node { key } } } } } }`,
    );
    expect(data.entity.hosts.edges).toContainEqual({ inferred: true, node: { key: "latvia" } });
    expect(data.entity.deployedTo.edges).toContainEqual({
      inferred: false,
      node: { key: "latvia" },
    });
  });
});

describe("search", () => {
  it("finds Stoltenberg by a partial name", async () => {
    const { data, errors } = await gql(
      `{ search(query: "stolten") { totalCount edges { score node { __typename key name } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.search.edges[0].node).toEqual({
      __typename: "Person",
      key: "jens-stoltenberg",
      name: "Jens Stoltenberg",
    });
    expect(data.search.edges[0].score).toBeGreaterThan(0);
  });

  it("finds by alias and filters by kind", async () => {
    const { data } = await gql(
      `{ search(query: "North Atlantic Treaty Organization", kinds: [Organization]) { edges { node { key kind } } } }`,
    );
    expect(data.search.edges[0].node).toEqual({ key: "nato", kind: "Organization" });
    for (const e of data.search.edges) expect(e.node.kind).toBe("Organization");
  });

  it("treats query syntax as plain words", async () => {
    const r = await gql(`{ search(query: "*:* OR \\"") { edges { node { key } } } }`);
    expect(r.errors).toBeUndefined();
  });
});
