/** What the relation patterns see: the text, its sentences, the linked mentions, the dates. */
import type { Kind, RelationType } from "../domain/vocabulary.js";
import type { KnownEntity } from "./gazetteer.js";
import type { Cluster } from "./link.js";
import type { DateMention, Mention, Quantity } from "./mentions.js";
import type { Token } from "./nlp.js";
import type { Sentence } from "./sentences.js";

export interface Placed {
  mention: Mention;
  cluster: Cluster;
}

export interface Proposal {
  type: RelationType;
  from: Cluster;
  to: Cluster;
  properties: Record<string, string | number | boolean>;
  inferred: boolean;
  confidence: number;
  sentence: Sentence;
  /** Which reader of relations.ts proposed it (internal: for calibration.ts, not in the draft). */
  reader?: string;
}

export interface Context {
  text: string;
  sentences: Sentence[];
  /** Linked mentions in text order. */
  placed: Placed[];
  /**
   * The places a dateline names ("VILNIUS, Lithuania (AP) —"): where the story was filed. Not in
   * `placed`, so no rule makes them a participant, a destination or the home nation; only where
   * they lie (a capital in its nation) is drawn from them.
   */
  filedFrom?: Placed[];
  quantities: Quantity[];
  dates: DateMention[];
  /** wink's tokens (parts of speech, lemmas) in text order, for the clause reader (clauses.ts). */
  tokens?: readonly Token[];
  publishedAt?: string;
  /** The nation the publisher names ("Prime Minister of Canada"), if any. */
  publisherNation?: KnownEntity;
  /** The reader now proposing (relations.ts sets it): each proposal records it. */
  reader?: string;
  /** Finds or makes an entity a pattern needs (a quote, a pledge, an event). */
  entity(
    kind: Kind,
    key: string,
    name: string,
    properties?: Record<string, string | number>,
    span?: { start: number; end: number; text: string },
  ): Cluster;
  propose(p: Omit<Proposal, "properties" | "inferred" | "confidence"> & Partial<Proposal>): void;
  problem(message: string): void;
}

export const inSentence = <T extends { start: number; end: number }>(
  s: Sentence,
  xs: readonly T[],
) => xs.filter((x) => x.start >= s.start && x.end <= s.end);

export const placedIn = (s: Sentence, xs: readonly Placed[]) =>
  xs.filter((x) => x.mention.start >= s.start && x.mention.end <= s.end);
