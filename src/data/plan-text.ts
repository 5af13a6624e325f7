/**
 * A dry run of ingest (planIngest) in words: the lines `npm run ingest -- --check` prints and
 * GraphQL's checkDocument returns as `summary`.
 */
import type { EntityPlan, IngestPlan, RelationPlan } from "./ingest.js";

const show = (v: unknown) => JSON.stringify(v);

/** One line per entity of a dry run: what it would create, change, add and keep. */
function describeEntity(e: EntityPlan): string {
  if (e.action === "create") return `${e.key}: would be created (${e.kind})`;
  const parts = [
    ...e.changed.map((c) => `${c.field} ${show(c.from)} -> ${show(c.to)}`),
    // The document states it otherwise, but a newer (or same-time, first) claim holds.
    ...(e.outweighed ?? []).map(
      (o) =>
        `${o.field} ${show(o.stated)} claimed, ${show(o.current)} stays (${o.disputed ? "disputed: a claim at the same time comes first" : "a newer claim holds"})`,
    ),
    ...(e.addedAliases.length > 0 ? [`aliases + ${e.addedAliases.map(show).join(", ")}`] : []),
    ...(e.kept.length > 0 ? [`kept (not in the document): ${e.kept.join(", ")}`] : []),
  ];
  const head =
    e.action === "update"
      ? "would change"
      : e.action === "corroborate"
        ? "would gain this source's claim (no current value changes)"
        : "unchanged";
  return `${e.key}: ${head}${parts.length > 0 ? `; ${parts.join("; ")}` : ""}`;
}

const sentences = (n: number) => `${n} sentence${n === 1 ? "" : "s"}`;

/** The values a document states that another claim outweighs: what the reviewer should see. */
const outweighed = (r: RelationPlan) =>
  r.outweighed
    .map(
      (o) =>
        `; ${o.field} ${show(o.stated)} claimed, ${show(o.current)} stays (${o.disputed ? "disputed: a claim at the same time comes first" : "a newer claim holds"})`,
    )
    .join("");

/** One line per relation of a dry run: create, add evidence to, change, or leave. */
function describeRelation(r: RelationPlan): string {
  const head = `${r.from} -[${r.type}]-> ${r.to}`;
  switch (r.action) {
    case "create":
      return `${head}: would be created (${sentences(r.addedEvidence)} as evidence)`;
    case "corroborate":
      return `${head}: would gain evidence (${sentences(r.addedEvidence)})${outweighed(r)}`;
    case "unchanged":
      return `${head}: unchanged`;
    case "update":
      return `${head}: would change; ${[
        ...r.changed.map((c) => `${c.field} ${show(c.from)} -> ${show(c.to)}`),
        ...(r.addedEvidence > 0 ? [`evidence + ${sentences(r.addedEvidence)}`] : []),
      ].join("; ")}${outweighed(r)}`;
  }
}

/**
 * A dry run, grouped: entities new / changed / corroborated / unchanged, then relations new / corroborated /
 * updated / unchanged, each group with its count and one line per item.
 */
export function describePlan(plan: IngestPlan): string[] {
  const lines: string[] = [];
  if (plan.sourceRetracted)
    lines.push(
      `the source ${plan.document.source.key} is retracted, and stays so: what this document states is kept on record as DEPRECATED and changes no value, relation or evidence shown (retractSource with retracted: false restores the source)`,
    );
  if (plan.supersedes)
    lines.push(
      `the source ${plan.supersedes} is superseded: ingesting retracts it in the same transaction, so what only it states stops counting`,
    );
  const group = <T>(
    title: string,
    items: readonly T[],
    groups: readonly [string, (t: T) => boolean][],
    line: (t: T) => string,
  ) => {
    const counted = groups.map(([name, test]) => [name, items.filter(test)] as const);
    lines.push(`${title}: ${counted.map(([name, list]) => `${list.length} ${name}`).join(", ")}`);
    for (const [name, list] of counted) {
      if (list.length === 0) continue;
      lines.push(`  ${name}:`);
      for (const t of list) lines.push(`    ${line(t)}`);
    }
  };
  group(
    "entities",
    plan.entities,
    [
      ["new", (e) => e.action === "create"],
      ["changed", (e) => e.action === "update"],
      ["corroborated", (e) => e.action === "corroborate"],
      ["unchanged", (e) => e.action === "unchanged"],
    ],
    describeEntity,
  );
  group(
    "relations",
    plan.relations,
    [
      ["new", (r) => r.action === "create"],
      ["corroborated", (r) => r.action === "corroborate"],
      ["updated", (r) => r.action === "update"],
      ["unchanged", (r) => r.action === "unchanged"],
    ],
    describeRelation,
  );
  return lines;
}
