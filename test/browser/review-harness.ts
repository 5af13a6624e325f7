/**
 * What the "Add an article" browser tests share: a read-and-write token, the suite's Neo4j (what
 * keys with the test's prefix removed before and after), the explorer built and served by an
 * in-process server, and a browser; registered as the calling file's beforeAll and afterAll.
 * And how they read the graph back through GraphQL: an entity, a relation, a source's claims.
 */
import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { generateToken, type TokenEntry } from "../../src/auth/tokens.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { createClient, removeByPrefix, testDb } from "../helpers/client.js";
import { startServer } from "../helpers/server.js";
import { buildExplorer, launch, openPage, type Watched } from "./browser.js";

export interface ReviewHarness {
  writer: ReturnType<typeof generateToken>;
  /** A token with the admin scope too (superseding a source needs it). */
  admin: ReturnType<typeof generateToken>;
  db: ReturnType<typeof testDb>;
  gql: ReturnType<typeof createClient>["gql"];
  /** Set by beforeAll. */
  server: Awaited<ReturnType<typeof startServer>>;
  /** Set by beforeAll. */
  browser: Browser;
}

export function reviewHarness(prefix: string, tokenName: string): ReviewHarness {
  const writer = generateToken();
  const admin = generateToken();
  const tokens: TokenEntry[] = [
    { name: tokenName, sha256: writer.sha256, scopes: ["read", "write"] },
    { name: `${tokenName}-admin`, sha256: admin.sha256, scopes: ["read", "write", "admin"] },
  ];
  const db = testDb();
  const { gql } = createClient(db, { tokens });
  const h = { writer, admin, db, gql } as ReviewHarness;
  beforeAll(async () => {
    await removeByPrefix(db, prefix);
    await buildExplorer();
    // Extracting and ingesting a whole article on a machine shared with other work can take more
    // than the ten seconds a request gets by default.
    h.server = await startServer(db, {
      tokens,
      limits: { ...DEFAULT_LIMITS, requestTimeoutMs: 60_000, queryTimeoutMs: 60_000 },
    });
    h.browser = await launch();
  });
  afterAll(async () => {
    await h.browser?.close();
    await h.server?.close();
    await removeByPrefix(db, prefix);
    await db.driver.close();
  });
  return h;
}

/** Waits for what the page shows, as long as an extract and ingest may take. */
export function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 60_000, interval: 200 });
}

/** A page on the explorer, its graph drawn, the "Add an article" view open. */
export async function openReview(
  h: ReviewHarness,
  viewport?: { width: number; height: number },
): Promise<Watched> {
  const watched = await openPage(h.browser);
  if (viewport) await watched.page.setViewportSize(viewport);
  await watched.page.goto(`${h.server.url}/explorer`);
  await watched.page.locator('#graph[aria-busy="false"]').waitFor();
  await watched.page.getByRole("button", { name: "Add an article" }).click();
  return watched;
}

/**
 * Every new entity's key in the review put under `prefix`, as a reviewer edits one, so the
 * clean-up finds what was written; the key inputs.
 */
export async function prefixNewKeys(page: Watched["page"], prefix: string): Promise<Locator> {
  const editable = page.locator('#review .entity-row input[id$="-key"]:not([disabled])');
  const count = await editable.count();
  for (let i = 0; i < count; i++) {
    const input = editable.nth(i);
    const key = await input.inputValue();
    if (key.startsWith(prefix)) continue;
    await input.fill(`${prefix}${key}`);
    await input.press("Enter");
  }
  return editable;
}

type Page = Watched["page"];

/** The article as the form takes it (written for each test). */
export interface ArticleForm {
  text: string;
  title: string;
  published: string;
  /** The article's web address, when the test needs one. */
  url?: string;
  token: string;
}

/**
 * The form filled as a reader fills it (publisher "Test Wire") and a draft extracted: returns
 * once more than `rows` relation rows are drawn.
 */
export async function extractArticle(page: Page, article: ArticleForm, rows: number) {
  await page.getByLabel("Article text").fill(article.text);
  await page.getByLabel("Title").fill(article.title);
  await page.getByLabel("Publisher").fill("Test Wire");
  await page.getByLabel("Published (YYYY-MM-DD)").fill(article.published);
  if (article.url !== undefined) await page.getByLabel("Web address").fill(article.url);
  await page.getByLabel("Write token").fill(article.token);
  await page.getByRole("button", { name: "Extract a draft" }).click();
  await poll(() => page.locator("#review .relation-row").count()).toBeGreaterThan(rows);
}

/** The review's source key set to `key`, and every new entity's key put under `prefix`. */
export async function keyUnder(page: Page, key: string, prefix: string) {
  const sourceKey = page.getByLabel("Key of this article's source");
  await sourceKey.fill(key);
  await sourceKey.press("Enter");
  return prefixNewKeys(page, prefix);
}

/**
 * Picks, in the search box `box`, the first entity offered for `typed` (`named`), by keyboard as
 * a reader picks a suggestion in a box whose pick is written: Down to it, then Enter (Enter alone
 * takes only a suggestion named in full); and waits until the box shows it (when that is what was
 * typed, the caller waits for what the pick changes). The form is drawn again after a pick, and
 * at a script's speed a redraw can land between the selection of the box's text and the typing
 * ("Tapa armyTapa army base", once in three CI runs); a reader types slower. So it types again
 * until the box holds what was typed.
 */
export async function pick(page: Page, box: string, typed: string, named: string) {
  await poll(async () => {
    const input = page.locator(box);
    if ((await input.inputValue()) !== typed) await input.fill(typed);
    return input.inputValue();
  }).toBe(typed);
  // Down to the first suggestion for what was typed (again when the answer for it replaced
  // those for the letters before, or the box was drawn again), then Enter on it.
  // One Down a time: each one pressed moves one step, once the suggestions are there.
  await poll(async () => {
    const input = page.locator(box);
    const list = page.locator(`${box}-results`);
    const option = await input.getAttribute("aria-activedescendant");
    if (option) return page.locator(`#${option} .name`).textContent();
    if (!(await list.isVisible())) {
      await input.press("ArrowDown");
      await list.waitFor({ state: "visible", timeout: 10_000 }).catch(() => undefined);
    } else if ((await list.locator('[role="option"]:not(.none)').count()) > 0)
      await input.press("ArrowDown");
    return null;
  }).toBe(named);
  await page.locator(box).press("Enter");
  await poll(() => page.locator(box).inputValue()).toBe(named);
}

/** The relation rows whose sentence reads exactly `sentence`. */
/**
 * The ingests the page sends from now on, in order: each one's source key and its `supersedes`
 * (null when it sends none).
 */
export function watchIngests(page: Page): { key: string; supersedes: unknown }[] {
  const ingests: { key: string; supersedes: unknown }[] = [];
  page.on("request", (r) => {
    const body = r.postData() ?? "";
    if (!body.includes("ExplorerIngest")) return;
    const v = (
      JSON.parse(body) as {
        variables: { document: { source: { key: string } }; supersedes?: unknown };
      }
    ).variables;
    ingests.push({ key: v.document.source.key, supersedes: v.supersedes ?? null });
  });
  return ingests;
}

export const rowSaying = (page: Page, sentence: string) =>
  page
    .locator("#review .relation-row")
    .filter({ has: page.locator(".sentence").getByText(sentence, { exact: true }) });

/** The entity under `key` as the API has it (key, kind, name), or null. */
export async function entity(h: ReviewHarness, key: string) {
  const r = await h.gql<{ entity: { key: string; kind: string; name: string } | null }>(
    `query ($key: String!) { entity(key: $key) { key kind name } }`,
    { key },
  );
  return r.data?.entity ?? null;
}

export interface Claim {
  excerpt: string;
  inferred: boolean;
  source: { key: string };
}

export interface Edge {
  id: string;
  properties: Record<string, unknown>;
  claims: Claim[];
}

/** The relation `id` (from|TYPE|to) as the API has it, or null. */
export async function relation(h: ReviewHarness, id: string): Promise<Edge | null> {
  const [from, type] = id.split("|");
  const r = await h.gql<{ neighbourhood: { edges: Edge[] } | null }>(
    `query ($key: String!, $types: [RelationType!]) {
      neighbourhood(key: $key, depth: 1, limit: 500, types: $types) {
        edges { id properties claims { excerpt inferred source { key } } }
      }
    }`,
    // MENTIONS is followed only when asked for.
    { key: from, types: type === "MENTIONS" ? ["MENTIONS"] : null },
  );
  expect(r.errors).toBeUndefined();
  return r.data?.neighbourhood?.edges.find((e) => e.id === id) ?? null;
}

/** The claims the source `source` makes of the relation `id`, as the API has them. */
export async function claims(h: ReviewHarness, id: string, source: string): Promise<Claim[]> {
  return (await relation(h, id))?.claims.filter((c) => c.source.key === source) ?? [];
}
