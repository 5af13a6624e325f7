/**
 * What an ingest did, in the words and order `ingest --check` uses for the same result:
 * entities new / changed / corroborated / unchanged, relations new / corroborated / updated /
 * unchanged.
 */
import type { Outcomes } from "../data/ingest.js";

/** "entities 1 new, 1 changed, 2 corroborated, 0 unchanged; relations 1 new, ...". */
export function describeOutcomes(entities: Outcomes, relations: Outcomes): string {
  return (
    `entities ${entities.created} new, ${entities.updated} changed, ${entities.corroborated} corroborated, ${entities.unchanged} unchanged; ` +
    `relations ${relations.created} new, ${relations.corroborated} corroborated, ${relations.updated} updated, ${relations.unchanged} unchanged`
  );
}
