/**
 * Builds the explorer page (src/explorer/page) into dist/explorer, which serve.ts serves at
 * /explorer. `npm run build:explorer` runs it; `npm start` runs it first (prestart).
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here("./page"),
  base: "/explorer/",
  publicDir: here("./page/public"),
  logLevel: "warn",
  build: {
    // Keep in step with EXPLORER_DIST in serve.ts.
    outDir: here("../../dist/explorer"),
    emptyOutDir: true,
    // This build is the one that ships (npm start, the Dockerfile): it publishes no source maps,
    // which would hand anyone the page's unminified source and comments (serve.ts refuses .map
    // paths as well, should a build with maps end up in dist).
    sourcemap: false,
    target: "es2022",
    // Cytoscape and fCoSE are one ~600 kB chunk (about 180 kB gzipped); splitting it would not
    // make the first drawing any sooner.
    chunkSizeWarningLimit: 1000,
  },
});
