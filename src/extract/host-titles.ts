/**
 * Whose office a title names when the sentence tells of a visit and the titled person is the one
 * met there: "Rutte is due to visit Reykjavik in May to meet Prime Minister Kristrun
 * Frostadottir" makes her Iceland's prime minister (Reykjavik is its capital), not the prime
 * minister of the nation the article centres on. The host is the nation the visit goes to: a
 * nation named after a word of going there ("visit Latvia"), or a place that lies in one (a
 * capital, or a place written with its nation, "Adazi, Latvia").
 */
import { type Context, placedIn } from "./context.js";
import { capitalOf, type KnownEntity } from "./gazetteer.js";
import type { Cluster } from "./link.js";
import type { Sentence } from "./sentences.js";

/** A word of meeting someone just before their title and name: "to meet", "talks with", "hosted by". */
const MET =
  /\b(?:meet|meets|met|meeting|meetings|talks|talked|hosted|welcomed|received|greeted|joined)(?:\s+(?:with|by))?\s+(?:the\s+)?(?:[\p{Lu}][\p{L}.’'-]*\s+){0,5}$/u;
/** A word of going to the place just before it: "visit Reykjavik", "a trip to Latvia", "arrived in Riga". */
const GOING =
  /\b(?:visit|visits|visited|visiting|trip to|travel(?:s|s to|led to|ed to| to)|arriv(?:e|es|ed|ing) in|flew to|flies to|fly to|went to|goes to|go to|in)\s+(?:the\s+)?$/i;

/**
 * The nation hosting the person titled at `at` in sentence `s`, met on a visit the sentence tells
 * of; none when the sentence tells of no such meeting, or of visits to places in two nations.
 */
export function hostNation(ctx: Context, s: Sentence, at: number): Cluster | undefined {
  const before = ctx.text.slice(Math.max(s.start, at - 80), at);
  const met = MET.exec(before);
  if (!met) return undefined;
  const metAt = at - before.length + met.index;
  const hosts = new Map<string, KnownEntity | Cluster>();
  for (const p of placedIn(s, ctx.placed)) {
    if (p.mention.end > metAt || p.mention.demonym) continue;
    const lead = ctx.text.slice(Math.max(s.start, p.mention.start - 24), p.mention.start);
    if (!GOING.test(lead)) continue;
    if (p.cluster.kind === "Nation") hosts.set(p.cluster.key, p.cluster);
    else if (p.cluster.kind === "Place") {
      const nation =
        capitalOf(p.cluster.key) ?? p.mention.involves?.find((n) => n.kind === "Nation");
      if (nation && !hosts.has(nation.key)) hosts.set(nation.key, nation);
    }
  }
  if (hosts.size !== 1) return undefined;
  const [host] = [...hosts.values()];
  if (!host) return undefined;
  return "status" in host ? host : ctx.entity(host.kind, host.key, host.name, host.properties);
}
