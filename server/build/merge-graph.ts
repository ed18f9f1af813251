/**
 * The whole graph from chapter fragments: nodes and edges seen in several chapters merge by the rules of
 * `model/merge.ts`, and sources get their problem's text when an appendix gave it.
 */
import type { GraphExport } from '../model/types';
import type { KnownProblem } from '../store/graph-store';
import { createGraph, upsertEdge, upsertNode, type ChapterGraph } from './chapter-graph';
import { nodeKey } from '../model/types';

export function addFragment(g: ChapterGraph, fragment: GraphExport): void {
  for (const n of fragment.nodes) upsertNode(g, n.key, n.attributes!);
  for (const e of fragment.edges) upsertEdge(g, e.key!, e.source, e.target, e.attributes!);
}

export function applyProblems(g: ChapterGraph, problems: Iterable<KnownProblem>): void {
  for (const p of problems) {
    const key = nodeKey.source(p.problemId);
    if (g.hasNode(key)) g.mergeNodeAttributes(key, { problem: p.problem, origin: p.origin });
  }
}

export function mergeFragments(fragments: Iterable<GraphExport>, problems: Iterable<KnownProblem> = []): ChapterGraph {
  const g = createGraph();
  for (const f of fragments) addFragment(g, f);
  applyProblems(g, problems);
  return g;
}
