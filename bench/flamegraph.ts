/**
 * A CPU flame graph from a V8 .cpuprofile (`node --cpu-prof`): stacks merged by function, width
 * proportional to samples, drawn as SVG and rendered to PNG with resvg; plus where the time went
 * by package (src/, each node_modules package, Node's internals, GC, idle).
 */
import { Resvg } from "@resvg/resvg-js";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
  hitCount?: number;
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

interface Frame {
  name: string;
  pkg: string;
  self: number;
  total: number;
  children: Map<string, Frame>;
}

/** Which package a frame belongs to, from its script URL. */
export function packageOf(cf: CallFrame): string {
  const url = cf.url;
  if (!url) {
    if (cf.functionName === "(garbage collector)") return "(gc)";
    if (cf.functionName === "(idle)") return "(idle)";
    if (cf.functionName === "(program)") return "(program)";
    return "(native)";
  }
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1] as string;
  if (url.startsWith("node:")) return "node:internal";
  // Servers run compiled from dist/<config>/ (src/... and bench/... below it) or from source.
  const src = /\/(src|bench)\/(.+)$/.exec(url.replace(/^.*\/dist\/[^/]+\//, "/"));
  if (src) return `${src[1]}/${(src[2] as string).split("/")[0]}`;
  return url.split("/").slice(-2).join("/");
}

/** A frame's name: function, file and line. */
export function label(cf: CallFrame): string {
  const file = cf.url ? cf.url.split("/").slice(-1)[0] : "";
  return `${cf.functionName || "(anonymous)"}${file ? ` ${file}:${cf.lineNumber + 1}` : ""}`;
}

/** Merged call tree with sample counts (self and total). */
export function callTree(profile: CpuProfile): { root: Frame; samples: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const hits = new Map<number, number>();
  if (profile.samples) for (const s of profile.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
  else for (const n of profile.nodes) hits.set(n.id, n.hitCount ?? 0);
  const root: Frame = { name: "all", pkg: "", self: 0, total: 0, children: new Map() };
  let samples = 0;
  for (const [id, count] of hits) {
    const stack: ProfileNode[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (n && n.callFrame.functionName !== "(root)") stack.push(n);
    }
    stack.reverse();
    if (stack[0]?.callFrame.functionName === "(idle)") continue;
    samples += count;
    let f = root;
    f.total += count;
    for (const n of stack) {
      const key = label(n.callFrame);
      let child = f.children.get(key);
      if (!child) {
        child = { name: key, pkg: packageOf(n.callFrame), self: 0, total: 0, children: new Map() };
        f.children.set(key, child);
      }
      child.total += count;
      f = child;
    }
    f.self += count;
  }
  return { root, samples };
}

/** Self samples per package and per function, largest first (idle left out). */
export function selfTime(profile: CpuProfile) {
  const { root, samples } = callTree(profile);
  const byPkg = new Map<string, number>();
  const byFn = new Map<string, { pkg: string; self: number }>();
  const walk = (f: Frame) => {
    if (f.self > 0 && f !== root) {
      byPkg.set(f.pkg, (byPkg.get(f.pkg) ?? 0) + f.self);
      const e = byFn.get(f.name) ?? { pkg: f.pkg, self: 0 };
      e.self += f.self;
      byFn.set(f.name, e);
    }
    for (const c of f.children.values()) walk(c);
  };
  walk(root);
  // Inclusive time per package: a sample counts once for each package on its stack.
  const inclusive = new Map<string, number>();
  const walkInc = (f: Frame, seen: Set<string>) => {
    for (const c of f.children.values()) {
      const s = new Set(seen);
      if (!seen.has(c.pkg)) inclusive.set(c.pkg, (inclusive.get(c.pkg) ?? 0) + c.total);
      s.add(c.pkg);
      walkInc(c, s);
    }
  };
  walkInc(root, new Set());
  return {
    samples,
    packages: [...byPkg]
      .sort((a, b) => b[1] - a[1])
      .map(([pkg, n]) => ({ pkg, share: n / samples })),
    inclusive: [...inclusive]
      .sort((a, b) => b[1] - a[1])
      .map(([pkg, n]) => ({ pkg, share: n / samples })),
    functions: [...byFn]
      .sort((a, b) => b[1].self - a[1].self)
      .slice(0, 25)
      .map(([fn, v]) => ({ fn, pkg: v.pkg, share: v.self / samples })),
  };
}

const PALETTE = [
  "#e8743b",
  "#19a979",
  "#ed4a7b",
  "#945ecf",
  "#13a4b4",
  "#525df4",
  "#bf399e",
  "#6c8893",
  "#ee6868",
  "#2f6497",
];
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function flameSvg(profile: CpuProfile, title: string): string {
  const { root, samples } = callTree(profile);
  const width = 1600;
  const rowH = 17;
  let depthMax = 0;
  const colors = new Map<string, string>();
  const color = (pkg: string) => {
    if (pkg.startsWith("src/")) return "#f2c14e";
    if (pkg === "node:internal") return "#b8c4cc";
    if (!colors.has(pkg)) colors.set(pkg, PALETTE[colors.size % PALETTE.length] as string);
    return colors.get(pkg) as string;
  };
  const rects: string[] = [];
  const place = (f: Frame, x: number, depth: number) => {
    depthMax = Math.max(depthMax, depth);
    const w = (f.total / Math.max(1, samples)) * width;
    if (w < 0.5) return;
    if (f !== root) {
      const y = 40 + (depth - 1) * rowH;
      const text = w > 40 ? esc(f.name.slice(0, Math.floor(w / 6.5))) : "";
      rects.push(
        `<g><title>${esc(`${f.name} [${f.pkg}] ${((f.total / samples) * 100).toFixed(1)}%`)}</title><rect x="${x.toFixed(1)}" y="${y}" width="${Math.max(0.5, w - 0.5).toFixed(1)}" height="${rowH - 1}" fill="${color(f.pkg)}"/>` +
          (text
            ? `<text x="${(x + 3).toFixed(1)}" y="${y + 12}" font-size="10">${text}</text>`
            : "") +
          "</g>",
      );
    }
    let cx = x;
    for (const c of [...f.children.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      place(c, cx, depth + 1);
      cx += (c.total / Math.max(1, samples)) * width;
    }
  };
  place(root, 0, 0);
  const height = (depthMax + 1) * rowH + 60;
  const fixed = rects.join("\n");
  const legend = [...colors]
    .slice(0, 10)
    .map(
      ([pkg, c], i) =>
        `<rect x="${10 + i * 155}" y="${height - 16}" width="10" height="10" fill="${c}"/><text x="${24 + i * 155}" y="${height - 7}" font-size="10">${esc(pkg)}</text>`,
    )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans">
<rect width="100%" height="100%" fill="white"/>
<text x="10" y="22" font-size="15" font-weight="bold">${esc(title)}</text>
<text x="${width - 10}" y="22" font-size="11" text-anchor="end">${samples} samples (idle left out); yellow: src/, grey: Node internals</text>
${fixed}
${legend}
</svg>`;
}

export function flamePng(profile: CpuProfile, title: string): Buffer {
  return new Resvg(flameSvg(profile, title), {
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
    background: "white",
  })
    .render()
    .asPng();
}
