/**
 * Session 28 (extlink28): named entities the extractor missed in eight news articles outside
 * every set (organisations, events, missions, places). Each rule is checked with sentences
 * written for the test: the construction that was missed, and a look-alike that must not be read.
 */
import { describe, expect, it } from "vitest";
import { draft } from "../helpers/extract.js";

const on = "2019-05-14";
const named = async (text: string, kind: string) =>
  (await draft(text, on)).entities.filter((e) => e.kind === kind).map((e) => e.name);

describe("extract: a nation's defence forces written in lower case", () => {
  it('"the Latvian defence force", "our own Finnish defense forces": the organisation', async () => {
    expect(
      await named(
        'The colonel said: "We will train alongside the Latvian defence force all summer."',
        "Organization",
      ),
    ).toContain("Latvian Defence Forces");
    expect(
      await named(
        "Units of our own Finnish defense forces joined the drill in Rovaniemi, Finland.",
        "Organization",
      ),
    ).toContain("Finnish Defence Forces");
  });

  it('"a defence force" with no nation before it names no organisation', async () => {
    expect(
      await named(
        "Iceland has no army, only a small coast guard and no defence force.",
        "Organization",
      ),
    ).toEqual([]);
  });
});

describe("extract: a town named before the summit it held", () => {
  it('"at the 2014 Newport summit": the NATO summit in Newport, and Newport a place', async () => {
    const r = await draft(
      "NATO allies first set the spending goal at the 2014 Newport summit, officials recalled.",
      on,
    );
    const events = r.entities.filter((e) => e.kind === "Event");
    expect(events.map((e) => [e.key, e.name])).toEqual([
      ["nato-summit-newport-2014", "NATO summit in Newport"],
    ]);
    expect(r.entities.some((e) => e.kind === "Place" && e.name === "Newport")).toBe(true);
  });

  it('"the Brown summit plan": a surname before "summit" is no town', async () => {
    const r = await draft("Officials said the Brown summit plan was praised by NATO.", on);
    expect(r.entities.filter((e) => e.kind === "Place" || e.kind === "Event")).toEqual([]);
  });
});

describe("extract: NATO's forward presence battalion is the battle group", () => {
  it('"the NATO eFP Battalion deployed in Hungary": the NATO battle group in Hungary', async () => {
    expect(
      await named(
        "Gunners trained with soldiers of the NATO eFP Battalion deployed in Hungary last week.",
        "Mission",
      ),
    ).toEqual(["NATO battle group in Hungary"]);
  });

  it('"the enhanced Forward Presence Battalion based in Tapa": placed by the town\'s nation', async () => {
    const r = await draft(
      "Latvia and Estonia host allied troops. The NATO enhanced Forward Presence Battalion based in Tapa held a live-fire drill.",
      on,
    );
    expect(r.entities.filter((e) => e.kind === "Mission").map((e) => e.name)).toEqual([
      "NATO battle group in Estonia",
    ]);
  });

  it('"the 2nd Battalion" of a nation stays a unit, no mission', async () => {
    expect(
      await named("The 2nd Battalion of the Latvian brigade trained in Adazi, Latvia.", "Mission"),
    ).toEqual([]);
  });
});

describe("extract: British garrisons and air stations", () => {
  it('"the Catterick-based battalion": the town before "-based" after "the"', async () => {
    expect(
      await named(
        "The UK said the Catterick-based battalion will deploy to Estonia in the spring.",
        "Place",
      ),
    ).toEqual(["Catterick"]);
  });

  it('"left RAF Brize Norton": an air station of two words where troops go or leave', async () => {
    const places = await named(
      "Two hundred paratroopers left RAF Brize Norton for Latvia on Monday, boarding the RAF Voyager Aircraft at dawn.",
      "Place",
    );
    expect(places).toEqual(["RAF Brize Norton"]);
  });

  it('"RAF Typhoon jets", "RAF Chief" are no stations', async () => {
    expect(
      await named(
        "Four RAF Typhoon jets flew to Romania, the RAF Chief of the Air Staff said.",
        "Place",
      ),
    ).toEqual([]);
  });
});

describe("extract: an exercise named without its year is the one edition the article dates", () => {
  it('headline "Exercise Cold Response" and body "Exercise Cold Response 2022": one event', async () => {
    const events = await named(
      "Exercise Cold Response tests allied reinforcement of Norway\n\nExercise Cold Response 2022 began on Monday in northern Norway with troops from 27 nations.",
      "Event",
    );
    expect(events).toEqual(["Exercise Cold Response 2022"]);
  });

  it("with two editions dated, the name without a year stays apart", async () => {
    const events = await named(
      "Cold Response 2020 was cancelled and Cold Response 2022 went ahead in Norway. Cold Response is held every two years.",
      "Event",
    );
    expect(events.sort()).toEqual(["Cold Response", "Cold Response 2020", "Cold Response 2022"]);
  });
});

describe("extract: a unit's own name in quotation marks after its head", () => {
  it('\'the Mechanized Infantry Brigade "Iron Wolf" (MIB "Iron Wolf")\': the brigade, no exercise', async () => {
    const r = await draft(
      'Conscripts of the Mechanized Infantry Brigade "Iron Wolf" (MIB "Iron Wolf") fired their new howitzers near Kaunas, Lithuania.',
      on,
    );
    expect(r.entities.filter((e) => e.kind === "Organization").map((e) => e.name)).toEqual([
      "Mechanized Infantry Brigade Iron Wolf",
    ]);
    expect(r.entities.filter((e) => e.kind === "Event")).toEqual([]);
  });

  it('"Iron Wolf" in quotation marks with no brigade of that name is still the exercise', async () => {
    expect(
      await named(
        'Allies joined "Iron Wolf" in Lithuania, the largest drill of the year.',
        "Event",
      ),
    ).toEqual(["Iron Wolf"]);
  });
});

describe("extract: a US state's National Guard", () => {
  it('"the Ohio Army National Guard": the organisation, not the state', async () => {
    const r = await draft(
      "Engineers of the Ohio Army National Guard built a bridge near Orzysz, Poland.",
      on,
    );
    expect(r.entities.filter((e) => e.kind === "Organization").map((e) => e.name)).toEqual([
      "Ohio Army National Guard",
    ]);
    expect(r.entities.some((e) => e.name === "Ohio")).toBe(false);
  });

  it('"the Georgian National Guard" is no US state\'s', async () => {
    const r = await draft("The Georgian National Guard paraded in Tbilisi, Georgia.", on);
    expect(r.entities.some((e) => /Georgia National Guard/.test(e.name))).toBe(false);
  });
});

describe("extract: air policing named by its duties", () => {
  it('"takes over Baltic air policing duties": the Baltic Air Policing mission', async () => {
    expect(
      await named(
        "Czech Gripens take over Baltic air policing duties\n\nThe jets landed in Lithuania on Tuesday.",
        "Mission",
      ),
    ).toEqual(["Baltic Air Policing"]);
  });

  it('"air policing duties" with no region names no mission', async () => {
    expect(
      await named("The pilots trained for air policing duties at home in Portugal.", "Mission"),
    ).toEqual([]);
  });
});

describe("extract: a known command's name with its short form inside it", () => {
  it('"the Allied Joint Force Command (JFC) Naples": one command, JFC Naples', async () => {
    const r = await draft(
      "Officers of the Allied Joint Force Command (JFC) Naples planned the drill. JFC Naples will lead the force in 2027, NATO said.",
      on,
    );
    expect(r.entities.filter((e) => e.kind === "Organization").map((e) => e.name)).toEqual([
      "Allied Joint Force Command Naples",
      "NATO",
    ]);
  });

  it("a short form inside a name no list knows is left to the capitalised-name reader", async () => {
    const r = await draft("The Allied Joint Force Command (JFC) Madrid does not exist.", on);
    expect(r.entities.some((e) => e.name === "Allied Joint Force Command Naples")).toBe(false);
  });
});

describe("extract: a district named before its lower-case noun", () => {
  it('"(Kaunas district)", "in the Alytus district": places', async () => {
    const places = await named(
      "The drill ended at the Rukla range (Kaunas district) and near a lake in the Alytus district, Lithuania's army said.",
      "Place",
    );
    expect(places).toEqual(expect.arrayContaining(["Kaunas district", "Alytus district"]));
  });

  it('"in the Russian region", "the Central district" name no district', async () => {
    const places = await named(
      "Shelling hit homes in the Russian region and in the Central district, Ukraine said.",
      "Place",
    );
    expect(places.filter((p) => /district|region/.test(p))).toEqual([]);
  });
});

describe("extract: the UN Security Council by its short forms", () => {
  it('"under UNSC resolution 1244": the United Nations Security Council', async () => {
    expect(
      await named(
        "The mission acts under UNSC resolution 1244, the commander told reporters in Pristina.",
        "Organization",
      ),
    ).toEqual(["United Nations Security Council"]);
  });

  it('"the National Security Council" is no UN body', async () => {
    expect(
      await named("The National Security Council met in Washington on Monday.", "Organization"),
    ).not.toContain("United Nations Security Council");
  });
});

describe("extract: an office's remit after its title is no person", () => {
  it('"the Minister for Communities and Returns", "the Minister of Culture": no person', async () => {
    expect(
      await named(
        "The KFOR commander met the Minister for Communities and Returns and the Minister of Culture in Pristina, Kosovo.",
        "Person",
      ),
    ).toEqual([]);
  });

  it('"Defence Minister Pevkur" still names the minister', async () => {
    expect(
      await named("Defence Minister Pevkur welcomed the jets at Amari, Estonia.", "Person"),
    ).toHaveLength(1);
  });
});

describe("extract: an initial alone is no person", () => {
  it('"General J.Basanavicius Battalion" (no space after the initial): no person "J."', async () => {
    const r = await draft(
      "Gunners of the General J.Basanavicius Artillery Battalion fired at the range in Lithuania.",
      on,
    );
    expect(r.entities.filter((e) => e.kind === "Person").map((e) => e.name)).toEqual([]);
  });
});
