/**
 * Relations a drug's or disorder's class and a drug's target give: a member said to be of a class (`A is an
 * SSRI`, `A是一种X`) is part of it; a member named in passing (`SSRIs such as fluoxetine block SERT`,
 * `如A、B等X`, `the 5-HT2A antagonist cyproheptadine`) is a member of it (a `member_of` edge, not a relation);
 * and a drug named by its target (`the 5-HT2A antagonist`, `CRH1受体拮抗剂`) decreases or increases that target.
 */
import type { Category } from '../model/types';
import { FAMILY_OPTIONS, type PredicateOption } from './cues';
import type { FoundMention } from './mentions';
import { coordinated, pick, type CueHit, type Emit, type Reading, type Sentence, type Slot } from './relation-sentence';

/**
 * The member options for a class membership named in passing: the sentence asserts something else (`SSRIs
 * such as fluoxetine block SERT`) and presupposes the membership, which becomes a `member_of` edge.
 */
const PASSING_MEMBER: PredicateOption[] = FAMILY_OPTIONS.member.map((o) => ({ ...o, member: true }));

// Gaps around a class and its members: `SSRIs (SSRIs), such as`, `抗抑郁药（如`, `X，例如`.
const CLASS_GAP_EN = /^\)?\s*(?:\([^()]{0,40}\)\s*)?,?\s*$/;
const CLASS_GAP_ZH = /^[）)]?\s*(?:[（(][^（()）]{0,40}[）)])?\s*[，,（(]?\s*$/;

/**
 * `X such as A, B and C`, `X — A, B and C —`, `X（如A、B）`, `如A、B等X`, `A、B等X`: each member is a member of
 * the class (PASSING_MEMBER) when both are of one kind (drugs of a drug class, disorders of a wider disorder).
 */
export function readMembers(s: Sentence, h: CueHit): Reading[] {
  const zh = s.holder.lang === 'zh';
  const text = s.text;
  const out: Reading[] = [];
  const before = s.slots.filter((x) => x.end <= h.start);
  const after = s.slots.filter((x) => x.start >= h.end);
  let whole: Slot | undefined;
  let members: Slot[] = [];
  if (zh && h.text === '等') {
    // `A、B等X`: the members end at the cue and the class follows it (`等抗抑郁药`, `等多种抗抑郁药`).
    const last = before[before.length - 1];
    whole = after[0];
    if (!last || last.end !== h.start || !whole || !/^(?:[多几各]?[种类个])?$/.test(text.slice(h.end, whole.start)))
      return out;
    members = coordinated(s, last, before, zh);
  } else {
    const first = after[0];
    if (!first || !(zh ? /^\s*$/ : /^\s*(?:the\s+)?$/i).test(text.slice(h.end, first.start))) return out;
    members = coordinated(s, first, after, zh);
    const dash = h.text === '—' || h.text === '–';
    // A dash opens a list only with two members or more (`X — an antagonist —` names X, it lists nothing).
    if (dash && members.length < 2) return out;
    const prev = before[before.length - 1];
    const gap = prev ? text.slice(prev.end, h.start) : '';
    const gapOk = zh ? CLASS_GAP_ZH : /^like$/i.test(h.text) ? /^\s*$/ : CLASS_GAP_EN;
    if (prev && gapOk.test(gap)) whole = prev;
    else if (zh) {
      // `如A、B等X`: the class after the members.
      const last = members[members.length - 1]!;
      const next = s.slots.find((x) => x.start > last.end);
      const m = /^等(?:[多几各]?[种类个])?$/.exec(next ? text.slice(last.end, next.start) : '');
      if (m) whole = next;
    }
  }
  if (!whole || whole.pronoun) return out;
  for (const m of members) {
    if (m.pronoun || m === whole) continue;
    const option = PASSING_MEMBER.find((o) => pick(m, o.subject) && pick(whole, o.object));
    if (option) out.push({ subj: m, obj: whole, option, confidence: h.cue.confidence, negated: false });
  }
  return out;
}

/** No preposition or clause word between a copula and its class (`is a potent SSRI`, not `is a target of`). */
const ISA_GAP_EN = /^\s*(?:(?!(?:of|in|to|for|with|by|from|on|at|as|than|that|which|and|or|not|no)\b)[\w-]+\s+){0,3}$/i;
const ISA_GAP_ZH = /^[^\s，。；的与和对在从于被把及或、]{0,4}$/;

/** `A is an SSRI`, `A and B are SSRIs`, `地塞米松是一种合成糖皮质激素`: a member, a copula, its class. */
export function readIsa(s: Sentence, h: CueHit): Reading[] {
  const zh = s.holder.lang === 'zh';
  const out: Reading[] = [];
  const before = s.slots.filter((x) => x.end <= h.start);
  const subj = before[before.length - 1];
  const obj = s.slots.find((x) => x.start >= h.end);
  if (!subj || !obj || subj.pronoun || obj.pronoun || !/^\s*$/.test(s.text.slice(subj.end, h.start))) return out;
  if (!(zh ? ISA_GAP_ZH : ISA_GAP_EN).test(s.text.slice(h.end, obj.start))) return out;
  // `The hallmark lesions of D are A and B`: D is the complement of an unnamed head, not what is classed.
  if (!zh && /\bof\s+(?:the\s+)?$/i.test(s.text.slice(Math.max(0, subj.start - 8), subj.start))) return out;
  // `A is an SSRI of…`, `A是一种X的Y`: the class is a modifier of something else.
  if (zh ? s.text[obj.end] === '的' : /^\s*(?:of\b|'s\b)/.test(s.text.slice(obj.end))) return out;
  for (const m of coordinated(s, subj, before, zh)) {
    const option = FAMILY_OPTIONS.member.find((o) => pick(m, o.subject) && pick(obj, o.object));
    if (option && m !== obj) out.push({ subj: m, obj, option, confidence: h.cue.confidence, negated: false });
  }
  return out;
}

// An antagonist, agonist or inhibitor named by its target (`5-HT2A antagonist`, `GR拮抗剂`, `CRH1受体拮抗剂`).
const TARGETED_EN = /\b(?:(antagonists?|inhibitors?|blockers?)|(agonists?|activators?|enhancers?))$/i;
const TARGETED_ZH = /(?:(拮抗剂|抑制剂|阻断剂|阻滞剂)|(激动剂|激活剂|增强剂))$/;
const TARGET_GAP_EN = /^\s*(?:(antagonist|inhibitor|blocker)|(agonist|activator))\s+$/i;
const TARGET_GAP_ZH = /^(?:(拮抗剂|抑制剂|阻断剂|阻滞剂)|(激动剂|激活剂))$/;
/** Between a drug and the target of its role in an appositive (`, a competitive `). */
const APPOSITIVE_ROLE_GAP = /^\s*,\s*(?:an?|the)\s+(?:[\w-]+\s+){0,2}$/i;
/** A role named after its target (` antagonist`, ` receptor agonist`). */
const ROLE_AFTER_EN = /^\s*(?:receptor\s+)?(?:(antagonists?|inhibitors?|blockers?)|(?:partial\s+)?(agonists?))\b/i;
const REUPTAKE_BEFORE = /(?:再摄取|重摄取|re-?uptake\s*)$/i;
const DRUG_BLOCKS: PredicateOption = { predicate: 'decreases', subject: ['Intervention'], object: ['Molecule'] };
const DRUG_RAISES: PredicateOption = { predicate: 'increases', subject: ['Intervention'], object: ['Molecule'] };
/** A drug named right after its class (`the 5-HT2A antagonist cyproheptadine`): a membership named in passing. */
const DRUG_CLASS: PredicateOption = {
  predicate: 'part_of',
  subject: ['Intervention'],
  object: ['Intervention'],
  member: true,
};

/**
 * A drug named by its target (`the 5-HT2A antagonist`, `CRH1受体拮抗剂`) acts on that target: an antagonist,
 * blocker or inhibitor decreases it, an agonist increases it. A drug named right after its class (`the
 * 5-HT2A antagonist cyproheptadine`, `GR拮抗剂米非司酮`) belongs to the class and shares its target.
 */
export function namedTargets(s: Sentence, all: FoundMention[], emit: Emit): void {
  const zh = s.holder.lang === 'zh';
  const re = zh ? TARGETED_ZH : TARGETED_EN;
  for (let i = 0; i < s.slots.length; i++) {
    const x = s.slots[i]!;
    // `the 5-HT2A antagonist cyproheptadine`, `GR拮抗剂米非司酮` when the class is no concept of its own.
    const d1 = s.slots[i + 1];
    const d2 = s.slots[i + 2];
    const drug =
      d1 && d1.concepts[0]!.category === 'Intervention'
        ? d1
        : d2?.concepts[0]!.category === 'Intervention'
          ? d2
          : undefined;
    if (!x.pronoun && x.concepts[0]!.category === 'Molecule' && drug && !drug.pronoun) {
      const g = (zh ? TARGET_GAP_ZH : TARGET_GAP_EN).exec(s.text.slice(x.end, drug.start));
      if (g && drug.concepts[0]!.category === 'Intervention')
        emit(s, drug, x, g[1] ? DRUG_BLOCKS : DRUG_RAISES, g[0].trim(), 0.6, false);
    }
    if (x.pronoun || x.concepts[0]!.category !== 'Intervention') continue;
    const m = re.exec(s.text.slice(x.start, x.end));
    if (!m) continue;
    // The target: a molecule named inside the drug's name (`CRH1受体拮抗剂`), or just before it (`GR 拮抗剂`).
    const inner = all.find((y) => y.category === 'Molecule' && y.start >= x.start && y.end <= x.end - m[0].length);
    const target: Slot | undefined = inner
      ? { start: inner.start, end: inner.end, concepts: [{ key: inner.concept, category: 'Molecule' }], pronoun: false }
      : undefined;
    // `5-羟色胺-去甲肾上腺素再摄取抑制剂`, `serotonin reuptake inhibitor`: blocking a molecule's reuptake raises it.
    const reuptake = REUPTAKE_BEFORE.test(s.text.slice(x.start, x.end - m[0].length));
    const option = m[1] && !reuptake ? DRUG_BLOCKS : DRUG_RAISES;
    if (target) emit(s, x, target, option, m[0], 0.65, false);
    // `…拮抗剂米非司酮`, `the … antagonist cyproheptadine`: the drug named right after its class.
    const next = s.slots[i + 1];
    if (
      next &&
      !next.pronoun &&
      next.concepts[0]!.category === 'Intervention' &&
      /^\s?$/.test(s.text.slice(x.end, next.start))
    ) {
      emit(s, next, x, DRUG_CLASS, m[0], 0.6, false);
      if (target) emit(s, next, target, option, m[0], 0.6, false);
    }
  }
}

// `A是B的拮抗剂`, `A是B受体的正向变构调节剂`: a drug (or a molecule) said to be an agent of a target.
const ROLE_ZH =
  /(?:是|为|作为)([^，。；是为]{1,24}?)的[^，。；的]{0,8}?(?:(拮抗剂|阻断剂|抑制剂|阻滞剂|负向变构调节剂|负性变构调节剂|反向激动剂)|(激动剂|激活剂|正向变构调节剂|正性变构调节剂|增强剂|部分激动剂)|(调节剂|配体))/g;
const BINDS: PredicateOption = {
  predicate: 'interacts_with',
  subject: ['Intervention', 'Molecule'],
  object: ['Molecule'],
};
const AGENT_BLOCKS: PredicateOption = { ...DRUG_BLOCKS, subject: ['Intervention', 'Molecule'] };
const AGENT_RAISES: PredicateOption = { ...DRUG_RAISES, subject: ['Intervention', 'Molecule'] };
// `A is an X antagonist`, `A是一种X受体拮抗剂`: the copula between a drug and a class named by its target.
const ISA_TARGETED_EN = /^\s+(?:is|are|was)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}$/i;
const ISA_TARGETED_ZH = /^(?:是|为)(?:一种|一类)?$/;
// `A通过B受体…`, `A acts through the B receptor`: a molecule in a means phrase is what A binds.
const MEANS_ZH = /(?:通过|经由|经)([^，。；]{1,20}?受体)/g;
const MEANS_EN = /\b(?:acts?|acting|works?|signals?|enters?)\s+(?:\w+ly\s+)?(?:[\w\s]{0,30}?\s)?(?:through|via)\s+/gi;
/** A means word of an English sentence, looked for before the pattern above is run. */
const MEANS_WORD_EN = /\s(?:through|via)\s/;

/** The subject just before `at`, past a bracket of examples (`A（如B、C）是…`). */
function subjectBefore(s: Sentence, at: number): Slot | undefined {
  const text = s.text;
  const close = /[）)]\s*$/.test(text.slice(Math.max(0, at - 3), at));
  const open = close ? Math.max(text.lastIndexOf('（', at), text.lastIndexOf('(', at)) : -1;
  const x = s.slots.filter((y) => y.end <= (open >= 0 ? open : at)).pop();
  if (!x) return undefined;
  const gap = text.slice(x.end, at);
  return /^\s*(?:[（(][^（）()]{0,40}[）)])?\s*$/.test(gap) || (x.pronoun && /^\s*$/.test(gap)) ? x : undefined;
}

/**
 * Targets named by a drug's role: `A是B的拮抗剂` (decreases B), `…的激动剂`/`正向变构调节剂` (increases B),
 * `…的调节剂` (binds B); `A is an X-receptor antagonist` (A shares its class's target); and a receptor in a
 * means phrase (`A通过B受体抑制…`, `A acts through the B receptor`), which A binds.
 */
export function roleTargets(s: Sentence, all: FoundMention[], emit: Emit): void {
  const zh = s.holder.lang === 'zh';
  const text = s.text;
  if (zh && text.includes('剂')) {
    for (const m of text.matchAll(ROLE_ZH)) {
      const at = m.index;
      // The target ends where the copula's complement meets its `的`.
      const targetEnd = at + m[0].indexOf(m[1]!) + m[1]!.length;
      const target = s.slots.filter((y) => y.start > at && y.end <= targetEnd).pop();
      const subj = subjectBefore(s, at);
      if (!target || !subj || target === subj) continue;
      const option = m[2] ? AGENT_BLOCKS : m[3] ? AGENT_RAISES : BINDS;
      emit(s, subj, target, option, m[0].slice(m[0].lastIndexOf('的') + 1), 0.6, false);
    }
  }
  // `A is an opioid receptor antagonist`: the class's target (inside its name) is A's too.
  const re = zh ? TARGETED_ZH : TARGETED_EN;
  for (let i = 1; i < s.slots.length; i++) {
    const x = s.slots[i]!;
    const drug = s.slots[i - 1]!;
    if (x.pronoun || drug.pronoun || x.concepts[0]!.category !== 'Intervention') continue;
    if (drug.concepts[0]!.category !== 'Intervention') continue;
    if (!(zh ? ISA_TARGETED_ZH : ISA_TARGETED_EN).test(text.slice(drug.end, x.start))) continue;
    const m = re.exec(text.slice(x.start, x.end));
    if (!m) continue;
    const inner = all.find((y) => y.category === 'Molecule' && y.start >= x.start && y.end <= x.end - m[0].length);
    if (!inner) continue;
    const target: Slot = {
      start: inner.start,
      end: inner.end,
      concepts: [{ key: inner.concept, category: 'Molecule' }],
      pronoun: false,
    };
    const reuptake = REUPTAKE_BEFORE.test(text.slice(x.start, x.end - m[0].length));
    emit(s, drug, target, m[1] && !reuptake ? DRUG_BLOCKS : DRUG_RAISES, m[0], 0.6, false);
  }
  // `Naloxone, a competitive MOR antagonist,`: an appositive naming the drug's role against a target.
  if (!zh && (text.includes('agonist') || text.includes('inhibitor') || text.includes('blocker'))) {
    for (let i = 1; i < s.slots.length; i++) {
      const x = s.slots[i]!;
      const drug = s.slots[i - 1]!;
      if (x.pronoun || drug.pronoun || x.concepts[0]!.category !== 'Molecule') continue;
      if (drug.concepts[0]!.category !== 'Intervention' || !APPOSITIVE_ROLE_GAP.test(text.slice(drug.end, x.start)))
        continue;
      const role = ROLE_AFTER_EN.exec(text.slice(x.end, x.end + 30));
      if (role) emit(s, drug, x, role[1] ? DRUG_BLOCKS : DRUG_RAISES, role[0].trim(), 0.6, false);
    }
  }
  // Means phrases.
  if (zh ? text.includes('受体') : MEANS_WORD_EN.test(text) && /\b(?:act|work|signal|enter)/i.test(text)) {
    for (const m of text.matchAll(zh ? MEANS_ZH : MEANS_EN)) {
      const from = m.index + (zh ? m[0].length - m[1]!.length : m[0].length);
      // (An English receptor after its article: `through the same transporter`, `via the CB1 receptor`.)
      const to = zh ? m.index + m[0].length : from + 5;
      const recs = s.slots.filter(
        (y) =>
          y.concepts[0]!.category === 'Molecule' &&
          (zh ? y.start >= from && y.end <= to : y.start >= from && y.start <= to),
      );
      // The subject: the name just before the means word (zh), or the clause's subject before the verb (en).
      const subj = zh ? subjectBefore(s, m.index) : s.slots.filter((y) => y.end <= m.index).pop();
      if (!subj || (!zh && !/^\s*(?:\w+ly\s+)?$/.test(text.slice(subj.end, m.index)))) continue;
      for (const r of recs) if (r !== subj) emit(s, subj, r, BINDS, zh ? m[0].slice(0, 2) : m[0].trim(), 0.55, false);
    }
  }
}

// A cause named inside a concept's name (`opioid-induced hyperalgesia`, `阿片类药物诱导的痛觉过敏`).
const NAMED_CAUSE_EN = /^[^\s]+?-(?:induced|evoked|triggered)\s/i;
const NAMED_CAUSE_ZH = /(?:诱导的|诱发的|所致的?|引起的)/;

/** A name's key for finding it among the chapter's other mentions: lower case, without a plural `s`. */
export const surfaceKey = (text: string): string => text.toLowerCase().replace(/(?<=[a-z]{3})s$/, '');

/**
 * `opioid-induced hyperalgesia`, `阿片类药物诱导的痛觉过敏`: a concept whose name holds its cause (a concept the
 * chapter names elsewhere, looked up by `named`) is caused by it.
 */
export function namedCauses(
  s: Sentence,
  named: (surface: string) => { key: string; category: Category } | undefined,
  emit: Emit,
): void {
  const zh = s.holder.lang === 'zh';
  if (
    zh
      ? !NAMED_CAUSE_ZH.test(s.text)
      : !(s.text.includes('-induced') || s.text.includes('-evoked') || s.text.includes('-triggered'))
  )
    return;
  for (const x of s.slots) {
    if (x.pronoun) continue;
    const name = s.text.slice(x.start, x.end);
    const m = zh ? NAMED_CAUSE_ZH.exec(name) : NAMED_CAUSE_EN.exec(name);
    if (!m) continue;
    const c = named(name.slice(0, zh ? m.index : m[0].indexOf('-')));
    if (!c || c.key === x.concepts[0]!.key) continue;
    const cause: Slot = { start: x.start, end: x.start, concepts: [c], pronoun: false };
    const option = FAMILY_OPTIONS.cause.find((o) => pick(cause, o.subject) && pick(x, o.object));
    if (option) emit(s, cause, x, option, m[0].trim(), 0.6, false);
  }
}
