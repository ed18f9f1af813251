/**
 * Concept centrality on the concept–relation graph: PageRank (weighted by evidence, symmetric predicates
 * counted both ways since their direction carries no meaning) and degree (relation edges, in and out).
 * Computed once per graph; the other node and edge kinds play no part.
 */
import Graph from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { SYMMETRIC_PREDICATES, type Predicate } from '../../model/types';

export interface RelationEdge {
  source: string;
  target: string;
  predicate: Predicate;
  evidenceCount: number;
}

export interface ConceptMetrics {
  pagerank: Map<string, number>;
  degree: Map<string, number>;
}

export function conceptMetrics(concepts: readonly string[], relations: readonly RelationEdge[]): ConceptMetrics {
  const degree = new Map<string, number>(concepts.map((c) => [c, 0]));
  const g = new Graph<Record<string, never>, { weight: number }>({ type: 'directed', multi: false });
  for (const c of concepts) g.addNode(c);
  const link = (s: string, t: string, w: number) => {
    // Parallel relations (several predicates between one pair) add up into one weighted edge.
    if (g.hasEdge(s, t)) g.updateEdgeAttribute(s, t, 'weight', (x) => (x ?? 0) + w);
    else g.addEdge(s, t, { weight: w });
  };
  for (const r of relations) {
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
    degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
    const w = Math.max(1, r.evidenceCount);
    link(r.source, r.target, w);
    if (SYMMETRIC_PREDICATES.has(r.predicate)) link(r.target, r.source, w);
  }
  const ranks = new Map<string, number>();
  if (g.order > 0) {
    let scores: Record<string, number>;
    try {
      scores = pagerank(g, { getEdgeWeight: 'weight', maxIterations: 1000 });
    } catch {
      // Power iteration that does not converge is not worth failing a read for: fall back to uniform.
      scores = Object.fromEntries(concepts.map((c) => [c, 1 / g.order]));
    }
    for (const [k, v] of Object.entries(scores)) ranks.set(k, v);
  }
  return { pagerank: ranks, degree };
}
