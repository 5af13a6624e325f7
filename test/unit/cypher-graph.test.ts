/**
 * The Cypher of the graph-wide reads, shown without a database: paths between two entities
 * (src/cypher/paths.ts), a neighbourhood (src/cypher/neighbourhood.ts), disputes and
 * corroboration (src/cypher/disputes.ts) and the extractor's linker (src/cypher/linker.ts).
 * paths.int, neighbourhood.int, disputes.int and the extract tests check what they do.
 */
import { describe, expect, it } from "vitest";
import { disputesStatement, sourceCountsStatement } from "../../src/cypher/disputes.js";
import { linkLookupStatement } from "../../src/cypher/linker.js";
import {
  neighbourhoodLevelStatement,
  neighbourhoodStartStatement,
} from "../../src/cypher/neighbourhood.js";
import { MAX_HOPS, pathsStatement } from "../../src/cypher/paths.js";
import { syndicationParams } from "../../src/cypher/syndication.js";

describe("Cypher shapes: graph reads", () => {
  it("paths: the ends found and the k shortest paths in one statement; hops and k checked integers in the text", () => {
    expect(
      pathsStatement({
        from: "canada",
        to: "latvia",
        types: ["MEMBER_OF", "CONTRIBUTES_TO", "HOSTS"],
        maxHops: 4,
        k: 9,
      }),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "
      OPTIONAL MATCH (a:Entity {key: $from})
      OPTIONAL MATCH (b:Entity {key: $to})
      CALL (a, b) {
        WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
        MATCH p = SHORTEST 9 ((a)(()-[step:MEMBER_OF|CONTRIBUTES_TO|HOSTS WHERE (step.evidenceRanks IS NULL OR any(rank IN step.evidenceRanks WHERE rank <> "DEPRECATED"))]-(hop)){1,4}(b)
          WHERE NOT a IN hop AND all(i IN range(0, size(hop) - 2) WHERE NOT hop[i] IN hop[i + 1..]))
        WITH collect(p) AS found
        CALL (found) {
          UNWIND found AS p
          UNWIND nodes(p) AS n
          WITH DISTINCT n
          RETURN collect(n {.*, updatedAt: toString(n.updatedAt)}) AS entities
        }
        RETURN [p IN found | {
          nodes: [n IN nodes(p) | n.key],
          rels: [r IN relationships(p) | {props: r {.*, updatedAt: toString(r.updatedAt)}, type: type(r), start: startNode(r).key}]
        }] AS paths, entities
      }
      RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,
        CASE WHEN a = b THEN [{nodes: [a.key], rels: []}] ELSE paths END AS paths,
        CASE WHEN a = b THEN [a {.*, updatedAt: toString(a.updatedAt)}] ELSE entities END AS entities",
        "params": {
          "from": "canada",
          "to": "latvia",
        },
      }
    `);
    expect(() =>
      pathsStatement({ from: "a", to: "b", types: ["LEADS"], maxHops: MAX_HOPS + 1, k: 1 }),
    ).toThrow("maxHops out of range");
  });

  it("a neighbourhood: the start, then one statement per level over the whole frontier", () => {
    expect(neighbourhoodStartStatement("canada")).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (n:Entity {key: $key}) RETURN n {.*, updatedAt: toString(n.updatedAt)} AS n",
        "params": {
          "key": "canada",
        },
      }
    `);
    const level = neighbourhoodLevelStatement({
      types: ["MEMBER_OF", "LEADS"],
      frontier: ["canada"],
      rows: 5000,
      known: ["canada"],
      full: false,
      independent: true,
    });
    // The characters syndication unifies are the domain's table (test/unit/syndication.test.ts).
    expect(level.params.sentenceUnify).toEqual(syndicationParams().sentenceUnify);
    expect({
      ...level,
      params: { ...level.params, sentenceUnify: "syndicationParams()" },
    }).toMatchInlineSnapshot(`
      {
        "cypher": "
      UNWIND $frontier AS k
      MATCH (n:Entity {key: k})-[r:MEMBER_OF|LEADS]-(m:Entity)
      WHERE (r.evidenceRanks IS NULL OR any(rank IN r.evidenceRanks WHERE rank <> "DEPRECATED"))
      WITH k, n, r, m, m.key IN $known AS seen
      LIMIT $rows
      WITH k, r, CASE WHEN seen OR NOT $full THEN {props: r {.*, updatedAt: toString(r.updatedAt)}, type: type(r), out: startNode(r) = n, m: CASE WHEN seen THEN {key: m.key, kind: m.kind} ELSE m {.*, updatedAt: toString(m.updatedAt)} END} END AS item
      CALL (r) {
        UNWIND [i IN range(0, size(coalesce(r.evidenceSources, [])) - 1)
                WHERE coalesce(r.evidenceRanks[i], "NORMAL") <> "DEPRECATED"] AS i
        OPTIONAL MATCH (src:Entity {key: r.evidenceSources[i]}) WHERE src:Source
        WITH r.evidenceSources[i] AS source, coalesce(toString(src.publishedAt), "") AS at,
             reduce(t = toLower(toUpper(normalize(coalesce(r.evidenceExcerpts[i], ""), NFKC))),
                    u IN $sentenceUnify | replace(t, u[0], u[1])) AS unified
        WITH source, at, reduce(acc = "", w IN split(unified, " ") |
               CASE WHEN w = "" THEN acc WHEN acc = "" THEN w ELSE acc + " " + w END) AS collapsed
        WITH source, at, CASE WHEN collapsed ENDS WITH "." THEN left(collapsed, size(collapsed) - 1)
                              ELSE collapsed END AS stopless
        WITH collect({source: source, at: at, sentence: CASE WHEN stopless ENDS WITH " "
                      THEN left(stopless, size(stopless) - 1) ELSE stopless END}) AS rows
        UNWIND rows AS row
        WITH row, rows
        WHERE NOT any(o IN rows WHERE o.sentence = row.sentence AND o.source <> row.source
                      AND (o.at < row.at OR (o.at = row.at AND o.source < row.source)))
        RETURN count(DISTINCT row.source) AS independent
      }
      RETURN k AS key, CASE WHEN item IS NOT NULL THEN item {.*, independent: independent} END AS item",
        "params": {
          "frontier": [
            "canada",
          ],
          "full": false,
          "known": [
            "canada",
          ],
          "rows": Integer {
            "high": 0,
            "low": 5000,
          },
          "sentenceUnify": "syndicationParams()",
        },
      }
    `);
  });

  it("disputes: one statement for the page and its total; corroboration counted per key in one batch", () => {
    expect(disputesStatement({ offset: 0, limit: 10 })).toMatchInlineSnapshot(`
      {
        "cypher": "
      CALL () {
        MATCH (:Entity)-[r]->(:Entity) WHERE r.disputed = true
        RETURN count(r) AS total
      }
      CALL () {
        MATCH (a:Entity)-[r]->(b:Entity) WHERE r.disputed = true
        WITH a, r, b ORDER BY a.key, type(r), b.key SKIP $offset LIMIT $limit
        RETURN collect({key: a.key, start: a {.*, updatedAt: toString(a.updatedAt)}, item: {type: type(r), out: true, props: r {.*, updatedAt: toString(r.updatedAt)}, m: b {.*, updatedAt: toString(b.updatedAt)}}}) AS page
      }
      RETURN total, page",
        "params": {
          "limit": Integer {
            "high": 0,
            "low": 10,
          },
          "offset": Integer {
            "high": 0,
            "low": 0,
          },
        },
      }
    `);
    expect(sourceCountsStatement(["canada", "canada", "nato"])).toMatchInlineSnapshot(`
      {
        "cypher": "
      UNWIND $keys AS key
      MATCH (n:Entity {key: key})
      RETURN key, COUNT {
        CALL (n) {
          MATCH (n)-[r]-(:Entity)
          UNWIND [i IN range(0, size(coalesce(r.evidenceSources, [])) - 1)
                  WHERE coalesce(r.evidenceRanks[i], "NORMAL") <> "DEPRECATED" | r.evidenceSources[i]] AS source
          RETURN source
          UNION
          UNWIND [i IN range(0, size(coalesce(n.claimSources, [])) - 1)
                  WHERE n.claimSources[i] <> "" AND coalesce(n.claimRanks[i], "NORMAL") <> "DEPRECATED"
                  | n.claimSources[i]] AS source
          RETURN source
        }
        RETURN DISTINCT source
      } AS sources",
        "params": {
          "keys": [
            "canada",
            "nato",
          ],
        },
      }
    `);
  });

  it("the linker: each name a Lucene phrase (quotes escaped), keys looked up exactly, in one statement", () => {
    expect(
      linkLookupStatement({ names: ['Jens "the Norwegian" Stoltenberg'], keys: ["nato"] }),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "
      UNWIND $items AS item
      CALL (item) {
        CALL (item) {
          MATCH (node:Entity) WHERE node.name = item.name
          RETURN node, 0.0 AS score
          UNION
          CALL db.index.fulltext.queryNodes('entity_fulltext', item.query, {limit: 20}) YIELD node, score
          RETURN node, score
        }
        WITH node, max(score) AS score
        WITH node, score, CASE
          WHEN node.name = item.name THEN 0
          WHEN node.nameLower = item.lower THEN 1
          WHEN item.lower IN coalesce(node.aliasesLower, []) THEN 2
          // Spelled plain: the name or an alias without its accents, or the name as asked without them.
          WHEN item.plain IN coalesce(node.plainNames, []) OR node.nameLower = item.plain
            OR item.plain IN coalesce(node.aliasesLower, []) THEN 3
        END AS rank
        WHERE rank IS NOT NULL
        RETURN node
        ORDER BY rank, COUNT { (node)--() } DESC, score DESC, node.key
        LIMIT 1
      }
      RETURN item.name AS asked, node.key AS key, node.kind AS kind, node.name AS name, node.date AS date
      UNION ALL
      UNWIND $keys AS k
      MATCH (node:Entity {key: k})
      RETURN k AS asked, node.key AS key, node.kind AS kind, node.name AS name, node.date AS date",
        "params": {
          "items": [
            {
              "lower": "jens "the norwegian" stoltenberg",
              "name": "Jens "the Norwegian" Stoltenberg",
              "plain": "jens "the norwegian" stoltenberg",
              "query": "name:"Jens \\"the Norwegian\\" Stoltenberg" OR aliases:"Jens \\"the Norwegian\\" Stoltenberg" OR name:"jens \\"the norwegian\\" stoltenberg" OR aliases:"jens \\"the norwegian\\" stoltenberg" OR plainNames:"jens \\"the norwegian\\" stoltenberg"",
            },
          ],
          "keys": [
            "nato",
          ],
        },
      }
    `);
  });
});
