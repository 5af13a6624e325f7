/**
 * The Cypher of disputes and corroboration: a page of disputed relations (each seen from its
 * start), and per entity how many sources state something about it.
 */
import neo4j from "neo4j-driver";
import type { Statement } from "./params.js";
import { asMap } from "./projection.js";

/**
 * One row (total, page). `disputed` is kept on each relation when its claims are settled;
 * relationship properties are not indexed by value here, so it scans relationships, ordered by
 * start key, type and end key. The total is counted apart, and only the page's rows are sorted
 * out (SKIP / LIMIT) and projected: every disputed relation was collected with both its ends'
 * properties before the page was sliced from them. Each relation of the page comes with both its
 * ends (`start` and `m`): its start loaded again by key in a later statement may have been
 * deleted since.
 */
export function disputesStatement(window: { offset: number; limit: number }): Statement {
  const cypher = `
CALL () {
  MATCH (:Entity)-[r]->(:Entity) WHERE r.disputed = true
  RETURN count(r) AS total
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity) WHERE r.disputed = true
  WITH a, r, b ORDER BY a.key, type(r), b.key SKIP $offset LIMIT $limit
  RETURN collect({key: a.key, start: ${asMap("a")}, item: {type: type(r), out: true, props: ${asMap("r")}, m: ${asMap("b")}}}) AS page
}
RETURN total, page`;
  return {
    cypher,
    params: { offset: neo4j.int(window.offset), limit: neo4j.int(window.limit) },
  };
}

const SOURCE_COUNTS = `
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
} AS sources`;

/**
 * Rows (key, sources) for the keys that exist: distinct sources of the entity's relations'
 * claims and of its own field claims, retracted ones left out.
 */
export function sourceCountsStatement(keys: readonly string[]): Statement {
  return { cypher: SOURCE_COUNTS, params: { keys: [...new Set(keys)] } };
}
