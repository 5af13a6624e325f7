/** `npm run schema`: rewrites schema/schema.graphql and schema/document.schema.json. */
import { writeFileSync } from "node:fs";
import {
  DOCUMENT_SCHEMA_PATH,
  printDocumentJsonSchema,
  printSdl,
  SDL_PATH,
} from "../schema-files.js";

writeFileSync(SDL_PATH, printSdl());
writeFileSync(DOCUMENT_SCHEMA_PATH, printDocumentJsonSchema());
console.log(`Wrote ${SDL_PATH} and ${DOCUMENT_SCHEMA_PATH}.`);
