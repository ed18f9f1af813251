/**
 * The Paths tab: pick two concepts (search comboboxes), how many paths and how many hops at most; the
 * k shortest paths are listed and highlighted in the graph, one path can be singled out, and every hop
 * expands to its evidence sentences with their citation chips.
 */
import type { ConceptPath, PathHop } from '../../../server/store/graph-store';
import type { Explorer, PathResult } from '../app/explorer';
import { SYMMETRIC } from '../app/domain';
import { DEFAULT_PATH } from '../app/view-state';
import { conceptLabel, linkName, t } from '../i18n/i18n';
import { Combobox, type ComboOption } from '../ui/combobox';
import { h, replaceChildren, uid } from '../ui/dom';
import { claimItem } from './claim-view';
import { conceptOptions } from './search-options';

/**
 * A hop read along the path (from node `a` to node `b`): "A —treats→ B", "A ←treats— B" when the path
 * walks the relation against its direction (hops give relations in their real direction), "A —p— B"
 * for predicates without direction.
 */
function hopText(hop: PathHop, a: string, b: string, names: Map<string, string>): string {
  const name = (k: string) => names.get(k) ?? k;
  const p = linkName(hop.predicate);
  if (SYMMETRIC.has(hop.predicate)) return `${name(a)} —${p}— ${name(b)}`;
  return hop.from === a ? `${name(a)} —${p}→ ${name(b)}` : `${name(a)} ←${p}— ${name(b)}`;
}

export class PathPanel {
  readonly root: HTMLElement;
  private readonly from: Combobox;
  private readonly to: Combobox;
  private fromKey: string | null = null;
  private toKey: string | null = null;
  private readonly k: HTMLSelectElement;
  private readonly hops: HTMLSelectElement;
  private readonly results: HTMLDivElement;
  private readonly form: HTMLFormElement;

  constructor(private readonly ex: Explorer) {
    const pick = (which: 'from' | 'to') => (o: ComboOption) => {
      if (which === 'from') this.fromKey = o.id;
      else this.toKey = o.id;
      (which === 'from' ? this.from : this.to).setValue(o.label);
    };
    this.from = new Combobox({
      label: t('pathFrom'),
      placeholder: '氯胺酮 / ketamine',
      fetch: (q, signal) => conceptOptions(ex, q, signal),
      onChoose: pick('from'),
      describe: (n) => (n ? t('searchResults', { n }) : t('searchNoResults')),
      describeError: (e) => t('searchFailed', { message: e instanceof Error ? e.message : String(e) }),
      testId: 'path-from',
    });
    this.to = new Combobox({
      label: t('pathTo'),
      placeholder: '强迫症 / OCD',
      fetch: (q, signal) => conceptOptions(ex, q, signal),
      onChoose: pick('to'),
      describe: (n) => (n ? t('searchResults', { n }) : t('searchNoResults')),
      describeError: (e) => t('searchFailed', { message: e instanceof Error ? e.message : String(e) }),
      testId: 'path-to',
    });
    const kId = uid('path-k');
    const hopsId = uid('path-hops');
    this.k = h(
      'select',
      { id: kId, attrs: { 'data-testid': 'path-k' } },
      ...[1, 2, 3, 4, 5].map((n) => h('option', { attrs: { value: n } }, String(n))),
    );
    this.hops = h(
      'select',
      { id: hopsId, attrs: { 'data-testid': 'path-hops' } },
      ...[1, 2, 3, 4, 5, 6].map((n) => h('option', { attrs: { value: n } }, String(n))),
    );
    this.k.value = String(DEFAULT_PATH.k);
    this.hops.value = String(DEFAULT_PATH.maxLength);
    this.results = h('div', { class: 'path-results', attrs: { 'aria-live': 'polite', 'data-testid': 'path-results' } });
    this.form = h(
      'form',
      {
        class: 'path-form',
        on: {
          submit: (e) => {
            e.preventDefault();
            this.submit();
          },
        },
      },
      h('h3', null, t('pathsHeading')),
      this.from.root,
      this.to.root,
      h(
        'div',
        { class: 'field-row' },
        h('div', { class: 'field' }, h('label', { class: 'field-label', attrs: { for: kId } }, t('pathK')), this.k),
        h(
          'div',
          { class: 'field' },
          h('label', { class: 'field-label', attrs: { for: hopsId } }, t('pathMaxLength')),
          this.hops,
        ),
      ),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { class: 'button button-primary', attrs: { type: 'submit', 'data-action': 'find-paths' } },
          t('findPaths'),
        ),
        h(
          'button',
          {
            class: 'button',
            attrs: { type: 'button', 'data-action': 'clear-paths' },
            on: { click: () => ex.store.update({ path: null }) },
          },
          t('clearPaths'),
        ),
      ),
    );
    this.root = h('div', { class: 'path-panel' }, this.form, this.results);

    ex.events.on('paths', (r) => this.renderResults(r));
    ex.events.on('pathFocus', () => this.renderResults(ex.pathResult));
    ex.events.on('pathFrom', ({ key, label }) => {
      this.fromKey = key;
      this.from.setValue(label);
      this.to.input.focus();
    });
    ex.events.on('ready', () => this.syncInputs());
    ex.store.subscribe((_s, _p, changed) => {
      if (changed.has('path') || changed.has('lang')) this.syncInputs();
      if (changed.has('lang')) this.renderResults(ex.pathResult);
    });
  }

  private syncInputs(): void {
    const p = this.ex.state.path;
    this.from.setTexts(t('pathFrom'), '氯胺酮 / ketamine');
    this.to.setTexts(t('pathTo'), '强迫症 / OCD');
    const heading = this.form.querySelector('h3');
    if (heading) heading.textContent = t('pathsHeading');
    const labels = this.form.querySelectorAll<HTMLLabelElement>('.field-row label');
    if (labels[0]) labels[0].textContent = t('pathK');
    if (labels[1]) labels[1].textContent = t('pathMaxLength');
    const submit = this.form.querySelector('[data-action="find-paths"]');
    if (submit) submit.textContent = t('findPaths');
    const clear = this.form.querySelector('[data-action="clear-paths"]');
    if (clear) clear.textContent = t('clearPaths');
    if (!p) return;
    this.fromKey = p.from;
    this.toKey = p.to;
    this.from.setValue(this.nameOf(p.from));
    this.to.setValue(this.nameOf(p.to));
    this.k.value = String(p.k);
    this.hops.value = String(p.maxLength);
  }

  private nameOf(key: string): string {
    const fromPaths = this.ex.pathResult?.paths?.flatMap((p) => p.nodes).find((n) => n.key === key);
    return this.ex.conceptName(key, fromPaths);
  }

  private submit(): void {
    if (!this.fromKey || !this.toKey) {
      replaceChildren(this.results, h('p', { class: 'error', attrs: { role: 'alert' } }, t('pathPickBoth')));
      return;
    }
    this.ex.store.update({
      path: { from: this.fromKey, to: this.toKey, k: Number(this.k.value), maxLength: Number(this.hops.value) },
      tab: 'paths',
    });
  }

  private renderResults(r: PathResult | null): void {
    if (!r) return replaceChildren(this.results);
    if (r.loading) return replaceChildren(this.results, h('p', { class: 'muted' }, t('loading')));
    if (r.error) {
      const message = r.error instanceof Error ? r.error.message : String(r.error);
      return replaceChildren(
        this.results,
        h('p', { class: 'error', attrs: { role: 'alert' } }, `${t('errorPrefix')}: ${message}`),
      );
    }
    const paths = r.paths ?? [];
    if (!paths.length) {
      return replaceChildren(this.results, h('p', { class: 'muted' }, t('pathsNone', { n: r.request.maxLength })));
    }
    replaceChildren(
      this.results,
      h('p', { class: 'muted' }, t('pathsFound', { n: paths.length })),
      this.ex.pathFocus !== null
        ? h(
            'button',
            { class: 'link-button', attrs: { type: 'button' }, on: { click: () => this.ex.focusPath(null) } },
            t('allPaths'),
          )
        : null,
      h('ol', { class: 'paths' }, ...paths.map((p, i) => this.pathItem(p, i))),
    );
  }

  private pathItem(p: ConceptPath, i: number): HTMLLIElement {
    const focused = this.ex.pathFocus === i;
    const names = new Map(p.nodes.map((n) => [n.key, conceptLabel(n, this.ex.state.lang)]));
    return h(
      'li',
      { class: `path${focused ? ' path-focused' : ''}`, attrs: { 'data-path': i } },
      h(
        'button',
        {
          class: 'path-title',
          attrs: { type: 'button', 'aria-pressed': String(focused) },
          on: { click: () => this.ex.focusPath(focused ? null : i) },
        },
        t('pathTitle', { n: i + 1, hops: p.hops.length }),
        h('span', { class: 'path-summary' }, p.nodes.map((n) => names.get(n.key) ?? n.key).join(' → ')),
      ),
      h(
        'ol',
        { class: 'hops' },
        ...p.hops.map((hop, j) => this.hopItem(hop, p.nodes[j]?.key ?? hop.from, p.nodes[j + 1]?.key ?? hop.to, names)),
      ),
    );
  }

  private hopItem(hop: PathHop, a: string, b: string, names: Map<string, string>): HTMLLIElement {
    const regionId = uid('hop-evidence');
    const region = h(
      'ol',
      { id: regionId, class: 'evidence', attrs: { 'aria-label': t('hopEvidence') } },
      ...hop.evidence.map((e) =>
        claimItem(this.ex, e.claim, {
          documentTitle: this.ex.documentTitle(e.claim.document),
          openable: true,
          sources: e.sources.map((s) => {
            const problemId = s.replace(/^src:/, '');
            return { key: `src:${problemId}`, kind: 'source' as const, problemId, label: `problem ${problemId}` };
          }),
        }),
      ),
    );
    region.hidden = true;
    const toggle = h(
      'button',
      {
        class: 'hop-toggle',
        attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': regionId, 'data-relation': hop.relation },
        on: {
          click: () => {
            const open = toggle.getAttribute('aria-expanded') !== 'true';
            toggle.setAttribute('aria-expanded', String(open));
            region.hidden = !open;
          },
        },
      },
      h('span', { class: 'hop-text' }, hopText(hop, a, b, names)),
      h('span', { class: 'badge' }, t('evidenceCount', { n: hop.evidenceCount ?? hop.evidence.length })),
    );
    return h('li', { class: 'hop' }, toggle, region);
  }
}
