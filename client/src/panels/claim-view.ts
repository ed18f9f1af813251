/**
 * How a sentence (claim) is shown everywhere: its text with math, where it comes from, whether it is
 * hedged, and its citation chips. A chip opens the source it cites. Also the evidence list: the claims
 * behind a relation or a co-mention, fetched in small parallel batches.
 */
import type { ClaimAttributes, SourceAttributes } from '../../../server/model/types';
import type { ClaimDetail, Keyed } from '../../../server/store/graph-store';
import type { Explorer } from '../app/explorer';
import { t } from '../i18n/i18n';
import { h, replaceChildren, type Child } from '../ui/dom';
import { mathText } from '../ui/math-text';

/** Evidence lists show this many sentences before "More". */
export const EVIDENCE_PAGE = 12;

export const problemIdOf = (source: string): string => source.replace(/^src:/, '');

function chip(ex: Explorer, problemId: string, label: string | undefined, context: boolean): HTMLButtonElement {
  const text = label && !/^problem \d+$/.test(label) ? label : t('sourceChip', { id: problemId });
  return h(
    'button',
    {
      class: `chip${context ? ' chip-context' : ''}`,
      attrs: {
        type: 'button',
        'data-source': problemId,
        'aria-label': t('openSource', { name: text }) + (context ? ` (${t('contextBadge')})` : ''),
        title: context ? t('contextCited') : undefined,
      },
      on: { click: () => ex.select(`src:${problemId}`) },
    },
    text,
    context ? h('span', { class: 'chip-mark', attrs: { 'aria-hidden': 'true' } }, '↩') : null,
  );
}

/** The citation chips of a claim: its own citations, then those of the next sentence that refers back. */
export function citationChips(
  ex: Explorer,
  claim: Pick<ClaimAttributes, 'citations' | 'contextCitations'>,
  sources: readonly Keyed<SourceAttributes>[] = [],
): HTMLElement {
  const labels = new Map(sources.map((s) => [s.problemId, s.label]));
  const own = claim.citations ?? [];
  const context = (claim.contextCitations ?? []).filter((c) => !own.includes(c));
  const chips = [
    ...own.map((id) => chip(ex, problemIdOf(id), labels.get(problemIdOf(id)), false)),
    ...context.map((id) => chip(ex, problemIdOf(id), labels.get(problemIdOf(id)), true)),
  ];
  if (!chips.length) return h('span', { class: 'badge badge-uncited' }, t('uncited'));
  return h('span', { class: 'chips', attrs: { 'aria-label': t('citations') } }, ...chips);
}

export function citationStatus(
  claim: Pick<ClaimAttributes, 'citations' | 'contextCitations'>,
): 'cited' | 'context' | 'uncited' {
  if (claim.citations?.length) return 'cited';
  if (claim.contextCitations?.length) return 'context';
  return 'uncited';
}

export interface ClaimItemOptions {
  /** Chapter title to show before the section path. */
  documentTitle?: string;
  sources?: readonly Keyed<SourceAttributes>[];
  /** Makes the sentence a button that opens the claim. */
  openable?: boolean;
  /** Emphasised claim (e.g. the current selection). */
  current?: boolean;
}

/** "Chapter › Section › Subsection", without repeating a chapter title that is also the top heading. */
export function placeOf(documentTitle: string | undefined, sectionPath: readonly string[]): string {
  const parts = [documentTitle, ...sectionPath].filter((p): p is string => !!p);
  return parts.filter((p, i) => i === 0 || p !== parts[i - 1]).join(' › ');
}

/** One sentence as a list item. Its text goes in as text nodes and KaTeX-rendered math only. */
export function claimItem(ex: Explorer, claim: Keyed<ClaimAttributes>, opts: ClaimItemOptions = {}): HTMLLIElement {
  const text = h(
    'span',
    { class: 'claim-text', attrs: { lang: claim.lang === 'zh' ? 'zh-CN' : 'en' } },
    mathText(claim.text),
  );
  const body: Child = opts.openable
    ? h(
        'button',
        {
          class: 'claim-open',
          attrs: {
            type: 'button',
            'data-claim': claim.key,
            'aria-label': `${t('openClaim')}: ${claim.text.slice(0, 80)}`,
          },
          on: { click: () => ex.select(claim.key) },
        },
        text,
      )
    : h('p', { class: 'claim-para' }, text);
  const where = placeOf(opts.documentTitle, claim.sectionPath ?? []);
  return h(
    'li',
    { class: `claim${opts.current ? ' claim-current' : ''}`, attrs: { 'data-claim': claim.key } },
    body,
    h(
      'div',
      { class: 'claim-meta' },
      where ? h('span', { class: 'claim-where' }, where) : null,
      claim.hedged ? h('span', { class: 'badge badge-hedged' }, t('hedgedBadge')) : null,
      citationChips(ex, claim, opts.sources),
    ),
  );
}

/** Fetches claim details with at most `concurrency` requests in flight, keeping the order. */
export async function fetchClaims(
  ex: Explorer,
  keys: readonly string[],
  signal: AbortSignal,
  concurrency = 6,
): Promise<(ClaimDetail | null)[]> {
  const out: (ClaimDetail | null)[] = new Array<ClaimDetail | null>(keys.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < keys.length && !signal.aborted) {
      const i = next++;
      const key = keys[i];
      if (key === undefined) continue;
      try {
        out[i] = await ex.api.claim(key, signal);
      } catch {
        out[i] = null;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, keys.length) }, worker));
  return out;
}

/**
 * A list of evidence sentences (claim keys), loaded page by page. The element is returned at once and
 * fills in as the claims arrive.
 */
export function evidenceList(ex: Explorer, keys: readonly string[], signal: AbortSignal): HTMLElement {
  const list = h('ol', { class: 'evidence', attrs: { 'aria-label': t('evidence') } });
  const footer = h('div', { class: 'evidence-footer' });
  const root = h('div', { class: 'evidence-block', attrs: { 'aria-busy': 'true' } }, list, footer);
  if (!keys.length) {
    root.removeAttribute('aria-busy');
    replaceChildren(footer, h('p', { class: 'muted' }, t('noEvidence')));
    return root;
  }
  let shown = 0;
  const loadMore = async () => {
    root.setAttribute('aria-busy', 'true');
    replaceChildren(footer, h('p', { class: 'muted' }, t('loading')));
    const page = keys.slice(shown, shown + EVIDENCE_PAGE);
    const details = await fetchClaims(ex, page, signal);
    if (signal.aborted) return;
    details.forEach((d, i) => {
      const key = page[i] ?? '';
      if (d) {
        list.appendChild(
          claimItem(ex, d.claim, { documentTitle: d.document.title, sources: d.sources, openable: true }),
        );
      } else list.appendChild(h('li', { class: 'claim claim-missing' }, t('notFound', { id: key })));
    });
    shown += page.length;
    root.removeAttribute('aria-busy');
    const rest = keys.length - shown;
    replaceChildren(
      footer,
      rest > 0
        ? h(
            'button',
            { class: 'link-button', attrs: { type: 'button' }, on: { click: () => void loadMore() } },
            `${t('more')} (${t('evidenceMore', { shown, total: keys.length })})`,
          )
        : null,
    );
  };
  void loadMore();
  return root;
}
