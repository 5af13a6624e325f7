import { defineKind } from "./entity.js";
import { relationField } from "./relation.js";

defineKind("Person", (t) => ({
  leads: relationField(t, {
    description: "Nations, organisations and missions this person leads; the edge has the role.",
    types: ["LEADS"],
    direction: "OUT",
  }),
  offices: relationField(t, {
    description: "Offices held in a nation's government or an organisation; the edge has the role.",
    types: ["SERVES_IN"],
    direction: "OUT",
  }),
  quotes: relationField(t, {
    description: "What this person said.",
    types: ["SAID"],
    direction: "OUT",
    otherKind: "Quote",
  }),
  pledges: relationField(t, {
    description: "Pledges this person made.",
    types: ["PLEDGED"],
    direction: "OUT",
    otherKind: "Pledge",
  }),
  events: relationField(t, {
    description: "Events this person took part in; the edge has the role.",
    types: ["PARTICIPATED_IN"],
    direction: "OUT",
    otherKind: "Event",
  }),
  visited: relationField(t, {
    description: "Places and nations this person visited.",
    types: ["VISITED"],
    direction: "OUT",
  }),
}));
