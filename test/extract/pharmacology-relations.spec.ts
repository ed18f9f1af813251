// Sentence forms of pharmacology and physiology textbooks, in both languages: drug-class membership,
// blocking and reuptake, indications, adverse effects, hormone chains, subjects set apart from their verb
// (appositives, parentheses, `在…时` frames, `经由…` means), coordinated subjects, objects and verbs, pronouns,
// and the readings these rules must not produce.
import { describe, expect, it } from 'vitest';
import { has, lacks, read } from './helpers';

describe('drug-class membership: named in passing (member_of), or the claim (part_of)', () => {
  it.each([
    [
      'Antipsychotics such as haloperidol and risperidone block dopamine D2 receptors.',
      ['haloperidol -member_of-> antipsychotic', 'risperidone -member_of-> antipsychotic'],
    ],
    [
      'The benzodiazepines (BZDs) — diazepam, lorazepam and alprazolam — enhance the effect of GABA.',
      [
        'diazepam -member_of-> benzodiazepine',
        'lorazepam -member_of-> benzodiazepine',
        'alprazolam -member_of-> benzodiazepine',
      ],
    ],
    [
      'The anticonvulsants, named for their use in epilepsy, include valproate, lamotrigine and carbamazepine.',
      [
        'valproate -part_of-> anticonvulsant',
        'lamotrigine -part_of-> anticonvulsant',
        'carbamazepine -part_of-> anticonvulsant',
      ],
    ],
    ['Lithium is a mood stabilizer.', ['lithium -part_of-> mood stabilizer']],
    [
      '如氟哌啶醇、利培酮等抗精神病药可阻断多巴胺D2受体。',
      ['氟哌啶醇 -member_of-> 抗精神病药', '利培酮 -member_of-> 抗精神病药'],
    ],
    [
      '抗精神病药（如氟哌啶醇和利培酮）阻断多巴胺D2受体。',
      ['氟哌啶醇 -member_of-> 抗精神病药', '利培酮 -member_of-> 抗精神病药'],
    ],
    ['氯氮平属于非典型抗精神病药。', ['氯氮平 -part_of-> 非典型抗精神病药']],
    ['锂盐是一种心境稳定剂。', ['锂盐 -part_of-> 心境稳定剂']],
  ])('%s', (text, expected) => {
    has(text, expected);
  });

  it('makes the class, not its examples, the subject of the verb that follows them', () => {
    const en = has('Antipsychotics such as haloperidol and risperidone block dopamine D2 receptors.', [
      'antipsychotic -decreases-> dopamine D2 receptor',
    ]);
    expect(en.relations).not.toContain('risperidone -decreases-> dopamine D2 receptor');
    const zh = has('抗精神病药（如氟哌啶醇和利培酮）阻断多巴胺D2受体。', ['抗精神病药 -decreases-> 多巴胺D2受体']);
    expect(zh.relations).not.toContain('利培酮 -decreases-> 多巴胺D2受体');
  });

  it('lists nothing after a dash with one name, nor with `like` after a comma', () => {
    const e = read('Ketamine — an anaesthetic — relieves depression.').relations;
    expect(e).not.toContain('anaesthetic -part_of-> ketamine');
    expect(e).not.toContain('anaesthetic -member_of-> ketamine');
    expect(read('SSRIs, like SNRIs, cause nausea.').relations.some((r) => /part_of|member_of/.test(r))).toBe(false);
  });
});

describe('blocking, inhibiting and the targets named in a drug (decreases, increases)', () => {
  it.each([
    [
      'Clozapine and olanzapine block histamine H1 receptors.',
      ['clozapine -decreases-> histamine H1 receptor', 'olanzapine -decreases-> histamine H1 receptor'],
    ],
    ['Paroxetine is a potent inhibitor of the liver enzyme CYP2D6.', ['paroxetine -decreases-> CYP2D6']],
    ['米非司酮拮抗糖皮质激素受体。', ['米非司酮 -decreases-> 糖皮质激素受体']],
    ['Agitated patients may need the 5-HT2A antagonist pimavanserin.', ['pimavanserin -decreases-> 5-HT2A receptor']],
    ['5-HT2A受体拮抗剂可减轻幻觉。', ['5-HT2A受体拮抗剂 -decreases-> 5-HT2A受体']],
  ])('%s', (text, expected) => {
    has(text, expected);
  });

  it('reads blocking the reuptake of a transmitter as raising it', () => {
    const en = has('Cocaine blocks the reuptake of dopamine and norepinephrine.', [
      'cocaine -increases-> dopamine',
      'cocaine -increases-> noradrenaline',
    ]);
    expect(en.relations.some((r) => r.includes('-decreases->'))).toBe(false);
    const zh = has('可卡因抑制多巴胺的再摄取。', ['可卡因 -increases-> 多巴胺']);
    expect(zh.relations.some((r) => r.includes('-decreases->'))).toBe(false);
  });

  it('does not read a negation inside a drug name (米非司酮) and keeps a real one', () => {
    expect(read('米非司酮拮抗糖皮质激素受体。').result.relations[0]!.attributes.negated).toBe(false);
    const r = read('Bupropion does not block the serotonin transporter.').result.relations[0]!;
    expect(r.attributes).toMatchObject({ predicate: 'decreases', negated: true });
    expect(read('Paroxetine may inhibit CYP2D6.').result.relations[0]!.attributes.hedged).toBe(true);
  });
});

describe('indications (treats)', () => {
  it.each([
    ['Clozapine is approved for treatment-resistant schizophrenia.', ['clozapine -treats-> schizophrenia']],
    [
      'Panic disorder responds to SSRIs and to benzodiazepines.',
      ['selective serotonin reuptake inhibitor -treats-> panic disorder', 'benzodiazepine -treats-> panic disorder'],
    ],
    [
      'SSRIs are first-line drugs for obsessive-compulsive disorder and bulimia nervosa.',
      [
        'selective serotonin reuptake inhibitor -treats-> obsessive-compulsive disorder',
        'selective serotonin reuptake inhibitor -treats-> bulimia nervosa',
      ],
    ],
    [
      'Lithium, despite its narrow therapeutic index, remains useful in bipolar disorder.',
      ['lithium -treats-> bipolar disorder'],
    ],
    ['锂盐对双相情感障碍有效。', ['锂盐 -treats-> 双相情感障碍']],
    // (A prepositional phrase on the disorder's side does not take the relation: `in MS` is where it occurs.)
    ['Depression in multiple sclerosis responds to antidepressants.', ['antidepressant -treats-> depression']],
  ])('%s', (text, expected) => {
    has(text, expected);
  });

  it('does not give the treatment to the disorder named in a phrase of place', () => {
    lacks('Depression in multiple sclerosis responds to antidepressants.', [
      'antidepressant -treats-> multiple sclerosis',
    ]);
  });
});

describe('adverse effects (causes, risk_of, increases)', () => {
  it('spreads a verb over a list joined by commas and `and`, past the clause', () => {
    has('Clozapine commonly causes sedation, weight gain and constipation in the first weeks.', [
      'clozapine -causes-> sedation',
      'clozapine -causes-> weight gain',
      'clozapine -causes-> constipation',
    ]);
  });

  it('does not join names across a comma that ends a clause', () => {
    const e = read('Ketamine reduces anhedonia, lithium increases BDNF.');
    expect(e.relations).toEqual([
      'ketamine -treats-> anhedonia',
      'lithium -increases-> brain-derived neurotrophic factor',
    ]);
  });

  it('reads `increases the risk of` and `增加…的易感性` as risk_of only', () => {
    const e = has('Valproate increases the risk of neural tube defects.', ['valproate -risk_of-> neural tube defect']);
    expect(e.relations).not.toContain('valproate -causes-> neural tube defect');
    const zh = has('童年期受虐可能增加罹患抑郁症和创伤后应激障碍的易感性。', [
      '童年创伤 -risk_of-> 抑郁',
      '童年创伤 -risk_of-> 创伤后应激障碍',
    ]);
    expect(zh.relations).not.toContain('抑郁 -risk_of-> 创伤后应激障碍');
  });

  it.each([
    ['Haloperidol prolongs the QT interval.', ['haloperidol -increases-> QT interval']],
    ['氯氮平可引起粒细胞缺乏症。', ['氯氮平 -causes-> 粒细胞缺乏症']],
  ])('%s', (text, expected) => {
    has(text, expected);
  });
});

describe('hormone chains and structures (释放, 分泌, 刺激, stimulates, which drives)', () => {
  it.each([
    [
      'CRH stimulates the release of ACTH, which drives cortisol secretion.',
      [
        'corticotropin-releasing hormone -increases-> adrenocorticotropic hormone',
        'adrenocorticotropic hormone -increases-> cortisol',
      ],
    ],
    [
      '下丘脑释放促肾上腺皮质激素释放激素，后者刺激垂体前叶分泌促肾上腺皮质激素。',
      [
        '下丘脑 -increases-> 促肾上腺皮质激素释放激素',
        // (`刺激垂体前叶分泌ACTH`: what the structure is made to secrete is the object; round-dev6.spec.ts.)
        '促肾上腺皮质激素释放激素 -increases-> 促肾上腺皮质激素',
        '垂体前叶 -increases-> 促肾上腺皮质激素',
      ],
    ],
    // A generic cell head (`的神经元`) hands the act to the structure it belongs to.
    ['下丘脑的神经元释放催产素。', ['下丘脑 -increases-> 催产素']],
    [
      '皮质醇作用于盐皮质激素受体和糖皮质激素受体。',
      ['皮质醇 -interacts_with-> 盐皮质激素受体', '皮质醇 -interacts_with-> 糖皮质激素受体'],
    ],
    ['盐皮质激素受体对皮质醇的亲和力很高。', ['皮质醇 -interacts_with-> 盐皮质激素受体']],
    ['抗抑郁药能恢复糖皮质激素受体的功能。', ['抗抑郁药 -increases-> 糖皮质激素受体']],
    [
      'The amygdala activates the hypothalamus and drives the HPA axis.',
      ['amygdala -increases-> hypothalamus', 'amygdala -increases-> hypothalamic–pituitary–adrenal axis'],
    ],
  ])('%s', (text, expected) => {
    has(text, expected);
  });

  it('does not take a structure before `释放` for a process of its own (下丘脑释放)', () => {
    expect(read('下丘脑释放催产素。').concepts.has('下丘脑释放')).toBe(false);
  });

  it('does not read `合成` after a classifier as a verb (一种合成糖皮质激素)', () => {
    expect(read('地塞米松是一种合成糖皮质激素。').relations.some((r) => r.includes('-increases->'))).toBe(false);
  });
});

describe('subjects away from their verb', () => {
  it.each([
    [
      'Imipramine, first tested as an antipsychotic, turned out to relieve depression.',
      ['imipramine -treats-> depression'],
    ],
    [
      'Stimulants, such as methylphenidate and amphetamine, increase dopamine in the striatum.',
      ['stimulant -increases-> dopamine'],
    ],
    [
      'Ketamine blocks NMDA receptors, increases BDNF and promotes synaptogenesis.',
      [
        'ketamine -decreases-> NMDA receptor',
        'ketamine -increases-> brain-derived neurotrophic factor',
        'ketamine -increases-> synaptogenesis',
      ],
    ],
    // A Chinese pronoun opening a clause carries on the topic, not the nearest name.
    ['前额叶皮层富含多巴胺D1受体，它抑制杏仁核。', ['前额叶皮层 -decreases-> 杏仁核']],
    // `经由…` is a means; `在…时` a frame: neither holds the subject.
    ['前额叶皮层经由终纹床核抑制下丘脑。', ['前额叶皮层 -decreases-> 下丘脑']],
    ['腹侧被盖区在奖赏预期时激活伏隔核。', ['腹侧被盖区 -increases-> 伏隔核']],
    // A disorder that opens the sentence is the subject of the clauses that follow.
    ['慢性应激会导致海马萎缩，并抑制成年神经发生。', ['慢性应激 -decreases-> 成年神经发生']],
    ['Chronic stress suppresses neurogenesis in the hippocampus.', ['chronic stress -decreases-> neurogenesis']],
  ])('%s', (text, expected) => {
    has(text, expected);
  });

  it('reads `A对B的敏感性` as being about A', () => {
    const e = has('锂盐降低NMDA受体对谷氨酸的敏感性。', ['锂盐 -decreases-> NMDA受体']);
    expect(e.relations).not.toContain('锂盐 -decreases-> 谷氨酸');
  });

  it('resolves a noun anaphor of a system (`同一套系统`) and gives a `并` clause no earlier object as subject', () => {
    has('这就是下丘脑-垂体-肾上腺轴。同一套系统会损害海马。', ['下丘脑-垂体-肾上腺轴 -decreases-> 海马']);
    expect(read('神经炎症损害海马神经元，并参与抑郁症的发生。').relations).not.toContain(
      '神经元 -implicated_in-> 抑郁',
    );
  });

  it('does not read `经由` as a passive mark', () => {
    expect(read('前额叶皮层经由终纹床核抑制下丘脑。').relations).not.toContain('终纹床核 -decreases-> 前额叶皮层');
  });
});

describe('readings that are not there', () => {
  it('ignores a cue fused by a hyphen and a noun inside a relative clause', () => {
    expect(
      read('The stimulation strengthens the pain-inhibiting pathways that run from the brainstem.').relations,
    ).toEqual([]);
  });

  it('relates nothing through a passive without its agent', () => {
    expect(
      read('How much of the transporter is blocked at a given plasma concentration is uncertain.').relations,
    ).toEqual([]);
  });

  it('takes an agent after a bare participle (`…or degraded by MAO`)', () => {
    const e = has('The monoamines are repackaged into vesicles or degraded by monoamine oxidase.', [
      'monoamine oxidase -decreases-> monoamine',
    ]);
    expect(e.relations).not.toContain('monoamine -decreases-> monoamine oxidase');
  });

  it('lists no noun cue beside a name as said of it (`它与精神疾病、生物标志物和治疗`)', () => {
    expect(
      read('本文讨论杏仁核与精神疾病、生物标志物和治疗之间的关系。').relations.some((r) => r.includes('biomarker_for')),
    ).toBe(false);
  });
});

describe('a substance given as a drug treats', () => {
  it.each([
    [
      'Adenosine terminates most re-entrant supraventricular tachycardias.',
      ['adenosine -treats-> supraventricular tachycardia'],
    ],
    ['Insulin is used to treat type 1 diabetes.', ['insulin -treats-> type 1 diabetes']],
    ['腺苷可终止室上性心动过速。', ['腺苷 -treats-> 室上性心动过速']],
  ])('%s', (text, expected) => {
    has(text, expected);
  });

  it('keeps a denial of the use as a negated reading', () => {
    const e = read('Adenosine does not terminate atrial fibrillation.');
    expect(e.relation('adenosine', 'treats', 'atrial fibrillation')?.attributes.negated).toBe(true);
  });
});
