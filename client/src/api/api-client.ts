/**
 * Typed calls to the explorer's HTTP API. Each function builds the URL, fetches, maps a failure to
 * an ApiError (problem+json) and checks the response's structure before handing it on. The bodies are
 * the API's own types (server/services/*: the store's shapes, grouped or wrapped for readers), imported
 * type-only; the functions unwrap envelopes (`{hits}`, `{paths}`, `{documents}`) so callers get lists.
 */
import type { Category, ClaimAttributes, GraphExport, Predicate } from '../../../server/model/types';
import type {
  ConceptView,
  DocumentSummaryView,
  DocumentView,
  PathsView,
} from '../../../server/services/explorer-service';
import type { OverviewEdgeKind } from '../../../server/services/overview-service';
import type { GraphView, RelationView } from '../../../server/services/shapes';
import type {
  ClaimDetail,
  ConceptPath,
  Keyed,
  Page,
  SearchHit,
  SourceDetail,
  StoreStats,
} from '../../../server/store/graph-store';
import { ApiError, problemFrom } from './api-error';
import { ResponseShapeError, expectArray, expectGraphExport, expectRecord } from './guards';

type Param = string | number | boolean | readonly string[] | undefined | null;

/** `/api/x?a=1&b=p,q`: undefined, null, empty strings and empty lists are left out. */
export function apiUrl(path: string, params: Record<string, Param> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) qs.set(k, v.join(','));
    } else qs.set(k, String(v));
  }
  const q = qs.toString();
  return q ? `${path}?${q}` : path;
}

export const seg = (id: string): string => encodeURIComponent(id);

export async function getJson(url: string, signal?: AbortSignal): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(url, { title: e instanceof Error ? e.message : 'network error', status: 0 });
  }
  if (!res.ok) throw new ApiError(url, await problemFrom(res));
  return res.json();
}

export interface SearchOptions {
  kinds?: SearchHit['kind'][];
  categories?: Category[];
  limit?: number;
}

export interface NeighborhoodOptions {
  depth?: number;
  predicates?: Predicate[];
  categories?: Category[];
  limit?: number;
  /** Keep relations a reviewer rejected (only sent to an API that takes the parameter). */
  showRejected?: boolean;
}

export interface PathOptions {
  from: string;
  to: string;
  k?: number;
  maxLength?: number;
  predicates?: Predicate[];
  /** Let paths go through relations a reviewer rejected (only sent to an API that takes the parameter). */
  showRejected?: boolean;
}

export interface ClaimQuery {
  document?: string;
  section?: string;
  cited?: boolean;
  hedged?: boolean;
  concept?: string;
  offset?: number;
  limit?: number;
}

export interface OverviewOptions {
  categories?: Category[];
  documents?: string[];
  minEvidence?: number;
  limit?: number;
  edges?: OverviewEdgeKind[];
  /** Keep relations a reviewer rejected (only sent to an API that takes the parameter). */
  showRejected?: boolean;
}

let openapi: Promise<Record<string, unknown> | null> | null = null;

/** The API's OpenAPI document, fetched once; null when it cannot be read. */
function openapiDocument(): Promise<Record<string, unknown> | null> {
  openapi ??= getJson('/api/openapi.json').then(
    (d) => (d && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, unknown>) : null),
    () => null,
  );
  return openapi;
}

export const api = {
  /** Whether the API documents a query parameter for a GET route (optional features, such as `showRejected`). */
  async supportsParam(path: string, name: string): Promise<boolean> {
    const doc = await openapiDocument();
    const paths = doc?.paths as Record<string, { get?: { parameters?: { name?: unknown }[] } }> | undefined;
    return (paths?.[path]?.get?.parameters ?? []).some((p) => p.name === name);
  },

  /** Whether the API documents a route (optional routers, such as curation). */
  async supportsRoute(path: string): Promise<boolean> {
    const paths = (await openapiDocument())?.paths;
    return typeof paths === 'object' && paths !== null && path in paths;
  },

  async health(signal?: AbortSignal): Promise<Record<string, unknown>> {
    return expectRecord('/api/health', await getJson('/api/health', signal), []);
  },

  async stats(signal?: AbortSignal): Promise<StoreStats> {
    return expectRecord('/api/stats', await getJson('/api/stats', signal), ['nodes', 'edges', 'documents']);
  },

  async search(q: string, opts: SearchOptions = {}, signal?: AbortSignal): Promise<SearchHit[]> {
    const url = apiUrl('/api/search', { q, kinds: opts.kinds, categories: opts.categories, limit: opts.limit });
    const body = expectRecord<{ hits: unknown }>('/api/search', await getJson(url, signal), ['hits']);
    return expectArray('/api/search', body.hits, ['key', 'kind', 'label']);
  },

  async concept(
    key: string,
    opts: { offset?: number; limit?: number; showRejected?: boolean } = {},
    signal?: AbortSignal,
  ): Promise<ConceptView> {
    const url = apiUrl(`/api/concepts/${seg(key)}`, {
      offset: opts.offset,
      limit: opts.limit,
      showRejected: opts.showRejected || undefined,
    });
    const view = expectRecord<ConceptView>('/api/concepts/:id', await getJson(url, signal), [
      'concept',
      'relations',
      'mentions',
    ]);
    expectArray('/api/concepts/:id', view.relations, ['predicate', 'relations']);
    return view;
  },

  async neighborhood(key: string, opts: NeighborhoodOptions = {}, signal?: AbortSignal): Promise<GraphView> {
    const url = apiUrl(`/api/concepts/${seg(key)}/neighborhood`, {
      depth: opts.depth,
      predicates: opts.predicates,
      categories: opts.categories,
      limit: opts.limit,
      showRejected: opts.showRejected || undefined,
    });
    // The same checks as any graphology graph; its relations carry their evidence count, not the keys.
    const g: unknown = expectGraphExport('/api/concepts/:id/neighborhood', await getJson(url, signal));
    return g as GraphView;
  },

  /** A relation whole: every evidence key (neighbourhoods give the count only). */
  async relation(key: string, signal?: AbortSignal): Promise<RelationView> {
    const url = `/api/relations/${seg(key)}`;
    const r = expectRecord<RelationView>('/api/relations/:id', await getJson(url, signal), ['key', 'evidence']);
    if (!Array.isArray(r.evidence)) throw new ResponseShapeError('/api/relations/:id', 'an evidence list');
    return r;
  },

  async paths(opts: PathOptions, signal?: AbortSignal): Promise<ConceptPath[]> {
    const url = apiUrl('/api/paths', {
      from: opts.from,
      to: opts.to,
      k: opts.k,
      maxLength: opts.maxLength,
      predicates: opts.predicates,
      showRejected: opts.showRejected || undefined,
    });
    const body = expectRecord<PathsView>('/api/paths', await getJson(url, signal), ['paths']);
    return expectArray<ConceptPath>('/api/paths', body.paths, ['nodes', 'hops']);
  },

  async claim(key: string, signal?: AbortSignal): Promise<ClaimDetail> {
    const url = `/api/claims/${seg(key)}`;
    return expectRecord('/api/claims/:id', await getJson(url, signal), ['claim', 'sources', 'concepts']);
  },

  async claims(query: ClaimQuery, signal?: AbortSignal): Promise<Page<Keyed<ClaimAttributes>>> {
    const url = apiUrl('/api/claims', { ...query });
    const page = expectRecord<Page<Keyed<ClaimAttributes>>>('/api/claims', await getJson(url, signal), [
      'items',
      'total',
    ]);
    expectArray('/api/claims', page.items, ['key', 'text']);
    return page;
  },

  async source(problemId: string, signal?: AbortSignal): Promise<SourceDetail> {
    const url = `/api/sources/${seg(problemId)}`;
    return expectRecord('/api/sources/:problemId', await getJson(url, signal), ['source', 'claims']);
  },

  async documents(signal?: AbortSignal): Promise<DocumentSummaryView[]> {
    const body = expectRecord<{ documents: unknown }>('/api/documents', await getJson('/api/documents', signal), [
      'documents',
    ]);
    return expectArray('/api/documents', body.documents, ['document']);
  },

  async document(id: string, signal?: AbortSignal): Promise<DocumentView> {
    const url = `/api/documents/${seg(id)}`;
    return expectRecord('/api/documents/:id', await getJson(url, signal), ['document', 'sections']);
  },

  async overview(opts: OverviewOptions = {}, signal?: AbortSignal): Promise<GraphExport> {
    const url = apiUrl('/api/graph', {
      categories: opts.categories,
      documents: opts.documents,
      minEvidence: opts.minEvidence,
      limit: opts.limit,
      edges: opts.edges,
      showRejected: opts.showRejected || undefined,
    });
    return expectGraphExport('/api/graph', await getJson(url, signal));
  },
};

export type Api = typeof api;
