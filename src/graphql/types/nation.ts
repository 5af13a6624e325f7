import { defineKind } from "./entity.js";
import { relationField } from "./relation.js";

defineKind("Nation", (t) => ({
  leaders: relationField(t, {
    description: "People who lead this nation; the edge has the role (e.g. Prime Minister).",
    types: ["LEADS"],
    direction: "IN",
    otherKind: "Person",
  }),
  officials: relationField(t, {
    description: "People who hold an office in this nation's government; the edge has the role.",
    types: ["SERVES_IN"],
    direction: "IN",
    otherKind: "Person",
  }),
  organizations: relationField(t, {
    description: "Organisations that belong to this nation: its armed forces and their branches.",
    types: ["PART_OF"],
    direction: "IN",
    otherKind: "Organization",
  }),
  alliances: relationField(t, {
    description: "Organisations this nation is a member of.",
    types: ["MEMBER_OF"],
    direction: "OUT",
    otherKind: "Organization",
  }),
  ledMissions: relationField(t, {
    description: "Missions this nation leads as lead nation.",
    types: ["LEADS"],
    direction: "OUT",
    otherKind: "Mission",
  }),
  hostedMissions: relationField(t, {
    description: "Missions this nation hosts.",
    types: ["HOSTS"],
    direction: "OUT",
    otherKind: "Mission",
  }),
  contributions: relationField(t, {
    description: "Missions this nation contributes to; the edge has troops and additionalTroops.",
    types: ["CONTRIBUTES_TO"],
    direction: "OUT",
    otherKind: "Mission",
  }),
  pledges: relationField(t, {
    description: "Pledges and targets this nation made or agreed to.",
    types: ["PLEDGED"],
    direction: "OUT",
    otherKind: "Pledge",
  }),
  spending: relationField(t, {
    description:
      "What this nation spends against a target; the edge has value, unit, year and estimated.",
    types: ["SPENDS"],
    direction: "OUT",
    otherKind: "Pledge",
  }),
  hostedEvents: relationField(t, {
    description: "Events this nation hosts.",
    types: ["HOSTS"],
    direction: "OUT",
    otherKind: "Event",
  }),
  events: relationField(t, {
    description: "Events this nation took part in; the edge has the role (e.g. aggressor, target).",
    types: ["PARTICIPATED_IN"],
    direction: "OUT",
    otherKind: "Event",
  }),
}));
