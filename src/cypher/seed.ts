/** The Cypher the seed asks before it loads: how many entities the graph holds. */
import type { Statement } from "./params.js";

/** One row (n): the number of entities. */
export function entityCountStatement(): Statement {
  return { cypher: "MATCH (n:Entity) RETURN count(n) AS n", params: {} };
}
