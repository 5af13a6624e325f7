/**
 * The ninth pass (issue 25, ext-units): missions, units, places and people a careful reader
 * records that the extractor did not find (src/extract/units.ts and its calls in mentions.ts).
 * Each construction has cases that must not fire. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { draft, entities, facts } from "../helpers/extract.js";

const named = async (text: string) =>
  (await draft(text)).document.entities.map(
    (e) => `${e.kind} ${e.name} [${(e.aliases ?? []).join("; ")}]`,
  );

describe("extract: a multinational brigade described in lower case is NATO's mission there", () => {
  it.each([
    "Estonian soldiers joined the NATO multinational brigade in Lithuania on Monday.",
    "Two hundred Dutch troops will serve in NATO's multinational brigade in Lithuania.",
    "The new multinational NATO brigade in Lithuania will count 4,000 soldiers.",
  ])("%s", async (text) => {
    const e = await entities(text);
    expect(e).toContain("Mission nato-multinational-brigade-in-lithuania");
    const f = await facts(text);
    expect(f).toContain("nato-multinational-brigade-in-lithuania DEPLOYED_TO lithuania");
  });

  it.each([
    "Lithuania's own brigade trains with multinational partners in Lithuania.",
    "A multinational team of engineers built a brigade headquarters in Lithuania.",
  ])("not a brigade NATO fields: %s", async (text) => {
    expect((await entities(text)).some((e) => /multinational-brigade/.test(e))).toBe(false);
  });
});

describe("extract: a nation preparing to host a force hosts it", () => {
  it("the host named before 'is preparing to host', and the force's other mention too", async () => {
    const text =
      "Next year the alliance will open a new Forward Land Forces unit in the north. Norway is preparing to host NATO Forward Land Forces (FLF) near its border.";
    const f = await facts(text);
    expect(f.some((x) => /^norway HOSTS nato-battle-group-in-norway/.test(x))).toBe(true);
    expect((await entities(text)).some((e) => /^Organization forward-land-forces/.test(e))).toBe(
      false,
    );
  });

  it("a nation that only talks about hosting one day hosts nothing yet", async () => {
    const f = await facts("Norway discussed whether NATO Forward Land Forces could come later.");
    expect(f.some((x) => /HOSTS/.test(x))).toBe(false);
  });
});

describe("extract: places beside a town the text places", () => {
  it("'X near Y': X is a place in Y's nation", async () => {
    const text =
      "The battle group trains in north-western Germany (Bergen Hohne near Celle) this spring.";
    const e = await named(text);
    expect(e.some((x) => /^Place Bergen Hohne/.test(x))).toBe(true);
  });

  it("'the Y and X areas': X is a town of Y's nation", async () => {
    const text = "The troops will be stationed in the Tartu and Voru areas of Estonia.";
    const e = await entities(text);
    expect(e).toContain("Place voru");
    expect(await facts(text)).toContain("voru LOCATED_IN estonia (inferred)");
  });

  it("a person near a town is no place; a word coordinated with a town that is no town there stays out", async () => {
    const text = "Defence Minister Hanno Pevkur met soldiers in Tartu and Ukraine's envoy.";
    const e = await entities(text);
    expect(e.filter((x) => x.startsWith("Place"))).toEqual(["Place tartu"]);
  });
});

describe("extract: a base named after its town", () => {
  it("'the Caracal base' is the town, with the base's words kept as its alias", async () => {
    const e = await named("Portuguese soldiers are stationed at the Caracal base in Romania.");
    expect(e).toContain("Place Caracal [Caracal base]");
  });

  it("the town's nation is one the article names, not a namesake abroad", async () => {
    const f = await facts("Portuguese soldiers are stationed at the Caracal base in Romania.");
    expect(f).toContain("caracal LOCATED_IN romania");
    expect(f.some((x) => /philippines/.test(x))).toBe(false);
  });

  it("a town's accented spelling is the town GeoNames has without accents", async () => {
    const e = await entities("The soldiers landed near Rīga on Tuesday.");
    expect(e).toContain("Place riga");
  });
});

describe("extract: a nation's army written in lower case", () => {
  it.each([
    ["Allied units will train with the Finnish army in Lapland.", "Organization finnish-army"],
    ["The Polish navy escorted the convoy.", "Organization polish-navy"],
  ])("%s", async (text, entity) => {
    expect(await entities(text)).toContain(entity);
  });

  it("'army' as a plain noun after a nation's possessive is still read as written, not invented", async () => {
    const e = await entities("An army of volunteers helped Finnish farmers.");
    expect(e.some((x) => /army/.test(x))).toBe(false);
  });
});

describe("extract: people's names", () => {
  it("a particle inside a name keeps the name whole", async () => {
    const e = await entities(
      "The chief of staff of the armed forces, Carlos Pereira da Silva, said the troops were ready.",
    );
    expect(e).toContain("Person carlos-pereira-da-silva");
  });

  it("a nation's name after a first name is a surname, also later on its own", async () => {
    const text =
      "Prime Minister Pedro Chile met the troops on Monday. Chile will travel on to Brussels.";
    const e = await entities(text);
    expect(e).toContain("Person pedro-chile");
    expect(e).not.toContain("Nation chile");
  });

  it("the nation stays a nation where nothing makes it a surname", async () => {
    const text = "Prime Minister Pedro Chile met the troops. He later flew to Chile.";
    expect(await entities(text)).toContain("Nation chile");
    expect(await entities("Will Chile send troops?")).toContain("Nation chile");
  });

  it.each([
    "The unit operates the Bradley IFV and the Abrams MBT.",
    "Until then the National Guard held the post in Poland.",
  ])("weapons and a guard are no people: %s", async (text) => {
    const e = await entities(text);
    expect(e.some((x) => x.startsWith("Person"))).toBe(false);
    expect((await facts(text)).some((x) => /SERVES_IN|LEADS/.test(x))).toBe(false);
  });
});

describe("extract: harbours, ports and airports are named sites", () => {
  it("'Gdynia's Naval Harbour' is a site of its own beside its town", async () => {
    const e = await entities("The frigates docked at Gdynia's South Harbour on Monday.");
    expect(e).toContain("Place south-harbour");
    expect(e).toContain("Place gdynia");
  });

  it("a port in lower case or a lone capitalised 'Port' names no site", async () => {
    const e = await entities("The frigates left port on Monday. Port calls followed in Poland.");
    expect(e.filter((x) => x.startsWith("Place"))).toEqual([]);
  });
});
