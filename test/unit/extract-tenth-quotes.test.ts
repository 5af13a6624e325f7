/**
 * The tenth pass (issue 25, ext-quotes): quotations as news copy writes them, and who said them.
 * Each family has cases that must not fire. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { quotationsIn, titleGap } from "../../src/extract/quotations.js";
import { draft, facts } from "../helpers/extract.js";

const has = (f: string[], re: RegExp) => f.some((x) => re.test(x));
const quotes = async (text: string) =>
  (await draft(text)).document.entities
    .filter((e) => e.kind === "Quote")
    .map((e) => String(e.properties.text));

describe("extract: quotation marks of every house style", () => {
  it.each([
    [
      "Defence Secretary Ben Wallace said: ‘We will stand with Estonia for as long as it takes.’",
      "We will stand with Estonia for as long as it takes.",
    ],
    [
      "Defence Secretary Ben Wallace said: 'We will stand with Estonia for as long as it takes.'",
      "We will stand with Estonia for as long as it takes.",
    ],
    [
      "Defence Minister Boris Pistorius said: „Germany will keep its word to Lithuania.“",
      "Germany will keep its word to Lithuania.",
    ],
    [
      "Defence Minister Boris Pistorius said: « Germany will keep its word to Lithuania. »",
      "Germany will keep its word to Lithuania.",
    ],
    [
      "President Andrzej Duda called the proposal ‘a clear signal to our allies’.",
      "a clear signal to our allies",
    ],
  ])("%s", async (text, inner) => {
    expect(await quotes(text)).toEqual([inner]);
    expect(has(await facts(text), /^(ben-wallace|boris-pistorius|andrzej-duda) SAID quote-/)).toBe(
      true,
    );
  });

  it("keeps apostrophes inside a single quotation and reads no quotation from them", () => {
    expect(
      quotationsIn("He said: ‘We’re proud of Hungary’s soldiers and their work.’").map((q) => q[1]),
    ).toEqual(["We’re proud of Hungary’s soldiers and their work."]);
    expect(quotationsIn("The allies' forces and the countries' plans were discussed.")).toEqual([]);
    expect(quotationsIn("Poland's army and Hungary's army train together.")).toEqual([]);
  });

  it.each([
    // a name or a word held at arm's length in single marks is no quotation
    "The frigate ‘Meteoro’ left Las Palmas on Monday, Defence Minister Margarita Robles said.",
    "Defence Minister Margarita Robles said Spain could ‘possibly participate’ in the deployment.",
    // a single quotation inside a double one is part of it
  ])("no quotation of its own: %s", async (text) => {
    expect(await quotes(text)).toEqual([]);
  });

  it("a single quotation inside a double one is part of it", async () => {
    expect(
      await quotes(
        'Defence Minister Hanno Pevkur said: "They called it ‘a new era for Europe’ and they were right."',
      ),
    ).toEqual(["They called it ‘a new era for Europe’ and they were right."]);
  });
});

describe("extract: the speaker after the speech verb, behind a title", () => {
  it.each([
    [
      "“This is a strong signal of unity,” said Finnish Defence Minister Antti Häkkänen.",
      "antti-hakkanen",
    ],
    [
      "“The brigade is ready,” said the commander of the battle group, Lt.-Col. Mark Smith.",
      "mark-smith",
    ],
    ["“We will not back down,” said NATO Secretary General Jens Stoltenberg.", "jens-stoltenberg"],
  ])("%s", async (text, who) => {
    expect(has(await facts(text), new RegExp(`^${who} SAID quote-`))).toBe(true);
  });

  it("not a person named in a clause after the verb", async () => {
    const f = await facts(
      "Defence Minister Hanno Pevkur visited Tapa.\n\n“We are ready,” he said, adding that Prime Minister Kaja Kallas would visit too.",
    );
    expect(has(f, /^hanno-pevkur SAID quote-/)).toBe(true);
    expect(has(f, /^kaja-kallas SAID/)).toBe(false);
  });

  it("reads only a title between verb and name", () => {
    expect(titleGap(" Finnish Defence Minister ")).toBe(true);
    expect(titleGap(" the commander of the battle group, Lt.-Col. ")).toBe(true);
    expect(titleGap(", adding that Prime Minister ")).toBe(false);
    expect(titleGap(" on Monday after he met ")).toBe(false);
  });

  it("“said the Secretary-General” is the person the article gave that title", async () => {
    const f = await facts(
      "NATO Secretary General Jens Stoltenberg spoke in Brussels.\n\n“The war in Ukraine has shown our dependency on Russian gas,” said the Secretary-General.",
    );
    expect(has(f, /^jens-stoltenberg SAID quote-stoltenberg-/)).toBe(true);
  });

  it("“He added, ...” at the start of a sentence is the person last named", async () => {
    const f = await facts(
      "NATO Secretary General Jens Stoltenberg spoke in Brussels.\n\nHe added, “We must manage the risks and increase our resilience”.",
    );
    expect(has(f, /^jens-stoltenberg SAID quote-stoltenberg-/)).toBe(true);
  });

  it("a reported paragraph's speaker by surname, where the name carries a title the finder missed", async () => {
    const f = await facts(
      'Bulgarian Defence Minister Atanas Zapryanov met the troops.\n\nCaretaker Defense Minister Zapryanov noted the role of collective defence.\n\n"Bulgaria cannot protect its territory alone. To do so, we must have modern armed forces."',
    );
    expect(has(f, /^atanas-zapryanov SAID quote-zapryanov-/)).toBe(true);
  });
});

describe("extract: quotations no named person said are still recorded", () => {
  it.each([
    [
      "The ministry said in a statement: “The troops will arrive in Estonia next week.”",
      "The troops will arrive in Estonia next week.",
    ],
    [
      "“Hungary will be the leading nation,” the portal said.",
      "Hungary will be the leading nation,",
    ],
    [
      "“The threat from Russia is real,” the prime minister said.",
      "The threat from Russia is real,",
    ],
  ])("%s", async (text, inner) => {
    expect(await quotes(text)).toEqual([inner]);
    // about what they name; no person said them
    const f = await facts(text);
    expect(has(f, / SAID /)).toBe(false);
    expect(has(f, /^quote-\S+ ABOUT (estonia|hungary|russia)$/)).toBe(true);
  });

  it("a speaker the finder did not take for a person still has words a reader records", async () => {
    expect(await quotes("“We are ready to go,” Xyzzq said.")).toEqual(["We are ready to go,"]);
    // a pronoun with nobody named before it names no one
    expect(await quotes("“We are ready to go,” he said on Monday.")).toEqual([]);
  });

  it.each([
    // no speech verb: a name or scare quotes, not words said
    "The so-called “special military operation” began in February 2022.",
    "Soldiers trained at the “Novo Selo” range in Bulgaria.",
  ])("no quotation: %s", async (text) => {
    expect(await quotes(text)).toEqual([]);
  });
});

describe("extract: a quotation running over paragraphs", () => {
  it("each paragraph's part is the speaker's, the open one too", async () => {
    const text =
      "German Defence Minister Christine Lambrecht visited the troops.\n\n“We are here,” she said. “We stand by our allies in the Baltic states.\n\n“Lithuania can rely on Germany.”";
    expect(await quotes(text)).toEqual([
      "We are here,",
      "We stand by our allies in the Baltic states.",
      "Lithuania can rely on Germany.",
    ]);
    const f = await facts(text);
    expect(f.filter((x) => /^christine-lambrecht SAID quote-/.test(x))).toHaveLength(3);
  });
});

describe("extract: events a reader records, told as news", () => {
  const events = async (text: string) =>
    (await draft(text)).document.entities
      .filter((e) => e.kind === "Event")
      .map((e) => `${e.name}${e.properties.date ? ` (${e.properties.date})` : ""}`);

  it.each([
    [
      "The soldiers took part in the Steadfast Defender 2024 exercise.",
      "Steadfast Defender 2024 (2024)",
    ],
    // dated by their sentence against the publication date (2024-06-14) since the eleventh pass
    ["Troops from twelve nations joined the BALTOPS exercise in June.", "BALTOPS (2024-06)"],
    ["A send-off ceremony was held at the base on Saturday.", "Send-off ceremony (2024-06-08)"],
  ])("%s", async (text, name) => {
    expect(await events(text)).toContain(name);
  });

  it.each([
    "The Polish Army exercise ended on Friday.",
    "The NATO exercise ended on Friday.",
    "The annual Baltic exercise ended on Friday.",
  ])("no named exercise: %s", async (text) => {
    expect(await events(text)).toEqual([]);
  });

  it.each([
    ["Finland's accession to NATO was celebrated in Brussels on Tuesday.", "finland"],
    ["Sweden has joined NATO, ending two centuries of neutrality.", "sweden"],
    [
      "Finland is officially a member of NATO after its foreign minister deposited the papers.",
      "finland",
    ],
  ])("an accession the nation takes part in: %s", async (text, nation) => {
    const f = await facts(text);
    expect(has(f, new RegExp(`^${nation} PARTICIPATED_IN ${nation}-accession-to-nato$`))).toBe(
      true,
    );
  });

  it.each(["Poland joined NATO in 1999.", "Lithuania is a member of NATO and the EU."])(
    "no accession event for a fact of the past: %s",
    async (text) => {
      expect(await events(text)).toEqual([]);
    },
  );

  it("a vote to admit a nation: the voter takes part, it is about the nation admitted", async () => {
    const f = await facts(
      "After months of talks, Hungary voted last week to admit Sweden into NATO.",
    );
    expect(has(f, /^hungary PARTICIPATED_IN hungary-vote-to-admit-sweden-into-nato$/)).toBe(true);
    expect(has(f, /^hungary-vote-to-admit-sweden-into-nato ABOUT sweden$/)).toBe(true);
    expect(await events("Hungary voted against the proposal.")).toEqual([]);
  });

  it("a working dinner of the alliance's defence ministers is their meeting", async () => {
    expect(
      await events(
        "The plan was announced during a working dinner of NATO defence ministers on June 24.",
      ),
    ).toContain("NATO defence ministers' meeting (2024-06-24)");
  });
});
