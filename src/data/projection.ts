/**
 * How nodes and relationships leave Neo4j: their properties as a map, with `updatedAt` turned
 * into an ISO string by Cypher. A DateTime never crosses Bolt on a read: decoding one costs the
 * driver dozens of Integer operations, which profiling showed as a fifth of a nested read's CPU.
 */
export const asMap = (variable: string) =>
  `${variable} {.*, updatedAt: toString(${variable}.updatedAt)}`;
