/**
 * Single writes: create, update and delete an entity; add and remove a relation. Each is one
 * write transaction, checked against the vocabulary first (every problem reported, with its
 * path), and replaying one changes nothing. Each returns what it changed, for graphChanged.
 * The statements are src/cypher/writes.ts's (and ingest.ts's for the claims they record).
 */

import { upsertEntitiesStatement } from "../cypher/ingest.js";
import {
  addRelationStatement,
  deleteEntityStatement,
  entityByKeyStatement,
  lockedEntityStatement,
  lockedEntityWithFootprintStatement,
  removeOrphansStatement,
  removeRelationStatement,
  removeRelationsOnlyFromStatement,
  stripEntityClaimsStatement,
  stripEvidenceStatement,
  updateEntityStatement,
} from "../cypher/writes.js";
import type { Db } from "../db/driver.js";
import {
  type QueryStats,
  type Row,
  type Tx,
  type WriteAdvice,
  writeRefusal,
  writeTx,
} from "../db/run.js";
import type { Plain } from "../db/serialize.js";
import { claimValues } from "../domain/claims.js";
import { entitySchema, relationSchema } from "../domain/document.js";
import {
  decodeEntityClaims,
  encodeEntityClaims,
  entityClaim,
  keepsClaims,
  mergeEntityClaim,
  statedValues,
} from "../domain/entity-claims.js";
import {
  BadInputError,
  ConflictError,
  type InputProblem,
  LimitExceededError,
  NotFoundError,
} from "../domain/errors.js";
import { repairText } from "../domain/repair.js";
import { issueMessage } from "../domain/validate.js";
import {
  aKind,
  CONTAINMENT_RELATION_TYPES,
  isAllowedEndpoint,
  type Kind,
  parseRelationId,
  RELATION_TYPES,
  type RelationType,
} from "../domain/vocabulary.js";
import {
  retractInTx,
  settleEntities,
  settleRelations,
  type Touched,
  type TouchedEntity,
} from "./claims.js";
import { containmentCycles } from "./containment.js";
import { type EntityRecord, endsAsRead, toEntity, toRelation } from "./records.js";
import { run } from "./statement.js";

/** writeTx for a write that tells a client stopped at its budget what `advice` says. */
const advised =
  (advice: WriteAdvice) =>
  <T>(db: Db, stats: QueryStats, work: (tx: Tx) => Promise<T>) =>
    writeTx(db, stats, work, undefined, advice);

const RAISE =
  "the server's operator can raise QUERY_TIMEOUT_MS (below REQUEST_TIMEOUT_MS) so that it fits.";
/** One entity or relation: it finishes well inside the budget on a database not busy. */
const smallWrite = advised({ timedOut: "Retry it; if it is stopped again,", tooLarge: RAISE });
/**
 * A delete or a retraction: as large as what it changes, which the client cannot split (it was
 * told to split a document it never sent).
 */
const wholeWrite = (what: string) =>
  advised({
    timedOut: "It is too large for the budget:",
    tooLarge: `${what} in one transaction; ${RAISE}`,
  });
const deleteWrite = wholeWrite(
  "deleting an entity removes every relation it has (and, for a source, its claims on every relation and entity)",
);
const retractWrite = wholeWrite(
  "retracting or restoring a source settles every relation and entity it makes claims about",
);

export interface Changes {
  entities: string[];
  deletedEntities: string[];
  relations: string[];
  removedRelations: string[];
}

const NONE = (): Changes => ({
  entities: [],
  deletedEntities: [],
  relations: [],
  removedRelations: [],
});

function problemsOf(
  issues: { path: PropertyKey[]; message: string; code?: string }[],
  prefix: (string | number)[],
): InputProblem[] {
  return issues.map((i) => ({
    path: [...prefix, ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
    message: issueMessage(i),
  }));
}

export interface EntityInput {
  key: string;
  kind: Kind;
  name: string;
  aliases?: string[] | null;
  description?: string | null;
  properties?: Record<string, unknown> | null;
}

function parseEntity(input: EntityInput, prefix: (string | number)[]) {
  const parsed = entitySchema.safeParse({
    key: input.key,
    kind: input.kind,
    name: input.name,
    aliases: input.aliases ?? [],
    ...(input.description != null ? { description: input.description } : {}),
    properties: input.properties ?? {},
  });
  if (!parsed.success) {
    throw new BadInputError(
      "The entity is invalid; nothing was written.",
      problemsOf(parsed.error.issues, prefix),
    );
  }
  return parsed.data;
}

/** The fields in which a createEntity input differs from the stored entity; none: the same. */
const differences = (a: EntityRecord, b: ReturnType<typeof parseEntity>): string[] => {
  const props = b.properties as Record<string, Plain>;
  const fields: Array<[string, unknown, unknown]> = [
    ["kind", a.kind, b.kind],
    ["name", a.name, b.name],
    ["aliases", a.aliases, b.aliases],
    ["description", a.description ?? undefined, b.description ?? undefined],
    ...[...new Set([...Object.keys(a.properties), ...Object.keys(props)])]
      .sort()
      .map((k): [string, unknown, unknown] => [k, a.properties[k], props[k]]),
  ];
  return fields.filter(([, x, y]) => JSON.stringify(x) !== JSON.stringify(y)).map(([f]) => f);
};

/**
 * Creates an entity. The same input again is a no-op; a different entity under the key is a
 * CONFLICT naming the fields that differ, and the stored entity is left as it was.
 */
export async function createEntity(db: Db, stats: QueryStats, input: EntityInput, by: string) {
  const e = parseEntity(input, ["input"]);
  return smallWrite(db, stats, async (tx) => {
    // Locked (and the key reserved when new): a concurrent create of the key waits, then reads this one's.
    const [row] = await run(tx, lockedEntityStatement(e.key, true));
    if (row) {
      const existing = toEntity(row.n ?? null);
      const differ = differences(existing, e);
      if (differ.length === 0) return { entity: existing, changes: NONE() };
      // Never an upsert: replacing would drop what the stored entity holds and the input
      // lacks. Adding to an entity goes through updateEntity, or a document (ingest), which
      // records the source of each change.
      throw new ConflictError(
        `"${e.key}" already exists (${aKind(existing.kind)}) and differs in ${differ.join(", ")}; nothing was written. Use updateEntity to change it, or ingestDocument to add to it.`,
        { key: e.key },
      );
    }
    const rows = [
      {
        key: e.key,
        name: e.name,
        aliases: e.aliases,
        description: e.description ?? null,
        properties: e.properties,
      },
    ];
    // Values written without a source: the entity's claim of unknown source (domain/entity-claims.ts).
    await run(
      tx,
      upsertEntitiesStatement(keepsClaims(e.kind), {
        rows: rows.map((row) => ({
          ...row,
          kind: e.kind,
          values: claimValues(statedValues(e.kind, row)),
        })),
        by,
        source: "",
        at: "",
      }),
    );
    const [created] = await run(tx, entityByKeyStatement(e.key));
    return { entity: toEntity(created?.n ?? null), changes: { ...NONE(), entities: [e.key] } };
  });
}

export interface EntityPatch {
  name?: string | null;
  aliases?: string[] | null;
  /** null removes the description. */
  description?: string | null;
  /** Properties to set; a null value removes that property. */
  properties?: Record<string, unknown> | null;
}

/**
 * An edit's claim lists: the claim without a source (values written by hand, see
 * domain/entity-claims.ts) gains the fields the patch gives and loses those it removes.
 */
function editedClaims(kind: Kind, props: Record<string, Plain>, patch: EntityPatch) {
  if (!keepsClaims(kind)) return {};
  const claims = decodeEntityClaims(props);
  const values = { ...(claims.find((c) => c.sourceKey === "")?.values ?? {}) };
  const given: Array<[string, unknown]> = [
    ["name", patch.name],
    ["description", patch.description],
    ...Object.entries(patch.properties ?? {}),
  ];
  if (given.every(([, value]) => value === undefined)) return {};
  for (const [field, value] of given) {
    if (value === undefined) continue;
    if (value === null) delete values[field];
    else values[field] = value as Plain;
  }
  const rest = claims.filter((c) => c.sourceKey !== "");
  return encodeEntityClaims(
    Object.keys(values).length > 0 ? mergeEntityClaim(claims, entityClaim("", null, values)) : rest,
  );
}

/**
 * A Source's fields its claims depend on: the date places every claim it makes in time (its
 * asOf, else its publication date, stored with each claim when its document is ingested) and the
 * text holds every excerpt. updateEntity changed them and answered success while the claims kept
 * the old time, the relations the value of the claim latest before, and excerpts no longer in
 * the text (redteam23). They are the document's: ingesting it again restates its claims.
 */
const SOURCE_DOCUMENT_FIELDS = ["publishedAt", "asOf", "text"] as const;

/**
 * The problems of an edit that changes (or removes) a Source's document fields, compared as
 * they would be stored (`next`, parsed); none when the patch gives none or the same values.
 */
function sourceDocumentEdits(
  current: EntityRecord,
  patch: EntityPatch,
  next: Record<string, unknown>,
): InputProblem[] {
  const given = patch.properties ?? {};
  return SOURCE_DOCUMENT_FIELDS.filter(
    (field) =>
      Object.hasOwn(given, field) && (next[field] ?? null) !== (current.properties[field] ?? null),
  ).map((field) => ({
    path: ["input", "properties", field],
    message: `is the source's document's: its claims are placed at its date and quote its text, so ingest the document again with the new ${field} (ingestDocument restates its claims)`,
  }));
}

/**
 * Updates an entity's name, aliases, description or properties; its key and kind stay. The
 * values show at once, and are the entity's claim without a source: the next document or
 * retraction that touches a field resolves it from its claims again, where a dated source's
 * claim counts as newer than the edit.
 */
export async function updateEntity(
  db: Db,
  stats: QueryStats,
  { key, patch, by }: { key: string; patch: EntityPatch; by: string },
) {
  return smallWrite(db, stats, async (tx) => {
    // Locked: a concurrent update or delete of the entity waits for this one.
    const [row] = await run(tx, lockedEntityStatement(key, false));
    if (!row) throw new NotFoundError(`No entity has the key "${key}".`, { key });
    const current = toEntity(row.n ?? null);
    // The patch's values over the current ones, a null removing one. Built as own keys: an
    // assignment of a key "__proto__" replaced the object's prototype instead, so the key was
    // neither refused (createEntity refuses it) nor written, and the update answered success.
    const merged = new Map([
      ...Object.entries(current.properties),
      ...Object.entries(patch.properties ?? {}),
    ]);
    const props: Record<string, unknown> = Object.fromEntries(
      [...merged].filter(([, v]) => v !== null),
    );
    if (patch.name === null) {
      throw new BadInputError("The entity is invalid; nothing was written.", [
        { path: ["input", "name"], message: "must not be null" },
      ]);
    }
    // Aliases the patch leaves out are kept as stored, unchecked: they are the union of every
    // document's (two documents of 30 each give 60), so checked against the 50 one input may
    // give, every update of such an entity was refused at input.aliases, which the client never
    // sent (redteam31).
    const keepAliases = patch.aliases === undefined;
    const parsed = parseEntity(
      {
        key,
        kind: current.kind,
        name: patch.name ?? current.name,
        aliases: keepAliases ? [] : (patch.aliases ?? []),
        description: patch.description === undefined ? current.description : patch.description,
        properties: props,
      },
      ["input"],
    );
    const e = keepAliases ? { ...parsed, aliases: current.aliases } : parsed;
    const documentOnly =
      current.kind === "Source" ? sourceDocumentEdits(current, patch, e.properties) : [];
    if (documentOnly.length > 0)
      throw new BadInputError("The entity is invalid; nothing was written.", documentOnly);
    const removed = Object.fromEntries(
      Object.keys(current.properties)
        .filter((k) => !(k in props))
        .map((k) => [k, null]),
    );
    const [updated] = await run(
      tx,
      updateEntityStatement({
        key,
        claims: editedClaims(current.kind, row.n as Record<string, Plain>, patch),
        name: e.name,
        aliases: e.aliases,
        description: e.description ?? null,
        properties: { ...removed, ...e.properties },
        by,
      }),
    );
    if (!updated) throw new NotFoundError(`No entity has the key "${key}".`, { key });
    return {
      entity: toEntity(updated.n ?? null),
      changes: updated.changed ? { ...NONE(), entities: [key] } : NONE(),
    };
  });
}

/**
 * Deletes an entity and every relation it has; deleting a Source also takes its evidence off
 * other relations (removing those it was the only evidence for) and its claims off entities,
 * and deletes the entities it alone introduced (`entitiesRemoved`: no claim and no relation
 * left). Deleting what is not there changes nothing.
 */
export async function deleteEntity(db: Db, stats: QueryStats, key: string, by = "admin") {
  return deleteWrite(db, stats, async (tx) => {
    // Locked: of deletes racing on one key, one deletes; the others wait, then find nothing. A
    // source's delete writes what its retraction writes: the source and every entity it has
    // claims or evidence on are locked together, in key order, as retractSource locks them.
    const [current] = await run(tx, lockedEntityWithFootprintStatement(key));
    if (!current)
      return { deleted: false, relationsRemoved: 0, entitiesRemoved: [], changes: NONE() };
    const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
    const stripped = { removed: [] as string[], changed: [] as string[], entities: [] as string[] };
    if ((current.n as Row | null)?.kind === "Source") {
      const [gone] = await run(tx, removeRelationsOnlyFromStatement(key));
      const [kept] = await run(tx, stripEvidenceStatement(key));
      // What the rest of their sources state now decides their values.
      await settleRelations(tx, (kept?.touched ?? []) as unknown as Touched[]);
      stripped.removed = strings(gone?.ids);
      stripped.changed = strings(kept?.ids);
      // The fields it claimed are resolved from the claims left.
      const [claimed] = await run(tx, stripEntityClaimsStatement({ source: key, by }));
      await settleEntities(tx, (claimed?.touched ?? []) as unknown as TouchedEntity[]);
      stripped.entities = strings(claimed?.keys).filter((k) => k !== key);
    }
    const [row] = await run(tx, deleteEntityStatement(key));
    // A delete that waited for the lock of one that then committed finds nothing left to delete.
    if (!row) return { deleted: false, relationsRemoved: 0, entitiesRemoved: [], changes: NONE() };
    const removed = [...stripped.removed, ...strings(row?.removed)];
    // What only this source introduced (no other claim, no relation left) goes with it.
    let orphans: string[] = [];
    if (stripped.entities.length > 0) {
      const [gone] = await run(tx, removeOrphansStatement(stripped.entities));
      // In key order: the footprint's order is the order the source wrote in (or, for one
      // written before it recorded it, the graph's), so the same delete listed them differently.
      orphans = strings(gone?.keys).sort();
    }
    return {
      deleted: true,
      relationsRemoved: removed.length,
      entitiesRemoved: orphans,
      changes: {
        ...NONE(),
        entities: stripped.entities.filter((k) => !orphans.includes(k)),
        deletedEntities: [key, ...orphans],
        removedRelations: removed,
        relations: stripped.changed,
      },
    };
  });
}

export interface RelationInput {
  from: string;
  type: RelationType;
  to: string;
  properties?: Record<string, unknown> | null;
  inferred?: boolean | null;
  evidence: { source: string; excerpt: string };
}

/**
 * Adds a relation with its evidence, or adds the evidence to the relation if it exists (a second
 * source for the same fact). Checks endpoints against the vocabulary, and that the evidence quotes
 * a known source verbatim: one statement, which writes nothing when a check fails.
 */
export async function addRelation(db: Db, stats: QueryStats, input: RelationInput, by: string) {
  const parsed = relationSchema.safeParse({
    from: input.from,
    type: input.type,
    to: input.to,
    properties: input.properties ?? {},
    inferred: input.inferred ?? false,
    evidence: repairText(input.evidence.excerpt),
  });
  const problems: InputProblem[] = parsed.success
    ? []
    : problemsOf(parsed.error.issues, ["input"]).map((p) =>
        p.path[1] === "evidence" ? { ...p, path: ["input", "evidence", "excerpt"] } : p,
      );
  const r = parsed.success ? parsed.data : null;
  const spec = RELATION_TYPES[input.type];
  const written = smallWrite(db, stats, async (tx) => {
    const [row] = await run(
      tx,
      addRelationStatement(input.type, {
        from: input.from,
        to: input.to,
        source: input.evidence.source,
        row: {
          properties: r?.properties ?? {},
          inferred: r?.inferred ?? false,
          evidence: r?.evidence ?? "",
          values: claimValues(r?.properties ?? {}),
        },
        write: r !== null,
        fromKinds: spec.from,
        toKinds: spec.to,
        by,
      }),
    );
    const from = (row?.fromKind ?? undefined) as Kind | undefined;
    const to = (row?.toKind ?? undefined) as Kind | undefined;
    if (!from)
      problems.push({ path: ["input", "from"], message: `unknown entity "${input.from}"` });
    if (!to) problems.push({ path: ["input", "to"], message: `unknown entity "${input.to}"` });
    if (from && to && !isAllowedEndpoint(input.type, from, to)) {
      problems.push({
        path: ["input", "type"],
        message: `${input.type} cannot link ${from} -> ${to}; it links ${spec.from.join(" | ")} -> ${spec.to.join(" | ")}`,
      });
    }
    if (row?.sourceKind !== "Source") {
      problems.push({
        path: ["input", "evidence", "source"],
        message: `unknown source "${input.evidence.source}"`,
      });
    } else if (r && row.quoted === false) {
      problems.push({
        path: ["input", "evidence", "excerpt"],
        message: "must be a verbatim excerpt of the source's text",
      });
    }
    if (problems.length > 0 || !r)
      throw new BadInputError("The relation is invalid; nothing was written.", problems);
    // The statement writes only when the same checks pass in Cypher.
    if (!row?.item) throw new Error("addRelation: every check passed, but nothing was written");
    // A relation that places an entity within another must not place it within itself.
    const cycles = CONTAINMENT_RELATION_TYPES.includes(r.type)
      ? await containmentCycles(tx, [{ ...r, path: ["input", "to"] }], null, true)
      : [];
    if (cycles.length > 0)
      throw new BadInputError("The relation is invalid; nothing was written.", cycles);
    const id = `${r.from}|${r.type}|${r.to}`;
    // A second source: the relation's values are what all its claims resolve to.
    const item = row.item as Row;
    const [settled] = await settleRelations(tx, [{ id: String(row.id), props: item.props as Row }]);
    const props = { ...(item.props as Row), ...(settled?.props as Row) };
    const relation = toRelation(r.from, { ...item, props });
    return {
      // Both ends as written: the answer loads them after the commit, by when a delete may
      // have taken the start (reads29).
      relation: { ...relation, ends: endsAsRead(relation, toEntity(item.start ?? null)) },
      changes: row.outcome === "unchanged" ? NONE() : { ...NONE(), relations: [id] },
    };
  });
  // Stopped at the read budget: the relation (every source's claim, read back to settle its
  // values) is what is too large; say which one (redteam31).
  return written.catch((error: unknown) => {
    const kind = error instanceof LimitExceededError ? error.details.budget : undefined;
    if (stats.budget && (kind === "rows" || kind === "bytes"))
      throw new LimitExceededError(
        writeRefusal(stats.budget, kind, `the relation ${input.from}|${input.type}|${input.to}`),
        error instanceof LimitExceededError ? error.details : {},
      );
    throw error;
  });
}

/** Removes the relation (from, type, to) with all its evidence. Removing what is not there changes nothing. */
export async function removeRelation(
  db: Db,
  stats: QueryStats,
  { from, type, to }: { from: string; type: RelationType; to: string },
) {
  return smallWrite(db, stats, async (tx) => {
    const [row] = await run(tx, removeRelationStatement({ from, type, to }));
    const removed = Number(row?.removed ?? 0) > 0;
    return {
      removed,
      changes: removed ? { ...NONE(), removedRelations: [`${from}|${type}|${to}`] } : NONE(),
    };
  });
}

/**
 * Marks a source retracted (or restores it): every claim it makes is DEPRECATED (or NORMAL
 * again), so it no longer counts for values, disputes or corroboration but stays on record;
 * the relations it touches are settled from the claims that still count. One transaction.
 * Returns null when there is no such source.
 */
export async function retractSource(
  db: Db,
  stats: QueryStats,
  { key, retracted, by }: { key: string; retracted: boolean; by: string },
) {
  return retractWrite(db, stats, async (tx) => {
    // retractInTx locks the source's footprint in key order before it writes.
    const done = await retractInTx(tx, { key, retracted, by });
    if (!done) return null;
    // Relations only retracted sources state make no containment step (a document may have said
    // the opposite since): restoring one must not close a cycle.
    if (!retracted && !done.already) {
      const restored = done.relations.flatMap((id) => {
        const r = parseRelationId(id);
        return r && CONTAINMENT_RELATION_TYPES.includes(r.type) ? [{ ...r, path: ["key"] }] : [];
      });
      const cycles = restored.length > 0 ? await containmentCycles(tx, restored, null, true) : [];
      if (cycles.length > 0)
        throw new BadInputError(
          `Restoring "${key}" would close a containment cycle with what other sources state; nothing was changed.`,
          cycles,
        );
    }
    // Retracting a retracted source (or restoring one that counts) changes nothing: no counts of
    // changed claims and no graphChanged event. It said "2 relations, 3 entities" and announced
    // a change each time it was sent again.
    if (done.already) return { relations: 0, entities: 0, changes: NONE() };
    return {
      relations: done.relations.length,
      entities: done.entities.length,
      changes: { ...NONE(), entities: [key, ...done.entities], relations: done.relations },
    };
  });
}
