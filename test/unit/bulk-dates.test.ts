/**
 * --bulk merges documents in memory with ingest's semantics, so it refuses what ingest refuses:
 * a mission whose dates from two sources would read as ending before it starts (edges26; the
 * graph path is test/integration/mission-dates.int.test.ts).
 */
import { describe, expect, it } from "vitest";
import { BulkGraph } from "../../src/data/bulk.js";

const doc = (s: string, at: string, dates: Record<string, string>) => ({
  source: { key: `src-${s}`, name: `Source ${s}`, properties: { text: "Text.", publishedAt: at } },
  entities: [{ key: "op-test", kind: "Mission", name: "Operation Test", properties: dates }],
  relations: [],
});

describe("bulk: a mission's dates from several sources", () => {
  it("refuses a document whose end is before another source's later start, and adds nothing", () => {
    const graph = new BulkGraph();
    graph.add(doc("a", "2024-01-01", { startDate: "2020" }));
    expect(() => graph.add(doc("b", "2023-01-01", { startDate: "2010", endDate: "2015" }))).toThrow(
      expect.objectContaining({
        code: "BAD_USER_INPUT",
        problems: [
          {
            path: ["entities", 0, "properties", "endDate"],
            message: expect.stringContaining(
              `endDate "2015" (src-b's claim of 2023-01-01) would be before startDate "2020" (src-a's claim of 2024-01-01)`,
            ),
          },
        ],
      }),
    );
    // A later end from another source is in order.
    expect(() => graph.add(doc("c", "2025-01-01", { endDate: "2022" }))).not.toThrow();
  });
});

describe("bulk: an entity's aliases from several documents", () => {
  const aliasDoc = (s: string, count: number) => ({
    source: { key: `src-${s}`, name: `Source ${s}`, properties: { text: "Text." } },
    entities: [
      {
        key: "wideland",
        kind: "Nation",
        name: "Wideland",
        aliases: Array.from({ length: count }, (_, i) => `Wideland ${s}-${i}`),
      },
    ],
    relations: [],
  });

  it("refuses a document that would give an entity more than 100, as ingest does, and adds nothing", () => {
    const graph = new BulkGraph();
    graph.add(aliasDoc("a", 50));
    graph.add(aliasDoc("b", 50));
    expect(() => graph.add(aliasDoc("c", 1))).toThrow(
      expect.objectContaining({
        code: "BAD_USER_INPUT",
        problems: [
          {
            path: ["entities", 0, "aliases"],
            message: `would give "wideland" 101 aliases (it has 100, this adds 1); an entity holds at most 100: give fewer, or replace its list with updateEntity`,
          },
        ],
      }),
    );
  });
});
