// Typed relations from cue patterns, family by family in both languages: active and passive voice,
// modifier phrases, coordination, category constraints, negation and hedging kept as attributes, pronouns
// resolved to the salient concept, frames (`in PTSD, the fear circuit…`) and named hypotheses.
import { describe, expect, it } from 'vitest';
import { EN_CUES, ZH_CUES } from '../../server/extract/cues';
import { extract } from './helpers';

const zh = (md: string) => extract(md, 'snippet.zh.md');
const en = (md: string) => extract(md, 'snippet.en.md');

describe('cue families, Chinese and English', () => {
  const cases: [string, string, string[]][] = [
    ['treats', '锂盐用于治疗双相情感障碍。', ['锂盐 -treats-> 双相情感障碍']],
    ['treats', 'Lithium is used to treat bipolar disorder.', ['lithium -treats-> bipolar disorder']],
    ['treats (reduce + Disorder)', '氯胺酮可以显著减少自杀念头。', ['氯胺酮 -treats-> 自杀念头']],
    ['prevents', '锂盐可以预防躁狂发作。', ['锂盐 -prevents-> 躁狂']],
    ['prevents', 'Lithium and valproate prevent mania.', ['lithium -prevents-> mania', 'valproate -prevents-> mania']],
    ['causes', '氯胺酮诱导突触生成。', ['氯胺酮 -causes-> 突触发生']],
    ['causes', 'Chronic stress leads to hippocampal atrophy and depression.', ['chronic stress -causes-> depression']],
    ['increases', '氯胺酮提高了大脑的学习率。', ['氯胺酮 -increases-> 学习率']],
    ['increases', 'Lithium increases BDNF.', ['lithium -increases-> brain-derived neurotrophic factor']],
    ['decreases', '氯胺酮阻断NMDA受体。', ['氯胺酮 -decreases-> NMDA受体']],
    ['decreases', 'Ketamine blocks NMDA receptors.', ['ketamine -decreases-> NMDA receptor']],
    ['risk_of', '慢性压力增加抑郁症的风险。', ['慢性应激 -risk_of-> 抑郁']],
    ['risk_of', 'Clozapine carries a risk of agranulocytosis.', ['clozapine -risk_of-> agranulocytosis']],
    ['biomarker_for', 'BDNF是抑郁症的生物标志物。', ['脑源性神经营养因子 -biomarker_for-> 抑郁']],
    [
      'biomarker_for',
      'BDNF is a biomarker for depression.',
      ['brain-derived neurotrophic factor -biomarker_for-> depression'],
    ],
    ['implicated_in', '多巴胺参与精神分裂症。', ['多巴胺 -implicated_in-> 精神分裂症']],
    ['implicated_in', 'Dopamine is implicated in schizophrenia.', ['dopamine -implicated_in-> schizophrenia']],
    ['part_of', '海马体是边缘系统的一部分。', ['海马 -part_of-> 边缘系统']],
    ['part_of', 'The hippocampus is part of the limbic system.', ['hippocampus -part_of-> limbic system']],
    ['combined_with', '氯胺酮与心理治疗联合使用。', ['氯胺酮 -combined_with-> 心理治疗']],
    [
      'combined_with',
      'Fluoxetine is often combined with psychotherapy.',
      ['fluoxetine -combined_with-> psychotherapy'],
    ],
    ['contrasted_with', '与氟哌啶醇相比，氯氮平更有效。', ['氟哌啶醇 -contrasted_with-> 氯氮平']],
    ['contrasted_with', 'Clozapine is more effective than haloperidol.', ['clozapine -contrasted_with-> haloperidol']],
    ['associated_with', '炎症与抑郁症相关。', ['炎症 -associated_with-> 抑郁']],
    ['associated_with', 'Inflammation is associated with depression.', ['inflammation -associated_with-> depression']],
  ];
  it.each(cases)('%s: %s', (_family, text, expected) => {
    const e = /[\u4e00-\u9fff]/.test(text) ? zh(text) : en(text);
    for (const r of expected) {
      const [, subject, predicate, object] = /^(.+) -(\w+)-> (.+)$/.exec(r)!;
      // Symmetric predicates are stored in key order, so either direction is the same relation.
      expect(e.relation(subject!, predicate!, object!), `${r} in ${JSON.stringify(e.relations)}`).toBeDefined();
    }
  });

  it('picks no predicate whose categories do not fit (a circuit does not treat a molecule)', () => {
    expect(zh('前额叶皮层治疗多巴胺。').relations).toEqual([]);
    expect(en('The amygdala treats dopamine.').relations).toEqual([]);
  });
});

describe('cue lexicon', () => {
  it('has cue patterns that capture nothing (the combined pattern tells cues apart by group number)', () => {
    for (const c of [...ZH_CUES, ...EN_CUES])
      expect(new RegExp(`${c.re.source}|`).exec('')!.length, c.re.source).toBe(1);
  });
});

describe('voice and phrase forms', () => {
  it('reads the passive voice with the agent after 由/被/by', () => {
    expect(zh('突触生成由氯胺酮诱导。').relations).toEqual(['氯胺酮 -causes-> 突触发生']);
    expect(zh('NMDA受体被氯胺酮阻断。').relations).toEqual(['氯胺酮 -decreases-> NMDA受体']);
    expect(en('Depression is treated by SSRIs.').relations).toEqual([
      'selective serotonin reuptake inhibitor -treats-> depression',
    ]);
  });

  it('reads modifier phrases (`X诱导的Y`, `X-induced Y`) as the relation they carry', () => {
    expect(zh('氯胺酮诱导的突触生成很快。').relations).toEqual(['氯胺酮 -causes-> 突触发生']);
    expect(en('Ketamine-induced synaptogenesis is rapid.').relations).toEqual(['ketamine -causes-> synaptogenesis']);
  });

  it('spreads a relation over coordinated concepts', () => {
    expect(zh('锂盐可以预防躁狂和抑郁症。').relations).toEqual(['锂盐 -prevents-> 抑郁', '锂盐 -prevents-> 躁狂']);
  });

  it('does not take a means (`通过…`) for the subject, nor a noun (`的急剧增加`) for a verb', () => {
    expect(zh('SSRIs是一类药物。它们通过阻断5-羟色胺转运体提高5-羟色胺浓度。').relations).toContain(
      '选择性5-羟色胺再摄取抑制剂 -increases-> 5-羟色胺浓度',
    );
    expect(zh('动作电位期间钠通道的急剧增加使膜电位去极化。').relations).toEqual([]);
  });

  it('takes the head of a Chinese object phrase, not its modifiers', () => {
    expect(
      zh('假说认为，氯胺酮诱导的突触生成可以加强大脑在前额叶皮层中的“自上而下”控制。').relation(
        '突触发生',
        'increases',
        '自上而下控制',
      ),
    ).toBeDefined();
  });
});

describe('negation and hedging', () => {
  it('keeps a negated relation, marked', () => {
    for (const e of [zh('氯胺酮并不能治疗精神分裂症。'), en('Ketamine does not treat schizophrenia.')]) {
      expect(e.result.relations).toHaveLength(1);
      expect(e.result.relations[0]!.attributes).toMatchObject({ predicate: 'treats', negated: true, hedged: false });
    }
  });

  it('does not read `不仅` or `not only` as a negation', () => {
    const r = zh('氯胺酮不仅起效快，还能治疗抑郁症。').result.relations[0]!;
    expect(r.attributes.negated).toBe(false);
  });

  it('keeps a hedged relation, marked (可能, 假说认为, may, is hypothesised)', () => {
    for (const e of [
      zh('氯胺酮可能减少自杀念头。'),
      zh('假说认为，氯胺酮诱导突触生成。'),
      en('Ketamine may reduce suicidal ideation.'),
      en('It is hypothesised that ketamine induces synaptogenesis.'),
    ]) {
      expect(e.result.relations.length).toBeGreaterThan(0);
      for (const r of e.result.relations) expect(r.attributes).toMatchObject({ hedged: true, negated: false });
    }
  });

  it('records evidence, cue and confidence, and merges one relation stated twice', () => {
    const { result } = en('Ketamine treats depression. Depression is treated by ketamine.');
    expect(result.relations).toHaveLength(2);
    const [a, b] = result.relations;
    expect(a!.subject).toBe(b!.subject);
    expect(a!.attributes.evidence).not.toEqual(b!.attributes.evidence);
    expect(a!.attributes.cues[0]).toBe('treats');
    expect(a!.attributes.confidence).toBeGreaterThan(0.5);
  });
});

describe('pronouns and anaphora', () => {
  it('resolves 它/其 and it/its to the salient concept of the paragraph', () => {
    // `是一种` also makes ketamine a member of the anaesthetics (a class of the same kind).
    expect(zh('氯胺酮是一种麻醉药。它能迅速缓解抑郁症。').relations).toEqual([
      '氯胺酮 -part_of-> 麻醉药',
      '氯胺酮 -treats-> 抑郁',
    ]);
    expect(en('Ketamine is an anaesthetic. It rapidly relieves depression.').relations).toEqual([
      'ketamine -part_of-> anesthetic',
      'ketamine -treats-> depression',
    ]);
  });

  it('takes a clause-opening 它 to the sentence-initial topic, a short modifier before it allowed', () => {
    // `缓释胍法辛…，也可以与兴奋剂联合使用；它…`: the topic, not the nearest drug.
    const e = zh('缓释胍法辛可以单独使用，也可以与兴奋剂联合使用；它的常见不良反应是嗜睡。');
    expect(e.relations).toContain('胍法辛 -risk_of-> 嗜睡');
    expect(e.relations).not.toContain('兴奋剂 -risk_of-> 嗜睡');
    // A noun after `由于` opens no topic: `它` still goes back to the drug.
    const later = zh('托莫西汀阻断NET，由于前额叶皮层的多巴胺也由NET清除，它同时提高了多巴胺水平。');
    expect(later.relations.filter((r) => r.startsWith('前额叶皮层 -increases->'))).toEqual([]);
  });

  it('resolves a pronoun to a concept of the category the predicate needs', () => {
    // 其 could be 突触生成 or 氯胺酮; combined_with needs an intervention.
    expect(
      zh('氯胺酮诱导的突触生成很重要。其与心理治疗的结合更重要。').relation('氯胺酮', 'combined_with', '心理治疗'),
    ).toBeDefined();
  });

  it('records a pronoun mention for the resolved concept', () => {
    const { result, chapter } = en('Ketamine is an anaesthetic. It rapidly relieves depression.');
    const m = result.mentions.find((x) => x.claim === chapter.claims[1]!.key && x.attributes.via === 'pronoun');
    expect(m?.attributes.surface).toBe('It');
  });

  it('names the chapter theory by `this framework` after an apposition', () => {
    const md =
      'This framework, known as predictive coding, is new.\n\nThis framework offers a lens through which to view psychosis.';
    expect(en(md).relations).toContain('predictive coding -associated_with-> psychosis');
  });
});

describe('frames and named hypotheses', () => {
  it('implicates the structure that works abnormally where a disorder is in view', () => {
    expect(zh('在强迫症中，纹状体过度活跃。').relations).toContain('纹状体 -implicated_in-> 强迫症');
    expect(en('In schizophrenia, the hippocampus is hyperactive.').relations).toContain(
      'hippocampus -implicated_in-> schizophrenia',
    );
  });

  it('takes a disorder of the paragraph only when it is the one disorder there', () => {
    const implicated = (md: string) => en(md).relations.filter((r) => r.includes('-implicated_in->'));
    // One disorder in the sentence before: the sign is about it.
    expect(implicated('Schizophrenia is common. Damage to the hippocampus impairs memory.')).toHaveLength(1);
    // Several: the sign does not say which, so none is taken.
    expect(implicated('Schizophrenia and autism are common. Damage to the hippocampus impairs memory.')).toEqual([]);
  });

  it('takes several disorders of its own sentence only in the clause of the sign', () => {
    const implicated = (md: string) => en(md).relations.filter((r) => r.includes('-implicated_in->'));
    expect(
      implicated(
        'Hyposmia, constipation and depression are early features, and the pathology starts outside the substantia nigra.',
      ),
    ).toEqual([]);
    // (One disorder in the sentence is in view wherever the sign stands.)
    expect(implicated('Schizophrenia is common, and the hippocampus is hyperactive.')).toEqual([
      'hippocampus -implicated_in-> schizophrenia',
    ]);
  });

  it('implicates a named hypothesis in its disorder', () => {
    expect(en('This is the "aberrant salience" hypothesis of psychosis.').relations).toEqual([
      'aberrant salience -implicated_in-> psychosis',
    ]);
  });
});

// The general physiology families: made-up sentences, each family in both languages, active, passive and
// negated. `has(e, r)` checks one relation and returns it for its attributes.
function has(e: ReturnType<typeof zh>, r: string) {
  const [, subject, predicate, object] = /^(.+) -(\w+)-> (.+)$/.exec(r)!;
  const found = e.relation(subject!, predicate!, object!);
  expect(found, `${r} in ${JSON.stringify(e.relations)}`).toBeDefined();
  return found!;
}

describe('causal and driving cues (驱动, 驱使, drives, gives rise to)', () => {
  it('reads them active and passive (由/受/by), in both languages', () => {
    for (const t of ['浓度梯度驱动扩散。', '浓度梯度驱使扩散加快。', '扩散由浓度梯度驱动。', '扩散受浓度梯度驱动。'])
      has(zh(t), '浓度梯度 -causes-> 扩散');
    for (const t of [
      'The concentration gradient drives diffusion.',
      'The concentration gradient gives rise to diffusion.',
      'Diffusion is driven by the concentration gradient.',
    ])
      has(en(t), 'concentration gradient -causes-> diffusion');
  });

  it('keeps a denied cause, marked negated', () => {
    expect(has(zh('浓度梯度并不驱动扩散。'), '浓度梯度 -causes-> 扩散').attributes.negated).toBe(true);
    expect(
      has(en('The concentration gradient does not drive diffusion.'), 'concentration gradient -causes-> diffusion')
        .attributes.negated,
    ).toBe(true);
  });

  it('does not read 由于 (because) or 被认为 (is thought to) as a passive mark', () => {
    has(zh('由于浓度梯度驱动扩散，离子移动。'), '浓度梯度 -causes-> 扩散');
    has(zh('浓度梯度被认为驱动扩散。'), '浓度梯度 -causes-> 扩散');
  });

  it('carries the subject of the nearest clause over to a clause without one', () => {
    const e = zh('浓度梯度驱使离子扩散，而电场则作用于离子，导致电扩散。');
    has(e, '电场 -causes-> 电扩散');
    expect(e.relation('浓度梯度', 'causes', '电扩散')).toBeUndefined();
  });
});

describe('determination and dependence cues (决定, 取决于, determines, depends on)', () => {
  it('reads a molecule that determines a process as implicated in it, active and passive', () => {
    for (const t of ['钾离子决定静息膜电位。', '静息膜电位由钾离子决定。', '静息膜电位主要取决于钾离子。'])
      has(zh(t), '钾离子 -implicated_in-> 静息膜电位');
    for (const t of [
      'Potassium determines the resting membrane potential.',
      'The resting membrane potential is determined by potassium.',
      'The resting membrane potential depends on potassium.',
    ])
      has(en(t), 'potassium ion -implicated_in-> resting membrane potential');
  });

  it('keeps a denied determination, marked negated', () => {
    expect(has(zh('钾离子不决定静息膜电位。'), '钾离子 -implicated_in-> 静息膜电位').attributes.negated).toBe(true);
    expect(
      has(
        en('Potassium does not determine the resting membrane potential.'),
        'potassium ion -implicated_in-> resting membrane potential',
      ).attributes.negated,
    ).toBe(true);
  });

  it('reads a cleft (`决定Y的不是A，而是B`): the denied side negated, the corrected side asserted', () => {
    const e = zh('决定静息膜电位的不是钠离子，而是钾离子。');
    expect(has(e, '钾离子 -implicated_in-> 静息膜电位').attributes.negated).toBe(false);
    expect(has(e, '钠离子 -implicated_in-> 静息膜电位').attributes.negated).toBe(true);
  });

  it('only relates abstract terms that determine each other (no typed predicate)', () => {
    const z = zh('欧姆定律决定电导。');
    has(z, '欧姆定律 -associated_with-> 电导');
    expect(z.result.relations.map((r) => r.attributes.predicate)).toEqual(['associated_with']);
    const e = en("Ohm's law determines the conductance.");
    has(e, "Ohm's law -associated_with-> conductance");
    expect(e.result.relations.map((r) => r.attributes.predicate)).toEqual(['associated_with']);
  });
});

describe('part-of and composition cues (组成部分, 由…组成, 构成, 包括, consists of, make up)', () => {
  it('reads the part named first (X是Y的组成部分, X构成Y, X is a component of Y, X make up Y)', () => {
    has(zh('齿状回是海马的组成部分。'), '齿状回 -part_of-> 海马');
    has(zh('齿状回和CA3区构成海马。'), 'CA3区 -part_of-> 海马');
    has(en('The dentate gyrus is a component of the hippocampus.'), 'dentate gyrus -part_of-> hippocampus');
    const e = en('The dentate gyrus and the CA3 region make up the hippocampus.');
    has(e, 'dentate gyrus -part_of-> hippocampus');
    has(e, 'CA3 region -part_of-> hippocampus');
  });

  it('reads the whole named first (Y由X组成, Y包括X, Y consists of X), coordination included', () => {
    for (const t of ['海马由齿状回和CA3区组成。', '海马包括齿状回和CA3区。']) {
      const e = zh(t);
      has(e, '齿状回 -part_of-> 海马');
      has(e, 'CA3区 -part_of-> 海马');
    }
    const e = en('The hippocampus consists of the dentate gyrus and the CA3 region.');
    has(e, 'dentate gyrus -part_of-> hippocampus');
    has(e, 'CA3 region -part_of-> hippocampus');
  });

  it('keeps a denied part, marked negated', () => {
    expect(has(zh('齿状回不是海马的组成部分。'), '齿状回 -part_of-> 海马').attributes.negated).toBe(true);
    expect(
      has(en('The dentate gyrus is not part of the hippocampus.'), 'dentate gyrus -part_of-> hippocampus').attributes
        .negated,
    ).toBe(true);
  });

  it('reads a structure of a structure as its part (钾通道的选择性过滤器, the filter of the channel)', () => {
    has(zh('在钾通道的选择性过滤器中，离子排成一列。'), '选择性过滤器 -part_of-> 钾通道');
    has(
      en('The selectivity filter of the potassium channel is narrow.'),
      'selectivity filter -part_of-> potassium channel',
    );
    // A relative clause is no genitive: `连接A和B的回路` does not make the circuit a part of B.
    expect(zh('这是连接杏仁核和海马的恐惧回路。').relations.filter((r) => r.includes('part_of'))).toEqual([]);
  });

  it('names the parts of a combination through a plural anaphor (这两种过程的结合被称为…)', () => {
    const e = zh('离子会扩散，也会漂移。这两种过程的结合被称为电扩散。');
    has(e, '扩散 -part_of-> 电扩散');
    has(e, '漂移 -part_of-> 电扩散');
  });

  it('takes the items of a list after a lead-in that announces the parts', () => {
    const e = zh(
      '通透性的三个组成部分：\n\n1. **扩散系数**：离子在膜内的移动能力。\n2. **分配系数**：离子进入膜的倾向。\n',
    );
    has(e, '扩散系数 -part_of-> 通透性');
    has(e, '分配系数 -part_of-> 通透性');
  });
});

describe('derivation, prediction and headings (退化为, reduces to, predicts, `X与Y`)', () => {
  it('relates an equation to the one it reduces to, and an equation to what it predicts', () => {
    has(zh('能斯特方程可以退化为欧姆定律。'), '能斯特方程 -associated_with-> 欧姆定律');
    has(en("The Nernst equation reduces to Ohm's law."), "Nernst equation -associated_with-> Ohm's law");
    has(zh('该模型中，能斯特方程预测平衡电位。'), '能斯特方程 -associated_with-> 平衡电位');
  });

  it('reads a measurement that predicts a disorder as its biomarker', () => {
    has(en('Serum cortisol predicts depression.'), 'serum cortisol -biomarker_for-> depression');
    has(zh('血清皮质醇预测抑郁症。'), '血清皮质醇 -biomarker_for-> 抑郁');
  });

  it('resolves `该方程` / `this equation` to the nearest concept with that head noun', () => {
    has(zh('我们得到了能斯特方程。该方程预测平衡电位。'), '能斯特方程 -associated_with-> 平衡电位');
    has(
      en('We derive the Nernst equation. This equation predicts the equilibrium potential.'),
      'Nernst equation -associated_with-> equilibrium potential',
    );
  });

  it('associates the two concepts a section heading pairs', () => {
    const e = zh('## 扩散与电扩散\n\n扩散是离子的随机运动。\n');
    has(e, '扩散 -associated_with-> 电扩散');
  });
});
