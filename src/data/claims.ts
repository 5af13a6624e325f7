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
 *
 * Entities the same way (domain/entity-claims.ts): a write that changes an entity's claims
 * settles the fields that claim states (or stated) from all of them (`settleEntities`), and
 * entities written before entity claims are converted from their provenance at start
 * (`migrateEntityClaims`). The statements are src/cypher/claims.ts's.
 */
import {
  figureRelationsStatement,
  labelRetractedClaimsStatement,
  legacyEntitiesStatement,
  legacyRelationsStatement,
  setEntitiesStatement,
  settleEntitiesStatement,
  settleRelationsStatement,
  sourceDatesStatement,
} from "../cypher/claims.js";
import { retractSourceStatement } from "../cypher/writes.js";
import type { Db } from "../db/driver.js";
import {
  BULK_TX_TIMEOUT_MS,
  inBatches,
  type QueryStats,
  type Row,
  type Tx,
  writeTx,
} from "../db/run.js";

import type { Plain } from "../db/serialize.js";
import { type Claim, decodeClaims, numericValues, storedClaims } from "../domain/claims.js";
import {
  claimedFields,
  datesOutOfOrder,
  decodeEntityClaims,
  ENTITY_CLAIM_LISTS,
  encodeEntityClaims,
  entityClaim,
  settledFields,
} from "../domain/entity-claims.js";
import { BadInputError, type InputProblem } from "../domain/errors.js";
import { ALL_RELATION_PROPERTIES, isKind, KINDS, type Kind } from "../domain/vocabulary.js";
import { run } from "./statement.js";

const PROPERTY_NAMES = Object.keys(ALL_RELATION_PROPERTIES);

/**
 * The typed values a relation stores (what a claim without its own values stated), numbers as
 * numbers (numericValues: a whole number beyond 2^53 is read as its digits).
 */
export function storedValues(props: Record<string, Plain>): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const name of PROPERTY_NAMES) if (props[name] != null) out[name] = props[name] as Plain;
  return numericValues(out);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Of `next`, what differs from `props`; null when nothing does. A settle sets only that (`SET r
 * += props`): it sent every claim list back whole for each relation or entity whose values
 * changed, and a retraction, which changes only ranks and so the values, sent back the lists
 * (sentences and all) of 16,000 relations unchanged (edges28).
 */
function changedOnly(
  props: Record<string, Plain>,
  next: Record<string, Plain>,
): Record<string, Plain> | null {
  let out: Record<string, Plain> | null = null;
  for (const [name, value] of Object.entries(next)) {
    if (same(props[name], value)) continue;
    out ??= {};
    out[name] = value;
  }
  return out;
}

/**
 * What to set on a relation so that its lists are in canonical order and its values and
 * `disputed` are what its claims resolve to now (only what differs); null when it is so already. A value no claim
 * states any more is set to null (which removes it).
 */
export function settledProperties(props: Record<string, Plain>): Record<string, Plain> | null {
  const stored = storedClaims(decodeClaims(props, storedValues(props)));
  const next: Record<string, Plain> = { ...stored.lists, disputed: stored.disputed };
  for (const name of PROPERTY_NAMES) next[name] = stored.values[name] ?? null;
  return changedOnly(props, next);
}

/** A relation written in this transaction (its element id), with its properties as left. */
export interface Touched {
  id: string;
  props: Row;
  /** From an ingest's upsert: from|TYPE|to, its inferred flag and sentences before the write. */
  key?: Plain;
  inferredBefore?: Plain;
  evidenceBefore?: Plain;
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
  if (changes.length > 0) await run(tx, settleRelationsStatement(changes));
  return after;
}

/**
 * What to set on an entity so that its claim lists are in canonical order and `fields` are
 * what its claims resolve to now (domain/entity-claims.ts), only what differs; null when it is so
 * already.
 */
export function settledEntityProperties(
  props: Record<string, Plain>,
  fields: Iterable<string>,
): Record<string, Plain> | null {
  const claims = decodeEntityClaims(props);
  const next: Record<string, Plain> = {
    ...(claims.length > 0 ? encodeEntityClaims(claims) : {}),
    ...settledFields(claims, fields, String(props.name ?? "")),
  };
  return changedOnly(props, next);
}

/** An entity whose claims a write changed: its properties as left, and the claim's values. */
export interface TouchedEntity {
  id: string;
  props: Row;
  /** The values (JSON) of the source's claim as written, and of the claim it replaced. */
  values?: string | null;
  replaced?: string | null;
  /** Its aliases before the write (an ingest's upsert says, to tell a change from a corroboration). */
  aliasesBefore?: string[] | null;
}

const fieldsOfJson = (json: unknown): string[] => {
  if (typeof json !== "string") return [];
  try {
    const parsed = JSON.parse(json) as unknown;
    return parsed !== null && typeof parsed === "object" ? Object.keys(parsed) : [];
  } catch {
    return [];
  }
};

const CLAIM_LISTS: ReadonlySet<string> = new Set(ENTITY_CLAIM_LISTS);

/**
 * Settles the entities a write touched: the fields their changed claim states, or stated
 * before (`values`, `replaced`), or every field of `fields` when given, are set to what their
 * claims resolve to. One statement when any needs it. Returns the element ids of the entities
 * whose current values (not only their claim lists) it changed. A mission whose dates would then
 * read as ending before it starts (each date its own latest claim's) is a BadInputError naming
 * both claims (`pathOf` gives the path of a key in what was sent), and the caller's transaction
 * rolls back.
 */
export async function settleEntities(
  tx: Tx,
  touched: readonly TouchedEntity[],
  fields?: readonly string[],
  pathOf?: (key: string) => Array<string | number> | undefined,
): Promise<Set<string>> {
  const rows: Array<{ id: string; props: Record<string, Plain> }> = [];
  const changed = new Set<string>();
  const problems: InputProblem[] = [];
  for (const t of touched) {
    const affected = fields ?? [...fieldsOfJson(t.values), ...fieldsOfJson(t.replaced)];
    const props = settledEntityProperties(t.props as Record<string, Plain>, new Set(affected));
    // A date this write resolves is checked against the other as the entity will read (each
    // field is its own latest claim's), not only against what the write states itself.
    if (affected.includes("startDate") || affected.includes("endDate")) {
      const kind = t.props.kind;
      const after = { ...(t.props as Record<string, Plain>), ...(props ?? {}) };
      const why =
        typeof kind === "string" && isKind(kind)
          ? datesOutOfOrder(kind, after, decodeEntityClaims(after))
          : null;
      const key = String(t.props.key);
      if (why) problems.push({ path: [...(pathOf?.(key) ?? [key]), "endDate"], message: why });
    }
    if (!props) continue;
    rows.push({ id: t.id, props });
    for (const [name, value] of Object.entries(props))
      if (!CLAIM_LISTS.has(name) && !same(t.props[name], value)) changed.add(t.id);
  }
  if (problems.length > 0)
    throw new BadInputError(
      "The write would leave a mission ending before it starts; nothing was written.",
      problems,
    );
  if (rows.length > 0) await run(tx, settleEntitiesStatement(rows));
  return changed;
}

const LEGACY_BATCH = 2_000;

/**
 * Settles again the relations with several claims whose figures change over time: before a
 * relation's figures resolved together (domain/claims.ts), a newer troop count was stored beside
 * an older claim's additionalTroops or year. Idempotent (a settled relation is left as it is);
 * run at every start. Returns how many it changed.
 */
export function resettleFigures(db: Db, stats: QueryStats = { roundTrips: 0 }): Promise<number> {
  return writeTx(
    db,
    stats,
    async (tx) => {
      const rows = await run(tx, figureRelationsStatement());
      const changes: Touched[] = [];
      for (const row of rows) {
        const props = settledProperties(row.props as Record<string, Plain>);
        if (props) changes.push({ id: String(row.id), props });
      }
      if (changes.length > 0) await run(tx, settleRelationsStatement(changes));
      return changes.length;
    },
    BULK_TX_TIMEOUT_MS,
  );
}

/**
 * Labels the entities with a retracted source's claim that a version before the label left
 * unlabelled (see RETRACTED_CLAIMS_LABEL); idempotent, run at every start. Returns how many.
 */
export function labelRetractedClaims(
  db: Db,
  stats: QueryStats = { roundTrips: 0 },
): Promise<number> {
  return writeTx(
    db,
    stats,
    async (tx) => {
      const [row] = await run(tx, labelRetractedClaimsStatement());
      return Number(row?.labelled ?? 0);
    },
    BULK_TX_TIMEOUT_MS,
  );
}

/** Converts relations written before claims existed; returns how many it converted. */
export function migrateClaims(db: Db, stats: QueryStats = { roundTrips: 0 }): Promise<number> {
  return inBatches(db, stats, LEGACY_BATCH, async (tx) => {
    const rows = await run(tx, legacyRelationsStatement(LEGACY_BATCH));
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
      return { id: String(row.id), props: { ...stored.lists, disputed: stored.disputed } };
    });
    if (out.length > 0) await run(tx, settleRelationsStatement(out));
    return out.length;
  });
}

const PROVENANCE = /^(.+?)(Source|Previous|PreviousSource)$/;

/**
 * The claims of an entity written before entity claims existed, from its provenance
 * (`<field>Source`, `<field>Previous`, `<field>PreviousSource`, see the previous version's
 * domain/merge.ts): the source that set a field states its current value, the source of the
 * value it replaced (when known) states that one, each at its source's date (`dates`); every
 * value whose source is not known is stated by one claim without a source or a time, which
 * counts as older than every dated claim. The current values are unchanged.
 */
export function legacyEntityClaims(
  kind: Kind,
  props: Record<string, Plain>,
  dates: ReadonlyMap<string, string | null>,
): Claim[] {
  const bySource = new Map<string, Record<string, Plain>>();
  const state = (source: string, field: string, value: Plain | undefined) => {
    if (value === undefined || value === null) return;
    const values = bySource.get(source) ?? {};
    values[field] = value;
    bySource.set(source, values);
  };
  for (const field of claimedFields(kind)) {
    const current = props[field];
    const setBy = props[`${field}Source`];
    const previousBy = props[`${field}PreviousSource`];
    if (typeof setBy === "string" && setBy !== "") {
      state(setBy, field, current);
      // The value it replaced: its own source's, or one of unknown source.
      state(typeof previousBy === "string" ? previousBy : "", field, props[`${field}Previous`]);
    } else state("", field, current);
  }
  return [...bySource].map(([source, values]) =>
    entityClaim(source, source === "" ? null : (dates.get(source) ?? null), values),
  );
}

/** The provenance properties of the previous version, to remove once converted. */
function provenanceNames(kind: Kind, props: Record<string, Plain>): string[] {
  const fields = new Set(claimedFields(kind));
  return Object.keys(props).filter((name) => {
    const m = PROVENANCE.exec(name);
    return m !== null && fields.has(m[1] as string) && !(name in KINDS[kind].properties);
  });
}

/**
 * Converts entities written before entity claims existed (no claim lists): their provenance
 * becomes claims (`legacyEntityClaims`) and is removed. Idempotent: converted entities have
 * claim lists. Returns how many it converted.
 */
export function migrateEntityClaims(
  db: Db,
  stats: QueryStats = { roundTrips: 0 },
): Promise<number> {
  return inBatches(db, stats, LEGACY_BATCH, async (tx) => {
    const rows = await run(tx, legacyEntitiesStatement(LEGACY_BATCH));
    const entities = rows.flatMap((row) => {
      const props = row.props as Record<string, Plain>;
      const kind = String(props.kind);
      return isKind(kind) ? [{ id: String(row.id), kind, props }] : [];
    });
    const keys = new Set<string>();
    for (const e of entities)
      for (const field of claimedFields(e.kind))
        for (const p of [`${field}Source`, `${field}PreviousSource`])
          if (typeof e.props[p] === "string") keys.add(e.props[p] as string);
    const dates = new Map<string, string | null>();
    if (keys.size > 0)
      for (const r of await run(tx, sourceDatesStatement([...keys])))
        dates.set(String(r.key), typeof r.at === "string" ? r.at : null);
    const out = entities.map((e) => {
      const claims = legacyEntityClaims(e.kind, e.props, dates);
      const removed = Object.fromEntries(provenanceNames(e.kind, e.props).map((p) => [p, null]));
      return { id: e.id, props: { ...removed, ...encodeEntityClaims(claims) } };
    });
    if (out.length > 0) await run(tx, setEntitiesStatement(out));
    return rows.length;
  });
}

/**
 * Ranks every claim of source `key` DEPRECATED (retracted) or NORMAL, inside the caller's
 * transaction, and settles what that changes. Used by retractSource, and by ingest when the
 * document's source is retracted already, so that what a retracted source states again or anew
 * does not count either. Null when there is no such source.
 */
export async function retractInTx(
  tx: Tx,
  { key, retracted, by }: { key: string; retracted: boolean; by: string },
): Promise<{ relations: string[]; entities: string[]; already: boolean } | null> {
  const [row] = await run(tx, retractSourceStatement({ key, retracted, by }));
  if (!row) return null;
  await settleRelations(tx, (row.touched ?? []) as unknown as Touched[]);
  await settleEntities(tx, (row.claimed ?? []) as unknown as TouchedEntity[]);
  return {
    relations: Array.isArray(row.ids) ? row.ids.map(String) : [],
    entities: Array.isArray(row.keys) ? row.keys.map(String) : [],
    already: row.already === true,
  };
}
