/**
 * The details region: shows the panel for the current selection (concept, relation, source, claim),
 * with a loading state, errors as text, and focus handed to the new heading when the reader was
 * working inside the region (so keyboard navigation flows from chip to source to claim).
 */
import type { Explorer } from '../app/explorer';
import { keyKind } from '../app/explorer';
import { ApiError } from '../api/api-error';
import { t } from '../i18n/i18n';
import { h, replaceChildren } from '../ui/dom';
import { renderClaim } from './claim-panel';
import { renderConcept } from './concept-panel';
import { renderEdge } from './edge-panel';
import { renderSource } from './source-panel';

export class DetailPanel {
  readonly root: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly body: HTMLDivElement;
  private controller: AbortController | null = null;
  private rendered: string | null | undefined = undefined;

  constructor(private readonly ex: Explorer) {
    this.heading = h('h2', { id: 'details-heading', class: 'region-heading' }, t('detailsLabel'));
    this.closeButton = h(
      'button',
      {
        class: 'icon-button',
        attrs: { type: 'button', 'aria-label': t('closeDetails'), 'data-action': 'close-details' },
        on: { click: () => ex.select(null) },
      },
      '×',
    );
    this.closeButton.hidden = true;
    this.body = h('div', { class: 'detail-body', attrs: { 'data-testid': 'details' } });
    this.root = h(
      'aside',
      { class: 'details', id: 'details', attrs: { 'aria-labelledby': 'details-heading', tabindex: '-1' } },
      h('div', { class: 'region-header' }, this.heading, this.closeButton),
      this.body,
    );
    ex.store.subscribe((state, _prev, changed, mode) => {
      if (changed.has('lang')) {
        this.heading.textContent = t('detailsLabel');
        this.closeButton.setAttribute('aria-label', t('closeDetails'));
      }
      if (
        changed.has('selected') ||
        changed.has('lang') ||
        changed.has('showRejected') ||
        (changed.has('expanded') && mode === 'none')
      ) {
        void this.render(state.selected, true);
      }
    });
    ex.events.on('ready', () => void this.render(ex.state.selected, false));
    // Verdicts arriving after the panel was drawn change what it lists (rejected relations, added ones).
    ex.curation.subscribe((event) => {
      if (event !== 'loaded' || !ex.state.selected || ex.curation.size === 0) return;
      // Not while a reviewer is writing a note: their text would be lost.
      const writing = [...this.body.querySelectorAll('textarea')].some((el) => el.value.trim() !== '');
      if (!writing) void this.render(ex.state.selected, true);
    });
  }

  async render(key: string | null, force: boolean): Promise<void> {
    if (!force && key === this.rendered) return;
    this.rendered = key;
    const hadFocus = this.root.contains(document.activeElement);
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.closeButton.hidden = key === null;
    if (!key) {
      replaceChildren(this.body, h('p', { class: 'muted empty' }, t('nothingSelected')));
      return;
    }
    this.body.setAttribute('aria-busy', 'true');
    replaceChildren(this.body, h('p', { class: 'muted' }, t('loading')));
    let content: HTMLElement;
    try {
      content = await this.build(key, controller.signal);
    } catch (e) {
      if (controller.signal.aborted) return;
      const message =
        e instanceof ApiError && e.status === 404
          ? t('notFound', { id: key })
          : `${t('errorPrefix')}: ${e instanceof Error ? e.message : String(e)}`;
      content = h('p', { class: 'error', attrs: { role: 'alert' } }, message);
    }
    if (controller.signal.aborted) return;
    this.body.removeAttribute('aria-busy');
    replaceChildren(this.body, content);
    this.body.scrollTop = 0;
    if (hadFocus) content.querySelector<HTMLElement>('.detail-title')?.focus();
  }

  private build(key: string, signal: AbortSignal): Promise<HTMLElement> | HTMLElement {
    switch (keyKind(key)) {
      case 'concept':
        return renderConcept(this.ex, key, signal);
      case 'edge':
        return renderEdge(this.ex, key, signal);
      case 'source':
        return renderSource(this.ex, key.replace(/^src:/, ''), signal);
      case 'claim':
        return renderClaim(this.ex, key, signal);
      default:
        return h('p', { class: 'error' }, t('notFound', { id: key }));
    }
  }
}
