/**
 * The twelfth pass (issue 25, the coordinator's part): people named after an office written in
 * lower case, and organisations any reader of defence news knows by name (parliaments, NATO's
 * bodies, defence companies). Each has cases that must not fire. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { draft } from "../helpers/extract.js";

const named = async (text: string, kind: string) =>
  (await draft(text)).document.entities.filter((e) => e.kind === kind).map((e) => e.name);

describe("extract: a person after an office in lower case", () => {
  it("finds the name after 'defence minister', 'foreign minister', 'secretary general'", async () => {
    const people = await named(
      "The talks were led by foreign minister Margus Tsahkna. Finland's defence minister Antti Häkkänen was also there, with NATO deputy secretary general Radmila Shekerinska.",
      "Person",
    );
    expect(people).toEqual(
      expect.arrayContaining(["Margus Tsahkna", "Antti Häkkänen", "Radmila Shekerinska"]),
    );
  });

  it("'PM' is a title: the person is found and leads the nation as Prime Minister", async () => {
    const d = (
      await draft(
        'Estonia\'s PM Kaja Kallas met the troops. "This is a clear signal," Kallas told reporters.',
      )
    ).document;
    expect(d.entities.find((e) => e.kind === "Person")?.name).toBe("Kaja Kallas");
    expect(d.relations).toContainEqual(
      expect.objectContaining({
        type: "LEADS",
        from: "kaja-kallas",
        to: "estonia",
        properties: { role: "Prime Minister" },
      }),
    );
    expect(d.relations).toContainEqual(
      expect.objectContaining({ type: "SAID", from: "kaja-kallas" }),
    );
  });

  it("an office before a body's name makes no person", async () => {
    const people = await named(
      "She thanked the commander Allied Joint Force Command Naples and the chief Estonian Defence Forces staff.",
      "Person",
    );
    expect(people.filter((p) => /Command|Forces|Naples/.test(p))).toEqual([]);
  });
});

describe("extract: organisations known by name", () => {
  it("parliaments by their own names, the Pentagon, NATO's commands", async () => {
    const orgs = await named(
      "The Sejm approved the bill and the Storting debated the budget. The Pentagon said Allied Command Operations would lead.",
      "Organization",
    );
    expect(orgs).toEqual(
      expect.arrayContaining([
        "Sejm",
        "Storting",
        "United States Department of Defense",
        "Allied Command Operations",
      ]),
    );
  });

  it("a defence company is an organisation, not a person", async () => {
    const d = (await draft("Lockheed Martin and Rheinmetall will build the plant, officials said."))
      .document;
    const kinds = Object.fromEntries(d.entities.map((e) => [e.name, e.kind]));
    expect(kinds).toMatchObject({ "Lockheed Martin": "Organization", Rheinmetall: "Organization" });
  });

  it("a bare 'Congress' or 'Senate' is left to the text around it", async () => {
    const orgs = await named("The Senate and Congress will vote next week.", "Organization");
    expect(orgs).not.toContain("United States Congress");
  });
});

describe("extract: a summit named at the start of a sentence", () => {
  it("'The Vilnius summit ...' is the summit, as 'at the Vilnius summit' is", async () => {
    const events = await named(
      "The Vilnius summit in July 2023 agreed on new regional defence plans.",
      "Event",
    );
    expect(events).toHaveLength(1);
  });

  it("a sentence that only names the city is no summit", async () => {
    expect(await named("The Vilnius office in July 2023 agreed on new plans.", "Event")).toEqual(
      [],
    );
  });
});

describe("extract: exercises and visits named by a sentence's first words", () => {
  it("'The Steadfast Defender 2024 exercise ...', 'A visit by ...', 'A joint military exercise ...'", async () => {
    expect(
      await named("The Steadfast Defender 2024 exercise brought together 90,000 troops.", "Event"),
    ).toHaveLength(1);
    expect(
      await named(
        "A visit by the Standing NATO Maritime Group 1 to Tallinn ended on Monday.",
        "Event",
      ),
    ).toHaveLength(1);
    expect(
      await named("A joint military exercise began in Latvia on Monday.", "Event"),
    ).toHaveLength(1);
  });

  it("a service's or the alliance's exercise at a sentence's start has no name", async () => {
    expect(await named("The Polish Army exercise ended on Friday.", "Event")).toEqual([]);
  });
});

describe("extract: 'the multinational brigade in <nation>'", () => {
  it("is NATO's brigade there, which the nation that leads it leads", async () => {
    const d = (
      await draft(
        "The multinational brigade in Latvia, led by Canada, now has troops from 14 countries.",
      )
    ).document;
    expect(d.entities.find((e) => e.kind === "Mission")?.name).toBe(
      "NATO Multinational Brigade in Latvia",
    );
    expect(d.relations).toContainEqual(
      expect.objectContaining({
        type: "LEADS",
        from: "canada",
        to: "nato-multinational-brigade-in-latvia",
      }),
    );
  });

  it("'a multinational brigade' is no particular one", async () => {
    expect(await named("Troops of a multinational brigade in Latvia trained.", "Mission")).toEqual(
      [],
    );
  });
});

describe("extract: organisations by their head word", () => {
  it("parties, bureaus, security services, regiments", async () => {
    const orgs = await named(
      "The opposition Civic Coalition backed the bill. The National Security Bureau (BBN) said the State Security Service agreed. Soldiers of the Royal Welsh Fusiliers and the Coldstream Guards arrived.",
      "Organization",
    );
    expect(orgs).toEqual(
      expect.arrayContaining([
        "Civic Coalition",
        "National Security Bureau",
        "State Security Service",
        "Royal Welsh Fusiliers",
        "Coldstream Guards",
      ]),
    );
  });

  it("a head word alone, or after a sentence's first word only, names nothing", async () => {
    expect(
      await named("Coalition talks resumed. Service members were told to wait.", "Organization"),
    ).toEqual([]);
  });
});

describe("extract: political parties", () => {
  it("'the Labour Party', 'Norway's Labour Party government', 'the ruling Law and Justice (PiS) party'", async () => {
    expect(
      await named("Norway's Labour Party government proposed a bill.", "Organization"),
    ).toEqual(["Labour Party"]);
    expect(
      await named("The ruling Law and Justice (PiS) party backed the bill.", "Organization"),
    ).toEqual(["Law and Justice"]);
    expect(await named("On Tuesday the Social Democratic party agreed.", "Organization")).toEqual([
      "Social Democratic",
    ]);
  });

  it("a party that is no organisation, or a nation's parties, is none", async () => {
    expect(await named("The birthday party was held on Monday.", "Organization")).toEqual([]);
    expect(await named("The Polish party leaders met.", "Organization")).toEqual([]);
  });
});

describe("extract: a meeting told in an opening phrase", () => {
  it("'After a meeting with X in Vilnius, Prime Minister Y said ...': X and Y met there", async () => {
    const d = (
      await draft(
        "Speaking after a meeting with NATO Secretary General Mark Rutte in Vilnius, Prime Minister Gintautas Paluckas said the budget would rise.",
      )
    ).document;
    const event = d.entities.find((e) => e.kind === "Event");
    expect(event?.key).toBe("paluckas-meeting-with-mark-rutte");
    const took = d.relations
      .filter((r) => r.type === "PARTICIPATED_IN" && r.to === event?.key)
      .map((r) => r.from);
    expect(took.sort()).toEqual(["gintautas-paluckas", "mark-rutte"]);
  });

  it("someone the clause names past other words did not take part", async () => {
    const d = (
      await draft(
        "After a meeting with Mark Rutte in Vilnius, reporters asked Prime Minister Gintautas Paluckas about the budget.",
      )
    ).document;
    expect(d.entities.filter((e) => e.kind === "Event")).toEqual([]);
  });
});

describe("extract: a nation stationing a brigade in another", () => {
  it("'Germany is stationing a brigade of about 5,000 troops in Lithuania': Germany's brigade there", async () => {
    const d = (await draft("Germany is stationing a brigade of about 5,000 troops in Lithuania."))
      .document;
    expect(d.entities.find((e) => e.kind === "Mission")?.key).toBe("german-brigade-in-lithuania");
    expect(d.relations).toContainEqual(
      expect.objectContaining({
        type: "HOSTS",
        from: "lithuania",
        to: "german-brigade-in-lithuania",
      }),
    );
  });

  it("a brigade in the nation's own land is none", async () => {
    expect(await named("Lithuania is stationing a brigade in Lithuania.", "Mission")).toEqual([]);
  });
});
