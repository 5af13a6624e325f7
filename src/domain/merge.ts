/**
 * What a document declaring an entity that already exists does to it: nothing is lost. Aliases
 * are a union (of every document's). An entity's name, description and properties are claims
 * of their sources, resolved by time (domain/entity-claims.ts); a Source's own fields are set by
 * its document: a field the document leaves out is kept, a field it gives replaces the stored
 * one (`mergeEntity` says which, for `ingest --check`).
 *
 * The previous version recorded per changed field `<field>Source`, `<field>Previous` and
 * `<field>PreviousSource`; the start-up migration turns them into claims (data/claims.ts).
 */
import type { Plain } from "./claims.js";
import { claimedFields } from "./entity-claims.js";
import { foldName } from "./fold.js";
import type { Kind } from "./vocabulary.js";

/** `existing` then those of `added` not already there, compared ignoring case (foldName). */
export function unionAliases(existing: readonly string[], added: readonly string[]): string[] {
  const out = [...existing];
  const seen = new Set(existing.map(foldName));
  for (const a of added) {
    if (seen.has(foldName(a))) continue;
    seen.add(foldName(a));
    out.push(a);
  }
  return out;
}

/** An entity's fields as stored, or as a document gives them (absent: undefined or null). */
export interface EntityFields {
  name: string;
  aliases: readonly string[];
  description?: string | null;
  properties: Readonly<Record<string, Plain | undefined>>;
}

/** What declaring an entity again would do to it. */
export interface EntityMerge {
  /** Fields whose stored value the document replaces. */
  changed: Array<{ field: string; from: Plain; to: Plain }>;
  /** Aliases the document adds. */
  addedAliases: string[];
  /** Stored fields the document leaves out, and so keeps. */
  kept: string[];
}

const fieldValue = (e: EntityFields, field: string): Plain =>
  (field === "name" ? e.name : field === "description" ? e.description : e.properties[field]) ??
  null;

/** What `incoming` does to the stored entity `stored` of `kind`, by the rules above. */
export function mergeEntity(kind: Kind, stored: EntityFields, incoming: EntityFields): EntityMerge {
  const merge: EntityMerge = {
    changed: [],
    addedAliases: unionAliases(stored.aliases, incoming.aliases).slice(stored.aliases.length),
    kept: [],
  };
  for (const field of claimedFields(kind)) {
    const before = fieldValue(stored, field);
    const after = fieldValue(incoming, field);
    // A field the stored entity lacks and the document gives is added: a change from nothing
    // (a Source's url added by its document again was planned 'unchanged', and written).
    if (before === null && after === null) continue;
    if (after === null) merge.kept.push(field);
    else if (JSON.stringify(before) !== JSON.stringify(after))
      merge.changed.push({ field, from: before, to: after });
  }
  return merge;
}
