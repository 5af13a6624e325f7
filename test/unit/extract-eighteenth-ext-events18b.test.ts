/**
 * The eighteenth pass, second wave (ext-events18b): events and missions a careful reader records
 * that the mention and event stages did not find. Each rule has cases it must not fire on.
 * Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { draft, facts } from "../helpers/extract.js";

const found = async (text: string) =>
  (await draft(text)).document.entities.map((e) => `${e.kind} ${e.key}`);

describe("extract: a nation's air policing told by its adjective or its airspace", () => {
  it.each([
    ["Croatia flew its first jets for the Slovenian air policing mission in May.", "slovenia"],
    ["Greek F-16s will take part in the Albanian air policing missions next year.", "albania"],
    ["Italy has provided air policing of Slovenian airspace since 2004.", "slovenia"],
    ["Two Greek jets took over the policing of Montenegro's airspace on Monday.", "montenegro"],
  ])("%s", async (text, host) => {
    expect(await found(text)).toContain(`Mission nato-air-policing-in-${host}`);
    expect(await facts(text)).toContain(`nato-air-policing-in-${host} DEPLOYED_TO ${host}`);
  });

  it("is the Icelandic Air Policing over Iceland, as a reader knows it", async () => {
    expect(
      await found("Norwegian F-35s joined the Icelandic air policing mission in March."),
    ).toContain("Mission icelandic-air-policing");
  });

  it("makes no mission of an adjective without 'mission', nor of airspace without policing", async () => {
    for (const text of [
      "The Hungarian air policing role would begin in 2014.",
      "Russian jets entered Slovenian airspace on Friday.",
      "The Slovenian air force has no fighters.",
    ]) {
      expect(
        (await found(text)).filter((e) => e.startsWith("Mission")),
        text,
      ).toEqual([]);
    }
  });
});

describe("extract: the EU's missions by their acronyms and in lower case", () => {
  it.each([
    ["EUTM Mali trained four battalions of the Malian army in 2014.", "eutm-mali", "mali"],
    ["Austrian soldiers serve with EUFOR Althea in Sarajevo.", "eufor-althea", undefined],
    ["The commander of EUTM Moz opened a new camp on Tuesday.", "eutm-mozambique", "mozambique"],
    [
      "General Ana Costa visited EUTM (European Union Training Mission) Somalia in March.",
      "eutm-somalia",
      "somalia",
    ],
    ["Spain leads the EU training mission in Mali.", "eu-training-mission-in-mali", "mali"],
    [
      "Lisbon sent instructors to the European Union's military assistance mission in Mozambique.",
      "eu-military-assistance-mission-in-mozambique",
      "mozambique",
    ],
  ])("%s", async (text, key, host) => {
    expect(await found(text)).toContain(`Mission ${key}`);
    if (host) expect(await facts(text)).toContain(`${key} DEPLOYED_TO ${host}`);
  });

  it("makes no mission of the acronym alone, nor of a mission with no nation after it", async () => {
    for (const text of [
      "EUTM said on Monday that training had resumed.",
      "The EU training mission ended in 2024.",
      "An EU mission in the region was discussed.",
    ]) {
      expect(
        (await found(text)).filter((e) => e.startsWith("Mission")),
        text,
      ).toEqual([]);
    }
  });
});

describe("extract: a mission's people by number and the nations they come from", () => {
  it("makes each nation named after 'from' contribute", async () => {
    const text =
      "EUTM Mali has 600 military and civilian personnel from 22 EU states – Austria, Belgium and Estonia.";
    const out = await facts(text);
    for (const n of ["austria", "belgium", "estonia"])
      expect(out).toContain(`${n} CONTRIBUTES_TO eutm-mali`);
  });

  it("reads 'numbers ... troops from' the same way", async () => {
    const out = await facts(
      "The NATO battle group in Bulgaria numbers 1,000 troops from Albania, Greece and Italy.",
    );
    expect(out).toContain("albania CONTRIBUTES_TO nato-battle-group-in-bulgaria");
    expect(out).toContain("italy CONTRIBUTES_TO nato-battle-group-in-bulgaria");
  });

  it("makes no contributor of a nation the mission's people do not come from", async () => {
    const out = await facts(
      "EUTM Mali has 600 personnel, and Germany and France discussed its future on Monday.",
    );
    expect(out.filter((f) => / CONTRIBUTES_TO /.test(f))).toEqual([]);
  });
});

describe("extract: a gathering of a body named after 'of'", () => {
  it.each([
    [
      "Norway took part in a summit of the Bucharest Nine in Warsaw on Friday.",
      "bucharest-nine-summit",
    ],
    [
      "Austria hosted a session of the EU Military Committee in Vienna.",
      "eu-military-committee-session",
    ],
    [
      "Pevkur spoke at an extraordinary meeting of NATO defence ministers in Brussels.",
      "nato-defence-ministers-meeting",
    ],
  ])("%s", async (text, key) => {
    expect(await found(text)).toContain(`Event ${key}`);
  });

  it("makes no event of people meeting, nor of a unit named by its nation", async () => {
    for (const text of [
      "A meeting of Rutte and Meloni took place in Rome.",
      "Dutch officers attended a meeting of the Estonian battalion in Tapa.",
      "A meeting of minds was needed.",
    ]) {
      expect(
        (await found(text)).filter((e) => e.startsWith("Event")),
        text,
      ).toEqual([]);
    }
  });
});
