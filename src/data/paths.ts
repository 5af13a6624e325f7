/**
 * Paths between two entities: the k shortest chains of relations, each step with its evidence.
 * MENTIONS is left out unless asked for: every entity is two hops from any other through the
 * article that mentions both, which answers nothing. Runs src/cypher/paths.ts's statement and
 * decodes its rows.
 */

import { MAX_HOPS, MAX_PATHS, pathsStatement } from "../cypher/paths.js";
import type { Db } from "../db/driver.js";
import { type QueryStats, type Row, runRead } from "../db/run.js";
import type { Plain } from "../db/serialize.js";
import { BadInputError, NotFoundError } from "../domain/errors.js";
import { RELATION_TYPE_NAMES, type RelationType } from "../domain/vocabulary.js";
import {
  type EntityRecord,
  endsAsRead,
  type RelationRecord,
  toEntity,
  toRelation,
} from "./records.js";

/** One hop of a path: the relation, seen from the entity the walk is at. */
export interface PathStep {
  from: EntityRecord;
  to: EntityRecord;
  /** The relation, with direction OUT when the walk follows it, IN when it goes against it. */
  relation: RelationRecord;
}

export interface PathRecord {
  length: number;
  nodes: EntityRecord[];
  steps: PathStep[];
}

const DEFAULT_TYPES = RELATION_TYPE_NAMES.filter((t) => t !== "MENTIONS");

/** A path of the statement's row: its entities by key, each taken from the row's `entities`. */
function toPath(row: Row, byKey: ReadonlyMap<string, EntityRecord>): PathRecord {
  const nodes = ((row.nodes ?? []) as string[]).map((key) => {
    const node = byKey.get(key);
    if (!node) throw new Error(`paths: entity ${key} of a path was not sent`);
    return node;
  });
  const rels = (row.rels ?? []) as Row[];
  const steps = rels.map((r, i) => {
    const from = nodes[i] as EntityRecord;
    const to = nodes[i + 1] as EntityRecord;
    const out = r.start === from.key;
    const relation = toRelation(from.key, {
      props: r.props ?? {},
      type: r.type ?? null,
      out,
      m: to as unknown as Plain,
    });
    // Read from the step's start: both its ends as read.
    return { from, to, relation: { ...relation, ends: endsAsRead(relation, from) } };
  });
  return { length: steps.length, nodes, steps };
}

/**
 * Up to `k` shortest paths, each a distinct sequence of entities, shortest first; a NotFoundError
 * when either end does not exist.
 */
export async function shortestPaths(
  db: Db,
  stats: QueryStats,
  input: {
    from: string;
    to: string;
    maxHops: number;
    types: readonly RelationType[] | null;
    k: number;
  },
): Promise<PathRecord[]> {
  if (input.maxHops < 1 || input.maxHops > MAX_HOPS) {
    throw new BadInputError(`maxHops must be between 1 and ${MAX_HOPS}.`, [
      { path: ["maxHops"], message: `1 to ${MAX_HOPS}` },
    ]);
  }
  if (input.k < 1 || input.k > MAX_PATHS) {
    throw new BadInputError(`first must be between 1 and ${MAX_PATHS}.`, [
      { path: ["first"], message: `1 to ${MAX_PATHS}` },
    ]);
  }
  // types: [] walks none: no path (an empty list matches nothing, as in every filter).
  const types = input.types ?? DEFAULT_TYPES;
  // Parallel relations give several paths through the same entities: ask for more, keep distinct.
  const { cypher, params } = pathsStatement({
    from: input.from,
    to: input.to,
    types,
    maxHops: input.maxHops,
    k: Math.min(input.k * 3, MAX_PATHS * 3),
  });
  const rows = await runRead(db, stats, cypher, params);
  const row = rows[0] ?? {};
  for (const [key, found] of [
    [input.from, row.fromFound],
    [input.to, row.toFound],
  ] as const) {
    if (found !== true) throw new NotFoundError(`No entity has the key "${key}".`, { key });
  }
  const seen = new Set<string>();
  const out: PathRecord[] = [];
  const byKey = new Map(
    ((row.entities ?? []) as Plain[]).map(toEntity).map((e) => [e.key, e] as const),
  );
  for (const path of ((row.paths ?? []) as Row[]).map((p) => toPath(p, byKey))) {
    const id = path.nodes.map((n) => n.key).join(">");
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(path);
    if (out.length === input.k) break;
  }
  return out;
}
