/**
 * The explorer's controller: loads the overview into the display graph, owns the renderer and the
 * layout, and turns view-state changes into graph changes (filters, sizes, labels, selection,
 * expansions, paths, highlights, reviewers' verdicts). Panels read from it and ask it to act; they never
 * touch sigma.
 */
import type { ConceptAttributes, Lang } from '../../../server/model/types';
import type { DocumentSummaryView } from '../../../server/services/explorer-service';
import type { OverviewEdgeKind } from '../../../server/services/overview-service';
import type { ConceptPath } from '../../../server/store/graph-store';
import type { Api } from '../api/api-client';
import {
  createDisplayGraph,
  edgeProgram,
  mergeExport,
  relabel,
  type DisplayGraph,
  type DrawableGraph,
  type MergeResult,
} from '../graph/display-graph';
import { GraphView, type Highlight } from '../graph/graph-view';
import { LayoutController, layoutSync } from '../graph/layout-controller';
import { applyNodeSizes } from '../graph/node-sizes';
import { LINK_COLORS } from '../graph/palette';
import { PositionStore, seededPosition } from '../graph/positions';
import { computeVisibility, type Visibility } from '../graph/visibility';
import { conceptLabel, setLang, t } from '../i18n/i18n';
import { CurationState } from '../curation/curation-state';
import { Emitter } from './emitter';
import type { HistoryMode, PathRequest, ViewState, ViewStore } from './view-state';

/**
 * Concepts the overview asks for (the API's maximum); expansions bring in the rest. index.html preloads
 * exactly this URL (OVERVIEW_URL), so keep the two in step.
 */
const OVERVIEW_LIMIT = 5000;
/** The overview's own cap (LIMITS.graphNodes): a chapter names far fewer concepts. */
const CHAPTER_CONCEPTS_LIMIT = 5000;

/** The edge kinds the overview asks for; index.html's preload names them in this order too. */
const OVERVIEW_EDGES: OverviewEdgeKind[] = ['relation', 'co_mention', 'member_of'];

/** Graphs up to this many nodes get a deterministic first layout (fixed FA2 iterations, synchronous). */
const SYNC_LAYOUT_MAX_NODES = 2500;

export interface PathResult {
  request: PathRequest;
  paths: ConceptPath[] | null;
  error: unknown;
  loading: boolean;
}

export interface ExplorerEvents extends Record<string, unknown> {
  graph: Visibility;
  layout: boolean;
  paths: PathResult | null;
  pathFocus: number | null;
  pathFrom: { key: string; label: string };
  ready: void;
}

/** What a key names, by its prefix. */
export const keyKind = (key: string): 'concept' | 'edge' | 'claim' | 'source' | 'other' => {
  if (key.startsWith('concept:')) return 'concept';
  if (key.startsWith('rel:') || key.startsWith('co:') || key.startsWith('member:')) return 'edge';
  if (key.startsWith('claim:')) return 'claim';
  if (key.startsWith('src:')) return 'source';
  return 'other';
};

export class Explorer {
  readonly graph: DisplayGraph = createDisplayGraph();
  readonly positions = new PositionStore();
  readonly events = new Emitter<ExplorerEvents>();
  view: GraphView | null = null;
  layout: LayoutController | null = null;
  documents: DocumentSummaryView[] = [];
  visibility: Visibility = { hiddenNodes: new Set(), hiddenEdges: new Set(), shownNodes: 0, shownEdges: 0 };
  pathResult: PathResult | null = null;
  pathFocus: number | null = null;
  loadMs = 0;
  readonly curation = new CurationState();
  /**
   * Sees a click on a graph node before it selects the node (the map builder adds it to the map); it
   * returns true when it has handled the click entirely.
   */
  onPick: ((key: string) => boolean) | null = null;

  private base = new Set<string>();
  private baseEdges = new Set<string>();
  private expansions = new Map<string, MergeResult>();
  private claimHighlight: Highlight | null = null;
  /** The concepts of the chapter the filter names (fetched when it is set; graph answers carry no chapter lists). */
  private chapterConcepts: { chapter: string; keys: Set<string> | null } | null = null;
  private pathController: AbortController | null = null;
  private claimController: AbortController | null = null;

  constructor(
    readonly store: ViewStore,
    readonly api: Api,
    readonly announce: (message: string) => void,
  ) {
    store.subscribe((state, _prev, changed, mode) => void this.onState(state, changed, mode));
    this.curation.subscribe(() => {
      if (this.view) this.afterGraphChange();
    });
  }

  get state(): ViewState {
    return this.store.state;
  }

  documentTitle(key: string): string {
    return this.documents.find((d) => d.document.key === key)?.document.title ?? key.replace(/^doc:/, '');
  }

  /** A concept's label in the current language, from the graph when it is there. */
  conceptName(key: string, fallback?: Pick<ConceptAttributes, 'label' | 'labels'>): string {
    if (this.graph.hasNode(key)) return this.graph.getNodeAttribute(key, 'label');
    if (fallback) return conceptLabel(fallback, this.state.lang);
    return key.replace(/^concept:/, '');
  }

  /** Loads the overview and the documents, builds the renderer in `container` and applies the state. */
  async load(container: HTMLElement): Promise<void> {
    const t0 = performance.now();
    const [overview, documents] = await Promise.all([
      this.api.overview({ limit: OVERVIEW_LIMIT, edges: OVERVIEW_EDGES }),
      this.api.documents().catch(() => [] as DocumentSummaryView[]),
    ]);
    this.documents = documents;
    const needLayout = this.addToGraph(overview, true);
    this.applyVerdicts();
    applyNodeSizes(this.graph, this.state.sizeBy, this.state.hiddenLinks);
    if (needLayout > 0) await this.initialLayout();
    this.updateVisibility(false);
    this.view = new GraphView(
      container,
      this.graph,
      {
        onSelect: (key) => {
          if (key && keyKind(key) === 'concept' && this.onPick?.(key)) return;
          this.select(key);
        },
        onCamera: (camera) => this.store.update({ camera }, 'replace'),
        onFirstRender: (ms) => {
          this.loadMs = ms;
          document.documentElement.dataset.graphRendered = String(Math.round(ms));
          window.dispatchEvent(new CustomEvent('graph:rendered', { detail: { ms, sinceLoad: ms - t0 } }));
        },
      },
      this.visibility,
    );
    this.layout = new LayoutController(this.graph, this.positions);
    this.layout.onChange((running) => this.events.emit('layout', running));
    if (this.state.camera) this.view.setCamera(this.state.camera);
    await this.syncExpansions(this.state.expanded);
    await this.applySelection(this.state.selected);
    if (this.state.path) void this.loadPaths(this.state.path, !this.state.camera);
    if (needLayout > 0 && this.graph.order > SYNC_LAYOUT_MAX_NODES) this.layout.runFor(6000);
    document.documentElement.dataset.graphReady = 'true';
    this.events.emit('ready', undefined);
  }

  /**
   * Brings in the rejected relations when the API leaves them out of its answers (its curation overlay,
   * when it has one, takes `showRejected`); otherwise they are in the graph already, only hidden.
   */
  private async loadRejected(): Promise<void> {
    if (!(await this.api.supportsParam('/api/graph', 'showRejected'))) return;
    try {
      const overview = await this.api.overview({
        limit: OVERVIEW_LIMIT,
        edges: OVERVIEW_EDGES,
        showRejected: true,
      });
      this.addToGraph(overview, true);
      this.afterGraphChange();
    } catch (e) {
      this.announce(`${t('errorPrefix')}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * `showRejected` for a request to `path`: true when the reader asked for rejected relations and the API
   * takes the parameter (its curation overlay then leaves them out unless asked).
   */
  private async rejectedParam(path: string): Promise<true | undefined> {
    return this.state.showRejected && (await this.api.supportsParam(path, 'showRejected')) ? true : undefined;
  }

  /** Adds an export's concepts and links; returns how many nodes had no saved position. */
  private addToGraph(exp: DrawableGraph, base: boolean, near?: string): number {
    let unplaced = 0;
    const anchor = near && this.graph.hasNode(near) ? this.graph.getNodeAttributes(near) : null;
    const added = mergeExport(this.graph, exp, this.state.lang, (key, a) => {
      const saved = this.positions.get(key);
      if (saved) return saved;
      unplaced++;
      const seeded = seededPosition(key, a.category);
      if (anchor) return { x: anchor.x + seeded.x / 20, y: anchor.y + seeded.y / 20 };
      return seeded;
    });
    if (base) {
      for (const k of added.nodes) this.base.add(k);
      for (const k of added.edges) this.baseEdges.add(k);
    }
    this.lastMerge = added;
    return unplaced;
  }

  private lastMerge: MergeResult = { nodes: [], edges: [] };

  /** Deterministic first layout for small graphs, so a shared link shows the same picture. */
  private async initialLayout(): Promise<void> {
    if (this.graph.order === 0 || this.graph.order > SYNC_LAYOUT_MAX_NODES) return;
    const iterations = Math.max(60, Math.min(400, Math.round(200_000 / Math.max(1, this.graph.order))));
    await layoutSync(this.graph, iterations);
    this.positions.save(this.graph);
  }

  /** Selects a key (node, edge, claim, source) and records it in history; `focus` moves the camera to it. */
  select(key: string | null, opts: { focus?: boolean; mode?: HistoryMode } = {}): void {
    this.store.update({ selected: key }, opts.mode ?? 'push');
    if (key && opts.focus && keyKind(key) === 'concept') void this.focusWhenPresent(key);
  }

  private async focusWhenPresent(key: string): Promise<void> {
    await this.ensureConcept(key);
    this.view?.focusNode(key);
  }

  /** Makes sure a concept is in the graph, bringing in its neighbourhood if it is not. */
  async ensureConcept(key: string): Promise<boolean> {
    if (this.graph.hasNode(key)) return true;
    try {
      const showRejected = await this.rejectedParam('/api/concepts/{id}/neighborhood');
      const nb = await this.api.neighborhood(key, { depth: 1, showRejected });
      this.addToGraph(nb, false);
      this.afterGraphChange();
    } catch {
      return false;
    }
    return this.graph.hasNode(key);
  }

  private async onState(state: ViewState, changed: ReadonlySet<keyof ViewState>, mode: HistoryMode): Promise<void> {
    if (!this.view) {
      if (changed.has('lang')) setLang(state.lang);
      return;
    }
    if (changed.has('lang')) {
      setLang(state.lang);
      relabel(this.graph, state.lang);
      this.view.scheduleRefresh();
    }
    if (changed.has('sizeBy') || changed.has('hiddenLinks')) {
      applyNodeSizes(this.graph, state.sizeBy, state.hiddenLinks);
      this.view.scheduleRefresh();
    }
    if (
      ['hiddenCategories', 'hiddenLinks', 'chapter', 'minEvidence', 'hedging', 'showRejected'].some((k) =>
        changed.has(k as keyof ViewState),
      )
    ) {
      this.updateVisibility();
    }
    if (changed.has('showRejected') && state.showRejected) await this.loadRejected();
    if (changed.has('expanded')) await this.syncExpansions(state.expanded);
    if (changed.has('selected')) await this.applySelection(state.selected);
    if (changed.has('path')) {
      if (state.path) void this.loadPaths(state.path, mode !== 'none');
      else this.clearPaths();
    }
    if (mode === 'none' && changed.has('camera') && state.camera) this.view.setCamera(state.camera, true);
  }

  private forcedNodes(): Set<string> {
    const forced = new Set<string>();
    const sel = this.state.selected;
    if (sel && this.graph.hasNode(sel)) forced.add(sel);
    for (const p of this.pathResult?.paths ?? []) for (const n of p.nodes) forced.add(n.key);
    for (const n of this.claimHighlight?.nodes ?? []) forced.add(n);
    return forced;
  }

  updateVisibility(refresh = true): void {
    const chapter = this.state.chapter;
    if (chapter !== null && this.chapterConcepts?.chapter !== chapter) void this.loadChapterConcepts(chapter);
    const keys = chapter !== null && this.chapterConcepts?.chapter === chapter ? this.chapterConcepts.keys : null;
    this.visibility = computeVisibility(this.graph, this.state, this.forcedNodes(), keys);
    if (refresh) this.view?.setVisibility(this.visibility);
    this.events.emit('graph', this.visibility);
  }

  /** Fetches the chapter's concepts (the overview filtered to it), then shows the filter's effect. */
  private async loadChapterConcepts(chapter: string): Promise<void> {
    this.chapterConcepts = { chapter, keys: null };
    try {
      const exp = await this.api.overview({ documents: [chapter], limit: CHAPTER_CONCEPTS_LIMIT });
      if (this.chapterConcepts?.chapter !== chapter) return;
      const keys = new Set(exp.nodes.filter((n) => n.attributes?.kind === 'concept').map((n) => n.key));
      this.chapterConcepts = { chapter, keys };
      this.updateVisibility();
    } catch {
      // Asked again the next time the filters are applied.
      if (this.chapterConcepts?.chapter === chapter) this.chapterConcepts = null;
    }
  }

  private afterGraphChange(): void {
    this.applyVerdicts();
    applyNodeSizes(this.graph, this.state.sizeBy, this.state.hiddenLinks);
    this.updateVisibility();
  }

  /**
   * Shows the verdicts the client knows on the drawn relations: marks confirmed and rejected ones (the
   * filters hide rejected ones unless asked), draws added ones between concepts the graph holds, and
   * drops added ones that were taken back. A mark the API's own overlay put there stays unless the
   * verdict list says otherwise.
   */
  applyVerdicts(): void {
    const known = this.curation.availability === 'available';
    this.graph.forEachEdge((key, a) => {
      if (a.link === 'co_mention' || a.link === 'member_of') return;
      const mark = this.curation.mark(key);
      if (mark === a.curation || (mark === undefined && !known)) return;
      if (mark === undefined && a.curation === 'added') this.graph.dropEdge(key);
      else if (mark === undefined) this.graph.removeEdgeAttribute(key, 'curation');
      else this.graph.setEdgeAttribute(key, 'curation', mark);
    });
    for (const v of this.curation.all()) {
      if (v.verdict !== 'added' || this.graph.hasEdge(v.relation)) continue;
      if (!this.graph.hasNode(v.subject) || !this.graph.hasNode(v.object) || v.subject === v.object) continue;
      this.graph.addDirectedEdgeWithKey(v.relation, v.subject, v.object, {
        link: v.predicate,
        evidence: [v.evidence.claim],
        evidenceCount: 1,
        hedged: false,
        negated: false,
        confidence: 1,
        weight: 1,
        size: 2,
        color: LINK_COLORS[v.predicate],
        type: edgeProgram(v.predicate, false),
        curation: 'added',
      });
    }
  }

  private async applySelection(key: string | null): Promise<void> {
    const kind = key ? keyKind(key) : null;
    if (key && kind === 'concept') await this.ensureConcept(key);
    this.view?.setSelected(key && (this.graph.hasNode(key) || this.graph.hasEdge(key)) ? key : null);
    if (kind === 'claim' && key) void this.loadClaimHighlight(key);
    else this.setClaimHighlight(null);
  }

  private async loadClaimHighlight(key: string): Promise<void> {
    this.claimController?.abort();
    const controller = new AbortController();
    this.claimController = controller;
    try {
      const detail = await this.api.claim(key, controller.signal);
      if (controller.signal.aborted) return;
      for (const c of detail.concepts) await this.ensureConcept(c.key);
      const nodes = new Set(detail.concepts.map((c) => c.key).filter((k) => this.graph.hasNode(k)));
      const edges = new Set(detail.relations.map((r) => r.key).filter((k) => this.graph.hasEdge(k)));
      this.setClaimHighlight(nodes.size ? { nodes, edges } : null);
      if (nodes.size) {
        this.announce(t('claimHighlight', { n: nodes.size }));
        this.view?.fitNodes(nodes);
      }
    } catch {
      // The claim panel reports the failure; the graph simply shows no highlight.
    }
  }

  private setClaimHighlight(h: Highlight | null): void {
    this.claimController?.abort();
    this.claimHighlight = h;
    this.updateVisibility();
    this.applyHighlight();
  }

  private applyHighlight(): void {
    if (!this.view) return;
    if (this.claimHighlight) return this.view.setHighlight(this.claimHighlight);
    const paths = this.pathResult?.paths;
    if (paths && paths.length) {
      const chosen = this.pathFocus !== null && paths[this.pathFocus] ? [paths[this.pathFocus]!] : paths;
      const nodes = new Set<string>();
      const edges = new Set<string>();
      for (const p of chosen) {
        for (const n of p.nodes) nodes.add(n.key);
        for (const hop of p.hops) edges.add(hop.relation);
      }
      return this.view.setHighlight({ nodes, edges });
    }
    this.view.setHighlight(null);
  }

  /** Highlights one path of the current result (null: all of them). */
  focusPath(index: number | null): void {
    this.pathFocus = index;
    this.applyHighlight();
    this.events.emit('pathFocus', index);
    const paths = this.pathResult?.paths ?? [];
    const chosen = index !== null && paths[index] ? [paths[index]!] : paths;
    this.view?.fitNodes(chosen.flatMap((p) => p.nodes.map((n) => n.key)));
  }

  private clearPaths(): void {
    this.pathController?.abort();
    this.pathResult = null;
    this.pathFocus = null;
    this.events.emit('paths', null);
    this.updateVisibility();
    this.applyHighlight();
  }

  /** Fetches and highlights paths; `fit` frames them (not when the camera comes from a link or history). */
  private async loadPaths(request: PathRequest, fit: boolean): Promise<void> {
    this.pathController?.abort();
    const controller = new AbortController();
    this.pathController = controller;
    this.pathFocus = null;
    this.pathResult = { request, paths: null, error: null, loading: true };
    this.events.emit('paths', this.pathResult);
    try {
      const showRejected = await this.rejectedParam('/api/paths');
      const paths = await this.api.paths({ ...request, showRejected }, controller.signal);
      if (controller.signal.aborted) return;
      this.addPathsToGraph(paths);
      this.pathResult = { request, paths, error: null, loading: false };
      this.announce(paths.length ? t('pathsFound', { n: paths.length }) : t('pathsNone', { n: request.maxLength }));
    } catch (error) {
      if (controller.signal.aborted) return;
      this.pathResult = { request, paths: null, error, loading: false };
    }
    this.events.emit('paths', this.pathResult);
    this.updateVisibility();
    this.applyHighlight();
    const keys = (this.pathResult.paths ?? []).flatMap((p) => p.nodes.map((n) => n.key));
    if (keys.length && fit) this.view?.fitNodes(keys);
  }

  /** Adds the nodes and hops of paths the graph does not show yet. */
  private addPathsToGraph(paths: ConceptPath[]): void {
    let changed = false;
    for (const p of paths) {
      for (const n of p.nodes) {
        if (this.graph.hasNode(n.key)) continue;
        const exp: DrawableGraph = { nodes: [{ key: n.key, attributes: n }], edges: [] };
        this.addToGraph(exp, false, p.nodes[0]?.key);
        changed = true;
      }
      for (const hop of p.hops) {
        if (this.graph.hasEdge(hop.relation) || !this.graph.hasNode(hop.from) || !this.graph.hasNode(hop.to)) continue;
        const evidence = hop.evidence.map((e) => e.claim.key);
        const hedged = hop.evidence.length > 0 && hop.evidence.every((e) => e.claim.hedged);
        this.graph.addDirectedEdgeWithKey(hop.relation, hop.from, hop.to, {
          link: hop.predicate,
          evidence,
          evidenceCount: hop.evidenceCount ?? evidence.length,
          hedged,
          negated: false,
          confidence: 1,
          weight: 1,
          size: 1.5,
          color: LINK_COLORS[hop.predicate],
          type: edgeProgram(hop.predicate, hedged),
        });
        changed = true;
      }
    }
    if (changed) applyNodeSizes(this.graph, this.state.sizeBy, this.state.hiddenLinks);
  }

  /** Expands or collapses neighbourhoods to match the state's list. */
  private async syncExpansions(wanted: readonly string[]): Promise<void> {
    const want = new Set(wanted);
    for (const key of [...this.expansions.keys()]) if (!want.has(key)) this.collapse(key);
    for (const key of wanted) {
      if (this.expansions.has(key)) continue;
      try {
        const showRejected = await this.rejectedParam('/api/concepts/{id}/neighborhood');
        const nb = await this.api.neighborhood(key, { depth: 1, showRejected });
        this.addToGraph(nb, false, key);
        this.expansions.set(key, this.lastMerge);
        this.announce(
          this.lastMerge.nodes.length ? t('expandedAdded', { n: this.lastMerge.nodes.length }) : t('expandedNone'),
        );
      } catch (e) {
        this.announce(`${t('errorPrefix')}: ${e instanceof Error ? e.message : String(e)}`);
        this.expansions.set(key, { nodes: [], edges: [] });
      }
    }
    this.afterGraphChange();
  }

  private collapse(key: string): void {
    const added = this.expansions.get(key);
    this.expansions.delete(key);
    if (!added) return;
    const keep = new Set<string>(this.base);
    for (const other of this.expansions.values()) for (const n of other.nodes) keep.add(n);
    const sel = this.state.selected;
    if (sel) keep.add(sel);
    for (const p of this.pathResult?.paths ?? []) for (const n of p.nodes) keep.add(n.key);
    for (const n of added.nodes) if (!keep.has(n) && this.graph.hasNode(n)) this.graph.dropNode(n);
    const keepEdges = new Set<string>(this.baseEdges);
    for (const other of this.expansions.values()) for (const e of other.edges) keepEdges.add(e);
    for (const e of added.edges) if (!keepEdges.has(e) && this.graph.hasEdge(e)) this.graph.dropEdge(e);
  }

  isExpanded(key: string): boolean {
    return this.state.expanded.includes(key);
  }

  toggleExpanded(key: string): void {
    const expanded = this.isExpanded(key)
      ? this.state.expanded.filter((k) => k !== key)
      : [...this.state.expanded, key];
    this.store.update({ expanded });
  }

  setLang(lang: Lang): void {
    this.store.update({ lang });
  }
}
