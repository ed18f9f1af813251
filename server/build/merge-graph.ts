/**
 * The whole graph from chapter fragments: nodes and edges seen in several chapters merge by the rules of
 * `model/merge.ts`, and sources get their problem's text when an appendix gave it.
 *
 * Merging many fragments folds those rules in place: a concept or relation found in thousands of chapters
 * grows its lists by appending what is new (membership kept in a set), where the pure rules would copy a
 * growing list at every chapter (quadratic). The result is the one the pure rules give; the fragments are
 * not changed (a value is copied before it is first merged into).
 */
import type {
  CoMentionAttributes,
  ConceptAttributes,
  EdgeAttributes,
  GraphExport,
  MemberOfAttributes,
  NodeAttributes,
  RelationAttributes,
  StatedAttributes,
} from '../model/types';
import { nodeKey } from '../model/types';
import { mergeEdge, mergeNode, ORIGIN_RANK } from '../model/merge';
import type { KnownProblem } from '../store/graph-store';
import { createGraph, upsertEdge, upsertNode, type ChapterGraph } from './chapter-graph';

export function addFragment(g: ChapterGraph, fragment: GraphExport): void {
  for (const n of fragment.nodes) upsertNode(g, n.key, n.attributes!);
  for (const e of fragment.edges) upsertEdge(g, e.key!, e.source, e.target, e.attributes!);
}

export function applyProblems(g: ChapterGraph, problems: Iterable<KnownProblem>): void {
  for (const p of problems) {
    const key = nodeKey.source(p.problemId);
    const a = g.hasNode(key) ? g.getNodeAttributes(key) : null;
    // A new object: the one in the graph may be a fragment's own, which must not change.
    if (a?.kind === 'source') g.replaceNodeAttributes(key, { ...a, problem: p.problem, origin: p.origin });
  }
}

/** Lists this merge owns (copied from a fragment), with the set of what each holds. */
class OwnedLists {
  private members = new Map<string[], Set<string>>();

  own(list: string[]): string[] {
    const copy = [...list];
    this.members.set(copy, new Set(copy));
    return copy;
  }

  /** Appends the items of `more` not in `list` yet (`list` must be owned), calling `onNew` for each. */
  appendNew(list: string[], more: readonly string[], onNew?: (i: number) => void): void {
    const seen = this.members.get(list)!;
    more.forEach((x, i) => {
      if (seen.has(x)) return;
      seen.add(x);
      list.push(x);
      onNew?.(i);
    });
  }
}

type EdgeEntry = { source: string; target: string; attributes: EdgeAttributes };

export class FragmentMerger {
  private nodes = new Map<string, NodeAttributes>();
  private edges = new Map<string, EdgeEntry>();
  /** Values copied from a fragment, so merging into them in place changes no fragment. */
  private owned = new Set<object>();
  private lists = new OwnedLists();

  add(fragment: GraphExport): void {
    for (const n of fragment.nodes) {
      const old = this.nodes.get(n.key);
      this.nodes.set(n.key, old ? this.mergeNode(old, n.attributes!) : n.attributes!);
    }
    for (const e of fragment.edges) {
      const old = this.edges.get(e.key!);
      if (!old) this.edges.set(e.key!, { source: e.source, target: e.target, attributes: e.attributes! });
      else old.attributes = this.mergeEdge(old.attributes, e.attributes!);
    }
  }

  graph(problems: Iterable<KnownProblem> = []): ChapterGraph {
    const g = createGraph();
    for (const [key, a] of this.nodes) g.addNode(key, a);
    for (const [key, e] of this.edges) g.addEdgeWithKey(key, e.source, e.target, e.attributes);
    applyProblems(g, problems);
    return g;
  }

  private mergeNode(a: NodeAttributes, b: NodeAttributes): NodeAttributes {
    if (a.kind !== 'concept' || b.kind !== 'concept') return mergeNode(a, b);
    const acc = this.ownConcept(a);
    for (const k of ['aliases', 'entryIds', 'xrefs', 'documents'] as const) this.lists.appendNew(acc[k], b[k]);
    if (ORIGIN_RANK[b.origin] <= ORIGIN_RANK[acc.origin]) {
      acc.labels = { ...b.labels, ...acc.labels };
      acc.mentionCount += b.mentionCount;
      return acc;
    }
    // `b` names the concept better: its fields, with the lists gathered so far.
    const merged: ConceptAttributes = {
      ...b,
      labels: { ...b.labels, ...acc.labels, ...b.labels },
      aliases: acc.aliases,
      entryIds: acc.entryIds,
      xrefs: acc.xrefs,
      documents: acc.documents,
      mentionCount: acc.mentionCount + b.mentionCount,
    };
    this.owned.delete(acc);
    this.owned.add(merged);
    return merged;
  }

  private mergeEdge(a: EdgeAttributes, b: EdgeAttributes): EdgeAttributes {
    // A relation, or a membership: one edge, all its evidence.
    if ((a.kind === 'relation' && b.kind === 'relation') || (a.kind === 'member_of' && b.kind === 'member_of')) {
      const acc = this.ownRelation<RelationAttributes | MemberOfAttributes>(a);
      this.lists.appendNew(acc.evidence, b.evidence, (i) => acc.cues.push(b.cues[i] ?? ''));
      acc.confidence = Math.max(acc.confidence, b.confidence);
      acc.hedged = acc.hedged && b.hedged;
      acc.negated = acc.negated && b.negated;
      return acc;
    }
    if (a.kind === 'co_mention' && b.kind === 'co_mention') {
      const acc = this.ownCoMention(a);
      acc.weight += b.weight;
      this.lists.appendNew(acc.evidence, b.evidence);
      return acc;
    }
    return mergeEdge(a, b);
  }

  private ownConcept(a: ConceptAttributes): ConceptAttributes {
    if (this.owned.has(a)) return a;
    const l = this.lists;
    const copy = {
      ...a,
      aliases: l.own(a.aliases),
      entryIds: l.own(a.entryIds),
      xrefs: l.own(a.xrefs),
      documents: l.own(a.documents),
    };
    this.owned.add(copy);
    return copy;
  }

  private ownRelation<T extends StatedAttributes>(a: T): T {
    if (this.owned.has(a)) return a;
    const copy = { ...a, evidence: this.lists.own(a.evidence), cues: [...a.cues] };
    this.owned.add(copy);
    return copy;
  }

  private ownCoMention(a: CoMentionAttributes): CoMentionAttributes {
    if (this.owned.has(a)) return a;
    const copy = { ...a, evidence: this.lists.own(a.evidence) };
    this.owned.add(copy);
    return copy;
  }
}

export function mergeFragments(fragments: Iterable<GraphExport>, problems: Iterable<KnownProblem> = []): ChapterGraph {
  const m = new FragmentMerger();
  for (const f of fragments) m.add(f);
  return m.graph(problems);
}
