/**
 * Session 30 (extmention30): mention detection as general mechanisms, not sentences. Every
 * sentence here was written for the test (none is copied from a tune article): the construction
 * each mechanism reads, and a look-alike it must leave alone.
 */
import { describe, expect, it } from "vitest";
import { draft, facts } from "../helpers/extract.js";

const on = "2023-05-04";
const named = async (text: string, kind: string) =>
  (await draft(text, on)).entities.filter((e) => e.kind === kind).map((e) => e.name);

describe("extract: a body named by a capitalised run and its head noun (body-names.ts)", () => {
  it("reads the whole run where the rules read nothing or a part", async () => {
    const orgs = await named(
      "The Danish Joint Arctic Command said a frigate had left Nuuk. The Finnish Border Guard " +
        "reported no incidents. The Balkan Peace Support Group met in Skopje. The US Sixth Fleet " +
        "sent a destroyer. A team from the NATO Energy Security Centre of Excellence visited Vilnius.",
      "Organization",
    );
    expect(orgs).toEqual(
      expect.arrayContaining([
        "Danish Joint Arctic Command",
        "Finnish Border Guard",
        "Balkan Peace Support Group",
        "US Sixth Fleet",
        "NATO Energy Security Centre of Excellence",
      ]),
    );
    expect(orgs).not.toContain("Border Guard");
  });

  it("leaves titles, generic words, missions and chains of bodies alone", async () => {
    const orgs = await named(
      "The Chief of the General Staff spoke to the Air Force. The NATO Battle Group trained. " +
        "My Department has done its part, he said. The 3rd Tank Brigade of the Polish Army moved.",
      "Organization",
    );
    expect(orgs).not.toContain("Chief of the General Staff");
    expect(orgs).not.toContain("Air Force");
    expect(orgs).not.toContain("My Department");
    expect(orgs).not.toContain("NATO Battle Group");
    expect(orgs).not.toContain("3rd Tank Brigade of the Polish Army");
  });
});

describe("extract: meetings told by a phone call, a long title, or a speaker's meeting", () => {
  it('"spoke by phone with X": a phone call both take part in', async () => {
    const f = await facts(
      "Estonian Prime Minister Kristen Michal spoke by phone with Finnish President Alexander Stubb on Monday.",
      on,
    );
    expect(f).toEqual(
      expect.arrayContaining([
        "kristen-michal PARTICIPATED_IN michal-phone-call-with-alexander-stubb",
        "alexander-stubb PARTICIPATED_IN michal-phone-call-with-alexander-stubb",
      ]),
    );
  });

  it('"will meet with Chief of the Defence Staff Lieutenant General X": past a long title', async () => {
    const f = await facts(
      "On Friday Major General Anna Berg will meet with Chief of the Defence Staff Lieutenant General Tom Lind.",
      on,
    );
    expect(f).toContain("tom-lind PARTICIPATED_IN berg-meeting-with-tom-lind");
  });

  it('"X said ... after a meeting with Y": the speaker met Y; not "the meeting with the troops led by Z"', async () => {
    const f = await facts(
      "The alliance is ready, Jens Stoltenberg said at a news conference after a meeting with Polish President Andrzej Duda.",
      on,
    );
    expect(f).toContain("jens-stoltenberg PARTICIPATED_IN stoltenberg-meeting-with-andrzej-duda");
    const g = await facts(
      "The minister Boris Pistorius said at the meeting with the troops led by Colonel Eva Brandt that he was pleased.",
      on,
    );
    expect(g.filter((x) => /meeting-with/.test(x))).toEqual([]);
  });
});

describe('extract: a gathering "held in" a place', () => {
  it('"a meeting with leaders from Nordic countries, held in Riga": the meeting, in Riga', async () => {
    const f = await facts(
      "The plan was announced by Prime Minister Kaja Kallas during a meeting with leaders from Nordic countries, held in Riga on March 3, 2023.",
      on,
    );
    expect(f).toEqual(
      expect.arrayContaining([
        "kaja-kallas PARTICIPATED_IN meeting-in-riga",
        "meeting-in-riga LOCATED_IN riga",
      ]),
    );
  });
});

describe("extract: a spending plan told by a noun", () => {
  it('"has a plan to spend", "praised X for its plan to spend": pledges', async () => {
    const p = await named(
      "Latvia has a plan to spend 3 percent of its GDP on defence by 2027. Norway praised Lithuania " +
        "for its plan to spend 3.5 percent of GDP on defence by 2026.",
      "Pledge",
    );
    expect(p).toEqual(
      expect.arrayContaining([
        "Latvia: defence spending of 3 percent of GDP by 2027",
        "Lithuania: defence spending of 3.5 percent of GDP by 2026",
      ]),
    );
  });
});
