/**
 * A sum of money told as a thing someone announced, in a relative clause: "a 100 billion euro
 * special fund that Chancellor Olaf Scholz announced", "an aid package of EUR 500 million which
 * the government approved", "a $2 billion programme that Poland unveiled". A Pledge (money, its
 * sum and currency; proposed when it was only proposed) PLEDGED by whoever the clause says
 * announced it. A sum told as a fact ("a fund worth 100 billion euros was spent") or with no one
 * announcing it makes nothing.
 */
import { type Context, inSentence, placedIn } from "./context.js";
import { slug } from "./keys.js";
import { moneyUnit } from "./pledge-sentences.js";
import type { Sentence } from "./sentences.js";

const SUM = String.raw`(?:(?:US\$|C\$|[$€£])\s?\d[\d.,]*(?:\s*(?:billion|million|bn|m))?|(?:EUR|USD|GBP|PLN|NOK|SEK|DKK)\s?\d[\d.,]*(?:\s*(?:billion|million|bn))?|\d[\d.,]*(?:\s*|-)(?:billion|million|bn)(?:\s*|-)(?:euros?|dollars?|pounds?|zlotys?|kroner|krona|kronor))`;
/** "a 100 billion euro ($106 billion) special fund", "an aid package of EUR 500 million". */
const FUND_RE = new RegExp(
  String.raw`\ban?\s+((?:${SUM}(?:\s*\([^()]{1,30}\))?\s+(?:[a-z-]+\s+){0,3}?(?:fund|package|programme|program|budget|plan)|(?:[a-z-]+\s+){0,2}?(?:fund|package|programme|program|budget|plan)\s+(?:of|worth)\s+${SUM}))\s+(?:that|which)\s+`,
  "gu",
);
/** The clause's verb after who announced it. */
const ANNOUNCED =
  /^\s+(?:has\s+|had\s+|have\s+)?(?:also\s+)?(announced|pledged|promised|unveiled|proposed|approved|launched|set up|created)\b/;

export function fundPledges(ctx: Context, read: ReadonlySet<Sentence>): void {
  for (const s of ctx.sentences) {
    if (read.has(s) || !/\b(?:that|which)\b/.test(s.text)) continue;
    const here = placedIn(s, ctx.placed);
    for (const m of s.text.matchAll(FUND_RE)) {
      const after = s.start + (m.index ?? 0) + m[0].length;
      // who announced it: the first person, nation or body after "that", a title before it aside
      const who = here.find(
        (p) =>
          p.mention.start >= after &&
          ["Person", "Nation", "Organization"].includes(p.cluster.kind) &&
          /^(?:the\s+)?(?:\p{Lu}[\p{L}.-]*\s+){0,4}$/u.test(ctx.text.slice(after, p.mention.start)),
      );
      if (!who) continue;
      const verb = ANNOUNCED.exec(ctx.text.slice(who.mention.end, s.end));
      if (!verb) continue;
      const phrase = (m[1] as string).replace(/\s*\([^()]*\)/, "");
      const at = s.start + (m.index ?? 0) + m[0].indexOf(m[1] as string);
      const span = { start: at, end: at + (m[1] as string).length, text: m[1] as string };
      const sum = inSentence({ ...s, start: span.start, end: span.end }, ctx.quantities).find(
        (q) => q.value !== null && q.type !== "DURATION",
      );
      const props: Record<string, string | number> = {
        metric: "MONEY",
        status: verb[1] === "proposed" ? "PROPOSED" : "COMMITTED",
      };
      if (sum) props.value = sum.value as number;
      const unit = moneyUnit(phrase, who.cluster.kind === "Nation" ? who.cluster : undefined);
      if (unit) props.unit = unit;
      const owner =
        who.cluster.kind === "Person"
          ? (who.cluster.name.split(/\s+/).pop() ?? who.cluster.name)
          : who.cluster.name;
      const pledge = ctx.entity(
        "Pledge",
        slug(`${owner} ${phrase}`, 8),
        `${owner}: ${phrase}`,
        props,
        span,
      );
      ctx.propose({ type: "PLEDGED", from: who.cluster, to: pledge, sentence: s, confidence: 0.7 });
    }
  }
}
