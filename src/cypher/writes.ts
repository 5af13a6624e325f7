/**
 * The Cypher of the single writes (src/data/writes.ts): reading the entity a write is about,
 * updating and deleting it, taking a deleted source's evidence and claims off the graph, adding
 * (with its checks) and removing a relation, and retracting a source. Relationship types are
 * registry types; every value is a parameter.
 */

import { storedFolds } from "../domain/fold.js";
import { RETRACTED_CLAIMS_LABEL, type RelationType } from "../domain/vocabulary.js";
import { intFoldRule } from "./fold.js";
import { FOOTPRINT_NODES, FOOTPRINT_RELATIONS, recordFootprintCypher } from "./footprint.js";
import { mergeRelationCypher, registryType } from "./ingest.js";
import { withIntegers } from "./numbers.js";
import type { Statement } from "./params.js";
import { asMap } from "./projection.js";

/** Row (n): the entity with the key, all its properties; no row when there is none. */
export function entityByKeyStatement(key: string): Statement {
  return { cypher: ENTITY, params: { key } };
}

const ENTITY = `MATCH (n:Entity {key: $key}) RETURN ${asMap("n")} AS n`;

/**
 * Neo4j reads take no locks: two writes that read an entity, check it and then write it would
 * both act on what they read (two createEntity calls with different kinds both created the key,
 * leaving one node with two kind labels; an update read an entity a concurrent delete then
 * removed). Setting and removing a property takes the node's write lock until the transaction
 * ends, and changes nothing: the write that holds it goes first, and the others wait for it, then
 * read what it committed (a waiting statement still matched the node before the wait, so an
 * entity the first write deleted is filtered out below, and the writes check what their own
 * write statement matched too). With `create`, the key is merged
 * first, so creators of one new key are
 * serialised by the key's uniqueness constraint; the node made then is bare (no kind) until the
 * write fills it, and is rolled back with the transaction if the write is refused.
 */
const LOCK = "SET n.writeLock = true REMOVE n.writeLock";

/**
 * The stored folds of an entity's aliases, which a write recomputes from the aliases and never
 * reads (toEntity has no use for them): left out of what a single write reads and reads back. An
 * entity stored with thousands of long aliases before DOCUMENT_LIMITS.storedAliases existed
 * (redteam31: 3,900 of 500 characters) was read four times over, twice, past MAX_READ_BYTES, so
 * even an edit of its description was LIMIT_EXCEEDED.
 */
const UNREAD_FOLDS = ["aliasesLower", "aliasesPlain", "plainNames"] as const;

/**
 * Row (n): the entity with the key, all its properties but its aliases' folds, write-locked for the rest of the
 * transaction (see LOCK); no row when there is none. With `create`, an absent key is reserved
 * for this transaction (and still gives no row).
 */
export function lockedEntityStatement(key: string, create: boolean): Statement {
  return { cypher: create ? LOCKED_ENTITY_CREATE : LOCKED_ENTITY, params: { key } };
}

// A node deleted while the statement waited for its lock reads as having no properties, so no
// kind: no row. So does a key reserved by the create variant.
const LOCKED_ENTITY = `
MATCH (n:Entity {key: $key}) ${LOCK}
WITH n WHERE n.kind IS NOT NULL
RETURN ${asMap("n", UNREAD_FOLDS)} AS n`;

const LOCKED_ENTITY_CREATE = `
MERGE (n:Entity {key: $key}) ${LOCK}
WITH n WHERE n.kind IS NOT NULL
RETURN ${asMap("n", UNREAD_FOLDS)} AS n`;

/** What an update sets: every field of the entity as it will be, and its claim lists. */
export interface EntityUpdate {
  key: string;
  name: string;
  aliases: readonly string[];
  description: string | null;
  /** Properties to set; a null value removes that property. */
  properties: Record<string, unknown>;
  /** The claim lists to set (none for a kind without claims). */
  claims: Record<string, unknown>;
  by: string;
}

/**
 * Row (n, changed): sets the entity's fields and claim lists, stamping it only when something
 * changed; no row when there is no such entity.
 */
export function updateEntityStatement(update: EntityUpdate): Statement {
  const { key, claims, name, aliases, description, properties, by } = update;
  return {
    cypher: UPDATE,
    params: {
      key,
      claims,
      name,
      aliases,
      description,
      properties: withIntegers(properties),
      by,
      folds: intFoldRule(storedFolds(name, aliases)),
    },
  };
}

const UPDATE = `
MATCH (n:Entity {key: $key})
WITH n, properties(n) AS before
SET n.name = $name, n.aliases = $aliases, n.description = $description
SET n += $folds
SET n += $properties
SET n += $claims
WITH n, before <> properties(n) AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET n.updatedAt = datetime(), n.updatedBy = $by)
RETURN ${asMap("n", UNREAD_FOLDS)} AS n, changed`;

/**
 * Taking a deleted source's evidence off the relations it gives evidence for (found through its
 * footprint, FOOTPRINT_RELATIONS: as costly as the source, not the graph), in two steps:
 * relations left with no evidence are removed (every relation must cite a sentence), the others
 * keep the rest of their evidence.
 */
const REMOVE_RELATIONS_ONLY_FROM = `
MATCH (s:Entity {key: $key}) WHERE s:Source
${FOOTPRINT_RELATIONS}
WITH a, r, b WHERE all(k IN r.evidenceSources WHERE k = $key)
WITH r, a.key + '|' + type(r) + '|' + b.key AS id
DELETE r
RETURN collect(id) AS ids`;

const STRIP_EVIDENCE_FROM = `
MATCH (s:Entity {key: $key}) WHERE s:Source
${FOOTPRINT_RELATIONS}
WITH a, b, r,
     [i IN range(0, size(r.evidenceSources) - 1) WHERE r.evidenceSources[i] <> $key] AS keep,
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
 * Taking a deleted source's claims off the entities it has claims on (its footprint,
 * FOOTPRINT_NODES); an entity stays: its other claims and the values without a claim are kept.
 */
const STRIP_ENTITY_CLAIMS_FROM = `
MATCH (s:Entity {key: $key}) WHERE s:Source
${FOOTPRINT_NODES}
WITH n WHERE $key IN coalesce(n.claimSources, [])
WITH n, [i IN range(0, size(n.claimSources) - 1) WHERE n.claimSources[i] = $key] AS gone
WITH n, gone, [i IN range(0, size(n.claimSources) - 1) WHERE NOT i IN gone] AS keep
WITH n, n.claimValues[gone[0]] AS replaced, keep
SET n.claimSources = [i IN keep | n.claimSources[i]],
    n.claimAt = [i IN keep | n.claimAt[i]],
    n.claimValues = [i IN keep | n.claimValues[i]],
    n.claimRanks = [i IN keep | n.claimRanks[i]],
    n.updatedAt = datetime(), n.updatedBy = $by
FOREACH (_ IN CASE WHEN any(rank IN n.claimRanks WHERE rank = "DEPRECATED") THEN [] ELSE [1] END |
  REMOVE n:${RETRACTED_CLAIMS_LABEL})
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

/** Row (ids): removes the relations whose only evidence is from `source`; their ids (from|TYPE|to). */
export function removeRelationsOnlyFromStatement(source: string): Statement {
  return { cypher: REMOVE_RELATIONS_ONLY_FROM, params: { key: source } };
}

/** Row (ids, touched): takes the evidence of `source` off the relations that keep other evidence. */
export function stripEvidenceStatement(source: string): Statement {
  return { cypher: STRIP_EVIDENCE_FROM, params: { key: source } };
}

/** Row (keys, touched): takes `source`'s claims off every entity, stamped by `by`. */
export function stripEntityClaimsStatement(strip: { source: string; by: string }): Statement {
  return { cypher: STRIP_ENTITY_CLAIMS_FROM, params: { key: strip.source, by: strip.by } };
}

/**
 * After a Source is deleted: the entities among `keys` (those it had claims on) that no claim
 * and no relation keeps any more: only that source introduced them (one made by hand keeps its
 * claim without a source, ""). Row (keys): the keys deleted.
 */
const REMOVE_ORPHANS = `
UNWIND $keys AS key
MATCH (n:Entity {key: key})
WHERE n.kind <> 'Source' AND size(coalesce(n.claimSources, [])) = 0 AND NOT EXISTS { (n)--() }
WITH n, n.key AS key
DELETE n
RETURN collect(key) AS keys`;

export function removeOrphansStatement(keys: readonly string[]): Statement {
  return { cypher: REMOVE_ORPHANS, params: { keys: [...keys] } };
}

/** Row (removed): deletes the entity and its relations (ids of those removed); no row when absent. */
export function deleteEntityStatement(key: string): Statement {
  return { cypher: DELETE, params: { key } };
}

/**
 * The checks and the write in one statement. It reads the ends' kinds and whether the source
 * quotes the excerpt (in Neo4j: no text is sent back), and writes only when `$write` is set and
 * every check passes: the ends' kinds are among the registry's for the type (`$fromKinds`,
 * `$toKinds`), the source is a Source and quotes the excerpt. It returns what it read, and the
 * outcome and the relation as saved when it wrote: once (item.props, which the settle reads
 * too). It was also returned as properties(r) for the settle: every claim of the relation
 * read twice, which took a relation 950 sources state with long sentences past the request's
 * read budget (redteam31).
 *
 * Locks (see LOCK). It first write-locks the two ends and the source, in key order so that two
 * adds never wait for each other crosswise: a concurrent delete of one of them then commits
 * either before the checks read (which find no entity) or after the write (and takes the new
 * relation with it), never between them (the write then failed on a node deleted under it: an
 * internal error; a delete of the source left the relation citing it). The count is eager, so
 * every lock is held before the checks read. Adds citing one source therefore commit one at a
 * time: Cypher has no shared lock, and locking the source last, from the end of the statement to
 * the commit, measured no faster (bench/findings.md), since the commit is most of an add's time.
 */
const ADD_RELATION = `
UNWIND $locks AS key
OPTIONAL MATCH (n:Entity {key: key})
FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | ${LOCK})
WITH count(*) AS locked
OPTIONAL MATCH (a:Entity {key: $from})
OPTIONAL MATCH (b:Entity {key: $to})
OPTIONAL MATCH (s:Entity {key: $source})
WITH a, b, s, s.text IS NULL OR s.text CONTAINS $row.evidence AS quoted
OPTIONAL CALL (a, b, s, quoted) {
  // The claim holds at the relation's asOf, else at the source's (its asOf, or publication date).
  WITH a, b, s, quoted, $row AS given
  // A retracted source's new claim is DEPRECATED, as one its re-ingested document makes.
  WITH a, b, s, quoted, given {.*, at: coalesce(given.properties.asOf, s.asOf, s.publishedAt, ""),
       rank: CASE WHEN s.retracted = true THEN "DEPRECATED" ELSE "NORMAL" END} AS row
  WHERE $write AND a.kind IN $fromKinds AND b.kind IN $toKinds AND s.kind = 'Source' AND quoted${mergeRelationCypher()}
  // The source records where it gives evidence (cypher/footprint.ts); it is locked above.
  WITH a, b, r, outcome
  MATCH (src:Entity {key: $source})${recordFootprintCypher("src", "[a.key, b.key]", "[a.key + '|' + type(r) + '|' + b.key]", "src, a, b, r")}
  RETURN outcome, {props: ${asMap("r")}, type: type(r), out: true, m: ${asMap("b")}, start: ${asMap("a")}} AS item,
         elementId(r) AS id
}
RETURN a.kind AS fromKind, b.kind AS toKind, s.kind AS sourceKind, quoted, outcome, item, id`;

/** What addRelation sends: the relation's ends, source, row and the checks' expectations. */
export interface AddRelation {
  from: string;
  to: string;
  source: string;
  row: { properties: Record<string, unknown>; inferred: boolean; evidence: string; values: string };
  /** False when the input is already known to be invalid: the statement only reads. */
  write: boolean;
  fromKinds: readonly string[];
  toKinds: readonly string[];
  by: string;
}

/**
 * Row (fromKind, toKind, sourceKind, quoted, outcome, item, id, stored): the checks' readings,
 * and when it wrote, the outcome and the relation as saved, with its start (see ADD_RELATION).
 */
export function addRelationStatement(type: RelationType, add: AddRelation): Statement {
  const { from, to, source, row, write, fromKinds, toKinds, by } = add;
  return {
    cypher: ADD_RELATION,
    // The type is written as the relationship type: only a registry type may reach it.
    params: {
      from,
      to,
      source,
      locks: [...new Set([from, to, source])].sort(),
      row: { ...row, properties: withIntegers(row.properties), type: registryType(type) },
      write,
      fromKinds,
      toKinds,
      by,
    },
  };
}

/**
 * Write-locks the two ends in key order first (see LOCK), as addRelation and ingest lock theirs:
 * deleting the relationship took its ends' locks only then, while writes holding one end waited
 * for the other, and removals among a stream of corrections on the same entities deadlocked each
 * time they were tried (redteam22's mixed load).
 */
const removeRelationCypher = (type: RelationType) => `
UNWIND $locks AS key
OPTIONAL MATCH (n:Entity {key: key})
FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | ${LOCK})
WITH count(*) AS locked
MATCH (:Entity {key: $from})-[r:${type}]->(:Entity {key: $to})
DELETE r
RETURN count(*) AS removed`;

/** Row (removed): deletes the relation (from, type, to); 0 when there is none. */
export function removeRelationStatement(relation: {
  from: string;
  type: RelationType;
  to: string;
}): Statement {
  const locks = [...new Set([relation.from, relation.to])].sort();
  return {
    cypher: removeRelationCypher(relation.type),
    params: { from: relation.from, to: relation.to, locks },
  };
}

/**
 * Write-locks (see LOCK) the rows' `n`, in the order of their keys, then counts them. Every
 * writer of a source's footprint takes its locks in that order (ingest with its document's keys:
 * lockedKindsOfKeysStatement): a retraction took the source's lock first, then its entities' one
 * by one as it ranked their claims, while an ingest held the same entities from its start and
 * waited for the source (or another lock the retraction held): under ten clients superseding,
 * retracting and restoring sources that share their entities, a fifth of the retractions
 * deadlocked each time they were tried (redteam22). Taken in one order, the second writer waits
 * for the first instead.
 */
const LOCK_IN_KEY_ORDER = `
WITH s, n ORDER BY n.key
${LOCK}
WITH s, count(n) AS locked`;

/**
 * Marking a source retracted (or not) and ranking each of its claims DEPRECATED (or NORMAL
 * again), in one statement: its footprint (FOOTPRINT_NODES: found through the source's own
 * lists, so as costly as the source, not the graph) is locked in key order first; then, the
 * lists read again (a write that held the source may have added to them while this one waited),
 * the evidence it gives on relations and its claims on entities are ranked. The entities' fields
 * are settled from their claims afterwards (data/claims.ts). A source a delete removed while this
 * waited for its locks reads as having no properties (no kind): no row, as for a key never
 * stored. It gave a row, so a retraction that lost the race to the delete answered success
 * (0 relations, 0 entities) for a source no longer there, and announced a change to it.
 */
const RETRACT_SOURCE = `
MATCH (s:Entity {key: $key}) WHERE s:Source
${FOOTPRINT_NODES}
${LOCK_IN_KEY_ORDER}
WITH s WHERE s.kind IS NOT NULL
WITH s, coalesce(s.retracted, false) = $retracted AS already
SET s.retracted = $retracted
WITH s, already
CALL (s) {
  ${FOOTPRINT_RELATIONS.replaceAll("\n", "\n  ")}
  WITH a, r, b, coalesce(r.evidenceRanks, [x IN r.evidenceSources | "NORMAL"]) AS ranks
  SET r.evidenceRanks = [i IN range(0, size(r.evidenceSources) - 1) |
    CASE WHEN r.evidenceSources[i] = $key THEN $rank ELSE ranks[i] END]
  RETURN collect(a.key + '|' + type(r) + '|' + b.key) AS ids,
         collect({id: elementId(r), props: properties(r)}) AS touched
}
CALL (s) {
  ${FOOTPRINT_NODES.replaceAll("\n", "\n  ")}
  WITH n WHERE $key IN coalesce(n.claimSources, [])
  WITH n, [i IN range(0, size(n.claimSources) - 1) WHERE n.claimSources[i] = $key][0] AS idx
  WITH n, idx, n.claimRanks[idx] <> $rank AS changes
  SET n.claimRanks = [i IN range(0, size(n.claimSources) - 1) |
        CASE WHEN i = idx THEN $rank ELSE n.claimRanks[i] END]
  FOREACH (_ IN CASE WHEN changes THEN [1] ELSE [] END | SET n.updatedAt = datetime(), n.updatedBy = $by)
  FOREACH (_ IN CASE WHEN any(rank IN n.claimRanks WHERE rank = "DEPRECATED") THEN [1] ELSE [] END |
    SET n:${RETRACTED_CLAIMS_LABEL})
  FOREACH (_ IN CASE WHEN any(rank IN n.claimRanks WHERE rank = "DEPRECATED") THEN [] ELSE [1] END |
    REMOVE n:${RETRACTED_CLAIMS_LABEL})
  RETURN collect(n.key) AS keys,
         collect({id: elementId(n), props: properties(n), values: n.claimValues[idx]}) AS claimed
}
RETURN s.key AS key, already, ids, touched, keys, claimed`;

/** The rank a retracted (or restored) source's claims take. */
const rankOf = (retracted: boolean) => (retracted ? "DEPRECATED" : "NORMAL");

/**
 * Row (key, already, ids, touched, keys, claimed): locks the source's footprint, marks the source
 * and ranks its claims (see RETRACT_SOURCE); no row when there is no such source. `already`: it
 * was marked so before (a repeated retract or restore). `ids`, `touched`: the relations it gives
 * evidence for (from|TYPE|to, and element id with properties); `keys`, `claimed`: the entities it
 * has claims on, stamped by `by` where the rank changed.
 */
export function retractSourceStatement(retract: {
  key: string;
  retracted: boolean;
  by: string;
}): Statement {
  return {
    cypher: RETRACT_SOURCE,
    params: {
      key: retract.key,
      retracted: retract.retracted,
      rank: rankOf(retract.retracted),
      by: retract.by,
    },
  };
}

/**
 * The entity with the key, write-locked, as lockedEntityStatement reads it; for a Source, with
 * every entity its delete writes (its footprint) locked first, all in key order, as a retraction
 * locks them (RETRACT_SOURCE). Locked one by one as the strip reached them, deletes among
 * corrections on the same entities deadlocked, or read an entity's claim lists before another
 * write changed them and wrote a list with a hole ("Collections containing null values", an
 * internal error to the client). One statement whatever the kind: another entity's delete took
 * a round trip more for a footprint that found nothing.
 *
 * The entity's neighbours are locked with it: deleting a relation write-locks both its ends, so
 * a delete that held only the entity took its neighbours' locks one by one as it removed the
 * relations, while an ingest naming the same keys held them in key order and waited for the
 * entity: a deadlock each time they met. Four ingests and two deletes on shared entities
 * answered 4 of 93 deletes SERVICE_UNAVAILABLE (deadlocked on every try; redteam28).
 */
const LOCKED_ENTITY_WITH_FOOTPRINT = `
MATCH (e:Entity {key: $key})
CALL (e) {
  WITH e WHERE NOT e:Source
  RETURN e AS n
UNION
  MATCH (e)--(n:Entity)
  RETURN n
UNION
  WITH e AS s WHERE s:Source
  ${FOOTPRINT_NODES.replaceAll("\n", "\n  ")}
  RETURN n
}
WITH e AS s, n
${LOCK_IN_KEY_ORDER}
WITH s AS n WHERE n.kind IS NOT NULL
RETURN ${asMap("n")} AS n`;

/**
 * Row (n): the entity with the key, all its properties, once it and (for a Source) its footprint
 * are write-locked in key order; no row when there is none (or it was deleted while this waited).
 */
export function lockedEntityWithFootprintStatement(key: string): Statement {
  return { cypher: LOCKED_ENTITY_WITH_FOOTPRINT, params: { key } };
}
