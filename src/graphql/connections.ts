/**
 * What every connection shares: the paging arguments, and the connection object itself
 * (edges, pageInfo, totalCount) around an edge type.
 */
import type { ArgBuilder, ObjectRef } from "@pothos/core";
import { builder } from "./builder.js";
import { type ConnectionShape, MAX_PAGE_SIZE } from "./pagination.js";

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

const CURSOR_DOC =
  "Only a cursor this list gave out (the same field and arguments but paging); any other is BAD_USER_INPUT.";

/** first / after / last / before, documented once. */
export function pagingArgs(arg: ArgBuilder<Types>) {
  return {
    first: arg.int({ description: `Page size (default 20, at most ${MAX_PAGE_SIZE}).` }),
    after: arg.string({ description: `Cursor to start after. ${CURSOR_DOC}` }),
    last: arg.int({ description: "Take the last N of the window (with before or first)." }),
    before: arg.string({ description: `Cursor to end before. ${CURSOR_DOC}` }),
  };
}

/** `<name>` with edges of `edge`, pageInfo and totalCount (counted in Cypher, only when selected). */
export function connectionType<T extends object>(
  name: string,
  edge: ObjectRef<Types, T & { cursor: string }>,
  description?: string,
) {
  return builder.objectRef<ConnectionShape<T>>(name).implement({
    ...(description ? { description } : {}),
    fields: (t) => ({
      edges: t.field({ type: [edge], resolve: (c) => c.edges }),
      pageInfo: t.field({ type: builder.pageInfoRef(), resolve: (c) => c.pageInfo }),
      totalCount: t.int({
        description: "How many match in all (counted in the database, only when asked for).",
        resolve: (c) => c.totalCount ?? 0,
      }),
    }),
  });
}
