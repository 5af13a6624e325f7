import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DOCUMENT_SCHEMA_PATH,
  KIND_INDEXES_PATH,
  printDocumentJsonSchema,
  printKindIndexes,
  printSdl,
  SDL_PATH,
} from "../../src/schema-files.js";

describe("printed contracts", () => {
  it("schema/schema.graphql matches the schema the code builds (run `npm run schema` after changing it)", () => {
    expect(readFileSync(SDL_PATH, "utf8")).toBe(printSdl());
  });

  it("schema/neo4j/002_kind_indexes.cypher matches the vocabulary (run `npm run schema`)", () => {
    expect(readFileSync(KIND_INDEXES_PATH, "utf8")).toBe(printKindIndexes());
  });

  it("schema/document.schema.json matches the document format (run `npm run schema`)", () => {
    expect(readFileSync(DOCUMENT_SCHEMA_PATH, "utf8")).toBe(printDocumentJsonSchema());
  });
});
