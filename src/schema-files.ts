/** The printed contracts under schema/: the SDL and the document format's JSON Schema. */
import { lexicographicSortSchema, printSchema } from "graphql";
import { z } from "zod";
import { registryIndexStatements } from "./db/migrate.js";
import { documentSchema } from "./domain/document.js";
import { schema } from "./graphql/index.js";

export const SDL_PATH = "schema/schema.graphql";
export const DOCUMENT_SCHEMA_PATH = "schema/document.schema.json";
export const KIND_INDEXES_PATH = "schema/neo4j/002_kind_indexes.cypher";

/** The per-kind index migration, derived from the vocabulary. */
export function printKindIndexes(): string {
  const header = [
    "// Generated from src/domain/vocabulary.ts by `npm run schema`; do not edit.",
    "// Per kind: nameLower as a range index (ordering by name, prefix and equality filters) and as a",
    "// text index (contains, ends with), and each filterable property. The old name index is dropped.",
  ];
  return `${[...header, ...registryIndexStatements().map((s) => `${s};`)].join("\n")}\n`;
}

/** The SDL, sorted, as committed in schema/schema.graphql. */
export function printSdl(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** The JSON Schema of the ingest document format (input side: defaults are optional). */
export function printDocumentJsonSchema(): string {
  const json = z.toJSONSchema(documentSchema, { io: "input", target: "draft-2020-12" });
  return `${JSON.stringify({ ...json, $id: "https://allies-graph.local/document.schema.json", title: "Allies graph document" }, null, 2)}\n`;
}
