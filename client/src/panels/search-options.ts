/**
 * Search hits as combobox options: concepts labelled in the interface language (with the other
 * language and the category as detail), sentences shortened, sources by problem id.
 */
import type { SearchHit } from '../../../server/store/graph-store';
import { isCategory } from '../app/domain';
import type { Explorer } from '../app/explorer';
import { categoryName, t } from '../i18n/i18n';
import type { ComboOption } from '../ui/combobox';

const SEARCH_LIMIT = 12;

const shorten = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function optionFor(ex: Explorer, hit: SearchHit): ComboOption {
  switch (hit.kind) {
    case 'concept': {
      const label = ex.graph.hasNode(hit.key) ? ex.conceptName(hit.key) : hit.label;
      const attrs = ex.graph.hasNode(hit.key) ? ex.graph.getNodeAttributes(hit.key) : null;
      const otherLang = ex.state.lang === 'zh' ? 'en' : 'zh';
      const other = attrs?.labels[otherLang];
      const category = hit.detail && isCategory(hit.detail) ? categoryName(hit.detail) : hit.detail;
      return {
        id: hit.key,
        label,
        detail: [other && other !== label ? other : null, category].filter(Boolean).join(' · '),
        tag: t('kindConcept'),
      };
    }
    case 'claim':
      return {
        id: hit.key,
        label: shorten(hit.label, 90),
        detail: hit.detail ? ex.documentTitle(hit.detail) : undefined,
        tag: t('kindClaim'),
      };
    case 'source':
      return { id: hit.key, label: t('sourceChip', { id: hit.key.replace(/^src:/, '') }), tag: t('kindSource') };
  }
}

export async function searchOptions(ex: Explorer, q: string, signal: AbortSignal): Promise<ComboOption[]> {
  const hits = await ex.api.search(q, { limit: SEARCH_LIMIT }, signal);
  return hits.map((hit) => optionFor(ex, hit));
}

export async function conceptOptions(ex: Explorer, q: string, signal: AbortSignal): Promise<ComboOption[]> {
  const hits = await ex.api.search(q, { kinds: ['concept'], limit: SEARCH_LIMIT }, signal);
  return hits.filter((hit) => hit.kind === 'concept').map((hit) => optionFor(ex, hit));
}
