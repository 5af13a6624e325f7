/**
 * The Cypher of ingest and of what keeps the graph's claims settled, shown without a database
 * (as cypher.test.ts shows the reads): src/cypher/ingest.ts (upserts of entities and relations,
 * the reads ingest and `ingest --check` compare a document with), src/cypher/claims.ts (settling
 * and the migrations), src/cypher/bulk.ts (after the offline import), src/cypher/generated.ts
 * (clearing generated data) and src/cypher/seed.ts. Relationship types and labels come from the
 * registry; every value is a parameter. The live tests (ingest*.int, claims.int,
 * migration.shipped, seed.int, bulk.int, generate.int) check what they do.
 */

import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import {
  emptyAliasesStatement,
  graphContentsStatement,
  nodePatchesStatement,
  relationPatchesStatement,
} from "../../src/cypher/bulk.js";
import {
  figureRelationsStatement,
  legacyEntitiesStatement,
  legacyRelationsStatement,
  setEntitiesStatement,
  settleEntitiesStatement,
  settleRelationsStatement,
  sourceDatesStatement,
} from "../../src/cypher/claims.js";
import { clearGeneratedStatements } from "../../src/cypher/generated.js";
import {
  createRelationsStatement,
  lockedKindsOfKeysStatement,
  mergeRelationCypher,
  storedEntitiesStatement,
  storedRelationsStatement,
  upsertEntitiesCypher,
  upsertEntitiesStatement,
  upsertRelationsStatement,
} from "../../src/cypher/ingest.js";
import { unnormalisedNamesStatement } from "../../src/cypher/names.js";
import {
  INTEGER_PROPERTIES,
  INTEGER_PROPERTY_NAMES,
  integerFloatStatement,
  NUMBER_PROPERTIES,
  negativeZeroStatement,
  withIntegers,
} from "../../src/cypher/numbers.js";
import { entityCountStatement } from "../../src/cypher/seed.js";
import { normalisedNames } from "../../src/data/names.js";
import { FOLD_RULE } from "../../src/domain/fold.js";
import {
  KIND_NAMES,
  KINDS,
  type PropertySpec,
  RELATION_TYPE_NAMES,
  relationProperties,
} from "../../src/domain/vocabulary.js";

/** A relation row as ingest sends it (data/ingest.ts relationRow). */
const relationRow = {
  type: "CONTRIBUTES_TO" as const,
  from: "canada",
  to: "efp-latvia",
  properties: { troops: 2000, asOf: "2024-06" },
  inferred: false,
  evidence: "Canada leads the brigade in Latvia.",
  values: '{"asOf":"2024-06","troops":2000}',
  at: "2024-06",
};

describe("Cypher shapes: ingest", () => {
  it("the kinds of the keys a document names: one lookup for all of them, locked first", () => {
    expect(lockedKindsOfKeysStatement(["src-1", "canada"], ["latvia"])).toMatchInlineSnapshot(`
      {
        "cypher": "
      CALL () {
        MATCH (s:Entity) WHERE s:Source AND (s.key = $supersedes OR (s.key = $own AND s.retracted = true))
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
        RETURN collect(DISTINCT n.key) AS footprint
      }
      UNWIND $keys + footprint AS key
      WITH DISTINCT key ORDER BY key
      OPTIONAL MATCH (n:Entity {key: key})
      FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | SET n.writeLock = true REMOVE n.writeLock)
      WITH count(*) AS existing
      UNWIND $define AS key
      MERGE (n:Entity {key: key})
      SET n.writeLock = true REMOVE n.writeLock
      WITH count(*) AS defined
      MATCH (n:Entity) WHERE n.key IN $keys AND n.kind IS NOT NULL
      RETURN n.key AS key, n.kind AS kind, n.retracted = true AS retracted,
             CASE WHEN n.kind = 'Source' THEN n.url END AS url,
             CASE WHEN n.kind = 'Source' THEN n.text END AS text,
             size(coalesce(n.aliases, [])) AS aliasesStored,
             size([a IN coalesce($aliases[n.key], []) WHERE NOT a IN coalesce(n.aliasesLower, [])]) AS aliasesAdded",
        "params": {
          "aliases": {},
          "define": [
            "canada",
            "src-1",
          ],
          "keys": [
            "canada",
            "latvia",
            "src-1",
          ],
          "own": null,
          "supersedes": null,
        },
      }
    `);
  });

  it("recording a source's claim on a relation", () => {
    expect(mergeRelationCypher()).toMatchInlineSnapshot(`
      "
      MERGE (a)-[r:$(row.type)]->(b)
      WITH a, b, r, row, CASE WHEN r.evidenceSources IS NULL THEN null ELSE properties(r) END AS before
      SET r += CASE WHEN before IS NULL THEN row.properties ELSE {} END
      WITH a, b, r, row, before,
           coalesce(r.evidenceSources, []) AS sources,
           coalesce(r.evidenceExcerpts, []) AS excerpts,
           // One inferred flag per piece of evidence; relations written before the flags existed
           // take the relation's own flag for each of theirs.
           coalesce(r.evidenceInferred, [x IN coalesce(r.evidenceSources, []) | coalesce(r.inferred, false)]) AS flags,
           coalesce(r.evidenceAt, [x IN coalesce(r.evidenceSources, []) | ""]) AS ats,
           coalesce(r.evidenceValues, [x IN coalesce(r.evidenceSources, []) | ""]) AS vals,
           coalesce(r.evidenceRanks, [x IN coalesce(r.evidenceSources, []) | "NORMAL"]) AS ranks
      WITH a, b, r, row, before, sources, excerpts, flags, ats, vals, ranks,
           head([i IN range(0, size(sources) - 1)
                 WHERE sources[i] = $source AND excerpts[i] = row.evidence] + [-1]) AS known
      SET r.evidenceSources = CASE WHEN known < 0 THEN sources + $source ELSE sources END,
          r.evidenceExcerpts = CASE WHEN known < 0 THEN excerpts + row.evidence ELSE excerpts END,
          r.evidenceInferred = CASE WHEN known < 0 THEN flags + row.inferred ELSE flags END,
          r.evidenceAt = CASE WHEN known < 0 THEN ats + row.at
            ELSE [i IN range(0, size(ats) - 1) |
                  CASE WHEN i = known AND row.at <> "" THEN row.at ELSE ats[i] END] END,
          r.evidenceValues = CASE WHEN known < 0 THEN vals + row.values
            ELSE [i IN range(0, size(vals) - 1) |
                  CASE WHEN i = known AND row.values <> "{}" THEN row.values ELSE vals[i] END] END,
          r.evidenceRanks = CASE WHEN known < 0 THEN ranks + coalesce(row.rank, "NORMAL") ELSE ranks END
      // Inferred while no source states it outright.
      SET r.inferred = all(x IN r.evidenceInferred WHERE x),
          r.disputed = coalesce(r.disputed, false)
      WITH a, b, r, before.inferred AS wasInferred, size(coalesce(before.evidenceSources, [])) AS wasEvidence,
           CASE WHEN before IS NULL THEN 'created' WHEN before <> properties(r) THEN 'updated'
                ELSE 'unchanged' END AS outcome
      FOREACH (_ IN CASE WHEN outcome <> 'unchanged' THEN [1] ELSE [] END |
        SET r.updatedAt = datetime(), r.updatedBy = $by)"
    `);
  });

  it("recording a source's claim on an entity's fields (a new entity takes them at once)", () => {
    expect(upsertEntitiesCypher(true)).toMatchInlineSnapshot(`
      "
      UNWIND $rows AS row
      MERGE (n:Entity {key: row.key})
      WITH row, n, CASE WHEN n.name IS NULL THEN null ELSE properties(n) END AS before
      SET n:$(row.kind), n.kind = row.kind, n.foldRule = $foldRule
      // Each alias with its folds ([alias, lower, plain]), the stored ones first; a new one is added
      // when no stored alias folds as it does (the folds are TypeScript's: domain/fold.ts).
      WITH row, n, before, reduce(
             acc = [i IN range(0, size(coalesce(n.aliases, [])) - 1) |
                    [n.aliases[i], coalesce(n.aliasesLower[i], n.aliases[i]), coalesce(n.aliasesPlain[i], n.aliases[i])]],
             i IN range(0, size(row.aliases) - 1) |
             CASE WHEN any(x IN acc WHERE x[1] = row.aliasesLower[i]) THEN acc
                  ELSE acc + [[row.aliases[i], row.aliasesLower[i], row.aliasesPlain[i]]] END) AS aliases
      SET n.aliases = [a IN aliases | a[0]], n.aliasesLower = [a IN aliases | a[1]],
          n.aliasesPlain = [a IN aliases | a[2]]
      SET n.name = CASE WHEN before IS NULL THEN row.name ELSE n.name END,
          n.nameLower = CASE WHEN before IS NULL THEN row.nameLower ELSE n.nameLower END,
          n.namePlain = CASE WHEN before IS NULL THEN row.namePlain ELSE n.namePlain END,
          n.description = CASE WHEN before IS NULL THEN row.description ELSE n.description END
      SET n += CASE WHEN before IS NULL THEN row.properties ELSE {} END
      WITH row, n, before,
           coalesce(n.claimSources, []) AS sources, coalesce(n.claimAt, []) AS ats,
           coalesce(n.claimValues, []) AS vals, coalesce(n.claimRanks, []) AS ranks
      WITH row, n, before, sources, ats, vals, ranks,
           head([i IN range(0, size(sources) - 1) WHERE sources[i] = $source] + [-1]) AS known
      SET n.claimSources = CASE WHEN known < 0 THEN sources + $source ELSE sources END,
          n.claimAt = CASE WHEN known < 0 THEN ats + $at
            ELSE [i IN range(0, size(ats) - 1) | CASE WHEN i = known THEN $at ELSE ats[i] END] END,
          n.claimValues = CASE WHEN known < 0 THEN vals + row.values
            ELSE [i IN range(0, size(vals) - 1) | CASE WHEN i = known THEN row.values ELSE vals[i] END] END,
          n.claimRanks = CASE WHEN known < 0 THEN ranks + "NORMAL" ELSE ranks END
      WITH row, n, before, CASE WHEN known < 0 THEN null ELSE vals[known] END AS replaced
      SET n.plainNames = reduce(plain = null, p IN [[toLower(n.name), n.namePlain]] + [i IN range(0, size(coalesce(n.aliases, [])) - 1) | [toLower(n.aliases[i]), n.aliasesPlain[i]]] | CASE WHEN p[1] IS NULL OR p[0] = p[1] THEN plain ELSE coalesce(plain, []) + p[1] END)
      WITH n, row, replaced, before, CASE WHEN before IS NULL THEN 'created' WHEN before <> properties(n) THEN 'updated'
                   ELSE 'unchanged' END AS outcome
      FOREACH (_ IN CASE WHEN outcome <> 'unchanged' THEN [1] ELSE [] END |
        SET n.updatedAt = datetime(), n.updatedBy = $by)
      // Entities whose claims changed are settled from all of them (data/claims.ts).
      RETURN outcome, collect(n.key) AS keys, collect(CASE WHEN outcome = 'updated'
                          THEN {id: elementId(n), props: properties(n), values: row.values, replaced: replaced,
                                aliasesBefore: before.aliases} END) AS touched"
    `);
  });

  it("a Source's own document sets its fields: no claim lists, no settling afterwards", () => {
    expect(upsertEntitiesCypher(false)).toMatchInlineSnapshot(`
      "
      UNWIND $rows AS row
      MERGE (n:Entity {key: row.key})
      WITH row, n, CASE WHEN n.name IS NULL THEN null ELSE properties(n) END AS before
      SET n:$(row.kind), n.kind = row.kind, n.foldRule = $foldRule
      // Each alias with its folds ([alias, lower, plain]), the stored ones first; a new one is added
      // when no stored alias folds as it does (the folds are TypeScript's: domain/fold.ts).
      WITH row, n, before, reduce(
             acc = [i IN range(0, size(coalesce(n.aliases, [])) - 1) |
                    [n.aliases[i], coalesce(n.aliasesLower[i], n.aliases[i]), coalesce(n.aliasesPlain[i], n.aliases[i])]],
             i IN range(0, size(row.aliases) - 1) |
             CASE WHEN any(x IN acc WHERE x[1] = row.aliasesLower[i]) THEN acc
                  ELSE acc + [[row.aliases[i], row.aliasesLower[i], row.aliasesPlain[i]]] END) AS aliases
      SET n.aliases = [a IN aliases | a[0]], n.aliasesLower = [a IN aliases | a[1]],
          n.aliasesPlain = [a IN aliases | a[2]]
      SET n.name = row.name, n.nameLower = row.nameLower, n.namePlain = row.namePlain,
          n.description = coalesce(row.description, n.description)
      SET n += row.properties
      // A new source's footprint lists start empty (cypher/footprint.ts); one written before they
      // existed keeps none until the settle at start.
      SET n.footprintKeys = CASE WHEN before IS NULL THEN [] ELSE n.footprintKeys END,
          n.footprintRelations = CASE WHEN before IS NULL THEN [] ELSE n.footprintRelations END
      WITH row, n, before, null AS replaced
      SET n.plainNames = reduce(plain = null, p IN [[toLower(n.name), n.namePlain]] + [i IN range(0, size(coalesce(n.aliases, [])) - 1) | [toLower(n.aliases[i]), n.aliasesPlain[i]]] | CASE WHEN p[1] IS NULL OR p[0] = p[1] THEN plain ELSE coalesce(plain, []) + p[1] END)
      WITH n, row, replaced, before, CASE WHEN before IS NULL THEN 'created' WHEN before <> properties(n) THEN 'updated'
                   ELSE 'unchanged' END AS outcome
      // After the outcome: where a source writes its claims is no change a reader sees.
      CALL (n, row) {
        WITH n, row WHERE n.footprintKeys IS NOT NULL
        CALL (n, row) {
          UNWIND n.footprintKeys + row.footprintKeys AS k
          WITH DISTINCT k
          RETURN collect(k) AS keys
        }
        CALL (n, row) {
          UNWIND coalesce(n.footprintRelations, []) + row.footprintRelations AS id
          WITH DISTINCT id
          RETURN collect(id) AS ids
        }
        SET n.footprintKeys = keys, n.footprintRelations = ids
      }
      FOREACH (_ IN CASE WHEN outcome <> 'unchanged' THEN [1] ELSE [] END |
        SET n.updatedAt = datetime(), n.updatedBy = $by)
      // Entities whose claims changed are settled from all of them (data/claims.ts).
      RETURN outcome, collect(n.key) AS keys, [] AS touched"
    `);
  });

  it("entities upserted as a source's claim: rows, kind, source, its date and the writer as parameters", () => {
    const { params } = upsertEntitiesStatement(true, {
      rows: [
        {
          key: "latvia",
          kind: "Nation",
          name: "Latvia",
          aliases: [],
          description: null,
          properties: { isoCode: "LV" },
          values: '{"isoCode":"LV","name":"Latvia"}',
        },
      ],
      source: "src-1",
      at: "2024-06-01",
      by: "ingest",
    });
    expect(params).toMatchInlineSnapshot(`
      {
        "at": "2024-06-01",
        "by": "ingest",
        "foldRule": Integer {
          "high": 0,
          "low": 4,
        },
        "rows": [
          {
            "aliases": [],
            "aliasesLower": [],
            "aliasesPlain": [],
            "description": null,
            "key": "latvia",
            "kind": "Nation",
            "name": "Latvia",
            "nameLower": "latvia",
            "namePlain": "latvia",
            "properties": {
              "isoCode": "LV",
            },
            "values": "{"isoCode":"LV","name":"Latvia"}",
          },
        ],
        "source": "src-1",
      }
    `);
  });

  it("relations upserted as a source's claim: the claim recorded, the touched ones returned to settle", () => {
    const { cypher, params } = upsertRelationsStatement({
      rows: [relationRow],
      source: "src-1",
      by: "ingest",
    });
    // The claim is recorded by mergeRelationCypher, whose snapshot is above.
    expect(cypher).toContain(mergeRelationCypher());
    expect(cypher.replace(mergeRelationCypher(), "\n<mergeRelationCypher>")).toMatchInlineSnapshot(`
      "
      UNWIND $rows AS row
      MATCH (a:Entity {key: row.from})
      MATCH (b:Entity {key: row.to})
      <mergeRelationCypher>
      RETURN outcome, collect(a.key + '|' + type(r) + '|' + b.key) AS keys,
             // Relations whose claims changed: settled from all of them (data/claims.ts).
             collect(CASE WHEN outcome = 'updated'
                          THEN {id: elementId(r), props: properties(r), key: a.key + '|' + type(r) + '|' + b.key,
                                inferredBefore: wasInferred,
                                evidenceBefore: wasEvidence} END) AS touched"
    `);
    expect(params).toMatchInlineSnapshot(`
      {
        "by": "ingest",
        "rows": [
          {
            "at": "2024-06",
            "evidence": "Canada leads the brigade in Latvia.",
            "from": "canada",
            "inferred": false,
            "properties": {
              "asOf": "2024-06",
              "troops": Integer {
                "high": 0,
                "low": 2000,
              },
            },
            "to": "efp-latvia",
            "type": "CONTRIBUTES_TO",
            "values": "{"asOf":"2024-06","troops":2000}",
          },
        ],
        "source": "src-1",
      }
    `);
  });

  it("a kind or relation type outside the registry never reaches a statement", () => {
    const write = { source: "src-1", by: "ingest" };
    const sneaky = { ...relationRow, type: "X]->() DETACH DELETE (a)//" };
    expect(() => upsertRelationsStatement({ ...write, rows: [sneaky as never] })).toThrow(
      /not a registry relation type/,
    );
    expect(() => createRelationsStatement({ ...write, rows: [sneaky as never] })).toThrow(
      /not a registry relation type/,
    );
    const entity = {
      key: "x",
      name: "X",
      aliases: [],
      description: null,
      properties: {},
      values: "{}",
    };
    expect(() =>
      upsertEntitiesStatement(true, {
        ...write,
        at: "",
        rows: [{ ...entity, kind: "Nation:Admin" as never }],
      }),
    ).toThrow(/not a registry kind/);
    // Each statement serves one group of kinds: those that keep claims, or the Source.
    expect(() =>
      upsertEntitiesStatement(true, { ...write, at: "", rows: [{ ...entity, kind: "Source" }] }),
    ).toThrow(/keeps no claims/);
  });

  it("relations that cannot exist yet (an end created in the same transaction) are created outright", () => {
    const write = { rows: [relationRow], source: "src-1", by: "ingest" };
    const created = createRelationsStatement(write);
    // The same parameters as the upsert's.
    expect(created.params).toEqual(upsertRelationsStatement(write).params);
    expect(created.cypher).toMatchInlineSnapshot(`
      "
      UNWIND $rows AS row
      MATCH (a:Entity {key: row.from})
      MATCH (b:Entity {key: row.to})
      CREATE (a)-[r:$(row.type)]->(b)
      SET r += row.properties
      SET r.evidenceSources = [$source], r.evidenceExcerpts = [row.evidence],
          r.evidenceInferred = [row.inferred], r.inferred = row.inferred,
          r.evidenceAt = [row.at], r.evidenceValues = [row.values], r.evidenceRanks = ["NORMAL"],
          r.disputed = false, r.updatedAt = datetime(), r.updatedBy = $by
      RETURN count(r) AS created"
    `);
  });

  it("ingest --check reads the stored entities and relations (the type compared as a value)", () => {
    expect(storedEntitiesStatement(["canada"])).toMatchInlineSnapshot(`
      {
        "cypher": "
      MATCH (n:Entity) WHERE n.key IN $keys
      RETURN n {.*, updatedAt: null} AS n",
        "params": {
          "keys": [
            "canada",
          ],
        },
      }
    `);
    expect(
      storedRelationsStatement([{ from: "canada", type: "CONTRIBUTES_TO", to: "efp-latvia" }]),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "
      UNWIND $rows AS row
      MATCH (a:Entity {key: row.from})-[r]->(b:Entity {key: row.to})
      WHERE type(r) = row.type
      RETURN row.from AS from, row.type AS type, row.to AS to, r {.*, updatedAt: null} AS props",
        "params": {
          "rows": [
            {
              "from": "canada",
              "to": "efp-latvia",
              "type": "CONTRIBUTES_TO",
            },
          ],
        },
      }
    `);
  });
});

describe("Cypher shapes: settling claims and the migrations", () => {
  it("settled values are set by element id, worked out in TypeScript", () => {
    const rows = [{ id: "5:abc:7", props: { troops: 2000, disputed: false } }];
    expect(settleRelationsStatement(rows)).toMatchInlineSnapshot(`
      {
        "cypher": "
      UNWIND $rows AS row
      MATCH ()-[r]->() WHERE elementId(r) = row.id
      SET r += row.props",
        "params": {
          "rows": [
            {
              "id": "5:abc:7",
              "props": {
                "disputed": false,
                "troops": Integer {
                  "high": 0,
                  "low": 2000,
                },
              },
            },
          ],
        },
      }
    `);
    expect(
      settleEntitiesStatement([{ id: "4:abc:1", props: { name: "Latvia" } }]).cypher,
    ).toMatchInlineSnapshot(`
      "
      UNWIND $rows AS row
      MATCH (n:Entity) WHERE elementId(n) = row.id
      SET n += row.props
      SET n.plainNames = reduce(plain = null, p IN [[toLower(n.name), n.namePlain]] + [i IN range(0, size(coalesce(n.aliases, [])) - 1) | [toLower(n.aliases[i]), n.aliasesPlain[i]]] | CASE WHEN p[1] IS NULL OR p[0] = p[1] THEN plain ELSE coalesce(plain, []) + p[1] END)"
    `);
    expect(
      setEntitiesStatement([{ id: "4:abc:1", props: { isoCodeSource: null } }]).cypher,
    ).toMatchInlineSnapshot(`
      "
      UNWIND $rows AS row
      MATCH (n:Entity) WHERE elementId(n) = row.id
      SET n += row.props"
    `);
  });

  it("at start, the relations whose figures change over time and hold several claims are read to settle again", () => {
    expect(figureRelationsStatement()).toMatchInlineSnapshot(`
      {
        "cypher": "
      MATCH ()-[r:CONTRIBUTES_TO|SPENDS]->()
      WHERE size(coalesce(r.evidenceSources, [])) > 1
      RETURN elementId(r) AS id, properties(r) AS props",
        "params": {},
      }
    `);
  });

  it("the migrations read what was written before claims, a batch at a time", () => {
    expect(legacyRelationsStatement(2000)).toMatchInlineSnapshot(`
      {
        "cypher": "
      MATCH ()-[r]->()
      WHERE r.evidenceSources IS NOT NULL AND r.evidenceValues IS NULL
      WITH r LIMIT $limit
      RETURN elementId(r) AS id, properties(r) AS props,
             [s IN r.evidenceSources | COLLECT { MATCH (x:Entity {key: s}) RETURN coalesce(x.asOf, x.publishedAt) }[0]] AS dates",
        "params": {
          "limit": Integer {
            "high": 0,
            "low": 2000,
          },
        },
      }
    `);
    expect(legacyEntitiesStatement(2000)).toMatchInlineSnapshot(`
      {
        "cypher": "
      MATCH (n:Entity) WHERE n.claimSources IS NULL AND n.kind <> 'Source'
      WITH n LIMIT $limit
      RETURN elementId(n) AS id, properties(n) AS props",
        "params": {
          "limit": Integer {
            "high": 0,
            "low": 2000,
          },
        },
      }
    `);
    expect(sourceDatesStatement(["src-1"])).toMatchInlineSnapshot(`
      {
        "cypher": "
      MATCH (s:Entity) WHERE s.key IN $keys
      RETURN s.key AS key, coalesce(s.asOf, s.publishedAt) AS at",
        "params": {
          "keys": [
            "src-1",
          ],
        },
      }
    `);
  });
});

describe("Cypher shapes: bulk load, generated data, seed", () => {
  it("after the offline import: empty aliases, then the values left out of the CSV by key", () => {
    expect(graphContentsStatement().cypher).toMatchInlineSnapshot(`
      "
      MATCH (n) WHERE NOT n:WriteLock
      RETURN count(CASE WHEN n:Entity AND n:Source THEN 1 END) AS sources,
             count(CASE WHEN n:Entity AND NOT n:Source THEN 1 END) AS entities,
             count(CASE WHEN NOT n:Entity THEN 1 END) AS others"
    `);
    expect(emptyAliasesStatement().cypher).toMatchInlineSnapshot(`
      "
      MATCH (n:Entity) WHERE n.aliases IS NULL
      CALL (n) { SET n.aliases = [], n.aliasesLower = [], n.aliasesPlain = [] } IN TRANSACTIONS OF 20000 ROWS"
    `);
    expect(
      nodePatchesStatement([{ key: "src-1", props: { text: "Two\nlines" } }]),
    ).toMatchInlineSnapshot(`
      {
        "cypher": "UNWIND $rows AS row MATCH (n:Entity {key: row.key}) SET n += row.props",
        "params": {
          "rows": [
            {
              "key": "src-1",
              "props": {
                "text": "Two
      lines",
              },
            },
          ],
        },
      }
    `);
    expect(
      relationPatchesStatement("LEADS", [
        { from: "alice", to: "nato", props: { evidenceExcerpts: ["One\nsentence"] } },
      ]).cypher,
    ).toMatchInlineSnapshot(`
      "UNWIND $rows AS row
                 MATCH (:Entity {key: row.from})-[r:LEADS]->(:Entity {key: row.to})
                 SET r += row.props"
    `);
  });

  it("clearing generated data: relationships first, each statement a bounded batch", () => {
    expect(clearGeneratedStatements({ prefix: "gen-", limit: 10_000 })).toMatchInlineSnapshot(`
      {
        "entities": {
          "cypher": "
      MATCH (n:Entity) WHERE n.key STARTS WITH $prefix
      WITH n LIMIT $limit
      DETACH DELETE n
      RETURN count(*) AS deleted",
          "params": {
            "limit": Integer {
              "high": 0,
              "low": 10000,
            },
            "prefix": "gen-",
          },
        },
        "relationships": {
          "cypher": "
      MATCH (n:Entity) WHERE n.key STARTS WITH $prefix
      MATCH (n)-[r]-()
      WITH DISTINCT r LIMIT $limit
      DELETE r
      RETURN count(*) AS deleted",
          "params": {
            "limit": Integer {
              "high": 0,
              "low": 10000,
            },
            "prefix": "gen-",
          },
        },
      }
    `);
  });

  it("the seed asks whether the graph is empty", () => {
    expect(entityCountStatement()).toMatchInlineSnapshot(`
      {
        "cypher": "MATCH (n:Entity) RETURN count(n) AS n",
        "params": {},
      }
    `);
  });
});

describe("the numbers settle at start", () => {
  it("covers every number property of the registry, each a seek or a type scan, a batch at a time", () => {
    expect(NUMBER_PROPERTIES.map((t) => `${t.token}.${t.property}`)).toEqual([
      "Pledge.value",
      "CONTRIBUTES_TO.troops",
      "CONTRIBUTES_TO.additionalTroops",
      "SPENDS.value",
      "SPENDS.year",
    ]);
    const node = negativeZeroStatement({ on: "node", token: "Pledge", property: "value" }, 5000);
    expect(node.cypher).toMatchInlineSnapshot(`
      "
      MATCH (n:Pledge) WHERE n.value = -0.0 AND n.value < 0.0
      WITH n LIMIT $limit
      REMOVE n.value
      SET n.value = 0.0
      RETURN count(n) AS settled"
    `);
    expect(Object.keys(node.params)).toEqual(["limit"]);
    const relationship = negativeZeroStatement(
      { on: "relationship", token: "SPENDS", property: "year" },
      5000,
    );
    expect(relationship.cypher).toMatchInlineSnapshot(`
      "
      MATCH ()-[r:SPENDS]->() WHERE r.year = -0.0 AND r.year < 0.0
      WITH r LIMIT $limit
      REMOVE r.year
      SET r.year = 0
      RETURN count(r) AS settled"
    `);
  });
});

describe("integer-typed properties stored as Neo4j Integers", () => {
  it("are named alike everywhere: a name the registry types integer is an integer wherever it is declared", () => {
    const specs: PropertySpec[] = [
      ...KIND_NAMES.map((k) => KINDS[k].properties as PropertySpec),
      ...RELATION_TYPE_NAMES.map((t) => relationProperties(t)),
    ];
    for (const spec of specs)
      for (const [name, type] of Object.entries(spec))
        expect([name, type.type === "integer"]).toEqual([name, INTEGER_PROPERTY_NAMES.has(name)]);
    expect([...INTEGER_PROPERTY_NAMES]).toEqual(["troops", "additionalTroops", "year"]);
  });

  it("converts whole numbers of integer properties only; decimals, other numbers and beyond 64 bits are left as sent", () => {
    const props = {
      troops: 540,
      additionalTroops: 2 ** 60,
      year: 2014.5,
      value: 2,
      unit: "percent",
      asOf: "2024",
    };
    const out = withIntegers(props);
    expect(neo4j.isInt(out.troops)).toBe(true);
    expect(String(out.troops)).toBe("540");
    expect(String(out.additionalTroops)).toBe("1152921504606846976");
    expect(out).toMatchObject({ year: 2014.5, value: 2, unit: "percent", asOf: "2024" });
    expect(withIntegers({ troops: 2 ** 64 }).troops).toBe(2 ** 64);
    expect(withIntegers({ troops: null }).troops).toBeNull();
    // Nothing to convert: the same object back; the row sent is never changed.
    const plain = { value: 1.5 };
    expect(withIntegers(plain)).toBe(plain);
    expect(props.troops).toBe(540);
  });

  it("settles whole-number floats at start: a type scan per property, removed then set (Neo4j takes 540 for 540.0 unchanged)", () => {
    expect(INTEGER_PROPERTIES.map((t) => `${t.token}.${t.property}`)).toEqual([
      "CONTRIBUTES_TO.troops",
      "CONTRIBUTES_TO.additionalTroops",
      "SPENDS.year",
    ]);
    const statement = integerFloatStatement(
      { on: "relationship", token: "CONTRIBUTES_TO", property: "troops" },
      5000,
    );
    expect(statement.cypher).toMatchInlineSnapshot(`
      "
      MATCH ()-[r:CONTRIBUTES_TO]->() WHERE valueType(r.troops) STARTS WITH 'FLOAT' AND abs(r.troops) < 9.2e18
        AND r.troops = toInteger(r.troops)
      WITH r, toInteger(r.troops) AS whole LIMIT $limit
      REMOVE r.troops
      SET r.troops = whole
      RETURN count(r) AS settled"
    `);
    expect(Object.keys(statement.params)).toEqual(["limit"]);
  });
});

describe("the names settle at start", () => {
  it("reads the candidates a batch at a time, in key order, every value a parameter", () => {
    const { cypher, params } = unnormalisedNamesStatement({ after: "k", limit: 2000, foldRule: 2 });
    expect(cypher).toMatchInlineSnapshot(`
      "
      MATCH (n:Entity) WHERE n.key > $after
        AND (n.name <> normalize(n.name, NFC) OR n.name =~ $odd
             OR n.foldRule IS NULL OR n.foldRule <> $foldRule
             OR any(a IN coalesce(n.aliases, []) WHERE a <> normalize(a, NFC) OR a =~ $odd)
             OR any(v IN coalesce(n.claimValues, []) WHERE v <> normalize(v, NFC) OR v =~ $invisible))
      WITH n ORDER BY n.key LIMIT $limit
      RETURN elementId(n) AS id, n.key AS key, n.name AS name, n.nameLower AS nameLower,
             n.aliases AS aliases, n.claimValues AS claimValues, n.foldRule AS foldRule"
    `);
    expect(Object.keys(params).sort()).toEqual(["after", "foldRule", "invisible", "limit", "odd"]);
  });

  it("rewrites a name, its aliases and its claims' names as writes store them, and leaves a clean one", () => {
    expect(
      normalisedNames({
        name: "Cafe\u0301\u00a0 Qwertyville\u200b",
        aliases: ["Old  Qwerty\u00adville", "Old Qwertyville"],
        claimValues: [
          JSON.stringify({ name: "Cafe\u0301 Qwertyville", description: "A  cafe\u0301." }),
        ],
      }),
    ).toEqual({
      name: "Café Qwertyville",
      aliases: ["Old Qwertyville"],
      claimValues: [JSON.stringify({ name: "Café Qwertyville", description: "A  cafe\u0301." })],
      foldRule: FOLD_RULE,
    });
    expect(
      normalisedNames({
        name: "Café",
        aliases: ["Cafe"],
        claimValues: ['{"description":"a  b"}'],
        foldRule: FOLD_RULE,
      }),
    ).toBeNull();
  });

  it("folds again, in TypeScript, an entity folded by another rule or by none", () => {
    // Folded by an older version (in Cypher, whose Java 17 does not case "Ꟁ"): no foldRule.
    expect(
      normalisedNames({ name: "Ꟁ Qwerty", nameLower: "Ꟁ qwerty", aliases: ["AL", "al"] }),
    ).toEqual({
      name: "Ꟁ Qwerty",
      aliases: ["AL"],
      foldRule: FOLD_RULE,
    });
    expect(normalisedNames({ name: "Ꟁ Qwerty", aliases: [], foldRule: FOLD_RULE - 1 })).toEqual({
      name: "Ꟁ Qwerty",
      aliases: [],
      foldRule: FOLD_RULE,
    });
  });
});
