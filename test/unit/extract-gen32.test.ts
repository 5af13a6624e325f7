/**
 * Session 32 (extgen32): the grammar of named things, so a relation's endpoint is found in
 * articles no rule was written from. Every sentence here was written for the test.
 */
import { describe, expect, it } from "vitest";
import { draft, entities } from "../helpers/extract.js";

/** The draft's organisations as "key | name". */
async function bodies(text: string) {
  const r = await draft(text);
  return r.entities.filter((e) => e.kind === "Organization").map((e) => `${e.key} | ${e.name}`);
}

describe("extract: an organisation named by its owner and an institutional head", () => {
  it("a demonym or a nation's possessive, capitalised words and the head", async () => {
    expect(
      await bodies(
        "Volunteers of the Estonian Defence League guarded the bridge. Poland's Territorial Defence Forces Command sent cadets from the Lithuanian Military Academy.",
      ),
    ).toEqual([
      "estonian-defence-league | Estonian Defence League",
      "poland-territorial-defence-forces-command | Poland's Territorial Defence Forces Command",
      "lithuanian-military-academy | Lithuanian Military Academy",
    ]);
  });

  it("an alliance's body: as written, or named after the possessive with NATO kept", async () => {
    expect(
      await bodies(
        "The NATO Parliamentary Assembly opened its spring session. NATO's Allied Air Command moved two jets.",
      ),
    ).toEqual([
      "nato-parliamentary-assembly | NATO Parliamentary Assembly",
      "nato | NATO",
      "nato-allied-air-command | NATO Allied Air Command",
    ]);
  });

  it("not a title, a nation's service or a formation, which their own rules name", async () => {
    const found = await bodies(
      "German Defence Minister Anna Weber met the Polish Chief of General Staff. The British Army and the Royal Danish Air Force trained with the NATO Multinational Brigade in Latvia.",
    );
    expect(found.filter((b) => /minister|chief|general-staff|german-|polish-/.test(b))).toEqual([]);
    expect(found).toContain("british-army | British Army");
    expect(found).toContain("royal-danish-air-force | Royal Danish Air Force");
  });
});

describe("extract: capitalised words ending in an institutional head name a body", () => {
  it("centre, college, group, squadron, assembly", async () => {
    expect(
      await bodies(
        "Officers from the Joint Warfare Centre lectured at the Baltic Defence College. The Wagner Group pulled out, and the Carrier Strike Group sailed north with the Regional Assembly watching.",
      ),
    ).toEqual([
      "joint-warfare-centre | Joint Warfare Centre",
      "baltic-defence-college | Baltic Defence College",
      "wagner-group | Wagner Group",
      "carrier-strike-group | Carrier Strike Group",
      "regional-assembly | Regional Assembly",
    ]);
  });

  it("a battle group or a task group is a mission, not a body", async () => {
    const found = await entities(
      "Soldiers of the Forward Presence Battle Group and the Mine Countermeasures Task Group trained.",
    );
    expect(found.filter((e) => e.startsWith("Organization"))).toEqual([]);
  });
});

describe("extract: a dateline's town, wherever the story's first paragraph starts", () => {
  /** The draft's places and their LOCATED_IN, as "key" and "from LOCATED_IN to". */
  async function places(text: string) {
    const r = await draft(text);
    return [
      ...r.entities.filter((e) => e.kind === "Place").map((e) => e.key),
      ...r.document.relations
        .filter((x) => x.type === "LOCATED_IN")
        .map((x) => `${x.from} LOCATED_IN ${x.to}`),
    ];
  }

  it("a town only GeoNames knows, its nation and the agency after it", async () => {
    expect(await places("NAPLES, Italy (AP) — Allied warships left port on Monday.")).toEqual([
      "naples",
      "naples LOCATED_IN italy",
    ]);
  });

  it("after the page's heading line", async () => {
    expect(
      await places(
        "Minehunters leave for the Baltic\n\nKLAIPEDA, Lithuania – Four minehunters sailed on Monday.",
      ),
    ).toEqual(["klaipeda", "klaipeda LOCATED_IN lithuania"]);
  });

  it("not a heading's word in capitals", async () => {
    expect(
      await places("Allied drills\n\nUPDATE – Volunteers trained in the forest all week."),
    ).toEqual([]);
  });
});

describe("extract: a head-first name and a nation's name as a body's owner", () => {
  it('"Exercise ..." is an event whatever its last word ("Camp", "Harbour")', async () => {
    const found = await entities(
      "Tanks rolled through the forest during Exercise Winter Camp 2024, and sailors joined Exercise Northern Harbour.",
    );
    expect(found).toContain("Event exercise-winter-camp-2024");
    expect(found).toContain("Event exercise-northern-harbour");
    expect(found.filter((e) => e.startsWith("Place"))).toEqual([]);
  });

  it("a nation's name, words and a head; a refused owner leaves the body after it", async () => {
    expect(
      await bodies(
        "Envoys of the Ukraine Defense Contact Group met officers of the Moldova Border Police. Members of the US Senate NATO Observer Group listened.",
      ),
    ).toEqual([
      "ukraine-defense-contact-group | Ukraine Defense Contact Group",
      "moldova-border-police | Moldova Border Police",
      "nato-observer-group | NATO Observer Group",
      "nato | NATO",
    ]);
  });
});

describe("extract: a mission named with its qualifier and placed after its name", () => {
  it("\"NATO's enhanced Air Policing in X\" is the alliance's mission there, named as a reader names it", async () => {
    expect(
      await entities("Greek jets joined NATO's enhanced Air Policing in Bulgaria this spring."),
    ).toContain("Mission nato-enhanced-air-policing-in-bulgaria");
    const found = await entities("Danish jets flew NATO's Air Policing over Iceland last year.");
    expect(found).toContain("Mission icelandic-air-policing");
  });

  it("a proper name before it keeps its own mission", async () => {
    expect(await entities("The Baltic Air Policing in Lithuania welcomed Polish jets.")).toContain(
      "Mission baltic-air-policing",
    );
  });
});
