/**
 * Claims: what each source states about a relation, with its own point in time, after
 * Wikidata's statement model (a value with qualifiers and a reference, ranked). A relation keeps
 * every source's claim; its current values are resolved from them, never overwritten:
 *
 * - A property's value is the one stated by the claim with the latest point in time among the
 *   claims that state it and are not deprecated (a retracted source's claims are deprecated).
 * - With `asOf: D`, only claims whose point in time is at or before D count (a partial date
 *   counts through its whole period: "2022-03" is at or before "2022-03-01").
 * - Claims at the same point in time that give different values make the property, and so
 *   the relation, disputed (at any time up to asOf: a contradiction stays one after newer
 *   claims arrive); where that time is the latest, the value shown is the first by source key,
 *   so every read shows the same one.
 * - A claim without a point in time counts as older than every dated claim.
 * - A relation's figures (its type's own properties: `troops`, `additionalTroops` and `asOf`;
 *   `value`, `unit`, `year` and `estimated` ...) are one observation and resolve together: the
 *   latest claim stating any of them gives all of them, so a 2023 count of 800 troops never
 *   shows beside the "130 more" a 2022 article announced, nor a 2024 figure beside 2021's year.
 *   The properties every relation may carry (`since`, `until`, `date`) resolve one by one.
 *
 * Pure functions over plain values: the data layer stores claims as parallel lists on the
 * relationship (one item per piece of evidence) and decodes them with `decodeClaims`. An
 * entity's name, description and properties are resolved by the same `resolveClaims`
 * (domain/entity-claims.ts).
 */

import { ALL_RELATION_PROPERTIES, COMMON_RELATION_PROPERTIES } from "./vocabulary.js";

/** A JSON-like value, as stored values decode (the same shape as db/serialize's Plain). */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export const RANKS = ["PREFERRED", "NORMAL", "DEPRECATED"] as const;
export type Rank = (typeof RANKS)[number];

/** One source's statement of a relation. */
export interface Claim {
  sourceKey: string;
  /** The verbatim sentence. */
  excerpt: string;
  inferred: boolean;
  /** The claim's point in time (ISO, may be partial): the source's asOf, else its publication date. */
  at: string | null;
  /** The property values this source states (troops, role, since, asOf ...). */
  values: Record<string, Plain>;
  rank: Rank;
}

/** A relation's values as resolved from its claims at one point in time. */
export interface Resolution {
  values: Record<string, Plain>;
  /** Properties on which claims at the same point in time disagree. */
  disputedProperties: string[];
  /** The claims that count at that time (not deprecated, not later than asOf). */
  claims: Claim[];
}

/** `a` is at or before `d`, partial dates counting through their whole period. */
export function atOrBefore(a: string, d: string): boolean {
  return a <= `${d}~`;
}

const same = (a: Plain, b: Plain) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A relation's figures: the properties of its type's own (not `since`, `until`, `date`), which
 * one claim states as one observation and which resolve together (`resolveRelationClaims`).
 */
export const RELATION_FIGURES: readonly string[] = Object.keys(ALL_RELATION_PROPERTIES).filter(
  (name) => !Object.hasOwn(COMMON_RELATION_PROPERTIES, name),
);

/** Resolves a relation's values from its claims, now or as of `asOf`, its figures together. */
export function resolveRelationClaims(claims: readonly Claim[], asOf?: string | null): Resolution {
  return resolveClaims(claims, asOf, RELATION_FIGURES);
}

/**
 * Resolves values from claims, now or as of `asOf`. The properties named in `together` resolve
 * as one: they all come from the latest claim that states any of them (an entity's fields resolve
 * one by one; a relation's figures together, see `resolveRelationClaims`).
 */
export function resolveClaims(
  claims: readonly Claim[],
  asOf?: string | null,
  together: readonly string[] = [],
): Resolution {
  const counted = claims.filter(
    (c) => c.rank !== "DEPRECATED" && (asOf == null || c.at == null || atOrBefore(c.at, asOf)),
  );
  const names = new Set<string>();
  for (const c of counted) for (const name of Object.keys(c.values)) names.add(name);
  const values: Record<string, Plain> = {};
  const disputedProperties: string[] = [];
  const group = new Set(together);
  const statesGroup = (c: Claim) => together.some((n) => c.values[n] != null);
  for (const name of [...names].sort()) {
    const stating = counted.filter((c) => c.values[name] != null);
    if (stating.length === 0) continue;
    // A figure is taken from the claim that gives the latest figures, if it states this one.
    const candidates = group.has(name) ? counted.filter(statesGroup) : stating;
    const preferred = candidates.filter((c) => c.rank === "PREFERRED");
    const pool = preferred.length > 0 ? preferred : candidates;
    const latest = pool.reduce<string | null>(
      (t, c) => (c.at != null && (t == null || c.at > t) ? c.at : t),
      null,
    );
    const atLatest = pool
      .filter((c) => c.at === latest)
      .sort((a, b) => a.sourceKey.localeCompare(b.sourceKey) || a.excerpt.localeCompare(b.excerpt));
    const first = atLatest[0] as Claim;
    if (first.values[name] != null) values[name] = first.values[name] as Plain;
    const byTime = new Map<string | null, Plain>();
    for (const c of stating) {
      const seen = byTime.get(c.at);
      if (seen === undefined) byTime.set(c.at, c.values[name] as Plain);
      else if (!same(seen, c.values[name] as Plain)) {
        disputedProperties.push(name);
        break;
      }
    }
  }
  return { values, disputedProperties, claims: counted };
}

/** The canonical order of claims: oldest first, then by source and sentence. */
export function sortClaims(claims: readonly Claim[]): Claim[] {
  return [...claims].sort(
    (a, b) =>
      (a.at ?? "").localeCompare(b.at ?? "") ||
      a.sourceKey.localeCompare(b.sourceKey) ||
      a.excerpt.localeCompare(b.excerpt),
  );
}

/** Sources that state a relation and are not deprecated: its corroboration. */
export function sourceCount(claims: readonly Claim[]): number {
  return new Set(claims.filter((c) => c.rank !== "DEPRECATED").map((c) => c.sourceKey)).size;
}

/**
 * What a relation stores for its claims: the lists (canonical order), the values they resolve
 * to now, whether it is inferred (no claim states it outright) and whether claims disagree.
 */
export function storedClaims(claims: readonly Claim[]): {
  lists: StoredClaims;
  values: Record<string, Plain>;
  inferred: boolean;
  disputed: boolean;
} {
  const lists = encodeClaims(claims);
  const resolved = resolveRelationClaims(claims);
  return {
    lists,
    values: resolved.values,
    inferred: lists.evidenceInferred.every(Boolean),
    disputed: resolved.disputedProperties.length > 0,
  };
}

/** The stored form: parallel lists, one item per claim (Neo4j lists hold no maps and no nulls). */
export interface StoredClaims {
  evidenceSources: string[];
  evidenceExcerpts: string[];
  evidenceInferred: boolean[];
  /** "" for a claim without a point in time. */
  evidenceAt: string[];
  /** JSON of each claim's values. */
  evidenceValues: string[];
  evidenceRanks: string[];
}

export function encodeClaims(claims: readonly Claim[]): StoredClaims {
  const sorted = sortClaims(claims);
  return {
    evidenceSources: sorted.map((c) => c.sourceKey),
    evidenceExcerpts: sorted.map((c) => c.excerpt),
    evidenceInferred: sorted.map((c) => c.inferred),
    evidenceAt: sorted.map((c) => c.at ?? ""),
    evidenceValues: sorted.map((c) => claimValues(c.values)),
    evidenceRanks: sorted.map((c) => c.rank),
  };
}

/** A claim's values as stored: JSON with keys in order and no empty values. */
export function claimValues(values: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(sortedValues(values as Record<string, Plain>));
}

function sortedValues(values: Record<string, Plain>): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const k of Object.keys(values).sort()) if (values[k] != null) out[k] = values[k] as Plain;
  return out;
}

const list = (v: Plain | undefined): Plain[] => (Array.isArray(v) ? v : []);

/** The relation properties that hold numbers (vocabulary `number` and `integer`). */
const NUMERIC = new Set(
  Object.entries(ALL_RELATION_PROPERTIES)
    .filter(([, spec]) => spec.type === "number" || spec.type === "integer")
    .map(([name]) => name),
);

/**
 * A relation's values with every number property a number. A whole number stored beyond what a
 * JavaScript number holds exactly (2^53, written in Neo4j before the 32-bit limit) is read as its
 * digits (db/serialize.ts never rounds silently), and every settle wrote those digits back as
 * text: the claim said troops "1152921504606846976" and the relation's troops became a string,
 * which no number filter finds and GraphQL cannot read (edges28). Such a value is the nearest
 * number instead: still beyond a GraphQL Int, so reads answer STORED_VALUE_OUT_OF_RANGE as for
 * any other; a claim an earlier version stored as text is read back as the number too.
 */
export function numericValues(values: Record<string, Plain>): Record<string, Plain> {
  let out: Record<string, Plain> | null = null;
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== "string" || !NUMERIC.has(name) || !/^-?\d+$/.test(value)) continue;
    out ??= { ...values };
    out[name] = Number(value);
  }
  return out ?? values;
}

/**
 * Decodes the stored lists of a relationship's properties. Relations written before claims
 * existed have sources and excerpts only: each of their claims states the relation's own
 * values, without a point in time, as the relation did.
 */
export function decodeClaims(
  props: Record<string, Plain>,
  legacyValues: Record<string, Plain>,
): Claim[] {
  const sources = list(props.evidenceSources);
  const excerpts = list(props.evidenceExcerpts);
  const inferred = list(props.evidenceInferred);
  const at = list(props.evidenceAt);
  const values = list(props.evidenceValues);
  const ranks = list(props.evidenceRanks);
  return sources.map((s, i) => {
    let stated: Record<string, Plain> = legacyValues;
    const raw = values[i];
    if (typeof raw === "string") {
      try {
        const parsed = JSON.parse(raw) as unknown;
        if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed))
          stated = numericValues(parsed as Record<string, Plain>);
      } catch {
        // a damaged item keeps the relation's own values
      }
    }
    const rank = ranks[i];
    return {
      sourceKey: String(s),
      excerpt: String(excerpts[i] ?? ""),
      inferred: inferred[i] === true || (inferred[i] === undefined && props.inferred === true),
      at: typeof at[i] === "string" && at[i] !== "" ? (at[i] as string) : null,
      values: stated,
      rank: RANKS.includes(rank as Rank) ? (rank as Rank) : "NORMAL",
    };
  });
}

/**
 * Adds a source's claim, or replaces that source's claim for the same sentence (a document
 * ingested again restates what it states): idempotent, and independent of the order sources
 * arrive in.
 */
export function mergeClaim(claims: readonly Claim[], claim: Claim): Claim[] {
  const rest = claims.filter(
    (c) => !(c.sourceKey === claim.sourceKey && c.excerpt === claim.excerpt),
  );
  return sortClaims([...rest, claim]);
}

/**
 * A document's statement of a relation, as ingest records it: a new sentence is a new claim; a
 * sentence the source already gave is restated in place, its values and point in time replaced
 * when the statement gives any and kept when it gives none, its inferred flag kept. `ingest
 * --check` uses it to say what a document would do to a stored relation.
 */
export function restateClaim(claims: readonly Claim[], claim: Claim): Claim[] {
  const i = claims.findIndex((c) => c.sourceKey === claim.sourceKey && c.excerpt === claim.excerpt);
  if (i < 0) return sortClaims([...claims, claim]);
  const old = claims[i] as Claim;
  const restated: Claim = {
    ...old,
    values: Object.keys(sortedValues(claim.values)).length > 0 ? claim.values : old.values,
    at: claim.at ?? old.at,
  };
  return sortClaims(claims.map((c, j) => (j === i ? restated : c)));
}
