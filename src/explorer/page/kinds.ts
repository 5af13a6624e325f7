/**
 * How each kind of entity is drawn. Colour and shape both vary (Okabe–Ito colours, which stay
 * apart for colour-blind readers, and a distinct outline), so neither alone carries the meaning;
 * the canvas and the legend read the same table.
 */
import type { Css } from "cytoscape";

export const KINDS = [
  "Person",
  "Nation",
  "Organization",
  "Place",
  "Mission",
  "Event",
  "Pledge",
  "Quote",
  "Source",
] as const;

export type Kind = (typeof KINDS)[number];

export interface KindStyle {
  color: string;
  shape: Css.NodeShape;
  /** The same outline for the legend, as SVG points in a 16 × 16 box (null: a circle). */
  points: string | null;
}

/** Points of a regular polygon in a 16 × 16 box, the first vertex at `start` degrees. */
function polygon(sides: number, start: number, radius = 7): string {
  return Array.from({ length: sides }, (_, i) => {
    const a = ((start + (360 / sides) * i) * Math.PI) / 180;
    return `${(8 + radius * Math.cos(a)).toFixed(1)},${(8 + radius * Math.sin(a)).toFixed(1)}`;
  }).join(" ");
}

function star(): string {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? 7.5 : 3.2;
    const a = ((-90 + 36 * i) * Math.PI) / 180;
    return `${(8 + r * Math.cos(a)).toFixed(1)},${(8 + r * Math.sin(a)).toFixed(1)}`;
  }).join(" ");
}

export const KIND_STYLE: Record<Kind, KindStyle> = {
  Person: { color: "#e69f00", shape: "ellipse", points: null },
  Nation: { color: "#0072b2", shape: "round-rectangle", points: "1.5,3 14.5,3 14.5,13 1.5,13" },
  Organization: { color: "#009e73", shape: "hexagon", points: polygon(6, 0) },
  Place: { color: "#56b4e9", shape: "diamond", points: polygon(4, -90) },
  Mission: { color: "#d55e00", shape: "star", points: star() },
  Event: { color: "#cc79a7", shape: "triangle", points: polygon(3, -90, 7.5) },
  Pledge: { color: "#b8a900", shape: "pentagon", points: polygon(5, -90) },
  Quote: { color: "#8c8c8c", shape: "rhomboid", points: "4,3 15,3 12,13 1,13" },
  Source: { color: "#3d3d3d", shape: "rectangle", points: "2,2 14,2 14,14 2,14" },
};

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

const SVG = "http://www.w3.org/2000/svg";

/** A small picture of the kind's node, for the legend and badges (decorative: the text names it). */
export function swatch(kind: Kind): SVGSVGElement {
  const { color, points } = KIND_STYLE[kind];
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  svg.classList.add("swatch");
  const shape = document.createElementNS(SVG, points ? "polygon" : "circle");
  if (points) shape.setAttribute("points", points);
  else {
    shape.setAttribute("cx", "8");
    shape.setAttribute("cy", "8");
    shape.setAttribute("r", "7");
  }
  shape.setAttribute("fill", color);
  svg.append(shape);
  return svg;
}
