/**
 * The explorer readable at 100 nodes (issue 26, item 3), in a real browser against the real
 * server and Neo4j, at a phone's width, a small laptop's (1024 x 700) and a desktop's: labels
 * never pile up, the controls, status and legend sit off the canvas, zoom / fit / filters /
 * export work, and path mode shows the entity chosen, its problems beside the form and a label
 * on every step. The 100-node neighbourhood is written through GraphQL, with a write token.
 */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken, type TokenEntry } from "../../src/auth/tokens.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { createClient, removeByPrefix, testDb } from "../helpers/client.js";
import { startServer } from "../helpers/server.js";
import { ARTIFACTS, buildExplorer, launch, openPage, type Watched } from "./browser.js";

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
interface Drawn {
  x: number;
  y: number;
  chosen: boolean;
  onPath: boolean;
  shown: boolean;
  labelShown: boolean;
  label: Box | null;
}
interface Probe {
  zoom: number;
  nodes: (Drawn & { key: string; name: string; kind: string; body: Box })[];
  edges: (Drawn & { id: string; type: string; from: string; to: string })[];
}

const P = "xq-";
const HUB = `${P}hub`;
const writer = generateToken();
const db = testDb();
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const opened: Watched[] = [];

/**
 * A hub nation with 99 neighbours of five kinds (100 entities), and cross links between them,
 * about 180 relations in all, each with its sentence: one ingested document.
 */
function neighbourhoodDocument() {
  const sentences: string[] = [];
  const entities: object[] = [{ key: HUB, kind: "Nation", name: "Republic of Hubland" }];
  const relations: object[] = [];
  const say = (from: string, type: string, to: string, text: string) => {
    sentences.push(text);
    relations.push({ from, type, to, evidence: text });
  };
  const family = (kind: string, n: number, name: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => {
      const key = `${P}${kind.toLowerCase()}-${i + 1}`;
      entities.push({ key, kind, name: name(i + 1) });
      return key;
    });
  const people = family("Person", 30, (i) => `Minister Person Number ${i}`);
  const orgs = family("Organization", 20, (i) => `Alliance Organisation ${i}`);
  const places = family("Place", 20, (i) => `Military Base Place ${i}`);
  const missions = family("Mission", 15, (i) => `Operation Fixture ${i}`);
  const events = family("Event", 14, (i) => `Summit Event ${i}`);
  people.forEach((p, i) => {
    say(p, "VISITED", HUB, `Minister Person Number ${i + 1} visited Hubland.`);
    const org = orgs[i % orgs.length] as string;
    say(
      p,
      "SERVES_IN",
      org,
      `Minister Person Number ${i + 1} serves in Organisation ${(i % 20) + 1}.`,
    );
  });
  orgs.forEach((o, i) => {
    say(HUB, "MEMBER_OF", o, `Hubland is a member of Alliance Organisation ${i + 1}.`);
  });
  places.forEach((p, i) => {
    say(p, "LOCATED_IN", HUB, `Military Base Place ${i + 1} lies in Hubland.`);
  });
  missions.forEach((m, i) => {
    say(m, "DEPLOYED_TO", HUB, `Operation Fixture ${i + 1} is deployed to Hubland.`);
    const place = places[i] as string;
    say(place, "HOSTS", m, `Military Base Place ${i + 1} hosts Operation Fixture ${i + 1}.`);
  });
  events.forEach((e, i) => {
    say(HUB, "PARTICIPATED_IN", e, `Hubland took part in Summit Event ${i + 1}.`);
    const person = people[i] as string;
    say(
      person,
      "PARTICIPATED_IN",
      e,
      `Minister Person Number ${i + 1} attended Summit Event ${i + 1}.`,
    );
  });
  return {
    source: {
      key: `${P}source`,
      name: "Hubland fixture",
      properties: { text: sentences.join("\n") },
    },
    entities,
    relations,
  };
}

const KEYS = neighbourhoodDocument().entities.map((e) => (e as { key: string }).key);

beforeAll(async () => {
  await removeByPrefix(db, P);
  const tokens: TokenEntry[] = [
    { name: "explorer-views", sha256: writer.sha256, scopes: ["read", "write"] },
  ];
  // One document of 100 entities and 180 relations: on a machine shared with other work, more
  // than the default ten seconds a request may take.
  const { gql } = createClient(db, {
    tokens,
    limits: { ...DEFAULT_LIMITS, requestTimeoutMs: 120_000, queryTimeoutMs: 120_000 },
  });
  const started = Date.now();
  const written = await gql(
    `mutation Seed($d: JSONObject!) {
      ingestDocument(document: $d) {
        __typename
        ... on ValidationError { problems { path message } }
      }
    }`,
    { d: neighbourhoodDocument() },
    `Bearer ${writer.token}`,
  );
  expect(written.errors).toBeUndefined();
  expect(written.data?.ingestDocument).toEqual({ __typename: "IngestDocumentSuccess" });
  console.log(`seeded in ${Date.now() - started} ms`);
  await buildExplorer();
  server = await startServer(db, { tokens });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeByPrefix(db, P);
  await db.driver.close();
});

function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 30_000, interval: 150 });
}

async function open(path: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const watched = await openPage(browser);
  opened.push(watched);
  await watched.page.setViewportSize(viewport);
  await watched.page.goto(`${server.url}${path}`);
  await idle(watched.page);
  return watched.page;
}

async function idle(page: Page): Promise<void> {
  await page.locator('#graph[aria-busy="false"]').waitFor({ timeout: 60_000 });
}

function probe(page: Page): Promise<Probe> {
  return page.evaluate(() =>
    (globalThis as unknown as { explorer: { probe(): Probe } }).explorer.probe(),
  );
}

/**
 * The drawing once labels are settled (decluttering runs on the frame after a change, and once
 * more after a zoom that resizes the labels).
 */
async function settled(page: Page): Promise<Probe> {
  await idle(page);
  await page.evaluate(
    () =>
      new Promise((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done))),
      ),
  );
  return probe(page);
}

const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * Every pair of labels drawn that overlap, and every label drawn over a node not its own, except
 * the selected node's and the hovered one's: those are drawn in any case, on a ground of their
 * own, even where 99 neighbours crowd round.
 */
function collisions(drawn: Probe, hovered?: string): string[] {
  const labels = [
    ...drawn.nodes.map((n) => ({ id: n.key, own: [n.key], shown: n.labelShown, box: n.label })),
    ...drawn.edges.map((e) => ({
      id: e.id,
      own: [e.from, e.to],
      shown: e.labelShown,
      box: e.label,
    })),
  ].filter((l): l is typeof l & { box: Box } => l.shown && l.box !== null);
  const found: string[] = [];
  const drawnAnyway = (id: string) =>
    Boolean(drawn.nodes.find((n) => n.key === id)?.chosen) || id === hovered;
  labels.forEach((a, i) => {
    // Two labels drawn in any case (the selected node's and the hovered one's) may meet when the
    // two nodes are neighbours; every other label gives way to them.
    for (const b of labels.slice(i + 1))
      if (overlap(a.box, b.box) && !(drawnAnyway(a.id) && drawnAnyway(b.id)))
        found.push(`${a.id} / ${b.id}`);
    const always = drawnAnyway(a.id);
    for (const n of drawn.nodes)
      if (!always && n.shown && !a.own.includes(n.key) && overlap(a.box, n.body))
        found.push(`${a.id} on ${n.key}`);
  });
  return found;
}

async function box(page: Page, selector: string) {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} is not displayed`);
  return { x1: b.x, y1: b.y, x2: b.x + b.width, y2: b.y + b.height };
}

const WIDTHS = [
  { name: "390", viewport: { width: 390, height: 844 } },
  { name: "1024x700", viewport: { width: 1024, height: 700 } },
  { name: "1440", viewport: { width: 1440, height: 900 } },
];

/** Waits for the 100 entities (saying what the page said, if they do not come). */
async function allDrawn(page: Page): Promise<void> {
  try {
    await poll(async () => (await probe(page)).nodes.length).toBe(100);
  } catch (error) {
    const status = await page.locator("#status").textContent();
    throw new Error(`not drawn; status: ${status}; problems: ${opened.at(-1)?.problems}`, {
      cause: error,
    });
  }
}

const HUNDRED = `/explorer?e=${KEYS.join(",")}&node=${HUB}`;

describe("the explorer with 100 entities", () => {
  for (const { name, viewport } of WIDTHS)
    it(`at ${name}: no two labels drawn overlap, none covers a node, and the controls, status and legend are off the canvas`, async () => {
      const page = await open(HUNDRED, viewport);
      await allDrawn(page);
      const drawn = await settled(page);
      expect(drawn.edges.length).toBeGreaterThan(150);
      expect(collisions(drawn)).toEqual([]);
      // The hub is selected: its label is drawn, and others where they fit.
      expect(drawn.nodes.find((n) => n.key === HUB)?.labelShown).toBe(true);
      // How many fit depends on the force layout, which is not the same twice: at least two more.
      expect(drawn.nodes.filter((n) => n.labelShown).length).toBeGreaterThanOrEqual(3);

      const canvas = await box(page, "#cy");
      // Not a thin strip, even on a phone.
      expect(canvas.y2 - canvas.y1).toBeGreaterThan(Math.min(400, viewport.height * 0.45));
      expect(canvas.x2 - canvas.x1).toBeGreaterThan(viewport.width * 0.55);
      for (const selector of [
        "#zoom-in",
        "#zoom-out",
        "#fit",
        "#filter-toggle",
        "#export-png",
        "#export-svg",
        "#export-json",
        "#status",
        "#legend",
      ]) {
        expect(await page.locator(selector).isVisible(), selector).toBe(true);
        expect(overlap(await box(page, selector), canvas), `${selector} is over the canvas`).toBe(
          false,
        );
      }
      expect(await page.locator("#status").textContent()).not.toBe("");
      // Nothing runs off the side of the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await page.screenshot({ path: join(ARTIFACTS, `explorer-100-${name}.png`) });
      expect(opened.at(-1)?.problems).toEqual([]);
    });

  it("hovering a node whose label was left out shows it; zoom in shows more labels, still apart; fit brings everything back", async () => {
    const page = await open(HUNDRED, { width: 1024, height: 700 });
    await allDrawn(page);
    const before = await settled(page);
    const quiet = before.nodes.find((n) => !n.labelShown && n.x > 20 && n.y > 20);
    if (!quiet) throw new Error("every label fits: the test needs a crowded canvas");
    const cy = await box(page, "#cy");
    await page.mouse.move(cy.x1 + quiet.x, cy.y1 + quiet.y);
    await poll(
      async () => (await probe(page)).nodes.find((n) => n.key === quiet.key)?.labelShown,
    ).toBe(true);
    expect(collisions(await settled(page), quiet.key)).toEqual([]);
    await page.mouse.move(cy.x1 + 2, cy.y1 + 2);

    const shownAt = (p: Probe) => p.nodes.filter((n) => n.labelShown).length;
    await page.getByRole("button", { name: "Zoom in" }).click();
    await page.getByRole("button", { name: "Zoom in" }).click();
    const zoomed = await settled(page);
    expect(zoomed.zoom).toBeGreaterThan(before.zoom * 1.4);
    expect(collisions(zoomed)).toEqual([]);
    // The nodes well inside the zoomed view: closer together before, more of them labelled now.
    const w = cy.x2 - cy.x1;
    const hgt = cy.y2 - cy.y1;
    const inView = new Set(
      zoomed.nodes
        .filter((n) => n.x >= 0.1 * w && n.x <= 0.9 * w && n.y >= 0.1 * hgt && n.y <= 0.9 * hgt)
        .map((n) => n.key),
    );
    const labelled = (p: Probe) => p.nodes.filter((n) => inView.has(n.key) && n.labelShown).length;
    // Zooming in keeps the nodes in view about as labelled as before. Not "never fewer": labels
    // are placed greedily by rank, so one that now fits can take the room of a lower-ranked one
    // that fitted only because the first did not (CI saw 12 before and 10 after once, and 6 after
    // once on a loaded machine; the force layout is not the same twice). Zooming in must not
    // leave the view bare, though: at least half as many.
    expect(labelled(zoomed)).toBeGreaterThan(0);
    expect(labelled(zoomed)).toBeGreaterThanOrEqual(Math.floor(labelled(before) * 0.5));

    await page.getByRole("button", { name: "Fit" }).click();
    // Fit animates: every node is in view once it ends (a clean CI once read one just outside).
    const inside = (p: Probe) =>
      p.nodes.every((n) => n.x >= 0 && n.y >= 0 && n.x <= cy.x2 - cy.x1 && n.y <= cy.y2 - cy.y1);
    await poll(async () => inside(await settled(page))).toBe(true);
    const fitted = await settled(page);
    expect(inside(fitted)).toBe(true);
    expect(shownAt(fitted)).toBeGreaterThan(0);
    expect(opened.at(-1)?.problems).toEqual([]);
  });

  it("filters by kind and by relation type change what is drawn", async () => {
    const page = await open(HUNDRED, { width: 1440, height: 900 });
    await allDrawn(page);
    await page.getByRole("button", { name: "Filter" }).click();
    const people = page.getByRole("checkbox", { name: /Person/ });
    expect(await people.isChecked()).toBe(true);
    await people.uncheck();
    let drawn = await settled(page);
    expect(drawn.nodes.filter((n) => n.kind === "Person").every((n) => !n.shown)).toBe(true);
    expect(drawn.nodes.filter((n) => n.shown)).toHaveLength(70);
    // Relations of a hidden entity go with it.
    expect(drawn.edges.filter((e) => e.type === "VISITED").every((e) => !e.shown)).toBe(true);
    await page.getByRole("checkbox", { name: /LOCATED_IN/ }).uncheck();
    drawn = await settled(page);
    expect(drawn.edges.filter((e) => e.type === "LOCATED_IN").every((e) => !e.shown)).toBe(true);
    expect(drawn.edges.filter((e) => e.type === "HOSTS").every((e) => e.shown)).toBe(true);
    expect(await page.locator("#status").textContent()).toMatch(/Shown: 70 entities/);
    expect(collisions(drawn)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "explorer-filtered.png") });
    await people.check();
    drawn = await settled(page);
    expect(drawn.nodes.filter((n) => n.shown)).toHaveLength(100);
    expect(opened.at(-1)?.problems).toEqual([]);
  });

  it("the filters are in the URL: the link, reloaded or opened afresh, shows the same filters", async () => {
    const page = await open(HUNDRED, { width: 1440, height: 900 });
    await allDrawn(page);
    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByRole("checkbox", { name: /Person/ }).uncheck();
    await page.getByRole("checkbox", { name: /LOCATED_IN/ }).uncheck();
    await poll(() => new URL(page.url()).searchParams.get("hide")).toBe("Person");
    await poll(() => new URL(page.url()).searchParams.get("hiderel")).toBe("LOCATED_IN");
    const link = page.url();
    // The selection and the entities stay in the link beside the filters.
    expect(new URL(link).searchParams.get("node")).toBe(HUB);

    const sameFilters = async (p: Page) => {
      await allDrawn(p);
      const drawn = await settled(p);
      expect(drawn.nodes.filter((n) => n.shown)).toHaveLength(70);
      expect(drawn.nodes.filter((n) => n.kind === "Person").every((n) => !n.shown)).toBe(true);
      expect(drawn.edges.filter((e) => e.type === "LOCATED_IN").every((e) => !e.shown)).toBe(true);
      expect(drawn.edges.filter((e) => e.type === "HOSTS").every((e) => e.shown)).toBe(true);
      // The filters are open, so the reader sees what is left out and can bring it back.
      expect(await p.getByRole("button", { name: "Filter" }).getAttribute("aria-expanded")).toBe(
        "true",
      );
      expect(await p.getByRole("checkbox", { name: /Person/ }).isChecked()).toBe(false);
      expect(await p.getByRole("checkbox", { name: /LOCATED_IN/ }).isChecked()).toBe(false);
      expect(await p.getByRole("checkbox", { name: /Mission/ }).isChecked()).toBe(true);
      expect(await p.getByRole("checkbox", { name: /HOSTS/ }).isChecked()).toBe(true);
      expect(new URL(p.url()).searchParams.get("hide")).toBe("Person");
      expect(new URL(p.url()).searchParams.get("hiderel")).toBe("LOCATED_IN");
    };
    await page.reload();
    await idle(page);
    await sameFilters(page);
    // Shared: another reader opens the link in a fresh browser context.
    const other = await open(new URL(link).pathname + new URL(link).search, {
      width: 1024,
      height: 700,
    });
    await sameFilters(other);
    // Bringing a kind back takes it out of the link.
    await other.getByRole("checkbox", { name: /Person/ }).check();
    await poll(() => new URL(other.url()).searchParams.get("hide")).toBeNull();
    expect(new URL(other.url()).searchParams.get("hiderel")).toBe("LOCATED_IN");
    // The reload itself cuts off what the page had in flight then (net::ERR_ABORTED): no problem.
    expect(opened.at(-2)?.problems.filter((p) => !p.endsWith("net::ERR_ABORTED"))).toEqual([]);
    expect(opened.at(-1)?.problems).toEqual([]);
  });

  it("exports the view as a PNG picture and as JSON (what is shown, after filters)", async () => {
    const page = await open(HUNDRED, { width: 1440, height: 900 });
    await allDrawn(page);
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "PNG" }).click(),
    ]);
    expect(png.suggestedFilename()).toBe("allies-graph.png");
    const file = join(ARTIFACTS, "explorer-export.png");
    await png.saveAs(file);
    const { readFile } = await import("node:fs/promises");
    const bytes = await readFile(file);
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(bytes.length).toBeGreaterThan(20_000);

    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByRole("checkbox", { name: /Event/ }).uncheck();
    const [json] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "JSON" }).click(),
    ]);
    expect(json.suggestedFilename()).toBe("allies-graph.json");
    const path = join(ARTIFACTS, "explorer-export.json");
    await json.saveAs(path);
    const view = JSON.parse(await readFile(path, "utf8")) as {
      entities: { key: string; kind: string }[];
      relations: { id: string; type: string; evidence: { excerpt: string }[] }[];
      filteredOut: { kinds: string[] };
    };
    expect(view.entities).toHaveLength(86);
    expect(view.entities.some((e) => e.kind === "Event")).toBe(false);
    expect(view.filteredOut.kinds).toEqual(["Event"]);
    expect(
      view.relations.find((r) => r.id === `${P}person-1|VISITED|${HUB}`)?.evidence[0]?.excerpt,
    ).toBe("Minister Person Number 1 visited Hubland.");
    expect(view.relations.some((r) => r.type === "PARTICIPATED_IN")).toBe(false);
    expect(opened.at(-1)?.problems).toEqual([]);
  });
  it("exports the view as SVG: one element per node and relation shown, and the labels drawn on screen", async () => {
    const page = await open(HUNDRED, { width: 1440, height: 900 });
    await allDrawn(page);
    // What a filter hides is not in the picture either.
    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByRole("checkbox", { name: /Event/ }).uncheck();
    const before = await settled(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "SVG" }).click(),
    ]);
    const drawn = await settled(page);
    expect(download.suggestedFilename()).toBe("allies-graph.svg");
    const file = join(ARTIFACTS, "explorer-export.svg");
    await download.saveAs(file);
    const { readFile, writeFile } = await import("node:fs/promises");
    const text = await readFile(file, "utf8");
    // Read back as a browser reads an SVG file: it parses, and says what it holds.
    const svg = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, "image/svg+xml");
      const label = (g: Element) => g.querySelector("text.label")?.textContent ?? null;
      return {
        error: doc.querySelector("parsererror")?.textContent ?? null,
        root: doc.documentElement.localName,
        nodes: [...doc.querySelectorAll("g.node")].map((g) => ({
          key: g.getAttribute("data-key"),
          shape: g.querySelector("ellipse, rect, polygon")?.getAttribute("fill") ?? null,
          label: label(g),
        })),
        edges: [...doc.querySelectorAll("g.edge")].map((g) => ({
          id: g.getAttribute("data-id"),
          arrow: g.querySelector("polygon.arrow") !== null,
          label: label(g),
        })),
      };
    }, text);
    expect(svg.error).toBeNull();
    expect(svg.root).toBe("svg");
    // The labels in the picture are ones drawn on screen. Compared with the probes before and
    // after the click: the force layout can still move a node in between and change which labels
    // fit (CI saw two labels differ once), so the picture is checked against both.
    const labelled = (p: Probe) => [
      ...p.nodes.filter((n) => n.labelShown).map((n) => n.key),
      ...p.edges.filter((e) => e.labelShown).map((e) => e.id),
    ];
    const onScreen = new Set([...labelled(before), ...labelled(drawn)]);

    const shownNodes = drawn.nodes.filter((n) => n.shown);
    const shownEdges = drawn.edges.filter((e) => e.shown);
    expect(shownNodes.some((n) => n.kind === "Event")).toBe(false);
    expect(svg.nodes.map((n) => n.key).sort()).toEqual(shownNodes.map((n) => n.key).sort());
    expect(svg.edges.map((e) => e.id).sort()).toEqual(shownEdges.map((e) => e.id).sort());
    expect(svg.nodes.every((n) => n.shape !== null)).toBe(true);
    expect(svg.edges.every((e) => e.arrow)).toBe(true);
    // The labels drawn on screen, each with its text (cut with "…" where the canvas cuts it).
    const names = new Map(drawn.nodes.map((n) => [n.key, n.name]));
    const types = new Map(drawn.edges.map((e) => [e.id, e.type]));
    const inPicture = [
      ...svg.nodes.filter((n) => n.label !== null).map((n) => n.key as string),
      ...svg.edges.filter((e) => e.label !== null).map((e) => e.id as string),
    ];
    expect(inPicture.filter((k) => !onScreen.has(k))).toEqual([]);
    expect(inPicture.length).toBeGreaterThanOrEqual(
      Math.min(labelled(before).length, labelled(drawn).length) - 3,
    );
    for (const n of svg.nodes.filter((n) => n.label !== null)) {
      const name = names.get(n.key as string) as string;
      const label = n.label as string;
      expect(
        label === name || (label.endsWith("…") && name.startsWith(label.slice(0, -1))),
        label,
      ).toBe(true);
    }
    for (const e of svg.edges.filter((e) => e.label !== null))
      expect(e.label).toBe(types.get(e.id as string));
    // The hub is selected: its label is always drawn, so the picture has it too.
    expect(svg.nodes.find((n) => n.key === HUB)?.label).toBe("Republic of Hubland");

    // A picture of the file, to look at beside the screenshot.
    const { Resvg } = await import("@resvg/resvg-js");
    const picture = new Resvg(text, { fitTo: { mode: "width", value: 1600 } }).render().asPng();
    await writeFile(join(ARTIFACTS, "explorer-export-svg.png"), picture);
    await page.screenshot({ path: join(ARTIFACTS, "explorer-export-svg-screen.png") });
    expect(opened.at(-1)?.problems).toEqual([]);
  });
});

describe("path mode", () => {
  it("shows the entity chosen in each field, its problems beside the form, every step drawn and labelled, and other paths to choose", async () => {
    const page = await open("/explorer", { width: 1024, height: 700 });
    const from = page.getByRole("combobox", { name: "From" });
    await from.fill("minister person number 7");
    await poll(() => page.getByRole("option").count()).toBeGreaterThan(0);
    await from.press("Enter");
    await poll(() => from.inputValue()).toBe("Minister Person Number 7");
    // Asked for with one end only: said beside the form, not at the far end of the page.
    await page.getByRole("button", { name: "Show path" }).click();
    const problem = page.locator("#path-error");
    await poll(() => problem.textContent()).toBe(
      "Pick both ends of the path from the suggestions first.",
    );
    const form = await box(page, "#path-form");
    expect(overlap(await box(page, "#path-error"), form)).toBe(true);

    const to = page.getByRole("combobox", { name: "To" });
    await to.fill("alliance organisation 3");
    await poll(() => page.getByRole("option").count()).toBeGreaterThan(0);
    await to.press("Enter");
    await poll(() => to.inputValue()).toBe("Alliance Organisation 3");
    const panel = page.locator("#path-result");
    await poll(() => panel.locator("h2").textContent()).toBe(
      "Path: Minister Person Number 7 → Alliance Organisation 3",
    );
    await idle(page);
    expect(await problem.textContent()).toBe("");
    expect(await panel.textContent()).toContain("A shortest path: 2 steps.");
    const steps = await panel.locator("ol.steps > li .step").allTextContents();
    expect(steps).toEqual([
      "Minister Person Number 7 VISITED Republic of Hubland",
      "Republic of Hubland MEMBER_OF Alliance Organisation 3",
    ]);
    let drawn = await settled(page);
    const onPath = drawn.edges.filter((e) => e.onPath);
    expect(onPath.map((e) => e.id).sort()).toEqual([
      `${HUB}|MEMBER_OF|${P}organization-3`,
      `${P}person-7|VISITED|${HUB}`,
    ]);
    // Each step carries its label on the canvas, the second as much as the first.
    expect(onPath.map((e) => e.labelShown)).toEqual([true, true]);
    expect(collisions(drawn).filter((c) => onPath.some((e) => c.startsWith(e.id)))).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "explorer-path-steps.png") });

    // The other paths found (the `paths` query), one click away.
    const others = panel.locator("ol.alternatives button");
    await poll(() => others.count()).toBeGreaterThan(1);
    expect(await others.first().getAttribute("aria-pressed")).toBe("true");
    await others.nth(1).click();
    expect(await others.nth(1).getAttribute("aria-pressed")).toBe("true");
    expect(await panel.textContent()).toMatch(/Path 2: \d steps\./);
    drawn = await settled(page);
    const second = drawn.edges.filter((e) => e.onPath);
    expect(second.map((e) => e.id).sort()).not.toEqual(onPath.map((e) => e.id).sort());
    expect(second.every((e) => e.labelShown)).toBe(true);
    expect(opened.at(-1)?.problems).toEqual([]);
  });

  it("says beside the form when there is no path", async () => {
    const page = await open("/explorer", { width: 1440, height: 900 });
    const from = page.getByRole("combobox", { name: "From" });
    await from.fill("Summit Event 14");
    await poll(() => page.getByRole("option").count()).toBeGreaterThan(0);
    await from.press("Enter");
    const to = page.getByRole("combobox", { name: "To" });
    await to.fill("Justin Trudeau");
    await poll(() => page.getByRole("option").count()).toBeGreaterThan(0);
    await to.press("Enter");
    await poll(() => page.locator("#path-error").textContent()).toMatch(
      /^No path from Summit Event 14 to Justin Trudeau within 4 hops\.$/,
    );
    expect(opened.at(-1)?.problems).toEqual([]);
  });
});
