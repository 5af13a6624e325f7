/**
 * A NATO member the article names is taken for a member of the alliance (an inferred MEMBER_OF),
 * as the golds of both sets annotate it, except where the text says it is none: "non-NATO
 * countries Finland and Sweden", "non-NATO Sweden". (Keeping the inference to sentences that speak
 * of the alliance was tried in the twelfth pass: it removed 3 wrong held-out relations and 13
 * right ones; see test/fixtures/extract/README.md.)
 */
import type { Context, Placed } from "./context.js";

/** "non-NATO countries Finland and Sweden": a nation written after "non-NATO" in its sentence. */
const NON_MEMBER = /\bnon-?\s?(?:NATO|[Aa]lliance)\b[^.;:!?]{0,60}$/;

/** The first mention of a nation the text does not write as a non-member, if any. */
export function membershipMention(ctx: Context, mentions: readonly Placed[]): Placed | undefined {
  return mentions.find((p) => {
    const s = ctx.sentences.find((x) => x.start <= p.mention.start && p.mention.start < x.end);
    return s !== undefined && !NON_MEMBER.test(ctx.text.slice(s.start, p.mention.start));
  });
}

/** "non-NATO countries": the alliance named to say who is not in it. */
export const negatedAlliance = (text: string, start: number): boolean =>
  /\bnon-?\s?$/i.test(text.slice(Math.max(0, start - 5), start));
