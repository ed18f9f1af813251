/**
 * The look-up tables the embedded store's reads need, derived from the merged graph in one pass over its
 * nodes and edges: claims in reading order and grouped by document, section and mentioned concept, the
 * relations around each concept and those each claim asserts, citation counts, centrality and the search
 * index. Built on the first read after the graph changes, so an ingest run that never reads pays nothing.
 */
import type { ChapterGraph } from '../../build/chapter-graph';
import {
  PREDICATES,
  type ClaimAttributes,
  type MemberOfAttributes,
  type Predicate,
  type RelationAttributes,
  type SectionAttributes,
} from '../../model/types';
import type { MembershipSummary } from '../graph-store';
import { conceptMetrics, type ConceptMetrics, type RelationEdge } from './metrics';
import { SearchIndex, type SearchableClaim, type SearchableConcept, type SearchableSource } from './search-index';

/** A relation seen from one of its ends. */
export interface RelationEnd {
  edge: string;
  attributes: RelationAttributes;
  source: string;
  target: string;
  /** The concept at the other end. */
  other: string;
  direction: 'out' | 'in';
}

/** A class membership seen from one of its ends (`out`: the concept is the member). */
export interface MembershipEnd {
  edge: string;
  attributes: MemberOfAttributes;
  other: string;
  direction: 'out' | 'in';
}

/** The relations going out of one concept (see ReadIndex.outgoing); the three lists run in parallel. */
export interface OutgoingRelations {
  targets: Int32Array;
  ends: readonly RelationEnd[];
  edges: readonly Readonly<{ key: string; source: string; target: string; attributes: RelationAttributes }>[];
}

export interface Counts {
  claims: number;
  cited: number;
}

/**
 * A claim is cited when a marker of its own ends it. One the next sentence's marker supports (that
 * sentence refers back: "this finding…") is not: it shows as `context` in the audit and in the client,
 * and its `contextCitations` say which problems. The audit, the ingest report and these reads agree.
 */
export const isCited = (a: ClaimAttributes): boolean => a.citations.length > 0;

export const PREDICATE_ORDER: ReadonlyMap<Predicate, number> = new Map(PREDICATES.map((p, i) => [p, i]));

/** A concept's memberships: its classes before its examples, more evidence first, then other concept, then key. */
export function compareMemberships(x: MembershipSummary, y: MembershipSummary): number {
  return (
    (x.direction === y.direction ? 0 : x.direction === 'out' ? -1 : 1) ||
    y.evidenceCount - x.evidenceCount ||
    (x.other.key < y.other.key ? -1 : x.other.key > y.other.key ? 1 : x.key < y.key ? -1 : x.key > y.key ? 1 : 0)
  );
}

/** Reading order of claims: by document key, then position in the file, then key (code-unit order throughout). */
export function compareClaims(
  a: { key: string; document: string; start: number },
  b: { key: string; document: string; start: number },
): number {
  if (a.document !== b.document) return a.document < b.document ? -1 : 1;
  if (a.start !== b.start) return a.start - b.start;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export class ReadIndex {
  readonly claimsInOrder: string[];
  /** Position of each claim in reading order. */
  readonly claimRank: Map<string, number>;
  /** Document keys in code-unit order. */
  readonly documentKeys: string[] = [];
  /** Section keys of each document, in section order. */
  readonly sectionsByDocument = new Map<string, string[]>();
  readonly claimsByDocument = new Map<string, string[]>();
  readonly claimsBySection = new Map<string, string[]>();
  readonly mentionsOf = new Map<string, string[]>();
  /** Relations at each concept, both directions, by the other concept's key. */
  readonly relationsOf = new Map<string, RelationEnd[]>();
  /** The outgoing ones only (each relation once, at its subject). */
  readonly relationsFrom = new Map<string, RelationEnd[]>();
  readonly relationsByClaim = new Map<string, string[]>();
  /** Class memberships at each concept, both directions (not relations: no walk or path steps along them). */
  readonly membershipsOf = new Map<string, MembershipEnd[]>();
  /** Mentions of each concept (its `mentionCount`), for orderings that compare many concepts. */
  readonly mentionCount = new Map<string, number>();
  readonly documentCounts = new Map<string, Counts>();
  readonly sectionCounts = new Map<string, Counts>();
  readonly metrics: ConceptMetrics;
  private searchIndex: SearchIndex | null = null;

  constructor(private readonly g: ChapterGraph) {
    const claims: { key: string; document: string; start: number }[] = [];
    const concepts: string[] = [];
    g.forEachNode((key, a) => {
      if (a.kind === 'claim') {
        claims.push({ key, document: a.document, start: a.start });
        const cited = isCited(a) ? 1 : 0;
        for (const [map, k] of [
          [this.documentCounts, a.document],
          [this.sectionCounts, a.section],
        ] as const) {
          const c = map.get(k) ?? { claims: 0, cited: 0 };
          c.claims++;
          c.cited += cited;
          map.set(k, c);
        }
      } else if (a.kind === 'document') this.documentKeys.push(key);
      else if (a.kind === 'section') push(this.sectionsByDocument, a.document, key);
      else if (a.kind === 'concept') {
        concepts.push(key);
        this.mentionCount.set(key, a.mentionCount);
        this.mentionsOf.set(key, []);
        this.relationsOf.set(key, []);
      }
    });
    claims.sort(compareClaims);
    this.claimsInOrder = claims.map((c) => c.key);
    const rank = (this.claimRank = new Map(this.claimsInOrder.map((k, i) => [k, i])));
    this.documentKeys.sort();
    const order = (k: string) => (g.getNodeAttributes(k) as SectionAttributes).order;
    for (const list of this.sectionsByDocument.values()) {
      list.sort((x, y) => order(x) - order(y) || (x < y ? -1 : x > y ? 1 : 0));
    }
    for (const c of claims) {
      const a = g.getNodeAttributes(c.key) as ClaimAttributes;
      push(this.claimsByDocument, a.document, c.key);
      push(this.claimsBySection, a.section, c.key);
    }

    const relations: RelationEdge[] = [];
    g.forEachEdge((edge, a, source, target) => {
      // Section headings mention concepts too; the API lists mentioning claims only.
      if (a.kind === 'mentions') {
        if (g.getNodeAttribute(source, 'kind') === 'claim') push(this.mentionsOf, target, source);
      } else if (a.kind === 'relation') {
        relations.push({ source, target, predicate: a.predicate, evidenceCount: a.evidence.length });
        const out: RelationEnd = { edge, attributes: a, source, target, other: target, direction: 'out' };
        push(this.relationsOf, source, out);
        push(this.relationsFrom, source, out);
        push(this.relationsOf, target, { edge, attributes: a, source, target, other: source, direction: 'in' });
        for (const holder of a.evidence) push(this.relationsByClaim, holder, edge);
      } else if (a.kind === 'member_of') {
        push(this.membershipsOf, source, { edge, attributes: a, other: target, direction: 'out' });
        push(this.membershipsOf, target, { edge, attributes: a, other: source, direction: 'in' });
      }
    });
    for (const list of this.mentionsOf.values()) list.sort((x, y) => rank.get(x)! - rank.get(y)!);
    for (const list of this.relationsOf.values()) {
      list.sort((x, y) => (x.other < y.other ? -1 : x.other > y.other ? 1 : x.edge < y.edge ? -1 : 1));
    }
    for (const list of this.relationsByClaim.values()) list.sort();
    this.metrics = conceptMetrics(concepts, relations);
  }

  private order: {
    rankOf: Map<string, number>;
    keyOf: string[];
    neighbors: (Int32Array | undefined)[];
    out: (OutgoingRelations | undefined)[];
  } | null = null;

  /** Concepts numbered in neighbourhood priority order: more mentions first, then by key (built on first use). */
  get conceptOrder(): { rankOf: ReadonlyMap<string, number>; keyOf: readonly string[] } {
    if (!this.order) {
      const m = this.mentionCount;
      const keyOf = [...m.keys()].sort((x, y) => m.get(y)! - m.get(x)! || (x < y ? -1 : x > y ? 1 : 0));
      this.order = { rankOf: new Map(keyOf.map((k, i) => [k, i])), keyOf, neighbors: [], out: [] };
    }
    return this.order;
  }

  /** The numbers (see conceptOrder) of the concepts one relation away from concept number `u`, either way. */
  neighborRanks(u: number): Int32Array {
    const order = this.conceptOrder as NonNullable<ReadIndex['order']>;
    let list = order.neighbors[u];
    if (!list) {
      const ends = this.relationsOf.get(order.keyOf[u]!) ?? [];
      list = order.neighbors[u] = Int32Array.from(new Set(ends.map((r) => order.rankOf.get(r.other)!)));
    }
    return list;
  }

  /**
   * The relations going out of concept number `u` (see conceptOrder), by the other concept's key, then
   * by edge key: their targets' numbers, and each as a serialised edge, made once and shared by every
   * answer that lists it (frozen: readers copy what they change).
   */
  outgoing(u: number): OutgoingRelations {
    const order = this.conceptOrder as NonNullable<ReadIndex['order']>;
    let out = order.out[u];
    if (!out) {
      const ends = [...(this.relationsFrom.get(order.keyOf[u]!) ?? [])].sort((x, y) =>
        x.other < y.other ? -1 : x.other > y.other ? 1 : x.edge < y.edge ? -1 : x.edge > y.edge ? 1 : 0,
      );
      out = order.out[u] = {
        targets: Int32Array.from(ends, (r) => order.rankOf.get(r.other)!),
        ends,
        edges: ends.map((r) =>
          Object.freeze({ key: r.edge, source: r.source, target: r.target, attributes: r.attributes }),
        ),
      };
    }
    return out;
  }

  private byKey: { rankOf: Map<string, number>; keyOf: string[]; neighbors: (Int32Array | undefined)[] } | null = null;

  /** Concepts numbered in ascending key order (code units), for searches that order paths by key. */
  get conceptKeyOrder(): { rankOf: ReadonlyMap<string, number>; keyOf: readonly string[] } {
    if (!this.byKey) {
      const keyOf = [...this.mentionCount.keys()].sort();
      this.byKey = { rankOf: new Map(keyOf.map((k, i) => [k, i])), keyOf, neighbors: [] };
    }
    return this.byKey;
  }

  /**
   * The numbers (see conceptKeyOrder) of the concepts one relation away from concept number `u`, either
   * way, ascending, without repeats.
   */
  neighborKeyRanks(u: number): Int32Array {
    const order = this.conceptKeyOrder as NonNullable<ReadIndex['byKey']>;
    let list = order.neighbors[u];
    if (!list) {
      // relationsOf lists are sorted by the other concept's key: numbers come ascending, repeats together.
      const ends = this.relationsOf.get(order.keyOf[u]!) ?? [];
      const ranks: number[] = [];
      for (const r of ends) {
        const v = order.rankOf.get(r.other)!;
        if (ranks[ranks.length - 1] !== v) ranks.push(v);
      }
      list = order.neighbors[u] = Int32Array.from(ranks);
    }
    return list;
  }

  private claimEvidenceLists = new Map<string, readonly string[]>();

  /** A relation's evidence keys that name claims (evidence may also name a section heading), kept. */
  claimEvidence(edge: string, a: RelationAttributes): readonly string[] {
    let list = this.claimEvidenceLists.get(edge);
    if (!list) {
      list = a.evidence.filter((c) => this.g.hasNode(c) && this.g.getNodeAttribute(c, 'kind') === 'claim');
      this.claimEvidenceLists.set(edge, list);
    }
    return list;
  }

  /** The search index, built on the first search (the costliest table, and only searches need it). */
  get search(): SearchIndex {
    if (this.searchIndex) return this.searchIndex;
    const concepts: SearchableConcept[] = [];
    const claims: SearchableClaim[] = [];
    const sources: SearchableSource[] = [];
    this.g.forEachNode((key, a) => {
      if (a.kind === 'concept') {
        const names = [a.label, ...Object.values(a.labels), ...a.aliases];
        concepts.push({ key, label: a.label, category: a.category, names, popularity: a.mentionCount });
      } else if (a.kind === 'source') sources.push({ key, problemId: a.problemId, label: a.label });
    });
    for (const key of this.claimsInOrder) {
      const a = this.g.getNodeAttributes(key) as ClaimAttributes;
      claims.push({ key, text: a.text, normText: a.normText, document: a.document });
    }
    this.searchIndex = new SearchIndex({ concepts, claims, sources });
    return this.searchIndex;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
