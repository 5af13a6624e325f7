/** The printed contracts under schema/: the SDL and the document format's JSON Schema. */
import { lexicographicSortSchema, printSchema } from "graphql";
import { z } from "zod";
import { documentSchema } from "./domain/document.js";
import { schema } from "./graphql/index.js";

export const SDL_PATH = "schema/schema.graphql";
export const DOCUMENT_SCHEMA_PATH = "schema/document.schema.json";

/** The SDL, sorted, as committed in schema/schema.graphql. */
export function printSdl(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** The JSON Schema of the ingest document format (input side: defaults are optional). */
export function printDocumentJsonSchema(): string {
  const json = z.toJSONSchema(documentSchema, { io: "input", target: "draft-2020-12" });
  return `${JSON.stringify({ ...json, $id: "https://allies-graph.local/document.schema.json", title: "Allies graph document" }, null, 2)}\n`;
}
