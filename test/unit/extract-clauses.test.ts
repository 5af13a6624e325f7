/**
 * The clause reader (issue 25, seventh pass): one mechanism for verb classes over parsed clauses
 * instead of one pattern per wording. Each family varies voice (active, passive), relative
 * clauses, coordinated subjects and objects, and mood (done, negated, intended), with the cases
 * that must not fire. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { verbGroups } from "../../src/extract/clauses.js";
import { analyse } from "../../src/extract/nlp.js";
import { entities, facts } from "../helpers/extract.js";

const groups = (text: string) =>
  verbGroups(text, analyse(text).tokens).map(
    (g) => `${g.lemma} ${g.mood}${g.passive ? " passive" : ""}`,
  );

describe("extract: verb groups with tense, modality, negation and voice", () => {
  it.each([
    ["Spain sent troops.", "send FACT"],
    ["Spain has sent troops.", "send FACT"],
    ["Spain will send troops.", "send FUTURE"],
    ["Spain would send troops.", "send MODAL"],
    ["Spain did not send troops.", "send NEGATED"],
    ["Spain has never sent troops.", "send NEGATED"],
    ["Troops were sent by Spain.", "send FACT passive"],
    ["The battle group is led by Italy.", "lead FACT passive"],
    ["Italy is leading the battle group.", "lead FACT"],
    ["Pekka Haavisto took part in the meeting.", "take part FACT"],
    ["Mark Rutte called on Canada to spend more.", "call on FACT"],
  ])("%s", (text, group) => {
    expect(groups(text)).toContain(group);
  });
});

describe("extract: contribution verbs read by the clause", () => {
  it.each([
    "Spain and Portugal sent troops to Operation Reassurance.",
    "Troops were sent to Operation Reassurance by Spain and Portugal.",
    "Spain and Portugal have deployed ships to Operation Reassurance.",
    "Spain and Portugal, which lead Operation Atalanta, sent troops to Operation Reassurance.",
  ])("both nations contribute: %s", async (text) => {
    const f = await facts(text);
    expect(f).toContain("spain CONTRIBUTES_TO operation-reassurance");
    expect(f).toContain("portugal CONTRIBUTES_TO operation-reassurance");
  });

  it("the mission the article names once is the one 'the rotation' refers to", async () => {
    const f = await facts(
      "Canada leads Operation Reassurance. Britain rejoined the mission in May, and Belgium is also contributing jets to the current rotation.",
    );
    expect(f).toContain("united-kingdom CONTRIBUTES_TO operation-reassurance");
    expect(f).toContain("belgium CONTRIBUTES_TO operation-reassurance");
  });

  it("a mission placed by a passive verb: 'the mission is based in Latvia'", async () => {
    const f = await facts("Canada leads Operation Reassurance. The mission is based in Latvia.");
    expect(f).toContain("operation-reassurance DEPLOYED_TO latvia");
  });

  it.each([
    "Spain did not send troops to Operation Reassurance.",
    "Spain has never sent troops to Operation Reassurance.",
    // the alliance is no contributor to its own mission
    "NATO sent troops to Operation Reassurance.",
  ])("no contribution: %s", async (text) => {
    expect((await facts(text)).filter((x) => x.includes("CONTRIBUTES_TO"))).toEqual([]);
  });

  it("a negation denies only what its own clause acts on", async () => {
    const f = await facts(
      "Britain rejoined Operation Reassurance and did not send jets to Operation Atalanta.",
    );
    expect(f).toContain("united-kingdom CONTRIBUTES_TO operation-reassurance");
    expect(f).not.toContain("united-kingdom CONTRIBUTES_TO operation-atalanta");
  });
});

describe("extract: leading, hosting and joining read by the clause", () => {
  it.each([
    ["Canada leads Operation Reassurance.", "canada LEADS operation-reassurance"],
    ["Operation Reassurance is led by Canada.", "canada LEADS operation-reassurance"],
    [
      "Canada, which commands Operation Reassurance, sent troops.",
      "canada LEADS operation-reassurance",
    ],
    [
      "Canada leads Operation Reassurance. The mission is hosted by Latvia.",
      "latvia HOSTS operation-reassurance",
    ],
    ["Latvia hosts Operation Reassurance.", "latvia HOSTS operation-reassurance"],
    ["Finland and Sweden joined NATO.", "sweden MEMBER_OF nato"],
    ["Finland and Sweden joined NATO.", "finland MEMBER_OF nato"],
  ])("%s", async (text, fact) => {
    expect(await facts(text)).toContain(fact);
  });

  it.each([
    ["Latvia did not host Operation Reassurance.", " HOSTS "],
    ["Canada never led Operation Reassurance.", " LEADS "],
    // "head to" is travel, "led to" a cause
    ["Canadian soldiers head to Operation Reassurance in Latvia.", " LEADS "],
    ["Canada led talks with Latvia on the battle group in Latvia.", " LEADS "],
    // not a member: denied, wished for, or to come
    ["Finland did not join NATO.", "MEMBER_OF"],
    ["Sweden wants to join NATO.", "MEMBER_OF"],
    ["Sweden will join NATO as its 32nd member.", "MEMBER_OF"],
  ])("nothing: %s", async (text, absent) => {
    expect((await facts(text)).filter((x) => x.includes(absent))).toEqual([]);
  });
});

describe("extract: statements, approvals and meetings read by the clause", () => {
  it("an unquoted first-person sentence, then its speaker, is a quote", async () => {
    const f = await facts(
      "We are proud of our soldiers and their work in Latvia, said Defence Minister Anita Anand.",
    );
    expect(f.some((x) => /^anita-anand SAID quote-anand-/.test(x))).toBe(true);
  });

  it.each([
    // not the first person: reported, not quoted
    "They are proud of the soldiers and their work, said Defence Minister Anita Anand.",
    // too short to be a statement
    "We agree, said Defence Minister Anita Anand.",
  ])("no unquoted quote: %s", async (text) => {
    expect((await facts(text)).filter((x) => x.includes(" SAID "))).toEqual([]);
  });

  it("people giving statements together took part in the visit the article tells of", async () => {
    const f = await facts(
      "Prime Minister Mark Carney visited Riga on Tuesday. Carney, Latvian Prime Minister Evika Silina and Defence Minister Andris Spruds gave statements to the media.",
    );
    expect(f).toContain("evika-silina PARTICIPATED_IN carney-visit-to-riga (inferred)");
    expect(f).toContain("andris-spruds PARTICIPATED_IN carney-visit-to-riga (inferred)");
  });

  it("statements with no occasion told before make no participant", async () => {
    const f = await facts("Evika Silina and Andris Spruds gave statements to the media.");
    expect(f.filter((x) => x.includes("PARTICIPATED_IN"))).toEqual([]);
  });

  it("a cabinet's approval is an event the cabinet takes part in, in its nation", async () => {
    const text =
      "Bulgaria’s Cabinet approved on May 18 the deployment of up to 800 Italian troops in the country.";
    const f = await facts(text, "2022-05-18");
    const event = f.find((x) => x.startsWith("cabinet-of-bulgaria PARTICIPATED_IN "));
    expect(event).toBeDefined();
    const key = event?.split(" ")[2];
    expect(f).toContain(`${key} LOCATED_IN bulgaria (inferred)`);
    expect(await entities(text, "2022-05-18")).toContain("Organization cabinet-of-bulgaria");
  });

  it.each([
    "Bulgaria’s Cabinet did not approve the deployment of Italian troops.",
    // no government body: a person's approval is no cabinet decision
    "Prime Minister Mark Carney approved the deployment of Canadian troops.",
  ])("no approval event: %s", async (text) => {
    expect((await entities(text)).filter((x) => x.includes("approves"))).toEqual([]);
  });

  it("'X said after a government meeting': X took part in it, and said nothing at it", async () => {
    const f = await facts(
      "“Germany will participate,” Defence Minister Jaroslav Nad said after a government meeting.",
      "2022-02-26",
    );
    expect(f).toContain("jaroslav-nad PARTICIPATED_IN government-meeting-2022-02-26");
    expect(f.filter((x) => x.includes("SAID_AT"))).toEqual([]);
  });
});

describe("extract: missions named by a description, and who takes the lead", () => {
  it.each([
    [
      "Norway this month assumed the lead for NATO’s air policing mission over Estonia, Latvia, and Lithuania.",
      // air policing over the Baltic states is the Baltic Air Policing (mission-names.ts)
      "baltic-air-policing",
      ["estonia", "latvia", "lithuania"],
      "norway",
    ],
    [
      "Spain took command of NATO's training mission in Iraq.",
      "nato-training-mission",
      ["iraq"],
      "spain",
    ],
    [
      "Denmark took over the leadership of the alliance's maritime operation in Estonia.",
      "nato-maritime-operation",
      ["estonia"],
      "denmark",
    ],
  ])("%s", async (text, key, hosts, leader) => {
    const f = await facts(text);
    for (const h of hosts) {
      expect(f).toContain(`${key} DEPLOYED_TO ${h}`);
      expect(f).toContain(`${h} HOSTS ${key} (inferred)`);
    }
    expect(f).toContain(`${leader} LEADS ${key}`);
  });

  it.each([
    // an adjective alone describes no mission
    ["Canada said NATO's new mission would start.", "Mission"],
    // "lead" as a noun with no "of/for" is no taking of the lead
    ["Norway took the lead in talks.", "LEADS"],
  ])("nothing: %s", async (text, absent) => {
    const all = [...(await facts(text)), ...(await entities(text))];
    expect(all.filter((x) => x.includes(absent))).toEqual([]);
  });

  it("a verb inside a mission's name ('air policing') ends no clause", async () => {
    const f = await facts(
      "Norway assumed the lead for NATO’s air policing mission. Norway deployed four F-16s to Lithuania for the rotation, and Belgium has deployed four F-16s to Malbork, Poland, for this rotation.",
    );
    expect(f).toContain("norway CONTRIBUTES_TO nato-air-policing-mission");
    expect(f).toContain("belgium CONTRIBUTES_TO nato-air-policing-mission");
    expect(f).toContain("nato-air-policing-mission DEPLOYED_TO lithuania");
    expect(f).toContain("lithuania HOSTS nato-air-policing-mission (inferred)");
    expect(f).toContain("nato-air-policing-mission DEPLOYED_TO poland");
  });

  it("a standing NATO naval group is NATO's formation", async () => {
    const f = await facts(
      "Ships of the Standing NATO Maritime Group 1 (SNMG1) arrived in Tallinn.",
    );
    expect(f.some((x) => x.startsWith("standing-nato-maritime-group-1 PART_OF nato"))).toBe(true);
  });
});
