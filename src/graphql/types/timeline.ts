/** `timeline`: what happened to an entity, in date order. */
import { type TimelineEntry, timeline } from "../../data/timeline.js";
import { builder } from "../builder.js";
import { checkKey } from "../keys.js";
import { type ConnectionShape, pageWindow, selectsField, toConnection } from "../pagination.js";
import { EntityRef, KIND_REFS } from "./refs.js";
import { RelationRef } from "./relation.js";

const TimelineEdge = builder
  .objectRef<TimelineEntry & { cursor: string }>("TimelineEdge")
  .implement({
    description: "One entry: an event the entity is linked to, or one of its own dated relations.",
    fields: (t) => ({
      cursor: t.exposeString("cursor"),
      date: t.exposeString("date", {
        description: "ISO date, may be partial (2022, 2022-03, 2022-03-08).",
      }),
      event: t.field({ type: KIND_REFS.Event, nullable: true, resolve: (e) => e.event }),
      relation: t.field({
        type: RelationRef,
        nullable: true,
        description: "A relation of the entity dated by its date (or since).",
        resolve: (e) => e.relation,
      }),
    }),
  });

const TimelineConnection = builder
  .objectRef<ConnectionShape<TimelineEntry>>("TimelineConnection")
  .implement({
    fields: (t) => ({
      edges: t.field({ type: [TimelineEdge], resolve: (c) => c.edges }),
      pageInfo: t.field({ type: builder.pageInfoRef(), resolve: (c) => c.pageInfo }),
      totalCount: t.int({
        description: "How many entries in all (counted only when asked for).",
        resolve: (c) => c.totalCount ?? 0,
      }),
    }),
  });

builder.queryField("timeline", (t) =>
  t.field({
    type: TimelineConnection,
    nullable: true,
    description:
      'Events about an entity and its dated relations, oldest first; `from` and `to` bound it (ISO, may be partial; a partial date matches when it overlaps). E.g. timeline(entity: "justin-trudeau").',
    args: {
      entity: t.arg.string({ required: true, description: "The entity's key." }),
      from: t.arg.string(),
      to: t.arg.string(),
      first: t.arg.int({ description: "Page size (default 20, at most 100)." }),
      after: t.arg.string({ description: "Cursor to start after." }),
      last: t.arg.int({ description: "Take the last N of the window (with before or first)." }),
      before: t.arg.string({ description: "Cursor to end before." }),
    },
    resolve: async (_, args, ctx, info) => {
      const key = checkKey(args.entity, "entity");
      const entity = await EntityRef.getDataloader(ctx).load(key); // NOT_FOUND for an unknown key
      const window = pageWindow(args);
      const page = await timeline(
        ctx.db,
        ctx.stats,
        { key: entity.key, from: args.from, to: args.to },
        window.offset,
        window.limit,
        selectsField(info, "totalCount"),
      );
      return toConnection(page.items, window, page.totalCount);
    },
  }),
);
