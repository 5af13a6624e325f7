/**
 * The fifteenth pass (issue 25, ext-facts15): who is in a mission or an exercise, told as news
 * copy tells it. Sentences are written for the test; each mechanism has cases that must not fire.
 */
import { describe, expect, it } from "vitest";
import { facts } from "../helpers/extract.js";

describe("extract: a battle group 'manned by' a list of nations", () => {
  it("each nation of the list right after 'manned by' / 'staffed by' contributes", async () => {
    const f = await facts(
      "Next year the NATO battle group in Lithuania will be manned by Germany, Norway, Croatia, and France.",
    );
    for (const n of ["germany", "norway", "croatia", "france"])
      expect(f).toContain(`${n} CONTRIBUTES_TO nato-battle-group-in-lithuania`);
    const g = await facts(
      "The NATO battle group in Poland is staffed by troops from Romania and Croatia.",
    );
    expect(g).toContain("romania CONTRIBUTES_TO nato-battle-group-in-poland");
    expect(g).toContain("croatia CONTRIBUTES_TO nato-battle-group-in-poland");
  });

  it("a nation further on, after other words, is not in the list", async () => {
    const f = await facts(
      "The NATO battle group in Poland would again be formed by motorized elements, as it was when the 2nd Regiment was deployed to Estonia.",
    );
    expect(f.filter((x) => x.startsWith("estonia CONTRIBUTES_TO"))).toEqual([]);
  });
});

describe("extract: a nation's people by their plural name, and soldiers 'of' a named force", () => {
  it("'Norwegians will join the battle group', 'The Portuguese have finished their deployment on' the mission", async () => {
    const f = await facts(
      "The German deployment is nearly complete, while Norwegians will join the NATO battle group in Lithuania in May.",
    );
    expect(f).toContain("norway CONTRIBUTES_TO nato-battle-group-in-lithuania");
    expect(f.filter((x) => x.startsWith("germany CONTRIBUTES_TO"))).toEqual([]);
    const g = await facts(
      "The Portuguese have finished their seventh deployment on the NATO Baltic Air Policing mission.",
    );
    expect(g.some((x) => /^portugal CONTRIBUTES_TO /.test(x))).toBe(true);
  });

  it("a people named beside a mission but not put in it contributes nothing", async () => {
    const f = await facts(
      "Many Italians visited Riga last year. Latvians welcomed the NATO battle group in Latvia.",
    );
    expect(f.filter((x) => / CONTRIBUTES_TO /.test(x))).toEqual([]);
  });

  it("'205 soldiers of the Royal Netherlands Armed Forces will serve in' the battle group", async () => {
    const f = await facts(
      "In total, roughly 205 soldiers of the Royal Netherlands Armed Forces will serve in the NATO battle group in Lithuania.",
    );
    expect(f).toContain(
      "royal-netherlands-armed-forces CONTRIBUTES_TO nato-battle-group-in-lithuania",
    );
    const g = await facts(
      "A spokesman of the Royal Netherlands Armed Forces spoke about the NATO battle group in Lithuania.",
    );
    expect(g.filter((x) => x.startsWith("royal-netherlands-armed-forces CONTRIBUTES_TO"))).toEqual(
      [],
    );
  });
});

describe("extract: who takes part in an exercise", () => {
  it("'soldiers of Germany and the Netherlands are to train in a joint exercise'", async () => {
    const f = await facts(
      "In early April soldiers of Germany and the Netherlands are scheduled to train in a joint exercise at the training area in Pabrade.",
    );
    expect(f.some((x) => /^germany PARTICIPATED_IN /.test(x))).toBe(true);
    expect(f.some((x) => /^netherlands PARTICIPATED_IN /.test(x))).toBe(true);
  });

  it("'French Army troops for exercise Dacian Fall' take part; a force named otherwise does not", async () => {
    const f = await facts(
      "NATO forces in Romania absorbed thousands of French Army troops for exercise Dacian Fall 25.",
    );
    expect(f.some((x) => /^french-army PARTICIPATED_IN dacian-fall/.test(x))).toBe(true);
    const g = await facts(
      "The French Army said on Monday that the exercise Dacian Fall 25 ended in Romania.",
    );
    expect(g.filter((x) => x.startsWith("french-army PARTICIPATED_IN"))).toEqual([]);
  });
});

describe("extract: quoted words that name their speaker in the third person are no one's quote", () => {
  it("a ministry's release quoted verbatim ('... Vasile Dincu presented the progress ...') is not Dincu's words", async () => {
    const f = await facts(
      'Defence Minister Vasile Dincu attended the meeting in Brussels. "The Romanian official supported the decisions of the summit. Vasile Dincu presented the progress made by the battle group in Romania," says the ministry\'s press release.',
    );
    expect(f.filter((x) => x.startsWith("vasile-dincu SAID"))).toEqual([]);
    expect(f.filter((x) => /^quote-.* ABOUT /.test(x) && x.includes("dincu"))).toEqual([]);
  });

  it("a speaker's own words that name someone else are the speaker's", async () => {
    const f = await facts(
      'Defence Minister Vasile Dincu attended the meeting in Brussels. "Our allies from France presented the progress made by the battle group in Romania," Dincu said.',
    );
    expect(f.some((x) => x.startsWith("vasile-dincu SAID quote-dincu"))).toBe(true);
  });
});

describe("extract: 'the war in Ukraine' is the invasion any reader knows, even with no invader named", () => {
  it("written after February 2022: the event, Ukraine its target, and no invader added", async () => {
    const f = await facts(
      "Slovenia promised humanitarian aid to help Slovakia cope with refugees fleeing the war in Ukraine.",
      "2022-03-17",
    );
    expect(f).toContain("ukraine PARTICIPATED_IN russian-invasion-of-ukraine");
    expect(f).toContain("russian-invasion-of-ukraine LOCATED_IN ukraine (inferred)");
    expect(f.filter((x) => / INVADED /.test(x) || x.startsWith("russia "))).toEqual([]);
    expect(f.filter((x) => x.startsWith("slovakia PARTICIPATED_IN"))).toEqual([]);
  });

  it("written in 2015, 'the war in Ukraine' is another war: no invasion event", async () => {
    const f = await facts(
      "Slovenia promised humanitarian aid to refugees fleeing the war in Ukraine.",
      "2015-05-10",
    );
    expect(f.filter((x) => x.includes("invasion"))).toEqual([]);
  });
});

describe("extract: 'the meeting of NATO Ministers of Defence' is the ministers' meeting", () => {
  it("the portfolio after the office names the same meeting; a minister of a nation is no meeting", async () => {
    const f = await facts(
      "Minister Vasile Dincu spoke at the meeting of NATO Ministers of Defence in Brussels.",
    );
    expect(f).toContain("vasile-dincu PARTICIPATED_IN nato-defence-ministers-meeting");
    const g = await facts(
      "Vasile Dincu is the Romanian Minister of Defence and met NATO officials.",
    );
    expect(g.filter((x) => x.includes("ministers-meeting"))).toEqual([]);
  });
});
