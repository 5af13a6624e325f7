/**
 * Offset-based cursor pagination shared by every connection, with limits that fail loudly:
 * asking for more than MAX_PAGE_SIZE rows is an error, never a silent cut.
 *
 * A cursor names its offset and the list it was given out for: the field and its arguments
 * other than paging (where, orderBy, types, query, ...), hashed. A cursor of another list, or
 * anything the API did not give out (garbage, truncated, re-encoded, another offset format), is
 * BAD_USER_INPUT, never a page from somewhere else.
 */
import { createHash } from "node:crypto";
import { offsetForArgs } from "@pothos/plugin-relay";
import { BadInputError, LimitExceededError } from "../domain/errors.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Deepest offset a cursor may point at: paging further than this is better done with filters. */
export const MAX_OFFSET = 1_000_000;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageWindow {
  /** The list the window is of (see connectionScope): its cursors carry it. */
  scope: string;
  offset: number;
  /** Rows to fetch: one more than the page, to learn whether a next page exists. */
  limit: number;
  expectedSize: number;
  hasPreviousPage: boolean;
  /**
   * With both first and last (and no before): the rows of the page kept from its end, once the
   * first `expectedSize` are read. How many rows there are is not known before reading them.
   */
  keepLast?: number;
}

const PAGING = new Set(["first", "after", "last", "before"]);

/**
 * JSON with object keys sorted, and null fields and empty objects left out: `{a: null}`, `{}`
 * and no value at all say the same in a filter.
 */
function canonical(value: unknown): string | undefined {
  if (value == null) return undefined;
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v) ?? "null").join(",")}]`;
  if (typeof value === "object") {
    const fields = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, canonical(v)] as const)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (fields.length === 0) return undefined;
    return `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Scopes already hashed, by field and arguments' JSON (see connectionScope): at most MAX_SCOPES
 * of them (emptied when full: an LRU's bookkeeping on every hit showed in the profile), with
 * keys at most MAX_SCOPE_KEY long.
 */
const SCOPES = new Map<string, string>();
const MAX_SCOPES = 1_000;
const MAX_SCOPE_KEY = 2_000;

/**
 * The list a connection field's page is of: the field's name and its arguments other than
 * paging, hashed (12 characters). Its cursors carry it, so a cursor pages only its own list.
 */
export function connectionScope(field: string, args: object): string {
  const rest = Object.fromEntries(Object.entries(args).filter(([k]) => !PAGING.has(k)));
  // Arguments are coerced by the schema, so their JSON text determines their canonical form: a
  // list asked for again (every request of the same operation) is not canonicalised and hashed
  // again (bench/findings.md, "speed2").
  const key = `${field}\u0000${JSON.stringify(rest)}`;
  const known = key.length <= MAX_SCOPE_KEY ? SCOPES.get(key) : undefined;
  if (known !== undefined) return known;
  const scope = createHash("sha256")
    .update(`${field}\u0000${canonical(rest) ?? ""}`)
    .digest("base64url")
    .slice(0, 12);
  if (key.length <= MAX_SCOPE_KEY) {
    if (SCOPES.size >= MAX_SCOPES) SCOPES.clear();
    SCOPES.set(key, scope);
  }
  return scope;
}

const CURSOR = /^c1\.([A-Za-z0-9_-]{12})\.(0|[1-9][0-9]{0,6})$/;

/** The cursor of `offset` in the list `scope`. */
export function cursorOf(scope: string, offset: number): string {
  return Buffer.from(`c1.${scope}.${offset}`).toString("base64");
}

/** The offset of `cursor`, given as argument `name` of the list `scope`; BAD_USER_INPUT if it is not one. */
function offsetOf(name: string, cursor: string, scope: string): number {
  const text = Buffer.from(cursor, "base64").toString("latin1");
  // Exactly what cursorOf gives: re-encoding must give the cursor back (no url-safe alphabet,
  // missing padding, spaces or bytes Buffer skips), and the text must be a cursor's.
  const match = Buffer.from(text, "latin1").toString("base64") === cursor && CURSOR.exec(text);
  const offset = match ? Number(match[2]) : Number.NaN;
  if (!match || offset > MAX_OFFSET) {
    throw new BadInputError(
      `"${name}" is not a cursor this API gave out: pass a cursor from this list's edges or pageInfo, unchanged.`,
      [{ path: [name], message: "invalid cursor" }],
    );
  }
  if (match[1] !== scope) {
    throw new BadInputError(
      `"${name}" is a cursor of another list (another field, or other arguments: where, orderBy, types...): a cursor pages only the list that gave it out.`,
      [{ path: [name], message: "cursor of another list" }],
    );
  }
  return offset;
}

/** The offset cursor Pothos's offsetForArgs reads (its own format), for an offset already checked. */
const pothosCursor = (offset: number) =>
  Buffer.from(`OffsetConnection:${offset}`).toString("base64");

/**
 * Checks paging arguments and turns them into an offset window of the list `scope` (see
 * connectionScope). With `needsNext` false (nobody asked for pageInfo.hasNextPage) the window
 * reads no extra row: nested pages multiply it.
 */
export function pageWindow(args: ConnectionArgs, scope: string, needsNext = true): PageWindow {
  for (const name of ["first", "last"] as const) {
    const value = args[name];
    if (value == null) continue;
    if (value < 0)
      throw new BadInputError(`"${name}" must not be negative.`, [
        { path: [name], message: "must be >= 0" },
      ]);
    if (value > MAX_PAGE_SIZE) {
      throw new LimitExceededError(
        `"${name}" is ${value}; at most ${MAX_PAGE_SIZE} rows per page. Page with "after".`,
        {
          argument: name,
          max: MAX_PAGE_SIZE,
        },
      );
    }
  }
  const afterOffset = args.after == null ? null : offsetOf("after", args.after, scope);
  const beforeOffset = args.before == null ? null : offsetOf("before", args.before, scope);
  const { first, last, before } = args;
  if (last != null && first == null && before == null) {
    // Relay's "the last N of the whole list" needs the list's length before reading it; every
    // list here is read forwards from an offset, so say how to get the same rows instead of
    // Pothos's bare "can only be used in combination with before or first". Only the lists of
    // a kind take orderBy: the others (search, timeline, disputes, relations) were told to use it.
    throw new BadInputError(
      '"last" pages backwards from a "before" cursor, or keeps the last rows of "first": give one of them. To read the end of a list, page forwards with "first" and "after" until pageInfo.hasNextPage is false, or, where the list takes orderBy, sort it the other way (orderBy with the opposite direction) and use "first".',
      [{ path: ["last"], message: 'needs "before" or "first"' }],
    );
  }
  if (first != null && last != null && before == null && last < first) {
    // offsetForArgs would take the last rows of the first as if all of them existed: with
    // fewer rows than `first` (first: 100, last: 1 over 8 nations) the page came back empty.
    // Read the first rows, and keep the last of those that exist (toConnection).
    const start = afterOffset == null ? 0 : afterOffset + 1;
    return {
      scope,
      offset: start,
      limit: needsNext ? first + 1 : first,
      expectedSize: first,
      hasPreviousPage: start > 0,
      keepLast: last,
    };
  }
  try {
    const w = offsetForArgs({
      args: {
        first,
        last,
        after: afterOffset == null ? null : pothosCursor(afterOffset),
        before: beforeOffset == null ? null : pothosCursor(beforeOffset),
      },
      defaultSize: DEFAULT_PAGE_SIZE,
      maxSize: MAX_PAGE_SIZE,
    });
    return {
      scope,
      offset: w.offset,
      limit: needsNext ? w.limit : w.expectedSize,
      expectedSize: w.expectedSize,
      hasPreviousPage: w.hasPreviousPage,
    };
  } catch (error) {
    throw new BadInputError(
      error instanceof Error ? `Bad paging arguments: ${error.message}` : "Bad paging arguments.",
    );
  }
}

export interface ConnectionShape<T> {
  edges: (T & { cursor: string })[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number | null;
}

/**
 * Builds a connection from the rows of a window (fetched with `limit`, one extra). `edgeOf`
 * builds an edge of one known shape; the default spreads the row, which is slow once this one
 * call site has seen rows of many shapes (profiled: 8% of a nested read).
 */
export function toConnection<T extends object>(
  rows: readonly T[],
  window: PageWindow,
  totalCount: number | null,
  edgeOf: (row: T, cursor: string) => T & { cursor: string } = (row, cursor) => ({
    ...row,
    cursor,
  }),
): ConnectionShape<T> {
  const read = rows.slice(0, window.expectedSize);
  // With first and last: the last `keepLast` of the rows read (see PageWindow).
  const skipped = window.keepLast == null ? 0 : Math.max(0, read.length - window.keepLast);
  const page = skipped > 0 ? read.slice(skipped) : read;
  const start = window.offset + skipped;
  const edges = page.map((row, i) => edgeOf(row, cursorOf(window.scope, start + i)));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > window.expectedSize,
      hasPreviousPage: window.hasPreviousPage || skipped > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: totalCount === null ? null : seenTotal(rows.length, window, totalCount),
  };
}

/**
 * A list's count as its page saw it. The count and the page are read by one statement, but Neo4j
 * reads committed data as each part runs: a write committed between them (an entity created or
 * deleted at once) made a page of 16 rows say totalCount 15, or 14 (redteam24: 5 of 175 reads of
 * a list six clients were writing to). The rows read bound it: at least the rows up to the last
 * one read, and exactly that many when the read stopped short of the page's size (the list ended
 * there).
 */
function seenTotal(read: number, window: PageWindow, counted: number): number {
  // No rows say nothing: a list asked for its totalCount alone reads none.
  if (read === 0) return counted;
  const upTo = window.offset + read;
  return read < window.expectedSize ? upTo : Math.max(counted, upTo);
}
