/**
 * Relations as connection edges: every edge carries the relation's type, direction, the entity
 * at the other end (`node`), its properties and its evidence. One edge and connection type per
 * node type, so typed fields (Nation.leaders) give typed nodes (Person) with typed edge fields.
 */
import { completeValue } from "@pothos/core";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context.js";
import { disputedRelations } from "../../data/disputes.js";
import {
  type EntityRecord,
  type Evidence,
  endsAsRead,
  type Page,
  type RelationRecord,
} from "../../data/records.js";
import { relationById, relationPages } from "../../data/relations.js";
import { RANKS, sourceCount } from "../../domain/claims.js";
import { BadInputError, NotFoundError } from "../../domain/errors.js";
import {
  type Direction,
  KIND_NAMES,
  type Kind,
  parseRelationId,
  type RelationType,
} from "../../domain/vocabulary.js";
import { builder } from "../builder.js";
import { connectionType, listPage, nodeConnectionType, pagingArgs } from "../connections.js";
import { claimSentence } from "../excerpts.js";
import { echo } from "../keys.js";
import { pageWindow, toConnection } from "../pagination.js";
import {
  connectionWindow,
  RELATION_FIELD,
  type RelationArgs,
  type RelationFieldExtension,
  relationPagePlan,
  relationProperties,
  resolvedRelationScope,
  responseKey,
} from "../planner.js";
import { primeBelow, relationPage, responsePath } from "../relation-pages.js";
import { independentSources, repeatedSource } from "../syndication.js";
import { DirectionEnum, RelationTypeEnum } from "./enums.js";
import { relationPropertyFields } from "./properties.js";
import { EntityRef, KIND_REFS, loadUnlessDeleted } from "./refs.js";

export const ClaimRankEnum = builder.enumType("ClaimRank", {
  description:
    "How a claim counts: PREFERRED over NORMAL at the same property; DEPRECATED (a retracted source) not at all.",
  values: RANKS,
});

export const EvidenceRef = builder.objectRef<Evidence>("Evidence").implement({
  description:
    "A sentence of a source that states a relation: that source's claim, with the values it states and its point in time.",
  fields: (t) => ({
    excerpt: t.string({
      description: "The sentence, verbatim.",
      // Read with a page of claims (not every claim of the relation) when the relation was read
      // without its sentences: every such claim of the request in one query.
      resolve: (e, _, ctx) => claimSentence(ctx, e),
    }),
    source: t.field({
      type: KIND_REFS.Source,
      nullable: true,
      description:
        "The source it is quoted from; null when the source was deleted after the relation was read (a write committed while the request ran).",
      resolve: (e, _, ctx) => loadUnlessDeleted(KIND_REFS.Source, ctx, e.sourceKey),
    }),
    at: t.string({
      nullable: true,
      description:
        "The claim's point in time (ISO, may be partial): the source's asOf for the relation, else its publication date.",
      resolve: (e) => e.at,
    }),
    values: t.field({
      type: "JSONObject",
      description: 'The property values this source states, e.g. { "troops": 540 }.',
      resolve: (e) => e.values,
    }),
    inferred: t.boolean({
      description: "True when this source implies the relation rather than states it.",
      resolve: (e) => e.inferred,
    }),
    rank: t.field({ type: ClaimRankEnum, resolve: (e) => e.rank }),
    repeats: t.field({
      type: KIND_REFS.Source,
      nullable: true,
      description: `The source whose sentence this claim's sentence repeats: another source's claim on the same relation has the same sentence and was published earlier (earlier publishedAt; the same date, or neither dated, the smaller key; a source without publishedAt counts as the earliest), the earliest such source; null when no earlier source has it (the original), or for a retracted claim (retracted claims take no part). A wire story or press release printed by several outlets is one source of evidence: see Relation.independentSourceCount. "The same sentence" is equal after Unicode NFKC, case folding, whitespace collapsed, typographic quotes, apostrophes and dashes unified and a trailing full stop ignored: the differences a reprint's typesetting makes. Nothing fuzzier: two reporters who write nearly the same sentence (a word apart) are two confirmations, and a looser match would count them as one.`,
      resolve: async (e, _, ctx) => {
        const key = await repeatedSource(ctx, e);
        return key === null ? null : loadUnlessDeleted(KIND_REFS.Source, ctx, key);
      },
    }),
  }),
});

const EvidenceConnection = nodeConnectionType(
  "Evidence",
  EvidenceRef,
  "A relation's evidence or claims, a page at a time (see evidence and claims).",
);

type Edge = RelationRecord & { cursor: string };

/** A relation edge, built field by field: one object shape for every relation page. */
const relationEdge = (r: RelationRecord, cursor: string, anchor: EntityRecord): Edge => ({
  id: r.id,
  type: r.type,
  direction: r.direction,
  from: r.from,
  to: r.to,
  other: r.other,
  properties: r.properties,
  inferred: r.inferred,
  evidence: r.evidence,
  claims: r.claims,
  disputed: r.disputed,
  independentSourceCount: r.independentSourceCount,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
  ends: endsAsRead(r, anchor),
  cursor,
});

/**
 * A relation's end (`from` or `to`): as read when its ends are final; else loaded by key
 * (batched: the fields the client selects on it are read), and as read when a write committed
 * since the relation was read deleted it, not a NOT_FOUND about a key the client never asked
 * for (reads28). Only an end the read did not have is still NOT_FOUND.
 */
async function endOf(r: RelationRecord, end: "from" | "to", ctx: Context): Promise<EntityRecord> {
  const asRead = r.ends[end];
  if (!asRead) return EntityRef.getDataloader(ctx).load(r[end]);
  if (r.ends.final) return asRead;
  return (await loadUnlessDeleted(EntityRef, ctx, r[end])) ?? asRead;
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** What every view of a relation shows: type, direction, ends, properties, evidence. */
function relationFields<T extends RelationRecord>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, T>,
) {
  return {
    type: t.field({ type: RelationTypeEnum, resolve: (r) => r.type }),
    direction: t.field({
      type: DirectionEnum,
      description: "OUT when the entity the relation was read from is its start.",
      resolve: (r) => r.direction,
    }),
    from: t.field({
      type: EntityRef,
      description: "The relation's start.",
      resolve: (r, _, ctx) => endOf(r, "from", ctx),
    }),
    to: t.field({
      type: EntityRef,
      description: "The relation's end.",
      resolve: (r, _, ctx) => endOf(r, "to", ctx),
    }),
    updatedAt: t.string({
      nullable: true,
      description: "When it last changed (ISO date-time).",
      resolve: (r) => r.updatedAt,
    }),
    updatedBy: t.string({
      nullable: true,
      description: "Who changed it last (a token's name, or seed / ingest).",
      resolve: (r) => r.updatedBy,
    }),
    inferred: t.boolean({
      description: "True when the sources imply the relation rather than state it.",
      resolve: (r) => r.inferred,
    }),
    properties: t.field({
      type: "JSONObject",
      description: "All of the relation's properties (see RelationType for which apply).",
      resolve: (r) => r.properties,
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description:
        "Every source sentence that states the relation and counts (not retracted; with asOf, none later than it). All of them: for a relation many sources state, page them with evidenceConnection.",
      resolve: (r) => r.evidence,
    }),
    evidenceConnection: t.field({
      type: EvidenceConnection,
      description:
        "The sentences of `evidence`, a page at a time: for a relation many sources state. totalCount, how many there are.",
      args: pagingArgs(t.arg),
      resolve: (r, args) => listPage(r.evidence, args, "Relation.evidenceConnection"),
    }),
    claims: t.field({
      type: [EvidenceRef],
      description:
        "Every claim of every source, oldest first, retracted ones included: each source's own values and time. All of them: page them with claimsConnection.",
      resolve: (r) => r.claims,
    }),
    claimsConnection: t.field({
      type: EvidenceConnection,
      description:
        "The claims of `claims`, a page at a time, oldest first. `last: 5` alone gives the five newest; totalCount, how many there are.",
      args: pagingArgs(t.arg),
      resolve: (r, args) => listPage(r.claims, args, "Relation.claimsConnection"),
    }),
    disputed: t.boolean({
      description:
        "True when sources at the same latest point in time give different values (see claims). A copy of another source's sentence (Evidence.repeats) that records another value disputes it as any source does: one sentence cannot state two values, so one of the two records is wrong, which is what a reader should be shown; syndication changes how many confirmations a sentence counts for (independentSourceCount), not whether values disagree.",
      resolve: (r) => r.disputed,
    }),
    sourceCount: t.int({
      description:
        "How many sources state the relation (corroboration; retracted ones left out; with asOf, those that stated it by then): the sources of `evidence`.",
      resolve: (r) => sourceCount(r.evidence),
    }),
    independentSourceCount: t.int({
      description:
        "How many of the sources of sourceCount are independent: those sources less the ones all of whose claims repeat another source's sentence (see Evidence.repeats). Five outlets printing one wire story are 5 sources and 1 independent. Retracted sources are left out, as for sourceCount.",
      resolve: (r, _, ctx) => independentSources(ctx, r),
    }),
    // The type's own properties and since / until / date, typed and documented by the registry.
    ...relationPropertyFields<T>(t),
  };
}

/** A relation on its own (in paths and neighbourhoods). */
export const RelationRef = builder.objectRef<RelationRecord>("Relation").implement({
  description: "A relation between two entities, with its properties and evidence.",
  fields: (t) => ({
    id: t.exposeString("id", { description: "from|TYPE|to: one relation per (from, type, to)." }),
    ...relationFields(t),
  }),
});

function edgeAndConnection(prefix: string, nodeRef: typeof EntityRef | (typeof KIND_REFS)[Kind]) {
  const edge = builder.objectRef<Edge>(`${prefix}RelationEdge`).implement({
    description:
      "A relation seen from one entity: its type, direction, the other entity, properties and evidence.",
    fields: (t) => ({
      cursor: t.exposeString("cursor"),
      node: t.field({
        type: nodeRef as typeof EntityRef,
        description: "The entity at the other end of the relation.",
        resolve: (r) => r.other,
      }),
      ...relationFields(t),
    }),
  });
  const connection = connectionType<RelationRecord>(
    `${prefix}RelationConnection`,
    edge,
    "A page of relations.",
  );
  return connection;
}

const DisputeEdge = builder
  .objectRef<RelationRecord & { cursor: string }>("DisputeEdge")
  .implement({
    description: "A relation whose sources disagree.",
    fields: (t) => ({
      cursor: t.exposeString("cursor"),
      node: t.field({ type: RelationRef, resolve: (r) => r }),
    }),
  });

const DisputeConnection = connectionType<RelationRecord>(
  "DisputeConnection",
  DisputeEdge,
  "A page of disputed relations.",
);

builder.queryField("disputes", (t) =>
  t.field({
    type: DisputeConnection,
    description:
      "Relations whose sources disagree: claims at the same point in time with different values (see Relation.claims). Ordered by the relation's start, type and end.",
    args: pagingArgs(t.arg),
    resolve: async (_, args, ctx, info) => {
      const window = connectionWindow(args, info.fieldNodes, info);
      const page = await disputedRelations(ctx.db, ctx.stats, window.offset, window.limit);
      return toConnection(page.items, window, page.totalCount);
    },
  }),
);

builder.queryField("relation", (t) =>
  t.field({
    type: RelationRef,
    nullable: true,
    description:
      'One relation by the id the API gives relations (`from|TYPE|to`), e.g. `relation(id: "canada|MEMBER_OF|nato")`, with its claims a page at a time. An unknown one (or one only retracted sources state, left out of every read) is a NOT_FOUND error; an id that cannot be a relation\'s is BAD_USER_INPUT.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_, args, ctx, info) => {
      const id = String(args.id);
      const parts = parseRelationId(id);
      if (!parts)
        throw new BadInputError(
          `id: "${echo(id)}" is not a relation id: relation ids are from|TYPE|to, two entity keys and a relation type, such as canada|MEMBER_OF|nato.`,
          [{ path: ["id"], message: "not a relation id (from|TYPE|to)" }],
        );
      const sets = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
      const found = await relationById(ctx.db, ctx.stats, parts, relationProperties(info, sets));
      if (!found) throw new NotFoundError(`No relation has the id "${id}".`, { id });
      return found;
    },
  }),
);

/** RelationConnection (any entity) and one per kind, e.g. PersonRelationConnection. */
export const RELATION_CONNECTIONS = {
  Entity: edgeAndConnection("", EntityRef),
  ...Object.fromEntries(KIND_NAMES.map((k) => [k, edgeAndConnection(k, KIND_REFS[k])])),
} as Record<Kind | "Entity", ReturnType<typeof edgeAndConnection>>;

export interface RelationFieldSpec {
  description: string;
  types?: readonly RelationType[];
  direction?: Direction;
  otherKind?: Kind;
}

export const ASOF_DOC =
  "Only relations that hold on this date (ISO, may be partial): since <= asOf <= until, and a one-off relation (a date: a visit) from its date on; undated relations always hold.";

/**
 * Reads one page of relations for every parent at this path, in one query: the page the planner
 * plans for this field (the same plan as when it is read along with its entity). The pages read
 * along with the entities at their other ends prime those fields' loaders.
 */
async function readRelationPages(
  keys: readonly string[],
  ctx: Context,
  args: RelationArgs,
  info: GraphQLResolveInfo,
  extension: RelationFieldExtension,
): Promise<Page<RelationRecord>[]> {
  const { plan } = relationPagePlan(info, {
    id: responseKey(info),
    extension,
    args,
    nodes: info.fieldNodes,
    kinds: null,
    depth: 1,
  });
  const pages = await relationPages(ctx.db, ctx.stats, { keys, page: plan });
  primeBelow(ctx, responsePath(info), plan, pages);
  return pages;
}

type EntityFieldBuilder =
  | PothosSchemaTypes.ObjectFieldBuilder<Types, EntityRecord>
  | PothosSchemaTypes.InterfaceFieldBuilder<Types, EntityRecord>;

/**
 * The resolver of a relation field: its page from its path's loader (relation-pages.ts), primed
 * by the read that planned it, or read by the loader for every parent at the path in one query.
 */
export function relationResolver(spec: RelationFieldExtension) {
  return (parent: EntityRecord, args: RelationArgs, ctx: Context, info: GraphQLResolveInfo) => {
    // The page's offset, size and hasPreviousPage do not depend on whether its plan read one row
    // more for hasNextPage, so the window is taken from the arguments alone.
    const window = pageWindow(args, resolvedRelationScope(info, args, spec));
    return completeValue(
      relationPage(ctx, info, parent, (keys) => readRelationPages(keys, ctx, args, info, spec)),
      (page) =>
        toConnection(page.items, window, page.totalCount, (r, cursor) =>
          relationEdge(r, cursor, parent),
        ),
    );
  };
}

/**
 * A typed relation field, e.g. `Nation.leaders`: a connection of the relations of one type and
 * direction whose other end is `otherKind`.
 */
export function relationField(
  t: EntityFieldBuilder,
  spec: RelationFieldSpec & { types: readonly RelationType[] },
) {
  const { description, ...read } = spec;
  return t.field({
    type: RELATION_CONNECTIONS[spec.otherKind ?? "Entity"],
    nullable: true,
    description,
    extensions: { [RELATION_FIELD]: read },
    args: {
      ...pagingArgs(t.arg),
      asOf: t.arg.string({ description: ASOF_DOC }),
    },
    resolve: relationResolver(read),
  });
}
