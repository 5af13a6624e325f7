/** The shapes of bench/where-execution.ts, over the generated graph (`npm run generate -- --entities 100000 --bulk`). */
const G = "gen-";
/** Shapes over the generated graph: 29,500 people, 17,000 events at 100k. */
export const SHAPES: Record<string, { field: string; where: string; other: string }> = {
  "broad: name contains (all)": {
    field: "people",
    where: `{name: {contains: "erson"}}`,
    other: "KEY",
  },
  "broad: NOT a rare relation": {
    field: "people",
    where: `{NOT: {related: [{type: LEADS}]}}`,
    other: "KEY",
  },
  "medium: category equals": {
    field: "events",
    where: `{category: {equals: MEETING}}`,
    other: "DATE",
  },
  "narrow: name contains": { field: "people", where: `{name: {contains: "1234"}}`, other: "KEY" },
  "narrow: date from": { field: "events", where: `{date: {from: "2025-12"}}`, other: "DATE" },
  "relation any": { field: "people", where: `{related: [{type: LEADS}]}`, other: "KEY" },
  "relation to a hub": {
    field: "people",
    where: `{related: [{type: SERVES_IN, to: ["${G}nation-0001"]}]}`,
    other: "KEY",
  },
};

export const query = (s: { field: string; where: string }, order: string | null) =>
  `{ ${s.field}(where: ${s.where}, first: 20${order ? `, orderBy: [{field: ${order}}]` : ""}) { totalCount edges { node { key name } } } }`;
