/** GraphQL enums, all derived from the vocabulary registry. */
import {
  DIRECTIONS,
  EVENT_CATEGORIES,
  KIND_NAMES,
  KINDS,
  MISSION_STATUSES,
  ORGANIZATION_CATEGORIES,
  PLEDGE_METRICS,
  PLEDGE_STATUSES,
  RELATION_TYPE_NAMES,
  RELATION_TYPES,
} from "../../domain/vocabulary.js";
import { builder } from "../builder.js";

const withDocs = <T extends string>(names: readonly T[], doc: (n: T) => string) =>
  Object.fromEntries(names.map((n) => [n, { value: n, description: doc(n) }])) as Record<
    T,
    { value: T; description: string }
  >;

export const EntityKindEnum = builder.enumType("EntityKind", {
  description: "The kinds of entity in the graph.",
  values: withDocs(KIND_NAMES, (k) => KINDS[k].description),
});

export const RelationTypeEnum = builder.enumType("RelationType", {
  description: "The types of relation between entities (direction: from -> to).",
  values: withDocs(RELATION_TYPE_NAMES, (t) => {
    const s = RELATION_TYPES[t];
    return `${s.description} (${s.from.join(" | ")} -> ${s.to.join(" | ")})`;
  }),
});

export const DirectionEnum = builder.enumType("Direction", {
  description: "Which relations of an entity to read: outgoing, incoming or both.",
  values: withDocs(DIRECTIONS, (d) =>
    d === "OUT"
      ? "The entity is the relation's start."
      : d === "IN"
        ? "The entity is the relation's end."
        : "Either.",
  ),
});

export const OrganizationCategoryEnum = builder.enumType("OrganizationCategory", {
  values: ORGANIZATION_CATEGORIES,
});
export const MissionStatusEnum = builder.enumType("MissionStatus", { values: MISSION_STATUSES });
export const EventCategoryEnum = builder.enumType("EventCategory", { values: EVENT_CATEGORIES });
export const PledgeMetricEnum = builder.enumType("PledgeMetric", { values: PLEDGE_METRICS });
export const PledgeStatusEnum = builder.enumType("PledgeStatus", { values: PLEDGE_STATUSES });

/** The enum type of an enumeration of the registry, found by its value list (the same array). */
const PROPERTY_ENUMS = new Map<readonly string[], typeof PledgeStatusEnum>([
  [ORGANIZATION_CATEGORIES, OrganizationCategoryEnum as unknown as typeof PledgeStatusEnum],
  [MISSION_STATUSES, MissionStatusEnum as unknown as typeof PledgeStatusEnum],
  [EVENT_CATEGORIES, EventCategoryEnum as unknown as typeof PledgeStatusEnum],
  [PLEDGE_METRICS, PledgeMetricEnum as unknown as typeof PledgeStatusEnum],
  [PLEDGE_STATUSES, PledgeStatusEnum],
]);

/** The GraphQL enum for a registry enumeration; an enumeration without one is a build error. */
export function enumForValues(values: readonly string[]) {
  const ref = PROPERTY_ENUMS.get(values);
  if (!ref) throw new Error(`No GraphQL enum for values ${values.join(",")}`);
  return ref;
}
