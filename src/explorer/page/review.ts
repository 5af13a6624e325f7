/**
 * The review of a draft, as the reader has left it: which entities and relations are kept, the
 * keys as edited or linked, each relation's type, ends and values as mended, and what the reader
 * added. `reviewed` turns it into the document that checkDocument and ingestDocument receive;
 * nothing else builds that document, so what is sent is what the rows show.
 */
import type { Draft, DraftDocument, DraftEntity, EntityRef, TextSpan } from "./api.js";
import type { Kind } from "./kinds.js";
import { draftSentences } from "./sentences.js";

export const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface EntityReview {
  entity: DraftEntity;
  accepted: boolean;
  /** The key it is written under: the proposed one, as edited, or the linked entity's. */
  key: string;
  linked: EntityRef | null;
  /** Why the key last typed was not taken, shown beside the key until the next edit. */
  keyProblem?: string;
  /** The reader added it (the extractor missed it). */
  added?: boolean;
  /** What the server said of it when the document was last checked or sent. */
  refused?: string[];
  /** Its removal asked about: the relations that would go with it are named on its row. */
  removing?: boolean;
}

/** An end of a relation: an entity of the draft (by its draft key), the article, or the graph's. */
export type End = { entity: string } | { source: true } | { graph: EntityRef };

export interface RelationReview {
  /** The row's id: the draft's index for a drafted relation, `new-N` for one the reader added. */
  id: string;
  /** Its place in the draft's document.relations; null for one the reader added. */
  index: number | null;
  type: string;
  from: End;
  to: End;
  /** The values it is written with, as the reader left them. */
  properties: Record<string, unknown>;
  /** Text typed in a value field that is no value of the field's type ("forty"), by property. */
  typed: Record<string, string>;
  /** The evidence: the sentence of the text that states it, verbatim. */
  evidence: string;
  span: TextSpan;
  /** The extractor's confidence; null for one the reader added. */
  confidence: number | null;
  inferred: boolean;
  accepted: boolean;
  /** Its editor is open. */
  editing: boolean;
  /** What the server said of it when the document was last checked or sent. */
  refused: string[];
}

export interface Review {
  draft: Draft;
  text: string;
  sourceKey: string;
  /** By draft key (for one the reader added, the key it was added under). */
  entities: Map<string, EntityReview>;
  relations: RelationReview[];
  /** Relations the reader added so far: numbers their rows. */
  added: number;
  /** The text's sentences, in order: what a relation's evidence may be. */
  sentences: TextSpan[];
  /**
   * The row whose evidence the reader is picking in the text ("Pick in the text" in its editor):
   * the next sentence clicked becomes its evidence. A click otherwise starts an addition.
   */
  picking?: string | null;
}

/** The review of a fresh draft: everything accepted, as proposed. */
export function newReview(draft: Draft): Review {
  const doc = draft.document;
  const entities = new Map<string, EntityReview>(
    draft.entities.map((entity) => [
      entity.key,
      { entity, accepted: true, key: entity.key, linked: null },
    ]),
  );
  const end = (key: string): End => (key === doc.source.key ? { source: true } : { entity: key });
  return {
    draft,
    text: doc.source.properties.text,
    sourceKey: doc.source.key,
    entities,
    relations: draft.relations.map((relation) => {
      const properties = doc.relations[relation.index]?.properties;
      return {
        id: String(relation.index),
        index: relation.index,
        type: relation.type,
        from: end(relation.from),
        to: end(relation.to),
        properties:
          properties && typeof properties === "object"
            ? { ...(properties as Record<string, unknown>) }
            : {},
        typed: {},
        evidence: relation.excerpt,
        span: relation.span,
        confidence: relation.confidence,
        inferred: relation.inferred,
        accepted: true,
        editing: false,
        refused: [],
      };
    }),
    added: 0,
    sentences: draftSentences(draft),
  };
}

/** The key an end is written under. */
export function endKey(review: Review, end: End): string {
  if ("source" in end) return review.sourceKey;
  if ("graph" in end) return end.graph.key;
  return review.entities.get(end.entity)?.key ?? end.entity;
}

export function endKind(review: Review, end: End): Kind | null {
  if ("source" in end) return "Source";
  if ("graph" in end) return end.graph.kind;
  const r = review.entities.get(end.entity);
  return r?.linked?.kind ?? r?.entity.kind ?? null;
}

export function endName(review: Review, end: End): string {
  if ("source" in end) return "this article";
  if ("graph" in end) return end.graph.name;
  const r = review.entities.get(end.entity);
  return r?.linked?.name ?? r?.entity.name ?? end.entity;
}

/** An end that is an entity of the draft the reader rejected. */
export function endRejected(review: Review, end: End): boolean {
  return "entity" in end && review.entities.get(end.entity)?.accepted === false;
}

/** The end an entity picked in a search box stands for: the draft's row under that key first. */
export function endOf(review: Review, picked: EntityRef): End {
  for (const [draftKey, r] of review.entities)
    if (r.key === picked.key) return { entity: draftKey };
  if (picked.key === review.sourceKey) return { source: true };
  return { graph: picked };
}

/** "Birna Stefansdottir VISITED Latvia". */
export function sentenceOf(review: Review, r: RelationReview): string {
  return `${endName(review, r.from)} ${r.type} ${endName(review, r.to)}`;
}

/** The relation as it would be written: from|TYPE|to, with the keys as reviewed. */
export function idOf(review: Review, r: RelationReview): string {
  return `${endKey(review, r.from)}|${r.type}|${endKey(review, r.to)}`;
}

/** The values as one comparable text, whatever order they were set in. */
const valuesText = (values: unknown): string =>
  JSON.stringify(
    Object.entries(values && typeof values === "object" ? values : {}).sort(([a], [b]) =>
      a < b ? -1 : 1,
    ),
  );

/** Whether the reader changed a drafted relation's type, an end, a value, its evidence or flag. */
export function mended(review: Review, r: RelationReview): boolean {
  const index = r.index;
  const drafted = review.draft.relations.find((d) => d.index === index);
  if (index === null || !drafted) return false;
  const doc = review.draft.document;
  const asReviewed = (key: string) =>
    key === doc.source.key ? review.sourceKey : (review.entities.get(key)?.key ?? key);
  return (
    r.type !== drafted.type ||
    endKey(review, r.from) !== asReviewed(drafted.from) ||
    endKey(review, r.to) !== asReviewed(drafted.to) ||
    valuesText(r.properties) !== valuesText(doc.relations[index]?.properties) ||
    Object.keys(r.typed).length > 0 ||
    r.evidence !== drafted.excerpt ||
    r.inferred !== drafted.inferred
  );
}

/**
 * A relation's evidence made `sentence` of the text, quoted verbatim, as ingest takes it: only
 * one of the text's own sentences is taken (false, and nothing changed, for any other stretch).
 */
export function setEvidence(review: Review, r: RelationReview, sentence: TextSpan): boolean {
  const own = review.sentences.find((s) => s.start === sentence.start && s.end === sentence.end);
  if (!own) return false;
  r.span = { start: own.start, end: own.end };
  r.evidence = review.text.slice(own.start, own.end);
  return true;
}

/**
 * A sentence clicked in the text made the evidence of the relation whose evidence is being
 * picked (its editor open), which stops the picking. The relation given it, or null (none is
 * being picked, or not one of the text's sentences: the picking goes on).
 */
export function clickedEvidence(review: Review, sentence: TextSpan): RelationReview | null {
  const r = review.relations.find((x) => x.id === review.picking && x.editing);
  if (!r || !setEvidence(review, r, sentence)) return null;
  review.picking = null;
  return r;
}

/** The relations that have the entity `draftKey` of the review at either end. */
export function relationsOf(review: Review, draftKey: string): RelationReview[] {
  const at = (end: End) => "entity" in end && end.entity === draftKey;
  return review.relations.filter((r) => at(r.from) || at(r.to));
}

/**
 * Removes a relation the reader added (a drafted one is rejected, never removed: the draft is
 * what the extractor proposed). Whether it was removed.
 */
export function removeRelation(review: Review, id: string): boolean {
  const at = review.relations.findIndex((r) => r.id === id && r.index === null);
  if (at < 0) return false;
  review.relations.splice(at, 1);
  return true;
}

/**
 * Removes an entity the reader added, and with it the relations that use it (its mention by the
 * article, and any added between it and another): a relation without its end could not be sent.
 * The relations removed, for the page to say which; null when `draftKey` is no added entity.
 */
export function removeEntity(review: Review, draftKey: string): RelationReview[] | null {
  const r = review.entities.get(draftKey);
  if (!r?.added) return null;
  const gone = relationsOf(review, draftKey);
  review.entities.delete(draftKey);
  review.relations = review.relations.filter((x) => !gone.includes(x));
  return gone;
}

/** Whether the relation goes into the document: kept, and neither end rejected. */
export function kept(review: Review, r: RelationReview): boolean {
  return r.accepted && !endRejected(review, r.from) && !endRejected(review, r.to);
}

/** An entity of the graph (found by the extractor or linked by the reader): not declared again. */
function standsAsItIs(r: EntityReview | undefined): boolean {
  return r?.linked != null || r?.entity.status === "LINKED";
}

/** The relation in the document format, as the row shows it. */
export function relationDocument(
  review: Review,
  r: RelationReview,
): DraftDocument["relations"][number] {
  const drafted = r.index === null ? {} : (review.draft.document.relations[r.index] ?? {});
  return {
    ...drafted,
    from: endKey(review, r.from),
    type: r.type,
    to: endKey(review, r.to),
    properties: { ...r.properties },
    inferred: r.inferred,
    evidence: r.evidence,
  };
}

export interface Reviewed {
  document: DraftDocument;
  /** For each entity of the document, its key in the review's map. */
  entityOf: string[];
  /** For each relation of the document, its row. */
  relationOf: RelationReview[];
}

/**
 * The reviewed document, with where each of its entities and relations comes from in the review:
 * ingest's problems name a place in the document sent ("relations.3.to"), which is not the row
 * the reader sees once rows were rejected or added.
 */
export function reviewed(review: Review): Reviewed {
  const doc = review.draft.document;
  const declared = new Map(doc.entities.map((e) => [e.key, e]));
  // The draft's entities in its order, then those the reader added, each under its key as
  // reviewed. An entity of the graph stands as it is: the draft's entry would add names and
  // fields nobody reviewed, so it goes, and the relations simply use its key.
  const entities = [...review.entities.entries()].filter(
    ([draftKey, r]) => r.accepted && !standsAsItIs(r) && (declared.has(draftKey) || r.added),
  );
  const relations = review.relations.filter((r) => kept(review, r));
  return {
    document: {
      ...doc,
      source: { ...doc.source, key: review.sourceKey },
      entities: entities.map(([draftKey, r]) => ({
        ...(declared.get(draftKey) ?? { kind: r.entity.kind }),
        // As the row shows it: the draft's name, or the one the reader gave it.
        name: r.entity.name,
        key: r.key,
      })),
      relations: relations.map((r) => relationDocument(review, r)),
    },
    entityOf: entities.map(([draftKey]) => draftKey),
    relationOf: relations,
  };
}

/** The reviewed document alone. */
export function reviewedDocument(review: Review): DraftDocument {
  return reviewed(review).document;
}
