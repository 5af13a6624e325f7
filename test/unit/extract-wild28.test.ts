/**
 * Session 28 (extwild28): the recurring classes extwild27 saw and left, and those found by reading
 * the drafts of news articles nobody annotated (outside every set). Each rule is checked with
 * sentences written for the test: the construction that went wrong, and its look-alike.
 */
import { describe, expect, it } from "vitest";
import { entities, facts } from "../helpers/extract.js";

const on = "2019-05-20";

describe("extract: a ship's prefix names its navy's nation", () => {
  it('"the task group is made up of the flagship HNLMS X, FGS Y and ORP Z": three nations contribute', async () => {
    const found = await facts(
      "Standing NATO Mine Countermeasures Group One (SNMCMG1) is currently made up of the flagship HNLMS Makkum (M 857), FGS Weilheim and ORP Kormoran.",
      on,
    );
    expect(found.filter((f) => / CONTRIBUTES_TO /.test(f)).sort()).toEqual([
      "germany CONTRIBUTES_TO standing-nato-mine-countermeasures-group-1",
      "netherlands CONTRIBUTES_TO standing-nato-mine-countermeasures-group-1",
      "poland CONTRIBUTES_TO standing-nato-mine-countermeasures-group-1",
    ]);
  });

  it("not the ships the group trains with, nor the navy a demonym already names", async () => {
    const found = await facts(
      "Standing NATO Maritime Group Two (SNMG2), which consists of the Swedish corvette HMS Visby and FGS Bonn, trained with TCG Gemlik and HS Psara in the Aegean Sea.",
      on,
    );
    expect(found.filter((f) => / CONTRIBUTES_TO /.test(f)).sort()).toEqual([
      "germany CONTRIBUTES_TO standing-nato-maritime-group-2",
      "sweden CONTRIBUTES_TO standing-nato-maritime-group-2",
    ]);
  });

  it('a ship that "has sailed on a NATO deployment" names no contributor (the golds record none)', async () => {
    const found = await facts(
      "HMS Iron Duke has sailed from Portsmouth to join Standing NATO Maritime Group One (SNMG1) in the Baltic.",
      on,
    );
    expect(found.filter((f) => / CONTRIBUTES_TO /.test(f))).toEqual([]);
  });
});

describe("extract: a capitalised title after 'Former' holds no office", () => {
  it('"Former Polish President X", "The former NATO Secretary General X": no LEADS', async () => {
    const found = await facts(
      "Former Polish President Aleksander Kwasniewski spoke at the conference on Monday. The former NATO Secretary General Anders Fogh Rasmussen spoke after him.",
      on,
    );
    expect(found.filter((f) => / (?:LEADS|SERVES_IN) /.test(f))).toEqual([]);
  });

  it("the present holder beside a former one still leads", async () => {
    const found = await facts(
      "Former Minister Jan Kowalski and Polish President Andrzej Duda met in Warsaw.",
      on,
    );
    expect(found.filter((f) => / LEADS /.test(f))).toEqual(["andrzej-duda LEADS poland"]);
  });
});

describe("extract: NATO's strategic commander named by office, a rank between", () => {
  it('"NATO\'s Supreme Allied Commander Europe General X", "SACEUR Gen. Y": each serves in NATO', async () => {
    const found = await facts(
      "NATO's Supreme Allied Commander Europe General Tod Wolters praised the Danish crews on Monday. On Tuesday SACEUR Gen. Curtis Scaparrotti's successor met them too.",
      on,
    );
    expect(found.filter((f) => / SERVES_IN /.test(f)).sort()).toEqual([
      "curtis-scaparrotti SERVES_IN nato",
      "tod-wolters SERVES_IN nato",
    ]);
  });

  it('"Supreme Allied Commander Europe X": "Europe" is the office\'s, not the name\'s', async () => {
    const found = await entities(
      "Supreme Allied Commander Europe Tod Wolters visited the troops in Tapa.",
      on,
    );
    expect(found.filter((e) => e.startsWith("Person "))).toEqual(["Person tod-wolters"]);
  });
});

describe("extract: command handed over", () => {
  const group = "Standing NATO Mine Countermeasures Group One (SNMCMG1) arrived in Kiel on Monday.";
  const leads = (found: string[]) => found.filter((f) => / LEADS /.test(f));

  it('"X of the Czech Navy turned command of the group over to Captain Y of the Italian Navy": Y leads', async () => {
    const found = await facts(
      `${group} Captain Jan Novak of the Czech Navy turned command of the group over to Captain Luca Bianchi of the Italian Navy.`,
      on,
    );
    expect(leads(found).map((f) => f.replace(/ \(inferred\)$/, ""))).toEqual([
      "luca-bianchi LEADS standing-nato-mine-countermeasures-group-1",
    ]);
  });

  // extgen31: X led until the handover, so X's LEADS is drafted closed (`until` Friday; the
  // dates are checked in extract-gen31.test.ts), as the tune golds record an outgoing lead nation
  it('"Y took over command from X", "Upon assuming command, Y": Y leads, X led until then', async () => {
    const took = await facts(
      `${group} Commodore Ana Silva took over command from Rear Admiral Tom Berg on Friday.`,
      on,
    );
    expect(leads(took)).toEqual([
      "ana-silva LEADS standing-nato-mine-countermeasures-group-1 (inferred)",
      "tom-berg LEADS standing-nato-mine-countermeasures-group-1 (inferred)",
    ]);
    const upon = await facts(
      `${group} Upon assuming command, Commodore Ana Silva thanked the crews.`,
      on,
    );
    expect(leads(upon)).toEqual([
      "ana-silva LEADS standing-nato-mine-countermeasures-group-1 (inferred)",
    ]);
  });

  it("a person who only speaks of command leads nothing", async () => {
    const found = await facts(
      `${group} Rear Admiral Tom Berg said the command of the group is a great honour.`,
      on,
    );
    expect(leads(found)).toEqual([]);
  });
});

describe('extract: "<nation>-led Exercise X"', () => {
  it("the nation takes part and, where the sentence places the exercise nowhere, hosts it", async () => {
    const found = await facts(
      "The frigates later joined the Greek-led Exercise Argo 2019 and the Italian-led Exercise Mare Aperto in the Tyrrhenian Sea.",
      on,
    );
    expect(found.filter((f) => /greece|italy/.test(f)).sort()).toEqual([
      "exercise-argo-2019 LOCATED_IN greece (inferred)",
      "greece HOSTS exercise-argo-2019 (inferred)",
      "greece PARTICIPATED_IN exercise-argo-2019",
      "italy PARTICIPATED_IN exercise-mare-aperto",
    ]);
  });
});

describe("extract: air policing told in words, over a named nation", () => {
  it('"NATO\'s air policing over Iceland", "air-policing duties in Iceland": the Icelandic Air Policing', async () => {
    const over = await facts(
      "Portugal will contribute to NATO's air policing over Iceland with four fighter jets.",
      on,
    );
    expect(over).toContain("portugal CONTRIBUTES_TO icelandic-air-policing");
    const duties = await facts(
      "Danish F-16s will perform air-policing duties in Iceland from May.",
      on,
    );
    expect(duties).toContain("icelandic-air-policing DEPLOYED_TO iceland");
  });
});

describe("extract: ships named with their navy's prefix", () => {
  it('"Her Majesty\'s Canadian Ship (HMCS) Ville de Québec": a ship, no place Québec', async () => {
    const found = await entities(
      "On 3 May, Her Majesty’s Canadian Ship (HMCS) Ville de Québec left Halifax for the Baltic Sea. It is HMCS Ville de Québec’s second deployment.",
      on,
    );
    expect(found.some((e) => /quebec/.test(e))).toBe(false);
  });

  it('"Turkish TCG Erdemli": a demonym right before a prefixed ship names its navy (civil.ge 2018)', async () => {
    const found = await facts(
      "Five NATO ships, assigned to the Standing NATO Mine Countermeasures Group 2 (SNMCMG2), arrived on a three-day port call in Batumi on Georgia’s Black Sea coast on November 2.\n\nThe maritime group, which includes the German frigate FGS Rhein, Turkish TCG Erdemli, Bulgarian BRG Stibar, Romanian ROS Dimitrie Nicolescue and Spanish SPS Turia, is led by Frank Maginsky, Commander of NATO’s SNMCMG2.",
      "2018-11-02",
    );
    const inGroup = found.filter((f) => / CONTRIBUTES_TO /.test(f));
    expect(inGroup.map((f) => f.split(" ")[0]).sort()).toEqual([
      "germany",
      "romania",
      "spain",
      "turkiye",
    ]);
  });
});

describe('extract: "<group>, led by <service> <rank> X, arrived ..."', () => {
  it("X leads the group and is not the visitor; a nation after 'led by' still leads", async () => {
    const found = await facts(
      "Standing NATO Mine Countermeasures Group One (SNMCMG1), led by Latvian Navy Captain Edgars Ozols, arrived in Gdansk on Friday.",
      on,
    );
    expect(found.filter((f) => / (?:LEADS|VISITED) /.test(f))).toEqual([
      "edgars-ozols LEADS standing-nato-mine-countermeasures-group-1",
    ]);
    const nation = await facts(
      "The NATO battle group in Latvia, led by Canada, held a parade.",
      on,
    );
    expect(nation).toContain("canada LEADS nato-battle-group-in-latvia");
  });

  it("two people after 'led by' and no comma closing the name lead nothing", async () => {
    const found = await facts(
      "The Dutch delegation, led by Jan Bakker and Piet Smit, met in Riga.",
      on,
    );
    expect(found.filter((f) => / LEADS /.test(f))).toEqual([]);
  });
});

describe('extract: "X, Commander of NATO\'s <group>"', () => {
  it("the alliance's possessive between the office and the group: X leads the group", async () => {
    const found = await facts(
      "Standing NATO Maritime Group One (SNMG1) reached Aarhus on Sunday. The visit was hosted by Commodore Lena Holm, Commander of NATO’s SNMG1, and the mayor.",
      on,
    );
    expect(found).toContain("lena-holm LEADS standing-nato-maritime-group-1");
  });
});

describe("extract: a nation's contribution told as a noun", () => {
  it('"Norway will renew its contribution to NATO through Operation X", "part of Spain’s contribution to X"', async () => {
    const renew = await facts(
      "The prime minister said Norway would renew its contribution to NATO through Operation Sea Guardian until 2026.",
      on,
    );
    expect(renew).toContain("norway CONTRIBUTES_TO operation-sea-guardian");
    const part = await facts(
      "The frigate's deployment is part of Spain’s contribution to Operation Sea Guardian.",
      on,
    );
    expect(part).toContain("spain CONTRIBUTES_TO operation-sea-guardian");
  });

  it("not the contribution of a nation joined by 'and' to the phrase's owner", async () => {
    const found = await facts(
      "Canada praised Latvia and its contribution to Operation Sea Guardian.",
      on,
    );
    expect(found.filter((f) => / CONTRIBUTES_TO /.test(f))).toEqual([]);
  });
});

describe("extract: titles and buildings that are no person and no place", () => {
  it('"the Assistant to the President and National Security Advisor, Ambassador X": no person "Advisor"', async () => {
    const found = await entities(
      "During the visit, the minister also met the Deputy Assistant to the President and National Security Advisor, Ambassador Robert Hale.",
      on,
    );
    expect(found.filter((e) => e.startsWith("Person "))).toEqual(["Person robert-hale"]);
  });

  it('"at the Victoria Palace": the building, no place Victoria; "flew to Victoria" still is one', async () => {
    const palace = await entities(
      "The prime minister received the NATO delegation at the Victoria Palace on Monday.",
      on,
    );
    expect(palace.some((e) => /victoria/.test(e))).toBe(false);
    expect(await entities("The delegation flew to Victoria on Monday.", on)).toContain(
      "Place victoria",
    );
  });
});

describe("extract: a body's name is no person", () => {
  it('"Head of Regional Government of X Y": no person "Regional Government"', async () => {
    const found = await entities(
      "Head of Regional Government of Ajaria Nika Beridze welcomed the ships on Friday.",
      on,
    );
    expect(found.some((e) => /regional-government/.test(e))).toBe(false);
  });
});
