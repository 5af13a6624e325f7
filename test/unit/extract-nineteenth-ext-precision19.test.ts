/**
 * The nineteenth pass (ext-precision19): what the extractor drafts that a reader would not. Each
 * rule narrows a reader to the construction it was written for: a case for the sentence it must
 * still handle, and one for the look-alike it must not. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { calibrated, type Features } from "../../src/extract/calibration.js";
import { draft, entities, facts } from "../helpers/extract.js";

const on = "2024-05-02";

describe("extract: a capital taken as a side is its government, not a city", () => {
  it("'pro-Moscow separatists', 'Moscow-backed groups': no Moscow the place", async () => {
    const found = await entities(
      "Russia annexed Crimea in 2014 and began backing pro-Moscow separatists in eastern Ukraine. Latvia fears Moscow-backed groups.",
      on,
    );
    expect(found).not.toContain("Place moscow");
    expect(found).toContain("Nation russia");
  });

  it("'Warsaw fears the deal ...': a capital with a verb of stance is no place", async () => {
    const text =
      "Poland and Germany signed the deal on Monday. Warsaw fears the deal could hurt its own industry.";
    expect(await entities(text, on)).not.toContain("Place warsaw");
    expect(await facts(text, on)).not.toContain("warsaw LOCATED_IN poland (inferred)");
  });

  it("still reads the city where something happens in it", async () => {
    const text = "Poland hosted talks in Warsaw on Monday. The ministers met in Moscow later.";
    const found = await entities(text, on);
    expect(found).toContain("Place warsaw");
    expect(found).toContain("Place moscow");
    expect(await facts(text, on)).toContain("warsaw LOCATED_IN poland (inferred)");
  });
});

describe("extract: where quoted words say something happens is not what they are about", () => {
  it("a base or a town named in the quote is no topic of it", async () => {
    const found = await facts(
      'Defence Minister Jane Doyle visited Kadaga Camp in Estonia on Monday. "It was an honour to meet our soldiers at Kadaga Camp and to see how Estonia and NATO work together," Doyle said.',
      on,
    );
    const about = found.filter((f) => f.includes(" ABOUT "));
    expect(about.some((f) => f.endsWith("ABOUT kadaga-camp"))).toBe(false);
    // what the words speak of stays
    expect(about.some((f) => f.endsWith("ABOUT estonia"))).toBe(true);
    expect(about.some((f) => f.endsWith("ABOUT nato"))).toBe(true);
  });

  it("a capital where a meeting will be held is no topic; the region the words name is", async () => {
    const found = await facts(
      'NATO Secretary General Mark Rutte spoke in Brussels on Monday. "Defence ministers will meet in Vilnius next month to discuss security in Eastern Europe," Rutte said.',
      on,
    );
    const about = found.filter((f) => f.includes(" ABOUT "));
    expect(about.some((f) => f.endsWith("ABOUT vilnius"))).toBe(false);
    expect(about.some((f) => f.endsWith("ABOUT eastern-europe"))).toBe(true);
  });

  it("a fragment after a possessor's noun is not about the possessor", async () => {
    const found = await facts(
      'Germany’s biggest naval exercise in years sends "a strong signal to friends and rivals alike", according to Defence Minister Boris Pistorius.',
      on,
    );
    expect(found.filter((f) => f.includes(" ABOUT germany"))).toEqual([]);
    expect(found.some((f) => f.startsWith("boris-pistorius SAID quote-"))).toBe(true);
  });

  it("a fragment is still about the nations the sentence around it tells of", async () => {
    const found = await facts(
      'NATO chief Mark Rutte called Friday "a historic day" as Germany sent its first brigade troops to Lithuania.',
      on,
    );
    expect(found.some((f) => / ABOUT germany \(inferred\)$/.test(f))).toBe(true);
  });
});

describe("extract: events and quotes made of words that name nothing", () => {
  it("'the air drill Thursday': a weekday after the noun is no exercise's name", async () => {
    const found = await entities(
      "Tanks fired in the massive land and air drill Thursday that involved an armoured battalion near Tapa.",
      on,
    );
    expect(found.filter((e) => e.startsWith("Event "))).toEqual([]);
  });

  it("still names the exercise a capitalised name follows", async () => {
    const found = await entities(
      "The exercise Saber Strike began in May. Exercise Spring Storm started in Estonia.",
      on,
    );
    expect(found).toContain("Event saber-strike");
    expect(found).toContain("Event exercise-spring-storm");
  });

  it("'A major exercise ... the exercise, dubbed Iron-24,': one exercise, by its name", async () => {
    const found = await entities(
      "A major exercise conducted by NATO members in Latvia ended on Friday. The minister watched the end of the exercise, dubbed Iron-24, the largest in the country.",
      on,
    );
    expect(found.filter((e) => e.startsWith("Event "))).toEqual(["Event iron-24"]);
  });

  it("'Dubbed \"Sarissa\"', 'named \"Sarissa-2019\"': a name in quotation marks is no quote", async () => {
    const found = await facts(
      'President Jan Novak praised the navy on Monday. Dubbed "Sarissa" after a famous minelayer, the drill is organised by the navy. Observers will watch the drill named "Sarissa-2019".',
      on,
    );
    expect(found.filter((f) => f.includes(" SAID "))).toEqual([]);
  });

  it("what someone calls a thing in lower case stays their words", async () => {
    const found = await facts(
      'Defence Minister Jane Doyle called the drills "a turning point for the region" on Monday.',
      on,
    );
    expect(found.some((f) => f.startsWith("jane-doyle SAID quote-"))).toBe(true);
  });
});

describe("extract: a wire credit run on after the last paragraph names no one in the news", () => {
  it("'... more.\" (Reporting by X; Editing by Y)': neither is a person of the draft", async () => {
    const found = await entities(
      'Defence Minister Jane Doyle spoke in Riga on Monday. "We have to push for more," Doyle said. (Reporting by Anna Berg; Editing by Tom Hale)',
      on,
    );
    expect(found).toContain("Person jane-doyle");
    expect(found).not.toContain("Person anna-berg");
    expect(found).not.toContain("Person tom-hale");
  });

  it("a report's own words in brackets still name people", async () => {
    const found = await entities(
      "Defence Minister Jane Doyle spoke in Riga on Monday (she met Anna Berg there).",
      on,
    );
    expect(found).toContain("Person anna-berg");
  });
});

describe("extract: an island or territory is not the town of the same name elsewhere", () => {
  it("'to Thule air base in Greenland' with the US named: Greenland is not in the United States", async () => {
    const found = await facts(
      "The US deployed F-35 jets to Thule air base in Greenland in January.",
      on,
    );
    expect(found.filter((f) => f.startsWith("greenland LOCATED_IN"))).toEqual([]);
    const danish = await facts(
      "Denmark and the US flew jets over Greenland and Crete, and Greece joined them in March.",
      on,
    );
    expect(danish.some((f) => f.startsWith("greenland LOCATED_IN denmark"))).toBe(true);
    expect(danish.some((f) => f.startsWith("crete LOCATED_IN greece"))).toBe(true);
    expect(danish.filter((f) => / LOCATED_IN united-states/.test(f))).toEqual([]);
  });
});

describe("extract: a nation written as a town's address is where, not whose office", () => {
  it("'Minister X paid a visit to the air base in Kandahar, Afghanistan': no office in Afghanistan", async () => {
    const found = await facts(
      "Defence Minister Ion Barbu paid a visit on Tuesday to the air base in Kandahar, Afghanistan, where he met the troops.",
      on,
    );
    expect(found.filter((f) => f.includes("SERVES_IN afghanistan"))).toEqual([]);
  });

  it("the one nation a sentence names as a subject still gives the title's office", async () => {
    const found = await facts(
      "Estonia will send troops, Defence Minister Jane Doyle said on Monday.",
      on,
    );
    expect(found).toContain("jane-doyle SERVES_IN estonia (inferred)");
  });
});

describe("extract: names that are no person's and missions that are no NATO's", () => {
  it("'the EU-NATO Joint Declaration signed last July': a document, no person", async () => {
    const found = await entities(
      "The ministers discussed the EU-NATO Joint Declaration signed last July in Warsaw. Kaja Kallas signed the letter.",
      on,
    );
    expect(found).not.toContain("Person joint-declaration");
    expect(found).toContain("Person kaja-kallas");
  });

  it("an EU mission placed in a nation is not NATO's, where a NATO battle group is", async () => {
    const found = await facts(
      "NATO Secretary General Mark Rutte discussed EUBAM Libya with EU ministers. The NATO battle group in Latvia trained in May.",
      on,
    );
    expect(found.filter((f) => f.startsWith("eubam-libya PART_OF nato"))).toEqual([]);
    expect(found.some((f) => f.startsWith("nato-battle-group-in-latvia PART_OF nato"))).toBe(true);
  });
});

describe("extract: troops cut from where a mission is, and who 'he' is after a quote", () => {
  it("'did not plan to reduce the number of its troops from Kosovo': Kosovo contributes nothing", async () => {
    const found = await facts(
      "NATO's commander said KFOR did not plan to reduce the number of its troops from Kosovo.",
      on,
    );
    expect(found.filter((f) => f.startsWith("kosovo CONTRIBUTES_TO"))).toEqual([]);
  });

  it("'KFOR has 5,000 troops from Italy and Germany': both still contribute", async () => {
    const found = await facts("KFOR has 5,000 troops from Italy and Germany in Kosovo.", on);
    expect(found.some((f) => f.startsWith("italy CONTRIBUTES_TO nato-kosovo-force"))).toBe(true);
    expect(found.some((f) => f.startsWith("germany CONTRIBUTES_TO nato-kosovo-force"))).toBe(true);
  });

  it("'X told reporters, after talks with Y. He said ...': he is X, who spoke", async () => {
    const found = await facts(
      '"We have decided to send 500 more soldiers," NATO chief Mark Rutte told reporters in Oslo, after talks with Prime Minister Jonas Gahr Store. He said NATO would also "keep another battalion ready to deploy."',
      on,
    );
    const said = found.filter((f) => f.includes(" SAID "));
    expect(said.filter((f) => f.startsWith("jonas-gahr-store SAID"))).toEqual([]);
    expect(said.filter((f) => f.startsWith("mark-rutte SAID"))).toHaveLength(2);
  });

  it("a person who comes on in a sentence of their own is who 'he' is", async () => {
    const found = await facts(
      'Minister Anna Berg said on Monday: "We are ready." General Tom Hale later visited the base. He said: "The troops are ready."',
      on,
    );
    expect(found.some((f) => f.startsWith("tom-hale SAID quote-"))).toBe(true);
  });
});

describe("extract: 'on Friday' is when an event is, not what it is on", () => {
  it("'host a NATO drill on Friday with troops from Turkey and NATO countries': not about NATO", async () => {
    const found = await facts(
      "Turkey will host a NATO drill on Friday with troops from Turkey and NATO countries.",
      on,
    );
    expect(found.filter((f) => f.includes(" ABOUT nato"))).toEqual([]);
    // who hosts and takes part stays
    expect(found.some((f) => f.startsWith("turkiye HOSTS "))).toBe(true);
  });

  it("a drill named after it in odd quotation marks is that drill", async () => {
    const found = await entities(
      "Turkey will host a NATO drill on Friday. Observers will also watch the drill named ”Nusret-2017.“",
      on,
    );
    expect(found.filter((e) => e.startsWith("Event "))).toEqual(["Event nusret-2017"]);
  });
});

describe("extract: the last word of an office's or a command's name is no place", () => {
  it("'NATO's Supreme Allied Commander Europe General X': no Europe", async () => {
    const found = await entities(
      "NATO's Supreme Allied Commander Europe General Anna Berg said KFOR would stay in Kosovo.",
      on,
    );
    expect(found).not.toContain("Place europe");
    expect(found).toContain("Person anna-berg");
  });

  it("Europe the continent is still a place", async () => {
    const found = await entities(
      "NATO's Supreme Allied Commander Europe General Anna Berg spoke about security in Europe.",
      on,
    );
    expect(found).toContain("Place europe");
  });
});

describe("extract: rules often wrong on unseen text are rated lower", () => {
  it("a quoted fragment's topic is rated below a topic the quoted words name", async () => {
    const r = await draft(
      'NATO chief Mark Rutte called Friday "a historic day" as Germany sent its first brigade troops to Lithuania. "Lithuania is safer today," Rutte said.',
      on,
    );
    const keyOf = (i: number) => r.document.relations[i];
    const about = r.relations.filter((x) => x.type === "ABOUT");
    const fragment = about.find((x) => x.inferred && keyOf(x.index)?.to === "germany");
    const named = about.find((x) => !x.inferred && keyOf(x.index)?.to === "lithuania");
    expect(fragment).toBeDefined();
    expect(named).toBeDefined();
    expect(fragment?.confidence ?? 1).toBeLessThan(named?.confidence ?? 0);
  });

  it("lowers the readers often wrong on fresh text, and no other", () => {
    const f: Features = {
      type: "ABOUT",
      reader: "quotes",
      inferred: false,
      named: 2,
      fresh: false,
      distance: "near",
      support: 1,
      hand: 0.6,
    };
    // a quoted fragment's sentence is a weaker clue than the words themselves
    expect(calibrated({ ...f, reader: "quoteFragments" })).toBeLessThan(calibrated(f));
    // membership from the list of members, against membership the text states
    const member: Features = { ...f, type: "MEMBER_OF", reader: "alliances" };
    expect(calibrated(member)).toBeLessThan(calibrated({ ...member, reader: "membership" }));
    // a reader right on fresh text keeps its rating: who said the words
    const said: Features = { ...f, type: "SAID", reader: "quotes" };
    expect(calibrated(said)).toBeGreaterThan(0.85);
  });
});
