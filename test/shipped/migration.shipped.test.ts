/**
 * The claims migration (issue 24): a graph written by the previous version (relations with
 * evidence but no claim values or points in time) is converted when the server as shipped
 * starts, and starting again changes nothing.
 */
import { afterAll, describe, expect, it } from "vitest";
import { cypher, removeByPrefix, testDb } from "../helpers/client.js";
import { post, startShipped } from "../helpers/shipped.js";

const db = testDb();
const P = "migr-";
afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
});

/** What the previous version wrote: entities, a dated source, and a relation without claims. */
async function writeLegacyGraph() {
  await cypher(
    db,
    `CREATE (:Entity:Source {key: $p + 'source', kind: 'Source', name: 'Old article', nameLower: 'old article', aliases: [], publishedAt: '2019-05'})
     CREATE (a:Entity:Nation {key: $p + 'canada', kind: 'Nation', name: 'Oldland', nameLower: 'oldland', aliases: []})
     CREATE (m:Entity:Mission {key: $p + 'mission', kind: 'Mission', name: 'Old mission', nameLower: 'old mission', aliases: []})
     CREATE (a)-[:CONTRIBUTES_TO {troops: 455, evidenceSources: [$p + 'source'], evidenceExcerpts: ['455 troops serve.'],
                                   evidenceInferred: [false], inferred: false, updatedBy: 'ingest', updatedAt: datetime('2020-01-01T00:00:00Z')}]->(m)`,
    { p: P },
  );
}

const QUERY = `query ($k: String!) { entity(key: $k) { relations(types: [CONTRIBUTES_TO]) { edges {
  troops disputed sourceCount updatedAt claims { source { key } excerpt at values rank inferred } } } } }`;

describe("claims migration on start", () => {
  it("converts relations written before claims, once", async () => {
    await writeLegacyGraph();
    const first = await startShipped();
    let converted: unknown;
    try {
      const r = await post(first, { query: QUERY, variables: { k: `${P}canada` } });
      expect(r.body.errors).toBeUndefined();
      converted = r.body.data.entity.relations.edges;
      expect(converted).toEqual([
        {
          troops: 455,
          disputed: false,
          sourceCount: 1,
          updatedAt: "2020-01-01T00:00:00Z",
          claims: [
            {
              source: { key: `${P}source` },
              excerpt: "455 troops serve.",
              at: "2019-05",
              values: { troops: 455 },
              rank: "NORMAL",
              inferred: false,
            },
          ],
        },
      ]);
      expect(first.output()).toMatch(/Converted \d+ relations to claims/);
    } finally {
      await first.stop();
    }
    const [stored] = await cypher(
      db,
      "MATCH (:Entity {key: $k})-[r:CONTRIBUTES_TO]->() RETURN properties(r) AS props",
      { k: `${P}canada` },
    );
    // Again: nothing left to convert, and the relation is as the first start left it.
    const second = await startShipped();
    try {
      const r = await post(second, { query: QUERY, variables: { k: `${P}canada` } });
      expect(r.body.data.entity.relations.edges).toEqual(converted);
      expect(second.output()).not.toMatch(/Converted \d+ relations to claims/);
    } finally {
      await second.stop();
    }
    const [again] = await cypher(
      db,
      "MATCH (:Entity {key: $k})-[r:CONTRIBUTES_TO]->() RETURN properties(r) AS props",
      { k: `${P}canada` },
    );
    expect(JSON.stringify(again?.props)).toBe(JSON.stringify(stored?.props));
  });
});
