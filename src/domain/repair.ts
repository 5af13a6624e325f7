/**
 * Repairs the mojibake that damaged closing quotation marks in transit: UTF-8 `”` read as
 * Windows-1252 lost its last byte, so `” ` (closing quote and the space after it) arrived as `†`
 * and a closing quote at a line end arrived as `â€`. Ingest applies this to every text it stores,
 * so an excerpt copied from the damaged original still matches the repaired source.
 */
export function repairText(text: string): string {
  return (
    text
      .replace(/â€(?=\r?\n|$)/g, "”")
      .replace(/â€/g, "” ")
      .replace(/†/g, "” ")
      // A stray no-break space at a line end is invisible noise from the same copy.
      .replace(/[ \t\u00a0]+(?=\r?\n|$)/g, "")
  );
}
