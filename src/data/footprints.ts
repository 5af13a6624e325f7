/**
 * The footprint settle at start: a source written before sources recorded where they write their
 * claims (cypher/footprint.ts) has no footprint lists, so its retraction, delete or supersede
 * finds its claims by scanning the graph. This records them, scanning the graph once per batch of
 * such sources; a graph with none costs one look-up.
 */
import {
  footprintScanStatement,
  setFootprintsStatement,
  unsettledFootprintsStatement,
} from "../cypher/footprint.js";
import type { Db } from "../db/driver.js";
import { inBatches, type QueryStats } from "../db/run.js";
import { run } from "./statement.js";

const BATCH = 1_000;

/**
 * Records the footprint lists of every source without them; idempotent (a second run finds
 * none), one write transaction per batch of sources, which are locked first. Returns how many.
 */
export function settleFootprints(db: Db, stats: QueryStats = { roundTrips: 0 }): Promise<number> {
  return inBatches(db, stats, BATCH, async (tx) => {
    const [row] = await run(tx, unsettledFootprintsStatement(BATCH));
    const keys = Array.isArray(row?.keys) ? row.keys.map(String) : [];
    if (keys.length === 0) return 0;
    const [found] = await run(tx, footprintScanStatement(keys));
    const lists = new Map(
      keys.map((k) => [k, { keys: new Set<string>(), ids: new Set<string>() }]),
    );
    for (const pair of (found?.entities ?? []) as unknown[][])
      lists.get(String(pair[0]))?.keys.add(String(pair[1]));
    for (const [source, from, type, to] of (found?.relations ?? []) as unknown[][]) {
      const list = lists.get(String(source));
      list?.keys.add(String(from));
      list?.keys.add(String(to));
      list?.ids.add(`${String(from)}|${String(type)}|${String(to)}`);
    }
    await run(
      tx,
      setFootprintsStatement(
        [...lists].map(([key, l]) => ({ key, keys: [...l.keys], ids: [...l.ids] })),
      ),
    );
    return keys.length;
  });
}
