/**
 * Export of the current view: PNG (sigma's layers composited on a white background, rendered
 * synchronously just before so the WebGL buffers are readable) and SVG (the visible nodes, edges and
 * labels as vector shapes, built with DOM methods so labels are text, never markup).
 */
import type { GraphView } from './graph-view';
import { LABEL_COLOR, STAGE_BACKGROUND } from './palette';

const SVG_NS = 'http://www.w3.org/2000/svg';
const LAYERS = ['edges', 'nodes', 'edgeLabels', 'labels', 'hovers', 'hoverNodes'] as const;

export function exportPng(view: GraphView): Promise<Blob> {
  const r = view.renderer;
  const { width, height } = r.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.round(width * ratio);
  out.height = Math.round(height * ratio);
  const ctx = out.getContext('2d');
  if (!ctx) return Promise.reject(new Error('export: no 2D canvas context'));
  ctx.fillStyle = STAGE_BACKGROUND;
  ctx.fillRect(0, 0, out.width, out.height);
  r.refresh();
  const canvases = r.getCanvases();
  for (const layer of LAYERS) {
    const c = canvases[layer];
    if (c) ctx.drawImage(c, 0, 0, out.width, out.height);
  }
  return new Promise((resolve, reject) =>
    out.toBlob((b) => (b ? resolve(b) : reject(new Error('export: the canvas gave no PNG'))), 'image/png'),
  );
}

function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The visible part of the graph as an SVG document (string). */
export function exportSvg(view: GraphView, labelFont: string): string {
  const r = view.renderer;
  const g = view.graph;
  const { width, height } = r.getDimensions();
  const svg = svgEl('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}` });
  svg.appendChild(svgEl('rect', { width, height, fill: STAGE_BACKGROUND }));
  const defs = svgEl('defs', {});
  svg.appendChild(defs);
  const markers = new Map<string, string>();
  const markerFor = (color: string): string => {
    let id = markers.get(color);
    if (!id) {
      id = `arrow-${markers.size}`;
      markers.set(color, id);
      const m = svgEl('marker', {
        id,
        viewBox: '0 0 10 10',
        refX: 10,
        refY: 5,
        markerWidth: 5,
        markerHeight: 5,
        orient: 'auto-start-reverse',
      });
      m.appendChild(svgEl('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: color }));
      defs.appendChild(m);
    }
    return id;
  };
  const inView = (x: number, y: number, pad: number) => x > -pad && y > -pad && x < width + pad && y < height + pad;

  const edges = svgEl('g', { class: 'edges' });
  g.forEachEdge((key, attrs, source, target) => {
    const d = r.getEdgeDisplayData(key);
    const s = r.getNodeDisplayData(source);
    const t = r.getNodeDisplayData(target);
    if (!d || !s || !t || d.hidden || s.hidden || t.hidden) return;
    const p1 = r.framedGraphToViewport(s);
    const p2 = r.framedGraphToViewport(t);
    if (!inView(p1.x, p1.y, width) && !inView(p2.x, p2.y, width)) return;
    // Stop at the target's border so the arrow head stays visible.
    const rt = r.scaleSize(t.size);
    const dx = p2.x - p1.x;
    const dy = p2.y - p1.y;
    const len = Math.hypot(dx, dy) || 1;
    const arrow = attrs.type === 'arrow' || attrs.type === 'dashedArrow';
    const end = arrow ? { x: p2.x - (dx / len) * rt, y: p2.y - (dy / len) * rt } : p2;
    const line = svgEl('line', {
      x1: p1.x.toFixed(1),
      y1: p1.y.toFixed(1),
      x2: end.x.toFixed(1),
      y2: end.y.toFixed(1),
      stroke: d.color,
      'stroke-width': Math.max(1, d.size).toFixed(2),
      'stroke-linecap': 'round',
    });
    line.setAttribute('data-key', key);
    if (attrs.hedged) line.setAttribute('stroke-dasharray', '7 5');
    if (arrow) line.setAttribute('marker-end', `url(#${markerFor(d.color)})`);
    edges.appendChild(line);
  });
  svg.appendChild(edges);

  const nodes = svgEl('g', { class: 'nodes' });
  const labels = svgEl('g', { class: 'labels', 'font-family': labelFont, 'font-size': 13, fill: LABEL_COLOR });
  const shownLabels = r.getNodeDisplayedLabels();
  g.forEachNode((key) => {
    const d = r.getNodeDisplayData(key);
    if (!d || d.hidden) return;
    const p = r.framedGraphToViewport(d);
    const radius = r.scaleSize(d.size);
    if (!inView(p.x, p.y, radius)) return;
    nodes.appendChild(
      svgEl('circle', { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: radius.toFixed(2), fill: d.color, 'data-key': key }),
    );
    if (d.label && (shownLabels.has(key) || d.forceLabel)) {
      const text = svgEl('text', {
        x: (p.x + radius + 3).toFixed(1),
        y: (p.y + 4).toFixed(1),
        stroke: '#ffffff',
        'stroke-width': 3,
        'paint-order': 'stroke',
      });
      text.textContent = d.label;
      labels.appendChild(text);
    }
  });
  svg.appendChild(nodes);
  svg.appendChild(labels);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

/** Offers a blob as a file download. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
