/**
 * The import graph (the same check as `npm run check:cycles` in CI): no cycles, and the layers
 * of src import downwards only (domain <- cypher <- data <- graphql <- server).
 */
import { describe, expect, it } from "vitest";
import { importGraph, layerViolations } from "../../tools/imports.js";

describe("imports", () => {
  it("src, bench and tools have no import cycles and src no upward imports", async () => {
    const graph = await importGraph(["src", "bench", "tools"]);
    expect(graph.circular()).toEqual([]);
    expect(layerViolations(graph.obj())).toEqual([]);
  });

  it("an upward import is reported with both files", () => {
    expect(
      layerViolations({
        "src/domain/merge.ts": ["src/db/serialize.ts", "src/domain/claims.ts"],
        "src/cypher/entities.ts": ["src/data/records.ts", "src/domain/vocabulary.ts"],
        "src/data/entities.ts": ["src/graphql/lookahead.ts", "src/cypher/entities.ts"],
        "src/graphql/types/query.ts": ["src/data/entities.ts"],
      }),
    ).toEqual([
      "src/cypher/entities.ts -> src/data/records.ts",
      "src/data/entities.ts -> src/graphql/lookahead.ts",
      "src/domain/merge.ts -> src/db/serialize.ts",
    ]);
  });
});
