import { defineKind } from "./entity.js";
import { relationField } from "./relation.js";

defineKind("Pledge", (t) => ({
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
