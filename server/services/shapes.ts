/**
 * The compact forms of concepts and relations that API answers nest by the dozen or the thousand: a
 * concept mentioned in 2,000 chapters carries 2,000 document keys and a well-attested relation hundreds
 * of evidence keys, which would make one neighbourhood megabytes long. Nested concepts carry their
 * document count instead of the list (GET /api/concepts/:id has the list), graph edges the first few
 * evidence keys and the total. The full data stays one request away and in the exports.
 */
import type { SerializedGraph } from 'graphology-types';
import type { CuratedGraphExport, CurationMark } from '../curation/curation-service';
import type { CoMentionAttributes, ConceptAttributes, RelationAttributes } from '../model/types';
import type { Keyed } from '../store/graph-store';

/** A concept without its document list, with the list's length. */
export type ConceptSummary = Omit<ConceptAttributes, 'documents'> & { documentCount: number };

/** A relation marked with a reviewer's verdict, when it has one (see curation-service's overlay). */
export type MarkedRelation = RelationAttributes & { curation?: CurationMark };

/** A relation with at most a few evidence keys (and their cues) and the number of all of them. */
export type RelationEdge = MarkedRelation & { evidenceCount: number };
export type CoMentionEdge = CoMentionAttributes & { evidenceCount: number };

/** Evidence keys kept on an edge of a drawn graph. */
export const EDGE_EVIDENCE_KEYS = 5;

export interface GraphViewAttributes {
  name?: string;
  /** Relations between the concepts shown, before the edge limit. */
  edgeCount: number;
}

export type GraphView = SerializedGraph<ConceptSummary, RelationEdge, GraphViewAttributes>;

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

export function coMentionEdge(a: CoMentionAttributes): CoMentionEdge {
  return { ...a, evidence: a.evidence.slice(0, EDGE_EVIDENCE_KEYS), evidenceCount: a.evidence.length };
}

/**
 * A neighbourhood as drawn: compact concepts, and the `edgeLimit` best-attested relations between them
 * (most evidence first, then by key), the total kept in the graph's attributes.
 */
export function graphView(g: CuratedGraphExport, edgeLimit: number): GraphView {
  const relations: { key?: string; source: string; target: string; attributes: MarkedRelation }[] = [];
  for (const e of g.edges) {
    const a = e.attributes;
    if (a?.kind === 'relation') relations.push({ key: e.key, source: e.source, target: e.target, attributes: a });
  }
  let kept = relations;
  // Only a cut needs an order of its own; otherwise the store's order stands.
  if (relations.length > edgeLimit) {
    const evidence = relations.map((e) => e.attributes.evidence.length);
    const keys = relations.map((e) => e.key ?? '');
    const order = relations.map((_e, i) => i);
    order.sort((x, y) => evidence[y]! - evidence[x]! || (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : 0));
    kept = order.slice(0, edgeLimit).map((i) => relations[i]!);
  }
  return {
    attributes: { name: g.attributes.name, edgeCount: relations.length },
    options: g.options,
    nodes: g.nodes.flatMap((n) =>
      n.attributes?.kind === 'concept' ? [{ key: n.key, attributes: conceptSummary(n.attributes) }] : [],
    ),
    edges: kept.map((e) => ({
      key: e.key,
      source: e.source,
      target: e.target,
      attributes: relationEdge(e.attributes),
    })),
  };
}
