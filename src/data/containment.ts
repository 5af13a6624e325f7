/**
 * Containment is a hierarchy: a place within a place within a nation. A relation of a
 * containment type (the registry's CONTAINMENT_RELATION_TYPES) that would make an entity lie
 * within itself is refused, by addRelation and by ingest alike, in the transaction that wrote it.
 */
import { containmentStepsStatement } from "../cypher/containment.js";
import type { Tx } from "../db/run.js";
import type { InputProblem } from "../domain/errors.js";
import { CONTAINMENT_RELATION_TYPES, type RelationType } from "../domain/vocabulary.js";
import { run } from "./statement.js";

/** Starts per statement (as ingest's batches). */
const BATCH = 2_000;

/** A relation just written, and the path of the field a refusal names. */
export interface WrittenRelation {
  from: string;
  type: RelationType;
  to: string;
  path: (string | number)[];
}

/**
 * Problems for the relations among `relations` that lie on a cycle of containment relations, made
 * of the graph's and their own (each of them on it is named); none when there is none. Written in
 * `tx` and not yet committed (ingest, addRelation: throwing on them rolls it all back) or not
 * written at all (ingest --check): the answer is the same. One read of the steps the graph makes
 * up between their ends (a walk up from each end that stops at the next end), then the cycles in
 * memory: linear in the hierarchy above them, however long a chain the document holds.
 * `besides` names a source the write retracts after this check (the one an ingest supersedes):
 * a relation only it (and retracted sources) states makes no step, as after the retraction.
 */
export async function containmentCycles(
  tx: Tx,
  relations: readonly WrittenRelation[],
  besides: string | null = null,
): Promise<InputProblem[]> {
  const keys = containmentEnds(relations);
  const steps: [string, string][] = [];
  // One statement even with no containment relation: the round trips of a write depend on its
  // shape, never on which types its relations have.
  for (let i = 0; i === 0 || i < keys.length; i += BATCH) {
    const rows = await run(tx, containmentStepsStatement(keys.slice(i, i + BATCH), keys, besides));
    for (const row of rows) steps.push([String(row.from), String(row.to)]);
  }
  return cyclesAmong(relations, steps);
}

/** The message of a relation that would close a containment cycle. */
const cycleMessage = (r: WrittenRelation) =>
  `${r.type} would close a cycle: "${r.to}" already lies within "${r.from}" (${CONTAINMENT_RELATION_TYPES.join(", ")})`;

/** The keys at either end of the containment relations among `relations`. */
export function containmentEnds(
  relations: readonly Pick<WrittenRelation, "from" | "type" | "to">[],
): string[] {
  return [
    ...new Set(
      relations
        .filter((r) => CONTAINMENT_RELATION_TYPES.includes(r.type))
        .flatMap((r) => [r.from, r.to]),
    ),
  ];
}

/**
 * The relations among `relations` on a cycle of containment relations, made of their own and
 * `reach`: pairs (from, to) that the graph already places one within the other (from lies within
 * to) among their ends (containmentEnds) or through entities outside them, such as the steps of
 * containmentStepsStatement. Each is named with the message ingest gives.
 */
export function cyclesAmong(
  relations: readonly WrittenRelation[],
  reach: readonly (readonly [string, string])[],
): InputProblem[] {
  const contained = relations.filter((r) => CONTAINMENT_RELATION_TYPES.includes(r.type));
  if (contained.length === 0) return [];
  const ends = containmentEnds(contained);
  // The steps may pass through entities outside the relations' ends: nodes of the graph too.
  const nodes = [...new Set([...ends, ...reach.flat()])];
  const component = stronglyConnected(nodes, [
    ...contained.map((r) => [r.from, r.to] as const),
    ...reach,
  ]);
  return contained
    .filter((r) => component.get(r.from) === component.get(r.to))
    .map((r) => ({ path: r.path, message: cycleMessage(r) }));
}

/**
 * The strongly connected component of each node (Tarjan's algorithm, iterative so a long chain
 * cannot overflow the stack): two nodes share one exactly when each reaches the other.
 */
function stronglyConnected(
  nodes: readonly string[],
  edges: readonly (readonly [string, string])[],
): Map<string, number> {
  const next = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const [a, b] of edges) next.get(a)?.push(b);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  let components = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; child: number }[] = [{ node: root, child: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; child: number };
      const children = next.get(frame.node) ?? [];
      if (frame.child < children.length) {
        const child = children[frame.child++] as string;
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, child: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(child) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent)
        low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        for (;;) {
          const n = stack.pop() as string;
          onStack.delete(n);
          component.set(n, components);
          if (n === frame.node) break;
        }
        components++;
      }
    }
  }
  return component;
}
