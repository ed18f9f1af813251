/**
 * Typed relations from cue patterns: for each sentence, every cue (cues.ts) is read with its voice
 * (active, passive, modifier phrase, noun cue, symmetric pair), its two sides are found among the
 * sentence's mentions by position and category, pronouns (`它`, `其`, `it`, `this drug`) are resolved to
 * the salient concept of the sentence or paragraph, and negation and hedging are kept as attributes.
 * Two further patterns carry psychiatry's usual claims: a structure that works abnormally in a disorder
 * (`in PTSD, the fear circuit…`, `the vmPFC should be hyperactive`) and a named hypothesis of a disorder.
 */
import type { Category, RelationAttributes } from '../model/types';
import { SYMMETRIC_PREDICATES } from '../model/types';
import { isHedged } from './hedging';
import {
  EN_CUES,
  EN_NEGATION,
  EN_NP_SUFFIX,
  FAMILY_OPTIONS,
  RELIEVING,
  ZH_COMORBID,
  REVERSED_FAMILIES,
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
import {
  startsWithDrugHead,
  startsWithHeadToken,
  startsWithVerbHead,
  type FoundMention,
  type Holder,
} from './mentions';
import { isWhiteSpaceCode } from '../text/whitespace';
import { namedCauses, namedTargets, readIsa, readMembers, roleTargets, surfaceKey } from './class-relations';
import { findAnaphors } from './anaphors';
import { conversions } from './conversions';
import { settingFrames } from './setting-frames';
import { administrationFrames } from './administration-frames';
import { originFrames } from './origin-frames';
import { useFrames } from './use-frames';
import { adverseEffects, isAdverseNoun } from './adverse-effects';
import { polarized } from './polarity';
import { emptyList } from './empty-list';
import {
  clauseBounds,
  coordinated,
  hasAnyChar,
  pick,
  SENTENCE_SUBJECT,
  type CueHit,
  type Emit,
  type Reading,
  type Sentence,
  type Slot,
  ZH_CLAUSE_OPENER,
  outermost,
} from './relation-sentence';
import {
  contrastedClauses,
  frameRelations,
  genitiveParts,
  headingPairs,
  headingRelations,
  IMPLICATED,
  implicitDisorder,
  endsWithColon,
  listParts,
  nextParagraphs,
  TREATMENT_NOUN_WORDS,
  TREATS,
} from './frame-relations';

const PERSONAL_SUBJECT =
  /我们|你们|他们|人们|患者|研究人员|研究者|科学家|医生|\b(?:we|you|they|researchers|scientists|clinicians|patients)\b/i;
// `由`/`被`/`受(到)` before a cue mark its agent; `由于` (because), `经由` (by way of), `被认为` (is thought to),
// `受体` (receptor) do not.
const ZH_PASSIVE =
  /(?<![经理缘])由(?!于|此)|被(?!认为|视为|称为|称作|证明|发现|看作|描述|用来|用于|广泛|批准|推荐|获准)|受到|受(?![体试损益者伤限])/g;
/** A Chinese cleft after a cue: `[决定]Y的(不)是X`, `[导致]Y的正是X`. */
const ZH_CLEFT = /^([^，。；：,;:]{1,30}?)的(?:主要|正|恰恰|往往|通常|并)?(不是|并非|并不是|是|就是|正是|乃是)/;
/** `…不是A，而是B`: the clause that corrects a denied cleft. */
const ZH_CORRECTION = /^[，,]\s*(?:而|却)?(?:是|正是)/;
const BRACKETED = /[（(][^（）()]*[）)]/g;
/** Families whose cue names a sign of what the clause is about (`以X为特征`, `用X来衡量`). */
const SIGN_FAMILIES: ReadonlySet<Family> = new Set<Family>(['signature', 'measure']);
/** A lowering verb before a risk cue (`reduces the risk of`, `降低罹患X的风险`). */
const EN_LOWERED_RISK =
  /\b(?:lower|reduc|decreas|diminish|cut|halv|minimi[sz])\w*\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?$/i;
const ZH_LOWERED_RISK = /(?:降低|减少|减轻|减小)[^，。；]{0,16}$/;
/** `and thereby`, `and also`, `but may`: a verb coordinated with the one before it. */
/** Before a clause's subject: nothing, or an article or a short modifier (`the activated microglia`). */
const EN_CLAUSE_OPENING = /^\s*(?:(?:the|these|this|those|both|all|such|activated|reactive|infiltrating)\s+)?$/i;
/** The first word after a name. */
const EN_FIRST_WORD = /^\s*([\w']+)/;
/** Words after a name that continue it rather than open its verb phrase. */
const EN_NOT_A_VERB =
  /^(?:of|in|on|at|from|with|to|into|within|by|for|via|and|or|but|s|that|which|who|whose|as|than|like|such|including|alone|itself|themselves)$/i;
const EN_VERB_AND =
  /^\s+(?:and|or|but)\s+(?:(?:thereby|thus|then|also|so|\w+ly)\s+)*(?:(?:may|might|can|could|will|would|do|does|did)\s+(?:\w+ly\s+)?)?$/i;
/**
 * Between a Chinese object and the next verb: a conjunction that joins the two verbs (`增强X和抑制Y`), after
 * what may end the object's phrase (`增强 GABA 能传递和抑制…`).
 */
/**
 * Whether [from, to) is empty or holds nothing but names and a word of place after them (`肾上腺中`); a name alone
 * is the object of the verb before it (`阻断钠通道减少谷氨酸的释放`: two verbs, one subject).
 */
function placeOnly(s: Sentence, from: number, to: number): boolean {
  if (from === to) return true;
  let rest = '';
  let at = from;
  for (const x of s.slots) {
    if (x.end <= from || x.start >= to) continue;
    rest += s.text.slice(at, x.start);
    at = x.end;
  }
  rest += s.text.slice(at, to);
  return ZH_PLACE_WORD.test(rest);
}
const ZH_PLACE_WORD = /^[中内里上]的?$/;
/** After a place named in `在…`: `中`, `内`, `里`, `上`. */
const ZH_PLACE_AFTER = /^(?:中|内|里|上)/;
/** After a Chinese object: `的` and a noun, the head a relative clause describes. */
const ZH_DE_NOUN = /^的[\u4e00-\u9fff]/;
const ZH_VERB_AND = /^\s*[\u4e00-\u9fff]{0,4}(?:和|及|以及)\s*$/;
/** Between an object and a disorder it is found in (`X death in D`, `X in patients with D`). */
const EN_IN_DISORDER = /^\s+(?:[\w-]+\s+)?in\s+(?:(?:patients|people|individuals|those|adults|children)\s+with\s+)?$/i;
/** Families whose object may be a property of a concept named by a possessive (`其严重程度`, `其最常见的原因`). */
const OF_PROPERTY: ReadonlySet<Family> = new Set<Family>(['measure', 'signature', 'reflect', 'origin']);
const PREVENTS: PredicateOption = { predicate: 'prevents', subject: ['Intervention'], object: ['Disorder'] };
/** Before an English object: `the risk of`, `the incidence of` (`lowers the risk of sudden death`). */
const EN_RISK_BEFORE = /\b(?:risk|risks|incidence|likelihood|chance|odds|rate)\s+of\s+(?:[\w-]+\s+){0,2}$/i;
/** After a Chinese object: `的风险`, `的发生率` (`降低卒中的风险`). */
const ZH_RISK_AFTER = /^(?:的)?(?:风险|危险|发生率|发病率|发生风险|复发风险)/;

/** Whether the object of a relieving cue is named as its risk or incidence. */
function riskOf(text: string, y: Slot, ce: number, zh: boolean): boolean {
  if (zh) return y.start >= ce && ZH_RISK_AFTER.test(text.slice(y.end, y.end + 5));
  return y.start >= ce && EN_RISK_BEFORE.test(text.slice(Math.max(ce, y.start - 40), y.start));
}

/** A comparative adverb right before `than` (`more effectively`, `less often`). */
const EN_ADVERB_COMPARATIVE = /\s(?:more|less)\s+\w+ly\s*$/i;
/** A copula and a comparative between a clause's subject and `than` (`is more effective for X`). */
const EN_COMPARATIVE = /^\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:more|less|better|worse|safer|\w{3,}er)\b/i;
/**
 * `by` after an English participle, past an adverb of degree (`driven mainly by`) or a short phrase of
 * source or place (`synthesised from Z by`).
 */
const EN_BY_AGENT =
  /\s+(?:(?:mainly|mostly|largely|partly|primarily|chiefly|principally|predominantly|in part|directly|indirectly)\s+)?(?:(?:from|in|at|on|into|within)\s+(?:the\s+|an?\s+)?[\w-]+(?:\s+[\w-]+){0,3}?\s+)?by\b/iy;
/** A verb of the third person singular (`inhibits`, `reduces`), as a cue's first word is written. */
const EN_SINGULAR_VERB = /^[a-z]+[^s\s]s\b/i;
/** Between an object and a receptor it is acted on through (`X transmission through the`). */
const EN_MEANS_TAIL = /^\s+(?:[\w-]+\s+){0,2}?(?:through|via)\s+(?:the\s+|its\s+)?$/i;
const ACTS_ON: PredicateOption = {
  predicate: 'interacts_with',
  subject: ['Intervention', 'Molecule'],
  object: ['Molecule'],
};
const EN_OF_AFTER = /^\s+of\s/;
const EN_ARTICLE_BEFORE = /\b(?:the|a|an|its|their)\s+$/i;
/** A name after a noun of blocking or loss (`blockade of`, `loss of the`): the name does not act. */
const EN_BLOCKED_OF = /\b(?:blockade|inhibition|antagonism|blocking|loss|lack|deletion|knockout)\s+of\s+(?:the\s+)?$/i;
/** A sentence's leading frame of patients (`For some patients with`, `In people with`). */
const EN_PATIENT_FRAME =
  /^\s*(?:for|in|among)\s+(?:\w+\s+){0,2}?(?:patients|people|individuals|adults|children|those)\s+with\s+/i;
/** Before a participle used as an adjective (`than prolonged acute pain`, `the activated receptor`). */
/** Between a verb and a disorder: an effect seen in it, therapeutic (group 1) or not (`antidepressant effects in`). */
const EN_EFFECTS_IN =
  /^\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){0,2}?(?:(antidepressant|anxiolytic|antipsychotic|analgesic|anticonvulsant|antiepileptic|therapeutic|beneficial|protective|clinical)\s+)?(?:effects?|benefits?|responses?|improvements?)\s+(?:in|on|among|for)\s+(?:(?:patients|people|adults|children)\s+with\s+)?(?:the\s+)?$/i;
/** After an English object: its examples (`, including`, `, such as`, `, particularly`). */
const EN_OBJECT_EXAMPLES =
  /^\s*(?:\([^()]{0,40}\)\s*)?,\s*(?:including|such as|e\.g\.,?|particularly|especially|notably)\s+(?:the\s+)?$/i;
/** Before a comparative: a word of degree (`much lower`, `at even lower doses`). */
const EN_DEGREE_BEFORE = /\b(?:much|even|far|slightly|somewhat|considerably|significantly|at)\s+$/i;
const EN_ADJECTIVE_BEFORE = /\b(?:than|a|an|the|of|with|for|from|to|as|its|their)\s+$/i;
/** A word that opens a phrase or a clause of its own (`by cues in addiction`): what follows is not the agent. */
const EN_PHRASE_WORD = /\b(?:in|from|at|on|with|for|to|into|within|which|that|who)\b/i;
/** Cues that may head an English object (`lowers the risk of X`, `a marker of Y`, `part of Z`): no next verb. */
const OBJECT_NOUN_FAMILIES: ReadonlySet<Family> = new Set<Family>(['risk', 'marker', 'part']);
const EN_AND_BEFORE = /\b(?:and|or)\s+(?:\w+ly\s+)?$/i;
/** Between a leading phrase and the main clause's subject (`By preventing X, the drugs`). */
const EN_MAIN_SUBJECT_GAP = /^[,\s]*(?:the\s+|these\s+|such\s+)?$/i;
/** `by` and a gerund cue (`by releasing`, `by suppressing`). */
const EN_BY_GERUND = /\bby\s+[a-z]+ing\b/i;
/** An English clause that opens with a relative pronoun (`, which also inhibits…`). */
const EN_RELATIVE_OPENER = /^\s*(?:which|that|who)\b/i;
const EN_RELATIVE_WORD = /\b(?:which|that|who)\b/gi;
/** Between a relative clause's antecedent and its pronoun: a gloss in brackets, a comma. */
const EN_RELATIVE_GAP = /^\)?\s*(?:\([^()]{0,60}\)\s*)?,?\s*$/;
/** A relative clause between a verb and a noun: the noun belongs to the clause. */
const EN_RELATIVE = /\b(?:that|which|who|whom|whose|where)\b/i;
/** A prepositional phrase between a subject's head and a later noun (`serotonin around the cell bodies`). */
const EN_PP_GAP =
  /^\s+(?:[\w-]+\s+){0,2}?(?:around|in|of|at|on|within|near|across|from|inside|along|throughout)\s+(?:the\s+|a\s+|an\s+|these\s+|those\s+|its\s+|their\s+)?(?:[\w-]+\s+)?$/i;
/** Treatment heads that name no drug of their own (`antidepressant monotherapy`). */
const GENERIC_THERAPY = /^(?:monotherapy|therapy|treatment|pharmacotherapy|use|infusion|administration|exposure)$/i;
/** After a raising verb: a risk (`increases the risk of X`, `增加罹患X的风险`), so the relation is a risk. */
const ZH_RISK_AHEAD = /[^，。；,;]{0,16}?的(?:风险|易感性|可能性)/y;
const EN_RISK_AHEAD = /\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?(?:risk|likelihood|odds|incidence|chance)s?\s+of\b/iy;
/** What may open a clause before its verb when the subject is carried over (`and also`, `then`). */
const EN_VERB_OPENER =
  /^\s*(?:(?:and|or|then|also|thereby|thus|\w+ly)\s+)*(?:(?:can|may|might|could|will|would|must|should|does|do|did)\s+(?:\w+ly\s+)?)?$/i;
/** Generic cell heads (`…的神经元`): the structure they belong to is what acts. */
const GENERIC_CELLS = new Set(['concept:neuron', 'concept:cell']);
const ZH_VP_COORD = /^\s*(?:并且|并|而且|且|又|还)/;
/** A Chinese clause that lists examples (`如A、B和C`). */
const ZH_EXAMPLES_CLAUSE = /^\s*(?:例如|比如|诸如|如|包括)/;
/** A Chinese clause that opens with a preposition of company or comparison (`与阿片类药物合用时`). */
/** After a name: `上的`, `中的`, `表面的` — it says where the next name is. */
const ZH_PLACE_OF = /^(?:上|中|内|里|表面)的/;
/** Right after a structure: the verb of what it makes (`垂体分泌TSH`). */
const ZH_SECRETES = /^(?:分泌|释放|合成|产生)/;
const ZH_WITH_CLAUSE = /^\s*(?:则|并|而|且|也|还|亦)?(?:可以|可|能够|能|常常|常|通常|往往|需要|需)?(?:与|同|跟)/;
const ZH_PP_FRAME = /在[^，。；]{1,20}?(?:中|时|下|期间)/g;
/** Words that open a means phrase before a Chinese verb: what stands in it is not the subject. */
const ZH_MEANS = ['通过', '经由', '借助'];
/** A leading time or condition frame of a Chinese clause (`在恐惧评估时…`, `在应激状态下…`). */
const ZH_FRAME = /^\s*(?:而|并|则|且|也)?在[^，。；]{1,24}?(?:时|之时|期间|过程中|条件下|情况下|状态下)/;
/** After a blocking cue: the removal of a molecule (`the reuptake of X`, `X的再摄取`), so the molecule rises. */
const EN_REMOVAL = /\s+(?:the\s+)?(?:re-?uptake|breakdown|degradation|clearance|reabsorption|inactivation)\s+of\s+/iy;
const ZH_REMOVAL = /[^，。；,;]{1,20}?的(?:再摄取|重摄取|回收|降解|分解|灭活|清除)/y;
/** One common noun between two names of an English noun phrase (`the liver enzyme CYP2D6`). */
/** `CD20-positive B cells`, `GABA-releasing interneurons`: a name that marks what the head expresses or makes. */
const EN_MARKER_GAP = /^-(?:positive|negative|expressing|releasing|producing|secreting|containing|bearing)\s+$/i;
const EN_NOUN_GAP =
  /^\s+(?!(?:and|or|of|in|to|for|with|by|from|on|at|as|than|but|which|that|into|the|a|an|is|are|was|were|be|its|their|both|not|no|through|via|across|within|without|during|after|before|under|over|against|toward|towards|among|between|despite|because|while|when|where|if)\b)[a-z][a-z-]*\s+$/;
/**
 * An appositive or a parenthesis between a subject and the rest of its clause (`, such as A and B,`,
 * `, a drug developed for X,`, `, which…,`, `— A, B and C —`), then at most three words before the cue
 * (`turned out to`, `are also`).
 */
const EN_APPOSITIVE =
  /^\)?\s*(?:\w+ly\s*)?(?:\([^()]{0,60}\)\s*)?(?:,\s*(?:such as|including|like|e\.g\.,?|i\.e\.,?|namely|an?|the|its|their|which|who|whose|named|called|known|tested|given|developed|used|approved|originally|despite|with|particularly|especially|notably|once|now|first|initially|later|(?:\w+ly\s+)?\w+(?:ed|en))\b[^;:()—–]{0,160}?,|[—–][^—–;:]{1,160}[—–])\s*(?:[a-z]+\s+){0,3}$/i;
/** Examples of a class up to the verb (`such as A and B `). */
const EN_LIST_TAIL = /^\)?\s*(?:\([^()]{0,60}\)\s*)?,?\s*(?:such as|including|like|e\.g\.,?)\s[^;:()—–]{0,160}$/i;
const ZH_LIST_TAIL =
  /^[）)]?\s*(?:[（(][^（()）]{0,40}[）)])?\s*[（(]\s*(?:如|例如|比如|包括|诸如)[^（()）]{1,60}[）)]\s*$/;

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
  const headings = input.holders.filter((h) => h.isHeading);
  const sentences = chapterSentences(input, byHolder, headings);
  // The chapter's names by their surface (made when a sentence first asks): a cause named inside another name.
  let surfaces: Map<string, { key: string; category: Category }> | undefined;
  const named = (surface: string) => {
    if (!surfaces) {
      surfaces = new Map();
      for (const m of input.mentions)
        if (m.via !== 'pronoun') surfaces.set(surfaceKey(m.surface), { key: m.concept, category: m.category });
    }
    return surfaces.get(surfaceKey(surface));
  };
  const emit = relationSink(out, pronounMentions);
  for (const s of sentences) sentenceRelations(s, sentences, headings, byHolder, emit, named);
  listParts(sentences, emit);
  listContinuations(sentences, headings, byHolder, out, emit, named);
  headingRelations(headings, sentences, byHolder, out);
  headingPairs(headings, sentences, byHolder, out);
  return { relations: dedupe(out), pronounMentions };
}

// findRelations works in parts that V8 compiles one by one (see readCue).

/**
 * A lead-in that ends with a colon and the list items after it (paragraphs of their own, one after the
 * other in the same section) read as one sentence: `兴奋剂的不良反应…常见的包括：` + `失眠…` says that
 * stimulants carry a risk of insomnia. Each item is read with its lead-in before it, and a relation is
 * kept only when it joins a concept of the lead-in to one of the item (what either says alone was read
 * already); its evidence is both sentences.
 */
function listContinuations(
  sentences: Sentence[],
  headings: Holder[],
  byHolder: Map<string, FoundMention[]>,
  out: ExtractedRelation[],
  emit: Emit,
  named: (surface: string) => { key: string; category: Category } | undefined,
): void {
  for (let i = 0; i < sentences.length; i++) {
    const lead = sentences[i]!;
    if (!lead.slots.length || !endsWithColon(lead.text)) continue;
    // Only a lead-in left open reads on: a cue or an adverse-effect noun after its last name, or that noun last.
    const tail = lead.slots[lead.slots.length - 1]!;
    if (!isAdverseNoun(lead, tail) && !cueHits(lead).some((h) => h.start >= tail.end)) continue;
    const zh = lead.holder.lang === 'zh';
    const leadSlots = new Set(lead.slots);
    const opens = cueBeforeColon(lead);
    for (const item of nextParagraphs(sentences, i)) {
      if (!item.holder.listItem) break;
      if (!item.slots.length) continue;
      const shift = lead.text.length + (zh ? 0 : 1);
      const itemSlots = item.slots.map((x) => ({ ...x, start: x.start + shift, end: x.end + shift }));
      const joined: Sentence = {
        holder: item.holder,
        text: (opens ? openColon(lead.text) : lead.text) + (zh ? '' : ' ') + item.text,
        slots: [...lead.slots, ...itemSlots],
        hedged: lead.hedged || item.hedged,
        hits: undefined,
        masked: undefined,
        index: item.index,
      };
      const itemSet = new Set(itemSlots);
      const from = out.length;
      const cross: Emit = (s, subj, obj, option, cue, confidence, negated) => {
        const fromLead = (x: Slot) => leadSlots.has(x);
        if (!((fromLead(subj) && itemSet.has(obj)) || (itemSet.has(subj) && fromLead(obj)))) return;
        // A pronoun of the lead-in was resolved there; here it is read as what it stands for.
        const plain = (x: Slot) => (fromLead(x) && x.pronoun ? { ...x, pronoun: false } : x);
        const c = (subj.pronoun && fromLead(subj)) || (obj.pronoun && fromLead(obj)) ? 0.85 : 1;
        emit(s, plain(subj), plain(obj), option, cue, confidence * c, negated);
      };
      sentenceRelations(joined, sentences, headings, byHolder, cross, named);
      for (let k = from; k < out.length; k++) out[k]!.attributes.evidence = [lead.holder.key, item.holder.key];
    }
  }
}

/** What may stand between a lead-in's last cue and its colon when the items are the cue's object. */
const BEFORE_COLON = /^\s*(?:如下|以下|the following|as follows)?\s*[:：]\s*$/i;

/** Whether a lead-in ends with a cue and its colon (`典型表现包括：`, `presents with:`), not with a noun (`分为三期：`). */
function cueBeforeColon(lead: Sentence): boolean {
  const hits = cueHits(lead);
  const last = hits[hits.length - 1];
  return last !== undefined && BEFORE_COLON.test(lead.text.slice(last.end));
}

/**
 * A lead-in's closing colon as a space (same length, offsets unchanged): joined to an item, the colon opens
 * the cue's object (`典型表现包括：A和B`), it does not end the clause.
 */
function openColon(text: string): string {
  let k = text.length - 1;
  while (k >= 0 && isWhiteSpaceCode(text.charCodeAt(k))) k--;
  return `${text.slice(0, k)} ${text.slice(k + 1)}`;
}

/** The chapter's claims as sentences: their concept slots, pronouns and noun anaphors resolved. */
function chapterSentences(input: RelationInput, byHolder: Map<string, FoundMention[]>, headings: Holder[]): Sentence[] {
  const claims = input.holders.filter((h) => !h.isHeading);
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
  const topic: Slot['concepts'] = top && top[1].n >= 3 ? [{ key: top[0], category: top[1].category }] : emptyList();
  // The disorder the chapter's title names (`# Multiple Sclerosis and Neuroimmunology`): what `the disease` is.
  const title = headings[0];
  const titled = title
    ? (byHolder.get(title.key) ?? emptyList<FoundMention>()).find((m) => m.category === 'Disorder')
    : undefined;
  const disorderTopic: Slot['concepts'] = titled ? [{ key: titled.concept, category: 'Disorder' }] : emptyList();
  for (const h of claims) {
    const text = h.normText && h.normText.length === h.text.length ? h.normText : h.text;
    // A Chinese concept glued onto a head word it did not form a term with (`大脑回路`) is a modifier: the
    // sentence speaks of the head, not of it.
    const mentions = outermost(byHolder.get(h.key) ?? emptyList()).filter(
      (m) =>
        h.lang !== 'zh' ||
        !startsWithHeadToken(text, m.end) ||
        (m.category === 'Circuit' && startsWithVerbHead(text, m.end)) ||
        // (`多巴胺由酪氨酸合成`: after `由` the name is the source the verb makes it from.)
        (text[m.start - 1] === '由' && startsWithVerbHead(text, m.end)) ||
        startsWithDrugHead(text, m.end),
    );
    // (A list of objects even when empty: `map` gives an empty list the kind a `[]` literal has.)
    const slots = emptyList<Slot>();
    for (const m of mentions)
      slots.push({ start: m.start, end: m.end, concepts: [{ key: m.concept, category: m.category }], pronoun: false });
    const history =
      prev && prev.holder.paragraph === h.paragraph
        ? sentences.slice(-3).filter((s) => s.holder.paragraph === h.paragraph)
        : emptyList<Sentence>();
    // A noun anaphor opening a paragraph (`描述这一过程的…`) may point back to the previous one's last sentence.
    const lastOfSection = prev && prev.holder.section === h.section ? prev : null;
    for (const p of findAnaphors(h, slots, history, topic, memory, lastOfSection, sentences, disorderTopic))
      slots.push(p);
    sortSmall(slots, byStart);
    // Every field present from the start, the lazily computed ones too: a property added later gives the
    // object another hidden class, and V8 threw away and recompiled the readers' optimised code each time.
    const s: Sentence = {
      holder: h,
      text: h.normText && h.normText.length === h.text.length ? h.normText : h.text,
      slots,
      hedged: h.hedged ?? isHedged(h.text),
      hits: undefined,
      masked: undefined,
      index: sentences.length,
    };
    sentences.push(s);
    prev = s;
  }
  return sentences;
}

/** The callback that records a relation in `out`, and in `pronounMentions` the pronouns it was read through. */
function relationSink(out: ExtractedRelation[], pronounMentions: FoundMention[]): Emit {
  return (s, subj, obj, option, cue, confidence, negated) => {
    const a = pick(subj, option.subject);
    const b = pick(obj, option.object);
    if (!a || !b || a.key === b.key) return;
    const conf = confidence * (subj.pronoun || obj.pronoun ? 0.85 : 1);
    if (conf < MIN_CONFIDENCE) return;
    let [x, y] = [a.key, b.key];
    if (SYMMETRIC_PREDICATES.has(option.predicate) && y < x) [x, y] = [y, x];
    const attrs: RelationAttributes = {
      kind: 'relation',
      // `GSK-3β的抑制可以增加BDNF`: a side that names a lack turns raising into lowering.
      predicate: polarized(s, subj, obj, option.predicate),
      evidence: [s.holder.key],
      cues: [cue],
      confidence: Math.round(conf * 100) / 100,
      hedged: s.hedged,
      negated,
    };
    out.push(
      option.member
        ? { subject: x, object: y, attributes: attrs, member: true }
        : { subject: x, object: y, attributes: attrs },
    );
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
}

/** The relations one sentence states. */
function sentenceRelations(
  s: Sentence,
  sentences: Sentence[],
  headings: Holder[],
  byHolder: Map<string, FoundMention[]>,
  emit: Emit,
  named: (surface: string) => { key: string; category: Category } | undefined,
): void {
  // A drug named by its target relates two concepts within one name (`CRH1受体拮抗剂`).
  if (s.slots.length) namedTargets(s, byHolder.get(s.holder.key) ?? emptyList(), emit);
  // `opioid-induced hyperalgesia`: a cause named inside a concept's name.
  if (s.slots.length) namedCauses(s, named, emit);
  // `A是B的拮抗剂`, `A is an X antagonist`, `A通过B受体…`: a target named by the drug's role.
  if (s.slots.length >= 2) roleTargets(s, byHolder.get(s.holder.key) ?? emptyList(), emit);
  // `X是中重度患者的首选治疗` under a disorder's heading: the treatment's object is the section's disorder.
  if (
    s.holder.lang === 'zh' &&
    s.slots.length &&
    (s.text.includes('治疗') || s.text.includes('疗法')) &&
    hasAnyChar(s.text, TREATMENT_NOUN_WORDS)
  )
    for (const h of cueHits(s)) if (h.cue.family === 'treat') implicitDisorder(s, h, headings, byHolder, emit);
  if (s.slots.length < 2) return;
  const zh = s.holder.lang === 'zh';
  const hits = cueHits(s);
  // Modifier phrases first: `氯胺酮诱导的突触生成`, `ketamine-induced synaptogenesis`.
  const used = modifierPhrases(s, hits, zh, emit);
  let lastReading: LastReading | undefined;
  for (const h of hits) {
    if (used.has(h.start)) continue;
    // `pain-inhibiting pathways`: a cue fused to a word by a hyphen is a modifier, not a verb.
    if (!zh && s.text[h.start - 1] === '-') continue;
    // `neurons release dopamine`: the bare `release` is a verb only with its object right after it (not
    // `glutamate release removes…`).
    if (!zh && /^release$/i.test(h.text)) {
      const next = s.slots.find((x) => x.start >= h.end);
      if (!next || !/^\s+(?:the\s+|a\s+)?$/i.test(s.text.slice(h.end, next.start))) continue;
    }
    // `more than prolonged acute pain`: a participle after an article or a preposition is an adjective.
    // (So is a bare `lower` there, or after a word of degree: `a lower risk`, `at much lower doses`.)
    if (!zh && h.cue.voice === 'active' && (/ed$/i.test(h.text) || /^lower$/i.test(h.text))) {
      const before = s.text.slice(Math.max(0, h.start - 12), h.start);
      if (EN_ADJECTIVE_BEFORE.test(before) || (/^lower$/i.test(h.text) && EN_DEGREE_BEFORE.test(before))) continue;
    }
    // `的急剧增加` is a noun, not a verb with a subject and an object.
    // `一种合成糖皮质激素`: after a classifier the cue is an adjective.
    if (zh && h.cue.voice === 'active' && !h.cue.nounHead && nounUse(s, h.start)) continue;
    // `未经治疗的患者`, `经抑制的…`: a cue between `(未)经` and `的` describes a noun; it is no verb.
    if (zh && s.text[h.end] === '的' && /(?:未经|经过|经)$/.test(s.text.slice(Math.max(0, h.start - 2), h.start)))
      continue;
    // A cue inside a concept's name (`抑制` in `抑制性神经元`) is no cue. (`不良反应`, `副作用`, concepts of their
    // own, are read by adverse-effects.ts.)
    if (s.slots.some((x) => !x.pronoun && x.start <= h.start && x.end >= h.end)) continue;
    const found =
      h.cue.voice === 'list'
        ? readMembers(s, h)
        : h.cue.voice === 'isa'
          ? readIsa(s, h)
          : readCue(s, h.cue, h.start, h.end, zh ? undefined : lastReading);
    if (!found) continue;
    const r0 = found[0];
    if (r0 && h.cue.voice !== 'list' && h.cue.voice !== 'isa' && r0.subj.end <= h.start)
      lastReading = { subj: r0.subj, objs: found.map((r) => r.obj), at: h.start };
    for (const r of found) emit(s, r.subj, r.obj, r.option, h.text.trim(), r.confidence, r.negated);
  }
  frameRelations(s, sentences, headings, byHolder, emit);
  adverseEffects(s, emit);
  conversions(s, emit);
  if (zh && s.text.includes('使')) causativeStates(s, emit);
  useFrames(s, emit);
  settingFrames(s, cueHits(s), emit);
  administrationFrames(s, emit);
  originFrames(s, emit);
  genitiveParts(s, emit);
  if (!zh && s.text.includes('whereas')) contrastedClauses(s, emit);
}

/** Modifier phrases (`氯胺酮诱导的突触生成`, `ketamine-induced synaptogenesis`); returns the starts of the cues they used. */
function modifierPhrases(s: Sentence, hits: CueHit[], zh: boolean, emit: Emit): Set<number> {
  const used = new Set<number>();
  if (zh) {
    for (const h of hits) {
      if (h.cue.voice !== 'active' || s.text[h.end] !== '的') continue;
      const subj = s.slots.find((x) => x.end === h.start || (x.end === h.start - 1 && s.text[h.start - 1] === '所'));
      const obj = s.slots.find((x) => x.start >= h.end + 1 && x.start <= h.end + 2);
      if (!subj || !obj) continue;
      const opt = fit(h.cue.family, subj, obj);
      if (opt) {
        emit(s, subj, obj, opt, h.text, h.cue.confidence + 0.1, false);
        used.add(h.start);
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
          used.add(cs);
        }
      }
    }
  }
  return used;
}

/**
 * Whether a Chinese verb cue at `cs` is used as a noun or an adjective: after `的` (`的急剧增加`; not the
 * `的` inside a name such as `氢化可的松`) or after a classifier (`一种合成糖皮质激素`). A verb of purpose after
 * `来`, `以` or `而` is a verb (`抑制合成皮质醇的酶来降低皮质醇水平`).
 */
function nounUse(s: Sentence, cs: number): boolean {
  const from = Math.max(0, cs - 3);
  const m = /的\p{Script=Han}{0,2}(?<![来以而])$|[一两几某][种类个]$/u.exec(s.text.slice(from, cs));
  if (!m) return false;
  const at = from + m.index;
  return !s.slots.some((x) => !x.pronoun && x.start <= at && x.end > at);
}

/** Keeps the best-confidence copy of each (subject, predicate, object, evidence). */
function dedupe(rels: ExtractedRelation[]): ExtractedRelation[] {
  // The relations of one sentence are few: they are compared field by field, in a list per sentence, rather
  // than by a key string made and hashed for each. (A `|` inside a field would let two keys run together:
  // then the keys themselves decide, as they always did.)
  const out: ExtractedRelation[] = [];
  const bySentence = new Map<string, number[]>();
  for (const r of rels) {
    const ev = r.attributes.evidence[0];
    if (ev === undefined || r.subject.includes('|') || r.object.includes('|') || ev.includes('|'))
      return dedupeByKey(rels);
    let seen = bySentence.get(ev);
    if (!seen) bySentence.set(ev, (seen = []));
    let at = -1;
    for (const j of seen) {
      const o = out[j]!;
      if (
        o.subject === r.subject &&
        o.object === r.object &&
        o.attributes.predicate === r.attributes.predicate &&
        o.member === r.member
      ) {
        at = j;
        break;
      }
    }
    if (at < 0) {
      seen.push(out.length);
      out.push(r);
    } else if (out[at]!.attributes.confidence < r.attributes.confidence) out[at] = r;
  }
  return out;
}

/** dedupe by one key string per relation. */
function dedupeByKey(rels: ExtractedRelation[]): ExtractedRelation[] {
  const best = new Map<string, ExtractedRelation>();
  for (const r of rels) {
    const k = `${r.subject}|${r.member ? 'member' : r.attributes.predicate}|${r.object}|${r.attributes.evidence[0]}`;
    const o = best.get(k);
    if (!o || o.attributes.confidence < r.attributes.confidence) best.set(k, r);
  }
  return [...best.values()];
}

const byStart = (a: Slot, b: Slot) => a.start - b.start;

function fit(family: Family, subj: Slot, obj: Slot): PredicateOption | null {
  for (const o of FAMILY_OPTIONS[family]) if (pick(subj, o.subject) && pick(obj, o.object)) return o;
  return null;
}

/** Whether `等` (or `等“`) ends just before `at`: examples named before their class. */
function isExampleEnd(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  return c === 0x7b49 || (text.charCodeAt(at - 2) === 0x7b49 && (c === 0x201c || c === 34 || c === 0x300c));
}

/** Where the last passive mark of `text[a, cs)` stands, if one is near enough to the cue to govern it; else -1. */
function zhPassiveMark(text: string, a: number, cs: number, slots: Slot[]): number {
  const between = text.slice(a, cs);
  let mark = -1;
  // (Read with the cue's first characters: `被批准用于` is no passive of `批准用于`.)
  for (const m of execAll(ZH_PASSIVE, text.slice(a, cs + 2))) {
    if (m.index >= between.length) break;
    const at = a + m.index;
    // A mark inside a name (`腹侧被盖区`) marks nothing.
    if (slots.some((x) => !x.pronoun && x.start <= at && x.end > at)) continue;
    // (A bracketed gloss between the mark and the cue does not count: `由X（gloss, X）产生`.)
    const span = between.length - m.index;
    if (span <= 21 || (span <= 80 && between.slice(m.index).replace(BRACKETED, '').length <= 21)) mark = at;
  }
  return mark;
}

/**
 * `决定膜电位的不是A，而是B`: a cue opening its clause, its object, `的是`, then its subject. A denied
 * subject (`不是A`) is kept as a negated reading; the correcting clause (`而是B`) gives the asserted one.
 */
function readCleft(s: Sentence, cue: Cue, ce: number, b: number): Reading[] | null {
  const m = ZH_CLEFT.exec(s.text.slice(ce, b));
  if (!m) return null;
  const objEnd = ce + m[1]!.length;
  const obj = s.slots.filter((x) => x.start >= ce && x.end <= objEnd).pop();
  if (!obj) return null;
  const out: Reading[] = [];
  const add = (from: number, negated: boolean) => {
    const [, to] = clauseBounds(s.text, from, from, true);
    // The head of the subject phrase: its last concept (`渗透率的绝对值` is about the absolute value).
    const subj = s.slots.filter((x) => x.start >= from && x.end <= to && x !== obj).pop();
    if (!subj) return to;
    const option = FAMILY_OPTIONS[cue.family].find((o) => pick(subj, o.subject) && pick(obj, o.object));
    if (option) out.push({ subj, obj, option, confidence: cue.confidence, negated });
    return to;
  };
  const denied = /[不非]/.test(m[2]!);
  const end = add(ce + m[0].length, denied);
  const fix = denied ? ZH_CORRECTION.exec(s.text.slice(end)) : null;
  if (fix) add(end + fix[0].length, false);
  return out.length ? out : null;
}

/**
 * The subject a Chinese clause without one carries over: the subject of the nearest earlier clause of the
 * sentence that opens with a concept (`A驱使…，而B则…，导致其漂移`: B, not A).
 */
/** A modifier phrase closed by `的`, with no clause break inside (`长期高水平的`). */
const ZH_DE_MODIFIER = /^[^，。；、：,;:]{1,8}的$/;

function clauseTopic(s: Sentence, before: Slot[], agent: (x: Slot) => unknown): Slot | undefined {
  let clauseStart = Infinity;
  for (let i = before.length - 1; i >= 0; i--) {
    const x = before[i]!;
    if (x.start >= clauseStart) continue;
    // A gloss in brackets (`（…, CBT）`) opens no clause of the sentence.
    if (inBrackets(s.text, x.start, 0)) continue;
    const [xa] = clauseBounds(s.text, x.start, x.end, true);
    clauseStart = xa;
    // `X，如A、B和C，…`: a clause of examples is no subject; the class before it is.
    if (ZH_EXAMPLES_CLAUSE.test(s.text.slice(xa, x.start))) continue;
    // A pronoun or a noun anaphor may open a clause as its subject (`同一套系统却…`); a possessive `其` may not.
    const first = before.find((y) => y.start >= xa && (!y.pronoun || s.text.slice(y.start, y.end) !== '其'));
    if (!first) continue;
    const opener = ZH_CLAUSE_OPENER.exec(s.text.slice(xa))![0].length;
    // (The sentence's first clause may write its topic with a short modifier, `缓释胍法辛…`, or with a phrase
    // closed by `的`, `长期高水平的皮质醇…`.)
    const pre = s.text.slice(xa + opener, first.start);
    if (pre.length > (xa === 0 ? 2 : 1) && !(xa === 0 && ZH_DE_MODIFIER.test(pre))) continue;
    // `5-羟色胺-去甲肾上腺素再摄取抑制剂文拉法辛…`: a class noun right before a name of its kind; the name is the head.
    const named = before.find(
      (y) => y.start === first.end && !y.pronoun && y.concepts[0]!.category === first.concepts[0]!.category,
    );
    const head = named && !first.pronoun ? named : first;
    if (agent(head)) return head;
  }
  return undefined;
}

/**
 * The carried-over subject of a Chinese clause for one predicate option: the nearest earlier clause's
 * opening concept when it fits (a disorder included: `慢性应激会导致…，抑制…`); when that opener does not
 * fit, none (the next option may take it); without an opener, the first agent of the sentence.
 */
function topicOf(
  s: Sentence,
  before: Slot[],
  inPP: (x: Slot) => boolean,
  agent: (x: Slot) => unknown,
  o: PredicateOption,
  clause: string,
): Slot | undefined {
  const opener = clauseTopic(s, before, (x) => !inPP(x) && (agent(x) || x.concepts[0]!.category === 'Disorder'));
  if (opener) return pick(opener, o.subject) ? opener : undefined;
  const found = clauseTopic(s, before, agent);
  // `…损害海马，并参与抑郁症`: a clause joined by `并` shares the earlier subject, never an earlier object.
  if (found || ZH_VP_COORD.test(clause)) return found;
  return before.find(agent);
}

/** The sentence with its names masked (`米非司酮` holds a `非` that negates nothing), computed once. */
function maskedText(s: Sentence): string {
  if (s.masked !== undefined) return s.masked;
  const parts: string[] = [];
  let at = 0;
  for (const x of s.slots) {
    if (x.pronoun || x.start < at) continue;
    parts.push(s.text.slice(at, x.start), (s.holder.lang === 'zh' ? '某' : 'x').repeat(x.end - x.start));
    at = x.end;
  }
  parts.push(s.text.slice(at));
  return (s.masked = parts.join(''));
}

/** A Chinese clause that advises against what it names (`不推荐单独使用X治疗Y`): nothing in it is asserted. */
const ZH_ADVISED_AGAINST = /^\s*(?:因此|所以|故|并|一般|通常)?(?:不推荐|不建议|不宜|不应|禁止|禁用|应避免|避免)/;

function negatedBefore(text: string, from: number, cs: number, zh: boolean): boolean {
  if (zh && ZH_ADVISED_AGAINST.test(text.slice(from, cs))) return true;
  const before = text.slice(Math.max(from, cs - (zh ? 6 : 30)), cs);
  if (zh) return ZH_NEGATION.test(before) && !ZH_NOT_NEGATION.test(text.slice(Math.max(0, cs - 6), cs + 2));
  return EN_NEGATION.test(before);
}

/** The subject before an appositive that ends just before the cue's clause (English), if any. */
function appositiveHead(s: Sentence, a: number, cs: number): Slot | undefined {
  for (let i = s.slots.length - 1; i >= 0; i--) {
    const x = s.slots[i]!;
    if (x.end > a) continue;
    if (cs - x.end > 220) break;
    if (EN_APPOSITIVE.test(s.text.slice(x.end, cs))) return x;
  }
  return undefined;
}

/** Whether `at` stands inside a bracket opened after `from` (`…（在啮齿类中则是X）`). */
function inBrackets(text: string, at: number, from: number): boolean {
  const open = Math.max(text.lastIndexOf('（', at), text.lastIndexOf('(', at));
  if (open < from) return false;
  const close = Math.max(text.lastIndexOf('）', at), text.lastIndexOf(')', at));
  return close < open;
}

/** The slots of a sentence from `at` on, and those ending by `at`. */
function slotsFrom(s: Sentence, at: number): Slot[] {
  const out: Slot[] = [];
  for (const x of s.slots) if (x.start >= at) out.push(x);
  return out;
}
function slotsUpTo(s: Sentence, at: number): Slot[] {
  const out: Slot[] = [];
  for (const x of s.slots) if (x.end <= at) out.push(x);
  return out;
}

/**
 * The class of an English `X such as A, B and C` whose examples run up to a cue at `cs` across commas,
 * when the clause at `a` opened inside the examples and no other cue stands among them.
 */
function listClass(s: Sentence, a: number, cs: number): Slot | undefined {
  let list: CueHit | undefined;
  for (const h of cueHits(s)) {
    if (h.start >= a) break;
    if (h.cue.voice === 'list') list = h;
    else if (list && h.cue.voice !== 'isa') list = undefined;
  }
  if (!list || list.text === '—' || list.text === '–') return undefined;
  const klass = s.slots.filter((x) => x.end <= list.start).pop();
  if (!klass || klass.pronoun || !EN_LIST_TAIL.test(s.text.slice(klass.end, cs))) return undefined;
  // Only names joined by commas and `and`/`or` between the cue of the list and the verb.
  const members = s.slots.filter((x) => x.start >= list.end && x.end <= cs);
  if (!members.length || !/^\s*(?:the\s+)?$/i.test(s.text.slice(list.end, members[0]!.start))) return undefined;
  for (let i = 1; i < members.length; i++)
    if (!/^\s*,?\s*(?:(?:and|or)\s+)?$/i.test(s.text.slice(members[i - 1]!.end, members[i]!.start))) return undefined;
  return /^\s*(?:all\s+|also\s+|both\s+)?$/i.test(s.text.slice(members[members.length - 1]!.end, cs))
    ? klass
    : undefined;
}

/**
 * `X teaches patients to recognise A, to cope with B…`: an English clause that is one of a series of
 * infinitives has the sentence's subject (the name that opens it).
 */
function infinitiveSubject(s: Sentence, a: number, cs: number): Slot | undefined {
  if (!/^\s*(?:and\s+|or\s+)?to\s+$/i.test(s.text.slice(a, cs))) return undefined;
  const first = s.slots[0];
  if (!first || first.pronoun || first.end > a || !SENTENCE_SUBJECT.test(s.text.slice(0, first.start)))
    return undefined;
  // Only where the sentence has an infinitive before (`…to recognise A, to cope with B`).
  return /\bto\s+\w+/.test(s.text.slice(first.end, a)) ? first : undefined;
}

/**
 * `Amphetamine enters the terminal and reverses it, releasing dopamine`: an English clause that opens with a
 * present participle after a comma has the sentence's subject (the name that opens it).
 */
function participleSubject(s: Sentence, cue: Cue, a: number, cs: number, ce: number): Slot | undefined {
  if (a === 0 || s.text.charCodeAt(a - 1) !== 44 || !/^\s*$/.test(s.text.slice(a, cs))) return undefined;
  // `…rapid repolarisation, driven mainly by IKr`: a past participle with its agent describes the name
  // right before the comma.
  if (/^[a-z]+(?:ed|en|wn)$/i.test(s.text.slice(cs, ce)) && stickyTest(EN_BY_AGENT, s.text, ce)) {
    const before = slotsUpTo(s, a - 1);
    const patient = before[before.length - 1];
    return patient && !patient.pronoun && /^\s*$/.test(s.text.slice(patient.end, a - 1)) ? patient : undefined;
  }
  if (REVERSED_FAMILIES.has(cue.family) || !/^[a-z]+ing\b/i.test(s.text.slice(cs, ce))) return undefined;
  const first = s.slots[0];
  return first && !first.pronoun && first.end < a && SENTENCE_SUBJECT.test(s.text.slice(0, first.start))
    ? first
    : undefined;
}

/** A sticky pattern tried at `at`. */
function stickyTest(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** Words in `text[from, to)` (runs of non-space), counted without a slice. */
function countWords(text: string, from: number, to: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const space = isWhiteSpaceCode(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Where the last relative pronoun of `text[a, cs)` stands, or -1. */
function lastRelative(text: string, a: number, cs: number): number {
  // (The sentence's relative pronouns are found once: every cue of the sentence asks.)
  if (text !== relativeText) {
    relativeText = text;
    relativeAt = [];
    for (const m of execAll(EN_RELATIVE_WORD, text)) relativeAt.push(m.index);
  }
  let at = -1;
  for (const x of relativeAt) {
    if (x >= cs) break;
    if (x >= a) at = x;
  }
  return at;
}
let relativeText = '';
let relativeAt: number[] = [];

/**
 * The antecedent of an English relative clause whose verb is at `cs`: the name just before its pronoun
 * (`BDNF, which reduces…`); a clause whose pronoun follows a plain noun (`kinase cascades that strengthen
 * synapses`) has none among the names.
 */
function relativeAntecedent(s: Sentence, relAt: number, o: PredicateOption): Slot | undefined {
  const x = slotsUpTo(s, relAt).pop();
  if (!x) return undefined;
  if (EN_RELATIVE_GAP.test(s.text.slice(x.end, relAt))) return pick(x, o.subject) ? x : undefined;
  // `Aβ is the initiating event that triggers tau pathology`: a relative clause on the predicate noun of a copula
  // (an event, a step, a factor) speaks of the copula's subject.
  return EN_COPULA_EVENT.test(s.text.slice(x.end, relAt)) && pick(x, o.subject) ? x : undefined;
}
/** Between a subject and a relative pronoun: a copula and a noun of what acts (`is the initiating event `). */
const EN_COPULA_EVENT =
  /^\s+(?:is|are|was|were)\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}?(?:event|step|factor|trigger|driver|mechanism|process|signal|molecule|pathway|structure|region)s?\s+$/i;

/**
 * `Lithium: can cause hypothyroidism`, `- **Valproate**: may cause weight gain`: an entry that opens with its term
 * and a colon speaks of that term (the clause opens right after the colon at `a`).
 */
function termOfEntry(s: Sentence, a: number): Slot | undefined {
  const first = s.slots[0];
  return first &&
    !first.pronoun &&
    /^\s*$/.test(s.text.slice(0, first.start)) &&
    /^\s*:\s*$/.test(s.text.slice(first.end, a))
    ? first
    : undefined;
}

/** The name just before the relative pronoun that opens an English clause at `a` (`tramadol, which…`). */
function relativeHead(s: Sentence, a: number, cs: number): Slot | undefined {
  const m = EN_RELATIVE_OPENER.exec(s.text.slice(a, cs));
  if (!m) return undefined;
  const at = a + m[0].length - m[0].trimStart().length;
  const x = slotsUpTo(s, at).pop();
  if (!x || !EN_RELATIVE_GAP.test(s.text.slice(x.end, at))) return undefined;
  // `beta blockers such as metoprolol, which reduce…`: a plural verb after a singular example speaks of the class.
  if (EN_PLURAL_VERB_AT.test(s.text.slice(cs, cs + 24)) && !/s$/i.test(s.text.slice(x.start, x.end))) {
    const klass = listClass(s, at, x.end);
    if (klass) return klass;
  }
  return x;
}
/** A verb in the plural (or the base form) after a relative pronoun: `reduce`, not `reduces`. */
const EN_PLURAL_VERB_AT = /^(?:[a-z]+[^s\W]|[a-z]+ss)\b(?!['’])/i;

/** `X, a reversible inhibitor of Y,`: a clause that is a noun-phrase appositive speaks of the noun before it. */
function npAppositiveHead(s: Sentence, a: number, cs: number): Slot | undefined {
  if (!/^\s*(?:an?|the)\s+(?:[\w-]+\s+){0,3}$/i.test(s.text.slice(a, cs))) return undefined;
  const x = s.slots.filter((y) => y.end <= a).pop();
  return x && /^\s*,\s*$/.test(s.text.slice(x.end, a)) ? x : undefined;
}

/**
 * `X raises A, promotes B and supports C`: an English clause that opens with its verb (after a comma or
 * `and`) has the subject of the sentence's previous reading, when that reading stands before the clause.
 */
function carriedSubject(s: Sentence, last: LastReading, a: number, cs: number, left: Slot[]): Slot | undefined {
  // `X blocks A and raises B`: A was the last object; the verb after `and` is X's.
  const near = left[left.length - 1];
  if (near) {
    if (!last.objs.includes(near)) return undefined;
    const between = s.text.slice(near.end, cs);
    return /^\s+and\s+/i.test(between) && EN_VERB_OPENER.test(between) ? last.subj : undefined;
  }
  if (last.at >= a || last.subj.end > a) return undefined;
  return EN_VERB_OPENER.test(s.text.slice(a, cs)) ? last.subj : undefined;
}

interface LastReading {
  subj: Slot;
  objs: Slot[];
  at: number;
}

/** A cue's clause: its bounds [a, b), the names on each side of the cue, its negation, the predicates it may mean. */
interface CueClause {
  zh: boolean;
  a: number;
  b: number;
  left: Slot[];
  right: Slot[];
  negated: boolean;
  options: PredicateOption[];
  /** Where the relative pronoun (`which`, `that`) whose clause holds the cue stands, or -1. */
  relAt: number;
  /** Whether the subject found is the head of a relative clause before the cue (see cueClause). */
  fromRelativeHead: boolean;
}

/**
 * The readings of the cue at [cs, ce) in s (null: none). In parts that V8 compiles one by one: rules that
 * fire rarely meet types or branches the optimised code has not seen, and V8 then throws that code away
 * and compiles the function again; one function of all the parts took up to 0.6 s of compiling each time,
 * again and again over the first thousand chapters a worker reads.
 */
function readCue(s: Sentence, cue: Cue, cs: number, ce: number, carried?: LastReading): Reading[] | null {
  const clause = cueClause(s, cue, cs, ce, carried);
  return cue.voice === 'pair' ? readPairCue(s, cue, cs, ce, clause) : readDirectedCue(s, cue, cs, ce, clause);
}

/** The cue's clause, its sides adjusted for appositives, coordinated verbs, lists and frames. */
function cueClause(s: Sentence, cue: Cue, cs: number, ce: number, carried: LastReading | undefined): CueClause {
  const zh = s.holder.lang === 'zh';
  const [a, b] = clauseBounds(s.text, cs, ce, zh);
  let left = s.slots.filter((x) => x.end <= cs && x.start >= a);
  // `the calcium that enters triggers cascades that strengthen synapses`: a verb inside a relative clause has
  // the clause's own subject or its antecedent, never a name before the relative pronoun.
  let relAt = zh ? -1 : lastRelative(s.text, a, cs);
  // `antibodies that neutralise CGRP prevent migraine`: past the verb of a subject relative clause, the main verb
  // (not coordinated with it) has the relative's antecedent.
  if (relAt >= 0 && !EN_AND_BEFORE.test(s.text.slice(Math.max(a, cs - 8), cs))) {
    const verb = cueHits(s).find(
      (h2) => h2.start > relAt && h2.end <= cs && h2.cue.voice !== 'list' && h2.cue.voice !== 'isa',
    );
    if (verb && !s.slots.some((x) => x.start > relAt && x.end <= verb.start)) {
      left = left.filter((x) => x.end <= relAt);
      relAt = -1;
    }
  }
  if (relAt >= 0) left = left.filter((x) => x.start > relAt);
  // A name inside the cue's span (`对双相障碍有效`, `turns dopamine down`) stands on its object side.
  let right = s.slots.filter((x) => (x.start >= ce && x.end <= b) || (x.start > cs && x.end < ce));
  // `，释放的去甲肾上腺素加剧心悸`: a Chinese cue before `的` with no subject of its own is a relative clause; its
  // object is the noun it describes, not what the main verb does.
  if (zh && !left.length && s.text[ce] === '的') right = right.filter((x) => x.start <= ce + 3);
  // `抑制合成皮质醇的酶`, `抑制肾上腺中合成皮质醇的酶`: a verb right after another (or after a place in its
  // object), whose object closes with `的` and a noun, opens a relative clause on that noun (the enzyme that makes
  // cortisol); no name before it is its subject.
  if (
    zh &&
    left.length &&
    right.length &&
    ZH_DE_NOUN.test(s.text.slice(right[0]!.end, right[0]!.end + 2)) &&
    cueHits(s).some(
      (h2) =>
        h2.end <= cs &&
        h2.start >= a &&
        h2.cue.voice === 'active' &&
        // (Not a cue inside a name: `长时程增强依赖于…`.)
        !s.slots.some((x) => !x.pronoun && x.start <= h2.start && x.end >= h2.end) &&
        placeOnly(s, h2.end, cs),
    )
  )
    left = [];
  // `that neutralise CGRP prevent migraine`: an English object stands before the clause's next verb.
  if (!zh && right.length) {
    const next = cueHits(s).find(
      (h2) =>
        h2.start >= ce &&
        h2.start < b &&
        h2.cue.voice === 'active' &&
        !OBJECT_NOUN_FAMILIES.has(h2.cue.family) &&
        // (A cue after an article is a noun: `stimulates the release of ACTH`.)
        !EN_ARTICLE_BEFORE.test(s.text.slice(Math.max(0, h2.start - 6), h2.start)) &&
        s.text[h2.start - 1] !== '-' &&
        !s.slots.some((x) => !x.pronoun && x.start <= h2.start && x.end >= h2.end),
    );
    if (next) right = right.filter((x) => x.start < next.start);
  }
  // `the usual cause of death in overdose`: a noun cue's object follows its `of` closely.
  if (!zh && EN_OF_AFTER.test(s.text.slice(ce, ce + 4)))
    right = right.filter((x) => x.start < ce || countWords(s.text, ce, x.start) <= 2);
  // Read again with the names masked when it fires (`米非司酮` holds a `非` that negates nothing).
  const negated = negatedBefore(s.text, a, cs, zh) && negatedBefore(maskedText(s), a, cs, zh);
  let options = FAMILY_OPTIONS[cue.family];
  // `the SNRIs, such as A and B, block…`, `imipramine, tested as…, turned out to relieve…`: a subject
  // separated from its verb by an appositive or a parenthesis.
  let fromRelativeHead = false;
  if (!zh && !left.length && (relAt < 0 || relAt === a || EN_RELATIVE_OPENER.test(s.text.slice(a, cs)))) {
    // Only a clause that opens at a comma or a dash, with at most three words before the cue, can follow one.
    const mark = s.text.charCodeAt(a - 1);
    // (A relative clause, `, which also inhibits…`, speaks of the name just before it, when one stands there.)
    const head =
      (mark === 44 || mark === 0x2014 || mark === 0x2013) && countWords(s.text, a, cs) <= 3
        ? (relativeHead(s, a, cs) ?? appositiveHead(s, a, cs) ?? npAppositiveHead(s, a, cs))
        : undefined;
    if (head && relativeHead(s, a, cs) === head) fromRelativeHead = true;
    const found =
      head ??
      (mark === 58 && countWords(s.text, a, cs) <= 3 ? termOfEntry(s, a) : undefined) ??
      (carried ? carriedSubject(s, carried, a, cs, left) : undefined) ??
      infinitiveSubject(s, a, cs) ??
      participleSubject(s, cue, a, cs, ce);
    if (found) left = [found];
  } else if (!zh && carried && relAt < 0) {
    const head = carriedSubject(s, carried, a, cs, left);
    if (head) left = [head];
  }
  // `this inhibits the interneurons and thereby disinhibits…`: the object of an earlier verb of the clause
  // is not the subject of a verb coordinated with it; what stood before that verb is.
  // (`增强X和抑制Y`: a Chinese `和` right before a verb joins two verbs, not two names.)
  if (
    left.length &&
    (zh
      ? ZH_VERB_AND.test(s.text.slice(left[left.length - 1]!.end, cs))
      : cs - left[left.length - 1]!.end >= 5 && EN_VERB_AND.test(s.text.slice(left[left.length - 1]!.end, cs)))
  ) {
    const x = left[left.length - 1]!;
    // The nearest verb before it in the clause: its subject (if any name stands before it) is this verb's.
    let verb: CueHit | undefined;
    for (const h2 of cueHits(s)) {
      if (h2.end > x.start) break;
      if (h2.start >= a && h2.cue.voice !== 'list' && h2.cue.voice !== 'isa' && h2.cue.voice !== 'pair') verb = h2;
    }
    if (verb) left = left.filter((y) => y.end <= verb!.start);
    // (`Microglia strip myelin from axons and release ROS`, `T cells are reactivated by APCs and release
    // cytokines`: with no cue verb before it, a name that opens the clause and a word that is no preposition
    // after it make that name the subject of both verbs.)
    else if (!zh && left[0] !== x && EN_CLAUSE_OPENING.test(s.text.slice(a, left[0]!.start))) {
      const after = EN_FIRST_WORD.exec(s.text.slice(left[0]!.end, x.start));
      if (after && !EN_NOT_A_VERB.test(after[1]!)) left = [left[0]!];
    }
  }
  // `By preventing X they relieve Y`: a gerund phrase opening the sentence has the main clause's subject.
  if (!zh && !left.length && a === 0 && /^\s*by\s+$/i.test(s.text.slice(a, cs))) {
    // (After a comma, the next clause's first name; without one, the first name after the object that a verb
    // follows: `By preventing X they relieve Y`.)
    const main = s.slots.find((x) => x.start >= b);
    const bare = right
      .slice(1)
      .find((x) =>
        cueHits(s).some(
          (h2) =>
            h2.start >= x.end && h2.cue.voice === 'active' && /^\s+(?:\w+ly\s+)?$/.test(s.text.slice(x.end, h2.start)),
        ),
      );
    if (bare) {
      left = [bare];
      right = right.filter((x) => x.end <= bare.start);
    } else if (main && EN_MAIN_SUBJECT_GAP.test(s.text.slice(b, main.start))) left = [main];
  }
  // `microglia contribute to X by releasing BDNF`: a gerund after `by` has the subject of its clause's verb, not
  // that verb's object.
  if (!zh && left.length > 1 && EN_BY_GERUND.test(s.text.slice(Math.max(a, cs - 4), ce))) {
    let verb: CueHit | undefined;
    for (const h2 of cueHits(s)) {
      if (h2.end > cs - 3) break;
      if (h2.start >= a && h2.cue.voice !== 'list' && h2.cue.voice !== 'isa') verb = h2;
    }
    const before = verb ? left.filter((y) => y.end <= verb.start) : [];
    left = before.length ? before : left.slice(0, 1);
  }
  // `inhibit both isoforms of the enzyme — MAO-A, …`: an object named after a dash or a colon.
  if (!zh && !right.length && /^[—–:]$/.test(s.text[b] ?? '')) {
    const next = s.slots.find((x) => x.start > b);
    if (next && /^[—–:]\s*$/.test(s.text.slice(b, next.start))) right = [next];
  }
  // `Anxiolytics such as A and B reduce…`, `抗精神病药（如A和B）阻断…`: the class is the subject, its
  // examples are not.
  if (left.length > 1 && cueHits(s).some((h) => h.cue.voice === 'list' && h.start >= a && h.end <= cs)) {
    const k = left.findIndex((x) => (zh ? ZH_LIST_TAIL : EN_LIST_TAIL).test(s.text.slice(x.end, cs)));
    if (k >= 0) left = left.slice(0, k + 1);
  } else if (!zh && left.length && a > 0) {
    // `Opioids such as A, B and C activate…`: the examples' commas open a clause of their own, but the
    // class before `such as` is still the subject when nothing but the examples stands between.
    const klass = listClass(s, a, cs);
    if (klass) left = [klass];
  }
  if (
    (cue.family === 'increase' || cue.family === 'cause') &&
    stickyTest(zh ? ZH_RISK_AHEAD : EN_RISK_AHEAD, s.text, ce)
  )
    options = FAMILY_OPTIONS.risk;
  // `blocks the reuptake of X`, `抑制X的再摄取`: blocking the removal of a molecule raises it.
  if (cue.family === 'reduce') {
    const re = zh ? ZH_REMOVAL : EN_REMOVAL;
    re.lastIndex = ce;
    const found = re.exec(s.text);
    const removal = found && found.index + found[0].length <= b ? found : null;
    if (removal) {
      options = FAMILY_OPTIONS.increase;
      if (!zh) right = right.filter((x) => x.start >= ce + removal[0].length);
      else right = right.filter((x) => x.end <= ce + removal[0].lastIndexOf('的'));
    }
  }

  return { zh, a, b, left, right, negated, options, relAt, fromRelativeHead };
}

/** `S（常/通常/也…）与` before a Chinese pairing verb: the subject, then the preposition of company. */
const ZH_SUBJECT_WITH =
  /^\s*(?:也|还|常|常常|通常|经常|往往|多|可|可以|一般|需|需要|应|应当|已|被)*\s*(?:与|同|跟)\s*$/;
/** Between an English subject and a pairing cue: a verb of giving or using, with its adverbs. */
const EN_SUBJECT_WITH =
  /^\s*(?:(?:is|are|was|were|can be|may be|is often|are often|should be)\s+)?(?:\w+ly\s+)?(?:(?:used|given|prescribed|administered)\s+)?$/i;

/**
 * A pairing cue whose one side is a subject and whose other is a coordination (`它们常与锂盐或丙戊酸盐联合使用`,
 * `They are often used together with A or B`): the subject pairs with every coordinated name, not the
 * names with each other. Null when the sentence is not of that shape.
 */
function withPartners(s: Sentence, cue: Cue, cs: number, ce: number, clause: CueClause): Reading[] | null {
  const { zh, left, right, negated, options } = clause;
  let subject: Slot | undefined;
  let group: Slot[] = [];
  if (zh) {
    // The subject, then `与`, then the partners, all before the cue.
    const k = left.findIndex(
      (x, i) => i + 1 < left.length && ZH_SUBJECT_WITH.test(s.text.slice(x.end, left[i + 1]!.start)),
    );
    if (k < 0) return null;
    subject = left[k]!;
    group = coordinated(s, left[k + 1]!, left.slice(k + 1), zh);
    if (!/^\s*$/.test(s.text.slice(group[group.length - 1]!.end, cs))) return null;
  } else {
    subject = left[left.length - 1];
    const first = right[0];
    if (!subject || !first || !EN_SUBJECT_WITH.test(s.text.slice(subject.end, cs))) return null;
    if (!/^\s*(?:the\s+)?$/i.test(s.text.slice(ce, first.start))) return null;
    group = coordinated(s, first, right, zh);
  }
  if (group.length < 2) return null;
  const out: Reading[] = [];
  for (const x of group) {
    const opt = options.find((o) => pick(subject, o.subject) && pick(x, o.object));
    if (opt) out.push({ subj: subject, obj: x, option: opt, confidence: cue.confidence, negated });
  }
  return out.length ? out : null;
}

/** A symmetric cue: the nearest fitting concept on each side. */
function readPairCue(s: Sentence, cue: Cue, cs: number, ce: number, clause: CueClause): Reading[] {
  const { zh, a, b, left, right, negated, options } = clause;
  const out: Reading[] = [];
  // A symmetric cue: the nearest fitting concept on each side (a Chinese right side by its head, the last
  // noun of the phrase); mentions inside the cue (`在情绪稳定剂的保护伞下`) stand on its right.
  const inner = s.slots.filter((x) => x.start >= cs && x.end <= ce);
  let after = [...inner, ...right.filter((x) => !inner.includes(x))];
  // `后者在临床试验中未能优于安慰剂`: a name inside a `在…中` frame is the setting, not a side.
  const inFrame = zh && s.text.lastIndexOf('在', cs) >= a;
  const frames = inFrame ? [...execAll(ZH_PP_FRAME, s.text.slice(a, cs))] : [];
  let nearLeft = [...left]
    .reverse()
    .filter((x) => !frames.some((f) => x.start >= a + f.index && x.end <= a + f.index + f[0].length));
  // `与X相比，Y…`: a comparison may close its clause; the other side is then in the next clause (and
  // `X…，与Y相比` in the previous one).
  if (cue.family === 'contrast' && nearLeft.length === 1 && !after.length)
    after = s.slots.filter((x) => x.start >= b).slice(0, 1);
  else if (cue.family === 'contrast' && !nearLeft.length && after.length === 1)
    nearLeft = s.slots
      .filter((x) => x.end <= a)
      .reverse()
      .slice(0, 1);
  // `与惊恐障碍不同，GAD…`, `Unlike SSRIs, benzodiazepines…`: a comparison that opens the sentence and closes
  // its clause has its other side in the subject of the next one.
  if (cue.family === 'contrast' && !nearLeft.length && after.length === 1) {
    const next = s.slots.find((x) => x.start >= b);
    if (next && !next.pronoun && (zh ? /^[，,]\s*$/ : /^,\s*(?:the\s+)?$/i).test(s.text.slice(b, next.start)))
      after = [after[0]!, next];
  }
  // `它们常与A或B联合使用`, `X may be used together with A or B`, `X binds D1 and D2 receptors`: one subject,
  // every coordinated partner.
  const withPairs = cue.family === 'combine' || cue.family === 'bind' ? withPartners(s, cue, cs, ce, clause) : null;
  if (withPairs) return withPairs;
  // `（A）与阿片类药物或酒精合用时`: the names after `与` are all partners of the sentence's topic.
  // (So with a clause of association, `慢性应激破坏这种平衡，与抑郁症和认知损害密切相关`: what the sentence is about is
  // related to every name after `与`, not those names to each other.)
  if (
    zh &&
    (cue.family === 'combine' || cue.family === 'bind' || (cue.family === 'associate' && !right.length && a > 0)) &&
    ZH_WITH_CLAUSE.test(s.text.slice(a, cs))
  ) {
    const topic = clauseTopic(
      s,
      s.slots.filter((x) => x.end <= a),
      (x) => !x.pronoun || x.concepts.length > 0,
    );
    // (`与促肾上腺皮质激素细胞上的CRH1受体结合`: a name before `上的` places the partner; it is none itself.)
    const partners = nearLeft.filter((x) => !ZH_PLACE_OF.test(s.text.slice(x.end, x.end + 3)));
    if (topic && partners.length)
      for (const x of cue.family === 'associate'
        ? partners
        : coordinated(s, partners[partners.length - 1]!, left, zh)) {
        const opt = options.find((o) => pick(topic, o.subject) && pick(x, o.object));
        if (opt) out.push({ subj: topic, obj: x, option: opt, confidence: cue.confidence - 0.1, negated });
      }
    return out;
  }
  // `苯二氮䓬类，如A和B，结合于GABA-A受体`: a binding clause without its own subject binds the sentence's topic.
  if (
    zh &&
    (cue.family === 'bind' || cue.family === 'combine') &&
    !nearLeft.length &&
    after.length &&
    a > 0 &&
    /^\s*$/.test(s.text.slice(a, cs))
  ) {
    const topic = clauseTopic(
      s,
      s.slots.filter((x) => x.end <= a),
      (x) => options.some((o) => pick(x, o.subject) && pick(after[0]!, o.object)),
    );
    if (topic) nearLeft = [topic];
  }
  // `A is more effective than B`, `it is safer for X than B`: the comparison is between the clause's
  // subject and what follows `than`, not the nearest name.
  // (So with a comparative adverb before `than`: `A prevented stroke more effectively than B`.)
  if (
    !zh &&
    cue.family === 'contrast' &&
    left.length > 1 &&
    (EN_COMPARATIVE.test(s.text.slice(left[0]!.end, cs)) || EN_ADVERB_COMPARATIVE.test(s.text.slice(left[0]!.end, cs)))
  )
    nearLeft = [left[0]!];
  const pairs: [Slot, Slot][] = [];
  const headRight = zh ? (lastBeforeNextCue(s, after, ce) ?? after[0]) : after[0];
  if (cue.family === 'associate') {
    // (`GAD表现为…，并伴有A、B和C`: a comorbidity cue without a side before it in its clause has the sentence's topic.)
    if (cue === ZH_COMORBID && !nearLeft.length && a > 0) {
      const topic = clauseTopic(s, slotsUpTo(s, a), (x) => !x.pronoun || x.concepts.length > 0);
      if (!topic) return out;
      nearLeft = [topic];
    }
    const spread = associationSpread(s, zh, nearLeft, headRight, after, left);
    if (spread) return spread.flatMap(([x, y]) => pairReading(x, y, options, cue, negated));
  }
  if (nearLeft.length && headRight) pairs.push([nearLeft[0]!, headRight]);
  // `A or B together with C`, `A和B联合C`: each coordinated name on the left is paired.
  const partners =
    (cue.family === 'combine' || cue.family === 'bind') && nearLeft.length && headRight && (zh || !nearLeft[0]!.pronoun)
      ? coordinated(s, nearLeft[0]!, zh ? left : slotsUpTo(s, cs), zh).filter(
          (x) =>
            x !== nearLeft[0] &&
            x !== headRight &&
            // `A with B, or C with D`: a name on either side of an earlier pairing cue belongs to that one.
            !cueHits(s).some(
              (h2) =>
                h2.cue.family === 'combine' &&
                ((h2.start >= x.end && h2.start < cs) ||
                  (h2.end <= x.start && /^\s*$/.test(s.text.slice(h2.end, x.start)))),
            ),
        )
      : [];
  for (const x of partners) pairs.push([x, headRight!]);
  if (nearLeft.length >= 2 && !partners.includes(nearLeft[1]!)) pairs.push([nearLeft[1]!, nearLeft[0]!]);
  if (after.length >= 2 && !nearLeft.length) pairs.push([after[0]!, after[1]!]);
  for (const [x, y] of pairs) {
    const reading = pairReading(x, y, options, cue, negated);
    if (!reading.length) continue;
    out.push(...reading);
    // Further pairs only for the coordinated partners of the first (`A or B together with C`).
    if (!partners.length || y !== headRight) break;
  }
  return out;
}

/** The reading of a symmetric cue on two sides, by the first option that fits them either way round. */
function pairReading(x: Slot, y: Slot, options: PredicateOption[], cue: Cue, negated: boolean): Reading[] {
  const opt = options.find(
    (o) => (pick(x, o.subject) && pick(y, o.object)) || (pick(y, o.subject) && pick(x, o.object)),
  );
  if (!opt) return [];
  const forward = pick(x, opt.subject) && pick(y, opt.object);
  return [{ subj: forward ? x : y, obj: forward ? y : x, option: opt, confidence: cue.confidence, negated }];
}

/** Joins `X与A、B和C相关` at its `与`: the side before it is associated with each name after it. */
const ZH_WITH_JOIN = /^\s*(?:与|同|跟)\s*$/;

/**
 * An association with a coordinated list holds with every name of it: `D is associated with A, B and C`,
 * `S常见于A、B和C`, `X与A、B和C相关`. Null when neither side is a list (the usual nearest pair then reads).
 */
function associationSpread(
  s: Sentence,
  zh: boolean,
  nearLeft: Slot[],
  headRight: Slot | undefined,
  after: Slot[],
  left: Slot[],
): [Slot, Slot][] | null {
  if (nearLeft.length && headRight) {
    // (An English list runs across its commas, past the clause: `associated with A, B and C`.)
    const group = coordinated(s, headRight, zh ? after : slotsFrom(s, headRight.start), zh);
    return group.length > 1 ? group.map((y) => [nearLeft[0]!, y]) : null;
  }
  // (Chinese: the whole `X与A、B和C` stands before the cue, one coordination joined at `与`.)
  if (!zh || headRight || nearLeft.length < 3) return null;
  const group = coordinated(s, nearLeft[0]!, left, zh);
  const joins = group.slice(1).flatMap((y, i) => (ZH_WITH_JOIN.test(s.text.slice(group[i]!.end, y.start)) ? [i] : []));
  if (joins.length !== 1 || joins[0] !== 0) return null;
  return group.slice(1).map((y) => [group[0]!, y]);
}

/** What a directed cue's reading per predicate option works on. */
interface DirectedCue {
  s: Sentence;
  cue: Cue;
  cs: number;
  ce: number;
  clause: CueClause;
  passive: boolean;
  reversed: boolean;
  subjSide: Slot[];
  objSide: Slot[];
}

/** A directed cue (active, passive, noun forms): its voice and sides, then the first option that reads. */
function readDirectedCue(s: Sentence, cue: Cue, cs: number, ce: number, clause: CueClause): Reading[] | null {
  const { zh, a, b, left, right, negated, options } = clause;
  // Passive voice: `Y由X介导`, `Y被X阻断`, `Y受X驱动`, `Y is induced by X`.
  let passive = false;
  let passiveMark = -1;
  let byEnd = -1;
  if (zh) {
    passiveMark = zhPassiveMark(s.text, a, cs, s.slots);
    passive = passiveMark >= 0 && left.length >= 1;
    // `Y被分为A与B`: a whole–part cue without an agent reads as its active form.
    if (passive && REVERSED_FAMILIES.has(cue.family) && !left.some((x) => x.start > passiveMark)) passive = false;
  } else {
    const aux = /\b(?:is|are|was|were|be|been|being|gets?|got)\s+(?:not\s+)?(?:\w+ly\s+)?$/i.test(s.text.slice(a, cs));
    // `Y is synthesised from Z by X`: the agent may follow a short phrase of source or place.
    EN_BY_AGENT.lastIndex = ce;
    const byPhrase = EN_BY_AGENT.exec(s.text);
    const by = byPhrase !== null && ce + byPhrase[0].length <= b;
    if (by) byEnd = ce + byPhrase[0].length;
    // `…are repackaged or degraded by MAO`: a participle with its agent is passive without its auxiliary.
    passive = by && (aux || /(?:ed|en|wn)$/i.test(s.text.slice(cs, ce)));
    // `how much of X is blocked at…`: a passive without its agent relates nothing.
    if (aux && !by && cue.voice === 'active' && /(?:ed|en|wn)$/i.test(s.text.slice(cs, ce))) return null;
  }

  // `lowers the risk of X`, `降低…的风险`: a risk lowered is no risk carried (the lowering verb reads it).
  if (cue.family === 'risk' && (zh ? ZH_LOWERED_RISK : EN_LOWERED_RISK).test(s.text.slice(Math.max(a, cs - 30), cs)))
    return null;
  if (cue.voice === 'noun-after' && zh) {
    // `…触发转躁的风险`, `其具有滥用潜力`: the object stands just before the noun cue, the subject earlier.
    const obj = [...left].reverse().find((x) => x.end >= cs - 4);
    // `它与精神疾病、生物标志物和治疗`: a noun cue listed beside the name is not said of it.
    if (!obj || /[、和与及或]/.test(s.text.slice(obj.end, cs))) return null;
    // `罹患抑郁症和PTSD的易感性`: the coordinated objects share the cue; the subject stands before them all.
    const objs = coordinated(s, obj, s.slots, zh);
    const objIdx = s.slots.indexOf(objs[0]!);
    // (Not the object's own name before its gloss: `认知行为治疗（…, CBT）的核心成分`.)
    const subjCands = s.slots
      .slice(0, objIdx)
      .reverse()
      .filter((x) => x.pronoun || x.concepts[0]!.key !== obj.concepts[0]!.key);
    for (const o of options) {
      // (A part named by its noun, `Y的成分`, is a part: the reading of a structure's role is for verbs.)
      if (cue.family === 'part' && o.predicate !== 'part_of') continue;
      if (!pick(obj, o.object)) continue;
      const subj = subjCands.find((x) => pick(x, o.subject));
      if (subj)
        return objs
          .filter((y) => pick(y, o.object))
          .map((y) => ({ subj, obj: y, option: o, confidence: cue.confidence, negated }));
    }
    return null;
  }

  if (zh && cue.voice === 'active' && !passive && !left.length) {
    const cleft = readCleft(s, cue, ce, b);
    if (cleft) return cleft;
  }

  let subjSide: Slot[];
  let objSide: Slot[];
  if (passive && zh) {
    // `Y由X介导`: the agent follows 由/被, the patient precedes it.
    subjSide = left.filter((x) => x.start > passiveMark);
    // `由X驱动的Y`: a relative clause; its patient is the noun after `的`, not what precedes `由`.
    // (`Y是由X引起的`: a cleft, closed by `的` at the clause's end, keeps its patient before `由`.)
    const cleft = s.text[passiveMark - 1] === '是' && ce + 1 >= b;
    objSide =
      s.text[ce] === '的' && !cleft
        ? s.slots.filter((x) => x.start > ce && x.start <= ce + 3)
        : left.filter((x) => x.end <= passiveMark);
  } else if (passive) {
    // The agent stands in the `by` phrase (`excited by large Aβ fibres`), not further on (`the relief produced by
    // positive expectation all recruit this pathway`).
    subjSide = right.filter(
      (x) =>
        x.start >= byEnd &&
        countWords(s.text, byEnd, x.start) <= 3 &&
        !EN_PHRASE_WORD.test(s.text.slice(byEnd, x.start)),
    );
    objSide = left;
  } else {
    subjSide = left;
    objSide = right;
  }
  const reversed = REVERSED_FAMILIES.has(cue.family);
  if (reversed) [subjSide, objSide] = [objSide, subjSide];

  // `它们通过阻断SERT提高…`: what stands inside a `通过…`/`by …ing` phrase is the means, not the subject.
  const means = zh ? Math.max(...ZH_MEANS.map((w) => s.text.lastIndexOf(w, cs))) : -1;
  if (means >= a && !passive) subjSide = subjSide.filter((x) => x.end <= means);
  // `在恐惧评估时驱动HPA轴`: what stands inside a leading `在…时` frame is not the subject.
  const frame = zh && !passive ? ZH_FRAME.exec(s.text.slice(a, cs)) : null;
  if (frame) subjSide = subjSide.filter((x) => x.start >= a + frame[0].length);
  const out: Reading[] = [];
  const directed: DirectedCue = { s, cue, cs, ce, clause, passive, reversed, subjSide, objSide };
  for (const o of options) {
    readOption(directed, o, out);
    if (out.length) return out;
  }
  return null;
}

/** After an English name: a finite verb, so the name opens a clause of its own (`…, and B is the most…`). */
const EN_FINITE_AFTER =
  /^\s*(?:\([^()]{0,24}\)\s*)?\s(?:\w+ly\s+)?(?:is|are|was|were|has|have|had|can|may|might|will|would|does|did|must|should)\b/i;

/**
 * The objects coordinated with `obj`, up to a later one that is the subject of a clause of its own
 * (`X is the most common cause of A, and B is…`: B is no second object).
 */
function objectsOf(s: Sentence, obj: Slot, group: Slot[], zh: boolean): Slot[] {
  if (zh || group.length < 2) return group;
  const k = group.findIndex(
    (x) => x.start > obj.start && !x.pronoun && EN_FINITE_AFTER.test(s.text.slice(x.end, x.end + 24)),
  );
  return k < 0 ? group : group.slice(0, k);
}

/** A Chinese causative clause up to its object (`从而使细胞内`), and between the object and its verb (`缓慢`). */
const ZH_CAUSATIVE_OPEN = /^\s*(?:从而|进而|因而|因此|并|也|还|可能|会|都|均|可|能)*使(?:得)?[^，。；]{0,8}$/;
const ZH_CAUSATIVE_GAP = /^\s*(?:（[^）]*）)?\s*(?:[^，。；\s]{1,2}(?:地)?)?\s*$/;

/** Whether `x` is the object of a Chinese causative clause opening at `a` whose verb is at `cs` (`使X减少`). */
function causativeObject(text: string, a: number, x: Slot, cs: number): boolean {
  return !x.pronoun && ZH_CAUSATIVE_OPEN.test(text.slice(a, x.start)) && ZH_CAUSATIVE_GAP.test(text.slice(x.end, cs));
}

/** Between a causer and `使`: adverbs and modals (`可`, `会进一步`). */
const ZH_CAUSER_GAP =
  /^\s*(?:则|也|还|可能|可以|可|会|能|能够|将|进一步|从而|进而|往往|常|常常|通常|均|都|直接|间接)*\s*(?:促|致|迫)?$/;
/** From `使` to its object: `使`, `使得`, and a short modifier of the object (`使海马神经元的`). */
const ZH_CAUSATIVE_TO_OBJECT = /^使(?!用)(?:得)?[^，。；]{0,16}$/;

/**
 * The causer of a Chinese causative whose object `x` stands before the verb at `cs` (`A使X降低`): the last
 * fitting name before `使`, with nothing but adverbs between them.
 */
function causerOf(s: Sentence, a: number, x: Slot, cs: number, subjects: Slot[]): Slot | undefined {
  if (!ZH_CAUSATIVE_GAP.test(s.text.slice(x.end, cs))) return undefined;
  const shi = s.text.lastIndexOf('使', x.start);
  if (shi < a || !ZH_CAUSATIVE_TO_OBJECT.test(s.text.slice(shi, x.start))) return undefined;
  let causer: Slot | undefined;
  for (const y of subjects) if (y.end <= shi) causer = y;
  return causer && ZH_CAUSER_GAP.test(s.text.slice(causer.end, shi)) ? causer : undefined;
}

const CAUSES_STATE: PredicateOption = {
  predicate: 'causes',
  subject: ['Intervention', 'Molecule', 'Mechanism', 'Circuit', 'Disorder'],
  object: ['Mechanism', 'Disorder'],
};

/**
 * `长期高水平的皮质醇可使海马神经元的树突萎缩`: a Chinese causative whose object is a state named with its change
 * (`树突萎缩`) and closes the clause, with no verb after it, says the causer brings that state about.
 */
function causativeStates(s: Sentence, emit: Emit): void {
  for (const m of s.text.matchAll(/使(?!用)(?:得)?/g)) {
    const at = m.index;
    const [a, b] = clauseBounds(s.text, at, at + m[0].length, true);
    const state = s.slots.filter((x) => x.start >= at && x.end <= b).pop();
    if (!state || state.pronoun || !/^\s*$/.test(s.text.slice(state.end, b))) continue;
    if (!ZH_CAUSATIVE_TO_OBJECT.test(s.text.slice(at, state.start))) continue;
    // (No verb between `使` and the state: `使血糖降低` is read by its verb.)
    if (cueHits(s).some((h) => h.start >= at && h.end <= b && h.cue.voice === 'active')) continue;
    const causer = s.slots.filter((x) => x.end <= at && x.start >= a).pop();
    if (!causer || !ZH_CAUSER_GAP.test(s.text.slice(causer.end, at))) continue;
    if (negatedBefore(s.text, a, at, true)) continue;
    emit(s, causer, state, CAUSES_STATE, m[0], 0.6, false);
  }
}

/** The readings of a directed cue under one predicate option, added to `out`. */
function readOption(directed: DirectedCue, o: PredicateOption, out: Reading[]): void {
  const { s, cue, cs, ce, passive, reversed, subjSide, objSide } = directed;
  const { zh, a, b, left, right, negated, relAt, fromRelativeHead } = directed.clause;
  const subjects = subjSide.filter((x) => pick(x, o.subject));
  // `其` before a noun is a possessive (`导致其漂移`: its drift), never the object itself.
  // An English possessive (`reduce its conversion`) names its antecedent only, whatever fits otherwise.
  const objects = objSide.filter(
    (x) =>
      pick(x, o.object) &&
      // (`其严重程度用X衡量`: what a measurement or a sign is of may be named by its possessive.)
      !(zh && x.pronoun && s.text.slice(x.start, x.end) === '其' && !OF_PROPERTY.has(cue.family)) &&
      !(
        !zh &&
        x.pronoun &&
        /^(?:its|their)$/i.test(s.text.slice(x.start, x.end)) &&
        !o.object.includes(x.concepts[0]!.category)
      ) &&
      // (`提高它们在突触间隙中的浓度`: a place inside `在…中` after the verb is where, not what.)
      !(zh && x.start >= ce && s.text[x.start - 1] === '在' && ZH_PLACE_AFTER.test(s.text.slice(x.end, x.end + 2))),
  );
  let subj: Slot | undefined;
  let obj: Slot | undefined;
  const subjIsLeft = !(passive && !zh) && !reversed;
  // The head of a Chinese phrase is its last word; an English object is the first noun after the verb.
  subj = subjIsLeft || zh ? subjects[subjects.length - 1] : subjects[0];
  // `室旁核的小细胞神经元释放…`: a generic cell head names no structure; its owner does.
  if (zh && subj && !passive && GENERIC_CELLS.has(subj.concepts[0]!.key)) {
    const k = subjects.indexOf(subj);
    const owner = k > 0 ? subjects[k - 1]! : undefined;
    if (owner && /^(?:中|内|里)?的[^，。；的]{0,4}$/.test(s.text.slice(owner.end, subj.start))) subj = owner;
  }
  if (zh) {
    // `释放皮质醇（在啮齿类动物中则是皮质酮）`: a noun in brackets after the object is an aside.
    const plain = objects.length > 1 ? objects.filter((x, k) => k === 0 || !inBrackets(s.text, x.start, ce)) : objects;
    obj = passive ? plain[plain.length - 1] : lastBeforeNextCue(s, plain, ce, CHANGE_FAMILIES.has(cue.family));
    // `TRH刺激垂体分泌TSH`: a structure that the cue makes secrete is the way, what it secretes the object.
    if (
      obj &&
      !passive &&
      obj.concepts[0]!.category === 'Circuit' &&
      ZH_SECRETES.test(s.text.slice(obj.end, obj.end + 2))
    ) {
      const made = s.slots.find((x) => x.start >= obj!.end + 2 && x.start <= obj!.end + 3 && !x.pronoun);
      if (made && pick(made, o.object)) obj = made;
    }
  } else obj = subjIsLeft ? objects[0] : objects[objects.length - 1];
  // `interneurons in the dorsal horn are excited by X`: a prepositional phrase modifies the passive's patient.
  if (!zh && passive && obj) {
    let k = objects.indexOf(obj);
    while (k > 0 && EN_PP_GAP.test(s.text.slice(objects[k - 1]!.end, objects[k]!.start))) k--;
    obj = objects[k];
  }
  // `降低GR对皮质醇的敏感性`: in `A对B的…` the phrase is about A.
  if (zh && obj && !passive) {
    const k = objects.indexOf(obj);
    const prior = k > 0 ? objects[k - 1]! : undefined;
    if (prior && /^\s*对\s*$/.test(s.text.slice(prior.end, obj.start))) obj = prior;
  }
  // `the liver enzyme CYP2D6`: an English noun phrase's head is its last name.
  if (!zh && obj && subjIsLeft && !reversed) {
    const k = objects.indexOf(obj);
    const next = objects[k + 1];
    if (
      next &&
      (EN_NOUN_GAP.test(s.text.slice(obj.end, next.start)) || EN_MARKER_GAP.test(s.text.slice(obj.end, next.start)))
    )
      obj = next;
    // `strengthens the pathways that run from the brainstem`: a noun inside a relative clause is no object.
    if (obj.start - ce > 5 && EN_RELATIVE.test(s.text.slice(ce, obj.start))) obj = undefined;
  }
  if (!zh && subj && subjIsLeft && !reversed) {
    // `the extra serotonin around the cell bodies stimulates…`: a prepositional phrase modifies the subject.
    let k = subjects.indexOf(subj);
    while (k > 0 && EN_PP_GAP.test(s.text.slice(subjects[k - 1]!.end, subjects[k]!.start))) k--;
    subj = subjects[k];
    // `antidepressant monotherapy can trigger…`: a generic treatment head speaks of its drug.
    const prev = k > 0 ? subjects[k - 1]! : undefined;
    if (
      prev &&
      GENERIC_THERAPY.test(s.text.slice(subj!.start, subj!.end)) &&
      /^\s$/.test(s.text.slice(prev.end, subj!.start))
    )
      subj = prev;
  }
  if (reversed) {
    subj = subjects[0];
    obj = objects[objects.length - 1];
    // `依赖杏仁核中的突触可塑性`: the head of a Chinese phrase is its last name.
    if (zh && subj) {
      const k = subjects.indexOf(subj);
      const next = subjects[k + 1];
      if (next && /^(?:中|内|里)?的$/.test(s.text.slice(subj.end, next.start))) subj = next;
    }
    // `Depression in MS responds to…`: a prepositional phrase modifies the English side before the cue.
    if (!zh && obj && !passive) {
      let k = objects.indexOf(obj);
      while (k > 0 && EN_PP_GAP.test(s.text.slice(objects[k - 1]!.end, objects[k]!.start))) k--;
      obj = objects[k];
    }
  }
  let conf = cue.confidence;
  let fromTopic = false;
  let fromRelative = fromRelativeHead && subj === left[0];
  // `是驱动侵入性思维的CSTC回路`: after a copula, a clause with no subject whose objects end in `的` and a
  // noun is a relative clause; that noun is its subject.
  if (zh && !subj && !passive && !reversed && /(?:是|为|即|成为)\s*$/.test(s.text.slice(a, cs))) {
    const rel = /^[^，。；,;]*?的/.exec(s.text.slice(ce, b));
    const head = rel ? s.slots.find((x) => x.start === ce + rel[0].length && !x.pronoun) : undefined;
    if (head) {
      if (!pick(head, o.subject)) return;
      subj = head;
      const inRel = objects.filter((x) => x.end <= head.start - 1);
      obj = lastBeforeNextCue(s, inRel, ce);
      if (!obj || !inRel.length) return;
    }
  }
  // `…，使Y减少`, `…，从而使Y升高`: a causative clause names the object before its closing verb; the cause is
  // the topic carried on from before.
  if (zh && subj && !obj && !passive && !reversed && causativeObject(s.text, a, subj, cs) && pick(subj, o.object)) {
    obj = subj;
    subj = undefined;
  } else if (zh && subj && !obj && !passive && !reversed && pick(subj, o.object)) {
    // `胰岛素使血糖降低`, `皮质醇可使海马神经元的树突萎缩`: the name after `使` is the object, the one before it the causer.
    const causer = causerOf(s, a, subj, cs, subjects);
    if (causer) {
      obj = subj;
      subj = causer;
    }
  }
  // (A swapped cue's missing side is the part or the cause named after it: no topic stands in for it.)
  if (!subj && !passive && !reversed) {
    fromTopic = true;
    // No subject in the clause: the topic of the sentence (Chinese drops repeated subjects), or the
    // relative clause's antecedent (`the vmPFC, which encodes priors`).
    // Only an agent is carried over (a disorder named earlier is rarely what acts, unless it opened an
    // earlier clause as its subject: `慢性应激会导致…，抑制…`), and not when the
    // clause has a subject of its own that names no concept (`我们了解到…`, `researchers…`).
    const before = s.slots.filter((x) => x.end <= a);
    const ownSubject = PERSONAL_SUBJECT.test(s.text.slice(a, cs));
    // A concept inside a clause that opens with a preposition (`向…大脑施用…`) is no topic either.
    const inPP = (x: Slot) => {
      const [xa] = clauseBounds(s.text, x.start, x.end, zh);
      // (`使X变得…`, `让X…`: a causative's X is its object, not the subject carried on.)
      return zh && /^(?:[向对在从于给把将被使让令与同跟]|并?使)/.test(s.text.slice(xa).trimStart());
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
        ? topicOf(s, before, inPP, agent, o, s.text.slice(a, cs))
        : relAt >= 0
          ? relativeAntecedent(s, relAt, o)
          : undefined;
    fromRelative = subj !== undefined && !zh;
    conf -= 0.15;
  }
  // `N3期：…，以δ波为特征`: a Chinese clause without the side a swapped cue names first speaks of the
  // sentence's opening concept (a list item's term, the sentence's subject).
  if (zh && SIGN_FAMILIES.has(cue.family) && subj && !obj && !passive && !objSide.length) {
    const head = s.slots[0];
    if (head && head.start <= 1 && head.end <= a && !head.pronoun && pick(head, o.object)) {
      obj = head;
      conf -= 0.15;
    }
  }
  // `For patients with refractory D, X provides relief`: a treatment without its object treats the disorder of
  // the sentence's leading frame.
  if (!zh && subj && !obj && cue.family === 'treat' && !passive && !reversed) {
    const frame = EN_PATIENT_FRAME.exec(s.text);
    const d = frame ? s.slots.find((x) => x.start >= frame[0].length && x.end <= a && !x.pronoun) : undefined;
    if (d && pick(d, o.object) && !/[,;]/.test(s.text.slice(frame![0].length, d.start))) obj = d;
  }
  if (!subj || !obj || subj === obj) return;
  // `produces rapid antidepressant effects in treatment-resistant depression`: the disorder after `effects in` is
  // where the effect is seen, not what the verb brings about; a therapeutic effect there treats it.
  if (!zh && obj.start >= ce && (o.predicate === 'causes' || o.predicate === 'increases')) {
    const effect = EN_EFFECTS_IN.exec(s.text.slice(ce, obj.start));
    if (effect) {
      if (effect[1] && pick(subj, TREATS.subject) && pick(obj, TREATS.object))
        out.push({ subj, obj, option: TREATS, confidence: conf - 0.1, negated });
      return;
    }
  }
  // A long gap between a side and the cue weakens the reading.
  const subjGap = !fromTopic && subj.end <= cs ? cs - subj.end : 0;
  const gap = Math.max(subjGap, obj.start >= ce ? obj.start - ce : 0);
  conf -= Math.min(0.2, gap / (zh ? 80 : 300));
  // An English list runs across its commas (`cause nausea, headache and insomnia`), past the clause.
  const objScope = zh || !objSide.includes(obj) ? objSide : objSide === right ? slotsFrom(s, ce) : slotsUpTo(s, cs);
  const subScope = !subjSide.includes(subj)
    ? s.slots
    : zh
      ? subjSide
      : subjSide === right || (passive && !reversed)
        ? slotsFrom(s, ce)
        : slotsUpTo(s, cs);
  const objs = objectsOf(s, obj, coordinated(s, obj, objScope, zh), zh).filter((x) => pick(x, o.object));
  // `underlie many chronic pain states, including fibromyalgia`: the examples of an English object share its
  // relation.
  if (!zh && objs.length && obj.start >= ce) {
    const last = objs[objs.length - 1]!;
    const next = s.slots.find((x) => x.start >= last.end);
    if (next && !next.pronoun && EN_OBJECT_EXAMPLES.test(s.text.slice(last.end, next.start)))
      for (const x of coordinated(s, next, slotsFrom(s, next.start), zh))
        if (pick(x, o.object) && !objs.includes(x)) objs.push(x);
  }
  // `…inhibits Y, and it also releases Z`: an English pronoun opening its clause coordinates with nothing.
  // (`A, a partial agonist, and B, which inhibits…`: a relative clause with a singular verb is B's alone.)
  const subs =
    !zh && (subj.pronoun || (fromRelative && EN_SINGULAR_VERB.test(s.text.slice(cs, ce))))
      ? [subj]
      : coordinated(s, subj, subScope, zh).filter((x) => pick(x, o.subject));
  // `X acts on A, and B inhibits Y`: a name that is the object of an earlier verb is no partner of the subject.
  if (!zh && subs.length > 1 && subjIsLeft && !reversed && subs[0]!.end <= a) {
    const first = subs[0]!;
    const [fa] = clauseBounds(s.text, first.start, first.end, false);
    if (
      cueHits(s).some(
        (h2) => h2.start >= fa && h2.end <= first.start && h2.cue.voice !== 'list' && h2.cue.voice !== 'isa',
      )
    )
      subs.splice(0, subs.length, ...subs.filter((x) => x.start >= a));
  }
  // `A、B等X类药物作用于…`: the examples named before their class share what the class does.
  if (zh && !passive && !reversed && subj.end <= cs && subj.start >= 2 && isExampleEnd(s.text, subj.start)) {
    const k = s.slots.indexOf(subj);
    const last = k > 0 ? s.slots[k - 1]! : undefined;
    if (last && !last.pronoun && /^等[“"「]?$/.test(s.text.slice(last.end, subj.start)))
      for (const x of coordinated(s, last, s.slots, zh)) if (pick(x, o.subject) && !subs.includes(x)) subs.push(x);
  }
  // (A pronoun whose fitting antecedent is the other side itself relates nothing: the next option may.)
  for (const x of subs) {
    // `blockade of H1 receptors causes sedation`: what is blocked takes part in the effect; it does not cause it.
    const blocked =
      !zh &&
      (o.predicate === 'causes' || o.predicate === 'increases') &&
      x.end <= cs &&
      EN_BLOCKED_OF.test(s.text.slice(Math.max(0, x.start - 24), x.start));
    for (const y of objs)
      if (x !== y && pick(x, o.subject)!.key !== pick(y, o.object)!.key) {
        if (!blocked)
          out.push({
            subj: x,
            obj: y,
            // `lowers the risk of stroke`, `降低卒中的发生率`: a drug that lowers a disorder's risk prevents it.
            option: o.predicate === 'treats' && RELIEVING.has(cue.family) && riskOf(s.text, y, ce, zh) ? PREVENTS : o,
            confidence: conf,
            negated,
          });
        else if (pick(x, IMPLICATED.subject) && pick(y, IMPLICATED.object))
          out.push({ subj: x, obj: y, option: IMPLICATED, confidence: conf - 0.1, negated });
      }
  }
  // `noradrenaline inhibits X through α2-adrenergic receptors`: a receptor in a means phrase after the object is
  // what the subject acts on.
  if (!zh && out.length && !passive && !reversed) {
    const last = objs[objs.length - 1]!;
    const r = s.slots.find((x) => x.start > last.end && x.start - last.end <= 60);
    if (
      r &&
      !r.pronoun &&
      r.end <= b &&
      EN_MEANS_TAIL.test(s.text.slice(last.end, r.start)) &&
      /receptor/i.test(s.text.slice(r.start, r.end))
    )
      for (const x of subs)
        if (pick(x, ACTS_ON.subject) && pick(r, ACTS_ON.object))
          out.push({ subj: x, obj: r, option: ACTS_ON, confidence: conf - 0.1, negated });
  }
  // `减轻D中的X`: a drug that relieves a sign of a disorder in that disorder treats it.
  if (zh && out.length && RELIEVING.has(cue.family) && o.predicate !== 'risk_of') {
    const first = objs[0]!;
    const d = [...s.slots].reverse().find((x) => x.end <= first.start && x.start >= ce);
    if (
      d &&
      !d.pronoun &&
      d !== first &&
      pick(d, TREATS.object) &&
      /^(?:中|时|期间)的[^，。；,;]*$/.test(s.text.slice(d.end, first.start))
    )
      for (const x of subs)
        if (pick(x, TREATS.subject)) out.push({ subj: x, obj: d, option: TREATS, confidence: conf - 0.1, negated });
  }
  // `A lowers X in D`, `A reduces X in patients with D`: a drug that relieves a sign of a disorder in
  // that disorder treats it.
  if (!zh && out.length && RELIEVING.has(cue.family) && o.predicate !== 'risk_of') {
    const last = objs[objs.length - 1]!;
    const d = s.slots.find((x) => x.start >= last.end && x.start - last.end <= 40);
    if (d && !d.pronoun && pick(d, TREATS.object) && EN_IN_DISORDER.test(s.text.slice(last.end, d.start)))
      for (const x of subs)
        if (pick(x, TREATS.subject)) out.push({ subj: x, obj: d, option: TREATS, confidence: conf - 0.1, negated });
  }
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
/** Verbs of change, which may stand without an object (`皮质醇升高`). */
const CHANGE_FAMILIES: ReadonlySet<Family> = new Set<Family>(['increase', 'reduce']);

function lastBeforeNextCue(s: Sentence, objects: Slot[], ce: number, change = false): Slot | undefined {
  let limit = Infinity;
  for (const h of cueHits(s)) {
    if (h.start < ce || h.cue.voice !== 'active') continue;
    if (s.slots.some((x) => !x.pronoun && x.start <= h.start && x.end >= h.end)) continue;
    limit = h.start;
    break;
  }
  const within = objects.filter((x) => x.end <= limit);
  if (within.length) return within[within.length - 1];
  // (`肌钙蛋白升高提示…`: a verb of change right before the next verb is intransitive, the change of its subject;
  // not `用于预防…`, a verb and its purpose.)
  if (change && limit < Infinity && !s.text.slice(ce, limit).trim()) return undefined;
  // (`降低血压并减少蛋白尿`: when the verb has an object of its own before the next verb, one that does not fit,
  // a fitting name past that verb is the next verb's, not this one's.)
  if (limit < Infinity && s.slots.some((x) => !x.pronoun && x.start >= ce && x.end <= limit)) return undefined;
  return objects[0];
}
