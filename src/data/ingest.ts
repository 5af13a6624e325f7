/**
 * Ingest: an idempotent upsert of one document in ONE write transaction. Entities MERGE on
 * their key, relations on (from, type, to); evidence is added once per (source, excerpt), so a
 * second source stating the same fact adds evidence instead of a duplicate relation, and
 * ingesting the same document again changes nothing (not even the audit stamps). Rows are
 * written in bounded batches; any problem rolls everything back. The statements are
 * src/cypher/ingest.ts's.
 */
import {
  createRelationsStatement,
  type EntityRow,
  lockedKindsOfKeysStatement,
  lostExcerptsStatement,
  type RelationRow,
  storedEntitiesStatement,
  storedRelationsStatement,
  upsertEntitiesStatement,
  upsertRelationsStatement,
} from "../cypher/ingest.js";
import type { Db } from "../db/driver.js";
import {
  BULK_TX_TIMEOUT_MS,
  type QueryStats,
  type Row,
  readTx,
  type Tx,
  type WriteAdvice,
  writeTx,
} from "../db/run.js";
import type { Plain } from "../db/serialize.js";
import {
  claimValues,
  decodeClaims,
  resolveRelationClaims,
  restateClaim,
  storedClaims,
} from "../domain/claims.js";
import {
  type Document,
  type DocumentEntity,
  type DocumentRelation,
  tooManyAliases,
} from "../domain/document.js";
import {
  datesOutOfOrder,
  decodeEntityClaims,
  type EntityClaimPlan,
  entityClaim,
  keepsClaims,
  mergeEntityClaim,
  planEntityClaim,
  retractedClaims,
  statedValues,
} from "../domain/entity-claims.js";
import { BadInputError, type InputProblem, MAX_PROBLEMS } from "../domain/errors.js";
import { aliasFolds } from "../domain/fold.js";
import { type EntityMerge, mergeEntity, unionAliases } from "../domain/merge.js";
import {
  checkDocument,
  externalKeys,
  lostExcerptsProblems,
  onStoredText,
  ownSourceKey,
  parseDocument,
  salvageDocument,
  sortProblems,
  sourceKeyAlternatives,
  sourceUrlProblems,
  supersedesProblems,
  textChanged,
  unsalvagePath,
} from "../domain/validate.js";
import { aKind, type Kind, type RelationType } from "../domain/vocabulary.js";
import {
  retractInTx,
  settleEntities,
  settleRelations,
  storedValues,
  type Touched,
  type TouchedEntity,
} from "./claims.js";
import { containmentCycles } from "./containment.js";
import { normalisedNames } from "./names.js";
import { toEntity } from "./records.js";
import { run } from "./statement.js";

/** Rows per query: large documents are written in slices of this size, in the same transaction. */
export const INGEST_BATCH = 2_000;

/**
 * What a write did, in the words of `ingest --check`: created; updated (a current value, an
 * alias, the inferred or disputed flag changed); corroborated (the source's claim or sentences
 * were added, no current value changed); unchanged.
 */
export interface Outcomes {
  created: number;
  updated: number;
  corroborated: number;
  unchanged: number;
}

export interface IngestSummary {
  source: string;
  /** Entities in the document, the source included. */
  entities: number;
  relations: number;
  entityOutcomes: Outcomes;
  relationOutcomes: Outcomes;
  /** Keys of entities created or changed, and ids (from|TYPE|to) of relations created or changed. */
  changed: { entities: string[]; relations: string[] };
  /** The source `supersedes` named, retracted in the same transaction, and what that changed. */
  superseded?: { key: string; relations: number; entities: number };
}

/** What a summary says of the document itself: its source and how many entities and relations. */
export function documentCounts(
  doc: Document,
): Pick<IngestSummary, "source" | "entities" | "relations"> {
  return {
    source: doc.source.key,
    entities: doc.entities.length + 1,
    relations: doc.relations.length,
  };
}

/** An entity as the upsert takes it: its fields, and (as stored, JSON) the claim they make. */
export function entityRow(
  kind: Kind,
  e: Pick<DocumentEntity, "key" | "name" | "aliases" | "description" | "properties">,
): EntityRow {
  return {
    key: e.key,
    kind,
    name: e.name,
    aliases: e.aliases ?? [],
    description: e.description ?? null,
    properties: e.properties ?? {},
    values: claimValues(statedValues(kind, e)),
  };
}

/**
 * A relation as the write statements take it: its values, and its claim's values (as stored,
 * JSON) and point in time (the relation's asOf, else the source's publication date).
 */
/**
 * Where a document writes its source's claims (cypher/footprint.ts), recorded on the source: the
 * keys of the entities it declares (of kinds that keep claims) and of both ends of its
 * relations, and its relations' ids (from|TYPE|to), each once, in the document's order.
 */
export function documentFootprint(doc: Pick<Document, "entities" | "relations">): {
  keys: string[];
  relations: string[];
} {
  const keys = new Set<string>();
  for (const e of doc.entities) if (keepsClaims(e.kind)) keys.add(e.key);
  const relations = new Set<string>();
  for (const r of doc.relations) {
    keys.add(r.from);
    keys.add(r.to);
    relations.add(`${r.from}|${r.type}|${r.to}`);
  }
  return { keys: [...keys], relations: [...relations] };
}

export function relationRow(
  r: Pick<DocumentRelation, "type" | "from" | "to" | "properties" | "inferred" | "evidence">,
  sourceAt: string | null,
): RelationRow {
  const properties = r.properties ?? {};
  const asOf = (properties as { asOf?: unknown }).asOf;
  return {
    type: r.type,
    from: r.from,
    to: r.to,
    properties,
    inferred: r.inferred,
    evidence: r.evidence,
    values: claimValues(properties),
    at: typeof asOf === "string" ? asOf : (sourceAt ?? ""),
  };
}

/**
 * The point in time of a source's claims (where a relation gives no asOf of its own): the
 * source's asOf when it has one, else its publication date.
 */
export function sourceDate(source: { properties?: Record<string, unknown> | null }): string | null {
  const asOf = source.properties?.asOf;
  if (typeof asOf === "string") return asOf;
  const published = source.properties?.publishedAt;
  return typeof published === "string" ? published : null;
}

/** Called after each batch of rows is written: rows done so far, rows in all. */
export type Progress = (done: number, total: number) => void;

/** What an ingest reports beyond its counts. */
export interface IngestOptions {
  /**
   * Whether to list the keys and ids of what changed (`changed`, for graphChanged). Callers that
   * only print counts (the CLIs, the generator) pass false; `changed` is then left empty.
   */
  listChanged?: boolean;
  /**
   * Key of a stored source this document corrects (an earlier version of the article): it is
   * retracted in the same transaction, after the document is written (supersedesProblems says
   * what may not be superseded).
   */
  supersedes?: string;
}

/** Validates `input` against the graph and writes it, inside the caller's transaction. */
export async function ingestInTx(
  tx: Tx,
  input: unknown,
  by: string,
  onProgress?: Progress,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const parsed = parseDocument(input);
  if (!parsed.ok)
    throw new BadInputError(
      "The document is invalid; nothing was written.",
      await structuralProblems(tx, input, parsed.problems, options.supersedes),
    );
  // One look-up for every key the document names: the kinds of the entities it refers to
  // without defining them (for validation), and of those it defines (which must keep their kind,
  // and which are new). It locks them first, so that a concurrent write of the same keys cannot
  // change a kind (or delete an entity) between this check and the write.
  const doc = parsed.document;
  const defined = [doc.source.key, ...doc.entities.map((e) => e.key)];
  const referred = externalKeys(doc);
  // The source it supersedes, and every entity its retraction (after the write) writes, are
  // locked with the document's keys, in their one order, as retractSource locks them; so is its
  // own source's footprint when that source is retracted (see lockedKindsOfKeysStatement). Only
  // the document's keys are checked.
  const named = new Set([...defined, ...referred]);
  const footprints = {
    own: doc.source.key,
    supersedes: options.supersedes === undefined ? null : options.supersedes,
  };
  const stored = new Map<string, Kind>();
  let retracted = false;
  let storedUrl: unknown = null;
  let storedText: unknown = null;
  const [definedSlices, referredSlices] = [
    chunks(defined, KEYS_BATCH),
    chunks(referred, KEYS_BATCH),
  ];
  const givenAliases = new Map<string, readonly string[]>(
    [doc.source, ...doc.entities]
      .filter((e) => (e.aliases ?? []).length > 0)
      .map((e) => [e.key, aliasFolds(e.aliases ?? []).aliasesLower]),
  );
  const aliasProblems: InputProblem[] = [];
  for (let i = 0; i < Math.max(definedSlices.length, referredSlices.length, 1); i++) {
    const statement = lockedKindsOfKeysStatement(
      definedSlices[i] ?? [],
      referredSlices[i] ?? [],
      i === 0 ? footprints : null,
      Object.fromEntries(
        (definedSlices[i] ?? []).flatMap((k) => {
          const folds = givenAliases.get(k);
          return folds ? [[k, folds]] : [];
        }),
      ),
    );
    for (const r of await run(tx, statement)) {
      if (!named.has(String(r.key))) continue;
      aliasProblems.push(
        ...tooManyAliases(doc, String(r.key), Number(r.aliasesStored), Number(r.aliasesAdded)),
      );
      stored.set(String(r.key), String(r.kind) as Kind);
      if (r.key === doc.source.key && r.retracted === true) retracted = true;
      if (r.key === doc.source.key) {
        storedUrl = r.url;
        storedText = r.text;
      }
    }
  }
  // The stored article sent again with other spacing keeps its text and its quoted sentences.
  const aligned = onStoredText(doc, storedText);
  const result = checkDocument(aligned, stored);
  const urlProblems = [
    ...(await urlClash(tx, aligned, storedUrl, storedText)),
    ...(await supersededProblems(tx, doc, options.supersedes, retracted)),
    ...aliasProblems,
  ];
  // The URL's problem is listed first, unless the document check already listed its fill.
  const problems = result.ok ? [] : result.problems;
  if (!result.ok || urlProblems.length > 0)
    throw new BadInputError(
      "The document is invalid; nothing was written.",
      problems.length >= MAX_PROBLEMS ? problems : [...urlProblems, ...problems],
    );
  // What the supersede may change besides the write: the document's entities and relations as
  // they were, to tell an outcome the retraction makes "updated" (below).
  const was = options.supersedes === undefined ? null : await valuesOf(tx, result.document);
  const { summary, outcomes } = await write(
    tx,
    result.document,
    stored,
    by,
    onProgress,
    options.listChanged ?? true,
    options.supersedes ?? null,
  );
  // A retracted source stays retracted when its document comes again: what it states again or
  // anew is DEPRECATED too, and the values settle without it (restore it with retractSource).
  if (retracted) await retractInTx(tx, { key: doc.source.key, retracted: true, by });
  if (options.supersedes !== undefined) {
    await supersede(tx, summary, options.supersedes, by, options.listChanged ?? true);
    // The words of the write are those of the whole transaction, as checkDocument plans it: an
    // entity or relation the document only corroborated (or restated) whose current values the
    // retraction changed was updated. It said "corroborated" of a description the correction
    // changed.
    if (was) promote(summary, outcomes, was, await valuesOf(tx, result.document));
  }
  return summary;
}

/** What write() did: the summary, and each entity's (by key) and relation's (by id) outcome. */
interface Written {
  summary: IngestSummary;
  outcomes: { entities: Map<string, keyof Outcomes>; relations: Map<string, keyof Outcomes> };
}

/**
 * The current values of a document's entities (by key: name, description, properties) and
 * relations (by from|TYPE|to: values, inferred, disputed), as JSON, to compare before and after.
 */
async function valuesOf(tx: Tx, doc: Document): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const keys = doc.entities.map((e) => e.key);
  for (const slice of chunks(keys, KEYS_BATCH))
    for (const r of await run(tx, storedEntitiesStatement(slice))) {
      // A key the document creates is locked by a bare node (no kind yet) before the write: it
      // had no values.
      if ((r.n as Record<string, Plain>).kind == null) continue;
      const e = toEntity(r.n as Record<string, Plain>);
      out.set(
        String(e.key),
        JSON.stringify([e.name, e.description ?? null, e.properties, e.aliases]),
      );
    }
  const rows = [
    ...new Map(doc.relations.map((r) => [`${r.from}|${r.type}|${r.to}`, r])).values(),
  ].map((r) => ({ from: r.from, type: r.type, to: r.to }));
  for (const slice of chunks(rows, KEYS_BATCH))
    for (const row of await run(tx, storedRelationsStatement(slice))) {
      const props = row.props as Record<string, Plain>;
      out.set(
        `${row.from}|${row.type}|${row.to}`,
        JSON.stringify([storedValues(props), props.inferred ?? null, props.disputed ?? null]),
      );
    }
  return out;
}

/** Moves each corroborated or unchanged outcome whose values `was` and `now` differ to updated. */
function promote(
  summary: IngestSummary,
  outcomes: Written["outcomes"],
  was: ReadonlyMap<string, string>,
  now: ReadonlyMap<string, string>,
) {
  for (const [map, counts] of [
    [outcomes.entities, summary.entityOutcomes],
    [outcomes.relations, summary.relationOutcomes],
  ] as const)
    for (const [key, outcome] of map) {
      if (outcome !== "corroborated" && outcome !== "unchanged") continue;
      if (!was.has(key) || was.get(key) === now.get(key)) continue;
      counts[outcome]--;
      counts.updated++;
    }
}

/**
 * The problems of `supersedes` (none when it is not given): looked up in the graph.
 * `ownRetracted`: the document's own source is stored and retracted.
 */
async function supersededProblems(
  tx: Tx,
  doc: Document,
  key: string | undefined,
  ownRetracted: boolean,
) {
  if (key === undefined) return [];
  const [row] = key === doc.source.key ? [] : await run(tx, storedEntitiesStatement([key]));
  return supersedesProblems(
    doc,
    key,
    (row?.n as Record<string, Plain> | undefined)?.kind,
    ownRetracted,
  );
}

/** A key the graph holds as another kind than the document gives it: the problem at `path`. */
function kindMismatch(
  kinds: ReadonlyMap<string, Kind>,
  key: string,
  kind: Kind,
  path: (string | number)[],
): InputProblem[] {
  const storedKind = kinds.get(key);
  return storedKind && storedKind !== kind
    ? [{ path, message: `"${key}" is already ${aKind(storedKind)}, not ${aKind(kind)}` }]
    : [];
}

/**
 * What the graph holds under `keys` (the stored node of each, by key), their kinds, and whether
 * `sourceKey` is a Source that is retracted: what a document is checked and planned against.
 */
async function storedByKey(
  tx: Tx,
  keys: readonly string[],
  sourceKey: string,
): Promise<{
  stored: Map<string, Record<string, Plain>>;
  kinds: Map<string, Kind>;
  ownRetracted: boolean;
}> {
  const stored = new Map<string, Record<string, Plain>>();
  for (const slice of chunks(keys, KEYS_BATCH)) {
    for (const r of await run(tx, storedEntitiesStatement(slice))) {
      const n = r.n as Record<string, Plain>;
      stored.set(String(n.key), n);
    }
  }
  const kinds = new Map([...stored].map(([k, n]) => [k, String(n.kind) as Kind]));
  const ownRetracted =
    kinds.get(sourceKey) === "Source" && stored.get(sourceKey)?.retracted === true;
  return { stored, kinds, ownRetracted };
}

/**
 * Every problem of a document that fails the structural check (`problems`, parseDocument's):
 * its well-formed parts (salvageDocument) are still checked against each other and the graph,
 * entities left out still defining their keys, so one pass lists unknown keys, endpoints of the
 * wrong kind and evidence not in the text along with the structural problems. The dry run and
 * the write both answer this: ingest listed the structural problems alone (one empty name hid a
 * duplicate key and every excerpt not in the text until the next try, redteam24). A list
 * already cut at MAX_PROBLEMS is returned as it is: the check stopped there to stay bounded.
 */
async function structuralProblems(
  tx: Tx,
  input: unknown,
  problems: InputProblem[],
  supersedes: string | undefined,
): Promise<InputProblem[]> {
  if (problems.length > MAX_PROBLEMS) return problems;
  const salvaged = salvageDocument(input);
  const doc = salvaged.document;
  const keys = [
    doc.source.key,
    ...doc.entities.map((e) => e.key),
    ...salvaged.declaredKinds.keys(),
    ...externalKeys(doc),
  ];
  const { kinds, ownRetracted } = await storedByKey(tx, keys, doc.source.key);
  const result = checkDocument(doc, new Map([...kinds, ...salvaged.declaredKinds]));
  return sortProblems([
    ...problems,
    ...(result.ok ? [] : result.problems.map((p) => unsalvagePath(salvaged, p))),
    ...kindMismatch(kinds, doc.source.key, "Source", ["source", "key"]),
    ...doc.entities.flatMap((e, i) =>
      kindMismatch(kinds, e.key, e.kind, ["entities", salvaged.entityIndex[i] ?? i, "key"]),
    ),
    ...(await supersededProblems(tx, doc, supersedes, ownRetracted)),
  ]);
}

/**
 * Retracts the source a document supersedes, after the document is written: what only the old
 * version stated stops counting, what both state stays on the new one's claims. The summary
 * lists what that changed (for graphChanged) and says how much.
 */
async function supersede(
  tx: Tx,
  summary: IngestSummary,
  key: string,
  by: string,
  listChanged: boolean,
) {
  const done = await retractInTx(tx, { key, retracted: true, by });
  const changed = done && !done.already ? done : { relations: [], entities: [] };
  summary.superseded = {
    key,
    relations: changed.relations.length,
    entities: changed.entities.length,
  };
  if (!listChanged || !done || done.already) return;
  const union = (a: string[], b: readonly string[]) => [...new Set([...a, ...b])];
  summary.changed.entities = union(summary.changed.entities, [key, ...changed.entities]);
  summary.changed.relations = union(summary.changed.relations, changed.relations);
}

/**
 * What a document's source may not do to the stored one: be another article under its key
 * (sourceUrlProblems), or, as the same article with another text, drop sentences the graph quotes
 * from it (lostExcerptsProblems). The key it could take instead is looked up on a refusal only.
 */
async function urlClash(tx: Tx, doc: Document, storedUrl: unknown, storedText: unknown) {
  const text = doc.source.properties?.text;
  if (sourceUrlProblems(doc, storedUrl, undefined, storedText).length === 0) {
    if (!textChanged(storedText, text)) return [];
    const [row] = await run(tx, lostExcerptsStatement(doc.source.key, String(text)));
    const lost = Number(row?.lost ?? 0);
    if (lost === 0) return [];
    const examples = ((row?.examples ?? []) as unknown[]).map(String);
    return lostExcerptsProblems(doc, lost, examples, await insteadKey(tx, doc));
  }
  return sourceUrlProblems(doc, storedUrl, await insteadKey(tx, doc), storedText);
}

/** The key a document's article may take instead of its source key (ownSourceKey). */
async function insteadKey(tx: Tx, doc: Document) {
  const alternatives = sourceKeyAlternatives(doc.source.key);
  const stored = new Map<string, { kind: unknown; url: unknown; text: unknown }>();
  for (const r of await run(tx, storedEntitiesStatement(alternatives))) {
    const n = r.n as Record<string, Plain>;
    stored.set(String(n.key), { kind: n.kind, url: n.url, text: n.text });
  }
  return ownSourceKey(
    alternatives,
    doc.source.properties?.url,
    stored,
    doc.source.properties?.text,
  );
}

/** Keys per look-up: a list parameter this long is still one cheap index seek per key. */

const KEYS_BATCH = 50_000;

/** `rows` in slices of `size`, in order. */
export function chunks<T>(rows: readonly T[], size = INGEST_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

async function write(
  tx: Tx,
  doc: Document,
  stored: ReadonlyMap<string, string>,
  by: string,
  onProgress: Progress | undefined,
  listChanged: boolean,
  /** The source this write retracts once the document is in (`supersedes`). */
  supersedes: string | null,
): Promise<Written> {
  const total = doc.entities.length + 1 + doc.relations.length;
  let done = 0;
  const advance = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };
  const all: Array<{ key: string; kind: Kind; path: (string | number)[] }> = [
    { key: doc.source.key, kind: "Source", path: ["source", "key"] },
    ...doc.entities.map((e, i) => ({ key: e.key, kind: e.kind, path: ["entities", i, "key"] })),
  ];
  const problems: InputProblem[] = [];
  for (const e of all) {
    const kind = stored.get(e.key);
    if (kind && kind !== e.kind) {
      problems.push({
        path: e.path,
        message: `"${e.key}" is already ${aKind(kind)}, not ${aKind(e.kind)}`,
      });
    }
  }
  if (problems.length > 0)
    throw new BadInputError("The document is invalid; nothing was written.", problems);

  const entityOutcomes: Outcomes = { created: 0, updated: 0, corroborated: 0, unchanged: 0 };
  const relationOutcomes: Outcomes = { created: 0, updated: 0, corroborated: 0, unchanged: 0 };
  const changed = { entities: [] as string[], relations: [] as string[] };
  /** Each entity's outcome, by key (a supersede after the write may still change its values). */
  const entityOutcomeOf = new Map<string, keyof Outcomes>();
  /** Entities this transaction created: no other transaction can have linked them yet. */
  const created = new Set<string>();
  const tally = (
    rows: Awaited<ReturnType<Tx["run"]>>,
    outcomes: Outcomes | null,
    keys: string[],
    onCreated?: (key: string) => void,
  ) => {
    for (const r of rows) {
      const outcome = String(r.outcome) as keyof Outcomes;
      const list = Array.isArray(r.keys) ? r.keys.map(String) : [];
      if (outcomes) outcomes[outcome] += list.length;
      if (outcome === "created" && onCreated) for (const k of list) onCreated(k);
      if (outcome !== "unchanged" && listChanged) keys.push(...list);
    }
  };

  // Entities in two statements: kinds that keep claims, and those that do not (the source).
  const groups = new Map<boolean, EntityRow[]>();
  for (const row of [
    { ...entityRow("Source", doc.source), footprint: documentFootprint(doc) },
    ...doc.entities.map((e) => entityRow(e.kind, e)),
  ]) {
    const claims = keepsClaims(row.kind);
    groups.set(claims, [...(groups.get(claims) ?? []), row]);
  }
  const sourceAt = sourceDate(doc.source);
  for (const [claims, group] of groups) {
    for (const rows of chunks(group)) {
      const result = await run(
        tx,
        upsertEntitiesStatement(claims, { rows, by, source: doc.source.key, at: sourceAt ?? "" }),
      );
      tally(result, entityOutcomes, changed.entities, (key) => created.add(key));
      for (const r of result)
        for (const key of Array.isArray(r.keys) ? r.keys.map(String) : [])
          entityOutcomeOf.set(key, String(r.outcome) as keyof Outcomes);
      const touched = result.flatMap((r) =>
        Array.isArray(r.touched) ? (r.touched as unknown as TouchedEntity[]) : [],
      );
      if (touched.length > 0) {
        const valuesChanged = await settleEntities(tx, touched, undefined, (key) => {
          const i = doc.entities.findIndex((e) => e.key === key);
          return i >= 0 ? ["entities", i, "properties"] : undefined;
        });
        // An entity that only gained this source's claim was corroborated, not updated (as
        // --check tells them apart): no current value and no alias changed.
        for (const t of touched) {
          const aliases =
            JSON.stringify(t.aliasesBefore ?? []) === JSON.stringify(t.props.aliases ?? []);
          if (!valuesChanged.has(t.id) && aliases) {
            entityOutcomes.updated--;
            entityOutcomes.corroborated++;
            entityOutcomeOf.set(String(t.props.key), "corroborated");
          }
        }
      }
      advance(rows.length);
    }
  }

  const pairs = new Map<string, number>();
  for (const r of doc.relations) {
    const id = `${r.from}|${r.type}|${r.to}`;
    pairs.set(id, (pairs.get(id) ?? 0) + 1);
  }
  const fresh: DocumentRelation[] = [];
  const upsert: DocumentRelation[] = [];
  for (const r of doc.relations) {
    // A relation twice in the document goes through the upsert, which merges its evidence.
    const known =
      (created.has(r.from) || created.has(r.to)) && pairs.get(`${r.from}|${r.type}|${r.to}`) === 1;
    (known ? fresh : upsert).push(r);
  }
  for (const slice of chunks(fresh)) {
    const [row] = await run(
      tx,
      createRelationsStatement({
        rows: slice.map((r) => relationRow(r, sourceAt)),
        source: doc.source.key,
        by,
      }),
    );
    if (Number(row?.created) !== slice.length)
      throw new Error(`ingest: created ${row?.created} relations of ${slice.length}`);
    relationOutcomes.created += slice.length;
    if (listChanged) for (const r of slice) changed.relations.push(`${r.from}|${r.type}|${r.to}`);
    advance(slice.length);
  }
  // A relation stated more than once in the document is written once per statement, in
  // rounds (its first statements, then its second ...): within one query every row would read
  // the relation as it was before the query, and all but one inferred flag would be lost.
  const rounds: DocumentRelation[][] = [];
  const seen = new Map<string, number>();
  for (const r of upsert) {
    const id = `${r.from}|${r.type}|${r.to}`;
    const round = seen.get(id) ?? 0;
    seen.set(id, round + 1);
    const list = rounds[round] ?? [];
    list.push(r);
    rounds[round] = list;
  }
  const restated = rounds.length > 1;
  const outcomeOf = new Map<string, keyof Outcomes>();
  // The last state of each relation with several claims, to settle once all rounds are in.
  const touched = new Map<string, Touched>();
  for (const round of rounds) {
    for (const slice of chunks(round)) {
      const result = await run(
        tx,
        upsertRelationsStatement({
          rows: slice.map((r) => relationRow(r, sourceAt)),
          source: doc.source.key,
          by,
        }),
      );
      tally(result, null, changed.relations);
      // One outcome per relation, as --check counts them: a relation stated twice in the
      // document is new (or updated ...) once; its first statement that did something decides.
      for (const row of result) {
        const outcome = String(row.outcome) as keyof Outcomes;
        for (const key of Array.isArray(row.keys) ? row.keys.map(String) : []) {
          const was = outcomeOf.get(key);
          if (was === undefined || (was === "unchanged" && outcome !== "unchanged"))
            outcomeOf.set(key, outcome);
        }
      }
      // The state before is the first round's; the properties, the last round's.
      for (const row of result)
        for (const t of Array.isArray(row.touched) ? (row.touched as unknown as Touched[]) : [])
          touched.set(t.id, { ...touched.get(t.id), ...t, ...firstOf(touched.get(t.id)) });
      advance(slice.length);
    }
  }
  for (const slice of chunks([...touched.values()])) {
    const settled = await settleRelations(tx, slice);
    slice.forEach((t, i) => {
      const after = settled[i]?.props ?? t.props;
      const grew = (after.evidenceSources as unknown[] | undefined)?.length ?? 0;
      const key = String(t.key);
      // Only this source's sentences were added, no current value changed: corroborated.
      if (
        outcomeOf.get(key) === "updated" &&
        !valuesChanged(t, after) &&
        grew > Number(t.evidenceBefore ?? 0)
      )
        outcomeOf.set(key, "corroborated");
    });
  }
  // Written, not committed: a containment cycle the document closes rolls it all back. The
  // source it supersedes is retracted after this: what only that one states closes none.
  const cycles = await containmentCycles(
    tx,
    doc.relations.map((r, i) => ({ ...r, path: ["relations", i, "to"] })),
    supersedes,
    true,
  );
  if (cycles.length > 0)
    throw new BadInputError("The document is invalid; nothing was written.", cycles);
  for (const outcome of outcomeOf.values()) relationOutcomes[outcome]++;
  if (restated) changed.relations = [...new Set(changed.relations)];
  return {
    summary: { ...documentCounts(doc), entityOutcomes, relationOutcomes, changed },
    outcomes: { entities: entityOutcomeOf, relations: outcomeOf },
  };
}

/** What ingesting a document would do to one entity it declares. */
export type EntityPlan =
  | { key: string; kind: Kind; action: "create" }
  | ({
      key: string;
      kind: Kind;
      /** corroborate: the document's source gains a claim that changes no current value. */
      action: "update" | "corroborate" | "unchanged";
      addedAliases: string[];
    } & Pick<EntityClaimPlan, "changed" | "kept"> &
      Partial<Pick<EntityClaimPlan, "outweighed">>);

/** A relation value that would change: the stored value and the one it would resolve to. */
export interface ValueChange {
  field: string;
  from: Plain;
  to: Plain;
}

/**
 * What ingesting a document would do to one relation it states (every statement of the same
 * (from, type, to) together): create it; corroborate it (add this source's sentences as evidence,
 * its values unchanged); update it (its values, inferred or disputed flag would change); or
 * leave it as it is (the document was ingested before).
 */
export interface RelationPlan {
  from: string;
  type: RelationType;
  to: string;
  action: "create" | "corroborate" | "update" | "unchanged";
  /** Sentences the relation does not hold yet. */
  addedEvidence: number;
  changed: ValueChange[];
  /**
   * Values this document states that the relation would not show: a newer claim holds, or a
   * claim at the same time comes first (`disputed`: the two disagree).
   */
  outweighed: Array<{ field: string; stated: Plain; current: Plain; disputed: boolean }>;
}

/** What ingesting a document would do, found without writing anything. */
export interface IngestPlan {
  document: Document;
  /** The source first, then the entities in document order. */
  entities: EntityPlan[];
  /** One per (from, type, to), in the order the document first states each. */
  relations: RelationPlan[];
  /**
   * The document's source is stored and retracted: ingest keeps it retracted, so what the
   * document states is recorded as DEPRECATED and no value, relation or evidence shown changes.
   */
  sourceRetracted: boolean;
  /** The stored source the document would supersede (retracted with the ingest), if one. */
  supersedes: string | null;
}

/**
 * A dry run of ingest (`ingest --check`): validates `input` against the graph exactly as
 * ingest does, and says per entity whether it would be created, or for an existing one which
 * fields would change, which aliases would be added and which fields are kept; and per relation
 * whether it would be created, corroborated, updated or left as it is. One read transaction.
 * Throws BadInputError with every problem when the document is invalid: a document that fails
 * the structural check still has its well-formed parts checked against each other and the
 * graph, so one pass reports everything.
 */
export function planIngest(
  db: Db,
  stats: QueryStats,
  input: unknown,
  options: Pick<IngestOptions, "supersedes"> = {},
): Promise<IngestPlan> {
  return readTx(db, stats, async (tx) => {
    const parsed = parseDocument(input);
    if (!parsed.ok)
      throw new BadInputError(
        "The document is invalid.",
        await structuralProblems(tx, input, parsed.problems, options.supersedes),
      );
    let doc = parsed.document;
    const declared = [
      { ...doc.source, kind: "Source" as Kind },
      ...doc.entities.map((e) => ({ ...e, kind: e.kind as Kind })),
    ];
    const keys = [...declared.map((e) => e.key), ...externalKeys(doc)];
    const { stored, kinds, ownRetracted } = await storedByKey(tx, keys, doc.source.key);
    // As ingestInTx: the stored article sent again with other spacing keeps its text.
    if (kinds.get(doc.source.key) === "Source")
      doc = onStoredText(doc, stored.get(doc.source.key)?.text);
    const result = checkDocument(doc, kinds);
    const problems: InputProblem[] = [
      ...(result.ok ? [] : result.problems),
      ...declared.flatMap((e, i) =>
        kindMismatch(
          kinds,
          e.key,
          e.kind,
          i === 0 ? ["source", "key"] : ["entities", i - 1, "key"],
        ),
      ),
      ...(kinds.get(doc.source.key) === "Source"
        ? await urlClash(tx, doc, stored.get(doc.source.key)?.url, stored.get(doc.source.key)?.text)
        : []),
      ...(await supersededProblems(tx, doc, options.supersedes, ownRetracted)),
      // What ingest would refuse after writing (a containment cycle), found without writing.
      ...(await containmentCycles(
        tx,
        doc.relations.map((r, i) => ({ ...r, path: ["relations", i, "to"] })),
        options.supersedes ?? null,
      )),
    ];
    if (!result.ok || problems.length > 0)
      throw new BadInputError("The document is invalid.", sortProblems(problems));
    const checked = [
      { ...result.document.source, kind: "Source" as Kind },
      ...result.document.entities,
    ];
    const sourceAt = sourceDate(doc.source);
    /**
     * A mission that would read as ending before it starts, as the write refuses it
     * (settleEntities), and an entity the document would give too many aliases, as the write
     * refuses it (tooManyAliases).
     */
    const datesProblems: InputProblem[] = [];
    const plan: IngestPlan = {
      document: result.document,
      sourceRetracted: stored.get(doc.source.key)?.retracted === true,
      supersedes: options.supersedes ?? null,
      entities: checked.map((e): EntityPlan => {
        const read = stored.get(e.key);
        if (!read) return { key: e.key, kind: e.kind, action: "create" };
        // Read as the names settle would leave it: ingest settles the graph before it writes,
        // the dry run writes nothing, so on a graph no server has settled since an upgrade it
        // compared this document with names and aliases as an older version stored them (an
        // alias with a no-break space was one to add, though the write would find it there).
        const n = { ...read, ...((normalisedNames(read) ?? {}) as Record<string, Plain>) };
        const before = toEntity(n);
        const incoming = {
          name: e.name,
          aliases: e.aliases ?? [],
          description: e.description ?? null,
          properties: (e.properties ?? {}) as Record<string, Plain>,
        };
        if (!keepsClaims(e.kind)) {
          // A Source's own document sets its fields (domain/merge.ts).
          const merge: EntityMerge = mergeEntity(e.kind, before, incoming);
          datesProblems.push(
            ...tooManyAliases(
              result.document,
              e.key,
              before.aliases.length,
              merge.addedAliases.length,
            ),
          );
          const action =
            merge.changed.length > 0 || merge.addedAliases.length > 0 ? "update" : "unchanged";
          return { key: e.key, kind: e.kind, action, ...merge };
        }
        // The document's claim, resolved against the entity's other claims.
        const current = {
          ...before.properties,
          name: before.name,
          description: before.description,
        };
        const claim = entityClaim(doc.source.key, sourceAt, statedValues(e.kind, incoming));
        const plan = planEntityClaim(
          e.kind,
          current,
          decodeEntityClaims(n),
          claim,
          options.supersedes ?? null,
        );
        const after = {
          ...current,
          ...Object.fromEntries(plan.changed.map((c) => [c.field, c.to])),
        } as Record<string, Plain>;
        const why = stored.get(doc.source.key)?.retracted
          ? null
          : datesOutOfOrder(
              e.kind,
              after,
              retractedClaims(
                mergeEntityClaim(decodeEntityClaims(n), claim),
                options.supersedes ?? null,
              ),
            );
        if (why) {
          const i = result.document.entities.findIndex((x) => x.key === e.key);
          datesProblems.push({ path: ["entities", i, "properties", "endDate"], message: why });
        }
        const addedAliases = unionAliases(before.aliases, incoming.aliases).slice(
          before.aliases.length,
        );
        datesProblems.push(
          ...tooManyAliases(result.document, e.key, before.aliases.length, addedAliases.length),
        );
        const restated = decodeEntityClaims(n).some(
          (c) =>
            c.sourceKey === claim.sourceKey &&
            c.at === claim.at &&
            claimValues(c.values) === claimValues(claim.values),
        );
        const action =
          plan.changed.length > 0 || addedAliases.length > 0
            ? "update"
            : restated
              ? "unchanged"
              : "corroborate";
        return { key: e.key, kind: e.kind, action, addedAliases, ...plan };
      }),
      relations: await planRelations(tx, result.document, options.supersedes ?? null),
    };
    if (datesProblems.length > 0)
      throw new BadInputError("The document is invalid.", sortProblems(datesProblems));
    return plan.sourceRetracted ? asRetracted(plan) : plan;
  });
}

/**
 * The plan of a document whose source is retracted, as ingest leaves it (ingestInTx retracts it
 * again after the write): its claims are DEPRECATED, so no entity value, relation or evidence
 * that reads show changes. New entities are still created (by key and name), aliases still added,
 * and the Source's own fields still set; a relation it alone states is stored but not shown.
 */
function asRetracted(plan: IngestPlan): IngestPlan {
  return {
    ...plan,
    entities: plan.entities.map((e): EntityPlan => {
      if (e.action === "create" || !keepsClaims(e.kind)) return e;
      const action = e.addedAliases.length > 0 ? "update" : "unchanged";
      return { ...e, action, changed: [], outweighed: [] };
    }),
    relations: plan.relations.map((r) => ({
      ...r,
      action: "unchanged",
      addedEvidence: 0,
      changed: [],
      outweighed: [],
    })),
  };
}

/**
 * Per (from, type, to) of a checked document: what ingesting its statements would do, with the
 * source it supersedes (`retracting`) retracted as the ingest retracts it.
 */
async function planRelations(
  tx: Tx,
  doc: Document,
  retracting: string | null,
): Promise<RelationPlan[]> {
  const statements = new Map<string, DocumentRelation[]>();
  for (const r of doc.relations) {
    const id = `${r.from}|${r.type}|${r.to}`;
    statements.set(id, [...(statements.get(id) ?? []), r]);
  }
  const stored = new Map<string, Record<string, Plain>>();
  const rows = [...statements.values()].map(([r]) => ({
    from: (r as DocumentRelation).from,
    type: (r as DocumentRelation).type,
    to: (r as DocumentRelation).to,
  }));
  for (const slice of chunks(rows, KEYS_BATCH)) {
    for (const row of await run(tx, storedRelationsStatement(slice)))
      stored.set(`${row.from}|${row.type}|${row.to}`, row.props as Record<string, Plain>);
  }
  const sourceAt = sourceDate(doc.source);
  return [...statements].map(([id, list]): RelationPlan => {
    const first = list[0] as DocumentRelation;
    const base = { from: first.from, type: first.type, to: first.to };
    const props = stored.get(id);
    if (!props)
      return { ...base, action: "create", addedEvidence: list.length, changed: [], outweighed: [] };
    const before = decodeClaims(props, storedValues(props));
    let after = retractedClaims(before, retracting);
    const stated: Record<string, Plain> = {};
    for (const r of list) {
      const row = relationRow(r, sourceAt);
      const values = JSON.parse(row.values) as Record<string, Plain>;
      Object.assign(stated, values);
      after = restateClaim(after, {
        sourceKey: doc.source.key,
        excerpt: r.evidence,
        inferred: r.inferred,
        at: row.at === "" ? null : row.at,
        values,
        rank: "NORMAL",
      });
    }
    const was = storedClaims(before);
    const will = storedClaims(after);
    const changed: ValueChange[] = [];
    for (const field of new Set([...Object.keys(was.values), ...Object.keys(will.values)])) {
      const from = was.values[field] ?? null;
      const to = will.values[field] ?? null;
      if (JSON.stringify(from) !== JSON.stringify(to)) changed.push({ field, from, to });
    }
    for (const flag of ["inferred", "disputed"] as const)
      if (was[flag] !== will[flag]) changed.push({ field: flag, from: was[flag], to: will[flag] });
    const resolved = resolveRelationClaims(after);
    const outweighed = Object.entries(stated)
      .filter(
        ([field, value]) => JSON.stringify(value) !== JSON.stringify(will.values[field] ?? null),
      )
      .map(([field, value]) => ({
        field,
        stated: value,
        current: will.values[field] ?? null,
        disputed: resolved.disputedProperties.includes(field),
      }));
    const addedEvidence = will.lists.evidenceExcerpts.length - was.lists.evidenceExcerpts.length;
    const same = JSON.stringify(was.lists) === JSON.stringify(will.lists);
    const action =
      changed.length > 0
        ? "update"
        : same
          ? "unchanged"
          : addedEvidence > 0
            ? "corroborate"
            : "update";
    return { ...base, action, addedEvidence, changed, outweighed };
  });
}

/** The state before a relation's first statement in this write, kept over later rounds. */
const firstOf = (t: Touched | undefined) =>
  t ? { inferredBefore: t.inferredBefore, evidenceBefore: t.evidenceBefore } : {};

/**
 * Whether settling left a relation with other current values than it had before this write:
 * a figure or property, `disputed`, or `inferred` (the claims alone do not count).
 */
function valuesChanged(t: Touched, after: Row): boolean {
  const before = t.props as Record<string, Plain>;
  const now = after as Record<string, Plain>;
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return (
    !same(storedValues(before), storedValues(now)) ||
    !same(before.disputed, now.disputed) ||
    !same(t.inferredBefore, now.inferred)
  );
}

/** Ingests one document in one write transaction: all of it, or nothing. `by` names the writer. */
export function ingestDocument(
  db: Db,
  stats: QueryStats,
  input: unknown,
  by = "ingest",
  onProgress?: Progress,
  timeoutMs?: number,
  options?: IngestOptions,
): Promise<IngestSummary> {
  const work = (tx: Tx) => ingestInTx(tx, input, by, onProgress, options);
  if (options?.supersedes === undefined) return writeTx(db, stats, work, timeoutMs);
  return writeTx(db, stats, work, timeoutMs, supersedeAdvice(options.supersedes));
}

/**
 * A corrected article stopped at its budget: the retraction of the version it supersedes runs in
 * its transaction, so a small correction of a large source was told to split the document it
 * sent, which would not have helped (redteam21).
 */
const supersedeAdvice = (old: string): WriteAdvice => ({
  timedOut: "Retry it; if it is stopped again,",
  tooLarge: `superseding retracts what "${old}" states in the same transaction, and settles every relation and entity it makes claims about: ingest the corrected article with \`npm run ingest -- --supersedes ${old} FILE\`, whose transaction may run longer, or ask the server's operator to raise QUERY_TIMEOUT_MS (below REQUEST_TIMEOUT_MS).`,
});

/**
 * Transaction timeout for bulk ingest outside a request (seed, CLIs, generator): a cold server
 * can take longer than a request's budget to plan and write a large document. Neo4j's own
 * db.transaction.timeout still applies.
 */
export const BULK_INGEST_TIMEOUT_MS = BULK_TX_TIMEOUT_MS;
