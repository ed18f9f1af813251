/**
 * Node sizes by degree or by PageRank, scaled by square root to a fixed on-screen range so that hubs
 * stand out without covering their neighbours.
 */
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { LinkType } from '../app/domain';
import type { SizeBy } from '../app/view-state';
import type { DisplayGraph } from './display-graph';

export const MIN_NODE_SIZE = 4;
export const MAX_NODE_SIZE = 16;

/**
 * Degree or PageRank of every node, counting only edges whose link type is shown (hidden co-mentions
 * do not make a node look central).
 */
export function nodeScores(g: DisplayGraph, by: SizeBy, hiddenLinks: ReadonlySet<LinkType>): Map<string, number> {
  const scores = new Map<string, number>();
  g.forEachNode((k) => scores.set(k, 0));
  if (by === 'pagerank' && g.size > 0) {
    const shown = g.emptyCopy();
    g.forEachEdge((e, a, s, t) => {
      if (!hiddenLinks.has(a.link)) shown.addDirectedEdgeWithKey(e, s, t, a);
    });
    const pr = pagerank(shown, { getEdgeWeight: 'weight', maxIterations: 100, tolerance: 1e-6 });
    for (const [k, v] of Object.entries(pr)) scores.set(k, v);
  } else {
    g.forEachEdge((_e, a, s, t) => {
      if (hiddenLinks.has(a.link)) return;
      scores.set(s, (scores.get(s) ?? 0) + 1);
      scores.set(t, (scores.get(t) ?? 0) + 1);
    });
  }
  return scores;
}

/** Assigns `size` to every node. */
export function applyNodeSizes(g: DisplayGraph, by: SizeBy, hiddenLinks: readonly LinkType[] = []): void {
  const scores = nodeScores(g, by, new Set(hiddenLinks));
  let max = 0;
  for (const v of scores.values()) max = Math.max(max, v);
  const span = MAX_NODE_SIZE - MIN_NODE_SIZE;
  g.updateEachNodeAttributes(
    (k, a) => ({ ...a, size: MIN_NODE_SIZE + (max > 0 ? Math.sqrt((scores.get(k) ?? 0) / max) * span : 0) }),
    { attributes: ['size'] },
  );
}
