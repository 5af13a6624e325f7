/** Runs one of the project's command-line tools against the suite's Neo4j, as a user would. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { inject } from "vitest";

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `npx tsx <args>` with NEO4J_* pointing at the test database (and `extra` in the environment);
 * never throws on a non-zero exit.
 */
export async function runCli(
  args: string[],
  extra: Record<string, string> = {},
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
    const { stdout, stderr } = await run("npx", ["tsx", ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
