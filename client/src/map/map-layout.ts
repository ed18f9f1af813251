/**
 * Layout helpers for the concept map: concepts on a circle, on a grid, or spread by a small force-directed
 * layout (Fruchterman–Reingold: linked concepts attract, all repel) that starts from where they are, so it
 * tidies a map rather than reshuffling it. Deterministic: the same map gives the same picture. Notes are
 * the educator's and stay where they are put.
 */

export interface Point {
  x: number;
  y: number;
}

export const LAYOUTS = ['circle', 'grid', 'force'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

/** Space a concept box needs around it, in map units (boxes are up to 280 wide; links need room for a label). */
const SPACING_X = 260;
const SPACING_Y = 120;
/** Room between two boxes side by side, and a box's height with room above and below. */
const GAP_X = 70;
const ROW = 80;
/** Box widths by concept key; a concept without one counts as a wide box. */
export type Widths = ReadonlyMap<string, number>;
const widthOf = (widths: Widths | undefined, key: string) => widths?.get(key) ?? SPACING_X - GAP_X;

function centre(points: readonly Point[]): Point {
  if (!points.length) return { x: 0, y: 0 };
  return {
    x: points.reduce((s, p) => s + p.x, 0) / points.length,
    y: points.reduce((s, p) => s + p.y, 0) / points.length,
  };
}

export function circleLayout(keys: readonly string[], around: Point): Map<string, Point> {
  const n = keys.length;
  const radius = n <= 1 ? 0 : Math.max(140, (n * SPACING_X * 0.75) / (2 * Math.PI));
  return new Map(
    keys.map((k, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
      return [k, { x: around.x + radius * Math.cos(angle), y: around.y + radius * Math.sin(angle) }];
    }),
  );
}

export function gridLayout(keys: readonly string[], around: Point, widths?: Widths): Map<string, Point> {
  const cols = Math.max(1, Math.ceil(Math.sqrt(keys.length * 1.6)));
  const rows = Math.ceil(keys.length / cols);
  const step = Math.max(...keys.map((k) => widthOf(widths, k)), 60) + GAP_X;
  const x0 = around.x - ((cols - 1) * step) / 2;
  const y0 = around.y - ((rows - 1) * SPACING_Y) / 2;
  return new Map(keys.map((k, i) => [k, { x: x0 + (i % cols) * step, y: y0 + Math.floor(i / cols) * SPACING_Y }]));
}

/**
 * A force-directed layout of the concepts (`positions`, their current places) and the links between
 * them, scaled so the ideal distance between linked concepts is about one box and a half.
 */
export function forceLayout(
  positions: ReadonlyMap<string, Point>,
  links: readonly { source: string; target: string }[],
  widths?: Widths,
  iterations = 300,
): Map<string, Point> {
  const keys = [...positions.keys()];
  const n = keys.length;
  if (n <= 1) return new Map(positions);
  const index = new Map(keys.map((k, i) => [k, i]));
  const around = centre([...positions.values()]);
  // Start from the current places, separated where two coincide.
  const start = circleLayout(keys, around);
  const xs = keys.map((k, i) => positions.get(k)!.x + (start.get(k)!.x - around.x) * 0.01 + i * 0.001);
  const ys = keys.map((k, i) => positions.get(k)!.y + (start.get(k)!.y - around.y) * 0.01 - i * 0.001);
  const edges = links
    .map((l) => [index.get(l.source), index.get(l.target)] as const)
    .filter((e): e is readonly [number, number] => e[0] !== undefined && e[1] !== undefined);
  const k = SPACING_X;
  let temperature = SPACING_X * 1.5;
  const cooling = temperature / (iterations + 1);
  for (let it = 0; it < iterations; it++) {
    const dx = new Array<number>(n).fill(0);
    const dy = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const ex = xs[i]! - xs[j]!;
        // Boxes are wider than tall: repel more across than down.
        const ey = (ys[i]! - ys[j]!) * 1.8;
        const d2 = Math.max(1, ex * ex + ey * ey);
        const f = (k * k) / d2;
        dx[i]! += ex * f;
        dy[i]! += ey * f;
        dx[j]! -= ex * f;
        dy[j]! -= ey * f;
      }
    }
    for (const [a, b] of edges) {
      const ex = xs[a]! - xs[b]!;
      const ey = ys[a]! - ys[b]!;
      const d = Math.max(1, Math.hypot(ex, ey));
      const f = d / k;
      dx[a]! -= ex * f;
      dy[a]! -= ey * f;
      dx[b]! += ex * f;
      dy[b]! += ey * f;
    }
    // A weak pull to the centre keeps unlinked concepts from drifting away.
    for (let i = 0; i < n; i++) {
      dx[i]! -= (xs[i]! - around.x) * 0.02;
      dy[i]! -= (ys[i]! - around.y) * 0.02;
      const d = Math.max(1e-9, Math.hypot(dx[i]!, dy[i]!));
      const step = Math.min(d, temperature);
      xs[i]! += (dx[i]! / d) * step;
      ys[i]! += (dy[i]! / d) * step;
    }
    temperature -= cooling;
  }
  const c = centre(keys.map((_k, i) => ({ x: xs[i]!, y: ys[i]! })));
  // Scaled to the tightest picture in which no two boxes overlap: the forces give the shape, not the size.
  let scale = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Math.abs(xs[i]! - xs[j]!);
      const dy = Math.abs(ys[i]! - ys[j]!);
      const needX = (widthOf(widths, keys[i]!) + widthOf(widths, keys[j]!)) / 2 + GAP_X;
      scale = Math.max(scale, Math.min(dx ? needX / dx : Infinity, dy ? ROW / dy : Infinity));
    }
  }
  if (!Number.isFinite(scale) || scale <= 0) scale = 1;
  return new Map(
    keys.map((key, i) => [key, { x: (xs[i]! - c.x) * scale + around.x, y: (ys[i]! - c.y) * scale + around.y }]),
  );
}

export function layout(
  name: LayoutName,
  positions: ReadonlyMap<string, Point>,
  links: readonly { source: string; target: string }[],
  widths?: Widths,
): Map<string, Point> {
  const keys = [...positions.keys()];
  const around = centre([...positions.values()]);
  if (name === 'circle') return circleLayout(keys, around);
  if (name === 'grid') return gridLayout(keys, around, widths);
  return forceLayout(positions, links, widths);
}

/** A free spot for a new item near `around`: the first place on a spiral that keeps clear of the others. */
export function freeSpot(taken: readonly Point[], around: Point): Point {
  for (let i = 0; i < 400; i++) {
    const angle = i * 2.4;
    const r = i === 0 ? 0 : 60 + i * 20;
    const p = { x: around.x + r * Math.cos(angle) * 1.6, y: around.y + r * Math.sin(angle) };
    if (taken.every((q) => Math.abs(q.x - p.x) > SPACING_X || Math.abs(q.y - p.y) > SPACING_Y)) return p;
  }
  return { x: around.x + taken.length * 20, y: around.y + taken.length * 20 };
}
