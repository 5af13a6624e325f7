import { defineKind, stringProperty } from "./entity.js";
import { relationField } from "./relation.js";

defineKind("Source", (t) => ({
  title: stringProperty(t, "title", "The headline."),
  publisher: stringProperty(t, "publisher"),
  url: stringProperty(t, "url"),
  publishedAt: stringProperty(t, "publishedAt", "When it was published (ISO, may be partial)."),
  asOf: stringProperty(
    t,
    "asOf",
    "When what it states held, where that is not its publication date: its claims' point in time.",
  ),
  credit: stringProperty(t, "credit", "The credit line."),
  text: stringProperty(t, "text", "The full text (with damaged quotation marks repaired)."),
  mentions: relationField(t, {
    description: "Entities this source mentions.",
    types: ["MENTIONS"],
    direction: "OUT",
  }),
}));
