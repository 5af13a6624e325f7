/**
 * Reading entities: by key (batched), and a page of one kind. Runs the statements of
 * src/cypher/entities.ts and decodes their rows, the relation pages read along included.
 */

import {
  entitiesByKeyStatement,
  entityPageStatement,
  retractedOnlyStatement,
} from "../cypher/entities.js";
import type { EntitiesByKeyPlan, EntityPagePlan } from "../cypher/plan.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, type Row, runRead } from "../db/run.js";
import type { Plain } from "../db/serialize.js";
import { NotFoundError } from "../domain/errors.js";
import type { Kind } from "../domain/vocabulary.js";
import { deletedWhileRead, type EntityRecord, type Page, toEntity } from "./records.js";
import { attachPages } from "./relations.js";

/** The entity in row.n, with the relation pages of row.pre kept on it. */
function withPages(row: Row, plan: { pages?: EntitiesByKeyPlan["pages"] }): EntityRecord {
  const entity = toEntity(row.n ?? null);
  const pages = plan.pages ?? [];
  if (pages.length > 0) attachPages(entity, row.pre ?? null, pages);
  return entity;
}

/**
 * Loads entities by key in one query. Returns one result per key, in key order: the entity, or
 * a NotFoundError when the key is unknown or (with `kind`) names an entity of another kind.
 */
export async function entitiesByKey(
  db: Db,
  stats: QueryStats,
  plan: EntitiesByKeyPlan & { kind?: Kind },
): Promise<(EntityRecord | Error)[]> {
  const { kind } = plan;
  const { cypher, params } = entitiesByKeyStatement(plan);
  const rows = await runRead(db, stats, cypher, params);
  // An entity deleted while the statement read it is not found, as if deleted before.
  const read = rows.filter((r) => !deletedWhileRead(r.n));
  const byKey = new Map(read.map((r) => [String((r.n as Row).key), withPages(r, plan)]));
  return plan.keys.map((key) => {
    const found = byKey.get(key);
    if (found && (!kind || found.kind === kind)) return found;
    return new NotFoundError(`No ${kind ?? "entity"} has the key "${key}".`, { key });
  });
}

/** The kinds of whichever of `keys` exist. */
export async function kindsOfKeys(
  db: Db,
  stats: QueryStats,
  keys: readonly string[],
): Promise<Map<string, Kind>> {
  if (keys.length === 0) return new Map();
  const found = await entitiesByKey(db, stats, { keys });
  return new Map(
    found.flatMap((e) => (e instanceof Error ? [] : [[e.key, e.kind] as [string, Kind]])),
  );
}

/** A page of one kind, filtered and ordered, with the relation pages of its plan read along. */
export async function entityPage(
  db: Db,
  stats: QueryStats,
  plan: EntityPagePlan,
): Promise<Page<EntityRecord>> {
  const { cypher, params, flat } = entityPageStatement(plan);
  const rows = await runRead(db, stats, cypher, params);
  return {
    items: flat
      ? ((rows[0]?.items ?? []) as Plain[]).map(toEntity)
      : rows.flatMap((row) => (row.item ? [withPages(row.item as Row, plan)] : [])),
    totalCount: plan.withTotal ? Number(rows[0]?.total ?? 0) : null,
  };
}

/**
 * For each key, whether only retracted sources state the entity (a Source: whether it is
 * retracted). One query per batch, in key order; false for a key not found.
 */
export async function retractedOnly(
  db: Db,
  stats: QueryStats,
  keys: readonly string[],
): Promise<boolean[]> {
  const { cypher, params } = retractedOnlyStatement(keys);
  const rows = await runRead(db, stats, cypher, params);
  const byKey = new Map(rows.map((r) => [String(r.key), r.retracted === true]));
  return keys.map((k) => byKey.get(k) ?? false);
}
