/**
 * A nation's contribution told as a noun (extwild28): "Canada would renew its contribution to NATO
 * through Operation REASSURANCE", "Canada will extend its contribution to Operation Reassurance",
 * "part of Canada’s contribution to the NATO battle group in Latvia": the nation contributes to the
 * mission named right after the phrase (the tune golds record Canada CONTRIBUTES_TO Operation
 * Reassurance so).
 */
import type { Context, Placed } from "./context.js";
import type { Sentence } from "./sentences.js";

/** "its/their (military) contribution(s) (to NATO) through/to/in (the) " ending at the mission. */
const ITS_CONTRIBUTION =
  /\b(?:its|their)\s+(?:[\p{L}-]+\s+){0,2}contributions?\s+(?:to\s+(?:NATO|the\s+[Aa]lliance)\s+)?(?:through|to|in|via)\s+(?:the\s+)?(?:NATO['’]s\s+)?$/u;
/** "’s (military) contribution(s) to/in (the) " right after the nation, ending at the mission. */
const NATIONS_CONTRIBUTION =
  /^['’]s\s+(?:[\p{L}-]+\s+){0,2}contributions?\s+(?:to\s+(?:NATO|the\s+[Aa]lliance)\s+)?(?:through|to|in|via)\s+(?:the\s+)?(?:NATO['’]s\s+)?$/u;

export function contributionPhrases(ctx: Context, s: Sentence, here: readonly Placed[]): void {
  let nation: Placed | undefined;
  for (const p of here) {
    if (p.cluster.kind === "Nation" && !p.mention.demonym) {
      nation = p;
      continue;
    }
    if (p.cluster.kind !== "Mission" || !nation) continue;
    const gap = ctx.text.slice(nation.mention.end, p.mention.start);
    if (gap.length > 100) continue;
    const possessive = NATIONS_CONTRIBUTION.test(gap);
    // "Canada would renew its contribution ...": its owner the nation before, in one clause
    const its =
      !possessive &&
      ITS_CONTRIBUTION.test(gap) &&
      !/[;:]|\b(?:and|but|while|whereas)\s/.test(gap.slice(0, gap.search(/\b(?:its|their)\s/)));
    if (!possessive && !its) continue;
    ctx.propose({
      type: "CONTRIBUTES_TO",
      from: nation.cluster,
      to: p.cluster,
      sentence: s,
      confidence: 0.7,
    });
  }
}
