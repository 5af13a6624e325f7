/**
 * "Add an article": an edited review is never lost or stale (explorer22), in a real browser
 * against the real server and Neo4j. The reviewer:
 *
 * - ingests a review, then edits it: the "Ingested: ..." line no longer reads as if the edited
 *   review were written (it says the ingest was of the review before the edits, which are not
 *   written), and a check's plan made before an edit goes, saying why;
 * - asks for a new draft over a review with edits not written: the page asks first (the keyboard
 *   on "Keep my review"); Escape keeps the review as edited, "Replace it with a new draft"
 *   replaces it; an unedited review is replaced unasked; the keyboard lands on the new draft;
 * - takes the way out of a refusal (a new version that supersedes the stored source) after the
 *   stored source went: the supersede is refused, and the keyboard lands on the control that goes
 *   on ("Stop superseding ..."), not on the page's body; that ingests the article as itself.
 *
 * What the graph holds afterwards is read back through GraphQL.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS } from "./browser.js";
import {
  claims,
  entity,
  extractArticle,
  keyUnder,
  openReview,
  poll,
  reviewHarness,
  rowSaying,
  watchIngests,
} from "./review-harness.js";

const P = "xs-";
const h = reviewHarness(P, "explorer-stale");
const { writer, admin, gql } = h;

const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");
/** The focused element's tag and text, for an element without an id. */
const focusedText = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el && el !== document.body ? `${el.tagName}: ${el.textContent ?? ""}` : "BODY";
  });

// Written for this test.
const ARTICLE = [
  "Lithuanian Defence Minister Rasa Juknaite visited the Rukla military base in Lithuania on Tuesday.",
  "Lithuania will send 80 more soldiers to the battle group in July, Juknaite said.",
].join("\n");

describe("an edited review is never lost or stale", () => {
  it("says an ingest was of the review before later edits, and asks before a new draft replaces edits not written", async () => {
    const SOURCE = `${P}juknaite-visits-rukla`;
    const { page, problems } = await openReview(h, { width: 1440, height: 900 });
    let extracts = 0;
    page.on("request", (r) => {
      if ((r.postData() ?? "").includes("ExplorerExtract")) extracts += 1;
    });
    const article = { text: ARTICLE, title: "Juknaite visits Rukla", published: "2024-07-02" };
    await extractArticle(page, { ...article, token: writer.token }, 1);
    // The draft arrived while the button was off: the keyboard lands on it, not on the body.
    await poll(() => focused(page)).toBe("review-heading");
    await keyUnder(page, SOURCE, P);
    const result = () => page.locator("#ingest-result").textContent();
    const rows = page.locator("#review .relation-row");
    const drawn = await rows.count();

    // 1. Ingested; then one relation rejected: the line says the ingest was of the review
    //    before that edit, which is not written, and the way on of the ingest goes with it.
    await page.getByRole("button", { name: /^Ingest \d+ relations?$/ }).click();
    await poll(result).toMatch(/^Ingested: entities \d+ new/);
    const ingested = ((await page.locator("#ingest-done").textContent()) ?? "").replace(
      /^Ingested: /,
      "",
    );
    expect(await focused(page)).toBe("show-ingested");
    const visit = rowSaying(page, "Rasa Juknaite VISITED Rukla");
    await poll(() => visit.count()).toBe(1);
    const visitId = (await visit.getAttribute("data-id")) as string;
    await visit.locator('input[type="checkbox"]').first().uncheck();
    await poll(result).toBe(
      `Ingested before your latest edits: ${ingested} Those edits are not written yet: ingest again to write them.`,
    );
    expect(await page.locator("#show-ingested").count()).toBe(0);
    expect(await page.locator("#another-article").count()).toBe(0);
    // Accepted again, the review is the one ingested: the line, and its way on, come back.
    const keep = visit.locator('input[type="checkbox"]').first();
    await keep.check();
    await poll(result).toBe(`Ingested: ${ingested}Show it in the graphAdd another article`);
    await keep.uncheck();
    await poll(() => page.locator("#ingest-earlier").count()).toBe(1);

    // A check's plan, then an edit: the plan goes, and the page says why.
    const check = page.getByRole("button", { name: "Show what it would change" });
    await check.click();
    await poll(result).toMatch(/^Nothing is written yet\. Ingesting would do this:/);
    // The button was off while the check ran: the keyboard is back on it.
    expect(await focused(page)).toBe("check-ingest");
    const plan = await result();
    await keep.check();
    await poll(result).toBe(
      "The review changed since it was checked: “Show what it would change” checks it as it is now.",
    );
    // Back to the review checked: the plan holds again.
    await keep.uncheck();
    await poll(result).toBe(plan);

    // 2. A new draft asked for over the edit not written: asked first, the keyboard on "Keep my
    //    review"; Escape keeps the review, as edited.
    await page.getByRole("button", { name: "Extract a draft" }).click();
    const confirm = page.locator("#extract-confirm");
    await poll(() => confirm.isVisible()).toBe(true);
    expect(await page.locator("#extract-confirm-text").textContent()).toBe(
      "Your edits of the review below are not written: a new draft would replace them. Extract a new draft anyway?",
    );
    expect(await confirm.getAttribute("role")).toBe("group");
    expect(await focused(page)).toBe("extract-keep");
    await page.keyboard.press("Escape");
    await poll(() => confirm.isVisible()).toBe(false);
    expect(await focused(page)).toBe("extract");
    expect(extracts).toBe(1);
    expect(await rows.count()).toBe(drawn);
    expect(await visit.locator('input[type="checkbox"]').first().isChecked()).toBe(false);
    expect(await page.getByLabel("Key of this article's source").inputValue()).toBe(SOURCE);

    // Asked again, and replaced, by keyboard: the draft as the extractor made it.
    await page.keyboard.press("Enter");
    await poll(() => focused(page)).toBe("extract-keep");
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page)).toBe("extract-replace");
    await page.keyboard.press("Enter");
    await poll(() => extracts).toBe(2);
    await poll(() => page.getByLabel("Key of this article's source").inputValue()).not.toBe(SOURCE);
    await poll(() => focused(page)).toBe("review-heading");
    expect(await confirm.isVisible()).toBe(false);
    expect(await result()).toBe("");
    expect(await rowSaying(page, "Rasa Juknaite VISITED Rukla").count()).toBe(1);
    expect(
      await rowSaying(page, "Rasa Juknaite VISITED Rukla")
        .locator('input[type="checkbox"]')
        .first()
        .isChecked(),
    ).toBe(true);

    // An unedited draft is replaced unasked.
    await page.getByRole("button", { name: "Extract a draft" }).click();
    await poll(() => extracts).toBe(3);
    expect(await confirm.isVisible()).toBe(false);
    await poll(() => rows.count()).toBe(drawn);
    // An entity half added (its name typed in the form) is an edit too: asked first.
    await page.locator("#add-entity-open").click();
    await page.locator("#add-entity-name").fill("Rukla garrison");
    await page.getByRole("button", { name: "Extract a draft" }).click();
    await poll(() => confirm.isVisible()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/explorer-review-stale.png`, fullPage: true });
    await page.keyboard.press("Escape");
    await poll(() => confirm.isVisible()).toBe(false);
    expect(await page.locator("#add-entity-name").inputValue()).toBe("Rukla garrison");
    await page.locator("#add-entity-cancel").click();
    expect(extracts).toBe(3);
    // So is a value typed that is not one yet (a date in words, in a relation's editor): asked
    // first, and kept as typed when the review is kept.
    const dated = rowSaying(page, "Rasa Juknaite VISITED Rukla");
    await dated.locator("[id$='-edit']").click();
    const date = dated.getByLabel("date", { exact: true });
    const drafted = await date.inputValue();
    await date.fill("last Tuesday");
    await date.press("Enter");
    await page.getByRole("button", { name: "Extract a draft" }).click();
    await poll(() => confirm.isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await poll(() => confirm.isVisible()).toBe(false);
    expect(await date.inputValue()).toBe("last Tuesday");
    expect(extracts).toBe(3);
    // Put back as drafted: no edit left.
    await date.fill(drafted);
    await date.press("Enter");
    await dated.locator("[id$='-edit']").click();

    // Leaving the page with an edit not written: the browser asks first (refused here, the page
    // stays); with none, it closes unasked.
    const asked: string[] = [];
    page.on("dialog", (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    const again = rowSaying(page, "Rasa Juknaite VISITED Rukla").locator('input[type="checkbox"]');
    await again.first().uncheck();
    await page.close({ runBeforeUnload: true });
    await poll(() => asked).toEqual(["beforeunload"]);
    expect(page.isClosed()).toBe(false);
    await again.first().check();
    await page.close({ runBeforeUnload: true });
    await poll(() => page.isClosed()).toBe(true);
    expect(asked).toEqual(["beforeunload"]);

    // Read back: the first ingest wrote the relation the later edit rejected; nothing since.
    expect((await claims(h, visitId, SOURCE)).map((c) => c.excerpt)).toEqual([
      ARTICLE.split("\n")[0],
    ]);
    expect(problems).toEqual([]);
  }, 240_000);

  it("lands the keyboard on the way on when the way out of a refusal is refused", async () => {
    const OLD = `${P}juknaite-at-rukla`;
    const NEW = `${OLD}-2`;
    const URL = "https://news.example/xs-juknaite-at-rukla";
    const before =
      "Lithuanian Defence Minister Rasa Juknaite visited the Rukla military base in Lithuania on Monday.";
    const first = await gql<{ ingestDocument: { __typename: string } }>(
      `mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }`,
      {
        d: {
          source: {
            key: OLD,
            name: "Juknaite at Rukla",
            properties: { text: before, url: URL, title: "Juknaite at Rukla" },
          },
          // Under names the new text does not have: the draft links none of them, and they go
          // with the stored article when it is deleted.
          entities: [
            { key: `${P}old-visitor`, kind: "Person", name: "Old Visitor" },
            { key: `${P}old-base`, kind: "Place", name: "Old Base" },
          ],
          relations: [
            { from: `${P}old-visitor`, type: "VISITED", to: `${P}old-base`, evidence: before },
          ],
        },
      },
      `Bearer ${writer.token}`,
    );
    expect(first.data?.ingestDocument.__typename).toBe("IngestDocumentSuccess");
    const { page, problems } = await openReview(h, { width: 1440, height: 900 });
    const ingests = watchIngests(page);
    const article = {
      text: ARTICLE,
      title: "Juknaite at Rukla",
      published: "2024-07-02",
      url: URL,
    };
    await extractArticle(page, { ...article, token: admin.token }, 1);
    await keyUnder(page, OLD, P);
    const result = () => page.locator("#ingest-result").textContent();
    const WAY = `Ingest as a new version (${NEW}) that supersedes ${OLD}`;
    await page.getByRole("button", { name: /^Ingest \d+ relations?$/ }).click();
    await poll(result).toContain("Nothing was written:");
    const wayOut = page.locator("#ingest-result").getByRole("button", { name: WAY });
    await poll(() => wayOut.count()).toBe(1);
    // The Ingest button was off while it ran: the keyboard is on the refusal's way out.
    expect(await focused(page)).toBe("ingest-new-version");

    // The stored article goes meanwhile (deleted by someone else): the way out, taken by
    // keyboard, is refused, and the keyboard lands on what goes on from there.
    const gone = await gql<{ deleteEntity: { data: { deleted: boolean } } }>(
      `mutation ($key: String!) {
        deleteEntity(key: $key) { ... on DeleteEntitySuccess { data { deleted } } }
      }`,
      { key: OLD },
      `Bearer ${admin.token}`,
    );
    expect(gone.data?.deleteEntity.data.deleted).toBe(true);
    await wayOut.focus();
    await page.keyboard.press("Enter");
    await poll(result).toContain(
      `there is no stored article with the source key "${OLD}" for this one to replace: give the source key of the article it corrects, or stop superseding`,
    );
    expect(await result()).toContain("Nothing was written:");
    await poll(() => focusedText(page)).toBe(`BUTTON: Stop superseding ${OLD}`);
    expect(await focused(page)).toBe("stop-superseding");
    expect(ingests).toEqual([{ key: OLD, supersedes: null }]);

    // Enter: no longer superseding; the keyboard on Ingest, which ingests the article as itself.
    await page.keyboard.press("Enter");
    await poll(() => focused(page)).toBe("ingest");
    expect(await result()).toBe(
      `No longer superseding ${OLD}: “Ingest” writes the article under ${NEW}, as itself.`,
    );
    expect(await page.locator("#ingest").textContent()).toMatch(/^Ingest \d+ relations?$/);
    expect(await page.locator("#article-supersedes").count()).toBe(0);
    await page.keyboard.press("Enter");
    await poll(result).toMatch(/^Ingested: /);
    expect(ingests).toEqual([
      { key: OLD, supersedes: null },
      { key: NEW, supersedes: null },
    ]);
    expect(await entity(h, NEW)).not.toBeNull();
    expect(await entity(h, OLD)).toBeNull();
    expect(problems).toEqual([]);
  }, 240_000);

  it("says in the form what became of a review a new draft replaced while it was being ingested", async () => {
    const SOURCE = `${P}juknaite-in-rukla`;
    const { page, problems } = await openReview(h, { width: 1440, height: 900 });
    const article = { text: ARTICLE, title: "Juknaite in Rukla", published: "2024-07-03" };
    await extractArticle(page, { ...article, token: writer.token }, 1);
    await keyUnder(page, SOURCE, P);
    // The ingest's answer held until the new draft is on screen (a slow network, say), and the
    // draft's until the test has seen the page wait for it.
    const release = new Map<string, () => void>();
    const held = new Map(
      ["ExplorerIngest", "ExplorerExtract"].map((operation) => [
        operation,
        new Promise<void>((resolve) => release.set(operation, resolve)),
      ]),
    );
    await page.route("**/graphql", async (route) => {
      const body = route.request().postData() ?? "";
      const operation = [...held.keys()].find((o) => body.includes(o));
      if (!operation) return route.continue();
      const response = await route.fetch();
      await held.get(operation);
      await route.fulfill({ response });
    });
    await page.getByRole("button", { name: /^Ingest \d+ relations?$/ }).click();
    await poll(() => page.locator("#ingest-result").textContent()).toBe("Ingesting…");
    await page.getByRole("button", { name: "Extract a draft" }).click();
    await page.getByRole("button", { name: "Replace it with a new draft" }).click();
    // While the draft is made, the keyboard is on the line that says so (the button is off).
    await poll(() => focused(page)).toBe("review-extracting");
    expect(await page.locator("#review-extracting").textContent()).toBe("Extracting…");
    release.get("ExplorerExtract")?.();
    await poll(() => page.getByLabel("Key of this article's source").inputValue()).not.toBe(SOURCE);
    await poll(() => focused(page)).toBe("review-heading");
    release.get("ExplorerIngest")?.();
    // Said in the form, where the reader is: the review it replaced was ingested.
    await poll(() => page.locator("#article-said").textContent()).toMatch(
      /^The review before this draft was ingested meanwhile: entities \d+ new, .*; relations \d+ new, .*\.$/,
    );
    expect(await page.locator("#article-said").getAttribute("role")).toBe("status");
    expect(await entity(h, SOURCE)).not.toBeNull();
    // The new draft is untouched by it.
    expect(await page.locator("#ingest-result").textContent()).toBe("");
    await page.unroute("**/graphql");
    expect(problems).toEqual([]);
  }, 240_000);
});
