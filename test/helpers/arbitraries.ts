/**
 * fast-check arbitraries for hostile input: strings (unicode, NUL, lone surrogates, RTL and
 * zero-width characters, up to 1 MB), injection attempts (Cypher, GraphQL, Lucene), keys, global
 * ids, cursors, dates and numbers (huge, negative, out of the 32-bit range).
 */
import fc from "fast-check";

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

/** Cypher, GraphQL, Lucene and template injection attempts. */
export const INJECTIONS: readonly string[] = [
  // Cypher
  "') DETACH DELETE n //",
  "` MATCH (n) DETACH DELETE n",
  "'}) MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  "x` WITH 1 AS a MATCH (n) DETACH DELETE n //",
  "1 OR 1=1",
  "$key",
  "$p",
  "$from}",
  "}{",
  "{}",
  "\\u0027",
  "\\'",
  "\\",
  "'",
  '"',
  "`",
  "//",
  "/*",
  "*/",
  ";",
  "CALL dbms.components() YIELD name RETURN name",
  "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
  // GraphQL
  '"){ __schema { types { name } } }',
  '") { __typename } mutation { deleteEntity(key: "canada") { __typename } } #',
  "query { __typename }",
  "#",
  "...",
  "@include(if: true)",
  "$first",
  // Lucene
  "*:*",
  "*",
  "?",
  "a~",
  "a~1",
  "~1",
  "^4",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  "a AND",
  "AND",
  "OR",
  "NOT",
  "&&",
  "||",
  "!",
  '+-&&||!(){}[]^"~*?:\\/',
  "name:*",
  "name:(a OR b)^9999",
  "a*b?",
  "[a TO z]",
  "/.*/",
  "/regex/",
  "\\*",
  // HTML and friends (search snippets are HTML-escaped)
  "<mark>",
  "</mark><script>alert(1)</script>",
  "&amp;",
  "&lt;",
  // templates and prototype pollution
  "%00",
  "%s%s%s%n",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, on purpose
  "${7*7}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  // paths
  "../../etc/passwd",
  "C:\\Windows\\system32",
];

/** Odd characters and strings: NUL, lone surrogates, bidi overrides, zero-width, combining marks. */
export const ODD: readonly string[] = [
  "",
  " ",
  "   ",
  "\t",
  "\r\n",
  "\n",
  "\u0000",
  "a\u0000b",
  "\u0000\u0000\u0000",
  "\u0001\u0002\u001f\u007f",
  "\ud800",
  "\udfff",
  "a\udc00b",
  "\ud83d",
  "\ude00\ud83d",
  "😀",
  "👩‍👩‍👧‍👦",
  "🇨🇦",
  "\u202e",
  "\u202eesrever\u202c",
  "\u2066isolate\u2069",
  "\u200f\u200e",
  "\u200b",
  "\u200c\u200d",
  "\ufeff",
  "\u2028\u2029",
  "\u0085",
  "\u00a0",
  "e\u0301",
  "\u0301",
  "İ",
  "ß",
  "ǅ",
  "ﬃ",
  "Ω",
  "\uffff",
  "\ufffe",
  "\ufffd",
  "\u{10ffff}",
  "\u{e0001}",
  "ﷺ",
  "𝕳𝖊𝖑𝖑𝖔",
  "Z̴̢̛͎a̶l̷g̸o̵",
  "العربية",
  "עברית",
  "日本語",
  "null",
  "undefined",
  "true",
  "0",
  "-1",
  "NaN",
  "Infinity",
  "1e308",
  "9007199254740993",
];

/** Prebuilt big strings (generating 1 MB at random every run would be slow). */
export const BIG: readonly string[] = [
  "a".repeat(121), // one past the key length
  "a".repeat(200), // the filter and search text limit
  "a".repeat(201),
  "n".repeat(500), // the name limit
  "n".repeat(501),
  "x".repeat(10_000), // past Neo4j's range-index entry limit
  "a".repeat(1_000_000), // 1 MB, the text limit
  "x".repeat(1_000_001),
  "€".repeat(333_333), // about 1 MB of UTF-8 in 333,333 characters
  "😀".repeat(250_000), // 1 MB of UTF-8, 500,000 UTF-16 units
  "word ".repeat(200_000), // 1 MB of words for the full-text index
  "\u0000".repeat(100_000),
  "(".repeat(10_000),
];

/** A human-readable stand-in for a long string in failure reports. */
export function shorten(s: string, max = 120): string {
  return s.length <= max ? s : `${s.slice(0, 40)}…[${s.length} chars]…${s.slice(-20)}`;
}

/** JSON with long strings shortened, for messages. */
export function show(value: unknown, max = 2_000): string {
  const text = JSON.stringify(value, (_, v: unknown) => (typeof v === "string" ? shorten(v) : v));
  return text === undefined ? String(value) : shorten(text, max);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a string is well-formed UTF-16 (no lone surrogate), so it can be stored as UTF-8. */
export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** One short hostile piece: an injection, an odd character or a random code point. */
const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...INJECTIONS), weight: 3 },
  { arbitrary: fc.constantFrom(...ODD), weight: 3 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 4 }), weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 6 }), weight: 2 },
  { arbitrary: loneSurrogate, weight: 1 },
);

/** Any hostile string, lone surrogates included. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...INJECTIONS, ...ODD), weight: 4 },
  { arbitrary: fc.array(piece, { minLength: 1, maxLength: 8 }).map((a) => a.join("")), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 1 },
  { arbitrary: fc.string({ unit: loneSurrogate, minLength: 1, maxLength: 3 }), weight: 1 },
  { arbitrary: fc.constantFrom(...BIG), weight: 1 },
);

/** Hostile strings that are well-formed UTF-16 (what can be stored and read back unchanged). */
export const wellFormedString: fc.Arbitrary<string> = hostileString.filter(isWellFormed);

/** Hostile strings made only of lone surrogates and ordinary text. */
export const surrogateString: fc.Arbitrary<string> = fc
  .tuple(
    fc.string({ unit: "grapheme-ascii", maxLength: 5 }),
    loneSurrogate,
    fc.string({ unit: "grapheme-ascii", maxLength: 5 }),
  )
  .map(([a, s, b]) => `N${a}${s}${b}N`);

/** A valid slug (lowercase, digits and single hyphens), at most about 40 characters. */
export const slug: fc.Arbitrary<string> = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join("-"));

/** Keys of the seed, one per kind. */
export const SEED_KEYS = {
  Person: "jens-stoltenberg",
  Nation: "canada",
  Organization: "nato",
  Place: "baltic-region",
  Mission: "operation-reassurance",
  Event: "visit-to-military-base-in-latvia",
  Pledge: "nato-two-percent-target",
  Quote: "quote-step-up",
  Source: "ctv-2022-nato-defence-spending",
} as const;

/** Keys for reads: hostile strings, valid slugs (mostly unknown), seed keys, boundary lengths. */
export const readKey: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: slug, weight: 2 },
  {
    arbitrary: fc.constantFrom(...Object.values(SEED_KEYS), "latvia", "justin-trudeau"),
    weight: 2,
  },
  {
    arbitrary: fc.constantFrom(
      "a".repeat(120),
      "a".repeat(121),
      "Canada",
      "canada ",
      " canada",
      "canada\u0000",
      "canada\n",
      "can--ada",
      "-canada",
      "canada-",
      "ｃａｎａｄａ",
      "cаnada", // Cyrillic а
    ),
    weight: 1,
  },
);

/**
 * Keys for writes: never a key outside `prefix` that could be valid, so that nothing written by
 * an accepted mutation escapes clean-up. Hostile strings that happen to be slugs get the prefix.
 */
export function writeKey(prefix: string, known: readonly string[]): fc.Arbitrary<string> {
  const pattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  return fc.oneof(
    { arbitrary: hostileString.map((s) => (pattern.test(s) ? `${prefix}${s}` : s)), weight: 3 },
    { arbitrary: slug.map((s) => `${prefix}${s}`), weight: 2 },
    { arbitrary: fc.constantFrom(...known), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        `${prefix}${"a".repeat(120 - prefix.length)}`,
        `${prefix}${"a".repeat(121 - prefix.length)}`,
        `${prefix.toUpperCase()}x`,
        `${prefix}x\u0000`,
        ` ${prefix}x`,
      ),
      weight: 1,
    },
  );
}

/** Type names for global ids: the kinds, other types of the schema, and nonsense. */
const TYPENAMES = [
  "Person",
  "Nation",
  "Organization",
  "Place",
  "Mission",
  "Event",
  "Pledge",
  "Quote",
  "Source",
  "Entity",
  "Node",
  "Query",
  "Mutation",
  "Subscription",
  "String",
  "ID",
  "PageInfo",
  "Relation",
  "ValidationError",
  "EntityKind",
  "CreateEntityInput",
  "__Schema",
  "Foo",
  "person",
  "",
  " ",
  "Person:Person",
  "Per son",
];

/** Global ids: random base64, base64 of `Type:key` with hostile types and keys, raw strings. */
export const globalId: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.base64String({ maxLength: 40 }), weight: 2 },
  {
    arbitrary: fc.tuple(fc.constantFrom(...TYPENAMES), readKey).map(([t, k]) => b64(`${t}:${k}`)),
    weight: 4,
  },
  {
    arbitrary: fc.constantFrom(...TYPENAMES).map((t) => b64(`${t}:${SEED_KEYS.Person}`)),
    weight: 2,
  },
  { arbitrary: hostileString, weight: 2 },
  {
    arbitrary: fc.constantFrom(
      "",
      "=",
      "====",
      "UGVyc29u",
      b64("Person"),
      b64("Person:"),
      b64(":canada"),
      b64("Nation:canada:extra"),
      "Nation:canada",
      "TmF0aW9uOmNhbmFkYQ", // unpadded
      "TmF0aW9uOmNhbmFkYQ==\n",
      "TmF0aW9u OmNhbmFkYQ==",
      "TmF0aW9uOmNhbmFkYQ%3D%3D",
    ),
    weight: 1,
  },
);

const OFFSET_TAILS = [
  "-1",
  "-5",
  "-2147483648",
  "0",
  "1",
  "99",
  "100",
  "2147483647",
  "2147483648",
  "9007199254740991",
  "9007199254740993",
  "9223372036854775807",
  "99999999999999999999999",
  "1e21",
  "1e400",
  "abc",
  "",
  " 5",
  "5 ",
  "0x10",
  "NaN",
  "Infinity",
  "-0",
  "1.5",
  "5\u0000",
];

/** Connection cursors: offset cursors with hostile offsets, other base64, hostile strings. */
export const cursor: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc
      .oneof(
        fc.constantFrom(...OFFSET_TAILS),
        fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
      )
      .map((n) => b64(`OffsetConnection:${n}`)),
    weight: 5,
  },
  { arbitrary: fc.base64String({ maxLength: 40 }), weight: 1 },
  { arbitrary: hostileString.map(b64), weight: 1 },
  { arbitrary: hostileString, weight: 2 },
  {
    arbitrary: fc.constantFrom("OffsetConnection:5", b64("Offset:1"), b64("OffsetConnection")),
    weight: 1,
  },
);

/** Every value a GraphQL Int can carry, with the interesting ones more often. */
export const int32: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), weight: 2 },
  { arbitrary: fc.integer({ min: -3, max: 12 }), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      -(2 ** 31),
      2 ** 31 - 1,
      -1,
      0,
      1,
      6,
      7,
      10,
      11,
      99,
      100,
      101,
      499,
      500,
      501,
    ),
    weight: 2,
  },
);

/** Finite doubles, huge and tiny ones included (JSON cannot carry NaN or Infinity). */
export const float: fc.Arbitrary<number> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    1e308,
    -1e308,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 63,
    -0,
    0,
    0.1,
    -1,
  ),
);

/**
 * Values that do not fit a GraphQL Int: past 32 bits, fractions, and other JSON types
 * (numbers as strings, "NaN" included, since JSON has no NaN).
 */
export const notAnInt: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    2 ** 31,
    -(2 ** 31) - 1,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    2 ** 53 + 2,
    1.5,
    -0.5,
    5e-324,
    "3",
    "NaN",
    "Infinity",
    "-1",
    "1e308",
    "",
    true,
    false,
    [],
    [1],
    {},
    { $gt: 0 },
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)),
  fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: -(2 ** 31) - 1 }),
);

/** Values that are not strings, for String and ID arguments. */
export const notAString: fc.Arbitrary<unknown> = fc.constantFrom(
  5,
  -1,
  1e308,
  1.5,
  true,
  [],
  ["canada"],
  {},
  { key: "canada" },
  { $ne: null },
);

/** Dates: valid partial dates, near misses, other formats and hostile strings. */
export const hostileDate: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      "2022",
      "2022-03",
      "2022-03-08",
      "0000",
      "9999",
      "9999-12-31",
      "0000-00-00",
      "2022-13",
      "2022-00",
      "2022-99-99",
      "2022-02-30",
      "20220",
      "-2022",
      "+2022",
      "2022-3-8",
      "2022/03/08",
      "2022-03-08T12:00:00Z",
      "2022-03-08 ",
      " 2022",
      "2022~",
      "2022-03-08\u0000",
      "２０２２",
      "٢٠٢٢",
      "",
    ),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(
        fc.date({ min: new Date("0001-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }),
        fc.constantFrom(4, 7, 10, 24),
      )
      .map(([d, n]) => d.toISOString().slice(0, n)),
    weight: 2,
  },
  { arbitrary: hostileString, weight: 2 },
);
