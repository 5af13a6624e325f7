/**
 * extlearn29's learned step (bench/extract-learned.ts): the features it reads of a relation or a
 * candidate pair, and its trainer. Sentences are our own, not a tune article's. The step is not
 * wired into the extractor (bench/results/extract-learn.md): these pin what the measurement ran.
 */
import { describe, expect, it } from "vitest";
import {
  bucket,
  DIMENSIONS,
  featureNames,
  hashed,
  type Item,
  score,
  train,
} from "../../bench/extract-learned.js";

const sentence = "Estonia sent two frigates to the exercise off Tallinn.";
const at = (word: string) => {
  const start = sentence.indexOf(word);
  return { start, end: start + word.length };
};
const item = (over: Partial<Item> = {}): Item => ({
  type: "PARTICIPATED_IN",
  from: { kind: "Nation", status: "LINKED", mentions: [at("Estonia")] },
  to: { kind: "Event", status: "NEW", mentions: [at("exercise")] },
  sentence: { start: 0, end: sentence.length, text: sentence },
  ...over,
});

describe("the learned step's features", () => {
  it("reads the words between the ends, with the type, lemmatised roughly", () => {
    const names = featureNames(item());
    expect(names).toEqual(
      expect.arrayContaining([
        "t:PARTICIPATED_IN|w:sent",
        "t:PARTICIPATED_IN|w:frigate",
        "t:PARTICIPATED_IN|order:ft",
        "t:PARTICIPATED_IN|k:Nation>Event",
        "t:PARTICIPATED_IN|st:LINKED>NEW",
        "t:PARTICIPATED_IN|named:11",
        "t:PARTICIPATED_IN|a:off",
      ]),
    );
    // words outside the two ends are not "between"
    expect(names).not.toContain("t:PARTICIPATED_IN|w:tallinn");
  });

  it("says which end comes first, and that an end its sentence does not name has no distance", () => {
    const back = item({
      from: { kind: "Nation", status: "LINKED", mentions: [at("Tallinn")] },
    });
    expect(featureNames(back)).toContain("t:PARTICIPATED_IN|order:tf");
    const absent = item({ to: { kind: "Event", status: "NEW", mentions: [] } });
    expect(featureNames(absent)).toEqual(
      expect.arrayContaining(["t:PARTICIPATED_IN|dist:none", "t:PARTICIPATED_IN|named:10"]),
    );
  });

  it("hashes features into a fixed range, sorted and once each", () => {
    const row = hashed(item({ reader: "exercises", hand: 0.8, support: 2, inferred: false }));
    expect(row.every((i) => Number.isInteger(i) && i >= 0 && i < DIMENSIONS)).toBe(true);
    expect(row).toEqual([...new Set(row)].sort((a, b) => a - b));
    expect(bucket("bias")).toBe(bucket("bias"));
    expect(bucket("t:ABOUT")).not.toBe(bucket("t:HOSTS"));
  });
});

describe("the learned step's trainer", () => {
  const good = bucket("good");
  const bad = bucket("bad");
  const base = bucket("bias");
  const rows = [
    ...Array.from({ length: 20 }, () => ({ x: [base, good], y: 1 as const })),
    ...Array.from({ length: 20 }, () => ({ x: [base, bad], y: 0 as const })),
    { x: [base, good], y: 0 as const },
  ];

  it("learns which feature tells right from wrong", () => {
    const w = train(rows);
    expect(score(w, [base, good])).toBeGreaterThan(0.8);
    expect(score(w, [base, bad])).toBeLessThan(0.2);
  });

  it("is deterministic: the same rows give the same weights", () => {
    expect([...train(rows)]).toEqual([...train(rows)]);
  });
});
