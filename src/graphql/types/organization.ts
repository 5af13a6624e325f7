import { defineKind } from "./entity.js";
import { relationField } from "./relation.js";

defineKind("Organization", (t) => ({
  members: relationField(t, {
    description: "Nations that are members.",
    types: ["MEMBER_OF"],
    direction: "IN",
    otherKind: "Nation",
  }),
  leaders: relationField(t, {
    description: "People who lead this organisation; the edge has the role.",
    types: ["LEADS"],
    direction: "IN",
    otherKind: "Person",
  }),
  officials: relationField(t, {
    description: "People who hold an office in it.",
    types: ["SERVES_IN"],
    direction: "IN",
    otherKind: "Person",
  }),
  missions: relationField(t, {
    description: "Missions that are part of this organisation.",
    types: ["PART_OF"],
    direction: "IN",
    otherKind: "Mission",
  }),
  partOf: relationField(t, {
    description:
      "What this organisation belongs to: an alliance for a command, an armed force for a unit, a nation for its armed forces.",
    types: ["PART_OF"],
    direction: "OUT",
  }),
  parts: relationField(t, {
    description:
      "Organisations that belong to this one: an armed force's units, an alliance's commands.",
    types: ["PART_OF"],
    direction: "IN",
    otherKind: "Organization",
  }),
  leads: relationField(t, {
    description: "Missions and organisations this one leads (a command its battlegroups).",
    types: ["LEADS"],
    direction: "OUT",
  }),
  deployedTo: relationField(t, {
    description: "Nations and places this organisation (a unit, an armed force) is deployed to.",
    types: ["DEPLOYED_TO"],
    direction: "OUT",
  }),
  locatedIn: relationField(t, {
    description: "Where its seat is: its headquarters' or a unit's base's place or nation.",
    types: ["LOCATED_IN"],
    direction: "OUT",
  }),
  contributions: relationField(t, {
    description: "Missions this organisation contributes to; the edge has troops.",
    types: ["CONTRIBUTES_TO"],
    direction: "OUT",
    otherKind: "Mission",
  }),
  pledges: relationField(t, {
    description: "Pledges and targets it made or agreed.",
    types: ["PLEDGED"],
    direction: "OUT",
    otherKind: "Pledge",
  }),
  calledOn: relationField(t, {
    description: "Who this organisation called on to act; the edge has the request.",
    types: ["CALLED_ON"],
    direction: "OUT",
  }),
}));
