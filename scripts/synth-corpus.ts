/**
 * Synthetic corpus generator. This module owns the deterministic fake textbook corpus used by tests and
 * benchmarks: a seeded PRNG, its own bilingual neuroscience/pharmacology vocabulary, chapter assembly in the
 * SciencePedia Markdown dialect (headings, lists, math, `[@problem_id:N]` citations, `[term](@entry_id:N)`
 * glossary links and their variants), the optional corpus folder layout with `Appendices.json`, writing it all
 * to disk, and the `npm run synth` CLI. Same options + seed ⇒ byte-identical output.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export interface SynthChapter {
  path: string;
  content: string;
  lang: 'zh' | 'en';
}

export interface SynthOptions {
  /** Number of Markdown chapters to generate. */
  chapters: number;
  /** Integer seed; the same seed (and options) gives byte-identical output. */
  seed: number;
  /** Share of chapters written in Chinese, 0..1 (default 0.5). */
  zhShare?: number;
  /**
   * Lay chapters out as `Domain@@id/level@@id/Course@@id/Category@@id/Chapter@@id/Topic@@id/` folders holding
   * `MainContent.md`, `Applications.md` and `Appendices.json`. The returned array then also contains one
   * `Appendices.json` entry per topic (filter on `.md` to get only the chapters).
   */
  appendices?: boolean;
}

type Lang = 'zh' | 'en';

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness

/** Mulberry32: a small seeded PRNG (the benchmarks use it too, to draw the same samples every run). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes two 32-bit values into a well-scrambled 32-bit seed. */
function mix(a: number, b: number): number {
  let h = Math.imul((a ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ (b >>> 0);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('synth-corpus: pick from an empty list');
    return item;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
    return items;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary: `zh|en|ABBR|zh alternative form`, one term a line.

const KINDS = ['drug', 'disorder', 'region', 'receptor', 'molecule', 'process', 'measure'] as const;
type Kind = (typeof KINDS)[number];

const RAW_VOCAB: Record<Kind, string> = {
  drug: `
氯胺酮|ketamine
艾氯胺酮|esketamine
氟西汀|fluoxetine
舍曲林|sertraline
帕罗西汀|paroxetine
西酞普兰|citalopram
艾司西酞普兰|escitalopram
文拉法辛|venlafaxine
度洛西汀|duloxetine
安非他酮|bupropion
米氮平|mirtazapine
阿米替林|amitriptyline
丙咪嗪|imipramine
氯米帕明|clomipramine
苯乙肼|phenelzine
碳酸锂|lithium carbonate||锂盐
丙戊酸钠|sodium valproate||丙戊酸
拉莫三嗪|lamotrigine
卡马西平|carbamazepine
奥氮平|olanzapine
利培酮|risperidone
喹硫平|quetiapine
阿立哌唑|aripiprazole
氯氮平|clozapine
氟哌啶醇|haloperidol
齐拉西酮|ziprasidone
鲁拉西酮|lurasidone
地西泮|diazepam||安定
劳拉西泮|lorazepam
阿普唑仑|alprazolam
氯硝西泮|clonazepam
唑吡坦|zolpidem
丁螺环酮|buspirone
普萘洛尔|propranolol
可乐定|clonidine
哌甲酯|methylphenidate
苯丙胺|amphetamine||安非他明
托莫西汀|atomoxetine
莫达非尼|modafinil
纳曲酮|naltrexone
纳洛酮|naloxone
丁丙诺啡|buprenorphine
美沙酮|methadone
吗啡|morphine
芬太尼|fentanyl
可卡因|cocaine
尼古丁|nicotine||烟碱
伐尼克兰|varenicline
乙醇|ethanol||酒精
大麻二酚|cannabidiol|CBD
四氢大麻酚|tetrahydrocannabinol|THC
赛洛西宾|psilocybin||裸盖菇素
麦角酸二乙酰胺|lysergic acid diethylamide|LSD
亚甲二氧基甲基苯丙胺|methylenedioxymethamphetamine|MDMA
美金刚|memantine
多奈哌齐|donepezil
加兰他敏|galantamine
利鲁唑|riluzole
左旋多巴|levodopa|L-DOPA
卡比多巴|carbidopa
普拉克索|pramipexole
司来吉兰|selegiline
丁苯那嗪|tetrabenazine
加巴喷丁|gabapentin
普瑞巴林|pregabalin
托吡酯|topiramate
褪黑素|melatonin
别孕烯醇酮|allopregnanolone
布瑞诺龙|brexanolone
右美沙芬|dextromethorphan
东莨菪碱|scopolamine
雷帕霉素|rapamycin
阿托品|atropine
毒扁豆碱|physostigmine
河豚毒素|tetrodotoxin|TTX
哇巴因|ouabain
利多卡因|lidocaine
`,
  disorder: `
重度抑郁障碍|major depressive disorder|MDD|抑郁症
难治性抑郁症|treatment-resistant depression|TRD
双相情感障碍|bipolar disorder||双相障碍
精神分裂症|schizophrenia
分裂情感性障碍|schizoaffective disorder
广泛性焦虑障碍|generalized anxiety disorder|GAD
惊恐障碍|panic disorder
社交焦虑障碍|social anxiety disorder|SAD
创伤后应激障碍|post-traumatic stress disorder|PTSD|創傷後應激障礙
强迫症|obsessive-compulsive disorder|OCD|强迫性障碍
注意缺陷多动障碍|attention-deficit/hyperactivity disorder|ADHD|多动症
孤独症谱系障碍|autism spectrum disorder|ASD|自闭症
阿尔茨海默病|Alzheimer's disease|AD|老年痴呆
帕金森病|Parkinson's disease|PD
亨廷顿病|Huntington's disease|HD
癫痫|epilepsy
偏头痛|migraine
多发性硬化|multiple sclerosis|MS
肌萎缩侧索硬化|amyotrophic lateral sclerosis|ALS|渐冻症
神经性厌食症|anorexia nervosa
神经性贪食症|bulimia nervosa
暴食障碍|binge eating disorder
酒精使用障碍|alcohol use disorder|AUD
阿片类物质使用障碍|opioid use disorder|OUD
物质使用障碍|substance use disorder|SUD
失眠障碍|insomnia disorder||失眠
发作性睡病|narcolepsy
谵妄|delirium
痴呆|dementia
轻度认知障碍|mild cognitive impairment|MCI
抽动秽语综合征|Tourette syndrome
边缘型人格障碍|borderline personality disorder|BPD
产后抑郁|postpartum depression|PPD
季节性情感障碍|seasonal affective disorder
躯体症状障碍|somatic symptom disorder
功能性神经障碍|functional neurological disorder|FND
慢性疼痛|chronic pain
神经病理性疼痛|neuropathic pain
紧张症|catatonia
精神病性障碍|psychotic disorder||精神病
躁狂发作|manic episode||躁狂
快感缺失|anhedonia
自杀意念|suicidal ideation
迟发性运动障碍|tardive dyskinesia
5-羟色胺综合征|serotonin syndrome
神经阻滞剂恶性综合征|neuroleptic malignant syndrome|NMS
脑卒中|stroke||中风
创伤性脑损伤|traumatic brain injury|TBI
脑水肿|cerebral edema
低钾血症|hypokalemia
高钾血症|hyperkalemia
低钠血症|hyponatremia
心律失常|cardiac arrhythmia
心力衰竭|heart failure
高血压|hypertension
糖尿病|diabetes mellitus
`,
  region: `
前额叶皮层|prefrontal cortex|PFC|前額葉皮層
内侧前额叶皮层|medial prefrontal cortex|mPFC
背外侧前额叶皮层|dorsolateral prefrontal cortex|DLPFC
腹内侧前额叶皮层|ventromedial prefrontal cortex|vmPFC
眶额皮层|orbitofrontal cortex|OFC
前扣带回皮层|anterior cingulate cortex|ACC
膝下扣带回|subgenual cingulate cortex
岛叶|insula||脑岛
杏仁核|amygdala
基底外侧杏仁核|basolateral amygdala|BLA
海马|hippocampus||海马体
齿状回|dentate gyrus
CA1区|CA1 region
内嗅皮层|entorhinal cortex
伏隔核|nucleus accumbens|NAc
腹侧被盖区|ventral tegmental area|VTA
黑质|substantia nigra
纹状体|striatum
背侧纹状体|dorsal striatum
苍白球|globus pallidus
丘脑|thalamus
下丘脑|hypothalamus
视交叉上核|suprachiasmatic nucleus|SCN
室旁核|paraventricular nucleus|PVN
中缝背核|dorsal raphe nucleus|DRN
蓝斑|locus coeruleus|LC
中脑导水管周围灰质|periaqueductal gray|PAG
小脑|cerebellum
脑干|brainstem
初级运动皮层|primary motor cortex||运动皮层
初级视觉皮层|primary visual cortex|V1
体感皮层|somatosensory cortex
听觉皮层|auditory cortex
颞叶|temporal lobe
顶叶|parietal lobe
默认模式网络|default mode network|DMN
突显网络|salience network
中央执行网络|central executive network
外侧缰核|lateral habenula|LHb|缰核
终纹床核|bed nucleus of the stria terminalis|BNST
隔区|septal area
乳头体|mammillary body
松果体|pineal gland
脉络丛|choroid plexus
血脑屏障|blood-brain barrier|BBB
脊髓|spinal cord
背根神经节|dorsal root ganglion|DRG
迷走神经|vagus nerve
肾小管|renal tubule
心肌|myocardium
骨骼肌|skeletal muscle
`,
  receptor: `
NMDA受体|NMDA receptor|NMDAR
AMPA受体|AMPA receptor|AMPAR
红藻氨酸受体|kainate receptor
代谢型谷氨酸受体|metabotropic glutamate receptor|mGluR
GABA-A受体|GABA-A receptor
GABA-B受体|GABA-B receptor
甘氨酸受体|glycine receptor
5-HT1A受体|5-HT1A receptor
5-HT2A受体|5-HT2A receptor
5-HT3受体|5-HT3 receptor
D1受体|dopamine D1 receptor
D2受体|dopamine D2 receptor
D3受体|dopamine D3 receptor
μ阿片受体|mu-opioid receptor|MOR
κ阿片受体|kappa-opioid receptor|KOR
δ阿片受体|delta-opioid receptor|DOR
CB1受体|cannabinoid CB1 receptor
烟碱型乙酰胆碱受体|nicotinic acetylcholine receptor|nAChR
毒蕈碱型乙酰胆碱受体|muscarinic acetylcholine receptor|mAChR
α2肾上腺素受体|alpha-2 adrenergic receptor
β肾上腺素受体|beta-adrenergic receptor
组胺H1受体|histamine H1 receptor
食欲素受体|orexin receptor
糖皮质激素受体|glucocorticoid receptor|GR
盐皮质激素受体|mineralocorticoid receptor|MR
TrkB受体|TrkB receptor
血清素转运体|serotonin transporter|SERT|5-羟色胺转运体
多巴胺转运体|dopamine transporter|DAT
去甲肾上腺素转运体|norepinephrine transporter|NET
囊泡单胺转运体2|vesicular monoamine transporter 2|VMAT2
电压门控钠通道|voltage-gated sodium channel|Nav
电压门控钾通道|voltage-gated potassium channel|Kv
电压门控钙通道|voltage-gated calcium channel|VGCC
L型钙通道|L-type calcium channel
HCN通道|HCN channel
内向整流钾通道|inward-rectifier potassium channel|Kir
钠钾泵|sodium-potassium pump||钠钾ATP酶
钠钾氯共转运体|Na-K-Cl cotransporter|NKCC1
钾氯共转运体|K-Cl cotransporter|KCC2
瞬时受体电位通道|transient receptor potential channel|TRP
TRPV1通道|TRPV1 channel
酸敏感离子通道|acid-sensing ion channel|ASIC
P2X受体|P2X receptor
水通道蛋白4|aquaporin-4|AQP4
sigma-1受体|sigma-1 receptor
褪黑素受体|melatonin receptor
催产素受体|oxytocin receptor
促肾上腺皮质激素释放激素受体|CRH receptor|CRHR1
胰岛素受体|insulin receptor
Toll样受体4|Toll-like receptor 4|TLR4
`,
  molecule: `
谷氨酸|glutamate
γ-氨基丁酸|gamma-aminobutyric acid|GABA
多巴胺|dopamine|DA
血清素|serotonin|5-HT|5-羟色胺
去甲肾上腺素|norepinephrine|NE
乙酰胆碱|acetylcholine|ACh
组胺|histamine
内源性大麻素|endocannabinoid
催产素|oxytocin
脑源性神经营养因子|brain-derived neurotrophic factor|BDNF
神经生长因子|nerve growth factor|NGF
皮质醇|cortisol
促肾上腺皮质激素释放激素|corticotropin-releasing hormone|CRH
促肾上腺皮质激素|adrenocorticotropic hormone|ACTH
白细胞介素-6|interleukin-6|IL-6
肿瘤坏死因子-α|tumor necrosis factor alpha|TNF-α
C反应蛋白|C-reactive protein|CRP
哺乳动物雷帕霉素靶蛋白|mammalian target of rapamycin|mTOR
真核延伸因子2|eukaryotic elongation factor 2|eEF2
环磷酸腺苷|cyclic AMP|cAMP
cAMP反应元件结合蛋白|cAMP response element-binding protein|CREB
钙调蛋白依赖性蛋白激酶II|calcium/calmodulin-dependent protein kinase II|CaMKII
糖原合成酶激酶3β|glycogen synthase kinase 3 beta|GSK-3β
β-淀粉样蛋白|amyloid beta|Aβ
tau蛋白|tau protein
α-突触核蛋白|alpha-synuclein
突触后致密蛋白95|postsynaptic density protein 95|PSD-95
突触素|synaptophysin
锥体神经元|pyramidal neuron
中间神经元|interneuron
小清蛋白中间神经元|parvalbumin interneuron|PV
中型多棘神经元|medium spiny neuron|MSN
小胶质细胞|microglia
星形胶质细胞|astrocyte
少突胶质细胞|oligodendrocyte
周细胞|pericyte
树突棘|dendritic spine
髓鞘|myelin sheath
轴突起始段|axon initial segment|AIS
郎飞结|node of Ranvier
突触小泡|synaptic vesicle
钠离子|sodium ion||钠
钾离子|potassium ion||钾
氯离子|chloride ion
钙离子|calcium ion
镁离子|magnesium ion
三磷酸腺苷|adenosine triphosphate|ATP
一氧化氮|nitric oxide|NO
活性氧|reactive oxygen species|ROS
食欲素|orexin||下丘脑分泌素
`,
  process: `
突触可塑性|synaptic plasticity
长时程增强|long-term potentiation|LTP
长时程抑制|long-term depression|LTD
突触生成|synaptogenesis
神经发生|neurogenesis
稳态可塑性|homeostatic plasticity
关键期|critical period||窗口期
去极化|depolarization
超极化|hyperpolarization
复极化|repolarization
动作电位|action potential|AP
静息膜电位|resting membrane potential
兴奋性突触后电位|excitatory postsynaptic potential|EPSP
抑制性突触后电位|inhibitory postsynaptic potential|IPSP
神经递质释放|neurotransmitter release
再摄取|reuptake
受体脱敏|receptor desensitization
受体内化|receptor internalization
脱髓鞘|demyelination
神经炎症|neuroinflammation
氧化应激|oxidative stress
兴奋性毒性|excitotoxicity
细胞凋亡|apoptosis
自噬|autophagy
扩散|diffusion
电扩散|electrodiffusion
主动转运|active transport
离子通透性|ion permeability
恐惧消退|fear extinction
恐惧条件化|fear conditioning
记忆巩固|memory consolidation
记忆再巩固|memory reconsolidation
工作记忆|working memory
奖赏预测误差|reward prediction error|RPE
预测编码|predictive coding
贝叶斯推断|Bayesian inference
精度加权|precision weighting
强化学习|reinforcement learning
认知控制|cognitive control
情绪调节|emotion regulation
反刍思维|rumination
注意偏向|attentional bias
感觉门控|sensory gating
昼夜节律|circadian rhythm
睡眠稳态|sleep homeostasis
快速眼动睡眠|rapid eye movement sleep|REM
慢波睡眠|slow-wave sleep|SWS
γ振荡|gamma oscillation
θ振荡|theta oscillation
神经同步|neural synchrony
下丘脑-垂体-肾上腺轴|hypothalamic-pituitary-adrenal axis|HPA
应激反应|stress response
耐受性|tolerance
戒断|withdrawal
敏化|sensitization
成瘾|addiction
药物代谢|drug metabolism
首过效应|first-pass metabolism
蛋白质合成|protein synthesis
基因表达|gene expression
表观遗传修饰|epigenetic modification
神经血管耦合|neurovascular coupling
脑血流自动调节|cerebral autoregulation
肾小管重吸收|tubular reabsorption
`,
  measure: `
功能性磁共振成像|functional magnetic resonance imaging|fMRI
正电子发射断层扫描|positron emission tomography|PET
脑电图|electroencephalography|EEG
脑磁图|magnetoencephalography|MEG
经颅磁刺激|transcranial magnetic stimulation|TMS
经颅直流电刺激|transcranial direct current stimulation|tDCS
深部脑刺激|deep brain stimulation|DBS
电休克疗法|electroconvulsive therapy|ECT
认知行为疗法|cognitive behavioral therapy|CBT
暴露疗法|exposure therapy
膜片钳记录|patch-clamp recording||膜片钳
电压钳|voltage clamp
钙成像|calcium imaging
光遗传学|optogenetics
化学遗传学|chemogenetics
失匹配负波|mismatch negativity|MMN
P300成分|P300 component||P300
事件相关电位|event-related potential|ERP
静息态功能连接|resting-state functional connectivity
弥散张量成像|diffusion tensor imaging|DTI
汉密尔顿抑郁量表|Hamilton Depression Rating Scale|HAM-D
蒙哥马利-艾斯伯格抑郁量表|Montgomery-Asberg Depression Rating Scale|MADRS
阳性和阴性症状量表|Positive and Negative Syndrome Scale|PANSS
耶鲁-布朗强迫量表|Yale-Brown Obsessive Compulsive Scale|Y-BOCS
简易精神状态检查|Mini-Mental State Examination|MMSE
受体占有率|receptor occupancy
半衰期|half-life
血浆浓度|plasma concentration||血药浓度
生物利用度|bioavailability
分布容积|volume of distribution|Vd
清除率|clearance
半数有效浓度|half-maximal effective concentration|EC50
半数抑制浓度|half-maximal inhibitory concentration|IC50
解离常数|dissociation constant|Kd
希尔系数|Hill coefficient
剂量-反应曲线|dose-response curve
治疗指数|therapeutic index
膜电容|membrane capacitance
膜电阻|membrane resistance
长度常数|length constant
时间常数|time constant
平衡电位|equilibrium potential
能斯特方程|Nernst equation
GHK方程|Goldman-Hodgkin-Katz equation||高盛-霍奇金-卡茨方程
电导|conductance
反转电位|reversal potential
随机对照试验|randomized controlled trial|RCT
荟萃分析|meta-analysis
效应量|effect size
安慰剂效应|placebo effect
缓解率|remission rate
应答率|response rate
复发率|relapse rate
`,
};

interface Term {
  kind: Kind;
  zh: string;
  en: string;
  zhAlt: string[];
  enAlt: string[];
  abbr: string | undefined;
  derived: boolean;
}

interface Derivation {
  from: Kind;
  to: Kind;
  zh: (t: string) => string;
  en: (t: string) => string;
  /** Skip bases whose English name already contains this word. */
  skipIf?: string;
}

const DERIVATIONS: readonly Derivation[] = [
  { from: 'disorder', to: 'disorder', zh: (t) => `慢性${t}`, en: (t) => `chronic ${t}`, skipIf: 'chronic' },
  { from: 'disorder', to: 'disorder', zh: (t) => `早发性${t}`, en: (t) => `early-onset ${t}` },
  { from: 'disorder', to: 'measure', zh: (t) => `${t}严重程度`, en: (t) => `${t} severity` },
  { from: 'receptor', to: 'drug', zh: (t) => `${t}拮抗剂`, en: (t) => `${t} antagonist` },
  { from: 'receptor', to: 'drug', zh: (t) => `${t}激动剂`, en: (t) => `${t} agonist` },
  { from: 'receptor', to: 'molecule', zh: (t) => `${t}表达`, en: (t) => `${t} expression` },
  { from: 'region', to: 'measure', zh: (t) => `${t}活动`, en: (t) => `${t} activity` },
  { from: 'region', to: 'measure', zh: (t) => `${t}体积`, en: (t) => `${t} volume` },
  { from: 'region', to: 'measure', zh: (t) => `${t}功能连接`, en: (t) => `${t} functional connectivity` },
  { from: 'drug', to: 'drug', zh: (t) => `低剂量${t}`, en: (t) => `low-dose ${t}` },
  { from: 'drug', to: 'measure', zh: (t) => `${t}血药浓度`, en: (t) => `${t} plasma level` },
  { from: 'process', to: 'process', zh: (t) => `${t}受损`, en: (t) => `impaired ${t}`, skipIf: 'impaired' },
  { from: 'process', to: 'process', zh: (t) => `异常${t}`, en: (t) => `aberrant ${t}` },
  { from: 'molecule', to: 'measure', zh: (t) => `${t}水平`, en: (t) => `${t} levels` },
  { from: 'molecule', to: 'process', zh: (t) => `${t}信号`, en: (t) => `${t} signaling` },
];

const PLURAL_HEADS = /(receptor|neuron|channel|cell|spine|vesicle|interneuron|transporter)$/;

function buildVocabulary(): Term[] {
  const base: Term[] = [];
  for (const kind of KINDS) {
    for (const line of RAW_VOCAB[kind].trim().split('\n')) {
      const [zh = '', en = '', abbr = '', alt = ''] = line.trim().split('|');
      if (!zh || !en) continue;
      const zhAlt = [alt, abbr].filter((s) => s.length > 0);
      const enAlt = [abbr, PLURAL_HEADS.test(en) ? `${en}s` : ''].filter((s) => s.length > 0);
      base.push({ kind, zh, en, zhAlt, enAlt, abbr: abbr || undefined, derived: false });
    }
  }
  const derived: Term[] = [];
  for (const d of DERIVATIONS) {
    for (const t of base) {
      if (t.kind !== d.from || (d.skipIf !== undefined && t.en.includes(d.skipIf))) continue;
      const alt = t.abbr ?? t.zhAlt[0];
      derived.push({
        kind: d.to,
        zh: d.zh(t.zh),
        en: d.en(t.en),
        zhAlt: alt === undefined ? [] : [d.zh(alt)],
        enAlt: t.abbr === undefined ? [] : [d.en(t.abbr)],
        abbr: undefined,
        derived: true,
      });
    }
  }
  return [...base, ...derived];
}

const VOCAB: readonly Term[] = buildVocabulary();

// ---------------------------------------------------------------------------------------------------------------
// Sentence material

interface Verb {
  /** zh pattern with {S} subject, {O} object, {H} hedge, {N} negation. */
  zh: string;
  /** en third-person singular and base form. */
  en: string;
  base: string;
}

interface Relation {
  subj: readonly Kind[];
  verb: Verb;
  obj: readonly Kind[];
}

const V = {
  induce: { zh: '{S}{H}{N}诱导{O}', en: 'induces', base: 'induce' },
  inhibit: { zh: '{S}{H}{N}抑制{O}', en: 'inhibits', base: 'inhibit' },
  increase: { zh: '{S}{H}{N}增加{O}', en: 'increases', base: 'increase' },
  reduce: { zh: '{S}{H}{N}减少{O}', en: 'reduces', base: 'reduce' },
  treat: { zh: '{S}{H}{N}治疗{O}', en: 'treats', base: 'treat' },
  block: { zh: '{S}{H}{N}阻断{O}', en: 'blocks', base: 'block' },
  activate: { zh: '{S}{H}{N}激活{O}', en: 'activates', base: 'activate' },
  cause: { zh: '{S}{H}{N}导致{O}', en: 'causes', base: 'cause' },
  associated: { zh: '{S}{H}与{O}{N}相关', en: 'is associated with', base: 'be associated with' },
  implicated: { zh: '{S}{H}{N}参与{O}', en: 'is implicated in', base: 'be implicated in' },
  mediate: { zh: '{S}{H}{N}介导{O}', en: 'mediates', base: 'mediate' },
  regulate: { zh: '{S}{H}{N}调节{O}', en: 'regulates', base: 'regulate' },
  predict: { zh: '{S}{H}{N}预测{O}', en: 'predicts', base: 'predict' },
  project: { zh: '{S}{H}{N}投射至{O}', en: 'projects to', base: 'project to' },
  enhance: { zh: '{S}{H}{N}增强{O}', en: 'enhances', base: 'enhance' },
  impair: { zh: '{S}{H}{N}损害{O}', en: 'impairs', base: 'impair' },
} satisfies Record<string, Verb>;

const RELATIONS: readonly Relation[] = [
  { subj: ['drug'], verb: V.induce, obj: ['process', 'molecule'] },
  { subj: ['drug'], verb: V.inhibit, obj: ['receptor', 'process', 'molecule'] },
  { subj: ['drug'], verb: V.increase, obj: ['molecule', 'process', 'measure'] },
  { subj: ['drug'], verb: V.reduce, obj: ['molecule', 'process', 'measure'] },
  { subj: ['drug'], verb: V.treat, obj: ['disorder'] },
  { subj: ['drug'], verb: V.block, obj: ['receptor'] },
  { subj: ['drug'], verb: V.activate, obj: ['receptor'] },
  { subj: ['process', 'molecule'], verb: V.cause, obj: ['disorder', 'process'] },
  { subj: ['disorder'], verb: V.associated, obj: ['region', 'molecule', 'measure', 'process'] },
  { subj: ['region', 'receptor', 'molecule'], verb: V.implicated, obj: ['process', 'disorder'] },
  { subj: ['receptor'], verb: V.mediate, obj: ['process'] },
  { subj: ['molecule'], verb: V.regulate, obj: ['process', 'region'] },
  { subj: ['process'], verb: V.increase, obj: ['measure', 'molecule'] },
  { subj: ['process'], verb: V.reduce, obj: ['measure', 'molecule'] },
  { subj: ['measure'], verb: V.predict, obj: ['disorder', 'process'] },
  { subj: ['region'], verb: V.project, obj: ['region'] },
  { subj: ['drug', 'molecule'], verb: V.enhance, obj: ['process'] },
  { subj: ['disorder', 'process'], verb: V.impair, obj: ['process', 'region'] },
];

const ZH_HEDGES = ['可能', '似乎', '或许', '很可能', '在某些条件下可能'] as const;
const EN_HEDGES = ['may', 'might', 'could', 'appears to'] as const;

/** Sentence frames. Placeholders: {R} {R2} relation clauses, {D} {X} {Rg} {C} {M} {P} {Q} terms, {cond} {eff} math. */
const ZH_FRAMES = [
  '{R}',
  '{R}',
  '研究表明，{R}',
  '在动物模型中，{R}',
  '临床证据显示，{R}，这一点在{X}患者中尤为明显',
  '从机制上看，{R}，而{R2}',
  '值得注意的是，{R}',
  '一项基于{Q}的研究发现，{R}',
  '因此，{R}，这为理解{X}提供了新的视角',
  '当{cond}时，{R}',
  '这一结果提示，{R}',
  '换句话说，{R}',
  '然而，也有证据表明{R}',
  '在{Rg}中，{R}',
  '这一效应的幅度约为 {eff}，并且{R}',
  '{X}患者的{Q}常常出现异常，{R}',
  '这一点对于理解{P}至关重要',
  '我们可以把{P}想象成一个不断自我校准的系统，{R}',
  '{D}通过{C}{verbZh}{P}',
  '{M}的变化构成了连接{Rg}与{X}的桥梁',
  '在 $n = {n}$ 名受试者中，{R}',
  '经過漫長時間的研究，{R}',
  '对于身处 debilitating 症状中的{X}患者来说，{R}',
] as const;

const EN_FRAMES = [
  '{R}',
  '{R}',
  'Several studies suggest that {R}',
  'In animal models, {R}',
  'Clinical evidence shows that {R}, particularly in patients with {X}',
  'Mechanistically, {R}, whereas {R2}',
  'Notably, {R}',
  'A study using {Q} found that {R}',
  'Therefore, {R}, which offers a new perspective on {X}',
  'When {cond}, {R}',
  'This result suggests that {R}',
  'In other words, {R}',
  'However, there is also evidence that {R}',
  'Within {Rg}, {R}',
  'The size of this effect is roughly {eff}, and {R}',
  'In patients with {X}, {Q} is often abnormal, and {R}',
  'This point is essential for understanding {P}',
  'We can think of {P} as a system that *constantly* recalibrates itself, and {R}',
  '{D} acts through {C} to {verbEn} {P}',
  'Changes in {M} form a bridge between {Rg} and {X}',
  'Across $n = {n}$ participants, {R}',
  'It is tempting to conclude that {R}, but the picture is *more* subtle',
] as const;

const ZH_QUESTIONS = [
  '{D}究竟如何改变{P}？',
  '为什么{X}患者的{Rg}会出现如此显著的变化？',
  '{P}的失调是否足以解释{X}的核心症状？',
] as const;

const EN_QUESTIONS = [
  'How exactly does {D} change {P}?',
  'Why does {Rg} change so markedly in {X}?',
  'Is a disruption of {P} enough to explain the core symptoms of {X}?',
] as const;

const CONDITIONS: readonly (readonly [string, string])[] = [
  ['$V_m$ 接近 $E_{\\mathrm{K}}$', '$V_m$ approaches $E_{\\mathrm{K}}$'],
  ['$\\alpha > 1$', '$\\alpha > 1$'],
  ['$t \\gg \\tau$', '$t \\gg \\tau$'],
  ['$[\\mathrm{K}^+]_o$ 升高', '$[\\mathrm{K}^+]_o$ rises'],
  ['$g_{\\mathrm{Na}}$ 显著增加', '$g_{\\mathrm{Na}}$ increases sharply'],
  ['剂量超过 $0.5\\,\\mathrm{mg/kg}$', 'the dose exceeds $0.5\\,\\mathrm{mg/kg}$'],
  ['长度常数 $\\lambda$ 远大于细胞尺度', 'the length constant $\\lambda$ is much larger than the cell'],
  ['精度参数 $\\pi$ 增大', 'the precision $\\pi$ increases'],
  ['受体占有率 $\\theta$ 超过 $0.8$', 'receptor occupancy $\\theta$ exceeds $0.8$'],
  ['$\\Delta F/F$ 的峰值下降', 'the peak $\\Delta F/F$ falls'],
  ['$C(t)$ 降至 $C_0/2$ 以下', '$C(t)$ drops below $C_0/2$'],
];

interface Formula {
  tex: string;
  zh: string;
  en: string;
}

const FORMULAS: readonly Formula[] = [
  {
    tex: 'E_X = \\frac{RT}{zF}\\ln\\frac{[X]_o}{[X]_i}',
    zh: '$E_X$ 是离子 $X$ 的平衡电位，$z$ 是其化合价，$R$、$T$、$F$ 分别为气体常数、绝对温度和法拉第常数',
    en: '$E_X$ is the equilibrium potential of ion $X$, $z$ its valence, and $R$, $T$, $F$ the gas constant, absolute temperature and Faraday constant',
  },
  {
    tex: 'V_m = \\frac{RT}{F}\\ln\\left(\\frac{P_{\\mathrm{K}}[\\mathrm{K}^+]_o + P_{\\mathrm{Na}}[\\mathrm{Na}^+]_o + P_{\\mathrm{Cl}}[\\mathrm{Cl}^-]_i}{P_{\\mathrm{K}}[\\mathrm{K}^+]_i + P_{\\mathrm{Na}}[\\mathrm{Na}^+]_i + P_{\\mathrm{Cl}}[\\mathrm{Cl}^-]_o}\\right)',
    zh: '$P$ 表示各离子的通透率，$[\\cdot]_o$ 与 $[\\cdot]_i$ 分别为胞外与胞内浓度',
    en: '$P$ denotes the permeability of each ion and $[\\cdot]_o$, $[\\cdot]_i$ the extracellular and intracellular concentrations',
  },
  {
    tex: 'E = E_{\\max}\\frac{C^{n}}{\\mathrm{EC}_{50}^{n} + C^{n}}',
    zh: '$E$ 是效应，$C$ 是药物浓度，$n$ 是希尔系数',
    en: '$E$ is the effect, $C$ the drug concentration and $n$ the Hill coefficient',
  },
  {
    tex: 'v = \\frac{V_{\\max}[S]}{K_m + [S]}',
    zh: '$v$ 为反应速率，$K_m$ 为米氏常数',
    en: '$v$ is the reaction rate and $K_m$ the Michaelis constant',
  },
  {
    tex: 'C(t) = C_0 e^{-kt}, \\qquad t_{1/2} = \\frac{\\ln 2}{k}',
    zh: '$C_0$ 为初始血浆浓度，$k$ 为消除速率常数',
    en: '$C_0$ is the initial plasma concentration and $k$ the elimination rate constant',
  },
  {
    tex: '\\mu_{\\text{post}} = \\mu_0 + \\frac{\\pi_x}{\\pi_0 + \\pi_x}\\,(x - \\mu_0)',
    zh: '$\\mu_0$ 为先验均值，$\\pi_0$ 与 $\\pi_x$ 分别为先验和感觉证据的精度',
    en: '$\\mu_0$ is the prior mean and $\\pi_0$, $\\pi_x$ the precisions of the prior and of the sensory evidence',
  },
  {
    tex: '\\tau_m \\frac{dV}{dt} = -(V - E_L) + R_m I(t)',
    zh: '$\\tau_m$ 为膜时间常数，$E_L$ 为漏电反转电位',
    en: '$\\tau_m$ is the membrane time constant and $E_L$ the leak reversal potential',
  },
  {
    tex: '\\lambda = \\sqrt{\\frac{r_m}{r_i}}',
    zh: '$r_m$ 与 $r_i$ 分别为单位长度的膜电阻和轴向电阻',
    en: '$r_m$ and $r_i$ are the membrane and axial resistances per unit length',
  },
  {
    tex: '\\delta_t = r_t + \\gamma V(s_{t+1}) - V(s_t)',
    zh: '$\\delta_t$ 为奖赏预测误差，$\\gamma$ 为折扣因子',
    en: '$\\delta_t$ is the reward prediction error and $\\gamma$ the discount factor',
  },
  {
    tex: '\\theta = \\frac{[L]}{K_d + [L]}',
    zh: '$\\theta$ 为受体占有率，$K_d$ 为解离常数',
    en: '$\\theta$ is receptor occupancy and $K_d$ the dissociation constant',
  },
  {
    tex: 'C_m \\frac{dV}{dt} = -\\sum_i g_i\\,(V - E_i) + I_{\\text{ext}}',
    zh: '$C_m$ 为膜电容，$g_i$ 为第 $i$ 种离子的电导',
    en: '$C_m$ is the membrane capacitance and $g_i$ the conductance of ion species $i$',
  },
  {
    tex: 'P(H \\mid D) = \\frac{P(D \\mid H)\\,P(H)}{P(D)}',
    zh: '$H$ 表示假设，$D$ 表示观测数据',
    en: '$H$ stands for a hypothesis and $D$ for the observed data',
  },
  {
    tex: 'J = -D\\,\\frac{\\partial c}{\\partial x}',
    zh: '$J$ 为扩散通量，$D$ 为扩散系数',
    en: '$J$ is the diffusive flux and $D$ the diffusion coefficient',
  },
];

const KIND_NOUN: Record<Kind, readonly [string, string]> = {
  drug: ['一种作用于中枢神经系统的药物', 'a drug acting on the central nervous system'],
  disorder: ['一种常见且致残的临床综合征', 'a common and disabling clinical syndrome'],
  region: ['一个在情绪与认知中起枢纽作用的结构', 'a structure that acts as a hub for emotion and cognition'],
  receptor: ['一类位于细胞膜上的蛋白质', 'a class of membrane proteins'],
  molecule: ['一种关键的信号分子或细胞成分', 'a key signalling molecule or cellular component'],
  process: ['一个基本的生理过程', 'a fundamental physiological process'],
  measure: ['一种常用的测量或干预手段', 'a widely used measurement or intervention'],
};

const ZH_SECTION_TITLES = [
  '{T}的作用机制',
  '{X}中的{P}',
  '从{Rg}到{P}',
  '{D}的临床应用',
  '测量{Q}：方法与解释',
  '局限性与未解决的问题',
  '跨学科联系：{P}与{X}',
  '{C}与{P}',
  '{Rg}的功能',
  '一场革命：{D}与{X}',
  '双刃剑：从{P}到不良适应',
] as const;

const EN_SECTION_TITLES = [
  'Mechanisms of {T}',
  '{P} in {X}',
  'From {Rg} to {P}',
  'Clinical Uses of {D}',
  'Measuring {Q}: Methods and Interpretation',
  'Limitations and Open Questions',
  'Interdisciplinary Links: {P} and {X}',
  '{C} and {P}',
  'The Role of {Rg}',
  'A Revolution: {D} and {X}',
  'A Double-Edged Sword: From {P} to Maladaptation',
] as const;

const ZH_SUB_TITLES = ['{T}的作用', '与{T}的关系', '{T}的局限性', '临床意义', '一个简单的模型'] as const;
const EN_SUB_TITLES = [
  'The Role of {T}',
  'Relation to {T}',
  'Limits of {T}',
  'Clinical Significance',
  'A Simple Model',
] as const;

const ZH_LIST_LEADS = [
  '{P}的关键组成部分包括{cite}：',
  '具体而言，{D}的作用可以分为以下几个步骤{cite}：',
  '{X}的核心特征包括{cite}：',
  '支持这一观点的证据主要来自以下几个方面{cite}：',
  '在临床上，需要特别注意以下几点{cite}：',
] as const;

const EN_LIST_LEADS = [
  'The key components of {P} include{cite}:',
  'Specifically, the action of {D} unfolds in several steps{cite}:',
  'The core features of {X} include{cite}:',
  'The evidence for this view comes mainly from the following sources{cite}:',
  'Clinically, several points deserve particular attention{cite}:',
] as const;

const ZH_MATH_LEADS = ['其数学形式可以写为：', '这一关系可以用如下方程描述：', '定量地看，我们有：'] as const;
const EN_MATH_LEADS = [
  'Formally, this can be written as:',
  'The relationship is captured by:',
  'Quantitatively, we have:',
] as const;

const DOMAINS: readonly (readonly [string, readonly string[]])[] = [
  ['Neuroscience Academic', ['Cellular Neuroscience', 'Systems Neuroscience', 'Computational Neuroscience']],
  ['Psychiatry Academic', ['Clinical Psychiatry', 'Biological Psychiatry', 'Psychotherapy and Behaviour']],
  ['Pharmacology Academic', ['Psychopharmacology', 'Pharmacokinetics', 'Clinical Pharmacology']],
  ['Physiology Academic', ['Membrane Physiology', 'Cardiovascular Physiology', 'Renal Physiology']],
];
const CATEGORIES = [
  'Foundations',
  'Core Mechanisms',
  'Clinical Applications',
  'Methods and Measurement',
  'Advanced Topics',
] as const;
const CHAPTER_SUFFIXES = ['and Behaviour', 'in Health and Disease', 'and Its Regulation', 'Across Scales'] as const;
const TOPIC_PATTERNS = [
  '{A} and {B}',
  'The Role of {A} in {B}',
  'Analysis of {A}',
  '{A}: Principles and Models',
] as const;

// ---------------------------------------------------------------------------------------------------------------
// Corpus-level state

interface Entry {
  term: Term;
  id: number;
  slug: string;
}

interface Sampler {
  entries: Entry[];
  cumulative: Float64Array;
}

interface Corpus {
  entries: Entry[];
  byKind: Record<Kind, Sampler>;
  problems: number[];
}

const ZIPF_EXPONENT = 1.05;

function makeSampler(entries: Entry[], weights: number[]): Sampler {
  const cumulative = new Float64Array(entries.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    cumulative[i] = sum;
  });
  return { entries, cumulative };
}

function sample(s: Sampler, rng: Random): Entry {
  const total = s.cumulative[s.cumulative.length - 1] ?? 0;
  const x = rng.float() * total;
  let lo = 0;
  let hi = s.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((s.cumulative[mid] ?? 0) <= x) lo = mid + 1;
    else hi = mid;
  }
  const e = s.entries[lo];
  if (e === undefined) throw new Error('synth-corpus: empty sampler');
  return e;
}

function uniqueInts(rng: Random, count: number, lo: number, hi: number): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  while (out.length < count) {
    const v = rng.int(lo, hi);
    if (seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out;
}

function slugify(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function buildCorpus(seed: number, chapters: number): Corpus {
  const rng = new Random(mix(seed, 0x5eed));
  const ids = uniqueInts(rng, VOCAB.length, 100000, 999999);
  const entries: Entry[] = VOCAB.map((term, i) => ({ term, id: ids[i] ?? 0, slug: slugify(term.en) }));
  // Global popularity ranks, shuffled per seed: base terms take the popular ranks, derived compounds ("chronic X",
  // "X antagonist") form the long tail. Each kind's sampler keeps the global Zipf weights, so sampling a kind first
  // and then an entry inside it preserves the skew.
  const baseCount = VOCAB.filter((t) => !t.derived).length;
  const rank = [
    ...rng.shuffle(entries.slice(0, baseCount).map((_, i) => i)),
    ...rng.shuffle(entries.slice(baseCount).map((_, i) => baseCount + i)),
  ];
  const rankOf = new Array<number>(entries.length);
  rank.forEach((entryIndex, r) => {
    rankOf[entryIndex] = r;
  });
  const byKind = {} as Record<Kind, Sampler>;
  for (const kind of KINDS) {
    const idx = entries.map((_, i) => i).filter((i) => entries[i]?.term.kind === kind);
    idx.sort((a, b) => (rankOf[a] ?? 0) - (rankOf[b] ?? 0));
    byKind[kind] = makeSampler(
      idx.map((i) => entries[i] as Entry),
      idx.map((i) => 1 / Math.pow((rankOf[i] ?? 0) + 1, ZIPF_EXPONENT)),
    );
  }
  // Problem ids: 6–7 digits, shared by every chapter and appendix (capped well below the 4.9M-id range).
  const problems = uniqueInts(rng, Math.min(Math.max(1000, chapters * 6), 1_500_000), 100000, 4999999);
  return { entries, byKind, problems };
}

// ---------------------------------------------------------------------------------------------------------------
// Chapter-level generation

type Variant = 'entry' | 'article' | 'keyword' | 'none';
type CiteStyle = 'before' | 'after' | 'mixed';

interface Ctx {
  rng: Random;
  lang: Lang;
  corpus: Corpus;
  variant: Variant;
  citeStyle: CiteStyle;
  citeRate: number;
  linkRate: number;
  localProblems: number[];
  focal: Entry[];
  citeCount: number;
  linkCount: number;
  sentenceCount: number;
  /** Suppress links and citations (appendix text). */
  plain: boolean;
  /** Rendering a heading: links are optional and never forced, no emphasis. */
  inHeading: boolean;
}

interface MentionOpts {
  link?: boolean;
  decorate?: boolean;
  article?: boolean;
}

interface Sentence {
  text: string;
  /** Ends with a citation placed after the closing punctuation. */
  trailing: boolean;
}

function fill(template: string, gen: (key: string) => string): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => gen(key));
}

function capFirst(s: string): string {
  const m = /^([[*]*)([a-z])/.exec(s);
  if (!m) return s;
  const prefix = m[1] ?? '';
  const letter = m[2] ?? '';
  return prefix + letter.toUpperCase() + s.slice(m[0].length);
}

function pickEntry(ctx: Ctx, kind: Kind): Entry {
  const { rng } = ctx;
  if (rng.chance(0.2)) {
    const focal = ctx.focal.filter((e) => e.term.kind === kind);
    if (focal.length > 0) return rng.pick(focal);
  }
  return sample(ctx.corpus.byKind[kind], rng);
}

function surfaceOf(ctx: Ctx, e: Entry): string {
  const alts = ctx.lang === 'zh' ? e.term.zhAlt : e.term.enAlt;
  if (alts.length > 0 && ctx.rng.chance(0.07)) return ctx.rng.pick(alts);
  return ctx.lang === 'zh' ? e.term.zh : e.term.en;
}

function linkTarget(ctx: Ctx, e: Entry): string {
  const { rng } = ctx;
  if (ctx.variant === 'article' && rng.chance(0.8)) return `@article_id:${e.id}`;
  if (ctx.variant === 'keyword' && rng.chance(0.8)) {
    return `@keyword=${e.slug}|lang=${ctx.lang === 'zh' ? 'zh-CN' : 'en'}|style=Feynman`;
  }
  return `@entry_id:${e.id}`;
}

/** Renders one mention of an entry: plain text or a glossary link (occasionally cutting through the word). */
function renderEntry(ctx: Ctx, e: Entry, opts: MentionOpts = {}): string {
  const { rng } = ctx;
  const s = surfaceOf(ctx, e);
  const canLink = (opts.link ?? true) && !ctx.plain && ctx.variant !== 'none';
  const forced = ctx.linkCount === 0 && !ctx.inHeading;
  if (canLink && (forced || rng.chance(ctx.inHeading ? 0.3 : ctx.linkRate))) {
    ctx.linkCount++;
    const target = linkTarget(ctx, e);
    if (ctx.lang === 'zh' && s.length >= 4 && /^[\u4e00-\u9fff]+$/.test(s) && rng.chance(0.03)) {
      return rng.chance(0.5)
        ? `${s.slice(0, 1)}[${s.slice(1)}](${target})`
        : `[${s.slice(0, -1)}](${target})${s.slice(-1)}`;
    }
    return `[${s}](${target})`;
  }
  if ((opts.decorate ?? true) && !ctx.inHeading) {
    if (ctx.lang === 'en' && rng.chance(0.03)) return `*${s}*`;
    if (ctx.lang === 'zh' && rng.chance(0.02)) return `**${s}**`;
  }
  return s;
}

function renderMention(ctx: Ctx, e: Entry, opts: MentionOpts = {}): string {
  const r = renderEntry(ctx, e, opts);
  const article = (opts.article ?? true) && !ctx.inHeading;
  return article && ctx.lang === 'en' && e.term.kind === 'region' ? `the ${r}` : r;
}

function mention(ctx: Ctx, kind: Kind, opts: MentionOpts = {}): string {
  return renderMention(ctx, pickEntry(ctx, kind), opts);
}

function enVerbPhrase(ctx: Ctx, v: Verb, hedge: boolean, neg: boolean): string {
  if (hedge) {
    const h = ctx.rng.pick(EN_HEDGES);
    if (h === 'appears to') return neg ? `does not appear to ${v.base}` : `appears to ${v.base}`;
    return `${h}${neg ? ' not' : ''} ${v.base}`;
  }
  if (neg) return v.base.startsWith('be ') ? `is not ${v.base.slice(3)}` : `does not ${v.base}`;
  return v.en;
}

/** A subject–verb–object clause, e.g. `氯胺酮可能诱导突触生成` / `ketamine may induce synaptogenesis`. */
function relation(ctx: Ctx, subject?: string): string {
  const { rng } = ctx;
  const rel = rng.pick(RELATIONS);
  const subj = pickEntry(ctx, rng.pick(rel.subj));
  let obj = pickEntry(ctx, rng.pick(rel.obj));
  for (let tries = 0; tries < 4 && obj.id === subj.id; tries++) obj = pickEntry(ctx, rng.pick(rel.obj));
  const s = subject ?? renderMention(ctx, subj);
  const o = renderMention(ctx, obj);
  const hedge = rng.chance(0.22);
  const neg = rng.chance(0.07);
  if (ctx.lang === 'zh') {
    return fill(rel.verb.zh, (k) => {
      if (k === 'S') return s;
      if (k === 'O') return o;
      if (k === 'H') return hedge ? rng.pick(ZH_HEDGES) : '';
      return neg ? '并不' : '';
    });
  }
  return `${s} ${enVerbPhrase(ctx, rel.verb, hedge, neg)} ${o}`;
}

function effectSize(rng: Random): string {
  const v = rng.int(0, 4);
  if (v === 0) return `$d \\approx ${(rng.int(2, 14) / 10).toFixed(1)}$`;
  if (v === 1) return `$r = ${(rng.int(10, 70) / 100).toFixed(2)}$`;
  if (v === 2) return `$p < 0.0${rng.int(1, 5)}$`;
  if (v === 3) return `$\\mathrm{OR} = ${(rng.int(11, 40) / 10).toFixed(1)}$`;
  return `$R^2 = ${(rng.int(5, 80) / 100).toFixed(2)}$`;
}

function gen(ctx: Ctx, key: string): string {
  const { rng, lang } = ctx;
  switch (key) {
    case 'R':
    case 'R2':
      return relation(ctx);
    case 'D':
      return mention(ctx, 'drug');
    case 'X':
      return mention(ctx, 'disorder');
    case 'Rg':
      return mention(ctx, 'region');
    case 'C':
      return mention(ctx, 'receptor');
    case 'M':
      return mention(ctx, 'molecule');
    case 'P':
      return mention(ctx, 'process');
    case 'Q':
      return mention(ctx, 'measure');
    case 'T':
      return mention(ctx, rng.pick(KINDS));
    case 'cond': {
      const c = rng.pick(CONDITIONS);
      // Chinese text puts a space between inline math and the characters around it.
      return lang === 'zh' ? c[0].replace(/^\$/, ' $').replace(/\$$/, '$ ') : c[1];
    }
    case 'eff':
      return effectSize(rng);
    case 'n':
      return String(rng.int(12, 480));
    case 'verbZh':
      return rng.pick(['增强', '抑制', '调节', '诱导']);
    case 'verbEn':
      return rng.pick(['enhance', 'inhibit', 'regulate', 'induce']);
    default:
      return key;
  }
}

function citations(ctx: Ctx): string {
  const { rng } = ctx;
  const n = rng.chance(0.75) ? 1 : rng.chance(0.72) ? 2 : 3;
  const ids: number[] = [];
  for (let tries = 0; ids.length < n && tries < 10; tries++) {
    const id =
      ctx.localProblems.length > 0 && rng.chance(0.75) ? rng.pick(ctx.localProblems) : rng.pick(ctx.corpus.problems);
    if (!ids.includes(id)) ids.push(id);
  }
  ctx.citeCount++;
  return ids.map((id) => `[@problem_id:${id}]`).join(' ');
}

function wantCitation(ctx: Ctx): boolean {
  if (ctx.plain || ctx.variant === 'none') return false;
  return ctx.rng.chance(ctx.citeRate) || (ctx.citeCount === 0 && ctx.sentenceCount >= 2);
}

/** Closes a sentence body with punctuation and maybe a citation run, before or after the punctuation. */
function finish(ctx: Ctx, body: string, punct: string, capitalise = true): Sentence {
  ctx.sentenceCount++;
  const text = ctx.lang === 'en' && capitalise ? capFirst(body) : body;
  if (!wantCitation(ctx)) return { text: text + punct, trailing: false };
  const cites = citations(ctx);
  const after = ctx.citeStyle === 'after' ? ctx.rng.chance(0.85) : ctx.citeStyle === 'mixed' && ctx.rng.chance(0.5);
  if (after) return { text: `${text}${punct}${ctx.lang === 'en' ? ' ' : ''}${cites}`, trailing: true };
  return { text: `${text} ${cites}${punct}`, trailing: false };
}

function sentence(ctx: Ctx): Sentence {
  const frame = ctx.lang === 'zh' ? ctx.rng.pick(ZH_FRAMES) : ctx.rng.pick(EN_FRAMES);
  return finish(
    ctx,
    fill(frame, (k) => gen(ctx, k)),
    ctx.lang === 'zh' ? '。' : '.',
  );
}

function definition(ctx: Ctx): Sentence {
  const { rng, lang } = ctx;
  const e = pickEntry(ctx, rng.pick(KINDS));
  const noun = KIND_NOUN[e.term.kind];
  const term = renderEntry(ctx, e, { decorate: false });
  if (lang === 'zh') {
    const en = rng.chance(0.5) ? e.term.en.replace(/\b[a-z]/g, (c) => c.toUpperCase()) : e.term.en;
    const gloss = e.term.abbr ? `${en}, ${e.term.abbr}` : en;
    return finish(ctx, `**${term}**（${gloss}）是${noun[0]}，${relation(ctx, '它')}`, '。');
  }
  const abbr = e.term.abbr ? ` (${e.term.abbr})` : '';
  return finish(ctx, `**${term}**${abbr} is ${noun[1]}, and ${relation(ctx, 'it')}`, '.');
}

function joinSentences(lang: Lang, sentences: Sentence[]): string {
  let out = '';
  sentences.forEach((s, i) => {
    const prev = sentences[i - 1];
    if (i > 0) out += lang === 'en' || prev?.trailing ? ' ' : '';
    out += s.text;
  });
  return out;
}

function paragraph(ctx: Ctx, withDefinition = false): string {
  const n = ctx.rng.int(3, 6);
  const sentences: Sentence[] = [];
  if (withDefinition) sentences.push(definition(ctx));
  while (sentences.length < n) sentences.push(sentence(ctx));
  return joinSentences(ctx.lang, sentences);
}

function introParagraph(ctx: Ctx): string {
  const q = ctx.lang === 'zh' ? ctx.rng.pick(ZH_QUESTIONS) : ctx.rng.pick(EN_QUESTIONS);
  const first: Sentence = { text: capFirst(fill(q, (k) => gen(ctx, k))), trailing: false };
  const rest = Array.from({ length: ctx.rng.int(3, 5) }, () => sentence(ctx));
  return joinSentences(ctx.lang, [first, ...rest]);
}

function listBlock(ctx: Ctx): string {
  const { rng, lang } = ctx;
  const lead = lang === 'zh' ? rng.pick(ZH_LIST_LEADS) : rng.pick(EN_LIST_LEADS);
  const leadText = capFirst(
    fill(lead, (k) => (k === 'cite' ? (wantCitation(ctx) ? ` ${citations(ctx)}` : '') : gen(ctx, k))),
  );
  const ordered = rng.chance(0.45);
  const gap = rng.chance(0.3) ? '\n\n' : '\n';
  const marker = ordered && rng.chance(0.5) ? '.  ' : '. ';
  const items: string[] = [];
  const n = rng.int(3, 5);
  for (let i = 0; i < n; i++) {
    let body: string;
    if (rng.chance(0.6)) {
      const head = mention(ctx, rng.pick(KINDS), { decorate: false, article: false });
      const s = sentence(ctx);
      body = lang === 'zh' ? `**${head}**：${s.text}` : `**${capFirst(head)}:** ${s.text}`;
    } else {
      body = sentence(ctx).text;
    }
    items.push(`${ordered ? `${i + 1}${marker}` : '- '}${body}`);
  }
  return `${leadText}\n\n${items.join(gap)}`;
}

function displayMath(ctx: Ctx): string {
  const { rng, lang } = ctx;
  const f = rng.pick(FORMULAS);
  const lead = lang === 'zh' ? rng.pick(ZH_MATH_LEADS) : rng.pick(EN_MATH_LEADS);
  const style = rng.int(0, 9);
  const math = style < 5 ? `$$${f.tex}$$` : style < 8 ? `$$ ${f.tex} $$` : `$$\n${f.tex}\n$$`;
  const before = joinSentences(lang, [sentence(ctx), sentence(ctx), { text: lead, trailing: false }]);
  // "where …" continues the equation, so it stays lower-case.
  const where = finish(ctx, lang === 'zh' ? `其中，${f.zh}` : `where ${f.en}`, lang === 'zh' ? '。' : '.', false);
  const after = joinSentences(lang, [where, sentence(ctx)]);
  return `${before}\n${math}\n${after}`;
}

function block(ctx: Ctx): string {
  const r = ctx.rng.float();
  if (r < 0.12) return listBlock(ctx);
  if (r < 0.2) return displayMath(ctx);
  if (r < 0.32) return paragraph(ctx, true);
  return paragraph(ctx);
}

const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);

/** Title-cases all-lower-case English words outside link targets (`cAMP`, `mPFC` stay as they are). */
function titleCaseHeading(s: string): string {
  return s
    .split(/(\]\([^)]*\))/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/\b[a-z]+\b/g, (w) => (SMALL_WORDS.has(w) ? w : w[0]?.toUpperCase() + w.slice(1))),
    )
    .join('');
}

function heading(ctx: Ctx, templates: readonly string[]): string {
  ctx.inHeading = true;
  const text = fill(ctx.rng.pick(templates), (k) => gen(ctx, k));
  ctx.inHeading = false;
  return capFirst(ctx.lang === 'en' ? titleCaseHeading(text) : text);
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

type ChapterKind = 'main' | 'applications';

function chapterBody(ctx: Ctx, kind: ChapterKind): string {
  const { rng, lang } = ctx;
  const target = rng.int(6600, 10600);
  const parts: string[] = [];
  let size = 0;
  const add = (s: string): void => {
    parts.push(s);
    size += bytes(s) + 2;
  };
  if (kind === 'main') {
    add(lang === 'zh' ? '## 引言' : '## Introduction');
    add(introParagraph(ctx));
    add(lang === 'zh' ? '## 原理与机制' : '## Principles and Mechanisms');
  } else {
    add(lang === 'zh' ? '## 应用与跨学科联系' : '## Applications and Interdisciplinary Connections');
    add(introParagraph(ctx));
  }
  const sections = rng.int(4, 7);
  for (let s = 0; s < sections; s++) {
    const budget = (target - size) / (sections - s);
    const start = size;
    add(`### ${heading(ctx, lang === 'zh' ? ZH_SECTION_TITLES : EN_SECTION_TITLES)}`);
    add(block(ctx));
    if (rng.chance(0.3) && budget > 1400) {
      for (let sub = 0; sub < 2; sub++) {
        add(`#### ${heading(ctx, lang === 'zh' ? ZH_SUB_TITLES : EN_SUB_TITLES)}`);
        add(block(ctx));
        const subBudget = start + (budget * (sub + 2)) / 3;
        while (size < subBudget - 350) add(block(ctx));
      }
    } else {
      while (size - start < budget - 350) add(block(ctx));
    }
  }
  return parts.join('\n\n') + '\n';
}

function newCtx(corpus: Corpus, seed: number, index: number, lang: Lang, extraProblems: readonly number[]): Ctx {
  const rng = new Random(mix(seed, index + 1));
  const v = rng.float();
  const variant: Variant = v < 0.05 ? 'none' : v < 0.075 ? 'article' : v < 0.1 ? 'keyword' : 'entry';
  const c = rng.float();
  const citeStyle: CiteStyle = c < 0.6 ? 'before' : c < 0.9 ? 'after' : 'mixed';
  const localProblems = [...extraProblems];
  const nLocal = rng.int(4, 12);
  for (let i = 0; i < nLocal; i++) localProblems.push(rng.pick(corpus.problems));
  const ctx: Ctx = {
    rng,
    lang,
    corpus,
    variant,
    citeStyle,
    citeRate: 0.3 + rng.float() * 0.2,
    linkRate: 0.25 + rng.float() * 0.5,
    localProblems,
    focal: [],
    citeCount: 0,
    linkCount: 0,
    sentenceCount: 0,
    plain: false,
    inHeading: false,
  };
  return ctx;
}

/** Topic focus: a handful of entries per kind, half drawn uniformly (the long tail), half by popularity. */
function pickFocal(corpus: Corpus, rng: Random): Entry[] {
  const focal: Entry[] = [];
  for (const kind of KINDS) {
    const s = corpus.byKind[kind];
    const n = rng.int(1, 2);
    for (let i = 0; i < n; i++) focal.push(rng.chance(0.5) ? rng.pick(s.entries) : sample(s, rng));
  }
  return focal;
}

// ---------------------------------------------------------------------------------------------------------------
// Appendices

interface Practice {
  id: string;
  introduction: string;
  problem: string;
  solution: string;
  answer: string;
}

function plainSentences(ctx: Ctx, n: number): string {
  return joinSentences(
    ctx.lang,
    Array.from({ length: n }, () => sentence(ctx)),
  );
}

function practice(ctx: Ctx, id: number): Practice {
  const { rng, lang } = ctx;
  const f = rng.pick(FORMULAS);
  const zh = lang === 'zh';
  const p = mention(ctx, 'process', { link: false });
  const x = mention(ctx, 'disorder', { link: false });
  const introduction = zh
    ? `本练习将带你探讨${p}与${x}之间的联系。${plainSentences(ctx, rng.int(1, 2))}[@problem_id:${id}]`
    : `This exercise explores the link between ${p} and ${x}. ${plainSentences(ctx, rng.int(1, 2))} [@problem_id:${id}]`;
  const value = (rng.int(100, 99999) / 100).toFixed(2);
  const problem = zh
    ? `${plainSentences(ctx, rng.int(2, 3))}考虑如下模型：\n$$ ${f.tex} $$\n其中，${f.zh}。请计算相应的数值结果，并保留三位有效数字。`
    : `${plainSentences(ctx, rng.int(2, 3))} Consider the model\n$$ ${f.tex} $$\nwhere ${f.en}. Compute the corresponding value to three significant figures.`;
  const solution = zh
    ? `我们从上述方程出发。${plainSentences(ctx, rng.int(2, 4))}\n$$${f.tex}$$\n代入给定参数，得到 $${value}$。`
    : `We start from the equation above. ${plainSentences(ctx, rng.int(2, 4))}\n$$${f.tex}$$\nSubstituting the given parameters yields $${value}$.`;
  return { id: String(id), introduction, problem, solution, answer: `$$\\boxed{${value}}$$` };
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

function validate(opts: SynthOptions): { chapters: number; seed: number; zhShare: number; appendices: boolean } {
  const { chapters, seed } = opts;
  const zhShare = opts.zhShare ?? 0.5;
  if (!Number.isSafeInteger(chapters) || chapters < 0) {
    throw new RangeError(`synth-corpus: chapters must be a non-negative integer, got ${chapters}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`synth-corpus: seed must be an integer, got ${seed}`);
  if (!Number.isFinite(zhShare) || zhShare < 0 || zhShare > 1) {
    throw new RangeError(`synth-corpus: zhShare must be within [0, 1], got ${zhShare}`);
  }
  return { chapters, seed, zhShare, appendices: opts.appendices ?? false };
}

/** Exact, evenly spread language assignment: unit `i` is zh when ceil((i+1)·share) steps up. */
function langOf(i: number, share: number): Lang {
  return Math.ceil((i + 1) * share - 1e-9) > Math.ceil(i * share - 1e-9) ? 'zh' : 'en';
}

const pad4 = (n: number): string => String(n).padStart(4, '0');

function seedBits(seed: number): number {
  return mix(seed >>> 0, Math.floor(seed / 4294967296) >>> 0);
}

/** Generates the corpus in memory. Deterministic in its options. */
export function synthCorpus(opts: SynthOptions): SynthChapter[] {
  const { chapters, seed: rawSeed, zhShare, appendices } = validate(opts);
  const seed = seedBits(rawSeed);
  const corpus = buildCorpus(seed, chapters);
  const out: SynthChapter[] = [];

  if (!appendices) {
    for (let i = 0; i < chapters; i++) {
      const lang = langOf(i, zhShare);
      const ctx = newCtx(corpus, seed, i, lang, []);
      ctx.focal = pickFocal(corpus, ctx.rng);
      const kind: ChapterKind = ctx.rng.chance(0.5) ? 'main' : 'applications';
      out.push({ path: `synth-${pad4(i + 1)}.${lang}.md`, content: chapterBody(ctx, kind), lang });
    }
    return out;
  }

  // Folder layout: two chapters (MainContent + Applications) per topic, topics grouped into nested folders.
  const layout = new Random(mix(seed, 0x1a7));
  let nextId = layout.int(800000, 880000);
  const folder = (name: string): string => `${name.replace(/[/\\:]/g, '-')}@@${(nextId += layout.int(1, 40))}`;
  // How many more children the current open folder at each level takes before a new sibling is opened.
  const left = { courses: 0, categories: 0, chapters: 0, topics: 0 };
  let domainIdx = -1;
  let levelDir = '';
  let courseDir = '';
  let categoryDir = '';
  let chapterDir = '';
  let courses: readonly string[] = [];
  let appendixCursor = 0;
  const topics = Math.ceil(chapters / 2);
  const titleCase = (s: string): string => s.replace(/\b[a-z]/g, (c) => c.toUpperCase());

  for (let t = 0; t < topics; t++) {
    const lang = langOf(t, zhShare);
    const trng = new Random(mix(seed, 0x70000000 + t));
    const focal = pickFocal(corpus, trng);
    const a = titleCase(trng.pick(focal).term.en);
    const b = titleCase(trng.pick(focal).term.en);

    if (left.topics === 0) {
      if (left.chapters === 0) {
        if (left.categories === 0) {
          if (left.courses === 0) {
            domainIdx = (domainIdx + 1) % DOMAINS.length;
            const domain = DOMAINS[domainIdx];
            if (domain === undefined) throw new Error('synth-corpus: no domains');
            courses = domain[1];
            levelDir = `${folder(domain[0])}/${folder(layout.chance(0.8) ? 'graduate' : 'undergraduate')}`;
            left.courses = layout.int(2, 4);
          }
          courseDir = `${levelDir}/${folder(layout.pick(courses))}`;
          left.courses--;
          left.categories = layout.int(2, 4);
        }
        categoryDir = `${courseDir}/${folder(layout.pick(CATEGORIES))}`;
        left.categories--;
        left.chapters = layout.int(2, 5);
      }
      chapterDir = `${categoryDir}/${folder(`${a} ${layout.pick(CHAPTER_SUFFIXES)}`)}`;
      left.chapters--;
      left.topics = layout.int(2, 6);
    }
    left.topics--;
    const topicName = fill(layout.pick(TOPIC_PATTERNS), (k) => (k === 'A' ? a : b));
    const topicDir = `${chapterDir}/${folder(topicName)}`;

    const nPractices = layout.int(2, 4);
    const ids: number[] = [];
    for (let k = 0; k < nPractices; k++) {
      const id = corpus.problems[appendixCursor++ % corpus.problems.length];
      if (id !== undefined) ids.push(id);
    }

    for (let c = 0; c < 2 && 2 * t + c < chapters; c++) {
      const i = 2 * t + c;
      const ctx = newCtx(corpus, seed, i, lang, ids);
      ctx.focal = focal;
      const kind: ChapterKind = c === 0 ? 'main' : 'applications';
      const file = c === 0 ? 'MainContent.md' : 'Applications.md';
      out.push({ path: `${topicDir}/${file}`, content: chapterBody(ctx, kind), lang });
    }

    const actx = newCtx(corpus, seed, 0x40000000 + t, lang, ids);
    actx.focal = focal;
    actx.plain = true;
    const doc = { hands_on_practices: ids.map((id) => practice(actx, id)) };
    out.push({ path: `${topicDir}/Appendices.json`, content: JSON.stringify(doc, null, 2) + '\n', lang });
  }
  return out;
}

/** Generates the corpus and writes it under `dir` (creating folders). Existing files with the same names are overwritten. */
export async function writeSynthCorpus(dir: string, opts: SynthOptions): Promise<{ files: number; bytes: number }> {
  return writeFiles(dir, synthCorpus(opts));
}

async function writeFiles(dir: string, files: readonly SynthChapter[]): Promise<{ files: number; bytes: number }> {
  const dirs = new Set(files.map((f) => path.dirname(path.join(dir, f.path))));
  for (const d of dirs) await mkdir(d, { recursive: true });
  let total = 0;
  const CONCURRENCY = 32;
  for (let i = 0; i < files.length; i += CONCURRENCY) {
    await Promise.all(
      files.slice(i, i + CONCURRENCY).map((f) => {
        total += bytes(f.content);
        return writeFile(path.join(dir, f.path), f.content, 'utf8');
      }),
    );
  }
  return { files: files.length, bytes: total };
}

// ---------------------------------------------------------------------------------------------------------------
// CLI

const USAGE =
  'usage: npm run synth -- --chapters N --out DIR [--seed N] [--zh-share 0..1] [--appendices]\n' +
  '  --chapters N     number of Markdown chapters (1..100000; everything is built in memory first)\n' +
  '  --out DIR        output directory (created if missing; same-named files are overwritten)\n' +
  '  --seed N         integer seed (default 1); the same seed gives byte-identical output\n' +
  '  --zh-share X     share of Chinese chapters (default 0.5)\n' +
  '  --appendices     use the Domain@@id/…/Topic@@id/ layout with MainContent.md, Applications.md, Appendices.json';

function fail(message: string): never {
  process.stderr.write(`synth-corpus: ${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  let values: {
    chapters?: string;
    out?: string;
    seed?: string;
    'zh-share'?: string;
    appendices?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        chapters: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        'zh-share': { type: 'string' },
        appendices: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.chapters === undefined) fail('--chapters N is required');
  if (!/^\d+$/.test(values.chapters)) fail('--chapters must be a positive integer');
  const chapters = Number(values.chapters);
  if (chapters < 1 || chapters > 100_000) fail('--chapters must be between 1 and 100000');
  const seedText = values.seed ?? '1';
  if (!/^-?\d+$/.test(seedText) || !Number.isSafeInteger(Number(seedText))) fail('--seed must be an integer');
  const zhText = values['zh-share'] ?? '0.5';
  const zhShare = Number(zhText);
  if (zhText.trim() === '' || !Number.isFinite(zhShare) || zhShare < 0 || zhShare > 1) {
    fail('--zh-share must be a number within [0, 1]');
  }
  if (values.out === undefined || values.out.trim() === '') fail('--out DIR is required');
  const out = path.resolve(values.out);
  const opts: SynthOptions = { chapters, seed: Number(seedText), zhShare, appendices: values.appendices ?? false };

  const t0 = performance.now();
  const files = synthCorpus(opts);
  const result = await writeFiles(out, files);
  const secs = (performance.now() - t0) / 1000;
  const md = files.filter((f) => f.path.endsWith('.md'));
  const zhChapters = md.filter((f) => f.lang === 'zh').length;
  process.stdout.write(
    `synth-corpus: ${md.length} chapters (${zhChapters} zh, ${md.length - zhChapters} en), ${result.files} files, ` +
      `${(result.bytes / 1e6).toFixed(1)} MB -> ${out} in ${secs.toFixed(2)} s (seed ${opts.seed})\n`,
  );
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`synth-corpus: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
