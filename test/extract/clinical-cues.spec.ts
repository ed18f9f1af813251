// Cue words every clinical and pharmacology text uses, found missing by probing sentences of our own (not from
// any scored chapter): risk factors and predisposition, presentation, hallmarks, indications, what a structure is
// essential for, signs that point to a state, and a verb of change with no object before the next verb.
import { describe, expect, it } from 'vitest';
import { has, read } from './helpers';

describe('cue words of clinical texts', () => {
  it.each([
    ['Obesity predisposes to type 2 diabetes.', ['obesity -causes-> type 2 diabetes']],
    ['Obesity is a major risk factor for type 2 diabetes.', ['obesity -causes-> type 2 diabetes']],
    ['肥胖是2型糖尿病的主要危险因素。', ['肥胖 -causes-> 2型糖尿病']],
    [
      'Vitamin B12 deficiency can present as peripheral neuropathy.',
      ['vitamin B12 deficiency -causes-> peripheral neuropathy'],
    ],
    ['Clozapine is reserved for treatment-resistant schizophrenia.', ['clozapine -treats-> schizophrenia']],
    ['氯氮平仅用于难治性精神分裂症。', ['氯氮平 -treats-> 精神分裂症']],
    ['吸入性糖皮质激素是哮喘长期控制的基石。', ['吸入性糖皮质激素 -treats-> 哮喘']],
    ['Statins lower LDL cholesterol.', ['statin -decreases-> LDL cholesterol']],
    [
      'The number of neurofibrillary tangles correlates closely with cognitive decline.',
      ['neurofibrillary tangles -associated_with-> cognitive impairment'],
    ],
    [
      'An excess of glutamate overstimulates NMDA receptors and AMPA receptors.',
      ['glutamate -increases-> NMDA receptor', 'glutamate -increases-> AMPA receptor'],
    ],
    ['The hippocampus is essential for forming new memories.', ['hippocampus -implicated_in-> memory']],
    ['海马对新记忆的形成至关重要。', ['海马 -implicated_in-> 记忆']],
    [
      "Amyloid plaques are a hallmark of Alzheimer's disease.",
      ["amyloid plaques -associated_with-> Alzheimer's disease"],
    ],
    ['阿尔茨海默病的病理特征是淀粉样斑块。', ['淀粉样斑块 -associated_with-> 阿尔茨海默病']],
  ])('%s', (text, expected) => {
    has(text, expected);
  });

  it('`lower` after an article, a preposition or a word of degree is an adjective, not a verb', () => {
    for (const text of [
      'Tramadol carries a lower risk of respiratory depression.',
      'At much lower doses, lithium is used in bipolar disorder.',
      'Higher areas talk to lower-level areas such as the visual cortex.',
    ])
      expect(read(text).relations.filter((r) => r.includes('-decreases->') || r.includes('-prevents->'))).toEqual([]);
  });

  it('a Chinese verb of change right before the next verb has no object (`肌钙蛋白升高提示…`)', () => {
    const e = read('血清肌酐升高提示慢性肾脏病。');
    expect(e.relations.filter((r) => r.includes('-increases->'))).toEqual([]);
    has('血清肌酐升高提示慢性肾脏病。', ['血清肌酐 -biomarker_for-> 慢性肾脏病']);
    // (A verb and the verb of its purpose keep their object: `主要用于预防抑郁发作`.)
    has('拉莫三嗪主要用于预防抑郁发作。', ['拉莫三嗪 -treats-> 抑郁']);
  });
});

describe('what a verb brings about, and where', () => {
  it('`effects in D`: the disorder is where an effect is seen; a therapeutic effect there treats it', () => {
    const text = 'Ketamine produces rapid antidepressant effects in treatment-resistant depression.';
    has(text, ['ketamine -treats-> treatment-resistant depression']);
    expect(read(text).relations).not.toContain('ketamine -causes-> treatment-resistant depression');
    const other = read('Ketamine produces dissociative effects in patients with depression.');
    expect(other.relations.filter((r) => r.endsWith('-> depression'))).toEqual([]);
  });

  it('`Y由X合成`: the name after `由` is what the verb makes Y from, not a modifier of the verb', () => {
    has('多巴胺由酪氨酸合成。', ['酪氨酸 -increases-> 多巴胺']);
  });
});

describe('the examples of an object', () => {
  it('share its relation (`…, including Y`)', () => {
    has('Lithium treats mood disorders, including bipolar disorder.', ['lithium -treats-> bipolar disorder']);
  });
});
