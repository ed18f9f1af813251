/**
 * Anaphors: pronouns and anaphoric noun phrases (`it`, `this drug`, `the same receptor`, `它`, `该药物`, `两者`)
 * and the concepts they may stand for, so that a relation read on a pronoun lands on its antecedent.
 */
import type { Category } from '../model/types';
import type { Holder } from './mentions';
import { execAll } from './exec-all';
import { sortSmall } from './sort-small';
import { emptyList } from './empty-list';
import {
  clauseBounds,
  hasAnyChar,
  SENTENCE_SUBJECT,
  ZH_CLAUSE_OPENER,
  type Sentence,
  type Slot,
} from './relation-sentence';

// Anaphors and the category their noun implies (null: any).
// (Each Chinese pattern comes with characters one of which every match holds: a sentence without any
// of them is not searched.)
const APPOSITION = /^,?\s*(?:known as|called|termed|named|referred to as|即|称为|被称为)\s*/i;
const DEMONSTRATIVES = [...'该此这'];
const ZH_ANAPHORS: [RegExp, Category | null, string[]][] = [
  [/(?:该|此|这种|这类|这一)(?:药物|药|化合物|疗法|治疗)/g, 'Intervention', DEMONSTRATIVES],
  [
    /(?:该|此|这种|这一)(?:疾病|障碍|病症)|(?:该|本|此)病(?![人例理因程变灶毒])/g,
    'Disorder',
    [...DEMONSTRATIVES, '本'],
  ],
  // `参与了疾病的发生`: a bare `疾病` whose onset or course is spoken of is the disorder in view.
  [
    /(?<=^|[\s，,；;：:、了与在对于和及是为从到响])疾病(?=的(?:发生|发展|进展|病理|病程|过程|发病|严重程度))/g,
    'Disorder',
    ['疾'],
  ],
  [/(?:该|此|这种|这一)(?:机制|过程)/g, 'Mechanism', DEMONSTRATIVES],
  [/(?:该|此|这个|这一|这套|同一套)(?:回路|通路|脑区|区域|系统|轴)/g, 'Circuit', [...DEMONSTRATIVES, '同']],
  [/(?:该|此|这个|这一|这种)(?:理论|框架|模型|假说|方程|公式|定律|等式|假设|表达式)/g, 'Concept', DEMONSTRATIVES],
  [/(?:该|此|这一|这种|同一|同一种|同一个)(?:受体|转运体|转运蛋白|通道)/g, 'Molecule', ['受体', '转运', '通道']],
  [/它们|它|其|后者/g, null, [...'它其后']],
];
const EN_ANAPHORS: [RegExp, Category | null, string[]?][] = [
  [/\b(?:this|the|that|such a)\s+(?:drug|compound|medication|agent|treatment|therapy)\b/gi, 'Intervention'],
  [/\b(?:this|the|that)\s+(?:disorder|disease|condition|illness)\b/gi, 'Disorder'],
  [
    /\b(?:this|that|the)\s+(?:framework|theory|model|idea|account|hypothesis|equation|law|formula|assumption)(?:'s)?\b/gi,
    'Concept',
  ],
  [/\b(?:this|that)\s+(?:mechanism|process)\b/gi, 'Mechanism'],
  [/\b(?:this|that)\s+(?:circuit|pathway|region|area|structure)\b/gi, 'Circuit'],
  [
    /\b(?:the\s+same|this|that)\s+(?:receptor|transporter|channel|enzyme)\b/gi,
    'Molecule',
    ['receptor', 'transporter', 'channel', 'enzyme'],
  ],
  [/\b(?:it|its|they|their|the latter)\b/gi, null],
];
const isExpletive = (text: string, at: number) => {
  EN_EXPLETIVE.lastIndex = at;
  return EN_EXPLETIVE.test(text);
};
/** The end of what precedes a pronoun that opens a Chinese clause. */
const ZH_CLAUSE_START = /(?:^|[，,；;：:])\s*(?:而且|而|但是|但|并且|并|且|则|同时|因此)?\s*$/;
/** Anaphor nouns that name their antecedent's kind by its head word (`该方程` → `…方程`, `the same receptor`). */
const NAMED_BY_HEAD =
  /^(?:方程|公式|定律|等式|假设|表达式|受体|转运体|转运蛋白|通道|equation|law|formula|assumption|receptor|transporter|channel|enzyme)$/;
/** Before an English pronoun: a clause opening after a comma or `and` (`…, and it…`). */
const EN_CLAUSE_START = /(?:[,;]\s*(?:and|but|while|whereas|so|yet)?|\b(?:and|but|while|whereas))\s+$/i;
// Plural anaphors and the category their noun implies (null: any).
const pluralCategory =
  (pairs: [RegExp, Category][]) =>
  (word: string): Category | null =>
    pairs.find(([re]) => re.test(word))?.[1] ?? null;
const ZH_PLURAL: [RegExp, (word: string) => Category | null, string[]][] = [
  [
    /(?:这|上述|前述|以上)(?:两|二)(?:种|个|类)(?:过程|机制|药物|疗法|离子|分子|结构|区域|因素|力量|成分)?|两者|二者/g,
    pluralCategory([
      [/过程|机制/, 'Mechanism'],
      [/药物|疗法/, 'Intervention'],
      [/离子|分子/, 'Molecule'],
      [/结构|区域/, 'Circuit'],
    ]),
    [...'两二'],
  ],
];
const EN_PLURAL: [RegExp, (word: string) => Category | null, string[]?][] = [
  [
    /\b(?:(?:these|those|the)\s+two|both)\s+(?:processes|mechanisms|drugs|treatments|ions|molecules|structures|regions)\b/gi,
    pluralCategory([
      [/process|mechanism/i, 'Mechanism'],
      [/drug|treatment/i, 'Intervention'],
      [/ion|molecule/i, 'Molecule'],
      [/structure|region/i, 'Circuit'],
    ]),
  ],
];
// `it is thought that`, `it is clear`: an expletive `it` names nothing.
const EN_EXPLETIVE =
  /it\s+(?:is|was|seems|appears|becomes|remains)\s+(?:\w+\s+)?(?:that|to|clear|likely|possible|important|thought|believed|known|worth|not)\b/iy;

/** Before an English pronoun: a relative word (`where it`, `which it`). */
const EN_AFTER_RELATIVE = /\b(?:where|which|whom)\s+$/i;
/** Before an English name: a preposition that opens a phrase (`in overdose`, `at high doses`). */
const EN_PP_BEFORE = /\b(?:in|at|on|during|after|before|with|without|under|upon)\s+(?:[\w-]+\s+){0,2}$/i;
/** Before an English name: a copula and its article (`is a weak`, `are the`). */
const EN_COPULA_BEFORE =
  /\b(?:is|are|was|were)\s+(?!called|termed|named|known|referred)(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}$/i;

/**
 * Whether a name before a pronoun at `at` makes a poor antecedent: in English, a name in a prepositional phrase
 * just before the pronoun (`in overdose it causes…`) or a copula's complement (`is a weak analgesic`); in
 * Chinese, a name after `是` in a clause opened by another name (`X是Y的部分激动剂`).
 */
function demoted(text: string, x: Slot, at: number, zh: boolean): boolean {
  if (zh) {
    const [xa] = clauseBounds(text, x.start, x.end, true);
    const head = text.slice(xa, x.start);
    const copula = head.indexOf('是');
    return copula > 0 && /\S/.test(head.slice(0, copula));
  }
  const head = text.slice(Math.max(0, x.start - 30), x.start);
  if (EN_COPULA_BEFORE.test(head)) return true;
  return EN_PP_BEFORE.test(head) && /^\s*,?\s*$/.test(text.slice(x.end, at));
}

/** A comparison's standard before the pronoun's clause: `与X一样，`, `和X相比，`, `Like X,`, `Unlike X,`. */
const ZH_COMPARED_BEFORE = /(?:与|和|同|跟|像)$/;
const ZH_COMPARED_AFTER = /^(?:一样|相同|类似|相似|相比|不同)[^，。；]{0,2}[，,]/;
const EN_COMPARED_BEFORE =
  /(?:^|[.;,]\s*)(?:like|unlike|as with|compared with|compared to|together with|along with|alongside|in addition to|besides|apart from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$/i;

function comparedWith(text: string, x: Slot, at: number, zh: boolean): boolean {
  if (x.end > at) return false;
  if (zh)
    return (
      ZH_COMPARED_BEFORE.test(text.slice(Math.max(0, x.start - 2), x.start)) &&
      ZH_COMPARED_AFTER.test(text.slice(x.end))
    );
  return EN_COMPARED_BEFORE.test(text.slice(Math.max(0, x.start - 40), x.start)) && /^\s*,/.test(text.slice(x.end));
}

/** Concepts named in the plural (`NSAIDs`, `the gabapentinoids`) before a pronoun or in the sentences before. */
function pluralKeys(text: string, before: Slot[], history: Sentence[]): Set<string> {
  const out = new Set<string>();
  const look = (t: string, x: Slot) => {
    if (!x.pronoun && EN_PLURAL_WORD.test(t.slice(x.start, x.end))) out.add(x.concepts[0]!.key);
  };
  for (const x of before) look(text, x);
  for (const h2 of history) for (const x of h2.slots) look(h2.text, x);
  return out;
}
const EN_PLURAL_WORD = /[a-z\d][^s\s]s$/;

/** Adds a slot's concepts that fit an anaphor's category to its candidates, each once. */
const candidateAdder = (cands: Slot['concepts'], cat: Category | null) => (sl: Slot) => {
  const theory = cat === 'Concept';
  for (const c of sl.concepts)
    if (
      (!cat || (theory ? c.category === 'Concept' || c.category === 'Mechanism' : c.category === cat)) &&
      !cands.some((x) => x.key === c.key)
    )
      cands.push(c);
};

/**
 * Pronouns and anaphoric phrases of a sentence, each with its candidate antecedents: the nearest concept
 * before it in the sentence, then the earlier sentences of the paragraph from their first mention (their
 * topic). `This framework` / `该理论` names the chapter's theory: its most mentioned Concept or Mechanism.
 */
export function findAnaphors(
  h: Holder,
  slots: Slot[],
  history: Sentence[],
  topic: Slot['concepts'],
  memory: Map<string, Slot['concepts']>,
  lastOfSection: Sentence | null,
  /** The chapter's sentences so far: the section's last ones name `the same receptor`. */
  done: Sentence[] = [],
  /** The disorder the chapter's title names: the last resort of `the disease`, `该病`. */
  disorderTopic: Slot['concepts'] = emptyList(),
): Slot[] {
  const zh = h.lang === 'zh';
  const text = h.normText && h.normText.length === h.text.length ? h.normText : h.text;
  const out: Slot[] = [];
  const taken: [number, number][] = [];
  pluralAnaphors(text, zh, slots, history, lastOfSection, out, taken);
  if (disorderTopic.length) patientShares(text, zh, slots, disorderTopic, out, taken);
  const context: AnaphorContext = { h, zh, text, slots, history, topic, memory, lastOfSection, done, disorderTopic };
  for (const [re, cat, needs] of zh ? ZH_ANAPHORS : EN_ANAPHORS) {
    if (needs !== undefined && !hasAnyChar(text, needs)) continue;
    for (const m of execAll(re, text)) resolveAnaphor(context, m, cat, out, taken);
  }
  return out;
}

/** What resolving one anaphor of a sentence reads (see findAnaphors). */
interface AnaphorContext {
  h: Holder;
  zh: boolean;
  text: string;
  slots: Slot[];
  history: Sentence[];
  topic: Slot['concepts'];
  memory: Map<string, Slot['concepts']>;
  lastOfSection: Sentence | null;
  done: Sentence[];
  disorderTopic: Slot['concepts'];
}

/** `这两种过程`, `these two processes`: the last two fitting concepts before it, as two slots on one span. */
function pluralAnaphors(
  text: string,
  zh: boolean,
  slots: Slot[],
  history: Sentence[],
  lastOfSection: Sentence | null,
  out: Slot[],
  taken: [number, number][],
): void {
  for (const [re, catOf, needs] of zh ? ZH_PLURAL : EN_PLURAL) {
    if (needs !== undefined && !hasAnyChar(text, needs)) continue;
    for (const m of execAll(re, text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (slots.some((x) => x.start < e && x.end > s)) continue;
      const cat = catOf(m[0]);
      const seen: Slot['concepts'] = [];
      const earlier = [
        ...slots.filter((x) => x.end <= s).reverse(),
        ...[...history].reverse().flatMap((h2) => [...h2.slots].reverse()),
        ...(history.length ? [] : [...(lastOfSection?.slots ?? emptyList<Slot>())].reverse()),
      ];
      // `A和B都是一线降压药，两者常被联合使用`: a coordinated pair before the anaphor in its sentence is what it names.
      const pair = coordinatedPair(text, slots, s, cat);
      if (pair) seen.push(...pair);
      else
        for (const x of earlier) {
          const c = x.concepts[0]!;
          if (x.pronoun || (cat && c.category !== cat) || seen.some((y) => y.key === c.key)) continue;
          seen.push(c);
          if (seen.length === 2) break;
        }
      if (seen.length < 2) continue;
      taken.push([s, e]);
      for (const c of seen.reverse()) out.push({ start: s, end: e, concepts: [c], pronoun: true });
    }
  }
}

/** A share of patients with no disorder named (`about half of patients`, `30%的患者`). */
const EN_PATIENT_SHARE =
  /\b(?:\d+(?:\.\d+)?\s*%|half|a third|a quarter|two-thirds|three-quarters|most|many)\s+(?:of\s+)?(?:all\s+|the\s+)?(?:patients|people|individuals|cases)\b(?!\s+(?:with|who|in|on|taking|treated|receiving))/gi;
const ZH_PATIENT_SHARE = /(?:\d+(?:\.\d+)?\s*%|一半|半数|多数|大多数|三分之一|四分之一|三分之二)(?:以上|左右)?的?患者/g;

/**
 * `Depression affects about half of patients`, `约30%的患者出现…`: in a chapter whose title names a disorder, a share
 * of patients with no disorder named is a share of the patients with that one.
 */
function patientShares(
  text: string,
  zh: boolean,
  slots: Slot[],
  disorderTopic: Slot['concepts'],
  out: Slot[],
  taken: [number, number][],
): void {
  if (zh ? !text.includes('患者') : !/patients|people|individuals|cases/i.test(text)) return;
  for (const m of execAll(zh ? ZH_PATIENT_SHARE : EN_PATIENT_SHARE, text)) {
    const s = m.index;
    const e = s + m[0].length;
    // (`抑郁症患者中约一半…`: a disorder right before names the patients already.)
    if (slots.some((x) => x.start < e && x.end > s) || (zh && slots.some((x) => x.end >= s - 2 && x.end <= s)))
      continue;
    taken.push([s, e]);
    out.push({ start: s, end: e, concepts: disorderTopic.slice(0, 1), pronoun: true });
  }
}

/** Between the two names of a pair: a conjunction (`A和B`, `A and B`). */
const PAIR_JOIN = /^\s*(?:和|与|及|以及|或|、|and|or)\s*$/i;

/**
 * The nearest two names before `at` in the sentence that a conjunction joins (`A和B`), of category `cat` when
 * given, nearest pair first (returned in text order); null when there is none.
 */
function coordinatedPair(text: string, slots: Slot[], at: number, cat: Category | null): Slot['concepts'] | null {
  const named = slots.filter((x) => !x.pronoun && x.end <= at);
  for (let i = named.length - 1; i > 0; i--) {
    const [x, y] = [named[i - 1]!, named[i]!];
    const [a, b] = [x.concepts[0]!, y.concepts[0]!];
    if (a.key === b.key || (cat && (a.category !== cat || b.category !== cat))) continue;
    if (PAIR_JOIN.test(text.slice(x.end, y.start))) return [b, a];
  }
  return null;
}

/** The anaphor `m` (of category `cat`, null: any): its ranked antecedents as a pronoun slot in `out`. */
function resolveAnaphor(
  context: AnaphorContext,
  m: RegExpExecArray,
  cat: Category | null,
  out: Slot[],
  taken: [number, number][],
): void {
  const { h, zh, text, slots, history, topic, memory, lastOfSection, done, disorderTopic } = context;
  const s = m.index;
  const e = s + m[0].length;
  if (taken.some(([x, y]) => s < y && e > x)) return;
  // `the same transporter`: the generic head the vocabulary found inside it gives way to the anaphor.
  if (cat === 'Molecule') {
    const k = slots.findIndex((x) => !x.pronoun && x.start >= s && x.end === e);
    if (k >= 0) slots.splice(k, 1);
  }
  if (slots.some((x) => x.start < e && x.end > s)) return;
  if (!zh && (m[0] === 'it' || m[0] === 'It') && isExpletive(text, s)) return;
  // `其他`, `其中`, `其实`, `尤其`, `极其`, `及其` are not pronouns (`及其` is handled as coordination).
  if (zh && m[0] === '其' && (/^[他中实余次]/.test(text.slice(e)) || /[尤极及与]$/.test(text.slice(0, s)))) return;
  taken.push([s, e]);
  const cands: Slot['concepts'] = [];
  const theory = cat === 'Concept';
  const add = candidateAdder(cands, cat);
  // `This framework, known as predictive coding`: an apposition names it, and later uses of the same
  // noun (`this framework`) keep naming it.
  const noun =
    theory || cat === 'Molecule'
      ? m[0]
          .toLowerCase()
          .replace(/^(?:this|that|the(?:\s+same)?)\s+|^(?:该|此|这个|这一|这种|同一种|同一个|同一)|'s$/g, '')
      : '';
  // `该方程`, `this equation`: the nearest concept named with that head noun (`能斯特-普朗克方程`), or nothing.
  if (NAMED_BY_HEAD.test(noun)) {
    const earlier: [Sentence | null, Slot][] = [
      ...sortSmall(
        slots.filter((x) => x.end <= s),
        (a, b) => b.end - a.end,
      ).map((x): [null, Slot] => [null, x]),
      ...(cat === 'Molecule'
        ? done.slice(-4).filter((x) => x.holder.section === h.section)
        : [...history, ...(history.length ? [] : lastOfSection ? [lastOfSection] : [])]
      )
        .slice()
        .reverse()
        .flatMap((h2) => [...h2.slots].reverse().map((x): [Sentence, Slot] => [h2, x])),
    ];
    const named = earlier.find(([h2, x]) => (h2 ? h2.text : text).slice(x.start, x.end).toLowerCase().includes(noun));
    if (named) out.push({ start: s, end: e, concepts: named[1].concepts.slice(0, 1), pronoun: true });
    return;
  }
  const appos = theory ? APPOSITION.exec(text.slice(e)) : null;
  if (appos) {
    const named = slots.find((x) => x.start >= e + appos[0].length && x.start <= e + appos[0].length + 1);
    if (named) {
      add(named);
      memory.set(noun, named.concepts);
    }
  }
  if (theory) memory.get(noun)?.forEach((c) => add({ start: 0, end: 0, concepts: [c], pronoun: false }));
  if (theory) topic.forEach((c) => add({ start: 0, end: 0, concepts: [c], pronoun: false }));
  const before = sortSmall(
    [...slots, ...out].filter((x) => x.end <= s),
    (a, b) => b.end - a.end,
  );
  // A Chinese pronoun opening a clause carries on its sentence's topic: the concept that opens an
  // earlier clause (`海马富含MR和GR，它经由…`: 海马, not GR); the sentence's first one may carry a short
  // modifier (`缓释胍法辛…，也可以与兴奋剂联合使用；它…`), a later one not (`由于前额叶皮层的…`).
  if (zh && (m[0] === '它' || m[0] === '它们') && ZH_CLAUSE_START.test(text.slice(Math.max(0, s - 6), s))) {
    for (const x of before) {
      if (x.pronoun || comparedWith(text, x, s, zh)) continue;
      const [xa] = clauseBounds(text, x.start, x.end, true);
      const opener = ZH_CLAUSE_OPENER.exec(text.slice(xa))![0].length;
      if (x.start - (xa + opener) <= (xa === 0 ? 2 : 1) && !before.some((y) => y.start >= xa && y.start < x.start))
        add(x);
    }
  }
  // `…makes it safer than B, and it is combined with C`, `A enhances X and inhibits Y, and it also…`: an
  // English subject pronoun opening a later clause goes on with the sentence's subject (an earlier `it`,
  // else the name that opens the sentence), not with the nearest name.
  if (!zh && cat === null && /^(?:it|they)$/i.test(m[0]) && EN_CLAUSE_START.test(text.slice(Math.max(0, s - 12), s))) {
    const prior = out.find((x) => x.end <= s && /^(?:it|they)$/i.test(text.slice(x.start, x.end)));
    if (prior) prior.concepts.forEach((c) => add({ start: 0, end: 0, concepts: [c], pronoun: false }));
    const first = before[before.length - 1];
    // (Not the companion or the standard of a leading phrase: `Together with macrophages, they…`.)
    if (
      first &&
      !first.pronoun &&
      !comparedWith(text, first, s, zh) &&
      SENTENCE_SUBJECT.test(text.slice(0, first.start))
    )
      add(first);
  }
  // `binds MOR on the terminals, where it reduces…`: a pronoun inside a relative clause is not the
  // relative's antecedent; it carries the sentence's subject.
  if (!zh && cat === null && EN_AFTER_RELATIVE.test(text.slice(Math.max(0, s - 8), s))) {
    const first = before[before.length - 1];
    if (first && !first.pronoun && SENTENCE_SUBJECT.test(text.slice(0, first.start))) add(first);
  }
  // A name in a phrase just before the pronoun (`in overdose it`) or a copula's complement (`X is a weak
  // analgesic…; it`, `X是Y的部分激动剂，…它`) is no likely antecedent: the others come first.
  const later: Slot[] = [];
  // `与呋塞米一样，它也会…`, `Like lithium, it…`: the standard of a comparison is what the pronoun is set against,
  // its last choice (after the sentences before).
  const standards: Slot[] = [];
  for (const x of before) {
    if (cat === null && !x.pronoun && comparedWith(text, x, s, zh)) standards.push(x);
    else (cat === null && !x.pronoun && demoted(text, x, s, zh) ? later : [x]).forEach(add);
  }
  later.forEach(add);
  // `…; respiratory depression is the usual cause of death. Naloxone reverses it`: the subject of the
  // previous sentence's last clause is its freshest topic.
  const last = history[history.length - 1];
  if (cat === null && last) {
    const semi = Math.max(last.text.lastIndexOf(';'), last.text.lastIndexOf('；'));
    const opener = semi >= 0 ? last.slots.find((x) => x.start > semi) : undefined;
    if (opener && !opener.pronoun && /^\s*(?:the\s+)?$/i.test(last.text.slice(semi + 1, opener.start))) add(opener);
  }
  for (let i = history.length - 1; i >= 0; i--) history[i]!.slots.forEach(add);
  if (cat && !history.length) [...(lastOfSection?.slots ?? emptyList<Slot>())].reverse().forEach(add);
  if (!theory) topic.forEach((c) => add({ start: 0, end: 0, concepts: [c], pronoun: false }));
  // (`the disease`, `该病` with no disorder named in its paragraph: the one the chapter is about.)
  if (cat === 'Disorder') disorderTopic.forEach((c) => add({ start: 0, end: 0, concepts: [c], pronoun: false }));
  standards.forEach(add);
  // `They are first-line treatments…` after `Gabapentin and pregabalin, the gabapentinoids, …`: a plural
  // pronoun prefers a name written in the plural.
  if (!zh && cat === null && cands.length > 1 && /^(?:they|their|them)$/i.test(m[0])) {
    // (The standard of a comparison or a companion, `Like macrophages, they…`, is no preferred antecedent.)
    const plural = pluralKeys(
      text,
      before.filter((x) => !standards.includes(x)),
      history,
    );
    for (const x of standards) plural.delete(x.concepts[0]!.key);
    if (plural.size) sortSmall(cands, (a, b) => Number(plural.has(b.key)) - Number(plural.has(a.key)));
  }
  if (cands.length) out.push({ start: s, end: e, concepts: cands.slice(0, 5), pronoun: true });
}
