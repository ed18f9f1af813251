/**
 * A cause named after the effect it is the cause of, in English: `The most common cause of Cushing's
 * syndrome is exogenous glucocorticoids`, `Causes of hypokalaemia include diuretics and vomiting`. The effect
 * sits inside the noun phrase (`cause of X`) and the cause after its verb, each name of a list after it a
 * cause of its own. (Chinese writes the cue in one piece, `X的最常见原因是Y`: the `origin` cue family.)
 * A treatment is named after its disorder the same way: `The first-line treatment of status epilepticus is
 * a benzodiazepine`, `Treatments for OCD include SSRIs and ERP` (Chinese: `D的首选治疗是X`, the `respond` family).
 */
import { FAMILY_OPTIONS, type PredicateOption } from './cues';
import { coordinated, pick, type Emit, type Sentence } from './relation-sentence';

const CAUSE_OF =
  /(?:^|\s)(?:the\s+)?(?:(?:most\s+)?(?:common|frequent|usual|main|major|principal|leading|commonest|chief)\s+)?causes?\s+of\s+$/i;
const VERB_AFTER =
  /^\s*(?:is|are|was|were|include|includes|included)\s+(?:(?:the|a|an)\s+)?(?:(?:long-term|chronic|prolonged|excessive|exogenous)\s+)?(?:(?:use|abuse|overuse|intake|exposure|administration)\s+(?:of|to)\s+)?(?:[\w-]+\s+)?$/i;

const TREATMENT_OF =
  /(?:^|\s)(?:the\s+)?(?:(?:first-line|first-choice|preferred|standard|usual|main|initial|definitive|best|recommended)\s+)?(?:treatment|therapy|therapies|treatments|drugs?|medications?|management)\s+(?:of\s+choice\s+)?(?:of|for|in)\s+(?:(?:patients|people|adults|children)\s+with\s+)?$/i;
const TREATMENT_VERB_AFTER =
  /^\s*(?:is|are|remains|remain|include|includes|consists\s+of)\s+(?:(?:the|a|an)\s+)?(?:(?:oral|intravenous|inhaled|topical|high-dose|low-dose)\s+)?$/i;

export function originFrames(s: Sentence, emit: Emit): void {
  if (s.holder.lang === 'zh') return;
  if (s.text.includes('ause')) nounFrame(s, CAUSE_OF, VERB_AFTER, FAMILY_OPTIONS.origin[0]!, 'cause of', emit);
  if (/reatment|herap|rug|edication|anagement/.test(s.text))
    nounFrame(s, TREATMENT_OF, TREATMENT_VERB_AFTER, FAMILY_OPTIONS.treat[0]!, 'treatment of', emit);
}

/** `N of Y is X`, `Ns of Y include A and B`: the noun phrase before Y, the verb between Y and X. */
function nounFrame(s: Sentence, nounOf: RegExp, verbAfter: RegExp, option: PredicateOption, cue: string, emit: Emit) {
  for (let i = 0; i + 1 < s.slots.length; i++) {
    // (`y`: the name inside the noun phrase, the relation's object; each `x` after the verb, its subject.)
    const y = s.slots[i]!;
    const before = s.text.slice(Math.max(0, y.start - 60), y.start);
    if (!nounOf.test(before) || !pick(y, option.object)) continue;
    const first = s.slots[i + 1]!;
    if (!verbAfter.test(s.text.slice(y.end, first.start))) continue;
    const following = s.slots.slice(i + 1);
    for (const x of coordinated(s, first, following, false))
      if (x.concepts[0]!.key !== y.concepts[0]!.key && pick(x, option.subject)) emit(s, x, y, option, cue, 0.6, false);
    return;
  }
}
