/**
 * Troops placed beside or against a mission are not its contributors: "Russian troops in Belarus
 * drilled near the NATO battle group in Lithuania" drafted Russia CONTRIBUTES_TO the battle group
 * (seen by ext-deploy19). Sentences written for the test.
 */
import { describe, expect, it } from "vitest";
import { facts } from "../helpers/extract.js";

describe("extract: troops near a mission", () => {
  it("troops that drill near, face or threaten a mission do not contribute to it", async () => {
    for (const sentence of [
      "Russian troops in Belarus drilled near the NATO battle group in Lithuania.",
      "Belarusian soldiers stood opposite the NATO battle group in Poland all summer.",
      "Russian forces threatened the NATO battle group in Estonia, officials said.",
    ]) {
      const f = await facts(sentence);
      expect(
        f.filter((x) => / CONTRIBUTES_TO /.test(x)),
        sentence,
      ).toEqual([]);
    }
  });

  it("troops that serve in the mission still do", async () => {
    const f = await facts("German troops serve in the NATO battle group in Lithuania.");
    expect(f).toContain("germany CONTRIBUTES_TO nato-battle-group-in-lithuania");
  });
});
