/**
 * What develops with a drug's use, the way pharmacology writes of tolerance, dependence and late effects:
 * `With repeated use of opioids, tolerance develops`, `Dependence may develop after long-term use of
 * benzodiazepines`, `长期服用抗精神病药后可出现迟发性运动障碍`. The drug stands in a frame of use, the effect is the
 * subject of an intransitive verb of onset, so no verb cue reads them: the drug has a risk of the effect
 * (`risk_of` for a disorder, `causes` for a process).
 */
import type { PredicateOption } from './cues';
import { coordinated, pick, type Emit, type Sentence, type Slot } from './relation-sentence';

const RISK: PredicateOption = { predicate: 'risk_of', subject: ['Intervention'], object: ['Disorder'] };
const CAUSE: PredicateOption = { predicate: 'causes', subject: ['Intervention'], object: ['Mechanism'] };

/** The frame of use right before the drug: `with repeated use of`, `after long-term treatment with`. */
const EN_USE =
  /\b(?:with|after|during|following|upon|on)\s+(?:(?:the\s+)?[a-z-]+\s+){0,2}(?:use|administration|exposure|treatment|therapy|intake|abuse|dosing)\s+(?:of|to|with)\s+(?:the\s+|a\s+)?$/i;
/** After the effect: its verb of onset (`develops`, `may develop`, `can emerge`). */
const EN_ONSET =
  /^\s*(?:\([^()]{0,30}\)\s*)?(?:(?:often|commonly|usually|rapidly|quickly|gradually|eventually|also|then|can|may|might|will|soon)\s+){0,2}(?:develops?|emerges?|occurs?|appears?|arises?|sets\s+in|ensues?|follows?|builds?\s+up)\b/i;
const ZH_USE = /(?:长期|反复|持续|慢性|大剂量|过量)?(?:使用|服用|应用|用药|滥用|接触)$/;
const ZH_ONSET_BEFORE =
  /^(?:后|之后|以后|期间|时)[，,]?\s*(?:常|常常|往往|通常|容易|会|可|可能|可能会|均|也|还)*(?:出现|产生|发生|发展出|导致)$/;
const QUICK =
  /\buse of|administration of|exposure to|treatment with|therapy with|intake of|abuse of|使用|服用|应用|用药|滥用|接触/i;
/** `Y多见于使用X的患者`: the effect, then where it is seen, then the frame of use (before the drug). */
const ZH_SEEN_IN =
  /(?:多见于|常见于|好发于|易发生于|主要见于|尤其见于|见于)(?:长期|反复|持续|大剂量|同时)?(?:使用|服用|应用|接受)$/;
/** Between the effect and `多见于`: a gloss in brackets, an adverb. */
const ZH_SEEN_GAP = /^(?:[（(][^（）()]{0,40})?[）)]?\s*(?:则|也|更|尤)?$/;
/** After the drugs: the people who take them. */
const ZH_PATIENTS_AFTER = /^(?:治疗)?的?[\u4e00-\u9fff]{0,2}?(?:患者|病人|人群)|^者/;

function emitOnset(s: Sentence, emit: Emit, drug: Slot, effect: Slot, cue: string): void {
  const o = pick(effect, RISK.object) ? RISK : pick(effect, CAUSE.object) ? CAUSE : null;
  if (o) emit(s, drug, effect, o, cue, 0.6, false);
}

export function useFrames(s: Sentence, emit: Emit): void {
  if (s.slots.length < 2 || !QUICK.test(s.text)) return;
  const text = s.text;
  const zh = s.holder.lang === 'zh';
  for (let i = 0; i < s.slots.length; i++) {
    const drug = s.slots[i]!;
    if (!pick(drug, RISK.subject)) continue;
    const head = text.slice(Math.max(0, drug.start - 60), drug.start);
    if (zh) {
      // `长期使用X后可出现Y`.
      if (!ZH_USE.test(head)) continue;
      // `高钾血症多见于使用保钾利尿剂或ACE抑制剂的患者`: the effect before the frame, every drug of the list.
      const seen = ZH_SEEN_IN.exec(head);
      if (seen) {
        const frameStart = drug.start - seen[0].length;
        const effect = s.slots
          .slice(0, i)
          .reverse()
          .find((x) => !x.pronoun && x.end <= frameStart);
        const drugs = coordinated(s, drug, s.slots.slice(i), zh).filter((x) => pick(x, RISK.subject));
        const last = drugs[drugs.length - 1]!;
        if (
          effect &&
          ZH_SEEN_GAP.test(text.slice(effect.end, frameStart)) &&
          ZH_PATIENTS_AFTER.test(text.slice(last.end, last.end + 8))
        )
          for (const d of drugs) emitOnset(s, emit, d, effect, seen[0]);
        continue;
      }
      const effect = s.slots[i + 1];
      if (effect && ZH_ONSET_BEFORE.test(text.slice(drug.end, effect.start).trim()))
        emitOnset(s, emit, drug, effect, '使用…出现');
      continue;
    }
    const use = EN_USE.exec(head);
    if (!use) continue;
    // `With repeated use of X, Y develops`: the frame opens the sentence, the effect opens the main clause.
    const frameStart = drug.start - use[0].length;
    if (/^\s*$/.test(text.slice(0, frameStart))) {
      const effect = s.slots.find(
        (x) => x.start > drug.end && /,\s*(?:[a-z-]+\s+){0,2}$/i.test(text.slice(drug.end, x.start)),
      );
      if (effect && !/[;:]/.test(text.slice(drug.end, effect.start)) && EN_ONSET.test(text.slice(effect.end)))
        emitOnset(s, emit, drug, effect, use[0].trim());
      continue;
    }
    // `Y develops with repeated use of X`: the effect and its verb right before the frame.
    const before = s.slots
      .slice(0, i)
      .reverse()
      .find((x) => !x.pronoun);
    if (!before) continue;
    const between = text.slice(before.end, frameStart);
    const onset = EN_ONSET.exec(between);
    if (onset && /^\s*(?:\w+ly\s+)?$/.test(between.slice(onset[0].length)))
      emitOnset(s, emit, drug, before, use[0].trim());
  }
}
