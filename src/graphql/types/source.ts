import { defineKind } from "./entity.js";
import { relationField } from "./relation.js";

defineKind("Source", (t) => ({
  retracted: t.boolean({
    description:
      "True once retractSource marked it retracted: it stays on record, and what it states (again or anew, if its document is ingested later) is DEPRECATED and counts no more.",
    resolve: (e) => e.retracted,
  }),
  mentions: relationField(t, {
    description: "Entities this source mentions.",
    types: ["MENTIONS"],
    direction: "OUT",
  }),
}));
