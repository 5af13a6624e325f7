/**
 * A government named by the person who leads it: "Hungarian Prime Minister Viktor Orban’s
 * Government", "Chancellor Scholz's government", "the Tusk government". A reader records the
 * nation's government ("Government of Hungary", as "Hungary's government" is named); whose it is
 * comes from the title's demonym or nation right before the name, else from what any reader knows
 * of who heads which government (src/extract/office-holders.ts). A possessive of a name nobody
 * heads a government of ("Smith's government") names none.
 */
import { GAZETTEER, type KnownEntity, NATION_BY_KEY } from "./gazetteer.js";
import { slug } from "./keys.js";
import { holderBySurname, knownPerson, officeOwner } from "./office-holders.js";
import type { TextSpan } from "./types.js";

/** A government mention, with the fields mentions.ts claims as they are. */
export interface GovernmentMention extends TextSpan {
  text: string;
  kind: "Organization";
  name: string;
  key: string;
  properties: { category: "GOVERNMENT" };
  involves?: KnownEntity[];
}

const NAME = "\\p{Lu}[\\p{L}’'.-]+(?:\\s\\p{Lu}[\\p{L}’'.-]+){0,3}";
/** "Viktor Orban’s Government", "the Tusk government", "Orbán's cabinet". */
const PERSONS_GOVERNMENT_RE = new RegExp(
  `(?<![\\p{L}’'.-])(?:(${NAME})(?:’s|'s)|the\\s+(${NAME}))\\s+([Gg]overnment|[Cc]abinet|[Aa]dministration)(?![\\p{L}])`,
  "gu",
);
const NATION_FORMS = GAZETTEER.filter((g) => g.entity.kind === "Nation");
const HEADS = ["Prime Minister", "President", "Chancellor"];
const TITLE = /^(?:Prime|Minister|President|Chancellor|Premier|Deputy|Vice|Acting|Former)$/;

/** The nation a title before `start` names: "Hungarian Prime Minister " -> Hungary. */
function nationOfTitle(text: string, start: number): KnownEntity | undefined {
  const before = text.slice(Math.max(0, start - 40), start);
  const title = /(\p{Lu}[\p{L}.]+)\s+(?:Prime Minister|President|Chancellor|Premier)\s+$/u.exec(
    before,
  );
  const word = title?.[1];
  return word ? NATION_FORMS.find((g) => g.form === word)?.entity : undefined;
}

/** The nation whose government `name` heads, as the office-holders table knows it. */
function nationHeadedBy(name: string, year: number | undefined): KnownEntity | undefined {
  const words = name.split(/\s+/);
  const full =
    words.length > 1
      ? knownPerson(name)
      : HEADS.map((h) => holderBySurname(name, h, year)).find((x) => x !== undefined);
  if (!full) return undefined;
  const owner = HEADS.map((h) => officeOwner(full, h, year)).find((x) => x !== undefined);
  return owner ? NATION_BY_KEY.get(owner) : undefined;
}

/** Governments named by their head in `text`, published in `year` where known. */
export function personsGovernments(text: string, year: number | undefined): GovernmentMention[] {
  const out: GovernmentMention[] = [];
  for (const m of text.matchAll(PERSONS_GOVERNMENT_RE)) {
    // "Prime Minister Viktor Orban’s": the title's words are no part of the name
    const words = (m[1] ?? m[2] ?? "").split(/\s+/);
    while (
      words.length > 1 &&
      (TITLE.test(words[0] ?? "") || NATION_FORMS.some((g) => g.form === words[0]))
    )
      words.shift();
    const name = words.join(" ");
    // "Hungary's government" and "the Hungarian government" are named by their nation elsewhere
    if (NATION_FORMS.some((g) => g.form === name)) continue;
    const nameAt = m.index + m[0].indexOf(name);
    const nation = nationOfTitle(text, nameAt) ?? nationHeadedBy(name, year);
    if (!nation) continue;
    // the mention is the head noun: the person's name stays a mention of its own
    const start = m.index + m[0].length - (m[3] ?? "").length;
    const body = (m[3] ?? "").toLowerCase() === "cabinet" ? "Cabinet" : "Government";
    out.push({
      start,
      end: m.index + m[0].length,
      text: text.slice(start, m.index + m[0].length),
      kind: "Organization",
      name: `${body} of ${nation.name}`,
      key: slug(`${body} of ${nation.name}`),
      properties: { category: "GOVERNMENT" },
      involves: [nation],
    });
  }
  return out;
}

/**
 * A ministry named in its own language, as photo credits and quoted releases give it: "Ministero
 * della Difesa", "Ministerio de Defensa", "Ministère des Armées", "Ministerstwo Obrony Narodowej",
 * "Bundesministerium der Verteidigung": an organisation named as written, not a person (the
 * particles "della", "de", "der" made it read as one).
 */
const MINISTRY_RE =
  /(?<![\p{L}])(?:Ministero|Ministerio|Ministère|Ministério|Ministerium|Ministerstvo|Ministerstwo|Bundesministerium|Ministerie|Ministeriet)(?:\s+(?:della|delle|dello|del|de|des|du|da|do|dos|das|der|für|van|voor|la|le|les|l’|l')?\s*\p{Lu}[\p{L}-]+){1,4}/gu;

/** Ministries named in their own language in `text`. */
export function ministriesAsWritten(text: string): GovernmentMention[] {
  return [...text.matchAll(MINISTRY_RE)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
    kind: "Organization" as const,
    name: m[0],
    key: slug(m[0]),
    properties: { category: "GOVERNMENT" as const },
  }));
}
