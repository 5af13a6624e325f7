/**
 * The twenty-third pass (ext23): rules kept under split-half discipline (the tune articles split
 * into two halves by sorted name; misses read in half A only, each rule kept only where half B's
 * figures did not fall). Each rule is written for a construction, shown by sentences written for
 * the test: a case it must find and a look-alike it must not.
 */
import { describe, expect, it } from "vitest";
import { entities, facts } from "../helpers/extract.js";

const on = "2024-05-02";

describe("extract: a meeting of a group's ministers", () => {
  it("'the meeting of foreign ministers of Nordic and Baltic countries' is one event, held where it names", async () => {
    const text =
      "The meeting of foreign ministers of Nordic and Baltic countries took place in Oslo in May.";
    expect(await entities(text, on)).toContain("Event nordic-and-baltic-foreign-ministers-meeting");
    expect(await facts(text, on)).toContain(
      "nordic-and-baltic-foreign-ministers-meeting LOCATED_IN oslo",
    );
  });

  it("'the Nordic defence ministers' meeting in Helsinki'", async () => {
    expect(
      await entities(
        "Air defence was the main topic of the Nordic defence ministers' meeting in Helsinki.",
        on,
      ),
    ).toContain("Event nordic-defence-ministers-meeting");
  });

  it("'Baltic defence ministers met in Tallinn'", async () => {
    expect(
      await entities("Baltic defence ministers met in Tallinn on Friday to discuss mines.", on),
    ).toContain("Event baltic-defence-ministers-meeting");
  });

  it("a group with a format's name takes part in the meeting and is not what it is about", async () => {
    const found = await facts(
      "The plan was agreed at a meeting of foreign ministers of Baltic, Nordic and Visegrad Group countries in 2016.",
      on,
    );
    expect(found).toContain(
      "visegrad-group PARTICIPATED_IN baltic-nordic-and-visegrad-group-foreign-ministers-meeting (inferred)",
    );
    expect(found.filter((f) => f.includes("ministers-meeting ABOUT visegrad-group"))).toEqual([]);
  });

  it("not two nations' ministers: 'the Polish and Lithuanian defence ministers met'", async () => {
    const found = await entities(
      "The Polish and Lithuanian defence ministers met in Vilnius on Monday.",
      on,
    );
    expect(found.filter((e) => e.includes("ministers-meeting"))).toEqual([]);
  });

  it("not a sentence's first word: 'The Nordic ...' names the Nordic meeting, not 'The Nordic'", async () => {
    const found = await entities("The Nordic foreign ministers' meeting ended on Tuesday.", on);
    expect(found).toContain("Event nordic-foreign-ministers-meeting");
    expect(found.filter((e) => e.includes("the-nordic"))).toEqual([]);
  });

  it("the alliance's own meeting stays as it was: about NATO", async () => {
    expect(await facts("NATO defence ministers met in Brussels on Wednesday.", on)).toContain(
      "nato-defence-ministers-meeting ABOUT nato (inferred)",
    );
  });
});

describe("extract: an interview given to an outlet", () => {
  it("'Major General X, said in an interview with VOA': the apposition's subject speaks, the outlet takes part", async () => {
    const text =
      "The chief of staff, Major General Arben Kola, said in an interview with VOA that the army was ready.";
    const found = await facts(text, on);
    expect(found).toContain("arben-kola PARTICIPATED_IN kola-interview");
    expect(found).toContain("voa PARTICIPATED_IN kola-interview (inferred)");
    expect(await entities(text, on)).toContain("Organization voa");
  });

  it("'in an interview with the Financial Times': the outlet past 'the'", async () => {
    expect(
      await facts(
        "Defence Minister Jonas Petraitis said in an interview with the Financial Times that the brigade would arrive in 2027.",
        on,
      ),
    ).toContain("financial-times PARTICIPATED_IN petraitis-interview (inferred)");
  });

  it("not a person interviewed alongside: 'an interview with Prime Minister X' makes no outlet", async () => {
    const found = await entities(
      "President Gitanas Nauseda said in an interview with Prime Minister Kaja Kallas that they agreed.",
      on,
    );
    expect(found.filter((e) => e.startsWith("Organization"))).toEqual([]);
  });

  it("not a name ending a fronted clause: 'After meeting X, the minister said in an interview'", async () => {
    const found = await facts(
      "After meeting Prime Minister Kaja Kallas, the minister said in an interview with LRT that the allies were united.",
      on,
    );
    expect(found.filter((f) => f.startsWith("kaja-kallas PARTICIPATED_IN"))).toEqual([]);
  });
});

describe("extract: a nation's embassy", () => {
  it("'the U.S. Embassy said': an organisation as written", async () => {
    expect(
      await entities("The troops will stay through the winter, the U.S. Embassy in Riga said.", on),
    ).toContain("Organization u-s-embassy");
  });

  it("'the Polish embassy in Vilnius', 'the Embassy of Canada'", async () => {
    const found = await entities(
      "The Polish embassy in Vilnius and the Embassy of Canada co-hosted the reception.",
      on,
    );
    expect(found).toContain("Organization polish-embassy");
    expect(found).toContain("Organization embassy-of-canada");
    expect(found).toContain("Place vilnius");
  });

  it("not a bare 'the embassy', nor an embassy of no nation", async () => {
    const found = await entities(
      "The embassy said on Monday it would close. The Embassy Suites hotel hosted the press.",
      on,
    );
    expect(found.filter((e) => /embassy/.test(e))).toEqual([]);
  });
});

describe("extract: a capitalised or alliance's secretary general set off by commas", () => {
  it("'NATO Secretary General, Mark Rutte,': he leads NATO", async () => {
    expect(
      await facts("NATO Secretary General, Mark Rutte, said the allies were ready.", on),
    ).toContain("mark-rutte LEADS nato");
  });

  it("'the alliance's secretary general, Jens Stoltenberg,' in an article naming NATO", async () => {
    expect(
      await facts(
        "NATO foreign ministers will meet in Riga, the alliance's secretary general, Jens Stoltenberg, said.",
        on,
      ),
    ).toContain("jens-stoltenberg LEADS nato");
  });

  it("not a company's secretary general", async () => {
    const found = await facts(
      "NATO is ready, the company's secretary general, Jens Olsen, said on Thursday.",
      on,
    );
    expect(found.filter((f) => f.startsWith("jens-olsen LEADS"))).toEqual([]);
  });
});

describe("extract: a town the text calls one", () => {
  it("'the town of Rukla in central Lithuania': a place, in the nation after it", async () => {
    const text = "The troops are based in the town of Rukla in central Lithuania.";
    expect(await entities(text, on)).toContain("Place rukla");
    expect(await facts(text, on)).toContain("rukla LOCATED_IN lithuania");
  });

  it("'the Polish village of Bemowo Piskie': in the demonym's nation", async () => {
    expect(
      await facts("The exercise ended near the Polish village of Bemowo Piskie.", on),
    ).toContain("bemowo-piskie LOCATED_IN poland");
  });

  it("not a day or a nation after 'the city of'", async () => {
    const found = await entities(
      "They met in the city of Monday. He spoke of the city of Riga and the village of Latvia.",
      on,
    );
    expect(found.filter((e) => /Place (?:monday|latvia)/.test(e))).toEqual([]);
  });
});
