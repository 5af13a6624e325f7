/**
 * One organisation under two names (extclass26, class 1 of the wild drafts): a name set beside
 * another by apposition, or given as what the unit is called, is an alias, not a second entity.
 * - "Germany's military, the Bundeswehr, has deployed": a description of a nation's forces, then
 *   the force's proper name between commas: the proper name, the description its alias.
 * - "the 1st Armoured Battalion, known as the Iron Battalion," / "..., the so-called Iron
 *   Battalion": the name first written is the entity, the nickname its alias.
 * - "Normally stationed in Texas, the so-called 'Dagger Brigade' was deployed": a nickname after
 *   the one unit of that kind (its last word: Brigade) named in this sentence or the one before.
 * - "the 2nd Brigade" after "the 2nd Armored Brigade": the one unit of that number and kind the
 *   article names in full (two such units, or none: left as it is).
 * Each rule asks for a sign of one entity (a description's lower-case head, a naming phrase, a
 * number and kind shared by one unit only); a list ("NATO, the EU, and the UN") has none.
 */

interface Named {
  start: number;
  end: number;
  text: string;
  kind: string;
  name: string;
  key?: string;
  known?: { key: string; name: string };
}

const keyOf = (m: Named) => m.known?.key ?? m.key ?? m.name;

/** Gives `m` the name and key of `to`: one entity, `m`'s words its alias. */
function rename<M extends Named>(m: M, to: M): void {
  m.name = to.known?.name ?? to.name;
  m.key = keyOf(to);
  if (to.known) m.known = to.known;
  else delete m.known;
}

/** A description of a nation's forces: "Germany's military", "the Polish armed forces". */
const FORCES_DESCRIPTION =
  /^(?:the\s+)?\p{Lu}[\p{L}.]*(?:['’]s)?\s+(?:military|army|navy|air force|armed forces|defen[cs]e forces)$/u;
/** Between a name and its appositive: ", the ", ", known as the ", ", the so-called ". */
const APPOSITION =
  /^,\s+(?:(?:also\s+)?(?:known|referred to)\s+as\s+|(?:nicknamed|dubbed|called)\s+)?(?:the\s+)?(?:so-called\s+)?["“‘']?$/u;
const NAMING = /(?:known|referred to)\s+as|nicknamed|dubbed|called|so-called/u;
/** After the appositive: the apposition closes (a comma not opening a list's last item, a verb). */
const CLOSES =
  /^["”’']?\s*(?:,(?!\s*(?:and|or)\s)|\)|\s+(?:is|was|has|have|had|will|would|which|who|that|\p{Ll}+ed)\b)/u;
/** "the so-called 'Dagger Brigade'" with no name before it in the sentence. */
const SO_CALLED_BEFORE = /(?:the\s+)?so-called\s+["“‘']?$/u;
/** A unit by number and kind only: "2nd Brigade", "3rd Battalion". */
const NUMBER_AND_KIND = /^(\d{1,3}(?:st|nd|rd|th|d))\s+(\p{Lu}\p{L}+)$/u;

const lastWord = (s: string) => s.split(/\s+/).pop() ?? "";

/** The start of the sentence before the one `at` lies in (a full stop and a space end one). */
function previousSentenceStart(text: string, at: number): number {
  let seen = 0;
  for (let i = at - 1; i > 0 && at - i < 600; i--) {
    if (/[.!?]/.test(text[i - 1] as string) && /\s/.test(text[i] as string)) {
      seen++;
      if (seen === 2) return i;
    }
  }
  return Math.max(0, at - 600);
}

export function appositiveNames<M extends Named>(text: string, mentions: readonly M[]): void {
  const orgs = mentions
    .filter((m) => m.kind === "Organization" || m.kind === "Mission")
    .sort((a, b) => a.start - b.start);
  const renamed = new Set<M>();
  for (let i = 0; i + 1 < orgs.length; i++) {
    const a = orgs[i] as M;
    const b = orgs[i + 1] as M;
    if (a.kind !== b.kind || keyOf(a) === keyOf(b)) continue;
    const between = text.slice(a.end, b.start);
    if (!APPOSITION.test(between)) continue;
    if (!CLOSES.test(text.slice(b.end, b.end + 40))) continue;
    if (FORCES_DESCRIPTION.test(a.text) && !NAMING.test(between)) {
      rename(a, b);
      renamed.add(a);
    } else if (NAMING.test(between)) {
      rename(b, a);
      renamed.add(b);
    }
  }
  // "the so-called 'Dagger Brigade'" with no name just before it: the one unit of its kind the
  // sentence or the one before names
  for (const [i, m] of orgs.entries()) {
    if (renamed.has(m) || m.kind !== "Organization") continue;
    if (!SO_CALLED_BEFORE.test(text.slice(Math.max(0, m.start - 14), m.start))) continue;
    const from = previousSentenceStart(text, m.start);
    const head = lastWord(m.name);
    // the mentions before it back to the sentence before (at most 600 characters: a few)
    const before: M[] = [];
    for (let j = i - 1; j >= 0 && (orgs[j] as M).start >= from; j--) {
      const x = orgs[j] as M;
      if (
        x.end <= m.start &&
        x.kind === "Organization" &&
        lastWord(x.name) === head &&
        keyOf(x) !== keyOf(m)
      )
        before.unshift(x);
    }
    const keys = new Set(before.map(keyOf));
    const only = before[before.length - 1];
    if (keys.size === 1 && only) {
      rename(m, only);
      renamed.add(m);
    }
  }
  // "the 2nd Brigade" after "the 2nd Armored Brigade": the one unit of that number and kind
  const full = new Map<string, Set<string>>();
  const fullOne = new Map<string, M>();
  for (const m of orgs) {
    if (m.kind !== "Organization") continue;
    const words = m.name.split(/\s+/);
    if (words.length < 3 || !/^\d{1,3}(?:st|nd|rd|th|d)$/.test(words[0] as string)) continue;
    const id = `${words[0]} ${lastWord(m.name)}`;
    full.set(id, (full.get(id) ?? new Set()).add(keyOf(m)));
    if (!fullOne.has(id)) fullOne.set(id, m);
  }
  for (const m of orgs) {
    if (renamed.has(m) || m.kind !== "Organization") continue;
    const short = NUMBER_AND_KIND.exec(m.name);
    if (!short) continue;
    const id = `${short[1]} ${short[2]}`;
    const to = fullOne.get(id);
    if (to && full.get(id)?.size === 1) rename(m, to);
  }
}
