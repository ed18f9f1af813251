/**
 * The graph as a whole: an overview for drawing (concepts and the edges between them, with size, colour
 * and starting-position hints a sigma.js client can use as they are) and downloads in every export format.
 * Both take the same filters and read the store's filtered export, with reviewers' verdicts on it when
 * given a curation overlay: rejected relations left out unless asked for, confirmed ones marked, added ones
 * drawn between the concepts kept.
 */
import type { SerializedGraph } from 'graphology-types';
import type { CuratedGraphExport, CurationOverlay } from '../curation/curation-service';
import { exportFiles, type ExportFile, type ExportFormat } from '../export/formats';
import { UsageError } from '../errors';
import type { Category, Predicate } from '../model/types';
import type { GraphFilter, GraphStore } from '../store/graph-store';
import {
  coMentionEdge,
  conceptSummary,
  memberOfEdge,
  relationEdge,
  type CoMentionEdge,
  type ConceptSummary,
  type GraphViewAttributes,
  type MemberOfEdge,
  type RelationEdge,
} from './shapes';
import { StoreGate } from './store-gate';

/** One colour per category (Okabe–Ito, distinguishable with the common colour-vision deficiencies). */
export const CATEGORY_COLORS: Record<Category, string> = {
  Intervention: '#0072B2',
  Disorder: '#D55E00',
  Mechanism: '#009E73',
  Circuit: '#CC79A7',
  Molecule: '#E69F00',
  Biomarker: '#56B4E9',
  Concept: '#999999',
};

export const OVERVIEW_EDGE_KINDS = ['relation', 'co_mention', 'member_of'] as const;
export type OverviewEdgeKind = (typeof OVERVIEW_EDGE_KINDS)[number];

export interface NodeHints {
  size: number;
  color: string;
  x: number;
  y: number;
}

export interface EdgeHints {
  size: number;
  color: string;
}

export type OverviewGraph = SerializedGraph<ConceptSummary & NodeHints, OverviewEdge, GraphViewAttributes>;

type OverviewEdge = (RelationEdge | CoMentionEdge | MemberOfEdge) & EdgeHints;

/** Between relations (first) and co-mentions (last) when edges are ranked alike. */
const KIND_ORDER: Record<OverviewEdge['kind'], number> = { relation: 0, member_of: 1, co_mention: 2 };

export interface GraphQuery {
  categories?: Category[];
  documents?: string[];
  predicates?: Predicate[];
  minEvidence?: number;
  limit?: number;
  /** Keep relations a reviewer rejected, marked `curation: 'rejected'`. */
  showRejected?: boolean;
}

const byKey = (a: { key?: string }, b: { key?: string }) => ((a.key ?? '') < (b.key ?? '') ? -1 : 1);
const nodeSize = (mentions: number) => Math.round(Math.min(24, 2 + 3 * Math.log2(1 + mentions)) * 100) / 100;
const edgeSize = (evidence: number) => Math.round(Math.min(6, 0.5 + Math.log2(1 + evidence)) * 100) / 100;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export class OverviewService {
  private readonly gate: StoreGate;

  constructor(
    private readonly store: GraphStore,
    private readonly curation: CurationOverlay | null = null,
  ) {
    this.gate = new StoreGate(store);
  }

  private async filtered(q: GraphQuery): Promise<CuratedGraphExport> {
    const filter: GraphFilter = {
      categories: q.categories,
      documents: q.documents,
      predicates: q.predicates,
      minEvidence: q.minEvidence,
      limit: q.limit,
    };
    const data = await this.gate.run(() => this.store.exportGraph(filter));
    const { curation } = this;
    if (!curation) return data;
    const { showRejected, predicates, minEvidence } = q;
    return this.gate.run(() => curation.overlay(data, { showRejected, predicates, minEvidence }));
  }

  /**
   * Concepts that pass the filters (the `limit` most mentioned) and the edges between them: relations,
   * and co-mentions (weight ≥ minEvidence) and class memberships when asked for, the `edgeLimit` best
   * attested (most evidence, then relations, memberships, co-mentions, then by key). Nodes are laid out on a sunflower spiral, most
   * mentioned in the middle, as a starting point for a force layout.
   */
  async overview(q: GraphQuery & { edgeKinds: OverviewEdgeKind[]; edgeLimit: number }): Promise<OverviewGraph> {
    const data = await this.filtered(q);
    const kinds = new Set(q.edgeKinds);
    const concepts = data.nodes
      .flatMap((n) => (n.attributes?.kind === 'concept' ? [{ key: n.key, attributes: n.attributes }] : []))
      .sort((a, b) => b.attributes.mentionCount - a.attributes.mentionCount || byKey(a, b));
    const kept = new Set(concepts.map((c) => c.key));
    const nodes: OverviewGraph['nodes'] = concepts.map((c, i) => {
      const r = 10 * Math.sqrt(i);
      return {
        key: c.key,
        attributes: {
          ...conceptSummary(c.attributes),
          size: nodeSize(c.attributes.mentionCount),
          color: CATEGORY_COLORS[c.attributes.category],
          x: Math.round(r * Math.cos(i * GOLDEN_ANGLE) * 100) / 100,
          y: Math.round(r * Math.sin(i * GOLDEN_ANGLE) * 100) / 100,
        },
      };
    });
    type Ranked = { key?: string; source: string; target: string; attributes: OverviewEdge; rank: number };
    const edges: Ranked[] = [];
    for (const e of data.edges) {
      const a = e.attributes;
      if (!a || !kept.has(e.source) || !kept.has(e.target)) continue;
      const ends = { key: e.key, source: e.source, target: e.target };
      if (a.kind === 'relation' && kinds.has('relation')) {
        const color = a.hedged ? '#bbbbbb' : '#666666';
        const attributes = { ...relationEdge(a), size: edgeSize(a.evidence.length), color };
        edges.push({ ...ends, attributes, rank: a.evidence.length });
      } else if (a.kind === 'co_mention' && kinds.has('co_mention') && a.weight >= (q.minEvidence ?? 1)) {
        const attributes = { ...coMentionEdge(a), size: edgeSize(a.weight) / 2, color: '#dddddd' };
        edges.push({ ...ends, attributes, rank: a.weight });
      } else if (a.kind === 'member_of' && kinds.has('member_of')) {
        const attributes = { ...memberOfEdge(a), size: edgeSize(a.evidence.length) / 2, color: '#8a8f98' };
        edges.push({ ...ends, attributes, rank: a.evidence.length });
      }
    }
    edges.sort(
      (x, y) => y.rank - x.rank || KIND_ORDER[x.attributes.kind] - KIND_ORDER[y.attributes.kind] || byKey(x, y),
    );
    return {
      attributes: { name: 'overview', edgeCount: edges.length },
      // A relation and a co-mention, or several relations, may join the same two concepts.
      options: { type: 'directed', multi: true, allowSelfLoops: false },
      nodes,
      edges: edges.slice(0, q.edgeLimit).map(({ rank: _rank, ...e }) => e),
    };
  }

  /** The filtered graph in one format; `part` picks the nodes or edges file of the two-file formats. */
  async download(q: GraphQuery, format: ExportFormat, part?: 'nodes' | 'edges'): Promise<ExportFile> {
    const files = exportFiles(await this.filtered(q), format, 'textbook-graph');
    if (files.length === 1) {
      if (part !== undefined) throw new UsageError(`part: only for the kgx and csv formats, not ${format}`, 'part');
      return files[0]!;
    }
    if (part === undefined)
      throw new UsageError(`part: required for format ${format}, expected nodes or edges`, 'part');
    const file = files.find((f) => f.name.includes(`_${part}.`));
    // exportFiles names the two files *_nodes.* and *_edges.*, so one of them matches.
    return file!;
  }
}
