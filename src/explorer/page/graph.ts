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

const STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      width: 30,
      height: 30,
      label: "data(name)",
      "font-size": 11,
      "font-family": "system-ui, sans-serif",
      color: INK,
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-wrap": "ellipsis",
      "text-max-width": "150px",
      "text-outline-color": "#ffffff",
      "text-outline-width": 2,
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
      "font-size": 8,
      "font-family": "system-ui, sans-serif",
      color: "#4b5563",
      "text-rotation": "autorotate",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "text-background-padding": "1px",
      // Labels too small to read are left out until the reader zooms in.
      "min-zoomed-font-size": 6,
    },
  },
  // Dashed: the source implies the relation rather than states it.
  { selector: "edge[?inferred]", style: { "line-style": "dashed" } },
  // Around a selection, what does not touch it steps back, so its own relations stand out.
  { selector: "node.context", style: { opacity: 0.7 } },
  { selector: "edge.context", style: { opacity: 0.3, "text-opacity": 0 } },
  { selector: ".faded", style: { opacity: 0.22 } },
  {
    selector: "node.on-path",
    style: { "border-width": 5, "border-color": PATH, "z-index": 10 },
  },
  {
    selector: "edge.on-path",
    style: {
      width: 5,
      "line-color": PATH,
      "target-arrow-color": PATH,
      color: INK,
      "font-weight": "bold",
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
      "font-size": 10,
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
    if (!chosen || chosen.empty()) return;
    chosen.addClass("chosen");
    const near = chosen.isEdge()
      ? chosen.union(chosen.connectedNodes())
      : chosen.closedNeighborhood();
    this.cy.elements().difference(near).addClass("context");
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
      const layout = this.cy.layout(options);
      const done = layout.promiseOn("layoutstop").then(() => {
        // Fitting two or three nodes would blow them up to fill the canvas.
        if (this.cy.zoom() > MAX_FIT_ZOOM) {
          this.cy.zoom(MAX_FIT_ZOOM);
          this.cy.center();
        }
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
      nodes: this.cy.nodes().map((n) => ({
        key: n.id(),
        name: String(n.data("name")),
        kind: String(n.data("kind")),
        chosen: n.hasClass("chosen"),
        onPath: n.hasClass("on-path"),
        ...n.renderedPosition(),
      })),
      edges: this.cy.edges().map((e) => ({
        id: e.id(),
        type: String(e.data("type")),
        from: e.source().id(),
        to: e.target().id(),
        chosen: e.hasClass("chosen"),
        onPath: e.hasClass("on-path"),
        ...e.renderedMidpoint(),
        points: [0.5, 0.4, 0.6, 0.3, 0.7].map((t) => this.along(e, t)),
      })),
    };
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
