/**
 * Filter and order inputs for the per-kind lists, derived from the vocabulary: every kind gets
 * `<Kind>Where` (name, key, each filterable property, relation conditions, AND / OR / NOT) and
 * `<Kind>Order`.
 */
import type {
  EntityWhere,
  OrderBy,
  PropertyFilter,
  RelationCondition,
} from "../../cypher/filters.js";
import {
  EVENT_CATEGORIES,
  isFilterable,
  KIND_NAMES,
  KINDS,
  type Kind,
  MISSION_STATUSES,
  ORGANIZATION_CATEGORIES,
  PLEDGE_METRICS,
  PLEDGE_STATUSES,
  type PropertyType,
} from "../../domain/vocabulary.js";
import { builder } from "../builder.js";
import type { ArgPath } from "../keys.js";
import {
  DirectionEnum,
  EntityKindEnum,
  EventCategoryEnum,
  MissionStatusEnum,
  OrganizationCategoryEnum,
  PledgeMetricEnum,
  PledgeStatusEnum,
  RelationTypeEnum,
} from "./enums.js";

/** What an empty list means, the same in every filter (see the README's "Filters"). */
const EMPTY_IN = "Any of these values; an empty list matches nothing.";

export const StringFilter = builder.inputType("StringFilter", {
  description: "Matches text. On names it ignores case; on other properties it is exact.",
  fields: (t) => ({
    equals: t.string(),
    in: t.stringList({ description: EMPTY_IN }),
    startsWith: t.string(),
    contains: t.string({ description: "Substring (names only use an index for this)." }),
  }),
});

export const DateRangeFilter = builder.inputType("DateRangeFilter", {
  description:
    'A range of ISO dates, bounds included; either may be partial ("2022", "2022-03"). A partial date in the data is the whole year or month, and matches when it overlaps the range. A from later than to (no day in the range) is BAD_USER_INPUT.',
  fields: (t) => ({ from: t.string(), to: t.string() }),
});

export const FloatFilter = builder.inputType("FloatFilter", {
  fields: (t) => ({
    equals: t.float(),
    gt: t.float(),
    gte: t.float(),
    lt: t.float(),
    lte: t.float(),
  }),
});

export const IntFilter = builder.inputType("IntFilter", {
  fields: (t) => ({ equals: t.int(), gt: t.int(), gte: t.int(), lt: t.int(), lte: t.int() }),
});

export const BooleanFilter = builder.inputType("BooleanFilter", {
  fields: (t) => ({ equals: t.boolean() }),
});

export const RelationFilter = builder.inputType("RelationFilter", {
  description:
    'Has (or, with none: true, has no) relation of a type, optionally to given entities or of a kind. E.g. nations in NATO: { type: MEMBER_OF, to: ["nato"] }; people who lead a nation: { type: LEADS, kind: Nation }.',
  fields: (t) => ({
    type: t.field({ type: RelationTypeEnum, required: true }),
    direction: t.field({
      type: DirectionEnum,
      defaultValue: "OUT",
      description: "OUT: this entity is the start (default).",
    }),
    to: t.stringList({
      description:
        "Keys of the entities at the other end (any, when omitted; none, when an empty list). A value that cannot be a key (not a lowercase slug) is BAD_USER_INPUT naming its path; a key no entity has matches nothing.",
    }),
    kind: t.field({ type: EntityKindEnum, description: "Kind of the entity at the other end." }),
    none: t.boolean({ defaultValue: false, description: "True: has no such relation." }),
  }),
});

export const OrderDirectionEnum = builder.enumType("OrderDirection", {
  description:
    "ASC: smallest first; DESC: largest first. Either way, rows without the value come last.",
  values: ["ASC", "DESC"] as const,
});

type AnyEnumRef = typeof PledgeStatusEnum;

/** One `<Enum>Filter` per enumeration, keyed by the registry's value list (the same array). */
const ENUM_FILTERS = new Map(
  (
    [
      [ORGANIZATION_CATEGORIES, "OrganizationCategory", OrganizationCategoryEnum],
      [MISSION_STATUSES, "MissionStatus", MissionStatusEnum],
      [EVENT_CATEGORIES, "EventCategory", EventCategoryEnum],
      [PLEDGE_METRICS, "PledgeMetric", PledgeMetricEnum],
      [PLEDGE_STATUSES, "PledgeStatus", PledgeStatusEnum],
    ] as [readonly string[], string, unknown][]
  ).map(([values, name, ref]) => [
    values,
    builder.inputType(`${name}Filter`, {
      fields: (t) => ({
        equals: t.field({ type: ref as AnyEnumRef }),
        in: t.field({ type: [ref as AnyEnumRef], description: EMPTY_IN }),
      }),
    }),
  ]),
);

function filterTypeFor(spec: PropertyType) {
  switch (spec.type) {
    case "partialDate":
      return DateRangeFilter;
    case "number":
      return FloatFilter;
    case "integer":
      return IntFilter;
    case "boolean":
      return BooleanFilter;
    case "enum": {
      const filter = ENUM_FILTERS.get(spec.values);
      if (!filter) throw new Error(`No GraphQL enum for values ${spec.values.join(",")}`);
      return filter;
    }
    default:
      return StringFilter;
  }
}

const SCREAMING = (s: string) => s.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();

function filterableProps(kind: Kind): [string, PropertyType][] {
  return Object.entries(KINDS[kind].properties as Record<string, PropertyType>).filter(([, s]) =>
    isFilterable(s),
  );
}

type WhereInput = Record<string, unknown> & {
  name?: EntityWhere["name"];
  key?: EntityWhere["key"];
  related?: Array<{
    type: RelationCondition["type"];
    direction?: RelationCondition["direction"];
    to?: string[] | null;
    kind?: Kind | null;
    none?: boolean | null;
  }> | null;
  AND?: WhereInput[] | null;
  OR?: WhereInput[] | null;
  NOT?: WhereInput | null;
};

function whereInput(kind: Kind) {
  const ref = builder.inputRef<WhereInput>(`${kind}Where`);
  ref.implement({
    description: `Filters ${KINDS[kind].plural}. Conditions in one object must all hold (an empty object matches every one); combine with AND, OR and NOT.`,
    fields: (t) => ({
      name: t.field({
        type: StringFilter,
        description: 'The name, ignoring case (Unicode case folding: "STRASSE" finds "Straße").',
      }),
      key: t.field({
        type: StringFilter,
        description:
          "The key, exactly. equals and in take keys: a value that cannot be one (not a lowercase slug) is BAD_USER_INPUT naming its path; startsWith and contains take any text.",
      }),
      ...Object.fromEntries(
        filterableProps(kind).map(([prop, spec]) => [
          prop,
          t.field({
            type: filterTypeFor(spec) as typeof StringFilter,
            description: spec.description,
          }),
        ]),
      ),
      related: t.field({
        type: [RelationFilter],
        description: "Relation conditions; all must hold (an empty list: no condition).",
      }),
      AND: t.field({
        type: [ref],
        description: "Every one of these must hold; an empty list is no condition.",
      }),
      OR: t.field({
        type: [ref],
        description: "At least one of these must hold; an empty list matches nothing.",
      }),
      NOT: t.field({
        type: ref,
        description:
          "This must not hold; NOT: {} matches nothing. A condition on a value an entity lacks does not hold, so NOT of it matches that entity.",
      }),
    }),
  });
  return ref;
}

function orderInput(kind: Kind) {
  const fields = ["name", "key", ...filterableProps(kind).map(([p]) => p)];
  const field = builder.enumType(`${kind}OrderField`, {
    values: Object.fromEntries(
      fields.map((f) => [
        SCREAMING(f),
        f === "name"
          ? { value: f, description: "By name ignoring case, then by the exact name." }
          : { value: f },
      ]),
    ),
  });
  return builder.inputType(`${kind}Order`, {
    description:
      "One ordering field. Rows without a value for it come last, in both directions; rows that tie on every field given follow their key, ascending (so pages never overlap or skip).",
    fields: (t) => ({
      field: t.field({ type: field, required: true }),
      direction: t.field({ type: OrderDirectionEnum, defaultValue: "ASC" }),
    }),
  });
}

/** `<Kind>Where` and `<Kind>Order` for every kind. */
export const KIND_FILTERS = Object.fromEntries(
  KIND_NAMES.map((k) => [k, { where: whereInput(k), order: orderInput(k) }]),
) as Record<Kind, { where: ReturnType<typeof whereInput>; order: ReturnType<typeof orderInput> }>;

/**
 * Every value in a `<Kind>Where` that must be an entity key (a relation condition's `to`, the
 * key filter's `equals` and `in`), with where it sits, for checkKeys. A prefix or substring of
 * a key (`startsWith`, `contains`) need not be one.
 */
export function* whereKeys(
  input: WhereInput | null | undefined,
  path: ArgPath,
): Generator<readonly [string, ArgPath]> {
  if (!input) return;
  const { key } = input;
  if (key?.equals != null) yield [key.equals, [...path, "key", "equals"]];
  for (const [i, k] of (key?.in ?? []).entries()) yield [k, [...path, "key", "in", i]];
  for (const [i, r] of (input.related ?? []).entries()) {
    for (const [j, k] of (r.to ?? []).entries()) yield [k, [...path, "related", i, "to", j]];
  }
  for (const [i, w] of (input.AND ?? []).entries()) yield* whereKeys(w, [...path, "AND", i]);
  for (const [i, w] of (input.OR ?? []).entries()) yield* whereKeys(w, [...path, "OR", i]);
  yield* whereKeys(input.NOT, [...path, "NOT"]);
}

/** Turns a GraphQL `<Kind>Where` into the data layer's EntityWhere. */
export function toEntityWhere(
  kind: Kind,
  input: WhereInput | null | undefined,
): EntityWhere | null {
  if (!input) return null;
  const properties: Record<string, PropertyFilter> = {};
  for (const [prop] of filterableProps(kind)) {
    const value = input[prop];
    if (value != null) properties[prop] = value as PropertyFilter;
  }
  return {
    name: input.name ?? null,
    key: input.key ?? null,
    properties,
    related: (input.related ?? []).map((r) => ({
      type: r.type,
      direction: r.direction ?? "OUT",
      keys: r.to ?? null,
      kind: r.kind ?? null,
      none: r.none ?? false,
    })),
    AND: (input.AND ?? []).map((w) => toEntityWhere(kind, w) as EntityWhere),
    // Kept null when absent: OR: [] is an OR of nothing, which nothing satisfies.
    OR: input.OR ? input.OR.map((w) => toEntityWhere(kind, w) as EntityWhere) : null,
    NOT: toEntityWhere(kind, input.NOT),
  };
}

/** Turns a GraphQL `<Kind>Order` list into the data layer's OrderBy. */
export function toOrderBy(
  input: ReadonlyArray<{ field: string; direction?: "ASC" | "DESC" | null }> | null | undefined,
): OrderBy[] | null {
  return input ? input.map((o) => ({ field: o.field, direction: o.direction ?? "ASC" })) : null;
}
