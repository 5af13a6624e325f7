/**
 * Applies the constraints and indexes in schema/neo4j/*.cypher, in file order. Every statement
 * is idempotent (IF NOT EXISTS), so this runs at every start and before the tests.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "./driver.js";
import { mapDbError } from "./errors.js";

const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), "../../schema/neo4j");

/** The statements of every migration file, comments removed, in order. */
export function migrationStatements(dir = MIGRATIONS): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".cypher"))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), "utf8")
        .split("\n")
        .filter((line) => !line.trim().startsWith("//"))
        .join("\n")
        .split(/;\s*(?:\n|$)/)
        .map((s) => s.trim())
        .filter(Boolean),
    );
}

/** Applies every migration and waits until the indexes are online. */
export async function migrate(db: Db): Promise<number> {
  const statements = migrationStatements();
  const session = db.driver.session({ database: db.database });
  try {
    // Schema changes cannot share a transaction with other work: one auto-commit each.
    for (const statement of statements) await session.run(statement);
    await session.run("CALL db.awaitIndexes(300)");
    return statements.length;
  } catch (error) {
    throw mapDbError(error);
  } finally {
    await session.close();
  }
}
