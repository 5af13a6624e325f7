/**
 * The explorer in a real browser (Debian's Chromium, headless) against the real server and the
 * seeded Neo4j: search, expansion by a click on the canvas, a relation's evidence, path mode,
 * the timeline, a shared link, and the keyboard alone. Every page must log no error.
 */
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../helpers/client.js";
import { startServer } from "../helpers/server.js";
import { ARTIFACTS, buildExplorer, launch, openPage, ROOT, type Watched } from "./browser.js";

interface Drawn {
  x: number;
  y: number;
  chosen: boolean;
  onPath: boolean;
}
interface Probe {
  nodes: (Drawn & { key: string; name: string; kind: string })[];
  edges: (Drawn & {
    id: string;
    type: string;
    from: string;
    to: string;
    /** Points on the drawn edge, the middle first. */
    points: { x: number; y: number }[];
  })[];
}

/** Waits for a condition; generous, since the machine may be busy with other work. */
function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 20_000, interval: 100 });
}

const db = testDb();
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const opened: Watched[] = [];

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

async function open(path = "/explorer"): Promise<Watched> {
  const watched = await openPage(browser);
  opened.push(watched);
  await watched.page.goto(`${server.url}${path}`);
  await idle(watched.page);
  return watched;
}

/** Every action (requests, layout) has finished: the graph region is no longer busy. */
async function idle(page: Page): Promise<void> {
  await page.locator('#graph[aria-busy="false"]').waitFor();
}

/** What the canvas draws, and where (the canvas is pixels; the page reports its drawing). */
function probe(page: Page): Promise<Probe> {
  return page.evaluate(() =>
    (globalThis as unknown as { explorer: { probe(): Probe } }).explorer.probe(),
  );
}

async function keys(page: Page): Promise<string[]> {
  return (await probe(page)).nodes.map((n) => n.key).sort();
}

/** A real mouse click on the canvas at the point where something is drawn. */
async function clickAt(page: Page, point: { x: number; y: number }): Promise<void> {
  const box = await page.locator("#cy").boundingBox();
  if (!box) throw new Error("the canvas is not displayed");
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

async function clickNode(page: Page, key: string): Promise<void> {
  await idle(page);
  const node = (await probe(page)).nodes.find((n) => n.key === key);
  if (!node) throw new Error(`${key} is not drawn`);
  await clickAt(page, node);
}

/** Clicks a node to expand it, and waits until `shows` is drawn (saying why not, if not). */
async function expandByClick(page: Page, key: string, shows: string): Promise<void> {
  await clickNode(page, key);
  try {
    await poll(() => keys(page)).toContain(shows);
  } catch (error) {
    const status = await page.locator("#status").textContent();
    const chosen = (await probe(page)).nodes.find((n) => n.chosen)?.key;
    throw new Error(`${shows} not drawn; selected: ${chosen}; status: ${status}`, { cause: error });
  }
  await idle(page);
}

/**
 * Clicks a relation where it is drawn: in its middle, or, when something else lies there (another
 * relation crossing it), a little further along, as a person would click again.
 */
async function clickEdge(page: Page, id: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await idle(page);
    const edge = (await probe(page)).edges.find((e) => e.id === id);
    if (!edge) throw new Error(`${id} is not drawn`);
    const point = edge.points[attempt];
    if (!point) break;
    await clickAt(page, point);
    if ((await probe(page)).edges.find((e) => e.chosen)?.id === id) return;
  }
  throw new Error(`no click selected ${id}`);
}

/** Types in the search box and takes the best match with Enter, as a reader would. */
async function search(page: Page, text: string, key: string): Promise<void> {
  await page.getByRole("combobox", { name: "Search" }).fill(text);
  await page.getByRole("combobox", { name: "Search" }).press("Enter");
  await poll(() => keys(page)).toContain(key);
  await idle(page);
}

const EVIDENCE =
  "Approximately 540 Canadian Armed Forces members are deployed to Latvia under the NATO mission, and 130 more will join in the coming weeks.";
const SOURCE_TITLE = "NATO's Stoltenberg calls on allies to 'step up' defence spending";

/** Latvia on the canvas, expanded by a click on its node. */
async function latviaExpanded(): Promise<Page> {
  const { page } = await open();
  await search(page, "Latvia", "latvia");
  await expandByClick(page, "latvia", "operation-reassurance");
  return page;
}

describe("the explorer", () => {
  it("loads with no console errors: search box, empty canvas, legend, a link to GraphiQL", async () => {
    const { page, problems } = await open();
    expect(await page.title()).toBe("Allies graph · explorer");
    await poll(() => page.getByText("Search for an entity to begin.").isVisible()).toBe(true);
    const legend = page.locator("#legend li");
    expect(await legend.allInnerTexts()).toEqual(
      expect.arrayContaining(["Person", "Nation", "Organization", "Mission", "Event", "inferred"]),
    );
    expect(
      await page.getByRole("link", { name: "GraphiQL", exact: true }).getAttribute("href"),
    ).toBe("/graphql");
    expect(problems).toEqual([]);
  });

  it('search "Latvia", then a click on its node expands it and shows Operation Reassurance', async () => {
    const { page, problems } = await open();
    await page.getByRole("combobox", { name: "Search" }).fill("Latvia");
    // The ranked suggestions, with the kind and the highlighted match.
    const options = page.getByRole("option");
    await poll(() => options.count()).toBeGreaterThan(1);
    expect(await options.first().textContent()).toContain("Latvia");
    expect(await options.first().textContent()).toContain("Nation");
    await page.getByRole("combobox", { name: "Search" }).press("Enter");
    await poll(() => keys(page)).toEqual(["latvia"]);
    await idle(page);
    expect(await page.locator("#details-heading").textContent()).toBe("Latvia");

    await expandByClick(page, "latvia", "operation-reassurance");
    const drawn = await probe(page);
    expect(drawn.nodes.find((n) => n.key === "operation-reassurance")).toMatchObject({
      name: "Operation Reassurance",
      kind: "Mission",
    });
    expect(drawn.edges.map((e) => e.id)).toEqual(
      expect.arrayContaining([
        "latvia|HOSTS|operation-reassurance",
        "operation-reassurance|DEPLOYED_TO|latvia",
      ]),
    );
    // Each relation is labelled by its type on the canvas, and listed in the panel.
    expect(drawn.edges.find((e) => e.id === "latvia|HOSTS|operation-reassurance")?.type).toBe(
      "HOSTS",
    );
    await poll(() => page.locator("#details").textContent()).toContain(
      "Latvia HOSTS Operation Reassurance",
    );
    expect(await page.getByRole("button", { name: "Neighbourhood shown" }).isDisabled()).toBe(true);
    // The selected node's properties, from entity(key).
    await poll(() => page.locator("#details .props").textContent()).toContain("LVA");
    expect(problems).toEqual([]);
  });

  it("clicking the relation to Operation Reassurance shows its evidence: the sentence, the source's title and link", async () => {
    const page = await latviaExpanded();
    await clickEdge(page, "operation-reassurance|DEPLOYED_TO|latvia");
    await poll(() => page.locator("#details-heading").textContent()).toBe("DEPLOYED_TO");
    expect((await probe(page)).edges.find((e) => e.chosen)?.id).toBe(
      "operation-reassurance|DEPLOYED_TO|latvia",
    );
    const evidence = page.locator("#details .evidence");
    expect(await evidence.locator("blockquote").textContent()).toBe(EVIDENCE);
    const source = evidence.getByRole("link", { name: SOURCE_TITLE });
    // The seed's source has no web address, so the link opens the source in the explorer.
    expect(await source.getAttribute("href")).toBe(
      "?e=ctv-2022-nato-defence-spending&node=ctv-2022-nato-defence-spending",
    );
    expect(page.url()).toContain("edge=operation-reassurance%7CDEPLOYED_TO%7Clatvia");
    await page.screenshot({ path: join(ARTIFACTS, "explorer-evidence.png") });
    expect(opened.at(-1)?.problems).toEqual([]);
  });

  it("path mode between Justin Trudeau and Latvia highlights the path and lists its steps with their sentences", async () => {
    const { page, problems } = await open();
    const from = page.getByRole("combobox", { name: "From" });
    await from.fill("Justin Trudeau");
    await from.press("Enter");
    const to = page.getByRole("combobox", { name: "To" });
    await to.fill("Latvia");
    await to.press("Enter");
    const panel = page.locator("#path-result");
    await poll(() => panel.locator("h2").textContent()).toBe("Path: Justin Trudeau → Latvia");
    await idle(page);
    expect(await panel.textContent()).toContain("A shortest path: 1 step.");
    const step = panel.locator("ol.steps > li");
    expect(await step.count()).toBe(1);
    expect(await step.first().getByRole("button").textContent()).toBe(
      "Justin Trudeau VISITED Latvia",
    );
    expect(await step.first().locator("blockquote").textContent()).toContain(
      "Trudeau and Defence Minister Anita Anand visited a military base in Latvia",
    );
    const drawn = await probe(page);
    expect(
      drawn.nodes
        .filter((n) => n.onPath)
        .map((n) => n.key)
        .sort(),
    ).toEqual(["justin-trudeau", "latvia"]);
    expect(drawn.edges.filter((e) => e.onPath).map((e) => e.id)).toEqual([
      "justin-trudeau|VISITED|latvia",
    ]);
    expect(page.url()).toContain("from=justin-trudeau&to=latvia");
    await page.screenshot({ path: join(ARTIFACTS, "explorer-path.png") });
    expect(problems).toEqual([]);
  });

  it("the timeline strip shows the selected entity's timeline, and an item puts its event on the canvas", async () => {
    const { page, problems } = await open();
    await search(page, "Justin Trudeau", "justin-trudeau");
    const strip = page.locator("#timeline");
    await poll(() => strip.locator("h2").textContent()).toBe("Timeline of Justin Trudeau");
    await poll(() => strip.locator("li").count()).toBe(4);
    const items = await strip.locator("li").allInnerTexts();
    expect(items[0]).toContain("2022-03-07");
    expect(items[0]).toContain("Trudeau's remarks alongside his British and Dutch counterparts");
    expect(items.some((t) => t.includes("Justin Trudeau VISITED Latvia"))).toBe(true);
    await strip.getByRole("button", { name: /Trudeau's remarks/ }).click();
    await poll(() => page.locator("#details-heading").textContent()).toBe(
      "Trudeau's remarks alongside his British and Dutch counterparts",
    );
    await idle(page);
    expect((await probe(page)).nodes.find((n) => n.chosen)?.kind).toBe("Event");
    expect(problems).toEqual([]);
  });

  it("the URL holds the view: a link reopens the same entities, relations, selection and path", async () => {
    const page = await latviaExpanded();
    await clickEdge(page, "latvia|HOSTS|operation-reassurance");
    await poll(() => page.locator("#details-heading").textContent()).toBe("HOSTS");
    const before = await probe(page);
    const link = new URL(page.url());
    expect(link.pathname).toBe("/explorer");
    expect(link.searchParams.get("x")).toBe("latvia");

    const again = await open(`${link.pathname}${link.search}`);
    await poll(() => again.page.locator("#details-heading").textContent()).toBe("HOSTS");
    const after = await probe(again.page);
    expect(after.nodes.map((n) => n.key).sort()).toEqual(before.nodes.map((n) => n.key).sort());
    expect(after.edges.map((e) => e.id).sort()).toEqual(before.edges.map((e) => e.id).sort());
    expect(after.edges.find((e) => e.chosen)?.id).toBe("latvia|HOSTS|operation-reassurance");
    expect(await again.page.locator("#details .evidence blockquote").textContent()).toBe(EVIDENCE);

    // A path in the link comes back highlighted, with its steps.
    const withPath = await open("/explorer?from=justin-trudeau&to=latvia&node=latvia");
    await poll(() => withPath.page.locator("#path-result h2").textContent()).toBe(
      "Path: Justin Trudeau → Latvia",
    );
    expect((await probe(withPath.page)).edges.filter((e) => e.onPath).map((e) => e.id)).toEqual([
      "justin-trudeau|VISITED|latvia",
    ]);
    expect(await withPath.page.locator("#details-heading").textContent()).toBe("Latvia");
    for (const w of opened.slice(-3)) expect(w.problems).toEqual([]);
  });

  it("works with the keyboard alone: search, expansion, a relation's evidence, moving the selection", async () => {
    const { page, problems } = await open();
    const focused = () => page.evaluate<string>("document.activeElement?.id ?? ''");
    const focusedText = () => page.evaluate<string>("document.activeElement?.textContent ?? ''");
    // The skip link comes first, then the search box.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("search");
    await page.keyboard.type("latvia");
    await poll(() => page.getByRole("option").count()).toBeGreaterThan(1);
    await page.keyboard.press("ArrowDown");
    expect(
      await page.getByRole("combobox", { name: "Search" }).getAttribute("aria-activedescendant"),
    ).toBe("search-results-0");
    await page.keyboard.press("Enter");
    await poll(() => keys(page)).toEqual(["latvia"]);
    await idle(page);

    // On to the canvas; Enter expands the selected node.
    // Past the path form, the header links and the view controls above the canvas.
    for (let i = 0; i < 20 && (await focused()) !== "cy"; i++) await page.keyboard.press("Tab");
    expect(await focused()).toBe("cy");
    await page.keyboard.press("Enter");
    await poll(() => keys(page)).toContain("operation-reassurance");
    await idle(page);

    // On into the panel, to one of Latvia's relations; Enter shows its evidence.
    const wanted = "Operation Reassurance DEPLOYED_TO Latvia";
    for (let i = 0; i < 30 && (await focusedText()) !== wanted; i++)
      await page.keyboard.press("Tab");
    expect(await focusedText()).toBe(wanted);
    await page.keyboard.press("Enter");
    await poll(() => page.locator("#details-heading").textContent()).toBe("DEPLOYED_TO");
    expect(await page.locator("#details .evidence blockquote").textContent()).toBe(EVIDENCE);
    // The focus stays in the panel, on what was just selected.
    expect(await focused()).toBe("details-heading");

    // Back to the canvas: the arrow keys move the selection from node to node, Escape clears it.
    for (let i = 0; i < 30 && (await focused()) !== "cy"; i++)
      await page.keyboard.press("Shift+Tab");
    expect(await focused()).toBe("cy");
    const chosen = async () => (await probe(page)).nodes.find((n) => n.chosen)?.key;
    const seen = new Set<string | undefined>();
    for (const key of ["ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp", "ArrowRight"]) {
      await page.keyboard.press(key);
      seen.add(await chosen());
    }
    seen.delete(undefined);
    expect(seen.size).toBeGreaterThan(1);
    await page.keyboard.press("Escape");
    expect(await page.locator("#details-heading").textContent()).toBe("Nothing selected");
    expect(problems).toEqual([]);
  });

  it("takes the screenshot for the README", async () => {
    // Latvia and Operation Reassurance expanded, the relation between them selected.
    const page = await latviaExpanded();
    await expandByClick(page, "operation-reassurance", "canada");
    await clickEdge(page, "operation-reassurance|DEPLOYED_TO|latvia");
    await poll(() => page.locator("#details-heading").textContent()).toBe("DEPLOYED_TO");
    await poll(() => page.locator("#timeline li").count()).toBeGreaterThan(0);
    const file = join(ARTIFACTS, "explorer.png");
    await page.screenshot({ path: file });
    // The committed copy changes only when asked for, not on every run.
    if (process.env.UPDATE_SCREENSHOTS) {
      await mkdir(join(ROOT, "docs"), { recursive: true });
      await copyFile(file, join(ROOT, "docs", "explorer.png"));
    }
    expect(opened.at(-1)?.problems).toEqual([]);
  });
});
