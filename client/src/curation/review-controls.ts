/**
 * Reviewing one relation where its evidence is shown (concept panel, edge panel): its verdict so far,
 * a note saying why, Confirm and Reject (and withdrawing a verdict), each a write the server audits.
 * Verdict badges keep themselves up to date as verdicts change. Nothing is fetched until the reviewer
 * acts: a server without curation answers the first write with 404 and the controls say so.
 */
import type { CuratedVerdict } from '../../../server/curation/curation-service';
import type { VerdictKind } from '../../../server/curation/types';
import { access } from '../api/access';
import { ApiError } from '../api/api-error';
import { curationApi } from '../api/curation-api';
import type { Explorer } from '../app/explorer';
import { t } from '../i18n/i18n';
import { h, replaceChildren, uid } from '../ui/dom';
import { writeNotice } from './access-panel';

/** Asks the header's access form to open (the form listens for this event). */
export const openAccess = (): void => void window.dispatchEvent(new CustomEvent('access:open'));

const VERDICT_TEXT: Record<VerdictKind, 'verdictConfirmed' | 'verdictRejected' | 'verdictAdded'> = {
  confirmed: 'verdictConfirmed',
  rejected: 'verdictRejected',
  added: 'verdictAdded',
};

export function verdictBadge(kind: VerdictKind): HTMLSpanElement {
  return h(
    'span',
    { class: `badge badge-verdict badge-${kind}`, attrs: { 'data-verdict': kind } },
    t(VERDICT_TEXT[kind]),
  );
}

/**
 * A badge for a relation's verdict that follows changes (empty without a verdict). `fallback`: the mark
 * the API's overlay gave, used until the client knows the verdict list.
 */
export function liveVerdictBadge(ex: Explorer, relation: string, fallback?: VerdictKind): HTMLSpanElement {
  const slot = h('span', { class: 'verdict-slot', attrs: { 'data-verdict-for': relation } });
  const render = () => {
    const kind = ex.curation.mark(relation) ?? (ex.curation.availability === 'available' ? undefined : fallback);
    replaceChildren(slot, kind ? verdictBadge(kind) : null);
  };
  const stop = ex.curation.subscribe(() => {
    if (!slot.isConnected) stop();
    else render();
  });
  render();
  return slot;
}

/** "Confirmed by ana, 2025-05-01: the sentence says so." */
function verdictLine(v: CuratedVerdict): HTMLElement {
  const when = v.at.slice(0, 10);
  return h(
    'p',
    { class: 'verdict-line', attrs: { 'data-testid': 'verdict', 'data-verdict': v.verdict } },
    verdictBadge(v.verdict),
    ' ',
    t('verdictBy', { author: v.author, date: when }),
    v.note ? h('span', { class: 'verdict-note' }, ` “${v.note}”`) : null,
    v.status !== 'ok' ? h('span', { class: 'badge badge-flag' }, t(`status_${v.status}`)) : null,
  );
}

/** Whether an error says the server has no such route (a server without curation or saved views). */
export const isMissingRoute = (e: unknown): boolean =>
  e instanceof ApiError && e.status === 404 && /^route not found/.test(e.problem.detail ?? '');

/** What a failed write tells the reader. */
export function problemText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 403) return t('readOnlyNotice');
    if (e.status === 401) return access.snapshot.hasToken ? t('accessTokenRefused') : t('tokenNeeded');
    if (isMissingRoute(e)) return t('curationUnavailable');
    return e.problem.detail ?? e.message;
  }
  return e instanceof Error ? e.message : String(e);
}

/** The review form for one relation (`rel:…`). */
export function reviewControls(ex: Explorer, relation: string): HTMLElement {
  const noteId = uid('review-note');
  const current = h('div', { class: 'verdict-current' });
  const note = h('textarea', {
    id: noteId,
    class: 'note-input',
    attrs: { rows: 2, maxlength: 4000, 'data-testid': 'review-note', placeholder: t('reviewNoteHint') },
  });
  const message = h('p', { class: 'review-message', attrs: { role: 'status', 'data-testid': 'review-message' } });
  const buttons: HTMLButtonElement[] = [];
  const act = async (kind: 'confirm' | 'reject' | 'retract') => {
    const text = note.value.trim();
    if (!text) {
      message.className = 'review-message error';
      message.textContent = t('reviewNoteNeeded');
      note.focus();
      return;
    }
    const blocked = access.blocked();
    if (blocked) {
      message.className = 'review-message error';
      message.textContent = blocked === 'read-only' ? t('readOnlyNotice') : t('tokenNeeded');
      if (blocked === 'no-token') openAccess();
      return;
    }
    for (const b of buttons) b.disabled = true;
    message.className = 'review-message muted';
    message.textContent = t('saving');
    try {
      if (kind === 'retract') {
        await curationApi.retract(relation, text);
        ex.curation.put(relation, null);
        message.textContent = t('verdictWithdrawn');
      } else {
        const v = await curationApi.judge(relation, kind, { note: text });
        ex.curation.put(relation, v);
        message.textContent =
          v.verdict === 'rejected' && !ex.state.showRejected ? t('rejectedHiddenNote') : t('verdictSaved');
      }
      message.className = 'review-message';
      note.value = '';
      ex.announce(message.textContent);
    } catch (e) {
      if (isMissingRoute(e)) ex.curation.availability = 'unavailable';
      message.className = 'review-message error';
      message.textContent = `${t('errorPrefix')}: ${problemText(e)}`;
    } finally {
      for (const b of buttons) b.disabled = false;
      render();
    }
  };
  const button = (kind: 'confirm' | 'reject' | 'retract', label: string, extra = '') => {
    const b = h(
      'button',
      {
        class: `button ${extra}`,
        attrs: { type: 'button', 'data-action': `${kind}-relation` },
        on: { click: () => void act(kind) },
      },
      label,
    );
    buttons.push(b);
    return b;
  };
  const confirm = button('confirm', t('confirmRelation'), 'button-confirm');
  const reject = button('reject', t('rejectRelation'), 'button-reject');
  const retract = button('retract', t('withdrawVerdict'));
  const render = () => {
    const v = ex.curation.get(relation);
    replaceChildren(current, v ? verdictLine(v) : h('p', { class: 'muted' }, t('noVerdict')));
    retract.hidden = !v;
  };
  const stop = ex.curation.subscribe(() => {
    if (!root.isConnected) stop();
    else render();
  });
  const root = h(
    'section',
    { class: 'review', attrs: { 'data-review': relation, 'aria-label': t('reviewLabel') } },
    h('h4', { class: 'review-heading' }, t('reviewLabel')),
    current,
    writeNotice(openAccess),
    h('div', { class: 'field' }, h('label', { class: 'field-label', attrs: { for: noteId } }, t('reviewNote')), note),
    h('div', { class: 'actions' }, confirm, reject, retract),
    message,
  );
  render();
  return root;
}
