/**
 * The one way a relation page reaches its field: a DataLoader per response path (list indices
 * as `*`) and request, keyed by the key of the entity the page hangs off. A read that brings
 * pages along with its entities (entity(key) and the lists, which plan their relation fields; a
 * page read by a loader, which plans the fields under its nodes) primes the loaders of the paths
 * where those fields will resolve, before it returns. A relation field's resolver only ever asks
 * its path's loader: a page that was primed is there already, and is handed back as it is (not as
 * a promise: a nested read resolves thousands of relation fields, and a promise each cost
 * graphql-js measurably more); any other (a field below the planner's depth, under a search hit,
 * a path, ...) is read by the loader, for every parent at the path in one query.
 */
import { createContextCache } from "@pothos/core";
import { cacheKey } from "@pothos/plugin-dataloader";
import DataLoader from "dataloader";
import type { GraphQLResolveInfo } from "graphql";
import type { RelationPagePlan } from "../cypher/plan.js";
import type { EntityRecord, Page, RelationRecord } from "../data/records.js";
import { nodePathsOf } from "./planner.js";

type RelationPage = Page<RelationRecord>;

/** Reads the pages of `keys` (in key order) for the field at one path. */
export type LoadPages = (keys: readonly string[]) => Promise<RelationPage[]>;

interface PathLoader {
  /** Pages primed by the reads that planned them, by entity key. */
  primed: Map<string, RelationPage>;
  /** Reads the pages nobody primed, batched. */
  loader: DataLoader<string, RelationPage>;
  /** Set by the first resolver at the path: a primed loader has nothing to read until then. */
  load?: LoadPages;
}

const loadersOf = createContextCache(() => new Map<string, PathLoader>());

function pathLoader(ctx: object, path: string): PathLoader {
  const byPath = loadersOf(ctx);
  let entry = byPath.get(path);
  if (!entry) {
    const created: PathLoader = {
      primed: new Map(),
      loader: new DataLoader((keys) => {
        if (!created.load) throw new Error(`No relation page loader at ${path}`);
        return created.load(keys);
      }),
    };
    entry = created;
    byPath.set(path, entry);
  }
  return entry;
}

/** The response path of the field being resolved, list indices as `*` (as Pothos' path loaders). */
export const responsePath = (info: GraphQLResolveInfo): string => cacheKey(info.path);

/**
 * The page of the field being resolved for `parent`: the one a read primed at its path, or else
 * from the path's loader, which reads it (with `load`, which holds the field's arguments, for
 * every parent at the path in one query).
 */
export function relationPage(
  ctx: object,
  info: GraphQLResolveInfo,
  parent: EntityRecord,
  load: LoadPages,
): RelationPage | Promise<RelationPage> {
  const path = responsePath(info);
  const primed = pathLoader(ctx, path).primed.get(parent.key);
  if (primed) return primed;
  // Fields at one path on different object types (`... on Nation { relations(first: 2) }`
  // beside `... on Person { relations(first: 5) }`) may take different arguments, which GraphQL
  // allows only there: each parent type reads with its own.
  const entry = pathLoader(ctx, `${path}@${info.parentType.name}`);
  entry.load ??= load;
  return entry.loader.load(parent.key);
}

/**
 * Primes the loaders with the pages `plans` read along with `entities`, which sit at the
 * response paths `at`: each page at `<path>.<its field's response key>`, and the pages read
 * along with the entities at its other ends likewise, below it.
 */
export function primeRelationPages(
  ctx: object,
  at: readonly string[],
  entities: readonly EntityRecord[],
  plans: readonly RelationPagePlan[],
): void {
  for (const plan of plans) {
    const read: Array<[EntityRecord, RelationPage]> = [];
    for (const e of entities) {
      const page = e.pages?.get(plan.id);
      if (page) read.push([e, page]);
    }
    if (read.length === 0) continue;
    for (const path of at) {
      const field = `${path}.${plan.id}`;
      const { primed } = pathLoader(ctx, field);
      // The first page primed for an entity at a path stays: the same plan gives the same page.
      for (const [e, page] of read) if (!primed.has(e.key)) primed.set(e.key, page);
      primeBelow(
        ctx,
        field,
        plan,
        read.map(([, page]) => page),
      );
    }
  }
}

/** Primes the pages read along with the entities at the other ends of `pages` (of `plan`, at `field`). */
export function primeBelow(
  ctx: object,
  field: string,
  plan: RelationPagePlan,
  pages: readonly RelationPage[],
): void {
  if (plan.children.length === 0) return;
  const others = pages.flatMap((page) => page.items.map((r) => r.other));
  const at = nodePathsOf(plan).map((nodes) => `${field}.${nodes}`);
  primeRelationPages(ctx, at, others, plan.children);
}
