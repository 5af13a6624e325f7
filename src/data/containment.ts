/**
 * Containment is a hierarchy: a place within a place within a nation. A relation of a
 * containment type (the registry's CONTAINMENT_RELATION_TYPES) that would make an entity lie
 * within itself is refused, by addRelation and by ingest alike, in the transaction that wrote it.
 */
import { containmentCyclesStatement } from "../cypher/containment.js";
import type { Tx } from "../db/run.js";
import type { InputProblem } from "../domain/errors.js";
import { CONTAINMENT_RELATION_TYPES, type RelationType } from "../domain/vocabulary.js";
import { run } from "./statement.js";

/** Pairs per statement (as ingest's batches). */
const BATCH = 2_000;

/** A relation just written, and the path of the field a refusal names. */
export interface WrittenRelation {
  from: string;
  type: RelationType;
  to: string;
  path: (string | number)[];
}

/**
 * Problems for the relations among `relations` (written in `tx`, not yet committed) that lie on
 * a cycle of containment relations (each of a document's relations on it is named); none when
 * there is none. Throwing on them rolls it all back.
 */
export async function containmentCycles(
  tx: Tx,
  relations: readonly WrittenRelation[],
): Promise<InputProblem[]> {
  const pairs = relations
    .map((r, index) => ({ index, from: r.from, to: r.to, type: r.type }))
    .filter((r) => CONTAINMENT_RELATION_TYPES.includes(r.type))
    .map(({ index, from, to }) => ({ index, from, to }));
  const problems: InputProblem[] = [];
  // One statement even with no containment relation: the round trips of a write depend on its
  // shape, never on which types its relations have.
  for (let i = 0; i === 0 || i < pairs.length; i += BATCH) {
    const slice = pairs.slice(i, i + BATCH);
    for (const row of await run(tx, containmentCyclesStatement(slice))) {
      const r = relations[Number(row.index)];
      if (!r) continue;
      problems.push({
        path: r.path,
        message: `${r.type} would close a cycle: "${r.to}" already lies within "${r.from}" (${CONTAINMENT_RELATION_TYPES.join(", ")})`,
      });
    }
  }
  return problems;
}
