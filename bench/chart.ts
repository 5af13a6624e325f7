/**
 * One PNG of the ratios: for each size, p50 latency at concurrency 1 (ours over the floor and
 * over the anchor; lower is better, the issue's targets marked) and throughput at concurrency 16
 * (ours over each; higher is better). Drawn as SVG by hand, rendered by resvg (prebuilt, no
 * browser, no native canvas), with the system's DejaVu fonts.
 */
import { Resvg } from "@resvg/resvg-js";
import type { Results, Summary } from "./report-types.js";

const COLORS = { floor: "#3b6fb6", anchor: "#e08a2c", target: "#c0392b" };
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

export function chartSvg(r: Results, s: Summary): string {
  const sizes = r.config.sizes.filter((size) => s.rows.some((x) => x.size === size));
  const ops = r.operations.map((o) => o.id);
  const panelW = 460;
  const panelH = 250;
  const left = 70;
  const top = 86;
  const gapX = 40;
  const gapY = 95;
  const width = Math.max(1100, left + sizes.length * (panelW + gapX));
  const height = top + 2 * (panelH + gapY) + 10;
  const lo = Math.log2(1 / 16);
  const hi = Math.log2(16);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${left}" y="26" font-size="18" font-weight="bold">Ours over the floor (hand-written Cypher) and over the anchor (@neo4j/graphql)</text>`,
    `<text x="${left}" y="46" font-size="12" fill="#444">${esc(`Same run, same Neo4j, same data: ${r.startedAt.slice(0, 10)}, ${r.machine.cpus} cores. Medians of ${r.config.rounds} interleaved rounds; log scale. Red ticks: targets.`)}</text>`,
  );
  const rowsDef = [
    {
      key: "c1p50" as const,
      title: "p50 latency at concurrency 1: ours / other (lower is better)",
    },
    { key: "rps" as const, title: "throughput at concurrency 16: ours / other (higher is better)" },
  ];
  rowsDef.forEach((rowDef, ri) => {
    parts.push(
      `<text x="${left}" y="${top + ri * (panelH + gapY) - 6}" font-size="14" font-weight="bold">${esc(rowDef.title)}</text>`,
    );
    sizes.forEach((size, ci) => {
      const x0 = left + ci * (panelW + gapX);
      const y0 = top + ri * (panelH + gapY) + 20;
      const y = (v: number) => {
        const l = Math.min(hi, Math.max(lo, Math.log2(v)));
        return y0 + panelH - ((l - lo) / (hi - lo)) * panelH;
      };
      parts.push(
        `<text x="${x0}" y="${y0 - 8}" font-size="12" font-weight="bold">${esc(`${size.toLocaleString("en")} entities`)}</text>`,
        `<rect x="${x0}" y="${y0}" width="${panelW}" height="${panelH}" fill="#fafafa" stroke="#ccc"/>`,
      );
      for (const tick of [0.0625, 0.125, 0.25, 0.5, 1, 2, 4, 8, 16]) {
        const ty = y(tick);
        parts.push(
          `<line x1="${x0}" x2="${x0 + panelW}" y1="${ty}" y2="${ty}" stroke="${tick === 1 ? "#333" : "#e2e2e2"}" stroke-width="${tick === 1 ? 1.5 : 1}"/>`,
          `<text x="${x0 - 6}" y="${ty + 4}" text-anchor="end" fill="#555">${tick}x</text>`,
        );
      }
      const slot = panelW / ops.length;
      const barW = Math.min(18, slot / 3);
      ops.forEach((op, oi) => {
        const row = s.rows.find((x) => x.size === size && x.op === op);
        const cx = x0 + slot * oi + slot / 2;
        const bars: [keyof typeof COLORS, number | undefined][] = [
          ["floor", row?.oursOverFloor?.[rowDef.key]],
          ["anchor", row?.oursOverAnchor?.[rowDef.key]],
        ];
        bars.forEach(([name, v], bi) => {
          const bx = cx - barW + bi * barW;
          if (v === undefined || !Number.isFinite(v)) {
            parts.push(
              `<text x="${bx + barW / 2}" y="${y(1) - 4}" text-anchor="middle" fill="#999" font-size="10">–</text>`,
            );
            return;
          }
          const yb = y(1);
          const yv = y(v);
          parts.push(
            `<rect x="${bx}" y="${Math.min(yb, yv)}" width="${barW - 2}" height="${Math.max(1, Math.abs(yb - yv))}" fill="${COLORS[name]}"/>`,
            `<text x="${bx + barW / 2 - 1}" y="${v >= 1 ? yv - 3 : yv + 11}" text-anchor="middle" font-size="9" fill="#222">${v.toFixed(v >= 10 ? 0 : 1)}</text>`,
          );
        });
        const target =
          rowDef.key === "c1p50"
            ? r.operations.find((o) => o.id === op)?.p50Target
            : rowDef.key === "rps" && row?.oursOverAnchor
              ? 1
              : null;
        if (target) {
          const bx = rowDef.key === "c1p50" ? cx - barW : cx;
          parts.push(
            `<line x1="${bx - 2}" x2="${bx + barW}" y1="${y(target)}" y2="${y(target)}" stroke="${COLORS.target}" stroke-width="2.5"/>`,
          );
        }
        parts.push(
          `<text x="${cx}" y="${y0 + panelH + 14}" text-anchor="end" font-size="11" transform="rotate(-30 ${cx} ${y0 + panelH + 14})">${esc(op)}</text>`,
        );
      });
    });
  });
  const ly = height - 14;
  parts.push(
    `<rect x="${left}" y="${ly - 10}" width="12" height="12" fill="${COLORS.floor}"/><text x="${left + 18}" y="${ly}">ours / floor</text>`,
    `<rect x="${left + 120}" y="${ly - 10}" width="12" height="12" fill="${COLORS.anchor}"/><text x="${left + 138}" y="${ly}">ours / anchor</text>`,
    `<line x1="${left + 250}" x2="${left + 270}" y1="${ly - 4}" y2="${ly - 4}" stroke="${COLORS.target}" stroke-width="2.5"/><text x="${left + 276}" y="${ly}">target (p50 vs floor: at most; throughput vs anchor: at least)</text>`,
    "</svg>",
  );
  return parts.join("\n");
}

export function renderChart(r: Results, s: Summary): Buffer {
  const svg = chartSvg(r, s);
  return new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
    background: "white",
  })
    .render()
    .asPng();
}
