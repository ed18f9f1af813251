/**
 * One chapter's fragment of the graph: its document, sections, claims, the sources they cite, the
 * concepts they mention and the relations between them, as a graphology graph whose serialisation is the
 * export contract. Keys are deterministic, so the same text always gives the same fragment.
 */
import Graph from 'graphology';
import type { ClaimMarker, ParsedChapter } from '../ingest/chapter';
import type { ChapterExtraction } from '../extract/extraction';
import {
  edgeKey,
  nodeKey,
  type CoMentionAttributes,
  type EdgeAttributes,
  type GraphExport,
  type MemberOfAttributes,
  type NodeAttributes,
} from '../model/types';
import { mergeEdge, mergeNode } from '../model/merge';

export type ChapterGraph = Graph<NodeAttributes, EdgeAttributes>;

/** Several edges may join two concepts: a co-mention, a membership and one relation per predicate. */
export function createGraph(): ChapterGraph {
  return new Graph<NodeAttributes, EdgeAttributes>({ type: 'directed', multi: true, allowSelfLoops: false });
}

/** Adds a node or merges it into the one already there. */
export function upsertNode(g: ChapterGraph, key: string, attrs: NodeAttributes): void {
  if (g.hasNode(key)) g.replaceNodeAttributes(key, mergeNode(g.getNodeAttributes(key), attrs));
  else g.addNode(key, attrs);
}

/** Adds an edge or merges it into the one already there. */
export function upsertEdge(g: ChapterGraph, key: string, source: string, target: string, attrs: EdgeAttributes): void {
  if (g.hasEdge(key)) g.replaceEdgeAttributes(key, mergeEdge(g.getEdgeAttributes(key), attrs));
  else g.addEdgeWithKey(key, source, target, attrs);
}

/** The claim's `cites` edge to the source a marker names (and the source node, the first time). */
function addCitation(g: FragmentBuilder, claim: string, m: ClaimMarker, scope: 'sentence' | 'context'): void {
  const src = nodeKey.source(m.problemId);
  if (!g.hasNode(src)) g.addNode(src, { kind: 'source', problemId: m.problemId, label: `problem ${m.problemId}` });
  const key = edgeKey.cites(claim, src);
  if (!g.hasEdge(key)) g.addEdgeWithKey(key, claim, src, { kind: 'cites', scope, line: m.line, column: m.column });
}

/**
 * A chapter's fragment while it is built: plain maps, not a graphology graph, because a fragment is only
 * ever serialised (building thousands of small graphology graphs cost more than parsing the text).
 */
export class FragmentBuilder {
  private nodes = new Map<string, NodeAttributes>();
  private edges = new Map<string, { source: string; target: string; attributes: EdgeAttributes }>();

  get order(): number {
    return this.nodes.size;
  }

  get size(): number {
    return this.edges.size;
  }

  hasNode(key: string): boolean {
    return this.nodes.has(key);
  }

  hasEdge(key: string): boolean {
    return this.edges.has(key);
  }

  addNode(key: string, attributes: NodeAttributes): void {
    if (this.nodes.has(key)) throw new Error(`FragmentBuilder.addNode: node "${key}" already exists`);
    this.nodes.set(key, attributes);
  }

  addEdgeWithKey(key: string, source: string, target: string, attributes: EdgeAttributes): void {
    if (this.edges.has(key)) throw new Error(`FragmentBuilder.addEdgeWithKey: edge "${key}" already exists`);
    if (!this.nodes.has(source) || !this.nodes.has(target)) {
      throw new Error(`FragmentBuilder.addEdgeWithKey: edge "${key}" joins a missing node`);
    }
    this.edges.set(key, { source, target, attributes });
  }

  upsertNode(key: string, attributes: NodeAttributes): void {
    const old = this.nodes.get(key);
    this.nodes.set(key, old ? mergeNode(old, attributes) : attributes);
  }

  upsertEdge(key: string, source: string, target: string, attributes: EdgeAttributes): void {
    const old = this.edges.get(key);
    if (old) old.attributes = mergeEdge(old.attributes, attributes);
    else this.addEdgeWithKey(key, source, target, attributes);
  }

  export(): GraphExport {
    // forEach, not spread entries: a fragment has thousands of nodes and edges, and this runs per chapter.
    const nodes: GraphExport['nodes'] = [];
    this.nodes.forEach((attributes, key) => nodes.push({ key, attributes }));
    const edges: GraphExport['edges'] = [];
    this.edges.forEach((e, key) => edges.push({ key, source: e.source, target: e.target, attributes: e.attributes }));
    return { attributes: {}, options: { type: 'directed', multi: true, allowSelfLoops: false }, nodes, edges };
  }
}

export function buildChapterGraph(chapter: ParsedChapter, extraction: ChapterExtraction): FragmentBuilder {
  const g = new FragmentBuilder();
  g.addNode(chapter.key, chapter.attributes);
  for (const s of chapter.sections) {
    g.addNode(s.key, s.attributes);
    g.addEdgeWithKey(edgeKey.sectionOf(s.key), s.key, s.parent, { kind: 'section_of' });
  }
  for (const c of chapter.claims) {
    g.addNode(c.key, c.attributes);
    g.addEdgeWithKey(edgeKey.inSection(c.key), c.key, c.attributes.section, { kind: 'in_section' });
    for (const m of c.markers) addCitation(g, c.key, m, 'sentence');
    if (c.contextMarkers) for (const m of c.contextMarkers) addCitation(g, c.key, m, 'context');
  }
  for (const [key, attrs] of extraction.concepts) g.upsertNode(key, attrs);
  const byClaim = new Map<string, Set<string>>();
  for (const m of extraction.mentions) {
    const key = edgeKey.mentions(m.claim, m.concept);
    if (!g.hasEdge(key)) g.addEdgeWithKey(key, m.claim, m.concept, m.attributes);
    let set = byClaim.get(m.claim);
    if (!set) byClaim.set(m.claim, (set = new Set()));
    set.add(m.concept);
  }
  // Co-mentions are counted here and added once each (in order of first sight): merging a new edge per
  // sentence (model/merge.ts) gives the same weight and evidence, but copies the evidence every time.
  const coMentions = new Map<string, { source: string; target: string; attributes: CoMentionAttributes }>();
  for (const [claim, set] of byClaim) {
    const list = [...set].sort();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        const key = edgeKey.coMention(a, b);
        const seen = coMentions.get(key);
        if (seen) {
          seen.attributes.weight++;
          seen.attributes.evidence.push(claim);
        } else {
          coMentions.set(key, {
            source: a,
            target: b,
            attributes: { kind: 'co_mention', weight: 1, evidence: [claim] },
          });
        }
      }
    }
  }
  coMentions.forEach((e, key) => g.upsertEdge(key, e.source, e.target, e.attributes));
  for (const r of extraction.relations) {
    if (r.subject === r.object) continue;
    if (r.member) {
      // A membership named in passing: a `member_of` edge member → class, not a `part_of` relation.
      const { evidence, cues, confidence, hedged, negated } = r.attributes;
      const attrs: MemberOfAttributes = { kind: 'member_of', evidence, cues, confidence, hedged, negated };
      g.upsertEdge(edgeKey.memberOf(r.subject, r.object), r.subject, r.object, attrs);
    } else
      g.upsertEdge(edgeKey.relation(r.subject, r.attributes.predicate, r.object), r.subject, r.object, r.attributes);
  }
  return g;
}

export function serialize(g: ChapterGraph | FragmentBuilder, name?: string): GraphExport {
  const out = g.export() as GraphExport;
  if (name) out.attributes = { name };
  return out;
}
