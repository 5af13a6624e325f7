/**
 * The Cypher that operations compile to, shown without a database (in the manner of the Neo4j
 * GraphQL Library's TCK tests): labels and types come from the registry, every value is a
 * parameter. The live tests check behaviour; these show the statements.
 */
import { describe, expect, it } from "vitest";
import { compileWhere, Params } from "../../src/data/filters.js";
import { mergeRelationCypher, upsertEntitiesCypher } from "../../src/data/ingest.js";
import { relationsCypher } from "../../src/data/relations.js";

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
        "cypher": "(n.nameLower CONTAINS $w0) AND (((n.key STARTS WITH $w1) OR (NOT ((n.nameLower = $w2)))))",
        "params": {
          "w0": "an",
          "w1": "ca",
          "w2": "spain",
        },
      }
    `);
  });

  it("a relation page as of a date reads the claim lists with the typed values", () => {
    const p = new Params("p");
    const cypher = relationsCypher(
      {
        key: "",
        kinds: null,
        filter: {
          types: ["CONTRIBUTES_TO"],
          direction: "OUT",
          otherKind: null,
          offset: 0,
          limit: 5,
          withTotal: true,
          asOf: "2022-03",
        },
        nodeProperties: [],
        relationProperties: ["troops"],
        children: [],
      },
      p,
    );
    expect(cypher).toMatchInlineSnapshot(`
      "
      UNWIND $keys AS key
      MATCH (n:Entity {key: key})
      RETURN key, [COLLECT {
        MATCH (n)-[r0:CONTRIBUTES_TO]->(m0:Entity) WHERE (r0.since IS NULL OR r0.since <= $p0 + "~")
            AND (r0.until IS NULL OR r0.until + "~" >= $p0) AND (r0.date IS NULL OR r0.date <= $p0 + "~")
        WITH r0, m0 ORDER BY m0.nameLower ASC, m0.name ASC, m0.key
        SKIP $p1 LIMIT $p2
        RETURN [type(r0), startNode(r0) = n, [r0.troops, r0.evidenceSources, r0.evidenceExcerpts, r0.evidenceInferred, r0.evidenceAt, r0.evidenceValues, r0.evidenceRanks], [m0.key, m0.kind, m0.name]]
      }, COUNT { MATCH (n)-[r0:CONTRIBUTES_TO]->(m0:Entity) WHERE (r0.since IS NULL OR r0.since <= $p0 + "~")
            AND (r0.until IS NULL OR r0.until + "~" >= $p0) AND (r0.date IS NULL OR r0.date <= $p0 + "~") }] AS page"
    `);
    expect(Object.keys(p.values)).toMatchInlineSnapshot(`
      [
        "p0",
        "p1",
        "p2",
      ]
    `);
  });

  it("recording a source's claim on a relation", () => {
    expect(mergeRelationCypher("CONTRIBUTES_TO")).toMatchInlineSnapshot(`
      "
      MERGE (a)-[r:CONTRIBUTES_TO]->(b)
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
          r.evidenceRanks = CASE WHEN known < 0 THEN ranks + "NORMAL" ELSE ranks END
      // Inferred while no source states it outright.
      SET r.inferred = all(x IN r.evidenceInferred WHERE x),
          r.disputed = coalesce(r.disputed, false)
      WITH a, b, r, CASE WHEN before IS NULL THEN 'created' WHEN before <> properties(r) THEN 'updated'
                         ELSE 'unchanged' END AS outcome
      FOREACH (_ IN CASE WHEN outcome <> 'unchanged' THEN [1] ELSE [] END |
        SET r.updatedAt = datetime(), r.updatedBy = $by)"
    `);
  });

  it("recording a source's claim on an entity's fields (a new entity takes them at once)", () => {
    expect(upsertEntitiesCypher("Mission")).toMatchInlineSnapshot(`
      "
      UNWIND $rows AS row
      MERGE (n:Entity {key: row.key})
      WITH row, n, CASE WHEN n.name IS NULL THEN null ELSE properties(n) END AS before
      SET n:Mission, n.kind = $kind,
          n.aliases = CASE WHEN before IS NULL THEN row.aliases
            ELSE reduce(acc = coalesce(n.aliases, []), a IN row.aliases |
              CASE WHEN any(x IN acc WHERE toLower(x) = toLower(a)) THEN acc ELSE acc + a END) END
      SET n.name = CASE WHEN before IS NULL THEN row.name ELSE n.name END,
          n.nameLower = CASE WHEN before IS NULL THEN toLower(row.name) ELSE n.nameLower END,
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
      WITH n, row, replaced, CASE WHEN before IS NULL THEN 'created' WHEN before <> properties(n) THEN 'updated'
                   ELSE 'unchanged' END AS outcome
      FOREACH (_ IN CASE WHEN outcome <> 'unchanged' THEN [1] ELSE [] END |
        SET n.updatedAt = datetime(), n.updatedBy = $by)
      // Entities whose claims changed are settled from all of them (data/claims.ts).
      RETURN outcome, collect(n.key) AS keys, collect(CASE WHEN outcome = 'updated'
                          THEN {id: elementId(n), props: properties(n), values: row.values, replaced: replaced} END) AS touched"
    `);
  });
});
