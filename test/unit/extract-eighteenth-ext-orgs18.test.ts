/**
 * The eighteenth pass (ext-orgs18): organisations, people and pledges a careful reader records
 * that the mention stage did not find. NATO's commands and the groups of allies by name, a
 * multinational division or corps as the organisation it is, a body named right before its
 * commander's rank, a nation's ministry in lower case, a parliament's committee, NATO as "the
 * Alliance", a name with particles after a title, a purchase pledged after a modal and a sum told
 * as announced in a relative clause. Each rule has cases it must not fire on. Sentences are
 * written for the test.
 */
import { describe, expect, it } from "vitest";
import { draft, facts } from "../helpers/extract.js";

const found = async (text: string) =>
  (await draft(text)).document.entities.map((e) => `${e.kind} ${e.key}`);

describe("extract: NATO's commands and the groups of allies, by name", () => {
  it.each([
    ["Two Dutch jets were scrambled by Allied Air Command on Tuesday.", "allied-air-command"],
    ["Allied Maritime Command said four frigates sailed from Kiel.", "allied-maritime-command"],
    ["JFC Brunssum said the exercise began on Monday.", "allied-joint-force-command-brunssum"],
    ["The Bucharest Nine met in Warsaw on Friday.", "bucharest-nine"],
  ])("%s", async (text, key) => {
    expect(await found(text)).toContain(`Organization ${key}`);
  });

  it("names no command or group where the words are not its name", async () => {
    for (const text of [
      "Nine soldiers from Bucharest arrived in Warsaw.",
      "Allied forces landed in Normandy in 1944.",
      "The air command centre in Uedem was busy.",
    ]) {
      expect(
        (await found(text)).filter((e) => e.startsWith("Organization")),
        text,
      ).toEqual([]);
    }
  });
});

describe("extract: a multinational division or corps is an organisation", () => {
  it.each([
    [
      "NATO allies staff Multinational Division North East in Elblag.",
      "multinational-division-north-east",
    ],
    [
      "NATO's Multinational Corps Northeast is based in Szczecin, Poland.",
      "multinational-corps-northeast",
    ],
    [
      'The brigade in Latvia is under the headquarters of the NATO multinational division "North".',
      "multinational-division-north",
    ],
  ])("%s", async (text, key) => {
    const r = await draft(text);
    expect(r.entities.find((e) => e.key === key)?.kind).toBe("Organization");
    // an organisation is neither deployed nor a part of the alliance as a mission is
    const out = await facts(text);
    expect(out.filter((f) => f.startsWith(`${key} `))).toEqual([]);
  });

  it("leaves a multinational brigade the mission it is", async () => {
    const r = await draft("Canada leads the NATO Multinational Brigade Latvia.");
    expect(r.entities.find((e) => e.key === "multinational-brigade-latvia")?.kind).toBe("Mission");
  });
});

describe("extract: a unit named before its head in lower case", () => {
  it("'the Chasseurs Ardennais battalion' is a unit of its own", async () => {
    expect(
      await found(
        "The company was drawn from the Chasseurs Ardennais battalion of the Belgian Armed Forces.",
      ),
    ).toContain("Organization chasseurs-ardennais-battalion");
  });

  it("not a nation's, a people's or a known body's unit, nor one led by a nation", async () => {
    for (const text of [
      "Troops of the NATO brigade trained in Adazi.",
      "The Canadian-led battalion trained with the Latvian battalion.",
      "The soldiers of the The battalion rested.",
    ]) {
      expect(
        (await found(text)).filter((e) => /battalion|brigade/.test(e)),
        text,
      ).toEqual([]);
    }
  });
});

describe("extract: a nation's maritime, land and special forces named with its name", () => {
  it("'the Netherlands Maritime Force' is the nation's service, without the article", async () => {
    const r = await draft(
      "The task group sailed with the Netherlands Maritime Force in the North Sea.",
    );
    expect(r.document.entities.map((e) => `${e.kind} ${e.name}`)).toContain(
      "Organization Netherlands Maritime Force",
    );
  });

  it("a nation alone stays the nation", async () => {
    expect(await found("The Netherlands sent two frigates to the North Sea.")).toEqual(
      expect.arrayContaining(["Nation netherlands"]),
    );
    expect(
      (await found("The Netherlands sent two frigates to the North Sea.")).filter((e) =>
        e.startsWith("Organization"),
      ),
    ).toEqual([]);
  });
});

describe("extract: a body named right before its commander's rank", () => {
  it("'the Commander of the Allied Joint Force Command General X': X leads the command", async () => {
    const text =
      "The Commander of the Allied Joint Force Command General Riccardo Marchio visited Elblag.";
    expect(await found(text)).toContain("Organization allied-joint-force-command");
    expect(await facts(text)).toContain("riccardo-marchio LEADS allied-joint-force-command");
  });

  it("'Land Force Commander Brig Gen X': X leads the land force", async () => {
    expect(await facts("Land Force Commander Brig Gen Artūras Radvilas met the troops.")).toContain(
      "arturas-radvilas LEADS land-force",
    );
  });

  it("an officer of the body serves in it, and a minister's title names no body", async () => {
    const officer = await facts(
      "An officer of the Allied Joint Force Command General Riccardo Marchio visited Elblag.",
    );
    expect(officer).not.toContain("riccardo-marchio LEADS allied-joint-force-command");
    expect(await found("Armed Forces Minister James Heappey visited Tapa.")).not.toContain(
      "Organization armed-forces",
    );
  });
});

describe("extract: 'the Division Commander' leads the one division the article names", () => {
  it("'the Division Commander Brig. Gen. X' leads the division named before", async () => {
    expect(
      await facts(
        "Officers visited the Multinational Division North East Headquarters in Elblag. They were greeted by the Division Commander Brig. Gen. Anna Nowak.",
      ),
    ).toContain("anna-nowak LEADS multinational-division-north-east");
  });

  it("leads nothing where the article names no division, or two", async () => {
    for (const text of [
      "Officers visited Riga. They were greeted by the Division Commander Brig. Gen. Anna Nowak.",
      "Officers visited the 1st Armoured Division and the 3rd Infantry Division. They were greeted by the Division Commander Brig. Gen. Anna Nowak.",
    ]) {
      expect(
        (await facts(text)).filter((f) => f.startsWith("anna-nowak LEADS")),
        text,
      ).toEqual([]);
    }
  });
});

describe("extract: a nation's ministry in lower case, a parliament's committee", () => {
  it("'the Czech defence ministry', \"Poland's defense ministry\" are the nations' ministries", async () => {
    expect(await found("The Czech defence ministry said 100 soldiers would go.")).toContain(
      "Organization czech-defence-ministry",
    );
    expect(await found("Poland's defense ministry said the contract was signed.")).toContain(
      "Organization poland-defense-ministry",
    );
  });

  it("'the German parliament's budget committee' is a body beside the parliament", async () => {
    const r = await draft("The German parliament's budget committee approved the spending.");
    expect(r.document.entities.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        "Budget Committee of the German parliament",
        "Parliament of Germany",
      ]),
    );
  });

  it("names no ministry or committee of no nation or parliament", async () => {
    for (const text of [
      "The defence ministry said so on Monday.",
      "The committee approved the spending.",
      "A budget committee met in the town hall.",
    ]) {
      expect(
        (await found(text)).filter((e) => e.startsWith("Organization")),
        text,
      ).toEqual([]);
    }
  });
});

describe("extract: NATO as 'the Alliance'", () => {
  it("'the Alliance' or 'our Alliance' with a capital is NATO, though NATO is not named", async () => {
    expect(await found("The Alliance has had battle groups in Estonia since 2014.")).toContain(
      "Organization nato",
    );
    expect(await found("Together we will do something useful for our Alliance.")).toContain(
      "Organization nato",
    );
  });

  it("not a party or an alliance of something, nor 'the alliance' in lower case alone", async () => {
    for (const text of [
      "The Alliance Party won seats in Belfast.",
      "The Alliance of Liberals met in Oslo.",
      "The alliance met in Oslo on Monday.",
    ]) {
      expect(await found(text), text).not.toContain("Organization nato");
    }
  });
});

describe("extract: a name with particles after a body's title", () => {
  it("'Commission President Ursula von der Leyen' is the person", async () => {
    expect(await found("Commission President Ursula von der Leyen visited Tallinn.")).toContain(
      "Person ursula-von-der-leyen",
    );
    expect(await found("Defence Minister Jan de Vries visited Tapa.")).toContain(
      "Person jan-de-vries",
    );
  });
});

describe("extract: a name written with a look-alike letter of another script", () => {
  it("'General Riccardo Marchiό' (a Greek omicron) is keyed as the Latin name", async () => {
    expect(await found("General Riccardo Marchiό visited Elblag on Monday.")).toContain(
      "Person riccardo-marchio",
    );
  });
});

describe("extract: purchases and announced sums as pledges", () => {
  it("'Germany aims to buy 35 F-35 jets': Germany pledges the purchase", async () => {
    const r = await draft("Germany aims to buy 35 F-35 stealth fighter jets in total.");
    const pledge = r.document.entities.find((e) => e.kind === "Pledge");
    expect(pledge?.name).toMatch(/buy 35 F-35/);
    expect(
      r.document.relations.some(
        (x) => x.type === "PLEDGED" && x.from === "germany" && x.to === pledge?.key,
      ),
    ).toBe(true);
  });

  it("a purchase made, a decision told as a noun or 'buy time' is no pledge", async () => {
    for (const text of [
      "Poland bought 32 F-35 jets in 2020.",
      "Berlin's decision to buy the F-35 jets upset France.",
      "The talks will buy time for diplomacy, Poland said.",
    ]) {
      expect(
        (await found(text)).filter((e) => e.startsWith("Pledge")),
        text,
      ).toEqual([]);
    }
  });

  it("'a 100 billion euro special fund that Chancellor X announced': X pledged the sum", async () => {
    const r = await draft(
      "The projects tap money from a 100 billion euro ($106 billion) special fund that Chancellor Olaf Scholz announced in February.",
    );
    const pledge = r.document.entities.find((e) => e.kind === "Pledge");
    expect(pledge?.properties).toMatchObject({
      metric: "MONEY",
      value: 100_000_000_000,
      unit: "EUR",
    });
    expect(
      r.document.relations.some(
        (x) => x.type === "PLEDGED" && x.from === "olaf-scholz" && x.to === pledge?.key,
      ),
    ).toBe(true);
  });

  it("'will raise defence spending to 3 %': a share of GDP, though the sentence does not say so", async () => {
    const r = await draft("Latvia will raise defence spending to 3 % next year.");
    expect(r.document.entities.find((e) => e.kind === "Pledge")?.properties).toMatchObject({
      metric: "PERCENT_GDP",
      value: 3,
    });
  });

  it("a growth 'by 3 %' or a share of something else is no share of GDP", async () => {
    for (const text of [
      "Latvia will raise defence spending by 3 % next year.",
      "Latvia will raise defence spending to 3 % of the state budget.",
    ]) {
      expect(
        (await draft(text)).document.entities.filter(
          (e) => e.kind === "Pledge" && e.properties?.metric === "PERCENT_GDP",
        ),
        text,
      ).toEqual([]);
    }
  });

  it("'Finland vowed to ..., Prime Minister X said': the nation's own speaker pledges it too (inferred)", async () => {
    const out = await facts(
      "Finland vowed to reach 3 percent of GDP by 2029, Prime Minister Petteri Orpo said.",
    );
    expect(out.filter((f) => / PLEDGED /.test(f))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^finland PLEDGED /),
        expect.stringMatching(/^petteri-orpo PLEDGED .* \(inferred\)$/),
      ]),
    );
  });

  it("a speaker of another nation does not pledge what he reports", async () => {
    const out = await facts(
      "Germany promised to reach 3 percent of GDP by 2029, British Prime Minister Boris Johnson said.",
    );
    expect(out.filter((f) => f.startsWith("boris-johnson PLEDGED"))).toEqual([]);
  });

  it("'a package of EUR 500 million': the currency's code is the pledge's unit", async () => {
    const r = await draft("Germany announced a package of EUR 500 million for Ukraine.");
    expect(r.document.entities.find((e) => e.kind === "Pledge")?.properties).toMatchObject({
      value: 500_000_000,
      unit: "EUR",
    });
  });

  it("a sum spent or given, told as a fact, is no pledge", async () => {
    for (const text of [
      "A 2 billion euro fund that the ministry spent last year was audited.",
      "Sweden received a 300 million euro package that Norway gave in 2023.",
    ]) {
      expect(
        (await found(text)).filter((e) => e.startsWith("Pledge")),
        text,
      ).toEqual([]);
    }
  });
});
