/**
 * Events a careful reader records that the text describes rather than names (issue 25, ninth
 * pass): "a handover ceremony took place at ...", "attended a European Council meeting", "sailing
 * to the Black Sea for a NATO exercise", "as part of a visit by the Standing NATO Maritime Group 1".
 * Each is one Event mention, spanning the head noun (and its modifiers that are not a name the
 * other rules find: "NATO" in "a NATO exercise" stays the alliance's mention), named as a reader
 * would ("European Council meeting", "NATO exercise", "Handover ceremony"). Introduced by an
 * indefinite article only: "the meeting" refers to an event named before (relations.ts reads such
 * anaphora), and "a meeting" is the article's first word on it.
 */

/** One event the text describes. Offsets index the text; `text` is the span's text. */
export interface DescribedEvent {
  start: number;
  end: number;
  text: string;
  name: string;
  category: "MEETING" | "CONFERENCE" | "VISIT" | "OTHER";
}

const CEREMONY =
  /\b(?:a|an)\s+((?:(?:handover|hand-over|change-of-command|welcome|welcoming|signing|opening|closing|official|military|farewell|flag-raising|inauguration|commissioning|award|memorial|joint)\s+)*ceremony)\b/gi;

/** "a European Council meeting", "an EU foreign ministers meeting": a body's capitalised name before the head. */
const BODY_MEETING =
  /\b(?:a|an)\s+((?:(?:\p{Lu}[\p{L}-]*|EU|NATO|OSCE|G7|G20)\s+){1,4}(?:(?:defen[cs]e|foreign|finance|ministerial|cabinet|leaders['’]?|ministers['’]?)\s+){0,2})(meeting|session|conference)\b/gu;

/** "a NATO exercise", "a joint naval exercise": an exercise with no name of its own. */
const UNNAMED_EXERCISE =
  /\b(?:a|an)\s+((?:(?:NATO|allied|joint|multinational|international|military|naval|air|land|amphibious|large-scale|live-fire|combined)\s+){1,3})(exercise|drill)(?!s)\b(?!\s+(?:called|named|dubbed|code-named)\b)(?!\s+\p{Lu})/gu;

/** "a visit by the Standing NATO Maritime Group 1", "an official visit by President X". */
const VISIT_BY =
  /\b(?:a|an)\s+((?:(?:official|state|working|port|two-day|three-day|brief|short|surprise)\s+)?visit)\s+by\s+(?:the\s+)?((?:\p{Lu}[\p{L}’'-]*|NATO|\d+)(?:\s+(?:\p{Lu}[\p{L}’'-]*|NATO|of|\d+))*)/gu;

/** Words a capitalised run before "meeting" may not be: the sentence's first word, a day, a month. */
const NOT_A_BODY =
  /^(?:The|A|An|This|That|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Last|Next)$/;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The events `text` describes, in text order; overlapping finds are left to the caller's claim. */
export function describedEvents(text: string): DescribedEvent[] {
  const out: DescribedEvent[] = [];
  for (const m of text.matchAll(CEREMONY)) {
    const phrase = m[1] ?? "";
    const start = (m.index ?? 0) + m[0].length - phrase.length;
    out.push({
      start,
      end: start + phrase.length,
      text: phrase,
      name: capitalised(phrase.toLowerCase()),
      category: "OTHER",
    });
  }
  for (const m of text.matchAll(BODY_MEETING)) {
    const body = (m[1] ?? "").trim();
    const head = m[2] ?? "";
    if (body.split(/\s+/).some((w) => NOT_A_BODY.test(w))) continue;
    const start = (m.index ?? 0) + m[0].length - head.length;
    out.push({
      start,
      end: start + head.length,
      text: head,
      name: `${body} ${head}`,
      category: head === "conference" ? "CONFERENCE" : "MEETING",
    });
  }
  for (const m of text.matchAll(UNNAMED_EXERCISE)) {
    const mods = (m[1] ?? "").trim();
    const head = m[2] ?? "";
    const start = (m.index ?? 0) + m[0].length - head.length;
    out.push({
      start,
      end: start + head.length,
      text: head,
      name: capitalised(`${mods} ${head}`),
      category: "OTHER",
    });
  }
  for (const m of text.matchAll(VISIT_BY)) {
    const head = m[1] ?? "";
    const who = (m[2] ?? "").replace(/\s+(?:of)$/, "");
    const start = (m.index ?? 0) + m[0].indexOf(head);
    out.push({
      start,
      end: start + head.length,
      text: head,
      name: `${who} ${head.replace(/^.*\s/, "")}`,
      category: "VISIT",
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
