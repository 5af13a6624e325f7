/** `neighbourhood`: a subgraph ready to draw. */
import { NEIGHBOURHOOD_LIMITS, neighbourhood, type Subgraph } from "../../data/neighbourhood.js";
import { BadInputError, NotFoundError } from "../../domain/errors.js";
import { builder } from "../builder.js";
import { checkKey, decodeEntityId } from "../keys.js";
import { RelationTypeEnum } from "./enums.js";
import { EntityRef } from "./refs.js";
import { RelationRef } from "./relation.js";

const SubgraphRef = builder.objectRef<Subgraph>("Subgraph").implement({
  description: "Entities and the relations among them, each once: ready to draw.",
  fields: (t) => ({
    // neighbourhood's `limit` already multiplies these (see complexity.ts).
    nodes: t.field({ type: [EntityRef], complexity: { multiplier: 1 }, resolve: (g) => g.nodes }),
    edges: t.field({
      type: [RelationRef],
      complexity: { multiplier: 1 },
      description: "Relations among the nodes; `from` and `to` name their ends.",
      // Each edge's ends are among the nodes, read in the same transaction: answered from them.
      // Loaded again by key, an end a delete committed in the meantime was NOT_FOUND, and the
      // whole neighbourhood answered null with an error naming a key the client never asked
      // (9 of 848 reads of several kinds beside four writers; redteam28).
      resolve: (g) => {
        const byKey = new Map(g.nodes.map((n) => [n.key, n]));
        return g.edges.map((e) => ({
          ...e,
          ends: { from: byKey.get(e.from), to: byKey.get(e.to), final: true },
        }));
      },
    }),
    truncated: t.exposeBoolean("truncated", {
      description: "True when limit (or the per-level row cap) cut the subgraph short.",
    }),
  }),
});

/** Accepts a key or a global id, so both what a person types and what a client holds work. */
function keyOf(args: { key?: string | null; id?: string | null }): string {
  if ((args.key == null) === (args.id == null)) {
    throw new BadInputError("Give exactly one of key and id.", [
      { path: ["key"], message: "give key or id" },
    ]);
  }
  if (args.key != null) return checkKey(args.key);
  return decodeEntityId(String(args.id)).id;
}

builder.queryField("neighbourhood", (t) =>
  t.field({
    type: SubgraphRef,
    nullable: true,
    description: `The entities within \`depth\` hops (at most ${NEIGHBOURHOOD_LIMITS.depth}) of one entity, at most \`limit\` of them (at most ${NEIGHBOURHOOD_LIMITS.nodes}), and the relations among them. MENTIONS is left out unless listed in types.`,
    args: {
      key: t.arg.string({ description: "The entity's key (or give id)." }),
      id: t.arg.id({ description: "The entity's global id (or give key)." }),
      depth: t.arg.int({ defaultValue: 1 }),
      limit: t.arg.int({ defaultValue: 100 }),
      types: t.arg({
        type: [RelationTypeEnum],
        description:
          "Relation types to follow (default: all but MENTIONS; an empty list: none, so the entity alone).",
      }),
    },
    resolve: async (_, args, ctx) => {
      const key = keyOf(args);
      const graph = await neighbourhood(ctx.db, ctx.stats, {
        key,
        depth: args.depth ?? 1,
        limit: args.limit ?? 100,
        types: args.types ?? null,
      });
      if (!graph) throw new NotFoundError(`No entity has the key "${key}".`, { key });
      return graph;
    },
  }),
);
