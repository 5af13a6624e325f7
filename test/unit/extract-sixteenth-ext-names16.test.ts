/**
 * The sixteenth pass (ext-names16): titles in other languages, nations' names as given names,
 * commanders named in apposition, armed services and named exercises. Each family has cases that
 * must not fire. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { draft, entities, facts } from "../helpers/extract.js";

describe("extract: a nation's name as a person's given name", () => {
  it("a surname no list knows, followed by a verb of saying or an apposition", async () => {
    const e = await entities(
      "Israel Adesanya said he would box again in May. Georgia Brown, a nurse from Leeds, agreed.",
    );
    expect(e).toEqual(expect.arrayContaining(["Person israel-adesanya", "Person georgia-brown"]));
    expect(e).not.toContain("Nation israel");
    expect(e).not.toContain("Nation georgia");
    const f = await facts("Israel Adesanya said he would box again in May.");
    expect(f.filter((x) => / israel\b/.test(x))).toEqual([]);
  });

  it("after 'and' beside another person", async () => {
    const e = await entities("Chad Smith and Georgia Brown attended the dinner.");
    expect(e).toEqual(expect.arrayContaining(["Person chad-smith", "Person georgia-brown"]));
    expect(e.filter((x) => x.startsWith("Nation "))).toEqual([]);
  });

  it("a body's or a day's word after the nation keeps the nation", async () => {
    const e = await entities(
      "Georgia Power said prices would rise. Israel Police said two men were held. Troops from Estonia and Georgia Sunday attended.",
    );
    expect(e).toEqual(expect.arrayContaining(["Nation georgia", "Nation israel"]));
    expect(e.filter((x) => x.startsWith("Person "))).toEqual([]);
  });
});

describe("extract: a title in the holder's own language", () => {
  it("is no part of the name and reads as the English title", async () => {
    const text =
      "Bundeskanzler Olaf Scholz met soldiers in Rukla. Verteidigungsminister Boris Pistorius said Germany would send more.";
    const e = await entities(text);
    expect(e).toEqual(expect.arrayContaining(["Person olaf-scholz", "Person boris-pistorius"]));
    expect(e.filter((x) => /bundeskanzler|verteidigungsminister/.test(x))).toEqual([]);
    const f = await facts(text, "2024-03-01");
    expect(f).toContain("olaf-scholz LEADS germany (inferred)");
    expect(f).toContain("boris-pistorius SERVES_IN germany (inferred)");
  });

  it("a rank in German before a name is a title", async () => {
    const e = await entities(
      "Generalinspekteur Carsten Breuer and Generalleutnant Alfons Mais spoke.",
    );
    expect(e).toEqual(expect.arrayContaining(["Person carsten-breuer", "Person alfons-mais"]));
  });

  it("a French or Italian title in lower case before the name", async () => {
    const text =
      "Le président Emmanuel Macron thanked the troops of France. La ministre des Armées Florence Parly stood beside him.";
    const e = await entities(text, "2021-05-01");
    expect(e).toEqual(expect.arrayContaining(["Person emmanuel-macron", "Person florence-parly"]));
    expect(e.filter((x) => /armees/.test(x))).toEqual([]);
    const f = await facts(text, "2021-05-01");
    expect(f).toContain("emmanuel-macron LEADS france (inferred)");
  });

  it("a lower-case word before a name that is no title gives no office", async () => {
    const f = await facts("The company's president Karl Jones met workers in France.");
    expect(f.filter((x) => x.startsWith("karl-jones LEADS"))).toEqual([]);
  });
});

describe("extract: armed services and their nations", () => {
  it("a service named with its nation's name, not its demonym", async () => {
    const e = await entities("The Royal Netherlands Navy and the United States Army trained.");
    expect(e).toEqual(
      expect.arrayContaining([
        "Organization royal-netherlands-navy",
        "Organization united-states-army",
      ]),
    );
    expect(e.filter((x) => x.startsWith("Person "))).toEqual([]);
    const f = await facts("The Royal Netherlands Navy sent 200 sailors to Operation Sea Guardian.");
    expect(f).toContain("netherlands CONTRIBUTES_TO operation-sea-guardian");
  });

  it("a service whose name says its nation by another word", async () => {
    const f = await facts("The Hellenic Navy sent 120 sailors to Operation Sea Guardian.");
    expect(f).toContain("hellenic-navy CONTRIBUTES_TO operation-sea-guardian");
    expect(f).toContain("greece CONTRIBUTES_TO operation-sea-guardian");
    const g = await facts("The Bundeswehr sent 300 soldiers to Operation Sea Guardian.");
    expect(g).toContain("germany CONTRIBUTES_TO operation-sea-guardian");
  });

  it("the services named by demonym or 'of' keep working, and a nation alone is no service", async () => {
    const e = await entities(
      "The Royal Danish Air Force, the Polish Armed Forces and the Armed Forces of Ukraine took part. Soldiers from the Netherlands joined.",
    );
    expect(e).toEqual(
      expect.arrayContaining([
        "Organization royal-danish-air-force",
        "Organization polish-armed-forces",
        "Organization armed-forces-of-ukraine",
        "Nation netherlands",
      ]),
    );
  });
});

describe("extract: exercises and standing groups by their names", () => {
  it("an exercise's two-digit year stays in its name and dates it", async () => {
    const r = await draft("Exercise Northern Shield 23 ended on Friday.");
    const ev = r.document.entities.find((e) => e.kind === "Event");
    expect(ev?.name).toBe("Exercise Northern Shield 23");
    expect(ev?.properties).toMatchObject({ category: "OTHER", date: "2023" });
  });

  it("a count after the name is no part of it", async () => {
    const e = await entities("The exercise Iron Hammer 40 soldiers joined came to an end.");
    expect(e).toContain("Event iron-hammer");
  });

  it("an exercise named before its head after a length, 'annual' or NATO's", async () => {
    const e = await entities(
      "Ships joined the 3-week Joint Falcon exercise. NATO's Steel Lance exercise starts in May.",
    );
    expect(e).toEqual(expect.arrayContaining(["Event joint-falcon", "Event steel-lance"]));
  });

  it("a body's name before 'exercise' or a lower-case 'joint exercise' is no exercise", async () => {
    const e = await entities(
      "The Joint Expeditionary Force exercise began. The joint exercise ended. The Polish Army exercise ended.",
    );
    expect(e.filter((x) => x.startsWith("Event "))).toEqual([]);
  });

  it("a standing maritime group numbered in words is the numbered group", async () => {
    const e = await entities("Standing NATO Maritime Group TWO sailed from Crete.");
    expect(e).toContain("Mission standing-nato-maritime-group-2");
  });
});

describe("extract: a command in apposition", () => {
  it("'Commander, <unit>, <service>' as releases write it", async () => {
    const f = await facts(
      "Colonel Marta Nowak, Commander, 12th Mechanised Brigade, Polish Army, said the drill went well.",
    );
    expect(f).toContain("marta-nowak LEADS 12th-mechanised-brigade");
    expect(f).toContain("marta-nowak SERVES_IN polish-army");
  });

  it("'commanding officer of the <unit>' and 'commander of the <service>'", async () => {
    const f = await facts(
      "Lt. Col. Ben Carter, commanding officer of the 3rd Battalion, thanked the hosts. Commodore Eva Lind, commander of the Swedish Navy, welcomed them.",
    );
    expect(f).toContain("ben-carter LEADS 3rd-battalion");
    expect(f).toContain("eva-lind LEADS swedish-navy");
  });

  it("a unit named by the town it is based in keeps the town in its name", async () => {
    const f = await facts(
      "Lieutenant Colonel Ana Pop, Commander, 3rd Infantry Battalion Craiova, Romanian Army, said the drill ended.",
    );
    expect(f).toContain("ana-pop LEADS 3rd-infantry-battalion-craiova");
    expect(await entities("The 2nd Battalion Sunday trained.")).toContain(
      "Organization 2nd-battalion",
    );
  });

  it("a deputy written after the body serves in it", async () => {
    const f = await facts(
      "Rear Admiral Tom Hale, NATO Allied Maritime Command Deputy Commander, spoke in Oslo.",
    );
    expect(f).toContain("tom-hale SERVES_IN allied-maritime-command");
    expect(f.filter((x) => x.startsWith("tom-hale LEADS"))).toEqual([]);
  });

  it("a title of the next person or of a longer name leads nothing", async () => {
    const f = await facts(
      "The ceremony was attended by Minister Ana Rus, Commander of the Lithuanian Air Force Colonel Jonas Petras and others.",
    );
    expect(f.filter((x) => x.startsWith("ana-rus LEADS"))).toEqual([]);
    const g = await facts(
      "Guests included Ana Rus, Commander of NATO's Joint Force Command Naples.",
    );
    expect(g).not.toContain("ana-rus LEADS nato");
  });
});

describe("extract: the seas allied ships sail", () => {
  it("'the Mediterranean' and the named seas are places; the adjective is not", async () => {
    const e = await entities(
      "The frigates were sent to the Mediterranean. Others sailed in the North Sea. Mediterranean nations agreed.",
    );
    expect(e).toEqual(expect.arrayContaining(["Place mediterranean", "Place north-sea"]));
    expect(e.filter((x) => x.startsWith("Place ")).length).toBe(2);
  });
});
