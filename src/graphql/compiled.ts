/**
 * Executes operations with graphql-jit: each operation is compiled once into a function (kept
 * with yoga's cached parse of the document) instead of walking the selection set for every
 * object, which is most of the executor's cost on nested pages. What graphql-jit cannot compile
 * runs on graphql-js's executor as before: notably, operations that declare a variable of a
 * recursive input type (`where` filters nest through AND / OR / NOT and `related`), on which its
 * variable-coercion generator overflows the stack.
 */
import type { DocumentNode } from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import type { Plugin } from "graphql-yoga";

export function compiledExecution(): Plugin {
  // Per parsed document (yoga caches those), per operation name; null: not compilable.
  const compiled = new WeakMap<DocumentNode, Map<string | undefined, CompiledQuery | null>>();
  return {
    onExecute({ args, setExecuteFn }) {
      let byOperation = compiled.get(args.document);
      if (!byOperation) {
        byOperation = new Map();
        compiled.set(args.document, byOperation);
      }
      const name = args.operationName ?? undefined;
      let query = byOperation.get(name);
      if (query === undefined) {
        let result: ReturnType<typeof compileQuery> | null;
        try {
          result = compileQuery(args.schema, args.document, name);
        } catch {
          result = null;
        }
        query = result && isCompiledQuery(result as never) ? (result as CompiledQuery) : null;
        byOperation.set(name, query);
      }
      if (query) {
        const run = query;
        setExecuteFn((a) => run.query(a.rootValue, a.contextValue, a.variableValues ?? {}));
      }
    },
  };
}
