/**
 * The concept panel: labels in both languages, category, glossary ids, identifiers, centrality, the
 * chapters that mention it, its relations grouped by predicate and direction with evidence counts and
 * reviewers' verdicts (each expands to its sentences, their citation chips and the review form; rejected
 * ones only when asked for), adding a relation, the classes it is named a member of and its examples
 * (`member_of` edges, each expanding to its sentences), and the sentences that mention it.
 */
import type { VerdictKind } from '../../../server/curation/types';
import type { Category, Lang } from '../../../server/model/types';
import type { ConceptView } from '../../../server/services/explorer-service';
import type { MembershipSummary, RelationSummary } from '../../../server/store/graph-store';
import { PREDICATE_ORDER } from '../app/domain';
import type { Explorer } from '../app/explorer';
import { CATEGORY_COLORS } from '../graph/palette';
import { categoryName, conceptLabel, formatNumber, linkName, t } from '../i18n/i18n';
import { h, uid, type Child } from '../ui/dom';
import { addRelationForm } from '../curation/add-relation';
import { liveVerdictBadge, reviewControls } from '../curation/review-controls';
import { claimItem, evidenceList } from './claim-view';

/** A relation as the panel lists it, with the verdict the API's curation overlay gave, when it gives one. */
type ListedRelation = RelationSummary & { curation?: VerdictKind };

const langAttr = (l: Lang): string => (l === 'zh' ? 'zh-CN' : 'en');

function fact(term: string, ...value: Child[]): HTMLElement[] {
  return [h('dt', null, term), h('dd', null, ...value)];
}

/**
 * The evidence (claim keys) of a relation: from the drawn graph when it holds them all, else from the API
 * (a neighbourhood's relations carry their count only).
 */
export async function relationEvidence(ex: Explorer, relation: string, signal: AbortSignal): Promise<string[]> {
  if (ex.graph.hasEdge(relation)) {
    const a = ex.graph.getEdgeAttributes(relation);
    if (a.evidence.length >= a.evidenceCount) return a.evidence;
  }
  return (await ex.api.relation(relation, signal)).evidence;
}

/**
 * The evidence (claim keys) of a class membership (`member:<member>-><class>`): from the drawn graph when it
 * holds them all, else from the member's concept view, which lists its memberships whole.
 */
export async function membershipEvidence(ex: Explorer, key: string, signal: AbortSignal): Promise<string[]> {
  if (ex.graph.hasEdge(key)) {
    const a = ex.graph.getEdgeAttributes(key);
    if (a.evidence.length >= a.evidenceCount) return a.evidence;
  }
  const member = ex.graph.hasEdge(key) ? ex.graph.source(key) : key.slice('member:'.length, key.indexOf('->concept:'));
  const view = await ex.api.concept(member, { limit: 1 }, signal);
  return view.memberships?.find((m) => m.key === key)?.evidence ?? [];
}

/** One class or example of the concept: the other concept, its evidence count, its sentences on demand. */
/** The `→` button of a listed relation or membership: selects the concept at its other end. */
function goToButton(ex: Explorer, key: string, name: string): HTMLButtonElement {
  return h(
    'button',
    {
      class: 'icon-button',
      attrs: { type: 'button', 'aria-label': t('selectConcept', { name }), title: t('selectConcept', { name }) },
      on: { click: () => ex.select(key, { focus: true }) },
    },
    '→',
  );
}

/** What a listed relation or membership shows: its other end, its evidence count and flags, and its key. */
interface EvidenceItem {
  /** `relation` or `membership`: the prefix of its region's id and the name of its data attribute. */
  kind: 'relation' | 'membership';
  itemClass: string;
  key: string;
  other: { key: string; label: string; category: Category };
  /** The accessible name of what the toggle shows (`Kind of: SSRI`, `treats depression`). */
  name: string;
  evidenceCount: number;
  hedged: boolean;
  negated: boolean;
  badge?: Child;
  /** Fills the evidence region when it is opened. */
  onOpen: (region: HTMLElement) => void;
}

/** A listed relation or membership: a toggle that opens its evidence, and a button to its other end. */
function evidenceItem(ex: Explorer, item: EvidenceItem): HTMLLIElement {
  const regionId = uid(`${item.kind}-evidence`);
  const region = h('div', { id: regionId, class: 'relation-evidence', attrs: { role: 'region' } });
  region.hidden = true;
  const other = ex.graph.hasNode(item.other.key) ? ex.conceptName(item.other.key) : item.other.label;
  const toggle = h(
    'button',
    {
      class: 'relation-toggle',
      attrs: {
        type: 'button',
        'aria-expanded': 'false',
        'aria-controls': regionId,
        [`data-${item.kind}`]: item.key,
        'aria-label': t('showEvidence', { name: item.name }),
      },
    },
    h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' }, props: {} }),
    h('span', { class: 'relation-other' }, other),
    h('span', { class: 'badge' }, t('evidenceCount', { n: item.evidenceCount })),
    item.hedged ? h('span', { class: 'badge badge-hedged' }, t('hedgedBadge')) : null,
    item.negated ? h('span', { class: 'badge badge-negated' }, t('negatedBadge')) : null,
    item.badge ?? null,
  );
  const swatch = toggle.querySelector<HTMLElement>('.swatch');
  if (swatch) swatch.style.background = CATEGORY_COLORS[item.other.category];
  region.setAttribute('aria-label', t('showEvidence', { name: item.name }));
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    region.hidden = !open;
    if (open) item.onOpen(region);
  });
  return h(
    'li',
    { class: item.itemClass, attrs: { [`data-${item.kind}`]: item.key } },
    h('div', { class: 'relation-row' }, toggle, goToButton(ex, item.other.key, other)),
    region,
  );
}

function membershipItem(ex: Explorer, m: MembershipSummary, signal: AbortSignal): HTMLLIElement {
  const other = ex.graph.hasNode(m.other.key) ? ex.conceptName(m.other.key) : m.other.label;
  return evidenceItem(ex, {
    kind: 'membership',
    itemClass: 'relation membership',
    key: m.key,
    other: m.other,
    name: `${m.direction === 'out' ? t('kindOf') : t('examples')}: ${other}`,
    evidenceCount: m.evidenceCount,
    hedged: m.hedged,
    negated: m.negated,
    // The concept view lists every evidence key of a membership: nothing to fetch but the sentences.
    onOpen: (region) => {
      if (!region.childElementCount) region.append(evidenceList(ex, m.evidence, signal));
    },
  });
}

/**
 * The classes the concept is named a member of ("kind of") and its named examples: `member_of` edges, not
 * relations, so listed apart from them; nothing when it has none.
 */
function membershipGroups(ex: Explorer, d: ConceptView, signal: AbortSignal): HTMLElement | null {
  const all = d.memberships ?? [];
  if (!all.length) return null;
  const section = h(
    'section',
    { class: 'panel-section memberships', attrs: { 'aria-labelledby': 'memberships-heading' } },
    h('h3', { id: 'memberships-heading' }, `${t('memberships')} (${all.length})`),
    h('p', { class: 'muted membership-note' }, t('membershipNote')),
  );
  for (const direction of ['out', 'in'] as const) {
    const group = all.filter((m) => m.direction === direction);
    if (!group.length) continue;
    section.append(
      h(
        'div',
        { class: 'relation-group', attrs: { 'data-membership-direction': direction } },
        h(
          'h4',
          null,
          direction === 'out' ? `${t('kindOf')} →` : `← ${t('examples')}`,
          ' ',
          h('span', { class: 'muted' }, `(${group.length})`),
        ),
        h('ul', { class: 'relation-list' }, ...group.map((m) => membershipItem(ex, m, signal))),
      ),
    );
  }
  return section;
}

function relationItem(ex: Explorer, concept: string, r: ListedRelation, signal: AbortSignal): HTMLLIElement {
  const other = ex.graph.hasNode(r.other.key) ? ex.conceptName(r.other.key) : r.other.label;
  let loaded = false;
  return evidenceItem(ex, {
    kind: 'relation',
    itemClass: 'relation',
    key: r.key,
    other: r.other,
    name: `${linkName(r.predicate)} ${other}`,
    evidenceCount: r.evidenceCount,
    hedged: r.hedged,
    negated: r.negated,
    badge: liveVerdictBadge(ex, r.key, r.curation),
    onOpen: (region) => {
      if (loaded) return;
      loaded = true;
      region.append(h('p', { class: 'muted' }, t('loading')));
      relationEvidence(ex, r.key, signal)
        .then((keys) => {
          region.replaceChildren(evidenceList(ex, keys, signal));
          if (ex.curation.availability !== 'unavailable') region.append(reviewControls(ex, r.key));
        })
        .catch((e: unknown) => {
          loaded = false;
          region.replaceChildren(
            h('p', { class: 'error' }, `${t('errorPrefix')}: ${e instanceof Error ? e.message : String(e)}`),
          );
        });
    },
  });
}

/**
 * The concept's relations with the verdicts the client knows: relations a reviewer added (when the API's
 * overlay has not listed them already), and rejected ones left out unless asked for.
 */
function listedRelations(ex: Explorer, d: ConceptView): { shown: ListedRelation[]; rejected: number } {
  const listed: ListedRelation[] = d.relations.flatMap((g) => g.relations);
  const keys = new Set(listed.map((r) => r.key));
  for (const v of ex.curation.addedFor(d.concept.key)) {
    if (keys.has(v.relation)) continue;
    const otherKey = v.subject === d.concept.key ? v.object : v.subject;
    const category: Category = ex.graph.hasNode(otherKey) ? ex.graph.getNodeAttribute(otherKey, 'category') : 'Concept';
    listed.push({
      key: v.relation,
      predicate: v.predicate,
      direction: v.subject === d.concept.key ? 'out' : 'in',
      other: { key: otherKey, label: ex.conceptName(otherKey), category },
      evidenceCount: 1,
      hedged: false,
      negated: false,
      confidence: 1,
      curation: 'added',
    });
  }
  const isRejected = (r: ListedRelation) =>
    (ex.curation.mark(r.key) ?? (ex.curation.availability === 'available' ? undefined : r.curation)) === 'rejected';
  // Rejected relations the API's overlay left out of its answer are counted from the verdicts.
  const leftOut = ex.curation
    .all()
    .filter((v) => v.verdict === 'rejected' && !keys.has(v.relation))
    .filter((v) => v.subject === d.concept.key || v.object === d.concept.key).length;
  const rejected = listed.filter(isRejected).length + (ex.state.showRejected ? 0 : leftOut);
  return { shown: ex.state.showRejected ? listed : listed.filter((r) => !isRejected(r)), rejected };
}

function relationGroups(ex: Explorer, d: ConceptView, signal: AbortSignal): HTMLElement {
  const { shown: all, rejected } = listedRelations(ex, d);
  const section = h('section', { class: 'panel-section', attrs: { 'aria-labelledby': 'relations-heading' } });
  section.append(h('h3', { id: 'relations-heading' }, `${t('relations')} (${all.length})`));
  if (rejected > 0) {
    section.append(
      h(
        'p',
        { class: 'muted rejected-note' },
        ex.state.showRejected ? t('rejectedShown', { n: rejected }) : t('rejectedHidden', { n: rejected }),
        ' ',
        h(
          'button',
          {
            class: 'link-button',
            attrs: { type: 'button', 'data-action': 'toggle-rejected', 'aria-pressed': String(ex.state.showRejected) },
            on: { click: () => ex.store.update({ showRejected: !ex.state.showRejected }) },
          },
          ex.state.showRejected ? t('hideRejected') : t('showRejected'),
        ),
      ),
    );
  }
  if (!all.length) {
    section.append(h('p', { class: 'muted' }, t('noRelations')));
    return section;
  }
  for (const direction of ['out', 'in'] as const) {
    for (const p of PREDICATE_ORDER) {
      const group = all
        .filter((r) => r.predicate === p && r.direction === direction)
        .sort((a, b) => b.evidenceCount - a.evidenceCount);
      if (!group.length) continue;
      const name = linkName(p);
      const title = direction === 'out' ? `${name} →` : `← ${name}`;
      section.append(
        h(
          'div',
          { class: 'relation-group', attrs: { 'data-predicate': p, 'data-direction': direction } },
          h('h4', null, title, ' ', h('span', { class: 'muted' }, `(${group.length})`)),
          h('ul', { class: 'relation-list' }, ...group.map((r) => relationItem(ex, d.concept.key, r, signal))),
        ),
      );
    }
  }
  return section;
}

export async function renderConcept(ex: Explorer, key: string, signal: AbortSignal): Promise<HTMLElement> {
  const showRejected = ex.state.showRejected && (await ex.api.supportsParam('/api/concepts/{id}', 'showRejected'));
  const d = await ex.api.concept(key, { showRejected }, signal);
  const c = d.concept;
  const lang = ex.state.lang;
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const main = conceptLabel(c, lang);
  const second = c.labels[other] && c.labels[other] !== main ? c.labels[other] : null;
  const mainLang: Lang = c.labels[lang] ? lang : other;

  const swatch = h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
  swatch.style.background = CATEGORY_COLORS[c.category];
  const expanded = ex.isExpanded(c.key);
  const expand = h(
    'button',
    {
      class: 'button',
      attrs: { type: 'button', 'aria-pressed': String(expanded), 'data-action': 'expand' },
      on: {
        click: () => {
          ex.toggleExpanded(c.key);
          const now = ex.isExpanded(c.key);
          expand.setAttribute('aria-pressed', String(now));
          expand.textContent = now ? t('collapse') : t('expand');
        },
      },
    },
    expanded ? t('collapse') : t('expand'),
  );

  const facts = h(
    'dl',
    { class: 'facts' },
    ...fact(t('labelZh'), c.labels.zh ? h('span', { attrs: { lang: 'zh-CN' } }, c.labels.zh) : '—'),
    ...fact(t('labelEn'), c.labels.en ? h('span', { attrs: { lang: 'en' } }, c.labels.en) : '—'),
    ...fact(t('category'), swatch, ' ', categoryName(c.category)),
    ...(c.entryIds.length ? fact(t('glossaryIds'), c.entryIds.join(', ')) : []),
    ...(c.xrefs.length ? fact(t('xrefs'), c.xrefs.join(', ')) : []),
    ...(c.aliases.length ? fact(t('aliases'), c.aliases.slice(0, 12).join(' · ')) : []),
    ...fact(t('degree'), formatNumber(d.degree)),
    ...fact(t('pagerank'), formatNumber(d.pagerank, 4)),
    ...fact(t('mentions'), formatNumber(c.mentionCount)),
    ...(c.documents.length ? fact(t('documents'), c.documents.map((doc) => ex.documentTitle(doc)).join(' · ')) : []),
  );

  const mentions = d.mentions.items;
  const mentionSection = h(
    'details',
    { class: 'panel-section' },
    h('summary', null, `${t('mentionedIn')} (${d.mentions.total})`),
    h(
      'ol',
      { class: 'evidence' },
      ...mentions.map((m) => claimItem(ex, m, { documentTitle: ex.documentTitle(m.document), openable: true })),
    ),
    d.mentions.total > mentions.length
      ? h('p', { class: 'muted' }, t('moreMentions', { n: d.mentions.total - mentions.length }))
      : null,
  );

  return h(
    'article',
    { class: 'detail detail-concept', attrs: { 'data-concept': c.key } },
    h('p', { class: 'kicker' }, t('conceptHeading')),
    h('h2', { class: 'detail-title', attrs: { tabindex: '-1', lang: langAttr(mainLang) } }, main),
    second ? h('p', { class: 'detail-subtitle', attrs: { lang: langAttr(other) } }, second) : null,
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { class: 'button', attrs: { type: 'button' }, on: { click: () => ex.view?.focusNode(c.key) } },
        t('focus'),
      ),
      expand,
      h(
        'button',
        {
          class: 'button',
          attrs: { type: 'button', 'data-action': 'path-from' },
          on: {
            click: () => {
              ex.store.update({ tab: 'paths' });
              ex.events.emit('pathFrom', { key: c.key, label: main });
            },
          },
        },
        t('pathFromHere'),
      ),
    ),
    facts,
    relationGroups(ex, d, signal),
    membershipGroups(ex, d, signal),
    ex.curation.availability !== 'unavailable' ? addRelationForm(ex, { key: c.key, label: main }) : null,
    mentionSection,
  );
}
