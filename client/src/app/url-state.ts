/**
 * The view state as a query string and back. Only values that differ from the defaults are written;
 * reading ignores what it does not understand (an unknown category, a malformed camera), so an old or
 * hand-edited link still opens.
 */
import type { Category, Lang } from '../../../server/model/types';
import { isCategory, isLinkType, type LinkType } from './domain';
import {
  AUDIT_SORT_FIELDS,
  AUDIT_STATUSES,
  DEFAULT_HIDDEN_LINKS,
  DEFAULT_PATH,
  HEDGINGS,
  MODES,
  SIDE_TABS,
  SIZE_BYS,
  defaultState,
  type AuditSort,
  type AuditStatus,
  type Camera,
  type Hedging,
  type Mode,
  type SideTab,
  type SizeBy,
  type ViewState,
} from './view-state';

const oneOf = <T extends string>(list: readonly T[], v: string | null): v is T =>
  v !== null && (list as readonly string[]).includes(v);

const csv = (v: string | null): string[] => (v ? v.split(',').filter(Boolean) : []);

const round = (n: number, digits: number): string => String(Number(n.toFixed(digits)));

export function encodeState(s: ViewState): string {
  const p = new URLSearchParams();
  p.set('lang', s.lang);
  if (s.selected) p.set('sel', s.selected);
  if (s.hiddenCategories.length) p.set('hide', s.hiddenCategories.join(','));
  if ([...s.hiddenLinks].sort().join(',') !== [...DEFAULT_HIDDEN_LINKS].sort().join(',')) {
    p.set('links', s.hiddenLinks.join(','));
  }
  if (s.chapter) p.set('chapter', s.chapter);
  if (s.minEvidence > 1) p.set('ev', String(s.minEvidence));
  if (s.hedging !== 'any') p.set('hedged', s.hedging);
  if (s.sizeBy !== 'degree') p.set('size', s.sizeBy);
  for (const e of s.expanded) p.append('exp', e);
  if (s.path) {
    p.set('from', s.path.from);
    p.set('to', s.path.to);
    if (s.path.k !== DEFAULT_PATH.k) p.set('k', String(s.path.k));
    if (s.path.maxLength !== DEFAULT_PATH.maxLength) p.set('hops', String(s.path.maxLength));
  }
  if (s.tab !== 'filters') p.set('tab', s.tab);
  if (s.outline) p.set('outline', s.outline);
  if (s.camera) p.set('cam', [round(s.camera.x, 4), round(s.camera.y, 4), round(s.camera.ratio, 4)].join(','));
  if (s.mode !== 'explore') p.set('mode', s.mode);
  if (s.audit.document) p.set('adoc', s.audit.document);
  if (s.audit.section) p.set('asec', s.audit.section);
  if (s.audit.status) p.set('astatus', s.audit.status);
  if (s.audit.sort !== 'order') p.set('asort', s.audit.sort);
  if (s.showRejected) p.set('rejected', '1');
  if (s.view) p.set('view', s.view);
  return p.toString();
}

const isAuditSort = (v: string | null): v is AuditSort =>
  v !== null && (AUDIT_SORT_FIELDS as readonly string[]).includes(v.replace(/^-/, ''));

function intIn(v: string | null, min: number, max: number): number | null {
  if (v === null || !/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n >= min && n <= max ? n : null;
}

function parseCamera(v: string | null): Camera | null {
  const parts = csv(v).map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [x, y, ratio] = parts as [number, number, number];
  return ratio > 0 ? { x, y, ratio } : null;
}

/** The state a query string describes; `fallbackLang` when it names none. */
export function decodeState(search: string, fallbackLang: Lang): ViewState {
  const p = new URLSearchParams(search);
  const lang = p.get('lang');
  const s = defaultState(lang === 'zh' || lang === 'en' ? lang : fallbackLang);
  s.selected = p.get('sel') || null;
  s.hiddenCategories = csv(p.get('hide')).filter(isCategory) as Category[];
  if (p.has('links')) s.hiddenLinks = csv(p.get('links')).filter(isLinkType) as LinkType[];
  s.chapter = p.get('chapter') || null;
  s.minEvidence = intIn(p.get('ev'), 1, 1000) ?? 1;
  const hedged = p.get('hedged');
  s.hedging = oneOf<Hedging>(HEDGINGS, hedged) ? hedged : 'any';
  const size = p.get('size');
  s.sizeBy = oneOf<SizeBy>(SIZE_BYS, size) ? size : 'degree';
  s.expanded = [...new Set(p.getAll('exp').filter(Boolean))];
  const from = p.get('from');
  const to = p.get('to');
  if (from && to) {
    s.path = {
      from,
      to,
      k: intIn(p.get('k'), 1, 10) ?? DEFAULT_PATH.k,
      maxLength: intIn(p.get('hops'), 1, 8) ?? DEFAULT_PATH.maxLength,
    };
  }
  const tab = p.get('tab');
  s.tab = oneOf<SideTab>(SIDE_TABS, tab) ? tab : 'filters';
  s.outline = p.get('outline') || null;
  s.camera = parseCamera(p.get('cam'));
  const mode = p.get('mode');
  s.mode = oneOf<Mode>(MODES, mode) ? mode : 'explore';
  const status = p.get('astatus');
  const sort = p.get('asort');
  s.audit = {
    document: p.get('adoc') || null,
    section: p.get('asec') || null,
    status: oneOf<AuditStatus>(AUDIT_STATUSES, status) ? status : null,
    sort: isAuditSort(sort) ? sort : 'order',
  };
  s.showRejected = p.get('rejected') === '1';
  s.view = /^[A-Za-z0-9_-]{1,64}$/.test(p.get('view') ?? '') ? p.get('view') : null;
  return s;
}
