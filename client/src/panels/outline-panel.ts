/**
 * The Chapters tab: a chapter's outline — its sections with sentence and citation counts; a section
 * expands to its sentences, each marked cited, cited through the next sentence, or uncited. Choosing a
 * sentence selects it: the details show it and the graph highlights the concepts it mentions.
 */
import type { DocumentDetail } from '../../../server/store/graph-store';
import type { Explorer } from '../app/explorer';
import { t } from '../i18n/i18n';
import { h, replaceChildren, uid } from '../ui/dom';
import { mathText } from '../ui/math-text';
import { citationStatus } from './claim-view';

const SECTION_CLAIMS_LIMIT = 200;

export class OutlinePanel {
  readonly root: HTMLElement;
  private readonly body: HTMLDivElement;
  private controller: AbortController | null = null;
  private shown: string | null = null;

  constructor(private readonly ex: Explorer) {
    this.body = h('div', { class: 'outline-body' });
    this.root = h('div', { class: 'outline-panel' });
    ex.store.subscribe((state, _p, changed) => {
      if (changed.has('lang')) this.render(true);
      else if (changed.has('outline')) this.render(false);
      if (changed.has('selected')) this.markCurrent(state.selected);
    });
    ex.events.on('ready', () => this.render(true));
    this.render(true);
  }

  private render(full: boolean): void {
    const s = this.ex.state;
    const selectId = uid('outline-doc');
    const select = h(
      'select',
      {
        id: selectId,
        attrs: { 'data-testid': 'outline-document' },
        on: {
          change: (e) => this.ex.store.update({ outline: (e.target as HTMLSelectElement).value || null }),
        },
      },
      h('option', { attrs: { value: '' } }, t('chooseChapter')),
      ...this.ex.documents.map((d) =>
        h('option', { attrs: { value: d.document.key } }, `${d.document.title} (${d.claims})`),
      ),
    );
    select.value = s.outline ?? '';
    if (full || !this.root.firstChild) {
      replaceChildren(
        this.root,
        h('h3', null, t('outlineHeading')),
        h(
          'div',
          { class: 'field' },
          h('label', { class: 'field-label', attrs: { for: selectId } }, t('chapter')),
          select,
        ),
        this.body,
      );
    } else {
      const old = this.root.querySelector('select');
      if (old) old.value = s.outline ?? '';
    }
    if (full || this.shown !== s.outline) void this.load(s.outline);
  }

  private async load(docKey: string | null): Promise<void> {
    this.shown = docKey;
    this.controller?.abort();
    if (!docKey) {
      replaceChildren(this.body);
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    replaceChildren(this.body, h('p', { class: 'muted' }, t('loading')));
    try {
      const doc = await this.ex.api.document(docKey, controller.signal);
      if (controller.signal.aborted) return;
      replaceChildren(this.body, this.sections(doc, controller.signal));
    } catch (e) {
      if (controller.signal.aborted) return;
      replaceChildren(
        this.body,
        h('p', { class: 'error' }, `${t('errorPrefix')}: ${e instanceof Error ? e.message : String(e)}`),
      );
    }
  }

  private sections(doc: DocumentDetail, signal: AbortSignal): HTMLElement {
    const sections = [...doc.sections].sort((a, b) => a.order - b.order);
    return h(
      'ul',
      { class: 'outline', attrs: { 'aria-label': doc.document.title } },
      ...sections.map((sec) => {
        const regionId = uid('section-claims');
        const region = h('div', { id: regionId, class: 'section-claims' });
        region.hidden = true;
        let loaded = false;
        const toggle = h(
          'button',
          {
            class: 'section-toggle',
            attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': regionId, 'data-section': sec.key },
            on: {
              click: () => {
                const open = toggle.getAttribute('aria-expanded') !== 'true';
                toggle.setAttribute('aria-expanded', String(open));
                region.hidden = !open;
                if (open && !loaded) {
                  loaded = true;
                  void this.loadClaims(sec.key, region, signal);
                }
              },
            },
          },
          h('span', { class: 'section-title' }, sec.title),
          h('span', { class: 'section-counts' }, t('sectionClaims', { claims: sec.claims, cited: sec.cited })),
        );
        const li = h('li', { class: `outline-section level-${Math.min(6, sec.level)}` }, toggle, region);
        li.style.setProperty('--level', String(Math.max(0, sec.level - 2)));
        return li;
      }),
    );
  }

  private async loadClaims(section: string, region: HTMLElement, signal: AbortSignal): Promise<void> {
    replaceChildren(region, h('p', { class: 'muted' }, t('loading')));
    try {
      const page = await this.ex.api.claims({ section, limit: SECTION_CLAIMS_LIMIT, offset: 0 }, signal);
      if (signal.aborted) return;
      const selected = this.ex.state.selected;
      replaceChildren(
        region,
        h(
          'ol',
          { class: 'outline-claims', attrs: { 'aria-label': t('claimsInSection') } },
          ...page.items.map((c) => {
            const status = citationStatus(c);
            const statusText =
              status === 'cited' ? t('cited') : status === 'context' ? t('contextCited') : t('uncited');
            return h(
              'li',
              null,
              h(
                'button',
                {
                  class: `outline-claim status-${status}${c.key === selected ? ' is-current' : ''}`,
                  attrs: {
                    type: 'button',
                    'data-claim': c.key,
                    'data-status': status,
                    'aria-current': c.key === selected ? 'true' : undefined,
                  },
                  on: { click: () => this.ex.select(c.key) },
                },
                h('span', { class: `status-dot status-${status}`, attrs: { title: statusText } }),
                h('span', { class: 'sr-only' }, `${t('citationStatus')}: ${statusText}. `),
                h(
                  'span',
                  { class: 'outline-claim-text', attrs: { lang: c.lang === 'zh' ? 'zh-CN' : 'en' } },
                  mathText(c.text),
                ),
                c.hedged ? h('span', { class: 'badge badge-hedged' }, t('hedgedBadge')) : null,
              ),
            );
          }),
        ),
        page.total > page.items.length
          ? h('p', { class: 'muted' }, t('moreMentions', { n: page.total - page.items.length }))
          : null,
      );
    } catch (e) {
      if (signal.aborted) return;
      replaceChildren(
        region,
        h('p', { class: 'error' }, `${t('errorPrefix')}: ${e instanceof Error ? e.message : String(e)}`),
      );
    }
  }

  private markCurrent(selected: string | null): void {
    this.root.querySelectorAll<HTMLButtonElement>('.outline-claim').forEach((b) => {
      const on = b.dataset.claim === selected;
      b.classList.toggle('is-current', on);
      if (on) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    });
  }
}
