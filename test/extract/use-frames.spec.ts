// What develops with a drug's use (server/extract/use-frames.ts): the drug in a frame of use, the effect the
// subject of a verb of onset, in both orders and in Chinese; on sentences of our own, with the cases it must
// not fire on (a denied onset, a verb that is no onset); and `Y多见于使用X的患者`, where an effect is seen.
import { describe, it } from 'vitest';
import { has, lacks } from './helpers';

describe('use frames: a drug has a risk of what develops with its use', () => {
  it.each([
    ['With repeated use of opioids, tolerance develops, and higher doses are needed.', ['opioid -risk_of-> tolerance']],
    [
      'Physical dependence may develop after long-term use of benzodiazepines.',
      ['benzodiazepine -risk_of-> physical dependence'],
    ],
    [
      'Tardive dyskinesia can emerge during chronic treatment with antipsychotics.',
      ['antipsychotic -risk_of-> tardive dyskinesia'],
    ],
    ['长期服用抗精神病药后可出现迟发性运动障碍。', ['抗精神病药 -risk_of-> 迟发性运动障碍']],
    // `Y多见于使用X的患者`: where the effect is seen, every drug of the list.
    [
      '高钾血症多见于使用保钾利尿剂或ACE抑制剂的患者。',
      ['保钾利尿剂 -risk_of-> 高钾血症', '血管紧张素转换酶抑制剂 -risk_of-> 高钾血症'],
    ],
    ['迟发性运动障碍多见于长期服用抗精神病药的老年患者。', ['抗精神病药 -risk_of-> 迟发性运动障碍']],
  ])('%s', (text, expected) => {
    has(text, expected);
  });

  it('reads nothing where the onset is denied or the verb is no onset', () => {
    lacks('With long-term use of benzodiazepines, tolerance does not develop to the anxiolytic effect.', [
      'benzodiazepine -risk_of-> tolerance',
    ]);
    lacks('After treatment with lithium, mania rarely returns.', ['lithium -risk_of-> mania']);
    lacks('长期服用锂盐后躁狂很少复发。', ['锂盐 -risk_of-> 躁狂']);
    // (Seen in those who take the drug for something else: no patients after the drug, no reading.)
    lacks('躁狂多见于使用锂盐治疗之前。', ['锂盐 -risk_of-> 躁狂']);
  });
});
