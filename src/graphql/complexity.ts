/**
 * The price of an operation, computed by @pothos/plugin-complexity once per request from the
 * arguments as they will run: literals, variables and defaults alike. Every field that returns
 * objects costs 1 (its rows are what the server reads and builds); a scalar costs nothing beside
 * the object that carries it. A field that returns many rows multiplies what is selected under
 * it by how many it may return:
 * its `first` / `last` (a connection's default page size when neither is given), its `limit`, or
 * the length of its `ids`. Lists without a size argument (aliases, evidence) count as
 * UNSIZED_LIST rows; a connection's `edges` count once, since the connection already
 * multiplied them. `totalCount` costs more: it is a count over every row, not a page.
 */
import { type GraphQLField, getNamedType, isLeafType, isListType, isNonNullType } from "graphql";
import { LimitExceededError } from "../domain/errors.js";
import { DEFAULT_PAGE_SIZE } from "./pagination.js";

export interface ArgumentLimits {
  maxListItems: number;
  maxFilterNodes: number;
}

/** Throws LIMIT_EXCEEDED when a list argument is longer than allowed. */
export function checkListLength(name: string, list: readonly unknown[], max: number): void {
  if (list.length > max)
    throw new LimitExceededError(`"${name}" holds ${list.length} items; at most ${max}.`, {
      argument: name,
      max,
    });
}

/**
 * Refuses arguments that would cost far more than their price says: a list argument (ids,
 * keys, types) longer than maxListItems, and a `where` whose conditions (counted through AND,
 * OR, NOT and nested relation filters) number more than maxFilterNodes, or whose lists are
 * too long. Inputs that are documents (ingest) are validated by their own rules.
 */
export function checkArguments(args: Record<string, unknown>, limits: ArgumentLimits): void {
  for (const [name, value] of Object.entries(args)) {
    if (Array.isArray(value)) checkListLength(name, value, limits.maxListItems);
    if (name === "where" && value !== null && typeof value === "object") {
      let nodes = 0;
      const stack: unknown[] = [value];
      while (stack.length > 0) {
        const v = stack.pop();
        if (Array.isArray(v)) {
          checkListLength(`${name} list`, v, limits.maxListItems);
          stack.push(...v);
        } else if (v !== null && typeof v === "object") {
          nodes += 1;
          if (nodes > limits.maxFilterNodes)
            throw new LimitExceededError(
              `"where" holds more than ${limits.maxFilterNodes} conditions; simplify it.`,
              { argument: name, max: limits.maxFilterNodes },
            );
          stack.push(...Object.values(v));
        }
      }
    }
  }
}

/** Rows assumed for a list field that takes no size argument. */
export const UNSIZED_LIST = 10;
/** What counting all the rows behind a connection costs, against 1 per plain field. */
export const COUNT_COST = 10;

const isList = (type: GraphQLField<unknown, never>["type"]): boolean =>
  isListType(isNonNullType(type) ? type.ofType : type);

const size = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? Math.max(value, 0) : null;

/** The price of one field with its arguments: its own cost and the multiplier of its selection. */
export function fieldPrice(
  args: Record<string, unknown>,
  field: GraphQLField<unknown, never>,
): { field: number; multiplier: number } {
  const named = getNamedType(field.type);
  const own = field.name === "totalCount" ? COUNT_COST : isLeafType(named) ? 0 : 1;
  const typeName = named.name;
  const paged = size(args.first) ?? size(args.last);
  if (paged !== null) return { field: own, multiplier: paged };
  if (typeName.endsWith("Connection")) return { field: own, multiplier: DEFAULT_PAGE_SIZE };
  const limit = size(args.limit);
  if (limit !== null) return { field: own, multiplier: limit };
  if (Array.isArray(args.ids)) return { field: own, multiplier: args.ids.length };
  if (!isList(field.type)) return { field: own, multiplier: 1 };
  if (field.name === "edges" && typeName.endsWith("Edge")) return { field: own, multiplier: 1 };
  return { field: own, multiplier: UNSIZED_LIST };
}
