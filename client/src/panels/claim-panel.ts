/**
 * The claim panel: one sentence with its chapter and section, hedging, citation chips, the concepts it
 * mentions (which the graph highlights) and the relations it asserts.
 */
import type { Explorer } from '../app/explorer';
import { conceptLabel, linkName, t } from '../i18n/i18n';
import { CATEGORY_COLORS } from '../graph/palette';
import { h } from '../ui/dom';
import { mathText } from '../ui/math-text';
import { citationChips, placeOf } from './claim-view';

export async function renderClaim(ex: Explorer, key: string, signal: AbortSignal): Promise<HTMLElement> {
  const d = await ex.api.claim(key, signal);
  const c = d.claim;
  const where = placeOf(d.document.title, d.section.path);
  return h(
    'article',
    { class: 'detail detail-claim', attrs: { 'data-claim': c.key } },
    h('p', { class: 'kicker' }, t('claimHeading')),
    h('h2', { class: 'detail-title sr-only', attrs: { tabindex: '-1' } }, t('claimHeading')),
    h('blockquote', { class: 'claim-quote', attrs: { lang: c.lang === 'zh' ? 'zh-CN' : 'en' } }, mathText(c.text)),
    h('p', { class: 'claim-where' }, where),
    h(
      'p',
      { class: 'badges' },
      c.hedged ? h('span', { class: 'badge badge-hedged' }, t('hedgedBadge')) : null,
      citationChips(ex, c, d.sources),
    ),
    h(
      'section',
      { class: 'panel-section', attrs: { 'aria-labelledby': 'claim-concepts-heading' } },
      h('h3', { id: 'claim-concepts-heading' }, `${t('conceptsMentioned')} (${d.concepts.length})`),
      h(
        'ul',
        { class: 'concept-list' },
        ...d.concepts.map((k) => {
          const swatch = h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
          swatch.style.background = CATEGORY_COLORS[k.category];
          const name = conceptLabel(k, ex.state.lang);
          return h(
            'li',
            null,
            h(
              'button',
              {
                class: 'link-button concept-link',
                attrs: { type: 'button', 'data-concept': k.key },
                on: { click: () => ex.select(k.key, { focus: true }) },
              },
              swatch,
              ' ',
              name,
            ),
          );
        }),
      ),
    ),
    d.relations.length
      ? h(
          'section',
          { class: 'panel-section', attrs: { 'aria-labelledby': 'claim-relations-heading' } },
          h('h3', { id: 'claim-relations-heading' }, t('relationsAsserted')),
          h(
            'ul',
            { class: 'concept-list' },
            ...d.relations.map((r) =>
              h(
                'li',
                null,
                h(
                  'button',
                  {
                    class: 'link-button',
                    attrs: { type: 'button', 'data-edge': r.key },
                    on: { click: () => ex.select(r.key) },
                  },
                  `${ex.conceptName(r.source)} —${linkName(r.predicate)}→ ${ex.conceptName(r.target)}`,
                ),
                r.hedged ? h('span', { class: 'badge badge-hedged' }, t('hedgedBadge')) : null,
              ),
            ),
          ),
        )
      : null,
  );
}
