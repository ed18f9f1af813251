/**
 * How chapter fragments combine into one graph: a concept or source seen in several chapters is one
 * node whose attributes are the union of what each chapter says; a relation (or a membership) asserted in
 * several chapters is one edge with all its evidence. Both stores follow these rules.
 */
import type {
  CoMentionAttributes,
  ConceptAttributes,
  EdgeAttributes,
  NodeAttributes,
  SourceAttributes,
  StatedAttributes,
} from './types';

export const ORIGIN_RANK: Record<ConceptAttributes['origin'], number> = {
  vocabulary: 3,
  defined: 2,
  glossary: 1,
  rule: 0,
};
const union = (a: string[], b: string[]) => (b.every((x) => a.includes(x)) ? a : [...new Set([...a, ...b])]);

export function mergeConcept(a: ConceptAttributes, b: ConceptAttributes): ConceptAttributes {
  const first = ORIGIN_RANK[b.origin] > ORIGIN_RANK[a.origin] ? b : a;
  return {
    ...first,
    labels: { ...b.labels, ...a.labels, ...first.labels },
    aliases: union(a.aliases, b.aliases),
    entryIds: union(a.entryIds, b.entryIds),
    xrefs: union(a.xrefs, b.xrefs),
    documents: union(a.documents, b.documents),
    mentionCount: a.mentionCount + b.mentionCount,
  };
}

export function mergeSource(a: SourceAttributes, b: SourceAttributes): SourceAttributes {
  return a.problem ? a : b.problem ? b : a;
}

export function mergeNode(a: NodeAttributes, b: NodeAttributes): NodeAttributes {
  if (a.kind === 'concept' && b.kind === 'concept') return mergeConcept(a, b);
  if (a.kind === 'source' && b.kind === 'source') return mergeSource(a, b);
  return b;
}

/** A relation's or a membership's evidence from two fragments: one edge, all its evidence. */
export function mergeRelation<T extends StatedAttributes>(a: T, b: T): T {
  const evidence = [...a.evidence];
  const cues = [...a.cues];
  b.evidence.forEach((e, i) => {
    if (!evidence.includes(e)) {
      evidence.push(e);
      cues.push(b.cues[i] ?? '');
    }
  });
  return {
    ...a,
    evidence,
    cues,
    confidence: Math.max(a.confidence, b.confidence),
    hedged: a.hedged && b.hedged,
    negated: a.negated && b.negated,
  };
}

export function mergeCoMention(a: CoMentionAttributes, b: CoMentionAttributes): CoMentionAttributes {
  return { ...a, weight: a.weight + b.weight, evidence: union(a.evidence, b.evidence) };
}

export function mergeEdge(a: EdgeAttributes, b: EdgeAttributes): EdgeAttributes {
  if (a.kind === 'relation' && b.kind === 'relation') return mergeRelation(a, b);
  if (a.kind === 'co_mention' && b.kind === 'co_mention') return mergeCoMention(a, b);
  if (a.kind === 'member_of' && b.kind === 'member_of') return mergeRelation(a, b);
  return b;
}
