import { describe, expect, it } from "vitest";
import type { Document } from "../../src/domain/document.js";
import { validateDocument } from "../../src/domain/validate.js";
import { KIND_NAMES, type Kind, RELATION_TYPE_NAMES } from "../../src/domain/vocabulary.js";
import {
  DEFAULT_BATCH_SIZE,
  documentKinds,
  GENERATED_KEY_PREFIX,
  generateDocuments,
} from "../../src/generate/documents.js";

const generate = (entities: number, seed = 42, batchSize = 1_000): Document[] => [
  ...generateDocuments({ entities, seed, batchSize }),
];

const DOCS = generate(3_000);

describe("the synthetic generator", () => {
  it("gives byte-identical documents for the same seed and different ones for another", () => {
    expect(JSON.stringify(generate(3_000))).toBe(JSON.stringify(DOCS));
    expect(JSON.stringify(generate(3_000, 43))).not.toBe(JSON.stringify(DOCS));
  });

  it("cuts the same entities and relations into documents whatever the batch size", () => {
    const content = (docs: Document[]) => ({
      entities: docs.flatMap((d) => d.entities),
      relations: docs.flatMap((d) => d.relations.filter((r) => r.type !== "MENTIONS")),
    });
    expect(content(generate(3_000, 42, 250))).toEqual(content(DOCS));
  });

  it("makes exactly the entities asked for, in documents of at most the batch size", () => {
    expect(DOCS.map((d) => d.entities.length)).toEqual([1_000, 1_000, 1_000]);
    expect([...generateDocuments({ entities: 0 })]).toEqual([]);
    const [one] = generate(1, 42);
    expect(one?.entities).toHaveLength(1);
    expect(generate(12_000, 1, DEFAULT_BATCH_SIZE).map((d) => d.entities.length)).toEqual([
      5_000, 5_000, 2_000,
    ]);
  });

  it("rejects options out of range", () => {
    expect(() => generate(-1)).toThrow(RangeError);
    expect(() => generate(10, 42, 0)).toThrow(/batchSize/);
    expect(() => generate(10, -1)).toThrow(/seed/);
  });

  it("writes documents that validate in order, each against the entities before it", () => {
    const known = new Map<string, Kind>();
    for (const doc of DOCS) {
      const result = validateDocument(doc, known);
      expect(result.ok ? [] : result.problems.slice(0, 5)).toEqual([]);
      for (const [key, kind] of documentKinds(doc)) known.set(key, kind);
    }
  });

  it("keys every entity with the prefix, never repeats a relation, quotes evidence verbatim", () => {
    for (const doc of DOCS) {
      const text = String(doc.source.properties.text);
      const keys = [doc.source.key, ...doc.entities.map((e) => e.key)];
      expect(keys.every((k) => k.startsWith(GENERATED_KEY_PREFIX))).toBe(true);
      const triples = doc.relations.map((r) => `${r.from} ${r.type} ${r.to}`);
      expect(new Set(triples).size).toBe(triples.length);
      const lines = new Set(text.split("\n"));
      expect(doc.relations.every((r) => lines.has(r.evidence))).toBe(true);
    }
  });

  it("uses every kind and every relation type, at about three relations per entity", () => {
    const entities = DOCS.flatMap((d) => d.entities);
    const relations = DOCS.flatMap((d) => d.relations);
    const kinds = new Set<string>([...entities.map((e) => e.kind), "Source"]);
    expect([...kinds].sort()).toEqual([...KIND_NAMES].sort());
    expect([...new Set(relations.map((r) => r.type))].sort()).toEqual(
      [...RELATION_TYPE_NAMES].sort(),
    );
    const perEntity = relations.length / entities.length;
    expect(perEntity).toBeGreaterThan(2.5);
    expect(perEntity).toBeLessThan(4.5);
    const inferred = relations.filter((r) => r.inferred).length / relations.length;
    expect(inferred).toBeGreaterThan(0.05);
    expect(inferred).toBeLessThan(0.15);
    const nations = entities.filter((e) => e.kind === "Nation");
    expect(nations.length / entities.length).toBeCloseTo(0.025, 2);
    expect(nations.every((n) => /^[A-Z]{3}$/.test(String(n.properties.isoCode)))).toBe(true);
    const dates = entities.flatMap((e) => (e.kind === "Event" ? [String(e.properties.date)] : []));
    expect(dates.some((d) => /^\d{4}$/.test(d))).toBe(true);
    expect(dates.some((d) => /^\d{4}-\d{2}$/.test(d))).toBe(true);
    expect(dates.some((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
  });

  it("makes hub nations: the best linked has many times the median's links", () => {
    const hubTypes = new Set(["MEMBER_OF", "CONTRIBUTES_TO", "HOSTS", "LEADS"]);
    const nations = DOCS.flatMap((d) => d.entities.filter((e) => e.kind === "Nation"));
    const degree = new Map(nations.map((n) => [n.key, 0]));
    for (const r of DOCS.flatMap((d) => d.relations)) {
      if (!hubTypes.has(r.type)) continue;
      for (const key of [r.from, r.to]) {
        const d = degree.get(key);
        if (d !== undefined) degree.set(key, d + 1);
      }
    }
    const sorted = [...degree.values()].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const top = sorted.at(-1) ?? 0;
    expect(top).toBeGreaterThanOrEqual(5 * Math.max(median, 1));
  });
});
