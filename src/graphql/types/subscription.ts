/** `graphChanged`: what each committed write changed, over SSE (or any GraphQL-over-SSE client). */
import { filter, pipe } from "graphql-yoga";
import { BadInputError } from "../../domain/errors.js";
import type { GraphChange } from "../../events.js";
import { builder } from "../builder.js";
import { checkKeys } from "../keys.js";

const GraphChangeRef = builder.objectRef<GraphChange>("GraphChange").implement({
  description:
    "What one committed write changed. Sent after the transaction commits; never for one rolled back.",
  fields: (t) => ({
    operation: t.exposeString("operation", { description: "The mutation (or CLI) that wrote it." }),
    by: t.exposeString("by", { description: "The name of the token that wrote it." }),
    at: t.exposeString("at", { description: "When it committed (ISO)." }),
    entities: t.exposeStringList("entities", {
      description: "Keys of entities created or changed.",
    }),
    deletedEntities: t.exposeStringList("deletedEntities"),
    relations: t.exposeStringList("relations", {
      description: "Relations created or changed, as from|TYPE|to.",
    }),
    removedRelations: t.exposeStringList("removedRelations"),
  }),
});

/** Whether a change touches any of `keys` (an entity, or a relation with it at either end). */
function touches(change: GraphChange, keys: ReadonlySet<string>): boolean {
  const ends = (id: string) => {
    const [from, , to] = id.split("|");
    return [from ?? "", to ?? ""];
  };
  return (
    [...change.entities, ...change.deletedEntities].some((k) => keys.has(k)) ||
    [...change.relations, ...change.removedRelations].some((id) =>
      ends(id).some((k) => keys.has(k)),
    )
  );
}

builder.subscriptionType({
  description: "Live updates; over SSE send `Accept: text/event-stream`.",
});

builder.subscriptionField("graphChanged", (t) =>
  t.field({
    type: GraphChangeRef,
    description:
      "Every committed change to the graph, or only those touching the given entity keys (the entity itself or a relation at either end).",
    args: {
      keys: t.arg.stringList({
        description:
          "Only changes touching these entities (default: all). Each must be a key (a lowercase slug), and the list must not be empty (it would never match); anything else is BAD_USER_INPUT before the stream opens.",
      }),
    },
    subscribe: (_, args, ctx) => {
      // operationBudget (complexity.ts) refused a list over maxListItems before this ran.
      // A key no entity can have would hold a stream open that never fires.
      checkKeys((args.keys ?? []).map((key, i) => [key, ["keys", i]] as const));
      // So would an empty list (changes touching none of no entities): refused the same way.
      if (args.keys?.length === 0)
        throw new BadInputError(
          "keys: give at least one entity key, or leave keys out for every change.",
          [{ path: ["keys"], message: "an empty list would never match a change" }],
        );
      const keys = args.keys ? new Set(args.keys) : null;
      const source = ctx.events.subscribe("graphChanged");
      return keys
        ? pipe(
            source,
            filter((c: GraphChange) => touches(c, keys)),
          )
        : source;
    },
    resolve: (change) => change,
  }),
);
