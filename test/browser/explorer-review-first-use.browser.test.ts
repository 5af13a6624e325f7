/**
 * "Add an article": two frictions a new user met on first use (newuser30), in a real browser
 * against the real server and Neo4j.
 *
 * - The first extraction after `npm start` waits for the worker to load the language model (lazy,
 *   for memory) and, on a busy machine, runs out of its budget meanwhile: the server answers
 *   SERVICE_UNAVAILABLE (or TIMEOUT), "retry in a few seconds", and the reader had to press
 *   Extract again. The page now says so and asks again by itself, a bounded number of times,
 *   after the wait the server asks for, then gives up with the server's message; Cancel stops
 *   it. It decides on the answer's `extensions.retryable` (with `retryAfterSeconds`), never on
 *   the words "retry": it read the message before (retry31). A cold worker cannot be had on
 *   demand here (the suite's server may be warm), so the first answers are the server's own,
 *   put in the place of its answer at the browser's network layer (test/shipped/extract-retry
 *   has the real one).
 * - The link box offered United Kingdom for "United" (meaning the United States), and one Enter
 *   linked the wrong nation. Enter alone now takes only a suggestion named in full; otherwise it
 *   says how many match, for the reader to pick one.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openReview, poll, reviewHarness } from "./review-harness.js";

const P = "xf-";
const TEXT = [
  "Icelandic Prime Minister Birna Stefansdottir visited Latvia on Tuesday and met Latvian Defence Minister Janis Berzins in Riga.",
  "Iceland will send 40 specialists to the NATO battle group in Latvia, Stefansdottir said.",
].join("\n");
const h = reviewHarness(P, "explorer-first-use");
const { writer, gql } = h;

/** What src/extract/pool.ts answers when the model is still loading as the budget ends. */
const LOADING =
  "The extractor is still loading its language model (it starts on first use, and again after ten minutes without extractions); retry in a few seconds.";
const LOADING_TIMEOUT =
  "Extraction did not finish within its budget of 8000 ms, part of which it spent waiting (for other extractions, or for the extractor to load); retry in a few seconds (and if it fails alone, split the text).";

/**
 * The page's extractions from now on, the first `refused` of them answered as the server answers
 * one that ran out of budget while the model loaded (`code`, `message`, and when `retryAfter` is
 * given the extensions that mark it transient), the rest by the server. Returns the count of
 * extractions asked.
 */
async function coldExtractor(
  page: Page,
  refused: number,
  code: string,
  message: string,
  retryAfter?: number,
) {
  const extensions =
    retryAfter === undefined ? { code } : { code, retryable: true, retryAfterSeconds: retryAfter };
  const asked = { count: 0 };
  await page.unroute("**/graphql");
  await page.route("**/graphql", async (route) => {
    if (!(route.request().postData() ?? "").includes("mutation ExplorerExtract"))
      return route.continue();
    asked.count++;
    if (asked.count > refused) return route.continue();
    await route.fulfill({
      status: 200,
      contentType: "application/json",
      body: JSON.stringify({ data: null, errors: [{ message, extensions }] }),
    });
  });
  return asked;
}

async function fillForm(page: Page) {
  await page.getByLabel("Article text").fill(TEXT);
  await page.getByLabel("Title").fill("Iceland in Riga");
  await page.getByLabel("Publisher").fill("Test Wire");
  await page.getByLabel("Published (YYYY-MM-DD)").fill("2024-06-04");
  await page.getByLabel("Write token").fill(writer.token);
}

describe("first use of Add an article", () => {
  it("a first extraction refused while the model loads is asked again by itself; it gives up with the server's message, and Cancel stops it", async () => {
    const { page, problems } = await openReview(h);
    await fillForm(page);
    const extract = page.getByRole("button", { name: "Extract a draft" });
    const waiting = page.locator("#review-extracting");
    const error = page.locator("#article-error");

    // Refused once, as the cold server refuses: said, asked again, the draft drawn; one click.
    let asked = await coldExtractor(page, 1, "SERVICE_UNAVAILABLE", LOADING, 3);
    await extract.click();
    await poll(() => waiting.textContent()).toBe(
      `${LOADING} Trying again by itself in 3 seconds (1 of 4)…`,
    );
    await poll(() => page.locator("#review .relation-row").count()).toBeGreaterThan(1);
    expect(asked.count).toBe(2);
    expect(await error.textContent()).toBe("");

    // Refused every time: asked five times in all (a second apart, as asked), then the server's
    // own message.
    const rows = await page.locator("#review .relation-row").count();
    asked = await coldExtractor(page, 100, "TIMEOUT", LOADING_TIMEOUT, 1);
    await extract.click();
    await poll(() => error.textContent()).toBe(`${LOADING_TIMEOUT} (tried 5 times)`);
    expect(asked.count).toBe(5);
    // The review on screen stays (no draft replaced it).
    expect(await page.locator("#review .relation-row").count()).toBe(rows);

    // Cancelled while it waits to ask again: said, and nothing more is asked.
    asked = await coldExtractor(page, 100, "SERVICE_UNAVAILABLE", LOADING, 3);
    await extract.click();
    await poll(() => waiting.textContent()).toMatch(/Trying again by itself in 3 seconds/);
    await page.getByRole("button", { name: "Cancel", exact: true }).click();
    await poll(() => error.textContent()).toBe("Cancelled: no draft was made.");
    expect(await extract.isEnabled()).toBe(true);
    const then = asked.count;
    // Longer than the pause between tries: a try still to come would have been asked by now.
    await page.waitForTimeout(4_000);
    expect(asked.count).toBe(then);
    expect(await page.locator("#review .relation-row").count()).toBe(rows);

    // A refusal whose words say to retry, without the extension that marks it transient, is
    // shown at once and not asked again: the words are for the reader, not for the page.
    asked = await coldExtractor(page, 100, "SERVICE_UNAVAILABLE", LOADING);
    await extract.click();
    await poll(() => error.textContent()).toBe(LOADING);
    expect(asked.count).toBe(1);

    // Nor is one that says nothing of retrying.
    asked = await coldExtractor(
      page,
      100,
      "LIMIT_EXCEEDED",
      "Extraction needed more memory than its budget and was stopped; split the text.",
    );
    await extract.click();
    await poll(() => error.textContent()).toBe(
      "Extraction needed more memory than its budget and was stopped; split the text.",
    );
    expect(asked.count).toBe(1);
    expect(problems).toEqual([]);
  }, 240_000);

  it("Enter in the link box links only a suggestion named in full; otherwise it says how many match", async () => {
    // The United States in the graph beside the seed's United Kingdom.
    const us = await gql<{ ingestDocument: { __typename: string } }>(
      "mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }",
      {
        d: {
          source: {
            key: `${P}us-source`,
            name: "us-source",
            properties: {
              text: "The United States is a member of NATO.",
              publishedAt: "2024-01-02",
            },
          },
          entities: [{ key: `${P}united-states`, kind: "Nation", name: "United States" }],
          relations: [
            {
              from: `${P}united-states`,
              type: "MEMBER_OF",
              to: "nato",
              evidence: "The United States is a member of NATO.",
            },
          ],
        },
      },
      `Bearer ${writer.token}`,
    );
    expect(us.data?.ingestDocument.__typename).toBe("IngestDocumentSuccess");

    const { page, problems } = await openReview(h);
    await fillForm(page);
    await page.getByRole("button", { name: "Extract a draft" }).click();
    await poll(() => page.locator("#review .relation-row").count()).toBeGreaterThan(1);
    const janis = page.locator('#review .entity-row[data-key="janis-berzins"]');
    const box = janis.getByRole("combobox");
    const note = janis.locator('[role="listbox"] .note');

    // "United": two nations (at least) match and none is named so: nothing linked, the choice asked.
    await box.fill("United");
    await box.press("Enter");
    await poll(() => note.textContent()).toMatch(/^\d+ matches: pick one/);
    expect(await janis.textContent()).not.toContain("linked to");
    // Picked by the reader (Down to it, then Enter): linked to it.
    const options = janis.locator('[role="option"]:not(.none) .name');
    const names = await options.allTextContents();
    const at = names.indexOf("United States");
    expect(at).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= at; i++) await box.press("ArrowDown");
    await box.press("Enter");
    await poll(() => janis.textContent()).toContain(`linked to United States (${P}united-states)`);

    // A name typed in full is the reader's choice: Enter links it.
    const birna = page.locator('#review .entity-row[data-key="birna-stefansdottir"]');
    await birna.getByRole("combobox").fill("united kingdom");
    await birna.getByRole("combobox").press("Enter");
    await poll(() => birna.textContent()).toMatch(/linked to United Kingdom \([a-z-]+\)/);

    // A later word of a name finds it too: the search matches each word's start, not the whole
    // name's alone (noticed31 read it as prefix-only: "Kingdom" finding nothing). Among the
    // suggestions, not first: a name or alias that starts with the word ranks above it (other
    // tests' Spain, "Kingdom of Spain", did in CI), as the search ranks.
    const suggestions = (row: typeof birna) =>
      row.locator('[role="option"]:not(.none) .name').allTextContents();
    const birnaBox = birna.getByRole("combobox");
    await birnaBox.fill("Kingdom");
    await poll(() => suggestions(birna)).toContain("United Kingdom");
    await birnaBox.fill("States");
    await poll(() => suggestions(birna)).toContain("United States");
    expect(problems).toEqual([]);
  }, 240_000);
});
