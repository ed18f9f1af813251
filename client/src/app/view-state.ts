/**
 * The view's state: everything a link must reproduce (language, mode, selection, filters, expansions,
 * path, open tab, chapter outline, camera, the audit's filters, the concept map open), its defaults, and
 * the store the interface reads and updates.
 * Every change says how history records it: `push` (a step back/forward returns to), `replace`
 * (camera moves) or `none` (applying a state read from the URL).
 */
import type { Category, Lang } from '../../../server/model/types';
import type { AuditSortField as ServerAuditSortField, AuditStatusFilter } from '../../../server/services/audit-service';
import type { LinkType } from './domain';

export const HEDGINGS = ['any', 'hedged', 'asserted'] as const;
export type Hedging = (typeof HEDGINGS)[number];
export const SIZE_BYS = ['degree', 'pagerank'] as const;
export type SizeBy = (typeof SIZE_BYS)[number];
export const SIDE_TABS = ['filters', 'outline', 'paths'] as const;
export type SideTab = (typeof SIDE_TABS)[number];
/** What the page is for: exploring the graph, auditing citations, or building a concept map. */
export const MODES = ['explore', 'audit', 'map'] as const;
export type Mode = (typeof MODES)[number];
export const AUDIT_STATUSES = ['cited', 'uncited', 'context', 'hedged'] as const satisfies readonly AuditStatusFilter[];
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
export const AUDIT_SORT_FIELDS = [
  'order',
  'document',
  'section',
  'status',
  'hedged',
  'citations',
] as const satisfies readonly ServerAuditSortField[];
export type AuditSortField = (typeof AUDIT_SORT_FIELDS)[number];
/** A sort field, descending when prefixed with `-` (the audit API's `sort`). */
export type AuditSort = AuditSortField | `-${AuditSortField}`;

export interface AuditFilters {
  /** A document key (`doc:…`). */
  document: string | null;
  /** A section key (`sec:…`). */
  section: string | null;
  status: AuditStatus | null;
  sort: AuditSort;
}

export const DEFAULT_AUDIT: AuditFilters = { document: null, section: null, status: null, sort: 'order' };

export interface Camera {
  x: number;
  y: number;
  ratio: number;
}

export interface PathRequest {
  from: string;
  to: string;
  k: number;
  maxLength: number;
}

export interface ViewState {
  lang: Lang;
  /** A node or edge key: `concept:…`, `rel:…`, `co:…`, `claim:…` or `src:…`. */
  selected: string | null;
  hiddenCategories: Category[];
  hiddenLinks: LinkType[];
  /** A document key: only concepts and relations of that chapter are shown. */
  chapter: string | null;
  minEvidence: number;
  hedging: Hedging;
  sizeBy: SizeBy;
  /** Concepts whose neighbourhood was expanded, in order. */
  expanded: string[];
  path: PathRequest | null;
  tab: SideTab;
  /** The document whose outline the Chapters tab shows. */
  outline: string | null;
  camera: Camera | null;
  mode: Mode;
  audit: AuditFilters;
  /** Relations a reviewer rejected are hidden unless this is on. */
  showRejected: boolean;
  /** The saved concept map (view id) open in the map builder: its share link. */
  view: string | null;
}

export const DEFAULT_PATH = { k: 3, maxLength: 4 } as const;

/** Co-mentions are many and untyped: drawn only when asked for. */
export const DEFAULT_HIDDEN_LINKS: readonly LinkType[] = ['co_mention'];

export function defaultState(lang: Lang): ViewState {
  return {
    lang,
    selected: null,
    hiddenCategories: [],
    hiddenLinks: [...DEFAULT_HIDDEN_LINKS],
    chapter: null,
    minEvidence: 1,
    hedging: 'any',
    sizeBy: 'degree',
    expanded: [],
    path: null,
    tab: 'filters',
    outline: null,
    camera: null,
    mode: 'explore',
    audit: { ...DEFAULT_AUDIT },
    showRejected: false,
    view: null,
  };
}

export type HistoryMode = 'push' | 'replace' | 'none';
export type StateListener = (
  state: ViewState,
  prev: ViewState,
  changed: ReadonlySet<keyof ViewState>,
  mode: HistoryMode,
) => void;

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export class ViewStore {
  private listeners = new Set<StateListener>();
  private historyListeners = new Set<(state: ViewState, mode: HistoryMode) => void>();

  constructor(private current: ViewState) {}

  get state(): ViewState {
    return this.current;
  }

  /** Applies a change; listeners hear only about keys whose value changed. */
  update(patch: Partial<ViewState>, mode: HistoryMode = 'push'): void {
    const prev = this.current;
    const next = { ...prev, ...patch };
    const changed = new Set<keyof ViewState>();
    for (const k of Object.keys(patch) as (keyof ViewState)[]) if (!sameValue(prev[k], next[k])) changed.add(k);
    if (!changed.size) return;
    this.current = next;
    for (const l of this.historyListeners) l(next, mode);
    for (const l of this.listeners) l(next, prev, changed, mode);
  }

  subscribe(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onHistory(listener: (state: ViewState, mode: HistoryMode) => void): void {
    this.historyListeners.add(listener);
  }
}
