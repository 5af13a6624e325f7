/**
 * The Cypher of relation pages: one page (ordered, paged, optionally counted and as of a date)
 * of an entity's relations, with the pages of the entities at their other ends nested inside, as
 * an expression over a bound entity; and the statement that reads one page for many entities.
 * Types and labels come from the registry only; offsets, limits and dates are parameters.
 */
import neo4j from "neo4j-driver";
import { ALL_RELATION_PROPERTIES, isKind, isRelationType } from "../domain/vocabulary.js";
import { byName } from "./filters.js";
import { Params, type Statement } from "./params.js";
import { relationPattern } from "./pattern.js";
import type { RelationPagePlan, RelationPagesPlan } from "./plan.js";
import { counted, ENTITY_CORE, project } from "./projection.js";

/**
 * The stored lists that hold a relation's claims, one item per piece of evidence (see
 * domain/claims.ts): read for evidence, claims, disputes, and for typed values as of a date.
 */
export const CLAIM_LISTS = [
  "evidenceSources",
  "evidenceExcerpts",
  "evidenceInferred",
  "evidenceAt",
  "evidenceValues",
  "evidenceRanks",
] as const;

/**
 * The claim lists without the sentences: what a claim counts for (its source, time, values and
 * rank), enough for `sourceCount`, `disputed`, resolved values and which claims a page holds.
 * A relation many sources state with long sentences is megabytes of sentences and kilobytes of
 * these; a page of its claims reads the sentences of that page alone (`excerptsStatement`).
 */
export const CLAIM_RANK_LISTS = CLAIM_LISTS.filter((l) => l !== "evidenceExcerpts");

/**
 * The relation properties a page reads: with asOf, a typed value is resolved from the claims,
 * so the claim lists come too, without their sentences (without it the stored values are the
 * current ones).
 */
export function relationPropertiesRead(page: RelationPagePlan): readonly string[] | null {
  const props = page.relationProperties ?? null;
  if (props === null || page.filter.asOf == null) return props;
  return props.some((p) => p in ALL_RELATION_PROPERTIES) ? [...props, ...CLAIM_RANK_LISTS] : props;
}

/**
 * The Cypher expression for one page over the entity bound to `n`: a list [items, total], or
 * null for entities of other kinds. Items are ordered by type, then the other end's name and key;
 * each is a list [type, outgoing, relation values, other end's values, pages of its children]
 * (values as `project` gives them as a list: no map keys cross Bolt for the many records of a nested
 * read).
 */
export function pageExpression(n: string, page: RelationPagePlan, p: Params, depth = 0): string {
  const f = page.filter;
  const r = `r${depth}`;
  const m = `m${depth}`;
  const types = (f.types ?? []).filter(isRelationType);
  const rel = types.length > 0 ? `:${types.join("|")}` : "";
  const other = f.otherKind && isKind(f.otherKind) ? f.otherKind : "Entity";
  const pattern = relationPattern(f.direction, n, `${r}${rel}`, `${m}:${other}`);
  // Dates compare as strings; "~" sorts after every digit and "-", so d + "~" is the end of a
  // partial date d ("2022" + "~" comes after every day of 2022).
  let when = counted(r);
  if (f.asOf != null) {
    const asOf = p.add(f.asOf);
    when = `${when} AND (${r}.since IS NULL OR ${r}.since <= ${asOf} + "~")
      AND (${r}.until IS NULL OR ${r}.until + "~" >= ${asOf}) AND (${r}.date IS NULL OR ${r}.date <= ${asOf} + "~")`;
  }
  // With one type the order by type is a constant: leaving it out lets Neo4j sort less.
  const byType = types.length === 1 ? "" : `type(${r}), `;
  const children =
    page.children.length > 0 ? `, ${pagesExpression(m, page.children, p, depth + 1)}` : "";
  // Ending with the direction makes the order total: one type can join the two ends both ways
  // (Zedland INVADED Ylandia and Ylandia INVADED Zedland), and rows that tie came back in another
  // order for another page size, so a page of 2 and the next one listed one of them twice and the
  // other never.
  const items = `COLLECT {
  MATCH ${pattern} WHERE ${when}
  WITH ${r}, ${m} ORDER BY ${byType}${byName(m)}, ${m}.key, startNode(${r}) = ${n} DESC
  SKIP ${p.add(neo4j.int(f.offset))} LIMIT ${p.add(neo4j.int(f.limit))}
  RETURN [type(${r}), startNode(${r}) = ${n}, ${project(r, relationPropertiesRead(page), [], "list")}, ${project(m, page.nodeProperties ?? null, ENTITY_CORE, "list")}${children}]
}`;
  const total = f.withTotal ? `COUNT { MATCH ${pattern} WHERE ${when} }` : "null";
  // types: [] asks for relations of none of the types: an empty page, as `in: []` matches nothing.
  const none = f.types != null && types.length === 0;
  const body = none ? `[[], ${f.withTotal ? "0" : "null"}]` : `[${items}, ${total}]`;
  if (page.kinds === null) return body;
  const kinds = page.kinds.filter(isKind);
  if (kinds.length === 0) return "null";
  return `CASE WHEN ${kinds.map((k) => `${n}:${k}`).join(" OR ")} THEN ${body} END`;
}

/** The list of every page's expression for the entity bound to `n`, in plan order. */
export function pagesExpression(
  n: string,
  pages: readonly RelationPagePlan[],
  p: Params,
  depth = 0,
): string {
  return `[${pages.map((page) => pageExpression(n, page, p, depth)).join(", ")}]`;
}

/** One page (with its children) for each of many entities, in one query: rows (key, page). */
export function relationPagesStatement(plan: RelationPagesPlan): Statement {
  const p = new Params("p");
  const cypher = `
UNWIND $keys AS key
MATCH (n:Entity {key: key})
RETURN key, ${pageExpression("n", plan.page, p)} AS page`;
  return { cypher, params: { ...p.values, keys: [...new Set(plan.keys)] } };
}

/**
 * One relation by its start, type and end (relation(id)), when it counts: one row, its item as
 * `pageExpression` gives its items seen from its start ([type, true, relation values, end's
 * values]), and its start's core values; no row when there is none. `relationProperties` as a
 * page plan's (null: all of them).
 */
export function relationByIdStatement(
  id: { from: string; type: string; to: string },
  relationProperties: readonly string[] | null,
): Statement {
  if (!isRelationType(id.type)) throw new Error(`Not a relation type: ${id.type}`);
  const cypher = `
MATCH (a:Entity {key: $from})-[r:${id.type}]->(b:Entity {key: $to}) WHERE ${counted("r")}
RETURN [type(r), true, ${project("r", relationProperties, [], "list")}, ${project("b", [], ENTITY_CORE, "list")}] AS item,
  ${project("a", [], ENTITY_CORE, "list")} AS start
LIMIT 1`;
  return { cypher, params: { from: id.from, to: id.to } };
}

/**
 * The sentences of some claims of some relations, by their place in the stored lists, for the
 * claims a page holds of a relation read without its sentences: one row per relation (id, and
 * one sentence per place asked for). A claim is found at its place when that place still holds
 * its source's claim, else at its source's first claim (a write since the relation was read
 * moved it); null when its source's claims are gone. The relation's type is compared, not
 * matched as a label, so one statement serves every type.
 */
export function excerptsStatement(
  wants: readonly {
    id: string;
    from: string;
    type: string;
    to: string;
    at: number[];
    sources: string[];
  }[],
): Statement {
  const cypher = `
UNWIND $wants AS w
MATCH (a:Entity {key: w.from})-[r]->(b:Entity {key: w.to}) WHERE type(r) = w.type
RETURN w.id AS id, [k IN range(0, size(w.at) - 1) |
  CASE WHEN r.evidenceSources[w.at[k]] = w.sources[k] THEN r.evidenceExcerpts[w.at[k]]
  ELSE head([j IN range(0, size(r.evidenceSources) - 1) WHERE r.evidenceSources[j] = w.sources[k] | r.evidenceExcerpts[j]])
  END] AS excerpts`;
  return {
    cypher,
    params: { wants: wants.map((w) => ({ ...w, at: w.at.map((i) => neo4j.int(i)) })) },
  };
}
