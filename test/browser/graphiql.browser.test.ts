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
});
