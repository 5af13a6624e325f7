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
import { complexityFromQuery } from "@pothos/plugin-complexity";
import {
  type DocumentNode,
  type ExecutionArgs,
  GraphQLError,
  type GraphQLField,
  getNamedType,
  getOperationAST,
  isLeafType,
  isListType,
  isNonNullType,
  Kind,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../context.js";
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

/** Whether a value of a `where` is or lists an object (a nested condition, not a value). */
const holdsObject = (v: unknown): boolean =>
  Array.isArray(v)
    ? v.some((x) => x !== null && typeof x === "object")
    : v !== null && typeof v === "object";

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
      // A condition is an object that holds no other: a field's operators ({ equals: "x" }), a
      // date range, a relation condition, an empty {}. AND / OR / NOT and the field that holds
      // the operators only group them: { OR: [{ key: { equals: "a" } }, ...] } holds as many
      // conditions as it lists. Every object was counted, so such an OR was refused from 25
      // conditions as holding "more than 50" (redteam29).
      let conditions = 0;
      const stack: unknown[] = [value];
      while (stack.length > 0) {
        const v = stack.pop();
        if (Array.isArray(v)) {
          checkListLength(`${name} list`, v, limits.maxListItems);
          stack.push(...v);
        } else if (v !== null && typeof v === "object") {
          const members = Object.values(v);
          if (!members.some(holdsObject)) conditions += 1;
          if (conditions > limits.maxFilterNodes)
            throw new LimitExceededError(
              `"where" holds more than ${limits.maxFilterNodes} conditions; simplify it.`,
              { argument: name, max: limits.maxFilterNodes },
            );
          stack.push(...members);
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

/** The refusal of an operation that costs more than `max`. */
export function costError(cost: number, max: number): LimitExceededError {
  return new LimitExceededError(
    `The operation costs ${cost}; at most ${max}. Ask for smaller pages (first, limit) or fewer nested levels.`,
    { cost, maxCost: max },
  );
}

/**
 * Why the operation `args` will run must not run (an argument over its limit, or its price
 * over the context's maxCost), or null. Bad variables are left to execution, which refuses them
 * before any resolver runs; anything else unexpected is thrown, so the operation fails closed.
 */
function price(args: ExecutionArgs): LimitExceededError | null {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation) return null; // graphql-js refuses it before executing anything
  // complexityFromQuery prices the document's first operation: give it the one that will run.
  const document = {
    ...args.document,
    definitions: args.document.definitions.filter(
      (d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION,
    ),
  };
  const ctx = args.contextValue as Context;
  try {
    const { complexity } = complexityFromQuery(document, {
      schema: args.schema,
      ctx,
      variables: (args.variableValues ?? {}) as Record<string, unknown>,
    });
    return complexity > ctx.maxCost ? costError(complexity, ctx.maxCost) : null;
  } catch (e) {
    if (e instanceof LimitExceededError) return e;
    // Duck-typed: graphql ships CJS and ESM builds, so instanceof can lie (see errors.ts).
    if (e instanceof Error && e.name === "GraphQLError") return null;
    throw e;
  }
}

/** Variable sets whose price is kept per document, and the longest key kept. */
const PRICES_PER_DOCUMENT = 32;
const MAX_PRICE_KEY = 4_096;

/**
 * `price`, kept per parsed document (yoga's parse cache hands out the same document for the same
 * text, and lets it go as it evicts it) and per operation name, limits and variables: those are
 * all a price is made from, so a repeated request is not priced again. Variables arrive as JSON,
 * so their JSON text is a faithful key; large ones are priced every time.
 */
function cachedPrice() {
  const prices = new WeakMap<DocumentNode, Map<string, LimitExceededError | null>>();
  return (args: ExecutionArgs): LimitExceededError | null => {
    const ctx = args.contextValue as Context;
    let key: string | undefined;
    try {
      key = `${args.operationName ?? ""}\u0000${ctx.maxCost},${ctx.maxListItems},${ctx.maxFilterNodes}\u0000${JSON.stringify(args.variableValues ?? {})}`;
    } catch {
      key = undefined; // not JSON (a BigInt from an in-process caller): priced every time
    }
    if (key === undefined || key.length > MAX_PRICE_KEY) return price(args);
    let known = prices.get(args.document);
    const hit = known?.get(key);
    if (hit !== undefined) return hit;
    const outcome = price(args);
    if (!known) {
      known = new Map();
      prices.set(args.document, known);
    }
    if (known.size >= PRICES_PER_DOCUMENT) known.delete(known.keys().next().value as string);
    known.set(key, outcome);
    return outcome;
  };
}

/** The refusal of a priced operation: a request error, as a validation rule's. */
function refusal(error: LimitExceededError): GraphQLError {
  // Nothing ran, so no data; 400 as for depth.
  return new GraphQLError(error.message, {
    extensions: { code: error.code, ...error.details, http: { status: 400 } },
  });
}

/**
 * Prices an operation once, before any of it runs, and refuses it with one error naming the
 * first limit it crosses. The complexity plugin's own check runs as each root field resolves,
 * so an operation of five root fields over the budget got the same error five times (and a
 * subscription was priced at every event). Prices are kept per document and variables
 * (cachedPrice), so a repeated request does not walk its operation again.
 */
export function operationBudget(): Plugin<Context> {
  const priced = cachedPrice();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = priced(args);
      if (error) setResultAndStopExecution({ errors: [refusal(error)] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = priced(args);
      if (error) setResultAndStopExecution({ errors: [refusal(error)] });
    },
  };
}
