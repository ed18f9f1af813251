/**
 * What follows a drug's administration, the way pharmacology texts report an effect: `After dexamethasone,
 * cortisol is suppressed`, `服用地塞米松后，次晨皮质醇被抑制`, `给予纳洛酮后，呼吸抑制迅速逆转`. The sentence opens with
 * the drug given, in a frame closed by a comma, and its main clause says what then changes without naming an
 * agent of its own: the drug lowers or raises that, or relieves it when it is a disorder. A denied change
 * (`皮质醇未被抑制`, `cortisol is not suppressed`) is kept as a negated reading.
 */
import type { Category } from '../model/types';
import type { PredicateOption } from './cues';
import { pick, spanBetween, type Emit, type Sentence, type Slot } from './relation-sentence';

const I: Category = 'Intervention';
const SIGNALS: Category[] = ['Mechanism', 'Molecule', 'Circuit', 'Biomarker', 'Concept'];
const TREATS: PredicateOption = { predicate: 'treats', subject: [I], object: ['Disorder'] };
const DECREASES: PredicateOption = { predicate: 'decreases', subject: [I], object: SIGNALS };
const INCREASES: PredicateOption = { predicate: 'increases', subject: [I], object: SIGNALS };

/**
 * Before the drug: the act of giving it (`服用`, `静脉注射`; `After`, `Following the administration of`); in
 * Chinese, who takes it may come first (`许多抑郁症患者服用…后`).
 */
const ZH_GIVING = /(?:服用|使用|应用|给予|注射|静脉注射|静注|口服|加用|接受)\s*$/;
const CLAUSE_MARK = /[，。；,;：:]/;
const EN_FRAME_WORD = /\b(?:after|following)\b/i;
const EN_GIVING =
  /^\s*(?:After|Following)\s+(?:(?:the\s+|a\s+)?(?:administration|injection|infusion|use|dose|course|start)\s+(?:of|with)\s+)?$/i;
/** After the drug: the frame's end (`…后，`; `…treatment,`). */
const ZH_FRAME_END = /^\s*(?:治疗|给药)?(?:之)?后\s*[，,]\s*/;
const EN_FRAME_END = /^\s*(?:treatment|therapy|administration|injection|infusion)?\s*,\s*/i;
const MAIN_CLAUSE_STOPS = /[；;。，,]/;

/** After what changes: an adverb or two, a denial, then the change (group 1: denial, 2: verb). */
const ZH_CHANGE =
  /^(?:的)?(?:水平|浓度|含量|分泌)?\s*(?:迅速|明显|显著|很快|随之|即|便|会|可|也)?\s*(不|未|没有|并未)?\s*(?:被|受到|得到)?\s*(抑制|下降|降低|减少|减弱|消失|逆转|缓解|改善|阻断|升高|增加|上升|增强)/;
const EN_CHANGE =
  /^\s+(?:levels?\s+|concentrations?\s+|secretion\s+)?(?:(?:is|are|was|were|has|have|had)\s+)?(not\s+|no\s+longer\s+)?(?:been\s+)?(?:\w+ly\s+)?(suppressed|reduced|decreased|lowered|reversed|relieved|improved|abolished|blocked|falls?|fell|declines?|declined|drops?|dropped|decreases|rises?|rose|increases|increased|elevated|raised)\b/i;
const RISE = /升高|增加|上升|增强|ris|rose|increas|elevat|raise/i;

export function administrationFrames(s: Sentence, emit: Emit): void {
  const zh = s.holder.lang === 'zh';
  // (Most sentences give no drug first: a look for the frame's word before any per-name test.)
  if (s.slots.length < 2 || !(zh ? s.text.includes('后') : EN_FRAME_WORD.test(s.text))) return;
  // The frame opens its clause (`DST评估负反馈：正常人服用地塞米松后，…`): from the clause mark before the drug.
  const drug = s.slots.find((x) => !x.pronoun && pick(x, [I]) && givenAt(s, x, zh));
  if (!drug) return;
  const end = (zh ? ZH_FRAME_END : EN_FRAME_END).exec(s.text.slice(drug.end));
  if (!end) return;
  const from = drug.end + end[0].length;
  const [, to] = spanBetween(s.text, from, from, MAIN_CLAUSE_STOPS);
  const changed: Slot | undefined = s.slots.find((x) => x.start >= from && x.end <= to && !x.pronoun);
  if (!changed || changed.concepts[0]!.key === drug.concepts[0]!.key) return;
  const m = (zh ? ZH_CHANGE : EN_CHANGE).exec(s.text.slice(changed.end, to));
  if (!m) return;
  const rise = RISE.test(m[2]!);
  const option = pick(changed, TREATS.object) ? (rise ? null : TREATS) : rise ? INCREASES : DECREASES;
  if (!option || !pick(changed, option.object)) return;
  emit(s, drug, changed, option, m[2]!, 0.6, m[1] !== undefined);
}

/** Whether the drug at x is what its clause's opening frame gives (`服用X`, `After X`). */
function givenAt(s: Sentence, x: Slot, zh: boolean): boolean {
  let a = x.start;
  while (a > 0 && !CLAUSE_MARK.test(s.text[a - 1]!)) a--;
  if (!zh && s.slots.some((y) => y.start >= a && y.end <= x.start)) return false;
  return (zh ? ZH_GIVING : EN_GIVING).test(s.text.slice(a, x.start));
}
