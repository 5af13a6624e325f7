/**
 * The Cypher of a timeline: the dated events an entity is linked to, and its own dated relations
 * in date order: an entry at its `date`, its `since` and its `until` (the relation as it stands),
 * and, for a relation whose figures change over time (the registry's `overTime`: troops,
 * spending), one at each counted claim's point in time, with `asOf` set so that the relation is
 * read as of then (that source's figures). Partial dates sort before their completions ("2022"
 * before "2022-02-24"), and a range matches a partial date when the two overlap. Entries on one
 * date with one other entity (a person who LEADS and SERVES_IN one nation from one day) follow
 * their type, direction and point in time: without them the order was not total, and pages of
 * different sizes listed one entry twice and another never.
 */
import neo4j from "neo4j-driver";
import { OVER_TIME_RELATION_TYPES } from "../domain/vocabulary.js";
import { dateRangePredicates } from "./filters.js";
import { Params, type Statement } from "./params.js";
import type { TimelinePlan } from "./plan.js";
import { asMap, counted } from "./projection.js";

const timelineCypher = (where: string, tail: string) => `
MATCH (n:Entity {key: $key})
CALL (n) {
  MATCH (n)-[link]-(e:Event) WHERE e.date IS NOT NULL AND ${counted("link")}
  RETURN DISTINCT e.date AS date, ${asMap("e")} AS event, null AS rel
  UNION
  MATCH (n)-[r]-(m:Entity)
  WHERE NOT m:Event AND NOT r:MENTIONS AND ${counted("r")}
  WITH n, r, m, [d IN [r.date, r.since, r.until] WHERE d IS NOT NULL | {date: d, asOf: null}] +
    CASE WHEN type(r) IN $overTime THEN
      [i IN range(0, size(coalesce(r.evidenceAt, [])) - 1)
       WHERE r.evidenceAt[i] <> "" AND coalesce(r.evidenceRanks[i], "NORMAL") <> "DEPRECATED"
       | {date: r.evidenceAt[i], asOf: r.evidenceAt[i]}]
    ELSE [] END AS dates
  UNWIND dates AS d
  WITH DISTINCT n, r, m, d.date AS date, d.asOf AS asOf
  RETURN date, null AS event,
         {props: ${asMap("r")}, type: type(r), out: startNode(r) = n, m: ${asMap("m")}, asOf: asOf} AS rel
}
WITH date, event, rel WHERE ${where}
${tail}`;

/**
 * The page (rows date, event, rel: one of event and rel is null) and the count of every entry,
 * as two statements over the same entries (run in one read transaction).
 */
export function timelineStatements(plan: TimelinePlan): { page: Statement; count: Statement } {
  const params = new Params("t");
  const conditions = dateRangePredicates(
    "date",
    { from: plan.from ?? null, to: plan.to ?? null },
    params,
    "timeline",
  );
  const where = conditions.length ? conditions.join(" AND ") : "true";
  const base = { ...params.values, key: plan.key, overTime: [...OVER_TIME_RELATION_TYPES] };
  return {
    page: {
      cypher: timelineCypher(
        where,
        `RETURN date, event, rel
ORDER BY date, coalesce(event.name, rel.m.name), coalesce(event.key, rel.m.key),
  rel.type, rel.out DESC, rel.asOf
SKIP $offset LIMIT $limit`,
      ),
      params: { ...base, offset: neo4j.int(plan.offset), limit: neo4j.int(plan.limit) },
    },
    count: { cypher: timelineCypher(where, "RETURN count(*) AS total"), params: base },
  };
}
