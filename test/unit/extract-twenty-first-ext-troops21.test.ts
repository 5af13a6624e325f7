/**
 * The twenty-first pass (ext-troops21): who serves in, deploys to and takes part in missions and
 * exercises. Each rule is written for a construction: a case it must find and a look-alike it must
 * not. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { facts } from "../helpers/extract.js";

const on = "2024-05-02";
const contributes = (f: string[]) => f.filter((x) => / CONTRIBUTES_TO /.test(x));

describe("extract: the units a mission's forces come from", () => {
  it("'soldiers from the 4th Rifle Brigade of the British Army will serve': both serve in the article's mission", async () => {
    const f = await facts(
      "Spain leads the NATO battle group in Latvia. About 150 soldiers from the 4th Rifle Brigade of the British Army will serve in Adazi until May.",
      on,
    );
    expect(f).toContain("4th-rifle-brigade CONTRIBUTES_TO nato-battle-group-in-latvia (inferred)");
    expect(f).toContain("british-army CONTRIBUTES_TO nato-battle-group-in-latvia (inferred)");
  });

  it("'The contingent consists of the 2nd Armoured Battalion and the Royal Artillery': each unit of the list", async () => {
    const f = await facts(
      "Denmark serves in the NATO battle group in Latvia. The contingent consists of the 2nd Armoured Battalion and the Royal Artillery, based at Adazi.",
      on,
    );
    expect(f).toContain(
      "2nd-armoured-battalion CONTRIBUTES_TO nato-battle-group-in-latvia (inferred)",
    );
    expect(f).toContain("royal-artillery CONTRIBUTES_TO nato-battle-group-in-latvia (inferred)");
  });

  it("'Romanian Air Force MiG-21 fighter aircraft will deploy': the force before its aircraft", async () => {
    const f = await facts(
      "Romania takes over the Baltic Air Policing mission next month. Romanian Air Force MiG-21 fighter aircraft will deploy to Siauliai Air Base.",
      on,
    );
    expect(f).toContain("romanian-air-force CONTRIBUTES_TO baltic-air-policing (inferred)");
  });

  it("'Two companies of the Royal Danish Army will serve in the NATO battle group': stated, and the army's nation serves too", async () => {
    const f = await facts(
      "Two companies of the Royal Danish Army will serve in the NATO battle group in Latvia.",
      on,
    );
    expect(f).toContain("royal-danish-army CONTRIBUTES_TO nato-battle-group-in-latvia");
    expect(f).toContain("denmark CONTRIBUTES_TO nato-battle-group-in-latvia (inferred)");
  });

  it("not the unit one trains with, the host's own army, nor a unit in a sentence that deploys no one", async () => {
    const partner = await facts(
      "Poland leads the NATO battle group in Estonia. Latvian soldiers deployed to Tapa trained with soldiers of the 3rd Infantry Regiment.",
      on,
    );
    expect(contributes(partner).some((x) => x.startsWith("3rd-infantry-regiment"))).toBe(false);
    const host = await facts(
      "Troops of the Lithuanian Armed Forces deployed near the border with Belarus as the NATO battle group in Lithuania held drills.",
      on,
    );
    expect(contributes(host)).toEqual([]);
    const parade = await facts(
      "Spain leads the NATO battle group in Latvia. The 4th Rifle Brigade of the British Army held a parade in London.",
      on,
    );
    expect(contributes(parade)).toEqual([]);
  });
});

describe("extract: who else was there, by 'attended by', 'joined by', 'accompanied by'", () => {
  const at = (f: string[], person: string) =>
    f.filter((x) => x.startsWith(`${person} PARTICIPATED_IN `));

  it("'The ceremony was attended by A and B': both take part in the ceremony told of before", async () => {
    const f = await facts(
      "On 16 May, the Belgian unit handed over to the French unit at a ceremony at Tapa Army Base. The ceremony was attended by Defence Minister Hanno Pevkur and British Ambassador Jane Smith.",
      on,
    );
    expect(f).toContain("hanno-pevkur PARTICIPATED_IN ceremony");
    expect(f).toContain("jane-smith PARTICIPATED_IN ceremony");
  });

  it("'She will be accompanied by the chief of defence, General Tom Hale': he takes part in her visit", async () => {
    const f = await facts(
      "Prime Minister Anna Berg will visit Portuguese troops in Romania on Friday. She will be accompanied by the chief of defence, General Tom Hale.",
      on,
    );
    expect(f).toContain("tom-hale PARTICIPATED_IN berg-visit-to-romania");
  });

  it("'During the visit, they were joined by Col. Mart Kask': the visit told two sentences before", async () => {
    const f = await facts(
      "U.S. Ambassador George Brown visited Tapa Army Base on Tuesday. Colonel Ahto Tamm briefed the troops. During the visit, they were joined by Col. Mart Kask, and General Eva Lind said the brigade was ready.",
      on,
    );
    expect(f).toContain("mart-kask PARTICIPATED_IN brown-visit-to-tapa-army-base");
    // the next clause's speaker is not of the company
    expect(at(f, "eva-lind")).toEqual([]);
  });

  it("not a person after the clause ends, nor jets a mission is joined by", async () => {
    const f = await facts(
      "On 16 May, the Belgian unit handed over to the French unit at a ceremony at Tapa Army Base. The ceremony was attended by Defence Minister Hanno Pevkur; Jane Smith stayed in Tallinn.",
      on,
    );
    expect(f).toContain("hanno-pevkur PARTICIPATED_IN ceremony");
    expect(at(f, "jane-smith")).toEqual([]);
    const jets = await facts(
      "Spain leads the NATO battle group in Latvia. The battle group will be joined by Danish jets and by Colonel Eva Lind's staff in May.",
      on,
    );
    expect(jets.filter((x) => / PARTICIPATED_IN /.test(x))).toEqual([]);
  });
});

describe("extract: the nations whose ships sail in a naval mission", () => {
  it("'The group will be joined by the Greek frigate HS Hydra and the Spanish tanker ...': both nations contribute", async () => {
    const f = await facts(
      "Standing NATO Maritime Group 2 sailed from Crete on Monday. The group will be joined by the Greek frigate HS Hydra and the Spanish tanker ESPS Cantabria.",
      on,
    );
    expect(
      contributes(f).some((x) =>
        x.startsWith("greece CONTRIBUTES_TO standing-nato-maritime-group-2"),
      ),
    ).toBe(true);
    expect(
      contributes(f).some((x) =>
        x.startsWith("spain CONTRIBUTES_TO standing-nato-maritime-group-2"),
      ),
    ).toBe(true);
  });

  it("'The Danish mine hunters belong to a Mine Countermeasure Task Group'", async () => {
    const f = await facts(
      "The Danish mine hunters belong to a Mine Countermeasure Task Group.",
      on,
    );
    expect(f).toContain("denmark CONTRIBUTES_TO mine-countermeasure-task-group");
  });

  it("not a ship the group shadows, nor a ship beside a mission that is not naval", async () => {
    const shadowed = await facts(
      "Standing NATO Maritime Group 2 sailed from Crete on Monday. Its ships shadowed the Russian frigate Admiral Essen.",
      on,
    );
    expect(contributes(shadowed)).toEqual([]);
    const land = await facts(
      "Spain leads the NATO battle group in Latvia. The Estonian ship Wambola visited Riga.",
      on,
    );
    expect(contributes(land).some((x) => x.startsWith("estonia "))).toBe(false);
  });
});
