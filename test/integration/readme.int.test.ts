/**
 * The README is true (issue 26, item 2): every example in it that shows its answer is run, from
 * the README's own text, against the seeded test database through GraphQL, and the answer must
 * match what the README shows.
 *
 * The convention (also stated in the README): a ```graphql block followed by a ```json block is
 * an example and its answer, the `data` of the response. In the answer,
 * - `"…"` as an array's last element: the array starts with the elements shown (more may follow);
 *   `"… N more"`: exactly N more follow. `"…"` as any other value: any value;
 * - a number matches what rounds to it at the precision shown (search scores are shown rounded);
 * - arrays are compared in order, except those an HTML comment between the two blocks names,
 *   `<!-- unordered: neighbourhood.nodes neighbourhood.edges -->` (dotted paths, no indices),
 *   where the API promises no order;
 * - objects show exactly the fields the operation selects.
 * A mutation is sent with a token of the `admin` scope, as the README tells its reader to make.
 */
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/paths.js";
import { createClient, cypher, testDb } from "../helpers/client.js";

interface Example {
  title: string;
  line: number;
  operation: string;
  answer: unknown;
  unordered: Set<string>;
}

/** The README's examples that show an answer. */
function readmeExamples(text: string): Example[] {
  const pattern =
    /```graphql\n([\s\S]*?)```[ \t]*\n\s*(?:<!--\s*unordered:([^>]*?)-->\s*\n)?\s*```json\n([\s\S]*?)```/g;
  const examples: Example[] = [];
  for (const m of text.matchAll(pattern)) {
    const before = text.slice(0, m.index);
    const line = before.split("\n").length;
    // The nearest bold title above, for the test's name.
    const titles = [...before.matchAll(/\*\*([^*\n]+)\*\*/g)];
    const title = titles.at(-1)?.[1] ?? `line ${line}`;
    examples.push({
      title: `${title} (README line ${line})`,
      line,
      operation: m[1] ?? "",
      answer: JSON.parse(m[3] ?? "null"),
      unordered: new Set((m[2] ?? "").trim().split(/\s+/).filter(Boolean)),
    });
  }
  return examples;
}

const ELIDED = /^…(?: (\d+) more)?$/;

/** Where `actual` differs from what the README shows (empty: it matches). */
function differences(
  shown: unknown,
  actual: unknown,
  path: string,
  unordered: ReadonlySet<string>,
): string[] {
  const at = path || "(data)";
  if (shown === "…") return [];
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return [`${at}: expected a list, got ${JSON.stringify(actual)}`];
    const last = shown.at(-1);
    const marker = typeof last === "string" ? ELIDED.exec(last) : null;
    const items = marker ? shown.slice(0, -1) : shown;
    const more = marker ? (marker[1] === undefined ? null : Number(marker[1])) : 0;
    if (more === null ? actual.length < items.length : actual.length !== items.length + more)
      return [
        `${at}: ${actual.length} elements, the README shows ${items.length}${more === null ? " or more" : more ? ` and ${more} more` : ""}`,
      ];
    if (unordered.has(path)) {
      const left = [...actual];
      const problems: string[] = [];
      for (const item of items) {
        const i = left.findIndex((a) => differences(item, a, path, unordered).length === 0);
        if (i < 0) problems.push(`${at}: no element matches ${JSON.stringify(item)}`);
        else left.splice(i, 1);
      }
      return problems;
    }
    return items.flatMap((item, i) => differences(item, actual[i], `${path}[${i}]`, unordered));
  }
  if (shown !== null && typeof shown === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual))
      return [`${at}: expected an object, got ${JSON.stringify(actual)}`];
    const a = actual as Record<string, unknown>;
    const s = shown as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(s), ...Object.keys(a)])];
    return keys.flatMap((k) => {
      const sub = `${path.replace(/\[\d+\]/g, "")}${path ? "." : ""}${k}`;
      if (!(k in s)) return [`${sub}: answered but not shown`];
      if (!(k in a)) return [`${sub}: shown but not answered`];
      return differences(s[k], a[k], sub, unordered);
    });
  }
  if (typeof shown === "number" && typeof actual === "number") {
    const decimals = (String(shown).split(".")[1] ?? "").length;
    return Number(actual.toFixed(decimals)) === shown
      ? []
      : [`${at}: ${actual}, the README shows ${shown}`];
  }
  return Object.is(shown, actual)
    ? []
    : [`${at}: ${JSON.stringify(actual)}, the README shows ${JSON.stringify(shown)}`];
}

const README = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");
const examples = readmeExamples(README);

const ADMIN = `agt_${randomBytes(32).toString("base64url")}`;
const WRITE = `agt_${randomBytes(32).toString("base64url")}`;
const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const db = testDb();
const client = createClient(db, {
  tokens: [
    { name: "readme", sha256: hash(ADMIN), scopes: ["admin"] },
    { name: "readme-writer", sha256: hash(WRITE), scopes: ["write"] },
  ],
});

const MADE_BY_EXAMPLES = ["mark-rutte"];
const removeMade = () =>
  cypher(db, "MATCH (n:Entity) WHERE n.key IN $keys DETACH DELETE n", { keys: MADE_BY_EXAMPLES });
beforeAll(removeMade);
afterAll(async () => {
  await removeMade();
  await db.driver.close();
});

describe("the checker catches drift", () => {
  const none = new Set<string>();
  it("in order, by count, by value, by rounding, and by fields", () => {
    expect(differences({ a: [1, 2] }, { a: [2, 1] }, "", none)).not.toEqual([]);
    expect(differences({ a: [1, "… 1 more"] }, { a: [1, 2, 3] }, "", none)).not.toEqual([]);
    expect(differences({ a: [1, "…"] }, { a: [1, 2, 3] }, "", none)).toEqual([]);
    expect(differences({ s: 136.67 }, { s: 136.671 }, "", none)).toEqual([]);
    expect(differences({ s: 136.67 }, { s: 80.3 }, "", none)).not.toEqual([]);
    expect(differences({ s: "…" }, { s: 80.3 }, "", none)).toEqual([]);
    expect(differences({ a: 1 }, { a: 1, b: 2 }, "", none)).not.toEqual([]);
  });
  it("ignores order only where named, and still matches every element shown", () => {
    const unordered = new Set(["x.a"]);
    expect(differences({ x: { a: [1, 2] } }, { x: { a: [2, 1] } }, "", unordered)).toEqual([]);
    expect(differences({ x: { a: [1, 3] } }, { x: { a: [2, 1] } }, "", unordered)).not.toEqual([]);
  });
});

describe("the README's examples and their answers", () => {
  it("finds the examples (a ```graphql block followed by its ```json answer)", () => {
    expect(examples.length).toBeGreaterThanOrEqual(11);
    expect(examples.some((e) => /^\s*mutation\b/.test(e.operation))).toBe(true);
  });

  it("states the convention the test reads", () => {
    expect(README.includes("`<!-- unordered: PATH... -->`")).toBe(true);
  });

  for (const example of examples) {
    it(example.title, async () => {
      const mutation = /^\s*mutation\b/.test(example.operation);
      const r = await client.gql(
        example.operation,
        undefined,
        mutation ? `Bearer ${ADMIN}` : undefined,
      );
      expect(r.errors).toBeUndefined();
      // On a difference, the message carries the whole answer, to correct the README from.
      expect(
        differences(example.answer, r.data, "", example.unordered),
        `the answer: ${JSON.stringify(r.data)}`,
      ).toEqual([]);
    });
  }

  it("the mutation example with a write token: deleteEntity refused, data null (as the README warns)", async () => {
    const example = examples.find((e) => /^\s*mutation\b/.test(e.operation));
    await removeMade();
    const r = await client.gql(example?.operation ?? "", undefined, `Bearer ${WRITE}`);
    expect(r.data).toBeNull();
    expect(r.errors?.map((e) => [e.path?.join("."), e.extensions?.code])).toEqual([
      ["deleteEntity", "FORBIDDEN"],
    ]);
    await removeMade();
  });
});
