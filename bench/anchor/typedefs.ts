/**
 * Type definitions for the Neo4j GraphQL Library (@neo4j/graphql v7), over the same graph the
 * API serves: every entity has the label Entity and its kind's label; relations carry their
 * properties, `inferred` and the evidence lists. Only what the benchmark's operations touch is
 * declared. Each type lists both labels, as the data has them: a lookup by key then uses the
 * graph's unique index on (:Entity {key}) rather than scanning the kind's label. `@fulltext` names the API's own index (entity_fulltext over name, aliases, plain spellings and
 * description); the library only validates String fields in the directive, so aliases is left
 * out of the list, which changes nothing in the query it generates (queryNodes on the index).
 */
export const ANCHOR_TYPE_DEFS = /* GraphQL */ `
type Entity
  @node(labels: ["Entity"])
  @fulltext(indexes: [{ indexName: "entity_fulltext", queryName: "searchEntities", fields: ["name", "description"] }]) {
  key: String!
  kind: String!
  name: String!
  nameLower: String
  description: String
}

type Nation @node(labels: ["Nation", "Entity"]) {
  key: String!
  name: String!
  nameLower: String
  isoCode: String
  alliances: [Organization!]! @relationship(type: "MEMBER_OF", direction: OUT, properties: "Fact")
  hostedMissions: [Mission!]! @relationship(type: "HOSTS", direction: OUT, properties: "Fact")
  leaders: [Person!]! @relationship(type: "LEADS", direction: IN, properties: "Fact")
}

type Organization @node(labels: ["Organization", "Entity"]) {
  key: String!
  name: String!
  nameLower: String
  category: String
  members: [Nation!]! @relationship(type: "MEMBER_OF", direction: IN, properties: "Fact")
}

type Person @node(labels: ["Person", "Entity"]) {
  key: String!
  name: String!
  nameLower: String
  quotes: [Quote!]! @relationship(type: "SAID", direction: OUT, properties: "Fact")
  events: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Fact")
}

type Quote @node(labels: ["Quote", "Entity"]) {
  key: String!
  name: String!
  nameLower: String
  text: String
}

type Mission @node(labels: ["Mission", "Entity"]) {
  key: String!
  name: String!
  nameLower: String
}

type Event @node(labels: ["Event", "Entity"]) {
  key: String!
  name: String!
  nameLower: String
}

type Fact @relationshipProperties {
  role: String
  inferred: Boolean
  evidenceSources: [String!]
  evidenceExcerpts: [String!]
  updatedBy: String
}
`;
