/**
 * Reading relation pages: runs the statements of src/cypher/relations.ts and decodes their rows.
 * A page arrives one way, whichever statement carried it: as the list [items, total] that
 * `pageExpression` builds, decoded here by `toPage` (and kept on its entity by `attachPages` when
 * it was read along with the entity).
 */

import type { RelationPagePlan, RelationPagesPlan } from "../cypher/plan.js";
import { projectedNames } from "../cypher/projection.js";
import { relationPagesStatement, relationPropertiesRead } from "../cypher/relations.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, runRead } from "../db/run.js";
import type { Plain } from "../db/serialize.js";
import {
  deletedWhileRead,
  type EntityRecord,
  fromValues,
  type Page,
  type RelationRecord,
  toRelation,
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
