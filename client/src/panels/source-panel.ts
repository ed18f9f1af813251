/**
 * The source panel: a cited problem, its text when the appendices or data/sources give it (with math),
 * every sentence that cites it (each with its own chips, so one can walk from source to source), and
 * the sources cited together with it.
 */
import type { Problem } from '../../../server/model/types';
import type { Explorer } from '../app/explorer';
import { t } from '../i18n/i18n';
import { h } from '../ui/dom';
import { mathText } from '../ui/math-text';
import { claimItem } from './claim-view';

const PROBLEM_PARTS = ['introduction', 'problem', 'solution', 'answer'] as const satisfies readonly (keyof Problem)[];

/** Problem text: paragraphs split at blank lines, each with its math rendered. */
function paragraphs(text: string): HTMLElement {
  return h(
    'div',
    { class: 'problem-text' },
    ...text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => h('p', null, mathText(p))),
  );
}

export async function renderSource(ex: Explorer, problemId: string, signal: AbortSignal): Promise<HTMLElement> {
  const d = await ex.api.source(problemId, signal);
  const s = d.source;
  const title = t('sourceChip', { id: s.problemId });
  const problem = s.problem;
  const parts = problem ? PROBLEM_PARTS.filter((p) => problem[p]) : [];
  return h(
    'article',
    { class: 'detail detail-source', attrs: { 'data-source': s.problemId } },
    h('p', { class: 'kicker' }, t('sourceHeading')),
    h('h2', { class: 'detail-title', attrs: { tabindex: '-1' } }, title),
    h(
      'section',
      { class: 'panel-section', attrs: { 'aria-labelledby': 'problem-heading' } },
      h('h3', { id: 'problem-heading' }, t('problemText')),
      problem && parts.length
        ? h(
            'div',
            { class: 'problem', attrs: { 'data-testid': 'problem-text' } },
            ...parts.flatMap((p) => [h('h4', null, t(p)), paragraphs(problem[p] ?? '')]),
            s.origin ? h('p', { class: 'muted' }, `${t('origin')}: ${s.origin}`) : null,
          )
        : h('p', { class: 'muted' }, t('problemUnknown')),
    ),
    h(
      'section',
      { class: 'panel-section', attrs: { 'aria-labelledby': 'citing-heading' } },
      h('h3', { id: 'citing-heading' }, `${t('citingClaims')} (${d.claims.length})`),
      h(
        'ol',
        { class: 'evidence', attrs: { 'data-testid': 'citing-claims' } },
        ...d.claims.map((c) => claimItem(ex, c, { documentTitle: ex.documentTitle(c.document), openable: true })),
      ),
    ),
    d.coCited.length
      ? h(
          'section',
          { class: 'panel-section', attrs: { 'aria-labelledby': 'cocited-heading' } },
          h('h3', { id: 'cocited-heading' }, t('coCited')),
          h(
            'ul',
            { class: 'chips chips-list' },
            ...d.coCited.map((c) =>
              h(
                'li',
                null,
                h(
                  'button',
                  {
                    class: 'chip',
                    attrs: { type: 'button', 'data-source': c.problemId },
                    on: { click: () => ex.select(`src:${c.problemId}`) },
                  },
                  t('sourceChip', { id: c.problemId }),
                  h('span', { class: 'chip-count' }, ` ×${c.count}`),
                ),
              ),
            ),
          ),
        )
      : null,
  );
}
