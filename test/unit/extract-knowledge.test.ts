/**
 * What any reader of defence news knows and the text leaves out (issue 25, eighth pass): whose
 * office a title is (src/extract/office-holders.ts), a leader named by title and surname, a
 * misspelt leader's name; sites placed by the nation written after them; Russia's annexation of
 * Crimea; "aggression" before and after the full-scale invasion; services named by a nation's
 * abbreviation. Sentences written for the test, each family with cases that must not change.
 */
import { describe, expect, it } from "vitest";
import { knownPerson, officeOwner } from "../../src/extract/office-holders.js";
import { entities, facts } from "../helpers/extract.js";

describe("extract: office holders a reader knows", () => {
  it("gives a title with no nation written to the holder's nation, not to the nation visited", async () => {
    const visit = await facts(
      "Defence Minister Christine Lambrecht visited soldiers in Rukla, Lithuania, on Monday. German troops lead the battle group there.",
      "2021-12-19",
    );
    expect(visit).toContain("christine-lambrecht SERVES_IN germany (inferred)");
    expect(visit.some((f) => f.startsWith("christine-lambrecht SERVES_IN lithuania"))).toBe(false);
    // the holder's nation never named: no office drafted rather than the wrong one
    const unnamed = await facts(
      "Defence Minister Christine Lambrecht visited soldiers in Rukla, Lithuania, on Monday.",
      "2021-12-19",
    );
    expect(unnamed.filter((f) => f.startsWith("christine-lambrecht SERVES_IN"))).toEqual([]);
    // a holder the table does not know keeps the article's nation, as before
    expect(
      await facts(
        "Defence Minister Arvid Kolstad visited soldiers in Rukla, Lithuania.",
        "2021-12-19",
      ),
    ).toContain("arvid-kolstad SERVES_IN lithuania (inferred)");
  });

  it("names a leader the text gives by title and surname in full, by the year", async () => {
    expect(
      await entities(
        "President Macron met Estonia's Prime Minister Kaja Kallas in Tallinn.",
        "2022-06-14",
      ),
    ).toContain("Person emmanuel-macron");
    expect(
      await facts(
        "Prime Minister Rutte said the Netherlands would send F-35s to Poland.",
        "2020-03-01",
      ),
    ).toContain("mark-rutte LEADS netherlands (inferred)");
    expect(
      await facts("Secretary General Rutte said NATO would defend Poland.", "2025-03-01"),
    ).toContain("mark-rutte LEADS nato (inferred)");
    // a surname no holder of that office has stays as written
    expect(await entities("President Kolstad said Norway would stay.", "2022-06-14")).toContain(
      "Person kolstad",
    );
  });

  it("reads a misspelt leader's name as the leader, and a near name of someone else as written", async () => {
    expect(await entities("NATO Secretary General Jens Stotlenberg welcomed Finland.")).toContain(
      "Person jens-stoltenberg",
    );
    expect(await entities("Mark Rutter, a Dutch farmer, said so.")).toContain("Person mark-rutter");
    expect(knownPerson("Pedro Sanchez")).toBe("Pedro Sánchez");
    expect(knownPerson("Jens Olsen")).toBeUndefined();
    expect(officeOwner("Kaja Kallas", "Prime Minister", 2023)).toBe("estonia");
    expect(officeOwner("Kaja Kallas", "High Representative", 2025)).toBeUndefined();
  });
});

describe("extract: places and events a reader knows", () => {
  it("places an air base in the nation written after it", async () => {
    expect(await facts("Four British Eurofighters operate from Amari AB, Estonia.")).toContain(
      "amari-ab LOCATED_IN estonia",
    );
    expect(
      await facts(
        "Six Spanish Eurofighters arrived at Mihail Kogalniceanu Air Base in Romania on Monday.",
      ),
    ).toContain("mihail-kogalniceanu-air-base LOCATED_IN romania");
    // "AB" after a firm's name is no base
    expect(
      (await entities("Sweden's Saab AB will supply radars.")).filter((e) => e.startsWith("Place")),
    ).toEqual([]);
    // a possessive after the base is no nation it lies in
    expect(
      (await facts("Troops at Camp Adazi in Latvia's east trained.")).some((f) =>
        f.startsWith("camp-adazi LOCATED_IN"),
      ),
    ).toBe(false);
  });

  it("knows Russia's annexation of Crimea as an event and Crimea as a place", async () => {
    for (const text of [
      "NATO launched this mission in 2014 following Russia’s illegal annexation of the Crimean peninsula.",
      "Sanctions followed the annexation of Crimea in 2014.",
    ]) {
      const found = await entities(text, "2022-10-21");
      expect(found).toContain("Event russian-annexation-of-crimea");
      expect(found).toContain("Place crimea");
    }
    expect(await entities("Crimean Tatars protested in Kyiv.", "2022-10-21")).not.toContain(
      "Place crimea",
    );
  });

  it("reads 'aggression against Ukraine' as the invasion only after 24 February 2022", async () => {
    const before = await entities(
      "The Alliance has grown since Russia’s aggression in Ukraine last year.",
      "2015-05-01",
    );
    expect(before).toContain("Event russian-aggression-in-ukraine");
    const after = await entities(
      "Spending rose, spurred by the Russian aggression against Ukraine.",
      "2023-07-13",
    );
    expect(after).toContain("Event russian-invasion-of-ukraine");
  });

  it("names a service by a nation's abbreviation as written", async () => {
    const found = await entities(
      "Soldiers of the US Army trained with the U.S. Navy and the UK Royal Navy.",
    );
    expect(found).toContain("Organization us-army");
    expect(found).toContain("Organization us-navy");
    // an adjective, not a service: "US military aid"
    expect(
      (await entities("The US military aid arrived.")).filter((e) => e.startsWith("Organization")),
    ).toEqual([]);
  });
});

describe("extract: nations named by their people", () => {
  it("reads a demonym misspelt by one letter in a list of demonyms", async () => {
    expect(await entities("British, Norweigan, Dutch and French ships docked in Tallinn.")).toEqual(
      expect.arrayContaining(["Nation united-kingdom", "Nation norway", "Nation netherlands"]),
    );
    // alone, a capitalised word near a demonym is left to the other rules
    expect(await entities("Mr Brittish said so.")).not.toContain("Nation united-kingdom");
  });

  it("reads the people in the plural as their nation, never naming anything by the plural", async () => {
    expect(
      await entities("The Italians led the mission until May, then handed it to the Norwegians."),
    ).toEqual(expect.arrayContaining(["Nation italy", "Nation norway"]));
    expect(await entities("Germans and Poles trained together.")).toEqual(
      expect.arrayContaining(["Nation germany", "Nation poland"]),
    );
    expect(await entities("Canadian Forces arrived.")).toContain(
      "Organization canadian-armed-forces",
    );
  });

  it("keeps 'Royal' in a service's or regiment's name", async () => {
    expect(await entities("Soldiers from the Royal Canadian Regiment arrived in Riga.")).toContain(
      "Organization royal-canadian-regiment",
    );
    expect(await entities("The Royal Danish Navy sent a frigate.")).toContain(
      "Organization royal-danish-navy",
    );
    expect(await entities("The Danish Navy sent a frigate.")).toContain("Organization danish-navy");
  });
});
