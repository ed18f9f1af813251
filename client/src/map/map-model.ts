/**
 * The concept map being built: its concepts (where they sit, what they are called in each language),
 * the labelled links between them (found among the graph's relations, or drawn by the educator), the
 * educator's free-text notes, and which saved view it is. It turns into the views API's content and back,
 * and tells its listeners what changed so the canvas and the panel redraw.
 */
import type { View, ViewContent } from '../../../server/curation/types';
import type { Category, ConceptAttributes, Lang, Predicate } from '../../../server/model/types';
import { conceptLabel } from '../i18n/i18n';

export interface MapConcept {
  key: string;
  x: number;
  y: number;
  category: Category;
  labels: ConceptAttributes['labels'];
  mainLabel: string;
}

export interface MapLink {
  source: string;
  target: string;
  predicate: Predicate;
  /** `graph`: a relation of the graph between the two concepts; `manual`: drawn by the educator. */
  origin: 'graph' | 'manual';
}

export interface MapNote {
  id: string;
  text: string;
  x: number;
  y: number;
}

export type MapChange = 'concepts' | 'links' | 'notes' | 'positions' | 'meta';

/** Unordered pair id: links are at most one per pair of concepts. */
export const pairId = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

const round = (n: number) => Math.round(n * 10) / 10;

export class MapModel {
  name = '';
  /** The saved view this map is, once saved or opened. */
  viewId: string | null = null;
  /** Changed since it was last saved or opened. */
  dirty = false;
  readonly concepts = new Map<string, MapConcept>();
  links: MapLink[] = [];
  notes: MapNote[] = [];
  /** Pairs whose graph link the educator removed: not suggested again for this map. */
  readonly dismissed = new Set<string>();
  private listeners = new Set<(changes: ReadonlySet<MapChange>) => void>();
  private noteCounter = 0;

  subscribe(fn: (changes: ReadonlySet<MapChange>) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(...changes: MapChange[]): void {
    if (changes.some((c) => c !== 'meta')) this.dirty = true;
    const set = new Set(changes);
    for (const l of this.listeners) l(set);
  }

  label(key: string, lang: Lang): string {
    const c = this.concepts.get(key);
    return c ? conceptLabel({ label: c.mainLabel, labels: c.labels }, lang) : key.replace(/^concept:/, '');
  }

  has(key: string): boolean {
    return this.concepts.has(key);
  }

  addConcept(c: MapConcept): boolean {
    if (this.concepts.has(c.key)) return false;
    this.concepts.set(c.key, { ...c });
    this.changed('concepts');
    return true;
  }

  removeConcept(key: string): void {
    if (!this.concepts.delete(key)) return;
    this.links = this.links.filter((l) => l.source !== key && l.target !== key);
    this.changed('concepts', 'links');
  }

  move(key: string, x: number, y: number): void {
    const c = this.concepts.get(key);
    const n = this.notes.find((m) => m.id === key);
    const item = c ?? n;
    if (!item) return;
    item.x = round(x);
    item.y = round(y);
    this.changed('positions');
  }

  /** Moves many items at once (a layout): one change for all. */
  place(positions: ReadonlyMap<string, { x: number; y: number }>): void {
    for (const [key, p] of positions) {
      const item = this.concepts.get(key) ?? this.notes.find((n) => n.id === key);
      if (item) {
        item.x = round(p.x);
        item.y = round(p.y);
      }
    }
    this.changed('positions');
  }

  linkBetween(a: string, b: string): MapLink | undefined {
    const id = pairId(a, b);
    return this.links.find((l) => pairId(l.source, l.target) === id);
  }

  /** Adds a link between two concepts of the map, replacing the pair's link; false if it cannot. */
  addLink(link: MapLink): boolean {
    if (link.source === link.target || !this.has(link.source) || !this.has(link.target)) return false;
    const id = pairId(link.source, link.target);
    if (link.origin === 'graph' && (this.dismissed.has(id) || this.linkBetween(link.source, link.target))) return false;
    this.links = [...this.links.filter((l) => pairId(l.source, l.target) !== id), link];
    if (link.origin === 'manual') this.dismissed.delete(id);
    this.changed('links');
    return true;
  }

  removeLink(source: string, target: string): void {
    const id = pairId(source, target);
    const before = this.links.length;
    this.links = this.links.filter((l) => pairId(l.source, l.target) !== id);
    if (this.links.length === before) return;
    this.dismissed.add(id);
    this.changed('links');
  }

  addNote(text: string, x: number, y: number): MapNote {
    let id: string;
    do id = `note-${++this.noteCounter}`;
    while (this.notes.some((n) => n.id === id));
    const note = { id, text, x: round(x), y: round(y) };
    this.notes = [...this.notes, note];
    this.changed('notes');
    return note;
  }

  updateNote(id: string, text: string): void {
    const n = this.notes.find((m) => m.id === id);
    if (!n || n.text === text) return;
    n.text = text;
    this.changed('notes');
  }

  removeNote(id: string): void {
    const before = this.notes.length;
    this.notes = this.notes.filter((n) => n.id !== id);
    if (this.notes.length !== before) this.changed('notes');
  }

  rename(name: string): void {
    this.name = name;
    this.changed('meta');
  }

  clear(): void {
    this.name = '';
    this.viewId = null;
    this.concepts.clear();
    this.links = [];
    this.notes = [];
    this.dismissed.clear();
    this.changed('concepts', 'links', 'notes', 'meta');
    this.dirty = false;
  }

  markSaved(view: Pick<View, 'id' | 'name'>): void {
    this.viewId = view.id;
    this.name = view.name;
    this.dirty = false;
    this.changed('meta');
  }

  /** The map as the views API stores it. Notes without text are left out (the API refuses them). */
  toContent(lang: Lang): ViewContent {
    return {
      name: this.name.trim(),
      lang,
      concepts: [...this.concepts.values()].map((c) => ({ key: c.key, x: c.x, y: c.y })),
      links: this.links.map((l) => ({ source: l.source, target: l.target, predicate: l.predicate })),
      notes: this.notes.filter((n) => n.text.trim()).map((n) => ({ id: n.id, text: n.text.trim(), x: n.x, y: n.y })),
    };
  }

  /**
   * Replaces the map with a saved view. `info` gives what the graph knows of each concept; a concept it
   * no longer knows keeps its place under its key.
   */
  load(view: View, info: ReadonlyMap<string, Pick<MapConcept, 'category' | 'labels' | 'mainLabel'>>): void {
    this.concepts.clear();
    for (const c of view.concepts) {
      const i = info.get(c.key);
      this.concepts.set(c.key, {
        key: c.key,
        x: c.x,
        y: c.y,
        category: i?.category ?? 'Concept',
        labels: i?.labels ?? {},
        mainLabel: c.label ?? i?.mainLabel ?? c.key.replace(/^concept:/, ''),
      });
    }
    this.links = view.links.map((l) => ({
      source: l.source,
      target: l.target,
      predicate: l.predicate,
      origin: 'manual',
    }));
    this.notes = view.notes.map((n) => ({ ...n }));
    this.dismissed.clear();
    // Pairs the saved map has no link for stay without one: the educator chose them.
    const keys = [...this.concepts.keys()];
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        if (!this.linkBetween(keys[i]!, keys[j]!)) this.dismissed.add(pairId(keys[i]!, keys[j]!));
      }
    }
    this.viewId = view.id;
    this.name = view.name;
    this.changed('concepts', 'links', 'notes', 'meta');
    this.dirty = false;
  }
}
