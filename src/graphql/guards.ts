/**
 * What protects the API from costly or hostile operations: graphql-armor's depth, cost, alias,
 * token and directive limits and its hiding of field suggestions, a per-request execution budget,
 * CSRF prevention, and (optionally) no introspection. Limit errors carry code LIMIT_EXCEEDED.
 */
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { useDisableIntrospection } from "@graphql-yoga/plugin-disable-introspection";
import { GraphQLError, type ValidationContext } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Limits } from "../limits.js";

const ARMOR_LIMIT = /limit of \d+ exceeded/i;

function withLimitCode(error: unknown): unknown {
  if (!(error instanceof Error) || !ARMOR_LIMIT.test(error.message)) return error;
  const located = error as GraphQLError;
  return new GraphQLError(error.message.replace(/^Syntax Error: /, ""), {
    nodes: located.nodes ?? null,
    extensions: { code: "LIMIT_EXCEEDED" },
  });
}

/**
 * Armor's validation rules report (rather than throw) their rejections, coded, so a client sees
 * every limit it crossed with the same code as other limits.
 */
const reported = {
  propagateOnRejection: false,
  onReject: [
    (ctx: ValidationContext | null, error: GraphQLError) => {
      ctx?.reportError(withLimitCode(error) as GraphQLError);
    },
  ],
};

/** Gives graphql-armor's rejections the stable code LIMIT_EXCEEDED. */
function limitCodes(): Plugin {
  return {
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (result instanceof Error && ARMOR_LIMIT.test(result.message))
          replaceParseResult(withLimitCode(result) as Error);
      };
    },
    onValidate() {
      return ({ result, setResult }) => {
        if (result.some((e) => ARMOR_LIMIT.test(e.message)))
          setResult(result.map((e) => withLimitCode(e) as GraphQLError));
      };
    },
  };
}

/** Ends an operation that runs past its budget with a TIMEOUT error (its transactions time out sooner). */
function executionBudget(ms: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise((resolve) => {
          timer = setTimeout(
            () =>
              resolve({
                data: null,
                errors: [
                  new GraphQLError(
                    `The request ran past its budget of ${ms} ms and was stopped; narrow it and retry.`,
                    {
                      extensions: { code: "TIMEOUT" },
                    },
                  ),
                ],
              }),
            ms,
          );
        });
        try {
          return await Promise.race([executeFn(args), timeout]);
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}

/** The guard plugins for yoga, in order. */
export function guards(limits: Limits): Plugin[] {
  return [
    useCSRFPrevention({ requestHeaders: ["x-graphql-yoga-csrf"] }),
    EnvelopArmorPlugin({
      maxDepth: { n: limits.maxDepth, flattenFragments: true, ...reported },
      // Linear in depth: the size of the selection (multiplied by literal first / last), not
      // 1.5^depth (armor's default), which would price this schema's natural nested reads
      // (entity -> relation -> evidence -> source) out. Depth is bounded on its own.
      costLimit: {
        maxCost: limits.maxCost,
        objectCost: 2,
        scalarCost: 1,
        depthCostFactor: 1,
        ...reported,
      },
      maxAliases: { n: limits.maxAliases, ...reported },
      maxTokens: { n: limits.maxTokens },
      maxDirectives: { n: limits.maxDirectives, ...reported },
      blockFieldSuggestion: { enabled: true },
    }) as Plugin,
    limitCodes(),
    executionBudget(limits.requestTimeoutMs),
    ...(limits.introspection ? [] : [useDisableIntrospection() as Plugin]),
  ];
}
