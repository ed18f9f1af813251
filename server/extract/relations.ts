/**
 * Typed relations from cue patterns: for each sentence, every cue (cues.ts) is read with its voice
 * (active, passive, modifier phrase, noun cue, symmetric pair), its two sides are found among the
 * sentence's mentions by position and category, pronouns (`它`, `其`, `it`, `this drug`) are resolved to
 * the salient concept of the sentence or paragraph, and negation and hedging are kept as attributes.
 * Two further patterns carry psychiatry's usual claims: a structure that works abnormally in a disorder
 * (`in PTSD, the fear circuit…`, `the vmPFC should be hyperactive`) and a named hypothesis of a disorder.
 */
import type { Category, Predicate, RelationAttributes } from '../model/types';
import { SYMMETRIC_PREDICATES } from '../model/types';
import { isHedged } from './hedging';
import {
  DYSFUNCTION_EN,
  DYSFUNCTION_ZH,
  EN_CUES,
  EN_NEGATION,
  EN_NP_SUFFIX,
  EN_THEORY_OF,
  FAMILY_OPTIONS,
  ZH_CUES,
  ZH_NEGATION,
  ZH_NOT_NEGATION,
  type Cue,
  type Family,
  type PredicateOption,
} from './cues';
import { CueScanner } from './cue-scanner';
import { sortSmall } from './sort-small';
import { execAll } from './exec-all';
import type { ExtractedRelation } from './extraction';
import { startsWithHeadToken, type FoundMention, type Holder } from './mentions';
import { isWhiteSpaceCode } from '../text/whitespace';

/** A concept occurrence in a sentence; a pronoun carries its ranked antecedents instead of one concept. */
interface Slot {
  start: number;
  end: number;
  /** Candidate concepts, best first (one for a plain mention). */
  concepts: { key: string; category: Category }[];
  pronoun: boolean;
}

interface Sentence {
  holder: Holder;
  text: string;
  slots: Slot[];
  hedged: boolean;
  /** Cue words, once found. */
  hits?: CueHit[];
  /** Position in the chapter's sentence list. */
  index: number;
}

// Clause marks as code units (clause bounds are scanned character by character for every cue).
const CLAUSE_MARK_ZH = new Set([...'，,；;。！？!?：:—'].map((c) => c.charCodeAt(0)));
const CLAUSE_MARK_EN = new Set([...';:!?—'].map((c) => c.charCodeAt(0)));
const COORD_ZH = /^\s*(?:和|与|及|及其|以及|或|、|和\/或|或者)\s*$/;
const COORD_EN = /^\s*(?:,?\s*and|,?\s*or|,|as well as|and\/or|,\s*and|,\s*or)\s*(?:the\s+|even\s+)?$/i;

// Anaphors and the category their noun implies (null: any).
const ZH_ANAPHORS: [RegExp, Category | null][] = [
  [/(?:该|此|这种|这类|这一)(?:药物|药|化合物|疗法|治疗)/g, 'Intervention'],
  [/(?:该|此|这种|这一)(?:疾病|障碍|病症)/g, 'Disorder'],
  [/(?:该|此|这种|这一)(?:机制|过程)/g, 'Mechanism'],
  [/(?:该|此|这个|这一)(?:回路|通路|脑区|区域)/g, 'Circuit'],
  [/(?:该|此|这个|这一|这种)(?:理论|框架|模型|假说)/g, 'Concept'],
  [/它们|它|其/g, null],
];
const EN_ANAPHORS: [RegExp, Category | null][] = [
  [/\b(?:this|the|that|such a)\s+(?:drug|compound|medication|agent|treatment|therapy)\b/gi, 'Intervention'],
  [/\b(?:this|the|that)\s+(?:disorder|disease|condition|illness)\b/gi, 'Disorder'],
  [/\b(?:this|that|the)\s+(?:framework|theory|model|idea|account|hypothesis)(?:'s)?\b/gi, 'Concept'],
  [/\b(?:this|that)\s+(?:mechanism|process)\b/gi, 'Mechanism'],
  [/\b(?:this|that)\s+(?:circuit|pathway|region|area|structure)\b/gi, 'Circuit'],
  [/\b(?:it|its|they|their)\b/gi, null],
];
const isExpletive = (text: string, at: number) => {
  EN_EXPLETIVE.lastIndex = at;
  return EN_EXPLETIVE.test(text);
};
const PERSONAL_SUBJECT =
  /我们|你们|他们|人们|患者|研究人员|研究者|科学家|医生|\b(?:we|you|they|researchers|scientists|clinicians|patients)\b/i;
const APPOSITION = /^,?\s*(?:known as|called|termed|named|referred to as|即|称为|被称为)\s*/i;
// `it is thought that`, `it is clear`: an expletive `it` names nothing.
const EN_EXPLETIVE =
  /it\s+(?:is|was|seems|appears|becomes|remains)\s+(?:\w+\s+)?(?:that|to|clear|likely|possible|important|thought|believed|known|worth|not)\b/iy;

export interface RelationInput {
  holders: Holder[];
  mentions: FoundMention[];
  /** Categories of concept keys. */
  category: (key: string) => Category | undefined;
}

export interface RelationOutput {
  relations: ExtractedRelation[];
  /** Mentions made through pronouns that a relation used. */
  pronounMentions: FoundMention[];
}

const MIN_CONFIDENCE = 0.35;

export function findRelations(input: RelationInput): RelationOutput {
  const byHolder = new Map<string, FoundMention[]>();
  for (const m of input.mentions) {
    let list = byHolder.get(m.holder);
    if (!list) byHolder.set(m.holder, (list = []));
    list.push(m);
  }
  const out: ExtractedRelation[] = [];
  const pronounMentions: FoundMention[] = [];
  const claims = input.holders.filter((h) => !h.isHeading);
  const headings = input.holders.filter((h) => h.isHeading);
  const headingKeys = new Set(headings.map((x) => x.key));
  const sentences: Sentence[] = [];
  let prev: Sentence | null = null;
  // The chapter's topic: its most mentioned Concept or Mechanism (headings count thrice), the antecedent of
  // `this framework` and the last resort of a pronoun.
  const weight = new Map<string, { n: number; category: Category }>();
  for (const m of input.mentions) {
    if (m.category !== 'Concept' && m.category !== 'Mechanism') continue;
    const w = weight.get(m.concept) ?? { n: 0, category: m.category };
    w.n += headingKeys.has(m.holder) ? 3 : 1;
    weight.set(m.concept, w);
  }
  const top = [...weight].sort((a, b) => b[1].n - a[1].n)[0];
  const memory = new Map<string, Slot['concepts']>();
  const topic: Slot['concepts'] = top && top[1].n >= 3 ? [{ key: top[0], category: top[1].category }] : [];
  for (const h of claims) {
    const text = h.normText && h.normText.length === h.text.length ? h.normText : h.text;
    // A Chinese concept glued onto a head word it did not form a term with (`大脑回路`) is a modifier: the
    // sentence speaks of the head, not of it.
    const mentions = outermost(byHolder.get(h.key) ?? []).filter(
      (m) => h.lang !== 'zh' || !startsWithHeadToken(text, m.end),
    );
    const slots: Slot[] = mentions.map((m) => ({
      start: m.start,
      end: m.end,
      concepts: [{ key: m.concept, category: m.category }],
      pronoun: false,
    }));
    const history =
      prev && prev.holder.paragraph === h.paragraph
        ? sentences.slice(-3).filter((s) => s.holder.paragraph === h.paragraph)
        : [];
    for (const p of findAnaphors(h, slots, history, topic, memory)) slots.push(p);
    sortSmall(slots, byStart);
    const s: Sentence = {
      holder: h,
      text: h.normText && h.normText.length === h.text.length ? h.normText : h.text,
      slots,
      hedged: h.hedged ?? isHedged(h.text),
      index: sentences.length,
    };
    sentences.push(s);
    prev = s;
  }

  const emit = (
    s: Sentence,
    subj: Slot,
    obj: Slot,
    option: PredicateOption,
    cue: string,
    confidence: number,
    negated: boolean,
  ) => {
    const a = pick(subj, option.subject);
    const b = pick(obj, option.object);
    if (!a || !b || a.key === b.key) return;
    const conf = confidence * (subj.pronoun || obj.pronoun ? 0.85 : 1);
    if (conf < MIN_CONFIDENCE) return;
    let [x, y] = [a.key, b.key];
    if (SYMMETRIC_PREDICATES.has(option.predicate) && y < x) [x, y] = [y, x];
    const attrs: RelationAttributes = {
      kind: 'relation',
      predicate: option.predicate,
      evidence: [s.holder.key],
      cues: [cue],
      confidence: Math.round(conf * 100) / 100,
      hedged: s.hedged,
      negated,
    };
    out.push({ subject: x, object: y, attributes: attrs });
    for (const [slot, c] of [
      [subj, a],
      [obj, b],
    ] as const) {
      if (slot.pronoun)
        pronounMentions.push({
          holder: s.holder.key,
          concept: c.key,
          start: slot.start,
          end: slot.end,
          surface: s.holder.text.slice(slot.start, slot.end),
          via: 'pronoun',
          category: c.category,
        });
    }
  };

  for (const s of sentences) {
    if (s.slots.length < 2) continue;
    const zh = s.holder.lang === 'zh';
    const used = new Set<string>();
    const hits = cueHits(s);
    // Modifier phrases first: `氯胺酮诱导的突触生成`, `ketamine-induced synaptogenesis`.
    if (zh) {
      for (const h of hits) {
        if (h.cue.voice !== 'active' || s.text[h.end] !== '的') continue;
        const subj = s.slots.find((x) => x.end === h.start || (x.end === h.start - 1 && s.text[h.start - 1] === '所'));
        const obj = s.slots.find((x) => x.start >= h.end + 1 && x.start <= h.end + 2);
        if (!subj || !obj) continue;
        const opt = fit(h.cue.family, subj, obj);
        if (opt) {
          emit(s, subj, obj, opt, h.text, h.cue.confidence + 0.1, false);
          used.add(`${h.start}`);
        }
      }
    } else {
      for (const [re, family] of EN_NP_SUFFIX) {
        for (const m of execAll(re, s.text)) {
          const cs = m.index;
          const ce = cs + m[0].length;
          const subj = s.slots.find((x) => x.end === cs);
          const obj = s.slots.find((x) => x.start >= ce && x.start <= ce + 1);
          if (!subj || !obj) continue;
          const opt = fit(family, subj, obj);
          if (opt) {
            emit(s, subj, obj, opt, m[0].slice(1), 0.8, false);
            used.add(`${cs}`);
          }
        }
      }
    }
    for (const h of hits) {
      if (used.has(`${h.start}`)) continue;
      // `的急剧增加` is a noun, not a verb with a subject and an object.
      if (
        zh &&
        h.cue.voice === 'active' &&
        /的\p{Script=Han}{0,2}$/u.test(s.text.slice(Math.max(0, h.start - 3), h.start))
      )
        continue;
      // A cue inside a concept's name (`抑制` in `抑制性神经元`) is no cue.
      if (s.slots.some((x) => !x.pronoun && x.start <= h.start && x.end >= h.end)) continue;
      const found = readCue(s, h.cue, h.start, h.end);
      if (!found) continue;
      for (const r of found) emit(s, r.subj, r.obj, r.option, h.text.trim(), r.confidence, r.negated);
    }
    frameRelations(s, sentences, headings, byHolder, emit);
  }
  headingRelations(headings, sentences, byHolder, out);
  return { relations: dedupe(out), pronounMentions };
}

/** Keeps the best-confidence copy of each (subject, predicate, object, evidence). */
function dedupe(rels: ExtractedRelation[]): ExtractedRelation[] {
  const best = new Map<string, ExtractedRelation>();
  for (const r of rels) {
    const k = `${r.subject}|${r.attributes.predicate}|${r.object}|${r.attributes.evidence[0]}`;
    const o = best.get(k);
    if (!o || o.attributes.confidence < r.attributes.confidence) best.set(k, r);
  }
  return [...best.values()];
}

const byStart = (a: Slot, b: Slot) => a.start - b.start;
const outerFirst = (a: FoundMention, b: FoundMention) => a.start - b.start || b.end - a.end;

/** Mentions not nested inside another (a link inside a longer vocabulary match counts once, as the longer). */
function outermost(ms: FoundMention[]): FoundMention[] {
  const sorted = sortSmall([...ms], outerFirst);
  const out: FoundMention[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start >= last.start && m.end <= last.end) continue;
    out.push(m);
  }
  return out;
}

function pick(slot: Slot, cats: readonly Category[]): { key: string; category: Category } | null {
  return slot.concepts.find((c) => cats.includes(c.category)) ?? null;
}

function fit(family: Family, subj: Slot, obj: Slot): PredicateOption | null {
  for (const o of FAMILY_OPTIONS[family]) if (pick(subj, o.subject) && pick(obj, o.object)) return o;
  return null;
}

interface Reading {
  subj: Slot;
  obj: Slot;
  option: PredicateOption;
  confidence: number;
  negated: boolean;
}

/** The clause around [cs, ce): from the last clause mark before it to the first after it. */
function clauseBounds(text: string, cs: number, ce: number, zh: boolean): [number, number] {
  const isMark = (i: number) => {
    const c = text.charCodeAt(i);
    if (zh) return CLAUSE_MARK_ZH.has(c);
    // `,` or `.` before white space or the end.
    return (
      CLAUSE_MARK_EN.has(c) ||
      ((c === 44 || c === 46) && (i + 1 >= text.length || isWhiteSpaceCode(text.charCodeAt(i + 1))))
    );
  };
  let a = cs;
  while (a > 0 && !isMark(a - 1)) a--;
  let b = ce;
  while (b < text.length && !isMark(b)) b++;
  return [a, b];
}

function negatedBefore(text: string, from: number, cs: number, zh: boolean): boolean {
  const before = text.slice(Math.max(from, cs - (zh ? 6 : 30)), cs);
  if (zh) return ZH_NEGATION.test(before) && !ZH_NOT_NEGATION.test(text.slice(Math.max(0, cs - 6), cs + 2));
  return EN_NEGATION.test(before);
}

/** Mentions joined to `anchor` by coordination (`A和B`, `A, B and C`), in text order. */
function coordinated(s: Sentence, anchor: Slot, within: Slot[], zh: boolean): Slot[] {
  const i = within.indexOf(anchor);
  const group = [anchor];
  const coord = zh ? COORD_ZH : COORD_EN;
  for (let j = i - 1; j >= 0; j--) {
    if (!coord.test(s.text.slice(within[j]!.end, group[0]!.start))) break;
    group.unshift(within[j]!);
  }
  for (let j = i + 1; j < within.length; j++) {
    if (!coord.test(s.text.slice(group[group.length - 1]!.end, within[j]!.start))) break;
    group.push(within[j]!);
  }
  return group;
}

function readCue(s: Sentence, cue: Cue, cs: number, ce: number): Reading[] | null {
  const zh = s.holder.lang === 'zh';
  const [a, b] = clauseBounds(s.text, cs, ce, zh);
  const left = s.slots.filter((x) => x.end <= cs && x.start >= a);
  const right = s.slots.filter((x) => x.start >= ce && x.end <= b);
  const negated = negatedBefore(s.text, a, cs, zh);
  const out: Reading[] = [];
  const options = FAMILY_OPTIONS[cue.family];

  if (cue.voice === 'pair') {
    // A symmetric cue: the nearest fitting concept on each side (a Chinese right side by its head, the last
    // noun of the phrase); mentions inside the cue (`在情绪稳定剂的保护伞下`) stand on its right.
    const inner = s.slots.filter((x) => x.start >= cs && x.end <= ce);
    let after = [...inner, ...right];
    let nearLeft = [...left].reverse();
    // `与X相比，Y…`: a comparison may close its clause; the other side is then in the next clause (and
    // `X…，与Y相比` in the previous one).
    if (cue.family === 'contrast' && nearLeft.length === 1 && !after.length)
      after = s.slots.filter((x) => x.start >= b).slice(0, 1);
    else if (cue.family === 'contrast' && !nearLeft.length && after.length === 1)
      nearLeft = s.slots
        .filter((x) => x.end <= a)
        .reverse()
        .slice(0, 1);
    const pairs: [Slot, Slot][] = [];
    const headRight = zh ? (lastBeforeNextCue(s, after, ce) ?? after[0]) : after[0];
    if (nearLeft.length && headRight) pairs.push([nearLeft[0]!, headRight]);
    if (nearLeft.length >= 2) pairs.push([nearLeft[1]!, nearLeft[0]!]);
    if (after.length >= 2 && !nearLeft.length) pairs.push([after[0]!, after[1]!]);
    for (const [x, y] of pairs) {
      const opt = options.find(
        (o) => (pick(x, o.subject) && pick(y, o.object)) || (pick(y, o.subject) && pick(x, o.object)),
      );
      if (!opt) continue;
      const forward = pick(x, opt.subject) && pick(y, opt.object);
      out.push({ subj: forward ? x : y, obj: forward ? y : x, option: opt, confidence: cue.confidence, negated });
      break;
    }
    return out;
  }

  // Passive voice: `Y由X介导`, `Y被X阻断`, `Y is induced by X`.
  let passive = false;
  if (zh) {
    const between = s.text.slice(a, cs);
    passive = /[由被]\S{0,12}$/.test(between) && left.length >= 1 && /[由被]/.test(between);
  } else {
    passive =
      /\b(?:is|are|was|were|be|been|being|gets?|got)\s+(?:\w+ly\s+)?$/i.test(s.text.slice(a, cs)) &&
      /^\s+by\b/i.test(s.text.slice(ce, ce + 4));
  }

  if (cue.voice === 'noun-after' && zh) {
    // `…触发转躁的风险`, `其具有滥用潜力`: the object stands just before the noun cue, the subject earlier.
    const obj = [...left].reverse().find((x) => x.end >= cs - 4);
    if (!obj) return null;
    const objIdx = s.slots.indexOf(obj);
    const subjCands = s.slots.slice(0, objIdx).reverse();
    for (const o of options) {
      if (!pick(obj, o.object)) continue;
      const subj = subjCands.find((x) => pick(x, o.subject));
      if (subj) return [{ subj, obj, option: o, confidence: cue.confidence, negated }];
    }
    return null;
  }

  let subjSide: Slot[];
  let objSide: Slot[];
  if (passive && zh) {
    // `Y由X介导`: the agent follows 由/被, the patient precedes it.
    const mark = Math.max(s.text.lastIndexOf('由', cs), s.text.lastIndexOf('被', cs));
    subjSide = left.filter((x) => x.start > mark);
    objSide = left.filter((x) => x.end <= mark);
  } else if (passive) {
    subjSide = right;
    objSide = left;
  } else {
    subjSide = left;
    objSide = right;
  }
  if (cue.family === 'include') [subjSide, objSide] = [objSide, subjSide];

  // `它们通过阻断SERT提高…`: what stands inside a `通过…`/`by …ing` phrase is the means, not the subject.
  const means = zh ? s.text.lastIndexOf('通过', cs) : -1;
  if (means >= a && !passive) subjSide = subjSide.filter((x) => x.end <= means);
  for (const o of options) {
    const subjects = subjSide.filter((x) => pick(x, o.subject));
    // `其` before a noun is a possessive (`导致其漂移`: its drift), never the object itself.
    const objects = objSide.filter(
      (x) => pick(x, o.object) && !(zh && x.pronoun && s.text.slice(x.start, x.end) === '其'),
    );
    let subj: Slot | undefined;
    let obj: Slot | undefined;
    const subjIsLeft = !(passive && !zh) && cue.family !== 'include';
    // The head of a Chinese phrase is its last word; an English object is the first noun after the verb.
    subj = subjIsLeft || zh ? subjects[subjects.length - 1] : subjects[0];
    if (zh) obj = passive ? objects[objects.length - 1] : lastBeforeNextCue(s, objects, ce);
    else obj = subjIsLeft ? objects[0] : objects[objects.length - 1];
    if (cue.family === 'include') {
      subj = subjects[0];
      obj = objects[objects.length - 1];
    }
    let conf = cue.confidence;
    let fromTopic = false;
    if (!subj && !passive) {
      fromTopic = true;
      // No subject in the clause: the topic of the sentence (Chinese drops repeated subjects), or the
      // relative clause's antecedent (`the vmPFC, which encodes priors`).
      // Only an agent is carried over (a disorder named earlier is rarely what acts), and not when the
      // clause has a subject of its own that names no concept (`我们了解到…`, `researchers…`).
      const before = s.slots.filter((x) => x.end <= a);
      const ownSubject = PERSONAL_SUBJECT.test(s.text.slice(a, cs));
      // A concept inside a clause that opens with a preposition (`向…大脑施用…`) is no topic either.
      const inPP = (x: Slot) => {
        const [xa] = clauseBounds(s.text, x.start, x.end, zh);
        return zh && /^[向对在从于给把将被]/.test(s.text.slice(xa).trimStart());
      };
      const agent = (x: Slot) =>
        !inPP(x) &&
        pick(
          x,
          o.subject.filter((c) => c !== 'Disorder'),
        );
      subj = ownSubject
        ? undefined
        : zh
          ? before.find(agent)
          : /^\s*(?:which|that|who)\b/i.test(s.text.slice(a, cs)) ||
              /,\s*(?:which|that)\s+$/i.test(s.text.slice(0, cs).slice(-20))
            ? [...before].reverse().find((x) => pick(x, o.subject))
            : undefined;
      conf -= 0.15;
    }
    if (!subj || !obj || subj === obj) continue;
    // A long gap between a side and the cue weakens the reading.
    const subjGap = !fromTopic && subj.end <= cs ? cs - subj.end : 0;
    const gap = Math.max(subjGap, obj.start >= ce ? obj.start - ce : 0);
    conf -= Math.min(0.2, gap / (zh ? 80 : 300));
    const objs = coordinated(s, obj, objSide, zh).filter((x) => pick(x, o.object));
    const subs = coordinated(s, subj, subjSide.includes(subj) ? subjSide : s.slots, zh).filter((x) =>
      pick(x, o.subject),
    );
    for (const x of subs)
      for (const y of objs) if (x !== y) out.push({ subj: x, obj: y, option: o, confidence: conf, negated });
    if (out.length) return out;
  }
  return null;
}

interface CueHit {
  cue: Cue;
  start: number;
  end: number;
  text: string;
}

// Cue words are found in sentences regardless of letter case, Chinese cues included (a Latin letter
// inside a Chinese cue's gap, `对…有效`, may be of either case).
const ZH_SCANNER = new CueScanner(ZH_CUES, { ignoreCase: true });
const EN_SCANNER = new CueScanner(EN_CUES, { ignoreCase: true });

/** The cue words of a sentence, in text order (computed once per sentence). */
function cueHits(s: Sentence): CueHit[] {
  if (s.hits) return s.hits;
  const zh = s.holder.lang === 'zh';
  const cues = zh ? ZH_CUES : EN_CUES;
  const out: CueHit[] = [];
  for (const m of (zh ? ZH_SCANNER : EN_SCANNER).scan(s.text))
    out.push({ cue: cues[m.cue]!, start: m.start, end: m.end, text: s.text.slice(m.start, m.end) });
  return (s.hits = out);
}

/** The last fitting object before the next cue word of the clause (a Chinese object phrase ends there). */
function lastBeforeNextCue(s: Sentence, objects: Slot[], ce: number): Slot | undefined {
  let limit = Infinity;
  for (const h of cueHits(s)) {
    if (h.start < ce || h.cue.voice !== 'active') continue;
    if (s.slots.some((x) => !x.pronoun && x.start <= h.start && x.end >= h.end)) continue;
    limit = h.start;
    break;
  }
  const within = objects.filter((x) => x.end <= limit);
  return within[within.length - 1] ?? objects[0];
}

/**
 * Pronouns and anaphoric phrases of a sentence, each with its candidate antecedents: the nearest concept
 * before it in the sentence, then the earlier sentences of the paragraph from their first mention (their
 * topic). `This framework` / `该理论` names the chapter's theory: its most mentioned Concept or Mechanism.
 */
function findAnaphors(
  h: Holder,
  slots: Slot[],
  history: Sentence[],
  topic: Slot['concepts'],
  memory: Map<string, Slot['concepts']>,
): Slot[] {
  const zh = h.lang === 'zh';
  const text = h.normText && h.normText.length === h.text.length ? h.normText : h.text;
  const out: Slot[] = [];
  const taken: [number, number][] = [];
  for (const [re, cat] of zh ? ZH_ANAPHORS : EN_ANAPHORS) {
    for (const m of execAll(re, text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken.some(([x, y]) => s < y && e > x)) continue;
      if (slots.some((x) => x.start < e && x.end > s)) continue;
      if (!zh && (m[0] === 'it' || m[0] === 'It') && isExpletive(text, s)) continue;
      // `其他`, `其中`, `其实`, `尤其`, `极其`, `及其` are not pronouns (`及其` is handled as coordination).
      if (zh && m[0] === '其' && (/^[他中实余次]/.test(text.slice(e)) || /[尤极及与]$/.test(text.slice(0, s))))
        continue;
      taken.push([s, e]);
      const cands: Slot['concepts'] = [];
      const theory = cat === 'Concept';
      const fits = (c: { category: Category }) =>
        !cat || (theory ? c.category === 'Concept' || c.category === 'Mechanism' : c.category === cat);
      const add = (sl: Slot) => {
        for (const c of sl.concepts) if (fits(c) && !cands.some((x) => x.key === c.key)) cands.push(c);
      };
      // `This framework, known as predictive coding`: an apposition names it, and later uses of the same
      // noun (`this framework`) keep naming it.
      const noun = theory ? m[0].toLowerCase().replace(/^(?:this|that|the)\s+|^(?:该|此|这个|这一|这种)|'s$/g, '') : '';
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
      before.forEach(add);
      for (let i = history.length - 1; i >= 0; i--) history[i]!.slots.forEach(add);
      if (!theory) topic.forEach((c) => add({ start: 0, end: 0, concepts: [c], pronoun: false }));
      if (cands.length) out.push({ start: s, end: e, concepts: cands.slice(0, 5), pronoun: true });
    }
  }
  return out;
}

type Emit = (
  s: Sentence,
  subj: Slot,
  obj: Slot,
  option: PredicateOption,
  cue: string,
  confidence: number,
  negated: boolean,
) => void;

const IMPLICATED: PredicateOption = {
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
function frameRelations(
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
      const idea = [...s.slots].reverse().find((x) => x.end <= m.index && m.index - x.end <= 3);
      const d = disorders.find((x) => x.start >= m.index + m[0].length && x.start - (m.index + m[0].length) <= 3);
      if (idea && d) emit(s, idea, d, NAMED_IDEA, m[0], 0.7, false);
    }
  }
  const dysRe = zh ? DYSFUNCTION_ZH : DYSFUNCTION_EN;
  const idx = s.index;
  const prev = idx > 0 && sentences[idx - 1]!.holder.paragraph === s.holder.paragraph ? sentences[idx - 1]! : null;
  const dysHere = execAll(dysRe, s.text);
  // Whether the previous sentence of the paragraph shows a sign too (asked only when it matters).
  const dysPrev = () => {
    if (!prev) return false;
    const found = dysRe.test(prev.text);
    dysRe.lastIndex = 0;
    return found;
  };

  // `在D中，是…C；在D2中，是…C2`: each frame clause group implicates its last structure.
  if (zh && (dysHere.length || dysPrev())) {
    let start = 0;
    for (const part of s.text.split(/[；;]/)) {
      const end = start + part.length;
      const frame = /^\s*在(.{1,30}?)中[，,]/.exec(part);
      if (frame) {
        const fd = disorders.filter((x) => x.start >= start && x.end <= start + frame[0].length);
        const structs = s.slots.filter(
          (x) => x.start >= start + frame[0].length && x.end <= end && pick(x, IMPLICATED.subject),
        );
        const head = structs[structs.length - 1];
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
    const hm = h ? (byHolder.get(h.key) ?? []) : [];
    inView = hm
      .filter((m) => m.category === 'Disorder')
      .map((m) => ({ start: -1, end: -1, concepts: [{ key: m.concept, category: m.category }], pronoun: false }));
  }
  if (!inView.length) return;
  for (const m of dysHere) {
    const cs = m.index;
    const ce = cs + m[0].length;
    // In Chinese, a disorder of this sentence is in view only in the sign's own clause (the next clause
    // often turns to other disorders: `…减弱的状态，那么其他精神疾病…`).
    let view = inView;
    if (zh && inView.some((x) => x.start >= 0)) {
      const [ca, cb] = clauseBounds(s.text, cs, ce, true);
      const near = inView.filter((x) => x.start >= ca && x.end <= cb);
      view = near.length ? near : inView.filter((x) => x.end <= cs).slice(-1);
      if (!view.length) continue;
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

/**
 * A heading that states a relation without its subject (`在数小时内治疗抑郁症`) speaks of its section's
 * main concept: the one of fitting category its sentences mention most. The evidence is the first
 * sentence of the section that names that concept.
 */
function headingRelations(
  headings: Holder[],
  sentences: Sentence[],
  byHolder: Map<string, FoundMention[]>,
  out: ExtractedRelation[],
): void {
  for (const h of headings) {
    const hm = outermost(byHolder.get(h.key) ?? []);
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
