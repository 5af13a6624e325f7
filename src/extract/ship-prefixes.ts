/**
 * Ship prefixes that name the navy's nation (extwild28): "the flagship USS Leyte Gulf", "HMCS
 * Toronto", "TCG Salihreis". A general, well-known list of the allies' and partners' navies (a
 * prefix two navies share, "HMS", goes to the one news most often means; a demonym written before
 * the ship, "the Swedish corvette HMS Visby", is read instead by the demonym rule).
 */
import { type KnownEntity, NATION_BY_KEY } from "./gazetteer.js";

/** Prefix -> ISO 3166-1 alpha-3 code of the navy's nation. */
const PREFIXES: Record<string, string> = {
  USS: "USA",
  USNS: "USA",
  USCGC: "USA",
  HMS: "GBR",
  RFA: "GBR",
  HMCS: "CAN",
  HMAS: "AUS",
  HMNZS: "NZL",
  HNLMS: "NLD",
  "Hr.Ms.": "NLD",
  "Zr.Ms.": "NLD",
  HDMS: "DNK",
  ESPS: "ESP",
  SPS: "ESP",
  ITS: "ITA",
  TCG: "TUR",
  FGS: "DEU",
  HS: "GRC",
  ORP: "POL",
  NRP: "PRT",
  BNS: "BEL",
  ENS: "EST",
  EML: "EST",
  LVNS: "LVA",
  LNS: "LTU",
  KNM: "NOR",
  HNoMS: "NOR",
  FS: "FRA",
  ROS: "ROU",
  BGS: "BGR",
  HSwMS: "SWE",
  FNS: "FIN",
  ICGV: "ISL",
};

const PREFIX = new RegExp(
  `(?<![\\p{L}\\d.-])(${Object.keys(PREFIXES)
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/\./g, "\\."))
    .join("|")})\\s+(?=\\p{Lu})`,
  "gu",
);

let BY_ISO3: Map<string, KnownEntity> | undefined;
function nationOf(iso3: string): KnownEntity | undefined {
  if (!BY_ISO3) {
    BY_ISO3 = new Map();
    for (const n of NATION_BY_KEY.values()) {
      const iso = n.properties.isoCode;
      if (iso && !BY_ISO3.has(iso)) BY_ISO3.set(iso, n);
    }
  }
  return BY_ISO3.get(iso3);
}

/** A ship named with its navy's prefix in `text` from `from` to `to`: where, and its nation. */
export interface PrefixedShip {
  start: number;
  end: number;
  prefix: string;
  nation: KnownEntity;
}

/** The prefixed ships between `from` and `to` (one pass of one pattern: linear). */
export function prefixedShips(text: string, from: number, to: number): PrefixedShip[] {
  const out: PrefixedShip[] = [];
  const slice = text.slice(from, to);
  PREFIX.lastIndex = 0;
  for (let m = PREFIX.exec(slice); m; m = PREFIX.exec(slice)) {
    const prefix = m[1] as string;
    const iso = PREFIXES[prefix];
    const nation = iso ? nationOf(iso) : undefined;
    if (nation)
      out.push({ start: from + m.index, end: from + m.index + prefix.length, prefix, nation });
  }
  return out;
}
