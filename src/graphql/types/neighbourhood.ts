/** `neighbourhood`: a subgraph ready to draw. */
import { Kind as AstKind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
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

/** The edge fields that read the relation's sentences (its claims' excerpts). */
const SENTENCE_FIELDS = new Set(["claims", "claimsConnection", "evidence", "evidenceConnection"]);

/**
 * The edge field computed in the level statement itself (from the sentences, which it does not
 * return): only when asked for, since it reads every claim's sentence of every relation drawn.
 */
const INDEPENDENT_FIELDS = new Set(["independentSourceCount"]);

/**
 * Whether the selection reads any of `fields` under `edges`: with SENTENCE_FIELDS, any edge's
 * sentences. A drawing reads the count of sources and
 * whether they disagree, not the sentences: a relation a thousand sources state with long
 * sentences is megabytes of them, which took reading either end's neighbourhood past the
 * request's read budget (LIMIT_EXCEEDED; redteam31). Anything under `edges` that may read them
 * (even an entity end's own claims) counts, so the read is whole whenever in doubt.
 */
function selectsUnderEdges(info: GraphQLResolveInfo, fields: ReadonlySet<string>): boolean {
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, underEdges: boolean): boolean => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === AstKind.FIELD) {
        const name = sel.name.value;
        if (underEdges && fields.has(name)) return true;
        if (walk(sel.selectionSet, underEdges || name === "edges")) return true;
      } else if (sel.kind === AstKind.INLINE_FRAGMENT) {
        if (walk(sel.selectionSet, underEdges)) return true;
      } else {
        const key = `${sel.name.value}|${underEdges}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (walk(info.fragments[sel.name.value]?.selectionSet, underEdges)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => walk(node.selectionSet, false));
}

/**
 * Accepts a key or a global id, so both what a person types and what a client holds work. With
 * an id, also the kind it names: the entity must be of that kind, as for node(id).
 */
function startOf(args: { key?: string | null; id?: string | null }): {
  key: string;
  kind: string | null;
} {
  if ((args.key == null) === (args.id == null)) {
    throw new BadInputError("Give exactly one of key and id.", [
      { path: ["key"], message: "give key or id" },
    ]);
  }
  if (args.key != null) return { key: checkKey(args.key), kind: null };
  const decoded = decodeEntityId(String(args.id));
  return { key: decoded.id, kind: decoded.typename };
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
    resolve: async (_, args, ctx, info) => {
      const { key, kind } = startOf(args);
      const graph = await neighbourhood(ctx.db, ctx.stats, {
        key,
        depth: args.depth ?? 1,
        limit: args.limit ?? 100,
        types: args.types ?? null,
        sentences: selectsUnderEdges(info, SENTENCE_FIELDS),
        independent: selectsUnderEdges(info, INDEPENDENT_FIELDS),
      });
      // An id of another kind ("Person:canada", never given out) names no entity: node(id)
      // answers it NOT_FOUND, and so does this (it drew canada's neighbourhood; redteam29).
      if (!graph || (kind !== null && graph.nodes.find((n) => n.key === key)?.kind !== kind))
        throw new NotFoundError(`No ${kind ?? "entity"} has the key "${key}".`, { key });
      return graph;
    },
  }),
);
