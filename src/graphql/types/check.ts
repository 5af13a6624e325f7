/**
 * `checkDocument`: ingest's dry run (planIngest, `npm run ingest -- --check`) over GraphQL, so a
 * client, the explorer's review among them, can show what a document would create, change,
 * corroborate or leave before it is written.
 */
import type { Context } from "../../context.js";
import { type EntityPlan, planIngest, type RelationPlan } from "../../data/ingest.js";
import { describePlan } from "../../data/plan-text.js";
import { BadInputError } from "../../domain/errors.js";
import { builder } from "../builder.js";
import { checkKey } from "../keys.js";
import { EntityKindEnum, RelationTypeEnum } from "./enums.js";

/** The description of `supersedes`, on ingestDocument and checkDocument. */
export const SUPERSEDES_DESCRIPTION =
  'Key of a stored source this document corrects (an earlier version of the same article, e.g. one whose sentences the new text no longer has): it is retracted in the same transaction, so what only the old version states stops counting and what both state stays, on the new source. The document\'s source needs a key of its own, not a retracted one (restore it first). The checks and the plan see the old version as retracted: the new one may say the opposite of a containment it stated. On ingestDocument it needs the admin scope, as retractSource does. E.g. ingestDocument(document: $corrected, supersedes: "nato-2026-article").';

const PlanActionEnum = builder.enumType("PlanAction", {
  description: "What ingesting the document would do to an entity or a relation.",
  values: {
    CREATE: { value: "create", description: "It does not exist yet and would be created." },
    UPDATE: { value: "update", description: "Values it shows would change (see changed)." },
    CORROBORATE: {
      value: "corroborate",
      description:
        "It would gain this source's claim or sentences as evidence; no value it shows changes.",
    },
    UNCHANGED: { value: "unchanged", description: "Nothing would change (ingested before)." },
  } as const,
});

type Change = { field: string; from: unknown; to: unknown };
type Outweighed = { field: string; stated: unknown; current: unknown; disputed: boolean };

const PlannedChangeRef = builder.objectRef<Change>("PlannedChange").implement({
  description: "A value that would change: the one shown now, and the one it would show.",
  fields: (t) => ({
    field: t.exposeString("field"),
    from: t.field({ type: "JSON", nullable: true, resolve: (c) => c.from ?? null }),
    to: t.field({ type: "JSON", nullable: true, resolve: (c) => c.to ?? null }),
  }),
});

const OutweighedClaimRef = builder.objectRef<Outweighed>("OutweighedClaim").implement({
  description:
    "A value the document states that would not be shown: a newer claim holds, or (disputed) a claim from the same time comes first.",
  fields: (t) => ({
    field: t.exposeString("field"),
    stated: t.field({ type: "JSON", nullable: true, resolve: (o) => o.stated ?? null }),
    current: t.field({ type: "JSON", nullable: true, resolve: (o) => o.current ?? null }),
    disputed: t.exposeBoolean("disputed"),
  }),
});

const PlannedEntityRef = builder.objectRef<EntityPlan>("PlannedEntity").implement({
  description: "What ingesting the document would do to one entity it declares (its source first).",
  fields: (t) => ({
    key: t.exposeString("key"),
    kind: t.field({ type: EntityKindEnum, resolve: (e) => e.kind }),
    action: t.field({ type: PlanActionEnum, resolve: (e) => e.action }),
    changed: t.field({
      type: [PlannedChangeRef],
      resolve: (e) => (e.action === "create" ? [] : e.changed),
    }),
    outweighed: t.field({
      type: [OutweighedClaimRef],
      resolve: (e) => (e.action === "create" ? [] : (e.outweighed ?? [])),
    }),
    addedAliases: t.stringList({
      resolve: (e) => (e.action === "create" ? [] : e.addedAliases),
    }),
    kept: t.stringList({
      description: "Stored fields the document leaves out, and so keeps.",
      resolve: (e) => (e.action === "create" ? [] : e.kept),
    }),
  }),
});

const PlannedRelationRef = builder.objectRef<RelationPlan>("PlannedRelation").implement({
  description:
    "What ingesting the document would do to one relation it states (all its statements of the same from, type and to together).",
  fields: (t) => ({
    from: t.exposeString("from"),
    type: t.field({ type: RelationTypeEnum, resolve: (r) => r.type }),
    to: t.exposeString("to"),
    action: t.field({ type: PlanActionEnum, resolve: (r) => r.action }),
    addedEvidence: t.exposeInt("addedEvidence", {
      description: "Sentences of this source the relation does not hold yet.",
    }),
    changed: t.field({ type: [PlannedChangeRef], resolve: (r) => r.changed }),
    outweighed: t.field({ type: [OutweighedClaimRef], resolve: (r) => r.outweighed }),
  }),
});

const DocumentPlanRef = builder
  .objectRef<Awaited<ReturnType<typeof planIngest>>>("DocumentPlan")
  .implement({
    description: "What ingestDocument would do with a document, found without writing anything.",
    fields: (t) => ({
      sourceRetracted: t.exposeBoolean("sourceRetracted", {
        description:
          "The document's source is stored and retracted: ingesting keeps it retracted, so what the document states is recorded as DEPRECATED and no value, relation or evidence shown changes (the actions say so). retractSource with retracted: false restores it.",
      }),
      supersedes: t.exposeString("supersedes", {
        nullable: true,
        description:
          "The stored source the document would supersede (retracted with the ingest); null when none was named.",
      }),
      entities: t.field({ type: [PlannedEntityRef], resolve: (p) => p.entities }),
      relations: t.field({ type: [PlannedRelationRef], resolve: (p) => p.relations }),
      summary: t.stringList({
        description:
          "The same in words, grouped (entities new / changed / corroborated / unchanged, then relations), as `npm run ingest -- --check` prints it.",
        resolve: (p) => describePlan(p),
      }),
    }),
  });

builder.queryField("checkDocument", (t) =>
  t.field({
    type: DocumentPlanRef,
    authScopes: { write: true },
    errors: { types: [BadInputError] },
    description:
      "Checks a document as ingestDocument would (every problem in one pass, as a ValidationError) and says what ingesting it would do, without writing anything: per entity and relation, create, update (which values, from and to), corroborate or unchanged. Needs the write scope, as ingestDocument does.",
    args: {
      document: t.arg({ type: "JSONObject", required: true }),
      supersedes: t.arg.string({ description: SUPERSEDES_DESCRIPTION }),
    },
    resolve: (_, { document, supersedes }, ctx: Context) =>
      planIngest(
        ctx.db,
        ctx.stats,
        document,
        supersedes != null ? { supersedes: checkKey(supersedes, "supersedes") } : {},
      ),
  }),
);
