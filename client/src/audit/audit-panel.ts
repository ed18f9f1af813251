/**
 * The Audit mode: citation coverage per chapter and per section (bars with their numbers), every claim
 * with its citation status in a sortable, filterable, paged table (and the same list as CSV), sources
 * ranked by the claims citing them, problems cited together, and the reviewers' curation trail. Its
 * figures are the audit API's, which counts as `npm run ingest -- --report` does. Choosing a sentence or
 * a source opens it in the details panel; the filters and the sort are part of the URL.
 */
import type {
  AuditClaim,
  AuditCounts,
  AuditSummary,
  DocumentAudit,
  SectionAudit,
} from '../../../server/services/audit-service';
import type { AuditEntry } from '../../../server/curation/types';
import { auditApi, curationApi } from '../api/curation-api';
import type { Explorer } from '../app/explorer';
import { AUDIT_STATUSES, type AuditFilters, type AuditSortField, type AuditStatus } from '../app/view-state';
import { formatNumber, linkName, t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { isMissingRoute } from '../curation/review-controls';
import { h, replaceChildren, uid, type Child } from '../ui/dom';
import { mathText } from '../ui/math-text';

/** Claims per page of the table. */
export const AUDIT_PAGE = 50;
/** Sources and co-citations listed. */
const RANKED = 20;
const TRAIL = 20;

const pct = (x: number) => `${formatNumber(x * 100, 1)}%`;

const STATUS_KEYS: Record<AuditStatus, MessageKey> = {
  cited: 'auditStatusCited',
  uncited: 'auditStatusUncited',
  context: 'auditStatusContext',
  hedged: 'auditStatusHedged',
};

const COLUMNS: { field: AuditSortField | null; key: MessageKey; className: string }[] = [
  { field: 'status', key: 'auditColStatus', className: 'col-status' },
  { field: 'order', key: 'auditColSentence', className: 'col-text' },
  { field: 'section', key: 'auditColSection', className: 'col-section' },
  { field: 'citations', key: 'auditColCitations', className: 'col-citations' },
  { field: 'hedged', key: 'auditColHedged', className: 'col-hedged' },
];

/** The numbers of one chapter or section: "10/72 cited (13.9%) · 62 uncited (4 by context) · 11 hedged". */
function countsText(c: AuditCounts): string {
  return t('auditCounts', {
    cited: formatNumber(c.cited),
    claims: formatNumber(c.claims),
    coverage: pct(c.coverage),
    uncited: formatNumber(c.uncited),
    context: formatNumber(c.contextCited),
    hedged: formatNumber(c.hedged),
  });
}

/** Data attributes carrying the exact figures (what tests and scripts read). */
const figures = (c: AuditCounts): Record<string, string> => ({
  'data-claims': String(c.claims),
  'data-cited': String(c.cited),
  'data-uncited': String(c.uncited),
  'data-context': String(c.contextCited),
  'data-hedged': String(c.hedged),
  'data-coverage': c.coverage.toFixed(4),
});

function bar(c: AuditCounts): HTMLElement {
  const cited = h('span', { class: 'bar-cited' });
  const context = h('span', { class: 'bar-context' });
  cited.style.width = `${(c.claims ? c.cited / c.claims : 0) * 100}%`;
  context.style.width = `${(c.claims ? c.contextCited / c.claims : 0) * 100}%`;
  return h('span', { class: 'bar', attrs: { 'aria-hidden': 'true' } }, cited, context);
}

export function statusChip(status: AuditClaim['status']): HTMLElement {
  const key: MessageKey =
    status === 'cited' ? 'auditStatusCited' : status === 'context' ? 'auditStatusContext' : 'auditStatusUncited';
  return h('span', { class: `status-chip status-${status}`, attrs: { 'data-status-chip': status } }, t(key));
}

export class AuditPanel {
  readonly root: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly intro: HTMLParagraphElement;
  private readonly filters: HTMLDivElement;
  private readonly totals: HTMLDivElement;
  private readonly coverage: HTMLElement;
  private readonly table: HTMLElement;
  private readonly sources: HTMLElement;
  private readonly coCited: HTMLElement;
  private readonly trail: HTMLElement;
  private summary: AuditSummary | null = null;
  private offset = 0;
  private active = false;
  private controller: AbortController | null = null;
  private listsFor: string | null | undefined = undefined;

  constructor(private readonly ex: Explorer) {
    this.heading = h('h2', { id: 'audit-heading', class: 'audit-title', attrs: { tabindex: '-1' } });
    this.intro = h('p', { class: 'hint audit-intro' });
    this.filters = h('div', { class: 'audit-filters', attrs: { role: 'group' } });
    this.totals = h('div', { class: 'audit-totals', attrs: { 'data-testid': 'audit-totals', 'aria-live': 'polite' } });
    this.coverage = h('section', { class: 'audit-coverage', attrs: { 'data-testid': 'audit-coverage' } });
    this.table = h('section', { class: 'audit-claims', attrs: { 'data-testid': 'audit-claims' } });
    this.sources = h('section', { class: 'audit-sources', attrs: { 'data-testid': 'audit-sources' } });
    this.coCited = h('section', { class: 'audit-cocited', attrs: { 'data-testid': 'audit-cocitations' } });
    this.trail = h('section', { class: 'audit-trail', attrs: { 'data-testid': 'curation-trail' } });
    this.root = h(
      'section',
      { class: 'audit-panel', attrs: { 'aria-labelledby': 'audit-heading', 'data-testid': 'audit' } },
      h('div', { class: 'audit-head' }, this.heading, this.intro, this.filters, this.totals),
      h(
        'div',
        { class: 'audit-columns' },
        h('div', { class: 'audit-side' }, this.coverage, this.sources, this.coCited, this.trail),
        this.table,
      ),
    );
    ex.store.subscribe((state, prev, changed) => {
      if (!this.active) return;
      if (changed.has('lang')) return void this.renderAll();
      if (changed.has('audit')) {
        this.offset = 0;
        this.renderFilters();
        this.renderSummary();
        void this.loadClaims();
        if (state.audit.document !== prev.audit.document) void this.loadLists();
      }
      if (changed.has('selected')) this.markSelected();
    });
    ex.curation.subscribe(() => {
      if (this.active && this.ex.curation.availability !== 'unknown') void this.loadTrail();
    });
  }

  private get f(): AuditFilters {
    return this.ex.state.audit;
  }

  private setFilters(patch: Partial<AuditFilters>): void {
    this.ex.store.update({ audit: { ...this.f, ...patch } });
  }

  /**
   * Called when the Audit mode opens: draws and loads everything (the filters may have changed while it
   * was closed, by history; the figures are cheap, the server keeps them until the data changes).
   */
  activate(): void {
    this.active = true;
    this.listsFor = undefined;
    this.renderAll();
  }

  deactivate(): void {
    this.active = false;
  }

  focus(): void {
    this.heading.focus();
  }

  private renderAll(): void {
    this.heading.textContent = t('auditHeading');
    this.intro.textContent = t('auditIntro');
    this.filters.setAttribute('aria-label', t('auditFilters'));
    this.renderFilters();
    this.renderSummary();
    void this.loadSummary();
    void this.loadClaims();
    void this.loadLists();
    void this.loadTrail();
  }

  private async loadSummary(): Promise<void> {
    try {
      this.summary = await auditApi.summary();
      this.renderFilters();
      this.renderSummary();
    } catch (e) {
      replaceChildren(this.coverage, this.error(e));
    }
  }

  private error(e: unknown): HTMLElement {
    const missing = isMissingRoute(e);
    return h(
      'p',
      { class: 'error', attrs: { role: 'alert' } },
      missing ? t('auditUnavailable') : `${t('errorPrefix')}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }

  private doc(): DocumentAudit | null {
    return this.summary?.documents.find((d) => d.key === this.f.document) ?? null;
  }

  // Filters -------------------------------------------------------------------------------------------

  private renderFilters(): void {
    const f = this.f;
    const docs = this.summary?.documents ?? [];
    const doc = this.doc();
    const select = (
      name: string,
      label: string,
      options: { value: string; label: string }[],
      value: string,
      onChange: (v: string) => void,
      disabled = false,
    ) => {
      const id = uid(`audit-${name}`);
      const el = h(
        'select',
        {
          id,
          attrs: { 'data-audit-filter': name },
          props: { disabled },
          on: { change: (e) => onChange((e.target as HTMLSelectElement).value) },
        },
        ...options.map((o) => h('option', { attrs: { value: o.value } }, o.label)),
      );
      el.value = value;
      return h('div', { class: 'field' }, h('label', { class: 'field-label', attrs: { for: id } }, label), el);
    };
    const csv = h(
      'a',
      {
        class: 'button',
        attrs: {
          href: auditApi.csvUrl({ document: f.document, section: f.section, status: f.status, sort: f.sort }),
          download: '',
          'data-action': 'audit-csv',
        },
      },
      t('auditCsv'),
    );
    const hadFocus = this.filters.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).dataset.auditFilter
      : undefined;
    replaceChildren(
      this.filters,
      select(
        'document',
        t('chapter'),
        [{ value: '', label: t('allChapters') }, ...docs.map((d) => ({ value: d.key, label: d.title }))],
        f.document ?? '',
        (v) => this.setFilters({ document: v || null, section: null }),
      ),
      select(
        'section',
        t('inSection'),
        [
          { value: '', label: t('auditAllSections') },
          ...(doc?.sections ?? []).map((s) => ({ value: s.key, label: s.title })),
        ],
        f.section ?? '',
        (v) => this.setFilters({ section: v || null }),
        !doc,
      ),
      select(
        'status',
        t('citationStatus'),
        [
          { value: '', label: t('auditAllStatuses') },
          ...AUDIT_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) })),
        ],
        f.status ?? '',
        (v) =>
          this.setFilters({ status: (AUDIT_STATUSES as readonly string[]).includes(v) ? (v as AuditStatus) : null }),
      ),
      h('div', { class: 'field field-action' }, csv),
    );
    if (hadFocus) this.filters.querySelector<HTMLElement>(`[data-audit-filter="${hadFocus}"]`)?.focus();
  }

  // Figures ---------------------------------------------------------------------------------------------

  private renderSummary(): void {
    const s = this.summary;
    if (!s) {
      replaceChildren(this.totals, h('p', { class: 'muted' }, t('loading')));
      replaceChildren(this.coverage, h('p', { class: 'muted' }, t('loading')));
      return;
    }
    const doc = this.doc();
    const scope: AuditCounts = doc ?? s.totals;
    const card = (label: string, value: string, extra?: string) =>
      h(
        'div',
        { class: 'figure' },
        h('span', { class: 'figure-value' }, value),
        h('span', { class: 'figure-label' }, label),
        extra ? h('span', { class: 'figure-extra' }, extra) : null,
      );
    replaceChildren(
      this.totals,
      h(
        'div',
        { class: 'figures', attrs: { ...figures(scope), 'data-scope': doc?.key ?? 'all' } },
        h('p', { class: 'figures-scope' }, doc ? doc.title : t('allChapters')),
        card(t('auditClaims'), formatNumber(scope.claims)),
        card(t('auditCited'), formatNumber(scope.cited), pct(scope.coverage)),
        card(t('auditUncited'), formatNumber(scope.uncited), t('auditOfWhichContext', { n: scope.contextCited })),
        card(t('auditHedged'), formatNumber(scope.hedged)),
      ),
    );
    const row = (
      c: AuditCounts,
      label: Child,
      attrs: Record<string, string>,
      current: boolean,
      onClick: () => void,
      level = 0,
    ) => {
      const li = h(
        'li',
        { class: `coverage-row${current ? ' is-current' : ''}`, attrs: { ...attrs, ...figures(c) } },
        h(
          'button',
          {
            class: 'coverage-name link-button',
            attrs: { type: 'button', 'aria-pressed': String(current) },
            on: { click: onClick },
          },
          label,
        ),
        bar(c),
        h('span', { class: 'coverage-numbers' }, countsText(c)),
      );
      li.style.setProperty('--level', String(level));
      return li;
    };
    const chapters = h(
      'ul',
      { class: 'coverage-list', attrs: { 'aria-label': t('auditByChapter') } },
      ...s.documents.map((d) =>
        row(d, d.title, { 'data-document': d.key }, d.key === this.f.document, () =>
          this.setFilters({ document: d.key === this.f.document ? null : d.key, section: null }),
        ),
      ),
    );
    const sections = doc
      ? h(
          'ul',
          { class: 'coverage-list coverage-sections', attrs: { 'aria-label': t('auditBySection') } },
          ...doc.sections.map((sec: SectionAudit) =>
            row(
              sec,
              sec.title,
              { 'data-section': sec.key },
              sec.key === this.f.section,
              () => this.setFilters({ section: sec.key === this.f.section ? null : sec.key }),
              Math.max(0, sec.level - 2),
            ),
          ),
        )
      : null;
    replaceChildren(
      this.coverage,
      h('h3', null, t('auditByChapter')),
      h(
        'p',
        { class: 'legend-line' },
        h('span', { class: 'key key-cited' }),
        t('auditCited'),
        h('span', { class: 'key key-context' }),
        t('auditStatusContext'),
        h('span', { class: 'key key-uncited' }),
        t('auditUncited'),
      ),
      chapters,
      doc ? h('h3', null, t('auditBySectionOf', { name: doc.title })) : null,
      sections,
    );
  }

  // Claims ----------------------------------------------------------------------------------------------

  private async loadClaims(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const f = this.f;
    this.table.setAttribute('aria-busy', 'true');
    try {
      const page = await auditApi.claims(
        {
          document: f.document,
          section: f.section,
          status: f.status,
          sort: f.sort,
          offset: this.offset,
          limit: AUDIT_PAGE,
        },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      this.renderTable(page.items, page.total);
    } catch (e) {
      if (controller.signal.aborted) return;
      replaceChildren(this.table, this.error(e));
    } finally {
      if (this.controller === controller) this.table.removeAttribute('aria-busy');
    }
  }

  private sortButton(field: AuditSortField, label: string): HTMLButtonElement {
    const sort = this.f.sort;
    const current = sort.replace(/^-/, '') === field;
    const desc = current && sort.startsWith('-');
    return h(
      'button',
      {
        class: 'sort-button',
        attrs: { type: 'button', 'data-sort': field },
        on: {
          click: () => this.setFilters({ sort: current && !desc ? `-${field}` : field }),
        },
      },
      label,
      h('span', { class: 'sort-mark', attrs: { 'aria-hidden': 'true' } }, current ? (desc ? ' ▾' : ' ▴') : ' ↕'),
    );
  }

  private renderTable(items: AuditClaim[], total: number): void {
    const sort = this.f.sort;
    const head = h(
      'tr',
      null,
      ...COLUMNS.map((c) => {
        const current = c.field !== null && sort.replace(/^-/, '') === c.field;
        return h(
          'th',
          {
            class: c.className,
            attrs: {
              scope: 'col',
              'aria-sort': current ? (sort.startsWith('-') ? 'descending' : 'ascending') : undefined,
            },
          },
          c.field ? this.sortButton(c.field, t(c.key)) : t(c.key),
        );
      }),
    );
    const selected = this.ex.state.selected;
    const rows = items.map((c) =>
      h(
        'tr',
        {
          class: c.key === selected ? 'is-current' : '',
          attrs: { 'data-claim-row': c.key, 'data-status': c.status, 'data-hedged': String(c.hedged) },
        },
        h(
          'td',
          { class: 'col-status' },
          statusChip(c.status),
          c.hedged ? h('span', { class: 'badge badge-hedged' }, t('hedgedBadge')) : null,
        ),
        h(
          'td',
          { class: 'col-text' },
          h(
            'button',
            {
              class: 'claim-open',
              attrs: {
                type: 'button',
                'data-open-claim': c.key,
                'aria-current': c.key === selected ? 'true' : undefined,
                lang: c.lang === 'zh' ? 'zh-CN' : 'en',
              },
              on: { click: () => this.ex.select(c.key) },
            },
            mathText(c.text),
          ),
        ),
        h('td', { class: 'col-section' }, c.sectionTitle),
        h(
          'td',
          { class: 'col-citations' },
          ...[...c.citations, ...c.contextCitations.filter((p) => !c.citations.includes(p))].map((p) =>
            h(
              'button',
              {
                class: `source-chip${c.citations.includes(p) ? '' : ' source-chip-context'}`,
                attrs: {
                  type: 'button',
                  'data-open-source': p,
                  'aria-label': t('openSource', { name: t('sourceChip', { id: p }) }),
                },
                on: { click: () => this.ex.select(`src:${p}`) },
              },
              p,
            ),
          ),
        ),
        h('td', { class: 'col-hedged' }, c.hedged ? t('yes') : ''),
      ),
    );
    const from = total ? this.offset + 1 : 0;
    const to = Math.min(total, this.offset + AUDIT_PAGE);
    const pager = h(
      'div',
      { class: 'pager' },
      h(
        'button',
        {
          class: 'button',
          attrs: { type: 'button', 'data-action': 'audit-prev' },
          props: { disabled: this.offset === 0 },
          on: {
            click: () => {
              this.offset = Math.max(0, this.offset - AUDIT_PAGE);
              void this.loadClaims();
            },
          },
        },
        t('previous'),
      ),
      h('span', { class: 'pager-text', attrs: { 'data-testid': 'audit-range' } }, t('auditRange', { from, to, total })),
      h(
        'button',
        {
          class: 'button',
          attrs: { type: 'button', 'data-action': 'audit-next' },
          props: { disabled: to >= total },
          on: {
            click: () => {
              this.offset += AUDIT_PAGE;
              void this.loadClaims();
            },
          },
        },
        t('next'),
      ),
    );
    const focusSort = this.table.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).dataset.sort
      : undefined;
    replaceChildren(
      this.table,
      h('h3', { id: 'audit-claims-heading' }, t('auditClaimsHeading', { n: formatNumber(total) })),
      h(
        'table',
        { class: 'audit-table', attrs: { 'aria-labelledby': 'audit-claims-heading', 'data-total': String(total) } },
        h('thead', null, head),
        h('tbody', null, ...rows),
      ),
      items.length ? null : h('p', { class: 'muted' }, t('auditNoClaims')),
      pager,
    );
    if (focusSort) this.table.querySelector<HTMLElement>(`[data-sort="${focusSort}"]`)?.focus();
  }

  private markSelected(): void {
    const selected = this.ex.state.selected;
    this.table.querySelectorAll<HTMLTableRowElement>('tr[data-claim-row]').forEach((tr) => {
      const on = tr.dataset.claimRow === selected;
      tr.classList.toggle('is-current', on);
      const b = tr.querySelector('[data-open-claim]');
      if (on) b?.setAttribute('aria-current', 'true');
      else b?.removeAttribute('aria-current');
    });
  }

  // Sources, co-citations, trail ------------------------------------------------------------------------

  private sourceButton(problemId: string): HTMLButtonElement {
    return h(
      'button',
      {
        class: 'source-chip',
        attrs: { type: 'button', 'data-open-source': problemId },
        on: { click: () => this.ex.select(`src:${problemId}`) },
      },
      t('sourceChip', { id: problemId }),
    );
  }

  private async loadLists(): Promise<void> {
    const document = this.f.document;
    if (this.listsFor === document) return;
    this.listsFor = document;
    try {
      const [sources, pairs] = await Promise.all([
        auditApi.sources({ document, limit: RANKED }),
        auditApi.coCitations({ document, limit: RANKED }),
      ]);
      if (this.f.document !== document) return;
      replaceChildren(
        this.sources,
        h('h3', null, t('auditSources', { n: formatNumber(sources.total) })),
        sources.items.length
          ? h(
              'ol',
              { class: 'ranked' },
              ...sources.items.map((s) =>
                h(
                  'li',
                  { attrs: { 'data-source-rank': s.problemId, 'data-claims': String(s.claims) } },
                  this.sourceButton(s.problemId),
                  h(
                    'span',
                    { class: 'ranked-count' },
                    t('auditSourceClaims', { n: s.claims }),
                    s.contextClaims ? ` ${t('auditSourceContext', { n: s.contextClaims })}` : '',
                  ),
                ),
              ),
            )
          : h('p', { class: 'muted' }, t('auditNone')),
      );
      replaceChildren(
        this.coCited,
        h('h3', null, t('auditCoCitations', { n: formatNumber(pairs.total) })),
        pairs.items.length
          ? h(
              'ol',
              { class: 'ranked' },
              ...pairs.items.map((p) =>
                h(
                  'li',
                  { attrs: { 'data-pair': `${p.a}+${p.b}`, 'data-count': String(p.count) } },
                  this.sourceButton(p.a),
                  ' + ',
                  this.sourceButton(p.b),
                  h('span', { class: 'ranked-count' }, ` ×${p.count}`),
                ),
              ),
            )
          : h('p', { class: 'muted' }, t('auditNone')),
      );
    } catch (e) {
      this.listsFor = undefined;
      replaceChildren(this.sources, this.error(e));
      replaceChildren(this.coCited);
    }
  }

  private async loadTrail(): Promise<void> {
    const heading = h('h3', null, t('trailHeading'));
    if (!(await this.ex.curation.ensure())) {
      replaceChildren(
        this.trail,
        heading,
        h(
          'p',
          { class: 'muted' },
          this.ex.curation.availability === 'unavailable' ? t('curationUnavailable') : t('loading'),
        ),
      );
      return;
    }
    try {
      // The newest entries: the log is in writing order, so read its last page.
      const first = await curationApi.trail({ offset: 0, limit: 1 });
      const offset = Math.max(0, first.total - TRAIL);
      const page = await curationApi.trail({ offset, limit: TRAIL });
      const entries = [...page.items].reverse();
      replaceChildren(
        this.trail,
        heading,
        entries.length
          ? h('ol', { class: 'trail', attrs: { reversed: true } }, ...entries.map((e) => this.trailItem(e)))
          : h('p', { class: 'muted' }, t('trailEmpty')),
      );
    } catch (e) {
      replaceChildren(this.trail, heading, this.error(e));
    }
  }

  private trailItem(e: AuditEntry): HTMLLIElement {
    const target = e.target.startsWith('rel:')
      ? h(
          'button',
          {
            class: 'link-button trail-target',
            attrs: { type: 'button', 'data-edge': e.target },
            on: { click: () => this.ex.select(e.target) },
          },
          this.relationText(e),
        )
      : h('span', { class: 'trail-target' }, this.viewText(e));
    return h(
      'li',
      { class: 'trail-entry', attrs: { 'data-seq': String(e.seq), 'data-action': e.action, 'data-target': e.target } },
      h('span', { class: `badge trail-action trail-${e.action.replace('.', '-')}` }, t(`action_${e.action}`)),
      ' ',
      target,
      h('span', { class: 'trail-meta' }, ` — ${e.author}, ${e.at.slice(0, 16).replace('T', ' ')}`),
      e.note ? h('span', { class: 'trail-note' }, ` “${e.note}”`) : null,
    );
  }

  private relationText(e: AuditEntry): string {
    const v = e.after ?? e.before;
    if (v && 'relation' in v) {
      return `${this.ex.conceptName(v.subject)} —${linkName(v.predicate)}→ ${this.ex.conceptName(v.object)}`;
    }
    return e.target;
  }

  private viewText(e: AuditEntry): string {
    const v = e.after ?? e.before;
    return v && 'name' in v ? `${t('mapKicker')} “${v.name}”` : e.target;
  }
}
