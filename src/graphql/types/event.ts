import { defineKind } from "./entity.js";
import { relationField } from "./relation.js";

defineKind("Event", (t) => ({
  participants: relationField(t, {
    description: "People, nations and organisations that took part; the edge has the role.",
    types: ["PARTICIPATED_IN"],
    direction: "IN",
  }),
  hosts: relationField(t, {
    description: "Nations and places that hosted it.",
    types: ["HOSTS"],
    direction: "IN",
  }),
  quotes: relationField(t, {
    description: "Quotes said at this event.",
    types: ["SAID_AT"],
    direction: "IN",
    otherKind: "Quote",
  }),
  location: relationField(t, {
    description: "Where it took place.",
    types: ["LOCATED_IN"],
    direction: "OUT",
  }),
  about: relationField(t, { description: "What it concerns.", types: ["ABOUT"], direction: "OUT" }),
}));
