import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RELATION_TYPE_NAMES, RELATION_TYPES } from "../../src/domain/vocabulary.js";
import {
  printVocabularyDocs,
  seedDocuments,
  VOCABULARY_DOCS_PATH,
} from "../../src/vocabulary-docs.js";

describe("docs/vocabulary.md", () => {
  it("matches the registry and the seed (run `npm run docs:vocabulary` after changing either)", () => {
    expect(readFileSync(VOCABULARY_DOCS_PATH, "utf8")).toBe(printVocabularyDocs(seedDocuments()));
  });

  it("lists every relation type with its endpoints, and an example where the seed has one", () => {
    const docs = readFileSync(VOCABULARY_DOCS_PATH, "utf8");
    for (const t of RELATION_TYPE_NAMES) expect(docs).toContain(`### ${t}\n`);
    const section = (t: string) => docs.split(`### ${t}\n`)[1]?.split("\n### ")[0] ?? "";
    expect(section("CONTRIBUTES_TO")).toContain(
      `Endpoints: ${RELATION_TYPES.CONTRIBUTES_TO.from.join(", ")} -> Mission.`,
    );
    expect(section("CONTRIBUTES_TO")).toContain("| `troops` | integer | Troops deployed. |");
    expect(section("CONTRIBUTES_TO")).toContain("    troops: 540");
    expect(section("MENTIONS")).toContain("Endpoints: Source -> any kind.");
  });
});
