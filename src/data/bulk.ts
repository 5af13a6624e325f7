/**
 * Bulk load for initial loads: documents are validated exactly as ingest validates them, merged
 * in memory with ingest's semantics (entities upserted on their key, relations on (from, type,
 * to), evidence once per (source, excerpt) with its own inferred flag), written as CSV and
 * loaded by Neo4j's own offline importer (`neo4j-admin database import full`) into an EMPTY,
 * STOPPED local instance. The graph it writes is the one the transactional path would write
 * for the same documents in the same order: the same labels (Entity and the kind), properties
 * (nameLower, aliases, the evidence lists, inferred, updatedAt as a DateTime, updatedBy) and
 * types (integer-typed properties as Integers, other numbers as floats). Only updatedAt differs: one instant for
 * the whole load instead of one per transaction.
 *
 * Labels and relationship types come from the vocabulary only; values only ever reach Neo4j as
 * CSV fields, never as Cypher.
 */
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import type { Plain } from "../db/serialize.js";
import { type Claim, mergeClaim, storedClaims } from "../domain/claims.js";
import { type Document, tooManyAliases } from "../domain/document.js";
import {
  datesOutOfOrder,
  encodeEntityClaims,
  entityClaim,
  keepsClaims,
  mergeEntityClaim,
  settledFields,
  statedValues,
} from "../domain/entity-claims.js";
import { BadInputError, type InputProblem } from "../domain/errors.js";
import { storedFolds } from "../domain/fold.js";
import { unionAliases } from "../domain/merge.js";
import { checkDocument, parseDocument } from "../domain/validate.js";
import {
  aKind,
  CONTAINMENT_RELATION_TYPES,
  KIND_NAMES,
  KINDS,
  type Kind,
  type PropertyType,
  RELATION_TYPE_NAMES,
  type RelationType,
  relationProperties,
} from "../domain/vocabulary.js";
import { containmentEnds, cyclesAmong } from "./containment.js";
import {
  documentCounts,
  documentFootprint,
  type Outcomes,
  relationRow,
  sourceDate,
} from "./ingest.js";

/** Separates the elements of a list inside one CSV field (the unit separator, U+001F). */
export const ARRAY_DELIMITER = "\u001f";

interface NodeRecord {
  kind: Kind;
  key: string;
  name: string;
  aliases: string[];
  description: string | null;
  properties: Record<string, unknown>;
  /** What each source states about its fields (domain/entity-claims.ts); none for a Source. */
  claims: Claim[];
}

interface RelationRecord {
  type: RelationType;
  from: string;
  to: string;
  /** Every source's claim, in canonical order (domain/claims.ts); the values resolve from them. */
  claims: Claim[];
}

/** The properties a relation is stored with: its resolved values, claim lists and flags. */
export function storedRelation(r: Pick<RelationRecord, "claims">): Record<string, Plain> {
  const { values, lists, inferred, disputed } = storedClaims(r.claims);
  return { ...values, ...lists, inferred, disputed };
}

/** What one document added, as ingest reports it. */
export interface BulkDocumentSummary {
  source: string;
  entities: number;
  relations: number;
  entityOutcomes: Outcomes;
  relationOutcomes: Outcomes;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether two claim lists resolve to the same current values and flags (as --check compares). */
function sameValues(a: readonly Claim[], b: readonly Claim[]): boolean {
  const was = storedClaims(a);
  const will = storedClaims(b);
  return (
    same(was.values, will.values) &&
    was.disputed === will.disputed &&
    was.inferred === will.inferred
  );
}

/** The graph being assembled for one bulk load, in memory. */
export class BulkGraph {
  readonly nodes = new Map<string, NodeRecord>();
  readonly relations = new Map<string, RelationRecord>();
  /** Each source's footprint lists (cypher/footprint.ts), as ingest records them: in order, once each. */
  private readonly footprints = new Map<string, { keys: Set<string>; relations: Set<string> }>();
  /** Containment relations merged so far: each key to the keys it lies directly within. */
  private readonly within = new Map<string, Set<string>>();

  get relationCount(): number {
    return this.relations.size;
  }

  /**
   * Validates one document against what is already here (as ingest validates against the
   * graph) and merges it; throws BadInputError, and adds nothing, when it is invalid.
   */
  add(input: unknown): BulkDocumentSummary {
    const parsed = parseDocument(input);
    if (!parsed.ok)
      throw new BadInputError("The document is invalid; nothing was written.", parsed.problems);
    const kinds = new Map<string, Kind>();
    for (const r of parsed.document.relations) {
      for (const key of [r.from, r.to]) {
        const kind = this.nodes.get(key)?.kind;
        if (kind) kinds.set(key, kind);
      }
    }
    const result = checkDocument(parsed.document, kinds);
    if (!result.ok)
      throw new BadInputError("The document is invalid; nothing was written.", result.problems);
    const doc = result.document;
    const problems: InputProblem[] = [];
    const check = (key: string, kind: Kind, path: (string | number)[]) => {
      const stored = this.nodes.get(key)?.kind;
      if (stored && stored !== kind)
        problems.push({
          path,
          message: `"${key}" is already ${aKind(stored)}, not ${aKind(kind)}`,
        });
    };
    check(doc.source.key, "Source", ["source", "key"]);
    doc.entities.forEach((e, i) => {
      check(e.key, e.kind, ["entities", i, "key"]);
    });
    // As ingest refuses a containment cycle, made of the graph's relations and its own.
    problems.push(
      ...cyclesAmong(
        doc.relations.map((r, i) => ({ ...r, path: ["relations", i, "to"] })),
        this.reach(containmentEnds(doc.relations)),
      ),
    );
    // As ingest refuses a mission its dates would leave ending before it starts, each date
    // being its own latest claim's (data/claims.ts settleEntities).
    const sourceAt = sourceDate(doc.source);
    doc.entities.forEach((e, i) => {
      const old = this.nodes.get(e.key);
      if (!old || !keepsClaims(e.kind)) return;
      const claims = mergeEntityClaim(
        old.claims,
        entityClaim(doc.source.key, sourceAt, statedValues(e.kind, e)),
      );
      const dates = settledFields(claims, ["startDate", "endDate"], old.name);
      const why = datesOutOfOrder(e.kind, { ...old.properties, ...dates } as never, claims);
      if (why) problems.push({ path: ["entities", i, "properties", "endDate"], message: why });
    });
    // As ingest refuses a document that would give an entity more aliases than one holds.
    for (const e of [doc.source, ...doc.entities]) {
      const old = this.nodes.get(e.key);
      if (!old) continue;
      const added = unionAliases(old.aliases, e.aliases ?? []).length - old.aliases.length;
      problems.push(...tooManyAliases(doc, e.key, old.aliases.length, added));
    }
    if (problems.length > 0)
      throw new BadInputError("The document is invalid; nothing was written.", problems);
    return this.merge(doc);
  }

  /**
   * The pairs (a, b) of `keys` where a lies within b through the containment relations merged
   * so far by a way up on which no other of `keys` lies (as containmentStepsStatement reads them
   * from a graph): a walk up from each key.
   */
  private reach(keys: readonly string[]): [string, string][] {
    const wanted = new Set(keys);
    const pairs: [string, string][] = [];
    for (const start of keys) {
      const seen = new Set<string>();
      const todo = [...(this.within.get(start) ?? [])];
      for (let k = todo.pop(); k !== undefined; k = todo.pop()) {
        if (seen.has(k)) continue;
        seen.add(k);
        // The walk stops at the first of `keys` (what lies above it is its own walk's), so a
        // chain of keys costs a step each, not the chain above each.
        if (wanted.has(k)) pairs.push([start, k]);
        else todo.push(...(this.within.get(k) ?? []));
      }
    }
    return pairs;
  }

  private merge(doc: Document): BulkDocumentSummary {
    const entityOutcomes: Outcomes = { created: 0, updated: 0, corroborated: 0, unchanged: 0 };
    const relationOutcomes: Outcomes = { created: 0, updated: 0, corroborated: 0, unchanged: 0 };
    const entities: Array<
      Omit<NodeRecord, "aliases" | "description" | "claims"> & Partial<NodeRecord>
    > = [{ ...doc.source, kind: "Source" }, ...doc.entities];
    const sourceAt = sourceDate(doc.source);
    for (const e of entities) {
      const old = this.nodes.get(e.key);
      // As ingest's upsert: aliases a union; a new entity takes the document's fields; an
      // existing one records the source's claim and takes what its claims resolve to for the
      // fields that claim states (or stated before). A Source's document sets its own fields.
      const aliases = old ? unionAliases(old.aliases, e.aliases ?? []) : (e.aliases ?? []);
      let next: NodeRecord;
      if (!keepsClaims(e.kind) || !old) {
        next = {
          kind: e.kind,
          key: e.key,
          name: e.name,
          aliases,
          description: e.description ?? old?.description ?? null,
          properties: { ...(old?.properties ?? {}), ...(e.properties ?? {}) },
          claims: keepsClaims(e.kind)
            ? [entityClaim(doc.source.key, sourceAt, statedValues(e.kind, e))]
            : [],
        };
      } else {
        const claim = entityClaim(doc.source.key, sourceAt, statedValues(e.kind, e));
        const replaced = old.claims.find((c) => c.sourceKey === claim.sourceKey);
        const claims = mergeEntityClaim(old.claims, claim);
        const fields = new Set([
          ...Object.keys(claim.values),
          ...Object.keys(replaced?.values ?? {}),
        ]);
        const settled = settledFields(claims, fields, old.name);
        const properties: Record<string, unknown> = { ...old.properties };
        let description = old.description;
        for (const [field, value] of Object.entries(settled)) {
          if (field === "name") continue;
          if (field === "description") description = typeof value === "string" ? value : null;
          else if (value === null) delete properties[field];
          else properties[field] = value;
        }
        next = {
          kind: e.kind,
          key: e.key,
          name: String(settled.name ?? old.name),
          aliases,
          description,
          properties,
          claims,
        };
      }
      if (!old) entityOutcomes.created++;
      else if (same(old, next)) entityOutcomes.unchanged++;
      else if (same({ ...old, claims: null }, { ...next, claims: null }))
        entityOutcomes.corroborated++;
      else entityOutcomes.updated++;
      this.nodes.set(e.key, next);
    }
    for (const r of doc.relations) {
      const id = `${r.from}|${r.type}|${r.to}`;
      const old = this.relations.get(id);
      // As ingest: one claim per (source, sentence), restated in place; values resolved from all.
      const row = relationRow(r, sourceAt);
      const claim: Claim = {
        sourceKey: doc.source.key,
        excerpt: r.evidence,
        inferred: r.inferred,
        at: row.at === "" ? null : row.at,
        values: (r.properties ?? {}) as Record<string, Plain>,
        rank: "NORMAL",
      };
      const next: RelationRecord = {
        type: r.type,
        from: r.from,
        to: r.to,
        claims: mergeClaim(old?.claims ?? [], claim),
      };
      if (!old) relationOutcomes.created++;
      else if (same(old, next)) relationOutcomes.unchanged++;
      else if (sameValues(old.claims, next.claims)) relationOutcomes.corroborated++;
      else relationOutcomes.updated++;
      this.relations.set(id, next);
      if (CONTAINMENT_RELATION_TYPES.includes(r.type)) {
        const up = this.within.get(r.from) ?? new Set<string>();
        this.within.set(r.from, up.add(r.to));
      }
    }
    const footprint = this.footprints.get(doc.source.key) ?? {
      keys: new Set(),
      relations: new Set(),
    };
    const written = documentFootprint(doc);
    for (const k of written.keys) footprint.keys.add(k);
    for (const id of written.relations) footprint.relations.add(id);
    this.footprints.set(doc.source.key, footprint);
    return { ...documentCounts(doc), entityOutcomes, relationOutcomes };
  }

  /**
   * A source's footprint lists as CSV fields (an empty one is set by the load: the importer
   * writes no empty list).
   */
  private footprintFields(key: string): string[] {
    const footprint = this.footprints.get(key);
    return [
      quoteList([...(footprint?.keys ?? [])], `${key}: footprint`),
      quoteList([...(footprint?.relations ?? [])], `${key}: footprint relations`),
    ];
  }

  /**
   * Writes the CSV files and returns the importer's arguments for them. `updatedAt` is one
   * ISO instant for every node and relationship; `updatedBy` names the writer.
   */
  async writeCsv(dir: string, updatedAt: string, updatedBy: string): Promise<CsvFiles> {
    mkdirSync(dir, { recursive: true });
    const files = new CsvFiles(dir);
    const stamp = [updatedAt, quote(updatedBy)];
    // One pass over the nodes and one over the relations, each row to its kind's or type's file
    // (a pass per kind and per type read the 330,000 relations 21 times at 100,000 entities).
    const nodeFiles = new Map(
      KIND_NAMES.map((kind) => {
        const props = Object.keys(KINDS[kind].properties);
        const specs = KINDS[kind].properties as Record<string, PropertyType>;
        const header = [
          "key:ID",
          "kind",
          "name",
          "nameLower",
          "namePlain",
          "aliases:string[]",
          "aliasesLower:string[]",
          "aliasesPlain:string[]",
          "plainNames:string[]",
          "foldRule:int",
          "description",
          ...props.map((name) => `${name}${csvType(specs[name] as PropertyType)}`),
          ...(keepsClaims(kind)
            ? [
                "claimSources:string[]",
                "claimAt:string[]",
                "claimValues:string[]",
                "claimRanks:string[]",
              ]
            : ["footprintKeys:string[]", "footprintRelations:string[]"]),
          "updatedAt:datetime",
          "updatedBy",
        ].join(",");
        return [kind, { props, header, label: `Entity:${kind}` }];
      }),
    );
    for (const n of this.nodes.values()) {
      const { props, header, label } = nodeFiles.get(n.kind) as {
        props: string[];
        header: string;
        label: string;
      };
      const later: Record<string, unknown> = {};
      const folds = storedFolds(n.name, n.aliases);
      const fields = [
        quote(n.key),
        quote(n.kind),
        deferred(later, "name", n.name, quote),
        deferred(later, "nameLower", folds.nameLower, quote),
        deferred(later, "namePlain", folds.namePlain, quote),
        deferred(later, "aliases", n.aliases, (v) => quoteList(v, `${n.key}: aliases`)),
        deferred(later, "aliasesLower", folds.aliasesLower, (v) =>
          quoteList(v, `${n.key}: aliases`),
        ),
        deferred(later, "aliasesPlain", folds.aliasesPlain, (v) =>
          quoteList(v, `${n.key}: aliases`),
        ),
        folds.plainNames === null
          ? ""
          : deferred(later, "plainNames", folds.plainNames, (v) =>
              quoteList(v, `${n.key}: plain names`),
            ),
        String(folds.foldRule),
        n.description === null ? "" : deferred(later, "description", n.description, quote),
        ...props.map((name) => deferred(later, name, n.properties[name], field)),
        ...(keepsClaims(n.kind) ? claimFields(n, later) : this.footprintFields(n.key)),
        ...stamp,
      ];
      if (Object.keys(later).length > 0) files.nodePatches.push({ key: n.key, props: later });
      await files.write("nodes", label, header, fields);
    }
    const relationFiles = new Map(
      RELATION_TYPE_NAMES.map((type) => {
        const specs = relationProperties(type) as Record<string, PropertyType>;
        const props = Object.keys(specs);
        const header = [
          ":START_ID",
          ":END_ID",
          ...props.map((name) => `${name}${csvType(specs[name] as PropertyType)}`),
          "evidenceSources:string[]",
          "evidenceExcerpts:string[]",
          "evidenceInferred:boolean[]",
          "evidenceAt:string[]",
          "evidenceValues:string[]",
          "evidenceRanks:string[]",
          "inferred:boolean",
          "disputed:boolean",
          "updatedAt:datetime",
          "updatedBy",
        ].join(",");
        return [type, { props, header }];
      }),
    );
    for (const r of this.relations.values()) {
      const { props, header } = relationFiles.get(r.type) as { props: string[]; header: string };
      const id = `${r.from}|${r.type}|${r.to}`;
      const later: Record<string, unknown> = {};
      const { lists: stored, values, inferred, disputed } = storedClaims(r.claims);
      const fields = [
        quote(r.from),
        quote(r.to),
        ...props.map((name) => deferred(later, name, values[name], field)),
        quoteList(stored.evidenceSources, `${id}: evidence sources`),
        deferred(later, "evidenceExcerpts", stored.evidenceExcerpts, (v) =>
          quoteList(v, `${id}: evidence`),
        ),
        stored.evidenceInferred.map(String).join(ARRAY_DELIMITER),
        deferred(later, "evidenceAt", stored.evidenceAt, (v) => quoteList(v, `${id}: at`)),
        deferred(later, "evidenceValues", stored.evidenceValues, (v) =>
          quoteList(v, `${id}: values`),
        ),
        quoteList(stored.evidenceRanks, `${id}: ranks`),
        String(inferred),
        String(disputed),
        ...stamp,
      ];
      if (Object.keys(later).length > 0)
        files.relationPatches.push({ type: r.type, from: r.from, to: r.to, props: later });
      await files.write("relationships", r.type, header, fields);
    }
    await files.close();
    return files;
  }
}

/** An entity's claim lists as CSV fields (an undated claim's "" is set with the patches). */
function claimFields(n: NodeRecord, later: Record<string, unknown>): string[] {
  const stored = encodeEntityClaims(n.claims);
  return [
    quoteList(stored.claimSources, `${n.key}: claim sources`),
    deferred(later, "claimAt", stored.claimAt, (v) => quoteList(v, `${n.key}: claim times`)),
    deferred(later, "claimValues", stored.claimValues, (v) => quoteList(v, `${n.key}: claims`)),
    quoteList(stored.claimRanks, `${n.key}: claim ranks`),
  ];
}

function csvType(spec: PropertyType): string {
  switch (spec.type) {
    // As ingest stores them (cypher/numbers.ts withIntegers): integers as Integers, numbers as floats.
    case "number":
      return ":double";
    case "integer":
      return ":long";
    case "boolean":
      return ":boolean";
    default:
      return "";
  }
}

/** A quoted CSV field: inner quotes doubled (RFC 4180), so any text (commas, newlines) is safe. */
function quote(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}

function quoteList(items: readonly string[], what: string): string {
  for (const item of items) {
    if (item.includes(ARRAY_DELIMITER) || item === "")
      throw new BadInputError("The documents cannot be bulk loaded.", [
        {
          path: [what],
          message:
            item === ""
              ? "an empty list element cannot be bulk loaded"
              : "contains U+001F, the bulk loader's list delimiter: load it without --bulk",
        },
      ]);
  }
  return quote(items.join(ARRAY_DELIMITER));
}

const LINE_BREAK = /[\r\n]/;

/**
 * A value with a line break (or an empty string) is left out of the CSV (an empty field) and
 * kept in `later`, to be set once the instance runs: the importer reads multi-line fields only in
 * a mode that is several times slower for the whole file, and is unreliable with large values.
 */
function deferred<T>(
  later: Record<string, unknown>,
  name: string,
  value: T,
  format: (v: T) => string,
): string {
  // An empty string too: the importer reads an empty field as no property at all.
  const broken = Array.isArray(value)
    ? value.some((v) => typeof v === "string" && (v === "" || LINE_BREAK.test(v)))
    : typeof value === "string" && (value === "" || LINE_BREAK.test(value));
  if (!broken) return format(value);
  later[name] = value;
  return "";
}

/** An optional property: an empty, unquoted field is no property at all. */
function field(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return quote(value);
  return String(value);
}

/** Values with line breaks, set after the import (see `deferred`). */
export interface NodePatch {
  key: string;
  props: Record<string, unknown>;
}
export interface RelationPatch {
  type: RelationType;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** Bytes of lines a file gathers before they go to its stream in one write. */
const CHUNK = 1 << 20;

/**
 * The CSV files of one load, one per label set or relationship type. Lines are gathered per
 * file and written in chunks of about a megabyte: a stream write per line (430,000 at 100,000
 * entities) cost more than building the lines.
 */
export class CsvFiles {
  readonly nodePatches: NodePatch[] = [];
  readonly relationPatches: RelationPatch[] = [];
  private readonly streams = new Map<
    string,
    { stream: WriteStream; path: string; kind: string; name: string; lines: string[]; size: number }
  >();

  constructor(private readonly dir: string) {}

  async write(
    kind: "nodes" | "relationships",
    name: string,
    header: string,
    fields: string[],
  ): Promise<void> {
    const id = `${kind}:${name}`;
    let entry = this.streams.get(id);
    if (!entry) {
      const path = join(this.dir, `${kind}-${name.replace(":", "-")}.csv`);
      entry = { stream: createWriteStream(path), path, kind, name, lines: [header], size: 0 };
      this.streams.set(id, entry);
    }
    const line = fields.join(",");
    entry.lines.push(line);
    entry.size += line.length;
    if (entry.size >= CHUNK) await this.flush(entry);
  }

  private async flush(entry: { stream: WriteStream; lines: string[]; size: number }) {
    if (entry.lines.length === 0) return;
    const chunk = `${entry.lines.join("\n")}\n`;
    entry.lines = [];
    entry.size = 0;
    if (!entry.stream.write(chunk))
      await new Promise<void>((done) => entry.stream.once("drain", done));
  }

  async close(): Promise<void> {
    for (const entry of this.streams.values()) await this.flush(entry);
    await Promise.all(
      [...this.streams.values()].map(({ stream }) => new Promise<void>((done) => stream.end(done))),
    );
  }

  /** The importer's arguments for these files. */
  importArgs(): string[] {
    return [
      ...[...this.streams.values()].map(({ kind, name, path }) => `--${kind}=${name}=${path}`),
      `--array-delimiter=U+${ARRAY_DELIMITER.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
      // One field may hold a long text (a source's, up to 1,000,000 characters, quotes doubled).
      "--read-buffer-size=8m",
    ];
  }
}
