/**
 * The benchmark's operations, each as the three servers ask for it: ours (the API's GraphQL),
 * the anchor (the Neo4j GraphQL Library's GraphQL for the same data) and the floor (one
 * hand-written Cypher query, see floor/queries.ts). The floor answers in exactly our JSON shape;
 * the anchor's answer is mapped onto it (`fromAnchor`) before the three are compared.
 *
 * Page sizes are the same for all three, and chosen so the three-level nesting stays within the
 * API's shipped cost limit (graphql-armor, MAX_COST 50,000 with literal first/last multipliers).
 */
import { toLuceneQuery } from "../src/cypher/search.js";

/** Per size: the keys the operations use, picked from the loaded graph (see fixtures.ts). */
export interface Fixtures {
  size: number;
  /** A hub nation (most alliances). */
  nation: string;
  /** The alliance with most members that host a mission. */
  alliance: string;
  /** Two people with a path of 2..4 hops between them (walking all types but MENTIONS). */
  pathFrom: string;
  pathTo: string;
  pathLength: number;
  /** Person -> Event pairs with no PARTICIPATED_IN yet: one new relation per mutation request. */
  pairs: { from: string; to: string }[];
  /** The evidence every added relation cites (a line of that source's text). */
  source: string;
  excerpt: string;
}

/** Which target applies to an operation's p50 (ratio to the floor). */
export type Group = "lookup" | "list" | "search" | "relfilter" | "nesting" | "path" | "mutation";

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName: string;
}

export interface Operation {
  id: string;
  title: string;
  group: Group;
  /** p50 at most this many times the floor's (the targets), when there is one. */
  p50Target: number | null;
  write: boolean;
  ours(fx: Fixtures, i: number): GraphQLRequest;
  /** null: the anchor has no equivalent (shortest path). */
  anchor: ((fx: Fixtures, i: number) => GraphQLRequest) | null;
  fromAnchor(data: Record<string, unknown>, fx: Fixtures, i: number): unknown;
  floor(fx: Fixtures, i: number): Record<string, unknown>;
}

export const BENCH_WRITER = "bench-writer";
export const SEARCH_TEXT = "person 01";
export const PAGE_PREFIX = "person 0";
export const PAGE_SIZE = 20;
/**
 * Nesting: alliances -> members -> leaders -> quotes, as big as the shipped cost limit allows:
 * graphql-armor prices it at 49,880 of MAX_COST 50,000 (10 x 10 x 10 x 5; 10 x 20 x 5 x 5 or
 * 20 x 10 x 5 x 5 would be over).
 */
export const NEST = { alliances: 10, members: 10, leaders: 10, quotes: 5 } as const;

type Json = Record<string, unknown>;
const obj = (v: unknown) => (v ?? {}) as Json;
const arr = (v: unknown) => (Array.isArray(v) ? (v as Json[]) : []);
const byName = (dir = "ASC") =>
  `[{ node: { nameLower: ${dir} } }, { node: { name: ${dir} } }, { node: { key: ASC } }]`;

const pageEdges = (v: unknown) =>
  arr(obj(v).edges).map((e) => ({ node: { key: obj(e.node).key, name: obj(e.node).name } }));

export const OPERATIONS: Operation[] = [
  {
    id: "lookup",
    title: "Lookup by key, one nested field (a nation and its alliances)",
    group: "lookup",
    p50Target: 1.3,
    write: false,
    ours: (fx) => ({
      operationName: "BenchLookup",
      query: `query BenchLookup($key: String!) {
  entity(key: $key) { key name ... on Nation { isoCode alliances(first: 10) { edges { node { key name } } } } }
}`,
      variables: { key: fx.nation },
    }),
    anchor: (fx) => ({
      operationName: "BenchLookup",
      query: `query BenchLookup($key: String!) {
  nations(where: { key: { eq: $key } }) {
    key name isoCode
    alliancesConnection(first: 10, sort: ${byName()}) { edges { node { key name } } }
  }
}`,
      variables: { key: fx.nation },
    }),
    fromAnchor: (d) => {
      const n = arr(d.nations)[0];
      if (!n) return { entity: null };
      return {
        entity: {
          key: n.key,
          name: n.name,
          isoCode: n.isoCode,
          alliances: { edges: pageEdges(n.alliancesConnection) },
        },
      };
    },
    floor: (fx) => ({ key: fx.nation }),
  },
  {
    id: "page",
    title: "Filtered, ordered page (people by name prefix, name descending, 20)",
    group: "list",
    p50Target: 1.3,
    write: false,
    ours: () => ({
      operationName: "BenchPage",
      query: `query BenchPage($prefix: String!) {
  people(where: { name: { startsWith: $prefix } }, orderBy: [{ field: NAME, direction: DESC }], first: ${PAGE_SIZE}) {
    edges { node { key name } } pageInfo { hasNextPage }
  }
}`,
      variables: { prefix: PAGE_PREFIX },
    }),
    anchor: () => ({
      operationName: "BenchPage",
      query: `query BenchPage($prefix: String!) {
  peopleConnection(first: ${PAGE_SIZE}, where: { nameLower: { startsWith: $prefix } }, sort: [{ nameLower: DESC }, { name: DESC }, { key: ASC }]) {
    edges { node { key name } } pageInfo { hasNextPage }
  }
}`,
      variables: { prefix: PAGE_PREFIX.toLowerCase() },
    }),
    fromAnchor: (d) => {
      const c = obj(d.peopleConnection);
      return {
        people: {
          edges: pageEdges(c),
          pageInfo: { hasNextPage: obj(c.pageInfo).hasNextPage },
        },
      };
    },
    floor: () => ({ prefix: PAGE_PREFIX.toLowerCase(), withTotal: false }),
  },
  {
    id: "pageTotal",
    title: "The same page with totalCount",
    group: "list",
    p50Target: 1.3,
    write: false,
    ours: () => ({
      operationName: "BenchPageTotal",
      query: `query BenchPageTotal($prefix: String!) {
  people(where: { name: { startsWith: $prefix } }, orderBy: [{ field: NAME, direction: DESC }], first: ${PAGE_SIZE}) {
    totalCount edges { node { key name } } pageInfo { hasNextPage }
  }
}`,
      variables: { prefix: PAGE_PREFIX },
    }),
    anchor: () => ({
      operationName: "BenchPageTotal",
      query: `query BenchPageTotal($prefix: String!) {
  peopleConnection(first: ${PAGE_SIZE}, where: { nameLower: { startsWith: $prefix } }, sort: [{ nameLower: DESC }, { name: DESC }, { key: ASC }]) {
    totalCount edges { node { key name } } pageInfo { hasNextPage }
  }
}`,
      variables: { prefix: PAGE_PREFIX.toLowerCase() },
    }),
    fromAnchor: (d) => {
      const c = obj(d.peopleConnection);
      return {
        people: {
          totalCount: c.totalCount,
          edges: pageEdges(c),
          pageInfo: { hasNextPage: obj(c.pageInfo).hasNextPage },
        },
      };
    },
    floor: () => ({ prefix: PAGE_PREFIX.toLowerCase(), withTotal: true }),
  },
  {
    id: "nesting",
    title: `Three-level nesting: alliances (${NEST.alliances}) -> members (${NEST.members}) -> leaders (${NEST.leaders}) -> quotes (${NEST.quotes})`,
    group: "nesting",
    p50Target: 1.6,
    write: false,
    ours: () => ({
      operationName: "BenchNesting",
      query: `query BenchNesting {
  organizations(where: { category: { equals: ALLIANCE } }, first: ${NEST.alliances}) { edges { node { key name
    members(first: ${NEST.members}) { edges { node { key name
      leaders(first: ${NEST.leaders}) { edges { role node { key name
        quotes(first: ${NEST.quotes}) { edges { node { key text } } } } } } } } } } } }
}`,
      variables: {},
    }),
    anchor: () => ({
      operationName: "BenchNesting",
      query: `query BenchNesting {
  organizations(where: { category: { eq: "ALLIANCE" } }, sort: [{ nameLower: ASC }, { name: ASC }, { key: ASC }], limit: ${NEST.alliances}) { key name
    membersConnection(first: ${NEST.members}, sort: ${byName()}) { edges { node { key name
      leadersConnection(first: ${NEST.leaders}, sort: ${byName()}) { edges { properties { role } node { key name
        quotesConnection(first: ${NEST.quotes}, sort: ${byName()}) { edges { node { key text } } } } } } } } } }
}`,
      variables: {},
    }),
    fromAnchor: (d) => ({
      organizations: {
        edges: arr(d.organizations).map((o) => ({
          node: {
            key: o.key,
            name: o.name,
            members: {
              edges: arr(obj(o.membersConnection).edges).map((m) => ({
                node: {
                  key: obj(m.node).key,
                  name: obj(m.node).name,
                  leaders: {
                    edges: arr(obj(obj(m.node).leadersConnection).edges).map((l) => ({
                      role: obj(l.properties).role ?? null,
                      node: {
                        key: obj(l.node).key,
                        name: obj(l.node).name,
                        quotes: {
                          edges: arr(obj(obj(l.node).quotesConnection).edges).map((q) => ({
                            node: { key: obj(q.node).key, text: obj(q.node).text ?? null },
                          })),
                        },
                      },
                    })),
                  },
                },
              })),
            },
          },
        })),
      },
    }),
    floor: () => ({ category: "ALLIANCE", ...NEST }),
  },
  {
    id: "relfilter",
    title: "Relationship filter: nations in an alliance that host a mission (20)",
    group: "relfilter",
    p50Target: 1.3,
    write: false,
    ours: (fx) => ({
      operationName: "BenchRelFilter",
      query: `query BenchRelFilter($alliance: String!) {
  nations(where: { related: [{ type: MEMBER_OF, to: [$alliance] }, { type: HOSTS, kind: Mission }] }, first: ${PAGE_SIZE}) {
    edges { node { key name } } pageInfo { hasNextPage }
  }
}`,
      variables: { alliance: fx.alliance },
    }),
    anchor: (fx) => ({
      operationName: "BenchRelFilter",
      query: `query BenchRelFilter($alliance: String!) {
  nationsConnection(first: ${PAGE_SIZE}, where: { alliances: { some: { key: { eq: $alliance } } }, hostedMissionsConnection: { aggregate: { count: { nodes: { gt: 0 } } } } }, sort: [{ nameLower: ASC }, { name: ASC }, { key: ASC }]) {
    edges { node { key name } } pageInfo { hasNextPage }
  }
}`,
      variables: { alliance: fx.alliance },
    }),
    fromAnchor: (d) => {
      const c = obj(d.nationsConnection);
      return {
        nations: { edges: pageEdges(c), pageInfo: { hasNextPage: obj(c.pageInfo).hasNextPage } },
      };
    },
    floor: (fx) => ({ alliance: fx.alliance }),
  },
  {
    id: "search",
    title: `Full-text search ("${SEARCH_TEXT}", 10 hits)`,
    group: "search",
    p50Target: 1.3,
    write: false,
    ours: () => ({
      operationName: "BenchSearch",
      query: `query BenchSearch($q: String!) {
  search(query: $q, first: 10) { edges { node { key name } } }
}`,
      variables: { q: SEARCH_TEXT },
    }),
    anchor: () => ({
      operationName: "BenchSearch",
      query: `query BenchSearch($phrase: String!) {
  searchEntities(phrase: $phrase, first: 10, sort: [{ score: DESC }, { node: { name: ASC } }, { node: { key: ASC } }]) {
    edges { node { key name } }
  }
}`,
      // The same Lucene query the API builds from the typed text, so the hits are the same.
      variables: { phrase: toLuceneQuery(SEARCH_TEXT) },
    }),
    fromAnchor: (d) => ({ search: { edges: pageEdges(d.searchEntities) } }),
    floor: () => ({ text: SEARCH_TEXT }),
  },
  {
    id: "path",
    title: "Shortest path between two people (anchor: none)",
    group: "path",
    p50Target: null,
    write: false,
    ours: (fx) => ({
      operationName: "BenchPath",
      query: `query BenchPath($from: String!, $to: String!) {
  path(from: $from, to: $to) { length nodes { key name } steps { relation { type direction } } }
}`,
      variables: { from: fx.pathFrom, to: fx.pathTo },
    }),
    anchor: null,
    fromAnchor: () => null,
    floor: (fx) => ({ from: fx.pathFrom, to: fx.pathTo }),
  },
  {
    id: "addRelation",
    title: "Mutation: add a relation (person PARTICIPATED_IN event, a new pair each request)",
    group: "mutation",
    p50Target: null,
    write: true,
    ours: (fx, i) => {
      const p = pair(fx, i);
      return {
        operationName: "BenchAddRelation",
        query: `mutation BenchAddRelation($input: AddRelationInput!) {
  addRelation(input: $input) {
    __typename
    ... on AddRelationSuccess { data { id type role inferred evidence { excerpt } } }
    ... on ValidationError { problems { path message } }
  }
}`,
        variables: {
          input: {
            from: p.from,
            type: "PARTICIPATED_IN",
            to: p.to,
            properties: { role: "observer" },
            inferred: false,
            evidence: { source: fx.source, excerpt: fx.excerpt },
          },
        },
      };
    },
    anchor: (fx, i) => {
      const p = pair(fx, i);
      return {
        operationName: "BenchAddRelation",
        query: `mutation BenchAddRelation($from: String!, $to: String!, $edge: FactCreateInput!) {
  updatePeople(where: { key: { eq: $from } }, update: { events: [{ connect: [{ where: { node: { key: { eq: $to } } }, edge: $edge }] }] }) {
    people { key eventsConnection(where: { node: { key: { eq: $to } } }) { edges { properties { role inferred evidenceExcerpts } node { key } } } }
  }
}`,
        variables: {
          from: p.from,
          to: p.to,
          edge: {
            role: "observer",
            inferred: false,
            evidenceSources: [fx.source],
            evidenceExcerpts: [fx.excerpt],
            updatedBy: BENCH_WRITER,
          },
        },
      };
    },
    fromAnchor: (d) => {
      const person = arr(obj(d.updatePeople).people)[0];
      const edge = arr(obj(person?.eventsConnection).edges)[0];
      if (!person || !edge) return { addRelation: null };
      const props = obj(edge.properties);
      return {
        addRelation: {
          __typename: "AddRelationSuccess",
          data: {
            id: `${String(person.key)}|PARTICIPATED_IN|${String(obj(edge.node).key)}`,
            type: "PARTICIPATED_IN",
            role: props.role ?? null,
            inferred: props.inferred ?? false,
            evidence: arr(props.evidenceExcerpts as unknown).map((e) => ({ excerpt: e })),
          },
        },
      };
    },
    floor: (fx, i) => {
      const p = pair(fx, i);
      return {
        from: p.from,
        to: p.to,
        role: "observer",
        inferred: false,
        source: fx.source,
        excerpt: fx.excerpt,
        by: BENCH_WRITER,
      };
    },
  },
];

export function pair(fx: Fixtures, i: number): { from: string; to: string } {
  const p = fx.pairs[i % fx.pairs.length];
  if (!p) throw new Error("no mutation pairs");
  return p;
}

/** Key order and nothing else: JSON that compares equal when the data is equal. */
export function canonical(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === "object")
      return Object.fromEntries(
        Object.keys(v as Json)
          .sort()
          .map((k) => [k, sort((v as Json)[k])]),
      );
    return v;
  };
  return JSON.stringify(sort(value));
}
