/** `npm run docs:vocabulary`: rewrites docs/vocabulary.md from the registry and the seed. */
import { writeFileSync } from "node:fs";
import { printVocabularyDocs, seedDocuments, VOCABULARY_DOCS_PATH } from "../vocabulary-docs.js";

writeFileSync(VOCABULARY_DOCS_PATH, printVocabularyDocs(seedDocuments()));
console.log(`Wrote ${VOCABULARY_DOCS_PATH}.`);
