/**
 * Bodies named by a capitalised run that ends in (or is headed by) an organisation's head noun
 * (issue 25, extmention30): "the Danish Joint Arctic Command", "the Finnish Border Guard", "the
 * US Sixth Fleet", "the Balkan Peace Support Group", "the Defence Committee of the Estonian
 * Parliament", "the Permanent Joint Headquarters". The rules before this one read bodies whose
 * words they know; where they read nothing, or a part only ("Border Guard", the nation of
 * "Danish"), the whole run is the body's name. A general reading, not a list: any capitalised
 * words before the head, an "of" tail of capitalised words, and the owner's demonym or
 * abbreviation at its start.
 *
 * Not read: a run that holds a person's title ("Commander", "Minister": "Chief of the General
 * Staff" is an office), a run whose words are all generic ("Air Force", "Coast Guard"), a run in a
 * title-case headline, and a run a person, an event, a mission, a ship or a known body ending at
 * the head already claims part of (those rules know better).
 */

/** A body's head noun and the category it gives. */
export const BODY_HEADS: Readonly<Record<string, string>> = {
  Ministry: "GOVERNMENT",
  Department: "GOVERNMENT",
  Parliament: "GOVERNMENT",
  Agency: "GOVERNMENT",
  Directorate: "GOVERNMENT",
  Inspectorate: "GOVERNMENT",
  Secretariat: "GOVERNMENT",
  Council: "OTHER",
  Commission: "OTHER",
  Committee: "OTHER",
  Assembly: "GOVERNMENT",
  Command: "ARMED_FORCES",
  Headquarters: "ARMED_FORCES",
  Forces: "ARMED_FORCES",
  Force: "ARMED_FORCES",
  Army: "ARMED_FORCES",
  Navy: "ARMED_FORCES",
  Fleet: "ARMED_FORCES",
  Brigade: "ARMED_FORCES",
  Regiment: "ARMED_FORCES",
  Battalion: "ARMED_FORCES",
  Division: "ARMED_FORCES",
  Corps: "ARMED_FORCES",
  Squadron: "ARMED_FORCES",
  Wing: "ARMED_FORCES",
  Component: "ARMED_FORCES",
  Guard: "ARMED_FORCES",
  League: "ARMED_FORCES",
  Group: "OTHER",
  Centre: "OTHER",
  Center: "OTHER",
  Alliance: "ALLIANCE",
  Union: "OTHER",
  Institute: "OTHER",
  Academy: "OTHER",
  College: "OTHER",
};

/** Words a person's office is made of: a run with one is a title, not a body. */
const OFFICE_WORDS =
  /^(?:Commander|Commanders|Chief|Chiefs|Minister|Ministers|President|Secretary|Secretary-General|General|Head|Director|Deputy|Vice|Prime|Chairman|Chairwoman|Chair|Spokesperson|Spokesman|Spokeswoman|Ambassador|Admiral|Colonel|Major|Lieutenant|Captain|Sergeant|Mr|Mrs|Ms|Dr|Inspector|Member|Members|Officer|Officers|Senator|Governor|Mayor|King|Queen|Prince|Chancellor|Envoy|Representative|Commissioner|Speaker|Lt|Gen|Col|Maj|Brig|Adm|Capt)\.?$/;

/** Words that name no body by themselves: a run made of these and a head is too generic. */
export const GENERIC =
  /^(?:NATO|EU|UN|OSCE|US|U\.S\.|UK|U\.K\.|Allied|Alliance|Air|Armed|Land|Naval|Special|Defen[cs]e|Security|Joint|National|Foreign|Home|Military|Border|Coast|Federal|Central|Supreme|Executive|High|Main|Regional|Local|State|Allied|Combined|Operations|Support|Task|Battle|Strike|Reaction|Rapid|European|International|Army|Navy|Marine|Marines|Territorial|Reserve|Volunteer|Infantry|Mechani[sz]ed|Armou?red|Field|Forces|Force|Staff|Logistics|Cyber|Space|Intelligence|Medical|Engineer|Signal|Artillery|Police|Guard|Foreign|Affairs|Interior|Public|Education|Finance|Health|Justice|Emergency|Situations|Management|Planning|Policy|General|Permanent)$/;

/** Words that open a sentence or a clause, not a name: "The", "In", a day or a month. */
const NOT_FIRST =
  /^(?:The|A|An|In|On|At|For|From|With|By|To|Of|During|After|Before|Both|Its|Their|His|Her|Our|My|Your|This|That|These|Those|When|While|As|But|And|Also|Meanwhile|Then|Under|Over|Since|Despite|Now|Today|Yesterday|Tomorrow|Last|Next|Every|Each|Some|All|Many|Several|Two|Three|Four|Five|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|If|Once|However|Although|Where|According|Troops|Soldiers|Sailors|Pilots|Officials|Members|Units|Elements|Personnel|Staff|Aircraft|Ships|Jets)$/;

/** A head that makes a mission, not a body, after these words: "Battle Group", "Task Force". */
const MISSION_BEFORE_HEAD =
  /^(?:Battle|Battlegroup|Task|Strike|Maritime|Countermeasures|Policing|Presence)$/;

/** One run's word, with its offsets. */
interface Word {
  text: string;
  start: number;
  end: number;
}

/** A body's name found: its span (the text's offsets) and the category its head gives. */
export interface BodyName {
  start: number;
  end: number;
  text: string;
  category: string;
}

/** A capitalised run on one line: capitalised words and ordinals, joined by "of", "for", "and", "the". */
const RUN =
  /(?<![\p{L}\p{N}’'.-])(?:\p{Lu}[\p{L}’'-]*|\d{1,3}(?:st|nd|rd|th))(?:[ \t]+(?:\p{Lu}[\p{L}’'-]*|\d{1,3}(?:st|nd|rd|th)|of|for|and|the))*/gu;

const isCapWord = (w: string) => /^(?:\p{Lu}|\d)/u.test(w);
const isConnector = (w: string) => /^(?:of|for|and|the)$/.test(w);
const possessive = (w: string) => /[’']s?$/.test(w);

/**
 * The bodies' names in `text`, in text order, each the longest reading of its run. `headline`
 * tells whether an offset lies in a title-case headline. Linear: each run is read once, and a run
 * of more than sixteen words (no name is so long) is passed over.
 */
export function bodyNames(text: string, headline: (at: number) => boolean): BodyName[] {
  const out: BodyName[] = [];
  for (const m of text.matchAll(RUN)) {
    const words: Word[] = [];
    for (const w of m[0].matchAll(/\S+/g))
      words.push({ text: w[0], start: m.index + w.index, end: m.index + w.index + w[0].length });
    if (words.length < 2 || words.length > 16) continue;
    // the last head: its "of" tail follows it, the name's other words come before it
    let h = -1;
    for (let i = words.length - 1; i >= 0; i--)
      if (BODY_HEADS[(words[i] as Word).text] !== undefined) {
        h = i;
        break;
      }
    if (h < 0) continue;
    const head = (words[h] as Word).text;
    // "the Ministry of Foreign Affairs", "the Centre of Excellence": an "of" tail of capitalised words
    let end = h;
    if (words[h + 1]?.text === "of") {
      let j = h + 2;
      if (words[j]?.text === "the") j++;
      let k = j;
      while (
        k < words.length &&
        isCapWord((words[k] as Word).text) &&
        !possessive((words[k] as Word).text)
      )
        k++;
      // not a tail that is a body of its own ("the 2nd Brigade of the French Army": two bodies),
      // nor one cut by "and" ("the Command of Europe and Africa")
      const tail = words.slice(j, k);
      if (
        k > j &&
        !tail.some((w) => OFFICE_WORDS.test(w.text) || BODY_HEADS[w.text] !== undefined) &&
        words[k]?.text !== "and"
      )
        end = k - 1;
    }
    // back from the head: capitalised words; "of", a title or a possessive owner stops it
    let start = h;
    for (let i = h - 1; i >= 0; i--) {
      const w = (words[i] as Word).text;
      if (isCapWord(w)) {
        if (OFFICE_WORDS.test(w) || possessive(w)) break;
        start = i;
        continue;
      }
      break;
    }
    while (start < h && NOT_FIRST.test((words[start] as Word).text)) start++;
    // "of" or "the" cannot open the name
    while (start < h && isConnector((words[start] as Word).text)) start++;
    const span = words.slice(start, end + 1);
    const names = span.filter((w) => !isConnector(w.text));
    if (names.length < 2) continue;
    if (span.some((w) => OFFICE_WORDS.test(w.text) || /^and$/.test(w.text))) continue;
    if (names.every((w) => GENERIC.test(w.text) || BODY_HEADS[w.text] !== undefined)) continue;
    if (MISSION_BEFORE_HEAD.test(words[h - 1]?.text ?? "")) continue;
    // "Joint Expeditionary Force": a force of three words or more (a bare "Air Force" is none)
    if (head === "Force" && names.length < 3) continue;
    const first = span[0] as Word;
    const last = span[span.length - 1] as Word;
    if (headline(first.start)) continue;
    out.push({
      start: first.start,
      end: last.end,
      text: text.slice(first.start, last.end),
      category: BODY_HEADS[head] as string,
    });
  }
  return out;
}
