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
  /** An exercise's year, from its name ("Steadfast Defender 2024"). */
  date?: string;
  /** Who takes part, as written right before it: the acceding or voting nation ("Finland", "Turkey"). */
  actor?: string;
  /** Whom a vote admits ("to admit Finland into NATO"): what the vote is about. */
  about?: string;
}

const CEREMONY =
  /\b(?:a|an)\s+((?:(?:handover|hand-over|change-of-command|transfer-of-authority|welcome|welcoming|send-off|departure|arrival|signing|opening|closing|official|military|farewell|flag-raising|wreath-laying|graduation|swearing-in|inauguration|commissioning|award|medal|memorial|joint)\s+)*ceremony)\b/gi;

/**
 * An incident named by its kind and its date (twentieth pass): "the March 18 crash of a U.S.
 * MV-22B Osprey", "the 3 May explosion at the depot". The date is what makes it one event a
 * reader records; "a crash of a jet" or "an attack on NATO" with no date are no named event. The
 * name runs to the first relative word, verb or punctuation after the noun's object.
 */
const MONTHS =
  "January|February|March|April|May|June|July|August|September|October|November|December";
const INCIDENT = new RegExp(
  `\\b[Tt]he\\s+((?:(?:${MONTHS})\\s+\\d{1,2}|\\d{1,2}\\s+(?:${MONTHS}))(?:,\\s+\\d{4})?\\s+(crash|collision|explosion|accident|shooting|sinking|bombing|drone attack|missile attack|incident)\\s+(of|at|near|in|on)\\s+((?:(?!(?:that|which|who|was|were|is|are|has|had|have|killed|left|in|near|on|at|during|and|after|before)\\b)[\\p{L}\\p{N}.’'-]+(?:\\s|$)){1,6}))`,
  "gu",
);

/** "a European Council meeting", "an EU foreign ministers meeting": a body's capitalised name before the head. */
const BODY_MEETING =
  /\b(?:a|an)\s+((?:(?:\p{Lu}[\p{L}-]*|EU|NATO|OSCE|G7|G20)\s+){1,4}(?:(?:defen[cs]e|foreign|finance|ministerial|cabinet|leaders['’]?|ministers['’]?)\s+){0,2})(meeting|session|conference)\b/gu;

/** "a NATO exercise", "a joint naval exercise": an exercise with no name of its own. */
const UNNAMED_EXERCISE =
  /\b(?:[Aa]n?)\s+((?:(?:NATO|allied|joint|multinational|international|military|naval|air|land|amphibious|large-scale|live-fire|combined|major|large|massive|annual|[\p{L}\d]+-(?:day|week|month)(?:-long)?|week-long|weeklong|month-long)\s+){1,3})(exercise|drill)(?!s)\b(?!\s+(?:called|named|dubbed|code-named)\b)(?!\s+\p{Lu})/gu;

/**
 * An exercise named after its head noun: "an exercise called Iron Wolf", "the drills, dubbed
 * Hedgehog", "Lithuania's largest annual drills, dubbed Iron Spear" (a nation's own), and set off
 * by commas before a verb: "The exercise, Iron Wolf, is led by ...".
 */
const NAMED_AFTER =
  /\b([Tt]he|[Aa]n?|\p{Lu}\p{L}{1,30}['’]s)\s+(?:(?:[\p{L}\d]+-(?:day|week|month)(?:-long)?|military|joint|multinational|NATO|annual|large-scale|major|largest|biggest|main|air|naval|field|international|tactical)\s+){0,3}(?:exercise|drills?|war ?games)(?:,?\s+(?:called|named|dubbed|code-named|codenamed)\s+|,\s+)["“”„«]?((?:\p{Lu}[\p{L}]*(?:-(?:\p{L}+|\d{2,4}))*|\d{4})(?:\s+(?:\p{Lu}[\p{L}]*(?:-(?:\p{L}+|\d{2,4}))*|\d{4})){0,3})["”]?(,\s+(?:is|was|will|which|has|had|involves|involving|includes|including|began|begins|runs|ran|takes|took|brings|brought|led|is being)\b)?/gu;

/** "a visit by the Standing NATO Maritime Group 1", "an official visit by President X". */
const VISIT_BY =
  /\b(?:[Aa]n?)\s+((?:(?:official|state|working|port|two-day|three-day|brief|short|surprise)\s+)?visit)\s+by\s+(?:the\s+)?((?:\p{Lu}[\p{L}’'-]*|NATO|\d+)(?:\s+(?:\p{Lu}[\p{L}’'-]*|NATO|of|\d+))*)/gu;

/**
 * "a summit of the Bucharest Nine", "an extraordinary meeting of NATO defence ministers", "a
 * session of the NATO Military Committee": a gathering of a body named after "of". The body is a
 * capitalised run that holds an acronym, a number word ("Nine") or a body's noun ("Council"), or
 * its ministers or leaders follow it; not "a meeting of Rutte and Meloni" (people meeting).
 */
const GATHERING_OF =
  /\b(?:[Aa]n?)\s+((?:(?:extraordinary|informal|special|emergency|two-day|one-day|virtual)\s+)?(meeting|summit|session|conference))\s+of\s+(?:the\s+)?((?:\p{Lu}[\p{L}\d-]*\s+){0,3}\p{Lu}[\p{L}\d-]*)(?:\s+((?:defen[cs]e|foreign|finance|prime)\s+ministers|ministers|leaders|heads\s+of\s+state(?:\s+and\s+government)?|chiefs\s+of\s+defen[cs]e))?(?![\p{L}])/gu;
const GATHERING_BODY =
  /(?:^|\s)(?:\p{Lu}{2,}\d*|Nine|Eight|Seven|Four|Three|Council|Committee|Commission|Parliament|Assembly|Group|Union|Alliance)(?:\s|$)/u;
/** Words a capitalised run before "meeting" may not be: the sentence's first word, a day, a month. */
const NOT_A_BODY =
  /^(?:The|A|An|This|That|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Last|Next)$/;

/**
 * "the Steadfast Defender 2024 exercise", "the BALTOPS exercise": an exercise named before its
 * head noun. The name is two words or more (or one in capitals), none a nation's adjective, a
 * service or the alliance ("the Polish Army exercise", "the NATO exercise" are no names).
 */
const NAMED_EXERCISE =
  /\b(?:[Tt]he|[Aa]n?|[Tt]his year['’]s|[Ll]ast year['’]s|NATO['’]s|[Tt]he [Aa]lliance['’]s)\s+(?:(?:[\p{L}\d]+-(?:day|week|month)(?:-long)?|annual|biennial|yearly|large-scale|major|multinational|international|NATO-led|allied)\s+){0,2}((?:\p{Lu}[\p{L}-]*|\d{4})(?:\s+(?:\p{Lu}[\p{L}-]*|\d{4}|'?\d\d)){0,3})\s+(?:(?:military|naval|joint|multinational|live-fire|air|land|large-scale)\s+)?(?:exercises?|drills|war ?games)\b/gu;
const NOT_AN_EXERCISE_NAME =
  /^(?:NATO|EU|US|UK|U\.S\.|Allied|Alliance|Army|Navy|Air|Force|Forces|Guard|Armed|Marine|Marines|Defen[cs]e|Military|Baltic|Nordic|Black|Sea|North|South|East|West|Eastern|Western|Annual|New|First|Second|Last|Next|This|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|\p{Lu}\p{Ll}+(?:ish|ian|ese|ic|ean|ch|an))$/u;

/**
 * A nation's accession to the alliance told as news, not history: "Finland's accession to NATO",
 * "X is officially a member of NATO", "X has joined NATO", "X became NATO's 32nd member". Not "X
 * joined NATO in 2004" (a fact of the past an article recalls, not an event it tells of).
 */
const ACCESSION_OF =
  /(?<![\p{L}-])(\p{Lu}[\p{L}-]+)(?:’s|'s)\s+((?:formal\s+|official\s+|historic\s+)?accession)\s+to\s+(?:the\s+)?(?:NATO|North Atlantic Treaty Organization|[Aa]lliance)\b/gu;
const ACCESSION_VERB =
  /(?<![\p{L}-])(\p{Lu}[\p{L}-]+)\s+((?:is|was|became|has become)\s+(?:now\s+)?(?:officially|formally)\s+(?:a\s+)?member\s+of\s+NATO|(?:has\s+)?(?:officially|formally)\s+joined\s+NATO|has\s+joined\s+NATO|became\s+NATO['’]s\s+\d+(?:st|nd|rd|th)\s+member)\b/gu;

/** "Turkey voted last week to admit Finland into NATO", "Hungary's parliament voted on Monday to ratify Sweden's accession to NATO". */
const VOTE_TO_ADMIT =
  /(?<![\p{L}-])(\p{Lu}[\p{L}-]+)(?:['’]s\s+(?:parliament|Parliament|lawmakers|legislature|National Assembly|Grand National Assembly|Senate))?(?:\s+(?:eventually|finally|also|then|unanimously|overwhelmingly|relented\s+and))*\s+(voted)\s+(?:last\s+week\s+|on\s+\p{Lu}\p{Ll}+\s+|yesterday\s+|today\s+)?to\s+(admit|approve|ratify|accept)\s+(\p{Lu}[\p{L}-]+)(?:['’]s\s+(?:accession|membership|bid|entry))?\s+(?:(?:into|to|in)\s+(?:NATO|the\s+[Aa]lliance)\b)?/gu;

const NOT_A_NATION_WORD = /^(?:The|A|An|It|This|That|He|She|They|We|NATO|After|Before|When)$/;

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The events `text` describes, in text order; overlapping finds are left to the caller's claim. */
export function describedEvents(text: string): DescribedEvent[] {
  const out: DescribedEvent[] = [];
  for (const m of text.matchAll(INCIDENT)) {
    // the mention is the date and the noun ("March 18 crash"): what crashed stays its own mention
    const kind = m[2] ?? "";
    const whole = m[1] ?? "";
    const phrase = whole.slice(0, whole.indexOf(kind) + kind.length);
    const what = `${m[3]} ${(m[4] ?? "").trim().replace(/[.,;:]$/, "")}`;
    const start = (m.index ?? 0) + m[0].indexOf(whole);
    out.push({
      start,
      end: start + phrase.length,
      text: phrase,
      name: `${capitalised(kind)} ${what}`,
      category: "OTHER",
    });
  }
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
  for (const m of text.matchAll(GATHERING_OF)) {
    const phrase = m[1] ?? "";
    const head = m[2] ?? "";
    const body = m[3] ?? "";
    const who = m[4];
    if (body.split(/\s+/).some((w) => NOT_A_BODY.test(w))) continue;
    if (!who && !GATHERING_BODY.test(body)) continue;
    const start = (m.index ?? 0) + m[0].indexOf(phrase);
    out.push({
      start,
      end: start + phrase.length,
      text: phrase,
      name: `${body}${who ? ` ${who.replace(/\s+/g, " ")}` : ""} ${head}`,
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
  for (const m of text.matchAll(NAMED_AFTER)) {
    const name = m[2] ?? "";
    const comma = !/(?:called|named|dubbed|code-named|codenamed)\s/.test(m[0]);
    // "the exercise, Pistorius said," is no name: set off by commas only before a verb of it
    if (comma && !m[3]) continue;
    const words = name.split(/\s+/);
    if (words.some((w) => NOT_AN_EXERCISE_NAME.test(w))) continue;
    const start =
      (m.index ?? 0) + m[0].indexOf(name, m[0].length - name.length - (m[3] ?? "").length - 2);
    // "The exercise, Iron Wolf," names the exercise the text told of before ("a two-week exercise")
    if (/^[Tt]he$/.test(m[1] ?? "")) {
      const told = out.findLast(
        (e) =>
          e.category === "OTHER" && e.end <= (m.index ?? 0) && /(?:exercise|drill)$/.test(e.name),
      );
      if (told) told.name = name;
    }
    out.push({ start, end: start + name.length, text: name, name, category: "OTHER" });
  }
  for (const m of text.matchAll(NAMED_EXERCISE)) {
    const name = m[1] ?? "";
    const words = name.split(/\s+/);
    if (words.some((w) => NOT_AN_EXERCISE_NAME.test(w))) continue;
    if (words.length < 2 && !/^\p{Lu}{4,}$/u.test(name)) continue;
    const start = (m.index ?? 0) + m[0].indexOf(name);
    // "the Dragon 24 exercise": a two-digit year after the name's words, as "Dragon '24"
    const year = /\b(\d{4})$|(?:'|\s)(\d\d)$/.exec(name);
    out.push({
      start,
      end: start + name.length,
      text: name,
      name,
      category: "OTHER",
      ...(year ? { date: year[1] ?? `20${year[2]}` } : {}),
    });
  }
  for (const re of [ACCESSION_OF, ACCESSION_VERB])
    for (const m of text.matchAll(re)) {
      const who = m[1] ?? "";
      const phrase = m[2] ?? "";
      if (NOT_A_NATION_WORD.test(who)) continue;
      const start = (m.index ?? 0) + m[0].indexOf(phrase, who.length);
      out.push({
        start,
        end: start + phrase.length,
        text: phrase,
        name: `${who}'s accession to NATO`,
        category: "OTHER",
        actor: who,
      });
    }
  for (const m of text.matchAll(VOTE_TO_ADMIT)) {
    const who = m[1] ?? "";
    const verb = m[3] ?? "";
    const whom = m[4] ?? "";
    if (NOT_A_NATION_WORD.test(who) || NOT_A_NATION_WORD.test(whom)) continue;
    const start = (m.index ?? 0) + m[0].indexOf("voted", who.length);
    out.push({
      start,
      end: start + "voted".length,
      text: "voted",
      name: /^(?:admit|accept)$/.test(verb)
        ? `${who}'s vote to ${verb} ${whom} into NATO`
        : `${who}'s vote to ${verb} ${whom}'s accession to NATO`,
      category: "OTHER",
      actor: who,
      about: whom,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
