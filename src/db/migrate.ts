/**
 * Applies the constraints and indexes in schema/neo4j/*.cypher, in file order. Every statement
 * is idempotent (IF NOT EXISTS), so this runs at every start and before the tests.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Neo4jError, type Session } from "neo4j-driver";
import { isFilterable, KIND_NAMES, KINDS, type PropertyType } from "../domain/vocabulary.js";
import { PROJECT_ROOT } from "../paths.js";
import type { Db } from "./driver.js";
import { mapDbError } from "./errors.js";

/** How long one schema statement is tried again while another process changes the schema. */
const SCHEMA_RETRY_MS = 60_000;

/**
 * One schema statement, run again while another session changes the schema: two servers started
 * at once on one database (two `npm start`, a supervisor's replicas) ran the same IF NOT EXISTS
 * statements together, and one of them was told DeadlockDetected (and exited with "The write
 * deadlocked with concurrent writes to the same entities ... retry it.") or, creating the same
 * index in the same moment, EquivalentSchemaRuleAlreadyExists (and exited with a stack)
 * (redteam16). Every statement is idempotent, so running it again is safe: a transient error is
 * tried again after a short random pause for up to a minute, and a rule that another session
 * created meanwhile is seen by IF NOT EXISTS on the next try (a few tries: a rule that is really
 * in the way still fails).
 */
async function runSchemaStatement(session: Session, statement: string): Promise<void> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      await session.run(statement);
      return;
    } catch (error) {
      const code = error instanceof Neo4jError ? error.code : "";
      const again =
        (code.startsWith("Neo.TransientError.") && Date.now() - started < SCHEMA_RETRY_MS) ||
        (/^Neo\.ClientError\.Schema\.\w*AlreadyExists$/.test(code) && attempt < 3);
      if (!again) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(100 * 2 ** attempt, 2_000)));
    }
  }
}

const MIGRATIONS = join(PROJECT_ROOT, "schema", "neo4j");

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

const snake = (s: string) => s.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();

/**
 * Per-kind indexes, derived from the vocabulary so a new kind or property is indexed without
 * retyping it: nameLower twice, as a range index (ordering by name, which ignores case, and
 * case-insensitive equals / starts with: one index gives both the matches and their order, so a
 * filtered page reads only its own rows) and as a text index (contains / ends with), and every
 * filterable property. The range index on name that ordering used before is dropped.
 * `npm run schema` prints them to schema/neo4j/002_kind_indexes.cypher; a test fails when that
 * file is stale.
 */
export function registryIndexStatements(): string[] {
  return KIND_NAMES.flatMap((kind) => {
    const k = snake(kind);
    const props = Object.entries(KINDS[kind].properties as Record<string, PropertyType>)
      .filter(([, spec]) => isFilterable(spec))
      .map(
        ([name]) => `CREATE INDEX ${k}_${snake(name)} IF NOT EXISTS FOR (n:${kind}) ON (n.${name})`,
      );
    return [
      `DROP INDEX ${k}_name IF EXISTS`,
      `CREATE INDEX ${k}_name_order IF NOT EXISTS FOR (n:${kind}) ON (n.nameLower)`,
      `CREATE TEXT INDEX ${k}_name_lower IF NOT EXISTS FOR (n:${kind}) ON (n.nameLower)`,
      ...props,
    ];
  });
}

/** Applies every migration and waits until the indexes are online. */
export async function migrate(db: Db): Promise<number> {
  const statements = migrationStatements();
  const session = db.driver.session({ database: db.database });
  try {
    // Schema changes cannot share a transaction with other work: one auto-commit each.
    for (const statement of statements) await runSchemaStatement(session, statement);
    await session.run("CALL db.awaitIndexes(300)");
    return statements.length;
  } catch (error) {
    throw mapDbError(error);
  } finally {
    await session.close();
  }
}
