/**
 * Relations a sentence states without a verb cue read between two names: a structure working abnormally in
 * a disorder's frame, contrasted clauses, a treatment under a disorder's heading, relations between a
 * heading's concepts and its section's, parts named by a genitive, and the members of a list under its
 * lead-in. findRelations (relations.ts) runs them beside the cue readers.
 */
import type { Predicate } from '../model/types';
import {
  DYSFUNCTION_EN,
  DYSFUNCTION_ZH,
  EN_CUES,
  EN_THEORY_OF,
  FAMILY_OPTIONS,
  ZH_CUES,
  type PredicateOption,
} from './cues';
import { execAll } from './exec-all';
import type { ExtractedRelation } from './extraction';
import type { FoundMention, Holder } from './mentions';
import { isWhiteSpaceCode } from '../text/whitespace';
import { emptyList } from './empty-list';
import {
  clauseBounds,
  outermost,
  pick,
  SENTENCE_SUBJECT,
  type CueHit,
  type Emit,
  type Sentence,
  type Slot,
} from './relation-sentence';

export const IMPLICATED: PredicateOption = {
  predicate: 'implicated_in',
  subject: ['Circuit', 'Molecule', 'Mechanism', 'Concept', 'Biomarker'],
  object: ['Disorder'],
};
const NAMED_IDEA: PredicateOption = {
  predicate: 'implicated_in',
  subject: ['Mechanism', 'Concept', 'Circuit', 'Molecule'],
  object: ['Disorder'],
};

/**
 * Disorder frames: a structure said to work abnormally where a disorder is in view (`在PTSD中，是…恐惧回路`,
 * `the vmPFC should be hyperactive`, `a pathologically strong prior`) is implicated in it; so is a named
 * hypothesis of a disorder (`the "aberrant salience" hypothesis of psychosis`).
 */
export function frameRelations(
  s: Sentence,
  sentences: Sentence[],
  headings: Holder[],
  byHolder: Map<string, FoundMention[]>,
  emit: Emit,
): void {
  const zh = s.holder.lang === 'zh';
  const disorders = s.slots.filter((x) => !x.pronoun && x.concepts[0]!.category === 'Disorder');
  // `the X hypothesis of D`
  if (!zh) {
    for (const m of execAll(EN_THEORY_OF, s.text)) {
      // `the X hypothesis of D`, or a concept named with its head (`the monoamine hypothesis of D`).
      const headEnd = m.index + /^\w+/.exec(m[0])![0].length;
      const idea = [...s.slots]
        .reverse()
        .find((x) => (x.end <= m.index && m.index - x.end <= 3) || (x.end === headEnd && x.start < m.index));
      const d = disorders.find((x) => x.start >= m.index + m[0].length && x.start - (m.index + m[0].length) <= 3);
      if (idea && d) emit(s, idea, d, NAMED_IDEA, m[0], 0.7, false);
    }
  }
  const dysRe = zh ? DYSFUNCTION_ZH : DYSFUNCTION_EN;
  const idx = s.index;
  const prev = idx > 0 && sentences[idx - 1]!.holder.paragraph === s.holder.paragraph ? sentences[idx - 1]! : null;
  // A sign inside a concept's name (`sexual dysfunction`) describes no structure.
  const dysHere = execAll(dysRe, s.text).filter(
    (m) => !s.slots.some((x) => !x.pronoun && x.start <= m.index && x.end >= m.index + m[0].length),
  );

  // `在D中，是…C；在D2中，是…C2`: each frame clause group implicates its last structure.
  // (Or when the previous sentence of the paragraph shows a sign: asked only when it matters.)
  // (`在惊恐发作中，蓝斑的神经元被强烈激活`: a structure activated in a disorder is a sign of its own.)
  // (The activation sign is looked for only where a frame may open: at the start or after a semicolon.)
  const framed = zh && (ZH_FRAME_START.test(s.text) || s.text.includes('；') || s.text.includes(';'));
  if (
    zh &&
    (dysHere.length || (framed && testOnce(ZH_ACTIVATED, s.text)) || (prev !== null && testOnce(dysRe, prev.text)))
  ) {
    let start = 0;
    for (const part of s.text.split(/[；;]/)) {
      const end = start + part.length;
      const frame = /^\s*在(.{1,30}?)中[，,]/.exec(part);
      if (frame) {
        const fd = disorders.filter((x) => x.start >= start && x.end <= start + frame[0].length);
        // (Without a sign of dysfunction, only the clause that says what is activated.)
        const act = dysHere.length ? null : ZH_ACTIVATED.exec(part);
        const until = act ? start + act.index + act[0].length : end;
        const structs = s.slots.filter(
          (x) => x.start >= start + frame[0].length && x.end <= until && pick(x, IMPLICATED.subject),
        );
        let head = structs[structs.length - 1];
        // `蓝斑的去甲肾上腺素能神经元`: the cells of a structure stand for that structure.
        const owner = structs[structs.length - 2];
        if (
          head &&
          owner &&
          s.text.slice(owner.end, head.start) === '的' &&
          /(?:神经元|细胞)$/.test(s.text.slice(head.start, head.end))
        )
          head = owner;
        if (head) for (const d of fd) emit(s, head, d, IMPLICATED, `在…中`, 0.6, false);
      }
      start = end + 1;
    }
  }
  if (!dysHere.length) return;
  // Which disorders are in view: this sentence's, else the paragraph's earlier ones, else the section heading's.
  let inView = disorders;
  if (!inView.length) {
    for (let i = idx - 1; i >= 0 && sentences[i]!.holder.paragraph === s.holder.paragraph && !inView.length; i--)
      inView = sentences[i]!.slots.filter((x) => !x.pronoun && x.concepts[0]!.category === 'Disorder');
  }
  if (!inView.length) {
    const h = headings.find((x) => x.key === s.holder.section);
    const hm = h ? (byHolder.get(h.key) ?? emptyList()) : emptyList<FoundMention>();
    inView = hm
      .filter((m) => m.category === 'Disorder')
      .map((m) => ({ start: -1, end: -1, concepts: [{ key: m.concept, category: m.category }], pronoun: false }));
  }
  if (!inView.length) return;
  // A disorder of the context is the one in view only when it is the only one there: a sign does not say which
  // of several (`Damage to Broca's area impairs speech production` after a sentence naming three disorders).
  if (inView !== disorders && new Set(inView.map((x) => x.concepts[0]!.key)).size > 1) return;
  for (const m of dysHere) {
    const cs = m.index;
    const ce = cs + m[0].length;
    // `hyperalgesia, an exaggerated response to…`: a sign in a disorder's appositive defines that disorder.
    if (!zh) {
      const d = disorders.filter((x) => x.end <= cs).pop();
      if (d && EN_DEFINING_APPOSITIVE.test(s.text.slice(d.end, cs))) continue;
    }
    // In Chinese, a disorder of this sentence is in view only in the sign's own clause (the next clause
    // often turns to other disorders: `…减弱的状态，那么其他精神疾病…`).
    let view = inView;
    if (zh && inView.some((x) => x.start >= 0)) {
      const [ca, cb] = clauseBounds(s.text, cs, ce, true);
      const near = inView.filter((x) => x.start >= ca && x.end <= cb);
      view = near.length ? near : inView.filter((x) => x.end <= cs).slice(-1);
      if (!view.length) continue;
    } else if (!zh && inView === disorders) {
      // (In English likewise: several disorders of the sentence are in view only in the sign's own clause;
      // `Hyposmia, constipation and depression are early features, and … pathology starts outside the
      // substantia nigra` implicates the nigra in none of them.)
      const [ca, cb] = clauseBounds(s.text, cs, ce, false);
      const near = inView.filter((x) => x.start >= ca && x.end <= cb);
      if (near.length) view = near;
      else if (new Set(inView.map((x) => x.concepts[0]!.key)).size > 1) continue;
    }
    // The structure the sign describes: just after it (`pathologically strong prior`), else just before
    // it (`the vmPFC should be hyperactive`, `回路变得病理性过度活跃`).
    const after = s.slots.find(
      (x) =>
        x.start >= ce &&
        x.start - ce <= (zh ? 6 : 40) &&
        pick(x, IMPLICATED.subject) &&
        !/[,;，；]/.test(s.text.slice(ce, x.start)),
    );
    const before = [...s.slots]
      .reverse()
      .find(
        (x) =>
          x.end <= cs &&
          cs - x.end <= (zh ? 8 : 45) &&
          pick(x, IMPLICATED.subject) &&
          !/[;；]/.test(s.text.slice(x.end, cs)),
      );
    const target = zh ? (before ?? after) : (after ?? before);
    if (!target) continue;
    for (const x of view) emit(s, target, x, IMPLICATED, m[0], 0.55, false);
  }
}

/** A disorder's appositive up to a sign (`, an exaggerated`). */
const EN_DEFINING_APPOSITIVE = /^\s*,\s*(?:an?|the)\s+(?:\w+ly\s+)?$/i;
/** A structure activated beyond the usual (`被强烈激活`, `活动增强`). */
const ZH_FRAME_START = /^\s*在/;
const ZH_ACTIVATED = /被[^，。；]{0,4}激活|(?:活动|活性|兴奋性)(?:显著)?(?:增强|升高)/;

const WHEREAS = /,\s*whereas\s+(?:the\s+)?/g;

/**
 * `A mainly lowers the threshold, whereas B raises the gain`: the subjects of two clauses set against each other
 * by `whereas` are contrasted (when they are of one kind).
 */
export function contrastedClauses(s: Sentence, emit: Emit): void {
  const first = s.slots[0];
  if (!first || first.pronoun || !SENTENCE_SUBJECT.test(s.text.slice(0, first.start))) return;
  for (const m of execAll(WHEREAS, s.text)) {
    const at = m.index + m[0].length;
    const second = s.slots.find((x) => x.start >= at);
    if (!second || second.pronoun || second.start !== at) continue;
    const option = FAMILY_OPTIONS.contrast.find((o) => pick(first, o.subject) && pick(second, o.object));
    if (option) emit(s, first, second, option, 'whereas', 0.55, false);
  }
}

/** `首选治疗`, `一线治疗`, `标准疗法`: a treatment cue used as a noun that names no disorder. */
const ZH_TREATMENT_NOUN = /(?:首选|一线|标准|主要|基础)的?$/;
export const TREATMENT_NOUN_WORDS = ['首选', '一线', '标准', '主要', '基础'];
export const TREATS: PredicateOption = { predicate: 'treats', subject: ['Intervention'], object: ['Disorder'] };

/**
 * A treatment named as the first-line or standard one with no disorder in its clause (`X是…的首选治疗`)
 * treats the disorder its section heading names.
 */
export function implicitDisorder(
  s: Sentence,
  h: CueHit,
  headings: Holder[],
  byHolder: Map<string, FoundMention[]>,
  emit: Emit,
): void {
  const [a, b] = clauseBounds(s.text, h.start, h.end, true);
  if (!ZH_TREATMENT_NOUN.test(s.text.slice(Math.max(a, h.start - 3), h.start))) return;
  if (s.slots.some((x) => x.start >= a && x.end <= b && pick(x, TREATS.object))) return;
  const subj = s.slots.filter((x) => x.start >= a && x.end <= h.start && pick(x, TREATS.subject)).pop();
  if (!subj || !/(?:是|为|作为)/.test(s.text.slice(subj.end, h.start))) return;
  const heading = headings.find((x) => x.key === s.holder.section);
  const d = heading ? (byHolder.get(heading.key) ?? emptyList()).find((m) => m.category === 'Disorder') : undefined;
  if (!d) return;
  const obj: Slot = { start: -1, end: -1, concepts: [{ key: d.concept, category: 'Disorder' }], pronoun: false };
  emit(s, subj, obj, TREATS, `${h.text} (heading)`, 0.55, false);
}

/** Whether a global pattern matches `text` (its `lastIndex` left at 0). */
function testOnce(re: RegExp, text: string): boolean {
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}

/**
 * A heading that states a relation without its subject (`在数小时内治疗抑郁症`) speaks of its section's
 * main concept: the one of fitting category its sentences mention most. The evidence is the first
 * sentence of the section that names that concept.
 */
export function headingRelations(
  headings: Holder[],
  sentences: Sentence[],
  byHolder: Map<string, FoundMention[]>,
  out: ExtractedRelation[],
): void {
  for (const h of headings) {
    const hm = outermost(byHolder.get(h.key) ?? emptyList());
    if (!hm.length) continue;
    const text = h.normText ?? h.text;
    const zh = h.lang === 'zh';
    for (const cue of zh ? ZH_CUES : EN_CUES) {
      if (cue.family !== 'treat') continue;
      for (const m of execAll(cue.re, text)) {
        const ce = m.index + m[0].length;
        const obj = hm.find((x) => x.start >= ce && x.start - ce <= 2 && x.category === 'Disorder');
        if (!obj || hm.some((x) => x.end <= m.index && x.category === 'Intervention')) continue;
        const inSection = sentences.filter((s) => s.holder.section === h.key);
        const counts = new Map<string, { n: number; first: Sentence }>();
        for (const s of inSection)
          for (const sl of s.slots)
            if (!sl.pronoun && sl.concepts[0]!.category === 'Intervention') {
              const k = sl.concepts[0]!.key;
              const c = counts.get(k);
              if (c) c.n++;
              else counts.set(k, { n: 1, first: s });
            }
        const top = [...counts.entries()].sort((x, y) => y[1].n - x[1].n)[0];
        if (!top || top[1].n < 2) continue;
        out.push({
          subject: top[0],
          object: obj.concept,
          attributes: {
            kind: 'relation',
            predicate: 'treats' as Predicate,
            evidence: [top[1].first.holder.key],
            cues: [`${m[0]} (heading)`],
            confidence: 0.5,
            hedged: false,
            negated: false,
          },
        });
      }
    }
  }
}

const GENITIVE_PARTS: PredicateOption[] = [
  { predicate: 'part_of', subject: ['Circuit'], object: ['Circuit'] },
  { predicate: 'part_of', subject: ['Molecule'], object: ['Molecule', 'Circuit'] },
];
const EN_OWN_PART =
  /^\s+(?:[\w-]+\s+){0,3}(?:component|constituent|ingredient|subunit|compound)s?\s*(?:,\s*|\(\s*|\s+)(?:the\s+)?/i;
const ZH_OWN_PART = /^[^，。；的]{0,6}(?:成分|组分|亚基|组成部分)(?:是|为|即)?[，,（(]?/;
const GENITIVE_ZH = /^的$/;
const GENITIVE_ZH_OPENER = /^(?:|[在从于对是即，,；;：:（(])$/;
const GENITIVE_EN = /^\s+of\s+(?:the\s+|a\s+|an\s+)?$/i;

/**
 * `钾通道的选择性过滤器`, `the GluN2B subunit of the NMDA receptor`: a structure or molecule named as
 * belonging to another structure is a part of it.
 */
export function genitiveParts(s: Sentence, emit: Emit): void {
  const zh = s.holder.lang === 'zh';
  // `Y acts through its main component, X`, `其主要成分X`: X, named after a possessive part noun, is part of Y.
  for (const p of s.slots) {
    if (!p.pronoun || !(zh ? s.text[p.start] === '其' : /^(?:its|their)$/i.test(s.text.slice(p.start, p.end))))
      continue;
    const m = (zh ? ZH_OWN_PART : EN_OWN_PART).exec(s.text.slice(p.end, p.end + 60));
    const x = m ? s.slots.find((y) => y.start === p.end + m[0].length && !y.pronoun) : undefined;
    if (!x) continue;
    const option = FAMILY_OPTIONS.part.find((o) => pick(x, o.subject) && pick(p, o.object));
    // An English owner must open the sentence (`Cannabis acts through its…`), not come from an earlier one.
    const owner = option ? pick(p, option.object)!.key : '';
    const first = s.slots[0];
    if (
      !zh &&
      (!first ||
        first.pronoun ||
        first.concepts[0]!.key !== owner ||
        !SENTENCE_SUBJECT.test(s.text.slice(0, first.start)))
    )
      continue;
    if (option) emit(s, x, p, option, m![0].trim(), 0.55, false);
  }
  for (let i = 0; i + 1 < s.slots.length; i++) {
    const [x, y] = [s.slots[i]!, s.slots[i + 1]!];
    if (x.pronoun || y.pronoun) continue;
    // (`的` is one character, ` of ` at least four: shorter gaps are not looked at.)
    const gap = y.start - x.end;
    if (zh ? gap !== 1 : gap < 4) continue;
    if (!(zh ? GENITIVE_ZH : GENITIVE_EN).test(s.text.slice(x.end, y.start))) continue;
    // zh `整体的部分`; en `the part of the whole`.
    const [whole, part] = zh ? [x, y] : [y, x];
    // `连接杏仁核和前额叶皮层的恐惧回路` is a relative clause: a Chinese whole must open its phrase.
    if (zh && !GENITIVE_ZH_OPENER.test(s.text.slice(Math.max(0, x.start - 1), x.start))) continue;
    const option = GENITIVE_PARTS.find((o) => pick(part, o.subject) && pick(whole, o.object));
    if (option) emit(s, part, whole, option, zh ? '的' : 'of', 0.5, false);
  }
}

// A list's lead-in naming the parts to come (`渗透率的三个组成部分：`, `Its components are:`).
const LIST_LEAD_ZH =
  /的(?:[一二两三四五六七八九几多]个)?(?:主要|关键|基本|核心)?(?:组成部分|组分|成分|要素|部分|因素)(?:包括|有|是|如下)?\s*[：:]\s*$|(?:包括|包含|由以下[^：:]{0,6}组成)\s*[：:]\s*$/;
const LIST_LEAD_EN =
  /\b(?:components?|constituents?|parts|elements|factors)\s+of\s+[^:]{1,60}(?:are|include)?\s*:\s*$|\b(?:includes?|consists? of|comprises?|is composed of|is made up of)\s*:\s*$/i;
/** A list item that opens with its term: `扩散系数 ($D_i$)：…`, `Diffusion coefficient: …`. */
const ITEM_HEAD = /^\s*(?:[（(][^）)]{0,40}[）)])?\s*[：:]/;

/** Whether a sentence ends with a colon (`常见的包括：`, `The main types are:`): only such a sentence leads a list. */
export function endsWithColon(text: string): boolean {
  let k = text.length - 1;
  while (k >= 0 && isWhiteSpaceCode(text.charCodeAt(k))) k--;
  const last = text.charCodeAt(k);
  return last === 0xff1a || last === 0x3a;
}

/**
 * The paragraphs right after sentence i's, one after the other in its section (the items a lead-in may
 * lead): the first sentence of each, in order.
 */
export function* nextParagraphs(sentences: Sentence[], i: number): Generator<Sentence> {
  const lead = sentences[i]!;
  let para = lead.holder.paragraph;
  for (let j = i + 1; j < sentences.length; j++) {
    const item = sentences[j]!;
    if (item.holder.paragraph === para) continue;
    if (item.holder.paragraph !== para + 1 || item.holder.section !== lead.holder.section) return;
    para = item.holder.paragraph;
    yield item;
  }
}

/**
 * A lead-in that announces the parts of a whole, followed by paragraphs (list items) that each open with a
 * term and a colon: each term is a part of the whole.
 */
export function listParts(sentences: Sentence[], emit: Emit): void {
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const zh = s.holder.lang === 'zh';
    // Only a sentence ending with a colon can lead a list (checked before any pattern runs).
    if (!endsWithColon(s.text)) continue;
    const lead = (zh ? LIST_LEAD_ZH : LIST_LEAD_EN).exec(s.text);
    if (!lead) continue;
    // The whole: the concept just before the lead (zh, en `X includes:`) or just after `of` (en).
    const ofWhole = !zh && /^\w+\s+of\b/i.test(lead[0]);
    const whole = ofWhole
      ? s.slots.find((x) => x.start >= lead.index && !x.pronoun)
      : [...s.slots].reverse().find((x) => x.end <= lead.index && lead.index - x.end <= 8);
    if (!whole) continue;
    for (const item of nextParagraphs(sentences, i)) {
      const head = item.slots[0];
      if (!head || head.pronoun || head.start > 1 || !ITEM_HEAD.test(item.text.slice(head.end))) break;
      const option = FAMILY_OPTIONS.part.find((o) => pick(head, o.subject) && pick(whole, o.object)) ?? null;
      if (option) emit(s, head, whole, option, lead[0].replace(/\s*[：:]\s*$/, ''), 0.55, false);
    }
  }
}

const HEADING_COORD = /^\s*(?:与|和|及|以及|、|and|&|vs\.?|versus)\s*$/i;

/**
 * A heading that pairs two concepts (`电扩散与能斯特-普朗克方程`, `Dopamine and Reward`) announces a section
 * about how they relate: they are associated, with the first sentence of the section naming both (else
 * either) as evidence.
 */
export function headingPairs(
  headings: Holder[],
  sentences: Sentence[],
  byHolder: Map<string, FoundMention[]>,
  out: ExtractedRelation[],
): void {
  for (const h of headings) {
    const hm = outermost(byHolder.get(h.key) ?? emptyList());
    if (hm.length !== 2) continue;
    const [x, y] = [hm[0]!, hm[1]!];
    const text = h.normText ?? h.text;
    if (x.concept === y.concept || !HEADING_COORD.test(text.slice(x.end, y.start))) continue;
    // Nothing else of substance in the heading (`X与Y的关系` is fine, `X在Y中的作用机制研究` is not a pair).
    const rest = (text.slice(0, x.start) + text.slice(y.end)).replace(/[\s#*:：]|的?关系|relationship|the/gi, '');
    if (rest.length > 4) continue;
    const inSection = sentences.filter((s) => s.holder.section === h.key);
    const names = (s: Sentence, k: string) => s.slots.some((sl) => !sl.pronoun && sl.concepts[0]!.key === k);
    const ev =
      inSection.find((s) => names(s, x.concept) && names(s, y.concept)) ??
      inSection.find((s) => names(s, x.concept) || names(s, y.concept));
    if (!ev) continue;
    const [a, b] = x.concept < y.concept ? [x.concept, y.concept] : [y.concept, x.concept];
    out.push({
      subject: a,
      object: b,
      attributes: {
        kind: 'relation',
        predicate: 'associated_with',
        evidence: [ev.holder.key],
        cues: [`${text.slice(x.end, y.start).trim()} (heading)`],
        confidence: 0.45,
        hedged: false,
        negated: false,
      },
    });
  }
}
