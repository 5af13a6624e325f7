/**
 * Session 25 (extwild24): error classes found by reading the drafts of ten news articles nobody
 * annotated (outside every set). Each rule is checked with sentences written for the test: the
 * construction that went wrong, and its look-alike that must still be read.
 */
import { describe, expect, it } from "vitest";
import { entities, facts } from "../helpers/extract.js";

const on = "2018-05-02";

describe("extract: membership needs a word of membership or names alone", () => {
  it("'X, the NATO ministers ...': a nation before an appositive that is no membership", async () => {
    const found = await facts(
      "As the rebels lost ground in Libya and Yemen, the NATO ministers discussed the next steps.",
      on,
    );
    expect(found.filter((f) => f.includes("MEMBER_OF"))).toEqual([]);
  });

  it("'NATO members, partner countries Ireland and Austria': partners are set apart", async () => {
    const found = await facts(
      "Besides the NATO members, partner countries Ireland and Austria also sent officers to the drill.",
      on,
    );
    expect(found).not.toContain("austria MEMBER_OF nato");
    expect(found).not.toContain("ireland MEMBER_OF nato");
  });

  it("still reads 'a NATO member', 'joined NATO' and a list of names after 'NATO members'", async () => {
    const found = await facts(
      "Portugal, a NATO member, sent a frigate. Montenegro joined NATO last year. NATO members Greece, Italy and Spain agreed.",
      on,
    );
    for (const n of ["portugal", "montenegro", "greece", "italy", "spain"])
      expect(found).toContain(`${n} MEMBER_OF nato`);
  });
});

describe("extract: who is told is neither the speaker nor the topic", () => {
  it("'X of BODY (ABBR) told AGENCY': the person speaks, not the agency", async () => {
    const text =
      "“Four more jets will arrive in June,” spokesman Major Tom Hale of Allied Joint Force Command Headquarters Naples (JFCNP) told Reuters on Friday.";
    const found = await facts(text, on);
    expect(found.some((f) => /^tom-hale SAID quote-/.test(f))).toBe(true);
    expect(found.some((f) => f.includes("ABOUT reuters"))).toBe(false);
    expect((await entities(text, on)).some((e) => /^Quote quote-reuters/.test(e))).toBe(false);
  });

  it("'X told the BBC there was \"...\"': no ABOUT the broadcaster", async () => {
    const found = await facts(
      "Asked about the leak, Mark Rutte told the BBC there was “nothing secret in it”.",
      on,
    );
    expect(found.some((f) => /^mark-rutte SAID quote-/.test(f))).toBe(true);
    expect(found.some((f) => f.endsWith("ABOUT bbc (inferred)"))).toBe(false);
  });

  it("'“...,” the ministry said' after a person's words: the ministry's, not the person's", async () => {
    const found = await facts(
      "“The jets will stay until May,” Major Tom Hale said on Friday. “Latvia wants more air defence in Riga and in Estonia,” the ministry said in a statement.",
      on,
    );
    const said = found.filter((f) => f.includes(" SAID "));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^tom-hale SAID quote-hale-the-jets/);
  });

  it("still reads a speaker right before 'told' and a body that said the words", async () => {
    const found = await facts(
      "“We will send 300 troops to Latvia,” Defence Minister Anna Berg told reporters. “The troops will stay,” the ministry said.",
      on,
    );
    expect(found.some((f) => /^anna-berg SAID quote-berg-/.test(f))).toBe(true);
  });
});

describe("extract: equipment, units and states are no people", () => {
  it("a name ending in Vehicles, Group or Republic after a service or 'Former' is no person", async () => {
    const ents = await entities(
      "The convoy brought 40 Boxer Armoured Fighting Vehicles to Rukla. The Naval Task Group’s ships docked in Riga. Observers came from Albania and the Former Yugoslav Republic of Macedonia.",
      on,
    );
    expect(ents.filter((e) => e.startsWith("Person "))).toEqual([]);
  });

  it("still reads a titled person and one a speech verb makes a person", async () => {
    const ents = await entities(
      "Former Defence Minister Anna Berg visited Rukla. Air Marshal Tom Hale said the jets were ready. Former President John Group spoke.",
      on,
    );
    expect(ents).toContain("Person anna-berg");
    expect(ents).toContain("Person tom-hale");
  });
});

describe("extract: the article's own nation is not the land where things happen", () => {
  it("a title with no nation serves the nation that acts, not the theatre named with 'in'", async () => {
    const found = await facts(
      "Minister for Defence Jane Doyle attended a meeting of ministers in Brussels to discuss the campaign in Mali. The fighting in Mali and Niger continued, and operations in Mali will resume after the rains in Mali. Doyle said Ireland would keep its soldiers there. Ireland is a leading contributor, the Irish government said.",
      on,
    );
    expect(found).toContain("jane-doyle SERVES_IN ireland (inferred)");
    expect(found).not.toContain("jane-doyle SERVES_IN mali (inferred)");
  });

  it("still takes a land named with 'in' for the home when it also acts", async () => {
    const found = await facts(
      "Prime Minister Anna Berg opened the talks in Latvia. Latvia will raise its budget, and Latvia wants more allied troops in Latvia.",
      on,
    );
    expect(found).toContain("anna-berg LEADS latvia (inferred)");
  });
});

describe("extract: a surname with its particles, capitalised, is the person named in full", () => {
  it("'Van Dijk said', 'Von der Berg was set to visit': the person named before, not a new one", async () => {
    const text =
      "Foreign Minister Lena van Dijk visited Riga on Monday. Van Dijk said the alliance was ready. Defence Minister Karl von der Berg arrived in Estonia on Tuesday. Von der Berg was set to visit a base in Tapa.";
    const ents = await entities(text, on);
    expect(ents.filter((e) => e.startsWith("Person "))).toEqual([
      "Person lena-van-dijk",
      "Person karl-von-der-berg",
    ]);
    const found = await facts(text, on);
    expect(found.some((f) => /^karl-von-der-berg PARTICIPATED_IN .*tapa/.test(f))).toBe(true);
  });

  it("a particle name no one was named with before stays as it was read", async () => {
    const ents = await entities("Van Dijk said the alliance was ready.", on);
    expect(ents).toContain("Person van-dijk");
  });
});

describe("extract: a nation's name inside a sea's name is the sea", () => {
  it("'the South China Sea', 'the Irish Sea': places, not China nor Ireland", async () => {
    const text =
      "Minister Anna Berg held talks with Tom Hale on shared interests, including in Iraq and the South China Sea. Two frigates later sailed into the Irish Sea.";
    const ents = await entities(text, on);
    expect(ents).toContain("Place south-china-sea");
    expect(ents).toContain("Place irish-sea");
    expect(ents).not.toContain("Nation china");
    expect(ents).not.toContain("Nation ireland");
    expect((await facts(text, on)).some((f) => f.endsWith("ABOUT china"))).toBe(false);
  });

  it("still reads the nation named on its own", async () => {
    const ents = await entities("Ireland sent a ship to the Baltic Sea, and China watched.", on);
    expect(ents).toContain("Nation ireland");
    expect(ents).toContain("Nation china");
  });
});

describe("extract: a speech verb inside the quoted words is not the attribution", () => {
  it("'\"... a shared view ... noted ...,\" spokesman X said': X said it", async () => {
    const found = await facts(
      '"The allies shared the view that the troops noted for their skill should stay in Latvia," army spokeswoman Liis Tamm said on Friday.',
      on,
    );
    expect(found.some((f) => /^liis-tamm SAID quote-tamm-/.test(f))).toBe(true);
  });

  it("still reads a speaker before the words", async () => {
    const found = await facts('Liis Tamm said: "The troops will stay in Latvia."', on);
    expect(found.some((f) => /^liis-tamm SAID quote-tamm-/.test(f))).toBe(true);
  });
});

describe("extract: when a visit was may stand between 'visit' and 'to'", () => {
  it("'paid a visit from 3 to 5 May to the camp in Gao, Mali', 'made a visit on Monday to Tapa'", async () => {
    const found = await facts(
      "Defence Minister Anna Berg paid a visit from 3 to 5 May to the camp in Gao, Mali. Foreign Minister Tom Hale made a visit on Monday to Tapa, Estonia.",
      on,
    );
    expect(found).toContain("anna-berg VISITED mali");
    expect(found).toContain("tom-hale VISITED estonia");
  });

  it("a visit with its dates and no place visits nothing", async () => {
    const found = await facts("Anna Berg paid a visit from 3 to 5 May.", on);
    expect(found.some((f) => f.includes("VISITED"))).toBe(false);
  });
});
