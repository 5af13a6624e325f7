/** Root reads: entity(key), search, and one list per kind (people, nations, ...). */
import type { FieldNode } from "graphql";
import { effectiveOrder } from "../../cypher/filters.js";
import { entitiesByKey, entityPage } from "../../data/entities.js";
import type { EntityRecord } from "../../data/records.js";
import { type SearchHit, searchEntities } from "../../data/search.js";
import { normalizeName } from "../../domain/document.js";
import { BadInputError } from "../../domain/errors.js";
import { KIND_NAMES, KINDS, type Kind } from "../../domain/vocabulary.js";
import { builder } from "../builder.js";
import { connectionType, pagingArgs } from "../connections.js";
import { checkKey, checkKeys } from "../keys.js";
import { connectionScope, toConnection } from "../pagination.js";
import {
  connectionWindow,
  entityProperties,
  nodePaths,
  nodeSelections,
  relationPagePlans,
  selectsField,
} from "../planner.js";
import { primeRelationPages, responsePath } from "../relation-pages.js";
import { EntityKindEnum } from "./enums.js";
import { KIND_FILTERS, toEntityWhere, toOrderBy, whereKeys } from "./filters.js";
import { EntityRef, KIND_REFS } from "./refs.js";

builder.queryType({ description: "Reads are public." });

const selectionSet = (node: FieldNode) => (node.selectionSet ? [node.selectionSet] : []);

builder.queryField("entity", (t) =>
  t.field({
    type: EntityRef,
    nullable: true,
    description:
      'One entity by its readable key, e.g. `entity(key: "justin-trudeau")`. An unknown key is a NOT_FOUND error; a malformed one BAD_USER_INPUT.',
    args: { key: t.arg.string({ required: true }) },
    resolve: async (_, args, ctx, info) => {
      const key = checkKey(args.key);
      const sets = info.fieldNodes.flatMap(selectionSet);
      const pages = relationPagePlans(info, sets, "Entity");
      // No relation page selected: the key goes to the batched loader (shared with other fields).
      if (pages.length === 0) return key;
      // Else the entity and the relations selected under it come back from one query.
      const [found] = await entitiesByKey(ctx.db, ctx.stats, {
        keys: [key],
        pages,
        properties: entityProperties(info, sets, "Entity"),
      });
      if (found instanceof Error) throw found;
      // Its fields' pages go to their loaders, where the fields' resolvers find them.
      if (found) primeRelationPages(ctx, [responsePath(info)], [found], pages);
      return found ?? null;
    },
  }),
);

type NodeEdge = { node: EntityRecord };
/** An edge of one shape (not the spread default): about 1 µs less per edge. */
const nodeEdge = (row: NodeEdge, cursor: string) => ({ node: row.node, cursor });

function entityConnection(kind: Kind) {
  const edge = builder.objectRef<NodeEdge & { cursor: string }>(`${kind}Edge`).implement({
    fields: (t) => ({
      cursor: t.exposeString("cursor"),
      node: t.field({ type: KIND_REFS[kind], resolve: (e) => e.node }),
    }),
  });
  return connectionType<NodeEdge>(`${kind}Connection`, edge);
}

for (const kind of KIND_NAMES) {
  const connection = entityConnection(kind);
  builder.queryField(KINDS[kind].plural, (t) =>
    t.field({
      type: connection,
      nullable: true,
      description: `${KINDS[kind].description} Filtered by \`where\`, ordered by \`orderBy\` (default: name).`,
      args: {
        where: t.arg({ type: KIND_FILTERS[kind].where }),
        orderBy: t.arg({ type: [KIND_FILTERS[kind].order] }),
        ...pagingArgs(t.arg),
      },
      resolve: async (_, args, ctx, info) => {
        checkKeys(whereKeys(args.where, ["where"]));
        const orderBy = toOrderBy(args.orderBy);
        // The list is scoped by the order it is in, not by how orderBy spells it: a cursor of
        // the default order pages `orderBy: [{ field: NAME }]` too.
        const scope = connectionScope(info.fieldName, {
          where: args.where,
          orderBy: effectiveOrder(orderBy),
        });
        const window = connectionWindow(args, info.fieldNodes, info, scope);
        const nodes = nodeSelections(info.fieldNodes, info);
        const pages = relationPagePlans(info, nodes, kind);
        const page = await entityPage(ctx.db, ctx.stats, {
          kind,
          where: toEntityWhere(kind, args.where),
          orderBy,
          offset: window.offset,
          limit: window.limit,
          withTotal: selectsField(info, "totalCount"),
          pages,
          properties: entityProperties(info, nodes, kind),
        });
        // The nodes' pages go to their fields' loaders (one path per way the nodes are selected).
        const at = nodePaths(info.fieldNodes, info).map((n) => `${responsePath(info)}.${n}`);
        primeRelationPages(ctx, at, page.items, pages);
        return toConnection(
          page.items.map((node) => ({ node })),
          window,
          page.totalCount,
          nodeEdge,
        );
      },
    }),
  );
}

const searchEdge = (hit: SearchHit, cursor: string) => ({
  entity: hit.entity,
  score: hit.score,
  snippet: hit.snippet,
  cursor,
});

const SearchEdge = builder.objectRef<SearchHit & { cursor: string }>("SearchEdge").implement({
  description: "A search hit.",
  fields: (t) => ({
    cursor: t.exposeString("cursor"),
    node: t.field({ type: EntityRef, resolve: (h) => h.entity }),
    score: t.exposeFloat("score", { description: "Relevance: higher is better." }),
    snippet: t.exposeString("snippet", {
      nullable: true,
      description:
        "Where the words matched (name, alias or description), HTML-escaped, each match in <mark>; null when it matched only by a near spelling.",
    }),
  }),
});

const SearchConnection = connectionType<SearchHit>("SearchConnection", SearchEdge);

export const SEARCH_MAX_LENGTH = 200;

builder.queryField("search", (t) =>
  t.field({
    type: SearchConnection,
    nullable: true,
    description:
      'Full-text search over names, aliases and descriptions, best first: entities whose name or an alias is what was typed, then those whose name or an alias starts with it, then the rest, each by score. Every word typed must match, each in the name, an alias or the description: as a whole word, from two characters as a prefix ("stolten"), from four with one typo ("reasurance"). A one-character word matches only a whole word of a name or alias ("X" finds Task Force X, "a" no description that merely has a word starting with a). Accents need not be typed: "Adazi" finds Ādaži, "Kogalnic" Kogălniceanu.',
    args: {
      query: t.arg.string({ required: true }),
      kinds: t.arg({
        type: [EntityKindEnum],
        description: "Only these kinds (default: all; an empty list: none).",
      }),
      ...pagingArgs(t.arg),
    },
    resolve: async (_, args, ctx, info) => {
      if (args.query.length > SEARCH_MAX_LENGTH) {
        throw new BadInputError(`The query is too long: at most ${SEARCH_MAX_LENGTH} characters.`, [
          { path: ["query"], message: `at most ${SEARCH_MAX_LENGTH} characters` },
        ]);
      }
      const window = connectionWindow(args, info.fieldNodes, info);
      const page = await searchEntities(ctx.db, ctx.stats, {
        // Names are stored normalised (normalizeName): "é" typed either way finds them, and a
        // name typed with a no-break space is still the whole name (ranked as such).
        text: normalizeName(args.query),
        kinds: args.kinds ?? null,
        offset: window.offset,
        limit: window.limit,
        withTotal: selectsField(info, "totalCount"),
        properties: entityProperties(info, nodeSelections(info.fieldNodes, info), "Entity"),
      });
      return toConnection(page.items, window, page.totalCount, searchEdge);
    },
  }),
);
