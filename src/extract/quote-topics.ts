/**
 * What a quotation is about, as a reader records it (issue 25, twelfth pass): the things its words
 * name, but not a name that only qualifies another named thing there. In "the UK's further
 * commitment to Nato's Kosovo Force" the quote is about the Kosovo Force, not about NATO (whose
 * force it is) nor Kosovo (the word inside the force's name); in "the Slovak Army" it is about
 * the army, not Slovakia. The golds record the thing named, not its owner's or its name's parts.
 */
import { type Context, type Placed, placedIn } from "./context.js";
import { capitalOf } from "./gazetteer.js";
import type { Cluster } from "./link.js";
import type { Sentence } from "./sentences.js";

/**
 * Nouns a nation's adjective only qualifies: "the Kosovan president", "the Slovak Army", "the
 * Swedish contribution", "Romanian and Portuguese armed forces" are about the person, the force,
 * the contribution; "British security" is about Britain, and "their Ukrainian counterparts" about
 * Ukraine (the golds record the nation a counterpart stands for).
 */
const QUALIFIED_NOUN =
  /^\s+(?:(?:and|or|,)\s*\p{Lu}[\p{L}-]+\s+)?(?:armed\s+forces|forces|army|navy|air\s+force|troops|soldiers|servicemen|military|personnel|contingent|battalion|brigade|company|unit|president|prime\s+minister|premier|chancellor|minister|ministry|government|ambassador|contribution)\b/iu;

/** Kinds a possessor can qualify: "NATO's Kosovo Force", "the alliance's Baltic Air Policing". */
const QUALIFIED = new Set(["Mission", "Organization", "Event", "Pledge"]);

/**
 * Whether `p` (a mention inside a quotation) only qualifies another named thing of `here`: it
 * lies inside another mention's span ("Kosovo" in "Kosovo Force"), or it is a possessor right
 * before one ("Nato's Kosovo Force", "NATO’s enhanced Forward Presence"; up to two words between),
 * or a nation's adjective before a force, an office or a contribution (QUALIFIED_NOUN).
 */
export function qualifiesAnother(text: string, p: Placed, here: readonly Placed[]): boolean {
  const { start, end } = p.mention;
  if (p.mention.demonym && QUALIFIED_NOUN.test(text.slice(end, end + 60))) return true;
  for (const q of here) {
    if (q.cluster === p.cluster) continue;
    const inside =
      q.mention.start <= start &&
      end <= q.mention.end &&
      q.mention.end - q.mention.start > end - start;
    if (inside) return true;
    if (
      QUALIFIED.has(q.cluster.kind) &&
      q.mention.start > end &&
      q.mention.start - end <= 40 &&
      /^['’]s?\s+(?:[\p{Ll}-]+\s+){0,2}$/u.test(text.slice(end, q.mention.start))
    )
      return true;
  }
  return false;
}

/** A base, camp, airfield or range by its name: "Tapa Army Base", "Kadaga Camp". */
const SITE_NAME = /\b(?:[Bb]ase|Camp|Airport|Airfield|Barracks|Range|Training (?:Area|Ground))\b/u;

/**
 * A town, a capital or a base named in quoted words (nineteenth pass): where the speaker met
 * people or where something happens ("to meet our troops in Tapa", "ministers will meet in Riga
 * next week", "the jets at Siauliai Air Base"), not what the words are about; the golds record
 * none of them as a quote's topic, where a region named in quoted words ("security in Eastern
 * Europe", "the Western Balkans") is. A town is a place the text puts in a nation
 * ("Caracal, Romania"), a capital, or a site by its name. relations.ts asks this only where the
 * words name something else too: a town the words name alone ("Our brigade will stay in
 * Rovaniemi") stays their topic.
 */
export function isSiteOrTown(p: Placed): boolean {
  if (p.cluster.kind !== "Place") return false;
  return (
    capitalOf(p.cluster.key) !== undefined ||
    SITE_NAME.test(p.cluster.name) ||
    (p.mention.involves ?? []).some((n) => n.kind === "Nation")
  );
}

/**
 * A possessor before a noun in lower case, in the words around a quoted fragment: "NATO's largest
 * military exercise sends 'a clear message'" speaks of the exercise, not of NATO (nineteenth pass).
 */
export function possessorOfNoun(text: string, p: Placed): boolean {
  return /^['’]s?\s+\p{Ll}/u.test(text.slice(p.mention.end, p.mention.end + 6));
}

/**
 * The speaker of a quotation paragraph that follows `prev` with no verb of its own, when `prev`
 * reports speech by a participle or verb far from the name ("Estonian Defence Minister Hanno
 * Pevkur spoke to reporters in Tallinn on Tuesday, stressing the need ..."): the one person `prev`
 * names before the verb at `verbAt`, and no other person in the sentence at all (two people leave
 * the words to no one).
 */
export function reportingSubject(
  ctx: Context,
  prev: Sentence,
  verbAt: number,
): Cluster | undefined {
  const people = new Set(
    placedIn(prev, ctx.placed)
      .filter((p) => p.cluster.kind === "Person")
      .map((p) => p.cluster),
  );
  if (people.size !== 1) return undefined;
  const [only] = people;
  const first = ctx.placed.find((p) => p.cluster === only && p.mention.start >= prev.start);
  return first && first.mention.end <= verbAt ? only : undefined;
}
