/**
 * The fourteenth pass (issue 25, ext-names14): where a place lies and what a name is, read as any
 * reader of news prose reads them. Each family has cases that must not fire. Sentences are
 * written for the test.
 */
import { describe, expect, it } from "vitest";
import { entities, facts } from "../helpers/extract.js";

describe("extract: a capital lies in its nation only where the article names that nation", () => {
  it("a capital in a story that never names its nation is placed nowhere", async () => {
    const f = await facts(
      "Ministers of the alliance met in Brussels on Tuesday to discuss Ukraine.",
    );
    expect(f.some((x) => x.startsWith("brussels LOCATED_IN"))).toBe(false);
  });

  it("a capital whose nation the story names lies in it", async () => {
    const f = await facts(
      "Ministers met in Brussels on Tuesday. Belgium will host the next meeting in June.",
    );
    expect(f).toContain("brussels LOCATED_IN belgium (inferred)");
  });
});

describe("extract: a capital that stands for its government", () => {
  it("after any adjectives, after 'the government in', after 'support for'", async () => {
    for (const text of [
      "German lawmakers backed the fund in a sharp turn in Berlin's long-term policy.",
      "The head of the government in Lisbon said the troops would stay in Romania.",
      "The ministers discussed NATO's support for Kyiv and the war.",
    ])
      expect(
        (await entities(text)).filter((e) => /^Place (berlin|lisbon|kyiv)$/.test(e)),
        text,
      ).toEqual([]);
  });

  it("a capital where something happens stays the city", async () => {
    expect(await entities("The ministers met in Lisbon on Friday to sign the treaty.")).toContain(
      "Place lisbon",
    );
    expect(await entities("The new troops arrived in Berlin's main station on Monday.")).toContain(
      "Place berlin",
    );
  });
});

describe("extract: a name that is also a town", () => {
  it("a person's surname after the full name is the person, not a town of that name", async () => {
    const text =
      "United States Secretary of Defense Lloyd J. Austin III met Estonian Defence Minister Hanno Pevkur on Tuesday. Austin told reporters the talks were good.";
    const e = await entities(text);
    expect(e).toContain("Person lloyd-austin");
    expect(e).not.toContain("Place austin");
    expect((await facts(text)).some((x) => x.startsWith("austin LOCATED_IN"))).toBe(false);
  });

  it("a town named where no person has that surname is still the town", async () => {
    const text = "The convoy left Austin, United States, on Monday for the coast.";
    expect(await entities(text)).toContain("Place austin");
  });

  it("a famous city is not placed in a small namesake's nation the story happens to name", async () => {
    const f = await facts(
      "The frigate sailed from Portsmouth on Monday with a US Navy officer aboard.",
    );
    expect(f).not.toContain("portsmouth LOCATED_IN united-states (inferred)");
  });

  it("a town whose own nation is named is placed there", async () => {
    const f = await facts(
      "The frigate sailed from Portsmouth on Monday, the United Kingdom's navy said.",
    );
    expect(f).toContain("portsmouth LOCATED_IN united-kingdom (inferred)");
  });
});

describe("extract: ships are no people and no towns", () => {
  it("a ship's name after a navy's prefix, and a class before a kind of warship", async () => {
    const text =
      "The other ships are the Polish frigate ORP General Kazimierz Pulaski and the Arleigh Burke destroyer USS Gravely. HMS Westminster left port on Friday, and Westminster's commanding officer said the crew was ready.";
    const e = await entities(text);
    expect(e.filter((x) => x.startsWith("Person "))).toEqual([]);
    expect(e).not.toContain("Place westminster");
    // the demonym before the ship stays its nation
    expect(e).toContain("Nation poland");
  });

  it("a person named before a kind of warship's crew is still a person", async () => {
    const e = await entities(
      "Admiral Rob Bauer visited the destroyer crews in Tallinn, Estonia, on Monday and spoke to sailors.",
    );
    expect(e).toContain("Person rob-bauer");
  });
});

describe("extract: regions and sites as news prose writes them", () => {
  it("a compass point in lower case before Europe is the region", async () => {
    const e = await entities("The task group will deploy to northern Europe and the Baltic Sea.");
    expect(e).toContain("Place northern-europe");
    expect(e).not.toContain("Place europe");
  });

  it("'eastern' before a word that is no region is not a region", async () => {
    const e = await entities("The eastern part of the country was calm, Europe's ministers said.");
    expect(e).not.toContain("Place eastern-europe");
  });

  it("a named military training ground is a place", async () => {
    const e = await entities(
      "The minister is due to visit the Lešt military training ground, where the troops train.",
    );
    expect(e.some((x) => /^Place lest/.test(x))).toBe(true);
  });
});

describe("extract: a titled person's owner named after the name", () => {
  it("'<rank> <name> of the <armed force or nation>' serves in it", async () => {
    const f = await facts(
      "The group is led by Rear Admiral Edward Hale of the US Navy. Colonel Petr Maly of the Czech Army said the troops were ready.",
    );
    expect(f).toContain("edward-hale SERVES_IN us-navy");
    expect(f).toContain("petr-maly SERVES_IN czech-army");
  });

  it("'of' a mission or a place is no owner", async () => {
    const f = await facts(
      "Colonel Petr Maly of the NATO battle group in Slovakia said the troops were ready. Major Anna Berg of Tapa spoke.",
    );
    expect(f.filter((x) => / SERVES_IN /.test(x))).toEqual([]);
  });
});

describe("extract: a leader of the time named by surname alone", () => {
  it("a surname only one office holder of the article's year bears is that person", async () => {
    const e = await entities(
      "Meloni met Rutte in Rome on Thursday to prepare the summit.",
      "2025-06-12",
    );
    expect(e).toContain("Person mark-rutte");
  });

  it("not in a year the person held no office, nor for a word English uses otherwise", async () => {
    expect(
      await entities("Meloni met Rutte in Rome on Thursday to prepare the summit.", "2008-06-12"),
    ).not.toContain("Person mark-rutte");
    expect(
      (await entities("In May the ministers met again in Rome.", "2017-06-12")).filter((x) =>
        x.startsWith("Person"),
      ),
    ).toEqual([]);
  });

  it("a person the article names in full with that surname keeps it", async () => {
    const e = await entities(
      "Colonel Anna Rutte led the exercise in Tapa. Rutte said the troops were ready.",
      "2025-06-12",
    );
    expect(e).toContain("Person anna-rutte");
    expect(e).not.toContain("Person mark-rutte");
  });
});

describe("extract: a title in lower case between its owner and a name", () => {
  it("'<demonym or body> defence minister / premier / chief <name>' holds that office", async () => {
    const f = await facts(
      "Czech defence minister Karla Novotna said the pledge mattered. Italian premier Giorgia Meloni agreed, and NATO chief Mark Rutte welcomed it.",
      "2025-06-12",
    );
    expect(f).toContain("karla-novotna SERVES_IN czechia");
    expect(f).toContain("giorgia-meloni LEADS italy");
    expect(f).toContain("mark-rutte LEADS nato");
  });

  it("a former holder, or a title with no owner written, holds nothing", async () => {
    const f = await facts(
      "Former defence minister Petr Maly disagreed, and Slovak former defence minister Jan Novak did too. The company's president Anna Berg spoke.",
      "2025-06-12",
    );
    expect(f.filter((x) => / (SERVES_IN|LEADS) /.test(x))).toEqual([]);
  });
});
