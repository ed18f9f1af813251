// Concept mentions: vocabulary matches on word boundaries, glossary links merged into the vocabulary,
// terms the text defines (bold with a gloss, bilingual pairs, abbreviations, named hypotheses), head-word
// compounds, bilingual labels, and no concept for noise.
import { describe, expect, it } from 'vitest';
import { nodeKey } from '../../server/model/types';
import { categoryFromHeadWord } from '../../server/extract/head-words';
import { extract } from './helpers';

const zh = (md: string) => extract(md, 'snippet.zh.md');
const en = (md: string) => extract(md, 'snippet.en.md');

describe('vocabulary mentions', () => {
  it('finds unlinked terms in both languages, with both labels, traditional characters included', () => {
    const { result } = zh('在創傷後應激障礙（PTSD）中，杏仁核过度活跃；氯胺酮可以缓解抑郁症。');
    const ptsd = result.concepts.get(nodeKey.concept('post-traumatic-stress-disorder'))!;
    expect(ptsd).toMatchObject({ category: 'Disorder', origin: 'vocabulary' });
    expect(ptsd.labels).toMatchObject({ zh: '创伤后应激障碍', en: 'post-traumatic stress disorder' });
    expect(ptsd.aliases).toEqual(expect.arrayContaining(['創傷後應激障礙', '创伤后应激障碍', 'PTSD']));
    for (const id of ['amygdala', 'ketamine', 'depression'])
      expect(result.concepts.has(nodeKey.concept(id))).toBe(true);
  });

  it('matches English on word boundaries, plural and hyphen variants, abbreviations by their case', () => {
    const { concepts } = en(
      'The effect of mood-stabilisers on the effective dose. Electroconvulsive therapy (ECT) helps.',
    );
    expect(concepts.get('mood stabilizer')).toBe('Intervention');
    expect(concepts.get('electroconvulsive therapy')).toBe('Intervention');
    const { result } = en('We study the effect and the ect of a select sect.');
    expect(result.concepts.size).toBe(0);
  });

  it('checks Chinese matches against jieba word boundaries (a dose is no anaesthetic)', () => {
    const { concepts } = zh('单次亚麻醉剂量的氯胺酮起效很快。');
    expect(concepts.has('麻醉药')).toBe(false);
    expect(concepts.get('氯胺酮')).toBe('Intervention');
  });

  it('finds no mention in a comparison with `-like` (a prion-like manner), but in a longer name', () => {
    const { concepts } = en(
      'Tau spreads in a prion-like manner, and Parkinson-like rigidity may appear with insulin-like growth factor 1.',
    );
    expect(concepts.has('prion')).toBe(false);
    expect(concepts.has("Parkinson's disease")).toBe(false);
    expect(concepts.get('insulin-like growth factor 1')).toBe('Molecule');
  });

  it('finds no process in the name of an agent (变构调节 in 正性变构调节剂)', () => {
    const { concepts, relations } = zh('苯二氮䓬类药物作为正性变构调节剂增加氯离子通道开放的频率。');
    expect(concepts.has('别构调节')).toBe(false);
    expect(relations).toContain('苯二氮䓬类药物 -increases-> 氯通道');
  });

  it('takes a drug name jieba glued to the conjunction after it (奥/氮/平和)', () => {
    const { concepts, relations } = zh('抗精神病药（如奥氮平和利培酮）阻断多巴胺D2受体；喹硫平与锂盐合用。');
    for (const name of ['奥氮平', '利培酮', '喹硫平']) expect(concepts.get(name)).toBe('Intervention');
    expect(relations).toContain('奥氮平 -member_of-> 抗精神病药');
  });

  it('reads `竞争性拮抗` before its object as a verb with an adverb, not as the name of an antagonist', () => {
    const e = extract('螺内酯竞争性拮抗盐皮质激素受体。');
    expect(e.concepts.has('竞争性拮抗剂')).toBe(false);
    expect(e.relations).toContain('螺内酯 -decreases-> 盐皮质激素受体');
  });

  it('makes no concept of a metaphor', () => {
    expect(zh('想象一个铁匠试图重塑一块冰冷坚硬的铁。').result.concepts.size).toBe(0);
  });
});

describe('glossary links', () => {
  it('merge into the vocabulary concept their text names, keeping the entry id', () => {
    const { result } = zh('[氯胺酮](@entry_id:123)是一种药物。后来氯胺酮与 ketamine 被广泛使用。');
    const k = result.concepts.get(nodeKey.concept('ketamine'))!;
    expect(k.entryIds).toEqual(['123']);
    expect(result.mentions.filter((m) => m.concept === nodeKey.concept('ketamine'))).toHaveLength(2);
  });

  it('keep one concept per entry id for forms the vocabulary does not know', () => {
    const { result } = zh('[关键窗口](@entry_id:5)与[窗口期](@entry_id:5)相同。');
    const c = result.concepts.get(nodeKey.concept('entry:5'))!;
    expect(c).toMatchObject({ origin: 'glossary', category: 'Mechanism', entryIds: ['5'] });
    expect(c.aliases).toEqual(['关键窗口', '窗口期']);
  });

  it('link headings to their concept', () => {
    const { result, chapter } = zh('## 更广阔的视野：[神经发育](@entry_id:170731)及其他\n\n正文。');
    const m = result.mentions.find((x) => x.claim === chapter.sections[0]!.key);
    expect(m?.concept).toBe(nodeKey.concept('neurodevelopment'));
  });
});

describe('defined terms', () => {
  it('take a bold term with its English name and abbreviation as one concept', () => {
    const { result } = zh('**神经胶质瘢痕**（Glial Scar, GS）在损伤后形成。GS 阻碍轴突再生。');
    const c = [...result.concepts.values()].find((x) => x.labels.zh === '神经胶质瘢痕')!;
    expect(c.labels.en).toBe('Glial Scar');
    expect(c.aliases).toEqual(expect.arrayContaining(['神经胶质瘢痕', 'Glial Scar', 'GS']));
    expect(c.mentionCount).toBe(2);
  });

  it('read `Long Name (ABBR)` and `name, or ABBR` with the abbreviation letters', () => {
    const a = en('Patients with Treatment-Resistant Bipolar Depression (TRBD) respond. TRBD is rare.').result;
    const trbd = [...a.concepts.values()].find((c) => c.aliases.includes('TRBD'))!;
    expect(trbd.aliases).toContain('Treatment-Resistant Bipolar Depression');
    expect(trbd.category).toBe('Disorder');
    const b = en('The **anterior cingulate gyrus**, or ACGx, monitors conflict.').result;
    expect([...b.concepts.values()].some((c) => c.aliases.includes('ACGx'))).toBe(false);
  });

  it('find an abbreviation the chapter defines in the plural too (`ICDs`)', () => {
    const a = en(
      'An implantable cardioverter-defibrillator (ICD) monitors the rhythm. ICDs prevent sudden cardiac death.',
    );
    expect(a.result.concepts.get(nodeKey.concept('icd'))!.mentionCount).toBe(2);
    expect(a.relations).toContain('implantable cardioverter-defibrillator -prevents-> sudden cardiac death');
  });

  it("let the chapter's own definition of an abbreviation win over the vocabulary's", () => {
    // The vocabulary's PD is Parkinson's disease; a chapter that defines PD means its own term by it.
    const defined = en('Panic disorder (PD) begins in early adulthood. PD responds to SSRIs.').result;
    const panic = defined.concepts.get(nodeKey.concept('panic-disorder'))!;
    expect(panic.aliases).toContain('PD');
    expect(panic.mentionCount).toBe(2);
    expect(defined.concepts.has(nodeKey.concept('parkinsons-disease'))).toBe(false);
    const zhDefined = zh('**惊恐障碍**（Panic Disorder, PD）常伴广场恐惧。PD 患者对二氧化碳敏感。').result;
    expect(zhDefined.concepts.get(nodeKey.concept('panic-disorder'))!.mentionCount).toBe(2);
    expect(zhDefined.concepts.has(nodeKey.concept('parkinsons-disease'))).toBe(false);
    // Without a definition the vocabulary's meaning stands.
    expect(en('PD causes a resting tremor.').result.concepts.has(nodeKey.concept('parkinsons-disease'))).toBe(true);
  });

  it('do not find a term inside `non-…` (non-cancer pain is no cancer pain)', () => {
    const { result } = en('Opioids are used for chronic non-cancer pain. Cancer pain often needs them too.');
    const surfaces = result.mentions.map((m) => m.attributes.surface.toLowerCase());
    expect(surfaces.filter((x) => x === 'cancer pain')).toEqual(['cancer pain']);
    expect(result.mentions.find((m) => m.attributes.surface === 'Cancer pain')).toBeDefined();
    // Nor its parts: the first sentence mentions opioids and pain, and no cancer.
    const first = result.mentions.find((m) => m.attributes.surface === 'Opioids')!.claim;
    const inFirst = result.mentions.filter((m) => m.claim === first).map((m) => m.attributes.surface);
    expect(inFirst).toEqual(['Opioids', 'pain']);
  });

  it('take a quoted hypothesis of a disorder as a concept, not other quoted phrases', () => {
    const { concepts } = en('This is the "chaotic gating" hypothesis of psychosis. It is a "bridge to safety".');
    expect(concepts.has('chaotic gating')).toBe(true);
    expect(concepts.has('bridge to safety')).toBe(false);
  });
});

describe('head words', () => {
  it('give categories to unknown terms in both languages', () => {
    expect(categoryFromHeadWord('某某受体拮抗剂')).toBe('Intervention');
    expect(categoryFromHeadWord('某某受体')).toBe('Molecule');
    expect(categoryFromHeadWord('某某综合征')).toBe('Disorder');
    expect(categoryFromHeadWord('恐惧回路')).toBe('Circuit');
    expect(categoryFromHeadWord('theta-burst stimulation')).toBe('Intervention');
    expect(categoryFromHeadWord('kappa opioid receptors')).toBe('Molecule');
    expect(categoryFromHeadWord('gamma oscillations')).toBe('Biomarker');
    expect(categoryFromHeadWord('relaxation oscillations')).toBeNull();
    expect(categoryFromHeadWord('theory of mind')).toBeNull();
  });

  it('build compounds on vocabulary concepts (`GABA能网络`, `自杀念头`, `sensory precision`)', () => {
    expect(zh('用镇静剂改变GABA能网络。').concepts.get('GABA能网络')).toBe('Circuit');
    expect(zh('它可以减少自杀念头。').concepts.get('自杀念头')).toBe('Disorder');
    expect(zh('氯胺酮触发的谷氨酸盐激增。').concepts.get('谷氨酸盐激增')).toBe('Mechanism');
    const e = en('The **precision** matters. What if sensory precision is too high? A low precision is bad.');
    expect(e.concepts.get('sensory precision')).toBe('Mechanism');
    expect(e.concepts.has('low precision')).toBe(false);
  });
});
