/**
 * Tabs following the WAI-ARIA pattern: a tablist of buttons, one tabpanel each; Left/Right/Home/End
 * move between tabs (automatic activation), Tab moves into the panel.
 */
import { h } from './dom';

export interface TabSpec<Id extends string> {
  id: Id;
  label: string;
  panel: HTMLElement;
}

export class Tabs<Id extends string> {
  readonly root: HTMLDivElement;
  private readonly buttons = new Map<Id, HTMLButtonElement>();
  private readonly panels = new Map<Id, HTMLElement>();

  constructor(
    label: string,
    private readonly specs: TabSpec<Id>[],
    private readonly onSelect: (id: Id) => void,
  ) {
    const list = h('div', { class: 'tablist', attrs: { role: 'tablist', 'aria-label': label } });
    const panels: HTMLElement[] = [];
    for (const s of specs) {
      const tabId = `tab-${s.id}`;
      const panelId = `tabpanel-${s.id}`;
      const button = h(
        'button',
        {
          id: tabId,
          class: 'tab',
          attrs: { type: 'button', role: 'tab', 'aria-controls': panelId, 'aria-selected': 'false', tabindex: '-1' },
          on: { click: () => this.onSelect(s.id), keydown: (e) => this.onKey(e, s.id) },
        },
        s.label,
      );
      s.panel.id = panelId;
      s.panel.setAttribute('role', 'tabpanel');
      s.panel.setAttribute('aria-labelledby', tabId);
      s.panel.tabIndex = 0;
      s.panel.hidden = true;
      this.buttons.set(s.id, button);
      this.panels.set(s.id, s.panel);
      list.append(button);
      panels.push(s.panel);
    }
    this.root = h('div', { class: 'tabs' }, list, ...panels);
  }

  show(id: Id): void {
    for (const [k, b] of this.buttons) {
      const on = k === id;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      const panel = this.panels.get(k);
      if (panel) panel.hidden = !on;
    }
  }

  setLabels(labels: Record<Id, string>): void {
    for (const [k, b] of this.buttons) b.textContent = labels[k];
  }

  private onKey(e: KeyboardEvent, id: Id): void {
    const ids = this.specs.map((s) => s.id);
    const i = ids.indexOf(id);
    let next: Id | undefined;
    if (e.key === 'ArrowRight') next = ids[(i + 1) % ids.length];
    else if (e.key === 'ArrowLeft') next = ids[(i - 1 + ids.length) % ids.length];
    else if (e.key === 'Home') next = ids[0];
    else if (e.key === 'End') next = ids[ids.length - 1];
    if (next === undefined) return;
    e.preventDefault();
    this.onSelect(next);
    this.buttons.get(next)?.focus();
  }
}
