/** `path` and `paths`: how two entities are connected, each step with the sentence behind it. */

import type { Context } from "../../context.js";
import { MAX_HOPS, MAX_PATHS } from "../../cypher/paths.js";
import { type PathRecord, type PathStep, shortestPaths } from "../../data/paths.js";
import type { RelationType } from "../../domain/vocabulary.js";
import { builder } from "../builder.js";
import { checkKey } from "../keys.js";
import { RelationTypeEnum } from "./enums.js";
import { EntityRef } from "./refs.js";
import { RelationRef } from "./relation.js";

const PathStepRef = builder.objectRef<PathStep>("PathStep").implement({
  description:
    "One hop: from one entity to the next, by a relation (walked along or against its direction).",
  fields: (t) => ({
    from: t.field({ type: EntityRef, resolve: (s) => s.from }),
    to: t.field({ type: EntityRef, resolve: (s) => s.to }),
    relation: t.field({
      type: RelationRef,
      description:
        "The relation; direction is OUT when the walk follows it, IN when it goes against it.",
      resolve: (s) => s.relation,
    }),
  }),
});

const PathRef = builder.objectRef<PathRecord>("Path").implement({
  description: "A chain of relations between two entities.",
  fields: (t) => ({
    length: t.exposeInt("length", { description: "Number of hops." }),
    nodes: t.field({
      type: [EntityRef],
      description: "The entities along the path, in order.",
      resolve: (p) => p.nodes,
    }),
    steps: t.field({ type: [PathStepRef], resolve: (p) => p.steps }),
  }),
});

function find(
  args: { from: string; to: string; maxHops?: number | null; types?: RelationType[] | null },
  ctx: Context,
  k: number,
): Promise<PathRecord[]> {
  const from = checkKey(args.from, "from");
  const to = checkKey(args.to, "to");
  return shortestPaths(ctx.db, ctx.stats, {
    from,
    to,
    maxHops: args.maxHops ?? 4,
    types: args.types ?? null,
    k,
  });
}

const pathArgs = (t: Parameters<Parameters<typeof builder.queryField>[1]>[0]) => ({
  from: t.arg.string({ required: true, description: "Key of the entity to start from." }),
  to: t.arg.string({ required: true, description: "Key of the entity to reach." }),
  maxHops: t.arg.int({
    defaultValue: 4,
    description: `Longest path considered (1 to ${MAX_HOPS}).`,
  }),
  types: t.arg({
    type: [RelationTypeEnum],
    description:
      "Relation types to walk (default: all but MENTIONS; an empty list: none, so no path between two different entities).",
  }),
});

builder.queryField("path", (t) =>
  t.field({
    type: PathRef,
    nullable: true,
    description:
      'The shortest chain of relations between two entities, each step with its evidence; null when none is within maxHops. From an entity to itself: that entity alone (length 0, no steps). E.g. path(from: "justin-trudeau", to: "latvia").',
    args: pathArgs(t),
    resolve: async (_, args, ctx) => (await find(args, ctx, 1))[0] ?? null,
  }),
);

builder.queryField("paths", (t) =>
  t.field({
    type: [PathRef],
    nullable: true,
    description:
      "The k shortest paths (distinct sequences of entities, none meeting an entity twice), shortest first. From an entity to itself: one path, that entity alone (length 0); cycles back to it are not listed.",
    args: {
      ...pathArgs(t),
      first: t.arg.int({ defaultValue: 3, description: `How many paths (1 to ${MAX_PATHS}).` }),
    },
    resolve: (_, args, ctx) => find(args, ctx, args.first ?? 3),
  }),
);
