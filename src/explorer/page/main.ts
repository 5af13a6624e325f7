/**
 * The explorer: search puts entities on the canvas, a click (or Enter) expands one, the panel
 * shows the selection with its evidence, path mode highlights the shortest chain between two
 * entities, and the strip below shows the selected entity's timeline. Everything shown is in the
 * URL (see url.ts), which is rewritten after every change.
 */
import {
  ApiError,
  type Details,
  details,
  type EntityRef,
  incident,
  neighbourhood,
  type PathResult,
  type Relation,
  relationEvidence,
  shortestPaths,
  type TimelineItem,
} from "./api.js";
import { articleView } from "./article.js";
import { combobox } from "./combobox.js";
import { byId, h, replaceKeepingFocus } from "./dom.js";
import { GraphView, type Selection } from "./graph.js";
import { isKind, KINDS, swatch } from "./kinds.js";
import {
  type EvidenceNow,
  edgePanel,
  emptyPanel,
  nodePanel,
  type PanelActions,
  pathPanel,
  sentence,
  timelineStrip,
} from "./panel.js";
import { readState, type ViewState, writeState } from "./url.js";

/** Beyond this the drawing stops being readable, and the URL stops being shareable. */
const MAX_ENTITIES = 300;
/** Neighbours drawn by one expansion (the API's `limit` counts the entity itself too). */
const EXPAND_LIMIT = 40;

const state = {
  entities: new Map<string, EntityRef>(),
  relations: new Map<string, Relation>(),
  expanded: new Set<string>(),
  selection: null as Selection | null,
  /** The path asked for: up to three shortest paths, and the one drawn. */
  path: null as { from: EntityRef; to: EntityRef; results: PathResult[]; active: number } | null,
  /** Kinds and relation types filtered out of the drawing. */
  hiddenKinds: new Set<string>(),
  hiddenTypes: new Set<string>(),
  /** The entity whose timeline the strip shows (the last entity selected). */
  timelineOf: null as EntityRef | null,
};

const graphSection = byId("graph");
const canvas = byId("cy");
const detailsEl = byId("details");
const pathEl = byId("path-result");
const timelineEl = byId("timeline");
const statusEl = byId("status");
const emptyEl = byId("empty");
const pathErrorEl = byId("path-error");
const filtersEl = byId<HTMLFormElement>("filters");
const filterToggle = byId<HTMLButtonElement>("filter-toggle");

// ---- status and busy state -------------------------------------------------------------------

function say(message: string): void {
  statusEl.textContent = message;
}

/** A problem with the path asked for, shown beside the path form (and cleared by the next ask). */
function pathProblem(message: string): void {
  pathErrorEl.textContent = message;
}

function report(error: unknown): void {
  const message = error instanceof ApiError ? error.message : "Something went wrong.";
  statusEl.textContent = message;
  if (!(error instanceof ApiError)) console.error(error);
}

let busy = 0;

/** Runs one user action; aria-busy stays true until every action has finished drawing. */
async function act(task: () => Promise<void>): Promise<void> {
  busy++;
  graphSection.setAttribute("aria-busy", "true");
  try {
    await task();
  } catch (error) {
    report(error);
  } finally {
    busy--;
    if (busy === 0) graphSection.setAttribute("aria-busy", "false");
  }
}

// ---- the model -------------------------------------------------------------------------------

const graph = new GraphView(canvas, {
  tapNode: (key) => {
    void act(async () => {
      select({ node: key });
      await expand(key);
    });
  },
  tapEdge: (id) => select({ edge: id }),
  tapBackground: () => select(null),
});

function addRelations(relations: readonly Relation[]): void {
  const fresh = relations.filter(
    (r) =>
      !state.relations.has(r.id) && state.entities.has(r.from.key) && state.entities.has(r.to.key),
  );
  for (const r of fresh) {
    state.relations.set(r.id, r);
    // Drawn again: its sentences are read again when it is opened.
    evidenceAsked.delete(r.id);
    evidenceKnown.delete(r.id);
  }
  graph.addEdges(fresh);
}

/**
 * Relations' claims (by relation id), read when a relation is opened: a drawing reads only
 * their count (api.ts DRAWN).
 */
const evidenceAsked = new Set<string>();
const evidenceKnown = new Map<string, EvidenceNow>();

function loadEvidence(r: Relation): void {
  if (evidenceAsked.has(r.id)) return;
  evidenceAsked.add(r.id);
  evidenceKnown.delete(r.id);
  relationEvidence(r).then(
    (found) => {
      evidenceKnown.set(r.id, found ?? "gone");
      render();
    },
    (error: unknown) => {
      // Asked again at the next selection.
      evidenceAsked.delete(r.id);
      evidenceKnown.set(r.id, "failed");
      report(error);
      render();
    },
  );
}

function evidenceNow(r: Relation): EvidenceNow {
  return evidenceKnown.get(r.id) ?? "loading";
}

/**
 * Draws entities (by key) with every relation between them and what is drawn already, whichever
 * way they came: search, expansion, path, timeline or a shared link.
 */
async function place(keys: readonly string[], relations: readonly Relation[] = [], near?: string) {
  const fresh = [...new Set(keys)].filter((k) => !state.entities.has(k));
  const room = Math.max(0, MAX_ENTITIES - state.entities.size);
  if (fresh.length > room)
    say(`The canvas holds at most ${MAX_ENTITIES} entities; ${fresh.length - room} left out.`);
  const links = await incident(fresh.slice(0, room));
  const added: EntityRef[] = [];
  for (const { entity } of links.values()) {
    state.entities.set(entity.key, entity);
    added.push(entity);
  }
  graph.addNodes(added, near);
  addRelations([...relations, ...[...links.values()].flatMap((l) => l.edges)]);
  return added;
}

/** Expansions under way, so a second click while the first is loading does nothing. */
const expanding = new Set<string>();

async function expand(key: string): Promise<void> {
  if (expanding.has(key) || state.expanded.has(key)) return;
  expanding.add(key);
  try {
    await expandNow(key);
  } finally {
    expanding.delete(key);
  }
}

async function expandNow(key: string): Promise<void> {
  const sub = await neighbourhood(key, EXPAND_LIMIT + 1);
  if (!sub) {
    say(`${key} is no longer in the graph.`);
    return;
  }
  state.expanded.add(key);
  const added = await place(
    sub.nodes.map((n) => n.key),
    sub.edges,
    key,
  );
  graph.setExpanded(state.expanded);
  await graph.layout();
  const name = state.entities.get(key)?.name ?? key;
  say(
    `${name}: ${added.length} ${added.length === 1 ? "entity" : "entities"} added` +
      (sub.truncated ? ` (the first ${EXPAND_LIMIT} neighbours; there are more).` : "."),
  );
  render();
}

function hide(key: string): void {
  const entity = state.entities.get(key);
  state.entities.delete(key);
  state.expanded.delete(key);
  for (const [id, r] of state.relations)
    if (r.from.key === key || r.to.key === key) state.relations.delete(id);
  graph.remove(key);
  if (state.selection && isAbout(state.selection, key)) state.selection = null;
  if (entity) say(`${entity.name} hidden.`);
  render();
}

function isAbout(selection: Selection, key: string): boolean {
  if ("node" in selection) return selection.node === key;
  const r = state.relations.get(selection.edge);
  return !r || r.from.key === key || r.to.key === key;
}

function select(selection: Selection | null): void {
  const valid =
    selection &&
    ("node" in selection
      ? state.entities.has(selection.node)
      : state.relations.has(selection.edge));
  state.selection = valid ? selection : null;
  graph.reveal(state.selection);
  if (state.selection && "node" in state.selection) {
    const entity = state.entities.get(state.selection.node);
    if (entity) {
      state.timelineOf = entity;
      say(`${entity.name} selected (${entity.kind}).`);
      void loadDetails(entity.key);
    }
  } else if (state.selection && "edge" in state.selection) {
    const r = state.relations.get(state.selection.edge);
    if (r) {
      say(`${sentence(r)} selected.`);
      loadEvidence(r);
    }
  }
  render();
}

/** Details requested (by entity key) and those that have arrived. */
const detailsAsked = new Set<string>();
const detailsKnown = new Map<string, Details>();

function loadDetails(key: string): void {
  if (detailsAsked.has(key)) return;
  detailsAsked.add(key);
  details(key).then(
    (d) => {
      detailsKnown.set(key, d);
      render();
    },
    (error: unknown) => {
      // Asked again at the next selection.
      detailsAsked.delete(key);
      report(error);
      render();
    },
  );
}

function detailsNow(key: string): Details | "loading" | "failed" {
  return detailsKnown.get(key) ?? (detailsAsked.has(key) ? "loading" : "failed");
}

async function showPath(from: EntityRef, to: EntityRef): Promise<void> {
  pathProblem("");
  let results: PathResult[];
  try {
    results = await shortestPaths(from.key, to.key, 3);
  } catch (error) {
    pathProblem(error instanceof ApiError ? error.message : "The path could not be loaded.");
    throw error;
  }
  state.path = { from, to, results, active: 0 };
  await place(
    [from.key, to.key, ...results.flatMap((r) => r.nodes.map((n) => n.key))],
    results.flatMap((r) => r.steps.map((s) => s.relation)),
  );
  await graph.layout();
  const [best] = results;
  if (best)
    say(
      `Path from ${from.name} to ${to.name}: ${best.length} ${best.length === 1 ? "step" : "steps"}` +
        (results.length > 1 ? `; ${results.length - 1} more shown beside.` : "."),
    );
  else {
    const message = `No path from ${from.name} to ${to.name} within 4 hops.`;
    say(message);
    pathProblem(message);
  }
  render();
}

function choosePath(index: number): void {
  if (!state.path?.results[index]) return;
  state.path.active = index;
  const chosen = state.path.results[index];
  say(`Path ${index + 1}: ${chosen.nodes.map((n) => n.name).join(" → ")}.`);
  render();
}

function clearPath(): void {
  state.path = null;
  fromBox.set(null);
  toBox.set(null);
  pathProblem("");
  say("Path cleared.");
  render();
}

function highlightPath(): void {
  const result = state.path?.results[state.path.active];
  graph.highlight(
    result
      ? { nodes: result.nodes.map((n) => n.key), edges: result.steps.map((s) => s.relation.id) }
      : null,
  );
}

async function showTimelineItem(item: TimelineItem): Promise<void> {
  const near = state.timelineOf?.key;
  if (item.event) {
    await place([item.event.key], [], near);
    await graph.layout();
    select({ node: item.event.key });
  } else if (item.relation) {
    const r = item.relation;
    await place([r.from.key, r.to.key], [r], near);
    await graph.layout();
    select({ edge: r.id });
  }
}

// ---- rendering ---------------------------------------------------------------------------------

/** After a choice made in the panel, the focus goes to what was chosen, at the panel's top. */
function focusDetails(): void {
  document.getElementById("details-heading")?.focus();
}

const actions: PanelActions = {
  selectNode: (key) => {
    select({ node: key });
    focusDetails();
  },
  selectEdge: (id) => {
    select({ edge: id });
    focusDetails();
  },
  expand: (key) => void act(() => expand(key)),
  hide,
  pathFrom: (entity) => {
    fromBox.set(entity);
    maybeShowPath();
    byId("path-to").focus();
  },
  pathTo: (entity) => {
    toBox.set(entity);
    maybeShowPath();
    byId("path-from").focus();
  },
  clearPath,
  choosePath,
  showTimelineItem: (item) => void act(() => showTimelineItem(item)),
};

/** Brings the page (canvas marks, panel, path, timeline, URL) in line with the state. */
function render(): void {
  const sel = state.selection;
  graph.select(sel);
  highlightPath();
  if (sel && "node" in sel) {
    const entity = state.entities.get(sel.node);
    if (entity) {
      const relations = [...state.relations.values()]
        .filter((r) => r.from.key === entity.key || r.to.key === entity.key)
        .sort((a, b) => sentence(a).localeCompare(sentence(b)));
      replaceKeepingFocus(
        detailsEl,
        nodePanel(
          entity,
          detailsNow(entity.key),
          relations,
          state.expanded.has(entity.key),
          actions,
        ),
      );
    }
  } else if (sel && "edge" in sel) {
    const r = state.relations.get(sel.edge);
    if (r) {
      // Opened another way (the address names it): its sentences are read now.
      if (!evidenceKnown.has(r.id)) loadEvidence(r);
      replaceKeepingFocus(detailsEl, edgePanel(r, actions, evidenceNow(r)));
    }
  } else replaceKeepingFocus(detailsEl, emptyPanel());

  if (state.path) {
    pathEl.hidden = false;
    replaceKeepingFocus(
      pathEl,
      pathPanel(state.path.from, state.path.to, state.path.results, state.path.active, actions),
    );
  } else {
    pathEl.hidden = true;
    pathEl.replaceChildren();
  }

  const of = state.timelineOf && state.entities.has(state.timelineOf.key) ? state.timelineOf : null;
  const known = of ? detailsNow(of.key) : null;
  replaceKeepingFocus(
    timelineEl,
    timelineStrip(of, typeof known === "object" && known ? known.timeline : known, actions),
  );

  renderFilters();
  graph.filter(state.hiddenKinds, state.hiddenTypes);
  emptyEl.hidden = state.entities.size > 0;
  canvas.setAttribute(
    "aria-label",
    `Graph: ${state.entities.size} entities, ${state.relations.size} relations`,
  );
  writeUrl();
}

/** The URL says what is shown (url.ts), so a link reopens the same view. */
function writeUrl(): void {
  history.replaceState(null, "", `${location.pathname}${writeState(viewState())}`);
}

function viewState() {
  return {
    entities: [...state.entities.keys()],
    expanded: [...state.expanded].filter((k) => state.entities.has(k)),
    selection: state.selection,
    path: state.path ? { from: state.path.from.key, to: state.path.to.key } : null,
    hidden: { kinds: [...state.hiddenKinds], types: [...state.hiddenTypes] },
  };
}

function legend(): void {
  byId("legend").replaceChildren(
    h("h2", { class: "visually-hidden" }, "Legend"),
    h(
      "ul",
      {},
      KINDS.map((kind) => h("li", {}, swatch(kind), kind)),
      h("li", { class: "line dashed" }, h("span", { "aria-hidden": "true" }), "inferred"),
      h("li", { class: "line ring" }, h("span", { "aria-hidden": "true" }), "expanded"),
      h("li", { class: "line path" }, h("span", { "aria-hidden": "true" }), "path"),
    ),
  );
}

// ---- search, path form, keyboard ---------------------------------------------------------------

const searchInput = byId<HTMLInputElement>("search");
combobox(
  searchInput,
  byId<HTMLUListElement>("search-results"),
  (entity) => {
    searchInput.value = "";
    void act(async () => {
      const near = state.selection && "node" in state.selection ? state.selection.node : undefined;
      await place([entity.key], [], near);
      await graph.layout();
      select({ node: entity.key });
    });
  },
  report,
);

const fromBox = combobox(
  byId<HTMLInputElement>("path-from"),
  byId<HTMLUListElement>("path-from-results"),
  () => maybeShowPath(),
  report,
);
const toBox = combobox(
  byId<HTMLInputElement>("path-to"),
  byId<HTMLUListElement>("path-to-results"),
  () => maybeShowPath(),
  report,
);

function maybeShowPath(): void {
  const from = fromBox.picked;
  const to = toBox.picked;
  if (from && to) void act(() => showPath(from, to));
}

byId<HTMLFormElement>("path-form").addEventListener("submit", (event) => {
  event.preventDefault();
  if (!fromBox.picked || !toBox.picked) {
    pathProblem("Pick both ends of the path from the suggestions first.");
    (fromBox.picked ? byId("path-to") : byId("path-from")).focus();
    return;
  }
  maybeShowPath();
});

// ---- view controls: zoom, filters, export ------------------------------------------------------

byId("zoom-in").addEventListener("click", () => graph.zoomBy(1.25));
byId("zoom-out").addEventListener("click", () => graph.zoomBy(0.8));
byId("fit").addEventListener("click", () => graph.fit());

filterToggle.addEventListener("click", () => {
  const open = filtersEl.hidden;
  filtersEl.hidden = !open;
  filterToggle.setAttribute("aria-expanded", String(open));
  if (open) renderFilters();
});

/** How many of each kind and relation type are on the canvas, for the filter's checkboxes. */
function tally<T>(items: Iterable<T>, of: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(of(item), (counts.get(of(item)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}

function checkbox(id: string, label: Node[], count: number, hidden: Set<string>, value: string) {
  const box = h("input", { type: "checkbox", id, checked: !hidden.has(value) });
  box.addEventListener("change", () => {
    if (box.checked) hidden.delete(value);
    else hidden.add(value);
    graph.filter(state.hiddenKinds, state.hiddenTypes);
    writeUrl();
    const shown = graph.visible();
    say(`Shown: ${shown.nodes.length} entities, ${shown.edges.length} relations.`);
  });
  return h("label", { for: id }, box, ...label, h("span", { class: "count" }, `(${count})`));
}

function renderFilters(): void {
  if (filtersEl.hidden) return;
  const kinds = tally(state.entities.values(), (e) => e.kind);
  const types = tally(state.relations.values(), (r) => r.type);
  replaceKeepingFocus(filtersEl, [
    h(
      "fieldset",
      {},
      h("legend", {}, "Kinds"),
      kinds.length === 0 ? h("span", { class: "muted" }, "none drawn") : null,
      kinds.map(([kind, n]) =>
        checkbox(
          `filter-kind-${kind}`,
          [
            isKind(kind) ? swatch(kind) : document.createTextNode(""),
            document.createTextNode(kind),
          ],
          n,
          state.hiddenKinds,
          kind,
        ),
      ),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Relations"),
      types.length === 0 ? h("span", { class: "muted" }, "none drawn") : null,
      types.map(([type, n]) =>
        checkbox(
          `filter-type-${type}`,
          [document.createTextNode(type)],
          n,
          state.hiddenTypes,
          type,
        ),
      ),
    ),
  ]);
}

/** Hands a file to the browser's downloads. */
function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

byId("export-png").addEventListener("click", () => {
  void act(async () => {
    if (state.entities.size === 0) {
      say("Nothing to export: the canvas is empty.");
      return;
    }
    download("allies-graph.png", await graph.png());
    say("The view was exported as allies-graph.png.");
  });
});

byId("export-svg").addEventListener("click", () => {
  if (graph.visible().nodes.length === 0) {
    say("Nothing to export: the canvas is empty.");
    return;
  }
  download("allies-graph.svg", graph.svg());
  say("The view was exported as allies-graph.svg.");
});

byId("export-json").addEventListener("click", () => {
  void act(async () => {
    const shown = graph.visible();
    const nodes = new Set(shown.nodes);
    const edges = new Set(shown.edges);
    // The relations as drawn have no sentences (api.ts DRAWN): the export reads them.
    const read = await incident(shown.nodes, true);
    const sentences = new Map(
      [...read.values()].flatMap((n) => n.edges.map((r) => [r.id, r.evidence] as const)),
    );
    const view = {
      exportedAt: new Date().toISOString(),
      link: location.href,
      entities: [...state.entities.values()].filter((e) => nodes.has(e.key)),
      relations: [...state.relations.values()]
        .filter((r) => edges.has(r.id))
        .map((r) => ({ ...r, evidence: sentences.get(r.id) ?? r.evidence ?? [] })),
      filteredOut: { kinds: [...state.hiddenKinds], relationTypes: [...state.hiddenTypes] },
    };
    download(
      "allies-graph.json",
      new Blob([`${JSON.stringify(view, null, 2)}\n`], { type: "application/json" }),
    );
    say(
      `The view was exported as allies-graph.json: ${view.entities.length} entities, ${view.relations.length} relations.`,
    );
  });
});

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};

canvas.addEventListener("keydown", (event) => {
  const sel = state.selection;
  const current =
    sel && "node" in sel
      ? sel.node
      : sel
        ? (state.relations.get(sel.edge)?.from.key ?? null)
        : null;
  const arrow = ARROWS[event.key];
  if (arrow) {
    event.preventDefault();
    const next = current ? graph.nearest(current, ...arrow) : (graph.keys()[0] ?? null);
    if (next) select({ node: next });
    else if (!current) say("The canvas is empty: search for an entity first.");
  } else if ((event.key === "Enter" || event.key === " ") && sel && "node" in sel) {
    event.preventDefault();
    if (state.expanded.has(sel.node)) say("Its neighbourhood is shown already.");
    else void act(() => expand(sel.node));
  } else if ((event.key === "Delete" || event.key === "Backspace") && sel && "node" in sel) {
    event.preventDefault();
    hide(sel.node);
  } else if (event.key === "Escape" && sel) {
    event.preventDefault();
    select(null);
  }
});

// ---- start: rebuild the view the URL describes ----------------------------------------------------

async function restore(view: ViewState): Promise<void> {
  const pathKeys = view.path ? [view.path.from, view.path.to] : [];
  await place([...view.entities, ...pathKeys]);
  for (const key of view.expanded) if (state.entities.has(key)) state.expanded.add(key);
  graph.setExpanded(state.expanded);
  if (view.path) {
    const from = state.entities.get(view.path.from);
    const to = state.entities.get(view.path.to);
    if (from && to) {
      fromBox.set(from);
      toBox.set(to);
      await showPath(from, to);
    }
  }
  await graph.layout();
  select(view.selection);
  if (state.entities.size > 0 && !view.selection) say(`${state.entities.size} entities shown.`);
}

/** For the browser tests (and curious readers): where each node and relation is drawn. */
declare global {
  interface Window {
    explorer?: { probe: () => ReturnType<GraphView["probe"]> };
  }
}
window.explorer = { probe: () => graph.probe() };

// ---- adding an article ---------------------------------------------------------------------------

const articleEl = byId("article");
const addButton = byId<HTMLButtonElement>("add-article");

function showArticle(open: boolean): void {
  articleEl.hidden = !open;
  document.body.classList.toggle("adding", open);
  addButton.setAttribute("aria-expanded", String(open));
  if (open) byId("article-text").focus();
  else addButton.focus();
}

articleView(articleEl, {
  close: () => showArticle(false),
  show: (keys, chosen) => {
    showArticle(false);
    void act(async () => {
      await place(keys, [], undefined);
      await graph.layout();
      select({ node: chosen });
      say(`The article and ${keys.length - 1} entities it links are on the canvas.`);
    });
  },
});
addButton.addEventListener("click", () => showArticle(articleEl.hidden));

// Read before the first render, which rewrites the URL from the (still empty) state.
const initial = readState(location.search);
for (const kind of initial.hidden.kinds) state.hiddenKinds.add(kind);
for (const type of initial.hidden.types) state.hiddenTypes.add(type);
// A link that filters something out opens with the filters in view, so the reader sees why.
if (state.hiddenKinds.size + state.hiddenTypes.size > 0) {
  filtersEl.hidden = false;
  filterToggle.setAttribute("aria-expanded", "true");
}
legend();
render();
void act(() => restore(initial));
