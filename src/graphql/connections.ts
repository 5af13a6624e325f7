/**
 * What every connection shares: the paging arguments, and the connection object itself
 * (edges, pageInfo, totalCount) around an edge type.
 */
import type { ArgBuilder, ObjectRef } from "@pothos/core";
import { builder } from "./builder.js";
import {
  type ConnectionArgs,
  type ConnectionShape,
  connectionScope,
  cursorOf,
  MAX_PAGE_SIZE,
  pageWindow,
  toConnection,
} from "./pagination.js";

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

/** An edge of a list of plain objects: the item is its `node`. */
export interface NodeEdge<T> {
  node: T;
  cursor: string;
}

/**
 * `<name>Connection` with edges `<name>Edge { cursor, node }` over `node`: a connection of a
 * list read with its parent (a record's claims or evidence), paged like every other list.
 */
export function nodeConnectionType<T extends object>(
  name: string,
  node: ObjectRef<Types, T>,
  description: string,
) {
  const edge = builder.objectRef<NodeEdge<T>>(`${name}Edge`).implement({
    fields: (t) => ({
      cursor: t.exposeString("cursor"),
      node: t.expose("node", { type: node }),
    }),
  });
  return connectionType<{ node: T }>(`${name}Connection`, edge, description);
}

/**
 * A page of `items`, a list already in memory, by the same arguments, limits and cursors as
 * every other connection; `field` names the list for its cursors, with its type where two types
 * have a field of that name (Entity.claimsConnection and Relation.claimsConnection are two lists,
 * and a cursor of one is refused by the other). totalCount is its length.
 * Its length being known, `last` alone takes the end of the list (the newest claims).
 */
export function listPage<T>(
  items: readonly T[],
  args: ConnectionArgs,
  field: string,
): ConnectionShape<{ node: T }> {
  const scope = connectionScope(field, args);
  const fromEnd = args.last != null && args.first == null && args.before == null;
  const window = pageWindow(
    fromEnd ? { ...args, before: cursorOf(scope, items.length) } : args,
    scope,
  );
  const rows = items.slice(window.offset, window.offset + window.limit).map((node) => ({ node }));
  return toConnection(rows, window, items.length);
}
