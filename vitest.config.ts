import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) builds without an exports map: Node (and so
    // Pothos and yoga) load the CJS one, while Vite would pick the ESM one for our files. Two
    // copies of graphql break `instanceof`; point Vite at the one Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    // One real Neo4j is shared by every file: files run one after another so graph-wide
    // counts in one file are not disturbed by fixtures of another.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    reporters: ["default"],
    projects: [
      {
        // Pure modules (the extractor, Cypher builders, the registry): no Neo4j, no server. They
        // share one module graph (isolate: false), so the extractor's language models load once
        // for all of them, not once per file; none of them mocks or changes a module's state.
        extends: true,
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], isolate: false },
      },
      {
        // The rest against the suite's one Neo4j. Its files share one module graph too (isolate:
        // false): each imported the whole app again (about 1.5 s a file); they mock nothing and
        // every one builds its own app, driver and server.
        extends: true,
        test: {
          name: "graph",
          include: ["test/**/*.test.ts"],
          exclude: ["test/unit/**"],
          globalSetup: ["test/helpers/global-setup.ts"],
          isolate: false,
        },
      },
    ],
  },
});
