/**
 * Mentions: where the text names an entity (nations and their demonyms, organisations, armed
 * forces, places, missions, events, people with their titles) and where it gives a quantity
 * (numbers, money, percentages) or a date. Known names come from the gazetteer (world-countries
 * and a short list of organisations); people and other proper names from wink's part-of-speech
 * tags; numbers' values from compromise; dates from chrono-node, relative to the publication date.
 */

import * as chrono from "chrono-node";
import nlp from "compromise";
import type { Kind } from "../domain/vocabulary.js";
import { appositiveNames } from "./appositives.js";
import { describedEvents } from "./events.js";
import { knownWar } from "./events-of-knowledge.js";
import { furnitureOf } from "./furniture.js";
import {
  capitalOf,
  citiesNamed,
  GAZETTEER,
  type GazetteerEntry,
  type KnownEntity,
  regionNation,
} from "./gazetteer.js";
import { ministriesAsWritten, personsGovernments } from "./governments.js";
import { groupMeetings } from "./group-meetings.js";
import { slug } from "./keys.js";
import { bareLowerCaseTitle, lowerCaseTitle } from "./lower-titles.js";
import { describedAsNamed, describedMission } from "./mission-names.js";
import { namedBefore, namesakeInNamed, vesselSpans } from "./namesakes.js";
import type { Analysis, Token } from "./nlp.js";
import {
  editDistance,
  foldName,
  holderBySurname,
  holderOfSurname,
  knownPerson,
  officeHeldIn,
  officeOwner,
} from "./office-holders.js";
import { placesInLists } from "./place-lists.js";
import { qualifiesTownBefore } from "./qualifiers.js";
import { escapeRegExp } from "./regex.js";
import type { TextSpan } from "./types.js";
import { namedUnits } from "./unit-names.js";
import {
  datelineTown,
  multinationalBrigades,
  NAME_PARTICLES,
  NATION_PLACED_BEFORE,
  nationGivenName,
  nationSurnames,
  notPersonWord,
  placeMention,
  placesBesideTowns,
  standingMissions,
  townOfSite,
} from "./units.js";

export interface Mention extends TextSpan {
  text: string;
  kind: Kind;
  /** The name proposed for the entity (e.g. "Justin Trudeau" for "Prime Minister Justin Trudeau"). */
  name: string;
  /** A key proposed by a pattern or the gazetteer. */
  key?: string;
  known?: KnownEntity;
  /** "British" names the United Kingdom as an attribute. */
  demonym?: boolean;
  /** "Moscow's invasion", "Washington said": a capital standing for its nation's government. */
  metonym?: boolean;
  /** A person's title as written before the name. */
  role?: string;
  /** The nation or organisation the title belongs to ("British", "NATO", "Latvia's"). */
  roleOf?: Mention;
  /** A one-word name ("Trudeau"): a person only if a full name ends with it. */
  bare?: boolean;
  properties?: Record<string, string | number>;
  /** Nations the name itself involves: "Canadian Armed Forces" (Canada), "Russia's invasion of Ukraine". */
  involves?: KnownEntity[];
  /**
   * The place lies in `involves` by what the reader knows, not by what the text writes; for an
   * invasion, the invader is not named in the phrase itself.
   */
  impliedIn?: boolean;
  /** "the UK-led battle group": the nation that leads the mission. */
  ledBy?: KnownEntity;
  /**
   * Whose office the title is by what the reader knows (src/extract/office-holders.ts), where the
   * text names no owner: the owner's key, set even when the text never names that owner.
   */
  officeOf?: string;
  /** A ship or a ship's class ("HMS Westminster"): claimed so no other rule reads its words, never an entity (namesakes.ts). */
  vessel?: boolean;
}

export interface Quantity extends TextSpan {
  text: string;
  type: "NUMBER" | "MONEY" | "PERCENT" | "DURATION";
  value: number | null;
}

export interface DateMention extends TextSpan {
  text: string;
  /** ISO, at the precision the text and the reference date allow. */
  date: string;
}

export interface Mentions {
  entities: Mention[];
  quantities: Quantity[];
  dates: DateMention[];
  /** Dates given relatively ("on Tuesday"), as written, left out for want of a publication date. */
  unresolved: string[];
}

const esc = escapeRegExp;
const GAZ_RE = new RegExp(
  `(?<![\\p{L}\\p{N}.])(?:${GAZETTEER.map((g) => esc(g.form)).join("|")})(?![\\p{L}\\p{N}]|\\.\\p{L})`,
  "gu",
);
const GAZ_BY_FORM = new Map(GAZETTEER.map((g) => [g.form, g] as const));
/** Demonyms in the singular, the forms names are made of ("Canadian Armed Forces"). */
const DEMONYMS = GAZETTEER.filter((g) => g.demonym && !g.people);
const NATION_FORMS = GAZETTEER.filter((g) => g.entity.kind === "Nation");
const ALT = (list: readonly { form: string }[]) => list.map((g) => esc(g.form)).join("|");
/** Capitals, which stand for their nation in "Moscow's invasion of Ukraine". */
const CAPITAL_FORMS = GAZETTEER.filter(
  (g) => g.entity.kind === "Place" && !g.demonym && capitalOf(g.entity.key) !== undefined,
);

/**
 * Titles in the allies' own languages, as English copy keeps them before a name ("Bundeskanzler
 * Olaf Scholz", "Verteidigungsminister Boris Pistorius", "Generalinspekteur Carsten Breuer"): the
 * English title they stand for, so the role reads as for "Chancellor Olaf Scholz".
 */
const FOREIGN_TITLES: Readonly<Record<string, string>> = {
  Bundeskanzler: "Chancellor",
  Bundeskanzlerin: "Chancellor",
  Kanzler: "Chancellor",
  Kanzlerin: "Chancellor",
  Bundespräsident: "President",
  Bundespräsidentin: "President",
  Staatspräsident: "President",
  Staatspräsidentin: "President",
  Ministerpräsident: "Prime Minister",
  Ministerpräsidentin: "Prime Minister",
  Verteidigungsminister: "Defence Minister",
  Verteidigungsministerin: "Defence Minister",
  Bundesverteidigungsminister: "Defence Minister",
  Bundesverteidigungsministerin: "Defence Minister",
  Außenminister: "Foreign Minister",
  Außenministerin: "Foreign Minister",
  Aussenminister: "Foreign Minister",
  Aussenministerin: "Foreign Minister",
  Generalinspekteur: "Chief of Defence",
  Generalinspekteurin: "Chief of Defence",
  Generalleutnant: "Lieutenant General",
  Generalmajor: "Major General",
  Brigadegeneral: "Brigadier General",
  Oberst: "Colonel",
  Oberstleutnant: "Lieutenant Colonel",
  Vizeadmiral: "Vice Admiral",
  Konteradmiral: "Rear Admiral",
  Flottillenadmiral: "Commodore",
  Président: "President",
  Présidente: "President",
  Presidente: "President",
  Général: "General",
  Amiral: "Admiral",
  // "la ministre des Armées Florence Parly", "il ministro della Difesa Guido Crosetto": the
  // portfolio's capitalised word is the title's last
  Armées: "Defence Minister",
  Défense: "Defence Minister",
  Difesa: "Defence Minister",
  Defensa: "Defence Minister",
  Defesa: "Defence Minister",
};
const TITLE_WORDS = new Set(
  `Honourable Honorable Hon. Right Rt. Prime Minister Ministers Deputy Vice President Secretary-General Secretary General Chancellor King Queen Premier
  Defence Defense Foreign Finance Affairs National Chief Commander Ambassador Lt. Lt.-Gen. Gen. Col. Maj. Maj.-Gen.
  Brig.-Gen. Adm. Vice-Adm. Rear-Adm. Mr. Mrs. Ms. Dr. Mr Mrs Ms Dr Sen. Senator Rep. Lieutenant-General Lieutenant General
  Admiral Colonel Major Captain Capt. Sgt. Sergeant Pope Prince Princess Chair Chairman Chairwoman Spokesperson
  Spokesman Spokeswoman Governor Mayor Head Staff Justice Trade Interior Industry Health Veterans Public Safety
  Procurement Economy Emergency Preparedness Global International Development Associate Assistant Under-Secretary
  Parliamentary Leader Opposition Speaker Envoy Special Representative Director Commissioner Officer Army Navy
  Air Force Forces Defence-Minister Minister-President Taoiseach Crown Attorney Labour Labor Energy Security
  Cabinet Foreign-Minister Transport Immigration Citizenship Environment Agriculture Education Military
  Lieutenant-Colonel Lt.-Col. Lt.-Cmdr. Major-General Brigadier-General Brig.-Gen. Brigadier Lieutenant Lt.
  Commander Cmdr. Cdr. Corporal Cpl. Master Private Pte. Warrant Petty Chief Sergeant-Major Sgt.-Maj.
  Commanding Commodore Marshal Air-Marshal Vice-Admiral Rear-Admiral Rear Gen.-Lt. Capt.(N) Colonel-General
  President-elect Prime-Minister-designate Former former Acting Interim Outgoing Incoming PM FM Advisor Adviser
  Lt Gen Maj Brig Col Capt Cpl LCpl Sgt Adm Cdr Cmdr Pte Cdre Wg Sqn Ldr Flt Gp Rt Hon People Families`
    .split(/\s+/)
    .filter(Boolean)
    .concat(Object.keys(FOREIGN_TITLES)),
);
/**
 * Title words that name a service, a field or a portfolio, never a person by themselves: "Air"
 * in "Air Marshal", "Defence" in "Defence Minister". A one-word name after these alone is the
 * rest of a body's or a thing's name ("the 57th Air Base", "NATO Air Policing", "the Italian Air
 * Detachment", "Army Reserve"), not a person with that title.
 */
/** Letters after a person's name: "Andrew Murrison MP", "X MEP", "Y KC". */
const POST_NOMINALS = /^(?:MP|MEP|MSP|MLA|MS|QC|KC|OBE|CBE|MBE|KBE|KCB|GCB|DSO|MC)$/;

const BODY_TITLE_WORDS = new Set(
  `Air Force Forces Army Navy Military Defence Defense Foreign Finance Affairs National Trade Interior
  Industry Health Veterans Public Safety Procurement Economy Emergency Preparedness Global
  International Development Energy Security Cabinet Transport Immigration Citizenship Environment
  People Families
  Agriculture Education Labour Labor Crown Staff Opposition Parliamentary`
    .split(/\s+/)
    .filter(Boolean),
);
/** An officer's title written after the body's name: "Allied Maritime Command Deputy Commander". */
const OFFICER_AFTER_BODY = new Set([
  "Commander",
  "Deputy",
  "Chief",
  "Head",
  "Director",
  "Spokesperson",
]);
/** Whether a title is made of service or portfolio words alone ("Air", "Defence"): no office. */
const bodyOnly = (role: string | undefined) =>
  role?.split(/\s+/).every((w) => BODY_TITLE_WORDS.has(w)) === true;
/** Titles written in lower case in French, Italian, Spanish and Portuguese, and their English. */
const ROMANCE_TITLES: Readonly<Record<string, string>> = {
  président: "President",
  présidente: "President",
  presidente: "President",
  "premier ministre": "Prime Minister",
  "première ministre": "Prime Minister",
  "primo ministro": "Prime Minister",
  "primeiro-ministro": "Prime Minister",
  "ministre des armées": "Defence Minister",
  "ministre de la défense": "Defence Minister",
  "ministre des affaires étrangères": "Foreign Minister",
  "ministro della difesa": "Defence Minister",
  "ministra de defensa": "Defence Minister",
  "ministro de defensa": "Defence Minister",
  "ministro da defesa": "Defence Minister",
  chancelier: "Chancellor",
  chancelière: "Chancellor",
  "chef d’état-major des armées": "Chief of Defence",
  "chef d'état-major des armées": "Chief of Defence",
};
const ROMANCE_TITLE_RE = new RegExp(
  `(?<![\\p{L}])(${Object.keys(ROMANCE_TITLES)
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/ /g, "\\s+").replace(/[’']/g, "[’']"))
    .join("|")})\\s+$`,
  "iu",
);
/** A title's abbreviations headline style uses, spelled out: "PM" -> "Prime Minister". */
const spelledOut = (role: string) =>
  role
    .split(/\s+/)
    .map((w) => FOREIGN_TITLES[w] ?? w)
    .join(" ")
    .replace(/\bPM$/, "Prime Minister")
    .replace(/\bFM$/, "Foreign Minister");
const CONNECTORS = new Set([
  "of",
  "and",
  "for",
  "the",
  "on",
  "de",
  "van",
  "von",
  "der",
  "al",
  "bin",
]);
const NOT_NAMES = new Set(
  `January February March April May June July August September October November December Monday Tuesday Wednesday
  Thursday Friday Saturday Sunday The A An This That These Those It He She They We I You Our Their His Her But And Or
  In On At For With From By As After Before When While If Although Though Given Speaking Asked According Approximately
  About Some All Many More Most Other Such No Not Only Also Still Yet Then There Here What Which Who Why How Meanwhile
  However Today Yesterday Tomorrow Last Next Earlier Later Under Over Since Despite During Allies Ally GDP Canadian
  Read Watch Photo File Video Image Getty Press Operation`
    .split(/\s+/)
    .filter(Boolean),
);
const ORG_HEADS: Record<string, string> = {
  Ministry: "GOVERNMENT",
  Department: "GOVERNMENT",
  Parliament: "GOVERNMENT",
  Office: "GOVERNMENT",
  // "the Kosovo Presidency said", "the Chancellery": a head of state's or government's office,
  // not a person (wild26)
  Presidency: "GOVERNMENT",
  Chancellery: "GOVERNMENT",
  Cabinet: "GOVERNMENT",
  Agency: "GOVERNMENT",
  Council: "OTHER",
  Commission: "OTHER",
  Committee: "OTHER",
  Command: "ARMED_FORCES",
  Forces: "ARMED_FORCES",
  Force: "ARMED_FORCES",
  Network: "OTHER",
  Army: "ARMED_FORCES",
  Navy: "ARMED_FORCES",
  Brigade: "ARMED_FORCES",
  Regiment: "ARMED_FORCES",
  Battalion: "ARMED_FORCES",
  Division: "ARMED_FORCES",
  Corps: "ARMED_FORCES",
  Guard: "ARMED_FORCES",
  Press: "MEDIA",
  News: "MEDIA",
  Times: "MEDIA",
  Post: "MEDIA",
  Institute: "OTHER",
  Bank: "OTHER",
  Fund: "OTHER",
  Union: "OTHER",
  Alliance: "ALLIANCE",
  Organization: "OTHER",
  Organisation: "OTHER",
  Party: "OTHER",
  Coalition: "OTHER",
  Bureau: "GOVERNMENT",
  Service: "GOVERNMENT",
  League: "ARMED_FORCES",
  // British and Commonwealth regiments: "the Queen's Royal Hussars", "the Coldstream Guards"
  Hussars: "ARMED_FORCES",
  Dragoons: "ARMED_FORCES",
  Fusiliers: "ARMED_FORCES",
  Guards: "ARMED_FORCES",
  University: "OTHER",
  Corporation: "OTHER",
  Industries: "OTHER",
  Systems: "OTHER",
};
/** The capitalised words before "party" (an acronym in brackets may stand between). */
const PARTY_RE =
  /(?<![\p{L}’'-])(\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:and|of|for|the)\s+)?\p{Lu}[\p{L}’'-]*){0,5})(?:\s+\(\p{Lu}[\p{L}]{1,6}\))?\s+[Pp]arty(?![\p{L}])/gu;
/** Words before a party's name that are not part of it: "The", a possessive, a day or month. */
const NOT_PARTY_WORD =
  /^(?:The|A|An|This|That|the|and|of|for|On|In|At|After|Before|During|For|From|With|By|As|Ruling|Opposition|Governing|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|.*(?:’s|'s))$/u;
const EVENT_HEADS =
  /^(?:Conference|Summit|Forum|Dialogue|Meeting|Exercise|Games|Congress|Convention)$/;

/** A nation's abbreviation used before a service's name: "US Army", "U.K. Royal Navy". */
const ABBREVIATED = "(?:U\\.S\\.|US|UK|U\\.K\\.)";
// Built once: the alternations of every nation name are long.
/** Wars any reader of the news knows by the invaded nation alone: "the war in Ukraine" is Russia's. */
const KNOWN_INVADER: Readonly<Record<string, string>> = { ukraine: "russia", georgia: "russia" };

const INVASION_RE = new RegExp(
  `(?:(${ALT(NATION_FORMS)}|${ALT(CAPITAL_FORMS)})(?:’s|'s)|(${ALT(DEMONYMS)})) (?:(?:full-scale|full scale|large-scale|illegal|unprovoked|unjustified|brutal|initial|first|second|renewed|latest|ongoing|military|armed|February|2014|2022|and|in)[ ,]+){0,5}(?:invasion (?:of|on|against|into)|war (?:against|on|in)|aggression (?:against|in)|attack on) (${ALT(NATION_FORMS)})`,
  "gu",
);
const FORCES_RE = new RegExp(
  `(?:the )?(${ALT(DEMONYMS)}|(?:${ALT(NATION_FORMS)})(?:’s|'s)|${ABBREVIATED}(?= (?:Armed Forces|Army|Navy|Air Force|Coast Guard|Marine Corps|Marines)\\b)) (Armed Forces|armed forces|defen[cs]e forces?|Forces|Army|army|Navy|navy|Air Force|air force|Coast Guard|Marine Corps|Marines|military|government|Government|Cabinet|cabinet|Parliament|parliament)\\b`,
  "gu",
);
/** A service named with its nation's name: "Royal Netherlands Navy", "United States Army". */
const NATION_SERVICE_RE = new RegExp(
  `(?<![\\p{L}])(Royal\\s+)?(${ALT(NATION_FORMS)})\\s+(?:Armed Forces|Army|Navy|Air Force|Coast Guard|Marine Corps|Defen[cs]e Forces|Maritime Force|Naval Forces|Land Forces|Special Forces|Special Operations Forces)(?![\\p{L}])`,
  "gu",
);
/**
 * Services whose names say their nation by another word than its name or demonym: "the Hellenic
 * Navy" is Greece's, "the Bundeswehr" and "the Luftwaffe" Germany's.
 */
const SERVICE_NATIONS: readonly (readonly [RegExp, string])[] = [
  [
    /^Hellenic (?:Armed Forces|Army|Navy|Air Force|Coast Guard|National Defence General Staff)$/,
    "greece",
  ],
  [/^(?:Bundeswehr|Luftwaffe|Deutsche Marine|German Navy)$/, "germany"],
  [
    /^(?:Marine [Nn]ationale|Armée de [Tt]erre|Armée de l[’']Air(?: et de l[’']Espace)?)$/,
    "france",
  ],
  [/^(?:Royal Navy|Royal Air Force|British Army|Royal Marines)$/, "united-kingdom"],
];
/** "NATO’s air policing mission (over Estonia, Latvia, and Lithuania)": a mission described in lower case. */
const DESCRIBED_MISSION_RE = new RegExp(
  `(?<![\\p{L}])(?:NATO|[Tt]he [Aa]lliance)(?:’s|'s)\\s+((?:[a-z][a-z-]+\\s+){1,3}?)(mission|operation)(?![\\p{L}])(?:\\s+(?:over|in)\\s+((?:(?:${ALT(NATION_FORMS)})(?:,\\s+(?:and\\s+)?|\\s+and\\s+)?){1,6}))?`,
  "gu",
);
/** "the NATO air policing mission in Lithuania", "enhanced Air Policing (eAP) mission in Romania". */
const AIR_POLICING_RE = new RegExp(
  `(?<![\\p{L}])((?:[Ee]nhanced\\s+)?[Aa]ir[- ][Pp]olicing)(?:\\s+\\(\\p{L}{2,5}\\))?\\s+(?:(?:[Mm]ission|operation|dut(?:y|ie))s?\\s+|(?<=[a][i]r[- ]policing\\s|(?<![Bb]altic |Icelandic |NATO )(?:[Ee]nhanced |NATO(?:’s|'s) )[Aa]ir [Pp]olicing\\s))(?:over|in)\\s+((?:(?:${ALT(NATION_FORMS)})(?![\\p{L}])(?:,\\s+(?:and\\s+)?|\\s+and\\s+)?){1,6})`,
  "gu",
);
/** "the allied mission safeguarding the airspace of Estonia, Latvia and Lithuania". */
const GUARDS_AIRSPACE_RE = new RegExp(
  `(?<![\\p{L}])((?:allied|NATO|[Aa]lliance|NATO(?:’s|'s))\\s+(?:[\\p{L}-]+\\s+)?mission\\s+(?:safeguarding|protecting|guarding|policing|patrolling|securing)\\s+the\\s+(?:airspace|skies))\\s+(?:of|over)\\s+((?:(?:${ALT(NATION_FORMS)})(?![\\p{L}])(?:,\\s+(?:and\\s+)?|\\s+and\\s+)?){1,6})`,
  "gu",
);
/** Words that describe no mission by themselves: "NATO's new mission". */
const DESCRIPTION_STOP = new Set(
  "new current own latest first second third largest biggest main only next last whole entire military".split(
    " ",
  ),
);
/**
 * "the Slovenian air policing mission", "air policing of Slovenian airspace", "policing Albania's
 * airspace": NATO's air policing of the nation the adjective or the airspace names. An adjective
 * needs "mission(s)" after it ("the Hungarian air policing role" may be the nation that flies it),
 * unless the words are the mission's proper name (extgen31): "Iceland Air Policing", "Romania Air
 * Policing", "Slovenian Air Policing" (not "the Polish Air Policing detachment", the nation's unit).
 */
const NATION_AIR_POLICING_RE = new RegExp(
  `(?<![\\p{L}])(?:(${ALT(DEMONYMS)}) [Aa]ir [Pp]olicing [Mm]issions?|(?:(${ALT(DEMONYMS)})|(${ALT(NATION_FORMS)})) Air Policing(?: [Mm]issions?)?(?![\\p{L}]|\\s+(?:[Dd]etachments?|[Cc]ontingents?|[Uu]nits?|[Ss]quadrons?|[Ww]ings?|[Tt]eams?|[Jj]ets|[Ff]ighters|[Aa]ircraft|[Ff]orces?)\\b)|(?:[Aa]ir )?[Pp]olicing(?: coverage)? of (?:the )?(?:(${ALT(DEMONYMS)})|(${ALT(NATION_FORMS)})(?:’s|'s)) airspace)(?![\\p{L}])`,
  "gu",
);
/**
 * The EU's missions by their acronyms: "EUTM Mali", "EUFOR Althea", "EUMAM Ukraine", "EUTM
 * (European Union Training Mission) Mozambique", "EUTM Moz" (a nation's name cut short).
 */
const EU_MISSION_ACRONYM_RE =
  /(?<![\p{L}])(EUTM|EUMAM|EUCAP|EUFOR|EULEX|EUNAVFOR|EUBAM|EUMM|EUPOL|EUAM)(?:\s+\([^()]{0,60}\))?\s+(\p{Lu}[\p{L}-]+)(?![\p{L}])/gu;
/**
 * "the EU training mission in Mali", "the European Union's military assistance mission in
 * Mozambique": the EU's mission by what it does and where (a nation), in lower case.
 */
const EU_MISSION_DESCRIBED_RE = new RegExp(
  `(?<![\\p{L}])(?:EU|European Union)(?:’s|'s)?\\s+((?:military\\s+)?(?:training|advisory|assistance|capacity[- ]building|monitoring|border assistance|naval)\\s+mission)\\s+in\\s+(${ALT(NATION_FORMS)})(?![\\p{L}])`,
  "gu",
);
/**
 * "the rotational (military) presence of Visegrad Group soldiers in the Baltic region": who (a
 * capitalised name, maybe with "troops" or "soldiers" after it) and where (a capitalised place,
 * maybe "region" or "states" after it).
 */
const ROTATIONAL_PRESENCE_RE =
  /(?<![\p{L}])(rotational\s+(?:military\s+)?presence)\s+of\s+(?:the\s+)?((?:\p{Lu}[\p{L}-]*\s+){0,3}?\p{Lu}[\p{L}-]*)\s+(?:(?:troops|soldiers|forces|units)\s+)?in\s+(?:the\s+)?(\p{Lu}[\p{L}-]*(?:\s+(?:region|states|States|\p{Lu}[\p{L}-]*))?)/gu;
const BATTLEGROUP_RE = new RegExp(
  `(?:(?:the|a|its|their)\\s+)?((?:(?:NATO(?:’s|'s)?|[Aa]lliance(?:’s|'s)|enhanced Forward Presence|[Ee]nhanced [Ff]orward [Pp]resence|eFP|\\(eFP\\)|multinational|[Mm]ultinational|forward|(?<![\\p{L}.])[\\p{Lu}][\\p{L}.]*-led)\\s+){0,4})(?:[Bb]attle ?[Gg]roup(?: Forward Presence)?|(?:[Bb]attalion )?[Cc]ombat [Gg]roup|(?<=(?:eFP|[Pp]resence)\\s)Battalion(?:\\s+[Bb]attle ?[Gg]roup)?|(?:[Ee]nhanced )?[Ff]orward [Pp]resence(?:\\s+Battalion)?(?:\\s+[Bb]attle ?[Gg]roup)?|[Ff]orward [Ll]and [Ff]orces?|FLF)(?![\\p{L}])(?:\\s*\\((?:FLF|eFP)\\))?(?:\\s+(?:(?:(?:based|stationed|deployed)\\s+)?(?:in|of)\\s+)?(${ALT(NATION_FORMS)})(?![\\p{L}]))?`,
  "gu",
);
const BRIGADE_RE = new RegExp(
  `\\b(?:the\\s+)?(?:(${ALT(NATION_FORMS)})(?:’s|'s)|(${ALT(DEMONYMS)})|(?:Bundeswehr|German Armed Forces)(?:’s|'s)?)\\s+(?:(?:new|permanent|armou?red|combat|heavy|mechani[sz]ed|forward|tank|panzer)\\s+){0,2}[Bb]rigade(?![\\p{L}])(?:\\s+(?:(?:based|stationed|deployed)\\s+)?(?:in|to)\\s+(${ALT(NATION_FORMS)}|${ALT(CAPITAL_FORMS)})(?![\\p{L}]))?`,
  "gu",
);
const STATIONS_BRIGADE_RE = new RegExp(
  `(?<![\\p{L}])(${ALT(NATION_FORMS)})\\s+(?:(?:is|was|has|have|had)\\s+)?(?:stationing|stations|stationed|deploying|deploys|deployed|sending|sends|sent)\\s+(?:a|an|its)\\s+(?:(?:new|permanent|armou?red|combat|heavy|mechani[sz]ed|tank|panzer)\\s+){0,2}(brigade)(?:\\s+of\\s+[^.;]{0,40}?)?\\s+(?:in|to)\\s+(${ALT(NATION_FORMS)})(?![\\p{L}])`,
  "gu",
);
/** "Lithuania, which hosts the German brigade": the host told before the brigade, in a clause. */
const HOSTS_BEFORE_RE = new RegExp(
  `(?<![\\p{L}])(${ALT(NATION_FORMS)})\\s*,\\s*(?:which|that)\\s+(?:(?:already|currently|now|also)\\s+)?(?:hosts|has\\s+hosted|is\\s+hosting|will\\s+host|is\\s+home\\s+to)\\s+$`,
  "u",
);
/** A nation's brigade stationed in another, as the golds name it: "German brigade in Lithuania". */
const brigadeName = (owner: KnownEntity, host: KnownEntity) =>
  `${GAZETTEER.find((g) => g.demonym && g.entity === owner)?.form ?? owner.name} brigade in ${host.name}`;
/** Russia's full-scale invasion of Ukraine began on 24 February 2022. */
const FULL_SCALE_INVASION = Date.UTC(2022, 1, 24);
const ANNEXATION_RE =
  /(?<![\p{L}])(?:(?:Russia|Moscow)(?:’s|'s) |Russian |the )?(?:(?:illegal|illegitimate|unlawful|forcible|forced|2014) )*annexation of (?:the )?Crimea(?:n [Pp]eninsula)?(?:(?= in 2014) in 2014)?/gu;
const BARE_INVASION_RE = new RegExp(
  `(?<![’']s |\\p{Lu}\\p{L}+ )(?:(?:full-scale|large-scale|illegal|unprovoked|brutal|ongoing|military) )*(?:invasion (?:of|on|against|into)|war (?:in|against|on)|aggression against|attack on) (${ALT(NATION_FORMS)})(?![\\p{L}])|(?<=\\bthe )(${ALT(NATION_FORMS)}) (?:war|conflict)(?![\\p{L}]|\\s+games)`,
  "gu",
);
const SITE_NOUNS =
  "(?:military |army )?training (?:ground|area|range|centre|center)|firing range|(?:military |army |air )?(?:base|camp)|garrison|barracks";
/** "the training ground 'Novo Selo'": a site's name in quotation marks after its noun. */
const SITE_QUOTED_RE = new RegExp(
  `\\bthe\\s+(?:${SITE_NOUNS})\\s+['‘"“]([\\p{Lu}][\\p{L}-]*(?:\\s[\\p{Lu}][\\p{L}-]*){0,2})['’"”]`,
  "gu",
);
/** "the (Hungarian) Ujmajor camp", "the Bergen-Hohne training area": a name before the noun. */
const SITE_BEFORE_NOUN_RE = new RegExp(
  `\\bthe\\s+(?:(\\p{Lu}[\\p{L}-]+)\\s+)?(\\p{Lu}[\\p{L}-]*)\\s+(${SITE_NOUNS})\\b`,
  "gu",
);
/** Capitalised words that name no site: days, months, pronouns and articles at a sentence start. */
const SITE_NOT_NAMES =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|The|This|That|These|Those|A|An|Its|Their|His|Her|Our|New|Main|Old|Largest|Military|Army|NATO|Allied|Alliance)$/;
// the US Army writes its 2nd and 3rd units "2d", "3d" ("2d Cavalry Regiment"; extclass26)
const UNIT_RE =
  /(?<![\p{L}\p{N}])(?:\d{1,3}(?:st|nd|rd|th|(?<=(?<!\d)[23])d)?|[IVX]{1,4})\s+(?:(?:\p{Lu}[\p{L}’'-]+|and|of)\s+){0,5}(?:Brigade Group|Brigade|Battalion|Regiment|Division|Squadron|Wing|Battle Group|Corps|Fleet|Battery|Task Force)\b(?:,\s+(?:the\s+)?(?:\p{Lu}[\p{L}’'-]+\s+){0,4}(?:Regiment|Infantry|Guards|Rifles|Dragoons|Hussars|Lancers|Fusiliers|Artillery|Engineers|Horse))?/gu;
/** Units numbered after their name: "Panzer Brigade 45", "Panzergrenadier Battalion 122". */
const UNIT_AFTER_RE =
  /(?<![\p{L}\p{N}’'-])(?:(?!The\s|A\s|In\s|By\s)\p{Lu}[\p{L}’'-]+\s+){1,3}(?:Brigade|Battalion|Regiment|Division|Squadron|Wing)\s+\d{1,3}(?![\p{N}]|[.,]\d)/gu;
const NATIONAL_FORCE_RE = new RegExp(
  `(?:the )?(${ALT(DEMONYMS)}|${ALT(NATION_FORMS)}(?=’s|'s))(?:’s|'s)? (?:(?:Land|Air|Naval|Special|Territorial|National|Armed|Defen[cs]e|Operations|Mechani[sz]ed|Infantry|Armoured|Armored|Light|Rapid|Reaction|Home|Volunteer|Foreign|Interior)\\s+){0,4}(?:Forces|Force|Guard|Legion|Brigade|Battalion|Regiment|Division|Corps|Command|Infantry|Ministry)\\b(?: (?:Infantry |Mechani[sz]ed |Armoured |Armored )?(?:Brigade|Battalion|Regiment|Division|Command)\\b|(?<=Ministry) of (?:(?:National|Foreign|Internal|Home) )?(?:Defen[cs]e|Affairs|Interior|Finance)\\b)?`,
  "gu",
);
/**
 * Institutional heads a body's name ends in, beyond ORG_HEADS, with their category: "the NATO
 * Parliamentary Assembly", "the Joint Warfare Centre", "the Baltic Defence College".
 */
const BODY_HEAD_CATEGORY: Readonly<Record<string, string>> = {
  Assembly: "GOVERNMENT",
  Fleet: "ARMED_FORCES",
  Flotilla: "ARMED_FORCES",
  Squadron: "ARMED_FORCES",
  Wing: "ARMED_FORCES",
  Group: "OTHER",
  Academy: "OTHER",
  College: "OTHER",
  Centre: "OTHER",
  Center: "OTHER",
  Headquarters: "ARMED_FORCES",
  Staff: "ARMED_FORCES",
  Directorate: "GOVERNMENT",
  Inspectorate: "GOVERNMENT",
  Secretariat: "GOVERNMENT",
  Authority: "GOVERNMENT",
  Police: "GOVERNMENT",
  Gendarmerie: "ARMED_FORCES",
  Marines: "ARMED_FORCES",
  Legion: "ARMED_FORCES",
  League: "ARMED_FORCES",
};
/** Heads that end a body's name in a run of capitalised words with no owner before it. */
const RUN_BODY_HEADS =
  /^(?:Assembly|Fleet|Flotilla|Squadron|Wing|Group|Academy|College|Centre|Center|Directorate|Inspectorate|Secretariat|Authority|Gendarmerie|Legion)$/;
/** Heads of an owned body's name, ORG_HEADS' institutional ones and BODY_HEAD_CATEGORY's. */
const OWNED_BODY_HEADS = [
  ...Object.keys(ORG_HEADS).filter(
    (h) =>
      !/^(?:Press|News|Times|Post|Party|Union|Alliance|Coalition|Bank|Fund|Network|Organization|Organisation|Industries|Systems|Corporation|University)$/.test(
        h,
      ),
  ),
  ...Object.keys(BODY_HEAD_CATEGORY),
];
/** Words inside a body's name that make it an office or a person's title instead. */
const OWNED_BODY_STOP =
  /^(?:Minister|Ministers|Secretary|President|Prime|Chancellor|Chief|Chiefs|Commander|Commanders|Deputy|Spokesman|Spokeswoman|Spokesperson|Ambassador|Head|Director|Chairman|Chair|Leader|General|Admiral|Colonel|Major|Captain|Lieutenant|Sergeant|Mr|Mrs|Ms|Dr|King|Queen|Prince|Princess)$/;
/** A nation's service after its owner ("Royal Air Force", "Armed Forces"): the forces rules' own. */
const OWNED_SERVICE =
  /^(?:(?:Royal|National|Armed|Land|Naval|Special|Air|Territorial)\s+)*(?:Armed Forces|Forces|Army|Navy|Air Force|Force|Coast Guard|Marines|Marine Corps)$/;
/** Heads that name the body with the owner alone ("the Estonian Police", "Polish Marines"). */
const OWNED_BODY_ALONE = /^(?:Police|Gendarmerie|Parliament|Assembly|Legion)$/;
/** An owner, up to four capitalised words and an institutional head, with an "of" tail. */
const OWNED_BODY_RE = new RegExp(
  `(?:the )?(?<![\\p{L}\\p{N}’'-])(${ALT(DEMONYMS)}|(?:${ALT(NATION_FORMS)})(?:’s|'s)?|(?:NATO|EU|UN|OSCE)(?:(?:’s|'s))?) ((?:\\p{Lu}[\\p{L}-]+ (?:and )?){0,4})(${OWNED_BODY_HEADS.join("|")})(?: (?:of|for) (?:the )?\\p{Lu}[\\p{L}-]+(?: (?:and )?\\p{Lu}[\\p{L}-]+){0,3})?(?![\\p{L}\\p{N}’'-]| \\p{Lu}| \\d| (?:of|for) (?:the )?\\p{Lu})`,
  "gu",
);
/** "the Chasseurs Ardennais battalion", "the Iron Wolf brigade": a name before a lower-case head. */
const NAMED_UNIT_RE =
  /(?<![\p{L}])the ((?:\p{Lu}[\p{L}’'-]+ ){1,3})(?:battalion|regiment|brigade)(?![\p{L}])/gu;
/** "the German parliament's budget committee", "the Bundestag's defence committee". */
const COMMITTEE_RE = new RegExp(
  `((?:(?:${ALT(DEMONYMS)}) [Pp]arliament|Bundestag|Sejm|Storting|Riksdag|Folketing|Eduskunta|Saeima|Seimas|Riigikogu|Verkhovna Rada|State Duma|House of Commons|Congress|Senate))(?:’s|'s) ((?:budget|defen[cs]e|foreign affairs|armed services|national security|security and defen[cs]e|finance|appropriations|intelligence)) committee(?![\\p{L}])`,
  "gu",
);
/** "the Polish defence ministry", "Norway's defense ministry": a ministry in lower case. */
const LOWER_MINISTRY_RE = new RegExp(
  `(?:the )?(${ALT(DEMONYMS)}|${ALT(NATION_FORMS)}(?=’s|'s))(?:’s|'s)? (?:defen[cs]e|foreign|finance) ministry(?![\\p{L}])`,
  "gu",
);
/**
 * A nation's embassy (twenty-third pass): "the U.S. Embassy", "the Polish embassy in Vilnius",
 * "the Embassy of Canada". Named as written, the noun capitalised ("Polish Embassy"); where it
 * is ("in Vilnius") stays a mention of its own.
 */
const EMBASSY_RE = new RegExp(
  `(?<![\\p{L}.])(?:(${ALT(DEMONYMS)}|${ALT(NATION_FORMS)})(?:’s|'s)? ([Ee]mbassy)|(Embassy) of (?:the )?(${ALT(NATION_FORMS)}))(?![\\p{L}])`,
  "gu",
);
/**
 * A town the text calls one (twenty-third pass): "the town of Rukla", "the Polish village of
 * Bemowo Piskie", "the port city of Constanta". The words after "of" name a place whether or not
 * GeoNames lists it; its nation is the demonym before the noun, or the nation written right after
 * ("in central Lithuania", ", Lithuania").
 */
const TOWN_OF_RE = new RegExp(
  `\\bthe\\s+(?:(${ALT(DEMONYMS)})\\s+)?(?:(?:small|tiny|northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western|border|coastal|port|garrison|frontier)\\s+)?(?:town|village|city|municipality|settlement|hamlet)\\s+of\\s+(\\p{Lu}[\\p{L}’'-]+(?:[\\s-]\\p{Lu}[\\p{L}’'-]+){0,2})(?![\\p{L}])`,
  "gu",
);
/** After a town's name: its nation ("in central Lithuania", ", Latvia"). */
const TOWNS_NATION_AFTER = new RegExp(
  `^(?:,\\s+|\\s+in\\s+(?:(?:central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)\\s+)?)(${ALT(NATION_FORMS)})(?![\\p{L}])`,
  "u",
);
/** "the Estonian-Latvian border", "the Poland-Belarus border": a border named by its two nations. */
const BORDER_RE = new RegExp(
  `(?<![\\p{L}-])(${ALT(NATION_FORMS)}|${ALT(DEMONYMS)})[-–](${ALT(NATION_FORMS)}|${ALT(DEMONYMS)}) border(?![\\p{L}])`,
  "gu",
);
const BASE_RE = new RegExp(
  `\\b(?:a|an|the|one)\\s+((?:(?:military|air|naval|army|NATO|forward|operating|logistics|training)\\s+){0,3}(?:base|airbase|air base|camp|garrison|barracks))\\s+in\\s+(${ALT(NATION_FORMS)})(?![\\p{L}])`,
  "gu",
);

const COMPASS = "(?:North|South|East|West|Central|Centre|Center)(?:[- ]?(?:[Ee]ast|[Ww]est))?";
/** 'the NATO multinational division "North"', 'multinational corps “Northeast”'. */
const QUOTED_FORMATION_RE =
  /(?<![\p{L}])(?:NATO(?:’s|'s)? )?[Mm]ultinational (division|corps) ["“](\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)?)["”]/gu;
const FORMATION_RE = new RegExp(
  [
    "(?<![\\p{L}])(?:NATO(?:’s|'s)?\\s+)?(?:",
    `Multi-?[Nn]ational (?:Brigade|Division|Corps|Battle ?[Gg]roup) (?:${COMPASS}|(?:North|South)(?:east|west)|${ALT(NATION_FORMS)})`,
    "|Task Force(?: \\p{Lu}[\\p{L}-]+){1,2}",
    "|(?:Baltic|Icelandic|Black Sea|[Ee]nhanced) Air Policing",
    // "NATO Air Policing is a peacetime mission": the alliance's standing mission by its proper
    // name (not "NATO Air Policing Mission in the Baltic states", read below as written)
    "|(?<=NATO(?:’s|'s)?\\s)Air Policing(?!\\s+[Mm]ission)",
    // written in lower case: "the Baltic air policing mission", "the enhanced air policing mission"
    // ... or its "duties" ("Polish air force takes over Baltic air policing duties": link28)
    "|(?:Baltic|Icelandic|Black Sea|[Ee]nhanced) air policing (?:mission|duties)",
    "|(?:Eastern|Baltic|Arctic) Sentry",
    // "Mine Counter Measures", "Mine Countermeasure", "Mine Counter-Measures": one group's name
    // as releases spell it (normalised below)
    "|Standing NATO (?:Maritime|Mine (?:Countermeasures?|Counter[- ][Mm]easures?)) Group (?:\\d|ONE|TWO|One|Two)",
    ")(?![\\p{L}])",
  ].join(""),
  "gu",
);
const isCap = (t: string) => /^\p{Lu}/u.test(t);
/** A surname with its particle joined by a hyphen or an apostrophe: "al-Jaafari", "d'Estaing". */
const JOINED_PARTICLE = /^(?:al|el|ad|ash|as|at|ibn|bin|ben|abu|abd|d|l)[-’']\p{Lu}[\p{L}’'-]+$/u;

/**
 * Titles a name follows directly: a rank or an office ("Major General", "Minister", "Land Force
 * Commander"), not a body; ranks also as British and NATO releases abbreviate them ("Brig Gen").
 */
const HEAD_TITLES =
  /^(?:General|Colonel|Admiral|Brigadier|Marshal|Commodore|Captain|Lieutenant|Sergeant|Commander|Minister|Secretary|President|Ambassador|Chancellor|Premier|Gen\.?|Col\.?|Adm\.?|Lt\.?|Capt\.?|Cdr|Cmdr|Sgt|Cpl|(?:Lieutenant|Major|Brigadier|Colonel)-(?:General|Colonel)|(?:Lt|Maj|Brig)\.-(?:Gen|Col)\.)$/;

/** A title word at `i` of a run: "State" is one in "Secretary of State", "Minister of State". */
function isTitleAt(run: readonly Token[], i: number): boolean {
  const t = (run[i] as Token).text;
  if (TITLE_WORDS.has(t)) return true;
  return (
    t === "State" &&
    run[i - 1]?.text === "of" &&
    /^(?:Secretary|Minister)$/.test(run[i - 2]?.text ?? "")
  );
}

/**
 * A title inside a run of capitalised words with a name of two to four words after it: the
 * title's span (`from` to `to`, exclusive) when the run's last title word is a rank or an office
 * and the words after it are name words. The words before the title (a place, a body's name) are
 * left out of both.
 */
function titleInside(run: readonly Token[]): { from: number; to: number } | undefined {
  let p = -1;
  for (let i = run.length - 1; i >= 0; i--)
    if (TITLE_WORDS.has((run[i] as Token).text)) {
      p = i;
      break;
    }
  // "Supreme Allied Commander Europe Philip Breedlove": the command's last word is the office's
  // (extwild28), never the name's first
  const head = p >= 0 ? (run[p] as Token).text : "";
  if (head === "Commander" && /^(?:Europe|Transformation)$/.test(run[p + 1]?.text ?? "")) p++;
  // "Ursula von der Leyen": a name's particles are part of the name, not connectors
  const after = run.slice(p + 1).map((t) => t.text);
  const particles = after.filter(
    (w, i) => i > 0 && i < after.length - 1 && NAME_PARTICLES.has(w),
  ).length;
  const rest = run.length - p - 1 - particles;
  if (p < 0 || rest < 2 || rest > 4 || !HEAD_TITLES.test(head)) return undefined;
  if (
    after.some(
      (w, i) =>
        NOT_NAMES.has(w) ||
        ORG_HEADS[w] ||
        (CONNECTORS.has(w) && !(i > 0 && i < after.length - 1 && NAME_PARTICLES.has(w))),
    )
  )
    return undefined;
  let from = p;
  while (
    from > 0 &&
    isTitleAt(run, from - 1) &&
    ORG_HEADS[(run[from - 1] as Token).text] === undefined
  )
    from--;
  return { from, to: p + 1 };
}

/** Whether the word right after `at` is a noun (wink's tag): "military threats", not "military is". */
function nounAfter(analysis: Analysis, at: number): boolean {
  const t = analysis.tokens.find((x) => x.start >= at);
  return (
    t !== undefined &&
    t.start - at <= 2 &&
    /^(?:NOUN|PROPN)$/.test(t.pos) &&
    /^\p{Ll}/u.test(t.text)
  );
}
const isWordy = (t: string) => /^[\p{L}\p{M}][\p{L}\p{M}'’.-]*$/u.test(t);

/**
 * The nation a battle group is placed in later in its sentence: "the battle group stationed there"
 * after "in central Romania", "was established in Romania", "in Orzysz, northern Poland".
 */
function hostInSentence(
  text: string,
  analysis: Analysis,
  m: RegExpMatchArray,
): KnownEntity | undefined {
  const at = m.index ?? 0;
  const s = analysis.sentences.find((x) => x.start <= at && at < x.end);
  if (!s) return undefined;
  const end = at + m[0].length;
  const nations = [...text.slice(s.start, s.end).matchAll(GAZ_RE)]
    .map((g) => ({ at: s.start + (g.index ?? 0), g: GAZ_BY_FORM.get(g[0]) }))
    .filter((x) => x.g?.entity.kind === "Nation" && !x.g.demonym);
  // "in central Romania ... the NATO battle group stationed there", "left for Slovakia ... to build
  // a battlegroup there"
  if (/^\s+(?:(?:stationed|based|deployed)\s+)?there\b/.test(text.slice(end, end + 30))) {
    const before = nations.filter(
      (x) =>
        x.at < at &&
        // "In response to Russia's invasion of Ukraine, ... a battlegroup there": a possessor is
        // no place the words go to (wild27)
        !/^(?:’s|'s)/.test(text.slice(x.at + (x.g?.form.length ?? 0))) &&
        /\b(?:in|to|into|for)\s+(?:(?:northern|southern|eastern|western|central)\s+)?$/.test(
          text.slice(Math.max(s.start, x.at - 20), x.at),
        ),
    );
    return before[before.length - 1]?.g?.entity;
  }
  const after = nations.find(
    (x) =>
      // "formed for Slovakia": the nation it is for; "in response to Russia's invasion": no host;
      // "coordinated by France on the territory of Romania": where it is
      !/^(?:’s|'s)/.test(text.slice(x.at + (x.g?.form.length ?? 0))) &&
      /^[^.;]{0,80}?\b(?:in|to|into|for|on the (?:territory|soil) of)\s+(?:\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)*,\s*)?(?:(?:northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western)\s+)?$/u.test(
        text.slice(end, x.at),
      ),
  );
  if (after) return after.g?.entity;
  // "1,000 French soldiers are deployed in Romania as part of the NATO battle group"
  const before = nations.filter(
    (x) =>
      x.at < at &&
      /\b(?:in|to|into)\s+(?:(?:northern|southern|eastern|western|central)\s+)?$/.test(
        text.slice(Math.max(s.start, x.at - 20), x.at),
      ) &&
      !/[;]/.test(text.slice(x.at, at)),
  );
  if (before.length > 0) return before[before.length - 1]?.g?.entity;
  // "Poland hosts about 10,000 U.S. troops ... as part of NATO's forward presence"
  return nations.find(
    (x) =>
      x.at < at &&
      /^\s+(?:hosts|is hosting|has hosted|hosted|will host|is home to|(?:is|are|was|were)\s+(?:preparing|set|ready|due|expected|scheduled|going|about|willing)\s+to\s+host|(?:agreed|offered|plans|wants|intends)\s+to\s+host)\b/.test(
        text.slice(x.at + (x.g?.form.length ?? 0), x.at + (x.g?.form.length ?? 0) + 40),
      ),
  )?.g?.entity;
}

/**
 * The nation in focus where a battle group is mentioned and placed nowhere: the last nation the
 * sentence before it names as where someone is, goes or visits ("Rutte is visiting Bulgaria. At the
 * training ground ... the Multinational Battle Group").
 */
function nationInFocus(text: string, analysis: Analysis, at: number): KnownEntity | undefined {
  const i = analysis.sentences.findIndex((x) => x.start <= at && at < x.end);
  const prev = i > 0 ? analysis.sentences[i - 1] : undefined;
  if (!prev) return undefined;
  const placed = [...text.slice(prev.start, prev.end).matchAll(GAZ_RE)]
    .map((g) => ({ at: prev.start + (g.index ?? 0), g: GAZ_BY_FORM.get(g[0]) }))
    .filter(
      (x) =>
        x.g?.entity.kind === "Nation" &&
        !x.g.demonym &&
        /\b(?:in|to|into|for|visiting|visited|visits|visit)\s+$/.test(
          text.slice(Math.max(prev.start, x.at - 20), x.at),
        ),
    );
  return placed[placed.length - 1]?.g?.entity;
}

/** The nation a phrase such as a publisher's name names ("Prime Minister of Canada"), if one. */
export function nationNamedIn(phrase: string): KnownEntity | undefined {
  for (const m of phrase.matchAll(GAZ_RE)) {
    const g = GAZ_BY_FORM.get(m[0]);
    if (g?.entity.kind === "Nation") return g.entity;
  }
  return undefined;
}

const METONYM_AFTER =
  /^(?:['’]s\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,3}(?:invasion|war|aggression|forces|troops|army|military|government|leadership|support|decision|position|policy|demands|offensive|attacks?|missiles|drones|sanctions|allies|regime|response|claims?|refusal|threats?|backing|aid)\b|\s+(?:has|had|have|will|would|wants|denied|denies|accused|accuses|launched|invaded|attacked|insists|insisted|demanded|demands|rejected|rejects|warned|warns|responded|sanctioned|claims|claimed|refused|refuses|supports|supported|backs|backed|condemned|condemns|blamed|blames|threatened|threatens|says|said|plans|planned|intends|aims|agreed|pledged|promised|vowed|announced|decided|approved|confirmed|fears|feared|worries|worried|hopes|hoped|expects|expected|believes|believed|considers|considered|argues|argued|welcomed|welcomes|criticised|criticized|criticises|criticizes|opposes|opposed|objects|objected|reiterated|reiterates|maintains|maintained|suspects|suspected)\b)/u;

/**
 * Before a capital that stands for its government: "the government in Lisbon", "the authorities in
 * Kyiv", "support for Kyiv", "weapons to Kyiv" (what a state gives or receives, not a city).
 */
const METONYM_BEFORE =
  /\b(?:(?:government|authorities|leadership|regime|administration)\s+in|(?:support|aid|assistance|backing|weapons|arms|ammunition|military aid|solidarity)\s+(?:for|to))\s+$/i;

/** After a capital, a compound that makes it a side: "Moscow-backed", "Kremlin-friendly". */
const METONYM_COMPOUND =
  /^-(?:backed|led|friendly|allied|aligned|controlled|installed|sponsored|supported|leaning|oriented)\b/i;

/**
 * A capital used for its nation's government: "Moscow's invasion of Ukraine", "Kyiv's forces",
 * "Washington said", "Berlin has pledged". Not after a preposition of place ("talks in Moscow
 * said ..."), where it is the city.
 */
function isMetonym(text: string, start: number, end: number): boolean {
  if (METONYM_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return true;
  // "pro-Moscow separatists", "anti-Kyiv protests", "Moscow-backed forces": a side taken, never the city
  if (/(?<![\p{L}-])(?:pro|anti)-$/iu.test(text.slice(Math.max(0, start - 5), start))) return true;
  if (METONYM_COMPOUND.test(text.slice(end, end + 24))) return true;
  const after = METONYM_AFTER.exec(text.slice(end, end + 60));
  if (!after) return false;
  // "a sharp turn in Berlin's long-term policy": a possessive stands for the state after any word
  if (/^['’]s\s/.test(after[0])) return true;
  return !/\b(?:in|to|from|at|near|into|of|outside|around|visited|visit|visiting|via|toward|towards)\s+(?:the\s+)?$/i.test(
    text.slice(Math.max(0, start - 20), start),
  );
}

/** Every mention in `text`; `reference` is the publication date (for relative dates). */
export function findMentions(
  text: string,
  analysis: Analysis,
  reference: { date: Date; precision: "year" | "month" | "day" } | null,
  /** Where the dateline writes its town and nation (furniture.ts), read on the text as written. */
  datelinePlaces?: readonly TextSpan[],
): Mentions {
  const claimed: Mention[] = [];
  /** The last words of the people and ships named in full so far, for `townAt` (namesakes.ts). */
  const fullNames = new Set<string>();
  // The same mentions by (start, end): claimed ones never overlap, so their ends rise with their
  // starts and only the last one starting before `e` can overlap [s, e). Scanning them all made
  // a text of thousands of mentions ("Trudeau's " repeated) quadratic.
  const spans: Mention[] = [];
  const before = (start: number, end: number) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = spans[mid] as Mention;
      if (m.start < start || (m.start === start && m.end < end)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const free = (s: number, e: number) => {
    const last = spans[before(e, Number.NEGATIVE_INFINITY) - 1];
    return !last || !(last.start < e && s < last.end);
  };
  /**
   * "von der leyen" -> the person "Ursula von der Leyen": a surname with its particles, as a later
   * sentence writes it alone and capitalised ("Von der Leyen was set to visit", "Van Bommel said").
   */
  const particleTails = new Map<string, Mention>();
  const claim = (m: Mention) => {
    if (!free(m.start, m.end)) return;
    claimed.push(m);
    if ((m.kind === "Person" && !m.bare) || m.vessel)
      fullNames.add(m.name.split(/\s+/).pop() ?? "");
    if (m.kind === "Person" && !m.bare) {
      const words = m.name.split(/\s+/);
      const at = words.findIndex((w, i) => i > 0 && NAME_PARTICLES.has(w));
      if (at > 0 && at < words.length - 1)
        particleTails.set(words.slice(at).join(" ").toLowerCase(), m);
    }
    spans.splice(before(m.start, m.end), 0, m);
  };
  /** Claims `text` at `start` as the gazetteer's `entity`, with whatever else the mention says. */
  const claimKnown = (
    start: number,
    text: string,
    entity: KnownEntity,
    extra: Partial<Mention> = {},
  ) =>
    claim({
      start,
      end: start + text.length,
      text,
      kind: entity.kind,
      name: entity.name,
      key: entity.key,
      known: entity,
      ...extra,
    });
  /**
   * An organisation's name with the nation written after it: "the Field Army of Germany", "the
   * Armed Forces of Ukraine" are those nations' own, named so (the nation stays its own mention).
   */
  const ofNation = (span: TextSpan & { text: string }) => {
    const of = /^\s+of\s+(?:the\s+)?/.exec(text.slice(span.end, span.end + 12));
    const at = of ? span.end + of[0].length : -1;
    const nation = of ? spans[before(at, Number.NEGATIVE_INFINITY)] : undefined;
    if (
      !nation ||
      nation.start !== at ||
      nation.kind !== "Nation" ||
      nation.demonym ||
      !nation.known
    )
      return { kind: "Organization" as const, name: span.text, key: slug(span.text) };
    const name = `${span.text} of ${text.slice(at, nation.end)}`;
    return { kind: "Organization" as const, name, key: slug(name), involves: [nation.known] };
  };
  /** Takes back mentions claimed, for a longer reading of their words. */
  const unclaim = (ms: readonly Mention[]) => {
    for (const m of ms) {
      claimed.splice(claimed.indexOf(m), 1);
      spans.splice(spans.indexOf(m), 1);
    }
  };
  const gazAt = (form: string) => GAZ_BY_FORM.get(form);
  /** An entity named by the match itself, as written. */
  const claimAsWritten = (
    m: RegExpMatchArray & { index: number },
    kind: Kind,
    properties?: Record<string, string>,
  ) =>
    claim({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      kind,
      name: m[0],
      key: slug(m[0]),
      ...(properties ? { properties } : {}),
    });
  /** A nation's government body the match names, under `name` ("Embassy of Canada"). */
  const claimNationalBody = (
    m: RegExpMatchArray & { index: number },
    name: string,
    nation: KnownEntity,
  ) =>
    claim({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      kind: "Organization",
      name,
      key: slug(name),
      properties: { category: "GOVERNMENT" },
      involves: [nation],
    });
  /** An organisation named by the match itself, of `category`. */
  const claimOrganization = (m: RegExpMatchArray & { index: number }, category: string) =>
    claimAsWritten(m, "Organization", { category });

  // Ships and their classes first: "ORP General Kazimierz Pulaski" is no person (namesakes.ts)
  for (const v of vesselSpans(text, (w) => gazAt(w) !== undefined || ORG_HEADS[w] !== undefined)) {
    const written = text.slice(v.start, v.end);
    claim({ ...v, text: written, kind: "Organization", name: written, vessel: true });
  }
  // "Allied Joint Force Command (JFC) Brunssum": a known body's name with its short form
  // written inside it, before its last word (NATO's releases write their commands so: link28)
  for (const m of text.matchAll(SPLIT_NAME_RE)) {
    const g = gazAt(`${m[1]} ${m[2]}`);
    if (!g) continue;
    claimKnown(m.index, m[0], g.entity);
  }
  // A US state's National Guard: "the U.S. Minnesota Army National Guard", "the Pennsylvania
  // National Guard" (the organisation, not the state, where its soldiers serve: link28)
  for (const m of text.matchAll(STATE_GUARD_RE)) {
    const start = m.index + m[0].indexOf(m[1] as string);
    const name = m[0].slice(start - m.index);
    claim({
      start,
      end: m.index + m[0].length,
      text: name,
      kind: "Organization",
      name,
      key: slug(name),
      properties: { category: "ARMED_FORCES" },
      involves: GAZETTEER.filter((g) => g.entity.key === "united-states")
        .map((g) => g.entity)
        .slice(0, 1),
    });
  }
  // Missions: "Operation Reassurance", "Operation Unifier".
  for (const m of text.matchAll(/\bOperation (\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?)/gu)) {
    // "Operation REASSURANCE" is Operation Reassurance
    const name = m[0].replace(
      /\b(\p{Lu})(\p{Lu}{2,})\b/gu,
      (_, a: string, b: string) => a + b.toLowerCase(),
    );
    claim({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      kind: "Mission",
      name,
      key: slug(name),
    });
  }
  // NATO's standing missions known by name: "the NATO Kosovo Force (KFOR)" (units.ts)
  for (const m of standingMissions(text)) claim(m);
  // NATO's air policing told by where it is: "the NATO air policing mission in Lithuania" is the
  // Baltic Air Policing (mission-names.ts)
  for (const m of text.matchAll(AIR_POLICING_RE)) {
    // "NATO's Baltic Air Policing mission in Lithuania": a proper name before it is its name
    const lead = /(\p{Lu}[\p{L}-]*)\s+$/u.exec(text.slice(Math.max(0, m.index - 24), m.index));
    if (lead && lead[1] !== "NATO") continue;
    const hosts = [...(m[2] ?? "").matchAll(GAZ_RE)]
      .map((g) => gazAt(g[0])?.entity)
      .filter((e): e is KnownEntity => e?.kind === "Nation");
    const known = describedMission(m[1] ?? "", hosts);
    if (!known) continue;
    const written = m[0]
      .slice(0, m[0].length - (m[2] ?? "").length)
      .replace(/\s+(?:over|in)\s+$/, "");
    claim({
      start: m.index,
      end: m.index + written.length,
      text: written,
      kind: "Mission",
      ...known,
      involves: hosts,
    });
  }
  // "the allied mission safeguarding the airspace of Estonia, Latvia and Lithuania": NATO's air
  // policing of those nations told by what it does (the nations stay their own mentions)
  for (const m of text.matchAll(GUARDS_AIRSPACE_RE)) {
    const hosts = [...(m[2] ?? "").matchAll(GAZ_RE)]
      .map((g) => gazAt(g[0])?.entity)
      .filter((e): e is KnownEntity => e?.kind === "Nation");
    const known = describedMission("air policing", hosts);
    if (!known) continue;
    const written = m[1] ?? "";
    const start = m.index + m[0].indexOf(written);
    claim({
      start,
      end: start + written.length,
      text: written,
      kind: "Mission",
      ...known,
      involves: hosts,
    });
  }
  // "the Slovenian air policing mission", "air policing of Slovenian airspace": NATO's air
  // policing of that nation, named as mission-names.ts names it ("the Baltic ..." is read below)
  for (const m of text.matchAll(NATION_AIR_POLICING_RE)) {
    const host = gazAt(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? "")?.entity;
    if (host?.kind !== "Nation") continue;
    const known = describedMission("air policing", [host]);
    if (!known) continue;
    claim({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      kind: "Mission",
      ...known,
      involves: [host],
    });
  }
  // NATO's formations and named activities: "NATO Multinational Brigade Latvia", "Multinational
  // Division North East", "Multinational Corps Northeast", "Task Force Narva", "the Baltic Air
  // Policing mission", "Eastern Sentry". Missions (military operations), named as written without
  // a leading "NATO('s)"; a nation in the name is where the formation is.
  for (const m of text.matchAll(FORMATION_RE)) {
    const lead = /^(?:NATO(?:’s|'s)?\s+)/.exec(m[0]);
    const start = m.index + (lead?.[0].length ?? 0);
    const written = text.slice(start, m.index + m[0].length);
    // "the Baltic air policing mission" is the Baltic Air Policing
    const name = / air policing (?:mission|duties)$/.test(written)
      ? titleCase(written.replace(/ (?:mission|duties)$/, ""))
      : written === "Air Policing"
        ? "NATO Air Policing"
        : written
            .replace(/^enhanced /, "Enhanced ")
            // "Standing NATO Maritime Group ONE" is Standing NATO Maritime Group 1
            .replace(/ Group (?:ONE|One)$/, " Group 1")
            .replace(/ Group (?:TWO|Two)$/, " Group 2")
            .replace(
              / Mine Counter(?:[- ][Mm]easures?|measure)(?= Group)/,
              " Mine Countermeasures",
            );
    // "Multinational Division North East", "Multinational Corps Northeast": a headquarters and the
    // formation it commands, an organisation (a brigade or a battle group is the mission)
    if (/^Multi-?[Nn]ational (?:Division|Corps) /.test(written)) {
      claim({
        start,
        end: m.index + m[0].length,
        text: written,
        kind: "Organization",
        name: written,
        key: slug(written),
        properties: { category: "ARMED_FORCES" },
      });
      continue;
    }
    const host = [...name.matchAll(GAZ_RE)]
      .map((g) => gazAt(g[0])?.entity)
      .find((e) => e?.kind === "Nation");
    claim({
      start,
      end: m.index + m[0].length,
      text: written,
      kind: "Mission",
      name,
      key: slug(name),
      ...(host ? { involves: [host] } : {}),
    });
  }
  // 'the NATO multinational division "North"': the division named by the word quoted after it
  for (const m of text.matchAll(QUOTED_FORMATION_RE)) {
    const head = (m[1] as string).toLowerCase() === "corps" ? "Corps" : "Division";
    const name = `NATO Multinational ${head} ${m[2] as string}`;
    claim({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      kind: "Organization",
      name,
      key: slug(name.replace(/^NATO /, "")),
      properties: { category: "ARMED_FORCES" },
    });
  }
  // Missions named by a description: "NATO’s air policing mission over Estonia, Latvia, and
  // Lithuania", "the alliance's training mission in Iraq": the alliance's mission, named by its
  // words ("air policing mission"); nations after "over" or "in" are where it is.
  for (const m of text.matchAll(DESCRIBED_MISSION_RE)) {
    const words = m[1] ?? "";
    if (
      words
        .trim()
        .split(/\s+/)
        .every((w) => DESCRIPTION_STOP.has(w))
    )
      continue;
    const start = m.index + m[0].indexOf(words);
    const end = start + words.length + (m[2] ?? "").length;
    const name = text.slice(start, end).replace(/\s+/g, " ");
    const hosts = [...(m[3] ?? "").matchAll(GAZ_RE)]
      .map((g) => gazAt(g[0])?.entity)
      .filter((e): e is KnownEntity => e?.kind === "Nation");
    claim({
      start,
      end,
      text: text.slice(start, end),
      kind: "Mission",
      name,
      key: slug(`NATO ${name}`),
      ...(hosts.length > 0 ? { involves: hosts } : {}),
    });
  }
  // The EU's missions by their acronyms, "EUTM Mali"; a word that begins a nation's name is it
  // ("EUTM Moz" is EUTM Mozambique). Not the acronym alone ("EUTM said"): it names no mission.
  for (const m of text.matchAll(EU_MISSION_ACRONYM_RE)) {
    const word = m[2] as string;
    if (/^(?:The|A|An|In|On|At|And|Or|But|Is|Was|Has|Had|Will|Said|Says)$/.test(word)) continue;
    const whole = gazAt(word)?.entity;
    const cut =
      whole ??
      (word.length >= 3
        ? GAZETTEER.find((g) => g.entity.kind === "Nation" && !g.demonym && g.form.startsWith(word))
            ?.entity
        : undefined);
    const place = cut?.kind === "Nation" ? cut.name : word;
    const name = `${m[1] as string} ${place}`;
    claim({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      kind: "Mission",
      name,
      key: slug(name),
      ...(cut?.kind === "Nation" ? { involves: [cut] } : {}),
    });
  }
  // "the EU training mission in Mali": named as its proper name would be, "EU Training Mission in Mali"
  for (const m of text.matchAll(EU_MISSION_DESCRIBED_RE)) {
    const host = gazAt(m[2] as string)?.entity;
    if (host?.kind !== "Nation") continue;
    const name = `EU ${titleCase(m[1] as string)} in ${host.name}`;
    claim({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      kind: "Mission",
      name,
      key: slug(name),
      involves: [host],
    });
  }
  // Missions named as such: "the EU Military Assistance Mission", "the EU Training Mission in Mali"
  for (const m of text.matchAll(
    /(?<![\p{L}’'-])(?:(?:EU|NATO|UN|OSCE)\s+)?(?:(?!(?:The|A|An|This|That|Our|Its|Their|His|Her|Every|Each|No)\s)\p{Lu}[\p{L}-]+\s+){1,4}Mission(?![\p{L}])/gu,
  )) {
    const name = m[0];
    if (name.split(/\s+/).length < 2) continue;
    claim({
      start: m.index,
      end: m.index + name.length,
      text: name,
      kind: "Mission",
      name,
      key: slug(name),
    });
  }
  // "the rotational military presence of the Visegrad Group in the Baltic region": a mission told
  // by whose presence it is and where; the mention is the words "rotational presence" (the owner
  // and the place stay their own mentions, for the rules that relate them to it)
  for (const m of text.matchAll(ROTATIONAL_PRESENCE_RE)) {
    const words = m[1] ?? "";
    const who = (m[2] ?? "").trim();
    const where = (m[3] ?? "").trim();
    const the = /\sin\s+the\s+\S+(?:\s+\S+)?$/.test(m[0]) ? "the " : "";
    const name = `${who} rotational presence in ${the}${where}`;
    const start = (m.index ?? 0) + m[0].indexOf(words);
    claim({
      start,
      end: start + words.length,
      text: words,
      kind: "Mission",
      name,
      key: slug(name),
    });
  }
  // "the NATO multinational brigade in Latvia": NATO's brigade there (src/extract/units.ts)
  for (const b of multinationalBrigades(text)) claim(b);
  // "Viktor Orban’s Government": the government of the nation its head leads (governments.ts)
  for (const g of personsGovernments(text, reference?.date.getUTCFullYear())) claim(g);
  for (const g of ministriesAsWritten(text)) claim(g);
  // "the NATO battle group in Estonia", "the UK-led battlegroup": a mission, named by where it is.
  const groups: { m: RegExpMatchArray; host?: KnownEntity; lead?: KnownEntity }[] = [];
  for (const m of text.matchAll(BATTLEGROUP_RE)) {
    // "NATO's forward presence", "the enhanced Forward Presence": the mission; "a forward presence" is not
    if (
      /[Pp]resence(?:\s|$)/.test(m[0]) &&
      !/[Bb]attle ?[Gg]roup|[Cc]ombat [Gg]roup/.test(m[0]) &&
      !/\bNATO|[Ee]nhanced\b/.test(m[0]) &&
      // "the alliance's forward presence" where the alliance is NATO
      !(/[Aa]lliance(?:’s|'s)/.test(m[0]) && /\bNATO\b/.test(text))
    )
      continue;
    const host = gazAt(m[2] ?? "")?.entity ?? hostInSentence(text, analysis, m);
    const ledBy = m[1]?.match(/(\S+)-led\b/)?.[1];
    const lead = ledBy ? gazAt(ledBy)?.entity : undefined;
    groups.push({
      m,
      ...(host?.kind === "Nation" ? { host } : {}),
      ...(lead?.kind === "Nation" ? { lead } : {}),
    });
  }
  // "Germany's brigade in Lithuania", "the Bundeswehr brigade in Vilnius", "the German brigade":
  // a nation's brigade stationed abroad, named by its owner and where it is
  const brigades: { m: RegExpMatchArray; owner: KnownEntity; host?: KnownEntity }[] = [];
  for (const m of text.matchAll(BRIGADE_RE)) {
    const owner =
      m[1] !== undefined
        ? gazAt(m[1])?.entity
        : m[2] !== undefined
          ? gazAt(m[2])?.entity
          : GAZETTEER.find((g) => g.entity.key === "germany")?.entity;
    // "Lithuania, which hosts the German brigade": the host before, in a relative clause
    const hostedIn = m[3]
      ? undefined
      : HOSTS_BEFORE_RE.exec(text.slice(Math.max(0, (m.index ?? 0) - 60), m.index))?.[1];
    const atName = m[3] ?? hostedIn;
    const at = atName ? gazAt(atName)?.entity : undefined;
    const host = at?.kind === "Place" ? capitalOf(at.key) : at;
    if (owner?.kind !== "Nation" || host === owner) continue;
    brigades.push({ m, owner, ...(host?.kind === "Nation" ? { host } : {}) });
  }
  // "Germany is stationing a brigade of about 5,000 troops in Lithuania", "Germany has deployed a
  // brigade to Lithuania": the nation's brigade there, its mention the word "brigade" (one it will
  // send is a pledge, read by the pledge rules, and no brigade there yet)
  for (const m of text.matchAll(STATIONS_BRIGADE_RE)) {
    const owner = gazAt(m[1] ?? "")?.entity;
    const at = gazAt(m[3] ?? "")?.entity;
    const host = at?.kind === "Place" ? capitalOf(at.key) : at;
    if (owner?.kind !== "Nation" || host?.kind !== "Nation" || host === owner) continue;
    const name = brigadeName(owner, host);
    const start = m.index + m[0].indexOf(m[2] as string);
    claim({
      start,
      end: start + (m[2] as string).length,
      text: m[2] as string,
      kind: "Mission",
      name,
      key: slug(name),
      involves: [host],
      ledBy: owner,
    });
  }
  for (const b of brigades) {
    const others = [
      ...new Set(brigades.filter((x) => x.owner === b.owner && x.host).map((x) => x.host)),
    ];
    const host = b.host ?? (others.length === 1 ? others[0] : undefined);
    if (!host) continue;
    const name = brigadeName(b.owner, host);
    const start = (b.m.index ?? 0) + (b.m[0].match(/^the\s+/i)?.[0].length ?? 0);
    // up to "brigade": where it is ("in Vilnius") stays a mention of its own
    const end = (b.m.index ?? 0) + (b.m[0].search(/[Bb]rigade/) + "brigade".length);
    claim({
      start,
      end,
      text: text.slice(start, end),
      kind: "Mission",
      name,
      key: slug(name),
      involves: [host],
      ledBy: b.owner,
      ...(b.host ? {} : { impliedIn: true }),
    });
  }
  const hosts = [...new Set(groups.map((g) => g.host).filter((h) => h !== undefined))];
  for (const g of groups) {
    // "the NATO eFP Battalion based in Rukla": placed in a town no list names, it is not the one
    // group the article places in a nation elsewhere ("the NATO eFP Battalion deployed in Poland")
    // (the battlegroup "based in Tapa" is Estonia's, the nation of a town the list knows)
    const after = (g.m.index ?? 0) + g.m[0].length;
    const town = g.host
      ? undefined
      : /^\s+(?:based|stationed|deployed|located)\s+(?:in|at)\s+(\p{Lu}[\p{L}-]+)/u.exec(
          text.slice(after, after + 40),
        )?.[1];
    const towns = town ? citiesNamed(town) : [];
    const townNation = (towns.find((c) => hosts.includes(c.nation)) ?? towns[0])?.nation;
    // a battle group the article does not place is the one it places elsewhere, if only one
    const host =
      g.host ??
      townNation ??
      (hosts.length === 1 && !town ? hosts[0] : undefined) ??
      (hosts.length === 0 ? nationInFocus(text, analysis, g.m.index ?? 0) : undefined);
    if (!host) continue;
    const name = `NATO battle group in ${host.name}`;
    const start = (g.m.index ?? 0) + (g.m[0].match(/^(?:the|a|its|their)\s+/i)?.[0].length ?? 0);
    const end = (g.m.index ?? 0) + g.m[0].length;
    claim({
      start,
      end,
      text: text.slice(start, end),
      kind: "Mission",
      name,
      key: slug(name),
      involves: [host],
      ...(g.host ? {} : { impliedIn: true }),
      ...(g.lead ? { ledBy: g.lead } : {}),
    });
  }
  // "Russia's invasion of Ukraine", "the Russian invasion of Ukraine".
  const invaders = new Map<KnownEntity, KnownEntity>();
  /** The invasion of `b` by `a`, named at match `m`; `implied` when the invader is not named there. */
  const claimInvasion = (
    m: RegExpMatchArray,
    a: KnownEntity,
    b: KnownEntity,
    implied: boolean,
    targetOnly = false,
  ) => {
    const demonym = DEMONYMS.find((d) => d.entity === a)?.form ?? a.name;
    // "Russia's aggression in Ukraine" written before the full-scale invasion (24 February 2022)
    // is the war of 2014, not "the invasion"; written after it, it is the invasion
    const earlier = reference !== null && reference.date.getTime() < FULL_SCALE_INVASION;
    const what = (earlier && /\baggression (?:against|in)\b/.exec(m[0])?.[0]) || "invasion of";
    claim({
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      text: m[0],
      kind: "Event",
      name: `${a.name}'s ${what} ${b.name}`,
      key: slug(`${demonym} ${what} ${b.name}`),
      properties: { category: "CONFLICT" },
      involves: targetOnly ? [b] : [a, b],
      ...(implied ? { impliedIn: true } : {}),
    });
  };
  for (const m of text.matchAll(INVASION_RE)) {
    const named = gazAt(m[1] ?? m[2] ?? "")?.entity;
    // "Moscow's invasion": the capital's nation invades
    const a = named?.kind === "Place" ? capitalOf(named.key) : named;
    const b = gazAt(m[3] ?? "")?.entity;
    if (!a || !b) continue;
    invaders.set(b, a);
    claimInvasion(m, a, b, false);
  }
  // "Russia's (illegal) annexation of (the) Crimea(n peninsula)": an event any reader knows as
  // Russia's (2014), whoever the text names, its mention the words up to "annexation"; Crimea
  // (the peninsula) a place of its own
  for (const m of text.matchAll(/(?<![\p{L}])Crimea(?:n [Pp]eninsula)?(?![\p{L}])/gu)) {
    claim({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      kind: "Place",
      name: "Crimea",
      key: "crimea",
    });
  }
  for (const m of text.matchAll(ANNEXATION_RE)) {
    // the annexer's name stays its own mention: "Russia’s", "Russian"
    const start =
      m.index + (m[0].match(/^(?:the|(?:Russia|Moscow)(?:’s|'s)|Russian)\s+/i)?.[0].length ?? 0);
    const end = m.index + m[0].indexOf("annexation") + "annexation".length;
    claim({
      start,
      end,
      text: text.slice(start, end),
      kind: "Event",
      name: "Russia's annexation of Crimea",
      key: "russian-annexation-of-crimea",
      properties: { category: "CONFLICT", date: "2014" },
    });
  }
  // "the invasion of Ukraine", "the war in Ukraine": the invader is the one the article names in
  // full elsewhere ("Russia's invasion of Ukraine"), or the one other nation the sentence names
  // when that is the nation known to have invaded it (KNOWN_INVADER)
  for (const m of text.matchAll(BARE_INVASION_RE)) {
    // "the Ukraine war", "the Ukraine conflict": the nation named before the noun
    const b = gazAt(m[1] ?? m[2] ?? "")?.entity;
    if (b?.kind !== "Nation" || !free(m.index, m.index + m[0].length)) continue;
    const sentence = analysis.sentences.find((x) => x.start <= m.index && m.index < x.end);
    const others = sentence
      ? [
          ...new Set(
            [...text.slice(sentence.start, sentence.end).matchAll(GAZ_RE)]
              .map((g) => gazAt(g[0])?.entity)
              .filter((e): e is KnownEntity => e?.kind === "Nation" && e !== b),
          ),
        ]
      : [];
    // the other nation only when it is the one any reader knows waged that war: in "help Slovakia
    // cope with refugees fleeing the war in Ukraine" Slovakia is no invader
    const a =
      invaders.get(b) ??
      (others.length === 1 && others[0]?.key === KNOWN_INVADER[b.key] ? others[0] : undefined);
    if (!a) {
      // ext-facts15: the war any reader knows ("refugees fleeing the war in Ukraine", written after
      // the full-scale invasion) is that invasion all the same, its target the one nation the
      // words name; the invader the text does not name is not added (events-of-knowledge.ts)
      // ("Moscow launched its invasion of Ukraine" names its invader: read as an act, relations.ts)
      const known = /\bthe\s+$/i.test(text.slice(Math.max(0, m.index - 5), m.index))
        ? knownWar(b.key, reference?.date, (name) => gazAt(name)?.entity)
        : undefined;
      if (known) claimInvasion(m, known, b, true, true);
      continue;
    }
    claimInvasion(m, a, b, true);
  }
  // Units by their number: "1 Canadian Mechanized Brigade Group", "the 3rd Battalion", "Panzer
  // Brigade 45".
  for (const m of text.matchAll(UNIT_AFTER_RE)) {
    claimOrganization(m, "ARMED_FORCES");
  }
  for (const m of text.matchAll(UNIT_RE)) {
    // "2nd Mechanised Infantry Battalion Călugăreni,": a unit named by the town it is based in
    // (GeoNames knows the town; the name closes after it)
    const town = /^\s(\p{Lu}[\p{L}’'-]+)(?=[,.;)])/u.exec(
      text.slice(m.index + m[0].length, m.index + m[0].length + 40),
    )?.[1];
    const named = town && !gazAt(town) && !NOT_NAMES.has(town) && citiesNamed(town).length > 0;
    const name = named ? `${m[0]} ${town}` : m[0];
    const nations = [...name.matchAll(GAZ_RE)]
      .map((g) => gazAt(g[0])?.entity)
      .filter((e): e is KnownEntity => e?.kind === "Nation");
    claim({
      start: m.index,
      end: m.index + name.length,
      text: name,
      kind: "Organization",
      name,
      key: slug(name),
      properties: { category: "ARMED_FORCES" },
      ...(nations.length > 0 ? { involves: [...new Set(nations)] } : {}),
    });
  }
  // "the NATO Support and Procurement Agency", "the NATO Communications and Information Agency":
  // an agency's name joins two words by "and" ("for"); no title, nation or known body inside
  for (const m of text.matchAll(JOINED_AGENCY_RE)) {
    const inner = m[0].split(/\s+/).slice(1, -1);
    if (inner.some((w) => OFFICE_IN_AGENCY.test(w) || GAZ_BY_FORM.has(w) || NOT_NAMES.has(w)))
      continue;
    const end = m.index + m[0].length;
    const inside = claimed.filter((x) => x.start < end && m.index < x.end);
    if (inside.some((x) => x.start < m.index || x.end > end || x.kind === "Person")) continue;
    unclaim(inside);
    claimOrganization(m, /Command$/.test(m[0]) ? "ARMED_FORCES" : "OTHER");
  }
  // "NATO's Enhanced Vigilance Activities mission", "the Baltic Sentry operation": a mission named
  // by capitalised words before the noun in lower case; "a so-called Mine Countermeasure Task
  // Group": a task group or force named by the words before it (no nation, people, title or day)
  for (const m of text.matchAll(NAMED_MISSION_RE)) {
    const words = (m[1] ?? m[2] ?? "").trim();
    const list = words.split(/\s+/);
    if (list.length < 2 && !/Task (?:Group|Force)$/.test(words)) continue;
    const bad = (w: string) =>
      GAZ_BY_FORM.has(w) || NOT_NAMES.has(w) || TITLE_WORDS.has(w) || ORG_HEADS[w] !== undefined;
    if (list.some((w, i) => bad(w) && !(i >= list.length - 2 && /^(?:Task|Group|Force)$/.test(w))))
      continue;
    const start = m.index + m[0].indexOf(words);
    const end = start + words.length;
    if (!free(start, end)) continue;
    claim({ start, end, text: words, kind: "Mission", name: words, key: slug(words) });
  }
  // the British Army's corps, named by "Royal" and the arm: "units from the Royal Artillery and
  // the Royal Engineers" (the arm alone, "Field Artillery", is no name)
  for (const m of text.matchAll(ROYAL_CORPS_RE)) claimOrganization(m, "ARMED_FORCES");
  // "the 1st Battalion Royal Regiment of Fusiliers": the regiment's "of" and its name close it
  for (const m of claimed.filter((x) => x.kind === "Organization" && /Regiment$/.test(x.text))) {
    const of = /^ of (?:the )?(\p{Lu}[\p{L}’'-]+(?: \p{Lu}[\p{L}’'-]+)?)(?![\p{L}])/u.exec(
      text.slice(m.end, m.end + 40),
    );
    const what = of?.[1];
    if (!of || !what || gazAt(what)?.entity.kind === "Nation" || NOT_NAMES.has(what)) continue;
    if (!free(m.end, m.end + of[0].length)) continue;
    unclaim([m]);
    const name = text.slice(m.start, m.end + of[0].length);
    claim({ ...m, end: m.start + name.length, text: name, name, key: slug(name) });
  }
  // "Mechanized Infantry Brigade Iron Wolf", "Algirdas Mechanized Infantry Battalion": a unit
  // named by its arm and head with its own name after or before them; "the Iron Wolf Brigade"
  // later is the same unit (src/extract/unit-names.ts)
  for (const u of namedUnits(text, (w) => isNotUnitName(w))) {
    const inside = claimed.filter((m) => m.start < u.end && u.start < m.end);
    if (inside.some((m) => m.start < u.start || m.end > u.end || m.kind !== "Organization"))
      continue;
    unclaim(inside);
    claim({ ...u, kind: "Organization", properties: { category: "ARMED_FORCES" } });
  }
  // "Latvian Land Forces Infantry Brigade", "Estonian Defence Forces": a force named by its nation.
  for (const m of text.matchAll(NATIONAL_FORCE_RE)) {
    const nation = gazAt(m[1] ?? "")?.entity;
    if (nation?.kind !== "Nation") continue;
    // "the Royal Canadian Regiment", "Royal Danish Navy": "Royal" is part of the name
    const royal = /Royal\s+$/.test(text.slice(Math.max(0, m.index - 6), m.index)) ? 6 : 0;
    const start = m.index + (m[0].startsWith("the ") ? 4 : 0) - royal;
    const end = m.index + m[0].length;
    const name = text.slice(start, end);
    if (/^\S+ (?:Armed Forces|Forces|Army|Navy|Air Force|Coast Guard)$/.test(name)) continue; // below
    claim({
      start,
      end,
      text: name,
      kind: "Organization",
      name,
      key: slug(name),
      properties: { category: /Ministry|Department/.test(name) ? "GOVERNMENT" : "ARMED_FORCES" },
      involves: [nation],
    });
  }
  // A body named by its owner and an institutional head (the grammar of such names, not a list
  // of them): "the Estonian Defence League", "Poland's Territorial Defence Forces Command", "the
  // NATO Parliamentary Assembly", "NATO's Allied Air Command", "the Lithuanian Military Academy".
  // The owner is a demonym, a nation's possessive or an international body's short name; between
  // it and the head only capitalised words that name no person's office, no nation and no known
  // body; after the head no further capitalised word (the name goes on), except an "of"/"for"
  // tail of capitalised words ("the Latvian Ministry of Economics and Finance"). Named as written;
  // a nation owner is what the body involves.
  // (a match refused is tried again a word on: "the US Senate NATO Observer Group" is NATO's)
  for (const m of matchesFromEachStart(text, OWNED_BODY_RE)) {
    const owner = (m[1] as string).replace(/(?:’s|'s)$/, "");
    const inner = (m[2] ?? "").split(/\s+/).filter(Boolean);
    const head = m[3] as string;
    if (
      inner.some(
        (w) => w !== "and" && (OWNED_BODY_STOP.test(w) || GAZ_BY_FORM.has(w) || NOT_NAMES.has(w)),
      )
    )
      continue;
    // "the British Army", "the Polish Navy": the forces rules below name them
    if (inner.length === 0 && !OWNED_BODY_ALONE.test(head)) continue;
    // a nation's name as written, not its possessive ("the Ukraine Defense Contact Group"), owns
    // a body only with a word between (a sentence's "Latvia Command ..." is no name)
    if (
      NATION_FORMS.some((g) => g.form === m[1]) &&
      (inner.length === 0 || /^[A-Z.]+$/.test(m[1] as string))
    )
      continue;
    if (inner[inner.length - 1] === "and") continue;
    if (
      head === "Staff" &&
      !/^(?:General|Defence|Defense|Joint)$/.test(inner[inner.length - 1] ?? "")
    )
      continue;
    const entity = gazAt(owner)?.entity;
    const nation = entity?.kind === "Nation" ? entity : undefined;
    if (!nation && !/^(?:NATO|EU|UN|OSCE)$/.test(owner)) continue;
    // a nation's services and NATO's multinational formations are named by the rules for them
    if (
      OWNED_SERVICE.test(`${inner.join(" ")} ${head}`.trim()) ||
      inner.some((w) => /^Multi-?[Nn]ational$/.test(w)) ||
      /Royal\s+$/.test(text.slice(Math.max(0, m.index - 6), m.index))
    )
      continue;
    // "NATO's Allied Air Command": the mention is the words after the possessive (NATO stays a
    // mention of its own)
    const possessive = !nation && /(?:’s|'s)$/.test(m[1] as string);
    const start =
      m.index + m[0].indexOf(m[1] as string) + (possessive ? (m[1] as string).length + 1 : 0);
    const end = m.index + m[0].length;
    if (!free(start, end)) continue;
    const written = text.slice(start, end);
    // ... named "NATO Allied Air Command", as the alliance's bodies are
    const name = possessive ? `${owner} ${written}` : written;
    claim({
      start,
      end,
      text: written,
      kind: "Organization",
      name,
      key: slug(name),
      properties: { category: BODY_HEAD_CATEGORY[head] ?? ORG_HEADS[head] ?? "OTHER" },
      ...(nation ? { involves: [nation] } : {}),
    });
  }
  for (const m of text.matchAll(EMBASSY_RE)) {
    const nation = gazAt(m[1] ?? m[4] ?? "")?.entity;
    if (nation?.kind !== "Nation") continue;
    // "Britain's embassy" is the Embassy of the United Kingdom
    const name =
      m[1] === undefined
        ? m[0]
        : /['’]s /.test(m[0])
          ? `Embassy of ${/^(?:United|Netherlands|Czech Republic)/.test(nation.name) ? "the " : ""}${nation.name}`
          : m[0].replace(/embassy$/, "Embassy");
    claimNationalBody(m, name, nation);
  }
  // "the Chasseurs Ardennais battalion", "the Iron Wolf brigade": a unit named by capitalised
  // words before its head in lower case (no word a nation, people, place or known body: "the
  // Latvian battalion", "the NATO brigade" are descriptions)
  for (const m of text.matchAll(NAMED_UNIT_RE)) {
    const words = (m[1] as string).trim();
    if (
      gazAt(words) !== undefined ||
      words
        .split(/[\s-]+/)
        .some(
          (w) =>
            gazAt(w) !== undefined ||
            NOT_NAMES.has(w) ||
            TITLE_WORDS.has(w) ||
            /^(?:led|based|run|backed|made)$/.test(w),
        )
    )
      continue;
    const start = m.index + 4;
    const end = m.index + m[0].length;
    const name = text.slice(start, end);
    claim({
      start,
      end,
      text: name,
      kind: "Organization",
      name,
      key: slug(name),
      properties: { category: "ARMED_FORCES" },
    });
  }
  // "the Polish defence ministry", "Norway's defense ministry", "the Latvian foreign ministry":
  // a nation's ministry written in lower case, named as its capitalised form is
  for (const m of text.matchAll(LOWER_MINISTRY_RE)) {
    const nation = gazAt(m[1] ?? "")?.entity;
    if (nation?.kind !== "Nation") continue;
    const start = m.index + (m[0].startsWith("the ") ? 4 : 0);
    const end = m.index + m[0].length;
    const written = text.slice(start, end);
    const name = written.replace(/ (\p{Ll})/gu, (_, c: string) => ` ${c.toUpperCase()}`);
    claim({
      start,
      end,
      text: written,
      kind: "Organization",
      name,
      key: slug(name),
      properties: { category: "GOVERNMENT" },
      involves: [nation],
    });
  }
  // "the German parliament's budget committee", "the Bundestag's defence committee": a committee
  // of a parliament the text names (the parliament is named on its own as well); a committee of
  // nothing named ("the committee") is none
  for (const m of text.matchAll(COMMITTEE_RE)) {
    const parliament = (m[1] as string).replace(/^the /, "");
    const what = (m[2] as string).replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    const at = m.index + m[0].length - (m[2] as string).length - " committee".length;
    const name = `${what} Committee of the ${parliament}`;
    claim({
      start: at,
      end: m.index + m[0].length,
      text: text.slice(at, m.index + m[0].length),
      kind: "Organization",
      name,
      key: slug(name),
      properties: { category: "GOVERNMENT" },
    });
  }
  // "the Royal Netherlands Navy", "the United States Navy": a service named with its nation's
  // name (not its demonym), as written
  for (const m of text.matchAll(NATION_SERVICE_RE)) {
    const nation = gazAt(m[2] ?? "")?.entity;
    // "US Army", "U.S. Navy": an abbreviation, named as written below (us-army)
    if (nation?.kind !== "Nation" || !/\p{Ll}/u.test(m[2] ?? "")) continue;
    // "the Netherlands Maritime Force": the nation's article is not the service's name
    const article = /^the /.test(m[0]) ? 4 : 0;
    const start = m.index + article;
    const name = m[0].slice(article);
    claim({
      start,
      end: start + name.length,
      text: name,
      kind: "Organization",
      name,
      key: slug(name),
      properties: { category: "ARMED_FORCES" },
      involves: [nation],
    });
  }
  // Armed forces and governments named by their nation.
  for (const m of text.matchAll(FORCES_RE)) {
    const who = (m[1] ?? "").replace(/(?:’s|'s)$/, "");
    const nation = gazAt(who)?.entity;
    if (nation?.kind !== "Nation") continue;
    const head = (m[2] ?? "").toLowerCase();
    // "four U.S. Marines": the corps its marines serve in (only the US names its corps so)
    if (head === "marines" && !/^U\.?S\.?$/.test(who)) continue;
    // "Russian military threats", "the Lithuanian military base": an adjective, not the forces
    if (head === "military" && nounAfter(analysis, m.index + m[0].length)) continue;
    // "US Army": the abbreviation as written names it (us-army), as a reader would key it
    const demonym = new RegExp(`^${ABBREVIATED}$`).test(who)
      ? who.replace(/\./g, "")
      : (DEMONYMS.find((d) => d.entity === nation)?.form ?? nation.name);
    const start = m.index + (m[0].startsWith("the ") ? 4 : 0);
    const base = {
      start,
      end: m.index + m[0].length,
      text: text.slice(start, m.index + m[0].length),
    };
    if (head === "government" || head === "cabinet" || head === "parliament") {
      // "Hungary's government", "Bulgaria’s Cabinet", "the French Parliament"
      const body = titleCase(head);
      claim({
        ...base,
        kind: "Organization",
        name: `${body} of ${nation.name}`,
        key: `${head}-of-${nation.key}`,
        properties: { category: "GOVERNMENT" },
        involves: [nation],
      });
    } else {
      // "the Estonian defence force", "our own Estonian defense forces": the nation's defence
      // forces written in lower case (link28), named as the force names itself
      const branch = /^defen[cs]e forces?$/.test(head)
        ? "Defence Forces"
        : head === "military" || head === "forces"
          ? "Armed Forces"
          : head === "marines"
            ? "Marine Corps"
            : titleCase(head);
      // "the Royal Danish Navy", "Royal Canadian Air Force": "Royal" is part of the name
      const royal =
        /^[A-Z]/.test(m[2] ?? "") && /Royal\s+$/.test(text.slice(Math.max(0, start - 6), start));
      const name = `${royal ? "Royal " : ""}${demonym} ${branch}`;
      claim({
        ...base,
        ...(royal ? { start: start - 6, text: text.slice(start - 6, base.end) } : {}),
        kind: "Organization",
        name,
        key: slug(name),
        properties: { category: "ARMED_FORCES" },
        involves: [nation],
      });
    }
  }
  // Named events: "the Ottawa Conference on Security and Defence", "the NATO Summit".
  for (const m of datedNameCut(
    text,
    // from a word's start, at most ten words before the head: a long run of capitalised words
    // ("NATO " repeated) or one long word ("AbAb...") was tried from each of its letters, quadratic
    /(?<![\p{L}’'-])(?:\p{Lu}[\p{L}’'-]*\s){1,10}(?:Conference|Summit|Forum|Dialogue|Congress|Convention)(?:\s(?:on|of|for)\s\p{Lu}[\p{L}-]*(?:\s(?:and|&)\s\p{Lu}[\p{L}-]*|\s\p{Lu}[\p{L}-]*)*)?/gu,
  )) {
    let name = m[0];
    let start = m.index;
    const lead = name.match(/^(?:The|At|In|During|At the|Speaking)\s/);
    if (lead) {
      start += lead[0].length;
      name = name.slice(lead[0].length);
    }
    // "NATO Summit", "Vilnius Summit": left to the summit rule, which names it with its place
    if (/^(?:\S+ )?Summit$/.test(name)) continue;
    claim({
      start,
      end: start + name.length,
      text: name,
      kind: "Event",
      name,
      key: slug(name),
      properties: {
        category: /Summit|Conference|Forum|Dialogue|Congress|Convention/.test(name)
          ? "CONFERENCE"
          : "MEETING",
      },
    });
  }

  const bareMinistries: (RegExpMatchArray & { index: number })[] = [];
  // Ministries named without their nation: "the Defence Ministry", "the Ministry of National Defence"
  // (a nation's own, "the Romanian Defence Ministry", is found with the national forces above).
  for (const m of text.matchAll(
    /\b(?:Ministry of (?:National )?(?:Defen[cs]e|Foreign Affairs|Finance|the Interior|Interior)|(?:Defen[cs]e|Foreign|Finance|Interior) Ministry)\b/g,
  )) {
    // "the Ministry of National Defence of Lithuania": the nation's own, named as "the Lithuanian
    // Ministry of National Defence" is (the nation after it stays its own mention)
    const of = /^\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)(?![\p{L}])/u.exec(
      text.slice(m.index + m[0].length, m.index + m[0].length + 40),
    );
    const nation = of ? gazAt(of[1] as string) : undefined;
    const demonym =
      nation?.entity.kind === "Nation" && !nation.demonym
        ? DEMONYMS.find((d) => d.entity === nation.entity)?.form
        : undefined;
    if (nation && demonym) {
      claimNationalBody(m, `${demonym} ${m[0]}`, nation.entity);
      continue;
    }
    bareMinistries.push(m);
  }
  // "The Latvian Ministry of Defence agreed. The Ministry of Defence said later ...": a bare
  // ministry is the one nation's ministry of that name the text names; with two, it stays bare
  for (const m of bareMinistries) {
    const owned = claimed.filter(
      (x) =>
        x.kind === "Organization" &&
        x.involves?.length === 1 &&
        x.name.endsWith(` ${m[0]}`) &&
        x.name !== m[0],
    );
    const keys = new Set(owned.map((x) => x.key));
    const [only] = owned;
    if (only && keys.size === 1)
      claim({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        kind: "Organization",
        name: only.name,
        key: only.key,
        properties: { category: "GOVERNMENT" },
        ...(only.involves ? { involves: only.involves } : {}),
      });
    else claimOrganization(m, "GOVERNMENT");
  }
  // Ministerial meetings: "a meeting of NATO defence ministers", "NATO foreign ministers' meeting",
  // "when NATO defence ministers converge", "NATO foreign ministers will hold a meeting": one event
  // per alliance and portfolio ("the opening session of the NATO defence ministers' meeting" is
  // the meeting's mention, not the session's).
  for (const m of text.matchAll(
    /\b(?:(?:meeting|(?:working )?dinner|session|gathering) of (?:the )?(NATO|EU|G7|G20|OSCE) (defen[cs]e|foreign|finance) ministers(?!['’]? (?:meeting|ministerial|talks))|(NATO|EU|G7|G20|OSCE) (defen[cs]e|foreign|finance) ministers['’]? (?:meeting|ministerial|talks)|(NATO|EU|G7|G20|OSCE) ([Dd]efen[cs]e|[Ff]oreign|[Ff]inance) [Mm]inisters(?= (?:will |to |are to |were to )?(?:meet|met|meets|converge|converged|gather|gathered|convene|convened|(?:hold|holds|held) (?:a |an |their )?(?:meeting|talks|session)s?)\b)|(?:meeting|session|gathering) of (?:the )?(NATO|EU|G7|G20|OSCE) [Mm]inisters of (?:the )?(Defen[cs]e|Foreign Affairs|Finance)\b)/gu,
  )) {
    // (ext-facts15: "the meeting of NATO Ministers of Defence", the portfolio after the office)
    const org = m[1] ?? m[3] ?? m[5] ?? m[7] ?? "";
    const branch = (m[2] ?? m[4] ?? m[6] ?? m[8] ?? "")
      .toLowerCase()
      .replace("defense", "defence")
      .replace("foreign affairs", "foreign");
    claim({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      kind: "Event",
      name: `${org} ${branch} ministers' meeting`,
      key: slug(`${org} ${branch} ministers meeting`),
      properties: { category: "MEETING" },
    });
  }
  // Other groups' ministers meeting: "the Nordic defence ministers' meeting", "the meeting of
  // foreign ministers of Baltic, Nordic and Visegrad Group countries" (group-meetings.ts)
  for (const g of groupMeetings(text, (w) => gazAt(w)?.entity.kind === "Nation"))
    claim({
      start: g.start,
      end: g.end,
      text: g.text,
      kind: "Event",
      name: g.name,
      key: slug(g.name),
      properties: { category: "MEETING" },
    });
  // British air stations by their town: "RAF Lakenheath", "RAF Lossiemouth" (not "RAF Typhoons")
  for (const m of text.matchAll(/(?<![\p{L}])RAF\s(\p{Lu}[\p{L}-]+)(?![\p{L}])/gu)) {
    if (citiesNamed(m[1] ?? "").length > 0) claimAsWritten(m, "Place");
  }
  // ... and one of two words where the text goes to or leaves it: "left RAF Brize Norton",
  // "at RAF Fylingdales" (not "onto the RAF Voyager Aircraft", "RAF Typhoon jets": link28)
  for (const m of text.matchAll(
    /(?<=(?:^|[^\p{L}])(?:at|from|to|in|into|via|near|left|leave|leaving|leaves|departed|departing|departs|reached|through)\s)RAF\s\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?(?![\p{L}\p{N}-]|\s+\p{Lu}|\s+(?:jets?|aircraft|fighters?|planes?|crews?|pilots?|personnel|squadrons?)\b)/gu,
  )) {
    if (!/^RAF\s/.test(m[0]) || RAF_NOT_STATIONS.test(m[0].slice(4))) continue;
    claimAsWritten(m, "Place");
  }
  // Named military sites: "the Joint National Training Centre", "Ämari Air Base", "Camp Adazi",
  // "Tapa Camp" (a capitalised Camp after the name: the base, as British releases write it),
  // numbered ones ("the 57th Air Base", "32nd Tactical Air Base": the ordinal is part of the name),
  // and a nation's named regions ("Constanta County", "Lviv Oblast", "Podlaskie Voivodeship"),
  // "Siauliai AB, Lithuania" (AB, an air base, only where the text places it: "Saab AB" is a firm).
  for (const m of text.matchAll(
    /(?<![\p{L}\p{N}’'-])(?:(?:\d{1,3}(?:st|nd|rd|th)\s(?:\p{Lu}[\p{L}’'-]*\s){0,4}|(?:\p{Lu}[\p{L}’'-]*\s){1,5})(?:Training (?:Centre|Center|Area|Ground)|Air Base|Airbase|Air Force Base|Air Station|Naval Air Station|Naval Base|Naval Station|Military Base|Army Base|Camp|Barracks|Garrison|AB|Harbou?r|Port|Airport|County|Oblast|Voivodeship|Province|Governorate)|Camp\s\p{Lu}[\p{L}’'-]+)(?![\p{L}])/gu,
  )) {
    // "Tallinn's Old City Harbor": the town's possessive stays the town's own mention
    const lead = m[0].match(/^(?:(?:The|At|In|To|From|Near|During)\s|\p{Lu}[\p{L}-]*(?:’s|'s)\s)/u);
    const start = m.index + (lead?.[0].length ?? 0);
    const name = text.slice(start, m.index + m[0].length);
    if (name.split(/\s+/).length < 2) continue;
    // "Exercise Winter Camp 2024", "Exercise Iron Harbour": a capitalised "Exercise" opens an
    // event's name, whatever its last word (the exercise rule below names it)
    if (/^Exercise\s/.test(name)) continue;
    if (
      name.endsWith(" AB") &&
      !/^,\s+\p{Lu}/u.test(text.slice(start + name.length, start + name.length + 3)) &&
      !LOCATIVE_BEFORE.test(text.slice(Math.max(0, start - 30), start))
    )
      continue;
    claim({ start, end: start + name.length, text: name, kind: "Place", name, key: slug(name) });
  }
  // "the town of Rukla", "the Polish village of Bemowo Piskie": a town the text calls one, where
  // GeoNames has none of that name (a listed one is read as the towns are, below)
  for (const m of text.matchAll(TOWN_OF_RE)) {
    const name = m[2] ?? "";
    if (citiesNamed(name).length > 0 || gazAt(name) !== undefined) continue;
    if (name.split(/[\s-]+/).some((w) => SITE_NOT_NAMES.test(w) || gazAt(w) !== undefined))
      continue;
    const start = m.index + m[0].length - name.length;
    const end = start + name.length;
    const owner = m[1] ? gazAt(m[1])?.entity : undefined;
    const after = TOWNS_NATION_AFTER.exec(text.slice(end, end + 60))?.[1];
    const nation = owner ?? (after ? gazAt(after)?.entity : undefined);
    claim({
      start,
      end,
      text: name,
      kind: "Place",
      name,
      key: slug(name),
      ...(nation?.kind === "Nation" ? { involves: [nation] } : {}),
    });
  }
  // "(Jonava district)", "in the Švenčionys district", "in Tapa rural municipality": a
  // district named by the capitalised word before the lower-case noun, in brackets or after
  // "in" (Baltic and Polish releases place their training areas so: link28); not a nation's
  // or a people's word ("the Russian region"), a weekday or month, or a common word
  for (const m of text.matchAll(DISTRICT_RE)) {
    const word = m[1] as string;
    const noun = m[2] as string;
    if (
      gazAt(word) !== undefined ||
      SITE_NOT_NAMES.test(word) ||
      /^(?:Central|Centre|Center|North|South|East|West|Northern|Southern|Eastern|Western|Federal|Financial|Historic|Electoral|School|Police|Military|Special)$/.test(
        word,
      ) ||
      isCommonWord(word)
    )
      continue;
    const start = m.index + m[0].length - noun.length - word.length - 1;
    const name = `${word} ${noun}`;
    claim({ start, end: start + name.length, text: name, kind: "Place", name, key: slug(name) });
  }
  // Sites named by a description: "the training ground 'Novo Selo'", "the Hungarian Ujmajor camp",
  // "the Bergen-Hohne training area". A place named by the words, the noun kept in its mention (so
  // "Ujmajor camp" is an alias). Not read: a nation, organisation or demonym before the noun
  // ("the NATO base", "the Lithuanian military base"), a weekday or month, one lowercase word;
  // a name GeoNames has as a town is the town, with its nation.
  const siteWords = (name: string) =>
    !gazAt(name) &&
    !name.split(/\s+/).some((w) => gazAt(w) || SITE_NOT_NAMES.test(w)) &&
    /^\p{Lu}/u.test(name);
  for (const m of text.matchAll(SITE_QUOTED_RE)) {
    const name = m[1] ?? "";
    if (!siteWords(name)) continue;
    const start = (m.index ?? 0) + m[0].indexOf(m[1] ?? "");
    claim(placeMention(name, start));
  }
  for (const m of text.matchAll(SITE_BEFORE_NOUN_RE)) {
    const lead = m[1];
    const own = m[2] ?? "";
    // "the Hungarian Ujmajor camp": the demonym says whose; "the Bergen-Hohne training area": a name
    const name = lead && !gazAt(lead)?.demonym ? `${lead} ${own}` : own;
    if (!siteWords(name)) continue;
    const start = (m.index ?? 0) + m[0].lastIndexOf(name, m[0].length - (m[3] ?? "").length);
    const end = start + name.length + 1 + (m[3] ?? "").length;
    // "the Caracal base", "the Ādaži military base": the town GeoNames knows, its base's words kept
    // in the mention (an alias, as annotators name the base); in its nation where the article
    // names that nation (src/extract/units.ts)
    if (citiesNamed(name).length > 0) {
      const town = townOfSite(text, name, end, GAZ_RE, gazAt);
      if (town) claim({ start, end, text: text.slice(start, end), ...town });
      continue;
    }
    // "the Hungarian Ujmajor camp" lies in Hungary
    const owner = lead ? gazAt(lead) : undefined;
    claim({
      start,
      end,
      text: text.slice(start, end),
      kind: "Place",
      name,
      key: slug(name),
      ...(owner?.demonym && owner.entity.kind === "Nation" ? { involves: [owner.entity] } : {}),
    });
  }
  /** An exercise (an Event of category OTHER) named as written, dated by `year`'s two or four digits. */
  const exercise = (start: number, name: string, key: string, year: RegExpMatchArray | null) =>
    claim({
      start,
      end: start + name.length,
      text: name,
      kind: "Event",
      name,
      key,
      properties: {
        category: "OTHER",
        ...(year ? { date: year[2] ?? `20${year[1]}` } : {}),
      },
    });
  // Exercises: "the NATO defence exercise Steadfast Defender", "military exercise Zapad '17",
  // "the Defender Europe exercise": an event, named as written.
  for (const m of datedNameCut(
    text,
    /\b(?:(?:military|defen[cs]e|naval|air|joint|large-scale|multinational|NATO)\s+){0,6}(?:[Ee]xercises?|drills?|manoeuvres?|maneuvers?)\s+((?:\p{Lu}[\p{L}-]*|'\d\d|\d{4})(?:\s(?:\p{Lu}[\p{L}-]*|'\d\d|\d{4}))*(?:\s\d\d(?:-\d)?(?![\p{L}\d,.]\d|[\p{L}\d%]|\s+(?:per|percent|soldiers|troops|ships|aircraft|nations|countries|allies)\b))?)/gu,
    1,
  )) {
    // "Exercise Pikne": the capitalised head is part of the name
    const titled = /Exercise\s+$/.test(m[0].slice(0, m[0].length - (m[1] ?? "").length));
    const name = titled ? `Exercise ${m[1] ?? ""}` : (m[1] ?? "");
    const start = m.index + m[0].length - name.length;
    if (/^(?:In|On|At|The|This|That|NATO|Russia|Ukraine)$/.test(m[1] ?? "")) continue;
    // "the air drill Thursday that involved ...", "drills last March": news copy's day or month
    // after the noun, no name
    if (
      /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Last|Next|Earlier|Later)\b/.test(
        m[1] ?? "",
      )
    )
      continue;
    if (gazAt(name)) continue;
    // "Exercise Steadfast Defender 24", "Dacian Fall 25": the two digits are the year's
    exercise(start, name, slug(name.replace(/'(\d\d)$/, "20$1")), name.match(EXERCISE_YEAR));
  }
  // An exercise named in quotation marks, before its noun or right after it: 'the "Defender 21"
  // military exercise', "the 'Iron Wolf' drills", 'exercise "Cold Response"'. Only a capitalised
  // name (a quoted phrase of lower-case words is a quotation: 'called the plan "a turning point"').
  for (const m of text.matchAll(QUOTED_EXERCISE_RE)) {
    const name = m[1] ?? m[2] ?? "";
    if (gazAt(name) || /^(?:The|This|That|NATO)$/.test(name)) continue;
    exercise(m.index + m[0].indexOf(name), name, slug(name), name.match(EXERCISE_YEAR));
  }
  // NATO's and its allies' recurring exercises, named without the word "exercise":
  // "Steadfast Defender 24 is the largest ...", "during BALTOPS 2023", "Dragon-24"
  for (const m of text.matchAll(KNOWN_EXERCISE_RE)) {
    const name = m[0];
    // '(MIB "Iron Wolf")', '— "Iron Wolf" —' in an article naming the Brigade "Iron Wolf": the
    // unit's name in quotation marks, no edition of the exercise (link28)
    if (
      !/\d$/.test(name) &&
      /["“]$/.test(text.slice(Math.max(0, m.index - 1), m.index)) &&
      claimed.some((u) => u.kind === "Organization" && u.name.endsWith(` ${name}`))
    )
      continue;
    exercise(m.index, name, slug(name), name.match(/[\s-](\d\d)$|[\s-](\d{4})$/));
  }
  // The alliance's standing forces, written in lower case: "NATO's rapid reaction force", "the
  // alliance's new spearhead force" (named as NATO's; the alliance stays its own mention)
  for (const m of text.matchAll(NATO_FORCE_RE)) {
    const words = m[1] ?? "";
    const start = m.index + m[0].length - words.length;
    const name = `NATO ${words.toLowerCase().replace(/-/g, " ")}`;
    claim({
      start,
      end: start + words.length,
      text: words,
      kind: "Organization",
      name,
      key: slug(name),
      properties: { category: "ARMED_FORCES" },
    });
  }
  // Events described, not named: "a handover ceremony", "a European Council meeting" (events.ts)
  for (const e of describedEvents(text))
    claim({
      start: e.start,
      end: e.end,
      text: e.text,
      kind: "Event",
      name: e.name,
      key: slug(e.name),
      properties: { category: e.category, ...(e.date ? { date: e.date } : {}) },
    });
  // "a military base in Latvia": a place of its own, named with its nation (claimed separately).
  // A border named by its two nations is a place; the nations stay their own mentions, so the
  // place is claimed on the word "border" and named "Estonia-Latvia border" (nations as named).
  for (const m of text.matchAll(BORDER_RE)) {
    const a = gazAt(m[1] ?? "")?.entity;
    const b = gazAt(m[2] ?? "")?.entity;
    if (a?.kind !== "Nation" || b?.kind !== "Nation" || a === b) continue;
    const name = `${a.name}-${b.name} border`;
    const end = m.index + m[0].length;
    claim({
      start: end - "border".length,
      end,
      text: m[0],
      kind: "Place",
      name,
      key: slug(name),
    });
  }
  for (const m of text.matchAll(BASE_RE)) {
    const what = m[1] ?? "";
    const nation = gazAt(m[2] ?? "")?.entity;
    if (!nation) continue;
    const start = m.index + m[0].indexOf(what);
    const name = `${what.charAt(0).toUpperCase()}${what.slice(1)} in ${nation.name}`;
    claim({
      start,
      end: start + what.length,
      text: what,
      kind: "Place",
      name,
      key: slug(name),
      involves: [nation],
    });
  }
  // Events named for a city: "the Ottawa Conference" involves Ottawa.
  for (const m of claimed) {
    if (m.kind !== "Event" || m.involves) continue;
    const first = GAZETTEER.find(
      (g) => g.entity.kind !== "Organization" && !g.demonym && m.text.startsWith(`${g.form} `),
    );
    if (first) m.involves = [first.entity];
  }

  // A dateline ("OTTAWA —", "RIGA, Latvia —", "SALAMIS, Greece (AP) –", "Brussels, 5 June 2024 –",
  // furniture.ts): its town is a place, one the gazetteer knows or GeoNames has in the nation
  // written after it ("NEWPORT, United Kingdom:", units.ts)
  // (one closed by a colon after its nation, "NEWPORT, United Kingdom:", is no furniture: its
  // nation stays the story's, but the town is named)
  const colon = /^([A-Z][A-Z.' -]{2,30}?),\s*([\p{L}. ]{2,30}?)\s*:\s/u.exec(text);
  const [city, region] = colon
    ? [
        { start: 0, end: (colon[1] as string).length },
        {
          start: colon[0].indexOf(colon[2] as string),
          end: colon[0].indexOf(colon[2] as string) + (colon[2] as string).length,
        },
      ]
    : (datelinePlaces ?? furnitureOf(text).datelinePlaces);
  if (city) {
    const written = text.slice(city.start, city.end);
    const form = written.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
    const g = gazAt(form);
    if (g && !g.demonym) claimKnown(city.start, written, g.entity);
    else {
      const town = datelineTown(text, city, region);
      if (town) claim(town);
    }
  }
  // A misspelt demonym in a list of them, "British, Norweigan, Dutch and French ships": a
  // capitalised word one edit from a demonym of six letters or more, beside another demonym
  for (const m of text.matchAll(/(?<![\p{L}])\p{Lu}\p{Ll}{5,}(?![\p{L}])/gu)) {
    if (gazAt(m[0]) || !free(m.index, m.index + m[0].length)) continue;
    const near = misspeltDemonym(m[0]);
    if (!near) continue;
    const around = text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40);
    if ([...around.matchAll(GAZ_RE)].filter((g) => gazAt(g[0])?.demonym).length === 0) continue;
    claimKnown(m.index, m[0], near.entity, { demonym: true });
  }
  // Gazetteer: nations, demonyms, capitals, regions, organisations.
  // "Prime Minister Luís Montenegro", "Michael Jordan": a nation's name after a first name is a
  // surname (src/extract/units.ts); the article's later bare "Montenegro will ..." is the person too
  const surnames = nationSurnames(text, GAZ_RE, gazAt, TITLE_WORDS, isFirstName, isCommonWord);
  for (const m of text.matchAll(GAZ_RE)) {
    const g = gazAt(m[0]);
    if (!g) continue;
    if (
      (surnames.has(m[0]) || nationGivenName(text, m, gazAt, isLastName, notSurnameWord)) &&
      // "Chad Smith and Georgia Brown attended": a person's given name after "and" too
      (!NATION_PLACED_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index)) ||
        (personBeforeAnd(text.slice(Math.max(0, m.index - 30), m.index)) &&
          nationGivenName(text, m, gazAt, isLastName, notSurnameWord)))
    )
      continue;
    // "Sean French", "Lt.-Col. Mark English": a demonym after a first name is a surname
    if (g.demonym) {
      const prev = /(\p{Lu}[\p{L}]+)\s+$/u.exec(
        text.slice(Math.max(0, m.index - 30), m.index),
      )?.[1];
      if (prev && !TITLE_WORDS.has(prev) && isFirstName(prev)) continue;
    }
    // "the Vienna Document", "the Minsk agreements": a city naming an accord is not the place
    if (
      g.entity.kind === "Place" &&
      /^\s+(?:\p{Lu}{2,}\s+)?(?:[Dd]ocument|Convention|Treaty|[Aa]greements?|Protocol|Pact|Process|Format|Declaration|Accords?|Charter)\b/u.test(
        text.slice(m.index + m[0].length, m.index + m[0].length + 40),
      )
    )
      continue;
    // "the South China Sea", "the Irish Sea", "the Korea Strait": a nation's name or demonym
    // inside a sea's name is the sea, where, not the nation (wild24)
    if (g.entity.kind === "Nation") {
      const sea = /^\s+(?:Sea|Ocean|Strait|Straits)(?![\p{L}])/u.exec(
        text.slice(m.index + m[0].length, m.index + m[0].length + 10),
      );
      if (sea) {
        const compass = /(?<![\p{L}])(?:South|North|East|West)\s+$/u.exec(
          text.slice(Math.max(0, m.index - 8), m.index),
        );
        const start = compass ? m.index - compass[0].length : m.index;
        const end = m.index + m[0].length + sea[0].length;
        const name = text.slice(start, end).replace(/\s+/g, " ");
        claim({ start, end, text: text.slice(start, end), kind: "Place", name, key: slug(name) });
        continue;
      }
    }
    // "Supreme Allied Commander Europe", "U.S. Army Europe", "Allied Command Europe": the last word
    // of an office's or a command's name, not the continent (nineteenth pass)
    if (
      g.entity.kind === "Place" &&
      /^(?:Europe|Africa|Atlantic|Transformation)$/.test(m[0]) &&
      /\b(?:Commander|Command|Army|Forces|Force|Corps|Fleet|Navy)\s+$/.test(
        text.slice(Math.max(0, m.index - 12), m.index),
      )
    )
      continue;
    // "at the Victoria Palace": after "the", a place's name before a building's head names the
    // building, not the place (extwild28)
    if (g.entity.kind === "Place" && theBuilding(text, m.index, m.index + m[0].length)) continue;
    // "Moscow's invasion", "Kyiv's forces", "Washington said": the capital stands for its nation
    const nation = g.entity.kind === "Place" ? capitalOf(g.entity.key) : undefined;
    if (nation && isMetonym(text, m.index, m.index + m[0].length)) {
      claim({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        kind: nation.kind,
        name: nation.name,
        key: nation.key,
        known: nation,
        metonym: true,
      });
      continue;
    }
    // "Pennsylvania" lies in the United States where the article names it (gazetteer.ts)
    // ("Edmonton, Alberta": a region after a town only qualifies the town, which is placed itself)
    const region =
      g.entity.kind === "Place" && !qualifiesTownBefore(text, m.index)
        ? regionNation(g.entity.key, text)
        : undefined;
    // "US" or "AP" in a run of capitals is a heading, not a name
    claimKnown(m.index, m[0], g.entity, {
      demonym: g.demonym,
      ...(region ? { involves: [region], impliedIn: true } : {}),
    });
  }

  // "Washington said", "Washington's support": the United States (the gazetteer knows the capital
  // only as "Washington D.C.", and a bare Washington is also a state and a surname)
  const usa = GAZETTEER.find((g) => g.entity.kind === "Nation" && g.entity.key === "united-states");
  for (const m of text.matchAll(/\bWashington\b(?!,? D\.?C\.?| state| State| Post)/g)) {
    const end = m.index + m[0].length;
    if (!usa || /\p{Lu}[\p{L}.]*\s+$/u.test(text.slice(Math.max(0, m.index - 20), m.index)))
      continue;
    if (!isMetonym(text, m.index, end)) continue;
    claimKnown(m.index, m[0], usa.entity, { metonym: true });
  }

  // "Edmonton-based soldiers": a town, where the word before "-based" is one.
  for (const m of text.matchAll(/(?<![\p{L}-])(\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?)-based\b/gu)) {
    const span = { start: m.index, end: m.index + (m[1] ?? "").length, text: m[1] ?? "" };
    const town = townAt(text, span, claimed, true, fullNames);
    if (town) claim(town);
  }

  // "the alliance" is NATO where the article names NATO (or names one alliance only).
  const alliances = [
    ...new Set(
      claimed.filter((m) => m.known?.properties.category === "ALLIANCE").map((m) => m.known),
    ),
  ];
  // NATO named only inside a longer name ("NATO defence ministers", "the NATO summit") names it too
  const nato = /\bNATO\b/.test(text)
    ? GAZETTEER.find((g) => g.entity.key === "nato")?.entity
    : undefined;
  const alliance =
    alliances.find((a) => a?.key === "nato") ?? (alliances.length === 1 ? alliances[0] : nato);
  // "the Alliance", "our Alliance" with a capital, as NATO's releases and officers write it, is
  // NATO though the text never names it (not "the Alliance of ...", "the Alliance Party")
  const capitalised = alliance ?? GAZETTEER.find((g) => g.entity.key === "nato")?.entity;
  for (const m of text.matchAll(
    /\b(?:[Tt]he|[Oo]ur) (?:(?:military|defen[cs]e|transatlantic|Atlantic|western|Western) )?([Aa])lliance\b(?!\s+(?:of|for)\s|\s+\p{Lu})/gu,
  )) {
    const who = m[1] === "A" ? capitalised : alliance;
    if (!who || (m[1] !== "A" && /^[Oo]ur/.test(m[0]))) continue;
    claim({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      kind: "Organization",
      name: who.name,
      key: who.key,
      known: who,
    });
  }

  // "the bloc" is the alliance the article names, as "the alliance" is, unless it names the
  // European Union too (the bloc of most news copy) or no alliance at all (tidy31)
  if (alliance && !/\b(?:EU|European Union)\b/.test(text))
    for (const m of text.matchAll(
      /\b[Tt]he (?:(?:military|defen[cs]e|transatlantic|western) )?bloc\b(?!\s+(?:of|for)\s)/g,
    )) {
      if (!free(m.index, m.index + m[0].length)) continue;
      claim({
        start: m.index,
        end: m.index + m[0].length,
        text: m[0],
        kind: "Organization",
        name: alliance.name,
        key: alliance.key,
        known: alliance,
      });
    }

  // Proper-name runs: people with their titles, organisations by their heads.
  const tokens = joinHyphens(text, analysis.tokens);
  const sentenceStarts = new Set(analysis.sentences.map((s) => s.start));
  const bares: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (!isCap(t.text) || !isWordy(t.text) || !free(t.start, t.end)) {
      i++;
      continue;
    }
    // Collect the run of capitalised words (with connectors between them).
    const run: Token[] = [t];
    let j = i + 1;
    while (j < tokens.length) {
      const n = tokens[j] as Token;
      const prev = run[run.length - 1] as Token;
      if (!free(n.start, n.end)) break;
      if (
        n.start === prev.end &&
        /^[\p{L}\p{M}]+$/u.test(n.text) &&
        /[\p{L}\p{M}]$/u.test(prev.text)
      ) {
        run.push(n); // a word wink cut in two ("Sili" "ņa")
        j++;
        continue;
      }
      if (/\n/.test(text.slice(prev.end, n.start))) break;
      // "Rt Hon Dr Andrew Murrison MP": a post-nominal closes the name, no part of it
      if (run.length >= 2 && POST_NOMINALS.test(n.text)) break;
      if (isCap(n.text) && isWordy(n.text)) {
        run.push(n);
        j++;
        continue;
      }
      // "Ibrahim al-Jaafari", "Valéry d'Estaing": a particle joined to the surname
      if (run.length >= 1 && JOINED_PARTICLE.test(n.text) && !TITLE_WORDS.has(prev.text)) {
        run.push(n);
        j++;
        continue;
      }
      const after = tokens[j + 1];
      // "José Nunes da Fonseca", "Ursula von der Leyen": a particle inside a person's name
      const next2 = NAME_PARTICLES.has(after?.text ?? "") ? tokens[j + 2] : after;
      if (
        NAME_PARTICLES.has(n.text) &&
        next2 &&
        isCap(next2.text) &&
        isWordy(next2.text) &&
        free(next2.start, next2.end) &&
        run.length >= 1 &&
        !TITLE_WORDS.has(prev.text) &&
        ORG_HEADS[prev.text] === undefined
      ) {
        run.push(n);
        if (next2 !== after && after) run.push(after);
        j += next2 !== after ? 2 : 1;
        continue;
      }
      if (
        CONNECTORS.has(n.text) &&
        after &&
        isCap(after.text) &&
        free(after.start, after.end) &&
        (TITLE_WORDS.has(run[run.length - 1]?.text ?? "") ||
          ORG_HEADS[run[run.length - 1]?.text ?? ""] !== undefined)
      ) {
        run.push(n);
        j++;
        continue;
      }
      break;
    }
    i = j;
    // "The Hague": a town whose name begins with the article
    if (run.length >= 2 && (run[0] as Token).text === "The") {
      const last = run[1] as Token;
      const whole = { start: t.start, end: last.end, text: text.slice(t.start, last.end) };
      const town = townAt(text, whole, claimed, false, fullNames);
      if (town) {
        claim(town);
        continue;
      }
    }
    // "The Mayor of Kretinga Antanas Kalnius met": a sentence's "The" before a title is no part
    // of the title (nor of the name)
    if (
      run.length >= 3 &&
      (run[0] as Token).text === "The" &&
      /^(?:Mayor|Governor|Head|Chief|Commander|Secretary|Deputy|Vice|President|Minister|Chairman|Chairwoman|Director|Prime)$/.test(
        (run[1] as Token).text,
      ) &&
      isTitleAt(run, 1)
    )
      run.shift();
    // Split leading title words off.
    let k = 0;
    while (
      k < run.length - 1 &&
      (isTitleAt(run, k) || (CONNECTORS.has((run[k] as Token).text) && k > 0))
    )
      k++;
    if (k === run.length - 1 && TITLE_WORDS.has((run[k] as Token).text)) k = run.length; // all title
    // "Uedem Major General Harold Van Pee", "British Commander Field Army Lieutenant General Ralph
    // Wooddisse": a rank or office inside the run; the name is what follows it
    const inner = run
      .slice(k)
      .some((t) => TITLE_WORDS.has(t.text) || ORG_HEADS[t.text] !== undefined)
      ? titleInside(run)
      : undefined;
    const titleTokens = inner ? run.slice(inner.from, inner.to) : run.slice(0, k);
    // "the Commander of the Allied Joint Force Command General X", "the Division Commander of
    // Multinational Corps Northeast Lieutenant General X": a body's name right before the rank
    // is named (its last word a body's head, at least two words, none a title)
    if (
      inner &&
      inner.from >= 2 &&
      /^(?:General|Gen\.?|Brig\.?|Brigadier|Lieutenant|Lt\.?|Major|Maj\.?|Colonel|Col\.?|Admiral|Adm\.?|Vice|Rear|Commander|Commodore|Marshal|Captain|Capt\.?)$/.test(
        (run[inner.from] as Token).text,
      )
    ) {
      let b = 0;
      while (b < inner.from && NOT_NAMES.has((run[b] as Token).text)) b++;
      const body = run.slice(b, inner.from);
      const bodyHead = (body[body.length - 1] as Token | undefined)?.text ?? "";
      if (
        body.length >= 2 &&
        ORG_HEADS[bodyHead] !== undefined &&
        body.every(
          (w) =>
            (!TITLE_WORDS.has(w.text) || ORG_HEADS[w.text] !== undefined) &&
            !CONNECTORS.has(w.text),
        )
      ) {
        const first = body[0] as Token;
        const last = body[body.length - 1] as Token;
        const named = {
          start: first.start,
          end: last.end,
          text: text.slice(first.start, last.end),
        };
        claim({
          ...named,
          ...ofNation(named),
          properties: { category: ORG_HEADS[bodyHead] as string },
        });
      }
    }
    let nameTokens = run.slice(inner ? inner.to : k);
    // A sentence-initial word that is not a proper noun ("Speaking") is not part of a name.
    while (
      nameTokens.length > 0 &&
      (NOT_NAMES.has((nameTokens[0] as Token).text) ||
        (isSentenceStart(text, (nameTokens[0] as Token).start, sentenceStarts) &&
          (nameTokens[0] as Token).pos !== "PROPN"))
    )
      nameTokens = nameTokens.slice(1);
    while (
      nameTokens.length > 0 &&
      NOT_NAMES.has((nameTokens[nameTokens.length - 1] as Token).text)
    )
      nameTokens = nameTokens.slice(0, -1);
    // "Lloyd J. Austin III", "Joseph R. Biden Jr.": a generational suffix is no part of the name
    if (
      nameTokens.length >= 3 &&
      GENERATION.test((nameTokens[nameTokens.length - 1] as Token).text)
    )
      nameTokens = nameTokens.slice(0, -1);
    nameTokens = beforeHeadlineVerb(text, nameTokens);
    nameTokens = afterOfficePlace(
      text,
      nameTokens,
      (w) => gazAt(w) !== undefined || citiesNamed(w).length > 0,
    );
    if (nameTokens.length === 0) continue;
    const first = nameTokens[0] as Token;
    const last = nameTokens[nameTokens.length - 1] as Token;
    const span = { start: first.start, end: last.end, text: text.slice(first.start, last.end) };
    const words = span.text.split(/\s+/);
    const role =
      titleTokens.length > 0
        ? spelledOut(
            text.slice(
              (titleTokens[0] as Token).start,
              (titleTokens[titleTokens.length - 1] as Token).end,
            ),
          )
        : undefined;
    const head = words[words.length - 1] ?? "";
    // "in Tapa", "from Edmonton, Alberta", "Vilnius, Lithuania": a town (GeoNames), not a person
    if (!role && words.length <= 3) {
      const town = townAt(text, span, claimed, false, fullNames);
      if (town) {
        claim(town);
        continue;
      }
    }
    // "NATO Allied Maritime Command Deputy Commander": a body's name with its officer's title
    // after it, as releases write an apposition; the body is named
    let trail = 0;
    while (
      trail < words.length - 1 &&
      OFFICER_AFTER_BODY.has(words[words.length - 1 - trail] ?? "")
    )
      trail++;
    const bodyHead = words[words.length - 1 - trail] ?? "";
    if (trail > 0 && ORG_HEADS[bodyHead] && words.length - trail >= 2) {
      const lastBody = nameTokens[nameTokens.length - 1 - trail] as Token;
      const body = {
        start: span.start,
        end: lastBody.end,
        text: text.slice(span.start, lastBody.end),
      };
      claim({
        ...body,
        ...ofNation(body),
        properties: { category: ORG_HEADS[bodyHead] as string },
      });
      continue;
    }
    // "Department of National Defence", "Ministry of Foreign Affairs"
    const lead = words[0] ?? "";
    if (ORG_HEADS[lead] && words.length >= 3 && CONNECTORS.has(words[1] ?? "")) {
      claim({ ...span, ...ofNation(span), properties: { category: ORG_HEADS[lead] as string } });
      continue;
    }
    // "the Royal Navy and Royal Air Force": two bodies joined by "and", each of two words or more
    // ending in a body's head, are two bodies ("Ministry of Trade and Industry" and "NATO Support
    // and Procurement Agency" stay one: the words before "and" end in no head)
    const and = nameTokens.findIndex((w, i) => i > 0 && w.text === "and");
    if (and > 0) {
      const parts = [nameTokens.slice(0, and), nameTokens.slice(and + 1)];
      const heads = parts.map((p) => (p[p.length - 1] as Token | undefined)?.text ?? "");
      if (parts.every((p, i) => p.length >= 2 && ORG_HEADS[heads[i] ?? ""] !== undefined)) {
        for (const [i, p] of parts.entries()) {
          const a = p[0] as Token;
          const b = p[p.length - 1] as Token;
          const body = { start: a.start, end: b.end, text: text.slice(a.start, b.end) };
          claim({
            ...body,
            ...ofNation(body),
            properties: { category: ORG_HEADS[heads[i] ?? ""] as string },
          });
        }
        continue;
      }
    }
    // "Joint Expeditionary Force", not a bare "Air Force"
    if (ORG_HEADS[head] && words.length >= (head === "Force" ? 3 : 2)) {
      claim({ ...span, ...ofNation(span), properties: { category: ORG_HEADS[head] as string } });
      continue;
    }
    // "the Joint Warfare Centre", "the Baltic Defence College", "a Carrier Strike Group": two
    // capitalised words or more ending in an institutional head name a body (no word a title)
    if (
      RUN_BODY_HEADS.test(head) &&
      words.length >= 2 &&
      // "the Forward Presence Battle Group", "a Mine Countermeasures Task Group": a mission
      !(
        head === "Group" &&
        /^(?:Battle|Task|Combat|Maritime|Strike|Countermeasures?)$/.test(
          words[words.length - 2] ?? "",
        ) &&
        !/^Carrier$/.test(words[words.length - 3] ?? "")
      ) &&
      !words.slice(0, -1).some((w) => OWNED_BODY_STOP.test(w) || NOT_NAMES.has(w))
    ) {
      claim({
        ...span,
        ...ofNation(span),
        properties: { category: BODY_HEAD_CATEGORY[head] ?? "OTHER" },
      });
      continue;
    }
    if (EVENT_HEADS.test(head)) continue;
    // "Allied Joint Force Command Brunssum", "the Combined Air Operations Centre Uedem": a
    // headquarters named by the town it sits in (GeoNames knows the town)
    const pre = words[words.length - 2] ?? "";
    if (
      words.length >= 3 &&
      (ORG_HEADS[pre] !== undefined || /^(?:Centre|Center|Headquarters)$/.test(pre)) &&
      !TITLE_WORDS.has(head) &&
      ORG_HEADS[head] === undefined &&
      citiesNamed(head).length > 0
    ) {
      claim({
        ...span,
        kind: "Organization",
        name: span.text,
        key: slug(span.text),
        properties: { category: ORG_HEADS[pre] ?? "OTHER" },
      });
      continue;
    }
    // "Von der Leyen was set to visit": the surname with its particles of a person named in full
    // before (wild24)
    const full = NAME_PARTICLES.has((words[0] ?? "").toLowerCase())
      ? particleTails.get(span.text.toLowerCase())
      : undefined;
    if (full && full.start < span.start) {
      claim({
        ...span,
        kind: "Person",
        name: full.name,
        key: full.key ?? slug(full.name),
        ...(role ? { role } : {}),
      });
      continue;
    }
    if (words.some((w) => NOT_NAMES.has(w) || ORG_HEADS[w] || TITLE_WORDS.has(w))) continue;
    const roleStart = titleTokens[0]?.start ?? span.start;
    const roleOf = role ? ownerBefore(text, claimed, roleStart) : undefined;
    // a title that names an office: "Air" ("the Air Task Group") names a service, "Former" ("the
    // Former Yugoslav Republic of Macedonia") no office at all; neither makes the words a person
    const office = role !== undefined && !bodyOnly(role) && !MODIFIER_ONLY.test(role);
    if (
      words.length >= 2 &&
      words.length <= 4 &&
      words.every((w) => isCap(w) || NAME_PARTICLES.has(w) || JOINED_PARTICLE.test(w)) &&
      !words.some(notPersonWord) &&
      // "the EU-NATO Joint Declaration signed last July": a document, not a person who signed
      !DOCUMENT_HEAD.test(words[words.length - 1] ?? "") &&
      // "an address at Lancaster House", "talks at Bellevue Palace", "Downing Street said": a
      // building or a street (an office that speaks), not a person
      // (unless a title names the person: "Senator Ann Castle")
      (office || !BUILDING_HEAD.test(words[words.length - 1] ?? "")) &&
      // "103 Bradley Infantry Fighting Vehicles", "the Air Task Group": a thing or a body
      !THING_HEAD.test(words[words.length - 1] ?? "") &&
      (office ||
        looksLikePerson(text, span.text, span.start) ||
        subjectOfVerb(text, tokens, nameTokens))
    ) {
      claim({
        ...span,
        kind: "Person",
        name: span.text,
        // house style drops middle initials: Harjit S. Sajjan -> harjit-sajjan
        key: slug(span.text.replace(/\s\p{Lu}\.(?=\s)/gu, "")),
        ...(role ? { role } : {}),
        ...(roleOf ? { roleOf } : {}),
      });
    } else if (
      words.length === 1 &&
      // "Commander of SNMG1, ...": a title's "of" left alone is no one's name (wild26)
      /^\p{Lu}/u.test(span.text) &&
      !notPersonWord(span.text) &&
      !bodyOnly(role) &&
      !headlineVerb(text, span) &&
      // "General R.Giedraitis Artillery Battalion": an initial alone names no one (link28)
      !/^\p{Lu}\.$/u.test(span.text) &&
      // "the Minister for Communities and Returns", "Minister of Culture": the office's remit
      // after "for"/"of", no one's surname (link28)
      !(role && /(?:^|\s)(?:for|of)\s+$/.test(text.slice(Math.max(0, span.start - 5), span.start)))
    ) {
      bares.push({
        ...span,
        kind: "Person",
        name: span.text,
        bare: true,
        ...(role ? { role } : {}),
        ...(roleOf ? { roleOf } : {}),
      });
    }
  }
  // "the European Sky Shield Initiative (ESSI)", "the Joint Expeditionary Force (JEF)": a name the
  // acronym after it spells is an organisation (or a mission), even where no other rule knew it
  for (const a of text.matchAll(/\((\p{L}[\p{Lu}\p{Ll}]{0,2}\p{Lu}{1,4})\)/gu)) {
    const long = spelledBefore(text, a.index, a[1] as string);
    if (!long) continue;
    const overlapping = claimed.filter((m) => m.start < long.end && long.start < m.end);
    // a name already found stays as found; one taken for a person ("European Sky Shield
    // Initiative" looks like a name) is the organisation; a body or nation named inside a
    // longer body's name the acronym spells ("the European Union Military Committee (EUMC)",
    // "U.S. Army Security Assistance Command (USASAC)") gives way to it
    const head0 = long.text.split(/\s+/).pop() ?? "";
    const within =
      ORG_HEADS[head0] !== undefined &&
      overlapping.length > 0 &&
      overlapping.every(
        (m) =>
          (m.kind === "Organization" || m.kind === "Nation") &&
          m.start >= long.start &&
          m.end <= long.end &&
          m.end - m.start < long.end - long.start,
      );
    if (!within && overlapping.some((m) => m.kind !== "Person" || m.start !== long.start)) continue;
    unclaim(overlapping);
    const head = long.text.split(/\s+/).pop() ?? "";
    // "the Prime Minister (PM)", "a Member of Parliament (MP)": an office, not an organisation
    if (long.text.split(/\s+/).some((w) => OFFICE_WORD.test(w))) continue;
    const mission = /^(?:Mission|Operation|Policing|Presence|Sentry)$/.test(head) || long.mission;
    claim({
      ...long,
      kind: mission ? "Mission" : "Organization",
      name: long.text,
      // "U.S. Army ..." is keyed us-army-...
      key: slug(long.text.replace(/(?:\p{Lu}\.){2,3}/gu, (d) => d.replace(/\./g, ""))),
      ...(mission
        ? {}
        : {
            properties: {
              category: /^(?:Forces?|Army|Navy|Command|Corps|Guard)$/.test(head)
                ? "ARMED_FORCES"
                : (ORG_HEADS[head] ?? "OTHER"),
            },
          }),
    });
  }
  // "the ruling Law and Justice (PiS) party", "Norway's Labour Party government", "the opposition
  // Progress Party": a political party, named by the capitalised words before "party" (a nation's
  // possessive, a sentence's first "The", a day or month before them are not part of it)
  for (const p of text.matchAll(PARTY_RE)) {
    const words = (p[1] as string).split(/\s+/);
    while (words.length > 0 && NOT_PARTY_WORD.test(words[0] as string)) words.shift();
    // "the Labour Party" is its name; in "the Law and Justice party" the name is before "party"
    const party = /Party$/.test(p[0]) ? " Party" : "";
    const name = words.join(" ");
    if (name === "" || gazAt(name) !== undefined) continue;
    const start = (p.index ?? 0) + (p[1] as string).lastIndexOf(name);
    const end = start + name.length;
    const overlapping = claimed.filter((m) => m.start < end && start < m.end);
    if (overlapping.some((m) => m.kind !== "Person" && !(m.start === start && m.end === end)))
      continue;
    if (overlapping.some((m) => m.kind === "Organization")) continue;
    unclaim(overlapping);
    claim({
      start,
      end,
      text: name,
      kind: "Organization",
      name: `${name}${party}`,
      key: slug(`${name}${party}`),
      properties: { category: "OTHER" },
    });
  }
  // "the Canadian Armed Forces (CAF)", "the Baltic Air Policing mission (BAP)": the acronym in
  // brackets names it wherever it recurs
  for (const m of [...claimed]) {
    if (m.kind !== "Organization" && m.kind !== "Mission") continue;
    const acronym = acronymAfter(text, m);
    if (!acronym) continue;
    for (const a of text.matchAll(
      new RegExp(`(?<![\\p{L}\\p{N}])${acronym}(?![\\p{L}\\p{N}])`, "gu"),
    )) {
      claim({ ...m, start: a.index, end: a.index + acronym.length, text: acronym });
    }
  }
  // "Bemowo Piskie near Orzysz", "the Rovaniemi and Sodankylä areas" (src/extract/units.ts)
  for (const p of placesBesideTowns(text, claimed, free)) claim(p);
  // "visited Evenes and Narvik, Norway", "in Tartu, Võru and Põlva counties" (place-lists.ts)
  for (const p of placesInLists(text, claimed, free)) claim(p);
  for (const b of bares) claim(b);
  ownersAfter(text, claimed);
  // "Czech defence minister Karla Slechtova": a title in lower case after its owner (lower-titles.ts)
  const ownersByEnd = new Map(
    claimed
      .filter((x) => (x.kind === "Nation" || x.kind === "Organization") && !x.vessel)
      .map((x) => [x.end, x] as const),
  );
  for (const m of claimed) {
    if (m.kind !== "Person" || m.role || m.bare) continue;
    let owner: Mention | undefined;
    const title = lowerCaseTitle(text, m.start, (end) => {
      owner = ownersByEnd.get(end);
      return owner !== undefined;
    });
    if (!title || !owner) {
      // "secretary general Jens Stoltenberg announced": a title with no owner, the office the
      // table says the person held in the article's year (wild27)
      const bare = reference ? bareLowerCaseTitle(text, m.start) : undefined;
      const of =
        bare && reference ? officeHeldIn(m.name, bare, reference.date.getUTCFullYear()) : undefined;
      if (bare && of) m.role = bare;
      continue;
    }
    m.role = title.role;
    m.roleOf = owner;
  }
  // "le président Emmanuel Macron", "Premier ministre Gabriel Attal": a title in French, Italian
  // or Spanish in lower case before the name, read as its English title
  for (const m of claimed) {
    if (m.kind !== "Person" || m.role || m.bare) continue;
    const t = ROMANCE_TITLE_RE.exec(text.slice(Math.max(0, m.start - 40), m.start));
    if (t) m.role = ROMANCE_TITLES[(t[1] as string).toLowerCase().replace(/\s+/g, " ")];
  }
  // "the Hellenic Navy", "the Bundeswehr": the service's nation, as for "the Estonian Navy"
  for (const m of claimed) {
    if (m.kind !== "Organization" || m.involves || m.vessel) continue;
    const of = SERVICE_NATIONS.find(([re]) => re.test(m.name))?.[1];
    const nation = of ? NATION_FORMS.find((g) => g.entity.key === of)?.entity : undefined;
    if (nation) m.involves = [nation];
  }
  officesKnown(claimed, reference ? reference.date.getUTCFullYear() : undefined);
  placedByNation(text, claimed);
  describedAsNamed(claimed);
  // "Germany's military, the Bundeswehr,", "the so-called Dagger Brigade": one organisation
  appositiveNames(text, claimed);
  // "the US State Department", "US European Command": a body named with its nation's
  // abbreviation before it is named so (the nation stays its own mention)
  for (const m of claimed) {
    if (m.kind !== "Organization" || m.known || m.vessel) continue;
    const abbr = /(?:^|[^\p{L}.])((?:U\.S\.|US|UK|U\.K\.)\s)$/u.exec(
      text.slice(Math.max(0, m.start - 6), m.start),
    );
    if (!abbr || /^(?:U\.S\.|US|UK|U\.K\.|United|American|British)\b/.test(m.name)) continue;
    m.name = `${abbr[1]}${m.name}`;
    m.key = slug(m.name);
  }

  return {
    entities: claimed
      .filter(
        (m) =>
          !m.vessel &&
          !currencyWord(text, m) &&
          !regionInAddress(text, m, claimed) &&
          !partOfLongerName(text, m, claimed) &&
          !bracketedGivenName(text, m),
      )
      .sort((a, b) => a.start - b.start),
    quantities: quantitiesOf(analysis),
    ...datesOf(text, reference),
  };
}

/**
 * An editor's insertion in a quotation that splits a name: "a message to Moscow and to (President
 * Vladimir) Putin". The bracketed words are the start of the name whose surname follows the
 * bracket, not a person of their own (who then took the office of the nation in focus) (wild27).
 */
function bracketedGivenName(text: string, m: Mention): boolean {
  if (m.kind !== "Person" || text[m.end] !== ")") return false;
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  return (
    before.lastIndexOf("(") > before.lastIndexOf(")") &&
    /^\)\s+\p{Lu}\p{Ll}+/u.test(text.slice(m.end, m.end + 30))
  );
}

/**
 * A mention that is only the end or the start of a longer name the extractor did not read
 * (wild25): "U.S. Indo-Pacific Command", "the Pacific Fleet" are commands, not the region;
 * "Naval Striking and Support Forces NATO" is one command, not "Support Forces" (a capitalised
 * word no mention holds before "and" joins it to the name).
 */
function partOfLongerName(text: string, m: Mention, claimed: readonly Mention[]): boolean {
  if (m.kind === "Place" && /^\s+(?:Command|Fleet)\b/.test(text.slice(m.end, m.end + 10)))
    return true;
  if (m.kind !== "Organization" || m.known) return false;
  const before = /(\p{Lu}\p{Ll}+)\s+and\s+$/u.exec(text.slice(Math.max(0, m.start - 30), m.start));
  if (!before) return false;
  const wordAt = m.start - before[0].length;
  // "Striking" is no mention of its own, and no sentence starts with it
  return (
    !claimed.some((x) => x.start <= wordAt && wordAt < x.end) &&
    !/(?:^|[.!?:]\s+|\n\s*)$/.test(text.slice(Math.max(0, wordAt - 3), wordAt))
  );
}

/**
 * "at Fort Stewart, Georgia, United States": a nation's name between a place and another nation,
 * in an address, is a region of that nation (a US state), not the nation of that name. Not in a
 * list of nations ("Britain, Greece, Estonia and Poland"), where a nation stands before it (wild25).
 */
function regionInAddress(text: string, m: Mention, claimed: readonly Mention[]): boolean {
  if (m.kind !== "Nation" || m.demonym) return false;
  const after = /^,\s+(?:the\s+)?/.exec(text.slice(m.end, m.end + 8));
  if (!after) return false;
  const next = claimed.find(
    (x) => x.kind === "Nation" && !x.demonym && x.start === m.end + after[0].length,
  );
  if (!next || next.known === m.known) return false;
  if (!/\p{Lu}[\p{L}.’'-]*,\s+$/u.test(text.slice(Math.max(0, m.start - 30), m.start)))
    return false;
  // the name before it is none the article knows (a list of places and nations, "Riga, Latvia,
  // Estonia and Lithuania", is left alone)
  return !claimed.some((x) => x.end <= m.start && /^,\s+$/.test(text.slice(x.end, m.start)));
}

/**
 * "450 billion US dollars", "20 billion Canadian dollars": the nation's word names a currency, not
 * the nation (wild25).
 */
function currencyWord(text: string, m: Mention): boolean {
  return (
    m.kind === "Nation" &&
    /^\s+(?:dollars?|pounds?(?:\s+sterling)?|kroner|kronor|krona|crowns?|zlotys?)\b/i.test(
      text.slice(m.end, m.end + 20),
    )
  );
}

/**
 * A named site or town the text places in a nation right after it, "Amari AB, Estonia",
 * "Mihail Kogalniceanu Air Base in Romania", "Tapa in Estonia": the place lies in that nation
 * (written, not implied). Not a demonym ("the base in British hands") nor a nation's possessive.
 */
function placedByNation(text: string, mentions: Mention[]): void {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  for (const [i, m] of sorted.entries()) {
    if (m.kind !== "Place" || (m.involves ?? []).length > 0 || m.known) continue;
    const next = sorted[i + 1];
    if (next?.kind !== "Nation" || next.demonym || !next.known) continue;
    const between = text.slice(m.end, next.start);
    if (!/^(?:,\s+|\s+in\s+(?:(?:northern|southern|eastern|western|central)\s+)?)$/.test(between))
      continue;
    if (/^(?:’s|'s)/.test(text.slice(next.end, next.end + 2))) continue;
    m.involves = [next.known];
    m.impliedIn = undefined;
  }
}

/**
 * What a reader knows of office holders, where the text leaves it out: a leader named by title and
 * surname is the full-named holder ("President Macron" -> Emmanuel Macron); a misspelt leader's
 * name is the leader ("Jens Stotlenberg"); a title with no owner written belongs to the nation or
 * organisation the holder serves ("Defence Minister Christine Lambrecht" visiting Lithuania is
 * Germany's minister): `roleOf` is then that owner's mention in the text, and `officeOf` its key.
 */
function officesKnown(mentions: Mention[], year: number | undefined): void {
  for (const m of mentions) {
    if (m.kind !== "Person") continue;
    if (m.bare) {
      const full = m.role ? holderBySurname(m.text, m.role, year) : undefined;
      if (full) m.name = full;
      // "Meloni met Rutte": a leader in office then, known by surname alone to any reader (not a
      // word English uses otherwise: "May" is no Theresa May); link.ts makes it a person
      // ("Mr. Stoltenberg": a courtesy title says no office, and is no other person; wild25)
      const courtesy = m.role !== undefined && /^(?:Mr|Mrs|Ms|Dr)\.?$/i.test(m.role);
      const alone =
        (!m.role || courtesy) && !isCommonWord(m.text) ? holderOfSurname(m.text, year) : undefined;
      if (alone) {
        m.name = alone;
        m.key = slug(alone);
      }
    } else {
      const known = knownPerson(m.name);
      if (known && foldName(known) !== foldName(m.name)) {
        m.name = known;
        m.key = slug(known);
      }
    }
    if (!m.role || m.roleOf) continue;
    const owner = officeOwner(m.name, m.role, year);
    if (!owner) continue;
    m.officeOf = owner;
    const named = mentions.find(
      (x) =>
        (x.kind === "Nation" || x.kind === "Organization") && (x.known?.key ?? x.key) === owner,
    );
    if (named) m.roleOf = named;
  }
}

/** The demonym `word` misspells by one edit (a swap of two letters is one), if exactly one. */
const misspeltDemonym = (word: string) => misspeltMemo(word) ?? undefined;
function misspelling(word: string): GazetteerEntry | null {
  const found = new Set(
    DEMONYMS.filter(
      (d) =>
        d.form.length >= 6 &&
        Math.abs(d.form.length - word.length) <= 1 &&
        !/\s/.test(d.form) &&
        editDistance(d.form, word) === 1,
    ).map((d) => d.entity),
  );
  const [only] = found;
  return (only && found.size === 1 ? DEMONYMS.find((d) => d.entity === only) : undefined) ?? null;
}

const memo = <T>(f: (w: string) => T) => {
  const cache = new Map<string, T>();
  return (w: string): T => {
    let v = cache.get(w);
    if (v === undefined) {
      v = f(w);
      if (cache.size > 5000) cache.clear();
      cache.set(w, v);
    }
    return v;
  };
};
const misspeltMemo = memo(misspelling);
/** Whether compromise's lexicon knows the word, lower-cased, as other than a noun. */
/**
 * Whether the line holding `span` is a headline in title case ("NATO Chief Lauds Kosovo's Progress
 * Since 1999"): three words or more, no full stop at its end, and most of its longer words
 * capitalised.
 */
function inTitleCaseHeadline(text: string, at: number): boolean {
  // the line's bounds and verdict are kept for the next call: the callers go through the text in
  // order, so a long line is scanned once, not once per name in it (extract-hostile.test.ts)
  const c = headlineCache;
  if (c.text === text && c.from <= at && at < c.to) return c.headline;
  const from = text.lastIndexOf("\n", at) + 1;
  const nl = text.indexOf("\n", at);
  const to = nl < 0 ? text.length : nl;
  const line = to - from > 200 ? "" : text.slice(from, to).trim();
  let headline = false;
  if (line.length > 0 && line.length <= 160 && !/[.!?]["”’]?$/.test(line)) {
    const long = line.split(/\s+/).filter((w) => /^\P{L}*\p{L}{4,}/u.test(w));
    headline =
      long.length >= 3 && long.filter((w) => /^\P{L}*\p{Lu}/u.test(w)).length >= 0.75 * long.length;
  }
  headlineCache = { text, from, to: Math.max(to, from + 1), headline };
  return headline;
}
let headlineCache = { text: "", from: 0, to: 0, headline: false };

/**
 * The last words of the two-word capitalised names in the text's prose lines (those that end as
 * a sentence does): the surnames of people named in full, read once per text.
 */
function surnamesInProse(text: string): ReadonlySet<string> {
  if (surnameCache.text === text) return surnameCache.names;
  const names = new Set<string>();
  for (const line of text.split("\n")) {
    if (!/[.!?]["”’]?\s*$/.test(line)) continue;
    for (const m of line.matchAll(/\p{Lu}\p{L}+\s+(?=(\p{Lu}\p{L}+))/gu)) names.add(m[1] as string);
  }
  surnameCache = { text, names };
  return names;
}
let surnameCache: { text: string; names: ReadonlySet<string> } = { text: "", names: new Set() };

/**
 * "Mayor of Klaipėda Arvydas Vaitkus", "Governor of Lviv Maksym Kozytskyi": the place an office is
 * of stands between the title and the holder's name, and is no part of the name. The first word
 * (or two) after "of" that name a place the gazetteer or GeoNames knows are cut off where two words
 * or more of the name remain.
 */
function afterOfficePlace<T extends { text: string; start: number; end: number }>(
  text: string,
  tokens: T[],
  isPlace: (words: string) => boolean,
): T[] {
  const first = tokens[0];
  if (!first || !/\bof\s+$/.test(text.slice(Math.max(0, first.start - 4), first.start)))
    return tokens;
  // the tokenizer may split a word at a letter it does not know ("Klaip", "ė", "da"): a place
  // ends where a space follows, and two words at least of the name remain after it
  let words = 0;
  for (let n = 1; n < tokens.length; n++) {
    const at = tokens[n] as T;
    if (!/\s/.test(text.slice((tokens[n - 1] as T).end, at.start))) continue;
    words++;
    if (words > 2) break;
    const rest = text.slice(at.start, (tokens[tokens.length - 1] as T).end).split(/\s+/);
    if (rest.length < 2) break;
    if (isPlace(text.slice(first.start, (tokens[n - 1] as T).end))) return tokens.slice(n);
  }
  // "Head of the Regional Government of Adjara Tornike Rizhvadze", "the Mayor of Springfield Joe
  // Quimby": after an office's (or a government's) "of", a place no list knows, then the name;
  // of three or four words, the last two are the name
  const spaced = text.slice(first.start, (tokens[tokens.length - 1] as T).end).split(/\s+/);
  if (
    (spaced.length === 3 || spaced.length === 4) &&
    OFFICE_PLACE_OF.test(text.slice(Math.max(0, first.start - 80), first.start))
  ) {
    const cut = text
      .slice(0, (tokens[tokens.length - 1] as T).end)
      .lastIndexOf(spaced[spaced.length - 2] as string);
    const at = tokens.findIndex((t) => t.start === cut);
    if (at > 0) return tokens.slice(at);
  }
  return tokens;
}

/** An office of a place, or a place's government, before "of" and the place's name. */
const OFFICE_PLACE_OF =
  /\b(?:Mayor|Governor|Head|Chairman|Chairwoman|Chair|President|Premier|Prime Minister|Government|Administration|Council|Municipality)\s+of\s+$/;

/**
 * "Minister Kaljurand Visits Troops In Latvia": in a title-case headline a name runs to the
 * headline's verb, not through it; the words from the first one English uses as a verb (and no
 * one as a surname) on are cut off.
 */
function beforeHeadlineVerb<T extends { text: string; start: number }>(
  text: string,
  tokens: T[],
): T[] {
  if (tokens.length < 2 || !inTitleCaseHeadline(text, (tokens[0] as T).start)) return tokens;
  const at = tokens.findIndex(
    (t, i) =>
      i > 0 &&
      /^\p{Lu}\p{Ll}+s$/u.test(t.text) &&
      !isLastName(t.text) &&
      nlp(t.text.toLowerCase()).has("#Verb"),
  );
  return at > 0 ? tokens.slice(0, at) : tokens;
}

/**
 * "NATO Chief Lauds Kosovo's Progress": in a title-case headline the capitalised word after a title
 * is the headline's verb, not a surname, where English uses it as a verb (or it ends in -s, as a
 * headline's verb does) and no one the article names in full bears it ("Lauds", "Hails", "Warns";
 * not "Stoltenberg", nor a "Fox" or "Kallas" named in full).
 */
function headlineVerb(text: string, span: { start: number; text: string }): boolean {
  if (!inTitleCaseHeadline(text, span.start)) return false;
  // "Lauds", which the tagger may not know for a verb: a headline's verb ends in -s
  if (!nlp(span.text.toLowerCase()).has("#Verb") && !/\p{Ll}s$/u.test(span.text)) return false;
  return !surnamesInProse(text).has(span.text);
}

const isCommonWord = memo((w) =>
  nlp(w.toLowerCase()).has(
    "#Adjective|#Verb|#Adverb|#Preposition|#Determiner|#Conjunction|#Pronoun",
  ),
);
const isFirstName = memo((w) => nlp(w).has("#FirstName"));
const isLastName = memo((w) => nlp(w).has("#LastName"));
/** "Chad Smith and ": a capitalised word no gazetteer knows before "and" (not "Estonia and "). */
const personBeforeAnd = (before: string) => {
  const w = /(\p{Lu}\p{L}+)\s+and\s+$/u.exec(before)?.[1];
  return w !== undefined && !GAZ_BY_FORM.has(w);
};
/** A word English uses as a verb, a date, a plural or a function word: no surname ("Power"). */
const notSurnameWord = memo(
  (w) =>
    NOT_NAMES.has(w) ||
    nlp(w).has("#Date") ||
    nlp(w.toLowerCase()).has(
      "#Verb|#Adverb|#Preposition|#Determiner|#Conjunction|#Pronoun|#Date|#Plural|#Value",
    ),
);

/** A generational suffix after a person's name. */
const GENERATION = /^(?:Jr|Sr|II|III|IV)\.?$/;

/** Before a place: a preposition of place or motion, or "the town of". */
const LOCATIVE_BEFORE =
  /(?:^|[^\p{L}])(?:in|at|to|from|near|outside|around|into|toward|towards|visited|visiting|via|across|through|(?:town|city|village|municipality|capital|port|garrison) of)\s+(?:the\s+)?$/iu;
/** After a place: a base or camp there ("the Adazi military base"). */
const SITE_AFTER =
  /^\s+(?:(?:military|army|air|naval|training|NATO)\s+){0,2}(?:base|airbase|camp|garrison|barracks|training area|range)\b/iu;

/** "(Jonava district)", "in the Švenčionys district": a district named before its noun. */
const DISTRICT_RE =
  /(?:\(|(?<![\p{L}])in\s+(?:the\s+)?)(\p{Lu}[\p{L}-]+)\s+((?:rural\s+)?(?:district|municipality|county|parish))(?![\p{L}])/gu;

/** A known organisation's name of three words or more with "(ACRONYM)" before its last word. */
const SPLIT_NAME_RE = new RegExp(
  `(?<![\\p{L}])(${GAZETTEER.filter(
    (g) => g.entity.kind === "Organization" && g.form.split(" ").length >= 3,
  )
    .map((g) => esc(g.form.slice(0, g.form.lastIndexOf(" "))))
    .join("|")})\\s+\\(\\p{Lu}[\\p{L}\\p{N}-]{1,7}\\)\\s+(\\p{Lu}[\\p{L}-]+)(?![\\p{L}])`,
  "gu",
);

/** The fifty states of the United States, whose National Guards serve abroad with NATO allies. */
const US_STATES =
  "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming";
const STATE_GUARD_RE = new RegExp(
  `(?<![\\p{L}])(?:(?:U\\.S\\.|US)\\s+)?((?:${US_STATES}))\\s+(?:Army\\s+|Air\\s+)?National\\s+Guard(?![\\p{L}])`,
  "gu",
);

/** Words after "RAF" that name no air station: aircraft, services, ranks and offices. */
const RAF_NOT_STATIONS =
  /^(?:Typhoons?|Tornados?|Voyagers?|Chinooks?|Hercules|Atlas|Pumas?|Poseidons?|Lightning|F-35s?|Reapers?|Protectors?|Sentry|Rivet|Shadow|Regiment|Police|Reserves?|Command|Air|Chief|Station|Base|Squadron|Wing|Group|Red|Benevolent|Museum|Typhoon\s\p{L}+)$/u;

/** After a town: a meeting it held ("the 2012 Chicago summit", "the Lisbon conference"). */
const MEETING_AFTER = /^\s+(?:NATO\s+)?(?:[Ss]ummit|[Cc]onference)(?![\p{L}])/u;

/**
 * A town GeoNames knows under the words at `span`, when the text treats them as a place: after a
 * preposition of place ("in Tapa", "from Edmonton"), before "-based" (`located`), or followed by
 * its nation ("Tapa, Estonia"). The town chosen is the most populous one in a nation the article
 * names; failing that, a city of 100,000 or more after a preposition. Anything else is left alone:
 * many surnames are also some village's name.
 */
function townAt(
  text: string,
  span: TextSpan & { text: string },
  claimed: readonly Mention[],
  located: boolean,
  fullNames: ReadonlySet<string>,
): Mention | undefined {
  const candidates = citiesNamed(span.text);
  if (candidates.length === 0) return unlistedTown(text, span, claimed, fullNames);
  // "Central", "Victory": a word English uses otherwise is not taken for a village of that name
  if (!/\s/.test(span.text) && isCommonWord(span.text)) return undefined;
  // "At the Summit, allies will agree", "at the Forum": one word after "the" that stands as its
  // own noun (not "the Tapa base") is a capitalised common noun, not a town of that name (wild25)
  // ("the Bulford-based battalion": before "-based", the word is a town's; link28)
  if (
    !located &&
    !/\s/.test(span.text) &&
    /(?:^|[^\p{L}])the\s+$/iu.test(text.slice(Math.max(0, span.start - 5), span.start)) &&
    !/^\s+\p{L}/u.test(text.slice(span.end, span.end + 3))
  )
    return undefined;
  // "at the Victoria Palace", "the Lancaster House talks": the building, not a town (extwild28)
  if (theBuilding(text, span.start, span.end)) return undefined;
  // "Austin shared ..." after "Lloyd J. Austin", "Westminster's officer" after "HMS Westminster":
  // the last word of a name the article gave in full is that person or ship (placement.ts)
  if (namedBefore(span.text, fullNames)) return undefined;
  const after = text.slice(span.end, span.end + 3);
  const written = /^,\s/.test(after)
    ? claimed.find(
        (m) =>
          m.kind === "Nation" &&
          !m.demonym &&
          /^,\s+$/.test(text.slice(span.end, m.start)) &&
          m.start - span.end <= 3,
      )?.known
    : undefined;
  let town: { nation: KnownEntity } | undefined;
  const named = new Set<KnownEntity | undefined>([
    ...claimed.filter((m) => m.kind === "Nation").map((m) => m.known),
    ...claimed.flatMap((m) => m.involves ?? []),
  ]);
  if (written) town = candidates.find((c) => c.nation === written);
  else {
    const locative =
      located ||
      LOCATIVE_BEFORE.test(text.slice(Math.max(0, span.start - 30), span.start)) ||
      SITE_AFTER.test(text.slice(span.end, span.end + 40)) ||
      // "at the 2012 Chicago summit", "the Lisbon conference": the town that held the meeting
      MEETING_AFTER.test(text.slice(span.end, span.end + 20));
    // "Portsmouth" in a story that names the United States but not Britain is still the English
    // city: a namesake in a named nation does not displace a bigger city of 100,000 (placement.ts)
    const inNamed = namesakeInNamed(candidates, named);
    if (locative)
      town = inNamed ?? ((candidates[0]?.population ?? 0) >= 100_000 ? candidates[0] : undefined);
    else if (
      inNamed &&
      inNamed.population >= 100_000 &&
      !SPEECH_AFTER.test(text.slice(span.end, span.end + 20))
    )
      town = inNamed;
  }
  if (!town) return undefined;
  return {
    ...span,
    kind: "Place",
    name: span.text,
    key: slug(span.text),
    // its nation, where the article names that nation (a reader does not add one it never names)
    ...(named.has(town.nation) ? { involves: [town.nation] } : {}),
    ...(written ? {} : { impliedIn: true }),
  };
}

/** "NATO's rapid reaction force", "the alliance's spearhead force": the words after the possessive. */
const NATO_FORCE_RE =
  /\b(?:NATO|[Tt]he [Aa]lliance)['’]s\s+(?:new\s+|own\s+)?((?:rapid[- ]reaction|rapid[- ]response|quick[- ]reaction|high[- ]readiness|very[- ]high[- ]readiness|spearhead)\s+force)\b/gu;

/**
 * Exercises NATO and its allies hold year after year, which news names without the word
 * "exercise". Names of two words are read alone; one-word names, which are also words or
 * places ("Dragon", "Hedgehog", "Namejs"), only with their year ("Dragon-24", "Hedgehog 2023")
 * or in capitals ("BALTOPS").
 */
/** An agency of NATO's or the EU's whose name joins two words: "NATO Support and Procurement Agency". */
const JOINED_AGENCY_RE =
  /(?<![\p{L}])(?:NATO|EU|European|Allied|Joint)\s+(?:\p{Lu}[\p{L}-]+\s+){1,3}(?:and|for)\s+(?:\p{Lu}[\p{L}-]+\s+){0,3}(?:Agency|Organi[sz]ation|Command|Centre|Center|School|College|Office|Academy|Institute)(?![\p{L}])/gu;

/** A mission named before a lower-case "mission"/"operation", or a named task group or force. */
const NAMED_MISSION_RE =
  /(?<![\p{L}])(?:(?:(?:NATO|EU|UN|[Tt]he [Aa]lliance)(?:’s|'s)|the)\s+((?:\p{Lu}[\p{L}-]+\s+){1,4})(?:mission|operation)(?![\p{L}])|(?:so-called|a|the|its)\s+((?:\p{Lu}[\p{L}-]+\s+){1,3}Task (?:Group|Force))(?![\p{L}\s\d]|\s+\p{Lu}))/gu;

/** An office's words, which no agency's name holds ("NATO Secretary General and ..."). */
const OFFICE_IN_AGENCY =
  /^(?:Minister|Ministers|Secretary|General|President|Commander|Commanders|Chief|Chiefs|Prime|Deputy|Foreign|Defence|Defense)$/;

/** The British Army's corps named by "Royal" and their arm. */
const ROYAL_CORPS_RE =
  /(?<![\p{L}])Royal (?:Artillery|Engineers|Signals|Marines|Logistic Corps|Military Police|Horse Artillery)(?![\p{L}])/gu;

/** A word that is no part of a unit's own name: a title, a day, a nation, a head or a known body. */
function isNotUnitName(w: string): boolean {
  return (
    NOT_NAMES.has(w) ||
    TITLE_WORDS.has(w) ||
    ORG_HEADS[w] !== undefined ||
    GAZ_BY_FORM.has(w) ||
    // "Presence": "the enhanced Forward Presence Battalion" is NATO's battle group (a mission)
    /^(?:Headquarters?|HQ|Company|Companies|Staff|Group|Unit|Units|Exercise|Operation|Training|Area|Base|Camp|Presence)$/.test(
      w,
    )
  );
}

/**
 * The heads of a unit's name: an exercise's name right before or after one names the unit the
 * exercise is named after ("the Iron Wolf Brigade", "Mechanized Infantry Brigade Iron Wolf").
 */
const UNIT_HEADS = "Brigade|Battalion|Regiment|Division|Squadron|Wing|Group";
const KNOWN_EXERCISES_TWO = [
  "Steadfast Defender",
  "Steadfast Jazz",
  "Steadfast Noon",
  "Steadfast Dart",
  "Trident Juncture",
  "Trident Jupiter",
  "Saber Strike",
  "Sabre Strike",
  "Saber Guardian",
  "Defender Europe",
  "Cold Response",
  "Nordic Response",
  "Swift Response",
  "Iron Wolf",
  "Noble Jump",
  "Brilliant Jump",
  "Ramstein Legacy",
  "Ramstein Flag",
  "Arctic Challenge",
  "Dynamic Mongoose",
  "Dynamic Manta",
  "Dynamic Messenger",
  "Trojan Footprint",
  "Formidable Shield",
  "Neptune Strike",
  "Joint Warrior",
  "Crystal Arrow",
  "Silver Arrow",
  "Baltic Hornet",
  "Spring Storm",
  "Northern Coast",
  "Immediate Response",
  "Sea Breeze",
  "Dacian Fall",
  "Summer Shield",
  "Griffin Lightning",
  "Cyber Coalition",
  "Locked Shields",
  "Air Defender",
  "Anatolian Eagle",
  "Frisian Flag",
];
const KNOWN_EXERCISES_ONE = [
  "Dragon",
  "Hedgehog",
  "Anakonda",
  "Zapad",
  "Namejs",
  "Siil",
  "Kevadtorm",
  "Baltops",
];
/** An exercise name's year: two digits after a space or an apostrophe (with a "-1" after them), or four. */
const EXERCISE_YEAR = /(?:'|\s)(\d\d)(?:-\d)?$|\b(\d{4})$/;
/** A capitalised exercise name in quotation marks before its noun, or right after it. */
const QUOTED_NAME = String.raw`(\p{Lu}[\p{L}-]*(?:\s(?:\p{Lu}[\p{L}-]*|\d{2,4}(?:-\d)?))*|\p{Lu}[\p{L}]*-\d{2,4})`;
const EXERCISE_NOUN = "(?:[Ee]xercises?|[Dd]rills?|[Mm]anoeuvres?|[Mm]aneuvers?)";
const QUOTED_EXERCISE_RE = new RegExp(
  String.raw`[“"‘']${QUOTED_NAME}[”"’']\s+(?:(?:military|defen[cs]e|naval|air|joint|large-scale|multinational|international|annual|NATO|NATO-led)\s+){0,4}${EXERCISE_NOUN}\b|\b${EXERCISE_NOUN},?\s+(?:(?:dubbed|called|named|code-?named)\s+)?[“"‘']${QUOTED_NAME}[”"’']`,
  "gu",
);

const KNOWN_EXERCISE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}-])(?<!(?:${UNIT_HEADS})\\s["“]?)(?:(?:${KNOWN_EXERCISES_TWO.join("|")})(?:[ -](?:\\d\\d|\\d{4}))?|(?:${KNOWN_EXERCISES_ONE.join("|")})[ -](?:\\d\\d|\\d{4})|BALTOPS(?:[ -](?:\\d\\d|\\d{4}))?)(?![\\p{L}\\p{N}]|[.,]\\d|\\s*%|\\s+(?:per|percent|soldiers|troops|ships|aircraft|nations|countries|allies|${UNIT_HEADS})\\b)`,
  "gu",
);

/** What may follow "Rukla, Lithuania" when it is a town and its nation, not a clause's subject. */
const AFTER_TOWNS_NATION =
  /^(?:[,.;:)]|\s+(?:on|in|at|last|this|where|and|to|for|during|since|until|from|near)\b|\s*$)/u;

/**
 * "in Rukla, Lithuania", "near Pabrade, Lithuania": a town too small for GeoNames' list (or not
 * in it), which the text places in a nation it names right after it, after a preposition of
 * place. One or two words no lexicon reads otherwise (not "In March, Canada pledged").
 */
function unlistedTown(
  text: string,
  span: TextSpan & { text: string },
  claimed: readonly Mention[],
  fullNames: ReadonlySet<string>,
): Mention | undefined {
  if (!LOCATIVE_BEFORE.test(text.slice(Math.max(0, span.start - 30), span.start))) return undefined;
  const words = span.text.split(/\s+/);
  if (words.length > 2 || words.some((w) => notSurnameWord(w) || isCommonWord(w))) return undefined;
  if (namedBefore(span.text, fullNames)) return undefined;
  const nation = claimed.find(
    (m) =>
      m.kind === "Nation" &&
      !m.demonym &&
      m.known &&
      /^,\s+$/.test(text.slice(span.end, m.start)) &&
      m.start - span.end <= 3,
  );
  if (!nation?.known || !AFTER_TOWNS_NATION.test(text.slice(nation.end, nation.end + 12)))
    return undefined;
  return {
    ...span,
    kind: "Place",
    name: span.text,
    key: slug(span.text),
    involves: [nation.known],
  };
}

const PERSON_CUE =
  /\b(?:(?:Deputy |Vice |Acting )?(?:Prime Minister|President|Chancellor|Premier|Secretary[- ]General|Ambassador|Commander|Leader|Chief|Spokesperson|Spokesman|Spokeswoman|Director|Governor|Mayor|Senator)|[\p{L} ]{0,30}Minister)(?: of [^,]{1,50}| for [^,]{1,50})?,\s*$/iu;
const OFFICE_BEFORE =
  /\b(?:minister|president|premier|chancellor|secretary[- ]general|secretary general|ambassador|envoy|commander|chief|spokes(?:person|man|woman)|mayor|governor)\s+$/u;
const SPEECH_AFTER =
  /^,?\s+(?:said|says|told|added|wrote|explained|noted|warned|stated|argued|announced)\b/;
const APPOSITION_AFTER =
  /^,\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}’'.-]+\s+){0,3}(?:prime minister|president|minister|ambassador|secretary|commander|chief|spokes\w+|leader|head|director|general|colonel|officer|chancellor|premier|counterpart)/iu;

/**
 * Whether a run of capitalised words names a person: compromise knows the first name, or the text
 * treats it as one (a speech verb after it, a title in apposition before or after it).
 */
/** The last word of a document's, a plan's or a fund's name: never a person's surname. */
const DOCUMENT_HEAD =
  /^(?:Declaration|Agreement|Treaty|Strategy|Plan|Fund|Charter|Convention|Act|Compass|Initiative|Programme|Program|Pact|Accords?|Protocol|Doctrine|Concept|Communiqu[eé]|Review|Report|Framework|Roadmap|Memorandum|Statement|Resolution|Directive|Regulation|Budget|Package|Facility|Mechanism|Instrument)$/;

/**
 * The last word of a building's or a site's name, seldom a surname ("Hall", "Park", "Court" are
 * common surnames and stay out).
 */
/**
 * Whether the words from `start` to `end` follow "the" and precede a building's head ("at the
 * Victoria Palace", "the Lancaster House talks"): the building's name, not the place's.
 */
function theBuilding(text: string, start: number, end: number): boolean {
  return (
    /(?:^|[^\p{L}])the\s+$/iu.test(text.slice(Math.max(0, start - 5), start)) &&
    /^\s+(?:Palace|House|Castle|Hall|Building|Square|Cathedral|Abbey|Chapel|Stadium|Arena)\b/.test(
      text.slice(end, end + 12),
    )
  );
}

const BUILDING_HEAD =
  /^(?:House|Palace|Castle|Building|Square|Cathedral|Abbey|Chapel|Stadium|Arena|Avenue|Street|Road|Lane|Boulevard|Airport|Barracks|Station)$/;

/**
 * The last word of equipment's, a unit's or a state's name, never a surname: "Bradley Infantry
 * Fighting Vehicles", "Air Task Group", "Yugoslav Republic" (wild24). Plural heads, and singular
 * ones no one is called.
 */
const THING_HEAD =
  /^(?:Vehicles?|Tanks|Jets|Fighters|Aircraft|Helicopters|Missiles|Howitzers|Launchers|Ships|Frigates|Submarines|Drones|Weapons|Group|Team|Unit|Republic|Kingdom|Federation|Emirates|States|Government|Administration)$/;
/** Titles that only qualify an office ("Former", "Acting"): alone they name none. */
const MODIFIER_ONLY = /^(?:(?:Former|former|Acting|Interim|Outgoing|Incoming)\s*)+$/;

/** Verbs a person does in the news, after a name that is the subject: "Kaja Kallas visited". */
const PERSON_VERBS =
  /^(?:visited|visits|met|meets|spoke|speaks|said|says|told|tells|announced|announces|pledged|pledges|promised|urged|urges|called|calls|warned|warns|praised|praises|welcomed|welcomes|thanked|thanks|added|stressed|noted|signed|signs|travelled|traveled|arrived|attended|attends|resigned|wrote|argued|proposed|proposes)$/;

/**
 * A run of two or three proper nouns (wink's tags) that is the subject of a verb people do, not
 * after a preposition: "Kaja Kallas visited Kyiv", not "in New Hampshire said" nor "Royal Navy".
 */
function subjectOfVerb(text: string, tokens: readonly Token[], run: readonly Token[]): boolean {
  if (run.length < 2 || run.length > 3 || !run.every((t) => t.pos === "PROPN")) return false;
  const last = run[run.length - 1] as Token;
  const next = tokens.find((t) => t.start >= last.end);
  if (!next || !PERSON_VERBS.test(next.text) || /\n/.test(text.slice(last.end, next.start)))
    return false;
  const before = text.slice(Math.max(0, (run[0] as Token).start - 12), (run[0] as Token).start);
  return !/\b(?:in|at|to|from|of|on|near|by|the)\s+$/i.test(before);
}

function looksLikePerson(text: string, name: string, at: number): boolean {
  const c = nlp(name);
  if (c.has("#FirstName") || c.has("#Person")) return true;
  const before = text.slice(Math.max(0, at - 80), at);
  const after = text.slice(at + name.length, at + name.length + 80);
  if (PERSON_CUE.test(before.split(/[.;\n]/).pop() ?? "")) return true;
  // "his Lithuanian counterpart Dovile Sakaliene", "her counterpart, Hanno Pevkur"
  if (/\bcounterparts?,?\s+$/.test(before)) return true;
  // "foreign minister Margus Tsahkna", "Finland's defence minister Antti Häkkänen", "NATO deputy
  // secretary general Radmila Shekerinska": an office in lower case right before the name
  if (OFFICE_BEFORE.test(before)) return true;
  // "Ambassador to Canada Toomas Lukk": an office held towards a nation, then the name
  if (
    /\b(?:Ambassador|Envoy|High Commissioner|Consul General|Representative|Minister|Secretary(?:[- ]General)?|Mayor|Governor|Head|Chief|Commander|Director|Chairman|Chairwoman)\s+(?:to|of|for)\s+(?:the\s+)?\p{Lu}[\p{L}.]*(?:\s(?:of\s)?\p{Lu}[\p{L}.]*)*\s+$/u.test(
      before,
    )
  )
    return true;
  if (SPEECH_AFTER.test(after) || APPOSITION_AFTER.test(after)) return true;
  // "... said Latvian Ambassador Kaspars Ozoliņš" / "said Evika Siliņa"
  if (/\b(?:said|says|told)\s+$/.test(before)) return true;
  // "Hulusi Akar met Kaja Kallas", "held talks with Annegret Kramp-Karrenbauer": the other side
  // of a meeting, named with no title
  if (
    /\b(?:met|meets|meeting|met with|meets with|meeting with|talks with|talked with|spoke with)\s+$/.test(
      before,
    ) &&
    // "met Allied Commanders", "met Baltic Leaders": a plural noun is a group, no name
    !nlp(name).terms().last().has("#Plural")
  )
    return true;
  // the surname alone with a speech verb elsewhere in the text
  const last = name.split(/\s+/).pop() ?? name;
  const esc = escapeRegExp(last);
  return new RegExp(
    `(?:\\b${esc},?\\s+(?:said|says|told|added)\\b|\\b(?:said|says|told)\\s+${esc}\\b)`,
  ).test(text);
}

/** "Secretary-General" and "Lt.-Gen." as one word (wink splits at the hyphen). */
function joinHyphens(text: string, tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = out[out.length - 1];
    const next = tokens[i + 1];
    if (
      prev &&
      t.text === "-" &&
      prev.end === t.start &&
      next &&
      next.start === t.end &&
      /^[\p{L}]/u.test(next.text)
    ) {
      out[out.length - 1] = { ...prev, end: next.end, text: text.slice(prev.start, next.end) };
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

function isSentenceStart(text: string, at: number, starts: Set<number>): boolean {
  let s = at;
  while (s > 0 && /[“"‘'(\s]/.test(text[s - 1] ?? "")) s--;
  return s === 0 || starts.has(s) || starts.has(at) || /[.!?:\n]/.test(text[s - 1] ?? "");
}

/** The nation or organisation named right before a title: "British", "NATO", "Latvia's". */
/**
 * "Rear Admiral Edward Cashman of the US Navy", "Colonel Jan Novak of the Czech Army": a titled
 * person's owner named just after the name, where none is named before the title.
 */
function ownersAfter(text: string, claimed: readonly Mention[]): void {
  const sorted = [...claimed].sort((a, b) => a.start - b.start);
  for (const [i, m] of sorted.entries()) {
    if (m.kind !== "Person" || !m.role || m.roleOf) continue;
    const next = sorted[i + 1];
    if (!next || !/^\s+of\s+(?:the\s+)?$/.test(text.slice(m.end, next.start))) continue;
    const category = next.properties?.category ?? next.known?.properties.category;
    const owner =
      (next.kind === "Nation" && !next.demonym) ||
      (next.kind === "Organization" &&
        (category === "ARMED_FORCES" || category === "GOVERNMENT" || category === "ALLIANCE"));
    if (owner) m.roleOf = next;
  }
}

function ownerBefore(text: string, claimed: Mention[], at: number): Mention | undefined {
  return claimed.find(
    (m) =>
      (m.kind === "Nation" || m.kind === "Organization") &&
      m.end <= at &&
      /^(?:’s|'s)?\s+$/.test(text.slice(m.end, at)),
  );
}

const titleCase = (s: string) => s.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());

/** Numbers, money and percentages (wink finds them, compromise reads their values). */
function quantitiesOf(analysis: Analysis): Quantity[] {
  const out: Quantity[] = [];
  for (const e of analysis.entities) {
    const type =
      e.type === "CARDINAL"
        ? "NUMBER"
        : e.type === "MONEY"
          ? "MONEY"
          : e.type === "PERCENT"
            ? "PERCENT"
            : e.type === "DURATION"
              ? "DURATION"
              : null;
    if (!type) continue;
    out.push({ start: e.start, end: e.end, text: e.text, type, value: numberIn(e.text) });
  }
  return out;
}

/** The value of a number written in words or figures ("two per cent", "1.39", "$8.1 billion"). */
export function numberIn(text: string): number | null {
  const cleaned = text.replace(/\bper ?cent\b/gi, "").replace(/%/g, "");
  // Plain figures ("2,200", "1.39") need no language model; words and scales go to compromise.
  const figure = cleaned
    .replace(
      /^\s*(?:about|approximately|around|some|nearly|almost|roughly|over|more than|up to)\s+/i,
      "",
    )
    .trim();
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(figure))
    return Number(figure.replace(/,/g, ""));
  let n = NUMBER_CACHE.get(cleaned);
  if (n === undefined) {
    const first = (nlp(cleaned).numbers().get() as unknown[])[0];
    n = typeof first === "number" && Number.isFinite(first) ? first : null;
    if (NUMBER_CACHE.size > 1000) NUMBER_CACHE.clear();
    NUMBER_CACHE.set(cleaned, n);
  }
  return n;
}
const NUMBER_CACHE = new Map<string, number | null>();

/** A day or month, and what joins it to a name before it: " on Tuesday", " in June", " March". */
const DATE_IN_NAME =
  /(?:\s(?:on|of|for|in))?\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/**
 * The matches of a name pattern cut before a day or month it ran on to (extgen31): "the Warsaw
 * Security Forum on Tuesday", "Exercise Trident Juncture October": a date is no word of an event's
 * name, which ends before it (the date is the event's, found as a date). `group` is the match's
 * group that holds the name (0: the whole match); what follows the cut is dropped from the match.
 */
function* datedNameCut(
  text: string,
  re: RegExp,
  group = 0,
): Generator<RegExpMatchArray & { index: number }> {
  for (const m of text.matchAll(re)) {
    const name = m[group];
    if (name === undefined) {
      yield m as RegExpMatchArray & { index: number };
      continue;
    }
    const cut = DATE_IN_NAME.exec(name);
    if (!cut || cut.index === 0) {
      yield m as RegExpMatchArray & { index: number };
      continue;
    }
    // the match up to the end of the name's part before the date
    const nameAt = m[0].lastIndexOf(name);
    const whole = m[0].slice(0, nameAt + cut.index);
    const out = [whole] as unknown as RegExpMatchArray & { index: number };
    for (let i = 1; i < m.length; i++)
      out[i] = (i === group ? name.slice(0, cut.index) : m[i]) as string;
    out.index = m.index ?? 0;
    yield out;
  }
}

/** A span of time counted from an event the text tells of: "a week after", "two days earlier". */
const FROM_ANOTHER_EVENT =
  /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|\d+)\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:after|before|later|earlier|on)$/i;

/**
 * Dates, relative ones resolved against the publication date by chrono-node. Without one, only
 * dates that give their year ("on 3 March 2024", "in June 2023") are kept, and the relative ones
 * are listed as unresolved.
 */
function datesOf(
  text: string,
  reference: { date: Date; precision: "year" | "month" | "day" } | null,
): { dates: DateMention[]; unresolved: string[] } {
  const out: DateMention[] = [];
  const unresolved: string[] = [];
  const instant = reference?.date ?? new Date(Date.UTC(2000, 0, 1, 12));
  for (const r of chrono.parse(text, { instant, timezone: "UTC" })) {
    // "a week after NATO defence ministers met", "three months later": counted from another
    // event, not from the publication date (chrono dated the meeting a week after the article)
    if (FROM_ANOTHER_EVENT.test(r.text)) continue;
    const known = (c: "day" | "month" | "year") => r.start.isCertain(c);
    // A year chrono cannot read: of "1 January 12000" it took "1 January 1200", and of
    // "1 January 0999" (or 0000) "1 January" alone, dated in the publication's year. A date the
    // text does not give is no date (redteam24: drafts stated 1200-01-01 and 2024-01-01).
    const after = text.slice(r.index + r.text.length, r.index + r.text.length + 8);
    if (/^\d/.test(after) || (!known("year") && /^\s+\d{4,}\b/.test(after))) continue;
    if (!reference) {
      if (!known("year")) {
        unresolved.push(r.text);
        continue;
      }
      const iso = r.start.date().toISOString().slice(0, 10);
      const date =
        known("day") && known("month") ? iso : known("month") ? iso.slice(0, 7) : iso.slice(0, 4);
      out.push({ start: r.index, end: r.index + r.text.length, text: r.text, date });
      continue;
    }
    let d = r.start.date();
    // News reports what happened: a bare weekday ("on Monday") is the last one, not the next,
    // unless the sentence looks ahead ("will", "next", "coming").
    const bareWeekday = r.start.isCertain("weekday") && !r.start.isCertain("day");
    const ahead = /\b(?:will|next|coming|upcoming|plans? to|expected to|scheduled)\b/i.test(
      text.slice(Math.max(0, r.index - 60), r.index + r.text.length),
    );
    if (
      bareWeekday &&
      !ahead &&
      d.getTime() > reference.date.getTime() &&
      reference.precision === "day"
    ) {
      d = new Date(d.getTime() - 7 * 86_400_000);
    }
    const iso = d.toISOString().slice(0, 10);
    // A day or month the article gives relatively is only as precise as the publication date.
    let date: string;
    if (known("day") && known("month")) date = iso;
    else if (reference.precision === "day") date = known("month") ? iso.slice(0, 7) : iso;
    else if (reference.precision === "month") date = iso.slice(0, 7);
    else date = iso.slice(0, 4);
    if (/\byear\b/.test(r.text) && !known("month")) date = iso.slice(0, 4);
    out.push({ start: r.index, end: r.index + r.text.length, text: r.text, date });
  }
  return { dates: out, unresolved };
}

/** Words that make a phrase an office held by a person: "Member of Parliament", "Prime Minister". */
const OFFICE_WORD =
  /^(?:Members?|Ministers?|Secretary|President|Officer|Ambassador|Chief|Commander|General|Director|Governor|Mayor|Speaker|Chair|Chairman|Envoy|Representative|Commissioner|Prime|Deputy|Vice)$/;

/**
 * The initials of a name's words, connectors left out: "Joint Expeditionary Force" -> "JEF"; with
 * `whole`, a word in capitals gives all its letters ("EU Military Assistance Mission" -> "EUMAM",
 * where "NATO Response Force" is "NRF" without).
 */
const initials = (name: string, whole = false) =>
  name
    .split(/[\s-]+/)
    .filter((w) => w && !/^(?:of|and|for|the|on|in|de|&)$/i.test(w))
    .map((w) =>
      whole && /^\p{Lu}{2,4}$/u.test(w)
        ? w
        : whole && /^(?:\p{Lu}\.){2,3}$/u.test(w)
          ? w.replace(/\./g, "")
          : w.charAt(0),
    )
    .join("");

/** Whether `acronym` is the initials of `name` either way, ignoring case. */
const spelledBy = (name: string, acronym: string) =>
  [initials(name), initials(name, true)].some((i) => i.toLowerCase() === acronym.toLowerCase());

/**
 * Whether `acronym` spells `name` by its words' initials ("CAF", "eFP", "BAP", "EUMAM"), ignoring
 * case, with or without a trailing "mission".
 */
export function spells(name: string, acronym: string): boolean {
  return (
    spelledBy(name, acronym) ||
    spelledBy(name.replace(/\s+(?:mission|operation|battle ?group)$/i, ""), acronym)
  );
}

/**
 * The words just before "(ABBR)" at `at` that the acronym spells: capitalised words (the first may
 * be lower case where the acronym's is: "enhanced Forward Presence (eFP)"), joined by connectors,
 * with a common noun after them ("the Baltic Air Policing mission (BAP)": then a mission).
 */
/**
 * The acronym in brackets right after a body's or mission's name that spells it: "(CAF)", and
 * one with the name's number ("Standing NATO Maritime Group 1 (SNMG1)", wild26).
 */
const NUMBER_WORDS = ["", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"];
function acronymAfter(text: string, m: { end: number; text: string }): string | undefined {
  const a =
    /^\s*(?:(?:mission|operation|initiative|battle ?group|programme|program)\s*)?\((\p{L}[\p{Lu}\p{Ll}]{0,2}\p{Lu}{1,4})(\d{0,2})\)/u.exec(
      text.slice(m.end, m.end + 30),
    );
  if (!a) return undefined;
  const letters = a[1] as string;
  const number = a[2] ?? "";
  if (number === "") return spells(m.text, letters) ? letters : undefined;
  // the number in digits or in words ("Standing NATO Maritime Group Two (SNMG2)", wild27)
  const word = NUMBER_WORDS[Number(number)] ?? number;
  const named = new RegExp(`^(.*\\S)\\s*(?:${number}|${word})$`, "iu").exec(m.text);
  return named && spells(named[1] as string, letters) ? `${letters}${number}` : undefined;
}

function spelledBefore(
  text: string,
  at: number,
  acronym: string,
): { start: number; end: number; text: string; mission: boolean } | undefined {
  const before = text.slice(Math.max(0, at - 120), at);
  const m =
    /((?:(?:\p{Lu}\.){2,3}\s+|[\p{L}][\p{L}’'-]*\s+){1,8}?)(?:(mission|operation|initiative|programme|program)\s+)?$/u.exec(
      before,
    );
  if (!m) return undefined;
  // "U.S. Army Security Assistance Command (USASAC)": "U.S." is one word, its letters spelt
  const words = [...(m[1] ?? "").matchAll(/(?:\p{Lu}\.){2,3}|[\p{L}][\p{L}’'-]*/gu)];
  const letters = acronym.replace(/[^\p{L}]/gu, "").length;
  // the shortest run of words ending before the bracket whose initials are the acronym's
  for (let i = words.length - 1; i >= 0; i--) {
    const run = words.slice(i);
    const first = run[0]?.[0] ?? "";
    const candidate = run.map((w) => w[0]).join(" ");
    if (initials(candidate).length > letters) break;
    if (!spelledBy(candidate, acronym)) continue;
    // every word but connectors capitalised; the first may be lower case only as the acronym's is
    const content = run.filter((w) => !/^(?:of|and|for|the|on|in|de)$/i.test(w[0]));
    if (
      !content.slice(1).every((w) => /^\p{Lu}/u.test(w[0])) ||
      /^(?:of|and|for|the|on|in)$/i.test(first)
    )
      return undefined;
    if (!/^\p{Lu}/u.test(first) && first.charAt(0) !== acronym.charAt(0)) return undefined;
    if (content.length < 2) return undefined;
    const start =
      at - before.length + (m.index ?? 0) + (m[1] ?? "").indexOf(first, run[0]?.index ?? 0);
    const end = start + candidate.length;
    if (text.slice(start, end) !== candidate) return undefined;
    return { start, end, text: candidate, mission: m[2] === "mission" || m[2] === "operation" };
  }
  return undefined;
}

/**
 * The matches of a global `re` in `text`, where a match refused by the caller does not hide the
 * ones starting inside it: after each, the search goes on from the next word of that match
 * (linear: each start is tried once, a match at most as long as the pattern allows).
 */
function* matchesFromEachStart(
  text: string,
  re: RegExp,
): Generator<RegExpExecArray & { index: number }> {
  const sticky = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
  let from = 0;
  while (from <= text.length) {
    sticky.lastIndex = from;
    const m = sticky.exec(text);
    if (!m) return;
    yield m as RegExpExecArray & { index: number };
    const space = text.indexOf(" ", m.index + 1);
    from =
      space < 0 || space >= m.index + Math.max(1, m[0].length)
        ? m.index + Math.max(1, m[0].length)
        : space + 1;
  }
}
