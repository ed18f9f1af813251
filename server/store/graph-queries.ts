/**
 * Read queries over a merged graphology graph: the embedded store's implementation of the read side of
 * the store contract. The Neo4j store answers the same questions in Cypher.
 */
import type { ChapterGraph } from '../build/chapter-graph';
import { createGraph } from '../build/chapter-graph';
import {
  CATEGORIES,
  PREDICATES,
  type Category,
  type ConceptAttributes,
  type GraphExport,
  type NodeAttributes,
  type Predicate,
} from '../model/types';
import type { GraphFilter, StoreStats } from './graph-store';

export class GraphQueries {
  private graph: ChapterGraph | null = createGraph();
  private build: (() => ChapterGraph) | null = null;

  /** The merged graph, built on first use after a change (an ingest-only process never builds it). */
  protected get g(): ChapterGraph {
    if (!this.graph) this.setGraph(this.build!());
    return this.graph!;
  }

  /** Installs a new merged graph; indexes derived from it belong here. */
  protected setGraph(g: ChapterGraph): void {
    this.graph = g;
    this.build = null;
  }

  /** Defers building the merged graph until a read needs it. */
  protected setGraphBuilder(build: () => ChapterGraph): void {
    this.graph = null;
    this.build = build;
  }

  protected computeStats(): StoreStats {
    const nodes: StoreStats['nodes'] = { document: 0, section: 0, claim: 0, source: 0, concept: 0 };
    const edges: StoreStats['edges'] = {
      cites: 0,
      mentions: 0,
      relation: 0,
      in_section: 0,
      section_of: 0,
      co_mention: 0,
    };
    const conceptsByCategory: StoreStats['conceptsByCategory'] = {};
    const relationsByPredicate: StoreStats['relationsByPredicate'] = {};
    const perDoc = new Map<string, { claims: number; cited: number }>();
    this.g.forEachNode((_k, a) => {
      nodes[a.kind]++;
      if (a.kind === 'concept') conceptsByCategory[a.category] = (conceptsByCategory[a.category] ?? 0) + 1;
      if (a.kind === 'claim') {
        const d = perDoc.get(a.document) ?? { claims: 0, cited: 0 };
        d.claims++;
        if (a.citations.length) d.cited++;
        perDoc.set(a.document, d);
      }
    });
    this.g.forEachEdge((_k, a) => {
      edges[a.kind]++;
      if (a.kind === 'relation') relationsByPredicate[a.predicate] = (relationsByPredicate[a.predicate] ?? 0) + 1;
    });
    const documents: StoreStats['documents'] = [];
    this.g.forEachNode((k, a) => {
      if (a.kind !== 'document') return;
      const d = perDoc.get(k) ?? { claims: 0, cited: 0 };
      documents.push({ id: k, title: a.title, ...d });
    });
    documents.sort((a, b) => a.id.localeCompare(b.id));
    return { nodes, edges, conceptsByCategory, relationsByPredicate, documents };
  }

  /** The graph, or the part of it that passes a filter (concepts and relations filtered; text kept). */
  protected exportFiltered(filter?: GraphFilter): GraphExport {
    if (!filter || Object.values(filter).every((v) => v === undefined)) return this.g.export() as GraphExport;
    const cats = filter.categories ? new Set<Category>(filter.categories) : null;
    const preds = filter.predicates ? new Set<Predicate>(filter.predicates) : null;
    const docs = filter.documents
      ? new Set(filter.documents.map((d) => (d.startsWith('doc:') ? d : `doc:${d}`)))
      : null;
    const keepNode = (k: string, a: NodeAttributes): boolean => {
      switch (a.kind) {
        case 'concept':
          return (!cats || cats.has(a.category)) && (!docs || a.documents.some((d) => docs.has(d)));
        case 'document':
          return !docs || docs.has(k);
        case 'section':
        case 'claim':
          return !docs || docs.has(a.document);
        case 'source':
          return true;
      }
    };
    let concepts = this.g.filterNodes((k, a) => a.kind === 'concept' && keepNode(k, a));
    if (filter.limit !== undefined && concepts.length > filter.limit) {
      concepts = concepts.sort((x, y) => this.mentionCount(y) - this.mentionCount(x)).slice(0, filter.limit);
    }
    const keep = new Set(concepts);
    this.g.forEachNode((k, a) => {
      if (a.kind !== 'concept' && keepNode(k, a)) keep.add(k);
    });
    const out = createGraph();
    for (const k of keep) out.addNode(k, this.g.getNodeAttributes(k));
    this.g.forEachEdge((k, a, s, t) => {
      if (!keep.has(s) || !keep.has(t)) return;
      if (a.kind === 'relation') {
        if (preds && !preds.has(a.predicate)) return;
        if (filter.minEvidence !== undefined && a.evidence.length < filter.minEvidence) return;
        if (filter.hedged !== undefined && a.hedged !== filter.hedged) return;
      }
      out.addEdgeWithKey(k, s, t, a);
    });
    // Sources nobody kept cites are left out.
    out.forEachNode((k, a) => {
      if (a.kind === 'source' && out.degree(k) === 0) out.dropNode(k);
    });
    return out.export() as GraphExport;
  }

  private mentionCount(key: string): number {
    const a = this.g.getNodeAttributes(key);
    return a.kind === 'concept' ? a.mentionCount : 0;
  }

  protected conceptAttributes(key: string): ConceptAttributes | null {
    if (!this.g.hasNode(key)) return null;
    const a = this.g.getNodeAttributes(key);
    return a.kind === 'concept' ? a : null;
  }
}

export const KNOWN_CATEGORIES = new Set<string>(CATEGORIES);
export const KNOWN_PREDICATES = new Set<string>(PREDICATES);
