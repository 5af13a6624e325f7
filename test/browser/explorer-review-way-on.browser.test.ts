/**
 * "Add an article": no dead end after a refusal or a supersede (explorer21), in a real browser
 * against the real server and Neo4j. The article is in the graph already; its corrected text drops
 * a sentence the graph quotes from it. The reviewer:
 *
 * - mistypes the token: the server's own check, a draft asked for and "Show what it would change"
 *   each say plainly that the token was not taken and which scope is needed; the review made so
 *   far stays (a failed extraction used to wipe it); another token given beside the refusal runs
 *   the same step again, and the server's check is made again with it;
 * - takes the way out (a new version that supersedes the stored source) with a writer's token:
 *   refused, the admin scope named, a box for another token focused; an admin token there and
 *   Enter ingest the new version;
 * - finds the page no longer "superseding": a second Ingest sends no `supersedes`;
 * - goes on: "Show it in the graph" draws the new source and its entities; "Add another article"
 *   gives a blank form (the token kept), and the next article is ingested as itself, superseding
 *   nothing; with every entity rejected, the page says why nothing can be ingested.
 *
 * What the graph holds afterwards is read back through GraphQL.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS } from "./browser.js";
import {
  entity,
  extractArticle,
  keyUnder,
  openReview,
  poll,
  reviewHarness,
  watchIngests,
} from "./review-harness.js";

const P = "xw-";
const SECOND = `${P}rask-meets-instructors`;
// Written for this test: the day of the visit corrected, a sentence added.
const VISIT_BEFORE =
  "Danish Defence Minister Jonas Vang visited the Lielvarde air base in Latvia on Monday.";
const SENTENCES = [
  "Danish Defence Minister Jonas Vang visited the Lielvarde air base in Latvia on Wednesday.",
  "Denmark will send 40 medics to Latvia in May, Vang said.",
  "Vang stayed in Latvia for one day, the ministry said.",
] as const;
const TITLE = "Vang visits Lielvarde";
// Another article, written for this test.
const SECOND_TEXT = [
  "Finnish Defence Minister Aino Rask met Finnish instructors in Estonia on Friday.",
  "Finland will send 30 more instructors to Estonia in June, Rask said.",
].join("\n");
const h = reviewHarness(P, "explorer-way-on");
const { writer, admin, gql } = h;

/** The article as first ingested under `key`: the visit on Monday, quoted as a relation's evidence. */
const original = (key: string, url: string) => ({
  source: {
    key,
    name: TITLE,
    properties: {
      text: `${VISIT_BEFORE}\n${SENTENCES[1]}`,
      url,
      title: TITLE,
      publishedAt: "2024-05-06",
    },
  },
  entities: [
    { key: `${P}jonas-vang`, kind: "Person", name: "Jonas Vang" },
    { key: `${P}lielvarde`, kind: "Place", name: "Lielvarde", aliases: ["Lielvarde air base"] },
  ],
  relations: [
    { from: `${P}jonas-vang`, type: "VISITED", to: `${P}lielvarde`, evidence: VISIT_BEFORE },
  ],
});

async function retracted(key: string): Promise<boolean | null> {
  const r = await gql<{ entity: { retracted: boolean } | null }>(
    `query ($key: String!) { entity(key: $key) { retracted } }`,
    { key },
  );
  return r.data?.entity?.retracted ?? null;
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

/**
 * The article stored under `old` (at `url`), its correction extracted with `token` and keyed as
 * the stored one: the page offers the new version. The page, and every ingest it sends (the
 * source's key and the `supersedes` it names).
 */
async function correction(old: string, url: string, token: string) {
  const first = await gql<{ ingestDocument: { __typename: string } }>(
    `mutation ($d: JSONObject!) { ingestDocument(document: $d) { __typename } }`,
    { d: original(old, url) },
    `Bearer ${writer.token}`,
  );
  expect(first.data?.ingestDocument.__typename).toBe("IngestDocumentSuccess");
  const watched = await openReview(h, { width: 1440, height: 900 });
  const ingests = watchIngests(watched.page);
  const article = { text: SENTENCES.join("\n"), title: TITLE, published: "2024-05-08", url };
  await extractArticle(watched.page, { ...article, token }, 2);
  await keyUnder(watched.page, old, P);
  const way = `Ingest as a new version (${old}-2) that supersedes ${old}`;
  await poll(() => watched.page.locator("#review-way-out button").textContent()).toBe(way);
  return { ...watched, ingests, way };
}

describe("the way on after a refusal or a supersede", () => {
  it("says plainly which token a step needs, asks for another beside the refusal and runs the same step again with it; a failed draft keeps the review", async () => {
    const OLD = `${P}vang-visits-lielvarde`;
    const NEW = `${OLD}-2`;
    const {
      page,
      problems,
      ingests,
      way: WAY,
    } = await correction(OLD, "https://news.example/xw-vang-visits-lielvarde", writer.token);
    const server = () => page.locator("#review-server").textContent();
    const result = () => page.locator("#ingest-result").textContent();
    const rows = page.locator("#review .relation-row");
    const drawn = await rows.count();

    // 1. A token mistyped. The server's own check says so, plainly, unasked.
    await page.getByLabel("Write token").fill("not-a-token");
    await poll(server).toMatch(
      /^The server did not check the review: the server did not take this token \(the server said: “Malformed Authorization header: .*”\)\. Give a token with the write scope \(npm run token -- --name NAME --scopes write\) as the write token above\.$/,
    );
    // A draft asked for with it (over the review's edits, so the page asks first, and is told
    // to replace it) is refused, and the review made so far stays, as it was.
    await page.getByRole("button", { name: "Extract a draft" }).click();
    await page.getByRole("button", { name: "Replace it with a new draft" }).click();
    await poll(() => page.locator("#article-error").textContent()).toMatch(
      /^No draft was made: the server did not take this token .*Give a token with the write scope/,
    );
    expect(await rows.count()).toBe(drawn);
    expect(await page.getByLabel("Key of this article's source").inputValue()).toBe(OLD);
    expect(await focused(page)).toBe("article-token");
    // "Show what it would change" refused too: another token beside the refusal, and Enter.
    await page.getByRole("button", { name: "Show what it would change" }).click();
    await poll(() => page.locator("#token-refused").textContent()).toMatch(
      /^The server did not check the review: the server did not take this token .* below, and check again\.$/,
    );
    await poll(() => focused(page)).toBe("retry-token");
    expect(await page.getByRole("button", { name: "Check again with this token" }).count()).toBe(1);
    await page.keyboard.type(writer.token);
    await page.keyboard.press("Enter");
    // The same check, made with it: the text refused, the way out beside the refusal; the token
    // is the page's from now on, and the server's own check is made again with it.
    await poll(result).toContain("Nothing was written:");
    expect(await result()).toContain("This article's source (properties.text)");
    expect(await page.getByLabel("Write token").inputValue()).toBe(writer.token);
    await poll(server).toMatch(/^The server would refuse 1 thing: This article's source/);
    expect(await page.locator("#token-refused").count()).toBe(0);
    // The draft's refusal, of the token mistyped, went with it.
    expect(await page.locator("#article-error").textContent()).toBe("");

    // 2. The way out, with a writer's token: refused for the scope, which is named, and a box for
    //    another token has the focus; nothing written.
    await page.locator("#ingest-result").getByRole("button", { name: WAY }).click();
    await poll(() => page.locator("#token-refused").count()).toBe(1);
    expect(await page.locator("#token-refused").textContent()).toBe(
      `Nothing was written: this token lacks the admin scope, which ingesting a new version that supersedes ${OLD} (it retracts ${OLD}) needs (the server said: “Token "explorer-way-on" lacks the scope this operation needs.”). Give a token with the admin scope (npm run token -- --name NAME --scopes write,admin) below, and ingest again.`,
    );
    expect(await page.locator("#token-retry label").textContent()).toBe(
      "A token with the admin scope",
    );
    await poll(() => focused(page)).toBe("retry-token");
    expect(await page.locator("#ingest-plan").textContent()).toContain(
      `the source ${OLD} is superseded`,
    );
    expect(await entity(h, NEW)).toBeNull();
    expect(await retracted(OLD)).toBe(false);
    // An admin token there, and Enter: the same ingest, with it.
    await page.keyboard.type(admin.token);
    await page.keyboard.press("Enter");
    await poll(result).toMatch(/^Ingested: /);
    expect(await page.locator("#ingest-superseded").textContent()).toMatch(
      new RegExp(`^Superseded ${OLD} \\(now retracted\\): `),
    );
    expect(await page.getByLabel("Write token").inputValue()).toBe(admin.token);
    expect(ingests).toEqual([
      { key: NEW, supersedes: OLD },
      { key: NEW, supersedes: OLD },
    ]);
    expect(await retracted(OLD)).toBe(true);
    expect(await retracted(NEW)).toBe(false);
    // The keyboard goes on from what the page offers next.
    expect(await focused(page)).toBe("show-ingested");
    expect(problems).toEqual([]);
  }, 240_000);

  it("leaves the superseding state once the new version is ingested, and goes on to the graph or another article", async () => {
    const OLD = `${P}vang-visits-lielvarde-again`;
    const NEW = `${OLD}-2`;
    // With an admin token from the start.
    const { page, problems, ingests, way } = await correction(
      OLD,
      "https://news.example/xw-vang-visits-lielvarde-again",
      admin.token,
    );
    const result = () => page.locator("#ingest-result").textContent();
    const rows = page.locator("#review .relation-row");
    await page.locator("#review-way-out").getByRole("button", { name: way }).click();
    await poll(result).toMatch(/^Ingested: /);
    expect(await page.locator("#ingest-superseded").textContent()).toMatch(
      new RegExp(`^Superseded ${OLD} \\(now retracted\\): `),
    );
    expect(ingests).toEqual([{ key: NEW, supersedes: OLD }]);
    expect(await retracted(OLD)).toBe(true);

    // 3. Ingested: no longer a new version waiting to supersede. The button says so, and a
    //    second Ingest sends no `supersedes` (it changes nothing).
    const ingest = page.locator("#ingest");
    await poll(() => ingest.textContent()).toMatch(/^Ingest \d+ relations?$/);
    expect(await page.locator("#article-supersedes").count()).toBe(0);
    expect(await page.locator("#review-way-out button").count()).toBe(0);
    await ingest.click();
    await poll(() => ingests.length).toBe(2);
    expect(ingests[1]).toEqual({ key: NEW, supersedes: null });
    await poll(result).toMatch(
      /^Ingested: entities 0 new, 0 changed, .*; relations 0 new, 0 changed/,
    );
    expect(await page.locator("#ingest-superseded").count()).toBe(0);
    expect(await retracted(NEW)).toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}/explorer-review-way-on.png`, fullPage: true });

    // 4. The way on: the new version in the graph, its people and places around it.
    await page.getByRole("button", { name: "Show it in the graph" }).click();
    await page.locator('#graph[aria-busy="false"]').waitFor();
    await poll(() => page.locator("#details-heading").textContent()).toBe(TITLE);
    const keys = await page.evaluate(() =>
      (globalThis as unknown as { explorer: { probe(): { nodes: { key: string }[] } } }).explorer
        .probe()
        .nodes.map((n) => n.key),
    );
    expect(keys).toEqual(expect.arrayContaining([NEW, `${P}jonas-vang`, `${P}lielvarde`]));
    expect(keys).not.toContain(OLD);

    // 5. Back in "Add an article", the review is as it was left; "Add another article" clears
    //    it all but the token, and the text box has the focus.
    await page.getByRole("button", { name: "Add an article" }).click();
    await poll(result).toMatch(/^Ingested: /);
    await page.getByRole("button", { name: "Add another article" }).click();
    await poll(() => rows.count()).toBe(0);
    expect(await focused(page)).toBe("article-text");
    for (const label of ["Article text", "Title", "Publisher", "Published (YYYY-MM-DD)"])
      expect(await page.getByLabel(label).inputValue()).toBe("");
    expect(await page.getByLabel("Web address").inputValue()).toBe("");
    expect(await page.getByLabel("Write token").inputValue()).toBe(admin.token);
    expect(await page.locator("#review").textContent()).toBe("");

    // 6. The next article, with the admin token still given: ingested as itself, superseding
    //    nothing (the new version stays in the graph).
    await extractArticle(
      page,
      {
        text: SECOND_TEXT,
        title: "Rask meets instructors",
        published: "2024-05-10",
        url: "https://news.example/xw-rask-meets-instructors",
        token: admin.token,
      },
      1,
    );
    await keyUnder(page, SECOND, P);
    expect(await page.locator("#article-supersedes").count()).toBe(0);
    // Every entity rejected, nothing is left to send: the page says why both buttons are off,
    // and what turns them on again.
    const accepts = page.locator('#review .entity-row input[id$="-keep"]');
    const entities = await accepts.count();
    for (let i = 0; i < entities; i++) await accepts.nth(i).uncheck();
    await poll(() => page.locator("#review-none").textContent()).toBe(
      "Nothing to ingest: no relation is kept. Accept one above (and the entities at its ends), or add one.",
    );
    expect(await ingest.isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Show what it would change" }).isDisabled()).toBe(
      true,
    );
    for (let i = 0; i < entities; i++) await accepts.nth(i).check();
    await poll(() => page.locator("#review-none").count()).toBe(0);
    await poll(() => ingest.textContent()).toMatch(/^Ingest \d+ relations?$/);
    await ingest.click();
    await poll(result).toMatch(/^Ingested: /);
    expect(ingests.slice(2)).toEqual([{ key: SECOND, supersedes: null }]);
    expect(await page.locator("#ingest-superseded").count()).toBe(0);
    expect(await retracted(SECOND)).toBe(false);
    expect(await retracted(NEW)).toBe(false);
    expect(await retracted(OLD)).toBe(true);
    expect(problems).toEqual([]);
  }, 240_000);
});
