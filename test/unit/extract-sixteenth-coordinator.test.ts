/**
 * The sixteenth pass (issue 25, the coordinator's part), from an article written for a check of
 * the merged passes: a unit named by its nation's adjective ends at a word's end, so an officer's
 * title after it ("the Estonian Division Commander") is no part of the unit's name. Sentences are
 * written for the test. A spokesperson in apposition serves in the body named after "for".
 */
import { describe, expect, it } from "vitest";
import { draft } from "../helpers/extract.js";

describe("extract: a unit's name ends at a word's end", () => {
  it("'X, the Estonian Division Commander': the Estonian Division, led by X", async () => {
    const { document } = await draft(
      "Colonel Mart Tamm, the Estonian Division Commander, said the drills went well.",
      "2025-03-12",
    );
    const names = document.entities.map((e) => e.name);
    expect(names).toContain("Estonian Division");
    expect(names).not.toContain("Estonian Division Command");
    expect(
      document.relations
        .filter((r) => r.type === "LEADS")
        .map((r) => `${r.from} ${r.to} ${r.properties?.role}`),
    ).toContain("mart-tamm estonian-division Commander");
  });

  it("a command that is one keeps its name ('the Polish Division Command said')", async () => {
    const { document } = await draft(
      "The Polish Division Command said on Monday that 300 soldiers would join the exercise.",
      "2025-03-12",
    );
    expect(document.entities.map((e) => e.name)).toContain("Polish Division Command");
  });
});

/** Offices held: "person TYPE owner (role)". */
const offices = async (text: string) =>
  (await draft(text, "2025-03-12")).document.relations
    .filter((r) => r.type === "LEADS" || r.type === "SERVES_IN")
    .map((r) => `${r.from} ${r.type} ${r.to} (${r.properties?.role})`);

describe("extract: a spokesperson in apposition", () => {
  it("'X, a spokeswoman for the Hellenic Navy, said': X serves in it as its spokeswoman", async () => {
    expect(
      await offices(
        "Georgia Harris, a spokeswoman for the Hellenic Navy, said about 1,200 sailors would take part.",
      ),
    ).toContain("georgia-harris SERVES_IN hellenic-navy (Spokeswoman)");
    expect(
      await offices("Anna Berg, spokesperson for NATO, said the ships would sail on Monday."),
    ).toContain("anna-berg SERVES_IN nato (Spokesperson)");
  });

  it("a spokesman for a body the text does not name holds no office found", async () => {
    expect(
      await offices("John Smith, a spokesman for the company, said the order was signed."),
    ).toEqual([]);
  });
});
