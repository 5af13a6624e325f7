/**
 * Single writes: create, update and delete an entity; add and remove a relation. Each is one
 * write transaction, checked against the vocabulary first (every problem reported, with its
 * path), and replaying one changes nothing. Each returns what it changed, for graphChanged.
 */

import { asMap } from "../cypher/projection.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, type Row, writeTx } from "../db/run.js";
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
  NotFoundError,
} from "../domain/errors.js";
import { repairText } from "../domain/repair.js";
import {
  isAllowedEndpoint,
  type Kind,
  RELATION_TYPES,
  type RelationType,
} from "../domain/vocabulary.js";
import { settleEntities, settleRelations, type Touched, type TouchedEntity } from "./claims.js";
import { mergeRelationCypher, upsertEntitiesCypher } from "./ingest.js";
import { type EntityRecord, type RelationRecord, toEntity, toRelation } from "./records.js";

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
  issues: { path: PropertyKey[]; message: string }[],
  prefix: (string | number)[],
): InputProblem[] {
  return issues.map((i) => ({
    path: [...prefix, ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
    message: i.message,
  }));
}

const ENTITY = `MATCH (n:Entity {key: $key}) RETURN ${asMap("n")} AS n`;

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
  return writeTx(db, stats, async (tx) => {
    const [row] = await tx.run(ENTITY, { key: e.key });
    if (row) {
      const existing = toEntity(row.n ?? null);
      const differ = differences(existing, e);
      if (differ.length === 0) return { entity: existing, changes: NONE() };
      // Never an upsert: replacing would drop what the stored entity holds and the input
      // lacks. Adding to an entity goes through updateEntity, or a document (ingest), which
      // records the source of each change.
      throw new ConflictError(
        `"${e.key}" already exists (a ${existing.kind}) and differs in ${differ.join(", ")}; nothing was written. Use updateEntity to change it, or ingestDocument to add to it.`,
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
    await tx.run(upsertEntitiesCypher(e.kind), {
      rows: rows.map((row) => ({ ...row, values: claimValues(statedValues(e.kind, row)) })),
      kind: e.kind,
      by,
      source: "",
      at: "",
    });
    const [created] = await tx.run(ENTITY, { key: e.key });
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

const UPDATE = `
MATCH (n:Entity {key: $key})
WITH n, properties(n) AS before
SET n.name = $name, n.nameLower = toLower($name), n.aliases = $aliases, n.description = $description
SET n += $properties
SET n += $claims
WITH n, before <> properties(n) AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET n.updatedAt = datetime(), n.updatedBy = $by)
RETURN ${asMap("n")} AS n, changed`;

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
  return writeTx(db, stats, async (tx) => {
    const [row] = await tx.run(ENTITY, { key });
    if (!row) throw new NotFoundError(`No entity has the key "${key}".`, { key });
    const current = toEntity(row.n ?? null);
    const props: Record<string, unknown> = { ...current.properties };
    for (const [k, v] of Object.entries(patch.properties ?? {})) {
      if (v === null) delete props[k];
      else props[k] = v;
    }
    if (patch.name === null) {
      throw new BadInputError("The entity is invalid; nothing was written.", [
        { path: ["input", "name"], message: "must not be null" },
      ]);
    }
    const e = parseEntity(
      {
        key,
        kind: current.kind,
        name: patch.name ?? current.name,
        aliases: patch.aliases === undefined ? current.aliases : (patch.aliases ?? []),
        description: patch.description === undefined ? current.description : patch.description,
        properties: props,
      },
      ["input"],
    );
    const removed = Object.fromEntries(
      Object.keys(current.properties)
        .filter((k) => !(k in props))
        .map((k) => [k, null]),
    );
    const [updated] = await tx.run(UPDATE, {
      key,
      claims: editedClaims(current.kind, row.n as Record<string, Plain>, patch),
      name: e.name,
      aliases: e.aliases,
      description: e.description ?? null,
      properties: { ...removed, ...e.properties },
      by,
    });
    return {
      entity: toEntity(updated?.n ?? null),
      changes: updated?.changed ? { ...NONE(), entities: [key] } : NONE(),
    };
  });
}

/**
 * Taking the evidence of some sources off every relation, in two steps: relations left with no
 * evidence are removed (every relation must cite a sentence), the others keep the rest of their
 * evidence. Relationship properties are not indexed by list membership, so this scans
 * relationships: it runs only when a Source is deleted.
 */
export const REMOVE_RELATIONS_ONLY_FROM = `
MATCH (a)-[r]->(b) WHERE any(k IN coalesce(r.evidenceSources, []) WHERE k IN $sources)
  AND all(k IN r.evidenceSources WHERE k IN $sources)
WITH r, a.key + '|' + type(r) + '|' + b.key AS id
DELETE r
RETURN collect(id) AS ids`;

export const STRIP_EVIDENCE_FROM = `
MATCH (a)-[r]->(b) WHERE any(k IN coalesce(r.evidenceSources, []) WHERE k IN $sources)
WITH a, b, r,
     [i IN range(0, size(r.evidenceSources) - 1) WHERE NOT r.evidenceSources[i] IN $sources] AS keep,
     coalesce(r.evidenceInferred, [x IN r.evidenceSources | coalesce(r.inferred, false)]) AS flags,
     coalesce(r.evidenceAt, [x IN r.evidenceSources | ""]) AS ats,
     coalesce(r.evidenceValues, [x IN r.evidenceSources | ""]) AS vals,
     coalesce(r.evidenceRanks, [x IN r.evidenceSources | "NORMAL"]) AS ranks
SET r.evidenceSources = [i IN keep | r.evidenceSources[i]],
    r.evidenceExcerpts = [i IN keep | r.evidenceExcerpts[i]],
    r.evidenceInferred = [i IN keep | flags[i]],
    r.evidenceAt = [i IN keep | ats[i]],
    r.evidenceValues = [i IN keep | vals[i]],
    r.evidenceRanks = [i IN keep | ranks[i]],
    r.inferred = all(i IN keep WHERE flags[i])
RETURN collect(a.key + '|' + type(r) + '|' + b.key) AS ids,
       collect({id: elementId(r), props: properties(r)}) AS touched`;

/**
 * Taking a deleted source's claims off every entity (an entity stays: its other claims and the
 * values without a claim are kept). Node properties are not indexed by list membership, so
 * this scans entities: it runs only when a Source is deleted.
 */
export const STRIP_ENTITY_CLAIMS_FROM = `
MATCH (n:Entity) WHERE $source IN coalesce(n.claimSources, [])
WITH n, [i IN range(0, size(n.claimSources) - 1) WHERE n.claimSources[i] = $source] AS gone
WITH n, gone, [i IN range(0, size(n.claimSources) - 1) WHERE NOT i IN gone] AS keep
WITH n, n.claimValues[gone[0]] AS replaced, keep
SET n.claimSources = [i IN keep | n.claimSources[i]],
    n.claimAt = [i IN keep | n.claimAt[i]],
    n.claimValues = [i IN keep | n.claimValues[i]],
    n.claimRanks = [i IN keep | n.claimRanks[i]],
    n.updatedAt = datetime(), n.updatedBy = $by
RETURN collect(n.key) AS keys,
       collect({id: elementId(n), props: properties(n), replaced: replaced}) AS touched`;

const DELETE = `
MATCH (n:Entity {key: $key})
OPTIONAL MATCH (n)-[r]-(m:Entity)
WITH n, collect(CASE WHEN r IS NULL THEN null
  WHEN startNode(r) = n THEN n.key + '|' + type(r) + '|' + m.key
  ELSE m.key + '|' + type(r) + '|' + n.key END) AS removed
DETACH DELETE n
RETURN removed`;

/**
 * Deletes an entity and every relation it has; deleting a Source also takes its evidence off
 * other relations (removing those it was the only evidence for). Deleting what is not there
 * changes nothing.
 */
export async function deleteEntity(db: Db, stats: QueryStats, key: string, by = "admin") {
  return writeTx(db, stats, async (tx) => {
    const [current] = await tx.run(ENTITY, { key });
    if (!current) return { deleted: false, relationsRemoved: 0, changes: NONE() };
    const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
    const stripped = { removed: [] as string[], changed: [] as string[], entities: [] as string[] };
    if ((current.n as Row | null)?.kind === "Source") {
      const [gone] = await tx.run(REMOVE_RELATIONS_ONLY_FROM, { sources: [key] });
      const [kept] = await tx.run(STRIP_EVIDENCE_FROM, { sources: [key] });
      // What the rest of their sources state now decides their values.
      await settleRelations(tx, (kept?.touched ?? []) as unknown as Touched[]);
      stripped.removed = strings(gone?.ids);
      stripped.changed = strings(kept?.ids);
      // The fields it claimed are resolved from the claims left.
      const [claimed] = await tx.run(STRIP_ENTITY_CLAIMS_FROM, { source: key, by });
      await settleEntities(tx, (claimed?.touched ?? []) as unknown as TouchedEntity[]);
      stripped.entities = strings(claimed?.keys).filter((k) => k !== key);
    }
    const [row] = await tx.run(DELETE, { key });
    const removed = [...stripped.removed, ...strings(row?.removed)];
    return {
      deleted: true,
      relationsRemoved: removed.length,
      changes: {
        ...NONE(),
        entities: stripped.entities,
        deletedEntities: [key],
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
 * The checks and the write in one statement. It reads the ends' kinds and whether the source
 * quotes the excerpt (in Neo4j: no text is sent back), and writes only when `$write` is set and
 * every check passes: the ends' kinds are among the registry's for the type (`$fromKinds`,
 * `$toKinds`), the source is a Source and quotes the excerpt. It returns what it read, and the
 * outcome and the relation as saved when it wrote.
 */
const ADD_RELATION = (type: RelationType) => `
OPTIONAL MATCH (a:Entity {key: $from})
OPTIONAL MATCH (b:Entity {key: $to})
OPTIONAL MATCH (s:Entity {key: $source})
WITH a, b, s, s.text IS NULL OR s.text CONTAINS $row.evidence AS quoted
OPTIONAL CALL (a, b, s, quoted) {
  // The claim holds at the relation's asOf, else at the source's (its asOf, or publication date).
  WITH a, b, s, quoted, $row AS given
  WITH a, b, s, quoted, given {.*, at: coalesce(given.properties.asOf, s.asOf, s.publishedAt, "")} AS row
  WHERE $write AND a.kind IN $fromKinds AND b.kind IN $toKinds AND s.kind = 'Source' AND quoted${mergeRelationCypher(type)}
  RETURN outcome, {props: ${asMap("r")}, type: type(r), out: true, m: ${asMap("b")}} AS item,
         elementId(r) AS id, properties(r) AS stored
}
RETURN a.kind AS fromKind, b.kind AS toKind, s.kind AS sourceKind, quoted, outcome, item, id, stored`;

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
  return writeTx(db, stats, async (tx) => {
    const [row] = await tx.run(ADD_RELATION(input.type), {
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
    });
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
    const id = `${r.from}|${r.type}|${r.to}`;
    // A second source: the relation's values are what all its claims resolve to.
    const [settled] = await settleRelations(tx, [{ id: String(row.id), props: row.stored as Row }]);
    const item = row.item as Row;
    const props = { ...(item.props as Row), ...(settled?.props as Row) };
    return {
      relation: toRelation(r.from, { ...item, props }) as RelationRecord,
      changes: row.outcome === "unchanged" ? NONE() : { ...NONE(), relations: [id] },
    };
  });
}

const REMOVE = (type: RelationType) => `
MATCH (:Entity {key: $from})-[r:${type}]->(:Entity {key: $to})
DELETE r
RETURN count(*) AS removed`;

/** Removes the relation (from, type, to) with all its evidence. Removing what is not there changes nothing. */
export async function removeRelation(
  db: Db,
  stats: QueryStats,
  { from, type, to }: { from: string; type: RelationType; to: string },
) {
  return writeTx(db, stats, async (tx) => {
    const [row] = await tx.run(REMOVE(type), { from, to });
    const removed = Number(row?.removed ?? 0) > 0;
    return {
      removed,
      changes: removed ? { ...NONE(), removedRelations: [`${from}|${type}|${to}`] } : NONE(),
    };
  });
}

const RETRACT_SOURCE = `
MATCH (s:Entity {key: $key}) WHERE s:Source
SET s.retracted = $retracted
WITH s
OPTIONAL MATCH (a)-[r]->(b) WHERE $key IN coalesce(r.evidenceSources, [])
WITH s, a, r, b,
     coalesce(r.evidenceRanks, [x IN coalesce(r.evidenceSources, []) | "NORMAL"]) AS ranks
FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END |
  SET r.evidenceRanks = [i IN range(0, size(r.evidenceSources) - 1) |
    CASE WHEN r.evidenceSources[i] = $key THEN $rank ELSE ranks[i] END])
RETURN s.key AS key,
       collect(CASE WHEN r IS NULL THEN null ELSE a.key + '|' + type(r) + '|' + b.key END) AS ids,
       collect(CASE WHEN r IS NULL THEN null ELSE {id: elementId(r), props: properties(r)} END) AS touched`;

/** The same for the source's claims on entities: ranked, then their fields settled. */
const RETRACT_ENTITY_CLAIMS = `
MATCH (n:Entity) WHERE $key IN coalesce(n.claimSources, [])
WITH n, [i IN range(0, size(n.claimSources) - 1) WHERE n.claimSources[i] = $key][0] AS idx
WITH n, idx, n.claimRanks[idx] <> $rank AS changes
SET n.claimRanks = [i IN range(0, size(n.claimSources) - 1) |
      CASE WHEN i = idx THEN $rank ELSE n.claimRanks[i] END]
FOREACH (_ IN CASE WHEN changes THEN [1] ELSE [] END | SET n.updatedAt = datetime(), n.updatedBy = $by)
RETURN collect(n.key) AS keys,
       collect({id: elementId(n), props: properties(n), values: n.claimValues[idx]}) AS touched`;

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
  return writeTx(db, stats, async (tx) => {
    const [row] = await tx.run(RETRACT_SOURCE, {
      key,
      retracted,
      rank: retracted ? "DEPRECATED" : "NORMAL",
    });
    if (!row) return null;
    await settleRelations(tx, (row.touched ?? []) as unknown as Touched[]);
    const [claimed] = await tx.run(RETRACT_ENTITY_CLAIMS, {
      key,
      rank: retracted ? "DEPRECATED" : "NORMAL",
      by,
    });
    await settleEntities(tx, (claimed?.touched ?? []) as unknown as TouchedEntity[]);
    const ids = Array.isArray(row.ids) ? row.ids.map(String) : [];
    const entities = Array.isArray(claimed?.keys) ? claimed.keys.map(String) : [];
    return {
      relations: ids.length,
      entities: entities.length,
      changes: { ...NONE(), entities: [key, ...entities], relations: ids },
    };
  });
}
