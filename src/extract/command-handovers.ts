/**
 * Who takes command when command is handed over (extwild28): "Captain X of the Turkish Navy
 * turned command of the group over to Captain Y of the Hellenic Navy", "Y took over command from
 * X", "Upon assuming command, Captain Y stressed ...", "Y assumed command": Y leads the mission
 * the sentence names, else the article's one mission or the one the sentence before named
 * (inferred). The one who hands over is given nothing here (the text says they no longer lead).
 * Sentences naming the mission after "command of" are read by relations.ts's LEAD_VERB already.
 */
import type { Context, Placed } from "./context.js";
import type { Cluster } from "./link.js";
import { missionReader } from "./sentence-mission.js";
import type { Sentence } from "./sentences.js";

/** Command handed to the person after: "turned command of the group over to", "handed over command to". */
const HANDED_TO =
  /\b(?:turn(?:s|ed|ing)?|hand(?:s|ed|ing)?|pass(?:es|ed|ing)?|transferr?(?:s|ed|ing)?|relinquish(?:es|ed|ing)?|gave|give[sn]?|giving)\s+(?:over\s+)?(?:the\s+|his\s+|her\s+)?command(?:\s+of\s+(?:the\s+)?(?:group|task\s+group|task\s+force|flotilla|mission|force|squadron|formation))?\s+(?:over\s+)?to\s+(?:the\s+(?:incoming|new)\s+commander,?\s+)?(?:\p{Lu}[\p{L}.]*\s+){0,3}$/iu;
/** Command taken by the person before: "took over command from", "assumed command", "took command". */
const TOOK =
  /^\s*(?:,\s*)?(?:(?:has|had|will|formally|officially|then|now)\s+)*(?:t(?:ook|akes?|aking|aken)\s+(?:over\s+)?(?:the\s+)?command|assum(?:ed|es|ing?)\s+(?:the\s+)?command)(?!\s+of\b)/i;
/** "Upon assuming command, Y", "After taking over command of the group, Y": the person after. */
const UPON =
  /\b(?:[Uu]pon|[Aa]fter|[Oo]n)\s+(?:assuming|taking(?:\s+over)?)\s+(?:the\s+)?command(?:\s+of\s+(?:the\s+)?(?:group|task\s+group|task\s+force|flotilla|mission|force|squadron))?\s*,\s*(?:(?:\p{Lu}[\p{L}.]*|the)\s+){0,4}$/u;

export function commandHandovers(
  ctx: Context,
  only: Cluster | undefined,
): (s: Sentence, here: readonly Placed[]) => void {
  return missionReader(only, (s, here, of) => {
    if (!of || !/\bcommand\b/i.test(s.text)) return;
    // where the next person starts, for each mention (one pass back: linear)
    const nextPerson: number[] = [];
    for (let j = here.length - 1, at = s.end; j >= 0; j--) {
      nextPerson[j] = at;
      const x = here[j] as Placed;
      if (x.cluster.kind === "Person") at = x.mention.start;
    }
    for (const [i, p] of here.entries()) {
      if (p.cluster.kind !== "Person") continue;
      const before = ctx.text.slice(Math.max(s.start, p.mention.start - 90), p.mention.start);
      // the person the command goes to: after "... command ... over to", or "Upon assuming command,"
      let takes = HANDED_TO.test(before) || UPON.test(before);
      if (!takes) {
        // the person before "took over command (from X)": the subject (the next person mention
        // lies beyond the verb; a title or "of the Hellenic Navy" may stand between)
        const stop = nextPerson[i] ?? s.end;
        let after = ctx.text.slice(p.mention.end, Math.min(stop, p.mention.end + 120));
        after = after.replace(/^\s*(?:\([^()]{0,20}\)|of\s+the\s+(?:\p{Lu}[\p{L}-]*\s*)+)/u, "");
        takes = TOOK.test(after) && !/\b(?:from|to)\s+$/i.test(before);
      }
      if (!takes) continue;
      ctx.propose({
        type: "LEADS",
        from: p.cluster,
        to: of.mission,
        properties: { role: "Commander" },
        sentence: s,
        inferred: !of.named,
        confidence: 0.7,
      });
    }
  });
}
