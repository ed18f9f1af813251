// A disorder named as the setting that opens a sentence (server/extract/setting-frames.ts): the treatment that
// relieves something in the main clause treats that disorder; on sentences of our own, with the cases it must not
// fire on (a denied relief, a setting that is no disorder, a main clause without a relieving verb).
import { describe, it } from 'vitest';
import { has, lacks } from './helpers';

describe('a disorder as the setting of a relieving clause', () => {
  it.each([
    [
      'For scar-related ventricular tachycardia, catheter ablation reduces recurrences.',
      ['catheter ablation -treats-> ventricular tachycardia'],
    ],
    ['In panic disorder, SSRIs prevent attacks.', ['selective serotonin reuptake inhibitor -treats-> panic disorder']],
    ['对于难治性高血压，加用螺内酯通常能进一步降低血压。', ['螺内酯 -treats-> 难治性高血压']],
  ])('%s', (text, expected) => {
    has(text, expected);
  });

  it.each([
    ['For depression, benzodiazepines do not reduce symptoms.', ['benzodiazepine -treats-> depression']],
    ['In the hippocampus, cortisol reduces neurogenesis.', ['cortisol -treats-> hippocampus']],
    [
      'In panic disorder, SSRIs are often started at a low dose.',
      ['selective serotonin reuptake inhibitor -treats-> panic disorder'],
    ],
  ])('no reading: %s', (text, unexpected) => {
    lacks(text, unexpected);
  });
});
