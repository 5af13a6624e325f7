/**
 * Keeping a relation's stored values true to its claims (domain/claims.ts). Writers append or
 * restate one source's claim in Cypher; a relation that then holds more than one claim is
 * settled here: its claims are decoded, put in their canonical order, and its typed values and
 * `disputed` flag set to what they resolve to now. The stored values are what filters, orders
 * and plain reads see; `asOf` reads resolve from the claims themselves.
 *
 * Also the migration of relations written before claims existed (evidence without values or
 * points in time): each piece of evidence gets the relation's own values and its source's
 * publication date (or the relation's asOf). Idempotent: it touches only relations without
 * claim values, and is run at every start.
 */
import neo4j from "neo4j-driver";
import type { Db } from "../db/driver.js";
import { type QueryStats, type Row, type Tx, writeTx } from "../db/run.js";
import type { Plain } from "../db/serialize.js";
import { decodeClaims, storedClaims } from "../domain/claims.js";
import { ALL_RELATION_PROPERTIES } from "../domain/vocabulary.js";

const PROPERTY_NAMES = Object.keys(ALL_RELATION_PROPERTIES);

/** The typed values a relation stores (what a claim without its own values stated). */
export function storedValues(props: Record<string, Plain>): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const name of PROPERTY_NAMES) if (props[name] != null) out[name] = props[name] as Plain;
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What to set on a relation so that its lists are in canonical order and its values and
 * `disputed` are what its claims resolve to now; null when it is so already. A value no claim
 * states any more is set to null (which removes it).
 */
export function settledProperties(props: Record<string, Plain>): Record<string, Plain> | null {
  const stored = storedClaims(decodeClaims(props, storedValues(props)));
  const next: Record<string, Plain> = { ...stored.lists, disputed: stored.disputed };
  for (const name of PROPERTY_NAMES) next[name] = stored.values[name] ?? null;
  for (const [name, value] of Object.entries(next)) if (!same(props[name], value)) return next;
  return null;
}

const SETTLE = `
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.id
SET r += row.props`;

/** A relation written in this transaction (its element id), with its properties as left. */
export interface Touched {
  id: string;
  props: Row;
}

/**
 * Settles the relations a write touched, in one statement when any needs it. Returns each
 * touched relation's properties as they now are.
 */
export async function settleRelations(tx: Tx, touched: readonly Touched[]): Promise<Touched[]> {
  const changes: Touched[] = [];
  const after = touched.map((t) => {
    const props = settledProperties(t.props as Record<string, Plain>);
    if (!props) return t;
    changes.push({ id: t.id, props });
    return { ...t, props: { ...t.props, ...props } };
  });
  if (changes.length > 0) await tx.run(SETTLE, { rows: changes });
  return after;
}

const LEGACY_BATCH = 2_000;

const LEGACY = `
MATCH ()-[r]->()
WHERE r.evidenceSources IS NOT NULL AND r.evidenceValues IS NULL
WITH r LIMIT $limit
RETURN elementId(r) AS id, properties(r) AS props,
       [s IN r.evidenceSources | COLLECT { MATCH (x:Entity {key: s}) RETURN x.publishedAt }[0]] AS dates`;

/** Converts relations written before claims existed; returns how many it converted. */
export async function migrateClaims(
  db: Db,
  stats: QueryStats = { roundTrips: 0 },
): Promise<number> {
  let converted = 0;
  for (;;) {
    const n = await writeTx(
      db,
      stats,
      async (tx) => {
        const rows = await tx.run(LEGACY, { limit: neo4j.int(LEGACY_BATCH) });
        const out = rows.map((row) => {
          const props = row.props as Record<string, Plain>;
          const values = storedValues(props);
          const dates = Array.isArray(row.dates) ? row.dates : [];
          const asOf = typeof props.asOf === "string" ? props.asOf : null;
          const claims = decodeClaims(props, values).map((c, i) => ({
            ...c,
            at: asOf ?? (typeof dates[i] === "string" ? (dates[i] as string) : null),
          }));
          const stored = storedClaims(claims);
          return { id: row.id, props: { ...stored.lists, disputed: stored.disputed } };
        });
        if (out.length > 0) await tx.run(SETTLE, { rows: out });
        return out.length;
      },
      300_000,
    );
    converted += n;
    if (n < LEGACY_BATCH) return converted;
  }
}
