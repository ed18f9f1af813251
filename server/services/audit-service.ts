/**
 * The citation audit: for every chapter and section, how many claims cite a source, how many are
 * supported only by the next sentence, how many are uncited or hedged; every claim with its citation
 * status (filtered, sorted, paged, or as CSV); sources ranked by the claims citing them; and the
 * problems cited together by one claim.
 *
 * The definitions are those of the ingest's data-quality report (server/ingest/quality-report.ts), so
 * the audit view and `npm run ingest -- --report` give the same figures: a claim is *cited* when a
 * marker of its own ends it; every other claim is *uncited*, including those the next sentence's marker
 * supports (*context-cited*, a subset of the uncited). Coverage is cited / claims. Sections are the ones
 * holding claims directly, in reading order, as the report lists them. (The explorer's outline counts
 * context citations as support; the audit, like the report, does not.)
 *
 * Everything is computed from one export of the whole graph, kept while the store's data is unchanged
 * (stores that count their changes) or for a few seconds (stores that cannot say).
 */
import { NotFoundError, UsageError } from '../errors';
import type { ClaimAttributes, Lang } from '../model/types';
import type { GraphStore, Page } from '../store/graph-store';
import { compareClaims } from '../store/queries/read-index';
import { documentKey, sectionKey } from './ids';
import { StoreGate } from './store-gate';

/** A claim's citation status: its own marker, only the next sentence's, or none. */
export const CITATION_STATUSES = ['cited', 'context', 'uncited'] as const;
export type CitationStatus = (typeof CITATION_STATUSES)[number];

/**
 * What the claim list filters on: `cited`, `uncited` (no marker of its own, as the report counts),
 * `context` (uncited but supported by the next sentence) and `hedged` (whatever the citations).
 */
export const AUDIT_STATUS_FILTERS = ['cited', 'uncited', 'context', 'hedged'] as const;
export type AuditStatusFilter = (typeof AUDIT_STATUS_FILTERS)[number];

export const AUDIT_SORT_FIELDS = ['order', 'document', 'section', 'status', 'hedged', 'citations'] as const;
export type AuditSortField = (typeof AUDIT_SORT_FIELDS)[number];
/** A sort field, descending when prefixed with `-`. */
export const AUDIT_SORTS = [
  'order',
  '-order',
  'document',
  '-document',
  'section',
  '-section',
  'status',
  '-status',
  'hedged',
  '-hedged',
  'citations',
  '-citations',
] as const satisfies readonly (AuditSortField | `-${AuditSortField}`)[];
export type AuditSort = (typeof AUDIT_SORTS)[number];

export interface AuditCounts {
  claims: number;
  /** Claims ended by a marker of their own. */
  cited: number;
  /** Uncited claims that the next sentence's marker supports (a subset of `uncited`). */
  contextCited: number;
  /** Claims without a marker of their own: claims − cited. */
  uncited: number;
  hedged: number;
  /** cited / claims; 0 without claims. */
  coverage: number;
}

export interface SectionAudit extends AuditCounts {
  key: string;
  title: string;
  /** Titles from the chapter's top heading down to this section. */
  path: string[];
  level: number;
}

export interface DocumentAudit extends AuditCounts {
  key: string;
  title: string;
  path: string;
  lang: Lang;
  /** Sections holding claims directly, in reading order. */
  sections: SectionAudit[];
}

export interface AuditSummary {
  totals: AuditCounts;
  documents: DocumentAudit[];
}

export interface AuditClaim {
  key: string;
  document: string;
  section: string;
  sectionTitle: string;
  sectionPath: string[];
  text: string;
  lang: Lang;
  line: number;
  column: number;
  status: CitationStatus;
  hedged: boolean;
  /** Problem ids of the claim's own markers. */
  citations: string[];
  /** Problem ids of the next sentence's markers, when it refers back to this claim. */
  contextCitations: string[];
}

export interface SourceRank {
  problemId: string;
  label: string;
  /** Claims citing it with a marker of their own: the rank. */
  claims: number;
  /** Claims supported by it through the next sentence. */
  contextClaims: number;
  /** Documents whose claims cite it, by key. */
  documents: string[];
  /** Whether its problem text is known (appendices or data/sources). */
  known: boolean;
}

export interface CoCitation {
  /** The two problem ids, in code-unit order. */
  a: string;
  b: string;
  /** Claims citing both with their own markers. */
  count: number;
  /** The first of those claims, in reading order. */
  claims: string[];
}

export interface AuditClaimQuery {
  document?: string;
  section?: string;
  status?: AuditStatusFilter;
  sort?: AuditSort;
  offset: number;
  limit: number;
}

export interface AuditListQuery {
  document?: string;
  offset: number;
  limit: number;
}

/** Claims listed with each co-citation pair. */
const PAIR_CLAIMS = 5;

export interface AuditServiceOptions {
  /** How long a snapshot serves a store that cannot count its changes (ms). */
  ttlMs?: number;
  now?: () => number;
}

interface Snapshot {
  /** Every claim in reading order. */
  claims: AuditClaim[];
  /** Reading-order rank of each claim. */
  rank: Map<string, number>;
  documents: DocumentAudit[];
  sources: Map<string, { label: string; known: boolean }>;
}

const statusOf = (a: Pick<ClaimAttributes, 'citations' | 'contextCitations'>): CitationStatus =>
  a.citations.length ? 'cited' : a.contextCitations.length ? 'context' : 'uncited';

const codeUnitOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function emptyCounts(): AuditCounts {
  return { claims: 0, cited: 0, contextCited: 0, uncited: 0, hedged: 0, coverage: 0 };
}

function count(c: AuditCounts, claim: AuditClaim): void {
  c.claims++;
  if (claim.status === 'cited') c.cited++;
  else c.uncited++;
  if (claim.status === 'context') c.contextCited++;
  if (claim.hedged) c.hedged++;
}

function finish<T extends AuditCounts>(c: T): T {
  c.coverage = c.claims ? c.cited / c.claims : 0;
  return c;
}

function sumCounts(parts: readonly AuditCounts[]): AuditCounts {
  const total = emptyCounts();
  for (const p of parts) {
    total.claims += p.claims;
    total.cited += p.cited;
    total.contextCited += p.contextCited;
    total.uncited += p.uncited;
    total.hedged += p.hedged;
  }
  return finish(total);
}

export function matchesStatus(c: AuditClaim, status: AuditStatusFilter): boolean {
  switch (status) {
    case 'cited':
      return c.status === 'cited';
    case 'uncited':
      return c.status !== 'cited';
    case 'context':
      return c.status === 'context';
    case 'hedged':
      return c.hedged;
  }
}

const STATUS_RANK: Record<CitationStatus, number> = { uncited: 0, context: 1, cited: 2 };

/** The comparison a sort asks for; ties fall back to reading order. */
function comparator(sort: AuditSort, snap: Snapshot): (a: AuditClaim, b: AuditClaim) => number {
  const desc = sort.startsWith('-');
  const field = (desc ? sort.slice(1) : sort) as AuditSortField;
  const order = (a: AuditClaim, b: AuditClaim) => snap.rank.get(a.key)! - snap.rank.get(b.key)!;
  const by: Record<AuditSortField, (a: AuditClaim, b: AuditClaim) => number> = {
    order,
    document: (a, b) => codeUnitOrder(a.document, b.document),
    section: (a, b) => codeUnitOrder(a.sectionPath.join('\u0000'), b.sectionPath.join('\u0000')),
    status: (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status],
    hedged: (a, b) => Number(a.hedged) - Number(b.hedged),
    citations: (a, b) => a.citations.length - b.citations.length,
  };
  const primary = by[field];
  return (a, b) => (desc ? -primary(a, b) : primary(a, b)) || order(a, b);
}

export class AuditService {
  private readonly gate: StoreGate;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private cached: { generation: number | null; at: number; snapshot: Promise<Snapshot> } | null = null;

  constructor(
    private readonly store: GraphStore,
    opts: AuditServiceOptions = {},
  ) {
    this.gate = new StoreGate(store);
    this.ttlMs = opts.ttlMs ?? 5000;
    this.now = opts.now ?? Date.now;
  }

  /** Figures per chapter and section, and in all; `document` keeps one chapter. */
  async summary(document?: string): Promise<AuditSummary> {
    const snap = await this.snapshot();
    const docs = document === undefined ? snap.documents : [this.documentOf(snap, document)];
    return { totals: sumCounts(docs), documents: docs };
  }

  /** Claims with their status, filtered, sorted (reading order by default) and paged. */
  async claims(q: AuditClaimQuery): Promise<Page<AuditClaim> & { counts: AuditCounts }> {
    const all = await this.filtered(q);
    const counts = emptyCounts();
    for (const c of all) count(counts, c);
    return {
      total: all.length,
      offset: q.offset,
      limit: q.limit,
      items: all.slice(q.offset, q.offset + q.limit),
      counts: finish(counts),
    };
  }

  /** Every claim the filters keep, sorted: what the CSV download holds. */
  async allClaims(q: Omit<AuditClaimQuery, 'offset' | 'limit'>): Promise<AuditClaim[]> {
    return this.filtered(q);
  }

  /** Sources by the claims citing them with their own markers, most first. */
  async sources(q: AuditListQuery): Promise<Page<SourceRank>> {
    const snap = await this.snapshot();
    const claims = this.claimsOf(snap, q.document);
    const ranks = new Map<string, SourceRank & { docs: Set<string> }>();
    const entry = (problemId: string) => {
      let r = ranks.get(problemId);
      if (!r) {
        const s = snap.sources.get(problemId);
        r = {
          problemId,
          label: s?.label ?? problemId,
          claims: 0,
          contextClaims: 0,
          documents: [],
          known: s?.known ?? false,
          docs: new Set(),
        };
        ranks.set(problemId, r);
      }
      return r;
    };
    for (const c of claims) {
      for (const p of new Set(c.citations)) {
        const r = entry(p);
        r.claims++;
        r.docs.add(c.document);
      }
      for (const p of new Set(c.contextCitations)) {
        if (c.citations.includes(p)) continue;
        const r = entry(p);
        r.contextClaims++;
        r.docs.add(c.document);
      }
    }
    const items = [...ranks.values()]
      .map(({ docs, ...r }) => ({ ...r, documents: [...docs].sort(codeUnitOrder) }))
      .sort(
        (x, y) =>
          y.claims - x.claims ||
          y.contextClaims - x.contextClaims ||
          x.problemId.localeCompare(y.problemId, 'en', { numeric: true }),
      );
    return { total: items.length, offset: q.offset, limit: q.limit, items: items.slice(q.offset, q.offset + q.limit) };
  }

  /** Pairs of problems cited by one claim's own markers, by how many claims cite both. */
  async coCitations(q: AuditListQuery): Promise<Page<CoCitation>> {
    const snap = await this.snapshot();
    const pairs = new Map<string, CoCitation>();
    for (const c of this.claimsOf(snap, q.document)) {
      const cited = [...new Set(c.citations)].sort(codeUnitOrder);
      for (let i = 0; i < cited.length; i++) {
        for (let j = i + 1; j < cited.length; j++) {
          const a = cited[i]!;
          const b = cited[j]!;
          const id = JSON.stringify([a, b]);
          const p = pairs.get(id) ?? { a, b, count: 0, claims: [] };
          p.count++;
          if (p.claims.length < PAIR_CLAIMS) p.claims.push(c.key);
          pairs.set(id, p);
        }
      }
    }
    const items = [...pairs.values()].sort(
      (x, y) => y.count - x.count || codeUnitOrder(x.a, y.a) || codeUnitOrder(x.b, y.b),
    );
    return { total: items.length, offset: q.offset, limit: q.limit, items: items.slice(q.offset, q.offset + q.limit) };
  }

  private async filtered(q: Omit<AuditClaimQuery, 'offset' | 'limit'>): Promise<AuditClaim[]> {
    const snap = await this.snapshot();
    let claims = this.claimsOf(snap, q.document);
    if (q.section !== undefined) {
      const key = sectionKey(q.section);
      const doc = snap.documents.find((d) => d.sections.some((s) => s.key === key));
      if (!doc && !snap.claims.some((c) => c.section === key)) throw new NotFoundError('section', key);
      if (q.document !== undefined && doc && doc.key !== documentKey(q.document)) {
        throw new UsageError(`section: ${key} is not a section of ${documentKey(q.document)}`, 'section');
      }
      claims = claims.filter((c) => c.section === key);
    }
    const status = q.status;
    if (status !== undefined) claims = claims.filter((c) => matchesStatus(c, status));
    if (q.sort !== undefined && q.sort !== 'order') claims = [...claims].sort(comparator(q.sort, snap));
    return claims;
  }

  private documentOf(snap: Snapshot, document: string): DocumentAudit {
    const key = documentKey(document);
    const doc = snap.documents.find((d) => d.key === key);
    if (!doc) throw new NotFoundError('document', key);
    return doc;
  }

  private claimsOf(snap: Snapshot, document: string | undefined): AuditClaim[] {
    if (document === undefined) return snap.claims;
    const key = this.documentOf(snap, document).key;
    return snap.claims.filter((c) => c.document === key);
  }

  /** The snapshot for the store's data now: rebuilt when the data changed or (unversioned) the TTL ran out. */
  private snapshot(): Promise<Snapshot> {
    const counted = (this.store as Partial<{ generation: unknown }>).generation;
    const generation = typeof counted === 'number' ? counted : null;
    const c = this.cached;
    const fresh = c !== null && (generation !== null ? c.generation === generation : this.now() - c.at < this.ttlMs);
    if (fresh) return c.snapshot;
    const snapshot = this.gate.run(() => this.build());
    this.cached = { generation, at: this.now(), snapshot };
    // A failed build is not kept: the next request tries again.
    snapshot.catch(() => {
      if (this.cached?.snapshot === snapshot) this.cached = null;
    });
    return snapshot;
  }

  private async build(): Promise<Snapshot> {
    const g = await this.store.exportGraph();
    const docs = new Map<string, DocumentAudit>();
    const sections = new Map<string, SectionAudit & { document: string; order: number }>();
    const rawClaims: { key: string; a: ClaimAttributes }[] = [];
    const sources = new Map<string, { label: string; known: boolean }>();
    for (const n of g.nodes) {
      const a = n.attributes;
      if (!a) continue;
      if (a.kind === 'document') {
        docs.set(n.key, {
          key: n.key,
          title: a.title,
          path: a.path,
          lang: a.lang,
          sections: [],
          ...emptyCounts(),
        });
      } else if (a.kind === 'section') {
        sections.set(n.key, {
          key: n.key,
          title: a.title,
          path: a.path,
          level: a.level,
          document: a.document,
          order: a.order,
          ...emptyCounts(),
        });
      } else if (a.kind === 'claim') rawClaims.push({ key: n.key, a });
      else if (a.kind === 'source') sources.set(a.problemId, { label: a.label, known: a.problem !== undefined });
    }
    const place = (c: { key: string; a: ClaimAttributes }) => ({
      key: c.key,
      document: c.a.document,
      start: c.a.start,
    });
    rawClaims.sort((x, y) => compareClaims(place(x), place(y)));
    const claims: AuditClaim[] = rawClaims.map(({ key, a }) => {
      const section = sections.get(a.section);
      return {
        key,
        document: a.document,
        section: a.section,
        sectionTitle: section?.title ?? a.sectionPath[a.sectionPath.length - 1] ?? '',
        sectionPath: a.sectionPath,
        text: a.text,
        lang: a.lang,
        line: a.line,
        column: a.column,
        status: statusOf(a),
        hedged: a.hedged,
        citations: a.citations,
        contextCitations: a.contextCitations,
      };
    });
    for (const c of claims) {
      const doc = docs.get(c.document);
      if (doc) count(doc, c);
      const sec = sections.get(c.section);
      if (sec) count(sec, c);
    }
    const ordered = [...sections.values()].sort((x, y) => x.order - y.order);
    for (const { document, order: _order, ...s } of ordered) {
      if (s.claims > 0) docs.get(document)?.sections.push(finish(s));
    }
    const documents = [...docs.values()].sort((x, y) => codeUnitOrder(x.key, y.key)).map(finish);
    return { claims, rank: new Map(claims.map((c, i) => [c.key, i])), documents, sources };
  }
}
