// Failure families found on the fourth development pair of chapters (test/fixtures/heldout-dev4), each
// written as a general rule and tested here on sentences of our own, in both languages where the rule applies,
// with a case it must not fire on: other surface forms of a concept (a salt's bare element, an eponym in Latin
// letters before its Chinese head, a molecule with a place adjective, a drug before the verb `治疗`), math
// symbols that are no names, a bare `疾病` whose onset is spoken of, one subject paired with every coordinated
// partner, coordinated verbs, a clause of its own after a list of objects, Chinese causatives, a means phrase
// after the object, a lesion made of a molecule, cues of relief, interference, measurement and risk, and a
// Chinese clause that advises against what it names.
import { describe, expect, it } from 'vitest';
import { eponymForms } from '../../server/extract/vocabulary';
import { extract, has, lacks } from './helpers';

const zh = (md: string) => extract(md, 'snippet.zh.md');
const en = (md: string) => extract(md, 'snippet.en.md');

describe('surface forms of a concept', () => {
  it('the bare element names a lithium salt (`锂`), inside longer names the longer one wins', () => {
    const e = zh('锂可以降低自杀风险，但血锂浓度过高时会出现锂中毒。');
    expect(e.concepts.get('锂盐')).toBe('Intervention');
    expect(e.concepts.get('锂中毒')).toBe('Disorder');
    has('锂抑制糖原合成酶激酶-3β。', ['锂盐 -decreases-> 糖原合成酶激酶3β']);
  });

  it('an English eponym before a Chinese head (`Stevens-Johnson 综合征`) names the eponymous disorder', () => {
    expect(eponymForms([['Stevens-Johnson syndrome', 'label', 'en']])).toEqual(['Stevens-Johnson综合征']);
    expect(eponymForms([["Parkinson's disease", 'label', 'en']])).toEqual(['Parkinson病']);
    expect(eponymForms([['major depressive disorder', 'label', 'en']])).toEqual([]);
    expect(eponymForms([['Stevens-Johnson syndrome', 'label', 'zh']])).toEqual([]);
    expect(zh('某些抗癫痫药可引起 Stevens-Johnson 综合征。').concepts.get('史蒂文斯-约翰逊综合征')).toBe('Disorder');
  });

  it('a TeX command or a one-variable formula is a symbol, not a name (`$\\tau$`, `$CL$`)', () => {
    const z = zh('其中 $\\tau$ 为给药间隔，$CL$ 为清除率。');
    expect(z.concepts.has('tau蛋白')).toBe(false);
    expect([...z.concepts.values()].includes('Molecule')).toBe(false);
    const e = en('Here $\\tau$ is the time constant. Tau aggregates in the cortex.');
    expect(e.concepts.get('tau protein')).toBe('Molecule');
  });

  it('a place adjective before a molecule says where it is (`synaptic acetylcholine` is acetylcholine)', () => {
    const e = en('Donepezil raises synaptic acetylcholine. Striatal dopamine falls in Parkinson disease.');
    expect(e.concepts.has('synaptic acetylcholine')).toBe(false);
    expect(e.concepts.get('acetylcholine')).toBe('Molecule');
    expect(e.concepts.has('striatal dopamine')).toBe(false);
  });

  it('field concepts of neurodegeneration have their categories (lesions are Disorders, tau is a Molecule)', () => {
    const e = en(
      'Amyloid plaques, neurofibrillary tangles and Lewy bodies accompany neuronal death and tau pathology.',
    );
    expect(e.concepts.get('amyloid plaques')).toBe('Disorder');
    expect(e.concepts.get('Lewy bodies')).toBe('Disorder');
    expect(e.concepts.get('neuronal death')).toBe('Mechanism');
    expect(zh('神经炎症和线粒体功能障碍都是病理过程。').concepts.get('神经炎症')).toBe('Mechanism');
  });
});

describe('a bare `疾病` whose onset or course is spoken of', () => {
  it('is the disorder in view', () => {
    has('重度抑郁障碍是常见的精神疾病。氧化应激被认为参与了疾病的发生。', ['氧化应激 -implicated_in-> 重度抑郁症']);
  });

  it('a compound on `疾病` (`心血管疾病的发生`) is no anaphor', () => {
    lacks('重度抑郁障碍很常见。氧化应激与心血管疾病的发生有关。', ['氧化应激 -implicated_in-> 重度抑郁症']);
  });
});

describe('one subject, every coordinated partner of a pairing cue', () => {
  it('`它们常与A或B联合使用`, `They are often used together with A or B`', () => {
    has('苯二氮䓬类起效很快。它们常与舍曲林或氟西汀联合使用。', [
      '苯二氮䓬类药物 -combined_with-> 舍曲林',
      '苯二氮䓬类药物 -combined_with-> 氟西汀',
    ]);
    lacks('苯二氮䓬类起效很快。它们常与舍曲林或氟西汀联合使用。', ['舍曲林 -combined_with-> 氟西汀']);
    has('Benzodiazepines act quickly. They are often used together with sertraline or fluoxetine.', [
      'benzodiazepine -combined_with-> sertraline',
      'benzodiazepine -combined_with-> fluoxetine',
    ]);
  });

  it('`X is given with Y` pairs two drugs; what is no drug (`with food`) pairs nothing', () => {
    has('Ketamine is sometimes given with midazolam.', ['ketamine -combined_with-> midazolam']);
    expect(en('Sertraline is given with food.').relations).toEqual([]);
  });
});

describe('a means phrase after the object', () => {
  it('`X excites Y through Z receptors`: Y is the object, the receptor is what X acts on', () => {
    has('Glutamate excites the amygdala through NMDA receptors.', [
      'glutamate -increases-> amygdala',
      'glutamate -interacts_with-> NMDA receptor',
    ]);
    lacks('Glutamate excites the amygdala through NMDA receptors.', ['glutamate -increases-> NMDA receptor']);
  });
});

describe('a lesion made of a molecule', () => {
  it('`Y is composed of X`, `Y is built from X`, `Y whose main component is X`, `Y由X组成`', () => {
    has('Senile plaques are built from amyloid-β.', ['amyloid-beta -part_of-> amyloid plaques']);
    has('Lewy bodies are inclusions whose main component is α-synuclein.', ['alpha-synuclein -part_of-> Lewy bodies']);
    has('神经原纤维缠结主要由tau蛋白组成。', ['tau蛋白 -part_of-> 神经原纤维缠结']);
  });

  it('a disorder that includes a sign is no composition', () => {
    expect(en('Depression includes anhedonia and low mood.').relations).toEqual([]);
  });
});

describe('cues of relief and interference', () => {
  it('`Y is treated with X`, `Y can be managed with X`: the treatment follows `with`', () => {
    has('Catatonia is usually treated with lorazepam.', ['lorazepam -treats-> catatonia']);
    has('Akathisia can be managed with propranolol.', ['propranolol -treats-> akathisia']);
  });

  it('`对A、B和C都有效`: a drug effective against each of a list treats each', () => {
    has('奥氮平起效较快，对急性躁狂、激越和失眠都有效。', ['奥氮平 -treats-> 躁狂', '奥氮平 -treats-> 失眠']);
  });

  it('`X干扰Y`, `X interferes with Y`: X lowers Y', () => {
    has('皮质醇干扰海马的神经发生。', ['皮质醇 -decreases-> 神经发生']);
    has('Cortisol interferes with hippocampal neurogenesis.', ['cortisol -decreases-> hippocampal neurogenesis']);
  });
});

describe('clauses that change the subject or the object', () => {
  it('`X causes A but may cause B`: the second verb keeps the first one’s subject', () => {
    has('Opioids relieve pain better than aspirin but may cause constipation.', ['opioid -causes-> constipation']);
    lacks('Opioids relieve pain better than aspirin but may cause constipation.', ['aspirin -causes-> constipation']);
  });

  it('`X is the most common cause of A, and B is…`: B opens a clause of its own and is no second object', () => {
    lacks('Stroke is the commonest cause of aphasia, and depression is common after it.', [
      'stroke -causes-> depression',
    ]);
    lacks('Stroke is the commonest cause of aphasia, and major depressive disorder (MDD) is common after it.', [
      'stroke -causes-> major depressive disorder',
    ]);
    has('Stroke causes aphasia and depression.', ['stroke -causes-> depression']);
  });

  it('`增强X和抑制Y`: a `和` right before a verb joins two verbs; the second keeps the first one’s subject', () => {
    has('托吡酯的作用可能与增强 GABA 能传递和阻断谷氨酸受体有关。', ['托吡酯 -decreases-> 谷氨酸受体']);
    lacks('托吡酯的作用可能与增强 GABA 能传递和阻断谷氨酸受体有关。', ['γ-氨基丁酸 -decreases-> 谷氨酸受体']);
    has('氟西汀和舍曲林抑制5-羟色胺转运体。', ['舍曲林 -decreases-> 5-羟色胺转运体']);
  });

  it('`The hallmark lesions of D are A and B`: D is no member of a class', () => {
    lacks('The hallmark lesions of Alzheimer’s disease are amyloid plaques and neurofibrillary tangles.', [
      "Alzheimer's disease -part_of-> amyloid plaques",
    ]);
    has('Sertraline is an SSRI.', ['sertraline -part_of-> selective serotonin reuptake inhibitor']);
  });
});

describe('a Chinese causative clause', () => {
  it('`X抑制A，使B减少`: B is the object of the closing verb, X its cause', () => {
    has('氯胺酮阻断NMDA受体，从而使谷氨酸释放增加。', ['氯胺酮 -increases-> 谷氨酸释放']);
    has('氟西汀抑制5-羟色胺转运体，使突触间隙的5-羟色胺升高。', ['氟西汀 -increases-> 5-羟色胺']);
  });

  it('a causative object is not taken for the subject of its verb', () => {
    lacks('氯胺酮阻断NMDA受体，从而使谷氨酸释放增加。', ['NMDA受体 -increases-> 谷氨酸释放']);
  });
});

describe('measurements and risks', () => {
  it('`X indicates Y`: a measure marks what it indicates; `indicated for` stays a treatment', () => {
    has('A raised plasma neurofilament light level indicates neurodegeneration.', [
      'neurofilament light chain -biomarker_for-> neurodegeneration',
    ]);
    has('Clozapine is indicated for treatment-resistant schizophrenia.', ['clozapine -treats-> schizophrenia']);
  });

  it('`X visualises Y`, `X can detect Y`, `X检测到Y`: a measurement that shows something marks it', () => {
    has('Amyloid PET visualises amyloid plaques in living patients.', ['amyloid PET -biomarker_for-> amyloid plaques']);
    has('A seed amplification assay can detect α-synuclein in the CSF.', [
      'seed amplification assay -biomarker_for-> alpha-synuclein',
    ]);
    has('多导睡眠图可以检测到快速眼动睡眠行为障碍。', ['多导睡眠图 -biomarker_for-> 快速眼动睡眠行为障碍']);
  });

  it('`Their main risk is Y`: the drug carries that risk', () => {
    has('Clozapine works when others fail. Its main risk is agranulocytosis.', [
      'clozapine -risk_of-> agranulocytosis',
    ]);
  });
});

describe('a Chinese clause that advises against what it names', () => {
  it('`不推荐使用X治疗Y`: the reading is negated; `常用X治疗Y` is not', () => {
    expect(
      has('不推荐单独使用氟西汀治疗精神分裂症。', ['氟西汀 -treats-> 精神分裂症']).relation(
        '氟西汀',
        'treats',
        '精神分裂症',
      )!.attributes.negated,
    ).toBe(true);
    expect(
      has('医生常用氟西汀治疗抑郁症。', ['氟西汀 -treats-> 抑郁']).relation('氟西汀', 'treats', '抑郁')!.attributes
        .negated,
    ).toBe(false);
  });
});

describe('a name ending in `治疗` before the name of what it treats', () => {
  it('`使用抗抑郁药治疗双相抑郁`: the drug, then the verb; `电休克治疗` stays a therapy', () => {
    const e = zh('使用抗抑郁药治疗双相抑郁。');
    expect(e.concepts.get('抗抑郁药')).toBe('Intervention');
    expect(e.concepts.has('抗抑郁治疗')).toBe(false);
    expect(zh('抗抑郁药治疗的效果因人而异。').concepts.has('抗抑郁治疗')).toBe(true);
    expect(zh('电休克治疗抑郁症很有效。').concepts.has('电休克疗法')).toBe(true);
  });
});
