/**
 * Reading relation pages: runs the statements of src/cypher/relations.ts and decodes their rows.
 * A page arrives one way, whichever statement carried it: as the list [items, total] that
 * `pageExpression` builds, decoded here by `toPage` (and kept on its entity by `attachPages` when
 * it was read along with the entity).
 */

import type { RelationPagePlan, RelationPagesPlan } from "../cypher/plan.js";
import { projectedNames } from "../cypher/projection.js";
import {
  excerptsStatement,
  relationByIdStatement,
  relationPagesStatement,
  relationPropertiesRead,
} from "../cypher/relations.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, runRead } from "../db/run.js";
import type { Plain } from "../db/serialize.js";
import type { RelationType } from "../domain/vocabulary.js";
import {
  deletedWhileRead,
  type EntityRecord,
  endsAsRead,
  fromValues,
  type Page,
  type RelationRecord,
  toEntity,
  toRelation,
  type UnreadExcerpt,
} from "./records.js";

/** The property names of a page's list projections, worked out once per plan (not per page). */
const planNames = new WeakMap<
  RelationPagePlan,
  { relationNames: string[] | null; nodeNames: string[] | null }
>();
function namesOf(plan: RelationPagePlan) {
  let names = planNames.get(plan);
  if (!names) {
    names = {
      relationNames: projectedNames(relationPropertiesRead(plan), []),
      nodeNames: projectedNames(plan.nodeProperties ?? null),
    };
    planNames.set(plan, names);
  }
  return names;
}

/** Decodes one page (see pageExpression) seen from the entity `key`. */
export function toPage(key: string, page: Plain, plan: RelationPagePlan): Page<RelationRecord> {
  const [items, total] = Array.isArray(page) ? page : [];
  const { relationNames, nodeNames } = namesOf(plan);
  return {
    items: (Array.isArray(items) ? items : []).flatMap((item) => {
      const [type, out, props, m, pre] = item as Plain[];
      const other = fromValues(m ?? null, nodeNames);
      // Its other end deleted while the statement read it: the relation went with it.
      if (deletedWhileRead(other)) return [];
      const relation = toRelation(
        key,
        {
          type: type ?? null,
          out: out ?? null,
          props: fromValues(props ?? null, relationNames),
          m: other,
        },
        plan.filter.asOf,
      );
      if (plan.children.length > 0) attachPages(relation.other, pre ?? null, plan.children);
      return [relation];
    }),
    totalCount: total === null || total === undefined ? null : Number(total),
  };
}

/** Keeps the pages read along with `entity` on it, under their plans' ids. */
export function attachPages(
  entity: EntityRecord,
  pre: Plain,
  plans: readonly RelationPagePlan[],
): void {
  const pages = Array.isArray(pre) ? pre : [];
  plans.forEach((plan, i) => {
    const page = pages[i];
    if (page === null || page === undefined) return;
    entity.pages ??= new Map();
    entity.pages.set(plan.id, toPage(entity.key, page, plan));
  });
}

/** One page of relations for every entity in `plan.keys`, in one query; in key order. */
export async function relationPages(
  db: Db,
  stats: QueryStats,
  plan: RelationPagesPlan,
): Promise<Page<RelationRecord>[]> {
  const { cypher, params } = relationPagesStatement(plan);
  const rows = await runRead(db, stats, cypher, params);
  const byKey = new Map<string, Page<RelationRecord>>();
  for (const row of rows) {
    const key = String(row.key);
    byKey.set(key, toPage(key, row.page ?? null, plan.page));
  }
  const empty = { items: [], totalCount: plan.page.filter.withTotal ? 0 : null };
  return plan.keys.map((k) => byKey.get(k) ?? empty);
}

/**
 * One relation by its start, type and end (relation(id)), seen from its start; null when there
 * is none, or only retracted sources state it (left out of every read, as in pages).
 */
export async function relationById(
  db: Db,
  stats: QueryStats,
  id: { from: string; type: RelationType; to: string },
  relationProperties: readonly string[] | null,
): Promise<RelationRecord | null> {
  const { cypher, params } = relationByIdStatement(id, relationProperties);
  const [row] = await runRead(db, stats, cypher, params);
  if (!row) return null;
  const [type, out, props, m] = (Array.isArray(row.item) ? row.item : []) as Plain[];
  const names = projectedNames(relationProperties, []);
  const other = fromValues(m ?? null, projectedNames([]));
  const start = toEntity(fromValues(row.start ?? null, projectedNames([])));
  const relation = toRelation(id.from, {
    type: type ?? null,
    out: out ?? null,
    props: fromValues(props ?? null, names),
    m: other,
  });
  return { ...relation, ends: endsAsRead(relation, start) };
}

/**
 * The sentences of claims read without them (see UnreadExcerpt), in the order of `claims`, in
 * one query for every relation among them: a page of 100 claims of a relation 1,600 sources
 * state reads 100 sentences. "" for a claim whose source's claims are gone since it was read.
 */
export async function claimExcerpts(
  db: Db,
  stats: QueryStats,
  claims: readonly UnreadExcerpt[],
): Promise<string[]> {
  const wants = new Map<
    string,
    { id: string; from: string; type: string; to: string; at: number[]; sources: string[] }
  >();
  for (const c of claims) {
    const want = wants.get(c.id) ?? {
      id: c.id,
      from: c.from,
      type: c.type,
      to: c.to,
      at: [],
      sources: [],
    };
    want.at.push(c.at);
    want.sources.push(c.source);
    wants.set(c.id, want);
  }
  const { cypher, params } = excerptsStatement([...wants.values()]);
  const rows = await runRead(db, stats, cypher, params);
  const found = new Map<string, string>();
  for (const row of rows) {
    const want = wants.get(String(row.id));
    const excerpts = Array.isArray(row.excerpts) ? row.excerpts : [];
    want?.at.forEach((at, k) => {
      const excerpt = excerpts[k];
      if (typeof excerpt === "string") found.set(`${want.id}\u0000${at}`, excerpt);
    });
  }
  return claims.map((c) => found.get(`${c.id}\u0000${c.at}`) ?? "");
}
