/**
 * Offset-based cursor pagination shared by every connection, with limits that fail loudly:
 * asking for more than MAX_PAGE_SIZE rows is an error, never a silent cut.
 */
import { cursorToOffset, offsetForArgs, offsetToCursor } from "@pothos/plugin-relay";
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

/**
 * Checks paging arguments and turns them into an offset window. With `needsNext` false (nobody
 * asked for pageInfo.hasNextPage) the window reads no extra row: nested pages multiply it.
 */
export function pageWindow(args: ConnectionArgs, needsNext = true): PageWindow {
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
  for (const name of ["after", "before"] as const) {
    const cursor = args[name];
    if (cursor == null) continue;
    let offset = Number.NaN;
    try {
      offset = cursorToOffset(cursor);
    } catch {
      // reported below
    }
    if (!Number.isSafeInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
      throw new BadInputError(`"${name}" is not a cursor this API gave out.`, [
        { path: [name], message: "invalid cursor" },
      ]);
    }
  }
  const { first, last, after, before } = args;
  if (first != null && last != null && before == null && last < first) {
    // offsetForArgs would take the last rows of the first as if all of them existed: with
    // fewer rows than `first` (first: 100, last: 1 over 8 nations) the page came back empty.
    // Read the first rows, and keep the last of those that exist (toConnection).
    const start = after == null ? 0 : cursorToOffset(after) + 1;
    return {
      offset: start,
      limit: needsNext ? first + 1 : first,
      expectedSize: first,
      hasPreviousPage: start > 0,
      keepLast: last,
    };
  }
  try {
    const w = offsetForArgs({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE });
    return {
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

/** Cursors of the first offsets, encoded once: a nested read hands out thousands per request. */
const CURSORS: string[] = [];
const CACHED_CURSORS = 10_000;

/** The cursor of `offset` (what offsetToCursor gives, cached for the first offsets). */
export function cursorAt(offset: number): string {
  if (offset >= CACHED_CURSORS) return offsetToCursor(offset);
  let cursor = CURSORS[offset];
  if (cursor === undefined) {
    cursor = offsetToCursor(offset);
    CURSORS[offset] = cursor;
  }
  return cursor;
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
  const edges = page.map((row, i) => edgeOf(row, cursorAt(start + i)));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > window.expectedSize,
      hasPreviousPage: window.hasPreviousPage || skipped > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
