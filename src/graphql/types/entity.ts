/**
 * `interface Entity implements Node`, what every kind shares, and `defineKind`, which implements
 * a kind's object type with its own properties from the vocabulary.
 */
import type { FieldMap } from "@pothos/core";
import { sourceCounts } from "../../data/disputes.js";
import { retractedOnly } from "../../data/entities.js";
import { type EntityRecord, entityClaims, type FieldSource } from "../../data/records.js";
import { type Claim, resolveClaims } from "../../domain/claims.js";
import { changedFields } from "../../domain/entity-claims.js";
import { KINDS, type Kind } from "../../domain/vocabulary.js";
import { builder } from "../builder.js";
import { listPage, nodeConnectionType, pagingArgs } from "../connections.js";
import { RELATION_FIELD } from "../planner.js";
import { DirectionEnum, EntityKindEnum, RelationTypeEnum } from "./enums.js";
import { kindPropertyFields } from "./properties.js";
import { EntityRef, KIND_REFS, loadUnlessDeleted } from "./refs.js";
import { ASOF_DOC, ClaimRankEnum, RELATION_CONNECTIONS, relationResolver } from "./relation.js";

const FieldSourceRef = builder.objectRef<FieldSource>("FieldSource").implement({
  description:
    "A field sources give different values: the source of its current value, and the latest other value with its source. Fields every source agrees on are not listed.",
  fields: (t) => ({
    field: t.exposeString("field", { description: "name, description, or a kind property." }),
    source: t.exposeString("source", {
      description: "Key of the Source whose claim gives the current value.",
    }),
    previous: t.string({
      nullable: true,
      description: "The latest other value, as text (a number as JSON writes it).",
      resolve: (f) =>
        f.previous === null
          ? null
          : typeof f.previous === "string"
            ? f.previous
            : JSON.stringify(f.previous),
    }),
    previousSource: t.exposeString("previousSource", {
      nullable: true,
      description: "Key of the Source of that value; null when not known.",
    }),
  }),
});

const EntityClaimRef = builder.objectRef<Claim>("EntityClaim").implement({
  description:
    "What one source states about an entity's name, description and properties, at its point in time. The entity's value of a field is the latest claim's that states it; a retracted source's claims are DEPRECATED and count no more.",
  fields: (t) => ({
    source: t.field({
      type: KIND_REFS.Source,
      nullable: true,
      description:
        "The source; null for values written without one (createEntity, updateEntity, or before claims by a source not known), which count as older than every dated claim.",
      resolve: (c, _, ctx) =>
        c.sourceKey === "" ? null : loadUnlessDeleted(KIND_REFS.Source, ctx, c.sourceKey),
    }),
    at: t.string({
      nullable: true,
      description:
        "The claim's point in time (ISO, may be partial): the source's asOf, else its publication date.",
      resolve: (c) => c.at,
    }),
    values: t.field({
      type: "JSONObject",
      description:
        'The fields this source states, e.g. { "name": "Canada", "description": "...", "isoCode": "CAN" }.',
      resolve: (c) => c.values,
    }),
    rank: t.field({ type: ClaimRankEnum, resolve: (c) => c.rank }),
  }),
});

const EntityClaimConnection = nodeConnectionType(
  "EntityClaim",
  EntityClaimRef,
  "An entity's claims, a page at a time (see Entity.claims).",
);

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
        "How many sources state something about this entity (distinct sources of its relations' evidence and of its own claims, retracted ones left out): its corroboration.",
      load: (keys: string[], ctx) => sourceCounts(ctx.db, ctx.stats, keys),
      resolve: (e) => e.key,
    }),
    retracted: t.loadable({
      type: "Boolean",
      description:
        "True when only retracted sources state this entity (every claim on its fields is DEPRECATED and no relation that counts touches it); for a Source, true once retractSource marked it retracted (what it states, again or anew if its document is ingested later, is DEPRECATED and counts no more). Such an entity (not a Source) stays stored but is left out of the lists, search, neighbourhoods, paths and timelines, as its relations are; entity(key), node(id) and nodes(ids) still return it, with this flag, and restoring a source (or a new claim) brings it back.",
      load: (keys: string[], ctx) => retractedOnly(ctx.db, ctx.stats, keys),
      resolve: (e) => e.key,
    }),
    claims: t.field({
      type: [EntityClaimRef],
      description:
        "What each source states about this entity's name, description and properties, oldest first, retracted ones included. Aliases are not claimed: they are the union of every source's. All of them: for an entity many sources state, page them with claimsConnection.",
      resolve: (e) => entityClaims(e),
    }),
    claimsConnection: t.field({
      type: EntityClaimConnection,
      description:
        "The claims of `claims`, a page at a time, oldest first: for an entity many sources state. `last: 5` alone gives the five newest; totalCount, how many there are.",
      args: pagingArgs(t.arg),
      resolve: (e, args) => listPage(entityClaims(e), args, "Entity.claimsConnection"),
    }),
    disputed: t.boolean({
      description:
        "True when sources at the same point in time give a field different values (see disputedFields); the value shown is then the first by source key.",
      resolve: (e) => resolveClaims(entityClaims(e)).disputedProperties.length > 0,
    }),
    disputedFields: t.stringList({
      description:
        "The fields (name, description or a property) that disputed sources disagree on.",
      resolve: (e) => resolveClaims(entityClaims(e)).disputedProperties,
    }),
    fieldSources: t.field({
      type: [FieldSourceRef],
      description:
        "Fields sources give different values, each with the source of the current value and the latest other value with its source (see claims). A document that leaves a field out keeps it; aliases are only ever added.",
      resolve: (e): FieldSource[] => changedFields(e.kind, entityClaims(e)),
    }),
    relations: t.field({
      type: RELATION_CONNECTIONS.Entity,
      nullable: true,
      description:
        "Every relation of this entity, optionally of some types and one direction, ordered by type, then the other entity's name and key, then direction (OUT first, where one type joins the two both ways): a total order, so pages neither repeat nor skip a relation. Each edge has its evidence.",
      extensions: { [RELATION_FIELD]: {} },
      args: {
        types: t.arg({
          type: [RelationTypeEnum],
          description: "Only these types (default: all; an empty list: none).",
        }),
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
