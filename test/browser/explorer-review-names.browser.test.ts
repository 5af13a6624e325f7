/**
 * "Add an article": a new entity's name, mended in the review (newuser30). The draft's names are
 * proposals: a quotation is named after the speaker the draft guessed ("Mattis: We are aware
 * ...", said by the NATO chief), a name loses its accents or keeps a title. Re-pointing the
 * quotation to its speaker left its name saying Mattis, and the review had no way to mend a name:
 * it was ingested as drafted and had to be corrected afterwards with updateEntity. A new row now
 * has its name in a box; what is ingested is the name as mended, and the rows say it.
 */
import { describe, expect, it } from "vitest";
import { extractArticle, keyUnder, openReview, poll, reviewHarness } from "./review-harness.js";

const P = "xn-";
const SOURCE = `${P}stefansdottir-in-riga`;
// Written for this test: a new person the seed does not have.
const TEXT = [
  "Icelandic Prime Minister Birna Stefansdottir visited Latvia on Tuesday.",
  "Iceland will send 40 specialists to the NATO battle group in Latvia, Stefansdottir said.",
].join("\n");
const h = reviewHarness(P, "explorer-names");

describe("names mended in the review", () => {
  it("a new entity's name is mended in its row, shown on its relations, and ingested as mended", async () => {
    const { page, problems } = await openReview(h);
    await extractArticle(
      page,
      {
        text: TEXT,
        title: "Stefansdottir in Riga",
        published: "2024-06-04",
        token: h.writer.token,
      },
      1,
    );
    await keyUnder(page, SOURCE, P);
    const row = page.locator('#review .entity-row[data-key="birna-stefansdottir"]');
    const key = await row.locator('input[id$="-key"]').inputValue();
    expect(key.startsWith(P)).toBe(true);

    // An entity of the graph keeps its name: its row has no box for one.
    const latvia = page.locator('#review .entity-row[data-key="latvia"]');
    expect(await latvia.locator('input[id$="-name"]').count()).toBe(0);

    const name = page.getByLabel("Name of Birna Stefansdottir", { exact: true });
    await name.fill("   ");
    await name.press("Enter");
    await poll(() => row.locator("#entity-birna-stefansdottir-name-error").textContent()).toBe(
      "A name cannot be blank: the entity keeps the name Birna Stefansdottir.",
    );
    await name.fill("Birna Stefánsdóttir");
    await name.press("Enter");
    await poll(() => row.locator("strong").textContent()).toBe("Birna Stefánsdóttir");
    await poll(() =>
      page.locator("#review .relation-row .sentence").allTextContents(),
    ).toContainEqual(expect.stringMatching(/^Birna Stefánsdóttir [A-Z_]+ /));

    await page.getByRole("button", { name: /^Ingest \d+ relations?$/ }).click();
    await poll(() => page.locator("#ingest-result").textContent()).toMatch(/^Ingested: /);
    const stored = await h.gql<{ entity: { name: string } | null }>(
      `query ($key: String!) { entity(key: $key) { name } }`,
      { key },
    );
    expect(stored.errors).toBeUndefined();
    expect(stored.data?.entity?.name).toBe("Birna Stefánsdóttir");
    expect(problems).toEqual([]);
  });
});
