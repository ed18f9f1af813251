/**
 * The cue lexicon of typed relations, in Chinese and English: which words signal which family of
 * predicates, and which categories each predicate accepts on either side. A cue picks a family; the
 * categories of the two concepts pick the predicate within it (`减少` + Intervention→Disorder = treats,
 * `减少` + Intervention→Mechanism = decreases), so one lexicon serves every field without guessing.
 */
import type { Category, Predicate } from '../model/types';

export type Family =
  | 'treat'
  | 'respond'
  | 'reduce'
  | 'prevent'
  | 'cause'
  | 'origin'
  | 'mediate'
  | 'drive'
  | 'increase'
  | 'risk'
  | 'marker'
  | 'implicate'
  | 'encode'
  | 'determine'
  | 'depend'
  | 'predict'
  | 'reflect'
  | 'signature'
  | 'measure'
  | 'symptom'
  | 'part'
  | 'include'
  | 'compose'
  | 'member'
  | 'contain'
  | 'bind'
  | 'act'
  | 'combine'
  | 'contrast'
  | 'associate';

export interface PredicateOption {
  predicate: Predicate;
  subject: readonly Category[];
  object: readonly Category[];
  /**
   * A class membership named in passing (`SSRIs such as fluoxetine block SERT`, `the 5-HT2A antagonist
   * cyproheptadine`): the sentence presupposes it and asserts something else, so it is recorded as a
   * `member_of` edge (member → class), not as a `part_of` relation.
   */
  member?: true;
}

const I: Category = 'Intervention';
const D: Category = 'Disorder';
const M: Category = 'Mechanism';
const C: Category = 'Circuit';
const Mo: Category = 'Molecule';
const B: Category = 'Biomarker';
const K: Category = 'Concept';
const ALL: Category[] = [I, D, M, C, Mo, B, K];

/** The last resort of a cue whose sides fit no typed predicate: the text relates them, nothing more. */
const RELATED: PredicateOption = { predicate: 'associated_with', subject: ALL, object: ALL };

/** Families of cues that relieve or lower: `A lowers X in D`, `For D, A reduces X`. */
export const RELIEVING: ReadonlySet<Family> = new Set<Family>(['treat', 'reduce', 'prevent']);

/** Families whose cue stands between the whole and its part, or the effect and its cause (`Y包括X`, `Y depends on X`). */
export const REVERSED_FAMILIES: ReadonlySet<Family> = new Set<Family>([
  'origin',
  'include',
  'compose',
  'contain',
  'depend',
  'respond',
  'signature',
  'measure',
]);

/** What a part is of (the `part` and `compose` families): the same kinds either way round. */
const PART_OPTIONS: PredicateOption[] = [
  { predicate: 'part_of', subject: [C], object: [C] },
  { predicate: 'part_of', subject: [Mo], object: [Mo, C, D] },
  { predicate: 'part_of', subject: [K, M], object: [K, M] },
  { predicate: 'part_of', subject: [I], object: [I] },
  // (A structure or a molecule that forms part of a process takes part in it.)
  { predicate: 'implicated_in', subject: [C, Mo], object: [M] },
];

/** Options per family, tried in order: the first whose categories fit both sides wins. */
export const FAMILY_OPTIONS: Record<Family, PredicateOption[]> = {
  // (A molecule given as a drug treats too: `adenosine terminates SVT`, `insulin is used for diabetes`. A
  // treatment verb names the use; the vocabulary files the substance under what it is.)
  treat: [
    { predicate: 'treats', subject: [I], object: [D] },
    { predicate: 'treats', subject: [Mo], object: [D] },
  ],
  // `D responds to X`, `D对X有反应`: the treatment stands after the cue (sides swapped, REVERSED_FAMILIES).
  respond: [
    { predicate: 'treats', subject: [I], object: [D] },
    { predicate: 'treats', subject: [Mo], object: [D] },
  ],
  // A disorder or a stress exposure lowers a process or a molecule too (`chronic stress suppresses
  // neurogenesis`); a molecule or a process that suppresses a disorder-like state (`cortisol inhibits
  // inflammation`) decreases it. Both are tried after the usual readings.
  reduce: [
    { predicate: 'treats', subject: [I], object: [D] },
    { predicate: 'decreases', subject: [I, Mo, M, C, K, B], object: [M, Mo, C, B, K] },
    { predicate: 'decreases', subject: [D], object: [M, Mo, C, B] },
    { predicate: 'decreases', subject: [Mo, M, C], object: [D] },
  ],
  // (A process kept from happening is lowered: `NSAIDs prevent peripheral sensitisation`.)
  prevent: [
    { predicate: 'prevents', subject: [I, M, Mo], object: [D] },
    { predicate: 'decreases', subject: [I], object: [M] },
  ],
  // A Concept is a fitting effect too: physiology's quantities and processes are often only linked terms.
  cause: [
    { predicate: 'causes', subject: [I, Mo, M, C, D, K], object: [M, D, B, K] },
    { predicate: 'increases', subject: [I, Mo, M, C], object: [Mo] },
  ],
  // `D的最常见原因是X`, `its commonest cause is X`: the cause stands after the cue (sides swapped,
  // REVERSED_FAMILIES).
  origin: [{ predicate: 'causes', subject: [I, Mo, M, C, D, K], object: [M, D, B, K] }],
  // `X介导Y`, `X mediates Y`: a structure, a molecule or a process that mediates a state or a process takes
  // part in it (`BNST介导持续性焦虑`); what else mediates causes.
  mediate: [
    { predicate: 'implicated_in', subject: [C, Mo, M, K, B], object: [D, M] },
    { predicate: 'causes', subject: [I, Mo, M, C, D, K], object: [M, D, B, K] },
    { predicate: 'increases', subject: [I, Mo, M, C], object: [Mo] },
  ],
  // `X驱动Y`, `X drives Y`: a cause; a structure or a hormone that drives a structure raises its activity
  // (`杏仁核驱动HPA轴活动`).
  drive: [
    { predicate: 'causes', subject: [I, Mo, M, C, D, K], object: [M, D, B, K] },
    { predicate: 'increases', subject: [I, Mo, M, C], object: [Mo, C] },
  ],
  increase: [
    { predicate: 'increases', subject: [I, Mo, M, C, K, B], object: [M, Mo, C, B, K] },
    { predicate: 'causes', subject: [I, Mo, M, C], object: [D] },
    { predicate: 'increases', subject: [D], object: [M, Mo, B] },
    { predicate: 'causes', subject: [D, K], object: [D, M] },
  ],
  // A drug is what usually carries a risk: it is tried first, a pronoun's drug antecedent included.
  risk: [
    { predicate: 'risk_of', subject: [I], object: [D] },
    { predicate: 'risk_of', subject: [Mo, M, D], object: [D] },
  ],
  marker: [{ predicate: 'biomarker_for', subject: [B, Mo, C], object: [D, M, I] }],
  implicate: [{ predicate: 'implicated_in', subject: [C, Mo, M, K, B], object: [D, M] }],
  encode: [{ predicate: 'implicated_in', subject: [C, Mo], object: [M, K, D] }],
  // `X决定Y`, `Y is set by X`: a molecule, structure or signal that determines a process or state takes
  // part in it; between abstract terms (`the prior determines perception`) the text only relates them.
  determine: [{ predicate: 'implicated_in', subject: [Mo, C, B], object: [M, B, D] }, RELATED],
  // `Y取决于X`, `Y depends on X`: the same relation, written from the effect's side (sides swapped).
  depend: [{ predicate: 'implicated_in', subject: [Mo, C, B], object: [M, B, D] }, RELATED],
  // `X predicts Y`: a measurement that predicts is a marker; anything else (an equation, a model) is related.
  predict: [{ predicate: 'biomarker_for', subject: [B], object: [D, M, I] }, RELATED],
  // `X reflects Y`, `X反映Y`: a measurement that reflects a state marks it; a state that reflects a process
  // (`craving reflects strengthened projections`) is only related to it.
  reflect: [{ predicate: 'biomarker_for', subject: [B], object: [D, M, I, K, Mo] }, RELATED],
  // `Y is characterised by X`, `Y以X为特征`: the sign marks what it characterises (sides swapped).
  signature: [{ predicate: 'biomarker_for', subject: [B], object: [D, M, K] }, RELATED],
  // `Y is measured by X`, `Y用X来衡量`: the measurement marks what it measures (sides swapped).
  measure: [{ predicate: 'biomarker_for', subject: [B, Mo, C], object: [D, M, I, K] }, RELATED],
  // `D presents with S`, `D的典型表现包括S`: a disorder brings about its symptoms.
  // (A process that manifests as a sign, `central sensitisation manifests as allodynia`, brings it about too.)
  symptom: [
    { predicate: 'causes', subject: [D], object: [D] },
    { predicate: 'causes', subject: [M], object: [D] },
  ],
  // A drug of a drug class (`sertraline is an SSRI`, `A属于X类药物`) and a disorder of a wider class are
  // parts of it too.
  part: PART_OPTIONS,
  // `Y includes X`, `Y consists of X`: the part stands after the cue (sides swapped, REVERSED_FAMILIES).
  include: [
    { predicate: 'part_of', subject: [C], object: [C] },
    { predicate: 'part_of', subject: [Mo], object: [Mo, C] },
    { predicate: 'part_of', subject: [K, M], object: [K, M] },
    { predicate: 'part_of', subject: [I], object: [I] },
    // (A structure or a molecule that forms part of a process takes part in it.)
    { predicate: 'implicated_in', subject: [C, Mo], object: [M] },
  ],
  // `Y is composed of X`, `Y is built from X`: composition; a lesion made of a molecule (`tangles are composed
  // of tau`) has it as a part too (sides swapped).
  compose: PART_OPTIONS,
  // `Y contains X`, `Y's basis in X`: looser than composition, so only for structures and molecules.
  contain: [
    { predicate: 'part_of', subject: [C], object: [C] },
    { predicate: 'part_of', subject: [Mo], object: [Mo, C] },
  ],
  // `A is an SSRI`, `A是一种X`: a member of a class of the same kind, as the sentence's claim. (Named in passing,
  // `SSRIs such as fluoxetine`, `如A、B等X`, it is a `member_of` edge: class-relations.ts, PASSING_MEMBER.)
  member: [
    { predicate: 'part_of', subject: [I], object: [I] },
    { predicate: 'part_of', subject: [D], object: [D] },
    { predicate: 'part_of', subject: [Mo], object: [Mo] },
    { predicate: 'part_of', subject: [C], object: [C] },
  ],
  bind: [{ predicate: 'interacts_with', subject: [Mo, I], object: [Mo] }],
  // `X作用于Y`, `X acts on Y`: binding when Y is a molecule, taking part when Y is a process or a disorder.
  act: [
    { predicate: 'interacts_with', subject: [Mo, I], object: [Mo] },
    { predicate: 'implicated_in', subject: [C, Mo, M, K, B], object: [D, M] },
  ],
  combine: [
    { predicate: 'combined_with', subject: [I], object: [I] },
    { predicate: 'interacts_with', subject: [Mo, I], object: [Mo] },
  ],
  contrast: [
    { predicate: 'contrasted_with', subject: [I], object: [I] },
    { predicate: 'contrasted_with', subject: [D], object: [D] },
    { predicate: 'contrasted_with', subject: [K, M], object: [K, M] },
    { predicate: 'contrasted_with', subject: [C], object: [C] },
    { predicate: 'contrasted_with', subject: [Mo], object: [Mo] },
  ],
  associate: [{ predicate: 'associated_with', subject: ALL, object: ALL }],
};

/**
 * How a cue relates its two sides. `active`: subject before, object after (`X induces Y`, `X诱导Y`);
 * `passive`: the agent follows `by`/`由`/`被` (`Y is mediated by X`, `Y由X介导`); `np`: a modifier phrase
 * (`X诱导的Y`, `X-induced Y`), both sides adjacent; `noun-after`: a Chinese noun cue after its object
 * (`滥用的风险`, `Y的标志物`); `pair`: a symmetric cue, any two fitting concepts around it; `list`: a class
 * before the cue and its members after it (`SSRIs such as A and B`, `X（如A、B）`, `X — A, B and C —`), or
 * members before and the class after (`A、B等X`); `isa`: a member, a copula and its class (`A is an X`).
 */
export type Voice = 'active' | 'np' | 'noun-after' | 'pair' | 'list' | 'isa';

export interface Cue {
  family: Family;
  re: RegExp;
  /** The alternatives of `re` as written (`a|b|…`), for indexing cues by their first characters. */
  words: string;
  voice: Voice;
  confidence: number;
  /** A Chinese cue that opens with a noun (`基础是`, `表现包括`): the `的` before it is expected, not a sign of a noun use. */
  nounHead?: boolean;
}

const zh = (family: Family, words: string, voice: Voice = 'active', confidence = 0.7): Cue => ({
  family,
  re: new RegExp(`(?:${words})`, 'g'),
  words,
  voice,
  confidence,
});
const en = (family: Family, words: string, voice: Voice = 'active', confidence = 0.7): Cue => ({
  family,
  re: new RegExp(`\\b(?:${words})\\b`, 'gi'),
  words,
  voice,
  confidence,
});

/**
 * Prevalence and comorbidity: `D患者常伴有S`, `S常见于D`, `S在D患者中十分常见`. How often a state goes with a
 * disorder says they go together, not which brings the other about. Without a side of its own before it
 * (`…，并伴有S`), the sentence's topic is that side.
 */
export const ZH_COMORBID = zh(
  'associate',
  '伴有|伴发|合并有|常见于|多见于|好发于|见于|中(?:十分|非常|很|较为|尤为|尤其)?(?:常见|多见)',
  'pair',
  0.5,
);

/** `D的最常见原因是X`: each alternative opens with a fixed character (the cue scanner indexes them by it). */
const ORIGIN_ZH = [
  '的(?:最常见的|最主要的|最常见|主要|常见|首要|根本)?',
  '最常见的?',
  '最主要的',
  '主要',
  '常见',
  '首要',
  '根本',
  '',
]
  .flatMap((lead) => ['原因', '病因'].map((noun) => `${lead}${noun}(?:是|为|包括|在于|主要是|多为)`))
  .join('|');

export const ZH_CUES: Cue[] = [
  // Derivation and correspondence between equations, laws and models (`X退化为Y`, `X与Y成正比`).
  zh(
    'associate',
    '退化为|简化为|约化为|归结为|化简为|等同于|等价于|推导出|导出|对应于|成正比|成反比|正比于|反比于',
    'pair',
    0.5,
  ),
  // (`治疗初期`, `治疗期间`: the noun of a time, not the verb. `对A、B和C均有良好疗效`: the disorders inside the cue.)
  zh(
    'treat',
    '治疗(?!初期|早期|期间|过程|之初|开始|前|后|中|时|方案|策略|目标|手段|效果|反应)|治愈|用于治疗|疗效|缓解|改善|减轻|对[^，。；]{0,6}(?:有效|起效)|对[^，。；]{1,30}?(?:均|都|也)(?:有效|起效)|对[^，。；]{1,30}?(?:均|都|也)?(?:有|具有)(?:良好|显著|较好|肯定|确切)?的?疗效|批准用于|获批用于|可用于|常用于|也用于|主要用于|仅用于|只用于|多用于|还用于|广泛用于|终止',
    'active',
    0.8,
  ),
  // `X是D的一线药物`: the disorders stand before the noun cue, the drug earlier.
  zh('treat', '的(?:一线|二线|首选|标准|主要)(?:药物|用药|治疗药物|疗法|治疗选择|选择)', 'noun-after', 0.75),
  // `X是哮喘长期控制的基石`.
  zh('treat', '的基石|治疗的基石|控制的基石|长期控制的基石|管理的基石', 'noun-after', 0.7),
  // `肥胖是2型糖尿病的主要危险因素`: the disorder before the noun cue, its cause earlier.
  zh('cause', '的(?:主要|重要|独立|首要|已知)?(?:危险因素|风险因素|致病因素|诱发因素|诱因)', 'noun-after', 0.65),
  zh(
    'reduce',
    '减少|降低|减弱|抑制|阻断|阻滞|阻止|削弱|消除|驱散|拮抗|下调|逆转|灭活|降解|损害|干扰|清除|回收|破坏|耗竭',
    'active',
    0.7,
  ),
  // `海马对HPA轴起抑制作用`, `X对Y具有促进作用`: the effect named as a role, its object inside the cue.
  zh(
    'reduce',
    '对[^，。；]{1,20}?(?:起|发挥|具有|有)着?(?:明显|显著|一定|较强|强大|重要)?的?(?:抑制|拮抗|阻断|负反馈)(?:性)?作用',
    'active',
    0.7,
  ),
  zh(
    'increase',
    '对[^，。；]{1,20}?(?:起|发挥|具有|有)着?(?:明显|显著|一定|较强|强大|重要)?的?(?:促进|兴奋|激活|增强|刺激)(?:性)?作用',
    'active',
    0.7,
  ),
  zh('prevent', '预防|防止|避免', 'active', 0.7),
  zh('drive', '驱动|驱使', 'active', 0.7),
  zh('mediate', '介导', 'active', 0.7),
  zh(
    'cause',
    // `释放`, `分泌`, `合成`: a structure or a hormone that releases a hormone raises it (`室旁核释放CRH`).
    '导致|引起|引发|诱导|诱发|触发|造成|促使|致使|启动(?!子)|促成|打开|开启|产生|生成|引致|带来|释放|分泌|合成',
    'active',
    0.7,
  ),
  zh(
    'increase',
    '增加|提高|增强|加强|促进|升高|上调|激活|放大|提升|加速|加固|刺激(?![术物量源])|延长|恢复|兴奋(?![性剂])|加重|加剧',
    'active',
    0.7,
  ),
  zh('risk', '风险|副作用|不良反应|潜力|可能性|倾向|易感性', 'noun-after', 0.65),
  zh('marker', '生物标志物|标志物|标志|指标|标记', 'noun-after', 0.6),
  // `肌钙蛋白升高提示心肌损伤`: a sign that points to a state marks it.
  zh('marker', '提示', 'active', 0.55),
  zh(
    'implicate',
    // (`是恐惧反应的核心结构`, `在消退记忆的巩固中起关键作用`: the process inside the cue.)
    '参与|涉及|牵涉|是[^，。；]{0,4}(?:基础|根源|原因)|是[^，。；]{1,8}?的(?:核心|主要|关键|重要|共同)?(?:机制|病因|发病机制|特征|特点)|是[^，。；]{1,12}?的(?:核心|主要|关键|重要)(?:结构|脑区|区域|环节|部位|节点|枢纽)|在[^，。；]{1,24}?中(?:起|发挥)着?(?:关键|重要|核心|主要|决定性)?(?:的)?作用|对[^，。；]{1,24}?(?:至关重要|十分重要|非常重要|极为重要|必不可少|不可或缺)',
    'active',
    0.6,
  ),
  zh('act', '作用于', 'active', 0.6),
  zh('encode', '编码|负责|处理|表征', 'active', 0.55),
  zh('determine', '决定|主导|支配|塑造', 'active', 0.6),
  zh('determine', '的(?:主要|关键|重要|核心)?决定因素', 'noun-after', 0.6),
  zh('depend', '取决于|依赖于|依赖(?![性于])|有赖于|受制于', 'active', 0.6),
  // `Y的（分子）基础是X`: the basis named after the cue (sides swapped, as `Y取决于X`).
  // (Anchored on the noun, not on `的`: a cue whose first two characters are fixed is tried only there.)
  {
    ...zh('depend', '基础之一是|基础是|基础在于|根源是|根源在于|原因之一是|原因是|原因在于', 'active', 0.6),
    nounHead: true,
  },
  zh('predict', '预测|预示', 'active', 0.5),
  zh('reflect', '反映|体现|检测到|检出', 'active', 0.5),
  zh('signature', '以[^，。；]{1,24}?为(?:主要|典型|核心)?特征', 'active', 0.6),
  // `阿尔茨海默病的病理特征是淀粉样斑块`: the sign after the cue.
  zh('signature', '的(?:病理|主要|典型|核心|临床)?特征(?:是|为|包括|主要是)', 'active', 0.6),
  zh('measure', '用[^，。；]{1,16}?(?:来)?(?:衡量|评估|评价|评定|测量|量化|监测)', 'active', 0.6),
  { ...zh('symptom', '表现包括|表现有|表现为|症状包括|症状为', 'active', 0.6), nounHead: true },
  zh(
    'part',
    '的(?:[一二两三四五六七八九几多]个|一种)?(?:核心|关键|重要|基本|主要)?(?:组成部分|组分|成分|一部分|构成要素|亚基)',
    'noun-after',
    0.65,
  ),
  // `A和B的结合被称为Z`: the parts of a named whole.
  zh('part', '的(?:结合|组合|总和|叠加|合称)(?:被|则)?(?:称为|称作|叫做|即为)', 'active', 0.6),
  // `X构成Y`; passive `Y由X组成`, `Y由X构成`.
  zh('part', '属于|位于|组成(?!部分)|构成(?!部分|要素)', 'active', 0.6),
  zh('include', '包括|涵盖|可分为|分为', 'active', 0.55),
  zh('member', '例如|比如|诸如|如(?![何果此今同下上前])|等(?=[\\u4e00-\\u9fffA-Za-z])', 'list', 0.6),
  zh('member', '是一种|是一类|是一个|为一种', 'isa', 0.55),
  zh('contain', '包含|含有', 'active', 0.5),
  zh(
    'combine',
    '联合|合用|联用|结合|配合|搭配|辅以|加用|并用|协同|在[^，。；]{1,16}下(?:给予|使用|施用|服用|进行)',
    'pair',
    0.7,
  ),
  zh('bind', '结合于|的亲和力|亲和力', 'pair', 0.6),
  // (`与X不同，Y…`, `A的疗效与B相当`: the name inside the cue is one side.)
  zh(
    'contrast',
    '相比|相较|对比|不同于|区别于|而非|并列|优于|劣于|比[^，。；]{1,12}更|与[^，。；]{1,16}?(?:不同|相当|相仿|相近|类似)',
    'pair',
    0.6,
  ),
  zh('associate', '相关|有关|关联|联系|影响|改变|描述|调节(?!剂)|调控', 'pair', 0.5),
  // Prevalence and comorbidity: `D患者常伴有S`, `S常见于D`, `S在D患者中十分常见`. How often a state goes with a
  // disorder says they go together, not which brings the other about.
  ZH_COMORBID,
  zh('origin', ORIGIN_ZH, 'active', 0.6),
  // `库欣病的首选治疗是经蝶窦手术`, `艾迪生病患者需要终身补充氢化可的松`: the disorder first, its treatment after the cue
  // (sides swapped, REVERSED_FAMILIES).
  zh(
    'respond',
    '的(?:首选|一线|标准|主要|常用|基础|经典)?(?:治疗|疗法|治疗药物|药物治疗|药物|用药)(?:方法|手段|方案|选择)?(?:是|为|包括|主要是|主要包括|首选)',
    'active',
    0.65,
  ),
  zh(
    'respond',
    '患者(?:常|通常|往往|一般|多)?(?:需要|需|应|须|必须)(?:终身|长期)?(?:补充|服用|使用|接受|应用)',
    'active',
    0.65,
  ),
];

export const EN_CUES: Cue[] = [
  // `Its commonest cause is X`: before `cause`, which would read the noun as the verb of its own subject.
  en(
    'origin',
    'causes? (?:is|are|was|were|include|includes)|(?:cause|aetiology|etiology|origin) (?:lies|lie) in',
    'active',
    0.6,
  ),
  // Derivation between equations, laws and models; before `reduce`, which would read `reduces to` as a verb.
  en(
    'associate',
    'reduces? to|reduced to|simplif(?:y|ies|ied) to|collapses? to|special case of|limiting case of|generali[sz]ation of|generali[sz]es|derived from|derivation of',
    'pair',
    0.5,
  ),
  // `Y is treated with X`, `Y can be managed with X`: the treatment follows `with` (sides swapped).
  en('respond', '(?:treated|managed|controlled) (?:\\w+ly )?with', 'active', 0.7),
  en(
    'treat',
    'treat(?:s|ed|ing)?|treatments? (?:of|for)|therap(?:y|ies) for|indicated for|remission of|relieve[sd]?|alleviate[sd]?|ameliorate[sd]?|effective (?:against|for|in)|efficacy (?:in|for|against)',
    'active',
    0.8,
  ),
  // Indications, as a cue of their own so the scanner tries the long alternation above only where it may
  // start (each alternative opens with a fixed letter: the scanner indexes cues by their first characters).
  en(
    'treat',
    'approved (?:for|in)|licensed for|effective (?:drugs?|agents?|treatments?|medications?|options?) for|provid(?:e|es|ed|ing) (?:\\w+ )?relief|prescribed for|reserved for|first-line (?:\\w+ )?(?:for|in)|drugs? of choice (?:for|in)|agents? of choice (?:for|in)|treatments? of choice (?:for|in)|first choice (?:for|in)|terminat(?:e|es|ed|ing)|useful (?:in|for)|used (?:for|in)|interventions? for|medications? for|helps? (?:people|patients|individuals|those) with|cope with|coping with',
    'active',
    0.8,
  ),
  // `OCD responds to SSRIs`: the disorder first (sides swapped, REVERSED_FAMILIES).
  en('respond', 'respond(?:s|ed)? (?:well |best |only )?to', 'active', 0.75),
  // `Patients with Addison disease need lifelong hydrocortisone`: the disorder first (sides swapped).
  en(
    'respond',
    '(?:requires?|needs?)(?: (?:lifelong|long-term|chronic|urgent|prompt|immediate))?(?: (?:treatment|therapy) with)?',
    'active',
    0.6,
  ),
  en(
    'reduce',
    'reduc(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|lower(?:s|ed|ing)?(?!-)|inhibit(?:s|ed|ing)?|inhibitors? of|antagonists? (?:of|at)|blockers? of|(?:antibod(?:y|ies)|inhibitors?|antagonists?|blockers?) (?:directed )?(?:against|targeting)|block(?:s|ed|ing)?|suppress(?:es|ed|ing)?|attenuat(?:e|es|ed|ing)|diminish(?:es|ed|ing)?|dampen(?:s|ed|ing)?|antagoni[sz](?:e|es|ed|ing)|turns? (?:\\w+ ){0,4}down|explains? away|revers(?:e|es|ed|ing)|neutrali[sz](?:e|es|ed|ing)|interfer(?:e|es|ed|ing) with',
    'active',
    0.7,
  ),
  en(
    'reduce',
    'degrad(?:e|es|ed|ing)|broken down|breaks? down|inactivat(?:e|es|ed|ing)|clear(?:s|ed)|recycl(?:e|es|ed)|destroy(?:s|ed|ing)?|deplet(?:e|es|ed|ing)',
    'active',
    0.7,
  ),
  en('prevent', 'prevent(?:s|ed|ing)?|protect(?:s|ed|ing)? against', 'active', 0.7),
  // (`sympathetic drive to the heart`, `the drive to eat`: after a determiner or an adjective, a noun.)
  en(
    'drive',
    'driv(?:e|es)(?<!(?:\\b(?:the|a|an|its|their|this)|ic|al|ory)\\sdriv(?:e|es))|driven|drove',
    'active',
    0.7,
  ),
  en('mediate', 'mediat(?:e|es|ed|ing)', 'active', 0.7),
  // `VF is the usual mechanism of sudden cardiac death`: what a state comes about through (not `mechanism of action`).
  en(
    'mediate',
    '(?:is|are|was|were) (?:the|a|an|one) (?:[a-z]+ )?(?:mechanisms?|basis|substrate) (?:of|for|behind)(?! action)',
    'active',
    0.6,
  ),
  en(
    'cause',
    'caus(?:e|es|ed|ing)|induc(?:e|es|ed|ing)|trigger(?:s|ed|ing)?|leads? to|led to|results? in|resulted in|gives? rise to|produc(?:e|es|ed)|elicit(?:s|ed)?|evok(?:e|es|ed)|generat(?:e|es|ed)|underl(?:ie|ies|ying)|brings? about|brought about|creat(?:e|es|ed)|seed from which|degenerat(?:e|es|ed|ing) into|evolv(?:e|es|ed|ing) into|favou?r(?:s|ed)?|predispos(?:e|es|ed|ing) (?:\\w+ )?to|risk factors? for',
    'active',
    0.7,
  ),
  en(
    'increase',
    'increas(?:e|es|ed|ing)|enhanc(?:e|es|ed|ing)|boost(?:s|ed|ing)?|strengthen(?:s|ed|ing)?|promot(?:e|es|ed|ing)|elevat(?:e|es|ed|ing)|upregulat(?:e|es|ed|ing)|activat(?:e|es|ed|ing)|amplif(?:y|ies|ied)|facilitat(?:e|es|ed)|rais(?:e|es|ed)|potentiat(?:e|es|ed)|crank(?:s|ed)? up|open(?:s|ed|ing)?(?!-)|worsen(?:s|ed)?|exacerbat(?:e|es|ed)|aggravat(?:e|es|ed)|mak(?:e|es) (?:[\\w-]+ ){1,4}worse',
    'active',
    0.7,
  ),
  en(
    'increase',
    'stimulat(?:e|es|ed|ing)|overstimulat(?:e|es|ed|ing)|overactivat(?:e|es|ed|ing)|hyperactivat(?:e|es|ed|ing)|prolong(?:s|ed|ing)?|agonists? (?:of|at)|restor(?:e|es|ed|ing)|disinhibit(?:s|ed|ing)?|excit(?:e|es|ed)',
    'active',
    0.7,
  ),
  // A structure or a hormone that releases a hormone raises it (`the PVN releases CRH`).
  en('cause', 'releas(?:e|es|ed|ing)|secret(?:e|es|ed|ing)|synthesi[sz](?:e|es|ed|ing)', 'active', 0.7),
  en(
    'risk',
    '(?:main|major|chief|principal|greatest|most serious|most feared) (?:risks?|hazards?|dangers?|complications?) (?:is|are)|risk of|risks? (?:\\w+ )?(?:for|of)|side effects? (?:of|such as)|adverse effects? (?:of|such as)|liability for|potential for',
    'active',
    0.65,
  ),
  en(
    'marker',
    'biomarkers? (?:for|of)|markers? (?:for|of)|indicators? of|signature of|index of|indicat(?:e|es|ed|ing)(?! for| that)|marks?(?! of\\b)',
    'active',
    0.6,
  ),
  en(
    'implicate',
    'implicated in|involved in|contribut(?:e|es|ed|ing) to|plays? (?:a |an )?(?:\\w+ )?role in|dysfunction in|(?:essential|critical|crucial|indispensable) (?:for|to)',
    'active',
    0.65,
  ),
  en('encode', 'encod(?:e|es|ed|ing)|process(?:es|ed)?|represent(?:s|ed)?|comput(?:e|es|ed)', 'active', 0.55),
  en(
    'determine',
    'determin(?:e|es|ed|ing)|determinants? of|main determinants? of|major determinants? of|key determinants? of|govern(?:s|ed)?|shap(?:e|es|ed)',
    'active',
    0.6,
  ),
  en(
    'depend',
    'involv(?:e|es|ing)|requir(?:e|es|ing)|depends? (?:\\w+ly )?(?:up)?on|depended (?:\\w+ly )?(?:up)?on|dependent (?:up)?on|relies (?:\\w+ly )?(?:up)?on|rely (?:up)?on|relied (?:up)?on|hinges? on|is a function of|are a function of',
    'active',
    0.6,
  ),
  en('predict', 'predict(?:s|ed)?|predictive of|prognostic (?:of|for)|predictors? of', 'active', 0.5),
  en('reflect', 'reflect(?:s|ed)?|indicative of', 'active', 0.5),
  // `X PET visualises Y`, `an assay can detect Y`: a measurement that shows a state marks it.
  en(
    'reflect',
    'detect(?:s|ed)?|visuali[sz](?:e|es|ed)|maps|reveal(?:s|ed)|estimat(?:e|es)|quantif(?:y|ies)',
    'active',
    0.5,
  ),
  en(
    'signature',
    'characteri[sz]ed by|marked by|hallmarked by|defined by|hallmarks? of|cardinal features? of',
    'active',
    0.6,
  ),
  en(
    'measure',
    'measured (?:by|with|using)|quantified (?:by|with|using)|assessed (?:by|with|using)|indexed by',
    'active',
    0.6,
  ),
  en('symptom', 'present(?:s|ed)? (?:with|as)|manifest(?:s|ed)? (?:as|with)', 'active', 0.6),
  en(
    'part',
    'form(?:s|ed|ing)? (?:the )?(?:core|heart|hub|backbone) of|part of|components? of|constituents? of|subunits? of|elements? of|cornerstone of|subregion of|belongs? to|makes? up|constitut(?:e|es)',
    'active',
    0.6,
  ),
  en(
    'part',
    'together,? (?:are |is )?(?:called|termed|known as|referred to as)|collectively,? (?:are |is )?(?:called|termed|known as|referred to as)|together (?:make up|constitute|form)|collectively (?:make up|constitute|form)',
    'active',
    0.6,
  ),
  en('member', 'such as|including|e\\.g\\.,?|for example|like', 'list', 0.6),
  // A dash opening an enumeration (`the SSRIs — fluoxetine, sertraline —`); no word boundary.
  { family: 'member', re: /(?:—|–)/g, words: '—|–', voice: 'list', confidence: 0.55 },
  en('member', 'is an?|are(?: all)?|was an?', 'isa', 0.55),
  en('include', 'includ(?:e|es|ing)|compris(?:e|es|ing)|divided into|subdivided into', 'active', 0.5),
  en(
    'compose',
    'consists? of|composed of|made up of|made of|built from|formed from|(?:main|major|principal|chief) components? (?:is|are)',
    'active',
    0.5,
  ),
  en('contain', 'contain(?:s)?|basis in|built on', 'active', 0.5),
  en(
    'combine',
    'combined with|in combination with|together with|(?:given|administered|prescribed|co-prescribed) with|alongside|adjunct(?:ive)? to|augment(?:s|ed|ation)? (?:of|with)|co-administ\\w+|paired with',
    'pair',
    0.7,
  ),
  en('bind', 'bind(?:s|ing)? (?:to)?|bound to|affinity (?:for|to)', 'pair', 0.6),
  en('act', 'acts? (?:directly |mainly |primarily )?(?:on|at|upon)|acting (?:on|at)', 'active', 0.6),
  en(
    'contrast',
    'than|compared (?:with|to)|comparable (?:to|with)|as effective as|unlike|in contrast (?:to|with)|versus|vs\\.?|rather than|as opposed to|superior to|inferior to',
    'pair',
    0.6,
  ),
  // Prevalence and comorbidity: `S occurs in (30% of) patients with D`, `S is reported by most people with D`,
  // `S is common in D`. How often a state goes with a disorder says they go together, not which causes which.
  en(
    'associate',
    '(?:occurs?|occurred|arises?|develops?|(?:is|are) (?:seen|found|present|common|frequent|prevalent|reported|observed|documented)) (?:in|among|by)',
    'pair',
    0.5,
  ),
  en(
    'associate',
    'associated with|associations? (?:with|between)|linked (?:to|with)|related to|correlat(?:e|es|ed|ion) (?:\\w+ly )?(?:with|between)|affect(?:s|ed|ing)?|influenc(?:e|es|ed|ing)|describ(?:e|es|ed)|proportional to|equivalent to|analogous to|corresponds? to|modulat(?:e|es|ed)|regulat(?:e|es|ed)|lens (?:through|for|on)|view mental|explain(?:s|ed)?|account for|illuminate|reframed as|origins of',
    'pair',
    0.5,
  ),
];

/** `X-induced Y`: an English modifier cue fused to its subject by a hyphen. */
export const EN_NP_SUFFIX: [RegExp, Family][] = [
  [/-(?:induced|evoked|triggered|driven|caused|elicited)\b/gi, 'cause'],
  [/-mediated\b/gi, 'mediate'],
  [/-(?:dependent|related|associated|linked)\b/gi, 'associate'],
];

/** Words that undo a cue just before it. `不仅`, `不断`, `不同` are not negations. */
export const ZH_NEGATION = /(?:不是|并非|并不|没有|未能|无法|不能|不会|不|未|非)(?:\p{Script=Han}{0,2})$/u;
export const ZH_NOT_NEGATION = /(?:不仅|不只|不断|不同|不良|并非一成不变)/;
export const EN_NEGATION =
  /\b(?:not|n't|never|no longer|cannot|fails? to|failed to|neither|nor|without)\b(?:\s+\S+){0,2}\s*$/i;

/** Signs that a structure works abnormally in a disorder (`hyperactive`, `过度活跃`). */
export const DYSFUNCTION_ZH = /过度活跃|活动过度|亢进|异常|失调|功能障碍|受损|减弱|迟钝|病理性|过强|过高|过低|紊乱/g;
export const DYSFUNCTION_EN =
  /\b(?:hyper-?activ\w*|hypo-?activ\w*|overactiv\w*|underactiv\w*|patholog\w*|abnormal\w*|aberrant\w*|dysfunction\w*|dysregulat\w*|impair\w*|blunted|excessive\w*|deficien\w*|disrupt\w*|too high|too low|overly|exaggerated|heightened|over-precise|hyper-sensitive)\b/gi;

/** `the X hypothesis of D`: a named idea about a disorder is implicated in it. */
export const EN_THEORY_OF = /\b(?:hypothesis|theory|model|account)\s+of\b/gi;
export const ZH_THEORY_OF = /的?(?:假说|理论|模型)/g;
