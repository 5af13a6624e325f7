/**
 * Lookahead: which relation fields a query selects under the entities a resolver is about to
 * read, as RelationSpecs, so the entities and those relations (and theirs, a few levels down)
 * come back from ONE Cypher query instead of one query per level. Relation fields say what they
 * read in their `relationField` extension; their resolvers answer from what was read ahead and
 * fall back to their batched loader when nothing was (a selection below the lookahead's depth,
 * under a search hit, a path, ...).
 */
import {
  type FieldNode,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  isObjectType,
  type SelectionSetNode,
} from "graphql";
import type { RelationSpec } from "../data/relations.js";
import { PARTIAL_DATE } from "../domain/document.js";
import {
  type Direction,
  isKind,
  KIND_NAMES,
  type Kind,
  type RelationType,
} from "../domain/vocabulary.js";
import { type ConnectionArgs, pageWindow } from "./pagination.js";

/** The extension key under which relation fields describe what they read. */
export const RELATION_FIELD = "relationField";

/** What a relation field reads; arguments (types, direction, paging, asOf) add the rest. */
export interface RelationFieldExtension {
  types?: readonly RelationType[];
  direction?: Direction;
  otherKind?: Kind;
}

/** Levels of relation fields read ahead from one resolver; deeper ones use their loaders. */
export const LOOKAHEAD_DEPTH = 4;

type Selection = SelectionSetNode["selections"][number];

function included(node: Selection, info: GraphQLResolveInfo): boolean {
  const vars = info.variableValues;
  if (getDirectiveValues(GraphQLSkipDirective, node, vars)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, vars)?.if !== false;
}

/** Fields in `sets` (through fragments, for the entity kinds in `kinds`), with the kinds they apply to. */
function collectFields(
  sets: readonly SelectionSetNode[],
  kinds: readonly Kind[],
  info: GraphQLResolveInfo,
  out: { node: FieldNode; kinds: readonly Kind[] }[] = [],
): { node: FieldNode; kinds: readonly Kind[] }[] {
  const narrow = (condition: string | undefined) =>
    condition === undefined || !isKind(condition) ? kinds : kinds.filter((k) => k === condition);
  for (const set of sets) {
    for (const s of set.selections) {
      if (!included(s, info)) continue;
      if (s.kind === "Field") out.push({ node: s, kinds });
      else if (s.kind === "InlineFragment")
        collectFields([s.selectionSet], narrow(s.typeCondition?.name.value), info, out);
      else {
        const fragment = info.fragments[s.name.value];
        if (fragment)
          collectFields(
            [fragment.selectionSet],
            narrow(fragment.typeCondition.name.value),
            info,
            out,
          );
      }
    }
  }
  return out;
}

/** The selection sets of the fields called `name` in `sets` (one object type, fragments flattened). */
export function subSelections(
  sets: readonly SelectionSetNode[],
  name: string,
  info: GraphQLResolveInfo,
): SelectionSetNode[] {
  return collectFields(sets, [], info)
    .filter((f) => f.node.name.value === name && f.node.selectionSet)
    .map((f) => f.node.selectionSet as SelectionSetNode);
}

/** The selection sets under `edges { node { … } }` of a connection field's nodes. */
export function nodeSelections(
  fieldNodes: readonly FieldNode[],
  info: GraphQLResolveInfo,
): SelectionSetNode[] {
  const sets = fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  return subSelections(subSelections(sets, "edges", info), "node", info);
}

interface Group {
  key: string;
  field: GraphQLField<unknown, unknown>;
  args: Record<string, unknown>;
  argsText: string;
  kinds: Kind[];
  nodes: FieldNode[];
}

/**
 * The relation fields selected in `sets`, on entities of type `position` (a kind, or "Entity"
 * for any kind), compiled into RelationSpecs `depth` levels below the resolver. A field whose
 * arguments are invalid is left out, so its own resolver reports the error at its path.
 */
export function relationSpecs(
  info: GraphQLResolveInfo,
  sets: readonly SelectionSetNode[],
  position: Kind | "Entity",
  depth = 0,
): RelationSpec[] {
  if (depth >= LOOKAHEAD_DEPTH || sets.length === 0) return [];
  const all: readonly Kind[] = position === "Entity" ? KIND_NAMES : [position];
  const groups = new Map<string, Group>();
  for (const { node, kinds } of collectFields(sets, all, info)) {
    const key = node.alias?.value ?? node.name.value;
    for (const kind of kinds) {
      const type = info.schema.getType(kind);
      const field = isObjectType(type) ? type.getFields()[node.name.value] : undefined;
      if (!field?.extensions?.[RELATION_FIELD]) continue;
      let args: Record<string, unknown>;
      try {
        args = getArgumentValues(field, node, info.variableValues);
      } catch {
        continue;
      }
      const argsText = JSON.stringify(args);
      const id = `${key}\u0000${field.name}\u0000${argsText}`;
      const group = groups.get(id) ?? { key, field, args, argsText, kinds: [], nodes: [] };
      if (!group.kinds.includes(kind)) group.kinds.push(kind);
      if (!group.nodes.includes(node)) group.nodes.push(node);
      groups.set(id, group);
    }
  }
  const specs: RelationSpec[] = [];
  for (const g of groups.values()) {
    const ext = g.field.extensions[RELATION_FIELD] as RelationFieldExtension;
    const args = g.args as ConnectionArgs & {
      types?: RelationType[] | null;
      direction?: Direction | null;
      asOf?: string | null;
    };
    let window: ReturnType<typeof pageWindow>;
    try {
      window = pageWindow(args);
    } catch {
      continue;
    }
    if (args.asOf != null && !PARTIAL_DATE.test(args.asOf)) continue;
    const fieldSets = g.nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
    specs.push({
      key: g.key,
      kinds: g.kinds.length === all.length ? null : g.kinds,
      filter: {
        types: ext.types ?? args.types ?? null,
        direction: ext.direction ?? args.direction ?? "BOTH",
        otherKind: ext.otherKind ?? null,
        asOf: args.asOf ?? null,
        offset: window.offset,
        limit: window.limit,
        withTotal: collectFields(fieldSets, [], info).some(
          (f) => f.node.name.value === "totalCount",
        ),
      },
      children: relationSpecs(
        info,
        nodeSelections(g.nodes, info),
        ext.otherKind ?? "Entity",
        depth + 1,
      ),
    });
  }
  return specs;
}

/** The response key of the field being resolved (its alias, or its name). */
export const responseKey = (info: GraphQLResolveInfo) =>
  info.fieldNodes[0]?.alias?.value ?? info.fieldName;
