/**
 * A neighbourhood for drawing: the entities within `depth` hops of one entity and the relations
 * among them, deduplicated. Walked one level at a time (one query per level, so the round trips
 * follow `depth`, not the graph), with the node count and the rows read per level capped so a
 * hub cannot blow it up; `truncated` says when a cap cut it short. The statements are
 * src/cypher/neighbourhood.ts's.
 */
import {
  neighbourhoodLevelStatement,
  neighbourhoodStartStatement,
} from "../cypher/neighbourhood.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, type Row, readTx } from "../db/run.js";
import { BadInputError } from "../domain/errors.js";
import { RELATION_TYPE_NAMES, type RelationType } from "../domain/vocabulary.js";
import {
  deletedWhileRead,
  type EntityRecord,
  type RelationRecord,
  relationDeletedWhileRead,
  toEntity,
  toRelation,
} from "./records.js";

export const NEIGHBOURHOOD_LIMITS = { depth: 3, nodes: 500, rowsPerLevel: 5_000 } as const;

export interface Subgraph {
  nodes: EntityRecord[];
  edges: RelationRecord[];
  truncated: boolean;
}

/** The subgraph around `key`. Null when the key is unknown. */
export async function neighbourhood(
  db: Db,
  stats: QueryStats,
  input: {
    key: string;
    depth: number;
    limit: number;
    types: readonly RelationType[] | null;
    /**
     * Whether the relations' sentences (their claims' excerpts) are read; without them each
     * claim's excerpt is "" (its source, time, values and rank are read: sourceCount and
     * disputed answer as ever). Read unless false.
     */
    sentences?: boolean;
    /** Whether each relation's independentSourceCount is computed (in the level statement). */
    independent?: boolean;
  },
): Promise<Subgraph | null> {
  const { depth, limit } = input;
  if (depth < 1 || depth > NEIGHBOURHOOD_LIMITS.depth) {
    throw new BadInputError(`depth must be between 1 and ${NEIGHBOURHOOD_LIMITS.depth}.`, [
      { path: ["depth"], message: `1 to ${NEIGHBOURHOOD_LIMITS.depth}` },
    ]);
  }
  if (limit < 1 || limit > NEIGHBOURHOOD_LIMITS.nodes) {
    throw new BadInputError(`limit must be between 1 and ${NEIGHBOURHOOD_LIMITS.nodes}.`, [
      { path: ["limit"], message: `1 to ${NEIGHBOURHOOD_LIMITS.nodes}` },
    ]);
  }
  // types: [] follows none: the entity alone (an empty list matches nothing, as in every filter).
  const types = input.types ?? RELATION_TYPE_NAMES.filter((t) => t !== "MENTIONS");
  return readTx(db, stats, async (tx) => {
    const start_ = neighbourhoodStartStatement(input.key);
    const [start] = await tx.run(start_.cypher, start_.params);
    if (!start || deletedWhileRead(start.n)) return null;
    const nodes = new Map<string, EntityRecord>([[input.key, toEntity(start.n ?? null)]]);
    const edges = new Map<string, RelationRecord>();
    let truncated = false;
    let frontier = [input.key];
    for (let level = 0; level < depth && frontier.length > 0 && types.length > 0; level++) {
      // Ends the walk has are sent as keys, and once the limit is reached other ends as bare
      // rows: reading each far end whole, 5,000 rows a level only to drop most of them, took a
      // hub's depth-2 neighbourhood of 500 past the request's 16 MB read budget (LIMIT_EXCEEDED
      // instead of an answer marked truncated).
      const { cypher, params } = neighbourhoodLevelStatement({
        types,
        frontier,
        rows: NEIGHBOURHOOD_LIMITS.rowsPerLevel,
        known: [...nodes.keys()],
        full: nodes.size >= limit,
        sentences: input.sentences ?? true,
        independent: input.independent ?? false,
      });
      const rows = await tx.run(cypher, params);
      if (rows.length === NEIGHBOURHOOD_LIMITS.rowsPerLevel) truncated = true;
      const next: string[] = [];
      for (const row of rows) {
        if (row.item === null) {
          truncated = true;
          continue;
        }
        // Its far end, or the relation, deleted while the statement read it: it is gone.
        if (relationDeletedWhileRead(row.item as Row)) continue;
        const rel = toRelation(String(row.key), row.item as Row);
        const seen = nodes.get(rel.other.key);
        if (seen) {
          edges.set(rel.id, { ...rel, other: seen });
          continue;
        }
        if (nodes.size >= limit) {
          truncated = true;
          continue;
        }
        nodes.set(rel.other.key, rel.other);
        next.push(rel.other.key);
        edges.set(rel.id, rel);
      }
      frontier = next;
    }
    // The last level's entities were reached but not walked from, so the relations among them
    // (and back to earlier levels by another type) were missing: latvia's depth-1 neighbourhood
    // drew 11 of the 28 relations among its 9 entities (Stoltenberg LEADS NATO, both there, was
    // not one of them). One more read from that level keeps the relations whose far end the
    // neighbourhood has; the others lead beyond `depth` and are not a cut (not `truncated`).
    // Sent even when that level is empty (the limit was reached before it), so the round trips
    // follow the query, not the graph.
    if (types.length > 0) {
      const { cypher, params } = neighbourhoodLevelStatement({
        types,
        frontier,
        rows: NEIGHBOURHOOD_LIMITS.rowsPerLevel,
        known: [...nodes.keys()],
        full: true,
        sentences: input.sentences ?? true,
        independent: input.independent ?? false,
      });
      const rows = await tx.run(cypher, params);
      if (rows.length === NEIGHBOURHOOD_LIMITS.rowsPerLevel) truncated = true;
      for (const row of rows) {
        if (row.item === null || relationDeletedWhileRead(row.item as Row)) continue;
        const rel = toRelation(String(row.key), row.item as Row);
        const seen = nodes.get(rel.other.key);
        if (seen && !edges.has(rel.id)) edges.set(rel.id, { ...rel, other: seen });
      }
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
  });
}
