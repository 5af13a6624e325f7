/**
 * The import graph's rules: no cycles in src, bench and tools, and the layers of src import
 * downwards only. Run by `npm run check:cycles` (in CI, after madge's own --circular) and by
 * test/unit/imports.test.ts.
 *
 *   src/domain   pure: types, vocabulary, rules; imports nothing of the other layers
 *   src/generate the pure synthetic document generator: domain only
 *   src/cypher   pure Cypher builders (plan -> { cypher, params }): domain only, no driver calls
 *   src/db       the driver, the local Neo4j, running statements: no data, cypher or GraphQL
 *   src/data     runs the cypher layer's statements through db, decodes rows: no GraphQL
 *   src/graphql  Pothos types and the planner: nothing of the HTTP server above it
 */
import { fileURLToPath } from "node:url";
import madge from "madge";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** For files under each folder of src (the key), the folders and files of src they must not import. */
export const FORBIDDEN: Record<string, readonly string[]> = {
  domain: ["db/", "cypher/", "data/", "graphql/", "server.ts", "http.ts", "main.ts", "context.ts"],
  generate: [
    "db/",
    "cypher/",
    "data/",
    "graphql/",
    "server.ts",
    "http.ts",
    "main.ts",
    "context.ts",
  ],
  cypher: ["db/", "data/", "graphql/", "server.ts", "http.ts", "main.ts", "context.ts"],
  db: ["cypher/", "data/", "graphql/", "server.ts", "http.ts", "main.ts"],
  data: ["graphql/", "server.ts", "http.ts", "main.ts", "context.ts"],
  graphql: ["server.ts", "http.ts", "main.ts"],
};

/** The import graph of `paths` (relative to the repository), type-only imports included. */
export async function importGraph(paths: readonly string[]) {
  return madge(
    paths.map((p) => `${ROOT}${p}`),
    { fileExtensions: ["ts"], tsConfig: `${ROOT}tsconfig.json`, baseDir: ROOT },
  );
}

/** Every import of src that goes against FORBIDDEN, as "from -> to". */
export function layerViolations(graph: Record<string, readonly string[]>): string[] {
  const out: string[] = [];
  for (const [file, imports] of Object.entries(graph)) {
    if (!file.startsWith("src/")) continue;
    const layer = file.slice(4).split("/")[0] ?? "";
    const forbidden = FORBIDDEN[layer] ?? [];
    for (const target of imports) {
      const inSrc = target.startsWith("src/") ? target.slice(4) : null;
      if (inSrc !== null && forbidden.some((f) => inSrc === f || inSrc.startsWith(f)))
        out.push(`${file} -> ${target}`);
    }
  }
  return out.sort();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await importGraph(["src", "bench", "tools"]);
  const cycles = result.circular();
  const violations = layerViolations(result.obj());
  for (const c of cycles) console.error(`cycle: ${c.join(" -> ")}`);
  for (const v of violations) console.error(`upward import: ${v}`);
  if (cycles.length > 0 || violations.length > 0) process.exit(1);
  console.log(`imports: no cycles, no upward imports (${Object.keys(result.obj()).length} files)`);
}
