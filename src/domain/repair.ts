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
    text
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
