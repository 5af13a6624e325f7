/**
 * A source's footprint: the entities its retraction, a superseding ingest or its delete writes
 * (those it has claims on, both ends of each relation it gives evidence for) and the relations it
 * gives evidence for. Claims and evidence live in lists on the entities and relationships, which
 * no index reaches by membership, so finding them by those lists scanned every entity and every
 * relationship: a correction cost what the whole graph holds. Every write of a source's claim
 * (ingest, bulk load, addRelation) also records where it wrote on the source itself:
 *
 * - `footprintKeys`: the key of every entity it has written a claim on or a relation end of;
 * - `footprintRelations`: the id (`from|TYPE|to`) of every relation it has given evidence for.
 *
 * Both only grow: an entry whose claim or relation is gone since (a delete, a removed relation)
 * stays, and the reads below keep only what still holds the source's claim. So the footprint is
 * read through index look-ups by key, as many as the source wrote. A source written before the
 * lists existed has none (null) until the settle at start (settleFootprints) records them; its
 * footprint is read by the scans, as before.
 */
import neo4j from "neo4j-driver";
import type { Statement } from "./params.js";

/**
 * Goes on (with `s` and one row) only when `s` has no footprint lists, for the scans of a source
 * written before they existed. As \`WITH s WHERE s.footprintKeys IS NULL\`, Neo4j planned the
 * scan first and that filter after it, so every correction scanned every entity (and every node
 * for the relationships) three times to find nothing: a retraction on 30,051 nodes read 150,000
 * of them for no row (PROFILE, edges26). An UNWIND of the condition is planned before the MATCH,
 * which then runs once per row it gives: none.
 */
const WITHOUT_LISTS = "UNWIND CASE WHEN s.footprintKeys IS NULL THEN [s] ELSE [] END AS s0";

/**
 * Rows (n): `s` (a Source in scope) and every entity of its footprint, once each; `s` stays in
 * scope. By its lists, or by scanning when it has none (see above).
 */
export const FOOTPRINT_NODES = `CALL (s) {
  RETURN s AS n
UNION
  WITH s WHERE s.footprintKeys IS NOT NULL
  UNWIND s.footprintKeys AS k
  MATCH (n:Entity {key: k})
  RETURN n
UNION
  ${WITHOUT_LISTS}
  MATCH (n:Entity) WHERE s.key IN coalesce(n.claimSources, [])
  RETURN n
UNION
  ${WITHOUT_LISTS}
  MATCH (a)-[r]->(b) WHERE s.key IN coalesce(r.evidenceSources, [])
  UNWIND [a, b] AS n
  RETURN n
}`;

/**
 * Rows (a, r, b): each relation `s` (a Source in scope) gives evidence for, once; `s` stays in
 * scope. By its list of relation ids, or by scanning when it has none.
 */
export const FOOTPRINT_RELATIONS = `CALL (s) {
  WITH s WHERE s.footprintKeys IS NOT NULL
  UNWIND coalesce(s.footprintRelations, []) AS id
  WITH s, split(id, '|') AS p
  MATCH (a:Entity {key: p[0]})-[r]->(b:Entity {key: p[2]})
  WHERE type(r) = p[1] AND s.key IN coalesce(r.evidenceSources, [])
  RETURN a, r, b
UNION
  ${WITHOUT_LISTS}
  MATCH (a)-[r]->(b) WHERE s.key IN coalesce(r.evidenceSources, [])
  RETURN a, r, b
}`;

/**
 * The part of a write statement that records on the source node `src` (in scope) the entity
 * keys `keys` and relation ids `ids` (Cypher expressions) it has just written claims on: each
 * added once, after those recorded (in the order given); `scope`: the variables the expressions
 * use, `src` among them. A source without lists (written before
 * they existed) is left without: the settle at start records all of its footprint at once.
 */
export const recordFootprintCypher = (src: string, keys: string, ids: string, scope = src) => `
CALL (${scope}) {
  WITH ${scope} WHERE ${src}.footprintKeys IS NOT NULL
  CALL (${scope}) {
    UNWIND ${src}.footprintKeys + ${keys} AS k
    WITH DISTINCT k
    RETURN collect(k) AS keys
  }
  CALL (${scope}) {
    UNWIND coalesce(${src}.footprintRelations, []) + ${ids} AS id
    WITH DISTINCT id
    RETURN collect(id) AS ids
  }
  SET ${src}.footprintKeys = keys, ${src}.footprintRelations = ids
}`;

/**
 * Row (keys): up to `limit` sources without footprint lists (written before they existed), in
 * key order, write-locked (so that no write adds a claim of theirs while their footprint is
 * read: every write of a source's claims locks the source).
 */
export function unsettledFootprintsStatement(limit: number): Statement {
  return {
    cypher: `
MATCH (s:Entity) WHERE s:Source AND s.footprintKeys IS NULL
WITH s ORDER BY s.key LIMIT $limit
SET s.writeLock = true REMOVE s.writeLock
RETURN collect(s.key) AS keys`,
    params: { limit: neo4j.int(limit) },
  };
}

/**
 * Row (entities, relations): where the sources `keys` have claims, found by scanning every
 * entity and relationship once: `entities` as [source, entity key] pairs, `relations` as
 * [source, from, type, to].
 */
export function footprintScanStatement(keys: readonly string[]): Statement {
  return {
    cypher: `
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
RETURN entities, relations`,
    params: { keys: [...keys] },
  };
}

/** Sets each row's footprint lists on the source with its key. */
export function setFootprintsStatement(
  rows: ReadonlyArray<{ key: string; keys: string[]; ids: string[] }>,
): Statement {
  return {
    cypher: `
UNWIND $rows AS row
MATCH (s:Entity {key: row.key})
SET s.footprintKeys = row.keys, s.footprintRelations = row.ids`,
    params: { rows },
  };
}
