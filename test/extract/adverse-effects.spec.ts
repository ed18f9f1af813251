// Adverse-effect statements (server/extract/adverse-effects.ts) and list items read with their lead-in
// (relations.ts listContinuations), on sentences of our own in both languages, with the cases the rules
// must not fire on: a negated effect, a disorder outside the list, items after a lead-in without a drug.
import { describe, expect, it } from 'vitest';
import { extract, has, lacks, read } from './helpers';

describe('adverse effects: the drug has a risk of each effect its sentence lists', () => {
  it.each([
    ['锂盐的副作用包括震颤、体重增加和甲状腺功能减退。', ['锂盐 -risk_of-> 震颤', '锂盐 -risk_of-> 体重增加']],
    ['胍法辛可以单独使用；它的常见不良反应是嗜睡。', ['胍法辛 -risk_of-> 嗜睡']],
    ['Common side effects of lithium include tremor, weight gain and hypothyroidism.', ['lithium -risk_of-> tremor']],
    ['Lithium is effective. Tremor and weight gain are its common side effects.', ['lithium -risk_of-> weight gain']],
  ])('%s', (text, expected) => {
    has(text, expected);
  });

  it.each([
    [
      '低钾血症是袢利尿剂和噻嗪类最常见的不良反应。',
      ['袢利尿剂 -risk_of-> 低钾血症', '噻嗪类利尿剂 -risk_of-> 低钾血症'],
    ],
    [
      'Common side effects of lithium and valproate include tremor and weight gain.',
      ['lithium -risk_of-> tremor', 'valproate -risk_of-> tremor', 'valproate -risk_of-> weight gain'],
    ],
  ])('coordinated drugs share the effects: %s', (text, expected) => {
    has(text, expected);
  });

  it('reads no risk where the sentence denies the effects', () => {
    const e = read('Bupropion has few side effects: insomnia is the only common one.');
    expect(e.relations.filter((r) => r.includes('risk_of'))).toEqual([]);
    const z = read('托莫西汀几乎没有不良反应，如失眠。');
    expect(z.relations.filter((r) => r.includes('risk_of'))).toEqual([]);
  });

  it('takes only the listed effects, not a disorder the sentence names elsewhere', () => {
    lacks('Side effects of lithium include tremor and weight gain; bipolar disorder itself often recurs.', [
      'lithium -risk_of-> bipolar disorder',
    ]);
    lacks('The side effects of lithium include tremor, whereas depression responds to it.', [
      'lithium -risk_of-> depression',
    ]);
  });
});

describe('list items read with the lead-in that ends in a colon', () => {
  const zh = [
    '兴奋剂的不良反应通常轻微并与剂量相关，常见的包括：',
    '',
    '- 食欲下降；',
    '- 失眠，尤其是在下午服药时。',
  ].join('\n');

  it('an item completes its lead-in: the drug of the lead-in has a risk of the item’s effect', () => {
    const e = extract(zh, 'list.zh.md');
    expect(e.relations).toContain('兴奋剂 -risk_of-> 失眠');
    expect(e.relations).toContain('兴奋剂 -risk_of-> 食欲减退');
    // The evidence is both sentences: the lead-in, then the item.
    const r = e.relation('兴奋剂', 'risk_of', '失眠')!;
    const texts = r.attributes.evidence.map((k) => e.chapter.claims.find((c) => c.key === k)!.attributes.text);
    expect(texts).toEqual(['兴奋剂的不良反应通常轻微并与剂量相关，常见的包括：', '失眠，尤其是在下午服药时。']);
  });

  it('a paragraph after a lead-in is not an item of it when a paragraph stands between', () => {
    const text = ['兴奋剂的不良反应通常轻微，常见的包括：', '', '- 食欲下降。', '', '另有研究。', '', '- 失眠。'].join(
      '\n',
    );
    const e = extract(text, 'gap.zh.md');
    expect(e.relations).toContain('兴奋剂 -risk_of-> 食欲减退');
    expect(e.relations).not.toContain('兴奋剂 -risk_of-> 失眠');
  });

  it('relations inside an item or inside its lead-in are not read again with the other as evidence', () => {
    const text = [
      'Lithium treats mania, but its side effects include:',
      '',
      '- tremor, and propranolol reduces tremor;',
      '- hypothyroidism.',
    ].join('\n');
    const e = extract(text, 'lead.en.md');
    expect(e.relations).toContain('lithium -risk_of-> tremor');
    const evidence = (p: string, o: string) =>
      e.result.relations
        .filter((r) => r.attributes.predicate === p && r.object === `concept:${o}`)
        .map((r) => r.attributes.evidence.length);
    // The item's own relation once, on the item alone; the lead-in's own, on the lead-in alone.
    expect(evidence('treats', 'tremor')).toEqual([1]);
    expect(evidence('treats', 'mania')).toEqual([1]);
    expect(evidence('risk_of', 'tremor')).toEqual([2]);
  });

  it('a lead-in that ends with its cue and a colon takes the items as the cue’s object', () => {
    const zh = ['库欣综合征的典型表现包括：', '', '- 向心性肥胖和满月脸；', '- 高血压和高血糖。'].join('\n');
    const e = extract(zh, 'cue.zh.md');
    for (const s of ['中心性肥胖', '满月脸', '高血压', '高血糖'])
      expect(e.relations).toContain(`库欣综合征 -causes-> ${s}`);
    const en = ["Cushing's syndrome typically presents with:", '', '- central obesity;', '- hypertension.'].join('\n');
    expect(extract(en, 'cue.en.md').relations).toContain("Cushing's syndrome -causes-> hypertension");
  });

  it('but not when a noun closes the lead-in (`又细分为三期：`): the items are its members, not the cue’s object', () => {
    const zh = ['睡眠分为两大类，其中非快速眼动睡眠又细分为三期：', '', '1. N1期：过渡阶段；', '2. REM期：做梦。'].join(
      '\n',
    );
    expect(extract(zh, 'noun.zh.md').relations.filter((r) => r.includes('快速眼动睡眠 -'))).toEqual([]);
  });
});
