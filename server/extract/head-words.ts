/**
 * Categories from a term's head word, for terms the vocabulary does not know: Chinese suffixes
 * (…症 → Disorder, …受体 → Molecule) and English head nouns (…disorder, …receptor).
 */
import type { Category } from '../model/types';

const ZH_RULES: [RegExp, Category][] = [
  [/(受体|酶|蛋白|因子|激素|递质|离子|通道|分子|基因|肽|激酶|转运体)$/, 'Molecule'],
  [/(症|障碍|病|综合征|失调|紊乱|倾向|念头|成瘾|依赖|损伤|萎缩)$/, 'Disorder'],
  [/(疗法|治疗|药物|药|剂|手术|刺激术|干预)$/, 'Intervention'],
  [/(回路|通路|环路|皮层|皮质|脑区|核团|核|细胞|神经元|突触|网络|系统|区|叶|回|体)$/, 'Circuit'],
  [/(振荡|功率|信号|水平|标志物|成像|电图|评分)$/, 'Biomarker'],
  [/(生成|可塑性|抑制|兴奋|传递|调节|学习|记忆|更新|编码|推断|适应|增强|激活|释放|作用|机制|过程)$/, 'Mechanism'],
];

const EN_RULES: [RegExp, Category][] = [
  [
    /\b(receptors?|enzymes?|proteins?|factors?|hormones?|neurotransmitters?|ions?|channels?|kinases?|genes?|transporters?)$/i,
    'Molecule',
  ],
  [
    /\b(disorders?|diseases?|syndromes?|illness(es)?|ideation|addiction|dependence|deficits?|psychosis|delusions?|hallucinations?)$/i,
    'Disorder',
  ],
  [
    /\b(therapy|therapies|treatments?|drugs?|medications?|antidepressants?|antipsychotics?|stimulation|surgery|interventions?)$/i,
    'Intervention',
  ],
  [
    /\b(circuits?|pathways?|cortex|cortices|nucleus|nuclei|cells?|neurons?|synapses?|networks?|regions?|gyrus|lobe|tract|system)$/i,
    'Circuit',
  ],
  [/\b(oscillations?|power|signals?|levels?|biomarkers?|imaging|scores?|potentials?)$/i, 'Biomarker'],
  [
    /\b(genesis|plasticity|inhibition|excitation|transmission|regulation|learning|memory|updating|coding|inference|potentiation|depression|signaling|signalling)$/i,
    'Mechanism',
  ],
];

export function categoryFromHeadWord(term: string): Category | null {
  const t = term.trim();
  const rules = /\p{Script=Han}/u.test(t) ? ZH_RULES : EN_RULES;
  for (const [re, cat] of rules) if (re.test(t)) return cat;
  return null;
}
