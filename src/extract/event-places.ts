/**
 * An event placed by where it is held, right after its name: "the meeting of NATO ministers of
 * defence, in Brussels", "Exercise Defender in Poland", "a ceremony that will take place at NATO's
 * headquarters in Brussels": LOCATED_IN that place or nation. Only the words of holding stand
 * between ("held", "took place", "that will take place", the alliance's headquarters); a conflict
 * is not placed this way (the golds relate a war to its nations otherwise), nor an event by a
 * demonym ("the Latvian exercise").
 */
import type { Context, Placed } from "./context.js";
import { capitalOf } from "./gazetteer.js";
import type { Sentence } from "./sentences.js";

const CAPITALS = new WeakMap<Context, Set<string>>();

/** The nations whose capitals the article names as places (asked once an article). */
function capitalsNamed(ctx: Context): Set<string> {
  let found = CAPITALS.get(ctx);
  if (!found) {
    found = new Set<string>();
    for (const p of ctx.placed) {
      const nation = p.cluster.kind === "Place" ? capitalOf(p.cluster.key) : undefined;
      if (nation) found.add(nation.key);
    }
    CAPITALS.set(ctx, found);
  }
  return found;
}

const HELD_IN =
  /^,?\s+(?:(?:that|which)\s+)?(?:(?:was|were|is|are|will be|has been|had been)\s+held\s+|(?:took|takes|will take|is to take)\s+place\s+)?(?:in|at)\s+(?:the\s+)?(?:(?:NATO|[Tt]he alliance|[Aa]lliance)['’]s\s+headquarters\s+in\s+)?$/u;

export function eventPlaces(ctx: Context, s: Sentence, here: Placed[]): void {
  for (const [i, e] of here.entries()) {
    if (e.cluster.kind !== "Event" || e.cluster.properties.category === "CONFLICT") continue;
    const where = here
      .slice(i + 1, i + 4)
      .find((p) => p.cluster.kind === "Place" || p.cluster.kind === "Nation");
    if (!where || where.mention.demonym || where.cluster === e.cluster) continue;
    // "the NATO defence ministers' meeting in Brussels ... a meeting in Belgium": an event its
    // name already holds in a place is not placed again by a nation
    if (where.cluster.kind === "Nation" && / in \p{Lu}/u.test(e.cluster.name)) continue;
    // "a meeting in Belgium" where the article names Brussels: readers record the city
    if (where.cluster.kind === "Nation" && capitalsNamed(ctx).has(where.cluster.key)) continue;
    const between = ctx.text.slice(e.mention.end, where.mention.start);
    if (between.length > 60 || !HELD_IN.test(between)) continue;
    // "in Latvia's east", "in Brussels' view": a part or a voice, not the place itself
    if (/^['’]s?\b/.test(ctx.text.slice(where.mention.end, where.mention.end + 3))) continue;
    ctx.propose({
      type: "LOCATED_IN",
      from: e.cluster,
      to: where.cluster,
      sentence: s,
      confidence: 0.75,
    });
  }
}
