/**
 * A draft as YAML in the house style. Its own module, free of the NLP stages: the server's main
 * thread renders drafts the worker made (pool.ts) without loading the English model.
 */
import { stringify } from "yaml";
import type { ExtractResult } from "./types.js";

export function draftToYaml(result: ExtractResult): string {
  const header = [
    "# Draft written by `npm run extract` (src/extract): review it before ingesting.",
    `# ${result.entities.length} entities (${result.entities.filter((e) => e.status === "LINKED").length} linked to known ones), ${result.relations.length} relations; every evidence is a sentence of source.properties.text.`,
    ...result.problems.map((p) => `# problem: ${p}`),
  ].join("\n");
  // House style: defaults (no aliases, no properties, not inferred) are left out.
  const d = result.document;
  const tidy = {
    source: d.source,
    entities: d.entities.map(({ aliases, properties, ...e }) => ({
      ...e,
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
    })),
    relations: d.relations.map(({ properties, inferred, evidence, ...r }) => ({
      ...r,
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
      ...(inferred ? { inferred } : {}),
      evidence,
    })),
  };
  return `${header}\n${stringify(tidy, { lineWidth: 0 })}`;
}
