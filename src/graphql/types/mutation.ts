/**
 * Writes: every field needs a token with the `write` scope (scope-auth), is one transaction,
 * and announces what it changed on graphChanged after it commits.
 */

import type { Context } from "../../context.js";
import { type IngestSummary, ingestDocument, type Outcomes } from "../../data/ingest.js";
import {
  addRelation,
  createEntity,
  deleteEntity,
  removeRelation,
  retractSource,
  updateEntity,
} from "../../data/writes.js";
import { BadInputError, ConflictError, NotFoundError } from "../../domain/errors.js";
import { announce } from "../../events.js";
import { builder } from "../builder.js";
import { checkKey } from "../keys.js";
import { SUPERSEDES_DESCRIPTION } from "./check.js";
import { EntityKindEnum, RelationTypeEnum } from "./enums.js";
import { EntityRef } from "./refs.js";
import { RelationRef } from "./relation.js";

const RetractSourcePayload = builder
  .objectRef<{ key: string; retracted: boolean; relations: number; entities: number }>(
    "RetractSourcePayload",
  )
  .implement({
    fields: (t) => ({
      key: t.exposeString("key"),
      retracted: t.exposeBoolean("retracted"),
      relations: t.exposeInt("relations", { description: "Relations whose claims it changed." }),
      entities: t.exposeInt("entities", {
        description: "Entities whose field claims (name, description, properties) it changed.",
      }),
    }),
  });

builder.mutationType({
  description: "Writes need `Authorization: Bearer <token>` with the write scope.",
});

const by = (ctx: Context) => (ctx.caller.kind === "token" ? ctx.caller.name : "unknown");

const CreateEntityInput = builder.inputType("CreateEntityInput", {
  fields: (t) => ({
    key: t.string({ required: true, description: "A lowercase slug, e.g. mark-carney." }),
    kind: t.field({ type: EntityKindEnum, required: true }),
    name: t.string({ required: true }),
    aliases: t.stringList(),
    description: t.string(),
    properties: t.field({
      type: "JSONObject",
      description: "The kind's own properties (see the kind's type), e.g. { isoCode: \"CAN\" }.",
    }),
  }),
});

const UpdateEntityInput = builder.inputType("UpdateEntityInput", {
  description:
    "Only the fields given change; description: null removes it; a property set to null is removed.",
  fields: (t) => ({
    name: t.string(),
    aliases: t.stringList(),
    description: t.string(),
    properties: t.field({ type: "JSONObject" }),
  }),
});

const EvidenceInput = builder.inputType("EvidenceInput", {
  fields: (t) => ({
    source: t.string({ required: true, description: "Key of a Source already in the graph." }),
    excerpt: t.string({ required: true, description: "The sentence of that source, verbatim." }),
  }),
});

const AddRelationInput = builder.inputType("AddRelationInput", {
  fields: (t) => ({
    from: t.string({ required: true }),
    type: t.field({ type: RelationTypeEnum, required: true }),
    to: t.string({ required: true }),
    properties: t.field({
      type: "JSONObject",
      description: "The type's properties (see RelationType), since, until, date.",
    }),
    inferred: t.boolean({
      description: "True when the source implies the relation rather than states it.",
    }),
    evidence: t.field({ type: EvidenceInput, required: true }),
  }),
});

interface DeletePayload {
  key: string;
  deleted: boolean;
  relationsRemoved: number;
  entitiesRemoved: string[];
}

/**
 * Deleting or removing what is not there succeeds (a retry after a lost answer must not fail),
 * and says so in a field a client cannot read past: DELETED or NOT_FOUND, and a sentence.
 */
const RemoveOutcomeEnum = builder.enumType("RemoveOutcome", {
  description:
    "What a delete or remove did. Both are idempotent: what is not there answers success with NOT_FOUND, so a retry after a lost answer does not fail, and a mistyped key is still told apart.",
  values: {
    DELETED: { description: "It was there and is gone now." },
    NOT_FOUND: { description: "Nothing had that key (or no such relation): nothing changed." },
  },
});

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const DeleteEntityResult = builder.objectRef<DeletePayload>("DeleteEntityPayload").implement({
  description:
    "What deleteEntity did. Deleting a key that is not there answers this too (outcome NOT_FOUND, deleted false), not an error: a retried delete does not fail.",
  fields: (t) => ({
    key: t.exposeString("key"),
    deleted: t.exposeBoolean("deleted", {
      description: "False when there was nothing to delete (outcome NOT_FOUND).",
    }),
    outcome: t.field({
      type: RemoveOutcomeEnum,
      resolve: (p) => (p.deleted ? "DELETED" : "NOT_FOUND"),
    }),
    message: t.string({
      description:
        'What happened, in a sentence: "Deleted canada and 12 relations." or "No entity has the key canda: nothing was deleted."',
      resolve: (p) =>
        p.deleted
          ? `Deleted ${p.key} and ${plural(p.relationsRemoved, "relation")}${
              p.entitiesRemoved.length > 0
                ? `, with ${plural(p.entitiesRemoved.length, "entity", "entities")} only it introduced`
                : ""
            }.`
          : `No entity has the key ${p.key}: nothing was deleted.`,
    }),
    relationsRemoved: t.exposeInt("relationsRemoved", {
      description: "Relations deleted with it.",
    }),
    entitiesRemoved: t.exposeStringList("entitiesRemoved", {
      description:
        "For a Source: the keys of the entities it alone introduced, deleted with it (no other source's claim, no hand-made value and no relation kept them), in key order.",
    }),
  }),
});

const RemoveRelationResult = builder
  .objectRef<{ removed: boolean; id: string }>("RemoveRelationPayload")
  .implement({
    description:
      "What removeRelation did. Removing a relation that is not there answers this too (outcome NOT_FOUND), not an error.",
    fields: (t) => ({
      removed: t.exposeBoolean("removed", {
        description: "False when there was no such relation (outcome NOT_FOUND).",
      }),
      outcome: t.field({
        type: RemoveOutcomeEnum,
        resolve: (p) => (p.removed ? "DELETED" : "NOT_FOUND"),
      }),
      message: t.string({
        description: "What happened, in a sentence.",
        resolve: (p) =>
          p.removed ? `Removed ${p.id}.` : `No relation ${p.id}: nothing was removed.`,
      }),
    }),
  });

const OutcomesRef = builder.objectRef<Outcomes>("WriteOutcomes").implement({
  description:
    "What an ingest did, in the words `npm run ingest -- --check` uses for the same document (there an entity whose value changes is 'changed').",
  fields: (t) => ({
    created: t.exposeInt("created", { description: "New." }),
    updated: t.exposeInt("updated", {
      description:
        "A current value changed: a name, description, property or figure, an alias added, or a relation's inferred or disputed flag.",
    }),
    corroborated: t.exposeInt("corroborated", {
      description:
        "Gained this source's claim (an entity) or sentences (a relation), no current value changing.",
    }),
    unchanged: t.exposeInt("unchanged", { description: "Already as the document states it." }),
  }),
});

const SupersededRef = builder
  .objectRef<NonNullable<IngestSummary["superseded"]>>("SupersededSource")
  .implement({
    description: "The source an ingest superseded: retracted in the same transaction.",
    fields: (t) => ({
      key: t.exposeString("key"),
      relations: t.exposeInt("relations", {
        description:
          "Relations whose claims retracting it changed (0 if it was retracted already).",
      }),
      entities: t.exposeInt("entities", {
        description: "Entities whose field claims retracting it changed.",
      }),
    }),
  });

const IngestResultRef = builder.objectRef<IngestSummary>("IngestDocumentPayload").implement({
  fields: (t) => ({
    source: t.exposeString("source", { description: "Key of the document's source." }),
    entities: t.field({ type: OutcomesRef, resolve: (s) => s.entityOutcomes }),
    relations: t.field({ type: OutcomesRef, resolve: (s) => s.relationOutcomes }),
    superseded: t.field({
      type: SupersededRef,
      nullable: true,
      description: "The source `supersedes` named, now retracted; null when none was named.",
      resolve: (s) => s.superseded ?? null,
    }),
  }),
});

builder.mutationFields((t) => ({
  createEntity: t.field({
    type: EntityRef,
    authScopes: { write: true },
    errors: { types: [BadInputError, ConflictError] },
    description:
      "Creates an entity. Sending the same entity again changes nothing; a different entity under an existing key is a ConflictError naming the fields that differ, and nothing is written (updateEntity changes an entity; ingestDocument adds to one).",
    args: { input: t.arg({ type: CreateEntityInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const r = await createEntity(ctx.db, ctx.stats, input, by(ctx));
      announce(ctx.events, { ...r.changes, operation: "createEntity", by: by(ctx) });
      return r.entity;
    },
  }),
  updateEntity: t.field({
    type: EntityRef,
    authScopes: { write: true },
    errors: { types: [BadInputError, NotFoundError] },
    description:
      "Changes an entity's name, aliases, description or properties (its key and kind stay). A Source's publishedAt, asOf and text are its document's (its claims are placed at its date and quote its text): changing them is a ValidationError; ingest the document again instead.",
    args: {
      key: t.arg.string({ required: true }),
      input: t.arg({ type: UpdateEntityInput, required: true }),
    },
    resolve: async (_, { key, input }, ctx) => {
      const r = await updateEntity(ctx.db, ctx.stats, {
        key: checkKey(key),
        patch: input,
        by: by(ctx),
      });
      announce(ctx.events, { ...r.changes, operation: "updateEntity", by: by(ctx) });
      return r.entity;
    },
  }),
  deleteEntity: t.field({
    type: DeleteEntityResult,
    authScopes: { admin: true },
    errors: { types: [BadInputError] },
    description:
      "Deletes an entity AND EVERY RELATION IT HAS (with their evidence); deleting a Source also takes its claims off other relations and entities, and deletes the entities only it introduced (entitiesRemoved). Needs the admin scope. Deleting a key that is not there changes nothing and answers success with outcome NOT_FOUND (so a retry does not fail; read outcome or deleted to tell).",
    args: { key: t.arg.string({ required: true }) },
    resolve: async (_, { key }, ctx) => {
      const r = await deleteEntity(ctx.db, ctx.stats, checkKey(key), by(ctx));
      announce(ctx.events, { ...r.changes, operation: "deleteEntity", by: by(ctx) });
      return {
        key,
        deleted: r.deleted,
        relationsRemoved: r.relationsRemoved,
        entitiesRemoved: r.entitiesRemoved,
      };
    },
  }),
  retractSource: t.field({
    type: RetractSourcePayload,
    authScopes: { admin: true },
    errors: { types: [BadInputError, NotFoundError] },
    description:
      "Marks a source retracted (retracted: false restores it): its claims stay on record as DEPRECATED and stop counting for values, disputes and corroboration; the relations and entities it touched take the values their other sources give. Needs the admin scope.",
    args: {
      key: t.arg.string({ required: true }),
      retracted: t.arg.boolean({ required: true, defaultValue: true }),
    },
    resolve: async (_, { key, retracted }, ctx) => {
      const r = await retractSource(ctx.db, ctx.stats, {
        key: checkKey(key),
        retracted,
        by: by(ctx),
      });
      if (!r) throw new NotFoundError(`No source has the key "${key}".`, { key });
      announce(ctx.events, { ...r.changes, operation: "retractSource", by: by(ctx) });
      return { key, retracted, relations: r.relations, entities: r.entities };
    },
  }),
  addRelation: t.field({
    type: RelationRef,
    authScopes: { write: true },
    errors: { types: [BadInputError] },
    description:
      "Adds a relation with its evidence. If (from, type, to) exists, the evidence is added (a second source for the same fact) with the values sent as its claim: each property then reads as the latest claim that states it, so an older source's values stay on record without replacing newer ones, and claims at the same time that disagree make the relation disputed (the answer shows what the relation reads now). Sending the same again changes nothing.",
    args: { input: t.arg({ type: AddRelationInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const r = await addRelation(ctx.db, ctx.stats, input, by(ctx));
      announce(ctx.events, { ...r.changes, operation: "addRelation", by: by(ctx) });
      return r.relation;
    },
  }),
  removeRelation: t.field({
    type: RemoveRelationResult,
    authScopes: { write: true },
    errors: { types: [BadInputError] },
    description:
      "Removes the relation (from, type, to) with all its evidence. Removing one that is not there changes nothing and answers success with outcome NOT_FOUND.",
    args: {
      from: t.arg.string({ required: true }),
      type: t.arg({ type: RelationTypeEnum, required: true }),
      to: t.arg.string({ required: true }),
    },
    resolve: async (_, args, ctx) => {
      const r = await removeRelation(ctx.db, ctx.stats, {
        from: checkKey(args.from, "from"),
        type: args.type,
        to: checkKey(args.to, "to"),
      });
      announce(ctx.events, { ...r.changes, operation: "removeRelation", by: by(ctx) });
      return { removed: r.removed, id: `${args.from} -[${args.type}]-> ${args.to}` };
    },
  }),
  ingestDocument: t.field({
    type: IngestResultRef,
    // Superseding retracts a source: the admin scope, as retractSource.
    authScopes: (_parent, args) => (args.supersedes != null ? { admin: true } : { write: true }),
    errors: { types: [BadInputError] },
    description:
      "Ingests a document in the seed's format (schema/document.schema.json) in one transaction: all of it or, if anything is wrong, nothing (every problem is listed, up to 100). Ingesting the same document again changes nothing. An entity that already exists is added to, never emptied: its aliases become the union, fields the document leaves out are kept, and the fields it gives are this source's claims (Entity.claims): a field's value is the latest source's, so an older article does not overwrite a newer one.",
    args: {
      document: t.arg({ type: "JSONObject", required: true }),
      supersedes: t.arg.string({ description: SUPERSEDES_DESCRIPTION }),
    },
    resolve: async (_, { document, supersedes }, ctx) => {
      const s = await ingestDocument(ctx.db, ctx.stats, document, by(ctx), undefined, undefined, {
        ...(supersedes != null ? { supersedes: checkKey(supersedes, "supersedes") } : {}),
      });
      announce(ctx.events, {
        entities: s.changed.entities,
        relations: s.changed.relations,
        deletedEntities: [],
        removedRelations: [],
        operation: "ingestDocument",
        by: by(ctx),
      });
      return s;
    },
  }),
}));
