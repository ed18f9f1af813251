/**
 * Typed calls for the reviewers' and educators' side of the API: the citation audit (reads), curation
 * verdicts and their audit trail, and saved concept-map views. Reads are open; writes carry the bearer
 * token and curator name from `access`, and tell it what the server answered (read-only, token refused,
 * accepted). Bodies are the server's own types, imported type-only, checked at the boundary like reads.
 */
import type { Predicate } from '../../../server/model/types';
import type { CuratedVerdict } from '../../../server/curation/curation-service';
import type { AuditEntry, View, ViewContent, ViewPatch, ViewSummary } from '../../../server/curation/types';
import type {
  AuditClaim,
  AuditCounts,
  AuditSummary,
  CoCitation,
  SourceRank,
} from '../../../server/services/audit-service';
import type { Page } from '../../../server/store/graph-store';
import type { ViewExportFormat } from '../../../server/views/view-service';
import type { AuditSort, AuditStatus } from '../app/view-state';
import { access } from './access';
import { apiUrl, getJson, seg } from './api-client';
import { ApiError, problemFrom } from './api-error';
import { expectArray, expectRecord } from './guards';

export interface AuditClaimQuery {
  document?: string | null;
  section?: string | null;
  status?: AuditStatus | null;
  sort?: AuditSort;
  offset?: number;
  limit?: number;
}

async function send(method: 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...access.headers(),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(url, { title: e instanceof Error ? e.message : 'network error', status: 0 });
  }
  if (!res.ok) {
    const error = new ApiError(url, await problemFrom(res));
    access.noteFailure(error);
    throw error;
  }
  access.noteSuccess();
  return res.status === 204 ? null : res.json();
}

const verdict = (endpoint: string, v: unknown): CuratedVerdict =>
  expectRecord<CuratedVerdict>(endpoint, v, ['relation', 'verdict', 'subject', 'object', 'predicate']);

const view = (endpoint: string, v: unknown): View =>
  expectRecord<View>(endpoint, v, ['id', 'name', 'concepts', 'links', 'notes']);

export const auditApi = {
  async summary(document?: string | null, signal?: AbortSignal): Promise<AuditSummary> {
    const url = apiUrl('/api/audit', { document });
    const body = expectRecord<AuditSummary>('/api/audit', await getJson(url, signal), ['totals', 'documents']);
    expectArray('/api/audit', body.documents, ['key', 'sections', 'claims']);
    return body;
  },

  async claims(q: AuditClaimQuery, signal?: AbortSignal): Promise<Page<AuditClaim> & { counts: AuditCounts }> {
    const url = apiUrl('/api/audit/claims', { ...q });
    const page = expectRecord<Page<AuditClaim> & { counts: AuditCounts }>(
      '/api/audit/claims',
      await getJson(url, signal),
      ['items', 'total', 'counts'],
    );
    expectArray('/api/audit/claims', page.items, ['key', 'status', 'text']);
    return page;
  },

  /** The CSV download of the claims the filters keep (no paging). */
  csvUrl(q: Omit<AuditClaimQuery, 'offset' | 'limit'>): string {
    return apiUrl('/api/audit/claims.csv', { ...q });
  },

  async sources(q: { document?: string | null; limit?: number }, signal?: AbortSignal): Promise<Page<SourceRank>> {
    const url = apiUrl('/api/audit/sources', { ...q });
    const page = expectRecord<Page<SourceRank>>('/api/audit/sources', await getJson(url, signal), ['items', 'total']);
    expectArray('/api/audit/sources', page.items, ['problemId', 'claims']);
    return page;
  },

  async coCitations(q: { document?: string | null; limit?: number }, signal?: AbortSignal): Promise<Page<CoCitation>> {
    const url = apiUrl('/api/audit/co-citations', { ...q });
    const page = expectRecord<Page<CoCitation>>('/api/audit/co-citations', await getJson(url, signal), [
      'items',
      'total',
    ]);
    expectArray('/api/audit/co-citations', page.items, ['a', 'b', 'count']);
    return page;
  },
};

export interface AddRelationInput {
  subject: string;
  predicate: Predicate;
  object: string;
  evidenceClaim: string;
  note: string;
}

export const curationApi = {
  async verdicts(signal?: AbortSignal): Promise<CuratedVerdict[]> {
    const body = expectRecord<{ items: unknown }>(
      '/api/curation/verdicts',
      await getJson('/api/curation/verdicts', signal),
      ['items'],
    );
    return expectArray('/api/curation/verdicts', body.items, ['relation', 'verdict']);
  },

  async trail(
    q: { offset?: number; limit?: number; target?: string },
    signal?: AbortSignal,
  ): Promise<Page<AuditEntry>> {
    const url = apiUrl('/api/curation/audit', { ...q });
    const page = expectRecord<Page<AuditEntry>>('/api/curation/audit', await getJson(url, signal), ['items', 'total']);
    expectArray('/api/curation/audit', page.items, ['seq', 'action', 'target', 'author', 'at']);
    return page;
  },

  async judge(
    relation: string,
    kind: 'confirm' | 'reject',
    body: { note: string; evidenceClaim?: string },
  ): Promise<CuratedVerdict> {
    const url = `/api/relations/${seg(relation)}/${kind}`;
    return verdict('/api/relations/:id', await send('POST', url, body));
  },

  async retract(relation: string, note: string): Promise<void> {
    await send('POST', `/api/relations/${seg(relation)}/retract`, { note });
  },

  async add(body: AddRelationInput): Promise<CuratedVerdict> {
    return verdict('/api/relations', await send('POST', '/api/relations', body));
  },
};

export const viewsApi = {
  async list(signal?: AbortSignal): Promise<ViewSummary[]> {
    const body = expectRecord<{ items: unknown }>('/api/views', await getJson('/api/views', signal), ['items']);
    return expectArray('/api/views', body.items, ['id', 'name']);
  },

  async get(id: string, signal?: AbortSignal): Promise<View> {
    return view('/api/views/:id', await getJson(`/api/views/${seg(id)}`, signal));
  },

  async create(content: ViewContent): Promise<View> {
    return view('/api/views', await send('POST', '/api/views', content));
  },

  async update(id: string, patch: ViewPatch): Promise<View> {
    return view('/api/views/:id', await send('PUT', `/api/views/${seg(id)}`, patch));
  },

  async remove(id: string): Promise<void> {
    await send('DELETE', `/api/views/${seg(id)}`);
  },

  exportUrl(id: string, format: ViewExportFormat): string {
    return apiUrl(`/api/views/${seg(id)}/export`, { format });
  },
};
