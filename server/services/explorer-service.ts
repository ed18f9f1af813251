/**
 * The explorer's questions (search, concepts, neighbourhoods, paths, claims, sources, documents, health
 * and statistics), answered from an injected store. Parameters arrive validated; this layer turns
 * identifiers into keys, shapes the store's answers for readers (relations grouped by predicate, citation
 * coverage), shows reviewers' verdicts on relations when given a curation overlay (rejected relations left
 * out unless asked for) and reports an unreachable store as such.
 */
import type { CuratedRelationSummary, CurationMark, CurationOverlay } from '../curation/curation-service';
import { NotFoundError, StoreUnavailableError, UsageError } from '../errors';
import { PREDICATES, type Category, type ClaimAttributes, type Predicate } from '../model/types';
import type {
  ClaimDetail,
  ConceptDetail,
  DocumentDetail,
  DocumentSummary,
  GraphStore,
  Keyed,
  MembershipSummary,
  Page,
  PathHop,
  SearchHit,
  SourceDetail,
  StoreStats,
} from '../store/graph-store';
import { claimKey, conceptKey, documentKey, problemId, sectionKey } from './ids';
import {
  graphView,
  keyedConceptSummary,
  type ConceptSummary,
  type GraphView,
  type MarkedRelation,
  type RelationView,
} from './shapes';
import { RETRY_AFTER_SECONDS, StoreGate } from './store-gate';

/** Whether the server takes writes (curation, views); `detail` says why not. */
export interface WriteAccess {
  writable: boolean;
  detail?: string;
}

export interface Health extends WriteAccess {
  status: 'ok';
  store: GraphStore['kind'];
}

export interface ExplorerOptions {
  /** What GET /api/health says about writes; read-only when not given. */
  access?: WriteAccess;
  /** Reviewers' verdicts to show on concepts, neighbourhoods and paths; none: answers as extracted. */
  curation?: CurationOverlay | null;
}

export interface RelationGroup {
  predicate: Predicate;
  /** Relations with this predicate, and the evidence sentences behind them all. */
  count: number;
  evidenceCount: number;
  /** The first of them in the store's order (outgoing first, most evidence first), up to the limit asked. */
  relations: CuratedRelationSummary[];
}

export interface ConceptView {
  concept: ConceptDetail['concept'];
  degree: number;
  pagerank: number;
  relations: RelationGroup[];
  /**
   * Class memberships named in passing (`SSRIs such as fluoxetine`), not relations: the concept's classes
   * (`direction: out`, "kind of") before its examples (`in`), each whole with its evidence keys.
   */
  memberships: MembershipSummary[];
  mentions: Page<Keyed<ClaimAttributes>>;
}

export interface PathHopView extends Omit<PathHop, 'evidence' | 'evidenceCount'> {
  /** The first evidence sentences, up to the limit asked, and how many there are in all. */
  evidence: PathHop['evidence'];
  evidenceCount: number;
  /** A reviewer's verdict on the hop's relation. */
  curation?: CurationMark;
}

export interface PathView {
  nodes: Keyed<ConceptSummary>[];
  hops: PathHopView[];
}

export interface PathsView {
  from: string;
  to: string;
  paths: PathView[];
}

export interface ClaimView extends Omit<ClaimDetail, 'concepts'> {
  concepts: Keyed<ConceptSummary>[];
}

/** The ends and predicate a relation key names (`rel:<subject>-<predicate>-><object>`), or null. */
export function parseRelationKey(key: string): { subject: string; predicate: Predicate; object: string } | null {
  if (!key.startsWith('rel:concept:')) return null;
  for (const predicate of PREDICATES) {
    const at = key.indexOf(`-${predicate}->concept:`, 'rel:concept:'.length);
    if (at < 0) continue;
    return { subject: key.slice(4, at), predicate, object: key.slice(at + predicate.length + 3) };
  }
  return null;
}

/** Share of claims that cite a source; 0 when there are no claims. */
const coverage = (cited: number, claims: number) => (claims === 0 ? 0 : Math.round((cited / claims) * 10000) / 10000);

export interface DocumentSummaryView extends DocumentSummary {
  coverage: number;
}

export interface DocumentView extends DocumentSummaryView {
  sections: (DocumentDetail['sections'][number] & { coverage: number })[];
}

export class ExplorerService {
  private readonly gate: StoreGate;
  private readonly access: WriteAccess;
  private readonly curation: CurationOverlay | null;

  constructor(
    private readonly store: GraphStore,
    opts: ExplorerOptions = {},
  ) {
    this.gate = new StoreGate(store);
    this.access = opts.access ?? { writable: false };
    this.curation = opts.curation ?? null;
  }

  async health(): Promise<Health> {
    if (!(await this.gate.reachable())) throw new StoreUnavailableError('store: not reachable', RETRY_AFTER_SECONDS);
    return { status: 'ok', store: this.store.kind, ...this.access };
  }

  stats(): Promise<StoreStats> {
    return this.gate.run(() => this.store.stats());
  }

  async search(q: string, opts: { kinds?: SearchHit['kind'][]; categories?: Category[]; limit: number }) {
    const hits = await this.gate.run(() => this.store.search({ q, ...opts }));
    return { q, hits };
  }

  /**
   * `relations`: how many relations each predicate group lists (its `count` gives them all). Verdicts:
   * rejected relations left out (kept and marked with `showRejected`), added ones listed.
   */
  async concept(
    id: string,
    mentions: { offset: number; limit: number },
    relations: number,
    showRejected = false,
  ): Promise<ConceptView> {
    const key = conceptKey(id);
    const stored = await this.gate.run(() => this.store.concept(key, mentions));
    const { curation } = this;
    // Verdicts live in the same database as a Neo4j graph: an outage is answered 503 like any other.
    const d = curation ? await this.gate.run(() => curation.overlayConcept(stored, { showRejected })) : stored;
    const groups = new Map<Predicate, RelationGroup>();
    for (const r of d.relations) {
      let g = groups.get(r.predicate);
      if (!g) groups.set(r.predicate, (g = { predicate: r.predicate, count: 0, evidenceCount: 0, relations: [] }));
      g.count++;
      g.evidenceCount += r.evidenceCount;
      if (g.relations.length < relations) g.relations.push(r);
    }
    return {
      concept: d.concept,
      degree: d.degree,
      pagerank: d.pagerank,
      relations: [...groups.values()],
      memberships: d.memberships,
      mentions: { total: d.mentions.total, ...mentions, items: d.mentions.claims },
    };
  }

  /**
   * The neighbourhood as drawn: compact concepts and at most `edgeLimit` relations (see `graphView`), with
   * the verdicts on them: rejected relations left out unless `showRejected`, added ones between the
   * concepts shown drawn. The walk does not step along a rejected relation unless `showRejected`.
   */
  async neighborhood(
    id: string,
    depth: number,
    filter: { predicates?: Predicate[]; categories?: Category[]; limit: number },
    edgeLimit: number,
    showRejected = false,
  ): Promise<GraphView> {
    const { curation } = this;
    // Verdicts read once: the walk does not step along rejected relations unless they are to be shown,
    // and the overlay marks what it returns.
    const verdicts = curation ? await this.gate.run(() => curation.storedVerdicts()) : [];
    const excludeRelations = showRejected
      ? []
      : verdicts.flatMap((v) => (v.verdict === 'rejected' ? [v.relation] : []));
    const walk = excludeRelations.length ? { ...filter, excludeRelations } : filter;
    const g = await this.gate.run(() => this.store.neighborhood(conceptKey(id), depth, walk));
    const opts = { showRejected, predicates: filter.predicates };
    const shown = curation ? await this.gate.run(() => curation.overlay(g, opts, verdicts)) : g;
    return graphView(shown, edgeLimit);
  }

  /**
   * One relation by key, whole (every evidence key), with a reviewer's verdict when it has one: asked for
   * by key, a rejected relation is answered too, marked. Read as the subject's neighbourhood along the
   * predicate, which holds the relation if it exists (both stores answer that cheaply); an added
   * relation comes from its verdict.
   */
  async relation(key: string): Promise<RelationView> {
    const ends = parseRelationKey(key);
    if (!ends) throw new NotFoundError('relation', key);
    const { curation } = this;
    const verdicts = curation ? await this.gate.run(() => curation.storedVerdicts()) : [];
    const verdict = verdicts.find((v) => v.relation === key);
    if (verdict?.verdict === 'added') {
      return {
        key,
        source: verdict.subject,
        target: verdict.object,
        kind: 'relation',
        predicate: verdict.predicate,
        evidence: [verdict.evidence.claim],
        cues: [],
        confidence: 1,
        hedged: false,
        negated: false,
        curation: 'added',
        evidenceCount: 1,
      };
    }
    const g = await this.gate
      .run(() => this.store.neighborhood(ends.subject, 1, { predicates: [ends.predicate] }))
      .catch((e: unknown) => {
        // The subject not being a concept means there is no such relation.
        throw e instanceof NotFoundError ? new NotFoundError('relation', key) : e;
      });
    const edge = g.edges.find((e) => e.key === key);
    if (edge?.attributes?.kind !== 'relation') throw new NotFoundError('relation', key);
    const a: MarkedRelation = verdict ? { ...edge.attributes, curation: verdict.verdict } : edge.attributes;
    return { key, source: edge.source, target: edge.target, ...a, evidenceCount: a.evidence.length };
  }

  /**
   * `evidence`: how many evidence sentences each hop lists (its `evidenceCount` gives them all). Paths
   * never step along a rejected relation unless `showRejected`; hops are marked with their verdicts.
   */
  async paths(
    q: { from: string; to: string; k: number; maxLength: number; predicates?: Predicate[] },
    evidence: number,
    showRejected = false,
  ): Promise<PathsView> {
    const from = conceptKey(q.from);
    const to = conceptKey(q.to);
    if (from === to) throw new UsageError('to: must name a different concept than from', 'to');
    const { curation } = this;
    const marks = curation ? await this.gate.run(() => curation.marks()) : new Map<string, CurationMark>();
    const rejected = showRejected ? [] : [...marks].flatMap(([k, v]) => (v === 'rejected' ? [k] : []));
    const query = {
      ...q,
      from,
      to,
      evidenceLimit: evidence,
      ...(rejected.length ? { excludeRelations: rejected } : {}),
    };
    const paths = await this.gate.run(() => this.store.paths(query));
    return {
      from,
      to,
      paths: paths.map((p) => ({
        nodes: p.nodes.map(keyedConceptSummary),
        hops: p.hops.map((h) => {
          const mark = marks.get(h.relation);
          const { evidenceCount = h.evidence.length, ...rest } = h;
          const hop = { ...rest, evidence: h.evidence.slice(0, evidence), evidenceCount };
          return mark ? { ...hop, curation: mark } : hop;
        }),
      })),
    };
  }

  claims(filter: {
    document?: string;
    section?: string;
    cited?: boolean;
    hedged?: boolean;
    concept?: string;
    offset: number;
    limit: number;
  }): Promise<Page<Keyed<ClaimAttributes>>> {
    return this.gate.run(() =>
      this.store.claims({
        ...filter,
        document: filter.document === undefined ? undefined : documentKey(filter.document),
        section: filter.section === undefined ? undefined : sectionKey(filter.section),
        concept: filter.concept === undefined ? undefined : conceptKey(filter.concept),
      }),
    );
  }

  async claim(id: string): Promise<ClaimView> {
    const d = await this.gate.run(() => this.store.claim(claimKey(id)));
    return { ...d, concepts: d.concepts.map(keyedConceptSummary) };
  }

  source(id: string): Promise<SourceDetail> {
    return this.gate.run(() => this.store.source(problemId(id)));
  }

  async documents(): Promise<{ documents: DocumentSummaryView[] }> {
    const list = await this.gate.run(() => this.store.documents());
    return { documents: list.map((d) => ({ ...d, coverage: coverage(d.cited, d.claims) })) };
  }

  async document(id: string): Promise<DocumentView> {
    const d = await this.gate.run(() => this.store.document(documentKey(id)));
    return {
      ...d,
      coverage: coverage(d.cited, d.claims),
      sections: d.sections.map((s) => ({ ...s, coverage: coverage(s.cited, s.claims) })),
    };
  }
}
