/**
 * What a graph written by an earlier version is brought to before anything reads or writes it:
 * relations and entities converted to claims, figures and retracted-claim labels settled, names
 * normalised and folded by the current rule, numbers stored as -0 set to 0, whole numbers of
 * integer properties stored as floats set to integers, and each source's
 * footprint (where it makes claims) recorded. Each step is
 * idempotent and cheap when there is nothing to do. `npm start` runs it, and so does
 * `npm run ingest` (which may write to a graph no server has started on since an upgrade: its
 * upsert compares aliases by their stored folds).
 */
import type { Db } from "../db/driver.js";
import {
  labelRetractedClaims,
  migrateClaims,
  migrateEntityClaims,
  resettleFigures,
} from "./claims.js";
import { settleFootprints } from "./footprints.js";
import { settleNames } from "./names.js";
import { settleIntegerFloats, settleNegativeZeros } from "./numbers.js";

/** Runs every settle in order; `log` gets one line for each that changed something. */
export async function settleEarlierGraph(db: Db, log: (message: string) => void): Promise<void> {
  const converted = await migrateClaims(db);
  if (converted > 0) log(`Converted ${converted} relations to claims (one per source).`);
  const entities = await migrateEntityClaims(db);
  if (entities > 0) log(`Converted ${entities} entities to claims (one per source).`);
  const figures = await resettleFigures(db);
  if (figures > 0) log(`Settled the figures of ${figures} relations from one claim each.`);
  const labelled = await labelRetractedClaims(db);
  if (labelled > 0) log(`Labelled ${labelled} entities that hold a retracted source's claims.`);
  const names = await settleNames(db);
  if (names > 0)
    log(
      `Settled the names of ${names} entities written by an earlier version: normalised (NFC, no invisible characters, one space), folded as names now are, and spelled plain for search.`,
    );
  const footprints = await settleFootprints(db);
  if (footprints > 0)
    log(
      `Recorded where ${footprints} sources written by an earlier version make their claims, so that correcting one no longer scans the graph.`,
    );
  const zeros = await settleNegativeZeros(db);
  if (zeros > 0)
    log(
      `Settled ${zeros} numbers stored as -0 by an earlier version to 0, so filters on 0 find them.`,
    );
  const integers = await settleIntegerFloats(db);
  if (integers > 0)
    log(
      `Settled ${integers} whole numbers (troops, years) an earlier version stored as floats to integers, as Cypher now reads them.`,
    );
}
