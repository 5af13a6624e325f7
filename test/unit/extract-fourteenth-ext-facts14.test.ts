/**
 * The fourteenth pass (issue 25, ext-facts14): precision of the facts between found entities.
 * Sentences are written for the test; each mechanism has cases that must not fire.
 */
import { describe, expect, it } from "vitest";
import { draft, facts } from "../helpers/extract.js";

/** The sentence each entity's MENTIONS cites, by the entity's kind and key. */
async function mentions(text: string) {
  const r = await draft(text);
  const kind = new Map(r.document.entities.map((e) => [e.key, e.kind]));
  return new Map(
    r.document.relations
      .filter((x) => x.type === "MENTIONS")
      .map((x) => [`${kind.get(x.to)} ${x.to}`, x.evidence]),
  );
}

describe("extract: every drafted entity has its MENTIONS, a told event too", () => {
  it("a meeting a clause tells of (no name in the text) is mentioned by the sentence that tells it", async () => {
    const text =
      "Prices rose in Oslo last year. Defence Minister Anna Berg met her counterpart Paul Lind in Vilnius on Monday.";
    const m = await mentions(text);
    const events = [...m].filter(([k]) => k.startsWith("Event "));
    expect(events.length).toBeGreaterThan(0);
    for (const [, evidence] of events)
      expect(evidence).toBe(
        "Defence Minister Anna Berg met her counterpart Paul Lind in Vilnius on Monday.",
      );
  });

  it("a named entity keeps the first sentence that names it", async () => {
    const m = await mentions(
      "Lithuania hosts the exercise. Defence Minister Anna Berg met her counterpart Paul Lind in Lithuania on Monday.",
    );
    expect(m.get("Nation lithuania")).toBe("Lithuania hosts the exercise.");
  });
});

describe("extract: a town is where an event happened, a nation hosts it", () => {
  it("a meeting in a town is LOCATED_IN the town, not hosted by it", async () => {
    const f = await facts(
      "Defence Minister Anna Berg met her counterpart Paul Lind in Riga on Monday.",
    );
    expect(f.some((x) => / LOCATED_IN riga$/.test(x))).toBe(true);
    expect(f.filter((x) => x.startsWith("riga HOSTS"))).toEqual([]);
  });

  it("a meeting in a nation is hosted by it; a nation that 'will host' an exercise hosts it", async () => {
    const f = await facts(
      "Defence Minister Anna Berg met her counterpart Paul Lind in Latvia on Monday.",
    );
    expect(f.some((x) => /^latvia HOSTS .*meeting/.test(x))).toBe(true);
    const g = await facts("Latvia will host the exercise Crystal Arrow next year.");
    expect(g).toContain("latvia HOSTS crystal-arrow");
  });
});

describe("extract: 'the war in Ukraine' is waged by the nation known to wage it, not by any nation near it", () => {
  it.each([
    "Anna Berg promised Slovakia humanitarian aid to help it cope with refugees fleeing the war in Ukraine.",
    "Poland has taken in refugees from the invasion of Ukraine.",
  ])("a nation that helps or takes in refugees invades no one: %s", async (text) => {
    const f = await facts(text);
    expect(f.filter((x) => / INVADED /.test(x) || /aggressor/.test(x))).toEqual([]);
    expect(f.filter((x) => /^(slovakia|poland) PARTICIPATED_IN /.test(x))).toEqual([]);
  });

  it("Russia named beside 'the war in Ukraine' is its invader", async () => {
    const f = await facts(
      "Russia has stepped up attacks since the war in Ukraine began, Anna Berg said.",
    );
    expect(f).toContain("russia INVADED ukraine (inferred)");
  });
});

describe("extract: an aggression is a conflict with an aggressor, an invasion also an INVADED", () => {
  it("'Russia's aggression in Ukraine': Russia the aggressor of the conflict, no INVADED", async () => {
    const f = await facts("The mission grew after Russia's aggression in Ukraine last year.");
    expect(f.some((x) => /^russia PARTICIPATED_IN /.test(x))).toBe(true);
    expect(f.filter((x) => / INVADED /.test(x))).toEqual([]);
  });

  it("'Russia's invasion of Ukraine' and 'Russia attacked Ukraine': INVADED", async () => {
    expect(await facts("The mission grew after Russia's invasion of Ukraine last year.")).toContain(
      "russia INVADED ukraine",
    );
    expect(await facts("NATO met after Russia attacked Ukraine this week.")).toContain(
      "russia INVADED ukraine",
    );
  });
});

describe("extract: a demand is a call", () => {
  it("'X demanded that NATO allies spend 5%': X CALLED_ON NATO", async () => {
    const f = await facts(
      "U.S. President Donald Trump has demanded that NATO allies spend 5% of GDP on defence.",
    );
    expect(f).toContain("donald-trump CALLED_ON nato");
  });

  it("a demand with no one called on, or rejected, is no call", async () => {
    for (const text of [
      "Defence Minister Anna Berg rejected the demands of the protesters in Riga.",
      "U.S. President Donald Trump met NATO Secretary General Mark Rutte amid demands for more spending.",
    ])
      expect((await facts(text)).filter((x) => / CALLED_ON /.test(x))).toEqual([]);
  });
});

describe("extract: 'the Turkish minister' is the Turkish person named before, not the last person named", () => {
  it("past a person of another nation, to the one whose title names the nation", async () => {
    const f = await facts(
      "Turkish Defence Minister Yasar Guler met his counterparts in Brussels on Friday. He had a conversation with U.S. Secretary of Defense Lloyd Austin. The Turkish minister also met with his Greek counterpart Nikos Dendias.",
    );
    expect(f.some((x) => /^yasar-guler PARTICIPATED_IN .*nikos-dendias/.test(x))).toBe(true);
    expect(f.filter((x) => x.startsWith("lloyd-austin PARTICIPATED_IN"))).toEqual([]);
  });

  it("to the last person whose title names no other nation, and 'he' to the last person named", async () => {
    const f = await facts(
      "Defence Minister Anna Berg arrived in Brussels on Friday. She had a conversation with U.S. Secretary of Defense Lloyd Austin. The Swedish minister also met with her Greek counterpart Nikos Dendias.",
    );
    expect(f.some((x) => /^anna-berg PARTICIPATED_IN .*nikos-dendias/.test(x))).toBe(true);
    const g = await facts(
      "Defence Minister Anna Berg arrived in Brussels on Friday. She had a conversation with U.S. Secretary of Defense Lloyd Austin. He also met with his Greek counterpart Nikos Dendias.",
    );
    expect(g.some((x) => /^lloyd-austin PARTICIPATED_IN .*nikos-dendias/.test(x))).toBe(true);
  });
});

describe("extract: people the visitor meets are no visitors", () => {
  it("'X began his visit – meeting with Y, visiting troops in Latvia': only X visits", async () => {
    const f = await facts(
      "On Monday Defence Minister Anna Berg began her visit in Latvia – meeting with Defence Minister Paul Lind and Prime Minister Evika Silina, visiting troops deployed in Latvia.",
    );
    expect(f).toContain("anna-berg VISITED latvia");
    expect(f.filter((x) => /^(paul-lind|evika-silina) VISITED/.test(x))).toEqual([]);
    expect(f.filter((x) => /^(paul-lind|evika-silina) PARTICIPATED_IN visit/.test(x))).toEqual([]);
  });

  it("'After the meeting with the command, X made his way to Y': X still visits", async () => {
    const f = await facts(
      "After the meeting with the command, Defence Minister Anna Berg made her way to the military base in Adazi, Latvia.",
    );
    expect(f.some((x) => x.startsWith("anna-berg VISITED"))).toBe(true);
  });
});
