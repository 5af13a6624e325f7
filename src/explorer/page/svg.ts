/**
 * The view as SVG, written from what Cytoscape drew: every node shown (its kind's colour and
 * shape, its border, its opacity) and every relation shown (its curve, dashes and arrow), at the
 * positions Cytoscape gave them, with the labels that are drawn on screen at this moment (those
 * decluttering left out are left out here too). Cytoscape itself only writes PNG and JPG, and the
 * extension that writes SVG (cytoscape-svg) is GPL-3, so this small serializer does it; it reads
 * only Cytoscape's public API.
 *
 * One `<g class="node" data-key>` per node and one `<g class="edge" data-id>` per relation, each
 * with a `<title>`, so the file is as easy to read back as to look at.
 */
import type { Core, EdgeSingular, NodeSingular, Position } from "cytoscape";
import { isKind, KIND_STYLE } from "./kinds.js";

const FONT = "system-ui, sans-serif";
/** Room around the drawing, in model units. */
const MARGIN = 20;

function xml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

const n2 = (v: number) => String(Math.round(v * 100) / 100);
const pt = (p: Position) => `${n2(p.x)},${n2(p.y)}`;

let measurer: CanvasRenderingContext2D | null = null;

function measure(text: string, font: string): number {
  measurer ??= document.createElement("canvas").getContext("2d");
  if (!measurer) return text.length * 6;
  measurer.font = font;
  return measurer.measureText(text).width;
}

/** The label as Cytoscape draws it with `text-wrap: ellipsis`: cut to the width, with "…". */
function fitted(text: string, font: string, max: number): string {
  if (!(max > 0) || measure(text, font) <= max) return text;
  let cut = text;
  while (cut.length > 1 && measure(`${cut}…`, font) > max) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function fontOf(ele: NodeSingular | EdgeSingular): { font: string; size: number; weight: string } {
  const size = ele.numericStyle("font-size");
  const weight = String(ele.style("font-weight") ?? "normal");
  return { font: `${weight} ${size}px ${FONT}`, size, weight };
}

/** A node's outline: the kind's legend shape (kinds.ts) stretched over the node's box. */
function shape(node: NodeSingular): string {
  const { x, y } = node.position();
  const w = node.width();
  const h = node.height();
  const kind = String(node.data("kind"));
  const points = isKind(kind) ? KIND_STYLE[kind].points : null;
  const shapeName = String(node.style("shape"));
  if (shapeName === "rectangle" || shapeName === "round-rectangle") {
    const r = shapeName === "round-rectangle" ? Math.min(w / 4, h / 4, 8) : 0;
    return `<rect x="${n2(x - w / 2)}" y="${n2(y - h / 2)}" width="${n2(w)}" height="${n2(h)}" rx="${n2(r)}"`;
  }
  if (!points) return `<ellipse cx="${n2(x)}" cy="${n2(y)}" rx="${n2(w / 2)}" ry="${n2(h / 2)}"`;
  // The legend's points lie in a 16 x 16 box centred on (8, 8).
  const scaled = points
    .split(" ")
    .map((p) => {
      const [px, py] = p.split(",").map(Number) as [number, number];
      return pt({ x: x + ((px - 8) / 8) * (w / 2), y: y + ((py - 8) / 8) * (h / 2) });
    })
    .join(" ");
  return `<polygon points="${scaled}"`;
}

function nodeSvg(node: NodeSingular, labelled: boolean): string {
  const name = String(node.data("name") ?? "");
  const border = node.numericStyle("border-width");
  const body = `${shape(node)} fill="${node.style("background-color")}" stroke="${node.style("border-color")}" stroke-width="${n2(border)}"/>`;
  const parts = [`<title>${xml(`${name} (${node.data("kind")})`)}</title>`, body];
  if (labelled && name) {
    const { font, size, weight } = fontOf(node);
    const text = fitted(name, font, node.numericStyle("text-max-width"));
    const box = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
    const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
    const ground = node.numericStyle("text-background-opacity");
    if (ground > 0)
      parts.push(
        `<rect x="${n2(box.x1)}" y="${n2(box.y1)}" width="${n2(box.w)}" height="${n2(box.h)}" fill="${node.style("text-background-color")}" fill-opacity="${n2(ground)}"/>`,
      );
    const outline = node.numericStyle("text-outline-width");
    parts.push(
      `<text class="label" x="${n2(centre.x)}" y="${n2(centre.y)}" font-size="${n2(size)}" font-weight="${weight}" text-anchor="middle" dominant-baseline="central" fill="${node.style("color")}"${outline > 0 ? ` stroke="${node.style("text-outline-color")}" stroke-width="${n2(2 * outline)}" stroke-linejoin="round" paint-order="stroke"` : ""}>${xml(text)}</text>`,
    );
  }
  return `<g class="node" data-key="${xml(node.id())}" data-kind="${xml(String(node.data("kind")))}" opacity="${n2(node.effectiveOpacity())}">${parts.join("")}</g>`;
}

/** The edge's path: straight, or Cytoscape's bezier through its control points. */
function curve(edge: EdgeSingular): { d: string; from: Position; to: Position } {
  const s = edge.sourceEndpoint();
  const t = edge.targetEndpoint();
  const controls = edge.controlPoints() ?? [];
  if (controls.length === 0) return { d: `M${pt(s)} L${pt(t)}`, from: s, to: t };
  // Consecutive quadratic pieces through the midpoints of the control points, as Cytoscape draws.
  let d = `M${pt(s)}`;
  controls.forEach((c, i) => {
    const next = controls[i + 1];
    const end = next ? { x: (c.x + next.x) / 2, y: (c.y + next.y) / 2 } : t;
    d += ` Q${pt(c)} ${pt(end)}`;
  });
  return { d, from: controls.at(-1) as Position, to: t };
}

function edgeSvg(edge: EdgeSingular, labelled: boolean): string {
  const type = String(edge.data("type") ?? "");
  const width = edge.numericStyle("width");
  const dashed = edge.style("line-style") === "dashed";
  const { d, from, to } = curve(edge);
  const parts = [
    `<title>${xml(`${edge.source().data("name")} ${type} ${edge.target().data("name")}`)}</title>`,
    `<path d="${d}" fill="none" stroke="${edge.style("line-color")}" stroke-width="${n2(width)}"${dashed ? ` stroke-dasharray="${n2(width * 4)} ${n2(width * 2)}"` : ""}/>`,
  ];
  if (edge.style("target-arrow-shape") !== "none") {
    // Cytoscape's triangle arrow: 0.3 of its arrow size long and wide, the tip on the endpoint.
    const size = Math.max((width * 13.37) ** 0.9, 29) * edge.numericStyle("arrow-scale");
    const angle = Math.atan2(to.y - from.y, to.x - from.x);
    const along = { x: Math.cos(angle), y: Math.sin(angle) };
    const base = { x: to.x - along.x * 0.3 * size, y: to.y - along.y * 0.3 * size };
    const side = { x: -along.y * 0.15 * size, y: along.x * 0.15 * size };
    parts.push(
      `<polygon class="arrow" points="${pt(to)} ${pt({ x: base.x + side.x, y: base.y + side.y })} ${pt({ x: base.x - side.x, y: base.y - side.y })}" fill="${edge.style("target-arrow-color")}"/>`,
    );
  }
  if (labelled && type) {
    const { font, size, weight } = fontOf(edge);
    const mid = edge.midpoint();
    const s = edge.sourceEndpoint();
    const t = edge.targetEndpoint();
    // `text-rotation: autorotate`: along the edge, never upside down.
    let angle = (Math.atan2(t.y - s.y, t.x - s.x) * 180) / Math.PI;
    if (angle > 90) angle -= 180;
    if (angle < -90) angle += 180;
    const padding = edge.numericStyle("text-background-padding");
    const w = measure(type, font) + 2 * padding;
    const h = size * 1.2 + 2 * padding;
    const ground = edge.numericStyle("text-background-opacity");
    parts.push(
      `<g transform="rotate(${n2(angle)} ${pt(mid)})">${ground > 0 ? `<rect x="${n2(mid.x - w / 2)}" y="${n2(mid.y - h / 2)}" width="${n2(w)}" height="${n2(h)}" fill="${edge.style("text-background-color")}" fill-opacity="${n2(ground)}"/>` : ""}<text class="label" x="${n2(mid.x)}" y="${n2(mid.y)}" font-size="${n2(size)}" font-weight="${weight}" text-anchor="middle" dominant-baseline="central" fill="${edge.style("color")}">${xml(type)}</text></g>`,
    );
  }
  return `<g class="edge" data-id="${xml(edge.id())}" data-type="${xml(type)}" opacity="${n2(edge.effectiveOpacity())}">${parts.join("")}</g>`;
}

const byZ = (
  a: { numericStyle(name: string): number },
  b: { numericStyle(name: string): number },
) => a.numericStyle("z-index") - b.numericStyle("z-index");

/**
 * The nodes and relations shown (not filtered out), relations beneath nodes as on screen, each
 * labelled when `labelDrawn` says its label is drawn now; on white, sized to the drawing.
 */
export function viewSvg(
  cy: Core,
  labelDrawn: (ele: NodeSingular | EdgeSingular) => boolean,
): string {
  const nodes = cy.nodes(":visible").toArray().sort(byZ);
  const edges = cy.edges(":visible").toArray().sort(byZ);
  const box = cy.elements(":visible").boundingBox({});
  const x = box.x1 - MARGIN;
  const y = box.y1 - MARGIN;
  const w = box.w + 2 * MARGIN;
  const h = box.h + 2 * MARGIN;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n2(x)} ${n2(y)} ${n2(w)} ${n2(h)}" width="${Math.ceil(w)}" height="${Math.ceil(h)}" font-family="${FONT}">`,
    `<rect x="${n2(x)}" y="${n2(y)}" width="${n2(w)}" height="${n2(h)}" fill="#ffffff"/>`,
    `<g class="edges">${edges.map((e) => edgeSvg(e, labelDrawn(e))).join("\n")}</g>`,
    `<g class="nodes">${nodes.map((n) => nodeSvg(n, labelDrawn(n))).join("\n")}</g>`,
    "</svg>",
    "",
  ].join("\n");
}
