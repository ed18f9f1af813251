/**
 * The concept-map builder's behaviour: bringing concepts in (search, a click on the graph, a lasso),
 * linking them with the graph's relations among them (reviewers' rejections left out, their additions
 * in), laying them out, and keeping the map as a saved view on the server (create, open, update, rename,
 * delete; its id in the URL is the share link). The canvas draws the map; the panel is its controls.
 */
import type { VerdictKind, ViewSummary } from '../../../server/curation/types';
import type { Predicate } from '../../../server/model/types';
import type { RelationSummary } from '../../../server/store/graph-store';
import { viewsApi } from '../api/curation-api';
import type { Explorer } from '../app/explorer';
import { encodeState } from '../app/url-state';
import { defaultState } from '../app/view-state';
import { t } from '../i18n/i18n';
import { freeSpot, layout, type LayoutName } from './map-layout';
import { MapModel, type MapConcept } from './map-model';
import { conceptWidth, type MapCanvas } from './map-canvas';

type ListedRelation = RelationSummary & { curation?: VerdictKind };
export type ConceptInfo = Pick<MapConcept, 'category' | 'labels' | 'mainLabel'>;

/** Concepts one lasso may bring in at once (a loop around the whole graph would bring thousands). */
export const LASSO_MAX = 60;

export class MapBuilder {
  readonly model = new MapModel();
  canvas: MapCanvas | null = null;
  saved: ViewSummary[] = [];
  private relations = new Map<string, Promise<ListedRelation[]>>();
  private info = new Map<string, ConceptInfo>();
  private listeners = new Set<() => void>();

  constructor(readonly ex: Explorer) {}

  /** Saved-view list changes (the panel redraws it). */
  onSaved(fn: () => void): void {
    this.listeners.add(fn);
  }

  private emitSaved(): void {
    for (const l of this.listeners) l();
  }

  private lang() {
    return this.ex.state.lang;
  }

  /** What the graph knows of a concept: from the drawn graph, else from the API. */
  async conceptInfo(key: string): Promise<ConceptInfo | null> {
    const known = this.info.get(key);
    if (known) return known;
    if (this.ex.graph.hasNode(key)) {
      const a = this.ex.graph.getNodeAttributes(key);
      const i = { category: a.category, labels: a.labels, mainLabel: a.mainLabel };
      this.info.set(key, i);
      return i;
    }
    try {
      const d = await this.ex.api.concept(key, { limit: 1 });
      const i = { category: d.concept.category, labels: d.concept.labels, mainLabel: d.concept.label };
      this.info.set(key, i);
      this.relations.set(key, Promise.resolve(d.relations.flatMap((g) => g.relations)));
      return i;
    } catch {
      return null;
    }
  }

  private relationsOf(key: string): Promise<ListedRelation[]> {
    let p = this.relations.get(key);
    if (!p) {
      p = this.ex.api.concept(key, { limit: 1 }).then(
        (d) => d.relations.flatMap((g) => g.relations),
        () => [],
      );
      this.relations.set(key, p);
    }
    return p;
  }

  private rejected(r: ListedRelation): boolean {
    const mark =
      this.ex.curation.mark(r.key) ?? (this.ex.curation.availability === 'available' ? undefined : r.curation);
    return mark === 'rejected';
  }

  /** Adds concepts to the map (near the middle of what the canvas shows) and links them with the graph's relations. */
  async addConcepts(keys: readonly string[]): Promise<number> {
    const fresh = [...new Set(keys)].filter((k) => k.startsWith('concept:') && !this.model.has(k));
    const infos = await Promise.all(fresh.map((k) => this.conceptInfo(k)));
    const centre = this.canvas?.centre() ?? { x: 0, y: 0 };
    let added = 0;
    fresh.forEach((key, i) => {
      const info = infos[i];
      if (!info) return;
      const taken = [...this.model.concepts.values(), ...this.model.notes];
      const at = freeSpot(taken, centre);
      if (this.model.addConcept({ key, ...info, ...at })) added++;
    });
    await Promise.all(fresh.map((k) => this.linkFromGraph(k)));
    if (added) {
      const last = fresh[fresh.length - 1] ?? '';
      this.ex.announce(
        added === 1 ? t('mapAddedOne', { name: this.model.label(last, this.lang()) }) : t('mapAddedMany', { n: added }),
      );
    }
    return added;
  }

  /** Links a concept to the others of the map: its relations with them, most evidence first, one per pair. */
  private async linkFromGraph(key: string): Promise<void> {
    if (!this.model.has(key)) return;
    const rels = [...(await this.relationsOf(key))].sort((a, b) => b.evidenceCount - a.evidenceCount);
    for (const r of rels) {
      if (!this.model.has(r.other.key) || this.rejected(r)) continue;
      const [source, target] = r.direction === 'out' ? [key, r.other.key] : [r.other.key, key];
      this.model.addLink({ source, target, predicate: r.predicate, origin: 'graph' });
    }
    for (const v of this.ex.curation.addedFor(key)) {
      if (this.model.has(v.subject) && this.model.has(v.object)) {
        this.model.addLink({ source: v.subject, target: v.object, predicate: v.predicate, origin: 'graph' });
      }
    }
  }

  /** Concepts from a lasso, at most LASSO_MAX (the largest first): returns how many were added. */
  async addFromLasso(keys: readonly string[]): Promise<number> {
    const g = this.ex.graph;
    const ranked = [...keys]
      .filter((k) => g.hasNode(k))
      .sort((a, b) => g.getNodeAttribute(b, 'size') - g.getNodeAttribute(a, 'size'));
    if (ranked.length > LASSO_MAX) this.ex.announce(t('mapLassoCapped', { n: LASSO_MAX, total: ranked.length }));
    return this.addConcepts(ranked.slice(0, LASSO_MAX));
  }

  link(source: string, target: string, predicate: Predicate): boolean {
    return this.model.addLink({ source, target, predicate, origin: 'manual' });
  }

  arrange(name: LayoutName): void {
    const concepts = [...this.model.concepts.values()];
    if (!concepts.length) return;
    const positions = new Map(concepts.map((c) => [c.key, { x: c.x, y: c.y }]));
    const widths = new Map(concepts.map((c) => [c.key, conceptWidth(this.model.label(c.key, this.lang()))]));
    this.model.place(layout(name, positions, this.model.links, widths));
    this.canvas?.fit();
  }

  addNote(text: string): void {
    const centre = this.canvas?.centre() ?? { x: 0, y: 0 };
    const taken = [...this.model.concepts.values(), ...this.model.notes];
    const at = freeSpot(taken, { x: centre.x, y: centre.y + 80 });
    this.model.addNote(text, at.x, at.y);
  }

  // Saved views -----------------------------------------------------------------------------------------

  async refreshSaved(): Promise<void> {
    this.saved = await viewsApi.list();
    this.emitSaved();
  }

  /** Saves the map: a new view the first time, the same view after. Returns its id. */
  async save(): Promise<string> {
    const content = this.model.toContent(this.lang());
    const view = this.model.viewId ? await viewsApi.update(this.model.viewId, content) : await viewsApi.create(content);
    this.model.markSaved(view);
    this.ex.store.update({ view: view.id }, 'replace');
    await this.refreshSaved().catch(() => undefined);
    return view.id;
  }

  async rename(name: string): Promise<void> {
    this.model.rename(name);
    if (!this.model.viewId) return;
    const view = await viewsApi.update(this.model.viewId, { name: name.trim() });
    this.model.markSaved(view);
    await this.refreshSaved().catch(() => undefined);
  }

  async open(id: string): Promise<void> {
    const view = await viewsApi.get(id);
    const infos = await Promise.all(view.concepts.map((c) => this.conceptInfo(c.key)));
    const info = new Map<string, ConceptInfo>();
    view.concepts.forEach((c, i) => {
      const x = infos[i];
      if (x) info.set(c.key, x);
    });
    this.model.load(view, info);
    this.canvas?.fit();
    if (this.ex.state.view !== id) this.ex.store.update({ view: id }, 'replace');
  }

  async remove(): Promise<void> {
    const id = this.model.viewId;
    if (id) await viewsApi.remove(id);
    this.model.clear();
    this.ex.store.update({ view: null }, 'replace');
    await this.refreshSaved().catch(() => undefined);
  }

  startNew(): void {
    this.model.clear();
    this.ex.store.update({ view: null }, 'replace');
  }

  /** The link that opens this map: language, map mode and the view id, nothing else. */
  shareUrl(): string | null {
    const id = this.model.viewId;
    if (!id) return null;
    const state = { ...defaultState(this.lang()), mode: 'map' as const, view: id };
    return `${location.origin}${location.pathname}?${encodeState(state)}`;
  }
}
