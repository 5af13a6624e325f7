import SchemaBuilder from "@pothos/core";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import RelayPlugin from "@pothos/plugin-relay";
import type { Context } from "../context.js";

/** The schema builder and its plugins; types register themselves from ./types. */
export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [RelayPlugin, DataloaderPlugin],
  // Fields are non-null unless they can fail on their own (paged relations, root lookups),
  // so one bad page nulls that field, not its parents.
  defaultFieldNullability: false,
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodeQueryOptions: {
      description: "Fetches any entity by its global id (as returned in `id`).",
    },
    nodesQueryOptions: {
      description:
        "Fetches several entities by global id, in the order given; unknown ids give null.",
    },
  },
});
