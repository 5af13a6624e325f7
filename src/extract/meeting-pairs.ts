/**
 * A meeting told by a pair and an intransitive verb (issue 25, twelfth pass): "Estonian Prime
 * Minister Kaja Kallas and Finnish President Alexander Stubb met in Tallinn on Monday". The verb
 * has no person after it, so relations.ts's meeting reader finds no one met; the person joined to
 * the subject by "and" (past the second one's title) is the other party. Not when the verb has an
 * object ("A and B met their counterparts", "met with the troops"): then they are not meeting
 * each other.
 */
import type { Context, Placed } from "./context.js";
import { titleGap } from "./quotations.js";

/** After an intransitive "met": a place, a time, or the sentence's end, not an object. */
const NO_OBJECT =
  /^(?:in|on|at|for|during|last|this|earlier|yesterday|today|late|early|briefly|again|privately|separately|behind|twice|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b|^[,.;]/;

/**
 * The person coordinated with `subject` before a verb (`verb`, the matched words, ending at
 * `objAt`) that takes no object, or undefined. `who` are the sentence's people, in text order.
 */
export function pairBefore(
  ctx: Context,
  who: readonly Placed[],
  subject: Placed,
  objAt: number,
  verb: string,
): Placed | undefined {
  // "A and B met in Tallinn", "A and B held talks in Tallinn", "had a bilateral meeting on Monday"
  if (
    !/^(?:met|meet|meets|(?:held|holds|hold|had)\s+(?:[\p{L}-]+\s+){0,3}(?:talks|meeting|meetings))\s+$/u.test(
      verb,
    )
  )
    return undefined;
  if (!NO_OBJECT.test(ctx.text.slice(objAt, objAt + 20))) return undefined;
  const before = who.filter(
    (p) => p.mention.end <= subject.mention.start && p.cluster !== subject.cluster,
  );
  const other = before[before.length - 1];
  if (!other) return undefined;
  const gap = ctx.text.slice(other.mention.end, subject.mention.start);
  const joint = /^\s+and\s+/.exec(gap);
  return joint && titleGap(` ${gap.slice(joint[0].length)}`) ? other : undefined;
}
