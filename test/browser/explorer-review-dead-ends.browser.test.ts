/**
 * "Add an article": the review's last dead ends (explorer20), in a real browser against the real
 * server and Neo4j. A reviewer:
 *
 * - marks a name the extractor missed by keyboard alone (a sentence, then its first and last
 *   words), and adds it;
 * - removes what they added by mistake: an entity used by a relation (the row names it and asks
 *   first, then says what went with it) and a relation;
 * - sees a problem only the server finds (a circle of containment) beside its row without asking
 *   for a check: the page asks the server after edits, one check in flight at most;
 * - picks another sentence of the article as a relation's evidence and toggles its `inferred`
 *   flag, by keyboard; the sentences offered are the extractor's (a "Lt. Col." the browser's
 *   segmenter would cut at stays one sentence).
 *
 * What the graph holds afterwards is read back through GraphQL.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, type Watched } from "./browser.js";
import {
  claims as claimsOf,
  entity as entityOf,
  extractArticle,
  keyUnder,
  openReview,
  pick,
  poll,
  reviewHarness,
  rowSaying as rowOf,
} from "./review-harness.js";

const P = "xd-";
const SOURCE = `${P}norway-sends-engineers-to-tapa`;
// Written for this test.
const SENTENCES = [
  "Estonian Defence Minister Kadri Lepp met NATO Secretary-General Jens Stoltenberg in Tallinn on Monday.",
  "The battle group in Estonia is led by Maj. Gen. Ola Dahl of the Norwegian Army, Lepp said.",
  "Norway will send 60 engineers to the Tapa army base next month.",
  "The Estonian Navy will carry their equipment from the port of Paldiski.",
  "The work will be led by a Lt. Col. of the engineers, the ministry said.",
  "Tallinn, the capital, lies on the country's northern coast.",
] as const;
const TEXT = SENTENCES.join("\n");
const h = reviewHarness(P, "explorer-dead-ends");
const { writer } = h;
let watched: Watched | undefined;

/** The claims `SOURCE` makes of the relation `id` (from|TYPE|to), as the API has them. */
const claims = (id: string) => claimsOf(h, id, SOURCE);
const entity = (key: string) => entityOf(h, key);

const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

/** Presses Tab until the element focused has an id ending so (at most 30 times). */
async function tabTo(page: Page, ending: string): Promise<void> {
  for (let i = 0; i < 30 && !(await focused(page)).endsWith(ending); i++)
    await page.keyboard.press("Tab");
  expect(await focused(page)).toMatch(new RegExp(`${ending}$`));
}

/** Presses `key` in the focused list until its chosen option reads `text` (at most 40 times). */
async function chooseBy(page: Page, key: string, text: string): Promise<void> {
  const chosen = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.textContent ?? "") : "";
    });
  for (let i = 0; i < 40 && (await chosen()) !== text; i++) {
    await page.keyboard.press(key);
    // Each choice may draw the form again; the focus stays on the list of the same id.
    await page.waitForTimeout(50);
  }
  expect(await chosen()).toBe(text);
}

describe("the review's last dead ends", () => {
  it("marks a name by keyboard, removes added rows, shows the server's problems unasked, mends evidence and inferred", async () => {
    watched = await openReview(h, { width: 1440, height: 900 });
    const { page, problems } = watched;
    // Every check the page sends on its own, and how many were in flight at once.
    let inFlight = 0;
    let most = 0;
    let sent = 0;
    const isCheck = (r: { postData(): string | null }) =>
      (r.postData() ?? "").includes("ExplorerCheck");
    page.on("request", (r) => {
      if (!isCheck(r)) return;
      sent += 1;
      inFlight += 1;
      most = Math.max(most, inFlight);
    });
    const ended = (r: { postData(): string | null }) => {
      if (isCheck(r)) inFlight -= 1;
    };
    page.on("requestfinished", ended);
    page.on("requestfailed", ended);

    const article = {
      text: TEXT,
      title: "Norway sends engineers to Tapa",
      published: "2024-06-04",
    };
    await extractArticle(page, { ...article, token: writer.token }, 5);
    await keyUnder(page, SOURCE, P);
    const rowSaying = (sentence: string) => rowOf(page, sentence);
    const said = () => page.locator("#review-said").textContent();
    const server = () => page.locator("#review-server").textContent();

    // 1. By keyboard alone, the army base the extractor read only as "Tapa": its sentence, then
    //    its first and last words; a Place, under a key of the test's prefix.
    await page.locator("#add-entity-open").focus();
    await page.keyboard.press("Enter");
    await poll(() => focused(page)).toBe("add-entity-name");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("add-entity-sentence");
    await chooseBy(page, "ArrowDown", SENTENCES[2]);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("add-entity-first");
    await chooseBy(page, "ArrowDown", "Tapa");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("add-entity-last");
    await chooseBy(page, "ArrowDown", "base");
    expect(await page.locator("#add-entity-name").inputValue()).toBe("Tapa army base");
    await tabTo(page, "add-entity-kind");
    await chooseBy(page, "ArrowDown", "Place");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("add-entity-key");
    expect(await page.locator("#add-entity-key").inputValue()).toBe("tapa-army-base");
    await page.keyboard.press("Home");
    await page.keyboard.type(P);
    await page.keyboard.press("Enter");
    const base = page.locator(`#review .entity-row[data-key="${P}tapa-army-base"]`);
    await poll(() => base.count()).toBe(1);

    // 2. A slip: "Lt. Col." taken for a person, added, and a relation from it.
    await page.locator("#add-entity-open").click();
    await page.locator("#add-entity-name").fill("Lt. Col.");
    await page.locator("#add-entity-key").fill(`${P}lt-col`);
    await page.getByRole("button", { name: "Add the entity" }).click();
    const slip = page.locator(`#review .entity-row[data-key="${P}lt-col"]`);
    await poll(() => slip.count()).toBe(1);
    await page.locator("#add-relation-open").click();
    // The sentences offered are the extractor's: the "Lt. Col." one whole, never cut at "Lt.".
    expect(await page.locator("#add-relation-sentence option").allTextContents()).toEqual([
      ...SENTENCES,
    ]);
    await page.locator("#add-relation-sentence").selectOption({ label: SENTENCES[4] });
    await pick(page, "#add-relation-from", "Lt. Col.", "Lt. Col.");
    await pick(page, "#add-relation-to", "Estonian Navy", "Estonian Navy");
    await poll(() => page.locator("#add-relation-type option").count()).toBeGreaterThan(0);
    await page.locator("#add-relation-type").selectOption("SERVES_IN");
    await page.getByRole("button", { name: "Add the relation" }).click();
    await poll(() => rowSaying("Lt. Col. SERVES_IN Estonian Navy").count()).toBe(1);
    // Removing the slip names the relation that uses it and asks; then both go, and it says so.
    await slip.getByRole("button", { name: "Remove Lt. Col." }).click();
    await poll(() => page.locator(`#entity-${P}lt-col-used`).textContent()).toBe(
      "Lt. Col. is an end of a relation, which would go with it: “Lt. Col. SERVES_IN Estonian Navy”. Remove them too?",
    );
    expect(await focused(page)).toBe(`entity-${P}lt-col-remove-all`);
    await page.keyboard.press("Enter");
    await poll(() => slip.count()).toBe(0);
    expect(await said()).toBe(
      "Removed the entity Lt. Col., and with it the relation: “Lt. Col. SERVES_IN Estonian Navy”.",
    );
    expect(await rowSaying("Lt. Col. SERVES_IN Estonian Navy").count()).toBe(0);
    expect(await rowSaying("this article MENTIONS Lt. Col.").count()).toBe(0);

    // 3. The base in Tapa, and Tapa part of the base by a slip: a circle of containment only
    //    the server finds. It comes beside the row with no check asked for.
    await page.locator("#add-relation-open").click();
    await page.locator("#add-relation-sentence").selectOption({ label: SENTENCES[2] });
    await pick(page, "#add-relation-from", "Tapa army", "Tapa army base");
    await pick(page, "#add-relation-to", "Tapa", "Tapa");
    await page.locator("#add-relation-type").selectOption("LOCATED_IN");
    await page.getByRole("button", { name: "Add the relation" }).click();
    await poll(() => rowSaying("Tapa army base LOCATED_IN Tapa").count()).toBe(1);
    await page.locator("#add-relation-open").click();
    await page.locator("#add-relation-sentence").selectOption({ label: SENTENCES[2] });
    await pick(page, "#add-relation-from", "Tapa", "Tapa");
    await pick(page, "#add-relation-to", "Tapa army", "Tapa army base");
    await page.locator("#add-relation-type").selectOption("PART_OF");
    await page.getByRole("button", { name: "Add the relation" }).click();
    const circle = rowSaying("Tapa PART_OF Tapa army base");
    await poll(() => circle.count()).toBe(1);
    await poll(() => circle.locator(".row-problems").count()).toBe(1);
    expect(await circle.getAttribute("class")).toContain("broken");
    expect(await server()).toMatch(/^The server would refuse .*, marked on its row/);
    expect(await page.locator("#ingest-result").textContent()).toBe("");
    await page.screenshot({ path: `${ARTIFACTS}/explorer-review-dead-ends.png`, fullPage: true });
    // Removed by keyboard: the row goes, and the server, asked again, finds nothing.
    await circle.getByRole("button", { name: /^Remove / }).focus();
    await page.keyboard.press("Enter");
    await poll(() => circle.count()).toBe(0);
    expect(await said()).toBe("Removed the relation “Tapa PART_OF Tapa army base”.");
    await poll(server).toBe("The server finds nothing it would refuse.");
    // At the next edit of the review (a row rejected, then accepted again), what the removal
    // said goes: it stayed until the next removal or draft (tidy23).
    const keepTallinn = rowSaying("Tallinn LOCATED_IN Estonia").getByRole("checkbox").first();
    await keepTallinn.uncheck();
    await poll(said).toBe("");
    await keepTallinn.check();
    await poll(server).toBe("The server finds nothing it would refuse.");

    // 4. By keyboard: Tallinn in Estonia quoted from the sentence that places it, still
    //    inferred (it says "the country"); the battle group's host stated, not inferred.
    const tallinn = rowSaying("Tallinn LOCATED_IN Estonia");
    const tallinnId = (await tallinn.getAttribute("data-id")) as string;
    await tallinn.getByRole("button", { name: /^Mend / }).focus();
    await page.keyboard.press("Enter");
    await tabTo(page, "-evidence");
    expect(await page.locator(`#${await focused(page)} option`).allTextContents()).toEqual([
      ...SENTENCES,
    ]);
    await page.keyboard.press("End");
    await poll(() => tallinn.locator("blockquote").textContent()).toBe(SENTENCES[5]);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatch(/-inferred$/);
    expect(await page.locator(`#${await focused(page)}`).isChecked()).toBe(true);
    expect(await tallinn.locator(".head").textContent()).toContain(" · mended");
    const hosts = rowSaying("Estonia HOSTS NATO battle group in Estonia");
    const hostsId = (await hosts.getAttribute("data-id")) as string;
    expect(await hosts.locator(".head").textContent()).toContain(" · inferred");
    await hosts.getByRole("button", { name: /^Mend / }).focus();
    await page.keyboard.press("Enter");
    await tabTo(page, "-inferred");
    await page.keyboard.press("Space");
    await poll(() => hosts.locator(".head").textContent()).not.toContain(" · inferred");

    // The ingest: exactly what the rows show.
    await poll(server).toBe("The server finds nothing it would refuse.");
    await page.getByRole("button", { name: /^Ingest \d+ relations?$/ }).click();
    await poll(() => page.locator("#ingest-result").textContent()).toMatch(/^Ingested: /);

    expect(await entity(`${P}tapa-army-base`)).toEqual({
      key: `${P}tapa-army-base`,
      kind: "Place",
      name: "Tapa army base",
    });
    expect(await entity(`${P}lt-col`)).toBeNull();
    const [tapa] = (await rowSaying("Tapa army base LOCATED_IN Tapa").getAttribute("data-id"))
      ?.split("|")
      .slice(2) ?? [""];
    expect(await claims(`${P}tapa-army-base|LOCATED_IN|${tapa}`)).toEqual([
      { excerpt: SENTENCES[2], inferred: false, source: { key: SOURCE } },
    ]);
    expect(await claims(`${tapa}|PART_OF|${P}tapa-army-base`)).toEqual([]);
    expect(await claims(tallinnId)).toEqual([
      { excerpt: SENTENCES[5], inferred: true, source: { key: SOURCE } },
    ]);
    expect(await claims(hostsId)).toEqual([
      { excerpt: SENTENCES[1], inferred: false, source: { key: SOURCE } },
    ]);
    // The page checked on its own, never two at once.
    expect(sent).toBeGreaterThan(0);
    expect(most).toBe(1);
    expect(problems).toEqual([]);
  }, 240_000);
});
