/**
 * A name governed by a noun of loss or blocking (`inhibition of GSK-3β`, `GSK-3β的抑制`, `their
 * degeneration`) stands for the lack of what it names: `the inhibition of GSK-3β increases BDNF`
 * says that GSK-3β lowers BDNF. Such a side turns a raising relation into a lowering one and back.
 */
import type { Predicate } from '../model/types';
import type { Sentence, Slot } from './relation-sentence';

const EN_BEFORE =
  /\b(?:inhibition|inhibiting|blockade|blocking|loss|degeneration|depletion|deficiency|deficit|lack|absence|deletion|knockout|antagonism|removal|lesions?|destruction|ablation|damage)\s+(?:of|to)\s+(?:the\s+|these\s+|this\s+)?(?:[\w-]+\s+){0,2}$/i;
const EN_AFTER =
  /^(?:['’]s)?\s+(?:degeneration|loss|depletion|deficiency|blockade|lesions?|damage|knockout|deletion|ablation)\b/i;
// (Only with `的`: a loss word right after a name is mostly its verb, `X抑制Y`.)
// (`GABA的抑制作用` is GABA's inhibitory action, not its inhibition.)
const ZH_AFTER =
  /^\s*的\s*(?:抑制|阻断|缺失|缺乏|丧失|退化|变性|耗竭|损伤|损毁|破坏|敲除|功能丧失)(?!作用|性|效应|功能|效果|能力)/;

/** Whether the slot's name is governed by a noun of loss or blocking. */
export function negatedName(s: Sentence, x: Slot): boolean {
  const zh = s.holder.lang === 'zh';
  const after = s.text.slice(x.end, x.end + 16);
  if (zh) return ZH_AFTER.test(after);
  return EN_AFTER.test(after) || (!x.pronoun && EN_BEFORE.test(s.text.slice(Math.max(0, x.start - 48), x.start)));
}

const FLIP: Partial<Record<Predicate, Predicate>> = { increases: 'decreases', decreases: 'increases' };

/** The predicate once each side's polarity is read: flipped when exactly one side names a lack. */
export function polarized(s: Sentence, subj: Slot, obj: Slot, predicate: Predicate): Predicate {
  const flip = FLIP[predicate];
  if (!flip) return predicate;
  return negatedName(s, subj) !== negatedName(s, obj) ? flip : predicate;
}
