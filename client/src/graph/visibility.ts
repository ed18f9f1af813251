/**
 * Which nodes and edges the current filters show: hidden categories and link types, the chapter (its
 * concepts, as the API lists them, and the links among them),
 * the minimum evidence, the hedging filter and relations a reviewer rejected (unless asked for). Computed once per filter change (not per frame) and read
 * by the sigma reducers. Filters on edges never hide nodes; `forced` nodes (the selection, a path) stay
 * visible whatever the filters say.
 */
import type { ViewState } from '../app/view-state';
import type { DisplayGraph } from './display-graph';

export type FilterState = Pick<
  ViewState,
  'hiddenCategories' | 'hiddenLinks' | 'chapter' | 'minEvidence' | 'hedging' | 'showRejected'
>;

export interface Visibility {
  hiddenNodes: ReadonlySet<string>;
  hiddenEdges: ReadonlySet<string>;
  shownNodes: number;
  shownEdges: number;
}

export function computeVisibility(
  g: DisplayGraph,
  f: FilterState,
  forced: ReadonlySet<string> = new Set(),
  /** The chapter filter's concepts; null while they are being fetched (then the chapter hides nothing). */
  chapterConcepts: ReadonlySet<string> | null = null,
): Visibility {
  const inChapter = f.chapter === null ? null : chapterConcepts;
  const hiddenCats = new Set<string>(f.hiddenCategories);
  const hiddenLinks = new Set<string>(f.hiddenLinks);
  const hiddenNodes = new Set<string>();
  const hiddenEdges = new Set<string>();
  g.forEachNode((k, a) => {
    if (forced.has(k)) return;
    if (hiddenCats.has(a.category) || (inChapter && !inChapter.has(k))) hiddenNodes.add(k);
  });
  g.forEachEdge((k, a, s, t) => {
    const hide =
      hiddenNodes.has(s) ||
      hiddenNodes.has(t) ||
      hiddenLinks.has(a.link) ||
      a.evidenceCount < f.minEvidence ||
      (f.hedging === 'hedged' && !a.hedged) ||
      (f.hedging === 'asserted' && (a.hedged || a.link === 'co_mention')) ||
      (inChapter !== null && (!inChapter.has(s) || !inChapter.has(t))) ||
      (a.curation === 'rejected' && !f.showRejected);
    if (hide) hiddenEdges.add(k);
  });
  return {
    hiddenNodes,
    hiddenEdges,
    shownNodes: g.order - hiddenNodes.size,
    shownEdges: g.size - hiddenEdges.size,
  };
}

/** Counts of nodes per category and edges per link type in the whole graph (the legends show them). */
export function countBy(g: DisplayGraph): { categories: Map<string, number>; links: Map<string, number> } {
  const categories = new Map<string, number>();
  const links = new Map<string, number>();
  g.forEachNode((_k, a) => categories.set(a.category, (categories.get(a.category) ?? 0) + 1));
  g.forEachEdge((_k, a) => links.set(a.link, (links.get(a.link) ?? 0) + 1));
  return { categories, links };
}
