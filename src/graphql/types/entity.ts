/**
 * `interface Entity implements Node`, what every kind shares, and `defineKind`, which implements
 * a kind's object type with its own properties from the vocabulary.
 */
import type { FieldMap } from "@pothos/core";
import { sourceCounts } from "../../data/disputes.js";
import type { EntityRecord, FieldSource } from "../../data/records.js";
import { KINDS, type Kind } from "../../domain/vocabulary.js";
import { builder } from "../builder.js";
import { pagingArgs } from "../connections.js";
import { RELATION_FIELD } from "../planner.js";
import { DirectionEnum, EntityKindEnum, RelationTypeEnum } from "./enums.js";
import { kindPropertyFields } from "./properties.js";
import { EntityRef, KIND_REFS } from "./refs.js";
import { ASOF_DOC, RELATION_CONNECTIONS, relationResolver } from "./relation.js";

const FieldSourceRef = builder.objectRef<FieldSource>("FieldSource").implement({
  description:
    "A field a later source changed: the source that set its current value, and the value it replaced. Fields never changed by a second source are not listed.",
  fields: (t) => ({
    field: t.exposeString("field", { description: "name, description, or a kind property." }),
    source: t.exposeString("source", { description: "Key of the Source that set the value." }),
    previous: t.string({
      nullable: true,
      description: "The value it replaced, as text (a number as JSON writes it).",
      resolve: (f) =>
        f.previous === null
          ? null
          : typeof f.previous === "string"
            ? f.previous
            : JSON.stringify(f.previous),
    }),
    previousSource: t.exposeString("previousSource", {
      nullable: true,
      description: "Key of the Source of the replaced value; null when not known.",
    }),
  }),
});

EntityRef.implement({
  description:
    "Anything in the graph: a person, nation, organisation, place, mission, event, pledge, quote or source.",
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (e) => e.kind,
  fields: (t) => ({
    key: t.exposeString("key", { description: "The readable, unique key, e.g. justin-trudeau." }),
    name: t.exposeString("name"),
    aliases: t.exposeStringList("aliases", {
      description: "Other names, e.g. NATO for the North Atlantic Treaty Organization.",
    }),
    description: t.exposeString("description", { nullable: true }),
    kind: t.field({ type: EntityKindEnum, resolve: (e) => e.kind }),
    updatedAt: t.exposeString("updatedAt", {
      nullable: true,
      description: "When it last changed (ISO date-time).",
    }),
    updatedBy: t.exposeString("updatedBy", {
      nullable: true,
      description:
        "Who changed it last: a token's name, or seed / ingest for the command-line tools.",
    }),
    sourceCount: t.loadable({
      type: "Int",
      description:
        "How many sources state something about this entity (distinct sources of its relations' evidence, retracted ones left out): its corroboration.",
      load: (keys: string[], ctx) => sourceCounts(ctx.db, ctx.stats, keys),
      resolve: (e) => e.key,
    }),
    fieldSources: t.field({
      type: [FieldSourceRef],
      description:
        "Fields whose value a later document changed, each with the source that set it and the value it replaced. A document that leaves a field out keeps it; aliases are only ever added.",
      resolve: (e) => e.fieldSources,
    }),
    relations: t.field({
      type: RELATION_CONNECTIONS.Entity,
      nullable: true,
      description:
        "Every relation of this entity, optionally of some types and one direction, ordered by type then the other entity's name. Each edge has its evidence.",
      extensions: { [RELATION_FIELD]: {} },
      args: {
        types: t.arg({ type: [RelationTypeEnum], description: "Only these types (default: all)." }),
        direction: t.arg({ type: DirectionEnum, defaultValue: "BOTH" }),
        ...pagingArgs(t.arg),
        asOf: t.arg.string({ description: ASOF_DOC }),
      },
      resolve: relationResolver({}),
    }),
  }),
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type KindFields = (t: PothosSchemaTypes.ObjectFieldBuilder<Types, EntityRecord>) => FieldMap;

/** Implements a kind's object type: Entity's fields, the kind's registry properties, and `extra`. */
export function defineKind(kind: Kind, extra: KindFields = () => ({})) {
  return KIND_REFS[kind].implement({
    description: KINDS[kind].description,
    interfaces: [EntityRef],
    isTypeOf: (value) => (value as EntityRecord).kind === kind,
    // The kind's own properties come from the registry; `extra` adds its relation fields.
    fields: (t) => ({ ...kindPropertyFields<EntityRecord>(t, kind), ...extra(t) }),
  });
}
