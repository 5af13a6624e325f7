/**
 * What protects the API from costly or hostile operations: graphql-armor's depth, cost, alias,
 * token and directive limits and its hiding of field suggestions, a per-request execution budget,
 * CSRF prevention, and (optionally) no introspection. Limit errors carry code LIMIT_EXCEEDED.
 */
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import {
  type DocumentNode,
  type FloatValueNode,
  GraphQLError,
  getOperationAST,
  type IntValueNode,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { Context } from "../context.js";
import { stopSessions } from "../db/run.js";
import { TimeoutError } from "../domain/errors.js";
import type { Limits } from "../limits.js";
import { acceptProblem } from "./accept.js";
import { csrfPrevention } from "./csrf.js";

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
        if (result.some((e) => ARMOR_LIMIT.test(e.message) || e.message === ABORTED))
          setResult(
            result.map(
              (e) => (e.message === ABORTED ? overlapLimit(e) : withLimitCode(e)) as GraphQLError,
            ),
          );
      };
    },
  };
}

/**
 * graphql-js (16.15) stops comparing fields that share a response name past a work budget and
 * reports only "Validation aborted." (GRAPHQL_VALIDATION_FAILED): a limit, said as one.
 */
const ABORTED = "Validation aborted.";
const overlapLimit = (error: GraphQLError) =>
  new GraphQLError(
    "The operation selects the same fields too many times to check; select each field once.",
    { nodes: error.nodes ?? null, extensions: { code: "LIMIT_EXCEEDED" } },
  );

/** Mutation fields that write nothing (a draft for review), and __typename. */
const WRITES_NOTHING = new Set(["extractDocument", "__typename"]);

/**
 * The names of the root fields a selection set asks for, through inline fragments and named
 * fragment spreads (`mutation { ...Draft }`, as clients that compose fragments send it): an
 * extraction wrapped in one was told its "write" may or may not have committed.
 */
function rootFieldNames(selectionSet: SelectionSetNode, document: DocumentNode): string[] {
  const fragments = new Map(
    document.definitions
      .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d] as const),
  );
  const names: string[] = [];
  const seen = new Set<string>();
  const pending: SelectionSetNode[] = [selectionSet];
  for (let set = pending.pop(); set; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) pending.push(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        // A spread of a fragment not there names no field: counted as a write, to be safe.
        if (fragment) pending.push(fragment.selectionSet);
        else names.push(`...${selection.name.value}`);
      }
    }
  }
  return names;
}

/**
 * Ends an operation that runs past its budget with a TIMEOUT error (its transactions time out
 * sooner, so a read's work is freed). A mutation cannot be taken back once its transaction may
 * have committed, so its answer never says it was stopped: it says the outcome is unknown, and
 * carries `outcome: "UNKNOWN"`, so a client checks before it retries.
 */
function executionBudget(ms: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        const operation = getOperationAST(args.document, args.operationName ?? undefined);
        // extractDocument is a mutation (it needs a write token) that writes nothing: stopped, it
        // is told so, not that a write's outcome is unknown
        const mutation =
          operation?.operation === "mutation" &&
          !rootFieldNames(operation.selectionSet, args.document).every((name) =>
            WRITES_NOTHING.has(name),
          );
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise((resolve) => {
          timer = setTimeout(() => {
            const error = mutation
              ? new GraphQLError(
                  `The write ran past its budget of ${ms} ms; it may or may not have committed. Read the graph before retrying.`,
                  { extensions: { code: "TIMEOUT", outcome: "UNKNOWN" } },
                )
              : operation?.operation === "mutation"
                ? new GraphQLError(
                    `The request ran past its budget of ${ms} ms and was stopped; it writes nothing, so it can be retried (split a long text first).`,
                    { extensions: { code: "TIMEOUT" } },
                  )
                : new GraphQLError(
                    `The request ran past its budget of ${ms} ms and was stopped; narrow it and retry.`,
                    { extensions: { code: "TIMEOUT" } },
                  );
            // The execution goes on (graphql-js cannot stop it): its loaders open no more sessions.
            stopSessions((args.contextValue as Context).stats, new TimeoutError(error.message));
            resolve({ data: null, errors: [error] });
          }, ms);
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

/** Nesting beyond this is refused before parsing: graphql-js parses and coerces recursively. */
export const MAX_NESTING = 64;

/** The deepest bracket nesting in a GraphQL document, ignoring strings and comments. */
export function documentNesting(source: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "#") {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (c === '"') {
      const block = source.startsWith('"""', i);
      const end = block ? source.indexOf('"""', i + 3) : -1;
      if (block) i = end < 0 ? source.length : end + 2;
      else {
        for (i++; i < source.length && source[i] !== '"' && source[i] !== "\n"; i++)
          if (source[i] === "\\") i++;
      }
    } else if (c === "{" || c === "(" || c === "[") max = Math.max(max, ++depth);
    else if (c === "}" || c === ")" || c === "]") depth--;
  }
  return max;
}

/** The depth of a JSON value, walked without recursion. */
export function valueNesting(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (d > max) max = d;
    if (d > MAX_NESTING) break;
    if (v !== null && typeof v === "object")
      for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** Refuses documents and variables nested deeper than MAX_NESTING before anything parses them. */
function nestingGuard(): Plugin {
  return {
    onParams({ params }) {
      const tooDeep =
        (typeof params.query === "string" && documentNesting(params.query) > MAX_NESTING) ||
        valueNesting(params.variables) > MAX_NESTING;
      if (tooDeep) {
        throw createGraphQLError(
          `The operation or its variables nest deeper than ${MAX_NESTING} levels.`,
          {
            extensions: { code: "LIMIT_EXCEEDED", http: { status: 400 } },
          },
        );
      }
    },
  };
}

/** The shape of a JSON text: how many values it holds and how deep it nests, without parsing it. */
export function jsonShape(text: string): { values: number; depth: number } {
  let values = 1;
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++)
        if (text.charCodeAt(i) === 92 /* \\ */) i++;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) max = depth;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
    else if (c === 44 /* , */ || c === 58 /* : */) values++;
  }
  return { values, depth: max };
}

/** Strict UTF-8 (a leading byte-order mark is dropped, as RFC 8259 allows). */
const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Parses JSON bodies after checking their shape: a body within the byte limit can still hold
 * hundreds of thousands of tiny values (`[[],[],...]`), which parse into many times its size.
 * Bodies over maxJsonValues values (413: content larger than the server takes, RFC 9110) or
 * MAX_NESTING levels (400: a depth is a shape, not a size; a shallower body of the same bytes is
 * taken), both LIMIT_EXCEEDED, are refused before JSON.parse builds anything.
 */
function jsonBodyGuard(maxValues: number): Plugin {
  const refuse = (message: string, status: number, code: string) =>
    createGraphQLError(message, { extensions: { code, http: { status } } });
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method !== "POST" || !/json/i.test(request.headers.get("content-type") ?? ""))
        return;
      setRequestParser(async (req) => {
        // JSON travels as UTF-8 (RFC 8259): bytes that are not were read with U+FFFD in their
        // place, so a name sent in Latin-1 ("Caf\xe9") was stored as "Caf\uFFFD" without a word.
        let text: string;
        try {
          text = UTF8.decode(await req.arrayBuffer());
        } catch {
          throw refuse(
            "The request body is not UTF-8 text: send the JSON encoded as UTF-8.",
            400,
            "BAD_REQUEST",
          );
        }
        const shape = jsonShape(text);
        if (shape.values > maxValues)
          throw refuse(
            `The request body holds about ${shape.values} JSON values; at most ${maxValues}.`,
            413,
            "LIMIT_EXCEEDED",
          );
        if (shape.depth > MAX_NESTING)
          throw refuse(
            `The request body nests deeper than ${MAX_NESTING} levels.`,
            400,
            "LIMIT_EXCEEDED",
          );
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw refuse("The request body is not valid JSON.", 400, "BAD_REQUEST");
        }
        if (body === null || typeof body !== "object" || Array.isArray(body))
          throw refuse("The request body must be a JSON object.", 400, "BAD_REQUEST");
        return body;
      });
    },
  };
}

/**
 * Every error a client sees carries a code: errors raised before execution (CSRF, a missing
 * required variable) come from yoga without one.
 */
export function withCode(e: GraphQLError): GraphQLError {
  if (e.extensions?.code) return e;
  const status = (e.extensions?.http as { status?: number } | undefined)?.status;
  return new GraphQLError(e.message, {
    nodes: e.nodes ?? null,
    path: e.path ?? null,
    extensions: { ...e.extensions, code: status === 403 ? "FORBIDDEN" : "BAD_USER_INPUT" },
  });
}

/** The longest error message a client gets; graphql-js quotes a bad variable's whole value. */
const MAX_MESSAGE = 1_000;

/** `e` with its message cut to MAX_MESSAGE characters (not between a surrogate pair's halves). */
function clipped(e: GraphQLError): GraphQLError {
  if (e.message.length <= MAX_MESSAGE) return e;
  const end = /[\uD800-\uDBFF]/.test(e.message.charAt(MAX_MESSAGE - 1))
    ? MAX_MESSAGE - 1
    : MAX_MESSAGE;
  return new GraphQLError(`${e.message.slice(0, end)}…`, {
    nodes: e.nodes ?? null,
    path: e.path ?? null,
    extensions: e.extensions,
  });
}

/**
 * Gives every error a code (withCode), and cuts messages that quote a huge value short: a
 * variable of 900 kB for an enum, Int or Boolean came back whole in "Value ... does not exist".
 */
function codedErrors(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !result || typeof result !== "object" || !("errors" in result))
        return;
      const errors = (result as { errors?: readonly GraphQLError[] }).errors;
      if (errors?.some((e) => !e.extensions?.code || e.message.length > MAX_MESSAGE))
        setResult({ ...result, errors: errors.map((e) => clipped(withCode(e))) });
    },
  };
}

// JSON (and GraphQL's own media types) only: the schema takes no uploads, and form bodies would
// carry their variables past the JSON body guard.
const BODY_TYPES = /^(application\/json|application\/graphql(\+json|-response\+json)?)\b/i;

/** What yoga would answer with an empty body or an internal error, as a coded JSON error instead. */
function requestProblem(
  request: Request,
  url: URL,
): { status: number; message: string; code?: string } | null {
  if (request.method === "POST" && !BODY_TYPES.test(request.headers.get("content-type") ?? "")) {
    return { status: 415, message: "Send the operation as JSON: Content-Type: application/json." };
  }
  // Bodies are read as they come: a compressed one was refused as "not valid JSON".
  const encoding = (request.headers.get("content-encoding") ?? "").trim().toLowerCase();
  if (request.method === "POST" && encoding !== "" && encoding !== "identity") {
    return {
      status: 415,
      message: "Send the body uncompressed: this server takes no Content-Encoding.",
    };
  }
  const unacceptable = acceptProblem(request);
  if (unacceptable) return { status: 406, message: unacceptable, code: "BAD_REQUEST" };
  if (request.method === "GET") {
    for (const name of ["variables", "extensions"]) {
      const value = url.searchParams.get(name);
      if (value == null || value === "") continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        parsed = undefined;
      }
      if (
        parsed === undefined ||
        (parsed !== null && (typeof parsed !== "object" || Array.isArray(parsed)))
      ) {
        return { status: 400, message: `The ${name} parameter must be a JSON object.` };
      }
    }
  }
  return null;
}

function requestChecks(): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      const problem = requestProblem(request, url);
      if (!problem) return;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [
              { message: problem.message, extensions: { code: problem.code ?? "BAD_USER_INPUT" } },
            ],
          }),
          {
            status: problem.status,
            headers: { "content-type": "application/json; charset=utf-8" },
          },
        ),
      );
    },
  };
}

/** A numeric literal as the error quotes it: its start, not the megabyte a client may send. */
const quoted = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * Refuses numeric literals beyond a double (`1e400`, 400 digits): graphql-js reads a Float
 * literal with parseFloat, so `value: { gt: 1e400 }` filtered on Infinity without a word (a
 * variable of 1e400 is refused by graphql-js itself). Inside JSON literals too.
 */
function finiteNumbers(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule((context: ValidationContext) => {
        const check = (node: IntValueNode | FloatValueNode) => {
          if (Number.isFinite(Number(node.value))) return;
          context.reportError(
            new GraphQLError(
              `The number ${quoted(node.value)} is out of range: a Float holds up to about ±1.8e308.`,
              { nodes: node, extensions: { code: "BAD_USER_INPUT" } },
            ),
          );
        };
        return { IntValue: check, FloatValue: check };
      });
    },
  };
}

/**
 * graphql-js's hint on a field asked of an interface ('Did you mean to use an inline fragment on
 * "Source"?'): armor's suggestion blocking misses its wording. It names types, so it goes where
 * the schema is not to be read.
 */
const FRAGMENT_HINT = / ?Did you mean to use an inline fragment on [^?]{1,2000}\?/g;

/** Refuses introspection in validation, for every operation, and drops hints that name types. */
function noIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
      return ({ result, setResult }) => {
        if (!result.some((e) => e.message.includes("Did you mean to use an inline fragment")))
          return;
        setResult(
          result.map(
            (e) =>
              new GraphQLError(e.message.replace(FRAGMENT_HINT, ""), {
                nodes: e.nodes ?? null,
                extensions: e.extensions,
              }),
          ),
        );
      };
    },
  };
}

/** The guard plugins for yoga, in order. */
export function guards(limits: Limits): Plugin[] {
  return [
    requestChecks(),
    jsonBodyGuard(limits.maxJsonValues),
    csrfPrevention(),
    nestingGuard(),
    EnvelopArmorPlugin({
      maxDepth: { n: limits.maxDepth, flattenFragments: true, ...reported },
      // Cost is priced by @pothos/plugin-complexity at execution (builder.ts), which sees the
      // values of variables and the arguments' defaults; armor's rule sees only literals.
      costLimit: { enabled: false },
      // __typename counts too (armor leaves it out by default): 5,000 aliases of it under a page
      // of 100 rows, each costing nothing, answered half a million values.
      maxAliases: { n: limits.maxAliases, allowList: [], ...reported },
      maxTokens: { n: limits.maxTokens },
      maxDirectives: { n: limits.maxDirectives, ...reported },
      blockFieldSuggestion: { enabled: true },
    }) as Plugin,
    limitCodes(),
    finiteNumbers(),
    executionBudget(limits.requestTimeoutMs),
    ...(limits.introspection ? [] : [noIntrospection()]),
    codedErrors(),
  ];
}
