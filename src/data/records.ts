/**
 * The records reads give back (entities, relations, pages of them), and how a row's values
 * become one: the decoding every read shares, whatever statement produced the row.
 */

import { FEW_EXCERPTS } from "../cypher/projection.js";
import type { Row } from "../db/run.js";
import type { Plain } from "../db/serialize.js";
import { type Claim, decodeClaims, resolveRelationClaims } from "../domain/claims.js";
import { decodeEntityClaims, ENTITY_CLAIM_LISTS } from "../domain/entity-claims.js";
import {
  ALL_RELATION_PROPERTIES,
  isKind,
  KINDS,
  type Kind,
  type RelationType,
  relationId,
} from "../domain/vocabulary.js";

/** An entity as the API sees it. */
export interface EntityRecord {
  key: string;
  kind: Kind;
  name: string;
  aliases: string[];
  description: string | null;
  /** The kind's own properties (see the vocabulary), e.g. isoCode for a Nation. */
  properties: Record<string, Plain>;
  /** When it last changed and who changed it (a token name, or seed / ingest for the CLIs). */
  updatedAt: string | null;
  updatedBy: string | null;
  /** A source marked retracted (retractSource): its claims are DEPRECATED. False otherwise. */
  retracted: boolean;
  /**
   * The stored claim lists (domain/entity-claims.ts), as read; decoded on demand by
   * `entityClaims` (most reads never ask for them).
   */
  claimLists: Record<string, Plain>;
  /**
   * Relation pages read in the same query as the entity, under the ids their read plan gave
   * them (see src/cypher/plan.ts): a read that planned them finds them here.
   */
  pages?: Map<string, Page<RelationRecord>>;
}

/** Which source set a field's current value, and the value (and its source) it replaced. */
export interface FieldSource {
  field: string;
  source: string;
  previous: Plain;
  /** Null when the replaced value's source is not known (it was the entity's first). */
  previousSource: string | null;
}

/**
 * Whether a node's projection came back without the node: a write deleted it after the statement
 * matched it and before the statement read its properties (a statement sees each write as it
 * commits), so the map has no kind. Decoded, it was an unexpected error (reads29).
 */
export function deletedWhileRead(map: Plain | undefined): boolean {
  return map == null || typeof map !== "object" || (map as Record<string, Plain>).kind == null;
}

/**
 * Whether a relation item ({type, m, ...}) came back without the relation or its far end: a write
 * deleted either after the statement matched it (type(r) of a deleted relationship is null).
 */
export function relationDeletedWhileRead(item: Row): boolean {
  return item.type == null || deletedWhileRead(item.m);
}

/** Turns the map returned by `n {.*}` into an EntityRecord. */
export function toEntity(map: Plain): EntityRecord {
  const props = map as Record<string, Plain>;
  const kind = String(props.kind);
  if (!isKind(kind)) throw new Error(`Entity ${String(props.key)} has unknown kind ${kind}`);
  const properties: Record<string, Plain> = {};
  for (const name of Object.keys(KINDS[kind].properties)) {
    const value = props[name];
    if (value !== undefined && value !== null) properties[name] = value;
  }
  const claimLists: Record<string, Plain> = {};
  for (const name of ENTITY_CLAIM_LISTS) if (props[name] != null) claimLists[name] = props[name];
  return {
    key: String(props.key),
    kind,
    name: String(props.name),
    aliases: Array.isArray(props.aliases) ? props.aliases.map(String) : [],
    description: typeof props.description === "string" ? props.description : null,
    properties,
    updatedAt: typeof props.updatedAt === "string" ? props.updatedAt : null,
    updatedBy: typeof props.updatedBy === "string" ? props.updatedBy : null,
    retracted: props.retracted === true,
    claimLists,
  };
}

const decoded = new WeakMap<EntityRecord, Claim[]>();

/** What each source states about the entity's fields, in canonical order (none if not read). */
export function entityClaims(e: EntityRecord): Claim[] {
  let claims = decoded.get(e);
  if (!claims) {
    claims = decodeEntityClaims(e.claimLists);
    decoded.set(e, claims);
  }
  return claims;
}

export interface Page<T> {
  items: T[];
  totalCount: number | null;
}

/** A sentence of a source that states a relation: the claim that source makes. */
export type Evidence = Claim;

/** A relation seen from one of its ends. */
export interface RelationRecord {
  /** `from|TYPE|to`: stable and readable, since there is one relation per (from, type, to). */
  id: string;
  type: RelationType;
  /** OUT when the entity it was read from is the start of the relation. */
  direction: "OUT" | "IN";
  from: string;
  to: string;
  /** The entity at the other end. */
  other: EntityRecord;
  /** The type's own properties and since / until / date. */
  properties: Record<string, Plain>;
  inferred: boolean;
  /** The claims that count (not deprecated; with asOf, none later than it). */
  evidence: Evidence[];
  /** Every claim, deprecated ones included. */
  claims: Claim[];
  /**
   * Its independent sources (domain/syndication.ts), when the read computed them where the
   * sentences are stored (a neighbourhood drawn without them); null when it did not.
   */
  independentSourceCount: number | null;
  /** Whether claims at the same latest point in time disagree on a value. */
  disputed: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  /** Its ends as its read had them, where it has them: what `from` and `to` answer with. */
  ends: RelationEnds;
}

/**
 * A relation's ends as the read that found it had them (the entity at the other end, the one it
 * was read from, a neighbourhood's nodes), where it has them. A statement of the same request
 * read after it sees every write committed since, so loading an end again by key can find it
 * deleted: `from` and `to` then answer the end as read, never a NOT_FOUND about a key the
 * client did not ask for (redteam28, reads28). An end not here is loaded by key.
 */
export interface RelationEnds {
  from?: EntityRecord;
  to?: EntityRecord;
  /**
   * Answered as they are, with no load (a neighbourhood's edges: their ends are the nodes it
   * draws, read whole in the same transaction). Otherwise each end is loaded again by key, so
   * every field the client selects on it is read (a relation page reads only the properties its
   * plan needs), and the end as read answers only for a key a write has since deleted.
   */
  final: boolean;
}

/**
 * The ends of `r` as read: `other`, and `at` (the entity it was read from) when the read has it
 * whole enough to stand in for a deleted end.
 */
export function endsAsRead(
  r: Pick<RelationRecord, "from" | "to" | "other">,
  at?: EntityRecord,
): RelationEnds {
  const asRead = (key: string) =>
    r.other.key === key ? r.other : at?.key === key ? at : undefined;
  return { from: asRead(r.from), to: asRead(r.to), final: false };
}

/** Where a claim read without its sentence (CLAIM_RANK_LISTS) has it: relation and place. */
export interface UnreadExcerpt {
  /** The relation's id (from|TYPE|to) and its parts. */
  id: string;
  from: string;
  type: RelationType;
  to: string;
  /** Its place in the stored lists, and its source there. */
  at: number;
  source: string;
}

const unreadExcerpts = new WeakMap<Claim, UnreadExcerpt>();

/**
 * Where the sentence of `claim` is, when its relation was read without its sentences (its
 * `excerpt` is then a placeholder): read when asked for (data/relations.ts claimExcerpts), a
 * page's claims at a time. Undefined for a claim read with its sentence.
 */
export const unreadExcerpt = (claim: Claim): UnreadExcerpt | undefined => unreadExcerpts.get(claim);

/**
 * Turns one collected relation map into a RelationRecord seen from `key`. Its typed values are
 * the stored (current) ones, or, with `asOf`, those its claims resolve to at that date.
 */
export function toRelation(key: string, item: Row, asOf?: string | null): RelationRecord {
  let props = (item.props ?? {}) as Record<string, Plain>;
  // Its sentences read as FEW_EXCERPTS gives them: all of them when they are few.
  const few = props[FEW_EXCERPTS];
  if (props.evidenceExcerpts === undefined && Array.isArray(few))
    props = { ...props, evidenceExcerpts: few };
  const other = toEntity(item.m ?? null);
  const out = item.out === true;
  const type = String(item.type) as RelationType;
  const from = out ? key : other.key;
  const to = out ? other.key : key;
  const properties: Record<string, Plain> = {};
  for (const name of Object.keys(ALL_RELATION_PROPERTIES)) {
    const value = props[name];
    if (value !== undefined && value !== null) properties[name] = value;
  }
  const claims = decodeClaims(props, properties);
  for (const c of claims) RELATION_CLAIMS.set(c, claims);
  const id = relationId(from, type, to);
  // Read without their sentences (a projection without evidenceExcerpts): each claim keeps
  // where its sentence is, for a page of them to read only its own.
  if (props.evidenceExcerpts === undefined && props.evidenceSources !== undefined)
    claims.forEach((c, at) => {
      unreadExcerpts.set(c, { id, from, type, to, at, source: c.sourceKey });
    });
  const resolved = resolveRelationClaims(claims, asOf);
  if (asOf != null && props.evidenceValues !== undefined) {
    for (const name of Object.keys(ALL_RELATION_PROPERTIES)) {
      const value = resolved.values[name];
      if (value == null) delete properties[name];
      else properties[name] = value;
    }
  }
  return {
    id,
    type,
    direction: out ? "OUT" : "IN",
    from,
    to,
    other,
    properties,
    inferred: props.inferred === true,
    updatedAt: typeof props.updatedAt === "string" ? props.updatedAt : null,
    updatedBy: typeof props.updatedBy === "string" ? props.updatedBy : null,
    evidence: resolved.claims,
    claims,
    disputed: resolved.disputedProperties.length > 0,
    independentSourceCount: item.independent == null ? null : Number(item.independent),
    ends: endsAsRead({ from, to, other }),
  };
}

const RELATION_CLAIMS = new WeakMap<Claim, readonly Claim[]>();

/**
 * Every claim of the relation a claim was read with (`toRelation`), deprecated ones included:
 * what `Evidence.repeats` compares its sentence with, whichever page of claims it came on.
 */
export const relationClaimsOf = (claim: Claim): readonly Claim[] =>
  RELATION_CLAIMS.get(claim) ?? [claim];

/** Reads what a "list" `project` returned (with the same `projectedNames`) back into a map. */
export function fromValues(value: Plain, names: readonly string[] | null): Record<string, Plain> {
  if (names === null || !Array.isArray(value)) return (value ?? {}) as Record<string, Plain>;
  const out: Record<string, Plain> = {};
  for (let i = 0; i < names.length; i++) out[names[i] as string] = value[i] ?? null;
  return out;
}
