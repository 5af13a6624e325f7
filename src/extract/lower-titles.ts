/**
 * A title in lower case between its owner and a name, as wire copy writes it: "Czech defence
 * minister Karla Slechtova", "Italian premier Giorgia Meloni", "NATO chief Mark Rutte", "Poland's
 * foreign minister Radoslaw Sikorski". Read only with an owner written just before the title (a
 * nation, a demonym, an organisation): "the company's president" or a bare "minister" says nothing
 * of whose office it is. A former holder ("former defence minister") holds no office.
 */

/** The office words, longest first; each is read as the title-cased role. */
const OFFICES = [
  "deputy prime minister",
  "prime minister",
  "foreign affairs minister",
  "defence minister",
  "defense minister",
  "foreign minister",
  "finance minister",
  "interior minister",
  "minister of defence",
  "minister of defense",
  "minister of foreign affairs",
  "defence secretary",
  "defense secretary",
  "foreign secretary",
  "secretary of state",
  "secretary-general",
  "secretary general",
  "president",
  "premier",
  "chancellor",
  "ambassador",
  "army chief",
  "military chief",
  "defence chief",
  "defense chief",
  "chief",
  "commander",
  "spokesperson",
  "spokesman",
  "spokeswoman",
  "minister",
];
const TITLE_RE = new RegExp(
  String.raw`(?<![\p{L}-])(former\s+|ex-|then-|then\s+|late\s+)?(${OFFICES.join("|")})\s+$`,
  "u",
);

/** "former US ", "ex-Polish ", "the late Czech ": a past holder, the owner between (up to three words). */
const FORMER_BEFORE_OWNER =
  /(?:(?<![\p{L}-])(?:[Ff]ormer|late)\s+|(?<![\p{L}-])(?:[Ee]x|then)-)(?:\p{Lu}[\p{L}.’'-]*\s+){1,3}$/u;

const titleCase = (s: string) =>
  s
    .replace(/(^|[\s-])(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase())
    .replace(/\bOf\b/g, "of");

/**
 * The lower-case title just before `at` (the start of a name) and where it starts, if its owner's
 * name ends just before it (`ownerEndsAt` says whether a nation or organisation ends there, with
 * or without a possessive "'s").
 */
export function lowerCaseTitle(
  text: string,
  at: number,
  ownerEndsAt: (end: number) => boolean,
): { role: string; start: number } | undefined {
  const before = text.slice(Math.max(0, at - 40), at);
  const m = TITLE_RE.exec(before);
  if (!m || m[1]) return undefined;
  const start = at - before.length + m.index;
  const owner = /(?:['’]s)?\s+$/.exec(text.slice(Math.max(0, start - 4), start));
  if (!owner || !ownerEndsAt(start - owner[0].length)) return undefined;
  // "former US president Donald Trump", "the late Polish president X": the word before the owner
  // makes the holder a past one (wild27)
  if (FORMER_BEFORE_OWNER.test(text.slice(Math.max(0, start - 40), start))) return undefined;
  // "NATO chief Mark Rutte": an organisation's chief is its head
  return { role: m[2] === "chief" ? "Head" : titleCase(m[2] as string), start };
}

/**
 * A lower-case title with no owner before it ("..., secretary general Jens Stoltenberg announced"):
 * the title-cased role, where nothing makes the holder a past one. Whose office it is only the
 * table of office holders can say (the caller asks it), so a bare "president" names no nation.
 */
export function bareLowerCaseTitle(text: string, at: number): string | undefined {
  const before = text.slice(Math.max(0, at - 40), at);
  const m = TITLE_RE.exec(before);
  if (!m || m[1]) return undefined;
  const start = at - before.length + m.index;
  // only after a clause's edge: "..., secretary general X", "said secretary general X"
  if (
    !/(?:^|[,;:(]\s*|\b(?:said|says|and|by|with|of)\s+)$/.test(
      text.slice(Math.max(0, start - 12), start),
    )
  )
    return undefined;
  if (FORMER_BEFORE_OWNER.test(text.slice(Math.max(0, start - 40), start))) return undefined;
  return m[2] === "chief" ? undefined : titleCase(m[2] as string);
}
