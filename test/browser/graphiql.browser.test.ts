/**
 * GraphiQL in a real browser against the real server: it loads from this server alone (no CDN),
 * its default tabs are the curated examples, the default tab runs and shows data, and it links
 * to the explorer.
 */
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES } from "../../src/graphiql.js";
import { testDb } from "../helpers/client.js";
import { startServer } from "../helpers/server.js";
import { ARTIFACTS, buildExplorer, launch, openPage } from "./browser.js";

const db = testDb();
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  await buildExplorer();
  server = await startServer(db);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db.driver.close();
});

/**
 * GraphiQL must come from this server: the machines that run these tests reach no CDN, so a page
 * that loads it from one would only time out. Said at once, with the reason.
 */
async function expectSelfHosted(): Promise<void> {
  const html = await (
    await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } })
  ).text();
  expect(
    /https:\/\/unpkg\.com/.test(html),
    "GraphiQL loads from a CDN: server.ts must pass renderGraphiQL and GRAPHIQL_OPTIONS from src/graphiql.ts to createYoga",
  ).toBe(false);
}

/** The operation's name, which GraphiQL shows as the tab's title. */
function operationName(query: string): string {
  const name = /^(?:query|mutation|subscription)\s+(\w+)/m.exec(query)?.[1];
  if (!name) throw new Error(`an example without an operation name:\n${query}`);
  return name;
}

describe("GraphiQL", () => {
  it("loads from this server alone, opens on the curated tabs, runs the default one and shows its data", async () => {
    await expectSelfHosted();
    const { page, requests } = await openPage(browser);
    await page.goto(`${server.url}/graphql`);
    const run = page.getByRole("button", { name: /^Execute query/ });
    await run.waitFor({ timeout: 30_000 });

    // Everything came from the server itself (the editor workers are blobs it inlined).
    const elsewhere = requests.filter(
      (url) => !url.startsWith(server.url) && !url.startsWith("blob:") && !url.startsWith("data:"),
    );
    expect(
      elsewhere,
      "GraphiQL fetched assets from elsewhere: is renderGraphiQL from src/graphiql.ts passed to createYoga?",
    ).toEqual([]);

    for (const example of EXAMPLES)
      await page.getByRole("button", { name: operationName(example.query), exact: true }).waitFor();

    const answered = page.waitForResponse(
      (r) =>
        r.url() === `${server.url}/graphql` &&
        r.request().method() === "POST" &&
        (r.request().postData() ?? "").includes("CanadaInLatvia"),
    );
    await run.click();
    const response = await answered;
    const body = (await response.json()) as {
      data?: { entity?: { ledMissions?: { edges: { node: { name: string } }[] } } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?.entity?.ledMissions?.edges[0]?.node.name).toBe("Operation Reassurance");
    // ... and the result pane shows it.
    // The editor draws spaces as no-break spaces.
    const shown = async () =>
      ((await page.locator(".graphiql-response").textContent()) ?? "").replace(/\u00a0/g, " ");
    await expect.poll(shown, { timeout: 15_000 }).toContain('"name": "Canada"');
    expect(await shown()).toContain('"name": "Justin Trudeau"');
    await page.screenshot({ path: join(ARTIFACTS, "graphiql.png") });

    // Another tab runs as well: the path from Trudeau to Latvia.
    // Chosen with the keyboard: GraphiQL's tabs can be dragged to reorder them, and a synthetic
    // click, without the pause of a real one, does not always get through as a click.
    await page.getByRole("button", { name: "TrudeauToLatvia", exact: true }).focus();
    await page.keyboard.press("Enter");
    const editor = async () =>
      ((await page.locator(".graphiql-query-editor").textContent()) ?? "").replace(/\u00a0/g, " ");
    await expect.poll(editor, { timeout: 15_000 }).toContain("query TrudeauToLatvia");
    // GraphiQL learns the new tab's operation name a moment after showing its text; run before
    // that, it answers "Cannot infer operation" without asking the server. Then run it again.
    await expect
      .poll(
        async () => {
          const now = await shown();
          // Not while a run is under way: the button then stops it.
          if (now.trim() === "" || now.includes("Cannot infer operation")) await run.click();
          return now;
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toContain('"type": "VISITED"');
    await page.context().close();
  });

  it("links to the explorer, which links back", async () => {
    await expectSelfHosted();
    const { page, problems } = await openPage(browser);
    await page.goto(`${server.url}/graphql`);
    await page.getByRole("button", { name: /^Execute query/ }).waitFor({ timeout: 30_000 });
    // GraphiQL's own console is not ours to judge; from here on the explorer's is.
    const before = problems.length;
    await page.getByRole("link", { name: /graph explorer/ }).click();
    await page.waitForURL(`${server.url}/explorer`);
    await page.locator('#graph[aria-busy="false"]').waitFor();
    expect(await page.title()).toBe("Allies graph · explorer");
    // (Leaving GraphiQL cancels its editor workers' blob: loads; those are GraphiQL's, not ours.)
    expect(problems.slice(before).filter((p) => !p.includes("blob:"))).toEqual([]);
    await page.getByRole("link", { name: "GraphiQL", exact: true }).click();
    await page.waitForURL(`${server.url}/graphql`);
    await page.getByRole("button", { name: /^Execute query/ }).waitFor({ timeout: 30_000 });
    await page.context().close();
  });

  it('the explorer\'s "Query in GraphiQL" opens a tab of its own and leaves the examples as they are', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server.url}/explorer?e=latvia&node=latvia`);
    await page.locator('#graph[aria-busy="false"]').waitFor();
    await page.getByRole("link", { name: "Query in GraphiQL" }).click();
    await page.waitForURL(/\/graphql\?query=/);
    await page.getByRole("button", { name: /^Execute query/ }).waitFor({ timeout: 30_000 });
    const editor = async () =>
      ((await page.locator(".graphiql-query-editor").textContent()) ?? "").replace(/\u00a0/g, " ");
    await expect.poll(editor, { timeout: 15_000 }).toContain('entity(key: "latvia")');
    // Every example is still there, first the traversal, and one tab more: the explorer's.
    const tabs = page.locator(".graphiql-tab");
    expect(await tabs.count()).toBe(EXAMPLES.length + 1);
    expect(await tabs.first().textContent()).toContain("CanadaInLatvia");
    expect(await tabs.last().getAttribute("class")).toContain("graphiql-tab-active");
    await page.getByRole("button", { name: "CanadaInLatvia", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(editor, { timeout: 15_000 }).toContain("query CanadaInLatvia");
    await page.context().close();
  });

  for (const viewport of [
    { width: 1024, height: 700 },
    { width: 1440, height: 900 },
  ])
    it(`at ${viewport.width}x${viewport.height}: every tab is in view, and the explorer link covers neither editor nor result`, async () => {
      const { page } = await openPage(browser);
      await page.setViewportSize(viewport);
      await page.goto(`${server.url}/graphql`);
      const run = page.getByRole("button", { name: /^Execute query/ });
      await run.waitFor({ timeout: 30_000 });
      await run.click();
      const shown = async () =>
        ((await page.locator(".graphiql-response").textContent()) ?? "").replace(/\u00a0/g, " ");
      await expect.poll(shown, { timeout: 15_000 }).toContain('"name": "Canada"');
      const tabs = await page.locator(".graphiql-tab").all();
      expect(tabs).toHaveLength(EXAMPLES.length);
      for (const tab of tabs) {
        const box = await tab.boundingBox();
        expect(box, (await tab.textContent()) ?? "a tab").not.toBeNull();
        if (!box) continue;
        expect(
          box.x + box.width,
          `${await tab.textContent()} runs past the edge`,
        ).toBeLessThanOrEqual(viewport.width);
        // Its whole title shows (nothing is cut off by the strip).
        const title = tab.locator(".graphiql-tab-button");
        expect(
          await title.evaluate((el) => el.scrollWidth <= el.clientWidth + 1),
          `${await tab.textContent()} is cut short`,
        ).toBe(true);
      }
      const link = await page.getByRole("link", { name: /graph explorer/ }).boundingBox();
      expect(link).not.toBeNull();
      for (const pane of [".graphiql-response", ".graphiql-query-editor"]) {
        const box = await page.locator(pane).boundingBox();
        if (!link || !box) throw new Error(`${pane} or the link is not displayed`);
        const apart =
          link.x + link.width <= box.x ||
          box.x + box.width <= link.x ||
          link.y + link.height <= box.y ||
          box.y + box.height <= link.y;
        expect(apart, `the explorer link covers ${pane}`).toBe(true);
      }
      if (viewport.width >= 1440) {
        // The default example's longest lines fit the query editor: none is cut at its edge.
        const cut = await page.evaluate(() => {
          const editor = document.querySelector(
            ".graphiql-query-editor .monaco-scrollable-element",
          );
          const right = editor?.getBoundingClientRect().right ?? 0;
          return Array.from(document.querySelectorAll(".graphiql-query-editor .view-line > span"))
            .filter((line) => line.getBoundingClientRect().right > right)
            .map((line) => line.textContent);
        });
        expect(cut).toEqual([]);
      }
      await page.screenshot({ path: join(ARTIFACTS, `graphiql-${viewport.width}.png`) });
      await page.context().close();
    });
});
