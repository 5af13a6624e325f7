/**
 * What a document declaring an entity that already exists does to it: nothing is lost. Aliases
 * are a union; a field the document leaves out is kept; a field it gives with another value is
 * replaced, and the entity records which source set it, the value it replaced and that value's
 * source (if known). The ingest upsert's Cypher, the bulk path and `ingest --check` all follow
 * these rules; this module is the pure statement of them.
 *
 * Provenance is stored as three plain properties per changed field (`<field>Source`,
 * `<field>Previous`, `<field>PreviousSource`): Neo4j properties cannot hold maps, so a map of
 * sources would be a JSON string that Cypher can neither read nor update inside the batched
 * upsert, while per-field properties keep each value's own type and are written by the same
 * statement. A later claims feature (per-source values with time) can turn each field's
 * (value, source, previous, previousSource) into its first claims mechanically.
 */
import type { Plain } from "./claims.js";
import { KINDS, type Kind } from "./vocabulary.js";

/** The fields a document can give an entity of `kind`, whose changes carry their source. */
export function trackedFields(kind: Kind): string[] {
  return ["name", "description", ...Object.keys(KINDS[kind].properties)];
}

/** The stored property names of `field`'s provenance. */
export function provenanceKeys(field: string) {
  return {
    source: `${field}Source`,
    previous: `${field}Previous`,
    previousSource: `${field}PreviousSource`,
  } as const;
}

/** `existing` then those of `added` not already there, compared case-insensitively. */
export function unionAliases(existing: readonly string[], added: readonly string[]): string[] {
  const out = [...existing];
  const seen = new Set(existing.map((a) => a.toLowerCase()));
  for (const a of added) {
    if (seen.has(a.toLowerCase())) continue;
    seen.add(a.toLowerCase());
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
  for (const field of trackedFields(kind)) {
    const before = fieldValue(stored, field);
    const after = fieldValue(incoming, field);
    if (before === null) continue;
    if (after === null) merge.kept.push(field);
    else if (JSON.stringify(before) !== JSON.stringify(after))
      merge.changed.push({ field, from: before, to: after });
  }
  return merge;
}
