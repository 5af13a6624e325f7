/**
 * "Add an article" in a real browser against the real server and Neo4j (issue 25, item 2): the
 * seed article's text pasted, the draft from extractDocument highlighted in the text, new keys
 * edited, one relation rejected, the rest ingested with a write token, and the result shown in
 * the graph. What was written is then read back through GraphQL, as any client would.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, ROOT, type Watched } from "./browser.js";
import { openReview, poll, prefixNewKeys, reviewHarness } from "./review-harness.js";

const P = "xa-";
const SOURCE = `${P}nato-article-copy`;
const h = reviewHarness(P, "explorer-article");
const { writer, gql } = h;
let watched: Watched | undefined;

/** The claims on relation `id` (from|TYPE|to), read through the API; [] when there is none. */
async function sourcesOf(id: string): Promise<string[]> {
  const [from] = id.split("|");
  const r = await gql<{
    neighbourhood: { edges: { id: string; claims: { source: { key: string } }[] }[] } | null;
  }>(
    `query ($key: String!) {
      neighbourhood(key: $key, depth: 1, limit: 500) { edges { id claims { source { key } } } }
    }`,
    { key: from },
  );
  expect(r.errors).toBeUndefined();
  const edge = r.data?.neighbourhood?.edges.find((e) => e.id === id);
  return edge ? edge.claims.map((c) => c.source.key) : [];
}

describe("adding an article", () => {
  it("pastes the seed article, reviews the draft (a key edited, one relation rejected), ingests it and shows it in the graph", async () => {
    watched = await openReview(h, { width: 1440, height: 900 });
    const { page, problems } = watched;
    const text = await readFile(join(ROOT, "seed", "000_4f2a725f6fafb235.txt"), "utf8");
    await page.getByLabel("Article text").fill(text);
    await page.getByLabel("Title").fill("Stoltenberg calls on allies to step up (a second copy)");
    await page.getByLabel("Publisher").fill("Test Wire");
    await page.getByLabel("Published (YYYY-MM-DD)").fill("2022-03-09");
    // Without a token: said beside the form, nothing asked of the server.
    await page.getByRole("button", { name: "Extract a draft" }).click();
    await poll(() => page.locator("#article-error").textContent()).toBe(
      "A write token is needed to extract and to ingest.",
    );
    await page.getByLabel("Write token").fill(writer.token);
    // A title no document could carry: the server's error says which field and why.
    await page.getByLabel("Title").fill("T".repeat(600));
    await page.getByRole("button", { name: "Extract a draft" }).click();
    await poll(() => page.locator("#article-error").textContent()).toContain(
      "source.title: is 600 characters; at most 500",
    );
    await page.getByLabel("Title").fill("Stoltenberg calls on allies to step up (a second copy)");
    await page.getByRole("button", { name: "Extract a draft" }).click();

    // The draft: entities marked in the text, relations underlined, one row for each.
    const relations = page.locator("#review .relation-row");
    await poll(() => relations.count()).toBeGreaterThan(5);
    expect(await page.locator("#review .text mark.ent").count()).toBeGreaterThan(5);
    expect(await page.locator("#review .text .rel").count()).toBeGreaterThan(5);
    const latvia = page.locator('#review .entity-row[data-key="latvia"]');
    expect(await latvia.textContent()).toContain("in the graph");

    // The source under a key of the test's own, and every new entity's key edited likewise.
    const sourceKey = page.getByLabel("Key of this article's source");
    await sourceKey.fill(SOURCE);
    await sourceKey.press("Enter");
    const editable = await prefixNewKeys(page, P);
    const keys = await editable.evaluateAll((inputs) =>
      inputs.map((i) => (i as HTMLInputElement).value),
    );
    expect(keys.every((k) => k.startsWith(P))).toBe(true);

    // Two relations between entities of the graph: one rejected, one kept.
    const ids = await relations.evaluateAll((rows) =>
      rows.map((r) => (r as HTMLElement).dataset.id ?? ""),
    );
    const among = ids.filter(
      (id) =>
        !id.includes(P) && !id.includes("|MENTIONS|") && ids.indexOf(id) === ids.lastIndexOf(id),
    );
    expect(among.length).toBeGreaterThan(1);
    const [rejected, kept] = among as [string, string];
    const row = page.locator(`#review .relation-row[data-id="${rejected}"]`);
    await row.getByRole("checkbox").uncheck();
    await poll(() => row.getAttribute("class")).toContain("rejected");
    // Pointing at a row lights up its sentence in the text.
    await row.hover();
    await poll(() => page.locator("#review .text .lit").count()).toBeGreaterThan(0);
    expect(await page.locator("#review .text .lit").first().textContent()).not.toBe("");
    // The text and the first rows (the whole review runs to many screens).
    await page.screenshot({
      path: join(ARTIFACTS, "explorer-article-review.png"),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1440, height: 1500 },
    });

    const ingest = page.getByRole("button", { name: /^Ingest \d+ relations?$/ });
    const planned = Number(/\d+/.exec((await ingest.textContent()) ?? "")?.[0]);
    expect(planned).toBe(ids.length - 1);

    // Before writing: what ingest would do (checkDocument, the dry run), in --check's words; the
    // seed's relations the article states again would gain its sentences. Nothing is written.
    await page.getByRole("button", { name: "Show what it would change" }).click();
    await poll(() => page.locator("#ingest-plan").count()).toBe(1);
    const plan = (await page.locator("#ingest-plan").textContent()) ?? "";
    expect(plan).toMatch(/^entities: \d+ new, \d+ changed, \d+ corroborated, \d+ unchanged/);
    expect(plan).toContain(`${SOURCE}: would be created (Source)`);
    expect(plan).toMatch(/relations: \d+ new, [1-9]\d* corroborated/);
    expect(await sourcesOf(kept)).not.toContain(SOURCE);

    await ingest.click();
    await poll(() => page.locator("#ingest-result").textContent()).not.toMatch(/^(Ingesting…)?$/);
    expect(await page.locator("#ingest-result").textContent()).toMatch(
      /^Ingested: entities \d+ new, \d+ changed, \d+ corroborated, \d+ unchanged; relations \d+ new, \d+ changed, \d+ corroborated, \d+ unchanged\./,
    );

    // Written: the kept relation cites the new source; the rejected one does not.
    expect(await sourcesOf(kept)).toContain(SOURCE);
    expect(await sourcesOf(rejected)).not.toContain(SOURCE);

    // And shown in the graph: the source selected, among what it links.
    await page.getByRole("button", { name: "Show it in the graph" }).click();
    await page.locator('#graph[aria-busy="false"]').waitFor();
    await poll(() => page.locator("#details-heading").textContent()).toBe(
      "Stoltenberg calls on allies to step up (a second copy)",
    );
    const drawn = await page.evaluate(() =>
      (
        globalThis as unknown as { explorer: { probe(): { nodes: { key: string }[] } } }
      ).explorer.probe(),
    );
    const [from, , to] = kept.split("|");
    expect(drawn.nodes.map((n) => n.key)).toEqual(expect.arrayContaining([SOURCE, from, to]));
    await page.screenshot({ path: join(ARTIFACTS, "explorer-article-ingested.png") });
    expect(problems).toEqual([]);
  }, 240_000);
});
