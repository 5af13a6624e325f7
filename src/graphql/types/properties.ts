/**
 * Fields for the registry's properties: every property of a kind, and every property a relation
 * type carries, becomes a nullable field of the GraphQL type its PropertyType names (an enum's
 * own enum type), documented with the registry's description. No property is named here: adding
 * one to src/domain/vocabulary.ts adds its field (test/unit/registry.test.ts shows it).
 */
import type { FieldMap, GenericFieldRef } from "@pothos/core";
import type { Plain } from "../../db/serialize.js";
import { GRAPHQL_INT_MAX, GRAPHQL_INT_MIN } from "../../domain/document.js";
import { AppError } from "../../domain/errors.js";
import {
  COMMON_RELATION_PROPERTIES,
  KINDS,
  type Kind,
  type PropertyType,
  RELATION_TYPE_NAMES,
  RELATION_TYPES,
} from "../../domain/vocabulary.js";
import type { builder } from "../builder.js";
import { enumForValues } from "./enums.js";

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type FieldBuilder<P> = PothosSchemaTypes.ObjectFieldBuilder<Types, P>;

/** A stored value as its property type reads it; anything else (or nothing) is null. */
function valueAs(spec: PropertyType, value: Plain | undefined): string | number | boolean | null {
  switch (spec.type) {
    case "number":
    case "integer":
      return typeof value === "number" ? value : null;
    case "boolean":
      return typeof value === "boolean" ? value : null;
    case "enum":
      return typeof value === "string" && spec.values.includes(value) ? value : null;
    default:
      return typeof value === "string" ? value : null;
  }
}

/** What carries registry properties: an entity or a relation. */
type WithProperties = { properties: Record<string, Plain> };

/** The field of one property: its type from the registry, read from the parent's properties. */
export function propertyField<P extends WithProperties>(
  t: FieldBuilder<P>,
  property: { name: string; spec: PropertyType; description: string },
): GenericFieldRef<unknown> {
  const { name, spec, description } = property;
  const read = (parent: P) => valueAs(spec, parent.properties[name]);
  switch (spec.type) {
    case "integer":
      return t.int({
        nullable: true,
        description,
        resolve: (p) => {
          const value = read(p) as number | null;
          // Stored before integer properties were bounded to an Int (80d04b3): graphql-js's own
          // refusal ("Int cannot represent ...") was masked as INTERNAL_SERVER_ERROR and logged
          // as a failure, though the value is the graph's, and nothing said which.
          if (value !== null && (value > GRAPHQL_INT_MAX || value < GRAPHQL_INT_MIN))
            throw new AppError(
              "STORED_VALUE_OUT_OF_RANGE",
              `${name}: the stored value ${value} is beyond a GraphQL Int (32 bits); it was written before that limit. Its claims hold it as stored; write it again within the limit to correct it.`,
              { property: name, stored: String(value) },
            );
          return value;
        },
      });
    case "number":
      return t.float({ nullable: true, description, resolve: (p) => read(p) as number | null });
    case "boolean":
      return t.boolean({ nullable: true, description, resolve: (p) => read(p) as boolean | null });
    case "enum":
      return t.field({
        type: enumForValues(spec.values),
        nullable: true,
        description,
        resolve: (p) => read(p) as never,
      });
    default:
      return t.string({ nullable: true, description, resolve: (p) => read(p) as string | null });
  }
}

/** A kind's own properties, as fields of its object type. */
export function kindPropertyFields<P extends WithProperties>(
  t: FieldBuilder<P>,
  kind: Kind,
): FieldMap {
  const spec = KINDS[kind].properties as Record<string, PropertyType>;
  return Object.fromEntries(
    Object.entries(spec).map(([name, s]) => [
      name,
      propertyField<P>(t, { name, spec: s, description: s.description }),
    ]),
  );
}

/**
 * Every property a relation may carry, once, with the types that carry it in its description.
 * Two relation types giving one name two property types would make one field impossible: that
 * is refused when the schema is built.
 */
export function relationPropertyList(): {
  name: string;
  spec: PropertyType;
  description: string;
}[] {
  const common = COMMON_RELATION_PROPERTIES as Record<string, PropertyType>;
  const byName = new Map<string, { spec: PropertyType; uses: [string, string][] }>();
  for (const type of RELATION_TYPE_NAMES) {
    const own = RELATION_TYPES[type].properties as Record<string, PropertyType>;
    for (const [name, spec] of Object.entries(own)) {
      const seen = byName.get(name) ?? common[name];
      const known = byName.get(name);
      if (seen && (("spec" in seen ? seen.spec : seen) as PropertyType).type !== spec.type)
        throw new Error(`Relation property ${name} has two types in the vocabulary.`);
      if (known) known.uses.push([type, spec.description]);
      else byName.set(name, { spec, uses: [[type, spec.description]] });
    }
  }
  const typed = [...byName.entries()].map(([name, { spec, uses }]) => {
    const texts = new Set(uses.map(([, d]) => d));
    const types = uses.map(([t]) => t);
    const description =
      texts.size === 1
        ? `${uses[0]?.[1].replace(/\.$/, "")} (${types.join(", ")}).`
        : uses.map(([t, d]) => `${t}: ${d}`).join(" ");
    return { name, spec, description };
  });
  return [
    ...Object.entries(common).map(([name, spec]) => ({
      name,
      spec,
      description: spec.description,
    })),
    ...typed,
  ];
}

/** Every relation property, as fields of a relation (edge) type. */
export function relationPropertyFields<P extends WithProperties>(t: FieldBuilder<P>): FieldMap {
  return Object.fromEntries(relationPropertyList().map((p) => [p.name, propertyField<P>(t, p)]));
}
