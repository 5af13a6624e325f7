/**
 * docs/vocabulary.md, the readable vocabulary: every kind with its properties and every relation
 * type with its allowed endpoints, properties and an example from the seed, all generated from
 * the registry (src/domain/vocabulary.ts) by `npm run docs:vocabulary`; a drift test keeps the
 * committed file in step.
 */
import { readDocumentFile, seedFiles } from "./data/seed.js";
import type { Document } from "./domain/document.js";
import { parseDocument } from "./domain/validate.js";
import {
  COMMON_RELATION_PROPERTIES,
  KIND_NAMES,
  KINDS,
  type PropertySpec,
  type PropertyType,
  RELATION_TYPE_NAMES,
  RELATION_TYPES,
} from "./domain/vocabulary.js";

export const VOCABULARY_DOCS_PATH = "docs/vocabulary.md";

/** The seed documents, parsed (their examples illustrate the vocabulary). */
export function seedDocuments(): Document[] {
  return seedFiles().map((file) => {
    const parsed = parseDocument(readDocumentFile(file));
    if (!parsed.ok) throw new Error(`${file} is not a valid document`);
    return parsed.document;
  });
}

function typeName(spec: PropertyType): string {
  switch (spec.type) {
    case "string":
      if (spec.pattern) return `string matching \`${spec.pattern}\``;
      return spec.long ? "long text (not indexed, not filterable)" : "string";
    case "partialDate":
      return "date (YYYY, YYYY-MM or YYYY-MM-DD)";
    case "url":
      return "http(s) URL";
    case "enum":
      return `one of ${spec.values.map((v) => `\`${v}\``).join(", ")}`;
    default:
      return spec.type;
  }
}

/** Table cells hold no pipes or line breaks. */
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

function propertyTable(spec: PropertySpec, common: PropertySpec = {}): string[] {
  const rows = [
    ...Object.entries(spec).map(([name, t]) => [name, t, false] as const),
    ...Object.entries(common).map(([name, t]) => [name, t, true] as const),
  ];
  if (rows.length === 0) return ["No properties of its own."];
  return [
    "| property | type | description |",
    "| --- | --- | --- |",
    ...rows.map(
      ([name, t, isCommon]) =>
        `| \`${name}\`${isCommon ? " (any relation)" : ""} | ${cell(typeName(t))} | ${cell(t.description)} |`,
    ),
  ];
}

const kinds = (list: readonly string[]) =>
  list.length === KIND_NAMES.length ? "any kind" : list.join(", ");

const yamlValue = (v: unknown) => JSON.stringify(v);

/** The markdown, from the registry and the seed documents given. */
export function printVocabularyDocs(seed: readonly Document[]): string {
  const entities = seed.flatMap((d) => d.entities);
  const relations = seed.flatMap((d) => d.relations);
  const nameOf = new Map<string, string>([
    ...seed.map((d) => [d.source.key, d.source.name] as const),
    ...entities.map((e) => [e.key, e.name] as const),
  ]);
  const lines: string[] = [
    "# The vocabulary",
    "",
    "<!-- Generated from src/domain/vocabulary.ts by `npm run docs:vocabulary`; do not edit. -->",
    "",
    "The kinds of entity and the types of relation a document (see `seed/000_*.yaml` and",
    "`schema/document.schema.json`) may use, with the endpoints each relation type allows, the",
    "properties each may carry and an example from the seed. Keys are lowercase slugs such as",
    "`justin-trudeau`; every relation quotes the sentence of its source that states it (`evidence`)",
    "and says `inferred: true` when the source implies it rather than states it.",
    "",
    "## Kinds",
    "",
    "| kind | GraphQL list | description | properties |",
    "| --- | --- | --- | --- |",
    ...KIND_NAMES.map((k) => {
      const props = Object.keys(KINDS[k].properties);
      return `| [${k}](#${k.toLowerCase()}) | \`${KINDS[k].plural}\` | ${cell(KINDS[k].description)} | ${props.map((p) => `\`${p}\``).join(", ") || "–"} |`;
    }),
    "",
    "Every entity has `key`, `kind`, `name`, `aliases` and `description` besides the properties of",
    "its kind.",
  ];
  for (const k of KIND_NAMES) {
    const example = k === "Source" ? seed[0]?.source : entities.find((e) => e.kind === k);
    lines.push("", `### ${k}`, "", KINDS[k].description, "", ...propertyTable(KINDS[k].properties));
    if (example) lines.push("", `Example from the seed: \`${example.key}\` (${example.name}).`);
  }
  lines.push(
    "",
    "## Relation types",
    "",
    "| type | from | to | description |",
    "| --- | --- | --- | --- |",
    ...RELATION_TYPE_NAMES.map(
      (t) =>
        `| [${t}](#${t.toLowerCase()}) | ${kinds(RELATION_TYPES[t].from)} | ${kinds(RELATION_TYPES[t].to)} | ${cell(RELATION_TYPES[t].description)} |`,
    ),
    "",
    `Every relation may also carry ${Object.keys(COMMON_RELATION_PROPERTIES)
      .map((p) => `\`${p}\``)
      .join(", ")} (dates).`,
  );
  for (const t of RELATION_TYPE_NAMES) {
    const spec = RELATION_TYPES[t];
    lines.push(
      "",
      `### ${t}`,
      "",
      spec.description,
      "",
      `Endpoints: ${kinds(spec.from)} -> ${kinds(spec.to)}.`,
      "",
      ...propertyTable(spec.properties, COMMON_RELATION_PROPERTIES),
      "",
    );
    // The first example with properties, else the first one.
    const ofType = relations.filter((r) => r.type === t);
    const example =
      ofType.find((r) => Object.keys(r.properties ?? {}).length > 0) ?? ofType[0] ?? null;
    if (!example) {
      lines.push("No example in the seed yet.");
      continue;
    }
    const props = Object.entries(example.properties ?? {});
    lines.push(
      `Example from the seed: ${nameOf.get(example.from) ?? example.from} -> ${nameOf.get(example.to) ?? example.to}${example.inferred ? " (inferred)" : ""}:`,
      "",
      "```yaml",
      `- from: ${example.from}`,
      `  type: ${t}`,
      `  to: ${example.to}`,
      ...(props.length > 0
        ? ["  properties:", ...props.map(([k, v]) => `    ${k}: ${yamlValue(v)}`)]
        : []),
      ...(example.inferred ? ["  inferred: true"] : []),
      `  evidence: ${yamlValue(example.evidence)}`,
      "```",
    );
  }
  return `${lines.join("\n")}\n`;
}
