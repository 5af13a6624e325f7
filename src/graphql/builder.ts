import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import ErrorsPlugin from "@pothos/plugin-errors";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import type { Context } from "../context.js";
import { ForbiddenError, UnauthenticatedError } from "../domain/errors.js";
import { checkArguments, fieldPrice } from "./complexity.js";
import { decodeGlobalIdForRelay, refuseForeignIds } from "./keys.js";

const capitalize = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** The schema builder and its plugins; types register themselves from ./types. */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { write: boolean; admin: boolean };
  Scalars: {
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
    /** Any JSON value: a field's value in a dry run's changes (a string, number, list ...). */
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  // Scope auth first: it must wrap everything else, so no other plugin runs for a refused caller.
  plugins: [ScopeAuthPlugin, ComplexityPlugin, ErrorsPlugin, RelayPlugin, DataloaderPlugin],
  // The plugin gives every field its price; operationBudget (complexity.ts) prices the whole
  // operation once, with the variables' values and the arguments' defaults, before any of it
  // runs. The plugin's own check, once per root field as each resolves, is off.
  complexity: {
    fieldComplexity: (args, ctx, field) => {
      checkArguments(args, ctx);
      return fieldPrice(args, field);
    },
    disabled: true,
  },
  scopeAuth: {
    authScopes: (ctx) => {
      const scopes = ctx.caller.kind === "token" ? ctx.caller.scopes : [];
      return {
        write: scopes.includes("write") || scopes.includes("admin"),
        admin: scopes.includes("admin"),
      };
    },
    unauthorizedError: (_parent, ctx) => {
      switch (ctx.caller.kind) {
        case "anonymous":
          return new UnauthenticatedError(
            'Writes need a token: send "Authorization: Bearer <token>".',
          );
        case "malformed":
          return new UnauthenticatedError(`Malformed Authorization header: ${ctx.caller.reason}.`);
        case "unknown":
          return new UnauthenticatedError("Unknown token.");
        default:
          return new ForbiddenError(
            `Token "${ctx.caller.name}" lacks the scope this operation needs.`,
          );
      }
    },
  },
  errors: {
    defaultTypes: [],
    // createEntity -> CreateEntityResult = CreateEntitySuccess | ValidationError | ...
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Result` },
    defaultResultOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Success` },
  },
  // Fields are non-null unless they can fail on their own (paged relations, root lookups),
  // so one bad page nulls that field, not its parents.
  defaultFieldNullability: false,
  relay: {
    // Only ids of this API's entities decode; anything else (an unknown type, a malformed key
    // inside) is BAD_USER_INPUT, not a message about the schema's internals or a NOT_FOUND.
    decodeGlobalID: (globalID) => decodeGlobalIdForRelay(globalID),
    clientMutationId: "omit",
    cursorType: "String",
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodeQueryOptions: {
      description:
        "Fetches any entity by its global id (as returned in `id`). An id of an entity the graph does not hold (deleted, or never there) gives null and a NOT_FOUND error; a string this API never gave out as an id is BAD_USER_INPUT.",
      resolve: (_root, args, _ctx, _info, resolveNode) => {
        refuseForeignIds([args.id], "id", true);
        return resolveNode(args.id);
      },
    },
    nodesQueryOptions: {
      description:
        "Fetches several entities by global id, in the order given (at most 100). An id of an entity the graph does not hold gives null in its place and a NOT_FOUND error whose path ends with that place; strings this API never gave out as ids make the whole field BAD_USER_INPUT, each one's place in `problems`.",
      resolve: (_root, args, _ctx, _info, resolveNodes) => {
        refuseForeignIds(args.ids, "ids");
        return resolveNodes(args.ids);
      },
    },
  },
});
