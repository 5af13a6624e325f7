/**
 * A relationship pattern in a given direction: `(left)-[rel]->(right)`, its reverse, or
 * undirected. The parts are variables, registry labels and registry types only.
 */
import type { Direction } from "../domain/vocabulary.js";

export function relationPattern(
  direction: Direction,
  left: string,
  rel: string,
  right: string,
): string {
  if (direction === "OUT") return `(${left})-[${rel}]->(${right})`;
  if (direction === "IN") return `(${left})<-[${rel}]-(${right})`;
  return `(${left})-[${rel}]-(${right})`;
}
