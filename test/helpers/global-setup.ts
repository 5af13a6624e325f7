/**
 * Starts the real Neo4j the suite runs against (a separate local instance, "test", on its own
 * port and data folder, so the development graph is untouched), applies the migrations and
 * seeds the article. With NEO4J_URI set, that server is used instead and nothing local starts.
 */
import { spawnSync } from "node:child_process";
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { loadConfig } from "../../src/config.js";
import { ingestFiles, seedFiles } from "../../src/data/seed.js";
import { openDatabase } from "../../src/db/database.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { buildIfStale } from "./build.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; database: string };
  }
}

export default async function setup(project: TestProject) {
  // The tests of the server as shipped run the built entry point, as `npm start` (prestart) builds
  // it; built again only when a source is newer than the last build (test/helpers/build.ts).
  const built = buildIfStale(PROJECT_ROOT, () => {
    const build = spawnSync("npm", ["run", "--silent", "build"], { encoding: "utf8" });
    if (build.status !== 0)
      throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  });
  console.log(
    built === null
      ? "dist/ is newer than every source: not built again."
      : `Built dist/ (${built}).`,
  );
  const env = { ...process.env };
  if (!env.NEO4J_URI) env.NEO4J_LOCAL_BOLT_PORT = env.NEO4J_TEST_BOLT_PORT ?? "7688";
  const config = loadConfig(env);
  const database = await openDatabase(config, (m) => console.log(m), { instance: "test" });
  try {
    await ingestFiles(database.db, { roundTrips: 0 }, seedFiles());
  } catch (error) {
    // Do not leave the suite's Neo4j running when set-up fails.
    await database.close();
    throw error;
  }
  const { uri, user, password, database: name } = database.target;
  project.provide("neo4j", { uri, user, password, database: name });
  return async () => {
    await database.close();
  };
}
