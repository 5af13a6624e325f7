/**
 * The seventeenth pass (issue 25, ext-troops17): relations about forces the drafts missed, told
 * as handovers between contingents, by the base a mission works from, by where an event is held
 * and by verbs of taking part other than "took part". Sentences are written for the test; each
 * mechanism has cases that must not fire.
 */
import { describe, expect, it } from "vitest";
import { draft, facts } from "../helpers/extract.js";

describe("extract: a handover between two contingents of a mission", () => {
  it("both sides of 'handed its duties over to' contribute to the mission and take part in the ceremony", async () => {
    const f = await facts(
      "The Danish company serving in NATO's battle group in Latvia handed its duties over to the Royal Netherlands Army in a ceremony at Adazi on Friday.",
    );
    expect(f).toContain("denmark CONTRIBUTES_TO nato-battle-group-in-latvia");
    expect(f).toContain("royal-netherlands-army CONTRIBUTES_TO nato-battle-group-in-latvia");
    expect(f.some((x) => /^denmark PARTICIPATED_IN .*ceremony/.test(x))).toBe(true);
    expect(f.some((x) => /^royal-netherlands-army PARTICIPATED_IN .*ceremony/.test(x))).toBe(true);
  });

  it("'were replaced by' after a sentence naming the mission: the mission of the sentence before", async () => {
    const f = await facts(
      "Fighter jets guard the skies of the Baltic states as part of the Baltic Air Policing mission. Greek airmen were replaced by the Hungarian Air Force after four months.",
    );
    expect(f).toContain("greece CONTRIBUTES_TO baltic-air-policing (inferred)");
    expect(f).toContain("hungarian-air-force CONTRIBUTES_TO baltic-air-policing (inferred)");
  });

  it("the place of the ceremony and a nation in apposition to it are no side", async () => {
    const f = await facts(
      "A handover ceremony took place at Amari Air Base, Estonia, on Monday; the Belgians, who had led the Baltic Air Policing mission since May, transferred the leadership to the Norwegians.",
    );
    expect(f).toContain("belgium CONTRIBUTES_TO baltic-air-policing");
    expect(f).toContain("norway CONTRIBUTES_TO baltic-air-policing");
    expect(f.some((x) => /^estonia (?:CONTRIBUTES_TO|PARTICIPATED_IN)/.test(x))).toBe(false);
  });

  it("no handover verb, or no mission and no ceremony: no contribution from the nations named", async () => {
    const f = await facts(
      "Convoys moved from Latvia to Estonia on Thursday, and the Belgians will replace their old vehicles next year.",
    );
    expect(f.some((x) => /CONTRIBUTES_TO/.test(x))).toBe(false);
  });
});

describe("extract: the base a mission works from", () => {
  it("'flew Baltic Air Policing sorties out of Amari Air Base': the mission deployed to the base", async () => {
    const f = await facts(
      "A Danish detachment flew Baltic Air Policing sorties out of Amari Air Base from May to August.",
    );
    expect(f).toContain("baltic-air-policing DEPLOYED_TO amari-air-base");
  });

  it("the article's one mission, where a sentence about its forces names the base", async () => {
    const f = await facts(
      "Spain leads the NATO battle group in Latvia this year. Its troops will operate from Camp Adazi until the spring.",
    );
    expect(f.some((x) => /^nato-battle-group-in-latvia DEPLOYED_TO .*adazi/.test(x))).toBe(true);
  });

  it("a base the forces come from, or a sentence naming two missions, deploys nothing there", async () => {
    const f = await facts(
      "The jets of the Baltic Air Policing mission come from the Lask Air Base in Poland.",
    );
    expect(f.some((x) => /DEPLOYED_TO lask/.test(x))).toBe(false);
    const g = await facts(
      "Operation Reassurance and the Baltic Air Policing mission held a joint parade at Tapa Army Base.",
    );
    expect(g.some((x) => /DEPLOYED_TO tapa/.test(x))).toBe(false);
  });
});

describe("extract: the nation an exercise or a ceremony is held in hosts it", () => {
  it("an exercise held at a town of a nation: the nation hosts it (inferred)", async () => {
    const f = await facts(
      "The exercise Silver Arrow was held in Adazi, Latvia, with soldiers of Canada and Spain.",
    );
    expect(f).toContain("latvia HOSTS silver-arrow (inferred)");
    const g = await facts("A change-of-command ceremony was held at Adazi, Latvia, on Friday.");
    expect(g).toContain("latvia HOSTS change-of-command-ceremony (inferred)");
  });

  it("a meeting held in a capital is not given to the nation by this rule", async () => {
    const f = await facts(
      "The defence ministers of Norway and Denmark met in Oslo on Monday to discuss air defence.",
    );
    expect(f.some((x) => /^norway HOSTS/.test(x))).toBe(false);
  });
});

describe("extract: a mission named for its nation is not deployed to another", () => {
  it("troops 'deployed in Latvia' in an article on the battle group in Slovakia", async () => {
    const f = await facts(
      "Croatia will send 100 troops to the NATO battle group in Slovakia. Croatia currently has about 80 troops deployed in Latvia.",
    );
    expect(f).toContain("nato-battle-group-in-slovakia DEPLOYED_TO slovakia");
    expect(f.some((x) => /nato-battle-group-in-slovakia DEPLOYED_TO latvia/.test(x))).toBe(false);
    expect(f.some((x) => /^latvia HOSTS nato-battle-group-in-slovakia/.test(x))).toBe(false);
  });
});

describe("extract: taking part in an exercise told by other verbs", () => {
  it("'joined', 'drilled with', 'flew in', 'sent two frigates to' the exercise", async () => {
    const f = await facts(
      "Norway joined the exercise Cold Response in March. Polish troops drilled with Lithuanian forces in the exercise Iron Wolf. German Eurofighters flew in exercise Ramstein Flag. Italy sent two frigates to the exercise Dynamic Mongoose.",
    );
    expect(f).toContain("norway PARTICIPATED_IN cold-response");
    expect(f).toContain("poland PARTICIPATED_IN iron-wolf");
    expect(f).toContain("germany PARTICIPATED_IN ramstein-flag");
    expect(f).toContain("italy PARTICIPATED_IN dynamic-mongoose");
  });

  it("'trained alongside' a partner: the subject takes part, the partner too (inferred)", async () => {
    const f = await facts(
      "Finnish soldiers trained alongside Swedish troops during exercise Northern Viking.",
    );
    expect(f).toContain("finland PARTICIPATED_IN northern-viking");
    expect(f).toContain("sweden PARTICIPATED_IN northern-viking (inferred)");
  });

  it("a place after 'in' or 'to', a demonym with no forces, or a second clause takes no part", async () => {
    const f = await facts(
      "Troops from the region flew to Estonia for exercise Spring Storm. Danish politicians, who joined a debate, watched the exercise Iron Wolf.",
    );
    expect(f.some((x) => /^estonia PARTICIPATED_IN/.test(x))).toBe(false);
    expect(f.some((x) => /^denmark PARTICIPATED_IN/.test(x))).toBe(false);
  });
});

describe("extract: a pledge to grow a force, with no figure", () => {
  it("'will double the number of troops it keeps in Estonia': the nation pledges it, about Estonia", async () => {
    const d = (await draft("Norway will double the number of troops it keeps in Lithuania."))
      .document;
    const pledge = d.entities.find((e) => e.kind === "Pledge");
    expect(pledge?.name).toMatch(/^Norway: double the number of troops/);
    const f = d.relations.map((r) => `${r.from} ${r.type} ${r.to}`);
    expect(f).toContain(`norway PLEDGED ${pledge?.key}`);
    expect(f).toContain(`${pledge?.key} ABOUT lithuania`);
  });

  it("'aims to increase its military presence' is a pledge; beside a concrete pledge it is not another", async () => {
    const f = await facts("Denmark aims to increase its military presence in Latvia.");
    expect(f.some((x) => /^denmark PLEDGED /.test(x))).toBe(true);
    const d = (
      await draft(
        "Denmark aims to increase its military presence in Latvia and will deploy four tanks there.",
      )
    ).document;
    expect(d.entities.filter((e) => e.kind === "Pledge")).toHaveLength(1);
  });

  it("a growth of spending or of something else is not read as a force pledge", async () => {
    const d = (await draft("Denmark will double the number of teachers in Copenhagen.")).document;
    expect(d.entities.some((e) => e.kind === "Pledge")).toBe(false);
  });
});

describe("extract: an exercise named before its head with a two-digit year", () => {
  it("'the Dragon 24 exercise' is the event Dragon 24 of 2024, attended by the president", async () => {
    const d = (
      await draft("Polish President Andrzej Duda attended the Dragon 24 exercise on Monday.")
    ).document;
    const e = d.entities.find((x) => x.kind === "Event");
    expect(e?.key).toBe("dragon-24");
    expect(String(e?.properties?.date)).toMatch(/^2024/);
    expect(d.relations.map((r) => `${r.from} ${r.type} ${r.to}`)).toContain(
      "andrzej-duda PARTICIPATED_IN dragon-24",
    );
  });

  it("a count before the head is no year of a name: 'the 24 exercises'", async () => {
    const d = (await draft("The allies held the 24 exercises planned for the year.")).document;
    expect(d.entities.some((x) => x.kind === "Event")).toBe(false);
  });
});
