/**
 * The canvas: Cytoscape.js with the fCoSE force layout. It draws what the page's state holds
 * and reports taps; it keeps no state of its own beyond positions, so the URL can rebuild it.
 */
import cytoscape, {
  type Core,
  type EdgeSingular,
  type NodeSingular,
  type Position,
  type StylesheetJson,
} from "cytoscape";
import fcose, { type FcoseLayoutOptions } from "cytoscape-fcose";
import type { EntityRef, Relation } from "./api.js";
import { KIND_STYLE, KINDS } from "./kinds.js";
import { viewSvg } from "./svg.js";

cytoscape.use(fcose);

export type Selection = { node: string } | { edge: string };

export interface GraphEvents {
  tapNode(key: string): void;
  tapEdge(id: string): void;
  tapBackground(): void;
}

const INK = "#1f2328";
/** The most a layout zooms in to fit what is drawn; readers can still zoom further. */
const MAX_FIT_ZOOM = 1.3;
const PATH = "#f5a300";
/** Below this many rendered pixels a label is not drawn at all (Cytoscape's min-zoomed-font-size). */
const MIN_FONT = 7;

/** A box in rendered pixels, from the canvas' top left. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

type Place = "below" | "top" | "right" | "left";

function pad(b: Box, by: number): Box {
  return { x1: b.x1 - by, y1: b.y1 - by, x2: b.x2 + by, y2: b.y2 + by };
}

function inside(a: Box, frame: Box): boolean {
  return a.x1 >= frame.x1 && a.y1 >= frame.y1 && a.x2 <= frame.x2 && a.y2 <= frame.y2;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * Labels keep their size on screen when the reader zooms out (the drawing shrinks, the words do
 * not), so a crowded view shows fewer labels, each readable, instead of many too small to read;
 * zoomed in beyond 1 they grow with the drawing.
 */
const labels = { scale: 1 };

const STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      width: 30,
      height: 30,
      label: "data(name)",
      "font-size": () => 11 * labels.scale,
      "font-family": "system-ui, sans-serif",
      color: INK,
      "text-valign": "bottom",
      "text-margin-y": () => 4 * labels.scale,
      "text-wrap": "ellipsis",
      "text-max-width": () => `${150 * labels.scale}px`,
      "text-outline-color": "#ffffff",
      "text-outline-width": () => 2 * labels.scale,
      "min-zoomed-font-size": MIN_FONT,
      "border-width": 1,
      "border-color": "#ffffff",
    },
  },
  ...KINDS.map((kind) => ({
    selector: `node[kind = "${kind}"]`,
    style: { "background-color": KIND_STYLE[kind].color, shape: KIND_STYLE[kind].shape },
  })),
  // A dark ring: this node's neighbourhood is on the canvas already.
  { selector: "node.expanded", style: { "border-width": 3, "border-color": "#5c6370" } },
  {
    selector: "edge",
    style: {
      width: 1.5,
      "curve-style": "bezier",
      "control-point-step-size": 36,
      "line-color": "#a3abb5",
      "target-arrow-shape": "triangle",
      "target-arrow-color": "#a3abb5",
      "arrow-scale": 0.9,
      label: "data(type)",
      "font-size": () => 9 * labels.scale,
      "font-family": "system-ui, sans-serif",
      color: "#4b5563",
      "text-rotation": "autorotate",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "text-background-padding": () => `${labels.scale}px`,
      // Labels too small to read are left out until the reader zooms in.
      "min-zoomed-font-size": MIN_FONT,
    },
  },
  // Dashed: the source implies the relation rather than states it.
  { selector: "edge[?inferred]", style: { "line-style": "dashed" } },
  { selector: "node.hovered", style: { "z-index": 30, "font-weight": "bold" } },
  // Around a selection, what does not touch it steps back, so its own relations stand out.
  { selector: "node.context", style: { opacity: 0.7 } },
  { selector: "edge.context", style: { opacity: 0.3, "text-opacity": 0 } },
  { selector: ".faded", style: { opacity: 0.22 } },
  // A label that would cover another label or a node is left out (see declutter); hovering,
  // selecting or zooming in brings it back.
  { selector: ".quiet", style: { "text-opacity": 0, "text-background-opacity": 0 } },
  // Where a node's label goes when below it is taken (see declutter).
  {
    selector: "node.at-top",
    style: { "text-valign": "top", "text-margin-y": () => -4 * labels.scale },
  },
  {
    selector: "node.at-right",
    style: {
      "text-valign": "center",
      "text-halign": "right",
      "text-margin-y": 0,
      "text-margin-x": () => 4 * labels.scale,
    },
  },
  {
    selector: "node.at-left",
    style: {
      "text-valign": "center",
      "text-halign": "left",
      "text-margin-y": 0,
      "text-margin-x": () => -4 * labels.scale,
    },
  },
  // Filtered out by kind or relation type.
  { selector: ".filtered", style: { display: "none" } },
  {
    selector: "node.on-path",
    style: { "border-width": 5, "border-color": PATH, "z-index": 10, opacity: 1 },
  },
  {
    selector: "edge.on-path",
    style: {
      width: 5,
      "line-color": PATH,
      "target-arrow-color": PATH,
      color: INK,
      "font-weight": "bold",
      "font-size": () => 10 * labels.scale,
      opacity: 1,
      "text-opacity": 1,
      "text-background-opacity": 0.9,
      "z-index": 10,
    },
  },
  {
    selector: "node.chosen",
    style: {
      "border-width": 5,
      "border-color": INK,
      "font-weight": "bold",
      "z-index": 20,
      // Drawn whatever lies beneath, so on a plain ground of its own.
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.95,
      "text-background-padding": () => `${2 * labels.scale}px`,
    },
  },
  {
    selector: "edge.chosen",
    style: {
      width: 5,
      "line-color": INK,
      "target-arrow-color": INK,
      color: INK,
      "font-weight": "bold",
      "font-size": () => 10 * labels.scale,
      "z-index": 20,
    },
  },
];

export class GraphView {
  readonly cy: Core;
  private running: Promise<void> = Promise.resolve();

  constructor(container: HTMLElement, events: GraphEvents) {
    this.cy = cytoscape({
      container,
      style: STYLE,
      // Selection is the page's (it lives in the URL), so Cytoscape's own is off.
      autounselectify: true,
      boxSelectionEnabled: false,
      minZoom: 0.2,
      maxZoom: 3,
    });
    this.cy.on("tap", "node", (e) => events.tapNode((e.target as NodeSingular).id()));
    this.cy.on("tap", "edge", (e) => events.tapEdge((e.target as EdgeSingular).id()));
    this.cy.on("tap", (e) => {
      if (e.target === this.cy) events.tapBackground();
    });
    // Hovering a node brings out its label and its relations' labels, whatever else is drawn.
    this.cy.on("mouseover", "node", (e) => {
      this.hovered = (e.target as NodeSingular).id();
      this.declutterSoon();
    });
    this.cy.on("mouseout", "node", () => {
      this.hovered = null;
      this.declutterSoon();
    });
    // Zooming in makes room, so more labels fit; zooming out hides the ones that would collide.
    this.cy.on("viewport resize", () => this.declutterSoon());
    this.cy.on("add remove", () => this.declutterSoon());
  }

  private hovered: string | null = null;
  private pending = 0;

  /** Declutters once the current burst of changes (a zoom gesture, a batch of additions) ends. */
  private declutterSoon(): void {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.declutter();
    });
  }

  /** Where an element's own label is drawn, in rendered pixels (null: it has none). */
  private labelBox(ele: NodeSingular | EdgeSingular): Box | null {
    if (!ele.data(ele.isNode() ? "name" : "type")) return null;
    const b = ele.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
    if (!Number.isFinite(b.x1) || b.w === 0) return null;
    return this.rendered(b);
  }

  private rendered(b: { x1: number; y1: number; x2: number; y2: number }): Box {
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    return {
      x1: b.x1 * zoom + pan.x,
      y1: b.y1 * zoom + pan.y,
      x2: b.x2 * zoom + pan.x,
      y2: b.y2 * zoom + pan.y,
    };
  }

  private body(node: NodeSingular): Box {
    return this.rendered(node.boundingBox({ includeLabels: false, includeOverlays: false }));
  }

  /**
   * Shows the labels that fit and hides the rest: in order of importance (the path, the
   * selection, the node under the mouse and its relations, expanded nodes, then the most
   * connected), a label is drawn only when it covers no label drawn already and no other node.
   * The path's and the selection's labels are always drawn.
   */
  declutter(): void {
    const cy = this.cy;
    const scale = 1 / Math.min(cy.zoom(), 1);
    if (Math.abs(scale - labels.scale) > 0.01) {
      labels.scale = scale;
      cy.style().update();
      // Labels are measured at their new size once Cytoscape has applied it: on the next frame.
      this.declutterSoon();
      return;
    }
    const nodes = cy.nodes(":visible");
    const edges = cy.edges(":visible");
    const bodies = new Map<string, Box>();
    nodes.forEach((n) => {
      bodies.set(n.id(), this.body(n));
    });
    const hovered = this.hovered ? cy.getElementById(this.hovered) : cy.collection();
    const rank = (ele: NodeSingular | EdgeSingular): number => {
      if (ele.hasClass("on-path") || ele.hasClass("chosen")) return 0;
      if (hovered.nonempty() && ele.same(hovered)) return 0;
      if (hovered.nonempty() && ele.isEdge() && ele.connectedNodes().contains(hovered)) return 1;
      if (ele.isEdge()) {
        if (ele.connectedNodes().filter(".chosen").nonempty()) return 2;
        return ele.hasClass("context") || ele.hasClass("faded") ? 9 : 6;
      }
      if (ele.hasClass("faded")) return 8;
      return ele.hasClass("expanded") ? 3 : 4;
    };
    const candidates = [...nodes.toArray(), ...edges.toArray()]
      .map((ele) => ({ ele, rank: rank(ele), degree: ele.isNode() ? ele.degree(false) : 0 }))
      .sort(
        (a, b) => a.rank - b.rank || b.degree - a.degree || a.ele.id().localeCompare(b.ele.id()),
      );
    const shown: Box[] = [];
    const keep = new Map<string, Place>();
    // A label cut by the canvas' edge is no easier to read than one hidden.
    const frame: Box = { x1: 0, y1: 0, x2: cy.width(), y2: cy.height() };
    for (const { ele, rank: r } of candidates) {
      const box = this.labelBox(ele);
      if (!box) continue;
      const own = ele.isNode() ? [ele.id()] : [ele.source().id(), ele.target().id()];
      const conflicts = (b: Box) =>
        (inside(b, frame) ? 0 : 1) +
        shown.filter((s) => overlaps(s, b)).length +
        [...bodies].filter(([key, n]) => !own.includes(key) && overlaps(n, b)).length;
      const places: [Place, Box][] = ele.isNode()
        ? this.places(ele as NodeSingular, box, bodies.get(ele.id()) as Box)
        : [["below", box]];
      const free = places.find(([, b]) => conflicts(b) === 0);
      // The path's, the selection's and the hovered node's labels are drawn in any case, where
      // they cover least.
      const chosen =
        free ??
        (r === 0
          ? places.reduce((best, p) => (conflicts(p[1]) < conflicts(best[1]) ? p : best))
          : null);
      if (chosen) {
        shown.push(pad(chosen[1], 2));
        keep.set(ele.id(), chosen[0]);
      }
    }
    cy.batch(() => {
      cy.elements().forEach((ele) => {
        const place = keep.get(ele.id());
        ele.toggleClass("quiet", place === undefined);
        if (ele.isNode())
          for (const p of ["top", "right", "left"] as const)
            ele.toggleClass(`at-${p}`, place === p);
      });
    });
    // Checked again where Cytoscape actually drew them: a label that still touches one drawn
    // before it, or a node, goes quiet (the forced ones stay).
    const drawn: Box[] = [];
    const late: (NodeSingular | EdgeSingular)[] = [];
    for (const { ele, rank: r } of candidates) {
      if (!keep.has(ele.id())) continue;
      const box = this.labelBox(ele);
      if (!box) continue;
      const own = ele.isNode() ? [ele.id()] : [ele.source().id(), ele.target().id()];
      const clash =
        drawn.some((d) => overlaps(d, box)) ||
        [...bodies].some(([key, n]) => !own.includes(key) && overlaps(n, box));
      if (clash && r !== 0) late.push(ele);
      else drawn.push(pad(box, 1));
    }
    if (late.length > 0)
      cy.batch(() => {
        for (const ele of late) ele.addClass("quiet");
      });
  }

  /**
   * The boxes a node's label would take below, above, right or left of it, from where it is
   * drawn now (`box`) and the node's own box.
   */
  private places(node: NodeSingular, box: Box, body: Box): [Place, Box][] {
    const w = box.x2 - box.x1;
    const h = box.y2 - box.y1;
    const gap = 4 * labels.scale * this.cy.zoom();
    const cx = (body.x1 + body.x2) / 2;
    const cy = (body.y1 + body.y2) / 2;
    const below: Box = {
      x1: cx - w / 2,
      x2: cx + w / 2,
      y1: body.y2 + gap - 2,
      y2: body.y2 + gap - 2 + h,
    };
    const placed: Record<Place, Box> = {
      below:
        node.hasClass("at-top") || node.hasClass("at-right") || node.hasClass("at-left")
          ? below
          : box,
      top: { x1: cx - w / 2, x2: cx + w / 2, y1: body.y1 - gap + 2 - h, y2: body.y1 - gap + 2 },
      right: { x1: body.x2 + gap - 2, x2: body.x2 + gap - 2 + w, y1: cy - h / 2, y2: cy + h / 2 },
      left: { x1: body.x1 - gap + 2 - w, x2: body.x1 - gap + 2, y1: cy - h / 2, y2: cy + h / 2 },
    };
    return (["below", "top", "right", "left"] as const).map((p) => [p, placed[p]]);
  }

  /** Zooms by a factor about the middle of the canvas. */
  zoomBy(factor: number): void {
    const zoom = Math.min(this.cy.maxZoom(), Math.max(this.cy.minZoom(), this.cy.zoom() * factor));
    this.cy.zoom({
      level: zoom,
      renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 },
    });
  }

  /** Fits what is shown into the canvas (no closer than a layout would). */
  fit(): void {
    const shown = this.cy.elements(":visible");
    if (shown.empty()) return;
    this.cy.fit(shown, 40);
    if (this.cy.zoom() > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center(shown);
    }
  }

  /** Hides nodes of the given kinds and relations of the given types (and what hangs on them). */
  filter(hiddenKinds: ReadonlySet<string>, hiddenTypes: ReadonlySet<string>): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        n.toggleClass("filtered", hiddenKinds.has(String(n.data("kind"))));
      });
      this.cy.edges().forEach((e) => {
        e.toggleClass("filtered", hiddenTypes.has(String(e.data("type"))));
      });
    });
    this.declutterSoon();
  }

  /** Keys of the nodes and ids of the relations shown (not filtered out). */
  visible(): { nodes: string[]; edges: string[] } {
    return {
      nodes: this.cy.nodes(":visible").map((n) => n.id()),
      edges: this.cy.edges(":visible").map((e) => e.id()),
    };
  }

  /** The view as a PNG, everything shown at twice the screen's resolution, on white. */
  png(): Promise<Blob> {
    return this.cy.png({ output: "blob-promise", full: true, scale: 2, bg: "#ffffff" });
  }

  /** The view as SVG: what is shown, with the labels drawn now (see svg.ts). */
  svg(): Blob {
    const text = viewSvg(this.cy, (ele) => this.labelState(ele).labelShown);
    return new Blob([text], { type: "image/svg+xml" });
  }

  has(key: string): boolean {
    return this.cy.getElementById(key).nonempty();
  }

  /** Adds entities, placed around `near` (or the middle of the drawing) until the layout runs. */
  addNodes(entities: readonly EntityRef[], near?: string): void {
    const fresh = entities.filter((e) => !this.has(e.key));
    if (fresh.length === 0) return;
    const centre = this.anchor(near);
    const radius = 60 + 8 * fresh.length;
    this.cy.add(
      fresh.map((entity, i) => {
        const angle = (2 * Math.PI * i) / fresh.length;
        return {
          group: "nodes" as const,
          // Quiet until decluttering finds its label room.
          classes: "quiet",
          data: { id: entity.key, name: entity.name, kind: entity.kind },
          position: {
            x: centre.x + radius * Math.cos(angle),
            y: centre.y + radius * Math.sin(angle),
          },
        };
      }),
    );
  }

  /** Adds relations whose two ends are drawn. */
  addEdges(relations: readonly Relation[]): void {
    const fresh = relations.filter(
      (r) => !this.has(r.id) && this.has(r.from.key) && this.has(r.to.key),
    );
    this.cy.add(
      fresh.map((r) => ({
        group: "edges" as const,
        classes: "quiet",
        data: {
          id: r.id,
          source: r.from.key,
          target: r.to.key,
          type: r.type,
          inferred: r.inferred,
        },
      })),
    );
  }

  remove(id: string): void {
    this.cy.getElementById(id).remove();
  }

  clear(): void {
    this.cy.elements().remove();
  }

  setExpanded(keys: ReadonlySet<string>): void {
    this.cy.nodes().forEach((n) => {
      n.toggleClass("expanded", keys.has(n.id()));
    });
  }

  /** Marks the selection and steps back what does not touch it (no change of view). */
  select(selection: Selection | null): void {
    this.cy.elements().removeClass("chosen context");
    const chosen = this.element(selection);
    if (!chosen || chosen.empty()) {
      this.declutterSoon();
      return;
    }
    chosen.addClass("chosen");
    const near = chosen.isEdge()
      ? chosen.union(chosen.connectedNodes())
      : chosen.closedNeighborhood();
    this.cy.elements().difference(near).addClass("context");
    this.declutterSoon();
  }

  /** Brings the selection into view when it lies outside it. */
  reveal(selection: Selection | null): void {
    const chosen = this.element(selection);
    if (!chosen || chosen.empty()) return;
    const shown = chosen.isEdge() ? chosen.connectedNodes() : chosen;
    const view = this.cy.extent();
    const box = shown.boundingBox();
    const inside = box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
    // Not animated: the view settles at once, so what is drawn is where it is reported to be.
    if (!inside) this.cy.center(shown);
  }

  private element(selection: Selection | null) {
    if (!selection) return null;
    return "edge" in selection
      ? this.cy.edges().getElementById(selection.edge)
      : this.cy.nodes().getElementById(selection.node);
  }

  /** Highlights a path and fades the rest; null shows everything plainly again. */
  highlight(path: { nodes: readonly string[]; edges: readonly string[] } | null): void {
    this.cy.elements().removeClass("on-path faded");
    this.declutterSoon();
    if (!path) return;
    const on = this.cy.collection();
    for (const id of [...path.nodes, ...path.edges]) on.merge(this.cy.getElementById(id));
    on.addClass("on-path");
    this.cy.elements().difference(on).addClass("faded");
  }

  /** Runs the force layout (one at a time), starting from the current positions. */
  layout(): Promise<void> {
    this.running = this.running.then(() => {
      if (this.cy.nodes().empty()) return;
      const options: FcoseLayoutOptions = {
        name: "fcose",
        // "proof" is what lets fCoSE refine the current drawing instead of starting afresh, so
        // what was on the canvas stays roughly where the reader last saw it.
        quality: "proof",
        randomize: false,
        animate: true,
        animationDuration: 300,
        fit: true,
        padding: 40,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: 170,
        nodeRepulsion: 45000,
        nodeSeparation: 130,
        gravity: 0.15,
        numIter: 2500,
      };
      // The layout spaces nodes by their labels at their plain size, not as enlarged for a
      // zoomed-out view (which would push them ever further apart); declutter restores it.
      if (labels.scale !== 1) {
        labels.scale = 1;
        this.cy.style().update();
      }
      const layout = this.cy.layout(options);
      const done = layout.promiseOn("layoutstop").then(() => {
        // Fitting two or three nodes would blow them up to fill the canvas.
        if (this.cy.zoom() > MAX_FIT_ZOOM) {
          this.cy.zoom(MAX_FIT_ZOOM);
          this.cy.center();
        }
        this.declutter();
      });
      layout.run();
      return done;
    });
    return this.running;
  }

  /**
   * The drawn node nearest in an arrow key's direction from `key` (within 60° of it), so the
   * keyboard moves the selection the way the eye does; null when none lies that way.
   */
  nearest(key: string, dx: number, dy: number): string | null {
    const from = this.cy.nodes().getElementById(key);
    if (from.empty()) return null;
    const p = from.position();
    const candidates = this.cy
      .nodes()
      .map((n) => {
        const q = n.position();
        const distance = Math.hypot(q.x - p.x, q.y - p.y);
        const cos = distance === 0 ? 0 : ((q.x - p.x) * dx + (q.y - p.y) * dy) / distance;
        // Straight ahead is preferred to a nearer node far off to the side.
        return { key: n.id(), cos, cost: distance * (2 - cos) };
      })
      .filter((c) => c.key !== key && c.cos >= 0.5)
      .sort((a, b) => a.cost - b.cost);
    return candidates[0]?.key ?? null;
  }

  /** Keys of the drawn nodes, by name, for keyboard users to start from. */
  keys(): string[] {
    return this.cy
      .nodes()
      .sort((a, b) => String(a.data("name")).localeCompare(String(b.data("name"))))
      .map((n) => n.id());
  }

  /** Where things are drawn, in CSS pixels from the canvas' top left (for tests and debugging). */
  probe() {
    return {
      zoom: this.cy.zoom(),
      nodes: this.cy.nodes().map((n) => ({
        key: n.id(),
        name: String(n.data("name")),
        kind: String(n.data("kind")),
        chosen: n.hasClass("chosen"),
        onPath: n.hasClass("on-path"),
        shown: n.visible(),
        body: this.body(n),
        ...this.labelState(n),
        ...n.renderedPosition(),
      })),
      edges: this.cy.edges().map((e) => ({
        id: e.id(),
        type: String(e.data("type")),
        from: e.source().id(),
        to: e.target().id(),
        chosen: e.hasClass("chosen"),
        onPath: e.hasClass("on-path"),
        shown: e.visible(),
        ...this.labelState(e),
        ...e.renderedMidpoint(),
        // A relation filtered out is not drawn, so it has no points to click.
        points: e.visible() ? [0.5, 0.4, 0.6, 0.3, 0.7].map((t) => this.along(e, t)) : [],
      })),
    };
  }

  /** Whether the element's label is drawn (shown, not transparent, big enough) and where. */
  private labelState(ele: NodeSingular | EdgeSingular) {
    const font = ele.numericStyle("font-size") * this.cy.zoom();
    const drawn = ele.visible() && ele.numericStyle("text-opacity") > 0 && font >= MIN_FONT;
    return { labelShown: drawn, label: drawn ? this.labelBox(ele) : null };
  }

  /** The rendered point at `t` (0 to 1) along a drawn edge, straight or curved. */
  private along(edge: EdgeSingular, t: number): Position {
    const s = edge.renderedSourceEndpoint();
    const e = edge.renderedTargetEndpoint();
    const [c] = edge.controlPoints() ?? [];
    if (!c) return { x: s.x + (e.x - s.x) * t, y: s.y + (e.y - s.y) * t };
    // A bezier edge's control point is in model coordinates; the endpoints are rendered ones.
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    const k = { x: c.x * zoom + pan.x, y: c.y * zoom + pan.y };
    const u = 1 - t;
    return {
      x: u * u * s.x + 2 * u * t * k.x + t * t * e.x,
      y: u * u * s.y + 2 * u * t * k.y + t * t * e.y,
    };
  }

  private anchor(near?: string): Position {
    const at = near ? this.cy.nodes().getElementById(near) : null;
    if (at?.nonempty()) return { ...at.position() };
    if (this.cy.nodes().empty()) return { x: 0, y: 0 };
    const box = this.cy.nodes().boundingBox();
    // Beside the drawing rather than on top of it, so the layout has little to untangle.
    return { x: box.x2 + 120, y: (box.y1 + box.y2) / 2 };
  }
}
