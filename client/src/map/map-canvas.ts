/**
 * The concept map drawn as SVG: concepts as boxes in their category's colour, links as arrows labelled
 * with the predicate in the interface's language, notes as yellow cards. Items are dragged with the
 * pointer or moved with the arrow keys (Shift: further), removed with Delete, opened with Enter or a
 * click. Everything is built with DOM methods and every label is a text node; the drawing carries its own
 * presentation attributes, so the SVG and PNG exports look as it does on screen. The SVG element is
 * created on first use (the map mode), so the explorer's pages hold none.
 */
import type { Lang } from '../../../server/model/types';
import { SYMMETRIC } from '../app/domain';
import { CATEGORY_COLORS, LABEL_COLOR, LINK_COLORS, STAGE_BACKGROUND } from '../graph/palette';
import { linkName, t } from '../i18n/i18n';
import { h, uid } from '../ui/dom';
import type { MapChange, MapLink, MapModel } from './map-model';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const MAP_FONT = 'system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
const CONCEPT_HEIGHT = 34;
const NOTE_LINE = 18;
const PADDING = 60;
const NOTE_FILL = '#fff6c4';
const NOTE_STROKE = '#b58b00';
/** Arrow-key steps, in map units. */
const STEP = 10;
const BIG_STEP = 50;

export interface MapCanvasCallbacks {
  onOpenConcept(key: string): void;
  onOpenNote(id: string): void;
  onRemove(key: string): void;
  announce(message: string): void;
}

interface Box {
  g: SVGGElement;
  w: number;
  h: number;
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** Display width units of a string: CJK characters count twice. */
function units(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/u.test(ch) ? 2 : 1;
  return n;
}

export const conceptWidth = (label: string): number => Math.max(70, Math.min(280, Math.round(units(label) * 7.6 + 28)));

/** Note text in lines of at most about 30 units, breaking at spaces where there are any. */
export function noteLines(text: string): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const ch of para) {
      if (units(line + ch) > 30) {
        const cut = line.lastIndexOf(' ');
        if (cut > 8) {
          out.push(line.slice(0, cut));
          line = line.slice(cut + 1) + ch;
        } else {
          out.push(line);
          line = ch;
        }
      } else line += ch;
    }
    out.push(line);
  }
  return out.slice(0, 12);
}

/** Where the segment from a box's centre towards (dx, dy) leaves the box. */
function exitPoint(cx: number, cy: number, w: number, hgt: number, dx: number, dy: number): { x: number; y: number } {
  const sx = dx === 0 ? Infinity : w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : hgt / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return Number.isFinite(s) ? { x: cx + dx * s, y: cy + dy * s } : { x: cx, y: cy };
}

export class MapCanvas {
  readonly root: HTMLDivElement;
  private svgEl: SVGSVGElement | null = null;
  private defs: SVGDefsElement | null = null;
  private linkLayer: SVGGElement | null = null;
  private itemLayer: SVGGElement | null = null;
  private readonly empty: HTMLParagraphElement;
  private readonly help: HTMLParagraphElement;
  private boxes = new Map<string, Box>();
  private links = new Map<string, { line: SVGLineElement; label: SVGTextElement; link: MapLink }>();
  private drag: {
    key: string;
    dx: number;
    dy: number;
    moved: boolean;
    pointer: number;
    sx: number;
    sy: number;
  } | null = null;
  private viewBox = { x: -300, y: -200, w: 600, h: 400 };

  constructor(
    private readonly model: MapModel,
    private readonly lang: () => Lang,
    private readonly callbacks: MapCanvasCallbacks,
  ) {
    this.empty = h('p', { class: 'map-empty muted' });
    this.help = h('p', { id: uid('map-help'), class: 'sr-only' });
    this.root = h('div', { class: 'map-stage', attrs: { 'data-testid': 'map-canvas' } }, this.empty, this.help);
    model.subscribe((changes) => this.onChange(changes));
  }

  /** Builds the SVG (first time) and draws the map. */
  mount(): void {
    if (!this.svgEl) {
      this.svgEl = svg('svg', {
        class: 'map-svg',
        xmlns: SVG_NS,
        role: 'group',
        'font-family': MAP_FONT,
      });
      this.defs = svg('defs');
      this.linkLayer = svg('g', { class: 'map-links' });
      this.itemLayer = svg('g', { class: 'map-items' });
      this.svgEl.append(this.defs, this.linkLayer, this.itemLayer);
      this.root.prepend(this.svgEl);
      this.bindPointer(this.svgEl);
    }
    this.render(true);
  }

  private onChange(changes: ReadonlySet<MapChange>): void {
    if (!this.svgEl) return;
    if (changes.has('concepts') || changes.has('links') || changes.has('notes')) this.render(!this.drag);
    else if (changes.has('positions')) {
      this.updatePositions();
      if (!this.drag) this.fit();
    }
  }

  /** Redraws labels in a new language. */
  relabel(): void {
    if (this.svgEl) this.render(false);
  }

  private markerFor(color: string): string {
    const id = `map-arrow-${color.slice(1)}`;
    if (!this.defs?.querySelector(`#${id}`)) {
      const m = svg('marker', {
        id,
        viewBox: '0 0 10 10',
        refX: 10,
        refY: 5,
        markerWidth: 12,
        markerHeight: 12,
        orient: 'auto-start-reverse',
        markerUnits: 'userSpaceOnUse',
      });
      m.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: color }));
      this.defs?.append(m);
    }
    return id;
  }

  private render(refit: boolean): void {
    const root = this.svgEl;
    if (!root || !this.itemLayer || !this.linkLayer) return;
    const lang = this.lang();
    const focused = (document.activeElement as Element | null)
      ?.closest?.('[data-map-item]')
      ?.getAttribute('data-map-item');
    this.help.textContent = t('mapItemHelp');
    root.setAttribute('aria-label', t('mapCanvasLabel'));
    this.empty.textContent = t('mapEmpty');
    this.empty.hidden = this.model.concepts.size > 0 || this.model.notes.length > 0;
    this.itemLayer.replaceChildren();
    this.linkLayer.replaceChildren();
    this.boxes.clear();
    this.links.clear();

    for (const l of this.model.links) {
      const color = LINK_COLORS[l.predicate];
      const line = svg('line', { stroke: color, 'stroke-width': 2.2, 'stroke-linecap': 'round' });
      if (!SYMMETRIC.has(l.predicate)) line.setAttribute('marker-end', `url(#${this.markerFor(color)})`);
      const label = svg('text', {
        class: 'map-link-label',
        'text-anchor': 'middle',
        'font-size': 12,
        fill: LABEL_COLOR,
        stroke: STAGE_BACKGROUND,
        'stroke-width': 4,
        'paint-order': 'stroke',
        'data-link': `${l.source}→${l.target}`,
        'data-predicate': l.predicate,
      });
      label.textContent = linkName(l.predicate);
      const g = svg('g', { class: 'map-link', 'data-source': l.source, 'data-target': l.target });
      g.append(line, label);
      this.linkLayer.append(g);
      this.links.set(`${l.source}\u0000${l.target}`, { line, label, link: l });
    }

    for (const c of this.model.concepts.values()) {
      const text = this.model.label(c.key, lang);
      const w = conceptWidth(text);
      const g = this.item(c.key, 'concept', t('mapConceptItem', { name: text }));
      g.append(
        svg('rect', {
          class: 'map-box',
          x: -w / 2,
          y: -CONCEPT_HEIGHT / 2,
          width: w,
          height: CONCEPT_HEIGHT,
          rx: 8,
          fill: STAGE_BACKGROUND,
          stroke: CATEGORY_COLORS[c.category],
          'stroke-width': 2.5,
        }),
      );
      const label = svg('text', {
        'text-anchor': 'middle',
        'dominant-baseline': 'central',
        'font-size': 14,
        fill: LABEL_COLOR,
        lang: lang === 'zh' ? 'zh-CN' : 'en',
      });
      label.textContent = text;
      g.append(label);
      this.itemLayer.append(g);
      this.boxes.set(c.key, { g, w, h: CONCEPT_HEIGHT });
    }

    for (const n of this.model.notes) {
      const lines = noteLines(n.text || ' ');
      const w = Math.max(90, Math.min(260, Math.max(...lines.map((l) => units(l))) * 7 + 24));
      const hgt = lines.length * NOTE_LINE + 14;
      const g = this.item(n.id, 'note', t('mapNoteItem', { text: n.text.slice(0, 60) }));
      g.append(
        svg('rect', {
          class: 'map-box',
          x: -w / 2,
          y: -hgt / 2,
          width: w,
          height: hgt,
          rx: 3,
          fill: NOTE_FILL,
          stroke: NOTE_STROKE,
          'stroke-width': 1.2,
          'stroke-dasharray': '4 2',
        }),
      );
      const text = svg('text', { 'font-size': 13, fill: LABEL_COLOR });
      lines.forEach((line, i) => {
        const span = svg('tspan', { x: -w / 2 + 12, y: -hgt / 2 + 7 + NOTE_LINE * (i + 0.75) });
        span.textContent = line;
        text.append(span);
      });
      g.append(text);
      this.itemLayer.append(g);
      this.boxes.set(n.id, { g, w, h: hgt });
    }
    this.updatePositions();
    if (refit) this.fit();
    if (focused) this.itemLayer.querySelector<SVGGElement>(`[data-map-item="${CSS.escape(focused)}"]`)?.focus();
  }

  private item(key: string, kind: 'concept' | 'note', label: string): SVGGElement {
    const g = svg('g', {
      class: `map-item map-${kind}`,
      tabindex: 0,
      role: 'button',
      'aria-label': label,
      'aria-describedby': this.help.id,
      'data-map-item': key,
      'data-kind': kind,
    });
    g.addEventListener('keydown', (e) => this.onKey(e, key, kind));
    return g;
  }

  private position(key: string): { x: number; y: number } | null {
    return this.model.concepts.get(key) ?? this.model.notes.find((n) => n.id === key) ?? null;
  }

  private updatePositions(): void {
    for (const [key, box] of this.boxes) {
      const p = this.position(key);
      if (p) box.g.setAttribute('transform', `translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})`);
    }
    for (const { line, label, link } of this.links.values()) {
      const a = this.model.concepts.get(link.source);
      const b = this.model.concepts.get(link.target);
      const ba = this.boxes.get(link.source);
      const bb = this.boxes.get(link.target);
      if (!a || !b || !ba || !bb) continue;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const p1 = exitPoint(a.x, a.y, ba.w + 4, ba.h + 4, dx, dy);
      const p2 = exitPoint(b.x, b.y, bb.w + 6, bb.h + 6, -dx, -dy);
      line.setAttribute('x1', p1.x.toFixed(1));
      line.setAttribute('y1', p1.y.toFixed(1));
      line.setAttribute('x2', p2.x.toFixed(1));
      line.setAttribute('y2', p2.y.toFixed(1));
      label.setAttribute('x', ((p1.x + p2.x) / 2).toFixed(1));
      label.setAttribute('y', ((p1.y + p2.y) / 2 - 4).toFixed(1));
    }
  }

  /** Frames the whole map. */
  fit(): void {
    if (!this.svgEl) return;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const [key, box] of this.boxes) {
      const p = this.position(key);
      if (!p) continue;
      x0 = Math.min(x0, p.x - box.w / 2);
      x1 = Math.max(x1, p.x + box.w / 2);
      y0 = Math.min(y0, p.y - box.h / 2);
      y1 = Math.max(y1, p.y + box.h / 2);
    }
    if (!Number.isFinite(x0)) {
      x0 = -200;
      x1 = 200;
      y0 = -120;
      y1 = 120;
    }
    const w = Math.max(520, x1 - x0 + 2 * PADDING);
    const hgt = Math.max(320, y1 - y0 + 2 * PADDING);
    this.viewBox = { x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - hgt / 2, w, h: hgt };
    const v = this.viewBox;
    this.svgEl.setAttribute('viewBox', `${v.x.toFixed(1)} ${v.y.toFixed(1)} ${v.w.toFixed(1)} ${v.h.toFixed(1)}`);
  }

  /** Where a point of the screen is on the map. */
  private toMap(clientX: number, clientY: number): { x: number; y: number } {
    const m = this.svgEl?.getScreenCTM();
    if (!m) return { x: 0, y: 0 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  }

  /** The middle of what the map shows now: where new concepts and notes go. */
  centre(): { x: number; y: number } {
    return { x: this.viewBox.x + this.viewBox.w / 2, y: this.viewBox.y + this.viewBox.h / 2 };
  }

  private bindPointer(root: SVGSVGElement): void {
    root.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      const g = (e.target as Element).closest<SVGGElement>('[data-map-item]');
      const key = g?.getAttribute('data-map-item');
      if (!g || !key) return;
      const p = this.position(key);
      if (!p) return;
      const at = this.toMap(e.clientX, e.clientY);
      this.drag = {
        key,
        dx: p.x - at.x,
        dy: p.y - at.y,
        moved: false,
        pointer: e.pointerId,
        sx: e.clientX,
        sy: e.clientY,
      };
      root.setPointerCapture(e.pointerId);
      g.focus();
      e.preventDefault();
    });
    root.addEventListener('pointermove', (e) => {
      const d = this.drag;
      if (!d || e.pointerId !== d.pointer) return;
      if (!d.moved && Math.hypot(e.clientX - d.sx, e.clientY - d.sy) < 4) return;
      d.moved = true;
      const at = this.toMap(e.clientX, e.clientY);
      this.model.move(d.key, at.x + d.dx, at.y + d.dy);
    });
    const end = (e: PointerEvent) => {
      const d = this.drag;
      if (!d || e.pointerId !== d.pointer) return;
      this.drag = null;
      if (root.hasPointerCapture(e.pointerId)) root.releasePointerCapture(e.pointerId);
      if (!d.moved) this.open(d.key);
      else this.fit();
    };
    root.addEventListener('pointerup', end);
    root.addEventListener('pointercancel', end);
  }

  private open(key: string): void {
    if (this.model.concepts.has(key)) this.callbacks.onOpenConcept(key);
    else this.callbacks.onOpenNote(key);
  }

  private onKey(e: KeyboardEvent, key: string, kind: 'concept' | 'note'): void {
    const step = e.shiftKey ? BIG_STEP : STEP;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[e.key];
    const p = this.position(key);
    if (move && p) {
      this.model.move(key, p.x + move[0], p.y + move[1]);
      this.fit();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      this.callbacks.onRemove(key);
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (kind === 'concept') this.callbacks.onOpenConcept(key);
      else this.callbacks.onOpenNote(key);
    } else return;
    e.preventDefault();
  }

  /** The map as a standalone SVG document. */
  toSvg(): string {
    if (!this.svgEl) this.mount();
    const v = this.viewBox;
    const copy = this.svgEl!.cloneNode(true) as SVGSVGElement;
    copy.removeAttribute('class');
    copy.removeAttribute('role');
    copy.removeAttribute('aria-label');
    copy.setAttribute('width', String(Math.round(v.w)));
    copy.setAttribute('height', String(Math.round(v.h)));
    for (const el of copy.querySelectorAll('[tabindex]')) {
      for (const a of ['tabindex', 'role', 'aria-label', 'aria-describedby']) el.removeAttribute(a);
    }
    const bg = svg('rect', { x: v.x, y: v.y, width: v.w, height: v.h, fill: STAGE_BACKGROUND });
    copy.insertBefore(bg, copy.firstChild);
    const title = svg('title');
    title.textContent = this.model.name || t('mapUntitled');
    copy.insertBefore(title, copy.firstChild);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
  }

  /** The map as a PNG, drawn from its SVG at twice its size. */
  async toPng(scale = 2): Promise<Blob> {
    const text = this.toSvg();
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    try {
      const img = new Image();
      img.src = url;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(this.viewBox.w * scale);
      canvas.height = Math.round(this.viewBox.h * scale);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('map: no 2D canvas context');
      ctx.fillStyle = STAGE_BACKGROUND;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      return await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('map: the canvas gave no PNG'))), 'image/png'),
      );
    } finally {
      URL.revokeObjectURL(url);
    }
  }
}
