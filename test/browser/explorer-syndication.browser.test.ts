/**
 * The explorer says how many of a relation's sources are independent (README, "Independent
 * sources"): a sentence three outlets printed and one of their own read "4 sources (2
 * independent)" in the relation's panel, in a real browser against the real server.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestDocument } from "../../src/data/ingest.js";
import { removeByPrefix, testDb } from "../helpers/client.js";
import { startServer } from "../helpers/server.js";
import { buildExplorer, launch, openPage } from "./browser.js";

const P = "synb-";
const WIRE = "Southland sent 40 more engineers to Operation Beacon.";
const db = testDb();
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

/** One source's document stating Southland's contribution to the mission with `sentence`. */
const source = (key: string, publishedAt: string, sentence: string) => ({
  source: { key: `${P}${key}`, name: key, properties: { text: sentence, publishedAt } },
  entities: [
    { key: `${P}southland`, kind: "Nation", name: "Southland" },
    { key: `${P}beacon`, kind: "Mission", name: "Operation Beacon" },
  ],
  relations: [
    { from: `${P}southland`, type: "CONTRIBUTES_TO", to: `${P}beacon`, evidence: sentence },
  ],
});

beforeAll(async () => {
  await buildExplorer();
  await removeByPrefix(db, P);
  await ingestDocument(db, { roundTrips: 0 }, source("wire", "2024-07-01", WIRE));
  await ingestDocument(db, { roundTrips: 0 }, source("daily", "2024-07-02", WIRE.toUpperCase()));
  await ingestDocument(db, { roundTrips: 0 }, source("weekly", "2024-07-08", WIRE));
  await ingestDocument(
    db,
    { roundTrips: 0 },
    source("local", "2024-07-03", "Forty Southland engineers left for Operation Beacon today."),
  );
  server = await startServer(db);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeByPrefix(db, P);
  await db.driver.close();
});

describe("the explorer's relation panel", () => {
  it('says "4 sources (2 independent)" when two sources only reprint the first one\'s sentence', async () => {
    const { page, problems } = await openPage(browser);
    const edge = `${P}southland|CONTRIBUTES_TO|${P}beacon`;
    await page.goto(
      `${server.url}/explorer?e=${P}southland,${P}beacon&x=${P}southland&edge=${encodeURIComponent(edge)}`,
    );
    await expect
      .poll(() => page.locator("#details-heading").textContent(), { timeout: 20_000 })
      .toBe("CONTRIBUTES_TO");
    await expect
      .poll(() => page.locator("#details h3").allTextContents(), { timeout: 20_000 })
      .toContain("Evidence: 4 sources (2 independent)");
    expect(problems).toEqual([]);
  });
});
