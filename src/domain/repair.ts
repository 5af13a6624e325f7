/**
 * Repairs the mojibake that damaged closing quotation marks in transit: UTF-8 `”` read as
 * Windows-1252 lost its last byte, so `” ` (closing quote and the space after it) arrived as `†`
 * (against the next word, the space being lost) and a closing quote at a line end as `â€`. Ingest applies this to every text it stores,
 * so an excerpt copied from the damaged original still matches the repaired source.
 *
 * It also composes the text (NFC): "é" as one character and as "e" plus an accent read the
 * same, so an excerpt typed or pasted either way matches a text written the other way (an
 * excerpt that looked verbatim was refused as not verbatim).
 */
export function repairText(
  text: string,
  mojibake: "found twice" | "always" = "found twice",
): string {
  return (
    undoMojibake(text.normalize("NFC"), mojibake === "always" ? 1 : 2)
      .normalize("NFC")
      .replace(/â€(?=\r?\n|$)/g, "”")
      .replace(/â€/g, "” ")
      // Only where the lost space leaves the quote's dagger against the next word: a dagger a
      // text means ("Cpl. Anne Brook† was", "†1898") is text, not damage.
      .replace(/†(?=[\p{L}“‘])/gu, "” ")
      // A stray no-break space at a line end is invisible noise from the same copy.
      .replace(/[ \t\u00a0]+(?=\r?\n|$)/g, "")
  );
}

/** Windows-1252's characters for the bytes 0x80-0x9F (the five it leaves undefined: absent). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const BYTE_OF = new Map<string, number>();
for (let b = 0xa0; b <= 0xff; b++) BYTE_OF.set(String.fromCharCode(b), b);
for (const [i, c] of [...CP1252_HIGH].entries()) BYTE_OF.set(c, 0x80 + i);
/** A UTF-8 continuation byte (0x80-0xBF) as Windows-1252 shows it. */
const CONT = `[${[...BYTE_OF]
  .filter(([, b]) => b >= 0x80 && b <= 0xbf)
  .map(([c]) => c)
  .join("")}]`;
/** A two-, three- or four-byte UTF-8 sequence read as Windows-1252 ("Ã¼" for "ü", "â€™" for "’"). */
const MOJIBAKE = new RegExp(
  `[\u00c2-\u00df]${CONT}|[\u00e0-\u00ef]${CONT}{2}|[\u00f0-\u00f4]${CONT}{3}`,
  "gu",
);
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Whether a character is one that UTF-8 read as Windows-1252 plausibly was: a Latin letter with
 * its marks, Greek or Cyrillic, punctuation (quotes, dashes, the no-break space), a currency or
 * letterlike sign, or anything beyond the Basic Multilingual Plane (an emoji: four bytes in a
 * row that real text does not hold). Real text holds sequences that also decode, and to
 * characters no damage gives: "arrivé\u00a0»" (French, the no-break space before the guillemet)
 * decoded to "arriv頻", "groß“" (German, the closing quote) to "groߓ", "«CAFÉ»" to "«CAFɻ".
 */
function plausible(c: string): boolean {
  const cp = c.codePointAt(0) ?? 0;
  return (
    (cp >= 0xa0 && cp <= 0x24f) ||
    (cp >= 0x370 && cp <= 0x52f) ||
    (cp >= 0x1e00 && cp <= 0x1eff) ||
    (cp >= 0x2000 && cp <= 0x214f) ||
    cp >= 0x10000
  );
}

/** `seq` decoded as UTF-8 when it is a plausible character damaged, else undefined. */
function undone(seq: string): string | undefined {
  const bytes = Uint8Array.from([...seq].map((c) => BYTE_OF.get(c) ?? 0));
  try {
    const c = utf8.decode(bytes);
    return plausible(c) ? c : undefined;
  } catch {
    return undefined;
  }
}

/**
 * UTF-8 text that was read as Windows-1252 somewhere on its way ("Ãœbergabe" for "Übergabe",
 * "GroÃŸverband" for "Großverband", "itâ€™s" for "it’s"; common in copied web pages): each
 * sequence that decodes as UTF-8 to a character such damage gives (plausible) is put back, and
 * nothing else is touched. Without this a German article's names came back as "GroÃŸstadt" and
 * "KampfverbÃ¤nde" (drafts18). A text with one such sequence alone is left as written: "Ã©" once
 * may be meant.
 */
function undoMojibake(text: string, atLeast: number): string {
  const found = (text.match(MOJIBAKE) ?? []).filter((seq) => undone(seq) !== undefined);
  // "â€" is damage wherever it stands (repairText takes it for a closing quote): one "â€™"
  // alone is "’", not "” ™" as the quote repair made of it.
  if (found.length < atLeast)
    return found.some((seq) => seq.startsWith("â€"))
      ? text.replace(MOJIBAKE, (seq) => (seq.startsWith("â€") ? (undone(seq) ?? seq) : seq))
      : text;
  return (
    text
      .replace(MOJIBAKE, (seq) => undone(seq) ?? seq)
      // A no-break space (C2 A0) whose second byte became a plain space on the way: "Â " left.
      .replace(/Â(?=[ \t]|\r?\n|$)/gu, "")
  );
}
