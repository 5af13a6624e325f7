/**
 * The Cypher of ingest (src/data/ingest.ts) and of the single writes that record a claim the same
 * way (src/data/writes.ts): entities upserted on their key, relations on (from, type, to), each
 * source's claim appended or restated, and the reads of what is stored that validation and
 * `ingest --check` compare a document with. Labels and relationship types are registry kinds and
 * types; every value is a parameter.
 */
import neo4j from "neo4j-driver";
import { keepsClaims } from "../domain/entity-claims.js";
import { aliasFolds, FOLD_RULE, nameFolds } from "../domain/fold.js";
import { isKind, isRelationType, type Kind, type RelationType } from "../domain/vocabulary.js";
import { plainNamesOf } from "./fold.js";
import { FOOTPRINT_NODES, FOOTPRINT_RELATIONS, recordFootprintCypher } from "./footprint.js";
import { withIntegers } from "./numbers.js";
import type { Statement } from "./params.js";

/** An entity as the upsert takes it: its fields, and (as stored, JSON) the claim they make. */
export interface EntityRow {
  key: string;
  /** Its kind, a registry kind: the label the upsert sets. */
  kind: Kind;
  name: string;
  aliases: readonly string[];
  description: string | null;
  properties: Record<string, unknown>;
  /** The claim's values, JSON (domain/claims.ts claimValues). */
  values: string;
  /**
   * For a Source: where its document writes its claims (cypher/footprint.ts): the entity keys
   * and the relation ids (from|TYPE|to), recorded on it; none for the other kinds.
   */
  footprint?: { keys: readonly string[]; relations: readonly string[] };
}

/** A relation as the write statements take it (see `mergeRelationCypher`). */
export interface RelationRow {
  /** Its type, a registry type: the relationship type the statements write. */
  type: RelationType;
  from: string;
  to: string;
  properties: Record<string, unknown>;
  inferred: boolean;
  evidence: string;
  /** The claim's values, JSON, and its point in time ("" when it has none). */
  values: string;
  at: string;
}

/** Who writes, for which source: `source` is "" for values written by hand. */
export interface ClaimParams {
  source: string;
  by: string;
}

/**
 * Rows (key, kind, retracted: true for a retracted source) for the keys that exist, after
 * write-locking them for the rest of the transaction: the keys of `define` (which a write will
 * create or change) are merged first, so a concurrent document defining the same new key waits
 * for this one and then reads its kind; those of `refer` are locked where they exist, so they are
 * not deleted before the relations to them are written. Setting and removing a property takes
 * the lock and changes nothing (see lockedEntityStatement in writes.ts); a key merged here is a
 * bare node (no kind, so not listed) until the write fills it.
 *
 * Every lock is taken in the order of the keys, whatever the document's order and whether it
 * defines or refers to a key: the existing entities first (all keys, sorted), then the new ones
 * (defined keys, sorted). Documents naming the same entities in different orders, ingested at
 * once, locked them in their own orders and deadlocked (16 at once: a quarter of them).
 *
 * `aliases`: the folds (aliasesLower) of the aliases the document gives each key it defines;
 * each row says how many aliases the entity has (aliasesStored) and how many of those the
 * document would add (aliasesAdded), so its stored list is never read to bound it.
 */
export function lockedKindsOfKeysStatement(
  define: readonly string[],
  refer: readonly string[],
  footprints: { own: string; supersedes: string | null } | null = null,
  aliases: Readonly<Record<string, readonly string[]>> = {},
): Statement {
  const sorted = (keys: readonly string[]) =>
    [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    cypher: LOCKED_KINDS_OF_KEYS,
    params: {
      define: sorted(define),
      keys: sorted([...define, ...refer]),
      own: footprints?.own ?? null,
      supersedes: footprints?.supersedes ?? null,
      aliases,
    },
  };
}

/**
 * The footprints an ingest writes besides its document's keys (cypher/footprint.ts): that of the
 * source it supersedes (`$supersedes`), which it retracts after the write, and its own source's
 * when that is stored retracted (`$own`: what the document states again or anew is ranked with
 * every other claim of the source). Locked with the document's keys, in their one order, as a
 * retraction locks them: locked after the document's, they deadlocked with a retraction or
 * restore of that source (redteam22). Read in the same statement: the superseded footprint cost
 * a round trip of its own, and the own source's was locked only as its claims were ranked.
 */
const FOOTPRINT_KEYS = `
CALL () {
  MATCH (s:Entity) WHERE s:Source AND (s.key = $supersedes OR (s.key = $own AND s.retracted = true))
  ${FOOTPRINT_NODES.replaceAll("\n", "\n  ")}
  RETURN collect(DISTINCT n.key) AS footprint
}`;

const LOCKED_KINDS_OF_KEYS = `${FOOTPRINT_KEYS}
UNWIND $keys + footprint AS key
WITH DISTINCT key ORDER BY key
OPTIONAL MATCH (n:Entity {key: key})
FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | SET n.writeLock = true REMOVE n.writeLock)
WITH count(*) AS existing
UNWIND $define AS key
MERGE (n:Entity {key: key})
SET n.writeLock = true REMOVE n.writeLock
WITH count(*) AS defined
MATCH (n:Entity) WHERE n.key IN $keys AND n.kind IS NOT NULL
RETURN n.key AS key, n.kind AS kind, n.retracted = true AS retracted,
       CASE WHEN n.kind = 'Source' THEN n.url END AS url,
       CASE WHEN n.kind = 'Source' THEN n.text END AS text,
       size(coalesce(n.aliases, [])) AS aliasesStored,
       size([a IN coalesce($aliases[n.key], []) WHERE NOT a IN coalesce(n.aliasesLower, [])]) AS aliasesAdded`;

/**
 * Labels and relationship types in the write statements are the rows' own (`$(row.kind)`,
 * `$(row.type)`), checked against the registry when a statement is built (`registryRows`): one
 * statement text serves every kind and type, so Neo4j plans each write statement once, not once
 * per kind and per type. Planning one of these statements takes 0.1-0.5 s, and with a text per
 * kind and per type an article's first ingest after a start planned about 30 of them (3-9 s,
 * past the write's time limit on a loaded machine).
 */

/**
 * `rows`, once every row's kind (`kind`) or relation type (`type`) is the registry's: the value
 * is written as a label or relationship type, so nothing else may reach the statement.
 */
function registryRows<R extends { kind?: string; type?: string }>(rows: readonly R[]): R[] {
  for (const row of rows) {
    if (row.kind !== undefined && !isKind(row.kind))
      throw new Error(`not a registry kind: ${JSON.stringify(row.kind)}`);
    if (row.type !== undefined) registryType(row.type);
  }
  return [...rows];
}

/** `type`, once it is a registry relation type (it is written as a relationship type). */
export function registryType(type: string): RelationType {
  if (!isRelationType(type))
    throw new Error(`not a registry relation type: ${JSON.stringify(type)}`);
  return type;
}

/**
 * Upserts entities, each with the label of its kind (a registry kind); values are parameters.
 * `claims`: whether the rows' kinds keep claims (domain/entity-claims.ts `keepsClaims`), so
 * one statement serves each of the two groups of kinds. MERGE
 * first: a node it has just made holds only its key (every entity written has a name), so the
 * state before is read from the merged node, without a second index lookup.
 *
 * Aliases are a union (case-insensitive, stored ones first; a new entity's are stored as sent).
 * A new entity takes the row's fields at once. The row is `$source`'s claim
 * (domain/entity-claims.ts: `row.values`, JSON, at `$at`; the source "" for values written by
 * hand): appended to the entity's claim lists, or restated in place of the source's earlier
 * claim; an existing entity's fields are then settled from all its claims (data/claims.ts), so
 * an older source never overwrites a newer one's value. A Source's own fields are not claimed:
 * its document sets them, a field it leaves out is kept. Stamps updatedAt / updatedBy only when
 * something changed, so a replay leaves the node as it was.
 */
export function upsertEntitiesCypher(claims: boolean): string {
  const direct = claims
    ? `
SET n.name = CASE WHEN before IS NULL THEN row.name ELSE n.name END,
    n.nameLower = CASE WHEN before IS NULL THEN row.nameLower ELSE n.nameLower END,
    n.namePlain = CASE WHEN before IS NULL THEN row.namePlain ELSE n.namePlain END,
    n.description = CASE WHEN before IS NULL THEN row.description ELSE n.description END
SET n += CASE WHEN before IS NULL THEN row.properties ELSE {} END`
    : `
SET n.name = row.name, n.nameLower = row.nameLower, n.namePlain = row.namePlain,
    n.description = coalesce(row.description, n.description)
SET n += row.properties
// A new source's footprint lists start empty (cypher/footprint.ts); one written before they
// existed keeps none until the settle at start.
SET n.footprintKeys = CASE WHEN before IS NULL THEN [] ELSE n.footprintKeys END,
    n.footprintRelations = CASE WHEN before IS NULL THEN [] ELSE n.footprintRelations END`;
  const claim = claims
    ? `
WITH row, n, before,
     coalesce(n.claimSources, []) AS sources, coalesce(n.claimAt, []) AS ats,
     coalesce(n.claimValues, []) AS vals, coalesce(n.claimRanks, []) AS ranks
WITH row, n, before, sources, ats, vals, ranks,
     head([i IN range(0, size(sources) - 1) WHERE sources[i] = $source] + [-1]) AS known
SET n.claimSources = CASE WHEN known < 0 THEN sources + $source ELSE sources END,
    n.claimAt = CASE WHEN known < 0 THEN ats + $at
      ELSE [i IN range(0, size(ats) - 1) | CASE WHEN i = known THEN $at ELSE ats[i] END] END,
    n.claimValues = CASE WHEN known < 0 THEN vals + row.values
      ELSE [i IN range(0, size(vals) - 1) | CASE WHEN i = known THEN row.values ELSE vals[i] END] END,
    n.claimRanks = CASE WHEN known < 0 THEN ranks + "NORMAL" ELSE ranks END
WITH row, n, before, CASE WHEN known < 0 THEN null ELSE vals[known] END AS replaced`
    : `
WITH row, n, before, null AS replaced`;
  return `
UNWIND $rows AS row
MERGE (n:Entity {key: row.key})
WITH row, n, CASE WHEN n.name IS NULL THEN null ELSE properties(n) END AS before
SET n:$(row.kind), n.kind = row.kind, n.foldRule = $foldRule
// Each alias with its folds ([alias, lower, plain]), the stored ones first; a new one is added
// when no stored alias folds as it does (the folds are TypeScript's: domain/fold.ts).
WITH row, n, before, reduce(
       acc = [i IN range(0, size(coalesce(n.aliases, [])) - 1) |
              [n.aliases[i], coalesce(n.aliasesLower[i], n.aliases[i]), coalesce(n.aliasesPlain[i], n.aliases[i])]],
       i IN range(0, size(row.aliases) - 1) |
       CASE WHEN any(x IN acc WHERE x[1] = row.aliasesLower[i]) THEN acc
            ELSE acc + [[row.aliases[i], row.aliasesLower[i], row.aliasesPlain[i]]] END) AS aliases
SET n.aliases = [a IN aliases | a[0]], n.aliasesLower = [a IN aliases | a[1]],
    n.aliasesPlain = [a IN aliases | a[2]]${direct}${claim}
SET n.plainNames = ${plainNamesOf("n")}
WITH n, row, replaced, before, CASE WHEN before IS NULL THEN 'created' WHEN before <> properties(n) THEN 'updated'
             ELSE 'unchanged' END AS outcome${
               claims
                 ? ""
                 : `
// After the outcome: where a source writes its claims is no change a reader sees.${recordFootprintCypher("n", "row.footprintKeys", "row.footprintRelations", "n, row")}`
             }
FOREACH (_ IN CASE WHEN outcome <> 'unchanged' THEN [1] ELSE [] END |
  SET n.updatedAt = datetime(), n.updatedBy = $by)
// Entities whose claims changed are settled from all of them (data/claims.ts).
RETURN outcome, collect(n.key) AS keys, ${
    claims
      ? `collect(CASE WHEN outcome = 'updated'
                    THEN {id: elementId(n), props: properties(n), values: row.values, replaced: replaced,
                          aliasesBefore: before.aliases} END)`
      : "[]"
  } AS touched`;
}

/**
 * Upserts relations, each of its row's type (a registry type); values are parameters. MERGE
 * first: a relationship it has just made has no properties yet (every relation written has
 * evidence), so the state before is read from it without matching the pair a second time.
 */
export function upsertRelationsCypher(): string {
  return `
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})
MATCH (b:Entity {key: row.to})${mergeRelationCypher()}
RETURN outcome, collect(a.key + '|' + type(r) + '|' + b.key) AS keys,
       // Relations whose claims changed: settled from all of them (data/claims.ts).
       collect(CASE WHEN outcome = 'updated'
                    THEN {id: elementId(r), props: properties(r), key: a.key + '|' + type(r) + '|' + b.key,
                          inferredBefore: wasInferred,
                          evidenceBefore: wasEvidence} END) AS touched`;
}

/**
 * The part of the upsert that writes one relation of the registry type `row.type` between `a`
 * and `b`, from `row` ({type, properties, inferred, evidence, values, at}), `$source` and `$by`
 * (the caller checks `row.type` against the registry); it leaves
 * `a`, `b`, `r`, `outcome` ('created', 'updated' or 'unchanged'), `wasInferred` and
 * `wasEvidence` (the relation's inferred flag and number of sentences before) in scope.
 *
 * It records the source's claim (domain/claims.ts): a new sentence is appended to the claim
 * lists; a sentence already there is restated in place: values and point in time it gives
 * replace the claim's (a corrected document), and a restatement that gives none (addRelation
 * citing the sentence again) keeps them, as it keeps the claim's inferred flag.
 * Only a new relation takes the row's values at once; an existing one is settled afterwards from
 * all its claims (data/claims.ts), so an older source never overwrites a newer one's figure.
 * Lists of relations written before claims existed are completed with empty items, which read
 * as the relation's own values.
 */
export function mergeRelationCypher(): string {
  return `
MERGE (a)-[r:$(row.type)]->(b)
WITH a, b, r, row, CASE WHEN r.evidenceSources IS NULL THEN null ELSE properties(r) END AS before
SET r += CASE WHEN before IS NULL THEN row.properties ELSE {} END
WITH a, b, r, row, before,
     coalesce(r.evidenceSources, []) AS sources,
     coalesce(r.evidenceExcerpts, []) AS excerpts,
     // One inferred flag per piece of evidence; relations written before the flags existed
     // take the relation's own flag for each of theirs.
     coalesce(r.evidenceInferred, [x IN coalesce(r.evidenceSources, []) | coalesce(r.inferred, false)]) AS flags,
     coalesce(r.evidenceAt, [x IN coalesce(r.evidenceSources, []) | ""]) AS ats,
     coalesce(r.evidenceValues, [x IN coalesce(r.evidenceSources, []) | ""]) AS vals,
     coalesce(r.evidenceRanks, [x IN coalesce(r.evidenceSources, []) | "NORMAL"]) AS ranks
WITH a, b, r, row, before, sources, excerpts, flags, ats, vals, ranks,
     head([i IN range(0, size(sources) - 1)
           WHERE sources[i] = $source AND excerpts[i] = row.evidence] + [-1]) AS known
SET r.evidenceSources = CASE WHEN known < 0 THEN sources + $source ELSE sources END,
    r.evidenceExcerpts = CASE WHEN known < 0 THEN excerpts + row.evidence ELSE excerpts END,
    r.evidenceInferred = CASE WHEN known < 0 THEN flags + row.inferred ELSE flags END,
    r.evidenceAt = CASE WHEN known < 0 THEN ats + row.at
      ELSE [i IN range(0, size(ats) - 1) |
            CASE WHEN i = known AND row.at <> "" THEN row.at ELSE ats[i] END] END,
    r.evidenceValues = CASE WHEN known < 0 THEN vals + row.values
      ELSE [i IN range(0, size(vals) - 1) |
            CASE WHEN i = known AND row.values <> "{}" THEN row.values ELSE vals[i] END] END,
    r.evidenceRanks = CASE WHEN known < 0 THEN ranks + coalesce(row.rank, "NORMAL") ELSE ranks END
// Inferred while no source states it outright.
SET r.inferred = all(x IN r.evidenceInferred WHERE x),
    r.disputed = coalesce(r.disputed, false)
WITH a, b, r, before.inferred AS wasInferred, size(coalesce(before.evidenceSources, [])) AS wasEvidence,
     CASE WHEN before IS NULL THEN 'created' WHEN before <> properties(r) THEN 'updated'
          ELSE 'unchanged' END AS outcome
FOREACH (_ IN CASE WHEN outcome <> 'unchanged' THEN [1] ELSE [] END |
  SET r.updatedAt = datetime(), r.updatedBy = $by)`;
}

/**
 * Creates relations (each of its row's registry type) that cannot exist yet: an endpoint was created in this same
 * transaction, so no other transaction can have linked it. Writes exactly what the upsert writes
 * for a new relation (one piece of evidence, its inferred flag, the stamps), without matching
 * an old relation or comparing. Only for (from, type, to) that occur once in the document.
 */
export function createRelationsCypher(): string {
  return `
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})
MATCH (b:Entity {key: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r += row.properties
SET r.evidenceSources = [$source], r.evidenceExcerpts = [row.evidence],
    r.evidenceInferred = [row.inferred], r.inferred = row.inferred,
    r.evidenceAt = [row.at], r.evidenceValues = [row.values], r.evidenceRanks = ["NORMAL"],
    r.disputed = false, r.updatedAt = datetime(), r.updatedBy = $by
RETURN count(r) AS created`;
}

/**
 * Rows (outcome, keys, touched), one per outcome: upserts `rows`, whose kinds all keep claims or
 * all do not (`claims`), as `source`'s claim at `at` (see upsertEntitiesCypher).
 */
export function upsertEntitiesStatement(
  claims: boolean,
  write: ClaimParams & { rows: readonly EntityRow[]; at: string },
): Statement {
  // The folds are TypeScript's (domain/fold.ts), never Cypher's: see there.
  const rows = registryRows(write.rows).map(({ footprint, ...row }) => ({
    ...row,
    properties: withIntegers(row.properties),
    ...nameFolds(row.name),
    ...aliasFolds(row.aliases),
    ...(claims
      ? {}
      : {
          footprintKeys: [...(footprint?.keys ?? [])],
          footprintRelations: [...(footprint?.relations ?? [])],
        }),
  }));
  for (const row of rows)
    if (keepsClaims(row.kind) !== claims)
      throw new Error(`a ${row.kind} ${claims ? "keeps no" : "keeps"} claims`);
  return {
    cypher: upsertEntitiesCypher(claims),
    params: {
      rows,
      by: write.by,
      source: write.source,
      at: write.at,
      foldRule: neo4j.int(FOLD_RULE),
    },
  };
}

/** Relations of one type written as a source's claims: the rows, the source and the writer. */
export type RelationWrite = ClaimParams & { rows: readonly RelationRow[] };

const relationParams = ({ rows, source, by }: RelationWrite) => ({
  rows: registryRows(rows).map((row) => ({ ...row, properties: withIntegers(row.properties) })),
  source,
  by,
});

/** Rows (outcome, keys, touched), one per outcome: upserts `rows` (see upsertRelationsCypher). */
export const upsertRelationsStatement = (write: RelationWrite): Statement => ({
  cypher: upsertRelationsCypher(),
  params: relationParams(write),
});

/** One row (created): creates `rows`, which cannot exist yet (see createRelationsCypher). */
export const createRelationsStatement = (write: RelationWrite): Statement => ({
  cypher: createRelationsCypher(),
  params: relationParams(write),
});

/** Rows (n): the stored entities among `keys`, every property but the stamp. */
export function storedEntitiesStatement(keys: readonly string[]): Statement {
  return { cypher: STORED_ENTITIES, params: { keys: [...keys] } };
}

const STORED_ENTITIES = `
MATCH (n:Entity) WHERE n.key IN $keys
RETURN n {.*, updatedAt: null} AS n`;

/**
 * Rows (from, type, to, props): the stored relations among (from, type, to) triples; the type is
 * compared as a value.
 */
export function storedRelationsStatement(
  rows: ReadonlyArray<{ from: string; type: RelationType; to: string }>,
): Statement {
  return { cypher: STORED_RELATIONS, params: { rows } };
}

const STORED_RELATIONS = `
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})-[r]->(b:Entity {key: row.to})
WHERE type(r) = row.type
RETURN row.from AS from, row.type AS type, row.to AS to, r {.*, updatedAt: null} AS props`;

/**
 * The sentences relations quote from `source` as evidence that `text` does not hold (how many, and
 * the first few), for a stored article sent again with another text. It reads the relations the
 * source gives evidence for through its footprint (FOOTPRINT_RELATIONS), not every relationship:
 * it runs only when the text differs from the stored one.
 */
export function lostExcerptsStatement(source: string, text: string): Statement {
  return { cypher: LOST_EXCERPTS, params: { source, text } };
}

const LOST_EXCERPTS = `
MATCH (s:Entity {key: $source}) WHERE s:Source
${FOOTPRINT_RELATIONS}
UNWIND [i IN range(0, size(r.evidenceSources) - 1)
        WHERE r.evidenceSources[i] = $source | r.evidenceExcerpts[i]] AS excerpt
WITH DISTINCT excerpt WHERE NOT $text CONTAINS excerpt
WITH collect(excerpt) AS lost
RETURN size(lost) AS lost, lost[0..3] AS examples`;
