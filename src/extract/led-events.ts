/**
 * An exercise a nation leads (extwild28): "the Turkish-led Exercise Mavi Balina", "the
 * Norwegian-led Exercise Cold Response 2022": the nation took part in it and, where the sentence
 * places the exercise nowhere else ("... in Latvia"), hosts it and the exercise lies there (both
 * inferred), as the tune gold records "Norwegian-led Exercise Cold Response".
 */
import type { Context, Placed } from "./context.js";
import type { Sentence } from "./sentences.js";

/** "<nation>-led " (a few qualifying words may follow) right before the exercise's name. */
const LED_BEFORE =
  /^[-‐]led\s+(?:(?:NATO|multinational|international|naval|maritime|joint|annual|large-scale|major|live-fire)\s+){0,3}(?:[Ee]xercises?\s+|drills?\s+)?$/u;
/** The exercise placed by the sentence: "Exercise X in Latvia", "X 2019, held off Crete". */
const PLACED_AFTER =
  /^\s*(?:\d{2,4}\s*)?,?\s*(?:(?:held|conducted|hosted)\s+)?(?:in|at|off|near|across|over|on)\s+(?:the\s+)?\p{Lu}/u;

export function ledEvents(ctx: Context, s: Sentence, here: readonly Placed[]): void {
  for (const [i, p] of here.entries()) {
    if (p.cluster.kind !== "Event" || p.cluster.properties.category !== "OTHER") continue;
    const lead = here[i - 1];
    if (lead?.cluster.kind !== "Nation") continue;
    if (!LED_BEFORE.test(ctx.text.slice(lead.mention.end, p.mention.start))) continue;
    ctx.propose({
      type: "PARTICIPATED_IN",
      from: lead.cluster,
      to: p.cluster,
      sentence: s,
      confidence: 0.75,
    });
    if (PLACED_AFTER.test(ctx.text.slice(p.mention.end, Math.min(s.end, p.mention.end + 40))))
      continue;
    ctx.propose({
      type: "HOSTS",
      from: lead.cluster,
      to: p.cluster,
      sentence: s,
      inferred: true,
      confidence: 0.6,
    });
    ctx.propose({
      type: "LOCATED_IN",
      from: p.cluster,
      to: lead.cluster,
      sentence: s,
      inferred: true,
      confidence: 0.6,
    });
  }
}
