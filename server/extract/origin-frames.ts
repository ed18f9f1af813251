/**
 * A cause named after the effect it is the cause of, in English: `The most common cause of Cushing's
 * syndrome is exogenous glucocorticoids`, `Causes of hypokalaemia include diuretics and vomiting`. The effect
 * sits inside the noun phrase (`cause of X`) and the cause after its verb, each name of a list after it a
 * cause of its own. (Chinese writes the cue in one piece, `X的最常见原因是Y`: the `origin` cue family.)
 */
import { FAMILY_OPTIONS } from './cues';
import { coordinated, pick, type Emit, type Sentence } from './relation-sentence';

const CAUSE_OF =
  /(?:^|\s)(?:the\s+)?(?:(?:most\s+)?(?:common|frequent|usual|main|major|principal|leading|commonest|chief)\s+)?causes?\s+of\s+$/i;
const VERB_AFTER =
  /^\s*(?:is|are|was|were|include|includes|included)\s+(?:(?:the|a|an)\s+)?(?:(?:long-term|chronic|prolonged|excessive|exogenous)\s+)?(?:(?:use|abuse|overuse|intake|exposure|administration)\s+(?:of|to)\s+)?(?:[\w-]+\s+)?$/i;

export function originFrames(s: Sentence, emit: Emit): void {
  if (s.holder.lang === 'zh' || !s.text.includes('ause')) return;
  const [option] = FAMILY_OPTIONS.origin;
  for (let i = 0; i + 1 < s.slots.length; i++) {
    const effect = s.slots[i]!;
    const before = s.text.slice(Math.max(0, effect.start - 60), effect.start);
    if (!CAUSE_OF.test(before) || !pick(effect, option!.object)) continue;
    const first = s.slots[i + 1]!;
    if (!VERB_AFTER.test(s.text.slice(effect.end, first.start))) continue;
    const following = s.slots.slice(i + 1);
    for (const cause of coordinated(s, first, following, false))
      if (cause.concepts[0]!.key !== effect.concepts[0]!.key && pick(cause, option!.subject))
        emit(s, cause, effect, option!, 'cause of', 0.6, false);
    return;
  }
}
