/**
 * Relations of the events a text describes rather than names (events.ts): where the event is held
 * ("a handover ceremony took place at Siauliai AB", "at a ceremony in Riga"), the body whose meeting
 * it is ("a European Council meeting": the Council takes part), the alliance whose exercise it is
 * ("a NATO exercise"), and who pays a visit ("a visit by X": X takes part; a mission visiting is
 * what the visit is about), with where it arrived ("arrived in Estonia as part of a visit by ...").
 * Only LOCATED_IN for the place: a site named as where something was held does not "host" it.
 */
import { type Context, type Placed, placedIn } from "./context.js";
import { type DescribedEvent, describedEvents } from "./events.js";
import type { Sentence } from "./sentences.js";

const DESCRIBED = new WeakMap<Context, Map<number, DescribedEvent>>();

function describedAt(ctx: Context): Map<number, DescribedEvent> {
  let found = DESCRIBED.get(ctx);
  if (!found) {
    found = new Map(describedEvents(ctx.text).map((e) => [e.start, e]));
    DESCRIBED.set(ctx, found);
  }
  return found;
}

/** "took place at", "was held in the", "in": what lies between the event and where it is held. */
const HELD_AT =
  /^(?:\s+(?:(?:was|were|is|are|will be|has been)\s+held|(?:took|takes|will take)\s+place|(?:is|was)\s+taking\s+place))?(?:\s+on\s+\p{Lu}\p{Ll}+(?:,?\s+\p{Lu}\p{Ll}+\s+\d{1,2})?,?)?\s+(?:at|in)\s+(?:the\s+)?$/u;

const isActor = (p: Placed) =>
  p.cluster.kind === "Person" || p.cluster.kind === "Nation" || p.cluster.kind === "Organization";

export function describedEventRelations(ctx: Context, s: Sentence): void {
  const found = describedAt(ctx);
  const here = placedIn(s, ctx.placed);
  for (const e of here) {
    if (e.cluster.kind !== "Event") continue;
    const d = found.get(e.mention.start);
    if (!d) continue;
    const where = here.find(
      (p) =>
        (p.cluster.kind === "Place" || p.cluster.kind === "Nation") &&
        !p.mention.demonym &&
        p.mention.start >= e.mention.end &&
        HELD_AT.test(ctx.text.slice(e.mention.end, p.mention.start)),
    );
    if (where)
      ctx.propose({
        type: "LOCATED_IN",
        from: e.cluster,
        to: where.cluster,
        sentence: s,
        confidence: 0.75,
      });
    // the body or alliance named in the description: "a European Council meeting", "a NATO exercise"
    const lead = ctx.text.slice(Math.max(s.start, e.mention.start - 60), e.mention.start);
    const article = Math.max(lead.lastIndexOf(" a "), lead.lastIndexOf(" an "));
    if (
      (d.category === "MEETING" || d.category === "CONFERENCE" || d.category === "OTHER") &&
      article >= 0
    ) {
      const from = e.mention.start - lead.length + article;
      for (const p of here)
        if (
          p.mention.start >= from &&
          p.mention.end <= e.mention.start &&
          p.cluster.kind === "Organization" &&
          !/ceremony$/.test(d.name)
        )
          ctx.propose({
            type: "PARTICIPATED_IN",
            from: p.cluster,
            to: e.cluster,
            sentence: s,
            inferred: true,
            confidence: 0.65,
          });
    }
    // "Finland's accession to NATO", "Turkey voted to admit Finland": the nation takes part; a
    // vote is about whom it admits
    const actorName = d.actor;
    if (actorName) {
      const actor = here
        .filter(
          (p) =>
            (p.cluster.kind === "Nation" || p.cluster.kind === "Organization") &&
            p.mention.end <= e.mention.start &&
            ctx.text.startsWith(actorName, p.mention.start),
        )
        .pop();
      if (actor)
        ctx.propose({
          type: "PARTICIPATED_IN",
          from: actor.cluster,
          to: e.cluster,
          sentence: s,
          confidence: 0.7,
        });
      const about = d.about
        ? here.find(
            (p) =>
              p.cluster.kind === "Nation" &&
              p.mention.start > e.mention.end &&
              ctx.text.startsWith(d.about ?? "", p.mention.start),
          )
        : undefined;
      if (about)
        ctx.propose({
          type: "ABOUT",
          from: e.cluster,
          to: about.cluster,
          sentence: s,
          confidence: 0.7,
        });
    }
    if (d.category !== "VISIT") continue;
    // "a visit by X": the first mention after "by"
    const by = here.find(
      (p) =>
        p.mention.start >= e.mention.end &&
        /^\s+by\s+(?:the\s+)?$/.test(ctx.text.slice(e.mention.end, p.mention.start)),
    );
    if (by && isActor(by))
      ctx.propose({
        type: "PARTICIPATED_IN",
        from: by.cluster,
        to: e.cluster,
        sentence: s,
        confidence: 0.7,
      });
    else if (by && by.cluster.kind === "Mission")
      ctx.propose({ type: "ABOUT", from: e.cluster, to: by.cluster, sentence: s, confidence: 0.7 });
    // "... arrived in Estonia this weekend as part of a visit by ...": the visit is there
    const arrived = here.find(
      (p) =>
        (p.cluster.kind === "Place" || p.cluster.kind === "Nation") &&
        !p.mention.demonym &&
        p.mention.end <= e.mention.start &&
        /\b(?:arrived|arrive|arrives|arriving|docked|landed)\s+(?:in|at)\s+(?:the\s+)?$/.test(
          ctx.text.slice(Math.max(s.start, p.mention.start - 30), p.mention.start),
        ) &&
        /^[^.;]*\bas part of\s+(?:a|an)\s+$/.test(
          ctx.text
            .slice(p.mention.end, e.mention.start)
            .replace(
              /(?:official|state|working|port|two-day|three-day|brief|short|surprise)\s+$/,
              "",
            ),
        ),
    );
    if (arrived)
      ctx.propose({
        type: "LOCATED_IN",
        from: e.cluster,
        to: arrived.cluster,
        sentence: s,
        confidence: 0.7,
      });
  }
}
