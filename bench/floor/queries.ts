/**
 * The floor: each operation as ONE hand-written, parameterised Cypher query, answered in exactly
 * the JSON the API returns for it. This is what a careful engineer writes by hand for one known
 * question: it is the lower bound a generic API can approach, not something to ship.
 */
import neo4j, { type ManagedTransaction, type Session } from "neo4j-driver";
import { toLuceneQuery } from "../../src/cypher/search.js";
import { RELATION_TYPE_NAMES } from "../../src/domain/vocabulary.js";

type Vars = Record<string, unknown>;
export interface FloorQuery {
  mode: "READ" | "WRITE";
  cypher: string;
  params(v: Vars): Vars;
  shape(rows: Record<string, unknown>[], v: Vars): unknown;
}

const PATH_TYPES = RELATION_TYPE_NAMES.filter((t) => t !== "MENTIONS").join("|");

const page = (rows: Record<string, unknown>[], size: number) => {
  const list = (rows[0]?.rows ?? []) as Record<string, unknown>[];
  return {
    edges: list.slice(0, size).map((n) => ({ node: { key: n.key, name: n.name } })),
    pageInfo: { hasNextPage: list.length > size },
  };
};

export const FLOOR: Record<string, FloorQuery> = {
  lookup: {
    mode: "READ",
    cypher: `
MATCH (n:Entity {key: $key})
RETURN n.key AS key, n.name AS name, n.isoCode AS isoCode,
  COLLECT { MATCH (n)-[:MEMBER_OF]->(m:Organization) WITH m ORDER BY m.nameLower, m.name, m.key LIMIT 10
            RETURN {node: {key: m.key, name: m.name}} } AS edges`,
    params: (v) => ({ key: v.key }),
    shape: (rows) => {
      const r = rows[0];
      if (!r) return { entity: null };
      return {
        entity: { key: r.key, name: r.name, isoCode: r.isoCode, alliances: { edges: r.edges } },
      };
    },
  },
  page: {
    mode: "READ",
    // The same planner hint as ours (src/data/entities.ts): the range index gives the matches in
    // order at any size, where the planner alone took the text index on a small graph.
    cypher: `
MATCH (n:Person) USING RANGE INDEX n:Person(nameLower) WHERE n.nameLower STARTS WITH $prefix
WITH n ORDER BY n.nameLower DESC, n.name DESC, n.key LIMIT 21
RETURN collect({key: n.key, name: n.name}) AS rows`,
    params: (v) => ({ prefix: v.prefix }),
    shape: (rows) => ({ people: page(rows, 20) }),
  },
  pageTotal: {
    mode: "READ",
    cypher: `
CALL () { MATCH (n:Person) WHERE n.nameLower STARTS WITH $prefix RETURN count(n) AS total }
CALL () {
  MATCH (n:Person) USING RANGE INDEX n:Person(nameLower) WHERE n.nameLower STARTS WITH $prefix
  WITH n ORDER BY n.nameLower DESC, n.name DESC, n.key LIMIT 21
  RETURN collect({key: n.key, name: n.name}) AS rows
}
RETURN total, rows`,
    params: (v) => ({ prefix: v.prefix }),
    shape: (rows) => ({ people: { totalCount: Number(rows[0]?.total ?? 0), ...page(rows, 20) } }),
  },
  nesting: {
    mode: "READ",
    // One CALL per level, each ordering and cutting its page before the next level runs.
    cypher: `
MATCH (o:Organization) WHERE o.category = $category
WITH o ORDER BY o.nameLower, o.name, o.key LIMIT $alliances
CALL (o) {
  MATCH (o)<-[:MEMBER_OF]-(n:Nation)
  WITH n ORDER BY n.nameLower, n.name, n.key LIMIT $members
  CALL (n) {
    MATCH (n)<-[l:LEADS]-(p:Person)
    WITH l, p ORDER BY p.nameLower, p.name, p.key LIMIT $leaders
    CALL (p) {
      MATCH (p)-[:SAID]->(q:Quote)
      WITH q ORDER BY q.nameLower, q.name, q.key LIMIT $quotes
      RETURN collect({node: {key: q.key, text: q.text}}) AS quotes
    }
    RETURN collect({role: l.role, node: {key: p.key, name: p.name, quotes: {edges: quotes}}}) AS leaders
  }
  RETURN collect({node: {key: n.key, name: n.name, leaders: {edges: leaders}}}) AS members
}
RETURN {node: {key: o.key, name: o.name, members: {edges: members}}} AS edge`,
    params: (v) => ({
      category: v.category,
      alliances: neo4j.int(Number(v.alliances)),
      members: neo4j.int(Number(v.members)),
      leaders: neo4j.int(Number(v.leaders)),
      quotes: neo4j.int(Number(v.quotes)),
    }),
    // One row per alliance, so the answer streams while the next alliance is computed.
    shape: (rows) => ({ organizations: { edges: rows.map((r) => r.edge) } }),
  },
  relfilter: {
    mode: "READ",
    cypher: `
MATCH (o:Entity {key: $alliance})<-[:MEMBER_OF]-(n:Nation)
WHERE o:Organization AND EXISTS { (n)-[:HOSTS]->(:Mission) }
WITH DISTINCT n ORDER BY n.nameLower, n.name, n.key LIMIT 21
RETURN collect({key: n.key, name: n.name}) AS rows`,
    params: (v) => ({ alliance: v.alliance }),
    shape: (rows) => ({ nations: page(rows, 20) }),
  },
  search: {
    mode: "READ",
    // The API's own ranking (Lucene score plus its bonus for a name or alias that is, or
    // starts with, what was typed), in one query.
    cypher: `
CALL db.index.fulltext.queryNodes('entity_fulltext', $query) YIELD node, score
WITH node, score + CASE
  WHEN toLower(node.name) = $typed OR any(a IN node.aliases WHERE toLower(a) = $typed) THEN 6
  WHEN toLower(node.name) STARTS WITH $typed
    OR any(a IN node.aliases WHERE toLower(a) STARTS WITH $typed) THEN 3
  ELSE 0 END AS score
WITH node, score ORDER BY score DESC, node.name, node.key LIMIT 10
RETURN collect({node: {key: node.key, name: node.name}}) AS edges`,
    params: (v) => ({
      query: toLuceneQuery(String(v.text)),
      typed: String(v.text).trim().toLowerCase(),
    }),
    shape: (rows) => ({ search: { edges: rows[0]?.edges ?? [] } }),
  },
  path: {
    mode: "READ",
    cypher: `
MATCH (a:Entity {key: $from}), (b:Entity {key: $to})
MATCH p = SHORTEST 3 (a)-[:${PATH_TYPES}]-{1,4}(b)
WITH p LIMIT 1
WITH nodes(p) AS ns, relationships(p) AS rs
RETURN size(rs) AS length,
  [n IN ns | {key: n.key, name: n.name}] AS nodes,
  [i IN range(0, size(rs) - 1) | {relation: {type: type(rs[i]),
     direction: CASE WHEN startNode(rs[i]) = ns[i] THEN 'OUT' ELSE 'IN' END}}] AS steps`,
    params: (v) => ({ from: v.from, to: v.to }),
    shape: (rows) => {
      const r = rows[0];
      return {
        path: r ? { length: Number(r.length), nodes: r.nodes, steps: r.steps } : null,
      };
    },
  },
  addRelation: {
    mode: "WRITE",
    // The API's addRelation in one statement: both ends of the right kinds, the excerpt quoted
    // verbatim from a known source, MERGE on (from, type, to), evidence added once, stamps only
    // when something changed.
    cypher: `
MATCH (a:Entity {key: $from}), (b:Entity {key: $to}), (s:Entity {key: $source})
WHERE a:Person AND b:Event AND s:Source AND s.text CONTAINS $excerpt
OPTIONAL MATCH (a)-[old:PARTICIPATED_IN]->(b)
WITH a, b, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
MERGE (a)-[r:PARTICIPATED_IN]->(b)
SET r.role = $role, r.inferred = coalesce(r.inferred, true) AND $inferred
WITH a, b, r, before
FOREACH (_ IN CASE WHEN $source IN coalesce(r.evidenceSources, []) AND $excerpt IN coalesce(r.evidenceExcerpts, []) THEN [] ELSE [1] END |
  SET r.evidenceSources = coalesce(r.evidenceSources, []) + $source,
      r.evidenceExcerpts = coalesce(r.evidenceExcerpts, []) + $excerpt)
FOREACH (_ IN CASE WHEN before IS NULL OR before <> properties(r) THEN [1] ELSE [] END |
  SET r.updatedAt = datetime(), r.updatedBy = $by)
RETURN a.key + '|PARTICIPATED_IN|' + b.key AS id, r.role AS role, r.inferred AS inferred,
       r.evidenceExcerpts AS excerpts`,
    params: (v) => v,
    shape: (rows) => {
      const r = rows[0];
      if (!r) return { addRelation: { __typename: "ValidationError", problems: [] } };
      return {
        addRelation: {
          __typename: "AddRelationSuccess",
          data: {
            id: r.id,
            type: "PARTICIPATED_IN",
            role: r.role,
            inferred: r.inferred,
            evidence: ((r.excerpts ?? []) as string[]).map((e) => ({ excerpt: e })),
          },
        },
      };
    },
  },
};

/** Runs one floor query in a managed transaction and returns plain rows. */
export async function runFloor(
  tx: ManagedTransaction,
  q: FloorQuery,
  vars: Vars,
): Promise<Record<string, unknown>[]> {
  const res = await tx.run(q.cypher, q.params(vars));
  return res.records.map((r) => plain(r.toObject()) as Record<string, unknown>);
}

/** The same, as one auto-commit statement in `session` (reads). */
export async function runFloorAutoCommit(
  session: Session,
  q: FloorQuery,
  vars: Vars,
  config: { timeout: number },
): Promise<Record<string, unknown>[]> {
  const res = await session.run(q.cypher, q.params(vars), config);
  return res.records.map((r) => plain(r.toObject()) as Record<string, unknown>);
}

function plain(v: unknown): unknown {
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}
