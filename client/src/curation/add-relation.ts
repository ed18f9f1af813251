/**
 * Adding a relation the extractor missed: subject, predicate and object (concepts found by search, the
 * concept shown as the subject to begin with), the evidence sentence chosen among the sentences that
 * mention both concepts, and a note. The server checks it all again and audits the addition.
 */
import type { ClaimAttributes, Predicate } from '../../../server/model/types';
import type { Keyed } from '../../../server/store/graph-store';
import { access } from '../api/access';
import { curationApi } from '../api/curation-api';
import { PREDICATE_ORDER } from '../app/domain';
import type { Explorer } from '../app/explorer';
import { linkName, t } from '../i18n/i18n';
import { conceptOptions } from '../panels/search-options';
import { Combobox, type ComboOption } from '../ui/combobox';
import { h, replaceChildren, uid } from '../ui/dom';
import { mathText } from '../ui/math-text';
import { writeNotice } from './access-panel';
import { openAccess, problemText } from './review-controls';

/** Sentences asked for per concept when looking for the ones that mention both. */
const CLAIMS_PER_CONCEPT = 500;

interface ConceptChoice {
  key: string;
  label: string;
}

/** Claims mentioning both concepts, in the order the first concept's list gives. */
async function sharedClaims(
  ex: Explorer,
  a: string,
  b: string,
  signal: AbortSignal,
): Promise<Keyed<ClaimAttributes>[]> {
  const [pa, pb] = await Promise.all([
    ex.api.claims({ concept: a, limit: CLAIMS_PER_CONCEPT }, signal),
    ex.api.claims({ concept: b, limit: CLAIMS_PER_CONCEPT }, signal),
  ]);
  const inB = new Set(pb.items.map((c) => c.key));
  return pa.items.filter((c) => inB.has(c.key));
}

export function addRelationForm(ex: Explorer, subject: ConceptChoice): HTMLElement {
  let subj: ConceptChoice | null = subject;
  let obj: ConceptChoice | null = null;
  let controller: AbortController | null = null;
  const predicateId = uid('add-predicate');
  const noteId = uid('add-note');
  const describe = (n: number) => (n ? t('searchResults', { n }) : t('searchNoResults'));
  const describeError = (e: unknown) => t('searchFailed', { message: e instanceof Error ? e.message : String(e) });
  const subjectBox: Combobox = new Combobox({
    label: t('addSubject'),
    placeholder: '氯胺酮 / ketamine',
    fetch: (q, signal) => conceptOptions(ex, q, signal),
    onChoose: (o: ComboOption) => {
      subj = { key: o.id, label: o.label };
      subjectBox.setValue(o.label);
      void loadEvidence();
    },
    describe,
    describeError,
    testId: 'add-subject',
  });
  subjectBox.setValue(subject.label);
  const objectBox: Combobox = new Combobox({
    label: t('addObject'),
    placeholder: '抑郁症 / depression',
    fetch: (q, signal) => conceptOptions(ex, q, signal),
    onChoose: (o: ComboOption) => {
      obj = { key: o.id, label: o.label };
      objectBox.setValue(o.label);
      void loadEvidence();
    },
    describe,
    describeError,
    testId: 'add-object',
  });
  const predicate = h(
    'select',
    { id: predicateId, attrs: { 'data-testid': 'add-predicate' } },
    ...PREDICATE_ORDER.map((p) => h('option', { attrs: { value: p } }, linkName(p))),
  );
  const evidence = h('fieldset', { class: 'evidence-choice', attrs: { 'data-testid': 'add-evidence' } });
  const note = h('textarea', {
    id: noteId,
    class: 'note-input',
    attrs: { rows: 2, maxlength: 4000, 'data-testid': 'add-note', placeholder: t('reviewNoteHint') },
  });
  const message = h('p', { class: 'review-message', attrs: { role: 'status', 'data-testid': 'add-message' } });
  const submit = h(
    'button',
    { class: 'button button-primary', attrs: { type: 'submit', 'data-action': 'add-relation' } },
    t('addRelationSubmit'),
  );
  const swap = h(
    'button',
    {
      class: 'button',
      attrs: { type: 'button', 'data-action': 'swap-ends', 'aria-label': t('swapEnds'), title: t('swapEnds') },
      on: {
        click: () => {
          [subj, obj] = [obj, subj];
          subjectBox.setValue(subj?.label ?? '');
          objectBox.setValue(obj?.label ?? '');
        },
      },
    },
    '⇅',
  );

  const legend = () => h('legend', null, t('addEvidence'));
  replaceChildren(evidence, legend(), h('p', { class: 'muted' }, t('addEvidenceHint')));

  async function loadEvidence(): Promise<void> {
    if (!subj || !obj) return;
    controller?.abort();
    const c = new AbortController();
    controller = c;
    replaceChildren(evidence, legend(), h('p', { class: 'muted' }, t('loading')));
    try {
      const claims = await sharedClaims(ex, subj.key, obj.key, c.signal);
      if (c.signal.aborted) return;
      if (!claims.length) {
        replaceChildren(evidence, legend(), h('p', { class: 'muted' }, t('addNoShared')));
        return;
      }
      const name = uid('add-evidence');
      replaceChildren(
        evidence,
        legend(),
        ...claims.map((claim, i) => {
          const id = `${name}-${i}`;
          return h(
            'div',
            { class: 'radio evidence-option' },
            h('input', {
              id,
              attrs: { type: 'radio', name, value: claim.key, 'data-claim-choice': claim.key },
              props: { checked: i === 0 },
            }),
            h('label', { attrs: { for: id, lang: claim.lang === 'zh' ? 'zh-CN' : 'en' } }, mathText(claim.text)),
          );
        }),
      );
    } catch (e) {
      if (c.signal.aborted) return;
      replaceChildren(evidence, legend(), h('p', { class: 'error' }, `${t('errorPrefix')}: ${problemText(e)}`));
    }
  }

  const fail = (text: string) => {
    message.className = 'review-message error';
    message.textContent = text;
  };

  const form = h(
    'form',
    {
      class: 'add-relation-form',
      on: {
        submit: (e) => {
          e.preventDefault();
          void (async () => {
            const chosen = evidence.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value;
            if (!subj || !obj) return fail(t('addPickBoth'));
            if (subj.key === obj.key) return fail(t('addDifferent'));
            if (!chosen) return fail(t('addNoEvidence'));
            if (!note.value.trim()) {
              note.focus();
              return fail(t('reviewNoteNeeded'));
            }
            const blocked = access.blocked();
            if (blocked) {
              if (blocked === 'no-token') openAccess();
              return fail(blocked === 'read-only' ? t('readOnlyNotice') : t('tokenNeeded'));
            }
            submit.disabled = true;
            message.className = 'review-message muted';
            message.textContent = t('saving');
            try {
              const v = await curationApi.add({
                subject: subj.key,
                predicate: predicate.value as Predicate,
                object: obj.key,
                evidenceClaim: chosen,
                note: note.value.trim(),
              });
              await Promise.all([ex.ensureConcept(v.subject), ex.ensureConcept(v.object)]);
              ex.curation.put(v.relation, v);
              note.value = '';
              message.className = 'review-message';
              replaceChildren(
                message,
                t('addDone'),
                ' ',
                h(
                  'button',
                  {
                    class: 'link-button',
                    attrs: { type: 'button', 'data-action': 'open-added', 'data-edge': v.relation },
                    on: { click: () => ex.select(v.relation) },
                  },
                  `${subj.label} —${linkName(v.predicate)}→ ${obj.label}`,
                ),
              );
              ex.announce(t('addDone'));
            } catch (e) {
              fail(`${t('errorPrefix')}: ${problemText(e)}`);
            } finally {
              submit.disabled = false;
            }
          })();
        },
      },
    },
    writeNotice(openAccess),
    h('div', { class: 'add-ends' }, subjectBox.root, swap),
    h(
      'div',
      { class: 'field' },
      h('label', { class: 'field-label', attrs: { for: predicateId } }, t('addPredicate')),
      predicate,
    ),
    objectBox.root,
    evidence,
    h('div', { class: 'field' }, h('label', { class: 'field-label', attrs: { for: noteId } }, t('reviewNote')), note),
    h('div', { class: 'actions' }, submit),
    message,
  );
  // A disclosure button rather than <details>: the concept panel's one <summary> is its mention list.
  const regionId = uid('add-relation');
  form.id = regionId;
  form.hidden = true;
  const toggle = h(
    'button',
    {
      class: 'disclosure',
      attrs: {
        type: 'button',
        'aria-expanded': 'false',
        'aria-controls': regionId,
        'data-action': 'toggle-add-relation',
      },
      on: {
        click: () => {
          const open = toggle.getAttribute('aria-expanded') !== 'true';
          toggle.setAttribute('aria-expanded', String(open));
          form.hidden = !open;
          if (open) subjectBox.input.focus();
        },
      },
    },
    t('addRelation'),
  );
  return h('section', { class: 'panel-section add-relation', attrs: { 'data-testid': 'add-relation' } }, toggle, form);
}
