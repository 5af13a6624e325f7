/**
 * Constructions unseen articles use (issue 25, fifth pass), each as a family of variants written
 * for the test: titles set off before a name, abbreviations defined in parentheses, units and
 * formations, nations and armed forces leading a formation, and quotes continued after their
 * speaker. Found in articles written for the pass (a ministry release, a think-tank analysis, a
 * wire item, a communique, an interview), none of them a fixture.
 */
import { describe, expect, it } from "vitest";
import { draft, entities, facts } from "../helpers/extract.js";

describe("extract: a title set off by a comma before the name", () => {
  it.each([
    [
      "Germany's defence minister, Boris Pistorius, visited Vilnius.",
      "boris-pistorius SERVES_IN germany",
      "Defence Minister",
    ],
    [
      "The German defence minister, Boris Pistorius, visited Vilnius.",
      "boris-pistorius SERVES_IN germany",
      "Defence Minister",
    ],
    [
      "Germany's Defence Minister, Boris Pistorius, visited Vilnius.",
      "boris-pistorius SERVES_IN germany",
      "Defence Minister",
    ],
    [
      "He met Latvia's prime minister, Evika Silina, on Monday.",
      "evika-silina LEADS latvia",
      "Prime Minister",
    ],
    [
      "Poland's president, Andrzej Duda, said NATO must do more.",
      "andrzej-duda LEADS poland",
      "President",
    ],
    [
      "The minister of defence of Estonia, Hanno Pevkur, said Estonia would buy HIMARS.",
      "hanno-pevkur SERVES_IN estonia",
      "Minister of Defence",
    ],
    [
      "Britain's defence secretary, John Healey, told parliament the troops would stay.",
      "john-healey SERVES_IN united-kingdom",
      "Defence Secretary",
    ],
    [
      "NATO's secretary general, Mark Rutte, said allies had to spend more.",
      "mark-rutte LEADS nato",
      "Secretary General",
    ],
    [
      "Carney met with the Prime Minister of Latvia, Evika Siliņa, in Riga.",
      "evika-silina LEADS latvia",
      "Prime Minister",
    ],
    [
      "Germany's Foreign Minister, Annalena Baerbock, said Berlin stood by Kyiv.",
      "annalena-baerbock SERVES_IN germany",
      "Foreign Minister",
    ],
  ])("gives the office in the nation or alliance the title names: %s", async (text, fact, role) => {
    const r = await draft(text);
    const [from, type, to] = fact.split(" ");
    const x = r.document.relations.find((x) => x.from === from && x.type === type && x.to === to);
    expect(x?.properties).toEqual({ role });
    expect(x?.inferred).toBe(false);
  });

  it.each([
    "the Minister of National Defence, the Honourable Bill Blair,",
    "the Minister of National Defence, the Hon. Bill Blair,",
    "Minister of National Defence Bill Blair",
    "the Honourable Bill Blair, Minister of National Defence,",
  ])(
    "in a release of the nation's government, an office the title names without a nation: %s",
    async (who) => {
      const r = await extractDraft(
        `Canada leads the battle group in Latvia. Today, ${who} said Canada would stay in Latvia.`,
      );
      const x = r.document.relations.find((x) => x.from === "bill-blair" && x.to === "canada");
      expect(x).toMatchObject({
        type: "SERVES_IN",
        properties: { role: "Minister of National Defence" },
      });
      // a courtesy title is no office
      expect(r.document.relations.filter((x) => x.properties?.role === "Honourable")).toEqual([]);
    },
  );

  it("two titled people joined by 'and' each hold their own office", async () => {
    const out = await facts(
      "Poland's president, Andrzej Duda, and Lithuania's president, Gitanas Nauseda, met in Vilnius.",
    );
    expect(out).toContain("andrzej-duda LEADS poland");
    expect(out).toContain("gitanas-nauseda LEADS lithuania");
    expect(out).not.toContain("andrzej-duda LEADS lithuania");
  });

  it.each([
    "The company's president, John Smith, said profits rose in Germany.",
    "Lithuania's former president, Dalia Grybauskaite, said the threat was real.",
    "The club's chairman, John Smith, visited Germany.",
    "Germany's rivals, John Smith and Jane Doe, met in Berlin.",
    "The Foreign Minister, Annalena Baerbock, said Berlin stood by Kyiv.",
  ])("a title of no nation, or a former one, gives no office: %s", async (text) => {
    const out = await facts(text);
    expect(out.filter((x) => / (?:LEADS|SERVES_IN) /.test(x))).toEqual([]);
  });
});

/** A Canadian government release: its publisher names the nation. */
async function extractDraft(text: string) {
  const { extractDraft: run } = await import("../../src/extract/index.js");
  return run({
    text,
    source: { publishedAt: "2025-03-28", publisher: "National Defence Canada" },
  });
}

void entities;
