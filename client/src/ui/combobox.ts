/**
 * An autocomplete combobox following the WAI-ARIA 1.2 pattern: an input with role "combobox",
 * a listbox popup of options, the active option named by aria-activedescendant. Fully keyboard-driven:
 * ArrowDown/ArrowUp move (and open), Enter chooses, Escape closes then clears, Tab leaves. Queries are
 * debounced and a newer query cancels an older one.
 */
import { h, replaceChildren, uid } from './dom';

export interface ComboOption {
  id: string;
  label: string;
  detail?: string;
  /** A short tag before the label (the hit's kind). */
  tag?: string;
}

export interface ComboboxOptions {
  label: string;
  placeholder: string;
  /** Hides the visible label (it remains the accessible name). */
  hideLabel?: boolean;
  fetch(query: string, signal: AbortSignal): Promise<ComboOption[]>;
  onChoose(option: ComboOption): void;
  /** Live-region text for a result count, and for a failure. */
  describe(count: number): string;
  describeError(e: unknown): string;
  minChars?: number;
  debounceMs?: number;
  className?: string;
  /** data-testid of the input. */
  testId?: string;
}

export class Combobox {
  readonly root: HTMLDivElement;
  readonly input: HTMLInputElement;
  private readonly labelEl: HTMLLabelElement;
  private readonly list: HTMLUListElement;
  private readonly status: HTMLDivElement;
  private options: ComboOption[] = [];
  private active = -1;
  private timer: number | null = null;
  private controller: AbortController | null = null;
  private lastQuery = '';

  constructor(private readonly opts: ComboboxOptions) {
    const inputId = uid('combo-input');
    const listId = uid('combo-list');
    this.labelEl = h(
      'label',
      { class: opts.hideLabel ? 'sr-only' : 'field-label', attrs: { for: inputId } },
      opts.label,
    );
    this.input = h('input', {
      id: inputId,
      class: 'combo-input',
      attrs: {
        type: 'text',
        role: 'combobox',
        'aria-autocomplete': 'list',
        'aria-expanded': 'false',
        'aria-controls': listId,
        autocomplete: 'off',
        spellcheck: 'false',
        placeholder: opts.placeholder,
        'data-testid': opts.testId,
      },
    });
    this.list = h('ul', { id: listId, class: 'combo-list', attrs: { role: 'listbox', 'aria-label': opts.label } });
    this.list.hidden = true;
    this.status = h('div', { class: 'sr-only', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.root = h(
      'div',
      { class: `combobox ${opts.className ?? ''}` },
      this.labelEl,
      this.input,
      this.list,
      this.status,
    );

    this.input.addEventListener('input', () => this.schedule());
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('blur', () => window.setTimeout(() => this.close(), 120));
    this.input.addEventListener('focus', () => {
      if (this.options.length && this.input.value.trim() === this.lastQuery) this.open();
    });
  }

  /** Updates the visible texts (language switch). */
  setTexts(label: string, placeholder: string): void {
    this.opts.label = label;
    this.labelEl.textContent = label;
    this.list.setAttribute('aria-label', label);
    this.input.placeholder = placeholder;
  }

  setValue(text: string): void {
    this.input.value = text;
    this.lastQuery = text.trim();
    this.options = [];
    this.close();
  }

  private schedule(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.run(), this.opts.debounceMs ?? 120);
  }

  private async run(): Promise<void> {
    this.timer = null;
    const q = this.input.value.trim();
    this.lastQuery = q;
    this.controller?.abort();
    if (q.length < (this.opts.minChars ?? 1)) {
      this.options = [];
      this.render();
      this.close();
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.root.setAttribute('aria-busy', 'true');
    try {
      const options = await this.opts.fetch(q, controller.signal);
      if (controller.signal.aborted) return;
      this.options = options;
      this.active = -1;
      this.render();
      this.status.textContent = this.opts.describe(options.length);
      this.open();
    } catch (e) {
      if (controller.signal.aborted || (e instanceof DOMException && e.name === 'AbortError')) return;
      this.options = [];
      this.render();
      this.status.textContent = this.opts.describeError(e);
      this.open();
    } finally {
      if (this.controller === controller) {
        this.controller = null;
        this.root.removeAttribute('aria-busy');
      }
    }
  }

  /** Resolves once the query typed so far has its results (tests and the Enter key wait on it). */
  async settle(): Promise<void> {
    if (this.timer !== null) {
      window.clearTimeout(this.timer);
      await this.run();
    }
  }

  private render(): void {
    const items = this.options.map((o, i) =>
      h(
        'li',
        {
          id: `${this.list.id}-${i}`,
          class: 'combo-option',
          attrs: { role: 'option', 'aria-selected': i === this.active ? 'true' : 'false', 'data-key': o.id },
          on: {
            mousedown: (e) => {
              e.preventDefault();
              this.choose(i);
            },
            mousemove: () => this.setActive(i, false),
          },
        },
        o.tag ? h('span', { class: 'combo-tag' }, o.tag) : null,
        h('span', { class: 'combo-label' }, o.label),
        o.detail ? h('span', { class: 'combo-detail' }, o.detail) : null,
      ),
    );
    if (!items.length && this.input.value.trim()) {
      items.push(h('li', { class: 'combo-empty', attrs: { role: 'presentation' } }, this.opts.describe(0)));
    }
    replaceChildren(this.list, ...items);
    this.input.removeAttribute('aria-activedescendant');
  }

  private open(): void {
    if (document.activeElement !== this.input) return;
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  private setActive(i: number, scroll = true): void {
    this.active = i;
    this.list.querySelectorAll<HTMLLIElement>('[role="option"]').forEach((li, j) => {
      li.setAttribute('aria-selected', j === i ? 'true' : 'false');
      if (j === i && scroll) li.scrollIntoView({ block: 'nearest' });
    });
    if (i >= 0) this.input.setAttribute('aria-activedescendant', `${this.list.id}-${i}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private choose(i: number): void {
    const o = this.options[i];
    if (!o) return;
    this.close();
    this.opts.onChoose(o);
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.options.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (this.list.hidden) {
          this.open();
          if (!n) this.schedule();
        }
        if (n) this.setActive((this.active + 1) % n);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (this.list.hidden) this.open();
        if (n) this.setActive(this.active <= 0 ? n - 1 : this.active - 1);
        break;
      case 'Enter': {
        e.preventDefault();
        const pending = this.timer !== null || this.controller !== null || this.input.value.trim() !== this.lastQuery;
        const go = () => this.choose(this.active >= 0 ? this.active : 0);
        if (pending) void this.waitThen(go);
        else go();
        break;
      }
      case 'Escape':
        if (!this.list.hidden) {
          e.preventDefault();
          e.stopPropagation();
          this.close();
        } else if (this.input.value) {
          e.preventDefault();
          e.stopPropagation();
          this.input.value = '';
          this.options = [];
          this.lastQuery = '';
        }
        break;
      case 'Home':
      case 'End':
        if (!this.list.hidden && n && e.altKey) {
          e.preventDefault();
          this.setActive(e.key === 'Home' ? 0 : n - 1);
        }
        break;
      default:
    }
  }

  private async waitThen(fn: () => void): Promise<void> {
    if (this.timer !== null) {
      await this.settle();
    } else if (this.input.value.trim() !== this.lastQuery) {
      await this.run();
    }
    while (this.controller !== null) await new Promise((r) => window.setTimeout(r, 20));
    fn();
  }
}
