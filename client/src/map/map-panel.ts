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
  private readonly body: HTMLDivElement;
  private readonly name: HTMLInputElement;
  private readonly newNote: HTMLTextAreaElement;
  private confirmingDelete = false;

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
    this.newNote = h('textarea', {
      id: uid('map-new-note'),
      class: 'note-input',
      attrs: { rows: 2, maxlength: 4000, 'data-testid': 'map-new-note' },
    });
    this.body = h('div', { class: 'map-body' });
    this.root = h('section', {
      class: 'map-panel',
      attrs: { 'aria-labelledby': 'map-heading', 'data-testid': 'map-panel' },
    });
    b.model.subscribe((changes) => this.onModel(changes));
    b.onSaved(() => this.render());
    ex.store.subscribe((_s, _p, changed) => {
      if (changed.has('lang')) this.render();
    });
    access.subscribe(() => this.renderStatus());
    this.render();
  }

  private onModel(changes: ReadonlySet<MapChange>): void {
    // Positions change on every drag step: only the status line (unsaved) follows them.
    if (changes.size === 1 && changes.has('positions')) return this.renderStatus();
    this.render();
  }

  private say(text: string, error = false): void {
    this.status.className = `map-status${error ? ' error' : ''}`;
    this.status.textContent = text;
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

  private renderStatus(): void {
    if (this.status.classList.contains('error')) return;
    const m = this.b.model;
    this.status.className = 'map-status';
    this.status.textContent = m.viewId
      ? m.dirty
        ? t('mapUnsaved')
        : t('mapSaved')
      : m.concepts.size
        ? t('mapNotSaved')
        : '';
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

  render(): void {
    const b = this.b;
    const m = b.model;
    const ex = b.ex;
    const lang = ex.state.lang;
    this.search.setTexts(t('mapAddConcept'), '氯胺酮 / ketamine');
    if (document.activeElement !== this.name) this.name.value = m.name;
    this.name.placeholder = t('mapUntitled');
    const hadFocus = this.root.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
    const focusKey = hadFocus?.dataset.focusKey;

    // Name, save, rename, delete.
    const saved = m.viewId !== null;
    const save = h(
      'button',
      {
        class: 'button button-primary',
        attrs: { type: 'submit', 'data-action': 'map-save', 'data-focus-key': 'save' },
      },
      saved ? t('mapSaveChanges') : t('mapSave'),
    );
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
      h('label', { class: 'field-label', attrs: { for: this.name.id } }, t('mapName')),
      h('div', { class: 'inline-field' }, this.name, save),
    );
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
        : this.button('map-delete', t('mapDelete'), () => {
            this.confirmingDelete = true;
            this.render();
            this.root.querySelector<HTMLElement>('[data-action="map-delete-confirm"]')?.focus();
          })
      : null;
    const newMap = this.button('map-new', t('mapNew'), () => {
      b.startNew();
      this.say(t('mapStarted'));
    });

    // Share and export.
    const share = b.shareUrl();
    const shareId = uid('map-share');
    const shareField = share
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
            this.button('map-copy-link', t('copyLink'), () => {
              void navigator.clipboard?.writeText(share).then(
                () => this.say(t('copyLinkDone')),
                () => this.say(share),
              );
            }),
          ),
        )
      : h('p', { class: 'hint' }, t('mapSaveToShare'));
    const base = fileBase(m.name || t('mapUntitled'));
    const exports = h(
      'div',
      { class: 'map-exports', attrs: { role: 'group', 'aria-label': t('mapExport') } },
      ...EXPORTS.map((f) =>
        saved && m.viewId
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
    const conceptList = h(
      'ul',
      { class: 'map-list', attrs: { 'data-testid': 'map-concepts' } },
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
    const layouts = h(
      'div',
      { class: 'map-layouts', attrs: { role: 'group', 'aria-label': t('mapLayout') } },
      ...LAYOUTS.map((l) =>
        this.button(`map-layout-${l}`, t(LAYOUT_KEYS[l]), () => b.arrange(l), { 'data-focus-key': `layout-${l}` }),
      ),
      this.button('map-fit', t('mapFit'), () => b.canvas?.fit()),
    );

    // Links.
    const fromId = uid('map-link-from');
    const predId = uid('map-link-predicate');
    const toId = uid('map-link-target');
    const conceptSelect = (id: string, testId: string) =>
      h(
        'select',
        { id, attrs: { 'data-testid': testId } },
        ...concepts.map((c) => h('option', { attrs: { value: c.key } }, m.label(c.key, lang))),
      );
    const from = conceptSelect(fromId, 'map-link-source');
    const to = conceptSelect(toId, 'map-link-target');
    if (concepts[1]) to.value = concepts[1].key;
    const predicate = h(
      'select',
      { id: predId, attrs: { 'data-testid': 'map-link-predicate' } },
      ...PREDICATE_ORDER.map((p) => h('option', { attrs: { value: p } }, linkName(p))),
    );
    const linkForm = h(
      'form',
      {
        class: 'map-link-form',
        on: {
          submit: (e) => {
            e.preventDefault();
            if (from.value === to.value) return this.say(t('addDifferent'), true);
            if (b.link(from.value, to.value, predicate.value as Predicate)) {
              this.say(
                t('mapLinked', {
                  a: m.label(from.value, lang),
                  p: linkName(predicate.value as Predicate),
                  b: m.label(to.value, lang),
                }),
              );
            }
          },
        },
      },
      h(
        'div',
        { class: 'field' },
        h('label', { class: 'field-label', attrs: { for: fromId } }, t('mapLinkSource')),
        from,
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { class: 'field-label', attrs: { for: predId } }, t('addPredicate')),
        predicate,
      ),
      h('div', { class: 'field' }, h('label', { class: 'field-label', attrs: { for: toId } }, t('mapLinkTarget')), to),
      h(
        'button',
        {
          class: 'button',
          attrs: { type: 'submit', 'data-action': 'map-add-link' },
          props: { disabled: concepts.length < 2 },
        },
        t('mapAddLink'),
      ),
    );
    const links = h(
      'ul',
      { class: 'map-list', attrs: { 'data-testid': 'map-links' } },
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

    // Notes.
    const notes = h(
      'ul',
      { class: 'map-list map-notes', attrs: { 'data-testid': 'map-notes' } },
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
      h('label', { class: 'field-label', attrs: { for: this.newNote.id } }, t('mapNewNote')),
      this.newNote,
      h('button', { class: 'button', attrs: { type: 'submit', 'data-action': 'map-add-note' } }, t('mapAddNote')),
    );

    // Saved maps.
    const savedList = b.saved.length
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
      : h('p', { class: 'muted' }, t('mapNoneSaved'));

    const section = (title: string, ...children: (Node | null)[]) =>
      h('section', { class: 'panel-section' }, h('h3', null, title), ...children);
    replaceChildren(
      this.body,
      writeNotice(openAccess),
      nameForm,
      h('div', { class: 'actions' }, rename, newMap, del),
      this.status,
      shareField,
      exports,
      section(
        t('mapConcepts', { n: concepts.length }),
        this.search.root,
        h('p', { class: 'hint' }, t('mapPickHint')),
        conceptList,
      ),
      section(t('mapLayout'), layouts),
      section(t('mapLinks', { n: m.links.length }), links, linkForm),
      section(t('mapNotes', { n: m.notes.length }), notes, noteForm),
      section(t('mapSavedMaps'), savedList),
    );
    if (!this.root.firstChild) {
      replaceChildren(
        this.root,
        h('h2', { id: 'map-heading', class: 'region-heading map-heading', attrs: { tabindex: '-1' } }),
        this.body,
      );
    }
    const heading = this.root.querySelector('#map-heading');
    if (heading) heading.textContent = t('mapHeading');
    this.renderStatus();
    if (focusKey) this.root.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
    else if (hadFocus && this.root.contains(hadFocus) && document.activeElement !== hadFocus) hadFocus.focus();
  }
}
