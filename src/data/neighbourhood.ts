/**
 * A neighbourhood for drawing: the entities within `depth` hops of one entity and the relations
 * among them, deduplicated. Walked one level at a time (one query per level, so the round trips
 * follow `depth`, not the graph), with the node count and the rows read per level capped so a
 * hub cannot blow it up; `truncated` says when a cap cut it short.
 */
import neo4j from "neo4j-driver";
import { asMap } from "../cypher/projection.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, type Row, readTx } from "../db/run.js";
import { BadInputError } from "../domain/errors.js";
import { isRelationType, RELATION_TYPE_NAMES, type RelationType } from "../domain/vocabulary.js";
import { type EntityRecord, type RelationRecord, toEntity, toRelation } from "./records.js";

export const NEIGHBOURHOOD_LIMITS = { depth: 3, nodes: 500, rowsPerLevel: 5_000 } as const;

export interface Subgraph {
  nodes: EntityRecord[];
  edges: RelationRecord[];
  truncated: boolean;
}

function levelCypher(types: readonly RelationType[]): string {
  return `
UNWIND $frontier AS k
MATCH (n:Entity {key: k})-[r:${types.filter(isRelationType).join("|")}]-(m:Entity)
RETURN k AS key, {props: ${asMap("r")}, type: type(r), out: startNode(r) = n, m: ${asMap("m")}} AS item
LIMIT $rows`;
}

const START = `MATCH (n:Entity {key: $key}) RETURN ${asMap("n")} AS n`;

/** The subgraph around `key`. Null when the key is unknown. */
export async function neighbourhood(
  db: Db,
  stats: QueryStats,
  input: { key: string; depth: number; limit: number; types: readonly RelationType[] | null },
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
  const types =
    input.types && input.types.length > 0
      ? input.types
      : RELATION_TYPE_NAMES.filter((t) => t !== "MENTIONS");
  const cypher = levelCypher(types);
  return readTx(db, stats, async (tx) => {
    const [start] = await tx.run(START, { key: input.key });
    if (!start) return null;
    const nodes = new Map<string, EntityRecord>([[input.key, toEntity(start.n ?? null)]]);
    const edges = new Map<string, RelationRecord>();
    let truncated = false;
    let frontier = [input.key];
    for (let level = 0; level < depth && frontier.length > 0; level++) {
      const rows = await tx.run(cypher, {
        frontier,
        rows: neo4j.int(NEIGHBOURHOOD_LIMITS.rowsPerLevel),
      });
      if (rows.length === NEIGHBOURHOOD_LIMITS.rowsPerLevel) truncated = true;
      const next: string[] = [];
      for (const row of rows) {
        const rel = toRelation(String(row.key), row.item as Row);
        if (!nodes.has(rel.other.key)) {
          if (nodes.size >= limit) {
            truncated = true;
            continue;
          }
          nodes.set(rel.other.key, rel.other);
          next.push(rel.other.key);
        }
        edges.set(rel.id, rel);
      }
      frontier = next;
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
  });
}
