/**
 * The twentieth pass (ext-entities20): entities a reader records that the extractor never found.
 * Each rule is written for a construction: a case it must find and a look-alike it must not.
 * Sentences are written for the test.
 */
import { describe, expect, it } from "vitest";
import { entities, facts } from "../helpers/extract.js";

const on = "2024-05-02";

describe("extract: places listed with a town the text places", () => {
  it("'visited Evenes and Narvik, Norway': the unknown first member is a place in Norway", async () => {
    const text = "General Anna Berg visited Evenes and Narvik, Norway on Monday.";
    expect(await entities(text, on)).toContain("Place evenes");
    expect(await facts(text, on)).toContain("evenes LOCATED_IN norway (inferred)");
  });

  it("'camps at Chimoio, Mavalane and Katembe': every member of the list is a place", async () => {
    const found = await entities(
      "The EU mission in Mozambique runs three camps at Chimoio, Mavalane and Katembe.",
      on,
    );
    expect(found).toContain("Place mavalane");
    expect(found).toContain("Place katembe");
  });

  it("'in Tartu, Võru and Põlva counties': each member is named as a county", async () => {
    const text = "The drills take place in Tartu, Võru and Põlva counties in Estonia.";
    expect(await entities(text, on)).toContain("Place voru-county");
    expect(await facts(text, on)).toContain("polva-county LOCATED_IN estonia (inferred)");
  });

  it("not a person after 'and', a comma's apposition or a list of no place", async () => {
    const found = await entities(
      "Berg visited Tapa and Jane Doe thanked the troops. She was in Tapa, Smith said. The talks in Tallinn and Monday's vote mattered.",
      on,
    );
    expect(found).not.toContain("Place jane-doe");
    expect(found).not.toContain("Place smith");
    expect(found.some((e) => e.startsWith("Place") && /monday/.test(e))).toBe(false);
  });
});
