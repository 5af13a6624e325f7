/** `timeline`: what happened to an entity, in date order. */
import { type TimelineEntry, timeline } from "../../data/timeline.js";
import { isPartialDate, startsAfterEnd } from "../../domain/document.js";
import { BadInputError } from "../../domain/errors.js";
import { builder } from "../builder.js";
import { connectionType, pagingArgs } from "../connections.js";
import { checkKey } from "../keys.js";
import { connectionScope, pageWindow, toConnection } from "../pagination.js";
import { selectsField } from "../planner.js";
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

const TimelineConnection = connectionType<TimelineEntry>("TimelineConnection", TimelineEdge);

builder.queryField("timeline", (t) =>
  t.field({
    type: TimelineConnection,
    nullable: true,
    description:
      'Events about an entity and its dated relations, oldest first; `from` and `to` bound it (ISO, may be partial; a partial date matches when it overlaps; from later than to is BAD_USER_INPUT). E.g. timeline(entity: "justin-trudeau").',
    args: {
      entity: t.arg.string({ required: true, description: "The entity's key." }),
      from: t.arg.string(),
      to: t.arg.string(),
      ...pagingArgs(t.arg),
    },
    resolve: async (_, args, ctx, info) => {
      const key = checkKey(args.entity, "entity");
      // Checked here, before the entity is read, and named as the client wrote them (the
      // filter code would call them where.timeline.from).
      for (const name of ["from", "to"] as const) {
        const value = args[name];
        if (value != null && !isPartialDate(value))
          throw new BadInputError(
            `${name} must be a date: YYYY, YYYY-MM or YYYY-MM-DD, a day its month has.`,
            [{ path: [name], message: "must be a date: YYYY, YYYY-MM or YYYY-MM-DD" }],
          );
      }
      if (args.from != null && args.to != null && startsAfterEnd(args.from, args.to))
        throw new BadInputError(
          `from ("${args.from}") is after to ("${args.to}"): give from no later than to.`,
          [{ path: ["from"], message: `is after to ("${args.to}")` }],
        );
      const entity = await EntityRef.getDataloader(ctx).load(key); // NOT_FOUND for an unknown key
      const window = pageWindow(args, connectionScope(info.fieldName, args));
      const page = await timeline(ctx.db, ctx.stats, {
        key: entity.key,
        from: args.from,
        to: args.to,
        offset: window.offset,
        limit: window.limit,
        withTotal: selectsField(info, "totalCount"),
      });
      return toConnection(page.items, window, page.totalCount);
    },
  }),
);
