/**
 * Where a reader takes a NATO member named in an article for a member of the alliance the article
 * is about (an inferred MEMBER_OF): in a sentence that speaks of the alliance, its allies or one
 * of its missions, not wherever the nation is named ("troops from the US will take part in
 * Exercise Arrow in Finland" says nothing of membership). A nation written as "non-NATO" is never
 * one.
 */
import type { Context, Placed } from "./context.js";
import type { Sentence } from "./sentences.js";

/** Words by which a sentence speaks of the alliance or its members. */
const ALLIANCE_WORDS =
  /\b(?:[Aa]llies|[Aa]lly|[Aa]llied|[Aa]lliance|NATO|Nato|member states?|target|battle ?groups?|eFP)\b/;
/** "non-NATO countries Finland and Sweden", "non-NATO Sweden": the nation is no member. */
const NON_MEMBER = /\bnon-?\s?(?:NATO|[Aa]lliance)\b[^.;:!?]{0,60}$/;

/** Whether `s` speaks of the alliance: its name or its allies, or a mission the draft found there. */
function speaksOfAlliance(ctx: Context, s: Sentence): boolean {
  const words = ctx.text.slice(s.start, s.end).replace(/\bnon-?\s?NATO\b/g, "");
  if (ALLIANCE_WORDS.test(words)) return true;
  return ctx.placed.some(
    (p) => p.cluster.kind === "Mission" && p.mention.start >= s.start && p.mention.end <= s.end,
  );
}

/** The first mention of a nation in a sentence that makes it a member, if any. */
export function membershipMention(ctx: Context, mentions: readonly Placed[]): Placed | undefined {
  return mentions.find((p) => {
    const s = ctx.sentences.find((x) => x.start <= p.mention.start && p.mention.start < x.end);
    if (!s) return false;
    if (NON_MEMBER.test(ctx.text.slice(s.start, p.mention.start))) return false;
    return speaksOfAlliance(ctx, s);
  });
}

/** "non-NATO countries": the alliance named to say who is not in it. */
export const negatedAlliance = (text: string, start: number): boolean =>
  /\bnon-?\s?$/i.test(text.slice(Math.max(0, start - 5), start));
