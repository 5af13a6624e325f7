import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DOCUMENT_SCHEMA_PATH,
  printDocumentJsonSchema,
  printSdl,
  SDL_PATH,
} from "../../src/schema-files.js";

describe("printed contracts", () => {
  it("schema/schema.graphql matches the schema the code builds (run `npm run schema` after changing it)", () => {
    expect(readFileSync(SDL_PATH, "utf8")).toBe(printSdl());
  });

  it("schema/document.schema.json matches the document format (run `npm run schema`)", () => {
    expect(readFileSync(DOCUMENT_SCHEMA_PATH, "utf8")).toBe(printDocumentJsonSchema());
  });
});
