/**
 * Read plans: what a read asks of the graph, as plain data. The GraphQL planner
 * (src/graphql/planner.ts) makes them from a resolver's selection; the builders here turn them
 * into Cypher; src/data runs that and decodes the rows. Nothing in a plan is GraphQL's: a page's
 * `id` is whatever its maker chose to find it by.
 */
import type { Direction, Kind, RelationType } from "../domain/vocabulary.js";
import type { EntityWhere, OrderBy } from "./filters.js";

/** Which relations of an entity a page holds, and which of them. */
export interface RelationFilter {
  types: readonly RelationType[] | null;
  direction: Direction;
  otherKind: Kind | null;
  offset: number;
  /** Rows to read (one more than the page when a next page must be known of). */
  limit: number;
  withTotal: boolean;
  /** Only relations that hold on this (ISO, may be partial) date: since <= asOf <= until. */
  asOf?: string | null;
}

/**
 * A page of relations to read along with the entities it hangs off, and what to read under each
 * entity at its other end (their own pages, a few levels down): compiled into one query.
 */
export interface RelationPagePlan {
  /** Chosen by the plan's maker: the page is kept under it on the entity it was read with. */
  id: string;
  /** Only entities of these kinds have it (null: every entity). */
  kinds: readonly Kind[] | null;
  filter: RelationFilter;
  /** Stored properties to read beyond key, kind and name (null: all), see projection.ts. */
  nodeProperties?: readonly string[] | null;
  relationProperties?: readonly string[] | null;
  children: readonly RelationPagePlan[];
}

/** Entities by key (one result per key), with relation pages read along. */
export interface EntitiesByKeyPlan {
  keys: readonly string[];
  pages?: readonly RelationPagePlan[];
  /** Stored properties to read beyond key, kind and name (null: all). */
  properties?: readonly string[] | null;
}

/** A page of one kind, filtered and ordered (default: by name), with relation pages read along. */
export interface EntityPagePlan {
  kind: Kind;
  where?: EntityWhere | null;
  orderBy?: readonly OrderBy[] | null;
  offset: number;
  limit: number;
  withTotal: boolean;
  pages?: readonly RelationPagePlan[];
  properties?: readonly string[] | null;
}

/** One relation page for each of many entities (by key), read in one query. */
export interface RelationPagesPlan {
  keys: readonly string[];
  page: RelationPagePlan;
}

/** Full-text search: what was typed, which kinds (null: all), which page, which properties. */
export interface SearchPlan {
  text: string;
  kinds: readonly Kind[] | null;
  offset: number;
  limit: number;
  withTotal: boolean;
  properties?: readonly string[] | null;
}

/** The timeline of one entity between two dates (both optional, may be partial). */
export interface TimelinePlan {
  key: string;
  from?: string | null;
  to?: string | null;
  offset: number;
  limit: number;
}
