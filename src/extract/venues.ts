/**
 * Where a sentence puts the occasion someone spoke at (extclass26, class 8 of the wild drafts):
 * "said at a conference in Tallinn", "told a news conference in Riga", "at the summit in
 * Lithuania". The nation of that place is where the words were said, not whose office the speaker
 * holds: a title with no owner is not given it.
 */
import { type Context, placedIn } from "./context.js";
import { capitalOf } from "./gazetteer.js";
import type { Sentence } from "./sentences.js";

/** An occasion of speaking, then "in": the place after it is the occasion's. */
const OCCASION_IN =
  /\b(?:conference|summit|forum|meeting|briefing|dialogue|symposium|seminar|session|gathering|ceremony|event|talks)\s+(?:held\s+|taking\s+place\s+)?in\s+(?:the\s+)?$/i;

/** The keys of the nations a sentence's occasions of speaking are in (a place: its nation). */
export function venueNations(ctx: Context, s: Sentence): Set<string> {
  const out = new Set<string>();
  for (const p of placedIn(s, ctx.placed)) {
    if (p.mention.demonym || (p.cluster.kind !== "Nation" && p.cluster.kind !== "Place")) continue;
    if (!OCCASION_IN.test(ctx.text.slice(Math.max(s.start, p.mention.start - 40), p.mention.start)))
      continue;
    if (p.cluster.kind === "Nation") out.add(p.cluster.key);
    else {
      const nation =
        capitalOf(p.cluster.key) ?? p.mention.involves?.find((n) => n.kind === "Nation");
      if (nation) out.add(nation.key);
    }
  }
  return out;
}
