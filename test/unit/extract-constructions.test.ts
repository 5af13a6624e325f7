/**
 * The constructions that recur across defence news (issue 25, fourth pass), each as a family of
 * variants written for the test: wire-story furniture, modal and reported pledges, troops stationed
 * somewhere, events at a place, and the names a wire story uses for nations and the alliance.
 */
import { describe, expect, it } from "vitest";
import { draft, entities, facts } from "../helpers/extract.js";

describe("extract: wire-story furniture", () => {
  it.each([
    "VILNIUS, Lithuania (AP) — Latvian Prime Minister Evika Silina visited German troops on Monday.",
    "VILNIUS (Reuters) - Latvian Prime Minister Evika Silina visited German troops on Monday.",
    "VILNIUS, June 3 (Reuters) - Latvian Prime Minister Evika Silina visited German troops on Monday.",
    "VILNIUS — Latvian Prime Minister Evika Silina visited German troops on Monday.",
  ])("a dateline's place is where the story was filed, not a fact: %s", async (text) => {
    const r = await draft(text);
    const rel = r.document.relations.filter((x) => x.type !== "MENTIONS");
    // where the city lies is all that is drawn from it ("vilnius LOCATED_IN lithuania")
    for (const x of rel.filter((x) => x.from === "vilnius" || x.to === "vilnius"))
      expect(`${x.type} ${x.to}`).toBe("LOCATED_IN lithuania");
    expect(rel.some((x) => x.type === "VISITED" && x.to === "lithuania")).toBe(false);
    // the agency that filed it is named (a MENTIONS, as a credit line's is), nothing more
    const agency = /\((AP|Reuters)\)/.exec(text)?.[1];
    const agencyKey = agency === "AP" ? "the-associated-press" : "reuters";
    if (agency) expect(r.entities.map((e) => e.key)).toContain(agencyKey);
    expect(rel.filter((x) => x.from === agencyKey || x.to === agencyKey)).toEqual([]);
    // the person is still found, and leads Latvia
    expect(rel.map((x) => `${x.from} ${x.type} ${x.to}`)).toContain("evika-silina LEADS latvia");
  });

  it("a dateline's nation is not the article's home nation", async () => {
    const out = await facts(
      "RIGA, Latvia (AP) — Defence Minister Hanno Pevkur said Estonia would buy air defence. Estonia and Latvia border Russia. Latvia agreed.",
    );
    expect(out).not.toContain("hanno-pevkur SERVES_IN latvia (inferred)");
  });

  it.each([
    "By JANE DOE Associated Press",
    "By Jane Doe and John Roe, Reuters",
    "Reporting by Jane Doe in Vilnius; Editing by John Roe",
    "(Reporting by Jane Doe; Writing by John Roe; Editing by Mary Major)",
    "Associated Press writer Jane Doe in Riga contributed to this report.",
    "Copyright 2025 The Associated Press. All rights reserved.",
    "© 2025 Thomson Reuters. All rights reserved.",
    "Photo: Reuters/Jane Doe",
    "File photo by Jane Doe/AP",
    "READ MORE: Jane Doe on why John Roe went to Riga",
  ])(
    "bylines, credits and copyright lines make no person, organisation or fact: %s",
    async (line) => {
      const r = await draft(
        `German troops arrived in Lithuania on Monday, Defence Minister Boris Pistorius said.\n\n${line}`,
      );
      const keys = r.entities.map((e) => e.key);
      expect(keys).not.toContain("jane-doe");
      expect(keys).not.toContain("john-roe");
      expect(keys).not.toContain("mary-major");
      expect(keys).not.toContain("riga");
      expect(r.entities.filter((e) => e.kind === "Person").map((e) => e.key)).toEqual([
        "boris-pistorius",
      ]);
      // the agency may be named (a MENTIONS, as a credit line names it), nothing more
      for (const x of r.document.relations.filter((x) => x.evidence.includes(line)))
        expect(x.type).toBe("MENTIONS");
    },
  );

  it("a sentence that starts with 'By' and a date or a month is news, not a byline", async () => {
    const out = await facts(
      "By 2027, Germany will station a brigade in Lithuania as part of NATO's forward presence.\nBy March, about 5,000 German troops will be stationed in Lithuania as part of the brigade.",
    );
    expect(out.length).toBeGreaterThan(0);
  });

  it("'Key points:' bullets are sentences of their own: evidence never spans two lines", async () => {
    const r = await draft(
      "Key points:\n- Germany has 1,000 troops in Lithuania\n- Lithuania hosts about 1,000 German soldiers\n- Moscow's invasion of Ukraine changed the alliance\n\nNATO defence ministers meet in Brussels on Thursday.",
    );
    for (const x of r.document.relations) expect(x.evidence).not.toContain("\n");
  });
});

/** The draft's pledges as "pledger -> key {props}" lines, MENTIONS left out. */
async function pledges(text: string) {
  const r = await draft(text, "2025-06-03");
  const props = new Map(r.document.entities.map((e) => [e.key, e.properties]));
  return r.document.relations
    .filter((x) => x.type === "PLEDGED")
    .map((x): Record<string, unknown> & { from: string; to: string; inferred: boolean } => ({
      ...(props.get(x.to) as Record<string, unknown>),
      from: x.from,
      to: x.to,
      inferred: x.inferred,
    }));
}

describe("extract: modal and reported spending pledges", () => {
  it.each([
    [
      "Germany will raise defense spending to 3.5% of gross domestic product by 2029, German Chancellor Friedrich Merz said.",
      "by 2029",
    ],
    [
      "Germany would increase defence spending to 3.5 per cent of GDP by 2029, said German Chancellor Friedrich Merz.",
      "by 2029",
    ],
    [
      "German Chancellor Friedrich Merz said Germany plans to boost military spending to 3.5 percent of economic output next year.",
      "next year",
    ],
    [
      "German Chancellor Friedrich Merz said on Tuesday that Germany intends to lift defence spending to three and a half percent of GDP by 2029.",
      "by 2029",
    ],
    [
      "Germany is to raise its defence budget to 3.5% of GDP in 2026, according to German Chancellor Friedrich Merz.",
      "in 2026",
    ],
  ])(
    "a nation that will raise spending to a share of GDP pledges it, with the speaker: %s",
    async (text, period) => {
      const out = await pledges(text);
      const nation = out.find((x) => x.from === "germany");
      expect(nation).toMatchObject({
        inferred: false,
        metric: "PERCENT_GDP",
        value: 3.5,
        unit: "percent of GDP",
        period,
        status: "COMMITTED",
      });
      expect(out).toContainEqual(
        expect.objectContaining({ from: "friedrich-merz", to: nation?.to, inferred: true }),
      );
    },
  );

  it.each([
    "German Chancellor Friedrich Merz visited Vilnius. Merz said his country would boost defence spending to 3.5 per cent of GDP next year.",
    "German Chancellor Friedrich Merz visited Vilnius. Merz said the government will raise defence spending to 3.5 per cent of GDP next year.",
    "German Chancellor Friedrich Merz visited Vilnius. Berlin will raise defence spending to 3.5 per cent of GDP next year, Merz said.",
    "“We will raise defence spending to 3.5 per cent of GDP next year,” said German Chancellor Friedrich Merz.",
  ])(
    "'his country', 'the government', a capital and 'we' stand for the speaker's nation: %s",
    async (text) => {
      const out = await pledges(text);
      expect(out).toContainEqual(expect.objectContaining({ from: "germany", value: 3.5 }));
      expect(out).toContainEqual(expect.objectContaining({ from: "friedrich-merz", value: 3.5 }));
    },
  );

  it("a dateline before the pledge and 'his country' for the nation the speaker spoke for earlier", async () => {
    const out = await pledges(
      "VILNIUS, Lithuania (AP) — Germany will raise defense spending to 3.5% of gross domestic product by 2029, Chancellor Friedrich Merz said.\n\nMerz said his country would boost defence spending to 5 per cent of GDP by 2035.",
    );
    expect(out).toContainEqual(
      expect.objectContaining({ from: "germany", inferred: false, value: 3.5, period: "by 2029" }),
    );
    expect(out).toContainEqual(
      expect.objectContaining({ from: "germany", inferred: true, value: 5, period: "by 2035" }),
    );
    expect(out.some((x) => x.from === "lithuania")).toBe(false);
  });

  it("a government and money: 'the French government will add 6.5 billion euros to the defence budget'", async () => {
    const out = await pledges(
      "The French government will add 6.5 billion euros to the defence budget over the next two years, French President Emmanuel Macron said.",
    );
    expect(out).toContainEqual(
      expect.objectContaining({
        from: "government-of-france",
        inferred: false,
        metric: "MONEY",
        value: 6_500_000_000,
        unit: "EUR",
        period: "over the next two years",
      }),
    );
    expect(out).toContainEqual(expect.objectContaining({ from: "france", inferred: true }));
  });

  it.each([
    [
      "Germany will send 500 more troops to Lithuania next year, German Defence Minister Boris Pistorius said.",
      500,
    ],
    [
      "German Defence Minister Boris Pistorius said Germany would deploy 500 additional soldiers to Lithuania next year.",
      500,
    ],
    ["Germany will station a brigade of 4,800 soldiers in Lithuania by 2027.", 4800],
  ])(
    "troops a nation will send are a TROOPS pledge about where they go: %s",
    async (text, value) => {
      const r = await draft(
        `NATO's battlegroup in Lithuania is led by Germany. ${text}`,
        "2025-06-03",
      );
      const pledged = r.document.relations.find(
        (x) => x.type === "PLEDGED" && x.from === "germany",
      );
      const pledge = r.document.entities.find((e) => e.key === pledged?.to);
      expect(pledge?.properties).toMatchObject({ metric: "TROOPS", value, unit: "troops" });
      const f = r.document.relations.map((x) => `${x.from} ${x.type} ${x.to}`);
      expect(f).toContain(`${pledge?.key} ABOUT lithuania`);
      expect(f).toContain(`${pledge?.key} ABOUT nato-battle-group-in-lithuania`);
    },
  );

  it("'increase the number to 5,000' after a troop sentence is a TROOPS pledge", async () => {
    const out = await pledges(
      "About 1,000 German soldiers are stationed in Lithuania as part of NATO's battlegroup. Berlin plans to increase the number to 5,000 by 2027.",
    );
    expect(out).toContainEqual(
      expect.objectContaining({
        from: "germany",
        metric: "TROOPS",
        value: 5000,
        period: "by 2027",
      }),
    );
  });

  it.each([
    "Spain will not send 300 troops to Latvia.",
    "Germany will increase the number of tanks to 50 by 2027.",
    "Lithuania will raise the number to 5,000 by 2027.",
  ])("no troops pledge: %s", async (text) => {
    const out = await pledges(text);
    expect(out.filter((x) => x.metric === "TROOPS")).toEqual([]);
  });

  it("'raise from 2% to 3%' pledges the second figure", async () => {
    const out = await pledges(
      "Italy would raise defence spending from 1.5% to 2% of GDP this year, Italian Prime Minister Giorgia Meloni said.",
    );
    expect(out).toContainEqual(expect.objectContaining({ from: "italy", value: 2 }));
  });

  it("a pledge in line with the alliance's target is about that target", async () => {
    const r = await draft(
      "NATO allies agreed to spend 5% of GDP on defence by 2035. The Netherlands will spend 3.5 per cent of its GDP on defence by 2035, in line with NATO's new target.",
    );
    const f = r.document.relations.map((x) => `${x.from} ${x.type} ${x.to}`);
    const pledge = r.document.relations.find(
      (x) => x.type === "PLEDGED" && x.from === "netherlands",
    )?.to;
    expect(pledge).toBeDefined();
    expect(f).toContain(`${pledge} ABOUT nato-five-percent-target`);
  });

  it.each([
    "Spain would not increase defense spending to 5% of GDP, Spanish Prime Minister Pedro Sanchez said.",
    "Spain won't raise defence spending to 5 per cent of GDP, Spanish Prime Minister Pedro Sanchez said.",
    "Lithuania could raise defence spending to 6 percent of GDP if needed, officials said.",
    "Lithuania will raise defence spending to 6 percent of GDP if the economy allows, officials said.",
    "German troops will raise the flag in Vilnius, where 3.5% of voters live.",
    "Spain spends 1.3% of GDP on defence, while Germany will host the summit.",
  ])("negated, hedged or unrelated sentences pledge nothing: %s", async (text) => {
    const out = await pledges(text);
    expect(out).toEqual([]);
  });

  it("a future share is not what a nation spends", async () => {
    const out = await facts(
      "NATO allies agreed to spend 5% of GDP on defence by 2035. Poland is to raise its defence budget to 4.7% of GDP next year. Lithuania could raise defence spending to 6 percent of GDP.",
    );
    expect(out.filter((x) => x.includes(" SPENDS "))).toEqual([]);
  });
});

describe("extract: troops stationed, based, deployed or hosted somewhere", () => {
  const contribution = async (text: string, from: string, mission: string) => {
    const r = await draft(text, "2025-06-03");
    return r.document.relations.find(
      (x) => x.type === "CONTRIBUTES_TO" && x.from === from && x.to === mission,
    );
  };

  it.each([
    "About 1,000 German soldiers are stationed in Lithuania as part of NATO's enhanced Forward Presence battlegroup.",
    "Some 1,000 troops from Germany are based in Lithuania as part of NATO's forward presence.",
    "Around 1,000 German troops have been deployed to Lithuania under NATO's Enhanced Forward Presence.",
    "NATO has kept a multinational battlegroup in Lithuania since 2017. Germany has 1,000 troops in Lithuania.",
    "NATO's battlegroup in Lithuania is led by Germany. Lithuania hosts about 1,000 German soldiers.",
    "NATO's battlegroup in Lithuania is led by Germany. Nearly 1,000 German soldiers are serving in Lithuania.",
    "NATO's battlegroup in Lithuania is led by Germany. About 1,000 German soldiers are currently posted in Lithuania.",
  ])("the contributor, the figure and the mission: %s", async (text) => {
    const c = await contribution(text, "germany", "nato-battle-group-in-lithuania");
    expect(c?.properties).toMatchObject({ troops: 1000, asOf: "2025-06" });
    const f = await facts(text, "2025-06-03");
    expect(
      f.some((x) => x.startsWith("nato-battle-group-in-lithuania DEPLOYED_TO lithuania")),
    ).toBe(true);
    expect(f.some((x) => x.startsWith("lithuania HOSTS nato-battle-group-in-lithuania"))).toBe(
      true,
    );
    // the host does not contribute by these sentences
    expect(f.some((x) => x.startsWith("lithuania CONTRIBUTES_TO"))).toBe(false);
  });

  it("with two missions, the troops go to the one in the place they are in", async () => {
    const text =
      "NATO has battlegroups in Lithuania and Latvia: the battlegroup in Latvia is led by Canada, the battlegroup in Lithuania by Germany.\nAbout 1,000 German soldiers are stationed in Lithuania.";
    const c = await contribution(text, "germany", "nato-battle-group-in-lithuania");
    expect(c?.properties).toMatchObject({ troops: 1000 });
    expect(await contribution(text, "germany", "nato-battle-group-in-latvia")).toBeUndefined();
  });

  it.each([
    "About 1,000 German tourists are in Lithuania.",
    "Lithuania has 1,000 troops ready to defend Vilnius.",
    "German soldiers in Lithuania said the forward presence of the army was welcome.",
  ])("no mission, no contribution: %s", async (text) => {
    const f = await facts(text);
    expect(f.filter((x) => x.includes("CONTRIBUTES_TO"))).toEqual([]);
  });
});

describe("extract: events at a place", () => {
  it.each([
    "“We are here to stay,” German Chancellor Friedrich Merz said at a news conference in Vilnius on Tuesday.",
    "German Chancellor Friedrich Merz told a news conference in Vilnius on Tuesday: “We are here to stay.”",
    "Speaking at a press conference in Vilnius on Tuesday, German Chancellor Friedrich Merz said: “We are here to stay.”",
    "“We are here to stay,” said German Chancellor Friedrich Merz at a joint news conference in Vilnius on Tuesday.",
  ])(
    "a news conference in a city: the speaker takes part, it is located there (the city is no host), the quote is said there: %s",
    async (text) => {
      const r = await draft(text, "2025-06-05");
      const event = r.document.entities.find(
        (e) => e.kind === "Event" && e.properties.category === "STATEMENT",
      );
      expect(event?.key).toBe("merz-news-conference-in-vilnius");
      expect(event?.properties.date).toBe("2025-06-03");
      const f = r.document.relations.map((x) => `${x.from} ${x.type} ${x.to}`);
      expect(f).toContain("friedrich-merz PARTICIPATED_IN merz-news-conference-in-vilnius");
      expect(f).toContain("merz-news-conference-in-vilnius LOCATED_IN vilnius");
      expect(f).not.toContain("vilnius HOSTS merz-news-conference-in-vilnius");
      expect(f.some((x) => /^quote-.* SAID_AT merz-news-conference-in-vilnius$/.test(x))).toBe(
        true,
      );
    },
  );

  it("a joint news conference with someone: both take part", async () => {
    const out = await facts(
      "German Chancellor Friedrich Merz spoke at a joint news conference with Lithuanian President Gitanas Nauseda in Vilnius.",
    );
    expect(out).toContain("gitanas-nauseda PARTICIPATED_IN merz-news-conference-in-vilnius");
    expect(out).toContain("merz-news-conference-in-vilnius LOCATED_IN vilnius");
  });

  it("a quote in the next sentence by the same speaker is said at the conference too", async () => {
    const out = await facts(
      "Speaking at a press conference in Riga on Monday, Latvian Defence Minister Andris Spruds said Latvia would buy more air defence. “We cannot wait,” he said.",
    );
    expect(out).toContain("andris-spruds PARTICIPATED_IN spruds-news-conference-in-riga");
    expect(out.some((x) => x.endsWith("SAID_AT spruds-news-conference-in-riga (inferred)"))).toBe(
      true,
    );
  });

  it.each([
    "NATO defense ministers meet in Brussels on Thursday.",
    "NATO defence ministers will meet in Brussels on Thursday.",
    "NATO defence ministers met in Brussels on Thursday.",
  ])("a meeting held in a city is located there: %s", async (text) => {
    const out = await facts(text);
    expect(out).toContain("nato-defence-ministers-meeting LOCATED_IN brussels");
    expect(out).not.toContain("brussels HOSTS nato-defence-ministers-meeting (inferred)");
  });

  it.each([
    "Lithuanian President Gitanas Nauseda spoke during talks with German Chancellor Friedrich Merz in Vilnius.",
    "Lithuanian President Gitanas Nauseda held talks with German Chancellor Friedrich Merz in Vilnius.",
  ])(
    "talks with someone in a city: both take part, located there (the city is no host): %s",
    async (text) => {
      const out = await facts(text);
      expect(out).toContain("gitanas-nauseda PARTICIPATED_IN nauseda-meeting-with-friedrich-merz");
      expect(out).toContain("friedrich-merz PARTICIPATED_IN nauseda-meeting-with-friedrich-merz");
      expect(out).toContain("nauseda-meeting-with-friedrich-merz LOCATED_IN vilnius");
      expect(out).not.toContain("vilnius HOSTS nauseda-meeting-with-friedrich-merz (inferred)");
    },
  );

  it.each([
    "Reporters at a news conference in Vilnius asked about the brigade.",
    "The news conference in Vilnius was cancelled.",
  ])("a news conference nobody is said to speak at makes no event: %s", async (text) => {
    const r = await draft(text);
    expect(r.document.entities.filter((e) => e.kind === "Event")).toEqual([]);
  });
});

describe("extract: names a wire story uses", () => {
  it("names in capitals are read as names", async () => {
    const out = await facts(
      "GERMAN CHANCELLOR FRIEDRICH MERZ visited LITHUANIA on Tuesday. NATO ALLIES MET IN BRUSSELS.",
    );
    expect(out).toContain("friedrich-merz LEADS germany");
    expect(out).toContain("friedrich-merz VISITED lithuania");
    const ents = await entities("GERMAN CHANCELLOR FRIEDRICH MERZ visited LITHUANIA on Tuesday.");
    expect(ents).toContain("Person friedrich-merz");
    expect(ents).not.toContain("Person german-chancellor-friedrich-merz");
  });

  it("acronyms in capitals stay acronyms", async () => {
    const ents = await entities("The US and the UK told NATO and the EU they would send troops.");
    expect(ents).toEqual(
      expect.arrayContaining([
        "Nation united-states",
        "Nation united-kingdom",
        "Organization nato",
      ]),
    );
  });

  it("'U.S.', 'US', 'United States', 'America' and 'American' are one nation", async () => {
    const r = await draft(
      "The U.S. has troops in Poland. The US will send more jets. The United States is NATO's largest member. America's allies welcomed it. American soldiers train in Lithuania.",
    );
    const us = r.entities.filter((e) => e.key === "united-states");
    expect(us).toHaveLength(1);
    expect(us[0]?.mentions).toHaveLength(5);
    expect(
      r.entities
        .filter((e) => e.kind === "Nation")
        .map((e) => e.key)
        .sort(),
    ).toEqual(["lithuania", "poland", "united-states"]);
  });

  it.each([
    ["Moscow's invasion of Ukraine changed everything.", "russia"],
    ["Moscow's full-scale invasion of Ukraine changed everything.", "russia"],
  ])("a capital's invasion is its nation's: %s", async (text, invader) => {
    const out = await facts(text);
    expect(out).toContain(`${invader} INVADED ukraine`);
    const ents = await entities(text);
    expect(ents).not.toContain("Place moscow");
  });

  it.each([
    ["Washington said it would send more troops.", "Nation united-states"],
    ["Washington's support for Ukraine matters.", "Nation united-states"],
    ["Kyiv's forces held the line.", "Nation ukraine"],
    ["Moscow denied the claims.", "Nation russia"],
  ])("a capital that acts is its nation's government: %s", async (text, nation) => {
    const ents = await entities(text);
    expect(ents).toContain(nation);
    expect(ents.filter((e) => e.startsWith("Place"))).toEqual([]);
  });

  it.each([
    ["Merz met officials in Moscow last year.", "Place moscow"],
    ["George Washington has a statue in Riga.", "Person george-washington"],
    ["Ministers flew to Kyiv, which has been shelled.", "Place kyiv"],
  ])("a capital as a place stays a place: %s", async (text, entity) => {
    const ents = await entities(text);
    expect(ents).toContain(entity);
    expect(ents).not.toContain("Nation united-states");
  });

  it("'the alliance' is NATO where the article names NATO, and does not name it where it does not", async () => {
    const text = "NATO defence ministers met on Thursday. The alliance agreed to do more.";
    const r = await draft(text);
    expect(r.entities.find((e) => e.key === "nato")?.mentions).toContainEqual({
      start: text.indexOf("The alliance"),
      end: text.indexOf("The alliance") + "The alliance".length,
    });
    const none = await entities("The alliance between the two parties broke down.");
    expect(none).not.toContain("Organization nato");
  });
});

describe("extract: a nation's brigade abroad", () => {
  it.each([
    "Germany's brigade in Lithuania will be ready by 2027.",
    "The German brigade in Lithuania will be ready by 2027.",
    "The Bundeswehr brigade in Vilnius will be ready by 2027.",
    "Germany's new armoured brigade stationed in Lithuania will be ready by 2027.",
  ])("is a mission the nation leads, deployed to and hosted by the other: %s", async (text) => {
    const out = await facts(text);
    expect(out).toEqual(
      expect.arrayContaining([
        "germany LEADS german-brigade-in-lithuania",
        "german-brigade-in-lithuania DEPLOYED_TO lithuania",
        "lithuania HOSTS german-brigade-in-lithuania (inferred)",
      ]),
    );
    // not said to be NATO's
    expect(out.some((x) => x.startsWith("german-brigade-in-lithuania PART_OF"))).toBe(false);
  });

  it("troops stationed where the brigade is contribute to it", async () => {
    const r = await draft(
      "Germany's brigade in Lithuania will be ready by 2027. About 1,000 German soldiers are stationed in Lithuania.",
    );
    const c = r.document.relations.find(
      (x) => x.type === "CONTRIBUTES_TO" && x.to === "german-brigade-in-lithuania",
    );
    expect(c).toMatchObject({ from: "germany", properties: { troops: 1000 } });
  });

  it.each([
    "The brigade in the village is new.",
    "Lithuania's brigade trains at home.",
    "The UK-led battle group in Estonia trained with Estonian troops.",
  ])(
    "a brigade with no nation abroad, or troops beside a mission, make no mission or contribution: %s",
    async (text) => {
      const out = await facts(text);
      expect(out.filter((x) => /brigade/.test(x))).toEqual([]);
      expect(out.filter((x) => x.startsWith("estonia CONTRIBUTES_TO"))).toEqual([]);
    },
  );
});

describe("extract: 'the meeting', 'the summit' after the event is named", () => {
  const named =
    "NATO Secretary General Mark Rutte chaired a meeting of NATO defence ministers in Brussels on Thursday.";

  it.each([
    ["U.S. Defense Secretary Pete Hegseth attended the meeting.", "pete-hegseth"],
    [
      "At the meeting, U.S. Defense Secretary Pete Hegseth said allies must spend more.",
      "pete-hegseth",
    ],
    [
      "U.S. Defense Secretary Pete Hegseth said at the two-day meeting that allies must spend more.",
      "pete-hegseth",
    ],
    ["German Defence Minister Boris Pistorius also took part in the meeting.", "boris-pistorius"],
  ])("who attended, joined or spoke at it took part: %s", async (sentence, who) => {
    const out = await facts(`${named} ${sentence}`);
    expect(out).toContain(`${who} PARTICIPATED_IN nato-defence-ministers-meeting (inferred)`);
  });

  it("a quote said at the meeting is said at it", async () => {
    const out = await facts(
      `${named} “We must do more,” U.S. Defense Secretary Pete Hegseth said at the meeting.`,
    );
    expect(out.some((x) => /^quote-.* SAID_AT nato-defence-ministers-meeting$/.test(x))).toBe(true);
  });

  it("who will host the summit the sentence names hosts it", async () => {
    const out = await facts(
      "Dutch Prime Minister Dick Schoof will host the NATO summit in The Hague in June.",
      "2025-03-01",
    );
    expect(
      out.some((x) => /^dick-schoof PARTICIPATED_IN nato-summit-the-hague-2025$/.test(x)),
    ).toBe(true);
  });

  it.each([
    "U.S. Defense Secretary Pete Hegseth attended the meeting of G7 finance ministers.",
    "U.S. Defense Secretary Pete Hegseth attended the summit.",
    "U.S. Defense Secretary Pete Hegseth said the meeting in Riga was useful.",
  ])(
    "another meeting, a summit never named, or no participation verb: no participation: %s",
    async (sentence) => {
      const out = await facts(`${named} ${sentence}`);
      expect(out.filter((x) => x.startsWith("pete-hegseth PARTICIPATED_IN nato-"))).toEqual([]);
    },
  );
});

describe("extract: more of the same constructions", () => {
  it("a nation that hosts troops of NATO's forward presence hosts the battle group", async () => {
    const out = await facts(
      "Poland hosts about 10,000 U.S. troops, many of them stationed in the east as part of NATO's forward presence.",
    );
    expect(out).toEqual(
      expect.arrayContaining([
        "poland HOSTS nato-battle-group-in-poland",
        "united-states CONTRIBUTES_TO nato-battle-group-in-poland",
      ]),
    );
  });

  it.each([
    "Polish Defence Minister Wladyslaw Kosiniak-Kamysz met his Lithuanian counterpart Dovile Sakaliene in Vilnius.",
    "Polish Defence Minister Wladyslaw Kosiniak-Kamysz met her counterpart, Dovile Sakaliene, in Vilnius.",
  ])("a counterpart named after 'counterpart' is a person met: %s", async (text) => {
    const out = await facts(text);
    expect(out).toContain(
      "dovile-sakaliene PARTICIPATED_IN kosiniak-kamysz-meeting-with-dovile-sakaliene",
    );
  });
});

describe("extract: occasions named in passing", () => {
  it("a call's request ends where the occasion begins", async () => {
    const r = await draft(
      "NATO allies met in Brussels. Ukrainian President Volodymyr Zelensky called on allies to send more air defence systems during talks with British Prime Minister Keir Starmer in London.",
    );
    const call = r.document.relations.find((x) => x.type === "CALLED_ON");
    expect(call?.properties).toEqual({ request: "send more air defence systems" });
  });

  it.each([
    [
      "British Defence Secretary John Healey said at a summit in Paris that Europe must do more. NATO is not there.",
      "summit-paris-2025",
    ],
    [
      "British Defence Secretary John Healey said at the NATO summit in Paris that allies must do more.",
      "nato-summit-paris-2025",
    ],
  ])(
    "a summit is NATO's only when the sentence says so or calls it 'the summit': %s",
    async (text, key) => {
      const r = await draft(text, "2025-06-03");
      expect(r.document.entities.filter((e) => e.kind === "Event").map((e) => e.key)).toEqual([
        key,
      ]);
    },
  );
});

describe("extract: counterparts", () => {
  it.each([
    [
      "Polish Defence Minister Wladyslaw Kosiniak-Kamysz met his Lithuanian counterpart Dovile Sakaliene in Vilnius.",
      "dovile-sakaliene SERVES_IN lithuania (inferred)",
    ],
    [
      "Polish Prime Minister Donald Tusk spoke with his Latvian counterpart, Evika Silina.",
      "evika-silina LEADS latvia (inferred)",
    ],
  ])("a counterpart holds the subject's office in the other nation: %s", async (text, fact) => {
    expect(await facts(text)).toContain(fact);
  });

  it("no title before, no office inferred", async () => {
    const out = await facts(
      "Wladyslaw Kosiniak-Kamysz met his Lithuanian counterpart Dovile Sakaliene.",
    );
    expect(out.filter((x) => x.startsWith("dovile-sakaliene"))).not.toContainEqual(
      expect.stringMatching(/SERVES_IN|LEADS/),
    );
  });
});

describe("extract: the reporting verb's day, and who speaks after a participle", () => {
  it.each([
    "Lithuanian President Gitanas Nauseda said Thursday his country would raise defense spending to 3.5% of gross domestic product next year.",
    "Lithuanian President Gitanas Nauseda said on Thursday that his country would raise defense spending to 3.5% of gross domestic product next year.",
    "Lithuanian President Gitanas Nauseda said today his country would raise defence spending to 3.5 per cent of GDP next year.",
  ])("'said <day>' before the clause keeps its subject: %s", async (text) => {
    const out = await facts(text, "2025-02-13");
    expect(out).toContainEqual(
      expect.stringMatching(
        /^lithuania PLEDGED lithuania-.*3-5|^lithuania PLEDGED lithuania-three-point-five/,
      ),
    );
  });

  it("'said Germany would ...' still has Germany for its subject, not a day", async () => {
    const out = await facts(
      "Chancellor Friedrich Merz said Germany would raise defence spending to 3.5% of GDP by 2029.",
      "2025-02-13",
    );
    expect(out).toContainEqual(expect.stringMatching(/^germany PLEDGED /));
  });

  it.each([
    [
      "Speaking at a news conference in Vilnius alongside Estonian Prime Minister Kristen Michal, Lithuanian President Gitanas Nauseda said the threat “has not gone away.”",
      "gitanas-nauseda",
      "kristen-michal",
    ],
    [
      "Speaking at a press conference in Riga with Defence Minister Andris Spruds, Secretary General Mark Rutte said allies “must do more.”",
      "mark-rutte",
      "andris-spruds",
    ],
  ])(
    "the speaker is the subject after the participle, the one beside is a participant: %s",
    async (text, speaker, beside) => {
      const out = await facts(text, "2025-02-13");
      const taking = out.filter((x) => x.includes(" PARTICIPATED_IN "));
      const event = taking.find((x) => x.startsWith(`${speaker} `))?.split(" ")[2];
      expect(event).toBeDefined();
      expect(event).toMatch(new RegExp(`^${speaker.split("-").pop()}-news-conference-in-`));
      expect(taking).toContain(`${beside} PARTICIPATED_IN ${event}`);
      expect(out).toContainEqual(expect.stringMatching(new RegExp(`^${event} LOCATED_IN `)));
      expect(out).toContainEqual(expect.stringMatching(new RegExp(` SAID_AT ${event}$`)));
    },
  );
});

describe("extract: 'the alliance's forward presence'", () => {
  it("is NATO's battle group where the article names NATO", async () => {
    const out = await facts(
      "NATO defense ministers meet in Brussels on Thursday. About 1,000 German soldiers are stationed in Lithuania as part of the alliance's forward presence.",
      "2025-02-13",
    );
    expect(out).toContain("germany CONTRIBUTES_TO nato-battle-group-in-lithuania");
    expect(out).toContain("nato-battle-group-in-lithuania DEPLOYED_TO lithuania");
  });

  it("is no mission where no alliance is named", async () => {
    const out = await facts(
      "About 1,000 German soldiers are stationed in Lithuania as part of the alliance's forward presence.",
      "2025-02-13",
    );
    expect(out.filter((x) => x.includes("battle-group"))).toEqual([]);
  });
});

describe("extract: spending against a target, and pledges reported with 'has said'", () => {
  it.each([
    [
      "He said Spain, Belgium and Canada were still below the 2% target.",
      ["spain", "belgium", "canada"],
    ],
    ["Poland and Estonia are well above the 2 percent target, Rutte said.", ["poland", "estonia"]],
    ["Italy remains short of the 2% target.", ["italy"]],
  ])(
    "nations below, above or short of the target spend against it: %s",
    async (sentence, nations) => {
      const out = await facts(`NATO allies agreed a target of 2% of GDP for defence. ${sentence}`);
      const spends = out.filter((x) => x.includes(" SPENDS ")).map((x) => x.split(" ")[0]);
      expect(spends.sort()).toEqual([...nations].sort());
    },
  );

  it("'X has said his government will reach 2% of GDP' in an article on the 2% target is X's nation's pledge", async () => {
    const out = await facts(
      "NATO allies agreed a target of 2% of GDP for defence. Spain's Prime Minister Pedro Sanchez has said his government will reach 2% of GDP this year.",
      "2025-05-14",
    );
    expect(out).toContainEqual(expect.stringMatching(/^spain PLEDGED spain-/));
    expect(out).toContainEqual(
      expect.stringMatching(/^pedro-sanchez PLEDGED spain-.* \(inferred\)$/),
    );
  });

  it("'his government' with no speaker named is nobody's pledge, not the article's main nation's", async () => {
    const out = await facts(
      "Britain has troops in Estonia. Britain leads the battle group. Officials say his government will raise defence spending to 3% of GDP.",
      "2025-05-14",
    );
    expect(out.filter((x) => x.includes(" PLEDGED "))).toEqual([]);
  });
});

describe("extract: courtesy titles", () => {
  it.each([
    "Today, the Honourable Bill Blair visited Latvia.",
    "Today, the Hon. Bill Blair visited Latvia.",
    "Today, the Right Honourable Bill Blair visited Latvia.",
  ])("are no part of the name: %s", async (text) => {
    expect(await entities(text)).toContain("Person bill-blair");
    expect(await facts(text)).toContain("bill-blair VISITED latvia");
  });
});

describe("extract: a mission extended or renewed", () => {
  it.each([
    [
      "Canada will extend Operation Reassurance until March 2029.",
      "operation-reassurance-extension",
    ],
    [
      "Canada has renewed Operation Reassurance for another three years.",
      "operation-reassurance-renewal",
    ],
    [
      "Officials said Canada will extend its participation in Operation Reassurance.",
      "operation-reassurance-extension",
    ],
  ])("is the nation's pledge about the mission: %s", async (text, pledge) => {
    const out = await facts(text, "2025-03-28");
    expect(out).toContain(`canada PLEDGED ${pledge}`);
    expect(out).toContain(`${pledge} ABOUT operation-reassurance`);
  });

  it("is no pledge when the sentence says it will not be", async () => {
    const out = await facts("Canada will not extend Operation Reassurance.", "2025-03-28");
    expect(out.filter((x) => x.includes(" PLEDGED "))).toEqual([]);
  });
});

describe("extract: a meeting's place after an appositive", () => {
  it("'met his Latvian counterpart, X, in Riga' is a meeting in Riga", async () => {
    const out = await facts(
      "Defence Minister Bill Blair met with his Latvian counterpart, Andris Spruds, in Riga on March 27.",
      "2025-03-28",
    );
    const event = out.find((x) => x.startsWith("bill-blair PARTICIPATED_IN "))?.split(" ")[2];
    expect(event).toBeDefined();
    expect(out).toContain(`${event} LOCATED_IN riga`);
  });
});
