/**
 * The view in the URL, so a link reopens it: `e` the entities drawn, `x` those whose neighbourhood
 * was expanded, `node` or `edge` the selection, `from` and `to` the path asked for, `hide` the
 * kinds and `hiderel` the relation types filtered out. The relations drawn are not listed: they
 * are always every relation among the entities drawn, so the entities alone rebuild them.
 */
import type { Selection } from "./graph.js";
import { isKind } from "./kinds.js";

export interface ViewState {
  entities: string[];
  expanded: string[];
  selection: Selection | null;
  path: { from: string; to: string } | null;
  /** Kinds and relation types filtered out of the drawing. */
  hidden: { kinds: string[]; types: string[] };
}

/** Entity keys are lowercase slugs; relation ids are from|TYPE|to. */
const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RELATION = /^[a-z0-9]+(?:-[a-z0-9]+)*\|[A-Z_]+\|[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TYPE = /^[A-Z][A-Z_]*$/;

function list(value: string | null, valid: (item: string) => boolean): string[] {
  return [...new Set((value ?? "").split(",").filter(valid))];
}

function keys(value: string | null): string[] {
  return list(value, (k) => KEY.test(k));
}

export function readState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const node = params.get("node");
  const edge = params.get("edge");
  const from = params.get("from");
  const to = params.get("to");
  return {
    entities: keys(params.get("e")),
    expanded: keys(params.get("x")),
    selection: node && KEY.test(node) ? { node } : edge && RELATION.test(edge) ? { edge } : null,
    path: from && to && KEY.test(from) && KEY.test(to) ? { from, to } : null,
    hidden: {
      kinds: list(params.get("hide"), isKind),
      types: list(params.get("hiderel"), (t) => TYPE.test(t)),
    },
  };
}

export function writeState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.entities.length > 0) params.set("e", state.entities.join(","));
  if (state.expanded.length > 0) params.set("x", state.expanded.join(","));
  if (state.selection && "node" in state.selection) params.set("node", state.selection.node);
  if (state.selection && "edge" in state.selection) params.set("edge", state.selection.edge);
  if (state.path) {
    params.set("from", state.path.from);
    params.set("to", state.path.to);
  }
  // Sorted, so the same filters make the same link whatever order they were chosen in.
  if (state.hidden.kinds.length > 0) params.set("hide", [...state.hidden.kinds].sort().join(","));
  if (state.hidden.types.length > 0)
    params.set("hiderel", [...state.hidden.types].sort().join(","));
  // Commas are fine in a query string and keep the link readable.
  const query = params.toString().replaceAll("%2C", ",");
  return query ? `?${query}` : "";
}
