import { defineKind } from "./entity.js";
import { relationField } from "./relation.js";

defineKind("Quote", (t) => ({
  speakers: relationField(t, {
    description: "Who said it.",
    types: ["SAID"],
    direction: "IN",
    otherKind: "Person",
  }),
  saidAt: relationField(t, {
    description: "Where it was said.",
    types: ["SAID_AT"],
    direction: "OUT",
    otherKind: "Event",
  }),
  about: relationField(t, { description: "What it concerns.", types: ["ABOUT"], direction: "OUT" }),
}));
