/**
 * THE vocabulary registry: entity kinds, relationship types, allowed endpoints and property
 * types. GraphQL enums, document validation, the JSON Schema, the Cypher whitelist of labels and
 * relationship types and the docs are all derived from this module; nothing retypes them.
 */

/** A property's type. `partialDate` is ISO 8601 at year, month or day precision. */
export type PropertyType =
  | {
      readonly type: "string";
      readonly description: string;
      readonly long?: true;
      readonly pattern?: string;
    }
  | { readonly type: "number"; readonly description: string }
  | { readonly type: "integer"; readonly description: string; readonly min?: number }
  | { readonly type: "boolean"; readonly description: string }
  | { readonly type: "partialDate"; readonly description: string }
  | { readonly type: "url"; readonly description: string }
  | { readonly type: "enum"; readonly values: readonly string[]; readonly description: string };

export type PropertySpec = Readonly<Record<string, PropertyType>>;

const str = (description: string): PropertyType => ({ type: "string", description });
/** Three capital letters. */
const code = (description: string): PropertyType => ({
  type: "string",
  description,
  pattern: "^[A-Z]{3}$",
});
/** Free text (a quotation, an article): neither indexed nor offered as a filter. */
const text = (description: string): PropertyType => ({ type: "string", description, long: true });
const num = (description: string): PropertyType => ({ type: "number", description });
const int = (description: string): PropertyType => ({ type: "integer", description });
/** A number of things (troops): a whole number, never below zero. */
const count = (description: string): PropertyType => ({ type: "integer", description, min: 0 });
const bool = (description: string): PropertyType => ({ type: "boolean", description });
const date = (description: string): PropertyType => ({ type: "partialDate", description });
const url = (description: string): PropertyType => ({ type: "url", description });
const oneOf = (values: readonly string[], description: string): PropertyType => ({
  type: "enum",
  values,
  description,
});

/** Enumerations shared by properties and exposed as GraphQL enums. */
export const ORGANIZATION_CATEGORIES = [
  "ALLIANCE",
  "ARMED_FORCES",
  "GOVERNMENT",
  "MEDIA",
  "OTHER",
] as const;
export const MISSION_STATUSES = ["PLANNED", "ACTIVE", "RENEWED", "ENDED"] as const;
export const EVENT_CATEGORIES = [
  "CONFERENCE",
  "MEETING",
  "VISIT",
  "ANNOUNCEMENT",
  "CONFLICT",
  "BUDGET",
  "STATEMENT",
  "OTHER",
] as const;
export const PLEDGE_METRICS = ["PERCENT_GDP", "MONEY", "TROOPS", "OTHER"] as const;
export const PLEDGE_STATUSES = ["PROPOSED", "COMMITTED", "MET", "EXCEEDED", "UNMET"] as const;

interface KindSpec {
  /** The root list field's name, e.g. `people`. */
  readonly plural: string;
  readonly description: string;
  readonly properties: PropertySpec;
}

/** Entity kinds. Each is a Neo4j label beside `Entity` and a GraphQL object type. */
export const KINDS = {
  Person: {
    plural: "people",
    description: "A named person: a leader, minister or official.",
    properties: {},
  },
  Nation: {
    plural: "nations",
    description: "A sovereign state.",
    properties: { isoCode: code("ISO 3166-1 alpha-3 code, e.g. CAN.") },
  },
  Organization: {
    plural: "organizations",
    description: "An alliance, armed force, government body, news organisation or other group.",
    properties: { category: oneOf(ORGANIZATION_CATEGORIES, "What sort of organisation it is.") },
  },
  Place: {
    plural: "places",
    description: "A city, region or site that is not a nation.",
    properties: {},
  },
  Mission: {
    plural: "missions",
    description: "A military or civil operation.",
    properties: {
      startDate: date("When the mission began (ISO, may be partial)."),
      endDate: date("When the mission ends or ended (ISO, may be partial)."),
      status: oneOf(MISSION_STATUSES, "Where the mission stands."),
    },
  },
  Event: {
    plural: "events",
    description: "Something that happened at a time: a conference, visit, invasion, budget.",
    properties: {
      date: date("When it happened (ISO, may be partial: 2022, 2022-03, 2022-03-08)."),
      category: oneOf(EVENT_CATEGORIES, "What sort of event it is."),
    },
  },
  Pledge: {
    plural: "pledges",
    description: "A commitment or target: a share of GDP, a sum of money, a number of troops.",
    properties: {
      metric: oneOf(PLEDGE_METRICS, "What the pledge measures."),
      value: num("The amount, in `unit`."),
      unit: str("The unit of `value`, e.g. percent of GDP, CAD."),
      period: str("The period the pledge covers, e.g. 'over the next 20 years'."),
      status: oneOf(PLEDGE_STATUSES, "Whether it is proposed, committed, met or exceeded."),
      date: date("When the pledge was made (ISO, may be partial)."),
    },
  },
  Quote: {
    plural: "quotes",
    description: "Words someone said, verbatim.",
    properties: { text: text("The quotation, verbatim.") },
  },
  Source: {
    plural: "sources",
    description: "A document that states facts: a news article.",
    properties: {
      title: str("The headline."),
      publisher: str("Who published it."),
      url: url("Where it can be read."),
      publishedAt: date("When it was published (ISO, may be partial)."),
      asOf: date(
        "When what it states held, where that is not its publication date (ISO, may be partial): the point in time of its claims.",
      ),
      credit: str("The credit line, e.g. 'With a file from The Canadian Press.'"),
      text: text("The full, repaired text of the source."),
    },
  },
} as const satisfies Record<string, KindSpec>;

export type Kind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as Kind[];

/** The kind with its article, as a message says it: "a Person", "an Organization", "an Event". */
export function aKind(kind: string): string {
  return `${/^[AEIOU]/.test(kind) ? "an" : "a"} ${kind}`;
}

/** Properties every relationship may carry, whatever its type. */
export const COMMON_RELATION_PROPERTIES = {
  since: date("From when the relation holds (ISO, may be partial)."),
  until: date("Until when the relation holds (ISO, may be partial)."),
  date: date("When the relation happened, for a one-off (ISO, may be partial)."),
} as const satisfies PropertySpec;

interface RelationSpec {
  readonly description: string;
  readonly from: readonly Kind[];
  readonly to: readonly Kind[];
  readonly properties: PropertySpec;
  /**
   * Its figures change over time (troops, spending): each source's claim is an entry of the
   * timeline at its own point in time, with the figures as of then.
   */
  readonly overTime?: true;
  /**
   * It says one entity lies within another: together, the types marked so form a hierarchy, and a
   * chain of them never returns to where it began (A PART_OF B, B LOCATED_IN A is refused).
   */
  readonly containment?: true;
}

const ALL_KINDS = KIND_NAMES;

/** Relationship types, their allowed endpoints (from -> to) and their own properties. */
export const RELATION_TYPES = {
  LEADS: {
    description:
      "Heads a nation, organisation or mission; a nation leads a mission as lead nation; an organisation (a command, a headquarters, a unit) leads a mission or another organisation.",
    from: ["Person", "Nation", "Organization"],
    to: ["Nation", "Organization", "Mission"],
    properties: { role: str("The office or role, e.g. Prime Minister, Secretary-General.") },
  },
  SERVES_IN: {
    description: "Holds an office in a nation's government or an organisation.",
    from: ["Person"],
    to: ["Nation", "Organization"],
    properties: { role: str("The office, e.g. Minister of Finance.") },
  },
  MEMBER_OF: {
    description: "A nation belongs to an organisation such as an alliance.",
    from: ["Nation"],
    to: ["Organization"],
    properties: {},
  },
  HOSTS: {
    description: "A nation or place hosts a mission or an event.",
    from: ["Nation", "Place"],
    to: ["Mission", "Event"],
    properties: {},
  },
  CONTRIBUTES_TO: {
    description: "A nation or organisation contributes to a mission.",
    from: ["Nation", "Organization"],
    to: ["Mission"],
    properties: {
      troops: count("Troops deployed."),
      additionalTroops: count("Troops announced to join."),
      asOf: date("When the troop figures held."),
    },
    overTime: true,
  },
  DEPLOYED_TO: {
    description:
      "A mission, or an organisation (a unit, an armed force), is deployed to a nation or place.",
    from: ["Mission", "Organization"],
    to: ["Nation", "Place"],
    properties: {},
  },
  PART_OF: {
    description:
      "A mission belongs to an organisation; an organisation belongs to another (a unit to an armed force, a command to an alliance) or to a nation (its armed forces); a place lies within a place or nation.",
    from: ["Mission", "Organization", "Place"],
    to: ["Organization", "Place", "Nation"],
    properties: {},
    containment: true,
  },
  PLEDGED: {
    description: "Made or agreed to a pledge or target.",
    from: ["Person", "Nation", "Organization"],
    to: ["Pledge"],
    properties: {},
  },
  SPENDS: {
    description: "A nation's actual spending measured against a target.",
    from: ["Nation"],
    to: ["Pledge"],
    properties: {
      value: num("The amount spent, in `unit`."),
      unit: str("The unit of `value`."),
      year: int("The year of the spending."),
      estimated: bool("Whether the figure is an estimate."),
    },
    overTime: true,
  },
  PARTICIPATED_IN: {
    description: "Took part in an event.",
    from: ["Person", "Nation", "Organization"],
    to: ["Event"],
    properties: { role: str("speaker, host, attendee, aggressor, target ...") },
  },
  SAID: {
    description: "A person said a quote.",
    from: ["Person"],
    to: ["Quote"],
    properties: {},
  },
  SAID_AT: {
    description: "A quote was said at an event.",
    from: ["Quote"],
    to: ["Event"],
    properties: {},
  },
  ABOUT: {
    description: "A quote, event or pledge concerns an entity.",
    from: ["Quote", "Event", "Pledge"],
    to: ALL_KINDS,
    properties: {},
  },
  INVADED: {
    description: "A nation invaded another.",
    from: ["Nation"],
    to: ["Nation"],
    properties: {},
  },
  VISITED: {
    description: "A person visited a place or nation.",
    from: ["Person"],
    to: ["Place", "Nation"],
    properties: {},
  },
  CALLED_ON: {
    description: "A person or organisation called on a nation or organisation to act.",
    from: ["Person", "Organization"],
    to: ["Nation", "Organization"],
    properties: { request: str("What was asked.") },
  },
  LOCATED_IN: {
    description:
      "A place or event is located in a place or nation; so is an organisation's seat (its headquarters, a unit's base).",
    from: ["Place", "Event", "Organization"],
    to: ["Place", "Nation"],
    properties: {},
    containment: true,
  },
  MENTIONS: {
    description: "A source mentions an entity.",
    from: ["Source"],
    to: ALL_KINDS,
    properties: {},
  },
} as const satisfies Record<string, RelationSpec>;

export type RelationType = keyof typeof RELATION_TYPES;
export const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as RelationType[];

/** Directions in which relations are read from an entity. */
export const DIRECTIONS = ["OUT", "IN", "BOTH"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Entity keys are readable slugs: lowercase letters, digits and single hyphens. */
export const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const KEY_MAX_LENGTH = 120;

/** Whether `key` can be an entity key: a lowercase slug of at most KEY_MAX_LENGTH characters. */
export function isKey(key: string): boolean {
  return key.length <= KEY_MAX_LENGTH && KEY_PATTERN.test(key);
}

/** Every property a relation of this type may carry: its own plus the common ones. */
export function relationProperties(type: RelationType): PropertySpec {
  return { ...COMMON_RELATION_PROPERTIES, ...RELATION_TYPES[type].properties };
}

/** The relation types whose figures change over time (see RelationSpec.overTime). */
export const OVER_TIME_RELATION_TYPES: readonly RelationType[] = RELATION_TYPE_NAMES.filter(
  (t) => (RELATION_TYPES[t] as RelationSpec).overTime === true,
);

/** The relation types that place one entity within another (see RelationSpec.containment). */
export const CONTAINMENT_RELATION_TYPES: readonly RelationType[] = RELATION_TYPE_NAMES.filter(
  (t) => (RELATION_TYPES[t] as RelationSpec).containment === true,
);

/** Whether `type` may link an entity of kind `from` to one of kind `to`. */
export function isAllowedEndpoint(type: RelationType, from: Kind, to: Kind): boolean {
  const spec: RelationSpec = RELATION_TYPES[type];
  return spec.from.includes(from) && spec.to.includes(to);
}

/**
 * A label beside an entity's kind, on every entity with at least one claim of a retracted source
 * (ranked DEPRECATED). Only such an entity can be one that only retracted sources state, so reads
 * test that (the costly part, its claim ranks and relations) on these alone, and a page's count
 * without a filter still comes from the count store. Set when a retraction ranks a claim
 * DEPRECATED, taken off when a restore leaves none, and settled at start for older graphs.
 */
export const RETRACTED_CLAIMS_LABEL = "RetractedClaims";

/**
 * The label of the lock nodes (no Entity, read by no query): one per kind of check that must see
 * what a concurrent write commits, such as the containment check (`{name: "containment"}`), which
 * writes that share no entity would otherwise each pass without the other's relation.
 */
export const WRITE_LOCK_LABEL = "WriteLock";

/** Type guards: the only way a string becomes a label or a relationship type in Cypher. */
export function isKind(value: string): value is Kind {
  return Object.hasOwn(KINDS, value);
}
export function isRelationType(value: string): value is RelationType {
  return Object.hasOwn(RELATION_TYPES, value);
}

/** A relation's id, `from|TYPE|to` (one relation per start, type and end): what the API gives out. */
export const relationId = (from: string, type: string, to: string) => `${from}|${type}|${to}`;

/**
 * The parts of a relation id (see relationId), or null when `id` cannot be one: not three parts,
 * an end that is not a key, or a type the vocabulary does not have.
 */
export function parseRelationId(
  id: string,
): { from: string; type: RelationType; to: string } | null {
  const parts = id.split("|");
  if (parts.length !== 3) return null;
  const [from = "", type = "", to = ""] = parts;
  if (!isKey(from) || !isKey(to) || !isRelationType(type)) return null;
  return { from, type, to };
}

/** The union of every property name any relation may carry, with its type. */
export const ALL_RELATION_PROPERTIES: PropertySpec = Object.assign(
  {},
  COMMON_RELATION_PROPERTIES,
  ...RELATION_TYPE_NAMES.map((t) => RELATION_TYPES[t].properties),
);

/** Whether a property can be filtered and ordered on (and so is indexed): not free text. */
export function isFilterable(spec: PropertyType): boolean {
  return !(spec.type === "string" && spec.long === true);
}
