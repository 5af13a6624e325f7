/**
 * The eighteenth pass, second wave (ext-events18b): events and missions a careful reader records
 * that the mention and event stages did not find. Each rule has cases it must not fire on.
 * Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { draft, facts } from "../helpers/extract.js";

const found = async (text: string) =>
  (await draft(text)).document.entities.map((e) => `${e.kind} ${e.key}`);

describe("extract: a nation's air policing told by its adjective or its airspace", () => {
  it.each([
    ["Croatia flew its first jets for the Slovenian air policing mission in May.", "slovenia"],
    ["Greek F-16s will take part in the Albanian air policing missions next year.", "albania"],
    ["Italy has provided air policing of Slovenian airspace since 2004.", "slovenia"],
    ["Two Greek jets took over the policing of Montenegro's airspace on Monday.", "montenegro"],
  ])("%s", async (text, host) => {
    expect(await found(text)).toContain(`Mission nato-air-policing-in-${host}`);
    expect(await facts(text)).toContain(`nato-air-policing-in-${host} DEPLOYED_TO ${host}`);
  });

  it("is the Icelandic Air Policing over Iceland, as a reader knows it", async () => {
    expect(
      await found("Norwegian F-35s joined the Icelandic air policing mission in March."),
    ).toContain("Mission icelandic-air-policing");
  });

  it("makes no mission of an adjective without 'mission', nor of airspace without policing", async () => {
    for (const text of [
      "The Hungarian air policing role would begin in 2014.",
      "Russian jets entered Slovenian airspace on Friday.",
      "The Slovenian air force has no fighters.",
    ]) {
      expect(
        (await found(text)).filter((e) => e.startsWith("Mission")),
        text,
      ).toEqual([]);
    }
  });
});
