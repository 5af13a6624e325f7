/**
 * `npm run extract` as a user runs it: a draft on stdout from one article, offline; and
 * `--ingest DIR`, the whole loop against the suite's Neo4j: every article extracted (names linked
 * to the graph's entities), ingested in its own transaction, with a summary; a second run adds
 * nothing, and an article whose metadata is malformed fails alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../helpers/cli.js";
import { cypher, removeByPrefix, testDb } from "../helpers/client.js";

const db = testDb();
const P = "xcli-";
// Names no other test uses: the entities the articles introduce are removed by key afterwards.
const NEW_KEYS = ["ilse-varnhagen", "operation-quillfeather"];
const dir = mkdtempSync(join(tmpdir(), "allies-extract-"));
const bad = mkdtempSync(join(tmpdir(), "allies-extract-bad-"));

const article = (d: string, name: string, text: string, meta: object) => {
  writeFileSync(join(d, `${name}.txt`), text);
  writeFileSync(join(d, `${name}.json`), JSON.stringify(meta));
};
article(
  dir,
  "a",
  "Defence Minister Ilse Varnhagen visited Latvia on Monday.\n\nAbout 300 Canadian Armed Forces members are deployed to Latvia under Operation Quillfeather.\n",
  { key: `${P}a`, title: "Varnhagen in Latvia", publisher: "Test Wire", publishedAt: "2024-05-10" },
);
article(
  dir,
  "b",
  "“We will stay as long as it takes,” Ilse Varnhagen said in Riga on Friday.\n\nOperation Quillfeather is part of NATO's presence in Latvia.\n",
  {
    key: `${P}b`,
    title: "Varnhagen: as long as it takes",
    publisher: "Test Wire",
    publishedAt: "2024-05-18",
  },
);
article(bad, "ok", "Ilse Varnhagen visited Latvia.", { key: `${P}ok` });
article(bad, "broken", "Ilse Varnhagen visited Estonia.", { key: `${P}broken`, publishedAt: 2024 });

async function cleanUp() {
  await removeByPrefix(db, P);
  await cypher(db, "MATCH (n:Entity) WHERE n.key IN $keys DETACH DELETE n", { keys: NEW_KEYS });
}
beforeAll(cleanUp);
afterAll(async () => {
  await cleanUp();
  await db.driver.close();
  for (const d of [dir, bad]) rmSync(d, { recursive: true, force: true });
});

describe("npm run extract", () => {
  it("writes a draft for one article, offline, with its metadata from the sidecar", async () => {
    const r = await runCli(["src/cli/extract.ts", join(dir, "a.txt")]);
    expect(r.code).toBe(0);
    const draft = parse(r.stdout);
    expect(draft.source).toMatchObject({ key: `${P}a`, properties: { publisher: "Test Wire" } });
    const relation = (type: string) =>
      draft.relations.find((x: { type: string }) => x.type === type);
    expect(relation("VISITED")).toMatchObject({
      from: "ilse-varnhagen",
      to: "latvia",
      properties: { date: "2024-05-06" },
      evidence: "Defence Minister Ilse Varnhagen visited Latvia on Monday.",
    });
    expect(relation("CONTRIBUTES_TO")).toMatchObject({
      from: "canadian-armed-forces",
      to: "operation-quillfeather",
      properties: { troops: 300, asOf: "2024-05" },
    });
  }, 60_000);

  it("--ingest DIR extracts, links and ingests every article, then a second run adds nothing", async () => {
    const first = await runCli(["src/cli/extract.ts", "--ingest", dir]);
    expect(first.stderr).not.toMatch(/Error/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^a\.txt: xcli-a: entities \d+ new, \d+ linked; relations \d+ new/m,
    );
    // the second article names Varnhagen, whom the first put in the graph: linked, not new
    expect(first.stdout).toMatch(/Summary: 2 of 2 articles ingested; entities \d+ new, \d+ linked/);
    const [row] = await cypher(
      db,
      `MATCH (p:Person {key: 'ilse-varnhagen'})-[v:VISITED]->(:Nation {key: 'latvia'})
       MATCH (:Entity {key: 'canadian-armed-forces'})-[c:CONTRIBUTES_TO]->(m:Mission {key: 'operation-quillfeather'})
       RETURN p.name AS name, c.troops AS troops, m.name AS mission`,
    );
    expect(row).toMatchObject({ name: "Ilse Varnhagen", mission: "Operation Quillfeather" });
    expect(Number(row?.troops)).toBe(300);
    const people = await cypher(
      db,
      "MATCH (p:Person) WHERE p.name = 'Ilse Varnhagen' RETURN p.key AS key",
    );
    expect(people).toHaveLength(1);

    const again = await runCli(["src/cli/extract.ts", "--ingest", dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/relations 0 new, 0 corroborated, \d+ unchanged\.\n/);
  }, 180_000);

  it("--ingest reports an article with malformed metadata and ingests the others", async () => {
    const r = await runCli(["src/cli/extract.ts", "--ingest", bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("broken.txt: broken.json: publishedAt must be a string");
    expect(r.stdout).toMatch(
      /Summary: 1 of 2 articles ingested \(1 failed, nothing written for them\)/,
    );
    const [row] = await cypher(db, "MATCH (s:Source) WHERE s.key = $k RETURN count(s) AS n", {
      k: `${P}broken`,
    });
    expect(Number(row?.n)).toBe(0);
  }, 120_000);
});
