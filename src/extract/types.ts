/**
 * The extractor's contract: what `extractDraft` returns and what a linker answers. Offsets are
 * UTF-16 indexes into the repaired text (document.source.properties.text), end exclusive.
 */
import type { Document } from "../domain/document.js";
import type { Kind, RelationType } from "../domain/vocabulary.js";

export interface TextSpan {
  start: number;
  end: number;
}

/** An entity the draft names: one already known (LINKED) or proposed (NEW). */
export interface DraftEntity {
  key: string;
  kind: Kind;
  name: string;
  status: "NEW" | "LINKED";
  mentions: TextSpan[];
}

/** A relation of the draft, `index` into document.relations. */
export interface DraftRelation {
  index: number;
  type: RelationType;
  from: string;
  to: string;
  excerpt: string;
  span: TextSpan;
  /**
   * 0..1: the chance a reviewer accepts it, calibrated on the tune set (calibration.ts); for
   * MENTIONS, 0.95.
   */
  confidence: number;
  inferred: boolean;
}

export interface ExtractResult {
  /** The draft in the document format; passes the document parser. */
  document: Document;
  entities: DraftEntity[];
  relations: DraftRelation[];
  /**
   * The text's sentences as the extractor cut them, in order: the evidence units its relations
   * quote, so that a reviewer choosing another sentence quotes the same units.
   */
  sentences: TextSpan[];
  /** What the extractor could not settle and a reviewer should look at. */
  problems: string[];
}

export interface ExtractSource {
  key?: string;
  title?: string;
  publisher?: string;
  /** ISO date, YYYY, YYYY-MM or YYYY-MM-DD; relative dates resolve against it. */
  publishedAt?: string;
  url?: string;
}

export interface ExtractInput {
  text: string;
  source: ExtractSource;
}

/** A known entity a name resolves to. */
export interface LinkedEntity {
  key: string;
  kind: Kind;
  name: string;
  /** An event's date, when it has one (occasions.ts: recurring meetings are told apart by it). */
  date?: string;
}

/**
 * Resolves names to known entities: one call per article with every name, never one per mention.
 * `keys` are the keys the draft would propose for what it could not link by name: an entity that
 * already has one of them is answered under the key itself, so a draft never proposes as NEW a
 * key the graph already holds (ingesting it would silently change that entity).
 */
export interface Linker {
  lookup(names: string[], keys?: string[]): Promise<Map<string, LinkedEntity>>;
}

export interface ExtractOptions {
  linker?: Linker;
  /**
   * Relations rated below this confidence are left out of the draft and listed in `problems` as
   * suggestions (their entities keep their MENTIONS). None by default (calibration.ts says why).
   */
  minConfidence?: number;
}
