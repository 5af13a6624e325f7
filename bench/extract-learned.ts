/**
 * A small learned step over the rules' draft (extlearn29): a logistic regression over hashed,
 * general features of a drafted relation (the precision filter) or of two entities the draft
 * found in one sentence and left unrelated (the recall adder). Pure: features, hashing, scoring
 * and a deterministic trainer; bench/extract-learn.ts builds the examples from the tune set and
 * measures it by cross-fitting. Not wired into extractDraft: by cross-fitting it did not beat the
 * rules alone by more than noise (bench/results/extract-learn.md); it lives in bench/ until a
 * variant does. Features are never a phrasing of one article: the relation's
 * type, the reader that proposed it, the ends' kinds and whether each is linked, the words
 * between the ends (each word alone, with the type), their distance and order, the sentence's
 * length.
 *
 * The trainer is ours, not a library's: full-batch gradient descent with Adagrad steps and an L2
 * penalty over a few thousand sparse rows is 40 lines, deterministic (no random start, rows in
 * the order given), needs no matrix package (`ml-logistic-regression` wants dense ml-matrix rows
 * of 2^13 columns; `natural`'s classifiers are bag-of-words with a tokenizer of their own), and
 * its weights are a plain JSON table.
 */

/** One end of a relation or candidate pair, as the draft has it. */
export interface End {
  kind: string;
  status: "NEW" | "LINKED";
  mentions: readonly { start: number; end: number }[];
}

/** A drafted relation (filter) or a candidate (adder), with its sentence. */
export interface Item {
  type: string;
  from: End;
  to: End;
  sentence: { start: number; end: number; text: string };
  /** The reader that proposed it, its hand-set confidence, support and inferred flag: drafts only. */
  reader?: string;
  hand?: number;
  support?: number;
  inferred?: boolean;
  /** The draft's calibrated confidence (calibration.ts): only the bench's "cal" variant reads it. */
  calibrated?: number;
  /** Sentences naming both ends (adder). */
  together?: number;
  /** Other relations each end already has in the draft, by type (adder). */
  fromHas?: readonly string[];
  toHas?: readonly string[];
}

export const DIMENSIONS = 1 << 13;

/** FNV-1a over the feature's name, into DIMENSIONS buckets. */
export function bucket(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % DIMENSIONS;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words, a plural or past ending cut (a lemma good enough for a feature). */
function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) =>
    w
      .toLowerCase()
      .replace(/(?<=\p{L}{3})(?:ies)$/u, "y")
      .replace(/(?<=\p{L}{3})(?:ed|s)$/u, ""),
  );
}

const inside = (e: End, s: Item["sentence"]) =>
  e.mentions.filter((m) => m.start >= s.start && m.end <= s.end);

const band = (n: number, cuts: readonly number[]) => {
  let i = 0;
  while (i < cuts.length && n >= (cuts[i] as number)) i++;
  return String(i);
};

/** The names of an item's features (before hashing). */
export function featureNames(item: Item): string[] {
  const t = item.type;
  const s = item.sentence;
  const out = [
    "bias",
    `t:${t}`,
    `t:${t}|k:${item.from.kind}>${item.to.kind}`,
    `t:${t}|st:${item.from.status}>${item.to.status}`,
    `len:${band(s.text.length, [80, 160, 260])}`,
  ];
  const a = inside(item.from, s);
  const b = inside(item.to, s);
  out.push(`t:${t}|named:${a.length > 0 ? 1 : 0}${b.length > 0 ? 1 : 0}`);
  let best: { x: { start: number; end: number }; y: { start: number; end: number } } | undefined;
  let gap = Number.POSITIVE_INFINITY;
  for (const x of a)
    for (const y of b) {
      const g = x.start < y.start ? y.start - x.end : x.start - y.end;
      if (g < gap) {
        gap = g;
        best = { x, y };
      }
    }
  if (best) {
    const first = best.x.start < best.y.start ? best.x : best.y;
    const second = first === best.x ? best.y : best.x;
    out.push(`t:${t}|order:${first === best.x ? "ft" : "tf"}`);
    const between = wordsOf(s.text.slice(Math.max(0, first.end - s.start), second.start - s.start));
    out.push(`t:${t}|dist:${band(between.length, [1, 3, 6, 12, 20])}`);
    for (const w of new Set(between)) out.push(`t:${t}|w:${w}`, `w:${w}`);
    const before = wordsOf(s.text.slice(0, first.start - s.start)).slice(-2);
    for (const w of before) out.push(`t:${t}|b:${w}`);
    const after = wordsOf(s.text.slice(second.end - s.start)).slice(0, 2);
    for (const w of after) out.push(`t:${t}|a:${w}`);
  } else out.push(`t:${t}|dist:none`);
  if (item.reader !== undefined) out.push(`r:${item.reader}`, `t:${t}|r:${item.reader}`);
  if (item.inferred !== undefined) out.push(`t:${t}|inf:${item.inferred}`);
  if (item.hand !== undefined) out.push(`hand:${band(item.hand, [0.6, 0.7, 0.8, 0.9])}`);
  if (item.calibrated !== undefined)
    out.push(`cal:${band(item.calibrated, [0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95])}`);
  if (item.support !== undefined) out.push(`sup:${item.support > 1}`);
  if (item.together !== undefined) out.push(`t:${t}|tog:${band(item.together, [2, 3])}`);
  for (const h of new Set(item.fromHas ?? [])) out.push(`t:${t}|fh:${h}`);
  for (const h of new Set(item.toHas ?? [])) out.push(`t:${t}|th:${h}`);
  return out;
}

/** An item's hashed features, sorted; `keep` picks among the names (bench variants). */
export const hashed = (item: Item, keep: (name: string) => boolean = () => true): number[] =>
  [...new Set(featureNames(item).filter(keep).map(bucket))].sort((a, b) => a - b);

/** Weights by bucket; absent buckets weigh 0. */
export type Weights = ReadonlyMap<number, number>;

export function score(weights: Weights, row: readonly number[]): number {
  let z = 0;
  for (const i of row) z += weights.get(i) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Logistic regression by full-batch gradient descent with Adagrad steps and an L2 penalty
 * (`lambda`, per example), `epochs` passes: deterministic for the same rows in the same order.
 * Weights whose magnitude rounds below `prune` are left out.
 */
export function train(
  rows: readonly { x: readonly number[]; y: 0 | 1 }[],
  { epochs = 200, rate = 0.3, lambda = 1e-3, prune = 0.005 } = {},
): Map<number, number> {
  const w = new Float64Array(DIMENSIONS);
  const g2 = new Float64Array(DIMENSIONS).fill(1e-8);
  const used = [...new Set(rows.flatMap((r) => r.x))].sort((a, b) => a - b);
  const n = Math.max(1, rows.length);
  for (let e = 0; e < epochs; e++) {
    const grad = new Float64Array(DIMENSIONS);
    for (const r of rows) {
      let z = 0;
      for (const i of r.x) z += w[i] as number;
      const err = 1 / (1 + Math.exp(-z)) - r.y;
      for (const i of r.x) grad[i] = (grad[i] as number) + err / n;
    }
    for (const i of used) {
      const g = (grad[i] as number) + lambda * (w[i] as number);
      g2[i] = (g2[i] as number) + g * g;
      w[i] = (w[i] as number) - (rate * g) / Math.sqrt(g2[i] as number);
    }
  }
  const out = new Map<number, number>();
  for (const i of used) {
    const v = Math.round((w[i] as number) * 1000) / 1000;
    if (Math.abs(v) >= prune) out.set(i, v);
  }
  return out;
}
