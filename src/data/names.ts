/**
 * The names settle at start: a graph written before names were normalised (NFC, invisible
 * characters out, one space; normalizeName) keeps names that lookups by what a user types no
 * longer find. Each is rewritten as every write now stores it: name (and nameLower), aliases,
 * and the name in each claim's values, so a later settle of its claims does not bring the old
 * spelling back. So are the folds of an entity a version before folded by another rule
 * (domain/fold.ts FOLD_RULE: "straße" was "straße", now "strasse"; "Ꟁ" was folded by Neo4j's
 * Java, which does not case it) or did not store (aliasesLower, plainNames).
 */
import { settleEntitiesStatement } from "../cypher/claims.js";
import { unnormalisedNamesStatement } from "../cypher/names.js";
import type { Db } from "../db/driver.js";
import { BULK_TX_TIMEOUT_MS, type QueryStats, type Row, writeTx } from "../db/run.js";
import { normalizeName } from "../domain/document.js";
import { FOLD_RULE } from "../domain/fold.js";
import { unionAliases } from "../domain/merge.js";
import { run } from "./statement.js";

const BATCH = 2_000;

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

/** A claim's values (JSON) with its name normalised; the same text when nothing changes. */
function normalisedClaim(json: string): string {
  try {
    const values = JSON.parse(json) as Record<string, unknown>;
    if (typeof values?.name !== "string") return json;
    const name = normalizeName(values.name);
    return name === values.name ? json : JSON.stringify({ ...values, name });
  } catch {
    return json;
  }
}

/**
 * The properties to set on a candidate (its folds are then set from its name and aliases:
 * settleEntitiesStatement), or null when normalizeName changes nothing and its folds are the
 * current rule's.
 */
export function normalisedNames(row: Row): Record<string, unknown> | null {
  const name = String(row.name ?? "");
  const aliases = strings(row.aliases);
  const claims = strings(row.claimValues);
  const next = {
    name: normalizeName(name) || name,
    // Told apart as every write tells them apart (ignoring case, foldName), which an older
    // version did not: "AL" and "al" are one alias.
    aliases: unionAliases(
      [],
      aliases.map(normalizeName).filter((a) => a.length > 0),
    ),
    claimValues: claims.map(normalisedClaim),
  };
  const same =
    next.name === name &&
    JSON.stringify(next.aliases) === JSON.stringify(aliases) &&
    JSON.stringify(next.claimValues) === JSON.stringify(claims);
  // Folded by another rule (or in Cypher, or not at all): folded again from the name and aliases.
  if (same && Number(row.foldRule) === FOLD_RULE) return null;
  const names = { name: next.name, aliases: next.aliases, foldRule: FOLD_RULE };
  return row.claimValues == null ? names : { ...names, claimValues: next.claimValues };
}

/**
 * Rewrites the names written before normalisation; idempotent (a second run finds nothing to
 * change), one write transaction per batch of candidates. Returns how many entities changed.
 */
export async function settleNames(db: Db, stats: QueryStats = { roundTrips: 0 }): Promise<number> {
  let after = "";
  let changed = 0;
  for (;;) {
    const { read, last, n } = await writeTx(
      db,
      stats,
      async (tx) => {
        const rows = await run(
          tx,
          unnormalisedNamesStatement({ after, limit: BATCH, foldRule: FOLD_RULE }),
        );
        const changes = rows.flatMap((row) => {
          const props = normalisedNames(row);
          return props ? [{ id: String(row.id), props }] : [];
        });
        if (changes.length > 0) await run(tx, settleEntitiesStatement(changes));
        return { read: rows.length, last: String(rows.at(-1)?.key ?? after), n: changes.length };
      },
      BULK_TX_TIMEOUT_MS,
    );
    changed += n;
    if (read < BATCH) return changed;
    after = last;
  }
}
