/**
 * The Map mode's controls: the map's name, save / rename / delete, the share link and the exports (CXL,
 * GraphML and GEXF from the server, PNG and SVG drawn here); adding concepts by search (or by clicking and
 * lassoing in the graph above the map); the concepts, links and notes of the map with their own controls;
 * the layout helpers; and the saved maps to open. Writes go through the access token like curation.
 */
import type { Predicate } from '../../../server/model/types';
import type { ViewExportFormat } from '../../../server/views/view-service';
import { access } from '../api/access';
import { viewsApi } from '../api/curation-api';
import { PREDICATE_ORDER } from '../app/domain';
import { download } from '../graph/export-image';
import { linkName, t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { conceptOptions } from '../panels/search-options';
import { writeNotice } from '../curation/access-panel';
import { openAccess, problemText } from '../curation/review-controls';
import { Combobox } from '../ui/combobox';
import { h, replaceChildren, uid } from '../ui/dom';
import type { MapBuilder } from './map-builder';
import { LAYOUTS, type LayoutName } from './map-layout';
import type { MapChange } from './map-model';

const EXPORTS: readonly ViewExportFormat[] = ['cxl', 'graphml', 'gexf'];
const LAYOUT_KEYS: Record<LayoutName, MessageKey> = {
  circle: 'mapLayoutCircle',
  grid: 'mapLayoutGrid',
  force: 'mapLayoutForce',
};

const fileBase = (name: string): string =>
  name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'concept-map';

export class MapPanel {
  readonly root: HTMLElement;
  private readonly search: Combobox;
  private readonly status: HTMLParagraphElement;
  private readonly heading = h('h2', {
    id: 'map-heading',
    class: 'region-heading map-heading',
    attrs: { tabindex: '-1' },
  });
  private readonly name: HTMLInputElement;
  private readonly nameLabel: HTMLLabelElement;
  private readonly save = h('button', {
    class: 'button button-primary',
    attrs: { type: 'submit', 'data-action': 'map-save' },
  });
  private readonly actions = h('div', { class: 'actions' });
  private readonly share = h('div', { class: 'map-share' });
  private readonly exports = h('div', { class: 'map-exports', attrs: { role: 'group' } });
  private readonly conceptsHeading = h('h3');
  private readonly pickHint = h('p', { class: 'hint' });
  private readonly conceptList = h('ul', { class: 'map-list', attrs: { 'data-testid': 'map-concepts' } });
  private readonly layoutHeading = h('h3');
  private readonly layouts = h('div', { class: 'map-layouts', attrs: { role: 'group' } });
  private readonly linksHeading = h('h3');
  private readonly linkList = h('ul', { class: 'map-list', attrs: { 'data-testid': 'map-links' } });
  private readonly linkSource = h('select', { id: uid('map-link-from'), attrs: { 'data-testid': 'map-link-source' } });
  private readonly linkPredicate = h('select', {
    id: uid('map-link-predicate'),
    attrs: { 'data-testid': 'map-link-predicate' },
  });
  private readonly linkTarget = h('select', {
    id: uid('map-link-target'),
    attrs: { 'data-testid': 'map-link-target' },
  });
  private readonly linkSourceLabel: HTMLLabelElement;
  private readonly linkPredicateLabel: HTMLLabelElement;
  private readonly linkTargetLabel: HTMLLabelElement;
  private readonly linkSubmit = h('button', {
    class: 'button',
    attrs: { type: 'submit', 'data-action': 'map-add-link' },
  });
  private readonly linkForm: HTMLFormElement;
  private readonly notesHeading = h('h3');
  private readonly noteList = h('ul', { class: 'map-list map-notes', attrs: { 'data-testid': 'map-notes' } });
  private readonly newNote: HTMLTextAreaElement;
  private readonly newNoteLabel: HTMLLabelElement;
  private readonly addNote = h('button', { class: 'button', attrs: { type: 'submit', 'data-action': 'map-add-note' } });
  private readonly savedHeading = h('h3');
  private readonly savedList = h('div');
  private confirmingDelete = false;
  private message: { text: string; error: boolean } | null = null;

  constructor(private readonly b: MapBuilder) {
    const ex = b.ex;
    this.search = new Combobox({
      label: t('mapAddConcept'),
      placeholder: '氯胺酮 / ketamine',
      fetch: (q, signal) => conceptOptions(ex, q, signal),
      onChoose: (o) => {
        this.search.setValue('');
        void b.addConcepts([o.id]);
      },
      describe: (n) => (n ? t('searchResults', { n }) : t('searchNoResults')),
      describeError: (e) => t('searchFailed', { message: e instanceof Error ? e.message : String(e) }),
      testId: 'map-search',
    });
    this.status = h('p', { class: 'map-status', attrs: { role: 'status', 'data-testid': 'map-status' } });
    this.name = h('input', {
      id: uid('map-name'),
      attrs: { type: 'text', maxlength: 200, 'data-testid': 'map-name', autocomplete: 'off' },
    });
    this.nameLabel = h('label', { class: 'field-label', attrs: { for: this.name.id } });
    this.newNote = h('textarea', {
      id: uid('map-new-note'),
      class: 'note-input',
      attrs: { rows: 2, maxlength: 4000, 'data-testid': 'map-new-note' },
    });
    this.newNoteLabel = h('label', { class: 'field-label', attrs: { for: this.newNote.id } });
    const label = (el: HTMLElement) => h('label', { class: 'field-label', attrs: { for: el.id } });
    this.linkSourceLabel = label(this.linkSource);
    this.linkPredicateLabel = label(this.linkPredicate);
    this.linkTargetLabel = label(this.linkTarget);
    this.linkForm = h(
      'form',
      {
        class: 'map-link-form',
        on: {
          submit: (e) => {
            e.preventDefault();
            const [from, to, p] = [this.linkSource.value, this.linkTarget.value, this.linkPredicate.value as Predicate];
            if (from === to) return this.say(t('addDifferent'), true);
            const lang = ex.state.lang;
            const m = b.model;
            if (b.link(from, to, p)) {
              this.say(t('mapLinked', { a: m.label(from, lang), p: linkName(p), b: m.label(to, lang) }));
            }
          },
        },
      },
      h('div', { class: 'field' }, this.linkSourceLabel, this.linkSource),
      h('div', { class: 'field' }, this.linkPredicateLabel, this.linkPredicate),
      h('div', { class: 'field' }, this.linkTargetLabel, this.linkTarget),
      this.linkSubmit,
    );
    this.root = h('section', {
      class: 'map-panel',
      attrs: { 'aria-labelledby': 'map-heading', 'data-testid': 'map-panel' },
    });
    this.skeleton();
    b.model.subscribe((changes) => this.onModel(changes));
    b.onSaved(() => this.render());
    ex.store.subscribe((_s, _p, changed) => {
      if (changed.has('lang')) this.render();
    });
    access.subscribe(() => this.renderStatus());
    this.render();
  }

  private onModel(changes: ReadonlySet<MapChange>): void {
    // A change to the map itself makes the last message (saved, renamed, an error) old news.
    if (!(changes.size === 1 && changes.has('meta'))) this.message = null;
    // Positions change on every drag step: only the status line (unsaved) follows them.
    if (changes.size === 1 && changes.has('positions')) return this.renderStatus();
    this.render();
  }

  /** Shows a message in the status line (and tells screen readers). */
  say(text: string, error = false): void {
    this.message = { text, error };
    this.renderStatus();
    this.b.ex.announce(text);
  }

  private async write(run: () => Promise<string | void>, done: (r: string | void) => string): Promise<void> {
    const blocked = access.blocked();
    if (blocked) {
      if (blocked === 'no-token') openAccess();
      return this.say(blocked === 'read-only' ? t('readOnlyNotice') : t('tokenNeeded'), true);
    }
    this.say(t('saving'));
    try {
      const r = await run();
      this.say(done(r));
    } catch (e) {
      this.say(`${t('errorPrefix')}: ${problemText(e)}`, true);
    }
  }

  /** The status line: the last message until the map changes, else whether the map is saved. */
  private renderStatus(): void {
    const m = this.b.model;
    this.status.className = `map-status${this.message?.error ? ' error' : ''}`;
    this.status.textContent =
      this.message?.text ??
      (m.viewId ? (m.dirty ? t('mapUnsaved') : t('mapSaved')) : m.concepts.size ? t('mapNotSaved') : '');
  }

  private button(
    action: string,
    label: string,
    onClick: () => void,
    extra: Record<string, string> = {},
  ): HTMLButtonElement {
    return h(
      'button',
      { class: 'button', attrs: { type: 'button', 'data-action': action, ...extra }, on: { click: onClick } },
      label,
    );
  }

  /** The parts of the panel that are built once: the fields a reader types into are never moved. */
  private skeleton(): void {
    const b = this.b;
    const m = b.model;
    const nameForm = h(
      'form',
      {
        class: 'map-name-form',
        on: {
          submit: (e) => {
            e.preventDefault();
            const name = this.name.value.trim();
            if (!name) {
              this.name.focus();
              return this.say(t('mapNameNeeded'), true);
            }
            m.rename(name);
            void this.write(
              () => b.save(),
              () => t('mapSavedAs', { name }),
            );
          },
        },
      },
      this.nameLabel,
      h('div', { class: 'inline-field' }, this.name, this.save),
    );
    const noteForm = h(
      'form',
      {
        class: 'map-note-form',
        on: {
          submit: (e) => {
            e.preventDefault();
            const text = this.newNote.value.trim();
            if (!text) return this.newNote.focus();
            b.addNote(text);
            this.newNote.value = '';
          },
        },
      },
      this.newNoteLabel,
      this.newNote,
      this.addNote,
    );
    const section = (heading: HTMLElement, ...children: Node[]) =>
      h('section', { class: 'panel-section' }, heading, ...children);
    replaceChildren(
      this.root,
      this.heading,
      writeNotice(openAccess),
      nameForm,
      this.actions,
      this.status,
      this.share,
      this.exports,
      section(this.conceptsHeading, this.search.root, this.pickHint, this.conceptList),
      section(this.layoutHeading, this.layouts),
      section(this.linksHeading, this.linkList, this.linkForm),
      section(this.notesHeading, this.noteList, noteForm),
      section(this.savedHeading, this.savedList),
    );
  }

  render(): void {
    const b = this.b;
    const m = b.model;
    const ex = b.ex;
    const lang = ex.state.lang;
    const hadFocus = this.root.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
    const focusKey = hadFocus?.dataset.focusKey;

    // Texts of the fixed parts.
    this.heading.textContent = t('mapHeading');
    this.search.setTexts(t('mapAddConcept'), '氯胺酮 / ketamine');
    if (document.activeElement !== this.name) this.name.value = m.name;
    this.name.placeholder = t('mapUntitled');
    this.nameLabel.textContent = t('mapName');
    this.newNoteLabel.textContent = t('mapNewNote');
    this.addNote.textContent = t('mapAddNote');
    this.pickHint.textContent = t('mapPickHint');
    const saved = m.viewId !== null;
    this.save.textContent = saved ? t('mapSaveChanges') : t('mapSave');

    // Rename, new, delete.
    const rename = saved
      ? this.button(
          'map-rename',
          t('mapRename'),
          () => {
            const name = this.name.value.trim();
            if (!name) return this.say(t('mapNameNeeded'), true);
            void this.write(
              () => b.rename(name),
              () => t('mapRenamed', { name }),
            );
          },
          { 'data-focus-key': 'rename' },
        )
      : null;
    const del = saved
      ? this.confirmingDelete
        ? h(
            'span',
            { class: 'confirm-delete' },
            this.button(
              'map-delete-confirm',
              t('mapDeleteConfirm', { name: m.name }),
              () => {
                this.confirmingDelete = false;
                void this.write(
                  () => b.remove(),
                  () => t('mapDeleted'),
                );
              },
              { 'data-focus-key': 'delete-confirm' },
            ),
            this.button('map-delete-cancel', t('cancel'), () => {
              this.confirmingDelete = false;
              this.render();
            }),
          )
        : this.button(
            'map-delete',
            t('mapDelete'),
            () => {
              this.confirmingDelete = true;
              this.render();
              this.root.querySelector<HTMLElement>('[data-action="map-delete-confirm"]')?.focus();
            },
            { 'data-focus-key': 'delete' },
          )
      : null;
    const newMap = this.button(
      'map-new',
      t('mapNew'),
      () => {
        b.startNew();
        this.say(t('mapStarted'));
      },
      { 'data-focus-key': 'new' },
    );
    replaceChildren(this.actions, rename, newMap, del);

    // Share and export.
    const share = b.shareUrl();
    const shareId = uid('map-share');
    replaceChildren(
      this.share,
      share
        ? h(
            'div',
            { class: 'field' },
            h('label', { class: 'field-label', attrs: { for: shareId } }, t('mapShareLink')),
            h(
              'div',
              { class: 'inline-field' },
              h('input', {
                id: shareId,
                attrs: { type: 'text', readonly: true, 'data-testid': 'map-share-link' },
                props: { value: share },
                on: { focus: (e) => (e.target as HTMLInputElement).select() },
              }),
              this.button(
                'map-copy-link',
                t('copyLink'),
                () => {
                  void navigator.clipboard?.writeText(share).then(
                    () => this.say(t('copyLinkDone')),
                    () => this.say(share),
                  );
                },
                { 'data-focus-key': 'copy-link' },
              ),
            ),
          )
        : h('p', { class: 'hint' }, t('mapSaveToShare')),
    );
    const base = fileBase(m.name || t('mapUntitled'));
    this.exports.setAttribute('aria-label', t('mapExport'));
    replaceChildren(
      this.exports,
      ...EXPORTS.map((f) =>
        m.viewId
          ? h(
              'a',
              {
                class: 'button',
                attrs: { href: viewsApi.exportUrl(m.viewId, f), download: '', 'data-action': `map-export-${f}` },
              },
              f.toUpperCase(),
            )
          : h(
              'button',
              {
                class: 'button',
                attrs: { type: 'button', 'data-action': `map-export-${f}`, title: t('mapSaveToExport') },
                props: { disabled: true },
              },
              f.toUpperCase(),
            ),
      ),
      this.button('map-export-png', 'PNG', () => {
        void b.canvas?.toPng().then(
          (blob) => download(blob, `${base}.png`),
          (e: unknown) => this.say(`${t('errorPrefix')}: ${e instanceof Error ? e.message : String(e)}`, true),
        );
      }),
      this.button('map-export-svg', 'SVG', () => {
        if (b.canvas) download(new Blob([b.canvas.toSvg()], { type: 'image/svg+xml' }), `${base}.svg`);
      }),
    );

    // Concepts.
    const concepts = [...m.concepts.values()];
    this.conceptsHeading.textContent = t('mapConcepts', { n: concepts.length });
    replaceChildren(
      this.conceptList,
      ...concepts.map((c) =>
        h(
          'li',
          { attrs: { 'data-map-concept': c.key } },
          h(
            'button',
            {
              class: 'link-button',
              attrs: { type: 'button', 'data-focus-key': `open-${c.key}` },
              on: { click: () => ex.select(c.key) },
            },
            m.label(c.key, lang),
          ),
          h(
            'button',
            {
              class: 'icon-button',
              attrs: {
                type: 'button',
                'data-action': 'map-remove-concept',
                'aria-label': t('mapRemove', { name: m.label(c.key, lang) }),
                title: t('mapRemove', { name: m.label(c.key, lang) }),
              },
              on: { click: () => m.removeConcept(c.key) },
            },
            '×',
          ),
        ),
      ),
    );

    // Layout.
    this.layoutHeading.textContent = t('mapLayout');
    this.layouts.setAttribute('aria-label', t('mapLayout'));
    replaceChildren(
      this.layouts,
      ...LAYOUTS.map((l) =>
        this.button(`map-layout-${l}`, t(LAYOUT_KEYS[l]), () => b.arrange(l), { 'data-focus-key': `layout-${l}` }),
      ),
      this.button('map-fit', t('mapFit'), () => b.canvas?.fit(), { 'data-focus-key': 'fit' }),
    );

    // Links.
    this.linksHeading.textContent = t('mapLinks', { n: m.links.length });
    replaceChildren(
      this.linkList,
      ...m.links.map((l) =>
        h(
          'li',
          {
            attrs: {
              'data-map-link': `${l.source}→${l.target}`,
              'data-predicate': l.predicate,
              'data-origin': l.origin,
            },
          },
          h('span', null, `${m.label(l.source, lang)} —${linkName(l.predicate)}→ ${m.label(l.target, lang)}`),
          h(
            'button',
            {
              class: 'icon-button',
              attrs: {
                type: 'button',
                'data-action': 'map-remove-link',
                'aria-label': t('mapRemoveLink'),
                title: t('mapRemoveLink'),
              },
              on: { click: () => m.removeLink(l.source, l.target) },
            },
            '×',
          ),
        ),
      ),
    );
    this.renderLinkForm(concepts.map((c) => c.key));

    // Notes.
    this.notesHeading.textContent = t('mapNotes', { n: m.notes.length });
    replaceChildren(
      this.noteList,
      ...m.notes.map((n, i) => {
        const id = `map-note-${n.id}`;
        return h(
          'li',
          { attrs: { 'data-map-note': n.id } },
          h('label', { class: 'field-label', attrs: { for: id } }, t('mapNoteN', { n: i + 1 })),
          h('textarea', {
            id,
            class: 'note-input',
            attrs: { rows: 2, maxlength: 4000, 'data-focus-key': `note-${n.id}` },
            props: { value: n.text },
            on: { change: (e) => m.updateNote(n.id, (e.target as HTMLTextAreaElement).value) },
          }),
          h(
            'button',
            {
              class: 'icon-button',
              attrs: {
                type: 'button',
                'data-action': 'map-remove-note',
                'aria-label': t('mapRemoveNote'),
                title: t('mapRemoveNote'),
              },
              on: { click: () => m.removeNote(n.id) },
            },
            '×',
          ),
        );
      }),
    );

    // Saved maps.
    this.savedHeading.textContent = t('mapSavedMaps');
    replaceChildren(
      this.savedList,
      b.saved.length
        ? h(
            'ul',
            { class: 'map-list', attrs: { 'data-testid': 'map-saved' } },
            ...b.saved.map((v) =>
              h(
                'li',
                { attrs: { 'data-view': v.id, 'aria-current': v.id === m.viewId ? 'true' : undefined } },
                h(
                  'button',
                  {
                    class: 'link-button',
                    attrs: { type: 'button', 'data-action': 'map-open', 'data-focus-key': `view-${v.id}` },
                    on: {
                      click: () => {
                        void b.open(v.id).then(
                          () => this.say(t('mapOpened', { name: v.name })),
                          (e: unknown) => this.say(`${t('errorPrefix')}: ${problemText(e)}`, true),
                        );
                      },
                    },
                  },
                  v.name,
                ),
                h(
                  'span',
                  { class: 'muted' },
                  ` ${t('mapSummary', { concepts: v.concepts, links: v.links, notes: v.notes })}`,
                ),
              ),
            ),
          )
        : h('p', { class: 'muted' }, t('mapNoneSaved')),
    );

    this.renderStatus();
    if (hadFocus && !this.root.contains(hadFocus) && focusKey) {
      this.root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
    }
  }

  /** The form that links two concepts of the map by hand; it keeps what was chosen across redraws. */
  private renderLinkForm(keys: string[]): void {
    const m = this.b.model;
    const lang = this.b.ex.state.lang;
    const keep = (sel: HTMLSelectElement, fallback: string | undefined) => {
      const before = sel.value;
      replaceChildren(sel, ...keys.map((k) => h('option', { attrs: { value: k } }, m.label(k, lang))));
      sel.value = keys.includes(before) ? before : (fallback ?? '');
    };
    keep(this.linkSource, keys[0]);
    keep(this.linkTarget, keys[1] ?? keys[0]);
    const p = this.linkPredicate.value;
    replaceChildren(
      this.linkPredicate,
      ...PREDICATE_ORDER.map((x) => h('option', { attrs: { value: x } }, linkName(x))),
    );
    this.linkPredicate.value = p || PREDICATE_ORDER[0];
    for (const [label, key] of [
      [this.linkSourceLabel, 'mapLinkSource'],
      [this.linkPredicateLabel, 'addPredicate'],
      [this.linkTargetLabel, 'mapLinkTarget'],
    ] as const) {
      label.textContent = t(key);
    }
    this.linkSubmit.textContent = t('mapAddLink');
    this.linkSubmit.disabled = keys.length < 2;
  }
}
