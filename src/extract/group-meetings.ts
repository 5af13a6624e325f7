/**
 * Meetings of a group's ministers (twenty-third pass): "the meeting of foreign ministers of
 * Nordic and Baltic countries", "the Nordic defence ministers' meeting in Oslo", "Baltic defence
 * ministers met in Riga". The alliance's and the Union's own ("NATO defence ministers' meeting")
 * are read in mentions.ts; this reads any other group named by capitalised words (a region, a
 * format such as "Visegrad Group" or "Bucharest Nine"), never a nation's name or adjective ("the
 * Polish and Lithuanian defence ministers met" is two people meeting, told by the meeting rules).
 */

/** One meeting told; offsets index the text. */
export interface GroupMeeting {
  start: number;
  end: number;
  text: string;
  /** "Nordic and Baltic foreign ministers' meeting" */
  name: string;
}

/** A group's capitalised words: "Nordic", "Baltic, Nordic and Visegrad Group", "Nordic-Baltic". */
const GROUP = String.raw`((?:\p{Lu}[\p{L}\d-]*|B9|N8)(?:(?:,\s+|\s+and\s+|\s+)(?:\p{Lu}[\p{L}\d-]*|B9|N8)){0,4})`;
const PORTFOLIO = "([Dd]efen[cs]e|[Ff]oreign|[Ff]inance)";
const GATHERING = "(?:meeting|session|gathering|conference|summit)";

const GROUP_MEETING_RE = new RegExp(
  [
    // "the meeting of foreign ministers of Baltic, Nordic and Visegrad Group countries"
    String.raw`\b${GATHERING}\s+of\s+(?:the\s+)?${PORTFOLIO}\s+ministers\s+(?:of|from)\s+(?:the\s+)?${GROUP}(?:\s+(?:countries|states|nations|allies|members))?`,
    // "a meeting of the Nordic defence ministers" (past "of", a gathering's body)
    String.raw`\b${GATHERING}\s+of\s+(?:the\s+)?${GROUP}\s+${PORTFOLIO}\s+ministers(?!['’]?\s+(?:meeting|talks))`,
    // "the Nordic defence ministers' meeting"
    String.raw`(?<![\p{L}\d-])${GROUP}\s+${PORTFOLIO}\s+ministers['’]?\s+(?:meeting|talks|ministerial)`,
    // "Baltic defence ministers met in Riga", "Nordic foreign ministers will gather"
    String.raw`(?<![\p{L}\d-])${GROUP}\s+${PORTFOLIO}\s+ministers(?=\s+(?:will\s+|are\s+to\s+|were\s+to\s+)?(?:meet|met|meets|gather|gathered|convene|convened|(?:hold|holds|held)\s+(?:a\s+|an\s+|their\s+)?(?:meeting|talks|session))\b)`,
  ].join("|"),
  "gu",
);

/** Bodies mentions.ts reads itself ("NATO defence ministers' meeting"). */
const OWN_BODIES = /^(?:NATO|EU|G7|G20|OSCE)$/;
/** Capitalised words that are no group: a sentence's first word, a day, a month, a title. */
const NOT_GROUP_WORDS =
  /^(?:The|A|An|This|That|These|Those|Their|Its|Our|When|After|Before|While|As|At|In|On|Last|Next|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Minister|Ministers|Defen[cs]e|Foreign|Finance)$/;

/**
 * The group ministers' meetings `text` tells of. `isNationWord` says whether a word names a
 * nation or is its adjective ("Poland", "Polish"): a group with one is no group of this kind.
 */
export function groupMeetings(
  text: string,
  isNationWord: (word: string) => boolean,
): GroupMeeting[] {
  const out: GroupMeeting[] = [];
  for (const m of text.matchAll(GROUP_MEETING_RE)) {
    const written = m[2] ?? m[3] ?? m[5] ?? m[7] ?? "";
    const portfolio = (m[1] ?? m[4] ?? m[6] ?? m[8] ?? "")
      .toLowerCase()
      .replace("defense", "defence");
    // "The Nordic defence ministers' meeting": the sentence's first word is no part of the group
    const lead = /^(?:\p{Lu}[\p{L}-]*(?:,\s+|\s+and\s+|\s+))+/u
      .exec(written)?.[0]
      .split(/,\s+|\s+and\s+|\s+/)
      .filter((w) => w.length > 0);
    let skip = 0;
    for (const w of lead ?? []) {
      if (!NOT_GROUP_WORDS.test(w)) break;
      skip = written.indexOf(w, skip) + w.length;
    }
    const group = written
      .slice(skip)
      .replace(/^(?:,\s+|\s+and\s+|\s+)/, "")
      .trim();
    const words = group.split(/,\s+|\s+and\s+|\s+/).filter((w) => w.length > 0);
    if (words.length === 0 || OWN_BODIES.test(group)) continue;
    if (words.some((w) => NOT_GROUP_WORDS.test(w) || isNationWord(w))) continue;
    // the mention starts at the gathering's noun, or at the group where the group comes first
    const at = m.index ?? 0;
    const start = m[1] !== undefined || m[3] !== undefined ? at : at + m[0].indexOf(group, skip);
    const end = at + m[0].length;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      name: `${group} ${portfolio} ministers' meeting`,
    });
  }
  return out;
}
