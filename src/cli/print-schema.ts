/** `npm run schema`: rewrites the printed contracts (SDL, document JSON Schema, kind indexes). */
import { writeFileSync } from "node:fs";
import {
  DOCUMENT_SCHEMA_PATH,
  KIND_INDEXES_PATH,
  printDocumentJsonSchema,
  printKindIndexes,
  printSdl,
  SDL_PATH,
} from "../schema-files.js";

writeFileSync(SDL_PATH, printSdl());
writeFileSync(DOCUMENT_SCHEMA_PATH, printDocumentJsonSchema());
writeFileSync(KIND_INDEXES_PATH, printKindIndexes());
console.log(`Wrote ${SDL_PATH}, ${DOCUMENT_SCHEMA_PATH} and ${KIND_INDEXES_PATH}.`);
