import { defineKind, stringProperty } from "./entity.js";
import { PledgeMetricEnum, PledgeStatusEnum } from "./enums.js";
import { relationField } from "./relation.js";

defineKind("Pledge", (t) => ({
  metric: t.field({
    type: PledgeMetricEnum,
    nullable: true,
    resolve: (e) => (e.properties.metric as "OTHER" | undefined) ?? null,
  }),
  value: t.float({
    nullable: true,
    description: "The amount, in unit.",
    resolve: (e) => (typeof e.properties.value === "number" ? e.properties.value : null),
  }),
  unit: stringProperty(t, "unit", "The unit of value, e.g. percent of GDP."),
  period: stringProperty(t, "period", "The period the pledge covers."),
  status: t.field({
    type: PledgeStatusEnum,
    nullable: true,
    resolve: (e) => (e.properties.status as "PROPOSED" | undefined) ?? null,
  }),
  pledgedBy: relationField(t, {
    description: "Who made or agreed to it.",
    types: ["PLEDGED"],
    direction: "IN",
  }),
  spenders: relationField(t, {
    description:
      "Nations' spending against this target; the edge has value, unit, year, estimated.",
    types: ["SPENDS"],
    direction: "IN",
    otherKind: "Nation",
  }),
  about: relationField(t, { description: "What it concerns.", types: ["ABOUT"], direction: "OUT" }),
}));
