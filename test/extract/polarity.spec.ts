// A side that names a lack (`GSK-3β的抑制`, `inhibition of X`, `their degeneration`) turns a raising
// relation into a lowering one and back (server/extract/polarity.ts); `X的抑制作用` is X's own action.
import { describe, it } from 'vitest';
import { has, lacks } from './helpers';

describe('polarity of a side that names a lack', () => {
  it.each([
    ['GSK-3β 的抑制可以增加 BDNF 的表达。', '糖原合成酶激酶3β -decreases-> 脑源性神经营养因子'],
    [
      'Cholinergic neurons are lost early. Their degeneration lowers cortical acetylcholine.',
      'cholinergic neuron -increases-> acetylcholine',
    ],
    ['Ketamine reduces the loss of dendritic spines.', 'ketamine -increases-> dendritic spine'],
  ])('%s', (text, expected) => {
    has(text, [expected]);
  });

  it('keeps the reading where the noun is the name’s own action or there is no lack', () => {
    has('苯二氮䓬类药物能增强GABA的抑制作用。', ['苯二氮䓬类药物 -increases-> γ-氨基丁酸']);
    lacks('苯二氮䓬类药物能增强GABA的抑制作用。', ['苯二氮䓬类药物 -decreases-> γ-氨基丁酸']);
    has('GSK-3β increases tau phosphorylation.', ['GSK-3β -increases-> tau phosphorylation']);
  });
});
