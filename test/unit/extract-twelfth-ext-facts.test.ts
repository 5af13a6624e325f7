/**
 * The twelfth pass (issue 25, ext-facts): the facts between entities a reader records. What a
 * quotation is about, pledges told by a modal verb, spending told as a share of GDP, speakers and
 * events. Each family has cases that must not fire. Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { MAX_SENTENCE, sentencesOf } from "../../src/extract/sentences.js";
import { facts } from "../helpers/extract.js";

/** The keys the draft's quotes are ABOUT. */
const about = (f: string[]) =>
  f.filter((x) => / ABOUT /.test(x) && /^quote-/.test(x)).map((x) => x.split(" ")[2]);

describe("extract: a quotation is about what it names, not about a name that only qualifies another", () => {
  it("the owner in 'NATO's Kosovo Force' and a nation's adjective before an office are no topics", async () => {
    const f = about(
      await facts(
        '"I was glad to meet the Albanian president today and to confirm our support for NATO\'s Kosovo Force," Defence Minister Anna Berg said.',
      ),
    );
    expect(f).toContain("nato-kosovo-force");
    expect(f).not.toContain("nato");
    expect(f).not.toContain("albania");
  });

  it("a nation's adjective before its forces is no topic, its name alone is", async () => {
    const f = about(
      await facts(
        '"We have trained for years with the Romanian armed forces and we will stay in Romania," Prime Minister Paul Lind said.',
      ),
    );
    expect(f).toContain("romania");
    const adjective = about(
      await facts(
        '"The Swedish contribution will be ready next year," Prime Minister Paul Lind said.',
      ),
    );
    expect(adjective).not.toContain("sweden");
  });

  it("counterparts stand for their nations: 'their Ukrainian counterparts' is about Ukraine", async () => {
    const f = about(
      await facts(
        '"The ministers will meet their Ukrainian counterparts next week," NATO Secretary General Mark Rutte said.',
      ),
    );
    expect(f).toContain("ukraine");
  });

  it("'our allies' is no word about the alliance; 'the Alliance' is", async () => {
    const allies = about(
      await facts(
        'NATO ships arrived in Tallinn on Monday. "This is a signal to our allies," Defence Minister Anna Berg said.',
      ),
    );
    expect(allies).not.toContain("nato");
    const alliance = about(
      await facts(
        'NATO ships arrived in Tallinn on Monday. "This is a signal of the unity of the Alliance," Defence Minister Anna Berg said.',
      ),
    );
    expect(alliance).toContain("nato");
  });
});

describe("extract: a nation's share of GDP spent on defence, in any word order", () => {
  const spends = (f: string[]) =>
    f.filter((x) => / SPENDS /.test(x)).map((x) => x.split(" ").slice(0, 3).join(" "));
  it("the nation after the figure: '3 per cent of Estonia's GDP'", async () => {
    const f = await facts(
      "NATO allies met in Brussels. The minister noted that more than three per cent of Estonia's GDP goes to defence.",
    );
    expect(spends(f)).toEqual(["estonia SPENDS nato-two-percent-target"]);
  });

  it("the nation owns the spending, or the spending is in it", async () => {
    const owned = await facts(
      "NATO allies met in Brussels. Latvia's defence budget stands at 2.4% of GDP.",
    );
    expect(spends(owned)).toEqual(["latvia SPENDS nato-two-percent-target"]);
    const where = await facts(
      "NATO allies met in Brussels. Defence spending in Lithuania reached 3.2 percent of gross domestic product last year.",
    );
    expect(spends(where)).toEqual(["lithuania SPENDS nato-two-percent-target"]);
  });

  it("a level to reach is no spending", async () => {
    for (const text of [
      "NATO allies met in Brussels. Latvia's defence budget will rise to 3% of GDP.",
      "NATO allies met in Brussels. The government plans to bring defence spending in Lithuania to 3.5 percent of GDP.",
      "NATO allies met in Brussels. The minister wants 3 per cent of Estonia's GDP to go to defence.",
    ])
      expect(spends(await facts(text))).toEqual([]);
  });
});

describe("extract: pledges told by 'would donate' and by the passive", () => {
  const pledged = (f: string[]) => f.filter((x) => / PLEDGED /.test(x));
  it("'would donate' equipment is a pledge of the nation", async () => {
    const f = await facts(
      "The ministry said last month that Germany would donate two close-range air defence systems.",
    );
    expect(pledged(f)).toEqual([expect.stringMatching(/^germany PLEDGED germany-/)]);
  });

  it("forces named for a nation 'would be sent' are that nation's pledge, about where they go", async () => {
    const f = await facts(
      "British Defence Secretary Michael Fallon spoke on Sunday. He said 500 British troops would be sent to Estonia next year.",
    );
    expect(pledged(f)).toEqual([
      expect.stringMatching(/^united-kingdom PLEDGED united-kingdom-500-troops-to-estonia/),
    ]);
    expect(f).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/-500-troops-to-estonia-next-year ABOUT estonia$/),
      ]),
    );
  });

  it("unnamed forces are the pledge of the speaker's nation (inferred)", async () => {
    const f = await facts(
      "Some 1,000 soldiers will be deployed to Lithuania in 2026, German Defence Minister Boris Pistorius said.",
    );
    expect(pledged(f)).toEqual([
      expect.stringMatching(/^germany PLEDGED germany-1000-troops-to-lithuania.* \(inferred\)$/),
    ]);
  });

  it("negated, hedged or ownerless passives are no pledge", async () => {
    for (const text of [
      "Troops would not be sent to Ukraine, British Defence Secretary Michael Fallon said.",
      "If needed, 500 soldiers would be deployed to Estonia, British Defence Secretary Michael Fallon said.",
      "Troops could be sent to Estonia, British Defence Secretary Michael Fallon said.",
      "Analysts expect that 500 soldiers will be deployed to Estonia next year.",
    ])
      expect(pledged(await facts(text))).toEqual([]);
  });
});

describe("extract: a quotation's speaker by 'shared' and across paragraphs", () => {
  const said = (f: string[]) => f.filter((x) => / SAID /.test(x)).map((x) => x.split(" ")[0]);
  it("'X shared on social media, \"...\"' is X's words", async () => {
    const f = await facts(
      'Latvian Prime Minister Evika Silina welcomed the troops on Monday. Silina shared on social media, "A strong signal of unity."',
    );
    expect(said(f)).toEqual(["evika-silina"]);
  });

  it("a quotation paragraph with no verb after a paragraph whose one person speaks ('stressing') is theirs", async () => {
    const f = await facts(
      'Estonian Defence Minister Hanno Pevkur spoke to reporters in Tallinn on Tuesday, stressing the need for more air defence.\n\n"We will keep investing in our defence. Our allies can count on us."',
    );
    expect(said(f)).toEqual(["hanno-pevkur"]);
  });

  it("two people in the paragraph before leave the words to no one", async () => {
    const f = await facts(
      'Estonian Defence Minister Hanno Pevkur met Latvian Defence Minister Andris Spruds in Tallinn on Tuesday, stressing the need for more air defence.\n\n"We will keep investing in our defence. Our allies can count on us."',
    );
    expect(said(f)).toEqual([]);
  });
});

describe("extract: meetings told by 'hosted' and by a pair that 'met'", () => {
  const part = (f: string[]) =>
    f.filter((x) => / PARTICIPATED_IN /.test(x)).map((x) => x.split(" ")[0]);
  it("'X hosted <title> Y in <city>' is a meeting of both", async () => {
    const f = await facts(
      "NATO Secretary General Mark Rutte hosted Polish President Andrzej Duda in Brussels on Monday.",
    );
    expect(part(f).sort()).toEqual(["andrzej-duda", "mark-rutte"]);
  });

  it("'A and <title> B met in <city>' is a meeting of both, and the foreigner visited the city", async () => {
    const f = await facts(
      "Estonian Prime Minister Kaja Kallas and Finnish President Alexander Stubb met in Tallinn on Monday.",
    );
    expect(part(f).sort()).toEqual(["alexander-stubb", "kaja-kallas"]);
    expect(f).toContain("alexander-stubb VISITED tallinn (inferred)");
  });

  it("a pair that meets someone else, or a host of no person, makes no meeting of the two", async () => {
    for (const text of [
      "Estonian Prime Minister Kaja Kallas and Finnish President Alexander Stubb met their counterparts in Tallinn on Monday.",
      "NATO Secretary General Mark Rutte hosted the defence ministers in Brussels on Monday.",
      "NATO Secretary General Mark Rutte welcomed the decision by Polish President Andrzej Duda.",
    ])
      expect(part(await facts(text))).toEqual([]);
  });
});

describe("extract: a quotation paragraph longer than the sentence limit", () => {
  it("is cut at a sentence's end, so the attribution's sentence stays whole", () => {
    const said =
      "We have worked with the armed forces of our allies for many years, in exercises, in training and in the planning of common operations on the eastern flank of the alliance";
    const text = `"${said}. ${said}. ${said}. ${said}. ${said}. ${said}. ${said}, and we stand ready," the prime minister told a joint press conference.`;
    expect(text.length).toBeGreaterThan(MAX_SENTENCE);
    const spans = [{ start: 0, end: text.length }];
    const pieces = sentencesOf(text, spans).map((x) => x.text);
    const last = pieces[pieces.length - 1] ?? "";
    expect(last.startsWith("We have worked")).toBe(true);
    expect(last.endsWith("told a joint press conference.")).toBe(true);
    expect(pieces.join(" ").replace(/\s+/g, " ")).toBe(text);
  });

  it("a run with no sentence end is still cut at a clause mark", () => {
    const text = `${"word, ".repeat(400)}end`;
    const pieces = sentencesOf(text, [{ start: 0, end: text.length }]);
    expect(pieces.length).toBeGreaterThan(1);
    for (const x of pieces) expect(x.text.length).toBeLessThanOrEqual(MAX_SENTENCE);
  });
});
