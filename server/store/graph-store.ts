/**
 * The store contract: what every graph store (embedded graphology, Neo4j) does, and the shapes of what it
 * returns. One contract suite (test/store-contract.ts) runs against every implementation.
 */
import type {
  Category,
  ClaimAttributes,
  ConceptAttributes,
  DocumentAttributes,
  GraphExport,
  Predicate,
  Problem,
  RelationAttributes,
  SectionAttributes,
  SourceAttributes,
} from '../model/types';
import type { FragmentTally } from './encoded-fragment';

/** One chapter's part of the graph, as built by the ingest pipeline (graphology serialised JSON). */
export interface ChapterFragment {
  documentId: string;
  hash: string;
  readonly graph: GraphExport;
  /**
   * The graph as UTF-8 JSON and that JSON's SHA-1, when whoever built the fragment serialised it already
   * (ingest workers do): a store that keeps JSON writes these bytes instead of serialising `graph` again.
   */
  readonly encoded?: { json: Uint8Array; sha1: string };
  /** What the chapter holds, when known without walking `graph` (see encoded-fragment.ts). */
  readonly tally?: FragmentTally;
}

export interface KnownProblem {
  problemId: string;
  problem: Problem;
  origin: string;
}

/** What one ingest run writes: applied all together or not at all. */
export interface IngestBatch {
  /** Chapters to add or replace (a replaced chapter loses its old claims and edges, nothing else). */
  upsert: ChapterFragment[];
  /** Documents to remove entirely. */
  remove: string[];
  /** Problem texts from appendices or `data/sources`. */
  problems: KnownProblem[];
}

export interface StoreStats {
  nodes: Record<'document' | 'section' | 'claim' | 'source' | 'concept', number>;
  edges: Record<'cites' | 'mentions' | 'relation' | 'in_section' | 'section_of' | 'co_mention' | 'member_of', number>;
  conceptsByCategory: Partial<Record<Category, number>>;
  relationsByPredicate: Partial<Record<Predicate, number>>;
  documents: { id: string; title: string; claims: number; cited: number }[];
}

export type Keyed<A> = A & { key: string };

export interface SearchHit {
  key: string;
  kind: 'concept' | 'claim' | 'source';
  label: string;
  /** The category (concepts) or document (claims). */
  detail?: string;
  score: number;
}

export interface SearchQuery {
  q: string;
  kinds?: ('concept' | 'claim' | 'source')[];
  categories?: Category[];
  limit: number;
}

export interface RelationSummary {
  key: string;
  predicate: Predicate;
  direction: 'out' | 'in';
  other: { key: string; label: string; category: Category };
  evidenceCount: number;
  hedged: boolean;
  negated: boolean;
  confidence: number;
}

/**
 * A class membership named in passing, seen from one end: `out`, the concept is a member of `other` (a
 * kind of it); `in`, `other` is a member of the concept (an example of it). Whole: every evidence key and cue.
 */
export interface MembershipSummary {
  key: string;
  direction: 'out' | 'in';
  other: { key: string; label: string; category: Category };
  evidence: string[];
  cues: string[];
  evidenceCount: number;
  hedged: boolean;
  negated: boolean;
  confidence: number;
}

export interface ConceptDetail {
  concept: Keyed<ConceptAttributes>;
  /** Relations at the concept (memberships are not relations and do not count). */
  degree: number;
  pagerank: number;
  relations: RelationSummary[];
  /** Its classes (`out`) before its examples (`in`), more evidence first, then by the other concept's key. */
  memberships: MembershipSummary[];
  mentions: { total: number; claims: Keyed<ClaimAttributes>[] };
}

export interface GraphFilter {
  categories?: Category[];
  predicates?: Predicate[];
  documents?: string[];
  minEvidence?: number;
  hedged?: boolean;
  limit?: number;
}

/** A neighbourhood's filter: a graph filter, and relations the walk must not step along (rejected), by key. */
export interface NeighborhoodFilter extends GraphFilter {
  excludeRelations?: readonly string[];
}

export interface PathHop {
  relation: string;
  from: string;
  to: string;
  predicate: Predicate;
  /** The evidence sentences of the hop with their sources (the first `evidenceLimit`, when asked). */
  evidence: { claim: Keyed<ClaimAttributes>; sources: string[] }[];
  /** All the evidence sentences, when `evidence` lists fewer (see PathQuery's `evidenceLimit`). */
  evidenceCount?: number;
}

export interface ConceptPath {
  nodes: Keyed<ConceptAttributes>[];
  hops: PathHop[];
}

export interface PathQuery {
  from: string;
  to: string;
  k: number;
  maxLength: number;
  predicates?: Predicate[];
  /** Relations the paths must not step along (reviewers rejected them), by key. */
  excludeRelations?: readonly string[];
  /**
   * Evidence sentences a hop needs to list at most: a store may then list only the first ones, and
   * says how many there are in `evidenceCount` (a store may also list them all).
   */
  evidenceLimit?: number;
}

export interface ClaimFilter {
  document?: string;
  section?: string;
  cited?: boolean;
  hedged?: boolean;
  concept?: string;
  offset: number;
  limit: number;
}

export interface ClaimDetail {
  claim: Keyed<ClaimAttributes>;
  document: Keyed<DocumentAttributes>;
  section: Keyed<SectionAttributes>;
  sources: Keyed<SourceAttributes>[];
  concepts: Keyed<ConceptAttributes>[];
  relations: (Keyed<RelationAttributes> & { source: string; target: string })[];
}

export interface SourceDetail {
  source: Keyed<SourceAttributes>;
  claims: Keyed<ClaimAttributes>[];
  coCited: { problemId: string; count: number }[];
}

export interface DocumentSummary {
  document: Keyed<DocumentAttributes>;
  claims: number;
  cited: number;
}

export interface DocumentDetail extends DocumentSummary {
  sections: (Keyed<SectionAttributes> & { claims: number; cited: number })[];
}

export interface Page<T> {
  total: number;
  offset: number;
  limit: number;
  items: T[];
}

/** Writing and bulk reading: what ingest and export need. */
export interface GraphStoreCore {
  readonly kind: 'embedded' | 'neo4j';
  /** Connects, creates the schema if needed and loads what is stored. */
  open(): Promise<void>;
  close(): Promise<void>;
  /** Whether the store answers now. */
  ping(): Promise<boolean>;

  /** Stored documents and the hash of the file each was ingested from. */
  documentHashes(): Promise<Map<string, string>>;
  /** Applies a batch atomically: after a failure the store is exactly as before. */
  apply(batch: IngestBatch): Promise<void>;

  stats(): Promise<StoreStats>;
  /** The whole graph, or a filtered part of it, as graphology serialised JSON. */
  exportGraph(filter?: GraphFilter): Promise<GraphExport>;
}

/** The questions the API asks; every store answers them identically (the contract suite checks). */
export interface StoreReads {
  search(query: SearchQuery): Promise<SearchHit[]>;
  concept(key: string, mentions: { offset: number; limit: number }): Promise<ConceptDetail>;
  neighborhood(key: string, depth: number, filter: NeighborhoodFilter): Promise<GraphExport>;
  paths(query: PathQuery): Promise<ConceptPath[]>;
  claims(filter: ClaimFilter): Promise<Page<Keyed<ClaimAttributes>>>;
  claim(key: string): Promise<ClaimDetail>;
  source(problemId: string): Promise<SourceDetail>;
  documents(): Promise<DocumentSummary[]>;
  document(id: string): Promise<DocumentDetail>;
}

export interface GraphStore extends GraphStoreCore, StoreReads {}
