/**
 * The planner: turns a resolver's selection into a read plan (src/cypher/plan.ts): the page
 * window, the properties the selection reads, and the relation fields selected under the
 * entities it is about to read, as RelationPagePlans, so the entities and those relations (and
 * theirs, a few levels down) come back from ONE Cypher query instead of one query per level.
 * Relation fields say what they read in their `relationField` extension. A relation page is
 * planned by one function (relationPagePlan), whether it is read along with its entity or by the
 * relation field's batched loader (a selection below the planner's depth, under a search hit, a
 * path, ...). The selection is walked by one walker (collectFields), which honours @skip and
 * @include everywhere.
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
import type { RelationPagePlan } from "../cypher/plan.js";
import { FEW_EXCERPTS } from "../cypher/projection.js";
import { CLAIM_LISTS, CLAIM_RANK_LISTS } from "../cypher/relations.js";
import { isPartialDate } from "../domain/document.js";
import { ENTITY_CLAIM_LISTS } from "../domain/entity-claims.js";
import { BadInputError } from "../domain/errors.js";
import {
  ALL_RELATION_PROPERTIES,
  type Direction,
  isKind,
  KIND_NAMES,
  KINDS,
  type Kind,
  type RelationType,
} from "../domain/vocabulary.js";
import { type ConnectionArgs, connectionScope, type PageWindow, pageWindow } from "./pagination.js";

/** The extension key under which relation fields describe what they read. */
export const RELATION_FIELD = "relationField";

/** What a relation field reads; arguments (types, direction, paging, asOf) add the rest. */
export interface RelationFieldExtension {
  types?: readonly RelationType[];
  direction?: Direction;
  otherKind?: Kind;
}

/** Levels of relation fields planned from one resolver; deeper ones use their loaders. */
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

/** Whether a connection field's selection reads pageInfo.hasNextPage (which costs one more row). */
export function needsNextPage(fieldNodes: readonly FieldNode[], info: GraphQLResolveInfo): boolean {
  const sets = fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  return collectFields(subSelections(sets, "pageInfo", info), [], info).some(
    (f) => f.node.name.value === "hasNextPage",
  );
}

/** Whether the selections of `fields` ask for `name` (e.g. totalCount), through fragments. */
export function selectsIn(
  fields: readonly FieldNode[],
  name: string,
  info: GraphQLResolveInfo,
): boolean {
  const sets = fields.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  return collectFields(sets, [], info).some((f) => f.node.name.value === name);
}

/** Whether the current field's selection asks for `name` (e.g. totalCount), through fragments. */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectsIn(info.fieldNodes, name, info);
}

/** A connection's window: its paging arguments, one row more only when hasNextPage is selected. */
export function connectionWindow(
  args: ConnectionArgs,
  fieldNodes: readonly FieldNode[],
  info: GraphQLResolveInfo,
  /** The list's scope, when more than the field's name and arguments make it (relationScope). */
  scope = connectionScope(fieldNodes[0]?.name.value ?? info.fieldName, args),
): PageWindow {
  return pageWindow(args, scope, needsNextPage(fieldNodes, info));
}

/** The scope of a relation field's list: its name, arguments and fixed types and direction. */
export function relationScope(field: string, args: RelationArgs, ext: RelationFieldExtension) {
  return connectionScope(field, { ...args, fixed: ext });
}

/**
 * Scopes already hashed, per field node, the request's variables and the parent's type: a
 * field's arguments are made from those alone, so a relation field resolved for each of a page's
 * parents (100 members, then their leaders...) hashes its scope once per request, not per parent.
 */
const SCOPES = new WeakMap<FieldNode, WeakMap<object, Map<object, string>>>();

/** relationScope of the field being resolved, hashed once per field node, type and request. */
export function resolvedRelationScope(
  info: GraphQLResolveInfo,
  args: RelationArgs,
  ext: RelationFieldExtension,
): string {
  const node = info.fieldNodes[0];
  if (!node) return relationScope(info.fieldName, args, ext);
  let byVariables = SCOPES.get(node);
  if (!byVariables) {
    byVariables = new WeakMap();
    SCOPES.set(node, byVariables);
  }
  let byType = byVariables.get(info.variableValues);
  if (!byType) {
    byType = new Map();
    byVariables.set(info.variableValues, byType);
  }
  let scope = byType.get(info.parentType);
  if (scope === undefined) {
    scope = relationScope(info.fieldName, args, ext);
    byType.set(info.parentType, scope);
  }
  return scope;
}

/** The arguments of a relation field (its extension fixes some of them). */
export interface RelationArgs extends ConnectionArgs {
  types?: RelationType[] | null;
  direction?: Direction | null;
  asOf?: string | null;
}

/** Checks asOf: BAD_USER_INPUT unless it is YYYY, YYYY-MM or YYYY-MM-DD. */
function checkAsOf(asOf: string | null | undefined): string | null {
  if (asOf != null && !isPartialDate(asOf)) {
    throw new BadInputError("asOf must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD.", [
      { path: ["asOf"], message: "must be YYYY, YYYY-MM or YYYY-MM-DD, a day its month has" },
    ]);
  }
  return asOf ?? null;
}

/**
 * The plan of one relation field's page, and its window: the one place a relation page is
 * planned, whether it is read along with its entity or by the field's loader. Throws
 * BadInputError (or LIMIT_EXCEEDED) for bad arguments.
 */
export function relationPagePlan(
  info: GraphQLResolveInfo,
  field: {
    /** Where the page is kept on its entity: the field's response key. */
    id: string;
    extension: RelationFieldExtension;
    args: RelationArgs;
    nodes: readonly FieldNode[];
    /** Only entities of these kinds have the field (null: every entity). */
    kinds: readonly Kind[] | null;
    /** Levels below the resolver that planned it (1 for a field's own loader). */
    depth: number;
  },
): { plan: RelationPagePlan; window: PageWindow } {
  const { extension: ext, args, nodes } = field;
  const name = nodes[0]?.name.value ?? info.fieldName;
  const window = connectionWindow(args, nodes, info, relationScope(name, args, ext));
  const asOf = checkAsOf(args.asOf);
  const plan: RelationPagePlan = {
    id: field.id,
    kinds: field.kinds,
    ...readUnder(info, nodes, ext.otherKind ?? "Entity", field.depth),
    filter: {
      types: ext.types ?? args.types ?? null,
      direction: ext.direction ?? args.direction ?? "BOTH",
      otherKind: ext.otherKind ?? null,
      asOf,
      offset: window.offset,
      limit: window.limit,
      withTotal: selectsIn(nodes, "totalCount", info),
    },
  };
  PLAN_NODE_PATHS.set(plan, nodePaths(nodes, info));
  return { plan, window };
}

/** Where the entities of a planned page sit below its field (see nodePaths). */
const PLAN_NODE_PATHS = new WeakMap<RelationPagePlan, readonly string[]>();

/** The response paths of a planned page's nodes below its field, e.g. `edges.*.node`. */
export const nodePathsOf = (plan: RelationPagePlan): readonly string[] =>
  PLAN_NODE_PATHS.get(plan) ?? [];

const responseKeyOf = (node: FieldNode) => node.alias?.value ?? node.name.value;

/**
 * The response paths, below a connection field, of the entities on its edges: `edges.*.node`
 * (list indices as `*`), with the aliases the selection gives them, once per way selected.
 */
export function nodePaths(fieldNodes: readonly FieldNode[], info: GraphQLResolveInfo): string[] {
  const sets = fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  const out = new Set<string>();
  for (const { node: edges } of collectFields(sets, [], info)) {
    if (edges.name.value !== "edges" || !edges.selectionSet) continue;
    for (const { node } of collectFields([edges.selectionSet], [], info))
      if (node.name.value === "node") out.add(`${responseKeyOf(edges)}.*.${responseKeyOf(node)}`);
  }
  return [...out];
}

/** Entity fields that read no stored property beyond key, kind and name, or read these. */
const ENTITY_FIELDS: Record<string, readonly string[]> = {
  __typename: [],
  id: [],
  key: [],
  name: [],
  kind: [],
  aliases: ["aliases"],
  description: ["description"],
  updatedAt: ["updatedAt"],
  updatedBy: ["updatedBy"],
  // Loaded by key, in its own batch.
  sourceCount: [],
  retracted: [],
  claims: ENTITY_CLAIM_LISTS,
  claimsConnection: ENTITY_CLAIM_LISTS,
  disputed: ENTITY_CLAIM_LISTS,
  disputedFields: ENTITY_CLAIM_LISTS,
  fieldSources: ENTITY_CLAIM_LISTS,
};

/**
 * The stored properties that the selection reads from entities at `position` (beyond key, kind
 * and name, always read), or null for all of them when a field is not known to read only its
 * own property. Long texts (a source's whole text) then cross Bolt only when asked for.
 */
export function entityProperties(
  info: GraphQLResolveInfo,
  sets: readonly SelectionSetNode[],
  position: Kind | "Entity",
): string[] | null {
  const props = new Set<string>();
  const all: readonly Kind[] = position === "Entity" ? KIND_NAMES : [position];
  for (const { node, kinds } of collectFields(sets, all, info)) {
    const name = node.name.value;
    const base = ENTITY_FIELDS[name];
    if (base) {
      for (const p of base) props.add(p);
      continue;
    }
    for (const kind of kinds) {
      const type = info.schema.getType(kind);
      const field = isObjectType(type) ? type.getFields()[name] : undefined;
      if (!field || field.extensions?.[RELATION_FIELD]) continue;
      if (!(name in KINDS[kind].properties)) return null;
      props.add(name);
    }
  }
  return [...props];
}

/** Relation (edge) fields that read no stored property, or read these; null: all of them. */
const RELATION_FIELDS: Record<string, readonly string[] | null> = {
  __typename: [],
  cursor: [],
  node: [],
  id: [],
  type: [],
  direction: [],
  from: [],
  to: [],
  inferred: ["inferred"],
  evidence: CLAIM_LISTS,
  claims: CLAIM_LISTS,
  // A page of claims of a relation with many long sentences reads its own sentences alone, when
  // it is resolved (EvidenceRef.excerpt); a light relation's come with it (FEW_EXCERPTS).
  evidenceConnection: [...CLAIM_RANK_LISTS, FEW_EXCERPTS],
  claimsConnection: [...CLAIM_RANK_LISTS, FEW_EXCERPTS],
  disputed: CLAIM_RANK_LISTS,
  sourceCount: CLAIM_RANK_LISTS,
  independentSourceCount: CLAIM_LISTS,
  updatedAt: ["updatedAt"],
  updatedBy: ["updatedBy"],
  properties: null,
};

/**
 * The stored relation properties an edge selection (or a Relation's, as relation(id) reads it)
 * reads, or null for all of them.
 */
export function relationProperties(
  info: GraphQLResolveInfo,
  edgeSets: readonly SelectionSetNode[],
): string[] | null {
  const props = new Set<string>();
  for (const { node } of collectFields(edgeSets, [], info)) {
    const name = node.name.value;
    const known = name in RELATION_FIELDS ? RELATION_FIELDS[name] : undefined;
    if (known === null) return null;
    if (known) for (const p of known) props.add(p);
    else if (name in ALL_RELATION_PROPERTIES) props.add(name);
    else return null;
  }
  return [...props];
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
 * for any kind), planned `depth` levels below the resolver. A field whose arguments are invalid
 * is left out, so its own resolver reports the error at its path.
 */
export function relationPagePlans(
  info: GraphQLResolveInfo,
  sets: readonly SelectionSetNode[],
  position: Kind | "Entity",
  depth = 0,
): RelationPagePlan[] {
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
  const plans: RelationPagePlan[] = [];
  for (const g of groups.values()) {
    try {
      const { plan } = relationPagePlan(info, {
        id: g.key,
        extension: g.field.extensions[RELATION_FIELD] as RelationFieldExtension,
        args: g.args as RelationArgs,
        nodes: g.nodes,
        kinds: g.kinds.length === all.length ? null : g.kinds,
        depth: depth + 1,
      });
      plans.push(plan);
    } catch {
      // Bad arguments: the field's own resolver reports them.
    }
  }
  return plans;
}

/**
 * What to read under a relation field's edges: the properties of the relations and of the
 * entities at their other end, and the relation fields selected on those (`depth` levels down).
 */
export function readUnder(
  info: GraphQLResolveInfo,
  fieldNodes: readonly FieldNode[],
  otherKind: Kind | "Entity",
  depth: number,
): Pick<RelationPagePlan, "nodeProperties" | "relationProperties" | "children"> {
  const fieldSets = fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  const edgeSets = subSelections(fieldSets, "edges", info);
  const nodeSets = subSelections(edgeSets, "node", info);
  return {
    nodeProperties: entityProperties(info, nodeSets, otherKind),
    relationProperties: relationProperties(info, edgeSets),
    children: relationPagePlans(info, nodeSets, otherKind, depth),
  };
}

/** The response key of the field being resolved (its alias, or its name). */
export const responseKey = (info: GraphQLResolveInfo) =>
  info.fieldNodes[0] ? responseKeyOf(info.fieldNodes[0]) : info.fieldName;
