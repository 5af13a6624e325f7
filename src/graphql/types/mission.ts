import { defineKind } from "./entity.js";
import { relationField } from "./relation.js";

defineKind("Mission", (t) => ({
  contributors: relationField(t, {
    description:
      "Nations and organisations contributing; the edge has troops, additionalTroops and asOf.",
    types: ["CONTRIBUTES_TO"],
    direction: "IN",
  }),
  leaders: relationField(t, {
    description: "Lead nations and commanders.",
    types: ["LEADS"],
    direction: "IN",
  }),
  hosts: relationField(t, {
    description: "Nations and places hosting it.",
    types: ["HOSTS"],
    direction: "IN",
  }),
  deployedTo: relationField(t, {
    description: "Where it is deployed.",
    types: ["DEPLOYED_TO"],
    direction: "OUT",
  }),
  partOf: relationField(t, {
    description: "The organisation it belongs to.",
    types: ["PART_OF"],
    direction: "OUT",
    otherKind: "Organization",
  }),
}));
