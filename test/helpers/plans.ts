/** EXPLAINs what an operation really sends to Neo4j, to check how each query starts. */
import { expect } from "vitest";
import type { Db } from "../../src/db/driver.js";
import { RETRACTED_CLAIMS_LABEL } from "../../src/domain/vocabulary.js";
import { createClient } from "./client.js";

interface Plan {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children: Plan[];
}

const operators = (plan: Plan): string[] => [
  `${plan.operatorType} ${String(plan.arguments?.Details ?? "")}`.trim(),
  ...plan.children.flatMap(operators),
];

/** Every query an operation sends, with its parameters (the operation must succeed). */
export async function queriesOf(db: Db, operation: string, variables?: Record<string, unknown>) {
  const seen: { cypher: string; params: Record<string, unknown> }[] = [];
  const { gql } = createClient(db, (cypher, params) => seen.push({ cypher, params }));
  const r = await gql(operation, variables);
  expect(r.errors).toBeUndefined();
  return seen;
}

/** Every query an operation sends, with its EXPLAINed plan. */
async function explained(db: Db, operation: string, variables?: Record<string, unknown>) {
  const queries = await queriesOf(db, operation, variables);
  expect(queries.length).toBeGreaterThan(0);
  const out: { cypher: string; plan: Plan }[] = [];
  for (const { cypher, params } of queries) {
    const result = await db.driver.executeQuery(`EXPLAIN ${cypher}`, params, {
      database: db.database,
    });
    out.push({ cypher, plan: result.summary.plan as unknown as Plan });
  }
  return out;
}

/**
 * Asserts that no query of the operation starts from (or contains) an all-nodes or label scan.
 * A scan of RETRACTED_CLAIMS_LABEL is the one allowed: that label is on the few entities with a
 * retracted source's claim, and reading it is how an unfiltered count leaves them out.
 */
export async function expectIndexedPlans(
  db: Db,
  operation: string,
  variables?: Record<string, unknown>,
) {
  for (const { cypher, plan } of await explained(db, operation, variables)) {
    const ops = operators(plan);
    const scans = ops.filter(
      (op) =>
        /AllNodesScan|NodeByLabelScan/.test(op) &&
        !new RegExp(`^NodeByLabelScan(@\\w+)? \\w+:${RETRACTED_CLAIMS_LABEL}$`).test(op),
    );
    expect(scans, `${cypher}\n${ops.join(" < ")}`).toEqual([]);
  }
}

/** Each query's plan as lines of operator and details ("NodeIndexSeekByRange RANGE INDEX ..."). */
export async function planLines(
  db: Db,
  operation: string,
  variables?: Record<string, unknown>,
): Promise<string[][]> {
  const lines = (plan: Plan): string[] => [
    `${plan.operatorType.replace(/@.*/, "")} ${String(plan.arguments?.Details ?? "")}`,
    ...plan.children.flatMap(lines),
  ];
  return (await explained(db, operation, variables)).map(({ plan }) => lines(plan));
}
