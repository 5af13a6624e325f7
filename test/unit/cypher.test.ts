/**
 * The Cypher that operations compile to, shown without a database (in the manner of the Neo4j
 * GraphQL Library's TCK tests): labels and types come from the registry, every value is a
 * parameter. The read statements are built from read plans (src/cypher/plan.ts) by
 * src/cypher/entities.ts and src/cypher/relations.ts; the live tests check behaviour, these show
 * the statements. The other statements' shapes: cypher-graph.test.ts (paths, neighbourhood,
 * disputes, the linker), cypher-ingest.test.ts (ingest, claims, bulk load, generated data, seed)
 * and cypher-writes.test.ts (the single writes).
 */
import { describe, expect, it } from "vitest";
import { entitiesByKeyStatement, entityPageStatement } from "../../src/cypher/entities.js";
import { compileWhere } from "../../src/cypher/filters.js";
import { Params } from "../../src/cypher/params.js";
import type { RelationPagePlan } from "../../src/cypher/plan.js";
import { relationPagesStatement } from "../../src/cypher/relations.js";
import { searchStatement } from "../../src/cypher/search.js";
import { timelineStatements } from "../../src/cypher/timeline.js";

/** A page of relations as the planner makes one: `first: 5` without hasNextPage. */
const page = (
  over: Partial<RelationPagePlan> & Pick<RelationPagePlan, "id">,
): RelationPagePlan => ({
  kinds: null,
  filter: {
    types: null,
    direction: "BOTH",
    otherKind: null,
    offset: 0,
    limit: 5,
    withTotal: false,
    asOf: null,
  },
  nodeProperties: [],
  relationProperties: [],
  children: [],
  ...over,
});

describe("Cypher shapes", () => {
  it("a filtered where: values as parameters, names lower-cased, OR and NOT nested", () => {
    const p = new Params();
    const cypher = compileWhere(
      "Nation",
      {
        name: { contains: "An" },
        OR: [{ key: { startsWith: "ca" } }, { NOT: { name: { equals: "Spain" } } }],
      },
      p,
    );
    expect({ cypher, params: p.values }).toMatchInlineSnapshot(`
      {
        "cypher": "(n.nameLower CONTAINS $w0) AND (((n.key STARTS WITH $w1) OR (NOT coalesce((n.nameLower = $w2), false))))",
        "params": {
          "w0": "an",
          "w1": "ca",
          "w2": "spain",
        },
      }
    `);
  });

  it("a where nested too deeply is refused at its path, said without an empty segment", () => {
    let deep: Record<string, unknown> = { name: { equals: "Spain" } };
    for (let i = 0; i < 7; i++) deep = { NOT: deep };
    let refused: unknown;
    try {
      compileWhere("Nation", deep, new Params());
    } catch (e) {
      refused = e;
    }
    expect((refused as Error).message).toBe(
      "where.NOT.NOT.NOT.NOT.NOT: filters nest at most 5 deep",
    );
    expect(refused).toMatchObject({
      problems: [{ path: ["where", "NOT", "NOT", "NOT", "NOT", "NOT"] }],
    });
  });

  it("a relation page as of a date reads the claim lists with the typed values", () => {
    const { cypher, params } = relationPagesStatement({
      keys: ["canada", "latvia", "canada"],
      page: page({
        id: "contributions",
        filter: {
          types: ["CONTRIBUTES_TO"],
          direction: "OUT",
          otherKind: null,
          offset: 0,
          limit: 5,
          withTotal: true,
          asOf: "2022-03",
        },
        relationProperties: ["troops"],
      }),
    });
    expect(cypher).toMatchInlineSnapshot(`
      "
      UNWIND $keys AS key
      MATCH (n:Entity {key: key})
      RETURN key, [COLLECT {
        MATCH (n)-[r0:CONTRIBUTES_TO]->(m0:Entity) WHERE (r0.evidenceRanks IS NULL OR any(rank IN r0.evidenceRanks WHERE rank <> "DEPRECATED")) AND (r0.since IS NULL OR r0.since <= $p0 + "~")
            AND (r0.until IS NULL OR r0.until + "~" >= $p0) AND (r0.date IS NULL OR r0.date <= $p0 + "~")
        WITH r0, m0 ORDER BY m0.nameLower ASC, m0.name ASC, m0.key, startNode(r0) = n DESC
        SKIP $p1 LIMIT $p2
        RETURN [type(r0), startNode(r0) = n, [r0.troops, r0.evidenceSources, r0.evidenceInferred, r0.evidenceAt, r0.evidenceValues, r0.evidenceRanks], [m0.key, m0.kind, m0.name]]
      }, COUNT { MATCH (n)-[r0:CONTRIBUTES_TO]->(m0:Entity) WHERE (r0.evidenceRanks IS NULL OR any(rank IN r0.evidenceRanks WHERE rank <> "DEPRECATED")) AND (r0.since IS NULL OR r0.since <= $p0 + "~")
            AND (r0.until IS NULL OR r0.until + "~" >= $p0) AND (r0.date IS NULL OR r0.date <= $p0 + "~") }] AS page"
    `);
    expect(params).toMatchInlineSnapshot(`
      {
        "keys": [
          "canada",
          "latvia",
        ],
        "p0": "2022-03",
        "p1": Integer {
          "high": 0,
          "low": 0,
        },
        "p2": Integer {
          "high": 0,
          "low": 5,
        },
      }
    `);
  });

  it("entities by key, as the entity loader reads them: every property, no relation page", () => {
    expect(entitiesByKeyStatement({ keys: ["canada", "nato"] })).toMatchInlineSnapshot(`
      {
        "cypher": "
      MATCH (n:Entity) WHERE n.key IN $keys
      RETURN n {.*, updatedAt: toString(n.updatedAt)} AS n",
        "params": {
          "keys": [
            "canada",
            "nato",
          ],
        },
      }
    `);
  });

  it("entity(key) with relation pages two levels down: only the selected properties, pages of one kind in a CASE", () => {
    const { cypher, params } = entitiesByKeyStatement({
      keys: ["canada"],
      properties: ["description"],
      pages: [
        page({
          id: "leaders",
          kinds: ["Nation"],
          filter: {
            types: ["LEADS"],
            direction: "IN",
            otherKind: "Person",
            offset: 0,
            limit: 3,
            withTotal: false,
          },
          relationProperties: ["role"],
          children: [
            page({
              id: "quotes",
              kinds: ["Person"],
              filter: {
                types: ["SAID"],
                direction: "OUT",
                otherKind: "Quote",
                offset: 0,
                limit: 2,
                withTotal: true,
              },
              nodeProperties: ["text"],
            }),
          ],
        }),
      ],
    });
    expect(cypher).toMatchInlineSnapshot(`
      "
      MATCH (n:Entity) WHERE n.key IN $keys
      RETURN n {.key, .kind, .name, .description} AS n, [CASE WHEN n:Nation THEN [COLLECT {
        MATCH (n)<-[r0:LEADS]-(m0:Person) WHERE (r0.evidenceRanks IS NULL OR any(rank IN r0.evidenceRanks WHERE rank <> "DEPRECATED"))
        WITH r0, m0 ORDER BY m0.nameLower ASC, m0.name ASC, m0.key, startNode(r0) = n DESC
        SKIP $p2 LIMIT $p3
        RETURN [type(r0), startNode(r0) = n, [r0.role], [m0.key, m0.kind, m0.name], [CASE WHEN m0:Person THEN [COLLECT {
        MATCH (m0)-[r1:SAID]->(m1:Quote) WHERE (r1.evidenceRanks IS NULL OR any(rank IN r1.evidenceRanks WHERE rank <> "DEPRECATED"))
        WITH r1, m1 ORDER BY m1.nameLower ASC, m1.name ASC, m1.key, startNode(r1) = m0 DESC
        SKIP $p0 LIMIT $p1
        RETURN [type(r1), startNode(r1) = m0, [], [m1.key, m1.kind, m1.name, m1.text]]
      }, COUNT { MATCH (m0)-[r1:SAID]->(m1:Quote) WHERE (r1.evidenceRanks IS NULL OR any(rank IN r1.evidenceRanks WHERE rank <> "DEPRECATED")) }] END]]
      }, null] END] AS pre"
    `);
    expect(params).toMatchInlineSnapshot(`
      {
        "keys": [
          "canada",
        ],
        "p0": Integer {
          "high": 0,
          "low": 0,
        },
        "p1": Integer {
          "high": 0,
          "low": 2,
        },
        "p2": Integer {
          "high": 0,
          "low": 0,
        },
        "p3": Integer {
          "high": 0,
          "low": 3,
        },
      }
    `);
  });

  it("a list filtered by a name prefix, counted: the kind's nameLower range index is named, the page is one row", () => {
    const { cypher, params, flat } = entityPageStatement({
      kind: "Nation",
      where: { name: { startsWith: "Ca" } },
      offset: 0,
      limit: 11,
      withTotal: true,
      properties: ["isoCode"],
    });
    expect(flat).toBe(true);
    expect(cypher).toMatchInlineSnapshot(`
      "WITH COUNT { MATCH (n:Nation) WHERE ((n.nameLower STARTS WITH $w0)) AND (NOT n:RetractedClaims OR NOT coalesce(size(n.claimRanks) > 0 AND all(rank IN n.claimRanks WHERE rank = "DEPRECATED"), false) OR EXISTS { (n)-[vouch]-() WHERE (vouch.evidenceRanks IS NULL OR any(rank IN vouch.evidenceRanks WHERE rank <> "DEPRECATED")) }) RETURN n } AS total
      CALL () {
        MATCH (n:Nation) USING RANGE INDEX n:Nation(nameLower) WHERE n.nameLower IS NOT NULL AND ((n.nameLower STARTS WITH $w0)) AND (NOT n:RetractedClaims OR NOT coalesce(size(n.claimRanks) > 0 AND all(rank IN n.claimRanks WHERE rank = "DEPRECATED"), false) OR EXISTS { (n)-[vouch]-() WHERE (vouch.evidenceRanks IS NULL OR any(rank IN vouch.evidenceRanks WHERE rank <> "DEPRECATED")) })
        WITH n ORDER BY n.nameLower ASC, n.name ASC, n.key ASC SKIP $offset LIMIT $limit
        RETURN collect(n {.key, .kind, .name, .isoCode}) AS items
      }
      RETURN total, items"
    `);
    expect(params).toMatchInlineSnapshot(`
      {
        "limit": Integer {
          "high": 0,
          "low": 11,
        },
        "offset": Integer {
          "high": 0,
          "low": 0,
        },
        "w0": "ca",
      }
    `);
  });

  it("a list filtered and counted in another order than name: the filter is written once, its matches both counted and paged", () => {
    // Written twice (a COUNT beside the page), each new shape of where was planned twice by
    // Neo4j: most of its first answer's time (bench/results/where-planning.md).
    const { cypher, flat } = entityPageStatement({
      kind: "Nation",
      where: { properties: { isoCode: { equals: "CAN" } } },
      orderBy: [{ field: "key" }],
      offset: 0,
      limit: 11,
      withTotal: true,
      properties: [],
    });
    expect(flat).toBe(true);
    expect(cypher).toMatchInlineSnapshot(`
      "MATCH (n:Nation) WHERE ((n.isoCode = $w0)) AND (NOT n:RetractedClaims OR NOT coalesce(size(n.claimRanks) > 0 AND all(rank IN n.claimRanks WHERE rank = "DEPRECATED"), false) OR EXISTS { (n)-[vouch]-() WHERE (vouch.evidenceRanks IS NULL OR any(rank IN vouch.evidenceRanks WHERE rank <> "DEPRECATED")) })
      WITH collect(n) AS matched
      CALL (matched) {
        UNWIND matched AS n
        WITH n ORDER BY n.key ASC SKIP $offset LIMIT $limit
        RETURN collect(n {.key, .kind, .name}) AS items
      }
      RETURN size(matched) AS total, items"
    `);
  });

  it("a list filtered and counted in name order (the default): the count beside a page that walks the name index", () => {
    // Collected and sorted, a broad filter's 23,624 matches at 100k took 68-80 ms where this took
    // 48-64 (plan30b, bench/results/where-planning.md): paid at every request, not once a shape.
    const { cypher } = entityPageStatement({
      kind: "Nation",
      where: { properties: { isoCode: { equals: "CAN" } } },
      offset: 0,
      limit: 11,
      withTotal: true,
      properties: [],
    });
    expect(cypher).toMatch(/^WITH COUNT \{ MATCH \(n:Nation\) WHERE /);
    expect(cypher).toContain("MATCH (n:Nation) WHERE n.nameLower IS NOT NULL AND ");
    expect(cypher).not.toContain("collect(n) AS matched");
  });

  it("a list anchored on named entities (related with keys), with relation pages: one row per entity", () => {
    const { cypher, params, flat } = entityPageStatement({
      kind: "Nation",
      where: { related: [{ type: "MEMBER_OF", direction: "OUT", keys: ["nato"] }] },
      orderBy: [{ field: "isoCode", direction: "DESC" }],
      offset: 20,
      limit: 10,
      withTotal: false,
      pages: [page({ id: "relations" })],
      properties: [],
    });
    expect(flat).toBe(false);
    expect(cypher).toMatchInlineSnapshot(`
      "MATCH (a:Entity) WHERE a.key IN $w0
        MATCH (n:Nation)-[anchored:MEMBER_OF]->(a:Entity) WHERE (anchored.evidenceRanks IS NULL OR any(rank IN anchored.evidenceRanks WHERE rank <> "DEPRECATED"))
        WITH DISTINCT n WHERE (true) AND (NOT n:RetractedClaims OR NOT coalesce(size(n.claimRanks) > 0 AND all(rank IN n.claimRanks WHERE rank = "DEPRECATED"), false) OR EXISTS { (n)-[vouch]-() WHERE (vouch.evidenceRanks IS NULL OR any(rank IN vouch.evidenceRanks WHERE rank <> "DEPRECATED")) })
        WITH n ORDER BY n.isoCode IS NULL, n.isoCode DESC, n.key ASC SKIP $offset LIMIT $limit
        RETURN {n: n {.key, .kind, .name}, pre: [[COLLECT {
        MATCH (n)-[r0]-(m0:Entity) WHERE (r0.evidenceRanks IS NULL OR any(rank IN r0.evidenceRanks WHERE rank <> "DEPRECATED"))
        WITH r0, m0 ORDER BY type(r0), m0.nameLower ASC, m0.name ASC, m0.key, startNode(r0) = n DESC
        SKIP $w2 LIMIT $w3
        RETURN [type(r0), startNode(r0) = n, [], [m0.key, m0.kind, m0.name]]
      }, null]]} AS item"
    `);
    expect(params).toMatchInlineSnapshot(`
      {
        "limit": Integer {
          "high": 0,
          "low": 10,
        },
        "offset": Integer {
          "high": 0,
          "low": 20,
        },
        "w0": [
          "nato",
        ],
        "w1": [
          "nato",
        ],
        "w2": Integer {
          "high": 0,
          "low": 0,
        },
        "w3": Integer {
          "high": 0,
          "low": 5,
        },
      }
    `);
  });

  it("search: what was typed goes to Lucene escaped, and to Cypher only as parameters", () => {
    const statement = searchStatement({
      text: 'Stolten") OR *:*',
      kinds: ["Person"],
      offset: 0,
      limit: 10,
      withTotal: true,
      properties: [],
    });
    expect(statement).toMatchInlineSnapshot(`
      {
        "cypher": "
      CALL () {
        CALL () {
        CALL db.index.fulltext.queryNodes('entity_fulltext', $query) YIELD node, score
        RETURN node, score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Person) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Nation) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Organization) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Place) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Mission) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Event) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Pledge) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Quote) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Source) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        }
        WITH node, max(score) AS score
        WHERE ($kinds IS NULL OR node.kind IN $kinds) AND (NOT node:RetractedClaims OR NOT coalesce(size(node.claimRanks) > 0 AND all(rank IN node.claimRanks WHERE rank = "DEPRECATED"), false) OR EXISTS { (node)-[vouch]-() WHERE (vouch.evidenceRanks IS NULL OR any(rank IN vouch.evidenceRanks WHERE rank <> "DEPRECATED")) })
        WITH node, score, CASE
          WHEN node.nameLower IN $typed OR any(a IN coalesce(node.aliasesLower, []) WHERE a IN $typed)
            OR any(p IN coalesce(node.plainNames, []) WHERE p IN $plain) THEN 2
          WHEN any(t IN $typed WHERE node.nameLower STARTS WITH t
            OR any(a IN coalesce(node.aliasesLower, []) WHERE a STARTS WITH t))
            OR any(t IN $plain WHERE any(p IN coalesce(node.plainNames, []) WHERE p STARTS WITH t)) THEN 1
          ELSE 0 END AS tier
        WITH node, tier, score + 3 * tier AS score
        // The tier first: a boost alone let a longer name that holds the word outscore the entity of
        // exactly that name (the invasion of Ukraine came before Ukraine for "Ukraine").
        ORDER BY tier DESC, score DESC, node.name, node.key
        SKIP $offset LIMIT $limit
        RETURN collect({n: node {.key, .kind, .name, .aliases, .description}, score: score}) AS items
      }
      CALL () {
        CALL () {
        CALL db.index.fulltext.queryNodes('entity_fulltext', $query) YIELD node, score
        RETURN node, score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Person) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Nation) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Organization) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Place) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Mission) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Event) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Pledge) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Quote) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        UNION ALL
        UNWIND $typed AS typed
        MATCH (node:Source) WHERE node.nameLower STARTS WITH typed
        RETURN node, 0.0 AS score
        }
        WITH node, max(score) AS score
        WHERE ($kinds IS NULL OR node.kind IN $kinds) AND (NOT node:RetractedClaims OR NOT coalesce(size(node.claimRanks) > 0 AND all(rank IN node.claimRanks WHERE rank = "DEPRECATED"), false) OR EXISTS { (node)-[vouch]-() WHERE (vouch.evidenceRanks IS NULL OR any(rank IN vouch.evidenceRanks WHERE rank <> "DEPRECATED")) })
        RETURN count(node) AS total
      }
      RETURN items, total",
        "params": {
          "kinds": [
            "Person",
          ],
          "limit": Integer {
            "high": 0,
            "low": 10,
          },
          "offset": Integer {
            "high": 0,
            "low": 0,
          },
          "plain": [
            "stolten") or *:*",
          ],
          "query": "(name:(stolten^3 OR stolten* OR stolten~1)^4 OR aliases:(stolten^3 OR stolten* OR stolten~1)^2 OR plainNames:(stolten^3 OR stolten* OR stolten~1)^3 OR description:(stolten^3 OR stolten* OR stolten~1)) AND (name:(or^3 OR or*)^4 OR aliases:(or^3 OR or*)^2 OR plainNames:(or^3 OR or*)^3 OR description:(or^3 OR or*))",
          "typed": [
            "stolten") or *:*",
          ],
        },
      }
    `);
    expect(
      searchStatement({ text: " ~*: ", kinds: null, offset: 0, limit: 10, withTotal: false }),
    ).toBeNull();
  });

  it("a timeline between two partial dates: the page and its count over the same entries", () => {
    expect(
      timelineStatements({ key: "canada", from: "2022", to: "2022-03", offset: 0, limit: 20 }),
    ).toMatchInlineSnapshot(`
      {
        "count": {
          "cypher": "
      MATCH (n:Entity {key: $key})
      CALL (n) {
        MATCH (n)-[link]-(e:Event) WHERE e.date IS NOT NULL AND (link.evidenceRanks IS NULL OR any(rank IN link.evidenceRanks WHERE rank <> "DEPRECATED"))
        RETURN DISTINCT e.date AS date, e {.*, updatedAt: toString(e.updatedAt)} AS event, null AS rel
        UNION
        MATCH (n)-[r]-(m:Entity)
        WHERE NOT m:Event AND NOT r:MENTIONS AND (r.evidenceRanks IS NULL OR any(rank IN r.evidenceRanks WHERE rank <> "DEPRECATED"))
        WITH n, r, m, [d IN [r.date, r.since, r.until] WHERE d IS NOT NULL | {date: d, asOf: null}] +
          CASE WHEN type(r) IN $overTime THEN
            [i IN range(0, size(coalesce(r.evidenceAt, [])) - 1)
             WHERE r.evidenceAt[i] <> "" AND coalesce(r.evidenceRanks[i], "NORMAL") <> "DEPRECATED"
             | {date: r.evidenceAt[i], asOf: r.evidenceAt[i]}]
          ELSE [] END AS dates
        UNWIND dates AS d
        WITH DISTINCT n, r, m, d.date AS date, d.asOf AS asOf
        RETURN date, null AS event,
               {props: r {.*, updatedAt: toString(r.updatedAt)}, type: type(r), out: startNode(r) = n, m: m {.*, updatedAt: toString(m.updatedAt)}, asOf: asOf} AS rel
      }
      WITH date, event, rel WHERE date <= $t0 AND date >= $t2 AND (date >= $t1 OR $t1 STARTS WITH date)
      RETURN count(*) AS total",
          "params": {
            "key": "canada",
            "overTime": [
              "CONTRIBUTES_TO",
              "SPENDS",
            ],
            "t0": "2022-03~",
            "t1": "2022",
            "t2": "2022",
          },
        },
        "page": {
          "cypher": "
      MATCH (n:Entity {key: $key})
      CALL (n) {
        MATCH (n)-[link]-(e:Event) WHERE e.date IS NOT NULL AND (link.evidenceRanks IS NULL OR any(rank IN link.evidenceRanks WHERE rank <> "DEPRECATED"))
        RETURN DISTINCT e.date AS date, e {.*, updatedAt: toString(e.updatedAt)} AS event, null AS rel
        UNION
        MATCH (n)-[r]-(m:Entity)
        WHERE NOT m:Event AND NOT r:MENTIONS AND (r.evidenceRanks IS NULL OR any(rank IN r.evidenceRanks WHERE rank <> "DEPRECATED"))
        WITH n, r, m, [d IN [r.date, r.since, r.until] WHERE d IS NOT NULL | {date: d, asOf: null}] +
          CASE WHEN type(r) IN $overTime THEN
            [i IN range(0, size(coalesce(r.evidenceAt, [])) - 1)
             WHERE r.evidenceAt[i] <> "" AND coalesce(r.evidenceRanks[i], "NORMAL") <> "DEPRECATED"
             | {date: r.evidenceAt[i], asOf: r.evidenceAt[i]}]
          ELSE [] END AS dates
        UNWIND dates AS d
        WITH DISTINCT n, r, m, d.date AS date, d.asOf AS asOf
        RETURN date, null AS event,
               {props: r {.*, updatedAt: toString(r.updatedAt)}, type: type(r), out: startNode(r) = n, m: m {.*, updatedAt: toString(m.updatedAt)}, asOf: asOf} AS rel
      }
      WITH date, event, rel WHERE date <= $t0 AND date >= $t2 AND (date >= $t1 OR $t1 STARTS WITH date)
      RETURN date, event, rel
      ORDER BY date, coalesce(event.name, rel.m.name), coalesce(event.key, rel.m.key),
        rel.type, rel.out DESC, rel.asOf
      SKIP $offset LIMIT $limit",
          "params": {
            "key": "canada",
            "limit": Integer {
              "high": 0,
              "low": 20,
            },
            "offset": Integer {
              "high": 0,
              "low": 0,
            },
            "overTime": [
              "CONTRIBUTES_TO",
              "SPENDS",
            ],
            "t0": "2022-03~",
            "t1": "2022",
            "t2": "2022",
          },
        },
      }
    `);
  });
});
