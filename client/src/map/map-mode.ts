/**
 * The Map mode put together: the builder, its canvas and panel, and the ways of picking concepts from the
 * explorer's graph while the mode is on (a click adds the concept and opens it; Shift-drag lassoes
 * several). Opens the saved view the URL names — a shared link — and follows it through history.
 */
import type { Explorer } from '../app/explorer';
import { t } from '../i18n/i18n';
import { isMissingRoute, problemText } from '../curation/review-controls';
import { GraphLasso } from './lasso';
import { MapBuilder } from './map-builder';
import { MapCanvas } from './map-canvas';
import { MapPanel } from './map-panel';

export class MapMode {
  readonly builder: MapBuilder;
  readonly canvas: MapCanvas;
  readonly panel: MapPanel;
  private readonly lasso: GraphLasso;
  private active = false;

  constructor(
    private readonly ex: Explorer,
    stage: HTMLElement,
  ) {
    this.builder = new MapBuilder(ex);
    this.canvas = new MapCanvas(this.builder.model, () => ex.state.lang, {
      onOpenConcept: (key) => ex.select(key),
      onOpenNote: (id) => this.panel.root.querySelector<HTMLElement>(`#map-note-${CSS.escape(id)}`)?.focus(),
      onRemove: (key) => {
        const m = this.builder.model;
        if (m.has(key)) m.removeConcept(key);
        else m.removeNote(key);
        ex.announce(t('mapRemoved'));
      },
      announce: ex.announce,
    });
    this.builder.canvas = this.canvas;
    this.panel = new MapPanel(this.builder);
    this.lasso = new GraphLasso(
      stage,
      () => ex.view,
      () => ex.visibility,
      (keys) => void this.builder.addFromLasso(keys),
    );
    ex.store.subscribe((state, _prev, changed) => {
      if (changed.has('lang')) this.canvas.relabel();
      if (this.active && changed.has('view') && state.view && state.view !== this.builder.model.viewId) {
        void this.open(state.view);
      }
    });
  }

  activate(): void {
    this.active = true;
    this.canvas.mount();
    this.lasso.setEnabled(true);
    this.ex.onPick = (key) => {
      void this.builder.addConcepts([key]);
      return false;
    };
    const wanted = this.ex.state.view;
    if (wanted && wanted !== this.builder.model.viewId) void this.open(wanted);
    this.builder.refreshSaved().catch((e: unknown) => {
      if (!isMissingRoute(e)) this.ex.announce(`${t('errorPrefix')}: ${problemText(e)}`);
    });
  }

  deactivate(): void {
    this.active = false;
    this.lasso.setEnabled(false);
    this.ex.onPick = null;
  }

  private async open(id: string): Promise<void> {
    try {
      await this.builder.open(id);
      this.ex.announce(t('mapOpened', { name: this.builder.model.name }));
    } catch (e) {
      this.panel.say(`${t('errorPrefix')}: ${problemText(e)}`, true);
    }
  }
}
