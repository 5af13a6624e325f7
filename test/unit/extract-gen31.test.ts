/**
 * Session 31 (extgen31): constructions a reader of any article would see drafted wrong. Each rule
 * is checked with sentences written for the test, not copied from a tune article.
 */
import { describe, expect, it } from "vitest";
import { draft, facts } from "../helpers/extract.js";

const on = "2025-03-14"; // a Friday

/** The draft's LEADS as "from LEADS to" with since/until when given. */
async function leads(text: string) {
  const r = await draft(text, on);
  return r.document.relations
    .filter((x) => x.type === "LEADS")
    .map((x) => {
      const p = (x.properties ?? {}) as Record<string, unknown>;
      const when = [p.since ? `since ${p.since}` : "", p.until ? `until ${p.until}` : ""]
        .filter(Boolean)
        .join(" ");
      return `${x.from} LEADS ${x.to}${when ? ` (${when})` : ""}`;
    })
    .sort();
}

describe("extract: a command handed over closes the outgoing commander's LEADS", () => {
  it('"X handed over command of M to Z on Monday": X led M until Monday, Z since', async () => {
    expect(
      await leads(
        "Rear Admiral Pieter Janssen handed over command of Standing NATO Mine Countermeasures Group One to Commodore Erik Lund on Monday.",
      ),
    ).toEqual([
      "erik-lund LEADS standing-nato-mine-countermeasures-group-1 (since 2025-03-10)",
      "pieter-janssen LEADS standing-nato-mine-countermeasures-group-1 (until 2025-03-10)",
    ]);
  });

  it('"Z took command of M from X last week", "Z replaced X as commander of M on Tuesday"', async () => {
    expect(
      await leads(
        "Lieutenant Colonel Anna Berg took command of the NATO battlegroup in Lithuania from Lieutenant Colonel Tomas Weber in a ceremony in Rukla last week.",
      ),
    ).toEqual([
      "anna-berg LEADS nato-battle-group-in-lithuania (since 2025-03-07)",
      "tomas-weber LEADS nato-battle-group-in-lithuania (until 2025-03-07)",
    ]);
    expect(
      await leads(
        "Brigadier-General Lise Moreau replaced General Mark Ross as commander of Operation Reassurance on Tuesday.",
      ),
    ).toEqual([
      "lise-moreau LEADS operation-reassurance (since 2025-03-11)",
      "mark-ross LEADS operation-reassurance (until 2025-03-11)",
    ]);
  });

  it('"X, commander of M, relinquished command on Friday": the LEADS the apposition gives is closed', async () => {
    expect(
      await leads(
        "The commander of Standing NATO Maritime Group Two, Rear Admiral Pieter Janssen, handed over command to Commodore Erik Lund on Monday. Rear Admiral Karl Olsen, commander of Operation Sea Guardian, relinquished command on Friday.",
      ),
    ).toEqual([
      "erik-lund LEADS standing-nato-maritime-group-2 (since 2025-03-10)",
      "karl-olsen LEADS operation-sea-guardian (until 2025-03-14)",
      "pieter-janssen LEADS standing-nato-maritime-group-2 (until 2025-03-10)",
    ]);
  });

  it("an undated handover leaves the outgoing commander no LEADS (none can be closed), the incoming one an undated one", async () => {
    expect(
      await leads(
        "Commodore Erik Lund succeeds Rear Admiral Pieter Janssen as commander of Standing NATO Maritime Group Two.",
      ),
    ).toEqual(["erik-lund LEADS standing-nato-maritime-group-2"]);
  });

  it('a lead nation: "A handed over the lead of M to B on Friday", "C will take over leadership of M from D in June" (D leads until June; C does not lead yet: tidy31)', async () => {
    expect(
      await leads("Poland handed over the lead of Baltic Air Policing to Germany on Friday."),
    ).toEqual([
      "germany LEADS baltic-air-policing (since 2025-03-14)",
      "poland LEADS baltic-air-policing (until 2025-03-14)",
    ]);
    expect(
      await leads(
        "The Netherlands will take over leadership of the battlegroup in Lithuania from Germany in June.",
      ),
    ).toEqual(["germany LEADS nato-battle-group-in-lithuania (until 2025-06)"]);
  });

  it('a nation that "took the lead" in something takes no mission\'s lead', async () => {
    expect(
      await leads(
        "Baltic Air Policing flew 40 sorties. Poland took the lead in calling for more jets.",
      ),
    ).toEqual([]);
  });

  it("a commander who keeps command is left open", async () => {
    expect(
      await leads(
        "Commodore Erik Lund, commander of Standing NATO Maritime Group Two, welcomed the frigate on Monday.",
      ),
    ).toEqual(["erik-lund LEADS standing-nato-maritime-group-2"]);
  });
});

describe("extract: a named event's name ends before the day or month after it", () => {
  /** The draft's events as "key (date)". */
  async function events(text: string) {
    const r = await draft(text, on);
    return r.document.entities
      .filter((e) => e.kind === "Event")
      .map((e) => `${e.key} (${(e.properties as { date?: string }).date ?? "no date"})`)
      .sort();
  }

  it('"the X Forum on Tuesday", "the X Summit on Monday June 10": the day is the date, not the name', async () => {
    expect(
      await events("Estonia's defence minister spoke at the Warsaw Security Forum on Tuesday."),
    ).toEqual(["warsaw-security-forum (2025-03-11)"]);
    expect(
      await events("The Bucharest Nine Summit on Monday June 10 gathered eleven presidents."),
    ).toEqual(["bucharest-nine-summit (2025-06-10)"]);
  });

  it('"Exercise X October last year", "the X Forum for May": a month is no word of the name', async () => {
    expect(
      await events("Dutch marines joined Exercise Trident Juncture October last year in Norway."),
    ).toEqual(["exercise-trident-juncture (2024-10)"]);
    expect(await events("At the Prague Defence Forum for May, ministers spoke of drones.")).toEqual(
      ["prague-defence-forum (2025-05)"],
    );
  });

  it('"in June", "last week", "this year" stay out as before; "Conference on Security and Defence" keeps its "on"', async () => {
    expect(
      await events(
        "The ministers met at the Riga Conference in June. Finland hosted the Nordic Defence Summit last week. Canada will host the Ottawa Conference on Security and Defence this year.",
      ),
    ).toEqual([
      "nordic-defence-summit (2025-03-07)",
      "ottawa-conference-on-security-and-defence (2025)",
      "riga-conference (2025-06)",
    ]);
  });
});

describe("extract: air policing named with its nation first is the mission there", () => {
  /** The draft's missions and what the draft says of where they are. */
  async function missions(text: string) {
    const r = await draft(text, on);
    const ids = new Set(r.document.entities.filter((e) => e.kind === "Mission").map((e) => e.key));
    return [
      ...[...ids].map((k) => `Mission ${k}`),
      ...r.document.relations
        .filter((x) => /^(?:DEPLOYED_TO|HOSTS)$/.test(x.type) && (ids.has(x.from) || ids.has(x.to)))
        .map((x) => `${x.from} ${x.type} ${x.to}`),
    ].sort();
  }

  it('"Iceland Air Policing", "Romania Air Policing", "Slovenian Air Policing": the mission, deployed to and hosted by the nation', async () => {
    expect(
      await missions("Four Italian F-35s reached Keflavik this month for Iceland Air Policing."),
    ).toEqual([
      "Mission icelandic-air-policing",
      "iceland HOSTS icelandic-air-policing",
      "icelandic-air-policing DEPLOYED_TO iceland",
    ]);
    expect(
      await missions("Romania Air Policing and Slovenian Air Policing both need more fighters."),
    ).toEqual([
      "Mission nato-air-policing-in-romania",
      "Mission nato-air-policing-in-slovenia",
      "nato-air-policing-in-romania DEPLOYED_TO romania",
      "nato-air-policing-in-slovenia DEPLOYED_TO slovenia",
      "romania HOSTS nato-air-policing-in-romania",
      "slovenia HOSTS nato-air-policing-in-slovenia",
    ]);
  });

  it('"the Polish Air Policing detachment" is the nation\'s unit, no mission of Poland', async () => {
    expect(await missions("The Polish Air Policing detachment landed at Keflavik.")).toEqual([]);
  });
});

describe("extract: a gapped list pairs each nation with its own battlegroup", () => {
  const joined = async (text: string) =>
    (await facts(text, on)).filter((f) => / (?:LEADS|CONTRIBUTES_TO) /.test(f)).sort();

  it('"A leads the battlegroup in X, B the one in Y, and C the one in Z": one each, in order', async () => {
    expect(
      await joined(
        "Canada leads the NATO battlegroup in Latvia, Germany the one in Lithuania, and the United Kingdom the one in Estonia.",
      ),
    ).toEqual([
      "canada LEADS nato-battle-group-in-latvia",
      "germany LEADS nato-battle-group-in-lithuania",
      "united-kingdom LEADS nato-battle-group-in-estonia",
    ]);
    expect(
      await joined(
        "Hungary leads the NATO battle group in Hungary, Italy the NATO battle group in Bulgaria and France the NATO battle group in Romania.",
      ),
    ).toEqual([
      "france LEADS nato-battle-group-in-romania",
      "hungary LEADS nato-battle-group-in-hungary",
      "italy LEADS nato-battle-group-in-bulgaria",
    ]);
  });

  it('"while B leads the one in Y and C the one in Z", "A contributes to X and B to the one in Y"', async () => {
    expect(
      await joined(
        "The United Kingdom leads the battlegroup in Estonia, while Canada leads the one in Latvia and Germany the one in Lithuania.",
      ),
    ).toEqual([
      "canada LEADS nato-battle-group-in-latvia",
      "germany LEADS nato-battle-group-in-lithuania",
      "united-kingdom LEADS nato-battle-group-in-estonia",
    ]);
    expect(
      await joined(
        "Spain sends troops to the battlegroup in Latvia, Denmark to the battlegroup in Estonia and the Netherlands to the battlegroup in Lithuania.",
      ),
    ).toEqual([
      "denmark CONTRIBUTES_TO nato-battle-group-in-estonia",
      "netherlands CONTRIBUTES_TO nato-battle-group-in-lithuania",
      "spain CONTRIBUTES_TO nato-battle-group-in-latvia",
    ]);
  });

  it('"the one in Lithuania" is a battle group deployed to Lithuania, which hosts it', async () => {
    const found = await facts(
      "Canada leads the NATO battlegroup in Latvia, Germany the one in Lithuania.",
      on,
    );
    expect(found.filter((f) => /nato-battle-group-in-lithuania/.test(f)).sort()).toEqual([
      "germany LEADS nato-battle-group-in-lithuania",
      "lithuania HOSTS nato-battle-group-in-lithuania (inferred)",
      "nato-battle-group-in-lithuania DEPLOYED_TO lithuania",
    ]);
  });

  it("the next clause's subject is no object: no nation leads a nation", async () => {
    expect(
      await joined(
        "The Czech Republic leads the battlegroup in Slovakia and Hungary leads the battlegroup in Hungary.",
      ),
    ).toEqual([
      "czechia LEADS nato-battle-group-in-slovakia",
      "hungary LEADS nato-battle-group-in-hungary",
    ]);
  });

  it("a plain list of objects stays one clause", async () => {
    expect(
      (await facts("Canada sent troops to Latvia, Estonia and Lithuania last year.", on)).filter(
        (f) => / LEADS /.test(f),
      ),
    ).toEqual([]);
  });
});

describe("extract: membership the text states of a list of nations", () => {
  const members = async (text: string) =>
    (await facts(text, on)).filter((f) => / MEMBER_OF /.test(f)).sort();

  it('"NATO\'s members A, B and C", "Sweden and Finland, the newest members of NATO", "A, B and C, all NATO members": stated, not inferred', async () => {
    expect(
      await members("NATO's members Estonia, Latvia and Lithuania asked for more air defence."),
    ).toEqual(["estonia MEMBER_OF nato", "latvia MEMBER_OF nato", "lithuania MEMBER_OF nato"]);
    expect(
      await members("Sweden and Finland, the newest members of NATO, sent ships to the drill."),
    ).toEqual(["finland MEMBER_OF nato", "sweden MEMBER_OF nato"]);
    expect(await members("Poland, Slovakia and Hungary, all NATO members, met in Warsaw.")).toEqual(
      ["hungary MEMBER_OF nato", "poland MEMBER_OF nato", "slovakia MEMBER_OF nato"],
    );
  });

  it("partners and would-be members are no members", async () => {
    expect(
      await members(
        "NATO's partner countries Georgia and Moldova attended. NATO's aspiring members Bosnia and Kosovo listened. Armenia and Azerbaijan, both partners of NATO, left early.",
      ),
    ).toEqual([]);
  });
});
