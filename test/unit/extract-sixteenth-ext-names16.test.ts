/**
 * The sixteenth pass (ext-names16): titles in other languages, nations' names as given names,
 * commanders named in apposition, armed services and named exercises. Each family has cases that
 * must not fire. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { entities, facts } from "../helpers/extract.js";

describe("extract: a nation's name as a person's given name", () => {
  it("a surname no list knows, followed by a verb of saying or an apposition", async () => {
    const e = await entities(
      "Israel Adesanya said he would box again in May. Georgia Brown, a nurse from Leeds, agreed.",
    );
    expect(e).toEqual(expect.arrayContaining(["Person israel-adesanya", "Person georgia-brown"]));
    expect(e).not.toContain("Nation israel");
    expect(e).not.toContain("Nation georgia");
    const f = await facts("Israel Adesanya said he would box again in May.");
    expect(f.filter((x) => / israel\b/.test(x))).toEqual([]);
  });

  it("after 'and' beside another person", async () => {
    const e = await entities("Chad Smith and Georgia Brown attended the dinner.");
    expect(e).toEqual(expect.arrayContaining(["Person chad-smith", "Person georgia-brown"]));
    expect(e.filter((x) => x.startsWith("Nation "))).toEqual([]);
  });

  it("a body's or a day's word after the nation keeps the nation", async () => {
    const e = await entities(
      "Georgia Power said prices would rise. Israel Police said two men were held. Troops from Estonia and Georgia Sunday attended.",
    );
    expect(e).toEqual(expect.arrayContaining(["Nation georgia", "Nation israel"]));
    expect(e.filter((x) => x.startsWith("Person "))).toEqual([]);
  });
});
