/**
 * Adverse-effect statements, the way pharmacology textbooks list them: `锂盐的副作用包括震颤、体重增加和甲状腺
 * 功能减退`, `它的常见不良反应是嗜睡和血压下降`, `Common side effects of lithium include tremor and weight gain`,
 * `Dizziness and somnolence are their common side effects`. The adverse-effect noun is a concept of its own
 * (the vocabulary's adverse drug reaction), so no verb cue reads these: the noun itself joins the drug that
 * has the effects to each effect it lists (`risk_of`). A list led in by such a sentence (`常见的包括：` and the
 * items after it) is read through relations.ts listContinuations.
 */
import type { PredicateOption } from './cues';
import { coordinated, pick, spanBetween, type Emit, type Sentence, type Slot } from './relation-sentence';

const RISK: PredicateOption = { predicate: 'risk_of', subject: ['Intervention'], object: ['Disorder'] };

/** The adverse-effect nouns, as a whole mention. */
const AE_ZH = /^(?:不良反应|副作用|副反应|不良事件)$/;
const AE_EN = /^(?:(?:side|adverse|unwanted|undesirable) effects?|adverse (?:drug )?reactions?|adverse events?)$/i;
/** Quick test before any slot is looked at. */
const AE_WORD = /不良反应|副作用|副反应|不良事件|side effect|adverse|unwanted effect|undesirable effect/i;

// Between the noun and its list: `包括`, `是`, `有`, `为`, `如`, a colon (`常见的包括`, `主要是`).
// The word that opens the list stands right before its first item; the lead may run on past a comma
// (`不良反应通常轻微并与剂量相关，常见的包括：`).
const LIST_AFTER_ZH = /^[^。；]{0,24}?(?:包括|包含|如下|是|为|有|如)\s*[：:]?\s*$|^\s*[：:]\s*$/;
const LIST_AFTER_EN =
  /^\s*(?:\([^()]{0,30}\)\s*)?(?:of\s+[^,;:]{1,40}?\s+)?(?:commonly\s+|mainly\s+|usually\s+|often\s+)?(?:include|includes|included|are|is|were|was|such as|like|:|—|–)\s*:?\s*(?:the\s+|a\s+|an\s+)?$/i;
// The effects named before the noun: `嗜睡和头晕是其常见不良反应`, `… are their common side effects`.
const LIST_BEFORE_ZH = /^\s*(?:是|为|均为|都是|也是)[^，。；]{0,8}$/;
const LIST_BEFORE_EN =
  /^\s*(?:are|is|were|was|remain|remains)\s+(?:also\s+)?(?:the\s+|its\s+|their\s+|a\s+|an\s+)?[a-z\s-]{0,30}$/i;
// `side effects of X`: the drug after the noun.
const OF_DRUG_EN = /^\s+(?:of|from|with)\s+(?:the\s+|these\s+|this\s+|such\s+)?(?:[a-z-]+\s+){0,2}$/i;
/** A negation just before the noun (`几乎没有不良反应`, `few side effects`, `without side effects`). */
const NEGATED_ZH = /(?:没有|无|很少|极少|较少|少有)[^，。；]{0,4}$/;
const NEGATED_EN = /\b(?:no|few|fewer|without|not|minimal)\s+(?:[a-z-]+\s+){0,2}$/i;

/** Where an adverse-effect statement ends: `；`, `;`, `。`. */
const SENTENCE_STOPS = /[；;。]/;

const isDisorder = (x: Slot) => !x.pronoun && pick(x, RISK.object) !== null;

/** Whether the slot is an adverse-effect noun (`副作用`, `side effects`). */
export function isAdverseNoun(s: Sentence, x: Slot): boolean {
  return !x.pronoun && (s.holder.lang === 'zh' ? AE_ZH : AE_EN).test(s.text.slice(x.start, x.end));
}

export function adverseEffects(s: Sentence, emit: Emit): void {
  if (s.slots.length < 2 || !AE_WORD.test(s.text)) return;
  const zh = s.holder.lang === 'zh';
  const text = s.text;
  for (const ae of s.slots) {
    if (!isAdverseNoun(s, ae)) continue;
    if ((zh ? NEGATED_ZH : NEGATED_EN).test(text.slice(Math.max(0, ae.start - 16), ae.start))) continue;
    const [ca, cb] = spanBetween(text, ae.start, ae.end, SENTENCE_STOPS);
    const inClause = s.slots.filter((x) => x !== ae && x.start >= ca && x.end <= cb);
    // The drug: `side effects of X` (en), else the nearest one before the noun (`X的副作用`, `its`, `their`).
    let drug: Slot | undefined;
    if (!zh) {
      drug = inClause.find(
        (x) => x.start >= ae.end && pick(x, RISK.subject) && OF_DRUG_EN.test(text.slice(ae.end, x.start)),
      );
    }
    const beforeNoun = inClause.filter((x) => x.end <= ae.start);
    drug ??= beforeNoun.filter((x) => pick(x, RISK.subject)).pop();
    if (!drug) continue;
    // `低钾血症是袢利尿剂和噻嗪类最常见的不良反应`: drugs coordinated before the noun share its effects.
    // (`side effects of lithium and valproate`: so do drugs coordinated after it.)
    const drugs = drug.pronoun
      ? [drug]
      : coordinated(s, drug, drug.end <= ae.start ? beforeNoun : inClause.filter((x) => x.start >= ae.end), zh).filter(
          (x) => !x.pronoun && pick(x, RISK.subject),
        );
    const firstDrug = drugs[0] ?? drug;
    // The effects: listed after the noun (and after the drug, when it follows), else before it.
    const from = drug.start > ae.end ? drug.end : ae.end;
    const after = inClause.filter((x) => x.start >= from && isDisorder(x));
    let effects: Slot[] = [];
    // Only the list itself: the effects coordinated with the first (or last) one, not every disorder after it.
    const named = inClause.filter((x) => !x.pronoun);
    if (after.length && (zh ? LIST_AFTER_ZH : LIST_AFTER_EN).test(text.slice(ae.end, after[0]!.start)))
      effects = coordinated(s, after[0]!, named, zh).filter(isDisorder);
    else {
      const before = inClause.filter((x) => x.end <= Math.min(ae.start, firstDrug.start) && isDisorder(x));
      const last = before[before.length - 1];
      const gapEnd = firstDrug.start < ae.start && firstDrug.end > (last?.end ?? 0) ? firstDrug.start : ae.start;
      if (last && (zh ? LIST_BEFORE_ZH : LIST_BEFORE_EN).test(text.slice(last.end, gapEnd)))
        effects = coordinated(s, last, named, zh).filter(isDisorder);
    }
    for (const d of drugs) for (const x of effects) emit(s, d, x, RISK, text.slice(ae.start, ae.end), 0.6, false);
  }
}
