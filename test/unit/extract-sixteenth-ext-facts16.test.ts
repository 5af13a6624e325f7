/**
 * The sixteenth pass (issue 25, ext-facts16): relations told as lists, in passive or relative
 * clauses, by collective subjects and with other prepositions. Sentences are written for the
 * test; each mechanism has cases that must not fire.
 */
import { describe, expect, it } from "vitest";
import { draft, facts } from "../helpers/extract.js";

/** The SPENDS relations of a draft, as "nation value year estimated". */
async function spends(text: string) {
  const d = (await draft(text)).document;
  return d.relations
    .filter((r) => r.type === "SPENDS")
    .map((r) =>
      [r.from, r.properties?.value, r.properties?.year ?? "-", r.properties?.estimated ?? "-"].join(
        " ",
      ),
    );
}

describe("extract: shares of GDP listed line by line under a heading", () => {
  it("a dashed or bulleted list: each line's nation spends its figure, in the heading's year", async () => {
    const f = await spends(
      "NATO released its yearly figures on Tuesday.\n\nDefence spending as a share of GDP in 2024:\n- Greece: 3.08%\n- Finland: 2.41%\n• Norway 2.2 percent\n\nThe alliance welcomed the rise.",
    );
    expect(f).toEqual(["greece 3.08 2024 -", "finland 2.41 2024 -", "norway 2.2 2024 -"]);
  });

  it("a table pasted as lines carries its own year; an estimate heading marks each figure", async () => {
    const f = await spends(
      "Estimated military expenditure of NATO allies as a percentage of GDP:\n\nCroatia 1.81 % 2024\n\nSlovakia 2.0 % 2023",
    );
    expect(f).toEqual(["croatia 1.81 2024 true", "slovakia 2 2023 true"]);
  });

  it("a figure equal to the target is still the nation's share", async () => {
    const f = await spends(
      "NATO members' defence spending in 2023 as a share of GDP:\n– Denmark 2.00%\n– Italy 1.47%",
    );
    expect(f).toContain("denmark 2 2023 -");
  });

  it("a list under a heading on something else, or a line that is not a nation, spends nothing", async () => {
    const f = await spends(
      "NATO allies and their growth in exports last year:\n- Poland: 4.1%\n- Estonia: 3.4%",
    );
    expect(f).toEqual([]);
    const g = await spends(
      "NATO defence spending as a share of GDP in 2024:\n- Eastern flank average: 3.1%\n- Poland's army: 4.1%",
    );
    expect(g).toEqual([]);
  });
});

describe("extract: the invasion told with another preposition", () => {
  it("'Russia's invasion on Ukraine', 'Moscow's invasion against Ukraine' name invader and target", async () => {
    for (const text of [
      "Russia's invasion on Ukraine changed how the allies plan.",
      "Moscow's invasion against Ukraine changed how the allies plan.",
    ]) {
      const f = await facts(text);
      expect(f).toContain("russia INVADED ukraine");
      expect(f).toContain("russia PARTICIPATED_IN russian-invasion-of-ukraine");
      expect(f).toContain("ukraine PARTICIPATED_IN russian-invasion-of-ukraine");
    }
  });

  it("'the Ukraine war', 'the Ukraine conflict' (written after 2022) name the known invasion", async () => {
    const f = await facts("Fuel prices rose in Estonia after the onset of the Ukraine conflict.");
    expect(f).toContain("ukraine PARTICIPATED_IN russian-invasion-of-ukraine");
    const g = await facts("Soldiers held the Ukraine war games in a field near Tapa.");
    expect(g.filter((x) => x.includes("russian-invasion-of-ukraine"))).toEqual([]);
  });

  it("'an attack on' a ship, or 'pressure on Ukraine', is no invasion", async () => {
    const f = await facts("Russia's pressure on Ukraine grew, the minister said.");
    expect(f.filter((x) => / INVADED /.test(x))).toEqual([]);
  });
});

describe("extract: coordinated and collective subjects that send forces", () => {
  it("'Denmark and Norway each sent a frigate to' a mission: both contribute", async () => {
    const f = await facts("Denmark and Norway each sent a frigate to Baltic Sentry.");
    expect(f).toContain("denmark CONTRIBUTES_TO baltic-sentry");
    expect(f).toContain("norway CONTRIBUTES_TO baltic-sentry");
    const g = await facts("Belgium and Portugal both deployed minehunters to Baltic Sentry.");
    expect(g).toContain("belgium CONTRIBUTES_TO baltic-sentry");
    expect(g).toContain("portugal CONTRIBUTES_TO baltic-sentry");
  });

  it("'Both nations', 'The two countries' stand for the last two nations named together", async () => {
    const f = await facts(
      "Germany and the Netherlands signed a naval agreement in March. Both nations have sent ships to Baltic Sentry.",
    );
    expect(f).toContain("germany CONTRIBUTES_TO baltic-sentry");
    expect(f).toContain("netherlands CONTRIBUTES_TO baltic-sentry");
    const g = await facts(
      "Spain and Portugal held joint drills last year. Poland watched. The two countries contribute troops to the NATO battle group in Slovakia.",
    );
    expect(g).toContain("spain CONTRIBUTES_TO nato-battle-group-in-slovakia");
    expect(g).toContain("portugal CONTRIBUTES_TO nato-battle-group-in-slovakia");
    expect(g.filter((x) => x.startsWith("poland CONTRIBUTES_TO"))).toEqual([]);
  });

  it("no pair named together (three in a list, or one alone): the phrase stands for no one", async () => {
    const f = await facts(
      "Spain, Italy and Greece met in Rome. Both nations have sent ships to Baltic Sentry.",
    );
    expect(f.filter((x) => / CONTRIBUTES_TO /.test(x))).toEqual([]);
    const g = await facts("Sweden spoke first. Both nations have sent ships to Baltic Sentry.");
    expect(g.filter((x) => / CONTRIBUTES_TO /.test(x))).toEqual([]);
  });
});

describe("extract: troops sent for an exercise beside a battle group", () => {
  it("the force that sent them takes part in the exercise, and contributes nothing to the battle group", async () => {
    const f = await facts(
      "The US Army sent 300 soldiers of the 2nd Cavalry Regiment for exercise Saber Strike, alongside the NATO battle group in Poland.",
    );
    expect(f).toContain("us-army PARTICIPATED_IN saber-strike");
    expect(f).toContain("2nd-cavalry-regiment PARTICIPATED_IN saber-strike");
    expect(f.filter((x) => / CONTRIBUTES_TO /.test(x))).toEqual([]);
    expect(f.filter((x) => x.startsWith("saber-strike ABOUT"))).toEqual([]);
    const g = await facts(
      "Poland has deployed 200 troops to take part in exercise Iron Wolf, near the NATO battle group in Lithuania.",
    );
    expect(g).toContain("poland PARTICIPATED_IN iron-wolf");
    expect(g.filter((x) => / CONTRIBUTES_TO /.test(x))).toEqual([]);
  });

  it("troops sent to the battle group itself still contribute to it", async () => {
    const f = await facts("The US Army sent 300 soldiers to the NATO battle group in Poland.");
    expect(f).toContain("us-army CONTRIBUTES_TO nato-battle-group-in-poland");
  });
});

describe("extract: hosting told passively or in a clause", () => {
  // the exercise keeps its two-digit year in its name (ext-names16): northern-coast-23
  it("'the exercise X, hosted this year by N' and 'X was hosted by N': N hosts X", async () => {
    const f = await facts(
      "The exercise Northern Coast 23, hosted this year by Finland, brought 30 ships to the Baltic Sea.",
    );
    expect(f).toContain("finland HOSTS northern-coast-23");
    const g = await facts(
      "Officials said the exercise Cold Response was hosted by Norway in March.",
    );
    expect(g).toContain("norway HOSTS cold-response");
  });

  it("'Hosted by N, the drills X ...': N hosts X", async () => {
    const f = await facts("Hosted by Latvia, the drills Crystal Arrow involve 3,000 troops.");
    expect(f).toContain("latvia HOSTS crystal-arrow");
  });

  it("'N, which hosts the German brigade': N hosts the brigade, named as in N", async () => {
    const f = await facts("Lithuania, which hosts the German brigade, plans new barracks.");
    expect(f).toContain("lithuania HOSTS german-brigade-in-lithuania");
  });

  it("a clause that places the mission in another nation, or a host of something else, gives no HOSTS", async () => {
    const f = await facts(
      "Poland, which hosts the German brigade in Lithuania, said nothing more.",
    );
    expect(f.filter((x) => x.startsWith("poland HOSTS"))).toEqual([]);
    const g = await facts("Hosted by Sweden, the talks ended before the exercise Cold Response.");
    expect(g.filter((x) => x.startsWith("sweden HOSTS cold-response"))).toEqual([]);
  });
});

describe("extract: meetings told as talks, bilateral meetings and pairs", () => {
  it("'A and B held talks in Riga on Monday': the meeting, both participants, where and when", async () => {
    const d = (
      await draft(
        "Finnish Defence Minister Antti Hakkanen and Swedish Defence Minister Pal Jonson held talks in Riga on Monday.",
      )
    ).document;
    const f = d.relations.map((r) => `${r.from} ${r.type} ${r.to}`);
    const meeting = d.entities.find(
      (e) => e.kind === "Event" && e.properties?.category === "MEETING",
    );
    expect(meeting?.properties?.date).toBe("2024-06-10");
    expect(f).toContain(`antti-hakkanen PARTICIPATED_IN ${meeting?.key}`);
    expect(f).toContain(`pal-jonson PARTICIPATED_IN ${meeting?.key}`);
    expect(f).toContain(`${meeting?.key} LOCATED_IN riga`);
  });

  it("nations that meet: 'Greece and Turkey met on the sidelines', 'Poland held talks with Lithuania'", async () => {
    const f = await facts("Greece and Turkey met on the sidelines of the summit in Brussels.");
    expect(f).toContain("greece PARTICIPATED_IN greece-meeting-with-turkiye");
    expect(f).toContain("turkiye PARTICIPATED_IN greece-meeting-with-turkiye");
    const g = await facts("Norway had a bilateral meeting with Denmark in Oslo.");
    expect(g).toContain("norway PARTICIPATED_IN norway-meeting-with-denmark");
    expect(g).toContain("denmark PARTICIPATED_IN norway-meeting-with-denmark");
    expect(g).toContain("norway-meeting-with-denmark LOCATED_IN oslo");
  });

  it("'had a bilateral meeting with his counterpart from Norway, Bjorn Arild Gram': both take part", async () => {
    const f = await facts(
      "In Brussels, Minister Pal Jonson had a bilateral meeting with his counterpart from Norway, Bjorn Arild Gram, to discuss air defence.",
    );
    expect(f.some((x) => /^pal-jonson PARTICIPATED_IN .*meeting/.test(x))).toBe(true);
    expect(f.some((x) => /^bjorn-arild-gram PARTICIPATED_IN .*meeting/.test(x))).toBe(true);
  });

  it("a 'met with' later in the sentence is still the meeting read ('who had talks in Riga, met with')", async () => {
    const f = await facts(
      "Swedish Defence Minister Pal Jonson, who had talks in Riga last week, met with Finnish Defence Minister Antti Hakkanen on Monday.",
    );
    expect(f.some((x) => /^pal-jonson PARTICIPATED_IN .*meeting/.test(x))).toBe(true);
    expect(f.some((x) => /^antti-hakkanen PARTICIPATED_IN .*meeting/.test(x))).toBe(true);
  });

  it("'X will meet with Y': the meeting to come, both taking part", async () => {
    const f = await facts(
      "Swedish Defence Minister Pal Jonson will meet with Finnish Defence Minister Antti Hakkanen in Helsinki next week.",
    );
    expect(f.some((x) => /^pal-jonson PARTICIPATED_IN .*meeting/.test(x))).toBe(true);
    expect(f.some((x) => /^antti-hakkanen PARTICIPATED_IN .*meeting/.test(x))).toBe(true);
  });

  it("'N1 and N2 met on the sidelines of the NATO summit': both attend the summit", async () => {
    const f = await facts(
      "Belgium and Portugal met on the sidelines of the NATO summit in Madrid.",
    );
    expect(f.some((x) => /^belgium PARTICIPATED_IN nato-summit/.test(x))).toBe(true);
    expect(f.some((x) => /^portugal PARTICIPATED_IN nato-summit/.test(x))).toBe(true);
    const g = await facts("Belgium met France, and later the NATO summit in Madrid opened.");
    expect(g.filter((x) => /^france PARTICIPATED_IN nato-summit/.test(x))).toEqual([]);
  });

  it("a nation before a person's possessive, a list of three, or one alone holds no meeting", async () => {
    for (const text of [
      "Norway met with Denmark's prime minister in Oslo.",
      "Spain, Greece and Turkey met in Rome.",
      "Norway held a meeting on spending in Oslo.",
    ]) {
      const f = await facts(text);
      expect(f.filter((x) => / PARTICIPATED_IN .*meeting/.test(x))).toEqual([]);
    }
  });
});
