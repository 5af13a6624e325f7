/**
 * Session 28 (extlink28): named entities the extractor missed in eight news articles outside
 * every set (organisations, events, missions, places). Each rule is checked with sentences
 * written for the test: the construction that was missed, and a look-alike that must not be read.
 */
import { describe, expect, it } from "vitest";
import { draft } from "../helpers/extract.js";

const on = "2019-05-14";
const named = async (text: string, kind: string) =>
  (await draft(text, on)).entities.filter((e) => e.kind === kind).map((e) => e.name);

describe("extract: a nation's defence forces written in lower case", () => {
  it('"the Latvian defence force", "our own Finnish defense forces": the organisation', async () => {
    expect(
      await named(
        'The colonel said: "We will train alongside the Latvian defence force all summer."',
        "Organization",
      ),
    ).toContain("Latvian Defence Forces");
    expect(
      await named(
        "Units of our own Finnish defense forces joined the drill in Rovaniemi, Finland.",
        "Organization",
      ),
    ).toContain("Finnish Defence Forces");
  });

  it('"a defence force" with no nation before it names no organisation', async () => {
    expect(
      await named(
        "Iceland has no army, only a small coast guard and no defence force.",
        "Organization",
      ),
    ).toEqual([]);
  });
});
