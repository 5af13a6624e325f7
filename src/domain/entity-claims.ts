/**
 * Entity claims: what each source states about an entity's fields (its name, description and
 * the kind's own properties), with the source's point in time, resolved by the same rules as a
 * relation's claims (domain/claims.ts `resolveClaims`): a field's current value is the one of
 * the latest claim that states it and counts; claims at the same time that disagree make the
 * field disputed (the first by source key is shown); a retracted source's claims are
 * DEPRECATED and count no more; a claim without a point in time is older than every dated one.
 *
 * One claim per source (a document declares an entity once; ingesting it again restates its
 * claim). Aliases are not claimed: they stay a union of every document's. A Source's own fields
 * are not claimed either: a source is declared by its own document only, and its text would be
 * stored twice.
 *
 * Values written without a source (createEntity, updateEntity) are set directly and hold until
 * a document's claim on that field, or a retraction, resolves it again. A claim with the source
 * key "" holds values from before claims whose source is not known (see the migration).
 *
 * Stored on the entity node as parallel lists, one item per source, in canonical order (oldest
 * first, then by source key): `claimSources`, `claimAt` ("" for no time), `claimValues` (JSON of
 * the fields that source states) and `claimRanks`.
 */
import {
  type Claim,
  claimValues,
  type Plain,
  RANKS,
  type Rank,
  resolveClaims,
  sortClaims,
} from "./claims.js";
import { endsBeforeItStarts } from "./dates.js";
import { KINDS, type Kind } from "./vocabulary.js";

/** The stored property names of an entity's claims. */
export const ENTITY_CLAIM_LISTS = ["claimSources", "claimAt", "claimValues", "claimRanks"] as const;

export interface StoredEntityClaims {
  claimSources: string[];
  claimAt: string[];
  claimValues: string[];
  claimRanks: string[];
}

/** Whether entities of `kind` keep claims (every kind but Source). */
export function keepsClaims(kind: Kind): boolean {
  return kind !== "Source";
}

/** The fields a source can claim for an entity of `kind`: name, description, the kind's properties. */
export function claimedFields(kind: Kind): string[] {
  return ["name", "description", ...Object.keys(KINDS[kind].properties)];
}

/** The fields of `e` that are given (not null), as one claim's values. */
export function statedValues(
  kind: Kind,
  e: {
    name?: string | null;
    description?: string | null;
    properties?: Readonly<Record<string, unknown>> | null;
  },
): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const field of claimedFields(kind)) {
    const value =
      field === "name" ? e.name : field === "description" ? e.description : e.properties?.[field];
    if (value !== undefined && value !== null) out[field] = value as Plain;
  }
  return out;
}

/** An entity claim: a relation Claim without a sentence. */
export function entityClaim(
  sourceKey: string,
  at: string | null,
  values: Record<string, Plain>,
  rank: Rank = "NORMAL",
): Claim {
  return { sourceKey, excerpt: "", inferred: false, at, values, rank };
}

export function encodeEntityClaims(claims: readonly Claim[]): StoredEntityClaims {
  const sorted = sortClaims(claims);
  return {
    claimSources: sorted.map((c) => c.sourceKey),
    claimAt: sorted.map((c) => c.at ?? ""),
    claimValues: sorted.map((c) => claimValues(c.values)),
    claimRanks: sorted.map((c) => c.rank),
  };
}

const list = (v: Plain | undefined): Plain[] => (Array.isArray(v) ? v : []);

/** Decodes an entity's stored claim lists (none: no claims). */
export function decodeEntityClaims(props: Readonly<Record<string, Plain>>): Claim[] {
  const at = list(props.claimAt);
  const values = list(props.claimValues);
  const ranks = list(props.claimRanks);
  return list(props.claimSources).map((s, i) => {
    let stated: Record<string, Plain> = {};
    const raw = values[i];
    if (typeof raw === "string") {
      try {
        const parsed = JSON.parse(raw) as unknown;
        if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed))
          stated = parsed as Record<string, Plain>;
      } catch {
        // a damaged item states nothing
      }
    }
    const rank = ranks[i];
    return entityClaim(
      String(s),
      typeof at[i] === "string" && at[i] !== "" ? (at[i] as string) : null,
      stated,
      RANKS.includes(rank as Rank) ? (rank as Rank) : "NORMAL",
    );
  });
}

/**
 * Adds a source's claim, or replaces that source's earlier claim (its rank is kept: a retracted
 * source stays retracted when its document is ingested again). Independent of arrival order.
 */
export function mergeEntityClaim(claims: readonly Claim[], claim: Claim): Claim[] {
  const old = claims.find((c) => c.sourceKey === claim.sourceKey);
  const rest = claims.filter((c) => c.sourceKey !== claim.sourceKey);
  return sortClaims([...rest, old ? { ...claim, rank: old.rank } : claim]);
}

/**
 * The values `fields` take from `claims` now: the resolved value, or null (no counting claim
 * states it: the field is removed), except `name`, which every entity has and so keeps
 * `storedName` when no claim counts.
 */
export function settledFields(
  claims: readonly Claim[],
  fields: Iterable<string>,
  storedName: string,
): Record<string, Plain> {
  const resolved = resolveClaims(claims).values;
  const out: Record<string, Plain> = {};
  for (const field of fields)
    out[field] = resolved[field] ?? (field === "name" ? storedName : null);
  return out;
}

/** Every field any of `claims` states. */
export function fieldsOf(claims: readonly Claim[]): string[] {
  return [...new Set(claims.flatMap((c) => Object.keys(c.values)))].sort();
}

/** A field's claim, as listed by Entity.claims: one per (source, field). */
export interface FieldClaim {
  field: string;
  value: Plain;
  /** "" when the source is not known (a value from before claims). */
  sourceKey: string;
  at: string | null;
  rank: Rank;
  /** Whether this claim's value is the field's current one. */
  current: boolean;
}

/**
 * Each field's claims, field by field (in `claimedFields` order, then oldest first), with
 * whether each gives the current value, and the fields that are disputed.
 */
export function fieldClaims(
  kind: Kind,
  claims: readonly Claim[],
): { claims: FieldClaim[]; disputed: string[] } {
  const resolved = resolveClaims(claims);
  const winners = new Map<string, Claim>();
  // The claim that gives each field's value: the latest that counts, first by source key.
  for (const c of sortClaims(resolved.claims)) {
    for (const field of Object.keys(c.values)) {
      const w = winners.get(field);
      const preferred = (x: Claim) => x.rank === "PREFERRED";
      if (
        !w ||
        (preferred(c) && !preferred(w)) ||
        (preferred(c) === preferred(w) && (c.at ?? "") > (w.at ?? ""))
      )
        winners.set(field, c);
    }
  }
  const order = claimedFields(kind);
  const rankOf = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  const out: FieldClaim[] = [];
  for (const c of sortClaims(claims)) {
    for (const [field, value] of Object.entries(c.values)) {
      out.push({
        field,
        value,
        sourceKey: c.sourceKey,
        at: c.at,
        rank: c.rank,
        current: winners.get(field) === c,
      });
    }
  }
  out.sort((a, b) => rankOf(a.field) - rankOf(b.field) || a.field.localeCompare(b.field));
  return { claims: out, disputed: resolved.disputedProperties };
}

/** What a document declaring an entity again would do to its fields and aliases. */
export interface EntityClaimPlan {
  /** Fields whose current value the document's claim changes. */
  changed: Array<{ field: string; from: Plain; to: Plain }>;
  /**
   * Fields the document states otherwise but whose current value stays: a newer claim holds
   * (or one at the same time that comes first by source key, which makes the field disputed).
   */
  /** `disputed`: the claim that holds is at the same time (the first by source key). */
  outweighed: Array<{ field: string; stated: Plain; current: Plain; disputed: boolean }>;
  /** Stored fields the document leaves out, and so keeps. */
  kept: string[];
}

/**
 * The effect of `claim` on an entity whose current values are `current` and whose claims are
 * `claims` (after the rules above): which fields change, which stay against it, which it
 * leaves out. Unclaimed values (written without a source) count as older than any claim.
 * `retracting`: a source retracted in the same write (the one an ingest supersedes): its claim
 * counts no more, and the fields it states are settled again too.
 */
export function planEntityClaim(
  kind: Kind,
  current: Readonly<Record<string, Plain>>,
  stored: readonly Claim[],
  claim: Claim,
  retracting: string | null = null,
): EntityClaimPlan {
  const claims = retractedClaims(stored, retracting);
  const old = claims.find((c) => c.sourceKey === claim.sourceKey);
  const next = mergeEntityClaim(claims, claim);
  const affected = new Set([
    ...Object.keys(claim.values),
    ...Object.keys(old?.values ?? {}),
    ...claims.filter((c) => c.sourceKey === retracting).flatMap((c) => Object.keys(c.values)),
  ]);
  const settled = settledFields(next, affected, String(current.name ?? ""));
  // Where the claim giving the current value is at the same time as this one.
  const sameTime = new Set(
    fieldClaims(kind, next)
      .claims.filter((c) => c.current && c.at === claim.at && c.sourceKey !== claim.sourceKey)
      .map((c) => c.field),
  );
  const plan: EntityClaimPlan = { changed: [], outweighed: [], kept: [] };
  const same = (a: Plain | undefined, b: Plain | undefined) =>
    JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  for (const field of claimedFields(kind)) {
    const before = current[field] ?? null;
    if (affected.has(field) && !same(before, settled[field]))
      plan.changed.push({ field, from: before, to: settled[field] ?? null });
    else if (field in claim.values && !same(claim.values[field], before))
      plan.outweighed.push({
        field,
        stated: claim.values[field] as Plain,
        current: before,
        disputed: sameTime.has(field),
      });
    else if (!(field in claim.values) && before !== null) plan.kept.push(field);
  }
  return plan;
}

/**
 * Fields that sources give different values: the source of the current value, and the latest
 * other value with its source (null when not known). The previous version's provenance, now
 * read from the claims.
 */
export function changedFields(
  kind: Kind,
  claims: readonly Claim[],
): Array<{ field: string; source: string; previous: Plain; previousSource: string | null }> {
  const { claims: all } = fieldClaims(kind, claims);
  const out: Array<{
    field: string;
    source: string;
    previous: Plain;
    previousSource: string | null;
  }> = [];
  for (const field of claimedFields(kind)) {
    const stating = all.filter((c) => c.field === field && c.rank !== "DEPRECATED");
    const current = stating.find((c) => c.current);
    if (!current || current.sourceKey === "") continue;
    const other = stating
      .filter((c) => JSON.stringify(c.value) !== JSON.stringify(current.value))
      .sort(
        (a, b) => (b.at ?? "").localeCompare(a.at ?? "") || a.sourceKey.localeCompare(b.sourceKey),
      )[0];
    if (!other) continue;
    out.push({
      field,
      source: current.sourceKey,
      previous: other.value,
      previousSource: other.sourceKey === "" ? null : other.sourceKey,
    });
  }
  return out;
}

/**
 * `claims` as they are once the source `key` is retracted (none when null): its claims ranked
 * DEPRECATED, the others as they are. What a dry run of a write that retracts it resolves from.
 */
export function retractedClaims(claims: readonly Claim[], key: string | null): Claim[] {
  return claims.map((c) =>
    key !== null && c.sourceKey === key ? { ...c, rank: "DEPRECATED" as const } : c,
  );
}

/**
 * Why an entity of `kind` with a start and an end (a Mission) would read as ending before it
 * starts with `values` (its fields as a write leaves them), naming the claim that gives each
 * date; null when it would not. Each field resolves from its own latest claim, so source A's
 * startDate and source B's earlier endDate made such a mission although each document was in
 * order by itself (edges26): every write that resolves a date (ingest, a retraction or restore,
 * a source's delete) checks the combined view in its transaction and is refused with this.
 */
export function datesOutOfOrder(
  kind: Kind,
  values: Readonly<Record<string, Plain | undefined>>,
  claims: readonly Claim[],
): string | null {
  const spec = KINDS[kind].properties as Record<string, unknown>;
  if (!("startDate" in spec && "endDate" in spec)) return null;
  const { startDate: start, endDate: end } = values;
  if (!endsBeforeItStarts(start, end)) return null;
  const current = fieldClaims(kind, claims).claims.filter((c) => c.current);
  const whose = (field: string, value: Plain | undefined) => {
    const c = current.find((x) => x.field === field && x.value === value);
    if (!c || c.sourceKey === "") return "written by hand";
    return `${c.sourceKey}'s claim${c.at ? ` of ${c.at}` : ""}`;
  };
  return `endDate "${end}" (${whose("endDate", end)}) would be before startDate "${start}" (${whose("startDate", start)}): the mission would read as ending before it began. Each date is its latest source's; state both dates in one document, or retract the source whose date is wrong`;
}
