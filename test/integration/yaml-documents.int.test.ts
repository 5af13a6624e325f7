/**
 * Documents written by hand in YAML, as `npm run ingest -- --check` reads them: what a person
 * naturally types (a bare year) gets a message that says how to write it, and hostile YAML (an
 * alias bomb, duplicate keys, nesting thousands deep, a binary tag, a merge of something not a
 * map) is a one-line "cannot read" or "invalid" per file with exit code 1, never a stack trace,
 * and nothing written. Merge keys (`<<: *base`) are merged, as YAML 1.1 readers expect.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { cypher, removeByPrefix, testDb } from "../helpers/client.js";

const db = testDb();
const P = "yamldoc-";
const dir = mkdtempSync(join(tmpdir(), "allies-yaml-"));

const HEAD = `source:
  key: ${P}source
  name: Hand-written
  properties:
    text: "Ann leads Freedonia."
entities:
  - {key: ${P}ann, kind: Person, name: Ann}
  - {key: ${P}freedonia, kind: Nation, name: Freedonia}
`;

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const check = (path: string) => runCli(["src/cli/ingest.ts", "--check", path]);

beforeAll(() => removeByPrefix(db, P));
afterAll(async () => {
  await removeByPrefix(db, P);
  await db.driver.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a hand-written YAML document", () => {
  it("with a bare year is told to quote it, at the property's path", async () => {
    const path = file(
      "year.yaml",
      `${HEAD}relations:
  - {from: ${P}ann, type: LEADS, to: ${P}freedonia, properties: {since: 2022}, evidence: Ann leads Freedonia.}
`,
    );
    const r = await check(path);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(
      'relations.0.properties.since: must be an ISO date written as text: "2022" in quotes (in YAML a bare 2022 is a number)',
    );
    // Quoted, the same document passes.
    const quoted = file(
      "quoted.yaml",
      readFileSync(path, "utf8").replace("since: 2022", 'since: "2022"'),
    );
    expect((await check(quoted)).code).toBe(0);
  });

  const aliasBomb = [
    "a: &a [x, x, x, x, x, x, x, x, x]",
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
    "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
    "g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]",
  ].join("\n");
  const hostile: [string, string, RegExp][] = [
    ["bomb.yaml", `${HEAD}${aliasBomb}\n`, /cannot read: Excessive alias count/],
    [
      "duplicate.yaml",
      `${HEAD}relations: []\nrelations: []\n`,
      /cannot read: Map keys must be unique/,
    ],
    ["deep.yaml", `${HEAD}relations: ${"[".repeat(5000)}${"]".repeat(5000)}\n`, /cannot read: /],
    [
      "binary.yaml",
      HEAD.replace("name: Ann}", "name: !!binary QW5u}"),
      /entities\.0\.name: Invalid input: expected string/,
    ],
    [
      "merge-scalar.yaml",
      `${HEAD}  - key: ${P}bo\n    name: Bo\n    <<: Person\n`,
      /cannot read: line 11: a merge key \(<<\) takes a map/,
    ],
  ];

  it.each(hostile)(
    "%s is refused in one line per problem, exit code 1, nothing written",
    async (name, text, says) => {
      const r = await check(file(name, text));
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toMatch(says);
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    },
  );

  it("with merge keys is read as merged: --check passes and the ingest writes the merged entities", async () => {
    // It used to say "entities.2.kind: Invalid discriminator value", `<<` being read as a key.
    const path = file(
      "merge.yaml",
      `${HEAD.replace("  - {key: ", "  - &person {key: ")}  - <<: *person
    key: ${P}bo
    name: Bo
  - <<: [{kind: Nation}, {aliases: [Sylvania]}]
    key: ${P}sylvania
    name: Sylvania
`,
    );
    const checked = await check(path);
    expect(checked.stdout + checked.stderr).not.toMatch(/invalid|cannot read/i);
    expect(checked.code).toBe(0);
    const ingested = await runCli(["src/cli/ingest.ts", path]);
    expect(ingested.code).toBe(0);
    const rows = await cypher(
      db,
      "MATCH (n:Entity) WHERE n.key IN $keys RETURN n.key AS key, n.name AS name, labels(n) AS labels, n.aliases AS aliases ORDER BY key",
      { keys: [`${P}bo`, `${P}sylvania`] },
    );
    expect(
      rows.map((r) => [
        r.key,
        r.name,
        (r.labels as string[]).includes(r.key === `${P}bo` ? "Person" : "Nation"),
      ]),
    ).toEqual([
      [`${P}bo`, "Bo", true],
      [`${P}sylvania`, "Sylvania", true],
    ]);
    expect(rows[1]?.aliases).toEqual(["Sylvania"]);
    await removeByPrefix(db, P);
  });

  it("left nothing in the graph", async () => {
    const [{ n } = { n: -1 }] = await cypher(
      db,
      "MATCH (n:Entity) WHERE n.key STARTS WITH $p RETURN count(n) AS n",
      { p: P },
    );
    expect(Number(n)).toBe(0);
  });
});
