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
  const page = rows.slice(0, window.expectedSize);
  const edges = page.map((row, i) => edgeOf(row, cursorAt(window.offset + i)));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > window.expectedSize,
      hasPreviousPage: window.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
