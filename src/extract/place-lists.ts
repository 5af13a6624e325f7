/**
 * Places named in one list with a town the text already places (twentieth pass): "visited Evenes
 * and Narvik, Norway", "training camps at Chimoio, Mavalane and Katembe", "in Tartu, Võru and
 * Põlva counties". A reader takes every member of a list that follows "in", "at", "visited" ... and
 * holds a town to be a place too, in the town's nation, though no gazetteer knows the small ones;
 * "counties" (regions, provinces, districts) after the list names each member as a county.
 *
 * Only a list joined by "and" counts (a comma alone may open an apposition: "in Tapa, Smith
 * said"), only after a preposition of place, and only where the list closes with punctuation, a
 * plural head or "in": "visited Tapa and Jane Doe thanked the troops" names no place.
 */
import { GAZETTEER, type KnownEntity } from "./gazetteer.js";
import { slug } from "./keys.js";
import type { TextSpan } from "./types.js";

/** A place mention already found: where it is and the nation it lies in, if known. */
interface Placed extends TextSpan {
  kind: string;
  involves?: KnownEntity[];
}

/** A place this reader adds. */
export interface ListedPlace extends TextSpan {
  text: string;
  kind: "Place";
  name: string;
  key: string;
  involves?: KnownEntity[];
  impliedIn?: boolean;
}

/** One member: one or two capitalised words in mixed case ("Mavalane", "Las Palmas"). */
const MEMBER = "\\p{Lu}\\p{Ll}[\\p{L}’'-]*(?:\\s\\p{Lu}\\p{Ll}[\\p{L}’'-]*)?";
/** A preposition or verb of place right before the list. */
const PLACE_BEFORE =
  /(?:^|[^\p{L}])(?:in|at|near|to|from|visited|visiting|visit|visits|between|around|outside|across|including)\s+$/iu;
/** The rest of a list after its first member: ", B and C", " and B". */
const REST_RE = new RegExp(`^((?:,\\s+${MEMBER})*),?\\s+and\\s+(${MEMBER})`, "u");
/** The members before the last one: "A and ", "A, B and ", ending right before it. */
const BEFORE_RE = new RegExp(`(${MEMBER}(?:,\\s+${MEMBER})*),?\\s+and\\s+$`, "u");
/** What may close a list of places. */
const CLOSE_RE =
  /^(?:\s*(?:[.,;:)]|$)|\s+(?:counties|regions|provinces|districts|municipalities|areas)\b|\s+in\s)/u;
const HEADS: Readonly<Record<string, string>> = {
  counties: "County",
  regions: "Region",
  provinces: "Province",
  districts: "District",
  municipalities: "Municipality",
};
/** Words no member of a list of places is: days, months, titles and the like. */
const NOT_PLACE_WORD =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|The|This|That|NATO|Allied|Allies|General|Gen|Colonel|Minister|President|Prime|Secretary|Commander|Chief|King|Queen|Prince|Mr|Mrs|Ms|Dr|Exercise|Operation|Mission|Army|Navy|Force|Forces|Command|Brigade|Battalion|Regiment|Division|Ministry|Government|Parliament|Embassy|Headquarters|Europe|Eastern|Western|Northern|Southern|Central)$/;

const GAZ_FORMS = new Set(GAZETTEER.map((g) => g.form));

/**
 * The places listed beside a placed town (see the file's comment). `free` says whether a span is
 * still unclaimed; members the gazetteer knows, or already claimed, are left as they are.
 */
export function placesInLists(
  text: string,
  claimed: readonly Placed[],
  free: (start: number, end: number) => boolean,
): ListedPlace[] {
  const out: ListedPlace[] = [];
  const seen = new Set<number>();
  for (const p of claimed) {
    if (p.kind !== "Place") continue;
    const nation = p.involves?.[0];
    const members: { name: string; start: number }[] = [];
    let close = "";
    // the town first: "at Chimoio, Mavalane and Katembe"
    const rest = PLACE_BEFORE.test(text.slice(Math.max(0, p.start - 14), p.start))
      ? REST_RE.exec(text.slice(p.end, p.end + 160))
      : null;
    if (rest) {
      const after = text.slice(p.end + rest[0].length, p.end + rest[0].length + 20);
      const closed = CLOSE_RE.exec(after);
      if (closed) {
        close = closed[0];
        let at = p.end;
        for (const part of (rest[1] ?? "").split(",").slice(1)) {
          const name = part.trim();
          const start = text.indexOf(name, at);
          members.push({ name, start });
          at = start + name.length;
        }
        const last = rest[2] as string;
        members.push({ name: last, start: p.end + rest[0].length - last.length });
      }
    }
    // the town last: "visited Evenes and Narvik, Norway"
    const window = text.slice(Math.max(0, p.start - 160), p.start);
    const before = BEFORE_RE.exec(window);
    if (before && CLOSE_RE.test(text.slice(p.end, p.end + 20) || ".")) {
      const from = p.start - window.length + before.index;
      if (PLACE_BEFORE.test(text.slice(Math.max(0, from - 14), from))) {
        let at = from;
        for (const part of (before[1] as string).split(",")) {
          const name = part.trim();
          const start = text.indexOf(name, at);
          members.push({ name, start });
          at = start + name.length;
        }
        close ||= CLOSE_RE.exec(text.slice(p.end, p.end + 20))?.[0] ?? "";
      }
    }
    const head =
      HEADS[/\b(counties|regions|provinces|districts|municipalities)\b/.exec(close)?.[1] ?? ""];
    for (const { name, start } of members) {
      const end = start + name.length;
      if (start < 0 || seen.has(start) || GAZ_FORMS.has(name)) continue;
      if (name.split(/\s+/).some((w) => GAZ_FORMS.has(w) || NOT_PLACE_WORD.test(w))) continue;
      if (!free(start, end)) continue;
      seen.add(start);
      const full = head ? `${name} ${head}` : name;
      out.push({
        start,
        end,
        text: name,
        kind: "Place",
        name: full,
        key: slug(full),
        ...(nation ? { involves: [nation], impliedIn: true } : {}),
      });
    }
  }
  return out;
}
