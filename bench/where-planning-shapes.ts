/** The where shapes of bench/where-planning.ts. */
/** Twenty-odd shapes a client exploring in GraphiQL might ask, over the seed graph. */
export const SHAPES: Record<string, { field: string; where: string }> = {
  "name contains": { field: "nations", where: `{name: {contains: "an"}}` },
  "name startsWith": { field: "people", where: `{name: {startsWith: "j"}}` },
  "name in": { field: "nations", where: `{name: {in: ["canada", "latvia", "spain"]}}` },
  "key equals": { field: "organizations", where: `{key: {equals: "nato"}}` },
  "isoCode equals": { field: "nations", where: `{isoCode: {equals: "CAN"}}` },
  "date from": { field: "events", where: `{date: {from: "2022"}}` },
  "date range": { field: "events", where: `{date: {from: "2021-06", to: "2022-03-31"}}` },
  "category in": { field: "organizations", where: `{category: {in: [ALLIANCE, ARMED_FORCES]}}` },
  "value gt": { field: "pledges", where: `{value: {gt: 1}}` },
  "status + unit": {
    field: "pledges",
    where: `{status: {equals: COMMITTED}, unit: {equals: "%"}}`,
  },
  "AND two": {
    field: "nations",
    where: `{AND: [{name: {contains: "a"}}, {isoCode: {startsWith: "L"}}]}`,
  },
  "OR two": {
    field: "nations",
    where: `{OR: [{name: {startsWith: "c"}}, {isoCode: {equals: "LVA"}}]}`,
  },
  NOT: { field: "nations", where: `{NOT: {name: {contains: "land"}}}` },
  "related any": { field: "people", where: `{related: [{type: LEADS}]}` },
  "related to": { field: "nations", where: `{related: [{type: MEMBER_OF, to: ["nato"]}]}` },
  "related IN kind": {
    field: "nations",
    where: `{related: [{type: HOSTS, direction: IN, kind: Mission}]}`,
  },
  "related none": { field: "nations", where: `{related: [{type: MEMBER_OF, none: true}]}` },
  "related two": {
    field: "people",
    where: `{related: [{type: LEADS}, {type: VISITED, none: true}]}`,
  },
  "OR of related": {
    field: "nations",
    where: `{OR: [{related: [{type: MEMBER_OF, to: ["nato"]}]}, {related: [{type: HOSTS}]}]}`,
  },
  "NOT OR nested": {
    field: "missions",
    where: `{NOT: {OR: [{status: {equals: ENDED}}, {AND: [{name: {contains: "x"}}, {startDate: {from: "2030"}}]}]}}`,
  },
  "mixed deep": {
    field: "nations",
    where: `{name: {contains: "a"}, OR: [{isoCode: {in: ["CAN", "LVA", "GBR"]}}, {related: [{type: PLEDGED}]}], NOT: {related: [{type: INVADED}]}}`,
  },
  "date + related": {
    field: "events",
    where: `{date: {from: "2020"}, related: [{type: ABOUT, to: ["canada", "latvia"]}]}`,
  },
};
