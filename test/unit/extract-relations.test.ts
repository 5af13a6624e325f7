/** The relation patterns on sentences beyond the seed: allies, leaders, missions, spending. */
import { describe, expect, it } from "vitest";
import { extractDraft } from "../../src/extract/index.js";

async function relations(text: string, publishedAt = "2024-06-14", publisher?: string) {
  const r = await extractDraft({
    text,
    source: { publishedAt, ...(publisher ? { publisher } : {}) },
  });
  return r.document.relations
    .filter((x) => x.type !== "MENTIONS")
    .map((x) => ({
      rel: `${x.from} ${x.type} ${x.to}`,
      properties: x.properties,
      inferred: x.inferred,
    }));
}
const names = async (text: string, publishedAt?: string, publisher?: string) =>
  (await relations(text, publishedAt, publisher)).map((r) => r.rel);

describe("extract: relations", () => {
  it("titles: LEADS for heads, SERVES_IN for ministers, the owner from the title or an apposition", async () => {
    const out = await relations(
      "Latvian Prime Minister Evika Siliņa welcomed Mark Rutte, NATO's secretary general, and Defence Minister Andris Sprūds.",
    );
    expect(out).toEqual(
      expect.arrayContaining([
        {
          rel: "evika-silina LEADS latvia",
          properties: { role: "Prime Minister" },
          inferred: false,
        },
        {
          rel: "mark-rutte LEADS nato",
          properties: { role: "Secretary General" },
          inferred: false,
        },
        {
          rel: "andris-spruds SERVES_IN latvia",
          properties: { role: "Defence Minister" },
          inferred: true,
        },
      ]),
    );
  });

  it("troops: CONTRIBUTES_TO with figures and asOf, DEPLOYED_TO and an inferred HOSTS", async () => {
    const out = await relations(
      "Some 1,700 German troops are stationed in Lithuania under Operation Baltic Sentry, and 300 more will join by autumn.",
    );
    expect(out).toEqual(
      expect.arrayContaining([
        {
          rel: "germany CONTRIBUTES_TO operation-baltic-sentry",
          properties: { troops: 1700, additionalTroops: 300, asOf: "2024-06" },
          inferred: false,
        },
        { rel: "operation-baltic-sentry DEPLOYED_TO lithuania", properties: {}, inferred: false },
        { rel: "lithuania HOSTS operation-baltic-sentry", properties: {}, inferred: true },
      ]),
    );
  });

  it("spending: the alliance's target as a pledge, what each nation spends against it", async () => {
    const out = await relations(
      "NATO's target is for allies to spend two per cent of GDP on defence. Poland spent an estimated 4.1 per cent of GDP last year, and Spain has fallen short of the target.",
    );
    expect(out).toEqual(
      expect.arrayContaining([
        { rel: "nato PLEDGED nato-two-percent-target", properties: {}, inferred: false },
        {
          rel: "poland SPENDS nato-two-percent-target",
          properties: { value: 4.1, unit: "percent of GDP", estimated: true, year: 2023 },
          inferred: false,
        },
        { rel: "spain SPENDS nato-two-percent-target", properties: {}, inferred: false },
      ]),
    );
  });

  it("quotes: SAID by the named speaker, or by the last named person for 'he said'", async () => {
    const out = await names(
      "Foreign Minister Mélanie Joly arrived in Kyiv. “We stand with Ukraine,” she said. Defence Minister Bill Blair agreed: “We will keep helping.”",
    );
    const said = out.filter((r) => r.includes(" SAID "));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^melanie-joly SAID quote-joly-stand-with-ukraine$/);
    expect(out).toContain("melanie-joly VISITED kyiv");
    // nothing says whose ministers they are: no office is guessed from the one nation named
    expect(out.filter((r) => r.includes(" SERVES_IN "))).toEqual([]);
  });

  it("pledges, invasions and calls", async () => {
    const out = await names(
      "Chancellor Olaf Scholz pledged to spend 100 billion euros on the Bundeswehr. Russia invaded Ukraine in 2022. Scholz called on allies to boost air defence.",
      "2022-06-01",
      "Deutsche Welle",
    );
    expect(out).toEqual(
      expect.arrayContaining([
        "russia INVADED ukraine",
        expect.stringMatching(/^olaf-scholz PLEDGED scholz-spend-100-billion-euros/),
      ]),
    );
  });

  it("a nation named beside NATO is a member only if it had joined by the publication date", async () => {
    const text = "NATO leaders met Finland's president and Sweden's prime minister.";
    expect(await names(text, "2022-06-01")).not.toContain("finland MEMBER_OF nato");
    expect(await names(text, "2024-06-01")).toEqual(
      expect.arrayContaining(["finland MEMBER_OF nato", "sweden MEMBER_OF nato"]),
    );
  });
});
