/**
 * Entry point: reads the view state from the URL, builds the page (header with the modes, search, view
 * tools, write access and language switch; the Explore tabs; the graph; the details; the Audit and Map
 * modes, built when first opened), loads the graph and keeps URL and state in step. Layout of the page
 * lives here; behaviour lives in the explorer and the panels.
 */
import 'katex/dist/katex.min.css';
import './styles/app.css';
import type { Lang } from '../../server/model/types';
import { access, writableFromHealth } from './api/access';
import { api } from './api/api-client';
import { ApiError } from './api/api-error';
import { AuditPanel } from './audit/audit-panel';
import { AccessPanel } from './curation/access-panel';
import { MapMode } from './map/map-mode';
import { Explorer, keyKind } from './app/explorer';
import { syncHistory } from './app/history-sync';
import { decodeState, encodeState } from './app/url-state';
import { MODES, ViewStore, type Mode, type SideTab } from './app/view-state';
import { download, exportPng, exportSvg } from './graph/export-image';
import { formatNumber, setLang, t } from './i18n/i18n';
import type { MessageKey } from './i18n/messages';
import { DetailPanel } from './panels/detail-panel';
import { FilterPanel } from './panels/filter-panel';
import { OutlinePanel } from './panels/outline-panel';
import { PathPanel } from './panels/path-panel';
import { searchOptions } from './panels/search-options';
import { Combobox } from './ui/combobox';
import { h, replaceChildren } from './ui/dom';
import { Tabs } from './ui/tabs';

const LANG_STORAGE_KEY = 'textbook-graph:lang';
const LABEL_FONT = 'system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

function preferredLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    // no storage: fall back to the browser's language
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function start(): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('main: #app not found in index.html');
  const store = new ViewStore(decodeState(location.search, preferredLang()));
  setLang(store.state.lang);

  const status = h('div', {
    class: 'sr-only',
    attrs: { role: 'status', 'aria-live': 'polite', 'data-testid': 'status' },
  });
  const announce = (message: string) => {
    status.textContent = '';
    window.setTimeout(() => (status.textContent = message), 30);
  };
  const ex = new Explorer(store, api, announce);

  // Header -------------------------------------------------------------------------------------
  const title = h('h1', { class: 'app-title' }, t('appTitle'));
  const tagline = h('p', { class: 'app-tagline' }, t('appTagline'));
  const search = new Combobox({
    label: t('searchLabel'),
    placeholder: t('searchPlaceholder'),
    hideLabel: true,
    className: 'search',
    testId: 'search',
    fetch: (q, signal) => searchOptions(ex, q, signal),
    onChoose: (o) => {
      search.setValue(o.label);
      ex.select(o.id, { focus: keyKind(o.id) === 'concept' });
    },
    describe: (n) => (n ? t('searchResults', { n }) : t('searchNoResults')),
    describeError: (e) => t('searchFailed', { message: e instanceof Error ? e.message : String(e) }),
  });
  const searchRegion = h('div', { class: 'search-region', attrs: { role: 'search' } }, search.root);

  const langButton = h('button', {
    class: 'button lang-switch',
    attrs: { type: 'button', 'data-action': 'switch-language' },
    on: {
      click: () => {
        const lang: Lang = store.state.lang === 'zh' ? 'en' : 'zh';
        try {
          localStorage.setItem(LANG_STORAGE_KEY, lang);
        } catch {
          // the URL still carries the language
        }
        ex.setLang(lang);
      },
    },
  });

  const toolButton = (key: MessageKey, action: string, onClick: () => void, text?: string) =>
    h(
      'button',
      {
        class: 'button tool',
        attrs: { type: 'button', 'data-action': action, 'data-label-key': key, 'aria-label': t(key), title: t(key) },
        on: { click: onClick },
      },
      text ?? t(key),
    );
  const layoutButton = toolButton('layoutStart', 'layout', () => ex.layout?.toggle());
  layoutButton.setAttribute('aria-pressed', 'false');
  const zoomIn = toolButton('zoomIn', 'zoom-in', () => ex.view?.zoomIn(), '+');
  const zoomOut = toolButton('zoomOut', 'zoom-out', () => ex.view?.zoomOut(), '−');
  const fit = toolButton('resetView', 'fit', () => ex.view?.resetCamera(), '⤢');
  const pngButton = toolButton(
    'exportPngLabel',
    'export-png',
    () => {
      if (!ex.view) return;
      void exportPng(ex.view).then((blob) => download(blob, 'textbook-graph.png'));
    },
    t('exportPng'),
  );
  const svgButton = toolButton(
    'exportSvgLabel',
    'export-svg',
    () => {
      if (!ex.view) return;
      download(new Blob([exportSvg(ex.view, LABEL_FONT)], { type: 'image/svg+xml' }), 'textbook-graph.svg');
    },
    t('exportSvg'),
  );
  const linkButton = toolButton('copyLink', 'copy-link', () => {
    const url = `${location.origin}${location.pathname}?${encodeState(store.state)}`;
    void navigator.clipboard?.writeText(url).then(
      () => announce(t('copyLinkDone')),
      () => announce(url),
    );
  });
  const tools = h(
    'div',
    { class: 'tools', attrs: { role: 'toolbar', 'aria-label': t('viewLabel') } },
    layoutButton,
    zoomIn,
    zoomOut,
    fit,
    pngButton,
    svgButton,
    linkButton,
  );
  const modeKeys: Record<Mode, MessageKey> = { explore: 'modeExplore', audit: 'modeAudit', map: 'modeMap' };
  const modeButtons = MODES.map((m) =>
    h(
      'button',
      {
        class: 'button mode-button',
        attrs: { type: 'button', 'data-mode': m, 'aria-pressed': String(store.state.mode === m) },
        on: { click: () => store.update({ mode: m }) },
      },
      t(modeKeys[m]),
    ),
  );
  const modes = h('nav', { class: 'modes', attrs: { 'aria-label': t('modesLabel') } }, ...modeButtons);
  const accessPanel = new AccessPanel();
  window.addEventListener('access:open', () => accessPanel.open());
  const header = h(
    'header',
    { class: 'app-header' },
    h('div', { class: 'brand' }, title, tagline),
    modes,
    searchRegion,
    tools,
    accessPanel.root,
    langButton,
  );

  // Explore tabs -------------------------------------------------------------------------------
  const filters = new FilterPanel(ex);
  const outline = new OutlinePanel(ex);
  const paths = new PathPanel(ex);
  const tabLabels = (): Record<SideTab, string> => ({
    filters: t('tabFilters'),
    outline: t('tabOutline'),
    paths: t('tabPaths'),
  });
  const tabs = new Tabs<SideTab>(
    t('tabsLabel'),
    [
      { id: 'filters', label: tabLabels().filters, panel: filters.root },
      { id: 'outline', label: tabLabels().outline, panel: outline.root },
      { id: 'paths', label: tabLabels().paths, panel: paths.root },
    ],
    (tab) => store.update({ tab }),
  );
  tabs.show(store.state.tab);
  const sidebar = h('nav', { class: 'sidebar', attrs: { 'aria-label': t('sidebarLabel') } }, tabs.root);

  // Graph ----------------------------------------------------------------------------------------
  const stage = h('div', {
    class: 'stage',
    attrs: {
      tabindex: '0',
      role: 'application',
      'aria-roledescription': 'graph',
      'aria-label': t('graphLabel'),
      'data-testid': 'graph',
    },
  });
  const summary = h('p', { class: 'graph-summary', attrs: { 'aria-live': 'polite', 'data-testid': 'graph-summary' } });
  const graphMessage = h('p', { class: 'graph-message' }, t('graphLoading'));
  const main = h(
    'main',
    { class: 'graph-area', attrs: { 'aria-label': t('graphLabel') } },
    stage,
    summary,
    graphMessage,
  );

  const details = new DetailPanel(ex);
  // The Audit and Map modes are built the first time they open: an explorer that never uses them pays nothing.
  const auditArea = h('div', { class: 'audit-area' });
  const mapArea = h('div', { class: 'map-area', attrs: { role: 'region', 'aria-label': t('mapCanvasLabel') } });
  const mapSide = h('div', { class: 'map-side' });
  auditArea.hidden = true;
  mapArea.hidden = true;
  mapSide.hidden = true;
  sidebar.append(mapSide);
  const workspace = h('div', { class: 'workspace' }, sidebar, main, details.root, auditArea, mapArea);
  replaceChildren(root, header, workspace, status);

  let audit: AuditPanel | null = null;
  let map: MapMode | null = null;
  const applyMode = (mode: Mode, moveFocus: boolean) => {
    for (const b of modeButtons) b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
    workspace.classList.toggle('mode-audit', mode === 'audit');
    workspace.classList.toggle('mode-map', mode === 'map');
    document.documentElement.dataset.appMode = mode;
    auditArea.hidden = mode !== 'audit';
    mapArea.hidden = mode !== 'map';
    mapSide.hidden = mode !== 'map';
    tabs.root.hidden = mode === 'map';
    if (mode === 'audit') {
      if (!audit) {
        audit = new AuditPanel(ex);
        auditArea.append(audit.root);
      }
      audit.activate();
      if (moveFocus) audit.focus();
    } else audit?.deactivate();
    if (mode === 'map') {
      if (!map) {
        map = new MapMode(ex, stage);
        mapArea.append(map.canvas.root);
        mapSide.append(map.panel.root);
      }
      map.activate();
      if (moveFocus) map.panel.root.querySelector<HTMLElement>('#map-heading')?.focus();
    } else map?.deactivate();
    // The graph changed size (the map shares its column): sigma redraws at the new size.
    if (ex.view) {
      ex.view.renderer.resize(true);
      ex.view.refresh();
    }
  };

  // Language-dependent texts -------------------------------------------------------------------
  const applyTexts = () => {
    document.title = t('appTitle');
    title.textContent = t('appTitle');
    tagline.textContent = t('appTagline');
    langButton.textContent = t('switchLanguage');
    langButton.setAttribute('aria-label', t('switchLanguageLabel'));
    langButton.setAttribute('lang', store.state.lang === 'zh' ? 'en' : 'zh-CN');
    search.setTexts(t('searchLabel'), t('searchPlaceholder'));
    for (const b of tools.querySelectorAll<HTMLButtonElement>('[data-label-key]')) {
      const key = b.dataset.labelKey as MessageKey;
      b.setAttribute('aria-label', t(key));
      b.title = t(key);
    }
    tools.setAttribute('aria-label', t('viewLabel'));
    const running = ex.layout?.isRunning() ?? false;
    layoutButton.textContent = running ? t('layoutStop') : t('layoutStart');
    layoutButton.setAttribute('aria-label', running ? t('layoutStop') : t('layoutStart'));
    pngButton.textContent = t('exportPng');
    svgButton.textContent = t('exportSvg');
    linkButton.textContent = t('copyLink');
    tabs.setLabels(tabLabels());
    modes.setAttribute('aria-label', t('modesLabel'));
    for (const b of modeButtons) b.textContent = t(modeKeys[b.dataset.mode as Mode]);
    mapArea.setAttribute('aria-label', t('mapCanvasLabel'));
    sidebar.setAttribute('aria-label', t('sidebarLabel'));
    stage.setAttribute('aria-label', t('graphLabel'));
    main.setAttribute('aria-label', t('graphLabel'));
    updateSummary();
  };
  const updateSummary = () => {
    summary.textContent = t('graphSummary', {
      nodes: formatNumber(ex.visibility.shownNodes),
      edges: formatNumber(ex.visibility.shownEdges),
    });
  };
  applyTexts();

  store.subscribe((state, _prev, changed, mode) => {
    if (changed.has('lang')) {
      applyTexts();
      accessPanel.render();
    }
    if (changed.has('tab')) tabs.show(state.tab);
    if (changed.has('mode')) applyMode(state.mode, mode === 'push');
  });
  applyMode(store.state.mode, false);
  ex.events.on('graph', updateSummary);
  ex.events.on('layout', (running) => {
    layoutButton.setAttribute('aria-pressed', String(running));
    layoutButton.textContent = running ? t('layoutStop') : t('layoutStart');
    layoutButton.setAttribute('aria-label', running ? t('layoutStop') : t('layoutStart'));
  });
  window.addEventListener('pagehide', () => {
    if (ex.layout?.isRunning()) ex.layout.stop();
  });

  syncHistory(store, preferredLang);

  // Whether the server takes writes. One that does has curation, and so does one a reviewer holds a token
  // for; a read-only one has it when it documents the curation routes (a server with only the explorer
  // is read-only too). The panels then show the verdicts the graph answers carry.
  api.health().then(
    async (health) => {
      access.noteHealth(health);
      const w = writableFromHealth(health);
      if (w?.writable || access.snapshot.hasToken || (w && (await api.supportsRoute('/api/curation/verdicts')))) {
        void ex.curation.ensure();
      }
    },
    () => undefined,
  );
  access.subscribe((a) => {
    if (a.hasToken && ex.curation.availability === 'unknown') void ex.curation.ensure();
  });

  ex.load(stage)
    .then(() => {
      graphMessage.hidden = ex.graph.order > 0;
      graphMessage.textContent = t('graphEmpty');
      updateSummary();
    })
    .catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      graphMessage.textContent =
        e instanceof ApiError ? t('apiUnavailable', { message }) : t('graphFailed', { message });
      graphMessage.setAttribute('role', 'alert');
      document.documentElement.dataset.graphReady = 'error';
    });
}

start();
