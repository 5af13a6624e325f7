import { defineKind } from "./entity.js";
import { relationField } from "./relation.js";

defineKind("Place", (t) => ({
  within: relationField(t, {
    description: "Places and nations this place lies in.",
    types: ["PART_OF", "LOCATED_IN"],
    direction: "OUT",
  }),
  hosts: relationField(t, {
    description: "Missions and events this place hosts.",
    types: ["HOSTS"],
    direction: "OUT",
  }),
}));
