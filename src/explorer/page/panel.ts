/**
 * What the side panel and the timeline strip show, as plain elements built from API data (text
 * only, never markup). Every control is a real button or link, so the keyboard reaches it.
 */
import type {
  Details,
  EntityDetails,
  EntityRef,
  Evidence,
  PathResult,
  Relation,
  TimelineItem,
} from "./api.js";
import { h } from "./dom.js";
import { swatch } from "./kinds.js";

export interface PanelActions {
  selectNode(key: string): void;
  selectEdge(id: string): void;
  expand(key: string): void;
  hide(key: string): void;
  pathFrom(entity: EntityRef): void;
  pathTo(entity: EntityRef): void;
  clearPath(): void;
  choosePath(index: number): void;
  showTimelineItem(item: TimelineItem): void;
}

function button(content: string | Node[], onClick: () => void, attrs: Record<string, string> = {}) {
  const el = h("button", { type: "button", ...attrs }, content);
  el.addEventListener("click", onClick);
  return el;
}

/** "Latvia HOSTS Operation Reassurance": the relation read in its own direction. */
export function sentence(r: Relation): string {
  return `${r.from.name} ${r.type} ${r.to.name}`;
}

/**
 * "5 sources (1 independent)": how many sources state a relation, and how many of them are
 * independent where that differs (the others repeat an earlier source's sentence: a wire story
 * printed by several outlets is one source of evidence).
 */
export function sourcesLabel(sources: number, independent: number): string {
  const count = `${sources} source${sources === 1 ? "" : "s"}`;
  return independent === sources ? count : `${count} (${independent} independent)`;
}

function entityTitle(entity: EntityRef, id: string) {
  return h("h2", { id, class: "entity-title" }, swatch(entity.kind), h("span", {}, entity.name));
}

const FIELDS: [keyof EntityDetails, string][] = [
  ["description", "Description"],
  ["aliases", "Also known as"],
  ["isoCode", "ISO code"],
  ["organizationCategory", "Category"],
  ["missionStatus", "Status"],
  ["startDate", "Started"],
  ["endDate", "Ends"],
  ["eventCategory", "Category"],
  ["date", "Date"],
  ["metric", "Metric"],
  ["value", "Value"],
  ["unit", "Unit"],
  ["period", "Period"],
  ["pledgeStatus", "Status"],
  ["text", "Words"],
  ["title", "Title"],
  ["publisher", "Publisher"],
  ["publishedAt", "Published"],
  ["credit", "Credit"],
  ["url", "Link"],
];

function show(value: unknown): string {
  if (Array.isArray(value)) return value.map(show).join(", ");
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function properties(rows: [string, unknown][]) {
  const shown = rows.filter(
    ([, v]) => v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0),
  );
  if (shown.length === 0) return h("p", { class: "muted" }, "No properties.");
  return h(
    "dl",
    { class: "props" },
    shown.flatMap(([label, value]) => [
      h("dt", {}, label),
      h(
        "dd",
        {},
        label === "Link" && typeof value === "string" && /^https?:\/\//.test(value)
          ? h("a", { href: value, target: "_blank", rel: "noopener noreferrer" }, value)
          : show(value),
      ),
    ]),
  );
}

/** A GraphiQL tab opened on everything about one entity: the same data, as a query to adapt. */
export function graphiqlLink(key: string): string {
  const query = `# Everything about ${key}: each relation with the sentence that states it.
{
  entity(key: "${key}") {
    name
    kind
    description
    relations(first: 50) {
      totalCount
      edges { type direction node { name kind } evidence { excerpt source { title } } }
    }
  }
}
`;
  return `/graphql?query=${encodeURIComponent(query)}`;
}

export function nodePanel(
  entity: EntityRef,
  details: Details | "loading" | "failed",
  relations: readonly Relation[],
  expanded: boolean,
  actions: PanelActions,
): HTMLElement[] {
  const d = typeof details === "object" ? details.entity : null;
  return [
    entityTitle(entity, "details-heading"),
    h("p", { class: "muted" }, `${entity.kind} · `, h("code", {}, entity.key)),
    h(
      "div",
      { class: "actions" },
      button(
        expanded ? "Neighbourhood shown" : "Expand neighbourhood",
        () => actions.expand(entity.key),
        expanded ? { disabled: "" } : {},
      ),
      button("Path from here", () => actions.pathFrom(entity)),
      button("Path to here", () => actions.pathTo(entity)),
      button("Hide", () => actions.hide(entity.key)),
      h("a", { href: graphiqlLink(entity.key), class: "button-link" }, "Query in GraphiQL"),
    ),
    h("h3", {}, "Properties"),
    details === "loading"
      ? h("p", { class: "muted" }, "Loading…")
      : details === "failed" || !d
        ? h("p", { class: "muted" }, "The properties could not be loaded.")
        : properties(FIELDS.map(([field, label]) => [label, d[field]])),
    h("h3", {}, `Relations on the canvas (${relations.length})`),
    relations.length === 0
      ? h("p", { class: "muted" }, "None yet: expand the neighbourhood to see them.")
      : h(
          "ul",
          { class: "relations" },
          relations.map((r) =>
            h(
              "li",
              {},
              button(sentence(r), () => actions.selectEdge(r.id), { class: "link" }),
            ),
          ),
        ),
  ];
}

/**
 * What a claim states, with its source and time: "troops 540 (CTV News, 2022-03)". The asOf
 * value is the time itself, so it is not repeated.
 */
export function claimSummary(e: Evidence): string {
  const values = Object.entries(e.values)
    .filter(([name]) => name !== "asOf")
    .map(
      ([name, value]) =>
        `${name} ${typeof value === "number" ? value.toLocaleString("en") : String(value)}`,
    )
    .join(" · ");
  const where = [e.source?.publisher ?? e.source?.title ?? e.source?.name, e.at]
    .filter(Boolean)
    .join(", ");
  return values ? `${values} (${where})` : `(${where})`;
}

export function evidenceList(evidence: readonly Evidence[]): HTMLElement {
  // A claim whose source was deleted while the read ran (source null) is gone with it.
  const shown = evidence.flatMap((e) => (e.source ? [{ ...e, source: e.source }] : []));
  if (shown.length === 0) return h("p", { class: "muted" }, "No sentence recorded.");
  return h(
    "div",
    { class: "evidence-list" },
    shown.map((e) => {
      const title = e.source.title ?? e.source.name;
      // Without a web address, the link opens the source itself in the explorer.
      const href = e.source.url ?? `?e=${e.source.key}&node=${e.source.key}`;
      const retracted = e.rank === "DEPRECATED";
      return h(
        "figure",
        { class: retracted ? "evidence retracted" : "evidence" },
        h("p", { class: "claim" }, claimSummary(e), retracted ? " — retracted" : ""),
        h("blockquote", {}, e.excerpt),
        h(
          "figcaption",
          {},
          "— ",
          h(
            "cite",
            {},
            h(
              "a",
              e.source.url
                ? { href, target: "_blank", rel: "noopener noreferrer" }
                : { href, title: "Open the source in the explorer" },
              title,
            ),
          ),
        ),
      );
    }),
  );
}

/** A relation's claims as read when it was opened (relationEvidence), or where that read is. */
export type EvidenceNow = { evidence: Evidence[]; total: number } | "loading" | "failed" | "gone";

function openedEvidence(now: EvidenceNow): HTMLElement[] {
  if (now === "loading") return [h("p", { class: "muted" }, "Loading the sentences…")];
  if (now === "failed") return [h("p", { class: "muted" }, "The sentences could not be loaded.")];
  if (now === "gone")
    return [h("p", { class: "muted" }, "The relation is no longer in the graph.")];
  const more = now.total - now.evidence.length;
  return [
    evidenceList(now.evidence),
    more > 0
      ? h(
          "p",
          { class: "muted" },
          `The first ${now.evidence.length} of ${now.total} claims; the API's claimsConnection pages the rest.`,
        )
      : null,
  ].filter((el) => el !== null);
}

export function edgePanel(
  r: Relation,
  actions: PanelActions,
  evidence: EvidenceNow,
): HTMLElement[] {
  return [
    h("h2", { id: "details-heading", tabindex: "-1" }, r.type),
    h(
      "p",
      { class: "ends" },
      button(r.from.name, () => actions.selectNode(r.from.key), { class: "link" }),
      h("span", { "aria-hidden": "true" }, " → "),
      h("span", { class: "visually-hidden" }, ` ${r.type} `),
      button(r.to.name, () => actions.selectNode(r.to.key), { class: "link" }),
    ),
    r.inferred
      ? h(
          "p",
          { class: "note" },
          "Inferred: the source implies this relation rather than stating it.",
        )
      : null,
    h("h3", {}, "Properties"),
    properties(Object.entries(r.properties)),
    h(
      "h3",
      {},
      `Evidence: ${sourcesLabel(r.sourceCount, r.independentSourceCount)}`,
      r.disputed ? " — disputed" : "",
    ),
    r.disputed
      ? h(
          "p",
          { class: "note" },
          "Sources at the same date give different values; each claim shows its own.",
        )
      : null,
    ...openedEvidence(evidence),
  ].filter((el) => el !== null);
}

export function emptyPanel(): HTMLElement[] {
  return [
    h("h2", { id: "details-heading", tabindex: "-1" }, "Nothing selected"),
    h(
      "p",
      { class: "muted" },
      "Search for an entity to put it on the canvas. Click a node (or select it with the arrow keys and press Enter) to expand its neighbourhood; click a relation to read the sentence that states it.",
    ),
  ];
}

export function pathPanel(
  from: EntityRef,
  to: EntityRef,
  results: readonly PathResult[],
  active: number,
  actions: PanelActions,
): HTMLElement[] {
  const result = results[active] ?? null;
  const steps = result?.steps ?? [];
  const count = (n: number) => `${n} ${n === 1 ? "step" : "steps"}`;
  return [
    h("h2", { id: "path-heading" }, `Path: ${from.name} → ${to.name}`),
    h(
      "p",
      { class: "muted" },
      result
        ? `${active === 0 ? "A shortest path" : `Path ${active + 1}`}: ${count(result.length)}.`
        : "No path within 4 hops.",
    ),
    steps.length > 0
      ? h(
          "ol",
          { class: "steps" },
          steps.map((step) =>
            h(
              "li",
              {},
              button(sentence(step.relation), () => actions.selectEdge(step.relation.id), {
                class: "link step",
              }),
              evidenceList(step.relation.evidence ?? []),
            ),
          ),
        )
      : null,
    results.length > 1 ? h("h3", {}, `Paths found (${results.length})`) : null,
    results.length > 1
      ? h(
          "ol",
          { class: "alternatives" },
          results.map((r, i) =>
            h(
              "li",
              {},
              button(
                `${r.nodes.map((n) => n.name).join(" → ")} (${count(r.length)})`,
                () => actions.choosePath(i),
                { class: "link", "aria-pressed": i === active ? "true" : "false" },
              ),
            ),
          ),
        )
      : null,
    button("Clear path", () => actions.clearPath()),
  ].filter((el) => el !== null);
}

/** Properties that say when, which the entry's date already shows. */
const WHEN = new Set(["since", "until", "date", "asOf"]);

/**
 * An event's name, or a relation's sentence with its figures as of the entry's date (the API
 * reads a claim's entry as of its time): "Canada CONTRIBUTES_TO Operation Reassurance: troops 800".
 */
function timelineLabel(item: TimelineItem): string {
  if (item.event) return item.event.name;
  if (!item.relation) return "";
  const figures = Object.entries(item.relation.properties ?? {})
    .filter(([name, value]) => !WHEN.has(name) && value != null)
    .map(
      ([name, value]) =>
        `${name} ${typeof value === "number" ? value.toLocaleString("en") : String(value)}`,
    )
    .join(" · ");
  return figures ? `${sentence(item.relation)}: ${figures}` : sentence(item.relation);
}

export function timelineStrip(
  entity: EntityRef | null,
  timeline: Details["timeline"] | "loading" | "failed" | null,
  actions: PanelActions,
): HTMLElement[] {
  const title = h(
    "h2",
    { id: "timeline-heading" },
    entity ? `Timeline of ${entity.name}` : "Timeline",
  );
  if (!entity) return [title, h("p", { class: "muted" }, "Select an entity to see its timeline.")];
  if (timeline === "failed") return [title, h("p", { class: "muted" }, "It could not be loaded.")];
  if (timeline === "loading" || !timeline) return [title, h("p", { class: "muted" }, "Loading…")];
  if (timeline.items.length === 0)
    return [title, h("p", { class: "muted" }, "No dated events or relations.")];
  const more = timeline.totalCount - timeline.items.length;
  return [
    title,
    h(
      "ol",
      { class: "strip" },
      timeline.items.map((item) =>
        h(
          "li",
          {},
          button(
            [
              h("time", { datetime: item.date }, item.date),
              h("span", { class: "what" }, timelineLabel(item)),
            ],
            () => actions.showTimelineItem(item),
            { class: `tick ${item.event ? "event" : "relation"}` },
          ),
        ),
      ),
    ),
    more > 0 ? h("p", { class: "muted" }, `And ${more} more.`) : null,
  ].filter((el) => el !== null);
}
