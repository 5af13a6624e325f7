/**
 * Type refs declared before they are implemented, so types that point at each other (entities
 * and their relations) can be defined in their own files without import cycles.
 */

import type { Context } from "../../context.js";
import { entitiesByKey } from "../../data/entities.js";
import type { EntityRecord } from "../../data/records.js";
import { NotFoundError } from "../../domain/errors.js";
import { KIND_NAMES, type Kind } from "../../domain/vocabulary.js";
import { builder } from "../builder.js";

/** `interface Entity implements Node`: loads by key, one query per batch. */
export const EntityRef = builder.loadableInterfaceRef<EntityRecord, string>("Entity", {
  load: (keys, ctx) => entitiesByKey(ctx.db, ctx.stats, { keys }),
});

function kindRef(kind: Kind) {
  return builder.loadableNodeRef<EntityRecord, string>(kind, {
    id: { resolve: (e) => e.key },
    load: (keys, ctx) => entitiesByKey(ctx.db, ctx.stats, { keys, kind }),
  });
}

/** One object type per kind, all implementing Entity. */
export const KIND_REFS = Object.fromEntries(KIND_NAMES.map((k) => [k, kindRef(k)])) as Record<
  Kind,
  ReturnType<typeof kindRef>
>;

/**
 * The entity a statement read earlier in this request referenced by `key` (a claim's source),
 * from `ref`'s loader (batched with every other key of the tick: no query per row); null when a
 * write committed since deleted it. Loaded plainly, that key was a NOT_FOUND the client never
 * asked for (redteam28, reads28).
 */
export async function loadUnlessDeleted(
  ref: { getDataloader(ctx: Context): { load(key: string): Promise<EntityRecord> } },
  ctx: Context,
  key: string,
): Promise<EntityRecord | null> {
  try {
    return await ref.getDataloader(ctx).load(key);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
