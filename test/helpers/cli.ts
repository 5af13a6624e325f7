/**
 * Runs one of the project's command-line tools against the suite's Neo4j, as a user would.
 *
 * `npm run ingest` is `tsx src/cli/ingest.ts`; the tests run the same source as compiled into
 * `dist/` by the suite's global set-up (`npm run build`), with plain node. Going through tsx
 * compiled and loaded the CLI's whole import graph again in every spawn, several CPU seconds
 * each, for the same code.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { inject } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The compiled entry of `source` (`src/cli/X.ts` -> `dist/app/src/cli/X.js`), once package.json
 * is seen to have a script that runs `tsx src/cli/X.ts`: what the user's `npm run` runs.
 */
export function compiledCli(source: string): string {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  if (!Object.values(pkg.scripts).some((s) => s.trim() === `tsx ${source}`))
    throw new Error(`no npm script in package.json runs \`tsx ${source}\``);
  const match = /^src\/(.+)\.ts$/.exec(source);
  if (!match) throw new Error(`${source} is not a TypeScript file under src/`);
  return join(PROJECT_ROOT, "dist", "app", "src", `${match[1]}.js`);
}

/**
 * The CLI `args[0]` (`src/cli/X.ts`, as its npm script names it) with the rest of `args`, with
 * NEO4J_* pointing at the test database (and `extra` in the environment); never throws on a
 * non-zero exit.
 */
export async function runCli(
  args: string[],
  extra: Record<string, string> = {},
): Promise<CliResult> {
  const [source = "", ...rest] = args;
  return spawnCli(process.execPath, [compiledCli(source), ...rest], extra);
}

/**
 * `npm run --silent <script> -- <args>` exactly as a user types it (tsx on the sources), with the
 * environment runCli gives; for the few cases that show the npm scripts themselves still run.
 */
export function runNpmScript(
  script: string,
  args: string[],
  extra: Record<string, string> = {},
): Promise<CliResult> {
  return spawnCli("npm", ["run", "--silent", script, "--", ...args], extra);
}

async function spawnCli(
  command: string,
  args: string[],
  extra: Record<string, string>,
): Promise<CliResult> {
  const { uri, user, password, database } = inject("neo4j");
  const env = {
    ...process.env,
    NEO4J_URI: uri,
    NEO4J_USER: user,
    NEO4J_PASSWORD: password,
    NEO4J_DATABASE: database,
    ...extra,
  };
  try {
    // The check of every gold document prints more than execFile's default 1 MB, which ended the
    // CLI with ERR_CHILD_PROCESS_STDIO_MAXBUFFER once the held-out set reached 36 articles.
    const { stdout, stderr } = await run(command, args, {
      env,
      cwd: PROJECT_ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
