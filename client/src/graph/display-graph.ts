/**
 * The graph the explorer draws: concepts as nodes, relations and co-mentions as edges, with the display
 * attributes sigma reads (position, size, colour, label, program type). It is built from the API's
 * graphology serialisations (overview and neighbourhoods); everything else in an export (documents,
 * sections, claims, sources) is left out of the drawing and fetched when a panel needs it.
 */
import Graph from 'graphology';
import type {
  Category,
  CoMentionAttributes,
  ConceptAttributes,
  EdgeAttributes,
  Lang,
  MemberOfAttributes,
  NodeAttributes,
  RelationAttributes,
} from '../../../server/model/types';
import type { VerdictKind } from '../../../server/curation/types';
import type {
  CoMentionEdge,
  ConceptSummary,
  GraphRelation,
  MemberOfEdge,
  RelationEdge,
} from '../../../server/services/shapes';
import { SYMMETRIC, type LinkType } from '../app/domain';
import { conceptLabel } from '../i18n/i18n';
import { CATEGORY_COLORS, LINK_COLORS } from './palette';

export interface DisplayNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  category: Category;
  labels: ConceptAttributes['labels'];
  mainLabel: string;
  documents: string[];
  mentionCount: number;
}

export interface DisplayEdge {
  link: LinkType;
  /**
   * Claim keys that support the edge, as far as the answer it came from gave them: all, the first few
   * (the overview, paths) or none (neighbourhoods); GET /api/relations/:id has all of a relation's.
   */
  evidence: string[];
  /** How many claims support the edge. */
  evidenceCount: number;
  hedged: boolean;
  negated: boolean;
  confidence: number;
  /** FA2's attraction weight. */
  weight: number;
  size: number;
  color: string;
  type: EdgeProgramName;
  /** A reviewer's verdict on the relation (from the API's curation overlay or the verdict list). */
  curation?: VerdictKind;
}

export type EdgeProgramName = 'arrow' | 'line' | 'dashedArrow' | 'dashedLine';
export type DisplayGraph = Graph<DisplayNode, DisplayEdge>;

export const createDisplayGraph = (): DisplayGraph =>
  new Graph<DisplayNode, DisplayEdge>({ type: 'directed', multi: true, allowSelfLoops: false });

export function edgeProgram(link: LinkType, hedged: boolean): EdgeProgramName {
  const arrow = !SYMMETRIC.has(link);
  if (hedged) return arrow ? 'dashedArrow' : 'dashedLine';
  return arrow ? 'arrow' : 'line';
}

/** A relation as the API's graphs give it: whole (exports), with the first few keys, or with none. */
type AnyRelation = (RelationAttributes & { curation?: VerdictKind }) | RelationEdge | GraphRelation;
type AnyCoMention = CoMentionAttributes | CoMentionEdge;
type AnyMemberOf = MemberOfAttributes | MemberOfEdge;

/** What mergeExport reads: graphology JSON whose concepts may be summarised and relations lean. */
export interface DrawableGraph {
  nodes: readonly { key: string; attributes?: NodeAttributes | ConceptSummary }[];
  edges: readonly {
    key?: string;
    source: string;
    target: string;
    attributes?:
      | Exclude<EdgeAttributes, RelationAttributes | CoMentionAttributes | MemberOfAttributes>
      | AnyRelation
      | AnyCoMention
      | AnyMemberOf;
  }[];
}

const evidenceOf = (a: AnyRelation | AnyCoMention | AnyMemberOf): { evidence: string[]; evidenceCount: number } => {
  const evidence = 'evidence' in a ? a.evidence : [];
  return { evidence, evidenceCount: 'evidenceCount' in a ? a.evidenceCount : evidence.length };
};

function relationEdge(a: AnyRelation): DisplayEdge {
  const { evidence, evidenceCount } = evidenceOf(a);
  return {
    ...(a.curation ? { curation: a.curation } : {}),
    link: a.predicate,
    evidence,
    evidenceCount,
    hedged: a.hedged,
    negated: a.negated,
    confidence: a.confidence,
    weight: 1 + Math.log2(Math.max(1, evidenceCount)),
    size: 2 + Math.min(3, Math.log2(Math.max(1, evidenceCount))),
    color: LINK_COLORS[a.predicate],
    type: edgeProgram(a.predicate, a.hedged),
  };
}

function coMentionEdge(a: AnyCoMention): DisplayEdge {
  return {
    link: 'co_mention',
    ...evidenceOf(a),
    hedged: false,
    negated: false,
    confidence: 1,
    weight: Math.min(4, a.weight) * 0.5,
    size: 0.6 + Math.min(1.5, Math.log2(Math.max(1, a.weight)) * 0.5),
    color: LINK_COLORS.co_mention,
    type: 'line',
  };
}

/**
 * A class membership (member → class): a thin arrow of its own colour, drawn under the relations and pulling
 * its ends together less than a relation does; dashed when every sentence naming it hedges.
 */
function memberOfEdge(a: AnyMemberOf): DisplayEdge {
  const { evidence, evidenceCount } = evidenceOf(a);
  return {
    link: 'member_of',
    evidence,
    evidenceCount,
    hedged: a.hedged,
    negated: a.negated,
    confidence: a.confidence,
    weight: 0.5 + 0.5 * Math.log2(Math.max(1, evidenceCount)),
    size: MEMBER_OF_SIZE,
    color: LINK_COLORS.member_of,
    type: edgeProgram('member_of', a.hedged),
  };
}

/** The width of a membership's arrow: thinner than any relation's (2 and more). */
export const MEMBER_OF_SIZE = 1;

export interface MergeResult {
  nodes: string[];
  edges: string[];
}

/**
 * Adds an export's concepts and concept-to-concept links that the graph lacks. `place` gives a new
 * node its starting position. Returns the keys added.
 */
export function mergeExport(
  g: DisplayGraph,
  exp: DrawableGraph,
  lang: Lang,
  place: (key: string, a: ConceptAttributes | ConceptSummary) => { x: number; y: number },
): MergeResult {
  const added: MergeResult = { nodes: [], edges: [] };
  // Into an empty graph nothing can be there already (the first overview: the large case).
  const fresh = g.order === 0;
  for (const n of exp.nodes) {
    const a = n.attributes;
    if (!a || a.kind !== 'concept' || (!fresh && g.hasNode(n.key))) continue;
    const { x, y } = place(n.key, a);
    g.addNode(n.key, {
      x,
      y,
      size: 4,
      color: CATEGORY_COLORS[a.category] ?? CATEGORY_COLORS.Concept,
      label: conceptLabel(a, lang),
      category: a.category,
      labels: a.labels ?? {},
      mainLabel: a.label,
      documents: 'documents' in a ? a.documents : [],
      mentionCount: a.mentionCount ?? 0,
    });
    added.nodes.push(n.key);
  }
  for (const e of exp.edges) {
    const a = e.attributes;
    if (!a || (a.kind !== 'relation' && a.kind !== 'co_mention' && a.kind !== 'member_of')) continue;
    if (!g.hasNode(e.source) || !g.hasNode(e.target) || e.source === e.target) continue;
    const key = e.key ?? `${a.kind}:${e.source}->${e.target}`;
    if (!fresh && g.hasEdge(key)) continue;
    const d = a.kind === 'relation' ? relationEdge(a) : a.kind === 'member_of' ? memberOfEdge(a) : coMentionEdge(a);
    g.addDirectedEdgeWithKey(key, e.source, e.target, d);
    added.edges.push(key);
  }
  return added;
}

/** Sets every node's label for a language. */
export function relabel(g: DisplayGraph, lang: Lang): void {
  g.updateEachNodeAttributes(
    (_k, a) => ({ ...a, label: conceptLabel({ label: a.mainLabel, labels: a.labels }, lang) }),
    {
      attributes: ['label'],
    },
  );
}
