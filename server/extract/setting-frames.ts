/**
 * A disorder named as the setting that opens a sentence, the way clinical texts write their advice:
 * `For scar-related VT, ablation reduces recurrences`, `In panic disorder, SSRIs prevent attacks`,
 * `对于难治性高血压，加用螺内酯通常能进一步降低血压`. The relieving verb of the main clause reads its own object;
 * its subject, a treatment, is also a treatment of the disorder that frames the sentence (`treats`).
 */
import { EN_NEGATION, RELIEVING, ZH_NEGATION, type PredicateOption } from './cues';
import { pick, spanBetween, type CueHit, type Emit, type Sentence } from './relation-sentence';

const TREATS: PredicateOption = { predicate: 'treats', subject: ['Intervention'], object: ['Disorder'] };

/** Before the disorder: `For`, `In`, `In patients with`, a modifier or two (`For scar-related VT`). */
const EN_SETTING = /^\s*(?:For|In)\s+(?:(?:patients|people|those|adults|children)\s+with\s+)?(?:[\w-]+\s+){0,2}?$/;
const ZH_SETTING = /^\s*(?:对于|针对|对)\s*(?:慢性|急性|重度|轻度|中度|中重度|难治性|早期|晚期)?$/;
/** After the disorder: the comma that closes the setting (`…患者，`). */
const EN_SETTING_END = /^\s*,\s*/;
const ZH_SETTING_END = /^(?:患者)?\s*[，,]\s*/;
const ZH_DENIED_AFTER = /^\s*(?:尚未|仍未|并未|未|尚不|并不|不)/;
const EN_DENIED_AFTER =
  /^\s*(?:(?:has|have|is|are|was|were)\s+(?:not|never)\b|remains?\s+(?:unproven|uncertain|unclear))/i;
const MAIN_CLAUSE_STOPS = /[；;。]/;

export function settingFrames(s: Sentence, hits: CueHit[], emit: Emit): void {
  const d = s.slots[0];
  if (!d || d.pronoun || s.slots.length < 2 || !pick(d, TREATS.object)) return;
  const zh = s.holder.lang === 'zh';
  if (!(zh ? ZH_SETTING : EN_SETTING).test(s.text.slice(0, d.start))) return;
  const end = (zh ? ZH_SETTING_END : EN_SETTING_END).exec(s.text.slice(d.end));
  if (!end) return;
  const from = d.end + end[0].length;
  const [, to] = spanBetween(s.text, from, from, MAIN_CLAUSE_STOPS);
  const cue = hits.find(
    (h) => h.start >= from && h.end <= to && h.cue.voice === 'active' && RELIEVING.has(h.cue.family),
  );
  if (!cue) {
    choiceInSetting(s, d, from, to, zh, emit);
    return;
  }
  if ((zh ? ZH_NEGATION : EN_NEGATION).test(s.text.slice(from, cue.start))) return;
  // (`…，但其疗效尚未确立`, `its efficacy has not been established`: a noun of relief denied after it.)
  if ((zh ? ZH_DENIED_AFTER : EN_DENIED_AFTER).test(s.text.slice(cue.end, cue.end + 16))) return;
  const drug = s.slots.find((x) => x.start >= from && x.end <= cue.start && !x.pronoun && pick(x, TREATS.subject));
  if (drug && drug.concepts[0]!.key !== d.concepts[0]!.key) emit(s, drug, d, TREATS, cue.text.trim(), 0.55, false);
}

/** A word of choosing a treatment: `首选X`, `推荐X`; `X is first-line`, `X is the treatment of choice`. */
const ZH_CHOICE = /首选|推荐|一线治疗|一线药物|宜选用|可选用|选用/;
const EN_CHOICE = /\b(?:first-line|of choice|preferred|recommended|mainstay)\b/i;

/**
 * `对于库欣病，首选经蝶窦手术`, `For status epilepticus, a benzodiazepine is first-line`: a main clause that chooses a
 * treatment without a relieving verb names a treatment of the disorder that frames it (the first one it names;
 * after the Chinese word of choosing).
 */
function choiceInSetting(s: Sentence, d: Sentence['slots'][number], from: number, to: number, zh: boolean, emit: Emit) {
  const clause = s.text.slice(from, to);
  const choice = (zh ? ZH_CHOICE : EN_CHOICE).exec(clause);
  if (!choice || (zh ? ZH_NEGATION : EN_NEGATION).test(clause.slice(0, choice.index))) return;
  const after = zh ? from + choice.index + choice[0].length : from;
  const drug = s.slots.find((x) => x.start >= after && x.end <= to && !x.pronoun && pick(x, TREATS.subject));
  if (drug && drug.concepts[0]!.key !== d.concepts[0]!.key) emit(s, drug, d, TREATS, choice[0], 0.55, false);
}
