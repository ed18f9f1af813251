/**
 * Read queries over a merged graphology graph: the embedded store's implementation of the read side of
 * the store contract (`StoreReads`). The Neo4j store answers the same questions in Cypher; the orderings
 * documented here are the contract both follow. The algorithms live in `queries/` (search ranking,
 * neighbourhoods, Yen's k shortest paths, centrality) and take plain inputs, so any store can reuse them.
 */
import type { ChapterGraph } from '../build/chapter-graph';
import { createGraph } from '../build/chapter-graph';
import { NotFoundError } from '../errors';
import {
  CATEGORIES,
  PREDICATES,
  type Category,
  type ClaimAttributes,
  type ConceptAttributes,
  type DocumentAttributes,
  type GraphExport,
  type NodeAttributes,
  type Predicate,
  type SourceAttributes,
} from '../model/types';
import type {
  ClaimDetail,
  ClaimFilter,
  ConceptDetail,
  ConceptPath,
  DocumentDetail,
  DocumentSummary,
  GraphFilter,
  NeighborhoodFilter,
  Keyed,
  MembershipSummary,
  Page,
  PathHop,
  PathQuery,
  RelationSummary,
  SearchHit,
  SearchQuery,
  SourceDetail,
  StoreReads,
  StoreStats,
} from './graph-store';
import { rankedNeighborhood } from './queries/neighborhood';
import { kShortestRankedPaths } from './queries/paths';
import { PREDICATE_ORDER, ReadIndex, compareMemberships, isCited, type RelationEnd } from './queries/read-index';

const keyed = <A extends NodeAttributes>(key: string, a: A): Keyed<A> => ({ key, ...a });
const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Which relation edges a filter lets through. */
function relationFilter(filter: GraphFilter): (r: RelationEnd) => boolean {
  const preds = filter.predicates?.length ? new Set<Predicate>(filter.predicates) : null;
  return (r) =>
    (!preds || preds.has(r.attributes.predicate)) &&
    (filter.minEvidence === undefined || r.attributes.evidence.length >= filter.minEvidence) &&
    (filter.hedged === undefined || r.attributes.hedged === filter.hedged);
}

const docKey = (d: string) => (d.startsWith('doc:') ? d : `doc:${d}`);

export class GraphQueries implements StoreReads {
  private graph: ChapterGraph | null = createGraph();
  private build: (() => ChapterGraph) | null = null;
  private reads: ReadIndex | null = null;
  private changes = 0;

  /** Counts the changes of the graph, so that answers computed from it can be kept until the next one. */
  get generation(): number {
    return this.changes;
  }

  /** The merged graph, built on first use after a change (an ingest-only process never builds it). */
  protected get g(): ChapterGraph {
    if (!this.graph) this.setGraph(this.build!());
    return this.graph!;
  }

  /** Installs a new merged graph; the read index derived from it is rebuilt on the next read. */
  protected setGraph(g: ChapterGraph): void {
    this.graph = g;
    this.build = null;
    this.reads = null;
    this.changes++;
  }

  /** Defers building the merged graph until a read needs it. */
  protected setGraphBuilder(build: () => ChapterGraph): void {
    this.graph = null;
    this.build = build;
    this.reads = null;
    this.changes++;
  }

  /** The look-up tables, built on the first read after a change. */
  private get index(): ReadIndex {
    return (this.reads ??= new ReadIndex(this.g));
  }

  /** Builds every look-up table now, so the first request does not pay for it (servers call this once). */
  warmUp(): void {
    void this.index.search;
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
      member_of: 0,
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
        if (isCited(a)) d.cited++;
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

  /**
   * The graph, or the part of it that passes a filter (concepts and relations filtered; text kept).
   * Written straight into the serialised form rather than through a graphology copy: on a large corpus
   * the copy cost seconds, and the overview reads this.
   */
  protected exportFiltered(filter?: GraphFilter): GraphExport {
    if (!filter || Object.values(filter).every((v) => v === undefined)) return this.g.export() as GraphExport;
    const cats = filter.categories ? new Set<Category>(filter.categories) : null;
    const preds = filter.predicates ? new Set<Predicate>(filter.predicates) : null;
    const docs = filter.documents ? new Set(filter.documents.map(docKey)) : null;
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
    const edges: GraphExport['edges'] = [];
    // Sources nobody kept cites are left out.
    const citedSources = new Set<string>();
    this.g.forEachEdge((k, a, s, t) => {
      if (!keep.has(s) || !keep.has(t)) return;
      // A membership has evidence and hedging like a relation, and no predicate: a predicate filter keeps it.
      if (a.kind === 'relation' || a.kind === 'member_of') {
        if (a.kind === 'relation' && preds && !preds.has(a.predicate)) return;
        if (filter.minEvidence !== undefined && a.evidence.length < filter.minEvidence) return;
        if (filter.hedged !== undefined && a.hedged !== filter.hedged) return;
      }
      citedSources.add(s).add(t);
      edges.push({ key: k, source: s, target: t, attributes: { ...a } });
    });
    const nodes: GraphExport['nodes'] = [];
    for (const k of keep) {
      const a = this.g.getNodeAttributes(k);
      if (a.kind !== 'source' || citedSources.has(k)) nodes.push({ key: k, attributes: { ...a } });
    }
    return {
      options: { type: this.g.type, multi: this.g.multi, allowSelfLoops: this.g.allowSelfLoops },
      attributes: {},
      nodes,
      edges,
    };
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

  // ---- typed node access: each throws NotFoundError for a missing key or a node of another kind ----

  private concept_(key: string): ConceptAttributes {
    const a = this.conceptAttributes(key);
    if (!a) throw new NotFoundError('concept', key);
    return a;
  }

  private node<K extends NodeAttributes['kind']>(kind: K, what: string, key: string) {
    const a = this.g.hasNode(key) ? this.g.getNodeAttributes(key) : null;
    if (!a || a.kind !== kind) throw new NotFoundError(what, key);
    return a as Extract<NodeAttributes, { kind: K }>;
  }

  private claim_(key: string): ClaimAttributes {
    return this.node('claim', 'claim', key);
  }

  // ---- StoreReads ----

  async search(query: SearchQuery): Promise<SearchHit[]> {
    return this.index.search.search(query);
  }

  /**
   * Relations are ordered by predicate (in `PREDICATES` order), outgoing before incoming, more evidence
   * first, then by the other concept's key; mentioning claims in reading order (see `compareClaims`).
   */
  async concept(key: string, mentions: { offset: number; limit: number }): Promise<ConceptDetail> {
    const a = this.concept_(key);
    const idx = this.index;
    const relations: RelationSummary[] = (idx.relationsOf.get(key) ?? []).map((r) => {
      const other = this.concept_(r.other);
      return {
        key: r.edge,
        predicate: r.attributes.predicate,
        direction: r.direction,
        other: { key: r.other, label: other.label, category: other.category },
        evidenceCount: r.attributes.evidence.length,
        hedged: r.attributes.hedged,
        negated: r.attributes.negated,
        confidence: r.attributes.confidence,
      };
    });
    relations.sort(
      (x, y) =>
        PREDICATE_ORDER.get(x.predicate)! - PREDICATE_ORDER.get(y.predicate)! ||
        (x.direction === y.direction ? 0 : x.direction === 'out' ? -1 : 1) ||
        y.evidenceCount - x.evidenceCount ||
        (x.other.key < y.other.key ? -1 : x.other.key > y.other.key ? 1 : byKey(x, y)),
    );
    const memberships: MembershipSummary[] = (idx.membershipsOf.get(key) ?? []).map((m) => {
      const other = this.concept_(m.other);
      return {
        key: m.edge,
        direction: m.direction,
        other: { key: m.other, label: other.label, category: other.category },
        evidence: [...m.attributes.evidence],
        cues: [...m.attributes.cues],
        evidenceCount: m.attributes.evidence.length,
        hedged: m.attributes.hedged,
        negated: m.attributes.negated,
        confidence: m.attributes.confidence,
      };
    });
    memberships.sort(compareMemberships);
    const claims = idx.mentionsOf.get(key) ?? [];
    return {
      concept: keyed(key, a),
      degree: idx.metrics.degree.get(key) ?? 0,
      pagerank: idx.metrics.pagerank.get(key) ?? 0,
      relations,
      memberships,
      mentions: {
        total: claims.length,
        claims: claims.slice(mentions.offset, mentions.offset + mentions.limit).map((k) => keyed(k, this.claim_(k))),
      },
    };
  }

  /**
   * Concepts within `depth` relation steps of `key` (either direction), nearest first; within a level,
   * more mentions first, then by key. Category and document filters apply to the concepts reached (not to
   * the start), predicate / evidence / hedging filters to the relations walked and returned. The result
   * holds the concepts kept and every relation between them that passes the filters. Class memberships
   * (`member_of`) are neither walked nor returned: a class would join all its members (see paths).
   */
  async neighborhood(key: string, depth: number, filter: NeighborhoodFilter): Promise<GraphExport> {
    this.concept_(key);
    const idx = this.index;
    const excluded = new Set(filter.excludeRelations ?? []);
    const passes = relationFilter(filter);
    const edgeOk = excluded.size ? (r: RelationEnd) => passes(r) && !excluded.has(r.edge) : passes;
    const cats = filter.categories?.length ? new Set<Category>(filter.categories) : null;
    const docs = filter.documents?.length ? new Set(filter.documents.map(docKey)) : null;
    // Concepts as numbers in priority order; with no relation filter, each one's neighbours are kept.
    const { rankOf, keyOf } = idx.conceptOrder;
    const unfiltered =
      !filter.predicates?.length && filter.minEvidence === undefined && filter.hedged === undefined && !excluded.size;
    const neighbors = unfiltered
      ? (u: number) => idx.neighborRanks(u)
      : (u: number) => (idx.relationsOf.get(keyOf[u]!) ?? []).filter(edgeOk).map((r) => rankOf.get(r.other)!);
    const accepts =
      !cats && !docs
        ? () => true
        : (v: number) => {
            const a = this.concept_(keyOf[v]!);
            return (!cats || cats.has(a.category)) && (!docs || a.documents.some((d) => docs.has(d)));
          };
    const ranks = rankedNeighborhood(
      keyOf.length,
      neighbors,
      accepts,
      rankOf.get(key)!,
      depth,
      filter.limit ?? Infinity,
    );
    const keys = ranks.map((r) => keyOf[r]!);
    // The relations between the concepts kept, by subject (in the order kept), then object key, then key:
    // each subject's outgoing list is scanned against a byte per concept (hubs have thousands of them).
    const kept = new Uint8Array(keyOf.length);
    for (const r of ranks) kept[r] = 1;
    const edges: GraphExport['edges'] = [];
    for (const u of ranks) {
      const out = idx.outgoing(u);
      const { targets } = out;
      for (let i = 0; i < targets.length; i++) {
        if (kept[targets[i]!] && (unfiltered || edgeOk(out.ends[i]!))) edges.push(out.edges[i]!);
      }
    }
    return {
      attributes: { name: `neighborhood of ${key}` },
      // Several relations (predicates) may join the same two concepts in the same direction.
      options: { type: 'directed', multi: true, allowSelfLoops: false },
      nodes: keys.map((k) => ({ key: k, attributes: this.concept_(k) })),
      edges,
    };
  }

  /**
   * The k shortest simple paths (fewest hops, then node keys in order) over relations taken in either
   * direction. When several relations join two consecutive concepts the hop reports the one with most
   * evidence (then by predicate order, then key), with its real direction. Each evidence claim comes with
   * the problem ids it cites. A class membership (`member_of`) is no hop: it is not an asserted relation, and a
   * class would join every two of its members in two hops (fluoxetine → SSRI ← sertraline).
   */
  async paths(query: PathQuery): Promise<ConceptPath[]> {
    this.concept_(query.from);
    this.concept_(query.to);
    const idx = this.index;
    const filter = relationFilter({ predicates: query.predicates });
    const excluded = new Set(query.excludeRelations ?? []);
    const edgeOk = (r: RelationEnd) => filter(r) && !excluded.has(r.edge);
    // Concepts numbered in key order, so paths compare as numbers. Each concept's neighbour list is kept
    // across queries; a query filters only the lists it must (a predicate filter, or a node with an
    // excluded relation).
    const { rankOf, keyOf } = idx.conceptKeyOrder;
    const filtered = new Map<number, Int32Array>();
    const neighbors = (u: number): Int32Array => {
      if (!query.predicates?.length && !excluded.size) return idx.neighborKeyRanks(u);
      let list = filtered.get(u);
      if (!list) {
        const ends = idx.relationsOf.get(keyOf[u]!) ?? [];
        if (!query.predicates?.length && !ends.some((r) => excluded.has(r.edge))) list = idx.neighborKeyRanks(u);
        else {
          const ranks: number[] = [];
          for (const r of ends) {
            const v = rankOf.get(r.other)!;
            if (edgeOk(r) && ranks[ranks.length - 1] !== v) ranks.push(v);
          }
          list = Int32Array.from(ranks);
        }
        filtered.set(u, list);
      }
      return list;
    };
    const found = kShortestRankedPaths(
      keyOf.length,
      neighbors,
      rankOf.get(query.from)!,
      rankOf.get(query.to)!,
      query.k,
      query.maxLength,
    ).map((p) => p.map((r) => keyOf[r]!));
    const limit = query.evidenceLimit ?? Infinity;
    return found.map((nodes) => ({
      nodes: nodes.map((k) => keyed(k, this.concept_(k))),
      hops: nodes.slice(1).map((to, i) => this.hop(nodes[i]!, to, edgeOk, limit)),
    }));
  }

  private hop(from: string, to: string, edgeOk: (r: RelationEnd) => boolean, limit: number): PathHop {
    // relationsOf lists are sorted by the other concept's key: the relations with `to` are one run.
    const ends = this.index.relationsOf.get(from) ?? [];
    let lo = 0;
    for (let hi = ends.length; lo < hi;) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]!.other < to) lo = mid + 1;
      else hi = mid;
    }
    const candidates: RelationEnd[] = [];
    for (let i = lo; i < ends.length && ends[i]!.other === to; i++) if (edgeOk(ends[i]!)) candidates.push(ends[i]!);
    candidates.sort(
      (x, y) =>
        y.attributes.evidence.length - x.attributes.evidence.length ||
        PREDICATE_ORDER.get(x.attributes.predicate)! - PREDICATE_ORDER.get(y.attributes.predicate)! ||
        (x.edge < y.edge ? -1 : 1),
    );
    // kShortestRankedPaths only steps along edges that pass the filter, so there is always one.
    const r = candidates[0]!;
    // Evidence may also name a section heading; a hop reports the sentences, the first `limit` of them
    // with their claims and sources.
    const claims = this.index.claimEvidence(r.edge, r.attributes);
    const hop: PathHop = {
      relation: r.edge,
      from: r.source,
      to: r.target,
      predicate: r.attributes.predicate,
      evidence: claims
        .slice(0, limit)
        .map((c) => ({ claim: keyed(c, this.claim_(c)), sources: this.citedProblems(c) })),
    };
    if (claims.length > hop.evidence.length) hop.evidenceCount = claims.length;
    return hop;
  }

  /** Problem ids a claim cites (its own markers and the next sentence's), in code-unit order. */
  private citedProblems(claim: string): string[] {
    const out: string[] = [];
    this.g.forEachOutEdge(claim, (_e, a, _s, t) => {
      if (a.kind === 'cites') out.push((this.g.getNodeAttributes(t) as SourceAttributes).problemId);
    });
    return out.sort();
  }

  /**
   * Claims in reading order. `concept`, `section` and `document` must name existing nodes (else
   * NotFoundError); `cited` means a marker of the claim's own (see `isCited`).
   */
  async claims(filter: ClaimFilter): Promise<Page<Keyed<ClaimAttributes>>> {
    const idx = this.index;
    let base = idx.claimsInOrder;
    const doc = filter.document !== undefined ? docKey(filter.document) : undefined;
    if (doc !== undefined) {
      this.node('document', 'document', doc);
      base = idx.claimsByDocument.get(doc) ?? [];
    }
    if (filter.section !== undefined) {
      this.node('section', 'section', filter.section);
      base = idx.claimsBySection.get(filter.section) ?? [];
    }
    if (filter.concept !== undefined) {
      this.concept_(filter.concept);
      base = idx.mentionsOf.get(filter.concept) ?? [];
    }
    const matches: string[] = [];
    for (const k of base) {
      const a = this.claim_(k);
      if (doc !== undefined && a.document !== doc) continue;
      if (filter.section !== undefined && a.section !== filter.section) continue;
      if (filter.cited !== undefined && isCited(a) !== filter.cited) continue;
      if (filter.hedged !== undefined && a.hedged !== filter.hedged) continue;
      matches.push(k);
    }
    return {
      total: matches.length,
      offset: filter.offset,
      limit: filter.limit,
      items: matches.slice(filter.offset, filter.offset + filter.limit).map((k) => keyed(k, this.claim_(k))),
    };
  }

  /** One claim with its context; sources by problem id, concepts and relations by key. */
  async claim(key: string): Promise<ClaimDetail> {
    const a = this.claim_(key);
    const sources: Keyed<SourceAttributes>[] = [];
    const concepts: Keyed<ConceptAttributes>[] = [];
    this.g.forEachOutEdge(key, (_e, ea, _s, t) => {
      const ta = this.g.getNodeAttributes(t);
      if (ea.kind === 'cites' && ta.kind === 'source') sources.push(keyed(t, ta));
      else if (ea.kind === 'mentions' && ta.kind === 'concept') concepts.push(keyed(t, ta));
    });
    sources.sort((x, y) => (x.problemId < y.problemId ? -1 : x.problemId > y.problemId ? 1 : 0));
    concepts.sort(byKey);
    const relations = (this.index.relationsByClaim.get(key) ?? []).map((e) => ({
      key: e,
      ...this.g.getEdgeAttributes(e),
      source: this.g.source(e),
      target: this.g.target(e),
    })) as ClaimDetail['relations'];
    return {
      claim: keyed(key, a),
      document: keyed(a.document, this.node('document', 'document', a.document)),
      section: keyed(a.section, this.node('section', 'section', a.section)),
      sources,
      concepts,
      relations,
    };
  }

  /**
   * A source with the claims citing it (reading order) and the problems cited by the same claims, most
   * often first, then by problem id.
   */
  async source(problemId: string): Promise<SourceDetail> {
    const key = `src:${problemId}`;
    const a = this.node('source', 'source', key);
    const rank = this.index.claimRank;
    const claims: string[] = [];
    this.g.forEachInEdge(key, (_e, ea, s) => {
      if (ea.kind === 'cites') claims.push(s);
    });
    claims.sort((x, y) => rank.get(x)! - rank.get(y)!);
    const together = new Map<string, number>();
    for (const k of claims) {
      for (const p of this.citedProblems(k)) if (p !== problemId) together.set(p, (together.get(p) ?? 0) + 1);
    }
    const coCited = [...together.entries()]
      .map(([id, count]) => ({ problemId: id, count }))
      .sort((x, y) => y.count - x.count || (x.problemId < y.problemId ? -1 : x.problemId > y.problemId ? 1 : 0));
    return { source: keyed(key, a), claims: claims.map((k) => keyed(k, this.claim_(k))), coCited };
  }

  /** Every document, by key. */
  async documents(): Promise<DocumentSummary[]> {
    return this.index.documentKeys.map((k) => this.documentSummary(k, this.node('document', 'document', k)));
  }

  private documentSummary(key: string, a: DocumentAttributes): DocumentSummary {
    const c = this.index.documentCounts.get(key) ?? { claims: 0, cited: 0 };
    return { document: keyed(key, a), claims: c.claims, cited: c.cited };
  }

  /** A document with its sections in order, each with the claims directly under it and how many are cited. */
  async document(id: string): Promise<DocumentDetail> {
    const key = docKey(id);
    const a = this.node('document', 'document', key);
    const sections = (this.index.sectionsByDocument.get(key) ?? []).map((k) => {
      const c = this.index.sectionCounts.get(k) ?? { claims: 0, cited: 0 };
      return { ...keyed(k, this.node('section', 'section', k)), claims: c.claims, cited: c.cited };
    });
    return { ...this.documentSummary(key, a), sections };
  }
}

export const KNOWN_CATEGORIES = new Set<string>(CATEGORIES);
export const KNOWN_PREDICATES = new Set<string>(PREDICATES);
