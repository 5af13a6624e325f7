/** What the relation patterns see: the text, its sentences, the linked mentions, the dates. */
import type { Kind, RelationType } from "../domain/vocabulary.js";
import type { KnownEntity } from "./gazetteer.js";
import type { Cluster } from "./link.js";
import type { DateMention, Mention, Quantity } from "./mentions.js";
import type { Token } from "./nlp.js";
import type { Sentence } from "./sentences.js";
import type { TextSpan } from "./types.js";

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
  /**
   * A handover (command-handovers.ts): the relation, whichever sentence drafts it, holds `since`
   * or `until` this date; `until: null` (a handover with no date) leaves it out of the draft.
   */
  closes?: { since?: string; until?: string | null };
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

/** Whether a list's spans come in order of their starts (checked once per list and length). */
const ordered = new WeakMap<readonly unknown[], { length: number; sorted: boolean }>();
function inOrder<T>(xs: readonly T[], start: (x: T) => number): boolean {
  let known = ordered.get(xs);
  if (known === undefined || known.length !== xs.length) {
    known = {
      length: xs.length,
      sorted: xs.every((x, i) => i === 0 || start(xs[i - 1] as T) <= start(x)),
    };
    ordered.set(xs, known);
  }
  return known.sorted;
}

/**
 * The items of `xs` that lie within [from, to]: a filter, found by binary search where the list is
 * in order (every reader asks this once per sentence: scanning the whole list each time made a
 * text of thousands of mentions quadratic).
 */
function within<T>(xs: readonly T[], from: number, to: number, span: (x: T) => TextSpan): T[] {
  if (!inOrder(xs, (x) => span(x).start))
    return xs.filter((x) => span(x).start >= from && span(x).end <= to);
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (span(xs[mid] as T).start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < xs.length && span(xs[i] as T).start <= to; i++)
    if (span(xs[i] as T).end <= to) out.push(xs[i] as T);
  return out;
}

export const inSentence = <T extends { start: number; end: number }>(
  s: Sentence,
  xs: readonly T[],
) => within(xs, s.start, s.end, (x) => x);

export const placedIn = (s: Sentence, xs: readonly Placed[]) =>
  within(xs, s.start, s.end, (x) => x.mention);
