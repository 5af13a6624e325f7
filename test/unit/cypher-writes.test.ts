/**
 * The Cypher of the single writes (src/cypher/writes.ts), shown without a database: create,
 * update and delete an entity, add and remove a relation, retract a source. Relationship types
 * come from the registry; every value is a parameter. mutations.int.test.ts and
 * writes.int.test.ts check what they do.
 */
import { describe, expect, it } from "vitest";
import { containmentStepsStatement } from "../../src/cypher/containment.js";
import {
  footprintScanStatement,
  setFootprintsStatement,
  unsettledFootprintsStatement,
} from "../../src/cypher/footprint.js";
import { mergeRelationCypher } from "../../src/cypher/ingest.js";
import { countedBesides } from "../../src/cypher/projection.js";
import {
  addRelationStatement,
  deleteEntityStatement,
  entityByKeyStatement,
  lockedEntityStatement,
  lockedEntityWithFootprintStatement,
  removeOrphansStatement,
  removeRelationStatement,
  removeRelationsOnlyFromStatement,
  retractSourceStatement,
  stripEntityClaimsStatement,
  stripEvidenceStatement,
  updateEntityStatement,
} from "../../src/cypher/writes.js";

describe("Cypher shapes: single writes", () => {
  it("the entity a write is about, read in the write's transaction", () => {
    expect(entityByKeyStatement("canada")).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (n:Entity {key: $key}) RETURN n {.*, updatedAt: toString(n.updatedAt)} AS n",
        "params": {
          "key": "canada",
        },
      }
    `);
  });

  it("the entity a write is about, write-locked first (and its key reserved for a create)", () => {
    expect(lockedEntityStatement("canada", false)).toMatchInlineSnapshot(`
      {
        "cypher": "
      MATCH (n:Entity {key: $key}) SET n.writeLock = true REMOVE n.writeLock
      WITH n WHERE n.kind IS NOT NULL
      RETURN n {.*, aliasesLower: null, aliasesPlain: null, plainNames: null, updatedAt: toString(n.updatedAt)} AS n",
        "params": {
          "key": "canada",
        },
      }
    `);
    expect(lockedEntityStatement("canada", true)).toMatchInlineSnapshot(`
      {
        "cypher": "
      MERGE (n:Entity {key: $key}) SET n.writeLock = true REMOVE n.writeLock
      WITH n WHERE n.kind IS NOT NULL
      RETURN n {.*, aliasesLower: null, aliasesPlain: null, plainNames: null, updatedAt: toString(n.updatedAt)} AS n",
        "params": {
          "key": "canada",
        },
      }
    `);
  });

  it("updateEntity: every field as it will be, a removed property as null, stamped only when changed", () => {
    expect(
      updateEntityStatement({
        key: "latvia",
        name: "Latvia",
        aliases: ["Republic of Latvia"],
        description: null,
        properties: { isoCode: "LV", population: null },
        claims: {
          claimSources: [""],
          claimAt: [""],
          claimValues: ['{"isoCode":"LV"}'],
          claimRanks: ["NORMAL"],
        },
        by: "admin",
      }),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "
      MATCH (n:Entity {key: $key})
      WITH n, properties(n) AS before
      SET n.name = $name, n.aliases = $aliases, n.description = $description
      SET n += $folds
      SET n += $properties
      SET n += $claims
      WITH n, before <> properties(n) AS changed
      FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET n.updatedAt = datetime(), n.updatedBy = $by)
      RETURN n {.*, aliasesLower: null, aliasesPlain: null, plainNames: null, updatedAt: toString(n.updatedAt)} AS n, changed",
        "params": {
          "aliases": [
            "Republic of Latvia",
          ],
          "by": "admin",
          "claims": {
            "claimAt": [
              "",
            ],
            "claimRanks": [
              "NORMAL",
            ],
            "claimSources": [
              "",
            ],
            "claimValues": [
              "{"isoCode":"LV"}",
            ],
          },
          "description": null,
          "folds": {
            "aliasesLower": [
              "republic of latvia",
            ],
            "aliasesPlain": [
              "republic of latvia",
            ],
            "foldRule": Integer {
              "high": 0,
              "low": 4,
            },
            "nameLower": "latvia",
            "namePlain": "latvia",
            "plainNames": null,
          },
          "key": "latvia",
          "name": "Latvia",
          "properties": {
            "isoCode": "LV",
            "population": null,
          },
        },
      }
    `);
  });

  it("deleteEntity of a Source: its evidence and claims taken off first, then the entity", () => {
    expect(removeRelationsOnlyFromStatement("src-1")).toMatchInlineSnapshot(`
      {
        "cypher": "
      MATCH (s:Entity {key: $key}) WHERE s:Source
      CALL (s) {
        WITH s WHERE s.footprintKeys IS NOT NULL
        UNWIND coalesce(s.footprintRelations, []) AS id
        WITH s, split(id, '|') AS p
        MATCH (a:Entity {key: p[0]})-[r]->(b:Entity {key: p[2]})
        WHERE type(r) = p[1] AND s.key IN coalesce(r.evidenceSources, [])
        RETURN a, r, b
      UNION
        UNWIND CASE WHEN s.footprintKeys IS NULL THEN [s] ELSE [] END AS s0
        MATCH (a)-[r]->(b) WHERE s.key IN coalesce(r.evidenceSources, [])
        RETURN a, r, b
      }
      WITH a, r, b WHERE all(k IN r.evidenceSources WHERE k = $key)
      WITH r, a.key + '|' + type(r) + '|' + b.key AS id
      DELETE r
      RETURN collect(id) AS ids",
        "params": {
          "key": "src-1",
        },
      }
    `);
    expect(stripEvidenceStatement("src-1").cypher).toMatchInlineSnapshot(`
      "
      MATCH (s:Entity {key: $key}) WHERE s:Source
      CALL (s) {
        WITH s WHERE s.footprintKeys IS NOT NULL
        UNWIND coalesce(s.footprintRelations, []) AS id
        WITH s, split(id, '|') AS p
        MATCH (a:Entity {key: p[0]})-[r]->(b:Entity {key: p[2]})
        WHERE type(r) = p[1] AND s.key IN coalesce(r.evidenceSources, [])
        RETURN a, r, b
      UNION
        UNWIND CASE WHEN s.footprintKeys IS NULL THEN [s] ELSE [] END AS s0
        MATCH (a)-[r]->(b) WHERE s.key IN coalesce(r.evidenceSources, [])
        RETURN a, r, b
      }
      WITH a, b, r,
           [i IN range(0, size(r.evidenceSources) - 1) WHERE r.evidenceSources[i] <> $key] AS keep,
           coalesce(r.evidenceInferred, [x IN r.evidenceSources | coalesce(r.inferred, false)]) AS flags,
           coalesce(r.evidenceAt, [x IN r.evidenceSources | ""]) AS ats,
           coalesce(r.evidenceValues, [x IN r.evidenceSources | ""]) AS vals,
           coalesce(r.evidenceRanks, [x IN r.evidenceSources | "NORMAL"]) AS ranks
      SET r.evidenceSources = [i IN keep | r.evidenceSources[i]],
          r.evidenceExcerpts = [i IN keep | r.evidenceExcerpts[i]],
          r.evidenceInferred = [i IN keep | flags[i]],
          r.evidenceAt = [i IN keep | ats[i]],
          r.evidenceValues = [i IN keep | vals[i]],
          r.evidenceRanks = [i IN keep | ranks[i]],
          r.inferred = all(i IN keep WHERE flags[i])
      RETURN collect(a.key + '|' + type(r) + '|' + b.key) AS ids,
             collect({id: elementId(r), props: properties(r)}) AS touched"
    `);
    expect(stripEntityClaimsStatement({ source: "src-1", by: "admin" })).toMatchInlineSnapshot(`
      {
        "cypher": "
      MATCH (s:Entity {key: $key}) WHERE s:Source
      CALL (s) {
        RETURN s AS n
      UNION
        WITH s WHERE s.footprintKeys IS NOT NULL
        UNWIND s.footprintKeys AS k
        MATCH (n:Entity {key: k})
        RETURN n
      UNION
        UNWIND CASE WHEN s.footprintKeys IS NULL THEN [s] ELSE [] END AS s0
        MATCH (n:Entity) WHERE s.key IN coalesce(n.claimSources, [])
        RETURN n
      UNION
        UNWIND CASE WHEN s.footprintKeys IS NULL THEN [s] ELSE [] END AS s0
        MATCH (a)-[r]->(b) WHERE s.key IN coalesce(r.evidenceSources, [])
        UNWIND [a, b] AS n
        RETURN n
      }
      WITH n WHERE $key IN coalesce(n.claimSources, [])
      WITH n, [i IN range(0, size(n.claimSources) - 1) WHERE n.claimSources[i] = $key] AS gone
      WITH n, gone, [i IN range(0, size(n.claimSources) - 1) WHERE NOT i IN gone] AS keep
      WITH n, n.claimValues[gone[0]] AS replaced, keep
      SET n.claimSources = [i IN keep | n.claimSources[i]],
          n.claimAt = [i IN keep | n.claimAt[i]],
          n.claimValues = [i IN keep | n.claimValues[i]],
          n.claimRanks = [i IN keep | n.claimRanks[i]],
          n.updatedAt = datetime(), n.updatedBy = $by
      FOREACH (_ IN CASE WHEN any(rank IN n.claimRanks WHERE rank = "DEPRECATED") THEN [] ELSE [1] END |
        REMOVE n:RetractedClaims)
      RETURN collect(n.key) AS keys,
             collect({id: elementId(n), props: properties(n), replaced: replaced}) AS touched",
        "params": {
          "by": "admin",
          "key": "src-1",
        },
      }
    `);
    expect(deleteEntityStatement("src-1")).toMatchInlineSnapshot(`
      {
        "cypher": "
      MATCH (n:Entity {key: $key})
      OPTIONAL MATCH (n)-[r]-(m:Entity)
      WITH n, collect(CASE WHEN r IS NULL THEN null
        WHEN startNode(r) = n THEN n.key + '|' + type(r) + '|' + m.key
        ELSE m.key + '|' + type(r) + '|' + n.key END) AS removed
      DETACH DELETE n
      RETURN removed",
        "params": {
          "key": "src-1",
        },
      }
    `);
  });

  it("deleteEntity of a Source, after it: the entities it alone introduced (no claim, no relation left)", () => {
    expect(removeOrphansStatement(["mark-carney"])).toMatchInlineSnapshot(`
      {
        "cypher": "
      UNWIND $keys AS key
      MATCH (n:Entity {key: key})
      WHERE n.kind <> 'Source' AND size(coalesce(n.claimSources, [])) = 0 AND NOT EXISTS { (n)--() }
      WITH n, n.key AS key
      DELETE n
      RETURN collect(key) AS keys",
        "params": {
          "keys": [
            "mark-carney",
          ],
        },
      }
    `);
  });

  it("addRelation: the checks and the write in one statement, writing only when every check passes", () => {
    const { cypher, params } = addRelationStatement("CONTRIBUTES_TO", {
      from: "canada",
      to: "efp-latvia",
      source: "src-1",
      row: {
        properties: { troops: 2000 },
        inferred: false,
        evidence: "Canada leads the brigade in Latvia.",
        values: '{"troops":2000}',
      },
      write: true,
      fromKinds: ["Nation", "Organization"],
      toKinds: ["Mission"],
      by: "admin",
    });
    // The claim is recorded as ingest records it (cypher-ingest.test.ts shows mergeRelationCypher).
    expect(cypher).toContain(mergeRelationCypher());
    expect(cypher.replace(mergeRelationCypher(), "\n<mergeRelationCypher>")).toMatchInlineSnapshot(`
      "
      UNWIND $locks AS key
      OPTIONAL MATCH (n:Entity {key: key})
      FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | SET n.writeLock = true REMOVE n.writeLock)
      WITH count(*) AS locked
      OPTIONAL MATCH (a:Entity {key: $from})
      OPTIONAL MATCH (b:Entity {key: $to})
      OPTIONAL MATCH (s:Entity {key: $source})
      WITH a, b, s, s.text IS NULL OR s.text CONTAINS $row.evidence AS quoted
      OPTIONAL CALL (a, b, s, quoted) {
        // The claim holds at the relation's asOf, else at the source's (its asOf, or publication date).
        WITH a, b, s, quoted, $row AS given
        // A retracted source's new claim is DEPRECATED, as one its re-ingested document makes.
        WITH a, b, s, quoted, given {.*, at: coalesce(given.properties.asOf, s.asOf, s.publishedAt, ""),
             rank: CASE WHEN s.retracted = true THEN "DEPRECATED" ELSE "NORMAL" END} AS row
        WHERE $write AND a.kind IN $fromKinds AND b.kind IN $toKinds AND s.kind = 'Source' AND quoted
      <mergeRelationCypher>
        // The source records where it gives evidence (cypher/footprint.ts); it is locked above.
        WITH a, b, r, outcome
        MATCH (src:Entity {key: $source})
      CALL (src, a, b, r) {
        WITH src, a, b, r WHERE src.footprintKeys IS NOT NULL
        CALL (src, a, b, r) {
          UNWIND src.footprintKeys + [a.key, b.key] AS k
          WITH DISTINCT k
          RETURN collect(k) AS keys
        }
        CALL (src, a, b, r) {
          UNWIND coalesce(src.footprintRelations, []) + [a.key + '|' + type(r) + '|' + b.key] AS id
          WITH DISTINCT id
          RETURN collect(id) AS ids
        }
        SET src.footprintKeys = keys, src.footprintRelations = ids
      }
        RETURN outcome, {props: r {.*, updatedAt: toString(r.updatedAt)}, type: type(r), out: true, m: b {.*, updatedAt: toString(b.updatedAt)}, start: a {.*, updatedAt: toString(a.updatedAt)}} AS item,
               elementId(r) AS id
      }
      RETURN a.kind AS fromKind, b.kind AS toKind, s.kind AS sourceKind, quoted, outcome, item, id"
    `);
    expect(params).toMatchInlineSnapshot(`
      {
        "by": "admin",
        "from": "canada",
        "fromKinds": [
          "Nation",
          "Organization",
        ],
        "locks": [
          "canada",
          "efp-latvia",
          "src-1",
        ],
        "row": {
          "evidence": "Canada leads the brigade in Latvia.",
          "inferred": false,
          "properties": {
            "troops": Integer {
              "high": 0,
              "low": 2000,
            },
          },
          "type": "CONTRIBUTES_TO",
          "values": "{"troops":2000}",
        },
        "source": "src-1",
        "to": "efp-latvia",
        "toKinds": [
          "Mission",
        ],
        "write": true,
      }
    `);
  });

  it("removeRelation: the type from the registry, the ends as parameters", () => {
    expect(
      removeRelationStatement({ from: "canada", type: "CONTRIBUTES_TO", to: "efp-latvia" }),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "
      UNWIND $locks AS key
      OPTIONAL MATCH (n:Entity {key: key})
      FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | SET n.writeLock = true REMOVE n.writeLock)
      WITH count(*) AS locked
      MATCH (:Entity {key: $from})-[r:CONTRIBUTES_TO]->(:Entity {key: $to})
      DELETE r
      RETURN count(*) AS removed",
        "params": {
          "from": "canada",
          "locks": [
            "canada",
            "efp-latvia",
          ],
          "to": "efp-latvia",
        },
      }
    `);
  });

  it("retractSource: one statement locks the footprint in key order, then ranks the source's evidence and claims", () => {
    expect(
      retractSourceStatement({ key: "src-1", retracted: true, by: "admin" }),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "
      MATCH (s:Entity {key: $key}) WHERE s:Source
      CALL (s) {
        RETURN s AS n
      UNION
        WITH s WHERE s.footprintKeys IS NOT NULL
        UNWIND s.footprintKeys AS k
        MATCH (n:Entity {key: k})
        RETURN n
      UNION
        UNWIND CASE WHEN s.footprintKeys IS NULL THEN [s] ELSE [] END AS s0
        MATCH (n:Entity) WHERE s.key IN coalesce(n.claimSources, [])
        RETURN n
      UNION
        UNWIND CASE WHEN s.footprintKeys IS NULL THEN [s] ELSE [] END AS s0
        MATCH (a)-[r]->(b) WHERE s.key IN coalesce(r.evidenceSources, [])
        UNWIND [a, b] AS n
        RETURN n
      }

      WITH s, n ORDER BY n.key
      SET n.writeLock = true REMOVE n.writeLock
      WITH s, count(n) AS locked
      WITH s WHERE s.kind IS NOT NULL
      WITH s, coalesce(s.retracted, false) = $retracted AS already
      SET s.retracted = $retracted
      WITH s, already
      CALL (s) {
        CALL (s) {
          WITH s WHERE s.footprintKeys IS NOT NULL
          UNWIND coalesce(s.footprintRelations, []) AS id
          WITH s, split(id, '|') AS p
          MATCH (a:Entity {key: p[0]})-[r]->(b:Entity {key: p[2]})
          WHERE type(r) = p[1] AND s.key IN coalesce(r.evidenceSources, [])
          RETURN a, r, b
        UNION
          UNWIND CASE WHEN s.footprintKeys IS NULL THEN [s] ELSE [] END AS s0
          MATCH (a)-[r]->(b) WHERE s.key IN coalesce(r.evidenceSources, [])
          RETURN a, r, b
        }
        WITH a, r, b, coalesce(r.evidenceRanks, [x IN r.evidenceSources | "NORMAL"]) AS ranks
        SET r.evidenceRanks = [i IN range(0, size(r.evidenceSources) - 1) |
          CASE WHEN r.evidenceSources[i] = $key THEN $rank ELSE ranks[i] END]
        RETURN collect(a.key + '|' + type(r) + '|' + b.key) AS ids,
               collect({id: elementId(r), props: properties(r)}) AS touched
      }
      CALL (s) {
        CALL (s) {
          RETURN s AS n
        UNION
          WITH s WHERE s.footprintKeys IS NOT NULL
          UNWIND s.footprintKeys AS k
          MATCH (n:Entity {key: k})
          RETURN n
        UNION
          UNWIND CASE WHEN s.footprintKeys IS NULL THEN [s] ELSE [] END AS s0
          MATCH (n:Entity) WHERE s.key IN coalesce(n.claimSources, [])
          RETURN n
        UNION
          UNWIND CASE WHEN s.footprintKeys IS NULL THEN [s] ELSE [] END AS s0
          MATCH (a)-[r]->(b) WHERE s.key IN coalesce(r.evidenceSources, [])
          UNWIND [a, b] AS n
          RETURN n
        }
        WITH n WHERE $key IN coalesce(n.claimSources, [])
        WITH n, [i IN range(0, size(n.claimSources) - 1) WHERE n.claimSources[i] = $key][0] AS idx
        WITH n, idx, n.claimRanks[idx] <> $rank AS changes
        SET n.claimRanks = [i IN range(0, size(n.claimSources) - 1) |
              CASE WHEN i = idx THEN $rank ELSE n.claimRanks[i] END]
        FOREACH (_ IN CASE WHEN changes THEN [1] ELSE [] END | SET n.updatedAt = datetime(), n.updatedBy = $by)
        FOREACH (_ IN CASE WHEN any(rank IN n.claimRanks WHERE rank = "DEPRECATED") THEN [1] ELSE [] END |
          SET n:RetractedClaims)
        FOREACH (_ IN CASE WHEN any(rank IN n.claimRanks WHERE rank = "DEPRECATED") THEN [] ELSE [1] END |
          REMOVE n:RetractedClaims)
        RETURN collect(n.key) AS keys,
               collect({id: elementId(n), props: properties(n), values: n.claimValues[idx]}) AS claimed
      }
      RETURN s.key AS key, already, ids, touched, keys, claimed",
        "params": {
          "by": "admin",
          "key": "src-1",
          "rank": "DEPRECATED",
          "retracted": true,
        },
      }
    `);
  });

  it("a delete locks the entity, its neighbours and a Source's footprint with it, in key order, in one statement", () => {
    expect(lockedEntityWithFootprintStatement("src-1")).toMatchInlineSnapshot(`
      {
        "cypher": "
      MATCH (e:Entity {key: $key})
      CALL (e) {
        WITH e WHERE NOT e:Source
        RETURN e AS n
      UNION
        MATCH (e)--(n:Entity)
        RETURN n
      UNION
        WITH e AS s WHERE s:Source
        CALL (s) {
          RETURN s AS n
        UNION
          WITH s WHERE s.footprintKeys IS NOT NULL
          UNWIND s.footprintKeys AS k
          MATCH (n:Entity {key: k})
          RETURN n
        UNION
          UNWIND CASE WHEN s.footprintKeys IS NULL THEN [s] ELSE [] END AS s0
          MATCH (n:Entity) WHERE s.key IN coalesce(n.claimSources, [])
          RETURN n
        UNION
          UNWIND CASE WHEN s.footprintKeys IS NULL THEN [s] ELSE [] END AS s0
          MATCH (a)-[r]->(b) WHERE s.key IN coalesce(r.evidenceSources, [])
          UNWIND [a, b] AS n
          RETURN n
        }
        RETURN n
      }
      WITH e AS s, n

      WITH s, n ORDER BY n.key
      SET n.writeLock = true REMOVE n.writeLock
      WITH s, count(n) AS locked
      WITH s AS n WHERE n.kind IS NOT NULL
      RETURN n {.*, updatedAt: toString(n.updatedAt)} AS n",
        "params": {
          "key": "src-1",
        },
      }
    `);
  });

  it("the steps up from each end: to what it lies in, and on to the ends above, types from the registry", () => {
    expect(containmentStepsStatement(["riga"], ["riga", "latvia"])).toEqual({
      cypher: [
        "",
        "UNWIND $starts AS k",
        "MATCH (a:Entity {key: k})-[r:PART_OF|LOCATED_IN]->(b:Entity)",
        `WHERE ${countedBesides("r", "besides")}`,
        "RETURN a.key AS from, b.key AS to",
        "UNION",
        "UNWIND $starts AS k",
        "MATCH (:Entity {key: k})-[r:PART_OF|LOCATED_IN]->(a:Entity)",
        `WHERE NOT a.key IN $keys AND ${countedBesides("r", "besides")}`,
        "WITH DISTINCT a",
        "MATCH (a)-[up:PART_OF|LOCATED_IN*1..]->(b:Entity)",
        `WHERE b.key IN $keys AND all(u IN up WHERE ${countedBesides("u", "besides")})`,
        "RETURN DISTINCT a.key AS from, b.key AS to",
      ].join("\n"),
      params: { starts: ["riga"], keys: ["riga", "latvia"], besides: null },
    });
  });

  it("a write's check takes the containment lock before each branch reads, only with starts", () => {
    const { cypher, params } = containmentStepsStatement(["riga"], ["riga"], null, true);
    const lock = [
      "CALL () {",
      "  WITH 1 AS one WHERE size($starts) > 0",
      '  MERGE (l:WriteLock {name: "containment"})',
      "  SET l.held = true REMOVE l.held",
      "}",
    ].join("\n");
    const [first = "", second = ""] = cypher.split("UNION");
    expect(first.trimStart().startsWith(lock)).toBe(true);
    expect(second.trimStart().startsWith(lock)).toBe(true);
    expect(params).toEqual({ starts: ["riga"], keys: ["riga"], besides: null });
    // A dry run's check (ingest --check, checkDocument) is a read: no lock.
    expect(containmentStepsStatement(["riga"], ["riga"]).cypher).not.toContain("MERGE");
  });

  it("the footprint settle at start: sources without lists, locked in key order; one scan for a batch of them; their lists set by key", () => {
    expect(unsettledFootprintsStatement(1000)).toMatchInlineSnapshot(`
      {
        "cypher": "
      MATCH (s:Entity) WHERE s:Source AND s.footprintKeys IS NULL
      WITH s ORDER BY s.key LIMIT $limit
      SET s.writeLock = true REMOVE s.writeLock
      RETURN collect(s.key) AS keys",
        "params": {
          "limit": Integer {
            "high": 0,
            "low": 1000,
          },
        },
      }
    `);
    expect(footprintScanStatement(["src-1", "src-2"])).toMatchInlineSnapshot(`
      {
        "cypher": "
      CALL () {
        MATCH (n:Entity) WHERE any(k IN coalesce(n.claimSources, []) WHERE k IN $keys)
        UNWIND [k IN n.claimSources WHERE k IN $keys] AS k
        WITH DISTINCT k, n.key AS key
        RETURN collect([k, key]) AS entities
      }
      CALL () {
        MATCH (a)-[r]->(b) WHERE any(k IN coalesce(r.evidenceSources, []) WHERE k IN $keys)
        UNWIND [k IN r.evidenceSources WHERE k IN $keys] AS k
        WITH DISTINCT k, a.key AS from, type(r) AS type, b.key AS to
        RETURN collect([k, from, type, to]) AS relations
      }
      RETURN entities, relations",
        "params": {
          "keys": [
            "src-1",
            "src-2",
          ],
        },
      }
    `);
    expect(
      setFootprintsStatement([{ key: "src-1", keys: ["canada"], ids: ["canada|MEMBER_OF|nato"] }]),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "
      UNWIND $rows AS row
      MATCH (s:Entity {key: row.key})
      SET s.footprintKeys = row.keys, s.footprintRelations = row.ids",
        "params": {
          "rows": [
            {
              "ids": [
                "canada|MEMBER_OF|nato",
              ],
              "key": "src-1",
              "keys": [
                "canada",
              ],
            },
          ],
        },
      }
    `);
  });
});
