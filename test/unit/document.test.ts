import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../src/config.js";
import { toLuceneQuery } from "../../src/cypher/search.js";
import { isPartialDate } from "../../src/domain/document.js";
import { plainNames, plainSpelling } from "../../src/domain/fold.js";
import { repairText } from "../../src/domain/repair.js";
import { validateDocument } from "../../src/domain/validate.js";

const RAW = readFileSync("seed/000_4f2a725f6fafb235.txt", "utf8");
const SEED = parse(readFileSync("seed/000_4f2a725f6fafb235.yaml", "utf8"));

/** A validation's problems as "path: message" lines (none when it passed). */
const problemLines = (result: ReturnType<typeof validateDocument>) =>
  result.ok ? [] : result.problems.map((p) => `${p.path.join(".")}: ${p.message}`);

describe("the article's repair", () => {
  it("restores the damaged closing quotes", () => {
    expect(repairText("time for allies to “step up†defence")).toBe(
      "time for allies to “step up” defence",
    );
    expect(repairText("step up.â€\n\nNext")).toBe("step up.”\n\nNext");
    const repaired = repairText(RAW);
    expect(repaired).not.toMatch(/[†€]|â/);
    expect((repaired.match(/“/g) ?? []).length).toBe((repaired.match(/”/g) ?? []).length);
  });

  it("undoes UTF-8 read as Windows-1252 (drafts18), and touches nothing else", () => {
    // Written for this test, damaged as copied web pages are: "Übergabe", "Großstadt", "’", "“”",
    // a no-break space whose second byte became a space. Names came back as "GroÃŸstadt".
    expect(
      repairText(
        "Der Ãœbergabe-Appell in der GroÃŸstadt Kaunas.Â Die KampfverbÃ¤nde sind da. Itâ€™s â€œdoneâ€\u009d.",
      ),
    ).toBe("Der Übergabe-Appell in der Großstadt Kaunas. Die Kampfverbände sind da. It’s “done”.");
    // Names with these letters, and one such pair alone (it may be meant), stay as written.
    for (const text of ["SÃO PAULO, São Paulo", "Ã© once", "Ålesund, Øystein, Þór"])
      expect(repairText(text)).toBe(text);
  });

  it("leaves real French and German text that merely decodes as UTF-8 as written (redteam18)", () => {
    // A word's last letter before a no-break space and a guillemet, or before a closing quote,
    // is bytes that decode: "arrivé\u00a0»" came back as "arriv頻", "groß“" as "groߓ".
    for (const text of [
      "« Le projet est arrivé\u00a0», a-t-il dit. « Tout est réglé\u00a0», a ajouté le ministre.",
      "„Das Problem ist groß“, sagte er. „Der Schaden ist groß“, fügte sie hinzu.",
      "«CAFÉ» et «THÉ»",
    ])
      expect(repairText(text)).toBe(text);
    // Damage beside them is still undone.
    expect(repairText("„Das ist groß“, sagte er. Itâ€™s GroÃŸ.")).toBe(
      "„Das ist groß“, sagte er. It’s Groß.",
    );
  });

  it("repairs an excerpt as its text was repaired: one damaged quote of two (redteam18)", () => {
    // The text holds two damaged sequences and is repaired; the excerpt quotes one of them, and
    // one alone was left as written, so the excerpt copied from the text was not verbatim in it.
    const text =
      "Ann Moji leads Mojiland, itâ€™s said. The GroÃŸstadt Mojiland is a member of NATO.";
    const result = validateDocument({
      source: { key: "moji-src", name: "An article", properties: { text } },
      entities: [
        { key: "moji-ann", kind: "Person", name: "Ann Moji" },
        { key: "moji-land", kind: "Nation", name: "Mojiland" },
      ],
      relations: [
        {
          from: "moji-ann",
          type: "LEADS",
          to: "moji-land",
          evidence: "Ann Moji leads Mojiland, itâ€™s said.",
        },
      ],
    });
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (result.ok) {
      expect(result.document.source.properties.text).toContain("it’s said. The Großstadt");
      expect(result.document.relations[0]?.evidence).toBe("Ann Moji leads Mojiland, it’s said.");
    }
    // One "â€™" alone is "’" (the quote repair made "” ™" of it).
    expect(repairText("itâ€™s said")).toBe("it’s said");
    // An excerpt of a text left as written stays as written.
    const once = "Ann Moji leads Mojiland, CafÃ© said.";
    const alone = validateDocument({
      source: { key: "moji-src", name: "An article", properties: { text: once } },
      entities: [
        { key: "moji-ann", kind: "Person", name: "Ann Moji" },
        { key: "moji-land", kind: "Nation", name: "Mojiland" },
      ],
      relations: [{ from: "moji-ann", type: "LEADS", to: "moji-land", evidence: once }],
    });
    expect(alone.ok && alone.document.relations[0]?.evidence).toBe(once);
  });

  it("the seed keeps the repaired article as its source text", () => {
    expect(SEED.source.properties.text).toBe(repairText(RAW));
  });

  it("the seed document is valid: kinds, endpoints, and verbatim evidence", () => {
    const result = validateDocument(SEED);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe("document validation", () => {
  const base = {
    source: { key: "src-a", name: "A", properties: { text: "Canada leads. Bob spoke." } },
    entities: [
      { key: "canada", kind: "Nation", name: "Canada", properties: { isoCode: "CAN" } },
      { key: "bob", kind: "Person", name: "Bob" },
    ],
  };

  it("reports every problem with its path, not just the first", () => {
    const result = validateDocument({
      ...base,
      entities: [...base.entities, { key: "Bad Key", kind: "Nation", name: "" }],
      relations: [
        { from: "canada", type: "LEADS", to: "bob", evidence: "Canada leads." },
        { from: "bob", type: "LEADS", to: "canada", evidence: "not in the text" },
      ],
    });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((p) => p.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["entities.2.key", "entities.2.name"]));
  });

  it("says a field left out is required, not that undefined is the wrong type", () => {
    const result = validateDocument({
      source: { key: "src-a", properties: { text: "Canada leads." } },
      entities: [{ key: "canada", kind: "Nation" }],
    });
    const problems = problemLines(result);
    expect(problems).toEqual(
      expect.arrayContaining([
        "source.name: Required: string expected, none given.",
        "entities.0.name: Required: string expected, none given.",
      ]),
    );
    expect(problems.join("\n")).not.toMatch(/received undefined/);
  });

  it("says a key, a name or a list over its bound is too long in the house's words, not zod's", () => {
    // createEntity answered "Too big: expected string to have <=120 characters" (redteam29).
    const long = "k".repeat(121);
    const result = validateDocument({
      source: { key: "src-a", name: "A", properties: { text: "Canada leads." } },
      entities: [
        { key: long, kind: "Nation", name: "Canada" },
        { key: "x", kind: "Nation", name: "N".repeat(501), aliases: Array(51).fill("n") },
      ],
    });
    const problems = problemLines(result);
    expect(problems).toEqual(
      expect.arrayContaining([
        "entities.0.key: must be at most 120 characters",
        "entities.1.name: must be at most 500 characters",
        "entities.1.aliases: must be at most 50 items",
      ]),
    );
    expect(problems.join("\n")).not.toMatch(/Too big|<=/);
  });

  it("bounds text in characters, as the JSON Schema's maxLength: 500 emoji are a name, 501 are not", () => {
    // zod 4.6's string .max counts code points, as maxLength does; String.length would count
    // each emoji twice (noticed31).
    const doc = (n: number) => ({
      source: { key: "src-a", name: "A", properties: { text: "Canada leads." } },
      entities: [{ key: "rockets", kind: "Nation", name: "\u{1F680}".repeat(n) }],
    });
    expect(problemLines(validateDocument(doc(500)))).toEqual([]);
    expect(problemLines(validateDocument(doc(501)))).toEqual([
      "entities.0.name: must be at most 500 characters",
    ]);
  });

  it("says an entity shares the source's key, whatever else is wrong", () => {
    const text = "Canada leads.";
    const doc = (relations: unknown[]) => ({
      source: { key: "canada", name: "A", properties: { text } },
      entities: [{ key: "canada", kind: "Nation", name: "Canada", properties: { isoCode: "CAN" } }],
      relations,
    });
    const told = (input: unknown) => {
      const r = validateDocument(input);
      return r.ok ? [] : r.problems.map((p) => `${p.path.join(".")}: ${p.message}`);
    };
    const hint =
      'entities.0.key: duplicate key "canada": the source has it too; give the source a key of its own (such as canada-source)';
    expect(told(doc([]))).toContain(hint);
    // A relation from the source to it was the only problem reported: "must not be the entity
    // it starts from".
    expect(
      told(doc([{ from: "canada", type: "MENTIONS", to: "canada", evidence: text }])),
    ).toContain(hint);
  });

  it("takes dates at year, month or day precision, and only days the calendar has", () => {
    for (const d of ["2022", "2022-02", "2022-02-28", "2024-02-29", "2000-02-29", "0001-01-01"])
      expect(isPartialDate(d), d).toBe(true);
    for (const d of ["2022-02-30", "2023-02-29", "1900-02-29", "2024-04-31", "2022-13", "22-02-01"])
      expect(isPartialDate(d), d).toBe(false);
    const result = validateDocument({
      ...base,
      entities: [
        ...base.entities,
        { key: "summit", kind: "Event", name: "S", properties: { date: "2023-02-29" } },
      ],
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual(
      expect.arrayContaining([
        {
          path: ["entities", 2, "properties", "date"],
          message: "must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD, a day its month has",
        },
      ]),
    );
  });

  it("checks endpoints against the registry and evidence against the text", () => {
    const result = validateDocument({
      ...base,
      relations: [
        { from: "canada", type: "LEADS", to: "bob", evidence: "Canada leads." },
        { from: "bob", type: "LEADS", to: "canada", evidence: "not in the text" },
        { from: "bob", type: "SAID", to: "nobody", evidence: "Bob spoke." },
      ],
    });
    const problems = problemLines(result);
    expect(problems).toEqual([
      expect.stringMatching(/^relations\.0\.type: LEADS cannot link Nation -> Person/),
      expect.stringMatching(/^relations\.1\.evidence: /),
      expect.stringMatching(/^relations\.2\.to: unknown entity "nobody"/),
    ]);
  });
});

describe("search query building", () => {
  it("matches prefixes and near spellings, and never passes Lucene syntax through", () => {
    const t = "(stolten^3 OR stolten* OR stolten~1)";
    expect(toLuceneQuery("Stolten")).toBe(
      `(name:${t}^4 OR aliases:${t}^2 OR plainNames:${t}^3 OR description:${t})`,
    );
    expect(toLuceneQuery('NATO") OR *:*')).toBe(
      "(name:(nato^3 OR nato* OR nato~1)^4 OR aliases:(nato^3 OR nato* OR nato~1)^2 OR plainNames:(nato^3 OR nato* OR nato~1)^3 OR description:(nato^3 OR nato* OR nato~1)) AND " +
        "(name:(or^3 OR or*)^4 OR aliases:(or^3 OR or*)^2 OR plainNames:(or^3 OR or*)^3 OR description:(or^3 OR or*))",
    );
    expect(toLuceneQuery("  ~*: ")).toBeNull();
  });

  it("takes a one-character word whole, in names and aliases only; a typo from four characters", () => {
    const task = "(task^3 OR task* OR task~1)";
    const force = "(force^3 OR force* OR force~1)";
    expect(toLuceneQuery("Task force X")).toBe(
      `(name:${task}^4 OR aliases:${task}^2 OR plainNames:${task}^3 OR description:${task}) AND ` +
        `(name:${force}^4 OR aliases:${force}^2 OR plainNames:${force}^3 OR description:${force}) AND ` +
        "(name:(x^3)^4 OR aliases:(x^3)^2 OR plainNames:(x^3)^3)",
    );
    expect(toLuceneQuery("ñ")).toBe(
      "(name:(ñ^3 OR n^3)^4 OR aliases:(ñ^3 OR n^3)^2 OR plainNames:(n^3)^3)",
    );
    expect(toLuceneQuery("nto")).toBe(
      "(name:(nto^3 OR nto*)^4 OR aliases:(nto^3 OR nto*)^2 OR plainNames:(nto^3 OR nto*)^3 OR description:(nto^3 OR nto*))",
    );
  });

  it("lets each word match in its own field: the name, an alias or the description", () => {
    // "Justin Trudeau Canada" (the name, and "Prime Minister of Canada.") found nothing when one
    // field had to hold every word.
    expect(toLuceneQuery("Trudeau Canada")).toBe(
      "(name:(trudeau^3 OR trudeau* OR trudeau~1)^4 OR aliases:(trudeau^3 OR trudeau* OR trudeau~1)^2 OR plainNames:(trudeau^3 OR trudeau* OR trudeau~1)^3 OR description:(trudeau^3 OR trudeau* OR trudeau~1)) AND " +
        "(name:(canada^3 OR canada* OR canada~1)^4 OR aliases:(canada^3 OR canada* OR canada~1)^2 OR plainNames:(canada^3 OR canada* OR canada~1)^3 OR description:(canada^3 OR canada* OR canada~1))",
    );
  });

  it("splits words at Lucene's special characters, as the index splits names", () => {
    // "multi-year" was searched as "multiyear", which no name holds.
    expect(toLuceneQuery("multi-year")).toBe(toLuceneQuery("multi year"));
    expect(toLuceneQuery("justin-trudeau")).toBe(toLuceneQuery("justin trudeau"));
    expect(toLuceneQuery("NATO/OTAN")).toBe(toLuceneQuery("nato otan"));
  });

  it("matches a word typed with diacritics without them too", () => {
    expect(toLuceneQuery("Kariņš")).toContain(
      "name:(kariņš^3 OR kariņš* OR kariņš~1 OR karins^3 OR karins* OR karins~1)^4",
    );
  });

  it("looks for a word typed plain among the plain spellings of names and aliases", () => {
    // "Adazi" found no "Ādaži": two letters off is past the one typo a word may have.
    expect(toLuceneQuery("Adazi")).toContain("plainNames:(adazi^3 OR adazi* OR adazi~1)^3");
    expect(toLuceneQuery("Ādaži")).toContain("plainNames:(adazi^3 OR adazi* OR adazi~1)^3");
  });
});

describe("configuration", () => {
  it("names the variable that holds a bad value", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT="eighty"/);
    expect(() => loadConfig({ NEO4J_URI: "http://x" })).toThrow(/NEO4J_URI/);
    expect(() => loadConfig({ NEO4J_URI: "bolt://db:7687" })).toThrow(/NEO4J_PASSWORD/);
    expect(loadConfig({}).PORT).toBe(4000);
  });
});

describe("plain spellings", () => {
  it("spells a name without its accents, folded as names are, and lists only those that differ", () => {
    expect(plainSpelling("Ādaži")).toBe("adazi");
    expect(plainSpelling("Große Straße")).toBe("grosse strasse");
    expect(plainSpelling("Łódź")).toBe("łodz"); // "ł" has no decomposition: it stays
    expect(plainNames("Krišjānis Kariņš", ["Karins", "Kariņš"])).toEqual([
      "krisjanis karins",
      "karins",
    ]);
    expect(plainNames("Canada", ["Kanada"])).toBeNull();
    // Folded but not lower case: the index holds "große straße", so capitals need the plain one.
    expect(plainNames("Große Straße", ["Deﬁance", "Strasse"])).toEqual([
      "grosse strasse",
      "defiance",
    ]);
  });

  it("strips the marks of every block from what is stored and from what is typed alike (tidy23)", () => {
    // One accent stripper: search's word forms used to strip every mark while the stored plain
    // spellings kept those outside U+0300-036F, so the two never met.
    const marked = {
      "U+1AB0-1AFF": "Qwe\u1AB0rtz",
      "U+1DC0-1DFF": "Qwe\u1DC4rtz",
      "U+20D0-20FF": "Qwe\u20DArtz",
      "U+FE20-FE2F": "Qwe\uFE20rtz",
    };
    for (const [block, word] of Object.entries(marked)) {
      expect(plainSpelling(word), block).toBe("qwertz");
      expect(plainNames(word, []), block).toEqual(["qwertz"]);
      // What is typed with the mark is searched for without it, in the names and plain names.
      expect(toLuceneQuery(word), block).toContain("qwertz^3");
    }
    // The vowel signs written beside their letter (spacing marks) are spelling, not accents.
    expect(plainSpelling("मोदी")).toBe("मोदी");
  });
});
