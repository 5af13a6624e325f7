/**
 * A place written as lying in another: "Camp Kosciuszko in Poznan", "the Tapa base in northern
 * Estonia", "Adazi, in Latvia": LOCATED_IN, stated. Only two place mentions with nothing but "in"
 * (and a compass word) between them: "a meeting in Riga" is an event, "troops in Latvia" no place.
 */
import { type Context, placedIn } from "./context.js";
import { capitalOf } from "./gazetteer.js";

const IN_BETWEEN =
  /^,?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-east|north-west|south-east|south-west)(?:ern)?\s+)?$/i;

export function placeInPlace(ctx: Context): void {
  for (const s of ctx.sentences) {
    const here = placedIn(s, ctx.placed);
    for (let i = 0; i + 1 < here.length; i++) {
      const inner = here[i];
      const outer = here[i + 1];
      if (!inner || !outer || inner.cluster.kind !== "Place") continue;
      if (outer.cluster.kind !== "Place" && outer.cluster.kind !== "Nation") continue;
      if (outer.mention.demonym || inner.cluster === outer.cluster) continue;
      if (!IN_BETWEEN.test(ctx.text.slice(inner.mention.end, outer.mention.start))) continue;
      // "in Latvia's east": a region of it the text does not name as a place
      if (/^['’]s\b/.test(ctx.text.slice(outer.mention.end, outer.mention.end + 3))) continue;
      // a capital lies in its nation only: "talks between Riga and Vilnius in Brussels" are the
      // governments' talks, held in Brussels
      const nation = capitalOf(inner.cluster.key);
      if (nation && nation.key !== outer.cluster.key) continue;
      ctx.propose({
        type: "LOCATED_IN",
        from: inner.cluster,
        to: outer.cluster,
        sentence: s,
        confidence: 0.8,
      });
    }
  }
}
