/** Running a statement of the cypher layer (src/cypher) inside a transaction of src/db. */
import type { Statement } from "../cypher/params.js";
import type { Row, Tx } from "../db/run.js";

/** Runs `statement` in `tx`: its rows, decoded to plain values. */
export const run = (tx: Tx, { cypher, params }: Statement): Promise<Row[]> =>
  tx.run(cypher, params);
