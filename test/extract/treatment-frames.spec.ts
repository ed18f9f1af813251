// A treatment named after its disorder, the way clinical texts give advice (cues.ts: the `respond` cues
// `D的首选治疗是X`, `D患者需要补充X`, `requires`/`needs`; origin-frames.ts: `the first-line treatment of D is X`,
// `treatments for D include A and B`; setting-frames.ts: `对于D，首选X`, `For D, X is first-line`). On sentences of
// our own, with the readings that must not be made.
import { describe, expect, it } from 'vitest';
import { has, lacks, read } from './helpers';

describe('a treatment named after its disorder', () => {
  it.each([
    ['库欣病的首选治疗是经蝶窦手术。', ['经蝶窦手术 -treats-> 库欣综合征']],
    ['癫痫持续状态的一线治疗是劳拉西泮。', ['劳拉西泮 -treats-> 癫痫持续状态']],
    ['艾迪生病患者需要终身补充氢化可的松。', ['氢化可的松 -treats-> 艾迪生病']],
    ['帕金森病患者常需服用左旋多巴。', ['左旋多巴 -treats-> 帕金森病']],
    ['The first-line treatment of status epilepticus is lorazepam.', ['lorazepam -treats-> status epilepticus']],
    [
      'Treatments for obsessive-compulsive disorder include SSRIs and exposure and response prevention.',
      [
        'selective serotonin reuptake inhibitor -treats-> obsessive-compulsive disorder',
        'exposure and response prevention -treats-> obsessive-compulsive disorder',
      ],
    ],
    ['Patients with Addison disease need lifelong hydrocortisone.', ["hydrocortisone -treats-> Addison's disease"]],
    ['Patients with Parkinson disease usually require levodopa.', ["levodopa -treats-> Parkinson's disease"]],
  ])('%s', (text, expected) => {
    has(text, expected);
  });

  it('the disorder is the object, never the subject', () => {
    expect(read('癫痫持续状态的一线治疗是劳拉西泮。').relations).not.toContain('癫痫持续状态 -treats-> 劳拉西泮');
    const e = read('The first-line treatment of status epilepticus is lorazepam.');
    expect(e.relations.filter((r) => r.startsWith('status epilepticus'))).toEqual([]);
  });

  it('what a disorder requires that is no treatment is not read as one', () => {
    const e = read('The diagnosis of multiple sclerosis requires magnetic resonance imaging.');
    expect(e.relations.filter((r) => r.includes('-treats->'))).toEqual([]);
  });
});

describe('a disorder that frames a sentence choosing a treatment', () => {
  it.each([
    ['对于库欣病，首选经蝶窦手术。', ['经蝶窦手术 -treats-> 库欣综合征']],
    ['For status epilepticus, lorazepam is first-line.', ['lorazepam -treats-> status epilepticus']],
  ])('%s', (text, expected) => {
    has(text, expected);
  });

  it('a relief the sentence denies after its noun (`其疗效尚未确立`) is none', () => {
    lacks('对于难治性焦虑，经颅磁刺激正在研究之中，但其疗效尚未确立。', ['经颅磁刺激 -treats-> 焦虑']);
  });
});
