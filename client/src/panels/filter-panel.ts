/**
 * The Filters tab: the category legend (colour, count; a click hides or shows a category), the relation
 * legend (colour, arrow or not, count; a click hides or shows a type; dashed = hedged), and the filters
 * by chapter, minimum evidence and hedging, whether relations a reviewer rejected are shown, plus the
 * node-size measure.
 */
import type { Category } from '../../../server/model/types';
import { CATEGORY_ORDER, LINK_TYPES, SYMMETRIC, type LinkType } from '../app/domain';
import type { Explorer } from '../app/explorer';
import { DEFAULT_HIDDEN_LINKS, type Hedging, type SizeBy } from '../app/view-state';
import { countBy } from '../graph/visibility';
import { CATEGORY_COLORS, LINK_COLORS } from '../graph/palette';
import { categoryName, formatNumber, linkName, t } from '../i18n/i18n';
import { h, replaceChildren, uid } from '../ui/dom';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A small line sample: solid or dashed, with an arrow head for directed types. */
/** A legend's line: a relation's width, or thin (a class membership's arrow, see display-graph.ts). */
function lineSample(color: string, arrow: boolean, dashed: boolean, thin = false): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '10');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'line-sample');
  const line = document.createElementNS(SVG_NS, 'line');
  for (const [k, v] of Object.entries({
    x1: '1',
    y1: '5',
    x2: arrow ? '21' : '27',
    y2: '5',
    stroke: color,
    'stroke-width': thin ? '1.2' : '2.5',
  })) {
    line.setAttribute(k, v);
  }
  if (dashed) line.setAttribute('stroke-dasharray', '4 3');
  svg.appendChild(line);
  if (arrow) {
    const head = document.createElementNS(SVG_NS, 'path');
    head.setAttribute('d', 'M20 1 L27 5 L20 9 z');
    head.setAttribute('fill', color);
    svg.appendChild(head);
  }
  return svg;
}

function radioGroup<V extends string>(
  legend: string,
  name: string,
  options: { value: V; label: string }[],
  current: V,
  onChange: (v: V) => void,
): HTMLFieldSetElement {
  return h(
    'fieldset',
    { class: 'radio-group', attrs: { 'data-filter': name } },
    h('legend', null, legend),
    ...options.map((o) => {
      const id = uid(`${name}-${o.value}`);
      return h(
        'div',
        { class: 'radio' },
        h('input', {
          id,
          attrs: { type: 'radio', name, value: o.value },
          props: { checked: o.value === current },
          on: { change: () => onChange(o.value) },
        }),
        h('label', { attrs: { for: id } }, o.label),
      );
    }),
  );
}

export class FilterPanel {
  readonly root: HTMLElement;

  constructor(private readonly ex: Explorer) {
    this.root = h('div', { class: 'filter-panel' });
    ex.store.subscribe((_s, _p, changed) => {
      const relevant: (keyof typeof ex.state)[] = [
        'lang',
        'hiddenCategories',
        'hiddenLinks',
        'chapter',
        'minEvidence',
        'hedging',
        'sizeBy',
        'showRejected',
      ];
      if (relevant.some((k) => changed.has(k))) this.render();
    });
    ex.events.on('graph', () => this.render());
    this.render();
  }

  private toggleCategory(c: Category): void {
    const hidden = this.ex.state.hiddenCategories;
    this.ex.store.update({
      hiddenCategories: hidden.includes(c) ? hidden.filter((x) => x !== c) : [...hidden, c],
    });
  }

  private toggleLink(l: LinkType): void {
    const hidden = this.ex.state.hiddenLinks;
    this.ex.store.update({ hiddenLinks: hidden.includes(l) ? hidden.filter((x) => x !== l) : [...hidden, l] });
  }

  render(): void {
    const s = this.ex.state;
    const counts = countBy(this.ex.graph);
    const hadFocus = this.root.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
    const focusKey = hadFocus?.dataset.focusKey;

    const cats = h(
      'ul',
      { class: 'legend', attrs: { 'aria-describedby': 'categories-hint' } },
      ...CATEGORY_ORDER.filter((c) => (counts.categories.get(c) ?? 0) > 0 || s.hiddenCategories.includes(c)).map(
        (c) => {
          const shown = !s.hiddenCategories.includes(c);
          const swatch = h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
          swatch.style.background = CATEGORY_COLORS[c];
          return h(
            'li',
            null,
            h(
              'button',
              {
                class: `legend-item${shown ? '' : ' legend-off'}`,
                attrs: {
                  type: 'button',
                  'aria-pressed': String(shown),
                  'data-category': c,
                  'data-focus-key': `cat-${c}`,
                  title: shown
                    ? t('hideCategory', { name: categoryName(c) })
                    : t('showCategory', { name: categoryName(c) }),
                },
                on: { click: () => this.toggleCategory(c) },
              },
              swatch,
              h('span', { class: 'legend-name' }, categoryName(c)),
              h('span', { class: 'legend-count' }, formatNumber(counts.categories.get(c) ?? 0)),
            ),
          );
        },
      ),
    );

    const presentLinks = LINK_TYPES.filter((l) => (counts.links.get(l) ?? 0) > 0 || s.hiddenLinks.includes(l));
    const links = h(
      'ul',
      { class: 'legend', attrs: { 'aria-describedby': 'predicates-hint' } },
      ...presentLinks.map((l) => {
        const shown = !s.hiddenLinks.includes(l);
        return h(
          'li',
          null,
          h(
            'button',
            {
              class: `legend-item${shown ? '' : ' legend-off'}`,
              attrs: { type: 'button', 'aria-pressed': String(shown), 'data-link': l, 'data-focus-key': `link-${l}` },
              on: { click: () => this.toggleLink(l) },
            },
            lineSample(LINK_COLORS[l], !SYMMETRIC.has(l), false, l === 'member_of'),
            h('span', { class: 'legend-name' }, linkName(l)),
            h('span', { class: 'legend-count' }, formatNumber(counts.links.get(l) ?? 0)),
          ),
        );
      }),
      h(
        'li',
        { class: 'legend-note' },
        lineSample('#5c6775', true, true),
        h('span', { class: 'legend-name' }, t('hedgedSample')),
      ),
    );

    const chapterId = uid('chapter');
    const chapter = h(
      'select',
      {
        id: chapterId,
        attrs: { 'data-filter': 'chapter', 'data-focus-key': 'chapter' },
        on: {
          change: (e) => {
            const v = (e.target as HTMLSelectElement).value;
            this.ex.store.update({ chapter: v || null });
          },
        },
      },
      h('option', { attrs: { value: '' } }, t('allChapters')),
      ...this.ex.documents.map((d) => h('option', { attrs: { value: d.document.key }, props: {} }, d.document.title)),
    );
    chapter.value = s.chapter ?? '';

    let maxEvidence = 1;
    this.ex.graph.forEachEdge((_k, a) => (maxEvidence = Math.max(maxEvidence, a.evidenceCount)));
    const evId = uid('min-evidence');
    const minEvidence = h('input', {
      id: evId,
      attrs: {
        type: 'number',
        min: 1,
        max: Math.max(maxEvidence, s.minEvidence),
        step: 1,
        'data-filter': 'min-evidence',
        'data-focus-key': 'min-evidence',
      },
      props: { value: String(s.minEvidence) },
      on: {
        change: (e) => {
          const n = Math.max(1, Math.round(Number((e.target as HTMLInputElement).value) || 1));
          this.ex.store.update({ minEvidence: n });
        },
      },
    });

    const rejectedId = uid('show-rejected');
    const showRejected = h(
      'div',
      { class: 'checkbox' },
      h('input', {
        id: rejectedId,
        attrs: { type: 'checkbox', 'data-filter': 'show-rejected', 'data-focus-key': 'show-rejected' },
        props: { checked: s.showRejected },
        on: { change: (e) => this.ex.store.update({ showRejected: (e.target as HTMLInputElement).checked }) },
      }),
      h('label', { attrs: { for: rejectedId } }, t('showRejectedLabel')),
    );

    replaceChildren(
      this.root,
      h(
        'section',
        { class: 'panel-section', attrs: { 'aria-labelledby': 'categories-heading' } },
        h('h3', { id: 'categories-heading' }, t('categories')),
        h('p', { id: 'categories-hint', class: 'hint' }, t('categoriesHint')),
        cats,
      ),
      h(
        'section',
        { class: 'panel-section', attrs: { 'aria-labelledby': 'predicates-heading' } },
        h('h3', { id: 'predicates-heading' }, t('predicates')),
        h('p', { id: 'predicates-hint', class: 'hint' }, t('predicatesHint')),
        links,
      ),
      h(
        'section',
        { class: 'panel-section filters' },
        h(
          'div',
          { class: 'field' },
          h('label', { class: 'field-label', attrs: { for: chapterId } }, t('chapter')),
          chapter,
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { class: 'field-label', attrs: { for: evId } }, t('minEvidence')),
          minEvidence,
        ),
        radioGroup<Hedging>(
          t('hedging'),
          'hedging',
          [
            { value: 'any', label: t('hedgedAny') },
            { value: 'hedged', label: t('hedgedOnly') },
            { value: 'asserted', label: t('hedgedNot') },
          ],
          s.hedging,
          (hedging) => this.ex.store.update({ hedging }),
        ),
        showRejected,
        radioGroup<SizeBy>(
          t('sizeBy'),
          'size-by',
          [
            { value: 'degree', label: t('sizeDegree') },
            { value: 'pagerank', label: t('sizePagerank') },
          ],
          s.sizeBy,
          (sizeBy) => this.ex.store.update({ sizeBy }),
        ),
        h(
          'button',
          {
            class: 'button',
            attrs: { type: 'button', 'data-action': 'reset-filters' },
            on: {
              click: () =>
                this.ex.store.update({
                  hiddenCategories: [],
                  hiddenLinks: [...DEFAULT_HIDDEN_LINKS],
                  chapter: null,
                  minEvidence: 1,
                  hedging: 'any',
                }),
            },
          },
          t('resetFilters'),
        ),
      ),
    );
    if (focusKey) this.root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
    else if (hadFocus?.getAttribute('name')) {
      const name = hadFocus.getAttribute('name') ?? '';
      const value = (hadFocus as HTMLInputElement).value;
      this.root
        .querySelector<HTMLInputElement>(`input[name="${CSS.escape(name)}"][value="${CSS.escape(value)}"]`)
        ?.focus();
    }
  }
}
