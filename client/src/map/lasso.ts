/**
 * Lasso selection on the explorer's graph: with Shift held, dragging on the graph draws a free-hand loop
 * instead of panning, and the concepts shown inside it are picked. The mouse-down is caught before sigma
 * sees it (capture phase on the stage), the loop is drawn on a 2D canvas over the graph, and the click
 * that ends the drag is swallowed so it does not also clear the selection.
 */
import type { GraphView } from '../graph/graph-view';
import type { Visibility } from '../graph/visibility';

type Pt = { x: number; y: number };

/** Whether a point is inside a polygon (even–odd rule). */
export function insidePolygon(p: Pt, poly: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

export class GraphLasso {
  private enabled = false;
  private points: Pt[] = [];
  private canvas: HTMLCanvasElement | null = null;
  private swallowClick = false;

  constructor(
    private readonly stage: HTMLElement,
    private readonly view: () => GraphView | null,
    private readonly visibility: () => Visibility,
    private readonly onPick: (keys: string[]) => void,
  ) {
    stage.addEventListener('mousedown', (e) => this.down(e), { capture: true });
    stage.addEventListener(
      'click',
      (e) => {
        if (!this.swallowClick) return;
        this.swallowClick = false;
        e.stopPropagation();
        e.preventDefault();
      },
      { capture: true },
    );
  }

  setEnabled(on: boolean): void {
    this.enabled = on;
  }

  private local(e: MouseEvent): Pt {
    const r = this.stage.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private down(e: MouseEvent): void {
    if (!this.enabled || !e.shiftKey || e.button !== 0 || !this.view()) return;
    e.stopPropagation();
    e.preventDefault();
    this.points = [this.local(e)];
    const r = this.stage.getBoundingClientRect();
    const canvas = document.createElement('canvas');
    canvas.className = 'lasso-layer';
    canvas.width = Math.round(r.width);
    canvas.height = Math.round(r.height);
    this.stage.append(canvas);
    this.canvas = canvas;
    const move = (ev: MouseEvent) => {
      this.points.push(this.local(ev));
      this.draw();
    };
    const up = (ev: MouseEvent) => {
      document.removeEventListener('mousemove', move, true);
      document.removeEventListener('mouseup', up, true);
      ev.stopPropagation();
      this.points.push(this.local(ev));
      this.finish();
    };
    document.addEventListener('mousemove', move, true);
    document.addEventListener('mouseup', up, true);
  }

  private draw(): void {
    const ctx = this.canvas?.getContext('2d');
    if (!ctx || !this.canvas) return;
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.beginPath();
    this.points.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
    ctx.closePath();
    ctx.fillStyle = 'rgba(11, 92, 173, 0.08)';
    ctx.fill();
    ctx.setLineDash([6, 4]);
    ctx.strokeStyle = '#0b5cad';
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }

  private finish(): void {
    this.canvas?.remove();
    this.canvas = null;
    const poly = this.points;
    this.points = [];
    const view = this.view();
    if (!view || poly.length < 3) return;
    this.swallowClick = true;
    window.setTimeout(() => (this.swallowClick = false), 100);
    const r = view.renderer;
    const hidden = this.visibility().hiddenNodes;
    const picked: string[] = [];
    view.graph.forEachNode((key) => {
      if (hidden.has(key)) return;
      const d = r.getNodeDisplayData(key);
      if (!d || d.hidden) return;
      if (insidePolygon(r.framedGraphToViewport(d), poly)) picked.push(key);
    });
    this.onPick(picked);
  }
}
