/**
 * "Add an article": a corrected article in one step (explorer20b), in a real browser against the
 * real server and Neo4j. The article is in the graph already; its corrected text drops a sentence
 * the graph quotes from it, so ingest refuses it at the text. The reviewer:
 *
 * - gives a relation the sentence that states it by clicking that sentence in the article
 *   ("Pick in the text" in the relation's editor, then the click);
 * - sees, beside the refusal, "Ingest as a new version (KEY) that supersedes OLD": one click sets
 *   the source key, checks again with `supersedes` (the plan says the old source is superseded)
 *   and ingests; with a token that lacks the admin scope, the page says the admin scope is needed;
 * - with an admin token, ingests it, and the page says what was superseded.
 *
 * What the graph holds afterwards is read back through GraphQL: the old source retracted, the new
 * one's relations present.
 */
import { describe, expect, it } from "vitest";
import { ARTIFACTS, type Watched } from "./browser.js";
import {
  claims,
  entity,
  extractArticle,
  keyUnder,
  openReview,
  poll,
  relation,
  reviewHarness,
  rowSaying as rowOf,
} from "./review-harness.js";

const P = "xv-";
const OLD = `${P}holm-visits-tapa`;
const NEW = `${OLD}-2`;
const URL = "https://news.example/xv-holm-visits-tapa";
// Written for this test: the day of the visit corrected, a sentence added.
const VISIT_BEFORE =
  "Norwegian Defence Minister Kari Holm visited the Tapa army base in Estonia on Monday.";
const SENTENCES = [
  "Norwegian Defence Minister Kari Holm visited the Tapa army base in Estonia on Tuesday.",
  "Norway will send 60 engineers to Estonia next month, Holm said.",
  "Holm was in Estonia for two days, the ministry said.",
] as const;
const TEXT = SENTENCES.join("\n");
const h = reviewHarness(P, "explorer-supersede");
const { writer, admin, gql } = h;
let watched: Watched | undefined;

/** The article as first ingested: the visit on Monday, quoted as a relation's evidence. */
const ORIGINAL = {
  source: {
    key: OLD,
    name: "Holm visits Tapa",
    properties: {
      text: `${VISIT_BEFORE}\n${SENTENCES[1]}`,
      url: URL,
      title: "Holm visits Tapa",
      publishedAt: "2024-06-04",
    },
  },
  entities: [
    { key: `${P}kari-holm`, kind: "Person", name: "Kari Holm" },
    { key: `${P}tapa`, kind: "Place", name: "Tapa", aliases: ["Tapa army base"] },
  ],
  relations: [{ from: `${P}kari-holm`, type: "VISITED", to: `${P}tapa`, evidence: VISIT_BEFORE }],
};

async function retracted(key: string): Promise<boolean | null> {
  const r = await gql<{ entity: { retracted: boolean } | null }>(
    `query ($key: String!) { entity(key: $key) { retracted } }`,
    { key },
  );
  return r.data?.entity?.retracted ?? null;
}

describe("a corrected article", () => {
  it("takes evidence from a click in the text, and ingests the correction as a new version that supersedes the old", async () => {
    const first = await gql<{ ingestDocument: { __typename: string } }>(
      `mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }`,
      { d: ORIGINAL },
      `Bearer ${writer.token}`,
    );
    expect(first.data?.ingestDocument.__typename).toBe("IngestDocumentSuccess");

    watched = await openReview(h, { width: 1440, height: 900 });
    const { page, problems } = watched;
    const article = { text: TEXT, title: "Holm visits Tapa", published: "2024-06-05", url: URL };
    await extractArticle(page, { ...article, token: writer.token }, 3);
    // The reviewer sends it under the stored article's key, as a correction of it.
    await keyUnder(page, OLD, P);
    const rowSaying = (sentence: string) => rowOf(page, sentence);
    const result = () => page.locator("#ingest-result").textContent();

    // 1. Evidence by clicking: Holm's visit to Estonia, quoted from the sentence that says how
    //    long he was there, by "Pick in the text" in the relation's editor, then a click in it.
    const inEstonia = rowSaying("Kari Holm VISITED Estonia");
    await poll(() => inEstonia.count()).toBe(1);
    const inEstoniaId = (await inEstonia.getAttribute("data-id")) as string;
    expect(await inEstonia.locator("blockquote").first().textContent()).toBe(SENTENCES[0]);
    await inEstonia.getByRole("button", { name: /^Mend / }).click();
    await inEstonia.getByRole("button", { name: "Pick in the text" }).click();
    await poll(() => inEstonia.locator("[id$='-evidence-help']").textContent()).toBe(
      "Click the sentence in the article that states it.",
    );
    await page.locator("#article-view").getByText("for two days", { exact: false }).first().click();
    await poll(() => inEstonia.locator("blockquote").first().textContent()).toBe(SENTENCES[2]);
    expect(await page.locator("#review-said").textContent()).toBe(
      "The evidence of “Kari Holm VISITED Estonia” is now the sentence clicked.",
    );
    expect(await inEstonia.locator(".head").textContent()).toContain(" · mended");
    // The picking stopped; the list, for the keyboard, says the same (and has the focus).
    expect(
      await inEstonia
        .getByRole("button", { name: "Pick in the text" })
        .getAttribute("aria-pressed"),
    ).toBe("false");
    expect(await inEstonia.locator("select[id$='-evidence'] option:checked").textContent()).toBe(
      SENTENCES[2],
    );
    await inEstonia.getByRole("button", { name: /^Close / }).click();

    // 2. The server's own check, after the edits, finds the text refused, and offers the way out
    //    below its line; the ingest is refused at the text (the Monday sentence is quoted, and
    //    gone), and the way out is offered beside the refusal.
    const WAY = `Ingest as a new version (${NEW}) that supersedes ${OLD}`;
    await poll(() => page.locator("#review-way-out button").textContent()).toBe(WAY);
    expect(await page.locator("#review-server").textContent()).toContain(
      "This article's source (properties.text)",
    );
    await page.getByRole("button", { name: /^Ingest \d+ relations?$/ }).click();
    await poll(result).toContain("Nothing was written:");
    // The dropped sentence named (cut at 80 characters).
    expect(await result()).toContain(`("${VISIT_BEFORE.slice(0, 80)}…")`);
    const wayOut = page.locator("#ingest-result").getByRole("button", { name: WAY });
    await poll(() => wayOut.count()).toBe(1);
    expect(await retracted(OLD)).toBe(false);

    // 3. One click with a writer's token: the key set, the check says the old source is
    //    superseded, and the ingest is forbidden, plainly, with what is needed.
    await wayOut.click();
    await poll(() => page.locator("#token-refused").count()).toBe(1);
    expect(await page.getByLabel("Key of this article's source").inputValue()).toBe(NEW);
    // Taken: no longer offered.
    expect(await page.getByRole("button", { name: WAY }).count()).toBe(0);
    expect(await page.locator("#ingest-plan").textContent()).toContain(
      `the source ${OLD} is superseded`,
    );
    const forbidden = (await page.locator("#token-refused").textContent()) ?? "";
    expect(forbidden).toContain("lacks the scope this operation needs");
    expect(forbidden).toContain(
      `this token lacks the admin scope, which ingesting a new version that supersedes ${OLD}`,
    );
    expect(await entity(h, NEW)).toBeNull();
    expect(await retracted(OLD)).toBe(false);

    // 4. With an admin token: ingested as the new version, and the page says what it superseded.
    await page.getByLabel("Write token").fill(admin.token);
    await page
      .getByRole("button", { name: new RegExp(`^Ingest \\d+ relations? superseding ${OLD}$`) })
      .click();
    await poll(result).toMatch(/^Ingested: /);
    expect(await page.locator("#ingest-superseded").textContent()).toMatch(
      new RegExp(
        `^Superseded ${OLD} \\(now retracted\\): \\d+ relations? and \\d+ (entity|entities) changed; what only it stated no longer counts\\.$`,
      ),
    );
    await page.screenshot({ path: `${ARTIFACTS}/explorer-review-supersede.png`, fullPage: true });

    // Read back: the old source retracted, the new one's relations present, quoting its text.
    expect(await retracted(OLD)).toBe(true);
    expect(await retracted(NEW)).toBe(false);
    expect(await claims(h, `${P}kari-holm|VISITED|${P}tapa`, NEW)).toEqual([
      { excerpt: SENTENCES[0], inferred: false, source: { key: NEW } },
    ]);
    expect((await claims(h, inEstoniaId, NEW)).map((c) => c.excerpt)).toEqual([SENTENCES[2]]);
    expect(await relation(h, `${NEW}|MENTIONS|${P}kari-holm`)).not.toBeNull();
    expect(problems).toEqual([]);
  }, 240_000);
});
