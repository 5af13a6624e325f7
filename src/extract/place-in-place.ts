/**
 * A place written as lying in another: "Camp Kosciuszko in Poznan", "the Tapa base in northern
 * Estonia", "Adazi, in Latvia", "Mihail Kogalniceanu, Constanta County" (a region after a comma):
 * LOCATED_IN, stated. Only two place mentions with nothing but "in"
 * (and a compass word) between them: "a meeting in Riga" is an event, "troops in Latvia" no place.
 */
import { type Context, type Placed, placedIn } from "./context.js";
import { capitalOf } from "./gazetteer.js";
import { nationsNamed } from "./placement.js";

/** ", 125 kilometres east of ", ", about 120 km north-west of ": a distance from a town. */
const DISTANCE_FROM =
  /^,?\s+(?:(?:about|some|around|roughly|approximately|nearly|just)\s+)?\d[\d,.]*\s*(?:km|kilometres|kilometers|miles)\s+(?:(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)\s+)?(?:of|from)\s+$/i;

const IN_BETWEEN =
  /^,?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-east|north-west|south-east|south-west)(?:ern)?\s+)?$/i;

/** A nation's named region, by its head word: "Constanta County", "Lviv Oblast". */
const REGION = /\s(?:County|Oblast|Voivodeship|Province|Governorate)$/;

/**
 * Whether "A, B" stands in a list of places rather than naming B as where A lies: a comma or
 * "and" before A, or after B another name that is not a nation ("from Lviv, Kyiv Oblast and
 * Tartu"; but "Tapa, Harju County, Estonia").
 */
function inList(text: string, start: number, end: number, next: Placed | undefined): boolean {
  if (/(?:,|\band)\s*$/.test(text.slice(Math.max(0, start - 6), start))) return true;
  const after = text.slice(end, end + 8);
  if (!/^(?:,\s*(?:and\s+)?|\s+and\s+)\p{Lu}/u.test(after)) return false;
  return next?.cluster.kind !== "Nation" || next.mention.start > end + 8;
}

export function placeInPlace(ctx: Context): void {
  let named: Set<string> | undefined;
  for (const s of ctx.sentences) {
    const here = placedIn(s, ctx.placed);
    for (let i = 0; i + 1 < here.length; i++) {
      const inner = here[i];
      const outer = here[i + 1];
      if (!inner || !outer || inner.cluster.kind !== "Place") continue;
      // "the Graf Ignatievo base, 125 kilometres east of Sofia": near the capital, so in its
      // nation where the article names it (inferred: near is not in)
      if (
        outer.cluster.kind === "Place" &&
        DISTANCE_FROM.test(ctx.text.slice(inner.mention.end, outer.mention.start))
      ) {
        const nation = capitalOf(outer.cluster.key);
        named ??= nationsNamed(ctx);
        if (nation && named.has(nation.key) && !capitalOf(inner.cluster.key))
          ctx.propose({
            type: "LOCATED_IN",
            from: inner.cluster,
            to: ctx.entity(nation.kind, nation.key, nation.name, nation.properties),
            sentence: s,
            inferred: true,
            confidence: 0.7,
          });
        continue;
      }
      if (outer.cluster.kind !== "Place" && outer.cluster.kind !== "Nation") continue;
      if (outer.mention.demonym || inner.cluster === outer.cluster) continue;
      const between = ctx.text.slice(inner.mention.end, outer.mention.start);
      // "Mihail Kogalniceanu, Constanta County": a town, then the region it lies in
      const region =
        /^,\s+$/.test(between) &&
        REGION.test(outer.mention.text) &&
        !inList(ctx.text, inner.mention.start, outer.mention.end, here[i + 2]);
      if (!region && !IN_BETWEEN.test(between)) continue;
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
