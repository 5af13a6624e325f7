/**
 * Type refs declared before they are implemented, so types that point at each other (entities
 * and their relations) can be defined in their own files without import cycles.
 */
import { entitiesByKey } from "../../data/entities.js";
import type { EntityRecord } from "../../data/records.js";
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
