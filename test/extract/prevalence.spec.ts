// Prevalence and comorbidity (cues.ts ZH_COMORBID and the English prevalence cue; relations.ts
// associationSpread): how often a state goes with a disorder relates them, with every name of a coordinated
// list, and a Chinese comorbidity clause without a side of its own takes the sentence's topic. On sentences of
// our own, with the pairings that must not be made.
import { describe, it } from 'vitest';
import { has, lacks } from './helpers';

describe('prevalence and comorbidity', () => {
  it.each([
    [
      'Fatigue is reported by up to 80% of people with multiple sclerosis.',
      ['fatigue -associated_with-> multiple sclerosis'],
    ],
    ['Delirium develops in a third of patients with sepsis.', ['delirium -associated_with-> sepsis']],
    ['Insomnia is common in patients with depression.', ['insomnia -associated_with-> depression']],
    ['绝大多数抑郁症患者伴有失眠。', ['抑郁 -associated_with-> 失眠']],
    ['失眠在焦虑症患者中十分常见。', ['失眠 -associated_with-> 焦虑障碍']],
  ])('%s', (text, expected) => {
    has(text, expected);
  });
});

describe('an association with a coordinated list holds with each of its names', () => {
  it.each([
    [
      'Edema is common in heart failure, nephrotic syndrome and cirrhosis.',
      [
        'edema -associated_with-> heart failure',
        'edema -associated_with-> nephrotic syndrome',
        'edema -associated_with-> liver cirrhosis',
      ],
      ['heart failure -associated_with-> nephrotic syndrome'],
    ],
    [
      'Depression is associated with insomnia, anxiety and fatigue.',
      [
        'depression -associated_with-> insomnia',
        'depression -associated_with-> anxiety',
        'depression -associated_with-> fatigue',
      ],
      ['anxiety -associated_with-> fatigue'],
    ],
    [
      '水肿常见于心力衰竭、肾病综合征和肝硬化。',
      ['水肿 -associated_with-> 心力衰竭', '水肿 -associated_with-> 肾病综合征', '水肿 -associated_with-> 肝硬化'],
      ['心力衰竭 -associated_with-> 肾病综合征'],
    ],
    [
      '抑郁与失眠、焦虑和疲劳相关。',
      ['抑郁 -associated_with-> 失眠', '抑郁 -associated_with-> 焦虑', '抑郁 -associated_with-> 疲劳'],
      ['焦虑 -associated_with-> 疲劳'],
    ],
    [
      '广泛性焦虑障碍表现为持续的担忧，病程至少六个月，并伴有易疲劳和睡眠紊乱。',
      ['广泛性焦虑障碍 -associated_with-> 疲劳', '广泛性焦虑障碍 -associated_with-> 睡眠障碍'],
      ['疲劳 -associated_with-> 睡眠障碍'],
    ],
    // A clause that opens with `与` has the sentence's topic as its other side, also past a name the list
    // holds that is no concept.
    [
      '慢性应激破坏这种平衡，与抑郁症、代谢疾病和认知损害密切相关。',
      ['慢性应激 -associated_with-> 抑郁', '慢性应激 -associated_with-> 认知障碍'],
      ['抑郁 -associated_with-> 认知障碍'],
    ],
  ])('%s', (text, expected, unexpected) => {
    has(text, expected);
    lacks(text, unexpected);
  });
});

describe('a share of patients in a chapter about one disorder', () => {
  const md = (title: string, text: string) => `# ${title}\n\n## Comorbidity\n\n${text}`;
  it('is a share of the patients with the disorder the title names', () => {
    has(md('Multiple Sclerosis', 'Depression affects about half of patients over their lifetime.'), [
      'depression -associated_with-> multiple sclerosis',
    ]);
    has(md('Multiple Sclerosis', 'Fatigue is reported by 80% of patients.'), [
      'fatigue -associated_with-> multiple sclerosis',
    ]);
  });

  it('names no disorder when the title names none, or when the patients have a disorder of their own', () => {
    lacks(md('Neuroimmunology', 'Depression affects about half of patients over their lifetime.'), [
      'depression -associated_with-> multiple sclerosis',
    ]);
    has(md('Multiple Sclerosis', 'Fatigue is reported by 80% of patients with depression.'), [
      'fatigue -associated_with-> depression',
    ]);
    lacks(md('Multiple Sclerosis', 'Fatigue is reported by 80% of patients with depression.'), [
      'fatigue -associated_with-> multiple sclerosis',
    ]);
  });
});
