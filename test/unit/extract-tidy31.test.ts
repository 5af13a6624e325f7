/**
 * Session 31 (tidy31): a command handover to come is no LEADS today. "Z will take over command of
 * M in June" was drafted as Z LEADS M since June, a month after the article: the graph said Z led
 * M already. The vocabulary has nothing for a planned LEADS, so nothing is drafted for Z. The
 * sentences are written for this test.
 */
import { describe, expect, it } from "vitest";
import { draft } from "../helpers/extract.js";

const on = "2025-03-14";

/** Who the draft says leads what. */
async function leaders(text: string) {
  const r = await draft(text, on);
  return r.document.relations
    .filter((x) => x.type === "LEADS")
    .map((x) => `${x.from} LEADS ${x.to}`)
    .sort();
}

describe("extract: a handover to come drafts no LEADS for the incoming commander", () => {
  it('"Z will take over command of M in June", "Z is set to assume command of M next month"', async () => {
    for (const text of [
      "Rear Admiral Henrik Solberg will take over command of Standing NATO Maritime Group One in June.",
      "Commodore Aino Lehtola is set to assume command of the NATO battlegroup in Lithuania next month.",
      "Brigadier General Marta Kowal is due to take command of Standing NATO Mine Countermeasures Group Two in the summer.",
    ])
      expect(await leaders(text), text).toEqual([]);
  });

  it('"X will hand over command of M to Z in June": Z does not lead M yet', async () => {
    const found = await leaders(
      "Rear Admiral Pieter Janssen will hand over command of Standing NATO Maritime Group Two to Commodore Erik Lund in June.",
    );
    expect(found.filter((l) => l.startsWith("erik-lund"))).toEqual([]);
  });

  it("a handover that happened still drafts the incoming commander's LEADS", async () => {
    expect(
      await leaders(
        "Rear Admiral Henrik Solberg took over command of Standing NATO Maritime Group One in January.",
      ),
    ).toEqual(["henrik-solberg LEADS standing-nato-maritime-group-1"]);
  });
});

/** The texts the draft marks as mentions of `key`. */
async function mentionsOf(text: string, key: string) {
  const r = await draft(text, on);
  return (r.entities.find((e) => e.key === key)?.mentions ?? []).map((m) =>
    text.slice(m.start, m.end),
  );
}

describe('extract: "the bloc" is the alliance the article names', () => {
  it("NATO named: the bloc is NATO, as the alliance is", async () => {
    expect(
      await mentionsOf(
        "NATO ministers met in Oslo on Thursday. The bloc agreed to send more air defence to the eastern flank, and the alliance will meet again in June.",
        "nato",
      ),
    ).toEqual(["NATO", "The bloc", "the alliance"]);
  });

  it("no alliance named, or the European Union named too: the bloc is no one's", async () => {
    const r = await draft("The bloc agreed to send more air defence to the eastern flank.", on);
    expect(r.entities.map((e) => e.key)).not.toContain("nato");
    expect(
      await mentionsOf(
        "NATO and the European Union met in Brussels. The bloc agreed new sanctions on Thursday.",
        "nato",
      ),
    ).toEqual(["NATO"]);
  });
});
