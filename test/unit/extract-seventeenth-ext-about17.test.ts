/**
 * The seventeenth pass (ext-about17): where a quotation was said (SAID_AT), who is called on
 * (CALLED_ON) and what an event was convened on (ABOUT). Sentences are written for the test; each
 * mechanism has cases that must not fire.
 */
import { describe, expect, it } from "vitest";
import { facts } from "../helpers/extract.js";

/** The relations of one type, as "from to". */
async function of(type: string, text: string) {
  return (await facts(text))
    .filter((f) => f.split(" ")[1] === type)
    .map((f) => f.replace(` ${type} `, " ").replace(" (inferred)", ""));
}

describe("extract: where a quotation was said", () => {
  it("'In a speech at X, Y said: ...' opens its sentence: the quote is said at the speech", async () => {
    const f = await of(
      "SAID_AT",
      'In a speech at the University of Tartu, Dutch Prime Minister Dick Schoof said: "Europe must spend more on its own defence."',
    );
    expect(f).toEqual([expect.stringMatching(/^quote-schoof-\S+ schoof-speech$/)]);
  });

  it("the body a speech is given at takes part in it as its host", async () => {
    const f = await facts(
      "In a speech at the European Parliament, Estonian Prime Minister Kristen Michal said the Union must buy more ammunition.",
    );
    expect(f).toContain("european-parliament PARTICIPATED_IN michal-speech (inferred)");
    expect(f).toContain("kristen-michal PARTICIPATED_IN michal-speech");
  });

  it("quotes its speaker gives after the only speech the article tells of are said there", async () => {
    const f = await of(
      "SAID_AT",
      'Finnish President Alexander Stubb said in a speech on Monday that Europe had woken up.\n\nHe said the Nordic countries had doubled their budgets since 2022.\n\nThe country\'s defence forces are conscript-based.\n\nHelsinki has also bought 64 F-35 fighters.\n\n"We are not afraid, we are prepared," Stubb said.',
    );
    expect(f).toEqual([expect.stringMatching(/^quote-stubb-\S+ stubb-speech\S*$/)]);
  });

  it("a quotation after a sentence telling of one meeting is said at it, its speaker named or not there", async () => {
    const f = await of(
      "SAID_AT",
      'NATO defence ministers met in Brussels on Thursday. "We agreed to raise our readiness," NATO Secretary General Mark Rutte said.',
    );
    expect(f).toEqual([
      expect.stringMatching(/^quote-rutte-\S+ nato-defence-ministers-meeting\S*$/),
    ]);
  });

  it("not after a meeting still to come; a quote whose sentence names another occasion is said there, not at the meeting", async () => {
    expect(
      await of(
        "SAID_AT",
        'NATO defence ministers will meet in Brussels next week. "We need more air defence," Polish Defence Minister Wladyslaw Kosiniak-Kamysz said.',
      ),
    ).toEqual([]);
    expect(
      await of(
        "SAID_AT",
        'NATO defence ministers met in Brussels on Thursday. "We need more air defence," Polish Defence Minister Wladyslaw Kosiniak-Kamysz said later in an interview.',
      ),
    ).not.toEqual(expect.arrayContaining([expect.stringMatching(/meeting/)]));
  });
});

describe("extract: who is called on", () => {
  it("'wants', 'expects', 'told' and 'is counting on' someone to do something are calls", async () => {
    expect(
      await of(
        "CALLED_ON",
        "French President Emmanuel Macron said he was counting on Germany to join the initiative.",
      ),
    ).toEqual(["emmanuel-macron germany"]);
    expect(
      await of(
        "CALLED_ON",
        "US Defense Secretary Lloyd Austin told NATO allies to boost ammunition production.",
      ),
    ).toEqual(["lloyd-austin nato"]);
    expect(
      await of(
        "CALLED_ON",
        "German Chancellor Friedrich Merz expects Poland to lead the new air defence group.",
      ),
    ).toEqual(["friedrich-merz poland"]);
  });

  it("a collective written with a capital ('Allies') is the alliance", async () => {
    expect(
      await of(
        "CALLED_ON",
        "NATO Secretary General Mark Rutte said he would call on Allies to provide more support to Ukraine.",
      ),
    ).toEqual(["mark-rutte nato"]);
  });

  it("members of a parliament stand for the parliament the text names", async () => {
    expect(
      await of(
        "CALLED_ON",
        "Speaking to the European Parliament, NATO Secretary General Mark Rutte said he was counting on MEPs to fund more air defence.",
      ),
    ).toEqual(["mark-rutte european-parliament"]);
  });

  it("no call: 'told reporters after talks as ...', 'could count on X to'", async () => {
    expect(
      await of(
        "CALLED_ON",
        '"We are ready," Slovenian Defence Minister Marjan Sarec told reporters after talks as Croatia welcomed Slovenia\'s offer to help.',
      ),
    ).toEqual([]);
    expect(
      await of(
        "CALLED_ON",
        "Slovenian Defence Minister Marjan Sarec assured Croatia it could count on Slovenia to help guard the border.",
      ),
    ).toEqual([]);
  });
});

describe("extract: what an event was convened on", () => {
  it("'a meeting on X' and 'met to discuss X': the nations, missions and events named", async () => {
    const f = await of(
      "ABOUT",
      "NATO defence ministers met in Brussels on Thursday to discuss the situation in Ukraine and the NATO battle group in Lithuania.",
    );
    expect(f).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ ukraine$/),
        expect.stringMatching(/ nato-battle-group-in-lithuania$/),
      ]),
    );
    expect(f.some((x) => / brussels$/.test(x))).toBe(false);
  });

  it("'The pair discussed X' after a meeting: the meeting is about X, not the owner of a common noun", async () => {
    const f = await of(
      "ABOUT",
      "Estonian Defence Minister Hanno Pevkur met his Finnish counterpart Antti Hakkanen in Tallinn on Monday.\n\nThe pair discussed the situation in Ukraine and Finland's role in the NATO mission in Estonia after a drone was spotted over the border.",
    );
    expect(f.some((x) => / ukraine$/.test(x))).toBe(true);
    expect(f.some((x) => / finland$/.test(x))).toBe(false);
    expect(f.some((x) => / nato$/.test(x))).toBe(false);
  });

  it("a ceremony to mark an arrival is about the force and the mission, not the base it is held at", async () => {
    const f = await of(
      "ABOUT",
      "On Friday a ceremony was held at Rukla to mark the arrival of a Royal Netherlands Army company to the NATO battle group in Lithuania.",
    );
    expect(f).toEqual(
      expect.arrayContaining([expect.stringMatching(/ nato-battle-group-in-lithuania$/)]),
    );
    expect(f.some((x) => / rukla$/.test(x))).toBe(false);
  });
});
