/**
 * The vocabulary registry types the schema: a property added to a copy of the registry (and no
 * other edit) appears in the printed schema, typed and documented, wherever that property's kind
 * of field belongs: on every relation edge for a relation property, on the kind's type, its
 * `<Kind>Where` filter and its order fields for a kind property.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildSchema,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { printSdl } from "../../src/schema-files.js";

/** Inside the repository (so the copy resolves the same node_modules), ignored by git. */
const COPY = join(process.cwd(), "test-artifacts", "registry-copy");

/** Every field, input field and enum value of a schema, as "Type.member: type  # description". */
function members(sdl: string): Set<string> {
  const out = new Set<string>();
  const schema = buildSchema(sdl);
  for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
    if (type.name.startsWith("__")) continue;
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const f of Object.values(type.getFields()))
        out.add(`${type.name}.${f.name}: ${String(f.type)}  # ${f.description ?? ""}`);
    } else if (isEnumType(type)) {
      for (const v of type.getValues()) out.add(`${type.name}.${v.name}`);
    }
  }
  return out;
}

/** The schema printed from a copy of src whose vocabulary.ts `edit` changed. */
let copies = 0;
async function sdlWithRegistry(edit: (vocabulary: string) => string): Promise<string> {
  // A folder per copy: a module, once imported, stays in the module cache under its path.
  const copy = join(COPY, String(++copies));
  mkdirSync(copy, { recursive: true });
  cpSync(join(process.cwd(), "src"), join(copy, "src"), {
    recursive: true,
    filter: (path) => !path.includes(join("explorer", "page")),
  });
  const file = join(copy, "src", "domain", "vocabulary.ts");
  const before = readFileSync(file, "utf8");
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
  const files = (await import(join(copy, "src", "schema-files.ts"))) as { printSdl: () => string };
  return files.printSdl();
}

const added = (sdl: string) => {
  const old = members(printSdl());
  return [...members(sdl)].filter((m) => !old.has(m)).sort();
};

beforeAll(() => rmSync(COPY, { recursive: true, force: true }));
afterAll(() => rmSync(COPY, { recursive: true, force: true }));

describe("the registry types the schema", () => {
  it("a relation property added to the registry is a typed, documented field of every relation and relation edge", async () => {
    const sdl = await sdlWithRegistry((v) =>
      v.replace(
        'troops: count("Troops deployed."),',
        'troops: count("Troops deployed."),\n      casualties: int("Casualties reported."),',
      ),
    );
    expect(added(sdl)).toMatchInlineSnapshot(`
      [
        "EventRelationEdge.casualties: Int  # Casualties reported (CONTRIBUTES_TO).",
        "MissionRelationEdge.casualties: Int  # Casualties reported (CONTRIBUTES_TO).",
        "NationRelationEdge.casualties: Int  # Casualties reported (CONTRIBUTES_TO).",
        "OrganizationRelationEdge.casualties: Int  # Casualties reported (CONTRIBUTES_TO).",
        "PersonRelationEdge.casualties: Int  # Casualties reported (CONTRIBUTES_TO).",
        "PlaceRelationEdge.casualties: Int  # Casualties reported (CONTRIBUTES_TO).",
        "PledgeRelationEdge.casualties: Int  # Casualties reported (CONTRIBUTES_TO).",
        "QuoteRelationEdge.casualties: Int  # Casualties reported (CONTRIBUTES_TO).",
        "Relation.casualties: Int  # Casualties reported (CONTRIBUTES_TO).",
        "RelationEdge.casualties: Int  # Casualties reported (CONTRIBUTES_TO).",
        "SourceRelationEdge.casualties: Int  # Casualties reported (CONTRIBUTES_TO).",
      ]
    `);
  });

  it("a kind property added to the registry is a typed, documented, filterable and orderable field", async () => {
    const sdl = await sdlWithRegistry((v) =>
      v.replace(
        'properties: { isoCode: code("ISO 3166-1 alpha-3 code, e.g. CAN.") },',
        'properties: {\n      isoCode: code("ISO 3166-1 alpha-3 code, e.g. CAN."),\n      population: int("Inhabitants."),\n    },',
      ),
    );
    expect(added(sdl)).toMatchInlineSnapshot(`
      [
        "Nation.population: Int  # Inhabitants.",
        "NationOrderField.POPULATION",
        "NationWhere.population: IntFilter  # Inhabitants.",
      ]
    `);
  });
});
