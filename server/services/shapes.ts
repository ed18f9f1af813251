/**
 * The compact forms of concepts and relations that API answers nest by the dozen or the thousand: a
 * concept mentioned in 2,000 chapters carries 2,000 document keys and a well-attested relation hundreds
 * of evidence keys, which would make one neighbourhood megabytes long. Nested concepts carry their
 * document count instead of the list (GET /api/concepts/:id has the list); a neighbourhood's relations
 * carry the number of their evidence sentences and no keys (GET /api/relations/:id has them), the
 * overview's the first few keys and the total. The full data stays one request away and in the exports.
 */
import type { SerializedGraph } from 'graphology-types';
import type { CuratedGraphExport, CurationMark } from '../curation/curation-service';
import type { CoMentionAttributes, ConceptAttributes, MemberOfAttributes, RelationAttributes } from '../model/types';
import type { Keyed } from '../store/graph-store';

/** A concept without its document list, with the list's length. */
export type ConceptSummary = Omit<ConceptAttributes, 'documents'> & { documentCount: number };

/** A relation marked with a reviewer's verdict, when it has one (see curation-service's overlay). */
export type MarkedRelation = RelationAttributes & { curation?: CurationMark };

/** A relation with at most a few evidence keys (and their cues) and the number of all of them. */
export type RelationEdge = MarkedRelation & { evidenceCount: number };
export type CoMentionEdge = CoMentionAttributes & { evidenceCount: number };
/** A class membership with at most a few evidence keys (and their cues) and the number of all of them. */
export type MemberOfEdge = MemberOfAttributes & { evidenceCount: number };

/**
 * A relation as a drawn neighbourhood carries it: what drawing and filtering need, the number of its
 * evidence sentences and not their keys (nor the cues), which were most of a neighbourhood's bytes.
 */
export type GraphRelation = Omit<MarkedRelation, 'evidence' | 'cues'> & { evidenceCount: number };

/** A relation whole, with its ends: every evidence key and cue (GET /api/relations/:id). */
export type RelationView = MarkedRelation & { key: string; source: string; target: string; evidenceCount: number };

/** Evidence keys kept on an edge of a drawn graph. */
export const EDGE_EVIDENCE_KEYS = 5;

export interface GraphViewAttributes {
  name?: string;
  /** Relations between the concepts shown, before the edge limit. */
  edgeCount: number;
}

export type GraphView = SerializedGraph<ConceptSummary, GraphRelation, GraphViewAttributes>;

export function conceptSummary(a: ConceptAttributes): ConceptSummary {
  const { documents, ...rest } = a;
  return { ...rest, documentCount: documents.length };
}

export const keyedConceptSummary = (c: Keyed<ConceptAttributes>): Keyed<ConceptSummary> => {
  const { key, ...a } = c;
  return { key, ...conceptSummary(a) };
};

export function relationEdge(a: MarkedRelation): RelationEdge {
  return {
    ...a,
    evidence: a.evidence.slice(0, EDGE_EVIDENCE_KEYS),
    cues: a.cues.slice(0, EDGE_EVIDENCE_KEYS),
    evidenceCount: a.evidence.length,
  };
}

export function graphRelation(a: MarkedRelation): GraphRelation {
  const r: GraphRelation = {
    kind: 'relation',
    predicate: a.predicate,
    confidence: a.confidence,
    hedged: a.hedged,
    negated: a.negated,
    evidenceCount: a.evidence.length,
  };
  if (a.curation !== undefined) r.curation = a.curation;
  return r;
}

export function coMentionEdge(a: CoMentionAttributes): CoMentionEdge {
  return { ...a, evidence: a.evidence.slice(0, EDGE_EVIDENCE_KEYS), evidenceCount: a.evidence.length };
}

export function memberOfEdge(a: MemberOfAttributes): MemberOfEdge {
  return {
    ...a,
    evidence: a.evidence.slice(0, EDGE_EVIDENCE_KEYS),
    cues: a.cues.slice(0, EDGE_EVIDENCE_KEYS),
    evidenceCount: a.evidence.length,
  };
}

/**
 * A neighbourhood as drawn: compact concepts, and the `edgeLimit` best-attested relations between them
 * (most evidence first, then by key) without their evidence keys, the total kept in the graph's attributes.
 */
export function graphView(g: CuratedGraphExport, edgeLimit: number): GraphView {
  type Relation = { key?: string; source: string; target: string; attributes: MarkedRelation };
  const relations: Relation[] = [];
  for (const e of g.edges) {
    if (e.attributes?.kind === 'relation') relations.push(e as Relation);
  }
  // Only a cut needs an order of its own; otherwise the store's order stands.
  const kept = relations.length > edgeLimit ? bestAttested(relations, edgeLimit) : relations;
  const nodes: GraphView['nodes'] = [];
  for (const n of g.nodes) {
    if (n.attributes?.kind === 'concept') nodes.push({ key: n.key, attributes: conceptSummary(n.attributes) });
  }
  return {
    attributes: { name: g.attributes.name, edgeCount: relations.length },
    options: g.options,
    nodes,
    edges: kept.map((e) => ({
      key: e.key,
      source: e.source,
      target: e.target,
      attributes: graphRelation(e.attributes),
    })),
  };
}

const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The `limit` relations with most evidence, then by key, in that order. A neighbourhood of hubs holds
 * thousands of relations to cut to a few hundred: a threshold on the evidence count (a numeric sort)
 * keeps everything above it, and only the relations at the threshold are compared by key, through a
 * bounded heap that keeps the smallest keys, so that few string comparisons are made.
 */
function bestAttested<E extends { key?: string; attributes: RelationAttributes }>(edges: E[], limit: number): E[] {
  const evidence = new Int32Array(edges.length);
  for (let i = 0; i < edges.length; i++) evidence[i] = edges[i]!.attributes.evidence.length;
  // The limit-th largest count: all above it are kept; of those equal to it, the smallest keys.
  const threshold = evidence.slice().sort()[edges.length - limit]!;
  const above: number[] = [];
  const ties: number[] = [];
  for (let i = 0; i < edges.length; i++) {
    if (evidence[i]! > threshold) above.push(i);
    else if (evidence[i] === threshold) ties.push(i);
  }
  const key = (i: number) => edges[i]!.key ?? '';
  const chosen = above.concat(smallest(ties, limit - above.length, (x, y) => compareKeys(key(x), key(y))));
  chosen.sort((x, y) => evidence[y]! - evidence[x]! || compareKeys(key(x), key(y)));
  return chosen.map((i) => edges[i]!);
}

/** The `m` smallest items in `cmp` order (unordered), with a max-heap of `m` items. */
function smallest<T>(items: readonly T[], m: number, cmp: (a: T, b: T) => number): T[] {
  if (items.length <= m) return [...items];
  const heap: T[] = [];
  const down = (from: number) => {
    for (let i = from; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && cmp(heap[l]!, heap[top]!) > 0) top = l;
      if (r < heap.length && cmp(heap[r]!, heap[top]!) > 0) top = r;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top]!, heap[i]!];
      i = top;
    }
  };
  for (const x of items) {
    if (heap.length < m) {
      heap.push(x);
      // Sift up.
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (cmp(heap[i]!, heap[p]!) <= 0) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (m > 0 && cmp(x, heap[0]!) < 0) {
      heap[0] = x;
      down(0);
    }
  }
  return heap;
}
