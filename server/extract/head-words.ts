/**
 * Categories from a term's head word, for terms the vocabulary does not know. A term's category is its
 * head's: the last morphemes in Chinese (…症 → Disorder, …受体 → Molecule), the last noun in English
 * (…disorder, …receptor); an `of`-phrase hands the head to what comes before it (`theory of mind`).
 * Order matters: the first rule that fits wins, the more specific heads first.
 */
import type { Category } from '../model/types';

const ZH_RULES: [RegExp, Category][] = [
  // Drugs and therapies before molecules: `…受体拮抗剂` is a drug, not a receptor.
  [
    /(拮抗剂|激动剂|抑制剂|阻断剂|阻滞剂|调节剂|稳定剂|抗抑郁药|抗精神病药|镇静剂|麻醉剂|疗法|治疗|药物|手术|刺激术|干预|训练|疫苗)$/,
    'Intervention',
  ],
  [/(受体|亚基|酶|蛋白|因子|激素|递质|离子|通道|分子|基因|肽|激酶|转运体|转运蛋白|泵|抗体|配体)$/, 'Molecule'],
  [/(综合征|障碍|失调|紊乱|症|病|倾向|念头|成瘾|依赖|损伤|中毒|幻觉|妄想|发作)$/, 'Disorder'],
  // Oscillations and power are measurements only as brain signals (`伽马振荡`); a pendulum's are not.
  [
    /((伽马|阿尔法|贝塔|西塔|德尔塔|脑电|脑)(振荡|波|节律|功率)|标志物|成像|电图|评分|量表|浓度|水平|电位图)$/,
    'Biomarker',
  ],
  [
    /(回路|通路|环路|网络|皮层|皮质|脑区|核团|神经核|神经元|细胞|突触|纤维|束|脑叶|海马|丘脑|纹状体|小脑|脑干|脊髓)$/,
    'Circuit',
  ],
  [
    /(生成|发生|可塑性|抑制|兴奋|传递|调节|调控|学习|记忆|更新|编码|推断|适应|增强|激活|释放|摄取|再摄取|激增|信号传导|信号转导|级联|级联反应|机制|过程|窗口|窗口期|关键期|稳态|凋亡|修剪|髓鞘化|控制)$/,
    'Mechanism',
  ],
];

const EN_RULES: [RegExp, Category][] = [
  [
    /\b(antagonists?|agonists?|inhibitors?|blockers?|stabili[sz]ers?|antidepressants?|antipsychotics?|anxiolytics?|sedatives?|anaesthetics?|anesthetics?|therapy|therapies|treatments?|drugs?|medications?|stimulation|surgery|interventions?|psychotherapy|vaccines?)$/i,
    'Intervention',
  ],
  [
    /\b(receptors?|subunits?|enzymes?|proteins?|factors?|hormones?|neurotransmitters?|ions?|channels?|kinases?|genes?|transporters?|pumps?|antibod(y|ies)|ligands?|peptides?)$/i,
    'Molecule',
  ],
  [
    /\b(disorders?|diseases?|syndromes?|illness(es)?|ideation|addiction|dependence|deficits?|psychos[ie]s|delusions?|hallucinations?|anxiety|depression|injur(y|ies)|toxicity|seizures?|symptoms?)$/i,
    'Disorder',
  ],
  [
    /(\b(gamma|alpha|beta|theta|delta|eeg|brain|neural|cortical)\s+(oscillations?|waves?|rhythms?|power)|\b(biomarkers?|imaging|scores?|scales?|concentrations?|levels?|connectivity))$/i,
    'Biomarker',
  ],
  [
    // `open-circuit` is electrical: a neural circuit's head stands after a space.
    /(?:^|\s)(circuits?|circuitry|pathways?|cortex|cortices|nucleus|nuclei|neurons?|cells?|synapses?|networks?|regions?|areas?|gyrus|gyri|lobes?|tracts?|fibers?|fibres?|hippocampus|thalamus|striatum|cerebellum|brainstem|hierarchy)$/i,
    'Circuit',
  ],
  [
    /\b(genesis|plasticity|inhibition|excitation|transmission|regulation|learning|memory|updating|coding|inference|potentiation|signaling|signalling|cascade|release|reuptake|uptake|surge|homeostasis|apoptosis|pruning|myelination|(critical|sensitive|therapeutic|plasticity) (window|period)|salience|precision|gain|control|prediction|perception|attention|salience)$/i,
    'Mechanism',
  ],
];

/** Heads that say nothing about a category: a term ending in one of these keeps its modifier's. */
const EN_OF = /^(.*?)\s+of\s+.+$/i;

const cache = new Map<string, Category | null>();

/** The category a term's head word gives it, or null. Cached: the same terms recur in every chapter. */
export function categoryFromHeadWord(term: string): Category | null {
  let c = cache.get(term);
  if (c === undefined) {
    // Bounded, so a long run keeps memory flat.
    if (cache.size > 100_000) cache.clear();
    cache.set(term, (c = headWordCategory(term)));
  }
  return c;
}

function headWordCategory(term: string): Category | null {
  const t = term.trim();
  if (/\p{Script=Han}/u.test(t)) {
    for (const [re, cat] of ZH_RULES) if (re.test(t)) return cat;
    return null;
  }
  // `theory of mind`, `precision of the sensory evidence`: the head stands before `of`.
  const of = EN_OF.exec(t);
  const head = of ? of[1]! : t;
  for (const [re, cat] of EN_RULES) if (re.test(head)) return cat;
  return null;
}
