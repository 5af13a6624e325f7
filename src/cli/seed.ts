/**
 * `npm run seed [-- FILE...]`: ingests the given documents (default: every file in seed/), each
 * in one transaction. Idempotent: running it twice leaves the same graph.
 */
import { loadConfig } from "../config.js";
import { ingestFiles, seedFiles } from "../data/seed.js";
import { openCliDatabase } from "../db/database.js";
import { AppError, BadInputError } from "../domain/errors.js";
import { describeOutcomes } from "./outcomes.js";

const files = process.argv.slice(2).filter((a) => a !== "--");
const database = await openCliDatabase(loadConfig(), (m) => console.error(m));
try {
  const stats = { roundTrips: 0 };
  for (const s of await ingestFiles(database.db, stats, files.length ? files : seedFiles())) {
    console.log(
      `${s.source}: ${s.entities} entities, ${s.relations} relations; ${describeOutcomes(s.entityOutcomes, s.relationOutcomes)}.`,
    );
  }
} catch (error) {
  if (error instanceof BadInputError) {
    console.error(error.message);
    for (const p of error.problems) console.error(`  ${p.path.join(".")}: ${p.message}`);
  } else if (error instanceof AppError) console.error(error.message);
  else console.error(error);
  process.exitCode = 1;
} finally {
  await database.close();
}
