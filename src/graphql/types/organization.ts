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
