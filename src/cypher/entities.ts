/**
 * The Cypher of entity reads: entities by key, and a filtered, ordered page of one kind, each
 * with the relation pages of its plan read along in the same statement. Labels, property names
 * and relationship types come from the registry only; every value is a parameter.
 */
import neo4j from "neo4j-driver";
import { compileAnchor, compileOrder, compileWhere, onlyNameSeek } from "./filters.js";
import { Params, type Statement } from "./params.js";
import type { EntitiesByKeyPlan, EntityPagePlan } from "./plan.js";
import { project, vouched, withdrawnCount } from "./projection.js";
import { pagesExpression } from "./relations.js";

/** Rows (n, pre): each entity found (`pre`, its relation pages, only when the plan has some). */
export function entitiesByKeyStatement(plan: EntitiesByKeyPlan): Statement {
  const pages = plan.pages ?? [];
  const p = new Params("p");
  const pre = pages.length > 0 ? pagesExpression("n", pages, p) : "";
  const cypher = `
MATCH (n:Entity) WHERE n.key IN $keys
RETURN ${project("n", plan.properties ?? null)} AS n${pre ? `, ${pre} AS pre` : ""}`;
  return { cypher, params: { ...p.values, keys: [...new Set(plan.keys)] } };
}

/**
 * A page of one kind in one statement, `total` only when asked for. Without relation pages
 * (`flat`), one row holding the page as `items`; with them, one row per entity as `item`
 * ({n, pre}), and with the count one row more when the page is empty.
 */
export function entityPageStatement(plan: EntityPagePlan): Statement & { flat: boolean } {
  const { kind, where, orderBy, withTotal } = plan;
  const pages = plan.pages ?? [];
  const params = new Params();
  // compileWhere still checks the anchor's condition (bad input is reported with its path), but
  // does not test it again.
  const anchor = compileAnchor(kind, where, params);
  // An entity only retracted sources state is left out of every page and count (`vouched`).
  const asked = compileWhere(kind, where, params, anchor?.condition);
  const filter = `(${asked}) AND ${vouched("n")}`;
  const order = compileOrder(kind, orderBy);
  // A flat page comes back as one row holding the page: one Bolt record to decode instead of one
  // per entity. With relation pages, one row per entity (a single row holding the whole nested
  // page is slower for Neo4j to build, measured in the bench), and with the count one row more
  // when the page is empty (OPTIONAL CALL).
  const flat = pages.length === 0;
  const entity = project("n", plan.properties ?? null);
  const returned = `RETURN ${flat ? `collect(${entity}) AS items` : `{n: ${entity}, pre: ${pagesExpression("n", pages, params)}} AS item`}`;
  const paged = `WITH n ORDER BY ${order} SKIP $offset LIMIT $limit
  ${returned}`;
  const call = flat ? "CALL" : "OPTIONAL CALL";
  const rows = flat ? "items" : "item";
  // A filter counted and paged: the matches are found once and both count and page come from
  // them. Written twice (a COUNT of the filter beside a page of it), every new shape of `where`
  // was planned twice by Neo4j, which is most of a first answer's time (bench/results/
  // where-planning.md); the count visits every match anyway, and the page is then the top of
  // them.
  const once = (match: string) => `${match}
WITH collect(n) AS matched
${call} (matched) {
  UNWIND matched AS n
  ${paged}
}
RETURN size(matched) AS total, ${rows}`;
  let cypher: string;
  if (anchor) {
    // A condition names the entities at the other end: start from them (a key lookup and a
    // short expansion) rather than test every entity of the kind.
    const match = `${anchor.match}
  WITH DISTINCT n WHERE ${filter}`;
    cypher = withTotal ? once(match) : `${match}\n  ${paged}`;
  } else {
    // Every entity has a name, so this changes no result; it lets the planner walk the kind's
    // nameLower range index in order (from a name prefix's first match when there is one)
    // instead of sorting every match.
    const orderedByName = order.startsWith("n.nameLower ");
    const condition = orderedByName ? `n.nameLower IS NOT NULL AND ${filter}` : filter;
    // When the filter is a name prefix (or exact names) only, that index is also the best way to
    // find the matches, at any size, so the planner is told to use it: left to itself, it took the
    // nameLower text index on a small graph and then sorted every match, and that cached plan
    // stayed after the graph grew (bench/findings.md has the figures). The kind's range index
    // exists for every kind (migrate.ts).
    const nameSeek = orderedByName && onlyNameSeek(where);
    const hint = nameSeek ? ` USING RANGE INDEX n:${kind}(nameLower)` : "";
    const page = `MATCH (n:${kind})${hint} WHERE ${condition}
  ${paged}`;
    if (!withTotal) cypher = page;
    // A filter under another order: its matches found once (`once`), the page the top of them
    // (the old page sorted every match anyway, so this halves the work as well as the planning).
    else if (asked !== "true" && !orderedByName) cypher = once(`MATCH (n:${kind}) WHERE ${filter}`);
    // Unfiltered, the count comes from the count store, less the few entities `vouched` leaves
    // out; filtered in name order (the default), the count is of the filter. Either way the page
    // walks the name index in order and stops at its last row, which a top of every match would
    // not: a prefix's 999 matches at 100k read 22 index entries, and a broad filter's 23,624
    // matches were 48-64 ms this way against 68-80 ms collected and sorted (bench/results/
    // where-planning.md, plan30b), a cost paid at every request where the planning is paid once.
    else
      cypher = `WITH ${asked === "true" ? `COUNT { MATCH (n:${kind}) RETURN n } - ${withdrawnCount(kind)}` : `COUNT { MATCH (n:${kind}) WHERE ${filter} RETURN n }`} AS total
${call} () {
  ${page}
}
RETURN total, ${rows}`;
  }
  return {
    cypher,
    params: { ...params.values, offset: neo4j.int(plan.offset), limit: neo4j.int(plan.limit) },
    flat,
  };
}

const RETRACTED_ONLY = `
UNWIND $keys AS k
MATCH (n:Entity {key: k})
RETURN k AS key, CASE WHEN n:Source THEN n.retracted = true ELSE NOT ${vouched("n")} END AS retracted`;

/**
 * Rows (key, retracted) for the keys that exist: a Source that is retracted, or another entity
 * that only retracted sources state (see `vouched`).
 */
export function retractedOnlyStatement(keys: readonly string[]): Statement {
  return { cypher: RETRACTED_ONLY, params: { keys: [...new Set(keys)] } };
}
