/**
 * The edge panel: a relation (or a class membership, or a co-mention) clicked in the graph, its two
 * concepts, whether it is hedged or negated, its reviewers' verdict, its evidence sentences with their
 * citation chips (shown as in the concept panel) and, for a relation, the review form.
 */
import type { Explorer } from '../app/explorer';
import { formatNumber, linkName, t } from '../i18n/i18n';
import { h } from '../ui/dom';
import { liveVerdictBadge, reviewControls } from '../curation/review-controls';
import { evidenceList } from './claim-view';
import { membershipEvidence, relationEvidence } from './concept-panel';

function conceptButton(ex: Explorer, key: string): HTMLButtonElement {
  const name = ex.conceptName(key);
  return h(
    'button',
    {
      class: 'link-button concept-link',
      attrs: { type: 'button', 'data-concept': key, 'aria-label': t('selectConcept', { name }) },
      on: { click: () => ex.select(key, { focus: true }) },
    },
    name,
  );
}

/** A relation's evidence list once the API has given its keys (the drawn edge has the first few or none). */
function fetchedEvidence(ex: Explorer, key: string, signal: AbortSignal): HTMLElement {
  const region = h(
    'div',
    { class: 'evidence-block', attrs: { 'aria-busy': 'true' } },
    h('p', { class: 'muted' }, t('loading')),
  );
  (ex.graph.getEdgeAttribute(key, 'link') === 'member_of'
    ? membershipEvidence(ex, key, signal)
    : relationEvidence(ex, key, signal)
  )
    .then((keys) => region.replaceWith(evidenceList(ex, keys, signal)))
    .catch((e: unknown) => {
      region.removeAttribute('aria-busy');
      region.replaceChildren(
        h('p', { class: 'error' }, `${t('errorPrefix')}: ${e instanceof Error ? e.message : String(e)}`),
      );
    });
  return region;
}

export function renderEdge(ex: Explorer, key: string, signal: AbortSignal): HTMLElement {
  if (!ex.graph.hasEdge(key)) {
    return h('article', { class: 'detail' }, h('p', { class: 'error' }, t('notFound', { id: key })));
  }
  const a = ex.graph.getEdgeAttributes(key);
  const [source, target] = ex.graph.extremities(key);
  const co = a.link === 'co_mention';
  // A class membership is no relation: nobody reviews it, and a note says what it is.
  const member = a.link === 'member_of';
  const title = `${ex.conceptName(source)} ${co ? '—' : '→'} ${linkName(a.link)} ${co ? '—' : '→'} ${ex.conceptName(target)}`;
  return h(
    'article',
    { class: 'detail detail-edge', attrs: { 'data-edge': key } },
    h('p', { class: 'kicker' }, co ? t('coMentionHeading') : member ? t('memberOfHeading') : t('relationHeading')),
    h('h2', { class: 'detail-title', attrs: { tabindex: '-1' } }, title),
    member ? h('p', { class: 'muted membership-note' }, t('membershipNote')) : null,
    h(
      'p',
      { class: 'edge-ends' },
      conceptButton(ex, source),
      h('span', { class: 'edge-predicate' }, co ? ' — ' : ` —${linkName(a.link)}→ `),
      conceptButton(ex, target),
    ),
    h(
      'p',
      { class: 'badges' },
      h('span', { class: 'badge' }, t('evidenceCount', { n: a.evidenceCount })),
      a.hedged ? h('span', { class: 'badge badge-hedged' }, t('hedgedBadge')) : null,
      a.negated ? h('span', { class: 'badge badge-negated' }, t('negatedBadge')) : null,
      co ? null : h('span', { class: 'badge' }, `${t('confidence')} ${formatNumber(a.confidence, 2)}`),
      co || member ? null : liveVerdictBadge(ex, key, a.curation),
    ),
    h(
      'section',
      { class: 'panel-section', attrs: { 'aria-labelledby': 'edge-evidence-heading' } },
      h('h3', { id: 'edge-evidence-heading' }, t('evidence')),
      co || a.evidence.length >= a.evidenceCount
        ? evidenceList(ex, a.evidence, signal)
        : fetchedEvidence(ex, key, signal),
    ),
    co || member || ex.curation.availability === 'unavailable' ? null : reviewControls(ex, key),
  );
}
