/**
 * Names written in capitals ("GERMAN CHANCELLOR FRIEDRICH MERZ visited LITHUANIA", a wire
 * heading, a dateline): the NLP models and the name patterns read case, so the mentions are found
 * on a copy of the text where such words are in title case. The copy has the same length and
 * offsets as the text; evidence is always cut from the text itself. Acronyms stay as written.
 */
import { GAZETTEER } from "./gazetteer.js";

const ACRONYMS = new Set([
  ...GAZETTEER.map((g) => g.form).filter((f) => !/\p{Ll}/u.test(f)),
  ..."NATO EU UN US USA UK AP AFP DPA OSCE HQ GDP CEO MP MPs TV IMF UNSC NORAD SHAPE SACEUR EUCOM CFB CAF DND RCAF RAF HMS USS PM NGO OK BBC CNN ERR LRT LSM ABC CBC CTV PAP TASS RIA EFP UAV UAVS ICBM ICBMS AI II III IV VI".split(
    " ",
  ),
]);
const GAZ_FORMS = new Set(GAZETTEER.map((g) => g.form));

const title = (w: string) =>
  w
    .split(/([-'’])/)
    .map((part, i, all) =>
      // "MERZ'S" -> "Merz's": what follows an apostrophe stays lower case
      i > 0 && /['’]/.test(all[i - 1] ?? "")
        ? part.toLowerCase()
        : part.charAt(0) + part.slice(1).toLowerCase(),
    )
    .join("");

export function titleCased(text: string): string {
  const words = [...text.matchAll(/[\p{L}][\p{L}'’-]*/gu)].map((m) => {
    const w = m[0];
    const bare = w.replace(/['’]S$/, "");
    const caps = bare.length >= 2 && !/\p{Ll}/u.test(bare) && !ACRONYMS.has(bare);
    return { start: m.index, end: m.index + w.length, w, caps, bare };
  });
  let out = text;
  for (const [i, x] of words.entries()) {
    if (!x.caps) continue;
    const t = title(x.w);
    if (t.length !== x.w.length) continue;
    const joined = (a: (typeof words)[number] | undefined, b: (typeof words)[number] | undefined) =>
      a !== undefined &&
      b !== undefined &&
      a.caps &&
      b.caps &&
      /^[ \t]+$/.test(text.slice(a.end, b.start));
    const inRun = joined(words[i - 1], x) || joined(x, words[i + 1]);
    if (!inRun && !GAZ_FORMS.has(title(x.bare))) continue;
    out = out.slice(0, x.start) + t + out.slice(x.end);
  }
  return out;
}
