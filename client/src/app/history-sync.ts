/**
 * Keeps the URL and the view state in step: a change recorded as `push` adds a history entry,
 * `replace` rewrites the current one (camera moves), and back/forward (popstate) apply the state the
 * URL describes with mode `none`, so applying it records nothing.
 */
import type { Lang } from '../../../server/model/types';
import { decodeState, encodeState } from './url-state';
import type { ViewStore } from './view-state';

export function syncHistory(store: ViewStore, fallbackLang: () => Lang): void {
  store.onHistory((state, mode) => {
    if (mode === 'none') return;
    const url = `${location.pathname}?${encodeState(state)}${location.hash}`;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  });
  window.addEventListener('popstate', () => {
    store.update(decodeState(location.search, fallbackLang()), 'none');
  });
  // The URL always states the whole view, including defaults resolved at start (language).
  history.replaceState(null, '', `${location.pathname}?${encodeState(store.state)}${location.hash}`);
}
