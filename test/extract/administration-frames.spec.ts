// What follows a drug's administration (server/extract/administration-frames.ts): a clause that opens by
// giving a drug, then a main clause saying what changes without an agent of its own. On sentences of our
// own, with a denied change and the frames that must not read.
import { describe, expect, it } from 'vitest';
import { has, lacks, read } from './helpers';

describe('the effect after a drug is given', () => {
  it.each([
    ['After dexamethasone, cortisol is suppressed the next morning.', ['dexamethasone -decreases-> cortisol']],
    ['After naloxone, respiratory depression is rapidly reversed.', ['naloxone -treats-> respiratory depression']],
    ['Following lithium treatment, thyroxine levels fall.', ['lithium -decreases-> thyroxine']],
    ['After ketamine, BDNF rises within hours.', ['ketamine -increases-> brain-derived neurotrophic factor']],
    ['负反馈可以这样检验：正常人服用地塞米松后，次晨皮质醇被抑制。', ['地塞米松 -decreases-> 皮质醇']],
    ['给予纳洛酮后，呼吸抑制迅速逆转。', ['纳洛酮 -treats-> 呼吸抑制']],
  ])('%s', (text, expected) => {
    has(text, expected);
  });

  it('keeps a denied change as a negated reading', () => {
    const e = read('许多抑郁症患者服用地塞米松后，皮质醇未被抑制。');
    expect(e.relation('地塞米松', 'decreases', '皮质醇')?.attributes.negated).toBe(true);
  });

  it.each([
    // No change is said of what follows.
    ['After ketamine, cortisol and anxiety were measured.', ['ketamine -decreases-> cortisol']],
    // The drug is not what the opening frame gives.
    ['In patients taking lithium, cortisol is suppressed.', ['lithium -decreases-> cortisol']],
    // A disorder that rises after a drug is no treatment of it.
    ['After haloperidol, akathisia increases.', ['haloperidol -treats-> akathisia']],
  ])('no reading: %s', (text, unexpected) => {
    lacks(text, unexpected);
  });
});
