import { defineKind } from "./entity.js";
import { relationField } from "./relation.js";

defineKind("Source", (t) => ({
  mentions: relationField(t, {
    description: "Entities this source mentions.",
    types: ["MENTIONS"],
    direction: "OUT",
  }),
}));
