/**
 * Command handed over (extwild28, extgen31): "Captain X of the Turkish Navy turned command of the
 * group over to Captain Y of the Hellenic Navy", "X handed over command of M to Y", "Y took over
 * command (of M) from X", "Y succeeds X as commander of M", "Upon assuming command, Captain Y
 * stressed ...", "X relinquished command": Y leads the mission the sentence names, else the
 * article's one mission or the one the sentence before named (inferred).
 *
 * The one who hands over (X) did lead the mission, until the handover: X's LEADS is drafted with
 * `until` the handover's date (the sentence's date, resolved against the publication date) and
 * Y's with `since` it. With no date in the sentence, X's LEADS is not drafted and any X LEADS
 * the mission another sentence gives ("X, commander of M, handed over command") is left out of
 * the draft: an open LEADS says X leads it still, which the text denies, and no date can close
 * it (index.ts applies these through Proposal.closes).
 */
import type { Context, Placed } from "./context.js";
import type { Cluster } from "./link.js";
import { missionReader } from "./sentence-mission.js";
import type { Sentence } from "./sentences.js";

/** "command", "command of the group", "command of Standing NATO Maritime Group Two". */
const COMMAND_OF = String.raw`(?:the\s+|his\s+|her\s+|its\s+)?(?:command|leadership|lead)(?:\s+of\s+[^.;:!?]{1,90}?)?`;
/** Command handed to the person after: "turned command of the group over to", "handed over command of M to". */
const HANDED_TO = new RegExp(
  String.raw`\b(?:turn(?:s|ed|ing)?|hand(?:s|ed|ing)?|pass(?:es|ed|ing)?|transferr?(?:s|ed|ing)?|relinquish(?:es|ed|ing)?|gave|give[sn]?|giving)\s+(?:over\s+)?${COMMAND_OF}\s+(?:over\s+)?to\s+(?:the\s+(?:incoming|new)\s+commander,?\s+)?(?:\p{Lu}[\p{L}.-]*\s+){0,3}$`,
  "iu",
);
/** Command taken by the person before: "took over command from", "assumed command", "took command". */
const TOOK =
  /^\s*(?:,\s*)?(?:(?:has|had|will|formally|officially|then|now)\s+)*(?:t(?:ook|akes?|aking|aken)\s+(?:over\s+)?(?:the\s+)?(?:command|leadership|lead)|assum(?:ed|es|ing?)\s+(?:the\s+)?(?:command|leadership|lead))(?!\s+of\b)/i;
/** The same with the mission named after it ("took over command of M"), read when the sentence names M. */
const TOOK_OF =
  /^\s*(?:,\s*)?(?:(?:has|had|will|formally|officially|then|now)\s+)*(?:t(?:ook|akes?|aking|aken)\s+(?:over\s+)?(?:the\s+)?(?:command|leadership|lead)|assum(?:ed|es|ing?)\s+(?:the\s+)?(?:command|leadership|lead))\b/i;
/** "Upon assuming command, Y", "After taking over command of the group, Y": the person after. */
const UPON =
  /\b(?:[Uu]pon|[Aa]fter|[Oo]n)\s+(?:assuming|taking(?:\s+over)?)\s+(?:the\s+)?command(?:\s+of\s+(?:the\s+)?(?:group|task\s+group|task\s+force|flotilla|mission|force|squadron))?\s*,\s*(?:(?:\p{Lu}[\p{L}.]*|the)\s+){0,4}$/u;
/** The person before hands command over: "X (, commander of M,) handed over command", "X relinquished command". */
const HANDS_OVER = new RegExp(
  String.raw`^\s*(?:,[^,]{1,90},\s*|\([^()]{0,20}\)\s*|,\s*)?(?:(?:has|had|will|formally|officially|then|now|is\s+to|is\s+set\s+to|is\s+due\s+to)\s+)*(?:(?:turn(?:s|ed|ing)?|hand(?:s|ed|ing)?|pass(?:es|ed|ing)?|transferr?(?:s|ed|ing)?|gave|give[sn]?)\s+(?:over\s+)?${COMMAND_OF}\s+(?:over\s+)?to\b|relinquish(?:es|ed|ing)?\s+${COMMAND_OF}|g(?:ave|ives?|iving)\s+up\s+${COMMAND_OF})`,
  "iu",
);
/** The person after hands command over to the subject: "Y took over command (of M) from X". */
const TAKEN_FROM = new RegExp(
  String.raw`\b(?:t(?:ook|akes?|aking|aken)\s+(?:over\s+)?|assum(?:ed|es|ing?)\s+)${COMMAND_OF}\s+from\s+(?:\p{Lu}[\p{L}.-]*\s+){0,3}$`,
  "iu",
);
/** "Y succeeds X as commander (of M)", "Y replaced X as commander": X is the person after the verb. */
const SUCCEEDS =
  /\b(?:succeed(?:s|ed|ing)?|replac(?:es|ed|ing|e)|reliev(?:es|ed|ing|e))\s+(?:\p{Lu}[\p{L}.-]*\s+){0,3}$/u;
const AS_COMMANDER =
  /^\s*(?:\([^()]{0,20}\)\s*)?,?\s*as\s+(?:the\s+)?(?:\p{L}+\s+)?(?:commander|head|leader)\b/iu;

/** Right before a verb: the handover is to come ("will", "is to", "is set to", "is due to"). */
const TO_COME_BEFORE =
  /\b(?:will|shall|(?:is|are)\s+(?:set\s+|due\s+|expected\s+|scheduled\s+|going\s+)?to)\s+(?:(?:formally|officially)\s+)?$/i;

export function commandHandovers(
  ctx: Context,
  only: Cluster | undefined,
): (s: Sentence, here: readonly Placed[]) => void {
  return missionReader(only, (s, here, of) => {
    if (!of || !/\b(?:command|commander|leadership|lead)\b/i.test(s.text)) return;
    // the handover's date: the sentence's one date, if it gives one ("since January" is not it)
    const dated = ctx.dates.filter(
      (d) =>
        d.start >= s.start &&
        d.end <= s.end &&
        !/\b(?:since|from|until|till)\s+$/i.test(
          ctx.text.slice(Math.max(s.start, d.start - 8), d.start),
        ),
    );
    const date = dated.length === 1 ? dated[0]?.date : undefined;
    // where the next person starts, for each mention (one pass back: linear)
    const nextPerson: number[] = [];
    for (let j = here.length - 1, at = s.end; j >= 0; j--) {
      nextPerson[j] = at;
      const x = here[j] as Placed;
      if (x.cluster.kind === "Person") at = x.mention.start;
    }
    const persons = here.filter((p) => p.cluster.kind === "Person");
    for (const [i, p] of here.entries()) {
      // a lead nation hands the lead over as a commander hands command ("Poland handed over the
      // lead of Baltic Air Policing to Germany"): no role, and only with a word of handing over
      const nation = p.cluster.kind === "Nation" && !p.mention.demonym;
      if (p.cluster.kind !== "Person" && !nation) continue;
      const before = ctx.text.slice(Math.max(s.start, p.mention.start - 160), p.mention.start);
      const stop = nextPerson[i] ?? s.end;
      const afterAll = ctx.text.slice(p.mention.end, Math.min(s.end, p.mention.end + 160));
      let after = ctx.text.slice(p.mention.end, Math.min(stop, p.mention.end + 120));
      after = after.replace(/^\s*(?:\([^()]{0,20}\)|of\s+the\s+(?:\p{Lu}[\p{L}-]*\s*)+)/u, "");
      // the one who leaves: "X handed over command", "took over command from X", "succeeds X as commander"
      const leaves =
        HANDS_OVER.test(afterAll.replace(/^\s*of\s+the\s+(?:\p{Lu}[\p{L}-]*\s*)+/u, "")) ||
        TAKEN_FROM.test(before) ||
        (SUCCEEDS.test(before) && AS_COMMANDER.test(afterAll));
      if (leaves) {
        ctx.propose({
          type: "LEADS",
          from: p.cluster,
          to: of.mission,
          properties: {
            ...(nation ? {} : { role: "Commander" }),
            ...(date ? { until: date } : {}),
          },
          sentence: s,
          inferred: !of.named,
          confidence: 0.7,
          closes: date ? { until: date } : { until: null },
        });
        continue;
      }
      // the person the command goes to: after "... command ... over to", or "Upon assuming command,"
      const handed = HANDED_TO.exec(before);
      // a handover to come ("X will hand over command to Y", "Y will take over command of M in
      // June"): Y does not lead M yet, and the vocabulary has no planned LEADS: nothing drafted
      if (handed && TO_COME_BEFORE.test(before.slice(0, handed.index))) continue;
      let takes = handed !== null || UPON.test(before);
      if (!takes) {
        // the person before "took over command (from X)": the subject (the next person mention
        // lies beyond the verb; a title or "of the Hellenic Navy" may stand between)
        const took = (of.named ? TOOK_OF : TOOK).exec(after);
        if (took && /\b(?:will|shall)\b/i.test(took[0])) continue;
        takes =
          took !== null &&
          !/\b(?:from|to)\s+$/i.test(before) &&
          // a nation "took the lead" in anything: only "took over" hands a lead over
          (!nation ||
            /^\s*(?:,\s*)?(?:\w+\s+){0,3}?(?:took|takes?|taking|taken)\s+over\b/i.test(after));
      }
      if (!takes) {
        // "Y succeeds X as commander": Y is the subject before the verb, X the next person
        const next = persons[persons.indexOf(p) + 1];
        if (next) {
          const between = ctx.text.slice(p.mention.end, next.mention.start);
          const beyond = ctx.text.slice(next.mention.end, Math.min(s.end, next.mention.end + 80));
          takes =
            /^\s*(?:\([^()]{0,20}\)\s*)?(?:(?:has|had|will|formally|officially|then|now)\s+)*(?:succeed(?:s|ed)?|replac(?:es|ed|e)|reliev(?:es|ed|e))\s+(?:\p{Lu}[\p{L}.-]*\s+){0,3}$/u.test(
              between,
            ) && AS_COMMANDER.test(beyond);
        }
      }
      if (!takes) continue;
      ctx.propose({
        type: "LEADS",
        from: p.cluster,
        to: of.mission,
        properties: { ...(nation ? {} : { role: "Commander" }), ...(date ? { since: date } : {}) },
        sentence: s,
        inferred: !of.named,
        confidence: 0.7,
        ...(date ? { closes: { since: date } } : {}),
      });
    }
  });
}
