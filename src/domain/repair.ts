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
export function repairText(text: string): string {
  return (
    undoMojibake(text.normalize("NFC"))
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
 * UTF-8 text that was read as Windows-1252 somewhere on its way ("Ãœbergabe" for "Übergabe",
 * "GroÃŸverband" for "Großverband", "itâ€™s" for "it’s"; common in copied web pages): each
 * sequence that decodes as UTF-8 is put back, and nothing else is touched. Without this a German
 * article's names came back as "GroÃŸstadt" and "KampfverbÃ¤nde" (drafts18). A text with one such
 * sequence alone is left as written: "Ã©" once may be meant.
 */
function undoMojibake(text: string): string {
  const found = text.match(MOJIBAKE);
  if (!found || found.length < 2) return text;
  return (
    text
      .replace(MOJIBAKE, (seq) => {
        const bytes = Uint8Array.from([...seq].map((c) => BYTE_OF.get(c) ?? 0));
        try {
          return utf8.decode(bytes);
        } catch {
          return seq;
        }
      })
      // A no-break space (C2 A0) whose second byte became a plain space on the way: "Â " left.
      .replace(/Â(?=[ \t]|\r?\n|$)/gu, "")
  );
}
