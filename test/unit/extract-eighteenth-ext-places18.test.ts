/**
 * The eighteenth pass, second wave (ext-places18): where things are and who serves where. Each
 * construction has a case for what it must make and one for what it must not. Sentences are
 * written for the test.
 */
import { describe, expect, it } from "vitest";
import { facts } from "../helpers/extract.js";

const on = "2024-05-02";

describe("extract: a counterpart serves in the nation named for them", () => {
  it("'his Greek counterpart X' without a titled subject: SERVES_IN Greece", async () => {
    const found = await facts(
      "The Dutch minister later met his Greek counterpart Nikos Dendias in Athens.",
      on,
    );
    expect(found).toContain("nikos-dendias SERVES_IN greece (inferred)");
  });

  it("'his counterpart from Canada, X': SERVES_IN Canada, the office from the plain noun", async () => {
    const found = await facts(
      "The Romanian defence minister held talks with his counterpart from Canada, Anita Anand, on Tuesday.",
      on,
    );
    expect(found).toContain("anita-anand SERVES_IN canada (inferred)");
  });

  it("does not make the subject serve in the counterpart's nation, nor read 'from' a city", async () => {
    const found = await facts(
      "The Dutch minister later met his Greek counterpart Nikos Dendias in Athens.",
      on,
    );
    expect(found.filter((f) => / SERVES_IN greece/.test(f))).toEqual([
      "nikos-dendias SERVES_IN greece (inferred)",
    ]);
    const city = await facts(
      "The minister met his counterpart from Riga, Andris Spruds, on Monday.",
      on,
    );
    expect(city.filter((f) => f.startsWith("andris-spruds SERVES_IN"))).toEqual([]);
  });
});
